package dev.keyline.ledger.domain;

/** How one booking changes one key's counts; becomes one journal entry. */
public record KeyMovement(
        String keyId, EntryType type, String serial, int committedDelta, int consumedDelta, int unattributedDelta) {

    static KeyMovement of(String keyId, EntryType type, String serial) {
        return switch (type) {
            case COMMITTED -> new KeyMovement(keyId, type, serial, 1, 0, 0);
            case RELEASED -> new KeyMovement(keyId, type, serial, -1, 0, 0);
            case CONSUMED -> new KeyMovement(keyId, type, serial, -1, 1, 0);
            case REPEAT -> new KeyMovement(keyId, type, serial, 0, 0, 0);
            case REACTIVATED -> new KeyMovement(keyId, type, serial, 0, 1, 0);
            case MATCHED -> new KeyMovement(keyId, type, serial, 0, 0, -1);
            case UNATTRIBUTED_CONSUMED -> new KeyMovement(keyId, type, serial, 0, 1, 1);
            case REGISTERED, TOPPED_UP, RETIRED, EXHAUSTED, BLOCKED, UNBLOCKED -> throw new IllegalArgumentException(
                    type + " is not a device movement");
        };
    }
}
