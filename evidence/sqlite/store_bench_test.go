package sqlite

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// BenchmarkPortfolio50000 reads the portfolio of 50,000 evidence items
// (5,000 issues with ten of the user's comments each) from the database:
// the store's half of an export of 50,000 items; export's own benchmarks
// render a portfolio already in memory.
func BenchmarkPortfolio50000(b *testing.B) {
	ctx := context.Background()
	s := mustOpenStore(b)
	site := mustSite(b, s)
	at := storeNow.AddDate(-3, 0, 0)
	for page := 0; page < 50; page++ {
		var records []evidence.IssueRecord
		for i := 0; i < 100; i++ {
			n := page*100 + i
			id := fmt.Sprint(100000 + n)
			var comments []evidence.Activity
			for c := 0; c < 10; c++ {
				comments = append(comments, comment(fmt.Sprintf("%s-%d", id, c), testMe, at.Add(time.Duration(n*10+c)*time.Hour),
					"Update: the rollout reached another region; next update on Friday."))
			}
			rec := testRecord(id, fmt.Sprintf("PAY-%d", n), at.Add(time.Duration(n*10)*time.Hour), comments...)
			// The change of testRecord is the user's too; keep the count at ten per issue.
			rec.Activities = rec.Activities[1:]
			records = append(records, rec)
		}
		if _, err := savePage(ctx, s, site, records, fakeClassify, records[len(records)-1].Issue.Updated); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		p, err := s.Portfolio(ctx, evidence.Filter{}, storeNow)
		if err != nil || len(p.Evidence) != 50_000 {
			b.Fatalf("portfolio of %d items, %v", len(p.Evidence), err)
		}
	}
}
