package dev.keyline.alert.rest;

import dev.keyline.alert.domain.Silence;
import java.time.Instant;
import java.util.List;

/** A silence as the API returns it; {@code state} is pending, active or expired at the time of the request. */
public record SilenceView(
        String id,
        List<MatcherBody> matchers,
        Instant startsAt,
        Instant endsAt,
        String createdBy,
        String comment,
        String state) {

    static SilenceView of(Silence silence, Instant now) {
        return new SilenceView(
                silence.id().toString(),
                silence.matchers().stream()
                        .map(m -> new MatcherBody(m.name(), m.value(), m.regex(), m.equal()))
                        .toList(),
                silence.startsAt(),
                silence.endsAt(),
                silence.createdBy(),
                silence.comment(),
                silence.state(now).wireName());
    }
}
