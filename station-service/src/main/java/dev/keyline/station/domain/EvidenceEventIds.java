package dev.keyline.station.domain;

import dev.keyline.schemas.CloudEvent;
import dev.keyline.schemas.events.EventData;
import dev.keyline.station.artifact.ActivationEvidence;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Event ids for what a Windows event-log record proves, derived from the record instead of drawn at random. A
 * station that exports the whole log after each attempt posts its old records again, and each repost published the
 * old failures as new events, which the ledger booked as more attempts. With the same id, consumers drop the repeat,
 * because the event id is their idempotency key.
 */
public final class EvidenceEventIds {

    private EvidenceEventIds() {}

    /**
     * Returns the events with ids made from the device, the record's provider, event id, time and finding, and the
     * event's place in {@code events}. Evidence without a time of its own keeps the events' random ids, because a
     * record without {@code TimeCreated} cannot be distinguished from another of the same kind.
     */
    public static <T extends EventData> List<CloudEvent<? extends T>> of(
            String serial, ActivationEvidence item, List<CloudEvent<? extends T>> events) {
        if (item.time() == null) {
            return events;
        }
        List<CloudEvent<? extends T>> named = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            named.add(events.get(i).withId(id(serial, item, i)));
        }
        return named;
    }

    /** Returns a name-based UUID (version 3) of the record's identity, which the envelope schema accepts as an id. */
    static String id(String serial, ActivationEvidence item, int position) {
        String name = String.join(
                "|",
                "event-log",
                serial,
                item.provider(),
                Integer.toString(item.eventId()),
                item.time().toString(),
                item.kind().name(),
                String.valueOf(item.result()),
                String.valueOf(item.licenseStatus()),
                Integer.toString(position));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
