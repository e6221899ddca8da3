package jiratest

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// incidentFacts are what happened in one incident: chosen once, when the
// incident is opened, so that every update on it, the comment that
// resolves it, its postmortem and its follow-ups tell the same story, one
// an interviewee can retell without a number contradicting another.
type incidentFacts struct {
	svc, region string
	cause       *incidentCause
	// The timeline, in order; every time is a whole minute, as the texts
	// give them.
	started    time.Time // the first errors: "since 03:59 UTC"
	alerted    time.Time // the alert fired, alertFor minutes later
	declared   time.Time // the incident issue was opened
	mitigating time.Time // the mitigation (cause.mitigation) started
	mitigated  time.Time // it took: the error rate falls
	resolved   time.Time // back to baseline: the all clear
	alertFor   int       // minutes above threshold before the alert fired
	threshold  int       // the alert's error rate, in percent, below failing
	failing    int       // share of requests failing, in percent
	merchants  int       // merchants affected
	goodVer    string    // the version a rollback goes back to
	badVer     string    // the version a bad deploy brought
	weeks      int       // how long a certificate renewal had been failing
	// mitigator is the colleague on mitigation, who reports that it took.
	mitigator *User
	// response is when the incident's first steps happen: it is started,
	// Me posts an update in each phase, labels it customer-impact and the
	// mitigator reports (see plan).
	response []time.Time
}

// minutes is how long the incident hurt customers: first errors to all clear.
func (f *incidentFacts) minutes() int { return int(f.resolved.Sub(f.started) / time.Minute) }

// incidentPhase is where an incident is at a moment, which decides what an
// update can say: nobody writes "mitigated at" before it is.
type incidentPhase int

const (
	phaseInvestigating incidentPhase = iota // declared, no mitigation yet
	phaseMitigating                         // mitigation under way
	phaseMonitoring                         // mitigated, error rate falling
	phaseResolved                           // back to baseline, issue still open
)

// phaseAt is the phase the incident is in at t.
func (f *incidentFacts) phaseAt(t time.Time) incidentPhase {
	switch {
	case t.Before(f.mitigating):
		return phaseInvestigating
	case t.Before(f.mitigated):
		return phaseMitigating
	case t.Before(f.resolved):
		return phaseMonitoring
	}
	return phaseResolved
}

// incidentCause is a root cause with how it was mitigated and what the
// postmortem asks for, so that the update naming the cause, the
// mitigation and the postmortem agree.
type incidentCause struct {
	brief      string // as an update names it: "root cause looks like …"
	full       string // the postmortem's root cause
	mitigation string // in a word, for the timeline: "rollback"
	fixing     string // the mitigation under way: "rolling … back to …"
	fixed      string // the mitigator's report that it took
	// followUps are the postmortem's action items, the follow-ups it
	// files (phrases.go's followUps, in its order) worded for the cause.
	followUps [4]string
}

// followUp is the summary of the follow-up the postmortem lists as
// template, in the words of the incident's cause.
func (c *incidentCause) followUp(template string) string {
	if i := slices.Index(followUps, template); i >= 0 {
		return c.followUps[i]
	}
	return template
}

var (
	causePool = &incidentCause{
		brief:      "connection pool exhaustion in {$svc} after a config change halved the pool size",
		full:       "Connection pool exhaustion in {$svc} after a config change that halved the pool size.",
		mitigation: "config revert",
		fixing:     "reverting the {$svc} pool config",
		fixed:      "Reverted the {$svc} pool config",
		followUps: [4]string{"Follow-up: alert on {$svc} connection pool saturation", "Follow-up: add the config revert step to the {$svc} runbook",
			"Follow-up: require review for pool size changes", "Follow-up: synthetic check for {$svc} in {$region}"},
	}
	causeCertificate = &incidentCause{
		brief:      "an expired certificate on {$svc}: its renewal job had been failing silently",
		full:       "A certificate on {$svc} expired because its renewal job had been failing silently for {$weeks} weeks.",
		mitigation: "manual renewal",
		fixing:     "renewing the {$svc} certificate by hand",
		fixed:      "Renewed the {$svc} certificate by hand",
		followUps: [4]string{"Follow-up: alert on {$svc} certificate renewal failures", "Follow-up: add the manual renewal step to the {$svc} runbook",
			"Follow-up: alert 14 days before any certificate expires", "Follow-up: synthetic check for {$svc} in {$region}"},
	}
	causeSchema = &incidentCause{
		brief:      "the {$badver} deploy of {$svc}: its schema change is not backwards compatible",
		full:       "A deploy of {$svc} {$badver} with a schema change that was not backwards compatible.",
		mitigation: "rollback",
		fixing:     "rolling {$svc} back to {$goodver}",
		fixed:      "Rolled back {$svc} to {$goodver}",
		followUps: [4]string{"Follow-up: check {$svc} schema changes for compatibility before deploy", "Follow-up: add the rollback step to the {$svc} runbook",
			"Follow-up: expand-and-contract migrations only", "Follow-up: synthetic check for {$svc} in {$region}"},
	}
	causeDisk = &incidentCause{
		brief:      "a full disk on one {$svc} node after log retention was switched off",
		full:       "Disk full on one {$svc} node after log retention was switched off in a cleanup.",
		mitigation: "failover",
		fixing:     "failing {$svc} over to the healthy nodes",
		fixed:      "Failed {$svc} over to the healthy nodes",
		followUps: [4]string{"Follow-up: alert on {$svc} disk usage at 80%", "Follow-up: add the failover step to the {$svc} runbook",
			"Follow-up: require review for log retention changes", "Follow-up: synthetic check for {$svc} in {$region}"},
	}
)

// incidentStreams numbers the streams incident facts are drawn from, one
// per issue id, far from the issues' own (generateIssue).
const incidentStreams = 0x5eed1ec1de470000

// newIncidentFacts chooses the facts of the incident ig opens: on its
// service and region, declared when the issue is created, with the cause
// its summary names. They come from a stream of their own, so the issue's
// own draws, and with them the rest of the site, stay as they were.
func (ig *issueGen) newIncidentFacts() *incidentFacts {
	g, is := ig.generator, ig.is
	id, _ := strconv.Atoi(is.ID)
	r := rand.New(rand.NewPCG(g.seed, incidentStreams+uint64(id)))
	between := func(lo, hi int) int { return lo + r.IntN(hi-lo+1) }
	minutes := func(lo, hi int) time.Duration { return time.Duration(between(lo, hi)) * time.Minute }
	version := func() string {
		return strconv.Itoa(1+r.IntN(4)) + "." + strconv.Itoa(r.IntN(32)) + "." + strconv.Itoa(r.IntN(12))
	}
	f := &incidentFacts{svc: ig.svc, region: ig.region, cause: causeOf(is.Summary, r), declared: is.Created.Truncate(time.Minute)}
	f.alertFor = between(3, 10)
	f.alerted = f.declared.Add(-minutes(3, 12))
	f.started = f.alerted.Add(-time.Duration(f.alertFor) * time.Minute)
	f.mitigating = f.declared.Add(minutes(8, 30))
	f.mitigated = f.mitigating.Add(minutes(6, 25))
	f.resolved = f.mitigated.Add(minutes(10, 40))
	f.failing = between(4, 45)
	thresholds := slices.DeleteFunc([]int{2, 5, 10}, func(t int) bool { return t >= f.failing })
	f.threshold = thresholds[r.IntN(len(thresholds))]
	f.merchants = between(12, 481)
	f.goodVer, f.badVer = version(), version()
	f.weeks = between(2, 5)
	// The assignee works the incident; when that is Me, who coordinates,
	// a teammate is on mitigation. Not the lead who handles merchant comms.
	f.mitigator = is.Assignee
	if f.mitigator == g.site.Me || f.mitigator == ig.otherTeam().Lead {
		team := slices.DeleteFunc(slices.Clone(g.teamAt(is.Project, is.Created)), func(u *User) bool { return u == ig.otherTeam().Lead })
		f.mitigator = team[r.IntN(len(team))]
	}
	// Declared: started at once. Investigating: one update. Mitigating:
	// an update with the customer impact and the label that says so.
	// Mitigated: the mitigator's report, then Me's update.
	at := func(t time.Time) time.Time { return t.Add(time.Duration(r.IntN(60)) * time.Second) }
	start := f.declared.Add(minutes(1, 2))
	status := f.declared.Add(minutes(4, int(f.mitigating.Sub(f.declared)/time.Minute)-1))
	update := f.mitigating.Add(minutes(1, int(f.mitigated.Sub(f.mitigating)/time.Minute)-3))
	report := f.mitigated.Add(minutes(0, 2))
	mitigated := report.Add(minutes(2, int(f.resolved.Sub(report)/time.Minute)-1))
	f.response = []time.Time{at(start), at(status), at(update), at(update.Add(time.Minute)), at(report), at(mitigated)}
	return f
}

// causeOf is the root cause of an incident: the one its summary names,
// else one that fits any incident.
func causeOf(summary string, r *rand.Rand) *incidentCause {
	switch {
	case strings.Contains(summary, "certificate expired"):
		return causeCertificate
	case strings.Contains(summary, "failed deploy"):
		return causeSchema
	}
	return []*incidentCause{causePool, causeSchema, causeDisk}[r.IntN(3)]
}

// incidentSlot fills a slot that names a fact of the issue's incident; ok
// is false for any other slot, or on an issue about no incident.
func (ig *issueGen) incidentSlot(name string) (text string, ok bool) {
	f := ig.facts
	if f == nil {
		return "", false
	}
	clock := func(t time.Time) string { return t.UTC().Format("15:04") }
	switch name {
	case "started":
		return clock(f.started), true
	case "alerted":
		return clock(f.alerted), true
	case "declared":
		return clock(f.declared), true
	case "mitigating":
		return clock(f.mitigating), true
	case "mitigated":
		return clock(f.mitigated), true
	case "resolved":
		return clock(f.resolved), true
	case "minutes":
		return strconv.Itoa(f.minutes()), true
	case "alertfor":
		return strconv.Itoa(f.alertFor), true
	case "threshold":
		return strconv.Itoa(f.threshold), true
	case "failing":
		return strconv.Itoa(f.failing), true
	case "merchants":
		return strconv.Itoa(f.merchants), true
	case "goodver":
		return f.goodVer, true
	case "badver":
		return f.badVer, true
	case "weeks":
		return strconv.Itoa(f.weeks), true
	case "mitigator":
		return ig.mention(f.mitigator), true
	case "cause":
		return ig.fill(f.cause.brief), true
	case "rootcause":
		return ig.fill(f.cause.full), true
	case "mitigation":
		return f.cause.mitigation, true
	case "fixing":
		return ig.fill(f.cause.fixing), true
	case "fixed":
		return ig.fill(f.cause.fixed), true
	case "actions":
		var items []string
		for _, fu := range f.cause.followUps {
			items = append(items, "* "+upperFirst(strings.TrimPrefix(ig.fill(fu), "Follow-up: ")))
		}
		return strings.Join(items, "\n"), true
	}
	return "", false
}

// incidentDescription is the alert that opened the incident, then a trace.
func (ig *issueGen) incidentDescription() string {
	g := ig.generator
	return ig.fresh(func() string {
		trace := pickOf(g, ig.text.traces)
		// The alert line drew its threshold, duration and time at random
		// before they were the incident's facts: as many draws keep the
		// trace's numbers and the rest of the issue as they were.
		g.rng.Uint64()
		g.rng.Uint64()
		g.rng.Uint64()
		return ig.fill("Alert: {$svc} error rate above {$threshold}% for {$alertfor} minutes in {$region}, fired at {$alerted} UTC.\n\n" + trace)
	}, descriptionTails)
}

// postmortemDescription is the postmortem of the issue's incident, its
// numbers the incident's own.
func (ig *issueGen) postmortemDescription() string {
	g := ig.generator
	text := ig.fresh(func() string { return ig.fill(postmortemTemplate) }, descriptionTails)
	// The postmortem used to draw its template (from a list of one), nine
	// numbers and choices for its impact and timeline, its root cause
	// (one more number for the certificate one) and three action items at
	// random. As many draws keep what follows it, its history and how many
	// follow-ups it files, and so the rest of the site, as they were.
	for range 1 + 9 {
		g.rng.Uint64()
	}
	if g.pick(4) == 1 {
		g.rng.Uint64()
	}
	for range 3 {
		g.rng.Uint64()
	}
	return text
}

// incidentUpdate is Me's update on the incident, in the words of its phase.
func (ig *issueGen) incidentUpdate() {
	ig.say(ig.site.Me, incidentUpdates[ig.facts.phaseAt(ig.at)])
}

// mitigatorReport is the colleague on mitigation saying that it took.
func (ig *issueGen) mitigatorReport() {
	ig.say(ig.facts.mitigator, mitigatorReports)
}

// statesIncidentFacts reports whether a colleague's chatter names a time,
// an error rate or a cause: on an incident, its own updates say those.
func statesIncidentFacts(text string) bool {
	return strings.Contains(text, "{$hhmm}") || strings.Contains(text, "error rate") ||
		strings.Contains(text, "Turns out") || strings.Contains(text, "Seen this again") || strings.Contains(text, "broke")
}
