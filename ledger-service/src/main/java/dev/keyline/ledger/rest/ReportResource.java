package dev.keyline.ledger.rest;

import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.platform.auth.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The reconciliation report per key, line and UTC day, for operators and auditors. Its CSV has the rows only, because
 * the balances block is GET /api/v1/keys, whose CSV has every field of the JSON.
 */
@Path("/api/v1/reconciliation")
@RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
public class ReportResource {

    /**
     * Counts per key, line and day. Groups whose counts are all 0, such as a line's key-clearing steps or exposures,
     * are left out, because a row of zeros gives an auditor no information.
     */
    private static final String RECONCILIATION = "SELECT * FROM (SELECT"
            + " date_trunc('day', occurred_at AT TIME ZONE 'UTC') AS day,"
            + " coalesce(key_id, '') AS key_id, coalesce(line_id, '') AS line_id,"
            + " count(*) FILTER (WHERE event_type = 'keyline.device.provisioned.v1') AS provisioned,"
            + " count(*) FILTER (WHERE 'CONSUMED' = ANY (string_to_array(effect, ','))) AS consumed,"
            + " count(*) FILTER (WHERE 'REACTIVATED' = ANY (string_to_array(effect, ','))) AS reactivations,"
            + " count(*) FILTER (WHERE 'REPEAT' = ANY (string_to_array(effect, ','))) AS repeats,"
            + " count(*) FILTER (WHERE result IS NOT NULL AND result <> 'success') AS failures,"
            + " count(*) FILTER (WHERE 'UNATTRIBUTED_CONSUMED' = ANY (string_to_array(effect, ','))) AS unattributed"
            + " FROM device_events WHERE occurred_at >= $1 AND occurred_at < $2"
            + " GROUP BY 1, 2, 3) AS counts"
            + " WHERE provisioned + consumed + reactivations + repeats + failures + unattributed > 0"
            + " ORDER BY 1, 2, 3";

    private final Pool pool;

    public ReportResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ReconciliationReport> reconciliation(@QueryParam("from") String from, @QueryParam("to") String to) {
        TimeRange range = TimeRange.of(from, to);
        Instant start = range.from();
        Instant end = range.to();
        return rows(start, end).chain(rows -> ProductKeyEntity.<ProductKeyEntity>listAll(Sort.by("keyId"))
                .map(keys -> new ReconciliationReport(
                        start,
                        end,
                        rows,
                        keys.stream().map(KeyBalanceResponse::of).toList())));
    }

    @GET
    @Produces(Csv.MEDIA_TYPE)
    public Uni<String> reconciliationCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        TimeRange range = TimeRange.of(from, to);
        Instant start = range.from();
        Instant end = range.to();
        return rows(start, end)
                .map(rows -> Csv.document(
                        ReconciliationRow.CSV_HEADER,
                        rows.stream().map(ReconciliationRow::csvRow).toList()));
    }

    private Uni<List<ReconciliationRow>> rows(Instant from, Instant to) {
        return pool.preparedQuery(RECONCILIATION)
                .execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(result -> {
                    List<ReconciliationRow> rows = new ArrayList<>();
                    for (Row row : result) {
                        LocalDate day = row.getLocalDateTime("day").toLocalDate();
                        DaySlice slice = DaySlice.of(day, from, to);
                        rows.add(new ReconciliationRow(
                                day,
                                slice.from(),
                                slice.to(),
                                emptyToNull(row.getString("key_id")),
                                emptyToNull(row.getString("line_id")),
                                row.getLong("provisioned"),
                                row.getLong("consumed"),
                                row.getLong("reactivations"),
                                row.getLong("repeats"),
                                row.getLong("failures"),
                                row.getLong("unattributed")));
                    }
                    return rows;
                });
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
