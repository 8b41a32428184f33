package dev.keyline.station.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The {@code device_steps} history table. */
@ApplicationScoped
public class DeviceStepRepository implements PanacheRepositoryBase<DeviceStepEntity, Long> {

    public Uni<List<DeviceStepEntity>> history(String serial) {
        return list("serial", Sort.by("id"), serial);
    }

    /** Returns the device's step with the latest time, or null when it has none. */
    public Uni<DeviceStepEntity> latest(String serial) {
        return find("serial", Sort.by("occurredAt").descending().and("id", Sort.Direction.Descending), serial)
                .firstResult();
    }
}
