package dev.keyline.alert.rest;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /api/v1/alerts/{id}/acknowledge}. */
public record AcknowledgeRequest(@Size(max = 1000, message = "has at most 1000 characters") String comment) {}
