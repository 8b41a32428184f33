package dev.keyline.alert.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** Labels and display names for a key known by its key id, its partial key, or both. */
final class KeyNames {

    private KeyNames() {}

    /** Returns the {@code keyId} and {@code partialKey} labels, leaving out whichever is null. */
    static Map<String, String> labels(String keyId, String partialKey) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (keyId != null) {
            labels.put("keyId", keyId);
        }
        if (partialKey != null) {
            labels.put("partialKey", partialKey);
        }
        return labels;
    }

    /** Returns a name such as {@code KEY-B (partial key 7QX4M)}, or {@code the key with partial key 7QX4M}. */
    static String name(String keyId, String partialKey) {
        if (keyId != null && partialKey != null) {
            return keyId + " (partial key " + partialKey + ")";
        }
        if (keyId != null) {
            return keyId;
        }
        return partialKey != null ? "the key with partial key " + partialKey : "an unknown key";
    }
}
