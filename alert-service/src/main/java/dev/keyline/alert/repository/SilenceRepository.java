package dev.keyline.alert.repository;

import dev.keyline.alert.domain.Silence;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads and writes {@code silences}. */
@ApplicationScoped
public class SilenceRepository implements PanacheRepositoryBase<SilenceEntity, UUID> {

    /** Returns every silence, newest first. */
    public Uni<List<SilenceEntity>> findAllNewestFirst() {
        return list("order by createdAt desc, id");
    }

    /** Returns the silences active at {@code now}. */
    public Uni<List<Silence>> findActive(Instant now) {
        return list("startsAt <= ?1 and endsAt > ?1", now)
                .map(rows -> rows.stream().map(SilenceRepository::toSilence).toList());
    }

    public static Silence toSilence(SilenceEntity row) {
        return new Silence(
                row.id, SilenceMatchers.fromJson(row.matchers), row.startsAt, row.endsAt, row.createdBy, row.comment);
    }
}
