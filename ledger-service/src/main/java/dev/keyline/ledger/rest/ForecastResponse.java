package dev.keyline.ledger.rest;

import dev.keyline.ledger.domain.DepletionForecast;
import java.time.Instant;

/** A depletion forecast as the API returns it: the state in its wire name and durations as ISO-8601 text. */
public record ForecastResponse(
        String keyId,
        String state,
        Instant at,
        String window,
        long usedInWindow,
        double usedPerDay,
        long available,
        Double daysLeft,
        Instant depletionDate,
        String reorderLeadTime,
        boolean reorderNow) {

    static ForecastResponse of(DepletionForecast forecast) {
        return new ForecastResponse(
                forecast.keyId(),
                forecast.state().wireName(),
                forecast.at(),
                IsoDurations.format(forecast.window()),
                forecast.usedInWindow(),
                forecast.usedPerDay(),
                forecast.available(),
                forecast.daysLeft(),
                forecast.depletionDate(),
                IsoDurations.format(forecast.reorderLeadTime()),
                forecast.reorderNow());
    }
}
