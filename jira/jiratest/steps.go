package jiratest

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
)

// Recording helpers.

func (ig *issueGen) history(author *User, items ...HistoryItem) {
	ig.site.addHistory(ig.is, author, ig.at, items...)
	if author == ig.site.Me {
		ig.meActed = true
	}
}

func (ig *issueGen) comment(author *User, body string) {
	c := &Comment{ID: ig.site.nextCommentID(), Author: author, UpdateAuthor: author, Body: body, Created: ig.at, Updated: ig.at}
	// People fix typos in their comments now and then.
	if edited := ig.at.Add(time.Duration(1+ig.pick(30)) * time.Minute); ig.chance(0.05) && edited.Before(ig.site.Now) {
		c.Updated = edited
	}
	ig.is.Comments = append(ig.is.Comments, c)
	if author == ig.site.Me {
		ig.meActed = true
	}
}

// later moves the step's clock on a little, for a step that records
// several things one after the other.
func (ig *issueGen) later(d time.Duration) {
	ig.at = ig.at.Add(d)
	if limit := ig.site.Now.Add(-time.Second); ig.at.After(limit) {
		ig.at = limit
	}
}

// userRef is how a changelog names a user: accountId on Cloud, login on Server.
func (ig *issueGen) userRef(u *User) string {
	if u == nil {
		return ""
	}
	if ig.site.Deployment == DeploymentCloud {
		return u.AccountID
	}
	return u.Name
}

func (ig *issueGen) done() bool    { return ig.is.Status.Category == categoryDone }
func (ig *issueGen) started() bool { return ig.is.Status.Category == categoryInProgress }

// transition moves the issue to a status, setting or clearing the
// resolution in the same history, as Jira's workflows do.
func (ig *issueGen) transition(author *User, to *Status, res *Resolution) {
	is := ig.is
	var items []HistoryItem
	if res != nil && is.Resolution == nil {
		items = append(items, HistoryItem{Field: "resolution", FieldType: "jira", FieldID: "resolution", To: res.ID, ToString: res.Name})
		is.Resolution, is.Resolved = res, ig.at
	}
	if res == nil && is.Resolution != nil {
		items = append(items, HistoryItem{Field: "resolution", FieldType: "jira", FieldID: "resolution", From: is.Resolution.ID, FromString: is.Resolution.Name})
		is.Resolution, is.Resolved = nil, time.Time{}
	}
	items = append(items, HistoryItem{Field: "status", FieldType: "jira", FieldID: "status", From: is.Status.ID, FromString: is.Status.Name, To: to.ID, ToString: to.Name})
	is.Status = to
	ig.history(author, items...)
}

func (ig *issueGen) assign(author, to *User) {
	is := ig.is
	ig.history(author, HistoryItem{Field: "assignee", FieldType: "jira", FieldID: "assignee",
		From: ig.userRef(is.Assignee), FromString: displayName(is.Assignee), To: ig.userRef(to), ToString: displayName(to)})
	is.Assignee = to
}

func displayName(u *User) string {
	if u == nil {
		return ""
	}
	return u.DisplayName
}

func (ig *issueGen) rankItem(higher bool) HistoryItem {
	ig.is.Rank = ig.nextRank()
	to := "Ranked lower"
	if higher {
		to = "Ranked higher"
	}
	return HistoryItem{Field: "Rank", FieldType: "custom", FieldID: ig.site.FieldIDs.Rank, ToString: to}
}

func sprintIDs(ss []*Sprint) (ids, names string) {
	var a, b []string
	for _, s := range ss {
		a = append(a, strconv.Itoa(s.ID))
		b = append(b, s.Name)
	}
	return strings.Join(a, ", "), strings.Join(b, ", ")
}

func (ig *issueGen) setSprints(author *User, sprints []*Sprint) {
	fromIDs, fromNames := sprintIDs(ig.is.Sprints)
	toIDs, toNames := sprintIDs(sprints)
	ig.is.Sprints = sprints
	ig.history(author, HistoryItem{Field: "Sprint", FieldType: "custom", FieldID: ig.site.FieldIDs.Sprint,
		From: fromIDs, FromString: fromNames, To: toIDs, ToString: toNames})
}

func formatPoints(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func (ig *issueGen) setPoints(author *User) bool {
	// Estimates are set once and revisited now and then, not flipped daily.
	if ig.done() || ig.is.Type == typeEpic || (ig.is.StoryPoints != nil && !ig.chance(0.2)) {
		return false
	}
	options := []float64{1, 2, 3, 5, 8, 13}
	v := pickOf(ig.generator, options)
	if ig.is.StoryPoints != nil && *ig.is.StoryPoints == v {
		return false
	}
	item := HistoryItem{Field: storyPointsName(ig.site.Deployment), FieldType: "custom", FieldID: ig.site.FieldIDs.StoryPoints,
		FromString: formatPoints(ig.is.StoryPoints), ToString: formatPoints(&v)}
	ig.is.StoryPoints = &v
	ig.history(author, item)
	return true
}

var labelPool = []string{"tech-debt", "slo", "customer-impact", "security", "cost", "toil", "observability", "needs-design", "q-okr", "quick-win", "compliance"}

func (ig *issueGen) addLabel(author *User) bool {
	label := pickOf(ig.generator, labelPool)
	if len(ig.is.Labels) >= 3 || slices.Contains(ig.is.Labels, label) {
		return false
	}
	from := strings.Join(ig.is.Labels, " ")
	ig.is.Labels = append(slices.Clone(ig.is.Labels), label)
	slices.Sort(ig.is.Labels)
	ig.history(author, HistoryItem{Field: "labels", FieldType: "jira", FieldID: "labels", FromString: from, ToString: strings.Join(ig.is.Labels, " ")})
	return true
}

// parentItem records a change of epic the way each deployment does: Epic
// Link on Server; on Cloud IssueParentAssociation until Atlassian renamed it
// Parent half a year ago, so both appear.
func (ig *issueGen) parentItem(from, to *Issue) HistoryItem {
	item := HistoryItem{FieldType: "jira"}
	if from != nil {
		item.From, item.FromString = from.ID, from.Key
	}
	if to != nil {
		item.To, item.ToString = to.ID, to.Key
	}
	switch {
	case ig.site.Deployment == DeploymentServer:
		item.Field, item.FieldType, item.FieldID = "Epic Link", "custom", ig.site.FieldIDs.EpicLink
	case ig.at.Before(ig.site.Now.AddDate(0, -6, 0)):
		item.Field = "IssueParentAssociation"
	default:
		item.Field, item.FieldID = "Parent", "parent"
	}
	return item
}

func linkText(l *Link, from *Issue) string {
	if l.From == from {
		return "This issue " + l.Type.Outward + " " + l.To.Key
	}
	return "This issue " + l.Type.Inward + " " + l.From.Key
}

// addLink links the issue to other and records it in the issue's changelog.
// outward means "this issue <type.Outward> other".
func (ig *issueGen) addLink(author *User, typ *LinkType, other *Issue, outward bool) *Link {
	l := &Link{ID: ig.site.nextLinkID(), Type: typ, From: other, To: ig.is}
	if outward {
		l.From, l.To = ig.is, other
	}
	ig.is.Links = append(ig.is.Links, l)
	other.Links = append(other.Links, l)
	ig.history(author, HistoryItem{Field: "Link", FieldType: "jira", FieldID: "issuelinks", To: other.Key, ToString: linkText(l, ig.is)})
	return l
}

func (ig *issueGen) linked(other *Issue) bool {
	return slices.ContainsFunc(ig.is.Links, func(l *Link) bool { return l.From == other || l.To == other })
}

func (ig *issueGen) removeLink(author *User, l *Link) {
	other := l.From
	if other == ig.is {
		other = l.To
	}
	ig.is.Links = slices.DeleteFunc(ig.is.Links, func(x *Link) bool { return x == l })
	other.Links = slices.DeleteFunc(other.Links, func(x *Link) bool { return x == l })
	ig.history(author, HistoryItem{Field: "Link", FieldType: "jira", FieldID: "issuelinks", From: other.Key, FromString: linkText(l, ig.is)})
}

// otherIssue picks an earlier issue of project p other than this one; nil if
// there is none yet.
func (ig *issueGen) otherIssue(p *Project) *Issue {
	cands := ig.byProject[p]
	for range 4 {
		if len(cands) == 0 {
			return nil
		}
		if is := pickOf(ig.generator, cands); is != ig.is {
			return is
		}
	}
	return nil
}

// otherTeam is the project on the other side of a conversation: another
// team's project when the issue is OPS, the issue's own project otherwise
// (Me is the outsider there).
func (ig *issueGen) otherTeam() *Project {
	if ig.is.Project != ig.ops {
		return ig.is.Project
	}
	if ig.is.ID[len(ig.is.ID)-1]%2 == 0 {
		return ig.pay
	}
	return ig.mob
}

func (ig *issueGen) teammate() *User {
	if ig.owner != nil && ig.owner != ig.site.Me {
		return ig.owner
	}
	return pickOf(ig.generator, ig.teamAt(ig.is.Project, ig.at))
}

// worker is the owner, unless the owner has left the company since.
func (ig *issueGen) worker() *User {
	if ig.owner == ig.leaver && !ig.at.Before(ig.leftAt) {
		ig.owner = pickOf(ig.generator, ig.teamAt(ig.is.Project, ig.at))
	}
	return ig.owner
}

// Milestones of an issue's story.

func (ig *issueGen) planIntoSprint() {
	if ig.done() || len(ig.is.Sprints) > 0 {
		return
	}
	p := ig.is.Project
	planner := p.Lead
	if p == ig.ops && ig.chance(0.75) {
		planner = ig.site.Me
	}
	ig.setSprints(planner, []*Sprint{p.sprintAt(ig.at.Add(3 * 24 * time.Hour))})
}

func (ig *issueGen) start() {
	if ig.done() || ig.is.Status != statusToDo {
		return
	}
	w := ig.worker()
	if ig.is.Assignee != w {
		ig.assign(w, w)
		ig.later(time.Minute)
	}
	ig.transition(w, statusInProgress, nil)
	ig.worked = true
}

func (ig *issueGen) review() {
	if ig.is.Status != statusInProgress {
		return
	}
	ig.transition(ig.worker(), statusInReview, nil)
}

// finish closes the issue: by its owner, by automation when the pull
// request merges, or by Me after she checked it against its acceptance
// criteria.
func (ig *issueGen) finish() {
	if ig.done() || !ig.started() {
		return
	}
	me, w := ig.site.Me, ig.worker()
	if w == me || ig.kind == kindPostmortem {
		if ig.chance(0.5) {
			ig.say(me, wrapUpComments)
			ig.later(time.Duration(5+ig.pick(120)) * time.Minute)
		}
		ig.transition(me, statusDone, resolutionDone)
		return
	}
	switch r := ig.rng.Float64(); {
	case r < 0.35:
		ig.transition(w, statusDone, resolutionDone)
	case r < 0.55:
		ig.transition(ig.site.Bot, statusDone, resolutionDone)
	case r < 0.65:
		ig.transition(w, statusDone, resolutionDone)
		ig.later(time.Duration(2+ig.pick(20)) * time.Hour)
		if ig.criteria("Acceptance criteria") > 0 {
			ig.say(me, ig.offStaging(reopenCriteriaComments))
		} else {
			reopen := reopenComments
			if ig.criteria("Done when") == 0 {
				reopen = slices.DeleteFunc(slices.Clone(reopen), func(t string) bool { return strings.Contains(t, "'Done when'") })
			}
			ig.say(me, ig.offStaging(reopen))
		}
		ig.later(time.Minute)
		ig.transition(me, statusInProgress, nil)
		ig.later(time.Duration(3+ig.pick(40)) * time.Hour)
		ig.transition(w, statusDone, resolutionDone)
	default:
		ig.say(me, ig.checkComments())
		ig.later(time.Minute)
		ig.transition(me, statusDone, resolutionDone)
	}
}

// checkComments are what Me may say when she has checked the issue and
// closes it: against the acceptance criteria its description lists (how
// many it says only when it has two to four), against its "Done when"
// list, or, with neither, against what it is for. "All three acceptance
// criteria pass" on a bug with a stack trace and nothing else is a claim
// whoever opens the ticket can see is false.
func (ig *issueGen) checkComments() []string {
	if n := ig.criteria("Acceptance criteria"); n > 0 {
		if n < 2 || n >= len(countWords) {
			return ig.offStaging(slices.DeleteFunc(slices.Clone(acceptanceComments), func(t string) bool { return strings.Contains(t, "{$allcriteria}") }))
		}
		return ig.offStaging(acceptanceComments)
	}
	if ig.criteria("Done when") > 0 {
		return ig.offStaging(doneWhenComments)
	}
	return ig.offStaging(verifiedComments)
}

// offStaging are the templates that fit how the issue is checked: a task
// (a plan, an agreement, a guide) is not tried out on staging or in a
// pull request, so on a task only the others.
func (ig *issueGen) offStaging(templates []string) []string {
	if ig.kind != kindTask {
		return templates
	}
	out := slices.DeleteFunc(slices.Clone(templates), func(t string) bool {
		return strings.Contains(t, "staging") || strings.Contains(t, "canary") || strings.Contains(t, " PR")
	})
	if len(out) == 0 {
		return templates
	}
	return out
}

// criteria counts the items of the list under a heading of the issue's
// description ("Acceptance criteria", "Done when"), a Given/When/Then
// scenario as one; 0 when it has no such heading.
func (ig *issueGen) criteria(heading string) int {
	_, after, ok := strings.Cut(ig.is.Description, "h3. "+heading)
	if !ok {
		return 0
	}
	_, after, _ = strings.Cut(after, "\n")
	n := 0
	for _, line := range strings.Split(after, "\n") {
		if strings.HasPrefix(line, "h3. ") {
			break
		}
		if strings.HasPrefix(line, "* ") || strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "*Given* ") {
			n++
		}
	}
	return n
}

// countWords say how many of a list there are, all of them: "both", "all
// three".
var countWords = []string{2: "both", 3: "all three", 4: "all four"}

// ticks ticks off n items: "1 ✓ 2 ✓ 3 ✓".
func ticks(n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = strconv.Itoa(i+1) + " ✓"
	}
	return strings.Join(items, " ")
}

// promisesSafety finds a story whose summary is a guarantee its users
// count on ("Charge a payment confirmed offline only once"): a PM who
// closes it as Won't Do because "the cost outweighs that" reads to a
// hiring manager as shipping double charges knowingly, so the demo closes
// no such story.
var promisesSafety = regexp.MustCompile(`(?i)\bonly once\b|\bnever\b|\btwice\b|\bdouble\b|\blos[et]\b|\bloss\b|\bleak|\bsecur|\bcorrupt|\bprivacy\b|\bconsent\b`)

func (ig *issueGen) wontDo() {
	me := ig.site.Me
	texts := wontDoComments
	th := ig.theme()
	if th == nil {
		th = &genericTheme
	}
	if _, about := ig.reasonsToWait(th); !about {
		// A reason of the theme that is not about the ticket tells the
		// reader the PM did not read it: "it only adds a chart to the
		// failover drill dashboard" on serving reads from a replica.
		texts = slices.DeleteFunc(slices.Clone(texts), func(t string) bool { return strings.Contains(t, "{$minor}") })
	}
	if ig.stance > 0 {
		// Not "it can wait" on an issue Me said could not: it is done
		// elsewhere.
		texts = wontDoElsewhere
	}
	ig.say(me, texts)
	ig.later(time.Minute)
	ig.transition(me, statusDone, resolutionWontDo)
}

// duplicateTarget is the earlier issue the issue may be closed as a
// duplicate of: plain work of its project that serves the same
// initiative (or, like it, none) and whose summary says nearly the same
// ("Push notifications arrive twice on iOS" twice, or one bug in two
// services), the likest and then the latest; nil if there is none. Never
// its epic, nor work about something else: "This is OPS-1181 again" on a
// child of OPS-1181 tells the reader the backlog is noise.
func (ig *issueGen) duplicateTarget() *Issue {
	var best *Issue
	bestScore := 0.0
	for _, other := range ig.byProject[ig.is.Project] {
		if other == ig.is || !plainWork(other) || ig.served[other] != ig.serves {
			continue
		}
		if score := ig.likeness(ig.is.Summary, other.Summary); score >= 0.6 && score >= bestScore {
			best, bestScore = other, score
		}
	}
	return best
}

// likeness is how much two summaries say the same: the share of their
// content words they have in common (Jaccard), 1 for the same words; 0
// when they name different versions ("app 1.19.11", "app 1.28.11"),
// which makes them different work.
func (g *generator) likeness(a, b string) float64 {
	x, y := g.contentWords(a), g.contentWords(b)
	both := 0
	for w := range x {
		if y[w] {
			both++
		} else if strings.ContainsAny(w, "0123456789") {
			return 0
		}
	}
	for w := range y {
		if !x[w] && strings.ContainsAny(w, "0123456789") {
			return 0
		}
	}
	if either := len(x) + len(y) - both; either > 0 {
		return float64(both) / float64(either)
	}
	return 0
}

func (ig *issueGen) resolveDuplicate() {
	if ig.dupOf == nil || ig.done() || ig.linked(ig.dupOf) {
		return
	}
	me := ig.site.Me
	ig.addLink(me, linkDuplicate, ig.dupOf, true)
	ig.later(time.Minute)
	// "Same root cause" is said of two bugs, "again" of the same words.
	texts := slices.DeleteFunc(slices.Clone(duplicateComments), func(t string) bool {
		return strings.Contains(t, "root cause") && (ig.is.Type != typeBug || ig.dupOf.Type != typeBug) ||
			strings.Contains(t, "again") && ig.likeness(ig.is.Summary, ig.dupOf.Summary) < 1
	})
	ig.say(me, texts)
	ig.later(time.Minute)
	ig.transition(me, statusDone, resolutionDuplicate)
}

func (ig *issueGen) linkToIncident() {
	if ig.incident != nil && !ig.linked(ig.incident) {
		ig.addLink(ig.site.Me, linkRelates, ig.incident, true)
	}
}

// The blocked episode.

// Why work is blocked, and blockerDone: the issue it waited on is
// finished by the time the flag comes off.
const (
	blockedOnIssue = iota
	blockedOnAccess
	blockedOnDecision
	blockerDone
)

func (ig *issueGen) flag() {
	if !ig.started() || ig.is.Flagged {
		return
	}
	ig.blockedOn = ig.pick(3)
	ig.blocker = nil
	if ig.blockedOn == blockedOnIssue {
		p := ig.otherTeam()
		if ig.chance(0.4) {
			p = ig.is.Project
		}
		if ig.blocker = ig.blockerIn(p); ig.blocker == nil {
			ig.blocker = ig.blockerIn(ig.is.Project)
		}
		if ig.blocker == nil {
			ig.blockedOn = blockedOnAccess
		}
	}
	ig.flaggedAt = ig.at
	w := ig.worker()
	ig.is.Flagged = true
	ig.history(w, HistoryItem{Field: "Flagged", FieldType: "custom", FieldID: ig.site.FieldIDs.Flagged,
		To: "[" + impedimentOptionID(ig.site.Deployment) + "]", ToString: "Impediment"})
	ig.say(w, flagComments[ig.blockedOn:ig.blockedOn+1])
	// A blocker that has nothing else to do with the issue is linked at
	// once: linkBlocker may come after the site's Now, and the comment
	// would name an issue nothing ties to this one.
	if ig.blocker != nil && !ig.relatedTo(ig.is, ig.blocker) {
		ig.later(time.Minute)
		ig.linkBlocker()
	}
}

// blockerIn is an issue of p the issue can wait on now: plain work that is
// open, one that has to do with it if there is any.
func (ig *issueGen) blockerIn(p *Project) *Issue {
	var open, related []*Issue
	for _, other := range ig.byProject[p] {
		if other == ig.is || !plainWork(other) || !openAt(other, ig.at) {
			continue
		}
		open = append(open, other)
		if ig.relatedTo(ig.is, other) {
			related = append(related, other)
		}
	}
	switch {
	case len(related) > 0:
		return pickOf(ig.generator, related)
	case len(open) > 0:
		return pickOf(ig.generator, open)
	}
	return nil
}

func (ig *issueGen) moveToBlocked() {
	if ig.started() && ig.is.Status != statusBlocked {
		ig.transition(ig.worker(), statusBlocked, nil)
	}
}

func (ig *issueGen) linkBlocker() {
	if ig.blockedOn == blockedOnIssue && ig.blocker != nil && ig.started() && !ig.linked(ig.blocker) {
		ig.addLink(ig.worker(), linkBlocks, ig.blocker, false)
	}
}

func (ig *issueGen) question() {
	ig.asker = ig.worker()
	ig.ask()
}

// ask has the asker put one of the questions Me can answer.
func (ig *issueGen) ask() {
	ig.qa = &questionsAndAnswers[ig.pick(len(questionsAndAnswers))]
	ig.qaRef = nil
	// Nobody waits for a merchant on an internal initiative, nor follows
	// an issue that has nothing to do with this one, nor asks on one
	// issue what was answered there already (unless nothing else fits).
	for try := 0; (ig.theme() != nil && ig.theme().internal && strings.Contains(strings.Join(ig.qa.answers, ""), "{$customer}")) ||
		ig.unfit(strings.Join(ig.qa.questions, "")) || !ig.asksAbout(ig.qa) || ig.inSprintAlready(ig.qa) || (try < 40 && slices.Contains(ig.asked, ig.qa)); try++ {
		ig.qa = &questionsAndAnswers[ig.pick(len(questionsAndAnswers))]
	}
	ig.asked = append(ig.asked, ig.qa)
	ig.speaker = ig.asker
	defer func() { ig.speaker = nil }()
	ig.comment(ig.asker, ig.fresh(func() string {
		q := strings.TrimPrefix(pickOf(ig.generator, ig.qa.questions), "{$me} ")
		return ig.fill("{$me} " + questionOpening + q + questionClosing)
	}, commentTails))
}

// inSprintAlready reports whether qa asks which sprint the issue goes in
// while it is in one that is open: nobody asks that of work planned. Nor
// of work Me has parked this week, which her answer would put in one.
func (ig *issueGen) inSprintAlready(qa *qaPair) bool {
	n := len(ig.is.Sprints)
	return (n > 0 && !ig.is.Sprints[n-1].End.Before(ig.at) || ig.parkedLately()) && strings.Contains(strings.Join(qa.answers, ""), "{$sprint}")
}

// asksAbout reports whether the question comes up on the issue: in its
// project, and when it is about one thing, on work about that thing (the
// issue's summary, or its initiative's pieces and measures).
func (ig *issueGen) asksAbout(qa *qaPair) bool {
	if len(qa.on) > 0 && !slices.Contains(qa.on, ig.is.Project.Key) {
		return false
	}
	if len(qa.about) == 0 {
		return true
	}
	words := []string{ig.is.Summary}
	if th := ig.theme(); th != nil {
		words = slices.Concat(words, th.metric, th.done, th.doing, th.next)
	}
	subject := strings.ToLower(strings.Join(words, " "))
	return slices.ContainsFunc(qa.about, func(w string) bool { return strings.Contains(subject, w) })
}

// answer is Me answering the question just asked.
func (ig *issueGen) answer() {
	if ig.asker == nil || ig.qa == nil {
		return
	}
	// "Put it in OPS Sprint 48, I've made room" is said as Me puts it
	// there: the Sprint field says so a minute before.
	if strings.Contains(strings.Join(ig.qa.answers, ""), "{$sprint}") {
		if n := len(ig.is.Sprints); n == 0 || ig.is.Sprints[n-1].End.Before(ig.at) {
			ig.setSprints(ig.site.Me, append(slices.Clone(ig.is.Sprints), ig.is.Project.sprintAt(ig.at)))
			ig.later(time.Minute)
		}
	}
	ig.speaker = ig.site.Me
	defer func() { ig.speaker = nil }()
	ig.comment(ig.site.Me, ig.fresh(func() string {
		return ig.fill(pickOf(ig.generator, ig.qa.answers) + answerClosing)
	}, commentTails))
	ig.asker, ig.qa, ig.qaRef = nil, nil, nil
}

func (ig *issueGen) clearFlag() {
	if !ig.is.Flagged {
		return
	}
	who := ig.worker()
	if ig.chance(0.7) {
		who = ig.site.Me
	}
	ig.is.Flagged = false
	ig.history(who, HistoryItem{Field: "Flagged", FieldType: "custom", FieldID: ig.site.FieldIDs.Flagged,
		From: "[" + impedimentOptionID(ig.site.Deployment) + "]", FromString: "Impediment"})
	if ig.chance(0.5) {
		// The flag comes off for the reason it went on: "finished the
		// change in" only a blocker finished since.
		reason := ig.blockedOn
		if reason == blockedOnIssue && ig.blocker != nil && !ig.blocker.Resolved.IsZero() &&
			ig.blocker.Resolved.After(ig.flaggedAt) && !ig.blocker.Resolved.After(ig.at) {
			reason = blockerDone
		}
		ig.say(who, flagOffComments[reason])
	}
}

func (ig *issueGen) unblockStatus() {
	if ig.is.Status != statusBlocked {
		return
	}
	who := ig.worker()
	if ig.chance(0.6) {
		who = ig.site.Me
	}
	ig.transition(who, statusInProgress, nil)
}

func (ig *issueGen) removeBlocker() {
	for _, l := range ig.is.Links {
		if l.Type == linkBlocks && l.To == ig.is {
			who := ig.worker()
			if ig.chance(0.6) {
				who = ig.site.Me
			}
			ig.removeLink(who, l)
			return
		}
	}
}

// Epics and incidents.

func (ig *issueGen) epicGoalComment() {
	ig.say(ig.site.Me, epicGoalComments)
}

func (ig *issueGen) startEpic() {
	if ig.is.Status == statusToDo {
		ig.transition(ig.is.Reporter, statusInProgress, nil)
	}
}

func (ig *issueGen) finishEpic() {
	if ig.done() {
		return
	}
	// The owner closes her epic with what came of it, in numbers, unless
	// it is the one whose outcome nobody wrote down.
	if ig.is.Reporter == ig.site.Me {
		closing := ig.seed.outcome
		if ig.unmeasured {
			closing = epicClosings
		}
		ig.say(ig.site.Me, closing)
		ig.later(time.Minute)
	}
	ig.transition(ig.is.Reporter, statusDone, resolutionDone)
}

func (ig *issueGen) incidentLabel() {
	if !slices.Contains(ig.is.Labels, "customer-impact") {
		from := strings.Join(ig.is.Labels, " ")
		ig.is.Labels = append(slices.Clone(ig.is.Labels), "customer-impact")
		ig.history(ig.site.Me, HistoryItem{Field: "labels", FieldType: "jira", FieldID: "labels", FromString: from, ToString: strings.Join(ig.is.Labels, " ")})
	}
}

func (ig *issueGen) finishIncident() {
	if ig.done() {
		return
	}
	// Me gives the all clear, and the issue is closed after it.
	ig.say(ig.site.Me, incidentCloseComments)
	ig.later(time.Duration(5+ig.pick(30)) * time.Minute)
	ig.transition(ig.worker(), statusDone, resolutionDone)
}

// Fillers: the everyday edits and chatter between milestones.

type move struct {
	weight int
	do     func(ig *issueGen) bool
}

var historyMoves = []move{
	// Me, PM work.
	{1, (*issueGen).meRank},
	{1, (*issueGen).mePriority},
	{1, func(ig *issueGen) bool { return ig.setPoints(ig.site.Me) }},
	{1, func(ig *issueGen) bool { return ig.addLabel(ig.site.Me) }},
	{1, (*issueGen).meComponent},
	{3, (*issueGen).meEpicLink}, // only work that serves an initiative can be linked
	{1, (*issueGen).meReparent},
	{1, (*issueGen).meDescription},
	{1, (*issueGen).meSummary},
	{2, (*issueGen).meSprint},
	{2, (*issueGen).meFixVersion},
	{1, (*issueGen).meCrossLink},
	// Me on her own tickets: engineering.
	{16, (*issueGen).meOwnBounce},
	// Colleagues.
	{7, (*issueGen).colleagueRank},
	{3, func(ig *issueGen) bool { return ig.addLabel(ig.teammate()) }},
	{4, func(ig *issueGen) bool { return ig.setPoints(ig.teammate()) }},
	{2, (*issueGen).colleaguePriority},
	{3, (*issueGen).leaderSprint},
	{2, (*issueGen).colleagueReassign},
	{7, (*issueGen).colleagueBounce},
	{2, (*issueGen).colleagueDescription},
	// Automation.
	{5, (*issueGen).botCarryOver},
}

var commentMoves = []move{
	// Me, PM work.
	{3, (*issueGen).meTradeoff},
	{2, (*issueGen).meSprintTalk},
	{2, (*issueGen).meReleaseTalk},
	{3, (*issueGen).meUpdate},
	{2, (*issueGen).meDecision},
	{3, (*issueGen).meCrossTeam},
	{4, (*issueGen).meEpicTalk},
	{6, (*issueGen).meIncidentTalk},
	{3, (*issueGen).questionAndAnswer},
	// Me, engineering.
	{14, (*issueGen).meEngineering},
	{6, (*issueGen).meReview},
	// Colleagues.
	{12, (*issueGen).colleagueTalk},
}

func (ig *issueGen) playFiller(moves []move, fallback func(ig *issueGen) bool) {
	if ig.done() {
		return // a done issue is left alone
	}
	total := 0
	for _, m := range moves {
		total += m.weight
	}
	for range 6 {
		r := ig.pick(total)
		for _, m := range moves {
			if r < m.weight {
				if m.do(ig) {
					return
				}
				break
			}
			r -= m.weight
		}
	}
	fallback(ig)
}

func (ig *issueGen) historyFiller() { ig.playFiller(historyMoves, (*issueGen).colleagueRank) }
func (ig *issueGen) commentFiller() { ig.playFiller(commentMoves, (*issueGen).colleagueTalk) }

func (ig *issueGen) meRank() bool {
	ig.history(ig.site.Me, ig.rankItem(ig.chance(0.7)))
	return true
}

func (ig *issueGen) colleagueRank() bool {
	ig.history(ig.teammate(), ig.rankItem(ig.chance(0.5)))
	return true
}

func (ig *issueGen) mePriority() bool { return ig.setPriority(ig.site.Me) }

func (ig *issueGen) colleaguePriority() bool { return ig.setPriority(ig.teammate()) }

func (ig *issueGen) setPriority(author *User) bool {
	if ig.done() {
		return false
	}
	to := pickOf(ig.generator, priorities[:4])
	if to == ig.is.Priority {
		return false
	}
	// A priority moves the way Me's words on the issue go, and the way it
	// moved before, whoever moves it, once a day at most: Medium, Highest,
	// High, Medium, Low in five days says nothing.
	day := func(t time.Time) string { return t.UTC().Format(time.DateOnly) }
	if !ig.prioritizedAt.IsZero() && day(ig.prioritizedAt) == day(ig.at) {
		return false
	}
	up := to.ID < ig.is.Priority.ID
	if ig.stance != 0 && up != (ig.stance > 0) {
		return false
	}
	ig.stance = map[bool]int{true: 1, false: -1}[up]
	ig.prioritizedAt = ig.at
	ig.history(author, HistoryItem{Field: "priority", FieldType: "jira", FieldID: "priority",
		From: ig.is.Priority.ID, FromString: ig.is.Priority.Name, To: to.ID, ToString: to.Name})
	ig.is.Priority = to
	return true
}

func (ig *issueGen) meComponent() bool {
	p := ig.is.Project
	c := pickOf(ig.generator, p.Components)
	if len(ig.is.Components) >= 2 || slices.Contains(ig.is.Components, c) {
		return false
	}
	ig.is.Components = append(slices.Clone(ig.is.Components), c)
	ig.history(ig.site.Me, HistoryItem{Field: "Component", FieldType: "jira", FieldID: "components", To: c.ID, ToString: c.Name})
	return true
}

// meEpicLink files the issue under the phase under way of the initiative
// it serves: Me grooming the backlog into her epics. She files nothing
// under an epic that is done.
func (ig *issueGen) meEpicLink() bool {
	phases := ig.phases()
	if len(phases) == 0 || ig.is.Parent != nil || !openAt(phases[len(phases)-1], ig.at) {
		return false
	}
	e := phases[len(phases)-1]
	ig.history(ig.site.Me, ig.parentItem(nil, e))
	ig.is.Parent = e
	return true
}

// meReparent carries the issue over from an earlier phase of its
// initiative into the one under way: Me reshaping her epics.
func (ig *issueGen) meReparent() bool {
	phases := ig.phases()
	if len(phases) == 0 || ig.is.Parent == nil || ig.is.Parent == phases[len(phases)-1] || !openAt(phases[len(phases)-1], ig.at) {
		return false
	}
	e := phases[len(phases)-1]
	ig.history(ig.site.Me, ig.parentItem(ig.is.Parent, e))
	ig.is.Parent = e
	return true
}

// meDescription adds acceptance criteria to a colleague's ticket, or
// sharpens the goals of Me's own epic.
func (ig *issueGen) meDescription() bool {
	is, me := ig.is, ig.site.Me
	if ig.done() || (is.Reporter == me && is.Type != typeEpic) || strings.Contains(is.Description, "(refined)") {
		return false
	}
	if ig.kind == kindTask {
		return false // its "Done when" says when it is done; feature flags and dashboards are no part of agreeing a window
	}
	addition := refinedCriteria
	if is.Type == typeEpic {
		addition = refinedMetrics
	}
	old := is.Description
	is.Description = ig.fresh(func() string { return strings.TrimSpace(old + "\n\n" + ig.fill(addition)) }, descriptionTails)
	ig.history(me, HistoryItem{Field: "description", FieldType: "jira", FieldID: "description", FromString: old, ToString: is.Description})
	return true
}

func (ig *issueGen) meSummary() bool {
	is := ig.is
	if ig.done() || is.Reporter == ig.site.Me || is.Type == typeEpic || ig.kind == kindIncident || strings.Contains(is.Summary, ig.svc) {
		return false
	}
	// Only work that is about one service gets its name: "Document the
	// on-call hand-over checklist (redis-cache)" is about no service.
	if !ig.perService() {
		return false
	}
	old := is.Summary
	is.Summary = old + " (" + ig.svc + ")"
	ig.history(ig.site.Me, HistoryItem{Field: "summary", FieldType: "jira", FieldID: "summary", FromString: old, ToString: is.Summary})
	return true
}

// meSprint plans the issue into a sprint of Me's own team's board, or moves
// it to the next one.
func (ig *issueGen) meSprint() bool {
	return ig.is.Project == ig.ops && ig.moveSprint(ig.site.Me)
}

// leaderSprint is the other planner of the project's board doing the same.
func (ig *issueGen) leaderSprint() bool {
	return ig.moveSprint(ig.is.Project.Lead)
}

func (ig *issueGen) moveSprint(author *User) bool {
	is := ig.is
	if ig.done() || is.Type == typeEpic {
		return false
	}
	target := is.Project.sprintAt(ig.at.Add(3 * 24 * time.Hour))
	sprints := slices.Clone(is.Sprints)
	if author == ig.site.Me && (len(sprints) == 0 || sprints[len(sprints)-1].End.Before(ig.at)) && ig.parkedLately() {
		return false // parked: it stays out of the sprints for the week
	}
	switch {
	case len(sprints) == 0:
		sprints = []*Sprint{target}
	case sprints[len(sprints)-1].End.Before(ig.at):
		if slices.Contains(sprints, target) {
			return false
		}
		sprints = append(sprints, target) // the closed sprint stays on record
	default:
		// Moved to the next sprint, never further than the one after the
		// sprint running now: planned a dozen sprints ahead in one
		// evening, it reads as noise, and its comments name sprints
		// months away.
		next := is.Project.sprintAfter(sprints[len(sprints)-1])
		if slices.Contains(sprints, next) || next.Start.After(is.Project.sprintAfter(is.Project.sprintAt(ig.at)).Start) {
			return false
		}
		sprints[len(sprints)-1] = next
	}
	ig.setSprints(author, sprints)
	return true
}

func (ig *issueGen) meFixVersion() bool {
	is := ig.is
	// A version is set once and moved now and then, not fiddled with.
	if is.Project == ig.mob || (len(is.FixVersions) > 0 && !ig.chance(0.3)) {
		return false
	}
	// Nor is it aimed at a release Me has just said it is not needed for:
	// "Nice-to-have for now" at 09:55 and platform-2025.12 set at 17:25.
	if !ig.waitsAt.IsZero() && ig.at.Sub(ig.waitsAt) < 22*24*time.Hour {
		return false
	}
	taken := func(v *Version) bool { return slices.Contains(is.FixVersions, v) || slices.Contains(ig.notIn, v) }
	v := is.Project.versionAt(ig.at)
	if taken(v) {
		v = is.Project.versionAt(v.ReleaseDate.Add(24 * time.Hour))
		if taken(v) {
			return false
		}
	}
	var items []HistoryItem
	if len(is.FixVersions) > 0 {
		old := is.FixVersions[len(is.FixVersions)-1]
		items = append(items, HistoryItem{Field: "Fix Version", FieldType: "jira", FieldID: "fixVersions", From: old.ID, FromString: old.Name})
		is.FixVersions = nil
	}
	items = append(items, HistoryItem{Field: "Fix Version", FieldType: "jira", FieldID: "fixVersions", To: v.ID, ToString: v.Name})
	is.FixVersions = []*Version{v}
	ig.history(ig.site.Me, items...)
	return true
}

func (ig *issueGen) meCrossLink() bool {
	other := ig.otherIssue(ig.otherTeam())
	if other == nil || other.Project == ig.is.Project || ig.is.Project != ig.ops || ig.linked(other) {
		return false
	}
	typ, outward := linkRelates, true
	if ig.chance(0.5) {
		typ, outward = linkBlocks, ig.chance(0.5)
	}
	ig.addLink(ig.site.Me, typ, other, outward)
	return true
}

func (ig *issueGen) meOwnBounce() bool {
	if ig.owner != ig.site.Me || ig.is.Status.Category != categoryInProgress || ig.is.Status == statusBlocked {
		return false
	}
	to := statusInReview
	if ig.is.Status == statusInReview {
		to = statusInProgress
	}
	ig.transition(ig.site.Me, to, nil)
	return true
}

func (ig *issueGen) colleagueReassign() bool {
	if ig.done() || ig.owner == ig.site.Me || ig.is.Assignee == nil {
		return false
	}
	team := ig.teamAt(ig.is.Project, ig.at)
	to := pickOf(ig.generator, team)
	if to == ig.is.Assignee {
		return false
	}
	ig.assign(ig.is.Assignee, to)
	ig.owner = to
	return true
}

func (ig *issueGen) colleagueBounce() bool {
	w := ig.worker()
	if w == ig.site.Me || (ig.is.Status != statusInProgress && ig.is.Status != statusInReview) {
		return false
	}
	to := statusInReview
	if ig.is.Status == statusInReview {
		to = statusInProgress
	}
	ig.transition(w, to, nil)
	return true
}

func (ig *issueGen) colleagueDescription() bool {
	is := ig.is
	if is.Reporter == ig.site.Me || ig.done() || strings.Contains(is.Description, "Update from ") {
		return false
	}
	old := is.Description
	is.Description = ig.fresh(func() string {
		return strings.TrimSpace(old + "\n\nUpdate from " + is.Reporter.DisplayName + ": " + ig.fill(pickOf(ig.generator, ig.usable(descriptionUpdates))))
	}, descriptionTails)
	ig.history(is.Reporter, HistoryItem{Field: "description", FieldType: "jira", FieldID: "description", FromString: old, ToString: is.Description})
	return true
}

// botCarryOver is the board closing a sprint with the issue unfinished:
// automation adds the next sprint. It is not Me's planning.
func (ig *issueGen) botCarryOver() bool {
	is := ig.is
	if ig.done() || len(is.Sprints) == 0 {
		return false
	}
	last := is.Sprints[len(is.Sprints)-1]
	if !last.End.Before(ig.at) {
		return false
	}
	next := is.Project.sprintAt(ig.at)
	if next == last {
		return false
	}
	ig.setSprints(ig.site.Bot, append(slices.Clone(is.Sprints), next))
	return true
}

// meSay has Me comment from one of texts that fit what she has said of
// where the issue stands (fitStanding); false when none does.
func (ig *issueGen) meSay(texts []string) bool {
	// Fit for the issue first, so that what is left fits both.
	texts = ig.fitStanding(ig.usable(texts))
	if len(texts) == 0 {
		return false
	}
	ig.say(ig.site.Me, texts)
	c := ig.is.Comments[len(ig.is.Comments)-1]
	if isSlip(c.Body) {
		ig.slipped = true
	}
	ig.noteStanding(c)
	return true
}

// standing reads a comment, or a template of one, for what it says of
// where its issue stands: whether it is a status note (an update, a new
// date, parking, aiming at a release, a risk, taking it out of a sprint)
// and whether it says the issue goes well (1: on track, no blockers,
// aimed at the release being cut) or badly (-1: a risk, a slip, parked,
// out of the release or the sprint).
func standing(text string) (status bool, tone int) {
	for _, p := range []string{"Update:", "Quick status", "Weekly update", "Status:", "Summary for", "Where we are", "Epic check-in",
		"Progress since", "New ETA", "Date update", "Parking this", "Targeting", "Aiming this at", "{~Targeting", "Go/no-go", "No-go",
		"Not needed for the current release", "Not blocking for this release", "{~Not needed for the current release",
		"Taking this out of", "Carrying this over", "Capacity check", "Quick capacity check", "{~Capacity check", "This ships in"} {
		status = status || strings.HasPrefix(text, p)
	}
	status = status || strings.HasPrefix(text, "FYI ") && strings.Contains(text, "slipped") ||
		strings.HasPrefix(text, "Heads up ") && strings.Contains(text, "moves out by") || strings.Contains(text, " asked where this is")
	for _, w := range []string{"Risk:", "at risk", "slipped", "New ETA", "moves out by", "now lands on", "longer than planned", "a few more days",
		"Parking this", "not this month", "No-go", "Taking this out of", "Carrying this over", "apacity check", "Moving it to the next release", "Pushing it to the next release", "next fix version"} {
		if strings.Contains(text, w) {
			return status, -1
		}
	}
	for _, w := range []string{"No blockers", "On track", "on track", "Go/no-go", "Targeting", "Aiming this at", "This ships in"} {
		if strings.Contains(text, w) {
			return status, 1
		}
	}
	return status, 0
}

// fitStanding are the templates of texts that agree with what Me has
// said of where the issue stands: one status note a day at most, and
// none that says it goes well within a week of one that says it goes
// badly, or the other way round. "Aiming this at platform-2026.04" and
// "Parking this for now … not this month" in one afternoon contradict
// each other. News of the initiative that says it goes well is said
// without "No blockers" then (plainNews).
func (ig *issueGen) fitStanding(texts []string) []string {
	day := func(t time.Time) string { return t.UTC().Format(time.DateOnly) }
	within := func(t time.Time) bool { return !t.IsZero() && ig.at.Sub(t) < 8*24*time.Hour }
	var out []string
	for _, t := range texts {
		status, tone := standing(t)
		switch {
		case !status:
		case !ig.statusAt.IsZero() && day(ig.statusAt) == day(ig.at):
			continue
		case tone > 0 && within(ig.badlyAt):
			plain, ok := plainNews[t]
			if !ok {
				continue
			}
			t = plain
		case tone < 0 && within(ig.wellAt):
			continue
		}
		out = append(out, t)
	}
	return out
}

// noteStanding records what c, by Me, says of where the issue stands.
func (ig *issueGen) noteStanding(c *Comment) {
	status, tone := standing(c.Body)
	if !status {
		return
	}
	ig.statusAt = c.Created
	switch {
	case tone > 0:
		ig.wellAt = c.Created
	case tone < 0:
		ig.badlyAt = c.Created
	}
}

// isSlip reports whether a comment moves the issue's date (slipUpdates).
func isSlip(body string) bool {
	return strings.Contains(body, "New ETA") || strings.Contains(body, "this now lands on") || strings.HasPrefix(body, "Update: this ")
}

// meTradeoff moves the issue up or down the list with a reason. Once Me
// has said which way an issue goes (stance), her later reasons on it go
// the same way: "Raising priority because …" and "Dropping the priority
// because …" on one issue contradict each other. She does not rank a
// postmortem against the backlog, nor name a release on an epic
// (meReleaseTalk).
func (ig *issueGen) meTradeoff() bool {
	day := func(t time.Time) string { return t.UTC().Format(time.DateOnly) }
	if ig.done() || ig.kind == kindPostmortem || !ig.arguedAt.IsZero() && day(ig.arguedAt) == day(ig.at) {
		return false
	}
	if ig.stance == 0 {
		ig.stance = 1
		if lowers(pickOf(ig.generator, tradeoffComments)) {
			ig.stance = -1
		}
	}
	// Nor does she park an issue that goes into a sprint within the week:
	// "Deprioritising this until after planning" at 10:42 and the issue
	// put into the sprint at 10:59 read as two people's plans.
	planned := len(ig.is.Sprints) == 0 && ig.planStep > 0 && ig.sprintDue.Before(ig.at.Add(8*24*time.Hour))
	if !ig.meSay(slices.DeleteFunc(slices.Clone(tradeoffComments), func(t string) bool {
		return lowers(t) != (ig.stance < 0) || planned && parks(t) || ig.is.Type == typeEpic && strings.Contains(t, "{$version}")
	})) {
		return false
	}
	switch c := ig.is.Comments[len(ig.is.Comments)-1]; {
	case parks(c.Body):
		ig.parkedAt = ig.at
	case strings.HasPrefix(c.Body, "Nice-to-have for now"):
		ig.waitsAt = ig.at
	}
	ig.arguedAt = ig.at
	return true
}

// parks reports whether a comment, or its template, parks the issue: it
// waits, out of the sprints, for a while.
func parks(text string) bool {
	return strings.HasPrefix(text, "Deprioritising this") || strings.HasPrefix(text, "Parking this") || strings.Contains(text, "not this sprint")
}

// parkedLately reports whether Me has parked the issue within the week:
// she does not put it into a sprint then.
func (ig *issueGen) parkedLately() bool {
	return !ig.parkedAt.IsZero() && ig.at.Sub(ig.parkedAt) < 8*24*time.Hour
}

// lowers reports whether a priority comment moves its issue down the list.
func lowers(tmpl string) bool {
	return strings.Contains(tmpl, "{$minor}") || strings.HasPrefix(tmpl, "Parking")
}

func (ig *issueGen) meSprintTalk() bool {
	if ig.is.Project != ig.ops || ig.done() || ig.is.Type == typeEpic {
		return false
	}
	// The sprint goal is named only on work that serves it: quoted under
	// another initiative it would read as that initiative's goal.
	running := ig.is.Project.sprintAt(ig.at)
	n := len(ig.is.Sprints)
	open := n > 0 && !ig.is.Sprints[n-1].End.Before(ig.at)
	goal := ig.sprintGoal()
	if !open {
		goal = running.Goal
	}
	texts := sprintComments
	if th := ig.theme(); th != nil && !slices.Contains(th.sprintGoals, goal) {
		texts = slices.DeleteFunc(slices.Clone(texts), func(t string) bool { return strings.Contains(t, "{$goal}") })
	}
	// What she says of a sprint, the Sprint field says too: "Planning
	// note: OPS Sprint 47 …, this is one of them" on an issue put into
	// Sprint 48 three minutes later is made up. She moves an issue out of
	// the sprint running now only, and says it was carried over twice
	// only of one that was in two sprints before this one.
	earlier := len(ig.sprintsBeen()) - 1
	// Nor does she commit a sprint to an issue and then move it out for
	// want of room, or the other way round: "we commit to three items and
	// this is one of them" and "Quick capacity check for OPS Sprint 49 …
	// Pulling this into OPS Sprint 50 instead" on one issue contradict.
	sprint := running
	if open {
		sprint = ig.is.Sprints[n-1]
	}
	committed, crowdedOut := ig.sprintPlanned(sprint)
	texts = slices.DeleteFunc(slices.Clone(texts), func(t string) bool {
		return movesSprint(t) && (!open || ig.is.Sprints[n-1] != running) || strings.Contains(t, "carried over twice") && (!open || earlier < 2) ||
			committed && crowdsOut(t) || crowdedOut && commits(t)
	})
	if committed || ig.parkedLately() {
		// Nor commits it twice: a second note that puts it in the sprint
		// gives it a second reason ("loses two days to the team offsite",
		// then "went through OPS Sprint 52 … so it goes first"). Nor
		// plans one she has just parked: "Deprioritising this for now"
		// and, 45 minutes later, "For planning: … fits in OPS Sprint 41".
		texts = inPlaceOf(ig.fitStanding(ig.usable(texts)), putsIn)
	}
	if len(ig.fitStanding(ig.usable(texts))) == 0 || !open && ig.parkedLately() {
		return false
	}
	if !open {
		// Into the sprint running now, as she says so.
		ig.setSprints(ig.site.Me, append(slices.Clone(ig.is.Sprints), running))
		ig.later(time.Minute)
	}
	if !ig.meSay(texts) {
		return true
	}
	if c := ig.is.Comments[len(ig.is.Comments)-1]; movesSprint(c.Body) {
		// And out of it, to the next one, as she says so.
		ig.later(time.Duration(1+ig.pick(4)) * time.Minute)
		sprints := slices.Clone(ig.is.Sprints)
		sprints[len(sprints)-1] = ig.is.Project.sprintAfter(running)
		ig.setSprints(ig.site.Me, sprints)
	}
	return true
}

// inPlaceOf is texts with each one that drops says replaced by the next
// after it that it does not: as many to pick from as before, so that
// what the issue says after stays as it was where nothing is dropped.
func inPlaceOf(texts []string, drops func(string) bool) []string {
	out := slices.Clone(texts)
	for i := range out {
		for j := 1; j < len(texts) && drops(out[i]); j++ {
			out[i] = texts[(i+j)%len(texts)]
		}
	}
	return slices.DeleteFunc(out, drops)
}

// commits reports whether a sprint comment, or its template, commits the
// sprint to the issue.
func commits(text string) bool {
	return strings.HasPrefix(text, "Planning note: ") && strings.Contains(text, "this is one of them")
}

// putsIn reports whether a sprint comment, or its template, puts the issue
// in the sprint or says why it is there.
func putsIn(text string) bool {
	return commits(text) || slices.ContainsFunc([]string{"Sprint goal for ", "Pulled into ", "as a stretch item", "For planning: ", " and I went through "},
		func(w string) bool { return strings.Contains(text, w) })
}

// crowdsOut reports whether a sprint comment, or its template, moves the
// issue out of its sprint for want of room. The template says "{~Capacity
// check|Quick capacity check} for".
func crowdsOut(text string) bool {
	return strings.Contains(text, "apacity check for ") || strings.Contains(text, "apacity check} for ") || strings.HasPrefix(text, "Taking this out of ")
}

// sprintPlanned reports whether Me has committed sp to the issue, and
// whether she has moved it out of sp for want of room.
func (ig *issueGen) sprintPlanned(sp *Sprint) (committed, crowdedOut bool) {
	for _, c := range ig.is.Comments {
		if c.Author != ig.site.Me {
			continue
		}
		committed = committed || commits(c.Body) && strings.HasPrefix(c.Body, "Planning note: "+sp.Name+" ")
		crowdedOut = crowdedOut || crowdsOut(c.Body) && (strings.Contains(c.Body, "apacity check for "+sp.Name+":") || strings.HasPrefix(c.Body, "Taking this out of "+sp.Name+":"))
	}
	return committed, crowdedOut
}

// movesSprint reports whether a sprint comment, or its template, moves the
// issue to the next sprint.
func movesSprint(text string) bool {
	return strings.Contains(text, "{$nextsprint}") || strings.HasPrefix(text, "Taking this out of") ||
		slices.ContainsFunc([]string{"Moving this to ", "Pulling this into ", "Carrying this over to "}, func(w string) bool { return strings.Contains(text, w) })
}

// sprintsBeen are the sprints the issue has been in, by its changelog and
// its Sprint field, in the order it went into them.
func (ig *issueGen) sprintsBeen() []*Sprint {
	var been []*Sprint
	add := func(sp *Sprint) {
		if !slices.Contains(been, sp) {
			been = append(been, sp)
		}
	}
	for _, h := range ig.is.Histories {
		for _, it := range h.Items {
			if it.Field != "Sprint" || it.ToString == "" {
				continue
			}
			for _, name := range strings.Split(it.ToString, ", ") {
				if i := slices.IndexFunc(ig.is.Project.Sprints, func(sp *Sprint) bool { return sp.Name == name }); i >= 0 {
					add(ig.is.Project.Sprints[i])
				}
			}
		}
	}
	for _, sp := range ig.is.Sprints {
		add(sp)
	}
	return been
}

// meReleaseTalk aims the issue at a release, or says what the release
// brings. Aiming it at a release puts it first, as "Raising priority"
// does: Me says it only of an issue she has not said can wait, and says
// no more that it can (stance). An incident and its postmortem are no
// backlog work: neither ranks them nor ships them in a release. An epic
// spans releases: its issues go into them, not it.
func (ig *issueGen) meReleaseTalk() bool {
	if ig.is.Project == ig.mob || ig.kind == kindPostmortem || ig.kind == kindIncident || ig.is.Type == typeEpic {
		return false
	}
	texts := releaseComments
	if ig.stance < 0 {
		texts = slices.DeleteFunc(slices.Clone(texts), aimsAtRelease)
	}
	// The go/no-go call on a release is made on work in it (its fix
	// version), once the work has been in progress, and once: "Go/no-go
	// for platform-2026.04: go" on an issue filed that morning, and "No-go
	// for platform-2026.04" on it three weeks later, read as made up.
	v := ig.is.Project.versionAt(ig.at)
	if !slices.Contains(ig.is.FixVersions, v) || !ig.beenStarted() || ig.calledRelease(v) {
		texts = slices.DeleteFunc(slices.Clone(texts), callsRelease)
	}
	// The code freeze of a release is one day (freezeOf), told before it
	// on work in the release, and the cut-off of work aimed at it:
	// "Code freeze for payments-api 3.12.0 is Monday" on an issue filed
	// seven minutes before, in no release, and "… cut-off is Friday" on
	// another, read as made up.
	if !ig.at.Before(freezeOf(ig.release())) {
		texts = slices.DeleteFunc(slices.Clone(texts), func(t string) bool { return strings.Contains(t, "{$freeze}") })
	}
	if !slices.Contains(ig.is.FixVersions, v) || ig.release() != v {
		texts = slices.DeleteFunc(slices.Clone(texts), func(t string) bool { return strings.HasPrefix(t, "Code freeze for ") })
	}
	if !ig.meSay(texts) {
		return false
	}
	c := ig.is.Comments[len(ig.is.Comments)-1]
	if aimsAtRelease(c.Body) {
		ig.stance = 1
		// And she sets the release she names as its fix version: "Targeting
		// platform-2026.08" on an issue left in platform-2026.07, which had
		// shipped without it, read as if she did not know her own plan.
		if named := ig.release(); !slices.Contains(ig.is.FixVersions, named) {
			ig.later(time.Minute)
			items := []HistoryItem{{Field: "Fix Version", FieldType: "jira", FieldID: "fixVersions", To: named.ID, ToString: named.Name}}
			if n := len(ig.is.FixVersions); n > 0 {
				was := ig.is.FixVersions[n-1]
				items = slices.Insert(items, 0, HistoryItem{Field: "Fix Version", FieldType: "jira", FieldID: "fixVersions", From: was.ID, FromString: was.Name})
			}
			ig.history(ig.site.Me, items...)
			ig.is.FixVersions = []*Version{named}
		}
	}
	if leavesRelease(c.Body) {
		ig.notIn = append(ig.notIn, v)
	}
	if strings.HasPrefix(c.Body, "No-go for ") {
		// Nor is it put back into the release she called a no-go for:
		// "No-go for platform-2026.06 from my side" and, four days later,
		// done in platform-2026.06 without a word, contradict.
		ig.notIn = append(ig.notIn, v)
	}
	if strings.HasPrefix(c.Body, "No-go for ") || leavesRelease(c.Body) && slices.Contains(ig.is.FixVersions, v) {
		// And to the next release, as she says so.
		ig.later(time.Duration(1+ig.pick(4)) * time.Minute)
		next := ig.is.Project.versionAt(v.ReleaseDate.Add(24 * time.Hour))
		ig.history(ig.site.Me,
			HistoryItem{Field: "Fix Version", FieldType: "jira", FieldID: "fixVersions", From: v.ID, FromString: v.Name},
			HistoryItem{Field: "Fix Version", FieldType: "jira", FieldID: "fixVersions", To: next.ID, ToString: next.Name})
		ig.is.FixVersions = []*Version{next}
	}
	return true
}

// release is the release Me names for the issue ({$version}): its fix
// version while that is still to ship, else the release being cut, or
// the first after it that she has not said the issue is not needed for.
// "Not blocking for this release … Moving it to the next release" and,
// nine days later, "Must-have for platform-2026.08", the same release,
// read as if she had forgotten her own call.
func (ig *issueGen) release() *Version {
	p := ig.is.Project
	if n := len(ig.is.FixVersions); n > 0 && ig.is.FixVersions[n-1].ReleaseDate.After(ig.at) {
		return ig.is.FixVersions[n-1]
	}
	v := p.versionAt(ig.at)
	for slices.Contains(ig.notIn, v) && v != p.Versions[len(p.Versions)-1] {
		v = p.versionAt(v.ReleaseDate.Add(24 * time.Hour))
	}
	return v
}

// leavesRelease reports whether a release comment says the issue is not
// needed for the release being cut.
func leavesRelease(text string) bool {
	return strings.HasPrefix(text, "Not needed for the current release") || strings.HasPrefix(text, "Not blocking for this release")
}

// callsRelease reports whether a release comment, or its template, is a
// go/no-go call on a release.
func callsRelease(text string) bool {
	return strings.HasPrefix(text, "Go/no-go for ") || strings.HasPrefix(text, "No-go for ")
}

// calledRelease reports whether Me has made the go/no-go call on v on
// the issue already.
func (ig *issueGen) calledRelease(v *Version) bool {
	return slices.ContainsFunc(ig.is.Comments, func(c *Comment) bool {
		return c.Author == ig.site.Me && (strings.HasPrefix(c.Body, "Go/no-go for "+v.Name+":") || strings.HasPrefix(c.Body, "No-go for "+v.Name+" "))
	})
}

// beenStarted reports whether the issue has been in progress.
func (ig *issueGen) beenStarted() bool {
	return slices.ContainsFunc(ig.is.Histories, func(h *History) bool {
		return slices.ContainsFunc(h.Items, func(it HistoryItem) bool { return it.Field == "status" && it.ToString == statusInProgress.Name })
	})
}

// aimsAtRelease reports whether a release comment, or its template, aims
// the issue at a release.
func aimsAtRelease(text string) bool {
	return strings.HasPrefix(text, "{~Targeting|Aiming this at}") || strings.HasPrefix(text, "Targeting ") || strings.HasPrefix(text, "Aiming this at ")
}

func (ig *issueGen) meDecision() bool {
	if th := ig.theme(); th != nil {
		// A decision is taken once: its initiative's later issues do not
		// settle it again on another date.
		// Only "no new dashboard for this" is said of each issue, once.
		var open []string
		undecided := 0
		for _, d := range append(slices.Clone(th.decisions), epicDecisionComments...) {
			switch {
			case ig.decidedHere[d]:
			case strings.Contains(d, "no new dashboard"):
				open = append(open, d)
			case !ig.decided[decisionKey(th, d, ig.svc)]:
				open = append(open, d)
				undecided++
			}
		}
		if undecided == 0 {
			return false // all decided but the dashboards: say something else
		}
		// A follow-up fixes what an incident showed: the initiative's
		// approach was settled on its epic and stories before it.
		if ig.kind == kindFollowUp {
			open = slices.DeleteFunc(open, func(d string) bool { return !strings.Contains(d, "no new dashboard") })
		}
		// On an epic any of its decisions fits; on one of its issues, one
		// about what the issue is about ("saturation alerts page at 95%"
		// is no decision taken on a synthetic check), or else one about
		// the epic's scope.
		if ig.is.Type != typeEpic {
			fit := slices.DeleteFunc(slices.Clone(open), func(d string) bool { return !ig.about(d) })
			if len(fit) == 0 {
				fit = slices.DeleteFunc(open, func(d string) bool { return !slices.Contains(epicDecisionComments, d) })
			}
			open = fit
		}
		if len(open) == 0 {
			return false
		}
		t := pickOf(ig.generator, open)
		ig.decided[decisionKey(th, t, ig.svc)] = true
		ig.decide(t)
		return ig.meSay([]string{t})
	}
	open := slices.DeleteFunc(slices.Clone(decisionComments), func(d string) bool { return ig.decidedHere[d] })
	if len(open) == 0 {
		return false
	}
	t := pickOf(ig.generator, open)
	ig.decide(t)
	return ig.meSay([]string{t})
}

// decide records that Me took the decision tmpl on the issue: she takes
// it there once.
func (ig *issueGen) decide(tmpl string) {
	if ig.decidedHere == nil {
		ig.decidedHere = map[string]bool{}
	}
	ig.decidedHere[tmpl] = true
}

// decisionKey is what a decision of th is known by: its words, and the
// service it is about if it names one.
func decisionKey(th *epicTheme, tmpl, svc string) string {
	if !strings.Contains(tmpl, "{$svc}") {
		svc = ""
	}
	return th.whyNow[0] + "\x00" + tmpl + "\x00" + svc
}

// meUpdate posts a status update.
func (ig *issueGen) meUpdate() bool {
	if ig.unmeasured || (ig.is.Type != typeEpic && ig.is.Project == ig.ops && !ig.chance(0.4)) {
		return false
	}
	texts := ig.updates()
	return len(texts) > 0 && ig.meSay(texts)
}

// updates are the status updates that fit the issue now: news of its
// initiative on its epic and on work filed under a phase of it still
// open; news of the issue while it is open, a new date only once it has
// one.
func (ig *issueGen) updates() []string {
	if ig.kind == kindIncident {
		return nil // its updates are the incident's (incidentUpdate)
	}
	var texts []string
	if ig.is.Type == typeEpic || ig.is.Parent != nil && openAt(ig.is.Parent, ig.at) {
		texts = append(texts, initiativeUpdates...)
		// On one of its issues, "n of m stories done" and "the retry
		// dashboard will take longer" would read as news of that issue.
		if ig.is.Type != typeEpic {
			texts = slices.DeleteFunc(texts, func(t string) bool {
				return strings.Contains(t, "{$n} of {$n2}") || strings.HasPrefix(t, "Update: {$doing}")
			})
		}
	}
	if !ig.done() {
		texts = append(texts, issueUpdates...)
		// A date moves once: two new dates on one issue contradict each
		// other. Work in review is nearly done, not late.
		if !ig.slipped && ig.is.Status != statusInReview && (ig.started() || len(ig.is.Sprints) > 0) {
			texts = append(texts, slipUpdates...)
		}
	}
	return texts
}

func (ig *issueGen) meCrossTeam() bool {
	return ig.is.Project != ig.ops && ig.meSay(crossTeamComments)
}

func (ig *issueGen) meEpicTalk() bool {
	if ig.is.Type != typeEpic || ig.is.Reporter != ig.site.Me {
		return false
	}
	// Progress notes carry numbers; the unmeasured epic has none, so
	// nothing on it reads as a result.
	if ig.unmeasured || ig.chance(0.5) {
		return ig.meSay(epicScopeComments)
	}
	return ig.meSay(epicProgressComments)
}

func (ig *issueGen) meIncidentTalk() bool {
	if ig.kind != kindIncident || ig.done() {
		return false
	}
	ig.incidentUpdate()
	return true
}

// questionAndAnswer: a colleague asks Me something and she answers so they
// can go on.
func (ig *issueGen) questionAndAnswer() bool {
	asker := ig.teammate()
	if asker == ig.site.Me || ig.done() {
		return false
	}
	ig.asker = asker
	ig.ask()
	ig.later(time.Duration(10+ig.pick(170)) * time.Minute)
	ig.answer()
	return true
}

func (ig *issueGen) meEngineering() bool {
	return ig.owner == ig.site.Me && ig.worked && ig.kind != kindEpic && ig.meSay(engineeringComments)
}

// meReview is Me reviewing a colleague's pull request.
func (ig *issueGen) meReview() bool {
	return ig.is.Status == statusInReview && ig.meSay(reviewComments)
}

func (ig *issueGen) colleagueTalk() bool {
	texts := colleagueTriage
	switch {
	case ig.worked:
		texts = colleagueWork
		if ig.is.Status != statusInReview && ig.is.Status != statusDone {
			// A change is out in production once it is in review or
			// done, not while its work goes on.
			texts = slices.DeleteFunc(slices.Clone(texts), func(t string) bool { return strings.Contains(t, "to production") })
		}
	case ig.is.Type == typeBug:
		texts = append(slices.Clone(texts), ig.text.sightings...)
	}
	if ig.kind == kindIncident {
		texts = slices.DeleteFunc(slices.Clone(texts), statesIncidentFacts)
	}
	ig.say(ig.teammate(), texts)
	return true
}

// Slot filling.

// fill writes out a template: {$name} is a slot filled with words that fit
// the issue and the moment (see slot), {~a|b|c} is one of its
// alternatives, {?text} is there half of the time. Choices nest, and
// braces that open neither, as in wiki markup's {code} or {{monospace}},
// are kept as they are.
func (ig *issueGen) fill(tmpl string) string {
	if !strings.Contains(tmpl, "{$") && !strings.Contains(tmpl, "{~") && !strings.Contains(tmpl, "{?") {
		return tmpl
	}
	var b strings.Builder
	b.Grow(len(tmpl) + 64)
	ig.expand(&b, tmpl)
	return b.String()
}

func (ig *issueGen) expand(b *strings.Builder, tmpl string) {
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 || i+1 == len(tmpl) {
			b.WriteString(tmpl)
			return
		}
		b.WriteString(tmpl[:i])
		tmpl = tmpl[i:]
		switch tmpl[1] {
		case '$':
			j := strings.IndexByte(tmpl, '}')
			if j < 0 {
				b.WriteString(tmpl)
				return
			}
			b.WriteString(ig.slot(tmpl[2:j]))
			tmpl = tmpl[j+1:]
		case '~', '?':
			end := closingBrace(tmpl)
			if end < 0 {
				b.WriteString(tmpl)
				return
			}
			body := tmpl[2:end]
			if tmpl[1] == '?' {
				if ig.chance(0.5) && !ig.unfit(topLevel(body)) {
					ig.expand(b, body)
				}
			} else {
				alt := choice(body, ig.pick(choices(body)))
				// An alternative that would name an issue where none fits
				// gives way to the first that names none.
				for k := 0; ig.unfit(topLevel(alt)) && k < choices(body); k++ {
					alt = choice(body, k)
				}
				ig.expand(b, alt)
			}
			tmpl = tmpl[end+1:]
		default:
			b.WriteByte('{')
			tmpl = tmpl[1:]
		}
	}
}

// closingBrace is the index of the brace that closes the one s starts
// with, or -1.
func closingBrace(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// choice is alternative k of a choice's body, the alternatives being
// separated by bars outside nested braces; choices(body) counts them. Both
// only scan, as fill runs for every text of a site of thousands of issues.
func choice(body string, k int) string {
	from, end := 0, len(body)
	topLevelBars(body, func(i int) bool {
		if k == 0 {
			end = i
			return false
		}
		k--
		from = i + 1
		return true
	})
	return body[from:end]
}

func choices(body string) int {
	n := 1
	topLevelBars(body, func(int) bool { n++; return true })
	return n
}

// topLevelBars calls at with the index of each bar of body outside nested
// braces, in order, until at returns false.
func topLevelBars(body string, at func(i int) bool) {
	depth := 0
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '{':
			depth++
		case '}':
			depth--
		case '|':
			if depth == 0 && !at(i) {
				return
			}
		}
	}
}

// fresh writes a text nobody has written on the site before: people do
// not paste the same comment or description on two issues. It asks write
// again when the text was used, then adds one of tails, a remark anybody
// might add, then two of them; only when that fails too does a text
// repeat. A text said on the issue before is not said on it again, with
// a tail or without: "Decision: no new dashboard … Shout in #platform-
// oncall if you need me" under the same decision a few days before reads
// as a paste.
func (ig *issueGen) fresh(write func() string, tails []string) string {
	if ig.here == nil {
		ig.here = map[string]bool{}
	}
	// heard is whether the issue has heard text, or a text it starts
	// with, or one that starts with it: "Is this still needed after the
	// loki migration?" and the same with "I thought OPS-1207 covered it"
	// added are one question.
	heard := func(text string) bool {
		if ig.here[text] {
			return true
		}
		for h := range ig.here {
			if len(h) >= 20 && strings.HasPrefix(text, h) || len(text) >= 20 && strings.HasPrefix(h, text) {
				return true
			}
		}
		return false
	}
	// A text the issue has not heard, if write has one.
	unheard := func() string {
		text := write()
		for try := 0; try < 8 && text != "" && heard(text); try++ {
			text = write()
		}
		return text
	}
	base := unheard()
	text := base
	for try := 0; text != "" && ig.said[text]; try++ {
		switch {
		case try < 4:
			base = unheard()
			text = base
		case try < 10 && len(tails) > 0:
			base = unheard()
			text = base + ig.fill(pickOf(ig.generator, tails))
		case try < 20 && len(tails) > 1:
			two := ig.rng.Perm(len(tails))
			base = unheard()
			text = base + ig.fill(tails[two[0]]) + ig.fill(tails[two[1]])
		default:
			ig.here[base] = true
			return text
		}
	}
	ig.here[base] = true
	ig.said[text] = true
	return text
}

// say writes a comment by author from one of templates, in words not used
// on the site before.
func (ig *issueGen) say(author *User, templates []string) {
	ig.speaker = author
	defer func() { ig.speaker = nil }()
	templates = ig.usable(templates)
	ig.comment(author, ig.fresh(func() string { return ig.fill(pickOf(ig.generator, templates)) }, commentTails))
}

func (ig *issueGen) slot(name string) string {
	g, is := ig.generator, ig.is
	if lo, hi, ok := numberRange(name); ok {
		return strconv.Itoa(lo + g.pick(hi-lo+1))
	}
	if text, ok := ig.incidentSlot(name); ok {
		return text
	}
	switch name {
	case "svc":
		return ig.svc
	case "ver":
		return strconv.Itoa(1+g.pick(4)) + "." + strconv.Itoa(g.pick(32)) + "." + strconv.Itoa(g.pick(12))
	case "pr":
		return strconv.Itoa(120 + g.pick(2880))
	case "n":
		ig.lastN = 2 + g.pick(8)
		return strconv.Itoa(ig.lastN)
	case "n2":
		return strconv.Itoa(ig.lastN + 1 + g.pick(6))
	case "pct":
		return strconv.Itoa(3 + g.pick(43))
	case "ms":
		return strconv.Itoa(200 + g.pick(3800))
	case "count":
		// Picked every time, so the rest of the site stays as it was; an
		// incident's follow-up counts the merchants it affected.
		n := 12 + g.pick(470)
		if ig.facts != nil {
			return strconv.Itoa(ig.facts.merchants)
		}
		return strconv.Itoa(n)
	case "metric":
		if th := ig.theme(); th != nil {
			return ig.fill(pickOf(g, th.metric))
		}
		return pickOf(g, ig.text.metrics)
	case "verified":
		text := ig.verifiedNote()
		if text != "" {
			ig.notes[text] = ig.is
		}
		return text
	case "window":
		return ig.window()
	case "windowday":
		return ig.windowDay(workday(ig.at.AddDate(0, 0, 1+g.pick(6)))).Weekday().String()
	case "gap":
		return ig.gap()
	case "done", "doing", "next", "risk", "slip", "urgent", "minor", "gain", "relnote", "rollout",
		"Urgent", "Watcher", "Done", "Doing", "Slip":
		return ig.themeSlot(name)
	case "outscope", "scope", "firstscope", "lastscope":
		return ig.scopeSlot(name)
	case "region":
		return ig.region
	case "customer":
		return pickOf(g, customers)
	case "outsider":
		return pickOf(g, outsiders)
	case "person":
		return firstName(ig.besides(ig.teammate(), ig.speaker))
	case "channel":
		return pickOf(g, ig.text.channels)
	case "meeting":
		return pickOf(g, meetings)
	case "dash":
		if th := ig.theme(); th != nil {
			return pickOf(g, th.dash)
		}
		return pickOf(g, dashboards)
	case "thing":
		return pickOf(g, ig.text.things)
	case "undecided":
		return ig.fill(pickOf(g, ig.text.undecided))
	case "nth":
		return ordinalDay(workday(ig.at.AddDate(0, 0, 3+g.pick(20))))
	case "since":
		return ordinalDay(ig.at.AddDate(0, 0, -1-g.pick(12)))
	case "later":
		return ig.at.Add(time.Duration(60+15*g.pick(24)) * time.Minute).UTC().Truncate(15 * time.Minute).Format("15:04")
	case "time":
		return ig.at.Add(time.Duration(30+15*g.pick(5))*time.Minute).UTC().Truncate(15*time.Minute).Format("15:04") + " UTC"
	case "hhmm":
		return ig.at.Add(-time.Duration(20+g.pick(70)) * time.Minute).UTC().Format("15:04")
	case "day":
		return workday(ig.at.AddDate(0, 0, 1+g.pick(6))).Weekday().String()
	case "date":
		return workday(ig.at.AddDate(0, 0, 7+g.pick(24))).Format("2 Jan")
	case "endofsupport":
		return endOfSupport(ig.is.Created).Format("2 January")
	case "supportmargin":
		// Drawn as the number it replaced was, so the rest of the site
		// stays as it was; the days are the ones to the end of support
		// the epic's goal names, so "6 days before" can be checked, and
		// an epic closed later says so.
		g.pick(12)
		return supportMargin(int(endOfSupport(ig.is.Created).Sub(ig.at.UTC().Truncate(24*time.Hour)).Hours() / 24))
	case "version":
		return ig.release().Name
	case "freeze":
		return freezeOf(ig.release()).Format("Monday 2 Jan")
	case "sprint":
		return ig.currentSprint().Name
	case "nextsprint":
		return is.Project.sprintAfter(ig.currentSprint()).Name
	case "goal":
		if goal := ig.sprintGoal(); goal != "" {
			return goal
		}
		if th := ig.theme(); th != nil && len(th.sprintGoals) > 0 {
			return pickOf(g, th.sprintGoals)
		}
		return pickOf(g, ig.text.goals)
	case "team", "theirteam":
		return ig.teamName[ig.otherTeam()]
	case "oursvc":
		return pickOf(g, platformUnderneath)
	case "theirpart":
		if parts := teamParts[ig.otherTeam().Key]; len(parts) > 0 {
			return pickOf(g, parts)
		}
		return "their part"
	case "lead":
		// Not the colleague who asked ("Mei Chen got the answer from Mei
		// Chen"): then another team's lead. No pick, so the rest of the
		// site stays as it was.
		lead := ig.otherTeam().Lead
		for _, p := range []*Project{ig.pay, ig.mob, ig.ops} {
			if (lead != ig.asker || ig.asker == nil) && lead != ig.speaker {
				break
			}
			if p.Lead != ig.site.Me {
				lead = p.Lead
			}
		}
		return g.mention(lead)
	case "mate":
		// Not the lead a phrase may name beside them ("Summary for Chloé
		// Dubois and Chloé Dubois").
		return g.mention(ig.besides(ig.teammate(), ig.otherTeam().Lead, ig.speaker))
	case "me":
		return g.mention(g.site.Me)
	case "asker":
		if ig.asker == nil {
			return g.mention(ig.teammate())
		}
		return g.mention(ig.asker)
	case "samekey", "otherkey", "opskey", "opsdonekey", "samedonekey", "swappedkey":
		if key := ig.refKey(name); key != "" {
			return key
		}
		// Only when every template had to name one (usable).
		switch name {
		case "samekey", "samedonekey", "swappedkey":
			return "the older ticket"
		case "otherkey":
			return "their ticket"
		}
		return "our ticket"
	case "dupkey":
		if ig.dupOf != nil {
			return ig.dupOf.Key
		}
		return ig.keyIn(is.Project)
	case "blocker":
		if ig.blocker != nil {
			return ig.blocker.Key
		}
		return ig.keyIn(ig.otherTeam())
	case "blockerteam":
		if ig.blocker != nil {
			return ig.teamName[ig.blocker.Project]
		}
		return ig.teamName[ig.otherTeam()]
	case "repo":
		return pickOf(g, ig.text.repos)
	case "summary":
		return is.Summary
	case "listedfor":
		return ig.listedFor()
	case "sameerror":
		return "same error as in the description"
	case "allcriteria":
		return countWords[ig.criteria("Acceptance criteria")]
	case "criteriaticks":
		return ticks(ig.criteria("Acceptance criteria"))
	case "donewhenticks":
		return ticks(ig.criteria("Done when"))
	case "epicgoal":
		if ig.seed != nil {
			return ig.seed.goal
		}
		return is.Summary + "."
	case "epicmetrics":
		if ig.seed != nil {
			metrics := make([]string, len(ig.seed.metrics))
			for i, m := range ig.seed.metrics {
				metrics[i] = evidence.LowerFirst(m)
			}
			return strings.Join(metrics, "; ")
		}
		return pickOf(g, ig.text.metrics)
	case "incident":
		if ig.incident != nil {
			return ig.incident.Key + ": " + ig.incident.Summary
		}
		return is.Summary
	}
	return "{$" + name + "}"
}

// theme is what Me's words on the issue talk about: its initiative's
// theme on an epic and on work that serves one, nil on other work.
func (ig *issueGen) theme() *epicTheme {
	if ig.seed != nil {
		return themeOf(ig.seed)
	}
	return themeOf(ig.serves)
}

// reasonsToWait are why the issue can wait, from th: those about what its
// summary is about, and whether there are any; else all of them.
func (ig *issueGen) reasonsToWait(th *epicTheme) (reasons []string, about bool) {
	reasons = th.minor
	if ig.is.Type != typeBug {
		// A story or a task is new work: it waits for what it would add,
		// not for how rarely a fault shows.
		reasons = th.minorWork
	}
	reasons = ig.usable(reasons)
	fit := slices.DeleteFunc(slices.Clone(reasons), func(r string) bool { return !ig.about(r) })
	if len(fit) == 0 {
		return reasons, false
	}
	return fit, true
}

// themeSlot fills a slot named after a field of epicTheme from the
// issue's theme, or from genericTheme; a capital first letter
// ({$Urgent}) capitalises the words, for the start of a sentence.
func (ig *issueGen) themeSlot(name string) string {
	th := ig.theme()
	if th == nil {
		th = &genericTheme
	}
	lists := map[string][]string{
		"done": th.done, "doing": th.doing, "next": th.next, "risk": th.risk, "slip": th.slips, "urgent": th.urgent, "minor": th.minor,
		"gain": th.gain, "relnote": th.relnote, "rollout": th.rollout,
		"watcher": th.watchers,
	}
	lists["minor"], _ = ig.reasonsToWait(th)
	words := ig.fill(pickOf(ig.generator, ig.usable(lists[strings.ToLower(name)])))
	if name != strings.ToLower(name) {
		return upperFirst(words)
	}
	return words
}

func upperFirst(s string) string {
	first, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(first)) + s[size:]
}

// scopeSlot names a piece of the scope of the issue's initiative (first,
// last or any) or what it leaves out; work that serves none gets the
// generic words the templates used before there were themes.
func (ig *issueGen) scopeSlot(name string) string {
	seed := ig.seed
	if seed == nil {
		seed = ig.serves
	}
	if seed == nil {
		switch name {
		case "outscope":
			return pickOf(ig.generator, []string{"multi-region failover", "support for the legacy " + ig.svc + " API", "a UI for this"})
		case "firstscope":
			return "the Terraform work"
		case "lastscope":
			return "dashboards"
		}
		return "the same problem"
	}
	switch name {
	case "outscope":
		return evidence.LowerFirst(pickOf(ig.generator, seed.out))
	case "firstscope":
		return evidence.LowerFirst(seed.scope[0])
	case "lastscope":
		return evidence.LowerFirst(seed.scope[len(seed.scope)-1])
	}
	return "the " + evidence.LowerFirst(pickOf(ig.generator, seed.scope)) + " work"
}

// sprintGoal is the goal of the issue's sprint, or of the one running
// now; empty when it has none.
func (ig *issueGen) sprintGoal() string {
	return ig.currentSprint().Goal
}

// numberRange reads a slot named like "12-40": a whole number in that range.
func numberRange(name string) (lo, hi int, ok bool) {
	a, b, found := strings.Cut(name, "-")
	if !found {
		return 0, 0, false
	}
	lo, errA := strconv.Atoi(a)
	hi, errB := strconv.Atoi(b)
	if errA != nil || errB != nil || hi < lo {
		return 0, 0, false
	}
	return lo, hi, true
}

// ordinalDay names a date the way people do in a chat: "the 14th".
// endOfSupport is when the software an epic created at created upgrades
// from leaves support: the last day of the quarter after its creation.
func endOfSupport(created time.Time) time.Time {
	c := created.UTC()
	firstOfQuarter := time.Date(c.Year(), c.Month()-(c.Month()-1)%3, 1, 0, 0, 0, 0, time.UTC)
	return firstOfQuarter.AddDate(0, 6, -1)
}

// supportMargin says how far a day days before the end of support is
// from it: "6 days before", "1 day after".
func supportMargin(days int) string {
	side := " before"
	if days < 0 {
		days, side = -days, " after"
	}
	if days == 1 {
		return "1 day" + side
	}
	return strconv.Itoa(days) + " days" + side
}

func ordinalDay(t time.Time) string {
	d := t.Day()
	suffix := "th"
	switch {
	case d%10 == 1 && d != 11:
		suffix = "st"
	case d%10 == 2 && d != 12:
		suffix = "nd"
	case d%10 == 3 && d != 13:
		suffix = "rd"
	}
	return "the " + strconv.Itoa(d) + suffix
}

// besides is u, or when u is one of not (the one who speaks, someone a
// phrase names beside u), the next of the issue's team who is none of
// them: "Ravi wondered too" is not written by Ravi. The next, not a new
// pick, so that the rest of the site stays as it was.
func (ig *issueGen) besides(u *User, not ...*User) *User {
	if !slices.Contains(not, u) {
		return u
	}
	team := ig.teamAt(ig.is.Project, ig.at)
	i := slices.Index(team, u)
	for k := 1; k <= len(team); k++ {
		if next := team[(i+k+len(team))%len(team)]; !slices.Contains(not, next) {
			return next
		}
	}
	return u
}

func firstName(u *User) string {
	name, _, _ := strings.Cut(u.DisplayName, " ")
	return name
}

func (ig *issueGen) currentSprint() *Sprint {
	if n := len(ig.is.Sprints); n > 0 {
		return ig.is.Sprints[n-1]
	}
	return ig.is.Project.sprintAt(ig.at)
}

// keyIn names an earlier issue of the project, or a key from before the demo
// year when the project has none yet.
func (ig *issueGen) keyIn(p *Project) string {
	if other := ig.otherIssue(p); other != nil {
		return other.Key
	}
	return p.Key + "-" + strconv.Itoa(p.lastNumber-3)
}
