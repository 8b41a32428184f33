package dev.keyline.station.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.keys.KeyFingerprinter;
import dev.keyline.station.domain.IdempotencyKey;
import dev.keyline.station.domain.RequestFingerprint;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.service.ArtifactSupport;
import dev.keyline.station.service.IdempotentRequests;
import dev.keyline.station.service.OffEventLoop;
import dev.keyline.station.service.ReportPublisher;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Responds to report requests that carry an {@code Idempotency-Key} header. The first request is booked, and its 202
 * body is stored in the same transaction. A resend with the same key and the same request gets that body again, with
 * {@code Idempotent-Replayed: true}, and books nothing. A request without the header is booked every time it is sent.
 */
@ApplicationScoped
public class IdempotentResponses {

    /** The response header that marks a stored response sent again. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger LOG = Logger.getLogger(IdempotentResponses.class);

    private final IdempotentRequests requests;
    private final ObjectMapper json;
    private final CurrentVertxRequest current;
    private final OffEventLoop offEventLoop;
    private final KeyFingerprinter fingerprinter;
    private final ArtifactSupport support;
    private final ReportPublisher publisher;

    public IdempotentResponses(
            IdempotentRequests requests,
            ObjectMapper json,
            CurrentVertxRequest current,
            OffEventLoop offEventLoop,
            KeyFingerprinter fingerprinter,
            ArtifactSupport support,
            ReportPublisher publisher) {
        this.requests = requests;
        this.json = json;
        this.current = current;
        this.offEventLoop = offEventLoop;
        this.fingerprinter = fingerprinter;
        this.support = support;
        this.publisher = publisher;
    }

    /** Books a request; {@code alsoInTransaction} must run in the transaction that stores it. */
    @FunctionalInterface
    interface Intake<T> {
        Uni<T> receive(Function<T, Uni<Void>> alsoInTransaction);
    }

    /** The 202 body of a booked request, and the id of its first event (null when it has none), stored together. */
    record FirstResponse(Object body, String eventId) {}

    /**
     * The report kind and device of a request, for the exposure events of a rejected resend: {@code report} names it as
     * exposure events do, such as {@code device-provisioned} or {@code slmgr}, and {@code serial} is null without one.
     */
    record Origin(String report, String serial) {}

    /**
     * Books the request through {@code intake}, or responds to a resend with the stored response.
     *
     * @param keyHeader the {@code Idempotency-Key} header, or null
     * @param target names the endpoint in the request's fingerprint, such as {@code device-provisioned}
     * @param origin what the request reports, for the exposure events of keys in a resend that gets 422
     */
    <T> Uni<Response> accept(
            StationBinding station,
            String keyHeader,
            String target,
            Origin origin,
            String body,
            Intake<T> intake,
            Function<T, FirstResponse> response) {
        // JAX-RS passes an empty header as null. The header map shows whether it was sent, and an empty key is invalid.
        List<String> sentKeys = current.getCurrent().request().headers().getAll(IdempotencyKey.HEADER);
        if (sentKeys.size() > 1) {
            throw ProblemException.invalidField(
                    IdempotencyKey.HEADER,
                    "was sent " + sentKeys.size() + " times",
                    "send one Idempotency-Key header per request");
        }
        boolean sent = keyHeader != null || !sentKeys.isEmpty();
        if (!sent) {
            return intake.receive(result -> Uni.createFrom().voidItem())
                    .map(result ->
                            Response.accepted(response.apply(result).body()).build());
        }
        IdempotencyKey key = new IdempotencyKey(keyHeader == null ? "" : keyHeader);
        Instant receivedAt = Instant.now();

        // The fingerprint masks every key in the body first, which takes seconds for a large artifact full of keys.
        return offEventLoop
                .run(body == null ? 0 : body.length(), () -> RequestFingerprint.of(target, body, fingerprinter))
                .map(fingerprint -> new IdempotentRequests.Request(station, key, target, fingerprint))
                .chain(request -> respond(request, key, target, station, receivedAt, intake, response)
                        .onFailure(ProblemException.class)
                        .recoverWithUni(failure ->
                                exposeKeysOfReusedKey((ProblemException) failure, body, origin, station, receivedAt)));
    }

    private <T> Uni<Response> respond(
            IdempotentRequests.Request request,
            IdempotencyKey key,
            String target,
            StationBinding station,
            Instant receivedAt,
            Intake<T> intake,
            Function<T, FirstResponse> response) {
        return requests.find(request).chain(stored -> {
            if (stored.isPresent()) {
                LOG.infof(
                        "sent the stored response to a resend of %s request with key %s from %s; event %s "
                                + "was booked at %s",
                        target, key.value(), station, stored.get().eventId, stored.get().receivedAt);
                return Uni.createFrom()
                        .item(Response.accepted(stored.get().response)
                                .type(MediaType.APPLICATION_JSON)
                                .header(REPLAYED_HEADER, "true")
                                .build());
            }
            return intake.receive(result -> {
                        FirstResponse first = response.apply(result);
                        UUID eventId = first.eventId() == null ? null : UUID.fromString(first.eventId());
                        return requests.remember(request, eventId, render(first), receivedAt);
                    })
                    .map(result ->
                            Response.accepted(response.apply(result).body()).build());
        });
    }

    /**
     * Publishes an exposure event for each key in the body of a request that got 422 because its key was used for
     * another request, then fails with the 422, whose detail names them. Such a body may hold a key that the first
     * request did not, and the station sent it all the same. Other failures pass unchanged.
     */
    private Uni<Response> exposeKeysOfReusedKey(
            ProblemException failure, String body, Origin origin, StationBinding station, Instant receivedAt) {
        if (!failure.problem().type().endsWith("/idempotency-key-reused") || body == null) {
            return Uni.createFrom().failure(failure);
        }
        return offEventLoop
                .run(body.length(), () -> support.redact(body).exposures())
                .map(found -> support.exposureEvents(origin.report(), found, station, origin.serial(), receivedAt))
                .chain(exposures -> publisher.<Response>failAfterExposures(failure, exposures, "."));
    }

    private String render(FirstResponse response) {
        try {
            return json.writeValueAsString(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "failed to write the 202 body of event " + response.eventId() + " as JSON", e);
        }
    }
}
