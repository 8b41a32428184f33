package dev.keyline.ledger.domain;

import dev.keyline.schemas.keys.ProductKeys;
import java.util.List;

/** Reader of the full product key in a field of an imported file that is meant to contain one, such as productKey. */
final class FullKeyValue {

    private FullKeyValue() {}

    /**
     * Returns the one key that {@code value} contains in any spelling that key registration takes, such as lower case
     * without dashes, or with a label as in {@code Key: XXXXX-...}. Returns null when it contains no key or more than
     * one.
     */
    static String read(String value) {
        if (value == null) {
            return null;
        }
        if (ProductKeys.isFullKey(value)) {
            return value.trim();
        }
        List<String> keys = ProductKeys.hiddenKeys(value);
        return keys.size() == 1 ? keys.get(0) : null;
    }
}
