-- The hardware hash of the device's last successful activation, to tell a reactivation after an out-of-tolerance
-- hardware change from a repeat, and whether Unified Write Filter was on at that activation.
ALTER TABLE devices ADD COLUMN hardware_hash TEXT;
ALTER TABLE devices ADD COLUMN uwf_enabled BOOLEAN;
ALTER TABLE devices ADD COLUMN reactivations INT NOT NULL DEFAULT 0;
