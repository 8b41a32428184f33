package dev.keyline.schemas.events;

/**
 * An activation the ledger had booked as unattributed was matched to its device's provisioning, which arrived
 * later. Findings raised for the unattributed activation can be resolved.
 */
public record ActivationMatched(String serial, String keyId, String partialKey, String causeEventId)
        implements LedgerEvent {}
