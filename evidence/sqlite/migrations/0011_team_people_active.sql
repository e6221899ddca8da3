-- Team issues now keep whether their people's accounts are active (a
-- colleague who left cannot answer a question or finish an issue). The
-- team issues stored before do not say: forgetting the team cursor makes
-- the next sync read the team's backlog again, as on a first read.
DELETE FROM team_state;
