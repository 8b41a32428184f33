package dev.keyline.alert.repository;

import dev.keyline.alert.domain.LineKeyCounts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads and writes {@code line_devices}, the devices of each key and line, in the caller's transaction. */
@ApplicationScoped
public class LineDeviceRepository {

    private static final String PROVISIONED = "INSERT INTO line_devices (key_id, line_id, serial, provisioned_at)"
            + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key_id, line_id, serial) DO UPDATE"
            + " SET provisioned_at = coalesce(line_devices.provisioned_at, excluded.provisioned_at)";

    private static final String ACTIVATED = "INSERT INTO line_devices (key_id, line_id, serial, first_success_at)"
            + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (key_id, line_id, serial) DO UPDATE"
            + " SET first_success_at = coalesce(line_devices.first_success_at, excluded.first_success_at)";

    private static final String COUNTS = "SELECT count(*) FILTER (WHERE provisioned_at IS NOT NULL),"
            + " count(*) FILTER (WHERE first_success_at IS NOT NULL),"
            + " count(*) FILTER (WHERE first_success_at IS NOT NULL AND provisioned_at IS NULL)"
            + " FROM line_devices WHERE key_id = ?1 AND line_id = ?2";

    private static final String UNMATCHED = "SELECT serial, first_success_at FROM line_devices"
            + " WHERE key_id = ?1 AND line_id = ?2 AND first_success_at IS NOT NULL AND provisioned_at IS NULL"
            + " ORDER BY first_success_at, serial LIMIT ?3";

    public Uni<Integer> markProvisioned(String keyId, String lineId, String serial, Instant at) {
        return NativeRows.execute(PROVISIONED, keyId, lineId, serial, at);
    }

    public Uni<Integer> markActivated(String keyId, String lineId, String serial, Instant at) {
        return NativeRows.execute(ACTIVATED, keyId, lineId, serial, at);
    }

    /** Counts the key's devices on the line, listing at most {@code maxSerials} unmatched serials. */
    public Uni<LineKeyCounts> counts(String keyId, String partialKey, String lineId, int maxSerials) {
        return NativeRows.select(COUNTS, keyId, lineId)
                .chain(counts -> NativeRows.select(UNMATCHED, keyId, lineId, maxSerials)
                        .map(serials -> {
                            Object[] row = counts.get(0);
                            List<String> listed = serials.stream()
                                    .map(serial -> NativeRows.text(serial[0]))
                                    .toList();
                            return new LineKeyCounts(
                                    keyId,
                                    partialKey,
                                    lineId,
                                    NativeRows.longValue(row[0]),
                                    NativeRows.longValue(row[1]),
                                    NativeRows.longValue(row[2]),
                                    listed);
                        }));
    }
}
