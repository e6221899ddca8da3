package export

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
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

func TestMarkdownGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Markdown(&buf, tc.portfolio()); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.name+".golden.md", buf.Bytes())
		})
	}
}

func TestJSONGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := JSON(&buf, tc.portfolio()); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.name+".golden.json", buf.Bytes())
		})
	}
}

func TestExcludedItemsAreNotExported(t *testing.T) {
	p := typicalPortfolio()
	excluded := p.Evidence[0]
	p.Evidence[0].Excluded = true
	for name, export := range map[string]func(*bytes.Buffer, evidence.Portfolio) error{
		"markdown": func(b *bytes.Buffer, p evidence.Portfolio) error { return Markdown(b, p) },
		"json":     func(b *bytes.Buffer, p evidence.Portfolio) error { return JSON(b, p) },
	} {
		var buf bytes.Buffer
		if err := export(&buf, p); err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{excluded.ID, "As an EU shopper"} {
			if strings.Contains(buf.String(), s) {
				t.Errorf("%s export contains %q of an excluded item", name, s)
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
	if err := Markdown(new(bytes.Buffer), p); err != nil {
		t.Fatal(err)
	}
	if err := JSON(new(bytes.Buffer), p); err != nil {
		t.Fatal(err)
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
	if err := Markdown(failingWriter{}, p); !errors.Is(err, errDiskFull) {
		t.Errorf("Markdown error = %v, want %v", err, errDiskFull)
	}
	if err := JSON(failingWriter{}, p); !errors.Is(err, errDiskFull) {
		t.Errorf("JSON error = %v, want %v", err, errDiskFull)
	}
}
