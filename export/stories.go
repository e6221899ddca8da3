package export

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
)

// DefaultStories is how many stories `pmfolio stories` writes unless told:
// an interview loop rarely has time for more than three.
const DefaultStories = 3

// storyActions is how many actions a story lists, each a piece of evidence.
const storyActions = 5

// storyQuestions is how many behavioural questions a story is tagged with.
const storyQuestions = 4

// StoryOptions shape the stories.
type StoryOptions struct {
	// Top is how many stories to write; 0 means DefaultStories, and a
	// negative number every story there is. Initiatives come first;
	// stories of issues on no epic (see issueInitiatives) fill up to Top.
	Top int
	// JSON writes the stories as one JSON object instead of Markdown.
	JSON bool
	// Question, when set, picks the one story that best answers a
	// behavioural question ("a time you handled conflicting priorities").
	Question string
	// Questions, two or more, are answered at once, each by a story of
	// its own where one answers it (see chooseStories); Question is then
	// unset.
	Questions []string
	// Lint, when set, receives a line for each story without an outcome.
	Lint io.Writer
}

// story is one interview story, built from one initiative: an epic, or an
// issue on no epic.
type story struct {
	// Epic is null, not missing, on a story of an issue on no epic:
	// scripts read .epic.key on every story, as stories had it before.
	Epic      *storyEpic    `json:"epic"`
	Issue     *storyIssue   `json:"issue,omitempty"`
	Questions []string      `json:"questions"`
	Situation string        `json:"situation"`
	Task      string        `json:"task"`
	Action    string        `json:"action"`
	Actions   []storyAction `json:"actions"`
	Result    string        `json:"result"`
	// ResultLink is the Jira comment the result quotes (of phases, the
	// latest phase's it quotes), or "" when it quotes none.
	ResultLink string `json:"result_link"`
	// SponsorQuotes are the sponsors' replies the story tells: the one
	// that handed the initiative over in Situation, the one that praised
	// its result in Result.
	SponsorQuotes []jsonSponsorQuote `json:"sponsor_quotes"`

	// situation is Situation up to the reply that handed the initiative
	// over, handover that reply (handedOver), for the Markdown writer to
	// link it.
	situation string
	handover  resultPart

	// result is Result in parts, for the Markdown writer to link the
	// source of each outcome it quotes.
	result []resultPart
	// incident says the story is an incident's (see isIncident).
	incident bool
	// focused is the evidence ID of the action told for what the question
	// asks (answer.focus), if any: the one to lead with where the story
	// answers a second question (see sameStoryNote).
	focused string
}

// resultPart is a piece of a story's result: text, then, when it quotes
// an outcome from Jira, its source (see outcomeSource) in brackets.
type resultPart struct {
	text, source, link string
}

// told is the part as plain text: its text, then its source in brackets.
func (p resultPart) told() string {
	if p.source == "" {
		return p.text
	}
	return p.text + " (" + p.source + ")"
}

type storyEpic struct {
	Site    string `json:"site"`
	Key     string `json:"key"`
	Summary string `json:"summary"`
	URL     string `json:"url"`
	// Earlier are the initiative's earlier phases, each an epic of its
	// own, first phase first (see mergePhases).
	Earlier []storyRef `json:"earlier_phases,omitempty"`
}

// storyIssue is the issue on no epic a story is told from.
type storyIssue struct {
	Site    string `json:"site"`
	Key     string `json:"key"`
	Summary string `json:"summary"`
	URL     string `json:"url"`
	// Related are, of an incident, the postmortems and follow-ups its
	// story tells too.
	Related []storyRef `json:"related,omitempty"`
}

// storyRef is another issue of a story: an earlier phase of its
// initiative, or a postmortem or follow-up of its incident.
type storyRef struct {
	Key string `json:"key"`
	URL string `json:"url"`
}

// storyAction is one thing the user did, pointing at its evidence.
type storyAction struct {
	Text       string `json:"text"`
	Category   string `json:"category"`
	EvidenceID string `json:"evidence_id"`
	IssueKey   string `json:"issue_key"`
	IssueURL   string `json:"issue_url"`
	// Link is the record itself: the comment for a comment.
	Link       string `json:"link"`
	OccurredAt string `json:"occurred_at"`
	Excerpt    string `json:"excerpt"`
	// Note is the user's note on the evidence, if any.
	Note string `json:"note,omitempty"`
	// Answers marks the action that holds what the question asked
	// (--question) is about: asked about data, the number the call rested
	// on; asked about pushing back, the no. It is told in its place in
	// time, not first: a story read aloud runs forward, and "GO" before
	// the no-go that caused it did not.
	Answers bool `json:"answers,omitempty"`
	// Answer is, of an ask of another team, how they answered it and when
	// its work was done (see answerTo); of a re-plan or slip notice, the
	// agreeing answer to it (replanAgreed).
	Answer string `json:"answer,omitempty"`
	// Kept is, of a date the quote commits to, what Jira shows of it: "done
	// 13 Apr" of "it goes live on the 20th" (see promiseKeptSaid). A date
	// promised is the first thing an interviewer asks about.
	Kept string `json:"kept,omitempty"`
	// Slipped is, of another party's agreement the quote tells, what the
	// user wrote later of it not holding (see agreementSlipped): agreed,
	// slipped, enforced is the influence an interviewer asks about.
	Slipped string `json:"slipped,omitempty"`

	// The parts of Text, for the Markdown writer to link the key.
	verb, summary string
	// mark is what the Markdown writer marks an action that Answers with:
	// "The data behind the call", "Where I said no"; none where its verb
	// says it ("Said no to Nadia").
	mark string
	at   time.Time
	// edit says the action is a field edit: its excerpt is what the field
	// became, not words the user wrote, and is shown unquoted.
	edit bool
	// filed says the action is an issue the user created (a story, a
	// follow-up), not a comment or a change on one.
	filed bool
}

// Stories writes interview stories for the strongest initiatives (see
// initiative.strength) in situation / task / action / result form, and,
// when those are fewer than asked, for the issues on no epic where the
// user wrote most (see issueInitiatives). Each
// action is a piece of evidence with its key and link, each story is
// tagged with the behavioural questions its kinds of work answer, and the
// result says only what Jira shows (what is done) and asks the user for
// the outcome, which Jira does not record.
func Stories(w io.Writer, p evidence.Portfolio, opts StoryOptions) error {
	r := newReport(p, Options{})
	// A story that quotes "New ETA for this: 27 May" of work done in
	// August invites the hardest question it could: such a re-plan is told
	// only when nothing else can be; so is an update whose bare ETA passed
	// for work no key names, and a plan whose own edit took its issue out
	// of a release.
	slip := r.slipsToldAsPlans()
	r.strengths.doubted = func(e *evidence.Evidence) bool { return r.dateDoubted(e) || slip(e) }
	top := opts.Top
	if top == 0 {
		top = DefaultStories
	}
	initiatives, onNoEpic := r.initiatives, r.issueInitiatives(r.strengths)
	if len(opts.Questions) > 1 {
		return r.writeAnswers(w, opts, r.chooseStories(opts.Questions, [][]initiative{initiatives, onNoEpic}))
	}
	var question, note string
	var told answer // unasked, each story is told as itself
	if opts.Question != "" {
		told = r.answer(opts.Question, r.initiatives, onNoEpic)
		question, initiatives = told.question, nil
		if told.found {
			// The file is read without the terminal it was written from:
			// a story that does not answer what was asked says so there too.
			initiatives, note = []initiative{told.in}, told.note
		}
		if note != "" && opts.Lint != nil {
			if _, err := fmt.Fprintln(opts.Lint, "note: "+note); err != nil {
				return fmt.Errorf("write lint: %w", err)
			}
		}
	} else {
		initiatives = r.tellableFirst(slices.Concat(initiatives, onNoEpic))
		if top > 0 && len(initiatives) > top {
			initiatives = initiatives[:top]
		}
	}
	stories := make([]story, 0, len(initiatives))
	quoted := &quoteSet{} // no quote, nor its template filled in again, twice
	for _, in := range initiatives {
		stories = append(stories, r.storyAbout(in, quoted, told))
	}
	r.tagQuestions(stories, initiatives, question)
	if opts.JSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(struct {
			Note    string  `json:"note,omitempty"`
			Stories []story `json:"stories"`
		}{note, stories}); err != nil {
			return fmt.Errorf("write stories: %w", err)
		}
		return r.writeLint(opts.Lint)
	}
	bw := bufio.NewWriter(w)
	writeStories(bw, r, stories, note)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write stories: %w", err)
	}
	return r.writeLint(opts.Lint)
}

// storyWeight is how much a kind of work adds to an initiative's story:
// the strengths of its items there.
func (r *report) storyWeight(g group) float64 {
	sum := 0.0
	for _, e := range g.items {
		sum += r.strengths.of(e)
	}
	return sum
}

// tagQuestions tags each story with the interview questions the kinds of
// work its actions quote answer, the kind that adds most to the story
// first: a tag the story cannot back with a quote is a promise. No
// question tags two stories: in turns, strongest story first, each story
// takes its best question no story has taken, so every story leads with
// one of its own. A question asked (--question) leads its story. Only
// when a story has no question left to itself (more stories than kinds
// of work) does it repeat its best one rather than answer none.
func (r *report) tagQuestions(stories []story, ins []initiative, asked string) {
	ranked := make([][]string, len(ins))
	for i, in := range ins {
		quoted := map[string]bool{}
		for _, a := range stories[i].Actions {
			if backsQuestion(a.Category, a.filed, a.Excerpt) {
				quoted[a.Category] = true
			}
		}
		// Work across teams answers "a time you influenced without
		// authority" only where someone the user does not manage took up
		// what they asked: a date of their own kept for another team is
		// a promise kept, not influence.
		quoted[evidence.CatCrossTeam] = quoted[evidence.CatCrossTeam] && r.showsInfluence(in, stories[i].Actions)
		groups := slices.Clone(in.groups)
		slices.SortStableFunc(groups, func(a, b group) int { return cmp.Compare(r.storyWeight(b), r.storyWeight(a)) })
		for _, g := range groups {
			if !r.answers(in, g.category.ID) || g.category.ID == evidence.CatReleasePlanning && !r.toldKept(in) {
				// A deadline tag on a story whose result keeps no date
				// (OPS-1236, done in the release after the one its no-go
				// moved it out of) promises what it cannot show.
				continue
			}
			if g.category.ID == evidence.CatStakeholderComms && r.leftMissed(in) {
				continue
			}
			if q := g.category.StoryQuestion; q != "" && quoted[g.category.ID] && !slices.Contains(ranked[i], q) {
				ranked[i] = append(ranked[i], q)
			}
		}
	}
	tags := make([][]string, len(stories))
	used := map[string]bool{}
	if asked != "" && len(stories) > 0 {
		tags[0], used[asked] = []string{asked}, true
	}
	for turn := range storyQuestions {
		for i := range stories {
			if len(tags[i]) > turn {
				continue
			}
			if q := slices.IndexFunc(ranked[i], func(q string) bool { return !used[q] }); q >= 0 {
				tags[i], used[ranked[i][q]] = append(tags[i], ranked[i][q]), true
			}
		}
	}
	for i := range stories {
		if len(tags[i]) == 0 && len(ranked[i]) > 0 {
			tags[i] = ranked[i][:1]
		}
		stories[i].Questions = append([]string{}, tags[i]...)
	}
}

// backsQuestion reports whether an action of a kind of work (category),
// filed as an issue or not, quoting excerpt, backs the question of its
// kind. Staying calm under pressure is told by updates written while it
// burned, not by a follow-up filed weeks after; "a time you cut scope to
// fit capacity" by a cut, not by "Carrying this over to OPS Sprint 50" or
// "put it in OPS Sprint 48, I've made room".
func backsQuestion(category string, filed bool, excerpt string) bool {
	return (category != evidence.CatIncidentCoord || !filed) && (category != evidence.CatSprintPlanning || cutsScope.MatchString(excerpt))
}

// answers reports whether a story of in can answer the question of a
// kind of work: "a time you delivered against a deadline" (release
// planning) is a release that went out, not one at risk whose result is
// "the issue is not done yet", nor one whose date the user called off
// ("NO-GO … deployment on 16th is cancelled"): that is a trade-off story.
// A date called off and then re-planned and kept step by step ("3DS work
// slipped a week … new plan: 5% on Aug 25, …", then each step on its
// day) is the deadline story at its best.
func (r *report) answers(in initiative, category string) bool {
	if category != evidence.CatReleasePlanning {
		return true
	}
	if in.status() != "done" || in.deadlinePassedUnmet() {
		return false
	}
	if _, kept := r.rolloutOf(in); kept {
		return true
	}
	return !slices.ContainsFunc(in.items, func(e *evidence.Evidence) bool {
		return len(goNoGoReleases(e.Excerpt, true)) > 0 || calledOff.MatchString(e.Excerpt)
	})
}

// keptFirst narrows the stories able to answer a question about release
// planning ("a time you delivered against a deadline") to those whose
// result tells a date kept ("it went live on 22 August, as I had said on
// 10 August", "it reached 100% on 30 September, as I had re-planned on 10
// August"), when any has one: that answers the question in Jira's own
// record, where a stronger story of planning could only say it is done.
func (r *report) keptFirst(able [][]initiative, category string) [][]initiative {
	if category != evidence.CatReleasePlanning {
		return able
	}
	kept := make([][]initiative, len(able))
	found := false
	for i, tier := range able {
		kept[i] = slices.DeleteFunc(slices.Clone(tier), func(in initiative) bool { return !r.toldKept(in) })
		found = found || len(kept[i]) > 0
	}
	if !found {
		return able
	}
	return kept
}

// toldKept reports whether a story of in tells a date kept in its
// result: a rollout reached as planned, an outcome that met its deadline,
// or, without an outcome, the day the user said it would go live and did.
func (r *report) toldKept(in initiative) bool {
	_, rolloutKept := r.rolloutOf(in)
	return rolloutKept || in.deadlineMet() || !in.hasOutcome && keptDate(ownCommentsOn(in.epic, in.epicItems)) != ""
}

// metDate finds an outcome that says the date it was due by was met:
// "all 5 clusters are on 1.30, 19 days before the 1.28 end of support",
// "a week ahead of schedule".
var metDate = regexp.MustCompile(`(?i)\b(?:\d+|an?|one|two|three|four|five|six) (?:days?|weeks?|months?) (?:before|ahead of|early)\b|` +
	`\bahead of (?:schedule|plan|time|the deadline)\b|\bbefore the (?:deadline|cut-?off|due date)\b`)

// deadlineMet reports whether an initiative's outcome says it met the
// date it was due by: the deadline story at its best, in the user's own
// record ("19 days before the 1.28 end of support").
func (in initiative) deadlineMet() bool {
	return in.hasOutcome && metDate.MatchString(evidence.OneLine(in.outcome.Text))
}

// deadlinePassedUnmet reports whether the goal of the epic an
// initiative's outcome is on gives a date ("above 99.5% by the end of
// Q3") that passed before the outcome was reported (27 October), which
// does not say the date was met: told for a deadline, the story would
// claim what Jira does not show.
func (in initiative) deadlinePassedUnmet() bool {
	if !in.hasOutcome || in.outcome.Comment.At.IsZero() || in.deadlineMet() {
		return false
	}
	_, due, ok := goalDue(in.outcome.Epic)
	return ok && in.outcome.Comment.At.After(due)
}

// goalDue is the date the goal of an epic gives ("above 99.5% by the end
// of Q3", "Kubernetes 1.28 leaves support on 30 September"), as of when
// the epic was created, and its words ("by the end of Q3"). ok is false
// when it gives none, or one that reads as two days, day first or month
// first.
func goalDue(ep evidence.Epic) (words string, due time.Time, ok bool) {
	at := slices.IndexFunc(ep.Issues, func(i evidence.EpicIssue) bool { return i.Key == ep.Key })
	if at < 0 {
		return "", time.Time{}, false
	}
	return dateEitherWay(evidence.OneLine(ep.Goal), ep.Issues[at].Created)
}

// dateEitherWay is the date a text written at gives (evidence.GivenDate)
// where it reads as one day, day first or month first: the writer's habit
// is unknown. ok is false when it gives none, or two.
func dateEitherWay(text string, at time.Time) (words string, due time.Time, ok bool) {
	words, due, ok = evidence.GivenDate(text, at, true)
	if _, other, _ := evidence.GivenDate(text, at, false); !ok || !other.Equal(due) {
		return "", time.Time{}, false
	}
	return words, due, true
}

// dateAsGoalSays is a goal's date words (goalDue's) as a phrase of their
// own: "the end of Q3" of "… above 99.5% by the end of Q3 …", whose date
// words are "end of Q3".
func dateAsGoalSays(goal, words string) string {
	for _, by := range []string{"by ", "on ", "before "} {
		words = strings.TrimPrefix(words, by)
	}
	if before, _, ok := strings.Cut(evidence.OneLine(goal), words); ok && strings.HasSuffix(before, " the ") {
		return "the " + words
	}
	return words
}

// datesMet is what a story told for a deadline adds to its outcome (met):
// the dates its actions asked another team for and got (askMet, of the
// asks), the releases the asks and the user's own plans among its actions
// put its work into that went out with it (releasesKept), and, where the goal's own date passed before the outcome was
// reported and the outcome does not say it was met, the day the outcome
// was measured. "The deadline, and did you hit it?" is the first question
// such a story meets, and an outcome of 27 October under a goal "by the
// end of Q3" must not read as the date kept.
func (r *report) datesMet(in initiative, picked []*evidence.Evidence) (met []string, asks []*evidence.Evidence) {
	dayFirst := r.writesDayFirst()
	var plans []*evidence.Evidence // words of the user's whose releases the Result tells
	for _, e := range picked {
		if slices.Contains(in.items, e) {
			continue // only an ask told in place of its link is on another team's issue
		}
		if said, ok := r.askMet(e, dayFirst); ok {
			met = append(met, upperFirst(said)+".")
			asks = append(asks, e)
			plans = append(plans, e)
		}
	}
	for _, e := range picked {
		if slices.Contains(in.items, e) && inOwnWords(e) {
			plans = append(plans, e)
		}
	}
	met = append(met, releasesKept(in, plans)...)
	if words, _, ok := goalDue(in.outcome.Epic); ok && in.deadlinePassedUnmet() {
		met = append(met, "Those figures were measured on "+in.outcome.Comment.At.UTC().Format("2 January")+
			"; Jira holds none from "+dateAsGoalSays(in.outcome.Epic.Goal, words)+", the date the goal set.")
	}
	return met, asks
}

// actionOf is the story's action that quotes an item.
func (s *story) actionOf(e *evidence.Evidence) *storyAction {
	return &s.Actions[slices.IndexFunc(s.Actions, func(a storyAction) bool { return a.EvidenceID == e.ID })]
}

// namesDeadline finds words about the date work is due by: "no exception
// for the date", "1.28 support ends this quarter", "the deadline".
var namesDeadline = regexp.MustCompile(`(?i)\b(?:the|a|its|every \w+'s|production|go-?live|due) dates?\b|\bdeadline\b|\bend of (?:support|life)\b|\bsupport ends\b|\bEOL\b`)

// forTheDate ranks the actions of a story told for a deadline by what
// that story is about: 2 for words of the user's that name the date (of
// the epic's goal, or in namesDeadline's words), 1 for a call that cuts
// scope or sets one option against another (refuses, tradesOff) or an
// ask of another team that gives a date; 0 for a routine line. "Decision:
// every tier-1 service gets a PodDisruptionBudget before its cluster is
// upgraded; no exception for the date" is the story; "Flag removed: Got
// the decision from Priya" is not. A doubted item (strengths.doubted)
// ranks below every other, in the same order among the doubted
// (doubtedRanks lower), and one whose own promise Jira shows broken
// (promiseMissedIn) lowest of all: a slot left to a doubted item goes to
// "aiming to start the 5% ramp mid-August", the date the story is about,
// before "we'll drop the CSV export for now and revisit in Q3 … I'll
// send you the runbook link", neither of which happened.
func (r *report) forTheDate(in initiative) storyFocus {
	_, due, dated := goalDue(in.epic)
	dayFirst := r.writesDayFirst()
	binds := func(e *evidence.Evidence) int {
		text := evidence.OneLine(e.Excerpt)
		_, day, gives := evidence.GivenDate(text, e.OccurredAt, dayFirst)
		switch {
		case namesDeadline.MatchString(text) || gives && dated && dayOnly(day).Equal(dayOnly(due)):
			return 2
		case (e.Category == evidence.CatDecisionMaking || e.Category == evidence.CatPrioritization) && (refuses.MatchString(text) || tradesOff.MatchString(text)),
			e.Category == evidence.CatCrossTeam && gives && notCommitted.MatchString(text):
			return 1
		}
		return 0
	}
	eta, _, missed := r.missedETA(in)
	return func(e *evidence.Evidence) int {
		switch {
		case missed && e == eta:
			// The Result tells the date this gave (etaMissed): the reader
			// meets it here first, doubted or not.
			return 3
		case !inOwnWords(e):
			return 0
		case !r.strengths.isDoubted(e):
			return binds(e)
		case r.promiseMissedIn(e):
			return -doubtedRanks - 1
		}
		return binds(e) - doubtedRanks
	}
}

// doubtedRanks is how far forTheDate ranks a doubted item below the same
// item undoubted: below the lowest rank of an undoubted one.
const doubtedRanks = 3

// calledOff says a date was given up: "deployment on 16th is cancelled",
// "the release slipped", "go-live is postponed".
var calledOff = regexp.MustCompile(`(?i)\b(?:cancell?ed|postponed|slipped|pushed back)\b`)

// answer is the story that answers a question asked with --question.
type answer struct {
	in    initiative
	found bool // there is a story to tell at all
	// question is the question the story leads with: the standard one it
	// matched, or "" when the story does not answer what was asked.
	question string
	// focus finds the evidence the story must quote to answer it.
	focus storyFocus
	// prefer ranks the story's other actions, when set: told for a
	// deadline, those that bind to the date (forTheDate) before routine
	// lines; told for a failure, the follow-ups of its postmortem
	// (filedFrom) before other notes.
	prefer storyFocus
	// owns, of a story told for a failure, says in the Task what of it was
	// the user's: "coordinating the response when things broke" alone
	// answers "a time you failed" with a time someone else did.
	owns string
	// forDate says the story is told for a deadline: its Situation keeps
	// the goal up to the date it sets, and its Result says which dates
	// held. prefer alone cannot say so, as a failure sets it too.
	forDate bool
	// mark, when set, marks the action focus found as the one that
	// answers (storyAction.Answers), in bold before it: asked about data,
	// the number is the answer, and fifth in time order, unmarked, it was
	// the reader's to find; asked about pushing back, the no is the
	// story's spine, told in its place in time: put first, the demo's no
	// of 2 December came before a note of 5 January and read as a bug.
	mark string
	// uncrowded says the sprint notes focus finds nothing in are left out
	// of the story's actions: asked about pushing back, they crowd the no
	// it is told for.
	uncrowded bool
	// note, when set, tells the user how far the story answers the
	// question: tagging the strongest story "a time you failed" would say
	// it answers what nothing in it does.
	note string
}

// answer finds the story that best answers a question: of pushing back
// (see asksAboutPushback) from the user's words that say no, of anything
// else from the kind of work it is about (see bestFor).
func (r *report) answer(question string, tiers ...[]initiative) answer {
	if asksAboutPushback(question) {
		return r.pushbackAnswer(question, tiers...)
	}
	if asksAboutData(question) {
		return r.dataAnswer(question, tiers...)
	}
	if asksAboutFailure(question) {
		if a, ok := r.failureAnswer(tiers...); ok {
			return a
		}
		return r.noFailureAnswer(question, tiers...)
	}
	in, q, category, found := r.bestFor(question, tiers...)
	if category == evidence.CatCrossTeam {
		if a, ok := r.crossTeamAnswer(question, q, tiers...); ok {
			return a
		}
		q = evidence.OneLine(question) // no story shows influence: it answers what was asked
	}
	if found && category == evidence.CatPrioritization {
		if moved, ok := r.rerankAnswer(q, tiers...); ok {
			return moved
		}
		if !r.weighsPriorities(in) {
			if no, ok := r.conflictAnswer(q, tiers...); ok {
				return no
			}
		}
	}
	if !found && category != "" {
		// One comment of that kind and the change beside it, on an issue
		// too thin to tell unasked, answers better than a story that
		// shows none of it.
		if thin, _, _, ok := r.bestFor(question, r.kindIssueInitiatives(r.strengths, category, slices.Concat(tiers...))); ok {
			return answer{in: thin, found: true, question: q, focus: ofCategory(category)}
		}
		// A date the user asked another team for and got, or one they
		// committed to another team and kept ("should be off v1 by Nov
		// 14", done 12 Nov), answers a deadline question where no release
		// of theirs can: asked with "used data" too, whose only story is
		// the release's, it is the deadline's own (see chooseStories).
		if category == evidence.CatReleasePlanning {
			q := r.categoryOf(category).StoryQuestion
			kept := r.askKept()
			if in, ok := strongestBy(r.weightRanked(kept, 1), false, tiers...); ok {
				return answer{in: in, found: true, question: q, focus: kept, prefer: r.forTheDate(in), forDate: true}
			}
			if a, ok := r.focusAnswer(q, r.commitKept(), false, tiers...); ok {
				return a
			}
		}
		// No story holds the kind of work asked about, though there are
		// stories: the strongest is told, as when no kind matched, and the
		// note says what it lacks, rather than that there is none.
		in, found = strongestBy(r.weightOf(""), true, tiers...)
		title := category
		if i := slices.IndexFunc(r.taxonomy, func(c evidence.Category) bool { return c.ID == category }); i >= 0 {
			title = r.taxonomy[i].Title
		}
		lacks := "none of your stories shows " + strings.ToLower(title)
		planner, any := strongestBy(r.weightOf(category), false, tiers...)
		if any {
			// Its kind of work is there, in stories that cannot answer
			// the question (see answers, which narrows release planning
			// alone): "none shows release planning" under a story that
			// quotes a plan tells the user the tool did not read it.
			lacks = "your stories show " + strings.ToLower(title) + ", but of no release that went out as planned"
		}
		note := fmt.Sprintf("%s, the kind of work %q asks about; here is your strongest story instead, with the questions it does answer under its title",
			lacks, evidence.OneLine(question))
		if any && planner.deadlinePassedUnmet() {
			note = fmt.Sprintf("the goal of %s sets a date that its outcome, reported on %s, does not say was met, so no story answers %q; here is your strongest story instead, with the questions it does answer under its title",
				planner.epic.Key, planner.outcome.Comment.At.UTC().Format("2 January"), evidence.OneLine(question))
		}
		return answer{in: in, found: found, note: note}
	}
	a := answer{in: in, found: found, question: q}
	if category == "" {
		a.note = fmt.Sprintf("no kind of work in your evidence answers %q; here is your strongest story instead, with the questions it does answer under its title",
			evidence.OneLine(question))
	} else {
		a.focus = ofCategory(category)
	}
	if category == evidence.CatPrioritization {
		a.focus = r.priorityCalls // a call the user's later words undid is no answer
	}
	if category == evidence.CatReleasePlanning && found {
		a.focus, a.prefer, a.forDate = r.missedETAFirst(in, a.focus), r.forTheDate(in), true
	}
	return a
}

// preferredFirst picks up to n of items with pick, those prefer ranks
// highest first (of equal rank, as pick ranks them), then the rest; with
// no prefer, as pick alone does. A rank may be below 0 (forTheDate's
// doubted items): the routine items go with the highest of those, which
// pick weighs last and whose place it may give to an undoubted item of
// their kind (fillVaried), then each lower rank joins them in turn.
func preferredFirst(prefer storyFocus, items []*evidence.Evidence, n int, pick func([]*evidence.Evidence, int, *quoteSet) []*evidence.Evidence, quoted *quoteSet) []*evidence.Evidence {
	var picked []*evidence.Evidence
	top, low, floor := 0, 0, 0 // floor: the highest rank below 0
	for _, e := range items {
		if prefer == nil {
			continue
		}
		rank := prefer(e)
		top, low = max(top, rank), min(low, rank)
		if rank < 0 && (floor == 0 || rank > floor) {
			floor = rank
		}
	}
	for rank := top; rank >= low && len(picked) < n; rank-- {
		if rank <= 0 && rank > floor {
			continue
		}
		of := slices.DeleteFunc(slices.Clone(items), func(e *evidence.Evidence) bool {
			return prefer != nil && (rank > 0 && prefer(e) != rank || rank <= 0 && prefer(e) < rank) || slices.Contains(picked, e)
		})
		picked = append(picked, pick(of, n-len(picked), quoted)...)
	}
	return picked
}

// weighsPriorities reports whether a story of in can show the user
// setting one priority against another in their own words: "putting
// this above the onboarding copy … the carousel can wait a sprint". A
// rank edit names nothing it was set against, and words pasted on other
// issues too (see pastedOn) are a template an interviewer finds by
// opening two links: "Raising to High as this is a regulatory point (RBI
// audit observation). Cannot go live with this." on three defects, one
// still open.
func (r *report) weighsPriorities(in initiative) bool {
	return slices.ContainsFunc(in.items, func(e *evidence.Evidence) bool {
		text := evidence.OneLine(e.Excerpt)
		return e.Category == evidence.CatPrioritization && inOwnWords(e) && !r.reversedLater(e) &&
			(tradesOff.MatchString(text) || setAbove.MatchString(text)) && r.pastedOn(e) < pastedIssues
	})
}

// setAbove finds a priority set against another in words: "putting this
// above the onboarding copy", "ahead of", "the carousel can wait", "we
// can only do one".
var setAbove = regexp.MustCompile(`(?i)\b(?:above|below|ahead of|behind|can wait|only do one)\b`)

// pastedIssues is on how many issues the same words read as pasted.
const pastedIssues = 3

// pastedOn is on how many issues of its site the user wrote an item's
// words (see sameAct), its own included.
func (r *report) pastedOn(e *evidence.Evidence) int {
	words := sameAct(e)
	var issues []string
	for _, o := range r.items {
		if o.SiteName == e.SiteName && !slices.Contains(issues, o.IssueKey) && sameAct(o) == words {
			issues = append(issues, o.IssueKey)
		}
	}
	return len(issues)
}

// conflictAnswer answers a question about conflicting priorities (q is
// its standard question) with a no to a person by name that holds a
// release or a goal against their request (see holdsAgainst): "we cannot
// take this into 4.13 at this stage. Code freeze was on 1st …" is two
// priorities, one kept, where a priority raised in pasted words is one.
func (r *report) conflictAnswer(q string, tiers ...[]initiative) (answer, bool) {
	return r.focusAnswer(q, holdsAgainst, false, tiers...)
}

// focusAnswer answers a question (q is the question its story is tagged
// with) with the story whose items focus ranks above 0 weigh most, on an
// issue too thin to tell unasked too (thinIssueInitiatives); with
// firstTier, of the first tier that has one (see strongestBy), thin issues
// last. ok is false when no item has any.
func (r *report) focusAnswer(q string, focus storyFocus, firstTier bool, tiers ...[]initiative) (answer, bool) {
	thin := r.thinIssueInitiatives(r.strengths, slices.Concat(tiers...), func(e *evidence.Evidence) bool { return focus(e) > 0 }, false)
	in, ok := strongestBy(r.weightRanked(focus, 1), firstTier, append(tiers, thin)...)
	return answer{in: in, found: ok, question: q, focus: focus}, ok
}

// keptCommitmentAmong is, of the items a story quotes, a date the user
// committed to another team and kept (commitKept), or nil.
func (r *report) keptCommitmentAmong(picked []*evidence.Evidence) *evidence.Evidence {
	kept := r.commitKept()
	if i := slices.IndexFunc(picked, func(e *evidence.Evidence) bool { return kept(e) > 0 }); i >= 0 {
		return picked[i]
	}
	return nil
}

// askMetAmong is, of the items a story quotes, what became of an ask of
// the user's that influenced another team (influenced) by the date it
// gave (askMet): "PLAT-1531 was done on 2 July, a day before the 03/07 I
// asked for"; "" when none.
func (r *report) askMetAmong(picked []*evidence.Evidence) string {
	dayFirst := r.writesDayFirst()
	for _, e := range picked {
		if said, ok := r.askMet(e, dayFirst); ok && inOwnWords(e) && r.influenced(e) > 0 {
			return said
		}
	}
	return ""
}

// commitmentHeld is the result of a date committed to another team and
// kept: their answer, and when the work was done: "Jun Park answered
// within the hour: “Great, thanks.” … CHK-1419 was done on 12 November,
// two days early." The other team's issue may stay open for their own
// reasons; whether the user's part landed is what the story claims.
func (r *report) commitmentHeld(said *evidence.Evidence) []resultPart {
	reply, _ := r.answerOf(said)
	kept, _ := r.promiseKeptIn(said, evidence.OneLine(said.Excerpt))
	answer := resultPart{text: answered(said, reply), source: "Jira comment, " + dateOnly(reply.At.UTC()), link: evidence.CommentURL(said.IssueURL, reply.ID)}
	return []resultPart{answer, {text: nextSentence([]resultPart{answer}) + kept.done.Key + " was done on " + kept.done.Resolved.UTC().Format("2 January") + kept.againstDate() +
		r.othersDateHeld(said, kept.done.Resolved) + "."}}
}

// holdsAgainst ranks an item as a priority set against a request: 1 for a
// no to a person by name to a piece of work (declinedIn) whose words name
// a release or a goal it keeps ("into 4.13", "code freeze", "saved cards
// is the Q2 goal"), 0 for anything else.
func holdsAgainst(e *evidence.Evidence) int {
	if d, ok := declinedIn(e); ok && d.refused && keptInstead.MatchString(d.words) {
		return 1
	}
	return 0
}

// keptInstead finds, in a no, the release or goal it keeps: "into 4.13",
// "code freeze", "the same sprint", "the Q2 goal".
var keptInstead = regexp.MustCompile(`(?i)\b(?:goal|OKR|code freeze|go-?live|release|sprint)\b|\b(?:into|for|in) v?\d+(?:\.\d+)+\b`)

// ofCategory is the focus of a story picked for a kind of work: its items
// of that kind.
func ofCategory(category string) storyFocus {
	return func(e *evidence.Evidence) int {
		if e.Category == category {
			return 1
		}
		return 0
	}
}

// storyFocus ranks the evidence a story picked to answer a question must
// quote: 0 for an item that does not answer it, higher for one that
// answers it better.
type storyFocus func(*evidence.Evidence) int

// pushbackQuestion is the question a story leads with when the user's
// own words in it say no or disagree.
const pushbackQuestion = "a time you pushed back or said no"

// Questions about disagreeing are among the commonest an interviewer
// asks, and no kind of work answers them: a no-go is release planning, a
// Won't Do a decision, "P2, not P1" prioritization. Matched on their other
// words ("stakeholder"), they got a story in which nobody disagrees.
var (
	// pushbackWords are words of a question about disagreeing: "a time
	// you disagreed with a stakeholder", "pushed back", "said no",
	// "convinced", "persuaded". "Influenced without authority" stays
	// cross-team coordination's: its evidence is asking another team.
	pushbackWords = regexp.MustCompile(`(?i)\bdisagree|\b(?:did ?n[o']t|do ?n[o']t) agree\b|\bpush(?:ed|ing|es)? ?back\b|\b(?:said|say|saying|says) no\b|\bconvinc|\bpersuad|\bargu(?:e|ed|ing|ment)\b|\bobject(?:ed|ion)\b`)
	// conflictWords are another question about disagreeing ("a conflict
	// with a colleague"), unless it is about priorities: "a time you
	// handled conflicting priorities" is prioritization's.
	conflictWords = regexp.MustCompile(`(?i)\bconflicts?\b`)
	priorityWords = regexp.MustCompile(`(?i)\bpriorit`)

	// disagrees finds words that disagree, whatever the kind of work: a
	// no-go ("Go/no-go for 2026.04: go." is a go), a push-back ("pushed
	// back the launch" only moved it).
	disagrees = regexp.MustCompile(`(?i)(?:^|[^/\w-])no-go\b|\bpush(?:ed|ing)? back on\b|\bpushback\b|\bdisagree|\b(?:do|did)(?:n'?t| not) agree\b|\bsaid no\b`)
	// refuses finds words that say no to a piece of work: a Won't Do, a
	// priority refused ("P2, not P1"), a deprioritisation, a request put
	// off ("we'll drop the CSV export for now and revisit in Q3", "so
	// moving this to the backlog", "we cannot take this into 4.13").
	refuses = regexp.MustCompile(`(?i)\bwon'?t do\b|\bnot doing (?:this|it)\b|\bnot P[0-4]\b|\bdeprioriti[sz]|` + putOff +
		`|\b(?:mov|push|put|send|sent|park|throw)\w* (?:this|it) (?:back )?(?:to|in|into|on) the backlog\b` +
		`|\b(?:cannot|can ?not|can'?t|won'?t be able to) (?:take|fit|squeeze|get|pull) (?:this|it) in(?:to)?\b`)
	// sameNeed is a Won't Do that closes a duplicate: saying no to
	// nobody.
	sameNeed = regexp.MustCompile(`(?i)\bcovers the same\b|\bduplicate`)
	// tradesOff finds a decision against an option: "X, not Y", "instead
	// of", "we ship without the walk-through". It shows a disagreement
	// only as far as a decision does, and only in a decision: ", not" in
	// acceptance criteria is no trade-off.
	tradesOff = regexp.MustCompile(`(?i)\binstead of\b|\brather than\b|\btrade-?offs?\b|, not \S|\bout of scope\b|\b(?:ship|ships|shipping|launch|launches|launching|release|releasing|go live|going live)\s+without\b`)
)

// addressed finds a person a text speaks to by name, with the comma
// after the name: at its start or a sentence's ("Pedro, the in-app
// banner needs 5.4 …"), after "Sorry" there ("Sorry Meenakshi Sundaram,
// we cannot take this into 4.13"), or after a dash ("… so moving this to
// the backlog - Nadia, happy to look at it in August"); or what --redact
// makes of a person ("a teammate, …").
var addressed = regexp.MustCompile(`(?:^|[.;!?]\s+|\s[-–—]+\s*)(?:Sorry,? )?(?:(` + nameWord + `(?: ` + nameWord + `)?)|([Aa] teammate|\[colleague\])),\s`)

// notAddressed are capitalised words that open a sentence with a comma
// after them and name nobody: "Ok, moving this to the backlog".
var notAddressed = []string{"Agreed", "Alternatively", "Done", "Fine", "However", "Honestly", "No", "Ok", "Okay", "Otherwise",
	"Right", "Sadly", "Sorry", "Sure", "Unfortunately", "Well", "Yeah", "Yes"}

// declined is a no the user said to a person by name (see declinedIn).
type declined struct {
	to string // whom, as written: "Nadia"
	// refused says the no is to a piece of work (refuses), not an option
	// set against another ("on the 24th, not the 20th").
	refused bool
	// words are what a story quotes: the comment, or only its words up to
	// the no where what follows speaks to the person ("… so moving this to
	// the backlog - Nadia, happy to look at it in August"), with cut set.
	// A promise made there invites "and did you?", which the story is not
	// about.
	words string
	cut   bool
	no    string // the words that say no: "moving this to the backlog"
	// option is, of what follows the grounds, the way offered to still
	// have what was refused (offersOption), quoted after the cut: the put-off
	// before it goes, the escalation path a PM is asked about stays.
	option string
	// after is what follows the grounds, where words stop before it.
	after string
}

// offersOption is a sentence that offers, on a condition, a way to have
// what was refused: "If business still wants it in 4.13, we need a risk
// sign-off from Anand Kulkarni."
var offersOption = regexp.MustCompile(`(?i)^if\b[^!?]*?,\s*(?:we|you|they)(?:['’]d| would| will)?\s+(?:need|can|could|have to)\b`)

// optionAfter is the first sentence of what follows a no's grounds that
// offers a way to still have what was refused (offersOption), or "".
func optionAfter(rest string) string {
	for _, s := range sentencesOf(strings.TrimSpace(rest)) {
		if offersOption.MatchString(s) {
			return s
		}
	}
	return ""
}

// answeredBy is the no as quoted beside the answer that agreed to it
// (reply): every sentence after its grounds that the answer takes up
// stays, with the option it offered. "Ok understood, 4.14 is fine."
// answers nothing on the page without "Suggest we take it in 4.14 on
// priority.", and the counter-offer is the PM's skill the story shows.
func (d declined) answeredBy(reply string) declined {
	var kept []string
	for _, s := range sentencesOf(strings.TrimSpace(d.after)) {
		if offersOption.MatchString(s) || offersInstead.MatchString(s) || repeatsFigure(s, reply) {
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		return d
	}
	d.option = strings.Join(kept, " ")
	if strings.HasPrefix(strings.TrimSpace(d.after), kept[0]) {
		// Nothing left out between the grounds and what follows them.
		d.cut = false
	}
	return d
}

// offersInstead is a sentence that offers another way than the one
// refused: "Suggest we take it in 4.14 on priority.", "we could ship it
// behind a flag instead".
var offersInstead = regexp.MustCompile(`(?i)\b(?:suggest|propose|we could|instead)\b`)

// figureWord is a word with a digit in it: a version ("4.14"), a day
// ("22nd", "10/11").
var figureWord = regexp.MustCompile(`[\p{L}\d./-]*\d[\p{L}\d./-]*`)

// repeatsFigure reports whether an answer repeats a version or a date a
// sentence names: "4.14" of "Suggest we take it in 4.14 on priority." in
// "Ok understood, 4.14 is fine."
func repeatsFigure(sentence, answer string) bool {
	figures := func(text string) []string {
		words := figureWord.FindAllString(text, -1)
		for i, w := range words {
			words[i] = strings.TrimRight(w, "./-")
		}
		return words
	}
	said := figures(answer)
	return slices.ContainsFunc(figures(sentence), func(w string) bool { return slices.Contains(said, w) })
}

// declinedAnswered is the no in e (declinedIn), quoted beside the answer
// of the person it was said to where they agreed (answeredBy).
func (r *report) declinedAnswered(e *evidence.Evidence) (declined, bool) {
	d, ok := declinedIn(e)
	if reply, answered := r.answerOf(e); ok && answered && isNamed(reply.Author, d.to) && assents(reply.Text) {
		d = d.answeredBy(evidence.OneLine(reply.Text))
	}
	return d, ok
}

// declinedLength is how long a quoted no may be: its grounds are the
// point ("Pedro, the in-app banner needs 5.4, … (around 30% usually
// update in the first week). … on the 24th, not the 20th", 274
// characters, lost its only number at a story's usual 240).
const declinedLength = 280

// failureLength is how long a postmortem's quote in a failure may be: its
// cause and what changes after it are the answer ("… QA's test account
// had no removed items. What we'll do: … stop at 5% for the first 24h of
// a rollout instead of 20%.", 255 characters, lost what changes at a
// story's usual 240).
const failureLength = 300

// verb is what a story's action says the user did: said no to a piece of
// work ("Said no to Nadia on"), or pushed back on an option ("Pushed back
// on Pedro's plan on" for "… on the 24th, not the 20th"): a no is no
// release planning.
func (d declined) verb() string {
	if d.refused {
		return "Said no to " + d.to + " on"
	}
	if strings.HasSuffix(d.to, "s") {
		return "Pushed back on " + d.to + "' plan on"
	}
	return "Pushed back on " + d.to + "'s plan on"
}

// quote is the no as a story's action quotes it: its words (noQuote)
// and, after the gap, the option it offered ("… If business still wants
// it in 4.13, we need a risk sign-off from Anand Kulkarni.").
func (d declined) quote(max int) string {
	if d.option == "" {
		return d.noQuote(max)
	}
	return d.noQuote(max) + " " + d.option
}

// noQuote is the no as a story's action quotes it, in at most max runes:
// its words (storyQuote), but where the cut would leave the no out, the
// opening, as many sentences after it as fit, and the sentence that says
// it. "Pedro, the in-app banner needs 5.4, … we should launch the
// campaign on the 24th, not the 20th" lost its no to the cut.
func (d declined) noQuote(max int) string {
	words := evidence.QuoteBody(d.words)
	if !d.cut && utf8.RuneCountInString(words) <= max {
		// Whole, even where the classifier cut it mid-sentence: "… the
		// full FD suite (3 days)…" is the grounds, which backing off to
		// the last full stop would lose.
		return words
	}
	short := storyQuote(words, max)
	if d.cut && !strings.HasSuffix(short, "…") {
		return short + leftOut(short)
	}
	sentences := sentencesOf(words)
	at := slices.IndexFunc(sentences, func(s string) bool { return strings.Contains(s, d.no) })
	if strings.Contains(short, d.no) || at < 1 {
		return short
	}
	quote, ok := openingAnd(sentences, at, max, true)
	switch {
	case !ok:
		return short
	case d.cut:
		return quote + leftOut(quote)
	case at < len(sentences)-1:
		return quote + evidence.SentencesLeftOut
	}
	return quote
}

// leftOut marks what a quote cut short leaves out: a sentence or more
// after a whole one, the rest of one cut mid-sentence.
func leftOut(quote string) string {
	if strings.ContainsAny(quote[len(quote)-1:], ".!?") {
		return evidence.SentencesLeftOut
	}
	return "…"
}

// declinedIn finds, in a comment of the user's, a no said to a person by
// name (addressed) with its grounds: a piece of work refused or put off
// (refuses), or in a call one option set against another (tradesOff),
// after a sentence or a reason ("we can only do one. saved cards is the
// Q2 goal, so moving this to the backlog - Nadia, …"; "Pedro, the in-app
// banner needs 5.4, … we should launch the campaign on the 24th, not the
// 20th"). A no said to nobody, or without its grounds ("talked to Lena,
// we'll drop the CSV export for now"), is no no to a stakeholder.
func declinedIn(e *evidence.Evidence) (declined, bool) {
	if !inOwnWords(e) || e.Source != evidence.SourceComment {
		return declined{}, false
	}
	text := evidence.OneLine(e.Excerpt)
	no := refuses.FindStringIndex(text)
	refused := no != nil && !sameNeed.MatchString(text)
	if !refused {
		if no = tradesOff.FindStringIndex(text); no == nil || !slices.Contains(callCategories, e.Category) {
			return declined{}, false
		}
	}
	before := text[:no[0]]
	groundsEnd := len(text)
	if !strings.Contains(before, ". ") && !soBefore.MatchString(before) && !statesReasonIn.MatchString(text) {
		if groundsEnd = groundsAfter(text, no[1]); groundsEnd < 0 {
			return declined{}, false
		}
	}
	for _, m := range addressed.FindAllStringSubmatchIndex(text, -1) {
		if m[2] < 0 {
			m[2], m[3] = m[4], m[5] // a person redacted: "A teammate, …"
		} else if first, _, _ := strings.Cut(text[m[2]:m[3]], " "); slices.Contains(notNames, first) || slices.Contains(notAddressed, first) {
			continue
		}
		to := text[m[2]:m[3]]
		if m[4] >= 0 {
			to = evidence.LowerFirst(to) // "said no to a teammate"
		}
		d := declined{to: to, refused: refused, words: text[:groundsEnd], cut: groundsEnd < len(text), no: text[no[0]:no[1]]}
		if m[0] == no[1] {
			d.words, d.cut = text[:no[1]], true
		} else if d.cut {
			d.after = text[groundsEnd:]
			d.option = optionAfter(d.after)
		}
		return d, true
	}
	return declined{}, false
}

// groundsAfter is where the grounds of a no that gives none before it
// end: the sentence after the no's, when it holds a number ("Sorry
// Meenakshi Sundaram, we cannot take this into 4.13 at this stage. Code
// freeze was on 1st and regression is already 60% done; … we will miss
// the 22nd."); -1 without. What follows it ("Suggest we take it in 4.14
// on priority.") is a promise, or another subject, not the grounds.
func groundsAfter(text string, from int) int {
	ends := sentenceEnd.FindAllStringIndex(text[from:], 2)
	if len(ends) == 0 {
		return -1
	}
	start, end := from+ends[0][1], len(text)
	if len(ends) > 1 {
		end = from + ends[1][0] + 1
	}
	if !evidence.ReportsNumbers(text[start:end]) {
		return -1
	}
	return end
}

// sentenceEnd is a full stop, exclamation or question mark and the space
// after it (as sentencesOf reads an end).
var sentenceEnd = regexp.MustCompile(`[.!?] `)

// soBefore says the words before a no end on its grounds: "saved cards
// is the Q2 goal, so …".
var soBefore = regexp.MustCompile(`(?i)\bso\s+$`)

// statesReasonIn finds the words that say why (statesReason).
var statesReasonIn = regexp.MustCompile(`(?i)` + statesReason)

// callCategories are the kinds of work whose items make calls: a
// decision, a priority, a release's or a sprint's scope.
var callCategories = []string{evidence.CatDecisionMaking, evidence.CatPrioritization, evidence.CatReleasePlanning, evidence.CatSprintPlanning}

// asksAboutPushback reports whether a question asks about disagreeing or
// pushing back.
func asksAboutPushback(question string) bool {
	return pushbackWords.MatchString(question) || conflictWords.MatchString(question) && !priorityWords.MatchString(question)
}

// pushback ranks an item as evidence of pushing back: 4 for the user's
// words saying no to a person by name with its grounds (see declinedIn),
// 3 for their disagreeing ("NO-GO" said to nobody: the people named in it
// are told FYI), 2 for their saying no to a piece of work, 1 for a
// decision of theirs against an option, 0 for anything else (field edits
// included: "Resolution: Won't Do" gives no reason).
func pushback(e *evidence.Evidence) int {
	if !inOwnWords(e) {
		return 0
	}
	text := evidence.OneLine(e.Excerpt)
	_, toSomeone := declinedIn(e)
	switch {
	case toSomeone:
		return 4
	case disagrees.MatchString(text):
		return 3
	case refuses.MatchString(text) && !sameNeed.MatchString(text):
		return 2
	case slices.Contains(callCategories, e.Category) && tradesOff.MatchString(text):
		return 1
	}
	return 0
}

// pushbackAnswer answers a question about disagreeing with the story with
// the strongest evidence of the user saying no that its actions can
// quote, tagged pushbackQuestion: a no to a person by name with its
// grounds (pushback 4), then a disagreement (3), even on an issue too
// thin to tell unasked (one comment, with the change beside it if any),
// before a no to a piece of work said to nobody (pushback 2), each said
// to nobody only on an issue another person filed (askedPushback). Kaveri's
// "Sorry Meenakshi Sundaram, we cannot take this into 4.13 …" lost to a
// NO-GO addressed to nobody. Kestrel's "we can only do
// one. saved cards is the Q2 goal, so moving this to the backlog - Nadia,
// …" lost to "talked to Lena, we'll drop the CSV export for now", a cut
// agreed. Without any, it tells the closest: a trade-off the user
// decided, or else the strongest story, and the note says what the
// evidence lacks, rather than tag a story with a disagreement its text
// does not show.
func (r *report) pushbackAnswer(question string, tiers ...[]initiative) answer {
	q := evidence.OneLine(question)
	thin := r.thinIssueInitiatives(r.strengths, slices.Concat(tiers...), func(e *evidence.Evidence) bool { return r.askedPushback(e) >= 3 }, false)
	for _, ranked := range []struct {
		rank  int
		tiers [][]initiative
	}{{4, tiers}, {4, [][]initiative{thin}}, {3, tiers}, {3, [][]initiative{thin}}, {2, tiers}} {
		if in, ok := strongestBy(r.weightRanked(r.askedPushback, ranked.rank), false, ranked.tiers...); ok {
			return answer{in: in, found: true, question: pushbackQuestion, focus: r.askedPushback, mark: noMark, uncrowded: true}
		}
	}
	if in, ok := strongestBy(r.weightRanked(pushback, 1), false, tiers...); ok {
		return answer{in: in, found: true, focus: pushback, mark: tradeOffMark, uncrowded: true,
			note: fmt.Sprintf("nothing you wrote says no or disagrees, which %q asks about; here is the closest, a trade-off you decided, with the questions it does answer under its title", q)}
	}
	in, ok := strongestBy(r.weightOf(""), true, tiers...)
	return answer{in: in, found: ok,
		note: fmt.Sprintf("no kind of work in your evidence answers %q: nothing you wrote says no or disagrees (a no-go, a Won't Do with its reason, \"P2, not P1\"); here is your strongest story instead, with the questions it does answer under its title", q)}
}

// dataQuestion is the question a story leads with when the user's own
// words in it decide with a number.
const dataQuestion = "a time you used data to make a decision"

// answerMark marks, in a data story's actions, the one with the number
// its call rested on (storyAction.Answers): it is told in its place in
// time, so the reader needs to be told which it is.
const answerMark = "The data behind the call"

// noMark marks, in a story told for pushing back, the action that says
// no, told in its place in time like answerMark's; tradeOffMark the
// trade-off told when nothing the user wrote says no.
const (
	noMark       = "Where I said no"
	tradeOffMark = "The trade-off I decided"
)

var (
	// dataWords are words of a question about deciding from data: "a time
	// you used data to make a decision", "metrics", "numbers". Matched on
	// "decision", it got the strongest story with decisions, whether or
	// not one of them weighed a number.
	dataWords = regexp.MustCompile(`(?i)\bdata\b|\bdata-driven\b|\bmetrics?\b|\bnumbers\b|\bmeasur|\banaly[sz]|\bquantitative\b`)
	// measures finds a number that measures something, not one that
	// names a day, a sprint or an issue: "8 of last week's 40 pages",
	// "4% of payment confirmations", "about 12 days", "1,800 orders";
	// not "the 22nd", "Sprint 57", "OPS-1216" or "ETA 16 Feb".
	// A number ends on a digit: in "doesn't make 5.2, the store
	// submission" the version is not 5.2 stores.
	measures = regexp.MustCompile(`(?i)\d\s?%|\bpercent\b|\b(?:half|a quarter|a third) (?:of )?an? (?:hour|day|week|sprint|shift)\b|\b\d+(?:[,.]\d+)* (?:of|out of) (?:\S+ ){0,3}?\d|\b\d+(?:[,.]\d+)*\s?(?:x|×)(?:\s|$)|` +
		`(?:^|[^\w-])(?:~|about |over |under )?\d+(?:[,.]\d+)*\s?k? (?:\w+ )?(?:users?|customers?|merchants?|tickets?|pages?|orders?|errors?|requests?|` +
		`incidents?|calls?|people|sessions?|sign-?ups?|transactions?|payments?|complaints?|alerts?|hours?|minutes?|days?|weeks?|ms|seconds?|` +
		`points?|services?|devices?|installs?|visits?|clicks?|reports?|cases?|members?|stores?|accounts?|records?|jobs?|builds?|deploys?|releases?)\b`)

	// planned finds numbers that are what a plan says, not what it was
	// made on (see measured): a rollout's steps ("5% on Aug 25", "25% two
	// weeks later", "the 5% ramp", "turn it on for 25% of merchants the
	// week after") and where it stands ("at 5% of web traffic", "25% now",
	// "100% on web"), a day counted from another ("2 weeks later"), a
	// version ("the 4.14 release", "5.2 next week") and a count of work
	// done ("3 of 5 stories").
	planned = regexp.MustCompile(`(?i)` +
		`\b(?:ramp\w*(?: up)?|roll\w* (?:it |this )?out|rollout|turn\w* (?:it |this )?on|enabl\w*(?: it| this)?|open\w*(?: it| this)?|ship\w*|expos\w*(?: it| this)?)\s+(?:to|for|at)\s+(?:about |~)?\d+(?:\.\d+)?\s?%|` +
		`\b\d+(?:\.\d+)?\s?%(?:\s+(?:ramp|rollout|roll-out|canary|exposure|now|of (?:\w+ )?traffic|on (?:web|ios|android|mobile|desktop))\b|` +
		`(?: of \w+)?,?\s+(?:(?:(?:on|by|from|until|after|before)\s+(?:the\s+)?(?:\d|` + dayWords + `)|(?:in|at)\s+(?:the\s+)?` + dayWords + `)|` +
		`(?:end|start|middle|beginning) of\b|mid-|(?:early|late|next|tomorrow|today|tonight)\b|` +
		`(?:the |a |one |two |three |four |\d+ )?(?:days?|weeks?|months?|sprints?) (?:later|after)\b))|` +
		`\b\d+ (?:days?|weeks?|months?|sprints?) (?:later|after|from now)\b|` +
		`\b(?:release|version|v|app|build)\s?\d+(?:\.\d+)+\b|\b\d+(?:\.\d+)+ (?:next|this|last)\b|\b\d+(?:\.\d+)+ (?:releases?|versions?|builds?)\b|\b\d+\.\d+\.\d+\b|` +
		`\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)(?: (?:of|out of) (?:the |our )?(?:\d+|\w+))? (?:user )?(?:stor(?:y|ies)|issues?|tasks?|sub-?tasks?|epics?|PRs?|pull requests?|tickets? (?:are |were )?(?:done|merged|closed|complete|completed))\b`)
)

// dayWords are the words of a day or a time of year: "Mon", "Aug",
// "next", "mid", "Q3".
const dayWords = `(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|` +
	`aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|next|this|early|mid|late|end|start|q[1-4])\b`

// measured is text without the numbers that planned finds: of "new plan:
// 5% on Aug 25, 25% two weeks later, 100% end of September", nothing is
// left that a call could rest on.
func measured(text string) string { return planned.ReplaceAllString(text, "") }

// weighedOptions finds a number chosen with the one it was chosen over:
// "a 99.9% SLO for checkout-gateway, not 99.95%", "24 hours, not 72",
// "95% rather than 80%". Both are what the call decided, not what it
// was made on: asked "what data?", the answer to the first is "we had no
// budget for a second region". "P2, not P1" is no number.
var weighedOptions = regexp.MustCompile(`(?i)\b\d+(?:[.,]\d+)*\s?%?[^.;:!?\d]{0,40}?,?\s+(?:not|instead of|rather than)\s+(?:\S+\s+)?\d+(?:[.,]\d+)*\s?%?`)

// onGrounds finds the words that give grounds for a call, after which a
// number is the data it was made on: "because it is 8 of last week's 40
// pages", "based on 3 weeks of telemetry", or a priority moved and a
// colon ("Moving this above OPS-1191: every on-call shift loses about
// half a day to it"). In "a 99.9% SLO, not 99.95%" the numbers are what
// was decided.
var onGrounds = regexp.MustCompile(`(?i)\b(?:why now|because|since|given(?: that)?|due to|which means|based on|according to|looking at|the data|telemetry|dashboards? shows?)\b|` +
	`\b(?:mov|rais|bump|lower|push|rank)\w*\s+(?:this|it)\b[^.;:!?]{0,40}:\s`)

// setAgainst finds a number weighed against another, a baseline or a
// control group: "payment failure rate 0.81% vs 0.79% control". A call
// made with it rests on the comparison, when the numbers are what was
// seen (see observed), not two options of the call: "99.9% vs 99.95%
// availability" is the choice itself.
var setAgainst = regexp.MustCompile(`(?i)\d\s?%?\s+(?:vs\.?|versus|against|compared (?:to|with))\s+(?:\S+\s+)?\d`)

// observed finds the words that say a number was seen, not chosen: a
// rate, a control group or a baseline, a time it was seen at ("now",
// "last week"), a share of something counted ("of tickets").
var observed = regexp.MustCompile(`(?i)\b(?:rates?|control|baseline|now|today|currently|before|(?:last|this|past) (?:week|month|quarter|year|sprint|release)|of (?:\w+ )?(?:tickets|requests|users|customers|orders|payments|sessions|pages|alerts|calls|errors)|up from|down from)\b`)

// asksAboutData reports whether a question asks about deciding from data.
func asksAboutData(question string) bool { return dataWords.MatchString(question) }

// fromData ranks an item as evidence of deciding from data: 3 for a call
// in the user's words (a decision, a priority, a release's or a sprint's
// scope) whose grounds are a number ("Raising priority because it is 8 of
// last week's 40 pages on its own") or a number set against another ("25%
// now. payment failure rate 0.81% vs 0.79% control"), 2 for one that measures something and
// gives a reason, 1 for one that measures something, 0 for anything else.
// A rollout's steps, a date, a version and a count of work done are what
// a plan says, not a number it rests on (see planned): "new plan: 5% on
// Aug 25, 25% two weeks later" is no data.
func fromData(e *evidence.Evidence) int {
	if !inOwnWords(e) || !slices.Contains(callCategories, e.Category) {
		return 0
	}
	text := weighedOptions.ReplaceAllString(measured(evidence.OneLine(e.Excerpt)), "")
	switch {
	case !measures.MatchString(text):
		return 0
	case restsOnNumber(text), setAgainst.MatchString(text) && observed.MatchString(text):
		return 3
	case givesReason.MatchString(text):
		return 2
	}
	return 1
}

// restsOnNumber reports whether text gives grounds and a number measures
// them: "because it is 8 of last week's 40 pages", "Why now: … 7 of the
// last 10 needed no action at all".
func restsOnNumber(text string) bool {
	at := onGrounds.FindStringIndex(text)
	return at != nil && measures.MatchString(text[at[0]:])
}

// dataAnswer answers a question about deciding from data with the story
// with the strongest calls the user made on a number (fromData 3), else
// the one whose calls on a number follow an opening that measures why the
// work was needed (see onMeasuredGrounds), else the strongest calls with
// a number (fromData 2, else 1), which its actions quote, tagged
// dataQuestion; without any, the strongest story, and a note that says
// what the evidence lacks.
func (r *report) dataAnswer(question string, tiers ...[]initiative) answer {
	if in, ok := strongestBy(r.weightRanked(fromData, 3), false, tiers...); ok {
		return answer{in: in, found: true, question: dataQuestion, focus: fromData, mark: answerMark}
	}
	if in, ok := strongestBy(r.onMeasuredGrounds, false, tiers...); ok {
		// The number is the opening's, which the Situation quotes: no
		// action is marked as the data.
		return answer{in: in, found: true, question: dataQuestion, focus: callWithNumber}
	}
	for rank := 2; rank >= 1; rank-- {
		if in, ok := strongestBy(r.weightRanked(fromData, rank), false, tiers...); ok {
			return answer{in: in, found: true, question: dataQuestion, focus: fromData, mark: answerMark}
		}
	}
	in, ok := strongestBy(r.weightOf(""), true, tiers...)
	return answer{in: in, found: ok,
		note: fmt.Sprintf("no decision or priority call you wrote weighs a number (\"raising this: 8 of last week's 40 pages\"), which %q asks about; here is your strongest story instead, with the questions it does answer under its title",
			evidence.OneLine(question))}
}

// onMeasuredGrounds weighs an initiative whose opening measures why the
// work was needed ("Why now: … 7 of the last 10 needed no action at all")
// by its calls with a number ("saturation alerts page at 95%, not 80%"),
// which rest on it; any other, 0. Calls that only weigh options ("a 99.9%
// SLO, not 99.95%") on an opening without a number are no data.
func (r *report) onMeasuredGrounds(in initiative) float64 {
	if !restsOnNumber(measured(epicGoal(in))) {
		return 0
	}
	return r.weightRanked(callWithNumber, 1)(in)
}

// callWithNumber is 1 for a call in the user's words that says a number,
// an option weighed included ("page at 95%, not 80%"); else 0.
func callWithNumber(e *evidence.Evidence) int {
	if inOwnWords(e) && slices.Contains(callCategories, e.Category) && measures.MatchString(measured(evidence.OneLine(e.Excerpt))) {
		return 1
	}
	return 0
}

// weightRanked weighs an initiative by the strengths of its items that
// focus ranks rank or higher and that its story's actions can quote.
func (r *report) weightRanked(focus storyFocus, rank int) func(initiative) float64 {
	return func(in initiative) float64 {
		weight, goal := 0.0, epicGoal(in)
		for _, e := range in.items {
			if focus(e) >= rank && !in.toldElsewhere(e, goal) {
				weight += r.strengths.of(e)
			}
		}
		return weight
	}
}

// weightOf weighs an initiative by its evidence of a kind of work, or, for
// "", by all of it.
func (r *report) weightOf(category string) func(initiative) float64 {
	return func(in initiative) float64 {
		weight := 0.0
		for _, g := range in.groups {
			if category == "" || g.category.ID == category {
				weight += r.storyWeight(g)
			}
		}
		return weight
	}
}

// strongestBy is the initiative of the tiers that weighs most, and whether
// any weighs anything; with firstTier, the first tier that has one ends the
// search (epics before issues on no epic).
func strongestBy(weigh func(initiative) float64, firstTier bool, tiers ...[]initiative) (initiative, bool) {
	var pick initiative
	found, pickWeight := false, 0.0
	for _, tier := range tiers {
		for _, in := range tier {
			if weight := weigh(in); weight > pickWeight {
				pick, pickWeight, found = in, weight, true
			}
		}
		if found && firstTier {
			break
		}
	}
	return pick, found
}

// bestFor finds the initiative whose story best answers a question: the
// kind of work whose standard question shares the most words with it, and
// the initiative with the strongest evidence of that kind, of any tier:
// "a time you handled an incident" is the incident the user coordinated,
// not an epic where they filed one follow-up. It returns the
// standard question it matched, or the question as asked (a kind of work of
// the user's own has no standard one), and the kind of work it matched.
// When no kind of work matches, it returns the strongest initiative of the
// first tier that has any (epics before issues on no epic) with neither:
// the story does not answer the question, and is not tagged with it. When
// one matches but no story can answer it (see answers), it returns the
// kind and no story.
func (r *report) bestFor(question string, tiers ...[]initiative) (initiative, string, string, bool) {
	words := questionWords(question)
	best, bestScore := evidence.Category{}, 0
	for _, c := range r.taxonomy {
		// Each word of the question that the kind has counts once. A word
		// of the kind's title names it ("incident"), and weighs more than
		// one of its question's ("handled", which "a time you handled
		// conflicting priorities" shares with any question).
		score := 0
		title := questionWords(c.Title)
		its := questionWords(c.StoryQuestion + " " + c.Title + " " + c.StoryTask)
		for i, w := range words {
			meets := func(x string) bool { return sameWord(x, w) }
			if slices.ContainsFunc(its, meets) {
				score++
				if slices.ContainsFunc(title, meets) {
					score++
				}
			}
			// Two words it has together say more than each: "other
			// teams" is working across teams, "others" alone unblocking.
			for j := 1; i > 0 && j < len(its); j++ {
				if sameWord(words[i-1], its[j-1]) && sameWord(w, its[j]) {
					score += 2
					break
				}
			}
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	// Only a story that can answer the question is picked for it; with
	// none, the strongest story, untagged.
	var able [][]initiative
	for _, tier := range tiers {
		able = append(able, slices.DeleteFunc(slices.Clone(tier), func(in initiative) bool { return !r.answers(in, best.ID) }))
	}
	if bestScore > 0 && !slices.ContainsFunc(able, func(tier []initiative) bool { return len(tier) > 0 }) {
		// The kind is there, in no story that can answer it: the caller
		// tells the strongest and says why, rather than that no kind of
		// work answers the question.
		return initiative{}, "", best.ID, false
	}
	if bestScore > 0 {
		tiers = r.keptFirst(able, best.ID)
	}
	pick, found := strongestBy(r.weightOf(best.ID), bestScore == 0, tiers...)
	switch {
	case bestScore == 0:
		return pick, "", "", found
	case best.StoryQuestion == "":
		return pick, evidence.OneLine(question), best.ID, found
	}
	return pick, best.StoryQuestion, best.ID, found
}

// questionWords are the words of a question that carry its meaning,
// lower-cased and without a plural or -ing ending.
func questionWords(q string) []string {
	stop := []string{"a", "an", "the", "time", "you", "your", "when", "tell", "me", "about", "of", "to", "and", "or", "with",
		"in", "on", "for", "that", "it", "was", "what", "how", "did", "do", "describe", "give", "example", "something", "i", "my"}
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "ing"), "s")
		if len(w) > 2 && !slices.Contains(stop, w) && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// sameWord says two question words are one word spelt or inflected
// differently: "prioritise", "prioritize" and "prioritization";
// "coordinated" and "coordination"; "plan" and "planning".
func sameWord(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	const stem = 6
	return a == b || len(a) >= 4 && strings.HasPrefix(b, a) || len(a) >= stem && a[:stem] == b[:stem]
}

// story builds the story of one initiative. Its texts are plain; the
// Markdown writer escapes them.
func (r *report) story(in initiative, quoted *quoteSet) story {
	return r.storyAbout(in, quoted, answer{})
}

// storyAbout is story told as the answer told: when its focus is set,
// with an action it ranks among its actions, of its highest rank there
// is: a story picked to answer "a time you handled conflicting
// priorities" must show the user prioritizing, and one picked for "a time
// you disagreed" must quote them saying no, even where other kinds of
// their work are stronger. With a mark, that action is marked as the
// answer (storyAction.Answers), in its place in time; uncrowded, the
// sprint notes focus finds nothing in are left out: they crowd the one
// action the story is told for. Its in, found, question and note are
// the caller's: in is told.
func (r *report) storyAbout(in initiative, quoted *quoteSet, told answer) story {
	focus, prefer := told.focus, told.prefer
	t := r.tally(in.items)
	s := story{Questions: []string{}, SponsorQuotes: []jsonSponsorQuote{}}
	goal := epicGoal(in)
	if in.onNoEpic {
		s.Issue, s.situation, s.incident = in.storyIssue(), r.issueSituation(in, goal), in.isIncident()
	} else {
		s.Epic, s.situation = r.epicSituation(in, t, goal, told.forDate)
	}
	s.Situation = s.situation
	if grant, ok := r.handedOver(in); ok {
		s.handover = grant.part()
		s.Situation += " " + s.handover.told()
		s.SponsorQuotes = append(s.SponsorQuotes, grant.json())
	}
	if goal != "" {
		quoted.add(goal) // an action does not quote it again
	}

	// The groups in the order of how much they add to the story.
	groups := slices.Clone(in.groups)
	slices.SortStableFunc(groups, func(a, b group) int { return cmp.Compare(r.storyWeight(b), r.storyWeight(a)) })

	// The strongest items in the user's own words, told in the order they
	// happened; field edits only when there are too few of those.
	var written, edits []*evidence.Evidence
	for _, e := range in.items {
		switch {
		case in.toldElsewhere(e, goal):
		case inOwnWords(e):
			written = append(written, e)
		default:
			edits = append(edits, e)
		}
	}
	// A progress note is told as an update, not as epic ownership (see
	// provable), before the focus takes its kind out of written: with the
	// update gone, "Sharing where we stand …" read "Shaped the epic".
	written = provable(written)
	// A story of one issue, or of an incident and its follow-ups, tells
	// several updates of one kind if they are what the user wrote: one per
	// issue and kind would leave it one quote.
	pick := r.strengths.pickVaried
	if in.onNoEpic {
		pick = func(items []*evidence.Evidence, n int, shown *quoteSet) []*evidence.Evidence {
			return r.strengths.pickIssueFirst(in, items, n, shown)
		}
	}
	var picked []*evidence.Evidence
	var answering *evidence.Evidence
	kept, rolledOut := r.rolloutOf(in)
	if focus != nil {
		picked = r.pickFocus(focus, written, edits, quoted)
		if len(picked) > 0 {
			s.focused = picked[0].ID
		}
		if len(picked) > 0 && picked[0].Category == evidence.CatPrioritization {
			// A re-ranking is told with the priority it moved below, when
			// that one was the user's own call too.
			if earlier := r.rankedEarlier(picked[0]); earlier != nil && slices.Contains(written, earlier) {
				picked = append(picked, earlier)
			}
		}
		if told.mark != "" && len(picked) > 0 {
			answering = picked[0]
		}
		if told.uncrowded && len(picked) > 0 {
			besideTheFocus := func(e *evidence.Evidence) bool { return e.Category == evidence.CatSprintPlanning && focus(e) == 0 }
			written = slices.DeleteFunc(slices.Clone(written), besideTheFocus)
			edits = slices.DeleteFunc(slices.Clone(edits), besideTheFocus)
		}
		if rolledOut && len(picked) > 0 && picked[0].Category == evidence.CatReleasePlanning {
			// A rollout picked for its planning is told by its steps: the
			// plan alone would stop the story at a promise.
			picked = append(picked, kept.notesAmong(written, picked, quoted)...)
			// Its plan is what the story answers with: the steps report
			// it kept.
			if i := slices.IndexFunc(picked, func(e *evidence.Evidence) bool {
				return e.Source == evidence.SourceComment && e.SourceID == kept.plan.ID
			}); i >= 0 {
				s.focused = picked[i].ID
			}
		}
		if len(picked) > 0 {
			written = slices.DeleteFunc(slices.Clone(written), func(e *evidence.Evidence) bool {
				// A record picked for one kind of work is not told again
				// for another: one comment, one action.
				return slices.ContainsFunc(picked, func(p *evidence.Evidence) bool { return sameRecord(p, e) }) ||
					!in.onNoEpic && e.Category == picked[0].Category
			})
		}
	}
	if !in.onNoEpic {
		written = builtFirst(in, written, storyActions-len(picked))
	}
	picked = append(picked, preferredFirst(prefer, written, storyActions-len(picked), pick, quoted)...)
	if len(picked) == 0 {
		// Everything it could quote reads like another story's: a story
		// repeats rather than tell nothing.
		picked = pick(written, storyActions, nil)
	}
	if len(picked) < 2 {
		edits = slices.DeleteFunc(edits, func(e *evidence.Evidence) bool { return slices.Contains(picked, e) || editBesideANo(e, picked) })
		picked = append(picked, r.strengths.pickVaried(edits, 2-len(picked), nil)...)
	}
	if in.hasOutcome {
		picked = r.withMissedETA(in, picked, focus) // the Result tells its date
	}
	slices.SortFunc(picked, evidence.ByOccurrence)
	for _, e := range picked {
		text, _ := r.quotable(e)
		verb, quote := r.storyVerb(e, text), storyQuote(evidence.QuoteBody(text), 240)
		mark := told.mark
		if no, ok := r.declinedAnswered(r.whole(e)); ok {
			// The no, to whom, and its grounds, from the whole comment:
			// the classifier's excerpt may stop before its point.
			verb, quote = no.verb(), no.quote(declinedLength)
			if mark == noMark {
				mark = "" // "Said no to Nadia" says it
			}
		}
		if r.strengths.filledIn(e) {
			// A form filled in ("From the postmortem OPS-1277 of
			// OPS-1276: … Why: It is the cheapest of the action items
			// …") is told by its summary: its words are nobody's.
			quote = ""
		}
		if focus != nil && focus(e) > 0 && in.isIncident() && e.Source == evidence.SourceIssue {
			// A failure is told by what let it happen (ownedGap), not by
			// the impact its postmortem opens with.
			// Whom it hurt comes with it when the Result does not say.
			if cause, ok := r.causeOwned(e, in, !harmSaid(in.outcome.Text)); ok {
				quote = storyQuote(cause, failureLength)
			}
		}
		a := storyAction{
			Category: e.Category, EvidenceID: e.ID, IssueKey: evidence.OneLine(e.IssueKey), IssueURL: linkableURL(e.IssueURL),
			Link:       linkableURL(e.RecordURL()),
			OccurredAt: timestamp(e.OccurredAt), Excerpt: quote,
			verb: verb, at: e.OccurredAt.UTC(),
			edit: !inOwnWords(e), filed: e.Source == evidence.SourceIssue, Note: evidence.OneLine(e.Note),
			Answers: e == answering, mark: mark, Kept: r.promiseKeptSaid(e, quote), Slipped: r.agreementSlipped(e),
		}
		if !slices.Contains(in.items, e) {
			// An ask told in place of the link that records it (askBehind),
			// on another team's issue: their answer is its result.
			a.Answer = r.answerTo(e)
		} else if reply, ok := r.replanAgreed(e); ok {
			a.Answer = answered(e, reply)
		} else if r.influenced(e) > 0 {
			// Someone outside the team took up the ask: their answer
			// is what makes it influence.
			a.Answer = r.replyTo(e)
		}
		// The epic's own summary is the story's title already.
		if !in.isEpic(e.IssueKey) {
			a.summary = shortTitle(e.IssueSummary)
			if focus != nil && focus(e) > 0 {
				a.summary += r.requestShown(e) // the request a no declined
			}
		}
		a.Text = a.verb
		if a.IssueKey != "" {
			a.Text += " " + a.IssueKey
		}
		if a.summary != "" {
			a.Text += " (" + a.summary + ")"
		}
		s.Actions = append(s.Actions, a)
	}
	// The task names the kinds of work the actions show, strongest first:
	// "clearing what blocked teammates" with no unblocking quoted would
	// be a claim the story does not back.
	var tasks []string
	for _, g := range groups {
		shown := slices.ContainsFunc(s.Actions, func(a storyAction) bool { return a.Category == g.category.ID && backsTask(a) })
		if shown && len(tasks) < initiativeClaims {
			tasks = append(tasks, storyTask(g.category))
		}
	}
	s.Task = "My part: " + evidence.JoinAnd(tasks) + "."
	if in.owned {
		// Its owner's part leads with owning it, whatever the actions
		// quote: "My part: owning the initiative end to end: shaping …".
		owning := storyTask(r.categoryOf(evidence.CatEpicOwnership))
		tasks = slices.DeleteFunc(tasks, func(t string) bool { return t == owning })
		if in.status() == "done" {
			owning += " end to end"
		}
		s.Task = "My part: " + owning + "."
		if len(tasks) > 0 {
			s.Task = "My part: " + owning + ": " + evidence.JoinAnd(tasks) + "."
		}
	}

	if told.owns != "" {
		s.Task += " " + told.owns
	}

	var said []string
	for _, a := range s.Actions {
		if a.Excerpt != "" && a.Category != "" && !a.edit {
			said = append(said, upperFirst(r.categoryTitle(a.Category))+": “"+storyQuote(a.Excerpt, 120)+"”")
		}
	}
	s.Action = "In my own words: " + strings.Join(said, " ")
	if len(said) == 0 {
		s.Action = r.initiativeSummary(in)
	}

	switch {
	case in.hasOutcome:
		// Of phases, what each achieved: "Phase 1: “…” (Jira comment, …).
		// Phase 2: …".
		before := "" // what the next part opens with
		for _, po := range in.earlierOutcomes {
			po.outcome.Text = strings.TrimRight(strings.TrimSpace(po.outcome.Text), ".") // the sentence goes on
			s.result = append(s.result, r.storyResult(in, before+"Phase "+strconv.Itoa(po.phase)+": ", po.outcome))
			before = ". "
		}
		if in.outcomePhase > 0 {
			before += "Phase " + strconv.Itoa(in.outcomePhase) + ": "
		}
		s.result = append(s.result, r.storyResult(in, before, in.outcome))
		r.noteWindowUnelapsed(in)
		if praise, ok := r.recognised(in); ok {
			part := praise.part()
			part.text = nextSentence(s.result) + part.text
			s.result = append(s.result, part)
			s.SponsorQuotes = append(s.SponsorQuotes, praise.json())
		}
		s.result = append(s.result, resultPart{text: in.whatFollowed(s.Actions)}, resultPart{text: r.laterPhase(in, s.Actions)})
		if rolledOut {
			// The outcome says where it ended, seldom that it ended
			// when planned.
			s.result = append(s.result, resultPart{text: nextSentence(s.result) + upperFirst(kept.told(picked, answering, in.outcome.Text)) + "."})
		}
		if missed, ok := r.etaMissed(in); ok {
			s.result = append(s.result, resultPart{text: nextSentence(s.result) + missed})
			if eta, _, _ := r.missedETA(in); slices.ContainsFunc(s.Actions, func(a storyAction) bool { return a.EvidenceID == eta.ID }) {
				s.actionOf(eta).Kept = "" // the Result tells it
			}
		}
		if told.forDate {
			// Told for a deadline: which dates held.
			met, asks := r.datesMet(in, picked)
			for _, said := range met {
				s.result = append(s.result, resultPart{text: nextSentence(s.result) + said})
			}
			for _, ask := range asks {
				// The Result tells when its work was done, against the
				// date asked for; the action tells only the answer.
				s.actionOf(ask).Answer = r.replyTo(ask)
			}
		}
	case in.saidNoAmong(picked) != nil:
		// A no is its own outcome: "the issue is not done yet" read as a
		// failure. The answer of the person told no, what the user wrote
		// later with a number, or else what the goal the no kept achieved
		// says how it went; with none, stderr asks for it.
		no := in.saidNoAmong(picked)
		if reply := r.agreedTo(no); reply.text != "" {
			s.result = append(s.result, reply)
		}
		if later, ok := r.laterMeasured(in.items, no); ok {
			if len(s.result) > 0 {
				later.text = nextSentence(s.result) + later.text
			}
			s.result = append(s.result, later)
		}
		if held := r.releaseHeld(no); held != "" && len(s.result) > 0 {
			s.result = append(s.result, resultPart{text: nextSentence(s.result) + held})
		}
		if left := r.releasedWithout(no); left != "" && len(s.result) > 0 {
			s.result = append(s.result, resultPart{text: nextSentence(s.result) + left})
		}
		if len(s.result) == 0 {
			s.result = r.heldFor(in, no)
		}
		if len(s.result) == 0 {
			d, _ := declinedIn(no)
			in.noOutcome = "no answer of " + d.to + "'s on the issue says how your no was taken, no later comment of yours there holds a number, and its grounds name no goal of yours with an outcome"
			r.missingOutcome(in)
		}
	case r.askMetAmong(picked) != "":
		// The date another team was asked for and gave is the result;
		// the action tells their answer.
		s.result = []resultPart{{text: upperFirst(r.askMetAmong(picked)) + "."}}
	case r.keptCommitmentAmong(picked) != nil:
		said := r.keptCommitmentAmong(picked)
		s.result = r.commitmentHeld(said)
		// The Result tells the date kept; the action does not again.
		s.actionOf(said).Kept = ""
	default:
		// What Jira shows, said as Jira's and not the user's words, and
		// nothing the reader should not see: the command that records the
		// outcome goes to the lint (stderr).
		if t.issues > 0 {
			shows := doneShare(t.done, t.issues)
			if t.issues == 1 {
				shows += in.shippedIn()
			}
			if in.status() == "done" && !in.onNoEpic {
				shows += ", and so is the epic"
			}
			if in.status() == "done" {
				said := ""
				if live := keptDate(ownCommentsOn(in.epic, in.epicItems)); live != "" {
					said = in.releaseCalled() + " " + live
				} else if rolledOut {
					said = kept.told(picked, answering, "")
				}
				switch against := in.doneAgainstRelease(); {
				case said != "" && t.issues == 1:
					// Gone live on its day says it is done.
					shows = said
				case said != "":
					shows = said + ", and " + doneShare(t.done, t.issues)
				case t.issues == 1 && against != "":
					shows = against
				}
			}
			s.result = append(s.result, resultPart{text: fromJira + shows + "."})
		}
		r.missingOutcome(in)
	}
	if moved := r.rerankDone(picked); moved != "" {
		// How the re-ranking ended comes before how the initiative did.
		s.result = append([]resultPart{{text: moved + " "}}, s.result...)
	}
	for _, e := range picked {
		if told := r.deferredWorkSaid(e); told != "" {
			// What became of the work a quoted call put off.
			if len(s.result) > 0 {
				told = nextSentence(s.result) + told
			}
			s.result = append(s.result, resultPart{text: told})
		}
	}
	for _, part := range s.result {
		s.Result += part.told()
		if link := linkableURL(part.link); link != "" {
			s.ResultLink = link
		}
	}
	return s
}

// shippedIn says, of the done issue a story is told from, the fix
// versions Jira records it in: ", in fix version 5.4". Without an outcome
// it is the most Jira says of where the work went (doneAgainstRelease
// adds when).
func (in initiative) shippedIn() string {
	if !in.onNoEpic || in.status() != "done" || len(in.epicItems) == 0 {
		return ""
	}
	var versions []string
	for _, v := range in.epicItems[len(in.epicItems)-1].IssueFixVersions {
		versions = append(versions, evidence.OneLine(v))
	}
	switch len(versions) {
	case 0:
		return ""
	case 1:
		return ", in fix version " + versions[0]
	}
	return ", in fix versions " + evidence.JoinAnd(versions)
}

// fromJira opens a Result that tells what Jira shows where the user
// recorded no outcome: the reader takes it as Jira's, not the user's.
const fromJira = "According to Jira, "

// doneAgainstRelease says, of the done issue a story is told from with
// one fix version, when it was done against the day Jira gives that
// release (IssueReleaseDates): "it was done on 10 November, a week before
// it shipped in 5.4 on 17 November", or, more than a sprint before it,
// "it was done on 22 October and shipped in 5.4 on 17 November". "the
// issue is done, in fix version 5.4" alone leaves the interviewer to ask
// when. "" where Jira gives either day not, or the issue was done after
// the release.
func (in initiative) doneAgainstRelease() string {
	e, version := in.soleFixVersion()
	if e == nil {
		return ""
	}
	released, ok := e.IssueReleaseDates[e.IssueFixVersions[0]]
	if !ok || e.IssueResolved == nil || doneAfter(e, released) {
		return ""
	}
	done, released := dayOnly(e.IssueResolved.UTC()), dayOnly(released.UTC())
	said := "it was done on " + done.Format("2 January")
	switch days := int(released.Sub(done).Hours() / 24); {
	case days > sprintDays:
		// "53 days before the release" reads as the work sitting idle.
		return said + " and shipped in " + version + " on " + released.Format("2 January")
	case days > 0:
		return said + ", " + daysSpan(days) + " before it shipped in " + version + " on " + released.Format("2 January")
	}
	return said + ", the day it shipped in " + version
}

// soleFixVersion is the done issue a story is told from and its fix
// version, where Jira files it under one; nil otherwise.
func (in initiative) soleFixVersion() (*evidence.Evidence, string) {
	if in.shippedIn() == "" || len(in.epicItems[len(in.epicItems)-1].IssueFixVersions) != 1 {
		return nil, ""
	}
	e := in.epicItems[len(in.epicItems)-1]
	return e, evidence.OneLine(e.IssueFixVersions[0])
}

// releaseCalled is what a story's Result calls the work that went live:
// the issue's one fix version where its summary names it, as a release's
// issue does ("4.13" of "Release 4.13 - readiness, …"), else "it".
func (in initiative) releaseCalled() string {
	e, version := in.soleFixVersion()
	if e == nil || !slices.Contains(strings.Fields(evidence.OneLine(e.IssueSummary)), version) {
		return "it"
	}
	return version
}

// sprintDays is a usual sprint's length in days: work done longer than
// that before its release waited for it, which a count of days does not
// say.
const sprintDays = 14

// nextSentence is what opens a sentence after the parts of a result: a
// stop, unless they end with one.
func nextSentence(parts []resultPart) string {
	text := ""
	for _, part := range parts {
		text += part.told()
	}
	if strings.HasSuffix(strings.TrimSpace(text), ".") {
		return " "
	}
	return ". "
}

// told is how a story's result tells the rollout its user kept (see
// rollout.says): where the action that answers the question (answering)
// is the check of one of its steps, by the step taken after it (see
// callAfter), which is what a data question asks for. It repeats neither what the outcome says of where
// and when it ended nor a plan an action quotes.
func (k rollout) told(picked []*evidence.Evidence, answering *evidence.Evidence, outcome string) string {
	planQuoted := slices.ContainsFunc(picked, func(e *evidence.Evidence) bool {
		return e.Source == evidence.SourceComment && e.SourceID == k.plan.ID
	})
	endTold := k.endToldIn(outcome)
	if answering != nil && answering.Source == evidence.SourceComment {
		checked := slices.IndexFunc(k.reached, func(c evidence.Comment) bool { return c.ID == answering.SourceID })
		if checked >= 0 && checked < len(k.steps)-1 {
			return k.callAfter(checked, endTold, planQuoted)
		}
	}
	return k.says(endTold, planQuoted)
}

// endToldIn reports whether an outcome says the share a rollout ended at
// and the day it got there: "Shipped to 100% on Sep 30. …".
func (k rollout) endToldIn(outcome string) bool {
	last := len(k.steps) - 1
	text := evidence.OneLine(outcome)
	atEnd := slices.ContainsFunc(rolloutReached.FindAllStringSubmatch(text, -1), func(m []string) bool { return m[1]+"%" == k.steps[last].share })
	reached := k.reached[last].At.UTC()
	// Read as of the day it got there: said after, "Sep 30" would be
	// next year's.
	_, day, ok := evidence.GivenDate(text, reached, false)
	return atEnd && ok && day.Month() == reached.Month() && day.Day() == reached.Day()
}

// callAfter says the step the user took after checking the one whose
// check answers a story's question (checked, of k.steps): "after the check at 25% on 8
// September, I took it to 100% on 30 September, as I had re-planned on 10
// August". Jira shows the check, then the user's note of the next step;
// what the check showed the action quotes. The day is left out where the
// outcome told it (endTold) and the step is the last.
func (k rollout) callAfter(checked int, endTold, planQuoted bool) string {
	next := checked + 1
	s := "after the check at " + k.steps[checked].share + " on " + k.reached[checked].At.UTC().Format("2 January") +
		", I took it to " + k.steps[next].share
	if !endTold || next < len(k.steps)-1 {
		s += " on " + k.reached[next].At.UTC().Format("2 January")
	}
	return s + ", " + k.asPlanned(planQuoted)
}

// laterPhase says where the phase after the one whose result a story
// quotes stands, when the story tells actions from after that result: a
// reader who finds October's actions under April's result should know
// they are the next phase's ("Phase 2 (OPS-1421) is in review: 13 of the
// 16 issues are done").
func (r *report) laterPhase(in initiative, actions []storyAction) string {
	latest := len(in.phases) - 1
	if latest < 1 || in.outcomePhase == 0 || in.outcomePhase == in.phases[latest] || in.epic.StatusCategory == "done" ||
		!slices.ContainsFunc(actions, func(a storyAction) bool { return a.at.After(in.outcome.Comment.At) }) {
		return ""
	}
	return ". Phase " + strconv.Itoa(in.phases[latest]) + " (" + in.epic.Key + ") is " + r.latestPhaseStatus(in) + "."
}

// toldElsewhere reports whether a story tells an item of its initiative
// outside its actions, or not at all: its situation quotes the epic as
// created (goal, when the user created it) and so what repeats its goal,
// its result the outcome, which no action comes after (afterResult).
func (in initiative) toldElsewhere(e *evidence.Evidence, goal string) bool {
	goalQuoted := goal != ""
	return e.Source == evidence.SourceIssue && in.isEpic(e.IssueKey) && goalQuoted || in.isOutcomeComment(e) ||
		goalQuoted && restates(e.Excerpt, goal) || in.afterResult(e)
}

// pickFocus picks the one item a story must quote to answer its question:
// of the highest rank focus gives any, the strongest written item unlike
// those quoted, else a field edit, else a written item even if it reads
// like one quoted (an answer without its evidence is a promise).
func (r *report) pickFocus(focus storyFocus, written, edits []*evidence.Evidence, quoted *quoteSet) []*evidence.Evidence {
	top := 0
	for _, e := range slices.Concat(written, edits) {
		top = max(top, focus(e))
	}
	if top == 0 {
		return nil
	}
	of := func(items []*evidence.Evidence) []*evidence.Evidence {
		return slices.DeleteFunc(slices.Clone(items), func(e *evidence.Evidence) bool { return focus(e) != top })
	}
	if picked := r.strengths.pickVaried(of(written), 1, quoted); len(picked) > 0 {
		return picked
	}
	if picked := r.strengths.pickVaried(of(edits), 1, nil); len(picked) > 0 {
		// A field edit says what was done, not why: what the user wrote
		// on the issue within the hour says it ("PAY vault can't tokenize
		// Amex until their processor migration lands, so Amex stays out
		// of v1", two minutes before "Linked: is blocked by PAY-821"),
		// and is told in its place: the two are one act.
		edit := picked[0]
		if ask := r.askBehind(edit); ask != nil {
			return []*evidence.Evidence{ask}
		}
		besides := slices.DeleteFunc(slices.Clone(written), func(e *evidence.Evidence) bool { return !besideEdit(e, edit) })
		if said := r.strengths.pickVaried(besides, 1, quoted); len(said) > 0 {
			return said
		}
		return picked
	}
	return r.strengths.pickVaried(of(written), 1, nil)
}

// besideEdit reports whether the user's own words e were written on the
// issue of a field edit or link within the hour of it: "Sorry Meenakshi,
// we cannot take this into 4.13 …" and, five minutes later, "Fix
// Version: 4.13 → 4.14" are one act, the comment saying it with why.
func besideEdit(e, edit *evidence.Evidence) bool {
	return inOwnWords(e) && e.SiteName == edit.SiteName && e.IssueKey == edit.IssueKey && e.OccurredAt.Sub(edit.OccurredAt).Abs() <= time.Hour
}

// editBesideANo reports whether a field edit has, among the items a story
// tells, a no of the user's beside it (besideEdit, declinedIn): "we cannot
// take this into 4.13" says the move to 4.14 and why, and the edit told
// as an action of its own counts it twice. A change beside other words
// may be what shows them done (a flag cleared after "got Jun to add you").
func editBesideANo(edit *evidence.Evidence, told []*evidence.Evidence) bool {
	return slices.ContainsFunc(told, func(e *evidence.Evidence) bool {
		_, no := declinedIn(e)
		return no && besideEdit(e, edit)
	})
}

// askBehind is, of a link the user made to an issue of another project
// ("Linked: is blocked by PLAT-1531"), what they asked that project's team
// there within the hour, in a comment of the link's kind of work: "Oi
// Bruno, Fernanda - to make 5.2 … we'd need this on staging by 03/07".
// The ask is the influence; the link only records it. nil when there is
// none.
func (r *report) askBehind(edit *evidence.Evidence) *evidence.Evidence {
	for _, key := range issueKeyMention.FindAllString(edit.Excerpt, -1) {
		if project, _, _ := strings.Cut(key, "-"); project == edit.IssueProject {
			continue
		}
		for _, e := range r.items {
			if e.SiteName == edit.SiteName && e.IssueKey == key && e.Source == evidence.SourceComment &&
				e.Category == edit.Category && e.OccurredAt.Sub(edit.OccurredAt).Abs() <= time.Hour {
				return e
			}
		}
	}
	return nil
}

// answerTo is how the team an ask went to (askBehind) answered it, and
// when its issue was done after it: "Bruno Lima answered within the
// hour: “03/07 works, Fernanda takes it next sprint”; PLAT-1531 was done
// on 2 July". "" when nobody answered; a question back is no answer.
func (r *report) answerTo(ask *evidence.Evidence) string {
	answer := r.replyTo(ask)
	if answer == "" {
		return ""
	}
	if done, ok := r.doneIssues[issueRef{ask.SiteName, ask.IssueKey}]; ok && done.Resolved.After(ask.OccurredAt) {
		answer += "; " + ask.IssueKey + " was done on " + done.Resolved.UTC().Format("2 January")
	}
	return answer
}

// replyTo is how the team an ask went to answered it (answerOf): "Bruno
// Lima answered within the hour: “03/07 works, Fernanda takes it next
// sprint”". "" when nobody answered.
func (r *report) replyTo(ask *evidence.Evidence) string {
	reply, ok := r.answerOf(ask)
	if !ok {
		return ""
	}
	return answered(ask, reply)
}

// epicSituation is the epic of an initiative's story and its situation:
// the initiative, where and when the user worked on it, and the goal they
// wrote when they created its epic, if they did; told for a deadline,
// quoted up to the date it sets (goalUpToDate).
func (r *report) epicSituation(in initiative, t tally, goal string, deadline bool) (*storyEpic, string) {
	epic := &storyEpic{Site: in.epic.SiteName, Key: in.epic.Key, Summary: evidence.OneLine(in.title), URL: in.epic.URL}
	var keys []string
	for _, ep := range in.earlier {
		epic.Earlier = append(epic.Earlier, storyRef{Key: ep.Key, URL: ep.URL})
		keys = append(keys, ep.Key)
	}
	keys = append(keys, in.epic.Key)
	name := "“" + epic.Summary + "” (" + strings.Join(keys, ", ") + ")"
	if epic.Summary == "" {
		name = strings.Join(keys, ", ")
	}
	situation := name + " was an initiative" + r.projectPhrase(in) + ". I worked on " +
		quantity(t.issues, "of its issues", "of its issues") + in.whenAndWith(teammatesSaid(t.teammates))
	if mates, issues := r.epicsScale(in.epics(), in.items); in.owned && issues.Value > 1 {
		// Its owner answers for all of it: "an initiative I owned …: 24
		// issues", not "I worked on 18 of its issues".
		situation = name + " was an initiative I owned" + r.projectPhrase(in) + ": " +
			quantity(int(issues.Value), "issue", "issues") + in.whenAndWith(teammatesSaid(int(mates.Value)))
	}
	if goal != "" {
		created := "the epic"
		if len(in.earlier) > 0 {
			created = "the first phase's epic"
		}
		quote := storyQuote(in.goalAsWritten(goal), 240)
		if deadline {
			quote = in.goalUpToDate(goal, quote)
		}
		situation += " When I created " + created + " I wrote: “" + quote + "”"
	}
	return epic, situation
}

// goalUpToDate is the quote of an initiative's goal in a story told for
// a deadline: where the quote cut the sentence that gives the goal's date
// (goalDue), the goal up to the end of that sentence. "… about the app
// closing when paying. …" left out "Goal for this: get checkout
// crash-free sessions above 99.5% by the end of Q3", the deadline the
// story is about. A date more than a second quote's length in is left
// where it is.
func (in initiative) goalUpToDate(goal, quote string) string {
	words, _, ok := goalDue(in.epic)
	if !ok {
		return quote
	}
	full := in.goalAsWritten(goal)
	sentences := sentencesOf(evidence.OneLine(full))
	for i, sentence := range sentences {
		if !strings.Contains(sentence, words) {
			continue
		}
		upTo := strings.Join(sentences[:i+1], " ")
		if strings.Contains(quote, sentence) || !strings.HasPrefix(evidence.OneLine(full), sentences[0]) || len(upTo) > 2*240 {
			return quote
		}
		if i+1 < len(sentences) {
			upTo += evidence.SentencesLeftOut
		}
		return upTo
	}
	return quote
}

// whenAndWith ends the sentence of a story's situation that says what the
// user worked on: when, and alongside whom (with: "3 teammates", "2
// people from Platform"; "" for nobody).
func (in initiative) whenAndWith(with string) string {
	s := " " + evidence.LowerFirst(spanPhrase(in.items[0].OccurredAt.UTC(), in.items[len(in.items)-1].OccurredAt.UTC()))
	if with != "" {
		s += ", alongside " + with
	}
	return s + "."
}

// teammatesSaid is a count of teammates as whenAndWith says it: "1
// teammate", "3 teammates"; "" for none.
func teammatesSaid(n int) string {
	if n == 0 {
		return ""
	}
	return quantity(n, "teammate", "teammates")
}

// storyResult is an outcome as a story's Result tells it, after before:
// the user's words, or the Jira comment's, quoted, with where and when it
// was said.
func (r *report) storyResult(in initiative, before string, o initiativeOutcome) resultPart {
	if o.Mine {
		return resultPart{text: before + upperFirst(evidence.OneLine(o.Text))}
	}
	text := o.Text
	switch {
	case in.isIncident():
		// As the brief's Outcome: up to its last fact, "I'll write up
		// what happened tomorrow" left out, since what followed says
		// whether the postmortem came (whatFollowed).
		text, _ = r.incidentOutcome(o)
	case isUser(o.Comment.Author, r.userOf(in.epic.SiteName)):
		// The user's own result is quoted as their actions are: a
		// promise in it they did not keep is cut (quotable).
		text, _ = r.quotable(&evidence.Evidence{SiteName: in.epic.SiteName, IssueKey: o.Epic.Key, Source: evidence.SourceComment,
			OccurredAt: o.Comment.At, Excerpt: o.Text, IssueStatusCategory: o.Epic.StatusCategory})
	}
	part := resultPart{text: before + "“" + upperFirst(storyQuote(evidence.QuoteBody(text), outcomeLength)) + "”"}
	part.source, part.link = r.outcomeSource(in, o)
	return part
}

// backsTask reports whether a story's action backs the Task's claim of
// its kind of work: "coordinating the response when things broke" needs
// an incident update of the user's own, not a follow-up filed after it
// ("From the postmortem OPS-1221 of OPS-1220: synthetic check …").
func backsTask(a storyAction) bool {
	return a.Category != evidence.CatIncidentCoord || !a.filed && !a.edit
}

// storyTask is a category's part in a story's Task; a user's own category
// names itself.
func storyTask(c evidence.Category) string {
	if c.StoryTask != "" {
		return c.StoryTask
	}
	return "the " + evidence.OneLine(c.Title) + " work"
}

// storyVerb is the verb of a story's action for item e, whose words
// quoted are text: its kind's (toldAs, actionVerb), or, for the plan of a
// staged rollout kept step by step (rolloutPlannedIn), the bullet's
// "Re-planned the rollout of": "Planned the release of CHK-1401", an epic,
// is not what its writer did there.
func (r *report) storyVerb(e *evidence.Evidence, text string) string {
	told := r.toldAs(e)
	if k, ok := r.rolloutPlannedIn(e, text); ok && told == evidence.CatReleasePlanning {
		return upperFirst(k.planVerb()) + " the rollout of"
	}
	return actionVerb(r.categoryOf(told), e)
}

// actionVerb is the verb of an action of category c in a story, from the
// activity behind item e.
func actionVerb(c evidence.Category, e *evidence.Evidence) string {
	if e.Source == evidence.SourceIssue && c.ID == evidence.CatIncidentCoord && (isPostmortem(e.IssueType, e.IssueSummary) || e.Rule == writeUpRule) {
		return "Wrote the postmortem" // not a follow-up of one
	}
	if c.ID == evidence.CatAcceptanceTesting && sentBack(e) {
		return "Tested and reopened" // "Verified" would say it passed
	}
	if e.Source == evidence.SourceIssue && c.StoryCreated != "" {
		return c.StoryCreated
	}
	if c.ID == evidence.CatEpicOwnership && e.Source == evidence.SourceChange && editedField(e.Excerpt) == "Status" {
		// Along its lifecycle: "Shaped the epic — Status: In Review → In
		// Progress" claimed scope work a status edit does not show.
		return "Moved the epic"
	}
	if c.ID == evidence.CatReleasePlanning && e.Source == evidence.SourceComment &&
		rolloutReached.MatchString(e.Excerpt) && !rolloutStepGiven.MatchString(e.Excerpt) {
		// "at 5% of web traffic since this morning" reports a staged
		// rollout where it stands; it planned nothing.
		return "Reported the rollout of"
	}
	if c.StoryAction != "" {
		return c.StoryAction
	}
	return "Recorded " + evidence.OneLine(c.Title) + " on"
}

// toldAs is the category whose verb a story gives item e. One comment
// can be evidence of several kinds of work (“to make 5.2 we'd need this on
// staging by 03/07” on another team's issue is cross-team coordination and
// release planning); a story may pick it for one kind and another story
// for the other, yet it is one thing the user wrote, so every story names
// it with one verb: that of the most specific kind among the claims a
// proof says (provable), in verbOrder. The story still counts it as the
// kind it picked it for (its task, the questions it answers).
func (v *view) toldAs(e *evidence.Evidence) string {
	if e.SourceID == "" || !inOwnWords(e) {
		return e.Category // one change can set two fields: each is its own act
	}
	if v.claims == nil {
		v.claims = make(map[activityRef][]*evidence.Evidence)
		for _, x := range v.items {
			if x.SourceID != "" {
				v.claims[recordOf(x)] = append(v.claims[recordOf(x)], x)
			}
		}
	}
	claims := provable(v.claims[recordOf(e)])
	if !slices.Contains(claims, e) {
		return e.Category
	}
	rank := func(id string) int {
		if i := slices.Index(verbOrder, id); i >= 0 {
			return i
		}
		return len(verbOrder) + slices.IndexFunc(v.groups, func(g group) bool { return g.category.ID == id })
	}
	return slices.MinFunc(claims, func(a, b *evidence.Evidence) int { return cmp.Compare(rank(a.Category), rank(b.Category)) }).Category
}

// verbOrder ranks the kinds of work by how much their verb says of one
// comment: whom it answered (a teammate it unblocked, another team), what
// it settled, what it planned, and last that it kept people informed or
// shaped the epic, which any comment on it does. A category of the user's
// own comes after these, in taxonomy order.
var verbOrder = []string{
	evidence.CatUnblocking, evidence.CatCrossTeam, evidence.CatIncidentCoord, evidence.CatAcceptanceTesting,
	evidence.CatDecisionMaking, evidence.CatPrioritization, evidence.CatReleasePlanning, evidence.CatSprintPlanning,
	evidence.CatStoryWriting, evidence.CatBacklogGrooming, evidence.CatStakeholderComms, evidence.CatEpicOwnership,
}

// sameRecord says items a and b are evidence from one Jira record.
func sameRecord(a, b *evidence.Evidence) bool {
	return a == b || a.SourceID != "" && recordOf(a) == recordOf(b)
}

// sentBack says acceptance testing item e sent the work back: the
// reopening itself, or the words that did.
func sentBack(e *evidence.Evidence) bool {
	return e.Category == evidence.CatAcceptanceTesting && (e.Rule == "change.reopen" || reopening.MatchString(e.Excerpt))
}

// reopening finds acceptance testing that sent the work back.
var reopening = regexp.MustCompile(`(?i)\breopen(?:ed|ing|s)?\b|\bnot (?:yet )?met\b|isn't met`)

// projectPhrase names the projects of an initiative's issues: " in
// Payments (PAY)", " across Payments (PAY) and Checkout (CHK)".
func (r *report) projectPhrase(in initiative) string {
	var names []string
	seen := make(map[issueRef]bool)
	for _, e := range in.items {
		ref := issueRef{e.SiteName, projectOf(e)}
		if e.IssueKey == "" || seen[ref] {
			continue
		}
		seen[ref] = true
		name := ref.key
		if named := r.projectName(ref); named != "" {
			name = named + " (" + ref.key + ")"
		}
		names = append(names, name)
	}
	slices.Sort(names)
	switch len(names) {
	case 0:
		return ""
	case 1:
		return " in " + names[0]
	default:
		return " across " + evidence.JoinAnd(names)
	}
}

// projectName is the name of a project (by site and key), "" when the
// store has none.
func (r *report) projectName(project issueRef) string {
	for _, p := range r.projects {
		if p.SiteName == project.site && p.Key == project.key && evidence.OneLine(p.Name) != "" {
			return evidence.OneLine(p.Name)
		}
	}
	return ""
}

// goalAsWritten is the goal the user wrote when they created the epic
// (epicGoal) in full: the classifier keeps 200 characters of it
// (markup.ExcerptRunes), which end mid-sentence ("…7 of the last 10…") where the description goes on.
// It is the epic's description when that still starts with the excerpt,
// else the excerpt: a description edited since is not what the user
// wrote when they created the epic.
//
// An excerpt from the middle of the description ("…fail more 3DS1
// challenges every month. Success metrics: …", as the text model keeps
// the part it weighed most) loses the goal and the why-now a story opens
// with: the description it comes from is quoted from its start instead.
func (in initiative) goalAsWritten(goal string) string {
	middle, midway := strings.CutPrefix(goal, "…")
	start, cut := strings.CutSuffix(middle, "…")
	if !cut && !midway || start == "" {
		return goal
	}
	for _, ep := range in.epics() {
		full := evidence.OneLine(ep.Goal)
		if !midway && strings.HasPrefix(full, start) || midway && strings.Contains(full, start) {
			return full
		}
	}
	return goal
}

// storyQuote cuts a quote of a story to about max characters (see
// evidence.ShortenAtSentence), and, where that would end mid-sentence
// with "…", at the end of the last sentence that fits (" …" after it), down to a sixth of
// max: a story is told aloud, and one whole sentence tells more than one
// and a half. ShortenAtSentence looks no further back than half of what
// fits, for a brief that a reader skims. With no sentence end in reach,
// the quote ends mid-sentence.
func storyQuote(text string, max int) string {
	cut := evidence.ShortenAtSentence(text, max)
	body, short := strings.CutSuffix(cut, "…")
	if !short || strings.HasSuffix(cut, evidence.SentencesLeftOut) {
		return cut
	}
	// The classifier cut its excerpt on a space: right after a full stop
	// that ends a sentence.
	precut := strings.HasSuffix(text, "…") && len(body) == len(text)-len("…")
	for i := len(body) - 1; i > 0 && utf8.RuneCountInString(body[:i+1]) >= max/6; i-- {
		ends := i+1 < len(body) && body[i+1] == ' ' || i+1 == len(body) && (precut || i+1 < len(text) && text[i+1] == ' ')
		if strings.IndexByte(".!?", body[i]) >= 0 && ends && !abbreviation(body[:i+1]) {
			return body[:i+1] + evidence.SentencesLeftOut
		}
	}
	return cut
}

// abbreviation reports whether text ends with an abbreviation's full stop
// rather than a sentence's: "e.g.", "i.e.", "vs.".
func abbreviation(text string) bool {
	word := text[strings.LastIndexByte(text, ' ')+1:]
	word = strings.TrimLeft(word, "(\"'“‘")
	return strings.Count(word, ".") > 1 || slices.Contains([]string{"vs.", "cf.", "approx.", "incl."}, strings.ToLower(word))
}

// epicGoal is the text the user wrote when they created the epic, if they
// did: the best statement of the situation there is.
// Of the items of its creation, one whose excerpt starts where the
// description does: the text model keeps the part of it that it weighed
// most, often its end.
func epicGoal(in initiative) string {
	goal := ""
	for _, e := range in.epicItems {
		if e.Source != evidence.SourceIssue {
			continue
		}
		excerpt := evidence.OneLine(e.Excerpt)
		if !strings.HasPrefix(excerpt, "…") {
			return excerpt
		}
		if goal == "" {
			goal = excerpt
		}
	}
	return goal
}

// categoryOf returns a category with evidence by id.
func (v *view) categoryOf(id string) evidence.Category {
	for _, g := range v.groups {
		if g.category.ID == id {
			return g.category
		}
	}
	return evidence.Category{ID: id, Title: id}
}

// linkableURL returns u if a reader may follow it, else "".
func linkableURL(u string) string {
	if linkDestination(u) == "" {
		return ""
	}
	return u
}

// writeStories writes the stories as Markdown, after the note that says
// how far they answer the question asked (answer.note), if any.
func writeStories(w *bufio.Writer, r *report, stories []story, note string) {
	if !writeStoriesIntro(w, r, stories, note) {
		return
	}
	for i, s := range stories {
		writeStory(w, "\n## "+strconv.Itoa(i+1)+". ", s)
	}
}

// writeStoriesIntro writes the title and what stories are built from,
// with note under it; with none, why there are none, and reports false.
func writeStoriesIntro(w *bufio.Writer, r *report, stories []story, note string) bool {
	w.WriteString("# Interview stories\n\n")
	if len(stories) == 0 {
		w.WriteString("No stories yet: stories are built from the epics you worked on, or from an issue where " +
			strconv.Itoa(issueStoryActions) + " or more of your comments are evidence")
		switch n := len(r.items); n {
		case 0:
			w.WriteString(". Run `pmfolio sync`, or widen `--since` and `--until`.\n")
			return false
		case 1:
			w.WriteString(", and your one evidence item is not on an epic or an issue under one.")
		default:
			w.WriteString(", and none of your " + strconv.Itoa(n) + " evidence items is on an epic or an issue under one, nor are " +
				strconv.Itoa(issueStoryActions) + " of them your comments on one issue.")
		}
		// Syncing again changes nothing: what would is in Jira.
		w.WriteString(" To tell the story of work you drive, create an epic for it, put its issues under the epic " +
			"and write its goal there, or write its decisions and updates as comments on its issue; then run `pmfolio sync`. " +
			"`pmfolio bullets` and `pmfolio export` use all of your evidence already.\n")
		return false
	}
	// An incident's story tells its postmortems and follow-ups too: it
	// counts as an incident, not as an issue.
	var from []string
	count := func(keep func(story) bool) int {
		return len(slices.DeleteFunc(slices.Clone(stories), func(s story) bool { return !keep(s) }))
	}
	epics, incidents := count(func(s story) bool { return s.Epic != nil }), count(func(s story) bool { return s.incident })
	issues := len(stories) - epics - incidents
	other := "issue"
	if epics+incidents > 0 {
		other = "other issue" // "an initiative, an incident and 2 other issues"
	}
	for _, kind := range []struct {
		n         int
		one, many string
	}{
		{epics, "an initiative", "initiatives"},
		{incidents, "an incident", "incidents"},
		{issues, "one " + other, other + "s"},
	} {
		switch kind.n {
		case 0:
		case 1:
			from = append(from, kind.one)
		default:
			from = append(from, strconv.Itoa(kind.n)+" "+kind.many)
		}
	}
	promise := ". Each action quotes what I wrote and links to it in Jira.\n"
	if slices.ContainsFunc(stories, func(s story) bool {
		return slices.ContainsFunc(s.Actions, func(a storyAction) bool { return a.edit })
	}) {
		promise = ". Each action links to its record in Jira and quotes what I wrote; a field edit says what I set.\n"
	}
	w.WriteString("Stories from my Jira work, " + dateOnly(r.since) + " to " + r.asOf() + ": " + evidence.JoinAnd(from) + promise)
	writeStoriesNote(w, note)
	return true
}

// writeStoriesNote writes, if there is one, the note that says how far a
// story answers the question asked (answer.note).
func writeStoriesNote(w *bufio.Writer, note string) {
	if note != "" {
		w.WriteString("\n_Note from pmfolio:_ ")
		writeEscaped(w, note)
		w.WriteString(".\n")
	}
}

// writeStory writes one story under a heading that opens with heading
// ("\n## 1. ") and names its epic or issue.
func writeStory(w *bufio.Writer, heading string, s story) {
	w.WriteString(heading)
	key, url, summary := "", "", ""
	if s.Epic != nil {
		for _, ph := range s.Epic.Earlier {
			writeIssueLink(w, evidence.OneLine(ph.Key), ph.URL)
			w.WriteString(", ")
		}
		key, url, summary = s.Epic.Key, s.Epic.URL, s.Epic.Summary
	} else {
		key, url, summary = s.Issue.Key, s.Issue.URL, s.Issue.Summary
	}
	writeIssueLink(w, evidence.OneLine(key), url)
	if summary != "" {
		w.WriteByte(' ')
		writeEscaped(w, summary)
	}
	w.WriteString("\n\n")
	if len(s.Questions) > 0 {
		w.WriteString("_Answers:_ ")
		for j, q := range s.Questions {
			if j > 0 {
				w.WriteString(" · ")
			}
			writeEscaped(w, q)
		}
		w.WriteString("\n\n")
	}
	w.WriteString("**Situation.** ")
	writeEscaped(w, s.situation)
	if s.handover.text != "" {
		// As the brief: the sponsor's reply links its Jira comment.
		w.WriteByte(' ')
		writeResultPart(w, s.handover)
	}
	w.WriteString("\n\n**Task.** ")
	writeEscaped(w, s.Task)
	w.WriteString("\n\n")
	if slices.ContainsFunc(s.Actions, func(a storyAction) bool { return a.edit }) {
		w.WriteString("**Action.** What I did:\n\n")
	} else {
		w.WriteString("**Action.** In my own words:\n\n")
	}
	for _, a := range s.Actions {
		w.WriteString("- " + dateOnly(a.at) + " · ")
		if a.Answers && a.mark != "" {
			w.WriteString("**" + a.mark + ".** ")
		}
		writeEscaped(w, a.verb)
		if a.IssueKey != "" {
			w.WriteByte(' ')
			writeIssueLink(w, a.IssueKey, cmp.Or(a.Link, a.IssueURL))
		}
		if a.summary != "" {
			w.WriteString(" (")
			writeEscaped(w, a.summary)
			w.WriteString(")")
		}
		if a.Excerpt != "" && a.edit {
			// "Fix Version: (none) → 3.20.0" is what the user set, not
			// what they wrote: no quotation marks.
			w.WriteString(" — ")
			writeEscaped(w, a.Excerpt)
		} else if a.Excerpt != "" {
			label, words := quoteLabel(a.Excerpt)
			if label != "" {
				w.WriteString(" — ")
				writeEscaped(w, evidence.LowerFirst(label))
			}
			w.WriteString(": “")
			writeEscaped(w, words)
			w.WriteString("”")
		}
		for _, after := range []string{a.Answer, a.Kept, a.Slipped} {
			if after != "" {
				w.WriteString(" — ")
				writeEscaped(w, after)
			}
		}
		writeNote(w, a.Note)
		w.WriteByte('\n')
	}
	if len(s.result) > 0 {
		// As the brief's Outcome line: web addresses in the outcome
		// and its source are links.
		w.WriteString("\n**Result.** ")
		for _, part := range s.result {
			writeResultPart(w, part)
		}
		w.WriteByte('\n')
	}
}

// isPostmortem reports whether an issue is a postmortem itself, by its type
// or the word its summary opens with ("Postmortem: checkout failures…",
// "Write-up: card payment failures on 12 Aug", "RCA: …"), rather than an
// issue that only mentions one ("From the postmortem…") or is an action it
// left ("Postmortem follow-up: alert on pool saturation", "RCA action item:
// …", "PIR CAPA – …"), which the résumé counts as a follow-up issue.
func isPostmortem(issueType, summary string) bool {
	if evidence.EqualsAnyFold(issueType, []string{"Postmortem", "Post-incident review"}) {
		return true
	}
	first, rest, _ := strings.Cut(strings.TrimSpace(summary), " ")
	if !strings.HasSuffix(first, ":") && postmortemAction.MatchString(rest) {
		return false
	}
	first = strings.TrimRight(first, ":")
	return evidence.EqualsAnyFold(first, []string{"Postmortem", "Post-mortem", "PIR", "RCA", "Write-up", "Writeup"})
}

// writeUpRule is the rule that reads a postmortem that calls itself none
// ("What happened with the order history crash (30/07)", with why it
// happened and what we'll do).
const writeUpRule = "issue.write-up"

// postmortemsIn says which of items are on a postmortem: by its type or
// summary (isPostmortem), or because the user filed its issue as a
// write-up (writeUpRule), which their other items on it do not carry.
func postmortemsIn(items []*evidence.Evidence) func(*evidence.Evidence) bool {
	writeUps := map[issueRef]bool{}
	for _, e := range items {
		if e.Source == evidence.SourceIssue && e.Rule == writeUpRule {
			writeUps[issueRef{e.SiteName, e.IssueKey}] = true
		}
	}
	return func(e *evidence.Evidence) bool {
		return isPostmortem(e.IssueType, e.IssueSummary) || writeUps[issueRef{e.SiteName, e.IssueKey}]
	}
}

// postmortemAction opens the rest of a summary that names an action a
// postmortem left, after the postmortem's word: "follow-up", "action
// item", "CAPA", "corrective action" (pmfolio next's followUpMark).
var postmortemAction = regexp.MustCompile(`(?i)^(?:follow-?ups?|action items?|actions?|capa|corrective (?:and preventive )?actions?|preventive actions?)\b`)
