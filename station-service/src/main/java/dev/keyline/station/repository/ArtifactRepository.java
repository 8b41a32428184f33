package dev.keyline.station.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code artifacts} table. */
@ApplicationScoped
public class ArtifactRepository implements PanacheRepositoryBase<ArtifactEntity, Long> {}
