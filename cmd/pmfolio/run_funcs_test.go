package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/rules"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	"github.com/pmfolio/pmfolio/jira"
)

// bufferIO is an IO whose output a test reads back.
func bufferIO() (IO, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Now: func() time.Time { return testNow },
		Getenv: func(string) string { return "" }}, &out, &errOut
}

func TestEvidenceRunFunctionsCurateThroughBuffers(t *testing.T) {
	ctx := context.Background()
	stdio, out, _ := bufferIO()
	base := evidenceOptions{IO: stdio, DBPath: demoDB(t)["PMFOLIO_DB"], Categories: evidence.Categories}

	category := evidence.CatUnblocking
	if err := runEvidenceList(ctx, evidenceListOptions{evidenceOptions: base, Format: "json",
		Filter: evidence.Filter{Category: &category}}); err != nil {
		t.Fatal(err)
	}
	var items []listed
	if err := json.Unmarshal(out.Bytes(), &items); err != nil || len(items) < 2 {
		t.Fatalf("list: %d items, %v\n%s", len(items), err, out)
	}
	out.Reset()
	if err := runEvidenceExclude(ctx, evidenceExcludeOptions{evidenceOptions: base, IDs: []string{items[0].ID[:12]}, Exclude: true}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "excluded 1 item\n" {
		t.Errorf("exclude printed %q", out)
	}
	out.Reset()
	if err := runEvidenceShow(ctx, evidenceShowOptions{evidenceOptions: base, ID: items[0].ID}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "excluded:    yes (pmfolio evidence include "+items[0].ID+")") {
		t.Errorf("show of an excluded item:\n%s", out)
	}

	err := runEvidenceRecategorize(ctx, evidenceRecategorizeOptions{evidenceOptions: base, ID: items[1].ID, Category: "vibes"})
	if code := exitCode(err, hintContext{}); code != exitUsage || !strings.Contains(err.Error(), `unknown category "vibes"`) {
		t.Errorf("recategorize to an unknown category: exit %d, %v", code, err)
	}
	err = runEvidenceNote(ctx, evidenceNoteOptions{evidenceOptions: base, ID: "ev_nothere", Text: "x"})
	var ue *userError
	if !errors.As(err, &ue) || ue.Kind != kindNotFound {
		t.Errorf("note on a missing id: %v, want a not-found error", err)
	}
}

// exclude and include count the items they changed: an item typed twice
// (in full and shortened) is one, and one already so is said to be.
func TestEvidenceExcludeCountsEachItemOnceAndWhatWasAlreadySo(t *testing.T) {
	ctx := context.Background()
	stdio, out, _ := bufferIO()
	base := evidenceOptions{IO: stdio, DBPath: demoDB(t)["PMFOLIO_DB"], Categories: evidence.Categories}
	if err := runEvidenceList(ctx, evidenceListOptions{evidenceOptions: base, Format: "json"}); err != nil {
		t.Fatal(err)
	}
	var items []listed
	if err := json.Unmarshal(out.Bytes(), &items); err != nil || len(items) < 2 {
		t.Fatalf("list: %d items, %v", len(items), err)
	}
	a, b := items[0].ID, items[1].ID
	for _, tc := range []struct {
		name    string
		ids     []string
		exclude bool
		want    string
	}{
		{"one item typed twice", []string{a, a[:12]}, true, "excluded 1 item\n"},
		{"already excluded", []string{a[:10]}, true, "nothing to do: 1 item was already excluded\n"},
		{"one new, one already", []string{b, a}, true, "excluded 1 item; 1 was already excluded\n"},
		{"include both", []string{a, b, b[:9]}, false, "included 2 items\n"},
		{"include what is shown", []string{a, b}, false, "nothing to do: 2 items were already shown\n"},
	} {
		out.Reset()
		if err := runEvidenceExclude(ctx, evidenceExcludeOptions{evidenceOptions: base, IDs: tc.ids, Exclude: tc.exclude}); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if out.String() != tc.want {
			t.Errorf("%s: printed %q, want %q", tc.name, out, tc.want)
		}
	}
}

func TestRulesRunFunctionsPrintTheRulesInForce(t *testing.T) {
	stdio, out, _ := bufferIO()
	rs, err := rules.LoadRulesFile("")
	if err != nil {
		t.Fatal(err)
	}
	if err := runRulesShow(rulesOptions{IO: stdio, Rules: rs, ID: "comment.decision"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "# comment.decision: built-in") {
		t.Errorf("rules show:\n%s", out)
	}
	if err := runRulesList(rulesOptions{IO: stdio, Rules: rs, Format: "yaml"}); exitCode(err, hintContext{}) != exitUsage {
		t.Errorf("rules list --format yaml: %v", err)
	}
}

// TestEachKindOfFailureHasOneExitCodeAndOneLine reads the kinds table the
// way a script reads pmfolio: by exit code and by the one line on stderr.
func TestEachKindOfFailureHasOneExitCodeAndOneLine(t *testing.T) {
	for _, tt := range []struct {
		err      error
		code     int
		line     string
		hintPart string
	}{
		{usageError("--top must be at least 1"), exitUsage, "pmfolio: --top must be at least 1\n", ""},
		{&userError{Kind: kindNotFound, Message: `no rule "x"`}, exitUsage, "pmfolio: no rule \"x\"\n", ""},
		{&userError{Kind: kindData, Message: "no database at /x"}, exitFailure, "pmfolio: no database at /x\n", ""},
		{&sqlite.Refusal{Path: "/x.db", Reason: sqlite.ErrNewer, Detail: "0099_x.sql"}, exitFailure,
			"pmfolio: the database at /x.db was made by a newer pmfolio (it has migration 0099_x.sql)\n", "upgrade pmfolio"},
		{cannotRead("config file", "/nowhere/config.yaml", fs.ErrNotExist), exitUsage,
			"pmfolio: cannot read config file /nowhere/config.yaml: there is no such file\n", ""},
		{evidence.ErrLocked, exitLocked, "pmfolio: another pmfolio sync is running on this database\n", "wait for it"},
		{context.Canceled, exitInterrupted, "pmfolio: interrupted\n", ""},
		{&userError{Kind: kindTerminated}, exitTerminated, "pmfolio: interrupted\n", ""},
		{&jira.Error{Kind: jira.KindAuth, Status: 401}, exitAuth, "pmfolio: Jira refused the credentials (401)\n", "JIRA_PAT"},
		{&jira.Error{Kind: jira.KindUnreachable, Err: errors.New("dial tcp: refused")}, exitUnreachable, "pmfolio: cannot reach Jira: dial tcp: refused\n", "JIRA_URL"},
		{&jira.Error{Kind: jira.KindUnreachable, Status: 502, Err: errors.New("GET /x answered 502")}, exitUnreachable,
			"pmfolio: Jira answered with a server error: GET /x answered 502\n", "try again later"},
		{&jira.Error{Kind: jira.KindUnreachable, Status: 429, Err: errors.New("GET /x answered 429")}, exitUnreachable,
			"pmfolio: Jira is still rate-limiting: GET /x answered 429\n", "--concurrency 1"},
		{&siteError{site: "oldjob", deployment: evidence.DeploymentCloud, err: &jira.Error{Kind: jira.KindAuth, Status: 401}}, exitAuth,
			"pmfolio: site \"oldjob\": Jira refused the credentials (401)\n", "JIRA_API_TOKEN"},
		{&jira.Error{Kind: jira.KindProtocol, Err: errors.New("bad JSON")}, exitFailure, "pmfolio: this does not look like Jira's REST API: bad JSON\n", ""},
		{errors.New("disk full"), exitFailure, "pmfolio: disk full\n", ""},
	} {
		var w bytes.Buffer
		code := report(&w, tt.err, hintContext{deployment: evidence.DeploymentServer}, false)
		line, hint, _ := strings.Cut(w.String(), "hint: ")
		if code != tt.code || line != tt.line || !strings.Contains(hint, tt.hintPart) {
			t.Errorf("%v: exit %d, %q; want exit %d, %q with a hint naming %q", tt.err, code, w.String(), tt.code, tt.line, tt.hintPart)
		}
	}
}
