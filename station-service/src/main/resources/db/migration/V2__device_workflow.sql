-- The manufacturing state of each device. Every step up to last_step is complete in the current image cycle, and
-- next_step is the step the device waits for (null once shipped). The license columns hold the last license state
-- a station reported from slmgr, WMI or an event log. No product key is stored: the key is named by its
-- key id and partial key only.
CREATE TABLE devices (
    serial         TEXT PRIMARY KEY,
    cycle          INTEGER     NOT NULL DEFAULT 1,
    last_step      TEXT,
    next_step      TEXT,
    key_id         TEXT,
    partial_key    TEXT,
    default_key    BOOLEAN     NOT NULL DEFAULT false,
    license_status      TEXT,
    product_key_channel TEXT,
    license_partial_key TEXT,
    notification_reason TEXT,
    license_reported_at TIMESTAMPTZ,
    line_id        TEXT        NOT NULL,
    station_id     TEXT        NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX devices_next_step ON devices (next_step, serial);

-- The history of each device's steps. An implied step (image-applied before a first key installation that no
-- station reported) has no event of its own.
CREATE TABLE device_steps (
    id          BIGSERIAL PRIMARY KEY,
    serial      TEXT        NOT NULL,
    cycle       INTEGER     NOT NULL,
    step        TEXT        NOT NULL,
    implied     BOOLEAN     NOT NULL DEFAULT false,
    repeat      BOOLEAN     NOT NULL DEFAULT false,
    event_id    UUID,
    line_id     TEXT        NOT NULL,
    station_id  TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX device_steps_serial ON device_steps (serial, id);
