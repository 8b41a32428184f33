package dev.keyline.station.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code idempotent_requests} table, by scope. */
@ApplicationScoped
public class IdempotentRequestRepository implements PanacheRepositoryBase<IdempotentRequest, String> {}
