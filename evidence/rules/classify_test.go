package rules

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// Accounts and issues of the classifier tests. The user is "me"; Lee is a
// teammate.
var (
	clfAt  = time.Date(2026, 3, 4, 15, 12, 0, 0, time.UTC)
	clfMe  = evidence.User{ID: "5b10ac8d82e05b22cc7d4ef5", DisplayName: "Sam Rivera"}
	clfLee = evidence.User{ID: "557058:aaaa", DisplayName: "Lee Park"}
)

// clfIssue is an OPS issue of type typ; creator and assignee decide whose it is.
func clfIssue(typ string, creator, assignee evidence.User) evidence.Issue {
	return evidence.Issue{ID: "10042", Key: "OPS-42", Project: "OPS", Type: typ, Summary: "Save the cart between visits",
		Status: "In Progress", StatusCategory: "indeterminate", Reporter: creator, Creator: creator, Assignee: assignee}
}

func clfChange(items ...evidence.ChangeItem) evidence.Activity {
	return evidence.Activity{IssueID: "10042", Source: evidence.SourceChange, SourceID: "20001", Author: clfMe, At: clfAt, Items: items}
}

func clfComment(text string) evidence.Activity {
	return evidence.Activity{IssueID: "10042", Source: evidence.SourceComment, SourceID: "30001", Author: clfMe, At: clfAt, Text: text}
}

func clfCreated(text string) evidence.Activity {
	return evidence.Activity{IssueID: "10042", Source: evidence.SourceIssue, SourceID: "10042", Author: clfMe, At: clfAt, Text: text}
}

// sysItem is a change of a system field as Jira Cloud records it.
func sysItem(id, from, to string) evidence.ChangeItem {
	return evidence.ChangeItem{Field: id, FieldID: id, FieldType: "jira", FromString: from, ToString: to}
}

// customItem is a change of a custom field, whose id differs per site.
func customItem(name, id, from, to string) evidence.ChangeItem {
	return evidence.ChangeItem{Field: name, FieldID: id, FieldType: "custom", FromString: from, ToString: to}
}

// linkItem is an issue link added (to != "") or removed (from != "").
func linkItem(fromKey, fromText, toKey, toText string) evidence.ChangeItem {
	return evidence.ChangeItem{Field: "Link", FieldType: "jira", From: fromKey, FromString: fromText, To: toKey, ToString: toText}
}

type clfWant struct{ category, rule string }

func TestClassify(t *testing.T) {
	mine := clfIssue("Story", clfMe, clfMe)                  // the user's own ticket
	leesStory := clfIssue("Story", clfLee, clfLee)           // a teammate's
	forLee := clfIssue("Story", clfMe, clfLee)               // written by the user, built by Lee
	leesForMe := clfIssue("Story", clfLee, clfMe)            // written by Lee, assigned to the user
	unassigned := clfIssue("Story", clfLee, evidence.User{}) // in the backlog
	myTask := clfIssue("Task", clfMe, clfMe)                 // created and done by the user
	taskForLee := clfIssue("Task", clfMe, clfLee)            // created by the user for Lee
	myEpic := clfIssue("Epic", clfMe, clfMe)                 // the user's initiative
	leesEpic := clfIssue("Epic", clfLee, clfLee)             // someone else's initiative
	incident := clfIssue("Incident", clfLee, clfLee)         // an incident ticket
	plainBug := clfIssue("Bug", clfLee, clfLee)              // an ordinary bug
	prodDefect := clfIssue("Defect", clfLee, clfLee)         // a production incident filed as a Defect
	prodDefect.Summary, prodDefect.Labels = "PROD: NEFT outward payments stuck in 'Pending' after batch 3", []string{"production", "sev1"}
	wontDo := clfIssue("Story", clfLee, clfLee) // resolved Won't Do by the user just now
	wontDo.Resolution, wontDo.Resolved = "Won't Do", &clfAt
	justFiled := clfIssue("Task", clfMe, evidence.User{}) // filed by the user a minute before the activity
	justFiled.Created = clfAt.Add(-time.Minute)
	filedEarlier := justFiled // filed by the user three days before
	filedEarlier.Created = clfAt.Add(-72 * time.Hour)
	justFiledForLee := clfIssue("Story", clfMe, clfLee) // filed by the user for Lee a minute before
	justFiledForLee.Created = clfAt.Add(-time.Minute)
	leeJustFiled := clfIssue("Bug", clfLee, evidence.User{}) // filed by Lee a minute before
	leeJustFiled.Created = clfAt.Add(-time.Minute)
	planningTask := clfIssue("Task", clfMe, clfMe) // the user's own ticket for planning the sprint
	planningTask.Summary = "Sprint 24 planning"
	postmortemTask := clfIssue("Task", clfMe, clfLee) // the postmortem of an incident
	postmortemTask.Summary = "Postmortem: checkout outage on 3 March"
	followUps := clfIssue("Task", clfMe, clfLee) // tracks a postmortem's follow-ups
	supportBug := clfIssue("Bug", clfLee, clfMe) // a production crash filed by support, handled by the user
	supportBug.Summary, supportBug.Priority = "App closes when opening order history (Android, 5.2.0)", "Highest"
	writeUp := clfIssue("Task", clfMe, clfMe) // the user's write-up of a crash
	writeUp.Summary = "What happened with the order history crash (30/07)"
	followUps.Summary = "Postmortem follow-ups: alerting and runbooks"
	replyTo := func(question, answer string) evidence.Activity {
		q := clfComment(question)
		q.Author, q.At = clfLee, clfAt.Add(-time.Hour)
		a := clfComment(answer)
		a.InReplyTo = &q
		return a
	}
	fromLee := clfComment("Decision: we agreed to drop IE11 support for v2.")
	fromLee.Author = clfLee
	leeMovesSprint := clfChange(customItem("Sprint", "customfield_10020", "OPS Sprint 13", "OPS Sprint 13, OPS Sprint 14"))
	leeMovesSprint.Author = clfLee
	worklog := evidence.Activity{IssueID: "10042", Source: evidence.SourceWorklog, SourceID: "40001", Author: clfMe, At: clfAt,
		Text: "Status update: met the stakeholders, ETA for the launch plan is Friday."}

	tests := []struct {
		name    string
		act     evidence.Activity
		issue   evidence.Issue
		want    []clfWant
		excerpt string // the first item's excerpt, when the case is about it
	}{
		// Hard negatives: hands-on engineering and other people's work.
		{name: "own ticket to In Progress is not evidence", act: clfChange(sysItem("status", "To Do", "In Progress")), issue: mine},
		{name: "closing your own ticket is not evidence", act: clfChange(sysItem("status", "In Review", "Done"), sysItem("resolution", "", "Done")), issue: mine},
		{name: "closing a ticket of someone else assigned to you is not evidence", act: clfChange(sysItem("status", "In Review", "Done")), issue: leesForMe},
		{name: "LGTM is not evidence", act: clfComment("LGTM"), issue: leesStory},
		{name: "rebased is not evidence", act: clfComment("rebased"), issue: mine},
		{name: "fixed in a PR is not evidence", act: clfComment("fixed in PR #12"), issue: mine},
		{name: "deployed is not evidence", act: clfComment("Deployed to staging."), issue: mine},
		{name: "a one-word update is not evidence", act: clfComment("Update: deployed"), issue: mine},
		{name: "a stack trace is not evidence", act: clfComment("Still failing:\njava.lang.IllegalStateException: Status: decision: out of scope\n\tat com.acme.Checkout.run(Checkout.java:42)\nCaused by: java.io.IOException: ETA exceeded"), issue: mine},
		{name: "pasted code is not evidence", act: clfComment("{code}\n// Decision: we agreed to go with option B\n{code}"), issue: leesStory},
		{name: "quoted words are not the user's", act: clfComment("bq. Decision: we agreed to drop IE11 support\nThanks"), issue: leesStory},
		{name: "someone else's comment is not evidence", act: fromLee, issue: leesStory},
		{name: "the board moving issues at sprint close is not evidence", act: leeMovesSprint, issue: mine},
		{name: "a worklog is not evidence", act: worklog, issue: forLee},
		{name: "a user without an account id gets nothing", act: evidence.Activity{Source: evidence.SourceComment, Text: "Decision: ship it on Friday."}, issue: leesStory},

		// story-writing
		{name: "story in user-story form is story-writing", issue: forLee,
			act:  clfCreated("As a returning shopper I want my cart saved so that I can finish checkout later.\n\nh3. Notes\nKeep it for 7 days."),
			want: []clfWant{{evidence.CatStoryWriting, "issue.story"}}},
		{name: "task with acceptance criteria is story-writing", issue: taskForLee,
			act:  clfCreated("Export the monthly invoices as CSV for finance.\n\n*Acceptance criteria*\n# one row per invoice\n# totals match the ledger"),
			want: []clfWant{{evidence.CatStoryWriting, "issue.story"}}},
		{name: "story with given when then is story-writing", issue: forLee,
			act:  clfCreated("h3. Scenario\nGiven a shopper with items in the cart\nWhen they come back within 7 days\nThen the items are still there"),
			want: []clfWant{{evidence.CatStoryWriting, "issue.story"}}},
		{name: "task with a substantive problem statement for others is story-writing", issue: taskForLee,
			act:  clfCreated("Finance currently reconciles invoices by hand every month because the export drops refunds. It takes two people a full day and the totals are often wrong, which delays the close. We need the export to include refunds and credit notes so the totals match the ledger."),
			want: []clfWant{{evidence.CatStoryWriting, "issue.problem-statement"}}},
		{name: "one-line task the user fixes themselves is not story-writing", act: clfCreated("Fix typo on the login page"), issue: myTask},
		{name: "long notes on a task the user does themselves are not a problem statement", issue: myTask,
			act: clfCreated("Currently the retry loop in the consumer spins because the backoff is reset on every message. Users see duplicate emails when it happens. I will change the backoff to persist across messages and add a test for the reset path, then check the metrics.")},
		{name: "task that is only a stack trace is not story-writing", issue: taskForLee,
			act: clfCreated("java.lang.NullPointerException: cart is null\n\tat com.acme.cart.CartService.load(CartService.java:88)\n\tat com.acme.cart.CartController.get(CartController.java:41)\n\tat jdk.internal.reflect.GeneratedMethodAccessor12.invoke(Unknown Source)\n\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)\nCaused by: java.sql.SQLException: connection reset because the users table is locked and customers should retry\n\t... 42 more")},
		{name: "given and then in prose are not given/when/then", issue: taskForLee,
			act: clfCreated("Given that the cache is cold when we restart, then the first request is slow for a while.")},
		{name: "bug report is not story-writing", act: clfCreated("As a shopper I want to pay so that I get my goods. Given a cart, when I pay, then it fails."), issue: plainBug},

		// backlog-grooming
		{name: "story points changed is grooming", issue: leesStory,
			act:     clfChange(customItem("Story point estimate", "customfield_10016", "3", "5")),
			want:    []clfWant{{evidence.CatBacklogGrooming, "change.estimate"}},
			excerpt: "Story point estimate: 3 → 5"},
		{name: "original estimate set is grooming", issue: unassigned,
			act:     clfChange(sysItem("timeoriginalestimate", "", "5400")),
			want:    []clfWant{{evidence.CatBacklogGrooming, "change.estimate"}},
			excerpt: "Original Estimate: (none) → 1h 30m"},
		{name: "logging work that rewrites estimates is not grooming", issue: mine,
			act: clfChange(sysItem("timespent", "3600", "7200"), sysItem("timeoriginalestimate", "", "7200"), sysItem("timeestimate", "3600", "0"))},
		{name: "resolved as duplicate is grooming", issue: leesStory,
			act:  clfChange(sysItem("resolution", "", "Duplicate"), sysItem("status", "To Do", "Closed")),
			want: []clfWant{{evidence.CatBacklogGrooming, "change.duplicate"}}},
		{name: "epic link set is grooming", issue: unassigned,
			act:     clfChange(customItem("Epic Link", "customfield_10014", "", "OPS-7")),
			want:    []clfWant{{evidence.CatBacklogGrooming, "change.parent"}},
			excerpt: "Epic Link: (none) → OPS-7"},
		{name: "acceptance criteria added to a description is grooming", issue: mine,
			act: clfChange(evidence.ChangeItem{Field: "description", FieldID: "description", FieldType: "jira",
				FromString: "Save the cart.", ToString: "Save the cart.\n\nh3. Acceptance criteria\n* kept for 7 days\n* survives logout"}),
			want: []clfWant{{evidence.CatBacklogGrooming, "change.acceptance-criteria"}}},
		{name: "description rewritten on someone else's issue is grooming", issue: leesStory,
			act: clfChange(evidence.ChangeItem{Field: "description", FieldID: "description", FieldType: "jira",
				FromString: "Cart thing.", ToString: "Returning shoppers lose their cart after a day; keep it for a week."}),
			want: []clfWant{{evidence.CatBacklogGrooming, "change.description"}}},
		{name: "typo fix in someone else's description is not grooming", issue: leesForMe,
			act: clfChange(evidence.ChangeItem{Field: "description", FieldID: "description", FieldType: "jira",
				FromString: "Keep teh cart for a week.", ToString: "Keep the cart for a week."})},
		{name: "split into a new issue is grooming", issue: leesStory,
			act:  clfChange(linkItem("", "", "OPS-57", "This issue split to OPS-57")),
			want: []clfWant{{evidence.CatBacklogGrooming, "change.split"}}},
		{name: "labels on someone else's issue is grooming", issue: unassigned,
			act:  clfChange(sysItem("labels", "", "checkout mobile")),
			want: []clfWant{{evidence.CatBacklogGrooming, "change.labels"}}},
		{name: "labels on your own ticket is not grooming", act: clfChange(sysItem("labels", "", "tech-debt")), issue: mine},
		{name: "acceptance criteria written in a comment is grooming", issue: leesStory,
			act:  clfComment("Proposed acceptance criteria: the cart survives logout, items older than 7 days are dropped, and prices are refreshed on return."),
			want: []clfWant{{evidence.CatBacklogGrooming, "comment.acceptance-criteria"}}},
		{name: "setting the parent of an issue you just filed is filing it, not grooming", issue: justFiled,
			act: clfChange(sysItem("parent", "", "OPS-7"))},
		{name: "setting the parent of an issue you filed days ago is grooming", issue: filedEarlier,
			act:  clfChange(sysItem("parent", "", "OPS-7")),
			want: []clfWant{{evidence.CatBacklogGrooming, "change.parent"}}},
		{name: "an estimate given while filing is not grooming", issue: justFiled,
			act: clfChange(customItem("Story point estimate", "customfield_10016", "", "3"))},
		{name: "labels added while filing an issue for a teammate are not grooming", issue: justFiledForLee,
			act: clfChange(sysItem("labels", "", "checkout mobile"))},
		{name: "two grooming changes in one history give one item", issue: unassigned,
			act:  clfChange(customItem("Story Points", "customfield_10002", "", "3"), customItem("Epic Link", "customfield_10014", "", "OPS-7")),
			want: []clfWant{{evidence.CatBacklogGrooming, "change.estimate"}}},

		{name: "marking a duplicate with a link is grooming", issue: leesStory,
			act:     clfChange(linkItem("", "", "OPS-9", "This issue duplicates OPS-9")),
			want:    []clfWant{{evidence.CatBacklogGrooming, "change.duplicate-link"}},
			excerpt: "Linked: duplicates OPS-9"},
		{name: "closing as a dupe in a comment is grooming", issue: leesStory,
			act:  clfComment("Closing this as a dupe of PAY-44, the repro steps are the same."),
			want: []clfWant{{evidence.CatBacklogGrooming, "comment.duplicate"}}},
		{name: "splitting a story in a comment is grooming", issue: leesStory,
			act:  clfComment("Too big as it is, splitting it into a backend story and a UI story."),
			want: []clfWant{{evidence.CatBacklogGrooming, "comment.split"}}},
		{name: "a done-when section on a task for someone else is story-writing", issue: taskForLee,
			act:  clfCreated("h3. Problem\nSupport re-sends failed refunds by hand twice a week.\n\nh3. Done when\n* failed refunds retry on their own\n* support sees them on a dashboard"),
			want: []clfWant{{evidence.CatStoryWriting, "issue.story"}}},
		{name: "acceptance criteria added after a pasted stack trace are grooming", issue: leesStory,
			act: clfChange(evidence.ChangeItem{Field: "description", FieldID: "description", FieldType: "jira",
				FromString: "Fails:\n{code}\nat x.Y.z(Y.java:1)\n{code}", ToString: "Fails:\n{code}\nat x.Y.z(Y.java:1)\n{code}\n\nh3. Acceptance criteria\n* retries three times\n* alerts after that"}),
			want:    []clfWant{{evidence.CatBacklogGrooming, "change.acceptance-criteria"}},
			excerpt: "Description edited: Acceptance criteria: retries three times; alerts after that."},
		{name: "checking acceptance criteria is acceptance-testing not grooming", issue: leesStory,
			act:  clfComment("Checked against the acceptance criteria: 1 ok, 2 ok, 3 ok. Verified in staging, closing."),
			want: []clfWant{{evidence.CatAcceptanceTesting, "comment.acceptance"}}},
		{name: "a component tag appended to a summary is not grooming", issue: leesStory,
			act: clfChange(sysItem("summary", "Dark mode colours wrong on the receipt", "Dark mode colours wrong on the receipt (iOS app)"))},
		{name: "splitting a pull request is not grooming", act: clfComment("Split the PR into two commits so the review is easier."), issue: leesStory},
		{name: "a duplicate key error is not grooming", act: clfComment("Duplicate key error on insert again, looking into it."), issue: leesStory},

		// prioritization
		{name: "priority changed is prioritization", issue: leesStory,
			act:     clfChange(sysItem("priority", "Medium", "High")),
			want:    []clfWant{{evidence.CatPrioritization, "change.priority"}},
			excerpt: "Priority: Medium → High"},
		{name: "priority changed on old Server without field id is prioritization", issue: leesStory,
			act:  clfChange(evidence.ChangeItem{Field: "priority", FieldType: "jira", FromString: "Minor", ToString: "Critical"}),
			want: []clfWant{{evidence.CatPrioritization, "change.priority"}}},
		{name: "backlog ranked higher is prioritization", issue: unassigned,
			act:     clfChange(evidence.ChangeItem{Field: "Rank", FieldID: "customfield_10019", FieldType: "custom", ToString: "Ranked higher"}),
			want:    []clfWant{{evidence.CatPrioritization, "change.rank"}},
			excerpt: "Rank: Ranked higher"},
		{name: "a trade-off between two items with the goal that decides is prioritization", issue: leesStory,
			act: clfComment("this would land in the same sprint as the 3DS work and we can only do one. saved cards is the Q2 goal, " +
				"so moving this to the backlog - Nadia, happy to look at it in August"),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "room for one of two items is prioritization", issue: leesStory,
			act:  clfComment("Both land in sprint 14 and we can only do one: the export waits, the consent banner is a legal date."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "the goal that moves an item out is prioritization", issue: leesStory,
			act:  clfComment("Onboarding is the quarter's goal, so parking this one until the checklist ships."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "one of a kind is no trade-off", act: clfComment("We can only do one deploy a day on this cluster, the window is 30 minutes."), issue: leesStory},
		{name: "a goal named without a call is not prioritization", act: clfComment("Saved cards is the Q2 goal, the kickoff is on Monday."), issue: leesStory},
		{name: "asking which one to do is not prioritization", act: clfComment("Can we only do one of them this sprint?"), issue: leesStory},
		{name: "card dragged across the board is not prioritization", issue: leesStory,
			act: clfChange(sysItem("status", "To Do", "In Progress"), evidence.ChangeItem{Field: "Rank", FieldID: "customfield_10019", FieldType: "custom", ToString: "Ranked lower"})},
		{name: "reordering your own ticket is not prioritization", issue: mine,
			act: clfChange(evidence.ChangeItem{Field: "Rank", FieldID: "customfield_10019", FieldType: "custom", ToString: "Ranked higher"})},
		{name: "a priority set while filing your own chore is not prioritization", issue: justFiled,
			act: clfChange(sysItem("priority", "Medium", "Low"))},
		{name: "ranking an issue you just filed is not prioritization", issue: justFiled,
			act: clfChange(evidence.ChangeItem{Field: "Rank", FieldID: "customfield_10019", FieldType: "custom", ToString: "Ranked lower"})},
		{name: "prioritizing an issue a teammate just filed is prioritization", issue: leeJustFiled,
			act:  clfChange(sysItem("priority", "Medium", "High")),
			want: []clfWant{{evidence.CatPrioritization, "change.priority"}}},
		{name: "arguing an order in a comment is prioritization", issue: leesStory,
			act:  clfComment("Let's deprioritise the CSV export: checkout errors are more important than reporting this month."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "giving a priority a reason is prioritization", issue: plainBug,
			act:  clfComment("Making this P1 because every EU customer on mobile hits it."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "raising a priority with a reason is prioritization", issue: plainBug,
			act:  clfComment("Raised the priority because three enterprise customers hit this during renewal."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "asking whether to deprioritise is not prioritization", act: clfComment("Should we deprioritise this until after the launch?"), issue: leesStory},
		{name: "mentioning a priority is not prioritization", act: clfComment("This is marked P2 in the tracker as well."), issue: leesStory},

		{name: "changing priority with a reason is prioritization", issue: leesStory,
			act:  clfComment("Raising priority: two enterprise merchants reported it this week."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "bumping priority since customers escalated is prioritization", issue: leesStory,
			act:  clfComment("Bumping priority to High since three customers escalated this morning."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "terse prio up with a reason is prioritization", issue: leesStory,
			act:  clfComment("Prio up: this blocks the partner launch next week."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "non-native priority raise is prioritization", issue: leesStory,
			act:  clfComment("[~jsmith] I raise the priority because the audit is next week."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "deprio'd with a reason is prioritization", issue: leesStory,
			act:  clfComment("Deprio'd, nobody has asked for it in six months."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "P2 not P1 with a workaround is prioritization", issue: leesStory,
			act:  clfComment("P2, not P1: there's a workaround and it hits under 1% of requests."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "putting one item ahead of other work is prioritization", issue: leesStory,
			act:  clfComment("I'd put this ahead of the search work, checkout revenue depends on it."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "ranking one fix higher than another is prioritization", issue: leesStory,
			act:  clfComment("We should rank the refund fix higher than the dashboard."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "impact for effort is prioritization", issue: leesStory,
			act:  clfComment("Lower effort, higher impact than the redesign, so let's do it first."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "cost of delay is prioritization", issue: leesStory,
			act:  clfComment("Cost of delay is about two support hours a day, so this goes first."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "saying what can wait is prioritization", issue: leesStory,
			act:  clfComment("The reporting export can wait until next quarter."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "parking an item below other work is prioritization", issue: leesStory,
			act:  clfComment("Parking this below the compliance tickets until the audit is done."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "parking a discussion is not prioritization", act: clfComment("Parking this thread, will revisit after lunch."), issue: leesStory},
		{name: "raising the memory limit is not prioritization", act: clfComment("Raising the memory limit to 2Gi, the pod keeps getting OOMKilled."), issue: mine},
		{name: "a pod priority class is not prioritization", act: clfComment("Raised the priority class of the ingress pods so they are not evicted."), issue: leesStory},
		{name: "a thread priority is not prioritization", act: clfComment("Bumped the thread priority of the consumer to avoid starvation."), issue: leesStory},
		{name: "a priority change without a reason is the change's evidence, not the comment's", act: clfComment("Bumped the priority to P1."), issue: leesStory},
		{name: "mentioning a priority decides nothing", act: clfComment("This is high priority for the customer."), issue: leesStory},
		{name: "moving something up a pipeline is not prioritization", act: clfComment("Moved it up to the next step in the pipeline."), issue: leesStory},
		{name: "waiting for a lock is not prioritization", act: clfComment("It can wait for the lock to be released."), issue: leesStory},
		{name: "a technical either-or is not prioritization", act: clfComment("It's either this or a full rewrite of the parser."), issue: leesStory},
		{name: "naming the cost of delay without one is not prioritization", act: clfComment("Cost of delay is hard to estimate here."), issue: leesStory},
		{name: "saying work unblocks other work is neither prioritization nor unblocking", act: clfComment("This work unblocks everything else in the epic."), issue: leesStory},
		// A priority call said without the word "priority", with its reason.
		{name: "raising to a level with a reason is prioritization", issue: plainBug,
			act:  clfComment("Raising to High as this is an audit finding. We cannot go live with it open."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "bumping to P1 with who it hits is prioritization", issue: plainBug,
			act:  clfComment("bumping this to P1, every SSO sign-up since Monday hits it"),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "raising this with a reason is prioritization", issue: plainBug,
			act:  clfComment("raising this, it's every guest on Firefox with autofill. I'll take it this week"),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "lowering with a reason is prioritization", issue: leesStory,
			act:  clfComment("Lowering: only the admin preview is blurry, the exported PDF is fine. Billing bugs first."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}}},
		{name: "asking whether to raise is not prioritization", act: clfComment("Raising this to High? It only hits the admin page."), issue: plainBug},
		{name: "raising something with someone is not prioritization", act: clfComment("Raising this with the vendor on tomorrow's call."), issue: plainBug},
		{name: "upgrading to a major version is not prioritization", act: clfComment("Upgrading to major version 5 of the client, the old one is end of life."), issue: mine},
		{name: "raising to high availability is not prioritization", act: clfComment("Raising to high availability mode before the sale weekend."), issue: mine},
		{name: "a metric dropping to low is not prioritization", act: clfComment("The error rate dropped to low single digits after the fix."), issue: plainBug},
		{name: "a raise in a code change is not prioritization", act: clfComment("Raising this, PR #88 doubles the pool size for the import job."), issue: mine},
		{name: "raising a limit because of load is not prioritization", act: clfComment("Raising because the pool runs out at peak."), issue: mine},

		// sprint-planning
		{name: "added to a sprint is sprint-planning", issue: unassigned,
			act:     clfChange(customItem("Sprint", "customfield_10020", "", "OPS Sprint 14")),
			want:    []clfWant{{evidence.CatSprintPlanning, "change.sprint"}},
			excerpt: "Sprint: (none) → OPS Sprint 14"},
		{name: "sprint goal and capacity comment is sprint-planning", issue: leesStory,
			act:  clfComment("Sprint goal: cart persistence behind a flag. We are one person down, so capacity this sprint is 30 points."),
			want: []clfWant{{evidence.CatSprintPlanning, "comment.sprint"}}},
		{name: "carry-over comment is sprint-planning", issue: leesStory,
			act:  clfComment("This carries over to the next sprint; the API part is done."),
			want: []clfWant{{evidence.CatSprintPlanning, "comment.sprint"}}},
		{name: "moving work to the next sprint is sprint-planning", issue: leesStory,
			act:  clfComment("Moving this to the next sprint so the payment work can land first."),
			want: []clfWant{{evidence.CatSprintPlanning, "comment.sprint"}}},
		{name: "carrying work over to a named sprint is sprint-planning", issue: leesStory,
			act:  clfComment("Carrying this over to OPS Sprint 61, only the rollout is left."),
			want: []clfWant{{evidence.CatSprintPlanning, "comment.sprint"}}},
		{name: "rolling work over into the next sprint is sprint-planning", issue: leesStory,
			act:  clfComment("Rolling this over into the next sprint, QA could not finish in time."),
			want: []clfWant{{evidence.CatSprintPlanning, "comment.sprint"}}},
		{name: "spillover from a sprint is sprint-planning", issue: leesStory,
			act:  clfComment("Spillover from Sprint 12: the API part is done, the UI is left."),
			want: []clfWant{{evidence.CatSprintPlanning, "comment.sprint"}}},
		{name: "a team commitment is sprint-planning", issue: leesStory,
			act:  clfComment("We committed to 25 points this sprint, so this one waits."),
			want: []clfWant{{evidence.CatSprintPlanning, "comment.sprint"}}},
		{name: "moving out of an over-committed sprint is sprint-planning", issue: leesStory,
			act:  clfComment("Moving this out of OPS Sprint 46: we over-committed."),
			want: []clfWant{{evidence.CatSprintPlanning, "comment.sprint"}}},
		{name: "making room in an iteration is sprint-planning", issue: leesStory,
			act:  clfComment("[~lee] put it in Iteration 7, I've made room for it."),
			want: []clfWant{{evidence.CatSprintPlanning, "comment.sprint"}}},
		{name: "carried over twice and split is sprint-planning and grooming", issue: leesStory,
			act:  clfComment("This got carried over twice. Splitting it so the first half lands in the next sprint."),
			want: []clfWant{{evidence.CatBacklogGrooming, "comment.split"}, {evidence.CatSprintPlanning, "comment.sprint"}}},
		{name: "carried over automatically is not the user's planning", act: clfComment("Carried over automatically to OPS Sprint 14 when the sprint closed."), issue: leesStory},
		{name: "offering to take something next sprint is not sprint-planning", act: clfComment("I can take this next sprint if nobody else does."), issue: leesStory},
		{name: "adding to a sprint by mistake is not sprint-planning", act: clfComment("Added to the sprint by mistake, removed it again."), issue: leesStory},
		{name: "a note added to the sprint page is not sprint-planning", act: clfComment("Added a note to the sprint page about the outage."), issue: leesStory},
		{name: "the sprint retro is not sprint-planning", act: clfComment("Moving this topic to the sprint retro on Friday."), issue: leesStory},
		{name: "committing code is not a sprint commitment", act: clfComment("Committed the fix to main, the sprint demo can use it."), issue: leesStory},
		{name: "moving your own ticket into a sprint is your own work, not sprint-planning", issue: leesForMe,
			act: clfChange(customItem("Sprint", "customfield_10020", "", "OPS Sprint 14"))},
		{name: "carrying your own ticket over to the next sprint is not sprint-planning", issue: mine,
			act: clfChange(customItem("Sprint", "customfield_10020", "OPS Sprint 13", "OPS Sprint 13, OPS Sprint 14"))},
		{name: "moving a teammate's ticket into a sprint is sprint-planning", issue: forLee,
			act:  clfChange(customItem("Sprint", "customfield_10020", "", "OPS Sprint 14")),
			want: []clfWant{{evidence.CatSprintPlanning, "change.sprint"}}},
		{name: "a sprint set while filing is not sprint-planning", issue: justFiled,
			act: clfChange(customItem("Sprint", "customfield_10020", "", "OPS Sprint 14"))},
		{name: "a note that your own ticket slipped is its status, not sprint-planning", issue: leesForMe,
			act: clfComment("not going to make it this sprint, carrying over")},
		{name: "carrying your own ticket over in a comment is not sprint-planning", issue: mine,
			act: clfComment("Carrying this over to the next sprint, the API part is done.")},
		{name: "a teammate's ticket carried over by the user is sprint-planning", issue: leesStory,
			act:  clfComment("Not going to make it this sprint, carrying it over to the next one."),
			want: []clfWant{{evidence.CatSprintPlanning, "comment.sprint"}}},
		{name: "a sprint plan on your own planning ticket is sprint-planning", issue: planningTask,
			act:  clfComment("Sprint goal: saved carts behind a flag. We have 26 points of capacity this sprint, OPS-12 carries over."),
			want: []clfWant{{evidence.CatSprintPlanning, "comment.sprint"}}},
		{name: "disk capacity is not sprint-planning", act: clfComment("The database is at 80% disk capacity again."), issue: mine},

		// release-planning
		{name: "fix version set is release-planning", issue: leesStory,
			act:     clfChange(evidence.ChangeItem{Field: "Fix Version", FieldID: "fixVersions", FieldType: "jira", To: "10100", ToString: "2.4.0"}),
			want:    []clfWant{{evidence.CatReleasePlanning, "change.fix-version"}},
			excerpt: "Fix Version: (none) → 2.4.0"},
		{name: "a release moved shows the old and the new release, not a removal", issue: leesStory,
			act: clfChange(evidence.ChangeItem{Field: "Fix Version", FieldID: "fixVersions", FieldType: "jira", From: "10090", FromString: "4.13"},
				evidence.ChangeItem{Field: "Fix Version", FieldID: "fixVersions", FieldType: "jira", To: "10100", ToString: "4.14"}),
			want:    []clfWant{{evidence.CatReleasePlanning, "change.fix-version"}},
			excerpt: "Fix Version: 4.13 → 4.14"},
		{name: "a second release added shows both the releases added", issue: leesStory,
			act: clfChange(evidence.ChangeItem{Field: "Fix Version", FieldID: "fixVersions", FieldType: "jira", To: "10100", ToString: "4.14"},
				evidence.ChangeItem{Field: "Fix Version", FieldID: "fixVersions", FieldType: "jira", To: "10110", ToString: "4.14.1"}),
			want:    []clfWant{{evidence.CatReleasePlanning, "change.fix-version"}},
			excerpt: "Fix Version: (none) → 4.14, 4.14.1"},
		{name: "a component swapped shows the old and the new component", issue: leesStory,
			act: clfChange(evidence.ChangeItem{Field: "Component", FieldID: "components", FieldType: "jira", From: "10200", FromString: "Deposits"},
				evidence.ChangeItem{Field: "Component", FieldID: "components", FieldType: "jira", To: "10201", ToString: "Payments"}),
			want:    []clfWant{{evidence.CatBacklogGrooming, "change.labels"}},
			excerpt: "Component: Deposits → Payments"},
		{name: "a teammate's ticket moved to the next sprint shows both sprints", issue: forLee,
			act:     clfChange(customItem("Sprint", "customfield_10020", "OPS Sprint 13", ""), customItem("Sprint", "customfield_10020", "", "OPS Sprint 14")),
			want:    []clfWant{{evidence.CatSprintPlanning, "change.sprint"}},
			excerpt: "Sprint: OPS Sprint 13 → OPS Sprint 14"},
		{name: "a fix version and a component changed together are shown apart", issue: leesStory,
			act: clfChange(evidence.ChangeItem{Field: "Fix Version", FieldID: "fixVersions", FieldType: "jira", From: "10090", FromString: "4.13"},
				evidence.ChangeItem{Field: "Component", FieldID: "components", FieldType: "jira", To: "10201", ToString: "Payments"}),
			want:    []clfWant{{evidence.CatBacklogGrooming, "change.labels"}, {evidence.CatReleasePlanning, "change.fix-version"}},
			excerpt: "Component: (none) → Payments"},
		{name: "a fix version set while filing is not release-planning", issue: justFiled,
			act: clfChange(evidence.ChangeItem{Field: "Fix Version", FieldID: "fixVersions", FieldType: "jira", To: "10100", ToString: "2.4.0"})},
		{name: "target release and cut-off comment is release-planning", issue: leesStory,
			act:  clfComment("Target release is 2.4; the release cut-off is Thursday and I'll draft the release notes."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "go/no-go comment is release-planning", issue: leesStory,
			act:  clfComment("Go/no-go for the EU launch is at 10:00 tomorrow with support and legal."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "targeting a version is release-planning", issue: leesStory,
			act:  clfComment("Let's target 2.5 for this, 2.4 is already full."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "slipping to the next release is release-planning", issue: leesStory,
			act:  clfComment("Slipping to the next release, the translations are not ready."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "a no-go for a version is release-planning", issue: leesStory,
			act:  clfComment("No-go for v3.2 from my side until the data migration dry run passes."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "a staged rollout plan is release-planning", issue: leesStory,
			act:  clfComment("We roll it out to 5% of users first, then everyone after a week."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "a cut-off day is release-planning", issue: leesStory,
			act:  clfComment("Not needed for the current release, and the cut-off was yesterday anyway."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "targeting a toolchain version is not release-planning", act: clfComment("Targeting Java 17.0.2 for the build image."), issue: leesStory},
		{name: "declining to take work into a release is release-planning", issue: leesStory,
			act:  clfComment("Sorry [~lee], we cannot take this into 2.8 at this stage: the freeze was Monday. Suggest we take it in 2.9."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release-refusal"}}},
		{name: "declining to take a teammate's item into a release with its cost is release-planning", issue: leesStory,
			act: clfComment("Sorry [~msundaram], we cannot take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done; " +
				"adding a change means re-running the full FD suite (3 days). Suggest we take it in 4.14 on priority."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release-refusal"}}},
		{name: "a short refusal is left to the release rule", issue: leesStory,
			act:  clfComment("Can't take it into 2.8, sorry."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "a refusal on the user's own ticket is left to the release rule", issue: mine,
			act:  clfComment("We cannot take this into 4.13 at this stage: code freeze was on 1st and regression is already 60% done, so it moves to 4.14."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "not taking a library version into a build is not release-planning", issue: leesStory,
			act: clfComment("We cannot pull it into 3.4.1 of the SDK in PR #90: the build breaks on the new transitive dependency, so I will pin the old one for now.")},
		{name: "putting an item in a release train is release-planning", issue: leesStory,
			act:  clfComment("Putting it in the 5.2 train, it's a copy change and support wants it before the campaign."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "a no-go called for a night is release-planning", issue: leesStory,
			act:  clfComment("No-go for tonight. The migration dry run took 40 minutes and the window is 30; new date Thursday."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		// A staged rollout noted as it goes: its reach and the metric it is
		// held to (Kestrel's CHK-1411).
		{name: "a rollout's share of traffic with the metric watched is release-planning", issue: myTask,
			act:  clfComment("at 5% of web traffic since this morning. watching payment failures on the dashboard"),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.rollout-ramp"}}},
		{name: "a rollout's share with its metric against the control is release-planning", issue: myTask,
			act:  clfComment("25% now. payment failure rate 0.81% vs 0.79% control, within noise"),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.rollout-ramp"}}},
		{name: "another team's ramp with its guardrail against the holdout is release-planning", issue: leesStory,
			act:  clfComment("Ramped the new ranking to 50% of users on Monday. Search conversion 3.1% vs 3.0% in the holdout, no change so far."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.rollout-ramp"}}},
		{name: "a canary's share with the metrics watched is release-planning", issue: mine,
			act:  clfComment("Canary at 10% since 09:00, monitoring the error rate and p99 latency on the checkout dashboard before we go wider."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.rollout-ramp"}}},
		{name: "a rollout's share with no metric is not release-planning", issue: myTask,
			act: clfComment("at 25% of web traffic now, flag stays on over the weekend")},
		{name: "a rollout's share alone is not release-planning", issue: myTask, act: clfComment("at 25%")},
		{name: "asking about a rollout's share and its metric is not release-planning", issue: myTask,
			act: clfComment("are we at 5% of web traffic yet? is anyone watching payment failures on the dashboard?")},
		{name: "an experiment's readout against its control is not a rollout", issue: leesStory,
			act: clfComment("The carousel test has been at 50% of traffic for nine days. Add-to-cart is up 11% vs control, we extend the test one more week.")},
		{name: "a code review note on a rollout's share is not release-planning", issue: leesStory,
			act: clfComment("In PR #88 the flag check should cap at 5% of requests; the error rate vs baseline is logged in RolloutGate.java.")},
		{name: "a disk's share and a metric watched are not a rollout", issue: mine,
			act: clfComment("Disk at 85% now on the primary, watching latency on the database dashboard until the cleanup finishes.")},
		{name: "a no-go on a coding approach is not release-planning", act: clfComment("No-go on that approach, swizzling the app delegate will bite us later."), issue: leesStory},
		{name: "pulling in a library version is not release-planning", act: clfComment("Pulled in 2.3.1 of the client library to get the timeout fix."), issue: mine},
		{name: "taking a fix into an SDK version in a PR is not release-planning", act: clfComment("Took it into 3.4.1 with PR #90."), issue: mine},
		{name: "asking to take work into a release is not release-planning", act: clfComment("Can we take this into 2.8?"), issue: leesStory},
		{name: "an SLO target is not a target version", act: clfComment("Our SLO target is 99.95% for this quarter."), issue: leesStory},
		{name: "upgrading a library is not release-planning", act: clfComment("Upgraded the client to 3.2.1 and the error is gone."), issue: mine},
		{name: "a rollback is not release-planning", act: clfComment("Rolled back to 3.2.0, error rate dropping."), issue: mine},
		{name: "a version bump in a code change is not release-planning", act: clfComment("Bumped lodash to 4.17.21 in PR #12 for the release."), issue: mine},
		{name: "affects version is not release-planning", act: clfChange(evidence.ChangeItem{Field: "Version", FieldID: "versions", FieldType: "jira", ToString: "2.3.0"}), issue: leesStory},

		// stakeholder-communication
		{name: "update with next update time is stakeholder communication", issue: plainBug,
			act:     clfComment("Update: mitigation is live in eu-west; next update at 17:00."),
			want:    []clfWant{{evidence.CatStakeholderComms, "comment.status-update"}},
			excerpt: "Update: mitigation is live in eu-west; next update at 17:00."},
		{name: "FYI with an ETA and a risk is stakeholder communication", issue: leesStory,
			act:  clfComment("FYI [~accountid:557058:bbbb] the vendor moved their launch, our ETA is now 12 March and the legal review is the main risk."),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.status-update"}}},
		{name: "progress note on an epic is stakeholder communication", issue: leesEpic,
			act:  clfComment("Checkout redesign: 3 of 5 stories are done and the payment provider integration is the remaining piece for the pilot."),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.epic-progress"}}},
		// A heads-up to a named reader about what users see from a day
		// (Kestrel's CHK-1414, to the support lead).
		{name: "telling a named reader what customers can do from tomorrow is stakeholder communication", issue: leesForMe,
			act: clfComment("Rosa, from tomorrow every web customer can remove saved cards under Account > Payment methods. " +
				"Tickets asking to delete a card can point there. Mobile still needs the old process until Q1"),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.user-change-notice"}}},
		{name: "telling a mentioned reader what merchants can do from a date is stakeholder communication", issue: leesStory,
			act:  clfComment("[~accountid:557058:bbbb] merchants can download their payout report as CSV from 1 July, so finance can stop e-mailing it to them."),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.user-change-notice"}}},
		{name: "a change for users from a day on your own ticket with no reader is not stakeholder communication", issue: mine,
			act: clfComment("from tomorrow every web customer can remove saved cards under Account > Payment methods, flag is on.")},
		{name: "asking a named reader whether users can do it from tomorrow is not stakeholder communication", issue: leesForMe,
			act: clfComment("Rosa, from tomorrow can every web customer remove saved cards under Account > Payment methods?")},
		{name: "a sentence opened with a word, not a name, is not stakeholder communication", issue: mine,
			act: clfComment("Also, from tomorrow every web customer can remove saved cards under Account > Payment methods.")},
		{name: "a code review note on what users hit from tomorrow is not stakeholder communication", issue: leesStory,
			act: clfComment("Lee, from tomorrow users will hit the new endpoint, so the cache key in UserRepo.java needs the tenant id before you merge the PR.")},
		// A progress note on the user's own epic in plain words: where its
		// parts stand and what comes next.
		{name: "where the parts of your epic stand and what is next is stakeholder communication", issue: myEpic,
			act: clfComment("where we are: cart restore is done and going out in 5.2 next week. SDK v4 is waiting for PagTech to fix their sandbox, " +
				"I moved it to 5.3."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}, {evidence.CatStakeholderComms, "comment.epic-state"}}},
		{name: "what a release brings and what is left on your epic is stakeholder communication", issue: myEpic,
			act:  clfComment("5.3 has the SDK v4 and the Pix kill switch, it goes to store review 15/09. after that the only thing left is watching the numbers for a few weeks"),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.epic-state"}}},
		{name: "a contract signed and the first story next on your epic is stakeholder communication", issue: myEpic,
			act:  clfComment("provider contract signed, their sandbox is ready. first story is the eligibility check, Juliana starts after 5.4"),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.epic-state"}}},
		{name: "another writer's plain progress note on their epic is stakeholder communication", issue: myEpic,
			act:  clfComment("Invoices for the Dutch tenants are live since Monday, the Belgian ones are in testing. Next: Peppol receiving, planned for March."),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.epic-state"}}},
		{name: "asking on your epic whether a part is done is not stakeholder communication", issue: myEpic,
			act: clfComment("is the cart restore done already? does it go out in 5.2 or do we move it to 5.3?")},
		{name: "code talk on your epic is not stakeholder communication", issue: myEpic,
			act: clfComment("the PR for the SDK wrapper is done, merged to main and going out in 5.3 with the next build")},
		{name: "a one-liner on your epic is not stakeholder communication", issue: myEpic,
			act: clfComment("cart restore is done, going out in 5.2"), want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "your own ticket being done and going out is not stakeholder communication", issue: mine,
			act:  clfComment("the crash fix is done and going out in 5.2 next week, the rest of the list is waiting for the SDK"),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "a part done and going out on someone else's epic is not a progress note of yours", issue: leesEpic,
			act:  clfComment("my part of the cart restore is done and going out in 5.2 next week, the SDK bit is waiting for PagTech."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "a heads-up is stakeholder communication", issue: leesStory,
			act:  clfComment("Quick heads-up: the maintenance moves to Sunday night, expect a short slowdown."),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.status-update"}}},
		{name: "a heads-up to someone on Server is stakeholder communication", issue: leesStory,
			act:  clfComment("Heads up [~jsmith]: the maintenance window moves to Friday 22:00 UTC."),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.status-update"}}},
		{name: "for visibility is stakeholder communication", issue: leesStory,
			act:  clfComment("For visibility [~accountid:557058:bbbb]: the vendor contract slips a week."),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.status-update"}}},
		{name: "a heads-up about a force-push is not stakeholder communication", act: clfComment("Heads-up: I force-pushed the branch, please re-pull."), issue: leesStory},
		{name: "thanking for a heads-up is not stakeholder communication", act: clfComment("Thanks for the heads-up, will check tomorrow."), issue: leesStory},
		{name: "a note to the reviewer about code is not stakeholder communication", act: clfComment("[~accountid:557058:aaaa] updated the PR with your comments, ETA for merge is after CI."), issue: mine},
		{name: "asking for the ETA is not stakeholder communication", act: clfComment("Any news here? What is the ETA for this one?"), issue: leesStory},

		// unblocking
		{name: "moving someone else's issue out of Blocked is unblocking", issue: leesStory,
			act:     clfChange(sysItem("status", "Blocked", "In Progress")),
			want:    []clfWant{{evidence.CatUnblocking, "change.unblock-status"}},
			excerpt: "Status: Blocked → In Progress"},
		{name: "clearing the flag on someone else's issue is unblocking", issue: leesStory,
			act:  clfChange(evidence.ChangeItem{Field: "Flagged", FieldID: "customfield_10021", FieldType: "custom", From: "[10019]", FromString: "Impediment"}),
			want: []clfWant{{evidence.CatUnblocking, "change.unflag"}}},
		{name: "removing an is-blocked-by link is unblocking", issue: leesStory,
			act:  clfChange(linkItem("OPS-9", "This issue is blocked by OPS-9", "", "")),
			want: []clfWant{{evidence.CatUnblocking, "change.unlink-blocker"}}},
		{name: "asking a blocker's owner for a date is unblocking and, naming another team's issue, cross-team", issue: leesStory,
			act:  clfComment("Jonas, quick one: when will the ledger export endpoint be ready? PAY-3461 is blocked on it."),
			want: []clfWant{{evidence.CatUnblocking, "comment.chase-blocker"}, {evidence.CatCrossTeam, "comment.chase-other-team"}}},
		{name: "saying the blocker was chased is unblocking", issue: leesStory,
			act:  clfComment("Chased Jonas on PAY-3461: he expects the endpoint on 11 December, so this stays blocked until then. Aisha, FYI."),
			want: []clfWant{{evidence.CatUnblocking, "comment.chase-blocker"}, {evidence.CatCrossTeam, "comment.chase-other-team"}}},
		{name: "chasing a blocker of the same project is unblocking only", issue: leesStory,
			act:  clfComment("Chasing the blocker OPS-17: Mei says it lands on Thursday, this can start Friday."),
			want: []clfWant{{evidence.CatUnblocking, "comment.chase-blocker"}}},
		{name: "asking another team who takes the work is cross-team", issue: unassigned,
			act:  clfComment("Who on your team can take this, and when? OPS-1313 in our sprint needs it."),
			want: []clfWant{{evidence.CatCrossTeam, "comment.chase-other-team"}}},
		{name: "chasing what blocks your own work is not unblocking others", issue: leesStory,
			act: clfComment("When will the endpoint be ready? My story is blocked on it and I'm waiting."), want: nil},
		{name: "asking when your own ticket ships is not chasing a blocker", act: clfComment("When will this be deployed to staging? Waiting on it to test."), issue: mine},
		{name: "asking when a build is done is not chasing a blocker", act: clfComment("When will the build be done? The pipeline is blocked on the flaky test."), issue: leesStory},
		{name: "a question without a block is not chasing", act: clfComment("When will the new dashboard be ready for the demo?"), issue: leesStory},
		{name: "getting a teammate access is unblocking", issue: leesStory,
			act:  clfComment("Got you access to the payments sandbox, that should unblock you."),
			want: []clfWant{{evidence.CatUnblocking, "comment.unblock"}}},
		{name: "telling a teammate they are unblocked is unblocking", issue: leesStory,
			act:  clfComment("[~lee] you're unblocked, the firewall rule is in."),
			want: []clfWant{{evidence.CatUnblocking, "comment.unblock"}}},
		{name: "adding a teammate to a group is unblocking", issue: leesStory,
			act:  clfComment("Added [~lee] to the jira-admins group, try again."),
			want: []clfWant{{evidence.CatUnblocking, "comment.unblock"}}},
		{name: "access sorted is unblocking", issue: leesStory,
			act:  clfComment("[~accountid:557058:aaaa] access is sorted, you're in the vault-admins group now."),
			want: []clfWant{{evidence.CatUnblocking, "comment.unblock"}}},
		{name: "getting an answer from another person is unblocking", issue: leesStory,
			act:  clfComment("I got confirmation from legal: we can store the email. You can proceed."),
			want: []clfWant{{evidence.CatUnblocking, "comment.unblock"}}},
		{name: "checking with another group is unblocking", issue: leesStory,
			act:  clfComment("Checked with security, they're ok with the token lifetime. Carry on."),
			want: []clfWant{{evidence.CatUnblocking, "comment.unblock"}}},
		{name: "telling a teammate not to wait is unblocking", issue: leesStory,
			act:  clfComment("[~lee] don't wait for the design review, reuse the pattern from OPS-12."),
			want: []clfWant{{evidence.CatUnblocking, "comment.unblock"}}},
		{name: "the note written when removing a flag is unblocking", issue: leesStory,
			act:     clfComment("(flagoff) Flag removed\n\nVendor sent the new API keys, back to you."),
			want:    []clfWant{{evidence.CatUnblocking, "comment.unflag-note"}},
			excerpt: "Flag removed: Vendor sent the new API keys, back to you."},
		{name: "unblocked after another team merged is unblocking", issue: leesStory,
			act:  clfComment("Unblocked: Payments merged the change in PAY-10, you can continue."),
			want: []clfWant{{evidence.CatUnblocking, "comment.unblock"}}},
		{name: "merged the change alone is not unblocking", act: clfComment("Merged the change."), issue: leesStory},
		{name: "unblocking yourself is not unblocking", act: clfComment("Unblocked myself by mocking the payment API."), issue: leesStory},
		{name: "a flag removed without a note is not a second item", act: clfComment("(flagoff) Flag removed"), issue: leesStory},
		{name: "a flag added is not unblocking", act: clfComment("(flag) Flag added\n\nBlocked until the vendor sends the keys; once they do you can continue."), issue: leesStory},
		{name: "the flag note on your own ticket is not unblocking", act: clfComment("(flagoff) Flag removed\n\nVendor sent the new API keys."), issue: mine},
		{name: "being not yet unblocked is not unblocking", act: clfComment("[~lee] you're still not unblocked, legal has not answered."), issue: leesStory},
		{name: "refusing to skip a step is not unblocking", act: clfComment("[~lee] it's not ok to skip the canary for this one."), issue: leesStory},
		{name: "a change that won't unblock anyone is not unblocking", act: clfComment("The new role won't unblock you, it lacks write access."), issue: leesStory},
		{name: "checking numbers with a teammate is not unblocking", act: clfComment("Checked with [~lee], the numbers look fine to me too."), issue: leesStory},
		{name: "asking to be unblocked is not unblocking", act: clfComment("Can you unblock me on the access request?"), issue: leesStory},
		{name: "moving your own ticket out of Blocked is not unblocking", act: clfChange(sysItem("status", "Blocked", "In Progress")), issue: mine},
		{name: "clearing the flag on your own ticket is not unblocking", issue: leesForMe,
			act: clfChange(evidence.ChangeItem{Field: "Flagged", FieldID: "customfield_10021", FieldType: "custom", From: "[10019]", FromString: "Impediment"})},
		{name: "closing a blocked issue is not unblocking", issue: forLee,
			act:  clfChange(sysItem("status", "Blocked", "Done")),
			want: []clfWant{{evidence.CatAcceptanceTesting, "change.accept"}}},
		{name: "a workflow migration that also closes the issue is administration, not acceptance", issue: forLee,
			act: clfChange(evidence.ChangeItem{Field: "Workflow", FieldType: "jira", FromString: "Classic workflow", ToString: "Software workflow"},
				sysItem("status", "Blocked", "Done"))},

		// cross-team-coordination
		{name: "link to another project is cross-team", issue: leesStory,
			act:  clfChange(linkItem("", "", "PAY-7", "This issue relates to PAY-7")),
			want: []clfWant{{evidence.CatCrossTeam, "change.cross-project-link"}}},
		{name: "link within one project is not cross-team", act: clfChange(linkItem("", "", "OPS-9", "This issue relates to OPS-9")), issue: leesStory},
		{name: "hand-off to another team is cross-team", issue: leesStory,
			act:  clfComment("Handing this off to the payments team; [~accountid:557058:cccc] can you pick it up this week?"),
			want: []clfWant{{evidence.CatCrossTeam, "comment.handoff"}}},
		{name: "dependency on another team is cross-team", issue: leesStory,
			act:  clfComment("We have a dependency on the platform team for the new queue, I've booked time with them on Tuesday."),
			want: []clfWant{{evidence.CatCrossTeam, "comment.handoff"}}},
		{name: "raising an issue in another project is cross-team", issue: leesStory,
			act:  clfComment("Raised PAY-77 for the refund API change we need here."),
			want: []clfWant{{evidence.CatCrossTeam, "comment.cross-project-dependency"}}},
		{name: "splitting ownership with another team is cross-team", issue: leesStory,
			act:  clfComment("They handle the mobile client, we do the API; I'll keep both boards in sync."),
			want: []clfWant{{evidence.CatCrossTeam, "comment.cross-team"}}},
		{name: "checking a date against another team's release is cross-team", issue: leesStory,
			act:  clfComment("[~lee] does Sunday work for your release, or should we move the cut-over?"),
			want: []clfWant{{evidence.CatCrossTeam, "comment.cross-team"}}},
		{name: "a vendor agreeing to a way of working arranged with them is cross-team", issue: myTask,
			act:  clfComment("Shared with [~lee], vendor has agreed to follow from the next drop."),
			want: []clfWant{{evidence.CatCrossTeam, "comment.cross-team"}}},
		{name: "another team agreeing to own a part is cross-team", issue: leesStory,
			act:  clfComment("The data team agreed to own the nightly export, we only read the files."),
			want: []clfWant{{evidence.CatCrossTeam, "comment.cross-team"}}},
		{name: "asking whether a vendor has agreed is not cross-team", issue: myTask,
			act: clfComment("Has the vendor agreed to follow the checklist from the next drop?")},
		{name: "another team granting the reader a favour is not cross-team", issue: leesStory,
			act: clfComment("The speaker team agreed to give you Thursday afternoon in the chamber.")},
		{name: "a team agreeing on a code change is not cross-team", issue: leesStory,
			act: clfComment("The platform team agreed to review the PR before we merge and deploy.")},
		{name: "asking another team to take work on is cross-team", issue: leesStory,
			act:  clfComment("Could your team take this on? We need it before the launch."),
			want: []clfWant{{evidence.CatCrossTeam, "comment.handoff"}}},
		{name: "handing over to a team named by name with its project's issue is cross-team", issue: leesStory,
			act:  clfComment("Handed over to Data Platform for the ingestion side, see DATA-31."),
			want: []clfWant{{evidence.CatCrossTeam, "comment.handoff"}}},
		{name: "a hand-over asked of someone on the other team's side is cross-team", issue: leesStory,
			act:  clfComment("[~lee] could someone on your side check the schema before we hand it over?"),
			want: []clfWant{{evidence.CatCrossTeam, "comment.handoff"}}},
		{name: "pointing another team to the user's issue that tracks the work is cross-team", issue: leesStory,
			act:  clfComment("Checkout still calls v1 for refunds in two places. We've planned the move for early November, should be off v1 by Nov 14. PAY-1419 tracks it"),
			want: []clfWant{{evidence.CatCrossTeam, "comment.cross-project-dependency"}}},
		{name: "a dashboard that tracks a metric is not cross-team", issue: leesStory,
			act: clfComment("Refund errors are up 2% since Monday; the Grafana dashboard tracks it hourly.")},
		{name: "another project's issue that tracks a metric is not cross-team", issue: leesStory,
			act: clfComment("PAY-88 tracks latency for the refund endpoint, it has been flat all week.")},
		{name: "an issue of the same project that tracks it is not cross-team", issue: leesStory,
			act: clfComment("The cart is still lost on logout in two places. OPS-12 tracks it")},
		{name: "coordinating with a person is not cross-team", act: clfComment("Coordinating with Anna on the test data for the cart."), issue: leesStory},
		{name: "handing over within the project is not cross-team", act: clfComment("Handing this over to Lee for the night shift, see OPS-12."), issue: leesStory},
		{name: "taking work off a teammate's plate is not cross-team", act: clfComment("I'll take this off your plate, no worries."), issue: leesStory},
		{name: "hand-off within your own team is not cross-team", act: clfComment("Handing this over to our team's on-call for the night."), issue: leesStory},
		{name: "noting a dependency on another project's issue is not cross-team", act: clfComment("This depends on PAY-12 being deployed first."), issue: leesStory},
		{name: "raising an issue in the same project is not cross-team", act: clfComment("Raised OPS-77 for the follow-up cleanup."), issue: leesStory},
		{name: "a success metric that names the leads it must be agreed with is no hand-off", issue: leesStory,
			act: clfComment("Success metrics for this one, so we all read them the same way: 8 of 8 tier-1 services with SLOs in code; error-budget policy agreed with the three team leads.")},
		{name: "agreeing the metric with the other team is still cross-team", issue: leesStory,
			act:  clfComment("We agreed with the payments team that they own the refund SLO; the dashboards stay with us."),
			want: []clfWant{{evidence.CatCrossTeam, "comment.handoff"}, {evidence.CatDecisionMaking, "comment.decision"}}},

		// decision-making
		{name: "decision line is decision-making", issue: leesStory,
			act:     clfComment("*Decision:* we go with option B (server-side cart) because it survives device changes."),
			want:    []clfWant{{evidence.CatDecisionMaking, "comment.decision-marked"}},
			excerpt: "Decision: we go with option B (server-side cart) because it survives device changes."},
		{name: "a decision line asking for one decides nothing", issue: leesStory,
			act:  clfComment("Decision: needed from product on whether we keep the old endpoint?"),
			want: nil},
		{name: "a decision line about someone else's call is not the user's", issue: leesStory,
			act:  clfComment("Decision: per Lena, we keep the old endpoint until 3.10 and remove it after."),
			want: nil},
		{name: "agreeing scope is decision-making", issue: leesStory,
			act:  clfComment("After the call with legal we agreed to keep CSV export out of scope for v1."),
			want: []clfWant{{evidence.CatDecisionMaking, "comment.decision"}}},
		{name: "reason written with a Won't Do is decision-making", issue: wontDo,
			act:  clfComment("Not pursuing this: the partner API is being retired next quarter."),
			want: []clfWant{{evidence.CatDecisionMaking, "comment.wont-do-reason"}}},
		{name: "Won't Do with a reason field is decision-making", issue: leesStory,
			act:     clfChange(sysItem("resolution", "", "Won't Do"), customItem("Resolution reason", "customfield_10300", "", "Partner API retired")),
			want:    []clfWant{{evidence.CatDecisionMaking, "change.wont-do"}},
			excerpt: "Resolution: (none) → Won't Do — Partner API retired"},
		{name: "a comment long after a Won't Do is not its reason", issue: wontDo,
			act: evidence.Activity{IssueID: "10042", Source: evidence.SourceComment, SourceID: "30002", Author: clfMe, At: clfAt.Add(48 * time.Hour), Text: "Still seeing interest in this from the partner team."}},
		{name: "Won't Do without a reason is not evidence", act: clfChange(sysItem("resolution", "", "Won't Do"), sysItem("status", "To Do", "Closed")), issue: leesStory},
		{name: "a recorded decision is decision-making", issue: leesStory,
			act:  clfComment("Decision recorded: alerts without a runbook don't page, they open a ticket."),
			want: []clfWant{{evidence.CatDecisionMaking, "comment.decision"}}},
		{name: "settling on an option is decision-making", issue: leesStory,
			act:  clfComment("We settled on weekly billing after the call with finance."),
			want: []clfWant{{evidence.CatDecisionMaking, "comment.decision"}}},
		{name: "going with one option over another after talking is decision-making", issue: leesStory,
			act:  clfComment("After talking it through with [~lee]: going with Stripe, not Adyen. Same fees, better docs."),
			want: []clfWant{{evidence.CatDecisionMaking, "comment.decision"}}},
		{name: "a no-go called for a release with its reason is decision-making", issue: mine,
			act: clfComment("Go/No-Go for 4.12: NO-GO, two sev-2 open (CORE-2181, CORE-2182), we will re-assess on Thursday. [~akulkarni] [~hkaur] FYI, deployment on 16th is cancelled, change ticket will be rescheduled."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}, {evidence.CatStakeholderComms, "comment.status-update"},
				{evidence.CatDecisionMaking, "comment.no-go"}}},
		{name: "a no-go called on re-assessment quotes the call and its reason", issue: mine,
			act:     clfComment("Go/No-Go for 4.12 (re-assessment): NO-GO. CORE-2181 is fixed but CORE-2182 reopened in regression, re-run 96.3% pass."),
			want:    []clfWant{{evidence.CatReleasePlanning, "comment.release"}, {evidence.CatDecisionMaking, "comment.no-go"}},
			excerpt: "Go/No-Go for 4.12 (re-assessment): NO-GO. CORE-2181 is fixed but CORE-2182 reopened in regression, re-run 96.3% pass."},
		{name: "a go called is release-planning, not a decision", issue: mine,
			act:  clfComment("Go/No-Go for 4.13: GO with one known issue (sev-3, CORE-2244 statement PDF alignment, workaround shared with branches). Deployment on 22nd."),
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "we're a go for a deployment is not a decision", act: clfComment("We're a go for the Saturday deployment: all sev-1 are closed and the rollback plan is signed off."), issue: leesStory},
		{name: "a no-go called with its reason after a colon is decision-making", issue: leesStory,
			act:  clfComment("NO-GO: the vendor drop came without a rollback script, we re-assess on Monday."),
			want: []clfWant{{evidence.CatDecisionMaking, "comment.no-go"}}},
		{name: "asking whether we are a no-go is not decision-making", act: clfComment("Are we a no-go for Friday's release? Two sev-2 are still open on my list."), issue: leesStory},
		{name: "asking for the go/no-go call is not decision-making", act: clfComment("Go/No-Go for 4.12: GO or NO-GO? Two sev-2 are still open on my list."), issue: leesStory},
		{name: "someone else's no-go reported is not decision-making", act: clfComment("CAB said no-go for the Friday release, two changes clash in the window."), issue: leesStory},
		{name: "a no-go passed on from CAB is not decision-making", act: clfComment("No-go for the 4.12 release from CAB: the change window clashes with the bank holiday."), issue: leesStory,
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "a no-go passed on from a mention is not decision-making", act: clfComment("Go/No-Go for 4.12: NO-GO per [~hkaur], regression pass rate is 91.3% and a sev-1 is open."), issue: leesStory,
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "a go/no-go checklist is not decision-making", act: clfComment("Checklist for the go/no-go call: defects by severity, test execution %, sign-offs, rollback plan, vendor readiness."), issue: mine,
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "a go/no-go template line is not decision-making", act: clfComment("Go/No-Go: GO / NO-GO (delete one), reason, deployment window, approver, change ticket."), issue: mine,
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "a go/no-go scheduled is not decision-making", act: clfComment("UAT signed off by business today. Go/No-Go for 4.13 scheduled for 20th 4 PM with business and ops."), issue: mine,
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "a no-go without its reason is not decision-making", act: clfComment("Go/No-Go for 4.12: NO-GO, sorry."), issue: leesStory,
			want: []clfWant{{evidence.CatReleasePlanning, "comment.release"}}},
		{name: "a code choice in a PR is not decision-making", act: clfComment("Went with a HashMap instead of a list for the lookup, see PR #44."), issue: leesStory},
		{name: "a hedge is not decision-making", act: clfComment("Going with the defaults for now, maybe not later."), issue: leesStory},
		{name: "someone else going with an option is not decision-making", act: clfComment("They decided to go with Adyen, not Stripe."), issue: leesStory},
		{name: "out of scope for a PR is not decision-making", act: clfComment("Renaming the package is out of scope for this PR."), issue: leesStory},
		{name: "asking about scope is not decision-making", act: clfComment("Is the CSV export out of scope for v1?"), issue: leesStory},
		{name: "reporting someone else's decision is not decision-making", act: clfComment("FWIW product decided to descope the export last week."), issue: leesStory},
		{name: "a bare out of scope is too thin to be decision-making", act: clfComment("Out of scope."), issue: leesStory},
		{name: "keeping a part out of v1 is decision-making", issue: leesStory,
			act:  clfComment("The vault can't tokenize Amex until their processor migration lands, so Amex stays out of v1."),
			want: []clfWant{{evidence.CatDecisionMaking, "comment.decision"}}},
		{name: "keeping a part out of a release is decision-making", issue: leesStory,
			act:  clfComment("Offline mode we are keeping out of 5.4. The pilot schools start online, so there's no rush."),
			want: []clfWant{{evidence.CatDecisionMaking, "comment.decision"}}},
		{name: "asking whether a part is out of v1 is not decision-making", act: clfComment("Is Amex out of v1 then?"), issue: leesStory},
		{name: "passing on that a part stays out of v1 is not decision-making", act: clfComment("Per Priya, Amex stays out of v1."), issue: leesStory},
		{name: "leaving something out of a release's screenshots is not decision-making", act: clfComment("Told the store team to leave it out of the 8.2 screenshots."), issue: leesStory},
		{name: "keeping a flag out of a build in a PR is not decision-making", act: clfComment("Kept the debug flag out of 2.3.1, see PR #14."), issue: mine},

		// epic-ownership
		{name: "creating an epic is epic-ownership", issue: myEpic,
			act:  clfCreated("Checkout redesign"),
			want: []clfWant{{evidence.CatEpicOwnership, "issue.epic"}}},
		{name: "moving an epic through its lifecycle is epic-ownership", issue: myEpic,
			act:  clfChange(sysItem("status", "To Do", "In Progress")),
			want: []clfWant{{evidence.CatEpicOwnership, "change.epic-status"}}},
		{name: "adding a child to your epic is epic-ownership", issue: myEpic,
			act:  clfChange(customItem("Epic Child", "customfield_10018", "", "OPS-57")),
			want: []clfWant{{evidence.CatEpicOwnership, "change.epic-child"}}},
		{name: "writing an epic's success metrics is epic-ownership", issue: leesEpic,
			act:  clfComment("Success metrics: checkout conversion up 3% and p95 latency under 800ms."),
			want: []clfWant{{evidence.CatEpicOwnership, "comment.epic-goals"}}},
		{name: "adding goals to an epic description is epic-ownership", issue: myEpic,
			act: clfChange(evidence.ChangeItem{Field: "description", FieldID: "description", FieldType: "jira",
				FromString: "Redesign checkout.", ToString: "Redesign checkout.\n\nh3. Goals\nCut checkout time in half for returning shoppers."}),
			want: []clfWant{{evidence.CatEpicOwnership, "change.epic-goals"}}},
		{name: "reporting an epic's goal met is epic-ownership", issue: myEpic,
			act:  clfComment("Goal met: checkout time is down 40% for returning shoppers."),
			want: []clfWant{{evidence.CatEpicOwnership, "comment.epic-goals"}}},
		{name: "writing an epic's outcome is epic-ownership", issue: myEpic,
			act:  clfComment("Outcome: refund tickets down from 140 a week to 35 since the self-serve flow shipped."),
			want: []clfWant{{evidence.CatEpicOwnership, "comment.epic-outcome"}}},
		{name: "closing an epic with what shipped is epic-ownership", issue: leesEpic,
			act:  clfComment("All five clusters are on 1.30 with no downtime, closing the epic."),
			want: []clfWant{{evidence.CatEpicOwnership, "comment.epic-outcome"}}},
		// A measured result on the user's own epic: its owner's last step,
		// and, told to the people who waited on it, stakeholder communication.
		{name: "a measured result thanked to everyone on your epic is epic-ownership and stakeholder communication", issue: myEpic,
			act: clfComment("checkout crash-free sessions at 99.6% in the last 30 days (was 97.9% when we started in June). Play Store rating is back to 4.4, " +
				"App Store 4.6. 1-star reviews mentioning crash went from ~40/week to 6. obrigada todo mundo 🙏"),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.epic-result-update"}, {evidence.CatEpicOwnership, "comment.epic-result"}}},
		{name: "a measured result for the readers of your epic is epic-ownership and stakeholder communication", issue: myEpic,
			act:  clfComment("For the support leads: refund tickets dropped from 140 a week to 35 since the self-serve flow shipped."),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.epic-result-update"}, {evidence.CatEpicOwnership, "comment.epic-result"}}},
		{name: "a measured result noted on your epic for the record is epic-ownership", issue: myEpic,
			act:  clfComment("no-show rate across the pilot clinics went from 11.2% to 7.9% over 8 weeks, under the target."),
			want: []clfWant{{evidence.CatEpicOwnership, "comment.epic-result"}}},
		{name: "a release moved on your epic is no measured result", issue: myEpic,
			act: clfComment("Thanks everyone, controlled access moves from 3.4 to 3.5 because legal needs more time.")},
		{name: "a target on your epic is no measured result", issue: myEpic,
			act: clfComment("How we'll know: day-7 retention for users who skip onboarding goes from 31% to 36%.")},
		{name: "a measured result on your own ticket is not an epic's", issue: mine,
			act: clfComment("p95 latency went from 800 to 310 after the index, thanks everyone for the reviews")},
		{name: "a measured result of code on your epic is not an epic's result", issue: myEpic,
			act: clfComment("the build went from 9 to 5 minutes with the config cache, PR #2230 is merged")},
		{name: "a test run's results on a story are not an epic's outcome", issue: leesStory,
			act:  clfComment("Results: 212 passed, 3 skipped on the nightly run."),
			want: nil},
		{name: "taking stories out of an epic is epic-ownership", issue: myEpic,
			act:  clfComment("Pulled the two reporting stories out of this epic, they don't move the goal."),
			want: []clfWant{{evidence.CatEpicOwnership, "comment.epic-scope"}}},
		{name: "re-ordering an epic's children is epic-ownership and prioritization", issue: myEpic,
			act:  clfComment("Re-ordered the children: the API work first, the reports last."),
			want: []clfWant{{evidence.CatPrioritization, "comment.prioritization"}, {evidence.CatEpicOwnership, "comment.epic-scope"}}},
		{name: "taking items out of an epic in a story comment is not epic-ownership", act: clfComment("Pulled the two reporting stories out of this epic, they don't move the goal."), issue: leesStory},
		{name: "adding a child to someone else's epic is not epic-ownership", act: clfChange(customItem("Epic Child", "customfield_10018", "", "OPS-57")), issue: leesEpic},

		// acceptance-testing
		{name: "closing a story you wrote after Lee built it is acceptance-testing", issue: forLee,
			act:     clfChange(sysItem("status", "In Review", "Done"), sysItem("resolution", "", "Done")),
			want:    []clfWant{{evidence.CatAcceptanceTesting, "change.accept"}},
			excerpt: "Status: In Review → Done"},
		{name: "resolving an incident is the end of the response, not acceptance-testing", issue: incident,
			act: clfChange(sysItem("status", "In Progress", "Resolved"), sysItem("resolution", "", "Fixed"))},
		{name: "resolving a sev1 filed as a Defect is not acceptance-testing", issue: prodDefect,
			act: clfChange(sysItem("status", "In Progress", "Resolved"), sysItem("resolution", "", "Fixed"))},
		{name: "closing an ordinary bug someone fixed is acceptance-testing", issue: plainBug,
			act:  clfChange(sysItem("status", "In Review", "Closed"), sysItem("resolution", "", "Fixed")),
			want: []clfWant{{evidence.CatAcceptanceTesting, "change.accept"}}},
		{name: "verified in staging on someone else's issue is acceptance-testing", issue: leesStory,
			act:  clfComment("Verified in staging with a returning-shopper account, meets AC."),
			want: []clfWant{{evidence.CatAcceptanceTesting, "comment.acceptance"}}},
		{name: "UAT passed is acceptance-testing", issue: forLee,
			act:  clfComment("UAT passed with two finance users this morning."),
			want: []clfWant{{evidence.CatAcceptanceTesting, "comment.acceptance"}}},
		{name: "reopening delivered work with a reason is acceptance-testing", issue: forLee,
			act:  clfChange(sysItem("status", "Done", "Reopened"), customItem("Reopen reason", "customfield_10301", "", "Totals still exclude refunds")),
			want: []clfWant{{evidence.CatAcceptanceTesting, "change.reopen"}}},
		{name: "reopening without a reason is not evidence", act: clfChange(sysItem("status", "Done", "Reopened")), issue: forLee},
		{name: "closing someone else's epic is epic-ownership not acceptance-testing", issue: leesEpic,
			act:  clfChange(sysItem("status", "In Progress", "Done")),
			want: []clfWant{{evidence.CatEpicOwnership, "change.epic-status"}}},
		{name: "walking through the acceptance criteria is acceptance-testing", issue: leesStory,
			act:  clfComment("Went through the test cases with QA on staging, all green."),
			want: []clfWant{{evidence.CatAcceptanceTesting, "comment.acceptance"}}},
		{name: "all criteria passing is acceptance-testing", issue: leesStory,
			act:  clfComment("All four acceptance criteria pass on preprod, closing."),
			want: []clfWant{{evidence.CatAcceptanceTesting, "comment.acceptance"}}},
		{name: "reopening with the failed criterion is acceptance-testing", issue: forLee,
			act:  clfComment("Reopened because AC 3 fails on Safari."),
			want: []clfWant{{evidence.CatAcceptanceTesting, "comment.acceptance"}}},
		{name: "reopening with a reason is acceptance-testing", issue: forLee,
			act:  clfComment("Reopening: totals still exclude refunds on the CSV."),
			want: []clfWant{{evidence.CatAcceptanceTesting, "comment.acceptance"}}},
		{name: "sending a story back from review with what fails is acceptance-testing", issue: forLee,
			act:  clfComment("moving back, the coupon disappears if you change delivery slot after applying it. steps in the video"),
			want: []clfWant{{evidence.CatAcceptanceTesting, "comment.acceptance"}}},
		{name: "sending it back to dev with a reason is acceptance-testing", issue: forLee,
			act:  clfComment("Sending it back to dev: the export still drops refunds on the CSV."),
			want: []clfWant{{evidence.CatAcceptanceTesting, "comment.acceptance"}}},
		{name: "moving an unblocked story back to To Do is not acceptance-testing", issue: forLee,
			act: clfComment("Moved it back to To Do, the bank confirmed the API. it's yours again.")},
		{name: "moving back to an old library is not acceptance-testing", issue: leesStory,
			act: clfComment("moving back to the old SDK, the new one leaks memory on Android 9.")},
		{name: "sending your own story back is not acceptance-testing", issue: mine,
			act: clfComment("moving back, the coupon disappears if you change delivery slot after applying it.")},
		{name: "reopening a pull request is not acceptance-testing", act: clfComment("Reopening the PR after the rebase."), issue: leesStory},
		{name: "failing to reproduce is not acceptance-testing", act: clfComment("Tried it on staging, can't reproduce."), issue: leesStory},
		{name: "verifying your own fix on someone else's issue is not acceptance-testing", act: clfComment("Verified on staging, my fix works."), issue: leesStory},
		{name: "reopening for a flaky test is not acceptance-testing", act: clfComment("Reopening because the test is flaky again."), issue: leesStory},
		{name: "reopening your own ticket is not acceptance-testing", act: clfComment("Reopening: the export still drops refunds."), issue: mine},
		{name: "verified in staging on your own ticket is not acceptance-testing", act: clfComment("Verified in staging, looks good."), issue: mine},
		{name: "closing a duplicate is grooming not acceptance-testing", issue: forLee,
			act:  clfChange(sysItem("status", "To Do", "Done"), sysItem("resolution", "", "Duplicate")),
			want: []clfWant{{evidence.CatBacklogGrooming, "change.duplicate"}}},

		// incident-coordination
		{name: "incident status with impact and next update is incident-coordination", issue: incident,
			act: clfComment("Status: EU checkout degraded. Customer impact: about 8% of card payments fail. Next update 16:30 UTC."),
			// An incident's status update is incident coordination, not a
			// second claim of stakeholder communication (subsume).
			want: []clfWant{{evidence.CatIncidentCoord, "comment.incident"}}},
		{name: "outage mitigation note is incident-coordination", issue: plainBug,
			act:  clfComment("The outage is contained: mitigation is failing over to eu-central while the provider investigates."),
			want: []clfWant{{evidence.CatIncidentCoord, "comment.incident"}}},
		{name: "creating a postmortem is incident-coordination", issue: postmortemTask,
			act:  clfCreated("Timeline, impact and follow-ups for the checkout outage."),
			want: []clfWant{{evidence.CatIncidentCoord, "issue.postmortem"}}},
		{name: "creating an incident follow-up action is incident-coordination", issue: taskForLee,
			act:  clfCreated("Alert on payment queue depth. Follow-up from INC-42."),
			want: []clfWant{{evidence.CatIncidentCoord, "issue.postmortem"}}},
		{name: "a CAPA task filed from an RCA's key is incident-coordination", issue: taskForLee,
			act:  clfCreated("CAPA from CORE-2213."),
			want: []clfWant{{evidence.CatIncidentCoord, "issue.postmortem"}}},
		{name: "a follow-up filed from a day's failures is incident-coordination", issue: taskForLee,
			act:  clfCreated("Follow-up from the 12 Aug failures."),
			want: []clfWant{{evidence.CatIncidentCoord, "issue.postmortem"}}},
		{name: "an action item from the RCA is incident-coordination", issue: taskForLee,
			act:  clfCreated("Action item from the RCA: page on-call when the NEFT batch fails."),
			want: []clfWant{{evidence.CatIncidentCoord, "issue.postmortem"}}},
		{name: "a corrective action from a named outage is incident-coordination", issue: taskForLee,
			act:  clfCreated("Corrective action from the checkout outage on 3 March: alert on tablespace usage."),
			want: []clfWant{{evidence.CatIncidentCoord, "issue.postmortem"}}},
		{name: "a follow-up question from the outage call is no follow-up action", issue: taskForLee,
			act: clfCreated("Follow-up question from the outage call: who owns the runbook?")},
		{name: "a follow-up of a story is no incident follow-up", issue: taskForLee,
			act: clfCreated("Follow-up from PAY-12: the tooltip text is still missing.")},
		{name: "a follow-up on flaky test failures is no incident follow-up", issue: taskForLee,
			act: clfCreated("Follow-up for test failures in CI: quarantine the flaky cart tests.")},
		{name: "someone else's incident follow-up is not the user's", issue: plainBug,
			act: func() evidence.Activity {
				a := clfCreated("Follow-up from the checkout outage on 3 March.")
				a.Author = clfLee
				return a
			}()},
		{name: "closing an incident with its impact and a postmortem is incident-coordination", issue: plainBug,
			act:  clfComment("Resolved at 14:10 UTC. Impact window 25 minutes; postmortem to follow on Thursday."),
			want: []clfWant{{evidence.CatIncidentCoord, "comment.incident"}}},
		{name: "a status update on a postmortem's follow-ups is not incident-coordination", issue: followUps,
			act:  clfComment("Update: 3 of 5 follow-ups done, ETA for the rest is Friday."),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.status-update"}}},
		{name: "a delay caused by an incident is an update, not incident-coordination", issue: plainBug,
			act:  clfComment("FYI [~accountid:557058:aaaa]: this slipped a few days because of the checkout incident on the 7th. New ETA 25 May. I'll shout if that moves again."),
			want: []clfWant{{evidence.CatStakeholderComms, "comment.status-update"}}},
		{name: "errors because of an outage, with the next update, are incident-coordination", issue: plainBug,
			act:  clfComment("Card payments failing because of the PSP outage. Mitigation: routing to the backup PSP. Next update 15:00."),
			want: []clfWant{{evidence.CatIncidentCoord, "comment.incident"}}},
		{name: "the impact window of a bug is not incident-coordination", act: clfComment("The impact window of the bug is small, only on leap years."), issue: plainBug},
		{name: "praising a postmortem is not incident-coordination", act: clfComment("Postmortem review went well, thanks all."), issue: plainBug},
		{name: "fixing an incident alone is not incident-coordination", act: clfComment("Restarted the consumer and deployed the hotfix, fixed."), issue: incident},
		{name: "a failure dated by the clock and its rollback asked of someone is incident-coordination", issue: plainBug,
			act: clfComment("looking. started right after PAY 4.13.0 went out at 13:50, the tokenize response is missing the brand field and we throw on it. " +
				"[~jpark] can you roll back PAY?"),
			want: []clfWant{{evidence.CatIncidentCoord, "comment.rollback-call"}}},
		{name: "a rollback asked since a time is incident-coordination", issue: plainBug,
			act:  clfComment("Logins failing since 09:40 for every SSO tenant. Could you please roll back the 09:30 config push?"),
			want: []clfWant{{evidence.CatIncidentCoord, "comment.rollback-call"}}},
		{name: "rolling back yourself is not incident-coordination", issue: plainBug,
			act: clfComment("Errors started at 13:50 after my deploy, rolled back to 3.2.0 and the error rate is dropping.")},
		{name: "a rollback asked in a code review is not incident-coordination", issue: plainBug,
			act: clfComment("This breaks the migration order. Can you roll back the schema change and split it into two PRs?")},
		{name: "asking how to roll back is not incident-coordination", issue: plainBug,
			act: clfComment("Since the 2.3 upgrade at 10:00 the job is slow. How do we roll back the image if it gets worse?")},
		{name: "a status line about the fix is not incident-coordination", act: clfComment("Status: fixed in PR #12 and deployed to prod."), issue: incident},
		// An outage handled on a Bug (Pitanga's MOB-888, filed by support).
		{name: "pausing a staged rollout with how many it hit is incident-coordination", issue: supportBug,
			act: clfComment("I'm on it. it's the new order history paging, crashes when a past order has an item that was removed from the catalog. " +
				"~18% of Android sessions that open order history. I paused the staged rollout of 5.2.0 on Play Console (it was at 20%), iOS is fine"),
			want: []clfWant{{evidence.CatIncidentCoord, "comment.live-mitigation"}}},
		{name: "turning off a flag with the share of users it hit is incident-coordination", issue: plainBug,
			act:  clfComment("Search returns nothing for about 30% of users on the new ranker. Turned off the new-ranker flag at 10:12, results are back."),
			want: []clfWant{{evidence.CatIncidentCoord, "comment.live-mitigation"}}},
		{name: "a failure over with how many it hit is incident-coordination", issue: supportBug,
			act: clfComment("5.2.1 approved in Play Console and rolling out at 100%, crash rate on order history back to normal in the first hour. " +
				"~3,100 users hit it. tomorrow I'll write what happened and open the follow-ups"),
			want: []clfWant{{evidence.CatIncidentCoord, "comment.live-mitigation"}}},
		{name: "the next note's time promised to support during a crash is incident-coordination", issue: supportBug,
			act: clfComment("@Mariana Rocha for support: the crash only happens in Meus pedidos, ordering still works. you can tell people to avoid " +
				"that screen until the fix, we're aiming to have 5.2.1 out today before 20h. I'll write here again at 17h"),
			want: []clfWant{{evidence.CatIncidentCoord, "comment.next-update-time"}}},
		{name: "pausing a rollout that hit no one named is not incident-coordination", issue: plainBug,
			act: clfComment("Paused the staged rollout of 5.2.0 while QA finishes the tablet pass, resuming tomorrow.")},
		{name: "a feature's share of users with a flag turned off is not incident-coordination", issue: myTask,
			act: clfComment("Turned off the dark-mode flag for now; we'll turn it on when the design is final.")},
		{name: "a metric back to normal with no one hit is not incident-coordination", issue: mine,
			act: clfComment("Build times are back to normal after the cache change, merged.")},
		{name: "own ticket's status with a time is not incident-coordination", issue: mine,
			act: clfComment("still on this, the Compose migration is bigger than I thought. I'll update here by 17h")},
		{name: "a time to update a pull request is not incident-coordination", issue: supportBug,
			act: clfComment("the crash is in the paging code, I'll update the PR at 17h with the null check")},
		{name: "a crash report's next steps without a time are not incident-coordination", issue: supportBug,
			act: clfComment("the crash is in the paging code, I'll write a test for it and update here when it's merged")},
		// A write-up that names neither a postmortem nor an RCA.
		{name: "a write-up of what happened, why and what changes is incident-coordination", issue: writeUp,
			act: clfCreated("Summary: 5.2.0 crashed on Android for users whose past orders had an item removed from the catalog. Staged rollout paused at 20%, 5.2.1 out the same day, ~7h of impact, ~3,100 users.\n\n" +
				"Why: the API returns null for the product of a removed item and the new paging code assumed it's always there.\n\n" +
				"What we'll do: handle null product in order history (done in 5.2.1), add a test account with old orders."),
			want: []clfWant{{evidence.CatIncidentCoord, "issue.write-up"}}},
		{name: "a bug's analysis with a cause and next steps is no write-up", issue: taskForLee,
			act: clfCreated("Cause: the date picker uses the device locale. Actions: switch to the store's locale and add a test for pt-BR.")},
		{name: "a design note with why and what we'll do is no write-up", issue: taskForLee,
			act: clfCreated("Why: the onboarding has five screens and people drop at the third. What we'll do: cut it to three screens and test with 10 users.")},
		{name: "a follow-up filed from a dated crash is incident-coordination", issue: taskForLee,
			act:  clfCreated("From the mobile crash on 30/07: GET /orders returns product: null for items removed from the catalog. Send a tombstone product instead."),
			want: []clfWant{{evidence.CatIncidentCoord, "issue.failure-follow-up"}}},
		{name: "a follow-up filed from a crash by its date is incident-coordination", issue: taskForLee,
			act:  clfCreated("From the 30/07 crash."),
			want: []clfWant{{evidence.CatIncidentCoord, "issue.failure-follow-up"}}},
		{name: "a ticket from the crash reports is no incident follow-up", issue: taskForLee,
			act: clfCreated("From the crash reports: NPE in the cart adapter on Android 9.")},
		{name: "a standup note is not stakeholder communication", act: clfComment("Yesterday: cart tests. Today: the session store. Blockers: none."), issue: mine},
		{name: "picking up work yourself is not cross-team", act: clfComment("I'll pick this up after the data team finishes their migration."), issue: leesStory},
		{name: "another team picking it up is cross-team", issue: leesStory,
			act:  clfComment("Spoke to them: the data team will pick this up in their next sprint."),
			want: []clfWant{{evidence.CatCrossTeam, "comment.handoff"}}},

		// An answer that settles what the product does for its users.
		{name: "answering what the product shows a user is unblocking", issue: forLee,
			act: replyTo("@Ana Ribeiro if the user already chose 'don't substitute' in a past order, do we still show suggestions?",
				"no, respect what they chose last time and don't show. they can still change it in settings"),
			want: []clfWant{{evidence.CatUnblocking, "comment.answer"}}},
		{name: "answering whether we still show a spinner in a test is not unblocking", issue: forLee,
			act: replyTo("do we still show the spinner in the snapshot test?", "no, remove it from the test, it's flaky")},
		{name: "an answer that settles nothing is not unblocking", issue: forLee,
			act: replyTo("do we still show suggestions when the item is back in stock?", "good question, I'll check with Rafael tomorrow")},
		// Several categories from one activity.
		{name: "history setting priority and sprint is prioritization and sprint-planning", issue: unassigned,
			act:  clfChange(sysItem("priority", "Medium", "High"), customItem("Sprint", "customfield_10020", "", "OPS Sprint 14")),
			want: []clfWant{{evidence.CatPrioritization, "change.priority"}, {evidence.CatSprintPlanning, "change.sprint"}}},
	}
	rulesOnly := BuiltinRules().withoutModel() // the text model has tests of its own
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rulesOnly.Classify(tt.act, tt.issue, clfMe)
			var gotWant []clfWant
			for _, ev := range got {
				gotWant = append(gotWant, clfWant{ev.Category, ev.Rule})
			}
			if !slices.Equal(gotWant, tt.want) {
				t.Fatalf("Classify() = %v, want %v", gotWant, tt.want)
			}
			if tt.excerpt != "" && got[0].Excerpt != tt.excerpt {
				t.Errorf("excerpt = %q, want %q", got[0].Excerpt, tt.excerpt)
			}
			checkEvidence(t, tt.act, got)
		})
	}
}

// A note on the user's own ticket that it slipped is the ticket's status:
// no rule claims it as sprint planning, and neither does the text model,
// which learned "carrying over" from planning notes. On a teammate's
// ticket the same words are the user moving someone else's work.
func TestOwnSlipNoteIsNoSprintPlanningForTheModelEither(t *testing.T) {
	own, lees := clfIssue("Story", clfLee, clfMe), clfIssue("Story", clfLee, clfLee)
	for _, text := range []string{
		"not going to make it this sprint, carrying over",
		"Carrying this over to the next sprint, the API part is done.",
		"won't make it this sprint, rolling it over to the next one",
	} {
		for _, ev := range Classify(clfComment(text), own, clfMe) {
			if ev.Category == evidence.CatSprintPlanning {
				t.Errorf("%q on the user's own ticket: %s claims sprint planning (%s)", text, ev.Rule, ev.Why)
			}
		}
		if !slices.ContainsFunc(Classify(clfComment(text), lees, clfMe), func(ev evidence.Evidence) bool {
			return ev.Category == evidence.CatSprintPlanning
		}) {
			t.Errorf("%q on a teammate's ticket is not sprint planning", text)
		}
	}
}

// checkEvidence checks what every classified item must be, whatever the rule.
func checkEvidence(t *testing.T, a evidence.Activity, evs []evidence.Evidence) {
	t.Helper()
	seen := map[string]bool{}
	for _, ev := range evs {
		if seen[ev.Category] {
			t.Errorf("two items of category %s", ev.Category)
		}
		seen[ev.Category] = true
		if _, ok := evidence.CategoryByID(ev.Category); !ok {
			t.Errorf("unknown category %q", ev.Category)
		}
		if ev.Source != a.Source || ev.SourceID != a.SourceID || ev.IssueID != a.IssueID || !ev.OccurredAt.Equal(a.At) {
			t.Errorf("item %+v does not point back to its activity", ev)
		}
		if ev.Confidence <= 0 || ev.Confidence > 1 {
			t.Errorf("confidence %v out of (0,1]", ev.Confidence)
		}
		if ev.Excerpt == "" || utf8.RuneCountInString(ev.Excerpt) > markup.WholeRunes+2 || strings.ContainsAny(ev.Excerpt, "\n{}") {
			t.Errorf("excerpt %q is not a short plain-text excerpt", ev.Excerpt)
		}
		if ev.ID != "" || ev.IssueKey != "" || ev.SiteName != "" {
			t.Errorf("classifier filled store fields: %+v", ev)
		}
	}
}

func TestClassifyLongCommentExcerptShowsTheMatch(t *testing.T) {
	background := strings.Repeat("We looked at the cart service logs and the session store together. ", 6)
	act := clfComment(background + "Decision: we keep carts for 7 days. " + background)
	got := Classify(act, clfIssue("Story", clfLee, clfLee), clfMe)
	if len(got) != 1 {
		t.Fatalf("Classify() gave %d items, want 1", len(got))
	}
	if !strings.HasPrefix(got[0].Excerpt, "…Decision: we keep carts for 7 days.") {
		t.Errorf("excerpt = %q, want it to start at the decision", got[0].Excerpt)
	}
}

// A story is quoted from its beginning, its problem, not from the
// acceptance criteria at its end that made it a story: a reader of the
// portfolio meets "Problem: …", not "…Done when: the old path is removed".
func TestClassifyStoryQuotesItsOpening(t *testing.T) {
	act := clfCreated("h3. Problem\nAudit IAM roles unused for 90 days has been on the list for a year and costs on-call roughly 8 hours a week, " +
		"because every alert about a stale role needs a person to check who still uses it.\n\nh3. Proposal\nDo it in two steps: staging first, " +
		"then production behind a change window.\n\nh3. Done when\n* The old path is removed\n* The runbook is updated")
	got := Classify(act, clfIssue("Story", clfLee, clfMe), clfMe)
	if len(got) != 1 || got[0].Rule != "issue.story" {
		t.Fatalf("Classify() = %+v, want one issue.story item", got)
	}
	if !strings.HasPrefix(got[0].Excerpt, "Problem: Audit IAM roles unused for 90 days") {
		t.Errorf("excerpt = %q, want the story from its problem", got[0].Excerpt)
	}
}

func TestRuleIDs(t *testing.T) {
	ids := RuleIDs()
	if !slices.IsSorted(ids) {
		t.Errorf("RuleIDs() not sorted: %v", ids)
	}
	if len(slices.Compact(slices.Clone(ids))) != len(ids) {
		t.Errorf("RuleIDs() has duplicates: %v", ids)
	}
	covered := map[string]bool{}
	for _, r := range BuiltinRules().Rules() {
		covered[r.Category] = true
		if len(r.Sources) != 1 || !strings.HasPrefix(r.ID, string(r.Sources[0])+".") {
			t.Errorf("rule %s does not name its source %v", r.ID, r.Sources)
		}
		if r.Confidence <= 0 || r.Confidence > 1 {
			t.Errorf("rule %s has confidence %v", r.ID, r.Confidence)
		}
		if _, ok := evidence.CategoryByID(r.Category); !ok {
			t.Errorf("rule %s has unknown category %q", r.ID, r.Category)
		}
	}
	for _, c := range evidence.Categories {
		if !covered[c.ID] {
			t.Errorf("no rule for category %s", c.ID)
		}
	}
}

// clfBenchMix is a realistic mix of activities: most are other people's
// (kept as context) or hands-on engineering, a few are PM work.
func clfBenchMix() []struct {
	act   evidence.Activity
	issue evidence.Issue
} {
	mine := clfIssue("Story", clfMe, clfMe)
	lees := clfIssue("Story", clfLee, clfLee)
	epic := clfIssue("Epic", clfMe, clfMe)
	incident := clfIssue("Incident", clfLee, clfLee)
	others := func(a evidence.Activity) evidence.Activity { a.Author = clfLee; return a }
	longComment := "I had a look at the cart service this morning. The session store evicts entries after 24 hours, which is why returning shoppers lose their carts. " +
		"I think we can move the cart to the database without touching checkout, and [~accountid:557058:aaaa] agreed to pair on it tomorrow. " +
		"{code:java}\ncart.save(session);\n{code}\nI'll write up the migration plan and share it with the team before we start."
	return []struct {
		act   evidence.Activity
		issue evidence.Issue
	}{
		{others(clfComment(longComment)), lees},
		{others(clfChange(sysItem("status", "To Do", "In Progress"))), lees},
		{others(clfComment("LGTM, merging.")), mine},
		{others(clfChange(customItem("Sprint", "customfield_10020", "S13", "S13, S14"))), mine},
		{clfChange(sysItem("status", "To Do", "In Progress")), mine},
		{clfChange(sysItem("status", "In Review", "Done"), sysItem("resolution", "", "Done")), mine},
		{clfChange(sysItem("priority", "Medium", "High")), lees},
		{clfChange(customItem("Sprint", "customfield_10020", "", "OPS Sprint 14"), evidence.ChangeItem{Field: "Rank", FieldType: "custom", ToString: "Ranked higher"}), lees},
		{clfChange(sysItem("timespent", "", "3600"), sysItem("timeestimate", "7200", "3600")), mine},
		{clfComment("fixed in PR #12"), mine},
		{clfComment("Rebased on main and deployed to staging."), mine},
		{clfComment(longComment), lees},
		{clfComment("Update: mitigation is live in eu-west; next update at 17:00."), incident},
		{clfComment("Decision: we go with option B because it survives device changes."), lees},
		{clfComment("Thanks! I'll take a look after standup and get back to you with numbers."), lees},
		{clfCreated("As a returning shopper I want my cart saved so that I can finish checkout later.\n\nh3. Acceptance criteria\n* kept 7 days"), lees},
		{clfCreated("Fix flaky test in CartServiceTest"), mine},
		{clfCreated("Checkout redesign"), epic},
		{evidence.Activity{IssueID: "10042", Source: evidence.SourceWorklog, SourceID: "40001", Author: clfMe, At: clfAt, Text: "pairing"}, mine},
		{others(clfComment("Verified in staging, meets AC.")), lees},
	}
}

func BenchmarkClassify(b *testing.B) {
	benchmarkClassify(b, BuiltinRules())
}

// BenchmarkClassifyRulesOnly is BenchmarkClassify with the text model off,
// to weigh what the model costs in the same run.
func BenchmarkClassifyRulesOnly(b *testing.B) {
	benchmarkClassify(b, BuiltinRules().withoutModel())
}

// BenchmarkReadBuiltinModel is what the first classification in a process
// pays to read the embedded model; commands that only read evidence pay
// nothing.
func BenchmarkReadBuiltinModel(b *testing.B) {
	for b.Loop() {
		if _, err := ReadModel(bytes.NewReader(builtinModelData)); err != nil {
			b.Fatal(err)
		}
	}
}

func benchmarkClassify(b *testing.B, rs *RuleSet) {
	mix := clfBenchMix()
	rs.Classify(mix[0].act, mix[0].issue, clfMe) // the model loads on first use
	n := 0
	for b.Loop() {
		for _, m := range mix {
			rs.Classify(m.act, m.issue, clfMe)
		}
		n += len(mix)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "activities/s")
}

// A quote keeps each mention, whoever the issue names, for the store to
// name when it is read (it knows everyone on the site; one page does not):
// in the comment's own words and after the label of a removed flag alike.
func TestClassifyExcerptKeepsMentionsForTheStore(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"a comment", "FYI [~accountid:557058:aaaa] and [~accountid:557058:zzzz]: this slipped a few days because of the checkout incident on the 7th. New ETA 25 May.",
			"FYI [~557058:aaaa] and [~557058:zzzz]: this slipped"},
		{"a flag removed", "(flagoff) Flag removed\n\nSorted out with [~accountid:557058:zzzz], no need to wait any more.",
			"Flag removed: Sorted out with [~557058:zzzz], no need"},
	} {
		got := BuiltinRules().withoutModel().Classify(clfComment(tt.text), clfIssue("Story", clfLee, clfLee), clfMe)
		if len(got) == 0 {
			t.Fatalf("%s: no claim", tt.name)
		}
		if !strings.HasPrefix(got[0].Excerpt, tt.want) {
			t.Errorf("%s: excerpt = %q, want it to start %q", tt.name, got[0].Excerpt, tt.want)
		}
	}
}

// One activity's claims that say the same work twice keep the surer one: a
// rule's incident claim takes the place of stakeholder communication (and
// of story writing, for a follow-up created), the text model's incident
// claim that of the text model's stakeholder claim, and on an issue that is no
// incident a rule's stakeholder claim takes the place of the text model's
// incident claim ("Summary for Chloé: done, … ETA 19 Jan" on an alerting
// ticket).
func TestSubsume(t *testing.T) {
	claim := func(category, rule string) evidence.Evidence {
		return evidence.Evidence{Category: category, Rule: rule, Source: evidence.SourceComment}
	}
	update := claim(evidence.CatStakeholderComms, "comment.status-update")
	modelUpdate := claim(evidence.CatStakeholderComms, evidence.RuleTextModel)
	incidentRule := claim(evidence.CatIncidentCoord, "comment.incident")
	incidentModel := claim(evidence.CatIncidentCoord, evidence.RuleTextModel)
	for _, tt := range []struct {
		name     string
		claims   []evidence.Evidence
		incident bool
		want     []evidence.Evidence
	}{
		{"a rule's incident claim subsumes an update", []evidence.Evidence{update, incidentRule}, false, []evidence.Evidence{incidentRule}},
		{"the model's incident claim subsumes the model's update", []evidence.Evidence{modelUpdate, incidentModel}, true, []evidence.Evidence{incidentModel}},
		{"the model's incident claim subsumes the model's update on no incident", []evidence.Evidence{modelUpdate, incidentModel}, false, []evidence.Evidence{incidentModel}},
		{"the model's incident claim does not subsume a rule's update on an incident", []evidence.Evidence{update, incidentModel}, true, []evidence.Evidence{update, incidentModel}},
		{"on no incident a rule's update subsumes the model's incident claim", []evidence.Evidence{update, incidentModel}, false, []evidence.Evidence{update}},
		{"on an incident both stay", []evidence.Evidence{update, incidentModel}, true, []evidence.Evidence{update, incidentModel}},
		{"the model's update alone stays", []evidence.Evidence{modelUpdate}, false, []evidence.Evidence{modelUpdate}},
	} {
		same := func(a, b evidence.Evidence) bool { return a.Category == b.Category && a.Rule == b.Rule }
		if got := subsume(slices.Clone(tt.claims), tt.incident); !slices.EqualFunc(got, tt.want, same) {
			t.Errorf("%s: subsume = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
