package export

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with the current output")

// goldenCases are the portfolios whose exports are kept in testdata/.
var goldenCases = []struct {
	name      string
	portfolio func() evidence.Portfolio
}{
	{"typical", typicalPortfolio},
	{"empty", emptyPortfolio},
	{"hostile", hostilePortfolio},
	{"redacted", func() evidence.Portfolio { return Redact(typicalPortfolio(), []string{"EU = a region"}) }},
}

// checkGolden compares got with testdata/name, or rewrites the file with
// -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: output differs from the golden file; if the change is intended, run go test ./export -update and review the diff\n%s",
			path, firstDifference(string(want), string(got)))
	}
}

// firstDifference shows the first line where want and got differ, which is
// enough to see what changed without a diff library.
func firstDifference(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + w + "\ngot:  " + g
		}
	}
	return "(no line differs; check the trailing newline)"
}

// formats are every rendering of a portfolio, each with the suffix of its
// golden files.
var formats = []struct {
	name, golden string
	write        func(io.Writer, evidence.Portfolio) error
}{
	{"markdown", "golden.md", func(w io.Writer, p evidence.Portfolio) error { return Markdown(w, p, Options{}) }},
	{"markdown-full", "golden.full.md", func(w io.Writer, p evidence.Portfolio) error { return Markdown(w, p, Options{Full: true}) }},
	{"json", "golden.json", JSON},
	{"html", "golden.html", func(w io.Writer, p evidence.Portfolio) error { return HTML(w, p, Options{}) }},
	{"html-full", "golden.full.html", func(w io.Writer, p evidence.Portfolio) error { return HTML(w, p, Options{Full: true}) }},
	{"pdf-text", "golden.pdf.txt", func(w io.Writer, p evidence.Portfolio) error {
		var buf bytes.Buffer
		if err := PDF(&buf, p, Options{}); err != nil {
			return err
		}
		text, err := pdfText(buf.Bytes())
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, text)
		return err
	}},
	{"bullets", "golden.bullets.txt", func(w io.Writer, p evidence.Portfolio) error {
		return Bullets(w, p, BulletOptions{Top: -1})
	}},
	{"bullets-json", "golden.bullets.json", func(w io.Writer, p evidence.Portfolio) error {
		return Bullets(w, p, BulletOptions{Top: -1, Format: "json"})
	}},
	{"stories", "golden.stories.md", func(w io.Writer, p evidence.Portfolio) error {
		return Stories(w, p, StoryOptions{Top: -1})
	}},
	{"stories-json", "golden.stories.json", func(w io.Writer, p evidence.Portfolio) error {
		return Stories(w, p, StoryOptions{Top: -1, JSON: true})
	}},
}

// render writes p in one format.
func render(t *testing.T, write func(io.Writer, evidence.Portfolio) error, p evidence.Portfolio) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	for _, f := range formats {
		for _, tc := range goldenCases {
			t.Run(f.name+"/"+tc.name, func(t *testing.T) {
				checkGolden(t, tc.name+"."+f.golden, []byte(render(t, f.write, tc.portfolio())))
			})
		}
	}
}

func TestOutputIsByteStable(t *testing.T) {
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			p := typicalPortfolio()
			first := render(t, f.write, p)
			// The same portfolio in another order is the same export.
			slices.Reverse(p.Evidence)
			slices.Reverse(p.Epics)
			if again := render(t, f.write, p); again != first {
				t.Errorf("output changes with the order of the portfolio's items:\n%s", firstDifference(first, again))
			}
		})
	}
}

func TestExcludedItemsAreNotExported(t *testing.T) {
	p := typicalPortfolio()
	excluded := p.Evidence[0]
	p.Evidence[0].Excluded = true
	for _, f := range formats {
		out := render(t, f.write, p)
		for _, s := range []string{excluded.ID, "As an EU shopper"} {
			if strings.Contains(out, s) {
				t.Errorf("%s export contains %q of an excluded item", f.name, s)
			}
		}
	}
}

func TestExportsDoNotReorderTheCallersItems(t *testing.T) {
	p := typicalPortfolio()
	before := make([]string, len(p.Evidence))
	for i, e := range p.Evidence {
		before[i] = e.ID
	}
	for _, f := range formats {
		render(t, f.write, p)
	}
	for i, e := range p.Evidence {
		if e.ID != before[i] {
			t.Fatalf("item %d is %s after the export, was %s", i, e.ID, before[i])
		}
	}
}

// failingWriter fails every write, like a full disk or a closed pipe.
type failingWriter struct{}

var errDiskFull = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestWriteErrorsAreReturned(t *testing.T) {
	p := typicalPortfolio()
	for _, f := range formats {
		if err := f.write(failingWriter{}, p); !errors.Is(err, errDiskFull) {
			t.Errorf("%s error = %v, want %v", f.name, err, errDiskFull)
		}
	}
}

// markdownFull and htmlFull write the full documents: tests about every
// item read them.
func markdownFull(w io.Writer, p evidence.Portfolio) error {
	return Markdown(w, p, Options{Full: true})
}

func htmlFull(w io.Writer, p evidence.Portfolio) error { return HTML(w, p, Options{Full: true}) }
