package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// demoDB runs a small demo and returns an environment whose PMFOLIO_DB is
// its database.
func demoDB(t *testing.T) map[string]string {
	t.Helper()
	env := isolatedEnv(t)
	env["PMFOLIO_DB"] = filepath.Join(demoCopy(t, "--issues", "40"), "pmfolio.db")
	return env
}

type listed struct {
	ID       string `json:"id"`
	Category string `json:"category"`
	Rule     string `json:"rule"`
	IssueKey string `json:"issue_key"`
	Excerpt  string `json:"excerpt"`
	Note     string `json:"note"`
	Manual   bool   `json:"manual"`
	Excluded bool   `json:"excluded"`
}

func listJSON(t *testing.T, c cli, args ...string) []listed {
	t.Helper()
	r := c.run(t, append([]string{"evidence", "list", "--format", "json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("evidence list: %s", r.errOut)
	}
	var items []listed
	if err := json.Unmarshal([]byte(r.out), &items); err != nil {
		t.Fatalf("evidence list JSON: %v\n%s", err, r.out)
	}
	return items
}

func TestEvidenceCurationCommandsSurviveAFullResyncIntoTheExport(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 40)
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"] = srv.URL(), jiratest.DemoEmail, jiratest.DemoAPIToken
	c := cli{env: env}
	if r := c.run(t, "sync", "--quiet"); r.code != 0 {
		t.Fatalf("sync: %s", r.errOut)
	}
	items := listJSON(t, c)
	if len(items) < 5 {
		t.Fatalf("only %d items", len(items))
	}
	excluded, noted, moved := items[0], items[1], items[2]

	// Short ids work; a typo changes nothing.
	if r := c.run(t, "evidence", "exclude", excluded.ID[:10], "ev_nonexistent"); r.code != exitUsage || !strings.Contains(r.errOut, `no evidence item "ev_nonexistent"`) {
		t.Fatalf("exclude with a typo: exit %d, %q", r.code, r.errOut)
	}
	if got := listJSON(t, c); len(got) != len(items) {
		t.Fatal("a failed exclude excluded something")
	}
	for _, args := range [][]string{
		{"evidence", "exclude", strings.TrimPrefix(excluded.ID, "ev_")[:12]},
		{"evidence", "note", noted.ID, "Outcome:", "refunds", "same-day"},
		{"evidence", "recategorize", moved.ID, "decision-making"},
		{"evidence", "add", "--date", "2026-03-02", "--category", "stakeholder-communication",
			"--description", "Ran the quarterly roadmap review with sales", "--link", "https://docs.example.com/q2"},
	} {
		if r := c.run(t, args...); r.code != 0 {
			t.Fatalf("%v: exit %d, %s", args, r.code, r.errOut)
		}
	}
	if r := c.run(t, "evidence", "recategorize", moved.ID, "vibes"); r.code != exitUsage || !strings.Contains(r.errOut, "unknown category") {
		t.Errorf("unknown category: exit %d, %q", r.code, r.errOut)
	}

	check := func(when string) {
		t.Helper()
		byID := map[string]listed{}
		for _, it := range listJSON(t, c, "--all") {
			byID[it.ID] = it
		}
		if !byID[excluded.ID].Excluded {
			t.Errorf("%s: %s is not excluded", when, excluded.ID)
		}
		if byID[noted.ID].Note != "Outcome: refunds same-day" {
			t.Errorf("%s: note = %q", when, byID[noted.ID].Note)
		}
		if byID[moved.ID].Category != "decision-making" {
			t.Errorf("%s: category = %q", when, byID[moved.ID].Category)
		}
		manual := 0
		for _, it := range byID {
			if it.Manual && it.Excerpt == "Ran the quarterly roadmap review with sales" {
				manual++
			}
		}
		if manual != 1 {
			t.Errorf("%s: %d manual items", when, manual)
		}
		r := c.run(t, "export", "--format", "json")
		if r.code != 0 {
			t.Fatalf("export: %s", r.errOut)
		}
		if strings.Contains(r.out, excluded.ID) || !strings.Contains(r.out, "Outcome: refunds same-day") ||
			!strings.Contains(r.out, "Ran the quarterly roadmap review with sales") {
			t.Errorf("%s: the export ignores curation", when)
		}
	}
	check("after curation")
	if r := c.run(t, "sync", "--full", "--quiet"); r.code != 0 {
		t.Fatalf("sync --full: %s", r.errOut)
	}
	check("after a full re-sync")

	if r := c.run(t, "evidence", "include", excluded.ID); r.code != 0 || r.out != "included 1 item\n" {
		t.Errorf("include: %d %q %q", r.code, r.out, r.errOut)
	}
	if got := listJSON(t, c); len(got) != len(items)+1 {
		t.Errorf("after include: %d items, want %d", len(got), len(items)+1)
	}
}

func TestEvidenceListAndShowForPeople(t *testing.T) {
	env := demoDB(t)
	c := cli{env: env}
	r := c.run(t, "evidence", "list", "--category", "prioritization", "--since", "2025-11-22")
	if r.code != 0 {
		t.Fatalf("list: %s", r.errOut)
	}
	header, body, _ := strings.Cut(r.out, "\n")
	if !regexp.MustCompile(`^ID\s+DATE\s+CATEGORY\s+ISSUE\s+EXCERPT$`).MatchString(header) {
		t.Errorf("list header %q", header)
	}
	line := regexp.MustCompile(`^ev_[0-9a-f]{20}  \d{4}-\d{2}-\d{2}  prioritization\s+[A-Z]+-\d+\s+\S`)
	for _, l := range strings.Split(strings.TrimSpace(body), "\n") {
		if !line.MatchString(l) {
			t.Errorf("list line %q", l)
		}
	}
	id := strings.Fields(body)[0]
	r = c.run(t, "evidence", "show", id[:8])
	for _, want := range []string{"id:          " + id, "category:    prioritization", "rule:        ", "link:        http://127.0.0.1:"} {
		if !strings.Contains(r.out, want) {
			t.Errorf("show lacks %q:\n%s", want, r.out)
		}
	}
	// A comment's link opens the comment itself, as the exports' do.
	commentShown := false
	for _, l := range strings.Split(strings.TrimSpace(body), "\n") {
		r := c.run(t, "evidence", "show", strings.Fields(l)[0])
		m := regexp.MustCompile(`source: +comment (\d+) on`).FindStringSubmatch(r.out)
		if m == nil {
			continue
		}
		commentShown = true
		if !strings.Contains(r.out, "?focusedCommentId="+m[1]+"&") {
			t.Errorf("show of comment %s does not link it:\n%s", m[1], r.out)
		}
		break
	}
	if !commentShown {
		t.Error("no prioritization comment to show")
	}
	if r := c.run(t, "evidence", "list", "--category", "nope"); r.code != exitUsage {
		t.Errorf("list with unknown category: exit %d", r.code)
	}
	if r := c.run(t, "evidence", "show", "ev_"); r.code != exitUsage || !strings.Contains(r.errOut, "more than one") {
		t.Errorf("ambiguous id: exit %d %q", r.code, r.errOut)
	}
}

func TestCompletionOffersCategoriesAndEvidenceIDs(t *testing.T) {
	env := demoDB(t)
	c := cli{env: env}
	r := c.run(t, "__complete", "evidence", "recategorize", "ev_", "unbl")
	if !strings.Contains(r.out, "unblocking\tUnblocking others") {
		t.Errorf("category completion:\n%s", r.out)
	}
	r = c.run(t, "__complete", "evidence", "show", "ev_")
	if n := strings.Count(r.out, "\nev_") + strings.Count(r.out[:min(3, len(r.out))], "ev_"); n < 5 {
		t.Errorf("id completion offered %d ids:\n%s", n, r.out)
	}
}

func TestCurationAcceptsTheUsersOwnCategories(t *testing.T) {
	env := demoDB(t)
	rules := filepath.Join(t.TempDir(), "rules.yaml")
	if err := os.WriteFile(rules, []byte("categories:\n  - id: customer-research\n    title: Customer research\n"+
		"    competency: Product judgment\n    suggestion: Talk to five customers about the problem before the next epic.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c := cli{env: env}
	args := []string{"evidence", "add", "--date", "2026-02-10", "--category", "customer-research", "--description", "Interviewed five merchants about refunds"}
	if r := c.run(t, args...); r.code != exitUsage || !strings.Contains(r.errOut, `unknown category "customer-research"`) {
		t.Fatalf("without the rules file: exit %d, %q", r.code, r.errOut)
	}
	if r := c.run(t, append([]string{"--rules", rules}, args...)...); r.code != 0 {
		t.Fatalf("with the rules file: exit %d, %q", r.code, r.errOut)
	}
	r := c.run(t, "--rules", rules, "__complete", "evidence", "list", "--category", "cust")
	if !strings.Contains(r.out, "customer-research\tCustomer research") {
		t.Errorf("completion of the user's category:\n%s", r.out)
	}
	r = c.run(t, "--rules", rules, "evidence", "list", "--category", "customer-research")
	if r.code != 0 || strings.Count(r.out, "\n") != 2 || !strings.Contains(r.out, "Interviewed five merchants") {
		t.Errorf("list of the user's category: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
}

func TestEvidenceAddWorksBeforeTheFirstSync(t *testing.T) {
	c := cli{env: isolatedEnv(t)}
	r := c.run(t, "evidence", "add", "--date", "2026-02-10", "--category", "stakeholder-communication", "--description", "Roadmap review with sales")
	if r.code != 0 || !strings.HasPrefix(r.out, "added ev_m") {
		t.Fatalf("add on a machine that never synced: exit %d, %q %q", r.code, r.out, r.errOut)
	}
	if items := listJSON(t, c); len(items) != 1 || !items[0].Manual {
		t.Errorf("list after add: %+v", items)
	}
}

func TestEvidenceListFlagsAndEmptyResultsSayWhy(t *testing.T) {
	c := cli{env: demoDB(t)}
	all := listJSON(t, c)
	limited := listJSON(t, c, "--limit", "3")
	if len(limited) != 3 || limited[2].ID != all[len(all)-1].ID {
		t.Errorf("--limit 3 gave %d items, ending %v; want the newest three", len(limited), limited)
	}
	key := all[0].IssueKey
	if lower := listJSON(t, c, "--issue", strings.ToLower(key)); len(lower) == 0 || lower[0].IssueKey != key {
		t.Errorf("--issue %s found %d items", strings.ToLower(key), len(lower))
	}
	byModel := listJSON(t, c, "--rule", "model")
	for _, it := range byModel {
		if it.Rule != "model.text" {
			t.Errorf("--rule model listed %s by %s", it.ID, it.Rule)
		}
	}
	decisions := listJSON(t, c, "--rule", "comment.decision")
	if len(byModel) == 0 || len(decisions) == 0 || len(byModel)+len(decisions) >= len(all) {
		t.Errorf("--rule model kept %d and --rule comment.decision %d of %d items", len(byModel), len(decisions), len(all))
	}
	// A name that names nothing is a mistake to say (exit 2); one that
	// names something without evidence is an empty list.
	for _, args := range [][]string{{"--rule", "nosuch"}, {"--rule", "comment.decison"}, {"--issue", "NOPE-1"}, {"--issue", "NOPE-1", "--format", "json"}} {
		if r := c.run(t, append([]string{"evidence", "list"}, args...)...); r.code != 2 || !strings.HasPrefix(r.errOut, "pmfolio: no ") || r.out != "" {
			t.Errorf("evidence list %v: exit %d, out %q, err %q", args, r.code, r.out, r.errOut)
		}
	}
	if r := c.run(t, "evidence", "list", "--rule", "comment.decison"); !strings.Contains(r.errOut, `did you mean "comment.decision"?`) {
		t.Errorf("a misspelt rule: %q", r.errOut)
	}
	var elsewhere string // a category with no evidence on key
	for _, cat := range evidence.Categories {
		if !slices.ContainsFunc(all, func(it listed) bool { return it.IssueKey == key && it.Category == cat.ID }) {
			elsewhere = cat.ID
		}
	}
	if r := c.run(t, "evidence", "list", "--issue", key, "--category", elsewhere); r.code != 0 || !strings.HasPrefix(r.out, "No evidence matches category "+elsewhere+" and issue "+key+", out of ") {
		t.Errorf("an issue with no evidence of a category: exit %d %q %q", r.code, r.out, r.errOut)
	}
	r := c.run(t, "evidence", "list", "--until", "2001-01-01")
	if r.code != 0 || !strings.HasPrefix(r.out, "No evidence matches the dates asked for (evidence runs from ") {
		t.Errorf("an empty period: exit %d %q", r.code, r.out)
	}
	fresh := cli{env: isolatedEnv(t)}
	fresh.run(t, "evidence", "add", "--date", "2026-01-01", "--category", "unblocking", "--description", "x")
	id := listJSON(t, fresh)[0].ID
	fresh.run(t, "evidence", "exclude", id)
	if r := fresh.run(t, "evidence", "list"); !strings.HasPrefix(r.out, "No evidence shown: all 1 item are excluded") {
		t.Errorf("all excluded: %q", r.out)
	}
}

func TestDeleteRemovesOnlyTheUsersOwnItems(t *testing.T) {
	c := cli{env: demoDB(t)}
	fromJira := listJSON(t, c)[0].ID
	r := c.run(t, "evidence", "add", "--date", "2026-01-01", "--category", "unblocking", "--description", "Workshop")
	manual := strings.TrimSpace(strings.TrimPrefix(r.out, "added "))
	if r := c.run(t, "evidence", "delete", manual, fromJira); r.code != exitUsage || !strings.Contains(r.errOut, "evidence exclude "+fromJira) {
		t.Errorf("delete of a Jira item: exit %d %q", r.code, r.errOut)
	}
	if r := c.run(t, "evidence", "show", manual); r.code != 0 {
		t.Error("a refused delete deleted the other item")
	}
	// The same item typed twice is deleted once, not refused after it.
	if r := c.run(t, "evidence", "delete", manual[:8], manual); r.code != 0 || r.out != "deleted 1 item\n" {
		t.Errorf("delete: exit %d %q %q", r.code, r.out, r.errOut)
	}
	if r := c.run(t, "evidence", "show", manual); r.code != exitUsage {
		t.Errorf("the deleted item is still there: %d", r.code)
	}
}

func TestCompletionOffersFormatsAndRuleIDs(t *testing.T) {
	c := cli{env: isolatedEnv(t)}
	if r := c.run(t, "__complete", "evidence", "list", "--format", ""); !strings.Contains(r.out, "table\njson\n") {
		t.Errorf("format completion:\n%s", r.out)
	}
	if r := c.run(t, "__complete", "rules", "show", "comment.dec"); !strings.Contains(r.out, "comment.decision\tdecision-making") {
		t.Errorf("rule id completion:\n%s", r.out)
	}
	if r := c.run(t, "__complete", "evidence", "list", "--rule", "mod"); !strings.Contains(r.out, "model.text\t") {
		t.Errorf("--rule completion:\n%s", r.out)
	}
	if r := c.run(t, "__complete", "evidence", "list", "--rule", "comment.dec"); !strings.Contains(r.out, "comment.decision\tdecision-making") {
		t.Errorf("--rule completion:\n%s", r.out)
	}
}
