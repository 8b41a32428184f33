package dev.keyline.station.service;

import dev.keyline.platform.problem.Problem;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.station.config.StationConfig;
import dev.keyline.station.domain.IdempotencyKey;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.repository.IdempotentRequest;
import dev.keyline.station.repository.IdempotentRequestRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Finds and stores the first responses to report requests sent with an {@code Idempotency-Key}, and deletes them after
 * {@code keyline.station.idempotency-retention}. A key belongs to the station that sent it, so two stations may use
 * the same key.
 */
@ApplicationScoped
public class IdempotentRequests {

    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);

    private final IdempotentRequestRepository requests;
    private final StationConfig config;

    public IdempotentRequests(IdempotentRequestRepository requests, StationConfig config) {
        this.requests = requests;
        this.config = config;
    }

    /**
     * Deletes the responses stored longer than {@code keyline.station.idempotency-retention}, every
     * {@code keyline.station.idempotency-pruning-interval} (one hour by default).
     */
    @Scheduled(
            identity = "idempotent-requests-pruning",
            every = "${keyline.station.idempotency-pruning-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> pruneOnSchedule() {
        return prune(Instant.now().minus(config.idempotencyRetention())).replaceWithVoid();
    }

    /** Deletes the responses to requests received before {@code cutoff} and returns how many were deleted. */
    Uni<Long> prune(Instant cutoff) {
        return Panache.withTransaction(() -> requests.delete("receivedAt < ?1", cutoff))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof(
                                "deleted %d stored responses to Idempotency-Key requests received before %s",
                                deleted, cutoff);
                    }
                });
    }

    /** A request as first received: {@code target} names its endpoint and {@code hash} is its fingerprint. */
    public record Request(StationBinding station, IdempotencyKey key, String target, String hash) {

        String scope() {
            return station.lineId() + "/" + station.stationId() + "/" + key.value();
        }
    }

    /**
     * Returns the stored response to {@code request}, or nothing when its key is new. Fails with 422 when the key was
     * used for another request, because sending the first response would hide that the second was not booked.
     */
    public Uni<Optional<IdempotentRequest>> find(Request request) {
        return Panache.withSession(() -> requests.findById(request.scope())).map(stored -> {
            if (stored == null) {
                return Optional.empty();
            }
            if (!stored.requestHash.equals(request.hash())) {
                throw new ProblemException(Problem.of(
                        422,
                        "idempotency-key-reused",
                        "Idempotency key reused",
                        "Idempotency-Key '" + request.key().value() + "' of " + request.station() + " was first used"
                                + " at " + stored.receivedAt + " for another request" + booked(stored)
                                + "; send this report with a new key, or send the first request unchanged to get its"
                                + " response again"));
            }
            return Optional.of(stored);
        });
    }

    private static String booked(IdempotentRequest stored) {
        return stored.eventId == null ? ", which published no event" : ", which booked event " + stored.eventId;
    }

    /**
     * Stores the response to {@code request} in the caller's transaction. Fails with 503 when a request with the same
     * key was stored at the same moment, which rolls this one back, and a resend then gets the stored response.
     */
    public Uni<Void> remember(Request request, UUID eventId, String response, Instant receivedAt) {
        IdempotentRequest stored = new IdempotentRequest();
        stored.scope = request.scope();
        stored.lineId = request.station().lineId();
        stored.stationId = request.station().stationId();
        stored.idempotencyKey = request.key().value();
        stored.requestHash = request.hash();
        stored.eventId = eventId;
        stored.response = response;
        stored.receivedAt = receivedAt;
        return requests.insertIfNew(stored).map(inserted -> {
            if (!inserted) {
                LOG.warnf(
                        "did not book a %s request with Idempotency-Key %s from %s: a request with the same key was"
                                + " stored at the same moment",
                        request.target(), request.key().value(), request.station());
                throw ProblemException.retryLater(
                        Problem.of(
                                503,
                                "report-not-stored",
                                "Report not stored",
                                "a request with Idempotency-Key '"
                                        + request.key().value() + "' was stored at the"
                                        + " same moment, so this one was not; send it again to get the "
                                        + "stored response"),
                        Duration.ofSeconds(1));
            }
            return null;
        });
    }
}
