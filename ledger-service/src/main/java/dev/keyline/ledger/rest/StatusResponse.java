package dev.keyline.ledger.rest;

/** How far the ledger has got: events booked, ledger events written to the outbox, records dead-lettered. */
public record StatusResponse(long lineEventsBooked, long ledgerEventsPublished, long deadLettered) {}
