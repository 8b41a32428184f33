package dev.keyline.station.service;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.station.domain.StationBinding;
import dev.keyline.station.repository.ArtifactRepository;
import dev.keyline.station.service.LicenseArtifactService.ExposureResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Stores a station log excerpt with every full product key masked, such as the key of an {@code slmgr /ipk} command,
 * and publishes one exposure event per key, naming the station and the line of the excerpt.
 */
@ApplicationScoped
public class StationLogService {

    private static final Logger LOG = Logger.getLogger(StationLogService.class);

    private final ArtifactSupport support;
    private final ReportPublisher publisher;
    private final ArtifactRepository artifacts;

    public StationLogService(ArtifactSupport support, ReportPublisher publisher, ArtifactRepository artifacts) {
        this.support = support;
        this.publisher = publisher;
        this.artifacts = artifacts;
    }

    /** The result: how many lines were stored and the keys found, masked. */
    public record LogResult(int lines, List<ExposureResult> exposures) {}

    public Uni<LogResult> store(String serial, String text, StationBinding station) {
        return store(serial, text, station, result -> Uni.createFrom().voidItem());
    }

    /** Stores an excerpt as {@link #store(String, String, StationBinding)} does, and runs {@code alsoInTransaction}
     * with the result in the transaction that stores it. */
    public Uni<LogResult> store(
            String serial, String text, StationBinding station, Function<LogResult, Uni<Void>> alsoInTransaction) {
        LOG.debugf("received a log excerpt for device %s from %s", serial, station);
        Instant now = Instant.now();
        ArtifactSupport.Redacted redacted = support.redact(text);
        List<CloudEvent<KeyExposed>> exposures =
                support.exposureEvents("log", redacted.exposures(), station, serial, now);
        int lines = (int) redacted.text().lines().count();

        return publisher.inTransaction(
                () -> artifacts
                        .persist(ArtifactSupport.artifactRow(
                                "log", serial, null, station, redacted.text(), exposures.size(), now))
                        .chain(() -> publisher.append(exposures, null))
                        .map(stored -> {
                            LOG.infof(
                                    "stored a log excerpt of %d lines for device %s from %s with %d exposed keys",
                                    lines, serial, station, exposures.size());
                            return new LogResult(lines, ExposureResult.of(exposures));
                        })
                        .call(result -> alsoInTransaction.apply(result)),
                "log excerpt for device " + serial);
    }
}
