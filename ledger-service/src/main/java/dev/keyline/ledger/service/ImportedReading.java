package dev.keyline.ledger.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.keyline.schemas.keys.KeyRedactor;
import java.time.Instant;

/**
 * The outcome of one reading of an import: {@code recorded} (new), {@code unchanged} (imported before),
 * {@code unmatched}, whose {@code reason} gives why no registered key was matched and what to send instead, or
 * {@code conflicting}, whose {@code reason} names the other count recorded for the same key and time. A key
 * written into the file's key id or partial key is masked here, so the response never repeats a full key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportedReading(
        int line,
        String keyId,
        String partialKey,
        long remaining,
        Instant readAt,
        String outcome,
        Long unexplained,
        String reason) {

    public ImportedReading {
        keyId = keyId == null ? null : KeyRedactor.maskForEcho(keyId);
        partialKey = partialKey == null ? null : KeyRedactor.maskForEcho(partialKey);
        reason = reason == null ? null : KeyRedactor.maskForEcho(reason);
    }
}
