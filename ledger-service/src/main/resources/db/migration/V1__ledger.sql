-- Registered keys and their running counts. The full product key is never stored: only its HMAC fingerprint and
-- its partial key (the last five characters, as slmgr /dli prints them).
CREATE TABLE product_keys (
    key_id        TEXT PRIMARY KEY,
    fingerprint   CHAR(64)    NOT NULL UNIQUE,
    partial_key   CHAR(5)     NOT NULL,
    allotment     BIGINT      NOT NULL CHECK (allotment >= 0),
    committed     BIGINT      NOT NULL DEFAULT 0,
    consumed      BIGINT      NOT NULL DEFAULT 0,
    unattributed  BIGINT      NOT NULL DEFAULT 0,
    chain_head    CHAR(64)    NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX product_keys_partial_key ON product_keys (partial_key);

CREATE TABLE devices (
    serial                 TEXT PRIMARY KEY,
    key_id                 TEXT REFERENCES product_keys (key_id),
    partial_key            CHAR(5),
    line_id                TEXT,
    station_id             TEXT,
    method                 TEXT,
    status                 TEXT        NOT NULL,
    activation_attempts    INT         NOT NULL DEFAULT 0,
    successful_activations INT         NOT NULL DEFAULT 0,
    last_result            TEXT,
    provisioned_at         TIMESTAMPTZ,
    activated_at           TIMESTAMPTZ
);

CREATE INDEX devices_key_id ON devices (key_id);
CREATE INDEX devices_line_id ON devices (line_id);

-- One row per booked event id: the guard that makes redelivered events change nothing.
CREATE TABLE processed_events (
    event_id        TEXT PRIMARY KEY,
    event_type      TEXT        NOT NULL,
    kafka_partition INT,
    kafka_offset    BIGINT,
    booked_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Append-only, hash-chained per key: prev_hash is the hash of the key's previous entry.
CREATE TABLE journal (
    seq              BIGSERIAL PRIMARY KEY,
    key_id           TEXT        NOT NULL REFERENCES product_keys (key_id),
    event_id         TEXT        NOT NULL,
    entry_type       TEXT        NOT NULL,
    serial           TEXT,
    allotment_delta  BIGINT      NOT NULL,
    committed_delta  INT         NOT NULL,
    consumed_delta   INT         NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL,
    prev_hash        CHAR(64)    NOT NULL,
    hash             CHAR(64)    NOT NULL
);

CREATE INDEX journal_key_seq ON journal (key_id, seq);

CREATE TABLE dead_letters (
    id              BIGSERIAL PRIMARY KEY,
    topic           TEXT        NOT NULL,
    kafka_partition INT         NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    reason          TEXT        NOT NULL,
    dead_lettered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (topic, kafka_partition, kafka_offset)
);
