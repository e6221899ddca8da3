-- The user's activities by time, and only theirs: every query that reads
-- this index asks for is_mine = 1, and a first sync writes the activities
-- of everyone on the user's issues, three in five of them someone else's.
-- The columns stay as they were, so that the same queries are answered
-- from the index alone.
DROP INDEX activities_mine_by_time;
CREATE INDEX activities_mine_by_time ON activities (site_id, is_mine, source, occurred_at) WHERE is_mine = 1;
