package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// markdownTitle is the document's only level-one heading.
const markdownTitle = "Product-management portfolio"

// markdownSections are the parts of a portfolio with evidence, in order,
// after the title. Each writes whole blocks; Markdown puts a blank line
// between them. New parts (competencies and gaps, highlights, epics, a
// timeline) slot in here.
var markdownSections = []func(*bufio.Writer, *view){
	writeHeadline,
	writeSummaryTable,
	writeCategorySections,
	writeFooter,
}

// emptySections replace markdownSections for a portfolio without evidence:
// its reader is the user, and what they need is the next step.
var emptySections = []func(*bufio.Writer, *view){
	writeNoEvidence,
}

// Markdown writes the portfolio as GitHub-flavoured Markdown: whose work and
// which period, a first-person headline with the counts, a summary table,
// and one section per category in which every item links to its Jira issue.
// A portfolio without evidence says how to get some instead.
func Markdown(w io.Writer, p evidence.Portfolio) error {
	v := newView(p)
	sections := markdownSections
	if len(v.items) == 0 {
		sections = emptySections
	}
	bw := bufio.NewWriter(w)
	writeTitle(bw, v)
	for _, section := range sections {
		bw.WriteByte('\n')
		section(bw, v)
	}
	// bufio.Writer keeps the first write error and skips later writes, so
	// checking once here covers every write above.
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write markdown export: %w", err)
	}
	return nil
}

// writeTitle writes the heading and a byline: the user's name, the Jira
// sites and the period. Site URLs are shown without a scheme and not linked:
// the only links in the document lead to evidence.
func writeTitle(w *bufio.Writer, v *view) {
	w.WriteString("# " + markdownTitle + "\n\n")

	var names []string
	for _, s := range v.sites {
		if name := oneLine(s.User.DisplayName); name != "" && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	for i, name := range names {
		if i > 0 {
			w.WriteString(", ")
		}
		writeEscaped(w, name)
	}
	if len(names) > 0 {
		w.WriteString(" · ")
	}

	if len(v.sites) > 0 {
		if len(v.sites) == 1 {
			w.WriteString("Jira site ")
		} else {
			w.WriteString("Jira sites ")
		}
		for i, s := range v.sites {
			if i > 0 {
				w.WriteString(", ")
			}
			writeEscaped(w, oneLine(s.Name))
			w.WriteString(" (")
			writeEscaped(w, oneLine(siteAddress(s.URL)))
			w.WriteString(")")
		}
		w.WriteString(" · ")
	}
	w.WriteString(dateOnly(v.since) + " to " + dateOnly(v.until) + "\n")
}

// siteAddress is a site URL as people read it, without the scheme.
func siteAddress(u string) string {
	for _, scheme := range []string{"https://", "http://"} {
		if rest, ok := strings.CutPrefix(u, scheme); ok {
			return strings.TrimRight(rest, "/")
		}
	}
	return u
}

func writeNoEvidence(w *bufio.Writer, _ *view) {
	w.WriteString("No evidence yet: run `pmfolio sync` to pull your Jira activity, then export again. " +
		"If you have synced already, widen `--since` and `--until`, " +
		"or record work that Jira does not show with `pmfolio evidence add`.\n")
}

func writeHeadline(w *bufio.Writer, v *view) {
	writeEscaped(w, headline(v))
	w.WriteByte('\n')
}

// writeSummaryTable writes one row per category with evidence, in taxonomy
// order, so the table reads in the same order as the sections below it.
func writeSummaryTable(w *bufio.Writer, v *view) {
	w.WriteString("| Category | Evidence items | Issues |\n")
	w.WriteString("| --- | ---: | ---: |\n")
	for _, g := range v.groups {
		w.WriteString("| ")
		writeEscaped(w, oneLine(g.category.Title))
		w.WriteString(" | " + strconv.Itoa(len(g.items)) + " | " + strconv.Itoa(g.issues) + " |\n")
	}
}

// writeCategorySections writes a section per category with evidence. Items
// are newest first: a hiring manager reads the top of each list, and recent
// work says most about what the user does now; the JSON export and a
// timeline keep the chronological order.
func writeCategorySections(w *bufio.Writer, v *view) {
	for i, g := range v.groups {
		if i > 0 {
			w.WriteByte('\n')
		}
		w.WriteString("## ")
		writeEscaped(w, oneLine(g.category.Title))
		w.WriteString("\n\n")
		for j := len(g.items) - 1; j >= 0; j-- {
			writeEvidenceLine(w, g.items[j])
		}
	}
}

// writeEvidenceLine writes one item as a one-line list item: the date, the
// issue key linked to the issue, its summary, the excerpt in quotes, the
// user's note, and the rule that counted it. The link is the point of the
// line: an interviewer who doubts a claim can open the Jira record behind it.
func writeEvidenceLine(w *bufio.Writer, e *evidence.Evidence) {
	w.WriteString("- " + dateOnly(e.OccurredAt.UTC()) + " ·")
	lead := false // whether anything names the work before the excerpt
	if key := oneLine(e.IssueKey); key != "" {
		w.WriteByte(' ')
		if dest := linkDestination(e.IssueURL); dest != "" {
			w.WriteByte('[')
			writeEscaped(w, key)
			w.WriteString("](" + dest + ")")
		} else {
			writeEscaped(w, key)
		}
		lead = true
	}
	if summary := oneLine(e.IssueSummary); summary != "" {
		w.WriteByte(' ')
		writeEscaped(w, summary)
		lead = true
	}
	if excerpt := oneLine(e.Excerpt); excerpt != "" {
		if lead {
			w.WriteString(" —")
		}
		w.WriteString(" “")
		writeEscaped(w, excerpt)
		w.WriteString("”")
	}
	if note := oneLine(e.Note); note != "" {
		w.WriteString(" · Note: ")
		writeEscaped(w, note)
	}
	if e.Manual {
		w.WriteString(" _(added by hand)_")
	} else if rule := oneLine(e.Rule); rule != "" {
		w.WriteString(" _(rule ")
		writeEscaped(w, rule)
		w.WriteString(")_")
	}
	w.WriteByte('\n')
}

// writeFooter says where the document came from, so a reader knows the
// items are records, not recollections.
func writeFooter(w *bufio.Writer, v *view) {
	w.WriteString("_Generated by pmfolio on " + dateOnly(v.generatedAt.UTC()) +
		" from my Jira activity. Items link to the issues they come from and name the rule that counted them._\n")
}
