package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
)

// SavePage stores one page of issues in one transaction: the issues, their
// activities (replacing what was stored, so edited and deleted comments are
// reflected), the evidence classified in the user's activities (each
// record's Evidence, see evsync.Classify), and the sync cursor. A sync
// killed at any moment leaves whole pages or nothing.
func (s *Store) SavePage(ctx context.Context, site evidence.Site, records []evidence.IssueRecord, cursor time.Time) (evsync.PageResult, error) {
	var res evsync.PageResult
	s.pages.mu.Lock()
	defer s.pages.mu.Unlock()
	conn, err := s.pageConn(ctx)
	if err != nil {
		return res, fmt.Errorf("save page: %w", err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("save page: %w", err)
	}
	defer tx.Rollback()
	now := formatTime(s.now())
	prepare := s.pagePrepare(tx)
	w, err := newPageWriter(ctx, prepare, site)
	if err != nil {
		return res, err
	}
	for _, rec := range lastOfEachIssue(records) {
		if err := w.saveIssue(ctx, rec, now, &res); err != nil {
			return res, fmt.Errorf("save issue %s: %w", rec.Issue.Key, err)
		}
	}
	if err := w.flush(ctx, prepare); err != nil {
		return res, err
	}
	if times := w.bulkCandidateTimes(); len(times) > 0 {
		removed, err := dropBulkEvidence(ctx, prepare, site.ID, spansAround(times))
		if err != nil {
			return res, err
		}
		for _, id := range removed {
			if w.newEvidence[id] {
				res.NewEvidence--
			}
		}
	}
	if !cursor.IsZero() {
		move, err := prepare(ctx, `
			INSERT INTO sync_state (site_id, cursor, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (site_id) DO UPDATE SET cursor = max(cursor, excluded.cursor), updated_at = excluded.updated_at`)
		if err == nil {
			_, err = move.ExecContext(ctx, site.ID, formatTime(cursor), now)
		}
		if err != nil {
			return res, fmt.Errorf("move sync cursor: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("commit page: %w", err)
	}
	return res, nil
}

// lastOfEachIssue drops all but the last record of an issue that a page
// holds twice: the rows of a page are inserted together at its end.
func lastOfEachIssue(records []evidence.IssueRecord) []evidence.IssueRecord {
	last := make(map[string]int, len(records))
	for i, rec := range records {
		last[rec.Issue.ID] = i
	}
	if len(last) == len(records) {
		return records
	}
	out := make([]evidence.IssueRecord, 0, len(last))
	for i, rec := range records {
		if last[rec.Issue.ID] == i {
			out = append(out, rec)
		}
	}
	return out
}

// Columns of the rows a page inserts in bulk.
const (
	activityColumns = `activities (site_id, issue_id, source, source_id, author_id, author_name, author_type, occurred_at, body, items, is_mine)`
	evidenceColumns = `evidence (id, site_id, issue_id, source, source_id, category, rule, confidence, excerpt, why, occurred_at)`
)

// rowsPerInsert bounds a multi-row INSERT well under SQLite's 32,766
// parameters.
const rowsPerInsert = 256

// flush inserts the page's activities, then its evidence (which refers
// to them), up to rowsPerInsert rows a statement.
func (w *pageWriter) flush(ctx context.Context, prepare prepareFunc) error {
	for _, table := range []struct {
		what, columns string
		rows          [][]any
	}{{"activities", activityColumns, w.activityRows}, {"evidence", evidenceColumns, w.evidenceRows}} {
		if err := insertRows(ctx, prepare, table.columns, table.rows); err != nil {
			return fmt.Errorf("store %s: %w", table.what, err)
		}
	}
	w.activityRows, w.evidenceRows = nil, nil
	return nil
}

// insertRows inserts rows of equal width into table (with its column
// list), many to a statement, in statements of a few sizes (chunkSizes).
func insertRows(ctx context.Context, prepare prepareFunc, table string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	one := "(?" + strings.Repeat(", ?", len(rows[0])-1) + ")"
	args := make([]any, 0, rowsPerInsert*len(rows[0]))
	start := 0
	for _, n := range chunkSizes(len(rows), rowsPerInsert) {
		stmt, err := prepare(ctx, "INSERT INTO "+table+" VALUES "+one+strings.Repeat(", "+one, n-1))
		if err != nil {
			return err
		}
		args = args[:0]
		for _, r := range rows[start : start+n] {
			args = append(args, r...)
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return err
		}
		start += n
	}
	return nil
}

// pageWriter holds the statements one page reuses for every issue, and the
// activity and evidence rows it inserts at the end of the page, many to a
// statement.
type pageWriter struct {
	site evidence.Site
	// statusTimes are the times of the user's status changes on the page,
	// around which bulk edits are looked for (and the comments a bulk
	// transition posts, which fall within them); commentTimes the times of
	// the user's comments on the page by their text, of which those whose
	// text the page holds more than once are looked around too
	// (bulkCandidateTimes); newEvidence the ids the page added.
	statusTimes                   []time.Time
	commentTimes                  map[string][]time.Time
	newEvidence                   map[string]bool
	mineBefore, evidenceBefore    *sql.Stmt
	upsertIssue, deleteActivities *sql.Stmt
	activityRows, evidenceRows    [][]any
}

func newPageWriter(ctx context.Context, prepare prepareFunc, site evidence.Site) (*pageWriter, error) {
	w := &pageWriter{site: site, newEvidence: map[string]bool{}, commentTimes: map[string][]time.Time{}}
	stmts := []struct {
		dst   **sql.Stmt
		query string
	}{
		// is_mine is filtered in Go: as a SQL term it lures the planner to the
		// (site_id, is_mine) index, a scan of all the user's activities.
		{&w.mineBefore, `SELECT source, source_id, is_mine FROM activities WHERE site_id = ? AND issue_id = ?`},
		{&w.evidenceBefore, `SELECT id FROM evidence WHERE site_id = ? AND issue_id = ?`},
		{&w.upsertIssue, `
			INSERT INTO issues (site_id, issue_id, issue_key, project, updated_at, issue, raw, synced_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (site_id, issue_id) DO UPDATE SET
				issue_key = excluded.issue_key, project = excluded.project, updated_at = excluded.updated_at,
				issue = excluded.issue, raw = excluded.raw, synced_at = excluded.synced_at`},
		{&w.deleteActivities, `DELETE FROM activities WHERE site_id = ? AND issue_id = ?`},
	}
	for _, st := range stmts {
		stmt, err := prepare(ctx, st.query)
		if err != nil {
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*st.dst = stmt
	}
	return w, nil
}

func (w *pageWriter) saveIssue(ctx context.Context, rec evidence.IssueRecord, now string, res *evsync.PageResult) error {
	is := rec.Issue
	mineBefore, err := querySet(ctx, w.mineBefore, func(rows *sql.Rows) (string, error) {
		var src, id string
		var mine bool
		if err := rows.Scan(&src, &id, &mine); err != nil || !mine {
			return "", err
		}
		return src + "\x00" + id, nil
	}, w.site.ID, is.ID)
	if err != nil {
		return err
	}
	evidenceBefore, err := querySet(ctx, w.evidenceBefore, func(rows *sql.Rows) (string, error) {
		var id string
		err := rows.Scan(&id)
		return id, err
	}, w.site.ID, is.ID)
	if err != nil {
		return err
	}
	issueJSON, err := json.Marshal(is)
	if err != nil {
		return err
	}
	if _, err := w.upsertIssue.ExecContext(ctx, w.site.ID, is.ID, is.Key, is.Project, formatTime(is.Updated),
		string(issueJSON), rec.Raw, now); err != nil {
		return fmt.Errorf("store issue: %w", err)
	}
	if _, err := w.deleteActivities.ExecContext(ctx, w.site.ID, is.ID); err != nil {
		return fmt.Errorf("clear activities: %w", err)
	}
	for _, a := range rec.Activities {
		mine := a.Mine(is, w.site.User)
		items, err := json.Marshal(a.Items)
		if err != nil {
			return err
		}
		if a.Items == nil {
			items = []byte("[]")
		}
		w.activityRows = append(w.activityRows, []any{w.site.ID, is.ID, string(a.Source), a.SourceID,
			a.Author.ID, a.Author.DisplayName, a.Author.AccountType, formatTime(a.At), a.Text, string(items), mine})
		if !mine {
			continue
		}
		if !mineBefore[string(a.Source)+"\x00"+a.SourceID] {
			res.NewActivities++
		}
		switch {
		case a.Source == evidence.SourceComment:
			if text := strings.Join(strings.Fields(a.Text), " "); text != "" {
				w.commentTimes[text] = append(w.commentTimes[text], a.At)
			}
		case a.Source == evidence.SourceChange && changesStatus(a.Items):
			w.statusTimes = append(w.statusTimes, a.At)
		}
	}
	for _, ev := range rec.Evidence {
		w.evidenceRows = append(w.evidenceRows, []any{ev.ID, w.site.ID, ev.IssueID, string(ev.Source), ev.SourceID,
			ev.Category, ev.Rule, ev.Confidence, ev.Excerpt, ev.Why, formatTime(ev.OccurredAt)})
		if !evidenceBefore[ev.ID] {
			res.NewEvidence++
			w.newEvidence[ev.ID] = true
		}
	}
	res.Issues++
	return nil
}

// bulkCandidateTimes are the times around which the page's bulk edits are
// looked for: its status changes, and its comments whose text it holds more
// than once (a bulk edit that only comments). Looking around every comment
// cost a sixth of a first sync. A run of one text that ends with a single
// comment on the next page leaves that comment's evidence.
func (w *pageWriter) bulkCandidateTimes() []time.Time {
	times := w.statusTimes
	for _, at := range w.commentTimes {
		if len(at) > 1 {
			times = append(times, at...)
		}
	}
	return times
}

// querySet runs a prepared query and collects one string per row.
func querySet(ctx context.Context, stmt *sql.Stmt, scan func(*sql.Rows) (string, error), args ...any) (map[string]bool, error) {
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	set := map[string]bool{}
	for rows.Next() {
		k, err := scan(rows)
		if err != nil {
			return nil, err
		}
		if k != "" {
			set[k] = true
		}
	}
	return set, rows.Err()
}

// reclassify rebuilds all machine evidence from the stored activities with
// classify, in one transaction and with no network, and records identity,
// when not empty, as the classification of the evidence (ClassifiedWith)
// in the same transaction. Curation is keyed by stable evidence ids and is
// untouched. It returns the evidence count.
func (s *Store) reclassify(ctx context.Context, classify evidence.ClassifyFunc, identity string) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("reclassify: %w", err)
	}
	defer tx.Rollback()
	sites, err := s.Sites(ctx)
	if err != nil {
		return 0, err
	}
	var found []evidence.Evidence
	for _, site := range sites {
		evs, err := classifyStored(ctx, tx, site, classify)
		if err != nil {
			return 0, fmt.Errorf("reclassify %s: %w", site.Name, err)
		}
		found = append(found, evs...)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM evidence`); err != nil {
		return 0, fmt.Errorf("reclassify: clear evidence: %w", err)
	}
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO evidence (id, site_id, issue_id, source, source_id, category, rule, confidence, excerpt, why, occurred_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for _, ev := range found {
		if _, err := stmt.ExecContext(ctx, ev.ID, ev.SiteID, ev.IssueID, string(ev.Source), ev.SourceID,
			ev.Category, ev.Rule, ev.Confidence, ev.Excerpt, ev.Why, formatTime(ev.OccurredAt)); err != nil {
			return 0, fmt.Errorf("reclassify: store evidence: %w", err)
		}
	}
	n := len(found)
	for _, site := range sites {
		removed, err := dropBulkEvidence(ctx, txPrepare(tx), site.ID, nil)
		if err != nil {
			return 0, fmt.Errorf("reclassify %s: %w", site.Name, err)
		}
		n -= len(removed)
	}
	if identity != "" {
		if err := recordClassifier(ctx, tx, identity, s.now()); err != nil {
			return 0, err
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("reclassify: commit: %w", err)
	}
	return n, nil
}

// classifyStored runs classify over one site's stored activities of its
// user. Other people's comments are read too: they are the questions the
// user's comments answer (markup.WithReplies).
func classifyStored(ctx context.Context, tx *sql.Tx, site evidence.Site, classify evidence.ClassifyFunc) ([]evidence.Evidence, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT a.issue_id, a.source, a.source_id, a.author_id, a.author_name, a.author_type, a.occurred_at, a.body, a.items, a.is_mine, i.issue
		FROM activities a JOIN issues i ON i.site_id = a.site_id AND i.issue_id = a.issue_id
		WHERE a.site_id = ? AND (a.is_mine = 1 OR a.source = 'comment')
		ORDER BY a.issue_id, a.occurred_at, a.source, a.source_id`, site.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		found     []evidence.Evidence
		issue     evidence.Issue
		acts      []evidence.Activity
		issueJSON []byte
	)
	flush := func() {
		undone := evidence.UndoneLinks(acts, issue, site.User)
		for _, a := range markup.WithReplies(acts) {
			if !a.Mine(issue, site.User) || a.Source == evidence.SourceChange && undone[a.SourceID] {
				continue
			}
			for _, ev := range classify(a, issue, site.User) {
				ev.ID = evidence.EvidenceID(site.Key(), a.IssueID, ev.Source, ev.SourceID, ev.Category)
				ev.SiteID = site.ID
				found = append(found, ev)
			}
		}
		acts = acts[:0]
	}
	for rows.Next() {
		var a evidence.Activity
		var at, items string
		var mine bool
		if err := rows.Scan(&a.IssueID, &a.Source, &a.SourceID, &a.Author.ID, &a.Author.DisplayName, &a.Author.AccountType,
			&at, &a.Text, &items, &mine, &issueJSON); err != nil {
			return nil, err
		}
		if a.At, err = parseTime(at); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(items), &a.Items); err != nil {
			return nil, fmt.Errorf("activity %s %s items: %w", a.Source, a.SourceID, err)
		}
		if len(acts) == 0 || a.IssueID != acts[0].IssueID {
			flush()
			issue = evidence.Issue{}
			if err := json.Unmarshal(issueJSON, &issue); err != nil {
				return nil, fmt.Errorf("issue %s: %w", a.IssueID, err)
			}
		}
		if mine != a.Mine(issue, site.User) {
			return nil, fmt.Errorf("activity %s %s: stored as the user's but not by them", a.Source, a.SourceID)
		}
		acts = append(acts, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	flush()
	return found, nil
}

// RecordSyncRun appends a run to the sync log.
func (s *Store) RecordSyncRun(ctx context.Context, run evsync.SyncRun) error {
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO sync_runs (site_id, started_at, finished_at, result, issues, new_activities, new_evidence, requests, error)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		run.SiteID, formatTime(run.Started), formatTime(run.Finished), run.Result, run.Issues,
		run.NewActivities, run.NewEvidence, run.Requests, run.Error)
	if err != nil {
		return fmt.Errorf("record sync run: %w", err)
	}
	return nil
}

// LastCompleteSync is when the newest sync of a site that completed
// finished; ok is false if none has.
func (s *Store) LastCompleteSync(ctx context.Context, siteID int64) (finished time.Time, ok bool, err error) {
	var at string
	err = s.db.QueryRowContext(ctx, `
		SELECT finished_at FROM sync_runs WHERE site_id = ? AND result = 'ok' ORDER BY id DESC LIMIT 1`, siteID).Scan(&at)
	if err == sql.ErrNoRows {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("read sync log: %w", err)
	}
	if finished, err = parseTime(at); err != nil {
		return time.Time{}, false, err
	}
	return finished, true, nil
}

// LastSyncRun returns the newest run of a site; ok is false if there is none.
func (s *Store) LastSyncRun(ctx context.Context, siteID int64) (run evsync.SyncRun, ok bool, err error) {
	var started, finished string
	err = s.db.QueryRowContext(ctx, `
		SELECT site_id, started_at, finished_at, result, issues, new_activities, new_evidence, requests, error
		FROM sync_runs WHERE site_id = ? ORDER BY id DESC LIMIT 1`, siteID).Scan(
		&run.SiteID, &started, &finished, &run.Result, &run.Issues, &run.NewActivities, &run.NewEvidence,
		&run.Requests, &run.Error)
	if err == sql.ErrNoRows {
		return evsync.SyncRun{}, false, nil
	}
	if err != nil {
		return evsync.SyncRun{}, false, fmt.Errorf("read sync log: %w", err)
	}
	if run.Started, err = parseTime(started); err != nil {
		return evsync.SyncRun{}, false, err
	}
	if run.Finished, err = parseTime(finished); err != nil {
		return evsync.SyncRun{}, false, err
	}
	return run, true, nil
}
