package next

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// Team is what the detectors look at: the team's issues on one site, the
// user, and the time.
type Team struct {
	Site   evidence.Site
	Issues []TeamIssue
	Now    time.Time
	// Names names, by account, people the team's issues mention but do
	// not name themselves (a vendor's PM the user's own work knows), so
	// that a quote reads "Lakshmi Venkataraman any ETA please?", not
	// "[colleague] any ETA please?"; nil for none.
	Names map[string]string
	// YourVersions are the fix versions the user's own changes put on
	// issues (from their synced changelogs), by issue id, oldest first:
	// release.missed says "you set it to platform-2026.09 on 15 Sep" of a
	// version the release shipped without, and lists it first among the
	// releases missed; nil for none.
	YourVersions map[string][]VersionSet
	// StatusMoves are the status changes, by anyone, of the issues whose
	// changelogs sync read (those the user worked on), by issue id, oldest
	// first: in-progress.set-aside says who moved an issue on after a
	// word that set it aside; nil for none.
	StatusMoves map[string][]StatusMove
	// SprintMoves are the sprint changes, by anyone, of the same issues,
	// by issue id, oldest first: a broken promise says who moved the
	// issue to a later sprint soon after the user's priority call; nil
	// for none.
	SprintMoves map[string][]SprintMove
	// RankedLower are when the user's own changes ranked an issue lower
	// (of the issues whose changelogs sync read), by issue id, oldest
	// first: a priority call of theirs elsewhere that made it wait ("the
	// carousel can wait a sprint") tells which work it put off; nil for
	// none.
	RankedLower map[string][]time.Time
	// Yours are issues of the user's own sync that the team's read does
	// not hold: the open ones they filed (reporter or creator), with their
	// comments, and those these link to or sit under. A follow-up the user
	// filed of their incident in another team's project is theirs to chase
	// (incident.follow-up-stale), though that backlog is not the team's;
	// no other detector reads them. nil for none.
	Yours []TeamIssue
	// Synced are the issues of the user's own sync on the site (their key
	// and project), with the user's own comments on each: whom the user
	// names when they write of another project tells who answers for it
	// (projectVoice); nil for none.
	Synced []TeamIssue
	// Closed are the done issues of the user's own sync on the site, the
	// old ones too, with their released fix versions and every comment
	// sync stored: what the user closed for a later time ("we revisit
	// after launch") and the epics and releases that time waits on
	// (promise.revisit-due); nil for none.
	Closed []TeamIssue
	// People are the names of everyone the user's store has seen, so that
	// a name written in words ("Jun thinks late Q3") reads as the one
	// person it names; nil for none.
	People []string
	byKey  map[string]int    // Issues by key, made on first use (issue)
	people map[string]string // names by account, made on first use (nameOf)
	// voices are the projects' voices, by project, made on first use
	// (projectVoice): one per project for the whole list.
	voices map[string]string
	// typical is the team's median story estimate, -1 when too few
	// stories have one; made on first use (typicalStory).
	typical *float64
	// p0 says whether some issue has priority P0; made on first use (usesP0).
	p0 *bool
	// dayFirstDates says whether the user writes dates in figures day
	// first; made on first use (dayFirst).
	dayFirstDates *bool
	// sprintProjects are the projects some issue of which was planned into
	// a sprint; made on first use (usesSprints).
	sprintProjects map[string]bool
	// sprintsByBoard are the sprints the issues carry, by board; made on
	// first use (boardSprints).
	sprintsByBoard map[int][]Sprint
	// blocker says whether some issue has priority Blocker; made on first
	// use (usesBlocker).
	blocker *bool
	// fieldsUsed says, by project, whether its issues carry a priority and
	// a component often enough for a bug without one to be untriaged;
	// made on first use (triageFields).
	fieldsUsed map[string][2]bool
	// doneDuplicate is duplicate.done as in force, nil when it is off: the
	// issues it finds are left out of a release's slipped ones (looksDone).
	doneDuplicate *Detector
	// done are the issues an open one may look done as, stems the words
	// of each issue's summary stem, by key, and doneFound what doneAs
	// found for each open issue asked about: made on first use, as every
	// detector may ask whether an issue looks done.
	done      []TeamIssue
	stems     map[string][]string
	doneFound map[string]doneMatch
}

// finding is what a check found on one issue: the values of the reason's
// and action's placeholders, and the issues involved besides it.
type finding struct {
	issue   TeamIssue
	vars    map[string]string
	related []string
	// key, when set, replaces the issue's id in the opportunity's id (one
	// finding per release, whatever issue stands for it).
	key string
	due *time.Time
	// left is whom the finding waits on besides the assignee (a question's
	// asker), when their account is deactivated: they left.
	left string
	// category, when set, is the category of PM work the finding's action
	// shows instead of its detector's: what the rules credit once the user
	// does it (a bug with a priority lacks only its component, which is
	// backlog grooming, not prioritization).
	category string
	// yours says that the reason tells the user's own word or plan on the
	// issue (Opportunity.YourWord).
	yours bool
}

// dueVar is the var through which a per-issue check gives its finding's
// due date (finding.due), as RFC 3339; it names no placeholder.
const dueVar = "due-at"

// yoursVar is the var through which a per-issue check says that its
// reason tells the user's own word or plan (finding.yours), as "yes"; it
// names no placeholder.
const yoursVar = "yours"

// categoryVar is the var through which a per-issue check gives its
// finding's category (finding.category); it names no placeholder.
const categoryVar = "category"

// leftCategory is what a suggestion on work whose person has left shows:
// reassigning the issue or closing it is refining the backlog (taxonomy:
// backlog grooming), not unblocking, prioritizing or planning, whatever
// the detector that found it would have asked.
const leftCategory = "backlog-grooming"

// check is one detector's condition, over the whole team (duplicates and
// releases compare issues).
type check func(d Detector, t *Team) []finding

// checks are the detectors' conditions by id; next.yaml names them.
var checks = map[string]check{
	"story.no-acceptance-criteria": perIssue(noAcceptanceCriteria),
	"promise.broken":               perIssue(brokenPromises),
	"story.no-estimate":            perIssue(noEstimate),
	"story.too-large":              perIssue(tooLargeStory),
	"blocked.stale":                staleBlockedIssues,
	"blocked.unlinked":             perIssue(unlinkedBlock),
	"dependency.other-team":        otherTeamDependencies,
	"epic.no-progress-note":        epicsWithoutNote,
	"epic.no-success-metric":       epicsWithoutMetric,
	"epic.done-no-outcome":         perResolvedIssue(epicWithoutOutcome),
	"incident.no-postmortem":       perResolvedIssue(incidentWithoutPostmortem),
	"question.unanswered":          unansweredQuestions,
	"bug.untriaged":                perIssue(untriagedBug),
	"in-progress.unassigned":       perIssue(unassignedInProgress),
	"in-progress.stalled":          stalledWork,
	"duplicate.likely":             likelyDuplicates,
	"release.unowned-issues":       unownedRelease,
	"release.missed":               missedReleases,
	"sprint.overcommitted":         overcommittedSprints,
	"priority.top-unowned":         perIssue(topPriorityUnowned),
	"priority.assigned-stale":      perIssue(assignedStalePriority),
	"in-progress.outside-sprint":   outsideRunningSprint,
	"in-progress.set-aside":        perIssue(setAsideInProgress),
	"duplicate.done":               doneDuplicates,
	"sprint.unowned-priority":      unownedNearSprintEnd,
	"sprint.overdue":               overdueSprints,
	"incident.follow-up-stale":     staleFollowUps,
	"promise.overdue":              overduePromises,
	"promise.revisit-due":          revisitsDue,
}

// Detect runs every detector that is not off over the team's open issues
// and returns what they found, unranked, in a stable order.
func Detect(cfg Config, t Team) []Opportunity {
	var out []Opportunity
	var duplicates []finding // duplicate.likely's, to tell the other issue of each pair too
	var duplicate Detector
	followUps := map[string]origin{} // incident.follow-up-stale's findings, by issue key
	if d, ok := cfg.Detector("duplicate.done"); ok && !d.Off {
		t.doneDuplicate = &d
	}
	for _, d := range cfg.Detectors {
		if d.Off {
			continue
		}
		found := checks[d.ID](d, &t)
		if d.ID == "duplicate.likely" {
			duplicates, duplicate = found, d
		}
		for _, f := range found {
			if d.ID == "incident.follow-up-stale" {
				followUps[f.issue.Key] = origin{d, f}
			}
			out = append(out, t.opportunity(d, f))
		}
	}
	t.foldMissedReleases(out, followUps)
	// A follow-up whose assignee promised to take it up and did not is
	// one talk with them, which incident.follow-up-stale's suggestion
	// starts with their promise: promise.overdue does not ask it again.
	out = slices.DeleteFunc(out, func(op Opportunity) bool {
		fu, ok := followUps[op.IssueKey]
		if op.Detector != "promise.overdue" || !ok {
			return false
		}
		_, _, promised := assigneesPromise(fu.f.issue)
		return promised && activeOwner(fu.f.issue) != ""
	})
	// A pair of likely duplicates is told on the later issue. When the
	// earlier one has suggestions of its own ("plan it into a sprint"),
	// they would have the team work on a duplicate: it is told there too.
	for _, f := range duplicates {
		other, ok := t.issue(f.related[0])
		if ok && slices.ContainsFunc(out, func(op Opportunity) bool { return op.IssueKey == other.Key && op.Detector != duplicate.ID }) {
			out = append(out, t.opportunity(duplicate, finding{issue: other, vars: map[string]string{"other": f.issue.Key}, related: []string{f.issue.Key}}))
		}
	}
	// A block blocked.stale asks to chase (on the issue, or down its
	// chain) is already one conversation with whoever holds the blocker:
	// dependency.other-team does not start a second on the same issue.
	chased := map[string]bool{}
	for _, op := range out {
		if op.Detector == "blocked.stale" {
			chased[op.IssueKey] = true
			for _, k := range op.Related {
				chased[k] = true
			}
		}
	}
	out = slices.DeleteFunc(out, func(op Opportunity) bool { return op.Detector == "dependency.other-team" && chased[op.IssueKey] })
	// Nor is a chain told twice from its other end: when a sprint's issue
	// waits on another team's blocker that itself waits on another issue,
	// dependency.other-team's suggestion on the sprint's issue asks about
	// both (an owner for the blocker, a date for what it waits on) and
	// names who waits, so blocked.stale does not chase the blocker too.
	planned := map[string]bool{}
	for _, op := range out {
		if op.Detector == "dependency.other-team" {
			planned[op.Related[0]] = true
		}
	}
	out = slices.DeleteFunc(out, func(op Opportunity) bool { return op.Detector == "blocked.stale" && planned[op.IssueKey] })
	// A question on a blocked issue addressed to someone ("[~lvenkat] any
	// ETA please?") is the chase of the blocker a suggestion on the issue
	// already asks for: answering it is not the team's, and listing it
	// apart would ask twice for one date.
	waits := map[string]bool{}
	for _, op := range out {
		if op.Detector == "blocked.stale" || op.Detector == "dependency.other-team" {
			waits[op.IssueKey] = true
		}
	}
	out = slices.DeleteFunc(out, func(op Opportunity) bool {
		if op.Detector != "question.unanswered" || !waits[op.IssueKey] {
			return false
		}
		is, ok := t.issue(op.IssueKey)
		return ok && t.asksSomeoneElse(is)
	})
	// An issue that looks done as another needs closing: planning,
	// estimating or chasing it is work on work that is done. A finding
	// that stands for a sprint or a release keeps its place.
	done := map[string]bool{}
	for _, op := range out {
		if op.Detector == "duplicate.done" {
			done[op.IssueKey] = true
		}
	}
	out = slices.DeleteFunc(out, func(op Opportunity) bool {
		return done[op.IssueKey] && op.Detector != "duplicate.done" && op.ID == OpportunityID(t.Site.Key(), op.Detector, op.IssueID)
	})
	t.crossReferencePlans(cfg, out)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].IssueKey != out[j].IssueKey {
			return out[i].IssueKey < out[j].IssueKey
		}
		return out[i].Detector < out[j].Detector
	})
	return out
}

// origin is the detector and the finding an opportunity was made of.
type origin struct {
	d Detector
	f finding
}

// foldMissedReleases makes an incident's follow-up that a release shipped
// without one talk with its assignee: the date, the sprint and the version
// to move it to are settled together, and whether it is still needed is
// asked once ("Ask Aisha Bello whether it is still needed to keep the
// incident from happening again: if so, get a date, plan it into a sprint
// and move its fix version off platform-2026.01; if not, close it and say
// why"). Both suggestions say that one action, which a list shows once;
// each keeps its reason and its category, for what doing it shows.
func (t *Team) foldMissedReleases(out []Opportunity, followUps map[string]origin) {
	for i, op := range out {
		fu, ok := followUps[op.IssueKey]
		if op.Detector != "release.missed" || !ok || op.ID != OpportunityID(t.Site.Key(), op.Detector, op.IssueID) {
			continue // a release's slipped issues are one meeting of their own
		}
		is := fu.f.issue
		last := missedVersion(is, t.Now)
		// With nobody on it, the follow-up asks the team and the release
		// whoever filed it: two people, two talks. A version set after the
		// release shipped was a mistake, not a plan to move.
		if activeOwner(is) == "" || last == nil || is.Created.After(last.Date.Add(24*time.Hour)) {
			continue
		}
		f := fu.f
		f.vars = maps.Clone(f.vars)
		maps.Copy(f.vars, t.followUpAsk(is, f.vars["still-needed"] != "", "move its fix version off "+last.Name))
		one := t.opportunity(fu.d, f)
		for j := range out {
			if out[j].IssueKey == op.IssueKey && (j == i || out[j].Detector == fu.d.ID) {
				out[j].Action, out[j].Settled = one.Action, one.Settled
			}
		}
	}
}

// crossReferencePlans ties the suggestions on one next sprint's plan
// together, as one refinement settles them: the sprint planned beyond what
// the team finishes names the story to split and those to estimate in it,
// and their suggestions name the sprint's excess and where it is told
// ("see OPS-1357"). A story to split that holds the whole excess leads
// the sprint's suggestion, as moving it out settles the plan where the
// issue that stands for the sprint may not ("moving OPS-1339 (21 points)
// out, or 18 points of it after a split, brings the sprint within the
// team's best"). Suggestions on the issue that stands for the sprint are
// told beside it already.
func (t *Team) crossReferencePlans(cfg Config, out []Opportunity) {
	d, ok := cfg.Detector("sprint.overcommitted")
	if !ok || d.Off {
		return
	}
	for _, plan := range overcommittedSprints(d, t) {
		in := map[string]bool{}
		for _, k := range plan.related {
			in[k] = true
		}
		over, _ := strconv.ParseFloat(plan.vars["over-points"], 64)
		excess := func(without string) string {
			return plan.vars["sprint"] + " holds " + plan.vars["over"] + " more than the team's best recent sprint" + without + " (see " + plan.issue.Key + ")"
		}
		var split, estimate []string
		lead := ""
		for i, op := range out {
			if !in[op.IssueKey] {
				continue
			}
			switch op.Detector {
			case "story.too-large":
				out[i].Reason += "; " + excess("")
				is, _ := t.issue(op.IssueKey)
				if lead == "" && *is.StoryPoints >= over {
					lead = "; " + movingOut(op.IssueKey, *is.StoryPoints, over)
					continue
				}
				split = append(split, op.IssueKey+" ("+formatPoints(*is.StoryPoints)+shareOfExcess(*is.StoryPoints, over)+")")
			case "story.no-estimate":
				estimate = append(estimate, op.IssueKey)
				out[i].Reason += "; " + excess(" already, without it")
			}
		}
		var also []string
		if len(split) > 0 {
			also = append(also, "split "+evidence.JoinAnd(split))
		}
		if len(estimate) > 0 {
			also = append(also, "estimate "+evidence.JoinAnd(estimate))
		}
		if len(also) == 0 && lead == "" {
			continue
		}
		action := ""
		if lead != "" {
			f := plan
			f.vars = maps.Clone(f.vars)
			f.vars["lead"], f.vars["candidate-rank"] = lead, "next"
			action = t.opportunity(d, f).Action
		}
		for i, op := range out {
			if op.Detector != d.ID || op.IssueKey != plan.issue.Key || strings.Contains(op.Action, " has left: ") {
				continue
			}
			out[i].Action = cmp.Or(action, op.Action)
			if len(also) > 0 {
				out[i].Action += "; in the same refinement, " + strings.Join(also, " and ")
			}
		}
	}
}

// movingOut says that moving a story out of a sprint planned over points
// beyond the team's best, or enough of it after a split, brings the sprint
// within that best: half of it when half is enough, else the excess.
func movingOut(key string, points, over float64) string {
	part := ""
	switch {
	case points/2 >= over:
		part = ", or half of it after a split,"
	case points > over:
		part = ", or " + formatPoints(over) + " of it after a split,"
	}
	return "moving " + key + " (" + formatPoints(points) + ") out" + part + " brings the sprint within the team's best"
}

// shareOfExcess is how a story to split compares with the points a sprint
// is planned over the team's best: ", more than the 18 points over" for a
// 21-point story, ", all of …" for one of just as many, ", most of …" for
// one of at least half of them, nothing for a smaller one.
func shareOfExcess(points, over float64) string {
	switch {
	case points == over:
		return ", all of the " + formatPoints(over) + " over"
	case points > over:
		return ", more than the " + formatPoints(over) + " over"
	case points*2 >= over:
		return ", most of the " + formatPoints(over) + " over"
	}
	return ""
}

// opportunity is what a detector found, in words: its reason and action
// filled in with the finding's values.
func (t *Team) opportunity(d Detector, f finding) Opportunity {
	is := f.issue
	key := f.key
	if key == "" {
		key = is.ID
	}
	// Nobody assigned: the team is whom to agree with and tell.
	vars := map[string]string{"assignee": "the team", "status": is.Status, "progress": progressOf(is)}
	if is.Assignee.DisplayName != "" {
		vars["assignee"] = is.Assignee.DisplayName
	}
	for k, v := range f.vars {
		vars[k] = v
	}
	reason, action := fill(d.Reason, vars), fill(d.Action, vars)
	// A story not started in a sprint that ends within a working day:
	// whether it carries over comes first (carryOver).
	if carry := vars[carryVar]; carry != "" && !strings.Contains(d.Action, "{"+carryVar+"}") {
		action = carry + lowerFirst(action)
	}
	settled := t.settledAction(d, vars)
	// Someone who left answers nothing and finishes nothing: the
	// issue needs a new owner, or closing, before anything else.
	left := f.left
	if is.Assignee.Inactive && !is.Done() {
		left = cmp.Or(left, is.Assignee.DisplayName, "its assignee")
	}
	category := cmp.Or(f.category, d.Category)
	// The action says who left; the reason does not say it again.
	if left != "" {
		action = left + " has left: reassign it or close it"
		category, settled = leftCategory, ""
	}
	return Opportunity{
		ID: OpportunityID(t.Site.Key(), d.ID, key), Detector: d.ID,
		SiteID: t.Site.ID, SiteName: t.Site.Name, IssueID: is.ID, IssueKey: is.Key,
		IssueURL: t.Site.IssueURL(is.Key), Summary: is.Summary, Category: category,
		Reason: reason, Action: action, Settled: settled, Related: f.related, Due: f.due, YourWord: f.yours,
	}
}

// stillVars are the vars that open an action with the question whether
// the issue is still wanted at all, after months without a word.
var stillVars = []string{"still-needed", "still-wanted", "still-happens"}

// settledPrefix marks a var's value once that question is settled: an
// action that asks it as one either/or ("…: if so, get a date; if not,
// close it and say why") gives its words without the question as
// "settled-ask" beside "ask".
const settledPrefix = "settled-"

// settledAction is a finding's action once whether the issue is still
// wanted is settled (Opportunity.Settled): its still-… vars empty and its
// settled-… vars in place of theirs; "" when the action asks nothing
// first.
func (t *Team) settledAction(d Detector, vars map[string]string) string {
	if !slices.ContainsFunc(stillVars, func(k string) bool { return vars[k] != "" }) {
		return ""
	}
	settled := maps.Clone(vars)
	for _, k := range stillVars {
		settled[k] = ""
	}
	for k, v := range vars {
		if name, ok := strings.CutPrefix(k, settledPrefix); ok {
			settled[name] = v
		}
	}
	return fill(d.Action, settled)
}

// ifStillWanted opens an action that asks first whether work left alone
// for months is still wanted, as one either/or with the one person who
// can say: "Ask Aisha Bello whether it is still needed to keep the
// incident from happening again: if so, ". The action goes on with what to
// do if so, and ends with orClose: closing it and saying why is the other
// way, not a step before the first. When that person (or anyone, when the
// team is asked) asked it already and nobody answered, asking them back
// would return their own question: answerStillWanted opens the action
// instead.
func (t *Team) ifStillWanted(is TeamIssue, who, whether string) string {
	if answer := t.answerStillWanted(is, who, whether); answer != "" {
		return answer
	}
	// "Jonas Becker, who filed it," closes its aside.
	if strings.Contains(who, ", ") {
		who += ","
	}
	return "Ask " + who + " whether it " + whether + ": if so, "
}

var (
	// stillWantedWords ask whether an issue is still wanted at all: "Is
	// this still needed after the ledger-service migration?", "Do we
	// still need this?", "Is this still relevant?".
	stillWantedWords = regexp.MustCompile(`(?i)\bstill (?:needed|wanted|required|necessary|relevant|valid|happening|an issue|a thing|worth)\b|\bstill (?:need|want)\b|\b(?:needed|wanted|relevant) any ?more\b`)
	// stillPhrase is the question whether asks, as an if-so repeats it:
	// "is still needed", "is still wanted", "still happens".
	stillPhrase = regexp.MustCompile(`^(?:is )?still \w+`)
	// offerWords offer to take an issue up: "I can take this after
	// OPS-1187 if nobody else does", "Happy to pick it up". An offer
	// waits for a yes; takeUpWords promise.
	offerWords = regexp.MustCompile(`(?i)\b(?:i|we) (?:can|could)\s+(?:pick (?:this|it) up|take (?:this|it)(?: on| over)?|do (?:this|it)|handle (?:this|it)|own (?:this|it)|work on (?:this|it))\b|\bhappy to (?:pick (?:this|it) up|take (?:this|it)|do (?:this|it)|handle (?:this|it)|work on (?:this|it))\b`)
)

// answerStillWanted opens an action with the answer a teammate waits for,
// when whom it would ask (who, as wantedBy and the detectors name them)
// asked already whether the work is still wanted and nobody answered (an
// offer to take it answers nothing): "Answer Aisha Bello's question of 7 Jan (“Is this still needed
// after the ledger-service migration?…”) and offer of 12 Jan to take it:
// if it is still needed, ". It is the user's to decide then, with what the
// thread offers. With the team or the user to ask ("" or "the team"),
// anyone's question counts. "" when nobody asked.
func (t *Team) answerStillWanted(is TeamIssue, who, whether string) string {
	asker, _, _ := strings.Cut(who, ", ")
	var asked evidence.Comment
	question := ""
	for _, c := range is.Comments {
		if c.Author.LooksLikeAutomation() {
			continue
		}
		// Anyone else's word answers it, but an offer to take it
		// ("happy to pick it up if it is still wanted"): that waits on
		// the answer too.
		if question != "" && !c.Author.Is(asked.Author) && !offerWords.MatchString(markup.PlainText(c.Text)) {
			question = ""
		}
		// Someone who left waits for no answer; the user's own question
		// is theirs to chase.
		if c.Author.Is(t.Site.User) || c.Author.Inactive || asker != "" && asker != "the team" && c.Author.DisplayName != asker {
			continue
		}
		for _, s := range ownSentences(c.Text) {
			if strings.HasSuffix(s, "?") && stillWantedWords.MatchString(s) {
				asked, question = c, s
			}
		}
	}
	if question == "" {
		return ""
	}
	name := cmp.Or(asked.Author.DisplayName, "a teammate")
	of := " of " + dayOf(asked.At, t.Now) + " (“" + t.quoteQuestion(asked, question) + "”)"
	opener := "Answer " + name + "'s question" + of
	if offer, ok := t.offerSince(is, asked); ok {
		switch {
		case !offer.Author.Is(asked.Author):
			opener += " (" + cmp.Or(offer.Author.DisplayName, "a teammate") + " offered on " + dayOf(offer.At, t.Now) + " to take it)"
		case offer.At.Equal(asked.At):
			opener = "Answer " + name + "'s question and offer to take it" + of
		default:
			opener += " and offer of " + dayOf(offer.At, t.Now) + " to take it"
		}
	}
	return opener + ": if it " + stillPhrase.FindString(whether) + ", "
}

// offerSince is the newest offer to take an issue up (offerWords) that a
// teammate still here made in a comment from question on: who would do
// the work if it is still wanted. Its assignee's offer to take what they
// have ("I can take this after OPS-1187") tells nothing new.
func (t *Team) offerSince(is TeamIssue, question evidence.Comment) (evidence.Comment, bool) {
	var offer evidence.Comment
	found := false
	for _, c := range is.Comments {
		if c.At.Before(question.At) || c.Author.LooksLikeAutomation() || c.Author.Is(t.Site.User) || c.Author.Inactive || c.Author.Is(is.Assignee) {
			continue
		}
		if offerWords.MatchString(markup.PlainText(c.Text)) {
			offer, found = c, true
		}
	}
	return offer, found
}

// orClose ends an action ifStillWanted opens.
const orClose = "; if not, close it and say why"

// openToOthers reports whether a detector looks at an issue at all: open,
// of its types, and not assigned to the user (work assigned to the user is
// theirs already, not unowned).
func openToOthers(d Detector, t *Team, is TeamIssue) bool {
	return !is.Done() && typeMatches(d, is) && !is.Assignee.Is(t.Site.User)
}

// perIssue makes a check of a condition on one open issue at a time.
func perIssue(cond func(d Detector, t *Team, is TeamIssue) (map[string]string, bool)) check {
	return func(d Detector, t *Team) []finding {
		var out []finding
		for _, is := range t.Issues {
			if !openToOthers(d, t, is) {
				continue
			}
			if vars, ok := cond(d, t, is); ok {
				category := vars[categoryVar]
				delete(vars, categoryVar)
				f := finding{issue: is, vars: vars, category: category, yours: vars[yoursVar] != ""}
				delete(vars, yoursVar)
				if due, err := time.Parse(time.RFC3339, vars[dueVar]); err == nil {
					f.due = &due
				}
				delete(vars, dueVar)
				out = append(out, f)
			}
		}
		return out
	}
}

// typeMatches reports whether an issue is of a detector's types. Bug
// stands for a bug by any name a site gives it (Defect, Problem, Fehler):
// a detector of bugs that misses a shop's Defects misses all its bugs.
func typeMatches(d Detector, is TeamIssue) bool {
	if len(d.Types) == 0 {
		return true
	}
	for _, typ := range d.Types {
		if strings.EqualFold(typ, is.Type) || strings.EqualFold(typ, "Bug") && evidence.IsBugType(is.Type) {
			return true
		}
	}
	return false
}

// sprintLabel says which sprint an issue is planned into, "" when it is
// in neither the running nor the next one.
func sprintLabel(is TeamIssue) string {
	name := ""
	if len(is.Sprints) > 0 {
		name = " (" + is.Sprints[len(is.Sprints)-1] + ")"
	}
	switch is.SprintState {
	case "active":
		return "active sprint" + name
	case "future":
		return "next sprint" + name
	}
	return ""
}

// noAcceptanceCriteria: a story planned into the running or next sprint,
// not started yet, whose text states no acceptance criteria. Once work
// has started, criteria written after the fact describe what was built:
// what a started story needs is a stalled or blocked issue's ask.
func noAcceptanceCriteria(_ Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	sprint := t.sprintNamed(is)
	if sprint == "" || is.InProgress() {
		return nil, false
	}
	if statesCriteria(markup.PlainText(is.AcceptanceCriteria)) ||
		statesCriteria(is.Description) || statesCriteria(markup.PlainText(is.Description)) {
		return nil, false
	}
	// A non-empty Acceptance Criteria field holds criteria, whatever its form.
	if strings.TrimSpace(markup.PlainText(is.AcceptanceCriteria)) != "" {
		return nil, false
	}
	// Criteria are agreed with who asked for the story as much as with who
	// builds it: "agree them with Marco Rossi" left out Lena Fischer, the
	// PM who filed it.
	assignee := is.Assignee.DisplayName
	if is.Assignee.Is(t.Site.User) {
		assignee = "" // not "agree them with" yourself
	}
	agreeWith := cmp.Or(assignee, "the team")
	if filer := t.askableFiler(is); filer != "" && filer != assignee {
		agreeWith = filer + ", who filed it"
		if assignee != "" {
			agreeWith += ", and " + assignee
		}
	}
	return map[string]string{"sprint": sprint, carryVar: t.carryOver(is), "agree-with": agreeWith}, true
}

// largeStoryPoints is the least estimate story.too-large reports,
// whatever the team's typical story: 13 is where the usual scale (1, 2, 3,
// 5, 8, 13) says "split it"; an 8 is a big story many teams take on.
const largeStoryPoints = 13

// minEstimatedStories is how many estimated stories the team needs before
// its typical story says anything.
const minEstimatedStories = 10

// tooLargeStory: a story not yet started, planned into the running or next
// sprint, estimated at more than the detector's share over the team's
// typical story (the median of its estimated stories): one that size
// rarely finishes in the sprint, and splitting it is grooming nobody did.
func tooLargeStory(d Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	sprint := t.sprintNamed(is)
	if sprint == "" || is.StoryPoints == nil || is.StatusCategory != "new" || *is.StoryPoints < largeStoryPoints {
		return nil, false
	}
	typical, ok := t.typicalStory(d)
	if !ok || *is.StoryPoints <= typical*(1+d.Over) {
		return nil, false
	}
	return map[string]string{"sprint": sprint, "points": formatPoints(*is.StoryPoints),
		"times": strconv.FormatFloat(math.Round(*is.StoryPoints/typical*10)/10, 'f', -1, 64), "typical": formatPoints(typical)}, true
}

// typicalStory is the median estimate of the team's estimated issues of
// the detector's types, done or not, once there are enough of them.
func (t *Team) typicalStory(d Detector) (float64, bool) {
	if t.typical == nil {
		var points []float64
		for _, is := range t.Issues {
			if is.StoryPoints != nil && *is.StoryPoints > 0 && typeMatches(d, is) {
				points = append(points, *is.StoryPoints)
			}
		}
		median := -1.0
		if len(points) >= minEstimatedStories {
			sort.Float64s(points)
			median = points[len(points)/2]
			if len(points)%2 == 0 {
				median = (points[len(points)/2-1] + median) / 2
			}
		}
		t.typical = &median
	}
	return *t.typical, *t.typical > 0
}

// noEstimate: a story planned into the running or next sprint, not
// started yet, with no estimate: refinement estimates what is to come, and
// a story under way is past it.
func noEstimate(_ Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	sprint := t.sprintNamed(is)
	if sprint == "" || is.StoryPoints != nil || is.InProgress() {
		return nil, false
	}
	return map[string]string{"sprint": sprint, carryVar: t.carryOver(is)}, true
}

// lastWord is the newest comment by a person (automation does not chase a
// blocker), or the issue's creation when nobody has spoken.
func lastWord(is TeamIssue) time.Time {
	at := is.Created
	for _, c := range is.Comments {
		if !c.Author.LooksLikeAutomation() && c.At.After(at) {
			at = c.At
		}
	}
	return at
}

// latest is the later of two times.
func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// staleBlockedIssues finds the blocked issues to chase, each related to the
// open issues that block it, so a reader of the JSON need not parse them
// out of the reason.
func staleBlockedIssues(d Detector, t *Team) []finding {
	found := perIssue(staleBlocked)(d, t)
	for i := range found {
		for _, key := range t.openBlockers(found[i].issue) {
			b, ok := t.issue(key)
			if !ok {
				found[i].related = append(found[i].related, key)
				continue
			}
			// What the blocker waits on is what the action asks to chase.
			found[i].related = append(found[i].related, b.Key)
			found[i].related = append(found[i].related, t.openBlockers(b)...)
		}
	}
	return found
}

func staleBlocked(d Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	blockers := t.openBlockers(is)
	if len(blockers) == 0 {
		return nil, false // blocked.unlinked's when marked, else not blocked
	}
	since := t.lastWordOnChain(is)
	// blocker is what the reason names, chase what the action asks to
	// chase, and target that issue when the team's issues hold it.
	key := blockers[0]
	blocker, chase, chased := " by "+key, " "+key, key
	target, known := t.issue(key)
	if known {
		key = target.Key
		blocker, chase = " by "+key, " "+key
		// Chasing a blocker that itself waits on another issue moves
		// nothing: name what it waits on, which is what to chase.
		if further := t.openBlockers(target); len(further) > 0 {
			if staleOnItsOwn(d, t, target) {
				// target is suggested itself, with the same blocker to
				// chase and this issue counted as blocked behind it.
				return nil, false
			}
			blocker = " by " + key + ", which waits on " + further[0] + ","
			chase, chased = " "+further[0]+", which "+key+" waits on", further[0]
			target, known = t.issue(further[0])
		}
	}
	if !olderThan(d, since, t.Now) {
		return nil, false
	}
	// Whom to ask for a date: the blocker's assignee, whoever took over
	// from one who left, or, when the blocker is the user's own, no one.
	// A blocker nobody has needs an owner before anyone can give a date:
	// whoever filed it knows who should take it, else its project's lead.
	// Of a blocker the team's read does not hold, whether anyone has it
	// is not known, and the action says so: it asks whoever answers for
	// its project who has it.
	owner, chaseBlocker := "its owner", ""
	sep := ""
	if strings.Contains(chase, ",") {
		sep = ","
	}
	switch {
	case known && target.Assignee.Is(t.Site.User):
		owner = "you"
		chaseBlocker = "The blocker" + chase + sep + " is yours: set a date for it"
	case known && target.Assignee.ID == "":
		owner = "whoever takes it"
		chaseBlocker = "The blocker" + chase + sep + " has nobody assigned: " + t.askForOwner(target, is.Project)
	case known:
		owner = cmp.Or(t.assigneeOtherThanUser(target), owner)
	default:
		// Who has it is not known: one short clause says so, and whom to ask.
		owner = "its assignee"
		chaseBlocker = "Chase the blocker" + chase + ": pmfolio cannot see it, so ask its assignee for a date"
		if p := evidence.ProjectOfKey(chased); p != "" {
			chaseBlocker = "Chase the blocker" + chase + ": pmfolio cannot see it, so ask " + t.projectContact(p) + " who has it and for a date"
		}
	}
	// After months without a word, the chase is the if-so of one
	// either/or: short, as whoever is asked first knows the blocker.
	chaseIfSo := "chase" + chase + sep + " for a date"
	if known && owner != "its owner" && owner != "whoever takes it" && owner != "you" {
		chaseIfSo = "ask " + owner + " for a date on" + chase + sep
	} else if known {
		chaseIfSo = ""
	}
	// The date that passed was a teammate's estimate: the new one is
	// theirs to give.
	passed, estimator := t.passedDate(is)
	if estimator != "" && owner != "you" {
		owner, chaseIfSo = estimator, "ask "+estimator+" for a new date on"+chase+sep
		chaseBlocker = "Chase the blocker" + chase + sep + ": ask " + estimator + " for a new date"
	}
	// Someone on the chain asked a named person for a date and got no
	// answer: that person is whom to chase, whoever the blocker's
	// assignee is, unless the blocker is yours.
	if ask, asked, ok := t.unansweredDateAsk(is); ok && owner != "you" {
		owner, chaseBlocker, chaseIfSo = asked, ask, ""
	}
	if c, on, ok := t.yourLastWordOnChain(is); ok {
		// The last word on the chain is yours, and says where it stands:
		// there is nobody to ask for what you know.
		q := t.quote(markup.PlainText(c.Text), c.Text, 100)
		owner, chaseIfSo = "you", "say what the blocker "+on+" waits on now (the last word on it is yours, of "+dayOf(c.At, t.Now)+": “"+q+"”)"
		chaseBlocker = "The last word on the blocker " + on + " is yours, of " + dayOf(c.At, t.Now) + " (“" + q + "”): say what it waits on now"
	}
	if chaseBlocker == "" {
		chaseBlocker = "Chase the blocker" + chase + ": ask " + owner + " for a date"
	}
	// Whether the work is still needed is for the team's silence to say:
	// your own comment down the chain does not keep it alive.
	whether, silence := "", age(since, t.Now)
	if t.Now.Sub(since) >= abandonedAfter {
		whether = "is still wanted after " + age(since, t.Now) + " without a word"
	}
	if quiet := t.lastTeamWordOnChain(is); quiet.Before(since) && t.Now.Sub(quiet) >= abandonedAfter {
		whether = "is still wanted after " + age(quiet, t.Now) + " without a word from the team"
	}
	// A live blocker does not keep alive the unplanned issue behind it that
	// nobody has written on for months: the silence to tell is its own.
	on := ""
	if own := lastWord(is); silentItself(t, is) && t.Now.Sub(t.lastTeamWordOnChain(is)) < abandonedAfter {
		whether = "is still wanted after " + age(own, t.Now) + " without a word on it"
		for _, b := range t.chainOf(is) {
			if c, ok := lastPersonComment(b); ok && c.At.Equal(since) {
				where := ""
				if b.Key != key {
					where = " on " + b.Key
				}
				by := cmp.Or(c.Author.DisplayName, "someone")
				if c.Author.Is(t.Site.User) {
					by = "you"
				}
				blocker = strings.TrimSuffix(blocker, ",") + " (last comment by " + by + where + ", " + dayOf(c.At, t.Now) + "),"
			}
		}
		on, silence = " on this issue", age(own, t.Now)
	}
	tell := cmp.Or(is.Assignee.DisplayName, t.askableFiler(is))
	post := ", post it here"
	if tell != "" {
		post += " and tell " + tell
	}
	// Someone is at work on the blocker of an issue silent itself, so
	// someone still wants what it unblocks; whoever waits for it has heard
	// nothing for months, and telling them is what nobody does.
	telling := on != "" && known && beingWorked(target)
	if telling {
		whether, post = "", ""
		chaseBlocker = "Post where it stands: its blocker " + key + " is " + workedOn(target)
		if tell != "" {
			chaseBlocker = "Tell " + tell + " where it stands: its blocker " + key + " is " + workedOn(target) + "; post it here"
		}
	}
	vars := map[string]string{"blocker": blocker, "chase": chase, "blocker-owner": owner, "chase-blocker": chaseBlocker,
		"age": silence, "on": on, "still-needed": "", "post": post, "date-passed": passed}
	if telling {
		vars[categoryVar] = evidence.CatStakeholderComms
	}
	if whether != "" {
		// One either/or with the one person who can say (the issue's
		// assignee, else whoever filed it, else you decide), not a
		// question and then a chase that assumes its answer (kestrel's
		// CHK-1413).
		vars["still-needed"] = t.askIfStillWanted(is, t.wantedBy(is), whether)
		ifSo, post := chaseIfSo, " and post it here"
		if ifSo == "" {
			ifSo, post = lowerFirst(chaseBlocker), ", and post it here"
		}
		vars["chase-blocker"], vars["settled-chase-blocker"] = ifSo, chaseBlocker
		vars["post"], vars["settled-post"] = post+orClose, vars["post"]
	}
	return vars, true
}

// beingWorked reports whether someone is at work on an issue: in progress
// with someone on it, or planned into the running or next sprint.
func beingWorked(is TeamIssue) bool {
	return is.StatusCategory == "indeterminate" && activeOwner(is) != "" || is.SprintState == "active" || is.SprintState == "future"
}

// workedOn says how an issue being worked stands: "In Progress with Aisha
// Bello, in the next sprint (OPS Sprint 66)".
func workedOn(is TeamIssue) string {
	var parts []string
	if is.StatusCategory == "indeterminate" {
		state := cmp.Or(is.Status, "in progress")
		if owner := activeOwner(is); owner != "" {
			state += " with " + owner
		}
		parts = append(parts, state)
	}
	if sprint := sprintLabel(is); sprint != "" {
		parts = append(parts, "in the "+sprint)
	}
	return strings.Join(parts, ", ")
}

// wantedBy is whom an action asks whether work left alone for months is
// still wanted: its assignee, whose work it is; with none, whoever filed
// it, who wanted it; "" when nobody else can say, and it is the user's to
// decide.
func (t *Team) wantedBy(is TeamIssue) string {
	if owner := activeOwner(is); owner != "" && !is.Assignee.Is(t.Site.User) {
		return owner
	}
	if filer := t.askableFiler(is); filer != "" {
		return filer + ", who filed it"
	}
	return ""
}

// askIfStillWanted is ifStillWanted of whom wantedBy names, or, when the
// user is the one to decide, "Decide whether it …: if so, ", unless a
// teammate asked it and waits for the answer (answerStillWanted).
func (t *Team) askIfStillWanted(is TeamIssue, who, whether string) string {
	if who == "" {
		return cmp.Or(t.answerStillWanted(is, "", whether), "Decide whether it "+whether+": if so, ")
	}
	return t.ifStillWanted(is, who, whether)
}

// lowerFirst lowers an action's first letter, to go on a sentence: "if
// so, the blocker PAY-7 has nobody assigned".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// projectLead names whom to ask about another project's work: who answered
// for it (projectVoice), else its lead unnamed, "the Payments lead" when
// the team's read knows the project's name, else "the PAY project's lead",
// never the key with a possessive.
func (t *Team) projectLead(project string) string {
	if name := t.projectVoice(project); name != "" {
		return name
	}
	for _, is := range t.Issues {
		if strings.EqualFold(is.Project, project) && is.ProjectName != "" {
			return "the " + is.ProjectName + " lead"
		}
	}
	return "the " + project + " project's lead"
}

// projectContact is projectLead as an action names one to ask: a person
// who answers for the project with its key ("Jun Park (PAY)"), whom the
// reader may not know by their team.
func (t *Team) projectContact(project string) string {
	if t.projectVoice(project) != "" {
		return t.projectLead(project) + " (" + project + ")"
	}
	return t.projectLead(project)
}

// unlinkedBlock: an issue marked blocked (flagged, a blocked status or
// label) with no open issue linked as its blocker, and no word for the
// threshold. There is no blocker to chase: what it waits on is to be
// found out, and the mark may be stale ("Freeze ends Monday").
func unlinkedBlock(d Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	if !is.MarkedBlocked() || len(t.openBlockers(is)) > 0 {
		return nil, false
	}
	since := lastWord(is)
	if !olderThan(d, since, t.Now) {
		return nil, false
	}
	state := "no issue is linked as its blocker"
	if links := is.BlockerLinks(); len(links) > 0 {
		state = links[0].OtherKey + ", linked as its blocker, is done"
	}
	var unmark []string
	if is.Flagged {
		unmark = append(unmark, "take the flag off")
	}
	if evidence.IsBlockedStatus(is.Status) {
		unmark = append(unmark, "move it out of "+is.Status)
	}
	for _, l := range is.Labels {
		if evidence.IsBlockedLabel(l) {
			unmark = append(unmark, "remove the label "+l)
		}
	}
	who := cmp.Or(is.Assignee.DisplayName, "the team")
	askWaits, chase, stillChase := "Ask "+who+" what it still waits on: ", "link the issue that blocks it and chase that for a date", ""
	// A word on it may say what it waits on ("On hold till DC-DR link
	// upgrade is done"): asking what then reads as if the ticket went
	// unread; when is the question left.
	note := t.lastCommentNote(is)
	if c, ok := newestWaitedOn(is); ok {
		when := waitsOnIn(markup.PlainText(c.Text))
		askWaits, chase = "Ask "+who+" "+when+": ", "link its ticket here and post the date"
		stillChase = "find out " + when + ", link its ticket here and post the date"
		// The why quotes the word the action comes from, not a later
		// reminder that says nothing of what it waits on.
		if last, _ := lastPersonComment(is); !last.At.Equal(c.At) {
			whose := cmp.Or(c.Author.DisplayName, "a teammate") + "'s"
			if c.Author.Is(t.Site.User) {
				whose = "your"
			}
			note = fmt.Sprintf(" (%s comment of %s: “%s”)", whose, dayOf(c.At, t.Now), t.quote(markup.PlainText(c.Text), c.Text, 80))
		}
	}
	vars := map[string]string{"blocker-state": state, "age": age(since, t.Now), "last-comment": note,
		"unmark": strings.Join(unmark, " and "), "still-needed": "", "ask-waits": askWaits, "chase": chase, "or-close": ""}
	if t.Now.Sub(since) >= abandonedAfter {
		// After months without a word, one either/or with the one person
		// who can say, as blocked.stale asks it: the work may not be
		// wanted any more, and closing it is as useful as unblocking it.
		vars["still-needed"] = t.askIfStillWanted(is, t.wantedBy(is), "is still wanted after "+age(since, t.Now)+" without a word")
		vars["ask-waits"], vars["settled-ask-waits"] = "", askWaits
		vars["or-close"], vars["settled-or-close"] = orClose, ""
		if stillChase != "" {
			vars["chase"], vars["settled-chase"] = stillChase, chase
		}
	}
	return vars, true
}

// What a comment says an issue waits on: a thing and the state it waits
// for ("till DC-DR link upgrade is done", "until the keys are ready"), or
// only the thing ("waiting on the firewall change", "blocked by the
// security review", "needs the schema migration first"). The thing is
// bounded by punctuation or a word that starts another clause.
var (
	waitsUntil = regexp.MustCompile(`(?i)\b(?:till|until|unless)\s+([^.,;:!?()\n]{3,60}?)\s+(?:is|are|gets|get|has been|have been)\s+(done|complete|completed|finished|ready|fixed|live|merged|released|deployed|available|approved|signed off|resolved|upgraded|in place|sorted)\b`)
	waitsOn    = regexp.MustCompile(`(?i)\b(?:waiting|waits|wait)\s+(?:on|for)\s+([^.,;:!?()\n]{3,60}?)(?:\s+(?:first|before|to|from|so|and|which|as|since|but|or)\b|[.,;:!?()\n]|$)|\bblocked\s+(?:by|on)\s+((?:access|permissions?|rights|credentials)\s+to\s+[^.,;:!?()\n]{2,60}?|[^.,;:!?()\n]{3,60}?(?:\s+to\s+(?:the|an?|our|their|its|his|her|this|that|these|those|my|your)\s+[^.,;:!?()\n]{2,60}?)?)(?:\s+(?:first|before|to|from|so|and|which|as|since|but|or)\b|[.,;:!?()\n]|$)|\bneeds?\s+([^.,;:!?()\n]{3,60}?)\s+first\b`)
	// notAThing is a waited-on "thing" that says nothing of what: a
	// pronoun ("waiting on it", "blocked by this").
	notAThing = regexp.MustCompile(`(?i)^(?:it|this|that|them|him|her|me|us|you|someone|something|anyone|anything)$`)
	// determiner starts a thing that needs no "the" before it, as access
	// to something needs none ("access to the admin API").
	determiner = regexp.MustCompile(`(?i)^(?:the|a|an|our|their|its|his|her|this|that|these|those|my|your|some|any)\s|['’]s\s|^(?:access|permissions?|rights|credentials)\s+to\s`)
	// accessTo is a thing waited on that is access to something: someone
	// grants it, nobody makes it "ready".
	accessTo = regexp.MustCompile(`(?i)^(?:access|permissions?|rights|credentials)\s+to\s`)
	// lowerWord is a word in lower case: a thing ("link upgrade"), where
	// a name alone ("PAY", "Rohit Sharma") may be a team or a person,
	// whom "when … will be ready" does not fit.
	lowerWord = regexp.MustCompile(`(?:^|\s)\p{Ll}[\p{L}-]*`)
)

// newestWaitedOn is the newest comment by a person on an issue that says
// what the issue waits on (waitedOn), whoever wrote it: the assignee, the
// one who filed it or a teammate may know. A later word that says nothing
// of it ("Please keep this ticket updated") does not unsay it; one that
// names it ("Freeze ends Monday" after "Blocked on the change freeze")
// tells where it stands now, and what it still waits on is to be asked.
func newestWaitedOn(is TeamIssue) (evidence.Comment, bool) {
	var newest evidence.Comment
	var named *regexp.Regexp // the last word of the thing waited on
	for _, c := range is.Comments {
		if c.Author.LooksLikeAutomation() {
			continue
		}
		plain := markup.PlainText(c.Text)
		if thing, _ := waitedOn(plain); thing != "" {
			words := strings.Fields(thing)
			newest, named = c, regexp.MustCompile(`(?i)\b`+regexp.QuoteMeta(words[len(words)-1])+`\b`)
		} else if named != nil && named.MatchString(plain) {
			named = nil
		}
	}
	return newest, named != nil
}

// waitsOnIn asks when what a comment says an issue waits on will be
// there: "when the DC-DR link upgrade will be done" of "On hold till DC-DR
// link upgrade is done."; "" when it names nothing that reads as a thing.
func waitsOnIn(text string) string {
	thing, state := waitedOn(text)
	if thing == "" {
		return ""
	}
	return "when " + thing + " will be " + state
}

// waitedOn is what a comment says an issue waits on, with its article
// ("the DC-DR link upgrade", "access to the admin API"), and the state it
// waits for ("done"; "ready" when it says none); "" when it names nothing
// that reads as a thing.
func waitedOn(text string) (thing, state string) {
	state = "ready"
	if m := waitsUntil.FindStringSubmatch(text); m != nil {
		thing, state = m[1], strings.ToLower(m[2])
	} else if m := waitsOn.FindStringSubmatch(text); m != nil {
		thing = cmp.Or(m[1], m[2], m[3])
	}
	thing = strings.TrimSpace(thing)
	if thing == "" || notAThing.MatchString(thing) || !lowerWord.MatchString(thing) {
		return "", ""
	}
	if !determiner.MatchString(thing) {
		thing = "the " + thing
	}
	return thing, state
}

// otherTeamDependencies: an open issue planned into the running or next
// sprint, not marked blocked, that an open issue of another project blocks
// which that team has not planned in time: nobody has it, or it is neither
// under way nor in a sprint of its own that comes before this one needs it.
// Agreeing a date with the other team before the sprint depends on it is
// the coordination nobody did. A blocker the team's read does not hold
// says nothing of its plans, and one assigned to the user is theirs to
// plan: neither is reported. One blocked.stale asks to chase is left to it
// (Detect).
func otherTeamDependencies(d Detector, t *Team) []finding {
	var out []finding
	for _, is := range t.Issues {
		sprint := t.sprintNamed(is)
		if sprint == "" || !openToOthers(d, t, is) || is.MarkedBlocked() || strings.EqualFold(is.Type, "Epic") {
			continue
		}
		var late []TeamIssue
		for _, key := range t.openBlockers(is) {
			b, ok := t.issue(key)
			if ok && !strings.EqualFold(b.Project, is.Project) && !b.Assignee.Is(t.Site.User) && !plannedInTime(b, is) {
				late = append(late, b)
			}
		}
		if len(late) == 0 {
			continue
		}
		b := late[0]
		related := make([]string, len(late))
		for i, l := range late {
			related[i] = l.Key
		}
		blocker := b.Key
		if len(related) > 1 {
			blocker += " (and " + evidence.JoinAnd(related[1:]) + ")"
		}
		inTime := "in this sprint"
		if is.SprintState == "future" {
			inTime = "in time for the next sprint"
		}
		state, ask, dates := t.blockerPlans(b), t.askForDate(b), "the date"
		// A blocker that itself waits on another issue is one chain, told
		// here once (Detect drops blocked.stale's suggestion on it): whoever
		// takes it needs a date for what it waits on too.
		if further := t.openBlockers(b); len(further) > 0 {
			state += ", and which waits on " + further[0]
			ask += " (" + t.askAlongTheChain(further[0]) + ")"
			dates = "the dates"
		}
		out = append(out, finding{issue: is, related: related, vars: map[string]string{
			"sprint": sprint, "blocker": blocker, "blocker-state": state, "ask": ask, "dates": dates,
			"in-time": inTime, "key": is.Key}})
	}
	return out
}

// plannedInTime reports whether another team's blocker b will be done
// before is needs it, as far as its plans say: someone has it and it is
// under way, or in that team's running sprint, or in its next one when is
// waits for the next sprint too.
func plannedInTime(b, is TeamIssue) bool {
	return activeOwner(b) != "" &&
		(b.InProgress() || b.SprintState == "active" || b.SprintState == "future" && is.SprintState == "future")
}

// activeOwner names whoever is assigned an issue and has not left, "" when
// nobody is.
func activeOwner(is TeamIssue) string {
	if is.Assignee.ID == "" || is.Assignee.Inactive {
		return ""
	}
	return cmp.Or(is.Assignee.DisplayName, "its assignee")
}

// blockerPlans says what another team's blocker lacks, for a reason:
// "which nobody has taken and no PAY sprint plans".
func (t *Team) blockerPlans(b TeamIssue) string {
	owner, sprint := activeOwner(b), sprintLabel(b)
	since := ""
	if b.Assignee.Inactive {
		since = " since " + cmp.Or(b.Assignee.DisplayName, "its assignee") + " left"
	}
	switch {
	case owner == "" && sprint != "":
		return "which is in " + b.Project + "'s " + sprint + ", but nobody has taken it" + since
	case owner == "" && t.usesSprints(b.Project):
		return "which nobody has taken" + since + " and no " + b.Project + " sprint plans"
	case owner == "":
		return "which nobody has taken" + since
	case b.SprintState == "future":
		return "which " + b.Project + " plans only for its " + sprint
	case t.usesSprints(b.Project):
		return "which " + owner + " has, but no running or next " + b.Project + " sprint plans"
	}
	return "which " + owner + " has not started"
}

// askForOwner is what an action asks of a blocker nobody is assigned,
// which needs an owner before anyone can give a date: whoever filed it
// knows who should take it; of another project, its lead does.
func (t *Team) askForOwner(b TeamIssue, project string) string {
	if filer := t.askableFiler(b); filer != "" {
		return "ask " + filer + ", who filed it, who takes it and when"
	}
	if !strings.EqualFold(b.Project, project) {
		return "ask " + t.projectLead(b.Project) + " who takes it and when"
	}
	return "find it an owner and ask them for a date"
}

// askForDate is whom an action asks about another team's blocker: its
// assignee, for a date, or, when nobody has it, who filed it, or the
// other team's lead, for an owner and a date.
func (t *Team) askForDate(b TeamIssue) string {
	if owner := activeOwner(b); owner != "" {
		return "Ask " + owner + " when " + b.Key + " will be done"
	}
	if filer := t.askableFiler(b); filer != "" {
		return "Ask " + filer + ", who filed " + b.Key + ", who takes it and when"
	}
	return "Ask " + t.projectLead(b.Project) + " who takes " + b.Key + " and when"
}

// askableFiler is the name of whoever filed an issue when an action can
// ask them: someone active, not the user, not automation; else "".
func (t *Team) askableFiler(is TeamIssue) string {
	if r := is.Reporter; r.DisplayName != "" && !r.Inactive && !r.Is(t.Site.User) && !r.LooksLikeAutomation() {
		return r.DisplayName
	}
	return ""
}

// askAlongTheChain is what dependency.other-team asks besides about
// another team's blocker, of the issue that blocker waits on: "it waits
// on PAY-8: ask Mei when that will be done too".
func (t *Team) askAlongTheChain(key string) string {
	c, ok := t.issue(key)
	switch {
	case !ok:
		return "it waits on " + key + ": ask when that will be done too"
	case c.Assignee.Is(t.Site.User):
		return "it waits on " + c.Key + ", which is yours: set a date for it"
	case activeOwner(c) == "":
		return "it waits on " + c.Key + ", which nobody has taken either: ask who takes that too"
	}
	return "it waits on " + c.Key + ": ask " + activeOwner(c) + " when that will be done too"
}

// lastWordOnChain is the freshest word by a person on an issue or down its
// chain of blockers (its first open blocker, and what that one waits on):
// a comment anywhere on the chain is the block being chased.
func (t *Team) lastWordOnChain(is TeamIssue) time.Time {
	since := lastWord(is)
	for _, b := range t.chainOf(is) {
		since = latest(since, lastWord(b))
	}
	return since
}

// lastTeamWordOnChain is when the team last spoke for an issue: on it, or
// in a teammate's comment down its chain of blockers. A blocker's filing,
// or your own comment on it ("No-go for 2026.11 from my side"), says
// nothing of whether the team still wants the issue behind it: months of
// its silence are months.
func (t *Team) lastTeamWordOnChain(is TeamIssue) time.Time {
	since := lastWord(is)
	for _, b := range t.chainOf(is) {
		for _, c := range b.Comments {
			if !c.Author.LooksLikeAutomation() && !c.Author.Is(t.Site.User) {
				since = latest(since, c.At)
			}
		}
	}
	return since
}

// chainOf is the chain of blockers behind an issue that the team's issues
// hold: its first open blocker, and what that one waits on first.
func (t *Team) chainOf(is TeamIssue) []TeamIssue {
	blockers := t.openBlockers(is)
	if len(blockers) == 0 {
		return nil
	}
	b, ok := t.issue(blockers[0])
	if !ok {
		return nil
	}
	chain := []TeamIssue{b}
	if further := t.openBlockers(b); len(further) > 0 {
		if f, ok := t.issue(further[0]); ok {
			chain = append(chain, f)
		}
	}
	return chain
}

// yourLastWordOnChain is your comment down an issue's chain of blockers
// when it is the newest word on the chain and says where things stand (it
// asks nothing): you know what the blocker waits on, and nobody else can
// give you a date for it.
func (t *Team) yourLastWordOnChain(is TeamIssue) (evidence.Comment, string, bool) {
	var newest evidence.Comment
	where := ""
	newestAt := lastWord(is)
	for _, b := range t.chainOf(is) {
		if at := lastWord(b); at.After(newestAt) {
			newestAt, where = at, ""
			if c, ok := lastPersonComment(b); ok && c.At.Equal(at) {
				newest, where = c, b.Key
			}
		}
	}
	if where == "" || !newest.Author.Is(t.Site.User) || AsksQuestion(newest.Text) {
		return evidence.Comment{}, "", false
	}
	return newest, where, true
}

// dateAsk is a question that asks for a date: "any ETA please?", "when
// will the API be ready?", "do we have a date?"; etaAsk one that says ETA.
var (
	dateAsk = regexp.MustCompile(`(?i)\beta\b|\bdates?\b|\bwhen\b|\btimeline\b|\btime ?frame\b|\bhow long\b|\bany news\b|\bany update\b`)
	etaAsk  = regexp.MustCompile(`(?i)\beta\b`)
)

// unansweredDateAsk reads the newest word on a blocked issue and down its
// chain of blockers: when it asks someone other than the user and its
// writer, by a mention the team's issues (or the user's work) name, for a
// date, nobody has answered, and that person is whom to chase: "Deepa
// Nair asked Lakshmi Venkat for an ETA on 13 Nov and got none: ask
// again". It returns that, and their name.
func (t *Team) unansweredDateAsk(is TeamIssue) (string, string, bool) {
	var last evidence.Comment
	on := ""
	for i, candidate := range append([]TeamIssue{is}, t.chainOf(is)...) {
		if c, ok := lastPersonComment(candidate); ok && (last.At.IsZero() || c.At.After(last.At)) {
			last, on = c, ""
			if i > 0 {
				on = " on " + candidate.Key
			}
		}
	}
	q := questionIn(last.Text)
	if q == "" || !dateAsk.MatchString(q) {
		return "", "", false
	}
	for _, account := range markup.MentionedIn(markup.KeepMentions(q, last.Text)) {
		name := t.nameOf(account)
		if name == "" || isAccount(t.Site.User, account) || isAccount(last.Author, account) {
			continue
		}
		who := cmp.Or(last.Author.DisplayName, "A teammate")
		if last.Author.Is(t.Site.User) {
			who = "You"
		}
		what := "a date"
		if etaAsk.MatchString(q) {
			what = "an ETA"
		}
		return who + " asked " + name + on + " for " + what + " on " + dayOf(last.At, t.Now) + " and got none: ask again", name, true
	}
	return "", "", false
}

// isAccount reports whether a mention's account is u's: Cloud mentions
// an account id, Server and Data Center a username.
func isAccount(u evidence.User, account string) bool {
	return account != "" && (account == u.ID || account == u.Name)
}

// assigneeOtherThanUser is the name of the person an issue is assigned to,
// or "" when that is nobody or the user. Someone who left gives no date:
// whoever took over from them does.
func (t *Team) assigneeOtherThanUser(is TeamIssue) string {
	switch {
	case is.Assignee.Is(t.Site.User):
		return ""
	case is.Assignee.Inactive:
		return "whoever took over from " + cmp.Or(is.Assignee.DisplayName, "its assignee, who left")
	}
	return is.Assignee.DisplayName
}

// staleOnItsOwn reports whether a blocked issue gets a blocked.stale
// suggestion of its own, as perIssue and staleBlocked decide, without
// following its blockers further (a cycle of blocks would never end): a
// fresh word down its chain silences it and the issues behind it alike.
func staleOnItsOwn(d Detector, t *Team, is TeamIssue) bool {
	return openToOthers(d, t, is) && olderThan(d, lastWord(is), t.Now)
}

// abandonedAfter is how long a blocked issue can go without a word before
// `next` asks whether it is still wanted.
const abandonedAfter = 12 * 7 * 24 * time.Hour

// issue finds one of the team's issues by key.
func (t *Team) issue(key string) (TeamIssue, bool) {
	if t.byKey == nil {
		t.byKey = make(map[string]int, len(t.Issues))
		for i, is := range t.Issues {
			t.byKey[strings.ToUpper(is.Key)] = i
		}
	}
	i, ok := t.byKey[strings.ToUpper(key)]
	if !ok {
		return TeamIssue{}, false
	}
	return t.Issues[i], true
}

// nameOf is the name of an account a comment mentions, when the team's
// issues name it anywhere (an assignee, a reporter, a comment's author, or
// the user), "" otherwise: a quote reads "Sam O'Connor, quick one", not
// "[colleague] quick one".
func (t *Team) nameOf(account string) string {
	if t.people == nil {
		t.people = map[string]string{}
		add := func(u evidence.User) {
			if u.DisplayName == "" || u.LooksLikeAutomation() {
				return
			}
			for _, id := range []string{u.ID, u.Name} {
				if id != "" {
					t.people[id] = u.DisplayName
				}
			}
		}
		add(t.Site.User)
		for _, is := range t.Issues {
			add(is.Assignee)
			add(is.Reporter)
			add(is.Creator)
			for _, c := range is.Comments {
				add(c.Author)
			}
		}
	}
	return cmp.Or(t.people[account], t.Names[account])
}

// Mentioned lists the accounts the team's issues' comments mention, for
// a caller to name those the issues do not (Names).
func Mentioned(issues []TeamIssue) []string {
	seen := map[string]bool{}
	var accounts []string
	for _, is := range issues {
		for _, c := range is.Comments {
			if !strings.Contains(c.Text, "[~") && !strings.Contains(c.Text, `"mention"`) {
				continue // no wiki or ADF mention: skip turning it into plain text
			}
			for _, a := range markup.MentionedIn(markup.KeepMentions(markup.PlainText(c.Text), c.Text)) {
				if !seen[a] {
					seen[a] = true
					accounts = append(accounts, a)
				}
			}
		}
	}
	return accounts
}

// asksSomeoneElse reports whether the question an issue waits on names
// someone to answer it other than the user: "[~lvenkat] any ETA please?"
// is addressed to them, not to the team.
func (t *Team) asksSomeoneElse(is TeamIssue) bool {
	last, ok := lastPersonComment(is)
	if !ok {
		return false
	}
	me := t.Site.User
	for _, account := range markup.MentionedIn(markup.KeepMentions(questionIn(last.Text), last.Text)) {
		if account != me.ID && account != me.Name {
			return true
		}
	}
	return false
}

// quote is a person's words as a reader sees them, at most n runes: plain
// text, with the people it mentions named.
func (t *Team) quote(words, text string, n int) string {
	return evidence.Shorten(markup.NameMentions(markup.KeepMentions(words, text), t.nameOf), n)
}

// openBlockers lists the issues is is blocked by, leaving out those that
// are done: as the team's issues show them, else as the link itself said
// when is was read (a blocker in a project the team read does not cover,
// or resolved before its window). One known to neither counts as open.
func (t *Team) openBlockers(is TeamIssue) []string {
	var open []string
	for _, l := range is.BlockerLinks() {
		done := strings.EqualFold(l.OtherStatusCategory, "done")
		if b, ok := t.issue(l.OtherKey); ok {
			done = b.Done()
		}
		if !done {
			open = append(open, l.OtherKey)
		}
	}
	return open
}

// epicsWithoutNote are epicWithoutNote's findings on the team's open
// epics, the user's own among them: an initiative the user runs that went
// quiet is theirs to report on, as a teammate's is theirs.
func epicsWithoutNote(d Detector, t *Team) []finding {
	var out []finding
	for _, is := range t.Issues {
		if is.Done() || !typeMatches(d, is) {
			continue
		}
		if vars, ok := epicWithoutNote(d, t, is); ok {
			out = append(out, finding{issue: is, vars: vars})
		}
	}
	return out
}

func epicWithoutNote(d Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	if !is.InProgress() {
		return nil, false
	}
	since := lastWord(is)
	// A note that gives a date still ahead ("they start in December") put
	// the epic on a plan: asking its owner for news before then nags.
	if !olderThan(d, since, t.Now) || t.dateAhead(is) {
		return nil, false
	}
	// An epic someone else owns (its assignee) is theirs to report on: the
	// user asks them, or offers to write it, as a teammate would. Nobody's
	// epic is anybody's to post on; the user's own is theirs, and so is
	// planning its next child when none is planned.
	post, plan := "Post a progress note on the epic", ""
	switch owner := is.Assignee.DisplayName; {
	case is.Assignee.Is(t.Site.User):
		post = "Post a progress note on your epic"
		plan = t.planNextChild(is)
	case owner != "" && !is.Assignee.Inactive:
		post = "Ask " + owner + ", who owns the epic, for a progress note, or offer to write it"
	}
	// The last comment, so the reader knows where the epic stood; it may
	// be no progress note at all ("+1, hit this again").
	return map[string]string{"age": age(since, t.Now), "last-note": t.lastCommentNote(is), "post": post, "plan": plan}, true
}

// planNextChild asks, of an epic none of whose open children is in the
// running or next sprint, to plan the oldest of those not started into
// one: "; then plan MOB-932 into a sprint, as none of the epic's work is
// in one". "" when a child is planned, or none waits.
func (t *Team) planNextChild(epic TeamIssue) string {
	var next TeamIssue
	for _, is := range t.Issues {
		if !strings.EqualFold(is.ParentKey, epic.Key) || is.Done() {
			continue
		}
		if sprintLabel(is) != "" {
			return ""
		}
		if is.StatusCategory == evidence.StatusNew && (next.Key == "" || is.Created.Before(next.Created)) {
			next = is
		}
	}
	if next.Key == "" {
		return ""
	}
	return "; then plan " + next.Key + " (“" + evidence.Shorten(next.Summary, 60) + "”) into a sprint, as none of the epic's work is in one"
}

// lastCommentNote quotes the last comment by a person on an issue, with
// its author and date, for a reason to end with, or is "" when nobody has
// commented.
func (t *Team) lastCommentNote(is TeamIssue) string {
	c, ok := lastPersonComment(is)
	if !ok {
		return ""
	}
	who := cmp.Or(c.Author.DisplayName, "a teammate")
	if c.Author.Is(t.Site.User) {
		who = "you"
	}
	return fmt.Sprintf(" (the last comment, by %s on %s: “%s”)", who, dayOf(c.At, t.Now), t.quote(markup.PlainText(c.Text), c.Text, 80))
}

// dayOf says the day of a time, with its year when that is not now's:
// "14 Oct" of a comment 13 months old reads as last month.
func dayOf(at, now time.Time) string {
	if at.Year() != now.Year() {
		return at.Format("2 Jan 2006")
	}
	return at.Format("2 Jan")
}

// epicsWithoutMetric: an epic whose work has started (it is in progress,
// or a child of it is in the running or next sprint), older than the
// threshold, where nobody has written down how its success is measured, in
// its description or in a comment. A hiring manager asks "how did you
// know it worked?", and an epic without a metric cannot answer.
func epicsWithoutMetric(d Detector, t *Team) []finding {
	planned := map[string]string{} // epic key -> the sprint a child is planned into
	for _, is := range t.Issues {
		if label := sprintLabel(is); label != "" && is.ParentKey != "" && !is.Done() {
			key := strings.ToUpper(is.ParentKey)
			if prev, ok := planned[key]; !ok || strings.HasPrefix(label, "active") && !strings.HasPrefix(prev, "active") {
				planned[key] = label
			}
		}
	}
	var out []finding
	for _, is := range t.Issues {
		if !openToOthers(d, t, is) || !olderThan(d, is.Created, t.Now) {
			continue
		}
		state := ""
		switch sprint, ok := planned[strings.ToUpper(is.Key)]; {
		case is.InProgress():
			state = "epic in progress"
		case ok:
			state = "epic with work in the " + sprint
		default:
			continue
		}
		if measured(is) || endStateGoal(is.Description) {
			continue
		}
		// An epic that says what it is for needs only its measure; an
		// empty one needs its goal too.
		write := "how the team will know the epic worked"
		if markup.WordCount(markup.PlainText(is.Description)) < 5 {
			write = "the epic's goal and how the team will know it worked"
		}
		// An epic someone else owns is theirs to measure: the user brings
		// them a proposal, as a teammate would, rather than writing it
		// down and asking for their nod afterwards.
		draft, settle := "Write down "+write, ", and agree it with the team"
		switch {
		case is.Assignee.DisplayName != "" && !is.Assignee.Inactive:
			draft, settle = "Propose to "+is.Assignee.DisplayName+", who owns the epic, "+write, ", and get it written on the epic"
		case is.Reporter.DisplayName != "" && !is.Reporter.Is(t.Site.User) && !is.Reporter.LooksLikeAutomation():
			settle = ", and agree it with " + is.Reporter.DisplayName + ", who filed it"
		}
		out = append(out, finding{issue: is, vars: map[string]string{"state": state, "draft": draft, "settle": settle}})
	}
	return out
}

// measured reports whether an epic says how its success is measured, in
// its description or in a person's comment.
func measured(is TeamIssue) bool {
	if statesMetric(is.Description) || statesMetric(markup.PlainText(is.Description)) {
		return true
	}
	for _, c := range is.Comments {
		if !c.Author.LooksLikeAutomation() && statesMetric(markup.PlainText(c.Text)) {
			return true
		}
	}
	return false
}

var (
	// goalHeading names an epic's goal: "Goal", "Objective", "Aim".
	goalHeading = regexp.MustCompile(`(?im)^\W{0,12}(?:h\d\.\s*)?(?:goals?|objectives?|aims?)\b`)
	// endState opens a goal that names an end state every case of which
	// can be checked: "Every cluster on 1.31 before the provider ends
	// support", "All deposit products can be opened digitally", "No
	// manual step in a production deployment".
	endState = regexp.MustCompile(`(?i)^(?:every|each|all|no|none of|zero)\s+\S+`)
)

// endStateGoal reports whether an epic's description states, under a
// goal heading, an end state that is its own measure: whether every
// cluster is on 1.31 is checked, not estimated, and asking for "a metric,
// a target and a date" besides would ask for what is written. A goal of
// what to build ("Bring the web checkout to iOS and Android") is none.
func endStateGoal(description string) bool {
	goal := markup.PlainText(evidence.UnderHeading(description, goalHeading))
	return endState.MatchString(strings.TrimLeft(goal, " *-•")) && markup.WordCount(goal) >= 4
}

// ResolvedWindowDays is how far back the team's resolved issues are
// looked at: an incident resolved longer ago than this has missed the
// moment for its postmortem, and an epic has had a month of data after
// its wrap-up week to report on; after that nobody reads either again.
// The team's read holds every issue resolved within TeamReadDays, twice
// as far back.
const ResolvedWindowDays = 42

// TeamReadDays is how far back the team's first read reads resolved
// issues: far enough to hold all a team finished in its last two closed
// sprints of four weeks besides the running one, which the sprint plan
// is weighed against (overcommittedSprints).
const TeamReadDays = 84

// perResolvedIssue makes a check of a condition on one issue of the
// detector's types resolved within ResolvedWindowDays, not assigned to
// the user.
func perResolvedIssue(cond func(d Detector, t *Team, is TeamIssue) (map[string]string, bool)) check {
	return func(d Detector, t *Team) []finding {
		var out []finding
		for _, is := range t.Issues {
			if !is.Done() || is.Resolved == nil || t.Now.Sub(*is.Resolved) > ResolvedWindowDays*24*time.Hour ||
				is.Assignee.Is(t.Site.User) || !typeMatches(d, is) {
				continue
			}
			if vars, ok := cond(d, t, is); ok {
				out = append(out, finding{issue: is, vars: vars})
			}
		}
		return out
	}
}

// postmortemWords say a postmortem or a root cause analysis exists or is
// written down.
var postmortemWords = regexp.MustCompile(`(?i)\bpost-?\s?mortem|\bpost-incident\b|\bincident review\b|\brca\b|\broot[- ]cause|\bpir\b|\b5 whys\b|\bfive whys\b`)

// isIncident reports whether an issue is an incident (evidence.IsIncident).
func isIncident(is TeamIssue) bool { return evidence.IsIncident(is.Type, is.Summary, is.Labels) }

// isPostmortem reports whether an issue is a postmortem or a root cause
// analysis, by its type or summary.
func isPostmortem(is TeamIssue) bool {
	return evidence.EqualsAnyFold(is.Type, []string{"Postmortem", "Post-incident review"}) || statesRootCause(is.Summary)
}

// incidentWithoutPostmortem: an incident resolved more than the threshold
// ago, and within ResolvedWindowDays, with no postmortem anywhere the team
// would look: none linked, none of the team's issues naming it, and no
// root cause in its description or a person's comment. When in doubt (a
// linked issue the team's read does not hold), it says nothing.
func incidentWithoutPostmortem(d Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	if !isIncident(is) || isPostmortem(is) || !olderThan(d, *is.Resolved, t.Now) {
		return nil, false
	}
	if statesRootCause(markup.PlainText(is.Description)) {
		return nil, false
	}
	for _, c := range is.Comments {
		if !c.Author.LooksLikeAutomation() && statesRootCause(markup.PlainText(c.Text)) {
			return nil, false
		}
	}
	for _, l := range is.Links {
		other, ok := t.issue(l.OtherKey)
		if !ok || isPostmortem(other) {
			return nil, false
		}
	}
	named := regexp.MustCompile(`\b` + regexp.QuoteMeta(is.Key) + `\b`)
	for _, other := range t.Issues {
		if isPostmortem(other) && (strings.EqualFold(other.ParentKey, is.Key) || named.MatchString(other.Summary+" "+other.Description)) {
			return nil, false
		}
	}
	owner := "whoever led it"
	if is.Assignee.DisplayName != "" {
		owner = is.Assignee.DisplayName
	}
	return map[string]string{"age": age(*is.Resolved, t.Now), "owner": owner}, true
}

// epicWithoutOutcome: an epic done more than the threshold ago (its wrap-up
// has had time), within ResolvedWindowDays, where nobody wrote down what it
// changed. The team learns whether the work paid off, and whoever tells
// it has an outcome to show. An epic dropped (Won't Do, Cancelled) changed
// nothing to report.
func epicWithoutOutcome(d Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	if is.Dropped() || !olderThan(d, *is.Resolved, t.Now) || statesResult(is) {
		return nil, false
	}
	vars := map[string]string{"age": age(*is.Resolved, t.Now), "metric": "", "against": "",
		"owner": cmp.Or(t.assigneeOtherThanUser(is), "whoever led it"), "tell": "the stakeholders who asked for it"}
	switch metric := metricIn(is.Description); {
	case metric != "":
		// A list ends in a full stop as plain text; quoted inside a
		// sentence, it would end it.
		vars["metric"] = " (success metric: “" + t.quote(strings.TrimSuffix(markup.PlainText(metric), "."), metric, 80) + "”)"
		vars["against"] = " against its success metric"
	case measured(is):
		vars["against"] = " against its success metric"
	case markup.WordCount(markup.PlainText(is.Description)) >= 5:
		vars["against"] = " against its goal"
	}
	if r := is.Reporter; r.DisplayName != "" && !r.Inactive && !r.Is(is.Assignee) && !r.Is(t.Site.User) && !r.LooksLikeAutomation() {
		vars["tell"] = r.DisplayName + ", who filed it, and the other stakeholders"
	}
	return vars, true
}

// statesResult reports whether a done epic says what it changed: as the
// portfolio reads an outcome (evidence.RecordedOutcome: an "Outcome:" or
// "Result:" comment, or the closing comment with a number), as an
// "Outcome:" or "Result:" in its description (added as it closed; a
// "Desired outcome:" is its goal), or as a verdict on its metric in the
// description or a person's comment ("success metric met", "target
// missed").
func statesResult(is TeamIssue) bool {
	comments := make([]evidence.Comment, len(is.Comments))
	for i, c := range is.Comments {
		c.Text = markup.PlainText(c.Text)
		comments[i] = c
	}
	if _, _, ok := evidence.RecordedOutcome(comments, true, is.Resolved); ok {
		return true
	}
	description := markup.PlainText(is.Description)
	if _, ok := evidence.MarkedOutcome(wantedOutcome.ReplaceAllString(description, " "), false); ok || metricVerdict.MatchString(description) {
		return true
	}
	return slices.ContainsFunc(comments, func(c evidence.Comment) bool {
		return !c.Author.LooksLikeAutomation() && metricVerdict.MatchString(c.Text)
	})
}

var (
	// wantedOutcome is an outcome a description hopes for, not one it
	// reports: "Desired outcome:", "Expected results:".
	wantedOutcome = regexp.MustCompile(`(?i)\b(?:desired|expected|intended|target|hoped[- ]for|planned)\s+(?:outcomes?|results?)\s*:`)
	// metricVerdict says how a metric or a goal came out: "success metric
	// met", "targets were missed", "KPI exceeded". "Hit" only with its
	// verb ("was hit"): "Goal: hit 50% adoption" is the aim.
	metricVerdict = regexp.MustCompile(`(?i)\b(?:success (?:metrics?|criteria)|metrics?|kpis?|okrs?|key results?|goals?|targets?|objectives?)\b[^.!?;\n]{0,40}?(?:\b(?:met|missed|exceeded|achieved|reached|beaten)\b|\b(?:was|were|has been|have been)\s+(?:not\s+)?hit\b)`)
)

// unansweredQuestions finds the questions nobody answered; one whose asker
// has left is for a new owner or closing, not for answering.
func unansweredQuestions(d Detector, t *Team) []finding {
	found := perIssue(unansweredQuestion)(d, t)
	for i := range found {
		if last, _ := lastPersonComment(found[i].issue); last.Author.Inactive {
			found[i].left = cmp.Or(last.Author.DisplayName, "the asker")
		}
	}
	return found
}

// unansweredQuestion: the last word on the issue is a teammate's question
// to others, and it has waited longer than the threshold. The user's own
// questions are theirs to chase, and automation's ("is this still
// relevant?") block no one.
func unansweredQuestion(d Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	last, ok := lastPersonComment(is)
	if !ok || last.Author.Is(t.Site.User) || !AsksQuestion(last.Text) {
		return nil, false
	}
	// "Waiting for customer": the team asked the reporter, and knows it
	// waits for their answer; nobody on the team can give it.
	if waitsOnReporter.MatchString(is.Status) && !last.Author.Is(is.Reporter) {
		return nil, false
	}
	if !olderThan(d, last.At, t.Now) {
		return nil, false
	}
	asker := cmp.Or(last.Author.DisplayName, "a teammate")
	q := questionIn(last.Text)
	answer, from := t.howToAnswer(is, last, q, asker)
	return map[string]string{"asker": asker, "question": "“" + t.quoteQuestion(last, q) + "”", "age": age(last.At, t.Now), "answer": answer, "awaited": "an answer " + from}, true
}

// howToAnswer is how the user gets a teammate's question q answered, and
// whom the answer is awaited from. A question addressed to someone is
// theirs to answer; one addressed to the user was asked of them, not of
// the team. One that names another project ("Does PAY support two
// authorisations…?") is for whoever answers for it (projectLead).
func (t *Team) howToAnswer(is TeamIssue, asked evidence.Comment, q, asker string) (action, from string) {
	to := t.addressOf(asked, q)
	switch {
	case to.you:
		action = asker + " asked you on " + dayOf(asked.At, t.Now) + ": answer it"
		if strings.EqualFold(is.Type, "Story") {
			// A story's answer is part of what it is to do.
			action += ", and if the answer changes the story, write it into its acceptance criteria"
		}
		return action, "from you"
	case len(to.people) > 0:
		who := evidence.JoinAnd(to.people)
		return "Ask " + who + " (it was addressed to them) for the answer, and get it posted here", "from " + who
	}
	if project := t.otherProjectIn(q, is.Project); project != "" {
		who := t.projectContact(project)
		return "Ask " + who + " for the answer, and get it posted here for " + asker, "from " + who
	}
	return "Answer " + asker + "'s question, or find who can and get the answer posted", "to " + asker + "'s question"
}

// otherProjectIn is the first project key a question names as a word of
// its own ("PAY", not "PAY-821", an issue with its own assignee), of a
// project other than the one it is asked on that the team's read or the
// user's own issues hold; "" when it names none. Any other capitalised
// word ("API", "SIT") names no one to ask.
func (t *Team) otherProjectIn(q, own string) string {
	known := make(map[string]bool)
	for _, is := range append(slices.Clip(t.Issues), t.Yours...) {
		known[is.Project] = true
	}
	for _, m := range projectWord.FindAllStringSubmatchIndex(q, -1) {
		word := q[m[2]:m[3]]
		if known[word] && word != own && !strings.HasPrefix(q[m[3]:], "-") {
			return word
		}
	}
	return ""
}

// projectWord is a word that may be a project key: capitals and digits.
var projectWord = regexp.MustCompile(`\b([A-Z][A-Z0-9_]+)\b`)

// quoteQuestion quotes a comment's question q, with the sentence after it
// that says why it is asked when both fit questionLength. A question too
// long to quote whole loses its start, not its end, where its point is:
// first whom it is addressed to ("@Ana Ribeiro", "Hi team,"), then its
// opening words ("…or hide it when the cart has items from 2 stores?").
func (t *Team) quoteQuestion(asked evidence.Comment, q string) string {
	if withWhy := questionAndWhy(asked.Text, q); withWhy != q {
		if long := t.quote(withWhy, asked.Text, math.MaxInt); utf8.RuneCountInString(long) <= questionLength {
			return long
		}
	}
	if whole := t.quote(q, asked.Text, math.MaxInt); utf8.RuneCountInString(whole) <= questionLength {
		return whole
	}
	own := t.quote(t.addressOf(asked, q).rest, asked.Text, math.MaxInt)
	return shortenFromStart(upperFirst(own), questionLength)
}

// questionLength is the longest question question.unanswered quotes whole.
const questionLength = 150

// questionAndWhy is a comment's question q with the sentence after it on
// its line, where the writer says why they ask: "Do we keep application
// logs for 30 or 90 days? Legal has not said and I need to size the
// bucket." It is q when nothing follows it.
func questionAndWhy(text, q string) string {
	for _, line := range strings.Split(markup.PlainText(text), "\n") {
		_, after, ok := strings.Cut(line, q)
		if !ok {
			continue
		}
		if next := nextSentence.FindString(after); strings.TrimSpace(next) != "" {
			return q + strings.TrimRight(next, " ")
		}
		return q
	}
	return q
}

// nextSentence is the sentence that opens a text: up to its full stop,
// or to the end.
var nextSentence = regexp.MustCompile(`^\s+[^.!?。！？]+(?:[.!?。！？]|$)`)

// shortenFromStart is evidence.Shorten from the other end: text cut to
// at most max characters from its start, at a word where there is one,
// the cut marked with "…".
func shortenFromStart(text string, max int) string {
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	cut := len(text)
	for n := 1; n < max; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:cut])
		cut -= size
	}
	kept := text[cut:]
	if sp := strings.IndexByte(kept, ' '); sp >= 0 && sp < len(kept)/2 {
		kept = kept[sp+1:]
	}
	return "…" + strings.TrimLeft(kept, " ,;:-")
}

// address is whom a question is put to, as its opening says.
type address struct {
	people []string // teammates it names, by whole name
	you    bool     // it names the user
	// rest is the question after its greeting and whom it names, its
	// mentions as markup.KeepMentions keeps them.
	rest string
}

// addressOf reads whom a comment's question q opens by speaking to, after
// a greeting ("Hi", "Hey team,"): the people mentioned at its start
// ("[~msundaram] for joint accounts, should…?"), or named there after an
// "@" typed out ("@Ana Ribeiro the free delivery…?"), or a teammate
// named before a comma ("Meenakshi, should…?"). It names nobody when the
// question is to the team, or opens with a mention of the asker or of
// someone nobody names: whom it is put to is not known.
func (t *Team) addressOf(c evidence.Comment, q string) address {
	kept := markup.KeepMentions(q, c.Text)
	rest := kept
	greeted := false
	if m := greetingOpening.FindString(rest); m != "" {
		rest, greeted = rest[len(m):], true
	}
	var a address
	for {
		name, you, size := t.openingName(rest, c.Author)
		if size == 0 {
			break
		}
		if name == "" && !you {
			return address{rest: kept}
		}
		a.you = a.you || you
		if name != "" {
			a.people = append(a.people, name)
		}
		rest = strings.TrimLeft(rest[size:], " ,:")
	}
	if !a.you && len(a.people) == 0 {
		// "Meenakshi, …?": a name of the user, or of one of the team's
		// people, first or whole, before a comma; after a greeting ("Hi
		// Bob, …"), whoever it is.
		if head, after, ok := strings.Cut(rest, ","); ok && len(strings.Fields(head)) <= 3 {
			head = strings.TrimSpace(head)
			switch {
			case isNameOf(t.Site.User.DisplayName, head):
				a.you, rest = true, after
			case t.personNamed(head, c.Author) != "":
				a.people, rest = []string{t.personNamed(head, c.Author)}, after
			case greeted:
				rest = after
			}
		}
	}
	a.rest = strings.TrimSpace(rest)
	return a
}

// greetingOpening is a greeting a question opens with: "Hi ", "Hey team,
// ", "Hello all: ".
var greetingOpening = regexp.MustCompile(`(?i)^(?:hi|hello|hey|dear)\b(?:\s+(?:all|team|everyone|folks|guys))?[,:!]?\s*`)

// openingName reads the person a question's opening names, in bytes size
// of it: a mention ("[~msundaram]"), or an "@" and a name typed out, of
// up to three words ("@Ana Ribeiro the…"). you says it is the user. A
// mention of the asker, or of someone nobody names, names nobody; size is
// 0 when the opening is neither.
func (t *Team) openingName(s string, asker evidence.User) (name string, you bool, size int) {
	if strings.HasPrefix(s, "[~") {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return "", false, 0
		}
		accounts := markup.MentionedIn(s[:end+1])
		switch {
		case len(accounts) == 0 || isAccount(asker, accounts[0]):
			return "", false, end + 1
		case isAccount(t.Site.User, accounts[0]):
			return "", true, end + 1
		}
		return t.nameOf(accounts[0]), false, end + 1
	}
	typed, ok := strings.CutPrefix(s, "@")
	if !ok {
		return "", false, 0
	}
	words := strings.Fields(typed)
	for n := min(3, len(words)); n > 0; n-- {
		words := strings.Join(words[:n], " ")
		if !strings.HasPrefix(typed, words) {
			continue
		}
		written := strings.TrimRight(words, ",:")
		if isNameOf(t.Site.User.DisplayName, written) {
			return "", true, 1 + len(words)
		}
		if name := t.personNamed(written, asker); name != "" {
			return name, false, 1 + len(words)
		}
	}
	return "", false, 0
}

// personNamed is the whole name of the one person whose name, or first
// name, is name, other than the user and except: of the team's issues, or
// of everyone the user's store has seen (People); "" when nobody or more
// than one is.
func (t *Team) personNamed(name string, except evidence.User) string {
	if name == "" {
		return ""
	}
	t.nameOf("") // makes t.people
	found := ""
	for account, full := range t.people {
		if !isNameOf(full, name) {
			continue
		}
		if isAccount(t.Site.User, account) || isAccount(except, account) {
			return ""
		}
		if found != "" && found != full {
			return ""
		}
		found = full
	}
	for _, full := range t.People {
		if found != "" && found != full && isNameOf(full, name) {
			return ""
		}
		if isNameOf(full, name) {
			found = full
		}
	}
	if found == t.Site.User.DisplayName || found == except.DisplayName {
		return ""
	}
	return found
}

// isNameOf reports whether name is a person's whole name, or their first.
func isNameOf(full, name string) bool {
	first, _, _ := strings.Cut(full, " ")
	return strings.EqualFold(full, name) || strings.EqualFold(first, name)
}

// waitsOnReporter is a status that says the issue waits for its reporter's
// answer: "Waiting for customer", "Pending reporter", "Needs info".
var waitsOnReporter = regexp.MustCompile(`(?i)\b(?:waiting|awaiting|pending)\b.*\b(?:customers?|clients?|reporter|requester|user|info|information|feedback|response|reply)\b|\bneeds? (?:more )?info|\binfo(?:rmation)? (?:needed|required|requested)\b`)

func lastPersonComment(is TeamIssue) (evidence.Comment, bool) {
	var last evidence.Comment
	found := false
	for _, c := range is.Comments {
		if c.Author.LooksLikeAutomation() {
			continue
		}
		if !found || !c.At.Before(last.At) {
			last, found = c, true
		}
	}
	return last, found
}

// questionSentence is a sentence that ends in a question mark, a
// full-width one too (Japanese, Chinese).
var questionSentence = regexp.MustCompile(`[^.!?。！？]+[?？]`)

// cjkText finds Chinese or Japanese writing, whose words have no spaces
// between them to count.
var cjkText = regexp.MustCompile(`\p{Han}|\p{Hiragana}|\p{Katakana}`)

// AsksQuestion reports whether a comment asks something: a sentence of the
// writer's own words (not code or a quote) that ends in a question mark.
func AsksQuestion(text string) bool { return questionIn(text) != "" }

// questionIn is the first question a comment asks, as AsksQuestion reads
// it, or "".
func questionIn(text string) string {
	plain := markup.PlainText(text)
	for _, line := range strings.Split(plain, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, ">") {
			continue
		}
		for _, s := range questionSentence.FindAllString(line, -1) {
			// Three words make a question, not "why?"; without spaces,
			// six characters.
			if len(strings.Fields(s)) >= 3 || cjkText.MatchString(s) && utf8.RuneCountInString(strings.TrimSpace(s)) >= 6 {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// untriagedBug: a bug with no priority or no component, open longer than
// the threshold. A bug in progress or planned into the running or next
// sprint was triaged in practice, whatever its fields say. A field the
// bug's project hardly uses (a team that sorts nothing by component) is
// not missing.
func untriagedBug(d Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	if is.InProgress() || sprintLabel(is) != "" {
		return nil, false
	}
	used := t.triageFields(is.Project)
	var missing []string
	if is.Priority == "" && used[0] {
		missing = append(missing, "priority")
	}
	if len(is.Components) == 0 && used[1] {
		missing = append(missing, "component")
	}
	if len(missing) == 0 || !olderThan(d, is.Created, t.Now) {
		return nil, false
	}
	lacking := "no " + missing[0]
	if len(missing) == 2 {
		lacking = "neither a " + missing[0] + " nor a " + missing[1]
	}
	// A priority is a judgement worth a sentence; a component is where
	// the bug lives. Setting a priority is prioritization; setting only
	// its component is backlog grooming, as the rules credit it.
	sayWhy, category := "", "backlog-grooming"
	if missing[0] == "priority" {
		sayWhy, category = " and say in a comment why it gets that priority", ""
	}
	vars := map[string]string{"missing": strings.Join(missing, " and "), "lacking": lacking, "age": age(is.Created, t.Now),
		"say-why": sayWhy, "still-happens": "", "triage": "Triage it: set", "or-close": "", categoryVar: category}
	if known, ok := stillHappens(is, t.Now); ok {
		// Whether it still happens comes first, as one either/or with whoever
		// would know: its assignee, else whoever filed it, else the team.
		who := activeOwner(is)
		if filer := t.askableFiler(is); who == "" && filer != "" {
			who = filer + ", who filed it"
		}
		vars["still-happens"] = t.ifStillWanted(is, cmp.Or(who, "the team"), "still happens ("+known+")")
		vars["triage"], vars["settled-triage"] = "set", vars["triage"]
		if t.highPriority(is.Priority) {
			// A high bug that still happens a year on wants someone on it
			// and a sprint, more than a component (the demo's OPS-1183).
			plan := "plan it into a sprint"
			if activeOwner(is) == "" {
				plan += " with an owner"
			}
			vars["triage"] = plan + " and set"
		}
		vars["or-close"], vars["settled-or-close"] = orClose, ""
	}
	return vars, true
}

// stillHappens is what an untriaged bug's action asks first after 12
// weeks open without a word: whether it still happens at all, as
// priority.top-unowned and release.missed ask whether old work is still
// wanted; triaging a bug fixed by the way, or about a system since
// replaced, is busywork. It says what is known besides how long it has
// been open, which the reason says: at what priority, whether anyone has
// it, and its silence.
func stillHappens(is TeamIssue, now time.Time) (string, bool) {
	last := lastWord(is)
	if now.Sub(is.Created) < abandonedAfter || now.Sub(last) < abandonedAfter {
		return "", false
	}
	var known []string
	if is.Priority != "" {
		known = append(known, "at "+is.Priority)
	}
	if is.Assignee.ID == "" {
		known = append(known, "nobody on it")
	}
	silent := "no word since it was filed"
	if last.After(is.Created) {
		silent = "no word for " + age(last, now)
	}
	return strings.Join(append(known, silent), ", "), true
}

// fieldUseShare is the least share of a project's issues that carry a
// priority (or a component) for a bug without one to count as untriaged:
// below it, the team does not triage by that field.
const fieldUseShare = 0.2

// triageFields reports whether a project's issues use priorities and
// components: at least fieldUseShare of them carry one.
func (t *Team) triageFields(project string) [2]bool {
	if t.fieldsUsed == nil {
		type count struct{ all, priority, component int }
		counts := map[string]*count{}
		for _, is := range t.Issues {
			c := counts[is.Project]
			if c == nil {
				c = &count{}
				counts[is.Project] = c
			}
			c.all++
			if is.Priority != "" {
				c.priority++
			}
			if len(is.Components) > 0 {
				c.component++
			}
		}
		t.fieldsUsed = map[string][2]bool{}
		for p, c := range counts {
			t.fieldsUsed[p] = [2]bool{float64(c.priority) >= fieldUseShare*float64(c.all), float64(c.component) >= fieldUseShare*float64(c.all)}
		}
	}
	return t.fieldsUsed[project]
}

func unassignedInProgress(_ Detector, _ *Team, is TeamIssue) (map[string]string, bool) {
	if !is.InProgress() || is.Assignee.ID != "" || strings.EqualFold(is.Type, "Epic") {
		return nil, false
	}
	undo := "move it back to the backlog"
	if sprintLabel(is) != "" {
		undo = "move it back out of the sprint"
	}
	return map[string]string{"undo": undo}, true
}

// progressOf says an issue is in progress, naming its status when that
// says more ("in progress (In Review)", not "in progress (In Progress)").
func progressOf(is TeamIssue) string {
	if is.Status == "" || strings.EqualFold(is.Status, "In Progress") {
		return "in progress"
	}
	return "in progress (" + is.Status + ")"
}

// stalledInSprint: someone's issue in progress in the running sprint, or
// on the board of a project without sprints (kanban), that nothing has
// happened on (no change, no person's comment) for longer than the
// threshold. A blocked issue is blocked's; an unassigned one is
// in-progress.unassigned's; work a scrum team left outside its sprints is
// not the running sprint's to re-plan.
func stalledInSprint(d Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	if !is.InProgress() || is.Assignee.ID == "" || is.Blocked() {
		return nil, false
	}
	if _, _, ok := setAside(is); ok {
		return nil, false // the latest word stops the work: in-progress.set-aside's
	}
	// Its assignee waits on someone's answer, not on their own work: asking
	// them whether it still moves asks the wrong person (question.unanswered's).
	if _, ok := unansweredQuestion(d, t, is); ok {
		return nil, false
	}
	sprint := t.sprintNamed(is)
	vars := map[string]string{"sprint": sprint, "where": "in the " + sprint, "undo": "move it out of the sprint"}
	switch {
	case strings.HasPrefix(sprint, "active"):
	case !t.usesSprints(is.Project) && !strings.EqualFold(is.Type, "Epic"):
		vars["where"], vars["undo"] = "on a board without sprints", "move it back to the backlog"
	default:
		return nil, false
	}
	since := latest(lastWord(is), is.Updated)
	if !olderThan(d, since, t.Now) {
		return nil, false
	}
	vars["age"] = age(since, t.Now)
	return vars, true
}

// stalledWork finds the stalled work (stalledInSprint), quoting the
// promise its assignee made last when nothing has moved since, and tells
// that of one running sprint as one finding once there are two or more:
// asking about them is one stand-up. Work whose assignee left is told on
// its own: it needs a new owner, not a question.
func stalledWork(d Detector, t *Team) []finding {
	found := perIssue(stalledInSprint)(d, t)
	bySprint := map[string][]int{}
	for i, f := range found {
		promise := ""
		if c, ok := t.lastPromise(f.issue); ok {
			promise = "; " + cmp.Or(c.Author.DisplayName, "its assignee") + " wrote on " + dayOf(c.At, t.Now) + " “" +
				t.quote(markup.PlainText(c.Text), c.Text, 100) + "”, and nothing has moved since"
		}
		found[i].vars["promise"] = promise
		found[i].vars["ask"] = "Ask " + cmp.Or(f.issue.Assignee.DisplayName, "its assignee") +
			" at stand-up whether it is still moving: split it, find it help, or " + f.vars["undo"]
		if sprint := f.vars["sprint"]; strings.HasPrefix(sprint, "active") && !f.issue.Assignee.Inactive {
			bySprint[sprint] = append(bySprint[sprint], i)
		}
	}
	grouped := map[int]bool{}
	var out []finding
	for _, sprint := range slices.Sorted(maps.Keys(bySprint)) {
		at := bySprint[sprint]
		if len(at) < 2 {
			continue
		}
		group := make([]finding, len(at))
		for j, i := range at {
			grouped[i], group[j] = true, found[i]
		}
		out = append(out, t.standUp(group))
	}
	for i, f := range found {
		if !grouped[i] {
			out = append(out, f)
		}
	}
	return out
}

// standUp is one finding for the stalled work of one running sprint: on
// the issue stalled longest, naming the others, asking each assignee about
// theirs at one stand-up, and quoting their promises (one the same words
// say, once: "Deepa Nair (CORE-2272, 23 Nov) and Karthik Menon (CORE-2270,
// 25 Nov) wrote “will move to QA by Monday”").
func (t *Team) standUp(group []finding) finding {
	since := func(f finding) time.Time { return latest(lastWord(f.issue), f.issue.Updated) }
	sort.SliceStable(group, func(i, j int) bool {
		if a, b := since(group[i]), since(group[j]); !a.Equal(b) {
			return a.Before(b)
		}
		return keyLess(group[i].issue.Key, group[j].issue.Key)
	})
	var people, related, said []string
	keysOf := map[string][]string{}
	whoSaid := map[string][]string{} // by the words promised, who promised them, on what and when
	for i, f := range group {
		who := f.issue.Assignee.DisplayName
		if _, ok := keysOf[who]; !ok {
			people = append(people, who)
		}
		keysOf[who] = append(keysOf[who], f.issue.Key)
		if i > 0 {
			related = append(related, f.issue.Key)
		}
		if c, ok := t.lastPromise(f.issue); ok {
			words := t.quote(markup.PlainText(c.Text), c.Text, 100)
			if _, ok := whoSaid[words]; !ok {
				said = append(said, words)
			}
			whoSaid[words] = append(whoSaid[words], fmt.Sprintf("%s (%s, %s)", cmp.Or(c.Author.DisplayName, "its assignee"), f.issue.Key, dayOf(c.At, t.Now)))
		}
	}
	var asks []string
	for _, who := range people {
		asks = append(asks, who+" ("+strings.Join(keysOf[who], ", ")+")")
	}
	var promises []string
	for _, words := range said {
		promises = append(promises, "; "+evidence.JoinAnd(whoSaid[words])+" wrote “"+words+"”")
	}
	if len(promises) > 0 {
		promises = append(promises, ", and nothing has moved since")
	}
	first, last := group[0], group[len(group)-1]
	ages := first.vars["age"]
	if last.vars["age"] != ages {
		ages = last.vars["age"] + " to " + ages
	}
	vars := maps.Clone(first.vars)
	vars["progress"] = fmt.Sprintf("%d issues in progress", len(group))
	vars["age"] = ages
	vars["promise"] = strings.Join(promises, "")
	vars["ask"] = "At stand-up, ask " + evidence.JoinAnd(asks) + " whether they are still moving: split what is stuck, find it help, or " + first.vars["undo"]
	return finding{issue: first.issue, key: "stand-up:" + first.issue.Project + ":" + first.vars["sprint"], related: related, vars: vars}
}

// promiseWords say what someone will do, and often by when: "will move
// to QA by Monday", "I'll pick this up tomorrow", "going to merge today".
var promiseWords = regexp.MustCompile(`(?i)\bwill\b|\b(?:i|we)'ll\b|\bgoing to\b|\bby (?:mon|tues|wednes|thurs|fri)day\b|\btomorrow\b|\btoday\b|\bthis week\b|\bby (?:eod|end of)\b`)

// lastPromise is the last word on an issue when it is its assignee's
// promise ("dev in progress, will move to QA by Monday") and nothing on
// the issue has changed since.
func (t *Team) lastPromise(is TeamIssue) (evidence.Comment, bool) {
	c, ok := lastPersonComment(is)
	if !ok || !c.Author.Is(is.Assignee) || is.Updated.After(c.At.Add(time.Hour)) {
		return evidence.Comment{}, false
	}
	if !promiseWords.MatchString(markup.PlainText(c.Text)) || AsksQuestion(c.Text) {
		return evidence.Comment{}, false
	}
	return c, true
}

// usesSprints reports whether any of a project's team issues was ever
// planned into a sprint: a project that never was works from a board.
func (t *Team) usesSprints(project string) bool {
	if t.sprintProjects == nil {
		t.sprintProjects = map[string]bool{}
		for _, is := range t.Issues {
			if len(is.Sprints) > 0 {
				t.sprintProjects[is.Project] = true
			}
		}
	}
	return t.sprintProjects[project]
}

// likelyDuplicates pairs open issues of one project whose summaries share
// at least the detector's share of their words and that are not yet linked
// to each other; the newer of the two carries the finding. A pair with an
// issue assigned to the user is theirs to sort out already.
func likelyDuplicates(d Detector, t *Team) []finding {
	type entry struct {
		is      TeamIssue
		words   []string
		request bool
	}
	// Pairs are of one project: the issues are weighed project by project.
	byProject := map[string][]entry{}
	var projects []string
	for _, is := range t.Issues {
		if !openToOthers(d, t, is) || strings.EqualFold(is.Type, "Epic") {
			continue
		}
		if w := summaryWords(is.Summary); len(w) >= 3 {
			if byProject[is.Project] == nil {
				projects = append(projects, is.Project)
			}
			byProject[is.Project] = append(byProject[is.Project], entry{is, w, requestType.MatchString(is.Type)})
		}
	}
	var out []finding
	for _, p := range projects {
		open := byProject[p]
		sort.SliceStable(open, func(i, j int) bool { return open[i].is.Created.Before(open[j].is.Created) })
		// Each issue is weighed only against the earlier ones that share
		// one of its rarest words (prefix filtering: two sets as alike as
		// the similarity asks share one of the rarest len − ⌈similarity ×
		// len⌉ + 1 words of each, rarest in the project), the earliest
		// first: a backlog of thousands has millions of pairs, nearly all
		// unalike or alike only in "fix" or "api".
		seen := map[string]int{}
		for _, e := range open {
			for _, w := range e.words {
				seen[w]++
			}
		}
		earlierWith := map[string][]int{}
		isCandidate := make([]bool, len(open))
		for j, b := range open {
			rarest := rarestWords(b.words, seen, d.Similarity)
			var candidates []int
			for _, w := range rarest {
				for _, i := range earlierWith[w] {
					if !isCandidate[i] {
						isCandidate[i] = true
						candidates = append(candidates, i)
					}
				}
			}
			slices.Sort(candidates)
			for _, i := range candidates {
				a := open[i]
				if jaccard(a.words, b.words) < d.Similarity ||
					a.request && b.request && separatePeople(a.is, b.is) || linked(a.is.Issue, b.is.Key) || linked(b.is.Issue, a.is.Key) {
					continue
				}
				out = append(out, finding{issue: b.is, vars: map[string]string{"other": a.is.Key}, related: []string{a.is.Key}})
				break // b is told once, beside the first issue it repeats
			}
			for _, i := range candidates {
				isCandidate[i] = false
			}
			for _, w := range rarest {
				earlierWith[w] = append(earlierWith[w], j)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].issue.Created.Before(out[j].issue.Created) })
	return out
}

// requestType is an issue type through which people ask a team for
// something: a service desk's "Service Request", "IT Help", "Question".
var requestType = regexp.MustCompile(`(?i)request|question|\bhelp\b|support`)

// separateRequests reports whether two issues are requests from two
// people: "Request a new laptop" twice is two people's laptops, however
// alike a service desk's form makes their summaries.
func separateRequests(a, b TeamIssue) bool {
	return requestType.MatchString(a.Type) && requestType.MatchString(b.Type) && separatePeople(a, b)
}

// separatePeople reports whether two issues were filed by two people.
func separatePeople(a, b TeamIssue) bool {
	return a.Reporter.ID != "" && b.Reporter.ID != "" && !a.Reporter.Is(b.Reporter)
}

func linked(is evidence.Issue, other string) bool {
	for _, l := range is.Links {
		if l.OtherKey == other {
			return true
		}
	}
	return false
}

var stopWords = map[string]bool{"a": true, "an": true, "the": true, "to": true, "of": true, "in": true, "on": true,
	"for": true, "and": true, "or": true, "is": true, "when": true, "with": true, "at": true, "by": true}

// summaryWords are a summary's words, lowercase, without stop words,
// each once, sorted.
func summaryWords(s string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !stopWords[w] {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	return slices.Compact(words)
}

// rarestWords are the words of a set, the rarest by seen first, that any
// set at least similarity alike shares one of (see likelyDuplicates).
func rarestWords(words []string, seen map[string]int, similarity float64) []string {
	byRarity := slices.Clone(words)
	slices.SortFunc(byRarity, func(x, y string) int { return cmp.Or(cmp.Compare(seen[x], seen[y]), strings.Compare(x, y)) })
	// The small allowance keeps 0.8 × 5 from rounding up past 4.
	n := len(words) - int(math.Ceil(similarity*float64(len(words))-1e-9)) + 1
	return byRarity[:max(1, min(n, len(words)))]
}

// jaccard is the share of two sorted sets of words they have in common.
func jaccard(a, b []string) float64 {
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c == 0:
			inter++
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// unownedRelease finds each unreleased version due within the threshold (or
// overdue by less than a week) that still holds unresolved issues nobody is
// assigned to. The lowest such key stands for the release.
func unownedRelease(d Detector, t *Team) []finding {
	type release struct {
		name  string
		due   time.Time
		keys  []string
		first TeamIssue
	}
	byName := map[string]*release{}
	var names []string
	horizon := t.Now.Add(time.Duration(d.Days * 24 * float64(time.Hour)))
	for _, is := range t.Issues {
		if is.Done() || is.Assignee.ID != "" {
			continue
		}
		for _, r := range is.Releases {
			if r.Released || r.Date == nil || r.Date.After(horizon) || r.Date.Before(t.Now.AddDate(0, 0, -7)) {
				continue
			}
			rel := byName[r.Name]
			if rel == nil {
				rel = &release{name: r.Name, due: *r.Date}
				byName[r.Name] = rel
				names = append(names, r.Name)
			}
			rel.keys = append(rel.keys, is.Key)
			if len(rel.keys) == 1 || keyLess(is.Key, rel.first.Key) {
				rel.first = is
			}
		}
	}
	sort.Strings(names)
	var out []finding
	for _, name := range names {
		rel := byName[name]
		sort.Slice(rel.keys, func(i, j int) bool { return keyLess(rel.keys[i], rel.keys[j]) })
		var others []string
		for _, k := range rel.keys {
			if k != rel.first.Key {
				others = append(others, k)
			}
		}
		isDue := "is due"
		if rel.due.Before(t.Now) {
			isDue = "was due"
		}
		n := len(rel.keys)
		issues := fmt.Sprintf("%d %s (%s)", n, plural(n, "unresolved, unassigned issue"), someKeys(rel.keys))
		out = append(out, finding{issue: rel.first, key: "release:" + name, related: others, due: &rel.due,
			vars: map[string]string{"version": name, "is-due": isDue, "due": "on " + rel.due.Format("Mon 2 Jan"),
				"count": strconv.Itoa(n), "issues": issues}})
	}
	return out
}

// someKeys names a few issue keys, then how many more: "OPS-1 and
// OPS-2", "OPS-1, OPS-2, OPS-3 and 4 more".
func someKeys(keys []string) string {
	const few = 3
	if len(keys) > few+1 {
		return strings.Join(keys[:few], ", ") + fmt.Sprintf(" and %d more", len(keys)-few)
	}
	return evidence.JoinAnd(keys)
}

// missedTogether is how many issues one release shipped without before
// they are told as one: forty lines for one release would bury the rest.
const missedTogether = 4

// missedReleases finds the issues releases shipped without (missedRelease),
// and tells those of one release as one finding once there are
// missedTogether of them: going through them is one meeting with the team.
// An issue whose version was set by mistake is told on its own.
func missedReleases(d Detector, t *Team) []finding {
	found := perIssue(missedRelease)(d, t)
	// An issue that looks done as another (duplicate.done) did not slip:
	// it counts towards telling the release's issues as one, but is
	// neither named nor the issue that stands for them.
	lookDone := make([]bool, len(found))
	for i, f := range found {
		lookDone[i] = t.looksDone(f.issue)
	}
	// By project and version (two projects may both have a "2.0"), the
	// findings of the issues that slipped.
	slipped := map[string][]int{}
	for i, f := range found {
		if f.vars["mistake"] == "" {
			release := f.issue.Project + "\x00" + f.vars["version"]
			slipped[release] = append(slipped[release], i)
		}
	}
	grouped := map[int]bool{}
	var out []finding
	for _, release := range slices.Sorted(maps.Keys(slipped)) {
		at := slipped[release]
		if len(at) < missedTogether {
			continue
		}
		live := slices.DeleteFunc(slices.Clone(at), func(i int) bool { return lookDone[i] })
		for _, i := range at {
			grouped[i] = !slices.Contains(live, i) || len(live) > 1
		}
		if len(live) < 2 {
			continue // one slipped issue left is told on its own
		}
		at = live
		keys := make([]string, len(at))
		first := found[at[0]]
		for j, i := range at {
			grouped[i] = true
			keys[j] = found[i].issue.Key
			if keyLess(found[i].issue.Key, first.issue.Key) {
				first = found[i]
			}
		}
		sort.Slice(keys, func(i, j int) bool { return keyLess(keys[i], keys[j]) })
		vars := maps.Clone(first.vars)
		vars["without-it"] = fmt.Sprintf("without %d of its issues, still open (%s)", len(keys), someKeys(keys))
		var yours []string
		for _, i := range at {
			if found[i].yours {
				yours = append(yours, found[i].issue.Key)
			}
		}
		sort.Slice(yours, func(i, j int) bool { return keyLess(yours[i], yours[j]) })
		switch {
		case len(yours) == len(at):
			vars["you-set"] = "; you set it on all of them"
		case len(yours) > 0:
			vars["you-set"] = "; you set it on " + someKeys(yours)
		default:
			vars["you-set"] = ""
		}
		vars["re-plan"] = "Go through them with the team: move each to the next release or take the version off, and say in the release notes what slipped"
		vars["settled-re-plan"] = vars["re-plan"]
		if vars["still-wanted"] != "" {
			// Which are still wanted is settled in the same meeting.
			vars["still-wanted"] = "Go through them with the team, " + vars["since-release"] + " after the release: close those no longer wanted, saying why, and "
			vars["re-plan"] = "move each of the others to the next release or take the version off; say in the release notes what slipped"
		}
		out = append(out, finding{issue: first.issue, key: "release:" + release, related: slices.DeleteFunc(keys, func(k string) bool { return k == first.issue.Key }), vars: vars, yours: len(yours) > 0})
	}
	for i, f := range found {
		if !grouped[i] && !lookDone[i] {
			out = append(out, f)
		}
	}
	return out
}

// missedRelease: an open issue whose fix versions are all released: the
// release shipped without it, and the version now says something false.
// An issue also planned into a version still to come has been moved on.
func missedRelease(_ Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	last := missedVersion(is, t.Now)
	if last == nil {
		return nil, false
	}
	vars := map[string]string{"version": last.Name, "released": last.Date.Format("2 Jan 2006"), "still-wanted": "",
		"without-it": "without it", "re-plan": "Move it to the next release or take the version off, and say in a comment why it slipped",
		"since-release": age(*last.Date, t.Now), "you-set": "", "next-cut": "", "before": ""}
	// The user's own plan that slipped is theirs to put right first: the
	// reason says so, as "you wrote on…" quotes their own word elsewhere.
	set, yours := t.yourMissedVersion(is)
	if yours {
		vars["you-set"], vars[yoursVar] = "; you set it to "+last.Name+" on "+dayOf(set.At, t.Now), "yes"
	}
	decider := t.releaseDecider(is, yours)
	if decider != "" {
		vars["re-plan"] = "Agree with " + decider + ": move it to the next release or take the version off, and say in a comment why it slipped"
	}
	if is.Created.After(last.Date.Add(24 * time.Hour)) {
		// Filed after the release: it did not slip, its fix version was
		// set by mistake (often the version a bug was found in).
		vars["without-it"], vars["mistake"] = "before it was filed", "yes"
		vars["re-plan"] = "Put it in the release it is planned for, or take " + last.Name +
			" off: a version released before the issue existed was set by mistake (perhaps the version it affects)"
		return vars, true
	}
	// Where it goes is settled by the next release's code freeze: said.
	if r, freeze, ok := t.nextFreezeSoon(is.Project); ok {
		vars["next-cut"] = "; the " + r.Name + " code freeze is " + freeze.Format("Mon 2 Jan")
		vars["before"] = "; decide before the " + r.Name + " code freeze on " + freeze.Format("Mon 2 Jan")
	}
	if lead, ok := t.blockedOnWhat(is); ok && t.Now.Sub(*last.Date) < abandonedAfter {
		// Marked blocked, and its assignee said on what: that is why it
		// slipped, and what the user can do today. Getting a teammate what
		// they wait on is unblocking (the rules credit "Got you access to
		// the sandbox" so), and then the version follows.
		vars["re-plan"] = lead + ", then move it to the next release or take the version off"
		vars[categoryVar] = evidence.CatUnblocking
		return vars, true
	}
	if t.Now.Sub(*last.Date) >= abandonedAfter {
		// Missed months ago and still open: nobody missed it, and closing
		// it may be the answer. One either/or with whoever decides where it
		// goes, not a question and then an order that pull apart.
		vars["still-wanted"] = t.askIfStillWanted(is, decider, "is still wanted "+vars["since-release"]+" after the release")
		vars["re-plan"], vars["settled-re-plan"] = "move it to the next release or take the version off, and say in a comment why it slipped"+orClose, vars["re-plan"]
	}
	return vars, true
}

// blockedOnWhat leads an action on an issue marked blocked (flagged, a
// blocked status or label) whose newest word on what it waits on
// (newestWaitedOn), by anyone, names it: "Jonas Becker wrote on 3 Dec
// that it is blocked on access to the checkout-gateway admin API: get that
// access granted or find who can grant it". false when it is not marked
// blocked, nobody (or the user) has it, or no word names what it waits on.
func (t *Team) blockedOnWhat(is TeamIssue) (string, bool) {
	if !is.MarkedBlocked() || activeOwner(is) == "" || is.Assignee.Is(t.Site.User) {
		return "", false
	}
	c, ok := newestWaitedOn(is)
	if !ok {
		return "", false
	}
	thing, state := waitedOn(markup.PlainText(c.Text))
	writer := cmp.Or(c.Author.DisplayName, "A teammate")
	if c.Author.Is(t.Site.User) {
		writer = "You"
	}
	// The day is the comment's: "since the 2nd" in it is its own word.
	lead := writer + " wrote on " + dayOf(c.At, t.Now) + " that it is blocked on " + thing + ": "
	if accessTo.MatchString(thing) {
		return lead + "get that access granted or find who can grant it", true
	}
	return lead + "find out when it will be " + state + " and chase it", true
}

// missedVersion is the latest of an open issue's fix versions when all of
// them are released (the release shipped without it), nil otherwise.
func missedVersion(is TeamIssue, now time.Time) *Release {
	var last *Release
	for i, r := range is.Releases {
		if !r.Released {
			return nil
		}
		if r.Date != nil && r.Date.Before(now) && (last == nil || r.Date.After(*last.Date)) {
			last = &is.Releases[i]
		}
	}
	return last
}

// yourMissedVersion is the user's own change that set the fix version a
// release shipped an issue without (missedVersion), the latest of them.
func (t *Team) yourMissedVersion(is TeamIssue) (VersionSet, bool) {
	last := missedVersion(is, t.Now)
	if last == nil {
		return VersionSet{}, false
	}
	var found VersionSet
	ok := false
	for _, set := range t.YourVersions[is.ID] {
		if strings.EqualFold(set.Version, last.Name) && (!ok || set.At.After(found.At)) {
			found, ok = set, true
		}
	}
	return found, ok
}

// releaseDecider is whom to agree with where an issue a release shipped
// without goes: its assignee, whose work it is; with none, whoever filed
// it, who wanted it; with none either, "" when the user filed it or set
// the version it missed (the decision is theirs: the action says what to
// do, not whom to agree it with), else its project's lead.
func (t *Team) releaseDecider(is TeamIssue, yourVersion bool) string {
	if who := t.wantedBy(is); who != "" {
		return who
	}
	if yourVersion || is.Reporter.Is(t.Site.User) || is.Creator.Is(t.Site.User) {
		return ""
	}
	return t.projectLead(is.Project)
}

// topPriorityUnowned: an issue at the top priority for longer than the
// threshold that nobody is assigned and no running or next sprint plans:
// its priority says one thing and the team's plans another.
func topPriorityUnowned(d Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	if !t.topPriority(is.Priority) || is.Assignee.ID != "" || sprintLabel(is) != "" ||
		strings.EqualFold(is.Type, "Epic") || !olderThan(d, is.Created, t.Now) {
		return nil, false
	}
	plan := "plan it into a sprint with an owner, or lower its priority and say in a comment why it can wait"
	vars := map[string]string{"priority": is.Priority, "age": age(is.Created, t.Now), "still-wanted": "", "your-word": t.yourWordOnWhy(is),
		"plan": upperFirst(plan)}
	if vars["your-word"] != "" {
		vars[yoursVar] = "yes"
	}
	if last := lastWord(is); t.Now.Sub(last) >= abandonedAfter {
		// Months at the top with nobody on it and nobody saying a word:
		// closing it may be the answer, and planning it the wrong one.
		// The reason says its priority, age and that nobody has it: the
		// question adds only the silence. Whoever filed it wanted it;
		// with nobody on it, else the team.
		silent := "no word since it was filed"
		if last.After(is.Created) {
			silent = "no word for " + age(last, t.Now)
		}
		who := "the team"
		if filer := t.askableFiler(is); filer != "" {
			who = filer + ", who filed it"
		}
		vars["still-wanted"] = t.ifStillWanted(is, who, "is still wanted, with "+silent)
		vars["plan"], vars["settled-plan"] = plan+orClose, vars["plan"]
	}
	return vars, true
}

// carryVar is the var of a finding on a story not started in a sprint
// that ends within a working day (carryOver): it opens the action, or
// fills {carry-over} where the action names it.
const carryVar = "carry-over"

// upperFirst is s with its first letter in upper case: a clause that
// opens an action.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// mattersWords say why an issue matters, or how much: "Ranked this to the
// top of the backlog", "it should be this", "this is the priority".
var mattersWords = regexp.MustCompile(`(?i)\b(?:top|first|priorit(?:y|ies|ise|ize|ised|ized)|most important|matters?|urgent|critical|should be this|must)\b`)

// yourWordOnWhy quotes the user's own newest comment on an issue that says
// why it matters, for a reason to end with ("; you wrote on 6 Oct:
// “Ranked this to the top of the backlog…”"): your own word is the
// strongest case for doing what you said. It is "" when there is none, or
// it is too long to quote whole.
func (t *Team) yourWordOnWhy(is TeamIssue) string {
	c, ok := lastCommentBy(is, t.Site.User)
	if !ok || t.Site.User.ID == "" {
		return ""
	}
	plain := strings.TrimSpace(markup.PlainText(c.Text))
	if !mattersWords.MatchString(plain) || utf8.RuneCountInString(plain) > yourWordLength {
		return ""
	}
	return "; you wrote on " + dayOf(c.At, t.Now) + ": “" + t.quote(plain, c.Text, yourWordLength) + "”"
}

// yourWordLength is the longest comment of the user's yourWordOnWhy
// quotes: one a reader takes in at a glance.
const yourWordLength = 140

// outsideRunningSprint finds someone's issue in progress whose latest
// sprint is closed while its project has a sprint running: Jira left it
// behind when the sprint closed, and the running sprint's board, where the
// team looks, does not show it. When its assignee has said lately that the
// work goes on, there is nothing to ask them: only the board to put right.
func outsideRunningSprint(d Detector, t *Team) []finding {
	running := map[string]string{} // project -> the name of its running sprint
	into := map[string]string{}    // project -> the sprint to move work into, told
	for _, is := range t.Issues {
		if is.SprintState == "active" && len(is.Sprints) > 0 {
			running[is.Project] = is.Sprints[len(is.Sprints)-1]
			into[is.Project] = "the running sprint (" + running[is.Project] + ")"
			// A running sprint that ends within a working day is no
			// place for work that goes on: the next one is.
			if sp, ok := lastSprint(is); ok {
				if next, ok := t.endingSprint(sp); ok {
					into[is.Project] = next.Name
					if starts := t.startsOn(next); starts != "" {
						into[is.Project] += " (" + starts + ", as " + sp.Name + " ends)"
					}
				}
			}
		}
	}
	var out []finding
	for _, is := range t.Issues {
		_, ok := running[is.Project]
		if !openToOthers(d, t, is) || !is.InProgress() || is.SprintState != "closed" || !ok ||
			is.Assignee.ID == "" || strings.EqualFold(is.Type, "Epic") || len(is.Sprints) == 0 {
			continue
		}
		if _, _, ok := setAside(is); ok {
			continue // the latest word stops the work: in-progress.set-aside's
		}
		who := cmp.Or(is.Assignee.DisplayName, "its assignee")
		do := "Ask " + who + " whether it is still being worked on: move it into " + into[is.Project] + ", or back to the backlog"
		category := ""
		if c, ok := saidDone(is); ok {
			// Work its assignee says is deployed (or anyone, after their
			// last word) is done but for its status: moving it into the
			// sprint would carry finished work on. Checking it and
			// closing it is acceptance testing, as the rules credit it.
			writer, check := cmp.Or(c.Author.DisplayName, "a teammate"), "check with "+who+" that it does what it asks"
			if c.Author.Is(t.Site.User) {
				writer = "You"
			}
			if c.Author.Is(is.Assignee) {
				check = "check that it does what it asks"
			}
			do = writer + " wrote on " + dayOf(c.At, t.Now) + " that it is done (“" + t.quote(markup.PlainText(c.Text), c.Text, 80) + "”): " +
				check + " and move it to Done; if something is left, move it into " + into[is.Project] + " so its board shows it"
			category = evidence.CatAcceptanceTesting
		} else if c, ok := lastCommentBy(is, is.Assignee); ok && !olderThan(d, c.At, t.Now) && !is.Assignee.Inactive {
			do = "Move it into " + into[is.Project] + " so its board shows it: " + who + " wrote on " + dayOf(c.At, t.Now) +
				" that the work goes on (“" + t.quote(markup.PlainText(c.Text), c.Text, 80) + "”)"
		}
		out = append(out, finding{issue: is, vars: map[string]string{"closed": is.Sprints[len(is.Sprints)-1], "do": do}, category: category})
	}
	return out
}

// saidDone is the comment that says an issue in progress is done
// (donePhrase): its assignee's last, else a later one by anyone, the
// assignee's own word quoted first. A word after it that says the work
// goes on (workGoesOn: "still seeing it", "reopening") says it is not.
func saidDone(is TeamIssue) (evidence.Comment, bool) {
	last, _ := lastCommentBy(is, is.Assignee)
	var said evidence.Comment
	found := false
	for _, c := range is.Comments {
		if c.At.Before(last.At) || c.Author.LooksLikeAutomation() {
			continue
		}
		switch {
		case workGoesOn.MatchString(markup.PlainText(c.Text)):
			found = false
		case donePhrase(c.Text) != "" && !(found && said.Author.Is(is.Assignee)):
			said, found = c, true
		}
	}
	return said, found
}

var (
	// doneWords say work is finished: "Deployed to production", "Shipped
	// in 4.15", "Merged", "It's live", "Done.".
	doneWords = regexp.MustCompile(`(?i)\b(?:deployed|released|shipped|merged|rolled out|went live)\b|\b(?:is|it['’]s|now|are) live\b|^done\b|\b(?:this|it) is (?:now )?done\b`)
	// notDoneYet is what, in the same sentence, makes it a step on the
	// way: "Deployed to staging", "Merged the first part", "not deployed
	// yet", "once merged".
	notDoneYet = regexp.MustCompile(`(?i)\b(?:to|on|in|into) (?:the )?(?:staging|stage|test|testing|qa|uat|dev|sandbox|pre-?prod)\b|\bfirst (?:part|half|step|pr)\b|\bnot\b|n['’]t\b|\bnever\b|\byet to\b`)
)

// donePhrase is the sentence of a comment that says the work is done
// (doneWords), not a question or a condition, or "".
func donePhrase(text string) string {
	for _, s := range ownSentences(text) {
		if doneWords.MatchString(s) && !notDoneYet.MatchString(s) && !conditional.MatchString(s) && !strings.HasSuffix(s, "?") {
			return s
		}
	}
	return ""
}

// lastCommentBy is the newest comment by one person on an issue.
func lastCommentBy(is TeamIssue, u evidence.User) (evidence.Comment, bool) {
	var last evidence.Comment
	found := false
	for _, c := range is.Comments {
		if c.Author.Is(u) && (!found || !c.At.Before(last.At)) {
			last, found = c, true
		}
	}
	return last, found
}

// keyLess orders issue keys by project, then number.
func keyLess(a, b string) bool {
	pa, na := splitKey(a)
	pb, nb := splitKey(b)
	if pa != pb {
		return pa < pb
	}
	return na < nb
}

func splitKey(k string) (string, int) {
	i := strings.LastIndexByte(k, '-')
	if i < 0 {
		return k, 0
	}
	n, _ := strconv.Atoi(k[i+1:])
	return k[:i], n
}

// olderThan reports whether since is more than the detector's days before
// now, counting only weekdays when it says so.
func olderThan(d Detector, since, now time.Time) bool {
	if d.Working {
		return workingDays(since, now) >= d.Days
	}
	return now.Sub(since) > time.Duration(d.Days*24*float64(time.Hour))
}

// workingDays counts the whole weekdays between two times.
func workingDays(from, to time.Time) float64 {
	if !to.After(from) {
		return 0
	}
	n := 0.0
	for t := from.Add(24 * time.Hour); !t.After(to); t = t.Add(24 * time.Hour) {
		if wd := t.UTC().Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

// age says how long ago since was, in words: working days up to two
// weeks of them, then weeks, then months ("183 working days" is a number
// to work out, "8 months" is not). Every age `next` shows reads so,
// whether a detector's threshold counts working days or all of them: one
// entry does not say "12 days" beside "9 working days", nor "3 months"
// beside "13 weeks".
func age(since, now time.Time) string {
	switch n := int(workingDays(since, now)); {
	case n == 1:
		return "1 working day"
	case n <= 10:
		return fmt.Sprintf("%d working days", n)
	}
	days := int(now.Sub(since).Hours() / 24)
	if days >= 91 {
		return fmt.Sprintf("%d months", (days*12+182)/365)
	}
	return fmt.Sprintf("%d weeks", days/7)
}

func fill(template string, vars map[string]string) string {
	out := template
	for k, v := range vars {
		out = strings.ReplaceAll(out, "{"+k+"}", v)
	}
	return strings.TrimSpace(out)
}

// sprintKey names a sprint across the issues that carry it.
type sprintKey struct {
	board, id int
	name      string
}

func keyOfSprint(sp Sprint) sprintKey {
	if sp.ID != 0 {
		return sprintKey{board: sp.BoardID, id: sp.ID}
	}
	return sprintKey{board: sp.BoardID, name: sp.Name}
}

// lastSprint is the sprint an issue was last planned into: the latest to
// start (a sprint without dates, still to be scheduled, comes last).
func lastSprint(is TeamIssue) (Sprint, bool) {
	if len(is.SprintList) == 0 {
		return Sprint{}, false
	}
	last := is.SprintList[0]
	for _, sp := range is.SprintList[1:] {
		if sprintBefore(last, sp) {
			last = sp
		}
	}
	return last, true
}

// sprintBefore orders a board's sprints by start, unscheduled ones last,
// then by id.
func sprintBefore(a, b Sprint) bool {
	switch {
	case a.Start == nil && b.Start == nil:
		return a.ID < b.ID
	case a.Start == nil:
		return false
	case b.Start == nil:
		return true
	case !a.Start.Equal(*b.Start):
		return a.Start.Before(*b.Start)
	}
	return a.ID < b.ID
}

// priorityRanks order priority names, the most urgent first; a name not
// here ranks as Medium. Numbered priorities ("P2") rank by their number.
var priorityRanks = map[string]int{
	"highest": 0, "blocker": 0, "critical": 0, "urgent": 0,
	"high": 1, "major": 1,
	"medium": 2, "normal": 2,
	"low": 3, "minor": 3,
	"lowest": 4, "trivial": 4,
}

// numberedPriority reads a numbered priority: "P1", "p3 - low".
var numberedPriority = regexp.MustCompile(`(?i)^p([0-9])\b`)

func priorityRank(name string) int {
	name = strings.ToLower(strings.TrimSpace(name))
	if m := numberedPriority.FindStringSubmatch(name); m != nil {
		return int(m[1][0] - '0')
	}
	if r, ok := priorityRanks[name]; ok {
		return r
	}
	return priorityRanks["medium"]
}

// topPriority reports whether a priority says "do this first": the most
// urgent of the named ones, or the first of the numbered ones the team
// uses: P0 where some issue has it, else P1. Critical is the top only
// where no issue has Blocker: Jira Server's scheme (Blocker, Critical,
// Major, Minor, Trivial) puts it second, as Cloud's puts High.
func (t *Team) topPriority(name string) bool {
	rank := priorityRank(name)
	if !numberedPriority.MatchString(strings.TrimSpace(name)) {
		return rank == 0 && (!strings.EqualFold(strings.TrimSpace(name), "critical") || !t.usesBlocker())
	}
	return rank == 0 || rank == 1 && !t.usesP0()
}

// usesP0 reports whether any of the team's issues has priority P0.
func (t *Team) usesP0() bool {
	if t.p0 == nil {
		p0 := slices.ContainsFunc(t.Issues, func(is TeamIssue) bool {
			return numberedPriority.MatchString(strings.TrimSpace(is.Priority)) && priorityRank(is.Priority) == 0
		})
		t.p0 = &p0
	}
	return *t.p0
}

// usesBlocker reports whether any of the team's issues has priority
// Blocker.
func (t *Team) usesBlocker() bool {
	if t.blocker == nil {
		b := slices.ContainsFunc(t.Issues, func(is TeamIssue) bool { return strings.EqualFold(strings.TrimSpace(is.Priority), "blocker") })
		t.blocker = &b
	}
	return *t.blocker
}

// recentSprints is how many of a board's last closed sprints a plan is
// weighed against, as a team's velocity is read from its last three.
const recentSprints = 3

// overcommittedSprints: a board's next sprint holds more story points
// than the team finished in any of its last sprints, by more than the
// detector's share. Planning it down before it starts, rather than
// carrying a third of it over, is sprint planning nobody did yet.
//
// Only closed sprints that started within TeamReadDays count: the team's
// read holds every issue finished since then, so what they finished is
// known whole; a sprint half before that window would look short and make
// any plan look too big. At least two are needed; the last three count.
func overcommittedSprints(d Detector, t *Team) []finding {
	type plan struct {
		sprint   Sprint
		points   float64
		issues   []TeamIssue
		finished map[sprintKey]float64 // points finished per closed sprint of the board
	}
	windowStart := t.Now.AddDate(0, 0, -TeamReadDays)
	sprints := map[sprintKey]Sprint{}
	finished := map[sprintKey]float64{}
	for _, is := range t.Issues {
		for _, sp := range is.SprintList {
			sprints[keyOfSprint(sp)] = sp
		}
		if !countsInSprint(is) {
			continue
		}
		if last, ok := lastSprint(is); ok && is.Done() && last.State == "closed" && is.StoryPoints != nil {
			finished[keyOfSprint(last)] += *is.StoryPoints
		}
	}
	// Each board's next sprint: the first future one.
	nextOf := map[int]Sprint{}
	for _, sp := range sprints {
		if sp.State != "future" {
			continue
		}
		if cur, ok := nextOf[sp.BoardID]; !ok || sprintBefore(sp, cur) {
			nextOf[sp.BoardID] = sp
		}
	}
	plans := map[int]*plan{}
	for board, sp := range nextOf {
		plans[board] = &plan{sprint: sp, finished: map[sprintKey]float64{}}
	}
	for key, sp := range sprints {
		p := plans[sp.BoardID]
		if p == nil || sp.State != "closed" || sp.Start == nil || sp.Start.Before(windowStart) {
			continue
		}
		p.finished[key] = finished[key]
	}
	for _, is := range t.Issues {
		if is.Done() || !countsInSprint(is) {
			continue
		}
		for _, sp := range is.SprintList {
			if p := plans[sp.BoardID]; p != nil && keyOfSprint(sp) == keyOfSprint(p.sprint) {
				p.issues = append(p.issues, is)
				if is.StoryPoints != nil {
					p.points += *is.StoryPoints
				}
			}
		}
	}
	boards := make([]int, 0, len(plans))
	for board := range plans {
		boards = append(boards, board)
	}
	sort.Ints(boards)
	var out []finding
	for _, board := range boards {
		p := plans[board]
		var done []Sprint
		for key := range p.finished {
			done = append(done, sprints[key])
		}
		sort.Slice(done, func(i, j int) bool { return sprintBefore(done[i], done[j]) })
		done = done[max(0, len(done)-recentSprints):]
		best := 0.0
		for _, sp := range done {
			best = max(best, p.finished[keyOfSprint(sp)])
		}
		if len(done) < 2 || best == 0 || p.points <= best*(1+d.Over) {
			continue
		}
		var said []string
		for _, sp := range done {
			said = append(said, fmt.Sprintf("%s in %s", formatPoints(p.finished[keyOfSprint(sp)]), sp.Name))
		}
		// The issue that stands for the sprint is the first a team would
		// move out: not started, least urgent, then the largest; not the
		// user's own, which is theirs to move.
		var candidate *TeamIssue
		for i := range p.issues {
			is := &p.issues[i]
			if is.InProgress() || !openToOthers(d, t, *is) {
				continue
			}
			if candidate == nil || moveOutFirst(*is, *candidate) {
				candidate = is
			}
		}
		if candidate == nil {
			continue
		}
		var others []string
		for _, is := range p.issues {
			if is.Key != candidate.Key {
				others = append(others, is.Key)
			}
		}
		sort.Slice(others, func(i, j int) bool { return keyLess(others[i], others[j]) })
		points := "no estimate"
		if candidate.StoryPoints != nil {
			points = formatPoints(*candidate.StoryPoints)
		}
		out = append(out, finding{issue: *candidate, key: fmt.Sprintf("sprint:%d:%s", board, p.sprint.Name), related: others,
			vars: map[string]string{"sprint": p.sprint.Name, "planned": formatPoints(p.points),
				"issues":   fmt.Sprintf("%d %s", len(p.issues), plural(len(p.issues), "issue")),
				"finished": evidence.JoinAnd(said), "over": formatPoints(p.points - best),
				"candidate": candidate.Key, "candidate-points": points, "candidate-priority": cmp.Or(candidate.Priority, "no"),
				"lead": "", "candidate-rank": "first",
				"over-points": strconv.FormatFloat(p.points-best, 'f', -1, 64)}})
	}
	return out
}

// countsInSprint reports whether an issue's points count in a sprint's
// plan, as Jira's sprint reports count them: not an epic's, nor a
// sub-task's, whose points are its parent's already.
func countsInSprint(is TeamIssue) bool {
	typ := strings.ToLower(is.Type)
	return typ != "epic" && !strings.Contains(typ, "sub-task") && !strings.Contains(typ, "subtask")
}

// moveOutFirst reports whether a is a better issue to move out of a
// sprint than b: less urgent, then larger, then the later key.
func moveOutFirst(a, b TeamIssue) bool {
	if ra, rb := priorityRank(a.Priority), priorityRank(b.Priority); ra != rb {
		return ra > rb
	}
	pa, pb := 0.0, 0.0
	if a.StoryPoints != nil {
		pa = *a.StoryPoints
	}
	if b.StoryPoints != nil {
		pb = *b.StoryPoints
	}
	if pa != pb {
		return pa > pb
	}
	return keyLess(b.Key, a.Key)
}

// formatPoints says a number of story points: "21 points", "1 point",
// "2.5 points".
func formatPoints(p float64) string {
	n := strconv.FormatFloat(p, 'f', -1, 64)
	if p == 1 {
		return n + " point"
	}
	return n + " points"
}
