package evidence

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// IssueKey finds Jira issue keys in text: "PAY-12", "OPS_2-7".
var IssueKey = regexp.MustCompile(`\b[A-Z][A-Z0-9_]+-\d+\b`)

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
// what fits, it ends there, and " …" says that sentences follow ("…signed
// by all three leads. …", not "…paused feature work once because of the
// budget, which is the…"): a quote that reads as whole, whose link opens
// on a risk or a plan it left out, reads as picked.
// Text that was cut before (an excerpt the classifier shortened ends with
// "…") is cut back to its last sentence in the same way. A cut already
// marked SentencesLeftOut ("…so moving this to the backlog …") ends on
// whole words chosen to end there, and is kept.
//
// A quote that runs only a few words past max (an eighth of it, at most 20
// characters) is kept whole: "…by the end of the…" hides less than it
// costs the reader.
func ShortenAtSentence(text string, max int) string {
	precut := strings.HasSuffix(text, "…") && !strings.HasSuffix(text, SentencesLeftOut)
	if !precut && utf8.RuneCountInString(text) <= max+min(max/8, 20) {
		return text
	}
	cut := Shorten(text, max)
	if precut && utf8.RuneCountInString(text) == max+1 {
		// Its words fit; the classifier's "…" alone is past max.
		cut = text
	}
	if cut == text && !precut {
		return text
	}
	body := strings.TrimSuffix(cut, "…")
	// The second half of what is kept: of what fits, or of what the
	// earlier cut left.
	half := min(max, utf8.RuneCountInString(body)) / 2
	for i := len(body) - 1; i > 0; i-- {
		// A sentence ends where a space followed its full stop: in the text,
		// or where the classifier cut it (on a space) right after one.
		ends := i+1 < len(text) && text[i+1] == ' ' || precut && i+1 == len(body)
		if strings.IndexByte(".!?", body[i]) >= 0 && (i+1 == len(body) || body[i+1] == ' ') && ends {
			if utf8.RuneCountInString(body[:i+1]) >= half {
				return body[:i+1] + SentencesLeftOut
			}
			break
		}
	}
	return cut
}

// SentencesLeftOut ends a quote cut after a whole sentence.
const SentencesLeftOut = " …"

// OneLine makes untrusted text fit on one line, of Markdown or of a
// terminal: every run of white
// space or control characters (newlines included) becomes one space and the
// ends are trimmed. A newline in Jira text would otherwise end a Markdown
// list item and let the next line start a heading, a quote or a list of its
// own; an escape sequence (ESC, C1) would set a terminal's title or hide
// what follows, as anyone who can edit the issue pleases.
// Invalid UTF-8 becomes U+FFFD.
func OneLine(s string) string {
	if isTidyASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r) // utf8.RuneError for invalid bytes writes U+FFFD
	}
	return b.String()
}

// isTidyASCII reports whether OneLine would return s unchanged and is
// cheap to decide, which is the case for most Jira text.
func isTidyASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c >= utf8.RuneSelf || c == 0x7f || (c == ' ' && s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// LowerFirst lowers the first letter of a phrase that starts a sentence
// elsewhere ("In March 2026") for use inside one; an acronym ("EU
// checkout") stays as it is.
func LowerFirst(s string) string {
	first, size := utf8.DecodeRuneInString(s)
	if second, _ := utf8.DecodeRuneInString(s[size:]); s == "" || unicode.IsUpper(second) {
		return s
	}
	return string(unicode.ToLower(first)) + s[size:]
}

// Article puts "a" or "an" before a noun, by its first letter: "an
// incident", "a bug".
func Article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// JoinAnd joins phrases as English does: "a", "a and b", "a, b and c".
func JoinAnd(phrases []string) string {
	if len(phrases) < 2 {
		return strings.Join(phrases, "")
	}
	return strings.Join(phrases[:len(phrases)-1], ", ") + " and " + phrases[len(phrases)-1]
}

// Count writes a count as prose does, its thousands grouped: "7", "1,830".
// A résumé line that reads "groomed 2243 backlog items" looks machine-made.
func Count(n int) string {
	s := strconv.Itoa(n)
	digits := strings.TrimPrefix(s, "-")
	if len(digits) <= 3 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:len(s)-len(digits)])
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// greeting is a salutation that opens a comment and says nothing more:
// "Hi All, ", "Hello team: ", "Dear all - ", "Good morning everyone, ".
var greeting = regexp.MustCompile(`(?i)^(?:hi|hello|hey|hiya|dear|greetings|good (?:morning|afternoon|evening))(?:\s+[\p{L}@'.-]+){0,3}?\s*(?:[,:!]|\s[–—-])\s*`)

// QuoteBody is the part of the user's words a portfolio quotes: one line,
// without the greeting it opens with or the sign-offs it ends with. Every
// quote goes through it, so a brief, a story and its result never differ
// in what they leave out.
func QuoteBody(text string) string {
	return withoutGreeting(withoutSignOff(OneLine(text)))
}

// withoutGreeting drops the salutation a quote opens with ("Hi All,
// sharing where we stand. SIT/UAT criteria are agreed…" quotes from
// "Sharing"), keeping the text whole when nothing else would be left. A
// portfolio's quote is the user's point, and a reader scanning it for
// two minutes reads its first words.
func withoutGreeting(text string) string {
	at := greeting.FindStringIndex(text)
	if at == nil {
		return text
	}
	rest := text[at[1]:]
	r, size := utf8.DecodeRuneInString(rest)
	if len(strings.Fields(rest)) < 3 || r == utf8.RuneError {
		return text
	}
	return string(unicode.ToUpper(r)) + rest[size:]
}

// signOff is a closing courtesy and nothing else: "Thanks Sam!", "thx all",
// "Cheers, Maya", or a bare "Closing the epic.". A quote that ends with one
// reads as a chat message, and once names are redacted as "Thanks a
// teammate!".
var signOff = regexp.MustCompile(`(?i)^(?:many thanks|thanks|thank you|thx|ty|cheers|much appreciated|appreciated)\b[^.!?]*[.!?]*$|` +
	// A bare closing note is Jira housekeeping, not the result it follows:
	// "…down from 42 when we started. Closing the epic."
	`^(?:closing|closed|resolving)(?: (?:the|this))?(?: (?:epic|ticket|issue|one))?(?: now)?[.!]*$`)

// withoutSignOff drops the sign-offs a quote ends with ("…closing the epic.
// Thanks all!"), keeping the text whole when nothing else would be left. A
// sign-off is at most five words and says nothing more ("Thanks, but we
// keep the old flow." and "Thanks to the cache." are kept).
func withoutSignOff(text string) string {
	for {
		body := strings.TrimRight(text, " ")
		end := len(body) - len(strings.TrimRight(body, ".!?"))
		start := strings.LastIndexAny(body[:len(body)-end], ".!?") + 1
		last := strings.TrimSpace(body[start:])
		lower := strings.ToLower(last)
		if start == 0 || len(strings.Fields(last)) > 5 || !signOff.MatchString(last) ||
			strings.Contains(lower, " but ") || strings.HasPrefix(lower, "thanks to ") {
			return text
		}
		text = strings.TrimRight(body[:start], " ")
	}
}

// NamesVersion reports whether text names a version as a word of its own:
// "in 4.14 on priority" and "4.14." name 4.14, "4.141", "5.2.1" and
// "v4.14.2" do not.
func NamesVersion(text, version string) bool {
	return regexp.MustCompile(`(?:^|[^\w.])` + regexp.QuoteMeta(version) + `(?:$|[^\w.]|\.(?:$|\D))`).MatchString(text)
}
