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
)

// Evidence reads evidence items with curation applied, ordered by
// OccurredAt then ID: machine evidence and the user's manual items, with
// how long each block the user cleared had stood.
func (s *Store) Evidence(ctx context.Context, f evidence.Filter) ([]evidence.Evidence, error) {
	out, err := s.machineItems(ctx, f)
	if err != nil {
		return nil, err
	}
	if err := s.measureBlocks(ctx, out); err != nil {
		return nil, err
	}
	if err := s.nameMentions(ctx, out); err != nil {
		return nil, err
	}
	if f.IssueKey == nil && f.Site == nil {
		manual, err := s.manualEvidence(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, manual...)
	}
	slices.SortFunc(out, func(a, b evidence.Evidence) int { return evidence.ByOccurrence(&a, &b) })
	return out, nil
}

// machineItems reads the classifier's evidence that the filter keeps, with
// its issue's fields and the user's curation applied.
func (s *Store) machineItems(ctx context.Context, f evidence.Filter) ([]evidence.Evidence, error) {
	query, args := machineItemsQuery(f)
	rows, err := s.reader().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read evidence: %w", err)
	}
	defer rows.Close()
	var out []evidence.Evidence
	releases := map[string]map[string]time.Time{} // release_dates read, by its JSON
	for rows.Next() {
		var (
			ev                                        evidence.Evidence
			at, siteURL, recatTo, fixVersions, labels string
			released, links, resolved, created        string
			releaseDates                              string
		)
		if err := rows.Scan(&ev.ID, &ev.SiteID, &ev.IssueID, &ev.Source, &ev.SourceID, &ev.Category, &ev.Rule,
			&ev.Confidence, &ev.Excerpt, &ev.Why, &at, &ev.SiteName, &siteURL, &ev.IssueKey, &ev.IssueSummary,
			&ev.IssueType, &ev.IssueProject, &ev.IssueParent, &ev.IssueAssignee.ID, &ev.IssueAssignee.DisplayName, &ev.IssueAssigneeActed,
			&ev.IssueReporter.ID, &ev.IssueReporter.DisplayName, &created, &ev.IssueStatusCategory, &fixVersions, &released, &releaseDates, &labels, &links, &resolved, &ev.Excluded, &ev.Note, &recatTo); err != nil {
			return nil, fmt.Errorf("read evidence: %w", err)
		}
		if links != "" {
			var linked []evidence.IssueLink
			if err := json.Unmarshal([]byte(links), &linked); err != nil {
				return nil, fmt.Errorf("read evidence %s: links: %w", ev.ID, err)
			}
			for _, l := range linked {
				if l.OtherKey != "" {
					ev.IssueLinks = append(ev.IssueLinks, l.OtherKey)
				}
			}
		}
		if resolved != "" {
			// As the issue's JSON has it (Go's time format), not as the
			// store writes its own times.
			t, err := time.Parse(time.RFC3339Nano, resolved)
			if err != nil {
				return nil, fmt.Errorf("read evidence %s: resolved: %w", ev.ID, err)
			}
			ev.IssueResolved = &t
		}
		if created != "" {
			if ev.IssueCreated, err = time.Parse(time.RFC3339Nano, created); err != nil {
				return nil, fmt.Errorf("read evidence %s: created: %w", ev.ID, err)
			}
		}
		if fixVersions != "" {
			if err := json.Unmarshal([]byte(fixVersions), &ev.IssueFixVersions); err != nil {
				return nil, fmt.Errorf("read evidence %s: fix versions: %w", ev.ID, err)
			}
		}
		if released != "" {
			if err := json.Unmarshal([]byte(released), &ev.IssueReleasedVersions); err != nil {
				return nil, fmt.Errorf("read evidence %s: released versions: %w", ev.ID, err)
			}
		}
		if ev.IssueReleaseDates, err = releaseDays(releaseDates, releases); err != nil {
			return nil, fmt.Errorf("read evidence %s: release dates: %w", ev.ID, err)
		}
		if labels != "" {
			if err := json.Unmarshal([]byte(labels), &ev.IssueLabels); err != nil {
				return nil, fmt.Errorf("read evidence %s: labels: %w", ev.ID, err)
			}
		}
		if ev.OccurredAt, err = parseTime(at); err != nil {
			return nil, err
		}
		ev.IssueURL = evidence.Site{URL: siteURL}.IssueURL(ev.IssueKey)
		if recatTo != "" && recatTo != ev.Category {
			ev.MachineCategory, ev.Category = ev.Category, recatTo
		}
		if f.Keeps(ev) {
			out = append(out, ev)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read evidence: %w", err)
	}
	return out, nil
}

// releaseDays reads a release_dates column, {"4.14":"2026-10-24"}, into
// days by version name. Each JSON is read once (read holds those read):
// the items of one issue share its map, which nothing writes to.
func releaseDays(col string, read map[string]map[string]time.Time) (map[string]time.Time, error) {
	if col == "" || col == "{}" {
		return nil, nil
	}
	if days, ok := read[col]; ok {
		return days, nil
	}
	var dates map[string]string
	if err := json.Unmarshal([]byte(col), &dates); err != nil {
		return nil, err
	}
	days := make(map[string]time.Time, len(dates))
	for name, date := range dates {
		day, err := time.Parse(time.DateOnly, date)
		if err != nil {
			return nil, err
		}
		days[name] = day
	}
	read[col] = days
	return days, nil
}

// machineItemsQuery is the SQL of machineItems: the filters that do not
// depend on curation go into its WHERE (Filter.Keeps applies the others).
// The issue fields are read once per issue, not once per evidence item: an
// issue's JSON holds its whole description, and reading a 1 MB one for each
// of thousands of items took seconds per export.
func machineItemsQuery(f evidence.Filter) (string, []any) {
	var (
		where []string
		args  []any
	)
	if f.Since != nil {
		where = append(where, "e.occurred_at >= ?")
		args = append(args, formatTime(*f.Since))
	}
	if f.Until != nil {
		where = append(where, "e.occurred_at < ?")
		args = append(args, formatTime(*f.Until))
	}
	if f.ID != nil {
		where = append(where, "e.id = ?")
		args = append(args, *f.ID)
	}
	if f.IssueKey != nil {
		// Jira's keys are upper case, and so is Jira's own search by key:
		// "pay-142" finds PAY-142.
		where = append(where, "i.issue_key = ? COLLATE NOCASE")
		args = append(args, *f.IssueKey)
	}
	if f.Site != nil {
		where = append(where, "s.name = ?")
		args = append(args, *f.Site)
	}
	query := `
		WITH issue_fields AS MATERIALIZED (
			SELECT site_id, issue_id, issue_key, project,
			       coalesce(json_extract(issue, '$.summary'), '') AS summary, coalesce(json_extract(issue, '$.type'), '') AS type,
			       coalesce(json_extract(issue, '$.parent_key'), '') AS parent_key,
			       coalesce(json_extract(issue, '$.assignee.id'), '') AS assignee_id,
			       coalesce(json_extract(issue, '$.assignee.display_name'), '') AS assignee_name,
			       ` + assigneeActed("issues") + ` AS assignee_acted,
			       coalesce(json_extract(issue, '$.reporter.id'), '') AS reporter_id,
			       coalesce(json_extract(issue, '$.reporter.display_name'), '') AS reporter_name,
			       coalesce(json_extract(issue, '$.created'), '') AS created,
			       coalesce(json_extract(issue, '$.status_category'), '') AS status_category,
			       coalesce(json_extract(issue, '$.fix_versions'), '') AS fix_versions,
			       CASE WHEN json_extract(issue, '$.fix_versions') IS NULL THEN '' ELSE
			         (SELECT json_group_array(json_extract(v.value, '$.name')) FROM json_each(CAST(raw AS TEXT), '$.fields.fixVersions') v
			          WHERE json_extract(v.value, '$.released')) END AS released_versions,
			       (SELECT json_group_object(json_extract(v.value, '$.name'), json_extract(v.value, '$.releaseDate'))
			          FROM json_each(CAST(raw AS TEXT), '$.fields.fixVersions') v
			          WHERE json_extract(v.value, '$.released') AND json_extract(v.value, '$.releaseDate') IS NOT NULL) AS release_dates,
			       coalesce(json_extract(issue, '$.labels'), '') AS labels,
			       coalesce(json_extract(issue, '$.links'), '') AS links,
			       coalesce(json_extract(issue, '$.resolved'), '') AS resolved
			FROM issues
			WHERE EXISTS (SELECT 1 FROM evidence x WHERE x.site_id = issues.site_id AND x.issue_id = issues.issue_id))
		SELECT e.id, e.site_id, e.issue_id, e.source, e.source_id, e.category, e.rule, e.confidence,
		       e.excerpt, e.why, e.occurred_at, s.name, s.url, i.issue_key, i.summary, i.type, i.project, i.parent_key,
		       i.assignee_id, i.assignee_name, i.assignee_acted, i.reporter_id, i.reporter_name, i.created, i.status_category, i.fix_versions, i.released_versions, i.release_dates, i.labels, i.links, i.resolved,
		       coalesce(c.excluded, 0), coalesce(c.note, ''), coalesce(c.category, '')
		FROM evidence e
		JOIN sites s ON s.id = e.site_id
		JOIN issue_fields i ON i.site_id = e.site_id AND i.issue_id = e.issue_id
		LEFT JOIN curation c ON c.evidence_id = e.id`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	return query, args
}

// assigneeActed is the SQL of whether the assignee of the issues row
// named issue did anything on it the store holds: filed it, commented,
// changed a field or logged work. An assignee who never did was not
// working alongside the user (evidence.Evidence.IssueAssigneeActed).
//
// The unary + keeps SQLite off activities_by_author: it would read every
// activity of the assignee on the whole site for each issue, and the user
// is the assignee of most. Read by the issue's key instead, an issue's own
// activities are read once; an export of 3,000 issues spent most of its
// 25 s here (BENCHMARKS.md).
func assigneeActed(issue string) string {
	return `EXISTS (SELECT 1 FROM activities a WHERE a.site_id = ` + issue + `.site_id AND a.issue_id = ` + issue + `.issue_id
			AND +a.author_id = json_extract(` + issue + `.issue, '$.assignee.id'))`
}

// measureBlocks fills BlockedFor of the changes that cleared a block: the
// time from the latest change, by anyone, that flagged the issue or moved it
// into a blocked status, to the user's change that cleared it.
func (s *Store) measureBlocks(ctx context.Context, items []evidence.Evidence) error {
	type issueKey struct {
		site  int64
		issue string
	}
	cleared := map[issueKey][]int{}
	for i, ev := range items {
		if ev.Category == evidence.CatUnblocking && ev.Source == evidence.SourceChange {
			k := issueKey{ev.SiteID, ev.IssueID}
			cleared[k] = append(cleared[k], i)
		}
	}
	if len(cleared) == 0 {
		return nil
	}
	// The issues come first and their changes by the activities' key: an
	// EXISTS per change scanned each issue's evidence, which took seconds
	// on an issue with 10,000 items.
	rows, err := s.reader().QueryContext(ctx, `
		SELECT a.site_id, a.issue_id, a.source_id, a.occurred_at, a.items
		FROM (SELECT DISTINCT site_id, issue_id FROM evidence WHERE category = ?) u
		JOIN activities a ON a.site_id = u.site_id AND a.issue_id = u.issue_id AND a.source = 'change'
		ORDER BY a.site_id, a.issue_id, a.occurred_at`, evidence.CatUnblocking)
	if err != nil {
		return fmt.Errorf("measure blocks: %w", err)
	}
	defer rows.Close()
	type change struct {
		id      string
		at      time.Time
		blocks  bool
		unblock bool
	}
	changes := map[issueKey][]change{}
	for rows.Next() {
		var (
			k            issueKey
			c            change
			at, itemJSON string
			changeItems  []evidence.ChangeItem
		)
		if err := rows.Scan(&k.site, &k.issue, &c.id, &at, &itemJSON); err != nil {
			return err
		}
		if c.at, err = parseTime(at); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(itemJSON), &changeItems); err != nil {
			return fmt.Errorf("measure blocks: %w", err)
		}
		for _, it := range changeItems {
			on, off := it.ChangesBlock()
			c.blocks, c.unblock = c.blocks || on, c.unblock || off
		}
		changes[k] = append(changes[k], c)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for k, idx := range cleared {
		for _, i := range idx {
			ev := &items[i]
			var since time.Time // when the block the user cleared began
			for _, c := range changes[k] {
				if c.id == ev.SourceID {
					if c.unblock && !since.IsZero() {
						ev.BlockedFor = c.at.Sub(since)
					}
					break
				}
				switch {
				case c.blocks:
					since = c.at
				case c.unblock:
					since = time.Time{} // cleared before; only a later block counts
				}
			}
		}
	}
	return nil
}

func (s *Store) manualEvidence(ctx context.Context, f evidence.Filter) ([]evidence.Evidence, error) {
	rows, err := s.reader().QueryContext(ctx, `
		SELECT m.id, m.occurred_at, m.category, m.description, m.link,
		       coalesce(c.excluded, 0), coalesce(c.note, ''), coalesce(c.category, '')
		FROM manual_evidence m LEFT JOIN curation c ON c.evidence_id = m.id`)
	if err != nil {
		return nil, fmt.Errorf("read manual evidence: %w", err)
	}
	defer rows.Close()
	var out []evidence.Evidence
	for rows.Next() {
		ev := evidence.Evidence{Source: evidence.SourceManual, Manual: true, Rule: "manual", Confidence: 1}
		var at, recatTo string
		if err := rows.Scan(&ev.ID, &at, &ev.Category, &ev.Excerpt, &ev.IssueURL, &ev.Excluded, &ev.Note, &recatTo); err != nil {
			return nil, fmt.Errorf("read manual evidence: %w", err)
		}
		if ev.OccurredAt, err = parseTime(at); err != nil {
			return nil, err
		}
		ev.SourceID = ev.ID
		if recatTo != "" {
			ev.Category = recatTo
		}
		if f.Since != nil && ev.OccurredAt.Before(*f.Since) || f.Until != nil && !ev.OccurredAt.Before(*f.Until) {
			continue
		}
		if f.Keeps(ev) {
			out = append(out, ev)
		}
	}
	return out, rows.Err()
}

// Portfolio reads what an export needs: the sites, the period and the
// evidence the user has not excluded. It reads one snapshot of the
// database, so an export during a sync sees the pages committed when it
// began and none committed while it reads.
func (s *Store) Portfolio(ctx context.Context, f evidence.Filter, now time.Time) (evidence.Portfolio, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return evidence.Portfolio{}, fmt.Errorf("read portfolio: %w", err)
	}
	defer tx.Rollback() // it only reads
	snapshot := *s
	snapshot.snapshot = tx
	return snapshot.portfolio(ctx, f, now)
}

func (s *Store) portfolio(ctx context.Context, f evidence.Filter, now time.Time) (evidence.Portfolio, error) {
	f.IncludeExcluded = false
	items, err := s.Evidence(ctx, f)
	if err != nil {
		return evidence.Portfolio{}, err
	}
	sites, err := s.Sites(ctx)
	if err != nil {
		return evidence.Portfolio{}, err
	}
	if f.Site != nil {
		sites = keepSite(sites, *f.Site)
	}
	cats := s.categories
	if cats == nil {
		cats = evidence.Categories
	}
	p := evidence.Portfolio{GeneratedAt: now.UTC(), Sites: sites, Evidence: items, Categories: cats}
	if err := s.portfolioContext(ctx, &p); err != nil {
		return evidence.Portfolio{}, err
	}
	if err := s.teamWork(ctx, &p); err != nil {
		return evidence.Portfolio{}, err
	}
	switch {
	case f.Since != nil:
		p.Period.Since = f.Since.UTC()
	case len(items) > 0:
		p.Period.Since = items[0].OccurredAt.UTC()
	default:
		p.Period.Since = now.UTC()
	}
	p.Period.Until = now.UTC()
	if f.Until != nil {
		// Until is exclusive; the period names the last day it covers.
		p.Period.Until = f.Until.Add(-time.Nanosecond).UTC()
	}
	if p.SyncedAt, err = s.lastSynced(ctx, sites); err != nil {
		return evidence.Portfolio{}, err
	}
	if asOf := dataAsOf(p.SyncedAt, items); !asOf.IsZero() && asOf.Before(p.Period.Until) {
		p.Period.Until = asOf // Jira was not read after it: nothing later is known
	}
	if p.Period.Since.After(p.Period.Until) {
		p.Period.Since = p.Period.Until // nothing before an early --until: an empty period, not a backwards one
	}
	return p, nil
}

// lastSynced is when the newest complete sync of sites finished; zero if
// none has.
func (s *Store) lastSynced(ctx context.Context, sites []evidence.Site) (time.Time, error) {
	var last time.Time
	for _, site := range sites {
		rows, err := s.reader().QueryContext(ctx, `
			SELECT finished_at FROM sync_runs WHERE site_id = ? AND result = 'ok' ORDER BY finished_at DESC LIMIT 1`, site.ID)
		if err != nil {
			return time.Time{}, fmt.Errorf("read sync log: %w", err)
		}
		for rows.Next() {
			var at string
			if err := rows.Scan(&at); err != nil {
				rows.Close()
				return time.Time{}, fmt.Errorf("read sync log: %w", err)
			}
			finished, err := parseTime(at)
			if err != nil {
				rows.Close()
				return time.Time{}, err
			}
			if finished.After(last) {
				last = finished
			}
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return time.Time{}, fmt.Errorf("read sync log: %w", err)
		}
	}
	return last, nil
}

// dataAsOf is the last instant the stored evidence can speak for: the
// last complete sync, or the latest item if the user recorded one by hand
// after it; zero when no sync completed.
func dataAsOf(synced time.Time, items []evidence.Evidence) time.Time {
	if synced.IsZero() {
		return synced
	}
	if len(items) > 0 && items[len(items)-1].OccurredAt.After(synced) {
		return items[len(items)-1].OccurredAt.UTC()
	}
	return synced.UTC()
}

// portfolioContext fills the projects and epics of the portfolio's
// evidence, and the people seen on its sites.
func (s *Store) portfolioContext(ctx context.Context, p *evidence.Portfolio) error {
	projects, epics := map[siteKey]bool{}, map[siteKey]bool{}
	for _, ev := range p.Evidence {
		if ev.Manual {
			continue
		}
		projects[siteKey{ev.SiteName, ev.IssueProject}] = true
		if ev.IssueType == "Epic" {
			epics[siteKey{ev.SiteName, ev.IssueKey}] = true
		} else if ev.IssueParent != "" {
			epics[siteKey{ev.SiteName, ev.IssueParent}] = true
		}
	}
	rows, err := s.reader().QueryContext(ctx, `
		SELECT s.name, s.url, i.issue_key, i.project, coalesce(json_extract(i.issue, '$.project_name'), ''),
		       coalesce(json_extract(i.issue, '$.summary'), ''), coalesce(json_extract(i.issue, '$.type'), '')
		FROM issues i JOIN sites s ON s.id = i.site_id
		ORDER BY s.name, i.project, i.issue_key`)
	if err != nil {
		return fmt.Errorf("read portfolio context: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var site, url, key, project, projectName, summary, typ string
		if err := rows.Scan(&site, &url, &key, &project, &projectName, &summary, &typ); err != nil {
			return err
		}
		if projects[siteKey{site, project}] {
			delete(projects, siteKey{site, project})
			p.Projects = append(p.Projects, evidence.Project{SiteName: site, Key: project, Name: projectName})
		}
		if epics[siteKey{site, key}] {
			p.Epics = append(p.Epics, evidence.Epic{SiteName: site, Key: key, Summary: summary, URL: evidence.Site{URL: url}.IssueURL(key)})
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	if err := s.epicDetails(ctx, p); err != nil {
		return err
	}
	if err := s.issueOutcomes(ctx, p); err != nil {
		return err
	}
	if err := s.replies(ctx, p); err != nil {
		return err
	}
	if err := s.ownComments(ctx, p); err != nil { // reads which issues were answered
		return err
	}
	if err := s.wholeComments(ctx, p); err != nil {
		return err
	}
	if err := s.othersDescriptions(ctx, p); err != nil {
		return err
	}
	if err := s.doneIssues(ctx, p); err != nil {
		return err
	}
	if err := s.issueSprints(ctx, p); err != nil {
		return err
	}
	p.People, err = s.People(ctx)
	return err
}

func keepSite(sites []evidence.Site, name string) []evidence.Site {
	var kept []evidence.Site
	for _, s := range sites {
		if s.Name == name {
			kept = append(kept, s)
		}
	}
	return kept
}

// Stats counts the user's own activities by source, and evidence (not
// excluded, curation applied) by category and by month.
type Stats struct {
	Activities map[evidence.Source]int
	Evidence   map[string]int
	Months     map[string]map[string]int // "2006-01" -> category -> count
	// Model counts, by category, the evidence the text model claimed
	// (rule model.text) rather than a rule.
	Model map[string]int
}

// Stats counts what is stored; site, when not empty, narrows it to one site.
func (s *Store) Stats(ctx context.Context, site string) (Stats, error) {
	st := Stats{
		Activities: map[evidence.Source]int{evidence.SourceIssue: 0, evidence.SourceChange: 0, evidence.SourceComment: 0, evidence.SourceWorklog: 0},
		Evidence:   map[string]int{},
		Months:     map[string]map[string]int{},
		Model:      map[string]int{},
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT a.source, count(*) FROM activities a JOIN sites s ON s.id = a.site_id
		WHERE a.is_mine = 1 AND (? = '' OR s.name = ?) GROUP BY a.source`, site, site)
	if err != nil {
		return st, fmt.Errorf("count activities: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var src evidence.Source
		var n int
		if err := rows.Scan(&src, &n); err != nil {
			return st, err
		}
		st.Activities[src] = n
	}
	if err := rows.Err(); err != nil {
		return st, err
	}
	f := evidence.Filter{}
	if site != "" {
		f.Site = &site
	}
	items, err := s.Evidence(ctx, f)
	if err != nil {
		return st, err
	}
	for _, ev := range items {
		st.Evidence[ev.Category]++
		if ev.Rule == evidence.RuleTextModel {
			st.Model[ev.Category]++
		}
		month := ev.OccurredAt.UTC().Format("2006-01")
		if st.Months[month] == nil {
			st.Months[month] = map[string]int{}
		}
		st.Months[month][ev.Category]++
	}
	return st, nil
}

// TableCounts counts the rows of each data table, for checks and doctor.
func (s *Store) TableCounts(ctx context.Context) (map[string]int, error) {
	counts := map[string]int{}
	for _, table := range []string{"sites", "issues", "activities", "evidence", "curation", "manual_evidence", "outcomes", "sync_runs"} {
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			return nil, fmt.Errorf("count %s: %w", table, err)
		}
		counts[table] = n
	}
	return counts, nil
}

// IssueKey is the current key of a stored issue.
func (s *Store) IssueKey(ctx context.Context, siteID int64, issueID string) (string, error) {
	var key string
	err := s.db.QueryRowContext(ctx, `SELECT issue_key FROM issues WHERE site_id = ? AND issue_id = ?`, siteID, issueID).Scan(&key)
	if err != nil {
		return "", fmt.Errorf("issue %s: %w", issueID, err)
	}
	return key, nil
}

// HasIssueKey reports whether an issue of that key, in any case, is stored.
func (s *Store) HasIssueKey(ctx context.Context, key string) (bool, error) {
	var found bool
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM issues WHERE issue_key = ? COLLATE NOCASE)`, key).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("find issue %s: %w", key, err)
	}
	return found, nil
}

// Activities lists the site users' own stored activities of one source.
func (s *Store) Activities(ctx context.Context, source evidence.Source) ([]evidence.Activity, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT issue_id, source, source_id, author_id, author_name, occurred_at, body
		FROM activities WHERE is_mine = 1 AND source = ? ORDER BY occurred_at, source_id`, string(source))
	if err != nil {
		return nil, fmt.Errorf("read activities: %w", err)
	}
	defer rows.Close()
	var out []evidence.Activity
	for rows.Next() {
		var a evidence.Activity
		var at string
		if err := rows.Scan(&a.IssueID, &a.Source, &a.SourceID, &a.Author.ID, &a.Author.DisplayName, &at, &a.Text); err != nil {
			return nil, err
		}
		if a.At, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
