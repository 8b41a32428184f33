package dev.keyline.ledger.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The operator's reason for retiring a key, kept as its state reason. The body and the reason are optional. */
public record RetireRequest(
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
                @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
                String reason) {}
