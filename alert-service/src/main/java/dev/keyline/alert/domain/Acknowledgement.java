package dev.keyline.alert.domain;

import java.time.Instant;

/** An operator's acknowledgement of an alert: who took it on, when, and an optional comment. */
public record Acknowledgement(String by, Instant at, String comment) {}
