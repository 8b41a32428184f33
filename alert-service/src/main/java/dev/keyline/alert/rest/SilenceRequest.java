package dev.keyline.alert.rest;

import java.util.List;

/**
 * Body of {@code POST /api/v1/silences}. {@code startsAt} (optional, defaults to now) and {@code endsAt} are RFC 3339
 * instants; {@code SilenceRequests} checks every field.
 */
public record SilenceRequest(List<MatcherBody> matchers, String startsAt, String endsAt, String comment) {}
