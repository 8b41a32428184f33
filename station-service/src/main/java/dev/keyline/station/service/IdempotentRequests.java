package dev.keyline.station.service;

import dev.keyline.platform.problem.Problem;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.station.domain.IdempotencyKey;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.repository.IdempotentRequest;
import dev.keyline.station.repository.IdempotentRequestRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds and stores the first responses to report requests sent with an {@code Idempotency-Key}. A key belongs to the
 * station that sent it, so two stations may use the same key.
 */
@ApplicationScoped
public class IdempotentRequests {

    private final IdempotentRequestRepository requests;

    public IdempotentRequests(IdempotentRequestRepository requests) {
        this.requests = requests;
    }

    /** A request as first received: {@code target} names its endpoint and {@code hash} is its fingerprint. */
    public record Request(StationBinding station, IdempotencyKey key, String target, String hash) {

        String scope() {
            return station.lineId() + "/" + station.stationId() + "/" + key.value();
        }
    }

    /**
     * Returns the stored response to {@code request}, or nothing when its key is new. Fails with 422 when the key was used
     * for another request, because sending the first response would hide that the second was not booked.
     */
    public Uni<Optional<IdempotentRequest>> find(Request request) {
        return Panache.withSession(() -> requests.findById(request.scope())).map(kept -> {
            if (kept == null) {
                return Optional.empty();
            }
            if (!kept.requestHash.equals(request.hash())) {
                throw new ProblemException(Problem.of(
                        422,
                        "idempotency-key-reused",
                        "Idempotency key reused",
                        "Idempotency-Key '" + request.key().value() + "' of " + request.station() + " was first used"
                                + " at " + kept.receivedAt + " for another request, which booked event " + kept.eventId
                                + "; send this report with a new key, or send the first request unchanged to get its"
                                + " response again"));
            }
            return Optional.of(kept);
        });
    }

    // TODO: stored responses are never deleted. A station resends within minutes, so a scheduled delete of rows older
    // than a configurable age (days) would bound the table without losing a resend.
    /** Stores the response to {@code request} in the caller's transaction. */
    public Uni<Void> remember(Request request, UUID eventId, String response, Instant receivedAt) {
        IdempotentRequest kept = new IdempotentRequest();
        kept.scope = request.scope();
        kept.lineId = request.station().lineId();
        kept.stationId = request.station().stationId();
        kept.idempotencyKey = request.key().value();
        kept.requestHash = request.hash();
        kept.eventId = eventId;
        kept.response = response;
        kept.receivedAt = receivedAt;
        return requests.persist(kept).replaceWithVoid();
    }
}
