package dev.keyline.alert.domain;

import java.time.Instant;

/**
 * One alert, as {@link AlertLifecycle} reads and returns it. {@code firstSeen}, {@code lastSeen} and {@code resolvedAt}
 * are the times of the events that raised, confirmed and cleared it. {@code resolvedAt} is null while it is firing.
 */
public record AlertState(
        AlertIdentity identity,
        Severity severity,
        AlertStatus status,
        String summary,
        String action,
        Instant firstSeen,
        Instant lastSeen,
        Instant resolvedAt,
        long occurrences) {

    public boolean firing() {
        return status == AlertStatus.FIRING;
    }
}
