package next

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkDetect5000 runs every built-in detector over a team backlog of
// 5,000 issues: open stories in and out of the sprint, a fifth done in the
// last weeks (duplicate.done compares the open ones with those), every
// tenth blocked by another team's issue, every fiftieth an epic. The
// summaries share their words, as a team's do, so the duplicate detectors
// have candidates to weigh.
func BenchmarkDetect5000(b *testing.B) {
	cfg, err := Load(nil)
	if err != nil {
		b.Fatal(err)
	}
	words := []string{"checkout", "ledger", "export", "alert", "payout", "webhook", "cache", "retry", "invoice", "refund", "search", "login", "mobile", "report", "backup", "queue"}
	var issues []TeamIssue
	for i := range 5000 {
		is := story("OPS-" + strconv.Itoa(i+1))
		is.Summary = words[i%len(words)] + " " + words[(i/3)%len(words)] + " " + words[(i/7)%len(words)] + " for tenant " + strconv.Itoa(i%97)
		switch {
		case i%5 == 0:
			resolved := days(float64(i%30 + 1))
			is.Status, is.StatusCategory, is.Resolution, is.Resolved = "Done", "done", "Done", &resolved
		case i%50 == 1:
			epic(&is)
		case i%10 == 2:
			blockedByPay(&is)
		case i%3 == 0:
			is.Sprints, is.SprintState = nil, ""
		}
		issues = append(issues, is)
	}
	blocker := story("PAY-7")
	payBlocker(&blocker)
	issues = append(issues, blocker)
	team := Team{Site: site, Issues: issues, Now: now}
	b.ReportAllocs()
	for b.Loop() {
		if len(Detect(cfg, team)) == 0 {
			b.Fatal("no suggestions on a backlog made to have them")
		}
	}
}

// likelyDuplicates weighs only the pairs that share a rare word: it must
// find what weighing every pair finds, on backlogs whose summaries share
// common words ("fix", "api") and rare ones alike.
func TestLikelyDuplicatesFindWhatEveryPairWouldFind(t *testing.T) {
	cfg, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := cfg.Detector("duplicate.likely")
	vocabulary := []string{"fix", "api", "add", "checkout", "ledger", "export", "alert", "payout", "webhook", "cache", "retry",
		"invoice", "refund", "search", "login", "mobile", "report", "backup", "queue", "tenant", "timeout", "banner", "csv", "sso"}
	rnd := rand.New(rand.NewPCG(1, 2))
	found := 0
	for round := range 20 {
		var issues []TeamIssue
		for i := range 150 {
			is := story("OPS-" + strconv.Itoa(i+1))
			if rnd.IntN(3) == 0 {
				is.Project = "PAY"
			}
			var words []string
			for range 3 + rnd.IntN(4) {
				words = append(words, vocabulary[rnd.IntN(len(vocabulary))])
			}
			is.Summary = strings.Join(words, " ")
			if i > 0 && rnd.IntN(4) == 0 {
				// Filed again, with a word more: "fix the csv export (again)".
				is.Summary = issues[rnd.IntN(i)].Summary + " " + vocabulary[rnd.IntN(len(vocabulary))]
			}
			is.Created = days(float64(rnd.IntN(200)))
			issues = append(issues, is)
		}
		team := Team{Site: site, Issues: issues, Now: now}
		var got []string
		for _, f := range likelyDuplicates(d, &team) {
			got = append(got, f.issue.Key+"~"+f.related[0])
		}
		// Every pair, each later issue beside the first earlier one of its
		// project at least as alike as the detector asks.
		byAge := slices.Clone(issues)
		slices.SortStableFunc(byAge, func(a, b TeamIssue) int { return a.Created.Compare(b.Created) })
		var want []string
		for j, b := range byAge {
			for _, a := range byAge[:j] {
				if aw, bw := summaryWords(a.Summary), summaryWords(b.Summary); a.Project == b.Project && len(aw) >= 3 && len(bw) >= 3 && jaccard(aw, bw) >= d.Similarity {
					want = append(want, b.Key+"~"+a.Key)
					break
				}
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: found %v\nevery pair finds %v", round, got, want)
		}
		found += len(want)
	}
	if found < 100 {
		t.Fatalf("the backlogs held %d likely duplicates in all; the test needs more to compare", found)
	}
}
