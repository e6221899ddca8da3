package next

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// unownedNearSprintEnd: an issue at a high priority (highPriority) planned
// into the running sprint that nobody is assigned and nobody has started,
// when the sprint ends within the threshold. A sprint is not an owner: a
// team pulls what it takes, and an urgent issue nobody pulled by the
// sprint's last week will leave it undone. The finding is due when the
// sprint ends, which ranks it with the work that week presses.
//
// An issue at the team's top priority (topPriority) does not wait for the
// last week: "do this first" that nobody took up within unownedTopGrace
// working days of entering the sprint is nobody's, whatever the sprint
// day. The team's read holds no changelog, so it entered the sprint, or
// rose to the top, no earlier than the later of its filing and the
// sprint's start: the grace runs from there. That one asks for an owner
// today, and is due today; a comment that says what it costs ("22 tickets
// now") is quoted, and its author is told who has it.
func unownedNearSprintEnd(d Detector, t *Team) []finding {
	var out []finding
	for _, is := range t.Issues {
		if !openToOthers(d, t, is) || is.Assignee.ID != "" || is.StatusCategory != evidence.StatusNew ||
			is.SprintState != "active" || strings.EqualFold(is.Type, "Epic") || !t.highPriority(is.Priority) {
			continue
		}
		sp, ok := lastSprint(is)
		if !ok || sp.State != "active" || sp.End == nil {
			continue
		}
		entered := is.Created
		if sp.Start != nil {
			entered = latest(entered, *sp.Start)
		}
		lastWeek := endsWithin(d, t.Now, *sp.End)
		if !lastWeek && (!t.topPriority(is.Priority) || workingDays(entered, t.Now) < unownedTopGrace) {
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
		due := *sp.End
		vars := map[string]string{"priority": is.Priority, "kind": kind, "sprint": sp.Name, "ends": ends, "cost": "",
			"find": "Find it an owner at stand-up, or move it out of " + sp.Name + " and say why"}
		if !lastWeek {
			due = t.Now
			vars["find"] = "Find it an owner at stand-up today"
			if c, ok := t.costNamed(is); ok {
				who := cmp.Or(c.Author.DisplayName, "a teammate")
				vars["cost"] = "; " + who + " wrote on " + dayOf(c.At, t.Now) + ": “" + t.quote(markup.PlainText(c.Text), c.Text, yourWordLength) + "”"
				if c.Author.DisplayName != "" {
					vars["find"] += ", and tell " + who + " who has it"
				}
			}
		}
		out = append(out, finding{issue: is, due: &due, vars: vars})
	}
	return out
}

// unownedTopGrace is how many working days a top-priority issue of the
// running sprint may wait for someone to take it before its last week: a
// day for stand-up to pull it, and one more.
const unownedTopGrace = 2

// costWords say what an issue costs the people it hurts, in numbers: "22
// tickets now", "~3,100 users hit it", "14 support tickets this week".
var costWords = regexp.MustCompile(`(?i)\b\d[\d,.]*\s*(?:support\s+)?(?:tickets?|customers?|users?|clients?|complaints?|reports?|reviews?|calls?|chats?|orders?|chamados)\b`)

// costNamed is the newest comment on an issue, by someone other than the
// user, that says what the issue costs (costWords) and is short enough to
// quote whole.
func (t *Team) costNamed(is TeamIssue) (evidence.Comment, bool) {
	var newest evidence.Comment
	found := false
	for _, c := range is.Comments {
		plain := strings.TrimSpace(markup.PlainText(c.Text))
		if c.Author.LooksLikeAutomation() || c.Author.Is(t.Site.User) || !costWords.MatchString(plain) ||
			utf8.RuneCountInString(plain) > yourWordLength || found && c.At.Before(newest.At) {
			continue
		}
		newest, found = c, true
	}
	return newest, found
}

// endsWithin reports whether a sprint's end is at most the detector's days
// after now (weekdays only, when it says so), or past.
func endsWithin(d Detector, now, end time.Time) bool {
	if d.Working {
		return workingDays(now, end) <= d.Days
	}
	return end.Sub(now) <= time.Duration(d.Days*24*float64(time.Hour))
}

// A sprint's dates say more than its state: a running sprint that ends
// within sprintEndingDays working days leaves no room for work moved into
// it, and one whose end passed sprintOverdueDays working days ago and that
// is still open was never closed, so the next one never started.
const (
	sprintEndingDays  = 1
	sprintOverdueDays = 1
)

// boardSprints are the sprints of one board that the team's issues carry,
// by start (unscheduled ones last); made on first use.
func (t *Team) boardSprints(board int) []Sprint {
	if t.sprintsByBoard == nil {
		t.sprintsByBoard = map[int][]Sprint{}
		seen := map[sprintKey]bool{}
		for _, is := range t.Issues {
			for _, sp := range is.SprintList {
				if k := keyOfSprint(sp); sp.BoardID != 0 && !seen[k] {
					seen[k] = true
					t.sprintsByBoard[sp.BoardID] = append(t.sprintsByBoard[sp.BoardID], sp)
				}
			}
		}
		for _, sps := range t.sprintsByBoard {
			slices.SortStableFunc(sps, func(a, b Sprint) int {
				switch {
				case sprintBefore(a, b):
					return -1
				case sprintBefore(b, a):
					return 1
				}
				return 0
			})
		}
	}
	return t.sprintsByBoard[board]
}

// followingSprint is the future sprint of a sprint's board that comes
// first after it.
func (t *Team) followingSprint(sp Sprint) (Sprint, bool) {
	for _, next := range t.boardSprints(sp.BoardID) {
		if next.State == "future" && keyOfSprint(next) != keyOfSprint(sp) && !sprintBefore(next, sp) {
			return next, true
		}
	}
	return Sprint{}, false
}

// endingSprint reports whether a running sprint ends within
// sprintEndingDays working days, and gives the sprint that follows it:
// work moved into it, or not started in it yet, carries over within hours.
func (t *Team) endingSprint(sp Sprint) (Sprint, bool) {
	if sp.State != "active" || sp.End == nil || sp.End.Before(t.Now) || workingDays(t.Now, *sp.End) > sprintEndingDays {
		return Sprint{}, false
	}
	return t.followingSprint(sp)
}

// overdueSprint reports whether a sprint is still open sprintOverdueDays
// working days or more after its end.
func (t *Team) overdueSprint(sp Sprint) bool {
	return sp.State == "active" && sp.End != nil && workingDays(*sp.End, t.Now) >= sprintOverdueDays
}

// startsOn says when a sprint starts ("starts Mon 7 Dec"), "" when it has
// no date.
func (t *Team) startsOn(sp Sprint) string {
	switch {
	case sp.Start == nil:
		return ""
	case sp.Start.Before(t.Now):
		return "due to start " + dayOf(*sp.Start, t.Now)
	}
	return "starts " + sp.Start.Format("Mon 2 Jan")
}

// sprintNamed is sprintLabel with what the sprint's dates add: "active
// sprint (CHK Sprint 86, ends Mon 7 Dec)" on its last working day, "active
// sprint (CORE Sprint 55, due to end 29 Nov, still open)" past its end,
// "next sprint (CORE Sprint 56, due to start 29 Nov, not started)" when
// the one before it was never closed.
func (t *Team) sprintNamed(is TeamIssue) string {
	label := sprintLabel(is)
	sp, ok := lastSprint(is)
	if label == "" || !ok || !strings.HasSuffix(label, ")") {
		return label
	}
	add := ""
	switch {
	case sp.State == "active" && t.overdueSprint(sp):
		add = ", due to end " + dayOf(*sp.End, t.Now) + ", still open"
	case sp.State == "active" && sp.End != nil && !sp.End.Before(t.Now) && workingDays(t.Now, *sp.End) <= sprintEndingDays:
		add = ", ends " + sp.End.Format("Mon 2 Jan")
	case sp.State == "future" && sp.Start != nil && sp.Start.Before(t.Now):
		add = ", " + t.startsOn(sp) + ", not started"
	}
	return strings.TrimSuffix(label, ")") + add + ")"
}

// carryOver opens the action on a story not started in a running sprint
// that ends within a working day, when the next sprint is known: its real
// decision is whether it carries over ("CHK Sprint 86 ends Mon 7 Dec with
// it not started: decide whether it carries into CHK Sprint 87 (starts
// Mon 7 Dec) or goes back to the backlog; if it carries, "); "" otherwise.
func (t *Team) carryOver(is TeamIssue) string {
	sp, ok := lastSprint(is)
	if !ok || is.SprintState != "active" || is.StatusCategory != evidence.StatusNew {
		return ""
	}
	next, ok := t.endingSprint(sp)
	if !ok {
		return ""
	}
	into := next.Name
	if starts := t.startsOn(next); starts != "" {
		into += " (" + starts + ")"
	}
	return sp.Name + " ends " + sp.End.Format("Mon 2 Jan") + " with it not started: decide whether it carries into " + into +
		" or goes back to the backlog; if it carries, "
}

// overdueSprints: a sprint still open sprintOverdueDays working days
// after its end, with open work in it. Nobody closed it, so the next one
// never started, and every board and report still shows the old plan:
// what carries over is for the team to decide, then close the one and
// start the other. Told once, on the sprint's first open issue.
func overdueSprints(d Detector, t *Team) []finding {
	type overdue struct {
		sprint Sprint
		open   []TeamIssue
	}
	by := map[sprintKey]*overdue{}
	var order []sprintKey
	for _, is := range t.Issues {
		sp, ok := lastSprint(is)
		if !ok || is.SprintState != "active" || is.Done() || !t.overdueSprint(sp) {
			continue
		}
		k := keyOfSprint(sp)
		if by[k] == nil {
			by[k] = &overdue{sprint: sp}
			order = append(order, k)
		}
		by[k].open = append(by[k].open, is)
	}
	var out []finding
	for _, k := range order {
		o := by[k]
		slices.SortFunc(o.open, func(a, b TeamIssue) int {
			if keyLess(a.Key, b.Key) {
				return -1
			}
			return 1
		})
		var keys, waits []string
		for _, is := range o.open {
			keys = append(keys, is.Key)
			// Whether a blocked issue carries over hangs on its blocker.
			if blockers := t.openBlockers(is); len(blockers) > 0 {
				waits = append(waits, is.Key+" waits on "+evidence.JoinAnd(blockers))
			} else if asked, ok := unansweredQuestion(d, t, is); ok {
				// So does one whose last word is a question nobody answered.
				waits = append(waits, is.Key+" waits on "+asked["awaited"])
			}
		}
		listed := listKeys(keys)
		if len(waits) > 0 {
			listed += "; " + strings.Join(waits, "; ")
		}
		sp := o.sprint
		vars := map[string]string{"sprint": sp.Name, "ended": dayOf(*sp.End, t.Now), "keys": listed, "next-sprint": "", "start": "plan the next one"}
		if next, ok := t.followingSprint(sp); ok {
			vars["next-sprint"] = "; " + next.Name + " has not started"
			if next.Start != nil && next.Start.Before(t.Now) {
				vars["next-sprint"] = "; " + next.Name + ", due to start " + dayOf(*next.Start, t.Now) + ", has not started"
			}
			vars["start"] = "start " + next.Name
		}
		end := *sp.End
		out = append(out, finding{issue: o.open[0], key: "sprint:" + strconv.Itoa(sp.BoardID) + ":" + strconv.Itoa(sp.ID) + ":" + sp.Name,
			related: keys[1:], due: &end, vars: vars})
	}
	return out
}

// listKeys names the issue keys a team goes through together, all of
// them up to a sprint's handful, else a few and how many more.
func listKeys(keys []string) string {
	if len(keys) <= 8 {
		return evidence.JoinAnd(keys)
	}
	return someKeys(keys)
}
