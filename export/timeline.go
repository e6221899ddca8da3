package export

import "time"

// month is one calendar month (UTC) of the timeline.
type month struct {
	start time.Time
	// counts are the month's items per category, indexed like view.groups.
	counts []int
	total  int
}

// timeline returns every month from the start of the period to its end,
// the empty ones included: a gap in the activity is part of the story, and
// a chart with missing months would misstate time.
func (v *view) timeline() []month {
	first, last := v.since.UTC(), v.until.UTC()
	if len(v.items) > 0 {
		if t := v.items[0].OccurredAt.UTC(); t.Before(first) {
			first = t
		}
		if t := v.items[len(v.items)-1].OccurredAt.UTC(); t.After(last) {
			last = t
		}
	}
	first = monthStart(first)
	n := (last.Year()-first.Year())*12 + int(last.Month()-first.Month()) + 1
	months := make([]month, n)
	for i := range months {
		months[i] = month{start: first.AddDate(0, i, 0), counts: make([]int, len(v.groups))}
	}
	for gi, g := range v.groups {
		for _, e := range g.items {
			t := e.OccurredAt.UTC()
			i := (t.Year()-first.Year())*12 + int(t.Month()-first.Month())
			months[i].counts[gi]++
			months[i].total++
		}
	}
	return months
}

func monthStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}
