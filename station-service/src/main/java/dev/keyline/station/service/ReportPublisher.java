package dev.keyline.station.service;

import dev.keyline.platform.outbox.Outbox;
import dev.keyline.platform.outbox.OutboxMessage;
import dev.keyline.platform.problem.DatabaseUnavailable;
import dev.keyline.platform.problem.Problem;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.EventCodec;
import dev.keyline.schemas.events.KeyExposed;
import dev.keyline.schemas.events.LineEvent;
import dev.keyline.station.artifact.ArtifactRejected;
import dev.keyline.station.domain.ExposureNotice;
import dev.keyline.station.domain.RecordKeys;
import dev.keyline.station.repository.DeviceRepository;
import dev.keyline.station.repository.KeyBalanceRepository;
import dev.keyline.station.repository.ReceivedReport;
import dev.keyline.station.repository.ReceivedReportRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Writes line events to the outbox, and the audit rows of accepted reports, in one transaction. The platform's outbox
 * relay publishes them to Kafka afterwards.
 */
@ApplicationScoped
public class ReportPublisher {

    private static final Logger LOG = Logger.getLogger(ReportPublisher.class);
    static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final ReceivedReportRepository reports;
    private final EventCodec codec;
    private final KeyBalanceRepository balances;
    private final DeviceRepository devices;

    public ReportPublisher(
            Outbox outbox,
            ReceivedReportRepository reports,
            EventCodec codec,
            KeyBalanceRepository balances,
            DeviceRepository devices) {
        this.outbox = outbox;
        this.reports = reports;
        this.codec = codec;
        this.balances = balances;
        this.devices = devices;
    }

    /**
     * Stores {@code events} and, when not null, {@code audit} in a transaction of their own. Throws
     * {@link IllegalArgumentException} when an event breaks its schema, which means the validation of this service is
     * wrong.
     */
    public Uni<Void> publish(List<? extends CloudEvent<? extends LineEvent>> events, ReceivedReport audit) {
        return inTransaction(() -> append(events, audit), "events " + ids(events));
    }

    /**
     * Publishes the exposure events of a rejected request, then fails with the rejection, whose detail gets
     * {@code separator} and a notice naming them. Without exposures, or for a 503 whose database work already failed,
     * it fails with the rejection as it is.
     */
    public <T> Uni<T> failAfterExposures(
            ProblemException rejection, List<CloudEvent<KeyExposed>> exposures, String separator) {
        if (exposures.isEmpty() || rejection.problem().status() == 503) {
            return Uni.createFrom().failure(rejection);
        }
        ProblemException withNotice = rejection.withDetailAppended(separator + ExposureNotice.describe(exposures));
        return publish(exposures, null).chain(() -> Uni.createFrom().failure(withNotice));
    }

    /**
     * Appends {@code events} and {@code audit} to the caller's transaction. Each event is keyed by {@link RecordKeys}:
     * an event without a key id reads the keys with its partial key from {@code key_balances}, and its device's key
     * from {@code devices}, as this transaction reads them.
     */
    public Uni<Void> append(List<? extends CloudEvent<? extends LineEvent>> events, ReceivedReport audit) {
        List<String> payloads = events.stream().map(codec::encode).toList();
        Map<String, List<String>> ownersByPartialKey = new HashMap<>();

        // One event after the other from a stream: a chain of one Uni per event nests as deep as the events are many,
        // and a report with a few thousand keys never completed.
        Uni<List<OutboxMessage>> messages = Multi.createFrom()
                .range(0, events.size())
                .onItem()
                .transformToUniAndConcatenate(i -> recordKey(events.get(i).data(), ownersByPartialKey)
                        .map(key -> OutboxMessage.cloudEvent(key, events.get(i), payloads.get(i))))
                .collect()
                .asList();
        return messages.chain(list -> outbox.append(list)).chain(() -> persist(audit));
    }

    // NOTE: key_balances follows the ledger's balance events, about a second behind. Until a new key's first balance
    // arrives, events that name only its partial key are keyed by that partial key.
    private Uni<String> recordKey(LineEvent data, Map<String, List<String>> ownersByPartialKey) {
        if (RecordKeys.keyIdOf(data) != null) {
            return owners(data.partialKey(), ownersByPartialKey)
                    .map(partialKeyOwners -> RecordKeys.of(data, partialKeyOwners, null));
        }
        String serial = data.serial();
        return owners(data.partialKey(), ownersByPartialKey).chain(partialKeyOwners -> {
            if (partialKeyOwners.size() == 1 || !RecordKeys.followsDevice(data) || serial == null) {
                return Uni.createFrom().item(RecordKeys.of(data, partialKeyOwners, null));
            }
            return deviceKeyId(serial, ownersByPartialKey)
                    .map(deviceKeyId -> RecordKeys.of(data, partialKeyOwners, deviceKeyId));
        });
    }

    /** Returns the key id the device's row was provisioned with, or the one key with its partial key, or null. */
    private Uni<String> deviceKeyId(String serial, Map<String, List<String>> ownersByPartialKey) {
        return devices.findById(serial).chain(device -> {
            if (device == null) {
                return Uni.createFrom().nullItem();
            }
            if (device.keyId != null) {
                return Uni.createFrom().item(device.keyId);
            }
            return owners(device.partialKey, ownersByPartialKey)
                    .map(partialKeyOwners -> RecordKeys.deviceKeyId(null, partialKeyOwners));
        });
    }

    /** Returns the ids of the keys with {@code partialKey}, read once per append. */
    private Uni<List<String>> owners(String partialKey, Map<String, List<String>> ownersByPartialKey) {
        if (partialKey == null) {
            return Uni.createFrom().item(List.of());
        }
        List<String> known = ownersByPartialKey.get(partialKey);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return balances.keyIdsWithPartialKey(partialKey).invoke(found -> ownersByPartialKey.put(partialKey, found));
    }

    /**
     * Runs {@code work} in one transaction. A {@link ProblemException} or {@link ArtifactRejected} from the work rolls
     * it back and reaches the caller unchanged, and so does a database out of reach, which the platform's mapper turns
     * into 503 {@code database-unavailable} and a short Retry-After. Any other failure becomes a 503 problem, because
     * the station should send the report again.
     */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work, String what) {
        return Panache.withTransaction(work)
                .onFailure(ReportPublisher::isStoreFailure)
                .transform(failure -> {
                    LOG.errorf(failure, "failed to store %s in the outbox", what);
                    return ProblemException.retryLater(
                            Problem.of(
                                    503,
                                    "report-not-stored",
                                    "Report not stored",
                                    "the report could not be stored, so nothing was published; send it again later"),
                            STORE_RETRY_AFTER);
                });
    }

    /**
     * Tells whether a failure of the outbox transaction becomes {@code report-not-stored}: any failure but a problem
     * the work raised, a rejected artifact, or a database out of reach.
     */
    static boolean isStoreFailure(Throwable failure) {
        return !(failure instanceof ProblemException
                || failure instanceof ArtifactRejected
                || DatabaseUnavailable.isCauseOf(failure));
    }

    private Uni<Void> persist(ReceivedReport audit) {
        if (audit == null) {
            return Uni.createFrom().voidItem();
        }
        return reports.persist(audit).replaceWithVoid();
    }

    private static List<String> ids(List<? extends CloudEvent<?>> events) {
        return events.stream().map(CloudEvent::id).toList();
    }
}
