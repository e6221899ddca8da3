package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// markdownTitle is the document's only level-one heading.
const markdownTitle = "Product-management portfolio"

// report is a view with what the sections of the Markdown and HTML
// documents derive from it, computed once per export.
type report struct {
	*view
	strengths   strengths
	initiatives []initiative
}

func newReport(p evidence.Portfolio) *report {
	v := newView(p)
	s := newStrengths(v)
	return &report{view: v, strengths: s, initiatives: v.initiatives(s)}
}

// section is one part of the document. Each writes whole blocks; Markdown
// puts a blank line between them. The HTML export renders them one by one
// and adds its chart after the one named sectionHeadline.
type section struct {
	name  string
	write func(*bufio.Writer, *report)
	// skip, when set, says the section has nothing to show.
	skip func(*report) bool
}

const sectionHeadline = "headline"

// markdownSections are the parts of a portfolio with evidence, in order: who
// and when, the claim, what it shows and lacks, the proof an interviewer
// reads first, the initiatives, every item by category, and the months.
var markdownSections = []section{
	{"title", writeTitle, nil},
	{sectionHeadline, writeHeadline, nil},
	{"competencies", writeCompetencies, nil},
	{"highlights", writeHighlights, nil},
	{"initiatives", writeInitiatives, func(r *report) bool { return len(r.initiatives) == 0 }},
	{"categories", writeCategorySections, nil},
	{"timeline", writeTimeline, nil},
	{"footer", writeFooter, nil},
}

// emptySections replace markdownSections for a portfolio without evidence:
// its reader is the user, and what they need is the next step.
var emptySections = []section{
	{"title", writeTitle, nil},
	{"empty", writeNoEvidence, nil},
}

// sectionsFor returns the sections a portfolio is written with.
func sectionsFor(r *report) []section {
	all := markdownSections
	if len(r.items) == 0 {
		all = emptySections
	}
	sections := make([]section, 0, len(all))
	for _, s := range all {
		if s.skip == nil || !s.skip(r) {
			sections = append(sections, s)
		}
	}
	return sections
}

// Markdown writes the portfolio as GitHub-flavoured Markdown: whose work and
// which period, a first-person headline with the counts, a competency table
// with the gaps and what would fill them, the strongest items, a section per
// initiative, one section per category in which every item links to its
// Jira issue, and a month-by-month timeline. A portfolio without evidence
// says how to get some instead.
func Markdown(w io.Writer, p evidence.Portfolio) error {
	r := newReport(p)
	bw := bufio.NewWriter(w)
	for i, s := range sectionsFor(r) {
		if i > 0 {
			bw.WriteByte('\n')
		}
		s.write(bw, r)
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
func writeTitle(w *bufio.Writer, v *report) {
	w.WriteString("# " + markdownTitle + "\n\n")

	names := v.userNames()
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
			// A redacted portfolio has no site URLs.
			if address := oneLine(siteAddress(s.URL)); address != "" {
				w.WriteString(" (")
				writeEscaped(w, address)
				w.WriteString(")")
			}
		}
		w.WriteString(" · ")
	}
	w.WriteString(dateOnly(v.since) + " to " + dateOnly(v.until) + "\n")
}

// userNames are the distinct display names of the sites' users, made
// single-line: one person usually, under several accounts.
func (v *view) userNames() []string {
	var names []string
	for _, s := range v.sites {
		if name := oneLine(s.User.DisplayName); name != "" && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
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

func writeNoEvidence(w *bufio.Writer, _ *report) {
	w.WriteString("No evidence yet: run `pmfolio sync` to pull your Jira activity, then export again. " +
		"If you have synced already, widen `--since` and `--until`, " +
		"or record work that Jira does not show with `pmfolio evidence add`.\n")
}

func writeHeadline(w *bufio.Writer, r *report) {
	writeEscaped(w, headline(r.view))
	w.WriteByte('\n')
}

// writeCategorySections writes a section per category with evidence. Items
// are newest first: a hiring manager reads the top of each list, and recent
// work says most about what the user does now; the JSON export and a
// timeline keep the chronological order.
func writeCategorySections(w *bufio.Writer, v *report) {
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
	writeLabelledEvidenceLine(w, "", e)
}

// writeLabelledEvidenceLine is writeEvidenceLine with a bold label, such as
// the category, before the date; outside its category's own section an
// item needs to say what kind of work it shows.
func writeLabelledEvidenceLine(w *bufio.Writer, label string, e *evidence.Evidence) {
	w.WriteString("- ")
	if label != "" {
		w.WriteString("**")
		writeEscaped(w, oneLine(label))
		w.WriteString("** · ")
	}
	w.WriteString(dateOnly(e.OccurredAt.UTC()) + " ·")
	lead := false // whether anything names the work before the excerpt
	if key := oneLine(e.IssueKey); key != "" {
		w.WriteByte(' ')
		writeIssueLink(w, key, e.IssueURL)
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
func writeFooter(w *bufio.Writer, v *report) {
	w.WriteString("_Generated by pmfolio on " + dateOnly(v.generatedAt.UTC()) +
		" from my Jira activity. Items link to the issues they come from and name the rule that counted them._\n")
}

// writeIssueLink writes an issue key linked to its issue, or the key alone
// when there is no URL a reader could safely follow.
func writeIssueLink(w *bufio.Writer, key, issueURL string) {
	if dest := linkDestination(issueURL); dest != "" {
		w.WriteByte('[')
		writeEscaped(w, key)
		w.WriteString("](" + dest + ")")
		return
	}
	writeEscaped(w, key)
}
