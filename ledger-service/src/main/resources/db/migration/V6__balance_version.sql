-- Grows by one with each balance event the ledger publishes for the key; consumers keep the balance with the highest
-- version, because balance events carry the times of the line events that caused them, which can go back.
ALTER TABLE product_keys ADD COLUMN balance_version BIGINT NOT NULL DEFAULT 0;
