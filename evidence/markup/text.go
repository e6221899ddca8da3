package markup

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
)

// PlainText turns Jira wiki markup, or an Atlassian Document Format
// document (see ADFText), into one line of plain text holding only the
// author's own words. Text rules and excerpts read this, never the markup:
// code, quoted text, stack traces and pasted messages are someone else's
// words or the machine's, and matching them would credit the user with what
// they pasted.
//
// It drops {code}, {noformat} and {quote} blocks, "bq." and ">" lines,
// Java stack-trace lines, lines of a pasted chat transcript ("[10:42] Lee:
// …"), a pasted e-mail thread from its header ("On … wrote:", "-----Original
// Message-----", "From: … / Sent: …") to the end, and the line Jira writes
// when a flag is added or removed with a comment ("(flagoff) Flag removed");
// keeps the text of [text|url] links; turns mentions into "@user"; strips
// emphasis, list, table, {color} and {panel} markup; ends a heading's text
// with ":" ("h3. Goals" → "Goals:"); and collapses all whitespace, line
// breaks included, to single spaces.
func PlainText(text string) string {
	plain, _ := plainTextMentions(text)
	return plain
}

// plainTextMentions is PlainText with the accounts its mentions name, in
// the order their "@user" stand in the plain text (a mention in a dropped
// quote is in neither): what KeepMentions needs to keep them.
func plainTextMentions(text string) (plain string, mentioned []string) {
	if LooksLikeADF(text) {
		var root adfNode
		if json.Unmarshal([]byte(text), &root) == nil && root.Type == "doc" {
			return plainWiki(adfToWiki(&root))
		}
	}
	return plainWiki(text)
}

func plainWiki(wiki string) (string, []string) {
	wiki = dropBlocks(wiki)
	var w plainWriter
	w.b.Grow(len(wiki))
	for rest := wiki; rest != ""; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		w.space()
		line = strings.TrimSpace(line)
		if line == "" || isQuotedLine(line) || isStackTraceLine(line) || isRuleLine(line) || isFlagLine(line) || isChatLine(line) {
			continue
		}
		if startsPastedThread(line, rest) {
			break
		}
		// A heading, or a table's header row, introduces what follows, as
		// "Goals:" would in prose; without the colon it would run into the
		// next line's words.
		if heading, ok := headingText(line); ok {
			w.heading(heading, false)
			continue
		}
		if strings.HasPrefix(line, "||") {
			w.heading(line, true)
			continue
		}
		item := stripListMarker(line)
		w.inline(item, line[0] == '|')
		if len(item) < len(line) {
			w.endItem(nextIsListItem(rest))
		}
	}
	return w.b.String(), w.mentioned
}

// blockMacros are the wiki macros whose whole body is not the author's prose.
var blockMacros = []struct{ open, close string }{
	{"{code", "{code}"},
	{"{noformat", "{noformat}"},
	{"{quote", "{quote}"},
}

// dropBlocks removes block macros with their bodies, leaving a line break so
// the words around them stay apart. An unclosed block runs to the end, as Jira
// renders it. It returns wiki itself when there is nothing to drop, which is
// the common case and costs no allocation.
func dropBlocks(wiki string) string {
	var b strings.Builder
	kept, i := 0, 0
	for {
		j := strings.IndexByte(wiki[i:], '{')
		if j < 0 {
			break
		}
		j += i
		bodyStart, closeTag := blockOpening(wiki[j:])
		if bodyStart == 0 {
			i = j + 1
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(wiki))
		}
		b.WriteString(wiki[kept:j])
		b.WriteByte('\n')
		end := strings.Index(wiki[j+bodyStart:], closeTag)
		if end < 0 {
			kept = len(wiki)
			break
		}
		i = j + bodyStart + end + len(closeTag)
		kept = i
	}
	if b.Cap() == 0 {
		return wiki
	}
	b.WriteString(wiki[kept:])
	return b.String()
}

// blockOpening reports whether s starts with the opening tag of a block macro
// ("{code}", "{code:java}", "{quote}"…): the length of the tag and the tag
// that closes it, or 0 when s does not open a block.
func blockOpening(s string) (tagLen int, closeTag string) {
	for _, m := range blockMacros {
		if !strings.HasPrefix(s, m.open) || len(s) == len(m.open) {
			continue
		}
		switch s[len(m.open)] {
		case '}':
			return len(m.open) + 1, m.close
		case ':':
			if k := strings.IndexByte(s[:min(len(s), maxMacroTag)], '}'); k > 0 {
				return k + 1, m.close
			}
		}
	}
	return 0, ""
}

// isQuotedLine reports a block-quote line: "bq." in wiki markup, ">" as pasted
// from e-mail or Markdown.
func isQuotedLine(line string) bool {
	return strings.HasPrefix(line, "bq.") || line[0] == '>'
}

// isChatLine reports a line pasted from a chat transcript: a bracketed time,
// a name and a colon ("[10:42] Lee Park: can we ship?", "[2026-03-04 10:42
// AM] lee: ok"). The words are the chat's, whoever wrote them there.
func isChatLine(line string) bool {
	if line[0] != '[' {
		return false
	}
	end := strings.IndexByte(line[:min(len(line), 28)], ']')
	if end < 4 {
		return false
	}
	stamp := line[1:end]
	colon := strings.IndexByte(stamp, ':')
	if colon < 1 || colon+2 >= len(stamp) || !isDigit(stamp[colon-1]) || !isDigit(stamp[colon+1]) || !isDigit(stamp[colon+2]) {
		return false
	}
	for i := 0; i < len(stamp); i++ {
		if c := stamp[i]; !isDigit(c) && !strings.ContainsRune(" :-/.APMapm", rune(c)) {
			return false
		}
	}
	rest := strings.TrimLeft(line[end+1:], " \t")
	name := strings.IndexByte(rest[:min(len(rest), 48)], ':')
	return name > 0 && !strings.ContainsAny(rest[:name], "[]")
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// startsPastedThread reports whether line, with the text after it, starts a
// pasted e-mail thread: everything from there on is other people's words.
// It runs on every line, so it looks at the first byte before anything else.
func startsPastedThread(line, rest string) bool {
	switch line[0] {
	case 'o', 'O':
		return HasPrefixFold(line, "on ") && HasSuffixFold(line, " wrote:") && len(line) < 200
	case '-':
		return strings.HasPrefix(line, "--") && (IndexFold(line, "original message") >= 0 || IndexFold(line, "forwarded message") >= 0)
	case '_':
		return len(line) >= 20 && strings.Trim(line, "_") == ""
	case 'f', 'F':
		if !HasPrefixFold(line, "from:") {
			return false
		}
		next := rest
		if i := strings.IndexByte(next, '\n'); i >= 0 {
			next = next[:i]
		}
		next = strings.TrimSpace(next)
		return HasPrefixFold(next, "sent:") || HasPrefixFold(next, "date:") || HasPrefixFold(next, "to:")
	}
	return false
}

func HasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func HasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// FlagOnMarker and FlagOffMarker: Jira starts the comment of adding or
// removing a flag with one of these
// emoticons and a few words in the site's language ("(flagoff) Flag
// removed"); the user's own words follow on the next lines.
const (
	FlagOnMarker  = "(flag)"
	FlagOffMarker = "(flagoff)"
)

// isFlagLine reports the line Jira writes for a flag added or removed.
func isFlagLine(line string) bool {
	return (strings.HasPrefix(line, FlagOnMarker) || strings.HasPrefix(line, FlagOffMarker)) && WordCount(line) <= 4
}

// isRuleLine reports a horizontal rule ("----").
func isRuleLine(line string) bool {
	return len(line) >= 4 && strings.Trim(line, "-") == ""
}

// isStackTraceLine reports a line of a Java-style stack trace: a frame
// ("at com.foo.Bar.baz(Bar.java:12)"), the exception header
// ("java.lang.IllegalStateException: boom", "Exception in thread …",
// "Caused by: …") or the "... 12 more" elision.
func isStackTraceLine(line string) bool {
	switch {
	case strings.HasPrefix(line, "Exception in thread "),
		strings.HasPrefix(line, "Caused by:"),
		strings.HasPrefix(line, "Suppressed:"):
		return true
	case strings.HasPrefix(line, "at "):
		frame := line[3:]
		paren := strings.IndexByte(frame, '(')
		return paren > 0 && !strings.ContainsAny(frame[:paren], " \t") && strings.Contains(frame[:paren], ".")
	case strings.HasPrefix(line, "..."):
		count, ok := strings.CutSuffix(strings.TrimSpace(line[3:]), " more")
		return ok && count != "" && strings.Trim(count, "0123456789") == ""
	}
	// An exception header starts with a qualified class name.
	name := line
	if i := strings.IndexAny(line, ": \t"); i >= 0 {
		name = line[:i]
	}
	return strings.Contains(name, ".") &&
		(strings.HasSuffix(name, "Exception") || strings.HasSuffix(name, "Error") || strings.HasSuffix(name, "Throwable"))
}

// headingText returns the text of a heading line ("h3. Goals"), if line is one.
func headingText(line string) (string, bool) {
	if len(line) < 3 || line[0] != 'h' || line[1] < '1' || line[1] > '6' || line[2] != '.' {
		return "", false
	}
	return line[3:], true
}

// stripListMarker removes what marks a line as a list item ("* ", "# ",
// "- ", "** ").
func stripListMarker(line string) string {
	n := 0
	for n < len(line) && (line[n] == '*' || line[n] == '#' || line[n] == '-') {
		n++
	}
	if n > 0 && n < len(line) && line[n] == ' ' {
		return line[n+1:]
	}
	return line
}

// maxMacroTag bounds how far a macro's parameters may run ("{code:java}",
// "{panel:title=Status|borderStyle=solid}"), so that text with many
// unclosed braces costs linear time.
const maxMacroTag = 256

// inlineMacros are the wiki macros whose tags are formatting around the
// author's words: the tags go, the words stay.
var inlineMacros = []string{"{color", "{panel", "{info", "{note", "{tip", "{warning"}

// plainWriter builds plain text with runs of whitespace collapsed to one space
// and no space at either end.
type plainWriter struct {
	b            strings.Builder
	pendingSpace bool
	mentioned    []string // the account of each mentionWord written, in order
}

func (w *plainWriter) space() {
	w.pendingSpace = w.b.Len() > 0
}

func (w *plainWriter) flushSpace() {
	if w.pendingSpace {
		w.b.WriteByte(' ')
		w.pendingSpace = false
	}
}

func (w *plainWriter) writeString(s string) {
	w.flushSpace()
	w.b.WriteString(s)
}

// heading writes a heading's text ending with ":", after a full stop
// ending the text before it when its author did not end it: "…in
// eu-central-1. Impact: 227 merchants", not "…in eu-central-1 Impact:".
func (w *plainWriter) heading(text string, table bool) {
	if out := w.b.String(); out != "" && !strings.ContainsRune(".:!?;,", rune(out[len(out)-1])) {
		w.b.WriteByte('.')
	}
	before := w.b.Len()
	w.inline(text, table)
	if out := w.b.String(); len(out) > before && !strings.ContainsRune(".:!?", rune(out[len(out)-1])) {
		w.b.WriteByte(':')
	}
}

// inline writes one line's text without its inline markup. In a table row,
// cell separators become spaces.
// endItem ends a list item its author did not end: with ";" when another
// item follows, else with a full stop, so that items read apart ("Success
// metrics: p99 under 300 ms; no incident missed.") rather than running
// into each other.
func (w *plainWriter) endItem(moreItems bool) {
	out := w.b.String()
	if out == "" || strings.IndexByte(".!?:;,", out[len(out)-1]) >= 0 {
		return
	}
	if moreItems {
		w.b.WriteByte(';')
	} else {
		w.b.WriteByte('.')
	}
}

// nextIsListItem reports whether the next line of rest with words on it
// is a list item.
func nextIsListItem(rest string) bool {
	for rest != "" {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if line = strings.TrimSpace(line); line != "" {
			return len(stripListMarker(line)) < len(line)
		}
	}
	return false
}

func (w *plainWriter) inline(s string, table bool) {
	// Past the last ']' no '[' opens a link: knowing that keeps a line full
	// of unclosed brackets linear.
	lastClose := strings.LastIndexByte(s, ']')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			w.space()
			i++
			continue
		case c == '[' && i < lastClose:
			if end := strings.IndexByte(s[i+1:], ']'); end >= 0 {
				w.link(s[i+1 : i+1+end])
				i += end + 2
				continue
			}
		case c == '{':
			if n := inlineTagLen(s[i:]); n > 0 {
				i += n
				continue
			}
		case c == '}' && strings.HasPrefix(s[i:], "}}"):
			i += 2
			continue
		case c == '!':
			if n := imageLen(s[i:]); n > 0 {
				w.space()
				i += n
				continue
			}
		case c == '*' || c == '_':
			if isEmphasisMark(s, i) {
				i++
				continue
			}
		case c == '\\' && strings.HasPrefix(s[i:], `\\`):
			w.space() // a forced line break
			i += 2
			continue
		case c == '|' && table:
			w.space()
			i++
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				w.writeString(string(utf8.RuneError)) // keep the output valid UTF-8
			case unicode.IsSpace(r):
				w.space()
			default:
				w.writeString(s[i : i+size])
			}
			i += size
			continue
		}
		w.flushSpace()
		w.b.WriteByte(c)
		i++
	}
}

// link writes the words of a [link]: a mention becomes "@user" (account ids
// mean nothing to a reader and names are not the author's words), an
// attachment [^file] nothing, [text|url] its text.
func (w *plainWriter) link(content string) {
	switch {
	case content == "":
	case content[0] == '~':
		w.writeString(mentionWord)
		w.mentioned = append(w.mentioned, strings.TrimPrefix(content[1:], "accountid:"))
	case content[0] == '^':
		w.space()
	default:
		if bar := strings.IndexByte(content, '|'); bar >= 0 {
			content = content[:bar]
		}
		w.inline(content, false)
	}
}

// inlineTagLen is the length of the formatting tag s starts with ("{{",
// "{color:red}", "{color}", "{panel:title=x}"…), or 0.
func inlineTagLen(s string) int {
	if strings.HasPrefix(s, "{{") {
		return 2
	}
	for _, m := range inlineMacros {
		if !strings.HasPrefix(s, m) || len(s) == len(m) {
			continue
		}
		switch s[len(m)] {
		case '}':
			return len(m) + 1
		case ':':
			if k := strings.IndexByte(s[:min(len(s), maxMacroTag)], '}'); k > 0 {
				return k + 1
			}
		}
	}
	return 0
}

// imageLen is the length of the embedded image s starts with
// ("!diagram.png!", "!diagram.png|thumbnail!"), or 0. An exclamation mark
// in prose ("Done! Thanks!") is not an image: the name has no spaces and has
// a file extension or is a URL.
func imageLen(s string) int {
	end := strings.IndexByte(s[1:], '!')
	if end <= 0 {
		return 0
	}
	name := s[1 : 1+end]
	if bar := strings.IndexByte(name, '|'); bar >= 0 {
		name = name[:bar]
	}
	if strings.ContainsAny(name, " \t") || !strings.Contains(name, ".") {
		return 0
	}
	return end + 2
}

// isEmphasisMark reports whether the '*' or '_' at s[i] opens or closes
// *bold* or _italic_ text rather than being part of a word (snake_case) or
// an operator between spaces (2 * 3).
func isEmphasisMark(s string, i int) bool {
	var prev, next byte = ' ', ' '
	if i > 0 {
		prev = s[i-1]
	}
	if i+1 < len(s) {
		next = s[i+1]
	}
	opens := !IsWordByte(prev) && next != ' ' && next != '\t'
	closes := prev != ' ' && prev != '\t' && !IsWordByte(next)
	return opens || closes
}

func IsWordByte(c byte) bool {
	return c >= utf8.RuneSelf || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// ExcerptRunes is about how long an excerpt cut from a longer text may be,
// in characters.
const ExcerptRunes = 200

// WholeRunes is the longest text an excerpt quotes whole, in characters:
// half as long again as ExcerptRunes. A status note or an incident update
// of two to four sentences runs 180 to 300 characters; cutting one to 200
// saves the reader a sentence and costs them the one that mattered (the
// root cause of "Update 1 PM: root cause identified, …"), behind a "…"
// that reads as cherry-picked. Longer texts are write-ups, a description
// with its acceptance criteria or a retrospective, that a cut helps.
const WholeRunes = ExcerptRunes * 3 / 2

// Elision is what an excerpt shows where it leaves out the middle of a
// sentence (ExcerptAt).
const Elision = " … "

// Excerpt is ExcerptAt for a text with nothing in particular to show: the
// text whole when it is short, else its opening sentences.
func Excerpt(text string) string { return ExcerptAt(text, 0) }

// ExcerptAt returns plain text as a reader is to quote it, showing the
// byte offset at. Text of at most WholeRunes characters is quoted whole.
// Longer text is cut at sentence ends (sentencesFrom): from its start when
// that reaches the end of at's sentence within WholeRunes, as a quote that
// opens where the writer did reads as theirs, not as picked; else from the
// start of at's sentence, marked with a leading "…". A match near the end
// also keeps the sentences before it that fit: "…@user @user FYI." alone
// shows the words that made the claim and hides what the note said. An
// excerpt never opens mid-sentence.
func ExcerptAt(text string, at int) string {
	if utf8.RuneCountInString(text) <= WholeRunes {
		return text
	}
	at = max(0, min(at, len(text)))
	from, to := SentenceBounds(text, at, at)
	start := 0
	if utf8.RuneCountInString(text[:to]) > WholeRunes {
		start = from
		for start > 0 {
			before, _ := SentenceBounds(text, start-1, start-1)
			if utf8.RuneCountInString(text[before:]) > ExcerptRunes {
				break
			}
			start = before
		}
	}
	excerpt := sentencesFrom(text[start:], to-start, at-start)
	if start > 0 {
		return "…" + excerpt
	}
	return excerpt
}

// sentencesFrom cuts text, which opens a sentence, after the sentence
// that ends at byte need, which holds byte at, and the whole sentences
// after it that fit ExcerptRunes (cutAfter). Where that keeps less than
// half of ExcerptRunes (a short sentence before a long one), it cuts at a
// word; where the sentence at need alone is longer than WholeRunes,
// longSentence cuts it.
func sentencesFrom(text string, need, at int) string {
	n := utf8.RuneCountInString(text[:need])
	if n > WholeRunes {
		return longSentence(text, need, at)
	}
	cut := cutAfter(text, need, max(ExcerptRunes, n))
	if cut != text && utf8.RuneCountInString(cut) <= ExcerptRunes/2 {
		return evidence.Shorten(text, ExcerptRunes)
	}
	return cut
}

// cutAfter cuts text after byte need, where a sentence ends, and the whole
// sentences after it that fit in max characters, and marks the cut with
// "…".
func cutAfter(text string, need, max int) string {
	end := need
	for end < len(text) {
		_, next := SentenceBounds(text, end, end)
		if utf8.RuneCountInString(text[:next]) > max {
			break
		}
		end = next
	}
	if end >= len(text) {
		return text
	}
	return text[:end] + "…"
}

// longSentence cuts text, which opens a sentence longer than WholeRunes
// that ends at byte need (a status of clauses joined by ";" or "•", a
// description with no full stop), to show byte at: from its start to a few
// words past at where that fits WholeRunes, else as its opening words,
// Elision and the clauses from at's to the sentence's end as they fit:
// "❄️ Festival incident, 19:40 update • login queue stuck … compensation
// agreed with live ops: 500 gems…" says what the text is about and what
// made the claim.
func longSentence(text string, need, at int) string {
	const past = ExcerptRunes / 5 // what a reader needs past the match
	if shown := utf8.RuneCountInString(text[:at]) + past; shown <= WholeRunes {
		return evidence.Shorten(text, max(ExcerptRunes, shown))
	}
	// The opening clause, else the opening words.
	head := strings.TrimSuffix(evidence.Shorten(text, ExcerptRunes/4), "…")
	opening := evidence.Shorten(text, ExcerptRunes/3)
	for _, c := range clauseStarts(opening, "; ", " • ", " — ") {
		if utf8.RuneCountInString(opening[:c]) >= ExcerptRunes/10 {
			head = opening[:c]
		}
	}
	head = strings.TrimRight(head, " ,;:-•–—")
	room := ExcerptRunes - utf8.RuneCountInString(head) - utf8.RuneCountInString(Elision)
	// The earliest clause from which the rest of the sentence fits, else
	// at's own, else a few words before at.
	tail := -1
	for _, c := range clauseStarts(text[:at], "; ", " • ", " — ", ": ", ", ") {
		if c <= len(head) {
			continue
		}
		if utf8.RuneCountInString(text[c:need]) <= room {
			return head + Elision + cutAfter(text[c:], need-c, room)
		}
		if utf8.RuneCountInString(text[c:at]) <= ExcerptRunes/3 {
			tail = c
		}
	}
	if tail < 0 {
		tail = at
		for n := 0; tail > 0 && n < 6; {
			tail--
			if text[tail] == ' ' {
				n++
			}
		}
		if text[tail] == ' ' {
			tail++
		}
		if tail <= len(head) {
			tail = at // words too long to count back over
		}
	}
	return head + Elision + evidence.Shorten(text[tail:], room)
}

// clauseStarts returns the byte offsets in text just after each of seps,
// in order: where a clause of a sentence that runs on opens.
func clauseStarts(text string, seps ...string) []int {
	var out []int
	for i := range len(text) {
		for _, sep := range seps {
			if strings.HasPrefix(text[i:], sep) {
				out = append(out, i+len(sep))
				break
			}
		}
	}
	return out
}

// mentionWord is what a mention becomes in plain text: the rules read it
// ("tell @user", "@user can you pick this up?").
const mentionWord = "@user"

// ForReaders turns plain text into what a person reads in a quote: a
// mention reads "[colleague]", as "@user" reads as a placeholder left in
// (an account id names no one a reader knows).
func ForReaders(text string) string {
	return strings.ReplaceAll(text, mentionWord, "[colleague]")
}

// KeepMentions is what the classifier keeps of an excerpt of the plain
// text of text (wiki markup or ADF): each "@user" becomes the mention it
// stands for, "[~account]", for NameMentions to name when the excerpt is
// read. Naming waits until then because only the whole store knows
// everyone on a site, and a sync stores it page by page. When the excerpt
// cannot be placed in the plain text, or that holds an "@user" no mention
// wrote, every mention reads "[colleague]": a wrong name is worse than
// none.
func KeepMentions(excerpt, text string) string {
	if !strings.Contains(excerpt, mentionWord) {
		return excerpt
	}
	plain, mentioned := plainTextMentions(text)
	if strings.Count(plain, mentionWord) != len(mentioned) {
		return ForReaders(excerpt)
	}
	// An excerpt is pieces of plain, in order: the text after a leading
	// "…", each part an Elision leaves out the middle between, up to a
	// closing "…".
	var b strings.Builder
	rest, opened := strings.CutPrefix(excerpt, "…")
	if opened {
		b.WriteString("…")
	}
	rest, closed := strings.CutSuffix(rest, "…")
	from := 0
	for i, part := range strings.Split(rest, Elision) {
		if i > 0 {
			b.WriteString(Elision)
		}
		at := strings.Index(plain[from:], part)
		if at < 0 {
			return ForReaders(excerpt)
		}
		at += from
		writeMentions(&b, part, mentioned, strings.Count(plain[:at], mentionWord))
		from = at + len(part)
	}
	if closed {
		b.WriteString("…")
	}
	return b.String()
}

// writeMentions writes part of an excerpt with each "@user" the mention
// it stands for, the first mentioned[k].
func writeMentions(b *strings.Builder, part string, mentioned []string, k int) {
	for {
		i := strings.Index(part, mentionWord)
		if i < 0 {
			b.WriteString(part)
			return
		}
		b.WriteString(part[:i])
		// An account NameMentions could not read back would reach a reader
		// as markup.
		if k < len(mentioned) && mentioned[k] != "" && !strings.ContainsAny(mentioned[k], "[]") {
			b.WriteString(mentionOpen + mentioned[k] + "]")
		} else {
			b.WriteString("[colleague]")
		}
		part = part[i+len(mentionWord):]
		k++
	}
}

// mentionOpen opens a mention KeepMentions kept, as wiki markup writes one.
const mentionOpen = "[~"

// nextMention finds the first mention KeepMentions kept in quote: where it
// starts and ends, and its account.
func nextMention(quote string) (start, end int, account string, ok bool) {
	for from := 0; ; {
		i := strings.Index(quote[from:], mentionOpen)
		if i < 0 {
			return 0, 0, "", false
		}
		start = from + i
		body := quote[start+len(mentionOpen):]
		if j := strings.IndexAny(body, "[]"); j > 0 && body[j] == ']' {
			// Jira's own "[~accountid:…]", which a quote of a summary may
			// hold, names the account as KeepMentions does.
			return start, start + len(mentionOpen) + j + 1, strings.TrimPrefix(body[:j], "accountid:"), true
		}
		from = start + len(mentionOpen)
	}
}

// MentionedIn lists the accounts of the mentions KeepMentions kept in
// quote, in order.
func MentionedIn(quote string) []string {
	var accounts []string
	for {
		_, end, account, ok := nextMention(quote)
		if !ok {
			return accounts
		}
		accounts = append(accounts, account)
		quote = quote[end:]
	}
}

// NameMentions turns a quote KeepMentions made into what a person reads:
// each mention reads as the name nameOf gives its account, "[colleague]"
// where it gives none, so that no account id reaches a reader. Mentions
// one after another ("FYI @chloe @ravi:") read as a list, "Chloé Dubois
// and Ravi Shankar", where Jira's "@" kept the names apart.
func NameMentions(quote string, nameOf func(account string) string) string {
	if !strings.Contains(quote, mentionOpen) {
		return quote
	}
	var b strings.Builder
	for {
		start, end, account, ok := nextMention(quote)
		if !ok {
			b.WriteString(quote)
			return b.String()
		}
		b.WriteString(quote[:start])
		before := b.String()
		names := []string{cmp.Or(strings.TrimSpace(nameOf(account)), "[colleague]")}
		for {
			next, nextEnd, account, ok := nextMention(quote[end:])
			if !ok || strings.TrimLeft(quote[end:end+next], " ") != "" {
				break
			}
			names = append(names, cmp.Or(strings.TrimSpace(nameOf(account)), "[colleague]"))
			end += nextEnd
		}
		last := len(names) - 1
		if last > 0 {
			b.WriteString(strings.Join(names[:last], ", ") + " and ")
		}
		b.WriteString(names[last])
		quote = quote[end:]
		// "@dana don't wait" opens with whom it speaks to: "Dana Wu, don't wait".
		if !slices.Contains(names, "[colleague]") && opensSentence(before) && spokenTo(quote) {
			b.WriteByte(',')
		}
	}
}

// opensSentence reports whether text before a word ends where a sentence
// starts: nothing, an ellipsis, or a sentence's end and a space.
func opensSentence(before string) bool {
	before = strings.TrimSuffix(before, "…")
	return before == "" || strings.HasSuffix(before, ". ") || strings.HasSuffix(before, "! ") || strings.HasSuffix(before, "? ")
}

// spokenTo reports whether the words after a name that opens a sentence
// speak to that person ("don't wait", "keep both", "can you…", "please…")
// rather than of them ("owns the rollout", "agreed", "will take it"): the
// next word is lowercase and not a verb of the third person, a past tense,
// or a modal unless "you" follows it.
func spokenTo(rest string) bool {
	words := strings.Fields(rest)
	if !strings.HasPrefix(rest, " ") || len(words) == 0 {
		return false
	}
	w := strings.TrimRight(words[0], ",.:;!?")
	if w == "I" || strings.HasPrefix(w, "I'") {
		return true // "Chloé, I got the answer from legal"
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		return true // "Sam, 1% for 10 minutes is what we agreed"
	}
	if !unicode.IsLower(r) {
		return false
	}
	switch {
	case slices.Contains(eitherTenseWords, w):
		// "put it in Mobile S30, I've made room" is an order, "put it in
		// S30 on Monday" a report: the pronouns below tell them apart.
	case slices.Contains(ofThemWords, w):
		// "Anand, is CAB on Tuesday or Wednesday this time?": a question
		// that opens with its verb, after a name, asks that person.
		return len(words) > 1 && strings.EqualFold(strings.TrimRight(words[1], ",.?"), "you") ||
			slices.Contains(questionVerbs, w) && asksQuestion(rest)
	case !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ed") || slices.Contains(spokenToWords, w):
		return true
	}
	// "access is sorted, you're in the group now", "put it in Sprint 59,
	// I've made room": a sentence that says "you" or "I" after the name
	// is said to them, whatever its first word.
	for _, word := range words[1:] {
		if slices.Contains(spokenToPronouns, strings.ToLower(strings.TrimRight(word, ",.:;!?"))) {
			return true
		}
		if strings.ContainsAny(word, ".!?") {
			break // the sentence ends
		}
	}
	return false
}

// questionVerbs open a question, before its subject: "is CAB on
// Tuesday?", "has the fix landed?".
var questionVerbs = []string{"is", "are", "was", "were", "has", "does", "did", "had", "can", "could", "will", "would", "should", "shall", "may", "might", "must"}

// asksQuestion reports whether the sentence text opens ends in a question
// mark.
func asksQuestion(text string) bool {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '?':
			return true
		case '.', '!':
			if i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' {
				return false
			}
		}
	}
	return false
}

// spokenToPronouns say, after a name, that the sentence speaks to them.
var spokenToPronouns = []string{"you", "you're", "you've", "you'll", "your", "i", "i've", "i'll", "i'm"}

// ofThemWords are words after a name that tell of the person (modals,
// irregular past tenses, joins), unless "you" follows: "Dana will take
// it", but "Dana, will you take it?".
var ofThemWords = []string{"will", "would", "can", "could", "should", "shall", "may", "might", "must", "did", "had",
	"and", "or", "to", "from", "with", "took", "made", "got", "said", "wrote", "found", "told", "gave", "ran", "left",
	"sent", "set", "put", "is", "was", "has", "does", "are", "were", "the", "on", "in"}

// eitherTenseWords are ofThemWords that are as often an order as a past
// tense: "Ravi put it in S30" or "Ravi, put it in S30".
var eitherTenseWords = []string{"put", "set"}

// spokenToWords are words that speak to someone whatever their ending.
var spokenToWords = []string{"thanks", "please", "pls", "fyi", "yes"}

// WordCount counts the words of plain text.
func WordCount(text string) int {
	n, inWord := 0, false
	for i := 0; i < len(text); i++ {
		if text[i] == ' ' {
			inWord = false
		} else if !inWord {
			inWord = true
			n++
		}
	}
	return n
}

// SentenceBounds returns the byte range of the sentence of plain text that
// holds text[start:end]. A sentence ends at '.', '!' or '?' followed by a
// space or the end, so "v2.4" and "e.g.," do not split one.
func SentenceBounds(text string, start, end int) (from, to int) {
	from = start
	for from > 0 && !(text[from-1] == ' ' && from >= 2 && isSentenceEnd(text[from-2])) {
		from--
	}
	to = end
	for to < len(text) {
		if isSentenceEnd(text[to]) && (to+1 == len(text) || text[to+1] == ' ') {
			return from, to + 1
		}
		to++
	}
	return from, to
}

func isSentenceEnd(c byte) bool { return c == '.' || c == '!' || c == '?' }

// IndexFold is strings.Index for a lowercase ASCII sub, ignoring case, without
// allocating.
func IndexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
