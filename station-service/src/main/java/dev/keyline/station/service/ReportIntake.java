package dev.keyline.station.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.station.domain.BodyParser;
import dev.keyline.station.domain.ExposureEvents;
import dev.keyline.station.domain.ExposureNotice;
import dev.keyline.station.domain.KeyExposure;
import dev.keyline.station.domain.ParsedBody;
import dev.keyline.station.domain.PathSerial;
import dev.keyline.station.domain.ReadResult;
import dev.keyline.station.domain.RedactedTree;
import dev.keyline.station.domain.ReportConstraints;
import dev.keyline.station.domain.ReportKind;
import dev.keyline.station.domain.ReportOutcome;
import dev.keyline.station.domain.ReportProblems;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.domain.StationReport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Receives a station report: masks full product keys in the body, validates the report, checks that the token may
 * report for its station, and writes the report event and one exposure event per key to the outbox. Exposure events
 * are written even when the report is then rejected, because the key has left the station either way.
 */
@ApplicationScoped
public class ReportIntake {

    private static final Logger LOG = Logger.getLogger(ReportIntake.class);

    private final KeyRedactor redactor;
    private final ReportReader reader;
    private final ReportPublisher publisher;
    private final ReportBooking booking;
    private final OffEventLoop offEventLoop;

    public ReportIntake(
            KeyRedactor redactor,
            ReportReader reader,
            ReportPublisher publisher,
            ReportBooking booking,
            OffEventLoop offEventLoop) {
        this.redactor = redactor;
        this.reader = reader;
        this.publisher = publisher;
        this.booking = booking;
        this.offEventLoop = offEventLoop;
    }

    /**
     * Stores the report from {@code body}, or fails with a {@link ProblemException} whose problem explains the
     * rejection.
     */
    public Uni<ReportOutcome> receive(ReportKind kind, String body, StationBinding station) {
        return receive(kind, body, station, null);
    }

    /**
     * Stores a report about the device {@code pathSerial} from the request path. The body's {@code serial} may be left
     * out, and then the path's is used; when present it must be the same.
     */
    public Uni<ReportOutcome> receive(ReportKind kind, String body, StationBinding station, String pathSerial) {
        return receive(
                kind, body, station, pathSerial, outcome -> Uni.createFrom().voidItem());
    }

    /**
     * Stores a report as {@link #receive(ReportKind, String, StationBinding, String)} does, and runs
     * {@code alsoInTransaction} with the outcome in the transaction that stores it, so that both are kept or neither.
     */
    public Uni<ReportOutcome> receive(
            ReportKind kind,
            String body,
            StationBinding station,
            String pathSerial,
            Function<ReportOutcome, Uni<Void>> alsoInTransaction) {
        LOG.debugf("received a %s report from %s", kind.wireName(), station);
        Instant receivedAt = Instant.now();

        return offEventLoop
                .run(body.length(), () -> BodyParser.parse(body, redactor))
                .chain(parsed -> receiveParsed(kind, parsed, station, pathSerial, receivedAt, alsoInTransaction));
    }

    private Uni<ReportOutcome> receiveParsed(
            ReportKind kind,
            ParsedBody parsed,
            StationBinding station,
            String pathSerial,
            Instant receivedAt,
            Function<ReportOutcome, Uni<Void>> alsoInTransaction) {
        if (parsed instanceof ParsedBody.Unreadable unreadable) {
            LOG.warnf("rejected %s report from %s: %s", kind.wireName(), station, unreadable.reason());
            return rejectAfterExposures(
                    kind,
                    station,
                    unreadable.exposures(),
                    null,
                    receivedAt,
                    notice -> ReportProblems.unreadable(unreadable.reason(), notice));
        }
        RedactedTree redacted = ((ParsedBody.Readable) parsed).redacted();

        ReadResult read = reader.read(kind, PathSerial.merge(redacted.tree(), pathSerial));
        if (read instanceof ReadResult.Invalid invalid) {
            LOG.warnf(
                    "rejected %s report from %s: invalid values in %s",
                    kind.wireName(), station, fields(invalid.errors()));
            return rejectAfterExposures(
                    kind,
                    station,
                    redacted.exposures(),
                    knownSerial(redacted.tree()),
                    receivedAt,
                    notice -> ReportProblems.invalid(kind, invalid.errors(), notice));
        }
        StationReport report = ((ReadResult.Valid) read).report();
        FieldError serialMismatch = PathSerial.mismatch(report, pathSerial).orElse(null);
        if (serialMismatch != null) {
            LOG.warnf("rejected %s report from %s: %s", kind.wireName(), station, serialMismatch.message());
            return rejectAfterExposures(
                    kind,
                    station,
                    redacted.exposures(),
                    null,
                    receivedAt,
                    notice -> ReportProblems.invalid(kind, List.of(serialMismatch), notice));
        }

        if (!station.matches(report.lineId(), report.stationId())) {
            LOG.warnf(
                    "rejected %s report from %s for serial %s: it names line %s, station %s",
                    kind.wireName(),
                    station,
                    report.serial(),
                    KeyRedactor.maskForEcho(report.lineId()),
                    KeyRedactor.maskForEcho(report.stationId()));
            return rejectAfterExposures(
                    kind,
                    station,
                    redacted.exposures(),
                    report.serial(),
                    report.occurredAt(receivedAt),
                    notice -> ReportProblems.foreignStation(station, report, notice));
        }

        return accept(kind, station, report, redacted.exposures(), receivedAt, alsoInTransaction);
    }

    private Uni<ReportOutcome> accept(
            ReportKind kind,
            StationBinding station,
            StationReport report,
            List<KeyExposure> found,
            Instant receivedAt,
            Function<ReportOutcome, Uni<Void>> alsoInTransaction) {
        Instant time = report.occurredAt(receivedAt);
        List<CloudEvent<KeyExposed>> exposures = ExposureEvents.create(kind, found, station, report.serial(), time);
        logExposures(exposures);

        return publisher
                .inTransaction(
                        () -> booking.book(report, exposures, station, receivedAt)
                                .call(outcome -> alsoInTransaction.apply(outcome)),
                        kind.wireName() + " report for serial " + report.serial())
                .onFailure(ProblemException.class)
                .recoverWithUni(failure -> exposuresAfterRejection(exposures, (ProblemException) failure))
                .invoke(outcome -> LOG.infof(
                        "accepted %s report %s for serial %s from %s with %d exposed keys",
                        kind.wireName(), outcome.report().id(), report.serial(), station, exposures.size()));
    }

    /**
     * Stores the exposure events of a report that a rule rejected after validation, such as a step out of order, then
     * fails with the rule's problem. The keys have left the station either way.
     */
    private Uni<ReportOutcome> exposuresAfterRejection(
            List<CloudEvent<KeyExposed>> exposures, ProblemException rejection) {
        return publisher.failAfterExposures(rejection, exposures, "");
    }

    /** Writes the exposure events, if any, then fails with the problem, whose detail mentions the exposures. */
    private Uni<ReportOutcome> rejectAfterExposures(
            ReportKind kind,
            StationBinding station,
            List<KeyExposure> found,
            String serial,
            Instant time,
            Function<String, Problem> problem) {
        List<CloudEvent<KeyExposed>> exposures = ExposureEvents.create(kind, found, station, serial, time);
        if (exposures.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(problem.apply("")));
        }

        logExposures(exposures);
        return publisher.publish(exposures, null).onItem().transformToUni(stored -> Uni.createFrom()
                .failure(new ProblemException(problem.apply(ExposureNotice.describe(exposures)))));
    }

    private static void logExposures(List<CloudEvent<KeyExposed>> exposures) {
        ExposureLogging.log(LOG, exposures, exposure -> {
            KeyExposed data = exposure.data();
            LOG.warnf(
                    "full product key %s found at '%s' in %s report from %s/%s for serial %s; exposure event %s",
                    data.maskedKey(),
                    data.location(),
                    data.report(),
                    data.lineId(),
                    data.stationId(),
                    data.serial() == null ? "unknown" : data.serial(),
                    exposure.id());
        });
    }

    /** Returns the serial of an invalid report when it is itself valid, so an exposure can still name the device. */
    private static String knownSerial(JsonNode tree) {
        JsonNode serial = tree.path("serial");
        return serial.isTextual() && ReportConstraints.isId(serial.textValue()) ? serial.textValue() : null;
    }

    private static String fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
    }
}
