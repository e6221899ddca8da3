package export

import (
	"io"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// benchItems is a heavy user's several years of evidence; issue 5 asks for
// its Markdown export in under a second and its HTML export in under two.
const benchItems = 50_000

// benchmarkExport measures one rendering of the benchmark portfolio.
func benchmarkExport(b *testing.B, write func(io.Writer, evidence.Portfolio) error) {
	p := generatedPortfolio(benchItems)
	b.ReportAllocs()
	for b.Loop() {
		if err := write(io.Discard, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarkdown(b *testing.B) { benchmarkExport(b, markdownFull) }

func BenchmarkHTML(b *testing.B) { benchmarkExport(b, htmlFull) }

func BenchmarkJSON(b *testing.B) { benchmarkExport(b, JSON) }

func BenchmarkRedactedMarkdown(b *testing.B) {
	benchmarkExport(b, func(w io.Writer, p evidence.Portfolio) error {
		return WriteRedacted(w, p, []string{"checkout", "eu-west"}, markdownFull)
	})
}
