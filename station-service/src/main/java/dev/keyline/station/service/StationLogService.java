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
    private final OffEventLoop offEventLoop;

    public StationLogService(
            ArtifactSupport support,
            ReportPublisher publisher,
            ArtifactRepository artifacts,
            OffEventLoop offEventLoop) {
        this.support = support;
        this.publisher = publisher;
        this.artifacts = artifacts;
        this.offEventLoop = offEventLoop;
    }

    /** An excerpt read on a worker thread: its text with keys masked, its exposure events and its line count. */
    private record Reading(String text, List<CloudEvent<KeyExposed>> exposures, int lines) {}

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

        return offEventLoop
                .run(text.length(), () -> read(serial, text, station, now))
                .chain(reading -> publisher.inTransaction(
                        () -> artifacts
                                .persist(ArtifactSupport.artifactRow(
                                        "log",
                                        serial,
                                        null,
                                        station,
                                        reading.text(),
                                        reading.exposures().size(),
                                        now))
                                .chain(() -> publisher.append(reading.exposures(), null))
                                .map(stored -> {
                                    LOG.infof(
                                            "stored a log excerpt of %d lines for device %s from %s with %d exposed"
                                                    + " keys",
                                            reading.lines(),
                                            serial,
                                            station,
                                            reading.exposures().size());
                                    return new LogResult(reading.lines(), ExposureResult.of(reading.exposures()));
                                })
                                .call(result -> alsoInTransaction.apply(result)),
                        "log excerpt for device " + serial));
    }

    private Reading read(String serial, String text, StationBinding station, Instant now) {
        ArtifactSupport.Redacted redacted = support.redact(text);
        List<CloudEvent<KeyExposed>> exposures =
                support.exposureEvents("log", redacted.exposures(), station, serial, now);
        return new Reading(
                redacted.text(), exposures, (int) redacted.text().lines().count());
    }
}
