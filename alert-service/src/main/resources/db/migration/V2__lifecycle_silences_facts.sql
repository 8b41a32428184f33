-- Operators acknowledge and resolve alerts, and silence them by label matchers. Every change of an alert is kept in
-- alert_history.
ALTER TABLE alerts DROP CONSTRAINT alerts_status_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_status_check CHECK (status IN ('firing', 'acknowledged', 'resolved'));

-- Start of the current firing period: first_seen, or the time the alert last fired again after a resolve.
ALTER TABLE alerts ADD COLUMN firing_since TIMESTAMPTZ;
UPDATE alerts SET firing_since = first_seen;
ALTER TABLE alerts ALTER COLUMN firing_since SET NOT NULL;

ALTER TABLE alerts ADD COLUMN acknowledged_by TEXT;
ALTER TABLE alerts ADD COLUMN acknowledged_at TIMESTAMPTZ;
ALTER TABLE alerts ADD COLUMN acknowledge_comment TEXT;
-- The operator who resolved the alert; null while it is active or when its condition cleared.
ALTER TABLE alerts ADD COLUMN resolved_by TEXT;
-- When this service last changed the row (wall-clock time), for resending recent changes to Alertmanager.
ALTER TABLE alerts ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();

CREATE INDEX alerts_status_updated ON alerts (status, updated_at);

CREATE TABLE alert_history (
    id          BIGSERIAL   PRIMARY KEY,
    alert_id    UUID        NOT NULL REFERENCES alerts (id),
    change      TEXT        NOT NULL CHECK (change IN ('raised', 'repeated', 'refired', 'acknowledged', 'resolved')),
    status      TEXT        NOT NULL,
    severity    TEXT        NOT NULL,
    summary     TEXT        NOT NULL,
    occurrences BIGINT      NOT NULL,
    -- The time of the event that made the change, or of the operator's request.
    occurred_at TIMESTAMPTZ NOT NULL,
    -- 'event <event id>' or 'operator <principal>'.
    actor       TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX alert_history_alert ON alert_history (alert_id, id);

CREATE TABLE silences (
    id         UUID        PRIMARY KEY,
    -- {"matchers": [{"name": ..., "value": ..., "isRegex": bool, "isEqual": bool}]}, as in Alertmanager's API v2.
    matchers   JSONB       NOT NULL,
    starts_at  TIMESTAMPTZ NOT NULL,
    ends_at    TIMESTAMPTZ NOT NULL CHECK (ends_at >= starts_at),
    created_by TEXT        NOT NULL,
    comment    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The operator who expired the silence before its end, if any.
    expired_by TEXT
);

CREATE INDEX silences_ends_at ON silences (ends_at);

-- What the rules need to remember between events. Each row changes in the transaction of the event that changed it,
-- so a replay of the topics into an empty database rebuilds the same facts.

-- The last balance seen per key, and Microsoft's report that the key is exhausted, which only a top-up above
-- exhausted_at_allotment clears.
CREATE TABLE key_facts (
    key_id                 TEXT        PRIMARY KEY,
    partial_key            TEXT,
    fingerprint            TEXT,
    allotment              BIGINT,
    available              BIGINT,
    state                  TEXT,
    exhausted_at_allotment BIGINT,
    exhausted_reason       TEXT,
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX key_facts_partial_key ON key_facts (partial_key);
CREATE INDEX key_facts_fingerprint ON key_facts (fingerprint);

-- Available counts per key over time, for depletion forecasts.
CREATE TABLE balance_samples (
    event_id  TEXT        PRIMARY KEY,
    -- Orders samples of equal time by arrival.
    seq       BIGSERIAL   NOT NULL,
    key_id    TEXT        NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    available BIGINT      NOT NULL
);

CREATE INDEX balance_samples_key_at ON balance_samples (key_id, at);

-- The last provisioning of each device, and whether its key was removed from the registry since.
CREATE TABLE devices (
    serial         TEXT        PRIMARY KEY,
    key_id         TEXT,
    partial_key    TEXT,
    line_id        TEXT        NOT NULL,
    station_id     TEXT        NOT NULL,
    key_cleared    BOOLEAN     NOT NULL,
    provisioned_at TIMESTAMPTZ NOT NULL
);

-- Per key, line and serial: when the device was first provisioned with the key there, and when it first activated
-- with it there.
CREATE TABLE line_devices (
    key_id           TEXT        NOT NULL,
    line_id          TEXT        NOT NULL,
    serial           TEXT        NOT NULL,
    provisioned_at   TIMESTAMPTZ,
    first_success_at TIMESTAMPTZ,
    PRIMARY KEY (key_id, line_id, serial)
);

-- NOTE: rows are never pruned; the rules read only the last repeat-activation window and failure-spike window plus
-- baseline, so a deployment with years of attempts can delete older rows.
CREATE TABLE activation_attempts (
    event_id      TEXT        PRIMARY KEY,
    -- Orders attempts of equal time by arrival.
    seq           BIGSERIAL   NOT NULL,
    serial        TEXT        NOT NULL,
    key_id        TEXT,
    line_id       TEXT        NOT NULL,
    station_id    TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    success       BOOLEAN     NOT NULL,
    result        TEXT        NOT NULL,
    uwf_enabled   BOOLEAN,
    hardware_hash TEXT
);

CREATE INDEX activation_attempts_successes ON activation_attempts (serial, at) WHERE success;
CREATE INDEX activation_attempts_line ON activation_attempts (line_id, at);
CREATE INDEX activation_attempts_station ON activation_attempts (line_id, station_id, at);
