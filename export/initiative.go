package export

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// initiative is an epic of the portfolio with the user's evidence on it
// and on its children.
type initiative struct {
	// epic is the initiative's epic; of phases ("Offline mode, phase 2"),
	// the latest, which says where the initiative stands now.
	epic evidence.Epic
	// earlier are the initiative's earlier phases, first phase first (see
	// mergePhases); none for an epic of its own.
	earlier []evidence.Epic
	// phases are the phases' numbers, earlier ones first, then the
	// epic's; none for an epic of its own.
	phases []int
	// title names the initiative: the epic's summary, or its phases' ("Offline
	// mode for payments, phases 1 and 2").
	title  string
	items  []*evidence.Evidence // ordered by OccurredAt then ID
	groups []group              // the items by category, in taxonomy order
	// epicItems are the items on the epic issue itself; they tell its
	// status and carry the goal the user wrote for it.
	epicItems []*evidence.Evidence
	// owned says the user owned the epic: created it, moved it through its
	// lifecycle or shaped its children (see ownsEpic), not only rewrote its
	// goals.
	owned bool
	// outcome is what the initiative achieved, when the user or Jira says:
	// of phases, the latest phase's that says.
	outcome    initiativeOutcome
	hasOutcome bool
	// outcomePhase is the number of the phase outcome is of; 0 for an
	// epic of its own.
	outcomePhase int
	// noOutcome says, of an issue on no epic without an outcome, why none
	// was found (see issueOutcome).
	noOutcome string
	// earlierOutcomes are what earlier phases achieved, first phase first,
	// each with its phase's number.
	earlierOutcomes []phaseOutcome
	// onNoEpic says the initiative is no epic's but the user's work on an
	// issue on no epic, or on an incident with its postmortems and
	// follow-ups (see issueInitiatives): epic is then that issue, and
	// epicItems the user's items on it.
	onNoEpic bool
	// incident says the issue of an initiative on no epic is an incident
	// (see incidentOf), told with its postmortems and follow-ups.
	incident bool
	// strength ranks initiatives for the portfolio and for stories: the sum
	// of the items' strengths (so more and stronger work counts; a field
	// edit counts far less than a written decision, see strengths), times
	// the square root of the number of categories (so an initiative where
	// the user planned, decided, unblocked and reported makes a better
	// story than one with only grooming, without letting breadth alone
	// outweigh substance), times 1.5 when the user owned the epic and 1.25
	// when its outcome is known: ownership and results are what a hiring
	// manager looks for first.
	strength float64
}

// Initiative ranking weights (see initiative.strength).
const (
	ownedWeight   = 1.5
	outcomeWeight = 1.25
)

// initiatives returns the portfolio's epics that have evidence, strongest
// first, ties by site and key.
func (v *view) initiatives(s strengths) []initiative {
	byEpic := make(map[issueRef]*initiative)
	for _, e := range v.items {
		epic, ok := v.epicOf(e)
		if !ok {
			continue
		}
		if afterClose(epic, e) {
			continue
		}
		ref := issueRef{epic.SiteName, epic.Key}
		in := byEpic[ref]
		if in == nil {
			in = &initiative{epic: epic}
			byEpic[ref] = in
		}
		in.items = append(in.items, e)
		if e.IssueKey == epic.Key {
			in.epicItems = append(in.epicItems, e)
		}
	}
	out := make([]initiative, 0, len(byEpic))
	for _, in := range byEpic {
		in.title = in.epic.Summary
		in.owned = slices.ContainsFunc(in.items, ownsEpic)
		out = append(out, *in)
	}
	out = mergePhases(out)
	for i := range out {
		out[i].score(s, v.taxonomy)
	}
	sortStrongestFirst(out)
	return out
}

// sortStrongestFirst sorts initiatives strongest first, ties by site and
// key.
func sortStrongestFirst(ins []initiative) {
	slices.SortFunc(ins, func(a, b initiative) int {
		return cmp.Or(cmp.Compare(b.strength, a.strength),
			strings.Compare(a.epic.SiteName, b.epic.SiteName), strings.Compare(a.epic.Key, b.epic.Key))
	})
}

// score groups an initiative's items by category, finds its outcome and
// ranks it (see initiative.strength).
func (in *initiative) score(s strengths, taxonomy []evidence.Category) {
	in.groups = groupByCategory(in.items, taxonomy)
	in.strength = 0
	for _, e := range in.items {
		in.strength += s.of(e)
	}
	in.strength *= math.Sqrt(float64(len(in.groups)))
	in.earlierOutcomes, in.hasOutcome, in.outcomePhase = nil, false, 0
	for i, ep := range in.epics() {
		o, ok := outcomeOf(ep)
		if !ok {
			continue
		}
		if in.hasOutcome {
			in.earlierOutcomes = append(in.earlierOutcomes, phaseOutcome{outcome: in.outcome, phase: in.outcomePhase})
		}
		in.outcome, in.hasOutcome = o, true
		if i < len(in.phases) {
			in.outcomePhase = in.phases[i]
		}
	}
	if in.onNoEpic {
		in.outcome, in.hasOutcome, in.noOutcome = issueOutcome(in.epic, in.items, in.epicItems)
	}
	if in.owned {
		in.strength *= ownedWeight
	}
	if in.hasOutcome {
		in.strength *= outcomeWeight
	}
}

// shapingRules are the built-in epic-ownership rules that show the user
// shaped an epic (rewrote its goals, wrote down its scope) without showing
// they owned it: on a colleague's epic that is a contribution, and saying
// "led" or "owned" of it would not survive the interviewer opening it.
var shapingRules = map[string]bool{
	"change.epic-goals":    true,
	"comment.epic-goals":   true,
	"comment.epic-scope":   true,
	evidence.RuleTextModel: true,
}

// ownsEpic reports whether an item shows the user owned its epic: epic
// ownership by any other rule (created the epic, moved it through its
// lifecycle, ordered its children), or filed or re-categorised as epic
// ownership by the user, who knows.
func ownsEpic(e *evidence.Evidence) bool {
	return e.Category == evidence.CatEpicOwnership && (e.Manual || e.MachineCategory != "" || !shapingRules[e.Rule])
}

// afterCloseGrace is how long after its epic was resolved work under it
// still belongs to the initiative: the wrap-up of the last days. A status
// update three weeks after "closing the epic" reads as if it never shipped.
const afterCloseGrace = 7 * 24 * time.Hour

// afterClose reports whether an item under an epic came well after the
// epic was resolved: work filed under a closed epic months later is not
// part of what the initiative did (it would stretch its dates past its
// result). The epic's own items always belong to it.
func afterClose(epic evidence.Epic, e *evidence.Evidence) bool {
	return cameAfterClose(epic, e.IssueKey, e.OccurredAt)
}

// cameAfterClose reports whether what happened at the time at on the
// issue key under epic came well after the epic was resolved (see
// afterClose).
func cameAfterClose(epic evidence.Epic, key string, at time.Time) bool {
	return epic.StatusCategory == "done" && epic.Resolved != nil && key != epic.Key &&
		at.After(epic.Resolved.Add(afterCloseGrace))
}

// status says where the epic stands now: its status category as the store
// read it, else as the items on the epic itself carry it ("" when neither
// knows).
func (in initiative) status() string {
	if in.epic.StatusCategory != "" {
		return in.epic.StatusCategory
	}
	if len(in.epicItems) == 0 {
		return ""
	}
	return in.epicItems[len(in.epicItems)-1].IssueStatusCategory
}

// barelyBegun says an initiative's story would be a plan, not a story:
// fewer than two things the user wrote to tell as actions (beside the
// goal its epic opens with), no outcome, and none of its issues done.
// "Moved the epic to In Progress" and "Juliana starts after 5.4", of an
// epic nobody started, answer "a time you owned something end to end"
// with a promise; a shipped issue where the user ranked by support
// tickets answers it better.
func (v *view) barelyBegun(in initiative) bool {
	written := in
	written.items = slices.DeleteFunc(slices.Clone(in.items), func(e *evidence.Evidence) bool { return !inOwnWords(e) })
	return written.actionRecords() < 2 && !in.hasOutcome && in.status() != "done" && v.tally(in.items).done == 0
}

// tellableFirst is ins with those barelyBegun after the others, each
// group in its order: a story slot or an initiative of the brief goes to
// work with something done before a plan.
func (v *view) tellableFirst(ins []initiative) []initiative {
	begun := slices.DeleteFunc(slices.Clone(ins), v.barelyBegun)
	return append(begun, slices.DeleteFunc(slices.Clone(ins), func(in initiative) bool { return !v.barelyBegun(in) })...)
}
