package dev.keyline.ledger.rest;

import java.time.Instant;
import java.util.List;

/**
 * Counts per key, line and UTC day of the events that happened in {@code [from, to)}. The balances, with their
 * unexplained use, are those when the report is made, not as of {@code to}.
 */
public record ReconciliationReport(
        Instant from, Instant to, List<ReconciliationRow> rows, List<KeyBalanceResponse> currentBalances) {}
