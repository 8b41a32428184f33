package dev.keyline.ledger.service;

import java.time.Instant;

/** A key's balance as the journal stood at {@code at}, with the number of entries and the chain head then. */
public record BalanceAsOf(
        String keyId,
        Instant at,
        long allotment,
        long committed,
        long consumed,
        long available,
        long unattributed,
        int journalEntries,
        String chainHead) {}
