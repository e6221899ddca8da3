package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// replies fills the first answer another person gave to each of the user's
// comments that are evidence (markup.WithReplies decides what answers
// what, as for the rules): how a no, a call or an update was taken ("Ok
// understood, 4.14 is fine. I will inform business."). Automation answers
// nothing, and a comment the user excluded has no answer to show.
func (s *Store) replies(ctx context.Context, p *evidence.Portfolio) error {
	var wanted []wantedRow
	// The user's comments that are evidence, and their issues (no comment).
	evidenceComments := map[wantedRow]bool{}
	for _, ev := range p.Evidence {
		if ev.Manual || ev.Source != evidence.SourceComment {
			continue
		}
		issue := wantedRow{Site: ev.SiteID, Issue: ev.IssueID}
		if !evidenceComments[issue] {
			evidenceComments[issue] = true
			wanted = append(wanted, issue)
		}
		evidenceComments[wantedRow{Site: ev.SiteID, Issue: ev.IssueID, Comment: ev.SourceID}] = true
	}
	issues, err := s.readComments(ctx, commentsRead{
		what: "read replies", wanted: wanted, authors: true,
		// Most of a career's comments are on issues nobody else wrote on.
		with: `,
		answered AS MATERIALIZED (
			SELECT site_id, issue_id FROM wanted w WHERE EXISTS (
				SELECT 1 FROM activities o
				WHERE o.site_id = w.site_id AND o.issue_id = w.issue_id AND o.source = 'comment' AND o.is_mine = 0))`,
		rows: `answered w JOIN activities a ON a.site_id = w.site_id AND a.issue_id = w.issue_id AND a.source = 'comment'`,
	})
	if err != nil {
		return err
	}
	quotes := map[int64][]*string{}
	var sites []int64
	for _, is := range issues {
		answered := map[string]bool{}
		for _, c := range markup.WithReplies(is.comments) {
			to := c.InReplyTo
			if to == nil || answered[to.SourceID] || !evidenceComments[wantedRow{Site: is.stored.Site, Issue: is.stored.Issue, Comment: to.SourceID}] || c.Author.LooksLikeAutomation() {
				continue
			}
			answered[to.SourceID] = true
			p.Replies = append(p.Replies, evidence.Reply{SiteName: is.site, Key: is.key, To: to.SourceID, Comment: portfolioComment(c)})
			sites = append(sites, is.stored.Site)
		}
	}
	for i := range p.Replies {
		quotes[sites[i]] = append(quotes[sites[i]], &p.Replies[i].Comment.Text)
	}
	return s.nameQuotes(ctx, quotes)
}

// wholeComments fills the user's comments that are evidence whose excerpt
// the classifier cut, whole: a story quotes a no up to its point ("… (3
// days) and we will miss the 22nd."), which the cut may leave out. So
// with the description of an issue the user filed as incident work (a
// postmortem): a failure is told by its root cause, which comes after
// the impact the cut keeps. A career's comments are mostly short, and
// its postmortems few, so few are read.
func (s *Store) wholeComments(ctx context.Context, p *evidence.Portfolio) error {
	var wanted []wantedRow
	seen := map[wantedRow]bool{}
	for _, ev := range p.Evidence {
		c := wantedRow{Site: ev.SiteID, Issue: ev.IssueID, Comment: ev.SourceID}
		if ev.Source == evidence.SourceIssue {
			c.Comment = "" // the issue's own row: its description
		}
		incidentWork := ev.Source == evidence.SourceIssue && ev.Category == evidence.CatIncidentCoord
		if ev.Manual || ev.Source != evidence.SourceComment && !incidentWork || seen[c] || !strings.HasSuffix(ev.Excerpt, "…") && !strings.HasPrefix(ev.Excerpt, "…") {
			continue
		}
		seen[c] = true
		wanted = append(wanted, c)
	}
	issues, err := s.readComments(ctx, commentsRead{
		what: "read whole comments", wanted: wanted,
		rows: `wanted w JOIN activities a ON a.site_id = w.site_id AND a.issue_id = w.issue_id AND
			(a.source = 'comment' AND a.source_id = w.source_id OR a.source = 'issue' AND w.source_id IS NULL)`,
	})
	if err != nil {
		return err
	}
	descriptionsWithoutID(issues)
	p.WholeComments, err = s.portfolioComments(ctx, issues)
	return err
}

// othersDescriptions fills the descriptions of the issues another person
// filed that the user's cross-team comments that are evidence are on: the
// date the other team set there ("v1 charges goes away on Nov 30.") is
// the stakes of the date the user gave them. Few issues of a career are
// another team's with the user's cross-team note on them.
func (s *Store) othersDescriptions(ctx context.Context, p *evidence.Portfolio) error {
	var wanted []wantedRow
	seen := map[wantedRow]bool{}
	for _, ev := range p.Evidence {
		issue := wantedRow{Site: ev.SiteID, Issue: ev.IssueID}
		if ev.Manual || ev.Source != evidence.SourceComment || ev.Category != evidence.CatCrossTeam || seen[issue] {
			continue
		}
		seen[issue] = true
		wanted = append(wanted, issue)
	}
	issues, err := s.readComments(ctx, commentsRead{
		what: "read others' descriptions", wanted: wanted, authors: true,
		rows: `wanted w JOIN activities a ON a.site_id = w.site_id AND a.issue_id = w.issue_id AND a.source = 'issue' AND a.is_mine = 0`,
	})
	if err != nil {
		return err
	}
	descriptionsWithoutID(issues)
	p.OthersDescriptions, err = s.portfolioComments(ctx, issues)
	return err
}

// descriptionsWithoutID clears the id of each description read among
// comments: a description is no comment, and has no id of one.
func descriptionsWithoutID(issues []issueComments) {
	for _, is := range issues {
		for i, c := range is.comments {
			if c.Source == evidence.SourceIssue {
				is.comments[i].SourceID = ""
			}
		}
	}
}

// wantedRow is an issue, or one comment on it, as the store keys it: an
// element of the JSON list of rows a read of comments wants.
type wantedRow struct {
	Site  int64  `json:"site"`
	Issue string `json:"issue,omitempty"`
	// Key names the issue where its id is not at hand (an epic's issue
	// that no evidence is on): the read finds its id.
	Key     string `json:"key,omitempty"`
	Comment string `json:"comment,omitempty"`
}

// commentsRead is what one read of comments says: which rows and which
// columns. readComments does the rest.
type commentsRead struct {
	what   string      // names the read in its errors: "read replies"
	wanted []wantedRow // the query's table wanted (site_id, issue_id, source_id)
	with   string      // more common table expressions, each after a comma
	rows   string      // the comments: activities a, joined from wanted
	// authors reads who wrote each comment, which an answer needs.
	authors bool
}

// issueComments are the comments a read found on one issue, in the order
// written, with their bodies as stored.
type issueComments struct {
	stored    wantedRow
	site, key string
	comments  []evidence.Activity
}

// readComments reads the comments r wants in one query, grouped by issue
// in the order of site name and issue key. A list as JSON keeps the query
// one statement however many rows are wanted.
func (s *Store) readComments(ctx context.Context, r commentsRead) ([]issueComments, error) {
	if len(r.wanted) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(r.wanted)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.what, err)
	}
	columns := "a.site_id, a.issue_id, s.name, i.issue_key, a.source, a.source_id, a.occurred_at, a.body"
	if r.authors {
		columns += ", a.author_id, a.author_name, a.author_type"
	}
	rows, err := s.reader().QueryContext(ctx, `
		WITH wanted AS MATERIALIZED (
			SELECT json_extract(value, '$.site') AS site_id,
			       coalesce(json_extract(value, '$.issue'), (SELECT issue_id FROM issues
			         WHERE site_id = json_extract(value, '$.site') AND issue_key = json_extract(value, '$.key'))) AS issue_id,
			       json_extract(value, '$.comment') AS source_id FROM json_each(?1))`+r.with+`
		SELECT `+columns+`
		FROM `+r.rows+`
		JOIN issues i ON i.site_id = a.site_id AND i.issue_id = a.issue_id
		JOIN sites s ON s.id = a.site_id
		ORDER BY s.name, i.issue_key, a.occurred_at, a.source_id`, string(list))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.what, err)
	}
	defer rows.Close()
	var issues []issueComments
	index := map[wantedRow]int{}
	for rows.Next() {
		var (
			stored    wantedRow
			site, key string
			c         evidence.Activity
			at        string
		)
		fields := []any{&stored.Site, &stored.Issue, &site, &key, &c.Source, &c.SourceID, &at, &c.Text}
		if r.authors {
			fields = append(fields, &c.Author.ID, &c.Author.DisplayName, &c.Author.AccountType)
		}
		if err := rows.Scan(fields...); err != nil {
			return nil, fmt.Errorf("%s: %w", r.what, err)
		}
		if c.At, err = parseTime(at); err != nil {
			return nil, err
		}
		i, seen := index[stored]
		if !seen {
			i = len(issues)
			index[stored] = i
			issues = append(issues, issueComments{stored: stored, site: site, key: key})
		}
		issues[i].comments = append(issues[i].comments, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", r.what, err)
	}
	return issues, nil
}

// portfolioComment is a comment read as a portfolio quotes it: plain
// text, with its mentions kept for nameQuotes.
func portfolioComment(c evidence.Activity) evidence.Comment {
	return evidence.Comment{ID: c.SourceID, At: c.At, Author: evidence.User{ID: c.Author.ID, DisplayName: c.Author.DisplayName}, Text: commentText(c.Text)}
}

// portfolioComments are the comments read on each issue as a portfolio
// quotes them, their mentions named.
func (s *Store) portfolioComments(ctx context.Context, issues []issueComments) ([]evidence.IssueComments, error) {
	var quoted []evidence.IssueComments
	var sites []int64
	for _, is := range issues {
		comments := make([]evidence.Comment, len(is.comments))
		for i, c := range is.comments {
			comments[i] = portfolioComment(c)
		}
		quoted = append(quoted, evidence.IssueComments{SiteName: is.site, Key: is.key, Comments: comments})
		sites = append(sites, is.stored.Site)
	}
	return quoted, s.nameCommentQuotes(ctx, quoted, sites)
}
