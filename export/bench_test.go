package export

import (
	"io"
	"testing"
)

// benchItems is a heavy user's several years of evidence; an export of it
// should take well under a second.
const benchItems = 50_000

func BenchmarkMarkdown(b *testing.B) {
	p := generatedPortfolio(benchItems)
	b.ReportAllocs()
	for b.Loop() {
		if err := Markdown(io.Discard, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSON(b *testing.B) {
	p := generatedPortfolio(benchItems)
	b.ReportAllocs()
	for b.Loop() {
		if err := JSON(io.Discard, p); err != nil {
			b.Fatal(err)
		}
	}
}
