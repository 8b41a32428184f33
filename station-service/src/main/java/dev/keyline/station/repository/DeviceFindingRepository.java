package dev.keyline.station.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The {@code device_findings} table. */
@ApplicationScoped
public class DeviceFindingRepository implements PanacheRepositoryBase<DeviceFindingEntity, Long> {

    public Uni<List<DeviceFindingEntity>> forDevice(String serial) {
        return list("serial", Sort.by("id"), serial);
    }

    /** Replaces the findings of one answer file on the device's image with {@code findings}. */
    public Uni<Void> replace(String serial, String source, List<DeviceFindingEntity> findings) {
        return delete("serial = ?1 and source = ?2", serial, source)
                .chain(deleted -> findings.isEmpty() ? Uni.createFrom().voidItem() : persist(findings));
    }
}
