-- Ids compare byte by byte. Booking looks up and inserts event ids, serials and key ids in the indexes of these
-- tables for every event. Under a database collation other than "C" (C.UTF-8, en_US.UTF-8) each comparison went
-- through the C library's strcoll, which took about a tenth of PostgreSQL's CPU per booked event
-- (docs/BENCHMARKS.md). Ids are machine-made ASCII, so byte order is also the order an operator expects of them.
-- PostgreSQL rebuilds the indexes on these columns, because their order changes with the collation, and holds an
-- exclusive lock on each table meanwhile.
ALTER TABLE product_keys ALTER COLUMN key_id TYPE TEXT COLLATE "C";

ALTER TABLE devices
    ALTER COLUMN serial TYPE TEXT COLLATE "C",
    ALTER COLUMN key_id TYPE TEXT COLLATE "C",
    ALTER COLUMN line_id TYPE TEXT COLLATE "C";

ALTER TABLE device_events
    ALTER COLUMN event_id TYPE TEXT COLLATE "C",
    ALTER COLUMN serial TYPE TEXT COLLATE "C",
    ALTER COLUMN key_id TYPE TEXT COLLATE "C",
    ALTER COLUMN line_id TYPE TEXT COLLATE "C";

ALTER TABLE journal
    ALTER COLUMN key_id TYPE TEXT COLLATE "C",
    ALTER COLUMN event_id TYPE TEXT COLLATE "C",
    ALTER COLUMN serial TYPE TEXT COLLATE "C";

ALTER TABLE microsoft_readings ALTER COLUMN key_id TYPE TEXT COLLATE "C";
