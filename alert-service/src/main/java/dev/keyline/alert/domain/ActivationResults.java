package dev.keyline.alert.domain;

import java.util.Map;
import java.util.Set;

/** The activation HRESULTs the rules act on, with their meaning and what to do about them. */
public final class ActivationResults {

    /** Microsoft reports the key's activation limit reached: a key-level event, not a device fault. */
    public static final Set<String> EXHAUSTED = Set.of("0xC004C020", "0xC004C008");

    /** Microsoft blocked the key: a key-level event, not a device fault. */
    public static final Set<String> BLOCKED = Set.of("0xC004C003", "0xC004C060", "0xC004C4A2");

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("0xC004C020", "the key has exceeded its activation limit"),
            Map.entry("0xC004C008", "the key has exceeded its unlock limit"),
            Map.entry("0xC004C003", "the activation server blocked the key"),
            Map.entry("0xC004C060", "the key is dynamically blocked"),
            Map.entry("0xC004C4A2", "genuine validation found the key blocked"),
            Map.entry("0xC004C001", "the product key is invalid"),
            Map.entry("0xC004F050", "the Software Protection Service reports the product key invalid"),
            Map.entry("0xC004F00F", "the hardware is out of tolerance"),
            Map.entry("0xC004F009", "the grace period expired"),
            Map.entry("0xC004F074", "no KMS host was found"),
            Map.entry("0x8007232B", "the KMS DNS name does not exist"));

    private static final Map<String, String> ADVICE = Map.ofEntries(
            Map.entry(
                    "0xC004F074",
                    "a KMS client setup key (GVLK) is installed instead of the production key: install the production"
                            + " key with 'slmgr /ipk' and activate again"),
            Map.entry(
                    "0x8007232B",
                    "a KMS client setup key (GVLK) is installed instead of the production key: install the production"
                            + " key with 'slmgr /ipk' and activate again"),
            Map.entry("0xC004C020", "the key is exhausted: switch stations to another key"),
            Map.entry("0xC004C008", "the key is exhausted: switch stations to another key"),
            Map.entry("0xC004C003", "the key is blocked: switch stations to another key"),
            Map.entry("0xC004C060", "the key is blocked: switch stations to another key"),
            Map.entry("0xC004C4A2", "the key is blocked: switch stations to another key"),
            Map.entry("0xC004C001", "check which key the station installs; the key it installs is invalid"),
            Map.entry("0xC004F050", "check which key the station installs; the key it installs is invalid"),
            Map.entry("0xC004F00F", "reactivate the devices online or by phone after the hardware change"));

    private ActivationResults() {}

    /** Returns the code with its meaning, such as {@code 0xC004C003 (the activation server blocked the key)}. */
    public static String describe(String result) {
        String meaning = MEANINGS.get(result);
        return meaning == null ? result : result + " (" + meaning + ")";
    }

    /** Returns what to do when many attempts fail with this result. */
    public static String advice(String result) {
        return ADVICE.getOrDefault(
                result,
                "check the stations' network access to Microsoft's activation service and the key they install");
    }
}
