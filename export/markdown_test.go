package export

import (
	"bufio"
	"bytes"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/pmfolio/pmfolio/evidence"
)

// gfm parses and renders Markdown the way GitHub does as far as goldmark
// can: tables, strikethrough, task lists and bare-URL links all on, so a
// bare URL in Jira text that slipped through would show up as a link.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

// mdDoc is a parsed export.
type mdDoc struct {
	src  []byte
	root ast.Node
}

func parseMarkdown(t *testing.T, p evidence.Portfolio) mdDoc {
	t.Helper()
	return parseMarkdownText(render(t, Markdown, p))
}

// parseMarkdownText parses Markdown as GitHub would.
func parseMarkdownText(src string) mdDoc {
	return mdDoc{[]byte(src), gfm.Parser().Parse(text.NewReader([]byte(src)))}
}

// inlineHTML renders the children of n, which is how a reader sees the
// content of a heading or a table cell.
func (d mdDoc) inlineHTML(t *testing.T, n ast.Node) string {
	t.Helper()
	var buf bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if err := gfm.Renderer().Render(&buf, d.src, c); err != nil {
			t.Fatal(err)
		}
	}
	return buf.String()
}

func (d mdDoc) html(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	if err := gfm.Renderer().Render(&buf, d.src, d.root); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var htmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// wantSections are the titles of the categories with evidence, in taxonomy
// order and then the user's own by id, worked out without the code under
// test.
func wantSections(p evidence.Portfolio) []string {
	used := make(map[string]bool)
	for _, e := range p.Evidence {
		used[e.Category] = true
	}
	var titles, user []string
	for _, c := range evidence.Categories {
		if used[c.ID] {
			titles = append(titles, c.Title)
			delete(used, c.ID)
		}
	}
	for id := range used {
		user = append(user, id)
	}
	slices.Sort(user)
	return append(titles, user...)
}

// mdStructure is what a parsed export is made of, as a reader navigates it.
type mdStructure struct {
	h1, h2 []string
	// h3 are the level-3 headings, each under the level-2 heading before it.
	h3 map[string][]string
	// lists counts list items by the level-2 section they are in, links
	// counts links the same way.
	lists, links map[string]int
	tables       []*extast.Table
}

// structureOf walks a parsed export, failing on anything that is not a
// heading, paragraph, list, table or one of the export's own links.
func structureOf(t *testing.T, d mdDoc, linkable map[string]bool) mdStructure {
	t.Helper()
	st := mdStructure{h3: map[string][]string{}, lists: map[string]int{}, links: map[string]int{}}
	section := ""
	err := ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			text := d.inlineHTML(t, n)
			switch n.Level {
			case 1:
				st.h1 = append(st.h1, text)
			case 2:
				st.h2 = append(st.h2, text)
				section = text
			case 3:
				st.h3[section] = append(st.h3[section], text)
			default:
				t.Errorf("unexpected level-%d heading %q", n.Level, text)
			}
		case *extast.Table:
			st.tables = append(st.tables, n)
		case *ast.ListItem:
			st.lists[section]++
		case *ast.Link:
			st.links[section]++
			dest := string(util.UnescapePunctuations(n.Destination))
			if !linkable[dest] {
				t.Errorf("link to %q, which is not the http(s) URL of an issue or epic in the portfolio", dest)
			}
		case *ast.AutoLink:
			t.Errorf("bare URL became a link: %q", n.URL(d.src))
		case *ast.Image:
			t.Errorf("image in the export: %q", n.Destination)
		case *ast.RawHTML, *ast.HTMLBlock:
			t.Errorf("raw HTML in the export: %T", n)
		case *ast.Blockquote, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.ThematicBreak:
			t.Errorf("unexpected block %T", n)
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// httpURL reports whether s is an absolute http(s) URL, which the export
// may link.
func httpURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// epicsWithEvidence are the keys of the portfolio's epics that some item
// is on or under, worked out without the code under test.
func epicsWithEvidence(p evidence.Portfolio) []string {
	var keys []string
	for _, ep := range p.Epics {
		for _, e := range p.Evidence {
			if e.IssueKey == ep.Key || (e.IssueType != "Epic" && e.IssueParent == ep.Key) {
				keys = append(keys, ep.Key)
				break
			}
		}
	}
	return keys
}

func TestMarkdownStructure(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.portfolio()
			d := parseMarkdown(t, p)

			linkable := make(map[string]bool)
			linkableItems := 0
			for _, e := range p.Evidence {
				if httpURL(e.IssueURL) {
					linkable[e.IssueURL] = true
					linkableItems++
				}
			}
			for _, ep := range p.Epics {
				if httpURL(ep.URL) {
					linkable[ep.URL] = true
				}
			}
			st := structureOf(t, d, linkable)

			if want := []string{markdownTitle}; !slices.Equal(st.h1, want) {
				t.Errorf("level-1 headings = %q, want %q", st.h1, want)
			}
			if len(p.Evidence) == 0 {
				if len(st.tables) != 0 || len(st.h2) != 0 {
					t.Errorf("empty portfolio has %d tables and sections %q", len(st.tables), st.h2)
				}
				if !strings.Contains(d.html(t), "No evidence yet: run <code>pmfolio sync</code>") {
					t.Errorf("empty portfolio does not say how to get evidence:\n%s", d.src)
				}
				return
			}

			categories := wantSections(p)
			for i := range categories {
				categories[i] = htmlText.Replace(categories[i])
			}
			epics := epicsWithEvidence(p)
			wantH2 := []string{"Competencies", "Highlights"}
			if len(epics) > 0 {
				wantH2 = append(wantH2, "Initiatives")
			}
			wantH2 = append(append(wantH2, categories...), "Timeline")
			if !slices.Equal(st.h2, wantH2) {
				t.Errorf("level-2 headings = %q, want %q", st.h2, wantH2)
			}

			// Every item is listed once in its category's section, with a
			// link wherever it has an http(s) issue URL.
			items, links := 0, 0
			for _, c := range categories {
				items += st.lists[c]
				links += st.links[c]
			}
			if items != len(p.Evidence) {
				t.Errorf("%d list items in the category sections, want one per evidence item: %d", items, len(p.Evidence))
			}
			if links != linkableItems {
				t.Errorf("%d links in the category sections, want one per item with an http(s) issue URL: %d", links, linkableItems)
			}
			if n := st.lists["Highlights"]; n < 1 || n > highlightCount || n > len(p.Evidence) {
				t.Errorf("%d highlights, want 1 to %d", n, min(highlightCount, len(p.Evidence)))
			}

			// One level-3 heading per initiative, each followed by proof.
			if got, want := len(st.h3["Initiatives"]), min(len(epics), initiativesShown); got != want {
				t.Errorf("%d initiatives %q, want %d (%q)", got, st.h3["Initiatives"], want, epics)
			}
			for _, h := range st.h3["Initiatives"] {
				if !slices.ContainsFunc(epics, func(key string) bool { return strings.Contains(h, ">"+key+"</a>") || strings.HasPrefix(h, key) }) {
					t.Errorf("initiative heading %q names no epic with evidence", h)
				}
			}
			if len(epics) > 0 && st.lists["Initiatives"] < len(st.h3["Initiatives"]) {
				t.Errorf("%d proof items for %d initiatives", st.lists["Initiatives"], len(st.h3["Initiatives"]))
			}

			if len(st.tables) != 2 {
				t.Fatalf("%d tables, want 2: competencies and timeline", len(st.tables))
			}
			competencies := slices.Clone(evidence.Competencies)
			if len(wantSections(p)) > len(builtinSections(p)) {
				competencies = append(competencies, "Other")
			}
			checkTable(t, d, st.tables[0], []string{"Competency", "Evidence items", "Shown by", "Gaps and what would fill them"}, competencies)
			checkTable(t, d, st.tables[1], []string{"Month", "Evidence items", "Most active in"}, monthsOf(p.Period))
		})
	}
}

// builtinSections are the titles of the built-in categories with evidence.
func builtinSections(p evidence.Portfolio) []string {
	var titles []string
	for _, c := range evidence.Categories {
		if slices.ContainsFunc(p.Evidence, func(e evidence.Evidence) bool { return e.Category == c.ID }) {
			titles = append(titles, c.Title)
		}
	}
	return titles
}

// monthsOf names every month of a period, as the timeline does.
func monthsOf(period evidence.Period) []string {
	var months []string
	for m := time.Date(period.Since.Year(), period.Since.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(period.Until); m = m.AddDate(0, 1, 0) {
		months = append(months, m.Format("January 2006"))
	}
	return months
}

// checkTable checks a table's header and first column, and that every row
// has as many cells as the header.
func checkTable(t *testing.T, d mdDoc, table *extast.Table, header, firstColumn []string) {
	t.Helper()
	var gotHeader, gotFirst []string
	for row := table.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, d.inlineHTML(t, cell))
		}
		if len(cells) != len(header) {
			t.Errorf("table row %q has %d cells, want %d", cells, len(cells), len(header))
			continue
		}
		if _, ok := row.(*extast.TableHeader); ok {
			gotHeader = cells
			continue
		}
		gotFirst = append(gotFirst, cells[0])
	}
	if !slices.Equal(gotHeader, header) {
		t.Errorf("table header = %q, want %q", gotHeader, header)
	}
	if !slices.Equal(gotFirst, firstColumn) {
		t.Errorf("table rows = %q, want %q", gotFirst, firstColumn)
	}
}

// TestMarkdownShowsJiraTextVerbatim checks that escaping loses nothing: a
// reader sees every summary, excerpt and note exactly as Jira holds it, as
// text, with only line breaks turned into spaces.
func TestMarkdownShowsJiraTextVerbatim(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.portfolio()
			html := parseMarkdown(t, p).html(t)
			var texts []string
			for _, s := range p.Sites {
				texts = append(texts, s.User.DisplayName)
			}
			for _, e := range p.Evidence {
				texts = append(texts, e.IssueSummary, e.Excerpt, e.Note)
			}
			for _, s := range texts {
				if want := htmlText.Replace(oneLine(s)); !strings.Contains(html, want) {
					t.Errorf("rendered export does not show %q as text; want %q in\n%s", s, want, html)
				}
			}
		})
	}
}

func TestMarkdownEvidenceLine(t *testing.T) {
	manual := evidence.Evidence{
		Source:     evidence.SourceManual,
		OccurredAt: at("2026-09-10T23:30:00-02:00"), // 2026-09-11 in UTC
		Category:   evidence.CatPrioritization,
		Excerpt:    "Ran the roadmap review",
		Manual:     true,
	}
	redacted := jiraItem(storyTO, evidence.SourceComment, "1", "2026-03-04T15:12:00Z",
		evidence.CatStakeholderComms, "comment.status-update", 0.8, "Update: live")
	redacted.IssueURL = ""

	tests := []struct {
		name string
		item evidence.Evidence
		want string
	}{
		{
			"issue with excerpt and note links the key",
			withNote(t, typicalPortfolio()),
			"- 2026-03-04 · [PAY-142](https://acme.atlassian.net/browse/PAY-142) Checkout times out for EU customers" +
				" — “Update: mitigation is live in eu-west; next update at 17:00.”" +
				" · Note: I ran the customer comms while the on-call engineer fixed the gateway." +
				" _(rule comment.status-update)_\n",
		},
		{
			"manual item without an issue has no link and a UTC date",
			manual,
			"- 2026-09-11 · “Ran the roadmap review” _(added by hand)_\n",
		},
		{
			"issue without a URL shows the key unlinked",
			redacted,
			"- 2026-03-04 · PAY-142 Checkout times out for EU customers — “Update: live” _(rule comment.status-update)_\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := bufio.NewWriter(&buf)
			writeEvidenceLine(w, &tt.item)
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestMarkdownNewestFirstWithinSection(t *testing.T) {
	d := parseMarkdown(t, typicalPortfolio())
	june := bytes.Index(d.src, []byte("Status: 3 of 5 stories done"))
	march := bytes.Index(d.src, []byte("Update: mitigation is live"))
	if june < 0 || march < 0 || june > march {
		t.Errorf("stakeholder updates are not newest first:\n%s", d.src)
	}
}

// withNote returns the one item of p that has a note.
func withNote(t *testing.T, p evidence.Portfolio) evidence.Evidence {
	t.Helper()
	i := slices.IndexFunc(p.Evidence, func(e evidence.Evidence) bool { return e.Note != "" })
	if i < 0 {
		t.Fatal("no item with a note")
	}
	return p.Evidence[i]
}
