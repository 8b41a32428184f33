package dev.keyline.ledger.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The outcome of one reading of an import: {@code recorded} (new), {@code unchanged} (imported before) or
 * {@code unmatched}, whose {@code reason} gives why no registered key was matched and what to send instead.
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
        String reason) {}
