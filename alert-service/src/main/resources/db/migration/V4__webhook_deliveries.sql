-- Alert changes waiting for the webhook. A row is written in the transaction that stores the change and deleted once
-- the webhook accepted it or its attempts ran out, so a restart loses no change.
CREATE TABLE webhook_deliveries (
    seq        BIGSERIAL   PRIMARY KEY,
    alert_id   UUID        NOT NULL,
    change     TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    attempts   INT         NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
