-- One row per accepted station report, written in the same transaction as its outbox rows. It contains ids and
-- times only. The redacted report travels in the outbox payload, and no report text is kept here.
CREATE TABLE reports (
    event_id    UUID PRIMARY KEY,
    type        TEXT        NOT NULL,
    serial      TEXT        NOT NULL,
    line_id     TEXT        NOT NULL,
    station_id  TEXT        NOT NULL,
    key_id      TEXT,
    partial_key TEXT,
    occurred_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    exposures   INTEGER     NOT NULL DEFAULT 0
);

CREATE INDEX reports_serial ON reports (serial, occurred_at);
