package dev.keyline.ledger.domain;

import java.util.List;

/**
 * What one line event does to the books: the device's new record (null when the event leaves no device record), the
 * key movements, the reason for an unattributed finding when a success could not be matched, and whether a late
 * provisioning matched an earlier unattributed activation.
 */
public record Booking(DeviceState device, List<KeyMovement> movements, String unattributedReason, boolean matched) {

    static Booking of(DeviceState device, KeyMovement... movements) {
        return new Booking(device, List.of(movements), null, false);
    }

    static Booking unattributed(DeviceState device, String reason, KeyMovement... movements) {
        return new Booking(device, List.of(movements), reason, false);
    }

    static Booking matched(DeviceState device, KeyMovement... movements) {
        return new Booking(device, List.of(movements), null, true);
    }
}
