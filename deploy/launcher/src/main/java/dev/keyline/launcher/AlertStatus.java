package dev.keyline.launcher;

/**
 * The alert-service's counters from {@code GET /api/v1/status}, totals since its database was created.
 *
 * @param lineEventsProcessed line events the alert rules have processed
 * @param ledgerEventsProcessed ledger events the alert rules have processed
 */
public record AlertStatus(long lineEventsProcessed, long ledgerEventsProcessed) {}
