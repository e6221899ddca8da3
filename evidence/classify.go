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
//
// Each alternative is a family of phrasings, not one sentence: terse and
// verbose writers, "prio" and "priority", Cloud's and Server's mentions
// (both "@user" in plain text). A signal still has to say what the user did
// or decided: a word that only names the subject ("priority", "sprint",
// "unblocks") is not enough.
var (
	userStoryForm = `\bas an? [^.!?]*?\bi (?:want|need|would like|should be able)\b[^.!?]*?\bso (?:that|i can|we can)\b`
	acHeading     = `\bacceptance criteria\b`
	acShort       = `\b(?-i:AC) ?:`
	// Teams name acceptance criteria many ways; as headings ("h3. Done when"
	// becomes "Done when:") these mean the same.
	acDoD      = `\bdefinition of done\b`
	acDoneWhen = `\bdone when\s*:`
	// Gherkin capitalises its keywords; prose ("given that…, then…") does not.
	givenWhenThen = `(?-i:\bGiven\b[^.!?]*?\bWhen\b[^.!?]*?\bThen\b)`

	storyForm               = mustPattern(userStoryForm, acHeading, acShort, acDoD, acDoneWhen, givenWhenThen).allowQuestions()
	acceptanceCriteriaAdded = mustPattern(acHeading, acShort, acDoD, acDoneWhen, givenWhenThen).allowQuestions()
	// Criteria written in a comment, not criteria checked: "checked against
	// the acceptance criteria: 1 ✓ 2 ✓" is acceptance testing.
	acceptanceCriteriaWritten = mustPattern(acHeading, acShort, acDoD, acDoneWhen).allowQuestions().inSentence(notVerification)
	gherkin                   = mustPattern(givenWhenThen).allowQuestions()

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
		// The outcome, when the owner closes the loop.
		`\b(?:goals?|objectives?|targets?) (?:was |were |is |are |has been |have been )?(?:reached|met|achieved|hit|missed)\b`,
	)

	// Shaping an epic's scope: which children it holds and in what order.
	epicScope = mustPattern(
		`\bre-?(?:order|rank|prioriti[sz]|sequenc)(?:e|ed|es|ing)?\b[^.!?]{0,20}\b(?:children|child issues|stories|tickets|issues|items)\b`,
		`\b(?:move|moved|moving|pull|pulled|pulling|took|taking|remove|removed|removing|drop|dropped|dropping)\b[^.!?]{0,40}\bout of (?:this|the) epic\b`,
		`\b(?:add|added|adding|move|moved|moving|pull|pulled|pulling|brought|bringing)\b[^.!?]{0,40}\b(?:into|to|in) (?:this|the) epic\b`,
	).inSentence(notCodeTalk)

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
		// A heads-up opens the sentence or introduces what follows; "thanks
		// for the heads-up" receives one.
		`^(?:@\w+,? )?(?:hi all,? |hey all,? |all,? )?(?:just a |quick |a |small |friendly )?heads[- ]up\b`,
		`\bheads[- ]up\s*:`,
		`\bheads[- ]up (?:to|for) (?:@\w+|everyone|all\b|the team|you)`,
		`\bfor (?:your )?(?:visibility|awareness)\b`,
		`\bfor your information\b`,
		`\bkeep(?:ing)? (?:you|everyone|you all|all|@\w+) (?:posted|in the loop|informed|updated)\b`,
	).inSentence(notCodeTalk)

	decision = mustPattern(
		`\bdecisions?\s*:`,
		`\bdecided\s*:`,
		`\b(?:final |our |team |product )?decisions? (?:recorded|made|taken|logged)\s*:`,
		`\bagreed\s*:`,
		`\bwe(?: have|'ve|’ve)?(?: all| jointly| now)? (?:agreed|decided)\b`,
		`\b(?:going|go|went) with (?:option|approach|plan|proposal|variant)\b`,
		// A choice names what it is not: "going with logical replication,
		// not dump/restore".
		`(?:\bwe(?:'re|'ll|’re|’ll| are| will)?|\blet(?:'s|’s)|@\w+\s*[:,]?|\bdecided to|\bdecision is to)\s+(?:going|go|went) with\b[^.!?]{1,60}?,? (?:not|instead of|rather than)\b`,
		`\bwe(?:'ve| have)? (?:settled on|opted for|chose|picked)\b`,
		`\bout of scope\b`,
		`\bde-?scop(?:e|ed|ing)\b`,
		`\bagreed with @\w`,
		`\bwe(?:'ll| will) not (?:do|build|support|pursue)\b`,
	).inSentence(ownDecision)

	// Deciding an order, arguing a trade-off or changing a priority with a
	// reason. "Raising the memory limit" and "the priority class of the pods"
	// are not about the backlog; a priority changed without a reason is the
	// change's evidence, not the comment's.
	prioritization = mustPattern(
		`\bde-?priori[tz]i[sz](?:e|ed|es|ing)\b`,
		`\bde-?prio(?:'d|ed|ing)?\b`,
		`\b(?:more|less) (?:important|urgent|pressing|valuable) than\b`,
		`\b(?:higher|lower) (?:priority|prio) than\b`,
		`\bp[0-4]\b[^.!?]{0,20}\b(?:because|since)\b`,
		`\bp[0-4],? (?:not|rather than|instead of|over|above|ahead of) p[0-4]\b`,
		`\b(?:rais|bump|lower|dropp)(?:ed|ing) (?:the |its )?priority\b[^.!?]{0,40}\bbecause\b`,
		`\b(?:rais|bump|lower|dropp|increas|decreas|reduc|downgrad|upgrad|escalat)(?:e|ed|es|ing|s)? (?:the |its |this |our )?(?:priority|prio)(?: (?:of|on|for) (?:this|it|the (?:ticket|issue|story|bug|task)))?(?: (?:from|to) [\w-]+){0,2}(?:\s*[,:;—–]| -| because| since| as| given| so)\s*[^.!?\s]+\s+[^.!?\s]+`,
		`^(?:the )?(?:priority|prio) (?:up|down|raised|lowered|bumped|increased|decreased|dropped|reduced|changed)(?: (?:from|to) [\w-]+){0,2}(?:\s*[,:;—–]| -| because| since| as| given| so)\s*[^.!?\s]+\s+[^.!?\s]+`,
		`\bpriori[tz]i[sz](?:e|ed|ing)\b[^.!?]{1,60}\b(?:over|ahead of)\b`,
		`\bpriori[tz]i[sz](?:e|ed|es|ing) (?:this|it)(?: one)? (?:now|first|next)\b`,
		`\btop of the backlog\b`,
		`\b(?:rank|ranked|ranking|move|moved|moving|bump|bumped|bumping|push|pushed|pushing) (?:this|it|that)(?: one)? (?:higher|lower|to the top|to the bottom|(?:up|down) the (?:backlog|list|queue|board))\b`,
		`\b(?:rank|ranked|ranking|move|moved|moving|put|putting|park|parked|parking) (?:this|it|that)(?: one)? (?:above|below|ahead of|behind) (?:(?-i:[A-Z][A-Z0-9_]+-\d+)|the (?:rest|others?|[\w-]+ (?:work|tickets?|stories|story|issues?|tasks?|bugs?|items?|epics?|upgrade|migration|cleanup)))\b`,
		`\b(?:move|moved|moving|bump|bumped|bumping|push|pushed|pushing) (?:this|it|that)(?: one)? (?:up|down)(?:\s*[.!]?$|\s*[,;:])`,
		`\b(?:rank|ranked|ranking|put|putting)\b[^.!?]{1,40}\b(?:higher|lower) than\b`,
		`\bre-?(?:order|rank|prioriti[sz])(?:e|ed|es|ing)?\b[^.!?]{0,60}\b(?:first|last|top|above|below|ahead of)\b`,
		`\bordering\b[^.!?:]{0,40}:[^.!?]{0,60}\bthen\b`,
		`\b(?:priority order|order of priority)\b`,
		`\bpark(?:ed|ing)? (?:this|it)(?: one)?(?: for now| until\b| till\b| in the backlog\b|\s*[,.;:])`,
		`\bcost of delay(?:\s*:| (?:is|of|here is) (?:about |roughly |around |~)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|an? |\$|€|£))`,
		`\b(?:high|higher|big|bigger|biggest|low|lower|best|good|great|poor) (?:impact|value|roi|payoff|return) for (?:the |its |(?:a )?(?:little|small|low) )?(?:effort|cost|work|price)\b`,
		`\b(?:low|lower|less|little|small|smaller|minimal) effort\b[^.!?]{0,20}\b(?:high|higher|big|bigger|large|huge|more) (?:impact|value|payoff)\b`,
		`\b(?:high|higher|big|bigger|large|huge|more) (?:impact|value)\b[^.!?]{0,20}\b(?:low|lower|less|little|small|smaller|minimal) effort\b`,
		`\b(?:impact|value) (?:vs\.?|versus|over) effort\b`,
		`\beffort (?:vs\.?|versus) (?:impact|value)\b`,
		`\btrade-?offs?\s*:`,
		`\b(?:it's|it is|it’s) either (?:this|that)(?: one)? or (?:(?-i:[A-Z][A-Z0-9_]+-\d+)|that(?: one)?|the other)\b`,
		`\bi(?:'d| would|’d) (?:pick|choose|take|do) (?:this|that|it)(?: one)?(?:\s*:| first| over| instead)`,
		`\b(?:the rest|the others?|the cleanup|the [\w-]+ (?:work|part|bits?|items?|tickets?|stories)) (?:can|could|should|will have to) wait\b(?:\s*[,.;:!]|$| until| till| a (?:sprint|week|release|quarter))`,
		`\b(?:can|could|should) wait (?:until|till|for) (?:the )?(?:next|another|a later) (?:week|sprint|month|quarter|release|year|cycle|iteration|increment)\b`,
		`\b(?:nice|good)-to-haves?\b`,
		`\bmust-haves?\b`,
	).inSentence(notCodeTalk)

	sprintWords = `(?:sprints?|iterations?)`
	sprintTalk  = mustPattern(
		`\bsprint (?:goals?|capacity)\b`,
		`\bsprint\b[^.!?]{0,20}\bcapacity\b`,
		`\bcapacity\b[^.!?]{0,30}\bsprint\b`,
		`\bcarr(?:y|ied|ies|ying)(?: (?:this|it|them|these|those|that))?[- ]?over\b[^.!?]{0,40}\b`+sprintWords+`\b`,
		`\b`+sprintWords+`\b[^.!?]{0,40}\bcarr(?:y|ied|ies|ying)(?: (?:this|it|them|these|those|that))?[- ]?over\b`,
		`\bcarried over (?:twice|again|(?:two|three|four|\d+) times|from (?:the )?(?:last|previous) `+sprintWords+`)`,
		`\b(?:spill(?:s|ed|ing)?|roll(?:s|ed|ing)?)(?: (?:this|it|them|these|those|that))?[- ]?over\b[^.!?]{0,30}\b`+sprintWords+`\b`,
		`\b(?:pull|pulling|pulled|bring|bringing|brought)\b[^.!?]{0,20}\b(?:into|out of)\b[^.!?]{0,20}\b`+sprintWords+`\b`,
		`\b(?:move|moving|moved|push|pushing|pushed|defer|deferring|deferred)\b[^.!?]{0,20}\b(?:to|into|out of)\b[^.!?]{0,20}\b`+sprintWords+`\b`,
		// Putting something in a sprint, not "added a note to the sprint page".
		`\b(?:put|putting|add|adding|added|slot|slotting|slotted|schedule|scheduling|scheduled|plan|planned|fit|fits)(?: (?:this|it|them|these|those|that|(?-i:[A-Z][A-Z0-9_]+-\d+)))? (?:to|into|in|for)\b[^.!?]{0,20}\b`+sprintWords+`\b`,
		`\b(?:we|team|i)(?:'re| are)? (?:commit|committed|committing) to (?:\w+ )?(?:items|stories|tickets|points|issues)\b`,
		`\bover-?commit(?:ted|ting)?\b`,
		// "Put it in Mobile S28, I've made room": sprints have short names.
		`\b(?:sprint|iteration|(?-i:S)\d{1,3})\b[^.!?]{0,40}\b(?:made|make|making|freed up|free up) (?:some )?room\b`,
		`\b(?:made|make|making|freed up|free up) (?:some )?room\b[^.!?]{0,30}\b(?:in|for) (?:the |this |next )?(?:sprint|iteration)\b`,
	).inSentence(sprintSentence)

	// A version as releases name it: "2.4", "v2.4.1", "platform-2025.12",
	// "payments-api 3.10.0", but not "99.9%", and not a toolchain's
	// ("Java 17.0.2"): a named release has a hyphenated name.
	versionName = `(?:[a-z]\w*-[\w-]*[ -]?)?v?\d+(?:\.\d+)+\.?(?:[\s,;:)]|$)`
	releaseTalk = mustPattern(
		`\btarget(?:ed|ing)? (?:release|version)\b`,
		`\btarget(?:s|ed|ing)?:? (?:the )?`+versionName,
		`\brelease notes?\b`,
		`\b(?:release|code|feature) (?:cut-?off|freeze)\b`,
		`\bcut-?off\b[^.!?]{0,30}\brelease\b`,
		`\brelease\b[^.!?]{0,30}\bcut-?off\b`,
		`\bcut-?off (?:is|was) (?:on |this |next |last )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow|tonight|yesterday)\b`,
		`\bgo ?(?:/|-|or) ?no-?go\b`,
		`\bno-go (?:for|on) (?:the )?(?:release|launch|rollout|`+versionName+`)`,
		`\b(?:ship|ships|shipping|land|lands|slip|slips|slipping|go out|goes out) (?:in|with|to) (?:the )?(?:next |upcoming |following )?release\b`,
		`\b(?:ship|ships|shipping|land|lands|go out|goes out|going out) (?:in|with) (?:the )?`+versionName,
		`\b(?:move|moving|moved|push|pushing|pushed|defer|deferring|deferred|roll|rolls|rolled|rolling|slip|slips|slipped|bump|bumped|bumping)\b[^.!?]{0,20}\b(?:to|into|for) (?:the )?(?:next|upcoming|following|later) (?:release|(?:fix )?version|release train)\b`,
		`\b(?:not )?(?:needed|required|blocking|critical|essential) for (?:the )?(?:current|next|upcoming|this) release\b`,
		`\b(?:planned|scheduled|slated|targeted) for (?:the )?(?:next |upcoming )?(?:release|v\d+(?:\.\d+)+)\b`,
		// A staged rollout plan: "we turn it on for 10% of traffic".
		`\b(?:roll|rolling|turn|turning|enable|enabling|ramp|ramping)\b[^.!?]{0,25}\b(?:to|for) \d+ ?% (?:of )?(?:the )?(?:traffic|users|customers|merchants|requests|tenants|accounts)\b`,
	).inSentence(notCodeTalk)

	acceptanceCheck = mustPattern(
		`\b(?:verified|tested|checked|validated) (?:it |this |the fix |the change |the feature )?(?:in|on) (?:the )?(?:staging|stage|uat|qa|test|preprod|pre-prod|sandbox|production|prod|canary)\b`,
		`\b(?:meets|met|satisfies|satisfied|passes|passed) (?:all )?(?:the )?(?:ac|acs|acceptance criteria)\b`,
		`\b(?:ac|acs|acceptance criteria) (?:are |is |all )?(?:met|verified|passed|satisfied)\b`,
		`\b(?:all|each|every|both|two|three|four) (?:the |of the )?(?:ac|acs|acceptance criteria) (?:are |is )?(?:pass|passes|passed|met|green|verified|satisfied|ticked)\b`,
		`\buat\b[^.!?]{0,20}\b(?:passed|complete|completed|done|signed off|sign-?off|ok|green|successful)\b`,
		`\b(?:tested|verified|checked) against (?:the )?(?:ac|acs|acceptance criteria)\b`,
		`\b(?:walked|went|walking|going|ran|run|running) (?:\w+ )?through (?:the |all (?:the )?|each )?(?:ac|acs|acceptance criteria|test cases|test plan|uat)\b`,
		`\b(?:does not|doesn't|did not|didn't) (?:meet|satisfy) (?:the )?(?:ac|acceptance criteria)\b`,
		`\bworks as (?:expected|described|specified) (?:in|on) (?:the )?(?:staging|uat|qa|prod|production|preprod|canary)\b`,
		`\bsigned off (?:on )?(?:this|it|the (?:story|feature|change|ticket))\b`,
		`\b(?:ac|acceptance criteri(?:a|on)) ?#?\d+\b[^.!?]{0,60}\b(?:fails?|failing|failed|not met|missing|broken|doesn't|does not|isn't|is not)\b`,
	).inSentence(notOwnFix)

	// Reopening delivered work with a reason, which is not a flaky test.
	reopenReason = mustPattern(
		`^reopen(?:ing|ed)?(?: (?:this|it))?\s*(?::|,|—|–| -| because\b| since\b| as\b)`,
	).inSentence(notCodeTalk)

	// Clearing the way for someone else: access, an answer, an approval, a
	// go-ahead. Saying that work "unblocks everything else" argues an order.
	unblockTalk = mustPattern(
		`\b(?:you|@\w+|they|the team|your team)(?:'re|’re| are| is)?(?: (?:now|all|should|will|be|finally))* unblocked\b`,
		`\bunblock(?:s|ed|ing)? (?:you|@\w+|them|the team|your)\b`,
		`^(?:@\w+,? )?unblocked\b`,
		`\b(?:granted|gave|given|got) (?:you |them |@\w+ |the team )?(?:access|permissions?|approval|sign-?off)\b`,
		`\b(?:access|permissions?|approval) (?:is |has been |have been |was |should be )?(?:now )?(?:granted|approved|sorted|fixed|set up|in place)\b`,
		`\b(?:added|put) (?:you|@\w+|them) (?:to|in|into) (?:the )?[\w-]+(?: [\w-]+)? (?:group|role)\b`,
		`\byou(?:'re| are) (?:now )?(?:in|a member of) the [\w-]+(?: [\w-]+)? (?:group|role)\b`,
		`\byou(?:'re| are) (?:good|clear|cleared|free|ok|okay) to (?:go|proceed|start|continue)\b`,
		`\byou can (?:now )?(?:proceed|go ahead|continue|carry on|resume)\b`,
		`\bno need to wait\b`,
		`\b(?:don't|do not|dont) wait (?:for|on)\b`,
		`\b(?:got|have|received|heard back with) (?:the |an )?(?:answer|answers|confirmation|go-ahead|green light|ok|okay|sign-?off|approval|thumbs up) (?:from|back from)\b`,
		`\b(?:checked|confirmed|cleared) (?:it |this )?with (?:@\w+|the [\w-]+ team|them|legal|security|finance|compliance|product|design|support|procurement|the vendor)\b[^.!?]{0,80}\b(?:(?:they(?:'re| are)|(?:he|she)(?:'s| is)|that's|it's) (?:fine|ok|okay|happy|good to go)|(?:fine|ok|okay|happy) with|agreed|approved|go ahead|green light|no objections?)\b`,
		`\bsorted (?:it |this |that )?(?:out )?with @\w`,
		`\b(?:fine|ok|okay) to (?:skip|proceed|go ahead)\b`,
		`^(?:@\w+,? )?(?:go ahead|carry on|go for it)[.!]?$`,
	).inSentence(unblockSentence)

	// Hand-offs are often asked as questions ("@payments team, can you pick
	// this up?"), so questions count; the sentence must name another team.
	handoff = mustPattern(
		`\bhand(?:ing|ed|s)?(?: (?:this|it|that|them))?[- ]?(?:off|over)\b`,
		`\bdependen(?:cy|cies|t) on\b`,
		`\b(?:can|could|would) (?:you|your team|you folks|you all|they) (?:please )?(?:pick|take) (?:this |it )?(?:up|over|on)\b`,
		`\bteam (?:will|can|to) (?:pick|take) (?:this |it )?(?:up|over)\b`,
		`\b(?:coordinat(?:e|ed|ing)|aligned|syncing|synced|agreed) with\b`,
	).allowQuestions().inSentence(handoffSentence)

	// Hand-offs that name the other team by its name ("Coordinating with
	// Payments", "Over to Mobile"), which reads like a person's: they count
	// when the comment also names an issue of another project.
	handoffAcross = mustPattern(
		`\bhand(?:ing|ed|s)?(?: (?:this|it|that|them))?[- ]?(?:off|over)\b`,
		`\b(?:coordinat(?:e|ed|ing)|aligned|aligning|syncing|synced|agreed|agreeing) with (?-i:[A-Z])\w`,
		`\bover to (?-i:[A-Z])\w+ (?:for|to)\b`,
		`\boff (?:your|their) plate\b`,
		`\bour (?:team|side) (?:can|will|could|would) (?:do|take|own|handle|pick up|cover|build)\b`,
	).allowQuestions().inSentence(notCodeTalk)

	// Splitting work between teams, or checking plans with another team.
	crossTeamTalk = mustPattern(
		`\bthey (?:own|do|build|handle|take|expose|provide|cover)\b[^.!?]{1,60}\bwe(?:'ll| will)? (?:own|do|build|handle|take|consume|cover)\b`,
		`\bwe (?:own|do|build|handle|take|expose|provide|cover)\b[^.!?]{1,60}\bthey(?:'ll| will)? (?:own|do|build|handle|take|consume|cover)\b`,
		`\bboth (?:boards|teams|backlogs)\b`,
		`\b(?:owner|contact|point of contact|counterpart) (?:on|from|in) (?:their|the other|your) (?:side|team|end)\b`,
		`\b(?:does|would|will) (?:that|this|it|the date|the timing|\w+day) work (?:with|for) (?:your|their) (?:release|team|plans?|schedule|roadmap|timeline|sprint)\b`,
		`\bdependency check\b`,
	).allowQuestions().inSentence(notCodeTalk)

	// Arranging work in another project, not noting that one exists ("depends
	// on PAY-12"), which an issue link records better. The first submatch is
	// the other issue's key, matched case-sensitively.
	otherProjectRef = mustPattern(
		`\b(?:raised|opened|filed|logged|created|moved (?:it |this )?to)\s+(?-i:([A-Z][A-Z0-9_]+-\d+))\b`,
		`\bhanded (?:off|over) to\s+(?-i:([A-Z][A-Z0-9_]+-\d+))\b`,
	).allowQuestions()

	// Closing or marking duplicates, said in a comment.
	duplicateTalk = mustPattern(
		`\b(?:closing|closed|close|marking|marked|mark|resolving|resolved|resolve) (?:this |it |this one )?as (?:a )?dup(?:licate|e)\b`,
		`\bdup(?:licate|e) of (?-i:[A-Z][A-Z0-9_]+-\d+)\b`,
	).inSentence(notCodeTalk)

	// Splitting a work item into smaller ones, said in a comment.
	splitTalk = mustPattern(
		`\bsplit(?:ting)? (?:this|it|the (?:story|ticket|epic|issue|task)|this (?:story|ticket|epic|issue|task))(?: up)? (?:in(?:to)?|so|off)\b`,
		`\bsplit(?:ting)? (?:off|out) (?:a |the |two |three )?(?:new |separate |follow-up )?(?:story|stories|ticket|tickets|issue|issues|task|tasks)\b`,
		`\bsplit (?:in(?:to)?|up into) (?:two |three |\d+ |smaller |separate )?(?:stories|tickets|tasks|issues)\b`,
	).inSentence(notCodeTalk)

	// "Impact window 60 minutes": how long customers were hit.
	impactWindow = `\bimpact window (?:of |was |is )?(?:about |roughly |around |~)?\d+`

	incidentContext = mustPattern(
		`\b(?:incident|outage|downtime)s?\b`,
		`\bservice degradation\b`,
		`\bsev[- ]?[0-4]\b`,
		`\b(?-i:INC)-\d+\b`,
		`(?-i:\bINC\s*:)`,
	).allowQuestions()

	// Closing an incident in so many words: a comment that says this is an
	// incident even where the issue does not.
	incidentClosing = mustPattern(
		impactWindow,
		`\bpost-?mortem (?:to follow|will follow|is coming|coming|scheduled|booked)\b`,
	).inSentence(notCodeTalk)

	// Coordination, not the fix: "Status: fixed in PR #12" on an incident is
	// someone fixing it alone.
	incidentCoordination = mustPattern(
		`\bnext update\b`,
		`\bcustomer impact\b`,
		`\bimpact\s*:`,
		impactWindow,
		`\bimpact so far\b`,
		`\bcustomers? (?:are |were |is )?(?:affected|impacted)\b`,
		`\bmitigation\b`,
		`\bstatus ?page\b`,
		`\bwar ?room\b`,
		`\b(?:incident|conference) bridge\b`,
		`\bincident (?:commander|lead|channel)\b`,
		`\ball[- ]clear\b`,
		`\b(?:update|status)\s*:`,
		`\beta\b`,
		`\bpost-?mortem (?:to follow|will follow|is coming|coming|scheduled|booked)\b`,
		`\b(?:i'll|i will|we'll|we will|i've|we've) (?:schedule|scheduled|book|booked|run|set up|organi[sz]e|organi[sz]ed) (?:the|a) (?:post-?mortem|incident review|review|retro|rca|pir)\b`,
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
	{id: "change.duplicate-link", category: CatBacklogGrooming, source: SourceChange, confidence: 0.6,
		// Jira words the link from each side: "duplicates", "is duplicated by".
		match: changed([]field{fieldLink}, linkAdded("duplicates", "is duplicated by"))},
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
		match: firstOf(says(acceptanceCriteriaWritten, 12), says(gherkin, 12))},
	{id: "comment.split", category: CatBacklogGrooming, source: SourceComment, confidence: 0.6,
		match: says(splitTalk, 4)},
	{id: "comment.duplicate", category: CatBacklogGrooming, source: SourceComment, confidence: 0.55,
		match: says(duplicateTalk, 4)},

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
	{id: "comment.unflag-note", category: CatUnblocking, source: SourceComment, confidence: 0.75,
		// Removing a flag with a comment gives "(flagoff) Flag removed" and
		// the user's words: why the impediment is gone.
		when:  []guard{someoneElses, notAssignedToMe},
		match: flagRemovedNote(3)},
	{id: "comment.unblock", category: CatUnblocking, source: SourceComment, confidence: 0.6,
		// The note of a flag added raises an impediment, whatever it says.
		when:  []guard{someoneElses, notAssignedToMe, not(flagAdded)},
		match: says(unblockTalk, 4)},

	// cross-team-coordination: aligning work across teams and projects.
	{id: "change.cross-project-link", category: CatCrossTeam, source: SourceChange, confidence: 0.7,
		match: changed([]field{fieldLink}, linkToOtherProject)},
	{id: "comment.handoff", category: CatCrossTeam, source: SourceComment, confidence: 0.7,
		match: firstOf(says(handoff, 5), saysWithOtherProject(handoffAcross, 5))},
	{id: "comment.cross-team", category: CatCrossTeam, source: SourceComment, confidence: 0.65,
		match: says(crossTeamTalk, 5)},
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
	{id: "comment.epic-scope", category: CatEpicOwnership, source: SourceComment, confidence: 0.65,
		when:  []guard{typeIs("Epic")},
		match: says(epicScope, 5)},

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
		match: firstOf(says(acceptanceCheck, 3), says(reopenReason, 3))},

	// incident-coordination: leading the response to incidents.
	{id: "issue.postmortem", category: CatIncidentCoord, source: SourceIssue, confidence: 0.8,
		when:  []guard{either(typeIs(postmortemTypes...), issueMentions(postmortem))},
		match: created},
	{id: "comment.incident", category: CatIncidentCoord, source: SourceComment, confidence: 0.8,
		when:  []guard{either(typeIs(incidentTypes...), issueMentions(incidentContext), textMentions(incidentClosing))},
		match: says(incidentCoordination, 5)},
}
