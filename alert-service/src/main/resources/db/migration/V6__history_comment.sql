-- The comment an operator gave with an acknowledgement, kept with the history row. The alert row drops it when the
-- alert fires again, and before this column the comment was then kept nowhere.
ALTER TABLE alert_history ADD COLUMN comment TEXT;
