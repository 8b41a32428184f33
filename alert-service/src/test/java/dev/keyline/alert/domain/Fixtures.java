package dev.keyline.alert.domain;

import dev.keyline.schemas.events.ActivationUnattributed;
import dev.keyline.schemas.events.BalanceChanged;
import dev.keyline.schemas.events.KeyExposed;
import java.time.Instant;

/** Event data for the rule tests; keys are made up and only their last five characters appear. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private Fixtures() {}

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
        return new KeyExposed(
                serial,
                "line-1",
                "imaging-01",
                "*****-*****-*****-*****-7QX4M",
                "7QX4M",
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "device-provisioned",
                "/notes");
    }
}
