-- The journal effect and result of each booked device event, for the reconciliation report.
ALTER TABLE device_events ADD COLUMN effect TEXT NOT NULL DEFAULT '';
ALTER TABLE device_events ADD COLUMN result TEXT;

-- Remaining activations per key as Microsoft reports them (VAMT "Product key data online"), imported by operators.
CREATE TABLE microsoft_readings (
    id             BIGSERIAL PRIMARY KEY,
    key_id         TEXT        NOT NULL REFERENCES product_keys (key_id),
    remaining      BIGINT      NOT NULL CHECK (remaining >= 0),
    read_at        TIMESTAMPTZ NOT NULL,
    source         TEXT        NOT NULL,
    imported_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (key_id, read_at, remaining)
);

ALTER TABLE product_keys ADD COLUMN reported_remaining BIGINT;
ALTER TABLE product_keys ADD COLUMN reported_at TIMESTAMPTZ;
