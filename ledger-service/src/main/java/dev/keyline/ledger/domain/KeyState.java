package dev.keyline.ledger.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A key's state: whether stations may keep installing it. */
public enum KeyState {
    ACTIVE,
    /** Microsoft reports the activation limit reached (0xC004C020, 0xC004C008). */
    EXHAUSTED,
    /** Microsoft blocked the key (0xC004C003, 0xC004C060). */
    BLOCKED,
    /** Operators took the key out of use. */
    RETIRED;

    private static final Map<String, KeyState> BY_HRESULT = Map.of(
            "0xC004C020", EXHAUSTED,
            "0xC004C008", EXHAUSTED,
            "0xC004C003", BLOCKED,
            "0xC004C060", BLOCKED);

    /** Returns the state an activation failure proves for the key, if the HRESULT is key-level. */
    public static Optional<KeyState> provenBy(String hresult) {
        return Optional.ofNullable(BY_HRESULT.get(hresult));
    }

    /**
     * Tells whether a key in {@code current} state keeps it when a failure proves {@code proven}. Retirement is an
     * operator's decision that no failure undoes, and a block outranks exhaustion, which a top-up clears.
     */
    public static boolean outranks(String current, KeyState proven) {
        return RETIRED.wireName().equals(current) || (BLOCKED.wireName().equals(current) && proven == EXHAUSTED);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
