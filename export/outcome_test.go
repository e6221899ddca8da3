package export

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestOutcomeOf(t *testing.T) {
	t0 := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	resolved := t0.Add(time.Hour)
	c := func(id string, at time.Time, text string) evidence.Comment {
		return evidence.Comment{ID: id, At: at, Text: text}
	}
	tests := []struct {
		name     string
		epic     evidence.Epic
		want     string
		fromID   string
		wantMine bool
	}{
		{"the user's own statement comes first",
			evidence.Epic{Outcome: " Pages halved. ", StatusCategory: "done", Comments: []evidence.Comment{c("1", t0, "Outcome: 40% fewer pages")}},
			"Pages halved.", "", true},
		{"an Outcome: line in any comment, from the marker on",
			evidence.Epic{Comments: []evidence.Comment{c("1", t0, "Closing. Outcome: p99 down to 250 ms."), c("2", resolved, "thanks all")}},
			"p99 down to 250 ms.", "1", false},
		{"Result: counts too, newest first",
			evidence.Epic{Comments: []evidence.Comment{c("1", t0, "Result: old"), c("2", resolved, "Result: new")}},
			"new", "2", false},
		{"a closing comment with a number on a done epic",
			evidence.Epic{StatusCategory: "done", Resolved: &resolved, Comments: []evidence.Comment{c("1", t0, "Update: 3 of 5 done"), c("2", resolved, "Closing the epic: pages/week down 52%.")}},
			"Closing the epic: pages/week down 52%.", "2", false},
		{"a closing comment without a number is not an outcome",
			evidence.Epic{StatusCategory: "done", Resolved: &resolved, Comments: []evidence.Comment{c("1", t0, "Update: 3 of 5 done"), c("2", resolved, "Done, closing.")}},
			"", "", false},
		{"a comment from months before the epic closed is not its closing comment",
			evidence.Epic{StatusCategory: "done", Resolved: &resolved, Comments: []evidence.Comment{c("1", t0.AddDate(0, -4, 0), "Dashboards show 3 of 8 services; the rest by June.")}},
			"", "", false},
		{"a pull request's or an issue's number measures nothing",
			evidence.Epic{StatusCategory: "done", Resolved: &resolved, Comments: []evidence.Comment{c("1", resolved, "Reviewed PR #487 and PAY-3438: LGTM, closing.")}},
			"", "", false},
		{"the first comment after the resolution closes it",
			evidence.Epic{StatusCategory: "done", Resolved: &resolved, Comments: []evidence.Comment{c("1", t0, "Update: 3 of 5 done"), c("2", resolved.Add(2*time.Hour), "Closed: 8 of 8 services have SLOs, see OPS-12.")}},
			"Closed: 8 of 8 services have SLOs, see OPS-12.", "2", false},
		{"an open epic's last update is not an outcome",
			evidence.Epic{StatusCategory: "indeterminate", Comments: []evidence.Comment{c("1", t0, "Update: 3 of 5 done")}},
			"", "", false},
		{"'resultat:' inside a word is not a marker",
			evidence.Epic{Comments: []evidence.Comment{c("1", t0, "noresult: x")}},
			"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := outcomeOf(tt.epic)
			if ok != (tt.want != "") || got.Text != tt.want || got.Comment.ID != tt.fromID || got.Mine != tt.wantMine {
				t.Errorf("OutcomeOf = %+v, %v; want %q from comment %q (mine %v)", got, ok, tt.want, tt.fromID, tt.wantMine)
			}
		})
	}
}
