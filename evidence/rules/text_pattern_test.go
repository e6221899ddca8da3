package rules

import (
	"regexp/syntax"
	"slices"
	"testing"
)

func TestRequiredLiterals(t *testing.T) {
	tests := []struct {
		expr string
		want []string
	}{
		{`\bdecision:`, []string{"decision:"}},
		{`(?i)Decision`, []string{"decision"}},
		{`\bout of scope\b|\bde-?scoped\b`, []string{"scoped", "out of scope"}},
		{`\b(?:meets|met) (?:the )?ac\b`, []string{"meets ac", "meets the ac", "met ac", "met the ac"}},
		{`\bgo(?:/| or )no-go\b`, []string{"go/no-go", "go or no-go"}},
		{`\bp[0-4]\b[^.!?]{0,20}\bbecause\b`, []string{"because"}},
		{`\bcapacity\b[^.!?]{0,30}\bsprint\b`, []string{"capacity"}},
		{`\w+`, nil},
		{`a|\w+`, nil},
	}
	for _, tt := range tests {
		tree, err := syntax.Parse(tt.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got := requiredLiterals(tree)
		slices.Sort(got)
		slices.Sort(tt.want)
		if !slices.Equal(got, tt.want) {
			t.Errorf("requiredLiterals(%q) = %q, want %q", tt.expr, got, tt.want)
		}
	}
}

// builtinPatterns are the text patterns of the built-in rules, by name.
var builtinPatterns = BuiltinRules().patterns

// Every alternative of a built-in pattern must have a prefilter worth having,
// or it would run its regexp over every comment.
func TestBuiltinPatternsHaveSelectiveKeys(t *testing.T) {
	for name, p := range builtinPatterns {
		for _, alt := range p.alts {
			if len(alt.keys) == 0 || len(alt.keys) > maxKeys {
				t.Errorf("%s: %s has %d prefilter keys %v", name, alt.re, len(alt.keys), alt.keys)
			}
			if slices.ContainsFunc(alt.keys, func(k patternKey) bool { return len(k.s) < 3 }) {
				t.Errorf("%s: %s has a prefilter key shorter than 3 characters in %v", name, alt.re, alt.keys)
			}
		}
	}
}

// The keys must never reject a text the regexp matches.
func TestPatternKeysAreNecessary(t *testing.T) {
	texts := []string{
		"Update: mitigation is live in eu-west; next update at 17:00.",
		"FYI @user the ETA moved to Friday. We are at risk.",
		"Decision: we go with option B. We've agreed. Descoped. De-scoping.",
		"Let's deprioritise this: P1 because customers. Prioritising checkout over reporting.",
		"Sprint goal: cart. Carry-over to the next sprint. Pulling this into the sprint.",
		"Target release 2.4, release notes, code freeze, go/no-go, go or no-go, slated for v2.4.1.",
		"Verified in staging, meets the AC, UAT passed, AC met, didn't meet acceptance criteria.",
		"Got you access; this unblocks you. You're good to go.",
		"Handing off to the payments team; dependency on the platform team; can you pick this up.",
		"Raised PAY-77. Depends on PAY-12. Blocked by INFRA-3. Handed over to OPS-1.",
		"Sev2 outage, INC-42. Customer impact: 8%. Status page updated. War room open. All clear.",
		"As a shopper I want my cart so that I can pay. Acceptance criteria: x. AC: y. Given a when b then c.",
		"Postmortem, RCA, PIR, incident follow-up, action items from the outage.",
		"Success metrics and KPIs. Our goal is speed. Objectives: 3. 3 of 5 stories done, 50 % complete.",
		"Currently users have a problem because of impact.",
		"Raising priority: customers. Prio up: legal. P2, not P1. Cost of delay. High impact for the effort, low effort and big value, effort vs impact.",
		"Moving this above PAY-12. Ranked it higher. Put it ahead of the search work. Moving it up. Re-ordered the children: infra first. The rest can wait. Nice-to-haves.",
		"Ordering for the next two sprints: this, then that. Trade-off: speed. It's either this or that. I'd pick this one: value. Rank the fix higher than X.",
		"Decision recorded: no. Agreed: yes. We settled on weekly. @user: going with Stripe, not Adyen.",
		"Carrying this over to Sprint 5. Carried over twice. Rolling it over into next sprint. Put it in Mobile S28, I've made room. We commit to two items. We over-committed.",
		"Targeting platform-2025.12. Cut-off is Sunday. No-go for payments-api 3.9.0. Moving this to the next fix version. Not needed for the current release. Ships in v2.4 today. Turn it on for 10% of traffic.",
		"Walked through the AC on staging. Reopening: AC 2 fails. Tested on staging, all three acceptance criteria pass. UAT with finance done. Signed off on this.",
		"You're unblocked. Unblocked: go. Access is sorted. Added @user to the admins group. You're in the vault-admins group. No need to wait. Don't wait for the review. I got the answer from @user. Checked with @user, fine. Sorted out with @user. Fine to skip the canary. Go ahead.",
		"They own the client, we own the infra. Both boards. Owner on their side is @user. Does that work with your release? Dependency check. Coordinating with Payments. Over to Mobile for the client. Off your plate. Our team can do it.",
		"Closing as duplicate. Duplicate of PAY-1. Splitting this into two stories. Split off a follow-up ticket. Split into two tickets.",
		"Heads up @user: window moves. Quick heads-up: x. For visibility: y. Keeping everyone posted. Goal reached. Moved two items out of this epic. Re-ordered the children.",
		"Impact window 60 minutes. Postmortem to follow, I'll schedule the review. INC: latency. Definition of done. Done when: x.",
		"Raising to High as this is an audit finding. Bumped it to P1, every user. Dropping to lowest + out of the sprint.",
		"Lowering this, only the preview is blurry. Raising: all guests hit it.",
		"No-go for tonight. Amex stays out of v1. Keeping it out of 5.4. We cannot take this into 4.13, suggest we take it in 4.14. Pulled into 4.4.",
	}
	for name, p := range builtinPatterns {
		for _, alt := range p.alts {
			for _, text := range texts {
				indexed := indexText(text)
				if alt.re.MatchString(text) && !indexed.containsAny(alt.keys) {
					t.Errorf("%s: keys %v reject %q, which %s matches", name, alt.keys, text, alt.re)
				}
			}
		}
	}
}

func TestIndexedTextContainsAny(t *testing.T) {
	text := indexText("Update: Mitigation is LIVE; next update at 17:00.")
	tests := []struct {
		keys []string
		want bool
	}{
		{[]string{"mitigation"}, true},
		{[]string{"rollback", "next update"}, true},
		{[]string{"live;"}, true},
		{[]string{":"}, true},
		{[]string{"rollback", "postmortem"}, false},
		{[]string{"mitigations"}, false},
		{nil, true},
	}
	for _, tt := range tests {
		if got := text.containsAny(newPatternKeys(tt.keys)); got != tt.want {
			t.Errorf("containsAny(%q) = %v, want %v", tt.keys, got, tt.want)
		}
	}
}

func TestTextPatternFind(t *testing.T) {
	decisions := mustPattern(`\bout of scope\b`, `\bdescoped\b`).inSentence(notCodeTalk)
	handoffs := mustPattern(`\bcan you pick (?:this|it) up\b`).allowQuestions()
	tests := []struct {
		name   string
		p      *textPattern
		text   string
		wantAt int // -1: no match
	}{
		{"plain statement matches", decisions, "CSV is out of scope.", 7},
		{"question does not match", decisions, "Is CSV out of scope?", -1},
		{"a later statement matches after a question", decisions, "Is CSV out of scope? Yes, CSV is out of scope.", 33},
		{"sentence filter rejects code talk", decisions, "Renaming is out of scope for this PR.", -1},
		{"sentence filter looks at the sentence only", decisions, "Merged the PR. Renaming is out of scope for v1.", 27},
		{"questions count when allowed", handoffs, "@user can you pick this up?", 6},
		{"no keyword, no match", decisions, "Nothing here.", -1},
		{"a later alternative matching earlier in the text wins", decisions, "Descoped: CSV. It is out of scope.", 0},
		{"an earlier alternative matching earlier in the text wins", decisions, "Out of scope for v1, so descoped.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			indexed := indexText(tt.text)
			at, ok := tt.p.find(&indexed)
			if !ok {
				at = -1
			}
			if at != tt.wantAt {
				t.Errorf("find(%q) = %d, want %d", tt.text, at, tt.wantAt)
			}
		})
	}
}

// A sentence check's prefilter never changes its answer: over the texts of
// the train split (every fourth, to keep the race detector's run short),
// each check answers as its regexp alone does.
func TestSentenceChecksAnswerAsTheirRegexps(t *testing.T) {
	checks := map[string]sentenceRegexp{"decisionVerb": decisionVerb, "relayedDecision": relayedDecision,
		"dependencyRelease": dependencyRelease, "devNotice": devNotice, "runPriority": runPriority, "ownFix": ownFix,
		"negatedClearance": negatedClearance}
	var texts []string
	for i, c := range loadCorpus(t, "train") {
		if text := c.Comment + c.Created + c.Worklog; i%4 == 0 && text != "" {
			texts = append(texts, text)
		}
	}
	matched := map[string]int{}
	for name, r := range checks {
		if r.keys == nil {
			t.Errorf("%s has no prefilter keys", name)
		}
		for _, text := range texts {
			if got, want := r.MatchString(text), r.re.MatchString(text); got != want {
				t.Errorf("%s on %q: %v, its regexp alone %v", name, text, got, want)
			} else if got {
				matched[name]++
			}
			if name != "decisionVerb" { // the one check whose matches are read
				continue
			}
			if got, want := r.FindAllStringSubmatch(text, -1), r.re.FindAllStringSubmatch(text, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("%s finds %q in %q, its regexp alone %q", name, got, text, want)
			}
		}
		if matched[name] == 0 {
			t.Errorf("%s matches no text of the train split: the test proves nothing for it", name)
		}
	}
}

// own-slip finds the writer's own ticket slipping or making the sprint, said
// of the ticket or by the writer, and not a plan that names other work or
// speaks for the team.
func TestOwnSlipPattern(t *testing.T) {
	p := builtinPatterns["own-slip"]
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"not going to make it this sprint, carrying over", true},
		{"I won't finish this sprint, the migration took longer.", true},
		{"Will finish this sprint, only the cancel reason left.", true},
		{"I’ll get it done this sprint.", true},
		{"Carrying this over to the next sprint, the API part is done.", true},
		{"Carrying this over to OPS Sprint 42; the ledger part took longer than the estimate.", true},
		{"Reviews took the week, so rolling it over.", true},
		{"This got carried over again.", true},
		{"OPS-12 won't make it this sprint.", false},
		{"We won't make the sprint goal.", false},
		{"Carrying over OPS-12 and OPS-13 into sprint 44.", false},
		{"Carry over, it is the first item of sprint 70.", false},
		{"The rest (6 stories) is carry over.", false},
		{"This carried over twice already.", false},
		{"Will this make it this sprint?", false},
	} {
		indexed := indexText(tt.text)
		if _, got := p.find(&indexed); got != tt.want {
			t.Errorf("own-slip in %q = %v, want %v", tt.text, got, tt.want)
		}
	}
}
