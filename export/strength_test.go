package export

import (
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestRestates(t *testing.T) {
	goal := "Cut EU checkout timeouts below 0.5% by the end of Q1. Success metrics: timeout rate under 0.5% for 4 weeks."
	for _, tt := range []struct {
		quote string
		want  bool
	}{
		{"Goal of this epic, in one line: cut EU checkout timeouts below 0.5% by the end of Q1.", true},
		{"Kick-off notes. Goal, as in the description: Cut EU checkout timeouts below 0.5% by the end of Q1. First milestone is staging.", true},
		{"Timeouts are at 0.8% in EU checkout; the retry change ships Thursday.", false},
		{"Cut it.", false},
	} {
		if got := restates(tt.quote, goal); got != tt.want {
			t.Errorf("restates(%q) = %v, want %v", tt.quote, got, tt.want)
		}
	}
	if restates("Goal: ship it now please", "Ship it.") {
		t.Error("a goal of fewer than five words is restated by any quote holding them")
	}
}

// The brief shows an initiative's goal once: a comment that only repeats
// it is no proof of what the user did, however many proofs are wanted.
func TestTheBriefDoesNotQuoteTheGoalAgain(t *testing.T) {
	p := typicalPortfolio()
	epic := fixtureIssue{"10100", "PAY-101", "Epic", "EU checkout reliability", "", me, "indeterminate", nil}
	restating := jiraItem(epic, evidence.SourceComment, "40001", "2026-02-01T09:00:00Z", evidence.CatEpicOwnership,
		"comment.epic-goals", 0.8, "Goal of this epic, in one line: cut EU checkout timeouts below 0.5% by the end of Q1.")
	// The epic's own status note would take the epic's one place among
	// the proofs: without it, the restating comment is next in line.
	p.Evidence = slices.DeleteFunc(p.Evidence, func(e evidence.Evidence) bool { return e.SourceID == "10470" })
	p.Evidence = append(p.Evidence, restating)
	r := newReport(p, Options{})
	for _, in := range r.initiatives {
		if in.epic.Key != "PAY-101" {
			continue
		}
		proofs := r.proofs(r.strengths, in, 50, &quoteSet{})
		if len(proofs) < 2 {
			t.Fatalf("PAY-101 has %d proofs in the user's words, want the others", len(proofs))
		}
		for _, e := range proofs {
			if e.ID == restating.ID {
				t.Errorf("the brief quotes %q under the goal it repeats", e.Excerpt)
			}
		}
		return
	}
	t.Fatal("no initiative PAY-101")
}

// A piece of work put off in plain words is a decision, and a "no" a story
// about pushing back can tell; "drop a note" is neither.
func TestPutOffWorkReadsAsADecisionAndANo(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"talked to Lena, we'll drop the CSV export for now and revisit in Q3.", true},
		{"Let's park the dark mode work for now, the release is full.", true},
		{"We can revisit this in Q3 once the migration is done.", true},
		{"PAY vault can't tokenize Amex yet, so Amex stays out of v1.", true},
		{"I'll drop a note in the channel for now.", false},
		{"Dropping the cache for now fixed the flaky test.", false},
		{"Let's revisit the numbers tomorrow.", false},
		{"Kept out of the office by the strike, back Monday.", false},
	} {
		e := &evidence.Evidence{Source: evidence.SourceComment, Category: evidence.CatDecisionMaking, Excerpt: tt.text}
		if got := readsAsDecision.MatchString(tt.text); got != tt.want {
			t.Errorf("readsAsDecision(%q) = %v, want %v", tt.text, got, tt.want)
		}
		if got := pushback(e) >= 2; got != tt.want {
			t.Errorf("pushback(%q) = %d, want a no: %v", tt.text, pushback(e), tt.want)
		}
	}
}

// Of equals, the order does not depend on the ids, which hash the site's
// address: the same site synced from another port ranks the same.
func TestStrongestFirstDoesNotDependOnTheIDs(t *testing.T) {
	const when = "2026-03-04T15:12:00Z"
	for _, ids := range [][2]string{{"ev_a", "ev_b"}, {"ev_b", "ev_a"}} {
		decision := jiraItem(storyTO, evidence.SourceComment, "7", when, evidence.CatDecisionMaking, "comment.x", 0.8, "We keep it.")
		priority := jiraItem(storyTO, evidence.SourceComment, "7", when, evidence.CatPrioritization, "comment.x", 0.8, "We keep it.")
		decision.ID, priority.ID = ids[0], ids[1]
		ranked := strengths{}.strongestFirst([]*evidence.Evidence{&priority, &decision})
		if ranked[0].item.Category != evidence.CatDecisionMaking {
			t.Errorf("with ids %v, %s ranks first", ids, ranked[0].item.Category)
		}
	}
}

// What a quote says is what is left once the check marks, the list
// numbers they tick and the words that say only that a check was made are
// taken out: "1 ✓ 2 ✓ 3 ✓" and "Verified against the 'Done when' list"
// tell a reader nothing they could check.
func TestWhatAQuoteSaysLeavesOutTicksAndCheckedOnlyWords(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Verified against the 'Done when' list with Sam: 1 ✓ 2 ✓ 3 ✓. Closing.", "with Sam:"},
		{"Checked against the acceptance criteria: 1 ✓ 2 ✓ 3 ✓. Verified in staging, closing.", "Verified in staging,"},
		{"Verified. Meets AC. Closing.", "Verified."},
		{"Walked through the AC on staging with Oskar from sales. All good, verified.", "on staging with Oskar from sales. verified."},
		{"Verified against the 'Done when' list: marketing and support signed off the four categories.", "marketing and support signed off the four categories."},
		{"Verified in SIT: sweep triggered at 50,001 and not at 50,000. 12/12 test cases passed. Closing.", "Verified in SIT: sweep triggered at 50,001 and not at 50,000. 12/12 test cases passed."},
		{"Closing the epic: success metrics met.", "Closing the epic: success metrics met."},
		{"Upgrade 1.28 → 1.30 in 5 clusters.", "Upgrade 1.28 → 1.30 in 5 clusters."},
	} {
		if got := strings.Join(strings.Fields(whatItSays(tt.text)), " "); got != tt.want {
			t.Errorf("whatItSays(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A verification that says only that it was made ("Verified against the
// 'Done when' list with Sam: 1 ✓ 2 ✓ 3 ✓.") is the weakest proof of its
// initiative: the slot goes to what says something, however plain. It
// took the demo's Kubernetes initiative's third slot.
func TestAQuoteThatSaysOnlyThatItWasCheckedWeighsLittle(t *testing.T) {
	const when = "2026-08-04T15:00:00Z"
	ticked := jiraItem(storyTO, evidence.SourceComment, "20894", when, evidence.CatAcceptanceTesting, "comment.acceptance", 0.8,
		"Verified against the 'Done when' list with Sam: 1 ✓ 2 ✓ 3 ✓. Closing.")
	unflagged := jiraItem(storyRetry, evidence.SourceComment, "20890", when, evidence.CatUnblocking, "comment.unflag-note", 0.75,
		"Flag removed: Got the decision from Priya from support, you can carry on.")
	decision := jiraItem(taskRetry, evidence.SourceComment, "20720", when, evidence.CatDecisionMaking, "comment.decision-marked", 0.8,
		"Decision: we upgrade production one cluster a week, not all in one weekend.")
	picked := strengths{}.pickVaried([]*evidence.Evidence{&ticked, &unflagged, &decision}, 2, nil)
	for _, e := range picked {
		if e == &ticked {
			t.Errorf("picked %q over %q", ticked.Excerpt, unflagged.Excerpt)
		}
	}
	said := jiraItem(checkoutAPI, evidence.SourceComment, "20800", when, evidence.CatAcceptanceTesting, "comment.acceptance", 0.8,
		"Verified against the 'Done when' list: a test alert for vault paged only the owning team.")
	if s := (strengths{}); s.of(&ticked) >= s.of(&said) {
		t.Errorf("a verification that says nothing scores %.2f, one that says what it found %.2f", s.of(&ticked), s.of(&said))
	}
}

// A number measured against another ("0.81% vs 0.79% control, within
// noise") weighs more than a bare number ("at 5% of web traffic"): it is
// the check a call was made on, where the other is a status. Kestrel's
// ramp proof quoted the 5% note.
func TestANumberMeasuredAgainstAnotherWeighsMore(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"25% now. payment failure rate 0.81% vs 0.79% control, within noise", true},
		{"12 tickets vs 30 last month", true},
		{"conversion 2.6% versus 2.1% in the control group", true},
		{"p95 is 180 ms, down from 420 ms", true},
		{"error rate 0.4% at 25%, within the noise", true},
		{"at 5% of web traffic since this morning. watching payment failures on the dashboard", false},
		{"webhook vs polling: webhooks, one call instead of 60", false},
		{"moved 4 issues from 4.13 to 4.14", false},
		{"within noise, checking again tomorrow", false},
		{"down from the cluster", false},
	} {
		if got := measuresAgainst.MatchString(tt.text); got != tt.want {
			t.Errorf("measuresAgainst(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	const when = "2026-09-08T10:00:00Z"
	status := jiraItem(checkoutBug, evidence.SourceComment, "70020", when, evidence.CatReleasePlanning, "comment.release", 0.7,
		"at 5% of web traffic since this morning. watching payment failures on the dashboard")
	check := jiraItem(checkoutBug, evidence.SourceComment, "70021", when, evidence.CatReleasePlanning, "comment.release", 0.7,
		"25% now. payment failure rate 0.81% vs 0.79% control, within noise")
	if ranked := (strengths{}).strongestFirst([]*evidence.Evidence{&status, &check}); ranked[0].item != &check {
		t.Errorf("%q ranks above %q", ranked[0].item.Excerpt, check.Excerpt)
	}
}

// The digits of a name are no figure: a follow-up's "From the postmortem
// OPS-1221 of OPS-1220: synthetic check for ingress-nginx in eu-central-1"
// read as data and took the demo's first initiative's third slot from a
// decision. Figures still count, a bare version among them.
func TestTheDigitsOfANameAreNoFigure(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"From the postmortem OPS-1221 of OPS-1220: synthetic check for ingress-nginx in eu-central-1.", false},
		{"Reuse the pattern from PROJ-A-12.", false},
		{"Added to the platform-2026.03 release notes under 'Improvements'.", false},
		{"p95 latency and S3 costs, upgraded to v2.3", false},
		{"Goal: Every tier-1 service has an availability SLO.", false},
		{"[~5e8f1a2b3c4d5e0068f9a0b1] is reverting the pool config", false},
		{"cut the list from 14 to 5", true},
		{"Mitigated at 22:33 UTC", true},
		{"Impact: ~26% of requests failing", true},
		{"about $3k a month", true},
		{"Ok understood, 4.14 is fine", true},
		{"Still ~26% failing. [~5e8f1a2b] is on it", true},
		{"p95 at 180 ms, down from 420 ms", true},
		{"OPS-1191 can wait: on-call loses 4 hours a shift", true},
	} {
		if got := hasFigure(tt.text); got != tt.want {
			t.Errorf("hasFigure(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	const when = "2026-04-20T10:00:00Z"
	followUp := jiraItem(checkoutBug, evidence.SourceIssue, "", when, evidence.CatIncidentCoord, "issue.postmortem", 0.8,
		"From the postmortem OPS-1221 of OPS-1220: synthetic check for ingress-nginx in eu-central-1.")
	named := jiraItem(checkoutBug, evidence.SourceIssue, "", when, evidence.CatIncidentCoord, "issue.postmortem", 0.8,
		"From the postmortem PM of INC: synthetic check for ingress-nginx in Frankfurt.")
	counted := jiraItem(checkoutBug, evidence.SourceIssue, "", when, evidence.CatIncidentCoord, "issue.postmortem", 0.8,
		"From the postmortem PM of INC: synthetic check for ingress-nginx in 3 regions.")
	if got, want := substance(&followUp), substance(&named); got != want {
		t.Errorf("substance of %q = %.2f, want %.2f as without its keys", followUp.Excerpt, got, want)
	}
	if substance(&counted) <= substance(&named) {
		t.Errorf("a figure adds nothing to %q", counted.Excerpt)
	}
}

// A follow-up filed from a form, its words pasted on the other follow-ups
// ("From the postmortem OPS-1221 of OPS-1220: … Why: Without this, the
// same failure pages us again …"), weighs below the user's own update on
// the incident, however rare incidents are; the same words filed on two
// issues are still the user's own.
func TestAFollowUpFiledFromAFormWeighsBelowTheUsersOwnUpdate(t *testing.T) {
	followUpOn := func(key, postmortem, what string) evidence.Evidence {
		is := fixtureIssue{"2" + key[4:], key, "Task", "Follow-up: " + what, "", me, "done", nil}
		return jiraItem(is, evidence.SourceIssue, key, "2026-04-20T07:00:00Z", evidence.CatIncidentCoord, "issue.postmortem", 0.8,
			"From the postmortem "+postmortem+" of OPS-1220: "+what+". Why: Without this, the same failure pages us again and we only see it from customer tickets.")
	}
	incident := fixtureIssue{"21220", "OPS-1220", "Incident", "INC: alert storm from ingress-nginx", "", me, "done", nil}
	update := jiraItem(incident, evidence.SourceComment, "70001", "2026-04-14T22:44:00Z", evidence.CatIncidentCoord, "comment.incident", 0.8,
		"Update: root cause looks like connection pool exhaustion in ingress-nginx after a config change halved the pool size. Mitigated at 22:33 UTC by reverting the pool config.")
	filed := []evidence.Evidence{
		followUpOn("OPS-1222", "OPS-1221", "synthetic check for ingress-nginx in eu-central-1"),
		followUpOn("OPS-1260", "OPS-1259", "add the rollback step to the alertmanager runbook"),
		followUpOn("OPS-1280", "OPS-1277", "synthetic check for vault in us-east-1"),
	}
	weigh := func(filed []evidence.Evidence) (form bool, followUp, own float64) {
		p := typicalPortfolio()
		p.Evidence = append(slices.Concat(p.Evidence, filed), update)
		s := newStrengths(newView(p))
		for i := range p.Evidence {
			switch e := &p.Evidence[i]; e.ID {
			case filed[0].ID:
				form, followUp = s.filledIn(e), s.of(e)
			case update.ID:
				own = s.of(e)
			}
		}
		return form, followUp, own
	}
	form, followUp, own := weigh(filed)
	if !form || followUp >= own {
		t.Errorf("filed on three issues: form = %v, the follow-up weighs %.2f, the update %.2f; want a form, below the update", form, followUp, own)
	}
	if twice, onTwo, _ := weigh(filed[:2]); twice || onTwo <= followUp {
		t.Errorf("filed on two issues: form = %v, weighs %.2f; want the user's own words, above the form's %.2f", twice, onTwo, followUp)
	}
}

// formFiledPortfolio is the outage portfolio with its follow-up PAY-190
// filed from a form the user pasted on two more issues.
func formFiledPortfolio() evidence.Portfolio {
	const why = " Why: Without this, the same failure pages us again and we only see it from customer tickets."
	p := outagePortfolio()
	for i, e := range p.Evidence {
		if e.IssueKey == outageCanary.key && e.Source == evidence.SourceIssue {
			p.Evidence[i].Excerpt = "From the postmortem OPS-91 of OPS-90: canary check for the tokenize response." + why
		}
	}
	for _, key := range []string{"OPS-95", "OPS-96"} {
		other := fixtureIssue{"3" + key[4:], key, "Task", "Follow-up " + key, "", me, "done", nil}
		p.Evidence = append(p.Evidence, jiraItem(other, evidence.SourceIssue, key, "2026-08-13T11:00:00Z", evidence.CatIncidentCoord, "issue.postmortem", 0.8,
			"From the postmortem OPS-81 of OPS-80: a check for "+key+"."+why))
	}
	return p
}

// A follow-up filed from a form is told in a story by its summary alone:
// "From the postmortem OPS-91 of OPS-90: …" quoted would read as the
// user's words, where the follow-up's own quote is.
func TestAFollowUpFiledFromAFormIsToldByItsSummary(t *testing.T) {
	p := formFiledPortfolio()
	stories := render(t, func(w io.Writer, p evidence.Portfolio) error {
		return Stories(w, p, StoryOptions{Top: -1})
	}, p)
	var line string
	for _, l := range strings.Split(stories, "\n") {
		if strings.Contains(l, "Filed the incident follow-up") {
			line = l
		}
	}
	if want := "(Canary check for tokenize response schema)"; !strings.HasSuffix(line, want) || strings.Contains(stories, "From the postmortem") {
		t.Errorf("the follow-up is told as\n%s\nwant it to end on its summary, %s, with no quote of its form:\n%s", line, want, stories)
	}
}

// The full version says a form was filed, unquoted, and does not count it
// among the issues told in the user's own words.
func TestTheFullVersionSaysAFormWasFiled(t *testing.T) {
	full := render(t, func(w io.Writer, p evidence.Portfolio) error { return Markdown(w, p, Options{Full: true}) }, formFiledPortfolio())
	if strings.Contains(full, "From the postmortem") {
		t.Errorf("the full version quotes the form:\n%s", full)
	}
	if !strings.Contains(full, "Canary check for tokenize response schema: **Incident coordination** filed (") {
		t.Errorf("the full version does not say PAY-190 was filed:\n%s", full)
	}
	// OPS-90 and its postmortem OPS-91 are in the user's words; the three
	// follow-ups are forms.
	if got, want := regexp.MustCompile(`Incident coordination \([^)]*\)`).FindString(full), "Incident coordination (1 incident on 5 issues, 2 in my words)"; got != want {
		t.Errorf("the competencies say %q, want %q", got, want)
	}
}
