package next

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// now is a Wednesday.
var now = time.Date(2026, 11, 18, 10, 0, 0, 0, time.UTC)

var (
	me    = evidence.User{ID: "me", DisplayName: "Maya"}
	tomas = evidence.User{ID: "tomas", DisplayName: "Tomás"}
	// lena left: Jira says her account is inactive.
	lena = evidence.User{ID: "lena", DisplayName: "Lena", Inactive: true}
	bot  = evidence.User{ID: "bot", DisplayName: "Automation for Jira", AccountType: evidence.AccountTypeApp}
	// jonas is on another team (PAY).
	jonas = evidence.User{ID: "jonas", DisplayName: "Jonas"}
	site  = evidence.Site{ID: 1, Name: "acme", URL: "https://acme.example", User: me}
)

func days(n float64) time.Time { return now.Add(-time.Duration(n * 24 * float64(time.Hour))) }

func points(p float64) *float64 { return &p }

// story is an open story in the running sprint, estimated, with criteria.
func story(key string) TeamIssue {
	return TeamIssue{Issue: evidence.Issue{ID: key, Key: key, Project: "OPS", Type: "Story", Summary: "Story " + key,
		Status: "To Do", StatusCategory: "new", Priority: "Medium", Components: []string{"ci"}, Assignee: tomas,
		Sprints: []string{"OPS Sprint 9"}, StoryPoints: points(3), Created: days(10),
		Description: "As a dev I want X.\n\nh3. Acceptance criteria\n* it works"}, SprintState: "active"}
}

// epic makes is an epic in progress, two months old, out of any sprint,
// whose description says how its success is measured and whose last
// progress note is two days old.
func epic(is *TeamIssue) {
	is.Type, is.Status, is.StatusCategory, is.Created = "Epic", "In Progress", "indeterminate", days(60)
	is.Sprints, is.SprintState = nil, ""
	is.Description = "Goal: faster checkout.\n\nh3. Success metrics\n* p95 checkout latency under 800 ms"
	is.Comments = []evidence.Comment{comment(tomas, days(2), "Update: the cart is done.")}
}

// childOutOfSprint makes is a story under the epic OPS-1, filed at
// created, not started and in no sprint.
func childOutOfSprint(is *TeamIssue, created time.Time) {
	is.ParentKey, is.Created, is.Sprints, is.SprintState, is.SprintList = "OPS-1", created, nil, "", nil
	is.Status, is.StatusCategory = "To Do", "new"
}

// incident makes is an incident Tomás resolved ten days ago, with a
// mitigation note and nothing of a postmortem.
func incident(is *TeamIssue) {
	resolved := days(10)
	is.Type, is.Summary, is.Labels = "Bug", "INC: card payments failing for EU merchants", []string{"incident"}
	is.Status, is.StatusCategory, is.Resolved, is.Created = "Done", "done", &resolved, days(11)
	is.Sprints, is.SprintState = nil, ""
	is.Comments = []evidence.Comment{comment(tomas, days(10.5), "Mitigated at 10:40 by rolling back the gateway; errors back to baseline.")}
}

// doneEpic makes is an epic Tomás finished nine days ago, whose
// description states its success metric, with progress notes but no
// result written down.
func doneEpic(is *TeamIssue) {
	epic(is)
	resolved := days(9)
	is.Status, is.StatusCategory, is.Resolution, is.Resolved = "Done", "done", "Done", &resolved
	is.Comments = []evidence.Comment{comment(tomas, days(20), "Update: the cart is done, the payment page next.")}
}

// blockedByPay makes is (in the running sprint) blocked by PAY-7, with a
// note from yesterday: the block is not stale.
func blockedByPay(is *TeamIssue) {
	is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7", OtherProject: "PAY", OtherStatusCategory: "new"}}
	is.Comments = []evidence.Comment{comment(tomas, days(1), "Needs the ledger export of PAY-7 before it can go live.")}
}

// payBlocker makes is PAY-7, another team's task that blocks OPS-1: filed
// by Jonas, nobody assigned, left in a closed PAY sprint.
func payBlocker(is *TeamIssue) {
	is.ID, is.Key, is.Project, is.Type, is.Summary = "PAY-7", "PAY-7", "PAY", "Task", "Expose the ledger export"
	is.Sprints, is.SprintState, is.Assignee, is.Reporter = []string{"PAY Sprint 3"}, "closed", evidence.User{}, jonas
	is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "outward", Description: "blocks", OtherKey: "OPS-1", OtherProject: "OPS"}}
}

func comment(u evidence.User, at time.Time, text string) evidence.Comment {
	return evidence.Comment{ID: text, Author: u, At: at, Text: text}
}

func TestDetectors(t *testing.T) {
	cfg, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		issues   []func(*TeamIssue)
		detector string // "" expects no finding at all
		reason   string // part of the reason
		action   string // part of the action, when it matters
		related  []string
	}{
		{name: "a ready story in the sprint is no work for anyone", issues: []func(*TeamIssue){func(*TeamIssue) {}}},
		{name: "story in the running sprint without criteria", detector: "story.no-acceptance-criteria", reason: "active sprint (OPS Sprint 9) story",
			issues: []func(*TeamIssue){func(is *TeamIssue) { is.Description = "We need X." }}},
		{name: "criteria in the Acceptance Criteria field are criteria",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Description, is.AcceptanceCriteria = "We need X.", "* export has one row per invoice\n* totals match"
			}}},
		{name: "given/when/then is criteria",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Description = "h3. Scenario\nGiven a cart\nWhen I come back\nThen it is still there"
			}}},
		{name: "criteria under a German heading are criteria",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Description = "Als Nutzer möchte ich Rechnungen exportieren.\n\nh3. Akzeptanzkriterien\n* Export als CSV\n* Summen stimmen"
			}}},
		{name: "a Spanish Given/When/Then is criteria",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Description = "Escenario\nDado un carrito\nCuando vuelvo\nEntonces sigue ahí"
			}}},
		{name: "a French scenario is criteria",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Description = "Étant donné un panier\nQuand je reviens\nAlors il est toujours là"
			}}},
		{name: "English lines that begin like Gherkin's translations are no criteria", detector: "story.no-acceptance-criteria",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Description = "Database of invoices grows fast.\nDanger: the nightly job times out."
			}}},
		{name: "a backlog story without criteria is not urgent",
			issues: []func(*TeamIssue){func(is *TeamIssue) { is.Description, is.SprintState, is.Sprints = "We need X.", "", nil }}},
		{name: "story in the next sprint without an estimate", detector: "story.no-estimate", reason: "next sprint",
			issues: []func(*TeamIssue){func(is *TeamIssue) { is.StoryPoints, is.SprintState = nil, "future" }}},
		{name: "a started story is past writing criteria and estimating",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Description, is.StoryPoints, is.Updated = "We need X.", nil, days(1)
				is.Status, is.StatusCategory = "In Progress", "indeterminate"
			}}},
		{name: "a story in review is started too",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Description, is.StoryPoints, is.Updated = "We need X.", nil, days(1)
				is.Status, is.StatusCategory = "In Review", "indeterminate"
			}}},
		{name: "a story of a closed sprint is not planned work",
			issues: []func(*TeamIssue){func(is *TeamIssue) { is.StoryPoints, is.SprintState = nil, "closed" }}},
		{name: "blocked with no comment for a week", detector: "blocked.stale", reason: "blocked by PAY-7 with no comment for 4 working days", action: "Chase the blocker PAY-7: pmfolio cannot see it, so ask the PAY project's lead who has it and for a date, post it here and tell Tomás",
			related: []string{"PAY-7"},
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory = "Blocked", "indeterminate"
				is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
				is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY.")}
			}}},
		{name: "the date given for a block has passed", detector: "blocked.stale",
			reason: "; the date in Tomás's comment of " + dayOf(days(40), now) + ", “ETA " + days(30).Format("2 Jan") + "”, has passed",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
				is.Comments = []evidence.Comment{comment(tomas, days(40), "PAY says ETA "+days(30).Format("2 Jan")+", nothing we can do before.")}
			}}},
		{name: "an ETA asked of someone nobody names leaves the blocker's assignee to ask", detector: "blocked.stale",
			action: "Chase the blocker PAY-7: pmfolio cannot see it, so ask the PAY project's lead who has it and for a date,",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
				is.Comments = []evidence.Comment{comment(tomas, days(6), "[~someone] any ETA please?")}
			}}},
		{name: "a question to someone that asks no date leaves the blocker's assignee to ask", detector: "blocked.stale",
			action: "Chase the blocker PAY-7: pmfolio cannot see it, so ask the PAY project's lead who has it and for a date,",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
				is.Comments = []evidence.Comment{comment(tomas, days(6), "[~lvenkat] does the API need a new client id?")}
			}}},
		{name: "a link to a blocker the team finished blocks nothing",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Status, is.StatusCategory = "Done", "done" },
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "OPS-1"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on OPS-1.")}
				},
			}},
		{name: "a blocker the team's read does not hold, done when the issue was read, blocks nothing",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7", OtherStatusCategory: "done"}}
				is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY.")}
			}}},
		{name: "a blocker the team's read does not hold, still open by its link, is chased", detector: "blocked.stale", reason: "blocked by PAY-7 with no comment",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7", OtherStatusCategory: "indeterminate"}}
				is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY.")}
			}}},
		{name: "the team's read of a blocker is newer than the link's: reopened, it blocks again", detector: "blocked.stale", reason: "blocked by OPS-1 with no comment",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Status, is.StatusCategory = "To Do", "new" },
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "OPS-1", OtherStatusCategory: "done"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on OPS-1.")}
				},
			}},
		{name: "a blocker the team holds names whom to ask", detector: "blocked.stale", reason: "blocked by OPS-1 with no comment",
			action: "Chase the blocker OPS-1: ask Priya for a date, post it here and tell Tomás",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Assignee = evidence.User{ID: "priya", DisplayName: "Priya"} },
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "OPS-1"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on OPS-1.")}
				},
			}},
		{name: "a blocker of yours is yours to date, not its owner's to ask", detector: "blocked.stale", reason: "blocked by OPS-1 with no comment",
			action: "The blocker OPS-1 is yours: set a date for it, post it here and tell Tomás",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Assignee = me },
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "OPS-1"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on OPS-1.")}
				},
			}},
		{name: "a blocker of yours down a chain is yours to date", detector: "blocked.stale",
			action: "The blocker OPS-1, which OPS-2 waits on, is yours: set a date for it, post it here and tell Tomás",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Assignee = me },
				func(is *TeamIssue) {
					is.Assignee = me
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "OPS-1"}}
				},
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "OPS-2"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on OPS-2.")}
				},
			}},
		{name: "a blocker nobody is assigned to needs an owner before a date", detector: "blocked.stale",
			action: "The blocker OPS-1 has nobody assigned: find it an owner and ask them for a date, post it here and tell Tomás",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Assignee = evidence.User{} },
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "OPS-1"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on OPS-1.")}
				},
			}},
		{name: "another team's blocker nobody is assigned to: whoever filed it knows who takes it", detector: "blocked.stale",
			action: "The blocker PAY-7 has nobody assigned: ask Mei, who filed it, who takes it and when, post it here and tell Tomás",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Key, is.Project, is.Assignee = "PAY-7", "PAY", evidence.User{}
					is.Reporter = evidence.User{ID: "mei", DisplayName: "Mei"}
				},
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY-7.")}
				},
			}},
		{name: "another team's blocker nobody is assigned to, filed by the user: its lead knows who takes it", detector: "blocked.stale",
			action: "The blocker PAY-7 has nobody assigned: ask the PAY project's lead who takes it and when",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Key, is.Project, is.Assignee, is.Reporter = "PAY-7", "PAY", evidence.User{}, me
				},
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY-7.")}
				},
			}},
		{name: "a blocker of the team's own project the team's read does not hold: its assignee, or the lead", detector: "blocked.stale",
			action: "Chase the blocker OPS-77: pmfolio cannot see it, so ask the OPS project's lead who has it and for a date,",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory = "Blocked", "indeterminate"
				is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "OPS-77"}}
				is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on OPS-77.")}
			}}},
		{name: "a question to someone else on a stale block is the chase of its blocker, not a question for the team: them to chase", detector: "blocked.stale",
			action: "Tomás asked Lakshmi Venkat for an ETA on 12 Nov and got none: ask again, post it here and tell Tomás",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory = "Blocked", "indeterminate"
				is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
				is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY for the PIN set API. [~lvenkat] any ETA please?")}
			}}},
		{name: "a blocker whose assignee left is chased with whoever took over", detector: "blocked.stale",
			action: "Chase the blocker OPS-1: ask whoever took over from Lena for a date",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Assignee = lena },
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "OPS-1"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on OPS-1.")}
				},
			}},
		{name: "a blocker that waits on another issue names what to chase", detector: "blocked.stale", reason: "blocked by OPS-1, which waits on PAY-7, with no comment for 4 working days",
			action: "Chase the blocker PAY-7, which OPS-1 waits on: pmfolio cannot see it, so ask the PAY project's lead who has it and for a date,", related: []string{"OPS-1", "PAY-7"},
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					// The user's own: it gets no suggestion of its own.
					is.Assignee = me
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY.")}
				},
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "ops-1"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on OPS-1.")}
				},
			}},
		{name: "a fresh comment on the blocker in the middle of a chain is the chain being chased",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY."), comment(me, days(0.1), "Chased PAY-7: due Wednesday.")}
				},
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "ops-1"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on OPS-1.")}
				},
			}},
		{name: "a fresh comment on the blocker itself is the block being chased",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Comments = []evidence.Comment{comment(evidence.User{ID: "jonas", DisplayName: "Jonas"}, days(1), "The endpoint ships Wednesday.")}
				},
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "OPS-1"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on OPS-1.")}
				},
			}},
		{name: "a chain of stale blocks is chased once, where it starts", detector: "blocked.stale", reason: "blocked by PAY-7 with no comment for 4 working days",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY.")}
				},
				func(is *TeamIssue) {
					is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "OPS-1"}}
					is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on OPS-1.")}
				},
			}},
		{name: "blocked and silent for months: ask whether it is still needed", detector: "blocked.unlinked", reason: "no comment for 5 months",
			action: "Ask Tomás whether it is still wanted after 5 months without a word: if so, link the issue that blocks it and chase that for a date, or take the flag off if it can go ahead; if not, close it and say why",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Flagged, is.Created = true, days(200)
				is.Comments = []evidence.Comment{comment(tomas, days(140), "Waiting on PAY.")}
			}}},
		{name: "blocked with a fresh comment is being chased",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Flagged = true
				is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY."), comment(tomas, days(1), "PAY says Friday.")}
			}}},
		{name: "a bot's nudge does not chase a blocker", detector: "blocked.unlinked", reason: "no comment for 4 working days",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Flagged = true
				is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY."), comment(bot, days(1), "Is this still relevant?")}
			}}},
		{name: "flagged with nothing linked: ask what it waits on, and quote where it stood", detector: "blocked.unlinked",
			reason: "marked blocked, but no issue is linked as its blocker, and no comment for 4 working days (the last comment, by Priya on 12 Nov: “Freeze ends Monday, Tomás can go ahead then.”)",
			action: "Ask Tomás what it still waits on: link the issue that blocks it and chase that for a date, or take the flag off if it can go ahead",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Flagged = true
				is.Comments = []evidence.Comment{comment(tomas, days(8), "Blocked on the change freeze."),
					comment(evidence.User{ID: "priya", DisplayName: "Priya"}, days(6), "Freeze ends Monday, Tomás can go ahead then.")}
			}}},
		{name: "flagged, its last word says what it waits on: ask when that will be done (Kaveri's REL-434)", detector: "blocked.unlinked",
			reason: "(the last comment, by Tomás on 12 Nov: “On hold till DC-DR link upgrade is done.”)",
			action: "Ask Tomás when the DC-DR link upgrade will be done: link its ticket here and post the date, or take the flag off if it can go ahead",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Flagged = true
				is.Comments = []evidence.Comment{comment(tomas, days(6), "On hold till DC-DR link upgrade is done.")}
			}}},
		{name: "silent for months, its last word says what it waits on: if still wanted, find out when", detector: "blocked.unlinked", reason: "no comment for 5 months",
			action: "Ask Tomás whether it is still wanted after 5 months without a word: if so, find out when the vendor's sandbox keys will be ready, link its ticket here and post the date, or take the flag off if it can go ahead; if not, close it and say why",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Flagged, is.Created = true, days(200)
				is.Comments = []evidence.Comment{comment(tomas, days(140), "Waiting for the vendor's sandbox keys before we can test.")}
			}}},
		{name: "in a blocked status and labelled so, its blocker done: say what is stale", detector: "blocked.unlinked",
			reason: "marked blocked, but PAY-7, linked as its blocker, is done, and no comment for 4 working days",
			action: "or move it out of Blocked and remove the label blocked if it can go ahead",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.Labels = "Blocked", "indeterminate", []string{"blocked"}
				is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7", OtherStatusCategory: "done"}}
				is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY.")}
			}}},
		{name: "marked blocked with an open blocker linked is the blocker's to chase", detector: "blocked.stale", reason: "blocked by PAY-7 with no comment for 4 working days",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Flagged = true
				is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
				is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY.")}
			}}},
		{name: "flagged with a fresh comment is being looked after",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Flagged = true
				is.Comments = []evidence.Comment{comment(tomas, days(2), "Freeze ends Monday.")}
			}}},
		{name: "epic in progress with no note for three weeks: its owner is asked for one", detector: "epic.no-progress-note",
			reason: "epic in progress with no progress note for 3 weeks (the last comment, by Tomás on 28 Oct: “Update: half done.”)",
			action: "Ask Tomás, who owns the epic, for a progress note, or offer to write it: what is done, what is next, risks, and a date",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Comments = []evidence.Comment{comment(tomas, days(21), "Update: half done.")}
			}}},
		{name: "an epic nobody owns needs a progress note from anyone", detector: "epic.no-progress-note",
			action: "Post a progress note on the epic: what is done, what is next, risks, and a date",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Assignee = evidence.User{}
				is.Comments = []evidence.Comment{comment(tomas, days(21), "Update: half done.")}
			}}},
		// The user's own initiative gone quiet is theirs to report on (the
		// Pitanga site's MOB-931), and its next child theirs to plan.
		{name: "your own epic with no note for seven weeks, its next child in no sprint", detector: "epic.no-progress-note",
			reason: "epic in progress with no progress note for 7 weeks (the last comment, by you on 30 Sep: “contract signed.”)",
			action: "Post a progress note on your epic: what is done, what is next, risks, and a date; then plan OPS-3 (“Eligibility check”) into a sprint, as none of the epic's work is in one",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					epic(is)
					is.Assignee = site.User
					is.Comments = []evidence.Comment{comment(site.User, days(49), "contract signed.")}
				},
				func(is *TeamIssue) { childOutOfSprint(is, days(10)) },
				func(is *TeamIssue) { childOutOfSprint(is, days(40)); is.Summary = "Eligibility check" },
			}},
		{name: "your own epic whose work is in the sprint needs only its note", detector: "epic.no-progress-note",
			action: "Post a progress note on your epic: what is done, what is next, risks, and a date",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					epic(is)
					is.Assignee = site.User
					is.Comments = []evidence.Comment{comment(site.User, days(49), "contract signed.")}
				},
				func(is *TeamIssue) { is.ParentKey = "OPS-1" },
				func(is *TeamIssue) { childOutOfSprint(is, days(40)) },
			}},
		{name: "your own epic with last week's note is looked after",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Assignee = site.User
				is.Comments = []evidence.Comment{comment(site.User, days(7), "Update: half done.")}
			}}},
		// Kestrel's CHK-1478: its PM's note of 4 Nov says when work starts.
		{name: "an epic whose last note gives a date still ahead is on plan",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Comments = []evidence.Comment{comment(tomas, days(21), "Kicked off with the mobile team, they start in December.")}
			}}},
		{name: "an epic whose last note gave a date now past is asked about", detector: "epic.no-progress-note",
			reason: "epic in progress with no progress note for 8 weeks (the last comment, by Tomás on 16 Sep: “Kicked off with the mobile team, they start in October.”)",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Comments = []evidence.Comment{comment(tomas, days(63), "Kicked off with the mobile team, they start in October.")}
			}}},
		{name: "an epic's last comment of another year says its year", detector: "epic.no-progress-note",
			reason: "epic in progress with no progress note for 13 months (the last comment, by Tomás on 14 Oct 2025: “Update: phase 1 is live.”)",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Created = days(900)
				is.Comments = []evidence.Comment{comment(tomas, days(400), "Update: phase 1 is live.")}
			}}},
		{name: "epic with last week's note is looked after",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Comments = []evidence.Comment{comment(tomas, days(7), "Update: half done.")}
			}}},
		{name: "an epic's success criteria under a German heading are a metric",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Description = "Ziel: schnellerer Checkout.\n\nh3. Erfolgskriterien\n* Weniger Abbrüche im Warenkorb"
			}}},
		{name: "epic in progress with no success metric", detector: "epic.no-success-metric", reason: "epic in progress with no success metric written down",
			action: "Propose to Tomás, who owns the epic, how the team will know the epic worked (a metric, a target and a date), and get it written on the epic",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Description = "Goal: make checkout faster. Scope: the cart and the payment page."
			}}},
		{name: "an epic nobody owns is agreed with whoever filed it", detector: "epic.no-success-metric",
			action: "Write down how the team will know the epic worked (a metric, a target and a date), and agree it with Priya, who filed it",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Description = "Goal: make checkout faster. Scope: the cart and the payment page."
				is.Assignee, is.Reporter = evidence.User{}, evidence.User{ID: "priya", DisplayName: "Priya"}
			}}},
		{name: "an epic about to start, with no owner, is the team's to measure", detector: "epic.no-success-metric",
			reason: "epic with work in the active sprint (OPS Sprint 9) with no success metric",
			action: "Write down the epic's goal and how the team will know it worked (a metric, a target and a date), and agree it with the team",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					epic(is)
					is.Status, is.StatusCategory, is.Description = "To Do", "new", "Make checkout faster."
					is.Assignee, is.Reporter = evidence.User{}, me
				},
				func(is *TeamIssue) { is.ParentKey = "OPS-1" },
			}},
		{name: "a goal that states an end state every case of which is checked is its own measure",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Description = "h3. Goal\nEvery cluster on 1.31 before the provider ends support."
			}}},
		{name: "an objective that all of something holds is its own measure",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Description = "*Objective:* All deposit products can be opened and closed digitally."
			}}},
		{name: "a goal of what to build still needs its measure", detector: "epic.no-success-metric",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Description = "h3. Goal\nBring the web checkout improvements to iOS and Android."
			}}},
		{name: "an end state that is no goal says nothing of the epic's", detector: "epic.no-success-metric",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Description = "Every team asked for this. Bring the web checkout improvements to iOS and Android."
			}}},
		{name: "a target in the description is a success metric",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Description = "Cut pages per on-call week from ~40 to under 20 without missing real incidents."
			}}},
		{name: "success metrics agreed in a comment count",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Description = "Make checkout faster."
				is.Comments = append(is.Comments, comment(tomas, days(3), "Success metrics, as agreed with support: checkout tickets halve by March."))
			}}},
		{name: "an epic in the backlog with nothing planned can wait for its metrics",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Status, is.StatusCategory, is.Description = "To Do", "new", "Make checkout faster."
			}}},
		{name: "a new epic gets a week to say how it is measured",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Description, is.Created = "Make checkout faster.", days(3)
			}}},
		{name: "an epic done nine days ago with no result", detector: "epic.done-no-outcome",
			reason: "epic done 7 working days ago with no result written down (success metric: “p95 checkout latency under 800 ms”)",
			action: "Write the result on the epic with Tomás: what changed against its success metric, with the numbers, and tell the stakeholders who asked for it",
			issues: []func(*TeamIssue){doneEpic}},
		{name: "an epic with a goal and no metric is measured against its goal, and its reporter told", detector: "epic.done-no-outcome",
			reason: "epic done 7 working days ago with no result written down", action: "what changed against its goal, with the numbers, and tell Priya, who filed it, and the other stakeholders",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				doneEpic(is)
				is.Description, is.Reporter = "Goal: returning shoppers check out without typing their card again.", evidence.User{ID: "priya", DisplayName: "Priya"}
			}}},
		{name: "a success metric under a German heading is quoted", detector: "epic.done-no-outcome",
			reason: "(success metric: “Weniger Abbrüche im Warenkorb",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				doneEpic(is)
				is.Description = "Ziel: schnellerer Checkout.\n\nh3. Erfolgskriterien\n* Weniger Abbrüche im Warenkorb"
			}}},
		{name: "the result of an epic whose owner left is for whoever took over", detector: "epic.done-no-outcome",
			action: "Write the result on the epic with whoever took over from Lena:",
			issues: []func(*TeamIssue){func(is *TeamIssue) { doneEpic(is); is.Assignee = lena }}},
		{name: "a closing comment without a number is no result", detector: "epic.done-no-outcome",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				doneEpic(is)
				is.Comments = append(is.Comments, comment(tomas, days(9), "Done, closing. Thanks all!"))
			}}},
		{name: "a desired outcome in the description is the epic's goal, not its result", detector: "epic.done-no-outcome",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				doneEpic(is)
				is.Description += "\n\nh3. Desired outcome\nReturning shoppers check out in one step."
			}}},
		{name: "an epic closed as Won't Do changed nothing to report",
			issues: []func(*TeamIssue){func(is *TeamIssue) { doneEpic(is); is.Resolution = "Won't Do" }}},
		{name: "an epic moved to Cancelled changed nothing to report",
			issues: []func(*TeamIssue){func(is *TeamIssue) { doneEpic(is); is.Status = "Cancelled" }}},
		{name: "a result written before the epic was resolved is its result",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				doneEpic(is)
				is.Comments = append(is.Comments, comment(tomas, days(9.5), "Result: p95 checkout latency down from 1.4 s to 690 ms."))
			}}},
		{name: "the comment that closed the epic with a number is its result",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				doneEpic(is)
				is.Comments = append(is.Comments, comment(tomas, days(8.9), "Closing: checkout p95 is at 690 ms on the new payment page."))
			}}},
		{name: "a result stated in the description's update is its result",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				doneEpic(is)
				is.Description += "\n\nh3. Outcome\nShipped on 3 Nov: p95 at 690 ms, 12% fewer abandoned carts."
			}}},
		{name: "a verdict on the metric in a later comment is a result",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				doneEpic(is)
				is.Comments = append(is.Comments, comment(tomas, days(8), "Thanks all. The success metric was met, the dashboard shows it."))
			}}},
		{name: "an epic done three days ago still has its wrap-up week",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				doneEpic(is)
				resolved := days(3)
				is.Resolved = &resolved
			}}},
		{name: "an epic done two months ago is past asking",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				doneEpic(is)
				resolved := days(60)
				is.Resolved = &resolved
			}}},
		{name: "a running-sprint issue blocked by another team's unplanned, unowned issue", detector: "dependency.other-team",
			reason:  "active sprint (OPS Sprint 9) issue blocked by PAY-7 of another team, which nobody has taken and no PAY sprint plans",
			action:  "Ask Jonas, who filed PAY-7, who takes it and when, and post the date here; if not in this sprint, agree with Tomás to move OPS-1 out of it or split off what can go ahead",
			related: []string{"PAY-7"},
			issues:  []func(*TeamIssue){blockedByPay, payBlocker}},
		{name: "each of another team's unplanned blockers is named", detector: "dependency.other-team",
			reason: "blocked by PAY-7 (and PAY-8) of another team, which nobody has taken", related: []string{"PAY-7", "PAY-8"},
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					blockedByPay(is)
					is.Links = append(is.Links, evidence.IssueLink{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-8", OtherProject: "PAY"})
				},
				payBlocker,
				func(is *TeamIssue) {
					payBlocker(is)
					is.ID, is.Key, is.Summary = "PAY-8", "PAY-8", "Add the payout id to the ledger export"
				},
			}},
		{name: "another team's blocker with an owner but no sprint", detector: "dependency.other-team",
			reason: "blocked by PAY-7 of another team, which Jonas has, but no running or next PAY sprint plans", action: "Ask Jonas when PAY-7 will be done",
			issues: []func(*TeamIssue){blockedByPay, func(is *TeamIssue) { payBlocker(is); is.Assignee = jonas }}},
		{name: "another team's blocker planned only for its next sprint is late for the running one", detector: "dependency.other-team",
			reason: "which PAY plans only for its next sprint (PAY Sprint 4)",
			issues: []func(*TeamIssue){blockedByPay, func(is *TeamIssue) {
				payBlocker(is)
				is.Assignee, is.Sprints, is.SprintState = jonas, []string{"PAY Sprint 4"}, "future"
			}}},
		{name: "another team's blocker in its running sprint with nobody on it", detector: "dependency.other-team",
			reason: "which is in PAY's active sprint (PAY Sprint 4), but nobody has taken it",
			issues: []func(*TeamIssue){blockedByPay, func(is *TeamIssue) {
				payBlocker(is)
				is.Sprints, is.SprintState = []string{"PAY Sprint 4"}, "active"
			}}},
		{name: "another team's blocker in its running sprint whose owner left", detector: "dependency.other-team",
			reason: "which is in PAY's active sprint (PAY Sprint 4), but nobody has taken it since Lena left",
			issues: []func(*TeamIssue){blockedByPay, func(is *TeamIssue) {
				payBlocker(is)
				is.Assignee, is.Sprints, is.SprintState = lena, []string{"PAY Sprint 4"}, "active"
			}}},
		{name: "another team's blocker whose owner left has nobody", detector: "dependency.other-team",
			reason: "which nobody has taken since Lena left and no PAY sprint plans", action: "Ask Jonas, who filed PAY-7, who takes it",
			issues: []func(*TeamIssue){blockedByPay, func(is *TeamIssue) { payBlocker(is); is.Assignee = lena }}},
		{name: "a next-sprint issue whose blocker another team without sprints has not started", detector: "dependency.other-team",
			reason: "next sprint (OPS Sprint 9) issue blocked by PAY-7 of another team, which Jonas has not started",
			action: "if not in time for the next sprint, agree with Tomás to move OPS-1 out of it",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { blockedByPay(is); is.SprintState = "future" },
				func(is *TeamIssue) { payBlocker(is); is.Assignee, is.Sprints, is.SprintState = jonas, nil, "" },
			}},
		{name: "another team's blocker in its running sprint with an owner is planned",
			issues: []func(*TeamIssue){blockedByPay, func(is *TeamIssue) {
				payBlocker(is)
				is.Assignee, is.Sprints, is.SprintState = jonas, []string{"PAY Sprint 4"}, "active"
			}}},
		{name: "another team's blocker in its next sprint is in time for ours",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { blockedByPay(is); is.SprintState = "future" },
				func(is *TeamIssue) {
					payBlocker(is)
					is.Assignee, is.Sprints, is.SprintState = jonas, []string{"PAY Sprint 4"}, "future"
				},
			}},
		{name: "another team's blocker under way with an owner is planned",
			issues: []func(*TeamIssue){blockedByPay, func(is *TeamIssue) {
				payBlocker(is)
				is.Assignee, is.Status, is.StatusCategory = jonas, "In Progress", "indeterminate"
			}}},
		{name: "a blocker of the same project is the team's own sprint planning",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					blockedByPay(is)
					is.Links[0].OtherKey, is.Links[0].OtherProject = "OPS-2", "OPS"
				},
				func(is *TeamIssue) { is.Assignee, is.Sprints, is.SprintState = evidence.User{}, nil, "" },
			}},
		{name: "another team's blocker already done blocks nothing",
			issues: []func(*TeamIssue){blockedByPay, func(is *TeamIssue) {
				payBlocker(is)
				resolved := days(2)
				is.Status, is.StatusCategory, is.Resolved = "Done", "done", &resolved
			}}},
		{name: "another team's blocker the team's read does not hold says nothing of its plans",
			issues: []func(*TeamIssue){blockedByPay}},
		{name: "another team's blocker assigned to you is yours to plan",
			issues: []func(*TeamIssue){blockedByPay, func(is *TeamIssue) { payBlocker(is); is.Assignee = me }}},
		{name: "an issue marked blocked is the blocked detectors'",
			issues: []func(*TeamIssue){func(is *TeamIssue) { blockedByPay(is); is.Flagged = true }, payBlocker}},
		{name: "a backlog issue waits for no sprint",
			issues: []func(*TeamIssue){func(is *TeamIssue) { blockedByPay(is); is.Sprints, is.SprintState = nil, "" }, payBlocker}},
		{name: "a dependency gone quiet is blocked.stale's to chase, not told twice", detector: "blocked.stale",
			reason: "blocked by PAY-7 with no comment for 4 working days",
			issues: []func(*TeamIssue){func(is *TeamIssue) { blockedByPay(is); is.Comments[0].At = days(6) }, payBlocker}},
		{name: "a root cause written down in German is a root cause",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				incident(is)
				is.Comments = append(is.Comments, comment(tomas, days(9), "Ursachenanalyse: das Zertifikat war abgelaufen."))
			}}},
		{name: "an incident resolved ten days ago with no postmortem", detector: "incident.no-postmortem",
			reason: "incident resolved 8 working days ago with no postmortem or root cause written down",
			action: "Write the postmortem with Tomás: impact, timeline, root cause and follow-up issues, and link it here",
			issues: []func(*TeamIssue){incident}},
		{name: "a linked postmortem is the postmortem",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					incident(is)
					is.Links = []evidence.IssueLink{{Type: "Relates", Direction: "outward", Description: "relates to", OtherKey: "OPS-2"}}
				},
				func(is *TeamIssue) { is.Type, is.Summary = "Task", "Postmortem: EU card payments failing" },
			}},
		{name: "a post-incident review naming the incident is its postmortem",
			issues: []func(*TeamIssue){
				incident,
				func(is *TeamIssue) {
					is.Type, is.Summary, is.Description = "Post-incident review", "Gateway certificate expiry", "Timeline of OPS-1, from the first alert."
				},
			}},
		{name: "a root cause written in a comment is written down",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				incident(is)
				is.Comments = append(is.Comments, comment(tomas, days(9), "Root cause: the EU gateway's certificate expired; renewal is now monitored."))
			}}},
		{name: "an incident linked to an issue the team's read does not hold may have its postmortem there",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				incident(is)
				is.Links = []evidence.IssueLink{{Type: "Relates", Direction: "outward", Description: "relates to", OtherKey: "SEC-9"}}
			}}},
		{name: "an incident resolved two days ago can still get its postmortem",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				incident(is)
				resolved := days(2)
				is.Resolved = &resolved
			}}},
		{name: "an incident resolved two months ago is past asking",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				incident(is)
				resolved := days(60)
				is.Resolved = &resolved
			}}},
		{name: "an incident still open is being coordinated, not yet reviewed",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				incident(is)
				is.Status, is.StatusCategory, is.Resolved = "In Progress", "indeterminate", nil
			}, func(*TeamIssue) {}}}, // a scrum team: its sprints re-plan stalled work
		{name: "a resolved bug that was no incident needs no postmortem",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				incident(is)
				is.Summary, is.Labels = "Card payments fail for one merchant's test account", nil
			}}},
		{name: "someone's work in the running sprint with nothing new for two weeks", detector: "in-progress.stalled",
			reason: "in progress in the active sprint (OPS Sprint 9) with nothing new for 10 working days",
			action: "Ask Tomás at stand-up whether it is still moving: split it, find it help, or move it out of the sprint",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.Created, is.Updated = "In Progress", "indeterminate", days(30), days(14)
				is.Comments = []evidence.Comment{comment(tomas, days(15), "Started on the export.")}
			}}},
		{name: "work whose assignee left is for a new owner first", detector: "in-progress.stalled",
			reason: "with nothing new for 3 weeks", action: "Lena has left: reassign it or close it",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.Created, is.Updated, is.Assignee = "In Progress", "indeterminate", days(30), days(21), lena
			}}},
		{name: "a change this week keeps work moving",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.Created, is.Updated = "In Progress", "indeterminate", days(30), days(1)
			}}},
		{name: "a comment this week keeps work moving",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.Created, is.Updated = "In Progress", "indeterminate", days(30), days(14)
				is.Comments = []evidence.Comment{comment(tomas, days(2), "Export works for one month; totals next.")}
			}}},
		{name: "work in progress outside the sprints is not the sprint's to re-plan",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.Created, is.Updated = "In Progress", "indeterminate", days(30), days(14)
				is.Sprints, is.SprintState = nil, ""
			}, func(*TeamIssue) {}}}, // a story of the project in a sprint: a scrum team
		{name: "a kanban team's work with nothing new for two weeks", detector: "in-progress.stalled",
			reason: "in progress on a board without sprints with nothing new for 10 working days",
			action: "Ask Tomás at stand-up whether it is still moving: split it, find it help, or move it back to the backlog",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.Created, is.Updated = "In Progress", "indeterminate", days(30), days(14)
				is.Sprints, is.SprintState = nil, ""
			}}},
		{name: "a kanban team's epic lives for months",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				epic(is)
				is.Updated, is.Comments = days(12), []evidence.Comment{comment(tomas, days(12), "Update: the cart is done.")}
			}}},
		{name: "a teammate's question unanswered for 5 working days", detector: "question.unanswered", reason: "Tomás asked “Do we keep the old endpoint for mobile clients?” 5 working days ago",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(tomas, days(7), "Do we keep the old endpoint for mobile clients?")}
			}}},
		{name: "a question to the customer, waiting for the customer, is nobody's on the team to answer",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.Reporter = "Waiting for customer", "indeterminate", evidence.User{ID: "carla", DisplayName: "Carla"}
				is.Comments = []evidence.Comment{comment(tomas, days(8), "Could you send us the server log and the exact error?")}
			}}},
		{name: "the customer's own question, while the issue says it waits for them, still waits for the team", detector: "question.unanswered",
			reason: "Carla asked “Which log do you need?”",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				carla := evidence.User{ID: "carla", DisplayName: "Carla"}
				is.Status, is.StatusCategory, is.Reporter = "Waiting for customer", "indeterminate", carla
				is.Comments = []evidence.Comment{comment(tomas, days(9), "Could you send us the log?"), comment(carla, days(8), "Which log do you need?")}
			}}},
		{name: "a Japanese question, with no spaces and a full-width mark, is a question", detector: "question.unanswered",
			reason: "Tomás asked “旧エンドポイントはモバイル向けに残しますか？”",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(tomas, days(8), "確認しました。旧エンドポイントはモバイル向けに残しますか？")}
			}}},
		{name: "a one-word Japanese reply is no question",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(tomas, days(8), "了解？")}
			}}},
		{name: "a question from a teammate who left months ago is for reassigning or closing", detector: "question.unanswered",
			reason: "Lena asked “Is this still needed after the migration?” 5 months ago and nobody answered",
			action: "Lena has left: reassign it or close it",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Assignee, is.SprintState, is.Sprints = lena, "", nil
				is.Comments = []evidence.Comment{comment(lena, days(150), "Is this still needed after the migration?")}
			}}},
		{name: "a question names the teammate it mentions when any of the team's issues does, and is theirs to answer", detector: "question.unanswered",
			reason: "Tomás asked “Priya, which export format does finance want?”",
			action: "Ask Priya (it was addressed to them) for the answer, and get it posted here",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Assignee = evidence.User{ID: "priya", DisplayName: "Priya"} },
				func(is *TeamIssue) {
					is.Comments = []evidence.Comment{comment(tomas, days(7), "[~accountid:priya] which export format does finance want?")}
				},
			}},
		{name: "a question that opens with a teammate's first name and a comma is theirs to answer", detector: "question.unanswered",
			reason: "Tomás asked “Priya, for joint accounts, should the sweep-in use either-or-survivor mandate or both signatures? FSD is silent on this.”",
			action: "Ask Priya Nair (it was addressed to them) for the answer",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Assignee = evidence.User{ID: "priya", DisplayName: "Priya Nair"} },
				func(is *TeamIssue) {
					is.Comments = []evidence.Comment{comment(tomas, days(7), "Priya, for joint accounts, should the sweep-in use either-or-survivor mandate or both signatures? FSD is silent on this.")}
				},
			}},
		{name: "a question that opens with a word no teammate is named is the team's", detector: "question.unanswered",
			action: "Answer Tomás's question, or find who can",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(tomas, days(7), "Also, do we keep the old endpoint for mobile clients?")}
			}}},
		{name: "a question addressed to you was asked of you, not of the team", detector: "question.unanswered",
			action: "Tomás asked you on 11 Nov: answer it, and if the answer changes the story, write it into its acceptance criteria",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(tomas, days(7), "[~me] which export format does finance want?")}
			}}},
		{name: "a question that opens with your name typed after an @ was asked of you", detector: "question.unanswered",
			action: "Tomás asked you on 11 Nov: answer it",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Type = "Task"
				is.Comments = []evidence.Comment{comment(tomas, days(7), "@Maya the minimum differs per store, do we show the bar for the cart's store?")}
			}}},
		{name: "a question that opens with your first name and a comma, after a greeting, was asked of you", detector: "question.unanswered",
			action: "Tomás asked you on 11 Nov",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(tomas, days(7), "Hi Maya, which export format does finance want?")}
			}}},
		{name: "a long question loses its start, not its point: first whom it is addressed to", detector: "question.unanswered",
			reason: "Tomás asked “The free delivery minimum is different per store, do we show the bar for the store of the cart or hide it when the cart has items from 2 stores?”",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Assignee = evidence.User{ID: "ana", DisplayName: "Ana Ribeiro"} },
				func(is *TeamIssue) {
					is.Comments = []evidence.Comment{comment(tomas, days(7), "@Ana Ribeiro the free delivery minimum is different per store, do we show the bar for the store of the cart or hide it when the cart has items from 2 stores?")}
				},
			}},
		{name: "a question too long without whom it is addressed to loses its opening words", detector: "question.unanswered",
			reason: "Tomás asked “…show the bar for the store of the cart, or hide it whenever the cart has items from two or more stores at once, as the designs for the checkout do?”",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(tomas, days(7), "Since the free delivery minimum is different per store and the marketplace team wants it per seller, do we show the bar for the store of the cart, or hide it whenever the cart has items from two or more stores at once, as the designs for the checkout do?")}
			}}},
		{name: "a question that names a capitalised word no project has is the team's", detector: "question.unanswered",
			action: "Answer Tomás's question, or find who can",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(tomas, days(7), "Does the API support two authorisations on one order?")}
			}}},
		{name: "a question that names another project is for whoever answers for it", detector: "question.unanswered",
			action: "Ask the Payments Platform lead for the answer, and get it posted here for Tomás",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Comments = []evidence.Comment{comment(tomas, days(7), "Does PAY support two authorisations on the same order id, or do we need two orders?")}
				},
				func(is *TeamIssue) { is.Project, is.ProjectName = "PAY", "Payments Platform" },
			}},
		{name: "a question about another project's issue is not asked of the project", detector: "question.unanswered",
			action: "Answer Tomás's question, or find who can",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Comments = []evidence.Comment{comment(tomas, days(7), "Does PAY-12 cover two authorisations on the same order id?")}
				},
				func(is *TeamIssue) { is.Project, is.ProjectName = "PAY", "Payments Platform" },
			}},
		{name: "a question keeps the sentence after it that says why it is asked", detector: "question.unanswered",
			reason: "Tomás asked “Do we keep application logs for 30 or 90 days? Legal has not said and I need to size the bucket.” 5 working days ago",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(tomas, days(7), "Do we keep application logs for 30 or 90 days? Legal has not said and I need to size the bucket. Thanks!")}
			}}},
		{name: "a question whose next sentence does not fit is quoted alone", detector: "question.unanswered",
			reason: "Tomás asked “Do we keep application logs for 30 or 90 days?” 5 working days ago",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(tomas, days(7), "Do we keep application logs for 30 or 90 days? Legal has not said yet, the security team wants 90, finance wants 30 for the cost, and I need to size the bucket before the freeze.")}
			}}},
		{name: "a question asked two working days ago can still wait",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(tomas, days(2), "Do we keep the old endpoint for mobile clients?")}
			}}},
		{name: "an answered question is no work",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(tomas, days(9), "Do we keep the old endpoint for mobile clients?"),
					comment(evidence.User{ID: "mei", DisplayName: "Mei"}, days(8), "Yes, until April.")}
			}}},
		{name: "the user's own question is theirs to chase",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(me, days(9), "Do we keep the old endpoint for mobile clients?")}
			}}},
		{name: "a question mark inside code is no question",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Comments = []evidence.Comment{comment(tomas, days(9), "Fixed.\n{code}\nx = a ? b : c; where is it?\n{code}")}
			}}},
		{name: "a bug with no priority for two weeks", detector: "bug.untriaged", reason: "no priority",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Type, is.Priority, is.SprintState, is.Sprints, is.Created = "Bug", "", "", nil, days(14)
			}, func(*TeamIssue) {}}},
		{name: "a bug with neither a priority nor a component", detector: "bug.untriaged", reason: "bug open for 10 working days with neither a priority nor a component",
			action: "set the priority and component",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Type, is.Priority, is.Components, is.SprintState, is.Sprints, is.Created = "Bug", "", nil, "", nil, days(14)
			}, func(*TeamIssue) {}}},
		{name: "a Defect is a bug by another name", detector: "bug.untriaged", reason: "bug open for 2 weeks with no priority",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Type, is.Priority, is.SprintState, is.Sprints, is.Created = "Defect", "", "", nil, days(18)
			}, func(*TeamIssue) {}}},
		{name: "a German Fehler is a bug by another name", detector: "bug.untriaged", reason: "no priority",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Type, is.Priority, is.SprintState, is.Sprints, is.Created = "Fehler", "", "", nil, days(18)
			}, func(*TeamIssue) {}}},
		{name: "a team that sorts nothing by component is not told its bugs lack one",
			issues: append(slices.Repeat([]func(*TeamIssue){func(is *TeamIssue) { is.Components = nil }}, 5), func(is *TeamIssue) {
				is.Type, is.Components, is.SprintState, is.Sprints, is.Created = "Bug", nil, "", nil, days(30)
			})},
		{name: "a bug lacks a component where a fifth of the team's issues have one", detector: "bug.untriaged", reason: "bug open for 4 weeks with no component",
			issues: append(slices.Repeat([]func(*TeamIssue){func(is *TeamIssue) { is.Components = nil }}, 3), func(*TeamIssue) {}, func(is *TeamIssue) {
				is.Type, is.Components, is.SprintState, is.Sprints, is.Created = "Bug", nil, "", nil, days(30)
			})},
		{name: "a bug in progress in the running sprint was triaged in practice",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Type, is.Components, is.Created, is.Updated = "Bug", nil, days(30), days(1)
				is.Status, is.StatusCategory = "In Progress", "indeterminate"
			}}},
		{name: "a bug planned into the next sprint was triaged in practice",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Type, is.Priority, is.Components, is.Created, is.SprintState = "Bug", "", nil, days(30), "future"
			}}},
		{name: "a bug in progress outside any sprint was triaged in practice",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Type, is.Components, is.Created, is.SprintState, is.Sprints = "Bug", nil, days(30), "", nil
				is.Status, is.StatusCategory = "In Review", "indeterminate"
			}, func(*TeamIssue) {}}}, // a scrum team: its sprints re-plan stalled work
		{name: "its only release shipped without it: agree with its assignee where it goes", detector: "release.missed", reason: "payments 3.8 was released on 8 Oct 2026 without it",
			action: "Agree with Tomás: move it to the next release or take the version off",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				shipped := days(41)
				is.Created, is.Releases = days(60), []Release{{Name: "payments 3.8", Date: &shipped, Released: true}}
			}}},
		{name: "a release shipped without an issue nobody has: agree with whoever filed it", detector: "release.missed",
			action: "Agree with Jonas, who filed it: move it to the next release",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				shipped := days(41)
				is.Created, is.Releases, is.Assignee, is.Reporter = days(60), []Release{{Name: "payments 3.8", Date: &shipped, Released: true}}, evidence.User{}, jonas
			}}},
		{name: "a release shipped without an issue nobody has that you filed: yours to move, not a lead's to agree", detector: "release.missed",
			action: "Move it to the next release or take the version off, and say in a comment why it slipped",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				shipped := days(41)
				is.Created, is.Releases, is.Assignee, is.Reporter = days(60), []Release{{Name: "payments 3.8", Date: &shipped, Released: true}}, evidence.User{}, me
			}}},
		{name: "an issue filed after its only release shipped did not slip: its version is a mistake", detector: "release.missed",
			reason: "2.3 was released on 10 Aug 2026 before it was filed",
			action: "Put it in the release it is planned for, or take 2.3 off: a version released before the issue existed was set by mistake",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				released := days(100)
				is.SprintState, is.Sprints, is.Created = "", nil, days(30)
				is.Releases = []Release{{Name: "2.3", Date: &released, Released: true}}
			}}},
		{name: "a release missed months ago: ask first whether the work is still wanted", detector: "release.missed",
			reason: "payments 3.2 was released on 21 May 2026 without it",
			action: "Ask Tomás whether it is still wanted 6 months after the release: if so, move it to the next release or take the version off, and say in a comment why it slipped; if not, close it and say why",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				shipped := days(181)
				is.Created, is.Releases = days(200), []Release{{Name: "payments 3.2", Date: &shipped, Released: true}}
			}}},
		{name: "moved on to a release still to come: nothing missed",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				shipped, coming := days(41), now.AddDate(0, 2, 0)
				is.Releases = []Release{{Name: "payments 3.8", Date: &shipped, Released: true}, {Name: "payments 3.9", Date: &coming}}
			}}},
		{name: "highest priority for a month, nobody on it, no sprint", detector: "priority.top-unowned",
			reason: "Highest priority, open for 4 weeks, but nobody is assigned and no sprint plans it",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Priority, is.Assignee, is.SprintState, is.Sprints, is.Created = "Highest", evidence.User{}, "closed", []string{"OPS Sprint 4"}, days(30)
			}}},
		{name: "highest priority for a month: plan it or lower it", detector: "priority.top-unowned",
			action: "Plan it into a sprint with an owner, or lower its priority",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Priority, is.Assignee, is.SprintState, is.Sprints, is.Created = "Highest", evidence.User{}, "", nil, days(30)
			}}},
		{name: "open a year, now at Highest, without a word since it was filed: ask first whether it is still wanted", detector: "priority.top-unowned",
			reason: "Highest priority, open for 12 months",
			action: "Ask the team whether it is still wanted, with no word since it was filed: if so, plan it into a sprint with an owner, or lower its priority and say in a comment why it can wait; if not, close it and say why",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Priority, is.Assignee, is.SprintState, is.Sprints, is.Created = "Highest", evidence.User{}, "", nil, days(365)
			}}},
		{name: "the reason says its priority and age: the question adds only its silence", detector: "priority.top-unowned",
			action: "Ask the team whether it is still wanted, with no word for 5 months: if so,",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Priority, is.Assignee, is.SprintState, is.Sprints, is.Created = "Highest", evidence.User{}, "", nil, days(270)
				// Raised to Highest two weeks after it was filed.
				is.Comments = []evidence.Comment{comment(me, days(256), "Raising this to Highest: it pages us weekly."), comment(tomas, days(150), "Still seeing it.")}
			}}},
		{name: "P1 is the top where the team numbers priorities from 1", detector: "priority.top-unowned",
			reason: "P1 priority, open for 4 weeks",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Priority, is.Assignee, is.SprintState, is.Sprints, is.Created = "P1", evidence.User{}, "", nil, days(30)
			}}},
		{name: "P1 is second where the team has P0", // only the P0 (unassigned, but new) could be top
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Priority, is.Assignee, is.SprintState, is.Sprints, is.Created = "P1", evidence.User{}, "", nil, days(30)
				},
				func(is *TeamIssue) { is.Priority = "P0" },
			}},
		{name: "Critical is second where the team has Blocker, as on Jira Server",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Priority, is.Assignee, is.SprintState, is.Sprints, is.Created = "Critical", evidence.User{}, "", nil, days(30)
				},
				func(is *TeamIssue) { is.Priority = "Blocker" },
			}},
		{name: "Critical is the top where the team has no Blocker", detector: "priority.top-unowned",
			reason: "Critical priority, open for 4 weeks",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Priority, is.Assignee, is.SprintState, is.Sprints, is.Created = "Critical", evidence.User{}, "", nil, days(30)
			}}},
		{name: "highest priority planned into the running sprint is planned",
			issues: []func(*TeamIssue){func(is *TeamIssue) { is.Priority, is.Created = "Highest", days(30) }}},
		{name: "highest priority with an owner is owned",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Priority, is.SprintState, is.Sprints, is.Created = "Highest", "", nil, days(30)
			}}},
		{name: "in progress, left in a closed sprint while the next one runs", detector: "in-progress.outside-sprint",
			reason: "in progress but left in the closed OPS Sprint 8",
			action: "Ask Tomás whether it is still being worked on: move it into the running sprint (OPS Sprint 9), or back to the backlog",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Status, is.StatusCategory, is.SprintState, is.Sprints = "In Progress", "indeterminate", "closed", []string{"OPS Sprint 8"}
					is.Comments = []evidence.Comment{comment(tomas, days(20), "Started on it.")}
				},
				func(*TeamIssue) {},
			}},
		{name: "left in a closed sprint, its assignee's comment of this week says the work goes on: only the board is wrong",
			detector: "in-progress.outside-sprint", reason: "in progress but left in the closed OPS Sprint 8",
			action: "Move it into the running sprint (OPS Sprint 9) so its board shows it: Tomás wrote on 16 Nov that the work goes on (“Cool-down at 5 minutes on staging, watching the weekend traffic.”)",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Status, is.StatusCategory, is.SprintState, is.Sprints = "In Progress", "indeterminate", "closed", []string{"OPS Sprint 8"}
					is.Comments = []evidence.Comment{comment(tomas, days(2), "Cool-down at 5 minutes on staging, watching the weekend traffic.")}
				},
				func(*TeamIssue) {},
			}},
		{name: "left in a closed sprint, its assignee's last comment says it is deployed: close it, do not carry it on",
			detector: "in-progress.outside-sprint", reason: "in progress (In Review) but left in the closed OPS Sprint 8",
			action: "Tomás wrote on 16 Nov that it is done (“Deployed to production, dashboards look normal.”): check that it does what it asks " +
				"and move it to Done; if something is left, move it into the running sprint (OPS Sprint 9) so its board shows it",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Status, is.StatusCategory, is.SprintState, is.Sprints = "In Review", "indeterminate", "closed", []string{"OPS Sprint 8"}
					is.Comments = []evidence.Comment{comment(tomas, days(2), "Deployed to production, dashboards look normal.")}
				},
				func(*TeamIssue) {},
			}},
		{name: "left in a closed sprint, its assignee's last comment says the work goes on: only the board is wrong",
			detector: "in-progress.outside-sprint", reason: "in progress but left in the closed OPS Sprint 8",
			action: "Move it into the running sprint (OPS Sprint 9) so its board shows it: Tomás wrote on 16 Nov that the work goes on (“Still working on the retry path, PR up tomorrow.”)",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Status, is.StatusCategory, is.SprintState, is.Sprints = "In Progress", "indeterminate", "closed", []string{"OPS Sprint 8"}
					is.Comments = []evidence.Comment{
						comment(tomas, days(9), "Merged the first part."),
						comment(tomas, days(2), "Still working on the retry path, PR up tomorrow."),
					}
				},
				func(*TeamIssue) {},
			}},
		{name: "left in a closed sprint, deployed to staging only: the work goes on",
			detector: "in-progress.outside-sprint", reason: "in progress but left in the closed OPS Sprint 8",
			action: "Move it into the running sprint (OPS Sprint 9) so its board shows it: Tomás wrote on 16 Nov that the work goes on (“Deployed to staging, smoke tests pass.”)",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Status, is.StatusCategory, is.SprintState, is.Sprints = "In Progress", "indeterminate", "closed", []string{"OPS Sprint 8"}
					is.Comments = []evidence.Comment{comment(tomas, days(2), "Deployed to staging, smoke tests pass.")}
				},
				func(*TeamIssue) {},
			}},
		{name: "left in a closed sprint, your word after its assignee's says it shipped: check it with them and close it",
			detector: "in-progress.outside-sprint", reason: "in progress but left in the closed OPS Sprint 8",
			action: "You wrote on 17 Nov that it is done (“Weekly update: shipped the new cool-down, no blockers.”): check with Tomás that it does what it asks and move it to Done",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Status, is.StatusCategory, is.SprintState, is.Sprints = "In Progress", "indeterminate", "closed", []string{"OPS Sprint 8"}
					is.Comments = []evidence.Comment{
						comment(tomas, days(3), "Cool-down at 5 minutes on staging, watching the weekend traffic."),
						comment(me, days(1), "Weekly update: shipped the new cool-down, no blockers."),
					}
				},
				func(*TeamIssue) {},
			}},
		{name: "left in a closed sprint, said to be live and then reopened: the work goes on",
			detector: "in-progress.outside-sprint", reason: "in progress but left in the closed OPS Sprint 8",
			action: "Move it into the running sprint (OPS Sprint 9) so its board shows it: Tomás wrote on 17 Nov that the work goes on (“Reopening: still seeing the timeouts.”)",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Status, is.StatusCategory, is.SprintState, is.Sprints = "In Progress", "indeterminate", "closed", []string{"OPS Sprint 8"}
					is.Comments = []evidence.Comment{
						comment(tomas, days(3), "It's live in production."),
						comment(tomas, days(1), "Reopening: still seeing the timeouts."),
					}
				},
				func(*TeamIssue) {},
			}},
		{name: "in progress in a closed sprint, with no sprint running: a team between sprints",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.SprintState, is.Sprints = "In Progress", "indeterminate", "closed", []string{"OPS Sprint 8"}
			}}},
		{name: "a bug filed yesterday has time to be triaged",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Type, is.Priority, is.Components, is.SprintState, is.Created = "Bug", "", nil, "", days(1)
			}}},
		{name: "in progress with nobody assigned", detector: "in-progress.unassigned", reason: "in progress (In Review) with nobody assigned",
			action: "assign it, or move it back out of the sprint",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.Assignee = "In Review", "indeterminate", evidence.User{}
			}}},
		{name: "in progress outside any sprint, with nobody assigned", detector: "in-progress.unassigned", reason: "in progress with nobody assigned",
			action: "assign it, or move it back to the backlog",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.Assignee, is.SprintState, is.Sprints = "In Progress", "indeterminate", evidence.User{}, "", nil
			}}},
		{name: "done and unassigned is no work",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				is.Status, is.StatusCategory, is.Assignee, is.Description = "Done", "done", evidence.User{}, ""
			}}},
		{name: "two open issues with the same summary", detector: "duplicate.likely", reason: "duplicate of OPS-1",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Summary = "Nightly backup job fails on the reports database" },
				func(is *TeamIssue) {
					is.Summary = "Nightly backup job fails on reports database"
					is.Created = days(2)
				},
			}},
		{name: "two people's service requests alike in their words are two requests",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Type, is.Summary, is.Reporter = "Service Request", "Request a new laptop for onboarding", evidence.User{ID: "e1", DisplayName: "Ines"}
				},
				func(is *TeamIssue) {
					is.Type, is.Summary, is.Reporter = "Service Request", "Request a new laptop for onboarding", evidence.User{ID: "e2", DisplayName: "Omar"}
					is.Created = days(2)
				},
			}},
		{name: "one person's service request sent twice is a duplicate", detector: "duplicate.likely", reason: "duplicate of OPS-1",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Type, is.Summary, is.Reporter = "Service Request", "Request a new laptop for onboarding", evidence.User{ID: "e1", DisplayName: "Ines"}
				},
				func(is *TeamIssue) {
					is.Type, is.Summary, is.Reporter = "Service Request", "Request a new laptop for onboarding", evidence.User{ID: "e1", DisplayName: "Ines"}
					is.Created = days(2)
				},
			}},
		{name: "two people's bug reports alike in their words are a duplicate", detector: "duplicate.likely", reason: "duplicate of OPS-1",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) {
					is.Type, is.Summary, is.Reporter = "Bug", "Nightly backup job fails on the reports database", evidence.User{ID: "e1", DisplayName: "Ines"}
				},
				func(is *TeamIssue) {
					is.Type, is.Summary, is.Reporter = "Bug", "Nightly backup job fails on reports database", evidence.User{ID: "e2", DisplayName: "Omar"}
					is.Created = days(2)
				},
			}},
		{name: "a duplicate of an issue assigned to the user is theirs already",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Summary, is.Assignee = "Nightly backup job fails on the reports database", me },
				func(is *TeamIssue) {
					is.Summary = "Nightly backup job fails on reports database"
					is.Created = days(2)
				},
			}},
		{name: "duplicates already linked are handled",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Summary = "Nightly backup job fails on the reports database" },
				func(is *TeamIssue) {
					is.Summary, is.Created = "Nightly backup job fails on reports database", days(2)
					is.Links = []evidence.IssueLink{{Description: "duplicates", Direction: "outward", OtherKey: "OPS-1"}}
				},
			}},
		{name: "similar words about different things are not duplicates",
			issues: []func(*TeamIssue){
				func(is *TeamIssue) { is.Summary = "Nightly backup job fails on the reports database" },
				func(is *TeamIssue) {
					is.Summary = "Rotate the reports database credentials"
					is.Created = days(2)
				},
			}},
		{name: "release due in a week with an unassigned issue", detector: "release.unowned-issues", reason: "payments 3.9 is due on Wed 25 Nov with 1 unresolved, unassigned issue (OPS-1)",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				due := days(-7)
				is.Assignee, is.Releases = evidence.User{}, []Release{{Name: "payments 3.9", Date: &due}}
			}}},
		{name: "an overdue release names its unowned issues, a few of them", detector: "release.unowned-issues",
			reason:  "payments 3.9 was due on Mon 16 Nov with 5 unresolved, unassigned issues (OPS-1, OPS-2, OPS-3 and 2 more)",
			related: []string{"OPS-2", "OPS-3", "OPS-4", "OPS-5"},
			issues: slices.Repeat([]func(*TeamIssue){func(is *TeamIssue) {
				due := days(2)
				is.Assignee, is.Releases = evidence.User{}, []Release{{Name: "payments 3.9", Date: &due}}
			}}, 5)},
		{name: "a release two months out is not at risk",
			issues: []func(*TeamIssue){func(is *TeamIssue) {
				due := days(-60)
				is.Assignee, is.Releases = evidence.User{}, []Release{{Name: "payments 4.0", Date: &due}}
			}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var issues []TeamIssue
			for i, edit := range tt.issues {
				is := story("OPS-" + string(rune('1'+i)))
				edit(&is)
				issues = append(issues, is)
			}
			got := Detect(cfg, Team{Site: site, Issues: issues, Now: now, Names: map[string]string{"lvenkat": "Lakshmi Venkat"}})
			if tt.detector == "" {
				if len(got) > 0 {
					t.Fatalf("found %+v, want nothing", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("found %d opportunities %+v, want one of %s", len(got), got, tt.detector)
			}
			op := got[0]
			if op.Detector != tt.detector || !strings.Contains(op.Reason, tt.reason) {
				t.Errorf("found %s %q, want %s with %q", op.Detector, op.Reason, tt.detector, tt.reason)
			}
			if !strings.Contains(op.Action, tt.action) {
				t.Errorf("action %q, want it to say %q", op.Action, tt.action)
			}
			if tt.related != nil && !slices.Equal(op.Related, tt.related) {
				t.Errorf("related %q, want %q", op.Related, tt.related)
			}
			if op.Action == "" || op.Category == "" || op.IssueURL != "https://acme.example/browse/"+op.IssueKey || strings.Contains(op.Action, "{") {
				t.Errorf("incomplete opportunity: %+v", op)
			}
		})
	}
}

// A sprint's story behind another team's blocker nobody has taken, which
// itself waits on an issue gone quiet, is one chain, told once however old
// the story's own note: dependency.other-team, on the story, asks who takes
// the blocker and when what it waits on will be done, and names who waits
// (the demo's story waiting on PAY's webhook, any day of its week);
// blocked.stale does not chase the same chain again on the blocker.
func TestAnotherTeamsUnownedBlockerWaitingOnAQuietIssueIsOneChain(t *testing.T) {
	cfg, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	sprintStory := story("OPS-1")
	blockedByPay(&sprintStory)
	sprintStory.Comments[0].At = days(6)
	webhook := story("PAY-7")
	payBlocker(&webhook)
	webhook.Links = append(webhook.Links, evidence.IssueLink{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-8", OtherProject: "PAY"})
	events := story("PAY-8")
	events.Project, events.Type, events.Summary, events.Created = "PAY", "Task", "Publish payout events", days(16)
	events.Assignee, events.Reporter = evidence.User{ID: "mei", DisplayName: "Mei"}, jonas
	events.Sprints, events.SprintState = nil, ""
	events.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "outward", Description: "blocks", OtherKey: "PAY-7", OtherProject: "PAY"}}
	var got []string
	for _, op := range Detect(cfg, Team{Site: site, Issues: []TeamIssue{sprintStory, webhook, events}, Now: now}) {
		got = append(got, op.IssueKey+" "+op.Detector+": "+op.Reason+" / "+op.Action)
	}
	want := []string{
		"OPS-1 dependency.other-team: active sprint (OPS Sprint 9) issue blocked by PAY-7 of another team, which nobody has taken and no PAY sprint plans, and which waits on PAY-8" +
			" / Ask Jonas, who filed PAY-7, who takes it and when (it waits on PAY-8: ask Mei when that will be done too), and post the dates here; if not in this sprint, agree with Tomás to move OPS-1 out of it or split off what can go ahead",
	}
	if !slices.Equal(got, want) {
		t.Errorf("found\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A release that shipped without many of its issues is one suggestion,
// not one per issue: going through them is one meeting. A few are told one
// by one, and so is an issue whose version was set by mistake.
func TestMissedReleasesOfManyIssuesAreToldOnce(t *testing.T) {
	cfg, _ := Load(nil)
	shipped, old := days(41), days(181)
	release := func(key, project, version string, at *time.Time, created time.Time) TeamIssue {
		is := story(key)
		is.Project, is.Created = project, created
		is.Releases = []Release{{Name: version, Date: at, Released: true}}
		return is
	}
	var issues []TeamIssue
	for i := 1; i <= 5; i++ {
		issues = append(issues, release(fmt.Sprintf("OPS-%d", i), "OPS", "3.8", &shipped, days(60)))
	}
	issues = append(issues,
		release("OPS-6", "OPS", "3.8", &shipped, days(10)), // filed after 3.8 shipped
		release("PAY-1", "PAY", "3.8", &shipped, days(60)), // another project's 3.8
		release("PAY-2", "PAY", "3.8", &shipped, days(60)))
	for i := 3; i <= 6; i++ {
		issues = append(issues, release(fmt.Sprintf("PAY-%d", i), "PAY", "3.2", &old, days(200)))
	}
	var got []string
	for _, op := range Detect(cfg, Team{Site: site, Issues: issues, Now: now}) {
		if op.Detector == "release.missed" {
			got = append(got, op.IssueKey+": "+op.Reason+" | "+op.Action+" | "+strings.Join(op.Related, " "))
		}
	}
	want := []string{
		"OPS-1: 3.8 was released on 8 Oct 2026 without 5 of its issues, still open (OPS-1, OPS-2, OPS-3 and 2 more) | " +
			"Go through them with the team: move each to the next release or take the version off, and say in the release notes what slipped | OPS-2 OPS-3 OPS-4 OPS-5",
		"OPS-6: 3.8 was released on 8 Oct 2026 before it was filed | Put it in the release it is planned for, or take 3.8 off: a version released before the issue existed was set by mistake (perhaps the version it affects) | ",
		"PAY-1: 3.8 was released on 8 Oct 2026 without it | Agree with Tomás: move it to the next release or take the version off, and say in a comment why it slipped | ",
		"PAY-2: 3.8 was released on 8 Oct 2026 without it | Agree with Tomás: move it to the next release or take the version off, and say in a comment why it slipped | ",
		"PAY-3: 3.2 was released on 21 May 2026 without 4 of its issues, still open (PAY-3, PAY-4, PAY-5 and PAY-6) | " +
			"Go through them with the team, 6 months after the release: close those no longer wanted, saying why, and move each of the others to the next release or take the version off; say in the release notes what slipped | PAY-4 PAY-5 PAY-6",
	}
	if !slices.Equal(got, want) {
		t.Errorf("release.missed found\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOverridesTuneAndSwitchOff(t *testing.T) {
	cfg, err := Load([]byte("detectors:\n  - id: blocked.unlinked\n    days: 10\n  - id: story.no-estimate\n    off: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := cfg.Detector("blocked.unlinked")
	if d.Days != 10 || d.Category != "unblocking" || d.Action == "" {
		t.Errorf("override replaced more than days: %+v", d)
	}
	is := story("OPS-1")
	is.StoryPoints, is.Flagged = nil, true
	is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting.")}
	if got := Detect(cfg, Team{Site: site, Issues: []TeamIssue{is}, Now: now}); len(got) != 0 {
		t.Errorf("found %+v with blocked.unlinked at 10 days and story.no-estimate off", got)
	}
	for _, bad := range []string{"detectors:\n  - id: blocked.stail\n    days: 1\n", "detectors:\n  - id: blocked.stale\n    dayz: 1\n",
		"detectors:\n  - id: blocked.stale\n    category: chasing\n"} {
		if _, err := Load([]byte(bad)); err == nil {
			t.Errorf("Load(%q) accepted a typo", bad)
		}
	}
}

// The done epic's and the other team's detectors are data like the rest:
// a threshold is tuned, a detector switched off.
func TestOutcomeAndDependencyDetectorsTuneAndSwitchOff(t *testing.T) {
	done, blocked, blocker := story("OPS-3"), story("OPS-1"), story("PAY-7")
	doneEpic(&done)
	blockedByPay(&blocked)
	payBlocker(&blocker)
	for _, tt := range []struct {
		name, overrides string
		want            []string
	}{
		{"built in", "", []string{"OPS-1 dependency.other-team", "OPS-3 epic.done-no-outcome"}},
		{"a fortnight for the wrap-up, no dependencies",
			"detectors:\n  - id: epic.done-no-outcome\n    days: 14\n  - id: dependency.other-team\n    off: true\n", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Load([]byte(tt.overrides))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, op := range Detect(cfg, Team{Site: site, Issues: []TeamIssue{done, blocked, blocker}, Now: now}) {
				got = append(got, op.IssueKey+" "+op.Detector)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("found %q, want %q", got, tt.want)
			}
		})
	}
}

// A typo in an override names itself and what there is instead, not the
// Go type it failed to fill ("field dayz not found in type next.Detector").
func TestOverrideTyposSayWhatIsUnknown(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       string
		known      string // one of the names the error offers
	}{
		{"unknown detector", "detectors:\n  - id: blocked.stail\n    days: 1\n", `next detectors: unknown detector "blocked.stail"`, "blocked.stale"},
		{"unknown key of a detector", "detectors:\n  - id: blocked.stale\n    dayz: 1\n", `next detector blocked.stale: unknown key "dayz"`, "days"},
		{"unknown key of the ranking", "ranking:\n  gapp: 2\n", `next ranking: unknown key "gapp"`, "gap"},
		{"unknown key of next", "detector:\n  - id: blocked.stale\n    days: 1\n", `next: unknown key "detector"`, "detectors"},
	} {
		_, err := Load([]byte(tc.yaml))
		var unknown *UnknownError
		if !errors.As(err, &unknown) || err.Error() != tc.want || !slices.Contains(unknown.Known, tc.known) {
			t.Errorf("%s: Load gave %v, want %q offering %q", tc.name, err, tc.want, tc.known)
		}
	}
}

func TestRankExplainsItselfAndFavoursGaps(t *testing.T) {
	cfg, _ := Load(nil)
	blocker := story("OPS-1")
	blocker.Flagged = true
	blocker.Links = []evidence.IssueLink{{Direction: "outward", Description: "blocks", OtherKey: "OPS-2"}}
	blocker.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting.")}
	blocked := story("OPS-2")
	blocked.Description = "no criteria"
	team := Team{Site: site, Issues: []TeamIssue{blocker, blocked}, Now: now}

	ranked := Find(cfg, team, Gaps{"Ownership and bias to action": 0, "Organization": 40, "Communication": 10})
	if len(ranked) != 2 || ranked[0].Detector != "blocked.unlinked" {
		t.Fatalf("ranked %+v, want the blocker first", ranked)
	}
	why := strings.Join(ranked[0].Why, "; ")
	for _, want := range []string{"1 open issue blocked behind it", "in the running sprint"} {
		if !strings.Contains(why, want) {
			t.Errorf("why %q lacks %q", why, want)
		}
	}
	if want := "Ownership and bias to action"; ranked[0].Gap != want {
		t.Errorf("gap %q, want %q", ranked[0].Gap, want)
	}
	if ranked[1].Gap != "" {
		t.Errorf("the portfolio's strongest competency is called a gap: %q", ranked[1].Gap)
	}
	// The same work ranks lower for someone whose portfolio is full of it.
	full := Find(cfg, team, Gaps{"Ownership and bias to action": 40, "Organization": 0})
	if full[0].Detector != "story.no-acceptance-criteria" {
		t.Fatalf("with Organization as the gap, ranked %s first", full[0].Detector)
	}
	// Its reason names the sprint; why does not say it again.
	if why := strings.Join(full[0].Why, "; "); !strings.Contains(full[0].Reason, "active sprint") || strings.Contains(why, "sprint") {
		t.Errorf("reason %q, why %q: want the sprint named once, in the reason", full[0].Reason, why)
	}
}

// What a reason says, why does not say again: an untriaged bug's reason
// gives its age, which still raises its rank.
func TestWhyDoesNotRepeatTheReason(t *testing.T) {
	cfg, _ := Load(nil)
	bug := story("OPS-1")
	bug.Type, bug.Priority, bug.Components, bug.SprintState, bug.Sprints, bug.Created = "Bug", "", nil, "", nil, days(21)
	young := bug
	young.Key, young.ID, young.Summary, young.Created = "OPS-2", "OPS-2", "Export fails for empty months", days(8)
	// A story the team triaged: it sorts its issues by priority and component.
	ranked := Find(cfg, Team{Site: site, Issues: []TeamIssue{young, bug, story("OPS-3")}, Now: now}, nil)
	if len(ranked) != 2 || ranked[0].IssueKey != "OPS-1" {
		t.Fatalf("ranked %+v, want the older bug first", ranked)
	}
	if why := strings.Join(ranked[0].Why, "; "); !strings.Contains(ranked[0].Reason, "open for 3 weeks") || strings.Contains(why, "open 3 weeks") {
		t.Errorf("reason %q, why %q: want the age said once, in the reason", ranked[0].Reason, why)
	}
	// Stalled work says where it stalled ("in the active sprint (OPS
	// Sprint 9)"): why does not add "in the running sprint".
	stalled := story("OPS-4")
	stalled.Status, stalled.StatusCategory, stalled.Created, stalled.Updated = "In Progress", "indeterminate", days(30), days(14)
	ranked = Find(cfg, Team{Site: site, Issues: []TeamIssue{stalled}, Now: now}, nil)
	if len(ranked) != 1 || ranked[0].Detector != "in-progress.stalled" {
		t.Fatalf("ranked %+v, want the stalled work", ranked)
	}
	if why := strings.Join(ranked[0].Why, "; "); !strings.Contains(ranked[0].Reason, "in the active sprint") || strings.Contains(why, "running sprint") {
		t.Errorf("reason %q, why %q: want the sprint said once, in the reason", ranked[0].Reason, why)
	}
}

// A resolved incident is not open, however old it is: why does not say
// "open 3 weeks" of it. An unassigned story's criteria are agreed with
// the team.
func TestWhyAndActionFitWhereTheIssueStands(t *testing.T) {
	cfg, _ := Load(nil)
	inc := story("OPS-1")
	incident(&inc)
	inc.Created = days(30)
	unowned := story("OPS-2")
	unowned.Description, unowned.Assignee = "We need X.", evidence.User{}
	ranked := Find(cfg, Team{Site: site, Issues: []TeamIssue{inc, unowned}, Now: now}, nil)
	if len(ranked) != 2 {
		t.Fatalf("ranked %+v, want the incident and the story", ranked)
	}
	for _, op := range ranked {
		why := strings.Join(op.Why, "; ")
		switch op.Detector {
		case "incident.no-postmortem":
			if strings.Contains(why, "open") {
				t.Errorf("why %q says a resolved incident is open", why)
			}
		case "story.no-acceptance-criteria":
			if !strings.HasSuffix(op.Action, "agree them with the team") {
				t.Errorf("action %q, want the criteria agreed with the team", op.Action)
			}
		default:
			t.Errorf("unexpected %s", op.Detector)
		}
	}
}

// A blocked issue nobody has spoken on for months may not be wanted any
// more: the action asks that first, where a fresh block is only chased.
func TestLongSilentBlocksAskWhetherTheWorkIsStillNeeded(t *testing.T) {
	cfg, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		silent float64
		asks   bool
	}{{6, false}, {140, true}} {
		is := story("OPS-1")
		is.Flagged, is.Created = true, days(200)
		is.Comments = []evidence.Comment{comment(tomas, days(tt.silent), "Waiting on PAY.")}
		got := Detect(cfg, Team{Site: site, Issues: []TeamIssue{is}, Now: now})
		if len(got) != 1 {
			t.Fatalf("silent %v days: %d opportunities, want 1", tt.silent, len(got))
		}
		if asks := strings.HasPrefix(got[0].Action, "Ask Tomás whether it is still wanted after "); asks != tt.asks {
			t.Errorf("silent %v days: action %q; asks whether still needed: %v, want %v", tt.silent, got[0].Action, asks, tt.asks)
		}
		// Once Tomás says it is still wanted, what is left is the fresh
		// block's action.
		if want := "Ask Tomás what it still waits on: link the issue that blocks it and chase that for a date, or take the flag off if it can go ahead"; tt.asks && got[0].Settled != want {
			t.Errorf("silent %v days: settled %q, want %q", tt.silent, got[0].Settled, want)
		}
	}
	// A last word that says what it waits on is asked about when settled
	// too.
	said := story("OPS-1")
	said.Flagged, said.Created = true, days(200)
	said.Comments = []evidence.Comment{comment(tomas, days(140), "On hold till DC-DR link upgrade is done.")}
	if got := Detect(cfg, Team{Site: site, Issues: []TeamIssue{said}, Now: now}); len(got) != 1 ||
		got[0].Settled != "Ask Tomás when the DC-DR link upgrade will be done: link its ticket here and post the date, or take the flag off if it can go ahead" {
		t.Errorf("found %+v, want it settled as asking when the upgrade will be done", got)
	}
	// Months of silence press less than a block that is alive, however
	// old the silent one is.
	fresh, abandoned := story("OPS-1"), story("OPS-2")
	fresh.Flagged, fresh.Created = true, days(10)
	fresh.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY.")}
	abandoned.Flagged, abandoned.Created = true, days(300)
	abandoned.SprintState, abandoned.Sprints = "closed", []string{"OPS Sprint 2"}
	abandoned.Comments = []evidence.Comment{comment(tomas, days(140), "Waiting on PAY.")}
	ranked := Find(cfg, Team{Site: site, Issues: []TeamIssue{abandoned, fresh}, Now: now}, Gaps{})
	if len(ranked) != 2 || ranked[0].IssueKey != "OPS-1" {
		t.Fatalf("ranked %+v, want the live block first", ranked)
	}
	if why := strings.Join(ranked[1].Why, "; "); !strings.Contains(why, "listed lower for its silence") || strings.Contains(why, "open 10 months") {
		t.Errorf("the silent block's why %q, want its silence said and its age not counted", why)
	}
	// A blocker chased lately is not the issue behind it alive: an
	// unplanned issue nobody has written on for months is in question
	// itself, and the reason says whose silence it is.
	chased, blocker := abandoned, story("OPS-9")
	chased.Flagged = false
	chased.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "OPS-9"}}
	blocker.Comments = []evidence.Comment{comment(tomas, days(9), "The endpoint ships next week.")}
	blocker.SprintState, blocker.Sprints = "", nil
	for _, op := range Find(cfg, Team{Site: site, Issues: []TeamIssue{chased, blocker}, Now: now}, Gaps{}) {
		if op.IssueKey != chased.Key {
			continue
		}
		if why := strings.Join(op.Why, "; "); op.Detector != "blocked.stale" ||
			!strings.Contains(op.Reason, "(last comment by Tomás, 9 Nov), with no comment on this issue for 5 months") ||
			!strings.Contains(op.Action, "whether it is still wanted after 5 months without a word on it") || !strings.Contains(why, "listed lower") {
			t.Errorf("a silent issue behind a blocker chased 9 days ago: %s %q, action %q, why %q", op.Detector, op.Reason, op.Action, why)
		}
	}
	// A blocker someone is at work on says the work behind it is wanted
	// (demo's PAY-3426, whose blocker the user put into the next sprint
	// "as this one has someone waiting on it"): what nobody does is tell
	// whoever waits where it stands.
	blocker.SprintState, blocker.Sprints = "future", []string{"OPS Sprint 10"}
	for _, op := range Find(cfg, Team{Site: site, Issues: []TeamIssue{chased, blocker}, Now: now}, Gaps{}) {
		if op.IssueKey != chased.Key {
			continue
		}
		if op.Detector != "blocked.stale" || op.Category != evidence.CatStakeholderComms ||
			!strings.HasSuffix(op.Action, "where it stands: its blocker OPS-9 is in the next sprint (OPS Sprint 10); post it here") ||
			strings.Contains(op.Action, "still wanted") {
			t.Errorf("a silent issue behind a blocker being worked: %s %s, action %q", op.Detector, op.Category, op.Action)
		}
	}
	// Silence does not fade what is alive: a story in the running sprint,
	// or an epic, whose silence is what a missing progress note is about.
	// An epic lives for months by design: its age is no reason.
	inSprint := abandoned
	inSprint.SprintState = "active"
	epic := abandoned
	epic.Type, epic.Status, epic.StatusCategory, epic.Flagged = "Epic", "In Progress", "indeterminate", false
	for _, is := range []TeamIssue{inSprint, epic} {
		found := Find(cfg, Team{Site: site, Issues: []TeamIssue{is}, Now: now}, Gaps{})
		if len(found) == 0 {
			t.Errorf("%s %s: nothing suggested", is.Type, is.SprintState)
		}
		for _, op := range found {
			why := strings.Join(op.Why, "; ")
			if strings.Contains(why, "listed lower") || strings.Contains(why, "open 10 months") != (is.Type != "Epic") {
				t.Errorf("%s %s (%s): why %q, want no fading, and the age of a story, not of an epic", is.Type, is.SprintState, op.Detector, why)
			}
		}
	}
}

// The list's words are its own. Jira's changelog says "Ranked higher" and
// "Ranked lower" of an edit of the backlog's order, so a why or an action
// that says "ranked" or "ranks" reads as something someone did in Jira: an
// entry listed lower for months of silence says so in plain words, and a
// bug that lacks only its component is asked for that, not why it "ranks
// there".
func TestNoWhyOrActionReadsLikeAJiraRankEdit(t *testing.T) {
	cfg, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	silent := story("OPS-1")
	silent.Flagged, silent.Created = true, days(300)
	silent.SprintState, silent.Sprints = "closed", []string{"OPS Sprint 2"}
	silent.Comments = []evidence.Comment{comment(tomas, days(140), "Waiting on PAY.")}
	noComponent, noPriority := story("OPS-2"), story("OPS-3")
	noComponent.Type, noComponent.Components, noComponent.SprintState, noComponent.Sprints, noComponent.Created = "Bug", nil, "", nil, days(30)
	noPriority.Type, noPriority.Priority, noPriority.SprintState, noPriority.Sprints, noPriority.Created = "Bug", "", "", nil, days(30)
	want := map[string]string{
		"OPS-1": "no comment for 5 months (the last comment, by Tomás on 1 Jul: “Waiting on PAY.”); listed lower for its silence\ndo:",
		"OPS-2": "do: Triage it: set the component\n",
		"OPS-3": "do: Triage it: set the priority and say in a comment why it gets that priority\n",
	}
	jiraRank := regexp.MustCompile(`(?i)\brank`)
	for _, op := range Find(cfg, Team{Site: site, Issues: []TeamIssue{silent, noComponent, noPriority}, Now: now}, Gaps{}) {
		said := "why: " + strings.Join(append([]string{op.Reason}, op.Why...), "; ") + "\ndo: " + op.Action + "\n"
		if jiraRank.MatchString(said) {
			t.Errorf("%s (%s) reads like a Jira rank edit:\n%s", op.IssueKey, op.Detector, said)
		}
		if w := want[op.IssueKey]; !strings.Contains(said, w) {
			t.Errorf("%s (%s) says\n%swithout %q", op.IssueKey, op.Detector, said, w)
		}
		delete(want, op.IssueKey)
	}
	for key, w := range want {
		t.Errorf("%s: nothing suggested, want %q", key, w)
	}
}

// A block whose only recent word is your own, on its blocker ("No-go for
// 2026.11 from my side until PAY-3427 is done"), is yours to explain, not
// a date to ask its owner for; and the issue behind it, months silent,
// nobody's and left in a closed sprint, is asked about first and ranks at
// half, without its age: your comment does not keep it alive (the demo's
// PAY-3426). Your question on the blocker is still chased.
func TestYourOwnWordOnABlockerNeitherChasesNorRevivesIt(t *testing.T) {
	cfg, _ := Load(nil)
	behind := story("PAY-1")
	behind.Project, behind.Assignee, behind.Created = "PAY", evidence.User{}, days(280)
	behind.SprintState, behind.Sprints = "closed", []string{"PAY Sprint 2"}
	behind.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "OPS-1"}}
	behind.Comments = []evidence.Comment{comment(jonas, days(270), "Will pick this up after PAY-3417.")}
	blocker := story("OPS-1")
	blocker.Assignee, blocker.Reporter, blocker.Created = evidence.User{ID: "aisha", DisplayName: "Aisha"}, me, days(14)
	blocker.Comments = []evidence.Comment{comment(me, days(9), "No-go for platform-2026.11 from my side until PAY-3427 is done. Pushing it to the next release.")}
	found := Find(cfg, Team{Site: site, Issues: []TeamIssue{behind, blocker}, Now: now}, Gaps{})
	if len(found) != 1 || found[0].IssueKey != "PAY-1" || found[0].Detector != "blocked.stale" {
		t.Fatalf("found %+v, want blocked.stale on PAY-1", found)
	}
	op := found[0]
	want := "Decide whether it is still wanted after 9 months without a word from the team: if so, say what the blocker OPS-1 waits on now " +
		"(the last word on it is yours, of 9 Nov: “No-go for platform-2026.11 from my side until PAY-3427 is done. Pushing it to the next release.”) " +
		"and post it here; if not, close it and say why"
	if op.Action != want {
		t.Errorf("action\n%q\nwant\n%q", op.Action, want)
	}
	if why := strings.Join(op.Why, "; "); !strings.Contains(why, "listed lower for its silence") || strings.Contains(why, "open ") {
		t.Errorf("why %q, want it ranked at half for its silence, without its age", why)
	}
	// A question of yours on the blocker that nobody answered is chased.
	blocker.Comments = []evidence.Comment{comment(me, days(9), "Aisha, when do you expect this to be done?")}
	found = Find(cfg, Team{Site: site, Issues: []TeamIssue{behind, blocker}, Now: now}, Gaps{})
	if len(found) != 1 || !strings.Contains(found[0].Action, "if so, ask Aisha for a date on OPS-1 and post it here") {
		t.Errorf("found %+v, want your unanswered question chased", found)
	}
}

// One entry reads its ages in one way: working days up to two weeks of
// them, then weeks, then months, whichever kind of days its detector's
// threshold counts. Not "no comment for 12 days" beside another entry's
// "9 working days", nor "3 months" beside "open 13 weeks".
func TestOneEntrysAgesReadAlike(t *testing.T) {
	cfg, _ := Load(nil)
	blocked := story("OPS-1")
	blocked.Created = days(95)
	blocked.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
	blocked.Comments = []evidence.Comment{comment(tomas, days(12), "Waiting on PAY.")}
	found := Find(cfg, Team{Site: site, Issues: []TeamIssue{blocked}, Now: now}, Gaps{})
	if len(found) != 1 {
		t.Fatalf("found %+v, want the block", found)
	}
	if op, why := found[0], strings.Join(found[0].Why, "; "); !strings.Contains(op.Reason, "no comment for 8 working days") || !strings.Contains(why, "open 3 months") {
		t.Errorf("reason %q, why %q: want working days and months", op.Reason, why)
	}
	// A threshold of working days: three of them, not a weekend.
	blocked.Comments = []evidence.Comment{comment(tomas, time.Date(2026, 11, 13, 16, 0, 0, 0, time.UTC), "Waiting on PAY till Monday.")}
	if found := Detect(cfg, Team{Site: site, Issues: []TeamIssue{blocked}, Now: time.Date(2026, 11, 17, 10, 0, 0, 0, time.UTC)}); len(found) != 0 {
		t.Errorf("a block commented on Friday is stale on Tuesday morning: %+v", found)
	}
}

// A release due this week presses as the running sprint does, one due
// next week as the next sprint; the reporter and the assignee, whom Jira
// makes watchers, say nothing of how many wait on an issue.
func TestRankWeighsDueDatesAndOnlyOtherWatchers(t *testing.T) {
	cfg, _ := Load(nil)
	scoreOf := func(due time.Time, watchers int) Opportunity {
		t.Helper()
		is := story("OPS-1")
		is.Assignee, is.SprintState, is.Sprints, is.Watchers = evidence.User{}, "", nil, watchers
		is.Releases = []Release{{Name: "payments 3.9", Date: &due}}
		found := Find(cfg, Team{Site: site, Issues: []TeamIssue{is}, Now: now}, nil)
		if len(found) != 1 || found[0].Detector != "release.unowned-issues" || found[0].Due == nil || !found[0].Due.Equal(due) {
			t.Fatalf("found %+v, want the release with its due date", found)
		}
		return found[0]
	}
	soon, later := scoreOf(now.AddDate(0, 0, 5), 2), scoreOf(now.AddDate(0, 0, 12), 2)
	if diff := soon.Score - later.Score; math.Abs(diff-(cfg.Ranking.ActiveSprint-cfg.Ranking.NextSprint)) > 0.01 {
		t.Errorf("due in 5 days scores %v, in 12 days %v: want the running sprint's weight against the next's", soon.Score, later.Score)
	}
	if why := strings.Join(soon.Why, "; "); strings.Contains(why, "watchers") {
		t.Errorf("why %q counts the reporter and the assignee as watchers", why)
	}
	if watched := scoreOf(now.AddDate(0, 0, 5), 4); !slices.Contains(watched.Why, "4 watchers") || watched.Score <= soon.Score {
		t.Errorf("4 watchers: why %q, score %v against %v", watched.Why, watched.Score, soon.Score)
	}
}

// A top-priority issue's reason says how long it has been open; why does
// not say it again.
func TestTopPriorityAgeIsSaidOnce(t *testing.T) {
	cfg, _ := Load(nil)
	is := story("OPS-1")
	is.Priority, is.Assignee, is.SprintState, is.Sprints, is.Created = "Highest", evidence.User{}, "", nil, days(30)
	found := Find(cfg, Team{Site: site, Issues: []TeamIssue{is}, Now: now}, nil)
	if len(found) != 1 || !strings.Contains(found[0].Reason, "open for 4 weeks") || slices.ContainsFunc(found[0].Why, func(w string) bool { return strings.HasPrefix(w, "open ") }) {
		t.Errorf("found %+v: want the age in the reason only", found)
	}
}

// sprintAt is sprint n of board 1, two weeks long, starting `from` days
// ago (negative: in the future).
func sprintAt(n int, state string, from float64) Sprint {
	return sprintOf(n, state, from, 14)
}

// sprintOf is sprintAt for sprints of length days.
func sprintOf(n int, state string, from, length float64) Sprint {
	start, end := days(from), days(from-length)
	sp := Sprint{ID: 100 + n, Name: "OPS Sprint " + strconv.Itoa(n), State: state, BoardID: 1, Start: &start, End: &end}
	if state == "closed" {
		sp.Completed = &end
	}
	return sp
}

// detectedBy runs the detectors over issues and returns what one of them
// found; with none wanted, it fails the test on any finding.
func detectedBy(t *testing.T, cfg Config, issues []TeamIssue, detector string, none bool) []Opportunity {
	t.Helper()
	var got []Opportunity
	for _, op := range Detect(cfg, Team{Site: site, Issues: issues, Now: now}) {
		if op.Detector == detector {
			got = append(got, op)
		}
	}
	if none && len(got) > 0 {
		t.Fatalf("found %+v, want nothing", got)
	}
	return got
}

func TestOvercommittedSprints(t *testing.T) {
	cfg, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	s5, s7, s8 := sprintAt(5, "closed", 90), sprintAt(7, "closed", 40), sprintAt(8, "closed", 26)
	s9, s10 := sprintAt(9, "active", 12), sprintAt(10, "future", -2)
	// finishedIn is an issue done in its last sprint; plannedIn one
	// planned into sprints, open.
	finishedIn := func(key string, pts float64, sprints ...Sprint) TeamIssue {
		is := story(key)
		resolved := *sprints[len(sprints)-1].End
		is.Status, is.StatusCategory, is.Resolved, is.StoryPoints, is.SprintList = "Done", "done", &resolved, points(pts), sprints
		return is
	}
	plannedIn := func(key string, pts float64, priority string, sprints ...Sprint) TeamIssue {
		is := story(key)
		is.StoryPoints, is.Priority, is.SprintList, is.SprintState = points(pts), priority, sprints, "future"
		return is
	}
	history := []TeamIssue{
		finishedIn("OPS-71", 8, s7), finishedIn("OPS-72", 5, s7), finishedIn("OPS-73", 5, s7),
		finishedIn("OPS-81", 8, s8), finishedIn("OPS-82", 8, s8),
		finishedIn("OPS-83", 5, s7, s8), // carried over from 7, finished in 8
		finishedIn("OPS-61", 40, s5),    // before the window: what 5 finished is not known whole
	}
	plan := func(pts ...float64) []TeamIssue {
		var out []TeamIssue
		for i, p := range pts {
			priority := "Medium"
			if i == 1 {
				priority = "Low"
			}
			out = append(out, plannedIn("OPS-10"+strconv.Itoa(i), p, priority, s10))
		}
		return out
	}
	tests := []struct {
		name   string
		issues []TeamIssue
		reason string // "" expects nothing
		action string
	}{
		{name: "the next sprint holds far more than the team finishes", issues: append(slices.Clone(history), plan(8, 5, 8, 5, 3)...),
			reason: "OPS Sprint 10 is planned with 29 points in 5 issues; the team finished 18 points in OPS Sprint 7 and 21 points in OPS Sprint 8",
			action: "it holds 8 points more than the team's best recent sprint, and this issue (Low priority, 5 points) is the first candidate to move out"},
		{name: "a fifth more than the best sprint is within reach", issues: append(slices.Clone(history), plan(8, 5, 8, 4)...)},
		{name: "a sub-task's points are its parent's", issues: append(append(slices.Clone(history), plan(8, 5, 8, 4)...), func() TeamIssue {
			is := plannedIn("OPS-120", 8, "Medium", s10)
			is.Type = "Sub-task"
			return is
		}())},
		{name: "one sprint of history says nothing of a pace",
			issues: append([]TeamIssue{finishedIn("OPS-81", 8, s8), finishedIn("OPS-61", 5, s5)}, plan(8, 5, 8, 5, 3)...)},
		{name: "a team of one-week sprints: the last three count", issues: append([]TeamIssue{
			finishedIn("OPS-61", 40, sprintOf(6, "closed", 33, 7)), // a fourth sprint back: the team's pace was other then
			finishedIn("OPS-71", 8, sprintOf(7, "closed", 26, 7)), finishedIn("OPS-72", 5, sprintOf(7, "closed", 26, 7)),
			finishedIn("OPS-81", 18, sprintOf(8, "closed", 19, 7)),
			finishedIn("OPS-91", 21, sprintOf(9, "closed", 12, 7)),
		}, plan(8, 5, 8, 5, 3)...),
			reason: "OPS Sprint 10 is planned with 29 points in 5 issues; the team finished 13 points in OPS Sprint 7, 18 points in OPS Sprint 8 and 21 points in OPS Sprint 9",
			action: "it holds 8 points more than the team's best recent sprint"},
		{name: "a team of three-week sprints", issues: append([]TeamIssue{
			finishedIn("OPS-71", 13, sprintOf(7, "closed", 53, 21)), finishedIn("OPS-72", 5, sprintOf(7, "closed", 53, 21)),
			finishedIn("OPS-81", 8, sprintOf(8, "closed", 32, 21)), finishedIn("OPS-82", 13, sprintOf(8, "closed", 32, 21)),
		}, plan(8, 5, 8, 5, 3)...),
			reason: "OPS Sprint 10 is planned with 29 points in 5 issues; the team finished 18 points in OPS Sprint 7 and 21 points in OPS Sprint 8",
			action: "it holds 8 points more than the team's best recent sprint"},
		{name: "a team of four-week sprints, near the end of the running one", issues: append([]TeamIssue{
			finishedIn("OPS-61", 40, sprintOf(6, "closed", 110, 28)), // before the window: not known whole
			finishedIn("OPS-71", 13, sprintOf(7, "closed", 82, 28)), finishedIn("OPS-72", 5, sprintOf(7, "closed", 82, 28)),
			finishedIn("OPS-81", 8, sprintOf(8, "closed", 54, 28)), finishedIn("OPS-82", 13, sprintOf(8, "closed", 54, 28)),
		}, plan(8, 5, 8, 5, 3)...),
			reason: "OPS Sprint 10 is planned with 29 points in 5 issues; the team finished 18 points in OPS Sprint 7 and 21 points in OPS Sprint 8",
			action: "it holds 8 points more than the team's best recent sprint"},
		{name: "work in the running sprint is not the next sprint's plan",
			issues: append(append(slices.Clone(history), plannedIn("OPS-91", 40, "Medium", s9)), plan(8, 5)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := detectedBy(t, cfg, tt.issues, "sprint.overcommitted", tt.reason == "")
			if tt.reason == "" {
				return
			}
			if len(got) != 1 {
				t.Fatalf("found %+v, want one sprint.overcommitted", got)
			}
			if got[0].Reason != tt.reason || !strings.Contains(got[0].Action, tt.action) || got[0].IssueKey != "OPS-101" {
				t.Errorf("found %s: %q / %q, want OPS-101: %q / %q", got[0].IssueKey, got[0].Reason, got[0].Action, tt.reason, tt.action)
			}
			if want := []string{"OPS-100", "OPS-102", "OPS-103", "OPS-104"}; !slices.Equal(got[0].Related, want) {
				t.Errorf("related %q, want the rest of the sprint %q", got[0].Related, want)
			}
		})
	}
}

func TestTooLargeStories(t *testing.T) {
	cfg, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	// team is n estimated stories of the running sprint, done, of pts each.
	team := func(n int, pts float64) []TeamIssue {
		var out []TeamIssue
		for i := range n {
			is := story("OPS-" + strconv.Itoa(200+i))
			is.Status, is.StatusCategory, is.StoryPoints = "Done", "done", points(pts)
			out = append(out, is)
		}
		return out
	}
	big := func(pts float64, edit func(*TeamIssue)) TeamIssue {
		is := story("OPS-1")
		is.StoryPoints, is.SprintState = points(pts), "future"
		if edit != nil {
			edit(&is)
		}
		return is
	}
	tests := []struct {
		name   string
		issues []TeamIssue
		reason string // "" expects nothing
	}{
		{name: "a story four times the team's size in the next sprint", issues: append(team(12, 3), big(13, nil)),
			reason: "next sprint (OPS Sprint 9) story not started yet, estimated at 13 points: 4.3 times the team's typical story (3 points)"},
		{name: "large on a team whose stories are large", issues: append(team(12, 8), big(13, nil))},
		{name: "too few estimated stories to know the team's size", issues: append(team(6, 3), big(13, nil))},
		{name: "already started", issues: append(team(12, 3), big(13, func(is *TeamIssue) { is.Status, is.StatusCategory = "In Progress", "indeterminate" }))},
		{name: "in the backlog, where it may be split later", issues: append(team(12, 3), big(13, func(is *TeamIssue) { is.SprintState, is.Sprints = "", nil }))},
		{name: "an 8 is a big story many teams take on", issues: append(team(12, 1), big(8, nil))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := detectedBy(t, cfg, tt.issues, "story.too-large", tt.reason == "")
			if tt.reason == "" {
				return
			}
			if len(got) != 1 || got[0].IssueKey != "OPS-1" || got[0].Reason != tt.reason || !strings.Contains(got[0].Action, "Split it with Tomás") {
				t.Fatalf("found %+v, want OPS-1: %q", got, tt.reason)
			}
		})
	}
}

// A pair of likely duplicates is told on the later issue, and on the
// earlier one too when that one has suggestions of its own: planning it
// into a sprint without a word of its twin would have the team build it
// twice.
func TestADuplicateIsToldBesideTheOtherIssuesSuggestions(t *testing.T) {
	cfg, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	first, second := story("OPS-1"), story("OPS-2")
	first.Summary, second.Summary = "Offline queue for payment confirmations", "Offline queue for the payment confirmations"
	second.Created = days(2)
	for _, urgent := range []bool{false, true} {
		a := first
		if urgent {
			a.Priority, a.Assignee, a.SprintState, a.Sprints, a.Created = "Highest", evidence.User{}, "", nil, days(30)
		}
		var got []string
		for _, op := range Detect(cfg, Team{Site: site, Issues: []TeamIssue{a, second}, Now: now}) {
			got = append(got, op.IssueKey+" "+op.Detector+": "+op.Reason)
		}
		want := []string{"OPS-2 duplicate.likely: looks like a duplicate of OPS-1"}
		if urgent {
			want = []string{
				"OPS-1 duplicate.likely: looks like a duplicate of OPS-2",
				"OPS-1 priority.top-unowned: Highest priority, open for 4 weeks, but nobody is assigned and no sprint plans it",
				"OPS-2 duplicate.likely: looks like a duplicate of OPS-1",
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("urgent %v: found\n%s\nwant\n%s", urgent, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// An issue the user filed says so: her own year-old Highest item at #31
// read as someone else's.
func TestAnIssueTheUserFiledSaysSo(t *testing.T) {
	cfg, _ := Load(nil)
	for _, reporter := range []evidence.User{site.User, {ID: "5c0ffee0000000000000a0ff", DisplayName: "Lee"}} {
		is := story("OPS-1")
		is.Priority, is.Assignee, is.SprintState, is.Sprints, is.Created = "Highest", evidence.User{}, "", nil, days(30)
		is.Reporter, is.Creator = reporter, reporter
		found := Find(cfg, Team{Site: site, Issues: []TeamIssue{is}, Now: now}, nil)
		if mine := reporter.Is(site.User); len(found) != 1 || slices.Contains(found[0].Why, "you filed it") != mine {
			t.Errorf("filed by %s: %+v; want \"you filed it\" in why: %v", reporter.DisplayName, found, mine)
		}
	}
}

// With no team in the config, the team is where the user works steadily:
// a comment on another team's ticket is cross-team work, and that team's
// backlog is not theirs to groom.
func TestTeamProjectsAreWhereTheUserWorksSteadily(t *testing.T) {
	for _, tc := range []struct {
		name string
		acts []ProjectActivity
		want []string
	}{
		{"one comment on another team's ticket is not the team's",
			[]ProjectActivity{{"CHK", 31, 11, 10}, {"GROW", 1, 1, 1}}, []string{"CHK"}},
		{"a week helping another team is not the team's",
			[]ProjectActivity{{"CHK", 300, 40, 13}, {"GROW", 20, 4, 1}}, []string{"CHK"}},
		{"one long thread on another team's ticket is not the team's",
			[]ProjectActivity{{"CHK", 300, 40, 13}, {"PAY", 12, 1, 8}}, []string{"CHK"}},
		{"a few comments beside a busy quarter are not the team's",
			[]ProjectActivity{{"CHK", 600, 60, 13}, {"GROW", 4, 3, 3}}, []string{"CHK"}},
		{"steady work with other teams is (the demo's OPS, MOB, PAY)",
			[]ProjectActivity{{"OPS", 481, 39, 13}, {"MOB", 71, 12, 12}, {"PAY", 37, 12, 11}}, []string{"OPS", "MOB", "PAY"}},
		{"a new job: the steadiest project, though nothing is steady yet",
			[]ProjectActivity{{"GROW", 9, 2, 1}, {"CHK", 6, 2, 2}}, []string{"CHK"}},
		{"nothing done", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := TeamProjects(tc.acts); !slices.Equal(got, tc.want) {
				t.Errorf("TeamProjects = %v, want %v", got, tc.want)
			}
		})
	}
}

// A question addressed to the user on a blocked issue is theirs to answer,
// whatever the block; and a mention the team's issues do not name reads as
// the name the caller knows (the user's own evidence), not "[colleague]".
func TestAQuestionToTheUserStaysAndMentionsAreNamed(t *testing.T) {
	cfg, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	blocked := story("OPS-1")
	blocked.Status, blocked.StatusCategory = "Blocked", "indeterminate"
	blocked.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
	blocked.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY-7. [~me] can we ship without it?")}
	asked := story("OPS-2")
	asked.Comments = []evidence.Comment{comment(tomas, days(6), "[~lvenkat] which drop carries the PIN set API?")}
	got := Detect(cfg, Team{Site: site, Issues: []TeamIssue{blocked, asked}, Now: now, Names: map[string]string{"lvenkat": "Lakshmi Venkataraman"}})
	var found []string
	for _, op := range got {
		found = append(found, op.IssueKey+" "+op.Detector)
		if op.Detector == "question.unanswered" && op.IssueKey == "OPS-2" && !strings.Contains(op.Reason, "“Lakshmi Venkataraman, which drop carries") {
			t.Errorf("reason %q, want the mention named", op.Reason)
		}
	}
	for _, want := range []string{"OPS-1 blocked.stale", "OPS-1 question.unanswered", "OPS-2 question.unanswered"} {
		if !slices.Contains(found, want) {
			t.Errorf("found %v, want %s", found, want)
		}
	}
}

// A chase of a block leads the suggestions on its issue, however much a
// competency gap raises the others: criteria do not unblock a story
// waiting on another team. The entry keeps its place among the others.
func TestAChaseLeadsItsIssuesSuggestions(t *testing.T) {
	cfg, _ := Load(nil)
	blocked := story("OPS-1")
	blocked.Description, blocked.StoryPoints = "We need X.", nil
	blocked.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
	blocked.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY.")}
	other := story("OPS-2")
	other.Description = "We need Y."
	team := Team{Site: site, Issues: []TeamIssue{blocked, other}, Now: now}
	gaps := Gaps{"Ownership and bias to action": 40, "Organization": 0}
	var got []string
	best := map[string]float64{}
	for _, op := range Find(cfg, team, gaps) {
		if op.IssueKey == "OPS-1" {
			got = append(got, op.Detector)
		}
		best[op.IssueKey] = max(best[op.IssueKey], op.Score)
	}
	if want := []string{"blocked.stale", "story.no-acceptance-criteria", "story.no-estimate"}; !slices.Equal(got, want) {
		t.Errorf("ranked OPS-1's %q, want %q", got, want)
	}
	// Without the lift the criteria, raised by the gap, lead.
	var criteria float64
	for _, op := range Rank(cfg, team, Detect(cfg, team), gaps) {
		if op.IssueKey == "OPS-1" && op.Detector == "story.no-acceptance-criteria" {
			criteria = op.Score
		}
	}
	if best["OPS-1"] != math.Round((criteria+0.01)*100)/100 {
		t.Errorf("the chase scores %v, want a hundredth over the criteria's %v", best["OPS-1"], criteria)
	}
}

// A date asked of someone down the chain, on the blocker, and not given
// names them; one given since (on the blocker) is no ask left open.
func TestAnUnansweredDateAskNamesWhomToChase(t *testing.T) {
	cfg, _ := Load(nil)
	mei := evidence.User{ID: "mei", DisplayName: "Mei"}
	chase := func(blockerWord, blockedWord evidence.Comment) string {
		t.Helper()
		pay := story("PAY-7")
		payBlocker(&pay)
		pay.Assignee, pay.Comments = mei, []evidence.Comment{blockerWord}
		blocked := story("OPS-1")
		blockedByPay(&blocked)
		blocked.Comments = []evidence.Comment{blockedWord}
		got := detectedBy(t, cfg, []TeamIssue{pay, blocked}, "blocked.stale", false)
		if len(got) != 1 {
			t.Fatalf("found %+v, want one chase", got)
		}
		return got[0].Action
	}
	if got, want := chase(comment(tomas, days(6), "[~jonas] when will the export be ready?"), comment(tomas, days(8), "Waiting on PAY-7.")),
		"Tomás asked Jonas on PAY-7 for a date on 12 Nov and got none: ask again, post it here and tell Tomás"; got != want {
		t.Errorf("action %q, want %q", got, want)
	}
	if got, want := chase(comment(jonas, days(5), "Mid-December, after the freeze."), comment(tomas, days(8), "[~jonas] any ETA on PAY-7?")),
		"Chase the blocker PAY-7: ask Mei for a date, post it here and tell Tomás"; got != want {
		t.Errorf("answered: action %q, want %q", got, want)
	}
	// Your own ask is yours to chase again.
	if got, want := chase(comment(me, days(6), "[~jonas] any ETA please?"), comment(tomas, days(8), "Waiting on PAY-7.")),
		"You asked Jonas on PAY-7 for an ETA on 12 Nov and got none: ask again, post it here and tell Tomás"; got != want {
		t.Errorf("your ask: action %q, want %q", got, want)
	}
}

// Your own comment on a top-priority issue nobody owns, when it says why
// it matters, is quoted: the strongest case for planning it is your own.
// One that says nothing of it, or someone else's, is not.
func TestATopPriorityIssueQuotesWhyYouSaidItMatters(t *testing.T) {
	cfg, _ := Load(nil)
	reason := func(comments ...evidence.Comment) string {
		t.Helper()
		is := story("OPS-1")
		is.Priority, is.Assignee, is.SprintState, is.Sprints, is.Created = "Highest", evidence.User{}, "", nil, days(60)
		is.Comments = comments
		got := detectedBy(t, cfg, []TeamIssue{is}, "priority.top-unowned", false)
		if len(got) != 1 {
			t.Fatalf("found %+v, want the top-priority issue", got)
		}
		return got[0].Reason
	}
	const plain = "Highest priority, open for 8 weeks, but nobody is assigned and no sprint plans it"
	ranked := comment(me, days(43), "Ranked this to the top of the backlog. If we only get one thing done this month, it should be this.")
	if got, want := reason(ranked, comment(tomas, days(40), "Seen this again today.")),
		plain+"; you wrote on 6 Oct: “Ranked this to the top of the backlog. If we only get one thing done this month, it should be this.”"; got != want {
		t.Errorf("reason %q, want %q", got, want)
	}
	for _, quiet := range [][]evidence.Comment{
		{comment(me, days(43), "Seen this again on the staging cluster.")},
		{comment(tomas, days(43), "This should be the top priority for the team.")},
		{comment(me, days(43), "Top of the list for me, but only after the ingress rework lands, the certificate rotation is done, the cluster is on 1.31 and the quarter's audit is through.")},
	} {
		if got := reason(quiet...); got != plain {
			t.Errorf("reason %q, want %q", got, plain)
		}
	}
}

// Work on an issue whose fix version is due within four weeks, or overdue
// by less, says so in its why and presses as the release does; a version
// further out, released, or long overdue says nothing, and a release's
// own suggestion names its version already.
func TestWorkOnAnIssueSaysItsReleaseIsDue(t *testing.T) {
	cfg, _ := Load(nil)
	stalled := func(releases ...Release) Opportunity {
		t.Helper()
		is := story("OPS-1")
		is.Status, is.StatusCategory, is.Created, is.Updated = "In Progress", "indeterminate", days(30), days(14)
		is.Releases = releases
		for _, op := range Find(cfg, Team{Site: site, Issues: []TeamIssue{is}, Now: now}, nil) {
			if op.Detector == "in-progress.stalled" {
				return op
			}
		}
		t.Fatalf("found no stalled work")
		return Opportunity{}
	}
	at := func(d float64) *time.Time { x := days(d); return &x }
	plain := stalled()
	for _, tt := range []struct {
		name     string
		releases []Release
		why      string
		presses  bool // within two weeks, it raises the rank
	}{
		{"due in a month", []Release{{Name: "4.15", Date: at(-25)}}, "fix version 4.15 due 13 Dec", false},
		{"the earliest of two", []Release{{Name: "4.16", Date: at(-20)}, {Name: "4.15", Date: at(-6)}}, "fix version 4.15 due 24 Nov", true},
		{"overdue", []Release{{Name: "4.14", Date: at(3)}}, "fix version 4.14 was due 15 Nov", true},
		{"two months out", []Release{{Name: "5.0", Date: at(-60)}}, "", false},
		{"released", []Release{{Name: "4.13", Date: at(3), Released: true}}, "", false},
		{"overdue for months", []Release{{Name: "4.10", Date: at(90)}}, "", false},
	} {
		op := stalled(tt.releases...)
		why := strings.Join(op.Why, "; ")
		switch {
		case tt.why == "" && (why != strings.Join(plain.Why, "; ") || op.Score != plain.Score):
			t.Errorf("%s: why %q, score %v; want %q, %v", tt.name, why, op.Score, strings.Join(plain.Why, "; "), plain.Score)
		case tt.why != "" && (!strings.HasPrefix(why, tt.why) || (op.Score > plain.Score) != tt.presses):
			t.Errorf("%s: why %q, score %v (%v without the version); want it to open with %q, pressing: %v", tt.name, why, op.Score, plain.Score, tt.why, tt.presses)
		}
	}
	// A release's own suggestion says its version already.
	is := story("OPS-1")
	is.Assignee, is.Releases = evidence.User{}, []Release{{Name: "4.15", Date: at(-7)}}
	for _, op := range Find(cfg, Team{Site: site, Issues: []TeamIssue{is}, Now: now}, nil) {
		if strings.Contains(strings.Join(op.Why, "; "), "fix version") {
			t.Errorf("%s: why %q names the version its reason names", op.Detector, op.Why)
		}
	}
}

// Stalled work of one running sprint is one stand-up: one suggestion, on
// the issue stalled longest, asking each assignee about theirs and quoting
// the promises nothing has followed. Work whose assignee left is for
// reassigning, on its own; one stalled issue is asked about on its own.
func TestStalledWorkOfOneSprintIsOneStandUp(t *testing.T) {
	cfg, _ := Load(nil)
	mei := evidence.User{ID: "mei", DisplayName: "Mei"}
	stalled := func(key string, who evidence.User, quiet float64, words string) TeamIssue {
		is := story(key)
		is.Status, is.StatusCategory, is.Created, is.Updated, is.Assignee = "In Progress", "indeterminate", days(40), days(quiet), who
		if words != "" {
			is.Comments = []evidence.Comment{comment(who, days(quiet), words)}
		}
		return is
	}
	got := detectedBy(t, cfg, []TeamIssue{
		stalled("OPS-1", tomas, 12, "Dev in progress, will move to QA by Monday."),
		stalled("OPS-2", mei, 21, ""),
		stalled("OPS-3", tomas, 14, "Copying the cache next."),
		stalled("OPS-4", lena, 30, ""),
	}, "in-progress.stalled", false)
	var found []string
	for _, op := range got {
		found = append(found, op.IssueKey+": "+op.Reason+" / "+op.Action+" / "+strings.Join(op.Related, ","))
	}
	want := []string{
		"OPS-2: 3 issues in progress in the active sprint (OPS Sprint 9) with nothing new for 8 working days to 3 weeks; Tomás (OPS-1, 6 Nov) wrote “Dev in progress, will move to QA by Monday.”, and nothing has moved since" +
			" / At stand-up, ask Mei (OPS-2) and Tomás (OPS-3, OPS-1) whether they are still moving: split what is stuck, find it help, or move it out of the sprint / OPS-3,OPS-1",
		"OPS-4: in progress in the active sprint (OPS Sprint 9) with nothing new for 4 weeks / Lena has left: reassign it or close it / ",
	}
	if !slices.Equal(found, want) {
		t.Errorf("found\n%s\nwant\n%s", strings.Join(found, "\n"), strings.Join(want, "\n"))
	}
	// On its own, stalled work quotes its assignee's promise, unless the
	// issue changed after it.
	one := stalled("OPS-1", tomas, 12, "Dev in progress, will move to QA by Monday.")
	if got := detectedBy(t, cfg, []TeamIssue{one}, "in-progress.stalled", false); len(got) != 1 ||
		got[0].Reason != "in progress in the active sprint (OPS Sprint 9) with nothing new for 8 working days; Tomás wrote on 6 Nov “Dev in progress, will move to QA by Monday.”, and nothing has moved since" ||
		got[0].Action != "Ask Tomás at stand-up whether it is still moving: split it, find it help, or move it out of the sprint" {
		t.Errorf("found %+v, want the promise quoted", got)
	}
	one.Updated = days(10)
	if got := detectedBy(t, cfg, []TeamIssue{one}, "in-progress.stalled", false); len(got) != 1 || strings.Contains(got[0].Reason, "wrote") {
		t.Errorf("found %+v, want no promise quoted after a change", got)
	}
}

// A next sprint planned beyond what the team finishes, a story in it too
// large and one with no estimate are one refinement: each names the
// others.
func TestASprintPlanNamesItsStoryToSplitAndToEstimate(t *testing.T) {
	cfg, _ := Load(nil)
	s7, s8, s10 := sprintAt(7, "closed", 40), sprintAt(8, "closed", 26), sprintAt(10, "future", -2)
	var issues []TeamIssue
	for i, sp := range []Sprint{s7, s7, s7, s7, s7, s7, s8, s8, s8, s8, s8, s8} {
		is := story("OPS-" + strconv.Itoa(70+i))
		resolved := *sp.End
		is.Status, is.StatusCategory, is.Resolved, is.StoryPoints, is.SprintList = "Done", "done", &resolved, points(3), []Sprint{sp}
		issues = append(issues, is)
	}
	planned := func(key string, pts *float64, priority string) TeamIssue {
		is := story(key)
		is.StoryPoints, is.Priority, is.SprintList, is.SprintState, is.Sprints = pts, priority, []Sprint{s10}, "future", []string{s10.Name}
		return is
	}
	plan := func(large ...float64) []TeamIssue {
		out := slices.Clone(issues)
		for i, pts := range large {
			out = append(out, planned("OPS-10"+strconv.Itoa(1+4*i), points(pts), "Medium"))
		}
		return append(out, planned("OPS-102", points(3), "Low"), planned("OPS-103", points(3), "Medium"), planned("OPS-104", nil, "Medium"))
	}
	tests := []struct {
		name  string
		large []float64 // the stories too large in the plan: OPS-101, OPS-105
		said  map[string]string
	}{
		{name: "a story of twice the excess leads: half of it is enough", large: []float64{21}, said: map[string]string{
			"sprint.overcommitted": "it holds 9 points more than the team's best recent sprint; moving OPS-101 (21 points) out, or half of it after a split, brings the sprint within the team's best, and this issue (Low priority, 3 points) is the next candidate to move out; in the same refinement, estimate OPS-104",
			"story.too-large":      "typical story (3 points); OPS Sprint 10 holds 9 points more than the team's best recent sprint (see OPS-102) / Split it",
			"story.no-estimate":    "story with no estimate; OPS Sprint 10 holds 9 points more than the team's best recent sprint already, without it (see OPS-102) / Get it estimated",
		}},
		{name: "a story of more than the excess leads: the excess of it is enough", large: []float64{26}, said: map[string]string{
			"sprint.overcommitted": "it holds 14 points more than the team's best recent sprint; moving OPS-101 (26 points) out, or 14 points of it after a split, brings the sprint within the team's best, and this issue (Low priority, 3 points) is the next candidate to move out; in the same refinement, estimate OPS-104",
		}},
		{name: "stories of most of the excess are split, and the issue of the sprint moves out first", large: []float64{13, 13}, said: map[string]string{
			"sprint.overcommitted": "it holds 14 points more than the team's best recent sprint, and this issue (Low priority, 3 points) is the first candidate to move out; in the same refinement, split OPS-101 (13 points, most of the 14 points over) and OPS-105 (13 points, most of the 14 points over) and estimate OPS-104",
		}},
		{name: "a story of just the excess leads with no split", large: []float64{13, 12}, said: map[string]string{
			"sprint.overcommitted": "it holds 13 points more than the team's best recent sprint; moving OPS-101 (13 points) out brings the sprint within the team's best, and this issue (Low priority, 3 points) is the next candidate to move out",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			said := map[string]string{}
			for _, op := range Detect(cfg, Team{Site: site, Issues: plan(tt.large...), Now: now}) {
				said[op.Detector] = op.Reason + " / " + op.Action
			}
			for detector, want := range tt.said {
				if !strings.Contains(said[detector], want) {
					t.Errorf("%s: %q, want %q", detector, said[detector], want)
				}
			}
		})
	}
	issues = plan(21)
	// Without the sprint's own suggestion, the others name nothing of it.
	off, _ := Load([]byte("detectors:\n  - id: sprint.overcommitted\n    off: true\n"))
	for _, op := range Detect(off, Team{Site: site, Issues: issues, Now: now}) {
		if strings.Contains(op.Reason, "holds") {
			t.Errorf("%s: %q names a sprint plan nobody is told of", op.Detector, op.Reason)
		}
	}
}

// A story to split is told against the sprint's excess in arithmetic a
// planner can check: more than all of it, most of it, or nothing said.
func TestShareOfExcess(t *testing.T) {
	tests := []struct {
		name         string
		points, over float64
		want         string
	}{
		{name: "a story larger than the excess is more than it", points: 21, over: 18, want: ", more than the 18 points over"},
		{name: "a story of just the excess is all of it", points: 13, over: 13, want: ", all of the 13 points over"},
		{name: "a story of half the excess or more is most of it", points: 9, over: 18, want: ", most of the 18 points over"},
		{name: "a smaller story is not weighed against it", points: 5, over: 18, want: ""},
	}
	for _, tt := range tests {
		if got := shareOfExcess(tt.points, tt.over); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A comment that says what an issue waits on is asked about by what it
// names; one that names a team, a person or nothing is not.
func TestWaitsOnIn(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{name: "till a thing is done", text: "On hold till DC-DR link upgrade is done.", want: "when the DC-DR link upgrade will be done"},
		{name: "until things are ready, with their article", text: "Parked until the UAT certificates are ready, then we test.", want: "when the UAT certificates will be ready"},
		{name: "waiting on a thing", text: "Waiting on the firewall change, then it can go.", want: "when the firewall change will be ready"},
		{name: "waiting for someone's thing", text: "waiting for Rohit's sign-off from business", want: "when Rohit's sign-off will be ready"},
		{name: "blocked by a thing", text: "Blocked by security review of the new endpoint.", want: "when the security review of the new endpoint will be ready"},
		{name: "needs a thing first", text: "Needs the schema migration first.", want: "when the schema migration will be ready"},
		{name: "blocked on access to a thing keeps what it is access to", text: "Blocked on access to the checkout-gateway admin API since the 2nd.",
			want: "when access to the checkout-gateway admin API will be ready"},
		{name: "blocked on a person to do something is no thing", text: "Blocked on Rohit Sharma to confirm the limits.", want: ""},
		{name: "blocked by a thing for another thing keeps both", text: "Blocked by the move to the new cluster, see INFRA.", want: "when the move to the new cluster will be ready"},
		{name: "a team is no thing", text: "Waiting on PAY.", want: ""},
		{name: "a person is no thing", text: "Waiting for Rohit Sharma to confirm.", want: ""},
		{name: "a pronoun is no thing", text: "Blocked by this, see above.", want: ""},
		{name: "a word that names nothing waited on", text: "Freeze ends Monday, Tomás can go ahead then.", want: ""},
	}
	for _, tt := range tests {
		if got := waitsOnIn(tt.text); got != tt.want {
			t.Errorf("%s: waitsOnIn(%q) = %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// The gaps count issues by kind of work: ten comments on one issue are one
// issue; one issue in two kinds of work (or competencies) counts in each;
// work outside Jira counts as one.
func TestGapsCountIssues(t *testing.T) {
	ev := func(category, key string) evidence.Evidence {
		return evidence.Evidence{Category: category, SiteName: "acme", IssueKey: key}
	}
	evs := slices.Repeat([]evidence.Evidence{ev("unblocking", "OPS-1")}, 10)
	evs = append(evs, ev("incident-coordination", "OPS-1"), ev("unblocking", "OPS-2"), ev("backlog-grooming", "OPS-1"),
		ev("cross-team-coordination", ""), ev("cross-team-coordination", ""))
	got := GapsOf(evs)
	for comp, want := range map[string]int{"Ownership and bias to action": 3, "Organization": 1, "Working across teams": 2, "Communication": 0} {
		if got[comp] != want {
			t.Errorf("%s: %d, want %d (%v)", comp, got[comp], want, got)
		}
	}
}

// A date given for a block that is still ahead is no date that passed.
func TestADateStillAheadIsNotSaidToHavePassed(t *testing.T) {
	cfg, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	is := story("OPS-9")
	is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7"}}
	is.Comments = []evidence.Comment{comment(tomas, days(6), "PAY says ETA "+days(-20).Format("2 Jan")+".")}
	got := detectedBy(t, cfg, []TeamIssue{is}, "blocked.stale", false)
	if len(got) != 1 || strings.Contains(got[0].Reason, "has passed") {
		t.Errorf("found %+v, want one chase that does not say the date passed", got)
	}
}

// A block silent for months asks whether the work is still wanted as one
// either/or with one person (its assignee, else whoever filed it), not a
// question of nobody and then a chase that assumes its answer (kestrel's
// CHK-1413); once settled, the chase is the usual one.
func TestALongSilentBlockIsOneEitherOrWithOnePerson(t *testing.T) {
	cfg := builtin(t)
	fischer := evidence.User{ID: "lf", DisplayName: "Lena Fischer"}
	is := story("OPS-1")
	is.Assignee, is.Reporter, is.Created, is.Sprints, is.SprintState = evidence.User{}, fischer, days(300), nil, ""
	is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7", OtherProject: "PAY", OtherStatusCategory: "new"}}
	is.Comments = []evidence.Comment{comment(tomas, days(200), "Amex stays out of v1: waits on PAY-7.")}
	assigned := is
	assigned.Assignee = tomas
	for _, tt := range []struct {
		is            TeamIssue
		want, settled string
	}{
		{is, "Ask Lena Fischer, who filed it, whether it is still wanted after 7 months without a word: if so, chase PAY-7 for a date and post it here; if not, close it and say why",
			"Chase the blocker PAY-7: pmfolio cannot see it, so ask the PAY project's lead who has it and for a date, post it here and tell Lena Fischer"},
		{assigned, "Ask Tomás whether it is still wanted after 7 months without a word: if so, chase PAY-7 for a date and post it here; if not, close it and say why",
			"Chase the blocker PAY-7: pmfolio cannot see it, so ask the PAY project's lead who has it and for a date, post it here and tell Tomás"},
	} {
		got := detectedBy(t, cfg, []TeamIssue{tt.is}, "blocked.stale", false)
		if len(got) != 1 || got[0].Action != tt.want || got[0].Settled != tt.settled {
			t.Errorf("found %+v, want the action\n%q\nsettled\n%q", got, tt.want, tt.settled)
		}
	}
}

// A lead an action cannot name is the project's, by its name when the
// team's read knows it, never its key with a possessive ("PAY's lead").
func TestALeadIsNamedByTheProjectNotItsKey(t *testing.T) {
	cfg := builtin(t)
	is := story("OPS-1")
	is.Links = []evidence.IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7", OtherProject: "PAY", OtherStatusCategory: "new"}}
	is.Comments = []evidence.Comment{comment(tomas, days(6), "Waiting on PAY-7.")}
	pay := story("PAY-1")
	pay.Project, pay.ProjectName = "PAY", "Payments Platform"
	got := detectedBy(t, cfg, []TeamIssue{is, pay}, "blocked.stale", false)
	if want := "Chase the blocker PAY-7: pmfolio cannot see it, so ask the Payments Platform lead who has it and for a date, post it here and tell Tomás"; len(got) != 1 || got[0].Action != want {
		t.Errorf("found %+v, want the action\n%q", got, want)
	}
}

// A question that names another project is asked of whoever answered for
// it on the user's own issues there (kestrel's CHK-1479: “Does PAY
// support two authorisations…?”), named with the project they answer for.
func TestAQuestionNamingAnotherProjectGoesToWhoAnswersForIt(t *testing.T) {
	is := story("OPS-1")
	is.Comments = []evidence.Comment{comment(tomas, days(7), "Does PAY support two authorisations on the same order id, or do we need two orders?")}
	yours := story("PAY-3")
	yours.Project, yours.Reporter = "PAY", me
	yours.Comments = []evidence.Comment{comment(evidence.User{ID: "jun", DisplayName: "Jun Park"}, days(20), "Late Q3.")}
	var got []string
	for _, op := range Detect(builtin(t), Team{Site: site, Issues: []TeamIssue{is}, Yours: []TeamIssue{yours}, Now: now}) {
		if op.Detector == "question.unanswered" {
			got = append(got, op.Action)
		}
	}
	if want := "Ask Jun Park (PAY) for the answer, and get it posted here for Tomás"; !slices.Equal(got, []string{want}) {
		t.Errorf("actions %q, want %q", got, want)
	}
}

// A routine done on many issues in the same words is one thing the user
// does (kaveri's 8 tickets closed with “Retested in SIT, working fine now.
// Closing.”), not eight: its volume would make its competency look
// saturated. Issues the user filed, and changes, have no routine words.
func TestGapsCountARoutineInTheSameWordsOnce(t *testing.T) {
	ev := func(category, key string, source evidence.Source, text string) evidence.Evidence {
		return evidence.Evidence{Category: category, SiteName: "acme", IssueKey: key, Source: source, Excerpt: text}
	}
	var evs []evidence.Evidence
	for i, text := range []string{"Retested in SIT, working fine now. Closing.", "Retested in SIT - working fine now, closing", "Retested in SIT, working fine now. Closing.",
		"Verified in SIT with 3 loan products. Closing."} {
		key := "CORE-" + strconv.Itoa(i+1)
		evs = append(evs, ev("acceptance-testing", key, evidence.SourceComment, text), ev("acceptance-testing", key, evidence.SourceChange, "Status: In QA → Closed"))
	}
	for i := range 3 {
		evs = append(evs, ev("incident-coordination", "CORE-"+strconv.Itoa(10+i), evidence.SourceIssue, "CAPA from CORE-2213."),
			ev("sprint-planning", "CORE-"+strconv.Itoa(10+i), evidence.SourceChange, "Sprint: (none) → CORE Sprint 5"))
	}
	got := GapsOf(evs)
	for comp, want := range map[string]int{"Product judgment": 2, "Ownership and bias to action": 3, "Organization": 3} {
		if got[comp] != want {
			t.Errorf("%s: %d, want %d (%v)", comp, got[comp], want, got)
		}
	}
}
