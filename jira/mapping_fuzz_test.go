package jira

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzMapIssue feeds mapIssue (and the splicing of fetched pages into raw
// JSON) whatever a broken proxy or a future Jira might send: it may refuse
// an issue, never panic, and what it accepts is consistent. The corpus in
// testdata/fuzz/FuzzMapIssue holds recorded Cloud and Server issues, the
// fake server's, and hostile ones.
func FuzzMapIssue(f *testing.F) {
	f.Add([]byte(`{"id":"10001","key":"PAY-1","fields":{"summary":"x","created":"2026-01-02T03:04:05.000+0100"}}`))
	f.Add([]byte(`{"id":"1","key":"A-1","fields":{"comment":{"total":3,"comments":[{"id":"9","body":"hi"}]},"worklog":{"total":0,"worklogs":[]}}}`))
	f.Add([]byte(`[]`))
	fields := Fields{Sprint: "customfield_10020", StoryPoints: []string{"customfield_10016", "customfield_10106"},
		EpicLink: "customfield_10101", Flagged: "customfield_10021"}
	f.Fuzz(func(t *testing.T, raw []byte) {
		is, acts, err := mapIssue(raw, fields)
		if err != nil {
			return
		}
		if is.ID == "" || is.Key == "" {
			t.Fatalf("mapped an issue without id or key: %+v", is)
		}
		for _, a := range acts {
			if a.IssueID != is.ID {
				t.Fatalf("activity %s %s belongs to %q, not to the issue %q", a.Source, a.SourceID, a.IssueID, is.ID)
			}
			if !utf8.ValidString(a.Text) && utf8.Valid(raw) {
				t.Fatalf("activity text %q is not valid UTF-8 though the JSON was", a.Text)
			}
		}
		if _, err := json.Marshal(is); err != nil {
			t.Fatalf("the mapped issue does not marshal for storage: %v", err)
		}
		// Completing the issue with fetched pages keeps it an issue.
		completed, err := replaceInRaw(raw, map[string]any{"changelog": completePage("histories", nil)},
			map[string]any{"comment": completePage("comments", nil)})
		if err != nil {
			return
		}
		if !json.Valid(completed) {
			t.Fatalf("splicing pages into %q gave invalid JSON %q", raw, completed)
		}
		again, _, err := mapIssue(completed, fields)
		if err != nil || again.ID != is.ID || again.Key != is.Key {
			t.Fatalf("the completed issue maps to %q/%q, %v; want %q/%q", again.ID, again.Key, err, is.ID, is.Key)
		}
	})
}
