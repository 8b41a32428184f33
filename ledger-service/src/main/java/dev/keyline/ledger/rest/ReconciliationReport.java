package dev.keyline.ledger.rest;

import java.time.Instant;
import java.util.List;

/** Per key, line and day counts in a time range, and each key's current balance with its unexplained use. */
public record ReconciliationReport(
        Instant from, Instant to, List<ReconciliationRow> rows, List<KeyBalanceResponse> keys) {}
