package export

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
)

// DefaultBullets is how many bullets `pmfolio bullets` prints unless told:
// about what one role on a résumé holds.
const DefaultBullets = 5

// maxBulletLength is the most characters a bullet may have: a résumé line
// that runs longer than two printed lines stops being read.
const maxBulletLength = 200

// BulletOptions shape the bullets.
type BulletOptions struct {
	// Top is how many bullets to write; 0 means DefaultBullets, and a
	// negative number all there are.
	Top int
	// Format is "text" (the default: one "- " line each), "markdown" (the
	// same list, escaped) or "json" (each bullet with the evidence behind
	// each of its numbers).
	Format string
	// Explain follows each text bullet with its numbers and the evidence
	// behind them, one line each.
	Explain bool
}

// Bullets writes résumé bullets, strongest first: an action verb, what, the
// scale and, where the data shows one, the outcome, with every number
// counted from the evidence. The initiatives the user led whose result is
// recorded (their own statement, or the Jira comment that reports it) come
// first, up to resultBullets, each with its result quoted: what a hiring
// manager reads for. Then each kind of work appears in one bullet only, so
// no two say the same thing. Nothing is claimed that the data does not
// show: a business result is only ever quoted from where it is recorded,
// and "done in Jira" is not passed off as one (only the epics bullet says
// how many epics are done: that is how many initiatives shipped). Where
// the work was ("across 3 projects") is said once, by the first bullet it
// is true of, not in every line.
// Every number can be traced: --format json gives, per number, what it
// counts, the distinct things counted and the ids and links of the
// evidence behind it.
func Bullets(w io.Writer, p evidence.Portfolio, opts BulletOptions) error {
	r := newReport(p, Options{})
	all := r.bullets()
	if opts.Top == 0 {
		opts.Top = DefaultBullets
	}
	if opts.Top > 0 && len(all) > opts.Top {
		all = all[:opts.Top]
	}
	if opts.Format == "json" {
		return writeBulletsJSON(w, all)
	}
	bw := bufio.NewWriter(w)
	for _, b := range all {
		bw.WriteString("- ")
		if opts.Format == "markdown" {
			writeEscaped(bw, b.text)
		} else {
			bw.WriteString(b.text)
		}
		bw.WriteByte('\n')
		if opts.Explain {
			writeExplained(bw, b)
		}
	}
	if opts.Explain && len(all) > 0 {
		bw.WriteString("\n`pmfolio evidence show ID` shows an item; `pmfolio bullets --format json` gives every number's items and links.\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write bullets: %w", err)
	}
	return nil
}

// writeExplained follows a bullet with what each of its numbers counts: the
// distinct things counted (issues, projects, teammates) on one line, or,
// where items themselves are counted, each item on a line of its own, with
// its issue and link. A list the number before it already gave is not
// repeated.
func writeExplained(w *bufio.Writer, b bullet) {
	switch res := b.result; {
	case res == nil:
	case res.From == resultFromOutcome:
		w.WriteString("    the result: as you stated it with pmfolio outcome " + res.Epic + "\n")
	case res.Link != "" && res.From == resultFromIssue:
		w.WriteString("    the result: quoted from the Jira issue " + res.Link + "\n")
	case res.Link != "":
		w.WriteString("    the result: quoted from the Jira comment " + res.Link + "\n")
	default: // redacted
		w.WriteString("    the result: quoted from a Jira comment on " + res.Epic + "\n")
	}
	if c := b.result; c != nil && c.Change != nil {
		w.WriteString("    " + c.Change.Text + ": worked out from " + c.Change.From + " and " + c.Change.To + " in the result\n")
	}
	if d := b.decision; d != nil {
		w.WriteString("    the decision: quoted from " + d.source() + "\n")
	}
	var listed []*evidence.Evidence
	said := make(map[string]bool) // a number the bullet states twice is explained once
	for _, n := range b.numbers {
		items := quantity(len(n.evidence), "item", "items")
		what := n.Text + " " + n.counted()
		if len(n.Of) > 0 {
			if line := "    " + what + ": " + strings.Join(n.Of, ", ") + " (from " + items + ")\n"; !said[line] {
				w.WriteString(line)
				said[line] = true
			}
			continue
		}
		if slices.Equal(n.evidence, listed) {
			w.WriteString("    " + what + ": the " + items + " above\n")
			continue
		}
		w.WriteString("    " + what + ":\n")
		refs := n.evidence
		blocks := n.Counts == countsBlocksCleared || n.Counts == countsMedianBlocked
		if blocks {
			// Longest last, each with how long it had stood: the
			// median is the one in the middle.
			refs = slices.Clone(refs)
			slices.SortStableFunc(refs, func(a, b *evidence.Evidence) int { return cmp.Compare(a.BlockedFor, b.BlockedFor) })
		}
		for _, ref := range refs {
			w.WriteString("      " + ref.ID)
			if ref.IssueKey != "" {
				w.WriteString("  " + ref.IssueKey)
			}
			if blocks {
				stood, _ := roughDuration(ref.BlockedFor)
				w.WriteString("  blocked " + stood)
			}
			if link := ref.RecordURL(); link != "" {
				w.WriteString("  " + link)
			}
			w.WriteByte('\n')
		}
		listed = n.evidence
	}
}

// bullet is one résumé line, how strong the evidence behind it is, and
// the numbers it states.
type bullet struct {
	text       string
	strength   float64
	categories []string
	numbers    []bulletNumber
	result     *bulletResult   // the result it quotes, if any
	decision   *bulletDecision // the decision it quotes, if any
	initiative issueRef        // the initiative whose Outcome it quotes (resultBullet)
	// quotes is the act of the user's whose words an instance bullet
	// quotes (instanceBullet), if any.
	quotes *evidence.Evidence
	// say writes a theme's bullet, once the bullets before it are known
	// (see report.saidScopes): its text, and the clause it keeps.
	say func() (string, clause)
}

// bulletResult is where a result a bullet quotes is recorded.
type bulletResult struct {
	// Text is the result as the bullet quotes it.
	Text string `json:"text"`
	// Epic is the key of the epic the result was stated on: the
	// initiative's, or of phases, the latest phase with a result; of an
	// incident, the incident's issue.
	Epic string `json:"epic"`
	// From is resultFromOutcome for the user's own statement, else
	// resultFromComment, or resultFromIssue for an issue's description
	// (an incident's postmortem).
	From string `json:"from"`
	// Link is the Jira comment's (or issue's) link; empty for the user's
	// statement, and when redacted.
	Link string `json:"link"`
	// Change is the change the result states with its baseline, worked
	// out, when it states one.
	Change *resultChange `json:"change,omitempty"`
}

// Where a quoted result is recorded (bulletResult.From).
const (
	resultFromOutcome = "pmfolio outcome"
	resultFromComment = "jira comment"
	resultFromIssue   = "jira issue"
)

// bulletDecision is where a decision a bullet quotes was written.
type bulletDecision struct {
	// Text is the decision as the bullet quotes it.
	Text string `json:"text"`
	// EvidenceID is the item it is quoted from.
	EvidenceID string `json:"evidence_id"`
	// Issue is the key of the issue it was written on; empty for an item
	// recorded by hand on none.
	Issue string `json:"issue"`
	// Link is the record's link: the Jira comment's for a comment (as a
	// result's), else the issue's or the user's own; empty when redacted.
	Link string `json:"link"`

	comment bool
}

// source says where a quoted decision was written, as --explain reads it.
func (d *bulletDecision) source() string {
	switch {
	case d.comment && d.Link != "":
		return "the Jira comment " + d.Link
	case d.comment:
		return "a Jira comment on " + d.Issue
	case d.Link != "":
		return d.EvidenceID + "  " + d.Link
	}
	return d.EvidenceID
}

// bulletNumber is one number a bullet states and what it counts.
type bulletNumber struct {
	// Text is the number as the bullet writes it: "23", "2.5 days".
	Text string `json:"text"`
	// Value is the number itself; a duration is in the unit of Text.
	Value float64 `json:"value"`
	// Counts says what was counted: items, issues, done issues,
	// teammates, projects, releases, epics, done epics, comments, created
	// issues, other items, or median blocked time.
	Counts string `json:"counts"`
	// Of are the distinct things counted (issue keys, names, project keys,
	// releases); empty when items themselves are counted.
	Of []string `json:"of"`
	// EvidenceIDs are the items behind the number.
	EvidenceIDs []string `json:"evidence_ids"`
	// Links are the items' records, in the order of EvidenceIDs.
	Links []string `json:"links"`

	evidence []*evidence.Evidence
}

// counted says what a number counts as --explain reads it: "1 project",
// not "1 projects", and manual items only when some are counted.
func (n bulletNumber) counted() string {
	what := n.Counts
	if base, ok := strings.CutSuffix(what, ", and manual items without one"); ok &&
		!slices.ContainsFunc(n.evidence, func(e *evidence.Evidence) bool { return e.Manual && e.IssueKey == "" }) {
		what = base
	}
	if what == countsItems {
		// "36 acts" says nothing to a reader; what it counts does.
		if n.Value == 1 {
			return "item"
		}
		if len(n.EvidenceIDs) > int(n.Value) {
			return "items (the same words on several issues count once)"
		}
		return "items"
	}
	if n.Value != 1 {
		return what
	}
	if what == "issues that are epics" {
		return "issue that is an epic"
	}
	// The plural ends the phrase or the part before what qualifies it:
	// "done epics", "issues, and manual…", "issues with an incident
	// update", "items recorded by hand (…)".
	noun := len(what)
	for _, qualifier := range []string{",", " with ", " recorded ", " opened", " written", " filed", " done", " called"} {
		if i := strings.Index(what, qualifier); i >= 0 && i < noun {
			noun = i
		}
	}
	return strings.TrimSuffix(what[:noun], "s") + what[noun:]
}

// clause is a part of a bullet and the numbers it states.
type clause struct {
	text    string
	numbers []bulletNumber
	// result is where the result the clause quotes is recorded, if it
	// quotes one.
	result *bulletResult
	// decision is where the decision the clause quotes was written, if it
	// quotes one.
	decision *bulletDecision
	// consequence says the clause states what came of the acts a bullet
	// counts, from the data: "sending 4 back with what failed", "the 18
	// blocks I cleared had stood a median of 2.5 days".
	consequence bool
	// quotes is the act whose words the clause quotes, when it is an
	// instance bullet's (bullet.quotes).
	quotes *evidence.Evidence
}

// bulletTheme is one bullet's subject: the categories it speaks for and how
// it says what they add up to.
type bulletTheme struct {
	categories []string
	// say returns the bullet's parts: the claim, which every bullet has,
	// then optional clauses in the order they are dropped from the end when
	// the bullet would be too long.
	say func(r *report, groups []group) []clause
}

// bulletThemes are the bullets pmfolio can write, each over different
// categories. Every built-in category is in exactly one theme; the user's
// own categories get a bullet each.
var bulletThemes = []bulletTheme{
	{[]string{evidence.CatEpicOwnership}, sayEpics},
	{[]string{evidence.CatStoryWriting, evidence.CatBacklogGrooming}, sayBacklog},
	{[]string{evidence.CatPrioritization, evidence.CatDecisionMaking}, sayJudgment},
	{[]string{evidence.CatReleasePlanning, evidence.CatSprintPlanning}, sayPlanning},
	{[]string{evidence.CatStakeholderComms}, sayUpdates},
	{[]string{evidence.CatUnblocking}, sayUnblocking},
	{[]string{evidence.CatCrossTeam}, sayCrossTeam},
	{[]string{evidence.CatAcceptanceTesting}, sayVerified},
	{[]string{evidence.CatIncidentCoord}, sayIncidents},
}

// bullets returns every bullet the portfolio supports, strongest first,
// ties in theme order. A bullet's strength is the mean strength of the
// items behind it (see strengths) times log2(1 + their number): volume
// counts, but with diminishing returns, so that 8 owned epics or 26
// coordinated incidents can outrank 300 routine backlog edits.
func (r *report) bullets() []bullet {
	byID := make(map[string]group, len(r.groups))
	for _, g := range r.groups {
		byID[g.category.ID] = g
	}
	themes := slices.Clone(bulletThemes)
	for _, g := range r.groups {
		if _, builtin := evidence.CategoryByID(g.category.ID); !builtin {
			themes = append(themes, bulletTheme{[]string{g.category.ID}, sayOther})
		}
	}
	var out []bullet
	measured := r.measuredInitiatives()
	for _, in := range measured {
		out = append(out, r.resultBullet(in))
	}
	calls, toldByCall := r.calledBullets()
	out = append(out, calls...)
	themed := len(out)
	// A result bullet tells its initiative: the epics bullet counts the
	// others, or is not written ("Owned 1 epic, with 3 teammates across 13
	// issues" repeated the "Led …" above it).
	told := make(map[*evidence.Evidence]bool)
	for _, in := range measured {
		for _, e := range in.items {
			told[e] = true
		}
	}
	// A go/no-go call the planning bullet counts ("1 of them a no-go") is
	// not counted again as "recorded 1 product decision": one act, told once.
	called := make(map[activityRef]bool)
	for _, e := range byID[evidence.CatReleasePlanning].items {
		if e.Source == evidence.SourceComment && len(goNoGoReleases(e.Excerpt, false)) > 0 {
			called[recordOf(e)] = true
		}
	}
	// An epic's own description, which the model also reads as a story
	// written, is credited as the epic the user owned: "Wrote 2 stories
	// and specs for 1 teammate" counted it as a story for someone else.
	owning := make(map[activityRef]bool)
	for _, e := range byID[evidence.CatEpicOwnership].items {
		owning[recordOf(e)] = true
	}
	// Themes are weighed without rarity: each kind of work has one bullet
	// already, and the kind the user did most is the one a résumé should
	// say ("Tested 27 delivered issues" before "Wrote 2 stories", which
	// rarity all but doubled).
	plain := r.strengths
	plain.rarity = nil
	// The acts an instance bullet tells (see sayHabitOrInstance), each
	// once: a go/no-go call is release planning, decision and update.
	toldByInstance := make(map[activityRef]bool)
	for e := range toldByCall {
		toldByInstance[recordOf(e)] = true
	}
	for _, th := range themes {
		var groups []group
		var categories []string
		strength := 0.0
		for _, id := range th.categories {
			if g, ok := byID[id]; ok {
				switch id {
				case evidence.CatEpicOwnership:
					g.items = slices.DeleteFunc(slices.Clone(g.items), func(e *evidence.Evidence) bool { return told[e] })
				case evidence.CatDecisionMaking:
					g.items = slices.DeleteFunc(slices.Clone(g.items), func(e *evidence.Evidence) bool { return called[recordOf(e)] })
				case evidence.CatReleasePlanning:
					g.items = slices.DeleteFunc(slices.Clone(g.items), plannedIntoAMissedRelease)
				case evidence.CatStoryWriting:
					g.items = slices.DeleteFunc(slices.Clone(g.items), func(e *evidence.Evidence) bool { return owning[recordOf(e)] })
				}
				g.items = slices.DeleteFunc(slices.Clone(g.items), func(e *evidence.Evidence) bool { return toldByCall[e] })
				if len(g.items) == 0 {
					continue
				}
				groups = append(groups, g)
				categories = append(categories, id)
				for _, e := range g.items {
					strength += plain.of(e)
				}
			}
		}
		if len(groups) == 0 {
			continue
		}
		n := 0
		for _, g := range groups {
			n += len(g.items)
		}
		strength = strength / float64(n) * math.Log2(1+float64(n))
		out = append(out, bullet{strength: strength, categories: categories,
			say: func() (string, clause) { return r.sayHabitOrInstance(th, groups, toldByInstance) }})
	}
	slices.SortStableFunc(out[themed:], func(a, b bullet) int { return cmp.Compare(b.strength, a.strength) })
	// Said in their order, once it is known, each scope only by the first
	// bullet that has it.
	r.saidScopes = make(map[string]bool)
	for i := range out[themed:] {
		b := &out[themed+i]
		var kept clause
		b.text, kept = b.say()
		b.numbers, b.result, b.decision, b.quotes = kept.numbers, kept.result, kept.decision, kept.quotes
	}
	r.saidScopes = nil
	// A count below a habit with no act to tell instead is dropped, not
	// padded.
	return slices.DeleteFunc(out, func(b bullet) bool { return b.text == "" })
}

// sayHabitOrInstance is a theme's bullet: its count where that shows a
// habit and what came of it (habitual), else one of its acts with what
// came of it (instanceBullet), else nothing. Scopes a count left unsaid stay for
// later bullets to say.
func (r *report) sayHabitOrInstance(th bulletTheme, groups []group, told map[activityRef]bool) (string, clause) {
	scopes := maps.Clone(r.saidScopes)
	parts := th.say(r, groups)
	if len(parts) == 0 {
		return "", clause{}
	}
	text, kept := fitBullet(parts)
	if !counting(th) || habitual(kept) {
		return text, kept
	}
	r.saidScopes = scopes
	b, ok := r.instanceBullet(items(groups), told)
	if !ok {
		return "", clause{}
	}
	return b.text, clause{numbers: b.numbers, result: b.result, decision: b.decision, quotes: b.quotes}
}

// resultBullets is how many initiatives with a recorded result lead the
// bullets.
const resultBullets = 2

// measuredInitiatives are the initiatives the user led (owned the epic of)
// whose recorded outcome gives a result with a number, strongest first, at
// most resultBullets.
func (r *report) measuredInitiatives() []initiative {
	var out []initiative
	for _, in := range r.initiatives {
		if in.owned && in.hasOutcome && resultQuote([]initiative{in}) != "" {
			out = append(out, in)
		}
		if len(out) == resultBullets {
			break
		}
	}
	return out
}

// relativeDay is a day that only the date of the comment it was written
// in explains: "since the 23rd", "on Monday", "as of yesterday".
var relativeDay = regexp.MustCompile(`(?i)(^|\s+)(since|as of|from|starting|on)\s+(?:the\s+(\d{1,2})(?:st|nd|rd|th)|(last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(yesterday|today)|(?:last|this) week)\b`)

// datedDays says a result a bullet states in its own words with the
// relative days dated by when the result was written ("since the 23rd"
// of 4 May is "since 23 April"), or without them where that is not known
// or is no day ("since last week"): on a résumé, read months later and
// without the comment, "the 23rd" says nothing.
func datedDays(result string, written time.Time) string {
	return strings.TrimLeft(replaceRelativeDays(result, written, func(preposition, said string, day time.Time, ok bool) string {
		if !ok {
			return ""
		}
		return preposition + " " + day.Format("2 January")
	}), ", ")
}

// hasRelativeDay reports whether text names a day only its date explains
// ("since the 23rd").
func hasRelativeDay(text string) bool {
	return len(relativeDays(text)) > 0
}

// relativeDays are the submatch indexes of relativeDay in text that are
// relative days: not "on the 3rd attempt" or "since the 5th of May".
func relativeDays(text string) [][]int {
	var days [][]int
	for _, m := range relativeDay.FindAllStringSubmatchIndex(text, -1) {
		if !describes(text[m[1]:]) {
			days = append(days, m)
		}
	}
	return days
}

// replaceRelativeDays replaces each relative day of text (relativeDay,
// with the preposition before it) by what with gives for it: the
// preposition, the day as written, and the day it is when written is
// when the text was written (ok false where that cannot be said).
func replaceRelativeDays(text string, written time.Time, with func(preposition, said string, day time.Time, ok bool) string) string {
	var b strings.Builder
	at := 0
	for _, m := range relativeDays(text) {
		b.WriteString(text[at:m[0]])
		day, ok := datedDay(text, m, written)
		if instead := with(text[m[4]:m[5]], strings.TrimSpace(text[m[5]:m[1]]), day, ok); instead != "" {
			b.WriteString(text[m[2]:m[3]] + instead) // after the space before it
		}
		at = m[1]
	}
	b.WriteString(text[at:])
	return b.String()
}

// describes reports whether what follows a day makes it no relative day,
// or says its month: a word other than a conjunction ("the 3rd attempt",
// "the 5th of May", but not "the 23rd and the alerts are quiet").
func describes(rest string) bool {
	word := nextWord.FindStringSubmatch(rest)
	return word != nil && !slices.Contains([]string{"and", "but", "or", "with", "while", "when", "so"}, strings.ToLower(word[1]))
}

// nextWord is the word a text opens with, after spaces.
var nextWord = regexp.MustCompile(`^\s+(\p{L}+)`)

// datedDay is the day one match of relativeDay (submatch indexes m of
// text) is, when the text was written; ok is false where that cannot be
// said.
func datedDay(text string, m []int, written time.Time) (day time.Time, ok bool) {
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return text[m[2*i]:m[2*i+1]]
	}
	if written.IsZero() {
		return time.Time{}, false
	}
	day = written
	switch {
	case group(3) != "":
		n, _ := strconv.Atoi(group(3))
		if n > written.Day() {
			day = day.AddDate(0, 0, -written.Day()) // the month before's last day
		}
		if n < 1 || n > day.Day() {
			return time.Time{}, false
		}
		day = time.Date(day.Year(), day.Month(), n, 0, 0, 0, 0, day.Location())
	case group(5) != "":
		// The latest such weekday: today's only when it is named without "last".
		back := (int(written.Weekday()) - weekdayNumber(group(5)) + 7) % 7
		if back == 0 && group(4) != "" {
			back = 7
		}
		day = written.AddDate(0, 0, -back)
	case strings.EqualFold(group(6), "yesterday"):
		day = written.AddDate(0, 0, -1)
	case group(6) == "":
		return time.Time{}, false // a week is no day
	}
	return day, true
}

// weekdayNumber is time.Weekday's number of a weekday's English name.
func weekdayNumber(name string) int {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(d.String(), name) {
			return int(d)
		}
	}
	return -1
}

// resultBullet says what an initiative the user led achieved, quoting its
// recorded result: "Led “EU checkout reliability” with 1 teammate across 4
// issues: timeouts fell from 2.1% to 0.3% in the first month." The scale is
// left out before the result is cut.
func (r *report) resultBullet(in initiative) bullet {
	quote := evidence.LowerFirst(datedDays(resultQuote([]initiative{in}), in.outcome.Comment.At))
	name := evidence.OneLine(in.title)
	if name == "" {
		name = in.epic.Key
	}
	work, epics := in.items, in.epics()
	if latest := len(in.phases) - 1; latest > 0 && in.outcomePhase > 0 && in.outcomePhase != in.phases[latest] {
		// The result is an earlier phase's while a later one goes on:
		// the bullet is that phase's, at its scale, not the whole
		// initiative's ("…, phases 1 and 2 … across 43 issues: <phase 1's
		// result>" credited phase 2 with it).
		numbers := make([]string, len(in.phases))
		for i, n := range in.phases {
			numbers[i] = strconv.Itoa(n)
		}
		name = strings.TrimSuffix(name, ", "+phaseNames(numbers)) + ", phase " + strconv.Itoa(in.outcomePhase)
		key := in.outcome.Epic.Key
		work = slices.DeleteFunc(slices.Clone(in.items), func(e *evidence.Evidence) bool { return e.IssueKey != key && e.IssueParent != key })
		epics = []evidence.Epic{in.outcome.Epic}
	}
	claim := said("led “" + shortTitle(name) + "”")
	scale := withAcross(r.epicsScale(epics, work))
	res := &bulletResult{Text: quote, Epic: in.outcome.Epic.Key, From: resultFromOutcome}
	result := said(": " + quote)
	if change, ok := changeOf(quote); ok {
		res.Change = &change
		result = said(": " + quote + ", " + change.Text)
	}
	// The scale says more than a title's closing aside ("(FY26-27)"):
	// that goes first when the bullet is too long.
	parts := join(claim, scale, result)
	if utf8.RuneCountInString(sentence([]clause{parts})) > maxBulletLength {
		parts = join(said("led “"+shortTitle(withoutClosingAside(name))+"”"), scale, result)
	}
	if utf8.RuneCountInString(sentence([]clause{parts})) > maxBulletLength {
		parts = join(claim, result)
	}
	line, kept := fitBullet([]clause{parts})
	if !in.outcome.Mine {
		res.From, res.Link = resultFromComment, evidence.CommentURL(in.outcome.Epic.URL, in.outcome.Comment.ID)
	}
	var categories []string
	for _, g := range in.groups {
		categories = append(categories, g.category.ID)
	}
	return bullet{text: line, strength: in.strength, categories: categories, numbers: kept.numbers, result: res,
		initiative: issueRef{in.epic.SiteName, in.epic.Key}}
}

// fitBullet joins a bullet's parts, leaving out optional clauses from the
// end while it is too long, and makes it a sentence; it returns the clauses
// it kept, joined: their numbers, and the result or decision one of them
// quotes.
func fitBullet(parts []clause) (string, clause) {
	keep := 1
	for n := len(parts); n > 1; n-- {
		if s := sentence(parts[:n]); utf8.RuneCountInString(s) <= maxBulletLength {
			keep = n
			break
		}
	}
	s := sentence(parts[:keep])
	if utf8.RuneCountInString(s) > maxBulletLength {
		s = string([]rune(s)[:maxBulletLength-1]) + "…"
	}
	kept := join(parts[:keep]...)
	kept.numbers = append([]bulletNumber{}, kept.numbers...) // [] in JSON, not null
	return s, kept
}

// sentence joins parts and starts the result with a capital letter.
func sentence(parts []clause) string {
	var b strings.Builder
	for _, c := range parts {
		b.WriteString(c.text)
	}
	s := b.String() + "."
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// items returns the items of groups together, in time order.
func items(groups []group) []*evidence.Evidence {
	var all []*evidence.Evidence
	for _, g := range groups {
		all = append(all, g.items...)
	}
	slices.SortFunc(all, evidence.ByOccurrence)
	return all
}

// What bullet numbers count (bulletNumber.Counts).
const (
	// countsItems counts acts: items, of which those that open with the
	// same sentence (sameAct) count once.
	countsItems      = "acts"
	countsIssues     = "issues"
	countsDoneIssues = "done issues"
	countsProjects   = "projects"
	countsTeammates  = "teammates"
	countsReleases   = "releases"
	countsEpics      = "epics"
	countsDoneEpics  = "done epics"
	countsComments   = "comments"
	countsCreated    = "created issues"
	countsOther      = "other items"
	countsWork       = "issues, and manual items without one"
	countsWorkEpics  = "epics, and manual items without one"
	countsSentBack   = "issues sent back"
	// countsEpicIssues and countsEpicTeammates count an owned initiative's
	// scale (epicsScale): its epics' issues, with or without evidence.
	countsEpicIssues    = "issues of the epics"
	countsEpicTeammates = "teammates on the epics' issues"
	countsMedianBlocked = "median time blocked"
	// countsBlocksCleared counts the changes that cleared a block Jira
	// dated (a flag removed, an issue moved out of Blocked).
	countsBlocksCleared = "blocks cleared"
	// countsGoNoGo and countsNoGo count the releases the user's comments
	// make a go/no-go call on (goNoGoReleases).
	countsGoNoGo      = "releases with a go/no-go call"
	countsNoGo        = "releases called no-go"
	countsOutsideJira = "items recorded by hand (pmfolio evidence add)"
	countsMovedIssues = "issues moved from one release to another"
)

// count counts items as a bullet states it, keeping what was counted and
// the evidence behind it. Issues, projects and releases are told apart by
// site, as tally does.
func (r *report) count(items []*evidence.Evidence, counts string) bulletNumber {
	n := bulletNumber{Counts: counts, Of: []string{}, EvidenceIDs: []string{}, Links: []string{}}
	seen := make(map[string]bool)
	add := func(e *evidence.Evidence, values ...string) {
		if len(values) == 0 {
			return
		}
		n.evidence = append(n.evidence, e)
		for _, v := range values {
			if k := e.SiteName + "\x00" + v; !seen[k] {
				seen[k] = true
				n.Of = append(n.Of, r.onSite(e.SiteName, v))
			}
		}
	}
	for _, e := range items {
		var values []string
		switch counts {
		case countsItems:
			values = []string{sameAct(e)}
		case countsIssues, countsDoneIssues, countsWork, countsWorkEpics, countsSentBack:
			switch {
			case e.IssueKey == "" && (counts == countsWork || counts == countsWorkEpics):
				values = []string{e.ID}
			case e.IssueKey == "":
			case counts == countsDoneIssues && e.IssueStatusCategory != "done":
			case counts == countsWorkEpics && e.IssueType != "Epic" && e.IssueParent != "":
				values = []string{e.IssueParent}
			default:
				values = []string{e.IssueKey}
			}
		case countsProjects:
			if e.IssueKey != "" {
				values = []string{projectOf(e)}
			}
		case countsTeammates:
			if a := e.IssueAssignee; e.IssueKey != "" && workedAlongside(a, e.IssueAssigneeActed, r.userOf(e.SiteName)) {
				values = []string{cmp.Or(a.DisplayName, a.ID)}
			}
		case countsReleases:
			if e.IssueKey != "" {
				values = e.IssueFixVersions
			}
		case countsEpics, countsDoneEpics:
			if epic, ok := r.epicOf(e); ok && (counts == countsEpics || r.epicDone(epic)) {
				values = []string{epic.Key}
			}
		case countsComments:
			if e.Source == evidence.SourceComment {
				values = []string{e.ID}
			}
		case countsGoNoGo, countsNoGo:
			if e.Source == evidence.SourceComment {
				values = goNoGoReleases(e.Excerpt, counts == countsNoGo)
			}
		case countsCreated:
			if e.Source == evidence.SourceIssue {
				values = []string{e.ID}
			}
		case countsOther:
			if e.Source != evidence.SourceComment && e.Source != evidence.SourceIssue {
				values = []string{e.ID}
			}
		}
		add(e, values...)
	}
	if counts == countsItems || counts == countsComments || counts == countsCreated || counts == countsOther {
		n.Of = []string{}
	}
	n.Value = float64(len(seen))
	n.Text = evidence.Count(len(seen))
	for _, e := range n.evidence {
		n.EvidenceIDs = append(n.EvidenceIDs, e.ID)
		n.Links = append(n.Links, e.RecordURL())
	}
	return n
}

// onSite names a thing a bullet counts as --explain lists it: with its
// site when the portfolio has several, as two employers can both have a
// PAY-142.
func (r *report) onSite(site, v string) string {
	if len(r.sites) > 1 {
		return site + ": " + v
	}
	return v
}

// epicDone reports whether an epic of the portfolio is done.
func (r *report) epicDone(ep evidence.Epic) bool {
	for _, in := range r.initiatives {
		if sameEpic(in.epic, ep) {
			return in.status() == "done"
		}
	}
	return ep.StatusCategory == "done"
}

// sameEpic reports whether two epics are one: keys are unique on a site.
func sameEpic(a, b evidence.Epic) bool { return a.SiteName == b.SiteName && a.Key == b.Key }

// said is a clause text with the numbers it states.
func said(text string, numbers ...bulletNumber) clause { return clause{text: text, numbers: numbers} }

// counted says a count: "23 issues" with its number.
func counted(n bulletNumber, one, many string) (string, bulletNumber) {
	return quantity(int(n.Value), one, many), n
}

// scope says where the work was: " across 3 projects". Work in one project
// says nothing: "in 1 project" tells a reader no more than the bullet does.
// Once a bullet before has said the same (saidScopes), it says nothing.
func (r *report) scope(items []*evidence.Evidence) clause {
	n := r.count(items, countsProjects)
	if n.Value < 2 {
		return clause{}
	}
	c := said(" across "+n.Text+" projects", n)
	if r.saidScopes != nil {
		// The same projects, not only as many of them.
		projects := strings.Join(slices.Sorted(slices.Values(n.Of)), ",")
		if r.saidScopes[projects] {
			return clause{}
		}
		r.saidScopes[projects] = true
	}
	return c
}

// forTeammates says whose issues they were: " for 7 teammates".
func (r *report) forTeammates(items []*evidence.Evidence) clause {
	return r.teammates(items, " for ")
}

// teammates counts the teammates whose issues they were, after lead:
// " for 7 teammates", ", with 7 teammates". Assignees across projects are
// people, not teammates: another project's may be another team's or
// company's (Vikram Rao (CardSwitch), a vendor's), and Jira does not say
// which: " for 4 people".
func (r *report) teammates(items []*evidence.Evidence, lead string) clause {
	n := r.count(items, countsTeammates)
	if n.Value == 0 {
		return clause{}
	}
	one, many := "teammate", "teammates"
	if r.teammatesProjects(items) > 1 {
		one, many = "person", "people"
	}
	text, _ := counted(n, one, many)
	return said(lead+text, n)
}

// teammatesProjects counts the projects of the issues of items whose
// assignee the user worked alongside (workedAlongside).
func (r *report) teammatesProjects(items []*evidence.Evidence) int {
	var mates []*evidence.Evidence
	for _, e := range items {
		if e.IssueKey != "" && workedAlongside(e.IssueAssignee, e.IssueAssigneeActed, r.userOf(e.SiteName)) {
			mates = append(mates, e)
		}
	}
	return int(r.count(mates, countsProjects).Value)
}

// withAcross says " with 4 teammates across 19 issues", or " across 19
// issues" without teammates.
func withAcross(mates, issues bulletNumber) clause {
	text, _ := counted(issues, "issue", "issues")
	if mates.Value > 0 {
		who, _ := counted(mates, "teammate", "teammates")
		return said(" with "+who+" across "+text, mates, issues)
	}
	return said(" across "+text, issues)
}

// epicsScale counts how big the initiatives of some epics the user owned
// were: every issue of theirs the store holds, with those the items are
// on, and the teammates assigned to them. An epic's owner answers for all
// of it, not only for the issues their own evidence is on (a release
// manager who wrote the epic and closed its tasks herself has evidence on
// two of its eight issues), up to a week after it was done (see
// afterClose). The items are the evidence behind both.
func (r *report) epicsScale(epics []evidence.Epic, items []*evidence.Evidence) (teammates, issues bulletNumber) {
	issues = bulletNumber{Counts: countsEpicIssues, Of: []string{}, EvidenceIDs: []string{}, Links: []string{}, evidence: items}
	teammates = bulletNumber{Counts: countsEpicTeammates, Of: []string{}, EvidenceIDs: []string{}, Links: []string{}, evidence: items}
	seenIssue, seenMate := map[issueRef]bool{}, map[issueRef]bool{}
	add := func(site, key string, assignee evidence.User, acted bool) {
		if key != "" && !seenIssue[issueRef{site, key}] {
			seenIssue[issueRef{site, key}] = true
			issues.Of = append(issues.Of, r.onSite(site, key))
		}
		if workedAlongside(assignee, acted, r.userOf(site)) {
			if id := (issueRef{site, cmp.Or(assignee.ID, assignee.DisplayName)}); !seenMate[id] {
				seenMate[id] = true
				teammates.Of = append(teammates.Of, r.onSite(site, cmp.Or(assignee.DisplayName, assignee.ID)))
			}
		}
	}
	for _, e := range items {
		add(e.SiteName, e.IssueKey, e.IssueAssignee, e.IssueAssigneeActed)
	}
	for _, ep := range epics {
		for _, is := range ep.Issues {
			// An issue filed under the epic months after it was done
			// is none of its work, nor whoever it is assigned to.
			if !cameAfterClose(ep, is.Key, is.Created) {
				add(ep.SiteName, is.Key, is.Assignee, is.AssigneeActed)
			}
		}
	}
	for _, n := range []*bulletNumber{&issues, &teammates} {
		n.Value, n.Text = float64(len(n.Of)), evidence.Count(len(n.Of))
		for _, e := range items {
			n.EvidenceIDs = append(n.EvidenceIDs, e.ID)
			n.Links = append(n.Links, e.RecordURL())
		}
	}
	return teammates, issues
}

// join concatenates clauses into one, with the first result one quotes.
func join(parts ...clause) clause {
	var c clause
	for _, p := range parts {
		c.text += p.text
		c.numbers = append(c.numbers, p.numbers...)
		c.result = cmp.Or(c.result, p.result)
		c.decision = cmp.Or(c.decision, p.decision)
		c.consequence = c.consequence || p.consequence
	}
	return c
}

// claimsOf says what the user did in groups, biggest first, as claims
// with their numbers.
func (r *report) claimsOf(groups []group) clause {
	return r.claimsWith(groups, nil)
}

// claimsWith is claimsOf with, after each group's claim, what more (nil:
// nothing) says of it: "recorded 9 product decisions on 4 epics".
func (r *report) claimsWith(groups []group, more func(group) clause) clause {
	type counted struct {
		phrase string
		n      bulletNumber
		more   clause
	}
	var all []counted
	for _, g := range groups {
		counts := countsItems
		switch g.category.Count {
		case evidence.CountIssues:
			counts = countsWork
		case evidence.CountEpics:
			counts = countsWorkEpics
		}
		n := r.count(g.items, counts)
		c := counted{phrase: g.category.Claim(int(n.Value)), n: n}
		if more != nil {
			c.more = more(g)
		}
		all = append(all, c)
	}
	slices.SortStableFunc(all, func(a, b counted) int { return cmp.Compare(b.n.Value, a.n.Value) })
	var phrases []string
	var c clause
	for _, x := range all {
		phrases = append(phrases, x.phrase+x.more.text)
		c.numbers = append(c.numbers, x.n)
		c.numbers = append(c.numbers, x.more.numbers...)
	}
	c.text = evidence.JoinAnd(phrases)
	return c
}

// sayEpics: "Owned 8 epics across 3 projects, among them “SLOs for
// customer-facing services”, with 7 teammates across 95 issues; 4 of the 8
// epics are done."
func sayEpics(r *report, groups []group) []clause {
	// The initiatives a result bullet tells are not counted again.
	measured := r.measuredInitiatives()
	var owned []initiative
	stalled := false
	for _, in := range r.initiatives {
		if in.owned && !slices.ContainsFunc(measured, func(m initiative) bool { return sameEpic(m.epic, in.epic) }) {
			if r.stalled(in) {
				stalled = true
				continue
			}
			owned = append(owned, in)
		}
	}
	if len(owned) == 0 && stalled {
		return nil
	}
	if len(owned) == 0 {
		// Epic-ownership evidence on epics the portfolio does not list, or
		// only goals and scope written on epics the user did not own:
		// "owned" of those would not survive the interviewer opening them
		// (see ownsEpic), and the headline says "shaped the goals" of them.
		all := items(groups)
		g := groups[0]
		g.items = slices.DeleteFunc(slices.Clone(g.items), func(e *evidence.Evidence) bool { return !ownsEpic(e) })
		if len(g.items) > 0 {
			return []clause{join(r.claimsOf([]group{g}), r.scope(all))}
		}
		epics := r.count(all, countsWorkEpics)
		text, _ := counted(epics, "epic", "epics")
		return []clause{join(said("shaped the goals and scope of "+text, epics), r.scope(all))}
	}
	var all []*evidence.Evidence
	for _, in := range owned {
		all = append(all, in.items...)
	}
	epics := r.count(all, countsEpics)
	text, _ := counted(epics, "epic", "epics")
	verb := "owned "
	if len(measured) > 0 {
		verb = "also owned "
	}
	parts := []clause{join(said(verb+text, epics), r.scope(all))}
	// Name the strongest epic.
	if name := evidence.OneLine(owned[0].title); name != "" {
		among := ", “"
		if len(owned) > 1 {
			among = ", among them “"
		}
		parts = append(parts, said(among+shortTitle(name)+"”"))
	}
	var ownedEpics []evidence.Epic
	for _, in := range owned {
		ownedEpics = append(ownedEpics, in.epics()...)
	}
	parts = append(parts, said(","), withAcross(r.epicsScale(ownedEpics, all)))
	if done := r.count(all, countsDoneEpics); done.Value > 0 {
		parts = append(parts, said("; "+doneOf(int(done.Value), int(epics.Value), "epic", "epics"), done, epics))
	}
	return parts
}

func sayBacklog(r *report, groups []group) []clause {
	all := items(groups)
	if len(groups) > 1 {
		// "Groomed 9 backlog items and wrote 5 stories and specs for 3
		// teammates" read as the stories' teammates; they are both kinds'.
		return []clause{join(r.claimsOf(groups), r.scope(all)), r.teammates(all, ", for ")}
	}
	return []clause{join(r.claimsOf(groups), r.scope(all)), r.forTeammates(all)}
}

// sayJudgment: "Recorded 71 product decisions, among them “a 99.9% SLO
// for checkout-gateway, not 99.95%: the extra nine needs a second region
// we don't have budget for”, and prioritized 118 backlog items." A hiring
// manager reads a PM's bullets for judgment, and a count of decisions
// shows none: one of them, in the user's words with its reason, does (see
// quotedDecision). Without one that gives its reason, the counts alone,
// biggest first.
func sayJudgment(r *report, groups []group) []clause {
	// The epics are the decisions', said only when every decision is on
	// one: "recorded 62 product decisions in 10 epics" counted the epics
	// of the priority edits too, and 24 of the decisions were on none.
	onEpics := func(g group) clause {
		if g.category.ID != evidence.CatDecisionMaking || slices.ContainsFunc(g.items, func(e *evidence.Evidence) bool {
			_, ok := r.epicOf(e)
			return !ok
		}) {
			return clause{}
		}
		epics := r.count(g.items, countsEpics)
		text, _ := counted(epics, "epic", "epics")
		return said(" on "+text, epics)
	}
	scope := r.scope(items(groups))
	if quoted, ok := r.quotingDecision(groups, onEpics, scope); ok {
		return quoted
	}
	return []clause{join(r.claimsWith(groups, onEpics), scope)}
}

// quotingDecision is the judgment bullet quoting a decision (see
// decisionChoices) after their count, which comes first whatever its
// size: the quote is of them. Where the work was ends the bullet, after
// the decisions when they are all it claims. A quote is never cut inside
// its reason ("…instead of one in every…" left its reason without an
// object): when the bullet is too long it leaves out first how many epics
// the decisions are on (onEpics), then the other kinds' claims (", and
// prioritized 118 backlog items"), then quotes the next decision that
// fits whole, and only when none does cuts one where a clause ends (see
// cutAtClause). ok is false when no decision can be quoted.
func (r *report) quotingDecision(groups []group, onEpics func(group) clause, scope clause) ([]clause, bool) {
	i := slices.IndexFunc(groups, func(g group) bool { return g.category.ID == evidence.CatDecisionMaking })
	if i < 0 {
		return nil, false
	}
	decided := groups[i : i+1]
	withEpics, plain := r.claimsWith(decided, onEpics), r.claimsOf(decided)
	several := plain.numbers[0].Value > 1
	others := slices.Delete(slices.Clone(groups), i, i+1)
	// The bullet's forms, longest first.
	var forms []func(*bulletDecision) clause
	if len(others) > 0 {
		rest := join(said(", and "), r.claimsOf(others), scope)
		forms = append(forms, quoting(withEpics, clause{}, rest, several), quoting(plain, clause{}, rest, several))
	}
	forms = append(forms, quoting(withEpics, scope, clause{}, several), quoting(plain, scope, clause{}, several))
	choices := r.decisionChoices(decided[0].items)
	for _, d := range choices {
		for _, form := range forms {
			if c := form(d); fits(c) && !codeIdentifier.MatchString(d.Text) {
				return []clause{c}, true
			}
		}
	}
	shortest := forms[len(forms)-1]
	room := maxBulletLength - utf8.RuneCountInString(sentence([]clause{shortest(&bulletDecision{})}))
	for _, d := range choices {
		if cut, ok := cutAtClause(d.Text, room); ok && !codeIdentifier.MatchString(cut) {
			cutShort := *d
			cutShort.Text = cut
			return []clause{shortest(&cutShort)}, true
		}
	}
	return nil, false
}

// quoting is a form of the judgment bullet: the decisions' claim, before
// the quote, the quote and after it; several says the claim counts more
// than one decision.
func quoting(decisions, before, after clause, several bool) func(*bulletDecision) clause {
	among := ": “"
	switch {
	case several:
		among = ", among them “"
	case after.text != "":
		among = ", “" // "Recorded 1 product decision, “…”, and prioritized…"
	}
	return func(d *bulletDecision) clause {
		return join(decisions, before, said(among+d.Text+"”"), clause{decision: d}, after)
	}
}

// fits reports whether a bullet of c is no longer than maxBulletLength.
func fits(c clause) bool {
	return utf8.RuneCountInString(sentence([]clause{c})) <= maxBulletLength
}

// decisionChoices are the decisions a bullet may quote of items, best
// first: each one the user wrote with its reason (see decisionQuote),
// whole, not quoted as a proof above it in the same document. Those on no
// initiative a result bullet tells come first (its "Led “…”" line is
// what a reader has just read), then by kind (decisionKind), those that
// say why before those that do not, and of those the strongest.
func (r *report) decisionChoices(items []*evidence.Evidence) []*bulletDecision {
	told := make(map[*evidence.Evidence]bool)
	for _, in := range r.measuredInitiatives() {
		for _, e := range in.items {
			told[e] = true
		}
	}
	type candidate struct {
		item  *evidence.Evidence
		quote string
	}
	var candidates []candidate
	for _, c := range r.strengths.strongestFirst(items) {
		if !inOwnWords(c.item) || r.quotedProofs[c.item] || r.stillOpenLongAfter(c.item) {
			continue // a field edit is no decision in the user's words; a proof above is read
		}
		if quote := datedDays(decisionQuote(c.item.Excerpt), c.item.OccurredAt); quote != "" {
			candidates = append(candidates, candidate{c.item, quote})
		}
	}
	// A choice that says why ("…, not client-side failover: one change in
	// the platform instead of one in every service") shows more judgment
	// than one that only names what it chose against ("…, not a guess at
	// the nearest one"), but less than a call on what ships (see
	// decisionKind).
	var choices []*bulletDecision
	for _, untold := range []bool{true, false} {
		for kind := scopeDecision; kind <= bareDecision; kind++ {
			for _, why := range []bool{true, false} {
				for _, c := range candidates {
					if untold != told[c.item] && kind == decisionKindOf(c.quote) && why == saysWhy.MatchString(c.quote) {
						choices = append(choices, &bulletDecision{Text: c.quote, EvidenceID: c.item.ID, Issue: c.item.IssueKey,
							Link: c.item.RecordURL(), comment: c.item.Source == evidence.SourceComment})
					}
				}
			}
		}
	}
	return choices
}

// decisionKind is what a quoted decision is a call on, most telling first.
type decisionKind int

const (
	// scopeDecision is a call on what ships: "Amex stays out of v1", "we'll
	// drop the CSV export for now". A hiring manager reads a PM's
	// judgment there first.
	scopeDecision decisionKind = iota
	// takenDecision is said as one taken, by its verb ("going with…",
	// "agreed to…") or by who took it ("we build this on the shared
	// module…"): a reader knows it for a decision without the issue.
	takenDecision
	// bareDecision is a call said without either, which often needs its
	// issue to be understood: "P2, not P1: only old app versions show
	// it", "the Mobile team pilots first because they file the most
	// environment tickets" (pilots what?).
	bareDecision
)

// decisionKindOf is the kind of decision quote is.
func decisionKindOf(quote string) decisionKind {
	switch {
	case scopeCall.MatchString(quote):
		return scopeDecision
	case saidAsTaken.MatchString(quote):
		return takenDecision
	}
	return bareDecision
}

var (
	// scopeCall finds a decision on what ships (readsAsDecision's scope
	// words): "out of scope", "descoped", "won't do", "ship without",
	// "we'll drop the CSV export for now", "Amex stays out of v1".
	scopeCall = regexp.MustCompile(`(?i)\bout of scope\b|\bdescop|\bwon't do\b|\bship(?:s|ping)? without\b|` + putOff)
	// saidAsTaken finds a decision said as taken (see takenDecision).
	saidAsTaken = regexp.MustCompile(`(?i)\b(?:` + decisionVerb + `)\b|^(?:we|i)\s`)
	// scopeReason finds the reason a scope call gives: givesReason's
	// words, or ", so" and "until" ("PAY vault can't tokenize Amex until
	// their processor migration lands, so Amex stays out of v1").
	// givesReason leaves those two out, as they join a status note's
	// clauses more often than they explain; a scope call's they explain.
	scopeReason = regexp.MustCompile(`(?i)` + statesReason + `|` + namesAlternative + `|,\s+so\b|\buntil\b`)
	// codeIdentifier finds a word written as code, "token.created",
	// "retry_count", "maxRetries": a hiring manager reads past a quote
	// with one in it. "e.g.", "iOS" and "4.13" are no code.
	codeIdentifier = regexp.MustCompile(`\b[a-z]\w+\.[a-z]\w+|\b[A-Za-z0-9]+_\w+|\b[a-z]{2,}[A-Z][a-z]`)
)

// reasonOf is what finds the reason decision gives: scopeReason for a
// scope call, else givesReason.
func reasonOf(decision string) *regexp.Regexp {
	if scopeCall.MatchString(decision) {
		return scopeReason
	}
	return givesReason
}

// saysWhy finds a decision quote that says why it was taken, not only
// what it was chosen over: a reason (statesReason), or a choice
// (namesAlternative) and then its reason after a colon or a dash ("…, not
// 99.95%: the extra nine needs a second region we don't have budget for").
var saysWhy = regexp.MustCompile(`(?i)` + statesReason + `|(?:` + namesAlternative + `)[^:;]*?(?::|\s[-–—])\s+\S`)

// minDecisionQuote is the fewest characters a quoted decision may be cut
// to: shorter, it says no more than the count before it.
const minDecisionQuote = 40

// decisionClauseEnd is where a decision's clause ends and the next begins: a
// colon, a semicolon, a dash or a full stop, or a comma before "because",
// "which", "since" or "so".
var decisionClauseEnd = regexp.MustCompile(`[.:;]\s|\s[-–—]\s|,\s+(?:because|which|since|so)\s`)

// cutAtClause is a decision quote of at most room characters, cut ("…"
// says so) where one of its clauses ends, as late as fits: the quote is
// never cut inside a phrase ("…one in every…"). What is left must still be
// the same kind of call (a scope call keeps "Amex stays out of v1", not
// only its reason) and give a reason or the alternative it beat; ok is
// false when no clause ends where that holds.
func cutAtClause(quote string, room int) (string, bool) {
	ends := decisionClauseEnd.FindAllStringIndex(quote, -1)
	for i := len(ends) - 1; i >= 0; i-- {
		cut := quote[:ends[i][0]]
		n := utf8.RuneCountInString(cut)
		if n+1 <= room && n >= minDecisionQuote && decisionKindOf(cut) == decisionKindOf(quote) && reasonOf(quote).MatchString(cut) {
			return cut + "…", true
		}
	}
	return "", false
}

// decisionQuote is the sentence of a decision the user wrote that gives
// its reason or the alternative it chose against (givesReason), as a
// bullet quotes it: without what only frames it ("Decision:", "Closing the
// loop on yesterday's thread:", whom it speaks to, "we agreed on") or an
// aside after it (", agreed with Mei in the Monday sync"). A reason that
// opens a sentence of its own ("Otherwise the mobile clients break.") is
// quoted with the sentence before it. "" when no sentence gives a reason.
func decisionQuote(excerpt string) string {
	_, words := quoteLabel(evidence.OneLine(excerpt))
	sentences := sentencesOf(evidence.QuoteBody(words))
	for i, s := range sentences {
		if strings.HasSuffix(s, "…") {
			break // cut by the classifier
		}
		reason := reasonOf(s)
		at := reason.FindStringIndex(s)
		if at == nil {
			continue
		}
		if at[0] == 0 && i > 0 {
			s = sentences[i-1] + " " + s
		}
		if quote := withoutFraming(s); reason.MatchString(quote) {
			return quote
		}
	}
	return ""
}

// withoutFraming is a decision's sentence without what frames it (see
// decisionQuote), and without its full stop.
func withoutFraming(s string) string {
	for {
		before, after, ok := strings.Cut(s, ": ")
		if !ok || !framing(before) {
			break
		}
		s = after
	}
	if name, rest, ok := strings.Cut(s, ", "); ok && addressee(name) && givesReason.MatchString(rest) {
		s = rest
	}
	s = decidedBy.ReplaceAllString(s, "$1 ")
	s = agreedAside.ReplaceAllString(s, "")
	return strings.TrimRight(s, " .")
}

// framing reports whether the words before a colon only frame what
// follows ("Decision", "After talking it through with Mei Chen"), rather
// than say the decision ("We agreed on a 99.9% SLO, not 99.95%: the extra
// nine needs a second region") or a call ("P2, not P1: only old app
// versions show it").
func framing(before string) bool {
	if givesReason.MatchString(before) || strings.ContainsAny(before, "0123456789") {
		return false
	}
	words := len(strings.Fields(before))
	return words <= 2 || words <= 10 && !readsAsDecision.MatchString(before)
}

var (
	// decidedBy opens a decision with who took it, which the bullet's
	// "recorded … product decisions" says already: "We agreed on", "we're
	// going with", "I decided to". Its verb (the group) stays: without it
	// "going with the vault's webhook instead of polling" is a noun
	// phrase that does not read as a decision.
	decidedBy = regexp.MustCompile(`(?i)^(?:we|i)(?:['’]ve| have|['’]re| are|['’]m| am)?\s+(` + decisionVerb + `)\s`)
	// agreedAside closes a decision with where or with whom it was agreed:
	// ", agreed with Mei in the Monday sync".
	agreedAside = regexp.MustCompile(`(?i)[,;]\s*(?:as\s+)?(?:agreed|decided|settled)\s+(?:with|in|at|on|during)\b[^,;]*$`)
)

// decisionVerb is the verb a decision is taken with: "agreed on", "going
// with".
const decisionVerb = `(?:agreed|decided|settled)\s+(?:on|to|that)|going\s+with`

// goNoGoCall is the user's call at a release's go/no-go, in the words
// release managers write it: "Go/No-Go for 4.12: NO-GO, two sev-2 open",
// "Go/no-go for the 2.3 release: GO". It finds the release and the call.
// "Go/No-Go was NO-GO first time" tells of a call, and "Go/No-Go dry run
// for 4.15: NO-GO" rehearses one: neither is the call.
var goNoGoCall = regexp.MustCompile(`(?i)\bgo\s*/\s*no[- ]?go\s+for\s+([^:]{1,40}?)\s*:\s*(no[- ]?go|go)\b`)

// noGoUntil is a no-go called with what would make it a go: "No-go for
// payments-api 3.10.0 from my side until Jonas has signed off the
// runbook." It finds the release.
var noGoUntil = regexp.MustCompile(`(?i)(?:^|[.!?]\s+)no[- ]?go\s+for\s+([^,:;]{1,40}?)\s+(?:from my side|until|till|because)\b`)

// movesThisIssue finds a no-go said of one issue, which moves it and not
// the release: "No-go for platform-2026.06 from my side until the dry run
// passes on staging. Moving this to the next fix version." The release
// went out, with a go, without it.
var movesThisIssue = regexp.MustCompile(`(?i)\bmov(?:e|ing)\s+(?:this|it)(?:\s+one)?\s+(?:in)?to\s+(?:the\s+)?(?:next|a later)\s+(?:fix\s+version|release|version)\b`)

// goNoGoReleases are the releases text makes a go/no-go call on (only
// those called no-go with noGo): "4.12" of "Go/No-Go for 4.12
// (re-assessment): GO".
func goNoGoReleases(text string, noGo bool) []string {
	var named []string
	for _, m := range goNoGoCall.FindAllStringSubmatch(text, -1) {
		if !noGo || !strings.EqualFold(m[2], "go") {
			named = append(named, m[1])
		}
	}
	if !movesThisIssue.MatchString(text) {
		for _, m := range noGoUntil.FindAllStringSubmatch(text, -1) {
			named = append(named, m[1])
		}
	}
	releases := make([]string, len(named))
	for i, release := range named {
		releases[i] = strings.TrimSuffix(strings.TrimPrefix(withoutClosingAside(release), "the "), " release")
	}
	return releases
}

// goNoGoCalls says the go/no-go calls the user recorded among their
// release-planning items, by the release each names: "made the go/no-go
// call on 5 releases (2 of them a no-go)". A release manager's judgment
// is in the calls, which "planned 14 issues into 5 releases" does not
// show; a re-assessment is the same release's call.
func (r *report) goNoGoCalls(items []*evidence.Evidence) (string, []bulletNumber) {
	n := r.count(items, countsGoNoGo)
	if n.Value == 0 {
		return "", nil
	}
	text := "made the go/no-go call on " + quantity(int(n.Value), "release", "releases")
	numbers := []bulletNumber{n}
	if no := r.count(items, countsNoGo); no.Value > 0 {
		if n.Value == 1 {
			text += " (a no-go)"
		} else {
			text += " (" + no.Text + " of them a no-go)"
		}
		numbers = append(numbers, no)
	}
	return text, numbers
}

// releaseClaims says the user's release work by what they did: the
// go/no-go calls first, then the issues they put into a release by its
// fix version and those they moved from one release to another: "made
// the go/no-go call on 4 releases (1 of them a no-go) and moved 4 issues
// to a later release". "Planned 14 issues into 5 releases" counted a
// release manager's own release tickets, release notes and epic as
// issues planned, and the 4 she moved out of 4.13 at code freeze as
// planned into 4.14. What is neither a call nor an edit of a fix
// version is said as what it is, release plans written on issues.
// Scoped are the items whose projects and assignees the bullet may count:
// the issues planned or written on, not the release tickets calls were
// made on, nor the assignees of stories moved out ("with 3 teammates"
// after a call and a move claims a re-plan done with them).
func (r *report) releaseClaims(items []*evidence.Evidence) (claims []string, numbers []bulletNumber, scoped []*evidence.Evidence) {
	if calls, callNumbers := r.goNoGoCalls(items); calls != "" {
		claims = append(claims, calls)
		numbers = append(numbers, callNumbers...)
	}
	planned, moved, later := fixVersionEdits(items)
	if len(planned) > 0 {
		n, releases := r.count(planned, countsIssues), r.count(planned, countsReleases)
		a, _ := counted(n, "issue", "issues")
		claim := "planned " + a
		if releases.Value > 0 {
			b, _ := counted(releases, "release", "releases")
			claim += " into " + b
			numbers = append(numbers, n, releases)
		} else {
			// Each was put into a release that is since gone from it.
			into := " into releases"
			if n.Value == 1 {
				into = " into a release"
			}
			claim += into
			numbers = append(numbers, n)
		}
		claims = append(claims, claim)
		scoped = planned
	}
	if len(moved) > 0 {
		n := r.count(moved, countsIssues)
		n.Counts = countsMovedIssues
		what := quantity(int(n.Value), "issue", "issues")
		if len(planned) > 0 {
			what = n.Text + " more"
		}
		where := " to another release"
		if later {
			where = " to a later release"
		}
		if from, to := movedBetween(moved); from != "" {
			where = " from " + from + where
			if to != "" {
				where = " from " + from + " to " + to
			}
		}
		claims = append(claims, "moved "+what+where)
		numbers = append(numbers, n)
	}
	if len(claims) == 0 {
		n := r.count(items, countsWork)
		claim := "wrote a release plan"
		if n.Value > 1 {
			claim = "wrote release plans on " + n.Text + " issues"
		}
		claims = append(claims, claim)
		numbers = append(numbers, n)
		scoped = items
	}
	return claims, numbers, scoped
}

// fixVersionEdit is the user's edit of an issue's releases as the rules
// describe it (classify_match.go): "Fix Version: (none) → 4.13",
// "Fix Version: 4.13 → 4.14"; and as a rules file's own edit may name
// the field: "Fix Version/s: → 2026.03".
var fixVersionEdit = regexp.MustCompile(`^Fix Versions?(?:/s)?: *(.*?) *→ *(.+)$`)

// plannedIntoAMissedRelease reports whether e is an edit of an issue's
// fix version whose issue is still open while every release it is in has
// gone out: the release shipped without it, as `pmfolio next` finds
// (missedRelease). "Moved 4 issues from 4.13 to 4.14" of four issues
// 4.14 went out without is no planning to show: the interviewer's first
// question, "did they ship in 4.14?", gets "no". A plan into a release
// still to come, or of an issue done, holds.
func plannedIntoAMissedRelease(e *evidence.Evidence) bool {
	if e.Source != evidence.SourceChange || !fixVersionEdit.MatchString(e.Excerpt) ||
		e.IssueStatusCategory == "done" || len(e.IssueFixVersions) == 0 {
		return false
	}
	for _, v := range e.IssueFixVersions {
		if !slices.Contains(e.IssueReleasedVersions, v) {
			return false
		}
	}
	return true
}

// fixVersionEdits are the edits of items that put an issue into a release
// and, of the other issues, those that moved one from a release to
// another; later reports whether every move was to a later version.
func fixVersionEdits(items []*evidence.Evidence) (planned, moved []*evidence.Evidence, later bool) {
	into := make(map[issueRef]bool)
	var moves []*evidence.Evidence
	later = true
	for _, e := range items {
		m := fixVersionEdit.FindStringSubmatch(e.Excerpt)
		switch {
		case e.Source != evidence.SourceChange || m == nil || m[2] == "(none)":
		case m[1] == "(none)" || m[1] == "":
			planned = append(planned, e)
			into[issueRef{e.SiteName, e.IssueKey}] = true
		default:
			moves = append(moves, e)
			later = later && versionAfter(m[2], m[1])
		}
	}
	for _, e := range moves {
		if !into[issueRef{e.SiteName, e.IssueKey}] {
			moved = append(moved, e)
		}
	}
	return planned, moved, later && len(moved) > 0
}

// movedBetween is the release all the moves left, or "" when they left
// several, and the one they all went to, or "": "moved 4 issues from 4.13
// to 4.14" says which release was cut and where its work went.
func movedBetween(moves []*evidence.Evidence) (from, to string) {
	for i, e := range moves {
		m := fixVersionEdit.FindStringSubmatch(e.Excerpt)
		if i == 0 {
			from, to = m[1], m[2]
		}
		if m[1] != from {
			from = ""
		}
		if m[2] != to {
			to = ""
		}
	}
	// "from 4.13, 4.14" reads as a list of moves.
	if strings.Contains(from, ",") {
		from = ""
	}
	if strings.Contains(to, ",") {
		to = ""
	}
	return from, to
}

// versionAfter reports whether release b comes after release a of the
// same line, comparing their numbers as numbers: "4.14" after "4.13",
// "payments-api 3.10.0" after "payments-api 3.9.2". Releases of
// different lines, or lists of several, are not ordered.
func versionAfter(b, a string) bool {
	if strings.Contains(a, ", ") || strings.Contains(b, ", ") {
		return false
	}
	pa, pb := versionParts(a), versionParts(b)
	for i := 0; i < min(len(pa), len(pb)); i++ {
		x, xErr := strconv.Atoi(pa[i])
		y, yErr := strconv.Atoi(pb[i])
		switch {
		case xErr == nil && yErr == nil && x != y:
			return y > x
		case (xErr == nil) != (yErr == nil) || xErr != nil && pa[i] != pb[i]:
			return false
		}
	}
	return len(pb) > len(pa)
}

// versionParts splits a release name into its runs of digits and of
// anything else: "platform-2026.04" is "platform-", "2026", ".", "04".
func versionParts(name string) []string {
	var parts []string
	for i := 0; i < len(name); {
		j := i + 1
		for j < len(name) && unicode.IsDigit(rune(name[j])) == unicode.IsDigit(rune(name[i])) {
			j++
		}
		parts = append(parts, name[i:j])
		i = j
	}
	return parts
}

// sayPlanning counts releases: "Planned 116 issues into 14 releases and
// shaped sprint scope for 95 issues across 3 projects." The go/no-go
// calls the user made lead: "Made the go/no-go call on 5 releases (2 of
// them a no-go) and moved 4 issues to a later release".
func sayPlanning(r *report, groups []group) []clause {
	var claims []string
	var numbers []bulletNumber
	var scoped []*evidence.Evidence
	for _, g := range groups {
		if g.category.ID == evidence.CatReleasePlanning {
			release, releaseNumbers, releaseScoped := r.releaseClaims(g.items)
			claims = append(claims, release...)
			numbers = append(numbers, releaseNumbers...)
			scoped = append(scoped, releaseScoped...)
			continue
		}
		claim, claimNumbers := r.plannedIn(g)
		claims = append(claims, claim...)
		numbers = append(numbers, claimNumbers...)
		scoped = append(scoped, g.items...)
	}
	// ", with" after "for 90 issues": not "for 90 issues for 6 teammates".
	return []clause{join(said(evidence.JoinAnd(claims), numbers...), r.scope(scoped)), r.teammates(scoped, ", with ")}
}

// plannedIn says a planning group other than release planning: its
// claim for the issues the user wrote on, and the other issues as the
// edits they were. "Sprint: (none) → CHK Sprint 72" shows where an issue
// went, not that the user weighed what fit: "shaped sprint scope for 1
// issue and added 5 more issues to sprints", not "shaped sprint scope for
// 6 issues".
func (r *report) plannedIn(g group) ([]string, []bulletNumber) {
	words, edits := inWordsOrEdits(g.items)
	var claims []string
	var numbers []bulletNumber
	if len(words) > 0 {
		n := r.count(words, countsWork)
		claims = append(claims, g.category.Claim(int(n.Value)))
		numbers = append(numbers, n)
	}
	switch {
	case len(edits) == 0:
	case g.category.ID == evidence.CatSprintPlanning:
		edited, editNumbers := r.sprintEdits(edits, len(words) > 0)
		claims = append(claims, edited...)
		numbers = append(numbers, editNumbers...)
	default:
		n := r.count(edits, countsWork)
		text, _ := counted(n, "issue", "issues")
		claims = append(claims, g.category.Edits(text))
		numbers = append(numbers, n)
	}
	return claims, numbers
}

// sayUpdates: "Posted 84 stakeholder updates on 53 issues across 3
// projects, including progress notes on 6 epics, and 2 more outside Jira."
func sayUpdates(r *report, groups []group) []clause {
	all := items(groups)
	issues := r.count(all, countsIssues)
	if issues.Value == 0 {
		// Updates recorded by hand (evidence add) are on no issue.
		return []clause{r.claimsOf(groups)}
	}
	// "Posted 40 updates on 36 issues" would count a roadmap review the
	// user recorded by hand as posted on an issue: those are told apart.
	onIssues := make([]group, len(groups))
	var outside []*evidence.Evidence
	for i, g := range groups {
		onIssues[i] = g
		onIssues[i].items = nil
		for _, e := range g.items {
			if e.IssueKey == "" {
				outside = append(outside, e)
			} else {
				onIssues[i].items = append(onIssues[i].items, e)
			}
		}
	}
	all = items(onIssues)
	var onEpics []*evidence.Evidence
	for _, e := range all {
		if e.IssueType == "Epic" {
			onEpics = append(onEpics, e)
		}
	}
	epics := r.count(onEpics, countsIssues)
	epics.Counts = "issues that are epics"
	var parts []clause
	if epics.Value == issues.Value {
		parts = []clause{join(postedOn(r.claimsOf(onIssues), epics, "epic", "epics"), r.scope(all))}
	} else {
		parts = []clause{join(postedOn(r.claimsOf(onIssues), issues, "issue", "issues"), r.scope(all))}
		if epics.Value > 0 {
			// An update on an epic is a progress note on a whole initiative.
			text, _ := counted(epics, "epic", "epics")
			parts = append(parts, said(", including progress notes on "+text, epics))
		}
	}
	if len(outside) > 0 {
		n := r.count(outside, countsItems)
		n.Counts = countsOutsideJira
		parts = append(parts, said(", and "+n.Text+" more outside Jira", n))
	}
	return parts
}

// postedOn says updates were posted on some issues: "posted 40 stakeholder
// updates on 36 issues", and where there are as many updates as issues,
// the number once: "posted a stakeholder update on each of 36 issues",
// not "posted 36 stakeholder updates on 36 issues". The number then
// stated is where's; the updates are its items.
func postedOn(claim clause, where bulletNumber, one, many string) clause {
	text, _ := counted(where, one, many)
	if len(claim.numbers) != 1 || claim.numbers[0].Value != where.Value || claim.numbers[0].Counts != countsItems {
		return join(claim, said(" on "+text, where))
	}
	if where.Value == 1 {
		return said("posted a stakeholder update on "+text, where)
	}
	return said("posted a stakeholder update on each of "+text, where)
}

// sayUnblocking: "Unblocked 8 teammates on 59 issues across 3 projects;
// the 18 blocks I cleared had stood a median of 2.5 days." Without
// assignees it falls back to issues.
func sayUnblocking(r *report, groups []group) []clause {
	all := items(groups)
	mates := r.count(all, countsTeammates)
	if mates.Value == 0 {
		return []clause{join(r.claimsOf(groups), r.scope(all)), blockedMedian(all)}
	}
	issues := r.count(all, countsIssues)
	a, _ := counted(mates, "teammate", "teammates")
	b, _ := counted(issues, "issue", "issues")
	return []clause{join(said("unblocked "+a+" on "+b, mates, issues), r.scope(all)), blockedMedian(all)}
}

// blockedMedian says how long the blocks the user cleared had stood, as a
// median, once there are enough measured blocks (3) for it to mean
// something, and over how many: most unblocking (an answer, a decision, a
// link) has no block Jira dated, and "clearing blocks that had stood for
// a median of 24 hours" after "66 issues" read as the median of all 66.
func blockedMedian(items []*evidence.Evidence) clause {
	var measured []*evidence.Evidence
	for _, e := range items {
		if e.BlockedFor > 0 {
			measured = append(measured, e)
		}
	}
	if len(measured) < 3 {
		return clause{}
	}
	sorted := make([]time.Duration, len(measured))
	for i, e := range measured {
		sorted[i] = e.BlockedFor
	}
	slices.Sort(sorted)
	median := sorted[len(sorted)/2]
	if len(sorted)%2 == 0 {
		median = (sorted[len(sorted)/2-1] + median) / 2
	}
	text, value := roughDuration(median)
	n := bulletNumber{Text: text, Value: value, Counts: countsMedianBlocked, Of: []string{}}
	blocks := bulletNumber{Text: evidence.Count(len(measured)), Value: float64(len(measured)), Counts: countsBlocksCleared, Of: []string{}}
	for _, e := range measured {
		for _, x := range []*bulletNumber{&blocks, &n} {
			x.evidence = append(x.evidence, e)
			x.EvidenceIDs = append(x.EvidenceIDs, e.ID)
			x.Links = append(x.Links, e.RecordURL())
		}
	}
	c := said("; the "+blocks.Text+" blocks I cleared had stood a median of "+text, blocks, n)
	c.consequence = true
	return c
}

// roughDuration says a duration the way a résumé would, "5 hours", "2.5
// days", and the number in it.
func roughDuration(d time.Duration) (string, float64) {
	switch {
	case d < time.Hour:
		return "under an hour", 0
	case d < 48*time.Hour:
		h := int(d.Hours() + 0.5)
		return quantity(h, "hour", "hours"), float64(h)
	}
	days := strconv.FormatFloat(d.Hours()/24, 'f', 1, 64)
	value, _ := strconv.ParseFloat(days, 64)
	return strings.TrimSuffix(days, ".0") + " days", value
}

// sayCrossTeam: "Coordinated in writing with other teams on 9 issues and
// linked 43 more to their work across 3 projects, including work assigned
// to 6 teammates." The work is coordinated, not the issues; and the
// teammates are whose issues some of them are ("for 8 teammates" read as
// if the user worked for them). A link between two projects' issues is
// the least of coordination: a reader who opens one of "52 issues" and
// finds only "Linked: relates to PAY-3414" discounts the rest, so the
// issues with the user's words lead and the links are said as links.
// Of a single issue, whose it is adds nothing a reader would ask about:
// "Linked 1 issue to other teams' work, assigned to 1 teammate" read as
// padding.
func sayCrossTeam(r *report, groups []group) []clause {
	all := items(groups)
	inWords, linkedOnly := inWordsOrEdits(all)
	var claim clause
	switch words, links := r.count(inWords, countsIssues), r.count(linkedOnly, countsIssues); {
	case links.Value == 0:
		text, _ := counted(words, "issue", "issues")
		claim = said("coordinated with other teams on "+text, words)
	case words.Value == 0:
		text, _ := counted(links, "issue", "issues")
		claim = said("linked "+text+" to other teams' work", links)
	default:
		text, _ := counted(words, "issue", "issues")
		claim = said("coordinated in writing with other teams on "+text+" and linked "+links.Text+" more to their work", words, links)
	}
	if r.count(all, countsIssues).Value == 1 {
		return []clause{join(claim, r.scope(all))}
	}
	return []clause{join(claim, r.scope(all)), r.teammates(all, ", including work assigned to ")}
}

func sayVerified(r *report, groups []group) []clause {
	groups = r.withoutBareCloses(groups)
	all := items(groups)
	if len(all) == 0 {
		return nil
	}
	claim := join(r.claimsOf(groups), r.teammates(all, " from "), r.scope(all))
	// A reader who opens a rejection behind "verified" stops trusting the
	// rest: the work sent back is said as such.
	var back []*evidence.Evidence
	for _, e := range all {
		if sentBack(e) {
			back = append(back, e)
		}
	}
	if len(back) > 0 {
		n := r.count(back, countsSentBack)
		sent := said(", sending "+n.Text+" back with what failed", n)
		sent.consequence = true
		claim = join(claim, sent)
	}
	return []clause{claim}
}

// withoutBareCloses is groups without the closes that test nothing
// (bareClose), and without a group left empty.
func (r *report) withoutBareCloses(groups []group) []group {
	var kept []group
	for _, g := range groups {
		g.items = slices.DeleteFunc(slices.Clone(g.items), func(e *evidence.Evidence) bool { return r.bareClose(e, g.items) })
		if len(g.items) > 0 {
			kept = append(kept, g)
		}
	}
	return kept
}

// bareClose reports whether e, of items, is the user closing an issue
// they filed themselves with no word on it: nothing else of items is on
// the issue, and they wrote no comment on it within checkedWithin of the
// close. Closing the vendor defect one filed (CSW-97 “Rollback script
// missing in drop 3”: Open → Closed) is not testing a delivery;
// "Everything under 'Done when' holds", written a minute before the
// close, is.
func (r *report) bareClose(e *evidence.Evidence, items []*evidence.Evidence) bool {
	if e.Source != evidence.SourceChange || e.IssueKey == "" || !isUser(e.IssueReporter, r.userOf(e.SiteName)) {
		return false
	}
	if slices.ContainsFunc(items, func(o *evidence.Evidence) bool { return o != e && o.SiteName == e.SiteName && o.IssueKey == e.IssueKey }) {
		return false
	}
	return !slices.ContainsFunc(r.ownComments[issueRef{e.SiteName, e.IssueKey}], func(c evidence.Comment) bool {
		return c.At.Sub(e.OccurredAt).Abs() <= checkedWithin
	})
}

// checkedWithin is how near a close a comment of the user's on the issue
// says what they checked: it is written with the close.
const checkedWithin = time.Hour

// sayIncidents says what the user did in incidents: the incident by its
// name and what it came to, then what they did by kind of record. "Led the
// response to “Checkout returning 500s” (about 1,800 card orders failed
// between 13:55 and 14:38): posted 3 incident updates, wrote 1 postmortem
// and filed 2 follow-up issues"; of several, "Coordinated 7 incidents
// across 2 projects, including “…” (76 minutes of errors for 438
// merchants): …". A hiring manager reads what was at stake, not how many
// comments it took; the counts come after, and the updates' count is the
// first left out when the bullet is too long.
func sayIncidents(r *report, groups []group) []clause {
	all := items(groups)
	// The incidents are the incidents the user posted updates on, and
	// the updates those posted on them: "7 incidents: posted 34 incident
	// updates" would count notes on tickets that were no incident.
	incidents := incidentsAmong(all)
	updates := updatesOn(all, incidents)
	posted := all
	if r.count(updates, countsIssues).Value > 0 {
		posted = updates
	}
	// "Created 19 postmortems and follow-up issues" reads as 19
	// postmortems for 7 incidents: the issues the user created are told
	// apart by what they are.
	var opened, postmortems, followUps []*evidence.Evidence
	postmortem := postmortemsIn(all)
	for _, e := range all {
		switch {
		case postmortem(e):
			postmortems = append(postmortems, e)
		case incidents[issueRef{e.SiteName, e.IssueKey}]:
			opened = append(opened, e)
		default:
			followUps = append(followUps, e)
		}
	}
	// What the user did, by kind of record, the updates first; terse
	// says it in fewer words ("posted 4 updates … filed 3 follow-ups"),
	// which after "Led the response to “…”" say the same, and undone is
	// terse without how many follow-ups are done.
	var did, terse, undone []clause
	for _, k := range []struct {
		from                    []*evidence.Evidence
		counts, verb, one, many string
		what                    string // what the number counts, when not counts
		// done, when set, is what the number of those done counts: what
		// came of the follow-ups is the incidents' result Jira shows, the
		// fixes that keep them from happening again.
		done string
		// terseOne and terseMany are one and many in fewer words, when
		// there are.
		terseOne, terseMany string
	}{
		{posted, countsComments, "posted ", "incident update", "incident updates", "", "", "update", "updates"},
		{opened, countsCreated, "opened ", "incident ticket", "incident tickets", "incident tickets opened", "", "", ""},
		{postmortems, countsCreated, "wrote ", "postmortem", "postmortems", "postmortems written", "", "", ""},
		{followUps, countsCreated, "filed ", "follow-up issue", "follow-up issues", "follow-up issues filed", "follow-up issues done", "follow-up", "follow-ups"},
		{all, countsOther, "recorded ", "other incident action", "other incident actions", "", "", "", ""},
	} {
		if n := r.count(k.from, k.counts); n.Value > 0 {
			n.Counts = cmp.Or(k.what, n.Counts)
			text, _ := counted(n, k.one, k.many)
			short, _ := counted(n, cmp.Or(k.terseOne, k.one), cmp.Or(k.terseMany, k.many))
			c, t := said(k.verb+text, n), said(k.verb+short, n)
			undone = append(undone, t)
			if done := r.count(k.from, countsDoneIssues); k.done != "" && done.Value > 0 {
				done.Counts = k.done
				doneText := ", " + done.Text + " of them done"
				switch {
				case n.Value == 1:
					doneText = ", done"
				case done.Value == n.Value:
					doneText = ", all done"
				}
				c, t = join(c, said(doneText, done)), join(t, said(doneText, done))
			}
			did, terse = append(did, c), append(terse, t)
		}
	}
	doing := func(did []clause) clause {
		texts := make([]string, len(did))
		var numbers []bulletNumber
		for i, c := range did {
			texts[i] = c.text
			numbers = append(numbers, c.numbers...)
		}
		return said(": "+evidence.JoinAnd(texts), numbers...)
	}
	count := r.count(updates, countsIssues)
	if count.Value == 0 {
		issues := r.count(all, countsIssues)
		if issues.Value == 0 {
			return []clause{join(said("coordinated incidents"), doing(did))}
		}
		text, _ := counted(issues, "issue", "issues")
		return []clause{join(said("coordinated incidents on "+text, issues), r.scope(all), doing(did))}
	}
	count.Counts = "issues with an incident update"
	text, _ := counted(count, "incident", "incidents")
	plain := join(said("coordinated "+text, count), r.scope(updates))
	name, impact, ok := r.namedIncident(incidents, count.Value == 1)
	if !ok && count.Value == 1 {
		// An incident too small to be told as one in the brief is still
		// named by its summary.
		for _, e := range updates {
			if summary := evidence.OneLine(e.IssueSummary); summary != "" {
				name, ok = said("“"+incidentName(summary)+"”"), true
				break
			}
		}
	}
	if !ok {
		return []clause{join(plain, doing(did))}
	}
	head := func(named clause) clause { return join(plain, said(", including "), named) }
	if count.Value == 1 {
		// One note is taking part; "led" is for more than that.
		verb, records := "led the response to ", 0.0
		for _, c := range did {
			records += c.numbers[0].Value
		}
		if records == 1 {
			verb = "coordinated the response to "
		}
		head = func(named clause) clause { return join(said(verb), named) }
	}
	notPosted := undone
	if len(undone) > 1 && undone[0].numbers[0].Counts == countsComments {
		notPosted = undone[1:]
	}
	// Too long, the bullet first says its counts in fewer words, then
	// leaves out what tells least first: what the incident came to, then
	// how many follow-ups are done ("filed 3 follow-up issues" alone
	// leaves an open one unsaid), and only then the updates the user
	// posted, which say they ran it.
	for _, c := range []clause{
		join(head(join(name, impact)), doing(did)),
		join(head(join(name, impact)), doing(terse)),
		join(head(name), doing(did)),
		join(head(name), doing(terse)),
		join(head(name), doing(undone)),
		join(head(name), doing(notPosted)),
	} {
		if utf8.RuneCountInString(sentence([]clause{c})) <= maxBulletLength {
			return []clause{c}
		}
	}
	return []clause{join(plain, doing(did))}
}

// namedIncident names the strongest incident of those the bullet counts,
// "“Checkout returning 500s”", and its impact: what it came to, in the
// words of its closing note, " (about 1,800 card orders failed …)". Of
// several, only one whose note says what it came to is named; a single
// one is named without it.
func (r *report) namedIncident(counted map[issueRef]bool, single bool) (name, impact clause, ok bool) {
	for _, in := range r.incidentsOnNoEpic() {
		if !counted[issueRef{in.epic.SiteName, in.epic.Key}] {
			continue
		}
		name = said("“" + incidentName(in.title) + "”")
		var res *bulletResult
		if quote := incidentResult(in); quote != "" {
			res = &bulletResult{Text: quote, Epic: in.outcome.Epic.Key, From: resultFromOutcome}
			if !in.outcome.Mine {
				res.From, res.Link = resultFromComment, evidence.CommentURL(in.outcome.Epic.URL, in.outcome.Comment.ID)
			}
		} else if quote, e := incidentImpact(in); quote != "" {
			res = &bulletResult{Text: quote, Epic: e.IssueKey, From: resultFromComment, Link: e.RecordURL()}
			if e.Source == evidence.SourceIssue {
				res.From = resultFromIssue
			}
		}
		if res == nil {
			if single {
				return name, clause{}, true
			}
			continue
		}
		impact = said(" (" + res.Text + ")")
		impact.result = res
		return name, impact, true
	}
	return clause{}, clause{}, false
}

// incidentName is an incident's summary as a résumé names it: without
// the tracker's tag ("INC: ", "PROD: ", "[SEV2] ") or a closing aside.
func incidentName(summary string) string {
	name := incidentTag.ReplaceAllString(evidence.OneLine(summary), "")
	if name == "" {
		name = evidence.OneLine(summary)
	}
	return shortTitle(withoutClosingAside(name))
}

// incidentTag is a tag an incident's summary opens with.
var incidentTag = regexp.MustCompile(`(?i)^(?:\[(?:inc(?:ident)?|prod|sev ?\d|p\d|outage)\]\s*|(?:inc(?:ident)?|prod|sev ?\d|p\d|outage)\s*[:\-–]\s+)+`)

// incidentResult is what an incident came to, as its closing note says it:
// the clause that says whom or what it hit ("~3,100 users hit it", "all
// 4,312 payments credited"), else for how long ("59 minutes after the
// first errors"), both when one clause says both; "" when it says neither.
func incidentResult(in initiative) string {
	if !in.hasOutcome {
		return ""
	}
	best, _ := incidentClause(in.outcome.Text, in.outcome.Comment.At)
	return best
}

// incidentImpact is whom an incident hit in the user's own words on it
// when its closing note does not say: Kaveri's closed on the clean-up ("all
// 4,312 payments credited status updated"), and her postmortem said "4,312
// payments were delayed by ~3 hours". It returns the item it quotes, the
// first of those that say it best; "" when none says whom it hit.
func incidentImpact(in initiative) (string, *evidence.Evidence) {
	best, bestRank, from := "", 0, (*evidence.Evidence)(nil)
	for _, e := range in.items {
		text, rank := incidentClause(strings.TrimRight(e.Excerpt, "…. "), e.OccurredAt)
		if rank >= incidentHit && rank > bestRank {
			best, bestRank, from = text, rank, e
		}
	}
	return best, from
}

// incidentHit is the rank of a clause that says whom an incident hit.
const incidentHit = 2

// incidentClause is the clause of text, written at, that best says what an
// incident came to, and its rank: incidentHit for whom it hit, one more
// for how long, 1 for how long alone; "" and 0 when it says neither.
func incidentClause(text string, at time.Time) (string, int) {
	best, bestRank := "", 0
	for _, c := range resultClauses(withoutAddresses(evidence.OneLine(text))) {
		// "closing: 76 minutes of errors …" is what comes after the colon;
		// "Customer impact: 148 merchants" is whole.
		if before, after, ok := strings.Cut(c.text, ": "); ok && strings.ContainsAny(after, "0123456789") && !incidentHarm.MatchString(before) {
			c.text = after
		}
		if len(strings.Fields(c.text)) < 3 {
			continue
		}
		rank := 0
		// Whom it hit, said as harm: "all 4,312 payments credited status
		// updated" is the clean-up, not what was at stake.
		if incidentReach.MatchString(c.text) && incidentHarm.MatchString(c.text) {
			rank += incidentHit
		}
		if incidentLength.MatchString(c.text) {
			rank++
		}
		if rank > bestRank {
			best, bestRank = strings.TrimSpace(leadingConjunction.ReplaceAllString(c.text, "")), rank
		}
	}
	if best == "" {
		return "", 0
	}
	// "between 13:55 and 14:38" says nothing on a résumé read without the
	// day.
	best = strings.TrimSpace(clockRange.ReplaceAllString(best, ""))
	return evidence.LowerFirst(datedDays(shortenResult(best), at)), bestRank
}

var (
	// incidentReach is a number of the people or things an incident hit:
	// "~3,100 users", "1,800 card orders", "4,300 NEFT outward payments".
	incidentReach = regexp.MustCompile(`(?i)\d[\d,.]*\+?\s*k?\s+(?:[a-z-]+\s+){0,2}(?:users|customers|merchants|orders|payments|sessions|accounts|transactions|requests|calls|people|stores|shops|members|patients|drivers|riders|devices|bookings|tickets|clients|tenants|sites|messages|emails|jobs|shipments|deliveries)\b`)
	// incidentHarm says the people or things counted were hurt: "hit",
	// "failed", "affected", "errors for", "impact".
	incidentHarm = regexp.MustCompile(`(?i)\b(?:hit|failed|failing|affected|impacted|impact|errors?|delayed|stuck|pending|lost|down|dropped|could ?n[o']t|unable|missed|declined|timed out|crash(?:ed|es|ing)?)\b`)
	// clockRange is a span of the day by the clock: " between 13:55 and
	// 14:38", " from 11:00 to 14:00".
	clockRange = regexp.MustCompile(`(?i)\s*\(?\b(?:between|from)\s+\d{1,2}[:.h]\d{2}(?:\s*(?:utc|cet|ist|[ap]m))?\s+(?:and|to|-|–)\s+\d{1,2}[:.h]\d{2}(?:\s*(?:utc|cet|ist|[ap]m))?\)?`)
	// incidentLength is how long an incident lasted: "76 minutes", "~7h".
	incidentLength = regexp.MustCompile(`(?i)\b\d+(?:\.\d+)?\s*(?:minutes?|mins?|hours?|hrs?|h|days?)\b`)
)

// sayOther is the bullet of a user's own category.
func sayOther(r *report, groups []group) []clause {
	all := items(groups)
	c := r.claimsOf(groups)
	if issues := r.count(all, countsIssues); issues.Value > 0 {
		text, _ := counted(issues, "issue", "issues")
		c = join(c, said(" on "+text, issues), r.scope(all))
	}
	return []clause{c}
}

// bulletsJSON is `pmfolio bullets --format json`.
type bulletsJSON struct {
	Bullets []bulletJSON `json:"bullets"`
}

type bulletJSON struct {
	Text       string         `json:"text"`
	Categories []string       `json:"categories"`
	Numbers    []bulletNumber `json:"numbers"`
	// Result is where the result the bullet quotes is recorded; absent
	// when it quotes none.
	Result *bulletResult `json:"result,omitempty"`
	// Decision is where the decision the bullet quotes was written;
	// absent when it quotes none.
	Decision *bulletDecision `json:"decision,omitempty"`
}

// writeBulletsJSON writes the bullets with their numbers and evidence.
func writeBulletsJSON(w io.Writer, all []bullet) error {
	doc := bulletsJSON{Bullets: make([]bulletJSON, 0, len(all))}
	for _, b := range all {
		doc.Bullets = append(doc.Bullets, bulletJSON{Text: b.text, Categories: b.categories, Numbers: b.numbers, Result: b.result, Decision: b.decision})
	}
	return writeJSON(w, doc)
}
