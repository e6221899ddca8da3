package export

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// A priority call that makes other work wait ("the carousel can wait a
// sprint") is quoted whole, and what became of that work is told beside
// it: the issue the call names, or the one the user ranked lower within
// the hour whose summary shares a word with the call. A deferral cut to
// "…" while the work put off was never taken up hides what an
// interviewer's first click shows.
func TestWorkAPriorityCallPutOffIsToldWithIt(t *testing.T) {
	at := func(month time.Month, day, hour, minute int) time.Time {
		return time.Date(2026, month, day, hour, minute, 0, 0, time.UTC)
	}
	const (
		// Pitanga's MOB-896 of 12 August.
		carousel = "putting this above the onboarding copy. 'where is my order' is 22% of support tickets, the carousel can wait a sprint"
		cut      = "putting this above the onboarding copy. 'where is my order' is 22% of support tickets …"
		named    = "putting this above MOB-898. 'where is my order' is 22% of support tickets, the carousel can wait a sprint"
		leave    = "putting this first, 'where is my order' is 22% of support tickets. we leave the carousel till next sprint"
	)
	call := at(8, 12, 14, 22)
	for _, tt := range []struct {
		name    string
		text    string
		summary string    // of the issue ranked lower
		edit    string    // the user's edit on it
		editAt  time.Time // when
		status  string
		done    time.Time // zero: not done
		now     time.Time
		quote   string
		told    string
	}{
		{"ranked lower a minute later, still to do months on", carousel, "Onboarding carousel new copy", "Rank: Ranked lower", at(8, 12, 14, 23), "new", time.Time{}, at(12, 7, 0, 0),
			carousel, "MOB-898 (Onboarding carousel new copy), which I said could wait a sprint, is still to do; I owe Pedro Santos an update on it."},
		{"ranked lower, in progress months on", carousel, "Onboarding carousel new copy", "Rank: Ranked lower", at(8, 12, 14, 23), evidence.StatusInProgress, time.Time{}, at(12, 7, 0, 0),
			carousel, "MOB-898 (Onboarding carousel new copy), which I said could wait a sprint, is still not done; I owe Pedro Santos an update on it."},
		{"ranked lower, done within the sprint", carousel, "Onboarding carousel new copy", "Rank: Ranked lower", at(8, 12, 14, 23), "done", at(9, 2, 10, 0), at(12, 7, 0, 0),
			carousel, "MOB-898 (Onboarding carousel new copy), which I said could wait a sprint, followed on 2 September."},
		{"ranked lower, done months after the sprint", carousel, "Onboarding carousel new copy", "Rank: Ranked lower", at(8, 12, 14, 23), "done", at(11, 20, 10, 0), at(12, 7, 0, 0),
			carousel, "MOB-898 (Onboarding carousel new copy), which I said could wait a sprint, was done only on 20 November."},
		{"ranked lower, the sprint not over yet", carousel, "Onboarding carousel new copy", "Rank: Ranked lower", at(8, 12, 14, 23), "new", time.Time{}, at(8, 30, 0, 0),
			carousel, ""},
		{"named by key, still to do", named, "Onboarding carousel new copy", "Story Points: (none) → 2", at(8, 12, 14, 2), "new", time.Time{}, at(12, 7, 0, 0),
			named, "MOB-898 (Onboarding carousel new copy), which I said could wait a sprint, is still to do; I owe Pedro Santos an update on it."},
		{"left till next sprint, still to do", leave, "Onboarding carousel new copy", "Rank: Ranked lower", at(8, 12, 14, 23), "new", time.Time{}, at(12, 7, 0, 0),
			leave, "MOB-898 (Onboarding carousel new copy), which I said could wait till next sprint, is still to do; I owe Pedro Santos an update on it."},
		{"ranked lower, of a summary the call shares no word with", carousel, "Dark mode for settings", "Rank: Ranked lower", at(8, 12, 14, 23), "new", time.Time{}, at(12, 7, 0, 0),
			cut, ""},
		{"ranked lower hours after the call", carousel, "Onboarding carousel new copy", "Rank: Ranked lower", at(8, 12, 18, 0), "new", time.Time{}, at(12, 7, 0, 0),
			cut, ""},
		{"ranked higher, not lower", carousel, "Onboarding carousel new copy", "Rank: Ranked higher", at(8, 12, 14, 23), "new", time.Time{}, at(12, 7, 0, 0),
			cut, ""},
	} {
		e := &evidence.Evidence{SiteName: "acme", IssueKey: "MOB-896", IssueProject: "MOB", Source: evidence.SourceComment, OccurredAt: call,
			Excerpt: tt.text, IssueStatusCategory: "done", Category: evidence.CatPrioritization}
		other := &evidence.Evidence{SiteName: "acme", IssueKey: "MOB-898", IssueProject: "MOB", Source: evidence.SourceChange, OccurredAt: tt.editAt,
			Excerpt: tt.edit, IssueSummary: tt.summary, IssueStatusCategory: tt.status, IssueReporter: evidence.User{ID: "pedro", DisplayName: "Pedro Santos"}}
		v := &view{generatedAt: tt.now, items: []*evidence.Evidence{e, other}, sites: []evidence.Site{{Name: "acme", User: evidence.User{ID: "ana"}}},
			doneIssues: map[issueRef]evidence.DoneIssue{{"acme", "MOB-896"}: {Key: "MOB-896", Resolved: at(10, 22, 12, 0)}}}
		if !tt.done.IsZero() {
			v.doneIssues[issueRef{"acme", "MOB-898"}] = evidence.DoneIssue{Key: "MOB-898", Resolved: tt.done}
		}
		if got, _ := v.quotable(e); got != tt.quote {
			t.Errorf("%s: quoted\n%q\nwant\n%q", tt.name, got, tt.quote)
		}
		if got := (&report{view: v}).deferredWorkSaid(e); got != tt.told {
			t.Errorf("%s: told\n%q\nwant\n%q", tt.name, got, tt.told)
		}
	}
}

// A call that names by key another person's issue the user never touched
// ("MOB-934 can wait a sprint") tells what became of it from the issue as
// the store holds it: done later, with the day, or still to do; nothing
// of an issue the store does not hold.
func TestWorkPutOffByKeyOnSomeoneElsesIssueIsTold(t *testing.T) {
	at := func(month time.Month, day int) time.Time { return time.Date(2026, month, day, 12, 0, 0, 0, time.UTC) }
	const call = "Putting this one first, the widget is what 5.5 is about. MOB-934 can wait a sprint, it's a typo."
	for _, tt := range []struct {
		name   string
		named  []evidence.NamedIssue
		done   time.Time // zero: not done
		status string
		told   string
	}{
		{"still to do weeks on", []evidence.NamedIssue{{SiteName: "acme", Key: "MOB-934", Summary: "Typo in the cart empty state", StatusCategory: evidence.StatusNew}},
			time.Time{}, evidence.StatusNew,
			"MOB-934 (Typo in the cart empty state), which I said could wait a sprint, is still to do; saying where it stands is on my list."},
		{"in progress weeks on", []evidence.NamedIssue{{SiteName: "acme", Key: "MOB-934", Summary: "Typo in the cart empty state", StatusCategory: evidence.StatusInProgress}},
			time.Time{}, evidence.StatusInProgress,
			"MOB-934 (Typo in the cart empty state), which I said could wait a sprint, is still not done; saying where it stands is on my list."},
		{"done within the sprint", []evidence.NamedIssue{{SiteName: "acme", Key: "MOB-934", Summary: "Typo in the cart empty state", StatusCategory: "done"}},
			at(10, 8), "done",
			"MOB-934 (Typo in the cart empty state), which I said could wait a sprint, followed on 8 October."},
		{"done only months later", []evidence.NamedIssue{{SiteName: "acme", Key: "MOB-934", Summary: "Typo in the cart empty state", StatusCategory: "done"}},
			at(11, 30), "done",
			"MOB-934 (Typo in the cart empty state), which I said could wait a sprint, was done only on 30 November."},
		{"an issue the store does not hold", nil, time.Time{}, "", ""},
		{"another site's issue of the same key", []evidence.NamedIssue{{SiteName: "globex", Key: "MOB-934", Summary: "Typo", StatusCategory: evidence.StatusNew}},
			time.Time{}, "", ""},
	} {
		e := &evidence.Evidence{SiteName: "acme", IssueKey: "MOB-920", IssueProject: "MOB", Source: evidence.SourceComment, OccurredAt: at(9, 28),
			Excerpt: call, IssueStatusCategory: evidence.StatusInProgress, Category: evidence.CatPrioritization}
		p := evidence.Portfolio{GeneratedAt: at(12, 3), Evidence: []evidence.Evidence{*e}, NamedIssues: tt.named}
		if !tt.done.IsZero() {
			p.DoneIssues = []evidence.DoneIssue{{SiteName: "acme", Key: "MOB-934", Resolved: tt.done}}
		}
		v := newView(p)
		if got := (&report{view: v}).deferredWorkSaid(v.items[0]); got != tt.told {
			t.Errorf("%s: told\n%q\nwant\n%q", tt.name, got, tt.told)
		}
	}
}

// A priority call is read by what it bought: of a call that put other
// work off, the brief's one clause after it is its own issue done since,
// with the release it went out in where Jira gives one (pitanga's MOB-896,
// "the carousel can wait a sprint", done 22 October, in 5.4 released 17
// November), not the work put off, which the stories tell. Nothing is
// claimed of an issue not done since the call.
func TestAPriorityCallIsToldByWhatItBought(t *testing.T) {
	at := func(month time.Month, day int) time.Time { return time.Date(2026, month, day, 12, 0, 0, 0, time.UTC) }
	const carousel = "putting this above the onboarding copy. 'where is my order' is 22% of support tickets, the carousel can wait a sprint"
	for _, tt := range []struct {
		name     string
		text     string
		versions []string
		released map[string]time.Time
		done     time.Time // zero: not done
		bought   string
	}{
		{"done, in a release Jira gives a day", carousel, []string{"5.4"}, map[string]time.Time{"5.4": time.Date(2026, 11, 17, 0, 0, 0, 0, time.UTC)}, at(10, 22),
			"it shipped in 5.4 on 17 November"},
		{"done, its release not out", carousel, []string{"5.4"}, nil, at(10, 22), "it was done on 22 October"},
		{"done after its release went out", carousel, []string{"5.4"}, map[string]time.Time{"5.4": time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)}, at(10, 22),
			"it was done on 22 October"},
		{"done, in no release", carousel, nil, nil, at(10, 22), "it was done on 22 October"},
		{"not done", carousel, []string{"5.4"}, nil, time.Time{}, ""},
		{"done before the call", carousel, nil, nil, at(8, 1), ""},
		{"a call that puts nothing off", "putting this first, 'where is my order' is 22% of support tickets", []string{"5.4"},
			map[string]time.Time{"5.4": time.Date(2026, 11, 17, 0, 0, 0, 0, time.UTC)}, at(10, 22), ""},
	} {
		e := &evidence.Evidence{SiteName: "acme", IssueKey: "MOB-896", IssueProject: "MOB", Source: evidence.SourceComment, OccurredAt: at(8, 12),
			Excerpt: tt.text, Category: evidence.CatPrioritization, IssueFixVersions: tt.versions, IssueReleaseDates: tt.released}
		other := &evidence.Evidence{SiteName: "acme", IssueKey: "MOB-898", IssueProject: "MOB", Source: evidence.SourceChange, OccurredAt: at(8, 12).Add(time.Minute),
			Excerpt: "Rank: Ranked lower", IssueSummary: "Onboarding carousel new copy", IssueStatusCategory: evidence.StatusNew}
		v := &view{generatedAt: at(12, 7), items: []*evidence.Evidence{e, other}, doneIssues: map[issueRef]evidence.DoneIssue{}}
		if !tt.done.IsZero() {
			v.doneIssues[issueRef{"acme", "MOB-896"}] = evidence.DoneIssue{Key: "MOB-896", Resolved: tt.done}
		}
		if got := v.callBought(e); got != tt.bought {
			t.Errorf("%s: bought %q, want %q", tt.name, got, tt.bought)
		}
	}
}
