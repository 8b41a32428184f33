package dev.keyline.ledger.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a key's available count reaches zero at the rate it fell over a recent window. The rate counts what lowers
 * available: new commitments, unattributed consumption and reactivations (a committed device that activates lowers
 * nothing, because its commitment turns into consumption). Only an active key gets days left: an exhausted, blocked
 * or retired key cannot be installed, so its count does not tell when the line runs out.
 *
 * @param state the key's current state
 * @param usedInWindow the fall of available over the window, from the journal
 * @param daysLeft days until available reaches zero, or null when nothing was used in the window or the key is not
 *     active
 * @param depletionDate when available reaches zero, or null when daysLeft is null
 * @param reorderNow for an active key, true when it runs out within the reorder lead time or is already at or below
 *     zero. True for an exhausted or blocked key, because the line needs another key, and false for a retired one,
 *     because operators took it out of use on purpose.
 */
public record DepletionForecast(
        String keyId,
        KeyState state,
        Instant at,
        Duration window,
        long usedInWindow,
        double usedPerDay,
        long available,
        Double daysLeft,
        Instant depletionDate,
        Duration reorderLeadTime,
        boolean reorderNow) {

    private static final double SECONDS_PER_DAY = 86_400.0;

    public static DepletionForecast compute(
            String keyId,
            KeyState state,
            long available,
            long usedInWindow,
            Duration window,
            Instant at,
            Duration leadTime) {
        double perDay = usedInWindow <= 0 ? 0.0 : usedInWindow / (window.toSeconds() / SECONDS_PER_DAY);
        if (state != KeyState.ACTIVE) {
            boolean needsAnotherKey = state == KeyState.EXHAUSTED || state == KeyState.BLOCKED;
            return new DepletionForecast(
                    keyId, state, at, window, usedInWindow, perDay, available, null, null, leadTime, needsAnotherKey);
        }
        if (available <= 0) {
            return new DepletionForecast(
                    keyId, state, at, window, usedInWindow, perDay, available, 0.0, at, leadTime, true);
        }
        if (perDay == 0.0) {
            return new DepletionForecast(
                    keyId, state, at, window, usedInWindow, 0.0, available, null, null, leadTime, false);
        }
        double days = available / perDay;
        Instant depletion = at.plusSeconds(Math.round(days * SECONDS_PER_DAY));
        boolean reorder = days <= leadTime.toSeconds() / SECONDS_PER_DAY;
        return new DepletionForecast(
                keyId, state, at, window, usedInWindow, perDay, available, days, depletion, leadTime, reorder);
    }
}
