-- How far the ledger's stored balance of each key is known to have booked: the outbox position (seq) of the balance's
-- cause event, the key's last line event that the ledger booked into it. A provisioning of the key written to the
-- outbox after that position is not in the balance yet, so the provisioning check counts it as committed.
ALTER TABLE key_balances ADD COLUMN booked_through_seq BIGINT;

-- Balances stored before this column existed count as having booked every event written so far.
UPDATE key_balances SET booked_through_seq = (SELECT max(seq) FROM outbox);

-- Finds the outbox row of a balance's cause event by its CloudEvents id.
CREATE INDEX outbox_event_id ON outbox ((headers::jsonb ->> 'ce_id'));

-- Finds a key's line events written after a position.
CREATE INDEX outbox_record_key_seq ON outbox (record_key, seq);
