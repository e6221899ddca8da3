package export

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// clock is the fixed "now" of every test portfolio, so output is byte-stable.
var clock = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

var acme = evidence.Site{
	ID:         1,
	Name:       "acme",
	URL:        "https://acme.atlassian.net",
	Deployment: evidence.DeploymentCloud,
	User:       evidence.User{ID: "5b10ac8d82e05b22cc7d4ef5", DisplayName: "Sam Rivera"},
}

// yearToClock is the period of the test portfolios: the year up to clock.
var yearToClock = evidence.Period{
	Since: time.Date(2025, 11, 22, 0, 0, 0, 0, time.UTC),
	Until: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC),
}

// fixtureIssue is the part of a Jira issue that evidence carries.
type fixtureIssue struct {
	id, key, typ, summary, parent string
	assignee                      evidence.User
	status                        string // status category: new, indeterminate, done
	fixVersions                   []string
}

var (
	me    = acme.User
	priya = evidence.User{ID: "5c0ffee0000000000000a001", DisplayName: "Priya Nair"}
	alex  = evidence.User{ID: "5c0ffee0000000000000a002", DisplayName: "Alex Kim"}
	dana  = evidence.User{ID: "5c0ffee0000000000000a003", DisplayName: "Dana Wu"}
)

var (
	epicEU      = fixtureIssue{"10100", "PAY-101", "Epic", "EU checkout reliability", "", me, "indeterminate", nil}
	storyTO     = fixtureIssue{"10142", "PAY-142", "Story", "Checkout times out for EU customers", "PAY-101", priya, "done", []string{"2026.03"}}
	storyRetry  = fixtureIssue{"10143", "PAY-143", "Story", "Retry card authorisation on gateway timeout", "PAY-101", priya, "done", []string{"2026.03"}}
	storyRefund = fixtureIssue{"10150", "PAY-150", "Story", "Partial refunds from the order page", "PAY-120", alex, "new", nil}
	storyFraud  = fixtureIssue{"10151", "PAY-151", "Story", "Flag repeat refund requests for review", "PAY-120", alex, "new", nil}
	taskRetry   = fixtureIssue{"10160", "PAY-160", "Task", "Choose where card retries happen", "PAY-101", me, "done", nil}
	checkoutBug = fixtureIssue{"20300", "CHK-300", "Bug", "Apple Pay button missing on Safari 17", "", dana, "done", []string{"2026.07"}}
	checkoutAPI = fixtureIssue{"20310", "CHK-310", "Story", "Expose retry status in the checkout API", "", dana, "indeterminate", nil}
	incident    = fixtureIssue{"30077", "OPS-77", "Incident", "EU checkout error rate above 10%", "", me, "done", nil}
	postmortem  = fixtureIssue{"30080", "OPS-80", "Task", "Postmortem: EU checkout timeouts", "", me, "done", nil}
)

// typicalContext fills the projects, epics and people the store reads
// beside the evidence of typicalPortfolio.
func typicalContext(p *evidence.Portfolio) {
	p.Categories = evidence.Categories
	p.Projects = []evidence.Project{
		{SiteName: "acme", Key: "CHK", Name: "Checkout"},
		{SiteName: "acme", Key: "OPS", Name: "Operations"},
		{SiteName: "acme", Key: "PAY", Name: "Payments"},
	}
	refundsDone := at("2026-10-30T16:00:00Z")
	p.Epics = []evidence.Epic{
		{SiteName: "acme", Key: "PAY-101", Summary: epicEU.summary, URL: acme.IssueURL("PAY-101"),
			Goal:   "Goal: cut EU checkout timeouts below 0.5% by the end of Q1. Success metrics: timeout rate under 0.5% for 4 weeks; no rise in card declines.",
			Status: "In Progress", StatusCategory: "indeterminate"},
		{SiteName: "acme", Key: "PAY-120", Summary: "Self-service refunds", URL: acme.IssueURL("PAY-120"),
			Goal:   "Problem: support handles every refund by hand. Goal: merchants refund from the order page.",
			Status: "Done", StatusCategory: "done", Resolution: "Done", Resolved: &refundsDone,
			Comments: []evidence.Comment{
				{ID: "10900", At: at("2026-10-01T09:00:00Z"), Author: priya, Text: "Update: 2 of 3 stories done."},
				{ID: "10901", At: refundsDone, Author: priya, Text: "Closing the epic: 62% of refunds were self-served in the first month, support tickets down 30%."},
			},
			// Two of its issues have no evidence of the user's: a
			// teammate's story and a task the user did themselves.
			Issues: []evidence.EpicIssue{{Key: "PAY-120", Assignee: me, AssigneeActed: true}, {Key: "PAY-150", Assignee: alex, AssigneeActed: true},
				{Key: "PAY-151", Assignee: alex, AssigneeActed: true}, {Key: "PAY-152", Assignee: dana, AssigneeActed: true}, {Key: "PAY-153", Assignee: me, AssigneeActed: true}}},
	}
	p.People = []string{"Alex Kim", "Dana Wu", "Priya Nair", "Sam Rivera"}
}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// jiraItem is evidence from one Jira activity on acme, with the fields the
// store fills when it reads evidence back.
func jiraItem(is fixtureIssue, source evidence.Source, sourceID, when, category, rule string, confidence float64, excerpt string) evidence.Evidence {
	project, _, _ := strings.Cut(is.key, "-")
	return evidence.Evidence{
		ID:           evidence.EvidenceID(acme.Key(), is.id, source, sourceID, category),
		SiteID:       acme.ID,
		IssueID:      is.id,
		Source:       source,
		SourceID:     sourceID,
		OccurredAt:   at(when),
		Category:     category,
		Rule:         rule,
		Confidence:   confidence,
		Excerpt:      excerpt,
		SiteName:     acme.Name,
		IssueKey:     is.key,
		IssueURL:     acme.IssueURL(is.key),
		IssueSummary: is.summary,
		IssueType:    is.typ,
		IssueProject: project,
		IssueParent:  is.parent,

		IssueAssignee: is.assignee,
		// The fixtures' assignees worked on their issues.
		IssueAssigneeActed:  true,
		IssueStatusCategory: is.status,
		IssueFixVersions:    is.fixVersions,
	}
}

// typicalPortfolio is a year of one user's work: every built-in category,
// one user category, a manual item and a note, listed out of order because
// exports must not rely on the caller's order.
func typicalPortfolio() evidence.Portfolio {
	statusUpdate := jiraItem(storyTO, evidence.SourceComment, "10231", "2026-03-04T15:12:00Z",
		evidence.CatStakeholderComms, "comment.status-update", 0.8,
		"Update: mitigation is live in eu-west; next update at 17:00.")
	statusUpdate.Note = "I ran the customer comms while the on-call engineer fixed the gateway."

	roadmapReview := evidence.Evidence{
		ID:         "ev_manual0000000000001",
		SiteID:     acme.ID,
		Source:     evidence.SourceManual,
		SourceID:   "1",
		OccurredAt: at("2026-09-10T09:00:00Z"),
		Category:   evidence.CatPrioritization,
		Rule:       "manual",
		Confidence: 1,
		Excerpt:    "Ran the Q4 roadmap review with sales and support and cut the list from 14 to 5 items.",
		SiteName:   acme.Name,
		Manual:     true,
	}

	p := evidence.Portfolio{
		GeneratedAt: clock,
		Sites:       []evidence.Site{acme},
		Period:      yearToClock,
		Evidence: []evidence.Evidence{
			jiraItem(storyTO, evidence.SourceIssue, storyTO.id, "2025-12-03T09:30:00Z",
				evidence.CatStoryWriting, "issue.user-story", 0.9,
				"As an EU shopper I want checkout to finish within 5 seconds so that I do not abandon my cart."),
			jiraItem(epicEU, evidence.SourceIssue, epicEU.id, "2025-12-02T16:05:00Z",
				evidence.CatEpicOwnership, "issue.epic-created", 0.9,
				"Goal: cut EU checkout timeouts below 0.5% by the end of Q1."),
			jiraItem(storyRetry, evidence.SourceIssue, storyRetry.id, "2025-12-04T10:00:00Z",
				evidence.CatStoryWriting, "issue.acceptance-criteria", 0.85,
				"Acceptance criteria: Given a gateway timeout When the card is authorised Then retry once."),
			jiraItem(storyRefund, evidence.SourceChange, "55001", "2026-01-12T11:00:00Z",
				evidence.CatBacklogGrooming, "change.story-points", 0.7,
				"Story Points: 3 → 5"),
			jiraItem(storyRefund, evidence.SourceChange, "55001", "2026-01-12T11:00:00Z",
				evidence.CatPrioritization, "change.priority", 0.8,
				"Priority: Medium → High"),
			jiraItem(storyFraud, evidence.SourceChange, "55002", "2026-01-12T11:04:00Z",
				evidence.CatBacklogGrooming, "change.description-ac", 0.7,
				"Added an acceptance-criteria section to the description"),
			jiraItem(storyRetry, evidence.SourceChange, "56010", "2026-02-02T08:45:00Z",
				evidence.CatSprintPlanning, "change.sprint", 0.8,
				"Sprint: → PAY Sprint 14"),
			jiraItem(storyRetry, evidence.SourceChange, "56010", "2026-02-02T08:45:00Z",
				evidence.CatReleasePlanning, "change.fix-version", 0.8,
				"Fix Version/s: → 2026.03"),
			statusUpdate,
			jiraItem(incident, evidence.SourceComment, "10220", "2026-03-04T14:20:00Z",
				evidence.CatIncidentCoord, "comment.incident-status", 0.85,
				"Incident: EU checkout errors at 12%; mitigation rolling out, customer impact limited to card payments, next update 16:00."),
			jiraItem(postmortem, evidence.SourceIssue, postmortem.id, "2026-03-06T13:00:00Z",
				evidence.CatIncidentCoord, "issue.postmortem", 0.9,
				"Postmortem with timeline, root cause and three follow-up actions."),
			jiraItem(checkoutAPI, evidence.SourceChange, "57120", "2026-04-15T10:30:00Z",
				evidence.CatUnblocking, "change.flag-cleared", 0.75,
				"Flagged: Impediment → (cleared)"),
			jiraItem(storyRetry, evidence.SourceChange, "57200", "2026-04-20T14:00:00Z",
				evidence.CatCrossTeam, "change.cross-project-link", 0.7,
				"is blocked by CHK-310"),
			jiraItem(taskRetry, evidence.SourceComment, "10400", "2026-05-11T16:20:00Z",
				evidence.CatDecisionMaking, "comment.decision", 0.85,
				"Decision: we go with option B (server-side retries); client-side retries are out of scope."),
			jiraItem(storyRetry, evidence.SourceComment, "10460", "2026-06-02T12:00:00Z",
				evidence.CatAcceptanceTesting, "comment.verified", 0.8,
				"Verified in staging: a forced gateway timeout is retried once and meets AC 1-3."),
			jiraItem(epicEU, evidence.SourceComment, "10470", "2026-06-05T17:00:00Z",
				evidence.CatStakeholderComms, "comment.status-update", 0.8,
				"Status: 3 of 5 stories done; ETA for the EU rollout is 30 June. Risk: PSP sandbox outages."),
			jiraItem(checkoutBug, evidence.SourceComment, "20555", "2026-07-01T09:15:00Z",
				evidence.CatPrioritization, "comment.tradeoff", 0.7,
				"Moving CHK-300 above CHK-290: it blocks the EU launch, P1 because of the revenue impact."),
			roadmapReview,
			jiraItem(checkoutAPI, evidence.SourceComment, "20600", "2026-08-19T15:00:00Z",
				"customer-research", "user.interview-notes", 0.6,
				"Interviewed 5 merchants about retry visibility; 4 want it in the dashboard."),
		},
	}
	typicalContext(&p)
	return p
}

// emptyPortfolio is a user who has configured a site but not synced yet.
func emptyPortfolio() evidence.Portfolio {
	return evidence.Portfolio{
		GeneratedAt: clock,
		Sites:       []evidence.Site{acme},
		Period:      yearToClock,
	}
}

// hostileIssueURL is a link destination the store should never produce;
// the Markdown export must refuse to link it.
const hostileIssueURL = "javascript:alert(1)"

// hostilePortfolio is Jira text written to break out of the Markdown: links,
// images, HTML, headings, tables, bare URLs, line breaks and invalid UTF-8.
func hostilePortfolio() evidence.Portfolio {
	site := acme
	site.User.DisplayName = "Sam <b>Rivera</b> [me](https://evil.example/)"

	link := jiraItem(storyTO, evidence.SourceComment, "1", "2026-02-01T10:00:00Z",
		evidence.CatStakeholderComms, "comment.status-update", 0.8,
		"<script>alert(\"x\")</script>\n# Not a heading\n- not a list\n> not a quote")
	link.IssueSummary = "[click](javascript:alert(1))"
	link.Note = "![tracker](https://evil.example/pixel.png) <img src=x onerror=alert(1)>"

	heading := jiraItem(storyRetry, evidence.SourceComment, "2", "2026-02-02T10:00:00Z",
		evidence.CatDecisionMaking, "comment.decision", 0.8,
		"**bold** _em_ `code` ~~strike~~ | pipe | &amp; &#x3C; $x^2$ [^1] \\ trailing backslash \\")
	heading.IssueSummary = "# Not a heading either"

	bare := jiraItem(checkoutBug, evidence.SourceComment, "3", "2026-02-03T10:00:00Z",
		evidence.CatUnblocking, "comment.answer", 0.7,
		"see https://evil.example/login, www.evil.example or write to admin@evil.example <https://evil.example/auto>")
	bare.IssueSummary = "Line one\r\nLine two\tand\u2028three\x00 \xff end"

	badURL := jiraItem(incident, evidence.SourceComment, "4", "2026-02-04T10:00:00Z",
		evidence.CatIncidentCoord, "comment.incident-status", 0.8,
		"[ref]: https://evil.example/ref")
	badURL.IssueURL = hostileIssueURL

	manual := evidence.Evidence{
		ID:         "ev_manual0000000000002",
		Source:     evidence.SourceManual,
		SourceID:   "2",
		OccurredAt: at("2026-02-05T10:00:00Z"),
		Category:   hostileCategory,
		Rule:       "manual",
		Confidence: 1,
		Excerpt:    "| a | b |\n|---|---|\n| c | d |",
		Note:       "=== not a setext heading",
		SiteName:   acme.Name,
		Manual:     true,
	}

	return evidence.Portfolio{
		GeneratedAt: clock,
		Sites:       []evidence.Site{site},
		Period:      yearToClock,
		Evidence:    []evidence.Evidence{link, heading, bare, badURL, manual},
		Projects: []evidence.Project{
			{SiteName: "acme", Key: "PAY", Name: "Payments <script>alert(1)</script>"},
		},
		Epics: []evidence.Epic{{
			SiteName: "acme", Key: "PAY-101",
			Summary: "<img src=x onerror=alert(1)> [epic](javascript:alert(1)) <svg onload=alert(1)>",
			URL:     hostileIssueURL,
		}},
		People: []string{"<script>alert('person')</script>", site.User.DisplayName},
	}
}

// hostileCategory is a user category id written to break out of an SVG
// title, a legend or a table cell.
const hostileCategory = "evil|category #1 </title><script>alert(1)</script>"

// generatedPortfolio is n items spread over all built-in categories, 40
// projects, 200 epics, 30 teammates and the whole year, for benchmarks.
func generatedPortfolio(n int) evidence.Portfolio {
	const projects, epics, teammates = 40, 200, 30
	items := make([]evidence.Evidence, n)
	for i := range items {
		c := evidence.Categories[i%len(evidence.Categories)]
		epic := (i / 3) % epics
		is := fixtureIssue{
			id:          fmt.Sprint(100000 + i/3),
			key:         fmt.Sprintf("P%d-%d", i%projects, i/3),
			typ:         "Story",
			summary:     fmt.Sprintf("Issue %d: make the checkout [v%d] faster for *EU* customers", i/3, i%7),
			parent:      fmt.Sprintf("P%d-%d", epic%projects, 900000+epic),
			assignee:    evidence.User{ID: fmt.Sprintf("user-%d", i%teammates), DisplayName: fmt.Sprintf("Teammate %d", i%teammates)},
			status:      []string{"new", "indeterminate", "done"}[i%3],
			fixVersions: []string{fmt.Sprintf("2026.%02d", 1+(i/3)%12)},
		}
		when := yearToClock.Since.Add(time.Duration(i) * (365 * 24 * time.Hour / time.Duration(n)))
		items[i] = jiraItem(is, evidence.SourceComment, fmt.Sprint(i), when.Format(time.RFC3339),
			c.ID, "comment.rule-"+c.ID, 0.75,
			fmt.Sprintf("Update %d: the fix is live in eu-west_1; next update at 17:00 <see thread>.\nThanks!", i))
	}
	p := evidence.Portfolio{
		GeneratedAt: clock,
		Sites:       []evidence.Site{acme},
		Period:      yearToClock,
		Evidence:    items,
		Categories:  evidence.Categories,
	}
	for e := range epics {
		key := fmt.Sprintf("P%d-%d", e%projects, 900000+e)
		p.Epics = append(p.Epics, evidence.Epic{SiteName: acme.Name, Key: key, Summary: fmt.Sprintf("Initiative %d", e), URL: acme.IssueURL(key)})
	}
	return p
}

var (
	incidentWebhooks = fixtureIssue{"40412", "OPS-412", "Incident", "Payment webhooks delayed by up to 40 minutes", "", me, "done", nil}
	postmortemHooks  = fixtureIssue{"40415", "OPS-415", "Task", "Postmortem: delayed payment webhooks on 12 May", "", me, "done", nil}
	followUpLag      = fixtureIssue{"40416", "OPS-416", "Task", "Follow-up: alert when webhook lag exceeds 5 minutes", "", alex, "new", nil}
	storyCards       = fixtureIssue{"20530", "CHK-530", "Story", "Show saved cards at checkout", "", dana, "indeterminate", nil}
	bugRefundMail    = fixtureIssue{"10777", "PAY-777", "Bug", "Refund emails sent twice", "", alex, "done", nil}
)

var (
	// An outage an alert bot filed as a bug, the user's write-up of it and
	// a follow-up in another project, tied to it by links.
	outageBug     = fixtureIssue{"30090", "OPS-90", "Bug", "Checkout returning 500s for card payments", "", me, "done", nil}
	outageWriteUp = fixtureIssue{"30091", "OPS-91", "Task", "Write-up: card payment failures on 12 Aug", "", me, "done", nil}
	outageCanary  = fixtureIssue{"10190", "PAY-190", "Task", "Canary check for tokenize response schema", "", dana, "new", nil}
)

// linkedTo is e with its issue linked to the issues of keys.
func linkedTo(e evidence.Evidence, keys ...string) evidence.Evidence {
	e.IssueLinks = keys
	return e
}

// noEpicPortfolio is an engineer's year with no epic: an incident they
// coordinated, with its postmortem and a follow-up, a teammate's story
// they unblocked and decided on, a bug with one comment, and field edits.
func noEpicPortfolio() evidence.Portfolio {
	p := evidence.Portfolio{
		GeneratedAt: clock,
		Sites:       []evidence.Site{acme},
		Period:      yearToClock,
		Categories:  evidence.Categories,
		Evidence: []evidence.Evidence{
			jiraItem(incidentWebhooks, evidence.SourceComment, "70001", "2026-05-12T14:05:00Z",
				evidence.CatIncidentCoord, "comment.incident-status", 0.85,
				"Incident: webhook deliveries are 40 minutes behind for all merchants; events are queued, none lost. I am coordinating; next update 14:45."),
			jiraItem(incidentWebhooks, evidence.SourceChange, "70100", "2026-05-12T14:07:00Z",
				evidence.CatPrioritization, "change.priority", 0.8,
				"Priority: High → Highest"),
			jiraItem(incidentWebhooks, evidence.SourceComment, "70002", "2026-05-12T14:50:00Z",
				evidence.CatStakeholderComms, "comment.status-update", 0.8,
				"Update for support and account managers: the backlog drains at 2,000 events a minute; merchants see late order confirmations, not lost ones. Next update 15:30."),
			jiraItem(incidentWebhooks, evidence.SourceComment, "70003", "2026-05-12T15:40:00Z",
				evidence.CatDecisionMaking, "comment.decision", 0.85,
				"Decision: we pause the nightly reconciliation job until the queue is empty, because it competes for the same workers; finance agreed to a 6-hour delay on their report."),
			jiraItem(incidentWebhooks, evidence.SourceComment, "70004", "2026-05-12T16:20:00Z",
				evidence.CatIncidentCoord, "comment.incident-status", 0.85,
				"Resolved: the queue was empty at 16:05 and deliveries are back under 5 seconds. Postmortem in OPS-415."),
			jiraItem(postmortemHooks, evidence.SourceIssue, postmortemHooks.id, "2026-05-14T10:00:00Z",
				evidence.CatIncidentCoord, "issue.postmortem", 0.9,
				"Postmortem for OPS-412: a config change halved the webhook workers at peak; 3,100 merchants got late confirmations for up to 40 minutes. Follow-ups: OPS-416 (alerting), OPS-417 (config review)."),
			jiraItem(followUpLag, evidence.SourceIssue, followUpLag.id, "2026-05-14T10:20:00Z",
				evidence.CatIncidentCoord, "issue.follow-up", 0.85,
				"From the postmortem OPS-415: page on-call when webhook lag exceeds 5 minutes, so that we hear about it before merchants do."),
			jiraItem(storyCards, evidence.SourceComment, "80001", "2026-04-07T09:30:00Z",
				evidence.CatUnblocking, "comment.unblock", 0.8,
				"Dana, the PCI question is answered: we store only the token, so this needs no new security review. You can go ahead."),
			jiraItem(storyCards, evidence.SourceComment, "80002", "2026-04-08T11:00:00Z",
				evidence.CatCrossTeam, "comment.cross-team", 0.75,
				"Raised SEC-88 with the security team for access to the token vault; they grant it by Thursday."),
			jiraItem(storyCards, evidence.SourceChange, "80100", "2026-04-08T11:05:00Z",
				evidence.CatCrossTeam, "change.cross-project-link", 0.7,
				"is blocked by SEC-88"),
			jiraItem(storyCards, evidence.SourceComment, "80003", "2026-04-09T16:00:00Z",
				evidence.CatDecisionMaking, "comment.decision", 0.85,
				"Decision: saved cards for logged-in shoppers only; guest checkout keeps the card form, because storing guests' cards needs a consent flow we do not have."),
			jiraItem(bugRefundMail, evidence.SourceComment, "90001", "2026-06-01T10:00:00Z",
				evidence.CatAcceptanceTesting, "comment.verified", 0.8,
				"Verified in staging: one refund email per refund."),
		},
		Projects: []evidence.Project{
			{SiteName: "acme", Key: "CHK", Name: "Checkout"},
			{SiteName: "acme", Key: "OPS", Name: "Operations"},
			{SiteName: "acme", Key: "PAY", Name: "Payments"},
		},
		People: []string{"Alex Kim", "Dana Wu", "Sam Rivera"},
	}
	return p
}

var epicSavedCards = fixtureIssue{"10200", "PAY-200", "Epic", "Saved cards for returning customers", "", me, "done", nil}

// outagePortfolio is a backend engineer's year: an epic they led to a
// measured result, and an outage an alert bot filed as a Bug, which they
// coordinated in comments, wrote up and followed up in another project,
// the write-up and the follow-up tied to it only by links. They reported
// the end 16 minutes before they resolved it.
func outagePortfolio() evidence.Portfolio {
	resolved := at("2026-08-12T15:00:00Z")
	onOutage := func(id, when, category, text string) evidence.Evidence {
		e := linkedTo(jiraItem(outageBug, evidence.SourceComment, id, when, category, "model.text", 0.8, text), "OPS-91", "PAY-190")
		e.IssueResolved = &resolved
		return e
	}
	epicDone := at("2026-10-14T16:22:00Z")
	p := evidence.Portfolio{
		GeneratedAt: clock,
		Sites:       []evidence.Site{acme},
		Period:      yearToClock,
		Categories:  evidence.Categories,
		Evidence: []evidence.Evidence{
			jiraItem(epicSavedCards, evidence.SourceIssue, epicSavedCards.id, "2026-04-13T10:05:00Z",
				evidence.CatEpicOwnership, "issue.epic", 0.9,
				"Returning customers have to type their card details again on every order, and the payment step is where we lose the most of them."),
			jiraItem(epicSavedCards, evidence.SourceComment, "60001", "2026-08-10T09:15:00Z",
				evidence.CatStakeholderComms, "model.text", 0.8,
				"3DS work slipped a week because of the PSD2 test cards. New plan: 5% on Aug 25, 25% two weeks later, 100% end of September."),
			jiraItem(taskRetry, evidence.SourceComment, "60002", "2026-04-29T14:00:00Z",
				evidence.CatDecisionMaking, "comment.decision", 0.85,
				"Going with the vault's webhook instead of polling: polling would add up to 30s before the card shows up."),
			onOutage("70036", "2026-08-12T14:06:00Z", evidence.CatIncidentCoord,
				"looking. started right after PAY 4.13.0 went out at 13:50, the tokenize response is missing the brand field. Can you roll back PAY?"),
			onOutage("70037", "2026-08-12T14:25:00Z", evidence.CatIncidentCoord,
				"for everyone following: card payments failing for ~60% of orders since 13:55, PayPal fine. PAY rolling back, next note here by 14:45."),
			onOutage("70037", "2026-08-12T14:25:00Z", evidence.CatStakeholderComms,
				"for everyone following: card payments failing for ~60% of orders since 13:55, PayPal fine. PAY rolling back, next note here by 14:45."),
			onOutage("70038", "2026-08-12T14:44:00Z", evidence.CatIncidentCoord,
				"rollback done at 14:38, error rate back to baseline. about 1,800 card orders failed between 13:55 and 14:38. I'll write up what happened tomorrow."),
			linkedTo(jiraItem(outageWriteUp, evidence.SourceIssue, outageWriteUp.id, "2026-08-13T10:00:00Z",
				evidence.CatIncidentCoord, "model.text", 0.8,
				"What happened: PAY 4.13.0 dropped the brand field from the tokenize response. Why it got through: no contract test between checkout and PAY."), "OPS-90"),
			linkedTo(jiraItem(outageCanary, evidence.SourceIssue, outageCanary.id, "2026-08-13T10:30:00Z",
				evidence.CatIncidentCoord, "model.text", 0.8,
				"Follow-up from the checkout incident on 12 Aug: PAY deploys should fail canary if the tokenize response shape changes."), "OPS-90"),
			linkedTo(jiraItem(outageCanary, evidence.SourceChange, "60100", "2026-08-13T10:31:00Z",
				evidence.CatCrossTeam, "change.cross-project-link", 0.7,
				"Linked: relates to OPS-90"), "OPS-90"),
		},
		Projects: []evidence.Project{
			{SiteName: "acme", Key: "OPS", Name: "Operations"},
			{SiteName: "acme", Key: "PAY", Name: "Payments"},
		},
		Epics: []evidence.Epic{{SiteName: "acme", Key: "PAY-200", Summary: epicSavedCards.summary, URL: acme.IssueURL("PAY-200"),
			Goal:   "Returning customers have to type their card details again on every order, and the payment step is where we lose the most of them.",
			Status: "Done", StatusCategory: "done", Resolution: "Done", Resolved: &epicDone,
			Comments: []evidence.Comment{{ID: "60003", At: epicDone.Add(-2 * time.Minute), Author: me,
				Text: "Shipped to 100% on Sep 30. Returning-customer conversion up from 2.1% to 2.6% over the first two weeks."}}}},
		People: []string{"Dana Wu", "Priya Nair", "Sam Rivera"},
	}
	return p
}

// longBriefPads are the words longBriefPortfolio pads the goal, the three
// proofs and the outcome of its first initiative with: other words for
// each quote, as the brief quotes nothing twice that reads alike.
var longBriefPads = [5][]string{
	strings.Fields("so that support can warn the merchants who asked and the on-call engineer has a runbook for every step of it before we start and nobody is paged at night"),
	strings.Fields("because a second region would double the bill for a gain that no customer asked for in the last two quarterly reviews with the account managers of our largest merchants"),
	strings.Fields("since the review queue was longer than usual this sprint while two people were out sick and the release train left on Wednesday without the last migration on board"),
	strings.Fields("including a replay of last month's traffic at twice its peak rate with the new limits in place and a dashboard that shows the error budget burn for each region"),
	strings.Fields("and the rollout went region by region so that nobody was paged at night for a change that could wait until the morning and support answered every merchant within the hour"),
}

// longBriefPadMax is the most words longBriefPortfolio pads a text with.
const longBriefPadMax = 28

// longBrief are the texts of longBriefPortfolio's initiatives: a title,
// goal, decision, update, verification and outcome each, every one in
// other words, as the brief quotes no template twice.
var longBrief = [][6]string{
	{"On-call health: halve pages per week",
		"Goal: cut pages per on-call week from 40 to under 20 without missing real incidents. Success metrics: pages per week under 20; no incident found by customers first.",
		"Decision: saturation alerts page at 95%, not 80%; at 80% they open a ticket. We settled on that in planning.",
		"Heads up Chloé: the maintenance window moves to Wednesday 06:00 UTC. Expect a few minutes of higher latency.",
		"Tried it end to end on staging: one grafana outage now gives one page, not three. Does what we needed.",
		"Pages per on-call week averaged 12 over the last four weeks, down from 44 when we started."},
	{"SLOs for customer-facing services",
		"Goal: every tier-1 service has an availability and a latency SLO with error-budget alerts. Success metrics: 8 of 8 services with SLOs in code.",
		"We agreed on a 99.9% SLO for mobile-bff, not 99.95%: the extra nine needs a second region we have no budget for.",
		"FYI Sam: this slipped a few days because of a week of heavy on-call. New ETA 14 May; I'll shout if that moves again.",
		"Verified on the canary in eu-west-1: the burn-rate alert fired within a minute and named the service. Meets AC.",
		"8 of 8 tier-1 services have SLOs in code and burn-rate alerts, and all three leads signed the error-budget policy."},
	{"Kubernetes 1.30 upgrade",
		"Goal: all clusters on Kubernetes 1.30 before the end of support for 1.28. Success metrics: zero customer-facing downtime.",
		"We decided to decommission the old cluster instead of upgrading it, agreed in the architecture forum.",
		"Status for support: staging and two production clusters are done, the last two go next week, one a night.",
		"Rehearsed the upgrade on the staging cluster that mirrors production: two deprecated APIs found and fixed.",
		"All 5 clusters upgraded with zero minutes of customer-facing downtime, and 3 deprecated APIs removed along the way."},
	{"Zero-downtime Postgres failover",
		"Goal: a primary failure costs under 30 seconds of write downtime. Success metrics: measured failover under 30 s in three drills.",
		"After talking it through with Aisha: synchronous replication for the payments database only. Slower writes there, no lost ones.",
		"Summary for Mei and Jonas: the drill is booked for Thursday at 10:00, and payments knows to expect a blip.",
		"Checked the runbook against the drill: the failover alert named the old and the new primary within a minute.",
		"Failover now costs 21 s of write downtime over three drills in a row, and every on-call engineer has run the runbook."},
	{"Offline mode for payments",
		"Goal: users confirm payments without a connection and never lose one. Success metrics: zero lost confirmations in a month.",
		"Won't do: the spinner times out on its own after a minute, and the fix would cost about 12 days. Logged in the backlog.",
		"Synced with the Mobile team: they expose the metric, we build the alert. Their owner is Ravi, who joins the stand-up.",
		"Tested the queued confirmation on a phone in flight mode: it went through 40 seconds after the network was back.",
		"No confirmation was lost in the month after the release, and tickets about lost payments fell by 70%."},
}

// longBriefPortfolio is a brief as long as the demo's: five initiatives
// the user led, each with a goal, three proofs in their words and an
// outcome. The first initiative's texts are padded with n more words
// each (0 to longBriefPadMax), which moves every initiative after it
// down the page: together, the values of n put a page break at every
// place of an initiative.
func longBriefPortfolio(n int) evidence.Portfolio {
	p := evidence.Portfolio{GeneratedAt: clock, Sites: []evidence.Site{acme}, Period: yearToClock}
	typicalContext(&p)
	p.Epics = nil
	for i, texts := range longBrief {
		if i == 0 && n > 0 {
			for j, words := range longBriefPads {
				texts[j+1] = strings.TrimSuffix(texts[j+1], ".") + ", " + strings.Join(words[:n], " ") + "."
			}
		}
		key := strconv.Itoa(930 + i)
		epic := fixtureIssue{"10" + key, "OPS-" + key, "Epic", texts[0], "", me, "done", nil}
		month := fmt.Sprintf("2026-0%d-", 2+i)
		// The outcome is the user's closing comment on the epic, quoted
		// and linked, so that a test finds where it is printed.
		p.Epics = append(p.Epics, evidence.Epic{SiteName: "acme", Key: epic.key, Summary: epic.summary, URL: acme.IssueURL(epic.key),
			Goal: texts[1], Status: "Done", StatusCategory: "done",
			Comments: []evidence.Comment{{ID: "9" + key, At: at(month + "20T09:00:00Z"), Author: me, Text: "Outcome: " + texts[5]}}})
		story := func(j int) fixtureIssue {
			return fixtureIssue{fmt.Sprintf("2%s%d", key, j), fmt.Sprintf("OPS-%s%d", key, j), "Story", "A story", epic.key, dana, "done", nil}
		}
		p.Evidence = append(p.Evidence,
			jiraItem(epic, evidence.SourceIssue, epic.id, month+"01T09:00:00Z", evidence.CatEpicOwnership, "issue.epic", 0.9, texts[1]),
			jiraItem(epic, evidence.SourceComment, "1"+key, month+"04T09:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8, texts[2]),
			jiraItem(story(1), evidence.SourceComment, "2"+key, month+"05T09:00:00Z", evidence.CatStakeholderComms, "comment.status-update", 0.75, texts[3]),
			jiraItem(story(2), evidence.SourceComment, "3"+key, month+"06T09:00:00Z", evidence.CatAcceptanceTesting, "comment.acceptance", 0.8, texts[4]),
		)
	}
	return p
}
