package dev.keyline.ledger.service;

/** A record that could not be booked, and why. The reason is masked before it is stored or sent. */
record DeadLetter(IncomingRecord record, String reason) {}
