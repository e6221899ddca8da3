package export

import (
	"bufio"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// A proof whose quote is cut before a time its work was put off to, which
// passed with the work still to do, says what was promised and that it is
// still to do, as the issue's story does: "… so moving this to the backlog
// …" hints at "Nadia, happy to look at it in August", which an
// interviewer who opens the comment finds unkept. Kestrel's CHK-1427.
func TestAProofCutBeforeAnUnkeptDeferralSaysSo(t *testing.T) {
	const wishlist = "this would land in the same sprint as the 3DS work and we can only do one. saved cards is the Q2 goal, so moving this to the backlog - Nadia, happy to look at it in August"
	written := time.Date(2026, 5, 27, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name, text, status string
		later              []time.Time
		want               string
	}{
		{"a look promised to the requester, never taken", wishlist, evidence.StatusNew, nil,
			" — I told Nadia “happy to look at it in August”; it is still to do"},
		{"a revisit promised to nobody by name", "not for this release. I'll revisit it in Q3", evidence.StatusNew, nil,
			" — I wrote “I'll revisit it in Q3”; it is still to do"},
		{"a look promised, a word of the user's on it in the month", wishlist, evidence.StatusNew,
			[]time.Time{time.Date(2026, 8, 12, 10, 0, 0, 0, time.UTC)}, ""},
		{"a look promised, the issue in progress", wishlist, "indeterminate", nil, ""},
		{"a look promised for a month not yet over", "Nadia, happy to look at it in December", evidence.StatusNew, nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := &evidence.Evidence{SiteName: "acme", IssueKey: "CHK-1427", Source: evidence.SourceComment, OccurredAt: written,
				Category: evidence.CatPrioritization, Excerpt: tt.text, IssueStatusCategory: tt.status}
			v := &view{generatedAt: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), items: []*evidence.Evidence{e}}
			for _, when := range tt.later {
				v.items = append(v.items, &evidence.Evidence{SiteName: "acme", IssueKey: "CHK-1427", Source: evidence.SourceChange, OccurredAt: when})
			}
			quoted, _ := v.quotable(e)
			var b strings.Builder
			w := bufio.NewWriter(&b)
			writePromiseKept(w, v, e, quoted, false)
			w.Flush()
			if b.String() != tt.want {
				t.Errorf("after %q: %q, want %q", quoted, b.String(), tt.want)
			}
		})
	}
}
