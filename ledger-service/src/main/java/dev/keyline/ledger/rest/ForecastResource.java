package dev.keyline.ledger.rest;

import dev.keyline.ledger.config.ForecastConfig;
import dev.keyline.ledger.domain.DepletionForecast;
import dev.keyline.ledger.domain.KeyState;
import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.ledger.service.AuditService;
import dev.keyline.platform.auth.Roles;
import dev.keyline.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** When a key runs out at its recent rate, and whether to reorder now. */
@Path("/api/v1/keys/{keyId}/forecast")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
public class ForecastResource {

    // The registration entry is dated by the key's grantedAt, which is the start of its journal in line time.
    private static final String USED_IN_WINDOW = "SELECT"
            + " coalesce(sum(committed_delta + consumed_delta) FILTER (WHERE occurred_at > $2 AND occurred_at <= $3),"
            + " 0) AS used,"
            + " min(occurred_at) FILTER (WHERE entry_type = 'REGISTERED') AS registered"
            + " FROM journal WHERE key_id = $1";

    private final Pool pool;
    private final AuditService audit;
    private final ForecastConfig config;

    public ForecastResource(Pool pool, AuditService audit, ForecastConfig config) {
        this.pool = pool;
        this.audit = audit;
        this.config = config;
    }

    /**
     * Projects the key's current available count at the rate of the window that ends at {@code at} (default now).
     * Rejects an {@code at} before the key's registration entry, because the key had no count then.
     */
    @GET
    @WithSession
    public Uni<ForecastResponse> forecast(@PathParam("keyId") String keyId, @QueryParam("at") String at) {
        Instant when = JournalResource.inclusiveInstant("at", at, Instant.now());
        Tuple window =
                Tuple.of(keyId, when.minus(config.window()).atOffset(ZoneOffset.UTC), when.atOffset(ZoneOffset.UTC));
        return audit.requireKey(keyId).chain(key -> pool.preparedQuery(USED_IN_WINDOW)
                .execute(window)
                .map(result -> forecast(key, when, result.iterator().next())));
    }

    private ForecastResponse forecast(ProductKeyEntity key, Instant when, Row row) {
        OffsetDateTime registered = row.getOffsetDateTime("registered");
        if (registered != null && when.isBefore(registered.toInstant())) {
            throw ProblemException.invalidField(
                    "at",
                    "is " + when + ", before key " + key.keyId + " was registered: its journal starts at "
                            + registered.toInstant(),
                    "send an at that is at or after " + registered.toInstant() + ", or leave it out for now");
        }
        KeyState state = KeyState.valueOf(key.state.toUpperCase(Locale.ROOT));
        return ForecastResponse.of(DepletionForecast.compute(
                key.keyId,
                state,
                key.balance().available(),
                row.getLong("used"),
                config.window(),
                when,
                config.reorderLeadTime()));
    }
}
