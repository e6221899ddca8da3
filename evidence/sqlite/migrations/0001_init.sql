-- pmfolio's first schema. Applied migrations are never edited; changes are new files.

-- A site is one Jira site read as one account: every other row belongs to one.
CREATE TABLE sites (
    id           INTEGER PRIMARY KEY,
    url          TEXT NOT NULL,
    account_id   TEXT NOT NULL,
    name         TEXT NOT NULL,
    deployment   TEXT NOT NULL,
    user_name    TEXT NOT NULL DEFAULT '',
    display_name TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    UNIQUE (url, account_id)
);

-- Raw issues, kept whole and keyed by the numeric id (keys change on moves).
-- `issue` is the mapped domain value, `raw` the JSON Jira returned.
CREATE TABLE issues (
    site_id    INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    issue_id   TEXT NOT NULL,
    issue_key  TEXT NOT NULL,
    project    TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    issue      TEXT NOT NULL,
    raw        BLOB NOT NULL,
    synced_at  TEXT NOT NULL,
    PRIMARY KEY (site_id, issue_id)
);
CREATE INDEX issues_by_key ON issues (site_id, issue_key);

-- One row per thing someone did on an issue; is_mine marks the site user's.
CREATE TABLE activities (
    site_id     INTEGER NOT NULL,
    issue_id    TEXT NOT NULL,
    source      TEXT NOT NULL,
    source_id   TEXT NOT NULL,
    author_id   TEXT NOT NULL,
    author_name TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    items       TEXT NOT NULL DEFAULT '[]',
    is_mine     INTEGER NOT NULL,
    PRIMARY KEY (site_id, issue_id, source, source_id),
    FOREIGN KEY (site_id, issue_id) REFERENCES issues (site_id, issue_id) ON DELETE CASCADE
);
CREATE INDEX activities_mine ON activities (site_id, is_mine, source);

-- Machine evidence: derived from activities, deleted and rebuilt at will.
CREATE TABLE evidence (
    id          TEXT PRIMARY KEY,
    site_id     INTEGER NOT NULL,
    issue_id    TEXT NOT NULL,
    source      TEXT NOT NULL,
    source_id   TEXT NOT NULL,
    category    TEXT NOT NULL,
    rule        TEXT NOT NULL,
    confidence  REAL NOT NULL,
    excerpt     TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    FOREIGN KEY (site_id, issue_id, source, source_id)
        REFERENCES activities (site_id, issue_id, source, source_id) ON DELETE CASCADE
);
CREATE INDEX evidence_by_time ON evidence (occurred_at, id);
CREATE INDEX evidence_by_activity ON evidence (site_id, issue_id, source, source_id);

-- Curation is the user's and is never rebuilt: keyed by the stable evidence
-- id with no foreign key, so it outlives any rebuild of machine evidence.
CREATE TABLE curation (
    evidence_id TEXT PRIMARY KEY,
    excluded    INTEGER NOT NULL DEFAULT 0,
    note        TEXT NOT NULL DEFAULT '',
    category    TEXT,
    updated_at  TEXT NOT NULL
);

-- PM work that happened outside Jira, recorded by the user.
CREATE TABLE manual_evidence (
    id          TEXT PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    category    TEXT NOT NULL,
    description TEXT NOT NULL,
    link        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

-- The incremental cursor: the newest `updated` of a committed page.
CREATE TABLE sync_state (
    site_id       INTEGER PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
    cursor        TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- One row per sync run, for `doctor` and for anyone checking cost.
CREATE TABLE sync_runs (
    id             INTEGER PRIMARY KEY,
    site_id        INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    started_at     TEXT NOT NULL,
    finished_at    TEXT NOT NULL,
    result         TEXT NOT NULL,
    issues         INTEGER NOT NULL,
    new_activities INTEGER NOT NULL,
    new_evidence   INTEGER NOT NULL,
    requests       INTEGER NOT NULL,
    error          TEXT NOT NULL DEFAULT ''
);
