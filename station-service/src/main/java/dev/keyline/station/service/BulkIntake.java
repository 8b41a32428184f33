package dev.keyline.station.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.keys.KeyRedactor;
import dev.keyline.station.domain.BodyParser;
import dev.keyline.station.domain.BulkItems;
import dev.keyline.station.domain.ExposureEvents;
import dev.keyline.station.domain.ExposureNotice;
import dev.keyline.station.domain.KeyExposure;
import dev.keyline.station.domain.ParsedBody;
import dev.keyline.station.domain.Quoting;
import dev.keyline.station.domain.ReadResult;
import dev.keyline.station.domain.RedactedTree;
import dev.keyline.station.domain.ReportConstraints;
import dev.keyline.station.domain.ReportKind;
import dev.keyline.station.domain.ReportOutcome;
import dev.keyline.station.domain.ReportProblems;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.domain.StationReport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Receives a bulk request: a JSON array of reports, each with a {@code kind}. Every item is masked, read and checked
 * first, and any invalid item rejects the whole request with a 400 that names the item index and field. Valid items
 * are then booked in order in one transaction, so a rule violation in any item stores none of them. The transaction
 * first locks the balances of every key its provisionings name, in key order.
 */
@ApplicationScoped
public class BulkIntake {

    /** Maximum items in one request. Larger batches should be split, so one transaction stays short. */
    public static final int MAX_ITEMS = 1000;

    private static final Logger LOG = Logger.getLogger(BulkIntake.class);
    private static final String BULK = "bulk";

    private final KeyRedactor redactor;
    private final ReportReader reader;
    private final ReportPublisher publisher;
    private final ReportBooking booking;
    private final AvailabilityCheck availability;
    private final OffEventLoop offEventLoop;

    public BulkIntake(
            KeyRedactor redactor,
            ReportReader reader,
            ReportPublisher publisher,
            ReportBooking booking,
            AvailabilityCheck availability,
            OffEventLoop offEventLoop) {
        this.redactor = redactor;
        this.reader = reader;
        this.publisher = publisher;
        this.booking = booking;
        this.availability = availability;
        this.offEventLoop = offEventLoop;
    }

    /** One valid item: its index, kind, report and the exposure events of the keys found in it. */
    private record Item(int index, ReportKind kind, StationReport report, List<CloudEvent<KeyExposed>> exposures) {}

    /** Stores every item, or none, and returns one outcome per item in request order. */
    public Uni<List<ReportOutcome>> receive(String body, StationBinding station) {
        return receive(body, station, outcomes -> Uni.createFrom().voidItem());
    }

    /**
     * Stores every item, or none, as {@link #receive(String, StationBinding)} does, and runs {@code alsoInTransaction}
     * with the outcomes in the transaction that stores them.
     */
    public Uni<List<ReportOutcome>> receive(
            String body, StationBinding station, Function<List<ReportOutcome>, Uni<Void>> alsoInTransaction) {
        LOG.debugf("received a bulk request from %s", station);
        Instant receivedAt = Instant.now();

        return offEventLoop
                .run(body.length(), () -> BodyParser.parse(body, redactor))
                .chain(parsed -> receiveParsed(parsed, station, receivedAt, alsoInTransaction));
    }

    private Uni<List<ReportOutcome>> receiveParsed(
            ParsedBody parsed,
            StationBinding station,
            Instant receivedAt,
            Function<List<ReportOutcome>, Uni<Void>> alsoInTransaction) {
        if (parsed instanceof ParsedBody.Unreadable unreadable) {
            LOG.warnf("rejected bulk request from %s: %s", station, unreadable.reason());
            List<CloudEvent<KeyExposed>> exposures =
                    ExposureEvents.create(BULK, unreadable.exposures(), station, null, receivedAt);
            return reject(exposures, notice -> ReportProblems.unreadable(unreadable.reason(), notice));
        }
        RedactedTree redacted = ((ParsedBody.Readable) parsed).redacted();
        JsonNode tree = redacted.tree();
        Map<Integer, List<KeyExposure>> exposuresByItem = BulkItems.byItem(redacted.exposures());

        List<FieldError> errors = new ArrayList<>(shapeErrors(tree));
        List<Item> items = new ArrayList<>();
        List<CloudEvent<KeyExposed>> allExposures = new ArrayList<>(
                ExposureEvents.create(BULK, exposuresByItem.getOrDefault(-1, List.of()), station, null, receivedAt));
        if (errors.isEmpty()) {
            for (int index = 0; index < tree.size(); index++) {
                List<KeyExposure> found = exposuresByItem.getOrDefault(index, List.of());
                Item item = readItem(index, tree.get(index), found, station, receivedAt, errors, allExposures);
                if (item != null) {
                    items.add(item);
                }
            }
        }
        if (!errors.isEmpty()) {
            LOG.warnf("rejected bulk request from %s: invalid values in %s", station, fields(errors));
            return reject(allExposures, notice -> BulkItems.invalid(errors, notice));
        }
        return book(items, allExposures, station, receivedAt, alsoInTransaction);
    }

    private Uni<List<ReportOutcome>> book(
            List<Item> items,
            List<CloudEvent<KeyExposed>> allExposures,
            StationBinding station,
            Instant receivedAt,
            Function<List<ReportOutcome>, Uni<Void>> alsoInTransaction) {
        return publisher
                .inTransaction(
                        () -> availability
                                .lockKeys(items.stream().map(Item::report).toList())
                                .onItem()
                                .transformToMulti(locked -> Multi.createFrom().iterable(items))
                                .onItem()
                                .transformToUniAndConcatenate(
                                        item -> booking.book(item.report(), item.exposures(), station, receivedAt)
                                                .onFailure(ProblemException.class)
                                                .transform(failure -> new ProblemException(BulkItems.rejectedItem(
                                                        item.index(), ((ProblemException) failure).problem()))))
                                .collect()
                                .asList()
                                .call(outcomes -> alsoInTransaction.apply(outcomes)),
                        "bulk request of " + items.size() + " reports from " + station)
                .onFailure(ProblemException.class)
                .recoverWithUni(failure -> afterRejection(allExposures, (ProblemException) failure))
                .invoke(outcomes -> LOG.infof(
                        "accepted bulk request of %d reports from %s with %d exposed keys",
                        outcomes.size(), station, allExposures.size()));
    }

    private Item readItem(
            int index,
            JsonNode node,
            List<KeyExposure> found,
            StationBinding station,
            Instant receivedAt,
            List<FieldError> errors,
            List<CloudEvent<KeyExposed>> allExposures) {
        String serial = knownSerial(node);
        if (!node.isObject()) {
            errors.add(new FieldError("/" + index, "is not a JSON object", "send each report as a JSON object"));
            allExposures.addAll(ExposureEvents.create(BULK, found, station, null, receivedAt));
            return null;
        }
        JsonNode kindNode = node.path("kind");
        ReportKind kind =
                kindNode.isTextual() ? ReportKind.find(kindNode.textValue()).orElse(null) : null;
        if (kind == null) {
            errors.add(new FieldError(
                    "/" + index + "/kind",
                    kindNode.isMissingNode()
                            ? "is missing"
                            : "is not a report kind" + Quoting.got(kindNode.isTextual() ? kindNode.textValue() : null),
                    "send one of device-provisioned, activation-attempted, device-step"));
            allExposures.addAll(ExposureEvents.create(BULK, found, station, serial, receivedAt));
            return null;
        }
        List<CloudEvent<KeyExposed>> exposures = ExposureEvents.create(kind, found, station, serial, receivedAt);
        allExposures.addAll(exposures);

        ObjectNode report = ((ObjectNode) node).deepCopy();
        report.remove("kind");
        ReadResult read = reader.read(kind, report);
        if (read instanceof ReadResult.Invalid invalid) {
            invalid.errors().forEach(error -> errors.add(BulkItems.underItem(index, error)));
            return null;
        }
        StationReport valid = ((ReadResult.Valid) read).report();
        if (!station.matches(valid.lineId(), valid.stationId())) {
            errors.add(new FieldError(
                    "/" + index + "/stationId",
                    "names line " + valid.lineId() + ", station " + valid.stationId() + ", but this token reports for "
                            + station,
                    "send reports for the token's own station only, or use the other station's token"));
            return null;
        }
        return new Item(index, kind, valid, exposures);
    }

    private static List<FieldError> shapeErrors(JsonNode tree) {
        if (!tree.isArray()) {
            return List.of(new FieldError(
                    "body",
                    "is a JSON " + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not an array",
                    "send a JSON array of reports, each with a kind"));
        }
        if (tree.isEmpty() || tree.size() > MAX_ITEMS) {
            return List.of(new FieldError(
                    "body",
                    "has " + tree.size() + " items",
                    "send 1 to " + MAX_ITEMS + " reports in one request, and split larger batches"));
        }
        return List.of();
    }

    private Uni<List<ReportOutcome>> reject(
            List<CloudEvent<KeyExposed>> exposures, java.util.function.Function<String, Problem> problem) {
        if (exposures.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(problem.apply("")));
        }
        return publisher.publish(exposures, null).chain(() -> Uni.createFrom()
                .failure(new ProblemException(problem.apply(ExposureNotice.describe(exposures)))));
    }

    private Uni<List<ReportOutcome>> afterRejection(
            List<CloudEvent<KeyExposed>> exposures, ProblemException rejection) {
        Problem problem = rejection.problem();
        LOG.warnf("rejected bulk request: %s", problem.detail());
        return publisher.failAfterExposures(rejection, exposures, "");
    }

    private static String knownSerial(JsonNode node) {
        JsonNode serial = node.path("serial");
        return serial.isTextual() && ReportConstraints.isId(serial.textValue()) ? serial.textValue() : null;
    }

    private static String fields(List<FieldError> errors) {
        return String.join(
                ", ", errors.stream().map(FieldError::field).distinct().toList());
    }
}
