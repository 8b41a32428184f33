-- Station artifacts (slmgr output, answer files, event logs, log excerpts) as received, with every full product key
-- masked before the row is written. serial is null for an answer-file check that names no device.
CREATE TABLE artifacts (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT        NOT NULL,
    serial      TEXT,
    path        TEXT,
    line_id     TEXT        NOT NULL,
    station_id  TEXT        NOT NULL,
    content     TEXT        NOT NULL,
    exposures   INTEGER     NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX artifacts_serial ON artifacts (serial, received_at);

-- Keys found in answer files on a device's image that keep it from shipping (registered or unknown keys). A later
-- check of the same path replaces the path's rows, so a clean file clears them.
CREATE TABLE device_findings (
    id                BIGSERIAL PRIMARY KEY,
    serial            TEXT        NOT NULL,
    source            TEXT        NOT NULL,
    location          TEXT        NOT NULL,
    line              INTEGER     NOT NULL,
    severity          TEXT        NOT NULL,
    key_class         TEXT        NOT NULL,
    masked_key        TEXT        NOT NULL,
    key_id            TEXT,
    exposure_event_id UUID        NOT NULL,
    found_at          TIMESTAMPTZ NOT NULL
);

CREATE INDEX device_findings_serial ON device_findings (serial, source);
