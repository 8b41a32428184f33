package dev.keyline.ledger.service;

import java.util.List;

/** What one booking transaction did: the records of the events it booked, and the findings to log once it commits. */
record BookedBatch(List<IncomingRecord> records, List<BookingFinding> findings) {}
