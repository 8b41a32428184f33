package dev.keyline.alert.repository;

import dev.keyline.alert.domain.AlertRule;
import dev.keyline.alert.domain.AlertStatus;
import dev.keyline.alert.domain.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/** Criteria of an alert search. A null criterion matches every alert. */
public record AlertFilter(AlertStatus status, AlertRule rule, Severity severity, String keyId, String lineId) {

    public static AlertFilter all() {
        return new AlertFilter(null, null, null, null, null);
    }

    /** Returns the label criteria by label name. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        if (keyId != null) {
            labels.put("keyId", keyId);
        }
        if (lineId != null) {
            labels.put("lineId", lineId);
        }
        return labels;
    }
}
