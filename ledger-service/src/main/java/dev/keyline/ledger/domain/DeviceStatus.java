package dev.keyline.ledger.domain;

/** A device's state in the ledger's books. */
public enum DeviceStatus {
    /** Provisioned with a key and not activated yet: it has one committed activation of that key. */
    PROVISIONED,
    /** Activated: its activation was consumed. */
    ACTIVATED,
    /** Seen only in an activation the ledger could not match to a provisioning with that key. */
    UNATTRIBUTED,
    /** Scrapped by an operator: it has no commitment, and a later success is unattributed. */
    SCRAPPED
}
