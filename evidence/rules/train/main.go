// Command train trains pmfolio's text model on the train split of the
// labelled corpus and writes the weights the rules package embeds:
//
//	go run ./evidence/rules/train      (make model)
//
// Training is deterministic: the same corpus gives the same file. It never
// reads the test split, which measures the result (make test).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pmfolio/pmfolio/evidence/rules"
)

func main() {
	dir := flag.String("corpus", "evidence/rules/testdata/corpus", "the corpus directory (its train split is read)")
	out := flag.String("o", "evidence/rules/model.tsv.gz", "where to write the model")
	opts := rules.DefaultTrainOptions
	flag.IntVar(&opts.Epochs, "epochs", opts.Epochs, "passes over the examples")
	flag.Float64Var(&opts.Rate, "rate", opts.Rate, "AdaGrad step size")
	flag.Float64Var(&opts.L2, "l2", opts.L2, "weight decay")
	flag.IntVar(&opts.MinCount, "min-count", opts.MinCount, "drop features seen in fewer examples")
	flag.Float64Var(&opts.Precision, "precision", opts.Precision, "precision the claims of all categories together must keep, out of fold")
	flag.Float64Var(&opts.CategoryPrecision, "category-precision", opts.CategoryPrecision, "least precision, out of fold, of any one category's claims")
	flag.Parse()
	if err := run(*dir, *out, opts); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(dir, out string, opts rules.TrainOptions) error {
	examples, err := rules.TrainingExamples(dir)
	if err != nil {
		return err
	}
	m, rep, err := rules.TrainModel(rules.BuiltinRules(), examples, opts)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fingerprint := rules.TrainingFingerprint(rules.BuiltinRules(), examples) + "\n"
	if err := os.WriteFile(filepath.Join(filepath.Dir(out), rules.ModelFingerprintName), []byte(fingerprint), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s\nwrote %s (%d bytes), trained on %s", rep, out, buf.Len(), fingerprint)
	return nil
}
