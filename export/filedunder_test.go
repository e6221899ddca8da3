package export

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// Work done as another issue whose summary names a release Jira does not
// file it under would catch the engineer out: Kaveri's CORE-2201 "(4.14)"
// is in fix version 4.15.
func TestFiledUnderSaysTheFixVersionASummaryContradicts(t *testing.T) {
	for _, tt := range []struct {
		name, summary string
		versions      []string
		want          string
	}{
		{"another version", "Show GST breakup on FD closure advice (4.14)", []string{"4.15"}, " Jira files CORE-2201 under 4.15, not the 4.14 its summary names."},
		{"the same version", "Show GST breakup on FD closure advice (4.14)", []string{"4.14"}, ""},
		{"no fix version", "Show GST breakup on FD closure advice (4.14)", nil, ""},
		{"a bracket that names no version", "Show GST breakup on FD closure advice [iOS]", []string{"4.15"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := &evidence.Evidence{IssueKey: "CORE-2201", IssueSummary: tt.summary, IssueFixVersions: tt.versions}
			if got := filedUnder(e); got != tt.want {
				t.Errorf("filedUnder = %q, want %q", got, tt.want)
			}
		})
	}
}

// A story without an outcome says when its issue was done against the
// day Jira gives its release, not only the fix version: Pitanga's MOB-896.
func TestDoneAgainstReleaseSaysWhenAgainstTheReleaseDay(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, tt := range []struct {
		name              string
		resolved, release string
		want              string
	}{
		{"within a sprint of the release", "2026-11-10", "2026-11-17", "it was done on 10 November, a week before it shipped in 5.4 on 17 November"},
		{"more than a sprint before it: no idle days counted", "2026-10-22", "2026-11-17", "it was done on 22 October and shipped in 5.4 on 17 November"},
		{"on its day", "2026-11-17", "2026-11-17", "it was done on 17 November, the day it shipped in 5.4"},
		{"after it: not in it", "2026-11-20", "2026-11-17", ""},
		{"no release day", "2026-10-22", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resolved := day(tt.resolved)
			e := &evidence.Evidence{IssueKey: "MOB-896", IssueStatusCategory: evidence.StatusCategoryEnd, IssueResolved: &resolved, IssueFixVersions: []string{"5.4"}}
			if tt.release != "" {
				e.IssueReleaseDates = map[string]time.Time{"5.4": day(tt.release)}
			}
			in := initiative{onNoEpic: true, epic: evidence.Epic{Key: "MOB-896"}, epicItems: []*evidence.Evidence{e}, items: []*evidence.Evidence{e}}
			if got := in.doneAgainstRelease(); got != tt.want {
				t.Errorf("doneAgainstRelease = %q, want %q", got, tt.want)
			}
		})
	}
}

// A release's go-live kept on its day is said of the release, the way the
// engineer would say it ("4.13 went live on 22 August"); other work that
// went live is "it", as its fix version is not what went live.
func TestReleaseCalledIsTheVersionOnlyOfARelease(t *testing.T) {
	for _, tt := range []struct {
		name, summary string
		versions      []string
		want          string
	}{
		{"a release's issue", "Release 4.13 - readiness, Go/No-Go and deployment", []string{"4.13"}, "4.13"},
		{"work in a release", "Push notification when the order leaves the store", []string{"5.4"}, "it"},
		{"a release's issue filed under two", "Release 4.13 - readiness", []string{"4.13", "4.13.1"}, "it"},
		{"no fix version", "Release 4.13 - readiness", nil, "it"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := &evidence.Evidence{IssueKey: "REL-421", IssueSummary: tt.summary, IssueStatusCategory: evidence.StatusCategoryEnd, IssueFixVersions: tt.versions}
			in := initiative{onNoEpic: true, epic: evidence.Epic{Key: "REL-421"}, epicItems: []*evidence.Evidence{e}, items: []*evidence.Evidence{e}}
			if got := in.releaseCalled(); got != tt.want {
				t.Errorf("releaseCalled = %q, want %q", got, tt.want)
			}
		})
	}
}
