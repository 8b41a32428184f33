-- Records waiting for the relay to publish them to Kafka. Rows are written in the same transaction as the change
-- they announce, so a crash can delay an event but never lose it.
CREATE TABLE outbox (
    seq        BIGSERIAL PRIMARY KEY,
    topic      TEXT        NOT NULL,
    record_key TEXT,
    headers    TEXT        NOT NULL DEFAULT '{}',
    payload    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at    TIMESTAMPTZ
);

CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
