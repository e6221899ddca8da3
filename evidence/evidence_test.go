package evidence

import (
	"slices"
	"testing"
	"time"
)

func TestSameSiteURL(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"https://acme.atlassian.net", "HTTPS://Acme.Atlassian.net/", true},
		{"https://acme.atlassian.net", "https://acme.atlassian.net/?atlOrigin=x", true},
		{"https://jira.example.com/jira", "https://jira.example.com/jira/", true},
		{"https://jira.example.com/jira", "https://jira.example.com", false},
		{"https://acme.atlassian.net", "https://acme2.atlassian.net", false},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8081", false},
		{"http://acme.atlassian.net", "https://acme.atlassian.net", false},
	} {
		if got := SameSiteURL(tc.a, tc.b); got != tc.same {
			t.Errorf("SameSiteURL(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}

// Items of one comment come in the order of their kinds of work, whatever
// their ids, which hash the site's address: a site synced from another
// port gives the same portfolio.
func TestByOccurrenceDoesNotDependOnTheSitesAddress(t *testing.T) {
	at := time.Date(2026, 8, 4, 10, 0, 0, 0, time.UTC)
	comment := func(id, category string) *Evidence {
		return &Evidence{ID: id, OccurredAt: at, SiteName: "acme", Source: SourceComment, SourceID: "120015", Category: category}
	}
	for _, ids := range [][2]string{{"ev_a", "ev_b"}, {"ev_b", "ev_a"}} {
		items := []*Evidence{comment(ids[0], CatPrioritization), comment(ids[1], CatDecisionMaking)}
		slices.SortFunc(items, ByOccurrence)
		if items[0].Category != CatDecisionMaking {
			t.Errorf("with ids %v, %s comes before %s", ids, items[0].Category, items[1].Category)
		}
	}
	earlier := &Evidence{ID: "ev_z", OccurredAt: at.Add(-time.Minute), Category: CatPrioritization}
	if ByOccurrence(earlier, comment("ev_a", CatDecisionMaking)) >= 0 {
		t.Error("an earlier item does not come first")
	}
}
