package sqlite

import (
	"context"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
)

// SprintMoves are the Sprint field changes, by anyone, in the changelogs
// sync read on a site (of the issues the user worked on), by issue id,
// oldest first: the team's read holds no changelog, and `next` says who
// moved an issue to a later sprint soon after the user's priority call.
func (s *Store) SprintMoves(ctx context.Context, siteID int64) (map[string][]next.SprintMove, error) {
	return fieldMoves[next.SprintMove](ctx, s, siteID, "sprint", func(it evidence.ChangeItem) bool {
		return strings.EqualFold(it.Field, "Sprint")
	})
}
