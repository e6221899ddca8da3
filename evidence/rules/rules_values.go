package rules

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// fileCtx reads values of one rules file, reporting problems at their lines.
type fileCtx struct {
	file  string
	probs *problemList
	c     *compiler
}

func (fc *fileCtx) problem(n *yaml.Node, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	fc.probs.add(fc.file, line, format, args...)
}

func (fc *fileCtx) problemAt(line int, format string, args ...any) {
	fc.probs.add(fc.file, line, format, args...)
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return "a single value"
}

// kind reports whether n is of kind k, reporting the problem if not.
func (fc *fileCtx) kind(n *yaml.Node, k yaml.Kind, want string) bool {
	if n.Kind != k {
		fc.problem(n, "%s (found %s)", want, kindName(n.Kind))
		return false
	}
	return true
}

func (fc *fileCtx) str(n *yaml.Node) (string, bool) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		fc.problem(n, "want a value here, but it is empty")
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		fc.problem(n, "want a single value here (found %s)", kindName(n.Kind))
		return "", false
	}
	if strings.TrimSpace(n.Value) == "" {
		fc.problem(n, "want a value here, not an empty string")
		return "", false
	}
	return n.Value, true
}

// strList reads one value or a list of values.
func (fc *fileCtx) strList(n *yaml.Node) ([]string, bool) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode {
		s, ok := fc.str(n)
		if !ok {
			return nil, false
		}
		return []string{s}, true
	}
	if n.Kind != yaml.SequenceNode {
		fc.problem(n, "want a value or a list of values (found %s)", kindName(n.Kind))
		return nil, false
	}
	if len(n.Content) == 0 {
		fc.problem(n, "want at least one value in this list")
		return nil, false
	}
	var out []string
	ok := true
	for _, item := range n.Content {
		s, good := fc.str(item)
		ok = ok && good
		out = append(out, s)
	}
	return out, ok
}

func (fc *fileCtx) boolean(n *yaml.Node) (bool, bool) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode {
		if b, err := strconv.ParseBool(n.Value); err == nil && n.Tag == "!!bool" {
			return b, true
		}
	}
	fc.problem(n, "want true or false here")
	return false, false
}

func (fc *fileCtx) integer(n *yaml.Node) (int, bool) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode {
		if v, err := strconv.Atoi(n.Value); err == nil && v >= 0 {
			return v, true
		}
	}
	fc.problem(n, "want a whole number of 0 or more here")
	return 0, false
}

func (fc *fileCtx) number(n *yaml.Node) (float64, bool) {
	n = resolve(n)
	if n.Kind == yaml.ScalarNode {
		if v, err := strconv.ParseFloat(n.Value, 64); err == nil && (n.Tag == "!!float" || n.Tag == "!!int") {
			return v, true
		}
	}
	fc.problem(n, "want a number here")
	return 0, false
}

// mapping reads a mapping whose keys must be among allowed.
func (fc *fileCtx) mapping(n *yaml.Node, allowed []string) (map[string]*yaml.Node, bool) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		fc.problem(n, "want a mapping with %s here (found %s)", joinOr(quoteAll(allowed)), kindName(n.Kind))
		return nil, false
	}
	out := map[string]*yaml.Node{}
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i]
		if !containsString(allowed, key.Value) {
			fc.problem(key, "unknown key %q here; want %s%s", key.Value, joinOr(quoteAll(allowed)), Suggest(key.Value, allowed))
			ok = false
			continue
		}
		if _, dup := out[key.Value]; dup {
			fc.problem(key, "%s given twice", key.Value)
			ok = false
			continue
		}
		out[key.Value] = resolve(n.Content[i+1])
	}
	return out, ok
}

// oneOf reads a value that must be one of choices.
func (fc *fileCtx) oneOf(n *yaml.Node, choices ...string) (string, bool) {
	s, ok := fc.str(n)
	if !ok {
		return "", false
	}
	if !containsString(choices, s) {
		fc.problem(n, "%q is not one of %s%s", s, joinOr(quoteAll(choices)), Suggest(s, choices))
		return "", false
	}
	return s, true
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// quoteList writes values for a description: "Done, Closed or Verified".
func quoteList(values []string) string {
	if len(values) > 6 {
		return joinOr(append(values[:5:5], fmt.Sprintf("%d more", len(values)-5)))
	}
	return joinOr(values)
}
