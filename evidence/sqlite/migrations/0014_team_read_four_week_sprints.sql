-- The team's first read now reads the issues resolved in the last 84 days,
-- not 63, so that the last two sprints of a team with four-week sprints
-- are known whole (sprint.overcommitted). A team read made before holds
-- only 63 days before it: forgetting the team cursor makes the next sync
-- read the team's backlog again, as on a first read.
DELETE FROM team_state;
