package export

import (
	"bufio"
	_ "embed"
	"fmt"
	"html"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/pmfolio/pmfolio/evidence"
)

// portfolioCSS styles the page on screen and on paper. It is inlined so
// that the file is complete on its own: it can be mailed, opened offline or
// printed to PDF years later.
//
//go:embed portfolio.css
var portfolioCSS string

// contentSecurityPolicy is the page's second line of defence: even if
// Jira text ever slipped past the escaping, the browser would run no
// script and fetch nothing (styles are inline; nothing is loaded).
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

// htmlMarkdown renders the Markdown sections. It is goldmark with tables
// and nothing that would let text through as HTML: raw HTML is dropped
// (not WithUnsafe), javascript: and similar links are not written, and
// there is no linkify, so a URL in Jira text stays text unless the
// Markdown writer linked it (an outcome's). The Markdown writer escapes
// all Jira text besides, so none of this is reached.
var htmlMarkdown = goldmark.New(goldmark.WithExtensions(extension.Table),
	goldmark.WithParserOptions(parser.WithASTTransformers(
		util.Prioritized(shortLinks{}, 100), util.Prioritized(initiativeBlocks{}, 200))),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(initiativeRenderer{}, 500))))

// labelOutcome opens the brief's paragraph of an initiative's result: the
// HTML and PDF layouts find it by it.
const labelOutcome = "Outcome."

// The level-3 headings, like an initiative's, that the layouts do not keep
// together as one: the appendix's items of no initiative, and the
// initiatives the brief had no room for (writeAlsoLed).
const (
	headingOtherWork   = "Other work"
	headingAlsoLed     = "Also led"
	headingAlsoStarted = "Also started"
)

// initiativeBlocks groups each initiative, a level-3 heading and the
// blocks under it up to the next heading, into one
// initiativeBlock, and gives its Outcome paragraph the class outcome: the
// page prints an initiative on one page where it fits and sets its result
// apart for a reader who scans for results, and the PDF does the same.
type initiativeBlocks struct{}

func (initiativeBlocks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); !ok || h.Level != 3 || slices.Contains([]string{headingOtherWork, headingAlsoLed, headingAlsoStarted}, plainText(src, h)) {
			continue
		}
		block := &initiativeBlock{}
		doc.InsertBefore(doc, n, block)
		for c := n; c != nil && (c == n || !endsInitiative(c)); {
			next := c.NextSibling()
			block.AppendChild(block, c)
			c = next
		}
		n = block
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && labelled(src, n, labelOutcome) {
			n.SetAttributeString("class", []byte("outcome"))
		}
		return ast.WalkContinue, nil
	})
}

// endsInitiative reports whether a block is past the initiative before
// it: a heading of its level or above.
func endsInitiative(n ast.Node) bool {
	h, ok := n.(*ast.Heading)
	return ok && h.Level <= 3
}

// labelled reports whether n is a paragraph that opens with label in bold.
func labelled(src []byte, n ast.Node, label string) bool {
	if _, ok := n.(*ast.Paragraph); !ok {
		return false
	}
	e, ok := n.FirstChild().(*ast.Emphasis)
	return ok && e.Level == 2 && plainText(src, e) == label
}

// initiativeBlock is one initiative of the document; see initiativeBlocks.
type initiativeBlock struct{ ast.BaseBlock }

var kindInitiativeBlock = ast.NewNodeKind("InitiativeBlock")

func (b *initiativeBlock) Kind() ast.NodeKind { return kindInitiativeBlock }

func (b *initiativeBlock) Dump(src []byte, level int) { ast.DumpHelper(b, src, level, nil, nil) }

// initiativeRenderer writes an initiativeBlock as an article.
type initiativeRenderer struct{}

func (initiativeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindInitiativeBlock, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<article class="initiative">` + "\n")
		} else {
			_, _ = w.WriteString("</article>\n")
		}
		return ast.WalkContinue, nil
	})
}

// shortLinks marks each link whose label fits on the narrowest line
// ("OPS-1223, 2026-04-13") with the class nowrap, which keeps it on one
// line: a browser breaks a line after any hyphen, and "(OPS-1223,
// 2026-04-" at the end of one and "13)" at the start of the next reads
// as a mistake. A longer label (a teammate's long name, a web address)
// may wrap, so that no line is wider than a phone.
type shortLinks struct{}

// shortLinkLength is the longest label, in characters, kept on one line.
const shortLinkLength = 32

func (shortLinks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && isLink(n) && utf8.RuneCountInString(plainText(src, n)) <= shortLinkLength {
			n.SetAttributeString("class", []byte("nowrap"))
		}
		return ast.WalkContinue, nil
	})
}

// HTML writes the portfolio as one self-contained web page: the Markdown
// portfolio (brief, or full with opts.Full) rendered by goldmark, with
// inline CSS for screen, phone and print, and in the full version contents
// linked to its headings and an inline SVG chart of PM activity per month
// by category; no scripts and nothing
// fetched from anywhere. Jira text is escaped before goldmark sees it, so
// it can only ever be text.
func HTML(w io.Writer, p evidence.Portfolio, opts Options) error {
	r := newReport(p, opts)
	bw := bufio.NewWriter(w)
	writeHTMLHead(bw, r)
	// The full version's contents link to its headings by the names
	// GitHub gives them.
	var anchors *headingAnchors
	if r.full {
		anchors = newHeadingAnchors()
	}
	for _, s := range r.render() {
		root := htmlMarkdown.Parser().Parse(text.NewReader(s.md))
		if anchors != nil {
			for h, anchor := range anchorHeadings(root, s.md, anchors) {
				h.SetAttributeString("id", []byte(anchor))
			}
		}
		bw.WriteString(`<section class="` + s.name + `">` + "\n")
		for n := root.FirstChild(); n != nil; n = n.NextSibling() {
			if err := htmlMarkdown.Renderer().Render(bw, s.md, n); err != nil {
				return fmt.Errorf("write html export: %w", err)
			}
			// The chart is under the timeline's heading, above the
			// table of its numbers.
			if s.name == sectionTimeline && n == root.FirstChild() {
				writeChart(bw, r)
			}
		}
		bw.WriteString("</section>\n")
	}
	bw.WriteString("</main>\n</body>\n</html>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write html export: %w", err)
	}
	return r.writeLint(opts.Lint)
}

// writeHTMLHead writes everything before the first section.
func writeHTMLHead(w *bufio.Writer, r *report) {
	w.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	w.WriteString(`<meta http-equiv="Content-Security-Policy" content="` + contentSecurityPolicy + `">` + "\n")
	w.WriteString(`<meta name="viewport" content="width=device-width, initial-scale=1">` + "\n")
	w.WriteString(`<meta name="generator" content="pmfolio">` + "\n")
	w.WriteString("<title>" + html.EscapeString(r.documentTitle()) + "</title>\n")
	w.WriteString("<style>\n" + portfolioCSS + "</style>\n</head>\n<body>\n<main>\n")
}
