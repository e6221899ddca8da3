package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// issueSprints fills the Sprint fields of the issues the evidence is on:
// the sprints each is in now and the changes of the field, by anyone
// (Portfolio.Sprints). An issue never in a sprint has none.
func (s *Store) issueSprints(ctx context.Context, p *evidence.Portfolio) error {
	// LIKE narrows the read to histories that may touch the field (it
	// ignores case); which item changes it is told in Go.
	rows, err := s.reader().QueryContext(ctx, `
		SELECT s.name, i.issue_key, coalesce(json_extract(i.issue, '$.sprints'), '[]'), coalesce(a.occurred_at, ''), coalesce(a.items, '[]')
		FROM issues i JOIN sites s ON s.id = i.site_id
		LEFT JOIN activities a ON a.site_id = i.site_id AND a.issue_id = i.issue_id AND a.source = 'change' AND a.items LIKE '%sprint%'
		WHERE EXISTS (SELECT 1 FROM evidence x WHERE x.site_id = i.site_id AND x.issue_id = i.issue_id)
		  AND (json_extract(i.issue, '$.sprints') IS NOT NULL OR a.items IS NOT NULL)
		ORDER BY s.name, i.issue_key, a.occurred_at, a.source_id`)
	if err != nil {
		return fmt.Errorf("read sprints: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var site, key, sprints, at, data string
		if err := rows.Scan(&site, &key, &sprints, &at, &data); err != nil {
			return fmt.Errorf("read sprints: %w", err)
		}
		n := len(p.Sprints)
		if n == 0 || p.Sprints[n-1].SiteName != site || p.Sprints[n-1].Key != key {
			is := evidence.IssueSprints{SiteName: site, Key: key}
			if err := json.Unmarshal([]byte(sprints), &is.Sprints); err != nil {
				return fmt.Errorf("read the sprints of %s: %w", key, err)
			}
			p.Sprints = append(p.Sprints, is)
			n++
		}
		if at == "" {
			continue
		}
		when, err := parseTime(at)
		if err != nil {
			return err
		}
		var items []evidence.ChangeItem
		if err := json.Unmarshal([]byte(data), &items); err != nil {
			return fmt.Errorf("decode the changes of issue %s: %w", key, err)
		}
		for _, it := range items {
			if strings.EqualFold(it.Field, "Sprint") {
				p.Sprints[n-1].Changes = append(p.Sprints[n-1].Changes,
					evidence.SprintChange{At: when, From: sprintNames(it.FromString), To: sprintNames(it.ToString)})
			}
		}
	}
	return rows.Err()
}

// sprintNames splits a change's sprints as Jira joins them: "OPS Sprint
// 49, OPS Sprint 50".
func sprintNames(joined string) []string {
	var names []string
	for _, name := range strings.Split(joined, ",") {
		if name = strings.TrimSpace(name); name != "" {
			names = append(names, name)
		}
	}
	return names
}
