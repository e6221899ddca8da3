-- Team issues now keep their sprints with boards, states and dates, which
-- `next` weighs a sprint's plan against (sprint.overcommitted). The team
-- issues stored before do not have them: forgetting the team cursor makes
-- the next sync read the team's backlog again, as on a first read.
DELETE FROM team_state;
