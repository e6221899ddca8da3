package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/pmfolio/pmfolio/evidence"
)

// PDF page layout, in millimetres and points.
const (
	pdfMarginX    = 16.0
	pdfMarginTop  = 14.0
	pdfMarginEnd  = 14.0
	pdfIndent     = 4.0
	pdfBodySize   = 8.6
	pdfLineHeight = 3.9
)

// pdfCompress is off in tests, which read the text back from the content
// streams.
var pdfCompress = true

// PDF writes the portfolio as an A4 PDF: the same document as Markdown
// (brief by default, everything with opts.Full), set in Liberation Sans
// (code in Liberation Mono) with every link clickable. It is the Markdown
// parsed by goldmark and laid out with fpdf, so that the PDF can say
// nothing the Markdown does not. The full version has page numbers, an
// outline of its sections and initiatives, and contents whose links lead
// to them. The fonts are embedded, only the glyphs used, and draw Latin
// (Polish, Turkish, Vietnamese…), Greek and Cyrillic; a character they
// lack, such as CJK, is printed as "?", an emoji is left out, and both
// are named on opts.Lint.
func PDF(w io.Writer, p evidence.Portfolio, opts Options) error {
	fonts, err := pdfFonts()
	if err != nil {
		return fmt.Errorf("write pdf export: %w", err)
	}
	r := newReport(p, opts)
	var md bytes.Buffer
	for i, s := range r.render() {
		if i > 0 {
			md.WriteByte('\n')
		}
		md.Write(s.md)
	}

	doc := newPDFDoc()
	doc.SetCompression(pdfCompress)
	doc.SetCreationDate(r.generatedAt)
	doc.SetModificationDate(r.generatedAt)
	doc.SetCatalogSort(true)
	doc.SetCreator("pmfolio", false)
	doc.SetTitle(r.documentTitle(), true)
	doc.SetAuthor(strings.Join(r.userNames(), ", "), true)
	// Screen readers pick their voice by it, as by the page's lang.
	doc.SetLang("en")
	doc.AddPage()
	pw := &pdfWriter{doc: doc, src: md.Bytes(), glyphs: pdfGlyphs{fonts: fonts}, added: map[string]bool{}}
	root := htmlMarkdown.Parser().Parse(text.NewReader(pw.src))
	if r.full {
		// Fifteen pages need a way around them: the contents link to
		// the headings, which the viewer's outline lists too.
		pw.anchors, pw.links, pw.outline = anchorHeadings(root, pw.src, newHeadingAnchors()), map[string]int{}, true
		for _, anchor := range pw.anchors {
			pw.links[anchor] = doc.AddLink()
		}
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		pw.block(n)
	}
	if r.full {
		pw.numberPages(r.documentTitle())
	}
	if err := doc.Output(w); err != nil {
		return fmt.Errorf("write pdf export: %w", err)
	}
	if err := r.writeLint(opts.Lint); err != nil {
		return err
	}
	return writeMissingGlyphs(opts.Lint, &pw.glyphs)
}

// newPDFDoc is an empty A4 document with the export's margins: the PDF's,
// and the scratch one an initiative is measured on.
func newPDFDoc() *fpdf.Fpdf {
	doc := fpdf.New("P", "mm", "A4", "")
	doc.SetMargins(pdfMarginX, pdfMarginTop, pdfMarginX)
	doc.SetAutoPageBreak(true, pdfMarginEnd)
	return doc
}

// writeMissingGlyphs names, on the lint writer, the characters the PDF
// printed as "?", the pictographs it left out and the marks it printed as
// words, so that a user whose name or quotes have them is told rather
// than finding out in front of a hiring manager.
func writeMissingGlyphs(w io.Writer, g *pdfGlyphs) error {
	if w == nil {
		return nil
	}
	for _, r := range g.replaced {
		if _, err := fmt.Fprintf(w, "pdf: the font has no glyph for %c, printed as %q (the Markdown and HTML exports show it)\n", r, pdfFallbacks[r]); err != nil {
			return fmt.Errorf("write lint: %w", err)
		}
	}
	for _, kind := range []struct {
		runes []rune
		what  string
	}{
		{g.missing, "pdf: the font has no glyph for %s, printed as \"?\" (the Markdown and HTML exports show them)\n"},
		{g.dropped, "pdf: left out the emoji %s, which the font cannot draw (the Markdown and HTML exports show them)\n"},
	} {
		if len(kind.runes) == 0 {
			continue
		}
		const shown = 10
		var list strings.Builder
		for i, r := range kind.runes[:min(len(kind.runes), shown)] {
			if i > 0 {
				list.WriteByte(' ')
			}
			list.WriteRune(r)
		}
		if len(kind.runes) > shown {
			fmt.Fprintf(&list, " and %d more", len(kind.runes)-shown)
		}
		if _, err := fmt.Fprintf(w, kind.what, list.String()); err != nil {
			return fmt.Errorf("write lint: %w", err)
		}
	}
	return nil
}

// pdfWriter lays out a parsed Markdown document.
type pdfWriter struct {
	doc    *fpdf.Fpdf
	src    []byte
	glyphs pdfGlyphs
	// added are the fonts embedded so far: a font is added when first
	// used, so that the PDF carries none it does not show.
	added map[string]bool
	// bold and italic are the inline styles in force.
	bold, italic bool
	size         float64
	// anchors name the headings that the document's own links ("#…")
	// lead to, and links are their fpdf link ids, by name; outline
	// says whether the headings are listed in the viewer's outline.
	anchors map[ast.Node]string
	links   map[string]int
	outline bool
	// scratch lays an initiative out on a page of its own, to see
	// whether and how it fits; nil until first needed, and in a
	// scratch writer itself, whose missing glyphs nobody is told of.
	scratch *pdfWriter
	// measuring is set on a scratch writer.
	measuring bool
}

// font sets the body font in the inline styles in force.
func (pw *pdfWriter) font() {
	style := ""
	if pw.bold {
		style += "B"
	}
	if pw.italic {
		style += "I"
	}
	pw.setFont(pdfSans, style, pw.size)
}

// setFont puts a font of pdfFontFiles in force, embedding it first if it
// is new to the document.
func (pw *pdfWriter) setFont(family, style string, size float64) {
	key := family + style
	if !pw.added[key] {
		pw.doc.AddUTF8FontFromBytes(family, style, pdfFontFiles[key])
		pw.added[key] = true
	}
	pw.doc.SetFont(family, style, size)
	pw.glyphs.font = pw.glyphs.fonts[key]
}

// write flows text in the font in force, as a link if link is set.
func (pw *pdfWriter) write(h float64, s, link string) {
	d := pw.doc
	s = pw.glyphs.text(s)
	if link == "" {
		d.Write(h, s)
		return
	}
	d.SetTextColor(11, 92, 173)
	if id, ok := pw.links[strings.TrimPrefix(link, "#")]; ok && strings.HasPrefix(link, "#") {
		d.WriteLinkID(h, s, id)
	} else {
		d.WriteLinkString(h, s, link)
	}
	d.SetTextColor(0, 0, 0)
}

// numberPages writes at the foot of every page whose portfolio it is and
// "page N of M": printed, the pages of the full version come apart.
func (pw *pdfWriter) numberPages(title string) {
	d := pw.doc
	pageW, pageH := d.GetPageSize()
	last, count := d.PageNo(), d.PageCount()
	d.SetTextColor(89, 99, 110)
	for n := 1; n <= count; n++ {
		d.SetPage(n)
		// A font is put in force on the page it is set on.
		pw.setFont(pdfSans, "", 7)
		y := pageH - pdfMarginEnd/2
		d.Text(pdfMarginX, y, pw.glyphs.text(title))
		number := fmt.Sprintf("page %d of %d", n, count)
		d.Text(pageW-pdfMarginX-d.GetStringWidth(number), y, number)
	}
	d.SetTextColor(0, 0, 0)
	d.SetPage(last)
}

func (pw *pdfWriter) block(n ast.Node) {
	d := pw.doc
	switch n := n.(type) {
	case *ast.Heading:
		sizes := map[int]float64{1: 16, 2: 12, 3: 10}
		pw.size, pw.bold = sizes[min(n.Level, 3)], true
		space := map[int]float64{1: 0, 2: 3.5, 3: 2.2}[min(n.Level, 3)]
		// A heading at the foot of a page, its section on the next, reads
		// as a mistake: keep it with the first lines under it.
		pw.keepTogether(headingKeeps, pdfLineHeight+space+pw.size*0.5)
		d.Ln(space)
		pw.font()
		if !pw.measuring {
			if anchor, ok := pw.anchors[n]; ok {
				d.SetLink(pw.links[anchor], -1, -1)
			}
			if pw.outline && n.Level > 1 {
				d.Bookmark(evidence.OneLine(plainText(pw.src, n)), n.Level-2, -1)
			}
		}
		pw.inlines(n, pw.size*0.45)
		d.Ln(pw.size * 0.5)
		pw.bold = false
		if n.Level == 2 {
			x, y := d.GetXY()
			w, _ := d.GetPageSize()
			d.SetDrawColor(200, 205, 210)
			d.Line(x, y, w-pdfMarginX, y)
			d.Ln(1.2)
		}
	case *initiativeBlock:
		pw.keepInitiative(n)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			pw.block(c)
		}
	case *ast.Paragraph:
		pw.size = pdfBodySize
		pw.font()
		if labelled(pw.src, n, labelOutcome) {
			pw.outcome(n)
			return
		}
		if list, ok := n.NextSibling().(*ast.List); ok {
			// "What I did." heads the list under it: it goes with the
			// first item.
			pw.keepTogether(pw.linesOf(plainText(pw.src, n), 0)+pw.linesOfItem(list.FirstChild(), pdfIndent), pdfLineHeight)
		}
		pw.inlines(n, pdfLineHeight)
		d.Ln(pdfLineHeight + 1.2)
	case *ast.List:
		// A list in a list item (the contents' under the appendix) is
		// indented under the item's text.
		left, _, _, _ := d.GetMargins()
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			pw.size = pdfBodySize
			pw.font()
			pw.keepTogether(pw.itemLines(n, item), pdfLineHeight)
			d.SetX(left + 1)
			pw.write(pdfLineHeight, "•", "")
			d.SetLeftMargin(left + pdfIndent)
			d.SetX(left + pdfIndent)
			nested := false
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				if list, ok := c.(*ast.List); ok {
					d.Ln(pdfLineHeight + 0.6)
					pw.block(list)
					nested = true
					continue
				}
				pw.inlines(c, pdfLineHeight)
			}
			d.SetLeftMargin(left)
			if !nested {
				d.Ln(pdfLineHeight + 0.6)
			}
		}
		d.Ln(0.8)
	case *east.Table:
		// A table is a list of its rows: the first cell bold, the others
		// after it; a narrow page has no room for columns of prose. A
		// third column and after are led by their heading, which the
		// rows no longer sit under: the competencies' gaps would read as
		// more strengths.
		var headings []string
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			if _, head := row.(*east.TableHeader); head {
				for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
					headings = append(headings, strings.TrimSpace(plainText(pw.src, cell)))
				}
				continue
			}
			pw.size = pdfBodySize
			first := true
			column := -1
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				column++
				if strings.TrimSpace(plainText(pw.src, cell)) == "—" {
					continue
				}
				if !first {
					pw.font()
					pw.write(pdfLineHeight, " · ", "")
				}
				if column >= 2 && column < len(headings) && headings[column] != "" {
					pw.italic = true
					pw.font()
					pw.write(pdfLineHeight, headings[column]+": ", "")
					pw.italic = false
				}
				pw.bold = first
				pw.font()
				pw.inlines(cell, pdfLineHeight)
				pw.bold, first = false, false
			}
			d.Ln(pdfLineHeight + 1.2)
		}
		d.Ln(0.8)
	default:
		pw.size = pdfBodySize
		pw.font()
		pw.inlines(n, pdfLineHeight)
		d.Ln(pdfLineHeight + 1.2)
	}
}

// headingKeeps is how many lines of the section under a heading must fit
// on its page.
const headingKeeps = 4

// itemLines is how many lines must fit on the page for a list's item to
// start on it. A list's last item never starts a page alone: the one
// before it goes along, and so does the Outcome after the list, which
// is never alone either.
func (pw *pdfWriter) itemLines(list *ast.List, item ast.Node) int {
	lines := pw.linesOfItem(item, pdfIndent)
	next := item.NextSibling()
	if next != nil && next.NextSibling() == nil {
		lines += pw.linesOfItem(next, pdfIndent)
	}
	if next == nil || next.NextSibling() == nil {
		if after := list.NextSibling(); after != nil && labelled(pw.src, after, labelOutcome) {
			lines += pw.linesOf(plainText(pw.src, after), pdfOutcomeIndent)
		}
	}
	return lines
}

// linesOfItem is how many lines a list item takes, indented by indent,
// a list in it included.
func (pw *pdfWriter) linesOfItem(item ast.Node, indent float64) int {
	lines := 0
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		if list, ok := c.(*ast.List); ok {
			for sub := list.FirstChild(); sub != nil; sub = sub.NextSibling() {
				lines += pw.linesOfItem(sub, indent+pdfIndent)
			}
			continue
		}
		lines += pw.linesOf(plainText(pw.src, c), indent)
	}
	return lines
}

// initiativeShare is the most of a page an initiative may take and still
// be moved whole to the next page when it does not fit on this one; a
// longer one would leave too much of this page blank, and flows.
const initiativeShare = 0.5

// keepInitiative starts a new page for an initiative that does not fit on
// this one but does on a page of its own, and is short: a reader takes an
// initiative split over two pages for two, and one that ends on the next
// page with a bullet or its Outcome looks cut off.
func (pw *pdfWriter) keepInitiative(n *initiativeBlock) {
	if pw.measuring {
		return
	}
	d := pw.doc
	_, pageH := d.GetPageSize()
	_, top, _, _ := d.GetMargins()
	if _, fits := pw.layOut(n, d.GetY()); fits {
		return
	}
	if h, fits := pw.layOut(n, top); fits && h <= initiativeShare*(pageH-top-pdfMarginEnd) {
		d.AddPage()
	}
}

// layOut lays the children of n out on a scratch page from y down, as
// they would be laid out on the page itself (the rules that move a block
// to the next page included), and returns the height they take and
// whether they fit on the page.
func (pw *pdfWriter) layOut(n ast.Node, y float64) (float64, bool) {
	if pw.scratch == nil {
		pw.scratch = &pdfWriter{doc: newPDFDoc(), src: pw.src, glyphs: pdfGlyphs{fonts: pw.glyphs.fonts},
			added: map[string]bool{}, measuring: true}
	}
	s := pw.scratch
	s.doc.AddPage()
	s.doc.SetY(y)
	page := s.doc.PageNo()
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		s.block(c)
	}
	if s.doc.PageNo() != page {
		return 0, false
	}
	return s.doc.GetY() - y, true
}

// pdfOutcomeIndent is how far an Outcome's text is indented from the rule
// beside it.
const pdfOutcomeIndent = 3.0

// outcome writes an initiative's Outcome paragraph set apart, as the page
// does: a green rule at its left on a light green ground, so that a
// reader scanning for results finds them. It is kept on one page.
func (pw *pdfWriter) outcome(n ast.Node) {
	d := pw.doc
	pageW, pageH := d.GetPageSize()
	_, top, _, _ := d.GetMargins()
	pw.keepTogether(pw.linesOf(plainText(pw.src, n), pdfOutcomeIndent), pdfLineHeight)
	d.Ln(0.6)
	startPage, startY := d.PageNo(), d.GetY()-0.8
	d.SetLeftMargin(pdfMarginX + pdfOutcomeIndent)
	d.SetRightMargin(pdfMarginX + 1)
	d.SetX(pdfMarginX + pdfOutcomeIndent)
	pw.inlines(n, pdfLineHeight)
	d.Ln(pdfLineHeight)
	d.SetLeftMargin(pdfMarginX)
	d.SetRightMargin(pdfMarginX)
	endPage, endY := d.PageNo(), d.GetY()+0.8
	// The ground is laid over the text, multiplied, so that the text
	// shows through it as if it were under it; fpdf has no way back to
	// draw under what it has written.
	for page := startPage; page <= endPage; page++ {
		y0, y1 := top, pageH-pdfMarginEnd
		if page == startPage {
			y0 = startY
		}
		if page == endPage {
			y1 = endY
		}
		d.SetPage(page)
		d.SetAlpha(1, "Multiply")
		d.SetFillColor(236, 247, 239)
		d.Rect(pdfMarginX, y0, pageW-2*pdfMarginX, y1-y0, "F")
		d.SetAlpha(1, "Normal")
		d.SetFillColor(26, 127, 55)
		d.Rect(pdfMarginX, y0, 0.8, y1-y0, "F")
		d.SetFillColor(0, 0, 0)
	}
	d.SetPage(endPage)
	d.Ln(1.8)
}

// linesOf is how many lines text takes in the body font, indented by
// indent, in the font in force (bold words make a line a little longer
// than this counts: one line more is allowed for them).
func (pw *pdfWriter) linesOf(text string, indent float64) int {
	w, _ := pw.doc.GetPageSize()
	return len(pw.doc.SplitText(pw.glyphs.text(text), w-2*pdfMarginX-indent)) + 1
}

// keepTogether starts a new page unless lines of height h fit on this
// one: a list item split across two pages is read as two. What could
// not fit on a page of its own is let flow.
func (pw *pdfWriter) keepTogether(lines int, h float64) {
	d := pw.doc
	_, pageH := d.GetPageSize()
	_, top, _, _ := d.GetMargins()
	need := float64(lines) * h
	if d.GetY()+need > pageH-pdfMarginEnd && need < pageH-top-pdfMarginEnd {
		d.AddPage()
	}
}

// inlines writes the inline content of a block, flowing it across lines.
func (pw *pdfWriter) inlines(n ast.Node, h float64) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		pw.inline(c, h, "")
	}
}

func (pw *pdfWriter) inline(n ast.Node, h float64, link string) {
	write := func(s string) { pw.write(h, s, link) }
	switch n := n.(type) {
	case *ast.Text:
		s := string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(n.Segment.Value(pw.src)))))
		if n.SoftLineBreak() || n.HardLineBreak() {
			s += " "
		}
		if next := n.NextSibling(); isLink(next) && strings.HasSuffix(s, "(") {
			// "(" stays on the line of the link it opens: a line must
			// not end with "(" and the next begin "OPS-12, 2026-…)".
			write(s[:len(s)-1])
			// A web address breaks after its pieces, a label between
			// its words.
			words := strings.Split(plainText(pw.src, next), " ")
			if a, ok := next.(*ast.AutoLink); ok {
				words = urlPieces(string(a.Label(pw.src)))
			}
			first := words[0]
			if len(words) == 1 {
				// A one-word link takes its closing punctuation along
				// (see linkWithTail): "(2026-01-19);" goes as one.
				first += pw.linkTail(next)
			}
			if !pw.fits("(" + first) {
				pw.doc.Ln(h)
			}
			s = "("
		}
		write(s)
	case *ast.String:
		write(string(n.Value))
	case *ast.CodeSpan:
		pw.setFont(pdfMono, "", pw.size)
		write(plainText(pw.src, n))
		pw.font()
	case *ast.Emphasis:
		was := pw.bold
		wasItalic := pw.italic
		if n.Level == 2 {
			pw.bold = true
		} else {
			pw.italic = true
		}
		pw.font()
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			pw.inline(c, h, link)
		}
		pw.bold, pw.italic = was, wasItalic
		pw.font()
	case *ast.Link:
		if pw.linkWithTail(n, h) {
			return
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			pw.inline(c, h, string(n.Destination))
		}
	case *ast.AutoLink:
		pw.webAddress(n, h)
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			pw.inline(c, h, link)
		}
	}
}

// linkWithTail writes a link of plain text that fits on the line when the
// punctuation after it ("2026-01-19);", "2026-10-20,") does not: its last
// word goes to the next line with the punctuation, which fpdf would
// otherwise carry over alone, so that a line began with ");". It reports
// whether it wrote the link.
func (pw *pdfWriter) linkWithTail(n *ast.Link, h float64) bool {
	tail := pw.linkTail(n)
	if tail == "" {
		return false
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.Text); !ok {
			return false
		}
	}
	label := plainText(pw.src, n)
	if !pw.fits(label) || pw.fits(label+tail) {
		return false
	}
	dest := string(n.Destination)
	head, last := "", label
	if i := strings.LastIndexByte(label, ' '); i >= 0 {
		head, last = label[:i+1], label[i+1:]
	}
	if head != "" {
		pw.write(h, head, dest)
	}
	if !pw.fits(last + tail) {
		pw.doc.Ln(h)
	}
	pw.write(h, last, dest)
	return true
}

// fits reports whether s fits on the line after what is written on it, in
// the font in force.
func (pw *pdfWriter) fits(s string) bool {
	w, _ := pw.doc.GetPageSize()
	right := w - pdfMarginX - 2*pw.doc.GetCellMargin() // fpdf wraps there
	return pw.doc.GetX()+pw.doc.GetStringWidth(pw.glyphs.text(s)) <= right
}

// webAddress writes a web address the text links to ("<https://…>" in
// the Markdown) as a link that wraps after a "/", "?", "&" or "#", where a
// reader expects a URL to break, rather than wherever the line ends; its
// last piece goes to the next line with the punctuation after it when
// that does not fit on this one.
func (pw *pdfWriter) webAddress(n *ast.AutoLink, h float64) {
	dest := linkableURL(string(n.URL(pw.src)))
	pieces := urlPieces(string(n.Label(pw.src)))
	for _, p := range pieces[:len(pieces)-1] {
		pw.write(h, p, dest)
	}
	last := pieces[len(pieces)-1]
	if tail := pw.linkTail(n); tail != "" && pw.fits(last) && !pw.fits(last+tail) {
		pw.doc.Ln(h)
	}
	pw.write(h, last, dest)
}

// urlPieces splits a URL after each "/", "?", "&" and "#" past its
// scheme: the places a line may break it.
func urlPieces(u string) []string {
	var pieces []string
	at := 0
	for i := strings.Index(u, "://") + len("://"); i < len(u)-1; i++ {
		if strings.IndexByte("/?&#", u[i]) >= 0 {
			pieces = append(pieces, u[at:i+1])
			at = i + 1
		}
	}
	return append(pieces, u[at:])
}

// isLink reports whether n is a link: of the export's own, or a web
// address in the text.
func isLink(n ast.Node) bool {
	switch n.(type) {
	case *ast.Link, *ast.AutoLink:
		return true
	}
	return false
}

// linkTail is the punctuation right after a link, up to the next space
// (");", ","), or "".
func (pw *pdfWriter) linkTail(n ast.Node) string {
	next, ok := n.NextSibling().(*ast.Text)
	if !ok {
		return ""
	}
	tail, _, _ := strings.Cut(string(util.UnescapePunctuations(next.Segment.Value(pw.src))), " ")
	if tail == "" || !strings.ContainsRune(")]},.;:", rune(tail[0])) {
		return ""
	}
	return tail
}

// plainText is the text of a node's inline content in src, without its
// markup.
func plainText(src []byte, n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch c := c.(type) {
		case *ast.Text:
			if entering {
				b.Write(util.UnescapePunctuations(c.Segment.Value(src)))
			}
		case *ast.AutoLink:
			if entering {
				b.Write(c.Label(src))
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
