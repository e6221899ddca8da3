package next

import (
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// unownedNearSprintEnd: an issue at a high priority (highPriority) planned
// into the running sprint that nobody is assigned and nobody has started,
// when the sprint ends within the threshold. A sprint is not an owner: a
// team pulls what it takes, and an urgent issue nobody pulled by the
// sprint's last week will leave it undone. The finding is due when the
// sprint ends, which ranks it with the work that week presses.
func unownedNearSprintEnd(d Detector, t *Team) []finding {
	var out []finding
	for _, is := range t.Issues {
		if !openToOthers(d, t, is) || is.Assignee.ID != "" || is.StatusCategory != evidence.StatusNew ||
			is.SprintState != "active" || strings.EqualFold(is.Type, "Epic") || !t.highPriority(is.Priority) {
			continue
		}
		sp, ok := lastSprint(is)
		if !ok || sp.State != "active" || sp.End == nil || !endsWithin(d, t.Now, *sp.End) {
			continue
		}
		ends := "ends " + sp.End.Format("Mon 2 Jan")
		if sp.End.Before(t.Now) {
			ends = "was due to end " + sp.End.Format("Mon 2 Jan")
		}
		kind := "issue"
		if evidence.IsBugType(is.Type) {
			kind = "bug"
		} else if is.Type != "" {
			kind = strings.ToLower(is.Type)
		}
		end := *sp.End
		out = append(out, finding{issue: is, due: &end, vars: map[string]string{
			"priority": is.Priority, "kind": kind, "sprint": sp.Name, "ends": ends}})
	}
	return out
}

// endsWithin reports whether a sprint's end is at most the detector's days
// after now (weekdays only, when it says so), or past.
func endsWithin(d Detector, now, end time.Time) bool {
	if d.Working {
		return workingDays(now, end) <= d.Days
	}
	return end.Sub(now) <= time.Duration(d.Days*24*float64(time.Hour))
}
