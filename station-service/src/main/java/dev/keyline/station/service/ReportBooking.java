package dev.keyline.station.service;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.events.LineEvent;
import dev.keyline.station.domain.DeviceProgress;
import dev.keyline.station.domain.DeviceProvisionedReport;
import dev.keyline.station.domain.ReportOutcome;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.domain.StationReport;
import dev.keyline.station.domain.StepReport;
import dev.keyline.station.repository.ReceivedReport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Books one valid report inside the caller's transaction: applies it to the device's workflow where it is a
 * provisioning or a step, checks the key's availability for a provisioning, and appends its events and audit row to the
 * outbox. A rule violation fails with a {@code ProblemException}, which rolls the whole transaction back.
 */
@ApplicationScoped
public class ReportBooking {

    private final WorkflowService workflow;
    private final AvailabilityCheck availability;
    private final ReportPublisher publisher;

    public ReportBooking(WorkflowService workflow, AvailabilityCheck availability, ReportPublisher publisher) {
        this.workflow = workflow;
        this.availability = availability;
        this.publisher = publisher;
    }

    public Uni<ReportOutcome> book(
            StationReport report, List<CloudEvent<KeyExposed>> exposures, StationBinding station, Instant receivedAt) {
        Instant time = report.occurredAt(receivedAt);

        if (report instanceof StepReport step) {
            return workflow.complete(step, station, time, receivedAt)
                    .chain(result -> write(
                            result.events().get(0),
                            List.of(),
                            exposures,
                            result.warnings(),
                            DeviceProgress.of(result.state(), result.repeat()),
                            receivedAt));
        }

        CloudEvent<LineEvent> event = CloudEvent.create(station.source(), report.serial(), time, report.toEventData());
        if (report instanceof DeviceProvisionedReport provisioned) {
            return availability.check(provisioned).chain(warnings -> workflow.provision(
                            provisioned, event.id(), station, time, receivedAt)
                    .chain(result -> write(
                            event,
                            result.events(),
                            exposures,
                            Stream.concat(warnings.stream(), result.warnings().stream())
                                    .toList(),
                            DeviceProgress.of(result.state(), false),
                            receivedAt)));
        }
        return write(event, List.of(), exposures, List.of(), null, receivedAt);
    }

    private Uni<ReportOutcome> write(
            CloudEvent<? extends LineEvent> event,
            List<? extends CloudEvent<? extends LineEvent>> stepEvents,
            List<CloudEvent<KeyExposed>> exposures,
            List<String> warnings,
            DeviceProgress progress,
            Instant receivedAt) {
        List<CloudEvent<? extends LineEvent>> events = new ArrayList<>();
        events.add(event);
        events.addAll(stepEvents);
        events.addAll(exposures);
        ReceivedReport audit = ReceivedReport.of(event, exposures.size(), receivedAt);
        return publisher.append(events, audit).map(stored -> new ReportOutcome(event, exposures, warnings, progress));
    }
}
