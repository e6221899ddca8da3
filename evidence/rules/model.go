package rules

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed" // the built-in model's weights
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// The text model finds PM work that is written rather than clicked, however
// it is phrased: a logistic regression per category over the words and
// word pairs of what the user wrote, and a few facts of its context (whose
// issue, the question a reply answers). It runs after the rules: it claims
// a category no rule claimed when its probability reaches the category's
// threshold, and withholds a rule's claim on writing it reads when its
// probability is below the category's veto; both are chosen on the train
// split for precision. `make model` trains it (model_train.go,
// evidence/rules/train) into model.tsv.gz.

// modelMinWords is the fewest words the model reads: "LGTM" and "done"
// say nothing it could weigh.
const modelMinWords = 4

//go:embed model.tsv.gz
var builtinModelData []byte

// mustBuiltinModel is the embedded model, read on first use. It cannot
// fail but in a broken build, which TestModelWritesAndReadsTheSameWeights
// catches.
var mustBuiltinModel = sync.OnceValue(func() *Model {
	m, err := ReadModel(bytes.NewReader(builtinModelData))
	if err != nil {
		panic(fmt.Sprintf("built-in text model: %v", err))
	}
	return m
})

// Model is a trained text model.
type Model struct {
	Categories []string  // category ids, in the order of the weights
	Thresholds []float64 // the probability each category's claims need
	// Vetoes are, per category, the probability below which the model
	// withholds a rule's claim on writing it reads: the rule's words are
	// there, but nothing else the user wrote says so.
	Vetoes  []float64
	Bias    []float64            // per category
	weights map[uint64][]float32 // by featureHash of the feature's name
	names   []string             // the features' names, for Write
}

// modelToken is one word of the text, normalised, with where it is.
type modelToken struct {
	norm       string
	start, end int // byte offsets in the text
}

// modelFeature is one feature of an activity; tok and tok2 are the indexes
// of the tokens it comes from (-1 for a fact of the context, questionTok
// for a word of the question a reply answers).
type modelFeature struct {
	hash      uint64
	tok, tok2 int
}

// questionExcerptRunes is how much of the question an explanation quotes.
const questionExcerptRunes = 80

// questionTok marks the features of the question a reply answers.
const questionTok = -2

// featureHash is FNV-1a over a feature's name. Features are hashed as they
// are found, in parts (hashMore), so that names need not be built.
func featureHash(name string) uint64 { return hashMore(fnvOffset, name) }

const fnvOffset = uint64(14695981039346656037)

func hashMore(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// featureSink collects features; when keepNames is set (training), names
// holds each feature's name beside it.
type featureSink struct {
	feats     []modelFeature
	keepNames bool
	names     []string
}

func (fs *featureSink) word(prefix, norm string, tok, tok2 int) {
	fs.feats = append(fs.feats, modelFeature{hashMore(hashMore(fnvOffset, prefix), norm), tok, tok2})
	if fs.keepNames {
		fs.names = append(fs.names, prefix+norm)
	}
}

func (fs *featureSink) pair(a, b string, tok, tok2 int) {
	h := hashMore(hashMore(hashMore(hashMore(fnvOffset, "b:"), a), " "), b)
	fs.feats = append(fs.feats, modelFeature{h, tok, tok2})
	if fs.keepNames {
		fs.names = append(fs.names, "b:"+a+" "+b)
	}
}

// modelTokens splits text into normalised words: lowercase and lightly
// stemmed, with numbers, times, issue keys, mentions and links folded into
// one token each, so "live Thursday 10:40" and "live Monday 9:15" share
// most features. lower is text in lowercase; when it has text's length,
// tokens are cut from it without allocating.
func modelTokens(text, lower string) []modelToken {
	aligned := len(lower) == len(text)
	toks := make([]modelToken, 0, len(text)/5+1)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '@' && i+1 < len(text) {
			j := i + 1
			for j < len(text) && (isWordRune(rune(text[j])) || text[j] == '.' && j+1 < len(text) && isWordRune(rune(text[j+1]))) {
				j++
			}
			if j > i+1 {
				toks = append(toks, modelToken{"<mention>", i, j})
				i = j
				continue
			}
		}
		if strings.HasPrefix(text[i:], "http://") || strings.HasPrefix(text[i:], "https://") {
			j := i
			for j < len(text) && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' {
				j++
			}
			toks = append(toks, modelToken{"<url>", i, j})
			i = j
			continue
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) || (r2 == '\'' || r2 == '’' || r2 == ':' || r2 == '.' || r2 == '-') && j+s2 < len(text) && isWordRune(rune(text[j+s2])) {
				j += s2
				continue
			}
			break
		}
		word := ""
		if aligned {
			word = lower[i:j]
		} else {
			word = strings.ToLower(text[i:j])
		}
		toks = append(toks, modelToken{normaliseWord(text[i:j], word), i, j})
		i = j
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// normaliseWord folds a word (as written, and in lowercase): issue keys,
// times and numbers to one token each, the rest lowercase without
// apostrophes or inner dots, and stemmed.
func normaliseWord(w, lower string) string {
	hasDigit, hasLetter := false, false
	for _, r := range w {
		hasDigit = hasDigit || unicode.IsDigit(r)
		hasLetter = hasLetter || unicode.IsLetter(r)
	}
	switch {
	case hasDigit && hasLetter && evidence.ProjectOfKey(w) != "":
		return "<key>"
	case hasDigit && strings.Contains(w, ":"):
		return "<time>"
	case hasDigit:
		return "<num>"
	}
	if strings.ContainsAny(lower, "’'.:") {
		lower = wordPunct.Replace(lower)
	}
	return stem(lower)
}

var wordPunct = strings.NewReplacer("’", "", "'", "", ".", "", ":", "")

// stem strips the commonest English endings, enough that "shipping",
// "shipped" and "ships" meet; a stemmer would be overkill for ranking
// features.
func stem(w string) string {
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "ly"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// modelFeatures lists the features of an activity: its words, word
// starts and pairs, the concepts of its words, and facts of its context
// (the concepts of the question a reply answers among them).
func modelFeatures(s *subject, fs *featureSink) []modelToken {
	t := s.plain()
	toks := modelTokens(t.text, t.lower)
	fs.feats = slices.Grow(fs.feats[:0], 3*len(toks)+8)
	for i, tok := range toks {
		fs.word("w:", tok.norm, i, -1)
		// How a sentence opens says what it does: "heads-up", "going
		// with", "fyi" open what a user tells; "could", "should" what
		// they ask.
		if i == 0 || strings.ContainsAny(t.text[toks[i-1].end:tok.start], ".!?;\n") {
			fs.word("first:", tok.norm, i, -1)
		}
		if i > 0 {
			fs.pair(toks[i-1].norm, tok.norm, i-1, i)
		}
		if len(tok.norm) > 5 && tok.norm[0] != '<' {
			// The start of a long word meets its other forms and
			// misspellings: "prioritise", "prioritize", "priorities".
			fs.word("p:", tok.norm[:5], i, -1)
		}
		if concept, ok := modelConcepts[tok.norm]; ok {
			fs.word("c:", concept, i, -1)
		}
	}
	ctx := func(prefix, name string) { fs.word(prefix, name, -1, -1) }
	ctx("src:", string(s.a.Source))
	// A Defect is read as the Bug the model learnt from: a shop's name for
	// its bugs must not make a bug report read as a story.
	typ := strings.ToLower(s.is.Type)
	if evidence.IsBugType(typ) {
		typ = "bug"
	}
	ctx("type:", typ)
	switch {
	case s.is.Assignee.Is(s.me):
		ctx("assignee:", "me")
	case s.is.Assignee.ID == "":
		ctx("assignee:", "none")
	default:
		ctx("assignee:", "other")
	}
	if s.is.CreatedBy(s.me) {
		ctx("reporter:", "me")
	}
	if q := s.a.InReplyTo; q != nil && !q.Author.Is(s.me) {
		ctx("reply:", "any")
		if strings.Contains(q.Text, "?") {
			ctx("reply:", "question")
		}
		// What was asked says what an answer settles: "done, granted"
		// unblocks whoever asked for access. Its concepts, not its words:
		// a question's topic says nothing of whether the answer settled it.
		asked := markup.PlainText(q.Text)
		for _, w := range modelTokens(asked, strings.ToLower(asked)) {
			if concept, ok := modelConcepts[w.norm]; ok {
				fs.word("q:", concept, questionTok, -1)
			}
		}
	}
	// A question asks; it rarely settles or tells anything itself.
	if last := strings.TrimRight(t.text, " \t\n)"); strings.HasSuffix(last, "?") {
		ctx("ask:", "ends")
	} else if strings.Contains(t.text, "?") {
		ctx("ask:", "within")
	}
	switch n := len(toks); {
	case n < 8:
		ctx("len:", "short")
	case n < 25:
		ctx("len:", "medium")
	case n < 60:
		ctx("len:", "long")
	default:
		ctx("len:", "verylong")
	}
	return toks
}

// modelConcepts fold words that play the same part in PM writing into one
// feature, so that writing the corpus did not have still meets what it did:
// "Thursday" and "EOD" are both a when, "support" and "finance" both an
// audience. The groups come from the taxonomy's signals, not from any
// one writer; keys are normalised words (see normaliseWord).
var modelConcepts = func() map[string]string {
	groups := map[string]string{
		"when":     "monday tuesday wednesday thursday friday saturday sunday tomorrow today tonight eod eow week weekend fortnight month quarter q1 q2 q3 q4 morning afternoon noon midnight asap soon later deadline cutoff cut-off january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec",
		"audience": "support sales cs leadership lead leads stakeholder stakeholders customer customers client clients exec execs management manager managers finance legal compliance marketing ops operations partner partners merchant merchants vendor vendors everyone all folks team squad channel director vp cto ceo cfo board product design qa helpdesk",
		"ship":     "eta live ship ships shipped shipping release released releasing rollout roll-out deploy deployed deploying launch launched launching available go-live golive cutover hotfix",
		"decide":   "decide decided deciding decision decisions agree agreed agreeing agreement settle settled chose choose chosen option options trade-off tradeoff scope scoped descope descoped defer deferred postpone postponed cut drop dropped dropping call approve approved approval park parked revisit instead",
		"block":    "block blocked blocking blocker blockers unblock unblocked stuck wait waiting access permission permissions grant granted credential credentials depend depends dependency dependencies impediment",
		"incident": "incident incidents outage outages sev sev1 sev2 degrade degraded degradation mitigate mitigated mitigation rollback rolled impact impacted affect affected postmortem rca recover recovered recovery baseline page paged pager",
		"verify":   "verified verify verifying test tested testing check checked confirm confirmed pass passed passes fail failed failing reproduce reproduced uat staging accept accepted acceptance ac criteria demo",
		"priority": "priority priorities prioritize prioritise prioritized prioritised prioritizing prioritising important urgent critical first ahead before after order reorder rank ranked top bottom p0 p1 p2",
		"plan":     "sprint sprints capacity carry carried carryover carry-over velocity goal goals plan planned planning commit committed commitment backlog refinement refine groom grooming",
		"update":   "update updates status progress heads-up headsup fyi recap summary note",
		"other":    "their they other another side owner owners own handoff hand-off coordinate coordinated coordinating coordination align aligned sync synced",
	}
	m := map[string]string{}
	for concept, words := range groups {
		for _, w := range strings.Fields(words) {
			m[stem(w)] = concept
		}
	}
	return m
}()

// modelReads reports whether the model reads the subject's writing: the
// user's own (not an automation's) comment, description or worklog of a
// few words.
func (s *subject) modelReads() bool {
	switch s.a.Source {
	case evidence.SourceComment, evidence.SourceIssue, evidence.SourceWorklog:
	default:
		return false
	}
	if !s.a.Mine(s.is, s.me) || s.isAutomation(s.a.Author) {
		return false
	}
	s.plain()
	return s.words >= modelMinWords
}

// probabilities are the model's probability of each of its categories;
// a feature found twice weighs once.
func (m *Model) probabilities(feats []modelFeature) []float64 {
	hashes := make([]uint64, len(feats))
	for i, f := range feats {
		hashes[i] = f.hash
	}
	slices.Sort(hashes)
	z := slices.Clone(m.Bias)
	for i, h := range hashes {
		if i > 0 && hashes[i-1] == h {
			continue
		}
		if w, ok := m.weights[h]; ok {
			for c := range z {
				z[c] += float64(w[c])
			}
		}
	}
	for c := range z {
		z[c] = 1 / (1 + math.Exp(-z[c]))
	}
	return z
}

// firstOf reports whether feats[i] is the first feature with its hash. A
// text has tens of features, so a scan beats a set.
func firstOf(feats []modelFeature, i int) bool {
	for j := 0; j < i; j++ {
		if feats[j].hash == feats[i].hash {
			return false
		}
	}
	return true
}

// explainSkips are words too common to explain a claim.
var explainSkips = func() map[string]bool {
	skips := map[string]bool{"<num>": true, "<mention>": true, "<url>": true}
	for _, w := range strings.Fields(`the a an to of and or in on at for it is i we this that be with without by as if so
		but are was were has have do does did you your our my me they their them he she his her there can will from up out
		just also then than its into about`) {
		skips[stem(w)] = true // as the model's tokens have them: "this" is "thi"
	}
	return skips
}()

// weighed is a feature's pull towards a category, for explanations.
type weighed struct {
	f modelFeature
	w float64
}

// strongest lists the text features that weighed most towards category c,
// strongest first, at most n, distinct in what they show; a word such as
// "the" says nothing to a reader, whatever its weight.
func (m *Model) strongest(feats []modelFeature, toks []modelToken, c, n int) []weighed {
	var out []weighed
	for i, f := range feats {
		if f.tok < 0 || !firstOf(feats, i) || explainSkips[toks[f.tok].norm] && (f.tok2 < 0 || explainSkips[toks[f.tok2].norm]) {
			continue
		}
		if w, ok := m.weights[f.hash]; ok && w[c] > 0 {
			out = append(out, weighed{f, float64(w[c])})
		}
	}
	slices.SortStableFunc(out, func(a, b weighed) int {
		switch {
		case a.w > b.w:
			return -1
		case a.w < b.w:
			return 1
		}
		return 0
	})
	// A word shown once, alone or in a pair, is not shown again.
	var kept []weighed
	shown := map[int]bool{}
	for _, x := range out {
		if shown[x.f.tok] || x.f.tok2 >= 0 && shown[x.f.tok2] {
			continue
		}
		shown[x.f.tok] = true
		if x.f.tok2 >= 0 {
			shown[x.f.tok2] = true
		}
		kept = append(kept, x)
		if len(kept) == n {
			break
		}
	}
	return kept
}

// questionWeight is how much the words of the question a reply answers
// pulled towards category c, together: when they pulled more than any word
// of the reply, the explanation says so.
func (m *Model) questionWeight(feats []modelFeature, c int) float64 {
	sum := 0.0
	for i, f := range feats {
		if f.tok == questionTok && firstOf(feats, i) {
			if w, ok := m.weights[f.hash]; ok && w[c] > 0 {
				sum += float64(w[c])
			}
		}
	}
	return sum
}

// claims withholds from out the rules' claims the model vetoes, but those
// unvetoed says it may not, and adds the categories it finds that no rule
// claimed or ruled out.
func (m *Model) claims(s *subject, out []evidence.Evidence, unvetoed func(evidence.Evidence) bool, ruledOut []string) []evidence.Evidence {
	var fs featureSink
	toks := modelFeatures(s, &fs)
	feats := fs.feats
	probs := m.probabilities(feats)
	out = slices.DeleteFunc(out, func(ev evidence.Evidence) bool {
		c := slices.Index(m.Categories, ev.Category)
		return c >= 0 && probs[c] < m.Vetoes[c] && !unvetoed(ev)
	})
	text := s.plain().text
	for c, id := range m.Categories {
		if probs[c] < m.Thresholds[c] || hasCategory(out, id) || slices.Contains(ruledOut, id) {
			continue
		}
		top := m.strongest(feats, toks, c, 3)
		if len(top) == 0 {
			continue // context alone is no claim
		}
		words := make([]string, len(top))
		for i, x := range top {
			end := toks[x.f.tok].end
			if x.f.tok2 >= 0 {
				end = toks[x.f.tok2].end
			}
			words[i] = strconv.Quote(text[toks[x.f.tok].start:end])
		}
		why := fmt.Sprintf("text model, p=%.2f; weighed most: %s", probs[c], strings.Join(words, ", "))
		if m.questionWeight(feats, c) > top[0].w {
			why += fmt.Sprintf("; and the question it answers: %q", markup.KeepMentions(evidence.Shorten(markup.PlainText(s.a.InReplyTo.Text), questionExcerptRunes), s.a.InReplyTo.Text))
		}
		excerpt := markup.ExcerptAt(text, toks[top[0].f.tok].start)
		if s.a.Source == evidence.SourceIssue {
			// An issue the user filed reads from its opening, as the story
			// rules quote it (quote: opening): a write-up from what
			// happened and what it cost, not from its list of follow-ups.
			excerpt = issueExcerpt(s)
		}
		out = append(out, evidence.Evidence{
			Source: s.a.Source, SourceID: s.a.SourceID, OccurredAt: s.a.At, IssueID: s.a.IssueID,
			Category: id, Rule: evidence.RuleTextModel, Confidence: math.Round(probs[c]*100) / 100,
			Excerpt: s.quote(excerpt),
			Why:     why,
		})
	}
	return out
}

// The model file is text, gzipped: a header line, then "categories",
// "thresholds", "vetoes" and "bias" lines, then one line per feature with a weight
// per category, tab-separated.
const modelHeader = "# pmfolio text model v1"

// ReadModel reads a model written by Model.Write. Every command that loads
// the rules reads the built-in model, some 100,000 lines, so it is read in
// one pass over the unzipped text without a string per line or per value:
// the weights share one array and the names one string.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	header, text, _ := bytes.Cut(text, []byte("\n"))
	if string(header) != modelHeader {
		return nil, fmt.Errorf("read model: not a pmfolio model (first line %q)", header)
	}
	features := bytes.Count(text, []byte("\n"))
	m := &Model{weights: make(map[uint64][]float32, features), names: make([]string, 0, features)}
	var (
		row       []float64 // one line's values
		slab      []float32 // every feature's weights
		names     strings.Builder
		nameEnds  []int
		lineBreak = []byte("\n")
		tab       = []byte("\t")
	)
	for line := 2; len(text) > 0; line++ {
		var l []byte
		l, text, _ = bytes.Cut(text, lineBreak)
		name, values, _ := bytes.Cut(l, tab)
		if string(name) == "categories" {
			m.Categories = strings.Split(string(values), "\t")
			slab = make([]float32, 0, features*len(m.Categories))
			continue
		}
		if len(m.Categories) == 0 {
			return nil, fmt.Errorf("read model: line %d comes before the categories", line)
		}
		row = row[:0]
		for v := range bytes.SplitSeq(values, tab) {
			f, err := strconv.ParseFloat(string(v), 64)
			if err != nil {
				return nil, fmt.Errorf("read model: line %d: %q is not a number", line, v)
			}
			row = append(row, f)
		}
		if len(row) != len(m.Categories) {
			return nil, fmt.Errorf("read model: line %d has %d values, want %d", line, len(row), len(m.Categories))
		}
		switch string(name) {
		case "thresholds":
			m.Thresholds = slices.Clone(row)
		case "vetoes":
			m.Vetoes = slices.Clone(row)
		case "bias":
			m.Bias = slices.Clone(row)
		default:
			start := len(slab)
			for _, f := range row {
				slab = append(slab, float32(f))
			}
			m.weights[hashMore(fnvOffset, string(name))] = slab[start:len(slab):len(slab)]
			names.Write(name)
			nameEnds = append(nameEnds, names.Len())
		}
	}
	all, from := names.String(), 0
	for _, end := range nameEnds {
		m.names = append(m.names, all[from:end])
		from = end
	}
	if m.Vetoes == nil {
		m.Vetoes = make([]float64, len(m.Categories)) // a model of before vetoes
	}
	if len(m.Categories) == 0 || len(m.Thresholds) != len(m.Categories) || len(m.Vetoes) != len(m.Categories) || len(m.Bias) != len(m.Categories) {
		return nil, fmt.Errorf("read model: categories, thresholds, vetoes or bias missing")
	}
	return m, nil
}

// Write writes the model in the form ReadModel reads, features sorted, so
// that the same training gives the same bytes.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	row := func(name string, values []float64, prec int) {
		bw.WriteString(name)
		for _, v := range values {
			bw.WriteByte('\t')
			bw.WriteString(strconv.FormatFloat(v, 'f', prec, 64))
		}
		bw.WriteByte('\n')
	}
	bw.WriteString(modelHeader + "\n")
	bw.WriteString("categories\t" + strings.Join(m.Categories, "\t") + "\n")
	row("thresholds", m.Thresholds, 3)
	row("vetoes", m.Vetoes, 3)
	row("bias", m.Bias, 4)
	names := slices.Sorted(slices.Values(m.names))
	values := make([]float64, len(m.Categories))
	for _, name := range names {
		for i, v := range m.weights[featureHash(name)] {
			values[i] = float64(v)
		}
		row(name, values, 4)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}
