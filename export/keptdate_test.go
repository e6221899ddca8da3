package export

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestLiveDay(t *testing.T) {
	aug10 := time.Date(2026, 8, 10, 12, 30, 0, 0, time.UTC)
	for _, tt := range []struct {
		text    string
		written time.Time
		want    string // "" for none
	}{
		{"Go-live date of 22nd is still holding as of now.", aug10, "2026-08-22"},
		{"Go/No-Go for 4.13: GO. Deployment on 22nd.", aug10, "2026-08-22"},
		{"Revised SIT exit is 17th. Go-live on 24th is not yet impacted.", aug10, "2026-08-24"},
		{"release on 21 Sep, code freeze the week before", aug10, "2026-09-21"},
		{"Go/No-Go for 4.11: GO. Deployment on Saturday 21st, 11 PM to 3 AM window.", aug10, "2026-08-21"},
		{"Go-live on 3rd, after the long weekend", aug10, "2026-09-03"},
		{"release on 5 Jan", aug10, "2027-01-05"},
		{"Go-live on the 31st", time.Date(2026, 9, 2, 0, 0, 0, 0, time.UTC), ""}, // September has 30 days
		{"Release 4.13 is in SIT", aug10, ""},
		{"deployment in 2 days", aug10, ""},
		{"UAT sign-off on 14th", aug10, ""},
	} {
		_, day, ok := liveDay(tt.text, tt.written)
		got := ""
		if ok {
			got = day.Format(time.DateOnly)
		}
		if got != tt.want {
			t.Errorf("liveDay(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestKeptDate(t *testing.T) {
	at := func(month time.Month, day, hour int) time.Time {
		return time.Date(2026, month, day, hour, 0, 0, 0, time.UTC)
	}
	comment := func(when time.Time, text string) evidence.Comment { return evidence.Comment{At: when, Text: text} }
	const kept = "it went live on 22 August, as I had said on 10 August (“Go-live date of 22nd is still holding as of now”)"
	for _, tt := range []struct {
		name     string
		comments []evidence.Comment
		want     string
	}{
		{"a date given, given again and kept, reported the night after", []evidence.Comment{
			comment(at(8, 10, 12), "Kindly note the UAT sign-off is delayed by 2 days. Go-live date of 22nd is still holding as of now."),
			comment(at(8, 20, 11), "Go/No-Go for 4.13: GO. Deployment on 22nd."),
			comment(at(8, 23, 3), "4.13 deployed successfully. PVT done."),
		}, kept},
		{"live a day late is no date kept", []evidence.Comment{
			comment(at(8, 10, 12), "Go-live date of 22nd is still holding as of now."),
			comment(at(8, 23, 20), "4.13 deployed successfully."),
		}, ""},
		{"a date moved is the date kept, given when it moved", []evidence.Comment{
			comment(at(8, 10, 12), "Go-live date of 22nd is still holding as of now."),
			comment(at(8, 18, 9), "Go-live moves: go-live on 29th."),
			comment(at(8, 29, 21), "4.13 deployed."),
		}, "it went live on 29 August, as I had said on 18 August (“Go-live moves: go-live on 29th”)"},
		{"live before the date given is not that date kept", []evidence.Comment{
			comment(at(8, 10, 12), "Go-live date of 22nd is still holding as of now."),
			comment(at(8, 15, 12), "4.13 deployed to staging for the dry run."),
		}, ""},
		{"no date given", []evidence.Comment{comment(at(8, 23, 3), "4.13 deployed successfully. PVT done.")}, ""},
	} {
		if got := keptDate(tt.comments); got != tt.want {
			t.Errorf("%s: keptDate = %q, want %q", tt.name, got, tt.want)
		}
	}
}
