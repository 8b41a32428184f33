-- The comment an operator gave with an acknowledgement, kept with the history row. The alert row drops it when the
-- alert fires again, so the history row is where it stays.
ALTER TABLE alert_history ADD COLUMN comment TEXT;
