package dev.keyline.alert.repository;

import dev.keyline.alert.domain.ExhaustionMark;
import java.util.Optional;

/** A row of {@code key_facts}: the last balance seen for a key, and its exhaustion mark. */
public record KeyFactsRow(
        String keyId,
        String partialKey,
        String fingerprint,
        Long allotment,
        Long available,
        String state,
        Long exhaustedAtAllotment,
        String exhaustedReason) {

    public Optional<ExhaustionMark> exhaustionMark() {
        return exhaustedAtAllotment == null
                ? Optional.empty()
                : Optional.of(new ExhaustionMark(exhaustedAtAllotment, exhaustedReason));
    }
}
