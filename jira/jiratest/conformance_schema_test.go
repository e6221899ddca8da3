package jiratest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// This file is a small JSON validator for the schema objects of Atlassian's
// OpenAPI 3.0 documents (and the JSON Schema subset that the Data Center
// WADL embeds in its documentation). It knows what the conformance tests
// need and no more:
//
//   - $ref to a JSON pointer inside the same document ("#/components/schemas/X",
//     "#/definitions/x"); siblings of a $ref are ignored, as in OpenAPI 3.0.
//   - allOf is merged into one schema: a property declared by any branch is
//     declared, additionalProperties false in any branch forbids undeclared
//     properties, required lists add up. Atlassian uses allOf almost only to
//     wrap a single $ref with a description.
//   - oneOf/anyOf pass when at least one alternative passes (oneOf's "exactly
//     one" is not enforced: Atlassian's alternatives overlap).
//   - type (a string, or a list for JSON Schema), nullable, enum, required,
//     writeOnly (must not appear in a response), items, properties,
//     patternProperties and additionalProperties (false, true or a schema).
//     An object schema that declares properties but says nothing about
//     additionalProperties is treated as closed: that is stricter than JSON
//     Schema, and on purpose, since the point is to notice the fake sending
//     something the document does not describe.
//   - formats: date-time must be a Jira timestamp (2006-01-02T15:04:05.000-0700),
//     date is 2006-01-02, uri is an absolute URL, int32/int64 bound integers.
//
// JSON documents must be decoded with UseNumber so that integers and
// numbers can be told apart, as a Go client decoding into int would.

// violation is one way a document departs from its schema.
type violation struct {
	At     *jpath // where the offending value is, e.g. $.issues[0].fields.status
	Schema string // the named schema whose rule is broken, e.g. StatusCategory
	Prop   string // the property concerned, if any
	Kind   string // undeclared, type, null, format, enum, required, writeOnly, field
	Msg    string
}

// Path renders where the violation is.
func (v violation) Path() string { return v.At.String() }

func (v violation) String() string { return v.Path() + ": " + v.Msg }

// Kinds of violation.
const (
	kindUndeclared = "undeclared"
	kindType       = "type"
	kindNull       = "null"
	kindFormat     = "format"
	kindEnum       = "enum"
	kindRequired   = "required"
	kindWriteOnly  = "writeOnly"
	kindField      = "field"
)

// schemaDoc is a document that schemas live in and $refs point into.
type schemaDoc struct {
	root map[string]any

	flat map[uintptr]*flatSchema // merged schemas by the address of their map
	res  map[string]*regexp.Regexp
}

func newSchemaDoc(root map[string]any) *schemaDoc {
	return &schemaDoc{root: root, flat: map[uintptr]*flatSchema{}, res: map[string]*regexp.Regexp{}}
}

// flatSchema is a schema with $ref resolved and allOf merged.
type flatSchema struct {
	name       string   // component or title name, "" for anonymous inline schemas
	types      []string // allowed JSON types; empty: any
	nullable   bool
	format     string
	enum       []any
	writeOnly  bool
	props      map[string]map[string]any
	patterns   map[string]map[string]any
	required   []string
	addlFalse  bool           // additionalProperties: false
	addlSchema map[string]any // additionalProperties: {schema}
	addlTrue   bool           // additionalProperties: true (or {})
	items      map[string]any
	alts       []map[string]any // oneOf/anyOf alternatives
	altKind    string
	// schema is the map this was flattened from. The cache is keyed by the
	// map's address, so it must keep the map alive: were it collected, a
	// new map (say, a schema built on the fly for an array field) could
	// get the same address and the stale entry.
	schema map[string]any
}

// asMap reads a decoded YAML or JSON mapping.
func asMap(v any) map[string]any {
	switch m := v.(type) {
	case map[string]any:
		return m
	case map[any]any:
		out := make(map[string]any, len(m))
		for k, x := range m {
			out[fmt.Sprint(k)] = x
		}
		return out
	}
	return nil
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// lookup follows a local JSON pointer ("#/components/schemas/User").
func (d *schemaDoc) lookup(ref string) (name string, s map[string]any, ok bool) {
	p, found := strings.CutPrefix(ref, "#/")
	if !found {
		return "", nil, false
	}
	var cur any = d.root
	parts := strings.Split(p, "/")
	for _, part := range parts {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		m := asMap(cur)
		if m == nil {
			return "", nil, false
		}
		if cur, ok = m[part]; !ok {
			return "", nil, false
		}
	}
	s = asMap(cur)
	return parts[len(parts)-1], s, s != nil
}

func (d *schemaDoc) regexp(pattern string) *regexp.Regexp {
	re, ok := d.res[pattern]
	if !ok {
		re = regexp.MustCompile(pattern)
		d.res[pattern] = re
	}
	return re
}

// flatten resolves s into a flatSchema, cached per schema map.
func (d *schemaDoc) flatten(s map[string]any) *flatSchema {
	key := reflect.ValueOf(s).Pointer()
	if f, ok := d.flat[key]; ok {
		return f
	}
	f := &flatSchema{props: map[string]map[string]any{}, patterns: map[string]map[string]any{}, schema: s}
	d.flat[key] = f // guards against recursive schemas
	d.merge(f, s, 0)
	return f
}

func (d *schemaDoc) merge(f *flatSchema, s map[string]any, depth int) {
	if depth > 32 {
		panic("schema $ref/allOf nesting deeper than 32")
	}
	if ref, ok := s["$ref"].(string); ok {
		name, target, found := d.lookup(ref)
		if !found {
			panic("unresolvable $ref " + ref)
		}
		if f.name == "" {
			f.name = name
			if t, ok := target["title"].(string); ok && t != "" {
				f.name = t
			}
		}
		d.merge(f, target, depth+1)
		return
	}
	if t, ok := s["title"].(string); ok && f.name == "" && t != "" {
		f.name = t
	}
	switch t := s["type"].(type) {
	case string:
		if len(f.types) == 0 {
			f.types = []string{t}
		}
	case []any:
		if len(f.types) == 0 {
			for _, x := range t {
				if x == "null" {
					f.nullable = true
				} else {
					f.types = append(f.types, fmt.Sprint(x))
				}
			}
		}
	}
	if b, _ := s["nullable"].(bool); b {
		f.nullable = true
	}
	if b, _ := s["writeOnly"].(bool); b {
		f.writeOnly = true
	}
	if v, ok := s["format"].(string); ok && f.format == "" {
		f.format = v
	}
	if e := asList(s["enum"]); e != nil && f.enum == nil {
		f.enum = e
	}
	for k, v := range asMap(s["properties"]) {
		if _, dup := f.props[k]; !dup {
			f.props[k] = asMap(v)
		}
	}
	for k, v := range asMap(s["patternProperties"]) {
		f.patterns[k] = asMap(v)
	}
	for _, r := range asList(s["required"]) {
		f.required = append(f.required, fmt.Sprint(r))
	}
	if a, ok := s["additionalProperties"]; ok {
		switch a := a.(type) {
		case bool:
			if a {
				f.addlTrue = true
			} else {
				f.addlFalse = true
			}
		default:
			if m := asMap(a); len(m) == 0 {
				f.addlTrue = true
			} else if f.addlSchema == nil {
				f.addlSchema = m
			}
		}
	}
	if it := asMap(s["items"]); it != nil && f.items == nil {
		f.items = it
	}
	for _, kind := range []string{"oneOf", "anyOf"} {
		if alts := asList(s[kind]); alts != nil && f.alts == nil {
			f.altKind = kind
			for _, a := range alts {
				f.alts = append(f.alts, asMap(a))
			}
		}
	}
	for _, branch := range asList(s["allOf"]) {
		sub := &flatSchema{props: map[string]map[string]any{}, patterns: map[string]map[string]any{}}
		d.merge(sub, asMap(branch), depth+1)
		if f.name == "" {
			f.name = sub.name
		}
		if len(f.types) == 0 {
			f.types = sub.types
		}
		f.nullable = f.nullable || sub.nullable
		f.writeOnly = f.writeOnly || sub.writeOnly
		if f.format == "" {
			f.format = sub.format
		}
		if f.enum == nil {
			f.enum = sub.enum
		}
		for k, v := range sub.props {
			if _, dup := f.props[k]; !dup {
				f.props[k] = v
			}
		}
		for k, v := range sub.patterns {
			f.patterns[k] = v
		}
		f.required = append(f.required, sub.required...)
		f.addlFalse = f.addlFalse || sub.addlFalse
		f.addlTrue = f.addlTrue || sub.addlTrue
		if f.addlSchema == nil {
			f.addlSchema = sub.addlSchema
		}
		if f.items == nil {
			f.items = sub.items
		}
		if f.alts == nil {
			f.alts, f.altKind = sub.alts, sub.altKind
		}
	}
	if len(f.types) == 0 {
		switch {
		case len(f.props) > 0 || len(f.patterns) > 0:
			f.types = []string{"object"}
		case f.items != nil:
			f.types = []string{"array"}
		}
	}
}

// validator walks one JSON document against a schema and collects
// violations.
type validator struct {
	doc *schemaDoc
	// hooks run, after the ordinary checks, on every value validated
	// against the named schema; the issue `fields` map uses one.
	hooks map[string]func(vd *validator, val any, path *jpath)
	// declared, if not nil, collects the generic paths
	// ($.issues[].fields.status.id) of the values that matched a declared
	// property.
	declared map[string]bool
	out      []violation
}

func newValidator(doc *schemaDoc) *validator {
	return &validator{doc: doc, hooks: map[string]func(*validator, any, *jpath){}}
}

func (vd *validator) add(path *jpath, schema, prop, kind, msg string) {
	vd.out = append(vd.out, violation{At: path, Schema: schema, Prop: prop, Kind: kind, Msg: msg})
}

// jpath is a JSON path built as the validator descends and rendered only
// when needed: most values pass, and rendering every path dominated the
// test's time under the race detector.
type jpath struct {
	parent *jpath
	key    string // object key; "" for an array element
	index  int
}

// rootPath is "$".
var rootPath = &jpath{key: "$"}

func (p *jpath) child(key string) *jpath { return &jpath{parent: p, key: key} }
func (p *jpath) at(i int) *jpath         { return &jpath{parent: p, index: i} }

func (p *jpath) render(generic bool) string {
	var segs []*jpath
	for q := p; q != nil; q = q.parent {
		segs = append(segs, q)
	}
	var b strings.Builder
	for i := len(segs) - 1; i >= 0; i-- {
		q := segs[i]
		switch {
		case q.parent == nil:
			b.WriteString(q.key)
		case q.key != "":
			b.WriteString("." + q.key)
		case generic:
			b.WriteString("[]")
		default:
			fmt.Fprintf(&b, "[%d]", q.index)
		}
	}
	return b.String()
}

// String renders $.issues[3].fields.
func (p *jpath) String() string { return p.render(false) }

// generic renders $.issues[].fields.
func (p *jpath) generic() string { return p.render(true) }

// jsonType names the JSON type of a decoded value.
func jsonType(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case json.Number:
		if _, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return "integer"
		}
		return "number"
	case float64:
		if v == math.Trunc(v) {
			return "integer"
		}
		return "number"
	}
	return fmt.Sprintf("%T", v)
}

func typeAllowed(types []string, got string) bool {
	if len(types) == 0 {
		return true
	}
	for _, t := range types {
		if t == got || (t == "number" && got == "integer") {
			return true
		}
	}
	return false
}

// where names a property for messages: "Changelog.created".
func where(owner, prop string) string {
	switch {
	case owner == "" && prop == "":
		return "the document"
	case owner == "":
		return prop
	case prop == "":
		return owner
	}
	return owner + "." + prop
}

// validate checks val against s. owner and prop say where s was reached
// from (the schema that declared the property, and its name), for messages
// and allow-lists.
func (vd *validator) validate(val any, s map[string]any, path *jpath, owner, prop string) {
	if s == nil {
		return
	}
	f := vd.doc.flatten(s)
	name := f.name
	if name == "" {
		name = where(owner, prop)
	}
	if val == nil {
		if !f.nullable && len(f.types) > 0 {
			vd.add(path, owner, prop, kindNull, fmt.Sprintf("null, but %s (%s) is not nullable", where(owner, prop), strings.Join(f.types, "|")))
		}
		return
	}
	if f.writeOnly {
		vd.add(path, owner, prop, kindWriteOnly, where(owner, prop)+" is writeOnly and has no place in a response")
	}
	if len(f.alts) > 0 {
		vd.validateAlternatives(val, f, path, owner, prop)
	}
	got := jsonType(val)
	if !typeAllowed(f.types, got) {
		vd.add(path, owner, prop, kindType, fmt.Sprintf("%s, but %s is %s%s", describe(val), where(owner, prop), strings.Join(f.types, "|"), formatSuffix(f.format)))
		return
	}
	if f.enum != nil && !slices.ContainsFunc(f.enum, func(e any) bool { return fmt.Sprint(e) == fmt.Sprint(val) }) {
		vd.add(path, owner, prop, kindEnum, fmt.Sprintf("%s is not one of %v (%s)", describe(val), f.enum, where(owner, prop)))
	}
	switch v := val.(type) {
	case map[string]any:
		vd.validateObject(v, f, name, path)
	case []any:
		for i, item := range v {
			vd.validate(item, f.items, path.at(i), owner, prop)
		}
	case string:
		if msg := checkStringFormat(f.format, v); msg != "" {
			vd.add(path, owner, prop, kindFormat, fmt.Sprintf("%s: %s (%s)", describe(val), msg, where(owner, prop)))
		}
	case json.Number:
		if msg := checkIntFormat(f.format, v); msg != "" {
			vd.add(path, owner, prop, kindFormat, fmt.Sprintf("%s: %s (%s)", v, msg, where(owner, prop)))
		}
	}
	if h := vd.hooks[f.name]; h != nil {
		h(vd, val, path)
	}
}

func (vd *validator) validateObject(obj map[string]any, f *flatSchema, name string, path *jpath) {
	for _, r := range f.required {
		if _, ok := obj[r]; !ok {
			vd.add(path.child(r), name, r, kindRequired, "missing, but required by schema "+name)
		}
	}
	generic := ""
	if vd.declared != nil {
		generic = path.generic()
	}
	for _, k := range sortedKeys(obj) {
		child, kpath := obj[k], path.child(k)
		if ps, ok := f.props[k]; ok {
			if vd.declared != nil {
				vd.declared[generic+"."+k] = true
			}
			vd.validate(child, ps, kpath, name, k)
			continue
		}
		matched := false
		for pattern, ps := range f.patterns {
			if vd.doc.regexp(pattern).MatchString(k) {
				matched = true
				vd.validate(child, ps, kpath, name, k)
			}
		}
		switch {
		case matched:
		case f.addlSchema != nil:
			vd.validate(child, f.addlSchema, kpath, name, k)
		case f.addlTrue:
		case f.addlFalse || len(f.props) > 0 || len(f.patterns) > 0:
			vd.add(kpath, name, k, kindUndeclared, "not in schema "+name)
		}
	}
}

// validateAlternatives accepts val if one oneOf/anyOf alternative takes it,
// and otherwise reports the violations of the closest one.
func (vd *validator) validateAlternatives(val any, f *flatSchema, path *jpath, owner, prop string) {
	var best []violation
	for i, alt := range f.alts {
		sub := &validator{doc: vd.doc, hooks: vd.hooks}
		if vd.declared != nil {
			sub.declared = map[string]bool{}
		}
		sub.validate(val, alt, path, owner, prop)
		if len(sub.out) == 0 {
			for k := range sub.declared {
				vd.declared[k] = true
			}
			return
		}
		if i == 0 || len(sub.out) < len(best) {
			best = sub.out
		}
	}
	for _, v := range best {
		v.Msg += fmt.Sprintf(" (no %s alternative of %s matches; this is the closest)", f.altKind, where(owner, prop))
		vd.out = append(vd.out, v)
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		if len(v) > 40 {
			v = v[:37] + "..."
		}
		return fmt.Sprintf("%s %q", jsonType(v), v)
	case json.Number, bool:
		return fmt.Sprintf("%s %v", jsonType(v), v)
	}
	return jsonType(v)
}

func formatSuffix(format string) string {
	if format == "" {
		return ""
	}
	return " (" + format + ")"
}

// jiraTimestamp is the one layout Jira's REST API writes times in.
const jiraTimestamp = "2006-01-02T15:04:05.000-0700"

var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

func checkStringFormat(format, s string) string {
	switch format {
	case "date-time":
		if _, err := time.Parse(jiraTimestamp, s); err != nil {
			return "not a Jira timestamp like 2006-01-02T15:04:05.000-0700"
		}
	case "date":
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return "not a date like 2006-01-02"
		}
	case "uri":
		if u, err := url.Parse(s); err != nil || u.Scheme == "" || u.Host == "" {
			return "not an absolute URI"
		}
	case "uuid":
		if !uuidRE.MatchString(s) {
			return "not a UUID"
		}
	}
	return ""
}

func checkIntFormat(format string, n json.Number) string {
	var bits int
	switch format {
	case "int32":
		bits = 32
	case "int64":
		bits = 64
	default:
		return ""
	}
	if _, err := strconv.ParseInt(string(n), 10, bits); err != nil {
		return "out of range for " + format
	}
	return ""
}

// decodeJSON decodes a document keeping numbers as json.Number.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("trailing data after the JSON document")
	}
	return v, nil
}
