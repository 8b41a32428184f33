package dev.keyline.alert.domain;

import java.time.Instant;

/** A key's available count at the time of the balance event that reported it. */
public record BalanceSample(Instant at, long available) {}
