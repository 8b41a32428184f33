package dev.keyline.schemas.events;

/** Data of the events the ledger publishes to {@code keyline.ledger-events} after booking line events. */
public sealed interface LedgerEvent extends EventData
        permits BalanceChanged, ActivationUnattributed, ActivationMatched {}
