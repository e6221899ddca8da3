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

// ShortenAtSentence is Shorten for a quote a reader reads as a whole: when
// the text is too long and one of its sentences ends in the second half of
// what fits, it ends there, with no ellipsis ("…signed by all three leads.",
// not "…paused feature work once because of the budget, which is the…").
// Text that was cut before (an excerpt the classifier shortened ends with
// "…") is cut back to its last sentence in the same way.
func ShortenAtSentence(text string, max int) string {
	cut := Shorten(text, max)
	if cut == text && !strings.HasSuffix(text, "…") {
		return text
	}
	body := strings.TrimSuffix(cut, "…")
	// The second half of what is kept: of what fits, or of what the
	// earlier cut left.
	half := min(max, utf8.RuneCountInString(body)) / 2
	for i := len(body) - 1; i > 0; i-- {
		if strings.IndexByte(".!?", body[i]) >= 0 && (i+1 == len(body) || body[i+1] == ' ') && i+1 < len(text) && text[i+1] == ' ' {
			if utf8.RuneCountInString(body[:i+1]) >= half {
				return body[:i+1]
			}
			break
		}
	}
	return cut
}
