-- The user's own statement of what an initiative achieved (`pmfolio outcome`).
-- Curation like the curation table: keyed by the issue's stable numeric id,
-- with no foreign key, so no sync, full sync or reclassify removes it. The
-- key is kept to show the outcome even when the issue is no longer stored.
CREATE TABLE outcomes (
    site_id    INTEGER NOT NULL,
    issue_id   TEXT NOT NULL,
    issue_key  TEXT NOT NULL,
    text       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (site_id, issue_id)
);
