package export

import "testing"

// A priority call moves its item up or down; only one that sets it above
// another item it names is a re-ranking (review 31 F3).
func TestPriorityMove(t *testing.T) {
	for _, c := range []struct {
		text   string
		move   int
		reRank bool
	}{
		{"Moving this above OPS-1191: every on-call shift loses about half a day to it; the other one can wait a few days.", 1, true},
		{"putting this above the onboarding copy. 'where is my order' is 22% of support tickets", 1, true},
		{"Realistically it's either this or MOB-810. I'd pick this one: it unblocks 6 other tickets.", 1, true},
		{"P2, not P1: checkout-gateway already has its SLO in code and this only tidies it up.", -1, false},
		{"Nice-to-have for now: it only affects previews older than a week. It goes below the latency SLOs at the edge.", -1, false},
		{"put it in OPS Sprint 48, I've made room. Go ahead whenever you're ready.", 1, false},
		{"Ranked this to the top of the backlog. If we only get one thing done this month, it should be this.", 1, false},
		{"Deployed to staging, smoke tests pass on us-east-1.", 0, false},
	} {
		if got := priorityMove(c.text); got != c.move {
			t.Errorf("priorityMove(%q) = %d, want %d", c.text, got, c.move)
		}
		if got := movesAbove.MatchString(c.text) && priorityMove(c.text) > 0; got != c.reRank {
			t.Errorf("re-ranks %q = %v, want %v", c.text, got, c.reRank)
		}
	}
}

// "A time you cut scope to fit capacity" is told by a cut (review 31 F3).
func TestCutsScope(t *testing.T) {
	for text, cuts := range map[string]bool{
		"For planning: about 6 points, fits in OPS Sprint 42 if we drop the dashboard polish.":                                      true,
		"Taking this out of OPS Sprint 41: we over-committed and this one has the fewest dependencies.":                             true,
		"Lucas is on vacation the second week, so we take the push notification and the default address and leave rating for later": true,
		"Quick capacity check for OPS Sprint 56: we're at 27 points with two people at a conference. Moving this to OPS Sprint 57.": true,
		"Carrying this over to OPS Sprint 50; the checkout-gateway part took longer than the estimate.":                             false,
		"put it in OPS Sprint 48, I've made room. Go ahead whenever you're ready.":                                                  false,
		"Added to OPS Sprint 49 as a stretch item. The sprint goal stays: Runbook links on the top 20 alerts.":                      false,
	} {
		if got := cutsScope.MatchString(text); got != cuts {
			t.Errorf("cutsScope(%q) = %v, want %v", text, got, cuts)
		}
	}
}
