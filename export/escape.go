package export

import (
	"bufio"
	"net/url"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// writeEscaped writes text that oneLine has made a single line, escaping
// what Markdown, GitHub or goldmark could read as syntax. Backslash escapes
// are lossless: the reader sees exactly the characters Jira holds.
//
//   - \ ` * _ ~ mark code and emphasis; [ ] start links, images and
//     footnotes; < > start HTML; | splits table cells; $ starts math on
//     GitHub.
//   - & only where it starts an entity ("&amp;", "&#35;"), and # only
//     where it opens a line or closes a heading: "Marlow & Finch" and
//     "#platform-oncall" stay as they are when a quote is pasted.
//   - "://" and "www." are what GitHub and goldmark turn into links without
//     any brackets, and a word before "@" makes an e-mail link; escaping the
//     ":", the "." or the "@" keeps them plain text, so the only links in an
//     export are the ones it makes itself.
func writeEscaped(w *bufio.Writer, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '~', '[', ']', '<', '>', '|', '$':
			w.WriteByte('\\')
		case '&':
			if startsEntity(s[i+1:]) {
				w.WriteByte('\\')
			}
		case '#':
			if i == 0 || s[i-1] == ' ' && strings.Trim(s[i:], "# ") == "" {
				w.WriteByte('\\')
			}
		case ':':
			if strings.HasPrefix(s[i+1:], "//") {
				w.WriteByte('\\')
			}
		case '.':
			if i >= 3 && strings.EqualFold(s[i-3:i], "www") {
				w.WriteByte('\\')
			}
		case '@':
			if i > 0 && s[i-1] != ' ' {
				w.WriteByte('\\')
			}
		}
		w.WriteByte(c)
	}
}

// startsEntity reports whether what follows an "&" makes it an HTML
// entity: a name or a number, then ";".
func startsEntity(rest string) bool {
	end := strings.IndexByte(rest, ';')
	if end <= 0 || end > 32 {
		return false
	}
	for _, c := range rest[:end] {
		if !(c == '#' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// MarkdownText is s on one line with what Markdown could read as syntax
// escaped, as the exports write text; for other commands that write
// Markdown (next).
func MarkdownText(s string) string {
	var b strings.Builder
	w := bufio.NewWriter(&b)
	writeEscaped(w, evidence.OneLine(s))
	w.Flush()
	return b.String()
}

// linkDestination returns the issue URL written as a Markdown link
// destination, or "" if it is not an absolute http(s) URL. The URL is built
// by the store from the configured site, not taken from Jira text, but a
// javascript: or data: destination must never reach a reader, whatever its
// origin.
func linkDestination(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c <= ' ' || c == 0x7f || c == '<' || c == '>':
			// These would end or break the destination; percent-encoding
			// is what a browser does with them anyway.
			b.WriteString(url.PathEscape(string(c)))
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
