package export

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// The user's own statement comes before what Jira records, which
// evidence.RecordedOutcome reads (and tests); a comment's outcome is read
// only from a done epic's status category.
func TestOutcomeOf(t *testing.T) {
	resolved := time.Date(2026, 6, 1, 11, 0, 0, 0, time.UTC)
	closing := []evidence.Comment{{ID: "2", At: resolved, Text: "Closing the epic: pages/week down 52%."}}
	for _, tt := range []struct {
		name     string
		epic     evidence.Epic
		want     string
		fromID   string
		wantMine bool
	}{
		{"the user's own statement comes first",
			evidence.Epic{Outcome: " Pages halved. ", StatusCategory: "done", Resolved: &resolved, Comments: closing}, "Pages halved.", "", true},
		{"else the comment that records it",
			evidence.Epic{StatusCategory: "done", Resolved: &resolved, Comments: closing}, "Closing the epic: pages/week down 52%.", "2", false},
		{"a closing comment with a number on an epic not done is not an outcome",
			evidence.Epic{StatusCategory: "indeterminate", Resolved: &resolved, Comments: closing}, "", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := outcomeOf(tt.epic)
			if ok != (tt.want != "") || got.Text != tt.want || got.Comment.ID != tt.fromID || got.Mine != tt.wantMine {
				t.Errorf("OutcomeOf = %+v, %v; want %q from comment %q (mine %v)", got, ok, tt.want, tt.fromID, tt.wantMine)
			}
		})
	}
}

// An outcome opens a sentence of the brief: its first letter is raised,
// whatever the script.
func TestUpperFirst(t *testing.T) {
	for in, want := range map[string]string{"all 5 clusters": "All 5 clusters", "état: 3 of 3": "État: 3 of 3", "": "", "16 pages": "16 pages", "\xffx": "\xffx"} {
		if got := upperFirst(in); got != want {
			t.Errorf("upperFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

// Work filed under an epic months after it was resolved is not part of
// what the initiative did: its dates end near the result, and it is not
// quoted as the initiative's proof. Work in the week after it closed (the
// wrap-up) still is.
func TestWorkLongAfterAnEpicClosedIsNotPartOfIt(t *testing.T) {
	p := typicalPortfolio()
	closed := at("2026-02-01T12:00:00Z")
	for i := range p.Epics {
		if p.Epics[i].Key == "PAY-120" {
			p.Epics[i].Resolved = &closed
			p.Epics[i].Comments[1].At = closed
		}
	}
	wrapUp := jiraItem(storyFraud, evidence.SourceComment, "777", "2026-02-05T10:00:00Z", evidence.CatStakeholderComms,
		"comment.status-update", 0.8, "Update: refunds are live for every merchant; support has the new macro.")
	later := jiraItem(storyFraud, evidence.SourceComment, "778", "2026-08-20T10:00:00Z", evidence.CatDecisionMaking,
		"comment.decision", 0.8, "Decision: we keep manual review for refunds above 500 EUR.")
	p.Evidence = append(p.Evidence, wrapUp, later)
	r := newReport(p, Options{})
	for _, in := range r.initiatives {
		if in.epic.Key != "PAY-120" {
			continue
		}
		if !slices.ContainsFunc(in.items, func(e *evidence.Evidence) bool { return e.SourceID == "777" }) {
			t.Error("the wrap-up four days after the epic closed left the initiative")
		}
		if slices.ContainsFunc(in.items, func(e *evidence.Evidence) bool { return e.SourceID == "778" }) {
			t.Error("a decision six months after the epic closed counts as the initiative's work")
		}
		if facts := r.initiativeFacts(in); strings.Contains(facts, "August") {
			t.Errorf("facts %q run to the work after the epic closed", facts)
		}
		return
	}
	t.Fatal("no PAY-120 initiative")
}

// A decision with its reason outranks one of the same length without: a
// hiring manager reads for judgment, not for "go ahead with that".
func TestAReasonGivenMakesAStrongerProof(t *testing.T) {
	with := jiraItem(storyTO, evidence.SourceComment, "1", "2026-03-04T15:12:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8,
		"We agreed on a 99.9% SLO, not 99.95%, because the extra nine needs a second region.")
	without := jiraItem(storyTO, evidence.SourceComment, "2", "2026-03-04T15:12:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8,
		"We agreed on a 99.9% SLO for the service, that's what the leads signed off on today.")
	for _, tt := range []struct {
		e    evidence.Evidence
		want bool
	}{{with, true}, {without, false}} {
		if got := givesReason.MatchString(tt.e.Excerpt); got != tt.want {
			t.Errorf("givesReason(%q) = %v", tt.e.Excerpt, got)
		}
	}
	if s := (strengths{}); s.of(&with) <= s.of(&without) {
		t.Errorf("with a reason %.2f, without %.2f", s.of(&with), s.of(&without))
	}
	if !givesReason.MatchString("We agreed on a 99.9% SLO for grafana, not 99.95%: the extra nine needs a second region.") {
		t.Error("a choice against its alternative gives no reason")
	}
	unnamed := without
	unnamed.Excerpt = "[colleague] we agreed on a 99.9% SLO for the service, that's what the leads signed off on today."
	if s := (strengths{}); s.of(&unnamed) >= s.of(&without) {
		t.Errorf("a quote to [colleague] scores %.2f, as much as one without %.2f", s.of(&unnamed), s.of(&without))
	}
	if givesReason.MatchString("Checkout errors back to baseline since 10:40.") {
		t.Error(`"since 10:40" read as a reason`)
	}
}

// The comment an outcome is quoted from is the Outcome line, not also one
// of the initiative's proofs or a story's actions.
func TestTheOutcomeCommentIsNotAlsoAProof(t *testing.T) {
	p := typicalPortfolio()
	closing := p.Epics[1].Comments[1] // PAY-120's closing comment, by Priya
	closing.Author = me
	p.Epics[1].Comments[1] = closing
	item := jiraItem(fixtureIssue{"10120", "PAY-120", "Epic", "Self-service refunds", "", me, "done", nil}, evidence.SourceComment,
		closing.ID, "2026-10-30T16:00:00Z", evidence.CatEpicOwnership, "comment.epic-result", 0.9, closing.Text)
	p.Evidence = append(p.Evidence, item)
	r := newReport(p, Options{})
	for _, in := range r.initiatives {
		if in.epic.Key != "PAY-120" {
			continue
		}
		if !in.hasOutcome || !in.isOutcomeComment(&item) {
			t.Fatalf("outcome %+v: the closing comment is not its source", in.outcome)
		}
		for _, e := range r.proofs(r.strengths, in, 3, &quoteSet{}) {
			if e.SourceID == closing.ID {
				t.Error("the outcome's comment is quoted again as a proof")
			}
		}
		for _, a := range r.story(in, &quoteSet{}).Actions {
			if a.EvidenceID == item.ID {
				t.Error("the outcome's comment is told again as an action")
			}
		}
		return
	}
	t.Fatal("no PAY-120 initiative")
}

// The result of an incident's story is the user's comment that says how
// it ended, posted a while before they resolved it; where there is none,
// the lint says why, truly, for the issue it is said of.
func TestIssueOutcome(t *testing.T) {
	resolved := at("2026-08-12T15:00:00Z")
	const ended = "rollback done at 14:38, error rate back to baseline. about 1,800 card orders failed between 13:55 and 14:38."
	comment := func(is fixtureIssue, id, when, text string) *evidence.Evidence {
		e := jiraItem(is, evidence.SourceComment, id, when, evidence.CatIncidentCoord, "model.text", 0.8, text)
		e.IssueResolved = &resolved
		return &e
	}
	open := outageBug
	open.status = "indeterminate"
	unresolved := func(e *evidence.Evidence) *evidence.Evidence { e.IssueResolved = nil; return e }
	writeUp := jiraItem(outageWriteUp, evidence.SourceIssue, outageWriteUp.id, "2026-08-13T10:00:00Z", evidence.CatIncidentCoord, "model.text", 0.8, "What happened: 43 minutes, ~1,800 failed card orders.")
	tests := []struct {
		name      string
		lead      []*evidence.Evidence
		others    []*evidence.Evidence
		own       []evidence.Comment // the user's comments the store read, evidence or not
		want, why string
	}{
		{"the end reported 16 minutes before the resolution",
			[]*evidence.Evidence{comment(outageBug, "1", "2026-08-12T14:25:00Z", "for everyone following: card payments failing for ~60% of orders"),
				comment(outageBug, "2", "2026-08-12T14:44:00Z", ended)}, []*evidence.Evidence{&writeUp},
			nil, ended, ""},
		{"an update an hour and more before the resolution is no result",
			[]*evidence.Evidence{comment(outageBug, "1", "2026-08-12T13:44:00Z", ended)}, nil,
			nil, "", "no comment of yours on it says “Outcome: …”, and you did not comment on it in the hour before or after it was resolved"},
		{"an update in the hour before that does not say it ended",
			[]*evidence.Evidence{comment(outageBug, "1", "2026-08-12T14:44:00Z", "Update: errors at 12%, PAY rolling back.")}, []*evidence.Evidence{&writeUp},
			nil, "", "no comment of yours on it says “Outcome: …”, and none of your comments in the hour before or after it was resolved says how it ended with a number"},
		{"an issue not done yet",
			[]*evidence.Evidence{comment(open, "1", "2026-08-12T14:44:00Z", ended)}, nil,
			nil, "", "it is not done yet, and no comment of yours on it that is evidence says “Outcome: …”"},
		{"without a resolution date, the last comment",
			[]*evidence.Evidence{unresolved(comment(outageBug, "1", "2026-08-12T14:44:00Z", ended)), unresolved(comment(outageBug, "2", "2026-08-12T14:50:00Z", "thanks all"))}, nil,
			nil, "", "no comment of yours on it says “Outcome: …”, and your last comment on it does not say how it ended with a number"},
		{"the postmortem's numbers are what went wrong, not a result",
			[]*evidence.Evidence{unresolved(&writeUp)}, nil,
			nil, "", "no comment of yours on it says “Outcome: …”, and you did not comment on it"},
		{"the closing comment that is no evidence, five minutes before the resolution",
			[]*evidence.Evidence{comment(outageBug, "1", "2026-08-12T13:30:00Z", "Go/No-Go: GO, all sev-1 closed")}, nil,
			[]evidence.Comment{{ID: "1", At: at("2026-08-12T13:30:00Z"), Text: "Go/No-Go: GO, all sev-1 closed"},
				{ID: "2", At: at("2026-08-12T14:55:00Z"), Text: "4.12 is live. Zero rollback. PVT passed."}},
			"4.12 is live. Zero rollback. PVT passed.", ""},
		{"an incident resolved with its count",
			[]*evidence.Evidence{comment(outageBug, "1", "2026-08-12T13:00:00Z", "Update 1 PM: root cause identified, regenerating batch 3")}, nil,
			[]evidence.Comment{{ID: "2", At: at("2026-08-12T14:58:00Z"), Text: "Update 3 PM: ACK received, all 4,312 payments credited. Resolving the incident."}},
			"Update 3 PM: ACK received, all 4,312 payments credited. Resolving the incident.", ""},
		{"an Outcome line in a comment that is no evidence",
			[]*evidence.Evidence{comment(outageBug, "1", "2026-08-12T13:00:00Z", "Update: regenerating batch 3")}, nil,
			[]evidence.Comment{{ID: "2", At: at("2026-08-12T10:00:00Z"), Text: "Outcome: 4,312 payments credited by 15:00"}},
			"4,312 payments credited by 15:00", ""},
		{"a closing comment in the hour with no number",
			[]*evidence.Evidence{comment(outageBug, "1", "2026-08-12T13:00:00Z", "Update: regenerating batch 3")}, nil,
			[]evidence.Comment{{ID: "2", At: at("2026-08-12T14:58:00Z"), Text: "All good now, closing."}},
			"", "no comment of yours on it says “Outcome: …”, and your comments in the hour before or after it was resolved say how it ended but with no number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lead := tt.lead[0]
			ep := evidence.Epic{SiteName: lead.SiteName, Key: lead.IssueKey, URL: lead.IssueURL, Comments: tt.own}
			o, ok, why := issueOutcome(ep, slices.Concat(tt.lead, tt.others), tt.lead)
			if ok != (tt.want != "") || o.Text != tt.want || why != tt.why {
				t.Errorf("outcome %q, %v, why %q\nwant %q, why %q", o.Text, ok, why, tt.want, tt.why)
			}
		})
	}
}
