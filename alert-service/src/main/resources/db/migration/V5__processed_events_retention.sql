-- processed_events is pruned by age, so that it stops growing with every event. What a pruning deletes is added to
-- a count per topic, and the status endpoint reports the rows left plus that count.
CREATE TABLE pruned_event_counts (
    topic  TEXT   PRIMARY KEY,
    pruned BIGINT NOT NULL
);

-- Pruning deletes by age. A B-tree, not BRIN: once pruning frees the oldest pages, new rows land there, and the
-- time ranges a BRIN index keeps per block would cover ever more of the table.
CREATE INDEX processed_events_processed_at ON processed_events (processed_at);
