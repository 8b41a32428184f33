package dev.keyline.alert.repository;

import dev.keyline.alert.domain.DeviceFacts;
import dev.keyline.schemas.events.DeviceProvisioned;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Reads and writes {@code devices}, each device's last provisioning, in the caller's transaction. */
@ApplicationScoped
public class DeviceRepository {

    private static final String UPSERT = "INSERT INTO devices (serial, key_id, partial_key, line_id, station_id,"
            + " key_cleared, provisioned_at) VALUES (?1, CAST(?2 AS text), CAST(?3 AS text), ?4, ?5, ?6, ?7)"
            + " ON CONFLICT (serial) DO UPDATE SET key_id = excluded.key_id, partial_key = excluded.partial_key,"
            + " line_id = excluded.line_id, station_id = excluded.station_id, key_cleared = excluded.key_cleared,"
            + " provisioned_at = excluded.provisioned_at";

    /** Stores a provisioning as the device's last one; {@code keyId} is the key it was attributed to. */
    public Uni<Integer> saveProvisioning(DeviceProvisioned provisioned, String keyId, Instant at) {
        return NativeRows.execute(
                UPSERT,
                provisioned.serial(),
                keyId,
                provisioned.partialKey(),
                provisioned.lineId(),
                provisioned.stationId(),
                provisioned.keyCleared(),
                at);
    }

    public Uni<Optional<DeviceFacts>> find(String serial) {
        return NativeRows.select(
                        "SELECT serial, key_id, partial_key, line_id, station_id, key_cleared FROM devices"
                                + " WHERE serial = ?1",
                        serial)
                .map(rows -> rows.stream()
                        .findFirst()
                        .map(row -> new DeviceFacts(
                                NativeRows.text(row[0]),
                                NativeRows.text(row[1]),
                                NativeRows.text(row[2]),
                                NativeRows.text(row[3]),
                                NativeRows.text(row[4]),
                                Boolean.TRUE.equals(NativeRows.booleanValue(row[5])))));
    }

    /** Records that the device's key was removed from its registry; returns 0 when the device is unknown. */
    public Uni<Integer> markKeyCleared(String serial) {
        return NativeRows.execute("UPDATE devices SET key_cleared = true WHERE serial = ?1", serial);
    }
}
