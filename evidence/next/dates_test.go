package next

import (
	"testing"
	"time"
)

func TestGivenDate(t *testing.T) {
	may12 := time.Date(2026, 5, 12, 11, 20, 0, 0, time.UTC)
	nov20 := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		text  string
		at    time.Time
		words string
		by    string // "" when the text gives no date
	}{
		{"PAY vault can't tokenize Amex yet, so Amex stays out of v1. Jun thinks late Q3.", may12, "late Q3", "2026-09-30"},
		{"Should be early Q3.", may12, "early Q3", "2026-07-31"},
		{"Vendor says mid Q2 2027.", may12, "mid Q2 2027", "2027-05-31"},
		{"Not before Q1.", nov20, "before Q1", "2027-03-31"},
		{"ETA 5 Oct, nothing needed from you.", may12, "ETA 5 Oct", "2026-10-05"},
		{"They promised it by Oct 14th.", may12, "by Oct 14th", "2026-10-14"},
		{"Should land by end of September.", may12, "end of September", "2026-09-30"},
		{"Should land by early January.", nov20, "early January", "2027-01-10"},
		{"In May we shipped the first version.", may12, "", ""},
		{"Asked Jun again, no answer.", may12, "", ""},
		{"Q3 planning starts next week.", may12, "", ""},
		{"Shipping in Q1'27 at the earliest.", may12, "in Q1'27", "2027-03-31"},
	} {
		words, by, ok := givenDate(tt.text, tt.at)
		got := ""
		if ok {
			got = by.Format("2006-01-02")
		}
		if words != tt.words || got != tt.by {
			t.Errorf("givenDate(%q) = %q, %s; want %q, %s", tt.text, words, got, tt.words, tt.by)
		}
	}
}
