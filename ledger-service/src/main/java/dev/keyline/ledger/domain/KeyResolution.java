package dev.keyline.ledger.domain;

import java.util.List;
import java.util.function.Function;

/**
 * Decides which registered key an event is booked against. The partial key is read from the device (slmgr /dli), while
 * the key id comes from the station's configuration. So when both are sent and they disagree, the partial key wins:
 * the event is booked against the one registered key that has it, or against no key when none or several have it.
 */
public final class KeyResolution {

    private KeyResolution() {}

    /**
     * Returns the key named by {@code keyId} when it is registered and has {@code partialKey} (or no partial key was
     * sent), else the only registered key with {@code partialKey}, else null.
     *
     * @param byId looks up the registered key with an id, or returns null
     * @param byPartialKey lists every registered key with a partial key, possibly none
     */
    public static KeyRef resolve(
            String keyId,
            String partialKey,
            Function<String, KeyRef> byId,
            Function<String, List<KeyRef>> byPartialKey) {
        KeyRef named = keyId == null ? null : byId.apply(keyId);
        if (named != null && (partialKey == null || named.partialKey().equals(partialKey))) {
            return named;
        }
        if (partialKey == null) {
            return null;
        }
        List<KeyRef> candidates = byPartialKey.apply(partialKey);
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    /**
     * Returns true when an event is booked against another key than the key id it names, registered or not, or names a
     * registered key id and is booked against none. An unregistered key id booked against no key is a key that is not
     * registered yet, which is no override.
     */
    public static boolean overridesKeyId(String keyId, KeyRef namedKey, KeyRef resolved) {
        if (keyId == null) {
            return false;
        }
        return resolved != null ? !resolved.keyId().equals(keyId) : namedKey != null;
    }
}
