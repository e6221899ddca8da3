package sqlite

import (
	"context"
	"fmt"

	"github.com/pmfolio/pmfolio/evidence"
)

// StoredIssues lists a site's stored issues by id, with their key and project.
func (s *Store) StoredIssues(ctx context.Context, siteID int64) ([]evidence.Issue, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT issue_id, issue_key, project FROM issues WHERE site_id = ? ORDER BY issue_id`, siteID)
	if err != nil {
		return nil, fmt.Errorf("list stored issues: %w", err)
	}
	defer rows.Close()
	var out []evidence.Issue
	for rows.Next() {
		var is evidence.Issue
		if err := rows.Scan(&is.ID, &is.Key, &is.Project); err != nil {
			return nil, fmt.Errorf("list stored issues: %w", err)
		}
		out = append(out, is)
	}
	return out, rows.Err()
}

// RemoveIssues deletes issues of a site that Jira no longer has, with their
// activities and machine evidence, in one transaction. Curation is keyed by
// evidence id and stays: if an issue comes back, so do the user's
// exclusions, notes and categories for it. It returns how many were removed.
func (s *Store) RemoveIssues(ctx context.Context, siteID int64, issueIDs []string) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("remove issues: %w", err)
	}
	defer tx.Rollback()
	removed := 0
	for _, id := range issueIDs {
		// Evidence and activities go by their foreign keys' ON DELETE CASCADE.
		res, err := tx.ExecContext(ctx, `DELETE FROM issues WHERE site_id = ? AND issue_id = ?`, siteID, id)
		if err != nil {
			return 0, fmt.Errorf("remove issue %s: %w", id, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, fmt.Errorf("remove issue %s: %w", id, err)
		}
		removed += int(n)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("remove issues: %w", err)
	}
	return removed, nil
}
