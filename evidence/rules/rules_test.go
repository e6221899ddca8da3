package rules

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

func mustLoad(t *testing.T, file string) *RuleSet {
	t.Helper()
	rs, err := LoadRules("rules.yaml", []byte(file))
	if err != nil {
		t.Fatalf("LoadRules: %v", err)
	}
	return rs
}

func rulesOf(evs []evidence.Evidence) []string {
	var out []string
	for _, ev := range evs {
		out = append(out, ev.Rule)
	}
	return out
}

func TestBuiltinRulesLoadAndDescribeThemselves(t *testing.T) {
	rs := BuiltinRules()
	if len(rs.Rules()) < 40 {
		t.Fatalf("only %d built-in rules", len(rs.Rules()))
	}
	for _, r := range rs.Rules() {
		if r.Origin != OriginBuiltin || r.File != builtinRulesName || r.Line == 0 {
			t.Errorf("%s: origin %s at %s:%d", r.ID, r.Origin, r.File, r.Line)
		}
		if !strings.HasPrefix(r.Description, "Claims "+r.Category) || strings.Contains(r.Description, "  ") {
			t.Errorf("%s: description %q", r.ID, r.Description)
		}
		var back map[string]any
		if err := yaml.Unmarshal([]byte(r.YAML), &back); err != nil || back["id"] != r.ID {
			t.Errorf("%s: YAML does not read back (%v):\n%s", r.ID, err, r.YAML)
		}
	}
	if got := slices.Clone(rs.Categories()); !slices.EqualFunc(got, evidence.Categories, func(a, b evidence.Category) bool { return a == b }) {
		t.Errorf("built-in categories = %v", got)
	}
}

func TestRuleShowsWhatItMatches(t *testing.T) {
	r, ok := BuiltinRules().Rule("change.priority")
	if !ok {
		t.Fatal("no change.priority")
	}
	if want := "Claims prioritization (confidence 0.85) for a change of yours when not (you created the issue at most 10 minutes before), and it changes Priority."; r.Description != want {
		t.Errorf("description = %q, want %q", r.Description, want)
	}
	if want := "id: change.priority\ncategory: prioritization\nsource: change\nconfidence: 0.85\nwhen:\n  not: {filed-within: {minutes: 10}}\nmatch:\n  changed: {field: priority}\n"; r.YAML != want {
		t.Errorf("YAML =\n%s\nwant\n%s", r.YAML, want)
	}
	chase, _ := BuiltinRules().Rule("comment.chase-blocker")
	if !strings.HasSuffix(chase.Description, " The text model never withholds its claim.") || !strings.Contains(chase.YAML, "model-veto: false") {
		t.Errorf("a rule the model may not veto does not say so:\n%s\n%s", chase.Description, chase.YAML)
	}
	sprint, _ := BuiltinRules().Rule("comment.sprint")
	if want := ", unless the issue is assigned to you and its text matches \"own-slip\": then no rule and not the text model claims sprint-planning for it."; !strings.HasSuffix(sprint.Description, want) {
		t.Errorf("comment.sprint's description = %q, want it to end %q", sprint.Description, want)
	}
	unflag, _ := BuiltinRules().Rule("change.unflag")
	if !strings.Contains(unflag.YAML, "someone-elses-issue: true") || strings.Contains(unflag.YAML, "*") {
		t.Errorf("an aliased condition is not expanded:\n%s", unflag.YAML)
	}
}

// A rule's unless rules its category out of an activity: neither the rule,
// a later rule of the category nor the text model claims it there.
func TestUnlessRulesTheCategoryOut(t *testing.T) {
	rs := mustLoad(t, `categories:
  - id: research
    title: Customer research
rules:
  - id: comment.customer-call
    category: research
    source: comment
    confidence: 0.7
    unless: {text: {phrases: ['\bno research\b']}}
    match: {text: {phrases: ['\bcustomer call\b']}}
  - id: comment.interview
    category: research
    source: comment
    confidence: 0.6
    match: {text: {phrases: ['\binterviews?\b']}}
`)
	lees := clfIssue("Story", clfLee, clfLee)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Customer call with Acme this morning.", []string{"comment.customer-call"}},
		{"Three interviews booked for Friday.", []string{"comment.interview"}},
		{"Three interviews booked for Friday, no research though.", nil},
	} {
		var got []string
		for _, ev := range rs.Classify(clfComment(tt.text), lees, clfMe) {
			if ev.Category == "research" {
				got = append(got, ev.Rule)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: research from %v, want %v", tt.text, got, tt.want)
		}
	}
	r, _ := rs.Rule("comment.customer-call")
	if want := `, unless its text matches one of 1 phrases: then no rule and not the text model claims research for it.`; !strings.HasSuffix(r.Description, want) {
		t.Errorf("description = %q, want it to end %q", r.Description, want)
	}
	if !strings.Contains(r.YAML, "unless:") {
		t.Errorf("YAML has no unless:\n%s", r.YAML)
	}
}

// Every built-in rule written back in a user file, as `rules show` prints
// it, overrides itself without changing anything.
func TestBuiltinRulesRoundTripThroughAUserFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("rules:\n")
	for _, r := range BuiltinRules().Rules() {
		for i, line := range strings.Split(strings.TrimRight(r.YAML, "\n"), "\n") {
			if i == 0 {
				b.WriteString("  - " + line + "\n")
			} else {
				b.WriteString("    " + line + "\n")
			}
		}
	}
	rs := mustLoad(t, b.String())
	for _, r := range rs.Rules() {
		if r.Origin != OriginOverridden {
			t.Errorf("%s: origin %s", r.ID, r.Origin)
		}
		if want, _ := BuiltinRules().Rule(r.ID); want.YAML != r.YAML || want.Description != r.Description {
			t.Errorf("%s changed on the round trip:\n%s\nwant\n%s", r.ID, r.YAML, want.YAML)
		}
	}
	mine := clfIssue("Story", clfLee, clfLee)
	for _, a := range []evidence.Activity{
		clfComment("Decision: we go with option B because it survives device changes."),
		clfChange(sysItem("priority", "Medium", "High"), customItem("Sprint", "customfield_10020", "", "S14")),
	} {
		if got, want := rulesOf(rs.Classify(a, mine, clfMe)), rulesOf(Classify(a, mine, clfMe)); !slices.Equal(got, want) {
			t.Errorf("round-tripped rules give %v, built-in %v", got, want)
		}
	}
}

const customerFile = `# A team that runs customer calls.
categories:
  - id: customer-research
    title: Customer research
    competency: Product judgment
    suggestion: Join a customer call and write down what you learned in the ticket.
patterns:
  customer-call:
    sentence: [not-code]
    phrases:
      - '\bcustomer (?:call|interview)s?\b'
      - '\b(?:spoke|talked) (?:to|with) (?:\d+|two|three|four|five) customers\b'
rules:
  - id: comment.customer-call
    category: customer-research
    source: comment
    confidence: 0.7
    match:
      text: {pattern: customer-call, min-words: 5}
  - id: change.labels
    disabled: true
  - id: change.priority
    confidence: 0.9
`

func TestUserFileAddsOverridesAndDisables(t *testing.T) {
	rs := mustLoad(t, customerFile)
	lees := clfIssue("Story", clfLee, clfLee)

	call := clfComment("Customer call notes: two of three want CSV, none wants PDF.")
	if got := rulesOf(rs.Classify(call, lees, clfMe)); !slices.Equal(got, []string{"comment.customer-call"}) {
		t.Errorf("new rule: got %v", got)
	}
	if got := rulesOf(Classify(call, lees, clfMe)); len(got) != 0 {
		t.Errorf("the built-in rules claim a customer call: %v", got)
	}
	cats := rs.Categories()
	if last := cats[len(cats)-1]; last.ID != "customer-research" || last.Competency != "Product judgment" || last.Title != "Customer research" {
		t.Errorf("user category = %+v", last)
	}

	labels := clfChange(sysItem("labels", "", "checkout"))
	unassigned := clfIssue("Story", clfLee, evidence.User{})
	if got := rulesOf(rs.Classify(labels, unassigned, clfMe)); len(got) != 0 {
		t.Errorf("disabled rule still gives %v", got)
	}
	if got := rulesOf(Classify(labels, unassigned, clfMe)); !slices.Equal(got, []string{"change.labels"}) {
		t.Errorf("built-in labels rule: %v", got)
	}

	prio := rs.Classify(clfChange(sysItem("priority", "Low", "High")), lees, clfMe)
	if len(prio) != 1 || prio[0].Confidence != 0.9 || prio[0].Excerpt != "Priority: Low → High" {
		t.Errorf("overridden priority rule gives %+v", prio)
	}

	origins := map[string]RuleOrigin{}
	for _, r := range rs.Rules() {
		origins[r.ID] = r.Origin
	}
	for id, want := range map[string]RuleOrigin{"comment.customer-call": OriginUser, "change.labels": OriginDisabled,
		"change.priority": OriginOverridden, "change.sprint": OriginBuiltin} {
		if origins[id] != want {
			t.Errorf("%s: origin %s, want %s", id, origins[id], want)
		}
	}
	if r, _ := rs.Rule("change.priority"); r.File != "rules.yaml" || r.Line != 22 || !strings.Contains(r.YAML, "confidence: 0.9\nwhen:\n  not: {filed-within: {minutes: 10}}\nmatch:\n  changed: {field: priority}") {
		t.Errorf("overridden rule shown at %s:%d as\n%s", r.File, r.Line, r.YAML)
	}
}

func TestRulesCheckNamesTheLineOfEveryProblem(t *testing.T) {
	tests := []struct {
		name, file string
		want       []string // "LINE: text in the message"
	}{
		{"unknown matcher", "rules:\n  - id: comment.x\n    category: decision-making\n    source: comment\n    confidence: 0.5\n    match:\n      textt: {min-words: 3}\n",
			[]string{`7: unknown matcher "textt" (did you mean "text"?)`}},
		{"bad regexp", "rules:\n  - id: comment.x\n    category: decision-making\n    source: comment\n    confidence: 0.5\n    match:\n      text:\n        phrases:\n          - 'fine'\n          - '(unclosed'\n",
			[]string{`10: bad regexp "(unclosed": missing closing ) at "(unclosed"`}},
		{"unknown category", "rules:\n  - id: comment.x\n    category: decisions\n    source: comment\n    confidence: 0.5\n    match: {text: {min-words: 3}}\n",
			[]string{`3: unknown category "decisions"`}},
		{"duplicate id", "rules:\n  - id: comment.x\n    category: decision-making\n    source: comment\n    confidence: 0.5\n    match: {text: {min-words: 3}}\n  - id: comment.x\n    category: decision-making\n    source: comment\n    confidence: 0.5\n    match: {text: {min-words: 3}}\n",
			[]string{`7: duplicate rule id comment.x (first at line 2)`}},
		{"a duplicate's own problems", "rules:\n  - id: comment.x\n    category: decision-making\n    source: comment\n    confidence: 0.5\n    match: {text: {min-words: 3}}\n" +
			"  - id: comment.x\n    category: decision-making\n    source: comment\n    confidence: -1\n    match: {textt: {pattern: decisions}}\n",
			[]string{`7: duplicate rule id comment.x (first at line 2)`, "10: confidence -1 is not in (0, 1]", `11: unknown matcher "textt"`}},
		{"a duplicate override of a built-in rule", "rules:\n  - id: change.priority\n    confidence: 0.5\n  - id: change.priority\n    confidence: 2\n",
			[]string{`4: duplicate rule id change.priority (first at line 2)`, "5: confidence 2 is not in (0, 1]"}},
		{"an empty id", "rules:\n  - id: \n    category: decision-making\n", []string{"2: the rule's id is empty"}},
		{"missing fields", "rules:\n  - id: comment.x\n    category: decision-making\n",
			[]string{"2: missing field: rule comment.x needs a source", "2: missing field: rule comment.x needs a confidence", "2: missing field: rule comment.x needs conditions"}},
		{"missing id", "rules:\n  - category: decision-making\n", []string{"2: missing field: a rule needs an id"}},
		{"unknown pattern", "rules:\n  - id: comment.x\n    category: decision-making\n    source: comment\n    confidence: 0.5\n    match: {text: {pattern: decisions}}\n",
			[]string{`6: unknown pattern "decisions" (did you mean "decision"?)`}},
		{"confidence out of range", "rules:\n  - id: change.priority\n    confidence: 1.5\n", []string{"3: confidence 1.5 is not in (0, 1]"}},
		{"unknown source", "rules:\n  - id: change.priority\n    source: changes\n", []string{`3: unknown source "changes"`}},
		{"unknown quote", "rules:\n  - id: change.priority\n    quote: middle\n", []string{`3: unknown quote "middle"; use match`}},
		{"a model veto that is no bool", "rules:\n  - id: comment.decision\n    model-veto: sometimes\n", []string{`3: model-veto is true (the default`}},
		{"unless that is no condition", "rules:\n  - id: comment.decision\n    unless: [assignee, me]\n", []string{`3: conditions are a mapping`}},
		{"filed-within without minutes", "rules:\n  - id: change.priority\n    when: {filed-within: {}}\n", []string{`3: filed-within needs minutes`}},
		{"a rule that can never match", "rules:\n  - id: change.priority\n    source: comment\n", []string{"2: rule change.priority never matches: its conditions hold only for a change, but it is for a comment"}},
		{"an unless that can never hold", "rules:\n  - id: comment.decision\n    unless: {changed: {field: priority}}\n",
			[]string{"2: rule comment.decision: its unless never holds: its conditions hold only for a change, but the rule is for a comment"}},
		{"disabling a rule that does not exist", "rules:\n  - id: change.priorty\n    disabled: true\n", []string{`2: no built-in rule change.priorty to disable (did you mean "change.priority"?)`}},
		{"redefining a built-in category", "categories:\n  - id: prioritization\n    title: Mine\n", []string{"2: category prioritization is a built-in category"}},
		{"redefining a built-in pattern", "patterns:\n  decision:\n    phrases: ['x']\n", []string{"2: pattern decision is already defined"}},
		{"a category without a title", "categories:\n  - id: research\n", []string{"2: missing field: category research needs a title"}},
		{"a competency misspelt", "categories:\n  - id: research\n    title: Research\n    competency: Product judgement\n",
			[]string{`4: competency "Product judgement" is not "Product judgment": a typo would show as a competency of its own`}},
		{"a competency in other case", "categories:\n  - id: research\n    title: Research\n    competency: product judgment\n",
			[]string{`4: competency "product judgment" is not "Product judgment"`}},
		{"unknown key in a rule", "rules:\n  - id: change.priority\n    confidense: 0.5\n", []string{`3: unknown key "confidense" in a rule`}},
		{"unknown top-level key", "rule:\n  - id: x\n", []string{`1: unknown key "rule"; a rules file has`}},
		// The parser names the line where the block around a YAML error
		// starts; the problem is on the line that breaks it.
		{"not YAML", "rules:\n  - id: x\n    category: [unclosed\n", []string{"3: not valid YAML: did not find expected ',' or ']'"}},
		{"a tab in the indentation", "rules:\n  - id: x\n\tcategory: y\n", []string{"3: not valid YAML: found a tab character"}},
		{"a key indented less than its rule", "rules:\n  - id: x\n    category: unblocking\n   source: comment\n    confidence: 0.5\n",
			[]string{"4: not valid YAML: did not find expected '-' indicator"}},
		{"a key indented too far", "rules:\n  - id: a\n    disabled: true\n  - id: b\n     disabled: true\n",
			[]string{"5: not valid YAML: mapping values are not allowed in this context"}},
		{"an unclosed quote", "rules:\n  - id: x\n    category: 'unblocking\n    source: comment\n", []string{"3: not valid YAML: "}},
		{"bad value of a matcher", "rules:\n  - id: change.x\n    category: decision-making\n    source: change\n    confidence: 0.5\n    match:\n      changed: {field: status, cleared: maybe}\n",
			[]string{"7: want true or false here"}},
		{"unknown sentence filter", "patterns:\n  mine:\n    sentence: [no-code]\n    phrases: ['x']\n", []string{`3: unknown sentence filter "no-code"`}},
		{"regexp that matches everything", "patterns:\n  mine:\n    phrases: ['x*']\n", []string{`3: regexp "x*" matches empty text`}},
		{"unknown value", "rules:\n  - id: change.x\n    category: decision-making\n    source: change\n    confidence: 0.5\n    when: {assignee: mine}\n    match: {changed: {field: status}}\n",
			[]string{`6: "mine" is not one of "me", "not-me", "someone-else" or "nobody"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs := CheckRules("my-rules.yaml", []byte(tt.file))
			var got []string
			for _, p := range probs {
				if p.File != "my-rules.yaml" {
					t.Errorf("problem in file %q: %s", p.File, p)
				}
				got = append(got, p.String())
			}
			for _, w := range tt.want {
				if !slices.ContainsFunc(got, func(g string) bool {
					return strings.HasPrefix(g, "my-rules.yaml:"+w) || strings.Contains(g, "my-rules.yaml:"+w)
				}) {
					t.Errorf("want a problem my-rules.yaml:%s…, got:\n%s", w, strings.Join(got, "\n"))
				}
			}
			if len(got) == 0 {
				t.Error("no problem found")
			}
			// A broken file is refused whole, never used in part.
			rs, err := LoadRules("my-rules.yaml", []byte(tt.file))
			var re *RulesError
			if rs != nil || !errors.As(err, &re) || len(re.Problems) != len(probs) {
				t.Errorf("LoadRules = %v, %v; want a *RulesError with every problem", rs, err)
			}
		})
	}
}

func TestRulesCheckAcceptsGoodFiles(t *testing.T) {
	for name, file := range map[string]string{
		"empty":            "",
		"comments":         "# nothing yet\n",
		"version":          "version: 1\n",
		"example":          customerFile,
		"automation":       "automation-accounts: [svc-release, Release Bot]\n",
		"a new competency": "categories:\n  - id: research\n    title: Research\n    competency: Product sense\n",
		"source list":      "rules:\n  - id: any.long-note\n    category: stakeholder-communication\n    source: [comment, worklog]\n    confidence: 0.4\n    match: {text: {min-words: 80}}\n",
	} {
		if probs := CheckRules(name, []byte(file)); probs != nil {
			t.Errorf("%s: %v", name, probs)
		}
	}
}

// condOf compiles one condition written as YAML against the built-in patterns.
func condOf(t *testing.T, src string) cond {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(src), &n); err != nil {
		t.Fatal(err)
	}
	probs := &problemList{}
	fc := &fileCtx{file: "test", probs: probs, c: &compiler{rs: BuiltinRules(), probs: probs}}
	c := fc.condition(n.Content[0])
	if len(probs.list) > 0 || c.eval == nil {
		t.Fatalf("condition %q: %v", src, probs.list)
	}
	return c
}

func TestMatchers(t *testing.T) {
	bot := evidence.User{ID: "557058:f581", DisplayName: "Automation for Jira", AccountType: evidence.AccountTypeApp}
	serverBot := evidence.User{ID: "JIRAUSER10900", Name: "jira-automation", DisplayName: "Jira Automation"}
	lees := clfIssue("Story", clfLee, clfLee)
	botIssue := clfIssue("Task", bot, evidence.User{})
	botIssue.Links = []evidence.IssueLink{{Type: "Relates", OtherKey: "PAY-7", OtherProject: "PAY"}}
	done := lees
	done.Status, done.StatusCategory = "Shipped", "done"
	wontDo := clfIssue("Story", clfLee, clfLee)
	wontDo.Resolution, wontDo.Resolved = "Won't Do", &clfAt
	question := clfComment("[~accountid:5b10ac8d82e05b22cc7d4ef5] is it ok to skip the canary for this one?")
	question.Author = clfLee
	answered := clfComment("Yes, it's config only, you can skip it.")
	answered.InReplyTo = &question
	botAsks := question
	botAsks.Author = bot
	botAnswered := answered
	botAnswered.InReplyTo = &botAsks
	byBot := clfComment("Moved automatically.")
	byBot.Author = bot
	justFiled := clfIssue("Task", clfMe, evidence.User{})
	justFiled.Created = clfAt.Add(-9 * time.Minute)
	filedByLee := justFiled
	filedByLee.Reporter, filedByLee.Creator = clfLee, clfLee
	filedEarlier := justFiled
	filedEarlier.Created = clfAt.Add(-11 * time.Minute)

	tests := []struct {
		name  string
		cond  string
		act   evidence.Activity
		issue evidence.Issue
		want  bool
	}{
		{"issue-type matches ignoring case", "issue-type: [story, Epic]", clfComment("x"), lees, true},
		{"issue-type other", "issue-type: Bug", clfComment("x"), lees, false},
		{"status-category of the issue now", "status-category: done", clfComment("x"), done, true},
		{"status-category other", "status-category: [new, done]", clfComment("x"), lees, false},
		{"assignee me", "assignee: me", clfComment("x"), clfIssue("Story", clfLee, clfMe), true},
		{"assignee not-me", "assignee: not-me", clfComment("x"), lees, true},
		{"assignee someone-else", "assignee: someone-else", clfComment("x"), botIssue, false},
		{"assignee nobody", "assignee: nobody", clfComment("x"), botIssue, true},
		{"reporter me", "reporter: me", clfComment("x"), clfIssue("Story", clfMe, clfLee), true},
		{"reporter not-me", "reporter: not-me", clfComment("x"), lees, true},
		{"reporter someone-else", "reporter: someone-else", clfComment("x"), lees, true},
		{"reporter automation", "reporter: automation", clfComment("x"), botIssue, true},
		{"reporter automation is not a person's issue", "reporter: automation", clfComment("x"), lees, false},
		{"someone else's issue", "someone-elses-issue: true", clfComment("x"), lees, true},
		{"an issue only a bot touched is nobody's", "someone-elses-issue: true", clfComment("x"), botIssue, false},
		{"not someone else's", "someone-elses-issue: false", clfComment("x"), clfIssue("Story", clfMe, clfMe), true},
		{"linked to another project", "linked-to-other-project: true", clfComment("x"), botIssue, true},
		{"not linked to another project", "linked-to-other-project: true", clfComment("x"), lees, false},
		{"resolved within minutes", "resolved-within: {minutes: 1, resolution: [Won't Do]}", clfComment("x"), wontDo, true},
		{"resolved otherwise", "resolved-within: {minutes: 1, resolution: [Done]}", clfComment("x"), wontDo, false},
		{"filed by the user within minutes", "filed-within: {minutes: 10}", clfChange(sysItem("priority", "Medium", "Low")), justFiled, true},
		{"filed by someone else within minutes", "filed-within: {minutes: 10}", clfChange(sysItem("priority", "Medium", "Low")), filedByLee, false},
		{"filed by the user earlier", "filed-within: {minutes: 10}", clfChange(sysItem("priority", "Medium", "Low")), filedEarlier, false},
		{"filed at an unknown time", "filed-within: {minutes: 10}", clfChange(sysItem("priority", "Medium", "Low")), clfIssue("Task", clfMe, clfMe), false},
		{"issue-mentions the summary", "issue-mentions: {phrases: ['\\bcart\\b']}", clfComment("x"), lees, true},
		{"changed by field name", "changed: {field: Story Points}", clfChange(customItem("Story Points", "customfield_10002", "", "3")), lees, true},
		{"changed by custom field id", "changed: {field: customfield_10002}", clfChange(customItem("Story Points", "customfield_10002", "", "3")), lees, true},
		{"changed by a site's own field name", "changed: {field: Team}", clfChange(customItem("team", "customfield_10001", "", "Payments")), lees, true},
		{"changed from and to", "changed: {field: status, from: Blocked, to: [In Progress]}", clfChange(sysItem("status", "Blocked", "In Progress")), lees, true},
		{"changed not-from", "changed: {field: status, not-from: Blocked}", clfChange(sysItem("status", "Blocked", "In Progress")), lees, false},
		{"changed not-to", "changed: {field: status, not-to: [Done]}", clfChange(sysItem("status", "To Do", "Done")), lees, false},
		{"changed to a done category by the issue's status", "changed: {field: status, to-category: done}", clfChange(sysItem("status", "In QA", "Shipped")), done, true},
		{"changed to a done category by a usual name", "changed: {field: status, to-category: done}", clfChange(sysItem("status", "In QA", "Closed")), lees, true},
		{"changed to another category", "changed: {field: status, to-category: done}", clfChange(sysItem("status", "To Do", "In QA")), lees, false},
		{"changed cleared", "changed: {field: flagged, cleared: true}", clfChange(evidence.ChangeItem{Field: "Flagged", FieldType: "custom", From: "[1]", FromString: "Impediment"}), lees, true},
		{"link added", "changed: {field: link, link-added: [split to]}", clfChange(linkItem("", "", "OPS-9", "This issue split to OPS-9")), lees, true},
		{"link removed", "changed: {field: link, link-removed: [is blocked by]}", clfChange(linkItem("OPS-9", "This issue is blocked by OPS-9", "", "")), lees, true},
		{"link to another project", "changed: {field: link, link-to-other-project: true}", clfChange(linkItem("", "", "PAY-9", "This issue relates to PAY-9")), lees, true},
		{"with a reason", "changed: {field: resolution, with-reason: true}", clfChange(sysItem("resolution", "", "Won't Do"), customItem("Reason", "customfield_1", "", "Partner API retired")), lees, true},
		{"without a reason", "changed: {field: resolution, with-reason: true}", clfChange(sysItem("resolution", "", "Won't Do")), lees, false},
		{"edited adds words", "edited: {field: description, min-words: 3}", clfChange(sysItem("description", "Cart.", "Cart. Keep it a week.")), lees, true},
		{"edited with phrases", "edited: {field: description, phrases: ['\\bweek\\b']}", clfChange(sysItem("description", "Cart.", "Cart. Keep it a month.")), lees, false},
		{"text with min-words", "text: {min-words: 3}", clfComment("one two"), lees, false},
		{"text pattern by name", "text: decision", clfComment("Decision: we keep carts for 7 days."), lees, true},
		{"text phrases with a sentence filter", "text: {phrases: ['\\bout of scope\\b'], sentence: [not-code]}", clfComment("Out of scope for this PR."), lees, false},
		{"text phrases in a question", "text: {phrases: ['\\bship\\b']}", clfComment("Can we ship?"), lees, false},
		{"text phrases allowing questions", "text: {phrases: ['\\bship\\b'], questions: true}", clfComment("Can we ship?"), lees, true},
		{"text key in another project", "text: {phrases: ['\\braised ([A-Z]+-\\d+)'], key-in-other-project: true}", clfComment("Raised PAY-77 for the refund change."), lees, true},
		{"text key in the same project", "text: {phrases: ['\\braised ([A-Z]+-\\d+)'], key-in-other-project: true}", clfComment("Raised OPS-77 for the refund change."), lees, false},
		{"mentions another project", "mentions-other-project: true", clfComment("See PAY-12 for details."), lees, true},
		{"mentions the same project", "mentions-other-project: true", clfComment("See OPS-12 for details."), lees, false},
		{"flag added note", "flag-added-note: true", clfComment("(flag) Flag added\n\nWaiting for keys."), lees, true},
		{"not a flag added note", "flag-added-note: false", clfComment("(flag) Flag added\n\nWaiting for keys."), lees, false},
		{"flag removed note", "flag-removed-note: {min-words: 3}", clfComment("(flagoff) Flag removed\n\nKeys arrived, go ahead."), lees, true},
		{"flag removed without a note", "flag-removed-note: {min-words: 3}", clfComment("(flagoff) Flag removed"), lees, false},
		{"replies to a person's question", "replies-to-question: {question: blocking-question, answer: {pattern: decisive-answer, min-words: 5}}", answered, lees, true},
		{"replies to a bot's question", "replies-to-question: {question: blocking-question}", botAnswered, lees, false},
		{"no question before", "replies-to-question: {}", clfComment("Yes, it's config only, you can skip it."), lees, false},
		{"author is automation", "author: automation", byBot, lees, true},
		{"a Server bot by its name", "author: automation", evidence.Activity{Author: serverBot}, lees, true},
		{"author is a person", "author: person", clfComment("x"), lees, true},
		{"any holds when one holds", "any: [{issue-type: Bug}, {assignee: not-me}]", clfComment("x"), lees, true},
		{"all needs every one", "all: [{issue-type: Story}, {assignee: me}]", clfComment("x"), lees, false},
		{"not inverts", "not: {issue-type: Bug}", clfComment("x"), lees, true},
		{"a mapping needs every key", "{issue-type: Story, assignee: nobody}", clfComment("x"), lees, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := condOf(t, tt.cond)
			_, got := c.eval(&subject{a: tt.act, is: tt.issue, me: clfMe, rs: BuiltinRules()})
			if got != tt.want {
				t.Errorf("%s on %q = %v, want %v", tt.cond, tt.act.Text, got, tt.want)
			}
			if c.desc == "" {
				t.Error("no description")
			}
		})
	}
}

func TestEveryMatcherIsTested(t *testing.T) {
	// TestMatchers names each matcher in a condition; a new matcher needs a row.
	tested := "issue-type status-category assignee reporter someone-elses-issue linked-to-other-project resolved-within filed-within issue-mentions changed edited text mentions-other-project flag-added-note flag-removed-note replies-to-question author any all not"
	for _, m := range Matchers() {
		if !slices.Contains(strings.Fields(tested), m.Name) {
			t.Errorf("matcher %s has no rows in TestMatchers", m.Name)
		}
		if m.Takes == "" || m.Holds == "" {
			t.Errorf("matcher %s is not documented", m.Name)
		}
	}
}

func TestAutomationAccountsOfTheRulesFile(t *testing.T) {
	rs := mustLoad(t, "automation-accounts: [Release Train]\n")
	s := &subject{rs: rs}
	for _, u := range []evidence.User{
		{ID: "1", DisplayName: "Release Train"},
		{ID: "2", DisplayName: "dependabot[bot]"},
		{ID: "3", Name: "svc-deploy", DisplayName: "Deploy"},
		{ID: "4", DisplayName: "Automation for Jira", AccountType: evidence.AccountTypeApp},
	} {
		if !s.isAutomation(u) {
			t.Errorf("%+v is not automation", u)
		}
	}
	if s.isAutomation(evidence.User{ID: "5", DisplayName: "Robert Botham"}) || s.isAutomation(clfLee) {
		t.Error("a person is automation")
	}
}

func TestWithReplies(t *testing.T) {
	at := func(min int) time.Time { return clfAt.Add(time.Duration(min) * time.Minute) }
	c := func(id string, who evidence.User, min int, text string) evidence.Activity {
		return evidence.Activity{IssueID: "1", Source: evidence.SourceComment, SourceID: id, Author: who, At: at(min), Text: text}
	}
	ana := evidence.User{ID: "ana", Name: "ana"}
	acts := []evidence.Activity{
		{IssueID: "1", Source: evidence.SourceIssue, SourceID: "1", Author: clfLee, At: at(0)},
		c("1", clfLee, 1, "Should we skip the canary?"),
		c("2", clfMe, 2, "Checking with security."),
		c("3", clfMe, 3, "Yes, skip it."),
		c("4", ana, 4, "Which sprint?"),
		c("5", clfLee, 5, "Also, who owns the dashboard?"),
		c("6", clfMe, 6, "[~ana] the next one."),
		c("7", clfMe, 7, "No idea."),
		c("8", clfMe, 7+24*60, "Decision: we keep the old endpoint."),
		c("9", ana, 8+24*60, "Thanks. Is the dashboard ready?"),
		c("10", clfMe, 9+24*60, "Checking."),
		c("11", clfMe, 9+3*24*60, "[~ana] FYI this slipped a few days, new ETA Friday."),
		c("12", clfLee, 10+3*24*60, "Update: staging is done."),
		c("13", clfMe, 10+24*24*60, "Update: production is done too; closing the epic Friday."),
	}
	got := markup.WithReplies(acts)
	// 8 comes a day after the user's last answer: it starts something new.
	// So does 11, though it mentions Ana, whose question 10 answered, and
	// 13, three weeks after Lee's 12.
	wantReplyTo := map[string]string{"2": "1", "3": "1", "4": "3", "5": "4", "6": "4", "7": "5", "9": "8", "10": "9", "12": "11"}
	for _, a := range got {
		if a.Source != evidence.SourceComment {
			continue
		}
		want, replies := wantReplyTo[a.SourceID]
		switch {
		case !replies && a.InReplyTo != nil:
			t.Errorf("comment %s replies to %s", a.SourceID, a.InReplyTo.SourceID)
		case replies && (a.InReplyTo == nil || a.InReplyTo.SourceID != want):
			t.Errorf("comment %s replies to %v, want %s", a.SourceID, a.InReplyTo, want)
		case replies && a.InReplyTo.InReplyTo != nil:
			t.Errorf("comment %s: the question carries its own context", a.SourceID)
		}
	}
	if acts[3].InReplyTo != nil {
		t.Error("WithReplies changed its input")
	}
}

func TestAnsweringATeammatesQuestionIsUnblocking(t *testing.T) {
	lees := clfIssue("Story", clfLee, clfLee)
	ask := func(text string, who evidence.User) *evidence.Activity {
		q := clfComment(text)
		q.Author, q.SourceID, q.At = who, "29999", clfAt.Add(-time.Hour)
		return &q
	}
	reply := func(text string, q *evidence.Activity) evidence.Activity {
		a := clfComment(text)
		a.InReplyTo = q
		return a
	}
	bot := evidence.User{ID: "bot", DisplayName: "Automation for Jira", AccountType: evidence.AccountTypeApp}
	tests := []struct {
		name string
		act  evidence.Activity
		want bool
	}{
		{"permission granted", reply("Yes, it's config only, you can skip the canary.", ask("Is it ok to skip the canary for this one?", clfLee)), true},
		{"a decision on what to use", reply("Use the staging Vault path, prod is not needed here.", ask("Do I need prod Vault access for this, or is staging enough?", clfLee)), true},
		{"an answer about code is engineering", reply("Yes, rebase on main and force-push the branch.", ask("Should I rebase before the review?", clfLee)), false},
		{"an answer to a bot is nothing", reply("Yes, still needed, keep it open please.", ask("Is it ok to close this stale issue?", bot)), false},
		{"an answer to small talk is nothing", reply("Yes, the demo went really well this morning.", ask("How was the demo?", clfLee)), false},
		{"a question back is no answer", reply("Do you mean the EU canary or the US one?", ask("Is it ok to skip the canary?", clfLee)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Contains(rulesOf(Classify(tt.act, lees, clfMe)), "comment.answer")
			if got != tt.want {
				t.Errorf("comment.answer = %v, want %v (%v)", got, tt.want, rulesOf(Classify(tt.act, lees, clfMe)))
			}
		})
	}
}

// CLASSIFIER.md documents every matcher and sentence filter.
func TestClassifierDocumentsEveryMatcher(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "CLASSIFIER.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range Matchers() {
		if !strings.Contains(string(doc), "| `"+m.Name+"` |") {
			t.Errorf("CLASSIFIER.md has no row for matcher %s", m.Name)
		}
	}
	for _, f := range sentenceFilterNames() {
		if !strings.Contains(string(doc), "`"+f+"`") {
			t.Errorf("CLASSIFIER.md does not name sentence filter %s", f)
		}
	}
}
