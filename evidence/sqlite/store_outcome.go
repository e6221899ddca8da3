package sqlite

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// ErrNoIssue means no stored issue has the given key.
var ErrNoIssue = errors.New("no such issue")

// ErrAmbiguousIssue means the key names issues on more than one site.
var ErrAmbiguousIssue = errors.New("issue key is on more than one site")

// OutcomeEntry is the user's statement of an initiative's result.
type OutcomeEntry struct {
	Site     string // site name
	IssueKey string // the issue's current key, or the one it had when the outcome was set
	Text     string
}

// issueByKey finds the stored issue with that key (any case), on the named
// site or, when site is empty, on the only site that has it.
func (s *Store) issueByKey(ctx context.Context, site, key string) (siteID int64, issueID, currentKey string, err error) {
	key = strings.ToUpper(strings.TrimSpace(key))
	rows, err := s.db.QueryContext(ctx, `
		SELECT i.site_id, i.issue_id, i.issue_key FROM issues i JOIN sites s ON s.id = i.site_id
		WHERE i.issue_key = ? AND (? = '' OR s.name = ?) LIMIT 2`, key, site, site)
	if err != nil {
		return 0, "", "", fmt.Errorf("find issue %s: %w", key, err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		if err := rows.Scan(&siteID, &issueID, &currentKey); err != nil {
			return 0, "", "", fmt.Errorf("find issue %s: %w", key, err)
		}
	}
	if err := rows.Err(); err != nil {
		return 0, "", "", fmt.Errorf("find issue %s: %w", key, err)
	}
	switch n {
	case 0:
		return 0, "", "", fmt.Errorf("%w: %s", ErrNoIssue, key)
	case 1:
		return siteID, issueID, currentKey, nil
	}
	return 0, "", "", fmt.Errorf("%w: %s", ErrAmbiguousIssue, key)
}

// SetOutcome records the user's statement of what the issue (an epic,
// usually) achieved, replacing any earlier one. It is curation: no sync or
// reclassify touches it.
func (s *Store) SetOutcome(ctx context.Context, site, key, text string) (OutcomeEntry, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return OutcomeEntry{}, errors.New("set outcome: the text is empty")
	}
	siteID, issueID, current, err := s.issueByKey(ctx, site, key)
	if err != nil {
		return OutcomeEntry{}, err
	}
	if _, err := s.db.ExecContext(ctx, `
		INSERT INTO outcomes (site_id, issue_id, issue_key, text, updated_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (site_id, issue_id) DO UPDATE SET issue_key = excluded.issue_key, text = excluded.text, updated_at = excluded.updated_at`,
		siteID, issueID, current, text, formatTime(s.now())); err != nil {
		return OutcomeEntry{}, fmt.Errorf("set outcome of %s: %w", current, err)
	}
	var name string
	if err := s.db.QueryRowContext(ctx, `SELECT name FROM sites WHERE id = ?`, siteID).Scan(&name); err != nil {
		return OutcomeEntry{}, fmt.Errorf("set outcome of %s: %w", current, err)
	}
	return OutcomeEntry{Site: name, IssueKey: current, Text: text}, nil
}

// IsInitiative reports whether exports can tell an outcome of the issue:
// it is an epic, or other issues sit under it. It returns the key of the
// issue it sits under, where its outcome belongs when it is not one.
func (s *Store) IsInitiative(ctx context.Context, site, key string) (bool, string, error) {
	siteID, issueID, current, err := s.issueByKey(ctx, site, key)
	if err != nil {
		return false, "", err
	}
	var initiative bool
	var parent string
	if err := s.db.QueryRowContext(ctx, `
		SELECT coalesce(json_extract(i.issue, '$.type'), '') = 'Epic' OR EXISTS (
		           SELECT 1 FROM issues c WHERE c.site_id = i.site_id AND json_extract(c.issue, '$.parent_key') = i.issue_key),
		       coalesce(json_extract(i.issue, '$.parent_key'), '')
		FROM issues i WHERE i.site_id = ? AND i.issue_id = ?`, siteID, issueID).Scan(&initiative, &parent); err != nil {
		return false, "", fmt.Errorf("read issue %s: %w", current, err)
	}
	return initiative, parent, nil
}

// RemoveOutcome deletes the user's outcome of an issue; it reports whether
// there was one.
func (s *Store) RemoveOutcome(ctx context.Context, site, key string) (bool, error) {
	siteID, issueID, current, err := s.issueByKey(ctx, site, key)
	if err != nil {
		return false, err
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM outcomes WHERE site_id = ? AND issue_id = ?`, siteID, issueID)
	if err != nil {
		return false, fmt.Errorf("remove outcome of %s: %w", current, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// Outcomes lists the user's outcomes by site and key, with the issues'
// current keys.
func (s *Store) Outcomes(ctx context.Context) ([]OutcomeEntry, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT coalesce(s.name, ''), coalesce(i.issue_key, o.issue_key), o.text
		FROM outcomes o LEFT JOIN sites s ON s.id = o.site_id
		LEFT JOIN issues i ON i.site_id = o.site_id AND i.issue_id = o.issue_id
		ORDER BY 1, 2`)
	if err != nil {
		return nil, fmt.Errorf("read outcomes: %w", err)
	}
	defer rows.Close()
	var out []OutcomeEntry
	for rows.Next() {
		var o OutcomeEntry
		if err := rows.Scan(&o.Site, &o.IssueKey, &o.Text); err != nil {
			return nil, fmt.Errorf("read outcomes: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// epicDetails fills what the portfolio's epics say about themselves: the
// goal in the description, the status and resolution, the comments, and the
// user's outcome.
func (s *Store) epicDetails(ctx context.Context, p *evidence.Portfolio) error {
	if len(p.Epics) == 0 {
		return nil
	}
	type storedIssue struct {
		site    int64
		issueID string
	}
	index := make(map[siteKey]int, len(p.Epics))
	for i, ep := range p.Epics {
		index[siteKey{ep.SiteName, ep.Key}] = i
	}
	rows, err := s.reader().QueryContext(ctx, `
		SELECT s.name, i.site_id, i.issue_id, i.issue_key, i.issue, `+assigneeActed("i")+`, coalesce(o.text, '')
		FROM issues i JOIN sites s ON s.id = i.site_id
		LEFT JOIN outcomes o ON o.site_id = i.site_id AND o.issue_id = i.issue_id
		WHERE json_extract(i.issue, '$.type') = 'Epic' OR o.text IS NOT NULL`)
	if err != nil {
		return fmt.Errorf("read epics: %w", err)
	}
	defer rows.Close()
	epicOf := make(map[storedIssue]int)
	for rows.Next() {
		var (
			site, key, outcome string
			stored             storedIssue
			raw                []byte
			acted              bool
		)
		if err := rows.Scan(&site, &stored.site, &stored.issueID, &key, &raw, &acted, &outcome); err != nil {
			return fmt.Errorf("read epics: %w", err)
		}
		i, ok := index[siteKey{site, key}]
		if !ok {
			continue
		}
		var is evidence.Issue
		if err := json.Unmarshal(raw, &is); err != nil {
			return fmt.Errorf("read epic %s: %w", key, err)
		}
		ep := &p.Epics[i]
		ep.Goal = markup.PlainText(is.Description)
		ep.Status, ep.StatusCategory, ep.Resolution, ep.Resolved = is.Status, is.StatusCategory, is.Resolution, is.Resolved
		ep.Outcome = outcome
		ep.Issues = append(ep.Issues, evidence.EpicIssue{Key: key, Assignee: is.Assignee, AssigneeActed: acted, Created: is.Created,
			Summary: is.Summary, Resolved: is.Resolved, Dropped: is.Dropped()})
		epicOf[stored] = i
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read epics: %w", err)
	}
	rows.Close()
	if err := s.epicIssues(ctx, p, index); err != nil {
		return err
	}

	// The epics first, once each, then their comments by the activities'
	// key: reading the type out of every commented issue's JSON took seconds
	// on a large site.
	comments, err := s.reader().QueryContext(ctx, `
		WITH epics AS MATERIALIZED (
			SELECT site_id, issue_id FROM issues WHERE json_extract(issue, '$.type') = 'Epic')
		SELECT a.site_id, a.issue_id, a.source_id, a.author_id, a.author_name, a.occurred_at, a.body
		FROM epics e JOIN activities a ON a.site_id = e.site_id AND a.issue_id = e.issue_id AND a.source = 'comment'
		WHERE NOT EXISTS (
			-- A comment of the user's they excluded from the portfolio is
			-- not quoted as an initiative's outcome either.
			SELECT 1 FROM evidence ev JOIN curation c ON c.evidence_id = ev.id AND c.excluded = 1
			WHERE ev.site_id = a.site_id AND ev.issue_id = a.issue_id AND ev.source = a.source AND ev.source_id = a.source_id)
		ORDER BY a.occurred_at, a.source_id`)
	if err != nil {
		return fmt.Errorf("read epic comments: %w", err)
	}
	defer comments.Close()
	epicSite := make(map[int]int64, len(epicOf))
	for stored, i := range epicOf {
		epicSite[i] = stored.site
	}
	for comments.Next() {
		var (
			stored   storedIssue
			c        evidence.Comment
			at, body string
		)
		if err := comments.Scan(&stored.site, &stored.issueID, &c.ID, &c.Author.ID, &c.Author.DisplayName, &at, &body); err != nil {
			return fmt.Errorf("read epic comments: %w", err)
		}
		i, ok := epicOf[stored]
		if !ok {
			continue
		}
		if c.At, err = parseTime(at); err != nil {
			return err
		}
		c.Text = commentText(body)
		p.Epics[i].Comments = append(p.Epics[i].Comments, c)
	}
	if err := comments.Err(); err != nil {
		return fmt.Errorf("read epic comments: %w", err)
	}
	// An outcome quotes a comment as an excerpt quotes it: "Thanks Anil
	// Kulkarni", not "Thanks @user".
	quotes := map[int64][]*string{}
	for i := range p.Epics {
		for j := range p.Epics[i].Comments {
			quotes[epicSite[i]] = append(quotes[epicSite[i]], &p.Epics[i].Comments[j].Text)
		}
	}
	return s.nameQuotes(ctx, quotes)
}

// siteKey names an issue or a project on one of the store's sites.
type siteKey struct{ site, key string }

// epicIssues adds to the portfolio's epics (at index, by site and key)
// the issues under them the store holds.
func (s *Store) epicIssues(ctx context.Context, p *evidence.Portfolio, index map[siteKey]int) error {
	rows, err := s.reader().QueryContext(ctx, `
		SELECT s.name, i.issue_key, parent, coalesce(json_extract(i.issue, '$.assignee.id'), ''),
		       coalesce(json_extract(i.issue, '$.assignee.display_name'), ''),
		       coalesce(json_extract(i.issue, '$.created'), ''), `+assigneeActed("i")+`,
		       coalesce(json_extract(i.issue, '$.summary'), ''), coalesce(json_extract(i.issue, '$.status'), ''),
		       coalesce(json_extract(i.issue, '$.status_category'), ''), coalesce(json_extract(i.issue, '$.resolution'), ''),
		       coalesce(json_extract(i.issue, '$.resolved'), '')
		FROM (SELECT site_id, issue_id, issue_key, issue, json_extract(issue, '$.parent_key') AS parent FROM issues) i
		JOIN sites s ON s.id = i.site_id
		WHERE parent IS NOT NULL
		ORDER BY s.name, i.issue_key`)
	if err != nil {
		return fmt.Errorf("read epic issues: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var site, key, parent, created, resolved string
		var is evidence.EpicIssue
		var end evidence.Issue // how the issue ended, for Dropped
		if err := rows.Scan(&site, &key, &parent, &is.Assignee.ID, &is.Assignee.DisplayName, &created, &is.AssigneeActed,
			&is.Summary, &end.Status, &end.StatusCategory, &end.Resolution, &resolved); err != nil {
			return fmt.Errorf("read epic issues: %w", err)
		}
		i, ok := index[siteKey{site, parent}]
		if !ok {
			continue
		}
		is.Key = key
		if created != "" {
			// The issue's JSON, not a column: time.Time's own format.
			if is.Created, err = time.Parse(time.RFC3339Nano, created); err != nil {
				return fmt.Errorf("read epic issue %s: %w", key, err)
			}
		}
		if resolved != "" {
			at, err := time.Parse(time.RFC3339Nano, resolved)
			if err != nil {
				return fmt.Errorf("read epic issue %s resolved: %w", key, err)
			}
			end.Resolved, is.Resolved = &at, &at
			is.Dropped = end.Dropped()
		}
		p.Epics[i].Issues = append(p.Epics[i].Issues, is)
	}
	return rows.Err()
}

// commentText is a comment's body (wiki markup or ADF) as plain text with
// its mentions kept for nameQuotes to name (markup.KeepMentions).
func commentText(body string) string {
	return markup.KeepMentions(markup.PlainText(body), body)
}

// issueOutcomes fills the portfolio's outcomes of issues that are none of
// its epics (epicDetails gives theirs), on the sites it covers.
func (s *Store) issueOutcomes(ctx context.Context, p *evidence.Portfolio) error {
	rows, err := s.reader().QueryContext(ctx, `
		SELECT s.name, i.issue_key, o.text
		FROM outcomes o JOIN issues i ON i.site_id = o.site_id AND i.issue_id = o.issue_id
		JOIN sites s ON s.id = o.site_id
		ORDER BY s.name, i.issue_key`)
	if err != nil {
		return fmt.Errorf("read outcomes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var o evidence.IssueOutcome
		if err := rows.Scan(&o.SiteName, &o.Key, &o.Text); err != nil {
			return fmt.Errorf("read outcomes: %w", err)
		}
		epic := slices.ContainsFunc(p.Epics, func(ep evidence.Epic) bool { return ep.SiteName == o.SiteName && ep.Key == o.Key })
		if !epic && slices.ContainsFunc(p.Sites, func(s evidence.Site) bool { return s.Name == o.SiteName }) {
			p.IssueOutcomes = append(p.IssueOutcomes, o)
		}
	}
	return rows.Err()
}

// ownComments fills the user's own comments on the done issues of the
// portfolio's evidence that are none of its epics (epicDetails gives
// theirs): an export reads how the work on such an issue ended from them,
// and the comment that says so is often no evidence ("4.12 is live. Zero
// rollback."). An issue not done yet has no result to read, unless
// someone answered the user on it (p.Replies, read first): what they
// wrote after that exchange says how it went ("banner is showing on
// 5.4, 61% of active users already on it", after "ok, 24th then"). So
// of the done issues under its epics (doneUnderEpics).
// Reading every comment of a long career costs an export time. A comment
// the user excluded is left out, as of an epic.
func (s *Store) ownComments(ctx context.Context, p *evidence.Portfolio) error {
	epics := make(map[siteKey]bool, len(p.Epics))
	for _, ep := range p.Epics {
		epics[siteKey{ep.SiteName, ep.Key}] = true
	}
	answered := make(map[siteKey]bool, len(p.Replies))
	for _, r := range p.Replies {
		answered[siteKey{r.SiteName, r.Key}] = true
	}
	var wanted []wantedRow
	seen := map[wantedRow]bool{}
	read := map[siteKey]bool{}
	for _, ev := range p.Evidence {
		stored := wantedRow{Site: ev.SiteID, Issue: ev.IssueID}
		if ev.Manual || ev.IssueID == "" || ev.IssueStatusCategory != evidence.StatusCategoryEnd && !answered[siteKey{ev.SiteName, ev.IssueKey}] || epics[siteKey{ev.SiteName, ev.IssueKey}] {
			continue
		}
		if !seen[stored] {
			seen[stored] = true
			wanted = append(wanted, stored)
			read[siteKey{ev.SiteName, ev.IssueKey}] = true
		}
	}
	wanted = append(wanted, doneUnderEpics(p, read)...)
	issues, err := s.readComments(ctx, commentsRead{
		what: "read own comments", wanted: wanted, authors: true,
		rows: `wanted w JOIN activities a ON a.site_id = w.site_id AND a.issue_id = w.issue_id AND a.source = 'comment' AND a.is_mine = 1
		AND NOT EXISTS (
			SELECT 1 FROM evidence ev JOIN curation c ON c.evidence_id = ev.id AND c.excluded = 1
			WHERE ev.site_id = a.site_id AND ev.issue_id = a.issue_id AND ev.source = a.source AND ev.source_id = a.source_id)`,
	})
	if err != nil {
		return err
	}
	p.OwnComments, err = s.portfolioComments(ctx, issues)
	return err
}

// doneUnderEpics are the issues done under the portfolio's epics that no
// evidence is on (read has the others), by key: a retro the user wrote
// there ("vendor drop for 4.13 came without rollback script") says how an
// agreement quoted on another issue of the epic held.
func doneUnderEpics(p *evidence.Portfolio, read map[siteKey]bool) []wantedRow {
	siteIDs := make(map[string]int64, len(p.Sites))
	for _, site := range p.Sites {
		siteIDs[site.Name] = site.ID
	}
	var wanted []wantedRow
	for _, ep := range p.Epics {
		for _, is := range ep.Issues {
			if is.Key == ep.Key || is.Resolved == nil || is.Dropped || read[siteKey{ep.SiteName, is.Key}] {
				continue
			}
			read[siteKey{ep.SiteName, is.Key}] = true
			wanted = append(wanted, wantedRow{Site: siteIDs[ep.SiteName], Key: is.Key})
		}
	}
	return wanted
}

// doneIssues fills the portfolio's DoneIssues and NamedIssues from the
// issues the store holds, the user's or their team's: of those the
// evidence is on or names by key in its excerpts, the ones resolved with
// their work done; of those it only names, what each is and its status.
func (s *Store) doneIssues(ctx context.Context, p *evidence.Portfolio) error {
	type namedIssue struct {
		Site string `json:"site"`
		Key  string `json:"key"`
	}
	var wanted []namedIssue
	seen, on := map[namedIssue]bool{}, map[namedIssue]bool{}
	want := func(site, key string) {
		if named := (namedIssue{site, key}); !seen[named] {
			seen[named] = true
			wanted = append(wanted, named)
		}
	}
	for _, ev := range p.Evidence {
		if ev.Manual {
			continue
		}
		on[namedIssue{ev.SiteName, ev.IssueKey}] = true
		want(ev.SiteName, ev.IssueKey)
		for _, key := range evidence.IssueKey.FindAllString(ev.Excerpt, -1) {
			want(ev.SiteName, key)
		}
	}
	if len(wanted) == 0 {
		return nil
	}
	list, err := json.Marshal(wanted)
	if err != nil {
		return fmt.Errorf("read done issues: %w", err)
	}
	// Only the fields that say how an issue ended: an issue's JSON holds
	// its whole description. The user's own copy of an issue comes before
	// the team's.
	rows, err := s.reader().QueryContext(ctx, `
		WITH wanted AS MATERIALIZED (
			SELECT json_extract(value, '$.site') AS site, json_extract(value, '$.key') AS issue_key FROM json_each(?1))
		SELECT s.name, s.url, i.issue_key, coalesce(json_extract(i.issue, '$.summary'), ''), coalesce(json_extract(i.issue, '$.status'), ''),
		       coalesce(json_extract(i.issue, '$.status_category'), ''), coalesce(json_extract(i.issue, '$.resolution'), ''),
		       coalesce(json_extract(i.issue, '$.resolved'), '')
		FROM wanted w JOIN sites s ON s.name = w.site
		JOIN (SELECT site_id, issue_key, issue, 0 AS team FROM issues
		      UNION ALL SELECT site_id, issue_key, issue, 1 FROM team_issues) i ON i.site_id = s.id AND i.issue_key = w.issue_key
		ORDER BY s.name, i.issue_key, i.team`, string(list))
	if err != nil {
		return fmt.Errorf("read done issues: %w", err)
	}
	defer rows.Close()
	var last namedIssue
	for rows.Next() {
		var (
			site, url, resolved string
			is                  evidence.Issue
		)
		if err := rows.Scan(&site, &url, &is.Key, &is.Summary, &is.Status, &is.StatusCategory, &is.Resolution, &resolved); err != nil {
			return fmt.Errorf("read done issues: %w", err)
		}
		named := namedIssue{site, is.Key}
		if named == last {
			continue // the team's copy of an issue the user's copy told
		}
		last = named
		issueURL := evidence.Site{URL: url}.IssueURL(is.Key)
		if !on[named] {
			p.NamedIssues = append(p.NamedIssues, evidence.NamedIssue{SiteName: site, Key: is.Key, URL: issueURL, Summary: is.Summary, StatusCategory: is.StatusCategory})
		}
		if resolved == "" {
			continue
		}
		// As the issue's JSON has it (Go's time format), not as the
		// store writes its own times.
		at, err := time.Parse(time.RFC3339Nano, resolved)
		if err != nil {
			return fmt.Errorf("read done issues: %s resolved: %w", is.Key, err)
		}
		is.Resolved = &at
		if !is.Dropped() {
			p.DoneIssues = append(p.DoneIssues, evidence.DoneIssue{SiteName: site, Key: is.Key, URL: issueURL, Resolved: at})
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read done issues: %w", err)
	}
	return nil
}
