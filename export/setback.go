package export

import (
	"fmt"
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
		return answer{in: in, found: true, question: failureQuestion, owns: "It broke a release I had planned work into, and I wrote its postmortem."}, true
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
	project := projectOf(&evidence.Evidence{IssueKey: in.epic.Key})
	postmortem := postmortemsIn(r.items)
	for _, e := range in.items {
		if e.Source == evidence.SourceIssue && postmortem(e) {
			if _, ok := r.causeOwned(e, project, false); ok {
				return e
			}
		}
	}
	return nil
}

// causeOwned quotes, from the whole description of a postmortem (see
// whole), what on the team of project let the incident happen: its
// cause ("Root cause: …", "Why it got through: …") and the sentences
// that own a gap in the first person ("our parser should not throw …"),
// each gap left out marked " …"; withHarm, also whom it hurt ("4,312
// payments were delayed by ~3 hours"), for a story whose Result does not
// say. A cause that names another team's project ("PAY 4.13.0 dropped
// the brand field") with nothing owned is theirs: ok is false then, and
// when the postmortem says no cause.
func (r *report) causeOwned(postmortem *evidence.Evidence, project string, withHarm bool) (quote string, ok bool) {
	text := evidence.OneLine(strings.TrimSuffix(r.whole(postmortem).Excerpt, "…"))
	var spans [][]int
	cause := causeSaid.FindStringIndex(text)
	if cause != nil {
		spans = append(spans, cause)
	}
	owning := false
	from := 0
	for _, sentence := range sentencesOf(text) {
		at := strings.Index(text[from:], sentence) + from
		from = at + len(sentence)
		if gapOwned.MatchString(sentence) {
			owning = true
			spans = append(spans, []int{at, from})
		} else if withHarm && harmSaid(sentence) {
			spans = append(spans, []int{at, from})
		}
	}
	if !owning && (cause == nil || r.namesOtherProject(postmortem.SiteName, project, text[cause[0]:cause[1]])) {
		return "", false
	}
	slices.SortFunc(spans, func(a, b []int) int { return a[0] - b[0] })
	var b strings.Builder
	end := 0
	for _, span := range spans {
		if span[1] <= end {
			continue // within the one before
		}
		switch gap := strings.TrimSpace(text[end:max(end, span[0])]) != ""; {
		case gap && b.Len() == 0:
			b.WriteString("… ")
		case gap:
			b.WriteString(evidence.SentencesLeftOut + " ")
		case b.Len() > 0:
			b.WriteString(" ")
		}
		b.WriteString(strings.TrimSpace(text[max(end, span[0]):span[1]]))
		end = span[1]
	}
	if strings.TrimSpace(text[end:]) != "" {
		b.WriteString(evidence.SentencesLeftOut)
	}
	return b.String(), true
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
