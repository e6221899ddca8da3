package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// everyPlane holds a character of each of Unicode's 17 planes (assigned or
// not, private use included), right-to-left text with the bidi controls
// that reorder it, combining marks, a ZWJ emoji sequence, the byte order
// mark, line and paragraph separators, C0 and C1 controls and NUL bytes.
var everyPlane = func() string {
	var b strings.Builder
	b.WriteString("Decision: ship \u202eطلب الدفع\u202c and \u2067עדכון\u2069 \u200fnow\u200e; ")
	b.WriteString("e\u0301 Z\u0335\u0321a\u0337l\u0338g\u0336o \U0001F469\u200D\U0001F4BB \uFEFF\u2028\u2029 ")
	b.WriteString("nul:\x00 ctl:\x01\x1f\u007f\u0085 nonchar:\uFFFE\uFFFF repl:\uFFFD ")
	for plane := rune(0); plane <= 16; plane++ {
		b.WriteRune(plane<<16 | 0x1D11E&0xFFFF) // U+xD11E in every plane
		b.WriteRune(plane<<16 | 0x0041)
	}
	b.WriteString(" \U0010FFFD\U000E0001\U000E0100 end")
	return b.String()
}()

// TestHostileIssueRoundTripsIntoTheDatabaseAndEveryExport syncs an issue
// with a 1 MB description, 10,000 comments and, on another issue, 5,000
// changelog entries, all full of text from every Unicode plane, NUL bytes
// and right-to-left overrides; the database must hold every byte as Jira
// sent it, and every export must succeed with valid UTF-8.
func TestHostileIssueRoundTripsIntoTheDatabaseAndEveryExport(t *testing.T) {
	t.Parallel()
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: jiratest.DeploymentCloud, Issues: 12, Seed: 3, Now: testNow})
	srv := jiratest.NewServer(site)
	t.Cleanup(srv.Close)
	at := testNow.Add(-24 * time.Hour)
	var big, long *jiratest.Issue
	comments := map[string]string{}
	var description string
	srv.Update(func(s *jiratest.Site) {
		for _, is := range s.Issues() {
			switch {
			case big == nil && is.Creator == s.Me:
				big = is
			case long == nil && is != big:
				long = is
			}
		}
		if big == nil || long == nil {
			t.Fatal("the demo site has no issue created by Me")
		}
		var d strings.Builder
		for i := 0; d.Len() < 1<<20; i++ {
			fmt.Fprintf(&d, "h3. Part %d\n%s\n", i, everyPlane)
		}
		description = d.String()
		big.Description = description
		big.Summary = "Checkout \u202eredaolnwod\u202c \x00 " + everyPlane[:40]
		for i := 0; i < 10_000; i++ {
			body := fmt.Sprintf("Update %d: %s", i, everyPlane)
			if i%3 == 0 {
				body = fmt.Sprintf("Decision %d: we ship the smaller scope. %s", i, strings.Repeat("\u05d0\u05d1 ", i%50))
			}
			id, err := s.AddComment(big.Key, true, body, at.Add(time.Duration(i)*time.Second))
			if err != nil {
				t.Fatal(err)
			}
			comments[id] = body
		}
		for i := 0; i < 5_000; i++ {
			long.Histories = append(long.Histories, &jiratest.History{
				ID: strconv.Itoa(9_000_000 + i), Author: s.Me, Created: at.Add(time.Duration(i) * time.Second),
				Items: []jiratest.HistoryItem{{Field: "priority", FieldType: "jira", FieldID: "priority",
					From: "3", FromString: "Medium", To: "2", ToString: "High " + everyPlane[:60]}},
			})
		}
		long.Updated = at.Add(5_000 * time.Second)
	})
	env := syncEnv(t, srv, filepath.Join(t.TempDir(), "p.db"))
	if r := (cli{env: env}).run(t, "sync"); r.code != 0 {
		t.Fatalf("sync: exit %d: %s", r.code, r.errOut)
	}

	ctx := context.Background()
	store, err := sqlite.Open(ctx, env["PMFOLIO_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	stored, err := store.Activities(ctx, evidence.SourceComment)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, a := range stored {
		if want, ok := comments[a.SourceID]; ok {
			found++
			if a.Text != want {
				t.Fatalf("comment %s stored as %q, want %q", a.SourceID, a.Text, want)
			}
		}
	}
	if found != len(comments) {
		t.Errorf("stored %d of the %d comments", found, len(comments))
	}
	issueActs, err := store.Activities(ctx, evidence.SourceIssue)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range issueActs {
		if a.IssueID == big.ID && a.Text != description {
			t.Errorf("the 1 MB description is stored as %d bytes that differ from the %d sent", len(a.Text), len(description))
		}
	}
	changes, err := store.Activities(ctx, evidence.SourceChange)
	if err != nil {
		t.Fatal(err)
	}
	longChanges := 0
	for _, a := range changes {
		if a.IssueID == long.ID && len(a.SourceID) == 7 && strings.HasPrefix(a.SourceID, "9") {
			longChanges++
		}
	}
	if longChanges != 5_000 {
		t.Errorf("stored %d of the 5,000 changelog entries", longChanges)
	}
	key := big.Key
	items, err := store.Evidence(ctx, evidence.Filter{IssueKey: &key})
	if err != nil || len(items) == 0 {
		t.Fatalf("evidence on the hostile issue: %d, %v", len(items), err)
	}
	if items[0].IssueSummary != big.Summary {
		t.Errorf("summary read back as %q, want %q", items[0].IssueSummary, big.Summary)
	}

	for _, format := range []string{"json", "markdown", "html"} {
		out := filepath.Join(t.TempDir(), "portfolio."+format)
		r := cli{env: env}.run(t, "export", "--format", format, "-o", out)
		if r.code != 0 {
			t.Fatalf("export --format %s: exit %d: %s", format, r.code, r.errOut)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(data) {
			t.Errorf("the %s export is not valid UTF-8", format)
		}
		if format == "json" {
			var doc struct {
				Evidence []struct {
					IssueKey     string `json:"issue_key"`
					IssueSummary string `json:"issue_summary"`
					Excerpt      string `json:"excerpt"`
				} `json:"evidence"`
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatalf("the JSON export does not parse: %v", err)
			}
			onBig := 0
			for _, ev := range doc.Evidence {
				if ev.IssueKey == big.Key {
					onBig++
					if ev.IssueSummary != big.Summary {
						t.Fatalf("JSON export summary %q, want %q", ev.IssueSummary, big.Summary)
					}
				}
			}
			if onBig < 3_000 {
				t.Errorf("the JSON export lists %d items on the hostile issue, want one per decision at least", onBig)
			}
		}
	}
}
