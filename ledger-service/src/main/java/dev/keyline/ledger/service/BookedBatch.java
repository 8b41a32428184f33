package dev.keyline.ledger.service;

import java.util.List;

/** The outcome of one booking transaction: the records of the events it booked, and the findings to log on commit. */
record BookedBatch(List<IncomingRecord> records, List<BookingFinding> findings) {}
