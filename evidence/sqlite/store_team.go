package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/next"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
)

var (
	_ evsync.Sink     = (*Store)(nil)
	_ evsync.TeamSink = (*Store)(nil)
)

// ActiveProjects are the projects the user has worked in steadily since a
// time, most active first: the default team scope. How steadily is
// next.TeamProjects's call, from the user's activities in each project, the
// issues they were on and the weeks (counted from since) they fell in: a
// one-off comment in another team's project does not make it the user's team.
func (s *Store) ActiveProjects(ctx context.Context, siteID int64, since time.Time) ([]string, error) {
	rows, err := s.reader().QueryContext(ctx, `
		SELECT i.project, count(*), count(DISTINCT a.issue_id),
		       count(DISTINCT CAST((julianday(a.occurred_at) - julianday(?)) / 7 AS INTEGER))
		FROM activities a
		JOIN issues i ON i.site_id = a.site_id AND i.issue_id = a.issue_id
		WHERE a.site_id = ? AND a.is_mine = 1 AND a.occurred_at >= ? AND i.project != ''
		GROUP BY i.project ORDER BY count(*) DESC, i.project`, formatTime(since), siteID, formatTime(since))
	if err != nil {
		return nil, fmt.Errorf("read active projects: %w", err)
	}
	defer rows.Close()
	var acts []next.ProjectActivity
	for rows.Next() {
		var a next.ProjectActivity
		if err := rows.Scan(&a.Project, &a.Actions, &a.Issues, &a.Weeks); err != nil {
			return nil, fmt.Errorf("read active projects: %w", err)
		}
		acts = append(acts, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read active projects: %w", err)
	}
	return next.TeamProjects(acts), nil
}

// TeamReadsPending names the sites whose stored team issues are from a read
// the next sync does again from the start: an upgrade forgot the team
// cursor (a migration that needs what the old read did not keep).
func (s *Store) TeamReadsPending(ctx context.Context) ([]string, error) {
	names, err := s.queryStrings(ctx, `
		SELECT s.name FROM sites s
		WHERE EXISTS (SELECT 1 FROM team_issues t WHERE t.site_id = s.id)
		  AND NOT EXISTS (SELECT 1 FROM team_state t WHERE t.site_id = s.id)
		ORDER BY s.name`)
	if err != nil {
		return nil, fmt.Errorf("read team state: %w", err)
	}
	return names, nil
}

// TeamRead reports whether a sync has read the site's team backlog: a read
// that found nothing open is a read, one that never ran is not.
func (s *Store) TeamRead(ctx context.Context, siteID int64) (bool, error) {
	read, err := s.queryStrings(ctx, `
		SELECT 'read' WHERE EXISTS (SELECT 1 FROM team_state WHERE site_id = ?) OR EXISTS (SELECT 1 FROM team_issues WHERE site_id = ?)`,
		siteID, siteID)
	if err != nil {
		return false, fmt.Errorf("read team state: %w", err)
	}
	return len(read) > 0, nil
}

// TeamCursor is the newest update of the team issues read with that scope.
func (s *Store) TeamCursor(ctx context.Context, siteID int64, scopeKey string) (time.Time, bool, error) {
	var scope, cursor string
	err := s.db.QueryRowContext(ctx, `SELECT scope, cursor FROM team_state WHERE site_id = ?`, siteID).Scan(&scope, &cursor)
	if errors.Is(err, sql.ErrNoRows) || err == nil && scope != scopeKey {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("read team cursor: %w", err)
	}
	t, err := parseTime(cursor)
	return t, err == nil, err
}

// SaveTeamPage stores a page of team issues and moves the team cursor in
// one transaction. The first page read with another scope than the stored
// one replaces the team issues of the old scope.
func (s *Store) SaveTeamPage(ctx context.Context, siteID int64, scopeKey string, issues []next.TeamIssue, cursor time.Time) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save team page: %w", err)
	}
	defer tx.Rollback()
	now := formatTime(s.now())
	var scope string
	err = tx.QueryRowContext(ctx, `SELECT scope FROM team_state WHERE site_id = ?`, siteID).Scan(&scope)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read team scope: %w", err)
	}
	if scope != scopeKey {
		if _, err := tx.ExecContext(ctx, `DELETE FROM team_issues WHERE site_id = ?`, siteID); err != nil {
			return fmt.Errorf("forget the old team scope: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM team_state WHERE site_id = ?`, siteID); err != nil {
			return fmt.Errorf("forget the old team scope: %w", err)
		}
	}
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO team_issues (site_id, issue_id, issue_key, project, updated_at, issue, synced_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (site_id, issue_id) DO UPDATE SET issue_key = excluded.issue_key, project = excluded.project,
			updated_at = excluded.updated_at, issue = excluded.issue, synced_at = excluded.synced_at`)
	if err != nil {
		return fmt.Errorf("save team page: %w", err)
	}
	defer stmt.Close()
	for _, ti := range issues {
		data, err := json.Marshal(ti)
		if err != nil {
			return fmt.Errorf("encode team issue %s: %w", ti.Key, err)
		}
		if _, err := stmt.ExecContext(ctx, siteID, ti.ID, ti.Key, ti.Project, formatTime(ti.Updated), string(data), now); err != nil {
			return fmt.Errorf("save team issue %s: %w", ti.Key, err)
		}
	}
	if !cursor.IsZero() {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO team_state (site_id, scope, cursor, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (site_id) DO UPDATE SET scope = excluded.scope,
				cursor = CASE WHEN team_state.scope = excluded.scope THEN max(team_state.cursor, excluded.cursor) ELSE excluded.cursor END,
				updated_at = excluded.updated_at`,
			siteID, scopeKey, formatTime(cursor), now); err != nil {
			return fmt.Errorf("move team cursor: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit team page: %w", err)
	}
	return nil
}

// TeamReadOlderThan reports whether the site's last complete team read is
// older than d: a complete read rewrites every team issue it keeps, so the
// oldest synced_at is when it ran. No team issues: false.
func (s *Store) TeamReadOlderThan(ctx context.Context, siteID int64, d time.Duration) (bool, error) {
	var oldest sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT min(synced_at) FROM team_issues WHERE site_id = ?`, siteID).Scan(&oldest); err != nil {
		return false, fmt.Errorf("read team issues: %w", err)
	}
	if !oldest.Valid {
		return false, nil
	}
	at, err := parseTime(oldest.String)
	if err != nil {
		return false, err
	}
	return s.now().Sub(at) > d, nil
}

// KeepTeamIssues removes the site's stored team issues whose ids are not
// in keep, the issues a complete read of the team's selection returned:
// those Jira deleted, moved out of the team's projects, hid from the user,
// or that were resolved too long ago to be read again. It says how many it
// removed.
func (s *Store) KeepTeamIssues(ctx context.Context, siteID int64, keep map[string]bool) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("forget team issues: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT issue_id FROM team_issues WHERE site_id = ?`, siteID)
	if err != nil {
		return 0, fmt.Errorf("forget team issues: %w", err)
	}
	var gone []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, fmt.Errorf("forget team issues: %w", err)
		}
		if !keep[id] {
			gone = append(gone, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("forget team issues: %w", err)
	}
	for _, id := range gone {
		if _, err := tx.ExecContext(ctx, `DELETE FROM team_issues WHERE site_id = ? AND issue_id = ?`, siteID, id); err != nil {
			return 0, fmt.Errorf("forget team issue %s: %w", id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("forget team issues: %w", err)
	}
	return len(gone), nil
}

// TeamIssues reads the stored team issues of a site, by key.
func (s *Store) TeamIssues(ctx context.Context, siteID int64) ([]next.TeamIssue, error) {
	out, err := s.decodedIssues(ctx, func(data []byte, ti *next.TeamIssue) error { return json.Unmarshal(data, ti) },
		`SELECT issue FROM team_issues WHERE site_id = ? ORDER BY project, length(issue_key), issue_key`, siteID)
	if err != nil {
		return nil, fmt.Errorf("read team issues: %w", err)
	}
	return out, nil
}

// YourIssues are the issues of the user's own sync on a site that `next`
// reads besides the team's (next.Team.Yours): the open ones the user filed
// (reporter or creator) that the team's read does not hold, with every
// comment sync stored, oldest first, then the issues of the sync these
// link to or sit under. A follow-up of the user's incident filed in another
// team's project is in no team read, and is theirs to chase.
func (s *Store) YourIssues(ctx context.Context, site evidence.Site) ([]next.TeamIssue, error) {
	// Outside the team's read: an issue the team holds is read there,
	// with the fields the team's read gives.
	const outside = `NOT EXISTS (SELECT 1 FROM team_issues t WHERE t.site_id = i.site_id AND t.issue_id = i.issue_id)`
	filed, err := s.storedIssues(ctx, `
		SELECT i.issue FROM issues i
		WHERE i.site_id = ? AND coalesce(json_extract(i.issue, '$.status_category'), '') != 'done' AND `+outside+`
		ORDER BY i.project, length(i.issue_key), i.issue_key`, site.ID)
	if err != nil {
		return nil, fmt.Errorf("read your issues: %w", err)
	}
	filed = slices.DeleteFunc(filed, func(is next.TeamIssue) bool { return is.Done() || !is.CreatedBy(site.User) })
	if len(filed) == 0 {
		return nil, nil
	}
	ids, keys := make([]string, len(filed)), []string{}
	for i, is := range filed {
		ids[i] = is.ID
		keys = append(keys, is.ParentKey)
		for _, l := range is.Links {
			keys = append(keys, l.OtherKey)
		}
	}
	if err := s.addComments(ctx, site.ID, filed); err != nil {
		return nil, fmt.Errorf("read the comments of your issues: %w", err)
	}
	linked, err := s.storedIssues(ctx, `
		SELECT i.issue FROM issues i
		WHERE i.site_id = ? AND i.issue_key IN (SELECT value FROM json_each(?)) AND i.issue_id NOT IN (SELECT value FROM json_each(?)) AND `+outside+`
		ORDER BY i.project, length(i.issue_key), i.issue_key`, site.ID, jsonList(keys), jsonList(ids))
	if err != nil {
		return nil, fmt.Errorf("read the issues yours link to: %w", err)
	}
	return append(filed, linked...), nil
}

// addComments gives each of a site's issues every comment sync stored on
// it, by anyone, oldest first.
func (s *Store) addComments(ctx context.Context, siteID int64, issues []next.TeamIssue) error {
	ids, at := make([]string, len(issues)), make(map[string]int, len(issues))
	for i, is := range issues {
		ids[i], at[is.ID] = is.ID, i
	}
	rows, err := s.reader().QueryContext(ctx, `
		SELECT issue_id, source_id, author_id, author_name, author_type, occurred_at, body FROM activities
		WHERE site_id = ? AND source = 'comment' AND issue_id IN (SELECT value FROM json_each(?))
		ORDER BY occurred_at, source_id`, siteID, jsonList(ids))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var issueID, when string
		var c evidence.Comment
		if err := rows.Scan(&issueID, &c.ID, &c.Author.ID, &c.Author.DisplayName, &c.Author.AccountType, &when, &c.Text); err != nil {
			return err
		}
		if c.At, err = parseTime(when); err != nil {
			return err
		}
		is := &issues[at[issueID]]
		is.Comments, is.CommentTotal = append(is.Comments, c), is.CommentTotal+1
	}
	return rows.Err()
}

// YourClosedIssues are the done issues of the user's own sync on a site
// (next.Team.Closed), whatever the team's read holds, by key: each with
// the fix versions Jira gave as released, with their days, and every
// comment sync stored, oldest first. The team's read holds only the
// issues resolved lately; what the user closed for a later time ("we
// revisit after launch"), and the epic and releases that time waits on,
// are older.
func (s *Store) YourClosedIssues(ctx context.Context, siteID int64) ([]next.TeamIssue, error) {
	rows, err := s.reader().QueryContext(ctx, `
		SELECT issue, (SELECT json_group_object(json_extract(v.value, '$.name'), json_extract(v.value, '$.releaseDate'))
		          FROM json_each(CAST(raw AS TEXT), '$.fields.fixVersions') v
		          WHERE json_extract(v.value, '$.released') AND json_extract(v.value, '$.releaseDate') IS NOT NULL)
		FROM issues WHERE site_id = ? AND json_extract(issue, '$.status_category') = 'done'
		ORDER BY project, length(issue_key), issue_key`, siteID)
	if err != nil {
		return nil, fmt.Errorf("read your closed issues: %w", err)
	}
	defer rows.Close()
	var out []next.TeamIssue
	read := map[string]map[string]time.Time{}
	for rows.Next() {
		var data, dates string
		if err := rows.Scan(&data, &dates); err != nil {
			return nil, fmt.Errorf("read your closed issues: %w", err)
		}
		var ti next.TeamIssue
		if err := json.Unmarshal([]byte(data), &ti.Issue); err != nil {
			return nil, fmt.Errorf("decode stored issue: %w", err)
		}
		days, err := releaseDays(dates, read)
		if err != nil {
			return nil, fmt.Errorf("read the releases of %s: %w", ti.Key, err)
		}
		for _, name := range ti.FixVersions {
			if day, ok := days[name]; ok {
				ti.Releases = append(ti.Releases, next.Release{Name: name, Date: &day, Released: true})
			}
		}
		out = append(out, ti)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read your closed issues: %w", err)
	}
	if err := s.addComments(ctx, siteID, out); err != nil {
		return nil, fmt.Errorf("read the comments of your closed issues: %w", err)
	}
	return out, nil
}

// storedIssues reads the issues a query selects (one column, the stored
// issue), as team issues with no team fields.
func (s *Store) storedIssues(ctx context.Context, query string, args ...any) ([]next.TeamIssue, error) {
	return s.decodedIssues(ctx, func(data []byte, ti *next.TeamIssue) error { return json.Unmarshal(data, &ti.Issue) }, query, args...)
}

// decodedIssues reads the rows a query selects (one column of JSON) and
// decodes each into a team issue with decode.
func (s *Store) decodedIssues(ctx context.Context, decode func([]byte, *next.TeamIssue) error, query string, args ...any) ([]next.TeamIssue, error) {
	rows, err := s.reader().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []next.TeamIssue
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		var ti next.TeamIssue
		if err := decode([]byte(data), &ti); err != nil {
			return nil, fmt.Errorf("decode stored issue: %w", err)
		}
		out = append(out, ti)
	}
	return out, rows.Err()
}

// jsonList is a list of strings as a JSON array, for json_each: one
// parameter however many values, where IN (?, ?, …) would need as many.
func jsonList(values []string) string {
	data, _ := json.Marshal(slices.DeleteFunc(slices.Clone(values), func(v string) bool { return v == "" }))
	return string(data)
}

// YourVersions are the fix versions the user's own changes on a site put
// on issues, by issue id, oldest first: the team's read holds no changelog,
// and `next` says "you set it to …" of a version a release shipped without.
func (s *Store) YourVersions(ctx context.Context, siteID int64) (map[string][]next.VersionSet, error) {
	out := map[string][]next.VersionSet{}
	// LIKE narrows the read to histories that may touch the field (it
	// ignores case); which item sets it is told in Go.
	err := s.eachChange(ctx, "your fix versions", `
		SELECT issue_id, occurred_at, author_id, author_name, items FROM activities
		WHERE site_id = ? AND is_mine = 1 AND source = 'change' AND (items LIKE '%fixversion%' OR items LIKE '%fix version%')
		ORDER BY occurred_at, source_id`,
		func(issueID string, when time.Time, _ evidence.User, it evidence.ChangeItem) {
			if isFixVersion(it) && it.ToString != "" {
				out[issueID] = append(out[issueID], next.VersionSet{Version: it.ToString, At: when})
			}
		}, siteID)
	return out, err
}

// StatusMoves are the status changes, by anyone, in the changelogs sync
// read on a site (of the issues the user worked on), by issue id, oldest
// first: the team's read holds no changelog, and `next` says who moved an
// issue on after a word that set it aside.
func (s *Store) StatusMoves(ctx context.Context, siteID int64) (map[string][]next.StatusMove, error) {
	return fieldMoves[next.StatusMove](ctx, s, siteID, "status", func(it evidence.ChangeItem) bool {
		return it.FieldID == "status" || it.FieldID == "" && strings.EqualFold(it.Field, "status")
	})
}

// fieldMoves are the changes of one field, by anyone, in the changelogs
// sync read on a site, by issue id, oldest first, as M (next.StatusMove,
// next.SprintMove): word narrows the read to histories that may touch the
// field (LIKE ignores case), isField tells which item changes it.
func fieldMoves[M ~struct {
	By       evidence.User
	From, To string
	At       time.Time
}](ctx context.Context, s *Store, siteID int64, word string, isField func(evidence.ChangeItem) bool) (map[string][]M, error) {
	out := map[string][]M{}
	err := s.eachChange(ctx, word+" changes", `
		SELECT issue_id, occurred_at, author_id, author_name, items FROM activities
		WHERE site_id = ? AND source = 'change' AND items LIKE '%' || ? || '%'
		ORDER BY occurred_at, source_id`,
		func(issueID string, when time.Time, by evidence.User, it evidence.ChangeItem) {
			if isField(it) {
				out[issueID] = append(out[issueID], M{By: by, From: it.FromString, To: it.ToString, At: when})
			}
		}, siteID, word)
	return out, err
}

// eachChange calls each with every item of the change histories query
// reads with args (issue id, time, author id and name, items, in that
// order), and names what it reads as what in its errors.
func (s *Store) eachChange(ctx context.Context, what, query string,
	each func(issueID string, when time.Time, author evidence.User, it evidence.ChangeItem), args ...any) error {
	rows, err := s.reader().QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("read %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		var issueID, at, data string
		var author evidence.User
		if err := rows.Scan(&issueID, &at, &author.ID, &author.DisplayName, &data); err != nil {
			return fmt.Errorf("read %s: %w", what, err)
		}
		var items []evidence.ChangeItem
		if err := json.Unmarshal([]byte(data), &items); err != nil {
			return fmt.Errorf("decode the changes of issue %s: %w", issueID, err)
		}
		when, err := parseTime(at)
		if err != nil {
			return err
		}
		for _, it := range items {
			each(issueID, when, author, it)
		}
	}
	return rows.Err()
}

// isFixVersion reports whether a change item sets the Fix Version/s field,
// by its id on Cloud, else by the name old Jira Server gives it.
func isFixVersion(it evidence.ChangeItem) bool {
	if it.FieldID != "" {
		return it.FieldID == "fixVersions"
	}
	return evidence.EqualsAnyFold(it.Field, []string{"Fix Version", "Fix Version/s", "fixVersions"})
}

// RecordSuggestions remembers what `next` showed: a new suggestion is
// stamped now; one shown before keeps its first time and gets the current
// wording.
func (s *Store) RecordSuggestions(ctx context.Context, opps []next.Opportunity, now time.Time) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record suggestions: %w", err)
	}
	defer tx.Rollback()
	at := formatTime(now)
	for _, op := range opps {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO next_suggestions (id, site_id, issue_id, issue_key, detector, category, reason, action, suggested_at, last_shown_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET issue_key = excluded.issue_key, reason = excluded.reason, action = excluded.action,
				category = excluded.category, last_shown_at = excluded.last_shown_at`,
			op.ID, op.SiteID, op.IssueID, op.IssueKey, op.Detector, op.Category, op.Reason, op.Action, at, at); err != nil {
			return fmt.Errorf("record suggestion on %s: %w", op.IssueKey, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record suggestions: %w", err)
	}
	return nil
}

// MarkTaken marks each open suggestion of the site that the user has acted
// on in the suggested way since it was made: their earliest evidence item
// after the suggestion whose category (after curation, not excluded) is the
// suggested one, on the issue or on an issue of theirs linked to it or
// under it (the postmortem an incident lacked, a comment chasing the
// blocker itself).
func (s *Store) MarkTaken(ctx context.Context, siteID int64, now time.Time) (int, error) {
	// The issues a suggestion's work may be on are its own and the user's
	// issues that point at it (a link, a parent), read only among those
	// changed since the oldest open suggestion: work after a suggestion
	// changes the issue it is on, and open suggestions never expire.
	res, err := s.db.ExecContext(ctx, `
		WITH open AS (
			SELECT id, issue_id, issue_key, category, suggested_at FROM next_suggestions
			WHERE site_id = ?1 AND taken_at IS NULL),
		pointers AS (
			SELECT i.issue_id, json_extract(l.value, '$.other_key') AS key
			FROM issues i, json_each(i.issue, '$.links') l
			WHERE i.site_id = ?1 AND i.updated_at >= (SELECT min(suggested_at) FROM open)
			UNION
			SELECT i.issue_id, json_extract(i.issue, '$.parent_key')
			FROM issues i
			WHERE i.site_id = ?1 AND i.updated_at >= (SELECT min(suggested_at) FROM open)),
		related AS (
			SELECT id AS suggestion, issue_id FROM open
			UNION
			SELECT o.id, p.issue_id FROM open o JOIN pointers p ON p.key = o.issue_key),
		taken AS (
			SELECT o.id AS suggestion, e.id AS evidence_id, e.occurred_at,
			       row_number() OVER (PARTITION BY o.id ORDER BY e.occurred_at, e.id) AS nth
			FROM related r
			JOIN open o ON o.id = r.suggestion
			JOIN evidence e ON e.site_id = ?1 AND e.issue_id = r.issue_id AND e.occurred_at >= o.suggested_at
			LEFT JOIN curation c ON c.evidence_id = e.id
			WHERE coalesce(c.excluded, 0) = 0 AND coalesce(c.category, e.category) = o.category)
		UPDATE next_suggestions SET
			taken_at = (SELECT occurred_at FROM taken WHERE suggestion = next_suggestions.id AND nth = 1),
			evidence_id = (SELECT evidence_id FROM taken WHERE suggestion = next_suggestions.id AND nth = 1)
		WHERE id IN (SELECT suggestion FROM taken)`, siteID)
	if err != nil {
		return 0, fmt.Errorf("mark taken suggestions: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// Suggestions reads what `next` suggested, oldest first, with the site's
// links; site "" reads every site.
func (s *Store) Suggestions(ctx context.Context, site string) ([]next.Suggestion, error) {
	rows, err := s.reader().QueryContext(ctx, `
		SELECT n.id, n.site_id, s.name, s.url, n.issue_id, n.issue_key, n.detector, n.category, n.reason, n.action,
		       n.suggested_at, n.last_shown_at, coalesce(n.taken_at, ''), n.evidence_id,
		       coalesce(json_extract(t.issue, '$.summary'), json_extract(i.issue, '$.summary'), '')
		FROM next_suggestions n JOIN sites s ON s.id = n.site_id
		LEFT JOIN team_issues t ON t.site_id = n.site_id AND t.issue_id = n.issue_id
		LEFT JOIN issues i ON i.site_id = n.site_id AND i.issue_id = n.issue_id
		WHERE ? = '' OR s.name = ?
		ORDER BY n.suggested_at, n.issue_key, n.detector`, site, site)
	if err != nil {
		return nil, fmt.Errorf("read suggestions: %w", err)
	}
	defer rows.Close()
	var out []next.Suggestion
	for rows.Next() {
		var sg next.Suggestion
		var url, suggested, shown, taken string
		if err := rows.Scan(&sg.ID, &sg.SiteID, &sg.SiteName, &url, &sg.IssueID, &sg.IssueKey, &sg.Detector, &sg.Category,
			&sg.Reason, &sg.Action, &suggested, &shown, &taken, &sg.EvidenceID, &sg.Summary); err != nil {
			return nil, err
		}
		sg.IssueURL = evidence.Site{URL: url}.IssueURL(sg.IssueKey)
		if sg.SuggestedAt, err = parseTime(suggested); err != nil {
			return nil, err
		}
		if sg.LastShownAt, err = parseTime(shown); err != nil {
			return nil, err
		}
		if taken != "" {
			t, err := parseTime(taken)
			if err != nil {
				return nil, err
			}
			sg.TakenAt = &t
		}
		out = append(out, sg)
	}
	return out, rows.Err()
}

// teamWork reads the suggestions the user took whose evidence the
// portfolio holds: the claim "picked up N unowned PM tasks that were
// blocking the team", each linked to the user's own evidence.
func (s *Store) teamWork(ctx context.Context, p *evidence.Portfolio) error {
	kept := map[string]bool{}
	for _, ev := range p.Evidence {
		kept[ev.ID] = true
	}
	rows, err := s.reader().QueryContext(ctx, `
		SELECT s.name, s.url, n.issue_key, n.detector, n.category, n.suggested_at, n.taken_at, n.evidence_id
		FROM next_suggestions n JOIN sites s ON s.id = n.site_id
		WHERE n.taken_at IS NOT NULL
		ORDER BY n.taken_at, n.issue_key, n.detector`)
	if err != nil {
		return fmt.Errorf("read team work: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var w evidence.TeamWork
		var url, suggested, taken string
		if err := rows.Scan(&w.SiteName, &url, &w.IssueKey, &w.Detector, &w.Category, &suggested, &taken, &w.EvidenceID); err != nil {
			return err
		}
		if !kept[w.EvidenceID] {
			continue // excluded, or outside the portfolio's period or site
		}
		w.IssueURL = evidence.Site{URL: url}.IssueURL(w.IssueKey)
		if w.SuggestedAt, err = parseTime(suggested); err != nil {
			return err
		}
		if w.TakenAt, err = parseTime(taken); err != nil {
			return err
		}
		p.TeamWork = append(p.TeamWork, w)
	}
	return rows.Err()
}
