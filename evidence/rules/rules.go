package rules

import (
	"crypto/sha256"
	_ "embed" // the built-in rules file
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/pmfolio/pmfolio/evidence"
)

// builtinRulesYAML is the built-in rules file, in the format a user writes.
//
//go:embed builtin.yaml
var builtinRulesYAML []byte

// builtinRulesName names the built-in file in messages and listings.
const builtinRulesName = "built-in rules"

// RuleOrigin says where a rule in force comes from.
type RuleOrigin string

// Origins of rules, as `pmfolio rules list` shows them.
const (
	OriginBuiltin    RuleOrigin = "built-in"
	OriginUser       RuleOrigin = "user"       // added by the user's file
	OriginOverridden RuleOrigin = "overridden" // built-in, changed by the user's file
	OriginDisabled   RuleOrigin = "disabled"   // switched off by the user's file
)

// RuleInfo describes one rule for people: what `pmfolio rules list` and
// `rules show` print.
type RuleInfo struct {
	ID         string
	Category   string
	Confidence float64
	Sources    []evidence.Source
	Origin     RuleOrigin
	// File and Line are where the rule is written: the user's file for user,
	// overridden and disabled rules.
	File string
	Line int
	// YAML is the rule as it is in force, in the rules file format: for an
	// overridden rule, the built-in rule with the user's keys applied.
	YAML string
	// Description is a sentence saying what the rule matches.
	Description string
	// Patterns names the text patterns the rule uses, in the order it uses
	// them; RuleSet.PatternYAML shows each.
	Patterns []string
}

// RuleProblem is one thing wrong in a rules file, and where it is.
type RuleProblem struct {
	File    string
	Line    int
	Message string
}

// String formats the problem as compilers do: "FILE:LINE: problem".
func (p RuleProblem) String() string {
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
}

// RulesError is a rules file that cannot be used, with every problem found
// in it. A broken file is refused whole: dropping the broken rules and
// running the rest would quietly change what the portfolio claims.
type RulesError struct {
	Problems []RuleProblem
}

func (e *RulesError) Error() string {
	if len(e.Problems) == 0 {
		return "rules file is broken"
	}
	msg := "rules file is broken: " + e.Problems[0].String()
	if n := len(e.Problems) - 1; n > 0 {
		msg += fmt.Sprintf(" (and %d more)", n)
	}
	return msg
}

// RuleSet is the classification in force: the built-in rules with a user's
// rules file applied, compiled. It is safe for concurrent use.
type RuleSet struct {
	rules      []rule // enabled, in the order they are tried
	infos      []RuleInfo
	categories []evidence.Category
	// automation holds the lowercase names of accounts the user's file says
	// are automation, besides those Jira marks as apps.
	automation []string
	patterns   map[string]*textPattern
	// patternDefs are the patterns as written, for PatternYAML.
	patternDefs map[string]patternDef
	userFile    string
	identity    string // see Identity
	// model is the text model that claims what rules miss (model.go): nil
	// for the built-in one, read on first use so that commands that only
	// read evidence never pay for it. modelOff is set when the rules file
	// says "model: off".
	model    *Model
	modelOff bool
}

// Classify returns the evidence one activity supports under this rule set:
// a pure function of the activity, its issue and the user, and so an
// evidence.ClassifyFunc.
//
// Only the user's own activities count, whatever a rule says, and no
// workflow migration (an administrator's side effect). Rules are
// tried in order; an activity may give evidence of several categories but
// at most one item per category, from the first rule of that category that
// matches, and none where a rule of the category before it rules it out
// (unless). The returned items have no ID and none of the fields the store
// fills.
func (rs *RuleSet) Classify(a evidence.Activity, is evidence.Issue, me evidence.User) []evidence.Evidence {
	out, _ := rs.classify(a, is, me)
	return out
}

// classify is Classify, and says which categories a rule's unless ruled
// out of the activity.
func (rs *RuleSet) classify(a evidence.Activity, is evidence.Issue, me evidence.User) (out []evidence.Evidence, ruledOut []string) {
	if !a.Mine(is, me) || a.ChangesWorkflow() {
		return nil, nil
	}
	if a.Source == evidence.SourceIssue {
		a.Author = me // reported by the user, created by an import or automation
	}
	s := &subject{a: a, is: is, me: me, rs: rs}
	bit := sourceBit(a.Source)
	for i := range rs.rules {
		r := &rs.rules[i]
		if r.sources&bit == 0 || hasCategory(out, r.category) || slices.Contains(ruledOut, r.category) {
			continue
		}
		if r.unless.eval != nil {
			if _, ok := r.unless.eval(s); ok {
				ruledOut = append(ruledOut, r.category)
				continue
			}
		}
		if r.when.eval != nil {
			if _, ok := r.when.eval(s); !ok {
				continue
			}
		}
		var excerpt string
		if r.match.eval != nil {
			var ok bool
			if excerpt, ok = r.match.eval(s); !ok {
				continue
			}
		}
		if excerpt == "" || r.quoteOpening && s.a.Source != evidence.SourceChange {
			excerpt = defaultExcerpt(s)
		}
		out = append(out, evidence.Evidence{
			IssueID:    a.IssueID,
			Source:     a.Source,
			SourceID:   a.SourceID,
			OccurredAt: a.At,
			Category:   r.category,
			Rule:       r.id,
			Confidence: r.confidence,
			Excerpt:    s.quote(excerpt),
		})
	}
	if m := rs.Model(); m != nil && s.modelReads() {
		out = m.claims(s, out, rs.unvetoed, ruledOut)
	}
	return subsume(out, evidence.IsIncident(is.Type, is.Summary, is.Labels)), ruledOut
}

// subsume drops a claim another claim on the same activity already makes:
// what the user wrote while coordinating an incident is incident
// coordination (taxonomy.md: status, impact, next update time, follow-up
// action items), not a second claim of stakeholder communication or, for a
// follow-up item they created, of story writing. A rule's incident claim
// subsumes any such claim; the text model's only the model's own
// stakeholder claim on the same words (Kestrel's "for everyone following:
// card payments failing for ~60% of orders since 13:55, … next note here
// by 14:45" was both, at p=1.00 and p=0.61), as it is not sure enough to
// take a rule's place. The other way round, on an issue that is no incident, a
// rule's stakeholder-communication claim takes the place of the text
// model's incident claim: a progress note ("Summary for Chloé: done, …
// ETA 19 Jan") on an alerting ticket is an update, not incident work.
func subsume(out []evidence.Evidence, incident bool) []evidence.Evidence {
	if !incident && slices.ContainsFunc(out, func(ev evidence.Evidence) bool {
		return ev.Category == evidence.CatStakeholderComms && ev.Rule != evidence.RuleTextModel
	}) {
		out = slices.DeleteFunc(out, func(ev evidence.Evidence) bool {
			return ev.Category == evidence.CatIncidentCoord && ev.Rule == evidence.RuleTextModel
		})
	}
	if !slices.ContainsFunc(out, func(ev evidence.Evidence) bool {
		return ev.Category == evidence.CatIncidentCoord && ev.Rule != evidence.RuleTextModel
	}) {
		if !hasCategory(out, evidence.CatIncidentCoord) {
			return out
		}
		return slices.DeleteFunc(out, func(ev evidence.Evidence) bool {
			return ev.Category == evidence.CatStakeholderComms && ev.Rule == evidence.RuleTextModel
		})
	}
	return slices.DeleteFunc(out, func(ev evidence.Evidence) bool {
		return ev.Category == evidence.CatStakeholderComms ||
			ev.Category == evidence.CatStoryWriting && ev.Source == evidence.SourceIssue
	})
}

// unvetoed says the rule of a claim is one the text model never withholds
// (model-veto: false).
func (rs *RuleSet) unvetoed(ev evidence.Evidence) bool {
	i := slices.IndexFunc(rs.rules, func(r rule) bool { return r.id == ev.Rule })
	return i >= 0 && rs.rules[i].unvetoed
}

// Model is the text model in force, nil when it is off.
func (rs *RuleSet) Model() *Model {
	switch {
	case rs.modelOff:
		return nil
	case rs.model != nil:
		return rs.model
	}
	return mustBuiltinModel()
}

// withoutModel is the rule set with its text model off.
func (rs *RuleSet) withoutModel() *RuleSet {
	off := *rs
	off.modelOff = true
	off.identity += "-model-off" // it claims less than rs
	return &off
}

// Rules describes every rule, in the order they are tried, the disabled
// ones included.
func (rs *RuleSet) Rules() []RuleInfo { return slices.Clone(rs.infos) }

// Rule describes the rule with that id.
func (rs *RuleSet) Rule(id string) (RuleInfo, bool) {
	for _, r := range rs.infos {
		if r.ID == id {
			return r, true
		}
	}
	return RuleInfo{}, false
}

// Categories are the categories evidence may carry: the built-in ones in
// taxonomy order, then the user's.
func (rs *RuleSet) Categories() []evidence.Category { return slices.Clone(rs.categories) }

// PatternYAML shows a named text pattern as written in its rules file, and
// which file that is.
func (rs *RuleSet) PatternYAML(name string) (yamlText, file string, ok bool) {
	pd, ok := rs.patternDefs[name]
	if !ok {
		return "", "", false
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: name}, expandNode(pd.node)}}
	return encodeYAML(m), pd.file, true
}

// Identity names what this rule set claims: a digest of the built-in
// rules, the text model when it is on, the user's rules file and
// classifyRevision. The store keeps the identity its evidence comes from,
// and a sync with another one rebuilds the evidence first.
func (rs *RuleSet) Identity() string { return rs.identity }

// classifyRevision is bumped when Classify's code changes what it claims
// or quotes for the same rules and model (the plain text it reads, among
// them), so that stored evidence is rebuilt.
const classifyRevision = "12"

// UserFile is the user's rules file applied, or "" for the built-in rules alone.
func (rs *RuleSet) UserFile() string { return rs.userFile }

// builtinRuleSet compiles the built-in rules once, on first use. A broken
// built-in file is a bug that the tests catch.
var builtinRuleSet = sync.OnceValue(func() *RuleSet {
	rs, err := LoadRules("", nil)
	if err != nil {
		panic(err)
	}
	return rs
})

// BuiltinRules is the built-in rule set.
func BuiltinRules() *RuleSet { return builtinRuleSet() }

// Classify returns the evidence one activity supports under the built-in
// rules; see RuleSet.Classify.
func Classify(a evidence.Activity, is evidence.Issue, me evidence.User) []evidence.Evidence {
	return builtinRuleSet().Classify(a, is, me)
}

// RuleIDs returns the ids of the built-in rules, sorted.
func RuleIDs() []string {
	var ids []string
	for _, r := range builtinRuleSet().infos {
		ids = append(ids, r.ID)
	}
	slices.Sort(ids)
	return ids
}

// LoadRules compiles the built-in rules with a user's rules file applied:
// user is the file's content and name its name in messages; a nil user
// gives the built-in rules alone. A file with any problem is refused with a
// *RulesError that lists them all.
func LoadRules(name string, user []byte) (*RuleSet, error) {
	probs := &problemList{}
	builtin := parseRulesDoc(builtinRulesName, builtinRulesYAML, probs)
	var doc *rulesDoc
	if user != nil {
		doc = parseRulesDoc(name, user, probs)
	}
	rs := compileRules(builtin, doc, probs)
	if len(probs.list) > 0 {
		return nil, &RulesError{Problems: probs.list}
	}
	rs.userFile = name
	digest := sha256.New()
	for _, part := range [][]byte{[]byte(classifyRevision), builtinRulesYAML, user} {
		fmt.Fprintf(digest, "%d:", len(part))
		digest.Write(part)
	}
	if !rs.modelOff {
		digest.Write(builtinModelData)
	}
	rs.identity = hex.EncodeToString(digest.Sum(nil)[:12])
	return rs, nil
}

// LoadRulesFile reads the user's rules file at path and compiles it with the
// built-in rules; an empty path gives the built-in rules alone.
func LoadRulesFile(path string) (*RuleSet, error) {
	if path == "" {
		return BuiltinRules(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read rules file: %w", err)
	}
	return LoadRules(path, data)
}

// CheckRules returns every problem of a user's rules file, in file order, or
// nil when it can be used.
func CheckRules(name string, data []byte) []RuleProblem {
	_, err := LoadRules(name, data)
	var re *RulesError
	if errors.As(err, &re) {
		return re.Problems
	}
	return nil
}

// problemList collects problems in the order they are found, one per place.
type problemList struct {
	list []RuleProblem
	seen map[string]bool
}

func (p *problemList) add(file string, line int, format string, args ...any) {
	prob := RuleProblem{File: file, Line: line, Message: fmt.Sprintf(format, args...)}
	if p.seen == nil {
		p.seen = map[string]bool{}
	}
	if key := prob.String(); !p.seen[key] {
		p.seen[key] = true
		p.list = append(p.list, prob)
	}
}

// sourceSet is a set of sources as bits; zero means any source.
type sourceSet uint8

func sourceBit(s evidence.Source) sourceSet {
	switch s {
	case evidence.SourceIssue:
		return 1
	case evidence.SourceChange:
		return 2
	case evidence.SourceComment:
		return 4
	case evidence.SourceWorklog:
		return 8
	}
	return 0
}

var activitySources = []evidence.Source{evidence.SourceIssue, evidence.SourceChange, evidence.SourceComment, evidence.SourceWorklog}

func (ss sourceSet) sources() []evidence.Source {
	var out []evidence.Source
	for _, s := range activitySources {
		if ss&sourceBit(s) != 0 {
			out = append(out, s)
		}
	}
	return out
}

// names lists the set's sources in words: "change or comment".
func (ss sourceSet) names() string {
	var names []string
	for _, s := range ss.sources() {
		names = append(names, string(s))
	}
	return joinOr(names)
}

// joinOr joins words as a person would: "a", "a or b", "a, b or c".
func joinOr(words []string) string { return joinWords(words, "or") }

func joinWords(words []string, conj string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}
