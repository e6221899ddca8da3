package export

import (
	"bufio"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
)

// fullQuotes is how many of an issue's written items the appendix quotes;
// the others are linked by date, so that no issue takes a page.
const fullQuotes = 3

// fullQuoteLength is the longest quote in the appendix.
const fullQuoteLength = 160

// fullQuoteMax is how much of a text the appendix quotes: fullQuoteLength,
// or up to twice that to end its first sentence. A user story is often
// one long sentence, and cut at 160 characters ("…so that a forgotten
// environment costs us a week, not a…") it stops short of what it
// contrasted.
func fullQuoteMax(text string) int {
	first := utf8.RuneCountInString(firstSentence(evidence.OneLine(text))) + 1
	if first > fullQuoteLength && first <= 2*fullQuoteLength {
		return first
	}
	return fullQuoteLength
}

// writeAppendix writes every item, initiative by initiative and then the
// work outside any: one line per issue with what the user wrote there,
// quoted and linked, and one line per kind of field edit, summarised with
// the issues linked. A field edit is never a line of its own: two hundred
// "Sprint: A → B" lines bury the work they belong to.
func writeAppendix(w *bufio.Writer, r *report) {
	w.WriteString("## Appendix: all evidence\n\n")
	w.WriteString("Every item, by initiative: what I wrote on each issue, quoted and linked to the record, " +
		"then my field edits, summarised with the issues they were on.\n")
	inInitiative := make(map[*evidence.Evidence]bool)
	for _, in := range r.initiatives {
		w.WriteString("\n### ")
		writeInitiativeHeading(w, in)
		w.WriteString("\n\n")
		writeDigest(w, r, in.items)
		for _, e := range in.items {
			inInitiative[e] = true
		}
	}
	var other []*evidence.Evidence
	for _, e := range r.items {
		if !inInitiative[e] {
			other = append(other, e)
		}
	}
	if len(other) > 0 {
		w.WriteString("\n### " + headingOtherWork + "\n\n")
		writeDigest(w, r, other)
	}
}

// activityRef identifies one Jira record: one comment can be evidence of
// two kinds of work, and it is still one thing the user wrote.
type activityRef struct {
	site, key string
	source    evidence.Source
	sourceID  string
}

// writeDigest writes items (in time order) as issue lines and edit lines.
func writeDigest(w *bufio.Writer, r *report, items []*evidence.Evidence) {
	type issueWork struct {
		first      *evidence.Evidence
		activities [][]*evidence.Evidence // the items of each record, in time order
	}
	var (
		issues   []*issueWork
		byIssue  = make(map[issueRef]*issueWork)
		byRecord = make(map[activityRef]int)
		edits    []*evidence.Evidence
	)
	for _, e := range items {
		if !inOwnWords(e) {
			edits = append(edits, e)
			continue
		}
		ref := issueRef{e.SiteName, e.IssueKey}
		if e.IssueKey == "" {
			ref.key = e.ID // manual evidence: a line of its own
		}
		iw := byIssue[ref]
		if iw == nil {
			iw = &issueWork{first: e}
			byIssue[ref] = iw
			issues = append(issues, iw)
		}
		rec := activityRef{e.SiteName, ref.key, e.Source, e.SourceID}
		if i, ok := byRecord[rec]; ok {
			iw.activities[i] = append(iw.activities[i], e)
			continue
		}
		byRecord[rec] = len(iw.activities)
		iw.activities = append(iw.activities, []*evidence.Evidence{e})
	}
	for _, iw := range issues {
		writeIssueDigest(w, r, iw.first, iw.activities)
	}
	writeEditSummaries(w, r, edits)
}

// writeIssueDigest writes one issue's written work on one line: its key
// and summary, then the strongest records quoted with their kinds of work,
// then the rest linked by date.
func writeIssueDigest(w *bufio.Writer, r *report, first *evidence.Evidence, records [][]*evidence.Evidence) {
	w.WriteString("- ")
	if key := evidence.OneLine(first.IssueKey); key != "" {
		writeIssueLink(w, key, first.IssueURL)
		if summary := evidence.OneLine(first.IssueSummary); summary != "" {
			w.WriteByte(' ')
			writeEscaped(w, summary)
		}
		w.WriteString(": ")
	}
	// The strongest records are quoted, told in time order.
	ranked := slices.Clone(records)
	score := func(rec []*evidence.Evidence) float64 {
		best := 0.0
		for _, e := range rec {
			best = max(best, r.strengths.of(e))
		}
		return best
	}
	slices.SortStableFunc(ranked, func(a, b []*evidence.Evidence) int { return cmp.Compare(score(b), score(a)) })
	quoted := ranked[:min(len(ranked), fullQuotes)]
	n := 0
	for _, rec := range records {
		if !slices.ContainsFunc(quoted, func(q []*evidence.Evidence) bool { return q[0] == rec[0] }) {
			continue
		}
		if n > 0 {
			w.WriteString("; ")
		}
		n++
		e := rec[0]
		w.WriteString("**")
		for i, item := range rec {
			if i > 0 {
				w.WriteString(", ")
			}
			writeEscaped(w, evidence.OneLine(r.categoryTitle(item.Category)))
		}
		w.WriteString("** ")
		text, _ := r.quotable(e)
		if r.strengths.filledIn(e) {
			// A form filled in ("From the postmortem OPS-1202 of
			// OPS-1201: … Why: It is the cheapest of the action items
			// …") holds nobody's words: the issue was filed, and its
			// summary says what for.
			text = ""
			w.WriteString("filed ")
		}
		quoted := writeQuote(w, text, fullQuoteMax(text), writeEscaped)
		if quoted != "" {
			w.WriteByte(' ')
		}
		w.WriteString("(")
		writeDatedLink(w, e)
		w.WriteString(")")
		writePromiseKept(w, r.view, e, quoted, false)
		if note := evidence.OneLine(e.Note); note != "" {
			w.WriteString(", my note: ")
			writeEscaped(w, note)
		}
		if e.Manual {
			w.WriteString(" _(added by hand)_")
		}
	}
	if rest := len(records) - len(quoted); rest > 0 {
		w.WriteString("; also " + quantity(rest, "more record", "more records") + ": ")
		i := 0
		for _, rec := range records {
			if slices.ContainsFunc(quoted, func(q []*evidence.Evidence) bool { return q[0] == rec[0] }) {
				continue
			}
			if i > 0 {
				w.WriteString(", ")
			}
			i++
			writeDatedLink(w, rec[0])
		}
	}
	w.WriteString("\n")
}

// writeDatedLink writes an item's date linked to its record, with "link"
// before it for manual evidence that has one.
func writeDatedLink(w *bufio.Writer, e *evidence.Evidence) {
	label := dateOnly(e.OccurredAt.UTC())
	if e.Manual && linkDestination(e.IssueURL) != "" {
		label = "link, " + label
	}
	writeIssueLink(w, label, e.RecordURL())
}

// writeEditSummaries writes one line per kind of field edit: "Backlog
// grooming: refined 14 issues (Story point estimate, Parent) between March
// and May 2026: PAY-1, PAY-2, …", each key linked.
func writeEditSummaries(w *bufio.Writer, r *report, edits []*evidence.Evidence) {
	writeEditSummariesUpTo(w, r, edits, 0, 0)
}

// writeEditSummariesUpTo is writeEditSummaries linking at most maxLinks
// issues of each kind (0: all of them), then saying how many more, for at
// most maxKinds kinds of work (0: all), those on the most issues.
func writeEditSummariesUpTo(w *bufio.Writer, r *report, edits []*evidence.Evidence, maxLinks, maxKinds int) {
	groups := groupByCategory(edits, r.taxonomy)
	if maxKinds > 0 && len(groups) > maxKinds {
		// The kinds on the most issues, told in the taxonomy's order.
		most := slices.Clone(groups)
		slices.SortStableFunc(most, func(a, b group) int { return b.issues - a.issues })
		groups = slices.DeleteFunc(groups, func(g group) bool {
			return !slices.ContainsFunc(most[:maxKinds], func(m group) bool { return m.category.ID == g.category.ID })
		})
	}
	for _, g := range groups {
		var (
			keys   []*evidence.Evidence // the first edit of each issue
			seen   = make(map[issueRef]bool)
			fields []string
		)
		for _, e := range g.items {
			if ref := (issueRef{e.SiteName, e.IssueKey}); !seen[ref] {
				seen[ref] = true
				keys = append(keys, e)
			}
			if f := editedField(e.Excerpt); f != "" && !slices.Contains(fields, f) {
				fields = append(fields, f)
			}
		}
		slices.SortFunc(keys, func(a, b *evidence.Evidence) int { return compareIssueKeys(a.IssueKey, b.IssueKey) })
		w.WriteString("- **")
		writeEscaped(w, evidence.OneLine(g.category.Title))
		w.WriteString(":** ")
		what := g.category.Edits(quantity(len(keys), "issue", "issues"))
		if len(g.items) > len(keys) {
			what += " in " + quantity(len(g.items), "edit", "edits")
		}
		writeEscaped(w, upperFirst(what))
		if len(fields) > 0 {
			w.WriteString(" (")
			writeEscaped(w, strings.Join(fields[:min(len(fields), 4)], ", "))
			w.WriteString(")")
		}
		w.WriteString(" " + evidence.LowerFirst(spanPhrase(g.items[0].OccurredAt.UTC(), g.items[len(g.items)-1].OccurredAt.UTC())) + ": ")
		linked := keys
		if maxLinks > 0 && len(keys) > maxLinks {
			linked = keys[:maxLinks]
		}
		for i, e := range linked {
			if i > 0 {
				w.WriteString(", ")
			}
			writeIssueLink(w, evidence.OneLine(e.IssueKey), e.IssueURL)
		}
		if more := len(keys) - len(linked); more > 0 {
			w.WriteString(" and " + strconv.Itoa(more) + " more")
		}
		w.WriteString("\n")
	}
}

// editedField is the field a change's excerpt names ("Story point
// estimate" in "Story point estimate: (none) → 1", "Links" in "Linked: is
// blocked by PAY-821"), or "".
func editedField(excerpt string) string {
	field, _, ok := strings.Cut(evidence.OneLine(excerpt), ":")
	if !ok || len(field) > 30 || strings.ContainsAny(field, ".,;") {
		return ""
	}
	if field == "Linked" || field == "Unlinked" {
		// "Linked: is blocked by PAY-821" changed the issue's links.
		return "Links"
	}
	return strings.TrimSpace(field)
}

// upperFirst raises the first letter of a phrase that starts a sentence,
// but for a web address: "Https://grafana…" is not what was written.
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if at := webAddress.FindStringIndex(s); r == utf8.RuneError || at != nil && at[0] == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// partialMonth says, for the last month of a timeline, whether the period
// ends before the month does, and the last day it covers.
func (v *view) partialMonth(m month) (bool, time.Time) {
	until := v.until.UTC()
	if until.Year() != m.start.Year() || until.Month() != m.start.Month() {
		return false, time.Time{}
	}
	return until.Day() < m.start.AddDate(0, 1, -1).Day(), until
}

// monthLabel names a timeline month, marking a partial last one.
func (v *view) monthLabel(m month) string {
	label := m.start.Format("January 2006")
	if partial, until := v.partialMonth(m); partial {
		label += " (partial, to " + strconv.Itoa(until.Day()) + " " + until.Format("January") + ")"
	}
	return label
}
