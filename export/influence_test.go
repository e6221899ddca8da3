package export

import (
	"slices"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// Influence without authority is someone the user does not manage taking
// up what they asked, or agreeing, on record: an ask of the person who
// answers, answered yes or done after; another party's agreement in the
// user's words. A date of the user's own kept for another team, a
// heads-up, an ask someone else answered and one answered no are not.
func TestInfluenceIsAnAskSomeoneOutsideTookUp(t *testing.T) {
	jun := evidence.User{ID: "5c0ffee0000000000000a022", DisplayName: "Jun Park"}
	theirs := fixtureIssue{"20822", "PAY-822", "Task", "Deprecate v1 /charges endpoint", "", jun, "done", nil}
	for _, tt := range []struct {
		name, category, said, answer string
		by                           evidence.User
		done                         bool
		want                         int
	}{
		{"an ask the person asked answered yes", evidence.CatCrossTeam,
			"Jun, we'd need the v1 refunds path kept until Nov 30.", "Sure, we keep it until then.", jun, false, 1},
		{"an ask the person asked answered and did", evidence.CatCrossTeam,
			"Oi Jun - to make 5.2 we'd need this on staging by 03/07.", "03/07 works, Fernanda takes it next sprint", jun, true, 1},
		{"another party's agreement in the user's words", evidence.CatCrossTeam,
			"Shared with Jun, vendor has agreed to follow from the next drop.", "", evidence.User{}, false, 1},
		{"a date of the user's own kept for another team", evidence.CatCrossTeam,
			"Checkout still calls v1 for refunds in two places. should be off v1 by Nov 14. CHK-1419 tracks it", "Great, thanks.", jun, true, 0},
		{"an ask answered by someone else", evidence.CatCrossTeam,
			"Hi Chloé Dubois, could someone on your side review the runbook?", "Sure, done.", jun, true, 0},
		{"an ask the person asked answered no", evidence.CatCrossTeam,
			"Jun, we'd need this on staging by 03/07.", "can't do 03/07, maybe 10/07", jun, true, 0},
		{"an ask nobody answered", evidence.CatCrossTeam,
			"Jun, we'd need this on staging by 03/07.", "", evidence.User{}, true, 0},
		{"an ask of another kind of work", evidence.CatStakeholderComms,
			"Jun, we'd need this on staging by 03/07.", "Sure.", jun, true, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := typicalPortfolio()
			e := jiraItem(theirs, evidence.SourceComment, "70047", "2026-09-04T11:00:00Z", tt.category, "comment.cross-team", 0.8, tt.said)
			p.Evidence = append(p.Evidence, e)
			if tt.answer != "" {
				p.Replies = append(p.Replies, evidence.Reply{SiteName: e.SiteName, Key: theirs.key, To: e.SourceID,
					Comment: evidence.Comment{ID: "70048", At: at("2026-09-04T12:00:00Z"), Author: tt.by, Text: tt.answer}})
			}
			if tt.done {
				p.DoneIssues = append(p.DoneIssues, evidence.DoneIssue{SiteName: acme.Name, Key: theirs.key, Resolved: at("2026-09-20T10:00:00Z")})
			}
			r := newReport(p, Options{})
			if got := r.influenced(&e); got != tt.want {
				t.Errorf("influenced(%q, answered %q) = %d, want %d", tt.said, tt.answer, got, tt.want)
			}
		})
	}
}

// A story that quotes work across teams is tagged "a time you influenced
// without authority" only where that work shows influence: an ask the
// person asked answered yes. "Raised SEC-88 with the security team …;
// they grant it by Thursday", with no answer on record, is the user's
// word on what another team will do.
func TestOnlyInfluenceTagsAStoryInfluencedWithoutAuthority(t *testing.T) {
	const tag = "a time you influenced without authority"
	sam := evidence.User{ID: "5c0ffee0000000000000a031", DisplayName: "Sam Okafor"}
	for _, tt := range []struct {
		name, said, answer string
		want               bool
	}{
		{"an ask taken up", "Sam, we'd need access to the token vault by Thursday for this.", "Sure, you have it by Thursday.", true},
		{"an ask unanswered", "Sam, we'd need access to the token vault by Thursday for this.", "", false},
		{"another team's date in the user's words", "Raised SEC-88 with the security team for access to the token vault; they grant it by Thursday.", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := noEpicPortfolio()
			for i, e := range p.Evidence {
				if e.SourceID == "80002" {
					p.Evidence[i].Excerpt = tt.said
				}
			}
			if tt.answer != "" {
				p.Replies = append(p.Replies, evidence.Reply{SiteName: acme.Name, Key: storyCards.key, To: "80002",
					Comment: evidence.Comment{ID: "80009", At: at("2026-04-08T12:00:00Z"), Author: sam, Text: tt.answer}})
			}
			doc, _ := storiesFor(t, p, "")
			for _, s := range doc.Stories {
				if s.Issue != nil && s.Issue.Key == storyCards.key {
					if got := slices.Contains(s.Questions, tag); got != tt.want {
						t.Errorf("%s answers %q, want %q among them: %v", storyCards.key, s.Questions, tag, tt.want)
					}
					return
				}
			}
			t.Fatalf("no story of %s: %+v", storyCards.key, doc.Stories)
		})
	}
}

// In any work, an ask of the user's counts as influence when the person
// it names is of another team (they filed an issue of another project the
// user's notes across teams are on) and their answer does what was asked
// or says it works for them. An acknowledgement ("+1", "noted", a bare
// thanks) does nothing, and a teammate's yes is no influence.
func TestAnAnswerFromAnotherTeamInAnyWorkIsInfluence(t *testing.T) {
	jun := evidence.User{ID: "5c0ffee0000000000000a022", DisplayName: "Jun Park"}
	down := fixtureIssue{"20415", "CHK-415", "Incident", "Checkout returning 500s for card payments", "", me, "done", nil}
	for _, tt := range []struct {
		name, answer string
		by           evidence.User
		want         int
	}{
		{"another team does what was asked", "rolling back now", jun, 1},
		{"another team says it works for them", "Thanks for flagging, rolling back works for us.", jun, 1},
		{"another team answers +1", "+1", jun, 0},
		{"another team notes it", "noted", jun, 0},
		{"another team thanks", "Thanks!", jun, 0},
		{"a teammate does what was asked", "rolling back now", dana, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := typicalPortfolio()
			ask := "looking. started right after PAY 4.13.0 went out at 13:50. @" + tt.by.DisplayName + " can you roll back PAY?"
			e := jiraItem(down, evidence.SourceComment, "70035", "2026-08-12T14:06:00Z", evidence.CatIncidentCoord, "comment.rollback-call", 0.8, ask)
			p.Evidence = append(p.Evidence, e)
			p.Replies = append(p.Replies, evidence.Reply{SiteName: e.SiteName, Key: down.key, To: e.SourceID,
				Comment: evidence.Comment{ID: "70036", At: at("2026-08-12T14:10:00Z"), Author: tt.by, Text: tt.answer}})
			p.OthersDescriptions = []evidence.IssueComments{{SiteName: acme.Name, Key: "PAY-822",
				Comments: []evidence.Comment{{Author: jun, Text: "v1 charges goes away on Nov 30."}}}}
			p.DoneIssues = append(p.DoneIssues, evidence.DoneIssue{SiteName: acme.Name, Key: down.key, Resolved: at("2026-08-12T15:00:00Z")})
			r := newReport(p, Options{})
			if got := r.influenced(&e); got != tt.want {
				t.Errorf("influenced(answered %q by %s) = %d, want %d", tt.answer, tt.by.DisplayName, got, tt.want)
			}
		})
	}
}
