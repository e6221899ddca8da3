package rules

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/rules/internal/corpus"
)

// Example is one labelled activity the model learns from.
type Example struct {
	Activity evidence.Activity
	Issue    evidence.Issue
	Me       evidence.User
	Want     []string // the categories a careful reader credits
	// Writer names who wrote the example. Cross-validation holds out one
	// writer at a time, so that thresholds are chosen on writing unlike
	// what the model learned from, as the test split is; without writers,
	// examples are dealt into Folds folds.
	Writer string
}

// TrainOptions shape training. The zero value is not useful; see
// DefaultTrainOptions.
type TrainOptions struct {
	Epochs   int     // passes over the examples
	Rate     float64 // AdaGrad's step size
	L2       float64 // weight decay per step
	MinCount int     // a feature seen in fewer examples is dropped
	Folds    int     // cross-validation folds when examples name no writer
	// Precision is how often the claims of the rules and the model
	// together must be right, out of fold, over all categories; the
	// thresholds and vetoes are chosen for it (choosePoints).
	Precision float64
	// CategoryPrecision is the least precision out of fold any one
	// category's claims may have when the categories are chosen together
	// (choosePoints).
	CategoryPrecision float64
	// MinThreshold is the lowest threshold allowed: below it a claim is a
	// guess, whatever cross-validation says.
	MinThreshold float64
}

// DefaultTrainOptions are the options `make model` trains with.
var DefaultTrainOptions = TrainOptions{Epochs: 20, Rate: 0.3, L2: 1e-4, MinCount: 2, Folds: 5, Precision: 0.95, CategoryPrecision: 0.90, MinThreshold: 0.5}

// TrainReport says how training went, out of fold on the examples.
type TrainReport struct {
	Examples, TextExamples, Features int
	// Categories are, per category: the threshold and veto chosen and the precision
	// and recall of the rules with and without the model, out of fold.
	Categories []CategoryFit
	// Micro-averaged over the categories, out of fold.
	RulesPrecision, RulesRecall   float64
	MergedPrecision, MergedRecall float64
}

// CategoryFit is one category's figures in a TrainReport.
type CategoryFit struct {
	Category                      string
	tp, fp, fn, rtp, rfp, rfn     int // counts behind the figures
	Threshold, Veto               float64
	RulesPrecision, RulesRecall   float64
	MergedPrecision, MergedRecall float64
}

// trainExample is an example as the trainer sees it.
type trainExample struct {
	feats []int        // feature indexes, each once
	want  []bool       // per category
	rules map[int]bool // categories the rules claim
	text  bool         // the model reads it
	fold  int
	// ruledOut are the categories a rule's unless ruled out: the model
	// may not claim them.
	ruledOut map[int]bool
	// kept are the categories a rule claims that the model may not
	// withhold (model-veto: false): no veto takes them away.
	kept map[int]bool
}

// TrainModel trains the text model on examples, choosing each category's
// threshold by cross-validation so that the rules and the model together
// keep opts.Precision. The rules are rs (without a model). Training is
// deterministic: the same examples give the same model.
func TrainModel(rs *RuleSet, examples []Example, opts TrainOptions) (*Model, TrainReport, error) {
	cats := make([]string, len(evidence.Categories))
	for i, c := range evidence.Categories {
		cats[i] = c.ID
	}
	catIndex := map[string]int{}
	for i, c := range cats {
		catIndex[c] = i
	}
	rs = rs.withoutModel()
	// Features seen in at least MinCount text examples.
	type prepared struct {
		names []string
		ex    trainExample
	}
	folds, foldOf := opts.Folds, writerFolds(examples)
	if foldOf != nil {
		folds = len(foldOf)
	}
	counts := map[string]int{}
	var all []prepared
	for i, e := range examples {
		s := &subject{a: e.Activity, is: e.Issue, me: e.Me, rs: rs}
		fold := i % folds
		if foldOf != nil {
			fold = foldOf[e.Writer]
		}
		p := prepared{ex: trainExample{want: make([]bool, len(cats)), rules: map[int]bool{}, kept: map[int]bool{}, ruledOut: map[int]bool{}, fold: fold}}
		for _, w := range e.Want {
			c, ok := catIndex[w]
			if !ok {
				return nil, TrainReport{}, fmt.Errorf("example %d: unknown category %q", i, w)
			}
			p.ex.want[c] = true
		}
		claims, ruledOut := rs.classify(e.Activity, e.Issue, e.Me)
		for _, ev := range claims {
			if c, ok := catIndex[ev.Category]; ok {
				p.ex.rules[c] = true
				p.ex.kept[c] = rs.unvetoed(ev)
			}
		}
		for _, id := range ruledOut {
			if c, ok := catIndex[id]; ok {
				p.ex.ruledOut[c] = true
			}
		}
		if s.modelReads() {
			p.ex.text = true
			fs := featureSink{keepNames: true}
			modelFeatures(s, &fs)
			seen := map[string]bool{}
			for _, name := range fs.names {
				if !seen[name] {
					seen[name] = true
					p.names = append(p.names, name)
					counts[name]++
				}
			}
		}
		all = append(all, p)
	}
	var vocab []string
	for name, n := range counts {
		if n >= opts.MinCount {
			vocab = append(vocab, name)
		}
	}
	slices.Sort(vocab)
	index := map[string]int{}
	for i, name := range vocab {
		index[name] = i
	}
	exs := make([]trainExample, len(all))
	textCount := 0
	for i, p := range all {
		for _, name := range p.names {
			if j, ok := index[name]; ok {
				p.ex.feats = append(p.ex.feats, j)
			}
		}
		slices.Sort(p.ex.feats)
		exs[i] = p.ex
		if p.ex.text {
			textCount++
		}
	}

	// Out-of-fold probabilities choose the thresholds.
	// Folds are independent, so they train side by side, one per core;
	// each writes only its own examples' rows, and the result is the same
	// in any order.
	oof := make([][]float64, len(exs))
	var wg sync.WaitGroup
	cores := make(chan struct{}, runtime.GOMAXPROCS(0))
	for fold := 0; fold < folds; fold++ {
		wg.Add(1)
		cores <- struct{}{}
		go func() {
			defer func() { <-cores; wg.Done() }()
			w, b := fitBagged(exs, len(vocab), len(cats), opts, func(e *trainExample) bool { return e.fold != fold })
			for i := range exs {
				if exs[i].fold == fold && exs[i].text {
					oof[i] = predict(w, b, exs[i].feats)
				}
			}
		}()
	}
	wg.Wait()
	rep := TrainReport{Examples: len(exs), TextExamples: textCount, Features: len(vocab)}
	thresholds, vetoes := make([]float64, len(cats)), make([]float64, len(cats))
	points := make([][]operatingPoint, len(cats))
	for c := range cats {
		points[c] = operatingPoints(exs, oof, c, opts)
	}
	var tp, fp, fn, rtp, rfp, rfn int
	chosen := choosePoints(points, opts)
	for c := range cats {
		pt := chosen[c]
		rules := points[c][0] // veto 0, no claims of the model's own
		fit := CategoryFit{Category: cats[c], Threshold: pt.threshold, Veto: pt.veto,
			tp: pt.tp, fp: pt.fp, fn: pt.fn, rtp: rules.tp, rfp: rules.fp, rfn: rules.fn}
		fit.RulesPrecision, fit.RulesRecall = ratio(fit.rtp, fit.rtp+fit.rfp), ratio(fit.rtp, fit.rtp+fit.rfn)
		fit.MergedPrecision, fit.MergedRecall = ratio(fit.tp, fit.tp+fit.fp), ratio(fit.tp, fit.tp+fit.fn)
		thresholds[c], vetoes[c] = fit.Threshold, fit.Veto
		rep.Categories = append(rep.Categories, fit)
		tp, fp, fn, rtp, rfp, rfn = tp+fit.tp, fp+fit.fp, fn+fit.fn, rtp+fit.rtp, rfp+fit.rfp, rfn+fit.rfn
	}
	rep.RulesPrecision, rep.RulesRecall = ratio(rtp, rtp+rfp), ratio(rtp, rtp+rfn)
	rep.MergedPrecision, rep.MergedRecall = ratio(tp, tp+fp), ratio(tp, tp+fn)

	w, b := fitBagged(exs, len(vocab), len(cats), opts, func(*trainExample) bool { return true })
	m := &Model{Categories: cats, Thresholds: thresholds, Vetoes: vetoes, Bias: b, weights: map[uint64][]float32{}}
	for j, name := range vocab {
		row := make([]float32, len(cats))
		keep := false
		for c := range cats {
			v := math.Round(w[j*len(cats)+c]*1e4) / 1e4
			row[c] = float32(v)
			keep = keep || math.Abs(v) >= 0.01
		}
		if keep {
			h := featureHash(name)
			m.weights[h], m.names = row, append(m.names, name)
		}
	}
	for c := range m.Bias {
		m.Bias[c] = math.Round(m.Bias[c]*1e4) / 1e4
	}
	rep.Features = len(m.weights)
	return m, rep, nil
}

// TrainingExamples reads the train split of the labelled corpus in dir as
// examples, each with its writer (the file's prefix).
func TrainingExamples(dir string) ([]Example, error) {
	cases, err := corpus.Load(dir, "train")
	if err != nil {
		return nil, err
	}
	examples := make([]Example, 0, len(cases))
	for i := range cases {
		a, is, err := cases[i].Build()
		if err != nil {
			return nil, err
		}
		examples = append(examples, Example{Activity: a, Issue: is, Me: corpus.People["me"], Want: cases[i].Want, Writer: corpus.Writer(cases[i].File)})
	}
	return examples, nil
}

// TrainingFingerprint digests what training learns from: each example's
// writer, labels and text, the rules' claims on it and the categories they
// rule out (thresholds and vetoes are chosen beside them) and the features
// the model reads in it. `make model` records it beside the model it
// writes (ModelFingerprintName), and a test compares it with today's: a
// change to the corpus, the rules or the features that would train another
// model fails until the model is trained again, so the embedded model is
// always what `make model` makes.
func TrainingFingerprint(rs *RuleSet, examples []Example) string {
	rs = rs.withoutModel()
	h := sha256.New()
	var fs featureSink
	var hash []byte
	for _, e := range examples {
		fmt.Fprintf(h, "%q %q %q %q|", e.Writer, e.Want, e.Activity.Source, e.Activity.Text)
		claims, ruledOut := rs.classify(e.Activity, e.Issue, e.Me)
		for _, ev := range claims {
			fmt.Fprintf(h, "%s %s|", ev.Category, ev.Rule)
		}
		for _, id := range ruledOut {
			fmt.Fprintf(h, "!%s|", id)
		}
		if s := (&subject{a: e.Activity, is: e.Issue, me: e.Me, rs: rs}); s.modelReads() {
			modelFeatures(s, &fs)
			for _, f := range fs.feats {
				hash = binary.LittleEndian.AppendUint64(hash[:0], f.hash)
				h.Write(hash)
			}
		}
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// ModelFingerprintName is the file, beside the model, where `make model`
// records the fingerprint of what it trained the model on.
const ModelFingerprintName = "model.trained-on"

// writerFolds numbers the writers of examples in the order they first
// appear, one fold each; nil when fewer than two writers are named.
func writerFolds(examples []Example) map[string]int {
	folds := map[string]int{}
	for _, e := range examples {
		if _, ok := folds[e.Writer]; !ok && e.Writer != "" {
			folds[e.Writer] = len(folds)
		}
	}
	if len(folds) < 2 {
		return nil
	}
	return folds
}

// fitBagged trains writerBags logistic regressions (fitLogistic), each
// without a different share of the writers of the examples use selects
// (those whose fold is bag modulo writerBags), and averages their weights:
// one model, but one that cannot lean on any one writer's words as hard,
// as each word's weight is the mean of models that did and did not see
// its writer. Out of fold it finds more at the same precision (CLASSIFIER.md
// has the figures); averaged weights cost nothing when classifying.
func fitBagged(exs []trainExample, features, cats int, opts TrainOptions, use func(*trainExample) bool) (w, b []float64) {
	w, b = make([]float64, features*cats), make([]float64, cats)
	for bag := 0; bag < writerBags; bag++ {
		bw, bb := fitLogistic(exs, features, cats, opts, func(e *trainExample) bool { return use(e) && e.fold%writerBags != bag })
		for i := range w {
			w[i] += bw[i] / writerBags
		}
		for i := range b {
			b[i] += bb[i] / writerBags
		}
	}
	return w, b
}

// writerBags is how many models fitBagged averages; eight did no better.
const writerBags = 4

// fitLogistic trains one logistic regression per category with AdaGrad
// over the text examples that use selects, in their order (deterministic),
// each feature scaled by its evidence ratio (evidenceRatios). w is indexed
// [feature*categories+category].
func fitLogistic(exs []trainExample, features, cats int, opts TrainOptions, use func(*trainExample) bool) (w, b []float64) {
	w = make([]float64, features*cats)
	b = make([]float64, cats)
	r := evidenceRatios(exs, features, cats, use)
	gw := make([]float64, features*cats)
	gb := make([]float64, cats)
	for epoch := 0; epoch < opts.Epochs; epoch++ {
		for i := range exs {
			e := &exs[i]
			if !e.text || !use(e) {
				continue
			}
			for c := 0; c < cats; c++ {
				z := b[c]
				for _, j := range e.feats {
					z += w[j*cats+c] * r[j*cats+c]
				}
				p := 1 / (1 + math.Exp(-z))
				y := 0.0
				if e.want[c] {
					y = 1
				}
				g := p - y
				gb[c] += g * g
				b[c] -= opts.Rate * g / math.Sqrt(gb[c]+1e-8)
				for _, j := range e.feats {
					k := j*cats + c
					gk := g*r[k] + opts.L2*w[k]
					gw[k] += gk * gk
					w[k] -= opts.Rate * gk / math.Sqrt(gw[k]+1e-8)
				}
			}
		}
	}
	for k := range w {
		w[k] *= r[k] // the weights the model keeps read plain 0/1 features
	}
	return w, b
}

// evidenceRatios are, per feature and category, how much more often the
// feature is seen in that category's examples than in the others', of the
// examples use selects: |log| of the ratio of its smoothed shares of each
// side's features (the log-count ratio of NBSVM, Wang and Manning 2012).
// fitLogistic scales each feature by it, so a feature that shows up as
// often in a category's examples as outside them (a team's or a writer's
// own vocabulary) moves the model little, and one that tells them apart
// moves it more: out of fold it finds more at the same precision
// (CLASSIFIER.md has the figures).
func evidenceRatios(exs []trainExample, features, cats int, use func(*trainExample) bool) []float64 {
	in, out := make([]float64, features*cats), make([]float64, features*cats)
	inTotal, outTotal := make([]float64, cats), make([]float64, cats)
	for i := range exs {
		e := &exs[i]
		if !e.text || !use(e) {
			continue
		}
		for c := 0; c < cats; c++ {
			count, total := out, outTotal
			if e.want[c] {
				count, total = in, inTotal
			}
			for _, j := range e.feats {
				count[j*cats+c]++
			}
			total[c] += float64(len(e.feats))
		}
	}
	const smoothing = 1.0 // a feature seen once more on each side
	r := make([]float64, features*cats)
	for k := range r {
		c := k % cats
		inShare := (in[k] + smoothing) / (inTotal[c] + smoothing*float64(features))
		outShare := (out[k] + smoothing) / (outTotal[c] + smoothing*float64(features))
		r[k] = math.Abs(math.Log(inShare / outShare))
	}
	return r
}

func predict(w, b []float64, feats []int) []float64 {
	cats := len(b)
	out := make([]float64, cats)
	for c := range out {
		z := b[c]
		for _, j := range feats {
			z += w[j*cats+c]
		}
		out[c] = 1 / (1 + math.Exp(-z))
	}
	return out
}

// vetoGrid are the vetoes tried for each category: below its veto, the
// model withholds a rule's claim on writing it reads.
var vetoGrid = []float64{0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3}

// operatingPoint is one veto and threshold of a category with what they
// give out of fold.
type operatingPoint struct {
	veto, threshold float64
	tp, fp, fn      int
}

// operatingPoints lists every veto of vetoGrid with every threshold from
// 1.01 (no claims of the model's own) down to opts.MinThreshold, for
// category c, the model changing the least first.
func operatingPoints(exs []trainExample, oof [][]float64, c int, opts TrainOptions) []operatingPoint {
	var out []operatingPoint
	for _, veto := range vetoGrid {
		for th := 1.01; th >= opts.MinThreshold-1e-9; th -= 0.01 {
			pt := operatingPoint{veto: veto, threshold: math.Round(th*100) / 100}
			for i, e := range exs {
				var claimed bool
				switch {
				case e.rules[c]:
					claimed = e.kept[c] || oof[i] == nil || oof[i][c] >= pt.veto
				case !e.ruledOut[c]:
					claimed = oof[i] != nil && oof[i][c] >= pt.threshold
				}
				switch {
				case claimed && e.want[c]:
					pt.tp++
				case claimed:
					pt.fp++
				case e.want[c]:
					pt.fn++
				}
			}
			out = append(out, pt)
		}
	}
	return out
}

// choosePoints picks every category's operating point together: the most
// recall at which the claims of all categories together are right
// opts.Precision of the time out of fold, and each category's at least
// opts.CategoryPrecision of the time. A category whose rules alone are
// about that precise would get no claims of the model's if each category
// had to keep opts.Precision on its own. Each category's point is the one
// that finds the most against what it claims wrongly at one price for a
// wrong claim, the lowest price that keeps the precision; the rules alone
// where nothing else is precise enough. Where no price keeps it, each
// category keeps its own (choosePoint).
func choosePoints(points [][]operatingPoint, opts TrainOptions) []operatingPoint {
	var best []operatingPoint
	bestTP := -1
	for price := 200.0; price >= 0.5; price /= 1.05 {
		pick := make([]operatingPoint, len(points))
		tp, fp := 0, 0
		for c, pts := range points {
			pick[c] = pts[0] // the rules alone
			for _, pt := range pts[1:] {
				if ratio(pt.tp, pt.tp+pt.fp) >= opts.CategoryPrecision &&
					float64(pt.tp)-price*float64(pt.fp) > float64(pick[c].tp)-price*float64(pick[c].fp) {
					pick[c] = pt
				}
			}
			tp, fp = tp+pick[c].tp, fp+pick[c].fp
		}
		if ratio(tp, tp+fp) >= opts.Precision && tp > bestTP {
			best, bestTP = pick, tp
		}
	}
	if best == nil {
		best = make([]operatingPoint, len(points))
		for c, pts := range points {
			best[c] = choosePoint(pts, opts)
		}
	}
	return best
}

// choosePoint picks a category's operating point on its own: the most
// recall at which its claims are right opts.Precision of the time out of
// fold, the model changing the least among equals; where no point is that
// precise, the most precise one. When in doubt, do not claim.
func choosePoint(points []operatingPoint, opts TrainOptions) operatingPoint {
	best, reached := points[0], false
	for _, pt := range points {
		p, r := ratio(pt.tp, pt.tp+pt.fp), ratio(pt.tp, pt.tp+pt.fn)
		bp, br := ratio(best.tp, best.tp+best.fp), ratio(best.tp, best.tp+best.fn)
		switch {
		case p >= opts.Precision && (!reached || r > br):
			best, reached = pt, true
		case !reached && p < opts.Precision && (p > bp || p == bp && r > br):
			best = pt
		}
	}
	return best
}

// ratio is n/d, and 1 when d is 0.
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// String is the report as a table.
func (r TrainReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d examples, %d read by the model, %d features kept\n", r.Examples, r.TextExamples, r.Features)
	fmt.Fprintf(&b, "%-26s %9s %5s %17s %17s\n", "category", "threshold", "veto", "rules P / R", "rules+model P / R")
	for _, c := range r.Categories {
		fmt.Fprintf(&b, "%-26s %9.2f %5.2f %8.2f / %-6.2f %8.2f / %-6.2f\n", c.Category, c.Threshold, c.Veto,
			c.RulesPrecision, c.RulesRecall, c.MergedPrecision, c.MergedRecall)
	}
	fmt.Fprintf(&b, "%-26s %9s %5s %8.3f / %-6.3f %8.3f / %-6.3f\n", "micro-average", "", "", r.RulesPrecision, r.RulesRecall, r.MergedPrecision, r.MergedRecall)
	return b.String()
}
