package dev.keyline.alert.domain;

import java.util.List;

/**
 * Devices of one key on one line, counted from line events: distinct serials provisioned with the key, distinct
 * serials with a successful activation of it, and those activated serials that were never provisioned with it there.
 *
 * @param unmatchedSerials some of the unmatched serials, oldest activation first, at most the rule's list limit
 */
public record LineKeyCounts(
        String keyId,
        String partialKey,
        String lineId,
        long provisioned,
        long activated,
        long unmatched,
        List<String> unmatchedSerials) {

    public LineKeyCounts {
        unmatchedSerials = List.copyOf(unmatchedSerials);
    }
}
