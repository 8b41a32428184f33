package dev.keyline.station.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The {@code reports} audit table. */
@ApplicationScoped
public class ReceivedReportRepository implements PanacheRepositoryBase<ReceivedReport, UUID> {}
