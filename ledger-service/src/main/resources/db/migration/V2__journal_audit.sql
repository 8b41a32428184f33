-- When each journal entry was written, so auditors can read a balance as the books stood at any instant.
ALTER TABLE journal ADD COLUMN booked_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp();
CREATE INDEX journal_key_booked_at ON journal (key_id, booked_at);

-- Key state set by operators (retired) or by activation results (exhausted, blocked).
ALTER TABLE product_keys ADD COLUMN state TEXT NOT NULL DEFAULT 'active';
ALTER TABLE product_keys ADD COLUMN state_reason TEXT;

-- Every line event booked for a device, for the device's full history.
CREATE TABLE device_events (
    seq         BIGSERIAL PRIMARY KEY,
    serial      TEXT        NOT NULL,
    event_id    TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    key_id      TEXT,
    line_id     TEXT,
    station_id  TEXT,
    detail      TEXT,
    occurred_at TIMESTAMPTZ NOT NULL,
    booked_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX device_events_serial ON device_events (serial, seq);
