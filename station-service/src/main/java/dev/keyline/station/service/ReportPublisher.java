package dev.keyline.station.service;

import dev.keyline.platform.outbox.Outbox;
import dev.keyline.platform.outbox.OutboxMessage;
import dev.keyline.platform.problem.Problem;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.events.LineEvent;
import dev.keyline.station.artifact.ArtifactRejected;
import dev.keyline.station.domain.RecordKeys;
import dev.keyline.station.repository.ReceivedReport;
import dev.keyline.station.repository.ReceivedReportRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Writes line events to the outbox, and the audit rows of accepted reports, in one transaction. The platform's outbox
 * relay publishes them to Kafka afterwards.
 */
@ApplicationScoped
public class ReportPublisher {

    private static final Logger LOG = Logger.getLogger(ReportPublisher.class);

    private final Outbox outbox;
    private final ReceivedReportRepository reports;
    private final EventCodec codec;

    public ReportPublisher(Outbox outbox, ReceivedReportRepository reports, EventCodec codec) {
        this.outbox = outbox;
        this.reports = reports;
        this.codec = codec;
    }

    /**
     * Stores {@code events} and, when not null, {@code audit} in a transaction of their own. Throws
     * {@link IllegalArgumentException} when an event breaks its schema, which means the validation of this service is
     * wrong.
     */
    public Uni<Void> publish(List<? extends CloudEvent<? extends LineEvent>> events, ReceivedReport audit) {
        return inTransaction(() -> append(events, audit), "events " + ids(events));
    }

    /** Appends {@code events} and {@code audit} to the caller's transaction. */
    public Uni<Void> append(List<? extends CloudEvent<? extends LineEvent>> events, ReceivedReport audit) {
        List<OutboxMessage> messages = events.stream()
                .map(event -> OutboxMessage.cloudEvent(RecordKeys.of(event.data()), event, codec.encode(event)))
                .toList();
        return outbox.append(messages).chain(() -> persist(audit));
    }

    /**
     * Runs {@code work} in one transaction. A {@link ProblemException} or {@link ArtifactRejected} from the work rolls
     * it back and reaches the caller unchanged. Any other failure becomes a 503 problem, because the station should
     * send the report again.
     */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work, String what) {
        return Panache.withTransaction(work)
                .onFailure(failure -> !(failure instanceof ProblemException || failure instanceof ArtifactRejected))
                .transform(failure -> {
                    LOG.errorf(failure, "failed to store %s in the outbox", what);
                    return new ProblemException(Problem.of(
                            503,
                            "report-not-stored",
                            "Report not stored",
                            "the report could not be stored, so nothing was published; send it again later"));
                });
    }

    private Uni<Void> persist(ReceivedReport audit) {
        if (audit == null) {
            return Uni.createFrom().voidItem();
        }
        return reports.persist(audit).replaceWithVoid();
    }

    private static List<String> ids(List<? extends CloudEvent<?>> events) {
        return events.stream().map(CloudEvent::id).toList();
    }
}
