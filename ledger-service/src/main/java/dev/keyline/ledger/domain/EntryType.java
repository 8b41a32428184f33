package dev.keyline.ledger.domain;

/** The kinds of journal entries; each names how a key's counts moved. */
public enum EntryType {
    /** Operators registered the key with its allotment. */
    REGISTERED,
    /** Operators added activations to the allotment. */
    TOPPED_UP,
    /** Operators took the key out of use; nothing moves. */
    RETIRED,
    /** An activation failed with an exhausted HRESULT (0xC004C020, 0xC004C008): the key's state changed, no count. */
    EXHAUSTED,
    /** An activation failed with a blocked HRESULT (0xC004C003, 0xC004C060): the key's state changed, no count. */
    BLOCKED,
    /** Operators returned a blocked key to use (Microsoft lifted the block); nothing moves. */
    UNBLOCKED,
    /** A device was provisioned with the key: committed + 1. */
    COMMITTED,
    /** A device provisioned with the key moved to another key: committed - 1. */
    RELEASED,
    /** A provisioned device activated for the first time: committed - 1, consumed + 1. */
    CONSUMED,
    /** A device activated again within the same installation: recorded, nothing moves. */
    REPEAT,
    /** A device activated again after an out-of-tolerance hardware change (new hardware hash): consumed + 1. */
    REACTIVATED,
    /** A provisioning arrived for a device whose activation was booked as unattributed: unattributed - 1. */
    MATCHED,
    /** An activation no provisioning with this key accounts for: consumed + 1, unattributed + 1. */
    UNATTRIBUTED_CONSUMED
}
