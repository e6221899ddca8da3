package sqlite

import (
	"context"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
)

// SprintMoves are the Sprint field changes, by anyone, in the changelogs
// sync read on a site (of the issues the user worked on), by issue id,
// oldest first: the team's read holds no changelog, and `next` says who
// moved an issue to a later sprint soon after the user's priority call.
func (s *Store) SprintMoves(ctx context.Context, siteID int64) (map[string][]next.SprintMove, error) {
	out := map[string][]next.SprintMove{}
	err := s.eachChange(ctx, "sprint changes", `
		SELECT issue_id, occurred_at, author_id, author_name, items FROM activities
		WHERE site_id = ? AND source = 'change' AND items LIKE '%sprint%'
		ORDER BY occurred_at, source_id`, siteID,
		func(issueID string, when time.Time, by evidence.User, it evidence.ChangeItem) {
			if strings.EqualFold(it.Field, "Sprint") {
				out[issueID] = append(out[issueID], next.SprintMove{By: by, From: it.FromString, To: it.ToString, At: when})
			}
		})
	return out, err
}
