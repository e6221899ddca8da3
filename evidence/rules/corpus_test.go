package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/rules/internal/corpus"
)

// The labelled corpus (testdata/corpus/{train,test}/*.yaml, see package
// corpus) measures the classifier.
type corpusGate struct{ precision, recall float64 }

// corpusGateMicro and corpusGates are the test split's figures of
// CLASSIFIER.md less 0.03; a change that makes the classifier worse on
// writing it has not seen fails here.
var (
	corpusGateMicro = corpusGate{0.900, 0.758}
	corpusGates     = map[string]corpusGate{
		evidence.CatStoryWriting:      {0.87, 0.80},
		evidence.CatBacklogGrooming:   {0.97, 0.84},
		evidence.CatPrioritization:    {0.84, 0.77},
		evidence.CatSprintPlanning:    {0.95, 0.83},
		evidence.CatReleasePlanning:   {0.85, 0.81},
		evidence.CatStakeholderComms:  {0.85, 0.67},
		evidence.CatUnblocking:        {0.92, 0.67},
		evidence.CatCrossTeam:         {0.95, 0.68},
		evidence.CatDecisionMaking:    {0.72, 0.52},
		evidence.CatEpicOwnership:     {0.93, 0.93},
		evidence.CatAcceptanceTesting: {0.97, 0.79},
		evidence.CatIncidentCoord:     {0.97, 0.81},
	}
)

// corpusScore is the counts of one category.
type corpusScore struct{ tp, fp, fn int }

func (s corpusScore) precision() float64 {
	if s.tp+s.fp == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

func (s corpusScore) recall() float64 {
	if s.tp+s.fn == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fn)
}

const noCategory = "(none)"

// corpusResult is how a classifier did on a split.
type corpusResult struct {
	cases, negatives int
	scores           map[string]*corpusScore // by category
	micro            corpusScore
	report           string   // the tables, for the log and CLASSIFIER.md
	misses           []string // cases not classified exactly as labelled
}

// loadCorpus reads a split of testdata/corpus.
func loadCorpus(t *testing.T, split string) []corpus.Case {
	t.Helper()
	cases, err := corpus.Load(filepath.Join("testdata", "corpus"), split)
	if err != nil {
		t.Fatal(err)
	}
	return cases
}

// evaluateCorpus classifies every case of a split and scores it by category,
// by file, and micro-averaged.
func evaluateCorpus(t *testing.T, cases []corpus.Case, classify evidence.ClassifyFunc) corpusResult {
	t.Helper()
	return scoreCorpus(cases, func(c corpus.Case) []string {
		a, is, err := c.Build()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ev := range classify(a, is, corpus.People["me"]) {
			got = append(got, ev.Category)
		}
		return got
	})
}

// scoreCorpus scores the categories label gives each case against the
// case's own labels.
func scoreCorpus(cases []corpus.Case, label func(corpus.Case) []string) corpusResult {
	res := corpusResult{cases: len(cases), scores: map[string]*corpusScore{}}
	for _, c := range evidence.Categories {
		res.scores[c.ID] = &corpusScore{}
	}
	// confusion[want][got] counts, per case, each wanted category against
	// what was given instead (itself when found), and each category given
	// that was not wanted against what was wanted (or nothing).
	confusion := map[string]map[string]int{}
	count := func(want, got string) {
		if confusion[want] == nil {
			confusion[want] = map[string]int{}
		}
		confusion[want][got]++
	}
	type fileScore struct{ cases, exact, tp, fp, fn int }
	byFile := map[string]*fileScore{}
	for _, c := range cases {
		got := label(c)
		if len(c.Want) == 0 {
			res.negatives++
		}
		var extra []string
		for _, g := range got {
			if !slices.Contains(c.Want, g) {
				extra = append(extra, g)
				res.scores[g].fp++
			}
		}
		for _, w := range c.Want {
			if slices.Contains(got, w) {
				res.scores[w].tp++
				count(w, w)
				continue
			}
			res.scores[w].fn++
			if len(extra) == 0 {
				count(w, noCategory)
			}
			for _, e := range extra {
				count(w, e)
			}
		}
		if len(c.Want) == 0 {
			for _, e := range extra {
				count(noCategory, e)
			}
			if len(extra) == 0 {
				count(noCategory, noCategory)
			}
		}
		fs := byFile[c.File]
		if fs == nil {
			fs = &fileScore{}
			byFile[c.File] = fs
		}
		fs.cases++
		fs.fp += len(extra)
		for _, w := range c.Want {
			if slices.Contains(got, w) {
				fs.tp++
			} else {
				fs.fn++
			}
		}
		if !slices.Equal(sortedCopy(got), sortedCopy(c.Want)) {
			res.misses = append(res.misses, fmt.Sprintf("%s: want %v, got %v", c.ID, c.Want, got))
		} else {
			fs.exact++
		}
	}
	for _, sc := range res.scores {
		res.micro.tp += sc.tp
		res.micro.fp += sc.fp
		res.micro.fn += sc.fn
	}

	var table strings.Builder
	fmt.Fprintf(&table, "%d activities, %d of them not PM work\n\n", res.cases, res.negatives)
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "category\tTP\tFP\tFN\tprecision\trecall\t")
	for _, c := range evidence.Categories {
		s := res.scores[c.ID]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.2f\t%.2f\t\n", c.ID, s.tp, s.fp, s.fn, s.precision(), s.recall())
	}
	m := res.micro
	fmt.Fprintf(tw, "micro-average\t%d\t%d\t%d\t%.3f\t%.3f\t\n", m.tp, m.fp, m.fn, m.precision(), m.recall())
	tw.Flush()
	table.WriteString("\nby file (all categories together):\n")
	tw = tabwriter.NewWriter(&table, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "file\tactivities\texact\tTP\tFP\tFN\tprecision\trecall\t")
	var files []string
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		fs := byFile[f]
		sc := corpusScore{fs.tp, fs.fp, fs.fn}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%.2f\t%.2f\t\n", f, fs.cases, fs.exact, fs.tp, fs.fp, fs.fn, sc.precision(), sc.recall())
	}
	tw.Flush()
	table.WriteString("\n" + confusionTable(confusion))
	res.report = table.String()
	sort.Strings(res.misses)
	return res
}

// TestCorpusTestSplit measures the classifier on the test split, which was
// written apart from the train split by other writers and is never tuned on:
// the figures say how it does on writing it has not seen. The gates are the
// figures recorded in CLASSIFIER.md less 0.03, precision never below 0.95.
func TestCorpusTestSplit(t *testing.T) {
	cases := loadCorpus(t, "test")
	res := evaluateCorpus(t, cases, Classify)
	t.Logf("test split:\n%s", res.report)
	if testing.Verbose() || t.Failed() {
		t.Logf("%d activities not classified exactly as labelled:\n%s", len(res.misses), strings.Join(res.misses, "\n"))
	}
	if len(cases) < 1200 {
		t.Errorf("the test split has %d activities, want at least 1200", len(cases))
	}
	gate := func(what string, sc corpusScore, minP, minR float64) {
		if sc.precision() < minP || sc.recall() < minR {
			t.Errorf("%s: precision %.3f (min %.2f), recall %.3f (min %.2f)", what, sc.precision(), minP, sc.recall(), minR)
		}
	}
	// The targets of issue 11; CLASSIFIER.md says how far from them the
	// classifier is. They are logged, not gated, until they are met.
	if m := res.micro; m.precision() < 0.95 || m.recall() < 0.90 {
		t.Logf("NOT MET: micro-average precision %.3f (target 0.95), recall %.3f (target 0.90)", m.precision(), m.recall())
	}
	gate("micro-average", res.micro, corpusGateMicro.precision, corpusGateMicro.recall)
	for _, c := range evidence.Categories {
		sc := *res.scores[c.ID]
		if sc.tp+sc.fn < 25 {
			t.Errorf("%s: only %d labelled examples in the test split, want at least 25", c.ID, sc.tp+sc.fn)
		}
		g := corpusGates[c.ID]
		gate(c.ID, sc, g.precision, g.recall)
	}
}

// TestCorpusTrainSplit reports the train split; its figures are no measure
// of generalisation, so only a collapse fails it.
func TestCorpusTrainSplit(t *testing.T) {
	cases := loadCorpus(t, "train")
	res := evaluateCorpus(t, cases, Classify)
	t.Logf("train split:\n%s", res.report)
	if testing.Verbose() {
		t.Logf("%d activities not classified exactly as labelled:\n%s", len(res.misses), strings.Join(res.misses, "\n"))
	}
	if res.micro.precision() < 0.9 || res.micro.recall() < 0.8 {
		t.Errorf("train split: precision %.3f, recall %.3f", res.micro.precision(), res.micro.recall())
	}
}

// TestCorpusReaderAgreement scores a blind reader's labels of the test
// split (testdata/corpus/reader-test.tsv: someone who saw the taxonomy and
// each activity, in shuffled order, but neither the labels, the rules nor
// the model) against the split's labels, as TestCorpusTestSplit scores the
// classifier: how far two careful readers of the same writing agree says
// how high the classifier's figures can be expected to go.
func TestCorpusReaderAgreement(t *testing.T) {
	cases := loadCorpus(t, "test")
	data, err := os.ReadFile(filepath.Join("testdata", "corpus", "reader-test.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	read := map[string][]string{}
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 3 {
			t.Fatalf("reader-test.tsv line %d: %d fields, want id, categories and reason", i+1, len(fields))
		}
		var cats []string
		if fields[1] != "" {
			cats = strings.Split(fields[1], ",")
		}
		for _, c := range cats {
			if _, ok := evidence.CategoryByID(c); !ok {
				t.Errorf("reader-test.tsv line %d: unknown category %q", i+1, c)
			}
		}
		read[fields[0]] = cats
	}
	inSplit := map[string]bool{}
	for _, c := range cases {
		inSplit[c.ID] = true
		if _, ok := read[c.ID]; !ok {
			t.Errorf("the reader did not label %s", c.ID)
		}
	}
	for id := range read {
		if !inSplit[id] {
			t.Errorf("the reader labelled %s, which the test split does not have", id)
		}
	}
	res := scoreCorpus(cases, func(c corpus.Case) []string { return read[c.ID] })
	t.Logf("a blind reader against the test split's labels:\n%s", res.report)
}

// confusionTable prints wanted categories (rows) against given ones
// (columns), with short column names.
func confusionTable(confusion map[string]map[string]int) string {
	ids := []string{}
	for _, c := range evidence.Categories {
		ids = append(ids, c.ID)
	}
	ids = append(ids, noCategory)
	short := func(id string) string {
		if id == noCategory {
			return "none"
		}
		var b strings.Builder
		for _, part := range strings.Split(id, "-") {
			b.WriteString(part[:min(len(part), 4)])
		}
		return b.String()[:min(b.Len(), 8)]
	}
	var out strings.Builder
	tw := tabwriter.NewWriter(&out, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "wanted \\ given\t")
	for _, id := range ids {
		fmt.Fprintf(tw, "%s\t", short(id))
	}
	fmt.Fprintln(tw)
	for _, want := range ids {
		fmt.Fprintf(tw, "%s\t", want)
		for _, got := range ids {
			if n := confusion[want][got]; n > 0 {
				fmt.Fprintf(tw, "%d\t", n)
			} else {
				fmt.Fprint(tw, ".\t")
			}
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	return out.String()
}

func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
