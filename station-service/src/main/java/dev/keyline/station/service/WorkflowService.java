package dev.keyline.station.service;

import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.DeviceStepCompleted;
import dev.keyline.station.config.StationConfig;
import dev.keyline.station.domain.DeviceProvisionedReport;
import dev.keyline.station.domain.InstalledKey;
import dev.keyline.station.domain.ManufacturingStep;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.domain.StepDecision;
import dev.keyline.station.domain.StepDecision.CompletedStep;
import dev.keyline.station.domain.StepReport;
import dev.keyline.station.domain.StepTimes;
import dev.keyline.station.domain.WorkflowProblems;
import dev.keyline.station.domain.WorkflowRules;
import dev.keyline.station.domain.WorkflowState;
import dev.keyline.station.repository.DeviceEntity;
import dev.keyline.station.repository.DeviceRepository;
import dev.keyline.station.repository.DeviceStepEntity;
import dev.keyline.station.repository.DeviceStepRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies reports to a device's manufacturing state inside the caller's transaction: locks the device row, asks
 * {@link WorkflowRules} for the decision, and stores the new state and its history. A rejected step fails with a 409
 * {@link ProblemException}, which rolls the transaction back.
 */
@ApplicationScoped
public class WorkflowService {

    private static final Logger LOG = Logger.getLogger(WorkflowService.class);

    private final DeviceRepository devices;
    private final DeviceStepRepository steps;
    private final ShipBlockerLookup blockers;
    private final StationConfig config;

    public WorkflowService(
            DeviceRepository devices, DeviceStepRepository steps, ShipBlockerLookup blockers, StationConfig config) {
        this.devices = devices;
        this.steps = steps;
        this.blockers = blockers;
        this.config = config;
    }

    /**
     * Completes a reported step and returns the device's new state with the step's event, which names the device's
     * key. Fails with a 409 problem when the step is out of order.
     */
    public Uni<StepResult> complete(StepReport report, StationBinding station, Instant time, Instant receivedAt) {
        ManufacturingStep step = report.manufacturingStep();
        String serial = report.serial();
        return devices.lockOrCreate(serial, station.lineId(), station.stationId(), receivedAt)
                .chain(device -> blockers.openFor(serial)
                        .chain(open -> timeWarnings(serial, step, time).chain(warnings -> {
                            StepDecision decision = WorkflowRules.complete(device.state(), step, open);
                            if (decision instanceof StepDecision.Rejected rejected) {
                                LOG.warnf(
                                        "rejected step %s of device %s from %s: %d problems, first: %s",
                                        step.wireName(),
                                        serial,
                                        station,
                                        rejected.problems().size(),
                                        rejected.problems().get(0).problem());
                                return Uni.createFrom()
                                        .failure(new ProblemException(WorkflowProblems.outOfOrder(serial, rejected)));
                            }
                            StepDecision.Accepted accepted = (StepDecision.Accepted) decision;
                            WorkflowState state = accepted.state();
                            CloudEvent<DeviceStepCompleted> event = CloudEvent.create(
                                    station.source(), serial, time, stepEvent(serial, step, station, state));
                            logWarnings(step, serial, station, warnings);
                            return store(device, accepted, station, UUID.fromString(event.id()), time, receivedAt)
                                    .map(stored -> new StepResult(state, accepted.repeat(), List.of(event), warnings));
                        })));
    }

    /**
     * Applies a device-provisioned report, whose own event {@code provisionedEventId} announces the key installation.
     * Returns the extra step event when the report also cleared the key.
     */
    public Uni<StepResult> provision(
            DeviceProvisionedReport report,
            String provisionedEventId,
            StationBinding station,
            Instant time,
            Instant receivedAt) {
        String serial = report.serial();
        String partialKey =
                report.partialKey() == null ? null : report.partialKey().toUpperCase(Locale.ROOT);
        InstalledKey key = new InstalledKey(report.keyId(), partialKey, isDefaultKey(report, partialKey));
        return devices.lockOrCreate(serial, station.lineId(), station.stationId(), receivedAt)
                .chain(device -> timeWarnings(serial, ManufacturingStep.KEY_INSTALLED, time)
                        .chain(warnings -> {
                            StepDecision.Accepted accepted =
                                    WorkflowRules.provision(device.state(), key, report.keyCleared());
                            WorkflowState state = accepted.state();
                            List<CloudEvent<DeviceStepCompleted>> events = new ArrayList<>();
                            if (report.keyCleared()) {
                                events.add(CloudEvent.create(
                                        station.source(),
                                        serial,
                                        time,
                                        stepEvent(serial, ManufacturingStep.KEY_CLEARED, station, state)));
                            }
                            UUID clearedEventId = events.isEmpty()
                                    ? null
                                    : UUID.fromString(events.get(0).id());
                            logWarnings(ManufacturingStep.KEY_INSTALLED, serial, station, warnings);
                            return storeProvisioning(
                                            device,
                                            accepted,
                                            station,
                                            UUID.fromString(provisionedEventId),
                                            clearedEventId,
                                            time,
                                            receivedAt)
                                    .map(stored -> new StepResult(state, false, List.copyOf(events), warnings));
                        }));
    }

    /**
     * Returns the warning for {@code step} dated {@code time} when it is dated too far before the device's latest
     * step, or no warning.
     */
    private Uni<List<String>> timeWarnings(String serial, ManufacturingStep step, Instant time) {
        return steps.latest(serial).map(previous -> StepTimes.warning(
                        step,
                        time,
                        previous == null ? null : previous.step,
                        previous == null ? null : previous.occurredAt)
                .stream()
                .toList());
    }

    /** Logs the warnings of an accepted step, one line each. */
    private static void logWarnings(
            ManufacturingStep step, String serial, StationBinding station, List<String> warnings) {
        warnings.forEach(warning -> LOG.warnf(
                "accepted step %s of device %s from %s with a warning: %s", step.wireName(), serial, station, warning));
    }

    private boolean isDefaultKey(DeviceProvisionedReport report, String partialKey) {
        if (report.marksDefaultKey()) {
            return true;
        }
        return partialKey != null
                && config.defaultKeyPartialKeys().orElse(List.of()).stream()
                        .anyMatch(configured -> configured.trim().equalsIgnoreCase(partialKey));
    }

    private Uni<Void> store(
            DeviceEntity device,
            StepDecision.Accepted accepted,
            StationBinding station,
            UUID eventId,
            Instant time,
            Instant receivedAt) {
        CompletedStep completed = accepted.completed().get(0);
        DeviceStepEntity row =
                history(accepted.state(), completed, accepted.repeat(), eventId, station, time, receivedAt);
        if (!accepted.repeat()) {
            device.apply(accepted.state(), station.lineId(), station.stationId(), receivedAt);
        }
        logAccepted(accepted, station);
        return steps.persist(row).replaceWithVoid();
    }

    private Uni<Void> storeProvisioning(
            DeviceEntity device,
            StepDecision.Accepted accepted,
            StationBinding station,
            UUID provisionedEventId,
            UUID clearedEventId,
            Instant time,
            Instant receivedAt) {
        List<DeviceStepEntity> rows = new ArrayList<>();
        for (CompletedStep completed : accepted.completed()) {
            UUID eventId =
                    switch (completed.step()) {
                        case KEY_INSTALLED -> provisionedEventId;
                        case KEY_CLEARED -> clearedEventId;
                        default -> null;
                    };
            rows.add(history(accepted.state(), completed, false, eventId, station, time, receivedAt));
        }
        device.apply(accepted.state(), station.lineId(), station.stationId(), receivedAt);
        logAccepted(accepted, station);
        return steps.persist(rows);
    }

    private static DeviceStepEntity history(
            WorkflowState state,
            CompletedStep completed,
            boolean repeat,
            UUID eventId,
            StationBinding station,
            Instant time,
            Instant receivedAt) {
        DeviceStepEntity row = new DeviceStepEntity();
        row.serial = state.serial();
        row.cycle = state.cycle();
        row.step = completed.step().wireName();
        row.implied = completed.implied();
        row.repeat = repeat;
        row.eventId = eventId;
        row.lineId = station.lineId();
        row.stationId = station.stationId();
        row.occurredAt = time;
        row.receivedAt = receivedAt;
        return row;
    }

    private static DeviceStepCompleted stepEvent(
            String serial, ManufacturingStep step, StationBinding station, WorkflowState state) {
        String keyId = state.key() == null ? null : state.key().keyId();
        String partialKey = state.key() == null ? null : state.key().partialKey();
        return new DeviceStepCompleted(
                serial, station.lineId(), station.stationId(), step.wireName(), keyId, partialKey);
    }

    private static void logAccepted(StepDecision.Accepted accepted, StationBinding station) {
        WorkflowState state = accepted.state();
        LOG.infof(
                "device %s completed %s from %s: cycle %d%s%s, next step %s",
                state.serial(),
                accepted.completed().stream()
                        .map(step -> step.step().wireName())
                        .toList(),
                station,
                state.cycle(),
                accepted.newCycle() ? " (new image cycle)" : "",
                accepted.repeat() ? " (repeat, state unchanged)" : "",
                state.nextStep().map(ManufacturingStep::wireName).orElse("none"));
    }

    /** A device's state after a report, and the step events the report produced. */
    public record StepResult(
            WorkflowState state, boolean repeat, List<CloudEvent<DeviceStepCompleted>> events, List<String> warnings) {}
}
