package dev.keyline.ledger.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The operator's reference for unblocking a key: Microsoft's case number for the lifted block, or the ticket that found
 * the failure false. It goes into the journal entry's event id, with the rules of a top-up's reference.
 */
public record UnblockRequest(
        @NotNull @Pattern(regexp = References.PATTERN, message = References.MESSAGE) String reference) {}
