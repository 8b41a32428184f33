package dev.keyline.ledger.service;

import java.time.Instant;

/**
 * The outcome of one reading of an import: {@code recorded} (new), {@code unchanged} (imported before) or
 * {@code unmatched} (no registered key has that fingerprint, key id or partial key).
 */
public record ImportedReading(
        int line, String keyId, String partialKey, long remaining, Instant readAt, String outcome, Long unexplained) {}
