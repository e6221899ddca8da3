package export

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// "Pushed back / said no" needs someone's request to say no to: demo's
// no-go on OPS-1236, which the user filed and planned herself, is her
// changing her own plan. A no to a person by name is one whoever filed
// the issue.
func TestPushbackNeedsSomeoneElsesRequest(t *testing.T) {
	maya := evidence.User{ID: "maya", DisplayName: "Maya Lindqvist"}
	jonas := evidence.User{ID: "jonas", DisplayName: "Jonas Becker"}
	filed := time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name, text string
		reporter   evidence.User
		want       int
		shown      string
	}{
		{"a no-go on her own plan", "No-go for platform-2026.06 from my side until the dry run passes on staging.", maya, 0, ""},
		{"a no-go on someone's request", "No-go for platform-2026.06 from my side until the dry run passes on staging.", jonas, 3, ", filed by Jonas Becker on 2 November"},
		{"a Won't Do of someone's request", "Closing as Won't Do: nobody has asked for it since the 28th.", jonas, 2, ", filed by Jonas Becker on 2 November"},
		{"a Won't Do of her own issue", "Closing as Won't Do: nobody has asked for it since the 28th.", maya, 0, ""},
		{"a no to a person by name", "Sorry Jonas Becker, we can't take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done.", maya, 4, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := &evidence.Evidence{SiteName: "acme", IssueKey: "OPS-1236", Source: evidence.SourceComment, Category: evidence.CatReleasePlanning,
				Excerpt: tt.text, IssueReporter: tt.reporter, IssueCreated: filed}
			r := &report{view: &view{sites: []evidence.Site{{Name: "acme", User: maya}}}}
			if got := r.askedPushback(e); got != tt.want {
				t.Errorf("askedPushback = %d, want %d", got, tt.want)
			}
			if got := r.requestShown(e); got != tt.shown {
				t.Errorf("requestShown = %q, want %q", got, tt.shown)
			}
		})
	}
}
