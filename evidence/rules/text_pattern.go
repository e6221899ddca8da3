package rules

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"

	"github.com/pmfolio/pmfolio/evidence/markup"
)

// textPattern is a text condition of a rule, compiled once: a list of
// alternative case-insensitive regexps, any of which may match within one
// sentence of plain text. A signal is a phrase, and whether it counts
// depends on its sentence: a question, or a sentence about code, may not.
//
// Running a dozen regexps over every comment would cost tens of microseconds
// per activity, so each alternative also knows the literal strings one of
// which any of its matches must contain (keys, lowercase, derived from the
// regexp itself so they cannot drift from it). Looking the keys up in the
// text (indexedText) rejects almost every text before a regexp runs, and
// when one does run it is one small alternative over one sentence.
type textPattern struct {
	alts []patternAlt
	// questions lets a match inside a question count. Most signals do not:
	// "should we descope this?" decides nothing.
	questions bool
	// sentenceOK, when set, must accept the sentence that holds the match.
	sentenceOK func(sentence string) bool
}

// patternAlt is one alternative of a textPattern.
type patternAlt struct {
	re   *regexp.Regexp
	keys []patternKey // nil: no prefilter, the regexp always runs
}

// patternKey is one prefilter key with its byte pairs, hashed.
type patternKey struct {
	s     string
	grams []uint16
}

func newPatternKeys(keys []string) []patternKey {
	if keys == nil {
		return nil
	}
	out := make([]patternKey, len(keys))
	for i, k := range keys {
		out[i].s = k
		for j := 0; j+1 < len(k); j++ {
			out[i].grams = append(out[i].grams, gramHash(k[j], k[j+1]))
		}
	}
	return out
}

// indexedText is plain text prepared for many pattern searches: its
// lowercase form, which prefilter keys are searched in, and the set of the
// lowercase form's byte pairs.
type indexedText struct {
	text, lower string
	grams       gramSet
}

func indexText(text string) indexedText {
	t := indexedText{text: text, lower: strings.ToLower(text)}
	for i := 0; i+1 < len(t.lower); i++ {
		h := gramHash(t.lower[i], t.lower[i+1])
		t.grams[h>>6] |= 1 << (h & 63)
	}
	return t
}

// gramSet is a hashed set of byte pairs. A key with a pair the text lacks
// cannot be in it: a few bit tests rule out most keys of most patterns,
// where a substring search per key would scan the text each time.
type gramSet [16]uint64

func gramHash(a, b byte) uint16 {
	return uint16((uint32(a)<<8 | uint32(b)) * 2654435761 >> 22) // top 10 bits
}

// mayHold reports whether t may contain k: false means it cannot.
func (t *indexedText) mayHold(k *patternKey) bool {
	for _, h := range k.grams {
		if t.grams[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	return true
}

// containsAny reports whether t contains one of keys; with no keys, it
// cannot rule anything out.
func (t *indexedText) containsAny(keys []patternKey) bool {
	if keys == nil {
		return true
	}
	for i := range keys {
		if t.mayHold(&keys[i]) && strings.Contains(t.lower, keys[i].s) {
			return true
		}
	}
	return false
}

// mustPattern compiles alternatives for a built-in rule.
func mustPattern(alternatives ...string) *textPattern {
	p, err := compilePattern(alternatives...)
	if err != nil {
		panic(err)
	}
	return p
}

// compilePattern compiles each alternative as a case-insensitive regexp
// (word boundaries are \b; (?-i:…) makes a part case-sensitive) and derives
// its prefilter keys.
func compilePattern(alternatives ...string) (*textPattern, error) {
	p := &textPattern{}
	for _, expr := range alternatives {
		alt, err := compileAlternative(expr)
		if err != nil {
			return nil, err
		}
		p.alts = append(p.alts, alt)
	}
	return p, nil
}

// compileAlternative compiles one alternative of a pattern.
func compileAlternative(expr string) (patternAlt, error) {
	expr = "(?i)" + expr
	re, err := regexp.Compile(expr)
	if err != nil {
		return patternAlt{}, err
	}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return patternAlt{}, err
	}
	return patternAlt{re: re, keys: newPatternKeys(requiredLiterals(tree))}, nil
}

// allowQuestions returns p with matches inside questions counting too.
func (p *textPattern) allowQuestions() *textPattern {
	p.questions = true
	return p
}

// inSentence returns p with ok deciding whether a match's sentence counts.
func (p *textPattern) inSentence(ok func(sentence string) bool) *textPattern {
	p.sentenceOK = ok
	return p
}

// find returns the byte offset in t of the first match that counts.
func (p *textPattern) find(t *indexedText) (int, bool) {
	first := -1
	for i := range p.alts {
		if at, ok := p.alts[i].find(p, t, first); ok {
			first = at
		}
	}
	return max(first, 0), first >= 0
}

// find returns the offset of a's first match that counts, looking only
// before limit when limit >= 0: an earlier alternative matched there.
//
// It runs the regexp on one sentence at a time, and only on sentences that
// hold a key, which keeps long comments cheap. The lowercase text lines up
// with the text byte for byte unless lowercasing changed a character's
// length (rare non-ASCII letters); then every sentence is searched.
func (a *patternAlt) find(p *textPattern, t *indexedText, limit int) (int, bool) {
	if !t.containsAny(a.keys) {
		return 0, false
	}
	text := t.text
	aligned := len(t.lower) == len(text)
	for from := 0; from < len(text) && (limit < 0 || from < limit); {
		_, to := markup.SentenceBounds(text, from, from)
		if !aligned || a.keys == nil || sentenceHolds(t.lower[from:to], a.keys) {
			if loc := a.re.FindStringIndex(text[from:to]); loc != nil {
				if start := from + loc[0]; (limit < 0 || start < limit) && p.countsIn(text[from:to]) {
					return start, true
				}
			}
		}
		from = to + 1 // past the space after the sentence's end
	}
	return 0, false
}

func sentenceHolds(lower string, keys []patternKey) bool {
	for i := range keys {
		if strings.Contains(lower, keys[i].s) {
			return true
		}
	}
	return false
}

// countsIn reports whether a match in sentence counts.
func (p *textPattern) countsIn(sentence string) bool {
	question := strings.HasSuffix(sentence, "?")
	return (p.questions || !question) && (p.sentenceOK == nil || p.sentenceOK(sentence))
}

// matches reports whether p has a match in t that counts.
func (p *textPattern) matches(t *indexedText) bool {
	_, ok := p.find(t)
	return ok
}

// matchesString reports whether p has a match in plain text s that counts.
func (p *textPattern) matchesString(s string) bool {
	t := indexText(s)
	return p.matches(&t)
}

// sentenceRegexp is a regexp that a sentence check runs on many sentences,
// with the lowercase literals one of which any match contains
// (requiredLiterals): most sentences hold none and are passed over without
// running it, as textPattern does for the rules' patterns.
type sentenceRegexp struct {
	re   *regexp.Regexp
	keys []patternKey // nil: the regexp always runs
}

// mustSentenceRegexp compiles expr for a built-in sentence check.
func mustSentenceRegexp(expr string) sentenceRegexp {
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	return sentenceRegexp{re: regexp.MustCompile(expr), keys: newPatternKeys(requiredLiterals(tree))}
}

// mayMatch reports whether s may hold a match: false means it cannot.
func (r sentenceRegexp) mayMatch(s string) bool {
	return r.keys == nil || sentenceHolds(strings.ToLower(s), r.keys)
}

// MatchString reports whether s holds a match.
func (r sentenceRegexp) MatchString(s string) bool { return r.mayMatch(s) && r.re.MatchString(s) }

// FindAllStringSubmatch is regexp.Regexp's.
func (r sentenceRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !r.mayMatch(s) {
		return nil
	}
	return r.re.FindAllStringSubmatch(s, n)
}

// maxKeys bounds how many strings a prefilter tries: past it, a substring
// search per key costs more than it saves.
const maxKeys = 16

// requiredLiterals returns lowercase strings one of which every match of re
// contains, or nil when it cannot tell. A sequence contributes the run of
// its parts that gives the most selective set: "(?:meets|met) the" gives
// "meets the" and "met the" rather than "me".
func requiredLiterals(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredLiterals(re.Sub[0])
		}
	case syntax.OpConcat:
		return concatLiterals(re.Sub)
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			keys := requiredLiterals(sub)
			if keys == nil {
				return nil
			}
			all = append(all, keys...)
		}
		return pruneKeys(all)
	}
	return nil
}

// concatLiterals picks the best key set of a sequence: a part's own required
// literals, or the strings a run of consecutive finite parts spells together.
func concatLiterals(subs []*syntax.Regexp) []string {
	var best []string
	consider := func(keys []string) {
		keys = pruneKeys(keys)
		if keys != nil && betterKeys(keys, best) {
			best = keys
		}
	}
	// Each prefix of a run is a candidate: spelling a run out further can
	// multiply the keys without making them more selective.
	run := []string{""}
	for _, sub := range subs {
		if set, ok := exactStrings(sub); ok {
			if next := product(run, set); len(next) <= maxKeys {
				run = next
			} else {
				run = set
			}
			consider(slices.Clone(run))
			consider(slices.Clone(set))
			continue
		}
		run = []string{""}
		consider(requiredLiterals(sub))
	}
	return best
}

// exactStrings returns the lowercase strings re can match when they are few
// (a literal, a small class, an alternation or sequence of those). Zero-width
// assertions count as the empty string: a prefilter needs only what a match
// must contain, not where.
func exactStrings(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}, true
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return []string{""}, true
	case syntax.OpCapture:
		return exactStrings(re.Sub[0])
	case syntax.OpQuest:
		set, ok := exactStrings(re.Sub[0])
		if !ok || len(set) >= maxKeys {
			return nil, false
		}
		return append(set, ""), true
	case syntax.OpCharClass:
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(set) > 2*maxKeys {
					return nil, false
				}
				set = append(set, strings.ToLower(string(r)))
			}
		}
		slices.Sort(set)
		set = slices.Compact(set)
		return set, len(set) <= maxKeys/2
	case syntax.OpAlternate:
		var set []string
		for _, sub := range re.Sub {
			s, ok := exactStrings(sub)
			if !ok || len(set)+len(s) > maxKeys {
				return nil, false
			}
			set = append(set, s...)
		}
		return set, true
	case syntax.OpConcat:
		set := []string{""}
		for _, sub := range re.Sub {
			s, ok := exactStrings(sub)
			if !ok {
				return nil, false
			}
			if set = product(set, s); len(set) > maxKeys {
				return nil, false
			}
		}
		return set, true
	}
	return nil, false
}

func product(prefixes, suffixes []string) []string {
	out := make([]string, 0, len(prefixes)*len(suffixes))
	for _, p := range prefixes {
		for _, s := range suffixes {
			out = append(out, p+s)
		}
	}
	return out
}

// pruneKeys drops duplicates and keys that contain another key (found
// whenever the shorter one is), and returns nil when a key is empty: the
// empty string rules nothing out.
func pruneKeys(keys []string) []string {
	if keys == nil {
		return nil
	}
	slices.SortFunc(keys, func(a, b string) int { return len(a) - len(b) })
	var out []string
	for _, k := range keys {
		if k == "" {
			return nil
		}
		if !slices.ContainsFunc(out, func(shorter string) bool { return strings.Contains(k, shorter) }) {
			out = append(out, k)
		}
	}
	return out
}

// betterKeys reports whether keys filter better than best: a longer weakest
// key (up to a length past which texts rarely differ), then fewer keys.
func betterKeys(keys, best []string) bool {
	if best == nil {
		return true
	}
	const enough = 6
	a, b := min(weakestKey(keys), enough), min(weakestKey(best), enough)
	if a != b {
		return a > b
	}
	// Of keys as long, words nearly every text has ("to the") filter least.
	if ca, cb := anyCommonKey(keys), anyCommonKey(best); ca != cb {
		return cb
	}
	return len(keys) < len(best)
}

// commonWords are words nearly every comment holds.
var commonWords = map[string]bool{
	"a": true, "an": true, "the": true, "to": true, "of": true, "for": true, "with": true, "in": true, "on": true,
	"at": true, "by": true, "from": true, "as": true, "is": true, "are": true, "be": true, "it": true, "this": true,
	"that": true, "we": true, "you": true, "they": true, "them": true, "and": true, "or": true, "not": true,
}

// anyCommonKey reports whether one of keys is nothing but common words.
func anyCommonKey(keys []string) bool {
	for _, k := range keys {
		words := strings.Fields(k)
		common := len(words) > 0
		for _, w := range words {
			common = common && commonWords[w]
		}
		if common {
			return true
		}
	}
	return false
}

// weakestKey is how selective the least selective of keys is: its length
// without spaces, which nearly every text has (" with " is as common as
// "with").
func weakestKey(keys []string) int {
	weakest := -1
	for _, k := range keys {
		if n := len(k) - strings.Count(k, " "); weakest < 0 || n < weakest {
			weakest = n
		}
	}
	return weakest
}
