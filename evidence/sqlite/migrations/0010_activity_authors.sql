-- Activities by author: a quote names the people its writer mentioned
-- from everyone the store has seen on the site, and reading evidence looks
-- up the few accounts its quotes mention among every activity stored.
CREATE INDEX activities_by_author ON activities (site_id, author_id);
