package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/pmfolio/pmfolio/evidence"
)

// jsonSchemaVersion is the version of the JSON export in interface.md. The
// contract only grows by adding fields, so it stays 1 until a field has to
// change meaning.
const jsonSchemaVersion = 1

// The output structs spell out the contract field by field, in its order.
// They are separate from the domain types so that a change to those (a new
// field, a json tag someone adds for the store) cannot change the export.
type (
	jsonPortfolio struct {
		SchemaVersion int            `json:"schema_version"`
		GeneratedAt   string         `json:"generated_at"`
		Sites         []jsonSite     `json:"sites"`
		Period        jsonPeriod     `json:"period"`
		Summary       []jsonSummary  `json:"summary"`
		Evidence      []jsonEvidence `json:"evidence"`
		TeamWork      *jsonTeamWork  `json:"team_work,omitempty"` // teamwork.go
		Headline      *jsonHeadline  `json:"headline,omitempty"`  // headline_json.go
	}
	jsonSite struct {
		Name string   `json:"name"`
		URL  string   `json:"url"`
		User jsonUser `json:"user"`
	}
	jsonUser struct {
		AccountID   string `json:"account_id"`
		DisplayName string `json:"display_name"`
	}
	jsonPeriod struct {
		Since string `json:"since"`
		Until string `json:"until"`
	}
	jsonSummary struct {
		Category string `json:"category"`
		Evidence int    `json:"evidence"`
		Issues   int    `json:"issues"`
	}
	jsonEvidence struct {
		ID           string  `json:"id"`
		Site         string  `json:"site"`
		IssueKey     string  `json:"issue_key"`
		IssueURL     string  `json:"issue_url"`
		IssueSummary string  `json:"issue_summary"`
		Source       string  `json:"source"`
		SourceID     string  `json:"source_id"`
		OccurredAt   string  `json:"occurred_at"`
		Category     string  `json:"category"`
		Rule         string  `json:"rule"`
		Confidence   float64 `json:"confidence"`
		Excerpt      string  `json:"excerpt"`
		Why          string  `json:"why,omitempty"` // a text-model claim's probability and words
		Manual       bool    `json:"manual"`
		Note         string  `json:"note"`
	}
)

// JSON writes the portfolio as schema version 1 of the JSON export in
// interface.md: one object, indented with two spaces, ending in a newline,
// with the included evidence ordered by occurred_at then id and times in
// UTC. Lists are [] rather than null when empty, so consumers need no
// special case.
func JSON(w io.Writer, p evidence.Portfolio) error {
	v := newView(p)
	doc := jsonPortfolio{
		SchemaVersion: jsonSchemaVersion,
		GeneratedAt:   timestamp(v.generatedAt),
		Sites:         make([]jsonSite, 0, len(v.sites)),
		Period:        jsonPeriod{Since: dateOnly(v.since), Until: dateOnly(v.until)},
		Summary:       make([]jsonSummary, 0, len(v.groups)),
		Evidence:      make([]jsonEvidence, 0, len(v.items)),
	}
	for _, s := range v.sites {
		doc.Sites = append(doc.Sites, jsonSite{
			Name: s.Name,
			URL:  s.URL,
			User: jsonUser{AccountID: s.User.ID, DisplayName: s.User.DisplayName},
		})
	}
	for _, g := range v.groups {
		doc.Summary = append(doc.Summary, jsonSummary{
			Category: g.category.ID,
			Evidence: len(g.items),
			Issues:   g.issues,
		})
	}
	for _, e := range v.items {
		doc.Evidence = append(doc.Evidence, evidenceJSON(e))
	}
	doc.Headline = headlineJSON(newReport(p, Options{}))
	doc.TeamWork = teamWorkJSON(p)
	return writeJSON(w, doc)
}

// evidenceJSON is one evidence item as the contract spells it.
func evidenceJSON(e *evidence.Evidence) jsonEvidence {
	return jsonEvidence{
		ID:           e.ID,
		Site:         e.SiteName,
		IssueKey:     e.IssueKey,
		IssueURL:     e.IssueURL,
		IssueSummary: e.IssueSummary,
		Source:       string(e.Source),
		SourceID:     e.SourceID,
		OccurredAt:   timestamp(e.OccurredAt),
		Category:     e.Category,
		Rule:         e.Rule,
		Confidence:   e.Confidence,
		Excerpt:      e.Excerpt,
		Why:          e.Why,
		Manual:       e.Manual,
		Note:         e.Note,
	}
}

// writeJSON writes v indented with two spaces and a final newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// The export is data, not a web page: "R&D <team>" should read as
	// itself, not as "R\u0026D \u003cteam\u003e". Whoever embeds it in
	// HTML escapes it there.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json export: %w", err)
	}
	return nil
}
