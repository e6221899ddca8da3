package export

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// A date asked of another team is kept when their issue was done by it,
// read as the user writes dates: "by 03/07" of a writer of "21/07" is 3
// July, of a writer of "7/21" 7 March.
func TestAskKeptReadsTheDateAsTheUserWritesIt(t *testing.T) {
	at := func(month time.Month, day int) time.Time { return time.Date(2026, month, day, 10, 0, 0, 0, time.UTC) }
	for _, tt := range []struct {
		name     string
		habit    string // another comment of the user's, which shows how they write dates
		resolved time.Time
		kept     bool
	}{
		{"day first, done the day before", "the store submission is on 21/07", at(7, 2), true},
		{"day first, done after", "the store submission is on 21/07", at(7, 10), false},
		{"month first, done by 7 March next year", "the store submission is on 7/21", at(7, 10), true},
		{"day first, never done", "the store submission is on 21/07", time.Time{}, false},
	} {
		link := &evidence.Evidence{SiteName: "acme", IssueKey: "MOB-882", IssueProject: "MOB", Source: evidence.SourceChange,
			Category: evidence.CatCrossTeam, Excerpt: "Linked: is blocked by PLAT-1531", OccurredAt: at(6, 4)}
		ask := &evidence.Evidence{SiteName: "acme", IssueKey: "PLAT-1531", IssueProject: "PLAT", Source: evidence.SourceComment,
			Category: evidence.CatCrossTeam, Excerpt: "to make 5.2 we'd need this on staging by 03/07", OccurredAt: at(6, 4).Add(10 * time.Minute)}
		habit := &evidence.Evidence{SiteName: "acme", IssueKey: "MOB-883", Source: evidence.SourceComment, Excerpt: tt.habit, OccurredAt: at(6, 25)}
		v := &view{items: []*evidence.Evidence{link, ask, habit}, doneIssues: map[issueRef]evidence.DoneIssue{}}
		if !tt.resolved.IsZero() {
			v.doneIssues[issueRef{"acme", "PLAT-1531"}] = evidence.DoneIssue{Key: "PLAT-1531", Resolved: tt.resolved}
		}
		r := &report{view: v}
		if got := r.askKept()(link) == 1; got != tt.kept {
			t.Errorf("%s: kept = %v, want %v", tt.name, got, tt.kept)
		}
	}
}

// Only the user's no-go for a release they then called go is a setback
// with its recovery; a version in an incident's summary is the user's
// release only when they planned one of its patches or itself.
func TestSetbackRules(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 5, d, 10, 0, 0, 0, time.UTC) }
	noGo := &evidence.Evidence{SiteName: "acme", Source: evidence.SourceComment, OccurredAt: day(14),
		Excerpt: "Go/No-Go for 4.12: NO-GO, two sev-2 open, we will re-assess on Thursday."}
	for _, tt := range []struct {
		name  string
		later string
		want  int
	}{
		{"a go for the same release after", "Go/No-Go for 4.12 (re-assessment): GO. Both sev-2 are closed.", 1},
		{"a go for another release", "Go/No-Go for 4.13: GO.", 0},
		{"the no-go said again", "Go/No-Go for 4.12: NO-GO, still one sev-2 open.", 0},
	} {
		later := &evidence.Evidence{SiteName: "acme", Source: evidence.SourceComment, OccurredAt: day(21), Excerpt: tt.later}
		r := &report{view: &view{items: []*evidence.Evidence{noGo, later}}}
		if got := r.noGoThenLive()(noGo); got != tt.want {
			t.Errorf("%s: rank = %d, want %d", tt.name, got, tt.want)
		}
	}
	for _, tt := range []struct {
		a, b string
		same bool
	}{{"5.2.0", "5.2", true}, {"5.2", "5.2.0", true}, {"4.12", "4.12", true}, {"4.1", "4.14", false}, {"5.2.0", "5.3", false}} {
		if got := sameRelease(tt.a, tt.b); got != tt.same {
			t.Errorf("sameRelease(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
	for _, tt := range []struct {
		question string
		asks     bool
	}{{"a time you failed", true}, {"tell me about a failure", true}, {"a mistake you made", true}, {"a time you delivered against a deadline", false}} {
		if got := asksAboutFailure(tt.question); got != tt.asks {
			t.Errorf("asksAboutFailure(%q) = %v, want %v", tt.question, got, tt.asks)
		}
	}
}
