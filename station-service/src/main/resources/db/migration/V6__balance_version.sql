-- The ledger's version of the stored balance; a balance with a higher version replaces it, whatever the times.
ALTER TABLE key_balances ADD COLUMN version BIGINT;
