package dev.keyline.ledger.rest;

import dev.keyline.platform.auth.Roles;
import dev.keyline.platform.outbox.OutboxPruning;
import dev.keyline.schemas.Topics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Progress counters, so scripts can wait until the ledger has booked what they sent. */
@Path("/api/v1/status")
public class StatusResource {

    private static final String COUNTS =
            "SELECT (SELECT coalesce(sum(booked), 0)::bigint FROM booking_progress) AS booked,"
                    + " (SELECT count(*) FROM dead_letters) AS dead_lettered";

    private final Pool pool;
    private final OutboxPruning outbox;

    public StatusResource(Pool pool, OutboxPruning outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Uni<StatusResponse> status() {
        return pool.query(COUNTS).execute().chain(rows -> {
            Row row = rows.iterator().next();
            return outbox.publishedCount(Topics.LEDGER_EVENTS)
                    .map(published ->
                            new StatusResponse(row.getLong("booked"), published, row.getLong("dead_lettered")));
        });
    }
}
