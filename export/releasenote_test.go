package export

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestANoteThatPlansAReleaseTheIssueMissedGivesWay(t *testing.T) {
	day := func(m time.Month, d int) *time.Time {
		at := time.Date(2026, m, d, 18, 0, 0, 0, time.UTC)
		return &at
	}
	june := map[string]time.Time{"platform-2026.06": time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)}
	notes := `Release notes for platform-2026.06: "Clusters run Kubernetes 1.30."`
	for _, tt := range []struct {
		name     string
		excerpt  string
		source   evidence.Source
		dates    map[string]time.Time
		resolved *time.Time
		status   string
		want     bool
	}{
		{"done by the release day", notes, evidence.SourceComment, june, day(time.June, 30), "done", false},
		{"done after the release", notes, evidence.SourceComment, june, day(time.July, 20), "done", true},
		{"blocks a release it missed", "P1 because it blocks platform-2026.06.", evidence.SourceComment, june, day(time.July, 3), "done", true},
		{"targeting a release it missed", "Targeting platform-2026.06; cut-off is the 24th.", evidence.SourceComment, june, day(time.July, 3), "done", true},
		{"still open after the release", notes, evidence.SourceComment, june, nil, "indeterminate", true},
		{"no release day known", notes, evidence.SourceComment, nil, day(time.July, 20), "done", false},
		{"another release named", "Release notes for platform-2026.07: done.", evidence.SourceComment, june, day(time.July, 20), "done", false},
		{"blocks no release", "It blocks the production upgrade.", evidence.SourceComment, june, day(time.July, 20), "done", false},
		{"an edit, not the user's words", "Fix Version: (none) → platform-2026.06, blocks platform-2026.06", evidence.SourceChange, june, day(time.July, 20), "done", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := &evidence.Evidence{Source: tt.source, IssueKey: "OPS-1244", Excerpt: tt.excerpt, IssueReleaseDates: tt.dates,
				IssueResolved: tt.resolved, IssueStatusCategory: tt.status}
			if got := newView(evidence.Portfolio{}).releasePlanMissed(e); got != tt.want {
				t.Errorf("releasePlanMissed(%q) = %v, want %v", tt.excerpt, got, tt.want)
			}
		})
	}
}
