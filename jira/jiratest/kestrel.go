package jiratest

import (
	"strings"
	"time"
)

// Credentials KestrelSite's server takes (NewServer with
// WithCredentials(KestrelEmail, KestrelAPIToken)).
const (
	KestrelEmail    = "dev.patel@kestrel.example"
	KestrelAPIToken = "ATATT-kestrel-not-a-real-token-0000"
)

// utc2026 is a time of 2026 in UTC.
func utc2026(month, day, hour, min int) time.Time {
	return time.Date(2026, time.Month(month), day, hour, min, 0, 0, time.UTC)
}

// utc2025 is a time of 2025 in UTC.
func utc2025(month, day, hour, min int) time.Time {
	return time.Date(2025, time.Month(month), day, hour, min, 0, 0, time.UTC)
}

// workThroughReview takes one's own ticket through Kestrel's workflow: who
// assigns it to themselves and starts it, posts the pull request halfway
// through the days it takes, moves it to In Review, where the reviewer
// comments, and closes it as Done.
func (b *siteBuilder) workThroughReview(is *Issue, who *User, start time.Time, days int, prComment string, reviewer *User, reviewNote string) {
	if is.Assignee != who {
		b.assign(is, who, who, start)
	}
	b.status(is, who, start.Add(2*time.Minute), statusInProgress, nil)
	mid := start.Add(time.Duration(days) * 24 * time.Hour / 2)
	if prComment != "" {
		b.comment(is, who, mid, prComment)
	}
	b.status(is, who, mid.Add(5*time.Minute), statusInReview, nil)
	if reviewer != nil && reviewNote != "" {
		b.comment(is, reviewer, mid.Add(3*time.Hour), reviewNote)
	}
	end := start.Add(time.Duration(days) * 24 * time.Hour)
	b.status(is, who, end, statusDone, resolutionDone)
}

// KestrelSite is the Jira Cloud site of Kestrel, a web shop, as Dev Patel,
// a backend engineer on its Checkout team (CHK), sees it at the end of
// 2026: nobody's idea of a PM, he owns one epic, "Saved cards for returning
// customers", written in prose with no headings, whose closing comment
// gives its result with no "Outcome:" before it; decides in plain words
// ("talked to Lena, we'll drop the CSV export for now"); coordinates an
// outage an alert bot filed as a Bug, writes its postmortem and files its
// follow-ups, one in Payments (PAY); sets the epic of the stories he files
// as he files them; and spends most of his year on his own tickets and on
// code review. His teammates' open work in CHK is the team backlog `pmfolio
// next` reads; Growth Marketing (GROW), where he commented once, is not his
// team. Its server takes KestrelEmail and KestrelAPIToken.
func KestrelSite() *Site {
	now := time.Date(2026, 12, 4, 16, 0, 0, 0, time.UTC)
	s := &Site{Deployment: DeploymentCloud, Title: "Kestrel Jira", Now: now,
		lastIssueID: 30000, lastCommentID: 70000, lastHistoryID: 90000, lastWorklogID: 5000, lastLinkID: 2000,
		FieldIDs: FieldIDs{Sprint: "customfield_10020", StoryPoints: "customfield_10016", Rank: "customfield_10019", Flagged: "customfield_10021"}}
	b := newSiteBuilder(s, "kestrel.example", "Europe/London", statusToDo, 400)

	dev := b.user("6011aa22bb33cc44dd55ee66", "dpatel", "dpatel", "Dev Patel")
	dev.Email = KestrelEmail
	s.Me = dev
	lena := b.user("6011aa22bb33cc44dd55ee01", "lfischer", "lfischer", "Lena Fischer") // Checkout PM
	oliver := b.user("6011aa22bb33cc44dd55ee02", "ogrant", "ogrant", "Oliver Grant")   // engineering manager
	marco := b.user("6011aa22bb33cc44dd55ee03", "mrossi", "mrossi", "Marco Rossi")     // engineer
	priya := b.user("6011aa22bb33cc44dd55ee04", "pnair", "pnair", "Priya Nair")        // engineer
	tom := b.user("6011aa22bb33cc44dd55ee05", "tbecker", "tbecker", "Tom Becker")      // engineer
	aiko := b.user("6011aa22bb33cc44dd55ee06", "atanaka", "atanaka", "Aiko Tanaka")    // QA
	jun := b.user("6011aa22bb33cc44dd55ee07", "jpark", "jpark", "Jun Park")            // Payments lead
	felix := b.user("6011aa22bb33cc44dd55ee08", "fbraun", "fbraun", "Felix Braun")     // Payments engineer
	nadia := b.user("6011aa22bb33cc44dd55ee09", "nhaddad", "nhaddad", "Nadia Haddad")  // Growth marketing
	rosa := b.user("6011aa22bb33cc44dd55ee10", "rmendes", "rmendes", "Rosa Mendes")    // Support lead
	s.Bot = &User{AccountID: "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077", AccountType: "app", Name: "automation", Key: "automation", DisplayName: "Automation for Jira", TimeZone: "UTC", Active: true}
	s.Users = append(s.Users, s.Bot)

	chk := &Project{ID: "10100", Key: "CHK", Name: "Checkout", Lead: oliver, BoardID: 7, lastNumber: 1400}
	pay := &Project{ID: "10101", Key: "PAY", Name: "Payments Platform", Lead: jun, BoardID: 8, lastNumber: 820}
	grow := &Project{ID: "10102", Key: "GROW", Name: "Growth Marketing", Lead: nadia, BoardID: 9, lastNumber: 233}
	s.Projects = []*Project{chk, pay, grow}
	for i, p := range s.Projects {
		b.addSprints(p, utc2025(11, 24+7*(i%2), 9, 0), 60)
	}

	// The one epic Dev owns: saved cards.
	epic := b.issue(chk, typeEpic, "Saved cards for returning customers",
		"Returning customers have to type their card details again on every order, and the payment step is where we lose the most of them. "+
			"This epic covers storing cards as tokens in the PAY vault, offering them at checkout, and letting people remove them from their account page. "+
			"We'll roll it out behind the saved_cards flag, starting with a small slice of web traffic and going up from there if payment failures don't move. "+
			"Mobile is a separate piece of work once web is stable.", dev, dev, utc2026(4, 13, 10, 5))
	b.status(epic, dev, utc2026(4, 27, 9, 30), statusInProgress, nil)
	b.comment(epic, lena, utc2026(4, 14, 11, 0), "Thanks Dev, this lines up with the Q2 conversion goal. Happy for you to drive it, ping me for anything that needs a product call.")
	children := []epicChild{
		{typeStory, "Store tokenized cards via PAY vault API", "Call PAY /vault/tokens after a successful payment when the customer ticked 'save card'. Store only the token, last4, brand and expiry.", dev, utc2026(4, 28, 9, 0), 6, "PR up: kestrel/checkout#1184"},
		{typeStory, "Show saved cards on the payment step", "List the customer's saved cards above the card form, newest first, default selected.", marco, utc2026(5, 6, 9, 0), 8, "PR: kestrel/checkout-web#902"},
		{typeTask, "saved_cards feature flag + kill switch", "", dev, utc2026(5, 5, 9, 0), 2, "flag is in, defaults off everywhere"},
		{typeStory, "Remove a saved card from account page", "Customers can delete a saved card; we call PAY to delete the token too.", priya, utc2026(5, 18, 9, 0), 7, "PR: kestrel/account-web#311"},
		{typeTask, "Backfill expiry dates for cards saved during beta", "", dev, utc2026(6, 1, 9, 0), 3, "ran the backfill on prod, 4,212 rows updated"},
		{typeBug, "Saved card shows wrong brand icon for Maestro", "Maestro cards show the Mastercard icon.", marco, utc2026(6, 9, 9, 0), 2, "fixed in checkout-web#931"},
		{typeTask, "Dashboards for saved-card usage and payment failures", "", dev, utc2026(6, 15, 9, 0), 4, "dashboard: https://grafana.kestrel.example/d/saved-cards"},
		{typeStory, "3DS re-challenge for saved cards over 250 EUR", "PSD2: saved cards still need SCA above the threshold.", dev, utc2026(7, 6, 9, 0), 9, "PR up: kestrel/checkout#1262"},
		{typeTask, "Load test vault token lookups at 3x peak", "", tom, utc2026(7, 20, 9, 0), 4, "p99 42ms at 3x, fine"},
		{typeTask, "Ramp saved_cards 5% -> 25% -> 100%", "", dev, utc2026(8, 24, 9, 0), 37, ""},
	}
	var childIssues []*Issue
	for i, c := range children {
		rep := dev
		if i%3 == 1 {
			rep = lena
		}
		is := b.issue(chk, c.typ, c.summary, c.desc, rep, nil, utc2026(4, 20+i/3, 10, i))
		b.parent(is, epic, rep, utc2026(4, 20+i/3, 10, i+1))
		is.StoryPoints = points([]float64{3, 5, 2, 3, 2, 1, 3, 8, 3, 2}[i])
		if rep == dev || c.who == dev {
			b.sprint(is, dev, c.start.Add(-2*24*time.Hour), b.sprintAt(chk, c.start))
		} else {
			is.Sprints = []*Sprint{b.sprintAt(chk, c.start)}
		}
		var reviewer *User
		note := ""
		if c.who == dev {
			reviewer = marco
			note = "LGTM, left two nits"
		} else {
			reviewer = dev
			note = "Approved, one question inline about the retry on 409"
		}
		if c.summary == "Ramp saved_cards 5% -> 25% -> 100%" {
			b.assign(is, dev, dev, c.start)
			b.status(is, dev, c.start.Add(time.Minute), statusInProgress, nil)
			b.comment(is, dev, utc2026(8, 25, 10, 0), "at 5% of web traffic since this morning. watching payment failures on the dashboard")
			b.comment(is, dev, utc2026(9, 8, 15, 0), "25% now. payment failure rate 0.81% vs 0.79% control, within noise")
			b.comment(is, dev, utc2026(9, 30, 11, 0), "100% on web. flag stays for another two weeks then I'll remove it")
			b.status(is, dev, utc2026(9, 30, 11, 5), statusDone, resolutionDone)
		} else {
			b.workThroughReview(is, c.who, c.start, c.days, c.note, reviewer, note)
		}
		if c.who == dev {
			b.worklog(is, dev, c.start.Add(24*time.Hour), 4*3600, "")
		}
		childIssues = append(childIssues, is)
	}
	// A decision on the epic's scope, written plainly.
	csv := b.issue(chk, typeStory, "Export saved payment methods as CSV from account page", "Requested by support for GDPR subject access requests.", lena, nil, utc2026(5, 2, 14, 0))
	b.parent(csv, epic, lena, utc2026(5, 2, 14, 1))
	b.comment(csv, rosa, utc2026(5, 20, 9, 12), "Support would still like this at some point, we get ~10 SARs a month.")
	b.comment(csv, dev, utc2026(6, 3, 16, 40), "talked to Lena, we'll drop the CSV export for now and revisit in Q3. SARs can keep going through the data team's script in the meantime, Rosa I'll send you the runbook link")
	b.status(csv, dev, utc2026(6, 3, 16, 42), statusDone, resolutionWontDo)
	amex := b.issue(chk, typeStory, "Support Amex in saved cards", "", lena, nil, utc2026(5, 10, 10, 0))
	b.parent(amex, epic, lena, utc2026(5, 10, 10, 1))
	b.comment(amex, dev, utc2026(5, 12, 11, 20), "PAY vault can't tokenize Amex until their processor migration lands, so Amex stays out of v1. Jun thinks late Q3. I've linked the PAY ticket")
	// Cross-team link to a PAY ticket
	payAmex := b.issue(pay, typeStory, "Tokenize Amex cards in vault", "Processor migration prerequisite.", jun, felix, utc2026(3, 3, 10, 0))
	b.addLink(payAmex, linkBlocks, amex)
	b.history(amex, dev, utc2026(5, 12, 11, 21), HistoryItem{Field: "Link", FieldType: "jira", FieldID: "issuelinks", To: payAmex.Key, ToString: "This issue is blocked by " + payAmex.Key})
	b.rank(amex, dev, utc2026(5, 12, 11, 22), false)
	// Polling vs webhook decision on a child.
	b.comment(childIssues[0], dev, utc2026(4, 29, 14, 0), "Marco and I went through both options with Jun. going with the vault's token.created webhook instead of polling - polling would add up to 30s before the card shows up")
	b.comment(childIssues[0], marco, utc2026(4, 29, 14, 30), "+1")
	// Progress notes on the epic, no trigger words.
	b.comment(epic, dev, utc2026(6, 12, 17, 0), "where we are: vault integration and the payment step are done, account page removal is in review. 3DS re-challenge is the last big piece, aiming to start the 5% ramp mid-August")
	b.comment(epic, dev, utc2026(8, 10, 9, 15), "3DS work slipped a week because of the PSD2 test cards from the acquirer. new plan: 5% on Aug 25, 25% two weeks later, 100% end of September if failures stay flat")
	b.comment(epic, lena, utc2026(8, 10, 10, 0), "Sounds good. I'll let the CX team know about the account page change.")
	// Closing comment with the result, no "Outcome:".
	b.comment(epic, dev, utc2026(10, 14, 16, 20), "shipped to 100% on Sep 30. returning-customer conversion up from 2.1% to 2.6% over the first two weeks, payment failures flat. about 38% of returning orders now use a saved card. thanks all")
	b.status(epic, dev, utc2026(10, 14, 16, 22), statusDone, resolutionDone)

	// Heads-ups to stakeholders, no trigger words.
	banner := b.issue(grow, typeTask, "Black Friday promo banner on checkout", "Promo banner for BF campaign in the checkout sidebar.", nadia, nadia, utc2026(10, 20, 10, 0))
	b.comment(banner, dev, utc2026(10, 22, 15, 5), "Nadia - the new payment step goes live on Nov 3 and the sidebar gets narrower, so the banner will sit under the order summary instead of next to it. Screenshot attached. Let me know if that breaks anything for the campaign")
	b.comment(banner, nadia, utc2026(10, 22, 16, 0), "Thanks for flagging, under the summary works for us.")
	sup := b.issue(chk, typeTask, "Help centre article for removing saved cards", "", rosa, dev, utc2026(9, 20, 10, 0))
	b.comment(sup, dev, utc2026(9, 29, 10, 0), "Rosa, from tomorrow every web customer can remove saved cards under Account > Payment methods. Tickets asking to delete a card can point there. Mobile still needs the old process until Q1")
	b.status(sup, dev, utc2026(9, 29, 10, 2), statusDone, resolutionDone)
	// Cross-team: payments deprecation heads-up in PAY project.
	payDep := b.issue(pay, typeTask, "Deprecate v1 /charges endpoint", "v1 charges goes away on Nov 30.", jun, felix, utc2026(9, 1, 10, 0))

	// Incident Dev coordinated.
	inc := b.issue(chk, typeBug, "Checkout returning 500s for card payments", "Alert: checkout-api 5xx rate above 5% since 13:55.", b.site.Bot, dev, utc2026(8, 12, 13, 58))
	inc.Priority = priorityHighest
	b.status(inc, dev, utc2026(8, 12, 14, 0), statusInProgress, nil)
	b.comment(inc, dev, utc2026(8, 12, 14, 6), "looking. started right after PAY 4.13.0 went out at 13:50, the tokenize response is missing the brand field and we throw on it. @Jun Park can you roll back PAY?")
	b.comment(inc, jun, utc2026(8, 12, 14, 10), "rolling back now")
	b.comment(inc, dev, utc2026(8, 12, 14, 25), "for everyone following: card payments failing for ~60% of orders since 13:55, PayPal fine. PAY rolling back, next note here by 14:45. Rosa - support macro for 'payment failed' is the right one to use")
	b.comment(inc, dev, utc2026(8, 12, 14, 44), "rollback done at 14:38, error rate back to baseline. about 1,800 card orders failed between 13:55 and 14:38. I'll write up what happened tomorrow and file the follow-ups")
	b.status(inc, dev, utc2026(8, 12, 15, 0), statusDone, resolutionDone)
	wu := b.issue(chk, typeTask, "Write-up: card payment failures on 12 Aug", "What happened: PAY 4.13.0 dropped the brand field from the tokenize response, checkout-api threw on the missing field. 43 minutes, ~1,800 failed card orders.\nWhy it got through: no contract test between checkout and PAY.\nFollow-ups: CHK contract test, PAY canary for response schema changes, our parser should not throw on unknown/missing optional fields.", dev, dev, utc2026(8, 13, 10, 0))
	b.link(wu, linkRelates, inc, dev, utc2026(8, 13, 10, 1))
	b.status(wu, dev, utc2026(8, 14, 10, 0), statusInProgress, nil)
	b.status(wu, dev, utc2026(8, 18, 10, 0), statusDone, resolutionDone)
	ct := b.issue(chk, typeTask, "Contract test for PAY tokenize response", "Follow-up from the 12 Aug failures.", dev, tom, utc2026(8, 13, 10, 20))
	b.link(ct, linkRelates, inc, dev, utc2026(8, 13, 10, 21))
	b.workThroughReview(ct, tom, utc2026(8, 17, 9, 0), 5, "PR: kestrel/checkout#1301", dev, "LGTM")
	pcan := b.issue(pay, typeTask, "Canary check for tokenize response schema", "Follow-up from CHK incident on 12 Aug: PAY deploys should fail canary if the tokenize response shape changes.", dev, felix, utc2026(8, 13, 10, 30))
	b.link(pcan, linkRelates, inc, dev, utc2026(8, 13, 10, 31))
	b.comment(pcan, felix, utc2026(8, 20, 10, 0), "Will pick this up next sprint")

	// Unblocking teammates.
	pr1 := b.issue(chk, typeStory, "Apply gift cards before card payment", "Gift card balance should be applied first, card charged for the rest.", lena, priya, utc2026(7, 1, 10, 0))
	pr1.Sprints = []*Sprint{b.sprintAt(chk, utc2026(7, 6, 10, 0))}
	b.status(pr1, priya, utc2026(7, 6, 10, 0), statusInProgress, nil)
	b.flag(pr1, priya, utc2026(7, 7, 11, 0), true)
	b.comment(pr1, priya, utc2026(7, 7, 11, 1), "Blocked - I don't have access to the PAY sandbox to test split payments")
	b.comment(pr1, dev, utc2026(7, 7, 15, 30), "got Jun to add you to the pay-sandbox group, should work after you log out and in again")
	b.flag(pr1, dev, utc2026(7, 7, 15, 31), false)
	b.comment(pr1, priya, utc2026(7, 7, 16, 0), "works, thanks!")
	b.status(pr1, priya, utc2026(7, 14, 16, 0), statusDone, resolutionDone)

	tq := b.issue(chk, typeTask, "Move refund calls to /v2/refunds", "", dev, tom, utc2026(9, 4, 10, 0))
	b.sprint(tq, dev, utc2026(10, 30, 10, 0), b.sprintAt(chk, utc2026(11, 3, 10, 0)))
	b.status(tq, tom, utc2026(11, 3, 10, 0), statusInProgress, nil)
	b.comment(tq, tom, utc2026(11, 4, 9, 0), "Should partial refunds go through the v2 endpoint too or is there a separate one?")
	b.comment(tq, dev, utc2026(11, 4, 9, 40), "same endpoint, pass amount. v1 partials go away with the rest on Nov 30")
	b.status(tq, tom, utc2026(11, 12, 16, 0), statusDone, resolutionDone)
	b.comment(payDep, dev, utc2026(9, 4, 11, 0), "Checkout still calls v1 for refunds in two places. We've planned the move for early November, should be off v1 by Nov 14. "+tq.Key+" tracks it")
	b.comment(payDep, jun, utc2026(9, 4, 12, 0), "Great, thanks.")

	mb := b.issue(chk, typeBug, "Address autocomplete drops apartment number", "", aiko, marco, utc2026(6, 20, 10, 0))
	b.status(mb, marco, utc2026(6, 22, 10, 0), statusInProgress, nil)
	b.status(mb, marco, utc2026(6, 23, 10, 0), statusBlocked, nil)
	b.comment(mb, marco, utc2026(6, 23, 10, 1), "waiting on the address provider to confirm the field mapping")
	b.comment(mb, dev, utc2026(6, 26, 14, 0), "I had the same thing with their API last year - it's in the 'subpremise' field, not 'line2'. Moving back to in progress")
	b.status(mb, dev, utc2026(6, 26, 14, 1), statusInProgress, nil)
	b.status(mb, marco, utc2026(6, 27, 14, 1), statusDone, resolutionDone)

	// Prioritization and sprint edits.
	saf := b.issue(chk, typeBug, "Guest checkout fails on Safari 17 when autofill is used", "Steps: Safari 17, guest, autofill address -> submit does nothing.", aiko, nil, utc2026(3, 10, 10, 0))
	b.priority(saf, dev, utc2026(3, 10, 15, 0), priorityHigh)
	b.comment(saf, dev, utc2026(3, 10, 15, 1), "raising this, it's every guest on Safari with autofill. I'll take it this sprint")
	b.sprint(saf, dev, utc2026(3, 10, 15, 2), b.sprintAt(chk, utc2026(3, 10, 15, 2)))
	b.workThroughReview(saf, dev, utc2026(3, 11, 9, 0), 2, "fixed in checkout-web#812, was a missing change event", aiko, "Verified on Safari 17.3")
	low := []string{"Tidy up legacy coupon code paths", "Rename OrderDraft to CheckoutSession", "Remove unused shipping estimator flag"}
	for i, sm := range low {
		is := b.issue(chk, typeTask, sm, "", dev, nil, utc2026(2, 3+i, 10, 0))
		b.priority(is, dev, utc2026(2, 3+i, 10, 5), priorityLow)
		if i == 0 {
			b.rank(is, dev, utc2026(2, 3, 10, 6), false)
		}
	}
	// carry-over: moves own tickets between sprints
	for i, sm := range []string{"Idempotency keys on order submit", "Retry PAY timeouts once with backoff"} {
		is := b.issue(chk, typeStory, sm, "Double submits create duplicate orders.", lena, dev, utc2026(1, 12+i, 10, 0))
		is.Sprints = []*Sprint{b.sprintAt(chk, utc2026(1, 14, 10, 0))}
		b.sprint(is, dev, utc2026(1, 23, 17, 0), b.sprintAt(chk, utc2026(1, 14, 10, 0)), b.sprintAt(chk, utc2026(1, 28, 10, 0)))
		b.comment(is, dev, utc2026(1, 23, 17, 1), "not going to make it this sprint, carrying over")
		b.workThroughReview(is, dev, utc2026(1, 27, 9, 0), 4, "PR up", marco, "LGTM")
	}
	// Dev reprioritizes against the epic
	wl := b.issue(chk, typeStory, "Wishlist button on order confirmation", "", nadia, nil, utc2026(5, 25, 10, 0))
	b.comment(wl, dev, utc2026(5, 27, 10, 0), "this would land in the same sprint as the 3DS work and we can only do one. saved cards is the Q2 goal, so moving this to the backlog - Nadia, happy to look at it in August")
	b.rank(wl, dev, utc2026(5, 27, 10, 1), false)

	// Story written by Dev with a real problem statement.
	st := b.issue(chk, typeStory, "Show delivery date estimate before payment",
		"Customers abandon on the payment step when they don't know when the order arrives; it's the third most common reason in the exit survey.\n\nWe have the carrier SLA data in the shipping service already. Show 'Arrives Tue 12 – Thu 14' under the shipping method, for the default method only in v1.\n\nNot in scope: per-item estimates, marketplace sellers.",
		dev, marco, utc2026(10, 28, 11, 0))
	st.StoryPoints = points(5)
	b.sprint(st, dev, utc2026(11, 14, 10, 0), b.sprintAt(chk, utc2026(11, 17, 10, 0)))
	b.status(st, marco, utc2026(11, 18, 10, 0), statusInProgress, nil)

	// Own tickets and code-review chatter (hard negatives).
	own := []struct{ sm, pr, note string }{
		{"Upgrade checkout-api to Go 1.25", "PR up: kestrel/checkout#1120", "bumped, CI green"},
		{"Flaky test TestOrderSubmit_Timeout", "fixed in #1131, the test was using a real clock", ""},
		{"Add request id to PAY client logs", "PR: kestrel/checkout#1140", "deployed to staging"},
		{"Cart total rounding off by 1 cent for JPY", "fixed in #1152", ""},
		{"Drop Node 18 from checkout-web CI", "PR up", ""},
		{"Bump pgx to v5.6", "PR up: kestrel/checkout#1170", "deployed to prod"},
		{"Metrics for order submit latency by payment method", "PR: kestrel/checkout#1199", ""},
		{"Handle PAY 409 on duplicate token", "PR up: kestrel/checkout#1210", "deployed to staging, looks fine"},
		{"Clean up feature flags older than 6 months", "removed 11 flags, PR #1225", ""},
		{"Migrate order events to new Kafka cluster", "PR: kestrel/checkout#1240", "cut over at 10:00, consumers caught up"},
		{"Timeout on address lookup too aggressive", "raised to 2s, PR #1249", ""},
		{"Checkout-api memory leak in PDF receipt generation", "heap profile attached. was a pooled buffer never returned. fixed in #1277", "deployed, memory flat since"},
		{"Log sampling for 2xx responses", "PR up", ""},
		{"Update OpenAPI spec for /orders", "PR: kestrel/checkout#1290", ""},
		{"Remove v1 charges client", "PR: kestrel/checkout#1320", "deployed to prod"},
		{"Order confirmation email missing VAT line for NO", "fixed in #1333", ""},
		{"Speed up checkout-api CI (cache go mod)", "CI down from 11m to 6m, PR #1341", ""},
		{"Rate limit guest order submit per IP", "PR up: kestrel/checkout#1352", "deployed to staging"},
		{"Alert on PAY latency p99 > 800ms", "alert added, runbook link in the alert", ""},
		{"Nil pointer in shipping quote when cart empty", "fixed in #1361", ""},
		{"Replace deprecated AWS SDK v1 in receipts", "PR up: kestrel/checkout#1370", ""},
		{"Postgres index for orders by customer_id,created_at", "index created concurrently on prod, query from 900ms to 12ms", ""},
		{"Checkout-web bundle size regression", "PR: kestrel/checkout-web#1001, -84kb", ""},
		{"Dependabot backlog for checkout-api", "merged 14 PRs", ""},
		{"Expose saved card count in admin tool", "PR up", ""},
		{"Fix timezone in order export cron", "fixed in #1390", "deployed to prod"},
	}
	start := utc2025(12, 8, 9, 0)
	for i, o := range own {
		typ := typeTask
		if strings.Contains(o.sm, "fails") || strings.Contains(o.sm, "Flaky") || strings.Contains(o.sm, "off by") || strings.Contains(o.sm, "leak") || strings.Contains(o.sm, "missing") || strings.Contains(o.sm, "Nil") || strings.Contains(o.sm, "regression") {
			typ = typeBug
		}
		rep := dev
		if i%4 == 1 {
			rep = oliver
		}
		at := start.Add(time.Duration(i) * 12 * 24 * time.Hour)
		if at.After(utc2026(11, 25, 0, 0)) {
			at = utc2026(11, 20, 9, 0)
		}
		is := b.issue(chk, typ, o.sm, "", rep, dev, at.Add(-24*time.Hour))
		is.Sprints = []*Sprint{b.sprintAt(chk, at)}
		reviewer := []*User{marco, priya, tom}[i%3]
		b.workThroughReview(is, dev, at, 3, o.pr, reviewer, []string{"LGTM", "lgtm, nit on naming", "Approved", "looks good, can you add a test for the empty case?"}[i%4])
		if o.note != "" {
			b.comment(is, dev, at.Add(3*24*time.Hour-time.Hour), o.note)
		}
		if i%3 == 0 {
			b.worklog(is, dev, at.Add(24*time.Hour), 3*3600, "")
		}
	}
	// Code review chatter on teammates' tickets.
	revs := []struct {
		sm   string
		who  *User
		body string
	}{
		{"Paginate order history API", marco, "nit: can we rename `cur` to `cursor`? otherwise LGTM"},
		{"Promo code validation service", priya, "why does this test use time.Now()? it'll flake around midnight"},
		{"Split checkout-api handlers package", tom, "Approved. Please squash before merge."},
		{"Add Klarna as payment method (spike)", marco, "Is this still happening on main?"},
		{"Cache shipping quotes for 60s", priya, "LGTM. one question: do we invalidate on address change?"},
		{"Structured logging in checkout-web BFF", tom, "can you rebase on main? conflicts in go.sum"},
		{"Order cancel within 10 minutes", marco, "looks good, left a comment about the race with the fulfilment webhook"},
		{"Guest to account conversion after order", priya, "Do we know if anyone still uses the legacy coupon endpoint?"},
		{"Currency formatting for CHF", tom, "lgtm"},
		{"Retry fulfilment webhook with DLQ", marco, "I'd use the existing retry helper instead of a new loop, see pkg/retry"},
		{"Basket abandonment event to analytics", priya, "Approved"},
		{"Apple Pay domain verification", tom, "LGTM, did you test on staging?"},
		{"Checkout A/B test harness", marco, "Nice. Can we get this merged before Friday?"},
		{"Reduce PAY client connection pool", priya, "what's the reasoning for 20? we peak at ~150 rps"},
		{"Address form a11y fixes", tom, "LGTM"},
		{"Order PDF receipts in German", marco, "+1"},
		{"Tax calculation for US states", priya, "Approved, nice tests"},
		{"Migrate checkout-web to React 19", tom, "lgtm once CI is green"},
	}
	for i, r := range revs {
		at := utc2026(1, 5, 9, 0).Add(time.Duration(i) * 17 * 24 * time.Hour)
		is := b.issue(chk, typeStory, r.sm, "", lena, r.who, at.Add(-48*time.Hour))
		is.Sprints = []*Sprint{b.sprintAt(chk, at)}
		b.workThroughReview(is, r.who, at, 4, "PR up", dev, r.body)
		if i%5 == 2 {
			b.comment(is, r.who, at.Add(3*24*time.Hour), "@Dev Patel addressed, PTAL")
			b.comment(is, dev, at.Add(3*24*time.Hour+2*time.Hour), "thanks, approved")
		}
	}
	// A few small one-line tickets Dev filed for themselves.
	for i, sm := range []string{"bump golangci-lint", "investigate slow /cart GET", "remove debug log in PayClient"} {
		is := b.issue(chk, typeTask, sm, "", dev, dev, utc2026(3, 2+i*20, 10, 0))
		b.workThroughReview(is, dev, utc2026(3, 3+i*20, 9, 0), 1, "", nil, "")
	}

	// Teammates' open work, for `next`.
	active, nextSprint, ago := b.sprintAt(chk, now), b.nextSprint(chk), b.ago
	t1 := b.issue(chk, typeStory, "Apple Pay on the payment step", "Add Apple Pay button for Safari users.", lena, marco, ago(14))
	t1.Sprints, t1.StoryPoints = []*Sprint{active}, points(5)
	t2 := b.issue(chk, typeStory, "Show loyalty points earned on confirmation page", "Loyalty team wants the points shown after checkout.\n\nh3. Acceptance criteria\n* Points shown for logged-in customers\n* Nothing shown for guests", lena, priya, ago(10))
	t2.Sprints = []*Sprint{nextSprint}
	t3 := b.issue(chk, typeEpic, "Checkout for mobile app (saved cards, Apple Pay)", "Bring the web checkout improvements to iOS and Android.", lena, lena, ago(60))
	t3.Status = statusInProgress
	b.comment(t3, lena, ago(30), "Kicked off with the mobile team, they start in December.")
	t4 := b.issue(chk, typeTask, "Split payment between two cards", "", lena, tom, ago(20))
	t4.Status = statusInProgress
	t4.Sprints = []*Sprint{active}
	b.comment(t4, tom, ago(6), "Does PAY support two authorisations on the same order id, or do we need two orders?")
	t5 := b.issue(chk, typeBug, "Coupon field accepts expired codes on mobile web", "Expired codes show as applied but the discount is 0.", aiko, nil, ago(16))
	t5.Priority = nil
	t6 := b.issue(chk, typeStory, "Invoice address different from shipping", "B2B customers need a separate invoice address.", lena, priya, ago(25))
	t6.Status, t6.Flagged = statusInProgress, true
	t6.Sprints = []*Sprint{active}
	payT := b.issue(pay, typeTask, "Expose billing address in vault token metadata", "", felix, nil, ago(30))
	b.addLink(payT, linkBlocks, t6)
	b.comment(t6, priya, ago(12), "Waiting on PAY for the billing address field.")
	for i, sm := range []string{"Order status page polling every 2s is too chatty", "Translate checkout errors to Polish", "Checkout-web e2e tests on Firefox"} {
		is := b.issue(chk, typeTask, sm, "", oliver, []*User{marco, tom, priya}[i], ago(float64(8+i)))
		is.Sprints, is.StoryPoints = []*Sprint{active}, points(3)
		is.Status = statusInProgress
		b.comment(is, is.Assignee, ago(float64(2+i)), "halfway, PR next week")
	}
	// Payments' own work, in a project Dev worked in now and then.
	pp := b.issue(pay, typeTask, "Vault token expiry notifications", "", jun, felix, ago(40))
	pp.Status = statusInProgress
	// Growth Marketing's, where Dev commented once: not his team's backlog.
	g1 := b.issue(grow, typeStory, "Landing page for spring sale", "Marketing landing page for the spring sale.", nadia, nadia, ago(9))
	g1.Sprints = []*Sprint{b.sprintAt(grow, now)}
	g2 := b.issue(grow, typeEpic, "Q1 brand refresh", "New brand colours across web.", nadia, nadia, ago(70))
	g2.Status = statusInProgress
	b.comment(g2, nadia, ago(40), "Agency delivered the first round.")
	g3 := b.issue(grow, typeTask, "Newsletter template update", "", nadia, nadia, ago(12))
	g3.Status = statusInProgress
	b.comment(g3, rosa, ago(8), "Can we add the support phone number to the footer?")
	return b.done()
}
