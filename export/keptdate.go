package export

import (
	"bufio"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// liveDateGiven finds a go-live date a comment gives, by a word of going
// live and a day that says it is a day, with an ordinal or a month:
// "Go-live date of 22nd", "Deployment on Saturday 21st", "go-live on
// 24th", "release on 21 Sep"; not "release 4.13" nor "deployment in 2
// days".
var liveDateGiven = regexp.MustCompile(`(?i)\b(?:go-?live|deployment|release|launch|cut-?over)(?:\s+date)?\s+(?:is\s+|of\s+|on\s+|for\s+|set\s+for\s+)+(?:the\s+)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\s+)?(\d{1,2})(?:(st|nd|rd|th)\b(?:\s+of)?)?(?:\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)?`)

// liveDay is the day a go-live date given in text (liveDateGiven) is, as
// of when the text was written: "22nd" of 10 August is 22 August, "3rd"
// of 28 August is 3 September. ok is false when the text gives none.
func liveDay(text string, written time.Time) (words string, day time.Time, ok bool) {
	m := liveDateGiven.FindStringSubmatchIndex(text)
	if m == nil || m[4] < 0 && m[6] < 0 {
		return "", time.Time{}, false
	}
	n, _ := strconv.Atoi(text[m[2]:m[3]])
	month := ""
	if m[6] >= 0 {
		month = text[m[6]:m[7]]
	}
	if day, ok = dayOf(n, month, written); !ok {
		return "", time.Time{}, false
	}
	return strings.TrimSpace(text[m[0]:m[1]]), day, true
}

// dayOf is the day n of month (its name, or "" for the month text was
// written in, or the next one when n has passed) as of when the text
// that names it was written: "22nd" of 10 August is 22 August, "3rd" of
// 28 August is 3 September, "5 Jan" of August next January. ok is false
// for a day the month has not ("31st" of a month of 30 days).
func dayOf(n int, month string, written time.Time) (time.Time, bool) {
	written = written.UTC()
	year, m := written.Year(), written.Month()
	if month != "" {
		m = monthNamed(month)
		if m < written.Month() {
			year++
		}
	} else if n < written.Day() {
		m++
	}
	day := time.Date(year, m, n, 0, 0, 0, 0, time.UTC)
	return day, day.Day() == n
}

// monthNamed is the month a name of it starts with: "Aug", "august".
func monthNamed(name string) time.Month {
	return time.Month(strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(name[:3]))/3 + 1)
}

// nightAfter is how long after the end of a go-live day a note that it
// went live still reports that day's release: a night deployment is
// often reported past midnight.
const nightAfter = 12 * time.Hour

// keptDate says, of the user's comments on an issue (oldest first), that
// it went live on the day they had said, and since when they had said it:
// "went live on 22 August, as I had said on 10 August (“Go-live date of
// 22nd is still holding as of now”)", which holds whether the comment gave
// the date or held to one given before. A release
// delivered against a deadline reads by the date kept; a date given again
// ("Deployment on 22nd") is the date given first, and a date moved is
// not the date kept. It is "" when the comments show no date kept.
func keptDate(comments []evidence.Comment) string {
	var (
		given     evidence.Comment
		words     string
		day       time.Time
		haveGiven bool
	)
	for _, c := range comments {
		text := evidence.OneLine(c.Text)
		if w, d, ok := liveDay(text, c.At); ok {
			if !haveGiven || !d.Equal(day) {
				given, words, day, haveGiven = c, w, d, true
			}
			continue
		}
		at := c.At.UTC()
		if haveGiven && evidence.ReportsWentLive(text) && !at.Before(day) && at.Before(day.AddDate(0, 0, 1).Add(nightAfter)) {
			return "went live on " + day.Format("2 January") + ", as I had said on " +
				given.At.UTC().Format("2 January") + " (“" + givenSentence(evidence.OneLine(given.Text), words) + "”)"
		}
	}
	return ""
}

// givenSentence is the sentence of text that gives a date (words), without
// its closing stop. A sentence ends at a stop a space follows, as
// firstSentence reads it: "4.13" is one word.
func givenSentence(text, words string) string {
	at := strings.Index(text, words)
	from, to := 0, len(text)
	for _, end := range []string{". ", "! ", "? "} {
		if i := strings.LastIndex(text[:at], end); i >= 0 {
			from = max(from, i+len(end))
		}
		if i := strings.Index(text[at:], end); i >= 0 {
			to = min(to, at+i)
		}
	}
	return strings.TrimRight(strings.TrimSpace(text[from:to]), ".!?")
}

// monthWord is a month's name, short or long, its first three letters the
// group month.
const monthWord = `(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`

// rolloutStepGiven finds a step of a staged rollout a plan gives, a share
// of users and when: "5% on Aug 25", "25% on the 8th", "25% two weeks
// later" (than the step before), "100% end of September"; not "the 5%
// ramp" nor "25% of merchants".
var rolloutStepGiven = regexp.MustCompile(`(?i)\b(?P<share>\d{1,3})\s?%\s+(?:` +
	`(?:on|by)\s+(?:the\s+)?(?:` + strings.Replace(monthWord, "month", "monthFirst", 1) + `\s+(?P<dayAfter>\d{1,2})\b|(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:\s+(?:of\s+)?` + monthWord + `)?)|` +
	`(?P<count>a|one|two|three|four|\d)\s+(?P<unit>day|week)s?\s+(?:later|after)\b|` +
	`(?:by\s+)?(?:the\s+)?end\s+of\s+` + strings.Replace(monthWord, "month", "monthEnd", 1) + `)`)

// rolloutReached finds a note that a rollout is at a share of users, the
// share at the start of a clause: "at 5% of web traffic since this
// morning", "25% now", "100% on web", "ramped to 50%"; not "failure rate
// at 5%" nor "conversion up from 2.1% to 2.6%".
var rolloutReached = regexp.MustCompile(`(?i)(?:^|[.;:!?,]\s+)(?:(?:now|we're|we are|it's|it is)\s+)?(?:(?:at|reached|(?:ramped|rolled out|shipped|opened|moved)(?: it)? (?:up )?to)\s+)?(\d{1,3})\s?%`)

// replanned says a plan replaces one given before: "new plan: …", "3DS
// work slipped a week", "revised dates".
var replanned = regexp.MustCompile(`(?i)\b(?:new|revised|updated) (?:plan|dates?)\b|\bre-?plann?(?:ed|ing)?\b`)

// rolloutStep is one step of a staged rollout a plan gives: its share of
// users and the days it is due on, one day or, of "end of September", the
// last week of the month.
type rolloutStep struct {
	share    string // "25%"
	from, by time.Time
}

// rolloutSteps are the steps a comment plans, in order, when it plans two
// or more and each has a day; none otherwise. A step "two weeks later"
// is due two weeks after the step before it.
func rolloutSteps(c evidence.Comment) []rolloutStep {
	text := evidence.OneLine(c.Text)
	var steps []rolloutStep
	group := func(m []int, name string) string {
		i := rolloutStepGiven.SubexpIndex(name)
		if m[2*i] < 0 {
			return ""
		}
		return text[m[2*i]:m[2*i+1]]
	}
	for _, m := range rolloutStepGiven.FindAllStringSubmatchIndex(text, -1) {
		step := rolloutStep{share: group(m, "share") + "%"}
		switch {
		case group(m, "count") != "":
			if len(steps) == 0 {
				return nil // later than what?
			}
			step.from = steps[len(steps)-1].from.AddDate(0, 0, spanDays(group(m, "count"), group(m, "unit")))
			step.by = step.from
		case group(m, "monthEnd") != "":
			first, _ := dayOf(1, group(m, "monthEnd"), c.At)
			step.by = first.AddDate(0, 1, -1)
			step.from = step.by.AddDate(0, 0, -6)
		default:
			n, _ := strconv.Atoi(group(m, "day") + group(m, "dayAfter"))
			day, ok := dayOf(n, group(m, "month")+group(m, "monthFirst"), c.At)
			if !ok {
				return nil
			}
			step.from, step.by = day, day
		}
		if len(steps) > 0 && !step.from.After(steps[len(steps)-1].by) {
			return nil // steps out of order are no plan read right
		}
		steps = append(steps, step)
	}
	if len(steps) < 2 {
		return nil
	}
	return steps
}

// spanDays is how many days a span written as a count and a unit is:
// "two" "week" is 14, "a few" "day" 3, "3" "day" 3.
func spanDays(count, unit string) int {
	n, spelt := map[string]int{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "a couple of": 2, "a few": 3}[strings.ToLower(count)]
	if !spelt {
		n, _ = strconv.Atoi(count)
	}
	if strings.EqualFold(unit, "week") {
		n *= 7
	}
	return n
}

// rollout is a staged rollout the user planned with dated steps, each
// reached when planned.
type rollout struct {
	plan evidence.Comment
	// steps are the plan's, and reached the user's notes that each was
	// reached, one a step, in order.
	steps   []rolloutStep
	reached []evidence.Comment
}

// rolloutKept finds, of the user's comments on an initiative's issues
// (oldest first), the last staged rollout they planned with dated steps
// ("new plan: 5% on Aug 25, 25% two weeks later, 100% end of September")
// whose every step their notes report reached on its day ("at 5% of web
// traffic since this morning" on 25 August, "25% now" on 8 September,
// "100% on web" on 30 September): a deadline kept, step by step. A step
// first reported early or late is no date kept, and neither is a plan a
// later one replaced. ok is false when the comments show none.
func rolloutKept(comments []evidence.Comment) (rollout, bool) {
	for i := len(comments) - 1; i >= 0; i-- {
		steps := rolloutSteps(comments[i])
		if steps == nil {
			continue
		}
		kept := rollout{plan: comments[i], steps: steps}
		for _, step := range steps {
			c, ok := firstReached(comments[i+1:], step.share)
			if !ok || c.At.UTC().Before(step.from) || !c.At.UTC().Before(step.by.AddDate(0, 0, 1).Add(nightAfter)) {
				return rollout{}, false
			}
			kept.reached = append(kept.reached, c)
		}
		return kept, true
	}
	return rollout{}, false
}

// firstReached is the first of comments that reports a rollout at share,
// other than one that plans steps.
func firstReached(comments []evidence.Comment, share string) (evidence.Comment, bool) {
	for _, c := range comments {
		text := evidence.OneLine(c.Text)
		if rolloutStepGiven.MatchString(text) {
			continue
		}
		for _, m := range rolloutReached.FindAllStringSubmatch(text, -1) {
			if m[1]+"%" == share {
				return c, true
			}
		}
	}
	return evidence.Comment{}, false
}

// says is how a story's result tells a rollout kept: "it reached 100% on
// 30 September, as I had re-planned on 10 August (“new plan: 5% on Aug
// 25, …”), with 5% on 25 August and 25% on 8 September on the days
// planned". Where the result has said already where and when it ended
// (endTold: "Shipped to 100% on Sep 30"), it says only the rest, "that
// was as I had re-planned on 10 August, with …"; the plan is quoted only
// where no action quotes it (planQuoted).
func (k rollout) says(endTold, planQuoted bool) string {
	last := len(k.steps) - 1
	s := "it reached " + k.steps[last].share + " on " + k.reached[last].At.UTC().Format("2 January") + ", "
	if endTold {
		s = "that was "
	}
	var before []string
	for i, step := range k.steps[:last] {
		before = append(before, step.share+" on "+k.reached[i].At.UTC().Format("2 January"))
	}
	days := " on the days planned"
	if len(before) == 1 {
		days = " on the day planned"
	}
	return s + k.asPlanned(planQuoted) + ", with " + evidence.JoinAnd(before) + days
}

// asPlanned says when the user planned the rollout: "as I had re-planned
// on 10 August", with the plan's steps quoted unless an action quotes
// them (planQuoted): read twice in a few lines, they are a stutter.
func (k rollout) asPlanned(planQuoted bool) string {
	plan := evidence.OneLine(k.plan.Text)
	s := "as I had " + k.planVerb() + " on " + k.plan.At.UTC().Format("2 January")
	if !planQuoted {
		s += " (“" + givenSentence(plan, rolloutStepGiven.FindString(plan)) + "”)"
	}
	return s
}

// ownCommentsUnder is the user's own comments on an initiative's epics
// and the issues under it, oldest first, each once, in full where the
// portfolio has them: a rollout planned on the epic is reported reached
// on the issue that ramps it, in a comment that is often no evidence
// ("100% on web").
func (r *report) ownCommentsUnder(in initiative) []evidence.Comment {
	user := r.userOf(in.epic.SiteName)
	var comments []evidence.Comment
	seen := map[string]bool{}
	add := func(c evidence.Comment) {
		if !seen[c.ID] {
			seen[c.ID] = true
			comments = append(comments, c)
		}
	}
	for _, ep := range in.epics() {
		for _, c := range ep.Comments {
			if isUser(c.Author, user) {
				add(c)
			}
		}
	}
	for _, e := range in.items {
		if !in.isEpic(e.IssueKey) {
			for _, c := range r.commentsOn(e) {
				add(c)
			}
		}
	}
	for _, e := range in.items {
		if e.Source == evidence.SourceComment {
			add(evidence.Comment{ID: e.SourceID, At: e.OccurredAt, Text: e.Excerpt})
		}
	}
	slices.SortStableFunc(comments, func(a, b evidence.Comment) int { return a.At.Compare(b.At) })
	return comments
}

// rolloutOf is the staged rollout of an initiative that the user's notes
// show kept step by step, if any (see rolloutKept).
func (r *report) rolloutOf(in initiative) (rollout, bool) {
	return rolloutKept(r.ownCommentsUnder(in))
}

// rolloutPlannedIn is the staged rollout a proof's quote (the words
// quoted) plans, when the user's notes on its initiative show it kept
// step by step (rolloutOf). ok is false otherwise.
func (r *report) rolloutPlannedIn(e *evidence.Evidence, quoted string) (rollout, bool) {
	if e.Source != evidence.SourceComment || rolloutSteps(evidence.Comment{At: e.OccurredAt, Text: quoted}) == nil {
		return rollout{}, false
	}
	for _, in := range r.initiatives {
		if !slices.Contains(in.items, e) {
			continue
		}
		if k, ok := r.rolloutOf(in); ok && k.plan.ID == e.SourceID {
			return k, true
		}
	}
	return rollout{}, false
}

// planVerb is what the user did on the day of the rollout's plan:
// "planned", or "re-planned" where the plan replaced a date given up.
func (k rollout) planVerb() string {
	if plan := evidence.OneLine(k.plan.Text); replanned.MatchString(plan) || calledOff.MatchString(plan) {
		return "re-planned"
	}
	return "planned"
}

// reachedAsPlanned is how a proof that quotes a rollout's plan tells it
// kept, after its link: "reached 100% on 30 Sep, as planned", or, of a
// re-plan, "as re-planned on 10 Aug": beside a goal set for an earlier
// quarter, a bare "as planned" reads as the first date kept. The stories
// tell each step; the brief has room for the last.
func (k rollout) reachedAsPlanned() string {
	steps := rolloutSteps(k.plan)
	as := "as planned"
	if verb := k.planVerb(); verb != "planned" {
		as = "as " + verb + " on " + k.plan.At.UTC().Format("2 Jan")
	}
	return "reached " + steps[len(steps)-1].share + " on " + k.reached[len(k.reached)-1].At.UTC().Format("2 Jan") + ", " + as
}

// notesAmong are the items, of items, that are the rollout's plan and
// its notes of steps reached, one a comment (of a comment that is several
// items, its release planning), plan first, leaving out the comments
// picked already. It marks them quoted.
func (k rollout) notesAmong(items, picked []*evidence.Evidence, quoted *quoteSet) []*evidence.Evidence {
	var out []*evidence.Evidence
	for _, c := range append([]evidence.Comment{k.plan}, k.reached...) {
		taken := func(e *evidence.Evidence) bool {
			return e.Source == evidence.SourceComment && e.SourceID == c.ID
		}
		if slices.ContainsFunc(picked, taken) || slices.ContainsFunc(out, taken) {
			continue
		}
		var note *evidence.Evidence
		for _, e := range items {
			if taken(e) && (note == nil || e.Category == evidence.CatReleasePlanning) {
				note = e
			}
		}
		if note != nil {
			out = append(out, note)
			quoted.add(note.Excerpt)
		}
	}
	return out
}

// dueCue opens a date something is to be done by, in a clause: "by Nov
// 14", "before Friday", "New ETA 2 Feb", "New ETA for this 27 May", "this
// now lands on 10 Jul", "it goes live on the 20th" (liveOn); not a date
// something else merely happens on ("the new payment step goes live on
// Nov 3", "the store submission is on 21/07"), which committedBy leaves
// out.
var dueCue = regexp.MustCompile(`(?i)\b(?:by|before|eta(?: for (?:this|it))?|lands? on|landing on|due(?: on| by)?|` + liveOn + `)\s+`)

// liveOn is a day the work itself goes live on ("it goes live on the
// 20th"): a promise that it is done by then, though being done before it
// is no going live early.
const liveOn = `(?:goes|go|going) live on`

var liveOnCue = regexp.MustCompile(`(?i)` + liveOn)

// dueLabel is a due cue written as a label, the date after its colon:
// "New ETA for this: 27 May", "ETA: 2 Feb". The colon ends no clause
// there (see clauseBreak), so committedDate reads the label as the cue it
// is.
var dueLabel = regexp.MustCompile(`(?i)\b((?:eta|due)(?: for (?:this|it))?):\s+`)

// committedBy opens a clause in which the user commits to a date: they or
// their team ("we'll", "I will"), with the subject left out as it was
// given before ("should be off v1 by Nov 14"), the work itself ("this now
// lands on", "it should be done by", "ETA 2 Feb", "CHK-1419 lands on");
// not someone else's work ("the new payment step", "RCA will be shared").
var committedBy = regexp.MustCompile(`(?i)^(?:i|we|i['’](?:ll|m|ve|d)|we['’](?:ll|re|ve|d)|should|will|shall|this|it|it['’]s|(?:new |revised |updated )?eta)\b|^` + issueKeyMention.String())

// notCommitted marks a clause whose date is no promise of the user's: a
// request ("we'd need this on staging by 03/07", "kindly ensure all
// stories are merged by 30th", "ideally before Monday"), a condition ("100%
// end of September if failures stay flat") or a question.
var notCommitted = regexp.MustCompile(`(?i)\b(?:needs?|needed|please|kindly|could|can you|would you|ensure|make sure|ideally|if|unless)\b|\?`)

// workOfItself opens a clause whose subject is the issue the quote is on:
// "this now lands on 10 Jul", "New ETA 2 Feb" (a date moved is the
// issue's own), "ETA for this 1 Apr"; not a bare "ETA 1 Apr", which in a
// progress note ("Next, the conversion report per merchant. ETA 1 Apr.")
// is the date of the work named before it.
var workOfItself = regexp.MustCompile(`(?i)^(?:this|it|it['’]s|(?:new|revised|updated) eta|eta for (?:this|it))\b`)

// tracksWork names the issue that tracks the work a quote gives a date for:
// "CHK-1419 tracks it", "tracked in PAY-12".
// The keys are issueKeyMention's, so a redacted quote reads the same.
var tracksWork = regexp.MustCompile(`(` + issueKeyMention.String() + `) (?:tracks|is tracking|covers) (?:it|this|that|the (?:move|work|change))\b|(?i:\btracked (?:in|by|under|as)) (` + issueKeyMention.String() + `)`)

// clauseBreak ends a clause within a sentence.
var clauseBreak = regexp.MustCompile(`[,;:]\s+|\s+[-–—]\s+`)

// commitment is a date a quote of the user's commits to for work it
// names, and the issue that work is.
type commitment struct {
	due   time.Time // the day
	words string    // the day as the text gives it: "the 9th", "Nov 14"
	key   string
	on    bool // the day it goes live (liveOn), not one it is done by
	// sentence and at are where the clause that commits starts: the
	// sentence, of sentencesOf, and where in it.
	sentence, at int
}

// committedDate finds, in text the user wrote at written on issue key,
// the first clause that commits to a date (committedBy, dueCue, and none
// of notCommitted nor evidence.EstimateBy) for work the text names: the
// issue that tracksWork, else one the clause opens with, else, when the
// clause's subject is the issue itself (workOfItself), key. A date in
// figures that reads as two days, day first or month first, is no date
// read. ok is false when the text commits to none.
func committedDate(text string, written time.Time, key string) (commitment, bool) {
	text = dueLabel.ReplaceAllString(evidence.OneLine(text), "$1 ")
	tracked := map[string]bool{}
	for _, m := range tracksWork.FindAllStringSubmatch(text, -1) {
		tracked[m[1]+m[2]] = true
	}
	if len(tracked) > 1 {
		return commitment{}, false // which of them the date is for, the text does not say
	}
	for i, sentence := range sentencesOf(text) {
		from := 0
		for _, clause := range clauseBreak.Split(sentence, -1) {
			at := from + strings.Index(sentence[from:], clause)
			from = at + len(clause)
			cue := dueCue.FindStringIndex(clause)
			if cue == nil || !committedBy.MatchString(clause) || notCommitted.MatchString(clause) || evidence.EstimateBy.MatchString(clause) {
				continue
			}
			// The date is the one the cue opens, read as due by it
			// whatever the cue's words: GivenDate knows "ETA 2 Feb", not
			// "ETA for this 27 May".
			when := "by " + clause[cue[1]:]
			words, due, ok := evidence.GivenDate(when, written, false)
			if _, other, _ := evidence.GivenDate(when, written, true); !ok || !other.Equal(due) || !strings.HasPrefix(when, words) {
				continue
			}
			c := commitment{due: time.Date(due.Year(), due.Month(), due.Day(), 0, 0, 0, 0, time.UTC), words: strings.TrimPrefix(words, "by "),
				on: liveOnCue.MatchString(clause[cue[0]:cue[1]]), sentence: i, at: at}
			for k := range tracked {
				c.key = k
			}
			opening := issueKeyMention.FindStringIndex(clause)
			switch {
			case c.key != "":
			case opening != nil && opening[0] == 0:
				c.key = clause[:opening[1]]
			case workOfItself.MatchString(clause):
				c.key = key
			default:
				return commitment{}, false
			}
			if c.due.Before(written.UTC().Truncate(24 * time.Hour)) {
				return commitment{}, false
			}
			return c, true
		}
	}
	return commitment{}, false
}

// promiseDone is a date the user committed to, in a quote, for work that
// was done after the quote, by the date or after it.
type promiseDone struct {
	done evidence.DoneIssue
	// named says the quote names the work by its key, as the note then
	// does: it is not the issue the quote is on.
	named bool
	early int    // days before the date committed to; negative, after it
	on    bool   // the date was one to go live on: done before it is not early
	words string // the date as the quote gives it: "the 20th"
}

// promiseIn is the date words of a proof commit to (committedDate) and,
// when the work they name was done after them, how it was resolved (a
// zero DoneIssue when it was not). ok is false when the words commit to
// no date of the user's.
func (v *view) promiseIn(e *evidence.Evidence, words string) (c commitment, done evidence.DoneIssue, ok bool) {
	if !inOwnWords(e) || e.IssueKey == "" {
		return commitment{}, evidence.DoneIssue{}, false
	}
	if c, ok = committedDate(words, e.OccurredAt, e.IssueKey); !ok {
		return commitment{}, evidence.DoneIssue{}, false
	}
	if done, isDone := v.doneIssues[issueRef{e.SiteName, c.key}]; isDone && !done.Resolved.Before(e.OccurredAt) {
		return c, done, true
	}
	return c, evidence.DoneIssue{}, true
}

// dayResolved is the day, in UTC, an issue was resolved on.
func dayResolved(done evidence.DoneIssue) time.Time {
	resolved := done.Resolved.UTC()
	return time.Date(resolved.Year(), resolved.Month(), resolved.Day(), 0, 0, 0, 0, time.UTC)
}

// promiseKeptIn is the date a proof's quote, as quoted, committed to
// (committedDate) for work that was resolved as done, after the quote and
// on or before that day. ok is false otherwise: late, dropped, not done,
// no date the user committed to in the words quoted, or a date a slip
// notice gave for work then done by the date it replaced (slipIn: "so
// this moves out by a week. New ETA 19 Jan." of work done 12 Jan reads as
// a padded date, not as one kept seven days early).
func (v *view) promiseKeptIn(e *evidence.Evidence, quoted string) (promiseDone, bool) {
	done, ok := v.promiseDoneIn(e, quoted)
	if !ok || done.early < 0 {
		return promiseDone{}, false
	}
	if slip, isSlip := slipIn(quoted); isSlip && done.early >= slip {
		return promiseDone{}, false
	}
	return done, true
}

// promiseDoneIn is the date a proof's quote, as quoted, committed to
// (committedDate) for work that was resolved as done after the quote,
// kept or missed. ok is false when the work is not done, or the words
// quoted commit to no date of the user's.
func (v *view) promiseDoneIn(e *evidence.Evidence, quoted string) (promiseDone, bool) {
	c, done, ok := v.promiseIn(e, quoted)
	if !ok || done.Key == "" {
		return promiseDone{}, false
	}
	early := int(c.due.Sub(dayResolved(done)).Hours() / 24)
	return promiseDone{done: done, named: c.key != e.IssueKey, early: early, on: c.on, words: c.words}, true
}

// promiseToldIn is the date a proof's quote, as quoted, committed to and
// when the work was done, for the note after it (writePromiseKept): a
// date kept (promiseKeptIn), or one missed that the quote keeps
// (quotable keeps the date an ask was answered with) and the work was
// done after. ok is false when there is nothing to tell.
func (v *view) promiseToldIn(e *evidence.Evidence, quoted string) (promiseDone, bool) {
	if kept, ok := v.promiseKeptIn(e, quoted); ok {
		return kept, true
	}
	if done, ok := v.promiseDoneIn(e, quoted); ok && done.early < 0 {
		return done, true
	}
	return promiseDone{}, false
}

// slipIn says a quote moves a date out (slipped, replanned) and how many
// days the work may be done before the new date and still not have
// landed by the date it replaced: the days the quote says it moved
// ("moves out by a week", 7; "a few days", 3), at most keptEarlyDays, the
// most a note counts, which is also the days of a slip whose size the
// quote does not say. "Moves out by a week. New ETA 19 Jan" of work done
// 12 Jan was done on the date first given: the slip was padding, not a
// date kept.
func slipIn(quoted string) (days int, ok bool) {
	if !slipped.MatchString(quoted) && !replanned.MatchString(quoted) {
		return 0, false
	}
	for _, size := range []*regexp.Regexp{slippedBy, laterBy} {
		if m := size.FindStringSubmatch(quoted); m != nil {
			return min(spanDays(m[1], m[2]), keptEarlyDays), true
		}
	}
	return keptEarlyDays, true
}

// slipped says a quote announces a date moved out: "this moves out by a
// week", "this slipped a few days", "a week later than planned", "New
// ETA 2 Feb", "I'd rather move the date than rush it".
var slipped = regexp.MustCompile(`(?i)\bmov(?:es|ed|ing) out\b|\bmov(?:e|es|ed|ing) the date\b|\bslip(?:s|ped|ping)?\b|\blater than planned\b|\b(?:new|revised|updated) eta\b|\bpushed (?:out|back)\b`)

// slipSpan is how long a slip is: "a week", "a few days", "2 weeks".
const slipSpan = `(a few|a couple of|a|one|two|three|four|\d{1,2})\s+(day|week)s?\b`

var (
	// slippedBy is a slip of a size: "moves out by a week", "slipped a
	// few days", "pushed back 2 weeks".
	slippedBy = regexp.MustCompile(`(?i)\b(?:mov(?:es|ed|ing) out|slip(?:s|ped|ping)?|pushed (?:out|back))\s+(?:by\s+)?` + slipSpan)
	// laterBy is a date moved by a size: "a week later than planned".
	laterBy = regexp.MustCompile(`(?i)\b` + slipSpan + `\s+later than planned\b`)
)

// promiseMissedIn says an item's words commit to a date (committedDate)
// that the work then missed: it was resolved after that day or, of the
// issue the item is on, is still not done past it. A brief that shows
// "New ETA for this: 27 May" as its proof of keeping stakeholders
// informed, of work resolved on 20 Aug, invites the hardest question it
// could.
//
// Of words that put the issue off to a time ("Nadia, happy to look at it
// in August"), the promise is missed when that time passed with the issue
// not done and nothing of the user's on it in it (deferralMissedIn), and
// the quote cannot be cut to the call before it (quotable).
func (v *view) promiseMissedIn(e *evidence.Evidence) bool {
	if _, _, committed := v.promiseIn(e, e.Excerpt); committed {
		_, missed := v.commitmentMissedIn(e)
		return missed
	}
	_, missed := v.deferralMissedIn(e)
	missed = missed || len(v.updatesMissedIn(e, sentencesOf(evidence.OneLine(e.Excerpt)))) > 0
	_, cut := v.quotable(e)
	return missed && !cut
}

// commitmentMissedIn is the date an item's words commit to
// (committedDate), when the work missed it: it was resolved after that
// day or, of the issue the item is on, is still not done past it. ok is
// false when the words commit to none or it was kept or is not due yet.
func (v *view) commitmentMissedIn(e *evidence.Evidence) (commitment, bool) {
	c, done, ok := v.promiseIn(e, e.Excerpt)
	switch {
	case !ok:
		return commitment{}, false
	case done.Key != "":
		return c, dayResolved(done).After(c.due)
	default:
		return c, c.key == e.IssueKey && e.IssueStatusCategory != evidence.StatusCategoryEnd && v.generatedAt.After(c.due.AddDate(0, 0, 1))
	}
}

// deferral is where a quote of the user's puts its issue, or other work
// to make room for it, off to a time (putOffIn): the sentence (of sentencesOf), where in it the
// deferral's words start, and the first day of the time where the words
// name a period (evidence.DeferredFrom; zero where not) and its last day.
type deferral struct {
	sentence, at int
	first, last  time.Time
}

// deferralIn is the first deferral in the user's words (deferral): "Nadia,
// happy to look at it in August" of 27 May is to 31 August, "We agreed to
// revisit next quarter" of 12 February to 30 June, "the carousel can wait
// a sprint" of 12 August to 9 September. A deferral to an event
// ("we revisit after launch", "revisit once the SDK lands") has a quarter
// from the words: a look not taken by then was not what the words meant.
// A deferral on a condition ("happy to look at it in Q3 if Growth still
// wants it") or asked is none, as in committedDate, and so is a date in
// figures that reads as two days. ok is false when the words put nothing
// off.
func deferralIn(sentences []string, written time.Time) (deferral, bool) {
	for i, sentence := range sentences {
		at := putOffIn(sentence)
		if at == nil || notCommitted.MatchString(sentence[at[0]:]) {
			continue
		}
		when := sentence[at[1]:]
		if afterEvent.MatchString(when) {
			return deferral{sentence: i, at: at[0], last: dayOnly(written.AddDate(0, 3, 0))}, true
		}
		words, by, ok := evidence.DeferredTo(when, written, false)
		if _, other, _ := evidence.DeferredTo(when, written, true); ok && other.Equal(by) {
			d := deferral{sentence: i, at: at[0], last: dayOnly(by)}
			if first, named := evidence.DeferredFrom(words, by); named {
				d.first = dayOnly(first)
			}
			return d, true
		}
	}
	return deferral{}, false
}

// putOffIn is where in a sentence words put something off start and
// end: the issue's own deferral (evidence.DeferWords) or other work's
// wait (evidence.WaitWords), whose clause it starts: "the carousel can
// wait a sprint" goes whole, the work waiting with its wait. nil where
// the sentence puts nothing off.
func putOffIn(sentence string) []int {
	if at := evidence.DeferWords.FindStringIndex(sentence); at != nil {
		return at
	}
	at := evidence.WaitWords.FindStringIndex(sentence)
	if at == nil {
		return nil
	}
	opens := 0
	if breaks := clauseBreak.FindAllStringIndex(sentence[:at[0]], -1); len(breaks) > 0 {
		opens = breaks[len(breaks)-1][1]
	}
	return []int{opens, at[1]}
}

// putsOff says words put something off (putOffIn).
func putsOff(text string) bool {
	return evidence.DeferWords.MatchString(text) || evidence.WaitWords.MatchString(text)
}

// afterEvent opens the event a deferral waits for: "after launch", "when
// the SDK lands", "once 5.3 is out".
var afterEvent = regexp.MustCompile(`(?i)^\s*(?:after|when|once)\s+\S`)

// dayOnly is the day, in UTC, of a time.
func dayOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// deferralMissedIn says an item's words put its issue off to a time
// (deferralIn) that has passed with the issue not done in it and
// nothing of the user's on it, from the day after the words to the end
// of that time: "did you look at it in August?" has the answer no. Done
// is its work done (doneIssues): "revisit in Q3" of an issue closed as
// Won't Do was never revisited. What happened by the end of the day after
// the words (the rank change that moved it to the backlog, the closing
// that dropped it, the story done without what it descoped) is the
// deferral, not the look promised. ok is false when the deferral was
// kept or is not due yet.
func (v *view) deferralMissedIn(e *evidence.Evidence) (deferral, bool) {
	if !inOwnWords(e) || e.IssueKey == "" || !putsOff(e.Excerpt) {
		return deferral{}, false
	}
	if _, other := v.deferredWorkOf(e); other {
		return deferral{}, false // another issue's wait: deferredWorkTold tells it
	}
	d, ok := deferralIn(sentencesOf(evidence.OneLine(e.Excerpt)), e.OccurredAt)
	end := d.last.AddDate(0, 0, 1)
	if !ok || !v.generatedAt.After(end) {
		return deferral{}, false
	}
	from := dayOnly(e.OccurredAt.UTC()).AddDate(0, 0, 2)
	if d.first.After(from) {
		// "revisit next quarter" of an issue resolved before the quarter
		// began: the resolution is not the revisit.
		from = d.first
	}
	inTime := func(at time.Time) bool { return !at.Before(from) && at.Before(end) }
	if done, isDone := v.doneIssues[issueRef{e.SiteName, e.IssueKey}]; isDone && inTime(done.Resolved) {
		return deferral{}, false
	}
	return d, !slices.ContainsFunc(v.items, func(o *evidence.Evidence) bool {
		return o.SiteName == e.SiteName && o.IssueKey == e.IssueKey && inTime(o.OccurredAt)
	})
}

// nextUpdate is a promise of the user's next word on an issue: "I'll post
// again on Monday", "I'll write here again at 17h", "will update here
// tomorrow", "I'll keep you posted here". When it is due is in the words
// after it (updateDue); "I'll write the spec tomorrow" promises no update.
var nextUpdate = regexp.MustCompile(`(?i)\b(?:(?:i|we)(?:['’]ll| will)|will)\s+(?:(?:post|write|update|report back)((?:\s+(?:here|on this|again))*)|keep (?:you|everyone|you all|all of you) (?:posted|updated)(?:\s+here)?)\b`)

// updateWhen is when a promised update is due, in the words after it:
// "on Monday", "at 17h", "at 5pm", "by 17:30", "tomorrow".
var updateWhen = regexp.MustCompile(`(?i)^\s*(?:(?:on|by|for|this|next)\s+)?(?:(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(?:at|by|around|before)\s+(\d{1,2})(?:(?::|h)(\d{2}))?\s*(h\b|am\b|pm\b)?|(tomorrow)\b)`)

// taskPromised is a promise of the user's to do a task for others by a
// day, in the words after it (group 1 opens them, updateWhen reads
// them): "I'll schedule the review for Tuesday", "we'll send the notes on
// Friday". Like an update promised, it was kept where the user wrote on
// the issue by then; nothing else in Jira shows a review booked.
var taskPromised = regexp.MustCompile(`(?i)\b(?:i|we)(?:['’]ll| will)\s+(?:schedule|book|set up|send|share|circulate)\b[^.;!?]*?(\s+(?:on|by|for)\s)`)

// promisedUpdate is where, in the sentences of a quote, a promise of the next
// update starts (nextUpdate), and by when it is due: the zero time for
// a promise that names no time ("I'll keep you posted here").
type promisedUpdate struct {
	sentence, at int
	due          time.Time
}

// updateDue is when words after a promise of an update (updateWhen) say it
// is due, as of when the promise was written, in its time zone as stored:
// "on Monday" is by the end of the first Monday after the day written,
// "at 17h" or "at 5pm" that hour the same day, "tomorrow" by the end of the
// next day. ok is false when the words name no time, or an hour already
// past when written.
func updateDue(when string, written time.Time) (time.Time, bool) {
	m := updateWhen.FindStringSubmatch(when)
	if m == nil {
		return time.Time{}, false
	}
	endOf := func(days int) time.Time {
		return time.Date(written.Year(), written.Month(), written.Day()+days, 23, 59, 59, 0, written.Location())
	}
	switch {
	case m[1] != "":
		want := slices.Index([]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}, strings.ToLower(m[1]))
		return endOf((want-int(written.Weekday())+6)%7 + 1), true
	case m[5] != "":
		return endOf(1), true
	case m[3] == "" && m[4] == "":
		return time.Time{}, false // "at 5" is no hour said
	}
	hour, _ := strconv.Atoi(m[2])
	minute, _ := strconv.Atoi(m[3])
	if strings.EqualFold(m[4], "pm") && hour < 12 {
		hour += 12
	}
	due := time.Date(written.Year(), written.Month(), written.Day(), hour, minute, 0, 0, written.Location())
	return due, hour < 24 && due.After(written)
}

// updatesIn are the promises of the next update in a quote's sentences
// (nextUpdate): with the time they are due where the words name one, or
// none for "keep you posted" and "I'll post here again"; an update
// promised for a time the words give in a way not read is none. A task
// promised for a day (taskPromised) is one too; one for no day is not.
func updatesIn(sentences []string, written time.Time) []promisedUpdate {
	var out []promisedUpdate
	for i, sentence := range sentences {
		for _, m := range nextUpdate.FindAllStringSubmatchIndex(sentence, -1) {
			due, timed := updateDue(sentence[m[1]:], written)
			untimed := m[2] < 0 || strings.TrimSpace(sentence[m[2]:m[3]]) != ""
			if timed || untimed && !updateWhen.MatchString(sentence[m[1]:]) {
				out = append(out, promisedUpdate{sentence: i, at: m[0], due: due})
			}
		}
		for _, m := range taskPromised.FindAllStringSubmatchIndex(sentence, -1) {
			if due, timed := updateDue(sentence[m[2]:], written); timed {
				out = append(out, promisedUpdate{sentence: i, at: m[0], due: due})
			}
		}
	}
	return out
}

// updatesMissedIn are the promises of the next update in an item's words
// (updatesIn) the user did not keep: nothing more of theirs on the issue
// after the words and by the time due. A promise that names no time is
// missed only where nothing more of theirs came on an issue still not
// done. "Lena is on it; I'll post again on Monday" of a Tuesday, the next
// word on the issue 13 days on, invites "and did you?".
func (v *view) updatesMissedIn(e *evidence.Evidence, sentences []string) []promisedUpdate {
	var out []promisedUpdate
	for _, u := range updatesIn(sentences, e.OccurredAt) {
		until := u.due
		if until.IsZero() {
			if e.IssueStatusCategory == evidence.StatusCategoryEnd {
				continue
			}
			until = v.generatedAt
		}
		if v.generatedAt.After(until) && !v.wroteOnSince(e, until) {
			out = append(out, u)
		}
	}
	return out
}

// wroteOnSince reports whether the user wrote on an item's issue after the
// item and by until, in a comment that is evidence or one of their own
// comments the portfolio carries.
func (v *view) wroteOnSince(e *evidence.Evidence, until time.Time) bool {
	inTime := func(at time.Time) bool { return at.After(e.OccurredAt) && !at.After(until) }
	if slices.ContainsFunc(v.items, func(o *evidence.Evidence) bool {
		return o.SiteName == e.SiteName && o.IssueKey == e.IssueKey && o.Source == evidence.SourceComment && inTime(o.OccurredAt)
	}) {
		return true
	}
	return slices.ContainsFunc(v.ownComments[issueRef{e.SiteName, e.IssueKey}], func(c evidence.Comment) bool { return inTime(c.At) })
}

// estimateMissedIn is where, in the sentences of an item's words, someone's
// estimate of a date for its issue (evidence.EstimateBy: "Jun thinks late
// Q3") is, when that date passed with the issue not done by it: the
// sentence and where in it the estimate starts.
func (v *view) estimateMissedIn(e *evidence.Evidence, sentences []string) (sentence, at int, ok bool) {
	for i, s := range sentences {
		m := evidence.EstimateBy.FindStringIndex(s)
		if m == nil {
			continue
		}
		_, by, ok := evidence.GivenDate(s[m[1]:], e.OccurredAt, false)
		if _, other, _ := evidence.GivenDate(s[m[1]:], e.OccurredAt, true); !ok || !other.Equal(by) || !v.generatedAt.After(dayOnly(by).AddDate(0, 0, 1)) {
			continue
		}
		if done, isDone := v.doneIssues[issueRef{e.SiteName, e.IssueKey}]; isDone && !dayResolved(done).After(dayOnly(by)) {
			continue
		}
		return i, m[0], true
	}
	return 0, 0, false
}

// quotable is an item's excerpt as a proof quotes it. Of a promise the
// work did not keep, a deferral missed (deferralMissedIn), an estimate
// passed (estimateMissedIn) or a next update not posted
// (updatesMissedIn), made after the call in a clause or a sentence of its
// own, it is the words without it, each gap marked, and cut is true: "ok
// let's ship without dark mode, we revisit after launch. the crashes are
// what's hurting us" of an issue closed as Won't Do a minute later is "ok
// let's ship without dark mode … the crashes are what's hurting us", the
// call and its grounds. A put-off, a date or an estimate in a sentence of
// its own ends the quote, as what follows it goes on about the promise
// ("…so Amex stays out of v1. Jun thinks late Q3. I've linked the PAY
// ticket"); an update promised in a sentence of its own goes alone ("Lena
// is on it; I'll post again on Monday." is "Lena is on it …", the rest of
// the update stays). A promise in the call's own
// clause ("we'll drop the CSV export for now and revisit in Q3"), or one
// the words open with, cannot be left out: the call is the put-off. A
// date missed that answers an ask stays (answersAsk). A write-up
// promised and never filed (writeUpMissedIn) ends the quote.
func (v *view) quotable(e *evidence.Evidence) (text string, cut bool) {
	return v.withoutPromises(e, v.writeUpMissedIn)
}

// withoutPromises is quotable with writeUp saying where, in the sentences
// of an item's words, a promise of a write-up it leaves out starts.
func (v *view) withoutPromises(e *evidence.Evidence, writeUp func(*evidence.Evidence, []string) (sentence, at int, ok bool)) (text string, cut bool) {
	c, committedMissed := v.commitmentMissedIn(e)
	committedMissed = committedMissed && !v.answersAsk(e, c)
	promises := putsOff(e.Excerpt) || evidence.EstimateBy.MatchString(e.Excerpt) || nextUpdate.MatchString(e.Excerpt) ||
		taskPromised.MatchString(e.Excerpt) || writeUpPromised.MatchString(e.Excerpt) || committedMissed
	if !inOwnWords(e) || e.IssueKey == "" || !promises {
		return e.Excerpt, false
	}
	sentences := sentencesOf(evidence.OneLine(e.Excerpt))
	missed := make(map[int]int) // sentence → where in it the first promise missed starts
	ends := make(map[int]bool)  // sentences whose promise missed ends the quote
	mark := func(sentence, at int, endsQuote bool) {
		if was, ok := missed[sentence]; sentence < len(sentences) && (!ok || at < was) {
			missed[sentence] = at
		}
		ends[sentence] = ends[sentence] || endsQuote
	}
	if i, at, ok := v.estimateMissedIn(e, sentences); ok {
		mark(i, at, true)
	}
	if d, ok := v.deferralMissedIn(e); ok {
		mark(d.sentence, d.at, true)
	}
	if committedMissed {
		mark(c.sentence, c.at, true)
	}
	if i, at, ok := writeUp(e, sentences); ok {
		mark(i, at, true)
	}
	for _, u := range v.updatesMissedIn(e, sentences) {
		mark(u.sentence, u.at, false)
	}
	var kept []string
	for i, sentence := range sentences {
		at, ok := missed[i]
		if !ok {
			kept = append(kept, sentence)
			continue
		}
		head, cuttable := beforePromise(sentence, at)
		if !cuttable || head == "" && len(kept) == 0 {
			return e.Excerpt, false
		}
		if head != "" {
			kept = append(kept, head)
		}
		// The gap is marked even where the promise ends the words ("…so
		// moving this to the backlog …"): the reader who opens the comment
		// finds more, and a quote must not read as whole.
		if last := len(kept) - 1; !strings.HasSuffix(kept[last], evidence.SentencesLeftOut) {
			kept[last] += evidence.SentencesLeftOut
		}
		if head == "" && ends[i] {
			break
		}
	}
	if len(missed) == 0 {
		return e.Excerpt, false
	}
	return strings.Join(kept, " "), true
}

// answersAsk says a date an item's words committed to (c) is the answer
// to an ask they report before it, in its sentence, of work done after
// it: "Priya from support asked where this is: it goes live on the 9th",
// done 10 March. Cut, the quote would say only that someone asked; it
// keeps the date, and the note after it says when the work was done
// (writePromiseKept: "— done 10 Mar, a day after the 9th").
func (v *view) answersAsk(e *evidence.Evidence, c commitment) bool {
	sentences := sentencesOf(evidence.OneLine(e.Excerpt))
	if c.sentence >= len(sentences) {
		return false
	}
	head, ok := beforePromise(sentences[c.sentence], c.at)
	_, done, _ := v.promiseIn(e, e.Excerpt)
	return ok && done.Key != "" && askReported.MatchString(head)
}

// askReported ends words that report someone asked when or where the
// work is: "Priya from support asked where this is", "Daniel wants to
// know when".
var askReported = regexp.MustCompile(`(?i)\b(?:ask(?:ed|s|ing)|wants? to know|wanted to know|wonder(?:ed|s|ing))\s+(?:\w+\s+)?(?:where|when|whether|if|how|about|for)\b[^,;:]*$`)

// beforePromise is what a sentence says before a promise in it that
// starts at at: "" where the promise opens the sentence, the clauses
// before it where it opens a clause of its own ("…so moving this to the
// backlog - Nadia, happy to look at it in August" is "…so moving this to
// the backlog"). ok is false where the promise is in the clause of the
// call itself.
func beforePromise(sentence string, at int) (head string, ok bool) {
	breaks := clauseBreak.FindAllStringIndex(sentence[:at], -1)
	if n := len(breaks); n > 0 && strings.TrimSpace(sentence[breaks[n-1][1]:at]) == "" {
		// "Nadia, happy to look at it in August" is said to her: her
		// name goes with the promise.
		from := 0
		if n > 1 {
			from = breaks[n-2][1]
		}
		if addressee(sentence[from:breaks[n-1][0]]) {
			breaks, at = breaks[:n-1], from
		}
	}
	opens := 0
	if len(breaks) > 0 {
		opens = breaks[len(breaks)-1][1]
	}
	switch {
	case strings.TrimSpace(sentence[opens:at]) != "":
		return "", false
	case opens > 0:
		return sentence[:breaks[len(breaks)-1][0]], true
	}
	return "", true
}

// keptEarlyDays is the most days early a note counts: work done weeks
// before the date given says the date was not what held it, and "28
// days early" of a date just moved reads as a padded one.
const keptEarlyDays = 7

// writePromiseKept writes, after a proof's link, whether the date its
// quote (the words quoted) committed to was kept: " — done 12 Nov
// (CHK-1419), two days early", " — done 10 Mar, a day after the 9th". A
// hiring manager's first question of a quoted date is whether it held,
// and Jira records the answer. Of a call that put other work off, it
// tells instead what became of that work (deferredWorkTold); of a time the
// quote cut, whether the work put off to it was done (deferralUnkept). One
// note at most, so that a line carries one clause after its quote: after
// an answer (afterAnswer) joined to it, "; it was done 12 Nov". It reports
// whether it wrote anything.
func writePromiseKept(w *bufio.Writer, v *view, e *evidence.Evidence, quoted string, afterAnswer bool) bool {
	if on, told, ok := v.deferredWorkTold(e); ok {
		w.WriteString(leadFor(afterAnswer, " — ", "; "))
		writeIssueLink(w, on.Key, on.URL)
		writeEscaped(w, told)
		return true
	}
	kept, ok := v.promiseToldIn(e, quoted)
	if !ok {
		told := v.deferralUnkept(e, quoted)
		if told == "" {
			return false
		}
		w.WriteString(leadFor(afterAnswer, " — ", "; "))
		writeEscaped(w, told)
		return true
	}
	w.WriteString(leadFor(afterAnswer, " — ", "; it was ") + "done " + kept.done.Resolved.UTC().Format("2 Jan"))
	if kept.named {
		w.WriteString(" (")
		writeIssueLink(w, kept.done.Key, kept.done.URL)
		w.WriteString(")")
	}
	w.WriteString(kept.againstDate())
	return true
}

// againstDate says when the work was done against the date committed
// to: ", on the day", ", two days early", of a day to go live on (work
// done before it does not go live early) ", a week before the 20th", of a
// date missed ", a day after the 9th"; "" when the work was done too
// many days before a date it was due by to count (keptEarlyDays).
func (k promiseDone) againstDate() string {
	switch {
	case k.early == 0:
		return ", on the day"
	case k.early < 0:
		return ", " + daysSpan(-k.early) + " after " + k.words
	case k.on:
		return ", " + daysSpan(k.early) + " before " + k.words
	case k.early <= keptEarlyDays:
		return ", " + daysSpan(k.early) + " early"
	}
	return ""
}

// daysSpan is a number of days as prose says it: "a day", "two days", "a
// week", "two weeks", "12 days".
func daysSpan(days int) string {
	switch {
	case days == 1:
		return "a day"
	case days == 7:
		return "a week"
	case days%7 == 0:
		return numberWord(days/7) + " weeks"
	}
	return numberWord(days) + " days"
}

// promiseKeptSaid is, as plain text, what writePromiseKept writes after a
// story's action: "done 13 Apr, a week before the 20th", "done 12 Nov
// (CHK-1419), two days early"; "" when the words quoted give no date done.
func (v *view) promiseKeptSaid(e *evidence.Evidence, quoted string) string {
	kept, ok := v.promiseToldIn(e, quoted)
	if !ok {
		return ""
	}
	said := "done " + kept.done.Resolved.UTC().Format("2 Jan")
	if kept.named {
		said += " (" + kept.done.Key + ")"
	}
	return said + kept.againstDate()
}

// askKept ranks an item 1 when it is a link the user made to another
// team's issue whose ask behind it (askBehind) gave that team a date
// their issue was done by (askMet): "to make 5.2 (store submission 21/07)
// we'd need this on staging by 03/07", and PLAT-1531 done on 2 July. A
// date the user asked for and got is a deadline delivered against, even
// where the initiative's own goal date passed unmet.
func (r *report) askKept() storyFocus {
	dayFirst := r.writesDayFirst()
	return func(e *evidence.Evidence) int {
		if inOwnWords(e) {
			return 0
		}
		if ask := r.askBehind(e); ask != nil {
			if _, met := r.askMet(ask, dayFirst); met {
				return 1
			}
		}
		return 0
	}
}

// askMet says, of an ask of the user's on another team's issue, that the
// issue was done, after the ask, by the date the ask gave: "PLAT-1531 was
// done on 2 July, a day before the 03/07 I asked for". The date is read
// as the user writes dates (dayFirst, evidence.DayFirstLean). ok is false
// when the ask gives no date, or the issue was not done by it.
func (r *report) askMet(ask *evidence.Evidence, dayFirst bool) (string, bool) {
	done, ok := r.doneIssues[issueRef{ask.SiteName, ask.IssueKey}]
	if !ok || done.Resolved.Before(ask.OccurredAt) {
		return "", false
	}
	words, by, ok := evidence.GivenDate(evidence.OneLine(ask.Excerpt), ask.OccurredAt, dayFirst)
	if !ok || done.Resolved.After(by) {
		return "", false
	}
	early := "on"
	switch days := int(dayOnly(by).Sub(dayResolved(done)).Hours() / 24); {
	case days == 1:
		early = "a day before"
	case days > 1:
		early = numberWord(days) + " days before"
	}
	return evidence.OneLine(ask.IssueKey) + " was done on " + done.Resolved.UTC().Format("2 January") + ", " + early + " the " +
		strings.TrimPrefix(words, "by ") + " I asked for", true
}

// commitKept ranks an item 1 when it is a comment of the user's to
// another team that commits a date for work of theirs named by its key,
// which someone answered and which was done by the date: "We've planned
// the move for early November, should be off v1 by Nov 14. CHK-1419
// tracks it" on PAY-822, Jun Park's "Great, thanks.", and CHK-1419 done
// 12 Nov. A date given to a team that set its own, and kept, is influence
// the other team's answer confirms; a link to their issue records none.
func (r *report) commitKept() storyFocus {
	return func(e *evidence.Evidence) int {
		if e.Source != evidence.SourceComment || e.Category != evidence.CatCrossTeam {
			return 0
		}
		if _, ok := r.answerOf(e); !ok {
			return 0
		}
		kept, ok := r.promiseKeptIn(e, evidence.OneLine(e.Excerpt))
		if project, _, _ := strings.Cut(kept.done.Key, "-"); !ok || !kept.named || project == e.IssueProject {
			return 0
		}
		return 1
	}
}

// writesDayFirst reports whether the user writes dates in figures day
// first ("03/07" for 3 July), by the habit their own words show
// (evidence.DayFirstLean).
func (r *report) writesDayFirst() bool {
	lean := 0
	for _, e := range r.items {
		if inOwnWords(e) {
			lean += evidence.DayFirstLean(e.Excerpt)
		}
	}
	return lean > 0
}

// dateDoubted says an item's words give a date a reader cannot see kept:
// one the work missed (promiseMissedIn), a bare ETA that passed for work
// no key names (staleETAIn), a sprint (sprintClaimBroken) or a release
// (releasePlanMissed) the issue missed, or late work the epic shows done
// (slipContradicted). Every document shows such an item only where
// nothing else fills its slot.
func (v *view) dateDoubted(e *evidence.Evidence) bool {
	return v.promiseMissedIn(e) || v.staleETAIn(e) || v.sprintClaimBroken(e) || v.releasePlanMissed(e) || v.slipContradicted(e)
}

// bareETA opens the date of a bare "ETA 27 Feb" or "ETA: 27 Feb", which in
// a progress note is the date of the work named before it, not of the
// issue the note is on (see workOfItself).
var bareETA = regexp.MustCompile(`(?i)\beta:?\s+`)

// staleETAIn reports whether a stakeholder update of the user's gives a
// bare ETA (bareETA) whose date passed by the export, for work no issue
// key names, so nothing can show it was kept: "Next, moving the last
// teams off the shared queue. ETA 27 Feb." of work then done on 30 March
// invites "and did you?", which Jira cannot answer.
func (v *view) staleETAIn(e *evidence.Evidence) bool {
	if e.Category != evidence.CatStakeholderComms || !inOwnWords(e) {
		return false
	}
	text := evidence.OneLine(e.Excerpt)
	if _, ok := committedDate(text, e.OccurredAt, e.IssueKey); ok {
		return false // a date of work a key names: promiseMissedIn checks it
	}
	for _, at := range bareETA.FindAllStringIndex(text, -1) {
		words, due, ok := evidence.GivenDate("by "+text[at[1]:], e.OccurredAt, false)
		if ok && strings.HasPrefix("by "+text[at[1]:], words) && v.generatedAt.After(dayOnly(due).AddDate(0, 0, 1)) {
			return true
		}
	}
	return false
}

// slipsToldAsPlans reports of an item whether it is a release-planning
// comment of the user's that came with their own edit, within the hour,
// taking its issue out of a release ("Fix Version: platform-2026.07 →
// platform-2026.08"): "Targeting platform-2026.08. Cut-off is Monday 24
// Aug" is then a slip told as a plan, the weakest proof of delivering
// against a date. The edits are gathered once: stories weigh every item.
func (v *view) slipsToldAsPlans() func(*evidence.Evidence) bool {
	outOfRelease := make(map[issueRef][]time.Time)
	for _, o := range v.items {
		if m := fixVersionEdit.FindStringSubmatch(o.Excerpt); o.Source == evidence.SourceChange && m != nil && m[1] != "" && m[1] != "(none)" {
			ref := issueRef{o.SiteName, o.IssueKey}
			outOfRelease[ref] = append(outOfRelease[ref], o.OccurredAt)
		}
	}
	return func(e *evidence.Evidence) bool {
		if e.Category != evidence.CatReleasePlanning || e.Source != evidence.SourceComment {
			return false
		}
		return slices.ContainsFunc(outOfRelease[issueRef{e.SiteName, e.IssueKey}], func(at time.Time) bool {
			return at.Sub(e.OccurredAt).Abs() <= time.Hour
		})
	}
}
