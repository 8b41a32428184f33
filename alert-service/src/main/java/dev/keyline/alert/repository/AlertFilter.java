package dev.keyline.alert.repository;

import dev.keyline.alert.domain.AlertRule;
import dev.keyline.alert.domain.AlertStatus;
import dev.keyline.alert.domain.Severity;

/** Criteria of an alert search. A null criterion matches every alert. */
public record AlertFilter(AlertStatus status, AlertRule rule, Severity severity, String keyId, String lineId) {

    public static AlertFilter all() {
        return new AlertFilter(null, null, null, null, null);
    }
}
