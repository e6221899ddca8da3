package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// TestNoSecretReachesOutputLogsDatabaseOrExports runs the everyday commands
// with distinctive credentials, good and bad, and then looks for them in
// every byte pmfolio wrote or printed.
func TestNoSecretReachesOutputLogsDatabaseOrExports(t *testing.T) {
	const token, pat = "ATATT-s3cr3t-t0k3n-do-not-leak", "NDk2-s3cr3t-p4t-do-not-leak"
	srv := fakeSite(t, jiratest.DeploymentCloud, 15, jiratest.WithCredentials(jiratest.DemoEmail, token))
	dir := t.TempDir()
	env := isolatedEnv(t)
	env["JIRA_URL"], env["JIRA_EMAIL"], env["JIRA_API_TOKEN"] = srv.URL(), jiratest.DemoEmail, token
	env["PMFOLIO_DB"] = filepath.Join(dir, "pmfolio.db")
	c := cli{env: env}
	var printed strings.Builder
	for _, args := range [][]string{
		{"sync"}, {"sync", "--full"}, {"stats", "--format", "json"}, {"evidence", "list"}, {"doctor"},
		{"export", "-o", filepath.Join(dir, "portfolio.md")},
		{"export", "--format", "json", "-o", filepath.Join(dir, "portfolio.json")},
	} {
		r := c.run(t, args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.errOut)
		}
		printed.WriteString(r.out + r.errOut)
	}
	// Failures print errors; those must not carry the secrets either.
	wrong := map[string]string{}
	for k, v := range env {
		wrong[k] = v
	}
	wrong["JIRA_API_TOKEN"] = token + "-revoked"
	for _, args := range [][]string{{"sync"}, {"doctor"}} {
		r := cli{env: wrong}.run(t, args...)
		printed.WriteString(r.out + r.errOut)
	}
	wrong["JIRA_API_TOKEN"], wrong["JIRA_PAT"] = "", pat
	r := cli{env: wrong}.run(t, "sync")
	printed.WriteString(r.out + r.errOut)

	if strings.Contains(printed.String(), token) || strings.Contains(printed.String(), pat) {
		t.Errorf("a secret was printed:\n%s", printed.String())
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 4 {
		t.Fatalf("only %d files written: %v", len(entries), entries)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), token) || strings.Contains(string(data), pat) {
			t.Errorf("%s holds a secret", e.Name())
		}
	}
}
