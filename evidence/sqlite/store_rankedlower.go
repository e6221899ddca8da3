package sqlite

import (
	"context"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// YourRankedLower are the times the user's own changes ranked an issue
// lower, in the changelogs sync read on a site, by issue id, oldest
// first: the team's read holds no changelog, and `next` tells by them
// which work a priority call of the user's made wait.
func (s *Store) YourRankedLower(ctx context.Context, siteID int64) (map[string][]time.Time, error) {
	out := map[string][]time.Time{}
	err := s.eachChange(ctx, "rank changes", `
		SELECT issue_id, occurred_at, author_id, author_name, items FROM activities
		WHERE site_id = ? AND is_mine = 1 AND source = 'change' AND items LIKE '%ranked lower%'
		ORDER BY occurred_at, source_id`,
		func(issueID string, when time.Time, _ evidence.User, it evidence.ChangeItem) {
			if strings.EqualFold(it.Field, "Rank") && strings.EqualFold(it.ToString, "Ranked lower") {
				out[issueID] = append(out[issueID], when)
			}
		}, siteID)
	return out, err
}
