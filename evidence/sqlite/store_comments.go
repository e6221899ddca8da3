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
	type storedIssue struct {
		Site  int64  `json:"site"`
		Issue string `json:"issue"`
	}
	type storedComment struct {
		storedIssue
		id string
	}
	var wanted []storedIssue
	evidenceComments := map[storedComment]bool{}
	for _, ev := range p.Evidence {
		if ev.Manual || ev.Source != evidence.SourceComment {
			continue
		}
		issue := storedIssue{ev.SiteID, ev.IssueID}
		if !evidenceComments[storedComment{issue, ""}] {
			evidenceComments[storedComment{issue, ""}] = true
			wanted = append(wanted, issue)
		}
		evidenceComments[storedComment{issue, ev.SourceID}] = true
	}
	if len(wanted) == 0 {
		return nil
	}
	list, err := json.Marshal(wanted)
	if err != nil {
		return fmt.Errorf("read replies: %w", err)
	}
	rows, err := s.reader().QueryContext(ctx, `
		WITH wanted AS MATERIALIZED (
			SELECT json_extract(value, '$.site') AS site_id, json_extract(value, '$.issue') AS issue_id FROM json_each(?1)),
		-- Most of a career's comments are on issues nobody else wrote on.
		answered AS MATERIALIZED (
			SELECT site_id, issue_id FROM wanted w WHERE EXISTS (
				SELECT 1 FROM activities o
				WHERE o.site_id = w.site_id AND o.issue_id = w.issue_id AND o.source = 'comment' AND o.is_mine = 0))
		SELECT a.site_id, a.issue_id, s.name, i.issue_key, a.source_id, a.author_id, a.author_name, a.author_type, a.occurred_at, a.body
		FROM answered w JOIN activities a ON a.site_id = w.site_id AND a.issue_id = w.issue_id AND a.source = 'comment'
		JOIN issues i ON i.site_id = a.site_id AND i.issue_id = a.issue_id
		JOIN sites s ON s.id = a.site_id
		ORDER BY s.name, i.issue_key, a.occurred_at, a.source_id`, string(list))
	if err != nil {
		return fmt.Errorf("read replies: %w", err)
	}
	defer rows.Close()
	type issueComments struct {
		stored    storedIssue
		site, key string
		comments  []evidence.Activity
	}
	var issues []issueComments
	for rows.Next() {
		var (
			stored    storedIssue
			site, key string
			c         evidence.Activity
			at        string
		)
		if err := rows.Scan(&stored.Site, &stored.Issue, &site, &key, &c.SourceID, &c.Author.ID, &c.Author.DisplayName, &c.Author.AccountType, &at, &c.Text); err != nil {
			return fmt.Errorf("read replies: %w", err)
		}
		if c.At, err = parseTime(at); err != nil {
			return err
		}
		c.Source = evidence.SourceComment
		if n := len(issues); n == 0 || issues[n-1].stored != stored {
			issues = append(issues, issueComments{stored: stored, site: site, key: key})
		}
		issues[len(issues)-1].comments = append(issues[len(issues)-1].comments, c)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read replies: %w", err)
	}
	quotes := map[int64][]*string{}
	var sites []int64
	for _, is := range issues {
		answered := map[string]bool{}
		for _, c := range markup.WithReplies(is.comments) {
			to := c.InReplyTo
			if to == nil || answered[to.SourceID] || !evidenceComments[storedComment{is.stored, to.SourceID}] || c.Author.LooksLikeAutomation() {
				continue
			}
			answered[to.SourceID] = true
			p.Replies = append(p.Replies, evidence.Reply{SiteName: is.site, Key: is.key, To: to.SourceID, Comment: evidence.Comment{
				ID: c.SourceID, At: c.At, Author: evidence.User{ID: c.Author.ID, DisplayName: c.Author.DisplayName}, Text: commentText(c.Text),
			}})
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
// days) and we will miss the 22nd."), which the cut may leave out. A
// career's comments are mostly short, so few are read.
func (s *Store) wholeComments(ctx context.Context, p *evidence.Portfolio) error {
	type storedComment struct {
		Site    int64  `json:"site"`
		Issue   string `json:"issue"`
		Comment string `json:"comment"`
	}
	var wanted []storedComment
	seen := map[storedComment]bool{}
	for _, ev := range p.Evidence {
		c := storedComment{ev.SiteID, ev.IssueID, ev.SourceID}
		if ev.Manual || ev.Source != evidence.SourceComment || seen[c] || !strings.HasSuffix(ev.Excerpt, "…") && !strings.HasPrefix(ev.Excerpt, "…") {
			continue
		}
		seen[c] = true
		wanted = append(wanted, c)
	}
	if len(wanted) == 0 {
		return nil
	}
	list, err := json.Marshal(wanted)
	if err != nil {
		return fmt.Errorf("read whole comments: %w", err)
	}
	rows, err := s.reader().QueryContext(ctx, `
		WITH wanted AS MATERIALIZED (
			SELECT json_extract(value, '$.site') AS site_id, json_extract(value, '$.issue') AS issue_id,
			       json_extract(value, '$.comment') AS source_id FROM json_each(?1))
		SELECT a.site_id, s.name, i.issue_key, a.source_id, a.occurred_at, a.body
		FROM wanted w JOIN activities a ON a.site_id = w.site_id AND a.issue_id = w.issue_id AND a.source = 'comment' AND a.source_id = w.source_id
		JOIN issues i ON i.site_id = a.site_id AND i.issue_id = a.issue_id
		JOIN sites s ON s.id = a.site_id
		ORDER BY s.name, i.issue_key, a.occurred_at, a.source_id`, string(list))
	if err != nil {
		return fmt.Errorf("read whole comments: %w", err)
	}
	defer rows.Close()
	var sites []int64
	for rows.Next() {
		var (
			site      int64
			name, key string
			c         evidence.Comment
			at, body  string
		)
		if err := rows.Scan(&site, &name, &key, &c.ID, &at, &body); err != nil {
			return fmt.Errorf("read whole comments: %w", err)
		}
		if c.At, err = parseTime(at); err != nil {
			return err
		}
		c.Text = commentText(body)
		if n := len(p.WholeComments); n > 0 && p.WholeComments[n-1].SiteName == name && p.WholeComments[n-1].Key == key {
			p.WholeComments[n-1].Comments = append(p.WholeComments[n-1].Comments, c)
			continue
		}
		sites = append(sites, site)
		p.WholeComments = append(p.WholeComments, evidence.IssueComments{SiteName: name, Key: key, Comments: []evidence.Comment{c}})
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read whole comments: %w", err)
	}
	return s.nameCommentQuotes(ctx, p.WholeComments, sites)
}
