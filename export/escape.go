package export

import (
	"bufio"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
)

// writeEscaped writes text that oneLine has made a single line, escaping
// what Markdown, GitHub or goldmark could read as syntax. Backslash escapes
// are lossless: the reader sees exactly the characters Jira holds.
//
//   - \ ` * _ mark code and emphasis; [ ] start links, images and
//     footnotes; < > start HTML; | splits table cells; $ starts math on
//     GitHub.
//   - ~ only where it could close a strikethrough: "~40" after a space
//     can only open one, and no closing "~" is left unescaped, so
//     "from ~40 to under 20" reads as written in the Markdown too.
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
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '$':
			w.WriteByte('\\')
		case '~':
			// What comes before s is not known here.
			if i == 0 || closesStrikethrough(s[i-1], s[i+1:]) {
				w.WriteByte('\\')
			}
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

// closesStrikethrough reports whether a "~" after prev and before next
// could close a strikethrough in GitHub's Markdown, that is, whether it is
// right-flanking: prev is not a space, and either not punctuation or next
// is a space, punctuation or nothing. A byte of a character beyond ASCII
// counts as a letter before the "~" and as punctuation after it, which may
// escape a "~" that needs no escaping but never leaves one that closes.
func closesStrikethrough(prev byte, next string) bool {
	switch {
	case prev == ' ':
		return false
	case !isASCIIPunct(prev):
		return true
	}
	return next == "" || next[0] == ' ' || next[0] >= utf8.RuneSelf || isASCIIPunct(next[0])
}

// isASCIIPunct reports whether c is punctuation as CommonMark counts it.
func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
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

// webAddress finds an http(s) URL in text: up to a space, or a character
// that ends a URL pasted into prose (a quotation mark, an angle bracket,
// an ellipsis) or could not stand inside a Markdown autolink (a control
// character, a backslash, a backtick).
var webAddress = regexp.MustCompile("(?i)\\bhttps?://[^\\s[:cntrl:]<>\"'`\\\\“”‘’«»…]+")

// writeEscapedLinks is writeEscaped for text whose web addresses a reader
// should be able to follow, such as an outcome that points to its
// dashboard: each http(s) URL becomes an autolink, "<https://…>", which
// GitHub and the HTML and PDF exports show as a link, and everything
// around it is escaped. Only an absolute http(s) URL is linked; one cut
// short ("https://wiki.example/pa…") would lead to the wrong page, so it
// stays text.
func writeEscapedLinks(w *bufio.Writer, s string) {
	at := 0
	for _, m := range webAddress.FindAllStringIndex(s, -1) {
		start, end := m[0], m[0]+len(trimURL(s[m[0]:m[1]]))
		if end == m[1] && strings.HasPrefix(s[end:], "…") || linkDestination(s[start:end]) == "" {
			continue
		}
		writeEscaped(w, s[at:start])
		w.WriteString("<" + s[start:end] + ">")
		at = end
	}
	writeEscaped(w, s[at:])
}

// trimURL returns a URL found in prose without what the sentence put
// after it: punctuation, and a closing bracket that opens none in the URL
// ("(dashboard: https://grafana.example/d/pages)").
func trimURL(u string) string {
	for u != "" {
		switch last := u[len(u)-1]; {
		case strings.IndexByte(".,:;!?*_~", last) >= 0,
			last == ')' && strings.Count(u, ")") > strings.Count(u, "("),
			last == ']' && strings.Count(u, "]") > strings.Count(u, "["):
			u = u[:len(u)-1]
		default:
			return u
		}
	}
	return u
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
