package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// exportedEvidence is the part of the JSON export these tests read.
type exportedEvidence struct {
	Evidence []struct {
		ID       string `json:"id"`
		Category string `json:"category"`
		Rule     string `json:"rule"`
		Note     string `json:"note"`
		Excerpt  string `json:"excerpt"`
	} `json:"evidence"`
}

func exportJSON(t *testing.T, c cli, args ...string) exportedEvidence {
	t.Helper()
	r := c.run(t, append(args, "export", "--format", "json")...)
	if r.code != 0 {
		t.Fatalf("export exit %d: %s", r.code, r.errOut)
	}
	var doc exportedEvidence
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	return doc
}

// curationRows reads the curation table as it is, straight from SQLite.
func curationRows(t *testing.T, dbPath string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT evidence_id, excluded, note, coalesce(category, '-'), updated_at FROM curation ORDER BY evidence_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, note, cat, at string
		var excluded bool
		if err := rows.Scan(&id, &excluded, &note, &cat, &at); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s|%v|%s|%s|%s", id, excluded, note, cat, at))
	}
	return out
}

func demoDatabase(t *testing.T) (cli, string) {
	t.Helper()
	return cli{env: isolatedEnv(t)}, filepath.Join(demoCopy(t), "pmfolio.db")
}

// Done-when of the classifier issue: a rule changed in a user file and a
// reclassify change the export accordingly, and curation is untouched.
func TestReclassifyWithAUserRulesFileChangesTheExportAndKeepsCuration(t *testing.T) {
	c, db := demoDatabase(t)
	before := exportJSON(t, c, "--db", db)
	byRule := map[string][]string{}
	for _, ev := range before.Evidence {
		byRule[ev.Rule] = append(byRule[ev.Rule], ev.ID)
	}
	if len(byRule["change.priority"]) < 2 || len(byRule["comment.decision"]) < 2 {
		t.Fatalf("the demo export lacks the evidence this test curates: %v", byRule)
	}

	// Curate: a note on an item of the rule about to be disabled, an
	// exclusion and a re-categorisation elsewhere.
	ctx := context.Background()
	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	noted := byRule["change.priority"][0]
	for _, step := range []error{
		store.SetNote(ctx, noted, "the escalation from Acme"),
		store.SetExcluded(ctx, byRule["comment.decision"][0], true),
		store.Recategorize(ctx, byRule["comment.decision"][1], evidence.CatStakeholderComms),
	} {
		if step != nil {
			t.Fatal(step)
		}
	}
	store.Close()
	curated := curationRows(t, db)
	if len(curated) != 3 {
		t.Fatalf("curation rows = %v", curated)
	}

	rulesFile := filepath.Join(t.TempDir(), "rules.yaml")
	writeFile(t, rulesFile, `categories:
  - id: toil-reduction
    title: Toil reduction
    competency: Ownership and bias to action
    suggestion: Name the toil you removed and how many hours a week it gave back.
rules:
  - id: change.priority
    disabled: true
  - id: comment.toil
    category: toil-reduction
    source: comment
    confidence: 0.6
    match:
      text:
        phrases: ['\btoil\b']
        min-words: 5
`)
	r := c.run(t, "--db", db, "--rules", rulesFile, "reclassify")
	if r.code != 0 {
		t.Fatalf("reclassify exit %d: %s", r.code, r.errOut)
	}
	if !regexp.MustCompile(`(?m)^prioritization +\d+ +\d+ +\+0 +-\d+$`).MatchString(r.out) ||
		!regexp.MustCompile(`(?m)^toil-reduction +0 +\d+ +\+\d+ +-0$`).MatchString(r.out) ||
		!strings.Contains(r.out, "curation untouched: 3 curated items, 1 of them not found now") {
		t.Errorf("reclassify does not say what changed:\n%s", r.out)
	}

	after := exportJSON(t, c, "--db", db, "--rules", rulesFile)
	toil := 0
	for _, ev := range after.Evidence {
		if ev.Rule == "change.priority" {
			t.Fatalf("the export still has the disabled rule's evidence: %+v", ev)
		}
		if ev.Category == "toil-reduction" {
			toil++
		}
	}
	if toil == 0 {
		t.Error("the export has no evidence of the user's category")
	}
	md := c.run(t, "--db", db, "--rules", rulesFile, "export")
	if md.code != 0 || !strings.Contains(md.out, "Toil reduction") {
		t.Errorf("the Markdown export does not name the user's category (exit %d):\n%s", md.code, md.errOut)
	}
	if got := curationRows(t, db); !slices.Equal(got, curated) {
		t.Errorf("curation changed:\n%v\nwant\n%v", got, curated)
	}

	// Without the file, the rule's evidence is back with the user's note on it.
	if r := c.run(t, "--db", db, "reclassify"); r.code != 0 {
		t.Fatalf("reclassify exit %d: %s", r.code, r.errOut)
	}
	back := exportJSON(t, c, "--db", db)
	found := false
	for _, ev := range back.Evidence {
		if ev.ID == noted {
			found = ev.Note == "the escalation from Acme"
		}
	}
	if !found || len(back.Evidence) != len(before.Evidence)-1 { // the exclusion still holds
		t.Errorf("after reclassifying with the built-in rules: noted item found %v, %d items, want %d",
			found, len(back.Evidence), len(before.Evidence)-1)
	}
	if got := curationRows(t, db); !slices.Equal(got, curated) {
		t.Errorf("curation changed on the second reclassify:\n%v", got)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const brokenRules = `rules:
  - id: comment.x
    category: decision-making
    source: comment
    confidence: 0.5
    match:
      text:
        phrases: ['(unclosed']
  - id: comment.y
    category: no-such-category
    source: comment
    confidence: 0.5
    match: {textt: {min-words: 3}}
`

func TestRulesCheckReportsEachProblemWithItsLine(t *testing.T) {
	c := cli{env: isolatedEnv(t)}
	path := filepath.Join(t.TempDir(), "rules.yaml")
	writeFile(t, path, brokenRules)
	r := c.run(t, "rules", "check", path)
	if r.code != exitUsage {
		t.Fatalf("exit %d, want %d", r.code, exitUsage)
	}
	for _, want := range []string{
		path + `:8: bad regexp "(unclosed"`,
		path + `:10: unknown category "no-such-category"`,
		path + `:13: unknown matcher "textt" (did you mean "text"?)`,
	} {
		if !strings.Contains(r.out, want) {
			t.Errorf("rules check output lacks %q:\n%s", want, r.out)
		}
	}
	if !strings.HasPrefix(r.errOut, "pmfolio: "+path+" is broken: 3 problems\n") {
		t.Errorf("stderr = %q", r.errOut)
	}

	good := filepath.Join(t.TempDir(), "good.yaml")
	writeFile(t, good, "rules:\n  - id: change.labels\n    disabled: true\n  - id: change.priority\n    confidence: 0.9\n")
	r = c.run(t, "rules", "check", good)
	if r.code != 0 || r.out != good+": ok; 0 rules added, 1 overridden, 1 disabled, 0 categories added\n" {
		t.Errorf("check of a good file: exit %d, %q %q", r.code, r.out, r.errOut)
	}
	// A file that cannot be read says why.
	dir := t.TempDir()
	for path, why := range map[string]string{filepath.Join(dir, "missing.yaml"): "there is no such file", dir: "it is a folder"} {
		r := c.run(t, "rules", "check", path)
		if r.code != exitUsage || r.errOut != "pmfolio: cannot read rules file "+path+": "+why+"\n" {
			t.Errorf("check of %s: exit %d, %q; want it to say %q", path, r.code, r.errOut, why)
		}
	}
}

// A broken rules file never silently drops rules: the commands that
// classify refuse it, say where it is broken and change nothing.
func TestCommandsRefuseABrokenRulesFile(t *testing.T) {
	c, db := demoDatabase(t)
	// A site that would refuse the connection: the rules are checked first.
	c.env["JIRA_URL"], c.env["JIRA_EMAIL"], c.env["JIRA_API_TOKEN"] = "http://127.0.0.1:1", "sam@example.com", "token"
	before := exportJSON(t, c, "--db", db)
	path := filepath.Join(t.TempDir(), "rules.yaml")
	writeFile(t, path, brokenRules)
	for _, args := range [][]string{
		{"--db", db, "--rules", path, "reclassify"},
		{"--db", db, "--rules", path, "sync"},
		{"--db", db, "--rules", path, "rules", "list"},
		{"--db", db, "--rules", path, "export"},
		{"--db", db, "--rules", path, "bullets"},
	} {
		r := c.run(t, args...)
		if r.code != exitUsage || !strings.HasPrefix(r.errOut, "pmfolio: rules file is broken: "+path+":8: bad regexp") ||
			!strings.Contains(r.errOut, "(and 2 more problems)") || !strings.Contains(r.errOut, "hint: run 'pmfolio rules check "+path+"'") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.errOut)
		}
	}
	if after := exportJSON(t, c, "--db", db); len(after.Evidence) != len(before.Evidence) {
		t.Errorf("a refused reclassify changed the evidence: %d items, was %d", len(after.Evidence), len(before.Evidence))
	}
	if r := c.run(t, "--db", db, "--rules", filepath.Join(t.TempDir(), "none.yaml"), "reclassify"); r.code != exitUsage ||
		!strings.Contains(r.errOut, "no rules file at") {
		t.Errorf("a missing rules file: exit %d, %q", r.code, r.errOut)
	}
}

func TestRulesListAndShow(t *testing.T) {
	env := isolatedEnv(t)
	path := filepath.Join(env["HOME"], "my-rules.yaml")
	writeFile(t, path, `rules:
  - id: change.labels
    disabled: true
  - id: change.priority
    confidence: 0.9
  - id: comment.customer-call
    category: decision-making
    source: comment
    confidence: 0.5
    match: {text: {phrases: ['\bcustomer call\b'], min-words: 4}}
`)
	// The config file's rules: entry, relative to the config file.
	cfgDir := filepath.Join(env["XDG_CONFIG_HOME"], "pmfolio")
	if err := os.MkdirAll(cfgDir, 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(cfgDir, "config.yaml"), "rules: ../../my-rules.yaml\n")
	c := cli{env: env}

	r := c.run(t, "rules", "list")
	if r.code != 0 {
		t.Fatalf("rules list exit %d: %s", r.code, r.errOut)
	}
	for _, want := range []string{
		`(?m)^ID +CATEGORY +CONFIDENCE +SOURCE +ORIGIN$`,
		`(?m)^change\.priority +prioritization +0\.90 +change +overridden$`,
		`(?m)^change\.labels +backlog-grooming +0\.50 +change +disabled$`,
		`(?m)^comment\.customer-call +decision-making +0\.50 +comment +user$`,
		`(?m)^comment\.decision +decision-making +0\.80 +comment +built-in$`,
	} {
		if !regexp.MustCompile(want).MatchString(r.out) {
			t.Errorf("rules list lacks %s:\n%s", want, r.out)
		}
	}
	r = c.run(t, "rules", "list", "--format", "json")
	var listed []ruleJSON
	if err := json.Unmarshal([]byte(r.out), &listed); err != nil || len(listed) < 40 {
		t.Fatalf("rules list --format json: %v, %d rules", err, len(listed))
	}

	r = c.run(t, "rules", "show", "comment.decision")
	if r.code != 0 {
		t.Fatalf("rules show exit %d: %s", r.code, r.errOut)
	}
	for _, want := range []string{
		"# comment.decision: built-in, built-in rules line ",
		`# Claims decision-making (confidence 0.8) for a comment of yours when its text matches "decision" (at least 5 words).`,
		"id: comment.decision\ncategory: decision-making\nsource: comment\nconfidence: 0.8\nmatch:\n  text: {pattern: decision, min-words: 5}\n",
		"patterns:\n  # from built-in rules\n  decision:\n    sentence: [own-decision]\n    phrases:\n",
	} {
		if !strings.Contains(r.out, want) {
			t.Errorf("rules show lacks %q:\n%s", want, r.out)
		}
	}
	r = c.run(t, "rules", "show", "change.priority")
	if !strings.Contains(r.out, "overridden, "+path+" line 4") || !strings.Contains(r.out, "confidence: 0.9\n") {
		t.Errorf("rules show of an overridden rule:\n%s", r.out)
	}
	if r := c.run(t, "rules", "show", "no.such-rule"); r.code != exitUsage {
		t.Errorf("rules show of an unknown id: exit %d", r.code)
	}
}

// evidence show names model.text as the rule of the text model's claims:
// rules show explains it, on or off, rather than saying there is no such
// rule.
func TestRulesShowExplainsTheTextModel(t *testing.T) {
	env := isolatedEnv(t)
	off := filepath.Join(env["HOME"], "model-off.yaml")
	writeFile(t, off, "model: off\n")
	c := cli{env: env}
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"on", []string{"rules", "show", "model.text"}, []string{
			"# model.text: the text model, built-in, on; \"model: off\" in a rules file turns it off\n",
			"'pmfolio evidence list --rule model' lists them",
			"# The probability a claim needs, per category:\n#   story-writing ",
		}},
		{"off", []string{"--rules", off, "rules", "show", "model.text"}, []string{
			"# model.text: the text model, built-in, off (\"model: off\" in " + off + ")\n",
		}},
	} {
		r := c.run(t, tc.args...)
		if r.code != 0 || r.errOut != "" {
			t.Errorf("%s: rules show model.text: exit %d, err %q", tc.name, r.code, r.errOut)
		}
		for _, want := range tc.want {
			if !strings.Contains(r.out, want) {
				t.Errorf("%s: rules show model.text lacks %q:\n%s", tc.name, want, r.out)
			}
		}
		if tc.name == "off" && strings.Contains(r.out, "probability a claim needs") {
			t.Errorf("off: rules show model.text lists thresholds of a model that is off:\n%s", r.out)
		}
	}
}

// A sync with other rules than those the stored evidence comes from (an
// edited rules file, or a new pmfolio) rebuilds it before storing anything
// beside it, and says so once; the same rules again change nothing. Until
// then, a portfolio command notes that the evidence is out of date.
func TestSyncReclassifiesWhenTheRulesChanged(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentCloud, 40)
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"] = srv.URL(), jiratest.DemoEmail, jiratest.DemoAPIToken
	env["PMFOLIO_DB"] = filepath.Join(t.TempDir(), "pmfolio.db")
	c := cli{env: env}
	const said = "the rules changed since your evidence was classified"
	countRule := func(args ...string) int {
		n := 0
		for _, ev := range exportJSON(t, c, args...).Evidence {
			if ev.Rule == "change.priority" {
				n++
			}
		}
		return n
	}

	if r := c.run(t, "sync"); r.code != 0 || strings.Contains(r.out, said) {
		t.Fatalf("first sync: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
	if countRule() == 0 {
		t.Fatal("the site gives no change.priority evidence to take away")
	}
	rulesFile := filepath.Join(t.TempDir(), "rules.yaml")
	writeFile(t, rulesFile, "rules:\n  - id: change.priority\n    disabled: true\n")
	// Until then, an export says its evidence comes from other rules.
	const note = "note: your evidence was classified by other rules than those in force"
	if r := c.run(t, "export"); r.code != 0 || strings.Contains(r.errOut, note) {
		t.Errorf("export with the rules of the sync: exit %d, stderr %q", r.code, r.errOut)
	}
	if r := c.run(t, "--rules", rulesFile, "bullets"); r.code != 0 || !strings.Contains(r.errOut, note) {
		t.Errorf("bullets with other rules: exit %d, stderr %q", r.code, r.errOut)
	}
	r := c.run(t, "--rules", rulesFile, "sync")
	if r.code != 0 || !regexp.MustCompile(said+`[^\n]*: reclassified it, \d+ evidence items \(was \d+\)\n`).MatchString(r.out) {
		t.Fatalf("sync with a rules file: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
	if n := countRule("--rules", rulesFile); n != 0 {
		t.Errorf("%d items of the disabled rule remain after the sync", n)
	}
	if r := c.run(t, "--rules", rulesFile, "sync"); r.code != 0 || strings.Contains(r.out, said) {
		t.Errorf("the same rules again: exit %d\n%s", r.code, r.out)
	}
	// Back to the built-in rules, quietly, as cron runs it.
	if r := c.run(t, "sync", "--quiet"); r.code != 0 || r.out != "" || r.errOut != "" {
		t.Errorf("quiet sync: exit %d, %q %q", r.code, r.out, r.errOut)
	}
	if countRule() == 0 {
		t.Error("the built-in rules' evidence is not back after the sync")
	}
}
