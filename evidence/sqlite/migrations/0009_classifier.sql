-- Which classification the stored evidence comes from: a digest of the
-- built-in rules, the text model and the user's rules file in force when it
-- was last built. A sync that runs with other rules (a new pmfolio, an
-- edited rules file) rebuilds the evidence first, so that it never mixes
-- items of two classifications. One row at most.
CREATE TABLE classifier (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    identity   TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
