-- Booking is the ledger's hot path. This migration removes work it did for every event (docs/DECISIONS.md).

-- The foreign keys from journal and devices to product_keys made PostgreSQL look up and share-lock the key row once
-- per written row, which was half of the cost of a journal insert. Booking locks and loads the keys it writes
-- against in the same transaction, and key rows are never deleted (a retired key keeps its row).
ALTER TABLE journal DROP CONSTRAINT journal_key_id_fkey;
ALTER TABLE devices DROP CONSTRAINT devices_key_id_fkey;

-- Every booked event writes exactly one device_events row, so that row is the event-id guard now and the separate
-- processed_events row per event goes. Ids booked before device history existed move over first.
INSERT INTO device_events (serial, event_id, event_type, detail, occurred_at, effect, booked_at)
SELECT '', p.event_id, p.event_type, 'booked before device history was kept', p.booked_at, '', p.booked_at
FROM processed_events p
WHERE NOT EXISTS (SELECT 1 FROM device_events d WHERE d.event_id = p.event_id);

CREATE UNIQUE INDEX device_events_event_id ON device_events (event_id);

-- With event_id unique, the seq primary key was a third index to maintain on every insert. event_id is the key
-- now, and seq keeps numbering the rows in booking order for each device's history.
ALTER TABLE device_events DROP CONSTRAINT device_events_pkey;
ALTER TABLE device_events ADD CONSTRAINT device_events_pkey PRIMARY KEY USING INDEX device_events_event_id;

-- How many line events each partition has booked and the last offset read, updated once per batch, so the status
-- endpoint no longer counts a table with a row per event. Partition -1 holds what was booked before.
CREATE TABLE booking_progress (
    topic           TEXT        NOT NULL,
    kafka_partition INT         NOT NULL,
    booked          BIGINT      NOT NULL,
    last_offset     BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, kafka_partition)
);

INSERT INTO booking_progress (topic, kafka_partition, booked, last_offset)
SELECT 'keyline.line-events', -1, count(*), -1 FROM processed_events HAVING count(*) > 0;

DROP TABLE processed_events;
