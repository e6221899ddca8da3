-- The author's account type (Jira Cloud's accountType: "atlassian", "app", …;
-- empty on Server), so that reclassifying knows automation accounts as a sync
-- does. Rows stored before this migration have none until the next sync.
ALTER TABLE activities ADD COLUMN author_type TEXT NOT NULL DEFAULT '';
