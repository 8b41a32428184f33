package dev.keyline.station.service;

import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.ActivationChannel;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.keys.KeyFinding;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.schemas.keys.RedactedText;
import dev.keyline.station.artifact.EventLogParser;
import dev.keyline.station.artifact.LicenseOutputParser;
import dev.keyline.station.domain.ExposureEvents;
import dev.keyline.station.domain.ExposureNotice;
import dev.keyline.station.domain.KeyExposure;
import dev.keyline.station.domain.Quoting;
import dev.keyline.station.domain.ReportConstraints;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.repository.ArtifactEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The steps every artifact endpoint shares: it checks the request, masks every full product key in the text before
 * anything else reads it, turns each key into an exposure event located by line, and writes the masked artifact.
 */
@ApplicationScoped
public class ArtifactSupport {

    private static final Logger LOG = Logger.getLogger(ArtifactSupport.class);

    private final KeyRedactor redactor;
    private final ReportPublisher publisher;

    public ArtifactSupport(KeyRedactor redactor, ReportPublisher publisher) {
        this.redactor = redactor;
        this.publisher = publisher;
    }

    /** A text artifact with its keys masked, and where each key was, as {@code line N}. */
    public record Redacted(String text, List<KeyExposure> exposures) {}

    public Redacted redact(String text) {
        RedactedText redacted = redactor.redact(text);
        List<KeyExposure> exposures = redacted.findings().stream()
                .map(finding -> new KeyExposure(lineLocation(finding), finding))
                .toList();
        return new Redacted(redacted.text(), exposures);
    }

    /**
     * Returns the exposures of the keys that an event log's markup hid from {@link #redact}, such as a key written
     * with character references or split by a CDATA section, each located by the line it is on.
     */
    public List<KeyExposure> hiddenInEventLog(Redacted redacted) {
        return EventLogParser.hiddenKeys(redacted.text(), redactor).stream()
                .map(finding -> new KeyExposure(lineLocation(finding), finding))
                .toList();
    }

    /**
     * Returns the exposures of the keys that JSON license output still shows once parsed, because escapes that
     * writing it again put back (such as {@code \\} or {@code \n}) hid them from {@link #redact}.
     */
    public List<KeyExposure> hiddenInJson(Redacted redacted) {
        return LicenseOutputParser.hiddenKeys(redacted.text(), redactor).stream()
                .map(finding -> new KeyExposure(lineLocation(finding), finding))
                .toList();
    }

    /**
     * Returns the text to store for an XML or JSON artifact: its text with keys masked, or a note in its place when its
     * markup or escapes hid keys, which masking the text as written would leave readable.
     */
    public static String storedText(Redacted redacted, List<KeyExposure> hidden, String artifact) {
        if (hidden.isEmpty()) {
            return redacted.text();
        }
        return "[not stored: the " + artifact + " contains " + hidden.size() + " product key"
                + (hidden.size() == 1 ? "" : "s") + " written with escapes, character references, CDATA sections or"
                + " comments, which masking cannot cover; the exposures name the lines]";
    }

    /** Fails with a 400 problem unless {@code serial} is a valid device serial, or null. */
    public static void checkSerial(String serial) {
        if (serial != null && !ReportConstraints.isId(serial)) {
            throw ProblemException.invalidField(
                    "serial",
                    ReportConstraints.ID_MESSAGE + ", got '" + Quoting.masked(serial) + "'",
                    "use the path of a device serial of 1 to 64 letters, digits, '.', '_' or '-', not dots alone");
        }
    }

    /** Fails with a 400 problem when an artifact's body is missing or blank. */
    public static void checkBody(String body, String artifact) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalidField("body", "is empty", "send the " + artifact + " as the request body");
        }
    }

    /** Returns the activation channel named by the {@code channel} query parameter, or fails with a 400 problem. */
    public static ActivationChannel channel(String channel) {
        return ActivationChannel.find(channel)
                .orElseThrow(() -> ProblemException.invalidField(
                        "channel",
                        "must be one of internet, phone, vamt-proxy, got '" + Quoting.masked(channel) + "'",
                        "send the channel the device activates through, or leave channel out for internet"));
    }

    public List<CloudEvent<KeyExposed>> exposureEvents(
            String artifact, List<KeyExposure> exposures, StationBinding station, String serial, Instant time) {
        List<CloudEvent<KeyExposed>> events = ExposureEvents.create(artifact, exposures, station, serial, time);
        ExposureLogging.log(LOG, events, event -> {
            KeyExposed data = event.data();
            LOG.warnf(
                    "full product key %s found at '%s' in %s from %s for serial %s; exposure event %s",
                    data.maskedKey(),
                    data.location(),
                    artifact,
                    station,
                    serial == null ? "unknown" : serial,
                    event.id());
        });
        return events;
    }

    public static ArtifactEntity artifactRow(
            String kind,
            String serial,
            String path,
            StationBinding station,
            String redactedText,
            int exposures,
            Instant receivedAt) {
        ArtifactEntity row = new ArtifactEntity();
        row.kind = kind;
        row.serial = serial;
        row.path = path;
        row.lineId = station.lineId();
        row.stationId = station.stationId();
        row.content = redactedText;
        row.exposures = exposures;
        row.receivedAt = receivedAt;
        return row;
    }

    /**
     * Stores the exposure events of an artifact that could not be read, then fails with a 400 problem whose detail
     * names them. The keys have left the station either way.
     */
    public <T> Uni<T> rejectAfterExposures(
            String slug, String title, String reason, List<CloudEvent<KeyExposed>> exposures) {
        Problem problem = Problem.of(
                400,
                slug,
                title,
                reason + "." + ExposureNotice.describe(exposures),
                List.of(new FieldError("body", reason, "send the artifact as the station tool wrote it")));
        if (exposures.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(problem));
        }
        return publisher.publish(exposures, null).chain(() -> Uni.createFrom().failure(new ProblemException(problem)));
    }

    private static String lineLocation(KeyFinding finding) {
        return "line " + finding.line();
    }
}
