package dev.keyline.ledger.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a key's available count reaches zero at the rate it fell over a recent window. The rate counts what lowers
 * available: new commitments, unattributed consumption and reactivations (a committed device that activates lowers
 * nothing, because its commitment turns into consumption).
 *
 * @param usedInWindow the fall of available over the window, from the journal
 * @param daysLeft days until available reaches zero, or null when nothing was used in the window
 * @param depletionDate when available reaches zero, or null when nothing was used in the window
 * @param reorderNow true when the key runs out within the reorder lead time, or is already at or below zero
 */
public record DepletionForecast(
        String keyId,
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
            String keyId, long available, long usedInWindow, Duration window, Instant at, Duration leadTime) {
        double perDay = usedInWindow <= 0 ? 0.0 : usedInWindow / (window.toSeconds() / SECONDS_PER_DAY);
        if (available <= 0) {
            return new DepletionForecast(keyId, at, window, usedInWindow, perDay, available, 0.0, at, leadTime, true);
        }
        if (perDay == 0.0) {
            return new DepletionForecast(keyId, at, window, usedInWindow, 0.0, available, null, null, leadTime, false);
        }
        double days = available / perDay;
        Instant depletion = at.plusSeconds(Math.round(days * SECONDS_PER_DAY));
        boolean reorder = days <= leadTime.toSeconds() / SECONDS_PER_DAY;
        return new DepletionForecast(
                keyId, at, window, usedInWindow, perDay, available, days, depletion, leadTime, reorder);
    }
}
