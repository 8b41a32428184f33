package dev.keyline.ledger.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One key's remaining activations as Microsoft reported them, read from an import file. The key is identified by the
 * fingerprint of a full key found in the file (the key itself is dropped), by a key id, or by a partial key.
 */
public record MicrosoftReading(
        String fingerprint, String keyId, String partialKey, long remaining, Instant readAt, int line) {

    /** Cuts the time to microseconds, as PostgreSQL stores it, so a reading compares equal to its stored copy. */
    public MicrosoftReading {
        readAt = readAt == null ? null : readAt.truncatedTo(ChronoUnit.MICROS);
    }
}
