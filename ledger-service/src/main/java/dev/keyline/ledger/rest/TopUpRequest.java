package dev.keyline.ledger.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Activations Microsoft added to a key, with the operator's reference (order or case number). */
public record TopUpRequest(
        @NotNull
                @Min(value = 1, message = "must be at least 1")
                @Max(value = 100_000_000, message = "must be at most 100000000")
                Long activations,
        @Size(max = 200, message = "must be at most 200 characters") String reference) {}
