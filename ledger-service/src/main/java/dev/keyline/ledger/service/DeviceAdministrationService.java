package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.DeviceStatus;
import dev.keyline.ledger.domain.EntryType;
import dev.keyline.ledger.repository.DeviceEntity;
import dev.keyline.ledger.repository.DeviceEventEntity;
import dev.keyline.ledger.repository.ProductKeyEntity;
import dev.keyline.platform.outbox.Outbox;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.schemas.Printable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Operator changes to a device: scrapping releases the commitment of a device that never activated, journaled on
 * its key and published. A scrapped device that activates later is booked as unattributed.
 */
@ApplicationScoped
public class DeviceAdministrationService {

    private static final Logger LOG = Logger.getLogger(DeviceAdministrationService.class);

    private final JournalWriter journal;
    private final LedgerEvents events;
    private final Outbox outbox;
    private final SecurityIdentity identity;

    public DeviceAdministrationService(
            JournalWriter journal, LedgerEvents events, Outbox outbox, SecurityIdentity identity) {
        this.journal = journal;
        this.events = events;
        this.outbox = outbox;
        this.identity = identity;
    }

    public Uni<DeviceEntity> scrap(String serial, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String changeId = "scrap-" + UUID.randomUUID();
        String operator = identity.getPrincipal().getName();
        return Panache.withTransaction(() -> DeviceEntity.<DeviceEntity>findById(serial)
                        .invoke(device -> requireScrappable(serial, device))
                        .call(DeviceAdministrationService::lockKeyThenDevice)
                        .invoke(device -> requireScrappable(serial, device))
                        .call(device -> releaseCommitment(device, changeId, now))
                        .call(device -> history(device, changeId, reason, now).persist())
                        .invoke(device -> device.status = DeviceStatus.SCRAPPED))
                .invoke(device -> LOG.infof(
                        "scrapped device %s (key %s, operator %s): %s",
                        serial, device.keyId, operator, Printable.of(reason)));
    }

    /**
     * Locks the device's key, then the device, and reads the device again. Booking locks a device's key before it
     * changes the device, so the device cannot change between this read and the commit. A device re-keyed between the
     * first read and the key lock is left alone.
     */
    private static Uni<Void> lockKeyThenDevice(DeviceEntity device) {
        String keyId = device.keyId;
        Uni<?> keyLock = keyId == null
                ? Uni.createFrom().voidItem()
                : ProductKeyEntity.findById(keyId, LockModeType.PESSIMISTIC_WRITE);
        return keyLock.chain(() -> Panache.getSession())
                .chain(session -> session.refresh(device, LockModeType.PESSIMISTIC_WRITE))
                .invoke(() -> {
                    if (!Objects.equals(keyId, device.keyId)) {
                        throw ProblemException.conflict(
                                "device-changed",
                                "Device changed meanwhile",
                                "device '" + device.serial + "' moved from key " + keyId + " to " + device.keyId
                                        + " while it was being scrapped; nothing changed, send the request again");
                    }
                });
    }

    private static void requireScrappable(String serial, DeviceEntity device) {
        if (device == null) {
            throw ProblemException.notFound(
                    "device", serial, "check the serial; the ledger knows devices a station reported");
        }
        if (device.status == DeviceStatus.SCRAPPED) {
            throw ProblemException.conflict(
                    "device-scrapped",
                    "Device already scrapped",
                    "device '" + serial + "' is already scrapped; nothing changed");
        }
    }

    private Uni<Void> releaseCommitment(DeviceEntity device, String changeId, Instant now) {
        if (device.status != DeviceStatus.PROVISIONED || device.keyId == null) {
            return Uni.createFrom().voidItem();
        }
        return ProductKeyEntity.<ProductKeyEntity>findById(device.keyId, LockModeType.PESSIMISTIC_WRITE)
                .invoke(key -> key.committed -= 1)
                .call(key -> journal.append(key, changeId, EntryType.RELEASED, device.serial, 0, -1, 0, now))
                .call(key -> outbox.append(events.balanceChanged(key, changeId, now)))
                .replaceWithVoid();
    }

    private static DeviceEventEntity history(DeviceEntity device, String changeId, String reason, Instant now) {
        DeviceEventEntity entry = new DeviceEventEntity();
        entry.serial = device.serial;
        entry.eventId = changeId;
        entry.eventType = "scrapped";
        entry.keyId = device.keyId;
        entry.lineId = device.lineId;
        entry.stationId = device.stationId;
        entry.effect = device.status == DeviceStatus.PROVISIONED && device.keyId != null ? "RELEASED" : "";
        entry.detail = "scrapped by an operator: " + reason;
        entry.occurredAt = now;
        return entry;
    }
}
