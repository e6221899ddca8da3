package export

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// htmlTag matches every tag of the page: since all text is escaped, every
// "<" in the output starts one the export wrote itself.
var htmlTag = regexp.MustCompile(`<(/?)([^\s/>]*)([^>]*)>`)

// htmlAttr matches one attribute of a tag.
var htmlAttr = regexp.MustCompile(`\s([^\s=]+)(?:="([^"]*)")?`)

// allowedTags are the elements the page is made of; anything else means
// text got out of its escaping.
var allowedTags = map[string]bool{
	"!DOCTYPE": true, "html": true, "head": true, "meta": true, "title": true, "style": true,
	"body": true, "main": true, "section": true, "article": true, "h1": true, "h2": true, "h3": true, "p": true,
	"ul": true, "li": true, "a": true, "strong": true, "em": true, "code": true, "span": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"figure": true, "figcaption": true, "svg": true, "desc": true, "g": true, "line": true, "text": true, "rect": true,
}

// allowedAttrs are the attributes the page uses, with the values they may
// take where a value could carry behaviour.
var allowedAttrs = map[string]*regexp.Regexp{
	"lang": nil, "charset": nil, "http-equiv": regexp.MustCompile(`^Content-Security-Policy$`),
	"content": nil, "name": nil, "class": nil, "id": nil, "role": nil, "aria-labelledby": nil,
	"viewBox": nil, "x": nil, "y": nil, "x1": nil, "x2": nil, "y1": nil, "y2": nil, "dy": nil,
	"width": nil, "height": nil, "text-anchor": nil, "html": nil, "aria-hidden": regexp.MustCompile(`^true$`),
	"fill":  regexp.MustCompile(`^#[0-9a-f]{6}$`),
	"style": regexp.MustCompile(`^(text-align:right|background:#[0-9a-f]{6})$`),
	"href": regexp.MustCompile(`^(https://acme\.atlassian\.net/browse/[A-Z]+-\d+` +
		`(\?focusedCommentId=\d+&amp;page=com\.atlassian\.jira\.plugin\.system\.issuetabpanels:comment-tabpanel#comment-\d+)?` +
		// The full version's contents link to its headings.
		`|#([a-z0-9_-]|%[0-9A-F]{2})+)$`),
}

// htmlProblems lists every element, attribute or link of page that the
// export does not put there on purpose.
func htmlProblems(page string) []string {
	var problems []string
	report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	for _, m := range htmlTag.FindAllStringSubmatch(page, -1) {
		tag, attrs := m[2], m[3]
		if !allowedTags[tag] {
			report("unexpected element <%s%s>", tag, attrs)
			continue
		}
		if tag == "!DOCTYPE" {
			continue
		}
		for _, a := range htmlAttr.FindAllStringSubmatch(attrs, -1) {
			name, value := a[1], a[2]
			pattern, ok := allowedAttrs[name]
			if !ok {
				report("unexpected attribute %s=%q on <%s>", name, value, tag)
				continue
			}
			if pattern != nil && !pattern.MatchString(value) {
				report("attribute %s=%q on <%s> is not one the export writes", name, value, tag)
			}
		}
	}
	// Text may say "javascript:" or "src=" (the hostile case does), but
	// never inside a tag, which the scan above rules out; the style sheet
	// is the export's own and must load nothing.
	lower := strings.ToLower(page)
	for _, bad := range []string{"<script", "<img", "<iframe", "<link", "<object", "<foreignobject"} {
		if strings.Contains(lower, bad) {
			report("page contains %q", bad)
		}
	}
	if start, end := strings.Index(lower, "<style>"), strings.Index(lower, "</style>"); start >= 0 && end > start {
		for _, bad := range []string{"@import", "url("} {
			if strings.Contains(lower[start:end], bad) {
				report("style sheet contains %q", bad)
			}
		}
	}
	return problems
}

func TestHTMLHostileInputStaysText(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			for _, problem := range htmlProblems(render(t, htmlFull, tc.portfolio())) {
				t.Error(problem)
			}
		})
	}
	page := render(t, htmlFull, hostilePortfolio())
	// The hostile text is there, shown as text.
	for _, want := range []string{
		"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;",   // an excerpt, escaped by goldmark
		"&lt;img src=x onerror=alert(1)&gt;",                  // a note and an epic summary
		"[click](javascript:alert(1))",                        // a summary, as text
		"Sam &lt;b&gt;Rivera&lt;/b&gt;",                       // the user's name in the byline and title
		"evil|category #1 &lt;/title&gt;&lt;script&gt;alert(", // a category in the chart and legend
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page does not show %q as text", want)
		}
	}
	// Inside the SVG, a category title cannot end the segment's title.
	svg := page[strings.Index(page, "<svg"):strings.Index(page, "</svg>")]
	if strings.Count(svg, "<title") != strings.Count(svg, "</title>") {
		t.Errorf("unbalanced titles in the chart:\n%s", svg)
	}
}

func TestHTMLProblemsAreFound(t *testing.T) {
	for _, page := range []string{
		`<p>ok</p><script>alert(1)</script>`,
		`<p onclick="alert(1)">x</p>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="https://evil.example/">x</a>`,
		`<svg><rect fill="url(#x)"/></svg>`,
		`<svg><foreignObject></foreignObject></svg>`,
		`<style>@import "https://evil.example/x.css";</style>`,
		`<span style="background:url(https://evil.example/)"></span>`,
	} {
		if len(htmlProblems(page)) == 0 {
			t.Errorf("no problem found in %s", page)
		}
	}
}

func TestHTMLIsSelfContainedAndPrintable(t *testing.T) {
	page := render(t, htmlFull, typicalPortfolio())
	for _, want := range []string{
		"<!DOCTYPE html>\n<html lang=\"en\">",
		`<meta charset="utf-8">`,
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';`,
		"<title>Sam Rivera · Product-management portfolio</title>",
		"<style>",
		"@media print",
		"</main>\n</body>\n</html>\n",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// The only absolute URLs are the links to evidence.
	for _, u := range regexp.MustCompile(`https?://[^"<\s]+`).FindAllString(page, -1) {
		if !strings.HasPrefix(u, acme.URL+"/browse/") {
			t.Errorf("page refers to %s", u)
		}
	}
}

func TestHTMLHasTheMarkdownPortfolio(t *testing.T) {
	p := typicalPortfolio()
	page := render(t, htmlFull, p)
	wantH2 := []string{"Contents", "Initiatives", "Competencies", "Résumé bullets", "Appendix: all evidence", "Timeline"}
	var h2 []string
	for _, m := range regexp.MustCompile(`<h2[^>]*>(.*?)</h2>`).FindAllStringSubmatch(page, -1) {
		h2 = append(h2, m[1])
	}
	if !slices.Equal(h2, wantH2) {
		t.Errorf("sections = %q, want %q", h2, wantH2)
	}
	for _, e := range p.Evidence {
		if e.IssueKey != "" && !strings.Contains(page, `<a href="`+e.IssueURL+`" class="nowrap">`+e.IssueKey) {
			t.Errorf("page does not link %s", e.IssueKey)
		}
	}
	if strings.Count(page, "<table>") != 2 {
		t.Errorf("want the competency and timeline tables")
	}
}

func TestHTMLChart(t *testing.T) {
	p := typicalPortfolio()
	page := render(t, htmlFull, p)
	start, end := strings.Index(page, "<figure class=\"chart\">"), strings.Index(page, "</figure>")
	if start < 0 || end < start {
		t.Fatal("no chart figure")
	}
	chart := page[start:end]
	// It is the timeline's, under its heading and above its table, and
	// says what it shows in words a reader sees.
	if heading := `<section class="timeline">` + "\n" + `<h2 id="timeline">Timeline</h2>` + "\n"; !strings.HasSuffix(page[:start], heading) ||
		start > strings.Index(page, "<table>\n<thead>\n<tr>\n<th>Month</th>") {
		t.Errorf("the chart is not under the timeline's heading and above its table:\n%s", page[max(0, start-200):start])
	}
	if !strings.HasPrefix(chart, `<figure class="chart">`+"\n"+`<figcaption><strong>PM activity per month</strong>: evidence items by kind of work, November 2025 to November 2026</figcaption>`) {
		t.Errorf("the chart has no visible title:\n%.300s", chart)
	}
	if strings.Contains(render(t, func(w io.Writer, p evidence.Portfolio) error { return HTML(w, p, Options{}) }, p), "<svg") {
		t.Error("the brief has a chart: it is two pages of prose")
	}
	for _, want := range []string{
		`<svg viewBox="0 0 340 210" role="img" aria-labelledby="chart-title chart-desc">`,
		`>Nov*</text>`, `November is partial: the period ends on 2026-11-22.`,
		`<title id="chart-title">PM activity per month by category</title>`,
		`<desc id="chart-desc">Evidence items per month from November 2025 to November 2026`,
		`<ul class="legend">`,
	} {
		if !strings.Contains(chart, want) {
			t.Errorf("chart lacks %q", want)
		}
	}

	// One bar segment per month and category with evidence, each titled
	// with its count; one legend entry per category.
	type cell struct{ month, category string }
	want := make(map[cell]int)
	for _, e := range p.Evidence {
		title := e.Category
		if c, ok := evidence.CategoryByID(e.Category); ok {
			title = c.Title
		}
		want[cell{e.OccurredAt.UTC().Format("January 2006"), title}]++
	}
	segments := regexp.MustCompile(`<rect class="bar[^"]*" [^>]*><title>([^<(]*?)(?: \(partial[^)]*\))? · ([^<]*): (\d+) items?</title></rect>`).FindAllStringSubmatch(chart, -1)
	if len(segments) != len(want) {
		t.Errorf("%d bar segments, want %d", len(segments), len(want))
	}
	for _, s := range segments {
		if n, _ := strconv.Atoi(s[3]); want[cell{s[1], s[2]}] != n {
			t.Errorf("segment %s · %s says %s, want %d", s[1], s[2], s[3], want[cell{s[1], s[2]}])
		}
	}
	if got := strings.Count(chart, `<svg class="swatch"`); got != len(wantSections(p)) {
		t.Errorf("%d legend entries, want %d", got, len(wantSections(p)))
	}
}

func TestChartScale(t *testing.T) {
	tests := []struct{ peak, step, top int }{
		{0, 1, 1}, {1, 1, 1}, {3, 1, 3}, {5, 1, 5}, {7, 2, 8}, {10, 2, 10}, {11, 5, 15},
		{48, 10, 50}, {181, 50, 200}, {1000, 200, 1000}, {4321, 1000, 5000},
	}
	for _, tt := range tests {
		if step, top := chartScale(tt.peak); step != tt.step || top != tt.top {
			t.Errorf("chartScale(%d) = %d, %d; want %d, %d", tt.peak, step, top, tt.step, tt.top)
		}
	}
}

// A link whose label fits on a phone's line is kept on one: a browser
// would break it after a hyphen ("2026-04-" and "13)"). A longer one,
// such as a teammate's long name, may wrap.
func TestHTMLKeepsAShortLinkOnOneLine(t *testing.T) {
	p := typicalPortfolio()
	p.Epics[1].Comments[1].Author.DisplayName = "Maximilian Alexander von Hohenberg-Lindqvist"
	page := render(t, htmlFull, p)
	if !strings.Contains(page, "a.nowrap { white-space: nowrap; }") {
		t.Error("the style sheet does not keep a nowrap link on one line")
	}
	for _, want := range []string{
		`<a href="https://acme.atlassian.net/browse/PAY-120" class="nowrap">PAY-120</a>`,
		`#comment-10231" class="nowrap">PAY-142, 2026-03-04</a>`,
		`#comment-10901">Maximilian Alexander von Hohenberg-Lindqvist in Jira, 2026-10-30</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// The appendix's items of no initiative are no initiative: the page does
// not try to keep them on one page as one.
func TestHTMLDoesNotMakeTheAppendixOtherWorkAnInitiative(t *testing.T) {
	page := render(t, func(w io.Writer, p evidence.Portfolio) error { return HTML(w, p, Options{Full: true}) }, typicalPortfolio())
	if !strings.Contains(page, headingOtherWork+"</h3>") {
		t.Fatalf("the full page has no %q heading to test", headingOtherWork)
	}
	for _, a := range regexp.MustCompile(`(?s)<article class="initiative">\n(.*?)</article>`).FindAllStringSubmatch(page, -1) {
		if strings.Contains(a[1], headingOtherWork+"</h3>") {
			t.Errorf("%q is an initiative's article:\n%.300s", headingOtherWork, a[1])
		}
	}
}

// Each initiative is one article, which print keeps on one page where it
// fits, and its Outcome is set apart, on screen and on paper, so that a
// reader scanning for results finds them.
func TestHTMLSetsEachInitiativeAndItsOutcomeApart(t *testing.T) {
	for _, full := range []bool{false, true} {
		p := longBriefPortfolio(0)
		page := render(t, func(w io.Writer, p evidence.Portfolio) error { return HTML(w, p, Options{Full: full}) }, p)
		md := render(t, func(w io.Writer, p evidence.Portfolio) error { return Markdown(w, p, Options{Full: full}) }, p)
		_, initiatives, _ := strings.Cut(page, `<section class="initiatives">`)
		initiatives, _, _ = strings.Cut(initiatives, "</section>")
		articles := regexp.MustCompile(`(?s)<article class="initiative">\n(.*?)</article>`).FindAllStringSubmatch(initiatives, -1)
		h3 := regexp.MustCompile(`<h3[ >]`)
		if len(articles) != 5 || len(h3.FindAllString(initiatives, -1)) != 5 {
			t.Fatalf("full=%v: %d articles for %d initiatives:\n%s", full, len(articles), len(h3.FindAllString(initiatives, -1)), initiatives)
		}
		for _, a := range articles {
			if !strings.HasPrefix(a[1], "<h3") || len(h3.FindAllString(a[1], -1)) != 1 || strings.Count(a[1], `<p class="outcome"><strong>Outcome.</strong> `) != 1 {
				t.Errorf("full=%v: an article is not one initiative with its outcome:\n%s", full, a[1])
			}
		}
		if got, want := strings.Count(page, `<p class="outcome"><strong>Outcome.</strong> `), strings.Count(md, "**Outcome.** "); got != want {
			t.Errorf("full=%v: %d outcomes set apart of %d", full, got, want)
		}
	}
	css := regexp.MustCompile(`\s+`).ReplaceAllString(portfolioCSS, " ")
	for _, want := range []string{
		"p.outcome { margin: .75rem 0 .25rem; padding: .4rem .75rem; border-left: 3px solid var(--result); background: var(--result-wash); }",
		".initiatives .initiative, .highlights .initiative { break-inside: avoid;",
		".outcome, li:last-child:not(:first-child) { break-before: avoid;",
	} {
		if !strings.Contains(css, want) {
			t.Errorf("the style sheet lacks %q", want)
		}
	}
}

// The brief is made to fit two printed pages by its spacing, not by type
// too small to read: the PDF's body is 8.6 pt.
func TestHTMLPrintsInReadableType(t *testing.T) {
	_, print, ok := strings.Cut(portfolioCSS, "@media print {")
	m := regexp.MustCompile(`html \{ font-size: ([\d.]+)pt; \}`).FindStringSubmatch(print)
	if !ok || m == nil {
		t.Fatal("the print style sheet sets no type size")
	}
	if size, _ := strconv.ParseFloat(m[1], 64); size < 8.5 {
		t.Errorf("print type is %.1f pt, want at least 8.5", size)
	}
}
