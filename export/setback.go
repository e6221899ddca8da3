package export

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// failureQuestion is the question a story leads with when it tells a
// setback of the user's own and what they changed after it.
const failureQuestion = "a time you failed"

// failureWords are words of a question about failing: "a time you
// failed", "a failure", "a mistake you made", "when something went wrong".
var failureWords = regexp.MustCompile(`(?i)\bfail(?:ed|ure|ing)?\b|\bmistakes?\b|\bwent wrong\b|\bsetbacks?\b`)

// asksAboutFailure reports whether a question asks about failing.
func asksAboutFailure(question string) bool { return failureWords.MatchString(question) }

// failureAnswer finds the story that answers a question about failing:
// an incident that came from a release Jira assigns to the user, whose
// postmortem they wrote saying what let it happen (releaseManaged); else
// an incident on a release the user planned, whose postmortem they wrote
// (what broke, for whom, what changed); else an incident of their own
// team's whose postmortem they wrote owning what let it happen
// (ownedGap), told by that part of it. Any other story is a success
// story, a no-go they called and later turned go among them (the call
// held, the release went out), and a success told to "a time you failed"
// reads as evasion: ok is false then (see noFailureAnswer).
func (r *report) failureAnswer(tiers ...[]initiative) (a answer, ok bool) {
	managed := slices.DeleteFunc(slices.Concat(tiers...), func(in initiative) bool { return r.releaseManaged(in) == nil })
	if in, ok := strongestBy(r.weightOf(evidence.CatIncidentCoord), false, managed); ok {
		release := r.releaseManaged(in)
		return toldByPostmortem(in, r.postmortemWithCause(in), fmt.Sprintf(
			"It came out of release %s, which I managed (%s); my postmortem says what let it happen.", release.version, evidence.OneLine(release.issue.IssueKey))), true
	}
	broke := slices.DeleteFunc(slices.Concat(tiers...), func(in initiative) bool { return !r.ownReleaseBroke(in) })
	if in, ok := strongestBy(r.weightOf(evidence.CatIncidentCoord), false, broke); ok {
		const owns = "It broke a release I had planned work into, and I wrote its postmortem."
		if postmortem := r.postmortemWithCause(in); postmortem != nil {
			return toldByPostmortem(in, postmortem, owns), true
		}
		return answer{in: in, found: true, question: failureQuestion, owns: owns}, true
	}
	owned := slices.DeleteFunc(slices.Concat(tiers...), func(in initiative) bool { return r.ownedGap(in) == nil })
	if in, ok := strongestBy(r.weightOf(evidence.CatIncidentCoord), false, owned); ok {
		return toldByPostmortem(in, r.ownedGap(in), "What let it happen was on my own team's side, and my postmortem says what."), true
	}
	return answer{}, false
}

// toldByPostmortem tells a failure by the cause its postmortem gives
// (causeOwned), the follow-ups filed from it first, with owns saying in
// the Task what of it was the user's.
func toldByPostmortem(in initiative, postmortem *evidence.Evidence, owns string) answer {
	return answer{in: in, found: true, question: failureQuestion, focus: func(e *evidence.Evidence) int {
		if e == postmortem {
			return 1
		}
		return 0
	}, prefer: filedFrom(postmortem), owns: owns}
}

// noFailureAnswer answers a question about failing when the user's
// evidence holds no setback of their own (see failureAnswer): it says so
// plainly, and tells their strongest story tagged only with the questions
// it does answer, as for a question nothing answers.
func (r *report) noFailureAnswer(question string, tiers ...[]initiative) answer {
	in, found := strongestBy(r.weightOf(""), true, tiers...)
	return answer{in: in, found: found, note: fmt.Sprintf("pmfolio found no failure of your own to tell "+
		"(an incident whose postmortem you wrote, and that came from a release you planned work into or were assigned, or whose postmortem says what on your own team's side let it happen), "+
		"so no story answers %q; here is your strongest story instead, with the questions it does answer under its title", evidence.OneLine(question))}
}

// filedFrom ranks, in a failure told by its postmortem, the follow-ups
// filed from it (their words, links or parent name it) above the other
// notes: "add the manual renewal step to the vault runbook" is what
// changed after the gap; a maintenance notice on the postmortem is not
// about the failure.
func filedFrom(postmortem *evidence.Evidence) storyFocus {
	return func(e *evidence.Evidence) int {
		followUp := e.Source == evidence.SourceIssue && e.Category == evidence.CatIncidentCoord && e.SiteName == postmortem.SiteName &&
			e.IssueKey != postmortem.IssueKey && slices.Contains(issueKeysNamed(e), postmortem.IssueKey)
		if followUp {
			return 1
		}
		return 0
	}
}

// ownedGap is the user's postmortem of an incident in a project where
// they owned an initiative (their own team's), when it names what on the
// team's side let it happen (causeOwned): "Why it got through: no
// contract test", "our parser should not throw". An incident of another
// team's project, or one whose postmortem blames only another team's
// change, is one they handled, not one they failed at. nil when none.
func (r *report) ownedGap(in initiative) *evidence.Evidence {
	if !in.isIncident() {
		return nil
	}
	project := projectOf(&evidence.Evidence{IssueKey: in.epic.Key})
	ownTeams := slices.ContainsFunc(r.items, func(e *evidence.Evidence) bool {
		return e.SiteName == in.epic.SiteName && projectOf(e) == project && ownsEpic(e)
	})
	if !ownTeams {
		return nil
	}
	return r.postmortemWithCause(in)
}

// postmortemWithCause is the user's first postmortem of an incident that
// says what on the incident project's side let it happen (causeOwned);
// nil when none does.
func (r *report) postmortemWithCause(in initiative) *evidence.Evidence {
	postmortem := postmortemsIn(r.items)
	for _, e := range in.items {
		if e.Source == evidence.SourceIssue && postmortem(e) {
			if _, ok := r.causeOwned(e, in, false); ok {
				return e
			}
		}
	}
	return nil
}

// causeOwned quotes, from the whole description of a postmortem (see
// whole), what on the team of incident in's project let it happen: its
// cause ("Root cause: …", "Why it got through: …") and the sentences
// that own a gap in the first person ("our parser should not throw …"),
// then what it says changes (lessonUntold), each gap left out marked
// " …"; withHarm, also whom it hurt ("4,312 payments were delayed by ~3
// hours"), for a story whose Result does not say. A cause that names
// another team's project ("PAY 4.13.0 dropped the brand field") with
// nothing owned is theirs: ok is false then, and when the postmortem
// says no cause.
func (r *report) causeOwned(postmortem *evidence.Evidence, in initiative, withHarm bool) (quote string, ok bool) {
	project := projectOf(&evidence.Evidence{IssueKey: in.epic.Key})
	text := evidence.OneLine(strings.TrimSuffix(r.whole(postmortem).Excerpt, "…"))
	var parts []quotedPart
	cause := causeSpan(text)
	if cause != nil {
		parts = append(parts, quotedPart{cause[0], cause[1], text[cause[0]:cause[1]]})
	}
	owning := false
	from := 0
	for _, sentence := range sentencesOf(text) {
		at := strings.Index(text[from:], sentence) + from
		from = at + len(sentence)
		if gapOwned.MatchString(sentence) {
			owning = true
			parts = append(parts, quotedPart{at, from, sentence})
		} else if withHarm && harmSaid(sentence) {
			parts = append(parts, quotedPart{at, from, sentence})
		}
	}
	if !owning && (cause == nil || r.namesOtherProject(postmortem.SiteName, project, text[cause[0]:cause[1]])) {
		return "", false
	}
	if lesson, ok := lessonUntold(in, text); ok {
		parts = append(parts, lesson)
	}
	slices.SortFunc(parts, func(a, b quotedPart) int { return a.at - b.at })
	var b strings.Builder
	end := 0
	for _, part := range parts {
		if part.end <= end {
			continue // within the one before
		}
		words := part.text
		if part.at < end {
			words = text[end:part.end]
		}
		switch gap := strings.TrimSpace(text[end:max(end, part.at)]) != ""; {
		case gap && b.Len() == 0:
			b.WriteString("… ")
		case gap:
			b.WriteString(evidence.SentencesLeftOut + " ")
		case b.Len() > 0:
			b.WriteString(" ")
		}
		b.WriteString(strings.TrimSpace(words))
		end = part.end
	}
	if strings.TrimSpace(text[end:]) != "" {
		b.WriteString(evidence.SentencesLeftOut)
	}
	return b.String(), true
}

// quotedPart is a part of a text a quote keeps: where it is, and its
// words as quoted (a list with the items told elsewhere left out).
type quotedPart struct {
	at, end int
	text    string
}

// lessonUntold is what the text of a postmortem of incident in says
// changes after it (lessonSaid), with the items of its list that one of
// the incident's follow-ups already tells (their names share a word: "add
// a test account with old orders" is MOB-890 "QA test account with old
// orders …") or that are done ("handle null product (done in 5.2.1)")
// left out: "What we'll do: … stop at 5% for the first 24h of a rollout
// instead of 20%.". ok is false when it says none, or every item is told.
func lessonUntold(in initiative, text string) (part quotedPart, ok bool) {
	m := lessonSaid.FindStringSubmatchIndex(text)
	if m == nil {
		return quotedPart{}, false
	}
	postmortem := postmortemsIn(in.items)
	told := map[string]bool{}
	for _, e := range in.items {
		if e.IssueKey != in.epic.Key && !postmortem(e) {
			maps.Copy(told, namingWords(e.IssueSummary))
		}
	}
	items := lessonItem.Split(text[m[2]:m[3]], -1)
	untold := slices.DeleteFunc(slices.Clone(items), func(item string) bool {
		return doneAlready.MatchString(item) || sharesWord(namingWords(item), told)
	})
	if len(untold) == 0 {
		return quotedPart{}, false
	}
	list := strings.Join(untold, ", ")
	if len(untold) < len(items) {
		list = "… " + list
	}
	return quotedPart{m[0], m[1], text[m[0]:m[2]] + list + text[m[3]:m[1]]}, true
}

// lessonSaid finds what a postmortem says changes after it, from its
// heading to the end of its sentence, the list in group 1: "What we'll
// do: handle null product …, stop at 5% for the first 24h of a rollout
// instead of 20%.", "Lessons learned: …", "Next time: …".
var lessonSaid = regexp.MustCompile(`(?i)\b(?:what we(?:'ll|’ll| will|'d|’d| would) do(?: differently)?|what (?:we(?:'re|’re| are) changing|changes)|lessons?(?: learn(?:ed|t))?|next time|takeaways?):\s+(.+?)(?:[.!?](?:\s|$)|$)`)

// lessonItem separates the items of a lesson's list: "handle null
// product …, ask Platform …; add a test account …".
var lessonItem = regexp.MustCompile(`\s*[,;]\s+(?:and\s+)?`)

// doneAlready finds a lesson's item that says it is done: "(done in
// 5.2.1)", "already shipped".
var doneAlready = regexp.MustCompile(`(?i)\((?:done|shipped|fixed)\b|\balready (?:done|shipped|fixed)\b`)

// causeSpan is where the cause a postmortem gives is said (causeSaid):
// from its heading through the sentences after it, up to the next
// heading, at most causeSentences of them: "Why: the API returns null
// for the product of a removed item … QA's test account had no removed
// items.". nil when it gives none.
func causeSpan(text string) []int {
	cause := causeSaid.FindStringIndex(text)
	if cause == nil {
		return nil
	}
	for range causeSentences - 1 {
		next := sentenceAfter.FindStringIndex(text[cause[1]:])
		if next == nil || headingOpens.MatchString(strings.TrimSpace(text[cause[1]:][:next[1]])) {
			break
		}
		cause[1] += next[1]
	}
	return cause
}

// harmSaid reports whether words say whom an incident hurt: a number of
// people or things with the harm done them ("4,312 payments were delayed
// by ~3 hours"), not the clean-up ("all 4,312 payments credited").
func harmSaid(words string) bool {
	return incidentReach.MatchString(words) && incidentHarm.MatchString(words)
}

// namesOtherProject reports whether text names a project on site other
// than project by its key, alone or in an issue key: "PAY 4.13.0",
// "PAY-3416".
func (r *report) namesOtherProject(site, project, text string) bool {
	return slices.ContainsFunc(projectWord.FindAllString(text, -1), func(word string) bool {
		return word != project && slices.ContainsFunc(r.projects, func(p evidence.Project) bool { return p.SiteName == site && p.Key == word })
	})
}

// projectWord finds words a project key could be: "PAY" in "PAY 4.13.0"
// or "PAY-3416".
var projectWord = regexp.MustCompile(`\b[A-Z][A-Z0-9_]+\b`)

// causeSaid finds a postmortem's cause, from its heading or label to the
// end of its sentence: "Root cause: A certificate on grafana expired
// because …", "Why it got through: no contract test between checkout and
// PAY." (plain text ends a heading with ":").
var causeSaid = regexp.MustCompile(`(?i)\b(?:root causes?|why it (?:got through|happened)|why|causes?|contributing factors?):\s.+?(?:[.!?](?:\s|$)|$)`)

// causeSentences is how many sentences of a postmortem's cause its
// quote keeps: the cause and what let it through ("… assumed it's
// always there. QA's test account had no removed items.").
const causeSentences = 2

// sentenceAfter finds the sentence a text goes on with.
var sentenceAfter = regexp.MustCompile(`^\s*\S.*?(?:[.!?](?:\s|$)|$)`)

// headingOpens finds a sentence that opens with a heading of its own
// (plain text ends one with ":"): "What we'll do: …", "Follow-ups: …".
var headingOpens = regexp.MustCompile(`^[A-Z][^.:!?]{0,60}:\s`)

// gapOwned finds a writer owning a gap on their side: "we had no
// alert", "we didn't test", "our parser should not throw", "our test
// account had no removed items".
var gapOwned = regexp.MustCompile(`(?i)\bwe (?:had|have) no\b|\bwe (?:didn't|did not|missed|never|should have|assumed)\b|\bour [\w/-]+(?: [\w/-]+){0,2} (?:should(?:n't| not)|didn't|did not|had no|has no|was not|wasn't|assumed|missed)\b`)

// ownReleaseBroke reports whether an initiative is an incident that a
// release the user planned caused, by the release its summary names ("App
// closes when opening order history (Android, 5.2.0)", of a user who moved
// issues into 5.2), and whose postmortem the user wrote: an incident of
// someone else's release ("PAY 4.13.0 dropped the brand field") is one
// they handled, not one they failed at.
func (r *report) ownReleaseBroke(in initiative) bool {
	if !in.isIncident() {
		return false
	}
	postmortem := postmortemsIn(r.items)
	if !slices.ContainsFunc(in.items, func(e *evidence.Evidence) bool { return e.Source == evidence.SourceIssue && postmortem(e) }) {
		return false
	}
	for _, release := range releaseNamed.FindAllString(in.epic.Summary, -1) {
		if slices.ContainsFunc(r.items, func(e *evidence.Evidence) bool {
			return e.SiteName == in.epic.SiteName && e.Category == evidence.CatReleasePlanning &&
				slices.ContainsFunc(releaseNamed.FindAllString(e.Excerpt, -1), func(planned string) bool { return sameRelease(release, planned) })
		}) {
			return true
		}
	}
	return false
}

// releaseNamed finds a release's version: "5.2.0", "4.12".
var releaseNamed = regexp.MustCompile(`\b\d+\.\d+(?:\.\d+)*\b`)

// sameRelease reports whether two versions name one release, one a patch
// of the other's: "5.2" and "5.2.0", not "4.1" and "4.14".
func sameRelease(a, b string) bool {
	return a == b || strings.HasPrefix(a, b+".") || strings.HasPrefix(b, a+".")
}
