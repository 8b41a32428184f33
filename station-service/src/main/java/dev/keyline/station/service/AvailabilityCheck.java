package dev.keyline.station.service;

import dev.keyline.platform.problem.Problem;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.station.config.StationConfig;
import dev.keyline.station.domain.Availability;
import dev.keyline.station.domain.DeviceProvisionedReport;
import dev.keyline.station.domain.StationReport;
import dev.keyline.station.repository.KeyBalanceEntity;
import dev.keyline.station.repository.KeyBalanceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Checks a provisioning against the key's last published balance, in the caller's transaction. A key with nothing
 * available, or whose partial key is not the reported one, fails the provisioning with a 409 problem. Missing or old
 * figures give warnings.
 *
 * <p>The balance lags the provisionings this service accepts by the ledger's booking time, so the check also counts
 * the key's provisionings that this service wrote to the outbox after the event the balance booked through, earlier
 * items of the same request among them. It locks the key's balance row until the transaction ends, so two
 * provisionings of one key are checked one after the other and each counts the other.
 */
@ApplicationScoped
public class AvailabilityCheck {

    private static final Logger LOG = Logger.getLogger(AvailabilityCheck.class);

    private final KeyBalanceRepository balances;
    private final StationConfig config;

    public AvailabilityCheck(KeyBalanceRepository balances, StationConfig config) {
        this.balances = balances;
        this.config = config;
    }

    /**
     * Locks the balances of every key the provisionings among {@code reports} name, in key order, before a request
     * with several of them checks each. Locking each key as its item comes would let two requests that name the same
     * keys in opposite orders wait for each other until PostgreSQL ends one.
     */
    public Uni<Void> lockKeys(List<? extends StationReport> reports) {
        Set<String> keyIds = new TreeSet<>();
        Set<String> partialKeys = new TreeSet<>();
        for (StationReport report : reports) {
            if (report instanceof DeviceProvisionedReport provisioned) {
                if (provisioned.keyId() != null) {
                    keyIds.add(provisioned.keyId());
                }
                // A key id the ledger does not know is checked by the partial key (see check), so lock that too.
                if (provisioned.partialKey() != null) {
                    partialKeys.add(provisioned.partialKey().toUpperCase(Locale.ROOT));
                }
            }
        }
        return balances.lockInKeyOrder(keyIds, partialKeys);
    }

    /** Returns the warnings to send with the accepted provisioning. */
    public Uni<List<String>> check(DeviceProvisionedReport report) {
        String keyName =
                report.keyId() != null ? report.keyId() : report.partialKey().toUpperCase(Locale.ROOT);
        Uni<List<KeyBalanceEntity>> matches = report.keyId() != null
                ? balances.findLocked(report.keyId()).chain(balance -> byIdOrPartialKey(balance, report))
                : balances.byPartialKeyLocked(keyName);

        return matches.chain(found -> {
            List<Availability.Balance> figures =
                    found.stream().map(AvailabilityCheck::figures).toList();
            Optional<Problem> mismatch = Availability.keyMismatch(report.keyId(), report.partialKey(), figures);
            if (mismatch.isPresent()) {
                LOG.warnf(
                        "rejected provisioning of device %s from %s/%s: key %s does not end in %s",
                        report.serial(), report.lineId(), report.stationId(), report.keyId(), report.partialKey());
                return Uni.createFrom().failure(new ProblemException(mismatch.get()));
            }

            Uni<Long> unbooked = figures.size() == 1
                    ? balances.unbookedProvisionings(figures.get(0).keyId(), report.serial())
                    : Uni.createFrom().item(0L);
            return unbooked.chain(count -> decide(report, keyName, figures, count));
        });
    }

    /**
     * Returns the balance of the key id, or when the ledger published none for it, the balances of the report's
     * partial key. The ledger books a key id it does not know, such as {@code key-a} for {@code KEY-A}, against the
     * one registered key with that partial key, so that key's count is the one to check.
     */
    private Uni<List<KeyBalanceEntity>> byIdOrPartialKey(KeyBalanceEntity balance, DeviceProvisionedReport report) {
        if (balance != null) {
            return Uni.createFrom().item(List.of(balance));
        }
        if (report.partialKey() == null) {
            return Uni.createFrom().item(List.of());
        }
        return balances.byPartialKeyLocked(report.partialKey().toUpperCase(Locale.ROOT));
    }

    private Uni<List<String>> decide(
            DeviceProvisionedReport report, String keyName, List<Availability.Balance> figures, long unbooked) {
        Availability.Verdict verdict = Availability.check(
                keyName,
                report.keyId() != null ? "/keyId" : "/partialKey",
                figures,
                Instant.now(),
                config.balanceMaxAge(),
                unbooked);
        if (verdict.rejection().isPresent()) {
            LOG.warnf(
                    "rejected provisioning of device %s from %s/%s: %s",
                    report.serial(),
                    report.lineId(),
                    report.stationId(),
                    verdict.rejection().get().detail());
            return Uni.createFrom()
                    .failure(new ProblemException(verdict.rejection().get()));
        }
        List<String> warnings = new ArrayList<>();
        if (report.keyId() != null
                && figures.size() == 1
                && !figures.get(0).keyId().equals(report.keyId())) {
            warnings.add("key id " + report.keyId() + " is not registered, so the ledger books the device against key "
                    + figures.get(0).keyId() + ", which partial key "
                    + figures.get(0).partialKey()
                    + " names; report keyId " + figures.get(0).keyId());
        }
        warnings.addAll(verdict.warnings());
        for (String warning : warnings) {
            LOG.warnf("accepted provisioning of device %s with a warning: %s", report.serial(), warning);
        }
        return Uni.createFrom().item(List.copyOf(warnings));
    }

    private static Availability.Balance figures(KeyBalanceEntity entity) {
        return new Availability.Balance(
                entity.keyId,
                entity.partialKey,
                entity.allotment,
                entity.committed,
                entity.consumed,
                entity.available,
                entity.state,
                entity.receivedAt);
    }
}
