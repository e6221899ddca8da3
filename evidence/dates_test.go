package evidence

import (
	"testing"
	"time"
)

func TestGivenDate(t *testing.T) {
	may12 := time.Date(2026, 5, 12, 11, 20, 0, 0, time.UTC)
	nov4 := time.Date(2026, 11, 4, 16, 0, 0, 0, time.UTC)
	nov20 := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		text  string
		at    time.Time
		words string
		by    string // "" when the text gives no date
		// dayFirst: the writer writes dates in figures day first
		dayFirst bool
	}{
		{"PAY vault can't tokenize Amex yet, so Amex stays out of v1. Jun thinks late Q3.", may12, "late Q3", "2026-09-30", false},
		{"Should be early Q3.", may12, "early Q3", "2026-07-31", false},
		{"Vendor says mid Q2 2027.", may12, "mid Q2 2027", "2027-05-31", false},
		{"Not before Q1.", nov20, "before Q1", "2027-03-31", false},
		{"ETA 5 Oct, nothing needed from you.", may12, "ETA 5 Oct", "2026-10-05", false},
		{"They promised it by Oct 14th.", may12, "by Oct 14th", "2026-10-14", false},
		{"Should land by end of September.", may12, "end of September", "2026-09-30", false},
		{"Should land by early January.", nov20, "early January", "2027-01-10", false},
		{"Kicked off with the mobile team, they start in December.", nov4, "start in December", "2026-12-31", false},
		{"I'll send the test plan by Friday.", nov4, "by Friday", "2026-11-06", false},
		{"Will have it by wednesday.", nov4, "by wednesday", "2026-11-04", false},
		{"Should be done before next Tue.", nov4, "before next Tue", "2026-11-17", false},
		{"Friday's deploy went fine.", nov4, "", "", false},
		{"In May we shipped the first version.", may12, "", "", false},
		{"Asked Jun again, no answer.", may12, "", "", false},
		{"Q3 planning starts next week.", may12, "", "", false},
		{"Shipping in Q1'27 at the earliest.", may12, "in Q1'27", "2027-03-31", false},
		// Figures: a first figure over 12 is a day, a second one too;
		// else the writer's way decides.
		{"sim, I'll write it up with the acceptance bits by 14/11", nov4, "by 14/11", "2026-11-14", false},
		{"Will have it by 11/14.", nov4, "by 11/14", "2026-11-14", true},
		{"we'd need this on staging by 03/07", may12, "by 03/07", "2026-07-03", true},
		{"we'd need this on staging by 03/07", may12, "by 03/07", "2027-03-07", false},
		{"Done by 25/12/2027.", may12, "by 25/12/2027", "2027-12-25", false},
		{"Ship 5.4 by 5.4 please.", may12, "", "", true},
		{"From the 30/07 crash.", may12, "", "", true},
		{"Send it by 31/02.", may12, "", "", true},
		{"I'll send it by the 20th.", may12, "by the 20th", "2026-05-20", false},
		{"I'll send it by the 5th.", may12, "by the 5th", "2026-06-05", false},
		// A cue hyphenated to its month or quarter reads as one spaced.
		{"Should be live mid August.", may12, "mid August", "2026-08-20", false},
		{"Should be live mid-August.", may12, "mid-August", "2026-08-20", false},
		{"Should be live early-September.", may12, "early-September", "2026-09-10", false},
		{"Should be live late-September.", may12, "late-September", "2026-09-30", false},
		{"Should land by end-of-September.", may12, "end-of-September", "2026-09-30", false},
		{"Should land by end-of September.", may12, "end-of September", "2026-09-30", false},
		{"Vendor says mid-Q3.", may12, "mid-Q3", "2026-08-31", false},
		{"Vendor says end-of-Q2 2027.", may12, "end-of-Q2 2027", "2027-06-30", false},
		{"A mid-sized change, in May we shipped it.", may12, "", "", false},
	} {
		words, by, ok := GivenDate(tt.text, tt.at, tt.dayFirst)
		got := ""
		if ok {
			got = by.Format("2006-01-02")
		}
		if words != tt.words || got != tt.by {
			t.Errorf("GivenDate(%q) = %q, %s; want %q, %s", tt.text, words, got, tt.words, tt.by)
		}
	}
}

// A deferral reads a month alone as its end, where GivenDate reads no
// date: "happy to look at it in August" is a promise about August, from
// its first day (DeferredFrom): a look taken in July is not that look.
func TestDeferredTo(t *testing.T) {
	may27 := time.Date(2026, 5, 27, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		sentence   string
		words, day string // "" when no date
		from       string // the period's first day, "" when the words name none
	}{
		{"Nadia, happy to look at it in August", "in August", "2026-08-31", "2026-08-01"},
		{"happy to look at it in Feb", "in Feb", "2027-02-28", "2027-02-01"},
		{"I'll revisit it in Q3", "in Q3", "2026-09-30", "2026-07-01"},
		{"we'll revisit in Q3", "in Q3", "2026-09-30", "2026-07-01"},
		{"talked to Lena, we'll drop the CSV export for now and revisit in Q3", "in Q3", "2026-09-30", "2026-07-01"},
		{"parking this for now, but we'll come back to it in August", "in August", "2026-08-31", "2026-08-01"},
		{"I'll pick it up by Friday", "by Friday", "2026-05-29", ""},
		{"I'll take it this sprint", "", "", ""},
		{"Descoped the tablet layout. We agreed to revisit next quarter.", "next quarter", "2026-09-30", "2026-07-01"},
		{"let's revisit next sprint", "next sprint", "2026-06-24", ""},
		{"revisit it next month", "next month", "2026-06-30", "2026-06-01"},
		{"ok let's ship without dark mode, we revisit after launch", "", "", ""},
		// Other work put off to make room: its sprint is the next one.
		{"'where is my order' is 22% of support tickets, the carousel can wait a sprint", "a sprint", "2026-06-24", ""},
		{"the carousel can wait till next sprint", "till next sprint", "2026-06-24", ""},
		{"we leave the onboarding copy for next sprint", "next sprint", "2026-06-24", ""},
		{"the carousel can wait until next quarter", "until next quarter", "2026-09-30", "2026-07-01"},
		{"we take the push notification and leave rating for later", "", "", ""},
	} {
		at := DeferWords.FindStringIndex(tt.sentence)
		if at == nil {
			at = WaitWords.FindStringIndex(tt.sentence)
		}
		if at == nil {
			t.Errorf("DeferWords finds no deferral in %q", tt.sentence)
			continue
		}
		words, by, ok := DeferredTo(tt.sentence[at[1]:], may27, false)
		day := ""
		if ok {
			day = by.Format(time.DateOnly)
		}
		if words != tt.words || day != tt.day {
			t.Errorf("DeferredTo(%q) = %q, %s; want %q, %s", tt.sentence, words, day, tt.words, tt.day)
		}
		from := ""
		if first, named := DeferredFrom(words, by); ok && named {
			from = first.Format(time.DateOnly)
		}
		if from != tt.from {
			t.Errorf("DeferredFrom(%q) = %q, want %q", tt.sentence, from, tt.from)
		}
	}
}
