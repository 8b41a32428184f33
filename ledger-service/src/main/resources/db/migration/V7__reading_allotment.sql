-- Microsoft's remaining count is a count of the allotment granted when it was read. A later top-up raises the
-- key's allotment, not what that reading counted as used, so each reading keeps the key's allotment as of its time
-- and the key keeps the one of its newest reading. Rows from before this migration have none and use the current
-- allotment, as they did.
ALTER TABLE microsoft_readings ADD COLUMN allotment BIGINT;
ALTER TABLE product_keys ADD COLUMN reported_allotment BIGINT;
