package export

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
)

// strengths scores how well each item makes the case for PM work, so that
// highlights, initiatives, bullets and stories all lead with the same,
// strongest proof. The score of an item is kind × confidence × substance ×
// (1 + rarity):
//
//   - kind is 1 for what the user wrote or made (a comment, an issue they
//     created, manual evidence) and editWeight for a field edit: a decision
//     argued in words shows more than a priority changed. An issue filed
//     from a form, its description pasted on other issues too, weighs as
//     an edit (see filledIn).
//
//   - confidence is the rule's own: a decision recorded as "Decision: …" is
//     surer evidence than a label added to a ticket.
//
//   - substance, from 0.25 to 2, rewards an excerpt a reader can learn
//     from, as what it says (see whatItSays: "Verified against the 'Done
//     when' list with Sam: 1 ✓ 2 ✓ 3 ✓" says "with Sam"): 0.5 for any
//     item, up to 0.5 more for length (25 words or more earn it all:
//     "Priority: Medium → High" earns little, a status update with risks
//     and an ETA earns all of it), 0.25 for a number in it (numbers are
//     what make a claim concrete: "cut the list from 14 to 5"; the digits
//     of "OPS-1221" or "eu-central-1" are no number, see hasFigure), 0.25 more
//     for a number measured against another ("0.81% vs 0.79% control,
//     within noise" is the check behind a call, "at 5% since this
//     morning" a status), 0.25 for a reason given ("because", "instead
//     of", "so that": a decision with its trade-off shows judgment, "go
//     ahead with that" does not) and 0.25 when the user added a note,
//     which says they stand by it; less 0.25 when it speaks to someone it
//     cannot name ("FYI [colleague] [colleague]: …" reads as a redaction
//     glitch).
//
//   - rarity, from 0 to 1, is 1 − n/max, where n is the number of items of
//     the item's category and max that of the most common one: the
//     hundredth backlog edit says less about the user than their one
//     incident postmortem, and a portfolio should show range.
type strengths struct {
	rarity map[string]float64
	// told counts, by category, the proofs a document has quoted so far
	// (nil: none counted). Each one quoted makes the next of its kind
	// weigh toldWeight as much: a brief whose every initiative leads with
	// a story it wrote shows less range than one that quotes a decision, an
	// update and a verification.
	told map[string]int
	// favour weighs some categories up (nil: none): the brief's proofs
	// prefer a decision to a routine note (see proofFavour).
	favour map[string]float64
	// doubted says of an item that a document shows it only where nothing
	// else fills its slot (nil: none): the brief's proof whose date the
	// work then missed (see view.promiseMissedIn). "New ETA for this: 27
	// May" of work resolved on 20 Aug showcases the follow-up question a
	// hiring manager asks first.
	doubted func(*evidence.Evidence) bool
	// substances holds each item's substance once read (nil: read every
	// time): a portfolio of 50,000 items is weighed again for every part
	// of a document, and its regular expressions are most of an export's
	// time.
	substances map[*evidence.Evidence]float64
	// pasted holds, by site, the long clauses (longClauses) of the issue
	// descriptions the user filed on pastedIssues or more issues (nil:
	// none): the words of a form filled in again for each issue.
	pasted map[string]map[string]bool
}

// doubtedWeight is what a doubted item weighs against the same item
// undoubted: below anything else a slot could hold.
const doubtedWeight = 0.01

// toldWeight is what each proof of a category already quoted takes from the
// next one of that category: a strong story still beats a weak decision.
const toldWeight = 0.7

// counting returns the strengths that weigh down each category by the
// proofs of it quoted so far (see told), which tell adds to.
func (s strengths) counting() strengths {
	s.told = make(map[string]int)
	return s
}

// tell counts picked proofs as quoted (a no-op unless counting).
func (s strengths) tell(picked []*evidence.Evidence) {
	if s.told == nil {
		return
	}
	for _, e := range picked {
		s.told[e.Category]++
	}
}

func newStrengths(v *view) strengths {
	most := 0
	for _, g := range v.groups {
		most = max(most, len(g.items))
	}
	s := strengths{rarity: make(map[string]float64, len(v.groups)), substances: make(map[*evidence.Evidence]float64, len(v.items)),
		pasted: pastedClauses(v.items)}
	for _, g := range v.groups {
		s.rarity[g.category.ID] = 1 - float64(len(g.items))/float64(most)
	}
	return s
}

// pastedClauses returns, by site, the long clauses of the issue
// descriptions in items that come back word for word (numbers aside) on
// pastedIssues or more issues: "From the postmortem OPS-1221 of
// OPS-1220" and "Without this, the same failure pages us again and we
// only see it from customer tickets" on every follow-up filed.
func pastedClauses(items []*evidence.Evidence) map[string]map[string]bool {
	on := make(map[[2]string]map[string]bool) // site and clause: the issues it is on
	for _, e := range items {
		if e.Source != evidence.SourceIssue {
			continue
		}
		for _, c := range longClauses(e.Excerpt) {
			key := [2]string{e.SiteName, c}
			if on[key] == nil {
				on[key] = make(map[string]bool)
			}
			on[key][e.IssueKey] = true
		}
	}
	pasted := make(map[string]map[string]bool)
	for key, issues := range on {
		if len(issues) < pastedIssues {
			continue
		}
		if pasted[key[0]] == nil {
			pasted[key[0]] = make(map[string]bool)
		}
		pasted[key[0]][key[1]] = true
	}
	return pasted
}

// filledIn reports whether an issue's description is a form filled in:
// it holds a clause the user filed on pastedIssues or more issues. Its
// words show that the issue was filed, as a field edit shows a field set,
// not what its writer thought: the follow-up "From the postmortem
// OPS-1221 of OPS-1220: synthetic check … Why: Without this, the same
// failure pages us again …" restates its postmortem and a reason pasted
// on three more, where the user's own incident updates say what they did.
func (s strengths) filledIn(e *evidence.Evidence) bool {
	if e.Source != evidence.SourceIssue || s.pasted[e.SiteName] == nil {
		return false
	}
	return slices.ContainsFunc(longClauses(e.Excerpt), func(c string) bool { return s.pasted[e.SiteName][c] })
}

// of returns the score of one item.
func (s strengths) of(e *evidence.Evidence) float64 {
	kind := 1.0
	switch {
	case !inOwnWords(e), s.filledIn(e):
		kind = editWeight
	case e.Rule == evidence.RuleTextModel:
		kind = modelWeight
	}
	score := kind * e.Confidence * s.substance(e) * (1 + s.rarity[e.Category])
	if s.isDoubted(e) {
		score *= doubtedWeight
	}
	if s.favours(e) {
		// A favoured item is not weighed down by those of its kind told
		// before: each initiative's own decision is worth its slot.
		return score * s.favour[e.Category]
	}
	return score * math.Pow(toldWeight, float64(s.told[e.Category]))
}

// substance is an item's substance, read once per item where s keeps them.
func (s strengths) substance(e *evidence.Evidence) float64 {
	if s.substances == nil {
		return substance(e)
	}
	got, ok := s.substances[e]
	if !ok {
		got = substance(e)
		s.substances[e] = got
	}
	return got
}

// isDoubted reports whether s doubts an item (see doubted).
func (s strengths) isDoubted(e *evidence.Evidence) bool {
	return s.doubted != nil && s.doubted(e)
}

// favours reports whether an item is of a kind s favours (only what reads
// as a decision, of decisions; only a call with its grounds, of rankings
// and release plans).
func (s strengths) favours(e *evidence.Evidence) bool {
	if _, ok := s.favour[e.Category]; !ok {
		return false
	}
	switch e.Category {
	case evidence.CatDecisionMaking:
		return readsAsDecision.MatchString(e.Excerpt)
	case evidence.CatPrioritization, evidence.CatReleasePlanning:
		return makesCall(e)
	}
	return true
}

// makesCall says a ranking or a release plan gives its grounds: a reason
// ("launch the campaign on the 24th, not the 20th") or, of a ranking, a
// number ("'where is my order' is 22% of support tickets"). "Targeting
// 5.4" and "moving this up" are routine.
func makesCall(e *evidence.Evidence) bool {
	said := whatItSays(e.Excerpt)
	return givesReason.MatchString(said) || e.Category == evidence.CatPrioritization && hasFigure(said)
}

// editWeight is what a field edit weighs against a written item.
const editWeight = 0.3

// modelWeight is what a claim of the text model weighs against a rule's on
// the same words: its confidence is a probability, not a rule's
// certainty, and where a rule says "decision" and the model "unblocking"
// of one comment, the brief should say what the rule says.
const modelWeight = 0.6

// substance is the part of the score that reads the item's own words.
func substance(e *evidence.Evidence) float64 {
	const fullWords = 25
	said := whatItSays(e.Excerpt)
	words := len(strings.Fields(said))
	figure := hasFigure(said)
	score := 0.5 + 0.5*float64(min(words, fullWords))/fullWords
	if figure {
		score += 0.25
	}
	if figure && measuresAgainst.MatchString(said) {
		score += 0.25
	}
	if givesReason.MatchString(e.Excerpt) {
		score += 0.25
	}
	if strings.Contains(e.Excerpt, "[colleague]") {
		score -= 0.25
	}
	if strings.TrimSpace(e.Note) != "" {
		score += 0.25
	}
	return score
}

// hasFigure reports whether text holds a number, a digit that is not part
// of a name: the digits of "OPS-1221", "eu-central-1", "v2.3", "p95" and
// "platform-2026.04" name a ticket, a region, a release, and those of a
// mention ("[~5e8f1a2b]") a person. A follow-up's "From the postmortem
// OPS-1221 of OPS-1220: synthetic check for ingress-nginx in eu-central-1"
// holds no figure. A name is a word that opens with a letter, its parts
// joined by "-", "_" or "."; "14 to 5", "22:33 UTC", "$3k" and a bare
// "4.14" are figures.
func hasFigure(text string) bool {
	inName, inMention := false, false
	prev := rune(0)
	for _, r := range text {
		switch {
		case inMention:
			inMention = r != ']'
		case r == '~' && prev == '[':
			inMention = true
		case unicode.IsLetter(r):
			inName = true
		case unicode.IsDigit(r):
			if !inName {
				return true
			}
		case r == '-' || r == '_' || r == '.':
		default:
			inName = false
		}
		prev = r
	}
	return false
}

// whatItSays is text less what tells a reader nothing they could check:
// check marks and the list numbers they tick ("1 ✓ 2 ✓ 3 ✓"), and the
// words that say a check was made but not what it found ("Verified
// against the 'Done when' list", "Meets the AC", "All good", "Closing.").
// "Verified against the 'Done when' list: marketing and support signed
// off the four categories" keeps what was signed off.
func whatItSays(text string) string {
	// Both expressions are tried only where the words or marks they need
	// are: run on every item of a large portfolio they doubled the time
	// an export took to weigh its items.
	if strings.ContainsAny(text, checkMarks) {
		text = tickedItems.ReplaceAllString(text, " ")
	}
	lower := strings.ToLower(text)
	if slices.ContainsFunc(checkedWords, func(w string) bool { return strings.Contains(lower, w) }) {
		text = saysOnlyChecked.ReplaceAllString(text, " ")
	}
	return text
}

// checkMarks are the marks tickedItems finds.
const checkMarks = "✓✔✗✘☑☒✅❌"

// checkedWords are the words, one of which each form saysOnlyChecked
// finds holds.
var checkedWords = []string{"verified", "checked", "tested", "through", "meets", "good", "needed", "closing", "moving"}

// tickedItems finds check marks and crosses, each with the list number it
// ticks: "1 ✓", "2) ✗", "✅".
var tickedItems = regexp.MustCompile(`(?:\b\d{1,2}[.):]?\s*)?[` + checkMarks + `][.,;:]?`)

// saysOnlyChecked finds the words of a check made that say nothing of what
// it found.
var saysOnlyChecked = regexp.MustCompile(`(?i)\b(?:verified|checked|tested|walked through|went through|ran through)(?: it)?(?: (?:against|through|with))? (?:the |all )?['‘"“]?(?:done when['’"”]?(?: list)?|acceptance criteria|ACs?|definition of done|DoD|checklist)\b[.,;:]?|\bmeets (?:the |all )?(?:ACs?|acceptance criteria)\b[.,;:]?|\b(?:all|looks) good\b[.,;:]?|\bdoes what we needed\b[.,;:]?|\b(?:closing|moving (?:it |this )?to done)(?: (?:it|this|from our side))?\s*(?:[.!]|$)`)

// measuresAgainst finds a number measured against another: "0.81% vs
// 0.79% control", "12 tickets vs 30", "p95 at 180 ms, down from 420 ms",
// "0.81%, within noise". A bare number ("at 5% of web traffic") is a
// status, the comparison the check a call was made on. "From 4.13 to
// 4.14" is left out: it moves work between releases more often than it
// measures.
var measuresAgainst = regexp.MustCompile(`(?i)\d\S*(?:\s+[^\s\d]+){0,2}\s+(?:vs\.?|versus|compared (?:to|with))\s+(?:[^\s\d]+\s+){0,2}\S{0,3}\d|\b(?:up|down) from \S{0,3}\d|\d.*\bwithin (?:the )?(?:noise|margin of error|error bars?)\b`)

// givesReason finds the words that give a reason or a trade-off, or a
// choice against its alternative ("99.9%, not 99.95%"). "since" is left
// out: "since 10:40" is a time more often than a reason.
var givesReason = regexp.MustCompile(`(?i)` + statesReason + `|` + namesAlternative)

const (
	// statesReason finds the words that say why: "because", "so that",
	// "to avoid", "at the cost of".
	statesReason = `\b(?:because|so that|so we|which means|to avoid|due to|otherwise|given that|trade-?off|in exchange for|at the cost of)\b`
	// namesAlternative finds a choice said against its alternative:
	// "instead of polling", "99.9%, not 99.95%".
	namesAlternative = `\b(?:instead of|rather than)\b|, not \S`
)

// readsAsDecision finds the words of a decision taken: "Decision:", "we
// agreed", "we're going with", "out of scope". A status note the rules
// filed as a decision ("Status: at risk. … we ship without it") is not
// favoured as one.
var readsAsDecision = regexp.MustCompile(`(?i)^\W*decision\b|\b(?:we|i) (?:agreed|decided)\b|\bgoing with\b|\bsettled on\b|\bout of scope\b|\bdescop|\bwon't (?:do|fix)\b|` + putOff)

// putOff finds a piece of work put off for later, a scope decision in
// plain words: "we'll drop the CSV export for now", "revisit in Q3",
// "Amex stays out of v1".
const putOff = `\b(?:we(?:'ll|'re| will| are)?|let's) (?:drop|park|shelv)(?:e|ping)?\b[^.;]{0,40}\bfor now\b|\brevisit (?:it |this )?(?:in|next) (?:Q[1-4]|the (?:next|new) (?:quarter|year)|(?:next|the new) (?:quarter|year))\b|\b(?:stays?|staying|kept|keep) out of (?:v\d|the (?:first|mvp|launch|release|scope))`

// scored is an item with its score.
type scored struct {
	item  *evidence.Evidence
	score float64
}

// strongestFirst returns items with their scores, strongest first; ties go
// to the newer item, then to the smaller id, so the order is stable.
func (s strengths) strongestFirst(items []*evidence.Evidence) []scored {
	out := make([]scored, len(items))
	for i, e := range items {
		out[i] = scored{e, s.of(e)}
	}
	// Of equals, one whose issue got done first: the same words ("Raising
	// to High as this is a regulatory point. Cannot go live with this.") on
	// an issue fixed before its release are a claim the user can defend,
	// on one still open after the release went out, one they cannot.
	done := func(e *evidence.Evidence) int {
		if e.IssueStatusCategory == evidence.StatusCategoryEnd {
			return 1
		}
		return 0
	}
	slices.SortFunc(out, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(done(b.item), done(a.item)),
			b.item.OccurredAt.Compare(a.item.OccurredAt), evidence.ByOccurrence(a.item, b.item))
	})
	return out
}

// pickVaried returns up to n of the strongest items, at most one per
// category and, while others are left, one per issue, so that a short
// list shows range rather than five edits of one ticket; and never words
// like those already quoted (in shown, which it adds to; nil for none): a
// description pasted from a template into three stories reads as one
// proof, not three. Of an epic that holds both a progress note and a plan,
// the second takes a slot no other issue would fill; but a favoured kind
// is not held back by its issue: the epic's own update beside the
// decision taken on it is what a hiring manager reads for.
//
// One record claimed as two kinds of work is quoted once, under one of
// them: where the strongest kind leaves a slot empty that the other would
// not ("3DS slipped a week … new plan: 5% on Aug 25" taken as the update
// left the epic's "where we are" note, its only other update, out), it is
// told as the other.
func (s strengths) pickVaried(items []*evidence.Evidence, n int, shown *quoteSet) []*evidence.Evidence {
	if shown == nil {
		shown = &quoteSet{}
	}
	ranked := s.strongestFirst(provable(items))
	picked := s.fillVaried(ranked, nil, n, shown)
	picked = s.secondDecision(ranked, picked, shown)
	for i := 0; i < len(picked) && len(picked) < n; i++ {
		for _, c := range ranked {
			if c.item.SourceID == "" || recordOf(c.item) != recordOf(picked[i]) ||
				slices.ContainsFunc(picked, func(p *evidence.Evidence) bool { return p.Category == c.item.Category }) {
				continue
			}
			if trial := s.fillVaried(ranked, append(slices.Clone(picked[:i]), c.item), n, shown); len(trial) > len(picked) {
				picked = trial
				break
			}
		}
	}
	for _, e := range picked {
		shown.add(e.Excerpt)
	}
	return picked
}

// secondDecisionWeight is how much more than the weakest proof picked a
// second decision must weigh to take its slot.
const secondDecisionWeight = 2

// secondDecision lets a second decision take the slot of the weakest
// proof picked, where decisions are favoured (proofFavour) and it weighs
// secondDecisionWeight times as much: a hiring manager reads an
// initiative for its calls, and "every tier-1 service gets a
// PodDisruptionBudget before its cluster is upgraded; no exception for the
// date" lost its slot to a release's cut-off note only because the
// initiative had shown one decision already. A stakeholder update keeps
// its slot: it is the communication the same reader looks for; so does a
// carry-over that says why and whom it told (toldCarryOver).
func (s strengths) secondDecision(ranked []scored, picked []*evidence.Evidence, shown *quoteSet) []*evidence.Evidence {
	weakest := -1
	var weakestScore float64
	decisions := 0
	for i, e := range picked {
		if e.Category == evidence.CatDecisionMaking {
			decisions++
			continue
		}
		if e.Category == evidence.CatStakeholderComms || toldCarryOver(e) {
			continue
		}
		if score := s.of(e); weakest < 0 || score < weakestScore {
			weakest, weakestScore = i, score
		}
	}
	if decisions != 1 || weakest < 0 {
		return picked
	}
	var quoted quoteSet
	for _, e := range picked {
		quoted.add(e.Excerpt)
	}
	for _, c := range ranked {
		e := c.item
		if e.Category != evidence.CatDecisionMaking || !s.favours(e) || s.isDoubted(e) || slices.Contains(picked, e) ||
			shown.has(e.Excerpt) || quoted.has(e.Excerpt) || slices.ContainsFunc(picked, func(p *evidence.Evidence) bool { return recordOf(p) == recordOf(e) }) {
			continue
		}
		if c.score >= secondDecisionWeight*weakestScore {
			out := slices.Clone(picked)
			out[weakest] = e
			return out
		}
		break // ranked: no weaker decision outweighs it either
	}
	return picked
}

// provable is items less the claims a proof does not say. Where a rule
// and the text model claim one record as different kinds of work, a proof
// says what the rule says: an epic's progress note is "Stakeholder
// communication" (comment.status-update), not the "Epic ownership" the
// model also read in it, however rare that kind is. Likewise, a note that
// is both is a progress note, stakeholder communication as the taxonomy
// files it, never shown as "Epic ownership" ("where we are: vault
// integration … done").
//
// A note that opens by saying it is one ("Quick note on progress: 4.12
// was the first release fully on the checklist …") is told only as the
// update it is, or as a decision it records: "Planned the release of
// REL-411", an epic, is not what its writer did there.
func provable(items []*evidence.Evidence) []*evidence.Evidence {
	ruled, update, onlyUpdate := make(map[activityRef]bool), make(map[activityRef]bool), make(map[activityRef]bool)
	for _, e := range items {
		if e.SourceID == "" {
			continue
		}
		if e.Rule != evidence.RuleTextModel {
			ruled[recordOf(e)] = true
		}
		if e.Category == evidence.CatStakeholderComms {
			update[recordOf(e)] = true
			onlyUpdate[recordOf(e)] = onlyUpdate[recordOf(e)] || opensAsUpdate.MatchString(e.Excerpt)
		}
	}
	return slices.DeleteFunc(slices.Clone(items), func(e *evidence.Evidence) bool {
		return e.SourceID != "" && (e.Rule == evidence.RuleTextModel && ruled[recordOf(e)] ||
			e.Category == evidence.CatEpicOwnership && update[recordOf(e)] ||
			onlyUpdate[recordOf(e)] && e.Category != evidence.CatStakeholderComms && e.Category != evidence.CatDecisionMaking)
	})
}

// opensAsUpdate finds a note that says first that it is a progress or
// status note: "Quick note on progress:", "Update:", "Status: at risk",
// "Where we are, for anyone following along:", "Sharing where we stand".
var opensAsUpdate = regexp.MustCompile(`(?i)^\W*(?:(?:a\s+)?(?:quick|short|small|brief)\s+)?(?:(?:note|word)\s+on\s+(?:progress|status)|(?:progress|status|weekly|project)\s+(?:note|update|report)|update|status|progress|where we (?:are|stand)|sharing where we (?:are|stand)|summary for)\b`)

// recordOf is the Jira record an item is evidence from.
func recordOf(e *evidence.Evidence) activityRef {
	return activityRef{e.SiteName, e.IssueKey, e.Source, e.SourceID}
}

// fillVaried adds to picked (kept first) the strongest of ranked as
// pickVaried picks them, leaving shown as it was.
func (s strengths) fillVaried(ranked []scored, picked []*evidence.Evidence, n int, shown *quoteSet) []*evidence.Evidence {
	categories := make(map[string]bool)
	issues := make(map[issueRef]bool)
	var quoted quoteSet
	take := func(e *evidence.Evidence) {
		quoted.add(e.Excerpt)
		categories[e.Category] = true
		if e.IssueKey != "" {
			issues[issueRef{e.SiteName, e.IssueKey}] = true
		}
	}
	for _, e := range picked {
		take(e)
	}
	// A doubted item is not worth its issue's variety: it waits for the
	// second round, after every other kind has had its turn. The place it
	// would have had undoubted goes to the strongest undoubted item of its
	// kind, even on an issue told already ("Progress since the 13th: all 8
	// stories done" on the epic, for a passed "ETA 27 Feb" on a story).
	type turn struct {
		scored
		standIn bool
	}
	var first, second []turn
	for _, c := range ranked {
		first, second = append(first, turn{c, false}), append(second, turn{c, false})
		if !s.isDoubted(c.item) {
			continue
		}
		if i := slices.IndexFunc(ranked, func(o scored) bool {
			return o.item.Category == c.item.Category && !s.isDoubted(o.item) && !shown.has(o.item.Excerpt)
		}); i >= 0 {
			first = append(first, turn{scored{ranked[i].item, c.score / doubtedWeight}, true})
		}
	}
	slices.SortStableFunc(first, func(a, b turn) int { return cmp.Compare(b.score, a.score) })
	for round, turns := range [][]turn{first, second} {
		onePerIssue := round == 0
		for _, c := range turns {
			if len(picked) == n {
				return picked
			}
			e := c.item
			if categories[e.Category] || (onePerIssue && (e.IssueKey != "" && issues[issueRef{e.SiteName, e.IssueKey}] && !s.favours(e) && !c.standIn || s.isDoubted(e))) ||
				shown.has(e.Excerpt) || quoted.has(e.Excerpt) {
				continue
			}
			take(e)
			picked = append(picked, e)
		}
	}
	return picked
}

// pickSpread returns up to n of the strongest items, the strongest left
// of each category in turn (the category of the strongest item first),
// and never words like those already quoted (see pickVaried): the story
// of one incident tells its updates, postmortem and decision, not five
// updates.
func (s strengths) pickSpread(items []*evidence.Evidence, n int, shown *quoteSet) []*evidence.Evidence {
	if shown == nil {
		shown = &quoteSet{}
	}
	ranked := s.strongestFirst(items)
	taken := make([]bool, len(ranked))
	var picked []*evidence.Evidence
	for left := len(ranked); left > 0 && len(picked) < n; {
		turn := make(map[string]bool) // the categories that had their turn
		for i, c := range ranked {
			if taken[i] || turn[c.item.Category] || len(picked) == n {
				continue
			}
			taken[i], left = true, left-1
			if shown.has(c.item.Excerpt) {
				continue
			}
			turn[c.item.Category] = true
			shown.add(c.item.Excerpt)
			picked = append(picked, c.item)
		}
	}
	return picked
}

// quoteSet holds the quotes a document has shown, as their sets of words
// and their long clauses, to tell a new quote that reads the same from one
// that does not.
type quoteSet struct {
	quotes  []map[string]bool
	clauses map[string]bool
}

// sameQuote is the share of words two quotes have in common (of all the
// words either has) from which a reader sees one template filled in twice:
// "We settled on 30 days of retention for loki logs" and "… 45 days … for
// redis logs".
const sameQuote = 0.6

// quoteWords is the set of a quote's words, lowercase, numbers as one word.
func quoteWords(text string) map[string]bool {
	words := make(map[string]bool)
	for _, w := range foldedWords(text) {
		words[w] = true
	}
	return words
}

// foldedWords are text's words, lowercase, numbers as "#": how quotes are
// compared, so that one template filled in with other numbers is the same.
func foldedWords(text string) []string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		if unicode.IsDigit(rune(w[0])) {
			words[i] = "#"
		}
	}
	return words
}

// sameClause is how many words a clause of two quotes must have for it,
// word for word, to make them one template filled in twice: "FYI Chloé
// Dubois and Sam O'Connor: this slipped a few days because of a week of
// heavy on-call. New ETA 16 Feb." and the same to Aisha Bello with another
// date share under sameQuote of their words, and one reads as boilerplate
// beside the other. Shorter clauses come back in anyone's writing
// ("verified against the done when list").
const sameClause = 8

// longClauses are text's clauses (between sentence marks, colons and
// semicolons) of sameClause words or more, lowercase, numbers as "#".
func longClauses(text string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(".!?:;\n", r) }) {
		if words := foldedWords(part); len(words) >= sameClause {
			out = append(out, strings.Join(words, " "))
		}
	}
	return out
}

func (qs *quoteSet) has(text string) bool {
	for _, c := range longClauses(text) {
		if qs.clauses[c] {
			return true
		}
	}
	words := quoteWords(text)
	for _, q := range qs.quotes {
		common := 0
		for w := range words {
			if q[w] {
				common++
			}
		}
		if all := len(words) + len(q) - common; all > 0 && float64(common) >= sameQuote*float64(all) {
			return true
		}
	}
	return false
}

// restates reports whether a quote repeats the first sentence of text, at
// least five words of which four in five are in the quote: "Goal of this
// epic, in one line: <the goal>" under a Goal line that shows it already.
func restates(quote, text string) bool {
	want := quoteWords(firstSentence(text))
	if len(want) < 5 {
		return false
	}
	have, found := quoteWords(quote), 0
	for w := range want {
		if have[w] {
			found++
		}
	}
	return found*5 >= len(want)*4
}

// firstSentence is text up to its first full stop, exclamation or
// question mark that a space follows; all of it when it has none.
func firstSentence(text string) string {
	first := text
	for _, end := range []string{". ", "! ", "? "} {
		if i := strings.Index(first, end); i >= 0 {
			first = first[:i]
		}
	}
	return first
}

// sameAct is what tells one act from another where a category counts acts
// (decisions recorded, updates posted): a decision posted on several issues
// in the same words (its first sentence, of five words or more, word for
// word) is one decision, not one per issue. Field changes, items recorded
// by hand, and texts whose first sentence is too short to tell ("Status: at
// risk.") are each an act of their own.
func sameAct(e *evidence.Evidence) string {
	if e.Source == evidence.SourceChange || e.Manual {
		return e.ID
	}
	first := firstSentence(evidence.OneLine(e.Excerpt))
	// "Mei Chen, keep the old name as an alias" and "Ravi, keep the old
	// name as an alias" are one decision told to two people; and
	// redacted, both read "A teammate, keep…": the count must not change
	// with --redact.
	if name, rest, ok := strings.Cut(first, ", "); ok && addressee(name) {
		first = rest
	}
	words := strings.Fields(strings.ToLower(first))
	if len(words) < 5 {
		return e.ID
	}
	return strings.Join(words, " ")
}

// addressee reports whether the words before a sentence's first comma
// name whom it speaks to: one to three capitalised words ("Mei Chen"), or
// what --redact makes of a person ("A teammate", "[colleague]").
func addressee(words string) bool {
	fields := strings.Fields(words)
	if len(fields) == 0 || len(fields) > 3 {
		return false
	}
	for i, w := range fields {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && r != '[' && (i == 0 || w != "teammate") {
			return false
		}
	}
	return true
}

func (qs *quoteSet) add(text string) {
	if words := quoteWords(text); len(words) > 0 {
		qs.quotes = append(qs.quotes, words)
	}
	for _, c := range longClauses(text) {
		if qs.clauses == nil {
			qs.clauses = make(map[string]bool)
		}
		qs.clauses[c] = true
	}
}
