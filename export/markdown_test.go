package export

import (
	"bufio"
	"bytes"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
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
	var buf bytes.Buffer
	if err := Markdown(&buf, p); err != nil {
		t.Fatal(err)
	}
	return mdDoc{buf.Bytes(), gfm.Parser().Parse(text.NewReader(buf.Bytes()))}
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

func TestMarkdownStructure(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.portfolio()
			d := parseMarkdown(t, p)

			issueURLs := make(map[string]bool)
			linkable := 0
			for _, e := range p.Evidence {
				if u, err := url.Parse(e.IssueURL); err == nil && (u.Scheme == "https" || u.Scheme == "http") {
					issueURLs[e.IssueURL] = true
					linkable++
				}
			}

			var h1, h2 []string
			var tables []*extast.Table
			var links, listItems int
			err := ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				switch n := n.(type) {
				case *ast.Heading:
					switch n.Level {
					case 1:
						h1 = append(h1, d.inlineHTML(t, n))
					case 2:
						h2 = append(h2, d.inlineHTML(t, n))
					default:
						t.Errorf("unexpected level-%d heading %q", n.Level, d.inlineHTML(t, n))
					}
				case *extast.Table:
					tables = append(tables, n)
				case *ast.ListItem:
					listItems++
				case *ast.Link:
					links++
					dest := string(util.UnescapePunctuations(n.Destination))
					if !issueURLs[dest] {
						t.Errorf("link to %q, which is not the http(s) URL of an issue in the portfolio", dest)
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

			if want := []string{markdownTitle}; !slices.Equal(h1, want) {
				t.Errorf("level-1 headings = %q, want %q", h1, want)
			}
			wantH2 := wantSections(p)
			for i := range wantH2 {
				wantH2[i] = htmlText.Replace(wantH2[i])
			}
			if !slices.Equal(h2, wantH2) {
				t.Errorf("level-2 headings = %q, want one per category with evidence: %q", h2, wantH2)
			}
			if listItems != len(p.Evidence) {
				t.Errorf("%d list items, want one per evidence item: %d", listItems, len(p.Evidence))
			}
			if links != linkable {
				t.Errorf("%d links, want one per item with an http(s) issue URL: %d", links, linkable)
			}

			if len(p.Evidence) == 0 {
				if len(tables) != 0 {
					t.Errorf("empty portfolio has %d tables", len(tables))
				}
				if !strings.Contains(d.html(t), "No evidence yet: run <code>pmfolio sync</code>") {
					t.Errorf("empty portfolio does not say how to get evidence:\n%s", d.src)
				}
				return
			}
			if len(tables) != 1 {
				t.Fatalf("%d tables, want 1", len(tables))
			}
			checkSummaryTable(t, d, tables[0], wantH2)
		})
	}
}

// checkSummaryTable checks the header and that there is one row per
// category, in section order.
func checkSummaryTable(t *testing.T, d mdDoc, table *extast.Table, categories []string) {
	t.Helper()
	var header []string
	var firstColumn []string
	for row := table.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, d.inlineHTML(t, cell))
		}
		if len(cells) != 3 {
			t.Errorf("table row %q has %d cells, want 3", cells, len(cells))
			continue
		}
		if _, ok := row.(*extast.TableHeader); ok {
			header = cells
			continue
		}
		firstColumn = append(firstColumn, cells[0])
	}
	if want := []string{"Category", "Evidence items", "Issues"}; !slices.Equal(header, want) {
		t.Errorf("table header = %q, want %q", header, want)
	}
	if !slices.Equal(firstColumn, categories) {
		t.Errorf("table rows = %q, want %q", firstColumn, categories)
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
