-- Microsoft's count is of the activations up to its read time. So unexplained use compares it with what the ledger
-- booked for times up to then, not with everything booked since, which would let activations of later devices hide
-- the ones the reading could not explain. The key keeps that count for its newest reading, and booking raises it when
-- an activation dated up to that reading arrives late.
ALTER TABLE product_keys ADD COLUMN reported_consumed BIGINT;

UPDATE product_keys AS k
SET reported_consumed = (
    SELECT coalesce(sum(j.consumed_delta), 0)
    FROM journal AS j
    WHERE j.key_id = k.key_id AND j.occurred_at <= k.reported_at)
WHERE k.reported_at IS NOT NULL;
