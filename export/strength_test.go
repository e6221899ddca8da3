package export

import (
	"slices"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestRestates(t *testing.T) {
	goal := "Cut EU checkout timeouts below 0.5% by the end of Q1. Success metrics: timeout rate under 0.5% for 4 weeks."
	for _, tt := range []struct {
		quote string
		want  bool
	}{
		{"Goal of this epic, in one line: cut EU checkout timeouts below 0.5% by the end of Q1.", true},
		{"Kick-off notes. Goal, as in the description: Cut EU checkout timeouts below 0.5% by the end of Q1. First milestone is staging.", true},
		{"Timeouts are at 0.8% in EU checkout; the retry change ships Thursday.", false},
		{"Cut it.", false},
	} {
		if got := restates(tt.quote, goal); got != tt.want {
			t.Errorf("restates(%q) = %v, want %v", tt.quote, got, tt.want)
		}
	}
	if restates("Goal: ship it now please", "Ship it.") {
		t.Error("a goal of fewer than five words is restated by any quote holding them")
	}
}

// The brief shows an initiative's goal once: a comment that only repeats
// it is no proof of what the user did, however many proofs are wanted.
func TestTheBriefDoesNotQuoteTheGoalAgain(t *testing.T) {
	p := typicalPortfolio()
	epic := fixtureIssue{"10100", "PAY-101", "Epic", "EU checkout reliability", "", me, "indeterminate", nil}
	restating := jiraItem(epic, evidence.SourceComment, "40001", "2026-02-01T09:00:00Z", evidence.CatEpicOwnership,
		"comment.epic-goals", 0.8, "Goal of this epic, in one line: cut EU checkout timeouts below 0.5% by the end of Q1.")
	// The epic's own status note would take the epic's one place among
	// the proofs: without it, the restating comment is next in line.
	p.Evidence = slices.DeleteFunc(p.Evidence, func(e evidence.Evidence) bool { return e.SourceID == "10470" })
	p.Evidence = append(p.Evidence, restating)
	r := newReport(p, Options{})
	for _, in := range r.initiatives {
		if in.epic.Key != "PAY-101" {
			continue
		}
		proofs := r.proofs(r.strengths, in, 50, &quoteSet{})
		if len(proofs) < 2 {
			t.Fatalf("PAY-101 has %d proofs in the user's words, want the others", len(proofs))
		}
		for _, e := range proofs {
			if e.ID == restating.ID {
				t.Errorf("the brief quotes %q under the goal it repeats", e.Excerpt)
			}
		}
		return
	}
	t.Fatal("no initiative PAY-101")
}

// A piece of work put off in plain words is a decision, and a "no" a story
// about pushing back can tell; "drop a note" is neither.
func TestPutOffWorkReadsAsADecisionAndANo(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"talked to Lena, we'll drop the CSV export for now and revisit in Q3.", true},
		{"Let's park the dark mode work for now, the release is full.", true},
		{"We can revisit this in Q3 once the migration is done.", true},
		{"PAY vault can't tokenize Amex yet, so Amex stays out of v1.", true},
		{"I'll drop a note in the channel for now.", false},
		{"Dropping the cache for now fixed the flaky test.", false},
		{"Let's revisit the numbers tomorrow.", false},
		{"Kept out of the office by the strike, back Monday.", false},
	} {
		e := &evidence.Evidence{Source: evidence.SourceComment, Category: evidence.CatDecisionMaking, Excerpt: tt.text}
		if got := readsAsDecision.MatchString(tt.text); got != tt.want {
			t.Errorf("readsAsDecision(%q) = %v, want %v", tt.text, got, tt.want)
		}
		if got := pushback(e) >= 2; got != tt.want {
			t.Errorf("pushback(%q) = %d, want a no: %v", tt.text, pushback(e), tt.want)
		}
	}
}

// Of equals, the order does not depend on the ids, which hash the site's
// address: the same site synced from another port ranks the same.
func TestStrongestFirstDoesNotDependOnTheIDs(t *testing.T) {
	const when = "2026-03-04T15:12:00Z"
	for _, ids := range [][2]string{{"ev_a", "ev_b"}, {"ev_b", "ev_a"}} {
		decision := jiraItem(storyTO, evidence.SourceComment, "7", when, evidence.CatDecisionMaking, "comment.x", 0.8, "We keep it.")
		priority := jiraItem(storyTO, evidence.SourceComment, "7", when, evidence.CatPrioritization, "comment.x", 0.8, "We keep it.")
		decision.ID, priority.ID = ids[0], ids[1]
		ranked := strengths{}.strongestFirst([]*evidence.Evidence{&priority, &decision})
		if ranked[0].item.Category != evidence.CatDecisionMaking {
			t.Errorf("with ids %v, %s ranks first", ids, ranked[0].item.Category)
		}
	}
}
