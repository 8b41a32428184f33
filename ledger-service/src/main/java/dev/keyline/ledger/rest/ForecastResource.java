package dev.keyline.ledger.rest;

import dev.keyline.ledger.config.ForecastConfig;
import dev.keyline.ledger.domain.DepletionForecast;
import dev.keyline.ledger.service.AuditService;
import dev.keyline.platform.auth.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.ZoneOffset;

/** When a key runs out at its recent rate, and whether to reorder now. */
@Path("/api/v1/keys/{keyId}/forecast")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
public class ForecastResource {

    private static final String USED_IN_WINDOW = "SELECT coalesce(sum(committed_delta + consumed_delta), 0) AS used"
            + " FROM journal WHERE key_id = $1 AND occurred_at > $2 AND occurred_at <= $3";

    private final Pool pool;
    private final AuditService audit;
    private final ForecastConfig config;

    public ForecastResource(Pool pool, AuditService audit, ForecastConfig config) {
        this.pool = pool;
        this.audit = audit;
        this.config = config;
    }

    @GET
    @WithSession
    public Uni<DepletionForecast> forecast(@PathParam("keyId") String keyId, @QueryParam("at") String at) {
        Instant when = JournalResource.instant("at", at, Instant.now());
        Tuple window =
                Tuple.of(keyId, when.minus(config.window()).atOffset(ZoneOffset.UTC), when.atOffset(ZoneOffset.UTC));
        return audit.requireKey(keyId).chain(key -> pool.preparedQuery(USED_IN_WINDOW)
                .execute(window)
                .map(result -> DepletionForecast.compute(
                        keyId,
                        key.balance().available(),
                        result.iterator().next().getLong("used"),
                        config.window(),
                        when,
                        config.reorderLeadTime())));
    }
}
