package export

import (
	"slices"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// A story that tells one issue moved above another the user had put first
// says, from Jira, when each was done after the call, the one reopened by
// when it was done again (review 33 N3): "you had put PAY-151 first: what
// became of it?" is the interviewer's next question.
func TestARerankingStorySaysWhenEachIssueWasDone(t *testing.T) {
	first := jiraItem(storyFraud, evidence.SourceComment, "10990", "2026-01-09T10:00:00Z", evidence.CatPrioritization, "comment.priority", 0.8,
		"Ranked this to the top of the backlog. If we only get one thing done this month, it should be this.")
	moved := jiraItem(storyRefund, evidence.SourceComment, "10991", "2026-02-11T10:00:00Z", evidence.CatPrioritization, "comment.priority", 0.8,
		"Moving this above PAY-151: every support shift loses half a day to it; the other one can wait a few days.")
	done := func(key, when string) evidence.DoneIssue {
		return evidence.DoneIssue{SiteName: acme.Name, Key: key, Resolved: at(when)}
	}
	for _, tt := range []struct {
		name   string
		picked []*evidence.Evidence
		done   []evidence.DoneIssue
		want   string
	}{
		{"both done, the lowered one done again after a reopen", []*evidence.Evidence{&first, &moved},
			[]evidence.DoneIssue{done("PAY-150", "2026-02-13T08:44:00Z"), done("PAY-151", "2026-02-16T04:10:00Z")},
			"PAY-150 was done two days later, on 13 February; PAY-151 on 16 February, five days after I moved it down."},
		{"the raised one done the next day", []*evidence.Evidence{&first, &moved},
			[]evidence.DoneIssue{done("PAY-150", "2026-02-12T08:44:00Z"), done("PAY-151", "2026-02-11T18:00:00Z")},
			"PAY-150 was done the next day; PAY-151 on 11 February, the day I moved it down."},
		{"the raised one not done", []*evidence.Evidence{&first, &moved},
			[]evidence.DoneIssue{done("PAY-151", "2026-02-16T04:10:00Z")},
			"PAY-151 was done on 16 February, five days after I moved it down."},
		{"the lowered one done before the call", []*evidence.Evidence{&first, &moved},
			[]evidence.DoneIssue{done("PAY-150", "2026-02-13T08:44:00Z"), done("PAY-151", "2026-02-01T10:00:00Z")},
			"PAY-150 was done two days later, on 13 February."},
		{"the first call not told", []*evidence.Evidence{&moved},
			[]evidence.DoneIssue{done("PAY-150", "2026-02-13T08:44:00Z"), done("PAY-151", "2026-02-16T04:10:00Z")}, ""},
		{"neither done", []*evidence.Evidence{&first, &moved}, nil, ""},
	} {
		p := typicalPortfolio()
		p.Evidence = append(p.Evidence, first, moved)
		p.DoneIssues = tt.done
		r := newReport(p, Options{})
		var picked []*evidence.Evidence
		for _, e := range tt.picked {
			picked = append(picked, r.items[slices.IndexFunc(r.items, func(o *evidence.Evidence) bool { return o.ID == e.ID })])
		}
		if got := r.rerankDone(picked); got != tt.want {
			t.Errorf("%s: rerankDone = %q, want %q", tt.name, got, tt.want)
		}
	}
}
