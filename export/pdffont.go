package export

import (
	"bytes"
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"

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

// pdfFallbacks are the words that stand in for the marks the fonts lack
// and users write: "1 ✓ 2 ✓ 3 ✗" prints "1 ok 2 ok 3 no", where "v"
// read as a letter and a cross, a pictograph, was left out. Any other
// character a font lacks prints as "?".
var pdfFallbacks = map[rune]string{
	'✓': "ok", '✔': "ok", '✅': "ok", '☑': "ok",
	'✗': "no", '✘': "no", '❌': "no", '☒': "no",
}

// pdfGlyphs tells which characters the font in force draws and remembers
// the ones it had to replace.
type pdfGlyphs struct {
	fonts map[string]*sfnt.Font
	// font is the one in force, by its key in pdfFontFiles.
	font *sfnt.Font
	buf  sfnt.Buffer
	// missing are the characters printed as "?", dropped the pictographs
	// left out and replaced those printed as their pdfFallbacks, each
	// once, in the order they were met.
	missing, dropped, replaced []rune
	seen                       map[rune]bool
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
// font still lacks becomes its fallback word, set apart from the words
// beside it ("1✓" reads "1 ok"), a space if it is one, nothing if it is
// invisible (a joiner, a variation selector) or a pictograph (an emoji
// decorates: "EU checkout 🔥 reliability" reads "EU checkout
// reliability", where "?" would read as a question), else "?" (CJK): the
// reader sees that something is missing instead of an empty box that looks
// like a glyph. The export names all three kinds on its lint writer.
func (g *pdfGlyphs) text(s string) string {
	s = norm.NFC.String(s)
	b := make([]byte, 0, len(s))
	skipSpace := false // a pictograph was left out at the start
	afterWord := false // a fallback word was written last
	for _, r := range s {
		if afterWord && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b = append(b, ' ')
		}
		// "✔️done": the emoji selector after the mark is not a word.
		afterWord = afterWord && unicode.In(r, unicode.Cf, unicode.Variation_Selector)
		switch {
		case skipSpace && unicode.IsSpace(r):
		case g.draws(r):
			b = utf8.AppendRune(b, r)
		case pdfFallbacks[r] != "":
			if last, _ := utf8.DecodeLastRune(b); unicode.IsLetter(last) || unicode.IsDigit(last) {
				b = append(b, ' ')
			}
			b = append(b, pdfFallbacks[r]...)
			g.note(r, &g.replaced)
			afterWord = true
		case unicode.IsSpace(r):
			b = append(b, ' ')
		case unicode.In(r, unicode.Cf, unicode.Variation_Selector):
			continue
		case isPictograph(r):
			// "timeout 🚀 is" reads "timeout is": the space before it goes.
			b = bytes.TrimRight(b, " ")
			skipSpace = len(b) == 0
			g.note(r, &g.dropped)
			continue
		default:
			b = append(b, '?')
			g.note(r, &g.missing)
		}
		skipSpace = false
	}
	return string(b)
}

// note adds r to list, once over both lists.
func (g *pdfGlyphs) note(r rune, list *[]rune) {
	if g.seen[r] {
		return
	}
	if g.seen == nil {
		g.seen = map[rune]bool{}
	}
	g.seen[r] = true
	*list = append(*list, r)
}

// isPictograph reports whether r is an emoji or a pictograph: a symbol of
// the pictographic blocks (misc symbols and dingbats, arrows and shapes,
// everything from U+1F000), or a skin-tone modifier.
func isPictograph(r rune) bool {
	return unicode.Is(unicode.So, r) && (r >= 0x1F000 || r >= 0x2600 && r <= 0x27BF || r >= 0x2B00 && r <= 0x2BFF) ||
		r >= 0x1F3FB && r <= 0x1F3FF
}
