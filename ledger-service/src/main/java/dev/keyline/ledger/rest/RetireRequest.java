package dev.keyline.ledger.rest;

import jakarta.validation.constraints.Pattern;

/** The operator's reason for retiring a key, kept as its state reason. The body and the reason are optional. */
public record RetireRequest(
        @Pattern(regexp = References.REASON_PATTERN, message = References.REASON_MESSAGE) String reason) {}
