package jiratest

import (
	"strconv"
	"time"
)

// KaveriPAT is the personal access token KaveriSite's server takes
// (NewServer with WithPAT(KaveriPAT)).
const KaveriPAT = "NzEy-kaveri-not-a-real-pat-0000"

// Kaveri Bank's workflow: Jira Server's classic statuses and resolutions,
// with QA's own steps between development and Closed.
var (
	statusOpen       = &Status{ID: "1", Name: "Open", Category: categoryToDo}
	statusReopened   = &Status{ID: "4", Name: "Reopened", Category: categoryToDo}
	statusResolved   = &Status{ID: "5", Name: "Resolved", Category: categoryDone}
	statusClosed     = &Status{ID: "6", Name: "Closed", Category: categoryDone}
	statusReadyForQA = &Status{ID: "10100", Name: "Ready for QA", Category: categoryInProgress}
	statusInQA       = &Status{ID: "10101", Name: "In QA", Category: categoryInProgress}
	statusOnHold     = &Status{ID: "10102", Name: "On Hold", Category: categoryInProgress}

	resolutionFixed   = &Resolution{ID: "1", Name: "Fixed", Description: "A fix for this issue is checked into the tree and tested."}
	resolutionWontFix = &Resolution{ID: "2", Name: "Won't Fix", Description: "The problem described is an issue which will never be fixed."}

	typeDefect = &IssueType{ID: "10300", Name: "Defect"}
)

// ist2026 is a wall-clock time of 2026 in India (UTC+5:30).
func ist2026(month, day, hour, min int) time.Time {
	return utc2026(month, day, hour, min).Add(-5*time.Hour - 30*time.Minute)
}

// developForQA takes a developer's ticket from its assignment to Ready for
// QA, with a note an hour before it gets there.
func (b *siteBuilder) developForQA(is *Issue, who *User, start time.Time, days int, note string) time.Time {
	if is.Assignee != who {
		b.assign(is, who, who, start)
	}
	b.status(is, who, start.Add(3*time.Minute), statusInProgress, nil)
	end := start.Add(time.Duration(days) * 24 * time.Hour)
	if note != "" {
		b.comment(is, who, end.Add(-time.Hour), note)
	}
	b.status(is, who, end, statusReadyForQA, nil)
	return end
}

// KaveriSite is the Jira Data Center site of Kaveri Bank, served under the
// context path /jira, as Priya Raghavan, its senior QA and release
// engineer, sees it late in 2026. Everyone writes Indian English in wiki
// markup ("Kindly do the needful", "PFB the status") and mentions people as
// [~login], or [~JIRAUSER…] for accounts made since Jira 8. She owns the
// release-readiness epic, whose description has Objective and Exit criteria
// headings and whose closing comment gives its result ("from 11 (4.10 +
// 4.11) to 3 (4.13 + 4.14)"); makes the go/no-go call of each release in
// its ticket; moves stories from release 4.13 to 4.14; tests what developers
// deliver, reopening some; chases a vendor; coordinates a production
// incident filed as a Defect; and one morning closes 30 stale tickets as
// Won't Fix in two minutes, with the same comment on each. Her teammates'
// open work in CORE and REL is the team backlog `pmfolio next` reads. Its
// server takes KaveriPAT.
func KaveriSite() *Site {
	now := time.Date(2026, 11, 27, 6, 0, 0, 0, time.UTC)
	s := &Site{Deployment: DeploymentServer, Title: "Kaveri Bank Jira", Now: now,
		lastIssueID: 48000, lastCommentID: 210000, lastHistoryID: 560000, lastWorklogID: 31000, lastLinkID: 9000,
		FieldIDs: FieldIDs{Sprint: "customfield_10104", StoryPoints: "customfield_10106", Rank: "customfield_10105", Flagged: "customfield_10200",
			EpicLink: "customfield_10101", EpicName: "customfield_10102"}}
	b := newSiteBuilder(s, "kaveribank.example", "Asia/Kolkata", statusOpen, 700)

	priya := b.user("", "praghavan", "JIRAUSER11204", "Priya Raghavan")
	s.Me = priya
	anand := b.user("", "akulkarni", "akulkarni", "Anand Kulkarni")         // Head of release eng
	meena := b.user("", "msundaram", "JIRAUSER10877", "Meenakshi Sundaram") // CORE product owner
	karthik := b.user("", "kmenon", "kmenon", "Karthik Menon")              // CORE dev
	deepa := b.user("", "dnair", "JIRAUSER11022", "Deepa Nair")             // CORE dev
	rohit := b.user("", "rsharma", "rsharma", "Rohit Sharma")               // CORE dev
	farhan := b.user("", "fsheikh", "JIRAUSER11310", "Farhan Sheikh")       // QA automation
	harpreet := b.user("", "hkaur", "hkaur", "Harpreet Kaur")               // business UAT lead
	lakshmi := b.user("", "lvenkat", "lvenkat", "Lakshmi Venkataraman")     // vendor PM
	vikram := b.user("", "vrao.vendor", "JIRAUSER12001", "Vikram Rao (CardSwitch)")
	sanjay := b.user("", "sbose", "sbose", "Sanjay Bose") // prod support / DBA
	jenkins := b.user("", "jenkins", "jenkins", "Jenkins CI")
	s.Bot = &User{Name: "svc-jira-automation", Key: "JIRAUSER10900", DisplayName: "Jira Automation", TimeZone: "UTC", Active: true}
	s.Users = append(s.Users, s.Bot)

	rel := &Project{ID: "11000", Key: "REL", Name: "Release Management", Lead: anand, BoardID: 31, lastNumber: 410}
	core := &Project{ID: "11001", Key: "CORE", Name: "Core Banking Platform", Lead: meena, BoardID: 32, lastNumber: 2180}
	csw := &Project{ID: "11002", Key: "CSW", Name: "CardSwitch Vendor Integration", Lead: lakshmi, BoardID: 33, lastNumber: 95}
	s.Projects = []*Project{rel, core, csw}
	for i, vn := range []struct {
		name string
		at   time.Time
	}{{"4.10", utc2026(1, 17, 0, 0)}, {"4.11", utc2026(3, 21, 0, 0)}, {"4.12", utc2026(5, 23, 0, 0)}, {"4.13", utc2026(8, 22, 0, 0)}, {"4.14", utc2026(10, 24, 0, 0)}, {"4.15", utc2026(12, 19, 0, 0)}} {
		core.Versions = append(core.Versions, &Version{ID: strconv.Itoa(12100 + i), Name: vn.name, ReleaseDate: vn.at, Released: vn.at.Before(now)})
	}
	ver := func(n string) *Version {
		for _, v := range core.Versions {
			if v.Name == n {
				return v
			}
		}
		panic(n)
	}
	for i, p := range []*Project{rel, core} {
		b.addSprints(p, utc2025(11, 24+7*i, 4, 0), 30)
	}

	// Release-readiness epic Priya owns.
	epic := b.issue(rel, typeEpic, "Release readiness framework for Core Banking releases (FY26-27)",
		"h3. Objective\n"+
			"Every Core Banking release from 4.12 onwards should go to production only after a documented, repeatable readiness check, so that we stop finding sev-1/sev-2 defects in production after go-live.\n\n"+
			"h3. Background\n"+
			"In 4.10 and 4.11 we had 11 production defects leaked in the first two weeks and one rollback (4.10). Readiness was decided on a call without any checklist and UAT sign-off was many times taken over mail.\n\n"+
			"h3. Scope\n"+
			"* Entry and exit criteria for SIT and UAT\n"+
			"* Go/No-Go checklist and call format\n"+
			"* Release readiness dashboard (defects by severity, test execution, sign-offs)\n"+
			"* Vendor drop acceptance for CardSwitch\n\n"+
			"h3. Exit criteria\n"+
			"* Checklist used for 3 consecutive releases\n"+
			"* Zero rollbacks\n"+
			"* Defect leakage to production less than 5 per release\n\n"+
			"h3. Stakeholders\n"+
			"[~akulkarni] (sponsor), [~msundaram], [~hkaur] (business UAT), CardSwitch vendor team",
		priya, priya, utc2026(1, 19, 5, 10))
	epic.EpicName = "Release readiness FY26-27"
	b.status(epic, priya, utc2026(2, 2, 5, 0), statusInProgress, nil)
	b.comment(epic, anand, utc2026(1, 19, 9, 0), "Good initiative Priya. Please take this forward, I will support from my side with the business teams.")
	children := []epicChild{
		{typeTask, "Define entry and exit criteria for SIT and UAT", "h3. Objective\nAgree the entry/exit criteria with dev, QA and business.\n\n* SIT entry: build deployed, smoke passed, release notes draft\n* SIT exit: 100% execution, no open sev-1/sev-2, sev-3 with workaround\n* UAT exit: business sign-off in Jira, not over mail", priya, utc2026(2, 3, 5, 0), 10, "Criteria reviewed with [~msundaram] and [~hkaur]. Published on Confluence: [SIT/UAT criteria|https://confluence.kaveribank.example/display/REL/SIT+UAT+criteria]"},
		{typeTask, "Go/No-Go checklist template and call format", "Checklist for the go/no-go call: defects by severity, test execution %, sign-offs, rollback plan, vendor readiness, change ticket approved.", priya, utc2026(2, 16, 5, 0), 7, "Template ready. We will use it first for 4.11 as a dry run."},
		{typeStory, "Release readiness dashboard on Jira (gadgets + filter)", "As a release manager I want one dashboard showing open defects by severity and test execution status for the release so that the go/no-go decision is based on data.\n\nh3. Acceptance criteria\n* Filter per fix version\n* Sev-1/Sev-2 open count\n* Execution % from Zephyr", farhan, utc2026(3, 2, 5, 0), 9, "Dashboard is live, link shared in REL space."},
		{typeTask, "UAT sign-off workflow in Jira for business", "Business to sign off in Jira (UAT Sign-off sub-task) instead of mail.", priya, utc2026(3, 23, 5, 0), 12, ""},
		{typeTask, "Vendor drop acceptance checklist for CardSwitch", "Every CardSwitch drop must come with release notes, test evidence and a rollback script before we accept it in SIT.", priya, utc2026(4, 13, 5, 0), 8, "Shared with [~lvenkat], vendor has agreed to follow from the next drop."},
		{typeTask, "Rollback rehearsal for 4.12 in pre-prod", "", sanjay, utc2026(5, 4, 5, 0), 3, "Rollback rehearsed in pre-prod in 47 minutes."},
		{typeTask, "Retro: readiness checklist after 4.12 and 4.13", "", priya, utc2026(8, 27, 5, 0), 4, ""},
	}
	var childIssues []*Issue
	for i, c := range children {
		is := b.issue(rel, c.typ, c.summary, c.desc, priya, nil, utc2026(1, 20, 6, i*3))
		b.parent(is, epic, priya, utc2026(1, 20, 6, i*3+1))
		b.assign(is, priya, c.who, utc2026(1, 20, 6, i*3+2))
		b.status(is, c.who, c.start, statusInProgress, nil)
		end := c.start.Add(time.Duration(c.days) * 24 * time.Hour)
		if c.note != "" {
			b.comment(is, c.who, end.Add(-2*time.Hour), c.note)
		}
		b.status(is, c.who, end, statusClosed, resolutionDone)
		if c.who == priya {
			b.worklog(is, priya, c.start.Add(24*time.Hour), 4*3600, "")
		}
		childIssues = append(childIssues, is)
	}
	// Retro ticket has the results.
	b.comment(childIssues[6], priya, utc2026(8, 30, 10, 0), "h3. Retro summary\n* What went well: go/no-go took 30 min instead of 2 hours, business signed off in Jira for both releases\n* What did not go well: vendor drop for 4.13 came without rollback script, we had to push back\n* Action items: [~fsheikh] to add CardSwitch interface tests in the regression pack; [~lvenkat] to share rollback script with every drop")
	// Progress notes on the epic (Indian English, no "Update:" trigger words).
	b.comment(epic, priya, utc2026(3, 25, 11, 0), "Hi All, sharing where we stand. SIT/UAT criteria are agreed and published, go/no-go template was tried for 4.11 as dry run and it worked well. Dashboard is live. Next is the UAT sign-off workflow with business, targeting before 4.12 UAT starts.")
	b.comment(epic, priya, utc2026(6, 1, 10, 30), "Quick note on progress: 4.12 was the first release fully on the checklist. Go/No-Go was NO-GO first time due to two sev-2, went live one week later with zero rollback. [~hkaur] signed off UAT in Jira itself. Pending: vendor drop checklist adoption by CardSwitch.")
	b.comment(epic, priya, utc2026(11, 3, 9, 0), "Closing this epic. 4.12, 4.13 and 4.14 went live on the checklist: zero rollbacks, and production defects in first two weeks came down from 11 (4.10 + 4.11) to 3 (4.13 + 4.14). Go/No-Go call now takes 30 minutes. Thanks [~akulkarni], [~msundaram] and [~hkaur] for the support.")
	b.status(epic, priya, utc2026(11, 3, 9, 5), statusClosed, resolutionDone)
	b.comment(epic, anand, utc2026(11, 3, 12, 0), "Well done Priya and team. Will present this in the quarterly ops review.")

	// Release tickets: go/no-go, at-risk notes, scope.
	relTicket := map[string]*Issue{}
	for _, r := range []struct {
		v       string
		created time.Time
	}{{"4.11", utc2026(2, 20, 5, 0)}, {"4.12", utc2026(4, 14, 5, 0)}, {"4.13", utc2026(7, 1, 5, 0)}, {"4.14", utc2026(9, 15, 5, 0)}, {"4.15", utc2026(11, 10, 5, 0)}} {
		is := b.issue(rel, typeTask, "Release "+r.v+" - readiness, Go/No-Go and deployment",
			"h3. Release "+r.v+"\n||Milestone||Date||\n|Code freeze|see plan|\n|SIT|see plan|\n|UAT|see plan|\n|Go/No-Go|see plan|\n\nChange ticket: CHG-"+strconv.Itoa(40000+len(relTicket)*311)+"\n\n{panel:title=Contacts}\nRelease manager: [~praghavan]\nDev lead: [~kmenon]\n{panel}",
			priya, priya, r.created)
		is.FixVersions = []*Version{ver(r.v)}
		b.status(is, priya, r.created.Add(time.Hour), statusInProgress, nil)
		relTicket[r.v] = is
	}
	// 4.11: GO first time.
	b.comment(relTicket["4.11"], priya, ist2026(3, 19, 16, 0), "Go/No-Go for 4.11: GO. All sev-1/sev-2 closed, 98.6% regression pass, UAT signed off by [~hkaur]. Deployment on Saturday 21st, 11 PM to 3 AM window.")
	b.comment(relTicket["4.11"], priya, ist2026(3, 22, 3, 40), "4.11 deployed to production. Smoke test passed, PVT done by business. Closing.")
	b.status(relTicket["4.11"], priya, ist2026(3, 22, 3, 45), statusClosed, resolutionDone)
	// 4.12: NO-GO, then GO.
	sev2a := b.issue(core, typeDefect, "Interest accrual wrong for RD accounts with leap-year tenure", "h3. Steps to reproduce\n# Open RD with tenure 366 days starting 1-Mar-2027\n# Run EOD accrual\n\nh3. Expected\nAccrual as per actual/365\n\nh3. Actual\nAccrual for 367 days\n\n{code}\nACCR-ERR-114: tenure mismatch days=367 expected=366\n{code}", priya, karthik, utc2026(5, 11, 7, 0))
	sev2a.Priority, sev2a.FixVersions = priorityHigh, []*Version{ver("4.12")}
	sev2b := b.issue(core, typeDefect, "NEFT return file not parsed when beneficiary name has '&'", "Return file from RBI with '&' in beneficiary name fails parsing. Seen in SIT with sample file from ops.", priya, deepa, utc2026(5, 12, 9, 0))
	sev2b.Priority, sev2b.FixVersions = priorityHigh, []*Version{ver("4.12")}
	b.comment(relTicket["4.12"], priya, ist2026(5, 14, 17, 30), "Go/No-Go for 4.12: NO-GO, two sev-2 open ("+sev2a.Key+", "+sev2b.Key+"), we will re-assess on Thursday. [~akulkarni] [~msundaram] [~hkaur] FYI, deployment on 16th is cancelled, change ticket will be rescheduled.")
	b.comment(relTicket["4.12"], anand, ist2026(5, 14, 18, 0), "Agreed. Better to go one week late than roll back.")
	b.status(sev2a, karthik, utc2026(5, 15, 5, 0), statusInProgress, nil)
	b.status(sev2a, karthik, utc2026(5, 18, 11, 0), statusReadyForQA, nil)
	b.status(sev2a, priya, utc2026(5, 19, 5, 0), statusInQA, nil)
	b.comment(sev2a, priya, utc2026(5, 19, 9, 0), "Verified in SIT build 4.12.0-rc4. Tested 366 and 365 day tenures and the 1-Mar boundary, accrual matching the calculator sheet. Closing.")
	b.status(sev2a, priya, utc2026(5, 19, 9, 2), statusClosed, resolutionFixed)
	b.status(sev2b, deepa, utc2026(5, 15, 5, 0), statusInProgress, nil)
	b.status(sev2b, deepa, utc2026(5, 19, 6, 0), statusReadyForQA, nil)
	b.status(sev2b, priya, utc2026(5, 20, 5, 0), statusInQA, nil)
	b.comment(sev2b, priya, utc2026(5, 20, 8, 0), "Verified with the ops sample return file and 5 more names with special characters (&, ', /). Closing.")
	b.status(sev2b, priya, utc2026(5, 20, 8, 3), statusClosed, resolutionFixed)
	b.comment(relTicket["4.12"], priya, ist2026(5, 21, 16, 0), "Go/No-Go for 4.12 (re-assessment): GO. Both sev-2 are closed and verified, regression re-run 99.1% pass, no new defects. Deployment on Saturday 23rd as per the revised change ticket.")
	b.comment(relTicket["4.12"], priya, ist2026(5, 24, 4, 10), "4.12 is live. Zero rollback. PVT passed. Thanks everyone for the late night support.")
	b.status(relTicket["4.12"], priya, ist2026(5, 24, 4, 15), statusClosed, resolutionDone)
	// 4.13: UAT delayed, scope pushback.
	b.comment(relTicket["4.13"], priya, ist2026(8, 10, 18, 0), "Kindly note the UAT sign-off is delayed by 2 days, revised date 14th. Reason: CardSwitch drop 3 came on 8th instead of 6th and two UAT scenarios for card hotlisting could not be executed. Go-live date of 22nd is still holding as of now. [~hkaur] [~akulkarni] FYI.")
	b.comment(relTicket["4.13"], harpreet, ist2026(8, 10, 19, 0), "Noted Priya, thanks for informing in advance.")
	b.comment(relTicket["4.13"], priya, ist2026(8, 14, 19, 30), "UAT signed off by business today as per revised date. Go/No-Go scheduled for 20th 4 PM.")
	b.comment(relTicket["4.13"], priya, ist2026(8, 20, 16, 45), "Go/No-Go for 4.13: GO with one known issue (sev-3, passbook print margin on old branch printers, workaround shared with branches). Deployment on 22nd.")
	b.comment(relTicket["4.13"], priya, ist2026(8, 23, 3, 30), "4.13 deployed successfully. PVT done.")
	b.status(relTicket["4.13"], priya, ist2026(8, 23, 3, 35), statusClosed, resolutionDone)
	late := b.issue(core, typeStory, "Show GST breakup on FD closure advice", "Business wants GST breakup on the FD premature closure advice.", meena, rohit, utc2026(8, 4, 6, 0))
	late.FixVersions = []*Version{ver("4.13")}
	b.comment(late, meena, utc2026(8, 5, 6, 0), "[~praghavan] can we please take this in 4.13? Business is asking for it urgently.")
	b.comment(late, priya, utc2026(8, 5, 9, 30), "Sorry [~msundaram], we cannot take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done; adding a change to the closure advice means re-running the full FD suite (3 days) and we will miss the 22nd. Suggest we take it in 4.14 on priority. If business still wants it in 4.13, we need a risk sign-off from [~akulkarni].")
	b.comment(late, meena, utc2026(8, 5, 10, 15), "Ok understood, 4.14 is fine. I will inform business.")
	b.fixVersion(late, priya, utc2026(8, 5, 10, 20), ver("4.14"))
	// 4.14: go, one at-risk note
	b.comment(relTicket["4.14"], priya, ist2026(10, 13, 17, 0), "Status: SIT is at risk. 42% executed against plan of 70%, because the SIT environment was down for 1.5 days (DB refresh). Revised SIT exit is 17th, UAT start moves to 19th. Go-live on 24th is not yet impacted. Will share next update on Thursday.")
	b.comment(relTicket["4.14"], priya, ist2026(10, 22, 16, 30), "Go/No-Go for 4.14: GO. 0 sev-1, 0 sev-2 open, execution 100%, UAT signed off.")
	b.comment(relTicket["4.14"], priya, ist2026(10, 25, 3, 0), "4.14 deployed. PVT passed.")
	b.status(relTicket["4.14"], priya, ist2026(10, 25, 3, 5), statusClosed, resolutionDone)
	// 4.15 ongoing
	b.comment(relTicket["4.15"], priya, ist2026(11, 24, 12, 0), "Code freeze for 4.15 is on 1st Dec. [~kmenon] kindly ensure all stories are merged by 30th EOD.")
	// Status notes in wiki markup: colours, a quote, a table.
	b.comment(relTicket["4.15"], priya, ist2026(11, 26, 18, 0), "*Status:* {color:red}*AT RISK*{color}\n{quote}Code freeze on 1st Dec{quote}\n[~JIRAUSER11022] and [~kmenon] kindly note, 3 stories are not yet merged. Revised code freeze is 3rd Dec, go-live on 19th is unchanged as of now. Next update on Monday.")
	b.comment(relTicket["4.14"], priya, ist2026(10, 20, 18, 0), "Hi All,\nPFB the status for 4.14:\n* SIT: 100% executed, 97% pass\n* UAT: started on 19th, 40% done\n* Open defects: 0 sev-1, 1 sev-2 ([~rsharma] working)\n\n*Risk:* UAT environment is slow, raised with infra team.\n\nRegards,\nPriya")
	b.comment(relTicket["4.15"], priya, ist2026(11, 26, 19, 0), "||Check||Status||\n|Sev-1 open|0|\n|Sev-2 open|{color:red}2{color}|\n|Regression|92%|\n*Go/No-Go dry run for 4.15:* {color:red}NO-GO{color}. We will re-assess on 15th.")

	// Release notes tasks
	for i, v := range []string{"4.11", "4.12", "4.13", "4.14"} {
		created := []time.Time{utc2026(3, 16, 5, 0), utc2026(5, 18, 5, 0), utc2026(8, 17, 5, 0), utc2026(10, 19, 5, 0)}[i]
		rn := b.issue(rel, typeTask, "Release notes - Core Banking "+v,
			"h3. Highlights\n* See fix version "+v+"\n\nh3. Known issues\n* TBD\n\nh3. Audience\nBranch banking, ops, IT support", priya, priya, created)
		rn.FixVersions = []*Version{ver(v)}
		b.status(rn, priya, created.Add(time.Hour), statusInProgress, nil)
		b.comment(rn, priya, created.Add(3*24*time.Hour), "Release notes for "+v+" published. PFB the link: [Release notes "+v+"|https://confluence.kaveribank.example/display/REL/Core+Banking+"+v+"+release+notes]. Circulated to branch banking and ops over mail.")
		b.status(rn, priya, created.Add(3*24*time.Hour+5*time.Minute), statusClosed, resolutionDone)
	}

	// Fix version moves on release scope (release planning), with comment.
	var moved []*Issue
	for i, sm := range []string{"Standing instruction failure SMS in Hindi", "Nominee update audit trail", "Cheque book request limit per quarter"} {
		is := b.issue(core, typeStory, sm, "", meena, []*User{karthik, deepa, rohit}[i], utc2026(6, 20+i, 6, 0))
		is.FixVersions = []*Version{ver("4.13")}
		moved = append(moved, is)
	}
	for i, is := range moved {
		b.fixVersion(is, priya, utc2026(7, 28, 9, 10+i), ver("4.14"))
	}
	b.comment(moved[0], priya, utc2026(7, 28, 9, 20), "Moved to 4.14 as dev is not complete before code freeze. Discussed with [~msundaram] in the scope call.")

	// Testing delivered work: verify / reopen.
	type qa struct {
		sm      string
		dev     *User
		reopen  string
		verify  string
		created time.Time
	}
	qaItems := []qa{
		{"Auto-sweep from savings to FD above threshold", karthik, "", "Verified in SIT: sweep triggered at 50,001 and not at 50,000. 12/12 test cases passed. Closing.", utc2026(1, 5, 6, 0)},
		{"Senior citizen additional interest on FD renewal", deepa, "Reopening. Additional 0.5% is applied on renewal only if customer was 60+ on original booking date, should be on renewal date. Test case TC_FD_REN_07 failed. Screenshot attached.", "Retested after fix, TC_FD_REN_07 passing now. Closing.", utc2026(1, 20, 6, 0)},
		{"Account statement download in PDF with password", rohit, "", "UAT passed, [~hkaur] confirmed with branch users. Closing.", utc2026(2, 10, 6, 0)},
		{"IMPS beneficiary validation timeout handling", karthik, "Reopening, timeout is still not handled when NPCI returns 91. Logs:\n{code}\n2026-03-11 14:22:05 ERROR ImpsValidator - RespCode=91 unhandled\n{code}", "Verified with NPCI simulator for codes 91, 08 and 68. Closing.", utc2026(3, 2, 6, 0)},
		{"Positive pay for cheques above 5 lakh", deepa, "", "Verified in SIT, all 9 scenarios passed including the 5,00,000 boundary.", utc2026(3, 25, 6, 0)},
		{"Dormant account reactivation via branch", rohit, "", "Verified. Meets AC. Closing.", utc2026(4, 15, 6, 0)},
		{"TDS certificate generation for Q4", karthik, "Reopening: Form 16A PAN is masked fully, should show last 4 digits as per spec.", "Retested, PAN shows last 4. Closing.", utc2026(5, 2, 6, 0)},
		{"Loan EMI bounce charges GST", deepa, "", "Verified in SIT with 3 loan products. Closing.", utc2026(6, 10, 6, 0)},
		{"Aadhaar seeding status on customer 360", rohit, "", "Verified, status shows correctly for seeded, pending and failed.", utc2026(6, 25, 6, 0)},
		{"RTGS cut-off time configurable per holiday", karthik, "", "Verified with holiday calendar for 15-Aug and 2-Oct. Closing.", utc2026(7, 14, 6, 0)},
		{"Card hotlisting from net banking", deepa, "Reopening: hotlist request is not sent to CardSwitch when card is in 'Inactive' state. Raised with vendor also, see CSW ticket.", "Retested on CardSwitch drop 4, hotlisting works for active and inactive cards.", utc2026(7, 20, 6, 0)},
		{"Mini statement last 10 transactions on ATM", rohit, "", "Verified on ATM simulator. Closing.", utc2026(9, 1, 6, 0)},
		{"KYC re-verification reminder SMS", karthik, "", "Verified. SMS received in English and Hindi templates.", utc2026(9, 20, 6, 0)},
		{"FD premature closure penalty waiver for staff", deepa, "", "Verified for staff and non-staff accounts. Closing.", utc2026(10, 2, 6, 0)},
		{"Show GST breakup on FD closure advice (4.14)", rohit, "", "Verified, GST breakup shown on closure advice as per business mock. Closing.", utc2026(9, 10, 6, 0)},
	}
	for i, q := range qaItems {
		is := b.issue(core, typeStory, q.sm, "", meena, nil, q.created)
		is.Sprints = []*Sprint{b.sprintAt(core, q.created.Add(3*24*time.Hour))}
		is.FixVersions = []*Version{core.Versions[min(len(core.Versions)-1, 1+i/3)]}
		end := b.developForQA(is, q.dev, q.created.Add(2*24*time.Hour), 6, "")
		b.comment(is, jenkins, end.Add(-30*time.Minute), "Build #"+strconv.Itoa(3100+i*7)+" *SUCCESS* - core-banking-sit-deploy\nDeployed "+is.Key+" to SIT. [Console|https://jenkins.kaveribank.example/job/core-banking-sit-deploy/"+strconv.Itoa(3100+i*7)+"/]")
		b.status(is, priya, end.Add(20*time.Hour), statusInQA, nil)
		at := end.Add(44 * time.Hour)
		if q.reopen != "" {
			b.comment(is, priya, at, q.reopen)
			b.status(is, priya, at.Add(time.Minute), statusReopened, nil)
			b.status(is, q.dev, at.Add(24*time.Hour), statusInProgress, nil)
			b.status(is, q.dev, at.Add(72*time.Hour), statusReadyForQA, nil)
			at = at.Add(96 * time.Hour)
		}
		b.comment(is, priya, at, q.verify)
		b.status(is, priya, at.Add(2*time.Minute), statusClosed, resolutionFixed)
		b.worklog(is, priya, at.Add(-2*time.Hour), 3*3600, "SIT execution")
	}

	// Defects Priya raised in SIT (her own reports; some still open).
	defects := []string{
		"Statement PDF alignment breaks for names longer than 40 chars",
		"Duplicate SMS on standing instruction execution",
		"Customer 360 shows wrong branch for migrated accounts",
		"EOD batch log has PAN in clear text",
		"Cheque return reason code 21 mapped wrongly",
		"Net banking session not expiring after 10 minutes idle",
		"FD receipt shows maturity date one day early for 29-Feb start",
		"Loan account closure leaves standing instruction active",
		"Hindi SMS template truncates after 70 chars",
		"NACH mandate status not updated after bank rejection",
	}
	var defectIssues []*Issue
	for i, sm := range defects {
		at := utc2026(1, 10, 7, 0).Add(time.Duration(i) * 31 * 24 * time.Hour)
		is := b.issue(core, typeDefect, sm, "h3. Environment\nSIT, build 4.1"+strconv.Itoa(1+i/3)+".0-rc"+strconv.Itoa(1+i%3)+"\n\nh3. Steps\n# Login as branch user\n# Perform the transaction\n# Check the output\n\nh3. Expected / Actual\nAs per FSD section 4.2 / see screenshot", priya, []*User{karthik, deepa, rohit}[i%3], at)
		if i%4 == 0 {
			b.priority(is, priya, at.Add(10*time.Minute), priorityHigh)
			b.comment(is, priya, at.Add(11*time.Minute), "Raising to High as this is a regulatory point (RBI audit observation). Cannot go live with this.")
		}
		if i < 8 {
			b.status(is, is.Assignee, at.Add(2*24*time.Hour), statusInProgress, nil)
			b.status(is, is.Assignee, at.Add(5*24*time.Hour), statusReadyForQA, nil)
			b.comment(is, priya, at.Add(6*24*time.Hour), "Retested in SIT, working fine now. Closing.")
			b.status(is, priya, at.Add(6*24*time.Hour+time.Minute), statusClosed, resolutionFixed)
		}
		defectIssues = append(defectIssues, is)
	}

	// Vendor chasing (CSW).
	v1 := b.issue(csw, typeTask, "ISO 8583 field 55 (EMV data) truncated in drop 3", "Field 55 is truncated to 128 bytes in CardSwitch drop 3. Blocking card hotlisting UAT.", priya, vikram, utc2026(8, 7, 6, 0))
	b.comment(v1, priya, utc2026(8, 7, 6, 5), "[~lvenkat] [~vrao.vendor] this is blocking UAT for card hotlisting in 4.13. Kindly share the ETA for the fix today itself. UAT sign-off date is 12th and we cannot move go-live.")
	b.comment(v1, vikram, utc2026(8, 7, 12, 0), "Checking, will revert.")
	b.comment(v1, priya, utc2026(8, 8, 5, 0), "Hi [~lvenkat], no update since yesterday. As discussed on call, we need the fixed drop by Monday 10th morning for UAT to complete by 14th. If not, hotlisting will go as known issue in 4.13 and we will need your written confirmation for the workaround. Please confirm which option by 2 PM today.")
	b.comment(v1, lakshmi, utc2026(8, 8, 8, 0), "Priya, fixed drop will be shared on 9th evening. Apologies for the delay.")
	b.comment(v1, priya, utc2026(8, 11, 6, 0), "Drop 4 received and deployed in UAT. Field 55 is coming complete now, hotlisting scenarios passed. Closing from our side.")
	b.status(v1, priya, utc2026(8, 11, 6, 5), statusClosed, resolutionFixed)
	b.link(v1, linkBlocks, relTicket["4.13"], priya, utc2026(8, 7, 6, 6))
	v2 := b.issue(csw, typeTask, "Rollback script missing in drop 3", "", priya, lakshmi, utc2026(8, 8, 9, 0))
	b.comment(v2, priya, utc2026(8, 8, 9, 5), "As per the vendor drop checklist agreed in April, every drop needs a rollback script. Drop 3 does not have it. We cannot accept the drop in pre-prod without it. [~lvenkat] please share by EOD.")
	b.comment(v2, lakshmi, utc2026(8, 9, 7, 0), "Shared the script on mail and attached here.")
	b.status(v2, priya, utc2026(8, 9, 9, 0), statusClosed, resolutionDone)
	v3 := b.issue(csw, typeTask, "Card status sync for inactive cards", "", deepa, vikram, utc2026(7, 28, 6, 0))
	b.comment(v3, priya, utc2026(7, 29, 6, 0), "[~vrao.vendor] this is the root cause for the reopen on our side. Please do the needful.")
	b.comment(v3, priya, utc2026(8, 2, 6, 0), "Gentle reminder. Please do the needful.")
	b.comment(v3, vikram, utc2026(8, 5, 6, 0), "Fixed in drop 4.")
	v4 := b.issue(csw, typeTask, "Vendor drop 5 - test evidence", "", lakshmi, lakshmi, utc2026(10, 6, 6, 0))
	b.comment(v4, priya, utc2026(10, 7, 6, 0), "Hi [~lvenkat], test evidence for drop 5 is not attached. PFA the checklist again. Kindly share at the earliest.")
	b.comment(v4, lakshmi, utc2026(10, 8, 6, 0), "Attached.")

	// Production incident she coordinated.
	inc := b.issue(core, typeDefect, "PROD: NEFT outward payments stuck in 'Pending' after batch 3", "NEFT outward batch 3 (11:00) did not go to RBI. 4,300+ customer payments showing Pending in net banking.", sanjay, karthik, ist2026(9, 17, 11, 40))
	inc.Priority, inc.Labels = priorityHighest, []string{"production", "sev1"}
	b.comment(inc, priya, ist2026(9, 17, 12, 0), "Hi All, I am coordinating this. Bridge call is on, [~kmenon] and [~sbose] are checking the batch job. Impact: ~4,300 NEFT outward payments from 11:00 batch pending, customers see 'Pending' in net banking. Branches informed to not re-initiate. Next update at 1 PM.")
	b.comment(inc, priya, ist2026(9, 17, 13, 0), "Update 1 PM: root cause identified, batch 3 file generation failed due to tablespace full on the NEFT schema after 4.14 pre-prod data copy job. [~sbose] is adding space. Plan is to regenerate batch 3 and send in the 2 PM window. Next update at 2 PM.")
	b.comment(inc, priya, ist2026(9, 17, 14, 0), "Update 2 PM: tablespace extended, batch 3 regenerated and validated (4,312 txns, amount matching). Sent to RBI in 2 PM window. Awaiting ACK. Next update at 3 PM.")
	b.comment(inc, priya, ist2026(9, 17, 15, 0), "Update 3 PM: ACK received from RBI, all 4,312 payments credited status updated. Customer SMS going out. Resolving the incident. RCA will be shared by Friday in "+"CORE ticket.")
	b.status(inc, priya, ist2026(9, 17, 15, 5), statusResolved, resolutionFixed)
	rca := b.issue(core, typeTask, "RCA: NEFT outward batch 3 failure on 17-Sep", "h3. What happened\nOn 17-Sep NEFT outward batch 3 failed at 11:00 because the NEFT tablespace was full. 4,312 payments were delayed by ~3 hours.\n\nh3. Root cause\nA pre-prod data copy job was pointed to the production NEFT schema by mistake and filled the tablespace.\n\nh3. Corrective and preventive actions (CAPA)\n* Tablespace alert at 80% (owner: [~sbose])\n* Data copy job to run only with pre-prod credentials (owner: [~kmenon])\n* NEFT batch failure to page on-call immediately (owner: [~sbose])", priya, priya, ist2026(9, 18, 10, 0))
	b.link(rca, linkRelates, inc, priya, ist2026(9, 18, 10, 1))
	b.status(rca, priya, ist2026(9, 19, 12, 0), statusClosed, resolutionDone)
	for i, capa := range []string{"Tablespace usage alert at 80% for NEFT schema", "Restrict pre-prod data copy job to pre-prod credentials", "Page on-call on NEFT batch failure"} {
		who := []*User{sanjay, karthik, sanjay}[i]
		c := b.issue(core, typeTask, capa, "CAPA from "+rca.Key+".", priya, who, ist2026(9, 18, 10, 10+i))
		b.link(c, linkRelates, rca, priya, ist2026(9, 18, 10, 20+i))
		if i < 2 {
			b.status(c, who, utc2026(9, 25+i, 6, 0), statusClosed, resolutionDone)
		}
	}

	// Hard negatives: own test automation.
	auto := []struct{ sm, note string }{
		{"Automate FD closure regression (Selenium)", "{code}mvn -Dtest=FdClosureIT test -Denv=sit{code} all 24 passing locally now"},
		{"Fix flaky RestAssured test ImpsTransferIT", "Was a race on the mock server startup. Added wait, PR #442"},
		{"Migrate regression pack from TestNG 6 to 7", "Updated testng.xml, raised PR #455"},
		{"Parallel execution for core regression suite", "Runtime down from 3h10m to 1h25m with 4 threads"},
		{"Test data setup scripts for RD and FD products", "{code:sql}INSERT INTO td_products ...{code} scripts in repo under /testdata"},
		{"Allure report publishing in Jenkins", "report link in job page now"},
		{"API tests for customer 360 service", "38 tests added"},
		{"Stabilise NEFT file comparison utility", "fixed encoding issue, was reading as ISO-8859-1"},
		{"Upgrade Selenium grid to 4.21", "done"},
		{"Zephyr sync for automated test results", "Results now pushed to Zephyr cycle via API"},
		{"Mock CardSwitch simulator for SIT", "WireMock stubs for 0100/0110 and 0400/0410"},
		{"Automate NACH mandate regression", "PR #501"},
		{"Remove hardcoded SIT URLs from test config", "moved to env properties"},
		{"Add retry for flaky login step", "retry analyzer added for LoginPage only"},
		{"Performance smoke for statement API (JMeter)", "p95 820ms at 50 users, attached jtl"},
		{"Cleanup old test users in SIT", "deleted 312 users"},
		{"Regression suite for loan EMI module", "52 cases automated"},
		{"Jenkins pipeline for nightly regression", "nightly at 2 AM IST, mails to QA DL"},
	}
	for i, a := range auto {
		at := utc2025(12, 8, 6, 0).Add(time.Duration(i) * 19 * 24 * time.Hour)
		p := core
		if i%3 == 0 {
			p = rel
		}
		is := b.issue(p, typeTask, a.sm, "", priya, priya, at)
		if p == core {
			is.Sprints = []*Sprint{b.sprintAt(core, at)}
		}
		b.status(is, priya, at.Add(time.Hour), statusInProgress, nil)
		b.comment(is, priya, at.Add(3*24*time.Hour), a.note)
		if i%2 == 0 {
			b.comment(is, jenkins, at.Add(3*24*time.Hour+time.Hour), "Build #"+strconv.Itoa(880+i)+" *SUCCESS* - core-regression-nightly\nTests: 1,204 passed, 0 failed, 12 skipped\n[View build|https://jenkins.kaveribank.example/job/core-regression-nightly/"+strconv.Itoa(880+i)+"/]")
		} else {
			b.comment(is, jenkins, at.Add(3*24*time.Hour+time.Hour), "Build #"+strconv.Itoa(880+i)+" *FAILURE* - core-regression-nightly\n{code}Tests run: 1204, Failures: 3, Errors: 0, Skipped: 12{code}")
		}
		b.status(is, priya, at.Add(4*24*time.Hour), statusClosed, resolutionDone)
		if i%3 == 0 {
			b.worklog(is, priya, at.Add(24*time.Hour), 6*3600, "automation")
		}
	}
	// Priya pastes a regression run result herself (code-ish, release ticket).
	b.comment(relTicket["4.14"], priya, ist2026(10, 20, 11, 0), "Regression on 4.14.0-rc2:\n{code}\nTests run: 1204, Failures: 3, Errors: 0, Skipped: 12\nFailed: StmtPdfIT.longName, NachIT.reject91, ImpsIT.timeout\n{code}\nAll 3 are known, test data issues.")

	// "Please do the needful" requests that decide nothing.
	for i, sm := range []string{"Update test data for SIT refresh", "Provide DB access for QA in UAT", "Share SIT build deployment timings", "Enable debug logs in SIT for NEFT module", "Add QA DL to release mail"} {
		is := b.issue(core, typeTask, sm, "", []*User{karthik, sanjay, rohit, sanjay, anand}[i], []*User{karthik, sanjay, rohit, sanjay, anand}[i], utc2026(2, 1, 6, 0).Add(time.Duration(i)*50*24*time.Hour))
		b.comment(is, priya, is.Created.Add(24*time.Hour), "[~"+is.Assignee.Name+"] please do the needful.")
		b.comment(is, priya, is.Created.Add(3*24*time.Hour), "Hi [~"+is.Assignee.Name+"], any update on this? Kindly do the needful at the earliest.")
	}

	// A Server mention by key (account created after Jira 8) inside a quote.
	b.comment(defectIssues[9], priya, utc2026(10, 15, 6, 0), "{quote}NACH status should move to Rejected within T+1{quote}\nAs per the above line from FSD, [~JIRAUSER11022] kindly check. Currently it stays Active even after 3 days.")

	// Bulk close of 30 stale tickets in two minutes.
	stale := utc2026(9, 30, 11, 0)
	for i := 0; i < 30; i++ {
		rep := []*User{karthik, deepa, rohit, meena, farhan, sanjay}[i%6]
		is := b.issue(core, []*IssueType{typeDefect, typeTask, typeStory}[i%3], []string{
			"Login page spelling mistake", "Old SIT defect - balance enquiry slow", "Review batch job logs", "Spike: new report engine", "Holiday calendar 2024 upload", "Test case review for 4.6",
		}[i%6]+" ("+strconv.Itoa(i+1)+")", "", rep, rep, utc2025(3, 1, 6, 0).Add(time.Duration(i)*3*24*time.Hour))
		at := stale.Add(time.Duration(i*4) * time.Second)
		b.comment(is, priya, at, "Closing as part of backlog cleanup, no activity for more than 6 months. Please reopen if still required.")
		b.status(is, priya, at.Add(time.Second), statusClosed, resolutionWontFix)
	}

	// Teammates' open work (for next).
	active, nextSprint, ago := b.sprintAt(core, now), b.nextSprint(core), b.ago
	t1 := b.issue(core, typeStory, "UPI AutoPay mandate for recurring deposits", "Customers should be able to set up UPI AutoPay for RD instalments.", meena, karthik, ago(15))
	t1.Sprints, t1.StoryPoints, t1.Status = []*Sprint{active}, points(8), statusInProgress
	t1.FixVersions = []*Version{ver("4.15")}
	t2 := b.issue(core, typeStory, "Form 15G/15H online submission", "h3. Acceptance criteria\n* Customer can submit 15G/15H from net banking\n* TDS not deducted after acceptance", meena, deepa, ago(12))
	t2.Sprints = []*Sprint{nextSprint}
	t2.FixVersions = []*Version{ver("4.15")}
	t3 := b.issue(core, typeEpic, "Core Banking 4.15 - Digital deposits", "h3. Objective\nAll deposit products can be opened and closed digitally.", meena, meena, ago(70))
	t3.Status, t3.EpicName = statusInProgress, "Digital deposits"
	b.comment(t3, meena, ago(38), "Kick-off done with business, 6 stories planned for 4.15.")
	t4 := b.issue(core, typeTask, "Sweep-in for joint accounts", "", meena, rohit, ago(20))
	t4.Sprints, t4.Status = []*Sprint{active}, statusInProgress
	b.comment(t4, rohit, ago(7), "[~msundaram] for joint accounts, should the sweep-in use either-or-survivor mandate or both signatures? FSD is silent on this.")
	t5 := b.issue(core, typeDefect, "Passbook printing skips line 24", "Line 24 is skipped on Epson passbook printers.", harpreet, nil, ago(18))
	t5.Priority = nil
	t6 := b.issue(core, typeStory, "Debit card PIN set via net banking", "Customers set PIN online instead of green PIN via IVR.", meena, deepa, ago(25))
	t6.Status, t6.Flagged = statusInProgress, true
	t6.Sprints = []*Sprint{active}
	cswT := b.issue(csw, typeTask, "PIN set API for net banking channel", "", lakshmi, nil, ago(30))
	b.addLink(cswT, linkBlocks, t6)
	b.comment(t6, deepa, ago(14), "Waiting on CardSwitch for the PIN set API. [~lvenkat] any ETA please?")
	for i, sm := range []string{"Statement API pagination", "Audit log for nominee change", "Interest certificate for NRE FD"} {
		is := b.issue(core, typeTask, sm, "", meena, []*User{karthik, rohit, deepa}[i], ago(float64(9+i)))
		is.Sprints, is.StoryPoints, is.Status = []*Sprint{active}, points(3), statusInProgress
		b.comment(is, is.Assignee, ago(float64(2+i)), "dev in progress, will move to QA by Monday")
	}
	t7 := b.issue(core, typeStory, "Positive pay SMS confirmation", "", meena, nil, ago(6))
	t7.Sprints = []*Sprint{nextSprint}
	// REL teammates
	r1 := b.issue(rel, typeTask, "Release 4.15 - DR drill before go-live", "DR drill to be done before 4.15 go-live as per RBI circular.", anand, sanjay, ago(21))
	r1.Status = statusOnHold
	b.comment(r1, sanjay, ago(19), "On hold till DC-DR link upgrade is done.")
	// A later word that does not say what it waits on does not unsay it.
	b.comment(r1, anand, ago(12), "[~sbose], the drill has to be signed off before the 4.15 go-live. Please keep this ticket updated.")
	r1.Sprints = []*Sprint{b.sprintAt(rel, now)}
	r2 := b.issue(rel, typeTask, "Change advisory board slot for 4.15", "", anand, anand, ago(8))
	r2.Sprints = []*Sprint{b.sprintAt(rel, now)}
	b.comment(r2, farhan, ago(5), "[~akulkarni] is CAB on Tuesday or Wednesday this time?")
	// A 4.15 epic on REL with no note
	r3 := b.issue(rel, typeEpic, "Automated deployment for Core Banking (Ansible)", "h3. Objective\nNo manual steps in production deployment by 4.16.", anand, farhan, ago(90))
	r3.Status, r3.EpicName = statusInProgress, "Automated deployment"
	b.comment(r3, farhan, ago(45), "Playbooks ready for app tier, DB tier pending.")

	return b.done()
}
