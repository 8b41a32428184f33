package dev.keyline.alert.domain;

import dev.keyline.schemas.events.BalanceChanged;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code depletion-forecast}: at the rate its available count fell over the recent window (default 7 days), a key
 * runs out within the reorder lead time (default 30 days). Warning, so operations can reorder before {@code key-low}
 * fires.
 *
 * <p>The rate is the sum of the falls between consecutive samples in the window, so a top-up does not hide use,
 * divided by the window's length. When the history is shorter than the window, the rate is taken over the history,
 * but only once it covers {@code minHistory} (default 1 day), so a single burst of provisioning does not project a
 * rate. It resolves once the key lasts longer than the lead time plus {@code recoveryMargin} (default 7 days), or
 * nothing was used in the window. At zero or fewer available it changes nothing, because {@code key-exhausted}
 * covers that. A retired key needs no reorder, so its balance resolves the alert and does not raise it.
 */
public final class DepletionForecastRule {

    private static final double SECONDS_PER_DAY = 86_400.0;

    private final Duration window;
    private final Duration reorderLeadTime;
    private final Duration minHistory;
    private final Duration recoveryMargin;

    public DepletionForecastRule(
            Duration window, Duration reorderLeadTime, Duration minHistory, Duration recoveryMargin) {
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException(
                    "depletion-forecast window must be positive, but is " + window + "; set a duration such as 7d");
        }
        this.window = window;
        this.reorderLeadTime = reorderLeadTime;
        this.minHistory = minHistory;
        this.recoveryMargin = recoveryMargin;
    }

    /** Returns the start of the history the rule needs to forecast at {@code at}. */
    public Instant windowStart(Instant at) {
        return at.minus(window);
    }

    /**
     * Evaluates {@code balance}, reported at {@code at}, against the key's samples: the last one at or before the
     * window start, if any, then every one in the window up to {@code at}, oldest first.
     */
    public Evaluation evaluate(BalanceChanged balance, Instant at, List<BalanceSample> history) {
        AlertIdentity identity =
                AlertIdentity.of(AlertRule.DEPLETION_FORECAST, KeyNames.labels(balance.keyId(), balance.partialKey()));
        if (RetiredKey.is(balance)) {
            return new Evaluation.Resolve(
                    identity,
                    RetiredKey.summary(KeyNames.name(balance.keyId(), balance.partialKey()), "reorder", balance));
        }
        if (balance.available() <= 0 || history.isEmpty()) {
            return Evaluation.noChange();
        }

        Instant windowStart = windowStart(at);
        List<BalanceSample> series = clip(history, windowStart);
        Instant from = series.get(0).at();
        Duration span = Duration.between(from, at);
        if (from.isAfter(windowStart) && span.compareTo(minHistory) < 0) {
            return Evaluation.noChange();
        }

        long used = fallen(series);
        String name = KeyNames.name(balance.keyId(), balance.partialKey());
        if (used == 0) {
            return new Evaluation.Resolve(
                    identity,
                    String.format(
                            "%s used no activations in the last %s; it has %d available",
                            name, days(span), balance.available()));
        }

        double perDay = used / (span.toSeconds() / SECONDS_PER_DAY);
        double daysLeft = balance.available() / perDay;
        double leadDays = reorderLeadTime.toSeconds() / SECONDS_PER_DAY;
        String forecast = String.format(
                Locale.ROOT,
                "%s runs out in about %.1f days (around %s) at its rate of %.1f activations per day over the last %s;"
                        + " it has %d available, and the reorder lead time is %s",
                name,
                daysLeft,
                at.plusSeconds(Math.round(daysLeft * SECONDS_PER_DAY))
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate(),
                perDay,
                days(span),
                balance.available(),
                days(reorderLeadTime));

        if (daysLeft <= leadDays) {
            String action = String.format(
                    "order more activations for %s from Microsoft now, or plan to move its lines to another key"
                            + " before it runs out",
                    balance.keyId());
            return new Evaluation.Fire(identity, Severity.WARNING, forecast, action);
        }
        if (daysLeft > leadDays + recoveryMargin.toSeconds() / SECONDS_PER_DAY) {
            return new Evaluation.Resolve(identity, forecast);
        }
        return Evaluation.noChange();
    }

    /** Returns the samples from the window start on, with the last earlier sample moved to the window start. */
    private static List<BalanceSample> clip(List<BalanceSample> history, Instant windowStart) {
        List<BalanceSample> series = new ArrayList<>();
        BalanceSample before = null;
        for (BalanceSample sample : history) {
            if (sample.at().isAfter(windowStart)) {
                series.add(sample);
            } else {
                before = sample;
            }
        }
        if (before != null) {
            series.add(0, new BalanceSample(windowStart, before.available()));
        }
        return series;
    }

    /** Returns the sum of the falls between consecutive samples; rises such as top-ups count as zero. */
    private static long fallen(List<BalanceSample> series) {
        long used = 0;
        for (int i = 1; i < series.size(); i++) {
            used += Math.max(0, series.get(i - 1).available() - series.get(i).available());
        }
        return used;
    }

    private static String days(Duration duration) {
        double days = duration.toSeconds() / SECONDS_PER_DAY;
        return String.format(Locale.ROOT, "%.1f days", days);
    }
}
