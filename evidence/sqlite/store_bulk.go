package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// Bulk work is administration, not PM work (taxonomy.md): a run of the
// user's status changes, each within bulkGap of the one before, across
// bulkIssues or more issues is a bulk edit, an import or a migration, and
// none of its changes is evidence. People checking delivered work one issue
// at a time do not move five issues with under two minutes between each.
const (
	bulkIssues = 5
	bulkGap    = 2 * time.Minute
)

// timeSpan is a closed interval of time.
type timeSpan struct{ from, to time.Time }

// spansAround merges the times, widened by bulkGap, into disjoint spans.
func spansAround(times []time.Time) []timeSpan {
	slices.SortFunc(times, time.Time.Compare)
	var spans []timeSpan
	for _, t := range times {
		from, to := t.Add(-bulkGap), t.Add(bulkGap)
		if n := len(spans); n > 0 && !from.After(spans[n-1].to) {
			spans[n-1].to = to
			continue
		}
		spans = append(spans, timeSpan{from, to})
	}
	return spans
}

// statusChange is one of the user's changelog histories that changed a
// status.
type statusChange struct {
	issueID, sourceID string
	at                time.Time
}

// changesStatus reports whether a history changes the status.
func changesStatus(items []evidence.ChangeItem) bool {
	for _, it := range items {
		if it.FieldID == "status" || it.Field == "status" {
			return true
		}
	}
	return false
}

// dropBulkEvidence deletes the machine evidence of the user's status
// changes that are part of a bulk edit, looking within spans (every change
// of the site when spans is nil). A bulk edit read across two pages is
// found when the second page commits, and the first page's evidence of it
// goes then. It returns the ids of the evidence deleted.
func dropBulkEvidence(ctx context.Context, tx *sql.Tx, siteID int64, spans []timeSpan) ([]string, error) {
	if spans == nil {
		spans = []timeSpan{{time.Time{}, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}}
	}
	var removed []string
	for _, sp := range spans {
		changes, err := statusChangesIn(ctx, tx, siteID, sp)
		if err != nil {
			return nil, err
		}
		// A run may go on past the span: widen it until it starts and
		// ends with a gap.
		for len(changes) > 0 && (changes[0].at.Sub(sp.from) < bulkGap || sp.to.Sub(changes[len(changes)-1].at) < bulkGap) {
			wider := timeSpan{sp.from.Add(-time.Hour), sp.to.Add(time.Hour)}
			if changes[0].at.Sub(sp.from) >= bulkGap {
				wider.from = sp.from
			}
			if sp.to.Sub(changes[len(changes)-1].at) >= bulkGap {
				wider.to = sp.to
			}
			more, err := statusChangesIn(ctx, tx, siteID, wider)
			if err != nil {
				return nil, err
			}
			if len(more) == len(changes) {
				break
			}
			sp, changes = wider, more
		}
		for _, c := range bulkOf(changes) {
			rows, err := tx.QueryContext(ctx, `
				DELETE FROM evidence WHERE site_id = ? AND issue_id = ? AND source = 'change' AND source_id = ?
				RETURNING id`, siteID, c.issueID, c.sourceID)
			if err != nil {
				return nil, fmt.Errorf("drop bulk-edit evidence: %w", err)
			}
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return nil, err
				}
				removed = append(removed, id)
			}
			if err := rows.Close(); err != nil {
				return nil, err
			}
		}
	}
	return removed, nil
}

// statusChangesIn reads the user's status changes within a span, by time.
func statusChangesIn(ctx context.Context, tx *sql.Tx, siteID int64, sp timeSpan) ([]statusChange, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT issue_id, source_id, occurred_at, items FROM activities
		WHERE site_id = ? AND is_mine = 1 AND source = 'change' AND occurred_at BETWEEN ? AND ?
		ORDER BY occurred_at`, siteID, formatTime(sp.from), formatTime(sp.to))
	if err != nil {
		return nil, fmt.Errorf("read status changes: %w", err)
	}
	defer rows.Close()
	var out []statusChange
	for rows.Next() {
		var c statusChange
		var at, items string
		if err := rows.Scan(&c.issueID, &c.sourceID, &at, &items); err != nil {
			return nil, err
		}
		var its []evidence.ChangeItem
		if err := json.Unmarshal([]byte(items), &its); err != nil {
			return nil, fmt.Errorf("history %s items: %w", c.sourceID, err)
		}
		if !changesStatus(its) {
			continue
		}
		if c.at, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// bulkOf returns the changes, sorted by time, that belong to a run of
// changes bulkGap or less apart across at least bulkIssues issues.
func bulkOf(changes []statusChange) []statusChange {
	var bulk []statusChange
	for start := 0; start < len(changes); {
		end := start + 1
		for end < len(changes) && changes[end].at.Sub(changes[end-1].at) <= bulkGap {
			end++
		}
		issues := map[string]bool{}
		for _, c := range changes[start:end] {
			issues[c.issueID] = true
		}
		if len(issues) >= bulkIssues {
			bulk = append(bulk, changes[start:end]...)
		}
		start = end
	}
	return bulk
}
