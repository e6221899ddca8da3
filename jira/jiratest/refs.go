package jiratest

import (
	"slices"
	"strings"
	"time"
)

// Comments and descriptions name other issues ("Moving this above
// OPS-1190", "Our side is OPS-1201"). A reader who follows the key must
// find an issue that has to do with the one it is named on, in the state
// the words say: the slots that write keys ({$samekey}, {$otherkey},
// {$opskey}, {$opsdonekey}) name only such an issue, and a template that
// would have to name one where there is none is not used (usable,
// expand). The same goes for the other slots whose words must be true of
// the issue (fitSlots, unfit).

// keySlots are the slots that write another issue's key.
var keySlots = []string{"samekey", "otherkey", "opskey", "opsdonekey", "samedonekey", "swappedkey"}

// citedWork are words that speak of a piece of work as done ("the
// rehearsal showed it is safe"), with the summary of that work as the
// lists write it. They are said on an issue only once an issue of that
// work in its project is done (unfit): a decision that leans on a
// rehearsal nobody has run yet, or on the story that asks for it filed
// three weeks later, is a story that contradicts itself.
var citedWork = []struct{ words, work string }{
	{"the rehearsal showed", "Rehearse the 1.30 upgrade on a copy of production"},
	{"the last drill measured", "Monthly automated Postgres failover drill"},
	{"the drill still passes", "Monthly automated Postgres failover drill"},
	{"the drill result is in", "Monthly automated Postgres failover drill"},
}

// doneBy reports whether an issue of project p written from work was
// done by t.
func (g *generator) doneBy(p *Project, work string, t time.Time) bool {
	for _, is := range g.byProject[p] {
		if g.workOf[is] == work && is.Resolution == resolutionDone && !is.Resolved.After(t) {
			return true
		}
	}
	return false
}

// citesUndone reports whether text speaks of work as done that is not
// done at the issue's moment.
func (ig *issueGen) citesUndone(text string) bool {
	for _, c := range citedWork {
		if strings.Contains(text, c.words) && !ig.doneBy(ig.is.Project, c.work, ig.at) {
			return true
		}
	}
	return false
}

// refStopWords are words too common in summaries to make two issues
// about the same thing.
var refStopWords = map[string]bool{"with": true, "from": true, "after": true, "before": true, "when": true, "into": true,
	"every": true, "each": true, "that": true, "this": true, "than": true, "without": true, "only": true, "once": true,
	"follow-up": true, "postmortem": true, "phase": true, "their": true, "them": true, "keep": true, "keeps": true,
	"move": true, "make": true, "goes": true, "stay": true, "show": true, "shows": true, "never": true, "what": true,
	"team": true, "service": true, "services": true, "page": true, "one": true, "same": true, "other": true}

// contentWords are the words of a summary that say what it is about:
// lower case, without the little words, a plural's s dropped.
func (g *generator) contentWords(summary string) map[string]bool {
	if w, ok := g.words[summary]; ok {
		return w
	}
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(summary), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.')
	}) {
		w = strings.Trim(w, "-.")
		if len(w) < 4 || refStopWords[w] {
			continue
		}
		words[strings.TrimSuffix(w, "s")] = true
	}
	g.words[summary] = words
	return words
}

// epic is the epic an issue is filed under, or is; nil for neither.
func (is *Issue) epic() *Issue {
	if is.Type == typeEpic {
		return is
	}
	return is.Parent
}

// initiativeName is the epic an issue is filed under, or is, without its
// phase: issues of one initiative are about the same thing.
func initiativeName(is *Issue) string {
	e := is.epic()
	if e == nil {
		return ""
	}
	name, _, _ := strings.Cut(e.Summary, ", phase ")
	return name
}

// relatedTo reports whether other has to do with is: they are linked,
// filed under one initiative, name the same service, or, in one project,
// their summaries share a content word.
func (g *generator) relatedTo(is, other *Issue) bool {
	for _, l := range is.Links {
		if l.From == other || l.To == other {
			return true
		}
	}
	if a := initiativeName(is); a != "" && a == initiativeName(other) {
		return true
	}
	theirs := g.servicesIn(other.Summary)
	for _, svc := range g.servicesIn(is.Summary) {
		for _, t := range theirs {
			if t == svc {
				return true
			}
		}
	}
	// Another team's words are another team's: "queue" on a mobile
	// ticket is not the platform's paging queue.
	if is.Project != other.Project {
		return false
	}
	words := g.contentWords(other.Summary)
	for w := range g.contentWords(is.Summary) {
		if words[w] {
			return true
		}
	}
	return false
}

// plainWork reports whether an issue is work another issue can wait on,
// follow or be ranked against: not an epic, an incident or a postmortem.
func plainWork(is *Issue) bool {
	return is.Type != typeEpic && !hasLabel(is, "incident") && !hasLabel(is, "postmortem")
}

func hasLabel(is *Issue, label string) bool {
	for _, l := range is.Labels {
		if l == label {
			return true
		}
	}
	return false
}

// openAt reports whether is was created and not yet resolved at t.
func openAt(is *Issue, t time.Time) bool {
	return !is.Created.After(t) && (is.Resolved.IsZero() || is.Resolved.After(t))
}

// refCandidates are the issues the key slot may name now: earlier plain
// work of the slot's project that has to do with the issue, open now
// ({$opsdonekey}, {$samedonekey}: done by now). {$swappedkey} is work
// taken out of the sprint for this issue ("this one goes in instead of
// OPS-1216"), so it stays open at least until that sprint is over and a
// week has passed: closed the next morning, it was never swapped out.
func (ig *issueGen) refCandidates(slot string) []*Issue {
	p := ig.is.Project
	switch slot {
	case "otherkey":
		p = ig.otherTeam()
	case "opskey", "opsdonekey":
		p = ig.ops
	}
	var out []*Issue
	for _, other := range ig.byProject[p] {
		if other == ig.is || !plainWork(other) || other.Created.After(ig.at) {
			continue
		}
		switch {
		case slot == "opsdonekey" || slot == "samedonekey":
			if other.Resolution != resolutionDone || other.Resolved.After(ig.at) {
				continue
			}
		case !openAt(other, ig.at):
			continue
		case slot == "swappedkey":
			if until := maxTime(ig.at.AddDate(0, 0, 7), ig.currentSprint().End); !other.Resolved.IsZero() && other.Resolved.Before(until) {
				continue
			}
		}
		if ig.relatedTo(ig.is, other) {
			out = append(out, other)
		}
	}
	return out
}

// refKey fills a key slot with an issue it may name, or "" if there is
// none.
func (ig *issueGen) refKey(slot string) string {
	asked := ig.qa != nil && (slot == "samekey" || slot == "samedonekey")
	if asked && ig.qaRef != nil {
		return ig.qaRef.Key // the answer names what the question named
	}
	cands := ig.refCandidates(slot)
	if len(cands) == 0 {
		return ""
	}
	other := pickOf(ig.generator, cands)
	if asked {
		ig.qaRef = other
	}
	return other.Key
}

// unfit reports whether text, outside its choices and optional parts, has
// a slot with nothing true to say: a key slot with nothing to name,
// {$theirteam} on an issue of the team it would name, {$sameerror} on one
// whose description shows no error in a {code} block, or {$listedfor} on
// work whose initiative has not listed it for long (listedFor); or words
// that speak of work as done that is not done yet (citedWork).
func (ig *issueGen) unfit(text string) bool {
	for _, slot := range keySlots {
		if strings.Contains(text, "{$"+slot+"}") && len(ig.refCandidates(slot)) == 0 {
			return true
		}
	}
	// {$team} is the team Me talks to on the issue, which on a Payments
	// or Mobile issue is the issue's own; {$theirteam} is another than
	// the issue's ("waiting on PAY-3420 from Payments"), so only Platform
	// issues have one.
	if strings.Contains(text, "{$theirteam}") && ig.otherTeam() == ig.is.Project {
		return true
	}
	if strings.Contains(text, "{$sameerror}") && !strings.Contains(ig.is.Description, "{code") {
		return true // "same error as in the description" needs an error there
	}
	if strings.Contains(text, "{$verified}") && ig.verifiedNote() == "" {
		return true // what Me saw is the issue's own, and said once
	}
	if strings.Contains(text, "{$gap}") && len(ig.gaps()) == 0 {
		return true
	}
	if strings.Contains(text, "{$window}") && ig.windowless() {
		return true
	}
	if strings.Contains(text, "{$windowday}") && ig.windowDay(workday(ig.at.AddDate(0, 0, 1))).IsZero() {
		return true // the initiative is done before the next working day
	}
	if strings.Contains(text, "blocks {$version}") && !slices.Contains(ig.is.FixVersions, ig.release()) {
		return true // "P1 because it blocks platform-2026.02" of work in 2026.01
	}
	if ig.citesUndone(text) {
		return true
	}
	if ig.parksPastDone(text) {
		return true
	}
	return strings.Contains(text, "{$listedfor}") && ig.listedFor() == ""
}

// fitSlots are the slots unfit reads.
var fitSlots = append(slices.Clone(keySlots), "theirteam", "sameerror", "listedfor", "verified", "gap", "window", "windowday")

// listedFor says how long the initiative the issue is filed under has
// listed work: since its first epic was created, in words ("months", "a
// year"); "" when that is too short to remark on, and for work under no
// epic, whose wait the site cannot show. "This has been on the list for a
// year" on a task filed three weeks after its epic is made up.
func (ig *issueGen) listedFor() string {
	if ig.is.Parent == nil {
		return ""
	}
	name := initiativeName(ig.is)
	for _, e := range ig.epics[ig.is.Project] { // oldest first
		if initiativeName(e) != name {
			continue
		}
		const day = 24 * time.Hour
		switch age := ig.at.Sub(e.Created); {
		case age >= 365*day:
			return "a year"
		case age >= 270*day:
			return "most of a year"
		case age >= 60*day:
			return "months"
		}
		return ""
	}
	return ""
}

// topLevel is tmpl without its choices and optional parts.
func topLevel(tmpl string) string {
	var b strings.Builder
	for {
		i := strings.Index(tmpl, "{~")
		j := strings.Index(tmpl, "{?")
		if i < 0 || (j >= 0 && j < i) {
			i = j
		}
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		end := closingBrace(tmpl[i:])
		if end < 0 {
			b.WriteString(tmpl[i:])
			return b.String()
		}
		tmpl = tmpl[i+end+1:]
	}
}

// usable are the templates with no slot (or cited work) that is unfit
// for the issue; all of them if every one has one.
func (ig *issueGen) usable(templates []string) []string {
	hasSlot := false
	for _, t := range templates {
		for _, slot := range fitSlots {
			hasSlot = hasSlot || strings.Contains(t, "{$"+slot+"}")
		}
		for _, c := range citedWork {
			hasSlot = hasSlot || strings.Contains(t, c.words)
		}
	}
	if !hasSlot {
		return templates
	}
	var out []string
	for _, t := range templates {
		if !ig.unfit(topLevel(t)) {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return templates
	}
	return out
}

// servicesIn are the services a summary names.
func (g *generator) servicesIn(summary string) []string {
	if svcs, ok := g.named[summary]; ok {
		return svcs
	}
	lower := strings.ToLower(summary)
	var svcs []string
	for _, t := range []*projectText{&opsText, &payText, &appText} {
		for _, svc := range t.services {
			if svc = strings.ToLower(svc); strings.Contains(lower, svc) {
				svcs = append(svcs, svc)
			}
		}
	}
	g.named[summary] = svcs
	return svcs
}

// parksPastDone reports whether text parks the issue for the rest of the
// month or the quarter in which it is to be done: "Deprioritising this for
// the rest of the quarter" on work done three weeks later is made up.
func (ig *issueGen) parksPastDone(text string) bool {
	if !ig.closes {
		return false
	}
	// Steps crowded together run late, so it is done after now at least.
	at, due := ig.at.UTC(), maxTime(ig.doneDue, ig.at).UTC()
	switch {
	case strings.Contains(text, "for the rest of the quarter"):
		return at.Year() == due.Year() && (at.Month()-1)/3 == (due.Month()-1)/3
	case strings.Contains(text, "not this month"):
		return at.Year() == due.Year() && at.Month() == due.Month()
	}
	return false
}
