package export

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

var epicInstalments = fixtureIssue{"10300", "PAY-300", "Epic", "Pay in instalments", "", me, "indeterminate", nil}

// instalmentsPromise is all the user wrote on an epic nobody started: a
// start promised for after a release.
const instalmentsPromise = "provider contract signed, their sandbox is ready. Dana starts after 2026.09"

// barelyBegunPortfolio is typicalPortfolio and noEpicPortfolio with an
// epic the user owns and barely began: its goal, a move to In Progress and
// one note promising a start, nothing done and no outcome.
func barelyBegunPortfolio() evidence.Portfolio {
	p := typicalPortfolio()
	p.Evidence = append(p.Evidence, noEpicPortfolio().Evidence...)
	const goal = "Goal: let shoppers split orders above $150 in up to 3 payments. Target: 8% of those orders within two months."
	p.Evidence = append(p.Evidence,
		jiraItem(epicInstalments, evidence.SourceIssue, epicInstalments.id, "2026-09-28T13:00:00Z",
			evidence.CatEpicOwnership, "issue.epic-goal", 0.9, goal),
		jiraItem(epicInstalments, evidence.SourceChange, "10301", "2026-10-05T12:00:00Z",
			evidence.CatEpicOwnership, "change.epic-status", 0.8, "Status: To Do → In Progress"),
		jiraItem(epicInstalments, evidence.SourceComment, "10302", "2026-10-14T18:00:00Z",
			evidence.CatStakeholderComms, "comment.status-update", 0.8, instalmentsPromise),
	)
	p.Epics = append(p.Epics, evidence.Epic{SiteName: "acme", Key: "PAY-300", Summary: epicInstalments.summary, URL: acme.IssueURL("PAY-300"),
		Status: "In Progress", StatusCategory: "indeterminate", Goal: goal})
	return p
}

// storyKeys are the keys the stories are told from, in order.
func storyKeys(doc storiesJSON) []string {
	var keys []string
	for _, s := range doc.Stories {
		if s.Issue != nil {
			keys = append(keys, s.Issue.Key)
		} else {
			keys = append(keys, s.Epic.Key)
		}
	}
	return keys
}

// An epic with one note of the user's and nothing done gives its story
// slot to an issue where they wrote more: "owned something end to end"
// answered by a status move and "Dana starts after 2026.09" is a promise.
// Asked for every story, it is still told, last.
func TestABarelyBegunEpicGivesWayInTheStories(t *testing.T) {
	p := barelyBegunPortfolio()
	if keys := storyKeys(readStories(t, p, 3)); slices.Contains(keys, "PAY-300") || len(keys) != 3 {
		t.Errorf("the 3 stories are told from %q, want 3 without the barely begun PAY-300", keys)
	}
	if keys := storyKeys(readStories(t, p, -1)); len(keys) == 0 || keys[len(keys)-1] != "PAY-300" {
		t.Errorf("every story is told from %q, want PAY-300 last", keys)
	}
}

// activeInstalments is barelyBegunPortfolio exported a week after the
// user's last note on PAY-300 (14 Oct): the plan is still live.
func activeInstalments() evidence.Portfolio {
	p := barelyBegunPortfolio()
	p.GeneratedAt = time.Date(2026, 10, 21, 10, 0, 0, 0, time.UTC)
	return p
}

// The brief names a barely begun epic the user led, and still works on,
// in one line under a heading of its own, "Also started" (not "led": a
// status move and a plan back no more), where it stands and what it is
// for, and does not quote its promise as proof of what they did. One the
// user has not touched in the four weeks before the export is left to
// `pmfolio next`: listed, it draws "how's it going?", and the answer is
// that it stalled.
func TestABarelyBegunEpicIsALineOfTheBrief(t *testing.T) {
	cases := []struct {
		name     string
		p        evidence.Portfolio
		wantLine bool
	}{
		{"last note a week before the export", activeInstalments(), true},
		{"last note five weeks before the export", barelyBegunPortfolio(), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			md := render(t, func(w io.Writer, p evidence.Portfolio) error { return Markdown(w, p, Options{}) }, c.p)
			if strings.Contains(md, "### [PAY-300]") || strings.Contains(md, "Dana starts after") {
				t.Errorf("the brief tells PAY-300 in full, with its promise:\n%s", md)
			}
			if !c.wantLine {
				if strings.Contains(md, "PAY-300") || strings.Contains(md, "### Also started") {
					t.Errorf("the brief lists PAY-300, untouched for five weeks:\n%s", md)
				}
				return
			}
			_, started, _ := strings.Cut(md, "\n### Also started\n\n")
			line, _, _ := strings.Cut(started, "\n")
			if want := ": in progress · goal: let shoppers split orders above \\$150 in up to 3 payments."; !strings.Contains(line, "[PAY-300]") || !strings.HasSuffix(line, want) {
				t.Errorf("Also started opens %q, want PAY-300 where it stands and what for (%q)", line, want)
			}
		})
	}
}

// The headline counts as led what the brief shows as led: "I led 2
// initiatives" of one told in full and one under "Also started" claims
// the second, which its record does not back; and "I also started
// another initiative" names nothing a reader can look for.
func TestTheHeadlineDoesNotCountABarelyBegunEpic(t *testing.T) {
	md := render(t, func(w io.Writer, p evidence.Portfolio) error { return Markdown(w, p, Options{}) }, activeInstalments())
	_, rest, _ := strings.Cut(md, "\n\n")
	_, rest, _ = strings.Cut(rest, "\n\n")
	headline, _, _ := strings.Cut(rest, "\n")
	if want := "I led “EU checkout reliability” in Payments, not shipped yet. Along the way I "; !strings.Contains(headline, want) {
		t.Errorf("the headline is %q, want it to say %q", headline, want)
	}
}

var platformAPI = fixtureIssue{"40007", "PLAT-7", "Story", "Retry status endpoint", "", dana, "done", nil}

// A link the user made to another team's issue is told by what they asked
// that team there, with the team's answer and when the work was done: the
// ask is the influence, "is blocked by PLAT-7" only records it.
func TestAnInfluenceStoryTellsTheAskBehindALink(t *testing.T) {
	p := typicalPortfolio()
	for i, e := range p.Evidence {
		if e.SourceID == "57200" { // the user's link on PAY-143
			p.Evidence[i].Excerpt = "is blocked by PLAT-7"
		}
	}
	p.Evidence = append(p.Evidence, jiraItem(platformAPI, evidence.SourceComment, "57201", "2026-04-20T14:10:00Z",
		evidence.CatCrossTeam, "comment.cross-team", 0.75,
		"Dana, to ship retries in 2026.05 we'd need the retry status in the API by 30/04. If that's too tight we ship without it first."))
	p.Replies = append(p.Replies, evidence.Reply{SiteName: "acme", Key: "PLAT-7", To: "57201",
		Comment: evidence.Comment{ID: "57202", At: at("2026-04-20T15:00:00Z"), Author: dana, Text: "30/04 works, I take it next sprint"}})
	p.DoneIssues = append(p.DoneIssues, evidence.DoneIssue{SiteName: "acme", Key: "PLAT-7", URL: acme.IssueURL("PLAT-7"), Resolved: at("2026-04-29T10:00:00Z")})
	doc, _ := storiesFor(t, p, "a time you influenced without authority")
	if len(doc.Stories) != 1 {
		t.Fatalf("%d stories, want 1", len(doc.Stories))
	}
	i := slices.IndexFunc(doc.Stories[0].Actions, func(a actionJSON) bool { return a.Category == evidence.CatCrossTeam })
	if i < 0 {
		t.Fatalf("no cross-team action in %+v", doc.Stories[0].Actions)
	}
	a := doc.Stories[0].Actions[i]
	if a.IssueKey != "PLAT-7" || !strings.Contains(a.Excerpt, "we'd need the retry status") ||
		a.Answer != "Dana Wu answered within the hour: “30/04 works, I take it next sprint”; PLAT-7 was done on 29 April" {
		t.Errorf("the cross-team action of %s is %+v, want the ask on PLAT-7 with Dana's answer and when it was done", doc.Stories[0].Epic.Key, a)
	}
}

// passedETAPortfolio is longBriefPortfolio with a progress note on OPS-931
// whose bare ETA, for work no key names, is eta ("Next, moving the last
// teams off the shared queue. ETA 27 Feb."), another update of the
// initiative, and other kinds of work on other issues that fill a story's
// slots before a second item on the epic. It returns the note too.
func passedETAPortfolio(eta string) (evidence.Portfolio, string) {
	p := longBriefPortfolio(0)
	epic := fixtureIssue{"10931", "OPS-931", "Epic", p.Epics[1].Summary, "", me, "done", nil}
	child := func(j int) fixtureIssue {
		return fixtureIssue{fmt.Sprintf("20931%d", j), fmt.Sprintf("OPS-931%d", j), "Story", "A story", epic.key, dana, "done", nil}
	}
	summary := "Summary for Lena: done, routing pages to the owning team. Next, moving the last teams off the shared queue. ETA " + eta + "."
	for i := range p.Evidence {
		if p.Evidence[i].SourceID == "2931" {
			p.Evidence[i].Excerpt = summary
		}
	}
	p.Evidence = append(p.Evidence, jiraItem(epic, evidence.SourceComment, "71", "2026-03-10T09:00:00Z", evidence.CatStakeholderComms,
		"comment.status-update", 0.6, passedETAOtherUpdate),
		jiraItem(child(3), evidence.SourceComment, "72", "2026-03-11T09:00:00Z", evidence.CatSprintPlanning,
			"comment.sprint", 0.7, "Planning note: Sprint 49 is short because Aisha is on call, so we commit to three items."),
		jiraItem(child(4), evidence.SourceComment, "73", "2026-03-12T09:00:00Z", evidence.CatPrioritization,
			"comment.prioritization", 0.7, "Must-have for the next release: without it every failover needs a restart. The dashboard can wait."),
		jiraItem(child(5), evidence.SourceComment, "74", "2026-03-13T09:00:00Z", evidence.CatUnblocking,
			"comment.unblock", 0.5, "Got the answer from Mei, you can carry on."))
	return p, summary
}

// passedETAOtherUpdate is the update of passedETAPortfolio's initiative
// beside its note with a bare ETA.
const passedETAOtherUpdate = "Progress since the 3rd: all 4 stories done, the hand-over checklist included."

// forPassedAndComingETAs runs check, as a subtest, on passedETAPortfolio
// with an ETA passed by the export ("27 Mar") and one still to come
// ("27 Dec"), with the update of the initiative to tell and the one not to:
// the note while its ETA is to come, the other update once it passed.
func forPassedAndComingETAs(t *testing.T, check func(t *testing.T, p evidence.Portfolio, told, untold string)) {
	for _, tt := range []struct {
		eta    string
		passed bool
	}{
		{"27 Mar", true},
		{"27 Dec", false},
	} {
		t.Run(tt.eta, func(t *testing.T) {
			p, note := passedETAPortfolio(tt.eta)
			told, untold := note, passedETAOtherUpdate
			if tt.passed {
				told, untold = untold, told
			}
			check(t, p, told, untold)
		})
	}
}

// A progress note whose bare ETA ("Next, moving the last teams off the
// shared queue. ETA 27 Feb.") has passed, for work no key names, gives its
// slot to another update of the initiative: nothing in Jira can answer
// "and did you?". Before the date, it is told.
func TestAStoryGivesAPassedBareETAsSlotToAnotherUpdate(t *testing.T) {
	forPassedAndComingETAs(t, func(t *testing.T, p evidence.Portfolio, told, _ string) {
		var updates []string
		for _, s := range readStories(t, p, 5).Stories {
			if s.Epic.Key != "OPS-931" {
				continue
			}
			for _, a := range s.Actions {
				if a.Category == evidence.CatStakeholderComms {
					updates = append(updates, a.Excerpt)
				}
			}
		}
		if want := []string{told}; !slices.Equal(updates, want) {
			t.Errorf("updates told = %q, want %q", updates, want)
		}
	})
}

// So does it in the brief: the reader of "ETA 27 Mar." in December sees a
// promise whose date passed and nothing that says it was kept.
func TestTheBriefGivesAPassedBareETAsSlotToAnotherUpdate(t *testing.T) {
	forPassedAndComingETAs(t, func(t *testing.T, p evidence.Portfolio, shown, hidden string) {
		md := render(t, func(w io.Writer, p evidence.Portfolio) error { return Markdown(w, p, Options{}) }, p)
		_, initiative, _ := strings.Cut(md, "OPS-931) ")
		initiative, _, _ = strings.Cut(initiative, "\n### ")
		if !strings.Contains(initiative, shown) || strings.Contains(initiative, hidden) {
			t.Errorf("OPS-931 in the brief quotes:\n%s\nwant “%s”, not “%s”", initiative, shown, hidden)
		}
	})
}

// A release-planning comment posted with the user's own edit that took
// its issue out of a release ("Targeting 2026.08. Cut-off is …" beside
// "Fix Version: 2026.07 → 2026.08") is a slip told as a plan: it gives its
// slot to another release plan of the initiative. Without that edit, it
// is told.
func TestAStoryGivesASlipToldAsAPlanItsSlot(t *testing.T) {
	const (
		cutOff = "Targeting 2026.08. Cut-off is Monday 24 Aug, so this has to be in review by then or it rolls to the next release."
		notes  = "Release notes for 2026.06: every tier-1 service has an SLO in code, with burn alerts for checkout."
	)
	for _, tt := range []struct {
		name    string
		movedAt string // when the user's edit took the issue out of 2026.07; "" for none
		told    string
	}{
		{"moved out of a release within the hour", "2026-03-11T09:10:00Z", notes},
		{"moved out of a release days later", "2026-03-16T09:00:00Z", cutOff},
		{"never moved out", "", cutOff},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := longBriefPortfolio(0)
			epic := fixtureIssue{"10931", "OPS-931", "Epic", p.Epics[1].Summary, "", me, "done", nil}
			child := func(j int) fixtureIssue {
				return fixtureIssue{fmt.Sprintf("20931%d", j), fmt.Sprintf("OPS-931%d", j), "Story", "A story", epic.key, dana, "done", nil}
			}
			p.Evidence = append(p.Evidence,
				jiraItem(child(3), evidence.SourceComment, "81", "2026-03-11T09:00:00Z", evidence.CatReleasePlanning, "comment.release", 0.8, cutOff),
				jiraItem(child(4), evidence.SourceComment, "82", "2026-03-12T09:00:00Z", evidence.CatReleasePlanning, "comment.release", 0.6, notes))
			if tt.movedAt != "" {
				p.Evidence = append(p.Evidence, jiraItem(child(3), evidence.SourceChange, "83", tt.movedAt, evidence.CatReleasePlanning,
					"change.fix-version", 0.7, "Fix Version: 2026.07 → 2026.08"))
			}
			var plans []string
			for _, s := range readStories(t, p, 5).Stories {
				if s.Epic.Key != epic.key {
					continue
				}
				for _, a := range s.Actions {
					if a.Category == evidence.CatReleasePlanning && a.Excerpt != "" && !strings.HasPrefix(a.Excerpt, "Fix Version") {
						plans = append(plans, a.Excerpt)
					}
				}
			}
			if !slices.Equal(plans, []string{tt.told}) {
				t.Errorf("release plans told = %q, want %q", plans, []string{tt.told})
			}
		})
	}
}
