package dev.keyline.ledger.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The reason a device is scrapped, kept in the device's history. */
public record ScrapRequest(
        @NotNull @Pattern(regexp = References.REASON_PATTERN, message = References.REASON_MESSAGE) String reason) {}
