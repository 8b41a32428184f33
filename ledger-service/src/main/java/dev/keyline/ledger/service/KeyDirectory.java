package dev.keyline.ledger.service;

import dev.keyline.ledger.domain.KeyRef;
import dev.keyline.ledger.repository.ProductKeyEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The registered keys of one batch's transaction, looked up by key id or by partial key. */
final class KeyDirectory {

    private final Map<String, ProductKeyEntity> byId = new HashMap<>();
    private final Map<String, List<ProductKeyEntity>> byPartialKey = new HashMap<>();

    KeyDirectory(List<ProductKeyEntity> keys) {
        for (ProductKeyEntity key : keys) {
            byId.put(key.keyId, key);
            byPartialKey
                    .computeIfAbsent(key.partialKey, partial -> new ArrayList<>())
                    .add(key);
        }
    }

    ProductKeyEntity get(String keyId) {
        return byId.get(keyId);
    }

    /**
     * Resolves the key an event names: by key id when it is registered, else by partial key when exactly one
     * registered key has it; null otherwise, because two keys can share their last five characters.
     */
    KeyRef resolve(String keyId, String partialKey) {
        ProductKeyEntity key = keyId == null ? null : byId.get(keyId);
        if (key == null && partialKey != null) {
            List<ProductKeyEntity> candidates = byPartialKey.getOrDefault(partialKey, List.of());
            key = candidates.size() == 1 ? candidates.get(0) : null;
        }
        return key == null ? null : new KeyRef(key.keyId, key.partialKey);
    }
}
