package dev.keyline.alert.service;

import dev.keyline.alert.domain.AlertTransition;
import java.util.Optional;

/** Result of processing one event: skipped as a repeat, no alert changed, or one alert changed. */
public record ProcessingOutcome(boolean duplicate, Optional<AlertTransition> transition) {

    static ProcessingOutcome duplicateEvent() {
        return new ProcessingOutcome(true, Optional.empty());
    }

    static ProcessingOutcome applied(Optional<AlertTransition> transition) {
        return new ProcessingOutcome(false, transition);
    }
}
