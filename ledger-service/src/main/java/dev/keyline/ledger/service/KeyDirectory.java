package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.KeyRef;
import dev.keyline.ledger.domain.KeyResolution;
import dev.keyline.ledger.repository.ProductKeyEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The registered keys of one batch's transaction, looked up by key id or by partial key. */
final class KeyDirectory {

    private final Map<String, ProductKeyEntity> byId = new HashMap<>();
    private final Map<String, KeyRef> refsById = new HashMap<>();
    private final Map<String, List<KeyRef>> byPartialKey = new HashMap<>();

    KeyDirectory(List<ProductKeyEntity> keys) {
        for (ProductKeyEntity key : keys) {
            KeyRef ref = new KeyRef(key.keyId, key.partialKey);
            byId.put(key.keyId, key);
            refsById.put(key.keyId, ref);
            byPartialKey
                    .computeIfAbsent(key.partialKey, partial -> new ArrayList<>())
                    .add(ref);
        }
    }

    ProductKeyEntity get(String keyId) {
        return byId.get(keyId);
    }

    /** Returns the registered key with {@code keyId} as the booking rules see it, or null. */
    KeyRef named(String keyId) {
        return keyId == null ? null : refsById.get(keyId);
    }

    /** Resolves the key an event names, by the rule of {@link KeyResolution}. */
    KeyRef resolve(String keyId, String partialKey) {
        return KeyResolution.resolve(
                keyId, partialKey, this::named, partial -> byPartialKey.getOrDefault(partial, List.of()));
    }
}
