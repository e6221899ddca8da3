package export

import (
	"bufio"
	"cmp"
	"slices"
	"strconv"

	"github.com/pmfolio/pmfolio/evidence"
)

// timelineTopCategories is how many categories a timeline row names.
const timelineTopCategories = 2

// competencyRow is one row of the competency table.
type competencyRow struct {
	name  string
	shown []group             // its categories with evidence, in taxonomy order
	gaps  []evidence.Category // its categories without any, that say how to get some
}

// otherCompetency holds the user's own categories that name no competency.
const otherCompetency = "Other"

// competencies returns one row per competency of taxonomy.md, in its order,
// then the competencies the user's own categories name, then "Other" when
// it has anything to show.
func (r *report) competencies() []competencyRow {
	names := slices.Clone(evidence.Competencies)
	competencyOf := func(c evidence.Category) string {
		if c.Competency == "" {
			return otherCompetency
		}
		return c.Competency
	}
	rows := make(map[string]*competencyRow)
	row := func(name string) *competencyRow {
		if rows[name] == nil {
			rows[name] = &competencyRow{name: name}
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
		return rows[name]
	}
	for _, name := range evidence.Competencies {
		row(name)
	}
	withEvidence := make(map[string]bool, len(r.groups))
	for _, g := range r.groups {
		withEvidence[g.category.ID] = true
		rw := row(competencyOf(g.category))
		rw.shown = append(rw.shown, g)
	}
	for _, c := range r.taxonomy {
		if !withEvidence[c.ID] && c.Suggestion != "" {
			rw := row(competencyOf(c))
			rw.gaps = append(rw.gaps, c)
		}
	}
	// "Other" goes last, whenever it first appeared.
	if i := slices.Index(names, otherCompetency); i >= 0 {
		names = append(slices.Delete(names, i, i+1), otherCompetency)
	}
	out := make([]competencyRow, 0, len(names))
	for _, name := range names {
		out = append(out, *rows[name])
	}
	return out
}

// initiativeClaims is how many kinds of work an initiative's summary names;
// the rest it counts, as the headline does.
const initiativeClaims = 4

// initiativeSummary says in plain text what the user did in an
// initiative, counted from the data: "I owned the epic, wrote 2 user
// stories and posted 1 stakeholder update: 7 items on 4 issues between
// December 2025 and June 2026, involving 2 teammates; 3 of the 4 issues
// are done. The epic is done."
func (r *report) initiativeSummary(in initiative) string {
	t := r.tally(in.items)
	claims := claimPhrases(in.groups, true)
	// Owning the epic frames everything else, so it comes first.
	if in.owned {
		claims = slices.DeleteFunc(claims, func(c string) bool { return c == epicOwnedClaim })
		claims = append([]string{epicOwnedClaim}, claims...)
	}
	if more := len(claims) - initiativeClaims; more > 0 {
		claims = append(claims[:initiativeClaims], "did "+quantity(more, "other kind", "other kinds")+" of PM work")
	}
	s := "I " + evidence.JoinAnd(claims) + ": " +
		quantity(t.items, "item", "items") + " on " + quantity(t.issues, "issue", "issues") + " " +
		evidence.LowerFirst(spanPhrase(in.items[0].OccurredAt.UTC(), in.items[len(in.items)-1].OccurredAt.UTC()))
	if t.teammates > 0 {
		s += ", involving " + quantity(t.teammates, "teammate", "teammates")
	}
	if t.issues > 0 {
		s += "; " + doneShare(t.done, t.issues)
	}
	s += "."
	if in.status() == "done" {
		s += " The epic is done."
	}
	return s
}

// writeTimeline writes one row per month of the period, the empty ones
// included, with the categories most active in it.
func writeTimeline(w *bufio.Writer, r *report) {
	writeCountTableHead(w, "Timeline", "Month", "Evidence items", "Most active in")
	for _, m := range r.timeline() {
		w.WriteString("| " + r.monthLabel(m) + " | " + strconv.Itoa(m.total) + " | ")
		top := m.topCategories(timelineTopCategories)
		if len(top) == 0 {
			w.WriteString("—")
		}
		for i, gi := range top {
			writeCategoryCount(w, i, r.groups[gi].category, m.counts[gi])
		}
		w.WriteString(" |\n")
	}
}

// writeCountTableHead writes a section's heading and the head of its
// table, whose second column is a count and so aligned right.
func writeCountTableHead(w *bufio.Writer, heading string, columns ...string) {
	w.WriteString("## " + heading + "\n\n|")
	for _, c := range columns {
		w.WriteString(" " + c + " |")
	}
	w.WriteString("\n|")
	for i := range columns {
		if i == 1 {
			w.WriteString(" ---: |")
		} else {
			w.WriteString(" --- |")
		}
	}
	w.WriteByte('\n')
}

// writeCategoryCount writes the i-th of a list of categories with counts,
// "Prioritization (3)", in a table cell.
func writeCategoryCount(w *bufio.Writer, i int, c evidence.Category, n int) {
	if i > 0 {
		w.WriteString(", ")
	}
	writeEscaped(w, evidence.OneLine(c.Title))
	w.WriteString(" (" + strconv.Itoa(n) + ")")
}

// topCategories returns the indexes (into view.groups) of the month's n
// busiest categories, busiest first, ties in taxonomy order.
func (m month) topCategories(n int) []int {
	var idx []int
	for i, c := range m.counts {
		if c > 0 {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(m.counts[b], m.counts[a]) })
	return idx[:min(len(idx), n)]
}

// doneShare says how many of the issues are done now: "3 of the 4 issues
// are done", "all 4 issues are done", "none of the 4 issues is done yet",
// "both issues are done".
func doneShare(done, issues int) string {
	return doneOf(done, issues, "issue", "issues")
}

// doneOf says how many of n things (one, many) are done.
func doneOf(done, n int, one, many string) string {
	switch {
	case n == 1 && done == 1:
		return "the " + one + " is done"
	case n == 1:
		return "the " + one + " is not done yet"
	case n == 2 && done == 2:
		return "both " + many + " are done"
	case n == 2 && done == 0:
		return "neither " + one + " is done yet"
	case done == n:
		return "all " + evidence.Count(n) + " " + many + " are done"
	case done == 0:
		return "none of the " + evidence.Count(n) + " " + many + " is done yet"
	case done == 1:
		return "1 of the " + evidence.Count(n) + " " + many + " is done"
	default:
		return evidence.Count(done) + " of the " + evidence.Count(n) + " " + many + " are done"
	}
}

// quantity says n of something, singular or plural: "1 item", "3 items".
func quantity(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return evidence.Count(n) + " " + many
}
