-- One row per alert identity (rule + labels). A condition that stays true updates its row, and a resolved alert
-- that fires again returns to 'firing' in the same row.
CREATE TABLE alerts (
    id          UUID        PRIMARY KEY,
    identity    TEXT        NOT NULL,
    rule        TEXT        NOT NULL,
    severity    TEXT        NOT NULL CHECK (severity IN ('info', 'warning', 'high', 'critical')),
    status      TEXT        NOT NULL CHECK (status IN ('firing', 'resolved')),
    labels      JSONB       NOT NULL,
    summary     TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    first_seen  TIMESTAMPTZ NOT NULL,
    last_seen   TIMESTAMPTZ NOT NULL,
    resolved_at TIMESTAMPTZ,
    occurrences BIGINT      NOT NULL CHECK (occurrences > 0)
);

CREATE UNIQUE INDEX alerts_identity ON alerts (identity);
CREATE INDEX alerts_last_seen ON alerts (last_seen DESC);
-- Serves the keyId and lineId filters, which match with labels @> '{"name": "value"}'.
CREATE INDEX alerts_labels ON alerts USING GIN (labels jsonb_path_ops);

-- Event ids already applied. A row is written in the same transaction as the alert change, so a record that Kafka
-- delivers again changes nothing.
CREATE TABLE processed_events (
    event_id     TEXT        PRIMARY KEY,
    topic        TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX processed_events_topic ON processed_events (topic);
