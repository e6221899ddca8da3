package jiratest

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// TeamPlant is one issue the demo's team backlog plants: PM work nobody is
// doing that `pmfolio next` should find (Detector names the detector), or a
// look-alike it must not report (Detector is empty).
type TeamPlant struct {
	Key      string
	Detector string // "" for a look-alike
	Note     string // what it is, for test failures
}

// TeamPlants lists the planted team-backlog issues (DemoOptions.TeamBacklog).
func (s *Site) TeamPlants() []TeamPlant { return slices.Clone(s.plants) }

// jqlScope is what the fake understands of a query's selection besides the
// `updated` bound: the projects it names, "statusCategory != Done" (with
// "OR resolved >= -Nd", the issues resolved in the last N days too), and
// whether it is the user's own default selection (updatedBy or
// currentUser()), which returns only issues the user took part in.
type jqlScope struct {
	projects []string
	open     bool
	// resolvedDays, with open, lets in the issues resolved in the last
	// resolvedDays days.
	resolvedDays int
	mine         bool
}

var (
	projectIn    = regexp.MustCompile(`(?i)\bproject\s+in\s*\(([^)]*)\)`)
	projectEq    = regexp.MustCompile(`(?i)\bproject\s*=\s*("[^"]*"|'[^']*'|[\w-]+)`)
	openOnly     = regexp.MustCompile(`(?i)\bstatusCategory\s*!=\s*("?done"?)`)
	resolvedLast = regexp.MustCompile(`(?i)\bresolved\s*>=\s*"?-(\d+)d"?`)
	mySelection  = regexp.MustCompile(`(?i)\bupdatedBy\s*\(|currentUser\s*\(\s*\)`)
	quotedOrWord = regexp.MustCompile(`"([^"]*)"|'([^']*)'|([\w-]+)`)
)

func parseScope(jql string) jqlScope {
	var sc jqlScope
	for _, m := range projectIn.FindAllStringSubmatch(jql, -1) {
		sc.projects = append(sc.projects, jqlValues(m[1])...)
	}
	for _, m := range projectEq.FindAllStringSubmatch(jql, -1) {
		sc.projects = append(sc.projects, jqlValues(m[1])...)
	}
	sc.open = openOnly.MatchString(jql)
	if m := resolvedLast.FindStringSubmatch(jql); m != nil {
		sc.resolvedDays, _ = strconv.Atoi(m[1])
	}
	sc.mine = mySelection.MatchString(jql)
	return sc
}

func jqlValues(list string) []string {
	var out []string
	for _, m := range quotedOrWord.FindAllStringSubmatch(list, -1) {
		out = append(out, strings.ToUpper(m[1]+m[2]+m[3]))
	}
	return out
}

// matches reports whether an issue is in the scope.
func (sc jqlScope) matches(site *Site, is *Issue) bool {
	if len(sc.projects) > 0 && !slices.Contains(sc.projects, strings.ToUpper(is.Project.Key)) {
		return false
	}
	if sc.open && is.Status.Category == categoryDone &&
		(sc.resolvedDays == 0 || is.Resolved.Before(site.Now.AddDate(0, 0, -sc.resolvedDays))) {
		return false
	}
	return !sc.mine || involves(is, site.Me)
}

// involves reports whether u took part in the issue: reported, created or
// was assigned it, changed it, commented on it or logged work on it.
func involves(is *Issue, u *User) bool {
	if is.Reporter == u || is.Creator == u || is.Assignee == u {
		return true
	}
	for _, h := range is.Histories {
		if h.Author == u {
			return true
		}
	}
	for _, c := range is.Comments {
		if c.Author == u {
			return true
		}
	}
	for _, w := range is.Worklogs {
		if w.Author == u {
			return true
		}
	}
	return false
}

// boardEndpoints serves the two requests that turn a board into its JQL:
// GET /rest/agile/1.0/board/{id}/configuration and GET /rest/api/2/filter/{id}.
// It reports whether the path was one of them.
func (s *Server) boardEndpoints(w http.ResponseWriter, r *http.Request, path string) bool {
	if r.Method != http.MethodGet {
		return false
	}
	if rest, ok := strings.CutPrefix(path, "/rest/agile/1.0/board/"); ok {
		id, _ := strings.CutSuffix(rest, "/configuration")
		for _, p := range s.site.Projects {
			if strconv.Itoa(p.BoardID) == id {
				writeJSON(w, http.StatusOK, map[string]any{"id": p.BoardID, "name": p.Key + " board", "type": "scrum",
					"filter": map[string]any{"id": strconv.Itoa(10000 + p.BoardID)}})
				return true
			}
		}
		writeError(w, http.StatusNotFound, "The requested board cannot be viewed because it either does not exist or you do not have permission to view it.")
		return true
	}
	if id, ok := strings.CutPrefix(path, "/rest/api/2/filter/"); ok {
		for _, p := range s.site.Projects {
			if strconv.Itoa(10000+p.BoardID) == id {
				writeJSON(w, http.StatusOK, map[string]any{"id": id, "name": "Filter for " + p.Key + " board",
					"jql": "project = " + p.Key + " ORDER BY Rank ASC"})
				return true
			}
		}
		writeError(w, http.StatusNotFound, "The selected filter is not available to you, perhaps it has been deleted or had its permissions changed.")
		return true
	}
	return false
}

// teamBacklog adds issues of Me's team that Me never touched: PM work
// nobody is doing (one or two of each kind `pmfolio next` looks for),
// look-alikes that are not, and extra ordinary issues.
func (g *generator) teamBacklog(extra int) {
	s := g.site
	if s.FieldIDs.AcceptanceCriteria == "" {
		s.FieldIDs.AcceptanceCriteria = "customfield_10050"
		if s.Deployment == DeploymentServer {
			s.FieldIDs.AcceptanceCriteria = "customfield_10300"
		}
	}
	ops, pay := g.ops, g.pay
	team := g.teamAt(ops, s.Now)
	tomas, aisha, sam := team[0], team[1], team[len(team)-1]
	jonas := g.team[pay][0]
	active := ops.sprintAt(s.Now)
	next := ops.sprintAfter(active)
	// A hotfix release due in eight days, whatever the date.
	release := &Version{ID: strconv.Itoa(10900 + len(ops.Versions)), Name: "platform-hotfix-" + s.Now.Format("2006.01.02"),
		ReleaseDate: s.Now.AddDate(0, 0, 8).Truncate(24 * time.Hour)}
	ops.Versions = append(ops.Versions, release)
	later := ops.Versions[len(ops.Versions)-2]
	if later.ReleaseDate.Before(s.Now.AddDate(0, 0, 30)) {
		later = &Version{ID: strconv.Itoa(10901 + len(ops.Versions)), Name: "platform-next-year", ReleaseDate: s.Now.AddDate(0, 3, 0).Truncate(24 * time.Hour)}
		ops.Versions = append(ops.Versions, later)
	}
	ago := func(days float64) time.Time {
		return s.Now.Add(-time.Duration(days * 24 * float64(time.Hour))).Truncate(time.Minute)
	}
	points := func(p float64) *float64 { return &p }
	ac := "h3. Acceptance criteria\n* The change is live in production\n* The runbook says how to roll it back"
	plant := func(is *Issue, detector, note string) {
		s.plants = append(s.plants, TeamPlant{Key: is.Key, Detector: detector, Note: note})
	}

	// Stories planned into the sprints.
	st := g.teamIssue(ops, typeStory, "Self-service preview environments for pull requests", tomas, ago(12))
	st.Description = "As a developer I want a preview environment for each pull request so that reviewers can try changes."
	st.Sprints, st.StoryPoints, st.Assignee = []*Sprint{active}, points(5), aisha
	plant(st, "story.no-acceptance-criteria", "active-sprint story without criteria")

	st = g.teamIssue(ops, typeStory, "Alert routing by service owner", sam, ago(9))
	st.Description = "As an on-call engineer I want alerts routed to the owning team so that I am not paged for services I do not know.\n\n" + ac
	st.Sprints, st.Assignee = []*Sprint{next}, tomas
	plant(st, "story.no-estimate", "next-sprint story without an estimate")

	st = g.teamIssue(ops, typeStory, "Cost report per namespace for finance", aisha, ago(15))
	st.Description = "Finance wants to see what each team spends on the cluster."
	st.Sprints, st.Assignee = []*Sprint{active}, sam
	plant(st, "story.no-acceptance-criteria", "active-sprint story with neither criteria nor estimate")
	plant(st, "story.no-estimate", "active-sprint story with neither criteria nor estimate")

	st = g.teamIssue(ops, typeStory, "Audit log export for the security team", sam, ago(11))
	st.Description = "Security needs the audit log outside the cluster."
	st.AcceptanceCriteria = "* Logs reach the SIEM within 5 minutes\n* Nothing is lost when the exporter restarts"
	st.Sprints, st.StoryPoints, st.Assignee = []*Sprint{active}, points(3), tomas
	plant(st, "", "criteria in the Acceptance Criteria field")

	st = g.teamIssue(ops, typeStory, "Rotate database credentials without downtime", tomas, ago(10))
	st.Description = "h3. Scenario\nGiven a service holding a database connection\nWhen the credentials rotate\nThen it reconnects without failing a request"
	st.Sprints, st.StoryPoints, st.Assignee = []*Sprint{active}, points(8), aisha
	plant(st, "", "criteria as Given/When/Then")

	// Blocked work.
	blocker := g.teamIssue(pay, typeTask, "Expose the ledger export endpoint to the platform team", jonas, ago(20))
	blocker.Assignee, blocker.Priority = jonas, priorityHigh
	stale := g.teamIssue(ops, typeTask, "Move the ledger backups to the new storage account", aisha, ago(18))
	stale.Assignee, stale.Status, stale.Flagged, stale.Components = aisha, statusBlocked, true, []*Component{ops.Components[6]}
	g.teamLink(linkBlocks, blocker, stale)
	g.teamComment(stale, aisha, "Blocked until PAY exposes the ledger export endpoint. Nothing we can do here until then.", ago(6))
	behind := g.teamIssue(ops, typeTask, "Delete the old backup bucket", sam, ago(14))
	behind.Assignee = sam
	g.teamLink(linkBlocks, stale, behind)
	plant(stale, "blocked.stale", "blocked with no comment for 6 days, blocking another issue")

	fresh := g.teamIssue(ops, typeTask, "Upgrade the ingress controller to 1.11", tomas, ago(16))
	fresh.Assignee, fresh.Status, fresh.Flagged = tomas, statusBlocked, true
	g.teamComment(fresh, tomas, "Blocked on the change freeze.", ago(8))
	g.teamComment(fresh, sam, "Freeze ends Monday, Tomás can go ahead then; I have told the release managers.", ago(2))
	plant(fresh, "", "blocked issue with a fresh comment")

	// An epic nobody has reported on.
	epic := g.teamIssue(ops, typeEpic, "Kubernetes cluster upgrade to 1.31", sam, ago(70))
	epic.Status, epic.Assignee, epic.Priority = statusInProgress, sam, priorityHigh
	// Its goal says what it is for, not how the team will know it worked
	// ("Every cluster on 1.31 by …" would be its own measure).
	epic.Description = "h3. Goal\nMake upgrading the clusters routine, not a project that takes the team most of a quarter."
	g.teamComment(epic, sam, "Update: staging clusters are done, production next.", ago(24))
	plant(epic, "epic.no-progress-note", "epic in progress, last note 24 days ago")
	plant(epic, "epic.no-success-metric", "epic in progress with a goal but no success metric")

	noted := g.teamIssue(ops, typeEpic, "Secrets management with Vault", tomas, ago(60))
	noted.Status, noted.Assignee = statusInProgress, tomas
	noted.Description = "h3. Goal\nEvery service reads its secrets from Vault.\n\nh3. Success metrics\n* No secret left in a repository or a CI variable\n* Any secret rotated in under an hour"
	g.teamComment(noted, tomas, "Update: 6 of 9 services read their secrets from Vault; the rest by end of month.", ago(5))
	plant(noted, "", "epic with success metrics and a progress note 5 days ago")

	// Epics finished lately: one closed without saying what it changed,
	// one with its result written down, and one dropped.
	closed := g.teamIssue(ops, typeEpic, "Self-service namespaces for product teams", tomas, ago(75))
	closed.Assignee, closed.Priority = aisha, priorityHigh
	closed.Description = "h3. Goal\nProduct teams create their own namespaces without a platform ticket.\n\n" +
		"h3. Success metrics\n* Namespace requests in the platform queue down from about 30 a month to under 5"
	g.teamComment(closed, aisha, "Update: the namespace operator is live in staging; production after the freeze.", ago(30))
	closed.Status, closed.Resolution, closed.Resolved = statusDone, resolutionDone, ago(9)
	g.teamComment(closed, aisha, "All child stories are done, closing the epic.", ago(9))
	plant(closed, "epic.done-no-outcome", "epic done 9 days ago, closed without saying what it changed")

	measured := g.teamIssue(ops, typeEpic, "Faster CI pipelines for the monorepo", sam, ago(90))
	measured.Assignee = sam
	measured.Description = "h3. Goal\nA green build in minutes, not half an hour.\n\nh3. Success metrics\n* Median pipeline time under 10 minutes"
	measured.Status, measured.Resolution, measured.Resolved = statusDone, resolutionDone, ago(12)
	g.teamComment(measured, sam, "Result: the median pipeline time is down from 22 to 8 minutes, so the success metric is met. The slowest tenth still takes 14.", ago(12))
	plant(measured, "", "epic done with its result written down")

	dropped := g.teamIssue(ops, typeEpic, "Service mesh for every namespace", tomas, ago(120))
	dropped.Status, dropped.Resolution, dropped.Resolved = statusDone, resolutionWontDo, ago(15)
	g.teamComment(dropped, tomas, "Dropping this: the sidecars cost more than our traffic needs. Recorded in the architecture log.", ago(15))
	plant(dropped, "", "epic closed as Won't Do")

	// Work the running sprint needs from the payments team, which nobody
	// there has taken or planned, and which itself waits on another task
	// of theirs nobody has written on. It is one chain, told once, on the
	// story in the sprint (dependency.other-team): the webhook needs an
	// owner, and what it waits on a date. blocked.stale does not chase the
	// quiet webhook as well. Were the webhook the end of the chain,
	// blocked.stale would chase it on the story instead once the story's
	// note is three days old, and the demo is the same site all week
	// (DemoWeekOf): from Tuesday on, `next` would show no
	// dependency.other-team.
	events := g.teamIssue(pay, typeTask, "Publish payout status changes to the event bus", jonas, ago(16))
	// PAY's lead has it, not Jonas, who filed the webhook: a date for the
	// events and an owner for the webhook are asks of two people.
	events.Assignee = g.pay.Lead
	webhook := g.teamIssue(pay, typeTask, "Webhook for payout status changes", jonas, ago(9))
	g.teamLink(linkBlocks, events, webhook)
	plant(webhook, "", "unowned PAY task waiting on another, neither written on since it was filed: the chain is told on the running-sprint story behind it")
	alert := g.teamIssue(ops, typeStory, "Alert on failed payouts from the payout webhook", sam, ago(8))
	alert.Description = "As the on-call engineer I want an alert when payouts fail so that merchants are not left waiting.\n\n" + ac
	alert.Sprints, alert.StoryPoints, alert.Assignee = []*Sprint{active}, points(3), tomas
	g.teamLink(linkBlocks, webhook, alert)
	g.teamComment(alert, tomas, "Needs the payout webhook from the payments team before we can alert on it.", ago(1))
	plant(alert, "dependency.other-team", "running-sprint story blocked by a PAY task nobody has taken and no PAY sprint plans, which waits on another")

	// Incidents resolved lately: one nobody wrote a postmortem for, one
	// with its postmortem linked.
	inc := g.teamIssue(ops, typeBug, "INC: image pulls failing on the build cluster", aisha, ago(12))
	inc.Labels, inc.Assignee = []string{"incident"}, aisha
	inc.Status, inc.Resolution, inc.Resolved = statusDone, resolutionDone, ago(10)
	g.teamComment(inc, aisha, "Mitigated at 09:50 by pinning the registry mirror; builds are green again.", ago(10.1))
	inc.Updated = inc.Resolved
	plant(inc, "incident.no-postmortem", "incident resolved 10 days ago with no postmortem")

	reviewed := g.teamIssue(ops, typeBug, "INC: DNS resolution errors in the staging cluster", tomas, ago(16))
	reviewed.Labels, reviewed.Assignee = []string{"incident"}, tomas
	reviewed.Status, reviewed.Resolution, reviewed.Resolved = statusDone, resolutionDone, ago(14)
	reviewed.Updated = reviewed.Resolved
	pm := g.teamIssue(ops, typeTask, "Postmortem: DNS resolution errors in staging", tomas, ago(13))
	pm.Assignee = tomas
	g.teamLink(linkRelates, pm, reviewed)
	plant(reviewed, "", "incident with its postmortem linked")

	// Questions to the team.
	q := g.teamIssue(ops, typeTask, "Retention policy for application logs", aisha, ago(13))
	q.Assignee = aisha
	g.teamComment(q, aisha, "Do we keep application logs for 30 or 90 days? Legal has not said and I need to size the bucket.", ago(6))
	plant(q, "question.unanswered", "a teammate's question unanswered for 4 working days")

	q = g.teamIssue(ops, typeTask, "Decide the on-call rotation for the holidays", sam, ago(12))
	q.Assignee = sam
	g.teamComment(q, sam, "Who covers the week of 28 December?", ago(7))
	g.teamComment(q, tomas, "I do; Aisha takes the week after.", ago(6.9))
	plant(q, "", "question answered by a teammate")

	q = g.teamIssue(ops, typeTask, "Tidy up the Terraform state for the old VPC", tomas, ago(40))
	q.Assignee = tomas
	g.teamComment(q, s.Bot, "This issue has had no activity for 30 days. Is this still relevant?", ago(9))
	plant(q, "", "automation asking whether the issue is still relevant")

	q = g.teamIssue(ops, typeTask, "Shorter TTL for the internal DNS records", aisha, ago(4))
	q.Assignee = aisha
	g.teamComment(q, aisha, "Is 60 seconds short enough for the failover test?", s.Now.Add(-66*time.Hour).Truncate(time.Minute))
	plant(q, "", "question asked on Thursday afternoon: one working day ago")

	// A question from a colleague who left, on her own issue: nobody will
	// answer it, the issue needs a new owner or closing.
	q = g.teamIssue(ops, typeTask, "Bump the argo-cd chart to 3.1.7", g.leaver, g.leftAt.AddDate(0, 0, -30))
	q.Assignee = g.leaver
	g.teamComment(q, g.leaver, "Is this still needed after the argo-cd migration?", g.leftAt.AddDate(0, 0, -10))
	plant(q, "question.unanswered", "a question from a colleague who left, on her own issue")

	// Bugs waiting for triage.
	bug := g.teamIssue(ops, typeBug, "Deploy pipeline times out pulling base images", tomas, ago(10))
	bug.Priority = nil
	plant(bug, "bug.untriaged", "bug with neither priority nor component for 10 days")
	bug = g.teamIssue(ops, typeBug, "Log shipper drops lines over 16 KB", aisha, ago(2))
	bug.Priority = nil
	plant(bug, "", "bug filed two days ago: not yet due for triage")

	// Work in the running sprint that stopped moving, and work that did not.
	for _, w := range []struct {
		summary, comment string
		who              *User
		created, last    float64 // days ago
		detector, note   string
	}{
		{"Move the CI cache to the regional bucket", "Started: the new bucket exists, copying the cache next.", tomas, 25, 13,
			"in-progress.stalled", "in progress in the running sprint, nothing new for 13 days"},
		{"Shard the build queue by repository", "Two of five shards are live; the rest after the freeze.", aisha, 20, 1,
			"", "in progress in the running sprint, commented yesterday"},
	} {
		is := g.teamIssue(ops, typeTask, w.summary, sam, ago(w.created))
		is.Status, is.Assignee, is.Sprints, is.Components = statusInProgress, w.who, []*Sprint{active}, []*Component{ops.Components[1]}
		g.teamComment(is, w.who, w.comment, ago(w.last))
		is.Updated = ago(w.last)
		plant(is, w.detector, w.note)
	}

	// Work in progress that nobody owns.
	orphan := g.teamIssue(ops, typeTask, "Migrate the status page to the new provider", sam, ago(8))
	orphan.Status, orphan.Assignee, orphan.Components = statusInReview, nil, []*Component{ops.Components[4]}
	plant(orphan, "in-progress.unassigned", "in review with nobody assigned")

	// Likely duplicates, and a pair already known to be.
	a := g.teamIssue(ops, typeBug, "Grafana ingress dashboard shows no data after the upgrade", tomas, ago(9))
	a.Components, a.Assignee = []*Component{ops.Components[3]}, tomas
	b := g.teamIssue(ops, typeBug, "Grafana ingress dashboard shows no data after upgrade", aisha, ago(3))
	b.Components = []*Component{ops.Components[3]}
	plant(b, "duplicate.likely", "same summary as "+a.Key)
	a = g.teamIssue(ops, typeBug, "Node pool autoscaler ignores the spot instance limit", sam, ago(9))
	a.Components, a.Assignee = []*Component{ops.Components[2]}, sam
	b = g.teamIssue(ops, typeBug, "Node pool autoscaler ignores spot instance limit", tomas, ago(4))
	b.Components, b.Assignee = []*Component{ops.Components[2]}, tomas
	g.teamLink(linkDuplicate, b, a)
	plant(b, "", "duplicate already linked to "+a.Key)

	// A release that is near with unowned issues, and one that is not.
	for _, summary := range []string{"Release notes for the platform release", "Remove the deprecated metrics endpoint"} {
		r := g.teamIssue(ops, typeTask, summary, sam, ago(12))
		r.FixVersions, r.Components = []*Version{release}, []*Component{ops.Components[3]}
		if strings.HasPrefix(summary, "Release notes") {
			plant(r, "release.unowned-issues", release.Name+" due soon with unassigned issues")
		}
	}
	far := g.teamIssue(ops, typeTask, "Decommission the legacy CI runners", sam, ago(12))
	far.FixVersions = []*Version{later}
	plant(far, "", "unassigned, but its release is months away")

	// A release that shipped without an issue, and an issue moved on to
	// the next one.
	var shipped *Version
	for _, v := range ops.Versions {
		if v.Released && (shipped == nil || v.ReleaseDate.After(shipped.ReleaseDate)) {
			shipped = v
		}
	}
	if shipped != nil {
		missed := g.teamIssue(ops, typeTask, "Rotate the certificates of the internal CA", tomas, ago(50))
		missed.Assignee, missed.FixVersions = tomas, []*Version{shipped}
		plant(missed, "release.missed", shipped.Name+" released without it")
		moved := g.teamIssue(ops, typeTask, "Retire the v1 metrics exporter", aisha, ago(50))
		moved.Assignee, moved.FixVersions = aisha, []*Version{shipped, release}
		plant(moved, "", "planned into the coming release as well")
	}

	// A Highest-priority bug nobody has and no sprint plans, and one the
	// running sprint plans but nobody has taken in its last week (the demo
	// is read on a Sunday: the sprint ends the next day or the Monday after).
	urgent := g.teamIssue(ops, typeBug, "Webhook callbacks dropped when the queue is full", sam, ago(30))
	urgent.Priority, urgent.Components = priorityHighest, []*Component{ops.Components[2]}
	planned := g.teamIssue(ops, typeBug, "Build cache misses after every base image update", sam, ago(30))
	planned.Priority, planned.Components, planned.Sprints = priorityHighest, []*Component{ops.Components[1]}, []*Sprint{active}
	if i := slices.Index(ops.Sprints, active); i > 0 {
		urgent.Sprints = []*Sprint{ops.Sprints[i-1]}
		// Work in progress Jira left behind when that sprint closed.
		left := g.teamIssue(ops, typeTask, "Tune the autoscaler cool-down period", aisha, ago(20))
		left.Status, left.Assignee, left.Sprints, left.Components = statusInProgress, tomas, []*Sprint{ops.Sprints[i-1]}, []*Component{ops.Components[2]}
		g.teamComment(left, tomas, "Cool-down at 5 minutes on staging, watching the weekend traffic before production.", ago(2))
		plant(left, "in-progress.outside-sprint", "in progress, left in the closed sprint")
	}
	plant(urgent, "priority.top-unowned", "Highest priority for a month, unassigned, in no running sprint")
	plant(planned, "sprint.unowned-priority", "Highest priority, unassigned, not started, in the running sprint's last week")

	// A story too large to finish in a sprint, and one merely large.
	st = g.teamIssue(ops, typeStory, "Multi-region failover for the ingress layer", sam, ago(6))
	st.Description = "As an on-call engineer I want ingress to fail over to the second region on its own so that a regional outage is not a page.\n\n" + ac
	st.Sprints, st.StoryPoints, st.Assignee = []*Sprint{next}, points(21), tomas
	plant(st, "story.too-large", "21 points in the next sprint, not started")
	st = g.teamIssue(ops, typeStory, "Move the CI secrets into Vault", aisha, ago(6))
	st.Description = "As a developer I want CI to read its secrets from Vault so that no secret lives in a pipeline variable.\n\n" + ac
	st.Sprints, st.StoryPoints, st.Assignee = []*Sprint{next}, points(8), aisha
	plant(st, "", "8 points in the next sprint: big, not too big")

	g.overcommittedSprint(active, next)

	g.teamFillers(extra)
}

// teamWants is the one line a team story of the sprint scene has: what
// the team wants, in the words of its summary.
func teamWants(summary string) string {
	return "As the platform team we want this done: " + strings.ToLower(summary[:1]) + summary[1:] + "."
}

// overcommittedSprint plants what the team finished in the three sprints
// before the running one, and a next sprint planned well beyond it: the
// sprint planning `next` finds nobody did (sprint.overcommitted).
func (g *generator) overcommittedSprint(active, next *Sprint) {
	s, ops := g.site, g.ops
	i := slices.Index(ops.Sprints, active)
	if i < 3 || next == active {
		return
	}
	team := g.teamAt(ops, s.Now)
	ac := "\n\nh3. Acceptance criteria\n* Reviewed by the team"
	finished := [][]struct {
		summary string
		points  float64
	}{
		{{"Alert when a node pool runs out of addresses", 5}, {"Runbook for a full etcd disk", 3}, {"Cap the build log size per job", 5},
			{"Dashboard of pod restarts per namespace", 3}, {"Retry flaky registry pushes once", 5}},
		{{"Alert on certificate renewals that fail twice", 5}, {"Spread the ingress pods across zones", 8}, {"Nightly restore test of the config database", 5},
			{"Clean up the unused load balancers", 3}},
		{{"Per-team cost labels on every namespace", 8}, {"Move the cron jobs off the legacy scheduler", 5}, {"Expire preview environments after a week", 5},
			{"Document the on-call hand-over", 3}, {"Pin the base image digests in CI", 3}},
	}
	for j, sp := range ops.Sprints[i-3 : i] {
		for k, f := range finished[j] {
			who := team[(j+k)%len(team)]
			is := g.teamIssue(ops, typeStory, f.summary, who, sp.Start.Add(-48*time.Hour))
			points := f.points
			is.Description, is.StoryPoints, is.Assignee, is.Sprints = teamWants(f.summary)+ac, &points, who, []*Sprint{sp}
			is.Components = []*Component{ops.Components[(j+k)%len(ops.Components)]}
			is.Status, is.Resolution, is.Resolved = statusDone, resolutionDone, sp.End.Add(-time.Duration(24*(1+k))*time.Hour)
			is.Updated = is.Resolved
		}
	}
	// The most the team finished in one of those sprints, the user's own
	// issues and the demo's others included, and what the next one holds.
	best, planned := 0.0, 0.0
	for _, sp := range ops.Sprints[i-3 : i] {
		sum := 0.0
		for _, is := range s.issues {
			if is.Project == ops && is.StoryPoints != nil && len(is.Sprints) > 0 && is.Sprints[len(is.Sprints)-1] == sp &&
				is.Status.Category == categoryDone {
				sum += *is.StoryPoints
			}
		}
		best = max(best, sum)
	}
	for _, is := range s.issues {
		if is.StoryPoints != nil && slices.Contains(is.Sprints, next) && is.Status.Category != categoryDone {
			planned += *is.StoryPoints
		}
	}
	plans := []string{"Self-service database snapshots", "Rate-limit the internal API gateway", "Rotate the CI signing keys",
		"Split the monitoring stack per region", "Canary analysis for the ingress rollout", "Quota alerts for every namespace",
		"Faster cold starts for the build runners", "Audit the cluster admin bindings"}
	var candidate *Issue
	for k := 0; planned <= 1.4*best && k < len(plans); k++ {
		who := team[k%len(team)]
		is := g.teamIssue(ops, typeStory, plans[k], who, s.Now.AddDate(0, 0, -5))
		points := []float64{8, 5, 8, 5, 3}[k%5]
		is.Description, is.StoryPoints, is.Assignee, is.Sprints = teamWants(plans[k])+ac, &points, who, []*Sprint{next}
		is.Components = []*Component{ops.Components[k%len(ops.Components)]}
		if k == 1 {
			is.Priority, candidate = priorityLow, is
		}
		planned += points
	}
	if candidate != nil && planned > 1.2*best {
		g.site.plants = append(g.site.plants, TeamPlant{Key: candidate.Key, Detector: "sprint.overcommitted",
			Note: "the next sprint holds far more than the team finished in any of its last three"})
	}
}

// teamFillers adds n ordinary team issues with nothing missing: assigned,
// estimated, with criteria, triaged, a quarter of them done. Their
// summaries differ in at least one of verb, subject, service and quarter,
// so no two read as duplicates.
func (g *generator) teamFillers(n int) {
	s := g.site
	verbs := []string{"Improve", "Automate", "Document", "Review", "Measure"}
	subjects := []string{"alert thresholds", "backup restore drill", "dashboards", "runbook", "capacity plan", "load tests",
		"certificate renewal", "log retention", "cost report", "access review", "canary analysis", "queue metrics"}
	for i := range n {
		p := s.Projects[i%len(s.Projects)]
		k := i / len(s.Projects) // the issue's number within its project
		services := g.text[p].services
		verb, subject := verbs[k%len(verbs)], subjects[(k/len(verbs))%len(subjects)]
		svc := services[(k/(len(verbs)*len(subjects)))%len(services)]
		quarter := 1 + (k/(len(verbs)*len(subjects)*len(services)))%4
		team := g.teamAt(p, s.Now)
		who := team[i%len(team)]
		created := s.Now.Add(-time.Duration(1+i%60)*24*time.Hour - time.Duration(i)*time.Minute)
		typ := []*IssueType{typeStory, typeTask, typeBug}[i%3]
		is := g.teamIssue(p, typ, verb+" the "+subject+" of "+svc+" for Q"+strconv.Itoa(quarter), who, created)
		is.Assignee = who
		is.Description = "As a team we want the " + subject + " of " + svc + " in order so that on-call is calmer.\n\nh3. Acceptance criteria\n* Reviewed by the team"
		points := float64(1 + i%5)
		is.StoryPoints = &points
		is.Components = []*Component{p.Components[i%len(p.Components)]}
		if i%4 == 0 {
			is.Status, is.Resolution, is.Resolved = statusDone, resolutionDone, created.Add(time.Hour)
			is.Updated = is.Resolved
		}
	}
}

// teamIssue creates an issue of the team that Me has no part in.
func (g *generator) teamIssue(p *Project, typ *IssueType, summary string, reporter *User, created time.Time) *Issue {
	s := g.site
	is := &Issue{ID: s.nextIssueID(), Key: p.nextKey(), Project: p, Type: typ, Summary: summary, Status: statusToDo,
		Priority: priorityMedium, Rank: g.nextRank(), Reporter: reporter, Creator: reporter, Created: created, Updated: created}
	s.addIssue(is)
	return is
}

func (g *generator) teamComment(is *Issue, author *User, body string, at time.Time) {
	is.Comments = append(is.Comments, &Comment{ID: g.site.nextCommentID(), Author: author, UpdateAuthor: author, Body: body, Created: at, Updated: at})
	if at.After(is.Updated) {
		is.Updated = at
	}
}

// teamLink links from → to with the type's outward wording ("from blocks to").
func (g *generator) teamLink(typ *LinkType, from, to *Issue) {
	l := &Link{ID: g.site.nextLinkID(), Type: typ, From: from, To: to}
	from.Links = append(from.Links, l)
	to.Links = append(to.Links, l)
}
