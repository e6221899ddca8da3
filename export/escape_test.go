package export

import (
	"bufio"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestOneLine(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text is kept", "Checkout times out", "Checkout times out"},
		{"newlines become one space", "line one\r\n\r\nline two\nthree", "line one line two three"},
		{"tabs, controls and separators become spaces", "a\tb\x00c\u2028d\x7fe", "a b c d e"},
		{"ends are trimmed", "  \n padded \t ", "padded"},
		{"runs of spaces collapse", "a   b", "a b"},
		{"invalid UTF-8 becomes U+FFFD", "bad \xff byte", "bad \uFFFD byte"},
		{"non-ASCII is kept", "Zoë’s “story”", "Zoë’s “story”"},
		{"blank is empty", " \n\t ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := evidence.OneLine(tt.in); got != tt.want {
				t.Errorf("evidence.OneLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWriteEscaped(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text is untouched", "Update: live in eu-west; ETA 17:00.", "Update: live in eu-west; ETA 17:00."},
		{"link syntax", "[click](javascript:alert(1))", `\[click\](javascript:alert(1))`},
		{"image syntax", "![x](y)", `!\[x\](y)`},
		{"html", "<script>", `\<script\>`},
		{"entity", "&amp;", `\&amp;`},
		{"heading mark", "# title", `\# title`},
		{"a closing heading mark", "Runbook ##", `Runbook \##`},
		{"a hash inside a line is plain", "ask in #platform-oncall, issue #42", "ask in #platform-oncall, issue #42"},
		{"an ampersand that starts no entity is plain", "Marlow & Finch, R&D", "Marlow & Finch, R&D"},
		{"a numeric entity", "&#35; and &#x23;", `\&#35; and \&#x23;`},
		{"emphasis and code", "*a* _b_ `c` ~d~", "\\*a\\* \\_b\\_ \\`c\\` ~d\\~"},
		{"a tilde that means about is plain", "from ~40 to under 20, (~2 weeks)", "from ~40 to under 20, (~2 weeks)"},
		{"a tilde that could close a strikethrough", "a~b~ c~ (~x~)", `a\~b\~ c\~ (~x\~)`},
		{"a tilde that opens the text", "~40", `\~40`},
		{"table pipe", "a | b", `a \| b`},
		{"math", "$x$", `\$x\$`},
		{"backslash", `C:\dir\`, `C:\\dir\\`},
		{"bare URL", "see https://evil.example", `see https\://evil.example`},
		{"www", "go to WWW.evil.example", `go to WWW\.evil.example`},
		{"e-mail address", "mail admin@evil.example", `mail admin\@evil.example`},
		{"mention is left alone", "FYI @alex", "FYI @alex"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := written(writeEscaped, tt.in); got != tt.want {
				t.Errorf("writeEscaped(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// written is what write writes of s.
func written(write func(*bufio.Writer, string), s string) string {
	var b strings.Builder
	w := bufio.NewWriter(&b)
	write(w, s)
	w.Flush() // a strings.Builder takes every write
	return b.String()
}

// No run of tildes in Jira text strikes anything through on GitHub, and
// the reader sees each tilde as written.
func TestWriteEscapedNeverStrikesThrough(t *testing.T) {
	for _, in := range []string{
		"~a~", "from ~40 to ~60 ms~", "~~x~~", "a ~~b~~ c", "a ~ b ~ c", "(~a~)", "“~a~”", "é~a~ b", "~~~x~~~",
		"x ~a.~ b", "~!~", "a~~", "ends with ~",
	} {
		md := "Quote: " + written(writeEscaped, in)
		html := parseMarkdownText(md).html(t)
		if want := "<p>Quote: " + htmlText.Replace(in) + "</p>\n"; html != want {
			t.Errorf("writeEscaped(%q) = %q renders as %q, want %q", in, md, html, want)
		}
	}
}

func TestLinkDestination(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"cloud issue", "https://acme.atlassian.net/browse/PAY-142", "https://acme.atlassian.net/browse/PAY-142"},
		{"server with context path", "http://jira.example.com/jira/browse/OPS-7", "http://jira.example.com/jira/browse/OPS-7"},
		{"parentheses are escaped", "https://x.example/a(b)", `https://x.example/a\(b\)`},
		{"space and angle brackets are encoded", "https://x.example/a b<c>", "https://x.example/a%20b%3Cc%3E"},
		{"javascript is refused", "javascript:alert(1)", ""},
		{"data is refused", "data:text/html,<b>x</b>", ""},
		{"relative is refused", "/browse/PAY-142", ""},
		{"empty is refused", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := linkDestination(tt.in); got != tt.want {
				t.Errorf("linkDestination(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// A label the classifier put before the user's words is not quoted as
// theirs.
func TestWriteQuoteLeavesTheClassifiersLabelOutside(t *testing.T) {
	for excerpt, want := range map[string]string{
		"Flag removed: Unblocked: Mobile finished the API.":        "Flag removed: “Unblocked: Mobile finished the API.”",
		"Acceptance Criteria edited: Given a cart, then it stays.": "Acceptance Criteria edited: “Given a cart, then it stays.”",
		"Decision: we keep one price per market.":                  "“Decision: we keep one price per market.”",
	} {
		var b strings.Builder
		w := bufio.NewWriter(&b)
		writeQuote(w, excerpt, 200, writeEscaped)
		w.Flush()
		if b.String() != want {
			t.Errorf("writeQuote(%q) = %q, want %q", excerpt, b.String(), want)
		}
	}
}
