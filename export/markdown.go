package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// markdownTitle is what the document is: its level-one heading when it
// names no user, and the first words of the byline under a name.
const markdownTitle = "Product-management portfolio"

// report is a view with what the sections of the Markdown, HTML and PDF
// documents derive from it, computed once per export.
type report struct {
	*view
	strengths   strengths
	initiatives []initiative
	// incidents are incidentsOnNoEpic, nil until found.
	incidents []initiative
	full      bool
	redacted  bool
	// lint are the initiatives shown without an outcome, noted as the
	// document is written; lintLines say how to add each.
	lint      []issueRef
	lintLines []string
	// saidScopes are the scopes ("across 3 projects") the bullets written
	// so far have said; nil when every bullet says its own.
	saidScopes map[string]bool
	// quotedProofs are the items the document has quoted as proofs so far: a
	// brief's decision bullet quotes another decision.
	quotedProofs map[*evidence.Evidence]bool
}

func newReport(p evidence.Portfolio, opts Options) *report {
	v := newView(p)
	s := newStrengths(v)
	return &report{view: v, strengths: s, initiatives: v.initiatives(s), full: opts.Full, redacted: p.Redacted}
}

// section is one part of the document. Each writes whole blocks; Markdown
// puts a blank line between them. The HTML export renders them one by one
// and adds its chart under the heading of the one named sectionTimeline.
type section struct {
	name  string
	write func(*bufio.Writer, *report)
	// skip, when set, says the section has nothing to show.
	skip func(*report) bool
}

const sectionTimeline = "timeline"

func noInitiatives(r *report) bool { return len(r.initiatives) == 0 }

func hasInitiatives(r *report) bool { return len(r.initiatives) > 0 }

// briefSections are the parts of the brief, in the order a hiring manager
// reads: who, the claim, the initiatives as goal → what I did → outcome,
// the competencies and their gaps, and résumé bullets.
var briefSections = []section{
	{"title", writeBriefTitle, nil},
	{"headline", writeBriefHeadline, nil},
	{"initiatives", writeBriefInitiatives, noInitiatives},
	{"highlights", writeBriefHighlights, hasInitiatives},
	{"competencies", writeBriefCompetencies, nil},
	{"bullets", writeBriefBullets, nil},
	{"footer", writeBriefFooter, nil},
}

// fullSections are the brief with every item as an appendix and the
// months of the period.
var fullSections = []section{
	{"title", writeBriefTitle, nil},
	{"headline", writeBriefHeadline, nil},
	{"initiatives", writeBriefInitiatives, noInitiatives},
	{"highlights", writeBriefHighlights, hasInitiatives},
	{"competencies", writeBriefCompetencies, nil},
	{"bullets", writeBriefBullets, nil},
	{"appendix", writeAppendix, nil},
	{sectionTimeline, writeTimeline, nil},
	{"footer", writeBriefFooter, nil},
}

// emptySections replace the others for a portfolio without evidence: its
// reader is the user, and what they need is the next step.
var emptySections = []section{
	{"title", writeBriefTitle, nil},
	{"empty", writeNoEvidence, nil},
}

// sectionsFor returns the sections a portfolio is written with.
func sectionsFor(r *report) []section {
	all := briefSections
	switch {
	case len(r.items) == 0:
		all = emptySections
	case r.full:
		all = fullSections
	}
	sections := make([]section, 0, len(all))
	for _, s := range all {
		if s.skip == nil || !s.skip(r) {
			sections = append(sections, s)
		}
	}
	return sections
}

// Markdown writes the portfolio as GitHub-flavoured Markdown. By default it
// is a brief that fits two printed pages: a headline about the initiatives
// led and their results, the strongest initiatives each as goal → what I
// did (the strongest proofs, quoted and linked to the record) → outcome,
// a competency table with the gaps and what would fill them, and the top
// résumé bullets. With opts.Full an appendix lists every item, field edits
// summarised, and a month-by-month timeline, and contents after the
// headline link to each section by the anchor GitHub gives its heading. A portfolio without evidence
// says how to get some instead. Initiatives shown without an outcome are
// reported to opts.Lint.
func Markdown(w io.Writer, p evidence.Portfolio, opts Options) error {
	r := newReport(p, opts)
	bw := bufio.NewWriter(w)
	for i, s := range r.render() {
		if i > 0 {
			bw.WriteByte('\n')
		}
		bw.Write(s.md)
	}
	// bufio.Writer keeps the first write error and skips later writes, so
	// checking once here covers every write above.
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write markdown export: %w", err)
	}
	return r.writeLint(opts.Lint)
}

// documentTitle is the title a browser tab or a PDF viewer shows: whose
// portfolio it is, among the many a hiring manager has open, first, where
// a narrow tab still shows it.
func (r *report) documentTitle() string {
	if names := r.userNames(); len(names) > 0 {
		return strings.Join(names, ", ") + " · " + markdownTitle
	}
	return markdownTitle
}

// userNames are the distinct display names of the sites' users, made
// single-line: one person usually, under several accounts.
func (v *view) userNames() []string {
	var names []string
	for _, s := range v.sites {
		if name := evidence.OneLine(s.User.DisplayName); name != "" && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}

func writeNoEvidence(w *bufio.Writer, _ *report) {
	w.WriteString("No evidence yet: run `pmfolio sync` to pull your Jira activity, then export again. " +
		"If you have synced already, widen `--since` and `--until`, " +
		"or record work that Jira does not show with `pmfolio evidence add`.\n")
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
