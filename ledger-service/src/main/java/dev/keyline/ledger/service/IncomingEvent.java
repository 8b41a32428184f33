package dev.keyline.ledger.service;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.LineEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A record that decoded to a valid line event. */
record IncomingEvent(IncomingRecord record, CloudEvent<?> event) {

    /**
     * Returns the event with its time cut to microseconds, the precision of PostgreSQL's {@code timestamptz}. The
     * journal hashes the time it stores, so a hash over nanoseconds would not verify once the entry is read back.
     */
    static IncomingEvent of(IncomingRecord record, CloudEvent<?> event) {
        Instant stored = event.time().truncatedTo(ChronoUnit.MICROS);
        if (stored.equals(event.time())) {
            return new IncomingEvent(record, event);
        }
        return new IncomingEvent(
                record,
                new CloudEvent<>(event.id(), event.source(), event.type(), event.subject(), stored, event.data()));
    }

    LineEvent data() {
        return (LineEvent) event.data();
    }
}
