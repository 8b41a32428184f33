-- The first response to each report request a station sent with an Idempotency-Key header. A resend with the same
-- key and the same request gets this response again and books nothing. The same key with another request is rejected.
CREATE TABLE idempotent_requests (
    scope           TEXT PRIMARY KEY,
    line_id         TEXT        NOT NULL,
    station_id      TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    CHAR(64)    NOT NULL,
    event_id        UUID,
    response        TEXT        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX idempotent_requests_received_at ON idempotent_requests (received_at);
