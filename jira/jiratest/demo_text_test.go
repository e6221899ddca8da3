package jiratest_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

var demoNow = time.Date(2026, time.November, 22, 10, 0, 0, 0, time.UTC)

// repeatedTexts lists the comment and description texts that appear on more
// than one issue of site, with the first two issues of each.
func repeatedTexts(site *jiratest.Site) []string {
	firstOn := map[string]string{}
	var repeats []string
	note := func(kind, text, key string) {
		if text == "" {
			return
		}
		k := kind + "\x00" + text
		if on, ok := firstOn[k]; ok && on != key {
			repeats = append(repeats, kind+" on "+on+" and "+key+": "+text)
			return
		}
		firstOn[k] = key
	}
	for _, is := range site.Issues() {
		note("description", is.Description, is.Key)
		for _, c := range is.Comments {
			note("comment", c.Body, is.Key)
		}
	}
	return repeats
}

// A demo that pastes the same comment on many issues reads as generated:
// people write each comment for the issue in front of them.
func TestDemoSiteNeverRepeatsACommentOrDescription(t *testing.T) {
	for _, opts := range []jiratest.DemoOptions{
		{Deployment: jiratest.DeploymentCloud, Seed: 1, Now: demoNow},
		{Deployment: jiratest.DeploymentServer, Seed: 7, Now: demoNow},
		{Deployment: jiratest.DeploymentCloud, Seed: 3}, // the default size and clock
		{Deployment: jiratest.DeploymentCloud, Issues: 2000, Seed: 1, Now: demoNow},
	} {
		site := jiratest.DemoSite(opts)
		if repeats := repeatedTexts(site); len(repeats) > 0 {
			t.Errorf("%s site of %d issues, seed %d: %d texts repeat on two issues, first: %q",
				opts.Deployment, site.IssueCount(), opts.Seed, len(repeats), repeats[0])
		}
	}
}

// resultNumbers finds a reported result: a number next to what it counts.
var resultNumbers = regexp.MustCompile(`\d`)

// outcome is the comment in which Me reports what came of her epic: it says
// "Outcome:" or "Result:" and gives numbers.
func outcome(site *jiratest.Site, epic *jiratest.Issue) *jiratest.Comment {
	for _, c := range epic.Comments {
		if c.Author.DisplayName == site.MyAccount().DisplayName &&
			(strings.Contains(c.Body, "Outcome:") || strings.Contains(c.Body, "Result:")) && resultNumbers.MatchString(c.Body) {
			return c
		}
	}
	return nil
}

// Some epics Me owns state success metrics and, when done, report the result
// against them; one she closed never says what came of it, so the portfolio
// has an initiative to lint.
func TestDemoEpicsReportOutcomesExceptOne(t *testing.T) {
	for _, dep := range []string{jiratest.DeploymentCloud, jiratest.DeploymentServer} {
		site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: dep, Seed: 1, Now: demoNow})
		me := site.MyAccount().DisplayName
		var withOutcome, doneWithout []string
		for _, is := range site.Issues() {
			if is.Type.Name != "Epic" || is.Reporter.DisplayName != me {
				continue
			}
			if !strings.Contains(is.Description, "h3. Success metrics") {
				t.Errorf("%s: epic %s states no success metrics", dep, is.Key)
			}
			done := is.Resolution != nil
			c := outcome(site, is)
			switch {
			case c != nil && !done:
				t.Errorf("%s: epic %s reports an outcome but is not done: %q", dep, is.Key, c.Body)
			case c != nil:
				if gap := is.Resolved.Sub(c.Created).Abs(); gap > 10*time.Minute {
					t.Errorf("%s: %s's outcome was written %v away from its closing, want it with the closing", dep, is.Key, gap)
				}
				withOutcome = append(withOutcome, is.Key)
			case done:
				for _, c := range is.Comments {
					if !c.Created.Before(is.Resolved.Add(-10*time.Minute)) && resultNumbers.MatchString(c.Body) {
						t.Errorf("%s: %s has no outcome, but its closing comment gives numbers: %q", dep, is.Key, c.Body)
					}
				}
				doneWithout = append(doneWithout, is.Key)
			}
		}
		if len(withOutcome) < 2 || len(doneWithout) != 1 {
			t.Errorf("%s: Me's done epics with an outcome: %v, without: %v; want at least 2 with and exactly 1 without",
				dep, withOutcome, doneWithout)
		}
	}
}

// "Mei Chen got the answer from Mei Chen" reads as generated, and a
// portfolio quotes it as unblocking: whoever a reply says the answer came
// from is never the colleague who asked.
func TestDemoNobodyGetsTheAnswerFromThemselves(t *testing.T) {
	relayed := regexp.MustCompile(`\[~(?:accountid:)?([^\]]+)\][^\[]{0,20}(?:got the answer from|checked with) \[~(?:accountid:)?([^\]]+)\]`)
	relays := 0
	for w := range 4 {
		for _, dep := range []string{jiratest.DeploymentCloud, jiratest.DeploymentServer} {
			site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: dep, Seed: 1, Now: demoNow.AddDate(0, 0, 7*w)})
			for _, is := range site.Issues() {
				for _, c := range is.Comments {
					for _, m := range relayed.FindAllStringSubmatch(c.Body, -1) {
						if relays++; m[1] == m[2] {
							t.Errorf("%s: %s", is.Key, c.Body)
						}
					}
				}
			}
		}
	}
	if relays == 0 {
		t.Fatal("no reply relays an answer: the test reads none of what it guards")
	}
}

// descriptionAt is is's description as it read at t: the changes made
// since are undone.
func descriptionAt(is *jiratest.Issue, t time.Time) string {
	d := is.Description
	for i := len(is.Histories) - 1; i >= 0 && is.Histories[i].Created.After(t); i-- {
		for _, it := range is.Histories[i].Items {
			if it.FieldID == "description" {
				d = it.FromString
			}
		}
	}
	return d
}

// listUnder is the list under a heading of a description ("Acceptance
// criteria", "Done when"), a Given/When/Then scenario as one item; nil
// when the description has no such heading.
func listUnder(description, heading string) []string {
	_, after, ok := strings.Cut(description, "h3. "+heading)
	if !ok {
		return nil
	}
	_, after, _ = strings.Cut(after, "\n")
	var items []string
	for _, line := range strings.Split(after, "\n") {
		if strings.HasPrefix(line, "h3. ") {
			break
		}
		if strings.HasPrefix(line, "* ") || strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "*Given* ") {
			items = append(items, line)
		}
	}
	return items
}

var (
	namesCriteria = regexp.MustCompile(`acceptance criteria|\bAC\b`)
	allCriteria   = regexp.MustCompile(`\b(both|all \w+) acceptance criteria`)
	criterionN    = regexp.MustCompile(`\bAC (\d+)\b`)
	criterionSays = regexp.MustCompile(`the AC says (\d+)`)
	countWords    = []string{2: "both", 3: "all three", 4: "all four", 5: "all five"}
)

// "Checked against the acceptance criteria: 1 ✓ 2 ✓ 3 ✓" is said of an
// issue whose description has three criteria, not of a bug with a stack
// trace and nothing else: whoever opens the ticket from the portfolio
// counts them. "Meets the AC", "all three acceptance criteria pass", "AC
// 3 isn't met yet", "the AC says 6" and a "Done when" list ticked off all
// hold for the description as it read when the comment was written.
func TestDemoAcceptanceClaimsMatchTheDescription(t *testing.T) {
	claims, ticked := 0, 0
	for opts, site := range demoSites() {
		for _, is := range site.Issues() {
			for _, c := range is.Comments {
				ticks := strings.Count(c.Body, "✓")
				if !namesCriteria.MatchString(c.Body) && ticks == 0 {
					continue
				}
				claims++
				d := descriptionAt(is, c.Created)
				ac := listUnder(d, "Acceptance criteria")
				where := fmt.Sprintf("%s, seed %d: %s (%s, %d criteria)", opts.Deployment, opts.Seed, is.Key, is.Type.Name, len(ac))
				if namesCriteria.MatchString(c.Body) && len(ac) == 0 {
					t.Errorf("%s: its description has no acceptance criteria, yet %q", where, c.Body)
					continue
				}
				if m := allCriteria.FindStringSubmatch(c.Body); m != nil && (len(ac) >= len(countWords) || countWords[len(ac)] != m[1]) {
					t.Errorf("%s: %q", where, c.Body)
				}
				for _, m := range criterionN.FindAllStringSubmatch(c.Body, -1) {
					if n, _ := strconv.Atoi(m[1]); n < 1 || n > len(ac) {
						t.Errorf("%s: %q", where, c.Body)
					}
				}
				if m := criterionSays.FindStringSubmatch(c.Body); m != nil && !strings.Contains(strings.Join(ac, "\n"), m[1]) {
					t.Errorf("%s: the criteria say no %s: %q, criteria %q", where, m[1], c.Body, ac)
				}
				if ticks > 0 {
					ticked++
					list := ac
					if strings.Contains(c.Body, "Done when") {
						list = listUnder(d, "Done when")
					}
					if ticks != len(list) {
						t.Errorf("%s: %d ticks for a list of %d: %q", where, ticks, len(list), c.Body)
					}
				}
			}
		}
	}
	if claims == 0 || ticked == 0 {
		t.Errorf("%d comments speak of acceptance criteria, %d tick them off: the test reads too little of what it guards", claims, ticked)
	}
}

// listedFor is a text's claim of how long its need has waited, and the
// least age that makes it true.
var listedFor = []struct {
	claim *regexp.Regexp
	age   time.Duration
}{
	{regexp.MustCompile(`on the list for a year`), 365 * 24 * time.Hour},
	{regexp.MustCompile(`on the list for most of a year`), 270 * 24 * time.Hour},
	{regexp.MustCompile(`on the list for months`), 60 * 24 * time.Hour},
}

// writtenAt is when text first appeared in is's description: when the
// issue was created, or the change that added it.
func writtenAt(is *jiratest.Issue, text string) time.Time {
	if strings.Contains(descriptionAt(is, is.Created), text) {
		return is.Created
	}
	for _, h := range is.Histories {
		for _, it := range h.Items {
			if it.FieldID == "description" && strings.Contains(it.ToString, text) && !strings.Contains(it.FromString, text) {
				return h.Created
			}
		}
	}
	return is.Created
}

// "This has been on the list for a year" is true of work its initiative
// has listed for a year: the first epic of the initiative the issue is
// filed under was created that long before the words were written. On a
// task filed three weeks after its epic, or under none, a reader who
// opens the epic sees the claim is made up.
func TestDemoAgeClaimsFitTheInitiative(t *testing.T) {
	claims := 0
	for opts, site := range demoSites() {
		for _, is := range site.Issues() {
			for _, l := range listedFor {
				m := l.claim.FindString(is.Description)
				if m == "" {
					continue
				}
				claims++
				at := writtenAt(is, m)
				var first *jiratest.Issue
				if in := initiative(is); in != "" {
					for _, e := range site.Issues() {
						if e.Type.Name == "Epic" && e.Project == is.Project && initiative(e) == in && (first == nil || e.Created.Before(first.Created)) {
							first = e
						}
					}
				}
				switch {
				case first == nil:
					t.Errorf("%s, seed %d: %s is filed under no initiative, yet says %q", opts.Deployment, opts.Seed, is.Key, m)
				case at.Sub(first.Created) < l.age:
					t.Errorf("%s, seed %d: %s says %q on %s, %d days after its initiative's first epic %s",
						opts.Deployment, opts.Seed, is.Key, m, at.Format("2006-01-02"), int(at.Sub(first.Created).Hours()/24), first.Key)
				}
				break
			}
		}
	}
	if claims == 0 {
		t.Error("no description says how long its need has waited: the test reads none of what it guards")
	}
}

var (
	sameError       = regexp.MustCompile(`same error as in the description`)
	descriptionSays = regexp.MustCompile(`what the description says`)
	asDescribed     = regexp.MustCompile(`as in the description: ([^.]+\.)`)
	metricsThere    = regexp.MustCompile(`success metrics are in the description`)
)

// A comment that points at the description ("Reproduced on staging —
// same error as in the description", "the change does what the
// description says") points at one that has what it says: an error in a
// {code} block, any words at all, the goal it quotes, success metrics.
func TestDemoCommentsPointAtWhatTheDescriptionHas(t *testing.T) {
	pointers := 0
	for opts, site := range demoSites() {
		for _, is := range site.Issues() {
			for _, c := range is.Comments {
				d := descriptionAt(is, c.Created)
				var wrong bool
				switch {
				case sameError.MatchString(c.Body):
					wrong = !strings.Contains(d, "{code")
				case descriptionSays.MatchString(c.Body):
					wrong = strings.TrimSpace(d) == ""
				case asDescribed.MatchString(c.Body):
					wrong = !strings.Contains(d, asDescribed.FindStringSubmatch(c.Body)[1])
				case metricsThere.MatchString(c.Body):
					wrong = !strings.Contains(d, "Success metrics")
				default:
					continue
				}
				pointers++
				if wrong {
					t.Errorf("%s, seed %d: %s: %q, but the description reads %q", opts.Deployment, opts.Seed, is.Key, c.Body, d)
				}
			}
		}
	}
	if pointers == 0 {
		t.Error("no comment points at the description: the test reads none of what it guards")
	}
}

// sighting is a colleague seeing a bug's symptoms again.
var sighting = regexp.MustCompile(`^(?:Reproduced on staging|Seen this again|\+1, hit this)|mentioned this on the call .*they see it`)

// "Reproduced on staging with 4.9.9" is said of a bug: an epic's goal or
// a story's wish has nothing to reproduce.
func TestDemoOnlyBugsAreSeenAgain(t *testing.T) {
	seen := 0
	for opts, site := range demoSites() {
		for _, is := range site.Issues() {
			for _, c := range is.Comments {
				if !sighting.MatchString(c.Body) {
					continue
				}
				seen++
				if is.Type.Name != "Bug" {
					t.Errorf("%s, seed %d: %s is a %s (%s): %q", opts.Deployment, opts.Seed, is.Key, is.Type.Name, is.Summary, c.Body)
				}
			}
		}
	}
	if seen == 0 {
		t.Error("nobody sees a bug again: the test reads none of what it guards")
	}
}

// "I'll add it to the description" is a promise the site shows kept: its
// author changes the description after saying so. Me's answers used to
// close with it and never did; the demo now makes no such promise, and
// this keeps it from coming back unkept.
func TestDemoPromisedDescriptionsAreWritten(t *testing.T) {
	for opts, site := range demoSites() {
		for _, is := range site.Issues() {
			for _, c := range is.Comments {
				if !strings.Contains(c.Body, "I'll add it to the description") {
					continue
				}
				kept := false
				for _, h := range is.Histories {
					for _, it := range h.Items {
						kept = kept || it.FieldID == "description" && h.Author.DisplayName == c.Author.DisplayName && !h.Created.Before(c.Created)
					}
				}
				if !kept {
					t.Errorf("%s, seed %d: %s: %q, and the description never changes after", opts.Deployment, opts.Seed, is.Key, c.Body)
				}
			}
		}
	}
}
