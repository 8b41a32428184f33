package dev.keyline.station.service;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.events.LineEvent;
import dev.keyline.station.artifact.ActivationEvidence;
import dev.keyline.station.artifact.ArtifactRejected;
import dev.keyline.station.artifact.EventLogInterpreter;
import dev.keyline.station.artifact.EventLogParser;
import dev.keyline.station.artifact.LicenseBlock;
import dev.keyline.station.artifact.LicenseOutput;
import dev.keyline.station.artifact.LicenseOutputParser;
import dev.keyline.station.artifact.LicenseStatus;
import dev.keyline.station.artifact.LogEvent;
import dev.keyline.station.domain.EvidenceEventIds;
import dev.keyline.station.domain.KeyExposure;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.repository.ArtifactRepository;
import dev.keyline.station.repository.DeviceEntity;
import dev.keyline.station.repository.DeviceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Reads license state from slmgr, WMI or JSON output and activation evidence from exported event logs, updates the
 * device's license state, and publishes what they show. Keys in the text are masked first and become exposure events.
 */
@ApplicationScoped
public class LicenseArtifactService {

    private static final Logger LOG = Logger.getLogger(LicenseArtifactService.class);

    private final ArtifactSupport support;
    private final ReportPublisher publisher;
    private final DeviceRepository devices;
    private final ArtifactRepository artifacts;
    private final OffEventLoop offEventLoop;

    public LicenseArtifactService(
            ArtifactSupport support,
            ReportPublisher publisher,
            DeviceRepository devices,
            ArtifactRepository artifacts,
            OffEventLoop offEventLoop) {
        this.support = support;
        this.publisher = publisher;
        this.devices = devices;
        this.artifacts = artifacts;
        this.offEventLoop = offEventLoop;
    }

    /** License output read on a worker thread: the text to store, what it says and its exposure events. */
    private record SlmgrReading(String storedText, LicenseOutput output, List<CloudEvent<KeyExposed>> exposures) {}

    /**
     * An event log read on a worker thread: the text to store, its exposure events, and its events with what they
     * show, or why it could not be read ({@code rejected}, with no events).
     */
    private record EventLogReading(
            String storedText,
            List<CloudEvent<KeyExposed>> exposures,
            List<LogEvent> logEvents,
            EventLogInterpreter.Interpretation interpretation,
            ArtifactRejected rejected) {}

    /** The result of a license report: what was read, and the ids of the events it published. */
    public record LicenseResult(
            String format,
            List<LicenseBlock> blocks,
            List<String> unknownLabels,
            List<String> problems,
            List<PublishedEvent> events,
            List<ExposureResult> exposures) {}

    /** One event an artifact published. */
    public record PublishedEvent(String eventId, String type, String detail) {}

    /** One full product key found in an artifact, masked, with where it was and its exposure event. */
    public record ExposureResult(String maskedKey, String location, String eventId) {

        static List<ExposureResult> of(List<CloudEvent<KeyExposed>> events) {
            return events.stream()
                    .map(event -> new ExposureResult(
                            event.data().maskedKey(), event.data().location(), event.id()))
                    .toList();
        }
    }

    public Uni<LicenseResult> slmgr(String serial, String text, StationBinding station, ActivationChannel channel) {
        return slmgr(serial, text, station, channel, result -> Uni.createFrom().voidItem());
    }

    /** Reads slmgr output as {@link #slmgr(String, String, StationBinding, ActivationChannel)} does, and runs
     * {@code alsoInTransaction} with the result in the transaction that stores it. */
    public Uni<LicenseResult> slmgr(
            String serial,
            String text,
            StationBinding station,
            ActivationChannel channel,
            Function<LicenseResult, Uni<Void>> alsoInTransaction) {
        LOG.debugf("received slmgr output for device %s from %s", serial, station);
        Instant now = Instant.now();

        return offEventLoop
                .run(text.length(), () -> readSlmgr(serial, text, station, now))
                .chain(reading -> storeSlmgr(serial, station, channel, now, reading, alsoInTransaction));
    }

    private SlmgrReading readSlmgr(String serial, String text, StationBinding station, Instant now) {
        // JSON output is scanned and stored as written again without escapes, so a key spelt with them is found.
        ArtifactSupport.Redacted redacted = support.redact(
                LicenseOutputParser.withKeyFieldsSpelledOut(LicenseOutputParser.withoutJsonEscapes(text)));
        List<KeyExposure> hidden = support.hiddenInJson(redacted);
        List<KeyExposure> found = new ArrayList<>(redacted.exposures());
        found.addAll(hidden);
        List<CloudEvent<KeyExposed>> exposures = support.exposureEvents("slmgr", found, station, serial, now);
        String storedText = ArtifactSupport.storedText(redacted, hidden, "slmgr output");
        return new SlmgrReading(storedText, LicenseOutputParser.parse(redacted.text()), exposures);
    }

    private Uni<LicenseResult> storeSlmgr(
            String serial,
            StationBinding station,
            ActivationChannel channel,
            Instant now,
            SlmgrReading reading,
            Function<LicenseResult, Uni<Void>> alsoInTransaction) {
        LicenseOutput output = reading.output();
        List<CloudEvent<KeyExposed>> exposures = reading.exposures();
        if (output.blocks().isEmpty()) {
            LOG.warnf("rejected slmgr output for device %s from %s: %s", serial, station, output.problems());
            return support.rejectAfterExposures(
                    "unreadable-artifact",
                    "Unreadable license output",
                    "no license could be read from the " + output.format() + " output: "
                            + (output.problems().isEmpty()
                                    ? "it lists no license"
                                    : String.join("; ", output.problems())),
                    exposures);
        }

        return publisher.inTransaction(
                () -> devices.lockOrCreate(serial, station.lineId(), station.stationId(), now)
                        .chain(device -> {
                            List<CloudEvent<? extends LineEvent>> events = new ArrayList<>();
                            output.primary()
                                    .ifPresent(block -> events.addAll(LicenseUpdate.apply(
                                            device, reported(block, output.format()), station, channel, now)));
                            List<CloudEvent<? extends LineEvent>> all = new ArrayList<>(events);
                            all.addAll(exposures);
                            return artifacts
                                    .persist(ArtifactSupport.artifactRow(
                                            "slmgr",
                                            serial,
                                            null,
                                            station,
                                            reading.storedText(),
                                            exposures.size(),
                                            now))
                                    .chain(() -> publisher.append(all, null))
                                    .map(stored -> {
                                        logLicense(serial, station, output, events);
                                        return new LicenseResult(
                                                output.format(),
                                                output.blocks(),
                                                output.unknownLabels(),
                                                problems(output),
                                                published(events),
                                                ExposureResult.of(exposures));
                                    })
                                    .call(result -> alsoInTransaction.apply(result));
                        }),
                "slmgr output for device " + serial);
    }

    /** The result of an event-log report: how many events were read and what each piece of evidence published. */
    public record EventLogResult(
            int events,
            int ignored,
            List<String> problems,
            List<EvidenceResult> evidence,
            List<ExposureResult> exposures) {}

    /** One piece of activation evidence, and the event it published, if any. */
    public record EvidenceResult(
            String kind,
            Instant time,
            String provider,
            int eventId,
            String result,
            String licenseStatus,
            String note,
            List<PublishedEvent> published) {}

    public Uni<EventLogResult> eventLog(String serial, String xml, StationBinding station, ActivationChannel channel) {
        return eventLog(
                serial, xml, station, channel, result -> Uni.createFrom().voidItem());
    }

    /** Reads exported events as {@link #eventLog(String, String, StationBinding, ActivationChannel)} does, and runs
     * {@code alsoInTransaction} with the result in the transaction that stores it. */
    public Uni<EventLogResult> eventLog(
            String serial,
            String xml,
            StationBinding station,
            ActivationChannel channel,
            Function<EventLogResult, Uni<Void>> alsoInTransaction) {
        LOG.debugf("received an event log for device %s from %s", serial, station);
        Instant now = Instant.now();

        return offEventLoop
                .run(xml.length(), () -> readEventLog(serial, xml, station, now))
                .chain(reading -> storeEventLog(serial, station, channel, now, reading, alsoInTransaction));
    }

    private EventLogReading readEventLog(String serial, String xml, StationBinding station, Instant now) {
        ArtifactSupport.Redacted redacted = support.redact(xml);
        List<KeyExposure> hidden = support.hiddenInEventLog(redacted);
        List<KeyExposure> found = new ArrayList<>(redacted.exposures());
        found.addAll(hidden);
        List<CloudEvent<KeyExposed>> exposures = support.exposureEvents("event-log", found, station, serial, now);
        String storedText = ArtifactSupport.storedText(redacted, hidden, "event log");
        try {
            List<LogEvent> logEvents = EventLogParser.parse(redacted.text());
            return new EventLogReading(
                    storedText, exposures, logEvents, EventLogInterpreter.interpret(logEvents), null);
        } catch (ArtifactRejected e) {
            return new EventLogReading(storedText, exposures, List.of(), null, e);
        }
    }

    private Uni<EventLogResult> storeEventLog(
            String serial,
            StationBinding station,
            ActivationChannel channel,
            Instant now,
            EventLogReading reading,
            Function<EventLogResult, Uni<Void>> alsoInTransaction) {
        List<CloudEvent<KeyExposed>> exposures = reading.exposures();
        List<LogEvent> logEvents = reading.logEvents();
        ArtifactRejected rejected = reading.rejected();
        if (rejected != null) {
            LOG.warnf("rejected event log for device %s from %s: %s", serial, station, rejected.getMessage());
            return rejected.doctype()
                    ? support.rejectAfterExposures(
                            "unsafe-xml", "XML with a DTD rejected", rejected.getMessage(), exposures)
                    : support.rejectAfterExposures(
                            "unreadable-artifact", "Unreadable event log", rejected.getMessage(), exposures);
        }
        if (logEvents.isEmpty()) {
            LOG.warnf("rejected event log for device %s from %s: no Event element", serial, station);
            return support.rejectAfterExposures(
                    "unreadable-artifact",
                    "Unreadable event log",
                    "the XML has no Event element; send the events as wevtutil qe /f:xml or Get-WinEvent with"
                            + " ToXml() writes them",
                    exposures);
        }
        EventLogInterpreter.Interpretation interpretation = reading.interpretation();

        return publisher.inTransaction(
                () -> devices.lockOrCreate(serial, station.lineId(), station.stationId(), now)
                        .chain(device -> {
                            List<EvidenceResult> results = new ArrayList<>();
                            List<CloudEvent<? extends LineEvent>> all = new ArrayList<>();
                            List<ActivationEvidence> evidence = interpretation.evidence();
                            for (int i = 0; i < evidence.size(); i++) {
                                ActivationEvidence item = evidence.get(i);
                                List<CloudEvent<? extends LineEvent>> events = EvidenceEventIds.of(
                                        serial, item, evidenceEvents(device, item, station, channel, now));
                                all.addAll(events);
                                results.add(result(item, note(item, evidence, i), published(events)));
                            }
                            all.addAll(exposures);
                            return artifacts
                                    .persist(ArtifactSupport.artifactRow(
                                            "event-log",
                                            serial,
                                            null,
                                            station,
                                            reading.storedText(),
                                            exposures.size(),
                                            now))
                                    .chain(() -> publisher.append(all, null))
                                    .map(stored -> {
                                        LOG.infof(
                                                "read %d events for device %s from %s: %d pieces of activation"
                                                        + " evidence, %d events published",
                                                logEvents.size(), serial, station, results.size(), all.size());
                                        return new EventLogResult(
                                                logEvents.size(),
                                                interpretation.ignored(),
                                                interpretation.problems(),
                                                results,
                                                ExposureResult.of(exposures));
                                    })
                                    .call(result -> alsoInTransaction.apply(result));
                        }),
                "event log for device " + serial);
    }

    private static List<CloudEvent<? extends LineEvent>> evidenceEvents(
            DeviceEntity device,
            ActivationEvidence item,
            StationBinding station,
            ActivationChannel channel,
            Instant receivedAt) {
        Instant time = item.time() == null ? receivedAt : item.time();
        String source = item.provider() + " event " + item.eventId() + " at " + time;
        return switch (item.kind()) {
            case FAILED -> List.of(LicenseUpdate.failure(device, item.result(), station, channel, time, source));
            case LICENSE_CHECKED -> LicenseUpdate.apply(
                    device,
                    new LicenseUpdate.Reported(
                            null,
                            device.productKeyChannel,
                            item.licenseStatus(),
                            null,
                            "event-log",
                            "License status " + item.licenseStatus().wireName() + " in " + source),
                    station,
                    channel,
                    time);
            case ATTEMPTED -> List.of();
        };
    }

    /** Explains an attempt (118): confirmed by a later licensing check that found the device licensed, or not. */
    private static String note(ActivationEvidence item, List<ActivationEvidence> evidence, int index) {
        if (item.kind() != ActivationEvidence.Kind.ATTEMPTED) {
            return item.detail();
        }
        boolean confirmed = evidence.subList(index + 1, evidence.size()).stream()
                .anyMatch(later -> later.kind() == ActivationEvidence.Kind.LICENSE_CHECKED
                        && later.licenseStatus() == LicenseStatus.LICENSED);
        return confirmed
                ? item.detail() + "; a later licensing check found the device licensed"
                : item.detail() + "; no later licensing check confirms it, so no activation was booked. Post the"
                        + " slmgr /dli output of the device to confirm its license status";
    }

    private static EvidenceResult result(ActivationEvidence item, String note, List<PublishedEvent> published) {
        return new EvidenceResult(
                item.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                item.time(),
                item.provider(),
                item.eventId(),
                item.result(),
                item.licenseStatus() == null ? null : item.licenseStatus().wireName(),
                note,
                published);
    }

    /** Returns the output's problems, and why it booked nothing when its only keyed licenses are add-ons. */
    private static List<String> problems(LicenseOutput output) {
        List<String> problems = new ArrayList<>(output.problems());
        output.addOnsOnlyProblem().ifPresent(problems::add);
        return List.copyOf(problems);
    }

    private static LicenseUpdate.Reported reported(LicenseBlock block, String format) {
        return new LicenseUpdate.Reported(
                block.partialKey(),
                block.productKeyChannel(),
                block.status(),
                block.notificationReason(),
                format,
                "License Status " + block.status().wireName() + " in " + format + " output for license '" + block.name()
                        + "'");
    }

    private static List<PublishedEvent> published(List<CloudEvent<? extends LineEvent>> events) {
        return events.stream()
                .map(event -> new PublishedEvent(event.id(), event.type().type(), detail(event.data())))
                .toList();
    }

    private static String detail(LineEvent data) {
        if (data instanceof dev.keyline.schemas.events.ActivationAttempted attempt) {
            return "activation " + attempt.result();
        }
        if (data instanceof dev.keyline.schemas.events.DeviceLicenseReported license) {
            return "license " + license.licenseStatus();
        }
        return null;
    }

    private static void logLicense(
            String serial, StationBinding station, LicenseOutput output, List<CloudEvent<? extends LineEvent>> events) {
        if (events.isEmpty()) {
            LOG.warnf(
                    "slmgr output for device %s from %s has no license with a partial key; device not updated",
                    serial, station);
            return;
        }
        LOG.infof(
                "device %s license reported by %s from %s: %d blocks, %d unknown labels, events %s",
                serial,
                output.format(),
                station,
                output.blocks().size(),
                output.unknownLabels().size(),
                events.stream().map(CloudEvent::id).toList());
    }
}
