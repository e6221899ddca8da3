package export

import (
	"bufio"
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// sectionContents is the full version's list of its sections, after the
// headline: fifteen printed pages need a way to the appendix and to each
// initiative's evidence in it.
const sectionContents = "contents"

// headingAnchors names the headings of one document as GitHub does, so
// that the contents' links work in the Markdown on GitHub, and the HTML
// and the PDF give their headings the same names: the heading's text in
// lower case, its spaces made hyphens and every other character that is
// not a letter, digit, mark, "-" or "_" left out; a name already taken
// gets "-1", "-2"… (github-slugger, which GitHub uses).
type headingAnchors struct {
	taken map[string]int
}

func newHeadingAnchors() *headingAnchors { return &headingAnchors{taken: map[string]int{}} }

// next is the anchor of the next heading of the document, whose text is s.
func (a *headingAnchors) next(s string) string {
	slug := githubSlug(s)
	anchor := slug
	for {
		if _, taken := a.taken[anchor]; !taken {
			break
		}
		a.taken[slug]++
		anchor = slug + "-" + strconv.Itoa(a.taken[slug])
	}
	a.taken[anchor] = 0
	return anchor
}

// githubSlug is a heading's text as GitHub makes it an anchor.
func githubSlug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// anchorHeadings names each heading of a parsed section, in document
// order, and returns the names by heading; a heading whose text gives no
// name (only punctuation, say) has none.
func anchorHeadings(root ast.Node, src []byte, a *headingAnchors) map[ast.Node]string {
	anchors := map[ast.Node]string{}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if anchor := a.next(plainText(src, h)); anchor != "" {
				anchors[h] = anchor
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return anchors
}

// renderedSection is a section of the document written as Markdown.
type renderedSection struct {
	name string
	md   []byte
}

// render writes the sections of the document in order, each once: a
// section may depend on what those before it said (the bullets' scopes).
// The full version gets its contents after the headline, made from the
// headings of the sections as written.
func (r *report) render() []renderedSection {
	var out []renderedSection
	for _, s := range sectionsFor(r) {
		var buf bytes.Buffer
		bw := bufio.NewWriter(&buf)
		s.write(bw, r)
		_ = bw.Flush() // a bytes.Buffer takes every write
		out = append(out, renderedSection{s.name, buf.Bytes()})
	}
	if !r.full || len(r.items) == 0 {
		return out
	}
	at := slices.IndexFunc(out, func(s renderedSection) bool { return s.name == "headline" }) + 1
	return slices.Insert(out, at, renderedSection{sectionContents, contentsOf(out, at)})
}

// contentsOf writes the contents of sections, to go before sections[at]:
// a link to each section, and under the appendix to each initiative's
// evidence.
func contentsOf(sections []renderedSection, at int) []byte {
	type entry struct {
		text, anchor string
		under        []entry
	}
	var entries []entry
	anchors := newHeadingAnchors()
	for i, s := range sections {
		if i == at {
			anchors.next("Contents")
		}
		root := htmlMarkdown.Parser().Parse(text.NewReader(s.md))
		named := anchorHeadings(root, s.md, anchors)
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			h, ok := n.(*ast.Heading)
			if !ok || !entering {
				return ast.WalkContinue, nil
			}
			e := entry{text: plainText(s.md, h), anchor: named[h]}
			switch {
			case h.Level == 2:
				entries = append(entries, e)
			case h.Level == 3 && s.name == "appendix" && len(entries) > 0:
				last := &entries[len(entries)-1]
				last.under = append(last.under, e)
			}
			return ast.WalkSkipChildren, nil
		})
	}
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	w.WriteString("## Contents\n\n")
	link := func(e entry) {
		if e.anchor == "" {
			writeEscaped(w, e.text)
			return
		}
		w.WriteByte('[')
		writeEscaped(w, e.text)
		w.WriteString("](#" + e.anchor + ")")
	}
	for _, e := range entries {
		w.WriteString("- ")
		link(e)
		w.WriteByte('\n')
		for _, u := range e.under {
			w.WriteString("  - ")
			link(u)
			w.WriteByte('\n')
		}
	}
	_ = w.Flush()
	return buf.Bytes()
}
