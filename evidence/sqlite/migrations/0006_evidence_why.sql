-- A claim of the text model says why: its probability and the words that
-- weighed most. Rules explain themselves by their id, so it stays empty.
ALTER TABLE evidence ADD COLUMN why TEXT NOT NULL DEFAULT '';
