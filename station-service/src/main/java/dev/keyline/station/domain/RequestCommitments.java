package dev.keyline.station.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The devices one request has provisioned so far, per key id. A bulk request books its items one after the other, and
 * the ledger has not yet counted any of them, so each later item is checked against the key's published balance minus
 * the earlier items. Not thread-safe: one request uses it.
 */
public final class RequestCommitments {

    private final Map<String, Set<String>> serialsByKey = new HashMap<>();

    /** Returns how many other devices this request has provisioned with {@code keyId}. */
    public int before(String keyId, String serial) {
        Set<String> serials = serialsByKey.getOrDefault(keyId, Set.of());
        return serials.size() - (serials.contains(serial) ? 1 : 0);
    }

    /** Records that this request provisioned {@code serial} with {@code keyId}. */
    public void add(String keyId, String serial) {
        serialsByKey.computeIfAbsent(keyId, key -> new HashSet<>()).add(serial);
    }
}
