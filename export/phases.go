package export

import (
	"bufio"
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// Phases of one initiative are often epics of their own: "Offline mode
// for payments" and "Offline mode for payments, phase 2". A hiring
// manager reads them as one initiative the user saw through, not as two
// smaller ones.
var (
	phaseAfter  = regexp.MustCompile(`(?i)^(.*?\S)[\s,:;(–—-]+(?:phase|stage|part|wave)\s*(\d{1,2}|one|two|three|four|five|i{1,3}|iv|v)\)?\s*$`)
	phaseBefore = regexp.MustCompile(`(?i)^(?:phase|stage|part|wave)\s*(\d{1,2}|one|two|three|four|five|i{1,3}|iv|v)\s*[:–—-]\s*(\S.*)$`)
	phaseWords  = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
)

// phaseOf reads an epic's summary as a phase of an initiative: its name
// without the phase, and the phase's number. A summary that names no
// phase is the initiative itself, phase 1 when a later phase follows it.
func phaseOf(summary string) (name string, n int, named bool) {
	summary = strings.TrimSpace(summary)
	number := ""
	if m := phaseAfter.FindStringSubmatch(summary); m != nil {
		name, number = m[1], m[2]
	} else if m := phaseBefore.FindStringSubmatch(summary); m != nil {
		name, number = m[2], m[1]
	} else {
		return summary, 1, false
	}
	if n, err := strconv.Atoi(number); err == nil {
		return name, n, true
	}
	return name, phaseWords[strings.ToLower(number)], true
}

// mergePhases makes the phases of one initiative one initiative: epics of
// one site whose summaries name the same initiative, one of them a later
// phase ("…, phase 2"). The latest phase is the initiative's epic (where
// it stands now); the others are its earlier phases. Phases are merged
// only when the user owned all of them or none: "owned both epics" must
// hold for each, and a phase someone else led is theirs to tell.
func mergePhases(ins []initiative) []initiative {
	type phase struct {
		in    initiative
		n     int
		named bool
	}
	bySeries := map[[2]string][]phase{}
	var order [][2]string
	for _, in := range ins {
		name, n, named := phaseOf(in.epic.Summary)
		key := [2]string{in.epic.SiteName, strings.ToLower(name)}
		if _, ok := bySeries[key]; !ok {
			order = append(order, key)
		}
		bySeries[key] = append(bySeries[key], phase{in, n, named})
	}
	out := make([]initiative, 0, len(ins))
	for _, key := range order {
		phases := bySeries[key]
		slices.SortFunc(phases, func(a, b phase) int { return cmp.Compare(a.n, b.n) })
		later := slices.ContainsFunc(phases, func(p phase) bool { return p.named && p.n > 1 })
		sameOwner := !slices.ContainsFunc(phases, func(p phase) bool { return p.in.owned != phases[0].in.owned })
		distinct := len(slices.CompactFunc(slices.Clone(phases), func(a, b phase) bool { return a.n == b.n })) == len(phases)
		if len(phases) < 2 || !later || !sameOwner || !distinct {
			for _, p := range phases {
				out = append(out, p.in)
			}
			continue
		}
		merged := phases[len(phases)-1].in
		merged.items, merged.epicItems = nil, nil
		numbers := make([]string, len(phases))
		name := ""
		for i, p := range phases {
			numbers[i] = strconv.Itoa(p.n)
			merged.phases = append(merged.phases, p.n)
			if i < len(phases)-1 {
				merged.earlier = append(merged.earlier, p.in.epic)
			}
			if !p.named && name == "" {
				name = strings.TrimSpace(p.in.epic.Summary)
			}
			merged.items = append(merged.items, p.in.items...)
			merged.epicItems = append(merged.epicItems, p.in.epicItems...)
		}
		if name == "" {
			name, _, _ = phaseOf(phases[0].in.epic.Summary)
		}
		merged.title = name + ", " + phaseNames(numbers)
		slices.SortFunc(merged.items, evidence.ByOccurrence)
		slices.SortFunc(merged.epicItems, evidence.ByOccurrence)
		out = append(out, merged)
	}
	return out
}

// epics are the initiative's epics, first phase first.
func (in initiative) epics() []evidence.Epic {
	return append(slices.Clone(in.earlier), in.epic)
}

// isEpic reports whether an issue is one of the initiative's epics.
func (in initiative) isEpic(key string) bool {
	return key == in.epic.Key || slices.ContainsFunc(in.earlier, func(ep evidence.Epic) bool { return ep.Key == key })
}

// shippedPhases are the numbers of the initiative's earlier phases that
// are done, first phase first.
func (in initiative) shippedPhases() []string {
	var shipped []string
	for i, ep := range in.earlier {
		if ep.StatusCategory == "done" {
			shipped = append(shipped, strconv.Itoa(in.phases[i]))
		}
	}
	return shipped
}

// phaseNames names phases by their numbers: "phase 1", "phases 1 and 2",
// "phases 1, 2 and 4", and a run of more than three "phases 1 to 11": a
// title that lists eleven numbers is cut before its end in a bullet.
func phaseNames(numbers []string) string {
	if len(numbers) == 1 {
		return "phase " + numbers[0]
	}
	if len(numbers) > 3 && consecutive(numbers) {
		return "phases " + numbers[0] + " to " + numbers[len(numbers)-1]
	}
	return "phases " + evidence.JoinAnd(numbers)
}

// consecutive reports whether numbers count up by one.
func consecutive(numbers []string) bool {
	for i := 1; i < len(numbers); i++ {
		prev, err1 := strconv.Atoi(numbers[i-1])
		n, err2 := strconv.Atoi(numbers[i])
		if err1 != nil || err2 != nil || n != prev+1 {
			return false
		}
	}
	return true
}

// goal is the goal the initiative set out with: its first phase's that
// has one.
func (in initiative) goal() string {
	for _, ep := range in.epics() {
		if strings.TrimSpace(ep.Goal) != "" {
			return ep.Goal
		}
	}
	return ""
}

// writeInitiativeHeading writes an initiative's heading line: the links
// to its epics, first phase first, and its title.
func writeInitiativeHeading(w *bufio.Writer, in initiative) {
	for i, ep := range in.epics() {
		if i > 0 {
			w.WriteString(", ")
		}
		writeIssueLink(w, evidence.OneLine(ep.Key), ep.URL)
	}
	if title := evidence.OneLine(in.title); title != "" {
		w.WriteByte(' ')
		writeEscaped(w, title)
	}
}
