package evidence

import (
	"strings"
	"unicode/utf8"
)

// Shorten cuts text to at most max characters, on a word boundary where
// there is one, and marks the cut with "…".
func Shorten(text string, max int) string {
	cut, n := 0, 0
	for cut < len(text) && n < max {
		_, size := utf8.DecodeRuneInString(text[cut:])
		cut += size
		n++
	}
	if cut >= len(text) {
		return text
	}
	if sp := strings.LastIndexByte(text[:cut+1], ' '); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRight(text[:cut], " ,;:-") + "…"
}
