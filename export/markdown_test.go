package export

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"maps"
	"net/url"
	"slices"
	"strconv"
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
	return parseMarkdownText(render(t, markdownFull, p))
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
			// The full version's contents link to its headings (checked
			// by TestTheFullVersionHasContentsWithAnchorsThatExist).
			if !linkable[dest] && !(section == "Contents" && strings.HasPrefix(dest, "#")) {
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

// portfolioLinks are the URLs an export of p may link to: its issues and
// epics, the user's records, and the epics' comments an outcome is quoted
// from.
func portfolioLinks(p evidence.Portfolio) map[string]bool {
	urls := make(map[string]bool)
	for _, e := range p.Evidence {
		if httpURL(e.IssueURL) {
			urls[e.IssueURL] = true
			urls[e.RecordURL()] = true
		}
	}
	for _, ep := range p.Epics {
		if httpURL(ep.URL) {
			urls[ep.URL] = true
			for _, c := range ep.Comments {
				urls[evidence.CommentURL(ep.URL, c.ID)] = true
			}
		}
	}
	return urls
}

func TestMarkdownStructure(t *testing.T) {
	for _, tc := range goldenCases {
		for _, full := range []bool{false, true} {
			t.Run(tc.name+"/full="+strconv.FormatBool(full), func(t *testing.T) {
				p := tc.portfolio()
				src := render(t, func(w io.Writer, p evidence.Portfolio) error { return Markdown(w, p, Options{Full: full}) }, p)
				d := parseMarkdownText(src)
				st := structureOf(t, d, portfolioLinks(p))
				// The title is whose portfolio it is; a redacted one says
				// what it is, its placeholder being no name.
				want := []string{html.EscapeString(evidence.OneLine(p.Sites[0].User.DisplayName))}
				if p.Redacted {
					want = []string{markdownTitle}
				}
				if !slices.Equal(st.h1, want) {
					t.Errorf("level-1 headings = %q, want %q", st.h1, want)
				}
				if byline := "\n\n" + markdownTitle + " · "; !p.Redacted && !strings.Contains(src, byline) {
					t.Errorf("the line under the name does not say what the document is (%q):\n%.300s", byline, src)
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
				epics := epicsWithEvidence(p)
				var wantH2 []string
				if full {
					wantH2 = append(wantH2, "Contents")
				}
				if len(epics) > 0 {
					wantH2 = append(wantH2, "Initiatives")
				}
				// A brief of few initiatives has room for the user's other
				// work in their own words, which each case has.
				if !full && len(epics) > 0 && len(epics) < briefInitiativesMin {
					wantH2 = append(wantH2, "Other work, in my words")
				}
				wantH2 = append(wantH2, "Competencies", "Résumé bullets")
				if full {
					wantH2 = append(wantH2, "Appendix: all evidence", "Timeline")
				}
				if !slices.Equal(st.h2, wantH2) {
					t.Errorf("level-2 headings = %q, want %q", st.h2, wantH2)
				}
				// The brief shows 3 to 5 initiatives (all, when fewer),
				// each with goal or proof and an outcome line.
				if got := len(st.h3["Initiatives"]); got != min(len(epics), briefInitiativesMax) && got < min(len(epics), briefInitiativesMin) {
					t.Errorf("%d initiatives in the brief, want %d to %d of %d", got, briefInitiativesMin, briefInitiativesMax, len(epics))
				}
				// An initiative shows its outcome, or no outcome line at
				// all; those with one come first.
				if strings.Contains(src, "Not recorded") || strings.Contains(src, "pmfolio outcome") {
					t.Errorf("the document tells its reader an outcome is missing:\n%s", src)
				}
				briefPart, _, _ := strings.Cut(src, "\n## Competencies")
				sections := strings.Split(briefPart, "\n### ")[1:]
				if len(sections) != len(st.h3["Initiatives"]) {
					t.Fatalf("%d initiative sections for %d headings", len(sections), len(st.h3["Initiatives"]))
				}
				without := false
				for _, sec := range sections {
					has := strings.Count(sec, "**Outcome.** ")
					if has > 1 || has == 1 && without {
						t.Errorf("initiative %q: %d outcome lines, after one without: %v", strings.SplitN(sec, "\n", 2)[0], has, without)
					}
					without = without || has == 0
				}
				competencies := slices.Clone(evidence.Competencies)
				if len(wantSections(p)) > len(builtinSections(p)) {
					competencies = append(competencies, "Other")
				}
				// A gap column when some kind of work has no evidence at
				// all; one shown only by field edits is told on the side.
				header := []string{"Competency", "Shown by"}
				for _, c := range evidence.Categories {
					if !slices.ContainsFunc(p.Evidence, func(e evidence.Evidence) bool { return e.Category == c.ID }) {
						header = append(header, "Gap and what would fill it")
						break
					}
				}
				checkTable(t, d, st.tables[0], header, competencies)
				if !full {
					if len(st.tables) != 1 {
						t.Errorf("%d tables in the brief, want 1", len(st.tables))
					}
					return
				}
				if len(st.tables) != 2 {
					t.Fatalf("%d tables, want 2: competencies and timeline", len(st.tables))
				}
				checkTable(t, d, st.tables[1], []string{"Month", "Evidence items", "Most active in"}, monthsOf(p.Period, p.GeneratedAt))
				// Every item is behind a link of the appendix: what the user
				// wrote to its record, a field edit to its issue; and no line
				// is a field edit of its own ("Priority: Medium → High").
				links := d.linkTargets()
				for _, e := range p.Evidence {
					target := e.IssueURL
					if inOwnWords(&e) {
						target = e.RecordURL()
					}
					if httpURL(target) && !links[target] {
						t.Errorf("no link to %s (%s %s)", target, e.Source, e.ID)
					}
				}
				for line := range strings.Lines(src) {
					if strings.Contains(line, "→") {
						t.Errorf("a line lists a field edit: %s", line)
					}
				}
			})
		}
	}
}

// linkTargets are the destinations of the document's links.
func (d mdDoc) linkTargets() map[string]bool {
	out := make(map[string]bool)
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			out[string(l.Destination)] = true
		}
		return ast.WalkContinue, nil
	})
	return out
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

// monthsOf names every month of a period, as the timeline does: the last
// one marked partial when the period ends before it does.
func monthsOf(period evidence.Period, _ time.Time) []string {
	var months []string
	for m := time.Date(period.Since.Year(), period.Since.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(period.Until); m = m.AddDate(0, 1, 0) {
		label := m.Format("January 2006")
		if u := period.Until.UTC(); u.Year() == m.Year() && u.Month() == m.Month() && u.Day() < m.AddDate(0, 1, -1).Day() {
			label += " (partial, to " + strconv.Itoa(u.Day()) + " " + u.Format("January") + ")"
		}
		months = append(months, label)
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
// reader of the full document sees what the user wrote (quotes as long as
// the appendix allows), its issue's summary and their notes exactly as Jira
// holds them, as text, with only line breaks turned into spaces.
func TestMarkdownShowsJiraTextVerbatim(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.portfolio()
			html := parseMarkdown(t, p).html(t)
			var texts []string
			if !p.Redacted {
				for _, s := range p.Sites {
					texts = append(texts, s.User.DisplayName)
				}
			}
			for _, e := range p.Evidence {
				if inOwnWords(&e) {
					texts = append(texts, e.IssueSummary, strings.TrimSuffix(evidence.Shorten(evidence.OneLine(e.Excerpt), fullQuoteLength), "…"), e.Note)
				}
			}
			for _, s := range texts {
				if want := htmlText.Replace(evidence.OneLine(s)); !strings.Contains(html, want) {
					t.Errorf("rendered export does not show %q as text; want %q in\n%s", s, want, html)
				}
			}
		})
	}
}

func TestManualEvidenceShowsItsLink(t *testing.T) {
	p := typicalPortfolio()
	for i := range p.Evidence {
		if p.Evidence[i].Manual {
			p.Evidence[i].IssueURL = "https://docs.example.com/roadmap-q4"
		}
	}
	for name, write := range map[string]func(io.Writer, evidence.Portfolio) error{"markdown": markdownFull, "html": htmlFull} {
		out := render(t, write, p)
		if name == "markdown" && !strings.Contains(out, "[link, 2026-09-10](https://docs.example.com/roadmap-q4)") {
			t.Errorf("%s: the manual item's link is not shown:\n%s", name, out)
		}
		if name == "html" && !strings.Contains(out, `<a href="https://docs.example.com/roadmap-q4" class="nowrap">link, 2026-09-10</a>`) {
			t.Errorf("%s: the manual item's link is not shown", name)
		}
	}
	var pdf bytes.Buffer
	if err := PDF(&pdf, p, Options{Full: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(pdf.Bytes(), []byte("/URI (https://docs.example.com/roadmap-q4)")) {
		t.Error("pdf: the manual item's link is not clickable")
	}
}

func TestCommentLinksFocusTheComment(t *testing.T) {
	e := jiraItem(storyTO, evidence.SourceComment, "10231", "2026-03-04T15:12:00Z", evidence.CatStakeholderComms, "r", 0.8, "x")
	want := "https://acme.atlassian.net/browse/PAY-142?focusedCommentId=10231&page=com.atlassian.jira.plugin.system.issuetabpanels:comment-tabpanel#comment-10231"
	if got := e.RecordURL(); got != want {
		t.Errorf("comment link = %s\nwant %s", got, want)
	}
	if !strings.Contains(render(t, markdownFull, typicalPortfolio()), "("+want+")") {
		t.Error("the full export does not link the comment itself")
	}
}

// Words pasted from one template into issues of two initiatives are one
// proof: once quoted, whatever the case and spacing, they are not picked
// again.
func TestPickVariedNeverPicksWordsAlreadyQuoted(t *testing.T) {
	p := typicalPortfolio()
	s := newStrengths(newView(p))
	var verified *evidence.Evidence
	for i := range p.Evidence {
		if p.Evidence[i].Category == evidence.CatAcceptanceTesting {
			verified = &p.Evidence[i]
		}
	}
	pasted := jiraItem(storyRefund, evidence.SourceComment, "10999", "2026-10-20T09:00:00Z",
		verified.Category, verified.Rule, verified.Confidence, "  "+strings.ToUpper(verified.Excerpt)+"\n")
	shown := &quoteSet{}
	if got := s.pickVaried([]*evidence.Evidence{verified}, 3, shown); len(got) != 1 {
		t.Fatalf("picked %d of one item", len(got))
	}
	if got := s.pickVaried([]*evidence.Evidence{&pasted}, 3, shown); len(got) != 0 {
		t.Errorf("picked %q after %q was quoted", got[0].Excerpt, verified.Excerpt)
	}
	if got := s.pickVaried([]*evidence.Evidence{&pasted}, 3, nil); len(got) != 1 {
		t.Error("with nothing quoted before, the item was not picked")
	}
}

// Proofs come from different issues first, so that an initiative shows
// the range of its work; when no other issue has one left to give, a
// second proof of another kind on an issue already quoted fills the slot
// rather than leaving it empty (a progress note on the epic beside the
// release plan written there).
func TestPickVariedTakesASecondIssueFirstAndFillsEmptySlotsFromOneAlreadyQuoted(t *testing.T) {
	s := newStrengths(newView(typicalPortfolio()))
	plan := jiraItem(epicEU, evidence.SourceComment, "12001", "2026-03-01T09:00:00Z", evidence.CatReleasePlanning, "comment.release", 0.8,
		"Release plan: retries ship in 2026.03 behind a flag, the EU rollout follows a week later once the error rate holds under 1%.")
	note := jiraItem(epicEU, evidence.SourceComment, "12002", "2026-03-08T09:00:00Z", evidence.CatStakeholderComms, "comment.status-update", 0.8,
		"Update for support: retries are live for 10% of EU checkouts, errors down from 9% to 2%; full rollout Thursday.")
	decision := jiraItem(taskRetry, evidence.SourceComment, "12003", "2026-02-20T09:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8,
		"Decision: retries happen in the gateway client, not the checkout service, because only the client knows the timeout.")
	items := []*evidence.Evidence{&plan, &note, &decision}
	two := s.pickVaried(items, 2, nil)
	if len(two) != 2 || two[0].IssueKey == two[1].IssueKey {
		t.Errorf("two proofs of %d: want one each of %s and %s", len(two), epicEU.key, taskRetry.key)
	}
	three := s.pickVaried(items, 3, nil)
	if len(three) != 3 {
		t.Fatalf("picked %d of 3 proofs: a slot stays empty while an issue already quoted has one", len(three))
	}
	if !slices.Equal(three[:2], two) {
		t.Errorf("filling the third slot changed the first two")
	}
}

// The team work the user picked up through `pmfolio next` is in the
// brief's headline, each task linked to the user's own record of doing it.
func TestTheBriefHeadlineClaimsTheTeamWorkPickedUp(t *testing.T) {
	p := typicalPortfolio()
	brief := func(p evidence.Portfolio) string {
		return render(t, func(w io.Writer, p evidence.Portfolio) error { return Markdown(w, p, Options{}) }, p)
	}
	if strings.Contains(brief(p), "unowned PM task") {
		t.Fatal("a portfolio without team work claims some")
	}
	var flagCleared evidence.Evidence
	for _, e := range p.Evidence {
		if e.Rule == "change.flag-cleared" {
			flagCleared = e
		}
	}
	p.TeamWork = []evidence.TeamWork{
		{SiteName: acme.Name, IssueKey: flagCleared.IssueKey, IssueURL: flagCleared.IssueURL, Detector: "blocked-no-comment",
			Category: evidence.CatUnblocking, EvidenceID: flagCleared.ID},
	}
	headline := strings.SplitN(brief(p), "\n\n", 4)[2]
	want := "I also picked up 1 unowned PM task that was blocking the team ([" + flagCleared.IssueKey + "](" + flagCleared.RecordURL() + "))."
	if !strings.HasSuffix(headline, want) {
		t.Errorf("headline %q\nwant it to end %q", headline, want)
	}
	// Work done on another issue than the one suggested (the postmortem
	// an incident lacked) is named and linked by where it was done.
	var filed evidence.Evidence
	for _, e := range p.Evidence {
		if e.Source == evidence.SourceIssue && e.IssueKey != flagCleared.IssueKey {
			filed = e
		}
	}
	incident := evidence.TeamWork{SiteName: acme.Name, IssueKey: "OPS-950", IssueURL: acme.IssueURL("OPS-950"),
		Detector: "incident.no-postmortem", Category: filed.Category, EvidenceID: filed.ID}
	p.TeamWork = append(p.TeamWork, incident)
	headline = strings.SplitN(brief(p), "\n\n", 4)[2]
	if want := "[" + filed.IssueKey + "](" + filed.RecordURL() + "))."; filed.ID == "" || !strings.HasSuffix(headline, want) || strings.Contains(headline, "OPS-950") {
		t.Errorf("headline %q\nwant it to end %q", headline, want)
	}
	p.TeamWork = p.TeamWork[:1]
	for i := range 6 {
		p.TeamWork = append(p.TeamWork, evidence.TeamWork{SiteName: acme.Name, IssueKey: fmt.Sprintf("OPS-%d", 900+i),
			IssueURL: acme.IssueURL(fmt.Sprintf("OPS-%d", 900+i)), Category: evidence.CatStoryWriting})
	}
	headline = strings.SplitN(brief(p), "\n\n", 4)[2]
	if !strings.Contains(headline, "picked up 7 unowned PM tasks") || !strings.Contains(headline, "[OPS-903](https://acme.atlassian.net/browse/OPS-903) and 2 more in the JSON export).") {
		t.Errorf("headline with 7 tasks: %q", headline)
	}
}

// One template filled in twice reads as the same quote, and so does one
// long clause said again word for word to other people; two updates that
// share a few words do not.
func TestQuoteSetTellsATemplateFilledInTwice(t *testing.T) {
	var qs quoteSet
	qs.add("We settled on 30 days of retention for loki logs after checking with Hana from security. Cheaper, and still enough for incident reviews.")
	qs.add("FYI Chloé Dubois and Sam O'Connor: this slipped a few days because of a week of heavy on-call. New ETA 16 Feb. I'll shout if that moves again.")
	for text, same := range map[string]bool{
		"FYI Chloé Dubois and Aisha Bello: this slipped a few days because of a week of heavy on-call. New ETA 28 Oct. Nothing needed from you yet.":    true,
		"Heads-up for Aisha Bello: this slipped a week because the vendor's API is late. New ETA 28 Oct, I'll post again on Monday.":                    false,
		"We settled on 45 days of retention for redis-cache logs after checking with Oskar from sales. Cheaper, and still enough for incident reviews.": true,
		"WE SETTLED ON 30 DAYS OF RETENTION FOR LOKI LOGS after checking with Hana from security. Cheaper, and still enough for incident reviews.":      true,
		"Decision: we keep the old endpoint until payments-api 3.19 and remove it after. Agreed with Lee in the weekly risk review.":                    false,
		"Retention for loki logs is 30 days; Hana from security is fine with it.":                                                                       false,
	} {
		if got := qs.has(text); got != same {
			t.Errorf("has(%q) = %v, want %v", text, got, same)
		}
	}
}

// Where a rule and the text model claim one comment as different kinds of
// work, the brief says what the rule says: the model's confidence is a
// probability, not a rule's certainty.
func TestTheBriefPrefersARulesClaimToTheModels(t *testing.T) {
	p := typicalPortfolio()
	words := "We stop maintaining the old dashboards, the cost dashboard is the one. We decided that in the architecture forum."
	rule := jiraItem(storyRefund, evidence.SourceComment, "10998", "2026-10-20T09:00:00Z",
		evidence.CatDecisionMaking, "comment.decision", 0.8, words)
	model := jiraItem(storyRefund, evidence.SourceComment, "10998", "2026-10-20T09:00:00Z",
		evidence.CatUnblocking, evidence.RuleTextModel, 0.99, words)
	s := newStrengths(newView(p))
	if got := s.pickVaried([]*evidence.Evidence{&model, &rule}, 1, nil); len(got) != 1 || got[0].Rule != "comment.decision" {
		t.Errorf("picked %+v, want the rule's decision", got)
	}
}

// However rare the model's kind of work is, a proof of a record a rule
// claimed says what the rule says: a progress note on the user's epic is
// stakeholder communication (taxonomy.md), not the epic ownership the
// model also read in it.
func TestAProofOfARecordARuleClaimedCarriesTheRulesKind(t *testing.T) {
	words := "Update: 3 of 4 stories done, the rest are in review. ETA for the rollout is Monday. Risk: the production drill needs a window from Payments."
	rule := jiraItem(epicEU, evidence.SourceComment, "10997", "2026-09-17T14:10:00Z", evidence.CatStakeholderComms, "comment.status-update", 0.75, words)
	model := jiraItem(epicEU, evidence.SourceComment, "10997", "2026-09-17T14:10:00Z", evidence.CatEpicOwnership, evidence.RuleTextModel, 0.98, words)
	s := strengths{rarity: map[string]float64{evidence.CatEpicOwnership: 1}}
	if got := s.pickVaried([]*evidence.Evidence{&model, &rule}, 1, nil); len(got) != 1 || got[0] != &rule {
		t.Errorf("picked %+v, want the rule's stakeholder communication", got)
	}
	// A record only the model claimed is still the model's to show.
	if got := s.pickVaried([]*evidence.Evidence{&model}, 1, nil); len(got) != 1 || got[0] != &model {
		t.Errorf("picked %+v, want the model's claim where no rule claimed the record", got)
	}
}

// The brief states an initiative's result once: under the initiative, not
// again among its résumé bullets (pmfolio bullets still leads with it).
func TestTheBriefDoesNotRepeatAResultAmongItsBullets(t *testing.T) {
	countEveryAct(t)
	p := typicalPortfolio()
	p.Epics[0].Outcome = "EU checkout timeouts fell from 2.1% to 0.3% in the first month."
	var md bytes.Buffer
	if err := Markdown(&md, p, Options{}); err != nil {
		t.Fatal(err)
	}
	_, bullets, _ := strings.Cut(md.String(), "## Résumé bullets")
	if !strings.Contains(md.String(), "**Outcome.** EU checkout timeouts fell") {
		t.Fatalf("the brief does not show the outcome:\n%s", md.String())
	}
	if strings.Contains(bullets, "fell from 2.1% to 0.3%") || strings.Count(bullets, "\n- ") != briefBullets {
		t.Errorf("bullets repeat the result, or are not %d:\n%s", briefBullets, bullets)
	}
	if lines := bulletLines(t, p, -1); !strings.Contains(lines[0], "fell from 2.1% to 0.3%") {
		t.Errorf("pmfolio bullets no longer leads with the result: %q", lines[0])
	}
}

// The brief's bullets are the top of pmfolio bullets but for the results
// shown above, never filled from below the cut: with both initiatives'
// results shown, three remain and the brief shows three (it had padded
// with the incident bullet, sixth in pmfolio bullets).
func TestTheBriefsBulletsAreTheTopOfBulletsWithoutTheResultsShown(t *testing.T) {
	p := typicalPortfolio()
	p.Epics[0].Outcome = "EU checkout timeouts fell from 2.1% to 0.3% in the first month."
	refunds := fixtureIssue{"10120", "PAY-120", "Epic", "Self-service refunds", "", me, "done", nil}
	p.Evidence = append(p.Evidence, jiraItem(refunds, evidence.SourceComment, "10905", "2026-10-02T09:00:00Z",
		evidence.CatEpicOwnership, "comment.epic-progress", 0.8, "Refunds: the order-page flow is live for all merchants, next is partial refunds."))
	var want []string
	for _, line := range bulletLines(t, p, DefaultBullets) {
		if !strings.HasPrefix(line, "Led “") {
			want = append(want, "- "+line)
		}
	}
	var md bytes.Buffer
	if err := Markdown(&md, p, Options{}); err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(md.String(), "## Résumé bullets\n\n")
	section, _, _ = strings.Cut(section, "\n\n")
	if got := strings.Split(section, "\n"); !slices.Equal(got, want) {
		t.Errorf("brief bullets:\n%s\nwant the top %d of pmfolio bullets without the results:\n%s", section, DefaultBullets, strings.Join(want, "\n"))
	}
}

// The brief is handed to a hiring manager: a kind of work with no evidence
// at all is a gap with what would fill it, as taxonomy.md asks, but one
// shown only by field edits is shown as it is, and the user alone is told
// that an interviewer will ask for an example in their words.
func TestBriefToldTheUserNotTheReaderWhatIsOnlyFieldEdits(t *testing.T) {
	const when = "2026-03-04T15:12:00Z"
	p := portfolioOf(
		jiraItem(storyTO, evidence.SourceComment, "1", when, evidence.CatDecisionMaking, "comment.decision", 0.8, "Decision: we retry once on a gateway timeout, never twice."),
		jiraItem(storyRetry, evidence.SourceChange, "2", when, evidence.CatBacklogGrooming, "change.estimate", 0.7, "Story point estimate: (none) → 3"))
	var doc, lint strings.Builder
	if err := Markdown(&doc, p, Options{Lint: &lint}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.String(), "| Competency | Shown by | Gap and what would fill it |") || !strings.Contains(doc.String(), "**Stakeholder communication:**") ||
		strings.Contains(doc.String(), "only field edits") {
		t.Errorf("the competency table shows the reader the wrong gaps:\n%s", doc.String())
	}
	if want := "in your words: Backlog grooming (1 issue) is shown only by field edits, and an interviewer will ask for an example; join or run backlog refinement"; !strings.Contains(lint.String(), want) {
		t.Errorf("the user is not told %q:\n%s", want, lint.String())
	}
}

// A brief whose every competency is shown in the user's own words has no
// gap column: a column of dashes tells the reader nothing.
func TestBriefCompetenciesWithoutGapsHaveNoGapColumn(t *testing.T) {
	p := generatedPortfolio(240) // every category, every item a comment
	var b strings.Builder
	if err := Markdown(&b, p, Options{}); err != nil {
		t.Fatal(err)
	}
	doc := b.String()
	if !strings.Contains(doc, "| Competency | Shown by |\n| --- | --- |\n") || strings.Contains(doc, "Gap and what would fill it") {
		t.Errorf("competency table with a gap column and no gap:\n%s", doc)
	}
}

// A user whose work is on no epic has no initiative to tell: the brief
// still quotes their strongest words, each linked to its record, rather
// than make claims with nothing a reader could open.
func TestABriefWithoutInitiativesQuotesWhatTheUserDid(t *testing.T) {
	const when = "2026-03-04T15:12:00Z"
	p := portfolioOf(
		jiraItem(checkoutAPI, evidence.SourceComment, "501", when, evidence.CatDecisionMaking, "comment.decision", 0.8,
			"Decision: retries stay client-side; the API only reports them."),
		jiraItem(checkoutAPI, evidence.SourceChange, "502", when, evidence.CatPrioritization, "change.priority", 0.8, "Priority: Medium → High"))
	var b strings.Builder
	if err := Markdown(&b, p, Options{}); err != nil {
		t.Fatal(err)
	}
	doc := b.String()
	comment := evidence.CommentURL(acme.IssueURL(checkoutAPI.key), "501")
	if !strings.Contains(doc, "## What I did\n\n- **Decision-making.** On “Expose retry status in the checkout API”: “Decision: retries stay client-side; the API only reports them.” ([CHK-310, 2026-03-04]("+comment+"))\n") {
		t.Errorf("the brief quotes nothing of what the user did:\n%s", doc)
	}
	if !strings.Contains(doc, "- **Prioritization:** ") {
		t.Errorf("with one quote, the field edits are not summarised:\n%s", doc)
	}
}

// An engineer with no epic who coordinated an incident gets it told as
// an initiative is (where and when, what I did, the outcome), first in
// the headline and before the rest of what they did, which does not quote
// the incident again.
func TestABriefWithoutInitiativesTellsTheIncidentTheUserCoordinated(t *testing.T) {
	for _, f := range formats {
		if err := f.write(io.Discard, noEpicPortfolio()); err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
	}
	var b strings.Builder
	if err := Markdown(&b, noEpicPortfolio(), Options{}); err != nil {
		t.Fatal(err)
	}
	doc := b.String()
	if !strings.Contains(doc, "Between November 2025 and November 2026 I led the response to “Payment webhooks delayed by up to 40 minutes”, recorded 2 product decisions") {
		t.Errorf("the headline does not open with the incident the brief tells:\n%s", doc)
	}
	incidents, rest, ok := strings.Cut(doc, "## What I did\n")
	if !ok || !strings.Contains(incidents, "## Incidents I coordinated\n\n### [OPS-412](https://acme.atlassian.net/browse/OPS-412) Payment webhooks delayed by up to 40 minutes\n\nOperations (OPS) · May 2026 · 3 issues with 1 teammate · resolved\n") ||
		!strings.Contains(incidents, "**Decision-making.** “Decision: we pause the nightly reconciliation job") ||
		!strings.Contains(incidents, "**Outcome.** “Resolved: the queue was empty at 16:05") {
		t.Fatalf("the brief does not tell the incident:\n%s", doc)
	}
	rest, _, _ = strings.Cut(rest, "## Competencies")
	for _, key := range []string{"OPS-412", "OPS-415", "OPS-416"} {
		if strings.Contains(rest, key) {
			t.Errorf("what I did quotes the incident told above (%s) again:\n%s", key, rest)
		}
	}
	if !strings.Contains(rest, "CHK-530") {
		t.Errorf("what I did leaves out the work on no incident:\n%s", rest)
	}
}

// The brief summarises many field edits with a few of their issues; the
// full portfolio links every one.
func TestABriefWithoutInitiativesLinksAFewEditedIssues(t *testing.T) {
	var items []evidence.Evidence
	for i := range 20 {
		is := checkoutAPI
		is.id, is.key = strconv.Itoa(40000+i), "CHK-"+strconv.Itoa(400+i)
		items = append(items, jiraItem(is, evidence.SourceChange, strconv.Itoa(600+i), "2026-03-04T15:12:00Z",
			evidence.CatPrioritization, "change.priority", 0.8, "Priority: Medium → High"))
	}
	var b strings.Builder
	if err := Markdown(&b, portfolioOf(items...), Options{}); err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(b.String(), "## What I did\n\n")
	section, _, _ = strings.Cut(section, "\n\n")
	if !strings.Contains(section, "Re-prioritized or re-ranked 20 issues") || strings.Count(section, "](") != highlightEditLinks ||
		!strings.HasSuffix(section, " and 12 more") {
		t.Errorf("want 20 issues, %d of them linked, and 12 more:\n%s", highlightEditLinks, section)
	}
}

// The user's note on a proof the brief quotes shows with it, as in the
// full portfolio: it is their account of their part.
func TestTheBriefShowsTheNoteOnAProof(t *testing.T) {
	decision := jiraItem(checkoutAPI, evidence.SourceComment, "501", "2026-03-04T15:12:00Z", evidence.CatDecisionMaking,
		"comment.decision", 0.8, "Decision: retries stay client-side; the API only reports them.")
	decision.Note = "I ran the design review with the two teams."
	var b strings.Builder
	if err := Markdown(&b, portfolioOf(decision), Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "), my note: I ran the design review with the two teams.\n") {
		t.Errorf("the note is not shown with its proof:\n%s", b.String())
	}
}

// Work recorded by hand is not Jira activity: a portfolio of it alone does
// not say it comes from Jira, nor promise links to Jira records.
func TestTheFooterSaysWhereTheEvidenceComesFrom(t *testing.T) {
	p := emptyPortfolio()
	for _, e := range typicalPortfolio().Evidence {
		if e.Manual && e.IssueKey == "" {
			p.Evidence = append(p.Evidence, e)
		}
	}
	if len(p.Evidence) == 0 {
		t.Fatal("the typical portfolio has no work recorded by hand")
	}
	var md strings.Builder
	if err := Markdown(&md, p, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), " from work I recorded up to ") || strings.Contains(md.String(), "Jira activity") ||
		strings.Contains(md.String(), "links to its") {
		t.Errorf("the footer of hand-recorded work:\n%s", md.String())
	}
}

// The appendix quotes a text's first sentence whole, up to twice its
// usual length: a user story in one long sentence is not cut before what
// it contrasts.
func TestTheAppendixQuotesAFirstSentenceWhole(t *testing.T) {
	story := "As an engineer I want preview environments to shut down on their own after a week without a deploy so that a forgotten environment costs us a week, not a month. Done when: the reaper runs nightly."
	if got := evidence.ShortenAtSentence(story, fullQuoteMax(story)); !strings.HasSuffix(got, "not a month. …") {
		t.Errorf("quoted %q, want its first sentence whole", got)
	}
	short := "Verified on staging: the retry works. Then a second sentence that is long enough to go past the usual length of an appendix quote by far, with more words."
	if got := fullQuoteMax(short); got != fullQuoteLength {
		t.Errorf("a short first sentence gives %d, want the usual %d", got, fullQuoteLength)
	}
}

// One record claimed as two kinds of work is quoted once, under the kind
// that leaves no slot empty: a replan that is an update and release
// planning, beside a progress note that is an update and (by a rule of
// the epic's owner) epic ownership, shows as release planning and the
// note as the update, never the note as "Epic ownership".
func TestARecordOfTwoKindsIsToldAsTheOneThatLeavesNoSlotEmpty(t *testing.T) {
	replan := "3DS work slipped a week because of the PSD2 test cards from the acquirer. New plan: 5% on Aug 25, 25% two weeks later, 100% end of September if failures stay flat."
	note := "Where we are: vault integration and the payment step are done, account page removal is in review."
	replanUpdate := jiraItem(epicEU, evidence.SourceComment, "20", "2026-08-10T09:00:00Z", evidence.CatStakeholderComms, "comment.status-update", 0.75, replan)
	replanRelease := jiraItem(epicEU, evidence.SourceComment, "20", "2026-08-10T09:00:00Z", evidence.CatReleasePlanning, "comment.release", 0.7, replan)
	noteUpdate := jiraItem(epicEU, evidence.SourceComment, "21", "2026-06-12T09:00:00Z", evidence.CatStakeholderComms, "comment.status-update", 0.75, note)
	noteEpic := jiraItem(epicEU, evidence.SourceComment, "21", "2026-06-12T09:00:00Z", evidence.CatEpicOwnership, "comment.epic-owner", 0.7, note)
	decision := jiraItem(storyTO, evidence.SourceComment, "22", "2026-06-03T09:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8,
		"Talked to Lena, we'll drop the CSV export for now and revisit in Q3.")
	items := []*evidence.Evidence{&replanUpdate, &replanRelease, &noteUpdate, &noteEpic, &decision}
	s := strengths{rarity: map[string]float64{evidence.CatEpicOwnership: 1}}
	got := make(map[string]string)
	for _, e := range s.pickVaried(items, 3, nil) {
		got[e.Category] = e.SourceID
	}
	want := map[string]string{evidence.CatDecisionMaking: "22", evidence.CatReleasePlanning: "20", evidence.CatStakeholderComms: "21"}
	if !maps.Equal(got, want) {
		t.Errorf("picked (category: comment) %v, want %v", got, want)
	}
}

// The brief's favoured kinds are not held back by their issue: an epic's
// own update beside the decision taken on it is what a hiring manager
// reads for, where one proof per issue showed a story and a release note
// of two other issues instead.
func TestAFavouredProofIsNotHeldBackByItsIssue(t *testing.T) {
	decision := jiraItem(epicEU, evidence.SourceComment, "30", "2026-09-24T09:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8,
		"After talking it through with Aisha: we're going with synchronous replication for the payments database, not for every database.")
	update := jiraItem(epicEU, evidence.SourceComment, "31", "2026-09-17T09:00:00Z", evidence.CatStakeholderComms, "comment.status-update", 0.75,
		"Update: 2 of 4 stories done, the rest are in review. ETA for the rollout is Monday.")
	story := jiraItem(storyTO, evidence.SourceIssue, storyTO.id, "2026-08-28T09:00:00Z", evidence.CatStoryWriting, "issue.story", 0.8,
		"As an engineering manager I want the drill report to show the write downtime each service saw so that we know which services still stall.")
	release := jiraItem(storyRetry, evidence.SourceComment, "32", "2026-08-03T09:00:00Z", evidence.CatReleasePlanning, "comment.release", 0.7,
		"Not blocking for this release, and the cut-off was on the 26th. Moving it to the next release, because the drill comes first.")
	s := strengths{favour: proofFavour}
	got := make(map[string]bool)
	for _, e := range s.pickVaried([]*evidence.Evidence{&decision, &update, &story, &release}, 3, nil) {
		got[e.Category] = true
	}
	if !got[evidence.CatDecisionMaking] || !got[evidence.CatStakeholderComms] {
		t.Errorf("picked %v, want the epic's decision and its update", got)
	}
}

// A note that opens as a progress note is told as one, not as the release
// planning a rule also read in it: "Planned the release of REL-411" of an
// epic's "Quick note on progress" is not what its writer did.
func TestANoteThatOpensAsAnUpdateIsToldAsOne(t *testing.T) {
	words := "Quick note on progress: 4.12 was the first release fully on the checklist. Go/No-Go was NO-GO first time due to two sev-2."
	asUpdate := jiraItem(epicEU, evidence.SourceComment, "40", "2026-06-01T09:00:00Z", evidence.CatStakeholderComms, "comment.status-update", 0.75, words)
	asRelease := jiraItem(epicEU, evidence.SourceComment, "40", "2026-06-01T09:00:00Z", evidence.CatReleasePlanning, "comment.release", 0.7, words)
	other := "Sharing where we stand. SIT/UAT criteria are agreed and published, and the dashboard is live."
	otherUpdate := jiraItem(epicEU, evidence.SourceComment, "41", "2026-03-25T09:00:00Z", evidence.CatStakeholderComms, "comment.status-update", 0.75, other)
	for _, e := range (strengths{}).pickVaried([]*evidence.Evidence{&asUpdate, &asRelease, &otherUpdate}, 3, nil) {
		if e.Category != evidence.CatStakeholderComms {
			t.Errorf("picked %q as %s, want it told only as an update", e.Excerpt, e.Category)
		}
	}
	// A replan that does not open as an update can still be release planning.
	replan := "3DS work slipped a week because of the PSD2 test cards. New plan: 5% on Aug 25, 25% two weeks later."
	if opensAsUpdate.MatchString(replan) || !opensAsUpdate.MatchString(other) || !opensAsUpdate.MatchString("Update: 2 of 4 done") {
		t.Error("opensAsUpdate tells a replan from a progress note wrongly")
	}
}
