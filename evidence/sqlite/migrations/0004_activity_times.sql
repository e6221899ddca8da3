-- The user's changes by time: finding bulk edits (a run of status changes
-- across many issues within minutes) reads the changes around a time.
DROP INDEX activities_mine;
CREATE INDEX activities_mine_by_time ON activities (site_id, is_mine, source, occurred_at);
