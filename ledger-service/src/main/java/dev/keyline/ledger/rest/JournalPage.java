package dev.keyline.ledger.rest;

import java.util.List;

/** One page of a key's journal entries and the total in the requested range. */
public record JournalPage(long total, int page, int size, List<JournalEntryResponse> items) {}
