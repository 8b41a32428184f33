package dev.keyline.ledger.rest;

import dev.keyline.platform.auth.Roles;
import dev.keyline.schemas.Topics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Progress counters, so scripts can wait until the ledger has booked what they sent. */
@Path("/api/v1/status")
public class StatusResource {

    private static final String COUNTS =
            "SELECT (SELECT coalesce(sum(booked), 0)::bigint FROM booking_progress) AS booked,"
                    + " (SELECT count(*) FROM outbox WHERE topic = $1) AS published,"
                    + " (SELECT count(*) FROM dead_letters) AS dead_lettered";

    private final Pool pool;

    public StatusResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<StatusResponse> status() {
        return pool.preparedQuery(COUNTS)
                .execute(Tuple.of(Topics.LEDGER_EVENTS))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new StatusResponse(
                            row.getLong("booked"), row.getLong("published"), row.getLong("dead_lettered"));
                });
    }
}
