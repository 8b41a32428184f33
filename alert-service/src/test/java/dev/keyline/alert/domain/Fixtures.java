package dev.keyline.alert.domain;

import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.events.KeyExposed;
import java.time.Duration;
import java.time.Instant;

/** Event data for the rule tests; keys are made up and only their last five characters appear. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private Fixtures() {}

    /** Returns the rules with the defaults of {@code AlertsConfig}. */
    static AlertRules defaultRules() {
        return new AlertRules(
                new KeyLowRule(20, 5),
                new KeyExhaustedRule(0),
                new KeyOverCommittedRule(0),
                new DepletionForecastRule(
                        Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(1), Duration.ofDays(7)),
                new UnexplainedConsumptionRule(3),
                new ConsumptionAboveProductionRule(10, 10),
                new RepeatActivationRule(Duration.ofHours(24), 2),
                new ActivationFailureSpikeRule(Duration.ofHours(1), Duration.ofHours(24), 10, 0.2, 3));
    }

    /** Returns a balance of KEY-B (partial key 7QX4M) with the given counts; available is computed. */
    static BalanceChanged balance(long allotment, long committed, long consumed) {
        return new BalanceChanged(
                "KEY-B", "7QX4M", allotment, committed, consumed, allotment - committed - consumed, "cause");
    }

    /** Returns a balance with a key state and a Microsoft reading, as the ledger sends once one was imported. */
    static BalanceChanged balance(long allotment, long consumed, String state, Long reportedRemaining) {
        Long unexplained = reportedRemaining == null ? null : allotment - reportedRemaining - consumed;
        return new BalanceChanged(
                "KEY-B",
                "7QX4M",
                allotment,
                0,
                consumed,
                allotment - consumed,
                "cause",
                state,
                0L,
                null,
                reportedRemaining,
                unexplained);
    }

    /** Returns a balance of KEY-B with allotment 100, 5 committed and the given available count. */
    static BalanceChanged balance(long available) {
        long consumed = 100 - 5 - available;
        return new BalanceChanged("KEY-B", "7QX4M", 100, 5, consumed, available, "cause-" + available);
    }

    static ActivationUnattributed unattributed(String serial) {
        return new ActivationUnattributed(
                serial,
                "KEY-B",
                "7QX4M",
                "line-1",
                "activation-01",
                ActivationUnattributed.DEVICE_NOT_PROVISIONED,
                "00000000-0000-4000-8000-000000000001");
    }

    static KeyExposed exposure(String serial) {
        return exposure(serial, "7QX4M", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    }

    /** Returns an exposure at station imaging-01 of line-1 of the key with this partial key and fingerprint. */
    static KeyExposed exposure(String serial, String partialKey, String fingerprint) {
        return new KeyExposed(
                serial,
                "line-1",
                "imaging-01",
                "*****-*****-*****-*****-" + partialKey,
                partialKey,
                fingerprint,
                "device-provisioned",
                "/notes");
    }
}
