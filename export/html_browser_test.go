package export

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/pmfolio/pmfolio/export/browsertest"
)

// measureScript is added to a copy of the page (whose policy runs no
// script) to measure it in the browser: how far it scrolls sideways, the
// smallest size, in CSS pixels, that the chart's text is drawn at, and the
// widths of the competency table's columns.
const measureScript = `<script>
addEventListener("load", () => {
  let smallest = 1000;
  for (const t of document.querySelectorAll("figure.chart text")) {
    const size = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
    smallest = Math.min(smallest, size);
  }
  const columns = Array.from(document.querySelectorAll(".competencies th"), th => Math.round(th.getBoundingClientRect().width));
  const out = document.createElement("pre");
  out.id = "measure";
  out.textContent = "overflow=" + (document.documentElement.scrollWidth - innerWidth) + " smallest=" + smallest.toFixed(2) +
    " bars=" + document.querySelectorAll("rect.bar").length + " columns=" + columns.join("/");
  document.body.appendChild(out);
});
</script>`

// measurement is what measureScript found.
type measurement struct {
	overflow int     // px the page scrolls sideways
	smallest float64 // px of the chart's smallest text
	bars     int     // the chart's bar segments
	columns  []int   // px of each column of the competency table
}

// measure loads page at a width and returns what measureScript found.
func measure(t *testing.T, page []byte, width int) measurement {
	t.Helper()
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy"[^>]*>`)
	test := csp.ReplaceAll(page, nil)
	test = bytes.Replace(test, []byte("</body>"), []byte(measureScript+"</body>"), 1)
	path := filepath.Join(t.TempDir(), "measured.html")
	if err := os.WriteFile(path, test, 0o644); err != nil {
		t.Fatal(err)
	}
	dom := string(browsertest.Run(t, path, "--dump-dom", "--window-size="+strconv.Itoa(width)+",900"))
	m := regexp.MustCompile(`overflow=(-?\d+) smallest=([\d.]+) bars=(\d+) columns=([\d/]*)`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("no measurement in the DOM:\n%.1500s", dom)
	}
	var got measurement
	got.overflow, _ = strconv.Atoi(m[1])
	got.smallest, _ = strconv.ParseFloat(m[2], 64)
	got.bars, _ = strconv.Atoi(m[3])
	for _, c := range strings.FieldsFunc(m[4], func(r rune) bool { return r == '/' }) {
		width, _ := strconv.Atoi(c)
		got.columns = append(got.columns, width)
	}
	return got
}

// TestHTMLInABrowser loads the brief and the full page in a real browser:
// on a 375 px phone neither scrolls sideways and the chart's text is at
// least 11 px; the full page's chart is in the DOM after load and a
// screenshot shows its bars in the categories' colours.
func TestHTMLInABrowser(t *testing.T) {
	browsertest.Skip(t)
	p := typicalPortfolio()
	var brief, full bytes.Buffer
	if err := HTML(&brief, p, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&full, p, Options{Full: true}); err != nil {
		t.Fatal(err)
	}
	// A teammate's long name labels the outcome's link, and the outcome
	// links a long address: neither may widen the page.
	long := linkedOutcomePortfolio()
	long.Epics[1].Comments[1].Author.DisplayName = "Maximilian Alexander von Hohenberg-Lindqvist"
	long.Epics[1].Comments[1].Text += " Retro: https://acme.atlassian.net/wiki/spaces/PAY/pages/2147483647/Self-service-refunds-retrospective-and-follow-ups"
	var longPage bytes.Buffer
	if err := HTML(&longPage, long, Options{}); err != nil {
		t.Fatal(err)
	}
	for name, page := range map[string][]byte{"brief": brief.Bytes(), "full": full.Bytes(), "long name and address": longPage.Bytes()} {
		m := measure(t, page, 375)
		if m.overflow > 0 {
			t.Errorf("%s: the page scrolls %d px sideways at 375 px", name, m.overflow)
		}
		if name == "full" && (m.bars == 0 || m.smallest < 11) {
			t.Errorf("%s: chart text drawn at %.2f px at 375 px (%d bars), want at least 11", name, m.smallest, m.bars)
		}
		// "Shown by" takes the room a competency's name does not need:
		// half and half, it was cramped.
		if len(m.columns) != 2 || 2*m.columns[1] < 3*m.columns[0] {
			t.Errorf("%s: the competency table's columns are %v px wide at 375 px, want the second at least 1.5 times the first", name, m.columns)
		}
	}
	if !strings.Contains(full.String(), "@media print") {
		t.Error("no print style sheet")
	}

	dir := t.TempDir()
	page := filepath.Join(dir, "portfolio.html")
	if err := os.WriteFile(page, full.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := string(browsertest.Run(t, page, "--dump-dom"))
	want := strings.Count(full.String(), `<rect class="bar`)
	if !strings.Contains(dom, `<svg viewBox="0 0 340 210" role="img"`) {
		t.Fatalf("the chart's svg is not in the DOM after load:\n%.2000s", dom)
	}
	if got := strings.Count(dom, `<rect class="bar`); want == 0 || got != want {
		t.Errorf("%d bars in the DOM, %d in the page", got, want)
	}
	if strings.Contains(dom, "<script") {
		t.Error("the DOM holds a script")
	}

	// The chart is in the timeline, at the end: look at the whole page.
	shot := filepath.Join(dir, "shot.png")
	browsertest.Run(t, page, "--screenshot="+shot, "--window-size=1200,6000", "--hide-scrollbars")
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	colors, palette := screenshotColors(img)
	if colors < 50 {
		t.Errorf("screenshot has %d colours: the page did not render", colors)
	}
	if palette < 8 {
		t.Errorf("screenshot shows %d of the chart's colours, want the bars of most categories", palette)
	}
}

// screenshotColors counts the distinct colours of img and how many of the
// chart's category colours fill at least a small area of it.
func screenshotColors(img image.Image) (distinct, palette int) {
	seen := make(map[color.RGBA]int)
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), 255}]++
		}
	}
	for _, hex := range categoryColors {
		rgb, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
		if err != nil {
			panic(err)
		}
		if seen[color.RGBA{uint8(rgb >> 16), uint8(rgb >> 8), uint8(rgb), 255}] >= 100 {
			palette++
		}
	}
	return len(seen), palette
}

// printToPDF prints a page in the browser on paper of a size ("A4",
// "letter") and returns the PDF. The page names no size, so that it
// prints on the reader's paper; the test's copy of it names one.
func printToPDF(t *testing.T, page []byte, size string) []byte {
	t.Helper()
	dir := t.TempDir()
	path, out := filepath.Join(dir, "print.html"), filepath.Join(dir, "print.pdf")
	sized := bytes.Replace(page, []byte("@page {"), []byte("@page { size: "+size+";"), 1)
	if err := os.WriteFile(path, sized, 0o644); err != nil {
		t.Fatal(err)
	}
	browsertest.Run(t, path, "--print-to-pdf="+out, "--no-pdf-header-footer")
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// pdfPageLinks returns the addresses each page of a PDF links to, in
// page order: where the browser printed each link.
func pdfPageLinks(t *testing.T, pdf []byte) [][]string {
	t.Helper()
	objects, err := readPDFObjects(pdf)
	if err != nil {
		t.Fatalf("read the printed PDF: %v", err)
	}
	ref := func(s string) int { n, _ := strconv.Atoi(s); return n }
	refs := func(dict, key string) []int {
		_, list, ok := strings.Cut(dict, key+" [")
		if !ok {
			return nil
		}
		list, _, _ = strings.Cut(list, "]")
		var out []int
		for _, m := range pdfRef.FindAllStringSubmatch(list, -1) {
			out = append(out, ref(m[1]))
		}
		return out
	}
	uri := regexp.MustCompile(`/URI \(((?:[^()\\]|\\.)*)\)`)
	var pages [][]string
	var walk func(n int)
	walk = func(n int) {
		dict := objects[n].dict
		if strings.Contains(dict, "/Type /Pages") {
			for _, kid := range refs(dict, "/Kids") {
				walk(kid)
			}
			return
		}
		var links []string
		for _, a := range refs(dict, "/Annots") {
			if m := uri.FindStringSubmatch(objects[a].dict); m != nil {
				links = append(links, strings.NewReplacer(`\(`, "(", `\)`, ")", `\\`, `\`).Replace(m[1]))
			}
		}
		pages = append(pages, links)
	}
	for n, o := range objects {
		if strings.Contains(o.dict, "/Type /Pages") && !strings.Contains(o.dict, "/Parent") {
			walk(n)
		}
	}
	return pages
}

// The brief prints on two pages of A4 and of Letter, each initiative on
// one page with its Outcome: a brief as long as the demo's printed on
// three pages of Letter (the footer alone on the third), and on A4 an
// initiative's Outcome could start the next page.
func TestHTMLBriefPrintsOnTwoPages(t *testing.T) {
	browsertest.Skip(t)
	for _, n := range []int{0, longBriefPadMax} {
		p := longBriefPortfolio(n)
		var page, md bytes.Buffer
		if err := HTML(&page, p, Options{}); err != nil {
			t.Fatal(err)
		}
		if err := Markdown(&md, p, Options{}); err != nil {
			t.Fatal(err)
		}
		// The links of each initiative, its Outcome's last.
		var initiatives [][]string
		root := htmlMarkdown.Parser().Parse(text.NewReader(md.Bytes()))
		for c := root.FirstChild(); c != nil; c = c.NextSibling() {
			if _, ok := c.(*initiativeBlock); !ok {
				continue
			}
			var links []string
			_ = ast.Walk(c, func(l ast.Node, entering bool) (ast.WalkStatus, error) {
				if link, ok := l.(*ast.Link); ok && entering {
					links = append(links, string(link.Destination))
				}
				return ast.WalkContinue, nil
			})
			if last := c.LastChild(); !labelled(md.Bytes(), last, labelOutcome) || !strings.Contains(plainText(md.Bytes(), last), "Jira comment") {
				t.Fatalf("n=%d: an initiative does not end with an Outcome linked to its comment; the test needs one", n)
			}
			initiatives = append(initiatives, links)
		}
		if len(initiatives) != 5 {
			t.Fatalf("n=%d: %d initiatives in the brief, want 5", n, len(initiatives))
		}
		for _, size := range []string{"A4", "letter"} {
			pages := pdfPageLinks(t, printToPDF(t, page.Bytes(), size))
			if len(pages) > 2 {
				t.Errorf("n=%d: the brief prints on %d pages of %s, want 2", n, len(pages), size)
			}
			for _, links := range initiatives {
				on := map[int]bool{}
				for _, link := range links {
					for i, page := range pages {
						if slices.Contains(page, link) {
							on[i+1] = true
						}
					}
				}
				if len(on) != 1 {
					t.Errorf("n=%d: on %s, the initiative of %s is printed on pages %v, want one", n, size, links[0], slices.Sorted(maps.Keys(on)))
				}
			}
		}
	}
}
