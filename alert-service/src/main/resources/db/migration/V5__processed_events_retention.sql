-- processed_events is pruned by age, so that it stops growing with every event. What a pruning deletes is added to
-- a count per topic, and the status endpoint reports the rows left plus that count.
CREATE TABLE pruned_event_counts (
    topic  TEXT   PRIMARY KEY,
    pruned BIGINT NOT NULL
);

-- Rows arrive in processed_at order, which a BRIN index covers at a fraction of a B-tree's cost per insert.
CREATE INDEX processed_events_processed_at ON processed_events USING brin (processed_at);
