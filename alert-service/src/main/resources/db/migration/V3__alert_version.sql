-- Alerts are changed by the line-event and ledger-event consumers and by operators at the same time, so each row
-- carries a version for optimistic locking: a change based on a stale row fails and is retried.
ALTER TABLE alerts ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
