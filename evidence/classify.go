package evidence

import (
	"slices"
	"time"
)

// Classify returns the evidence one activity supports: a pure function of the
// activity, its issue and the user.
//
// Only the user's own activities count. Rules are tried in order; an activity
// may give evidence of several categories but at most one item per category,
// from the first rule of that category that matches. Worklogs give none.
// The returned items have no ID and none of the fields the store fills.
func Classify(a Activity, is Issue, me User) []Evidence {
	if !a.Author.Is(me) {
		return nil
	}
	s := &subject{a: a, is: is, me: me}
	var out []Evidence
	for i := range builtinRules {
		r := &builtinRules[i]
		if r.source != a.Source || hasCategory(out, r.category) || !r.holds(s) {
			continue
		}
		excerpt, ok := r.match(s)
		if !ok {
			continue
		}
		out = append(out, Evidence{
			IssueID:    a.IssueID,
			Source:     a.Source,
			SourceID:   a.SourceID,
			OccurredAt: a.At,
			Category:   r.category,
			Rule:       r.id,
			Confidence: r.confidence,
			Excerpt:    excerpt,
		})
	}
	return out
}

// RuleIDs returns the ids of the built-in rules, sorted.
func RuleIDs() []string {
	ids := make([]string, len(builtinRules))
	for i, r := range builtinRules {
		ids[i] = r.id
	}
	slices.Sort(ids)
	return ids
}

// rule is one classification rule: evidence of category, with confidence,
// for an activity of source that passes every guard and that match finds
// something in. Rules are plain data over small matchers so that a rules
// file can later build the same values.
type rule struct {
	id         string
	category   string
	source     Source
	confidence float64
	when       []guard
	match      matcher
}

func (r *rule) holds(s *subject) bool {
	for _, g := range r.when {
		if !g(s) {
			return false
		}
	}
	return true
}

func hasCategory(evs []Evidence, category string) bool {
	for _, e := range evs {
		if e.Category == category {
			return true
		}
	}
	return false
}

// Jira vocabularies the rules compare with, as sites name them by default.
var (
	storyTypes       = []string{"Story", "User Story", "Epic", "Task", "Feature", "New Feature", "Improvement"}
	incidentTypes    = []string{"Incident", "Post-incident review", "Postmortem"}
	postmortemTypes  = []string{"Post-incident review", "Postmortem"}
	doneStatuses     = []string{"Done", "Closed", "Verified", "Resolved"}
	blockedStatuses  = []string{"Blocked", "On Hold"}
	doneResolutions  = []string{"Done", "Fixed", "Resolved", "Complete", "Completed"}
	wontResolutions  = []string{"Won't Do", "Won't Fix", "Won’t Do", "Won’t Fix", "Wont Do", "Wont Fix"}
	dupeResolutions  = []string{"Duplicate"}
	splitLinkPhrases = []string{"split to", "split from", "clones", "is cloned by"}
)

// Text patterns of the built-in rules: alternatives, case-insensitive,
// compiled once.
var (
	userStoryForm = `\bas an? [^.!?]*?\bi (?:want|need|would like|should be able)\b[^.!?]*?\bso (?:that|i can|we can)\b`
	acHeading     = `\bacceptance criteria\b`
	acShort       = `\b(?-i:AC) ?:`
	// Gherkin capitalises its keywords; prose ("given that…, then…") does not.
	givenWhenThen = `(?-i:\bGiven\b[^.!?]*?\bWhen\b[^.!?]*?\bThen\b)`

	storyForm               = mustPattern(userStoryForm, acHeading, acShort, givenWhenThen).allowQuestions()
	acceptanceCriteriaAdded = mustPattern(acHeading, acShort, givenWhenThen).allowQuestions()

	// A problem statement says what is wrong or needed and for whom.
	problemWords = mustPattern(
		`\b(?:problem|currently|today|because|impact|expected|actual)\b`,
		`\b(?:users?|customers?)\b`,
		`\b(?:so that|we need|should)\b`,
	).allowQuestions()

	postmortem = mustPattern(
		`\bpost-?mortems?\b`,
		`\bpost-incident\b`,
		`\broot cause analysis\b`,
		`\b(?-i:RCA|PIR)\b`,
		`\bincident[- ](?:follow-?ups?|review|action items?)\b`,
		`\b(?:follow-?ups?|action items?) (?:from|for|to) (?:the |last week's |yesterday's |this )?(?:incident|outage|(?-i:INC)-\d+)\b`,
	).allowQuestions()

	epicGoals = mustPattern(
		`\bgoals? (?:is|are)\b`,
		`\bgoals?\s*:`,
		`\bobjectives?\s*:`,
		`\bsuccess (?:metrics?|criteria|measures?)\b`,
		`\b(?:kpis?|okrs?)\b`,
		`\bkey results?\b`,
		`\bnorth star\b`,
	)

	epicProgress = mustPattern(
		`\b\d+ (?:of|out of) \d+ (?:stories|issues|tickets|items|tasks)\b`,
		`\b(?:progress|milestones?)\b`,
		`\b(?:done|completed) so far\b`,
		`\bremaining\b`,
		`\bnext steps?\b`,
		`\d+ ?% (?:done|complete)\b`,
	).inSentence(notCodeTalk)

	statusUpdate = mustPattern(
		`\b(?:status|progress|weekly|daily|project|quick) update\b`,
		`\b(?:update|status|progress|risks?|next steps)\s*:`,
		`\beta\b`,
		`\b(?:on|off) track\b`,
		`\bat risk\b`,
		`\b(?:behind|ahead of) schedule\b`,
		`\bfyi\b[^.!?]{0,40}@\w`,
		`@\w+\b[^.!?]{0,20}\bfyi\b`,
	).inSentence(notCodeTalk)

	decision = mustPattern(
		`\bdecisions?\s*:`,
		`\bdecided\s*:`,
		`\bwe(?: have|'ve|’ve)?(?: all| jointly| now)? (?:agreed|decided)\b`,
		`\b(?:going|go|went) with (?:option|approach|plan|proposal|variant)\b`,
		`\bout of scope\b`,
		`\bde-?scop(?:e|ed|ing)\b`,
		`\bagreed with @\w`,
		`\bwe(?:'ll| will) not (?:do|build|support|pursue)\b`,
	).inSentence(ownDecision)

	prioritization = mustPattern(
		`\bde-?priori[tz]i[sz](?:e|ed|es|ing)\b`,
		`\b(?:more|less) (?:important|urgent) than\b`,
		`\b(?:higher|lower) priority than\b`,
		`\bp[0-4]\b[^.!?]{0,20}\bbecause\b`,
		`\b(?:rais|bump|lower|dropp)(?:ed|ing) (?:the |its )?priority\b[^.!?]{0,40}\bbecause\b`,
		`\bpriori[tz]i[sz](?:e|ed|ing)\b[^.!?]{1,60}\b(?:over|ahead of)\b`,
		`\btop of the backlog\b`,
	).inSentence(notCodeTalk)

	sprintTalk = mustPattern(
		`\bsprint (?:goals?|capacity)\b`,
		`\bcapacity\b[^.!?]{0,30}\bsprint\b`,
		`\bcarr(?:y|ied|ies|ying)[- ]?over\b[^.!?]{0,40}\bsprint\b`,
		`\bsprint\b[^.!?]{0,40}\bcarr(?:y|ied|ies|ying)[- ]?over\b`,
		`\b(?:pull|pulling|pulled|bring|bringing|brought)\b[^.!?]{0,20}\b(?:into|out of)\b[^.!?]{0,20}\bsprint\b`,
		`\b(?:move|moving|moved|push|pushing|pushed|defer|deferring|deferred)\b[^.!?]{0,20}\b(?:to|into|out of)\b[^.!?]{0,20}\bsprint\b`,
	).inSentence(notCodeTalk)

	releaseTalk = mustPattern(
		`\btarget(?:ed|ing)? (?:release|version)\b`,
		`\brelease notes?\b`,
		`\b(?:release|code|feature) (?:cut-?off|freeze)\b`,
		`\bcut-?off\b[^.!?]{0,30}\brelease\b`,
		`\bgo ?(?:/|-|or) ?no-?go\b`,
		`\b(?:ship|ships|shipping|land|lands|slip|slips|slipping|go out|goes out) (?:in|with|to) (?:the )?(?:next |upcoming |following )?release\b`,
		`\b(?:planned|scheduled|slated|targeted) for (?:the )?(?:next |upcoming )?(?:release|v\d+(?:\.\d+)+)\b`,
	).inSentence(notCodeTalk)

	acceptanceCheck = mustPattern(
		`\bverified (?:in|on) (?:the )?(?:staging|stage|uat|qa|test|preprod|pre-prod|sandbox|production|prod)\b`,
		`\b(?:meets|met|satisfies|satisfied|passes|passed) (?:all )?(?:the )?(?:ac|acceptance criteria)\b`,
		`\b(?:ac|acceptance criteria) (?:are |is |all )?(?:met|verified|passed|satisfied)\b`,
		`\buat (?:passed|complete|completed|done|signed off|sign-?off|ok)\b`,
		`\b(?:tested|verified|checked) against (?:the )?(?:ac|acceptance criteria)\b`,
		`\b(?:does not|doesn't|did not|didn't) (?:meet|satisfy) (?:the )?(?:ac|acceptance criteria)\b`,
		`\bworks as expected (?:in|on) (?:staging|uat|qa|prod|production)\b`,
	)

	unblockTalk = mustPattern(
		`\bunblock(?:s|ed|ing)?\b`,
		`\b(?:granted|gave|given|got) (?:you |them |@\w+ |the team )?(?:access|permissions?|approval|sign-?off)\b`,
		`\b(?:access|permissions?|approval) (?:is |has been |have been |was )?(?:granted|approved)\b`,
		`\byou(?:'re| are) (?:good|clear) to (?:go|proceed)\b`,
		`\byou can (?:now )?(?:proceed|go ahead)\b`,
	).inSentence(notCodeTalk)

	// Hand-offs are often asked as questions ("@payments team, can you pick
	// this up?"), so questions count; the sentence must name another team.
	handoff = mustPattern(
		`\bhand(?:ing|ed|s)?[- ]?(?:off|over)\b`,
		`\bdependen(?:cy|cies|t) on\b`,
		`\b(?:can|could|would) you (?:please )?(?:pick|take) (?:this |it )?(?:up|over)\b`,
		`\bteam (?:will|can|to) (?:pick|take) (?:this |it )?(?:up|over)\b`,
		`\b(?:coordinat(?:e|ed|ing)|aligned|syncing|synced|agreed) with\b`,
	).allowQuestions().inSentence(handoffSentence)

	// Arranging work in another project, not noting that one exists ("depends
	// on PAY-12"), which an issue link records better. The first submatch is
	// the other issue's key, matched case-sensitively.
	otherProjectRef = mustPattern(
		`\b(?:raised|opened|filed|logged|created|moved (?:it |this )?to)\s+(?-i:([A-Z][A-Z0-9_]+-\d+))\b`,
		`\bhanded (?:off|over) to\s+(?-i:([A-Z][A-Z0-9_]+-\d+))\b`,
	).allowQuestions()

	incidentContext = mustPattern(
		`\b(?:incident|outage|downtime)s?\b`,
		`\bservice degradation\b`,
		`\bsev[- ]?[0-4]\b`,
		`\b(?-i:INC)-\d+\b`,
	).allowQuestions()

	// Coordination, not the fix: "Status: fixed in PR #12" on an incident is
	// someone fixing it alone.
	incidentCoordination = mustPattern(
		`\bnext update\b`,
		`\bcustomer impact\b`,
		`\bimpact\s*:`,
		`\bcustomers? (?:are |were |is )?(?:affected|impacted)\b`,
		`\bmitigation\b`,
		`\bstatus ?page\b`,
		`\bwar ?room\b`,
		`\b(?:incident|conference) bridge\b`,
		`\bincident (?:commander|lead|channel)\b`,
		`\ball[- ]clear\b`,
		`\b(?:update|status)\s*:`,
		`\beta\b`,
	).inSentence(notCodeTalk)
)

// builtinRules are tried in order; within a category the first match wins,
// so stronger signals come first. Confidence says how sure a rule is that
// the activity shows that kind of PM work, not how important it is.
var builtinRules = []rule{
	// story-writing: issues the user wrote for others to build.
	{id: "issue.story", category: CatStoryWriting, source: SourceIssue, confidence: 0.85,
		when:  []guard{typeIs(storyTypes...)},
		match: says(storyForm, 8)},
	{id: "issue.problem-statement", category: CatStoryWriting, source: SourceIssue, confidence: 0.6,
		// A long description of a ticket the user then does themselves is
		// their engineering notes, not a work item for others.
		when:  []guard{typeIs(storyTypes...), notAssignedToMe},
		match: says(problemWords, 30)},

	// backlog-grooming: making existing items ready.
	{id: "change.duplicate", category: CatBacklogGrooming, source: SourceChange, confidence: 0.85,
		match: changed([]field{fieldResolution}, toValue(dupeResolutions...))},
	{id: "change.acceptance-criteria", category: CatBacklogGrooming, source: SourceChange, confidence: 0.8,
		match: firstOf(
			editedText([]field{fieldDescription}, acceptanceCriteriaAdded, 3),
			editedText([]field{fieldAcceptance}, nil, 3))},
	{id: "change.estimate", category: CatBacklogGrooming, source: SourceChange, confidence: 0.7,
		// Logging work rewrites the time-tracking fields as a side effect.
		when:  []guard{without(fieldTimeSpent)},
		match: changed([]field{fieldStoryPoints, fieldOriginalEstimate})},
	{id: "change.parent", category: CatBacklogGrooming, source: SourceChange, confidence: 0.7,
		match: changed([]field{fieldParent})},
	{id: "change.description", category: CatBacklogGrooming, source: SourceChange, confidence: 0.6,
		when:  []guard{createdByOther},
		match: editedText([]field{fieldDescription, fieldSummary}, nil, 3)},
	{id: "change.split", category: CatBacklogGrooming, source: SourceChange, confidence: 0.6,
		match: changed([]field{fieldLink}, linkAdded(splitLinkPhrases...))},
	{id: "change.labels", category: CatBacklogGrooming, source: SourceChange, confidence: 0.5,
		when:  []guard{someoneElses, notAssignedToMe},
		match: changed([]field{fieldLabels, fieldComponents})},
	{id: "comment.acceptance-criteria", category: CatBacklogGrooming, source: SourceComment, confidence: 0.6,
		// Long enough to be criteria, not "AC: met".
		match: says(acceptanceCriteriaAdded, 12)},

	// prioritization: deciding what matters more.
	{id: "change.priority", category: CatPrioritization, source: SourceChange, confidence: 0.85,
		match: changed([]field{fieldPriority})},
	{id: "change.rank", category: CatPrioritization, source: SourceChange, confidence: 0.6,
		when:  []guard{notAssignedToMe, without(fieldStatus)},
		match: changed([]field{fieldRank})},
	{id: "comment.prioritization", category: CatPrioritization, source: SourceComment, confidence: 0.7,
		match: says(prioritization, 4)},

	// sprint-planning: shaping sprint scope.
	{id: "change.sprint", category: CatSprintPlanning, source: SourceChange, confidence: 0.8,
		match: changed([]field{fieldSprint})},
	{id: "comment.sprint", category: CatSprintPlanning, source: SourceComment, confidence: 0.7,
		match: says(sprintTalk, 4)},

	// release-planning: shaping what ships when.
	{id: "change.fix-version", category: CatReleasePlanning, source: SourceChange, confidence: 0.8,
		match: changed([]field{fieldFixVersion})},
	{id: "comment.release", category: CatReleasePlanning, source: SourceComment, confidence: 0.7,
		match: says(releaseTalk, 4)},

	// stakeholder-communication: keeping others informed.
	{id: "comment.status-update", category: CatStakeholderComms, source: SourceComment, confidence: 0.75,
		match: says(statusUpdate, 6)},
	{id: "comment.epic-progress", category: CatStakeholderComms, source: SourceComment, confidence: 0.6,
		when:  []guard{typeIs("Epic")},
		match: says(epicProgress, 12)},

	// unblocking: removing what stops other people.
	{id: "change.unblock-status", category: CatUnblocking, source: SourceChange, confidence: 0.8,
		when:  []guard{someoneElses, notAssignedToMe},
		match: changed([]field{fieldStatus}, fromValue(blockedStatuses...), notToValue(doneStatuses...))},
	{id: "change.unflag", category: CatUnblocking, source: SourceChange, confidence: 0.8,
		when:  []guard{someoneElses, notAssignedToMe},
		match: changed([]field{fieldFlagged}, cleared)},
	{id: "change.unlink-blocker", category: CatUnblocking, source: SourceChange, confidence: 0.7,
		when:  []guard{someoneElses, notAssignedToMe},
		match: changed([]field{fieldLink}, linkRemoved("is blocked by"))},
	{id: "comment.unblock", category: CatUnblocking, source: SourceComment, confidence: 0.6,
		when:  []guard{someoneElses, notAssignedToMe},
		match: says(unblockTalk, 4)},

	// cross-team-coordination: aligning work across teams and projects.
	{id: "change.cross-project-link", category: CatCrossTeam, source: SourceChange, confidence: 0.7,
		match: changed([]field{fieldLink}, linkToOtherProject)},
	{id: "comment.handoff", category: CatCrossTeam, source: SourceComment, confidence: 0.7,
		match: says(handoff, 5)},
	{id: "comment.cross-project-dependency", category: CatCrossTeam, source: SourceComment, confidence: 0.6,
		match: mentionsOtherProject(otherProjectRef)},

	// decision-making: making and recording product and scope decisions.
	{id: "comment.decision", category: CatDecisionMaking, source: SourceComment, confidence: 0.8,
		match: says(decision, 5)},
	{id: "comment.wont-do-reason", category: CatDecisionMaking, source: SourceComment, confidence: 0.75,
		// Jira keeps the comment of a resolving transition apart from its
		// history; written at the same moment as a Won't Do, it is the reason.
		when:  []guard{resolvedWithin(time.Minute, wontResolutions...)},
		match: wholeText(3)},
	{id: "change.wont-do", category: CatDecisionMaking, source: SourceChange, confidence: 0.75,
		match: withReason(changed([]field{fieldResolution}, toValue(wontResolutions...)))},

	// epic-ownership: owning an initiative end to end.
	{id: "issue.epic", category: CatEpicOwnership, source: SourceIssue, confidence: 0.8,
		when:  []guard{typeIs("Epic")},
		match: created},
	{id: "change.epic-goals", category: CatEpicOwnership, source: SourceChange, confidence: 0.7,
		when:  []guard{typeIs("Epic")},
		match: editedText([]field{fieldDescription}, epicGoals, 3)},
	{id: "change.epic-status", category: CatEpicOwnership, source: SourceChange, confidence: 0.75,
		when:  []guard{typeIs("Epic")},
		match: changed([]field{fieldStatus, fieldEpicStatus})},
	{id: "change.epic-child", category: CatEpicOwnership, source: SourceChange, confidence: 0.7,
		when:  []guard{typeIs("Epic"), ownsIssue},
		match: changed([]field{fieldEpicChild})},
	{id: "comment.epic-goals", category: CatEpicOwnership, source: SourceComment, confidence: 0.65,
		when:  []guard{typeIs("Epic")},
		match: says(epicGoals, 6)},

	// acceptance-testing: verifying that delivered work meets the need.
	{id: "change.accept", category: CatAcceptanceTesting, source: SourceChange, confidence: 0.7,
		// Closing a Duplicate or Won't Do is not accepting delivered work, and
		// closing an epic is its owner's lifecycle step.
		when: []guard{someoneElses, notAssignedToMe, typeIsNot("Epic"),
			noChangeOf(fieldResolution, toValue(doneResolutions...))},
		match: changed([]field{fieldStatus}, toValue(doneStatuses...))},
	{id: "change.reopen", category: CatAcceptanceTesting, source: SourceChange, confidence: 0.7,
		when:  []guard{someoneElses, notAssignedToMe, typeIsNot("Epic")},
		match: withReason(changed([]field{fieldStatus}, fromValue(doneStatuses...), notToValue(doneStatuses...)))},
	{id: "comment.acceptance", category: CatAcceptanceTesting, source: SourceComment, confidence: 0.8,
		when:  []guard{someoneElses, notAssignedToMe},
		match: says(acceptanceCheck, 3)},

	// incident-coordination: leading the response to incidents.
	{id: "issue.postmortem", category: CatIncidentCoord, source: SourceIssue, confidence: 0.8,
		when:  []guard{either(typeIs(postmortemTypes...), issueMentions(postmortem))},
		match: created},
	{id: "comment.incident", category: CatIncidentCoord, source: SourceComment, confidence: 0.8,
		when:  []guard{either(typeIs(incidentTypes...), issueMentions(incidentContext))},
		match: says(incidentCoordination, 5)},
}
