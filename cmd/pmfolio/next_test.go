package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence/next"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// teamSite serves the demo site with its team backlog and returns an
// environment that syncs it into a fresh database.
func teamSite(t *testing.T) (*jiratest.Server, map[string]string) {
	t.Helper()
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: jiratest.DeploymentCloud, Issues: 200, Seed: 3, Now: testNow,
		TeamBacklog: true, TeamIssues: 40})
	srv := jiratest.NewServer(site)
	t.Cleanup(srv.Close)
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"] = srv.URL(), jiratest.DemoEmail, jiratest.DemoAPIToken
	env["PMFOLIO_DB"] = filepath.Join(t.TempDir(), "pmfolio.db")
	return srv, env
}

// After an upgrade that forgot the team cursor (a migration), next says its
// suggestions come from the old read until a sync reads the backlog again.
func TestNextSaysWhenTheTeamReadIsFromAnOlderPmfolio(t *testing.T) {
	_, env := teamSite(t)
	c := cli{env: env}
	if r := c.run(t, "sync", "--quiet"); r.code != 0 {
		t.Fatalf("sync: exit %d, %q", r.code, r.errOut)
	}
	const note = "note: this pmfolio reads your team's backlog more fully than the one that last read it; run pmfolio sync"
	if r := c.run(t, "next"); r.code != 0 || strings.Contains(r.errOut, note) {
		t.Fatalf("next after a sync: exit %d, err %q", r.code, r.errOut)
	}
	execSQL(t, env["PMFOLIO_DB"], "DELETE FROM team_state")
	if r := c.run(t, "next"); r.code != 0 || !strings.HasPrefix(r.errOut, note) || !strings.Contains(r.out, "do:") {
		t.Errorf("next on an old team read: exit %d, err %q", r.code, r.errOut)
	}
	c.run(t, "sync", "--quiet")
	if r := c.run(t, "next"); strings.Contains(r.errOut, note) {
		t.Errorf("next after the sync read the backlog again: err %q", r.errOut)
	}
}

// The sync's line and the team backlog's each tell their own requests:
// together, what Jira saw, not the team's counted twice.
func TestSyncAndTeamLinesAddUpToTheRequestsJiraSaw(t *testing.T) {
	srv, env := teamSite(t)
	c := cli{env: env}
	count := regexp.MustCompile(`in (\d+) requests?, [\d.]+ s`)
	for _, run := range []string{"first", "nightly"} {
		before := srv.Requests()
		r := c.run(t, "sync")
		counts := count.FindAllStringSubmatch(r.out, -1)
		if r.code != 0 || len(counts) != 2 || !strings.Contains(r.out, "\nteam backlog: read ") {
			t.Fatalf("%s sync: exit %d, want a line for the sync and one for the team:\n%s%s", run, r.code, r.out, r.errOut)
		}
		own, _ := strconv.Atoi(counts[0][1])
		team, _ := strconv.Atoi(counts[1][1])
		if saw := srv.Requests() - before; own+team != saw || team == 0 {
			t.Errorf("%s sync: %d requests told for the sync and %d for the team, Jira saw %d:\n%s", run, own, team, saw, r.out)
		}
	}
}

type nextJSON struct {
	Opportunities []struct {
		IssueKey string   `json:"issue_key"`
		IssueURL string   `json:"issue_url"`
		Detector string   `json:"detector"`
		Category string   `json:"category"`
		Reason   string   `json:"reason"`
		Action   string   `json:"action"`
		Why      []string `json:"why"`
		Related  []string `json:"related"`
	} `json:"opportunities"`
}

func decodeNext(t *testing.T, r result) nextJSON {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("next exit %d: %s", r.code, r.errOut)
	}
	var got nextJSON
	if err := json.Unmarshal([]byte(r.out), &got); err != nil {
		t.Fatalf("next --format json: %v\n%s", err, r.out)
	}
	return got
}

// openFor is how a reason gives an issue's age: "bug open for 12 months".
var openFor = regexp.MustCompile(`\bopen for (\d+ (?:months|weeks|working days?))\b`)

func TestNextOnTheDemoFindsThePlantedWorkAndNoLookAlike(t *testing.T) {
	srv, env := teamSite(t)
	c := cli{env: env}
	if r := c.run(t, "sync", "--quiet"); r.code != 0 || r.out != "" || r.errOut != "" {
		t.Fatalf("sync --quiet: exit %d, out %q, err %q", r.code, r.out, r.errOut)
	}
	got := decodeNext(t, c.run(t, "next", "--all", "--format", "json"))
	found := map[string]bool{}
	detectors := map[string]bool{}
	for _, op := range got.Opportunities {
		found[op.IssueKey+" "+op.Detector] = true
		detectors[op.Detector] = true
		if op.Reason == "" || op.Action == "" || op.Category == "" || op.IssueURL != srv.URL()+"/browse/"+op.IssueKey {
			t.Errorf("incomplete opportunity %+v", op)
		}
		// The reason gives the issue's age; the action does not again.
		if age := openFor.FindStringSubmatch(op.Reason); age != nil && strings.Contains(op.Action, "open "+age[1]) {
			t.Errorf("%s (%s) says it is open %s twice: %q, %q", op.IssueKey, op.Detector, age[1], op.Reason, op.Action)
		}
	}
	var plants []jiratest.TeamPlant
	srv.Update(func(s *jiratest.Site) { plants = s.TeamPlants() })
	for _, p := range plants {
		if strings.Contains(p.Note, "who left") {
			// Sync keeps that her account is deactivated, and next says so,
			// once.
			for _, op := range got.Opportunities {
				if op.IssueKey == p.Key && (op.Action != "Lena Novak has left: reassign it or close it" || strings.Contains(op.Reason, "has left")) {
					t.Errorf("%s, %s: %q, action %q", p.Key, p.Note, op.Reason, op.Action)
				}
			}
		}
		switch {
		case p.Detector != "" && !found[p.Key+" "+p.Detector]:
			t.Errorf("missed %s on %s: %s", p.Detector, p.Key, p.Note)
		case p.Detector == "":
			for key := range found {
				if strings.HasPrefix(key, p.Key+" ") {
					t.Errorf("reported the look-alike %s (%s) as %s", p.Key, p.Note, key)
				}
			}
		}
	}
	if len(found) < 8 || len(detectors) < 5 {
		t.Errorf("%d opportunities from %d detectors, want at least 8 from 5: %v", len(found), len(detectors), found)
	}
	// A release that shipped without an issue whose fix version the
	// user's own change set says so: the team's read holds no changelog,
	// and next reads the user's own.
	yours := 0
	for _, op := range got.Opportunities {
		if op.Detector == "release.missed" && strings.Contains(op.Reason, "; you set it to ") {
			yours++
		}
	}
	if yours == 0 {
		t.Errorf("no missed release says the user set its version")
	}

	// The table a person reads: why, what to do, the kind of work, a link.
	r := c.run(t, "next")
	for _, want := range []string{"why:", "shows:", "/browse/", "Chase the blocker"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("next lacks %q:\n%s", want, r.out)
		}
	}
	if strings.Contains(r.out, "\x1b[") {
		t.Errorf("next writes colour when not on a terminal")
	}
	// The line that shows the rest can be copied: it reads the same
	// database, and counts what it shows, issues.
	db := env["PMFOLIO_DB"]
	if r := c.run(t, "--db", db, "next", "--limit", "1", "--category", "unblocking"); !strings.Contains(r.out, "more issues: pmfolio --db "+shellQuote(db)+" next --category unblocking --all\n") {
		t.Errorf("next --db %s --limit 1 does not say how to see the rest with that database:\n%s", db, r.out)
	}
	// No detector finds story writing: the line that shows the rest
	// instead keeps the database and drops only the filter.
	if r := c.run(t, "--db", db, "next", "--category", "story-writing"); !strings.HasSuffix(r.out, "without it: pmfolio --db "+shellQuote(db)+" next\n") {
		t.Errorf("next --db %s --category story-writing does not say how to see the rest with that database:\n%s", db, r.out)
	}
	if r := c.run(t, "next", "--competency", "Communication", "--format", "json"); r.code == 0 {
		for _, op := range decodeNext(t, r).Opportunities {
			if op.Category != "stakeholder-communication" && op.Category != "decision-making" {
				t.Errorf("--competency Communication gave %s", op.Category)
			}
		}
	}
	if r := c.run(t, "next", "--category", "chasing"); r.code != exitUsage {
		t.Errorf("an unknown category exits %d, want %d", r.code, exitUsage)
	}
	// A site that was never synced, or a limit that shows nothing, is a
	// mistake to say, not an empty list.
	if r := c.run(t, "next", "--site", "elsewhere"); r.code != exitUsage || r.out != "" || !strings.Contains(r.errOut, `no synced site named "elsewhere"`) {
		t.Errorf("next --site elsewhere: exit %d, out %q, err %q", r.code, r.out, r.errOut)
	}
	if r := c.run(t, "next", "--history", "--site", "elsewhere"); r.code != exitUsage {
		t.Errorf("next --history --site elsewhere: exit %d, want %d", r.code, exitUsage)
	}
	if r := c.run(t, "next", "--limit", "-3"); r.code != exitUsage || r.out != "" || !strings.Contains(r.errOut, "--limit -3: give 1 or more") {
		t.Errorf("next --limit -3: exit %d, out %q, err %q", r.code, r.out, r.errOut)
	}
}

func TestNextMarksTheSuggestionsTheUserTookAndThePortfolioClaimsThem(t *testing.T) {
	srv, env := teamSite(t)
	c := cli{env: env}
	if r := c.run(t, "sync"); r.code != 0 || !strings.Contains(r.out, "team backlog: read") {
		t.Fatalf("sync: exit %d, %s %s", r.code, r.out, r.errOut)
	}
	suggested := decodeNext(t, c.run(t, "next", "--all", "--format", "json"))
	key := func(detector string) string {
		for _, op := range suggested.Opportunities {
			if op.Detector == detector {
				return op.IssueKey
			}
		}
		t.Fatalf("nothing from %s to act on", detector)
		return ""
	}
	blocked, epic, incident, question := key("blocked.stale"), key("epic.no-success-metric"), key("incident.no-postmortem"), key("question.unanswered")
	doneEpic := key("epic.done-no-outcome")
	// The user's own quiet epic is suggested a note too: the one the test
	// acts on lacks both.
	noted := false
	for _, op := range suggested.Opportunities {
		noted = noted || op.IssueKey == epic && op.Detector == "epic.no-progress-note"
	}
	if !noted {
		t.Fatalf("the epic without a success metric, %s, has no suggestion of a progress note: the test wants one", epic)
	}

	// The user does what was suggested, an hour later: clears the blocked
	// issue's flag, posts a progress note on the epic and its success
	// metrics, files the incident's postmortem as an issue of its own,
	// linked to it, and writes down the result of the epic that is done.
	at := testNow.Add(time.Hour)
	var postmortem string
	srv.Update(func(s *jiratest.Site) {
		is := s.Issue(blocked)
		is.Flagged = false
		is.Histories = append(is.Histories, &jiratest.History{ID: "990001", Author: s.Me, Created: at,
			Items: []jiratest.HistoryItem{{Field: "Flagged", FieldType: "custom", FieldID: s.FieldIDs.Flagged, From: "[10019]", FromString: "Impediment"}}})
		is.Updated = at
		var err error
		if postmortem, err = s.CreateIssue(incident, "Postmortem: "+s.Issue(incident).Summary,
			"Impact: builds failed for 40 minutes. Timeline, root cause and follow-ups below.", at.Add(2*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddComment(epic, true, "Update for support and the platform leads: staging and two of three production clusters are on 1.31, the last one follows on 3 December. Risk: the ingress upgrade; I'll post here once it's done.", at.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		// A teammate answers the question: the suggestion no longer
		// applies, and the user did not take it.
		if _, err := s.AddComment(question, false, "We keep them for 30 days; legal agreed this morning.", at); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddComment(epic, true, "Success metrics, agreed with Sam: every cluster on 1.31 by 15 January, with zero minutes of customer-facing downtime.", at.Add(3*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddComment(doneEpic, true, "Outcome: namespace requests in the platform queue are down from about 30 a month to 3 since self-service shipped, so the success metric is met.", at.Add(4*time.Minute)); err != nil {
			t.Fatal(err)
		}
	})
	later := cli{env: env}
	r := later.run(t, "sync")
	if r.code != 0 || !strings.Contains(r.out, "you took 5 tasks") {
		t.Fatalf("second sync: exit %d\n%s%s", r.code, r.out, r.errOut)
	}

	r = later.run(t, "next", "--history", "--format", "json")
	type historyJSON struct {
		Suggestions []struct {
			IssueKey        string     `json:"issue_key"`
			Detector        string     `json:"detector"`
			Category        string     `json:"category"`
			EvidenceID      string     `json:"evidence_id"`
			TakenAt         *time.Time `json:"taken_at"`
			NoLongerApplies bool       `json:"no_longer_applies"`
		} `json:"suggestions"`
		Taken int `json:"taken"`
	}
	var history historyJSON
	if err := json.Unmarshal([]byte(r.out), &history); err != nil || history.Taken != 5 {
		t.Fatalf("next --history: %v, taken %d\n%s", err, history.Taken, r.out)
	}
	takenBy := map[string]string{}
	for _, sg := range history.Suggestions {
		if sg.TakenAt != nil {
			takenBy[sg.IssueKey+" "+sg.Detector] = sg.EvidenceID
		}
	}
	if takenBy[blocked+" blocked.stale"] == "" || takenBy[epic+" epic.no-progress-note"] == "" || takenBy[incident+" incident.no-postmortem"] == "" ||
		takenBy[epic+" epic.no-success-metric"] == "" || takenBy[doneEpic+" epic.done-no-outcome"] == "" {
		t.Fatalf("taken: %v, want %s, %s (twice), %s and %s", takenBy, blocked, epic, incident, doneEpic)
	}
	for _, sg := range history.Suggestions {
		if answered := sg.IssueKey+" "+sg.Detector == question+" question.unanswered"; answered != sg.NoLongerApplies {
			t.Errorf("%s %s: no_longer_applies %v, want it only for the answered question", sg.IssueKey, sg.Detector, sg.NoLongerApplies)
		}
	}
	if text := later.run(t, "next", "--history").out; !strings.Contains(text, "taken") || !strings.Contains(text, "5 taken") ||
		!strings.Contains(text, "question.unanswered") || !strings.Contains(text, "no longer applies") {
		t.Errorf("next --history does not say what was taken and what no longer applies:\n%s", text)
	}
	// The filters of next apply to its history.
	var filtered historyJSON
	r = later.run(t, "next", "--history", "--category", "unblocking", "--limit", "2", "--format", "json")
	if err := json.Unmarshal([]byte(r.out), &filtered); err != nil || len(filtered.Suggestions) != 2 {
		t.Fatalf("next --history --category unblocking --limit 2: %v, %d suggestions\n%s", err, len(filtered.Suggestions), r.out)
	}
	for _, sg := range filtered.Suggestions {
		if sg.Category != "unblocking" {
			t.Errorf("next --history --category unblocking listed %s %s (%s)", sg.IssueKey, sg.Detector, sg.Category)
		}
	}
	// Taken work is not suggested again.
	for _, op := range decodeNext(t, later.run(t, "next", "--all", "--format", "json")).Opportunities {
		if op.IssueKey+" "+op.Detector == blocked+" blocked.stale" || op.IssueKey+" "+op.Detector == epic+" epic.no-progress-note" {
			t.Errorf("%s %s suggested again after it was taken", op.IssueKey, op.Detector)
		}
	}

	// The export claims it, each item linked to the user's own evidence.
	r = later.run(t, "export", "--format", "json")
	var doc struct {
		RawEvidence []map[string]any `json:"evidence"`
		TeamWork    *struct {
			Claim string              `json:"claim"`
			Count int                 `json:"count"`
			Items []map[string]string `json:"items"`
		} `json:"team_work"`
	}
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil || doc.TeamWork == nil {
		t.Fatalf("export has no team_work: %v\n%.400s", err, r.out)
	}
	if doc.TeamWork.Count != 5 || !strings.Contains(doc.TeamWork.Claim, "Picked up 5 unowned PM tasks that were blocking the team") {
		t.Errorf("claim %q, count %d", doc.TeamWork.Claim, doc.TeamWork.Count)
	}
	evidenceByID := map[string]map[string]any{}
	for _, ev := range doc.RawEvidence {
		evidenceByID[ev["id"].(string)] = ev
	}
	for _, item := range doc.TeamWork.Items {
		ev := evidenceByID[item["evidence_id"]]
		if ev == nil {
			t.Errorf("team work on %s links to %s, which the export does not hold", item["issue_key"], item["evidence_id"])
			continue
		}
		// The work is on the suggested issue, or, for a postmortem, on
		// the issue the user filed for it.
		onIssue := item["issue_key"]
		if onIssue == incident {
			onIssue = postmortem
		}
		if ev["issue_key"] != onIssue || ev["category"] != item["category"] || ev["manual"] != false {
			t.Errorf("team work %v is backed by %v", item, ev)
		}
	}
	if r := later.run(t, "export", "--format", "json", "--redact"); strings.Contains(r.out, blocked) || strings.Contains(r.out, srv.URL()+"/browse/") {
		t.Errorf("a redacted export still shows %s or its link", blocked)
	}
}

func TestInitAsksForTheTeamsProjects(t *testing.T) {
	srv, env := teamSite(t)
	cfgPath := filepath.Join(env["XDG_CONFIG_HOME"], "pmfolio", "config.yaml")
	r := runWith(t, env, srv.URL()+"\n"+jiratest.DemoEmail+"\nops, pay\n", true, jiratest.DemoAPIToken, "init")
	if r.code != 0 || !strings.Contains(r.errOut, "team's Jira project keys") {
		t.Fatalf("init: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
	cfg := readConfig(t, cfgPath)
	if len(cfg.Sites) != 1 || cfg.Sites[0].Team == nil || strings.Join(cfg.Sites[0].Team.Projects, ",") != "OPS,PAY" {
		t.Fatalf("config sites = %+v", cfg.Sites)
	}
	env["PMFOLIO_DB"] = filepath.Join(t.TempDir(), "team.db")
	delete(env, "JIRA_URL")
	if r := (cli{env: env}).run(t, "sync"); r.code != 0 || !strings.Contains(r.out, "issues of OPS, PAY in") {
		t.Errorf("sync with the team from init: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
}

// Markdown is written as Markdown: what Jira holds (a name, a sprint) is
// escaped, not read as emphasis or a link.
func TestNextMarkdownEscapesWhatJiraHolds(t *testing.T) {
	opps := []next.Opportunity{{IssueKey: "PAY-8", IssueURL: "https://acme.example/browse/PAY-8", Category: "backlog-grooming",
		Reason: "active sprint (PAY *Sprint* 9) story with no acceptance criteria", Action: "Write acceptance criteria and agree them with sam_o [contractor]"}}
	var out strings.Builder
	if err := writeOpportunities(IO{Out: &out}, "markdown", nextList{entries: byIssue(opps), total: 1, command: "pmfolio next"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`agree them with sam\_o \[contractor\].`, `(PAY \*Sprint\* 9)`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("next --format markdown printed\n%s\nwithout %s", out.String(), want)
		}
	}
}

// next --history --format markdown escapes what Jira holds too: an
// action names people and versions.
func TestNextHistoryMarkdownEscapesWhatJiraHolds(t *testing.T) {
	sg := next.Suggestion{Opportunity: next.Opportunity{IssueKey: "PAY-8", IssueURL: "https://acme.example/browse/PAY-8", Category: "release-planning",
		Action: "Ask the team who takes the unassigned issues of platform_2026_12 [hotfix] or move them"}, SuggestedAt: time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC)}
	var out strings.Builder
	if err := writeHistory(&out, "markdown", []next.Suggestion{sg}); err != nil {
		t.Fatal(err)
	}
	if want := `issues of platform\_2026\_12 \[hotfix\] or move them.`; !strings.Contains(out.String(), want) {
		t.Errorf("next --history --format markdown printed\n%s\nwithout %s", out.String(), want)
	}
}

// A further suggestion whose reason has brackets of its own is not
// bracketed again: "(active sprint (OPS Sprint 65) story…)" reads badly.
func TestNextAlsoLineBracketsOnce(t *testing.T) {
	for reason, want := range map[string]string{
		"story with no estimate":                               "Get it estimated (story with no estimate)",
		"active sprint (OPS Sprint 65) story with no estimate": "Get it estimated: active sprint (OPS Sprint 65) story with no estimate",
	} {
		if got := alsoLine(next.Opportunity{Action: "Plan it"}, next.Opportunity{Action: "Get it estimated", Reason: reason}); got != want {
			t.Errorf("alsoLine(%q) = %q, want %q", reason, got, want)
		}
	}
}

// An issue left alone for months is asked whether it is still wanted
// once, by its first suggestion, not again by the next: the next says what
// to do once that is settled.
func TestNextAlsoLineDoesNotAskTwiceWhetherItIsStillWanted(t *testing.T) {
	first := next.Opportunity{Action: "Ask the team whether it is still wanted (now at Highest, nobody on it and no word for 11 months): if so, plan it into a sprint with an owner; if not, close it and say why",
		Settled: "Plan it into a sprint with an owner"}
	also := next.Opportunity{Action: "Ask Jonas, who filed it, whether it is still wanted 11 months after the release: if so, move it to the next release; if not, close it and say why",
		Settled: "Agree with Jonas, who filed it: move it to the next release", Reason: "2025.12 was released without it"}
	if got, want := alsoLine(first, also), "Agree with Jonas, who filed it: move it to the next release (2025.12 was released without it)"; got != want {
		t.Errorf("alsoLine = %q, want %q", got, want)
	}
	if got := alsoLine(next.Opportunity{Action: "Plan it"}, also); got != also.Action+" ("+also.Reason+")" {
		t.Errorf("alsoLine after a first suggestion that does not ask = %q, want it to ask", got)
	}
	// Whether an old bug still happens is the same ask, of a slipped bug.
	bug := next.Opportunity{Action: "Ask the team whether it still happens (at High, nobody on it, no word for 11 months): if so, set the component; if not, close it and say why",
		Settled: "Triage it: set the component", Reason: "bug open for 12 months with no component"}
	if got, want := alsoLine(first, bug), "Triage it: set the component (bug open for 12 months with no component)"; got != want {
		t.Errorf("alsoLine = %q, want %q", got, want)
	}
}

// One entry never says one thing to do and then its opposite: where two
// suggestions on an issue are one talk with one person (an incident's
// follow-up a release shipped without), the action is said once, as one
// either/or, and the second's reason joins the why (the demo's OPS-1188).
func TestNextSaysOneTalkOnce(t *testing.T) {
	one := "Ask Aisha Bello whether it is still needed to keep the incident from happening again: if so, get a date, plan it into a sprint " +
		"and move its fix version off platform-2026.01; if not, close it and say why"
	entry := []next.Opportunity{
		{IssueKey: "OPS-1188", IssueURL: "https://acme.example/browse/OPS-1188", Summary: "Follow-up: require review for pool size changes",
			Detector: "incident.follow-up-stale", Category: "sprint-planning", Action: one, Settled: "Ask Aisha Bello for a date",
			Reason: "follow-up of OPS-1186, open for 11 months with no word for 10 months", Why: []string{"you filed it"}},
		{IssueKey: "OPS-1188", Detector: "release.missed", Category: "release-planning", Action: one, Settled: "Ask Aisha Bello for a date",
			Reason: "platform-2026.01 was released on 31 Jan 2026 without it; you set it to platform-2026.01 on 19 Jan"},
	}
	list := nextList{entries: [][]next.Opportunity{entry}, total: 1}
	tests := []struct {
		format string
		want   string
	}{
		{"table", "" +
			" 1. OPS-1188  Follow-up: require review for pool size changes\n" +
			"    do:    Ask Aisha Bello whether it is still needed to keep the incident from happening again: if\n" +
			"           so, get a date, plan it into a sprint and move its fix version off platform-2026.01; if\n" +
			"           not, close it and say why\n" +
			"    why:   follow-up of OPS-1186, open for 11 months with no word for 10 months; platform-2026.01\n" +
			"           was released on 31 Jan 2026 without it; you set it to platform-2026.01 on 19 Jan; you\n" +
			"           filed it\n" +
			"    shows: Sprint planning (Organization), Release planning (Organization)\n" +
			"    link:  https://acme.example/browse/OPS-1188\n"},
		{"markdown", "# PM work your team needs\n\n" +
			"1. **[OPS-1188](https://acme.example/browse/OPS-1188) Follow-up: require review for pool size changes**: " + one + ".\n" +
			"   - Why: follow-up of OPS-1186, open for 11 months with no word for 10 months; platform-2026.01 was released on 31 Jan 2026 without it; " +
			"you set it to platform-2026.01 on 19 Jan; you filed it.\n" +
			"   - Shows: Sprint planning (Organization), Release planning (Organization).\n"},
	}
	for _, tt := range tests {
		var out strings.Builder
		if err := writeOpportunities(IO{Out: &out}, tt.format, list); err != nil {
			t.Fatal(err)
		}
		if out.String() != tt.want {
			t.Errorf("next --format %s printed\n%s\nwant\n%s", tt.format, out.String(), tt.want)
		}
	}
}

// Two suggestions on one story are one entry, in the table and in
// Markdown: the criteria and the estimate are settled in the same
// refinement.
func TestNextListsEachIssueOnce(t *testing.T) {
	opps := []next.Opportunity{
		{IssueKey: "PAY-8", IssueURL: "https://acme.example/browse/PAY-8", Summary: "Order notes at checkout", Category: "backlog-grooming",
			Detector: "story.no-acceptance-criteria", Reason: "story with no acceptance criteria", Action: "Write acceptance criteria"},
		{IssueKey: "OPS-3", IssueURL: "https://acme.example/browse/OPS-3", Summary: "Ledger export", Category: "unblocking", Detector: "blocked.stale",
			Reason: "blocked by PAY-1", Action: "Chase the blocker PAY-1"},
		{IssueKey: "PAY-8", IssueURL: "https://acme.example/browse/PAY-8", Summary: "Order notes at checkout", Category: "backlog-grooming",
			Detector: "story.no-estimate", Reason: "story with no estimate", Action: "Get it estimated"},
	}
	for _, tc := range []struct {
		format     string
		want       []string
		thirdEntry string
	}{
		{format: "table", thirdEntry: " 3. ", want: []string{
			" 1. PAY-8  Order notes at checkout\n    do:    Write acceptance criteria\n    why:   story with no acceptance criteria\n" +
				"    also:  Get it estimated (story with no estimate)\n    shows: Backlog grooming (Organization)\n    link:  https://acme.example/browse/PAY-8\n",
			" 2. OPS-3  Ledger export\n    do:    Chase the blocker PAY-1\n",
			"\n2 more issues: pmfolio next --category unblocking --all\n",
		}},
		{format: "markdown", thirdEntry: "\n3. ", want: []string{
			"# PM work your team needs\n\n1. **[PAY-8](https://acme.example/browse/PAY-8) Order notes at checkout**: Write acceptance criteria.\n   - Why: story with no acceptance criteria.\n   - Also: Get it estimated (story with no estimate).\n   - Shows: Backlog grooming (Organization).\n",
			"\n2. **[OPS-3](https://acme.example/browse/OPS-3) Ledger export**: Chase the blocker PAY-1.\n",
			"\n2 more issues: `pmfolio next --category unblocking --all`\n",
		}},
	} {
		var out strings.Builder
		if err := writeOpportunities(IO{Out: &out}, tc.format, nextList{entries: byIssue(opps), total: 4, command: "pmfolio next --category unblocking"}); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		for _, want := range tc.want {
			if !strings.Contains(got, want) {
				t.Errorf("next --format %s printed\n%s\nwithout\n%s", tc.format, got, want)
			}
		}
		if strings.Contains(got, tc.thirdEntry) {
			t.Errorf("next --format %s numbered a third entry for two issues:\n%s", tc.format, got)
		}
	}
}

// A filter that leaves nothing says how many issues there are without it,
// with a command that keeps the database and the site: in Markdown, as code.
func TestNextNothingFitsTheFilterNamesTheCommandWithoutIt(t *testing.T) {
	for format, want := range map[string]string{
		"table":    "Nothing on your team's backlog fits that filter right now; 3 issues without it: pmfolio --db /x/p.db next --site acme\n",
		"markdown": "# PM work your team needs\n\nNothing on your team's backlog fits that filter right now; 3 issues without it: `pmfolio --db /x/p.db next --site acme`\n",
	} {
		var out strings.Builder
		list := nextList{elsewhere: 3, command: "pmfolio --db /x/p.db next --category story-writing --site acme", unfiltered: "pmfolio --db /x/p.db next --site acme"}
		if err := writeOpportunities(IO{Out: &out}, format, list); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Errorf("next --format %s printed\n%q\nwant\n%q", format, out.String(), want)
		}
	}
}

// The table fits the terminal: long actions wrap by words under their
// label, and the competency that raised the ranks is said once, above.
func TestNextTableWrapsAndSaysTheGapOnce(t *testing.T) {
	long := "Chase the blocker PAY-3464: ask Jonas Becker for a date, post it here and tell Aisha Bello; after 14 weeks without a word, first ask whether it is still needed, and close it if not"
	var opps []next.Opportunity
	for _, key := range []string{"OPS-1", "OPS-2"} {
		opps = append(opps, next.Opportunity{IssueKey: key, IssueURL: "https://acme.example/browse/" + key, Summary: "Move the ledger backups",
			Category: "unblocking", Reason: "blocked by PAY-3464 with no comment for 14 weeks", Action: long, Gap: "Ownership and bias to action"})
	}
	gaps := next.Gaps{"Ownership and bias to action": 12, "Organization": 340, "Communication": 40}
	var out strings.Builder
	if err := writeOpportunities(IO{Out: &out, Width: 60}, "table", nextList{entries: byIssue(opps), total: 2, gaps: gaps}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	// Piped, with no terminal to measure, COLUMNS is the width.
	var piped strings.Builder
	columns := func(name string) string { return map[string]string{"COLUMNS": "60"}[name] }
	if err := writeOpportunities(IO{Out: &piped, Getenv: columns}, "table", nextList{entries: byIssue(opps), total: 2, gaps: gaps}); err != nil {
		t.Fatal(err)
	}
	if piped.String() != got {
		t.Errorf("with COLUMNS=60 and no terminal, next printed\n%s\nwant what a 60-column terminal gets:\n%s", piped.String(), got)
	}
	if want := "Work that builds Ownership and bias to action is listed\nhigher, after more pressing work: your portfolio shows far\nless of it than Organization.\n\n"; !strings.HasPrefix(got, want) {
		t.Errorf("table starts\n%s\nwant\n%s", got, want)
	}
	if n := strings.Count(strings.Join(strings.Fields(got), " "), "Ownership and bias to action"); n != 3 {
		t.Errorf("the gap is named %d times, want once above and once in each entry's shows:\n%s", n, got)
	}
	for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		if utf8.RuneCountInString(line) > 60 && !strings.Contains(line, "link:") {
			t.Errorf("line of %d runes in a 60-column terminal: %q", utf8.RuneCountInString(line), line)
		}
	}
	if !strings.Contains(got, "    do:    Chase the blocker PAY-3464: ask Jonas Becker for\n           a date,") {
		t.Errorf("the action does not wrap under its label:\n%s", got)
	}
}

// The line above the list claims only what its order shows: a gap entry
// in its top half. One listed below work of the strongest competency
// (Kestrel's only Product judgment entry, #6 under Organization's) raised
// nothing a reader sees.
func TestTheGapLineNeedsAGapEntryInTheTopHalf(t *testing.T) {
	entry := func(key, category, gap string) next.Opportunity {
		return next.Opportunity{IssueKey: key, Category: category, Gap: gap}
	}
	gaps := next.Gaps{"Product judgment": 3, "Organization": 9}
	tests := []struct {
		name string
		opps []next.Opportunity
		want string
	}{
		{name: "a gap entry first is said",
			opps: []next.Opportunity{entry("CHK-1", "prioritization", "Product judgment"), entry("CHK-2", "backlog-grooming", ""), entry("CHK-3", "backlog-grooming", "")},
			want: "Work that builds Product judgment is listed higher, after more pressing work: your portfolio shows far less of it than Organization."},
		{name: "a gap entry in the bottom half is not",
			opps: []next.Opportunity{entry("CHK-1", "backlog-grooming", ""), entry("CHK-2", "backlog-grooming", ""), entry("CHK-3", "prioritization", "Product judgment")},
			want: ""},
	}
	for _, tt := range tests {
		if got := gapLine(nextList{entries: byIssue(tt.opps), gaps: gaps}); got != tt.want {
			t.Errorf("%s: gapLine = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// Flags that contradict each other are refused, not half obeyed.
func TestContradictoryFlagsAreRefused(t *testing.T) {
	c := cli{env: isolatedEnv(t)}
	for _, args := range [][]string{{"next", "--all", "--limit", "3"}, {"stories", "--question", "a time you cut scope", "--top", "2"}} {
		if r := c.run(t, args...); r.code != exitUsage || !strings.Contains(r.errOut, "--") {
			t.Errorf("%q: exit %d, %q", args, r.code, r.errOut)
		}
	}
}

// Doing what next says about a block is taking it: asking the blocker's
// owner for a date (on the blocker), and asking the other team who takes
// its unplanned work, are classified as the suggested work, so the
// suggestions are marked taken and not made again. A reviewer chased three
// times in three wordings, and each sync said 0 new evidence items.
func TestChasingABlockerAsNextSaysTakesTheSuggestion(t *testing.T) {
	srv, env := teamSite(t)
	c := cli{env: env}
	if r := c.run(t, "sync", "--quiet"); r.code != 0 {
		t.Fatalf("sync: exit %d: %s", r.code, r.errOut)
	}
	var stale, dependency struct{ issue, blocker string }
	for _, op := range decodeNext(t, c.run(t, "next", "--all", "--format", "json")).Opportunities {
		switch {
		case op.Detector == "blocked.stale" && stale.issue == "" && len(op.Related) > 0 && !strings.Contains(op.Action, "still"):
			stale.issue, stale.blocker = op.IssueKey, op.Related[0]
		case op.Detector == "dependency.other-team" && dependency.issue == "" && len(op.Related) > 0:
			dependency.issue, dependency.blocker = op.IssueKey, op.Related[0]
		}
	}
	if stale.issue == "" || dependency.issue == "" {
		t.Fatalf("the demo's next has no stale block (%v) or other team's dependency (%v) to chase", stale, dependency)
	}
	at := testNow.Add(time.Hour)
	srv.Update(func(s *jiratest.Site) {
		if _, err := s.AddComment(stale.blocker, true, "Quick one: when will this be ready? "+stale.issue+" is blocked on it.", at); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddComment(dependency.blocker, true, "Who on your team can take this, and when? "+dependency.issue+" in our sprint needs it.", at.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
	})
	later := cli{env: env, now: testNow.Add(2 * time.Hour)}
	if r := later.run(t, "sync"); r.code != 0 {
		t.Fatalf("second sync: exit %d: %s", r.code, r.errOut)
	}
	var history struct {
		Suggestions []struct {
			IssueKey string     `json:"issue_key"`
			Detector string     `json:"detector"`
			TakenAt  *time.Time `json:"taken_at"`
		} `json:"suggestions"`
	}
	if err := json.Unmarshal([]byte(later.run(t, "next", "--history", "--format", "json").out), &history); err != nil {
		t.Fatal(err)
	}
	taken := map[string]bool{}
	for _, sg := range history.Suggestions {
		taken[sg.IssueKey+" "+sg.Detector] = sg.TakenAt != nil
	}
	if !taken[stale.issue+" blocked.stale"] || !taken[dependency.issue+" dependency.other-team"] {
		t.Errorf("chased %s's blocker %s and asked who takes %s's blocker %s; taken: %v", stale.issue, stale.blocker, dependency.issue, dependency.blocker, taken)
		t.Log(later.run(t, "evidence", "list", "--issue", stale.blocker, "--all").out)
		t.Log(later.run(t, "evidence", "list", "--issue", stale.issue, "--all").out)
	}
}

// With nothing to suggest, next says which case it is: no team backlog
// read yet, and what to run; or what it read, which needs nothing.
func TestNextSaysWhyItHasNothingToSuggest(t *testing.T) {
	_, env := teamSite(t)
	cfgPath := filepath.Join(t.TempDir(), "config.yaml")
	env["PMFOLIO_CONFIG"] = cfgPath
	c := cli{env: env}
	if err := os.WriteFile(cfgPath, []byte("team:\n  off: true\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := c.run(t, "sync", "--quiet"); r.code != 0 {
		t.Fatalf("sync: exit %d, %s", r.code, r.errOut)
	}
	if r := c.run(t, "next"); r.code != 0 || !strings.HasPrefix(r.out, "Sync has not read your team's backlog yet: run pmfolio sync") {
		t.Errorf("next before a team read: exit %d, %q", r.code, r.out)
	}
	cfg, _ := next.Load(nil)
	quiet := "team:\n  projects: [OPS]\nnext:\n  detectors:\n"
	for _, d := range cfg.Detectors {
		quiet += "    - id: " + d.ID + "\n      off: true\n"
	}
	if err := os.WriteFile(cfgPath, []byte(quiet), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := c.run(t, "sync", "--quiet"); r.code != 0 {
		t.Fatalf("sync: exit %d, %s", r.code, r.errOut)
	}
	if r := c.run(t, "next"); r.code != 0 || !regexp.MustCompile(`^Nothing on your team's backlog needs PM work right now: sync read \d+ issues of OPS\.\n$`).MatchString(r.out) {
		t.Errorf("next after a team read: exit %d, %q", r.code, r.out)
	}
}

// A follow-up of your incident that you filed outside the team's backlog
// is raised by next, from your own synced issues, asking its assignee for
// a date to post on the incident; inside the team's backlog it is told
// once, as the team's.
func TestNextRaisesYourFollowUpOutsideTheTeamsBacklogOnce(t *testing.T) {
	_, env := teamSite(t)
	cfgPath := filepath.Join(t.TempDir(), "config.yaml")
	env["PMFOLIO_DB"], env["PMFOLIO_CONFIG"] = filepath.Join(t.TempDir(), "pmfolio.db"), cfgPath
	c := cli{env: env}
	found := func(team string) []string {
		t.Helper()
		if err := os.WriteFile(cfgPath, []byte("team:\n  projects: ["+team+"]\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if r := c.run(t, "sync", "--quiet"); r.code != 0 {
			t.Fatalf("sync: exit %d, %s", r.code, r.errOut)
		}
		var out struct {
			Opportunities []struct {
				IssueKey string `json:"issue_key"`
				Detector string `json:"detector"`
				Action   string `json:"action"`
			} `json:"opportunities"`
		}
		if err := json.Unmarshal([]byte(c.run(t, "next", "--all", "--format", "json").out), &out); err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, op := range out.Opportunities {
			if op.IssueKey == "OPS-1220" {
				actions = append(actions, op.Detector+": "+op.Action)
			}
		}
		return actions
	}
	if got := found("MOB"); len(got) != 1 || !strings.HasPrefix(got[0], "incident.follow-up-stale: ") || !strings.Contains(got[0], "post it on OPS-1219") {
		t.Errorf("with OPS outside the team, OPS-1220's suggestions: %q, want its follow-up, to post the date on OPS-1219", got)
	}
	got := found("OPS")
	followUps := slices.DeleteFunc(slices.Clone(got), func(s string) bool { return !strings.HasPrefix(s, "incident.follow-up-stale: ") })
	if len(followUps) != 1 || strings.Contains(followUps[0], "post it on") {
		t.Errorf("with OPS the team's, OPS-1220's suggestions: %q, want the team's follow-up once", got)
	}
}
