-- The team's backlog, read for `pmfolio next` (issue 13). It is context,
-- never evidence: nothing here is classified, and exports show others'
-- issues only as a linked key. `issue` is the mapped evidence.TeamIssue as
-- JSON (only the fields the detectors need); no raw JSON, no changelog.
CREATE TABLE team_issues (
    site_id    INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    issue_id   TEXT NOT NULL,
    issue_key  TEXT NOT NULL,
    project    TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    issue      TEXT NOT NULL,
    synced_at  TEXT NOT NULL,
    PRIMARY KEY (site_id, issue_id)
);

-- The team phase's own cursor, for the selection (scope) it was read with:
-- another scope starts a first read again.
CREATE TABLE team_state (
    site_id    INTEGER PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
    scope      TEXT NOT NULL,
    cursor     TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- What `pmfolio next` suggested, and whether the user took it: their own
-- evidence on the issue, after the suggestion, in the suggested category.
CREATE TABLE next_suggestions (
    id            TEXT PRIMARY KEY,
    site_id       INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    issue_id      TEXT NOT NULL,
    issue_key     TEXT NOT NULL,
    detector      TEXT NOT NULL,
    category      TEXT NOT NULL,
    reason        TEXT NOT NULL,
    action        TEXT NOT NULL,
    suggested_at  TEXT NOT NULL,
    last_shown_at TEXT NOT NULL,
    taken_at      TEXT,
    evidence_id   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX next_suggestions_open ON next_suggestions (site_id, taken_at);
