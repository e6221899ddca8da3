package export

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// The PDF's font families. Liberation Sans has the metrics of Arial and so
// of Helvetica, the core font the PDF was set in before: the layout did
// not move. Unlike the Go fonts (WGL4), it also draws Vietnamese.
const (
	pdfSans = "LiberationSans"
	pdfMono = "LiberationMono"
)

// pdfFontFiles are the TrueType files of the fonts the PDF embeds, by
// family and fpdf style. fpdf embeds only the glyphs a document uses.
var pdfFontFiles = map[string][]byte{
	pdfSans:        liberationsansregular.TTF,
	pdfSans + "B":  liberationsansbold.TTF,
	pdfSans + "I":  liberationsansitalic.TTF,
	pdfSans + "BI": liberationsansbolditalic.TTF,
	pdfMono:        liberationmonoregular.TTF,
}

// pdfFonts parses the font files once, to ask which characters each one
// draws. An sfnt.Font is safe for concurrent use; each caller brings its
// own sfnt.Buffer.
var pdfFonts = sync.OnceValues(func() (map[string]*sfnt.Font, error) {
	fonts := make(map[string]*sfnt.Font, len(pdfFontFiles))
	for key, ttf := range pdfFontFiles {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			return nil, fmt.Errorf("parse font %s: %w", key, err)
		}
		fonts[key] = f
	}
	return fonts, nil
})

// pdfFallbacks stand in for the characters the export may write that the
// fonts lack; any other character a font lacks prints as "?".
var pdfFallbacks = map[rune]string{'✓': "v", '✔': "v"}

// pdfGlyphs tells which characters the font in force draws and remembers
// the ones it had to replace.
type pdfGlyphs struct {
	fonts map[string]*sfnt.Font
	// font is the one in force, by its key in pdfFontFiles.
	font *sfnt.Font
	buf  sfnt.Buffer
	// missing are the characters printed as "?", each once, in the order
	// they were met.
	missing []rune
	seen    map[rune]bool
}

// draws reports whether the font draws r. fpdf writes text as UTF-16 code
// units of the Basic Multilingual Plane, so nothing beyond it is drawn
// (nor does Liberation have anything there).
func (g *pdfGlyphs) draws(r rune) bool {
	if r > 0xffff {
		return false
	}
	i, err := g.font.GlyphIndex(&g.buf, r)
	return err == nil && i != 0
}

// text returns s as the font can draw it. Text is composed first (NFC):
// a name typed on a Mac arrives as "e" and two combining accents, which
// fpdf cannot stack, while the font has the composed "ễ". A character the
// font still lacks (CJK, emoji) becomes its fallback, a space if it is
// one, nothing if it is invisible (a joiner, a variation selector), else
// "?": the reader sees that something is missing instead of an empty box
// that looks like a glyph, and the export says which on its lint writer.
func (g *pdfGlyphs) text(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case g.draws(r):
			b.WriteRune(r)
		case pdfFallbacks[r] != "":
			b.WriteString(pdfFallbacks[r])
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.In(r, unicode.Cf, unicode.Variation_Selector):
		default:
			b.WriteByte('?')
			if !g.seen[r] {
				if g.seen == nil {
					g.seen = map[rune]bool{}
				}
				g.seen[r] = true
				g.missing = append(g.missing, r)
			}
		}
	}
	return b.String()
}
