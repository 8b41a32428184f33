-- The latest balance the ledger published for each key (keyline.ledger.balance-changed.v1), so a provisioning can be
-- checked against the key's available count. published_at is the event's time. fingerprint is the HMAC of the key,
-- never the key itself, and lets artifact scans recognise the key.
CREATE TABLE key_balances (
    key_id       TEXT PRIMARY KEY,
    partial_key  TEXT        NOT NULL,
    fingerprint  TEXT,
    allotment    BIGINT      NOT NULL,
    committed    BIGINT      NOT NULL,
    consumed     BIGINT      NOT NULL,
    available    BIGINT      NOT NULL,
    state        TEXT,
    event_id     TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX key_balances_partial_key ON key_balances (partial_key);
CREATE INDEX key_balances_fingerprint ON key_balances (fingerprint);
