package export

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
)

// Options shape a portfolio document (Markdown, HTML, PDF).
type Options struct {
	// Full appends the complete evidence to the brief: every initiative and
	// every item, comments quoted, field edits summarised.
	Full bool
	// Lint, when set, receives a line for each initiative shown without an
	// outcome, with the command that adds one, and for each kind of work
	// shown only by field edits, with what would show it in words.
	// Commands point it at standard error, so that the document itself
	// stays clean.
	Lint io.Writer
}

// Brief limits: a hiring manager reads two printed pages.
const (
	// briefInitiativesMax and briefInitiativesMin bound how many
	// initiatives the brief shows; between them, an initiative is shown
	// while it is at least briefInitiativeShare as strong as the first.
	briefInitiativesMax  = 5
	briefInitiativesMin  = 3
	briefInitiativeShare = 0.2
	// briefProofs is how many proofs each initiative shows.
	briefProofs = 3
	// briefBullets is how many résumé bullets the brief ends with.
	briefBullets = 4
	// quoteLength is the longest quote in the brief, in characters.
	quoteLength = 220
	// goalLength is the longest goal in the brief.
	goalLength = 260
	// outcomeLength is the longest outcome quoted, in the brief and in a
	// story: what a hiring manager reads for, not to be cut mid-sentence.
	outcomeLength = 400
	// briefPhaseOutcomes is how many phases' outcomes an initiative shows
	// in the brief, the latest ones.
	briefPhaseOutcomes = 3
)

// briefInitiatives are the initiatives the brief shows: every one the user
// owned, and the others at least briefInitiativeShare as strong as the
// first (the strongest briefInitiativesMin in any case), but those barely
// begun where another is shown; those with a recorded result first, then those the user owned, strongest first
// within each. A hiring manager reads for initiatives led and their
// results: a shipped epic with none says less than a smaller one that
// moved a number, and an epic the user only worked on, however busy, does
// not push one they led out of the brief (the headline counts those they
// led; "Also led" under epics they did not would contradict it). Past
// briefInitiativesMin, the last one with no result gives way to the
// strongest incident the user led (incidentTakesPlace).
func (r *report) briefInitiatives() []initiative {
	shown := r.briefCandidates()
	if r.incidentTakesPlace(shown) {
		return shown[:len(shown)-1]
	}
	return shown
}

// briefCandidates are the initiatives the brief has room for (see
// briefInitiatives), before an incident takes the last one's place.
func (r *report) briefCandidates() []initiative {
	var candidates []initiative
	for i, in := range r.initiatives {
		if in.owned || i < briefInitiativesMin || in.strength >= briefInitiativeShare*r.initiatives[0].strength {
			candidates = append(candidates, in)
		}
	}
	// An epic barely begun, told in full, has its plan for proof ("Juliana
	// starts after 5.4", and she did not): beside one told, it is a line
	// of "Also led", where it stands.
	if told := slices.DeleteFunc(slices.Clone(candidates), r.barelyBegun); len(told) > 0 {
		candidates = told
	}
	slices.SortStableFunc(candidates, func(a, b initiative) int {
		switch {
		case a.hasOutcome != b.hasOutcome:
			return firstIf(a.hasOutcome)
		case a.owned != b.owned:
			return firstIf(a.owned)
		}
		return 0
	})
	// Over the limit, the last of those the user did not own give way.
	for i := len(candidates) - 1; i >= 0 && len(candidates) > briefInitiativesMax; i-- {
		if !candidates[i].owned {
			candidates = slices.Delete(candidates, i, i+1)
		}
	}
	return candidates[:min(len(candidates), briefInitiativesMax)]
}

// firstIf orders a before b when it holds, after it when not.
func firstIf(aFirst bool) int {
	if aFirst {
		return -1
	}
	return 1
}

// inOwnWords reports whether an item is something the user wrote (a
// comment, an issue, manual evidence) rather than a field edit.
func inOwnWords(e *evidence.Evidence) bool {
	return e.Source != evidence.SourceChange
}

// writeBriefTitle writes the heading and a byline. The heading is the
// user's name: a hiring manager has a pile of portfolios, and what tells
// this one from the others is whose it is. A redacted portfolio, or one
// whose sites name no user, is titled by what it is: a redacted one's
// placeholders would read as a name.
func writeBriefTitle(w *bufio.Writer, r *report) {
	names := r.userNames()
	if r.redacted || len(names) == 0 {
		w.WriteString("# " + markdownTitle + "\n\n")
	} else {
		w.WriteString("# ")
		writeEscaped(w, strings.Join(names, ", "))
		w.WriteString("\n\n" + markdownTitle + " · ")
	}
	if r.redacted {
		w.WriteString("Names, projects, issue keys and sites redacted · ")
	} else if len(r.sites) > 0 {
		w.WriteString("from Jira (")
		for i, s := range r.sites {
			if i > 0 {
				w.WriteString(", ")
			}
			writeEscaped(w, evidence.OneLine(s.Name))
		}
		w.WriteString(") · ")
	}
	w.WriteString(monthSpan(r.since, r.until) + "\n")
}

// writeBriefHeadline writes the opening claim: the initiatives led and
// what came of them, then what the user wrote, in numbers a reader can
// check against the initiatives below.
func writeBriefHeadline(w *bufio.Writer, r *report) {
	writeEscaped(w, briefHeadline(r))
	writeTeamWork(w, r)
	w.WriteByte('\n')
}

// briefHeadline is the brief's first paragraph as plain text, e.g. "Led 6
// initiatives across Platform, Payments and Mobile; 5 shipped, 3 of them
// with a measured result. Along the way I recorded 85 product decisions,
// posted 72 stakeholder updates and led the response to 23 incidents."
func briefHeadline(r *report) string {
	text, _ := briefHeadlineClaims(r)
	return text
}

// briefHeadlineClaims is briefHeadline with the counted claims it makes
// besides the initiatives (ledInitiatives).
func briefHeadlineClaims(r *report) (string, []countedClaim) {
	led := r.ledInitiatives()
	var b strings.Builder
	switch {
	case len(led.owned) == 1:
		// One initiative is named, not counted: "I led 1 initiative; 1
		// shipped, 1 with a recorded result such as…" reads as a form.
		in := led.owned[0]
		b.WriteString(spanPhrase(r.since, r.until) + " I led " + initiativeName(in) + r.projectNames(led.owned))
		switch {
		case len(led.shipped) == 1:
			b.WriteString("; it shipped")
		case len(led.inPart) == 1:
			b.WriteString("; it shipped " + phaseNames(in.shippedPhases()))
		default:
			b.WriteString(", not shipped yet")
		}
		if len(led.measured) == 1 {
			if quote, date := datedResultQuote(led.measured); quote != "" {
				b.WriteString(", with the result “" + quote + "”" + date + changeAfter(quote))
			} else {
				b.WriteString(", with a recorded result")
			}
		}
		b.WriteString(".")
	case len(led.owned) > 0:
		b.WriteString(spanPhrase(r.since, r.until) + " I led " + quantity(len(led.owned), "initiative", "initiatives") + r.projectNames(led.owned))
		switch {
		case len(led.shipped) == 0 && len(led.inPart) == 0:
			b.WriteString(", none shipped yet")
		default:
			b.WriteString("; " + led.shippedPhrase())
			if len(led.measured) == 1 {
				// One result is named with its initiative: "such as" one
				// reads as a form, and the reader of two initiatives
				// should know which one it came of.
				if quote, date := datedResultQuote(led.measured); quote != "" {
					b.WriteString(", and " + initiativeName(led.measured[0]) + " had the result “" + quote + "”" + date + changeAfter(quote))
				} else {
					b.WriteString(", 1 with a recorded result")
				}
			} else if len(led.measured) > 0 {
				b.WriteString(", " + strconv.Itoa(len(led.measured)) + " with a recorded result")
				if quote, date := datedResultQuote(led.measured); quote != "" {
					b.WriteString(" such as “" + quote + "”" + date + changeAfter(quote))
				}
			}
		}
		b.WriteString(".")
	case len(r.initiatives) > 0:
		b.WriteString(spanPhrase(r.since, r.until) + " I did PM work on " + quantity(len(r.initiatives), "initiative", "initiatives") +
			r.projectNames(r.initiatives) + ".")
	default:
		// The incidents the brief tells (writeBriefIncidents) open it.
		lead := ""
		if len(r.incidentsOnNoEpic()) > 0 {
			lead = evidence.CatIncidentCoord
		}
		return headlineClaims(r.view, lead)
	}
	// The incidents the brief tells beside few initiatives lead what the
	// user did along the way.
	lead := ""
	if r.incidentsBeside() > 0 {
		lead = evidence.CatIncidentCoord
	}
	groups := r.groups
	if len(led.owned) > 0 {
		// "I led 2 initiatives" has told the epics owned: "… and owned 2
		// epics" along the way counted them again.
		groups = slices.DeleteFunc(slices.Clone(groups), func(g group) bool { return g.category.ID == evidence.CatEpicOwnership })
	}
	written := writtenClaims(groups, lead)
	if len(written) > 0 {
		b.WriteString(" Along the way I " + evidence.JoinAnd(phrasesOf(written)) + ".")
	}
	return b.String(), written
}

// initiativeName names an initiative in running text by its title, quoted
// and shortened, or by its epic's key when it has none.
func initiativeName(in initiative) string {
	if title := shortTitle(in.title); title != "" {
		return "“" + title + "”"
	}
	return in.epic.Key
}

// titleLength is the longest title running text quotes whole.
const titleLength = 70

// shortTitle is an epic's title as running text quotes it: whole up to
// titleLength, else without a closing aside ("Release readiness framework
// for Core Banking releases (FY26-27)" loses " (FY26-27)", not "es (FY…"),
// else cut on a word. A quoted name cut mid-word reads as a copy-paste
// slip on a résumé.
func shortTitle(title string) string { return titleUpTo(title, titleLength) }

// titleUpTo is a title of at most about max characters: whole, else
// without its closing aside, else cut.
func titleUpTo(title string, max int) string {
	title = evidence.OneLine(title)
	if utf8.RuneCountInString(title) <= max {
		return title
	}
	if short := withoutClosingAside(title); utf8.RuneCountInString(short) <= max {
		return short
	}
	// Not "Checkout spinner never stops when the…": the cut ends on a
	// word that carries meaning.
	cut := strings.TrimSuffix(evidence.Shorten(title, max-10), "…")
	for {
		i := strings.LastIndexByte(cut, ' ')
		if i < 0 || !danglingWord[strings.ToLower(cut[i+1:])] {
			break
		}
		cut = strings.TrimRight(cut[:i], " ,;:-")
	}
	return cut + "…"
}

// danglingWord are words a cut title must not end on.
var danglingWord = map[string]bool{"the": true, "a": true, "an": true, "of": true, "to": true, "from": true, "for": true, "on": true,
	"in": true, "at": true, "by": true, "with": true, "and": true, "or": true, "when": true, "if": true, "its": true, "their": true, "each": true}

// withoutClosingAside is a title without the bracketed aside it ends with,
// unless that is all of it.
func withoutClosingAside(title string) string {
	if short := strings.TrimSpace(closingAside.ReplaceAllString(title, "")); short != "" {
		return short
	}
	return title
}

// closingAside is a bracketed aside a title ends with: " (FY26-27)",
// " [Q3]".
var closingAside = regexp.MustCompile(`\s*(?:\([^()]*\)|\[[^\[\]]*\])\s*$`)

// changeAfter is the change a quoted result states, worked out, to follow
// the quote (", a 69% drop"), or "".
func changeAfter(quote string) string {
	if change, ok := changeOf(quote); ok {
		return ", " + change.Text
	}
	return ""
}

// ledInitiatives are the initiatives the headline counts, strongest first.
type ledInitiatives struct {
	owned []initiative // the user owned the epic, and it is not in started
	// started are the owned barely begun beside one that is not: the brief
	// lists them under "Also started", and "I led 2 initiatives" of one
	// shipped and one moved to In Progress with a plan claims the second.
	// The headline does not count them: "I also started another
	// initiative" names nothing a reader can look for.
	started []initiative
	// shipped are the owned whose epic is done; inPart the owned in phases
	// whose latest phase is not done but an earlier one is.
	shipped, inPart []initiative
	// measured are the owned with a recorded outcome of a phase that
	// shipped: a result claimed of work still in progress is a forecast.
	measured []initiative
}

// ledInitiatives sorts the initiatives the user led by how far they got.
func (r *report) ledInitiatives() ledInitiatives {
	var led ledInitiatives
	// Where none is further along, the brief tells those barely begun in
	// full.
	started := func(in initiative) bool { return in.owned && r.barelyBegun(in) }
	begun := slices.ContainsFunc(r.initiatives, func(in initiative) bool { return in.owned && !started(in) })
	for _, in := range r.initiatives {
		switch {
		case !in.owned:
			continue
		case begun && started(in) && r.stalled(in):
			// A plan the user has not touched in weeks invites "how's it
			// going?", and the answer is that it stalled: `next` flags it.
			continue
		case begun && started(in):
			led.started = append(led.started, in)
			continue
		}
		led.owned = append(led.owned, in)
		switch {
		case in.epic.StatusCategory == "done":
			led.shipped = append(led.shipped, in)
		case len(in.shippedPhases()) > 0:
			led.inPart = append(led.inPart, in)
		}
		if in.hasOutcome && in.outcome.Epic.StatusCategory == "done" {
			led.measured = append(led.measured, in)
		}
	}
	return led
}

// shippedPhrase says how many shipped: "3 shipped", "3 shipped and 2 more
// shipped phase 1", "2 shipped earlier phases".
func (led ledInitiatives) shippedPhrase() string {
	var parts []string
	if len(led.shipped) > 0 {
		parts = append(parts, strconv.Itoa(len(led.shipped))+" shipped")
	}
	if len(led.inPart) > 0 {
		n := strconv.Itoa(len(led.inPart))
		if len(led.shipped) > 0 {
			n += " more"
		}
		phases := phaseNames(led.inPart[0].shippedPhases())
		for _, in := range led.inPart[1:] {
			if !slices.Equal(in.shippedPhases(), led.inPart[0].shippedPhases()) {
				phases = "earlier phases"
			}
		}
		parts = append(parts, n+" shipped "+phases)
	}
	return strings.Join(parts, " and ")
}

// resultQuote is the clause of the strongest initiative's outcome that
// best says what changed, short enough for a headline, or "". A baseline
// in the clause after it ("…are at 0.3%, down from 2.1%") stays with it: a
// result reads by what it changed from. Of an outcome's clauses with a
// number, one that states a change ("conversion up from 2.1% to 2.6%")
// comes before one that states an amount ("shipped to 100%"), which comes
// before one whose numbers are only dates ("on Sep 30"); of equals, the
// first.
func resultQuote(ins []initiative) string {
	for _, in := range ins {
		best, bestRank := "", 0
		clauses := resultClauses(withoutAddresses(evidence.OneLine(in.outcome.Text)))
		for i, c := range clauses {
			clause := c.text
			// "Closing the epic: success metric met (…)": the result is after the colon.
			if _, after, ok := strings.Cut(clause, ": "); ok && strings.ContainsAny(after, "0123456789") {
				clause = after
			}
			if !strings.ContainsAny(clause, "0123456789") {
				continue
			}
			// "…zero rollbacks, and production defects came down…"
			clause = strings.TrimSpace(leadingConjunction.ReplaceAllString(clause, ""))
			if i+1 < len(clauses) && c.comma && baseline.MatchString(clauses[i+1].text) {
				if with := clause + ", " + clauses[i+1].text; utf8.RuneCountInString(with) <= resultQuoteLength {
					clause = with
				}
			}
			if rank := resultRank(clause); rank > bestRank {
				best, bestRank = clause, rank
			}
		}
		if best != "" {
			return shortenResult(best)
		}
	}
	return ""
}

// datedResultQuote is resultQuote and, when it names a day only its
// date explains ("since the 23rd"), that date, to follow it: " (reported
// on 4 May)"; " (4 May)" read as the 23rd of May.
// The headline quotes it away from its link and date.
func datedResultQuote(ins []initiative) (quote, date string) {
	for _, in := range ins {
		if q := resultQuote([]initiative{in}); q != "" {
			if at := in.outcome.Comment.At; hasRelativeDay(q) && !at.IsZero() {
				date = " (reported on " + at.Format("2 January") + ")"
			}
			return q, date
		}
	}
	return "", ""
}

// leadingConjunction is the word that joins a clause to the one before.
var leadingConjunction = regexp.MustCompile(`(?i)^(?:and|but)\s+`)

// resultRank says how well a clause with a number tells a result: 3 when
// it states a change from a baseline, 2 an amount, 1 only dates, times,
// names ("on Sep 30", "Q3") or numbers without a unit that may be
// versions ("4.13 and 4.14 went live"), 0 a fragment of fewer than three
// words ("4.12" of "4.12, 4.13 and 4.14 went live"), which is no result.
func resultRank(clause string) int {
	if len(strings.Fields(clause)) < 3 {
		return 0
	}
	if _, ok := changeOf(clause); ok {
		return 3
	}
	if slices.ContainsFunc(amounts(clause), func(a amount) bool { return a.unit != "" || !strings.Contains(a.text, ".") }) {
		return 2
	}
	return 1
}

// withoutAddresses is an outcome without the web addresses it points to,
// each with the bracket it stands in or the colon before it: a headline or
// a résumé bullet says what changed, and a URL's digits are no result
// ("…with SLOs: https://wiki.example/pages/2147483647/…" quoted the URL).
// The brief's Outcome line links them.
func withoutAddresses(text string) string {
	return addressAside.ReplaceAllStringFunc(text, func(m string) string {
		if strings.HasSuffix(m, ")") && strings.HasPrefix(strings.TrimSpace(m), "(") {
			return ""
		}
		return m[len(trimURL(m)):] // the punctuation after it is the sentence's
	})
}

// addressAside finds a web address in a bracket of its own ("(dashboard:
// https://…)"), or with the colon and space before it.
var addressAside = regexp.MustCompile(`\s*\([^()]*https?://[^()]*\)|:?\s*` + webAddress.String())

// resultQuoteLength is how long a quoted result may be, in characters.
const resultQuoteLength = 90

// shortenResult is a result clause cut to resultQuoteLength, but never
// inside brackets, which hold its baseline as often as not: an aside that
// closes a few words past the limit is kept whole ("…at 99.6% in the last
// 30 days (was 97.9% when we started in June)"), a longer one is left out,
// where the cut read "(was 97.9% when we started in…".
func shortenResult(clause string) string {
	cut := evidence.Shorten(clause, resultQuoteLength)
	kept := strings.TrimSuffix(cut, "…")
	open := strings.LastIndexByte(kept, '(')
	if kept == cut || open < 0 || strings.IndexByte(kept[open:], ')') >= 0 {
		return cut
	}
	if end := strings.IndexByte(clause[open:], ')'); end >= 0 && utf8.RuneCountInString(clause[:open+end+1]) <= resultQuoteLength+resultAsideOver {
		return clause[:open+end+1]
	}
	return evidence.Shorten(strings.TrimSpace(clause[:open]), resultQuoteLength)
}

// resultAsideOver is how far past resultQuoteLength an aside may close
// and still be quoted whole.
const resultAsideOver = 30

// baseline finds a clause that says what a result changed from: "down
// from 2.1%", "from 42 in the quarter before", "against 39 a year ago".
var baseline = regexp.MustCompile(`(?i)^(?:(?:down|up)\s+)?(?:from|against|compared (?:with|to)|versus|vs\.?|was|previously)\s.*\d`)

// resultClause is a clause of an outcome; comma says a comma ends it.
type resultClause struct {
	text  string
	comma bool
}

// clauseEnd ends a clause: a full stop, a semicolon or a comma followed by
// a space ("8 of 8 services have SLOs, and the policy…").
var clauseEnd = regexp.MustCompile(`[.;,] `)

// measureListed ends a clause's text with a number and its unit, which a
// comma and a number after it continue as a list: "the last three drills
// measured 12 s, 23 s and 16 s" is one clause, not "…measured 12 s".
var measureListed = regexp.MustCompile(`\d(?: ?(?:%|[a-z]{1,3}))?$`)

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// resultClauses splits an outcome into its clauses, each trimmed, without
// a final full stop.
func resultClauses(text string) []resultClause {
	text = strings.TrimSuffix(text, ".")
	var out []resultClause
	at := 0
	for _, end := range clauseEnd.FindAllStringIndex(text, -1) {
		if text[end[0]] == ',' && measureListed.MatchString(text[at:end[0]]) && startsWithDigit(text[end[1]:]) {
			continue // "12 s, 23 s and 16 s" is one list of numbers
		}
		out = append(out, resultClause{text: strings.TrimSpace(text[at:end[0]]), comma: text[end[0]] == ','})
		at = end[1]
	}
	return append(out, resultClause{text: strings.TrimSpace(text[at:])})
}

// headlineWritten is how many kinds of written work the headline counts.
const headlineWritten = 3

// writtenClaims are the claims of the kinds of work the user did mostly
// in writing (decisions, updates, incident comms, stories), those that
// show judgment first, then biggest first: what a hiring manager reads as
// communication, unlike field edits.
func writtenClaims(groups []group, lead string) []countedClaim {
	var written []group
	for _, g := range groups {
		words := 0
		for _, e := range g.items {
			if inOwnWords(e) {
				words++
			}
		}
		if 2*words > len(g.items) {
			written = append(written, g)
		}
	}
	claims := countedClaims(written, false)
	// Judgment and communication before acts of other kinds, however
	// many: a release manager's "made the go/no-go call on 4 releases"
	// says more than "tested 27 delivered issues", and "recorded 1
	// product decision" more than "wrote 5 stories and specs".
	slices.SortStableFunc(claims, func(a, b countedClaim) int {
		if a.judgment == b.judgment {
			return 0
		}
		return firstIf(a.judgment)
	})
	claims = leadFirst(claims, lead)
	return namedSingles(claims[:min(len(claims), headlineWritten)])
}

// projectNames names the projects of some initiatives' epics: " across
// Platform, Payments and Mobile", " in Payments".
func (r *report) projectNames(ins []initiative) string {
	var names []string
	for _, in := range ins {
		key := projectOf(&evidence.Evidence{IssueKey: in.epic.Key})
		name := key
		for _, p := range r.projects {
			if p.SiteName == in.epic.SiteName && p.Key == key && evidence.OneLine(p.Name) != "" {
				name = evidence.OneLine(p.Name)
			}
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return " in " + names[0]
	}
	return " across " + evidence.JoinAnd(names)
}

// writeBriefInitiatives writes the strongest initiatives, each as goal →
// what I did (the strongest proofs, quoted and linked) → outcome.
func writeBriefInitiatives(w *bufio.Writer, r *report) {
	w.WriteString("## Initiatives\n")
	quoted := &quoteSet{}          // no quote twice in the brief
	told := r.strengths.counting() // and range across its initiatives
	told.favour = proofFavour
	told.doubted = r.dateDoubted
	shown := r.briefInitiatives()
	var shownProofs []*evidence.Evidence
	thin := 0 // initiatives told in fewer than two quotes
	for _, in := range shown {
		w.WriteString("\n### ")
		writeInitiativeHeading(w, in)
		w.WriteString("\n\n")
		writeEscaped(w, r.initiativeFacts(in))
		w.WriteString("\n\n")
		if goal, metrics := goalAndMetrics(in.goal()); goal != "" {
			w.WriteString("**" + goalLabel(in.goal()) + ".** ")
			// A goal is the epic's, told, not quoted: it ends at its
			// sentence, without the " …" of a quote cut short.
			writeEscaped(w, strings.TrimSuffix(evidence.ShortenAtSentence(goal, goalLength), evidence.SentencesLeftOut))
			if metrics != "" {
				w.WriteString(" **Success metrics:** ")
				writeEscaped(w, evidence.Shorten(metrics, goalLength/2))
			}
			w.WriteString("\n\n")
		}
		// Who handed it over, after what it was for.
		if grant, ok := r.handedOver(in); ok {
			writeResultPart(w, grant.part())
			w.WriteString("\n\n")
		}
		w.WriteString("**What I did.**\n\n")
		proofs := r.proofs(told, in, briefProofs, quoted)
		told.tell(proofs)
		shownProofs = append(shownProofs, proofs...)
		writeProofs(w, r, proofs, in.epic.Key, false)
		if len(proofs) < 2 {
			thin++
			// Too little in the user's words: the field edits, summarised,
			// as many kinds as make up the initiative's proofs, those on
			// the most issues; the full portfolio has them all. The epic's
			// own status edits are left out: the facts line says the user
			// owned it and where it stands, and "updated the status of 1
			// issue in 7 edits" tells a reader nothing more.
			var edits []*evidence.Evidence
			for _, e := range in.items {
				if !inOwnWords(e) && !(e.Category == evidence.CatEpicOwnership && slices.Contains(in.epicItems, e)) {
					edits = append(edits, e)
				}
			}
			writeEditSummariesUpTo(w, r, edits, briefEditLinks, briefProofs-len(proofs))
		}
		writeBriefOutcome(w, r, in)
	}
	writeAlsoLed(w, r, shown)
	if room := r.briefCandidates(); r.incidentTakesPlace(room) {
		// With an outcome it would be told above; the user should know.
		r.outcomeMissing(room[len(room)-1], "gave its place in the brief to an incident with one")
	}
	// An engineer with one or two initiatives has room for the incidents
	// they led, which a hiring manager asks about as much.
	var incidents []*evidence.Evidence
	n := r.incidentsBeside()
	if n > 0 {
		w.WriteByte('\n')
		incidents = writeBriefIncidents(w, r, quoted, n)
		shownProofs = append(shownProofs, &evidence.Evidence{Category: evidence.CatIncidentCoord})
	}
	// The full portfolio lists every item under its own "Other work". An
	// initiative told in one quote (an epic just begun: its goal and a
	// note) leaves room too: Pitanga's brief had none for her ranking by
	// support tickets, her cut of a request to a first version, her
	// heads-up to support.
	if !r.full && len(shown)-thin+n < briefInitiativesMin {
		writeBriefOtherWork(w, r, told, quoted, shown, incidents, shownProofs)
	}
}

// writeBriefOtherWork writes, for an engineer whose initiatives and
// incidents leave the brief room, the strongest of their other work in
// their own words: a heads-up to support or a date agreed with another
// team, on no epic, is what a hiring manager reads for, and was only in
// the full portfolio. The competencies the brief has quoted no proof of
// (shownProofs) come first: a release manager's second go/no-go call
// said again what her initiative showed, where her reopened story showed
// her product judgment. shownSoFar holds what the initiatives showed, so
// the kinds vary.
func writeBriefOtherWork(w *bufio.Writer, r *report, shownSoFar strengths, quoted *quoteSet, shown []initiative, incidents, shownProofs []*evidence.Evidence) {
	competencyOf := func(e *evidence.Evidence) string { return r.categoryOf(e.Category).Competency }
	shownSoFar.favour = otherWorkFavour
	// Sets, not scans: a brief of two initiatives may hold tens of
	// thousands of items.
	told := make(map[*evidence.Evidence]bool, len(incidents))
	for _, e := range incidents {
		told[e] = true
	}
	for _, in := range shown {
		for _, e := range in.items {
			told[e] = true
		}
	}
	quotedCompetency := map[string]bool{}
	for _, p := range shownProofs {
		quotedCompetency[competencyOf(p)] = true
	}
	var written, agreed []*evidence.Evidence
	for _, e := range r.items {
		if !inOwnWords(e) || told[e] {
			continue
		}
		written = append(written, e)
		if _, _, ok := r.agreedCall(e); ok {
			agreed = append(agreed, e)
		}
	}
	// A call another team agreed to, with its reason or number, comes
	// first: "ok, 24th then" from Marketing shows the influence a heads-up
	// to support only hopes for.
	proofs := shownSoFar.pickVaried(agreed, 1, quoted)
	for _, p := range proofs {
		quotedCompetency[competencyOf(p)] = true
	}
	unquoted := map[string][]*evidence.Evidence{} // by competency
	strongest := map[string]float64{}             // the strongest score of each
	for _, e := range written {
		if c := competencyOf(e); c != "" && !quotedCompetency[c] {
			unquoted[c] = append(unquoted[c], e)
		}
	}
	for c, items := range unquoted {
		for _, e := range provable(items) {
			strongest[c] = max(strongest[c], shownSoFar.of(e))
		}
	}
	// One proof of each competency not quoted yet, the strongest first.
	competencies := slices.Collect(maps.Keys(unquoted))
	slices.SortFunc(competencies, func(a, b string) int {
		return cmp.Or(cmp.Compare(strongest[b], strongest[a]), strings.Compare(a, b))
	})
	for _, c := range competencies[:min(len(competencies), briefProofs-len(proofs))] {
		proofs = append(proofs, shownSoFar.pickVaried(unquoted[c], 1, quoted)...)
	}
	rest := slices.DeleteFunc(written, func(e *evidence.Evidence) bool { return slices.Contains(proofs, e) })
	proofs = append(proofs, shownSoFar.pickVaried(rest, briefProofs-len(proofs), quoted)...)
	if len(proofs) == 0 {
		return
	}
	w.WriteString("\n## Other work, in my words\n\n")
	writeProofs(w, r, proofs, "", false)
}

// writeBriefOutcome writes an initiative's Outcome line. Without a result
// the brief says nothing rather than show a gap: the facts line says
// whether it shipped, and the lint tells the user how to add one; a
// date of theirs the epic missed the lint tells too (noteMissedETA), and
// a window its result is counted over that had not ended when it was
// written (noteWindowUnelapsed).
func writeBriefOutcome(w *bufio.Writer, r *report, in initiative) {
	if !in.hasOutcome {
		r.missingOutcome(in)
		return
	}
	w.WriteString("\n**Outcome.** ")
	writeOutcome(w, r, in)
	r.noteMissedETA(in)
	r.noteWindowUnelapsed(in)
	if praise, ok := r.recognised(in); ok {
		w.WriteString(". ")
		writeResultPart(w, praise.part())
	}
	w.WriteByte('\n')
}

// briefHighlights is how many proofs the brief quotes when no initiative
// holds the user's work; highlightEditLinks how many issues a summary of
// field edits links there.
const (
	briefHighlights    = 5
	highlightEditLinks = 8
	// briefEditLinks is how many issues a summary of an initiative's field
	// edits links in the brief.
	briefEditLinks = 5
)

// incidentsOnNoEpic are the incidents the user coordinated on no epic,
// strongest first, found once: the brief's headline and its section both
// tell them.
func (r *report) incidentsOnNoEpic() []initiative {
	if r.incidents == nil {
		r.incidents = slices.DeleteFunc(r.issueInitiatives(r.strengths), func(in initiative) bool { return !in.isIncident() })
		if r.incidents == nil {
			r.incidents = []initiative{}
		}
	}
	return r.incidents
}

// incidentsBeside is how many incidents the brief tells after its
// initiatives: as many as make up briefInitiativesMin, or the one that
// takes an initiative's place (incidentTakesPlace), at most
// briefIncidents, of those there are. The headline and the section agree
// through it.
func (r *report) incidentsBeside() int {
	shown := r.briefCandidates()
	n := max(briefInitiativesMin-len(shown), 0)
	if r.incidentTakesPlace(shown) {
		n = 1
	}
	return min(n, briefIncidents, len(r.incidentsOnNoEpic()))
}

// incidentTakesPlace reports whether the strongest incident the user led
// on no epic takes the place of the last of the initiatives the brief has
// room for: when they are more than briefInitiativesMin, that one has no
// recorded result, and the incident has one and its postmortem. Demo's
// fifth initiative, with no Outcome, had the place of an incident of 77
// minutes with its postmortem written and both follow-ups done: a hiring
// manager reads for results, and "led the response to 7 incidents" above
// told none. The initiative is in "Also led" and the full portfolio.
func (r *report) incidentTakesPlace(shown []initiative) bool {
	incidents := r.incidentsOnNoEpic()
	if len(shown) <= briefInitiativesMin || shown[len(shown)-1].hasOutcome || len(incidents) == 0 {
		return false
	}
	strongest := incidents[0]
	return strongest.hasOutcome && slices.ContainsFunc(strongest.items, postmortemsIn(strongest.items))
}

// briefIncidents is how many incidents the brief of a user with no
// initiative tells (with one or two initiatives, as many as make up
// briefInitiativesMin).
const briefIncidents = 2

// writeBriefIncidents writes up to n of the incidents the user
// coordinated on no epic as the brief tells an initiative (where and
// when, what I did, the outcome): for an engineer with few epics or none,
// an incident led with its postmortem and follow-ups is the initiative a
// hiring manager asks about. The quotes join quoted; it returns the items
// of the incidents it told, which the brief does not quote again.
func writeBriefIncidents(w *bufio.Writer, r *report, quoted *quoteSet, n int) []*evidence.Evidence {
	incidents := r.incidentsOnNoEpic()
	if len(incidents) == 0 {
		return nil
	}
	var told []*evidence.Evidence
	w.WriteString("## Incidents I coordinated\n")
	for _, in := range incidents[:min(len(incidents), n)] {
		told = append(told, in.items...)
		w.WriteString("\n### ")
		writeInitiativeHeading(w, in)
		w.WriteString("\n\n")
		facts := r.initiativeFacts(in)
		if in.status() == evidence.StatusCategoryEnd {
			facts += " · resolved"
		}
		writeEscaped(w, facts)
		w.WriteString("\n\n**What I did.**\n\n")
		writeProofs(w, r, r.proofs(r.strengths, in, briefProofs, quoted), in.epic.Key, true)
		writeBriefOutcome(w, r, in)
	}
	return told
}

// writeBriefHighlights writes, for a portfolio with no initiative to tell
// (work on issues under no epic, or only work recorded by hand), the
// incidents the user coordinated, then the strongest proofs in the user's
// own words, quoted and linked to their records, and the field edits
// summarised when there are too few: without it the brief would make
// claims and show the reader nothing to open.
func writeBriefHighlights(w *bufio.Writer, r *report) {
	quoted := &quoteSet{}
	told := writeBriefIncidents(w, r, quoted, briefIncidents)
	if len(told) > 0 {
		w.WriteByte('\n')
	}
	var written, edits []*evidence.Evidence
	for _, e := range r.items {
		switch {
		case slices.Contains(told, e):
		case inOwnWords(e):
			written = append(written, e)
		default:
			edits = append(edits, e)
		}
	}
	w.WriteString("## What I did\n\n")
	s := r.strengths
	s.doubted = r.dateDoubted
	proofs := s.pickVaried(written, briefHighlights, quoted)
	writeProofs(w, r, proofs, "", false)
	if len(proofs) < 2 {
		writeEditSummariesUpTo(w, r, edits, highlightEditLinks, 0)
	}
}

// alsoLedMax is how many initiatives "Also led" names before "and N more".
const alsoLedMax = 6

// writeAlsoLed names the initiatives the user led or started that the
// brief had no room for: the headline counts them, so a reader finds each one by name
// and link, with where it stands, under a heading of its own (under the
// last initiative's, it read as part of that one). Where each was barely
// begun, the heading says "Also started": "led" of an epic moved to In
// Progress once and a plan is a claim its record does not back.
func writeAlsoLed(w *bufio.Writer, r *report, shown []initiative) {
	var rest []initiative
	led := r.ledInitiatives()
	for _, in := range append(led.owned, led.started...) {
		if !slices.ContainsFunc(shown, func(s initiative) bool { return s.epic.URL == in.epic.URL }) {
			rest = append(rest, in)
		}
	}
	if len(rest) == 0 {
		return
	}
	// A known result is what a hiring manager reads for: those with one
	// are named first, never among the "N more" left to the full
	// portfolio.
	slices.SortStableFunc(rest, func(a, b initiative) int {
		if a.hasOutcome != b.hasOutcome {
			return firstIf(a.hasOutcome)
		}
		return 0
	})
	heading := headingAlsoLed
	if !slices.ContainsFunc(rest, func(in initiative) bool { return !r.barelyBegun(in) }) {
		heading = headingAlsoStarted
	}
	w.WriteString("\n### " + heading + "\n\n")
	for _, in := range rest[:min(len(rest), alsoLedMax)] {
		w.WriteString("- ")
		writeInitiativeHeading(w, in)
		facts := r.initiativeStatus(in, r.tally(in.items))
		if goal, _ := goalAndMetrics(in.goal()); r.barelyBegun(in) && goal != "" {
			// Of work barely begun, what it is for, in the goal's first
			// sentence, says more than its project, which the headline
			// names.
			facts = append(facts, "goal: "+evidence.LowerFirst(evidence.Shorten(sentencesOf(goal)[0], goalLength/2)))
		} else if p := strings.TrimPrefix(r.projectPhrase(in), " in "); p != "" && !strings.HasPrefix(p, " across") {
			facts = append([]string{p}, facts...)
		}
		if len(facts) > 0 {
			w.WriteString(": ")
			writeEscaped(w, strings.Join(facts, " · "))
		}
		if in.hasOutcome {
			writeShortOutcome(w, r, in, len(facts) > 0)
		}
		w.WriteByte('\n')
	}
	if more := len(rest) - alsoLedMax; more > 0 {
		w.WriteString("- and " + strconv.Itoa(more) + " more in the full portfolio\n")
	}
}

// writeShortOutcome writes, after an "Also led" line, the initiative's
// result in short, quoted and linked: "· result: “tickets about lost
// payments down 80% (from 62 a month)” (Jira comment, 2026-05-20)". The
// headline counts it among those with a recorded result, so the brief
// must show it somewhere, even when there was no room to tell the
// initiative in full. after says facts come before it on the line.
func writeShortOutcome(w *bufio.Writer, r *report, in initiative, after bool) {
	text := resultQuote([]initiative{in})
	if text == "" {
		text = evidence.ShortenAtSentence(withoutAddresses(evidence.OneLine(in.outcome.Text)), resultQuoteLength)
	}
	if after {
		w.WriteString(" · ")
	} else {
		w.WriteString(": ")
	}
	if in.outcomePhase > 0 {
		w.WriteString("phase " + strconv.Itoa(in.outcomePhase) + " ")
	}
	w.WriteString("result: ")
	if in.outcome.Mine {
		writeEscaped(w, text)
		return
	}
	w.WriteString("“")
	writeEscaped(w, text)
	w.WriteString("”")
	label, link := r.outcomeSource(in, in.outcome)
	w.WriteString(" (")
	writeIssueLink(w, label, link)
	w.WriteString(")")
}

// goalHeadings are the headings an epic's description is read by; the
// plain text of "h3. Goal" is "Goal:".
var goalHeadings = []string{"Goal:", "Goals:", "Objective:", "Objectives:", "Problem:", "Success metrics:", "Success metric:", "Success criteria:", "Exit criteria:",
	"Scope:", "Out of scope:", "Non-goals:", "Background:", "Context:", "Why:", "Update from",
	// The other sections an epic's description has, which end its goal and
	// its metrics: "… less than 5 per release. Stakeholders: …" is no metric.
	"Stakeholders:", "Stakeholder:", "What's in:", "What's out:", "What's not:", "In scope:", "Not in scope:", "Risks:", "Dependencies:", "Milestones:", "Timeline:", "Open questions:", "References:", "Links:"}

// goalLabel names what goalAndMetrics finds of a description: its "Goal"
// (an "Objective" is one), its "Problem" when that is the heading it has, or, of a description
// without either, its "Context": prose that opens "Returning customers
// type their card again on every order…" states a problem, and labelled
// "Goal." it misreads.
func goalLabel(description string) string {
	d := evidence.OneLine(description)
	has := func(names ...string) bool {
		return slices.ContainsFunc(names, func(name string) bool { return headingAt(d, name) >= 0 })
	}
	switch {
	case has(goalNames...) || qualifiedGoal.MatchString(d):
		return "Goal"
	case has(problemName):
		return "Problem"
	default:
		return "Context"
	}
}

// The headings an epic's goal is read from.
var (
	goalNames   = []string{"Goal:", "Goals:", "Objective:", "Objectives:"}
	problemName = "Problem:"
	// qualifiedGoal is a goal heading with a few words of its own, in the
	// middle of prose as often as not: "… dropped to 3.9. Goal for this:
	// get checkout crash-free sessions above 99.5% by the end of Q3",
	// "Our goal for Q3:". "Non-goals for v1:" is none.
	qualifiedGoal = regexp.MustCompile(`(?i)(?:^|\s)(?:(?:our|the|main)\s+)?(?:goal|objective)s?(?:\s+(?:for|of|in|here)(?:\s+[\p{L}\d-]+){0,4})?:\s`)
)

// headingAt is where heading name starts a word of description d, in any
// case, or -1: "Non-goals:" holds no "Goals:" heading.
func headingAt(d, name string) int {
	lower, name := strings.ToLower(d), strings.ToLower(name)
	for off := 0; ; {
		at := strings.Index(lower[off:], name)
		if at < 0 {
			return -1
		}
		at += off
		if at == 0 || lower[at-1] == ' ' {
			return at
		}
		off = at + 1
	}
}

// goalAndMetrics splits an epic's description into its goal and its
// success metrics, by their headings; without a goal heading the whole
// description is the goal.
func goalAndMetrics(description string) (goal, metrics string) {
	d := evidence.OneLine(description)
	section := func(names ...string) string {
		for _, name := range names {
			at := headingAt(d, name)
			if at < 0 {
				continue
			}
			return untilHeading(d[at+len(name):])
		}
		return ""
	}
	goal = section(append(slices.Clone(goalNames), problemName)...)
	if m := qualifiedGoal.FindStringIndex(d); goal == "" && m != nil {
		goal = untilHeading(d[m[1]:])
	}
	metrics = section("Success metrics:", "Success metric:", "Success criteria:", "Exit criteria:")
	if goal == "" && metrics == "" {
		return d, ""
	}
	// "Goal: merchants refund…" starts the goal's own sentence.
	return upperFirst(goal), strings.TrimSuffix(metrics, ";")
}

// untilHeading is a section of a description, rest, up to the next
// heading it has.
func untilHeading(rest string) string {
	end := len(rest)
	for _, h := range goalHeadings {
		if i := strings.Index(rest, " "+h); i >= 0 && i < end {
			end = i
		}
	}
	return strings.TrimSpace(rest[:end])
}

// initiativeFacts is the line under an initiative's heading: its project,
// the user's role, when, how much, and where it stands.
func (r *report) initiativeFacts(in initiative) string {
	t := r.tally(in.items)
	var facts []string
	if p := strings.TrimPrefix(r.projectPhrase(in), " in "); p != "" && !strings.HasPrefix(p, " across") {
		facts = append(facts, p)
	}
	switch {
	case in.owned && len(in.earlier) == 1:
		facts = append(facts, "owned both epics")
	case in.owned && len(in.earlier) > 1:
		facts = append(facts, "owned all "+strconv.Itoa(len(in.earlier)+1)+" epics")
	case in.owned:
		facts = append(facts, "owned the epic")
	}
	facts = append(facts, monthSpan(in.items[0].OccurredAt.UTC(), in.items[len(in.items)-1].OccurredAt.UTC()))
	issues, teammates := t.issues, t.teammates
	if in.owned {
		mates, all := r.epicsScale(in.epics(), in.items)
		issues, teammates = int(all.Value), int(mates.Value)
	}
	work := quantity(issues, "issue", "issues")
	if !in.owned && !in.onNoEpic {
		// An epic the user did not own, told beside those they did, says
		// what their part was: "· shipped" alone reads as theirs.
		work = "not my epic: I worked on " + quantity(issues, "of its issues", "of its issues")
	}
	if teammates > 0 {
		work += " with " + quantity(teammates, "teammate", "teammates")
	}
	facts = append(facts, work)
	return strings.Join(append(facts, r.initiativeStatus(in, t)...), " · ")
}

// initiativeStatus says where an initiative stands: "shipped", "phase 1
// shipped · phase 2 in progress: 1 of the 3 issues are done", "in
// progress: …"; nothing when the epic has no status. t tallies its items.
func (r *report) initiativeStatus(in initiative, t tally) []string {
	var facts []string
	switch {
	case in.epic.StatusCategory == "done":
		facts = append(facts, "shipped")
	case in.epic.Status != "" && len(in.earlier) > 0:
		// "phase 1 shipped · phase 2 in progress: 1 of the 3 issues are
		// done": an initiative in phases shipped what it shipped.
		if shipped := in.shippedPhases(); len(shipped) > 0 {
			facts = append(facts, phaseNames(shipped)+" shipped")
		}
		facts = append(facts, "phase "+strconv.Itoa(in.phases[len(in.phases)-1])+" "+r.latestPhaseStatus(in))
	case in.epic.Status != "" && !in.onNoEpic && !slices.ContainsFunc(in.items, func(e *evidence.Evidence) bool { return e.IssueKey != in.epic.Key }):
		// Only the epic itself: "in progress: the issue is not done yet"
		// says it twice.
		facts = append(facts, strings.ToLower(in.epic.Status))
	case in.epic.Status != "":
		facts = append(facts, strings.ToLower(in.epic.Status)+": "+doneShare(t.done, t.issues))
	}
	return facts
}

// latestPhaseStatus says where the latest phase of an initiative stands,
// by its epic's status and its own issues, its epic aside ("the issue is
// not done yet" of an epic in progress says nothing): "in review: 13 of
// the 16 issues are done".
func (r *report) latestPhaseStatus(in initiative) string {
	latest := r.tally(slices.DeleteFunc(slices.Clone(in.items), func(e *evidence.Evidence) bool {
		return e.IssueKey == in.epic.Key || e.IssueParent != in.epic.Key
	}))
	status := strings.ToLower(in.epic.Status)
	if latest.issues > 0 {
		status += ": " + doneShare(latest.done, latest.issues)
	}
	return status
}

// proofFavour weighs the kinds of work a brief's proofs prefer: a
// decision recorded with its trade-off is the judgment a hiring manager
// reads for, and it lost its slot to a sprint-capacity note or a status
// update on the same epic ("we're going with synchronous replication for
// the payments database, not for every database" stayed hidden). Only
// what reads as a decision is favoured (readsAsDecision). A stakeholder
// update is the communication the same reader looks for, and lost its
// slot to a story or a verification: three of the demo's five initiatives
// showed none.
var proofFavour = map[string]float64{evidence.CatDecisionMaking: 2, evidence.CatStakeholderComms: 1.5}

// otherWorkFavour is proofFavour with the calls made outside initiatives:
// a ranking or a date chosen with its reason or number (makesCall: "'where
// is my order' is 22% of support tickets, the carousel can wait a
// sprint") is the judgment a reader looks for first, and lost its slot in
// Pitanga's "Other work" to "checked on staging, only shows 3 days".
var otherWorkFavour = map[string]float64{evidence.CatDecisionMaking: 2, evidence.CatStakeholderComms: 1.5,
	evidence.CatPrioritization: 2, evidence.CatReleasePlanning: 2}

// proofs are an initiative's strongest items in the user's own words, as s
// weighs them, at most one per kind of work and per issue; never a field
// edit, which the brief only ever summarises. The epic's creation, and what repeats its
// goal ("Goal of this epic, in one line: …"), are left out when the goal
// is shown.
func (r *report) proofs(s strengths, in initiative, n int, quoted *quoteSet) []*evidence.Evidence {
	var written []*evidence.Evidence
	goal, metrics := goalAndMetrics(in.goal())
	for _, e := range in.items {
		// What repeats the goal or the success metrics the Goal line
		// shows ("Success metrics for this one, so we all read them the
		// same way: 8 of 8…") takes no proof's slot.
		if inOwnWords(e) && !(e.Source == evidence.SourceIssue && in.isEpic(e.IssueKey) && goal != "") && !in.isOutcomeComment(e) && !in.afterResult(e) &&
			!restates(e.Excerpt, goal) && !(goal != "" && restates(e.Excerpt, metrics)) {
			written = append(written, e)
		}
	}
	if in.onNoEpic {
		// An incident is told by what the user wrote on it first, as its
		// story is (pickIssueFirst), not one quote per issue, and in the
		// order it happened: "I am coordinating this" before "Update 2
		// PM", before the postmortem.
		picked := s.pickIssueFirst(in, written, n, quoted)
		slices.SortStableFunc(picked, evidence.ByOccurrence)
		return picked
	}
	return s.pickVaried(builtFirst(in, written, n), n, quoted)
}

// builtFirst is, of a shipped initiative's items, those on its done
// issues and its epic when there are n of them: a proof of work that
// shipped, not the story of an issue left To Do when the epic closed
// ("Wrote the story OPS-1272" under "shipped", where OPS-1272 was never
// built). Otherwise it is all of items.
func builtFirst(in initiative, items []*evidence.Evidence, n int) []*evidence.Evidence {
	if in.status() != "done" {
		return items
	}
	built := slices.DeleteFunc(slices.Clone(items), func(e *evidence.Evidence) bool {
		return e.IssueStatusCategory != "done" && !in.isEpic(e.IssueKey)
	})
	if len(built) < n {
		return items
	}
	return built
}

// afterResult reports whether an item came after the comment that states
// the result of an epic's initiative ("8 of 8 services have SLOs, closing
// the epic"): wrap-up work of the week after still counts to its size, but
// a story or the brief that quotes it as an action tells the result before
// what led to it (a service's SLO agreed four days after all had one). An
// incident's postmortem and follow-ups come after the service is back,
// and tell how the user closed it: they are kept.
func (in initiative) afterResult(e *evidence.Evidence) bool {
	if in.onNoEpic || !in.hasOutcome || in.outcome.Comment.At.IsZero() {
		return false
	}
	if latest := len(in.phases) - 1; latest >= 0 && in.outcomePhase != in.phases[latest] {
		return false // an earlier phase's result, while a later one goes on
	}
	return e.OccurredAt.After(in.outcome.Comment.At)
}

// isOutcomeComment reports whether an item is the comment the initiative's
// outcome is quoted from, which the Outcome line shows already.
func (in initiative) isOutcomeComment(e *evidence.Evidence) bool {
	if !in.hasOutcome || e.Source != evidence.SourceComment {
		return false
	}
	is := func(o initiativeOutcome) bool {
		return !o.Mine && e.IssueKey == o.Epic.Key && e.SourceID == o.Comment.ID
	}
	return is(in.outcome) || slices.ContainsFunc(in.earlierOutcomes, func(po phaseOutcome) bool { return is(po.outcome) })
}

// writeQuote writes text on one line, cut to at most max runes and
// without a closing "Thanks all!", in quotation marks, the words with
// writeWords (writeEscaped, or writeEscapedLinks where their web addresses
// are to be followed), and returns the words it quoted, "" when there was
// nothing to quote. A
// label the classifier put before the user's words ("Flag removed: ")
// stays outside the marks: it is pmfolio's, not theirs.
func writeQuote(w *bufio.Writer, text string, max int, writeWords func(*bufio.Writer, string)) string {
	text = evidence.OneLine(text)
	if text == "" {
		return ""
	}
	label, words := quoteLabel(text)
	if label != "" {
		writeEscaped(w, label+": ")
	}
	quoted := shortenKeepingActs(evidence.QuoteBody(words), max)
	w.WriteString("“")
	writeWords(w, quoted)
	w.WriteString("”")
	return quoted
}

// shortenKeepingActs is evidence.ShortenAtSentence, but when the cut
// would leave out the first sentence that says what the writer did
// ("I paused the staged rollout of 5.2.0 on Play Console"), it keeps the
// opening, as many sentences after it as fit, and that one, marking each
// gap " … ": in an incident note the act is what a reader looks for, and
// "I'm on it. it's the new order history paging, … ~18% of Android
// sessions …" left it out.
func shortenKeepingActs(text string, max int) string {
	short := evidence.ShortenAtSentence(text, max)
	if short == text {
		return text
	}
	sentences := sentencesOf(text)
	kept := strings.TrimSuffix(strings.TrimSuffix(short, evidence.SentencesLeftOut), "…")
	act := -1
	for i, sentence := range sentences {
		if i == len(sentences)-1 && strings.HasSuffix(text, "…") {
			break // cut by the classifier: no whole sentence
		}
		if i > 0 && actedSentence.MatchString(sentence) && !strings.Contains(kept, sentence) {
			act = i
			break
		}
	}
	if act < 0 {
		return short
	}
	quote, ok := openingAnd(sentences, act, max, false)
	if !ok {
		return short
	}
	if act < len(sentences)-1 {
		quote += evidence.SentencesLeftOut
	}
	return quote
}

// openingAnd quotes sentences[0], as many of the sentences after it as fit
// in max runes, and sentences[at], marking each gap with
// evidence.SentencesLeftOut; false when the opening and that sentence
// alone do not fit. With measuredFirst, of the sentences between, those
// with a number go in first: in a no, "around 30% usually update in the
// first week" is the grounds, "the push works for everyone" filler. What
// follows sentences[at] is the caller's to mark.
func openingAnd(sentences []string, at, max int, measuredFirst bool) (string, bool) {
	keep := make([]bool, at+1)
	keep[0], keep[at] = true, true
	fits := func() bool { return utf8.RuneCountInString(keptSentences(sentences[:at+1], keep)) <= max }
	if !fits() {
		return "", false
	}
	measured := func(i int) bool { return measuredFirst && evidence.ReportsNumbers(sentences[i]) }
	for i := 1; i < at; i++ {
		if measured(i) {
			keep[i] = true
			keep[i] = fits()
		}
	}
	for i := 1; i < at; i++ {
		if measured(i) {
			continue
		}
		if keep[i] = true; !fits() {
			keep[i] = false
			break
		}
	}
	return keptSentences(sentences[:at+1], keep), true
}

// keptSentences joins the sentences kept, marking each gap with
// evidence.SentencesLeftOut.
func keptSentences(sentences []string, keep []bool) string {
	var b strings.Builder
	for i, s := range sentences {
		switch {
		case keep[i] && i > 0:
			b.WriteString(" ")
			fallthrough
		case keep[i]:
			b.WriteString(s)
		case keep[i-1]:
			b.WriteString(evidence.SentencesLeftOut)
		}
	}
	return b.String()
}

// sentencesOf splits text after each full stop, exclamation or question
// mark that a space follows, as evidence.ShortenAtSentence reads an end.
func sentencesOf(text string) []string {
	var out []string
	from := 0
	for i := 0; i+1 < len(text); i++ {
		if strings.IndexByte(".!?", text[i]) >= 0 && text[i+1] == ' ' {
			if s := strings.TrimSpace(text[from : i+1]); s != "" {
				out = append(out, s)
			}
			from = i + 1
		}
	}
	if s := strings.TrimSpace(text[from:]); s != "" {
		out = append(out, s)
	}
	return out
}

// actedSentence opens a sentence in which the writer says what they did
// or are doing: "I paused the staged rollout", "I am coordinating this",
// "We rolled back at 14:20", "I've asked PAY to hold the deploy".
var actedSentence = regexp.MustCompile(`(?i)^(?:i|we)(?:['’]ve| have| am| are|['’]m)?\s+(?:just\s+|also\s+|now\s+|already\s+)?(?:paused|rolled|reverted|stopped|halted|disabled|turned|switched|escalated|asked|told|informed|called|opened|raised|pinged|pulled|cut|agreed|decided|coordinating|leading|handling|running the)\b`)

// classifierLabel is how the rules open an excerpt whose words are the
// user's but whose record is not a comment: a flag's removal note, and the
// words a change added to a field (evidence/rules).
var classifierLabel = regexp.MustCompile(`^(Flag removed|[A-Z][A-Za-z0-9 /()-]{0,40} edited): (\S.*)$`)

// quoteLabel splits an excerpt into the classifier's label, if any, and
// the user's words.
func quoteLabel(excerpt string) (label, words string) {
	if m := classifierLabel.FindStringSubmatch(excerpt); m != nil {
		return m[1], m[2]
	}
	return "", excerpt
}

// writeProofs writes proofs, a proof of the kind of work of the one above
// it under that one, unlabelled: "Decision-making." twice under one initiative, or
// "Incident coordination." three times under one incident, reads as
// padding to a reader who skims the labels. Unless inTime (an incident's
// proofs tell what happened in turn), proofs of one kind are written
// together, where the first of them was.
func writeProofs(w *bufio.Writer, r *report, proofs []*evidence.Evidence, heading string, inTime bool) {
	if !inTime {
		var kinds []string
		byKind := map[string][]*evidence.Evidence{}
		for _, e := range proofs {
			if byKind[e.Category] == nil {
				kinds = append(kinds, e.Category)
			}
			byKind[e.Category] = append(byKind[e.Category], e)
		}
		proofs = proofs[:0:0]
		for _, kind := range kinds {
			proofs = append(proofs, byKind[kind]...)
		}
	}
	for i, e := range proofs {
		writeProof(w, r, e, heading, i == 0 || proofs[i-1].Category != e.Category)
	}
}

// writeProof writes one proof: what kind of work (unlabelled, nested under
// the proof above, which is of its kind), the issue it is on
// unless the heading above names it, the user's words quoted, the link
// to the record, dated, and whether a date or a staged rollout they
// committed to held. "ok so this one doesn't make 5.2" or "Won't Do: the
// cost outweighs that" says what it is about only with its issue's
// summary: "On “Upgrade the payment SDK to v4”: …".
func writeProof(w *bufio.Writer, r *report, e *evidence.Evidence, heading string, labelled bool) {
	if r.quotedProofs == nil {
		r.quotedProofs = make(map[*evidence.Evidence]bool)
	}
	r.quotedProofs[e] = true
	if labelled {
		w.WriteString("- **")
		writeEscaped(w, evidence.OneLine(r.categoryTitle(e.Category)))
		w.WriteString(".** ")
	} else {
		// Nested under the labelled one: a bare bullet beside it reads
		// as an orphan.
		w.WriteString("  - ")
	}
	if summary := evidence.OneLine(e.IssueSummary); summary != "" && e.IssueKey != heading {
		w.WriteString("On “")
		writeEscaped(w, titleUpTo(summary, proofSummaryLength))
		w.WriteString("”: ")
	}
	text, _ := r.quotable(e)
	length := quoteLength
	call, followed, agreed := r.agreedCall(e)
	if agreed {
		// Its answer ("ok, 24th then") reads only beside the call it
		// agrees to, which a cut may leave out; and the grounds agreed to
		// ("around 30% usually update in the first week") are as long as
		// a story's no may be, with the counter-offer the answer takes up
		// ("Suggest we take it in 4.14 on priority.").
		text = call.quote(declinedLength)
		length = max(declinedLength, utf8.RuneCountInString(text))
	}
	quoted := writeQuote(w, withoutNextCheckIn(text), length, writeEscaped)
	if quoted != "" {
		w.WriteByte(' ')
	}
	w.WriteString("(")
	writeRecordLink(w, e)
	w.WriteString(")")
	if agreed {
		r.noteReleasedWithout(e)
	} else {
		answer := r.headsUpAgreed(e)
		if reply, ok := r.replanAgreed(e); ok && answer.text == "" {
			answer = answerPart(e, agreeingWords(reply))
		}
		if reply, ok := r.answerOf(e); ok && answer.text == "" && r.influenced(e) > 0 {
			answer = answerPart(e, reply) // another team took the ask up
		}
		if answer.text != "" {
			followed, agreed = []resultPart{answer}, true
		}
	}
	// One clause after the link: the answer, which came first, then what
	// became of it; "— reached 100% on 30 Sep — Lena Fischer answered …"
	// reads as output, and back to front.
	switch {
	case !agreed:
		r.writeProofResult(w, e, quoted, false)
	case len(followed) > 1:
		w.WriteString(" — ")
		writeResultPart(w, followed[0])
		writeResultPart(w, followed[1])
	default:
		w.WriteString(" — ")
		writeResultPart(w, followed[0])
		r.writeProofResult(w, e, quoted, true)
	}
	writeNote(w, e.Note)
	w.WriteString("\n")
}

// writeProofResult writes what Jira shows became of what a proof quotes,
// the one of a rollout it planned reached, a date it gave kept, the date
// it asked another team for met (askMet), an agreement it tells broken or
// the release whose go-live day it gave gone out: " — reached 100% on 30
// Sep, as planned";
// after an answer (afterAnswer), joined to it: "; it was done 12 Nov".
func (r *report) writeProofResult(w *bufio.Writer, e *evidence.Evidence, quoted string, afterAnswer bool) {
	if k, ok := r.rolloutPlannedIn(e, quoted); ok {
		w.WriteString(leadFor(afterAnswer, " — ", "; it ") + k.reachedAsPlanned())
		return
	}
	if r.writeCallBought(w, e, afterAnswer) || writePromiseKept(w, r.view, e, quoted, afterAnswer) {
		return
	}
	if said, ok := r.askMet(e, r.writesDayFirst()); ok && r.influenced(e) > 0 {
		w.WriteString(leadFor(afterAnswer, " — ", "; "))
		writeEscaped(w, said)
		return
	}
	if slipped := r.agreementSlipped(e); slipped != "" {
		w.WriteString(leadFor(afterAnswer, " — ", "; "))
		writeEscaped(w, slipped)
		return
	}
	if went := r.releaseWentOut(e, quoted); went != "" {
		w.WriteString(leadFor(afterAnswer, " — ", "; "))
		writeEscaped(w, went)
	}
}

// writeCallBought writes, after a priority call's link, what the call
// bought, where Jira shows it, in place of what became of the work it
// put off, which the stories tell: of a call that put other work off,
// its own issue done (callBought: " — it shipped in 5.4 on 17
// November"); of a no for a goal of the user's (goalGivenWayTo), the goal
// shipped since, with its result: " — that made room for “Saved cards for
// returning customers” (CHK-1401), which shipped: “returning-customer
// conversion up from 2.1% to 2.6% over the first two weeks”, a 24% rise".
// It reports whether it wrote anything.
func (r *report) writeCallBought(w *bufio.Writer, e *evidence.Evidence, afterAnswer bool) bool {
	if bought := r.callBought(e); bought != "" {
		w.WriteString(leadFor(afterAnswer, " — ", "; ") + bought)
		return true
	}
	goal, ok := r.goalGivenWayTo(e)
	if !ok || goal.status() != evidence.StatusCategoryEnd || !goal.outcome.Comment.At.After(e.OccurredAt) {
		return false
	}
	quote := resultQuote([]initiative{goal})
	if quote == "" {
		return false
	}
	w.WriteString(leadFor(afterAnswer, " — ", "; ") + "that made room for ")
	writeEscaped(w, initiativeName(goal)+" (")
	writeIssueLink(w, goal.epic.Key, goal.epic.URL)
	w.WriteString("), which shipped: ")
	writeEscaped(w, "“"+quote+"”"+changeAfter(quote))
	return true
}

// leadFor is what joins a note to the line before it: plain after a
// proof's link, joined after an answer quoted there.
func leadFor(afterAnswer bool, plain, joined string) string {
	if afterAnswer {
		return joined
	}
	return plain
}

// nextCheckIn is a progress note's closing sentence that only says when
// the next one comes: "Next check-in after the architecture forum."
var nextCheckIn = regexp.MustCompile(`(?i)(?:^|[.!?])\s+next check-?in\b[^.!?]*[.!?]?\s*$`)

// withoutNextCheckIn is text less a closing sentence that schedules the
// next note (nextCheckIn), the cut marked: the brief, which prints on two
// pages, has room for what a note says, not for when the next one is.
func withoutNextCheckIn(text string) string {
	at := nextCheckIn.FindStringIndex(text)
	if at == nil || at[0] == 0 {
		return text
	}
	return text[:at[0]+1] + evidence.SentencesLeftOut
}

// proofSummaryLength is the longest issue summary a proof opens with: the
// brief still prints on two pages.
const proofSummaryLength = 60

// noteLength is the longest note the brief and the stories show.
const noteLength = 200

// writeNote writes the user's note on an item after its link, as the full
// portfolio does: the note is often the context a reader needs (what
// the user's part was), and it made the item rank higher.
func writeNote(w *bufio.Writer, note string) {
	if note = evidence.OneLine(note); note != "" {
		w.WriteString(", my note: ")
		writeEscaped(w, evidence.ShortenAtSentence(note, noteLength))
	}
}

// categoryTitle returns the title of a category with evidence.
func (v *view) categoryTitle(id string) string { return v.categoryOf(id).Title }

// writeRecordLink writes "PAY-142, 2026-03-04" linked to the record behind
// an item: the comment itself for a comment.
func writeRecordLink(w *bufio.Writer, e *evidence.Evidence) {
	label := dateOnly(e.OccurredAt.UTC())
	if key := evidence.OneLine(e.IssueKey); key != "" {
		label = key + ", " + label
	} else if e.Manual && linkDestination(e.IssueURL) != "" {
		label = "link, " + label
	}
	writeIssueLink(w, label, e.RecordURL())
}

// writeOutcome writes an initiative's outcome: the user's own words, or
// the Jira comment it was read from, quoted and linked.
func writeOutcome(w *bufio.Writer, r *report, in initiative) {
	// Of phases, what each achieved: "Phase 1: “…” (…). Phase 2: “…” (…)".
	// The brief has room for the latest few: eight phases' results filled
	// a page of a two-page brief. The full portfolio gives them all.
	earlier := in.earlierOutcomes
	if !r.full && len(earlier) > briefPhaseOutcomes-1 {
		left := earlier[:len(earlier)-(briefPhaseOutcomes-1)]
		earlier = earlier[len(left):]
		numbers := make([]string, len(left))
		for i, po := range left {
			numbers[i] = strconv.Itoa(po.phase)
		}
		w.WriteString("The results of " + phaseNames(numbers) + " are in the full portfolio. ")
	}
	for _, po := range earlier {
		w.WriteString("Phase " + strconv.Itoa(po.phase) + ": ")
		po.outcome.Text = strings.TrimRight(strings.TrimSpace(po.outcome.Text), ".") // the sentence goes on
		writeOneOutcome(w, r, in, po.outcome)
		w.WriteString(". ")
	}
	if in.outcomePhase > 0 {
		// Whichever phase said it: the latest may not have yet.
		w.WriteString("Phase " + strconv.Itoa(in.outcomePhase) + ": ")
	}
	writeOneOutcome(w, r, in, in.outcome)
}

// writeOneOutcome writes one outcome of an initiative.
func writeOneOutcome(w *bufio.Writer, r *report, in initiative, o initiativeOutcome) {
	switch {
	case o.Mine:
		writeEscapedLinks(w, upperFirst(evidence.OneLine(o.Text)))
	default:
		// It opens a sentence of the brief: "“All 5 clusters…”". A result
		// is often a link to where it shows ("dashboard: https://…"):
		// the reader can follow it.
		text, writeUp := o.Text, (*evidence.Evidence)(nil)
		if in.isIncident() {
			text, writeUp = r.incidentOutcome(o)
		}
		writeQuote(w, upperFirst(text), outcomeLength, writeEscapedLinks)
		label, link := r.outcomeSource(in, o)
		w.WriteString(" (")
		writeIssueLink(w, label, link)
		w.WriteString(")")
		if writeUp != nil {
			writeWriteUpKept(w, in, o, writeUp)
		}
	}
}

// outcomeSource names the Jira comment an outcome is quoted from, as the
// brief and the stories cite it ("Jira comment, 2026-04-27"; of someone
// else's comment, "Priya Nair in Jira, 2026-10-30"), and returns its
// permalink.
func (r *report) outcomeSource(in initiative, o initiativeOutcome) (label, link string) {
	label = "Jira comment, " + dateOnly(o.Comment.At.UTC())
	if o.Comment.Author.DisplayName != "" && !isUser(o.Comment.Author, r.userOf(in.epic.SiteName)) {
		label = evidence.OneLine(o.Comment.Author.DisplayName) + " in Jira, " + dateOnly(o.Comment.At.UTC())
	}
	return label, evidence.CommentURL(o.Epic.URL, o.Comment.ID)
}

// outcomeCommand is the command that records an initiative's outcome.
func outcomeCommand(in initiative) string {
	return `pmfolio outcome ` + strings.ReplaceAll(evidence.OneLine(in.epic.Key), "`", "") + ` "what changed, with a number"`
}

// missingOutcome notes, once, an initiative shown without an outcome.
//
// Only of an initiative the user led, or an issue of theirs on no epic:
// the outcome of someone else's epic is theirs to state, not the user's.
func (r *report) missingOutcome(in initiative) {
	r.outcomeMissing(in, "is shown without an outcome")
}

// outcomeMissing is missingOutcome of an epic, saying what its lack of an
// outcome cost it: "is shown without an outcome", or "gave its place in
// the brief to an incident with one".
func (r *report) outcomeMissing(in initiative, cost string) {
	if !in.owned && !in.onNoEpic {
		return
	}
	ref := issueRef{in.epic.SiteName, in.epic.Key}
	if !slices.Contains(r.lint, ref) {
		r.lint = append(r.lint, ref)
		if in.onNoEpic {
			r.lintLines = append(r.lintLines, fmt.Sprintf("outcome missing: %s (%s) is told without an outcome: %s; add one: %s",
				evidence.OneLine(in.epic.Key), shortTitle(in.title), in.noOutcome, outcomeCommand(in)))
			return
		}
		// The epic's own success metrics say which numbers to report.
		measure := ""
		if _, metrics := goalAndMetrics(in.goal()); metrics != "" {
			measure = " (its success metrics: " + strings.TrimSuffix(evidence.Shorten(metrics, 120), ".") + ")"
		}
		r.lintLines = append(r.lintLines, fmt.Sprintf("outcome missing: %s (%s) %s%s; add one: %s",
			evidence.OneLine(in.epic.Key), shortTitle(in.title), cost, measure, outcomeCommand(in)))
	}
}

// writeLint writes the lint lines to w, if any and if w is set.
func (r *report) writeLint(w io.Writer) error {
	if w == nil {
		return nil
	}
	for _, line := range r.lintLines {
		if _, err := fmt.Fprintln(w, line); err != nil {
			return fmt.Errorf("write lint: %w", err)
		}
	}
	return nil
}

// writeBriefCompetencies writes a row per competency: the kinds of work
// that show it, how much of it is in the user's own words, and the gaps
// with what would fill them. A kind of work shown only by field edits is a
// gap too: an interviewer will ask for an example in words. With no gap
// anywhere, the table has no gap column: a column of dashes says nothing.
func writeBriefCompetencies(w *bufio.Writer, r *report) {
	type row struct{ name, shown, gaps string }
	var rows []row
	anyGap := false
	for _, c := range r.competencies() {
		var shown, gaps strings.Builder
		sw, gw := bufio.NewWriter(&shown), bufio.NewWriter(&gaps)
		if len(c.shown) == 0 {
			// Nothing shows it: the gap column says what is missing,
			// and the PDF, which lays a row out as a line, skips a dash.
			sw.WriteString("—")
		}
		var thin []group
		for i, g := range c.shown {
			var written []*evidence.Evidence
			for _, e := range g.items {
				// A form filled in is no one's words (filledIn).
				if inOwnWords(e) && !r.strengths.filledIn(e) {
					written = append(written, e)
				}
			}
			if i > 0 {
				sw.WriteString(", ")
			}
			writeEscaped(sw, evidence.OneLine(g.category.Title))
			// Issues, as the headline and the bullets count: 350 field
			// edits read as busywork, 145 issues groomed as work.
			issues := r.tally(g.items).issues
			sw.WriteString(" (" + r.scaleOfGroup(g, issues))
			// Said of every row with written items, by issues as the
			// count before it: "43 issues, 43 in my words" beside a bare
			// "41 issues" read as if the second had none.
			switch n := r.tally(written).issues; {
			case n > 0 && n >= issues:
				sw.WriteString(", all in my words")
			case n > 0:
				sw.WriteString(", " + evidence.Count(n) + " in my words")
			}
			sw.WriteString(")")
			if len(written) == 0 && g.category.Suggestion != "" {
				thin = append(thin, g)
			}
		}
		first := true
		for _, g := range c.gaps {
			writeGap(gw, &first, g, "")
		}
		// A kind of work shown only by field edits is the user's to
		// mend, not the reader's to see: the table shows what it shows,
		// and the user is told on the side.
		for _, g := range thin {
			r.lintLines = append(r.lintLines, fmt.Sprintf("in your words: %s (%s) is shown only by field edits, and an interviewer will ask for an example; %s",
				evidence.OneLine(g.category.Title), scaleOf(r.tally(g.items).issues, len(g.items)), evidence.LowerFirst(evidence.OneLine(g.category.Suggestion))))
		}
		sw.Flush()
		gw.Flush()
		anyGap = anyGap || gaps.Len() > 0
		rows = append(rows, row{c.name, shown.String(), gaps.String()})
	}
	if anyGap {
		w.WriteString("## Competencies\n\n| Competency | Shown by | Gap and what would fill it |\n| --- | --- | --- |\n")
	} else {
		w.WriteString("## Competencies\n\n| Competency | Shown by |\n| --- | --- |\n")
	}
	for _, row := range rows {
		w.WriteString("| ")
		writeEscaped(w, evidence.OneLine(row.name))
		w.WriteString(" | " + row.shown)
		if anyGap {
			w.WriteString(" | " + cmp.Or(row.gaps, "—"))
		}
		w.WriteString(" |\n")
	}
}

// scaleOf says how much work a kind of work covers: its issues, or its
// items when none is on an issue (recorded by hand).
func scaleOf(issues, items int) string {
	if issues == 0 {
		return quantity(items, "item", "items")
	}
	return quantity(issues, "issue", "issues")
}

// scaleOfGroup says how much work a kind of work covers in the
// competency table, of its issues: of incident coordination, the
// incidents, as the headline and the bullets count them
// (incidentUpdates), on their issues when those are more (postmortems,
// follow-ups); else scaleOf.
func (r *report) scaleOfGroup(g group, issues int) string {
	if g.category.ID == evidence.CatIncidentCoord {
		switch n := claimCount(g.category, incidentUpdates(g.items)); {
		case n > 0 && n == issues:
			return quantity(n, "incident", "incidents")
		case n > 0:
			return quantity(n, "incident", "incidents") + " on " + quantity(issues, "issue", "issues")
		}
	}
	return scaleOf(issues, len(g.items))
}

func writeGap(w *bufio.Writer, first *bool, c evidence.Category, why string) {
	if !*first {
		w.WriteByte(' ')
	}
	*first = false
	w.WriteString("**")
	writeEscaped(w, evidence.OneLine(c.Title))
	w.WriteString(":** ")
	writeEscaped(w, why+evidence.OneLine(c.Suggestion))
}

// writeBriefBullets writes the top of 'pmfolio bullets' (DefaultBullets),
// at most briefBullets of them, leaving out those that repeat an
// initiative's result shown above (its Outcome, which the headline states
// as that very sentence), those that quote words of the user's quoted above
// (a reader would read the same quote twice on one page) or, when the
// initiatives above are every epic the user owned, the epics bullet.
// Nothing below the cut fills their place: "Wrote 2 stories and specs for
// 1 teammate" read as padding after the strong ones, and the user pastes
// this list into a résumé. A bullet that
// tells a rollout stays even where a quote or a tag above tells it in
// part: it quotes none of those words, and as a résumé line it is what is
// pasted.
func writeBriefBullets(w *bufio.Writer, r *report) {
	shown := map[issueRef]bool{}
	for _, in := range r.briefInitiatives() {
		shown[issueRef{in.epic.SiteName, in.epic.Key}] = true
	}
	// "Owned 1 epic, with 3 teammates across 13 issues; the epic is
	// done." says nothing the initiatives above do not, when they are
	// every epic the user owned.
	everyOwnedShown := !slices.ContainsFunc(r.initiatives, func(in initiative) bool {
		return in.owned && !shown[issueRef{in.epic.SiteName, in.epic.Key}]
	})
	w.WriteString("## Résumé bullets\n\n")
	top := r.bullets()
	top = top[:min(len(top), DefaultBullets)]
	n := 0
	for _, b := range top {
		if n == briefBullets {
			break
		}
		if b.result != nil && shown[b.initiative] || r.quotedProofs[b.quotes] ||
			everyOwnedShown && slices.Equal(b.categories, []string{evidence.CatEpicOwnership}) {
			continue
		}
		w.WriteString("- ")
		writeEscaped(w, b.text)
		w.WriteByte('\n')
		n++
	}
}

// writeBriefFooter says where the document came from and where the rest is.
// Redaction drops the links, so a redacted document does not promise them.
func writeBriefFooter(w *bufio.Writer, r *report) {
	// Work recorded by hand (evidence add) is not Jira activity.
	byHand := 0
	for _, e := range r.items {
		if e.Manual && e.IssueKey == "" {
			byHand++
		}
	}
	from := "my Jira activity"
	switch {
	case byHand > 0 && byHand == len(r.items):
		from = "work I recorded"
	case byHand > 0:
		from = "my Jira activity and work I recorded"
	}
	w.WriteString("_Generated by pmfolio from " + from + " up to " + r.asOf() + ": " +
		quantity(len(r.items), "evidence item", "evidence items") + ". Quotes of what I did are my own words")
	switch {
	case r.redacted:
		w.WriteString("; this redacted version leaves out the links to their Jira records.")
	case byHand == len(r.items):
		w.WriteString(".") // no Jira record to link to
	case slices.ContainsFunc(r.items, func(e *evidence.Evidence) bool { return linkDestination(e.RecordURL()) == "" }):
		// Work recorded by hand without a link has no record to link to.
		w.WriteString("; every quote from Jira links to its record.")
	default:
		w.WriteString("; every quote links to its Jira record.")
	}
	if !r.full {
		w.WriteString(" The full version lists every item.")
	}
	w.WriteString("_\n")
}

// monthSpan names the months from since to until: "March 2026",
// "March to November 2026", "December 2025 to November 2026".
func monthSpan(since, until time.Time) string {
	switch {
	case since.Year() == until.Year() && since.Month() == until.Month():
		return until.Format("January 2006")
	case since.Year() == until.Year():
		return since.Format("January") + " to " + until.Format("January 2006")
	}
	return since.Format("January 2006") + " to " + until.Format("January 2006")
}
