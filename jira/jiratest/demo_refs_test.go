package jiratest_test

import (
	"iter"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

var issueKeyRef = regexp.MustCompile(`\b(?:OPS|PAY|MOB)-\d+\b`)

// summaryWords are the content words of a summary: lower case, without
// the little words every summary has, a plural's s dropped.
func summaryWords(s string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.')
	}) {
		w = strings.Trim(w, "-.")
		if len(w) < 4 || refStopWords[w] {
			continue
		}
		words[strings.TrimSuffix(w, "s")] = true
	}
	return words
}

var refStopWords = map[string]bool{"with": true, "from": true, "after": true, "before": true, "when": true, "into": true,
	"every": true, "each": true, "that": true, "this": true, "than": true, "without": true, "only": true, "once": true,
	"follow-up": true, "postmortem": true, "phase": true, "their": true, "them": true, "keep": true, "keeps": true}

// initiative is the epic an issue is filed under, or is, without its phase.
func initiative(is *jiratest.Issue) string {
	e := is.Parent
	if is.Type.Name == "Epic" {
		e = is
	}
	if e == nil {
		return ""
	}
	name, _, _ := strings.Cut(e.Summary, ", phase ")
	return name
}

// everLinked reports whether a and b were linked at any time: a link
// removed later still stands in a's changelog.
func everLinked(a, b *jiratest.Issue) bool {
	for _, l := range a.Links {
		if l.From == b || l.To == b {
			return true
		}
	}
	for _, h := range a.Histories {
		for _, it := range h.Items {
			if it.FieldID == "issuelinks" && (it.To == b.Key || it.From == b.Key) {
				return true
			}
		}
	}
	return false
}

// demoServices are the services the demo's summaries name.
var demoServices = []string{"alertmanager", "ingress-nginx", "prometheus", "argo-cd", "vault", "postgres-primary", "kafka", "redis-cache",
	"loki", "buildkite-agents", "grafana", "cert-manager", "payments-api", "ledger-service", "payout-worker", "webhook-dispatcher",
	"fraud-scorer", "checkout-gateway", "mobile-bff", "push-gateway", "ios app", "android app", "feature-flag service"}

// refFits reports whether an issue that names other in its words may:
// they are linked (or other is the incident of a linked postmortem), filed
// under one initiative, name the same service, or, in one project, their
// summaries share a content word.
func refFits(is, other *jiratest.Issue) bool {
	if everLinked(is, other) || everLinked(other, is) {
		return true
	}
	for _, l := range is.Links {
		for _, pm := range []*jiratest.Issue{l.From, l.To} {
			if pm != is && strings.HasPrefix(pm.Summary, "Postmortem: ") && everLinked(pm, other) {
				return true
			}
		}
	}
	if a := initiative(is); a != "" && a == initiative(other) {
		return true
	}
	x, y := strings.ToLower(is.Summary), strings.ToLower(other.Summary)
	for _, svc := range demoServices {
		if strings.Contains(x, svc) && strings.Contains(y, svc) {
			return true
		}
	}
	if is.Project != other.Project {
		return false // "queue" on a mobile ticket is not the platform's paging queue
	}
	b := summaryWords(other.Summary)
	for w := range summaryWords(is.Summary) {
		if b[w] {
			return true
		}
	}
	return false
}

// badRefs are the comments and descriptions of site that name an issue
// that does not exist, did not exist yet, or has nothing to do with the
// issue they are on.
func badRefs(site *jiratest.Site) []string {
	var bad []string
	check := func(is *jiratest.Issue, what, text string, at time.Time) {
		for _, key := range issueKeyRef.FindAllString(text, -1) {
			other := site.Issue(key)
			switch {
			case key == is.Key:
			case other == nil:
				bad = append(bad, is.Key+" "+what+" names "+key+", which does not exist: "+text)
			case other.Created.After(at):
				bad = append(bad, is.Key+" "+what+" names "+key+" before it was created: "+text)
			case !refFits(is, other):
				bad = append(bad, is.Key+" ("+is.Summary+") "+what+" names "+key+" ("+other.Summary+"): "+text)
			}
		}
	}
	for _, is := range site.Issues() {
		check(is, "description", is.Description, is.Updated)
		for _, c := range is.Comments {
			check(is, "comment", c.Body, c.Created)
		}
	}
	return bad
}

// demoVariants are the demo sites the reference tests read: the default
// on Cloud and on Data Center, a small one and a large one.
var demoVariants = []jiratest.DemoOptions{
	{Deployment: jiratest.DeploymentCloud, Seed: 1, Now: demoNow},
	{Deployment: jiratest.DeploymentServer, Seed: 7, Now: demoNow},
	{Deployment: jiratest.DeploymentCloud, Issues: 60, Seed: 1, Now: demoNow},
	{Deployment: jiratest.DeploymentCloud, Issues: 500, Seed: 2, Now: demoNow},
}

// madeDemoSites are the sites of demoVariants, made once for all the tests
// that only read them.
var madeDemoSites = sync.OnceValue(func() []*jiratest.Site {
	sites := make([]*jiratest.Site, len(demoVariants))
	for i, opts := range demoVariants {
		sites[i] = jiratest.DemoSite(opts)
	}
	return sites
})

// demoSites yields each of demoVariants with its site, which the caller
// must not change.
func demoSites() iter.Seq2[jiratest.DemoOptions, *jiratest.Site] {
	return func(yield func(jiratest.DemoOptions, *jiratest.Site) bool) {
		for i, site := range madeDemoSites() {
			if !yield(demoVariants[i], site) {
				return
			}
		}
	}
}

// A comment that names another issue ("Hand-off: our part (OPS-1193) is
// done", "Moving this above PAY-3420") names one that has to do with the
// issue it is on: a portfolio quotes it, and a reader who follows the key
// finds an unrelated ticket.
func TestDemoCommentsNameIssuesThatFit(t *testing.T) {
	for opts, site := range demoSites() {
		bad := badRefs(site)
		for i, b := range bad {
			if i == 10 {
				break
			}
			t.Errorf("%s, %d issues, seed %d: %s", opts.Deployment, site.IssueCount(), opts.Seed, b)
		}
		if len(bad) > 0 {
			t.Errorf("%d in all", len(bad))
		}
	}
}

var (
	waitingFor  = regexp.MustCompile(`Blocked: waiting for ((?:OPS|PAY|MOB)-\d+)`)
	finishedIn  = regexp.MustCompile(`finished the change in ((?:OPS|PAY|MOB)-\d+)`)
	flagReasons = []struct{ on, off string }{
		{"Blocked on access", "Access is granted"},
		{"Need a decision on", ""},
	}
)

// A flag comes off for the reason it went on: "Mobile finished the change
// in MOB-807" is said of an issue that was open when the work was flagged
// as waiting for it and is done by the time the flag comes off, never of
// an epic closed months before; a block on admin API access is cleared by
// access, not by another team's change.
func TestDemoBlockersAreOpenAndClearedForTheirReason(t *testing.T) {
	finished := 0
	for _, site := range demoSites() {
		for _, is := range site.Issues() {
			var flag *jiratest.Comment
			for _, c := range is.Comments {
				if strings.HasPrefix(c.Body, "(flag) ") {
					flag = c
					if m := waitingFor.FindStringSubmatch(c.Body); m != nil {
						b := site.Issue(m[1])
						if b == nil || b.Type.Name == "Epic" || b.Created.After(c.Created) || (!b.Resolved.IsZero() && b.Resolved.Before(c.Created)) {
							t.Errorf("%s waits for %s, which is not open work at %s: %q", is.Key, m[1], c.Created, c.Body)
						}
					}
					continue
				}
				if !strings.HasPrefix(c.Body, "(flagoff) ") {
					continue
				}
				if flag == nil {
					t.Errorf("%s: a flag comes off that never went on: %q", is.Key, c.Body)
					continue
				}
				if m := finishedIn.FindStringSubmatch(c.Body); m != nil {
					finished++
					b := site.Issue(m[1])
					if w := waitingFor.FindStringSubmatch(flag.Body); w == nil || w[1] != m[1] {
						t.Errorf("%s: %q clears a flag that did not wait for %s: %q", is.Key, c.Body, m[1], flag.Body)
					} else if b.Resolved.IsZero() || b.Resolved.Before(flag.Created) || b.Resolved.After(c.Created) {
						t.Errorf("%s: %q, but %s was resolved %v (flagged %s, unflagged %s)", is.Key, c.Body, m[1], b.Resolved, flag.Created, c.Created)
					}
				}
				for _, r := range flagReasons {
					if strings.Contains(flag.Body, r.on) && (finishedIn.MatchString(c.Body) || r.off != "" && !strings.Contains(c.Body, r.off)) {
						t.Errorf("%s: flagged %q, cleared with %q", is.Key, flag.Body, c.Body)
					}
				}
			}
		}
	}
	if finished == 0 {
		t.Error("no flag comes off because the blocker was finished: the test reads none of what it guards")
	}
}

var (
	raises = regexp.MustCompile(`Raising priority|Moving this above|putting this ahead of|Moving it up|Ranked this to the top|Prioritising it now|Must-have for|I'd pick this one|more important than`)
	lowers = regexp.MustCompile(`(?:Lowering|Dropping) the priority|Deprioritising|P2, not P1|Nice-to-have|Parking this|outweighs|Not doing this one|nobody has asked for it`)
)

// Me's reasons to move an issue up or down the list never contradict each
// other on one issue ("Raising priority because checkout-gateway has no
// error budget", then "Dropping the priority because checkout-gateway is
// an internal tool"), nor the way she moves its priority field, nor the
// epic: every service the SLO initiative names is tier-1.
func TestDemoPriorityReasonsAgree(t *testing.T) {
	up, down := 0, 0
	for _, site := range demoSites() {
		me := site.MyAccount().DisplayName
		for _, is := range site.Issues() {
			var raised, lowered string
			for _, c := range is.Comments {
				if c.Author.DisplayName != me {
					continue
				}
				if raises.MatchString(c.Body) {
					raised, up = c.Body, up+1
				}
				if lowers.MatchString(c.Body) {
					lowered, down = c.Body, down+1
				}
				if initiative(is) == "SLOs for customer-facing services" && strings.Contains(c.Body, "not tier-1") {
					t.Errorf("%s: an SLO for every tier-1 service, yet %q", is.Key, c.Body)
				}
			}
			for _, h := range is.Histories {
				for _, it := range h.Items {
					if it.FieldID != "priority" || h.Author.DisplayName != me {
						continue
					}
					if it.To < it.From { // ids: 1 is Highest
						raised = "priority " + it.FromString + " to " + it.ToString
					} else {
						lowered = "priority " + it.FromString + " to " + it.ToString
					}
				}
			}
			if raised != "" && lowered != "" {
				t.Errorf("%s: Me both raises (%q) and lowers (%q) it", is.Key, raised, lowered)
			}
		}
	}
	if up == 0 || down == 0 {
		t.Errorf("%d reasons to raise, %d to lower: the test reads none of what it guards", up, down)
	}
}

var sentenceEnd = regexp.MustCompile(`[.:;,](?:\s|$)`)

// decision are the words that open a decision of Me's.
var decision = regexp.MustCompile(`^(?:Decision: |We agreed |We settled on |We're going with |After talking it through with |OK, to close the loop|Closing the loop)`)

// A decision is taken once: "We settled on a 28-day window for every SLO"
// on one issue in April and on another in May reads as two meetings that
// decided the same thing. Only "no new dashboard for this" is said per issue.
func TestDemoDecisionsAreTakenOnce(t *testing.T) {
	for _, site := range demoSites() {
		me := site.MyAccount().DisplayName
		first := map[string]string{}
		for _, is := range site.Issues() {
			in := initiative(is)
			if in == "" {
				continue
			}
			for _, c := range is.Comments {
				if c.Author.DisplayName != me || !decision.MatchString(c.Body) || strings.Contains(c.Body, "no new dashboard") {
					continue
				}
				body := c.Body
				if _, after, ok := strings.Cut(body, ": "); ok && !strings.HasPrefix(body, "Decision: ") && !strings.HasPrefix(body, "We ") {
					body = after // "OK, to close the loop: …", "After talking it through with X: …"
				}
				body = strings.TrimPrefix(body, "Decision: ")
				if loc := sentenceEnd.FindStringIndex(body); loc != nil {
					body = body[:loc[0]] // what was decided, without how it was said
				}
				k := in + "\x00" + body
				if on, ok := first[k]; ok && on != is.Key {
					t.Errorf("%s decides again what %s decided: %q", is.Key, on, c.Body)
				}
				first[k] = is.Key
			}
		}
	}
}

var (
	// teamOf is the team whose board each project is.
	teamOf = map[string]string{"OPS": "Platform", "PAY": "Payments", "MOB": "Mobile"}
	// asAnotherTeam are words that speak of a team as another than the
	// one whose issue they are on.
	asAnotherTeam = regexp.MustCompile(`waiting on \S+ from (\w+)|\bis (\w+) OK with\b|\bdo we need (\w+) to\b|\bthe (\w+) (?:dependency|API change)\b`)
)

// "We're waiting on PAY-3420 from Payments" is said on a Platform issue,
// not on a Payments one, where "from Payments" makes no sense; a Payments
// engineer does not ask whether Payments is OK with their own change.
func TestDemoOnlyAnotherTeamIsSpokenOfAsOne(t *testing.T) {
	spoken := 0
	for opts, site := range demoSites() {
		for _, is := range site.Issues() {
			own := teamOf[is.Project.Key]
			for _, c := range is.Comments {
				for _, m := range asAnotherTeam.FindAllStringSubmatch(c.Body, -1) {
					team := strings.Join(m[1:], "")
					if team == own {
						t.Errorf("%s, seed %d: %s is a %s issue: %q", opts.Deployment, opts.Seed, is.Key, own, c.Body)
					} else if slices.Contains([]string{"Platform", "Payments", "Mobile"}, team) {
						spoken++
					}
				}
			}
		}
	}
	if spoken == 0 {
		t.Error("no comment speaks of another team: the test reads none of what it guards")
	}
}

var (
	// platformServices are the services the Platform team runs.
	platformServices = demoServices[:12]
	// platformPart is Me saying what Platform does on another team's
	// issue, and on what service.
	platformPart = regexp.MustCompile(`we have a maintenance window for (.+?) on \w+day\. Nothing should change on their side|we handle the (.+?) side`)
	// teamPart is Me saying what the other team does.
	teamPart = regexp.MustCompile(`(?:they handle|(?:Payments|Mobile) takes) (the [\w ]+?)(?: and|,)|(?:Payments|Mobile) ships the app side`)
	// partsOf are what each team can take on: Payments has merchants and
	// no app, Mobile an app and no merchants.
	partsOf = map[string][]string{"PAY": {"the client changes", "the merchant comms"}, "MOB": {"the client changes", "the app release"}}
)

// On another team's issue Me splits the work the way the site has it:
// Platform holds a maintenance window on a service it runs ("Nothing
// should change on their side" is not said of their own payments-api, nor
// of the iOS app), and the other team takes a part it has: Payments no
// app release, Mobile no merchant comms.
func TestDemoEachTeamTakesAPartItHas(t *testing.T) {
	parts := 0
	for opts, site := range demoSites() {
		for _, is := range site.Issues() {
			for _, c := range is.Comments {
				for _, m := range platformPart.FindAllStringSubmatch(c.Body, -1) {
					parts++
					if svc := m[1] + m[2]; !slices.Contains(platformServices, svc) {
						t.Errorf("%s, seed %d: %s: Platform does not run %s: %q", opts.Deployment, opts.Seed, is.Key, svc, c.Body)
					}
				}
				for _, m := range teamPart.FindAllStringSubmatch(c.Body, -1) {
					parts++
					part := m[1]
					if part == "" {
						part = "the app release" // ships the app side
					}
					if !slices.Contains(partsOf[is.Project.Key], part) {
						t.Errorf("%s, seed %d: %s is a %s issue: %q", opts.Deployment, opts.Seed, is.Key, teamOf[is.Project.Key], c.Body)
					}
				}
			}
		}
	}
	if parts == 0 {
		t.Error("Me splits no work with another team: the test reads none of what it guards")
	}
}
