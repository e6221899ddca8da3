package export

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// A date asked of another team is kept when their issue was done by it,
// read as the user writes dates: "by 03/07" of a writer of "21/07" is 3
// July, of a writer of "7/21" 7 March.
func TestAskKeptReadsTheDateAsTheUserWritesIt(t *testing.T) {
	at := func(month time.Month, day int) time.Time { return time.Date(2026, month, day, 10, 0, 0, 0, time.UTC) }
	for _, tt := range []struct {
		name     string
		habit    string // another comment of the user's, which shows how they write dates
		resolved time.Time
		kept     bool
	}{
		{"day first, done the day before", "the store submission is on 21/07", at(7, 2), true},
		{"day first, done after", "the store submission is on 21/07", at(7, 10), false},
		{"month first, done by 7 March next year", "the store submission is on 7/21", at(7, 10), true},
		{"day first, never done", "the store submission is on 21/07", time.Time{}, false},
	} {
		link := &evidence.Evidence{SiteName: "acme", IssueKey: "MOB-882", IssueProject: "MOB", Source: evidence.SourceChange,
			Category: evidence.CatCrossTeam, Excerpt: "Linked: is blocked by PLAT-1531", OccurredAt: at(6, 4)}
		ask := &evidence.Evidence{SiteName: "acme", IssueKey: "PLAT-1531", IssueProject: "PLAT", Source: evidence.SourceComment,
			Category: evidence.CatCrossTeam, Excerpt: "to make 5.2 we'd need this on staging by 03/07", OccurredAt: at(6, 4).Add(10 * time.Minute)}
		habit := &evidence.Evidence{SiteName: "acme", IssueKey: "MOB-883", Source: evidence.SourceComment, Excerpt: tt.habit, OccurredAt: at(6, 25)}
		v := &view{items: []*evidence.Evidence{link, ask, habit}, doneIssues: map[issueRef]evidence.DoneIssue{}}
		if !tt.resolved.IsZero() {
			v.doneIssues[issueRef{"acme", "PLAT-1531"}] = evidence.DoneIssue{Key: "PLAT-1531", Resolved: tt.resolved}
		}
		r := &report{view: v}
		if got := r.askKept()(link) == 1; got != tt.kept {
			t.Errorf("%s: kept = %v, want %v", tt.name, got, tt.kept)
		}
	}
}

// A version in an incident's summary is the user's release only when
// they planned one of its patches or itself.
func TestSetbackRules(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{{"5.2.0", "5.2", true}, {"5.2", "5.2.0", true}, {"4.12", "4.12", true}, {"4.1", "4.14", false}, {"5.2.0", "5.3", false}} {
		if got := sameRelease(tt.a, tt.b); got != tt.same {
			t.Errorf("sameRelease(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
	for _, tt := range []struct {
		question string
		asks     bool
	}{{"a time you failed", true}, {"tell me about a failure", true}, {"a mistake you made", true}, {"a time you delivered against a deadline", false}} {
		if got := asksAboutFailure(tt.question); got != tt.asks {
			t.Errorf("asksAboutFailure(%q) = %v, want %v", tt.question, got, tt.asks)
		}
	}
}

// A call that held is no failure: a no-go the user later turned go (the
// release went out), a no-go still standing, a decision kept. Asked "a
// time you failed" with nothing else, pmfolio says their evidence holds
// no failure of their own and tags no story with the question.
func TestACallThatHeldIsNoFailure(t *testing.T) {
	call := func(is fixtureIssue, id, when, category, text string) evidence.Evidence {
		return jiraItem(is, evidence.SourceComment, id, when, category, "comment.x", 0.8, text)
	}
	for _, tt := range []struct {
		name  string
		calls []evidence.Evidence
	}{
		{"a no-go later turned go", []evidence.Evidence{
			call(checkoutBug, "1", "2026-05-14T10:00:00Z", evidence.CatReleasePlanning, "Go/No-Go for 4.12: NO-GO, two sev-2 open, we will re-assess on Thursday. Deployment on the 16th is cancelled."),
			call(checkoutBug, "2", "2026-05-21T10:00:00Z", evidence.CatReleasePlanning, "Go/No-Go for 4.12 (re-assessment): GO. Both sev-2 are closed and verified."),
			call(checkoutBug, "3", "2026-05-24T10:00:00Z", evidence.CatStakeholderComms, "4.12 is live. Zero rollback. PVT passed."),
		}},
		{"a no-go still standing", []evidence.Evidence{
			call(checkoutBug, "1", "2026-05-14T10:00:00Z", evidence.CatReleasePlanning, "Go/No-Go dry run for 4.15: NO-GO. We will re-assess on the 15th."),
			call(checkoutBug, "2", "2026-05-15T10:00:00Z", evidence.CatStakeholderComms, "Status: 4.15 is at risk, 2 sev-2 open. Next update on Monday."),
		}},
		{"a decision that held", []evidence.Evidence{
			call(checkoutBug, "1", "2026-05-14T10:00:00Z", evidence.CatDecisionMaking, "Decision: we keep the Safari fix out of 4.12, the cut-off was Friday."),
			call(checkoutBug, "2", "2026-05-15T10:00:00Z", evidence.CatReleasePlanning, "Moving the Safari fix to 4.13 as agreed in the scope call."),
			call(checkoutBug, "3", "2026-05-24T10:00:00Z", evidence.CatStakeholderComms, "4.12 is live without it, as decided."),
		}},
	} {
		doc, lint := storiesFor(t, portfolioOf(tt.calls...), "Tell me about a time you failed")
		if len(doc.Stories) != 1 {
			t.Errorf("%s: %d stories, want the strongest one", tt.name, len(doc.Stories))
			continue
		}
		if slices.Contains(doc.Stories[0].Questions, failureQuestion) {
			t.Errorf("%s: told as a time the user failed: %q", tt.name, doc.Stories[0].Questions)
		}
		if !strings.Contains(lint, "pmfolio found no failure of your own to tell") {
			t.Errorf("%s: stderr does not say there is no failure to tell: %q", tt.name, lint)
		}
	}
}

// "A time you failed" is told from an incident of the user's own team
// whose postmortem they wrote owning what let it happen, quoting that
// part; an incident of another team's project, or one whose postmortem
// blames only another team's change, is not theirs to tell as a failure.
func TestOwnedGapIsAFailureOfTheUsersOwnTeam(t *testing.T) {
	const impact = "What happened: PAY 4.13.0 dropped the brand field from the tokenize response, checkout-api threw on the missing field. 43 minutes, ~1,800 failed card orders."
	for _, tt := range []struct {
		name        string
		incident    string // the incident's key
		description string // the postmortem's, whole
		quote       string // "" when it is no failure of the user's
	}{
		{"own project, cause owned", "CHK-1415",
			impact + " Why it got through: no contract test between checkout and PAY. Follow-ups: CHK contract test, PAY canary for response schema changes, our parser should not throw on unknown/missing optional fields.",
			"… Why it got through: no contract test between checkout and PAY. Follow-ups: CHK contract test, PAY canary for response schema changes, our parser should not throw on unknown/missing optional fields."},
		{"own project, a root cause heading", "CHK-1415",
			"Summary: CHK-1415 Impact: 148 merchants affected. Root cause: A certificate on checkout-api expired because its renewal job had been failing silently for 4 weeks. Action items: Alert on renewal failures",
			"… Root cause: A certificate on checkout-api expired because its renewal job had been failing silently for 4 weeks. …"},
		{"another team's project", "PAY-3416",
			impact + " Why it got through: no contract test between checkout and PAY. Follow-ups: our parser should not throw on unknown/missing optional fields.", ""},
		{"own project, cause only another team's", "CHK-1415",
			impact + " Root cause: PAY 4.13.0 changed the tokenize response without notice. Follow-ups: PAY canary for response schema changes.", ""},
		{"own project, no cause said", "CHK-1415", impact, ""},
	} {
		owned := &evidence.Evidence{SiteName: "acme", IssueKey: "CHK-1401", IssueProject: "CHK", Category: evidence.CatEpicOwnership, Rule: "change.epic-status"}
		postmortem := &evidence.Evidence{SiteName: "acme", IssueKey: "CHK-1416", IssueProject: "CHK", Source: evidence.SourceIssue, SourceID: "30019",
			IssueSummary: "Write-up: card payment failures on 12 Aug", Category: evidence.CatIncidentCoord, Excerpt: evidence.Shorten(tt.description, 150)}
		v := &view{items: []*evidence.Evidence{owned, postmortem},
			projects:      []evidence.Project{{SiteName: "acme", Key: "CHK"}, {SiteName: "acme", Key: "PAY"}},
			wholeComments: map[commentRef]string{{issueRef{"acme", "CHK-1416"}, ""}: tt.description}}
		r := &report{view: v}
		in := initiative{epic: evidence.Epic{SiteName: "acme", Key: tt.incident}, onNoEpic: true, incident: true, items: []*evidence.Evidence{postmortem}}
		got := r.ownedGap(in)
		if (got != nil) != (tt.quote != "") {
			t.Errorf("%s: a failure of the user's = %v, want %v", tt.name, got != nil, tt.quote != "")
			continue
		}
		if quote, _ := r.causeOwned(postmortem, in, false); got != nil && quote != tt.quote {
			t.Errorf("%s: quote\n%q, want\n%q", tt.name, quote, tt.quote)
		}
	}
}

// A failure is told by its postmortem's cause and what it says changes
// after it, which is what an interviewer asks next: Pitanga's MOB-889 was
// quoted by its "Summary:", with neither its "Why:" nor its "What we'll
// do:". Of what changes, the items a follow-up of the incident tells
// (PLAT-1532's tombstone, MOB-890's test account) and those already done
// are left out: they are actions of the story already.
func TestAFailureQuotesItsCauseAndWhatChanges(t *testing.T) {
	const (
		summary = "Summary: 5.2.0 crashed on Android for users whose past orders had an item removed from the catalog. Staged rollout paused at 20%, 5.2.1 out the same day, ~7h of impact, ~3,100 users.\n\n"
		why     = "Why: the API returns null for the product of a removed item and the new paging code assumed it's always there. QA's test account had no removed items.\n\n"
		plan    = "What we'll do: handle null product in order history (done in 5.2.1), ask Platform to send a tombstone instead of null, add a test account with old orders, stop at 5% for the first 24h of a rollout instead of 20%."
		cause   = "… Why: the API returns null for the product of a removed item and the new paging code assumed it's always there. QA's test account had no removed items."
	)
	tombstone := &evidence.Evidence{SiteName: "acme", IssueKey: "PLAT-1532", Source: evidence.SourceIssue, Category: evidence.CatIncidentCoord,
		IssueSummary: "Return a tombstone product for removed catalog items in order history"}
	account := &evidence.Evidence{SiteName: "acme", IssueKey: "MOB-890", Source: evidence.SourceIssue, Category: evidence.CatIncidentCoord,
		IssueSummary: "QA test account with old orders and removed items"}
	for _, tt := range []struct {
		name        string
		description string
		followUps   []*evidence.Evidence
		quote       string
	}{
		{"what changes, less what its follow-ups tell", summary + why + plan, []*evidence.Evidence{tombstone, account},
			cause + " What we'll do: … stop at 5% for the first 24h of a rollout instead of 20%."},
		{"what changes, with no follow-up filed", summary + why + plan, nil,
			cause + " What we'll do: … ask Platform to send a tombstone instead of null, add a test account with old orders, stop at 5% for the first 24h of a rollout instead of 20%."},
		{"lessons learned", summary + why + "Lessons learned: we stop at 5% for the first day of a rollout.", nil,
			cause + " Lessons learned: we stop at 5% for the first day of a rollout."},
		{"every change told by a follow-up", summary + why + "What we'll do: ask Platform to send a tombstone, add a test account with old orders.", []*evidence.Evidence{tombstone, account},
			cause + " …"},
		{"a cause and action items", "Impact: 203 merchants affected. Root cause: A certificate on vault expired because its renewal job had been failing silently for 5 weeks. Action items: Alert on renewal failures.", nil,
			"… Root cause: A certificate on vault expired because its renewal job had been failing silently for 5 weeks. …"},
	} {
		postmortem := &evidence.Evidence{SiteName: "acme", IssueKey: "MOB-889", IssueProject: "MOB", Source: evidence.SourceIssue, SourceID: "120030",
			IssueSummary: "What happened with the order history crash (30/07)", Category: evidence.CatIncidentCoord, Excerpt: evidence.Shorten(tt.description, 150)}
		v := &view{items: append([]*evidence.Evidence{postmortem}, tt.followUps...),
			projects:      []evidence.Project{{SiteName: "acme", Key: "MOB"}, {SiteName: "acme", Key: "PLAT"}},
			wholeComments: map[commentRef]string{{issueRef{"acme", "MOB-889"}, ""}: tt.description}}
		r := &report{view: v}
		in := initiative{epic: evidence.Epic{SiteName: "acme", Key: "MOB-888", Summary: "App closes when opening order history (Android, 5.2.0)"},
			onNoEpic: true, incident: true, items: v.items}
		if quote, ok := r.causeOwned(postmortem, in, false); !ok || quote != tt.quote {
			t.Errorf("%s: quote\n%q, want\n%q", tt.name, quote, tt.quote)
		}
	}
}

// A failure told by its postmortem ranks the follow-ups filed from it
// above other notes: a maintenance notice on the postmortem is not what
// changed after the gap.
func TestAFailureRanksItsPostmortemsFollowUpsFirst(t *testing.T) {
	postmortem := &evidence.Evidence{SiteName: "acme", IssueKey: "OPS-1277", Source: evidence.SourceIssue, Category: evidence.CatIncidentCoord}
	for _, tt := range []struct {
		name string
		e    *evidence.Evidence
		rank int
	}{
		{"a follow-up filed from it", &evidence.Evidence{SiteName: "acme", IssueKey: "OPS-1279", Source: evidence.SourceIssue, Category: evidence.CatIncidentCoord,
			Excerpt: "From the postmortem OPS-1277 of OPS-1276: add the manual renewal step to the vault runbook."}, 1},
		{"a follow-up linked to it", &evidence.Evidence{SiteName: "acme", IssueKey: "OPS-1281", Source: evidence.SourceIssue, Category: evidence.CatIncidentCoord,
			IssueLinks: []string{"OPS-1277"}}, 1},
		{"a notice on the postmortem", &evidence.Evidence{SiteName: "acme", IssueKey: "OPS-1277", Source: evidence.SourceComment, Category: evidence.CatStakeholderComms,
			Excerpt: "Heads up Mei Chen: the maintenance window for the vault upgrade moves to Friday 05:30 UTC."}, 0},
		{"an issue filed from another postmortem", &evidence.Evidence{SiteName: "acme", IssueKey: "OPS-1300", Source: evidence.SourceIssue, Category: evidence.CatIncidentCoord,
			Excerpt: "From the postmortem OPS-1299 of OPS-1298: page on expiry."}, 0},
	} {
		if got := filedFrom(postmortem)(tt.e); got != tt.rank {
			t.Errorf("%s: ranked %d, want %d", tt.name, got, tt.rank)
		}
	}
}

// An incident is told as a failure of the release the user managed when
// their own words on it or their postmortem name that release with the
// cause, and Jira assigns its release issue to them, filed before the
// incident; not when the release is someone else's, named only as the
// fix, or the postmortem says no cause.
func TestAnIncidentOfAReleaseTheUserManagedIsTheirFailure(t *testing.T) {
	const (
		cause    = "Update 1 PM: root cause identified, batch 3 file generation failed due to tablespace full on the NEFT schema after 4.14 pre-prod data copy job. Sanjay Bose is adding space."
		fixOnly  = "Update 1 PM: batch 3 file generation failed. The fix goes out with 4.14 tonight."
		rca      = "What happened: On 17-Sep NEFT outward batch 3 failed at 11:00 because the NEFT tablespace was full. 4,312 payments were delayed by ~3 hours. Root cause: A pre-prod data copy job was pointed to the production NEFT schema by mistake and filled the tablespace. CAPA: Tablespace alert at 80%"
		noCause  = "What happened: On 17-Sep NEFT outward batch 3 failed at 11:00. 4,312 payments were delayed by ~3 hours. CAPA: Tablespace alert at 80%"
		incident = "CORE-2212"
	)
	at := func(day, hour int) time.Time { return time.Date(2026, 9, day, hour, 0, 0, 0, time.UTC) }
	priya := evidence.User{ID: "JIRAUSER11204", DisplayName: "Priya Raghavan"}
	karthik := evidence.User{ID: "kmenon", DisplayName: "Karthik Menon"}
	for _, tt := range []struct {
		name              string
		update, writeUp   string
		assignee          evidence.User
		releaseFiled      time.Time
		release, fromTask string // "" when it is no failure of the user's
	}{
		{"her release, her update names it with the cause", cause, rca, priya, at(15, 5), "4.14", "REL-422"},
		{"the release issue is assigned to another", cause, rca, karthik, at(15, 5), "", ""},
		{"the release is named only as the fix", fixOnly, rca, priya, at(15, 5), "", ""},
		{"the release issue was filed after the incident", cause, rca, priya, at(20, 5), "", ""},
		{"the postmortem says no cause", cause, noCause, priya, at(15, 5), "", ""},
	} {
		update := &evidence.Evidence{SiteName: "bank", IssueKey: incident, Source: evidence.SourceComment, SourceID: "210098",
			Category: evidence.CatIncidentCoord, Excerpt: tt.update, OccurredAt: at(17, 7)}
		postmortem := &evidence.Evidence{SiteName: "bank", IssueKey: "CORE-2213", Source: evidence.SourceIssue, SourceID: "48054",
			IssueSummary: "RCA: NEFT outward batch 3 failure on 17-Sep", Category: evidence.CatIncidentCoord, Excerpt: evidence.Shorten(tt.writeUp, 120), OccurredAt: at(18, 4)}
		release := &evidence.Evidence{SiteName: "bank", IssueKey: "REL-422", Source: evidence.SourceIssue, SourceID: "48012",
			IssueSummary: "Release 4.14 - readiness, Go/No-Go and deployment", Category: evidence.CatReleasePlanning,
			Excerpt: "Release 4.14: Change ticket: CHG-40933", IssueAssignee: tt.assignee, IssueCreated: tt.releaseFiled, OccurredAt: tt.releaseFiled}
		v := &view{items: []*evidence.Evidence{release, update, postmortem},
			sites:         []evidence.Site{{Name: "bank", User: priya}},
			projects:      []evidence.Project{{SiteName: "bank", Key: "CORE"}, {SiteName: "bank", Key: "REL"}},
			wholeComments: map[commentRef]string{{issueRef{"bank", "CORE-2213"}, ""}: tt.writeUp}}
		r := &report{view: v}
		in := initiative{epic: evidence.Epic{SiteName: "bank", Key: incident, Summary: "PROD: NEFT outward payments stuck in 'Pending' after batch 3"},
			onNoEpic: true, incident: true, items: []*evidence.Evidence{update, postmortem}}
		got := r.releaseManaged(in)
		if (got != nil) != (tt.release != "") {
			t.Errorf("%s: a release the user managed = %v, want %v", tt.name, got != nil, tt.release != "")
			continue
		}
		if got != nil && (got.version != tt.release || got.issue.IssueKey != tt.fromTask) {
			t.Errorf("%s: release %s (%s), want %s (%s)", tt.name, got.version, got.issue.IssueKey, tt.release, tt.fromTask)
		}
	}
}
