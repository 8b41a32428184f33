package dev.keyline.ledger.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Why a blocked key may be used again: Microsoft's case number for the lifted block, or the operator's ticket that
 * found the failure false. The reference goes into the journal entry's event id, as a top-up's does, with the same
 * rules.
 */
public record UnblockRequest(
        @NotNull(message = "must be given: Microsoft's case number or your ticket")
                @Pattern(
                        regexp = "(?![\\s\\p{Z}])[^|\\p{Cntrl}]{1,200}(?<![\\s\\p{Z}])",
                        message = "must be 1 to 200 characters, without '|', control characters or blanks at either"
                                + " end")
                String reference) {}
