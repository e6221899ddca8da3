package export

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestPhaseOf(t *testing.T) {
	for _, tt := range []struct {
		summary, name string
		n             int
		named         bool
	}{
		{"Offline mode for payments, phase 2", "Offline mode for payments", 2, true},
		{"Offline mode for payments", "Offline mode for payments", 1, false},
		{"Search relevance (Phase II)", "Search relevance", 2, true},
		{"Search relevance - part 3", "Search relevance", 3, true},
		{"Phase 2: self-service refunds", "self-service refunds", 2, true},
		{"Stage two — partner onboarding", "partner onboarding", 2, true},
		// Not a phase: a word that ends like one, or a number of something else.
		{"Three-phase power metering", "Three-phase power metering", 1, false},
		{"Upgrade to Postgres 16", "Upgrade to Postgres 16", 1, false},
		{"Spare part 4711 tracking", "Spare part 4711 tracking", 1, false},
	} {
		name, n, named := phaseOf(tt.summary)
		if name != tt.name || n != tt.n || named != tt.named {
			t.Errorf("phaseOf(%q) = %q, %d, %v; want %q, %d, %v", tt.summary, name, n, named, tt.name, tt.n, tt.named)
		}
	}
}

// refundPhases is the typical portfolio with a second phase of its
// refunds epic (PAY-120, done, with a result): PAY-190, in progress, and
// a story under it. owned says whether the user owned PAY-190 as they own
// PAY-120 (they created both epics, or only the first).
func refundPhases(owned bool) evidence.Portfolio {
	p := typicalPortfolio()
	phase1 := fixtureIssue{"10120", "PAY-120", "Epic", "Self-service refunds", "", me, "done", nil}
	phase2 := fixtureIssue{"10190", "PAY-190", "Epic", "Self-service refunds, phase 2", "", me, "indeterminate", nil}
	story := fixtureIssue{"10191", "PAY-191", "Story", "Refunds to the original wallet", "PAY-190", priya, "new", nil}
	p.Evidence = append(p.Evidence,
		jiraItem(phase1, evidence.SourceIssue, "10120", "2026-08-01T09:00:00Z", evidence.CatEpicOwnership, "issue.epic", 0.9,
			"Self-service refunds. Goal: merchants refund from the order page."),
		jiraItem(story, evidence.SourceComment, "30001", "2026-11-10T09:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8,
			"We agreed to refund to the original wallet only; bank transfers wait for phase 3."))
	if owned {
		p.Evidence = append(p.Evidence, jiraItem(phase2, evidence.SourceIssue, "10190", "2026-11-02T09:00:00Z", evidence.CatEpicOwnership, "issue.epic", 0.9,
			"Self-service refunds, phase 2. Goal: refunds to wallets and cards without support."))
	}
	p.Epics = append(p.Epics, evidence.Epic{SiteName: "acme", Key: "PAY-190", Summary: phase2.summary, URL: acme.IssueURL("PAY-190"),
		Goal: "Goal: refunds to wallets and cards without support.", Status: "In Progress", StatusCategory: "indeterminate"})
	return p
}

// The phases of one initiative, each an epic the user owned, are one
// initiative: one heading linking both, what each phase shipped, the
// first phase's goal and the result it recorded, linked to its comment.
func TestPhasesOfOneInitiativeAreOneInitiative(t *testing.T) {
	p := refundPhases(true)
	var md bytes.Buffer
	if err := Markdown(&md, p, Options{Full: true}); err != nil {
		t.Fatal(err)
	}
	doc := md.String()
	heading := "### [PAY-120](https://acme.atlassian.net/browse/PAY-120), [PAY-190](https://acme.atlassian.net/browse/PAY-190) Self-service refunds, phases 1 and 2\n"
	if strings.Count(doc, heading) != 2 { // the initiatives and the appendix
		t.Fatalf("no heading %q for the initiative and its appendix:\n%s", heading, doc)
	}
	if strings.Contains(doc, "### [PAY-190]") {
		t.Errorf("the second phase is also an initiative of its own:\n%s", doc)
	}
	_, section, _ := strings.Cut(doc, heading)
	section, _, _ = strings.Cut(section, "\n### ")
	for _, want := range []string{
		"owned both epics",
		"phase 1 shipped · phase 2 in progress: the issue is not done yet",
		"**Goal.** Merchants refund from the order page.",
		"**Outcome.** Phase 1: “Closing the epic: 62% of refunds were self-served in the first month",
		acme.IssueURL("PAY-120") + "?focusedCommentId=10901",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("the initiative does not say %q:\n%s", want, section)
		}
	}

	var stories bytes.Buffer
	if err := Stories(&stories, p, StoryOptions{Top: 5}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stories.String(), "“Self-service refunds, phases 1 and 2” (PAY-120, PAY-190) was an initiative") {
		t.Errorf("the story does not tell both phases:\n%s", stories.String())
	}

	var js bytes.Buffer
	if err := JSON(&js, p); err != nil {
		t.Fatal(err)
	}
	var doc2 struct {
		Headline struct {
			Initiatives []struct {
				EpicKey string   `json:"epic_key"`
				Summary string   `json:"summary"`
				Earlier []string `json:"earlier_epic_keys"`
			} `json:"initiatives"`
		} `json:"headline"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc2); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, in := range doc2.Headline.Initiatives {
		if in.EpicKey == "PAY-190" {
			found = in.Summary == "Self-service refunds, phases 1 and 2" && len(in.Earlier) == 1 && in.Earlier[0] == "PAY-120"
		}
		if in.EpicKey == "PAY-120" {
			t.Errorf("the first phase is an initiative of its own in JSON: %+v", in)
		}
	}
	if !found {
		t.Errorf("JSON initiatives do not hold the phases as one: %+v", doc2.Headline.Initiatives)
	}
}

// What each phase achieved is told, first phase first, each linked to
// where it was said.
func TestEachPhaseSaysWhatItAchieved(t *testing.T) {
	p := refundPhases(true)
	for i := range p.Epics {
		if p.Epics[i].Key == "PAY-190" {
			p.Epics[i].Outcome = "Refunds to wallets without support since the 20th; refund tickets down 80%."
		}
	}
	var md bytes.Buffer
	if err := Markdown(&md, p, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "**Outcome.** Phase 1: “Closing the epic: 62% of refunds were self-served in the first month, support tickets down 30%” " +
		"([Priya Nair in Jira, 2026-10-30](https://acme.atlassian.net/browse/PAY-120?focusedCommentId=10901&page=com.atlassian.jira.plugin.system.issuetabpanels:comment-tabpanel#comment-10901)). " +
		"Phase 2: Refunds to wallets without support since the 20th; refund tickets down 80%.\n"
	if !strings.Contains(md.String(), want) {
		t.Errorf("the outcome does not tell both phases, want %q:\n%s", want, md.String())
	}
	var stories bytes.Buffer
	if err := Stories(&stories, p, StoryOptions{Top: 5}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stories.String(), strings.Replace(want, "**Outcome.**", "**Result.**", 1)) {
		t.Errorf("the story's result does not tell both phases:\n%s", stories.String())
	}
}

// A phase the user did not own stays apart from the one they did:
// "owned both epics" would be a claim the interviewer can disprove.
func TestAPhaseSomeoneElseLedIsNotMerged(t *testing.T) {
	var md bytes.Buffer
	if err := Markdown(&md, refundPhases(false), Options{Full: true}); err != nil {
		t.Fatal(err)
	}
	doc := md.String()
	if strings.Contains(doc, "phases 1 and 2") || !strings.Contains(doc, "### [PAY-190](https://acme.atlassian.net/browse/PAY-190) Self-service refunds, phase 2\n") {
		t.Errorf("a phase the user did not own was merged into theirs:\n%s", doc)
	}
}

// The headline counts what each initiative shipped: a phase that shipped
// with a result is a result, though the initiative goes on.
func TestHeadlineCountsAShippedPhaseAndItsResult(t *testing.T) {
	var md bytes.Buffer
	if err := Markdown(&md, refundPhases(true), Options{}); err != nil {
		t.Fatal(err)
	}
	headline := strings.Split(md.String(), "\n")[4]
	want := "I led 2 initiatives in Payments; 1 shipped phase 1, and “Self-service refunds, phases 1 and 2” had the result “62% of refunds were self-served in the first month”."
	if !strings.Contains(headline, want) {
		t.Errorf("headline %q\ndoes not say %q", headline, want)
	}
}

// The headline counts every initiative the user led; the brief has room
// for five. The rest are named below them, each linked with where it
// stands, so that a reader who counts finds every one.
func TestTheBriefNamesEveryInitiativeItsHeadlineCounts(t *testing.T) {
	p := typicalPortfolio()
	for i := range 9 {
		n := strconv.Itoa(500 + i)
		epic := fixtureIssue{"10" + n, "OPS-" + n, "Epic", "Initiative " + n, "", me, "done", nil}
		p.Evidence = append(p.Evidence, jiraItem(epic, evidence.SourceIssue, epic.id, "2026-0"+strconv.Itoa(1+i%9)+"-01T09:00:00Z",
			evidence.CatEpicOwnership, "issue.epic", 0.9, "Initiative "+n+". Goal: one small thing, done well."))
		p.Epics = append(p.Epics, evidence.Epic{SiteName: "acme", Key: epic.key, Summary: epic.summary, URL: acme.IssueURL(epic.key),
			Status: "Done", StatusCategory: "done"})
	}
	var md bytes.Buffer
	if err := Markdown(&md, p, Options{}); err != nil {
		t.Fatal(err)
	}
	doc := md.String()
	led := regexp.MustCompile(`I led (\d+) initiatives`).FindStringSubmatch(doc)
	if led == nil {
		t.Fatalf("the headline counts no initiatives:\n%s", doc)
	}
	count, _ := strconv.Atoi(led[1])
	told, _, _ := strings.Cut(doc, "\n### Also led")
	shown, shownLed := strings.Split(told, "\n### ")[1:], 0
	for _, section := range shown {
		if facts := strings.Split(section, "\n")[2]; strings.Contains(facts, " · owned ") {
			shownLed++
		}
	}
	_, also, ok := strings.Cut(doc, "### Also led\n\n")
	if !ok {
		t.Fatalf("%d initiatives led, %d shown, and no others named:\n%s", count, len(shown), doc)
	}
	also, _, _ = strings.Cut(also, "\n\n")
	named := regexp.MustCompile(`(?m)^- \[OPS-\d+\]\(https://acme\.atlassian\.net/browse/OPS-\d+\) Initiative \d+: Operations \(OPS\) · shipped$`).FindAllString(also, -1)
	more := regexp.MustCompile(`(?m)^- and (\d+) more in the full portfolio$`).FindStringSubmatch(also)
	rest := 0
	if more != nil {
		rest, _ = strconv.Atoi(more[1])
	}
	if len(shown) > 5 || len(named) > alsoLedMax || shownLed+len(named)+rest != count {
		t.Errorf("%d initiatives led: %d of them shown, %d named after them and %d more said:\n%s", count, shownLed, len(named), rest, also)
	}
}

// A long run of phases is named by its ends: "phases 1, 2, 3, 4, 5…" cut
// in a résumé bullet hides how many there were.
func TestPhaseNames(t *testing.T) {
	for _, tc := range []struct {
		numbers []string
		want    string
	}{
		{[]string{"2"}, "phase 2"},
		{[]string{"1", "2"}, "phases 1 and 2"},
		{[]string{"1", "2", "3"}, "phases 1, 2 and 3"},
		{[]string{"1", "2", "4", "5"}, "phases 1, 2, 4 and 5"},
		{[]string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}, "phases 1 to 11"},
	} {
		if got := phaseNames(tc.numbers); got != tc.want {
			t.Errorf("phaseNames(%q) = %q, want %q", tc.numbers, got, tc.want)
		}
	}
}

// The brief tells the latest phases' results and leaves the earlier ones
// to the full portfolio: eight phases' results filled a page of it.
func TestTheBriefTellsTheLatestPhasesResults(t *testing.T) {
	p := refundPhases(true)
	for n := 3; n <= 4; n++ {
		key := "PAY-19" + strconv.Itoa(n+3)
		ep := fixtureIssue{"1019" + strconv.Itoa(n+3), key, "Epic", "Self-service refunds, phase " + strconv.Itoa(n), "", me, "done", nil}
		p.Evidence = append(p.Evidence, jiraItem(ep, evidence.SourceIssue, ep.id, "2026-11-0"+strconv.Itoa(n)+"T09:00:00Z",
			evidence.CatEpicOwnership, "issue.epic", 0.9, ep.summary+". Goal: more refunds without support."))
		p.Epics = append(p.Epics, evidence.Epic{SiteName: "acme", Key: key, Summary: ep.summary, URL: acme.IssueURL(key),
			Status: "Done", StatusCategory: "done", Outcome: "Phase " + strconv.Itoa(n) + " cut refund tickets by " + strconv.Itoa(10*n) + "%."})
	}
	for i := range p.Epics {
		if p.Epics[i].Key == "PAY-190" {
			p.Epics[i].Outcome = "Refunds to wallets without support since the 20th; refund tickets down 80%."
		}
	}
	for _, full := range []bool{false, true} {
		var md bytes.Buffer
		if err := Markdown(&md, p, Options{Full: full}); err != nil {
			t.Fatal(err)
		}
		_, outcome, _ := strings.Cut(md.String(), "**Outcome.** ")
		outcome, _, _ = strings.Cut(outcome, "\n")
		phase1 := strings.Contains(outcome, "62% of refunds")
		if full != phase1 || !strings.Contains(outcome, "Phase 4 cut refund tickets by 40%") || !strings.Contains(outcome, "Phase 2: ") {
			t.Errorf("full=%v: the outcome should tell phase 1 only in full, and the latest three:\n%s", full, outcome)
		}
		if !full && !strings.HasPrefix(outcome, "The results of phase 1 are in the full portfolio. Phase 2: ") {
			t.Errorf("the brief does not say where phase 1's result is:\n%s", outcome)
		}
	}
}

// A result bullet whose result is an earlier phase's, while a later phase
// goes on, is that phase's: named for it and at its scale, not "Led
// “…, phases 1 and 2” across 43 issues: <phase 1's result>".
func TestAResultBulletIsOfThePhaseWhoseResultItIs(t *testing.T) {
	var text strings.Builder
	if err := Bullets(&text, refundPhases(true), BulletOptions{Top: -1}); err != nil {
		t.Fatal(err)
	}
	var led string
	for _, line := range strings.Split(text.String(), "\n") {
		if strings.HasPrefix(line, "- Led “Self-service refunds") {
			led = line
		}
	}
	// Phase 1's epic has five issues, two of them teammates' (Alex's and
	// Dana's), three with the user's evidence; phase 2's do not count.
	want := "- Led “Self-service refunds, phase 1” with 2 teammates across 5 issues: 62% of refunds were self-served in the first month"
	if !strings.HasPrefix(led, want) {
		t.Errorf("the result bullet is %q, want it to start %q:\n%s", led, want, text.String())
	}
}

// A story whose result is an earlier phase's, and whose actions go on
// after it, says where the later phase stands: October's actions under
// April's result read as if they came after the result they led to.
func TestAStoryOfAnEarlierPhasesResultSaysWhereTheNextPhaseStands(t *testing.T) {
	var stories bytes.Buffer
	if err := Stories(&stories, refundPhases(true), StoryOptions{Top: 5}); err != nil {
		t.Fatal(err)
	}
	_, story, _ := strings.Cut(stories.String(), "Self-service refunds, phases 1 and 2")
	story, _, _ = strings.Cut(story, "\n## ")
	if !strings.Contains(story, "2026-11-10") || !strings.Contains(story, "**Result.** Phase 1: “") ||
		!strings.Contains(story, ". Phase 2 (PAY-190) is in progress: the issue is not done yet.") {
		t.Errorf("the story tells phase 2's decision after phase 1's result without saying where phase 2 stands:\n%s", story)
	}
}
