package export

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// "Pushed back / said no" needs someone's request to say no to: demo's
// no-go on OPS-1236, which the user filed and planned herself, is her
// changing her own plan. A no to a person by name is one whoever filed
// the issue. A Won't Do on the grounds that nobody asked for it refuses
// no request unless its filer answered: demo's stale close of Jonas's
// metrics ticket was told as "Where I said no", and an interviewer asked
// "didn't Jonas ask for it?".
func TestPushbackNeedsSomeoneElsesRequest(t *testing.T) {
	maya := evidence.User{ID: "maya", DisplayName: "Maya Lindqvist"}
	jonas := evidence.User{ID: "jonas", DisplayName: "Jonas Becker"}
	sam := evidence.User{ID: "sam", DisplayName: "Sam O'Connor"}
	filed := time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC)
	const (
		stands = "Closing as Won't Do: the need is real, but it's part of the latency SLOs at the edge, which is further along."
		stale  = "Closing as Won't Do: nobody has asked for it since the 28th. Reopen if someone asks for it."
	)
	for _, tt := range []struct {
		name, text string
		reporter   evidence.User
		answer     evidence.User // who answered the comment, if anyone
		want       int
		shown      string
	}{
		{"a no-go on her own plan", "No-go for platform-2026.06 from my side until the dry run passes on staging.", maya, evidence.User{}, 0, ""},
		{"a no-go on someone's request", "No-go for platform-2026.06 from my side until the dry run passes on staging.", jonas, evidence.User{}, 3, ", filed by Jonas Becker on 2 November"},
		{"a Won't Do of someone's request", stands, jonas, evidence.User{}, 2, ", filed by Jonas Becker on 2 November"},
		{"a Won't Do of her own issue", stands, maya, evidence.User{}, 0, ""},
		{"a stale close nobody answered", stale, jonas, evidence.User{}, 0, ""},
		{"a stale close someone else answered", stale, jonas, sam, 0, ""},
		{"a stale close its filer answered", stale, jonas, jonas, 2, ", filed by Jonas Becker on 2 November"},
		{"a no to a person by name", "Sorry Jonas Becker, we can't take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done.", maya, evidence.User{}, 4, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := &evidence.Evidence{SiteName: "acme", IssueKey: "OPS-1236", Source: evidence.SourceComment, SourceID: "c1", Category: evidence.CatReleasePlanning,
				Excerpt: tt.text, IssueReporter: tt.reporter, IssueCreated: filed}
			r := &report{view: &view{sites: []evidence.Site{{Name: "acme", User: maya}}, replies: map[commentRef]evidence.Comment{}}}
			if tt.answer != (evidence.User{}) {
				r.replies[commentRef{issueRef{"acme", "OPS-1236"}, "c1"}] = evidence.Comment{Author: tt.answer, Text: "Fair enough."}
			}
			if got := r.askedPushback(e); got != tt.want {
				t.Errorf("askedPushback = %d, want %d", got, tt.want)
			}
			if got := r.requestShown(e); got != tt.shown {
				t.Errorf("requestShown = %q, want %q", got, tt.shown)
			}
		})
	}
}
