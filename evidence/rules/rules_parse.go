package rules

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pmfolio/pmfolio/evidence"
)

// rulesDoc is one parsed rules file: the built-in one or a user's. Values
// stay YAML nodes until compiled, so every problem can name its line.
type rulesDoc struct {
	file       string
	categories []categoryDef
	patterns   []patternDef
	automation []string
	rules      []rawRule
	modelOff   bool // model: off
}

type categoryDef struct {
	cat  evidence.Category
	line int
}

type patternDef struct {
	name string
	node *yaml.Node // the pattern's mapping
	file string
	line int
}

// rawRule is one entry of a file's rules list: its keys, in file order,
// with the file each value comes from (an override mixes two files).
type rawRule struct {
	id     string
	file   string
	line   int
	keys   []ruleKey
	hasKey map[string]bool
}

type ruleKey struct {
	name string
	key  *yaml.Node
	val  *yaml.Node
	file string
}

func (r *rawRule) get(name string) (ruleKey, bool) {
	for _, k := range r.keys {
		if k.name == name {
			return k, true
		}
	}
	return ruleKey{}, false
}

// ruleKeys are the keys a rule may have, in the order `rules show` prints them.
var ruleKeys = []string{"id", "category", "source", "confidence", "quote", "model-veto", "disabled", "when", "unless", "match"}

var topLevelKeys = []string{"version", "categories", "patterns", "automation-accounts", "rules", "model"}

// yamlLine finds the line in a YAML parser's error message.
var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlError splits a YAML parser's error into its line (1 when it names
// none) and its message.
func yamlError(err error) (int, string) {
	line := 1
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimSpace(yamlLine.ReplaceAllString(msg, ""))
	msg = strings.TrimPrefix(strings.TrimPrefix(msg, ":"), " ")
	return line, msg
}

// yamlErrorLine is the line of the YAML error msg that the parser placed
// at line in data: the fewest lines of data, from line on, that fail with
// the same message; line when none does. The parser names the line where
// the block around the problem starts ("line 1: did not find expected '-'
// indicator" for a key misindented on line 3), which leaves the reader
// searching.
func yamlErrorLine(data []byte, line int, msg string) int {
	lines := strings.SplitAfter(string(data), "\n")
	for n := max(line, 1); n <= len(lines); n++ {
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(strings.Join(lines[:n], "")), &root); err != nil {
			if _, m := yamlError(err); m == msg {
				return n
			}
		}
	}
	return line
}

// parseRulesDoc reads a rules file into its parts, reporting what is wrong
// with its shape. An empty file is a file with no rules.
func parseRulesDoc(file string, data []byte, probs *problemList) *rulesDoc {
	doc := &rulesDoc{file: file}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line, msg := yamlError(err)
		line = yamlErrorLine(data, line, msg)
		probs.add(file, line, "not valid YAML: %s", msg)
		return doc
	}
	if len(root.Content) == 0 {
		return doc
	}
	top := resolve(root.Content[0])
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		return doc
	}
	if top.Kind != yaml.MappingNode {
		probs.add(file, top.Line, "a rules file is a mapping with %s", joinWords(quoteAll(topLevelKeys), "and"))
		return doc
	}
	fc := &fileCtx{file: file, probs: probs}
	for i := 0; i+1 < len(top.Content); i += 2 {
		key, val := top.Content[i], resolve(top.Content[i+1])
		switch key.Value {
		case "version":
			if v, ok := fc.integer(val); ok && v != 1 {
				fc.problem(val, "version %d is not known; this pmfolio reads version 1", v)
			}
		case "categories":
			doc.categories = parseCategories(fc, val)
		case "patterns":
			if fc.kind(val, yaml.MappingNode, "patterns is a mapping of pattern names to patterns") {
				for j := 0; j+1 < len(val.Content); j += 2 {
					doc.patterns = append(doc.patterns, patternDef{name: val.Content[j].Value, node: resolve(val.Content[j+1]), file: file, line: val.Content[j].Line})
				}
			}
		case "automation-accounts":
			names, _ := fc.strList(val)
			for _, n := range names {
				doc.automation = append(doc.automation, strings.ToLower(strings.TrimSpace(n)))
			}
		case "rules":
			doc.rules = parseRuleList(fc, val)
		case "model":
			if v, ok := fc.oneOf(val, "on", "off"); ok {
				doc.modelOff = v == "off"
			}
		default:
			fc.problem(key, "unknown key %q; a rules file has %s", key.Value, joinWords(quoteAll(topLevelKeys), "and"))
		}
	}
	return doc
}

var categoryIDPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$`)

func parseCategories(fc *fileCtx, n *yaml.Node) []categoryDef {
	if !fc.kind(n, yaml.SequenceNode, "categories is a list of categories, each with an id and a title") {
		return nil
	}
	var out []categoryDef
	for _, item := range n.Content {
		m, ok := fc.mapping(resolve(item), []string{"id", "title", "competency", "suggestion"})
		if !ok {
			continue
		}
		var c evidence.Category
		if v, ok := m["id"]; ok {
			c.ID, _ = fc.str(v)
		}
		if v, ok := m["title"]; ok {
			c.Title, _ = fc.str(v)
		}
		if v, ok := m["competency"]; ok {
			c.Competency, _ = fc.str(v)
		}
		if v, ok := m["suggestion"]; ok {
			c.Suggestion, _ = fc.str(v)
		}
		switch {
		case c.ID == "":
			fc.problem(item, "missing field: a category needs an id")
			continue
		case !categoryIDPattern.MatchString(c.ID):
			fc.problem(m["id"], "category id %q: use lowercase words joined by hyphens, such as customer-research", c.ID)
			continue
		case c.Title == "":
			fc.problem(item, "missing field: category %s needs a title", c.ID)
		}
		if near := nearCompetency(c.Competency); near != "" {
			fc.problem(m["competency"], "competency %q is not %q: a typo would show as a competency of its own in your portfolio; write it as the built-in one, or name a new one unlike it", c.Competency, near)
		}
		out = append(out, categoryDef{cat: c, line: item.Line})
	}
	return out
}

// nearCompetency is the built-in competency a user's competency almost
// names ("Product judgement", "product judgment"), or "" when it names one
// exactly or none closely.
func nearCompetency(name string) string {
	for _, c := range evidence.Competencies {
		if name != c && editDistance(strings.ToLower(name), strings.ToLower(c)) <= 2 {
			return c
		}
	}
	return ""
}

var ruleIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

func parseRuleList(fc *fileCtx, n *yaml.Node) []rawRule {
	if !fc.kind(n, yaml.SequenceNode, "rules is a list of rules, each a mapping with an id") {
		return nil
	}
	var out []rawRule
	for _, item := range n.Content {
		item = resolve(item)
		if !fc.kind(item, yaml.MappingNode, "a rule is a mapping with an id, a category, a source, a confidence and its conditions") {
			continue
		}
		r := rawRule{file: fc.file, line: item.Line, hasKey: map[string]bool{}}
		for i := 0; i+1 < len(item.Content); i += 2 {
			key, val := item.Content[i], resolve(item.Content[i+1])
			if !slices.Contains(ruleKeys, key.Value) {
				fc.problem(key, "unknown key %q in a rule; a rule has %s%s", key.Value, joinWords(quoteAll(ruleKeys), "and"), Suggest(key.Value, ruleKeys))
				continue
			}
			if r.hasKey[key.Value] {
				fc.problem(key, "%s given twice", key.Value)
				continue
			}
			r.hasKey[key.Value] = true
			r.keys = append(r.keys, ruleKey{name: key.Value, key: key, val: val, file: fc.file})
			if key.Value == "id" {
				if val.Kind == yaml.ScalarNode && (val.Tag == "!!null" || strings.TrimSpace(val.Value) == "") {
					fc.problem(key, "the rule's id is empty: give it one, such as comment.customer-call")
					continue
				}
				r.id, _ = fc.str(val)
			}
		}
		switch {
		case !r.hasKey["id"]:
			fc.problem(item, "missing field: a rule needs an id")
			continue
		case r.id == "":
			continue // reported by str
		case !ruleIDPattern.MatchString(r.id):
			k, _ := r.get("id")
			fc.problem(k.val, "rule id %q: use letters, digits, dots and hyphens, such as comment.customer-call", r.id)
			continue
		}
		out = append(out, r)
	}
	return out
}

// compileRules builds the rule set of the built-in file with a user's file
// (nil for none) applied, reporting every problem found.
func compileRules(builtin, user *rulesDoc, probs *problemList) *RuleSet {
	rs := &RuleSet{patterns: map[string]*textPattern{}, patternDefs: map[string]patternDef{}}
	c := &compiler{rs: rs, probs: probs, categories: map[string]bool{}}
	rs.categories = slices.Clone(evidence.Categories)
	for _, cat := range evidence.Categories {
		c.categories[cat.ID] = true
	}
	docs := []*rulesDoc{builtin}
	if user != nil {
		docs = append(docs, user)
	}
	for _, doc := range docs {
		fc := &fileCtx{file: doc.file, probs: probs, c: c}
		for _, cd := range doc.categories {
			if c.categories[cd.cat.ID] {
				what := "a built-in category"
				if !slices.ContainsFunc(evidence.Categories, func(b evidence.Category) bool { return b.ID == cd.cat.ID }) {
					what = "defined twice"
				}
				fc.problemAt(cd.line, "category %s is %s; give yours another id", cd.cat.ID, what)
				continue
			}
			c.categories[cd.cat.ID] = true
			rs.categories = append(rs.categories, cd.cat)
		}
		rs.automation = append(rs.automation, doc.automation...)
		rs.modelOff = rs.modelOff || doc.modelOff
		for _, pd := range doc.patterns {
			if _, dup := rs.patterns[pd.name]; dup {
				fc.problemAt(pd.line, "pattern %s is already defined (built in or above); give yours another name", pd.name)
				continue
			}
			rs.patternDefs[pd.name] = pd
			if p, ok := fc.compileNamedPattern(pd); ok {
				rs.patterns[pd.name] = p
			} else {
				rs.patterns[pd.name] = nil // known, so rules using it are not reported again
			}
		}
	}

	// The effective rules: built-in ones in file order, each overridden or
	// disabled by the user's entry with its id, then the user's new rules.
	type effective struct {
		r      rawRule
		origin RuleOrigin
	}
	var rules []effective
	builtinAt := map[string]int{}
	builtinRaw := map[string]rawRule{}
	var builtinIDs []string
	for _, r := range builtin.rules {
		if _, dup := builtinAt[r.id]; dup {
			probs.add(r.file, r.line, "duplicate rule id %s", r.id)
			continue
		}
		builtinAt[r.id] = len(rules)
		builtinRaw[r.id] = r
		builtinIDs = append(builtinIDs, r.id)
		rules = append(rules, effective{r, OriginBuiltin})
	}
	if user != nil {
		userLine := map[string]int{}
		for _, r := range user.rules {
			if first, dup := userLine[r.id]; dup {
				probs.add(r.file, r.line, "duplicate rule id %s (first at line %d)", r.id, first)
				// Its other problems are still the user's to fix: compile
				// it, as the built-in rule it overrides if it does, for
				// them alone.
				if b, ok := builtinRaw[r.id]; ok {
					r = mergeRule(b, r)
				}
				c.compileRule(r, OriginUser)
				continue
			}
			userLine[r.id] = r.line
			i, overrides := builtinAt[r.id]
			if !overrides {
				origin := OriginUser
				if disabled(r) {
					origin = OriginDisabled
					if !r.hasKey["category"] && !r.hasKey["match"] && !r.hasKey["when"] {
						probs.add(r.file, r.line, "no built-in rule %s to disable%s", r.id, Suggest(r.id, builtinIDs))
						continue
					}
				}
				rules = append(rules, effective{r, origin})
				continue
			}
			merged := mergeRule(rules[i].r, r)
			origin := OriginOverridden
			if disabled(merged) {
				origin = OriginDisabled
			}
			rules[i] = effective{merged, origin}
		}
	}
	for _, e := range rules {
		compiled, info, ok := c.compileRule(e.r, e.origin)
		if !ok {
			continue
		}
		rs.infos = append(rs.infos, info)
		if e.origin != OriginDisabled {
			rs.rules = append(rs.rules, compiled)
		}
	}
	return rs
}

// mergeRule applies a user's entry to a built-in rule: each key the user
// gives replaces the built-in one, the others stay.
func mergeRule(base, over rawRule) rawRule {
	out := rawRule{id: base.id, file: over.file, line: over.line, hasKey: map[string]bool{}}
	for _, name := range ruleKeys {
		k, ok := over.get(name)
		if !ok {
			k, ok = base.get(name)
		}
		if ok {
			out.keys = append(out.keys, k)
			out.hasKey[name] = true
		}
	}
	return out
}

func disabled(r rawRule) bool {
	k, ok := r.get("disabled")
	if !ok {
		return false
	}
	b, err := strconv.ParseBool(k.val.Value)
	return err == nil && b
}

// compiler turns parsed rules into their compiled form.
type compiler struct {
	rs         *RuleSet
	probs      *problemList
	categories map[string]bool
	// used collects the patterns the rule being compiled names.
	used []string
}

// compileRule compiles one effective rule and describes it. A disabled rule
// is still compiled, so a broken one is reported and `rules show` works.
func (c *compiler) compileRule(r rawRule, origin RuleOrigin) (rule, RuleInfo, bool) {
	before := len(c.probs.list)
	c.used = nil
	out := rule{id: r.id}
	info := RuleInfo{ID: r.id, Origin: origin, File: r.file, Line: r.line}
	if origin == OriginBuiltin {
		info.File = builtinRulesName
	}
	for _, name := range []string{"category", "source", "confidence"} {
		if !r.hasKey[name] {
			c.probs.add(r.file, r.line, "missing field: rule %s needs a %s", r.id, name)
		}
	}
	if !r.hasKey["when"] && !r.hasKey["match"] {
		c.probs.add(r.file, r.line, "missing field: rule %s needs conditions, under when or match", r.id)
	}
	var conds []cond
	for _, k := range r.keys {
		fc := &fileCtx{file: k.file, probs: c.probs, c: c}
		switch k.name {
		case "category":
			if id, ok := fc.str(k.val); ok {
				if !c.categories[id] {
					fc.problem(k.val, "unknown category %q%s; define it under categories first", id, Suggest(id, c.categoryIDs()))
				}
				out.category, info.Category = id, id
			}
		case "source":
			names, ok := fc.strList(k.val)
			if !ok {
				break
			}
			for _, n := range names {
				bit := sourceBit(evidence.Source(n))
				if bit == 0 {
					fc.problem(k.val, "unknown source %q; use issue, change, comment or worklog", n)
					continue
				}
				out.sources |= bit
			}
			info.Sources = out.sources.sources()
		case "confidence":
			if v, ok := fc.number(k.val); ok {
				if v <= 0 || v > 1 {
					fc.problem(k.val, "confidence %v is not in (0, 1]", v)
				}
				out.confidence, info.Confidence = v, v
			}
		case "quote":
			if v, ok := fc.str(k.val); ok {
				switch v {
				case "match":
				case "opening":
					out.quoteOpening = true
				default:
					fc.problem(k.val, "unknown quote %q; use match (the words around what matched, the default) or opening (the text from its start)", v)
				}
			}
		case "model-veto":
			veto, err := strconv.ParseBool(k.val.Value)
			if err != nil || k.val.Kind != yaml.ScalarNode {
				fc.problem(k.val, "model-veto is true (the default: the text model may withhold the rule's claim) or false")
			}
			out.unvetoed = err == nil && !veto
		case "disabled":
			if _, err := strconv.ParseBool(k.val.Value); err != nil || k.val.Kind != yaml.ScalarNode {
				fc.problem(k.val, "disabled is true or false")
			}
		case "when":
			out.when = fc.condition(k.val)
			conds = append(conds, out.when)
		case "unless":
			out.unless = fc.condition(k.val)
		case "match":
			out.match = fc.condition(k.val)
			conds = append(conds, out.match)
		}
	}
	for _, cd := range conds {
		if cd.sources != 0 && out.sources != 0 && cd.sources&out.sources == 0 {
			c.probs.add(r.file, r.line, "rule %s never matches: its conditions hold only for a %s, but it is for a %s",
				r.id, cd.sources.names(), out.sources.names())
		}
	}
	// An unless that cannot hold rules nothing out, silently.
	if cd := out.unless; cd.sources != 0 && out.sources != 0 && cd.sources&out.sources == 0 {
		c.probs.add(r.file, r.line, "rule %s: its unless never holds: its conditions hold only for a %s, but the rule is for a %s",
			r.id, cd.sources.names(), out.sources.names())
	}
	if len(c.probs.list) > before {
		return rule{}, RuleInfo{}, false
	}
	info.YAML = renderRule(r)
	info.Description = describeRule(out)
	info.Patterns = c.used
	return out, info, true
}

func (c *compiler) categoryIDs() []string {
	var ids []string
	for id := range c.categories {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// renderRule writes a rule as YAML, in the rules file format, with anchors
// and aliases expanded so that it stands alone.
func renderRule(r rawRule) string {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, name := range ruleKeys {
		if k, ok := r.get(name); ok {
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: name}, expandNode(k.val))
		}
	}
	return encodeYAML(m)
}

func encodeYAML(n *yaml.Node) string {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return "# " + err.Error() + "\n"
	}
	enc.Close()
	return buf.String()
}

// expandNode copies a node with aliases replaced by what they stand for and
// anchors dropped; comments on the values go too, as they describe the
// built-in file rather than the rule shown.
func expandNode(n *yaml.Node) *yaml.Node {
	n = resolve(n)
	out := *n
	out.Anchor, out.HeadComment, out.LineComment, out.FootComment = "", "", "", ""
	out.Content = nil
	for _, c := range n.Content {
		out.Content = append(out.Content, expandNode(c))
	}
	return &out
}

// resolve follows aliases to the node they stand for.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// describeRule is the sentence `rules show` prints: what the rule matches.
func describeRule(r rule) string {
	var b strings.Builder
	b.WriteString("Claims " + r.category + " (confidence " + strconv.FormatFloat(r.confidence, 'f', -1, 64) + ") for ")
	b.WriteString(evidence.Article(r.sources.names()) + " of yours")
	var clauses []string
	if r.when.desc != "" {
		clauses = append(clauses, r.when.desc)
	}
	if r.match.desc != "" {
		clauses = append(clauses, r.match.desc)
	}
	if len(clauses) > 0 {
		b.WriteString(" when " + strings.Join(clauses, ", and "))
	}
	if r.unless.desc != "" {
		b.WriteString(", unless " + r.unless.desc + ": then no rule and not the text model claims " + r.category + " for it")
	}
	b.WriteString(".")
	if r.quoteOpening {
		b.WriteString(" It quotes the text from its start.")
	}
	if r.unvetoed {
		b.WriteString(" The text model never withholds its claim.")
	}
	return b.String()
}

func quoteAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strconv.Quote(w)
	}
	return out
}

// Suggest returns ` (did you mean "x"?)` for the known word closest to a
// mistyped one, or "" when none is close.
func Suggest(typed string, known []string) string {
	best, bestDist := "", len(typed)/3+2
	for _, k := range known {
		if d := editDistance(strings.ToLower(typed), strings.ToLower(k)); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best == "" || best == typed {
		return ""
	}
	return " (did you mean " + strconv.Quote(best) + "?)"
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
