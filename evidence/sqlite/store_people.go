package sqlite

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// peopleOnRecord are the people the store has seen on its sites other
// than the authors of activities (the commenters of stored issues among
// them), one row per record that names someone, with the time of that
// record: the sites' users, the reporters, creators and assignees of stored
// issues and of team issues, and the authors of team issues' comments.
// Activities, by far the most records, are read apart, so that a look-up
// of a few accounts finds their activities by index.
const peopleOnRecord = `
	roles (role) AS (VALUES ('reporter'), ('creator'), ('assignee')),
	on_record (site_id, id, login, name, type, at) AS (
		SELECT id, account_id, user_name, display_name, '', '' FROM sites
		UNION ALL
		SELECT i.site_id, coalesce(json_extract(i.issue, '$.' || r.role || '.id'), ''),
		       coalesce(json_extract(i.issue, '$.' || r.role || '.name'), ''),
		       coalesce(json_extract(i.issue, '$.' || r.role || '.display_name'), ''),
		       coalesce(json_extract(i.issue, '$.' || r.role || '.account_type'), ''), i.updated_at
		FROM (SELECT site_id, issue, updated_at FROM issues
		      UNION ALL SELECT site_id, issue, updated_at FROM team_issues) i, roles r
		UNION ALL
		SELECT t.site_id, coalesce(json_extract(c.value, '$.author.id'), ''),
		       coalesce(json_extract(c.value, '$.author.name'), ''),
		       coalesce(json_extract(c.value, '$.author.display_name'), ''),
		       coalesce(json_extract(c.value, '$.author.account_type'), ''), t.updated_at
		FROM team_issues t, json_each(t.issue, '$.comments') c)`

// People lists the display names of everyone the store has seen, sorted.
// Exports redact every name it holds, so it holds every name a quote may
// show (nameMentions).
func (s *Store) People(ctx context.Context) ([]string, error) {
	names, err := s.queryStrings(ctx, `WITH `+peopleOnRecord+`
		SELECT author_name FROM activities WHERE author_name != ''
		UNION SELECT name FROM on_record WHERE name != ''
		ORDER BY 1`)
	if err != nil {
		return nil, fmt.Errorf("read people: %w", err)
	}
	return names, nil
}

// nameMentions names the people the items' quotes mention (see
// markup.KeepMentions) from everyone the store has seen on the item's
// site. The store names them when it is read, not when a sync classifies,
// because only then is everyone known: a page stored before the page that
// names someone must not quote them as "[colleague]", or a sync killed
// and resumed would quote otherwise than one that ran through.
func (s *Store) nameMentions(ctx context.Context, items []evidence.Evidence) error {
	quotes := map[int64][]*string{}
	for i := range items {
		ev := &items[i]
		quotes[ev.SiteID] = append(quotes[ev.SiteID], &ev.Excerpt, &ev.Why)
	}
	return s.nameQuotes(ctx, quotes)
}

// nameCommentQuotes names the mentions in the comments of each issue, the
// issues stored on the sites of sites, one for each.
func (s *Store) nameCommentQuotes(ctx context.Context, issues []evidence.IssueComments, sites []int64) error {
	quotes := map[int64][]*string{}
	for i := range issues {
		for j := range issues[i].Comments {
			quotes[sites[i]] = append(quotes[sites[i]], &issues[i].Comments[j].Text)
		}
	}
	return s.nameQuotes(ctx, quotes)
}

// nameQuotes names, in place, the mentions markup.KeepMentions kept in the
// quotes of each site (see nameMentions): the quotes of evidence items,
// and the comments an export quotes as an outcome, read the same.
func (s *Store) nameQuotes(ctx context.Context, quotes map[int64][]*string) error {
	names := map[int64]map[string]string{}
	for site, texts := range quotes {
		var accounts []string
		for _, text := range texts {
			accounts = append(accounts, markup.MentionedIn(*text)...)
		}
		if len(accounts) == 0 {
			continue
		}
		var err error
		if names[site], err = s.namesOf(ctx, site, accounts); err != nil {
			return err
		}
	}
	for site, texts := range quotes {
		nameOf := func(account string) string { return names[site][account] }
		for _, text := range texts {
			*text = markup.NameMentions(*text, nameOf)
		}
	}
	return nil
}

// namesOf names the accounts of one site: a Cloud account id, or a Server
// login name or user key. Each gets the name of the newest record that
// names it (the smallest name of records equally new), so that the name
// depends on what is stored and not on the order it was stored in. An
// account the store has not seen, or automation, gets none: a quote
// speaking to "Automation for Jira" reads as a glitch.
func (s *Store) namesOf(ctx context.Context, site int64, accounts []string) (map[string]string, error) {
	list, err := json.Marshal(accounts)
	if err != nil {
		return nil, fmt.Errorf("name mentions: %w", err)
	}
	rows, err := s.reader().QueryContext(ctx, `WITH `+peopleOnRecord+`,
		wanted (account) AS (SELECT DISTINCT value FROM json_each(?1))
		SELECT author_id, '', author_name, author_type, max(occurred_at) FROM activities
		WHERE site_id = ?2 AND author_id IN wanted AND author_name != ''
		GROUP BY author_id, author_name, author_type
		UNION ALL
		SELECT id, login, name, type, max(at) FROM on_record
		WHERE site_id = ?2 AND name != '' AND (id IN wanted OR login IN wanted)
		GROUP BY id, login, name, type`, string(list), site)
	if err != nil {
		return nil, fmt.Errorf("name mentions: %w", err)
	}
	defer rows.Close()
	type record struct {
		user evidence.User
		at   string
	}
	newest := map[string]record{}
	for rows.Next() {
		var r record
		if err := rows.Scan(&r.user.ID, &r.user.Name, &r.user.DisplayName, &r.user.AccountType, &r.at); err != nil {
			return nil, fmt.Errorf("name mentions: %w", err)
		}
		for _, account := range []string{r.user.ID, r.user.Name} {
			old, seen := newest[account]
			if account != "" && (!seen || r.at > old.at || r.at == old.at && r.user.DisplayName < old.user.DisplayName) {
				newest[account] = r
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("name mentions: %w", err)
	}
	names := map[string]string{}
	for account, r := range newest {
		if !r.user.LooksLikeAutomation() {
			names[account] = r.user.DisplayName
		}
	}
	return names, nil
}

// Names names the accounts of one site the store has seen, as the
// evidence's quotes name them: `pmfolio next` asks it for the people the
// team's issues mention but do not name themselves (a vendor's PM the
// user's own work knows). Automation and accounts never seen get none.
func (s *Store) Names(ctx context.Context, siteID int64, accounts []string) (map[string]string, error) {
	if len(accounts) == 0 {
		return nil, nil
	}
	return s.namesOf(ctx, siteID, accounts)
}
