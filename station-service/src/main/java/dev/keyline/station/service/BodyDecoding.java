package dev.keyline.station.service;

import dev.keyline.platform.http.BodyText;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.station.domain.ExposureEvents;
import dev.keyline.station.domain.KeyExposure;
import dev.keyline.station.domain.StationBinding;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Decodes the bytes of a station's request body into text (see {@link BodyText}). A body that cannot be decoded, such
 * as JSON that is not valid UTF-8 or UTF-16 without its byte-order mark, is rejected with a 400 problem. The keys its
 * bytes show are published as exposures first and named in the problem, because they have left the station either way.
 */
@ApplicationScoped
public class BodyDecoding {

    private static final Logger LOG = Logger.getLogger(BodyDecoding.class);

    /** The encodings a rejected body is read in to find its keys: what stations send, with or without saying so. */
    private static final List<Charset> READINGS = List.of(
            StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    private final KeyRedactor redactor;
    private final ReportPublisher publisher;
    private final OffEventLoop offEventLoop;

    public BodyDecoding(KeyRedactor redactor, ReportPublisher publisher, OffEventLoop offEventLoop) {
        this.redactor = redactor;
        this.publisher = publisher;
        this.offEventLoop = offEventLoop;
    }

    /**
     * Returns the text of a JSON report body: UTF-8, unless a byte-order mark or the {@code charset} of
     * {@code contentType} names another encoding. An absent body is empty text, which the report's parser rejects.
     *
     * @param report what the body is, for its exposure events, such as {@code device-provisioned} or {@code bulk}
     */
    public Uni<String> json(byte[] bytes, String contentType, StationBinding station, String serial, String report) {
        return decoded(
                () -> bytes == null ? "" : BodyText.decodeJson(bytes, contentType), bytes, station, serial, report);
    }

    /**
     * Returns the text of an artifact body, read as {@link BodyText#decode} reads it, or fails with a 400 problem when
     * the body is missing or blank.
     *
     * @param report what the body is, for its exposure events, such as {@code slmgr} or {@code log}
     * @param artifact what the station should send, for the problem of an empty body, such as {@code slmgr output}
     */
    public Uni<String> artifact(
            byte[] bytes, String contentType, StationBinding station, String serial, String report, String artifact) {
        return decoded(() -> BodyText.decode(bytes, contentType), bytes, station, serial, report)
                .invoke(body -> ArtifactSupport.checkBody(body, artifact));
    }

    /**
     * Decodes the body, on a reading thread when it is large, because the check for a charset that hides a key scans
     * every byte. Only a 400 of the decoding leads to the exposure scan: a 503 of a busy reading pool read nothing.
     */
    private Uni<String> decoded(
            Supplier<String> decoding, byte[] bytes, StationBinding station, String serial, String report) {
        long size = bytes == null ? 0 : bytes.length;
        return offEventLoop
                .run(size, decoding)
                .onFailure(BodyDecoding::isBadRequest)
                .recoverWithUni(rejection -> offEventLoop
                        .run(size, () -> exposures(bytes, station, serial, report))
                        .chain(exposures -> reject((ProblemException) rejection, exposures, station, report)));
    }

    private static boolean isBadRequest(Throwable failure) {
        return failure instanceof ProblemException problem && problem.problem().status() == 400;
    }

    private Uni<String> reject(
            ProblemException rejection, List<CloudEvent<KeyExposed>> exposures, StationBinding station, String report) {
        LOG.warnf(
                "rejected a %s body from %s that could not be decoded, with %d exposed keys: %s",
                report, station, exposures.size(), rejection.problem().detail());
        return publisher.failAfterExposures(rejection, exposures, ".");
    }

    /** Returns an exposure event for each key that the bytes show in any of {@link #READINGS}, once per key. */
    private List<CloudEvent<KeyExposed>> exposures(byte[] bytes, StationBinding station, String serial, String report) {
        List<KeyExposure> found = new ArrayList<>();
        Set<String> fingerprints = new HashSet<>();
        for (Charset charset : READINGS) {
            for (KeyFinding finding :
                    redactor.redact(new String(bytes, charset)).findings()) {
                if (fingerprints.add(finding.fingerprint())) {
                    found.add(new KeyExposure("line " + finding.line() + " of the body read as " + charset, finding));
                }
            }
        }
        List<CloudEvent<KeyExposed>> events = ExposureEvents.create(report, found, station, serial, Instant.now());
        ExposureLogging.log(
                LOG,
                events,
                event -> LOG.warnf(
                        "full product key %s found at '%s' in a %s body that could not be decoded, from %s for"
                                + " serial %s; exposure event %s",
                        event.data().maskedKey(),
                        event.data().location(),
                        report,
                        station,
                        serial == null ? "unknown" : serial,
                        event.id()));
        return events;
    }
}
