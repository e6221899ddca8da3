package export

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
)

// influenced ranks an item as evidence of influence without authority: 1
// for the user's own words on work across teams that say another party
// agreed to something ("vendor has agreed to follow from the next drop")
// or that ask another person for something (asksOf) they took up
// (askTakenUp): "we'd need this on staging by 03/07", answered “03/07
// works, Fernanda takes it next sprint” and done on 2 July. A date the
// user committed to another team and kept ("should be off v1 by Nov 14",
// done 12 Nov) is their own promise kept: nobody they do not manage did
// anything for it. A link to another team's issue ranks as the ask
// behind it (askBehind): the ask is the influence, the link its record.
// Work of any other kind counts when someone of another team
// (ofAnotherTeam) took up an ask of the user's that named them, in their
// answer's own words (tookUp): "@Jun Park can you roll back PAY?" in an
// incident, answered “rolling back now”. 0 for anything else.
func (r *report) influenced(e *evidence.Evidence) int {
	if e.Category != evidence.CatCrossTeam {
		if reply, ok := r.answerOf(e); ok && inOwnWords(e) && asksOf.MatchString(evidence.OneLine(e.Excerpt)) &&
			tookUp(reply.Text) && r.ofAnotherTeam(reply.Author, e) && r.askTakenUp(e) {
			return 1
		}
		return 0
	}
	if !inOwnWords(e) {
		if ask := r.askBehind(e); ask != nil {
			return r.influenced(ask)
		}
		return 0
	}
	if agreedByOther(e.Excerpt) || asksOf.MatchString(evidence.OneLine(e.Excerpt)) && r.askTakenUp(e) {
		return 1
	}
	return 0
}

// asksOf finds words that ask someone for something: "we'd need this on
// staging by 03/07", "could someone on your side review the runbook",
// "kindly share the ETA". "Let me know if that breaks anything" is a
// heads-up, which nobody has to act on.
var asksOf = regexp.MustCompile(`(?i)\b(?:we|i)(?:['’]d| would)? need\b|\bneed (?:you|this|it|your)\b|\b(?:please|kindly|make sure|ensure)\b|\b(?:could|can|would|will) (?:you|someone|somebody|your team)\b`)

// askTakenUp reports whether the person an ask went to took it up: the
// ask names them ("Oi Bruno, Fernanda - … we'd need this on staging"),
// and their answer (answerOf) agrees (assents), or holds no "not" and the
// issue asked on was done after it. Someone else's answer on the issue
// ("Hi Chloé Dubois, could someone on your side review the runbook",
// answered by a teammate about a config change) is no answer to the ask.
func (r *report) askTakenUp(ask *evidence.Evidence) bool {
	reply, ok := r.answerOf(ask)
	first, _, _ := strings.Cut(evidence.OneLine(reply.Author.DisplayName), " ")
	if !ok || first == "" || !slices.Contains(foldedWords(r.whole(ask).Excerpt), strings.ToLower(first)) {
		return false
	}
	if assents(reply.Text) {
		return true
	}
	done, ok := r.doneIssues[issueRef{ask.SiteName, ask.IssueKey}]
	return ok && done.Resolved.After(ask.OccurredAt) && !negated.MatchString(evidence.OneLine(reply.Text))
}

// actsOn finds an answer that opens by doing what it was asked: "rolling
// back now", "on it", "will do". "+1", "noted" and a bare "thanks" do
// nothing.
var actsOn = regexp.MustCompile(`(?i)^\W*(?:(?:ok(?:ay)?|sure|yes|yep)\W+)?(?:on it\b|will do\b|\w+ing\b(?:\s+\w+){0,2}\s+now\b)`)

// tookUp reports whether an answer to an ask acts on it (actsOn) or says
// the plan works for whoever answers ("under the summary works for us"),
// taking nothing back.
func tookUp(answer string) bool {
	answer = evidence.OneLine(answer)
	agrees := worksForThem.MatchString(answer) && !negated.MatchString(answer)
	return (actsOn.MatchString(answer) || agrees) && !objection.MatchString(answer)
}

// ofAnotherTeam reports whether a person works outside the project an ask
// was on (teamOf).
func (r *report) ofAnotherTeam(person evidence.User, ask *evidence.Evidence) bool {
	return r.teamOf(person, ask) != ""
}

// teamOf is the project key of the team a person works in outside the
// project an ask was on: they filed an issue of another project of its
// site that the user's work across teams is on (othersDescriptions), as
// Jun Park filed PAY-822: "PAY". "" when they filed none; the first key
// in order when they filed in several.
func (r *report) teamOf(person evidence.User, ask *evidence.Evidence) string {
	team := ""
	for ref, d := range r.othersDescriptions {
		project := projectOf(&evidence.Evidence{IssueKey: ref.key})
		if ref.site == ask.SiteName && project != projectOf(ask) && isUser(d.Author, person) && (team == "" || project < team) {
			team = project
		}
	}
	return team
}

// showsInfluence reports whether a story of in quotes, among its actions,
// an item that shows influence (influenced): the tag "a time you
// influenced without authority" is a promise only such an action keeps.
func (r *report) showsInfluence(in initiative, actions []storyAction) bool {
	for _, a := range actions {
		for _, e := range in.items {
			if e.ID == a.EvidenceID && r.influenced(e) > 0 {
				return true
			}
		}
	}
	return false
}

// influenceWords are words of a question about influence: "influenced
// without authority". ("Convinced" and "persuaded" ask about pushing
// back: see asksAboutPushback.)
var influenceWords = regexp.MustCompile(`(?i)\binfluenc|\bwithout authority\b`)

// crossTeamAnswer answers a question about working across teams (q is its
// standard question, "a time you influenced without authority") with the
// story of the strongest influence (influenced), an initiative's before an
// issue's: there it is told with what it was for. Without any, a question
// about influence gets the closest story, a date the user committed to
// another team and kept (told as "a time you delivered against a
// deadline", which it is), or their strongest, and a note that says what
// the evidence lacks; any other question about working across teams
// (“a time you worked with other teams”) gets the kept date, tagged with
// the question as asked: it answers that, not influence. "Should be off
// v1 by Nov 14", done 12 Nov, tells more of working with another team
// than the link to a blocker whose team went quiet. ok is false when the
// question is not about influence and no date was kept: the caller picks
// by kind of work.
func (r *report) crossTeamAnswer(question, q string, tiers ...[]initiative) (answer, bool) {
	if a, ok := r.focusAnswer(q, r.influenced, true, tiers...); ok {
		return a, true
	}
	asked := evidence.OneLine(question)
	if !influenceWords.MatchString(question) {
		return r.focusAnswer(asked, r.commitKept(), false, tiers...)
	}
	lacks := fmt.Sprintf("nothing you wrote shows someone outside your team agreeing to or acting on what you asked, which %q asks about; ", asked)
	if a, ok := r.focusAnswer(r.categoryOf(evidence.CatReleasePlanning).StoryQuestion, r.commitKept(), false, tiers...); ok {
		a.note = lacks + "here is the closest, a date you committed to another team and kept, with the question it does answer under its title"
		return a, true
	}
	in, found := strongestBy(r.weightOf(""), true, tiers...)
	return answer{in: in, found: found, note: lacks + "here is your strongest story instead, with the questions it does answer under its title"}, true
}
