package export

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// callBullets is how many bullets telling a call that held (see
// calledBullets) follow the result bullets.
const callBullets = 2

// calledBullets are the bullets that tell a call of the user's that held,
// with its dates or its number, at most callBullets: a staged rollout
// they planned whose every step was reached on its day (rolloutBullet),
// then a call another person agreed to that the user later measured
// (agreedCallBullet). "Wrote release plans on 2 issues" said nothing of
// the re-planned rollout those plans were; these are what a hiring
// manager asks about. told are the items they tell, which the themes'
// bullets then leave out: one act, told once.
func (r *report) calledBullets() (out []bullet, told map[*evidence.Evidence]bool) {
	told = make(map[*evidence.Evidence]bool)
	for _, in := range r.initiatives {
		if b, notes, ok := r.rolloutBullet(in); ok && len(out) < callBullets {
			out = append(out, b)
			for _, e := range notes {
				told[e] = true
			}
		}
	}
	for _, e := range r.strengths.strongestFirst(r.items) {
		if len(out) == callBullets {
			break
		}
		if b, ok := r.agreedCallBullet(e.item); ok {
			out = append(out, b)
			told[e.item] = true
		}
	}
	return out, told
}

// rolloutBullet tells a staged rollout of an initiative kept step by step
// (rolloutOf): "Re-planned the rollout of “Saved cards for returning
// customers” on 10 August: it reached 5% on 25 August, 25% on 8 September
// and 100% on 30 September, each on the day planned." notes are the items
// that are its plan and its notes of steps reached.
func (r *report) rolloutBullet(in initiative) (bullet, []*evidence.Evidence, bool) {
	k, ok := r.rolloutOf(in)
	if !ok {
		return bullet{}, nil, false
	}
	name := shortTitle(cmp.Or(evidence.OneLine(in.title), in.epic.Key))
	notes := k.notesAmong(in.items, nil, &quoteSet{})
	var reached []string
	var numbers []bulletNumber
	for i, step := range k.steps {
		day := k.reached[i].At.UTC().Format("2 January")
		reached = append(reached, step.share+" on "+day)
		numbers = append(numbers, stepReached(step.share, day, k.reached[i], notes))
	}
	text := k.planVerb() + " the rollout of “" + name + "” on " + k.plan.At.UTC().Format("2 January") +
		": it reached " + evidence.JoinAnd(reached) + ", each on the day planned"
	line, kept := fitBullet([]clause{said(text, numbers...)})
	return bullet{text: line, strength: in.strength, categories: []string{evidence.CatReleasePlanning}, numbers: kept.numbers,
		result: &bulletResult{Text: text, Epic: in.epic.Key, From: resultFromComment, Link: evidence.CommentURL(in.epic.URL, k.plan.ID)}}, notes, true
}

// stepReached is the number of a rollout's step a bullet states, its
// share, with the note that reports it reached (of notes, where it is
// evidence) behind it.
func stepReached(share, day string, c evidence.Comment, notes []*evidence.Evidence) bulletNumber {
	value, _ := strconv.ParseFloat(strings.TrimSuffix(share, "%"), 64)
	n := bulletNumber{Text: share, Value: value, Counts: "share of users reached on the day planned", Of: []string{day},
		EvidenceIDs: []string{}, Links: []string{}}
	for _, e := range notes {
		if e.Source == evidence.SourceComment && e.SourceID == c.ID {
			n.evidence = append(n.evidence, e)
			n.EvidenceIDs = append(n.EvidenceIDs, e.ID)
			n.Links = append(n.Links, e.RecordURL())
		}
	}
	return n
}

// agreedCallBullet tells a call of the user's that another person agreed
// to (agreedCall) and that the user later measured (laterMeasured), in
// their words: "Proposed “we should launch the campaign on the 24th, not
// the 20th”: Pedro Santos agreed within the hour, and on 26 November
// “banner is showing on 5.4, 61% of active users already on it”."
func (r *report) agreedCallBullet(e *evidence.Evidence) (bullet, bool) {
	d, _, ok := r.agreedCall(e)
	if !ok {
		return bullet{}, false
	}
	later, measured := r.laterMeasured([]*evidence.Evidence{e}, e)
	reply, _ := r.answerOf(e)
	sentence := callSentence(d)
	if !measured || sentence == "" {
		return bullet{}, false
	}
	measure, _ := strings.CutPrefix(later.text, "On ")
	day, quote, _ := strings.Cut(measure, ": ")
	who := evidence.OneLine(reply.Author.DisplayName)
	when := " " + answeredWhen(e.OccurredAt, reply.At)
	on := " on “" + shortTitle(evidence.OneLine(e.IssueSummary)) + "”"
	call := &bulletDecision{Text: sentence, EvidenceID: e.ID, Issue: e.IssueKey, Link: e.RecordURL(), comment: true}
	res := &bulletResult{Text: strings.Trim(quote, "“”"), Epic: e.IssueKey, From: resultFromComment, Link: later.link}
	// Longest first: the call whole, where it was made and how soon it
	// was agreed, each left out in turn while the bullet is too long.
	for _, quoted := range []string{sentence, withoutCondition(sentence)} {
		for _, form := range [][2]string{{on, when}, {"", when}, {on, ""}, {"", ""}} {
			c := said("proposed “" + quoted + "”" + form[0] + ": " + who + " " + assentVerb(reply.Text) + form[1] + ", and on " + day + " " + quote)
			if fits(c) {
				c.decision, c.result = call, res
				line, _ := fitBullet([]clause{c})
				return bullet{text: line, strength: r.strengths.of(e), categories: []string{e.Category}, numbers: []bulletNumber{},
					result: res, decision: call, quotes: e}, true
			}
		}
	}
	return bullet{}, false
}

// callSentence is the sentence of a call that says it (declined.no),
// without its closing stop: "if the banner is important for BF we should
// launch the campaign on the 24th, not the 20th".
func callSentence(d declined) string {
	for _, s := range sentencesOf(evidence.QuoteBody(d.words)) {
		if strings.Contains(s, d.no) {
			return strings.TrimRight(s, " .")
		}
	}
	return ""
}

// withoutCondition is a call without the condition it opens with: "we
// should launch the campaign on the 24th, not the 20th" of "if the banner
// is important for BF we should launch …".
func withoutCondition(call string) string {
	if m := openingCondition.FindStringSubmatchIndex(call); m != nil {
		return call[m[2]:]
	}
	return call
}

// openingCondition is an "if" clause a call opens with, up to whoever
// the call is then said of.
var openingCondition = regexp.MustCompile(`(?i)^if\b[^.;]*?,?\s+((?:we|i|you|they|let's)\b)`)

// sprintEdit is the user's edit of an issue's sprints as the rules
// describe it: "Sprint: (none) → CHK Sprint 72".
var sprintEdit = regexp.MustCompile(`^Sprints?: *(.*?) *→ *(.*)$`)

// sprintEdits says edits of issues' sprints by which way they went, each
// issue once: "added 12 issues to sprints, moved 14 issues between
// sprints and took 1 issue out of sprints"; "into or out of sprints" only
// of an edit it cannot read. "More" follows the first number when more
// is set ("shaped sprint scope for 1 issue and added 5 more issues to
// sprints").
func (r *report) sprintEdits(edits []*evidence.Evidence, more bool) ([]string, []bulletNumber) {
	ways := []string{"added %s to sprints", "moved %s between sprints", "took %s out of sprints", "moved %s into or out of sprints"}
	way := make(map[issueRef]int) // an issue added, and moved later, was added
	for _, e := range edits {
		w := len(ways) - 1
		if m := sprintEdit.FindStringSubmatch(e.Excerpt); m != nil {
			switch {
			case m[1] == "(none)" || m[1] == "":
				w = 0
			case m[2] == "(none)" || m[2] == "":
				w = 2
			default:
				w = 1 // "OPS Sprint 40 → OPS Sprint 41", or carried over to it
			}
		}
		ref := issueRef{e.SiteName, e.IssueKey}
		if old, ok := way[ref]; !ok || w < old {
			way[ref] = w
		}
	}
	var claims []string
	var numbers []bulletNumber
	for w, phrase := range ways {
		n := r.count(slices.DeleteFunc(slices.Clone(edits), func(e *evidence.Evidence) bool { return way[issueRef{e.SiteName, e.IssueKey}] != w }), countsWork)
		if n.Value == 0 {
			continue
		}
		what := quantity(int(n.Value), "issue", "issues")
		if more && len(claims) == 0 {
			what = quantity(int(n.Value), "more issue", "more issues")
		}
		claims = append(claims, fmt.Sprintf(phrase, what))
		numbers = append(numbers, n)
	}
	return claims, numbers
}

// inWordsOrEdits splits items into those on issues the user wrote on and
// the rest, field edits only.
func inWordsOrEdits(items []*evidence.Evidence) (words, edits []*evidence.Evidence) {
	written := make(map[issueRef]bool)
	for _, e := range items {
		if inOwnWords(e) {
			written[issueRef{e.SiteName, e.IssueKey}] = true
		}
	}
	for _, e := range items {
		if written[issueRef{e.SiteName, e.IssueKey}] {
			words = append(words, e)
		} else {
			edits = append(edits, e)
		}
	}
	return words, edits
}
