package dev.keyline.ledger.domain;

import java.util.List;

/**
 * What one line event does to the books: the device's new record (null when the event leaves no device record), the
 * key movements, and, when a success could not be matched, the reason for the unattributed finding.
 */
public record Booking(DeviceState device, List<KeyMovement> movements, String unattributedReason) {

    static Booking of(DeviceState device, KeyMovement... movements) {
        return new Booking(device, List.of(movements), null);
    }

    static Booking unattributed(DeviceState device, String reason, KeyMovement... movements) {
        return new Booking(device, List.of(movements), reason);
    }
}
