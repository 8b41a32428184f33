package dev.keyline.station.repository;

import dev.keyline.station.domain.AnswerFilePath;
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

    /**
     * Replaces the findings of one answer file on the device's image with {@code findings}: those whose path names
     * the same file as {@code source} ({@link AnswerFilePath}), however its case and slashes were written.
     */
    public Uni<Void> replace(String serial, String source, List<DeviceFindingEntity> findings) {
        return forDevice(serial)
                .chain(existing -> {
                    List<Long> sameFile = existing.stream()
                            .filter(finding -> AnswerFilePath.sameFile(finding.source, source))
                            .map(finding -> finding.id)
                            .toList();
                    return sameFile.isEmpty() ? Uni.createFrom().item(0L) : delete("id in ?1", sameFile);
                })
                .chain(deleted -> findings.isEmpty() ? Uni.createFrom().voidItem() : persist(findings));
    }
}
