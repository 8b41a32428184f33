package dev.keyline.station.service;

import dev.keyline.platform.problem.Problem;
import dev.keyline.platform.problem.ProblemException;
import dev.keyline.station.config.StationConfig;
import dev.keyline.station.domain.Availability;
import dev.keyline.station.domain.DeviceProvisionedReport;
import dev.keyline.station.domain.RequestCommitments;
import dev.keyline.station.repository.KeyBalanceEntity;
import dev.keyline.station.repository.KeyBalanceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Checks a provisioning against the key's last published balance, in the caller's transaction. A key with nothing
 * available, or whose partial key is not the reported one, fails the provisioning with a 409 problem. Missing or old
 * figures give warnings.
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

    /** Returns the warnings to send with the accepted provisioning. */
    public Uni<List<String>> check(DeviceProvisionedReport report) {
        return check(report, new RequestCommitments());
    }

    /**
     * Checks as {@link #check(DeviceProvisionedReport)} does, counting the devices that earlier items of the same
     * request provisioned with the key, and records this one in {@code commitments} once it passes.
     */
    public Uni<List<String>> check(DeviceProvisionedReport report, RequestCommitments commitments) {
        String keyName =
                report.keyId() != null ? report.keyId() : report.partialKey().toUpperCase(Locale.ROOT);
        Uni<List<KeyBalanceEntity>> matches = report.keyId() != null
                ? balances.findById(report.keyId()).map(balance -> balance == null ? List.of() : List.of(balance))
                : balances.byPartialKey(keyName);

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

            Availability.Verdict verdict = Availability.check(
                    keyName,
                    report.keyId() != null ? "/keyId" : "/partialKey",
                    figures,
                    Instant.now(),
                    config.balanceMaxAge(),
                    keyId -> commitments.before(keyId, report.serial()));
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
            for (String warning : verdict.warnings()) {
                LOG.warnf("accepted provisioning of device %s with a warning: %s", report.serial(), warning);
            }
            String committedKey = figures.size() == 1 ? figures.get(0).keyId() : report.keyId();
            if (committedKey != null) {
                commitments.add(committedKey, report.serial());
            }
            return Uni.createFrom().item(verdict.warnings());
        });
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
