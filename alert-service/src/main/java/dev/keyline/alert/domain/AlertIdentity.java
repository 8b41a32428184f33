package dev.keyline.alert.domain;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The identity of an alert: its rule and labels. While a condition stays true, every new event with the same
 * identity updates the one stored alert.
 */
public record AlertIdentity(AlertRule rule, SortedMap<String, String> labels) {

    public AlertIdentity {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    public static AlertIdentity of(AlertRule rule, Map<String, String> labels) {
        return new AlertIdentity(rule, new TreeMap<>(labels));
    }

    /**
     * Returns the identity as text in the Prometheus series notation, such as
     * {@code key-low{keyId="KEY-B",partialKey="7QX4M"}}, with labels sorted by name and {@code \} and {@code "} escaped
     * in values, so equal identities always give equal text.
     */
    public String text() {
        return labels.entrySet().stream()
                .map(label -> label.getKey() + "=\"" + escape(label.getValue()) + "\"")
                .collect(Collectors.joining(",", rule.wireName() + "{", "}"));
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
