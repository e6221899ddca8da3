package export

import (
	"slices"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// Every story whose Result says "the date I gave on 12 September" quotes
// the note of 12 September among its actions, asked about a deadline or
// not (review 33 N1); and with that date missed and none given after it,
// it is not tagged "a time you kept stakeholders aligned".
func TestAStoryTellingAMissedDateQuotesTheNoteThatGaveIt(t *testing.T) {
	const eta = "New ETA for this: 16 Oct, the bank's certification needs a second round."
	for _, question := range []string{"", "a time you delivered against a deadline"} {
		p := rampedRefunds("2026-09-08T15:00:00Z")
		epic := fixtureIssue{"10120", "PAY-120", "Epic", "Self-service refunds", "", me, "done", nil}
		p.Evidence = append(p.Evidence, jiraItem(epic, evidence.SourceComment, "10969", "2026-09-01T09:00:00Z", evidence.CatStakeholderComms, "comment.update", 0.7,
			"Update for finance: 3 of 4 stories done, the bank's certification is the last piece. Next update after it."))
		p.Evidence = append(p.Evidence, jiraItem(epic, evidence.SourceComment, "10970", "2026-09-12T09:00:00Z", evidence.CatReleasePlanning, "comment.rollout", 0.7, eta))
		p.DoneIssues = append(p.DoneIssues, evidence.DoneIssue{SiteName: "acme", Key: "PAY-120", Resolved: at("2026-10-30T16:00:00Z")})
		doc, _ := storiesFor(t, p, question)
		i := -1
		for j, s := range doc.Stories {
			if s.Epic.Key == "PAY-120" {
				i = j
			}
		}
		if i < 0 {
			t.Fatalf("%q: no story of PAY-120 in %+v", question, doc.Stories)
		}
		st := doc.Stories[i]
		if !strings.Contains(st.Result, "the date I gave on 12 September") {
			t.Fatalf("%q: result = %q, want the date given on 12 September told missed", question, st.Result)
		}
		if !slices.ContainsFunc(st.Actions, func(a actionJSON) bool { return a.Excerpt == eta }) {
			t.Errorf("%q: the actions do not quote the 12 September note the Result names: %+v", question, st.Actions)
		}
		if slices.Contains(st.Questions, "a time you kept stakeholders aligned") {
			t.Errorf("%q: tagged %q, with the date given missed", question, st.Questions)
		}
	}
}
