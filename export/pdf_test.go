package export

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

func init() { pdfCompress = false }

// pdfTextOp finds the strings a content stream shows: "(text)Tj".
var pdfTextOp = regexp.MustCompile(`BT [\d.]+ ([\d.]+) Td \(((?:[^()\\]|\\.)*)\)\s*Tj`)

// cp1252High are the characters of Windows-1252 from 0x80 to 0x9f.
var cp1252High = []rune("€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ")

// pdfText extracts the text of an uncompressed PDF, one line per line of
// text on the page, and a form feed between pages: what a reader of the
// PDF sees, for the golden files and the tests.
func pdfText(pdf []byte) string {
	var out strings.Builder
	for i, page := range bytes.Split(pdf, []byte("/Type /Page\n")) {
		if i == 0 {
			continue
		}
		if i > 1 {
			out.WriteString("\f\n")
		}
		// Runs on the same baseline are one line of text.
		lastY := ""
		for _, m := range pdfTextOp.FindAllSubmatch(page, -1) {
			if y := string(m[1]); y != lastY {
				if lastY != "" {
					out.WriteByte('\n')
				}
				lastY = y
			}
			out.WriteString(decodePDFString(m[2]))
		}
		out.WriteByte('\n')
	}
	return out.String()
}

func decodePDFString(b []byte) string {
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\\' && i+1 < len(b) {
			i++
			c = b[i]
			switch c {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			}
		}
		switch {
		case c >= 0x80 && c <= 0x9f:
			out.WriteRune(cp1252High[c-0x80])
		default:
			out.WriteRune(rune(c))
		}
	}
	return out.String()
}

// pdfPages counts the pages of a PDF.
func pdfPages(pdf []byte) int { return bytes.Count(pdf, []byte("/Type /Page\n")) }

func TestPDFIsARealPDFWithClickableLinks(t *testing.T) {
	var buf bytes.Buffer
	if err := PDF(&buf, typicalPortfolio(), Options{}); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("%%EOF")) {
		t.Fatalf("not a PDF: %.40q", pdf)
	}
	if n := pdfPages(pdf); n < 1 || n > 2 {
		t.Errorf("the brief has %d pages, want 1 or 2", n)
	}
	// Every link of the Markdown brief is a link annotation in the PDF.
	var md bytes.Buffer
	if err := Markdown(&md, typicalPortfolio(), Options{}); err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`\]\((https://[^)\s]+)\)`).FindAllStringSubmatch(md.String(), -1) {
		if !bytes.Contains(pdf, []byte("/URI ("+m[1]+")")) {
			t.Errorf("no clickable link to %s in the PDF", m[1])
		}
	}
	text := pdfText(pdf)
	for _, want := range []string{"Product-management portfolio", "Goal.", "What I did.", "Outcome.", "Competencies", "Résumé bullets"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
}
