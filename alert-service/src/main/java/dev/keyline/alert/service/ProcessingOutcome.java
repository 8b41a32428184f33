package dev.keyline.alert.service;

import java.util.List;

/** Result of processing one record: skipped as a repeat, or applied with the alert changes it made. */
public record ProcessingOutcome(boolean duplicate, List<AlertNotification> notifications) {

    public ProcessingOutcome {
        notifications = List.copyOf(notifications);
    }

    static ProcessingOutcome duplicateEvent() {
        return new ProcessingOutcome(true, List.of());
    }

    static ProcessingOutcome applied(List<AlertNotification> notifications) {
        return new ProcessingOutcome(false, notifications);
    }
}
