package dev.keyline.ledger.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The reason a device is scrapped, kept in the device's history. */
public record ScrapRequest(@NotBlank @Size(max = 200, message = "must be at most 200 characters") String reason) {}
