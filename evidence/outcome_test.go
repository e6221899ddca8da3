package evidence

import (
	"testing"
	"time"
)

func TestOutcomeOf(t *testing.T) {
	t0 := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	resolved := t0.Add(time.Hour)
	c := func(id string, at time.Time, text string) Comment { return Comment{ID: id, At: at, Text: text} }
	tests := []struct {
		name     string
		epic     Epic
		want     string
		fromID   string
		wantMine bool
	}{
		{"the user's own statement comes first",
			Epic{Outcome: " Pages halved. ", StatusCategory: "done", Comments: []Comment{c("1", t0, "Outcome: 40% fewer pages")}},
			"Pages halved.", "", true},
		{"an Outcome: line in any comment, from the marker on",
			Epic{Comments: []Comment{c("1", t0, "Closing. Outcome: p99 down to 250 ms."), c("2", resolved, "thanks all")}},
			"p99 down to 250 ms.", "1", false},
		{"Result: counts too, newest first",
			Epic{Comments: []Comment{c("1", t0, "Result: old"), c("2", resolved, "Result: new")}},
			"new", "2", false},
		{"a closing comment with a number on a done epic",
			Epic{StatusCategory: "done", Resolved: &resolved, Comments: []Comment{c("1", t0, "Update: 3 of 5 done"), c("2", resolved, "Closing the epic: pages/week down 52%.")}},
			"Closing the epic: pages/week down 52%.", "2", false},
		{"a closing comment without a number is not an outcome",
			Epic{StatusCategory: "done", Resolved: &resolved, Comments: []Comment{c("1", t0, "Update: 3 of 5 done"), c("2", resolved, "Done, closing.")}},
			"", "", false},
		{"an open epic's last update is not an outcome",
			Epic{StatusCategory: "indeterminate", Comments: []Comment{c("1", t0, "Update: 3 of 5 done")}},
			"", "", false},
		{"'resultat:' inside a word is not a marker",
			Epic{Comments: []Comment{c("1", t0, "noresult: x")}},
			"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := OutcomeOf(tt.epic)
			if ok != (tt.want != "") || got.Text != tt.want || got.Comment.ID != tt.fromID || got.Mine != tt.wantMine {
				t.Errorf("OutcomeOf = %+v, %v; want %q from comment %q (mine %v)", got, ok, tt.want, tt.fromID, tt.wantMine)
			}
		})
	}
}
