package rules

import (
	"errors"
	"fmt"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pmfolio/pmfolio/evidence"
)

// cond is one compiled condition of a rule: eval holds or not, and when it
// finds something, gives the excerpt that shows it.
type cond struct {
	eval matcher
	// sources the condition can hold for; zero means any.
	sources sourceSet
	// desc says what the condition means, as a clause: "the issue's type is Epic".
	desc string
}

// Matcher is one named condition of the rules file format.
type Matcher struct {
	Name string
	// Takes says what value the matcher takes in a rules file.
	Takes string
	// Holds says when the matcher holds.
	Holds string
}

// Matchers lists the conditions a rules file may use, in the order
// CLASSIFIER.md documents them.
func Matchers() []Matcher {
	var out []Matcher
	for _, m := range append(slices.Clone(matcherSpecs), combinators...) {
		out = append(out, Matcher{Name: m.name, Takes: m.takes, Holds: m.holds})
	}
	return out
}

type matcherSpec struct {
	name, takes, holds string
	build              func(fc *fileCtx, n *yaml.Node) (cond, bool)
}

// matcherSpecs are the matchers of single things. The combinators any, all
// and not are in combinators: they compile conditions, which look matchers
// up here, and a variable cannot refer to itself.
var matcherSpecs = []matcherSpec{
	{"issue-type", "a type name or a list", "the issue's type is one of them (Story, Epic, Bug, …), ignoring case", buildIssueType},
	{"status-category", "new, indeterminate or done, or a list", "the issue's status is now in one of those categories", buildStatusCategory},
	{"assignee", "me, not-me, someone-else or nobody", "the issue's assignee is the user, is not, is another account, or there is none", buildAssignee},
	{"reporter", "me, not-me, someone-else or automation", "the user reported or created the issue, did not, another account did, or an automation account did", buildReporter},
	{"someone-elses-issue", "true or false", "the issue is assigned to or was created by another person (not the user, not automation)", buildSomeoneElses},
	{"linked-to-other-project", "true or false", "the issue has a link to an issue of another project", buildLinkedOtherProject},
	{"resolved-within", "minutes and resolution (a list)", "the issue was resolved with one of the resolutions within that many minutes of the activity", buildResolvedWithin},
	{"filed-within", "minutes", "the user created the issue at most that many minutes before the activity: what they set then is part of filing it", buildFiledWithin},
	{"issue-mentions", "a text pattern (see text)", "the pattern matches the activity's text, the issue's summary or one of its labels", buildIssueMentions},
	{"changed", "field, and optionally from, to, not-from, not-to, to-category, adds, removes, changes-other-than, cleared, link-added, link-removed, link-to-other-project, with-reason", "the change has an item of that field (by id or name, so custom fields are found whatever their customfield number) that passes every check", buildChanged},
	{"edited", "field, min-words, and optionally pattern or phrases", "the change adds at least min-words words to the field's text, matching the pattern if one is given", buildEdited},
	{"text", "a pattern name, or pattern or phrases with questions, sentence, min-words and key-in-other-project", "the activity's own words (wiki markup and ADF made plain; code, quotes, stack traces and pasted text dropped) have min-words words and match the pattern", buildText},
	{"mentions-other-project", "true or false", "the activity's text names an issue key of another project", buildMentionsOtherProject},
	{"flag-added-note", "true or false", "the comment is the note Jira saves when someone flags the issue", buildFlagAdded},
	{"flag-removed-note", "min-words", "the comment is the note Jira saves when the flag is removed, with at least min-words words of the user's", buildFlagRemoved},
	{"replies-to-question", "question and answer, each a text pattern", "the comment answers a comment by another person (not automation) just before it or one it mentions, the question matching question and the comment matching answer", buildRepliesToQuestion},
	{"author", "automation or person", "the activity's author is an automation account (Jira Cloud's app accounts, well-known bots, automation-accounts of the rules file), or is not", buildAuthor},
}

var combinators = []matcherSpec{
	{"any", "a list of conditions", "one of them holds; the first that does gives the excerpt", nil},
	{"all", "a list of conditions", "every one holds", nil},
	{"not", "a condition", "the condition does not hold", nil},
}

func matcherNames() []string {
	var names []string
	for _, m := range Matchers() {
		names = append(names, m.Name)
	}
	return names
}

// condition compiles a mapping of matchers, all of which must hold; the
// excerpt is the first one a matcher gives, in the order they are written.
func (fc *fileCtx) condition(n *yaml.Node) cond {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		fc.problem(n, "conditions are a mapping of matcher names to their values (found %s)", kindName(n.Kind))
		return cond{}
	}
	var parts []cond
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], resolve(n.Content[i+1])
		var c cond
		ok := false
		switch key.Value {
		case "any":
			c, ok = buildAny(fc, val)
		case "all":
			c, ok = buildAll(fc, val)
		case "not":
			c, ok = buildNot(fc, val)
		default:
			idx := slices.IndexFunc(matcherSpecs, func(m matcherSpec) bool { return m.name == key.Value })
			if idx < 0 {
				fc.problem(key, "unknown matcher %q%s", key.Value, Suggest(key.Value, matcherNames()))
				continue
			}
			c, ok = matcherSpecs[idx].build(fc, val)
		}
		if ok {
			parts = append(parts, c)
		}
	}
	if len(parts) == 0 {
		if len(n.Content) == 0 {
			fc.problem(n, "empty conditions")
		}
		return cond{}
	}
	return allOf(parts)
}

func allOf(parts []cond) cond {
	if len(parts) == 1 {
		return parts[0]
	}
	var descs []string
	var sources sourceSet
	for _, p := range parts {
		descs = append(descs, p.desc)
		if p.sources != 0 {
			if sources == 0 {
				sources = p.sources
			} else {
				sources &= p.sources
			}
		}
	}
	evals := make([]matcher, len(parts))
	for i, p := range parts {
		evals[i] = p.eval
	}
	return cond{
		desc:    strings.Join(descs, " and "),
		sources: sources,
		eval: func(s *subject) (string, bool) {
			excerpt := ""
			for _, e := range evals {
				x, ok := e(s)
				if !ok {
					return "", false
				}
				if excerpt == "" {
					excerpt = x
				}
			}
			return excerpt, true
		},
	}
}

func (fc *fileCtx) conditionList(n *yaml.Node, name string) ([]cond, bool) {
	if !fc.kind(n, yaml.SequenceNode, name+" takes a list of conditions") {
		return nil, false
	}
	if len(n.Content) == 0 {
		fc.problem(n, "%s needs at least one condition", name)
		return nil, false
	}
	var out []cond
	for _, item := range n.Content {
		c := fc.condition(item)
		if c.eval == nil {
			return nil, false
		}
		out = append(out, c)
	}
	return out, true
}

func buildAny(fc *fileCtx, n *yaml.Node) (cond, bool) {
	parts, ok := fc.conditionList(n, "any")
	if !ok {
		return cond{}, false
	}
	if len(parts) == 1 {
		return parts[0], true
	}
	var descs []string
	var sources sourceSet
	for _, p := range parts {
		descs = append(descs, p.desc)
		if p.sources == 0 {
			sources = 0xff
		}
		sources |= p.sources
	}
	if sources == 0xff {
		sources = 0
	}
	evals := make([]matcher, len(parts))
	for i, p := range parts {
		evals[i] = p.eval
	}
	return cond{
		desc:    "either " + joinWords(descs, "or"),
		sources: sources,
		eval: func(s *subject) (string, bool) {
			for _, e := range evals {
				if x, ok := e(s); ok {
					return x, true
				}
			}
			return "", false
		},
	}, true
}

func buildAll(fc *fileCtx, n *yaml.Node) (cond, bool) {
	parts, ok := fc.conditionList(n, "all")
	if !ok {
		return cond{}, false
	}
	return allOf(parts), true
}

func buildNot(fc *fileCtx, n *yaml.Node) (cond, bool) {
	inner := fc.condition(n)
	if inner.eval == nil {
		return cond{}, false
	}
	e := inner.eval
	return cond{
		desc: "not (" + inner.desc + ")",
		eval: func(s *subject) (string, bool) {
			_, ok := e(s)
			return "", !ok
		},
	}, true
}

// boolMatcher builds a matcher that takes true or false: true holds when g
// does (and only for the sources given, if any), false when it does not.
func boolMatcher(fc *fileCtx, n *yaml.Node, g guard, yes, no string, sourcesIfTrue sourceSet) (cond, bool) {
	want, ok := fc.boolean(n)
	if !ok {
		return cond{}, false
	}
	if !want {
		return guardCond(not(g), no), true
	}
	c := guardCond(g, yes)
	c.sources = sourcesIfTrue
	return c, true
}

// guardCond makes a condition of a guard, which gives no excerpt.
func guardCond(g guard, desc string) cond {
	return cond{desc: desc, eval: func(s *subject) (string, bool) { return "", g(s) }}
}

// ---- Issue matchers ----

func buildIssueType(fc *fileCtx, n *yaml.Node) (cond, bool) {
	types, ok := fc.strList(n)
	if !ok {
		return cond{}, false
	}
	return guardCond(typeIs(types...), "the issue's type is "+quoteList(types)), true
}

func buildStatusCategory(fc *fileCtx, n *yaml.Node) (cond, bool) {
	cats, ok := fc.strList(n)
	if !ok {
		return cond{}, false
	}
	for _, c := range cats {
		if !containsString([]string{"new", "indeterminate", "done"}, c) {
			fc.problem(n, "status category %q is not new, indeterminate or done", c)
			return cond{}, false
		}
	}
	return guardCond(func(s *subject) bool { return containsString(cats, s.is.StatusCategory) },
		"the issue's status category is "+joinOr(cats)), true
}

func buildAssignee(fc *fileCtx, n *yaml.Node) (cond, bool) {
	v, ok := fc.oneOf(n, "me", "not-me", "someone-else", "nobody")
	if !ok {
		return cond{}, false
	}
	switch v {
	case "me":
		return guardCond(func(s *subject) bool { return s.is.Assignee.Is(s.me) }, "the issue is assigned to you"), true
	case "not-me":
		return guardCond(notAssignedToMe, "the issue is not assigned to you"), true
	case "someone-else":
		return guardCond(func(s *subject) bool { return s.is.Assignee.ID != "" && !s.is.Assignee.Is(s.me) },
			"the issue is assigned to someone else"), true
	}
	return guardCond(func(s *subject) bool { return s.is.Assignee.ID == "" }, "the issue is unassigned"), true
}

func buildReporter(fc *fileCtx, n *yaml.Node) (cond, bool) {
	v, ok := fc.oneOf(n, "me", "not-me", "someone-else", "automation")
	if !ok {
		return cond{}, false
	}
	switch v {
	case "me":
		return guardCond(func(s *subject) bool { return s.is.CreatedBy(s.me) }, "you created the issue"), true
	case "not-me":
		return guardCond(func(s *subject) bool { return !s.is.CreatedBy(s.me) }, "you did not create the issue"), true
	case "someone-else":
		return guardCond(createdByOther, "someone else created the issue"), true
	}
	return guardCond(func(s *subject) bool {
		return s.isAutomation(s.is.Reporter) || s.isAutomation(s.is.Creator)
	}, "an automation account created the issue"), true
}

func buildSomeoneElses(fc *fileCtx, n *yaml.Node) (cond, bool) {
	return boolMatcher(fc, n, someoneElses, "the issue is someone else's", "the issue is not someone else's", 0)
}

func buildLinkedOtherProject(fc *fileCtx, n *yaml.Node) (cond, bool) {
	return boolMatcher(fc, n, linkedToOtherProject,
		"the issue links to an issue of another project", "the issue links to no issue of another project", 0)
}

// linkedToOtherProject holds when the issue has a link to an issue of
// another project.
func linkedToOtherProject(s *subject) bool {
	own := issueProject(&s.is)
	for _, l := range s.is.Links {
		other := l.OtherProject
		if other == "" {
			other = evidence.ProjectOfKey(l.OtherKey)
		}
		if other != "" && !strings.EqualFold(other, own) {
			return true
		}
	}
	return false
}

func buildResolvedWithin(fc *fileCtx, n *yaml.Node) (cond, bool) {
	m, ok := fc.mapping(n, []string{"minutes", "resolution"})
	if !ok {
		return cond{}, false
	}
	minutes, res := 0, []string(nil)
	if v, ok := m["minutes"]; ok {
		if minutes, ok = fc.integer(v); !ok {
			return cond{}, false
		}
	} else {
		fc.problem(n, "resolved-within needs minutes")
		return cond{}, false
	}
	if v, ok := m["resolution"]; ok {
		if res, ok = fc.strList(v); !ok {
			return cond{}, false
		}
	} else {
		fc.problem(n, "resolved-within needs a resolution list")
		return cond{}, false
	}
	return guardCond(resolvedWithin(time.Duration(minutes)*time.Minute, res...),
		fmt.Sprintf("the issue was resolved as %s within %d minutes of it", quoteList(res), minutes)), true
}

func buildFiledWithin(fc *fileCtx, n *yaml.Node) (cond, bool) {
	m, ok := fc.mapping(n, []string{"minutes"})
	if !ok {
		return cond{}, false
	}
	v, ok := m["minutes"]
	if !ok {
		fc.problem(n, "filed-within needs minutes")
		return cond{}, false
	}
	minutes, ok := fc.integer(v)
	if !ok {
		return cond{}, false
	}
	return guardCond(filedWithin(time.Duration(minutes)*time.Minute),
		fmt.Sprintf("you created the issue at most %d minutes before", minutes)), true
}

func buildIssueMentions(fc *fileCtx, n *yaml.Node) (cond, bool) {
	spec, ok := fc.readTextSpec(n, false)
	if !ok {
		return cond{}, false
	}
	if spec.p == nil {
		fc.problem(n, "issue-mentions needs a pattern or phrases")
		return cond{}, false
	}
	return guardCond(issueMentions(spec.p), "its text, the issue's summary or a label matches "+spec.name), true
}

// ---- Change matchers ----

var changeKeys = []string{"field", "from", "to", "not-from", "not-to", "to-category", "adds", "removes", "changes-other-than",
	"cleared", "link-added", "link-removed", "link-to-other-project", "with-reason"}

func buildChanged(fc *fileCtx, n *yaml.Node) (cond, bool) {
	m, ok := fc.mapping(n, changeKeys)
	if !ok {
		return cond{}, false
	}
	fields, fieldDesc, ok := fc.fields(m["field"], n)
	if !ok {
		return cond{}, false
	}
	var checks []itemCheck
	var descs []string
	withReasonToo := false
	for _, key := range changeKeys[1:] {
		v, given := m[key]
		if !given {
			continue
		}
		if vc, ok := valueChecks[key]; ok {
			values, ok := fc.strList(v)
			if !ok {
				return cond{}, false
			}
			checks, descs = append(checks, vc.check(values...)), append(descs, vc.says+quoteList(values))
			continue
		}
		switch key {
		case "to-category":
			cat, ok := fc.oneOf(v, "new", "indeterminate", "done")
			if !ok {
				return cond{}, false
			}
			checks, descs = append(checks, toCategory(cat)), append(descs, "to a status of category "+cat)
		case "cleared", "link-to-other-project", "with-reason":
			b, ok := fc.boolean(v)
			if !ok {
				return cond{}, false
			}
			if !b {
				fc.problem(v, "%s: false is the same as leaving it out", key)
				return cond{}, false
			}
			switch key {
			case "cleared":
				checks, descs = append(checks, cleared), append(descs, "clearing it")
			case "link-to-other-project":
				checks, descs = append(checks, linkToOtherProject), append(descs, "adding a link to an issue of another project")
			case "with-reason":
				withReasonToo = true
			}
		}
	}
	desc := "it changes " + fieldDesc
	if len(descs) > 0 {
		desc += " " + strings.Join(descs, ", ")
	}
	eval := changed(fields, checks...)
	if withReasonToo {
		eval = withReason(eval)
		desc += ", with a reason field filled in"
	}
	return cond{eval: eval, sources: sourceBit(evidence.SourceChange), desc: desc}, true
}

// valueChecks are the checks of changed that take values: how each is
// built and how its description reads.
var valueChecks = map[string]struct {
	check func(values ...string) itemCheck
	says  string
}{
	"from":               {fromValue, "from "},
	"to":                 {toValue, "to "},
	"not-from":           {notFromValue, "not from "},
	"not-to":             {notToValue, "not to "},
	"adds":               {adds, "adding "},
	"removes":            {removes, "removing "},
	"changes-other-than": {changesOtherThan, "adding or removing something besides "},
	"link-added":         {func(v ...string) itemCheck { return linkAdded(lowerAll(v)...) }, "adding a link that says "},
	"link-removed":       {func(v ...string) itemCheck { return linkRemoved(lowerAll(v)...) }, "removing a link that says "},
}

func lowerAll(values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = strings.ToLower(v)
	}
	return out
}

func buildEdited(fc *fileCtx, n *yaml.Node) (cond, bool) {
	m, ok := fc.mapping(n, []string{"field", "min-words", "pattern", "phrases", "questions", "sentence"})
	if !ok {
		return cond{}, false
	}
	fields, fieldDesc, ok := fc.fields(m["field"], n)
	if !ok {
		return cond{}, false
	}
	minWords := 3
	if v, given := m["min-words"]; given {
		if minWords, ok = fc.integer(v); !ok {
			return cond{}, false
		}
	}
	delete(m, "field")
	delete(m, "min-words")
	var p *textPattern
	name := ""
	if len(m) > 0 {
		spec, ok := fc.textSpecOf(m, n, false)
		if !ok {
			return cond{}, false
		}
		p, name = spec.p, spec.name
	}
	desc := fmt.Sprintf("it adds at least %d words to %s", minWords, fieldDesc)
	if p != nil {
		desc += " matching " + name
	}
	return cond{eval: editedText(fields, p, minWords), sources: sourceBit(evidence.SourceChange), desc: desc}, true
}

// fields reads a field name or list of names.
func (fc *fileCtx) fields(n, parent *yaml.Node) ([]field, string, bool) {
	if n == nil {
		fc.problem(parent, "missing field: name the field that changes, such as priority, sprint or \"Story Points\"")
		return nil, "", false
	}
	names, ok := fc.strList(n)
	if !ok {
		return nil, "", false
	}
	var fields []field
	var labels []string
	for _, name := range names {
		f := lookupField(name)
		fields = append(fields, f)
		labels = append(labels, f.label)
	}
	return fields, joinOr(labels), true
}

// ---- Text matchers ----

// textSpec is a compiled text condition's pattern and options.
type textSpec struct {
	p        *textPattern // nil: any text
	name     string       // for descriptions: `"decision"` or "one of 3 phrases"
	minWords int
	keyOther bool
}

var textKeys = []string{"pattern", "phrases", "questions", "sentence", "min-words", "key-in-other-project"}

// textSpec reads a text condition: a pattern name, or a mapping.
func (fc *fileCtx) readTextSpec(n *yaml.Node, withOptions bool) (textSpec, bool) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode {
		name, ok := fc.str(n)
		if !ok {
			return textSpec{}, false
		}
		p, ok := fc.namedPattern(n, name)
		return textSpec{p: p, name: strconv.Quote(name)}, ok
	}
	keys := textKeys
	if !withOptions {
		keys = textKeys[:4]
	}
	m, ok := fc.mapping(n, keys)
	if !ok {
		return textSpec{}, false
	}
	return fc.textSpecOf(m, n, withOptions)
}

func (fc *fileCtx) textSpecOf(m map[string]*yaml.Node, n *yaml.Node, withOptions bool) (textSpec, bool) {
	var spec textSpec
	if v, given := m["min-words"]; given && withOptions {
		var ok bool
		if spec.minWords, ok = fc.integer(v); !ok {
			return spec, false
		}
	}
	if v, given := m["key-in-other-project"]; given && withOptions {
		var ok bool
		if spec.keyOther, ok = fc.boolean(v); !ok {
			return spec, false
		}
	}
	pv, hasPattern := m["pattern"]
	phv, hasPhrases := m["phrases"]
	switch {
	case hasPattern && hasPhrases:
		fc.problem(n, "give a pattern name or phrases, not both")
		return spec, false
	case hasPattern:
		for _, k := range []string{"questions", "sentence"} {
			if v, given := m[k]; given {
				fc.problem(v, "%s belongs to the pattern; give phrases here instead of a pattern name to set it", k)
				return spec, false
			}
		}
		name, ok := fc.str(pv)
		if !ok {
			return spec, false
		}
		if spec.p, ok = fc.namedPattern(pv, name); !ok {
			return spec, false
		}
		spec.name = strconv.Quote(name)
	case hasPhrases:
		p, ok := fc.compilePattern(phv, m["questions"], m["sentence"])
		if !ok {
			return spec, false
		}
		spec.p = p
		spec.name = fmt.Sprintf("one of %d phrases", len(p.alts))
	default:
		for _, k := range []string{"questions", "sentence", "key-in-other-project"} {
			if v, given := m[k]; given {
				fc.problem(v, "%s needs a pattern or phrases", k)
				return spec, false
			}
		}
	}
	if spec.keyOther && spec.p != nil {
		for _, alt := range spec.p.alts {
			if alt.re.NumSubexp() < 1 {
				fc.problem(n, "key-in-other-project needs every phrase of the pattern to capture the issue key in its first group: %s", alt.re)
				return spec, false
			}
		}
	}
	if spec.keyOther && spec.p == nil {
		fc.problem(n, "key-in-other-project needs a pattern or phrases")
		return spec, false
	}
	return spec, true
}

func buildText(fc *fileCtx, n *yaml.Node) (cond, bool) {
	spec, ok := fc.readTextSpec(n, true)
	if !ok {
		return cond{}, false
	}
	var eval matcher
	desc := "its text"
	switch {
	case spec.p == nil:
		eval = wholeText(spec.minWords)
		desc += fmt.Sprintf(" has at least %d words", spec.minWords)
	case spec.keyOther:
		eval = mentionsOtherProject(spec.p, spec.minWords)
		desc += " matches " + spec.name + " with an issue key of another project"
	default:
		eval = says(spec.p, spec.minWords)
		desc += " matches " + spec.name
	}
	if spec.minWords > 0 && spec.p != nil {
		desc += fmt.Sprintf(" (at least %d words)", spec.minWords)
	}
	return cond{eval: eval, desc: desc}, true
}

func buildMentionsOtherProject(fc *fileCtx, n *yaml.Node) (cond, bool) {
	return boolMatcher(fc, n, namesOtherProject,
		"its text names an issue of another project", "its text names no issue of another project", 0)
}

func buildFlagAdded(fc *fileCtx, n *yaml.Node) (cond, bool) {
	return boolMatcher(fc, n, flagAdded, "it is the note of a flag added", "it is not the note of a flag added", sourceBit(evidence.SourceComment))
}

func buildFlagRemoved(fc *fileCtx, n *yaml.Node) (cond, bool) {
	m, ok := fc.mapping(n, []string{"min-words"})
	if !ok {
		return cond{}, false
	}
	minWords := 0
	if v, given := m["min-words"]; given {
		if minWords, ok = fc.integer(v); !ok {
			return cond{}, false
		}
	}
	return cond{eval: flagRemovedNote(minWords), sources: sourceBit(evidence.SourceComment),
		desc: fmt.Sprintf("it is the note written when removing a flag, with at least %d words", minWords)}, true
}

func buildRepliesToQuestion(fc *fileCtx, n *yaml.Node) (cond, bool) {
	m, ok := fc.mapping(n, []string{"question", "answer"})
	if !ok {
		return cond{}, false
	}
	var question, answer textSpec
	if v, given := m["question"]; given {
		if question, ok = fc.readTextSpec(v, false); !ok {
			return cond{}, false
		}
	}
	if v, given := m["answer"]; given {
		if answer, ok = fc.readTextSpec(v, true); !ok {
			return cond{}, false
		}
	}
	desc := "it answers a question from another person"
	if question.p != nil {
		desc += " matching " + question.name
	}
	if answer.p != nil {
		desc += ", and its text matches " + answer.name
	}
	return cond{eval: repliesToQuestion(question.p, answer.p, answer.minWords), sources: sourceBit(evidence.SourceComment), desc: desc}, true
}

func buildAuthor(fc *fileCtx, n *yaml.Node) (cond, bool) {
	v, ok := fc.oneOf(n, "automation", "person")
	if !ok {
		return cond{}, false
	}
	isBot := func(s *subject) bool { return s.isAutomation(s.a.Author) }
	if v == "automation" {
		return guardCond(isBot, "its author is an automation account"), true
	}
	return guardCond(not(isBot), "its author is a person"), true
}

// ---- Patterns ----

// namedPattern finds a pattern of the patterns section.
func (fc *fileCtx) namedPattern(n *yaml.Node, name string) (*textPattern, bool) {
	p, known := fc.c.rs.patterns[name]
	if known && !containsString(fc.c.used, name) {
		fc.c.used = append(fc.c.used, name)
	}
	if !known {
		var names []string
		for k := range fc.c.rs.patterns {
			names = append(names, k)
		}
		slices.Sort(names)
		fc.problem(n, "unknown pattern %q%s; define it under patterns", name, Suggest(name, names))
		return nil, false
	}
	return p, p != nil
}

// compileNamedPattern compiles one entry of the patterns section.
func (fc *fileCtx) compileNamedPattern(pd patternDef) (*textPattern, bool) {
	m, ok := fc.mapping(pd.node, []string{"phrases", "questions", "sentence"})
	if !ok {
		return nil, false
	}
	phrases, given := m["phrases"]
	if !given {
		fc.problemAt(pd.line, "missing field: pattern %s needs phrases", pd.name)
		return nil, false
	}
	return fc.compilePattern(phrases, m["questions"], m["sentence"])
}

// sentenceFilters are the named checks a matching sentence must pass.
var sentenceFilters = map[string]func(string) bool{
	"not-code":         notCodeTalk,
	"own-decision":     ownDecision,
	"own-planning":     sprintSentence,
	"names-other-team": handoffSentence,
	"unblocks-another": unblockSentence,
	"not-own-fix":      notOwnFix,
	"not-verification": notVerification,
	"not-dependency":   notDependencyRelease,
	"not-dev-notice":   notDevNotice,
	"not-run-priority": notRunPriority,
}

func sentenceFilterNames() []string {
	var names []string
	for k := range sentenceFilters {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// compilePattern compiles phrases (a list of regexps) with their options,
// reporting a bad regexp at its own line.
func (fc *fileCtx) compilePattern(phrases, questions, sentence *yaml.Node) (*textPattern, bool) {
	phrases = resolve(phrases)
	if !fc.kind(phrases, yaml.SequenceNode, "phrases is a list of regular expressions") {
		return nil, false
	}
	if len(phrases.Content) == 0 {
		fc.problem(phrases, "phrases is empty")
		return nil, false
	}
	p := &textPattern{}
	ok := true
	for _, item := range phrases.Content {
		expr, good := fc.str(item)
		if !good {
			ok = false
			continue
		}
		alt, err := compileAlternative(expr)
		if err != nil {
			fc.problem(item, "bad regexp %q: %s", expr, regexpProblem(err))
			ok = false
			continue
		}
		if alt.re.MatchString("") {
			fc.problem(item, "regexp %q matches empty text, so it would match everything", expr)
			ok = false
			continue
		}
		p.alts = append(p.alts, alt)
	}
	if questions != nil {
		q, good := fc.boolean(questions)
		ok = ok && good
		p.questions = q
	}
	if sentence != nil {
		names, good := fc.strList(sentence)
		ok = ok && good
		var filters []func(string) bool
		for _, name := range names {
			f, known := sentenceFilters[name]
			if !known {
				fc.problem(sentence, "unknown sentence filter %q; use %s%s", name, joinOr(quoteAll(sentenceFilterNames())), Suggest(name, sentenceFilterNames()))
				ok = false
				continue
			}
			filters = append(filters, f)
		}
		switch len(filters) {
		case 0:
		case 1:
			p.sentenceOK = filters[0]
		default:
			p.sentenceOK = func(s string) bool {
				for _, f := range filters {
					if !f(s) {
						return false
					}
				}
				return true
			}
		}
	}
	return p, ok
}

// regexpProblem words a regexp compile error without repeating the regexp.
func regexpProblem(err error) string {
	var se *syntax.Error
	if errors.As(err, &se) {
		return se.Code.String() + " at " + strconv.Quote(strings.TrimPrefix(se.Expr, "(?i)"))
	}
	return err.Error()
}
