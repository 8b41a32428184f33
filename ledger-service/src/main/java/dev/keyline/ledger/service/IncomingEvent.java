package dev.keyline.ledger.service;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.LineEvent;

/** A record that decoded to a valid line event. */
record IncomingEvent(IncomingRecord record, CloudEvent<?> event) {

    LineEvent data() {
        return (LineEvent) event.data();
    }
}
