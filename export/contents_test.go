package export

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Anchors are GitHub's, so that the Markdown's contents work there.
func TestHeadingAnchorsAreGitHubs(t *testing.T) {
	a := newHeadingAnchors()
	for _, tt := range []struct{ heading, want string }{
		{"Maya Lindqvist", "maya-lindqvist"},
		{"Résumé bullets", "résumé-bullets"},
		{"Appendix: all evidence", "appendix-all-evidence"},
		{"OPS-1181 On-call health: halve pages per week", "ops-1181-on-call-health-halve-pages-per-week"},
		{"PAY-3413, PAY-3455 Webhook reliability, phases 1 and 2", "pay-3413-pay-3455-webhook-reliability-phases-1-and-2"},
		{"C++ & Go — snake_case 2026", "c--go--snake_case-2026"},
		{"OPS-1181 On-call health: halve pages per week", "ops-1181-on-call-health-halve-pages-per-week-1"},
		{"ops-1181-on-call-health-halve-pages-per-week-2", "ops-1181-on-call-health-halve-pages-per-week-2"},
		{"OPS-1181 On-call health: halve pages per week", "ops-1181-on-call-health-halve-pages-per-week-3"},
		{"🚀", ""},
	} {
		if got := a.next(tt.heading); got != tt.want {
			t.Errorf("anchor of %q = %q, want %q", tt.heading, got, tt.want)
		}
	}
}

// contentsLinks are the in-page links of a document's contents section.
func contentsLinks(t *testing.T, md string) []string {
	t.Helper()
	_, contents, ok := strings.Cut(md, "\n## Contents\n\n")
	if !ok {
		return nil
	}
	contents, _, _ = strings.Cut(contents, "\n\n")
	var links []string
	for _, m := range regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(contents, -1) {
		links = append(links, m[1])
	}
	return links
}

// The full version opens with its contents: each section, and under the
// appendix each initiative's evidence, linked to its heading by the
// anchor GitHub gives it; the page names its headings the same, and the
// brief has no contents.
func TestTheFullVersionHasContentsWithAnchorsThatExist(t *testing.T) {
	for _, tc := range goldenCases {
		p := tc.portfolio()
		if len(p.Evidence) == 0 {
			continue
		}
		md := render(t, markdownFull, p)
		links := contentsLinks(t, md)
		// Every level-2 heading after the contents, and the appendix's
		// level-3 ones.
		var want []string
		anchors := newHeadingAnchors()
		doc := parseMarkdownText(md)
		section := ""
		_ = ast.Walk(doc.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			h, ok := n.(*ast.Heading)
			if !ok || !entering {
				return ast.WalkContinue, nil
			}
			anchor := anchors.next(plainText(doc.src, h))
			if h.Level == 2 {
				section = plainText(doc.src, h)
			}
			if h.Level == 2 && section != "Contents" || h.Level == 3 && section == "Appendix: all evidence" {
				want = append(want, anchor)
			}
			return ast.WalkSkipChildren, nil
		})
		if len(want) < 5 || !slices.Equal(links, want) {
			t.Errorf("%s: the contents link to %q, want %q", tc.name, links, want)
		}

		page := render(t, htmlFull, p)
		ids := map[string]int{}
		for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
			ids[m[1]]++
		}
		_, contents, _ := strings.Cut(page, `<section class="contents">`)
		contents, _, _ = strings.Cut(contents, "</section>")
		var hrefs []string
		for _, m := range regexp.MustCompile(`<a href="#([^"]+)"`).FindAllStringSubmatch(contents, -1) {
			anchor, err := url.PathUnescape(m[1])
			if err != nil {
				t.Fatal(err)
			}
			hrefs = append(hrefs, anchor)
			if ids[anchor] != 1 {
				t.Errorf("%s: the page's contents link to #%s, which %d elements are", tc.name, anchor, ids[anchor])
			}
		}
		if !slices.Equal(hrefs, links) {
			t.Errorf("%s: the page's contents link to %q, the Markdown's to %q", tc.name, hrefs, links)
		}

		for _, brief := range []string{render(t, formats[0].write, p), render(t, formats[3].write, p)} {
			if strings.Contains(brief, "Contents") || strings.Contains(brief, "(#") || strings.Contains(brief, `href="#`) {
				t.Errorf("%s: the brief has contents or in-page links", tc.name)
			}
		}
	}
}

// pdfOutline is the outline of a PDF: each entry's title and the index of
// the page it leads to.
func pdfOutline(t *testing.T, pdf []byte) (titles []string, pages []int) {
	t.Helper()
	objects, err := readPDFObjects(pdf)
	if err != nil {
		t.Fatal(err)
	}
	pageIndex := map[int]int{}
	for _, o := range objects {
		if strings.Contains(o.dict, "/Type /Pages\n") {
			_, kids, _ := strings.Cut(o.dict, "/Kids [")
			for i, m := range pdfRef.FindAllStringSubmatch(kids[:strings.Index(kids, "]")], -1) {
				n, _ := strconv.Atoi(m[1])
				pageIndex[n] = i
			}
		}
	}
	var numbers []int
	for n, o := range objects {
		if strings.Contains(o.dict, "/Title (") && strings.Contains(o.dict, "/Parent") {
			numbers = append(numbers, n)
		}
	}
	slices.Sort(numbers)
	entry := regexp.MustCompile(`(?s)/Title \((.*?)\)\n.*/Dest \[(\d+) 0 R `)
	for _, n := range numbers {
		m := entry.FindStringSubmatch(objects[n].dict)
		if m == nil {
			t.Fatalf("outline entry %d has no title or destination: %q", n, objects[n].dict)
		}
		raw := []byte(strings.NewReplacer(`\(`, "(", `\)`, ")", `\\`, `\`, `\r`, "\r").Replace(m[1]))
		if !bytes.HasPrefix(raw, []byte{0xfe, 0xff}) || len(raw)%2 != 0 {
			t.Fatalf("outline title %q is not UTF-16", raw)
		}
		var title []rune
		for i := 2; i < len(raw); i += 2 {
			title = append(title, rune(raw[i])<<8|rune(raw[i+1]))
		}
		dest, _ := strconv.Atoi(m[2])
		page, ok := pageIndex[dest]
		if !ok || !strings.Contains(objects[dest].dict, "/Type /Page\n") {
			t.Fatalf("outline entry %q leads to object %d, not a page", string(title), dest)
		}
		titles, pages = append(titles, string(title)), append(pages, page)
	}
	return titles, pages
}

// The full PDF has an outline of its sections and initiatives, each
// leading to the page its heading is on; a contents whose links lead
// there too; and at the foot of every page whose portfolio it is and
// "page N of M". The brief has none of them: it is two pages.
func TestTheFullPDFHasAnOutlineContentsAndPageNumbers(t *testing.T) {
	p := longBriefPortfolio(longBriefPadMax)
	var pdf bytes.Buffer
	if err := PDF(&pdf, p, Options{Full: true}); err != nil {
		t.Fatal(err)
	}
	md := render(t, markdownFull, p)
	var want []string
	src := []byte(md)
	root := htmlMarkdown.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level > 1 {
			want = append(want, plainText(src, h))
		}
		return ast.WalkContinue, nil
	})
	titles, pages := pdfOutline(t, pdf.Bytes())
	if !slices.Equal(titles, want) || !slices.Contains(titles, "Appendix: all evidence") {
		t.Errorf("outline = %q\nwant the headings %q", titles, want)
	}
	text := pdfPagesOf(t, pdf.Bytes())
	for i, title := range titles {
		if !strings.Contains(text[pages[i]], title) {
			t.Errorf("outline entry %q leads to page %d, which does not show it", title, pages[i]+1)
		}
	}
	if len(text) < 3 {
		t.Fatalf("the full PDF has %d pages; the test wants more", len(text))
	}
	for i, page := range text {
		if foot := fmt.Sprintf("Sam Rivera · Product-management portfolio page %d of %d ", i+1, len(text)); !strings.HasSuffix(page, foot) {
			t.Errorf("page %d ends %q, want %q", i+1, page[max(0, len(page)-80):], foot)
		}
	}
	// Each outline entry has a destination, and so has each link of the
	// contents: fpdf writes an in-document link as one.
	if got, want := bytes.Count(pdf.Bytes(), []byte("/Dest ["))-len(titles), strings.Count(md, "](#"); want < 5 || got != want {
		t.Errorf("%d in-document links in the PDF, want the contents' %d", got, want)
	}
	var brief bytes.Buffer
	if err := PDF(&brief, p, Options{}); err != nil {
		t.Fatal(err)
	}
	if titles, _ := pdfOutline(t, brief.Bytes()); len(titles) > 0 || bytes.Contains(brief.Bytes(), []byte("/Outlines")) {
		t.Errorf("the brief has an outline: %q", titles)
	}
	if text := mustPDFText(t, brief.Bytes()); strings.Contains(text, "page 1 of") || strings.Contains(text, "Contents") {
		t.Errorf("the brief has page numbers or contents:\n%s", text)
	}
}
