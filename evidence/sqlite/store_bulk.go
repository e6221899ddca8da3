package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// Bulk work is administration, not PM work (taxonomy.md): a run of the
// user's status changes, each within bulkGap of the one before, across
// bulkIssues or more issues is a bulk edit, an import or a migration, and
// none of its changes is evidence. People checking delivered work one issue
// at a time do not move five issues with under two minutes between each.
//
// Nor is the comment a bulk edit posts: Jira adds a bulk transition's
// comment to every issue it moves, so one "closing as part of backlog
// cleanup, reopen if still required" would be thirty decisions. A comment
// of the user's within bulkGap of one of their bulk status changes on the
// same issue is part of the bulk edit, and so is a run of comments of the
// same text across bulkIssues or more issues, each within bulkGap of the
// one before (a bulk edit that only comments).
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
// status, or (comment set) one of the user's comments.
type statusChange struct {
	issueID, sourceID string
	at                time.Time
	// comment marks a comment; text is its text, as compared for runs of
	// the same comment.
	comment bool
	text    string
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
// changes and comments that are part of a bulk edit, looking within spans
// (every change of the site when spans is nil). A bulk edit read across two
// pages is found when the second page commits, and the first page's
// evidence of it goes then. It returns the ids of the evidence deleted.
func dropBulkEvidence(ctx context.Context, prepare prepareFunc, siteID int64, spans []timeSpan) ([]string, error) {
	if spans == nil {
		spans = []timeSpan{{time.Time{}, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}}
	}
	inSpans, err := statusChangesInSpans(ctx, prepare, siteID, spans)
	if err != nil {
		return nil, err
	}
	if err := widenSpans(ctx, prepare, siteID, spans, inSpans); err != nil {
		return nil, err
	}
	var removed []string
	for _, mine := range inSpans {
		for _, c := range bulkOf(mine) {
			source := evidence.SourceChange
			if c.comment {
				source = evidence.SourceComment
			}
			drop, err := prepare(ctx, `
				DELETE FROM evidence WHERE site_id = ? AND issue_id = ? AND source = ? AND source_id = ?
				RETURNING id`)
			if err != nil {
				return nil, fmt.Errorf("drop bulk-edit evidence: %w", err)
			}
			rows, err := drop.QueryContext(ctx, siteID, c.issueID, string(source), c.sourceID)
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

// widenSpans widens each span whose run of changes may go on past it, an
// hour at a time, until its changes start and end with a gap or widening
// finds no more; changes[i] are those in spans[i], and both are updated.
// The spans still to widen are read together, a statement a round.
func widenSpans(ctx context.Context, prepare prepareFunc, siteID int64, spans []timeSpan, changes [][]statusChange) error {
	needsWider := func(i int) bool {
		c := changes[i]
		return len(c) > 0 && (c[0].at.Sub(spans[i].from) < bulkGap || spans[i].to.Sub(c[len(c)-1].at) < bulkGap)
	}
	var open []int
	for i := range spans {
		if needsWider(i) {
			open = append(open, i)
		}
	}
	for len(open) > 0 {
		wider := make([]timeSpan, len(open))
		for k, i := range open {
			sp, c := spans[i], changes[i]
			wider[k] = timeSpan{sp.from.Add(-time.Hour), sp.to.Add(time.Hour)}
			if c[0].at.Sub(sp.from) >= bulkGap {
				wider[k].from = sp.from
			}
			if sp.to.Sub(c[len(c)-1].at) >= bulkGap {
				wider[k].to = sp.to
			}
		}
		more, err := statusChangesInSpans(ctx, prepare, siteID, wider)
		if err != nil {
			return err
		}
		next := open[:0]
		for k, i := range open {
			if len(more[k]) == len(changes[i]) {
				continue
			}
			spans[i], changes[i] = wider[k], more[k]
			if needsWider(i) {
				next = append(next, i)
			}
		}
		open = next
	}
	return nil
}

// spansPerQuery bounds the spans statusChangesInSpans asks for in one
// statement (three parameters each, well under SQLite's 32,766).
const spansPerQuery = 256

// statusChangesInSpans reads the user's status changes and comments within
// each span, by time, many spans a statement (of a few sizes, chunkSizes):
// a page of a first sync may hold hundreds of the user's status changes,
// and one query each cost more than the rows they read.
func statusChangesInSpans(ctx context.Context, prepare prepareFunc, siteID int64, spans []timeSpan) ([][]statusChange, error) {
	out := make([][]statusChange, len(spans))
	start := 0
	for _, n := range chunkSizes(len(spans), spansPerQuery) {
		args := make([]any, 0, 1+3*n)
		for i, sp := range spans[start : start+n] {
			args = append(args, start+i, formatTime(sp.from), formatTime(sp.to))
		}
		args = append(args, siteID)
		// The spans drive the join, each two ranges of the index by time (a
		// source each). History items that do not name "status" cannot
		// change it (changesStatus decides for the rest), and are not decoded.
		stmt, err := prepare(ctx, `
			WITH spans (n, from_at, to_at) AS (VALUES (?, ?, ?)`+strings.Repeat(", (?, ?, ?)", n-1)+`)
			SELECT s.n, a.issue_id, a.source, a.source_id, a.occurred_at, a.items, a.body
			FROM spans s CROSS JOIN activities a
			WHERE a.site_id = ? AND a.is_mine = 1 AND a.source IN ('change', 'comment') AND a.occurred_at BETWEEN s.from_at AND s.to_at
				AND (a.source = 'comment' OR instr(a.items, '"status"') > 0)
			ORDER BY s.n, a.occurred_at`)
		if err != nil {
			return nil, fmt.Errorf("read status changes: %w", err)
		}
		rows, err := stmt.QueryContext(ctx, args...)
		if err != nil {
			return nil, fmt.Errorf("read status changes: %w", err)
		}
		if err := scanStatusChanges(rows, out); err != nil {
			return nil, err
		}
		start += n
	}
	return out, nil
}

// scanStatusChanges reads rows of (span, issue, source, id, time, items,
// text) into out, by span, keeping the comments and the histories that
// change the status.
func scanStatusChanges(rows *sql.Rows, out [][]statusChange) error {
	defer rows.Close()
	for rows.Next() {
		var c statusChange
		var n int
		var source, at, items string
		if err := rows.Scan(&n, &c.issueID, &source, &c.sourceID, &at, &items, &c.text); err != nil {
			return err
		}
		c.comment = source == string(evidence.SourceComment)
		if !c.comment {
			var its []evidence.ChangeItem
			if err := json.Unmarshal([]byte(items), &its); err != nil {
				return fmt.Errorf("history %s items: %w", c.sourceID, err)
			}
			if !changesStatus(its) {
				continue
			}
			c.text = ""
		}
		var err error
		if c.at, err = parseTime(at); err != nil {
			return err
		}
		out[n] = append(out[n], c)
	}
	return rows.Err()
}

// bulkOf returns the status changes and comments of mine, sorted by time,
// that are part of a bulk edit: the status changes of a run bulkGap or less
// apart across at least bulkIssues issues, the comments within bulkGap of
// one of them on the same issue, and the comments of a run of the same
// text bulkGap or less apart across at least bulkIssues issues.
func bulkOf(mine []statusChange) []statusChange {
	var changes []statusChange
	sameText := map[string][]statusChange{}
	for _, c := range mine {
		if !c.comment {
			changes = append(changes, c)
		} else if text := strings.Join(strings.Fields(c.text), " "); text != "" {
			sameText[text] = append(sameText[text], c)
		}
	}
	inBulk := map[statusChange]bool{}
	bulkAt := map[string][]time.Time{}
	for _, c := range runsAcrossIssues(changes) {
		inBulk[c] = true
		bulkAt[c.issueID] = append(bulkAt[c.issueID], c.at)
	}
	for _, comments := range sameText {
		for _, c := range runsAcrossIssues(comments) {
			inBulk[c] = true
		}
	}
	var bulk []statusChange
	for _, c := range mine {
		withBulkChange := c.comment && slices.ContainsFunc(bulkAt[c.issueID], func(at time.Time) bool {
			return c.at.Sub(at).Abs() <= bulkGap
		})
		if inBulk[c] || withBulkChange {
			bulk = append(bulk, c)
		}
	}
	return bulk
}

// runsAcrossIssues returns the changes, sorted by time, that belong to a
// run of changes bulkGap or less apart across at least bulkIssues issues.
func runsAcrossIssues(changes []statusChange) []statusChange {
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
