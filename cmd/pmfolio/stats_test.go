package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestStatsShowsEveryMonthBetweenTheFirstAndTheLastWithZeros(t *testing.T) {
	c := cli{env: isolatedEnv(t)}
	for _, date := range []string{"2026-01-10", "2026-04-10"} {
		if r := c.run(t, "evidence", "add", "--date", date, "--category", "stakeholder-communication", "--description", "Roadmap review"); r.code != 0 {
			t.Fatal(r.errOut)
		}
	}
	r := c.run(t, "stats")
	if !regexp.MustCompile(`(?m)^category\s+total\s+model\s+26-01\s+26-02\s+26-03\s+26-04$`).MatchString(r.out) ||
		!regexp.MustCompile(`(?m)^stakeholder-communication\s+2\s+0\s+1\s+0\s+0\s+1$`).MatchString(r.out) {
		t.Errorf("stats table skips the quiet months:\n%s%s", r.out, r.errOut)
	}
	r = c.run(t, "stats", "--format", "json")
	var doc statsJSON
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Months) != 4 || doc.Months["2026-02"] == nil || len(doc.Months["2026-02"]) != 0 {
		t.Errorf("stats JSON months = %v; want the four months, the quiet ones empty", doc.Months)
	}
	// A site never synced is a mistake to say, not zero activities.
	if r := c.run(t, "stats", "--site", "elsewhere"); r.code != exitUsage || r.out != "" || !strings.Contains(r.errOut, `no synced site named "elsewhere"`) {
		t.Errorf("stats --site elsewhere: exit %d, out %q, err %q", r.code, r.out, r.errOut)
	}
}

func TestTheConfigsRulesAreInForceForEveryCommand(t *testing.T) {
	env := demoDB(t)
	cfgDir := filepath.Join(env["XDG_CONFIG_HOME"], "pmfolio")
	if err := os.MkdirAll(cfgDir, 0o700); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(cfgDir, "config.yaml"), "rules: my-rules.yaml\n")
	rulesFile := filepath.Join(cfgDir, "my-rules.yaml")
	writeFile(t, rulesFile, "categories:\n  - id: customer-research\n    title: Customer research\n"+
		"    competency: Product judgment\n    suggestion: Talk to five customers before the next epic.\n")
	c := cli{env: env}
	if r := c.run(t, "evidence", "add", "--date", "2026-02-10", "--category", "customer-research", "--description", "Interviewed five merchants"); r.code != 0 {
		t.Fatalf("add: %s", r.errOut)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"evidence", "list", "--category", "customer-research"}, "Interviewed five merchants"},
		{[]string{"stats"}, "customer-research"},
		{[]string{"export"}, "Customer research"},
		{[]string{"export", "--format", "json"}, `"category": "customer-research"`},
		{[]string{"stories"}, "Interview stories"},
		{[]string{"bullets"}, "- "},
	} {
		if r := c.run(t, tt.args...); r.code != 0 || !strings.Contains(r.out, tt.want) {
			t.Errorf("%v with the config's rules: exit %d, output lacks %q\n%s", tt.args, r.code, tt.want, r.errOut)
		}
	}
	// A broken file is refused the same way by every command that reads evidence.
	writeFile(t, rulesFile, "rules:\n  - id: x\n    category: nope\n")
	for _, args := range [][]string{{"evidence", "list"}, {"stats"}, {"export"}, {"bullets"}, {"stories"}, {"reclassify"}, {"evidence", "show", "ev_"}} {
		if r := c.run(t, args...); r.code != exitUsage || !strings.Contains(r.errOut, "rules file is broken") {
			t.Errorf("%v with a broken rules file: exit %d, %q", args, r.code, r.errOut)
		}
	}
}
