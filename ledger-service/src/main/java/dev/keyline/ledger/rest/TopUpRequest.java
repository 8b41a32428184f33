package dev.keyline.ledger.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Activations Microsoft added to a key, with the operator's reference (order or case number). The reference goes
 * into the journal entry's event id, whose hash input joins fields with '|', so it may not contain one. Blanks at
 * either end are rejected, because "PO-1" and "PO-1 " would read as one reference but book twice.
 */
public record TopUpRequest(
        @NotNull
                @Min(value = 1, message = "must be at least 1")
                @Max(value = 100_000_000, message = "must be at most 100000000")
                Long activations,
        @Pattern(regexp = References.PATTERN, message = References.MESSAGE) String reference) {}
