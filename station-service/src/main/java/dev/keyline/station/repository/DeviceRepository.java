package dev.keyline.station.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

/** The {@code devices} table. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<DeviceEntity, String> {

    private static final String INSERT_IF_MISSING =
            "INSERT INTO devices (serial, cycle, line_id, station_id, updated_at)"
                    + " VALUES (?1, 1, ?2, ?3, ?4) ON CONFLICT (serial) DO NOTHING";

    /**
     * Returns the device's row locked for this transaction, creating an empty one first when the serial is new. The
     * lock makes two stations reporting the same device at once apply their steps one after the other.
     */
    public Uni<DeviceEntity> lockOrCreate(String serial, String lineId, String stationId, Instant now) {
        return getSession()
                .chain(session -> session.createNativeQuery(INSERT_IF_MISSING)
                        .setParameter(1, serial)
                        .setParameter(2, lineId)
                        .setParameter(3, stationId)
                        .setParameter(4, now)
                        .executeUpdate())
                .chain(() -> findById(serial, LockModeType.PESSIMISTIC_WRITE));
    }

    public Uni<List<DeviceEntity>> heldAt(String step, int limit) {
        return find("nextStep", Sort.by("serial"), step)
                .page(Page.ofSize(limit))
                .list();
    }
}
