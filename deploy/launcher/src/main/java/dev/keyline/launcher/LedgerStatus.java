package dev.keyline.launcher;

/**
 * The ledger-service's counters from {@code GET /api/v1/status}, totals since its database was created.
 *
 * @param lineEventsBooked line events the ledger has booked
 * @param ledgerEventsPublished ledger events it has published to {@code keyline.ledger-events}
 * @param deadLettered records it sent to a dead-letter topic
 */
public record LedgerStatus(long lineEventsBooked, long ledgerEventsPublished, long deadLettered) {}
