package dev.keyline.alert.domain;

import java.time.Instant;

/**
 * One alert, as {@link AlertLifecycle} reads and returns it. {@code firstSeen}, {@code lastSeen}, {@code firingSince}
 * and, for a cleared condition, {@code resolvedAt} are the times of the events that raised, confirmed, fired again and
 * cleared it. Operator actions carry the time of the request.
 *
 * @param firingSince start of the current firing period: {@code firstSeen}, or the time the alert last fired again
 * @param resolvedAt null while the alert is active
 * @param acknowledgement null unless an operator acknowledged the alert in its current firing period
 * @param resolvedBy the operator who resolved the alert, or null when it is active or its condition cleared
 */
public record AlertState(
        AlertIdentity identity,
        Severity severity,
        AlertStatus status,
        String summary,
        String action,
        Instant firstSeen,
        Instant lastSeen,
        Instant firingSince,
        Instant resolvedAt,
        long occurrences,
        Acknowledgement acknowledgement,
        String resolvedBy) {

    public boolean firing() {
        return status == AlertStatus.FIRING;
    }

    public boolean active() {
        return status.active();
    }
}
