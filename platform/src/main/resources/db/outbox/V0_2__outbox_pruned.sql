-- How many sent rows of each topic were deleted from the outbox, so that counts of published events survive pruning.
CREATE TABLE outbox_pruned (
    topic     TEXT   PRIMARY KEY,
    row_count BIGINT NOT NULL
);
