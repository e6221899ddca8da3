package jiratest_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// incidentTexts are the texts that tell one incident: its description and
// comments, and the descriptions of the postmortem and follow-ups that
// name it (a cross-link may relate it to another incident's).
type incidentTexts struct {
	incident *jiratest.Issue
	texts    []incidentText
}

type incidentText struct {
	where string // "OPS-12 comment 3", for the failure message
	body  string
	// posted is when it was written; zero for the description of a
	// postmortem or follow-up, which may be filled in after the issue is
	// opened.
	posted time.Time
}

func textsOfIncidents(site *jiratest.Site) []incidentTexts {
	var out []incidentTexts
	for _, is := range site.Issues() {
		if !slices.Contains(is.Labels, "incident") {
			continue
		}
		it := incidentTexts{incident: is}
		it.texts = append(it.texts, incidentText{where: is.Key + " description", body: is.Description, posted: is.Created})
		for n, c := range is.Comments {
			it.texts = append(it.texts, incidentText{where: fmt.Sprintf("%s comment %d", is.Key, n+1), body: c.Body, posted: c.Created})
		}
		for _, other := range site.Issues() {
			switch {
			case slices.Contains(other.Labels, "postmortem") && strings.HasPrefix(other.Description, "h3. Summary\n"+is.Key+": "):
				it.texts = append(it.texts, incidentText{where: other.Key + " (postmortem) description", body: other.Description})
			case slices.Contains(other.Labels, "follow-up") && strings.Contains(other.Description, " of "+is.Key+":"):
				it.texts = append(it.texts, incidentText{where: other.Key + " (follow-up) description", body: other.Description})
			}
		}
		out = append(out, it)
	}
	return out
}

// incidentClocks find the times of day an incident's texts give, each
// pattern's groups the time of its moment; a range "(15:06–16:24 UTC)"
// gives the first errors and the all clear.
var incidentClocks = []struct {
	moment string
	re     *regexp.Regexp
}{
	{"started", regexp.MustCompile(`\((\d\d:\d\d)–\d\d:\d\d UTC\)`)},
	{"resolved", regexp.MustCompile(`\(\d\d:\d\d–(\d\d:\d\d) UTC\)`)},
	{"started", regexp.MustCompile(`(?i)(?:errors[\w -]* since|failing since|the dip from) (\d\d:\d\d) UTC`)},
	{"started", regexp.MustCompile(`\* (\d\d:\d\d) first errors`)},
	{"alerted", regexp.MustCompile(`fired at (\d\d:\d\d) UTC|\* (\d\d:\d\d) alert fired`)},
	{"declared", regexp.MustCompile(`\* (\d\d:\d\d) incident declared`)},
	{"mitigating", regexp.MustCompile(`mitigation in progress since (\d\d:\d\d) UTC|, started at (\d\d:\d\d) UTC|\* (\d\d:\d\d) mitigation \(`)},
	{"mitigated", regexp.MustCompile(`Mitigated at (\d\d:\d\d) UTC|\* (\d\d:\d\d) mitigated, error rate falling`)},
	{"resolved", regexp.MustCompile(`(?:All clear|back to baseline|back to green) since (\d\d:\d\d) UTC|Resolved at (\d\d:\d\d) UTC|\* (\d\d:\d\d) error rate back to baseline`)},
}

// laterClocks are times of day a text looks ahead to; they state nothing
// that happened.
var laterClocks = regexp.MustCompile(`(?i)next update at \d\d:\d\d|(?:by|before|until) \d\d:\d\d UTC|Back from [^.()]* at \d\d:\d\d UTC|(?:Mon|Tues|Wednes|Thurs|Fri)day \d\d:\d\d (?:UTC|CET)`)

var (
	anyClock        = regexp.MustCompile(`\b\d\d:\d\d\b`)
	merchantCounts  = regexp.MustCompile(`\b(\d+) merchants\b`)
	failingShares   = regexp.MustCompile(`~(\d+)%`)
	alertThresholds = regexp.MustCompile(`above (\d+)% for (\d+) minutes`)
	impactMinutes   = regexp.MustCompile(`(?:Impact window|failed for|failing for) (\d+) minutes|(\d+) minutes (?:after the first errors|of errors)`)
	anyMinutes      = regexp.MustCompile(`\b\d+ minutes`)
)

// An incident in the demo is one story: the time the errors started, when
// mitigation began and took, the all clear, how long it lasted, the share
// of requests failing and how many merchants it hit are the same in its
// updates, the comment that resolves it, its postmortem and follow-ups,
// and they come in order, so that a story told from them holds together.
func TestDemoIncidentsTellOneSetOfFacts(t *testing.T) {
	for _, opts := range []jiratest.DemoOptions{
		{Deployment: jiratest.DeploymentCloud, Seed: 1, Now: demoNow, TeamBacklog: true, TeamIssues: 40}, // pmfolio demo
		{Deployment: jiratest.DeploymentCloud, Seed: 3, Now: demoNow},
		{Deployment: jiratest.DeploymentServer, Seed: 7, Now: demoNow},
		{Deployment: jiratest.DeploymentCloud, Issues: 2000, Seed: 1, Now: demoNow},
	} {
		site := jiratest.DemoSite(opts)
		told := 0
		for _, it := range textsOfIncidents(site) {
			if checkIncident(t, opts, it) {
				told++
			}
		}
		if told < 5 {
			t.Errorf("seed %d, %d issues: %d incidents tell their start, all clear, duration, share failing and merchants, want at least 5",
				opts.Seed, site.IssueCount(), told)
		}
	}
}

// checkIncident reports where the texts of it disagree about the incident,
// and whether they say all of its facts.
func checkIncident(t *testing.T, opts jiratest.DemoOptions, it incidentTexts) bool {
	t.Helper()
	name := fmt.Sprintf("seed %d: %s %q", opts.Seed, it.incident.Key, it.incident.Summary)
	clocks := map[string]string{} // moment → "15:04"
	numbers := map[string]int{}   // merchants, failing, minutes, alert-for
	state := func(kind, value, where string, facts map[string]string) {
		if seen, ok := facts[kind]; ok && seen != value {
			t.Errorf("%s: %s says %s is %s, an earlier text says %s", name, where, kind, value, seen)
			return
		}
		facts[kind] = value
	}
	count := func(kind string, n int, where string) {
		if seen, ok := numbers[kind]; ok && seen != n {
			t.Errorf("%s: %s says %s is %d, an earlier text says %d", name, where, kind, n, seen)
			return
		}
		numbers[kind] = n
	}
	type statement struct {
		moment, clock string
		text          incidentText
	}
	var past []statement
	// The team backlog's incidents are written by hand (team.go); a
	// generated one opens with its alert.
	generated := strings.HasPrefix(it.incident.Description, "Alert:")
	for _, tx := range it.texts {
		body := laterClocks.ReplaceAllString(tx.body, "")
		known := map[int]bool{}
		for _, c := range incidentClocks {
			for _, m := range c.re.FindAllStringSubmatchIndex(body, -1) {
				for g := 1; 2*g < len(m); g++ {
					if m[2*g] < 0 {
						continue
					}
					clock := body[m[2*g]:m[2*g+1]]
					known[m[2*g]] = true
					state(c.moment, clock, tx.where, clocks)
					past = append(past, statement{c.moment, clock, tx})
				}
			}
		}
		for _, m := range anyClock.FindAllStringIndex(body, -1) {
			if !known[m[0]] && generated {
				t.Errorf("%s: %s gives a time the test cannot place, %s: %q", name, tx.where, body[m[0]:m[1]], tx.body)
			}
		}
		for _, m := range merchantCounts.FindAllStringSubmatch(body, -1) {
			n, _ := strconv.Atoi(m[1])
			count("merchants", n, tx.where)
		}
		for _, m := range failingShares.FindAllStringSubmatch(body, -1) {
			n, _ := strconv.Atoi(m[1])
			count("share failing", n, tx.where)
		}
		for _, m := range alertThresholds.FindAllStringSubmatch(body, -1) {
			threshold, _ := strconv.Atoi(m[1])
			count("alert threshold", threshold, tx.where)
			minutes, _ := strconv.Atoi(m[2])
			count("minutes before the alert", minutes, tx.where)
		}
		rest := alertThresholds.ReplaceAllString(body, "")
		for _, m := range impactMinutes.FindAllStringSubmatch(rest, -1) {
			n, _ := strconv.Atoi(m[1] + m[2])
			count("minutes of impact", n, tx.where)
		}
		if n := len(anyMinutes.FindAllString(impactMinutes.ReplaceAllString(rest, ""), -1)); n > 0 && generated {
			t.Errorf("%s: %s gives a duration the test cannot place: %q", name, tx.where, tx.body)
		}
	}

	// In order, each after the one before, within a day.
	order := []string{"started", "alerted", "declared", "mitigating", "mitigated", "resolved"}
	offset := func(moment string) (int, bool) {
		clock, ok := clocks[moment]
		if !ok {
			return 0, false
		}
		if _, ok := clocks["started"]; !ok {
			return 0, false
		}
		return minutesBetween(clocks["started"], clock), true
	}
	last, lastMoment := 0, "started"
	for _, moment := range order[1:] {
		at, ok := offset(moment)
		if !ok {
			continue
		}
		if at <= last || at > 12*60 {
			t.Errorf("%s: %s at %s does not come after %s at %s", name, moment, clocks[moment], lastMoment, clocks[lastMoment])
		}
		last, lastMoment = at, moment
	}
	if d, ok := offset("resolved"); ok {
		if n, said := numbers["minutes of impact"]; said && n != d {
			t.Errorf("%s: the impact lasted %d minutes, but its errors started at %s and the all clear was at %s", name, n, clocks["started"], clocks["resolved"])
		}
	}
	if a, ok := offset("alerted"); ok {
		if n, said := numbers["minutes before the alert"]; said && n != a {
			t.Errorf("%s: the alert fired after %d minutes above its threshold, but errors started at %s and it fired at %s", name, n, clocks["started"], clocks["alerted"])
		}
	}
	if threshold, ok := numbers["alert threshold"]; ok {
		if share, said := numbers["share failing"]; said && threshold >= share {
			t.Errorf("%s: the alert fires above %d%% but only ~%d%% of requests failed", name, threshold, share)
		}
	}
	if declared, ok := clocks["declared"]; ok && declared != it.incident.Created.UTC().Format("15:04") {
		t.Errorf("%s: declared at %s but opened at %s", name, declared, it.incident.Created.UTC().Format("15:04"))
	}

	// Nobody writes what has not happened yet. The first errors are the
	// latest time of day with their clock before the incident was opened.
	if s, ok := clocks["started"]; ok {
		start := latestAt(s, it.incident.Created)
		for _, st := range past {
			if st.text.posted.IsZero() {
				continue
			}
			at := start.Add(time.Duration(minutesBetween(s, st.clock)) * time.Minute)
			if posted := st.text.posted.UTC().Truncate(time.Minute); posted.Before(at) || posted.Sub(start) >= 24*time.Hour {
				t.Errorf("%s: %s, written at %s, says %s was at %s", name, st.text.where, posted.Format("Jan 2 15:04"), st.moment, at.Format("Jan 2 15:04"))
			}
		}
	}
	for _, fact := range []string{"started", "resolved"} {
		if _, ok := clocks[fact]; !ok {
			return false
		}
	}
	for _, fact := range []string{"merchants", "share failing", "minutes of impact"} {
		if _, ok := numbers[fact]; !ok {
			return false
		}
	}
	return true
}

// minutesBetween is how many minutes the clock to is after from, within a day.
func minutesBetween(from, to string) int {
	f, _ := time.Parse("15:04", from)
	t, _ := time.Parse("15:04", to)
	return int((t.Sub(f)/time.Minute + 24*60) % (24 * 60))
}

// latestAt is the latest time at or before t whose clock is clock.
func latestAt(clock string, t time.Time) time.Time {
	c, _ := time.Parse("15:04", clock)
	t = t.UTC()
	at := time.Date(t.Year(), t.Month(), t.Day(), c.Hour(), c.Minute(), 0, 0, time.UTC)
	if at.After(t) {
		at = at.AddDate(0, 0, -1)
	}
	return at
}
