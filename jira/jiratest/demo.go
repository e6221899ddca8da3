package jiratest

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DemoOptions shape the generated site.
type DemoOptions struct {
	Deployment string    // DeploymentCloud (the default) or DeploymentServer
	Issues     int       // number of issues; 0 means 200
	Seed       int64     // same options, same site, byte for byte
	Now        time.Time // all activity falls in the year before Now; zero means 2026-11-22 10:00 UTC
	// TeamBacklog adds the team's own backlog, issues Me never touched, with
	// PM work nobody is doing planted in it and look-alikes that are not
	// (team.go); TeamIssues more ordinary team issues on top.
	TeamBacklog bool
	TeamIssues  int
}

// defaultDemoNow is fixed rather than the wall clock so that the demo is
// reproducible.
var defaultDemoNow = time.Date(2026, time.November, 22, 10, 0, 0, 0, time.UTC)

// DemoWeekOf is the latest time at or before now that is a whole number of
// weeks from the default Now: the Now a demo made at now is generated for.
// The generator's draws follow the calendar (sprints start on Mondays,
// people work office hours), so a site made for the wall clock was another
// site an hour later, some of them thin (three initiatives, one of two
// issues). Made for DemoWeekOf(now), it is one site all week, its sprints
// and working days where they are in the site the tests check.
func DemoWeekOf(now time.Time) time.Time {
	const week = 7 * 24 * time.Hour
	weeks := now.Sub(defaultDemoNow) / week
	if now.Before(defaultDemoNow) && now.Sub(defaultDemoNow)%week != 0 {
		weeks--
	}
	return defaultDemoNow.Add(weeks * week)
}

// DemoSite generates the demo Jira site. Maya Lindqvist (Me) is an SRE on the
// Platform Reliability team (OPS) who has become its unofficial product
// manager; the Payments (PAY) and Mobile App (MOB) teams are the other teams
// she works with. Every issue involves her. About two thirds of what she
// does is PM work of all twelve taxonomy kinds; the rest is hands-on
// engineering (her own tickets, "LGTM", "deployed to staging", worklogs).
func DemoSite(opts DemoOptions) *Site {
	if opts.Deployment == "" {
		opts.Deployment = DeploymentCloud
	}
	if opts.Issues <= 0 {
		opts.Issues = 200
	}
	if opts.Now.IsZero() {
		opts.Now = defaultDemoNow
	}
	g := newGenerator(opts)
	for i := range opts.Issues {
		g.generateIssue(i, opts.Issues)
	}
	if opts.TeamBacklog {
		g.teamBacklog(opts.TeamIssues)
	}
	g.countCheckIns()
	g.site.fields = buildFieldDefs(opts.Deployment, g.site.FieldIDs)
	return g.site
}

// generator holds what the demo needs between issues: the cast, the
// projects, and issues that later issues refer to.
type generator struct {
	site *Site
	rng  *rand.Rand
	// seed starts each issue's own random stream (generateIssue).
	seed  uint64
	start time.Time // a year before Now

	ops, pay, mob *Project
	text          map[*Project]*projectText
	team          map[*Project][]*User // who does the project's engineering, Me excluded
	teamName      map[*Project]string
	epics         map[*Project][]*Issue
	epicSeeds     map[*Issue]*epicSeed // what each epic is about
	byProject     map[*Project][]*Issue

	// followUps are OPS issues Me must create after an incident: a
	// postmortem, then its action items.
	followUps []followUp
	actions   map[string]bool // the follow-ups' summaries so far
	said      map[string]bool // every comment and description so far, so none repeats
	// written counts the issues written from each work summary (as listed,
	// slots unfilled) and lastWritten is when the latest was, so that work
	// is picked least-written first and never twice for one initiative.
	written     map[string]int
	lastWritten map[string]time.Time
	meEpics     int // epics Me has opened so far
	rank        int
	lastCreated time.Time
	leaver      *User     // a colleague who left the company
	leftAt      time.Time // when leaver's account was deactivated
	// incidents are the facts of each incident, so that its postmortem
	// and follow-ups tell the numbers its updates told.
	incidents map[*Issue]*incidentFacts
	words     map[string]map[string]bool // contentWords by summary
	named     map[string][]string        // servicesIn by summary
	decided   map[string]bool            // the initiatives' decisions taken so far (decisionKey)
	// served is the initiative each issue so far serves (issueGen.serves),
	// nil for work that serves none.
	served map[*Issue]*epicSeed
	// workOf is the work, as the lists write its summary, each issue so
	// far was written from (issueGen.work).
	workOf map[*Issue]string
	// notes are the issues that said each verified note and each gap so
	// far: no two issues say they saw the same thing.
	notes map[string]*Issue
}

type followUp struct {
	incident   *Issue
	postmortem *Issue // nil for the postmortem itself
	summary    string
}

func newGenerator(opts DemoOptions) *generator {
	s := &Site{
		Deployment: opts.Deployment,
		Title:      "Larkspur Jira",
		Now:        opts.Now.UTC().Truncate(time.Millisecond),
		byID:       map[string]*Issue{},
		byKey:      map[string]*Issue{},
		// Ids continue an older site's numbering, as real ones do.
		lastIssueID: 10000, lastCommentID: 20000, lastHistoryID: 40000, lastWorklogID: 11000, lastLinkID: 10400,
	}
	g := &generator{
		site:        s,
		rng:         rand.New(rand.NewPCG(uint64(opts.Seed), 0x9e3779b97f4a7c15)),
		seed:        uint64(opts.Seed),
		start:       s.Now.AddDate(-1, 0, 0),
		text:        map[*Project]*projectText{},
		team:        map[*Project][]*User{},
		teamName:    map[*Project]string{},
		epics:       map[*Project][]*Issue{},
		epicSeeds:   map[*Issue]*epicSeed{},
		byProject:   map[*Project][]*Issue{},
		said:        map[string]bool{},
		actions:     map[string]bool{},
		written:     map[string]int{},
		lastWritten: map[string]time.Time{},
		incidents:   map[*Issue]*incidentFacts{},
		words:       map[string]map[string]bool{},
		named:       map[string][]string{},
		decided:     map[string]bool{},
		served:      map[*Issue]*epicSeed{},
		workOf:      map[*Issue]string{},
		notes:       map[string]*Issue{},
	}
	if s.Deployment == DeploymentCloud {
		s.FieldIDs = FieldIDs{Sprint: "customfield_10020", StoryPoints: "customfield_10016", Rank: "customfield_10019", Flagged: "customfield_10021"}
	} else {
		s.FieldIDs = FieldIDs{Sprint: "customfield_10104", StoryPoints: "customfield_10106", Rank: "customfield_10105", Flagged: "customfield_10200",
			EpicLink: "customfield_10101", EpicName: "customfield_10102"}
	}
	g.cast()
	g.projects()
	return g
}

// cast creates the accounts. Cloud ids look like real ones (24 hex digits or
// the 712020: form); Server keys are the login for old accounts and
// JIRAUSERnnnnn for accounts created since Jira 8, so clients must not
// confuse name and key.
func (g *generator) cast() {
	s := g.site
	person := func(accountID, name, key, email, display, tz string) *User {
		u := &User{AccountID: accountID, AccountType: "atlassian", Name: name, Key: key, Email: email, DisplayName: display, TimeZone: tz, Active: true}
		s.Users = append(s.Users, u)
		return u
	}
	s.Me = person("5f3c9a1e7b2d4c0069a1b2c3", "mlindqvist", "mlindqvist", DemoEmail, "Maya Lindqvist", "Europe/Stockholm")
	tomas := person("712020:3f1d2a4b-8c6e-4f0a-9b7d-1e2f3a4b5c6d", "therrera", "JIRAUSER10201", "tomas.herrera@larkspur.example", "Tomás Herrera", "Europe/Madrid")
	aisha := person("5e8f1a2b3c4d5e0068f9a0b1", "abello", "JIRAUSER10202", "", "Aisha Bello", "Europe/London")
	sam := person("5b10ac8d82e05b22cc7d4ef5", "soconnor", "soconnor", "sam.oconnor@larkspur.example", "Sam O'Connor", "Europe/Dublin")
	lena := person("5c7d8e9f0a1b2c0070d3e4f5", "lnovak", "JIRAUSER10187", "lena.novak@larkspur.example", "Lena Novak", "Europe/Prague")
	mei := person("712020:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "mchen", "JIRAUSER10310", "", "Mei Chen", "America/New_York")
	jonas := person("5d1e2f3a4b5c6d0071a2b3c4", "jbecker", "jbecker", "jonas.becker@larkspur.example", "Jonas Becker", "Europe/Berlin")
	chloe := person("5a6b7c8d9e0f1a0072b3c4d5", "cdubois", "JIRAUSER10402", "chloe.dubois@larkspur.example", "Chloé Dubois", "Europe/Paris")
	ravi := person("712020:1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", "rshankar", "JIRAUSER10415", "", "Ravi Shankar", "Asia/Kolkata")
	s.Bot = &User{AccountID: "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077", AccountType: "app", Name: "automation", Key: "JIRAUSER10900",
		DisplayName: "Automation for Jira", TimeZone: "UTC", Active: true}
	s.Users = append(s.Users, s.Bot)
	// Lena left four months ago: her account is inactive but her history stays.
	lena.Active = false
	g.leaver, g.leftAt = lena, s.Now.AddDate(0, -4, 0)

	g.ops = &Project{ID: "10000", Key: "OPS", Name: "Platform Reliability", Lead: sam, BoardID: 1, lastNumber: 1180}
	g.pay = &Project{ID: "10001", Key: "PAY", Name: "Payments", Lead: mei, BoardID: 2, lastNumber: 3412}
	g.mob = &Project{ID: "10002", Key: "MOB", Name: "Mobile App", Lead: chloe, BoardID: 3, lastNumber: 806}
	s.Projects = []*Project{g.ops, g.pay, g.mob}
	g.team[g.ops] = []*User{tomas, aisha, lena, sam}
	// Listed twice: they do most of their team's tickets.
	g.team[g.pay] = []*User{jonas, mei, jonas}
	g.team[g.mob] = []*User{ravi, chloe, ravi}
	g.teamName[g.ops], g.teamName[g.pay], g.teamName[g.mob] = "Platform", "Payments", "Mobile"
	g.text[g.ops], g.text[g.pay], g.text[g.mob] = &opsText, &payText, &appText
}

// projects gives each project components, monthly versions and two-week
// sprints covering the demo year plus a little future.
func (g *generator) projects() {
	componentID, versionID, sprintID := 10100, 10200, 0
	components := map[*Project][]string{
		g.ops: {"alerting", "ci-cd", "kubernetes", "observability", "on-call", "terraform", "postgres"},
		g.pay: {"checkout-api", "ledger", "payouts", "webhooks", "fraud"},
		g.mob: {"ios", "android", "onboarding", "push-notifications", "offline"},
	}
	sprintPrefix := map[*Project]string{g.ops: "OPS Sprint ", g.pay: "PAY Sprint ", g.mob: "Mobile S"}
	firstSprint := map[*Project]int{g.ops: 38, g.pay: 112, g.mob: 21}
	for _, p := range g.site.Projects {
		for _, name := range components[p] {
			componentID++
			p.Components = append(p.Components, &Component{ID: strconv.Itoa(componentID), Name: name})
		}
		month := time.Date(g.start.Year(), g.start.Month(), 1, 0, 0, 0, 0, time.UTC)
		for n := 0; !month.After(g.site.Now.AddDate(0, 2, 0)); n++ {
			versionID++
			release := month.AddDate(0, 1, -1)
			p.Versions = append(p.Versions, &Version{ID: strconv.Itoa(versionID), Name: versionName(p.Key, month, n), ReleaseDate: release,
				Released: release.Before(g.site.Now)})
			month = month.AddDate(0, 1, 0)
		}
		// Sprints start on Mondays at 09:00 CET; boards are staggered by a week.
		first := g.start.AddDate(0, 0, -21)
		first = time.Date(first.Year(), first.Month(), first.Day(), 8, 0, 0, 0, time.UTC)
		for first.Weekday() != time.Monday {
			first = first.AddDate(0, 0, 1)
		}
		first = first.AddDate(0, 0, 7*(p.BoardID-1)%14)
		goals := g.text[p].goals
		for n, at := 0, first; at.Before(g.site.Now.AddDate(0, 0, 28)); n, at = n+1, at.AddDate(0, 0, 14) {
			sprintID++
			sp := &Sprint{ID: sprintID, Name: sprintPrefix[p] + strconv.Itoa(firstSprint[p]+n), BoardID: p.BoardID,
				Goal: goals[n%len(goals)], Start: at, End: at.AddDate(0, 0, 14).Add(-time.Hour), Sequence: sprintID}
			switch {
			case sp.End.Before(g.site.Now):
				sp.State, sp.Complete = "closed", sp.End.Add(20*time.Minute)
			case sp.Start.After(g.site.Now):
				sp.State = "future"
			default:
				sp.State = "active"
			}
			if n%5 == 3 {
				sp.Goal = "" // not every sprint gets a goal
			}
			p.Sprints = append(p.Sprints, sp)
		}
	}
}

func versionName(projectKey string, month time.Time, n int) string {
	switch projectKey {
	case "OPS":
		return "platform-" + month.Format("2006.01")
	case "PAY":
		return "payments-api 3." + strconv.Itoa(8+n) + ".0"
	default:
		return "app " + strconv.Itoa(5+n/6) + "." + strconv.Itoa(n%6) + ".0"
	}
}

// sprintAt is the project's sprint running at t, or the next one.
func (p *Project) sprintAt(t time.Time) *Sprint {
	for _, sp := range p.Sprints {
		if t.Before(sp.End) {
			return sp
		}
	}
	return p.Sprints[len(p.Sprints)-1]
}

func (p *Project) sprintAfter(sp *Sprint) *Sprint {
	i := slices.Index(p.Sprints, sp)
	if i < 0 || i == len(p.Sprints)-1 {
		return sp
	}
	return p.Sprints[i+1]
}

// versionAt is the first version released after t.
func (p *Project) versionAt(t time.Time) *Version {
	for _, v := range p.Versions {
		if v.ReleaseDate.After(t) {
			return v
		}
	}
	return p.Versions[len(p.Versions)-1]
}

// freezeOf is when v's code freeze is: 17:00 CET (16:00 UTC) on the
// last working day a week or more before its release. Every note of it
// names that day, by its date.
func freezeOf(v *Version) time.Time {
	d := v.ReleaseDate.UTC().AddDate(0, 0, -7)
	d = time.Date(d.Year(), d.Month(), d.Day(), 16, 0, 0, 0, time.UTC)
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

func (g *generator) pick(n int) int { return g.rng.IntN(n) }

func (g *generator) chance(p float64) bool { return g.rng.Float64() < p }

func pickOf[T any](g *generator, xs []T) T { return xs[g.rng.IntN(len(xs))] }

func (g *generator) nextRank() string {
	g.rank++
	return "0|i" + leftPad(strconv.FormatInt(int64(g.rank)*37, 36), 5) + ":"
}

func leftPad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return strings.Repeat("0", n-len(s)) + s
}

// mention is how wiki markup names a user: by accountId on Cloud, by login
// on Server.
func (g *generator) mention(u *User) string {
	if g.site.Deployment == DeploymentCloud {
		return "[~accountid:" + u.AccountID + "]"
	}
	return "[~" + u.Name + "]"
}

// teamAt is the project's engineers who still work here at t.
func (g *generator) teamAt(p *Project, t time.Time) []*User {
	var out []*User
	for _, u := range g.team[p] {
		if u != g.leaver || t.Before(g.leftAt) {
			out = append(out, u)
		}
	}
	return out
}

// issueKind is the storyline an issue follows.
type issueKind int

const (
	kindStory issueKind = iota
	kindTask
	kindChore // a one-liner its author fixes herself
	kindBug
	kindEpic
	kindIncident
	kindPostmortem
	kindFollowUp
)

// generateIssue creates issue i of n with its whole history.
func (g *generator) generateIssue(i, n int) {
	// Each issue draws from its own stream, so that what one issue says
	// (a longer phrase list, another story picked) never reshuffles the
	// projects, kinds, owners and dates of the issues after it: the
	// site's shape stays when its words change.
	g.rng = rand.New(rand.NewPCG(g.seed, 0x9e3779b97f4a7c15+uint64(i)))
	s := g.site
	span := s.Now.Sub(g.start) - 26*time.Hour
	created := g.start.Add(time.Duration((float64(i) + g.rng.Float64()) / float64(n) * float64(span))).Truncate(time.Millisecond)

	var p *Project
	kind := kindStory
	var fu followUp
	// Incidents and epics come at fixed intervals so that even a small demo
	// tells the whole story; the rest is chance.
	switch r := g.rng.Float64(); {
	case len(g.followUps) > 0 && g.chance(0.85):
		fu, g.followUps = g.followUps[0], g.followUps[1:]
		p, kind = g.ops, kindFollowUp
		if fu.postmortem == nil {
			kind = kindPostmortem
		}
	case i%31 == 9:
		p, kind = g.ops, kindIncident
		if i%3 == 0 {
			p = g.pay
		}
	case r < 0.55 || i%53 == 11:
		p = g.ops // the busiest issues (see plan) are on her own team's board
	case r < 0.8:
		p = g.pay
	default:
		p = g.mob
	}
	if kind == kindStory {
		switch r := g.rng.Float64(); {
		case len(g.epics[p]) == 0 || i%29 == 3:
			kind = kindEpic
		case r < 0.4:
			kind = kindStory
		case r < 0.58:
			kind = kindTask
		case r < 0.7:
			kind = kindChore
		default:
			kind = kindBug
		}
	}

	if kind != kindIncident {
		if snapped := workday(created); snapped.Before(s.Now.Add(-time.Hour)) {
			created = snapped
		}
	}
	// Issue ids grow with creation time, as in Jira.
	if !created.After(g.lastCreated) {
		created = g.lastCreated.Add(time.Duration(1+g.pick(30)) * time.Minute)
	}
	g.lastCreated = created

	ig := &issueGen{generator: g, kind: kind, text: g.text[p], at: created}
	is := &Issue{ID: s.nextIssueID(), Key: p.nextKey(), Project: p, Status: statusToDo, Priority: priorityMedium,
		Rank: g.nextRank(), Created: created, Updated: created}
	ig.is = is
	ig.svc = pickOf(g, ig.text.services)
	ig.region = pickOf(g, regions)
	ig.setup(fu)
	g.served[is], g.workOf[is] = ig.serves, ig.work
	s.addIssue(is)
	g.byProject[p] = append(g.byProject[p], is)
	if kind == kindEpic {
		g.epics[p] = append(g.epics[p], is)
		g.epicSeeds[is] = ig.seed
	}

	ig.run(ig.plan(i))
	ig.worklogs(i)
	if !ig.meActed {
		ig.ensureMe()
	}
	for _, t := range []time.Time{lastHistory(is), lastComment(is), lastWorklog(is)} {
		if t.After(is.Updated) {
			is.Updated = t
		}
	}
	if kind == kindIncident {
		g.followUps = append(g.followUps, followUp{incident: is})
	}
	if kind == kindPostmortem {
		// A second incident on a service gets only the action items no
		// postmortem has asked for there yet.
		var fresh []string
		for _, f := range followUps {
			if !g.actions[ig.fill(f)] {
				fresh = append(fresh, f)
			}
		}
		for _, f := range pickN(g, fresh, 1+g.pick(2)) {
			g.actions[ig.fill(f)] = true
			g.followUps = append(g.followUps, followUp{incident: fu.incident, postmortem: is, summary: f})
		}
	}
}

func pickN(g *generator, xs []string, n int) []string {
	idx := g.rng.Perm(len(xs))[:min(n, len(xs))]
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

func lastHistory(is *Issue) time.Time {
	if len(is.Histories) == 0 {
		return time.Time{}
	}
	return is.Histories[len(is.Histories)-1].Created
}

func lastComment(is *Issue) time.Time {
	if len(is.Comments) == 0 {
		return time.Time{}
	}
	return is.Comments[len(is.Comments)-1].Created
}

func lastWorklog(is *Issue) time.Time {
	var t time.Time
	for _, w := range is.Worklogs {
		if w.Created.After(t) {
			t = w.Created
		}
	}
	return t
}

// issueGen writes one issue's story.
type issueGen struct {
	*generator
	is     *Issue
	kind   issueKind
	text   *projectText
	svc    string
	region string
	at     time.Time // when the current step happens
	seed   *epicSeed // what an epic is about
	// serves is the epic seed whose work lists the issue's summary: the
	// only initiative the issue may be filed under, in any phase.
	serves *epicSeed
	// owner does the issue's engineering once it starts.
	owner    *User
	incident *Issue // for postmortems and follow-ups
	// facts are what happened in the incident the issue is, or is the
	// postmortem or a follow-up of.
	facts   *incidentFacts
	dupOf   *Issue // what a duplicate duplicates
	blocker *Issue // what a blocked issue waits for
	// blockedOn is why it is blocked (blockedOnIssue …), flaggedAt since
	// when.
	blockedOn int
	flaggedAt time.Time
	asker     *User     // the colleague whose question Me answers next
	speaker   *User     // who writes the comment being filled: it names others, never them
	qa        *qaPair   // what asker asked
	asked     []*qaPair // the questions asked on the issue so far
	qaRef     *Issue    // the issue asker's question named, for the answer
	lastN     int       // the last {$n}, so {$n2} can be larger
	// stance is which way Me has said the issue goes on the list: 1 up,
	// -1 down, 0 not yet.
	stance  int
	slipped bool // Me has moved the issue's date once (slipUpdates)
	// here are the texts said on the issue, without the tails fresh adds:
	// nobody posts the same comment on one issue twice.
	here map[string]bool
	// statusAt is when Me last said where the issue stands (standing),
	// wellAt when she last said it goes well and badlyAt badly.
	statusAt, wellAt, badlyAt time.Time
	// arguedAt is when Me last said, with a reason, where the issue goes
	// on the list (meTradeoff): once a day at most.
	arguedAt time.Time
	// prioritizedAt is when the issue's priority last changed.
	prioritizedAt time.Time
	// decidedHere are the decisions (templates) Me took on the issue.
	decidedHere map[string]bool
	meActed     bool // Me did something on the issue
	busy        bool // one of the few issues with a very long history
	// unmeasured marks the epic Me owns and closes without ever writing
	// down what came of it, so the portfolio has an initiative to lint.
	unmeasured bool
	worked     bool // someone started work on it, so time was logged
	// closes is whether the issue's plan ends with it done, and doneDue
	// when run plans that (it may come a little later): Me parks for the
	// month or the quarter no issue done within it.
	closes  bool
	doneDue time.Time
	// planStep is 1 + the index of planIntoSprint in the issue's plan (0
	// when it has none), and sprintDue when run plans it: Me parks no
	// issue that is put into a sprint within the week.
	planStep  int
	sprintDue time.Time
	// parkedAt is when Me last parked the issue (parks): within a week of
	// it she puts it into no sprint.
	parkedAt time.Time
	// waitsAt is when Me last said the issue is a nice-to-have, and
	// notIn the releases she said it is not needed for: for three weeks
	// after the one she sets no fix version, and never one of the others.
	waitsAt time.Time
	notIn   []*Version
	// work is the summary, as the lists write it, the issue was written
	// from: what its workNote is found by.
	work string
}

// setup decides who wrote the issue, who will work on it and what it says.
func (ig *issueGen) setup(fu followUp) {
	g, is, p := ig.generator, ig.is, ig.is.Project
	me := g.site.Me
	team := g.teamAt(p, is.Created)
	colleague := pickOf(g, team)
	ig.incident = fu.incident
	switch ig.kind {
	case kindEpic:
		is.Type = typeEpic
		// Epics follow the project's roadmap in order; a second round is
		// the next phase of the same initiative.
		n := len(g.epics[p])
		seed := &ig.text.epics[n%len(ig.text.epics)]
		ig.seed = seed
		if th := themeOf(seed); len(th.services) > 0 {
			ig.svc = pickOf(g, th.services)
		}
		is.Summary = seed.summary
		round := n / len(ig.text.epics)
		if round > 0 {
			is.Summary += ", phase " + strconv.Itoa(round+1)
		}
		if g.site.Deployment == DeploymentServer {
			is.EpicName = seed.name
		}
		is.Reporter = p.Lead
		if p == g.ops || g.chance(0.3) {
			is.Reporter = me
		}
		if is.Reporter == me {
			g.meEpics++
			// Her second epic is the one she closes without writing down
			// what came of it: early enough in the year to be done by Now.
			ig.unmeasured = g.meEpics == 2
		}
		is.Description = ig.fresh(func() string { return ig.epicDescription(seed, round) }, descriptionTails)
		is.Assignee = is.Reporter
		is.Priority = priorityHigh
	case kindIncident:
		is.Type = typeBug
		is.Summary = ig.fill(pickOf(g, ig.text.incidents))
		is.Reporter = colleague
		if p == g.ops && g.chance(0.3) {
			is.Reporter = me
		}
		is.Assignee = is.Reporter
		ig.facts = ig.newIncidentFacts()
		g.incidents[is] = ig.facts
		is.Description = ig.incidentDescription()
		is.Priority = priorityHighest
		is.Labels = []string{"incident"}
	case kindPostmortem:
		is.Type = typeTask
		ig.facts = g.incidents[fu.incident]
		ig.svc, ig.region = ig.facts.svc, ig.facts.region
		is.Summary = "Postmortem: " + strings.TrimPrefix(fu.incident.Summary, "INC: ")
		is.Reporter, is.Assignee = me, me
		is.Description = ig.postmortemDescription()
		is.Labels = []string{"postmortem"}
		is.Priority = priorityHigh
	case kindFollowUp:
		is.Type = typeTask
		ig.facts = g.incidents[fu.incident]
		ig.svc, ig.region = ig.facts.svc, ig.facts.region
		is.Summary = ig.fill(ig.facts.cause.followUp(fu.summary))
		ig.work = fu.summary
		ig.serves = ig.text.epicServedBy(fu.summary)
		is.Reporter = me
		what := strings.TrimPrefix(is.Summary, "Follow-up: ")
		is.Description = ig.freshFill(strings.NewReplacer("{$postmortem}", fu.postmortem.Key, "{$incidentkey}", fu.incident.Key,
			"{$summary}", what).Replace(followUpDescription))
		is.Labels = []string{"follow-up"}
		is.Assignee = colleague
		ig.incident = fu.postmortem
	case kindStory:
		is.Type = typeStory
		seed := pickWork(ig, ig.text.stories, func(st storySeed) string { return st.summary })
		ig.serve(seed.summary)
		ig.work = seed.summary
		is.Summary = ig.fill(seed.summary)
		is.Reporter = colleague
		if (p == g.ops && g.chance(0.6)) || g.chance(0.2) {
			is.Reporter = me
		}
		if is.Reporter == me {
			is.Description = ig.storyDescription(seed)
		} else {
			is.Description = ig.fresh(func() string { return ig.colleagueStory(seed) }, descriptionTails)
		}
	case kindTask:
		is.Type = typeTask
		summary := pickWork(ig, ig.text.tasks, func(t string) string { return t })
		ig.serve(summary)
		ig.work = summary
		is.Summary = ig.fill(summary)
		is.Reporter = colleague
		if p == g.ops && g.chance(0.5) {
			is.Reporter = me
		}
		// Its description is written once it is filed (below): how long
		// its work has waited is for its epic to say.
	case kindChore:
		is.Type = typeTask
		summary := pickWork(ig, ig.text.chores, func(t string) string { return t })
		ig.serve(summary)
		ig.work = summary
		is.Summary = ig.fill(summary)
		is.Reporter = colleague
		if p == g.ops && g.chance(0.8) {
			is.Reporter = me
		}
		is.Assignee = is.Reporter
		if g.chance(0.5) {
			is.Description = ig.freshFill(bugOneLiners...)
		}
	case kindBug:
		is.Type = typeBug
		summary := pickWork(ig, ig.text.bugs, func(t string) string { return t })
		ig.serve(summary)
		ig.work = summary
		is.Summary = ig.fill(summary)
		is.Reporter = colleague
		if p == g.ops && g.chance(0.3) {
			is.Reporter = me
		}
		if g.chance(0.6) {
			is.Description = ig.freshFill(ig.text.traces...)
		} else {
			is.Description = ig.freshFill(bugOneLiners...)
		}
		if is.Reporter == me {
			is.Assignee = me // she found it, she fixes it
		}
		if g.chance(0.3) {
			is.Priority = priorityHigh
		}
	}
	is.Creator = is.Reporter
	if is.Reporter == me {
		ig.meActed = true
	}
	// Who will do the work.
	switch {
	case is.Assignee != nil:
		ig.owner = is.Assignee
	case p == g.ops && g.chance(0.5):
		ig.owner = me
	default:
		ig.owner = colleague
	}
	if g.chance(0.4) && len(p.Components) > 0 {
		is.Components = []*Component{pickOf(g, p.Components)}
	}
	// Colleagues often file work straight under the epic it serves, in a
	// phase still open but not always the one under way; Me moves it there
	// (meReparent). Work that comes after its initiative closed goes under
	// no epic: an epic that gathers children for months after it was done
	// is bigger in a portfolio than it was. Now and then a bug found
	// later is filed under the closed epic, as real teams do.
	if phases := ig.phases(); len(phases) > 0 && is.Reporter != me && g.chance(0.8) {
		if open := ig.openPhases(is.Created); len(open) > 0 {
			is.Parent = pickOf(g, open)
		} else if ig.kind == kindBug && g.chance(0.15) {
			is.Parent = phases[len(phases)-1]
		}
	}
	if ig.kind == kindTask {
		is.Description = ig.taskDescription()
	}
}

// epicServedBy is the epic seed whose work lists summary, or nil for work
// that serves no initiative on the roadmap.
func (t *projectText) epicServedBy(summary string) *epicSeed {
	for k := range t.epics {
		if slices.Contains(t.epics[k].work, summary) {
			return &t.epics[k]
		}
	}
	return nil
}

// serve notes the initiative work written from summary serves, if any,
// has the work name one of the services that initiative is about (when
// summary names a service, one it has not named under the initiative
// yet) and records the work as written.
func (ig *issueGen) serve(summary string) {
	ig.serves = ig.text.epicServedBy(summary)
	if th := themeOf(ig.serves); th != nil && len(th.services) > 0 {
		ig.svc = pickOf(ig.generator, th.services)
	}
	fresh := ig.freshServices(ig.serves, summary, false)
	if len(fresh) == 0 {
		fresh = ig.freshServices(ig.serves, summary, true)
	}
	if len(fresh) > 0 && !slices.Contains(fresh, ig.svc) {
		ig.svc = pickOf(ig.generator, fresh)
	}
	ig.written[summary]++
	ig.lastWritten[writtenKey(summary, ig.svc)] = ig.is.Created
}

// writtenKey is what lastWritten knows work by: its summary, and the
// service it names if its summary names one.
func writtenKey(summary, svc string) string {
	if !strings.Contains(summary, "{$svc}") {
		return summary
	}
	return summary + "\x00" + svc
}

// pickWork is mostly work for an initiative under way when the issue is
// written, as teams write stories, tasks and bugs for the epics they are
// working on, so that each epic gathers work; the rest is any of work.
// It picks the work written least so far, and never work already written
// since its initiative began: a backlog groomed by a PM does not hold the
// same story twice under one initiative, in any of its phases. Only when
// the initiative under way has no such work left (a large site, a late
// phase) does it repeat work of an earlier phase.
func pickWork[T any](ig *issueGen, work []T, summary func(T) string) T {
	var fresh, current []T
	for _, phase := range []bool{false, true} {
		fresh, current = fresh[:0], current[:0]
		underWay := false
		for _, w := range work {
			seed := ig.text.epicServedBy(summary(w))
			underWay = underWay || ig.underWay(seed)
			if ig.spent(seed, summary(w), phase) {
				continue
			}
			fresh = append(fresh, w)
			if ig.underWay(seed) {
				current = append(current, w)
			}
		}
		if len(current) > 0 || !underWay {
			break
		}
	}
	switch {
	case len(current) > 0 && ig.chance(0.5):
		return leastWritten(ig, current, summary)
	case len(fresh) > 0:
		return leastWritten(ig, fresh, summary)
	}
	return leastWritten(ig, work, summary)
}

// leastWritten is one of the work written least so far.
func leastWritten[T any](ig *issueGen, work []T, summary func(T) string) T {
	fewest := -1
	var least []T
	for _, w := range work {
		switch n := ig.written[summary(w)]; {
		case fewest < 0 || n < fewest:
			fewest, least = n, append(least[:0], w)
		case n == fewest:
			least = append(least, w)
		}
	}
	return pickOf(ig.generator, least)
}

// began is when the first epic of seed was opened, or with phase its
// latest; zero if none has been.
func (ig *issueGen) began(seed *epicSeed, phase bool) time.Time {
	var at time.Time
	for _, e := range ig.epics[ig.is.Project] {
		if ig.epicSeeds[e] == seed {
			if at = e.Created; !phase {
				break
			}
		}
	}
	return at
}

// freshServices are the services work of summary serving seed may name
// without repeating an issue of seed's initiative (with phase, of its
// latest phase): all of them for work that serves none or whose summary
// names no service.
func (ig *issueGen) freshServices(seed *epicSeed, summary string, phase bool) []string {
	if !strings.Contains(summary, "{$svc}") {
		return nil
	}
	services := ig.text.services
	if th := themeOf(seed); th != nil && len(th.services) > 0 {
		services = th.services
	}
	began := ig.began(seed, phase)
	if seed == nil || began.IsZero() {
		return services
	}
	var fresh []string
	for _, svc := range services {
		if at, ok := ig.lastWritten[writtenKey(summary, svc)]; !ok || at.Before(began) {
			fresh = append(fresh, svc)
		}
	}
	return fresh
}

// spent reports whether work of summary serving seed already stands under
// seed's initiative (with phase, under its latest phase): it was written
// since the initiative (the phase) began, and if it names a service, with
// every service it may name.
func (ig *issueGen) spent(seed *epicSeed, summary string, phase bool) bool {
	began := ig.began(seed, phase)
	if seed == nil || began.IsZero() {
		return false
	}
	if strings.Contains(summary, "{$svc}") {
		return len(ig.freshServices(seed, summary, phase)) == 0
	}
	at, ok := ig.lastWritten[summary]
	return ok && !at.Before(began)
}

// underWay reports whether an epic of seed is open when the issue is
// created.
func (ig *issueGen) underWay(seed *epicSeed) bool {
	if seed == nil {
		return false
	}
	for _, e := range ig.epics[ig.is.Project] {
		if ig.epicSeeds[e] == seed && (e.Resolved.IsZero() || e.Resolved.After(ig.is.Created)) {
			return true
		}
	}
	return false
}

// phases is the epics so far of the initiative the issue serves, oldest
// first: the only epics it may be filed under.
func (ig *issueGen) phases() []*Issue {
	if ig.serves == nil {
		return nil
	}
	var out []*Issue
	for _, e := range ig.epics[ig.is.Project] {
		if ig.epicSeeds[e] == ig.serves {
			out = append(out, e)
		}
	}
	return out
}

// openPhases are the phases of the issue's initiative open at t: the
// epics work may be filed under then.
func (ig *issueGen) openPhases(t time.Time) []*Issue {
	var out []*Issue
	for _, e := range ig.phases() {
		if openAt(e, t) {
			out = append(out, e)
		}
	}
	return out
}

// freshFill is a description from one of templates that no issue has yet.
func (ig *issueGen) freshFill(templates ...string) string {
	templates = ig.usable(templates)
	return ig.fresh(func() string { return ig.fill(pickOf(ig.generator, templates)) }, descriptionTails)
}

func (ig *issueGen) storyDescription(seed storySeed) string {
	return ig.fresh(func() string { return ig.writeStory(seed) }, descriptionTails)
}

// writeStory is one way Me writes up a story: the user-story line, then
// acceptance criteria as a scenario, a list with what is out of scope, or
// a numbered list, in an order and with details of her choosing.
func (ig *issueGen) writeStory(seed storySeed) string {
	var b strings.Builder
	b.WriteString("As a" + article(seed.persona) + " " + seed.persona + " I want " + seed.want + " so that " + seed.benefit + ".\n\n")
	scenario, hasScenario := scenarios[seed.summary]
	ac := slices.Clone(seed.ac)
	if ig.chance(0.5) {
		ig.rng.Shuffle(len(ac)-1, func(a, b int) { ac[a+1], ac[b+1] = ac[b+1], ac[a+1] })
	}
	switch r := ig.pick(3); {
	case r == 0 && hasScenario:
		b.WriteString("h3. Acceptance criteria\n*Given* " + scenario[0] + "\n*When* " + scenario[1] + "\n*Then* " + scenario[2] + "\n\n")
		b.WriteString("Also:\n")
		for _, c := range ac[1:] {
			b.WriteString("* " + c + "\n")
		}
	case r == 1:
		b.WriteString("h3. Acceptance criteria\n")
		for _, c := range ac {
			b.WriteString("* " + c + "\n")
		}
		b.WriteString("\nh3. Out of scope\n* " + pickOf(ig.generator, storyOutOfScope) + "\n")
	default:
		b.WriteString("h3. Acceptance criteria\n")
		for _, c := range ac {
			b.WriteString("# " + c + "\n")
		}
		if ig.chance(0.5) {
			b.WriteString("\nContext: " + storyContext + "\n")
		}
	}
	return ig.fill(strings.TrimRight(b.String(), "\n"))
}

// colleagueStory is how a colleague files a story: the user-story line
// of its seed, shorter and plainer than Me's, at most with where it came
// up; the acceptance criteria are for Me to add when she refines it.
// Half of them write the line and nothing else.
func (ig *issueGen) colleagueStory(seed storySeed) string {
	as := "a" + article(seed.persona) + " " + seed.persona
	var text string
	switch ig.pick(6) {
	case 0:
		text = "As " + as + " I want " + seed.want + " so that " + seed.benefit + ".\n\n" + colleagueStoryOrigin
	case 1:
		text = "as " + as + " I want " + seed.want + ", so " + seed.benefit + ". " + colleagueStoryOrigin
	case 2:
		text = colleagueStoryOrigin + " The ask, as " + as + ": I want " + seed.want + ", so " + seed.benefit + "."
	default:
		text = "As " + as + " I want " + seed.want + " so that " + seed.benefit + "."
	}
	return ig.fill(text)
}

func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) || strings.HasPrefix(word, "SRE") {
		return "n"
	}
	return ""
}

// epicDescription states the epic's goal and success metrics; a later
// round is the next phase of the same initiative.
func (ig *issueGen) epicDescription(seed *epicSeed, round int) string {
	var b strings.Builder
	b.WriteString("h3. Goal\n")
	if round > 0 {
		b.WriteString("Phase " + strconv.Itoa(round+1) + ": keep what phase " + strconv.Itoa(round) + " got us and take it to the services and teams it left out. ")
	}
	b.WriteString(seed.goal + "\n\nh3. Why now\n" + pickOf(ig.generator, themeOf(seed).whyNow) + "\n\nh3. Success metrics\n")
	for _, m := range seed.metrics {
		b.WriteString("* " + m + "\n")
	}
	b.WriteString("\nh3. Scope\n")
	for _, s := range seed.scope {
		b.WriteString("* " + s + "\n")
	}
	b.WriteString("\nh3. Out of scope\n")
	for _, s := range seed.out {
		b.WriteString("* " + s + "\n")
	}
	return ig.fill(strings.TrimRight(b.String(), "\n"))
}

// step is one thing that happens to the issue at ig.at.
type step func(ig *issueGen)

// plan lays out the issue's story as steps; run spreads them over its life.
// Regular issues are refined, planned into a sprint, started, maybe blocked
// and unblocked, reviewed, finished and released; fillers between the
// milestones bring the changelog to about 20 entries and the comments to
// about 5, with a few issues far above that so clients must page.
func (ig *issueGen) plan(i int) []step {
	g := ig.generator
	histories, comments := 8+g.pick(25), g.pick(11)
	if i%53 == 11 {
		histories, comments = 61+g.pick(30), 26+g.pick(15)
		ig.busy = true
	}
	if age := g.site.Now.Sub(ig.is.Created); age < 30*24*time.Hour {
		scale := max(0.3, float64(age)/float64(30*24*time.Hour))
		histories, comments = int(float64(histories)*scale), int(float64(comments)*scale)
	}
	var steps []step
	fillers := func(h, c int) {
		mixed := make([]step, 0, h+c)
		for range h {
			mixed = append(mixed, (*issueGen).historyFiller)
		}
		for range c {
			mixed = append(mixed, (*issueGen).commentFiller)
		}
		g.rng.Shuffle(len(mixed), func(a, b int) { mixed[a], mixed[b] = mixed[b], mixed[a] })
		steps = append(steps, mixed...)
	}
	share := func(x int, f float64) int { return int(float64(x)*f + 0.5) }

	switch ig.kind {
	case kindEpic:
		if ig.is.Reporter == g.site.Me {
			steps = append(steps, (*issueGen).epicGoalComment)
		}
		fillers(share(histories, 0.3), share(comments, 0.3))
		steps = append(steps, (*issueGen).startEpic)
		fillers(share(histories, 0.6), share(comments, 0.6))
		steps = append(steps, (*issueGen).finishEpic)
		ig.closes = true
		return steps
	case kindIncident:
		// The response, at the times its facts give (facts.response): it
		// is started, Me posts an update while investigating and one while
		// mitigating, labels it customer-impact, the mitigator reports the
		// fix took and Me posts an update once mitigated. The fillers come
		// after the all clear, while it stays open; then it is closed.
		steps = append(steps, (*issueGen).start, (*issueGen).incidentUpdate, (*issueGen).incidentUpdate,
			(*issueGen).incidentLabel, (*issueGen).mitigatorReport, (*issueGen).incidentUpdate)
		fillers(share(histories, 0.2), share(comments, 0.3))
		steps = append(steps, (*issueGen).finishIncident)
		ig.closes = true
		return steps
	}

	if ig.kind == kindPostmortem || ig.kind == kindFollowUp {
		steps = append(steps, (*issueGen).linkToIncident)
	}
	fillers(share(histories, 0.3), share(comments, 0.3))
	// A busy issue is worked on to the end: its long history is the point.
	switch r := g.rng.Float64(); {
	case ig.busy:
	case ig.kind == kindStory && r < 0.06 && !promisesSafety.MatchString(ig.is.Summary):
		return append(steps, (*issueGen).wontDo)
	case r < 0.11:
		// Closed as a duplicate only of an issue it duplicates; without
		// one it is worked on like the rest.
		if ig.dupOf = ig.duplicateTarget(); ig.dupOf != nil {
			return append(steps, (*issueGen).resolveDuplicate)
		}
	case r < 0.18 && ig.kind != kindPostmortem:
		return steps // stays in the backlog
	}
	ig.planStep = len(steps) + 1
	steps = append(steps, (*issueGen).planIntoSprint, (*issueGen).start)
	middle := []step{}
	if ig.owner != g.site.Me && g.chance(0.35) {
		middle = append(middle, ig.blockedEpisode()...)
	}
	before := len(steps)
	fillers(share(histories, 0.45), share(comments, 0.45))
	// Put the blocked episode somewhere in the middle fillers, in order.
	at := before + g.pick(len(steps)-before+1)
	steps = slices.Insert(steps, at, middle...)
	steps = append(steps, (*issueGen).review)
	// Nothing happens to it once it is done (but a reopening): its last
	// edits and words come before it is closed.
	fillers(share(histories, 0.25), share(comments, 0.25))
	ig.closes = true
	return append(steps, (*issueGen).finish)
}

// blockedEpisode: a colleague flags the issue, moves it to Blocked and links
// the blocker; Me clears the way (or the colleague does it alone).
func (ig *issueGen) blockedEpisode() []step {
	g := ig.generator
	steps := []step{(*issueGen).flag, (*issueGen).moveToBlocked, (*issueGen).linkBlocker}
	if g.chance(0.5) {
		steps = append(steps, (*issueGen).question, (*issueGen).answer)
	}
	steps = append(steps, (*issueGen).clearFlag, (*issueGen).unblockStatus)
	if g.chance(0.5) {
		steps = append(steps, (*issueGen).removeBlocker)
	}
	return steps
}

// run gives the steps times spread over the issue's life and plays them.
// Steps that would happen after Now are dropped, so young issues stay open.
func (ig *issueGen) run(steps []step) {
	g := ig.generator
	var life time.Duration
	switch ig.kind {
	case kindEpic:
		life = time.Duration(60+g.pick(150)) * 24 * time.Hour
	case kindIncident:
		// How long it stays open after its all clear, within a day: its
		// updates give times of day without a date.
		life = time.Duration(1+g.pick(16)) * time.Hour
	default:
		life = time.Duration(2+g.pick(40))*24*time.Hour + time.Duration(g.pick(24))*time.Hour
	}
	// A busy issue plays out in full, so that clients meet its long
	// changelog even when it is young.
	if left := g.site.Now.Sub(ig.is.Created) - 24*time.Hour; ig.busy && life > left && left > 0 {
		life = left
	}
	offsets := make([]float64, len(steps))
	for i := range offsets {
		offsets[i] = g.rng.Float64()
	}
	slices.Sort(offsets)
	limit := g.site.Now.Add(-time.Minute)
	planned := func(i int) time.Time {
		at := ig.is.Created.Add(time.Minute + time.Duration(offsets[i]*float64(life))).Truncate(time.Millisecond)
		switch {
		case ig.kind == kindIncident && i < len(ig.facts.response):
			return ig.facts.response[i]
		case ig.kind == kindIncident:
			return ig.facts.resolved.Add(time.Minute + time.Duration(offsets[i]*float64(life))).Truncate(time.Millisecond)
		}
		return workday(at) // incidents keep their night-time hours
	}
	if ig.closes && len(steps) > 0 {
		ig.doneDue = planned(len(steps) - 1)
	}
	if ig.planStep > 0 {
		ig.sprintDue = planned(ig.planStep - 1)
	}
	for i, st := range steps {
		at := planned(i)
		if at.After(limit) {
			return
		}
		if prev := ig.latest(); !at.After(prev) {
			at = prev.Add(time.Minute + time.Duration(g.pick(600))*time.Second)
		}
		if at.After(limit) {
			return
		}
		ig.at = at
		st(ig)
	}
}

// workday moves a time into office hours, 07:00–17:00 UTC on weekdays,
// keeping its minutes, so the demo looks like people's working days.
func workday(t time.Time) time.Time {
	t = t.UTC()
	t = time.Date(t.Year(), t.Month(), t.Day(), 7+t.Hour()%10, t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	switch t.Weekday() {
	case time.Saturday:
		t = t.AddDate(0, 0, 2)
	case time.Sunday:
		t = t.AddDate(0, 0, 1)
	}
	return t
}

func (ig *issueGen) latest() time.Time {
	return maxTime(maxTime(lastHistory(ig.is), lastComment(ig.is)), ig.is.Created)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// ensureMe gives the issue a comment by Me when its story left her out, so
// every demo issue involves her as the demo's JQL assumes.
func (ig *issueGen) ensureMe() {
	g := ig.generator
	at := ig.latest().Add(time.Duration(1+g.pick(48)) * time.Hour)
	if at.After(g.site.Now) {
		at = ig.latest().Add(time.Duration(1+g.pick(50)) * time.Second)
	}
	// A done issue is left alone: Me's words come before it is closed.
	doneAt := ig.doneAt()
	if !doneAt.IsZero() {
		at = doneAt.Add(-time.Duration(1+g.pick(30)) * time.Minute)
	}
	ig.at = at
	if ig.is.Project == g.ops {
		texts := ig.fitStanding(ig.usable(ig.updates()))
		if len(texts) == 0 {
			// Done, and its initiative too, or every update would
			// contradict what Me said of it lately: what it brought, in
			// the release notes.
			texts = slices.DeleteFunc(slices.Clone(releaseComments), func(t string) bool { return !strings.Contains(t, "elease notes") })
		}
		ig.say(g.site.Me, texts)
		ig.noteStanding(ig.is.Comments[len(ig.is.Comments)-1])
	} else {
		ig.say(g.site.Me, crossTeamComments)
	}
	slices.SortStableFunc(ig.is.Comments, func(a, b *Comment) int { return a.Created.Compare(b.Created) })
}

// doneAt is when the issue went to done for the last time; zero while it
// is not done.
func (ig *issueGen) doneAt() time.Time {
	if !ig.done() {
		return time.Time{}
	}
	for _, h := range slices.Backward(ig.is.Histories) {
		for _, it := range h.Items {
			if it.Field == "status" && it.ToString == ig.is.Status.Name {
				return h.Created
			}
		}
	}
	return time.Time{}
}

// worklogs records time spent by whoever did the work. A few issues get many
// entries so clients must page through the worklog endpoint.
func (ig *issueGen) worklogs(i int) {
	g, is := ig.generator, ig.is
	if !ig.worked {
		return
	}
	authors := make([]*User, g.pick(3))
	if ig.owner == g.site.Me {
		authors = make([]*User, 3+g.pick(4))
	}
	if i%71 == 23 {
		authors = make([]*User, 22+g.pick(9))
	}
	for k := range authors {
		authors[k] = ig.owner
	}
	if ig.kind == kindIncident && ig.owner != g.site.Me {
		for range 1 + g.pick(2) {
			authors = append(authors, g.site.Me) // she worked the incident too
		}
	}
	end := maxTime(ig.latest(), is.Created.Add(time.Hour))
	span := end.Sub(is.Created)
	started := make([]time.Time, len(authors))
	for k := range started {
		raw := is.Created.Add(time.Duration(g.rng.Float64() * float64(span))).Truncate(time.Second)
		started[k] = workday(raw)
		if started[k].After(g.site.Now.Add(-8 * time.Hour)) {
			started[k] = raw
		}
	}
	slices.SortFunc(started, time.Time.Compare)
	for k, at := range started {
		seconds := (1 + g.pick(16)) * 30 * 60
		created := at.Add(time.Duration(seconds) * time.Second)
		if created.After(g.site.Now) {
			created = g.site.Now.Add(-time.Minute)
		}
		is.Worklogs = append(is.Worklogs, &Worklog{ID: g.site.nextWorklogID(), Author: authors[k], Comment: pickOf(g, worklogComments),
			Started: at, Created: created, Updated: created, TimeSpentSeconds: seconds})
		if authors[k] == g.site.Me {
			ig.meActed = true
		}
	}
}
