package dev.keyline.station.service;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.station.artifact.AnswerFileFinding;
import dev.keyline.station.artifact.AnswerFileScanner;
import dev.keyline.station.artifact.ArtifactRejected;
import dev.keyline.station.artifact.GenericKeys;
import dev.keyline.station.artifact.KeyClassifier;
import dev.keyline.station.domain.DeviceFinding;
import dev.keyline.station.domain.KeyExposure;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.repository.ArtifactRepository;
import dev.keyline.station.repository.DeviceEntity;
import dev.keyline.station.repository.DeviceFindingEntity;
import dev.keyline.station.repository.DeviceFindingRepository;
import dev.keyline.station.repository.DeviceRepository;
import dev.keyline.station.repository.KeyBalanceEntity;
import dev.keyline.station.repository.KeyBalanceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Checks answer files for product keys. Each key found is classified against the registered keys' fingerprints (from
 * the ledger's balance events) and Microsoft's generic keys, and becomes an exposure event located by XPath. For a
 * device, the registered and unknown keys become findings that keep it from shipping, until a later check of the same
 * path finds none.
 */
@ApplicationScoped
public class AnswerFileService {

    private static final Logger LOG = Logger.getLogger(AnswerFileService.class);
    private static final String ARTIFACT = "answer-file";

    private final KeyFingerprinter fingerprinter;
    private final ArtifactSupport support;
    private final ReportPublisher publisher;
    private final KeyBalanceRepository balances;
    private final DeviceRepository devices;
    private final DeviceFindingRepository findings;
    private final ArtifactRepository artifacts;
    private final ShipBlockerLookup blockers;
    private final OffEventLoop offEventLoop;

    public AnswerFileService(
            KeyFingerprinter fingerprinter,
            ArtifactSupport support,
            ReportPublisher publisher,
            KeyBalanceRepository balances,
            DeviceRepository devices,
            DeviceFindingRepository findings,
            ArtifactRepository artifacts,
            ShipBlockerLookup blockers,
            OffEventLoop offEventLoop) {
        this.fingerprinter = fingerprinter;
        this.support = support;
        this.publisher = publisher;
        this.balances = balances;
        this.devices = devices;
        this.findings = findings;
        this.artifacts = artifacts;
        this.blockers = blockers;
        this.offEventLoop = offEventLoop;
    }

    /** An answer file scanned on a worker thread: its keys, their exposure events and the text to store. */
    private record Scan(
            List<AnswerFileFinding> found,
            List<CloudEvent<KeyExposed>> exposures,
            List<FindingResult> results,
            String storedContent) {}

    /** The result of a check: every key found, masked, and for a device its findings after the check. */
    public record CheckResult(
            String path, String serial, List<FindingResult> findings, List<DeviceFinding> deviceFindings) {}

    /** One key found in the answer file, without the key. */
    public record FindingResult(
            String location,
            int line,
            String placement,
            String component,
            String pass,
            String maskedKey,
            String partialKey,
            String classification,
            String severity,
            String keyId,
            String edition,
            String exposureEventId) {}

    /** Checks {@code xml} found at {@code path}; {@code serial} is null for a file that names no device. */
    public Uni<CheckResult> check(String serial, String path, String xml, StationBinding station) {
        return check(serial, path, xml, station, result -> Uni.createFrom().voidItem());
    }

    /** Checks an answer file as {@link #check(String, String, String, StationBinding)} does, and runs
     * {@code alsoInTransaction} with the result in the transaction that stores it. */
    public Uni<CheckResult> check(
            String serial,
            String path,
            String xml,
            StationBinding station,
            Function<CheckResult, Uni<Void>> alsoInTransaction) {
        LOG.debugf("received answer file %s for device %s from %s", path, serial, station);
        Instant now = Instant.now();

        return offEventLoop
                .run(xml.length(), () -> support.redact(xml))
                .chain(redacted -> checkRedacted(serial, path, xml, station, now, redacted, alsoInTransaction));
    }

    private Uni<CheckResult> checkRedacted(
            String serial,
            String path,
            String xml,
            StationBinding station,
            Instant now,
            ArtifactSupport.Redacted redacted,
            Function<CheckResult, Uni<Void>> alsoInTransaction) {
        return publisher
                .inTransaction(
                        () -> balances.withFingerprint()
                                .chain(registered -> offEventLoop.run(
                                        xml.length(), () -> scan(serial, xml, station, now, redacted, registered)))
                                .chain(scan -> artifacts
                                        .persist(ArtifactSupport.artifactRow(
                                                ARTIFACT,
                                                serial,
                                                path,
                                                station,
                                                scan.storedContent(),
                                                scan.exposures().size(),
                                                now))
                                        .chain(() -> publisher.append(scan.exposures(), null))
                                        .chain(() -> serial == null
                                                ? Uni.createFrom().item(List.<DeviceFinding>of())
                                                : updateDevice(
                                                        serial, path, station, scan.found(), scan.exposures(), now))
                                        .map(deviceFindings -> {
                                            logCheck(serial, path, station, scan.found());
                                            return new CheckResult(path, serial, scan.results(), deviceFindings);
                                        })
                                        .call(result -> alsoInTransaction.apply(result))),
                        "answer file " + path)
                .onFailure(ArtifactRejected.class)
                .recoverWithUni(failure -> rejected(serial, path, station, redacted, (ArtifactRejected) failure, now));
    }

    /** Finds and classifies the keys of an answer file, and throws {@link ArtifactRejected} for XML it cannot read. */
    private Scan scan(
            String serial,
            String xml,
            StationBinding station,
            Instant now,
            ArtifactSupport.Redacted redacted,
            List<KeyBalanceEntity> registered) {
        KeyClassifier classifier = classifier(registered);
        List<AnswerFileFinding> found = AnswerFileScanner.scan(xml, classifier, redactor());
        List<CloudEvent<KeyExposed>> exposures =
                support.exposureEvents(ARTIFACT, exposures(found), station, serial, now);
        return new Scan(
                found, exposures, results(found, exposures), storedContent(redacted, found, classifier, redactor()));
    }

    /**
     * Returns the text to store: the answer file with its keys masked, or a note in its place when the scanner still
     * finds a key in the masked text. Masking works on the text as written, so it misses keys that markup encodes or
     * splits, and keys in {@code ProductKey} written with other separators. The masked file is scanned as a whole, so a
     * plain copy of a key elsewhere in the file, which masking covers, does not hide another spelling of the key.
     */
    static String storedContent(
            ArtifactSupport.Redacted redacted,
            List<AnswerFileFinding> found,
            KeyClassifier classifier,
            KeyRedactor redactor) {
        Set<String> masked = redacted.exposures().stream()
                .map(exposure -> exposure.finding().fingerprint())
                .collect(Collectors.toSet());
        long hidden = found.stream()
                .map(AnswerFileFinding::fingerprint)
                .filter(fingerprint -> !masked.contains(fingerprint))
                .distinct()
                .count();
        if (hidden == 0) {
            hidden = stillShown(redacted.text(), classifier, redactor);
        }
        if (hidden == 0) {
            return redacted.text();
        }
        return "[not stored: the answer file contains " + hidden + " product key" + (hidden == 1 ? "" : "s")
                + " written with character references, CDATA sections, comments, line breaks or separators that"
                + " masking cannot cover; the findings name where]";
    }

    /**
     * Returns how many distinct keys the scanner finds in the masked file. A masked file that no longer parses, as
     * when a key was an element's name, counts as one, because the scanner cannot read what it still contains.
     */
    private static long stillShown(String maskedText, KeyClassifier classifier, KeyRedactor redactor) {
        try {
            return AnswerFileScanner.scan(maskedText, classifier, redactor).stream()
                    .map(AnswerFileFinding::fingerprint)
                    .distinct()
                    .count();
        } catch (ArtifactRejected e) {
            return 1;
        }
    }

    private Uni<List<DeviceFinding>> updateDevice(
            String serial,
            String path,
            StationBinding station,
            List<AnswerFileFinding> found,
            List<CloudEvent<KeyExposed>> exposures,
            Instant now) {
        List<DeviceFindingEntity> rows = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            AnswerFileFinding finding = found.get(i);
            if (finding.keyClass().blocksShipping()) {
                rows.add(row(
                        serial, path, finding, UUID.fromString(exposures.get(i).id()), now));
            }
        }
        return devices.lockOrCreate(serial, station.lineId(), station.stationId(), now)
                .chain(device -> findings.replace(serial, path, rows).replaceWith(device))
                .chain((DeviceEntity device) ->
                        blockers.openFor(serial).map(open -> DeviceFinding.of(device.state(), open)));
    }

    private <T> Uni<T> rejected(
            String serial,
            String path,
            StationBinding station,
            ArtifactSupport.Redacted redacted,
            ArtifactRejected rejection,
            Instant now) {
        LOG.warnf("rejected answer file %s for device %s from %s: %s", path, serial, station, rejection.getMessage());
        List<CloudEvent<KeyExposed>> exposures =
                support.exposureEvents(ARTIFACT, redacted.exposures(), station, serial, now);
        return rejection.doctype()
                ? support.rejectAfterExposures(
                        "unsafe-xml", "XML with a DTD rejected", rejection.getMessage(), exposures)
                : support.rejectAfterExposures(
                        "unreadable-artifact", "Unreadable answer file", rejection.getMessage(), exposures);
    }

    private KeyClassifier classifier(List<KeyBalanceEntity> registered) {
        Map<String, String> keyIds = registered.stream()
                .collect(Collectors.toMap(
                        balance -> balance.fingerprint, balance -> balance.keyId, (first, second) -> first));
        return new KeyClassifier(fingerprinter, keyIds, GenericKeys.published());
    }

    private KeyRedactor redactor() {
        return new KeyRedactor(fingerprinter);
    }

    private static List<KeyExposure> exposures(List<AnswerFileFinding> found) {
        return found.stream()
                .map(finding -> new KeyExposure(
                        finding.location(),
                        new KeyFinding(
                                finding.maskedKey(), finding.partialKey(), finding.fingerprint(), finding.line(), 1)))
                .toList();
    }

    private static List<FindingResult> results(List<AnswerFileFinding> found, List<CloudEvent<KeyExposed>> exposures) {
        List<FindingResult> results = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            AnswerFileFinding finding = found.get(i);
            results.add(new FindingResult(
                    finding.location(),
                    finding.line(),
                    finding.placement(),
                    finding.component(),
                    finding.pass(),
                    finding.maskedKey(),
                    finding.partialKey(),
                    finding.keyClass().wireName(),
                    finding.severity(),
                    finding.keyId(),
                    finding.edition(),
                    exposures.get(i).id()));
        }
        return results;
    }

    private static DeviceFindingEntity row(
            String serial, String path, AnswerFileFinding finding, UUID exposureEventId, Instant now) {
        DeviceFindingEntity row = new DeviceFindingEntity();
        row.serial = serial;
        row.source = path;
        row.location = finding.location();
        row.line = finding.line();
        row.severity = finding.severity();
        row.keyClass = finding.keyClass().wireName();
        row.maskedKey = finding.maskedKey();
        row.keyId = finding.keyId();
        row.exposureEventId = exposureEventId;
        row.foundAt = now;
        return row;
    }

    private static void logCheck(String serial, String path, StationBinding station, List<AnswerFileFinding> found) {
        LOG.infof(
                "answer file %s for device %s from %s: %d keys found (%s)",
                path,
                serial == null ? "none" : serial,
                station,
                found.size(),
                found.stream()
                        .map(finding -> finding.severity() + " " + finding.maskedKey() + " at " + finding.location())
                        .collect(Collectors.joining(", ")));
    }
}
