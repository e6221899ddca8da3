package jiratest

// The demo's words. Templates hold slots written {$name}, filled by
// textCtx.fill; the syntax cannot clash with wiki markup such as {code}.
// Each list is one kind of comment or text, so tests can tell what kind of
// work a generated activity is by its phrases.

// storySeed is a user story Me or a colleague might write.
type storySeed struct {
	summary string
	persona string
	want    string
	benefit string
	ac      []string
}

// scenarios are Given/When/Then acceptance criteria for some stories, by
// story summary.
var scenarios = map[string][3]string{
	"Route {$svc} alerts to the owning team":            {"an alert for {$svc} fires at night", "the alert has an owner label", "only the owning team's on-call is paged"},
	"Runbook link in every page":                        {"a page reaches the on-call engineer", "they open the incident in PagerDuty", "the runbook link is the first line of the summary"},
	"One-click deploy freeze":                           {"a freeze is active", "a pipeline reaches its deploy step", "the step fails with the freeze reason and who set it"},
	"Retry failed webhooks with exponential backoff":    {"a merchant endpoint answers 503", "the first delivery fails", "the next attempt happens after about one minute"},
	"Idempotency keys on the refunds API":               {"a refund request with key K succeeded", "the client retries with key K and the same body", "the first response is returned and no second refund is made"},
	"Kill switch for the new checkout flow":             {"the kill switch is turned on", "a user opens checkout", "the old checkout flow is shown within 5 minutes"},
	"Show a status banner when payments are degraded":   {"the status page shows degraded card payments", "a user opens the app", "a banner explains the problem and links the status page"},
	"Ticket before TLS certificates expire":             {"a certificate expires in 21 days", "the nightly check runs", "a ticket is created for the owning team"},
	"Alert on {$svc} saturation before it pages":        {"{$svc} runs at 85% of capacity for 30 minutes", "the rule evaluates", "a warning goes to the team channel and nobody is paged"},
	"Health endpoint with dependency checks for {$svc}": {"the database is unreachable", "the on-call engineer calls /health/deep", "the answer names the database as failing within 1 second"},
}

// projectText is the vocabulary of one project.
type projectText struct {
	services  []string
	repos     []string
	stories   []storySeed
	tasks     []string // summaries of tasks with a real problem statement
	chores    []string // one-line engineering tasks people fix themselves
	bugs      []string
	epics     []epicSeed
	incidents []string
	goals     []string // sprint goals
	traces    []string // stack traces in {code} blocks
	channels  []string // the team's Slack channels
	metrics   []string // what the team watches, for work that serves no epic
	// things are the parts of the team's code its engineers talk about
	// ({$thing}): a mobile engineer's bug is not in the alert rule names.
	things []string
	// undecided are what the team's work waits on a decision about
	// ({$undecided}).
	undecided []string
	// sightings are what the team says when it sees a bug again; on the
	// app, a phone and an app version, not a region and an on-call shift.
	sightings []string
}

type epicSeed struct {
	summary string
	name    string // Server's Epic Name
	goal    string
	metrics []string
	scope   []string
	out     []string
	// outcome is what the owner writes when she closes the epic: the
	// success metrics against what happened, in numbers.
	outcome []string
	// work is the summaries, as written in the lists, of the stories,
	// tasks, chores, bugs and incident follow-ups that serve the epic. The
	// demo files an issue only under an epic that lists it, so the work a
	// portfolio quotes under an initiative is about that initiative.
	work []string
}

var opsText = projectText{
	services: []string{"alertmanager", "ingress-nginx", "prometheus", "argo-cd", "vault", "postgres-primary", "kafka", "redis-cache", "loki", "buildkite-agents", "grafana", "cert-manager"},
	repos:    []string{"platform/terraform", "platform/helm-charts", "platform/alert-rules", "platform/runbooks", "platform/ci-templates"},
	channels: []string{"#platform", "#ops-alerts", "#platform-oncall", "#infra-changes"},
	things: []string{"the retry helper", "the alert rule names", "the chart values", "the config loader", "the pool size default",
		"the migration script", "the health check", "the timeout config", "the Terraform module", "the feature flag lookup"},
	undecided: []string{"the alert threshold", "the retention period", "the rollout order"},
	sightings: colleagueSightings,
	metrics:   []string{"p99 latency", "pages per week", "toil hours on the on-call report"},
	stories: []storySeed{
		{"Route {$svc} alerts to the owning team", "on-call engineer", "alerts for {$svc} to page the team that owns the service", "I am not woken up for services I cannot fix",
			[]string{"Every alert carries an owner label taken from the service catalogue", "Pages go to the owner's rotation; unowned alerts go to the platform queue", "A dashboard shows pages per team per week"}},
		{"Runbook link in every page", "on-call engineer", "every page to link the runbook for the alert that fired", "I can start mitigating without searching Confluence at 3am",
			[]string{"Alert rules without a runbook_url annotation fail CI", "The PagerDuty incident shows the runbook link in its summary", "Existing rules are back-filled for the top 20 alerts"}},
		{"Self-service preview environments", "developer", "to spin up a preview environment from a pull request", "I can test against real dependencies before merging",
			[]string{"A {{/preview}} comment on a PR creates an environment within 10 minutes", "Environments are deleted 48h after the PR closes", "Cost per environment is visible on the cost dashboard"}},
		{"SLO dashboard for {$svc}", "engineering manager", "one SLO dashboard per customer-facing service", "we decide on reliability work with data instead of gut feeling",
			[]string{"Availability and latency SLOs are defined in code next to the service", "The dashboard shows the error budget left for the 28-day window", "Burn-rate alerts page at 2% budget per hour"}},
		{"Error-budget burn alerts for {$svc}", "service owner", "an alert when {$svc} burns its error budget too fast", "we slow down releases before the budget is gone, not after",
			[]string{"A fast burn (2% of the budget in an hour) pages the owning team", "A slow burn (5% in a day) opens a ticket instead", "The alert rules are generated from the SLO definition in the service repo"}},
		{"Latency SLO for {$svc} measured at the edge", "SRE", "the latency SLO for {$svc} measured at the load balancer, not inside the service", "the SLO counts the time requests spend queueing",
			[]string{"p99 latency is computed from the ingress-nginx logs", "Requests rejected at the edge count against the availability SLO", "The SLO definition lives next to the service's code"}},
		{"Monthly automated Postgres failover drill", "SRE", "an automated failover drill every month", "we know failover works before we need it at 3am",
			[]string{"The drill runs on the first Tuesday of the month against staging", "Results are posted to #platform with the measured downtime", "A failed drill opens a Highest-priority ticket"}},
		{"Connection pooler that follows a failover", "developer", "my service's database connections to go through a pooler that follows the new primary", "a failover never needs a restart of {$svc}",
			[]string{"PgBouncer points at the new Patroni leader within 10 s", "Services reconnect without a deploy or a restart", "The drill reports write downtime as the application saw it"}},
		{"Alert with the measured downtime after a failover", "on-call engineer", "an alert when Patroni promotes a new primary, with the write downtime it caused", "I know a failover happened and whether it stayed under 30 s",
			[]string{"The alert fires within a minute of a promotion", "It names the old and the new primary and the measured write downtime", "It links the failover runbook"}},
		{"Cloud cost report per team", "team lead", "a monthly cost report for the services my team runs", "we see the cost of what we run and can act on it",
			[]string{"Costs are attributed by the team label on namespaces and buckets", "The report lands in each team's channel on the 2nd of the month", "Untagged spend is listed separately and stays under 5%"}},
		{"One-click deploy freeze", "release manager", "to freeze all deploys with one command", "we can stop changes during an incident or a peak sale",
			[]string{"{{deployctl freeze --reason}} blocks every pipeline's deploy step", "The freeze is visible in Slack and in Argo CD", "Only the incident commander or a release manager can lift it"}},
		{"Ticket before TLS certificates expire", "on-call engineer", "a ticket 21 days before any certificate expires", "certificates never expire in production again",
			[]string{"cert-manager and external certificates are both covered", "The ticket names the owning team and the renewal runbook", "No page is sent unless expiry is under 72 hours"}},
		{"Alert on {$svc} saturation before it pages", "on-call engineer", "a saturation warning when {$svc} reaches 80% of its capacity", "we scale during office hours instead of at night",
			[]string{"Warning at 80% for 30 minutes goes to the team channel", "The alert links the scaling runbook", "No duplicate page is sent for the same saturation event"}},
		{"Standard Terraform module for service databases", "developer", "a standard Terraform module for a service's database", "I get backups, alerts and access right without asking the platform team",
			[]string{"The module creates the database with point-in-time recovery on", "Backup and replication-lag alerts are created with it", "Access is granted through Vault roles, never static passwords"}},
		{"Deprecated API check in CI for Kubernetes 1.30", "developer", "CI to fail when my manifests use an API that Kubernetes 1.30 removes", "the cluster upgrade never breaks my service's deploys",
			[]string{"The check runs on every change to a chart or manifest", "The failure names the removed API and its replacement", "Every repo passes the check before the production upgrade starts"}},
		{"Node pool upgrades without dropped requests", "on-call engineer", "node pools upgraded one zone at a time with disruption budgets respected", "customers see no errors while {$svc} moves to the new nodes",
			[]string{"Every tier-1 service has a PodDisruptionBudget", "The upgrade drains one node per zone at a time", "The error rate stays under 0.1% during the staging rehearsal"}},
		{"Acknowledge a page from Slack", "on-call engineer", "to acknowledge a page from the on-call Slack channel", "whoever is paged second knows someone is already on it",
			[]string{"An Acknowledge button on the Slack message acknowledges the PagerDuty incident", "The message shows who acknowledged and when", "Escalation to the secondary stops once the page is acknowledged"}},
		{"Weekly report of alerts nobody acted on", "engineering manager", "a weekly list of the alerts that paged and needed no action", "we delete noise instead of getting used to it",
			[]string{"The report lists every alert resolved without a linked action in the last 7 days", "It goes to each owning team's channel on Monday morning", "An alert on the list three weeks running is proposed for deletion"}},
		{"Error-budget report for the monthly planning", "team lead", "the error budget left for each of my services in the monthly planning doc", "we plan reliability work when the budget runs low, not after an outage",
			[]string{"The report lists the budget left per service over the last 28 days", "Services under 25% of their budget are highlighted", "It is generated on the first working day of the month"}},
		{"Leave planned maintenance out of {$svc} SLOs", "service owner", "announced maintenance windows left out of the SLO for {$svc}", "a planned change doesn't use the budget we keep for surprises",
			[]string{"A window in the change calendar pauses the SLO measurement", "Windows longer than 2 hours need a lead's approval", "The SLO board marks the time that was left out"}},
		{"PodDisruptionBudget for {$svc}", "service owner", "a PodDisruptionBudget that keeps enough {$svc} replicas running while its nodes drain", "an upgrade never takes the whole service down at once",
			[]string{"The chart ships a PodDisruptionBudget with minAvailable derived from the replica count", "CI rejects a tier-1 chart without one", "The budget is exercised during the staging rehearsal"}},
		{"Upgrade status per cluster on one page", "engineering manager", "one page that shows which clusters are on 1.30 and which charts still hold them back", "I can answer 'when are we done' without asking in Slack",
			[]string{"Each cluster shows its version and the date of its upgrade window", "Charts that fail the removed-API check are listed with their owner", "The page updates from the CI results, not by hand"}},
		{"Roll back a node pool upgrade with one command", "SRE", "to roll a node pool back to the previous version with one command", "a bad upgrade costs us minutes, not a night",
			[]string{"The previous node image stays available for 14 days after an upgrade", "The rollback drains one node per zone at a time, like the upgrade", "The command is in the upgrade plan and was tried on staging"}},
		{"Patroni cluster for the payments database", "SRE", "the payments database run by Patroni with a synchronous standby", "a primary failure promotes a standby on its own without losing a committed write",
			[]string{"Patroni manages the primary and two standbys in separate zones", "One standby is synchronous, the other asynchronous", "Killing the primary on staging promotes a standby within 30 s"}},
		{"Drill report with the downtime each service saw", "engineering manager", "the drill report to show the write downtime each service saw", "we know which services still stall after a failover, not only that the database came back",
			[]string{"The report lists every service behind the pooler with its measured write downtime", "Services over 30 s are highlighted with their owner", "The report is linked from the drill's post in #platform"}},
		{"Serve reads for {$svc} from a replica during a failover", "developer", "{$svc} to keep serving reads while a new primary is promoted", "its users still see their data during the seconds a failover takes",
			[]string{"Reads go to a replica while the primary is unreachable", "Writes fail fast with a retryable error instead of hanging", "The behaviour is checked in the monthly drill"}},
		{"Seed preview environments with masked test data", "developer", "my preview environment to start with a realistic, masked data set", "I test against data that looks like production without touching customer records",
			[]string{"A nightly job builds the seed data from a masked copy of staging", "A preview environment loads it in under 3 minutes", "No field that names a person or a company survives the masking"}},
		{"Keep a preview environment longer from the pull request", "developer", "to extend my preview environment's lifetime with a PR comment", "a long review doesn't lose the environment the reviewer is testing",
			[]string{"A {{/preview keep 7d}} comment moves the deletion date by up to 7 days", "The deletion date is shown on the pull request", "Extended environments are marked on the cost dashboard"}},
		{"Budget warning for a team's preview environments", "team lead", "a warning when my team's preview environments cost more than our monthly budget", "a forgotten environment costs us a week, not a month",
			[]string{"Each team sets a monthly budget in the service catalogue", "A warning goes to the team channel at 80% of it", "The warning lists the most expensive environments with their pull requests"}},
		{"Rehearse the 1.30 upgrade on a copy of production", "SRE", "to rehearse the 1.30 upgrade on a staging cluster that mirrors production", "we find the surprises before customers do",
			[]string{"Staging runs the same node pools, add-ons and chart versions as production", "The rehearsal follows the written upgrade plan step by step", "Every surprise becomes a ticket before the production date is set"}},
	},
	tasks: []string{
		"Decommission the old {$svc} cluster",
		"Move {$svc} secrets to Vault",
		"Document the on-call hand-over checklist",
		"Define error budget policy for tier-1 services",
		"Audit IAM roles unused for 90 days",
		"Write the Kubernetes 1.30 upgrade plan",
		"Set retention for {$svc} logs to 30 days",
		"Add {$svc} to the service catalogue with owners",
		"Write the Postgres failover runbook and walk on-call through it",
		"Tag every namespace and bucket with its owning team",
		"Delete the alerts nobody acted on last quarter",
		"Move the last unowned alerts off the platform queue",
		"Pick the SLIs for each tier-1 service with its owners",
		"Write the SLO how-to for service owners",
		"List the charts that use APIs removed in 1.30",
		"Agree production upgrade windows with each team",
		"Move {$svc} behind PgBouncer",
		"Agree the first production drill window with Payments",
		"Write the getting-started guide for preview environments",
		"Pilot preview environments with the Payments team",
	},
	chores: []string{
		"Bump {$svc} chart to {$ver}",
		"Fix flaky e2e test in ci-templates",
		"Rotate {$svc} TLS certificate",
		"Clean up stale Terraform workspaces",
		"Raise {$svc} memory limit",
		"Remove deprecated Prometheus recording rules",
		"Pin buildkite agent image",
		"Silence noisy disk alert on bastion",
		"Add {$svc} to the SLO board",
		"Rename the SLO recording rules to the new convention",
		"Upgrade {$svc} to a release that supports 1.30",
		"Raise the PgBouncer pool size for {$svc}",
		"Remove the duplicate node-exporter disk alerts",
	},
	bugs: []string{
		"{$svc} pods OOMKilled after {$ver} upgrade",
		"Flaky alert: {$svc} disk usage fires at 3am",
		"Grafana panel for {$svc} shows no data after migration",
		"Argo CD sync stuck on {$svc} with hook timeout",
		"Terraform plan wants to recreate the {$svc} load balancer",
		"Duplicate pages for one {$svc} outage",
		"{$svc} readiness probe fails during GC pauses",
		"{$svc} keeps writing to the old primary after a failover",
		"Preview environment for {$svc} is never deleted",
		"Burn-rate alert for {$svc} fires during every deploy",
		"Page for {$svc} goes to the platform queue despite its owner label",
		"SLO board shows 100% for {$svc} when its metrics are missing",
		"{$svc} pods stay Pending on the 1.30 staging nodes",
		"Failover alert reports 0 s of downtime after a real promotion",
		"Staging drill leaves the old primary accepting writes",
		"Preview environment for {$svc} comes up without its database",
		"Cost dashboard shows no cost for preview environments in {$region}",
	},
	epics: []epicSeed{
		{"On-call health: halve pages per week", "On-call health", "Cut pages per on-call week from ~40 to under 20 without missing real incidents.",
			[]string{"Pages per on-call week, 4-week average, under 20", "No incident detected by customers before an alert fires"}, []string{"Alert ownership", "Runbook links", "Noise reduction"}, []string{"Replacing PagerDuty"},
			[]string{
				"Outcome: pages per on-call week averaged {$12-18} over the last four weeks, down from {$38-44} when we started. {~No customer detected an incident before our alert fired, so both success metrics are met. Closing the epic.|One incident was reported by a customer first ({$since}), so the second success metric is missed once; its follow-up is in the backlog. Closing the epic.}",
				"Result: {$13-19} pages a week on average since {$since}, from {$39-46} in the quarter before. {~Nobody on the rotation has been woken up twice in one night since the routing change.|The two noisiest alerts are gone entirely.} {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
			},
			[]string{
				"Route {$svc} alerts to the owning team", "Runbook link in every page", "Ticket before TLS certificates expire", "Alert on {$svc} saturation before it pages",
				"Document the on-call hand-over checklist", "Add {$svc} to the service catalogue with owners", "Silence noisy disk alert on bastion",
				"Flaky alert: {$svc} disk usage fires at 3am", "Duplicate pages for one {$svc} outage",
				"Follow-up: alert on {$svc} connection pool saturation", "Follow-up: add the rollback step to the {$svc} runbook", "Follow-up: synthetic check for {$svc} in {$region}",
				"Acknowledge a page from Slack", "Weekly report of alerts nobody acted on", "Delete the alerts nobody acted on last quarter",
				"Move the last unowned alerts off the platform queue", "Remove the duplicate node-exporter disk alerts",
				"Page for {$svc} goes to the platform queue despite its owner label",
			}},
		{"SLOs for customer-facing services", "Service SLOs", "Every tier-1 service has an availability and a latency SLO with error-budget alerts.",
			[]string{"8 of 8 tier-1 services with SLOs in code", "Error-budget policy agreed with the three team leads"}, []string{"SLO definitions", "Burn-rate alerts", "Dashboards"}, []string{"Internal tools", "Batch jobs"},
			[]string{
				"Outcome: 8 of 8 tier-1 services have SLOs in code and burn-rate alerts, and the error-budget policy was signed by all three leads on {$since}. {~Checkout used {$20-45}% of its budget last month, so the policy already had its first real test.|Two teams have since paused feature work once because of the budget, which is the point.} Both success metrics met, closing the epic.",
				"Result: SLOs live for all 8 tier-1 services (we started with 1). Error-budget policy agreed with the three leads. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
			},
			[]string{
				"SLO dashboard for {$svc}", "Error-budget burn alerts for {$svc}", "Latency SLO for {$svc} measured at the edge",
				"Define error budget policy for tier-1 services", "Add {$svc} to the SLO board", "Burn-rate alert for {$svc} fires during every deploy",
				"Error-budget report for the monthly planning", "Leave planned maintenance out of {$svc} SLOs", "Pick the SLIs for each tier-1 service with its owners",
				"Write the SLO how-to for service owners", "Rename the SLO recording rules to the new convention", "SLO board shows 100% for {$svc} when its metrics are missing",
			}},
		{"Kubernetes 1.30 upgrade", "K8s 1.30", "All clusters on Kubernetes 1.30 before the 1.28 end of support.",
			[]string{"Zero customer-facing downtime during the upgrade", "All clusters on 1.30 before 1.28 leaves support"}, []string{"Staging and production clusters", "Deprecated API removal"}, []string{"Moving to a new cloud region"},
			[]string{
				"Outcome: all {$5-7} clusters are on 1.30, {$supportmargin} the 1.28 end of support on {$endofsupport}. Customer-facing downtime during the upgrade: 0 minutes ({$dash} has the record). {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
				"Result: all {$5-7} clusters upgraded, zero minutes of customer-facing downtime, {$3-8} deprecated APIs removed along the way. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
			},
			[]string{
				"Deprecated API check in CI for Kubernetes 1.30", "Node pool upgrades without dropped requests", "Rehearse the 1.30 upgrade on a copy of production",
				"Write the Kubernetes 1.30 upgrade plan", "Decommission the old {$svc} cluster",
				"PodDisruptionBudget for {$svc}", "Upgrade status per cluster on one page", "Roll back a node pool upgrade with one command",
				"List the charts that use APIs removed in 1.30", "Agree production upgrade windows with each team", "Upgrade {$svc} to a release that supports 1.30",
				"{$svc} pods stay Pending on the 1.30 staging nodes",
			}},
		{"Zero-downtime Postgres failover", "Postgres failover", "A primary failure costs us under 30 seconds of write downtime.",
			[]string{"Measured failover under 30 s in three consecutive drills", "Runbook exercised by every on-call engineer"}, []string{"Patroni setup", "Connection pooler", "Drills"}, []string{"Multi-region replication"},
			[]string{
				"Outcome: the last three drills measured {$11-19} s, {$14-24} s and {$12-22} s of write downtime, down from about 4 minutes before Patroni. All {$5-6} on-call engineers have run the drill themselves. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
				"Result: failover now costs {$12-25} s of write downtime (three drills in a row under 30 s), and every on-call engineer has run the runbook once. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
			},
			[]string{
				"Monthly automated Postgres failover drill", "Connection pooler that follows a failover", "Alert with the measured downtime after a failover",
				"Write the Postgres failover runbook and walk on-call through it", "{$svc} keeps writing to the old primary after a failover",
				"Patroni cluster for the payments database", "Drill report with the downtime each service saw", "Serve reads for {$svc} from a replica during a failover",
				"Move {$svc} behind PgBouncer", "Agree the first production drill window with Payments", "Raise the PgBouncer pool size for {$svc}",
				"Failover alert reports 0 s of downtime after a real promotion", "Staging drill leaves the old primary accepting writes",
			}},
		{"Developer self-service environments", "Self-service envs", "Developers create and tear down environments without a platform ticket.",
			[]string{"Median time to a preview environment under 10 minutes", "Platform tickets for environments down 80%"}, []string{"Preview environments", "Database module", "Cost visibility"}, []string{"Production access"},
			[]string{
				"Outcome: median time to a preview environment is {$6-9} minutes over the last month, and platform tickets for environments fell from {$30-45} a month to {$3-8}. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
				"Result: {$140-260} preview environments created since {$since}, median {$6-9} minutes each; environment tickets to the platform team are down {$82-91}%. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
			},
			[]string{
				"Self-service preview environments", "Standard Terraform module for service databases", "Cloud cost report per team",
				"Tag every namespace and bucket with its owning team", "Preview environment for {$svc} is never deleted",
				"Seed preview environments with masked test data", "Keep a preview environment longer from the pull request", "Budget warning for a team's preview environments",
				"Write the getting-started guide for preview environments", "Pilot preview environments with the Payments team", "Clean up stale Terraform workspaces",
				"Preview environment for {$svc} comes up without its database", "Cost dashboard shows no cost for preview environments in {$region}",
			}},
	},
	incidents: []string{
		"INC: elevated 5xx on {$svc} in {$region}",
		"INC: {$svc} unavailable after failed deploy",
		"INC: alert storm from {$svc}, on-call paged 40 times",
		"INC: certificate expired on {$svc}",
	},
	goals: []string{
		"Ship alert routing v2 and cut pager noise by a third",
		"Finish the 1.30 upgrade on staging, start production",
		"SLOs for checkout and payments-api, burn-rate alerts live",
		"Failover drill green twice in a row",
		"Preview environments for two pilot teams, no new toil",
		"Runbook links on the top 20 alerts, retire the old cluster",
	},
	traces: []string{
		"{code}\npanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x8c2f1a]\n\ngoroutine {$100-990} [running]:\ngithub.com/larkspur/{$svc}/internal/router.(*Router).match(0xc0004a2000, {0xc000512a80, 0x2a})\n\t/src/internal/router/router.go:{$120-170} +0x3a\ngithub.com/larkspur/{$svc}/internal/router.(*Router).ServeHTTP(0xc0004a2000, {0x1b0e9c8, 0xc0005c61c0}, 0xc000170900)\n\t/src/internal/router/router.go:88 +0x1f4\nnet/http.serverHandler.ServeHTTP({0xc0002d4b40}, {0x1b0e9c8, 0xc0005c61c0}, 0xc000170900)\n\t/usr/local/go/src/net/http/server.go:3210 +0x8e\n{code}",
		"{code}\nError: Error acquiring the state lock\n\nError message: ConditionalCheckFailedException: The conditional request failed\nLock Info:\n  ID:        3f6c2a1e-9b1d-4d5e-a7c2-0f7e1b2c{$1000-9999}\n  Path:      larkspur-tf-state/{$svc}/terraform.tfstate\n  Operation: OperationTypeApply\n  Who:       buildkite@agent-{$1-24}\n  Version:   1.8.5\n{code}",
		"{code}\nWarning  BackOff    {$2-9}m (x{$12-60} over {$10-40}m)  kubelet  Back-off restarting failed container {$svc} in pod {$svc}-7d9f8c6b5-x{$10-99}lqp_platform\nLast State:     Terminated\n  Reason:       OOMKilled\n  Exit Code:    137\n{code}",
		"{code}\nTraceback (most recent call last):\n  File \"/app/tools/rotate_certs.py\", line {$80-99}, in <module>\n    main()\n  File \"/app/tools/rotate_certs.py\", line 71, in main\n    secret = vault.read(f\"secret/data/{$svc}/tls\")[\"data\"]\nTypeError: 'NoneType' object is not subscriptable\n{code}",
	},
}

var payText = projectText{
	services: []string{"payments-api", "ledger-service", "payout-worker", "webhook-dispatcher", "fraud-scorer", "checkout-gateway"},
	repos:    []string{"payments/payments-api", "payments/ledger", "payments/webhooks"},
	channels: []string{"#payments-eng", "#payments-oncall", "#merchant-support"},
	things: []string{"the retry helper", "the currency rounding", "the idempotency check", "the migration script", "the health check",
		"the timeout config", "the request signer", "the config loader", "the feature flag lookup"},
	undecided: []string{"whether {$customer} keeps the old behaviour", "the retry limit", "the rounding rule for {~JPY|HUF} amounts"},
	sightings: colleagueSightings,
	metrics:   []string{"checkout success rate", "p99 latency", "failed payments per day"},
	stories: []storySeed{
		{"Expose webhook delivery metrics", "SRE", "webhook delivery success and latency as Prometheus metrics", "we can alert on delivery failures before merchants notice",
			[]string{"{{webhook_deliveries_total}} with status and merchant tier labels", "Latency histogram with buckets up to 30 s", "Metrics documented in the service README"}},
		{"Retry failed webhooks with exponential backoff", "merchant integrator", "failed webhooks to be retried with backoff for 24 hours", "a short outage on my side doesn't lose payment events",
			[]string{"Retries at 1m, 5m, 30m, 2h, 6h, 24h", "The dashboard shows deliveries pending retry", "After the last retry the merchant gets an e-mail"}},
		{"E-mail merchants when webhook deliveries keep failing", "merchant integrator", "an e-mail when webhooks to my endpoint keep failing", "I fix my endpoint before events pile up",
			[]string{"An e-mail goes out after 10 failed deliveries in an hour", "It names the endpoint, the error and the time of the first failure", "At most one e-mail per endpoint per day"}},
		{"Idempotency keys on the refunds API", "merchant integrator", "to send an idempotency key with refund requests", "a retried request never refunds twice",
			[]string{"Same key and body within 24h returns the first response", "Same key with a different body returns 422", "Keys are documented in the API reference"}},
		{"Health endpoint with dependency checks for {$svc}", "on-call engineer", "{$svc} to report the health of its dependencies", "I can tell a database problem from a code problem in one request",
			[]string{"{{/health/deep}} checks database, Kafka and the fraud scorer", "Each check has a 500 ms timeout", "The endpoint is excluded from the public ingress"}},
		{"Graceful shutdown for {$svc}", "SRE", "a graceful shutdown that lets {$svc} finish in-flight requests before it stops", "deploys don't fail payments",
			[]string{"SIGTERM stops accepting new requests and drains for up to 25 s", "No 5xx during a rolling deploy under load test", "preStop hook documented in the chart"}},
		{"Frictionless 3-D Secure 2 for low-risk EU payments", "cardholder", "low-risk payments to pass 3-D Secure 2 without a challenge", "a small purchase from a shop I know doesn't send me to my bank's app",
			[]string{"Device data and payment history go with every 3DS2 request", "An exemption is requested for payments under €30 where the issuer allows it", "The challenge rate per merchant is on the checkout dashboard"}},
		{"Turn on 3-D Secure 2 merchant by merchant", "payments lead", "to turn on 3-D Secure 2 for one merchant at a time", "a problem with one issuer never hits all our merchants at once",
			[]string{"A per-merchant flag switches between 3DS1 and 3DS2", "Conversion is compared per merchant for the week before and after", "Switching a merchant back takes under 5 minutes and no deploy"}},
		{"Clear error codes for failed 3-D Secure challenges", "merchant integrator", "a distinct error code for each way a 3-D Secure challenge can fail", "I can tell my customer whether to retry, use another card or call their bank",
			[]string{"Timeouts, declined challenges and issuer errors each get their own code", "Every code is in the API reference with the advice to show the customer", "Unknown issuer responses map to a generic code and are logged for review"}},
		{"Double entries for every refund and payout", "finance analyst", "every refund and payout recorded as a balanced debit and credit", "month-end closes without manual adjustments",
			[]string{"Each money movement writes two entries that sum to zero", "A movement that cannot be balanced is rejected and alerted on", "Existing refunds and payouts are backfilled into the new schema"}},
		{"Daily ledger reconciliation report", "finance analyst", "a daily report of the differences between the ledger and the bank statements", "we find a missing payout the next morning, not at month-end",
			[]string{"The report lands in #payments-eng by 08:00 CET", "Every difference links the ledger entries involved", "A day without differences is reported too, so silence never means success"}},
		{"Backfill past payments into the double-entry ledger", "finance analyst", "the last two years of payments in the new ledger", "reports compare like with like across the migration",
			[]string{"The backfill runs one day at a time without locking the live tables", "Each backfilled day reconciles to zero before the next one starts", "Running a day again replaces it rather than adding to it"}},
		{"Mark a reconciliation difference as explained", "finance analyst", "to mark a reconciliation difference as explained, with a note", "tomorrow's report shows only what still needs a look",
			[]string{"Each difference has an Explain action that takes a note and a ticket link", "Explained differences drop off the next report but stay in its history", "Only finance can mark a difference as explained"}},
		{"Double entries for chargebacks and their reversals", "finance analyst", "every chargeback and its reversal recorded as balanced entries", "disputed payments don't leave holes in the books",
			[]string{"A chargeback debits the merchant balance and credits the dispute account", "A won dispute reverses both entries", "Chargebacks appear in the daily reconciliation report"}},
		{"Month-end balances straight from the new ledger", "finance analyst", "every account's month-end balance read from the new ledger", "closing the month takes days, not a week of spreadsheets",
			[]string{"The report runs on the first working day of the month", "Every account shows its opening balance, movements and closing balance", "The totals match the month's daily reconciliation reports"}},
		{"Resend a webhook from the merchant dashboard", "merchant integrator", "to resend any webhook from the last 30 days from my dashboard", "I recover from a bug on my side without opening a support ticket",
			[]string{"Each delivery on the dashboard has a Resend button", "A resent webhook carries the original event id so it can be deduplicated", "Resends are limited to 100 a minute per merchant"}},
		{"Delivery log for every webhook", "support agent", "to see every delivery attempt of a webhook with the response it got", "I can tell a merchant exactly what we sent and what their endpoint answered",
			[]string{"The admin page lists attempts with time, status code and latency", "Response bodies are kept for 7 days, cut at 2 KB", "The log can be searched by event id and by merchant"}},
		{"Pause webhooks to an endpoint that keeps failing", "merchant integrator", "deliveries to my endpoint paused after a day of failures and resumed when I fix it", "my endpoint isn't flooded with retries the moment it comes back",
			[]string{"An endpoint is paused after 24 hours of failed deliveries", "Resuming it from the dashboard replays the paused events in order", "Paused endpoints are listed on the webhook delivery dashboard"}},
		{"Fall back to 3-D Secure 1 for cards without 3DS2", "cardholder", "my payment to go through even if my bank doesn't support 3-D Secure 2 yet", "an older card doesn't stop me paying",
			[]string{"The gateway checks the card range for 3DS2 support before the challenge", "Cards without it go through the 3DS1 flow", "The share of 3DS1 fallbacks per issuer is on the checkout funnel"}},
		{"3-D Secure challenge inside the app", "cardholder", "my bank's 3-D Secure challenge to open inside the shop's app, not in a browser", "I don't lose my basket when I switch apps to approve a payment",
			[]string{"The challenge opens in an in-app web view on iOS and Android", "The basket is kept when I approve in my bank's app and come back", "A challenge left for 10 minutes fails with its own error code"}},
		{"Challenge rate and conversion per merchant", "payments lead", "the challenge rate and conversion of each merchant on the checkout funnel", "I see which merchants 3DS2 helps and which it hurts before I turn it on for more",
			[]string{"The funnel splits by merchant and by 3-D Secure version", "Rates are shown for the last 7 and 28 days", "A conversion drop of more than a point is highlighted"}},
	},
	tasks: []string{
		"Move {$svc} to the shared Postgres module",
		"Add 3-D Secure error codes to the API reference",
		"Load test {$svc} at 3x Black Friday peak",
		"Split ledger reconciliation job by currency",
		"Turn off writes to the old ledger",
		"Document the ledger's accounts for finance",
		"Write the support runbook for failed webhook deliveries",
		"Alert on the webhook delivery rate per merchant tier",
		"Agree the order of merchants for 3-D Secure 2 with sales",
		"Switch off 3-D Secure 1 for EU cards",
	},
	chores: []string{
		"Upgrade {$svc} to Spring Boot {$ver}",
		"Fix flaky ledger reconciliation test",
		"Bump Kafka client in {$svc}",
		"Remove unused feature flag from checkout",
		"Add an index on ledger entries by settlement date",
		"Bump the HTTP client in webhook-dispatcher",
		"Update the 3-D Secure test cards in the sandbox config",
	},
	bugs: []string{
		"Refund webhook sent twice for partial refunds",
		"{$svc} returns 500 on currency without minor units",
		"Payout batch stuck in PROCESSING after Kafka rebalance",
		"3-D Secure challenge times out for some EU cards",
		"{$svc} leaks DB connections on client timeout",
		"Backfill writes a day's entries twice when it restarts",
		"Reconciliation report misses payouts in NOK",
		"Webhook retries ignore the merchant's Retry-After header",
		"Webhook delivery metrics count a retry as a new event",
		"3-D Secure challenge page stays blank on Safari",
		"{$svc} sends the wrong currency exponent in 3DS2 requests",
	},
	epics: []epicSeed{
		{"Webhook reliability", "Webhook reliability", "Merchants receive every payment event at least once within 24 hours.",
			[]string{"Delivery success within 24h at 99.99%", "Webhook support tickets down 50%"}, []string{"Retries", "Delivery metrics", "Merchant alerts"}, []string{"A new webhook format"},
			[]string{
				"Outcome: delivery success within 24h has been 99.99{$3-9}% since {$since}, and webhook support tickets fell from {$38-47} to {$14-21} a month. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
				"Result: webhook tickets down from {$40-48} to {$15-22} a month, delivery within 24h at 99.99% or better for {$5-8} weeks running. {~{$customer} told their account manager they noticed.|Support has stopped keeping its own retry spreadsheet.} {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
			},
			[]string{
				"Expose webhook delivery metrics", "Retry failed webhooks with exponential backoff", "E-mail merchants when webhook deliveries keep failing",
				"Refund webhook sent twice for partial refunds",
				"Resend a webhook from the merchant dashboard", "Delivery log for every webhook", "Pause webhooks to an endpoint that keeps failing",
				"Write the support runbook for failed webhook deliveries", "Alert on the webhook delivery rate per merchant tier", "Bump the HTTP client in webhook-dispatcher",
				"Webhook retries ignore the merchant's Retry-After header", "Webhook delivery metrics count a retry as a new event",
			}},
		{"3-D Secure 2 rollout", "3DS2", "All EU card payments use 3-D Secure 2 with frictionless flow where allowed.",
			[]string{"Challenge rate under 15%", "No drop in checkout conversion"}, []string{"Gateway integration", "Error mapping", "Rollout by merchant"}, []string{"Non-EU cards"},
			[]string{
				"Outcome: 100% of EU card payments go through 3DS2; the challenge rate is {$9-14}% and checkout conversion moved from {$71-73}.{$1-9}% to {$72-74}.{$1-9}% over the same four weeks. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
				"Result: 3DS2 live for all EU merchants since {$since}, challenge rate {$10-14}%, no drop in checkout conversion. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
			},
			[]string{
				"Frictionless 3-D Secure 2 for low-risk EU payments", "Turn on 3-D Secure 2 merchant by merchant", "Clear error codes for failed 3-D Secure challenges",
				"Add 3-D Secure error codes to the API reference", "3-D Secure challenge times out for some EU cards",
				"Fall back to 3-D Secure 1 for cards without 3DS2", "3-D Secure challenge inside the app", "Challenge rate and conversion per merchant",
				"Agree the order of merchants for 3-D Secure 2 with sales", "Switch off 3-D Secure 1 for EU cards", "Update the 3-D Secure test cards in the sandbox config",
				"3-D Secure challenge page stays blank on Safari", "{$svc} sends the wrong currency exponent in 3DS2 requests",
			}},
		{"Ledger double-entry migration", "Ledger v2", "Every money movement is recorded as a balanced double entry.",
			[]string{"Daily reconciliation with zero unexplained differences for 30 days"}, []string{"New ledger schema", "Backfill", "Reconciliation"}, []string{"Reporting UI"},
			[]string{
				"Outcome: {$31-44} days of daily reconciliation with zero unexplained differences, {$3-9} million entries backfilled. Finance closed the month in {$2-3} days instead of 6. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
				"Result: reconciliation green for {$31-40} days straight, and the manual adjustments finance made each month went from {$60-90} to 0. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
			},
			[]string{
				"Double entries for every refund and payout", "Daily ledger reconciliation report", "Backfill past payments into the double-entry ledger",
				"Split ledger reconciliation job by currency", "Fix flaky ledger reconciliation test",
				"Mark a reconciliation difference as explained", "Double entries for chargebacks and their reversals", "Month-end balances straight from the new ledger",
				"Turn off writes to the old ledger", "Document the ledger's accounts for finance", "Add an index on ledger entries by settlement date",
				"Backfill writes a day's entries twice when it restarts", "Reconciliation report misses payouts in NOK",
			}},
	},
	incidents: []string{
		"INC: checkout failures for EU cards on {$svc}",
		"INC: payouts delayed, {$svc} backlog growing",
		"INC: {$svc} latency above 5 s in {$region}",
	},
	goals: []string{
		"Retries live for all merchants, delivery metrics on the webhook dashboard",
		"3DS2 for 50% of EU merchants, no conversion drop",
		"Ledger backfill done, reconciliation green for a week",
	},
	traces: []string{
		"{code:java}\norg.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection; nested exception is org.hibernate.exception.JDBCConnectionException\n\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:275)\n\tat com.larkspur.payments.refund.RefundService.refund(RefundService.java:{$120-180})\n\tat com.larkspur.payments.api.RefundController.create(RefundController.java:57)\nCaused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after {$10-30}000ms.\n\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)\n\t... 87 common frames omitted\n{code}",
		"{code:java}\njava.lang.ArithmeticException: Non-terminating decimal expansion; no exact representable decimal result.\n\tat java.base/java.math.BigDecimal.divide(BigDecimal.java:1780)\n\tat com.larkspur.payments.money.Amount.split(Amount.java:{$80-120})\n\tat com.larkspur.payments.refund.PartialRefundCalculator.compute(PartialRefundCalculator.java:44)\n{code}",
		"{code}\norg.apache.kafka.clients.consumer.CommitFailedException: Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.\n\tat org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.sendOffsetCommitRequest(ConsumerCoordinator.java:1234)\n\tat com.larkspur.payouts.BatchConsumer.commit(BatchConsumer.java:{$60-99})\n{code}",
	},
}

var appText = projectText{
	services: []string{"mobile-bff", "push-gateway", "iOS app", "Android app", "feature-flag service"},
	repos:    []string{"mobile/ios", "mobile/android", "mobile/bff"},
	channels: []string{"#mobile", "#mobile-releases", "#app-support"},
	things: []string{"the time zone handling", "the push token refresh", "the local queue store", "the retry helper", "the feature flag lookup",
		"the date formatting", "the snapshot tests", "the deep link parser", "the settings screen state"},
	undecided: []string{"whether old app versions get this too", "the wording of the in-app message", "the default for new installs"},
	sightings: []string{
		"Reproduced on {~an iPhone 13|a Pixel 7|the iOS simulator} with {$ver}{? — {$sameerror}}.",
		"Seen this again {~today|this morning|last night} at {$hhmm}, same symptoms{? on {~iOS|Android}}.",
		"+1, hit this {~twice|three times|again} {~this week|since {$since}}{? on my own phone}.",
		"Support forwarded {$2-6} app reviews about this {~this week|since {$since}}.",
	},
	metrics: []string{"crash-free sessions", "the app store rating", "checkout success rate"},
	stories: []storySeed{
		{"Show a status banner when payments are degraded", "mobile user", "to see a banner when card payments are degraded", "I know the problem isn't my card and I try again later",
			[]string{"The banner appears within 2 minutes of the status page changing", "It disappears when the incident is resolved", "Tapping it opens the status page"}},
		{"Crash-free sessions SLO for the app", "mobile lead", "a crash-free sessions SLO with alerts", "we catch bad releases before the store reviews do",
			[]string{"Crash-free sessions above 99.5% per release is the SLO", "An alert fires when a release drops below 99% for an hour", "The SLO is on the shared SLO board"}},
		{"Kill switch for the new checkout flow", "release manager", "to turn off the new checkout flow without a release", "a bad rollout can be undone in minutes",
			[]string{"A remote flag disables the flow for all users within 5 minutes", "The old flow keeps working when the flag is off", "Flag changes are logged with who and why"}},
		{"Offline queue for payment confirmations", "mobile user", "my confirmation to be sent when I'm back online", "a tunnel doesn't cost me a failed payment",
			[]string{"Confirmations made offline are queued and retried", "The user sees 'pending' until the server confirms", "Queued items expire after 24 hours with a clear message"}},
		{"Pending state for payments confirmed offline", "mobile user", "to see that a payment I confirmed offline is pending", "I don't pay twice because I think the first attempt failed",
			[]string{"A payment confirmed offline shows as 'pending' in the activity list", "It changes to 'paid' or 'failed' within a minute of reconnecting", "A pending payment cannot be confirmed a second time"}},
		{"Charge a payment confirmed offline only once", "mobile user", "a payment I confirmed offline to be charged once even if the app sends it twice", "a flaky connection never charges me twice",
			[]string{"Every queued confirmation carries an idempotency key made on the device", "mobile-bff answers a repeated key with the first result", "A repeated key with a different amount is rejected and logged"}},
		{"Choose which push notifications I get", "mobile user", "to turn off marketing notifications but keep payment receipts", "I don't have to switch off every notification to stop the ones I don't want",
			[]string{"The settings screen has a switch per notification category", "Payment receipts and security alerts are on by default", "A change applies on all my devices within a minute"}},
		{"Respect notification preferences in push-gateway", "mobile user", "a notification I switched off never to reach my phone", "my choice holds even on an old version of the app",
			[]string{"push-gateway drops messages in categories the user switched off", "Old app versions without the settings screen keep getting every category", "Dropped messages are counted per category on the push dashboard"}},
		{"Quiet hours for push notifications", "mobile user", "no notifications at night except security alerts", "my phone doesn't wake me for a receipt",
			[]string{"Quiet hours default to 22:00–07:00 in the phone's time zone", "Messages held during quiet hours arrive together in the morning", "Security alerts ignore quiet hours"}},
		{"Expiry message for payments queued offline", "mobile user", "a clear message when a payment I confirmed without a connection couldn't be sent within 24 hours", "I know to pay again instead of assuming it went through",
			[]string{"An in-app message and a banner appear when a queued confirmation expires", "The message names the merchant and the amount", "Paying again from the message opens checkout with the same basket"}},
		{"Offline queue for payment confirmations on Android", "mobile user", "payments I confirm on Android without a connection queued just as they are on iOS", "the phone I use doesn't decide whether a payment in a tunnel goes through",
			[]string{"The queue survives the app being stopped by the system", "Queued confirmations are sent by WorkManager once the network is back", "Android passes the same cases of the shared test plan as iOS"}},
		{"Telemetry for every confirmation queued offline", "mobile lead", "an event for every confirmation queued offline: when it was queued, sent and confirmed", "we prove that none is lost instead of waiting for tickets",
			[]string{"Queued, sent, confirmed and expired events share one id", "The offline telemetry board shows each stage per day", "A confirmation queued but neither sent nor expired after 24 hours raises an alert"}},
		{"Sync notification preferences across devices", "mobile user", "a preference I change on my phone to apply on my tablet too", "I choose once and not on every device",
			[]string{"Preferences are stored in mobile-bff, not on the device", "A change reaches every signed-in device within a minute", "A device without a connection picks up the change when it is back"}},
		{"Tell users of old app versions about notification settings", "mobile user", "to be told that a newer version lets me choose my notifications", "I don't switch push off entirely because I can't find the setting",
			[]string{"Users on versions without the settings screen see a prompt once", "The prompt links to the store page and can be dismissed for good", "The prompt never shows twice for one version"}},
		{"Per-category counts on the push dashboard", "mobile lead", "sent, dropped and opened counts for each notification category", "we see which categories people switch off and why",
			[]string{"The push dashboard shows sent, dropped and opened per category per day", "Drops are split by user preference and by quiet hours", "The numbers match push-gateway's logs within 1%"}},
	},
	tasks: []string{
		"Move push-gateway alerts to the shared Alertmanager",
		"Add release health to the weekly mobile report",
		"Define the rollout plan for app {$ver}",
		"Write the support FAQ on pending payments",
		"Field-test the offline queue on the underground",
		"Agree the notification categories with marketing and support",
		"E-mail users who switched push off about the new settings",
	},
	chores: []string{
		"Bump Kotlin to {$ver}",
		"Fix flaky snapshot test on iPad",
		"Update Firebase SDK",
		"Add the offline queue to the debug menu",
		"Bump the APNs client in push-gateway",
	},
	bugs: []string{
		"Crash on launch on Android 14 after {$ver}",
		"Push notifications arrive twice on iOS",
		"Checkout spinner never stops when the BFF times out",
		"Dark mode colours wrong on the receipt screen",
		"Queued confirmation sent twice after the app restarts",
		"Pending payment shows as failed after reconnecting",
		"Quiet hours ignore the phone's new time zone after travel",
		"Notification settings reset after logging out",
	},
	epics: []epicSeed{
		{"Offline mode for payments", "Offline mode", "Users can confirm payments without a connection and never lose one.",
			[]string{"Zero lost confirmations in a month of telemetry", "Support tickets about 'lost payments' down 70%"}, []string{"Offline queue", "Pending state UI", "Server idempotency"}, []string{"Offline card onboarding"},
			[]string{
				"Outcome: 0 lost confirmations in {$30-45} days of telemetry ({$1800-4200} confirmations were queued offline and all arrived). 'Lost payment' tickets fell from {$50-70} to {$9-16} a month. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
				"Result: tickets about lost payments down {$72-85}% (from {$52-66} a month), and telemetry shows no lost confirmation since {$since}. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
			},
			[]string{
				"Offline queue for payment confirmations", "Pending state for payments confirmed offline", "Charge a payment confirmed offline only once",
				"Checkout spinner never stops when the BFF times out",
				"Expiry message for payments queued offline", "Offline queue for payment confirmations on Android", "Telemetry for every confirmation queued offline",
				"Write the support FAQ on pending payments", "Field-test the offline queue on the underground", "Add the offline queue to the debug menu",
				"Queued confirmation sent twice after the app restarts", "Pending payment shows as failed after reconnecting",
			}},
		{"Push notification preferences", "Push prefs", "Users choose which notifications they get.",
			[]string{"Opt-out rate under 10%", "Notification-related uninstalls down"}, []string{"Preference screen", "push-gateway filtering"}, []string{"E-mail preferences"},
			[]string{
				"Outcome: full opt-out of push is {$5-9}% (was {$17-24}% when it was all or nothing), and uninstalls that mention notifications fell from {$300-420} to {$120-200} a month. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
				"Result: {$38-55}% of users changed at least one preference, opt-out is {$6-9}%, notification-related uninstalls down by about a half. {~Success metrics met, closing the epic.|Closing the epic: success metrics met.}",
			},
			[]string{
				"Choose which push notifications I get", "Respect notification preferences in push-gateway", "Quiet hours for push notifications",
				"Push notifications arrive twice on iOS", "Update Firebase SDK",
				"Sync notification preferences across devices", "Tell users of old app versions about notification settings", "Per-category counts on the push dashboard",
				"Agree the notification categories with marketing and support", "E-mail users who switched push off about the new settings", "Bump the APNs client in push-gateway",
				"Quiet hours ignore the phone's new time zone after travel", "Notification settings reset after logging out",
			}},
	},
	goals: []string{
		"Kill switch live, offline queue behind a flag",
		"Release 5.x with crash-free sessions above 99.5%",
	},
	traces: []string{
		"{code}\nFATAL EXCEPTION: main\nProcess: com.larkspur.app, PID: {$10000-32000}\njava.lang.IllegalStateException: Fragment CheckoutFragment{a1b2c3d} not attached to a context.\n\tat androidx.fragment.app.Fragment.requireContext(Fragment.java:972)\n\tat com.larkspur.app.checkout.CheckoutFragment.onPaymentResult(CheckoutFragment.kt:{$190-240})\n\tat com.larkspur.app.checkout.CheckoutViewModel$confirm$1.invokeSuspend(CheckoutViewModel.kt:88)\n{code}",
		"{code}\nFatal error: Unexpectedly found nil while unwrapping an Optional value\n0   LarkspurApp   0x0000000104a1c2f4 PushHandler.didReceive(_:) + 412 (PushHandler.swift:{$40-90})\n1   LarkspurApp   0x0000000104a1b8e0 AppDelegate.userNotificationCenter(_:didReceive:withCompletionHandler:) + 168\n2   UserNotifications 0x00000001a2c4d1f0 -[UNUserNotificationCenter _didReceiveNotificationResponse:] + 344\n{code}",
	},
}

// PM-work comments by Me, one list per kind of work. Each template is a
// family of comments: {~a|b} picks one way to say a thing, {?…} adds a
// detail now and then, and slots bring in the services, people, customers,
// dates and numbers of the moment, so that no two issues read alike.
var (
	// The subject of most PM comments is a slot filled from the theme of
	// the issue's initiative (themes.go): {$urgent} is why a piece of it
	// goes up the list, {$done} what of it is finished, and so on.
	tradeoffComments = []string{
		// Of the other issue she says when it follows, not what it is:
		// "the other one only touches the nightly batch" of whichever
		// issue {$samekey} names reads false on a hand-over checklist.
		"{~Moving this above|I'm putting this ahead of} {$samekey}: {$urgent}; {~the other one can wait a few days|the other one can follow once this is in|the other one can wait until this lands}.{? P1 because it blocks {$version}.}",
		"Honestly this is more important than the {$svc} upgrade right now: {$urgent}. I swapped the two in the backlog.",
		"Deprioritising this {~for now|until after {$meeting}|for the rest of the quarter}: {$minor}, and {~the {$theirteam} dependency {~matters more|is the bigger risk}|{$samekey} matters more|other work on the list matters more}.",
		"P2, not P1: {$minor}. {~Revisit if it shows up in {$metric}.|I'll look at it again after {$meeting}.}",
		"Raising priority because {$urgent}.",
		"Ranked this to the top of the backlog. If we only get one thing done {~next sprint|before {$version}|this month}, it should be this{? — {$person} agrees}.",
		"{~With our capacity|Realistically} it's either this or {$samekey}. I'd pick this one: it unblocks {$2-6} other tickets{? and {$person} is waiting on it}.",
		"Parking this for now, behind the {~security items|audit work|{$svc} migration}. Not dropping it{~, just not this month|; it comes back when {$otherkey} lands}.",
		"High impact for the effort: about {$2-8} points for {$gain}. Moving it up.",
		"Cost of delay: {$urgent}. Prioritising it now.",
		"Ordering for the next {~two sprints|few weeks}: this, then {$samekey}, then the cleanup. The cleanup can wait, the other two can't.",
		"{~Lowering|Dropping} the priority because {$minor}.",
		"Nice-to-have for now: {$minor}. It goes below {$doing}.",
		"Must-have for {$version}: {$urgent}. {~The dashboard work can wait.|The rest of the list can wait a sprint.}",
	}
	sprintComments = []string{
		"Sprint goal for {$sprint}: {$goal}. This one is in, {~and it's the riskiest piece so it goes first|it's the piece everything else waits on|and {$person} has already started on the design}.",
		"{~Capacity check|Quick capacity check} for {$sprint}: we're at {$20-48} points with {~one person out on Thursday and Friday|{$person} on call that week|two people at a conference}. {~Pulling this into {$nextsprint} instead.|Moving this to {$nextsprint}.}",
		"Carrying this over to {$nextsprint}{~, it's about {$60-90}% done and only the rollout is left|; the {$svc} part took longer than the estimate}. {~First thing in the sprint.|Told {$lead} so nobody is surprised.}",
		"Pulled into {$sprint}. With this and {$samekey} we're at capacity, so nothing else goes in without something coming out.",
		"Taking this out of {$sprint}: we over-committed and this one has the fewest dependencies. {~Back in the pool for {$nextsprint}.|It goes to the top of next sprint's list.}",
		"For planning: {~about {$2-8} points|{$2-5} days for one person}, fits in {$sprint} if we drop {~the runbook cleanup|the dashboard polish|the second alert rule}.",
		"Added to {$sprint} as a stretch item. The sprint goal stays: {$goal}.",
		"This has been carried over twice. Splitting it so the first half {~actually lands|is done} in {$sprint}: {~the first {$2-3} services now, the rest next time|staging now, production next sprint}.",
		"Planning note: {$sprint} {~has less capacity because {$person} is on call that week|has {$2-3} fewer people because of holidays|loses two days to the team offsite|ends in the release freeze}, so we commit to {~two|three} items and this is one of them.",
		// Ahead of, not "instead of OPS-1229 … Made room in the sprint
		// for it": the generator does not take the other issue out of the
		// sprint, so Jira would say it stayed.
		"{$person} and I went through {$sprint} {~this morning|after standup|before planning}: this one goes ahead of {$swappedkey}, same size, but this one {~unblocks {$team}|has someone waiting on it}.",
	}
	releaseComments = []string{
		"{~Targeting|Aiming this at} {$version}. {~Cut-off is {$freeze}|The release cut-off is {$freeze}, 17:00 CET}, so this has to be {~in review|ready} by then or it rolls to the next release.",
		"Release notes for {$version}: \"{$relnote}\"",
		"Go/no-go for {$version}: go. {~Canary has been clean for {$12-48}h|Staging soak was clean over the weekend} and the rollback plan is {~the usual helm rollback|to switch the flag off}.",
		"No-go for {$version} from my side until {~the dry run passes on staging|{$otherkey} is done|{$person} has signed off the runbook}. {~Moving this to the next fix version.|Pushing it to the next release.}",
		"{~Not needed for the current release|Not blocking for this release}, and the cut-off was {~yesterday|on {$since}}. Moving it to the next release{? so it gets a proper soak}.",
		"Code freeze for {$version} is {$freeze}, 17:00 CET. Anything not {~in review|approved} by then {~moves to the next release|waits for the next train}.",
		"Added to the {$version} release notes under '{~Reliability|Improvements|Fixes}'{?, with a line for support about what changes}.",
		"This ships in {$version}; {$rollout}.",
	}
	// initiativeUpdates report on the initiative the issue serves: what
	// of it is done, under way and next, from its theme. They are posted
	// on its epic and on work filed under a phase of it still open, where
	// people follow the initiative (updates); on other work, and once the
	// initiative is done, they read as news about something else: "Weekly
	// update: shipped owner labels on every alert" on a bug that says a
	// page ignored its owner label.
	initiativeUpdates = []string{
		"Update: {$n} of {$n2} stories done, the rest are in review. ETA for {$doing}: {$day}. Risk: {$risk}.",
		"Quick status for everyone watching this: finished {$done}, now on {$doing}. {~On track.|Still on track for {$date}.|Nothing needed from you yet.} FYI {$lead}",
		"Weekly update: shipped {$done}, and {$doing} is {~under way|half done|in review}. Next: {$next}. No blockers.",
		"Status: at risk. We're waiting on {$otherkey}{~ from {$theirteam}|}; if it isn't in by {$day} we ship without {$next} and add it after.",
		"Summary for {$lead} and {$mate}: done, {$done}. In progress, {$doing}. Next, {$next}. ETA {$date}.",
		"Update: {$doing} will take {~a few more days|longer than planned}. Risk: {$risk}. {~Looking into it with {$person}|{$person} is on it}; I'll post again on {$day}.",
		"Where we are, for anyone following along: {$Done}, done. {$Doing}, under way, ETA {$date}.",
	}
	// plainNews are initiativeUpdates that say all goes well, as Me says
	// them within a week of saying something does not: what is done and
	// what is next, without "No blockers" or "On track".
	plainNews = map[string]string{
		initiativeUpdates[1]: "Quick status for everyone watching this: finished {$done}, now on {$doing}. Nothing needed from you yet. FYI {$lead}",
		initiativeUpdates[2]: "Weekly update: shipped {$done}, and {$doing} is {~under way|half done|in review}. Next: {$next}.",
	}
	// issueUpdates are about the issue itself, said while it is open.
	issueUpdates = []string{
		"Status: at risk. We're waiting on {$otherkey}{~ from {$theirteam}|}; if it isn't in by {$day}, this moves to the next sprint.",
		"Heads up {$lead}: the maintenance window for {$window} moves to {$windowday} {~06:00|05:30|21:00} UTC. Expect {~about five minutes|a few minutes} of higher latency on {$svc}{?; {$outsider} knows}.",
		"{$Watcher} asked where this is: it goes live on {$nth}{? in {$region} first}. I'll keep you posted here so nobody has to ask in {$channel}.",
	}
	// slipUpdates move the date of an issue that has one (it is under way
	// or planned into a sprint), for a reason of its initiative ({$slip}),
	// so that no two initiatives give the same excuse in the same words.
	slipUpdates = []string{
		"FYI {$lead} {$mate}: this slipped {~a week|a few days} because {$slip}. New ETA {$date}. {~Nothing needed from you yet.|I'll shout if that moves again.}",
		"Heads up {$lead}: {$slip}, so this moves out by {~a week|a few days}. New ETA {$date}{~; I'll say here if it moves again.|. Nothing needed from you yet.}",
		"New ETA for this: {$date}, {~a week|a few days} later than planned, because {$slip}. FYI {$mate}",
		"Date update for {$lead}: this now lands on {$date}. {$Slip}, and I'd rather move the date than rush it.",
		"Update: this will take {~a few more days|longer than planned}. Risk: {$risk}. {~Looking into it with {$person}|{$person} is on it}; I'll post again on {$day}.",
	}
	// decisionComments are decisions on work that serves no initiative;
	// under an initiative Me records its theme's decisions and
	// epicDecisionComments.
	decisionComments = []string{
		"Decision: we keep the old endpoint until {$version} and remove it after. Agreed with {$lead} in {$meeting}.",
		"We agreed to go with option B ({~a feature flag per merchant|a separate queue per region|the managed service}): {~one more day of work|a bit more setup}, but a clean rollback.",
		"{~Multi-region failover|Support for the legacy {$svc} API|A UI for this|Automatic remediation} is out of scope for this one. {~Logged it separately so it isn't lost.|Written down in {$otherkey} for later.}",
		"Decision: no new Grafana dashboard for this, {$dash} covers it. Descoped the dashboard task.",
		"{~Deploys after 15:00 on Fridays need the on-call's OK from now on|{$svc} gets its own on-call rotation from next month|We stop maintaining the old {$svc} dashboards, {$dash} is the one}. We decided that in {$meeting} and it starts {$nth}.",
		"Descoped the Android part, usage there is under {$2-4}%. We agreed to revisit next quarter.",
		"Decision: we build this on the shared module instead of a one-off. Slower now, no second migration later.",
		"We settled on {~30|14|45} days of retention for {$svc} logs{~ after checking with {$outsider}|; legal is fine with it}. {~Cheaper, and still enough for incident reviews.|Anything older goes to cold storage.}",
		"{~OK, to close the loop|Closing the loop on yesterday's thread}: we're going with the second option, {~a nightly batch instead of streaming|managed Postgres}. {~Cost and on-call load both point that way.|{$person} and {$outsider} are on board.}",
	}
	// epicDecisionComments are decisions any initiative makes, about its
	// own scope and dashboards.
	epicDecisionComments = []string{
		"Decision: we leave {$outscope} out of scope for this epic. {~Logged it separately so it isn't lost.|Written down in {$otherkey} for later.|Agreed in {$meeting}.}",
		"Decision: no new dashboard for this, {$dash} covers it. Descoped the dashboard task.",
	}
	wontDoComments = []string{
		"Closing as Won't Do: {~{$otherkey} covers the same need|{$samekey} covers the same need|nobody has asked for it since {$since}}. Reopen if {~it comes up again|someone asks for it}.",
		"Won't Do: {$minor}, and the cost ({~two sprints|about {$10-20} days}) outweighs that. {~Logged in the backlog in case it comes back.|Reopen if that changes.}",
		"Closing: agreed with {$mate} that the cost ({~two sprints|about {$10-20} days}) outweighs the benefit: {$minor}.",
		"Not doing this one: {$minor}. Won't Do.",
	}
	// wontDoElsewhere close an issue Me said was urgent: the need is met
	// by other work.
	wontDoElsewhere = []string{
		"Closing as Won't Do: the need is real, but {$samekey} covers it and is further along. {~Follow that one.|Reopen if it stalls.}",
		"Closing as Won't Do: the need is real, but {$otherkey} on the {$team} board covers it. {~Follow that one.|Reopen if it stalls.}",
		"Closing as Won't Do: the need is real, but it's part of {$doing}, which is further along. Reopen if that stalls.",
	}
	duplicateComments = []string{
		"Duplicate of {$dupkey}, closing this one. {~Moved the repro steps over there.|Copied {$person}'s notes across.|The logs from {$since} are attached there now.}",
		"Same root cause as {$dupkey}. Closing as duplicate, please follow that one{? for news}.",
		"This is {$dupkey} again. Marking it as a duplicate{~ and linking them| so the history stays in one place}.",
	}
	// crossTeamComments are Me's words on another team's issue: Platform
	// does its part on a service it runs ({$oursvc}), the other team a
	// part it has ({$theirpart}).
	crossTeamComments = []string{
		"Hi {$lead}, we need this before we can turn on the new alerting for {$svc}. Could your team pick it up in {$sprint}? Our side is {$opskey}.",
		"Hand-off: our part ({$opsdonekey}) is done{~ and closed|, nothing on the platform side holds this up any more}. Over to {$team} for {~the client changes|the rollout}.",
		"{$lead} dependency check: we plan the cut-over for {$day}. Does that work with your release, or should we move it?",
		"Coordinating with {$team}: they own the client side, we own the infrastructure. Linked {$opskey} so both boards see it.",
		"Dependency: {$opskey} has to land first. I'll comment here when it's done so you can start{? — probably {$day}}.",
		"Hi {$lead}, could someone on your side review the runbook before we hand this over? Ideally before {$day}.",
		"Coordinating with {$team} on the timing: we have a maintenance window for {$oursvc} on {$day}. Nothing should change on their side, but {$lead}, shout if you see errors.",
		"Synced with {$mate} on who does what: {$team} {~changes the client|takes {$theirpart}}, we watch {$svc} on our dashboards during the rollout{? and roll back if it misbehaves}.",
		"Synced with the {$team} team on this: they expose the metric, we build the alert. Owner on their side is {$mate}.",
		"{$lead} we'd like to take this off your plate: our team can do the infrastructure part in {$opskey}. Any objections?",
		"Talked to the {$team} team {~at {$meeting}|on a call this morning}: they handle {$theirpart} and we handle the {$oursvc} side. Timeline is in {$opskey}.",
	}
	// epicGoalComments open an epic Me owns.
	epicGoalComments = []string{
		"Goal of this epic, in one line: {$epicgoal} {~We measure it on {$dash} and I'll post the numbers here every other week.|The success metrics are in the description; anything that doesn't move them isn't part of this epic.}",
		"Success metrics for this one, so we all read them the same way: {$epicmetrics}. {~If a ticket doesn't help with one of those, it goes to the backlog.|I'll check them at every sprint review.}",
		"Kick-off notes from {$meeting}. Goal, as in the description: {$epicgoal} {~{$person} owns the rollout plan, I own the metrics and the updates.|First milestone is staging by {$date}.}",
	}
	// epicScopeComments reshape an epic Me owns.
	epicScopeComments = []string{
		"Re-ordered the children: {~{$firstscope} first, it unblocks the rest; {$lastscope} last|{$firstscope} first because everything else depends on that, docs last}.",
		"Moved two items out of this epic into the backlog, {~nice-to-haves that don't help hit the goal|both about {$svc} and not about the goal}.",
		"Added the success metric to the description and split the remaining work into {~three|four} stories{? with {$person}}.",
		"Pulled the open tickets for {$scope} into this epic; we'd only do that work twice otherwise.",
	}
	// epicProgressComments report on an epic Me owns.
	epicProgressComments = []string{
		"Epic check-in: {$n} of {$n2} stories done. {~What's left is {$doing} and {$next}.|Remaining: {$next} and the docs.} On track for {$date}.",
		"Progress since {$since}: {$n} of {$n2} stories done, {$done} {~among them|included}. {~{$person} is on the last big piece, {$doing}.|The rest is small.} Next check-in after {$meeting}.",
	}
	// epicClosings close an epic without saying what came of it.
	epicClosings = []string{
		"Closing the epic: everything in scope has shipped{~ and the leftovers are in the backlog with the tech-debt label|; follow-ups are in the backlog}.",
	}
	// acceptanceComments close an issue whose description has acceptance
	// criteria, checked against them ({$allcriteria}: "all three";
	// {$criteriaticks}: "1 ✓ 2 ✓ 3 ✓"); doneWhenComments one whose
	// description has a "Done when" list instead; verifiedComments one
	// with neither, checked against what it is for (user acceptance
	// testing needs criteria to test against).
	acceptanceComments = []string{
		"Verified in staging: {$verified}. Meets the AC, closing.",
		"Tested on staging{~ with {$person}| with production-like data|}, {$allcriteria} acceptance criteria pass. Moving to Done.",
		"UAT passed with {$lead}'s team {~this morning|on {$since}}. Thanks {$mate}!",
		"Checked against the acceptance criteria: {$criteriaticks}. Verified in staging, closing.",
		"Verified it myself{~ with {$person}|}: {$verified}. Meets AC.",
		"Walked through the AC on staging with {$mate}{? and {$outsider}}. All good, verified.",
		"Tried it end to end on staging: {$verified}. Does what we needed, closing.",
	}
	doneWhenComments = []string{
		"Verified against the 'Done when' list{~ with {$person}|}: {$donewhenticks}. {~Closing.|Moving to Done.}",
		"Everything under 'Done when' holds{? (thanks {$mate})}, verified. {~Closing.|Moving to Done.}",
		"Verified{~ with {$person}|}: {$verified}. That was the last item under 'Done when', closing.",
		"Verified against the 'Done when' list: {$verified}. Does what we needed, closing.",
	}
	verifiedComments = []string{
		"Verified in staging: {$verified}. Closing.",
		"Verified it myself{~ with {$person}|}: {$verified}. {~Closing.|Moving to Done.}",
		"Tried it end to end on staging{~ with {$person}|}: {$verified}. Does what we needed, closing.",
		"Verified on staging{~ with {$person}| with production-like data|}: it does what the ticket {~asks|describes}{?, and the logs are clean}. {~Closing.|Moving to Done.}",
	}
	// reopenComments reopen an issue that does not do what it should yet;
	// reopenCriteriaComments one whose acceptance criteria say what that is.
	reopenComments = []string{
		"Reopening: on staging {$gap}.",
		"Reopening: tried it on staging and {$gap}.",
		"Reopening: {~it doesn't hold up on staging yet|tried it on staging and it isn't there yet}; what I saw is in the PR.",
		"Reopening: not everything under 'Done when' holds yet{~, the last item is still open|: the last item is still open}.",
	}
	reopenCriteriaComments = []string{
		"Reopening: on staging {$gap}.",
		"Reopening: the AC aren't all met yet, {$gap}.",
		"Reopening because {$gap}; the AC aren't all met yet.",
		"Reopening: {~not every acceptance criterion holds on staging yet|the AC aren't all met yet}; what I saw is in the PR.",
	}
	// incidentUpdates are Me's updates while she coordinates an incident,
	// by its phase when she posts: each says only what has happened by
	// then, in the incident's own facts (incident.go), so that no update
	// contradicts another, the resolving comment or the postmortem.
	incidentUpdates = [...][]string{
		phaseInvestigating: {
			"Status: investigating elevated errors on {$svc} in {$region} since {$started} UTC. Impact: ~{$failing}% of requests failing. Next update at {$time}.",
			"Roles for this incident: I'm coordinating, {$mitigator} is on mitigation, {$lead} handles merchant comms. Status: errors on {$svc} since {$started} UTC, ~{$failing}% of requests failing. Next update at {$time}.",
			"Impact so far: {$merchants} merchants, ~{$failing}% of requests to {$svc} in {$region} failing since {$started} UTC. Next update at {$time}.",
			"Customer impact: {$customer} and {~two|three} other merchants have called support about errors since {$started} UTC. Opened the incident channel #inc-{$svc}, please keep the chatter there. Next update at {$time}.",
		},
		phaseMitigating: {
			"Update: mitigation in progress since {$mitigating} UTC, {$fixing}. Customer impact so far: {$merchants} merchants saw failed requests. Next update at {$time}.",
			"Incident comms: status page updated, support has the customer-facing text{? and {$outsider} is calling {$customer}}. {$lead} FYI, {$merchants} merchants are affected and your dashboards will show the dip from {$started} UTC.",
			"Update: {$mitigator} is {$fixing}, started at {$mitigating} UTC. Still ~{$failing}% of requests failing; customer impact so far {$merchants} merchants. Next update at {$time}.",
		},
		phaseMonitoring: {
			"Mitigated at {$mitigated} UTC ({$mitigation}), error rate falling back towards baseline. Keeping the incident open while we monitor; next update at {$time}.",
			"Update: root cause looks like {$cause}. Mitigated at {$mitigated} UTC by {$fixing}; the error rate is falling. Next update at {$time}.",
		},
		phaseResolved: {
			"Update: error rate back to baseline since {$resolved} UTC. Keeping the incident open while we monitor; postmortem to follow.",
			"Incident comms: status page back to green since {$resolved} UTC, support has the final note for customers{? and {$outsider} has called {$customer}}.",
			"Final impact: {$merchants} merchants, ~{$failing}% of requests to {$svc} failing for {$minutes} minutes ({$started}–{$resolved} UTC). Postmortem to follow.",
		},
	}
	// incidentCloseComments resolve an incident, after its all clear.
	incidentCloseComments = []string{
		"Resolved. Impact window {$minutes} minutes ({$started}–{$resolved} UTC), {$merchants} merchants affected. Postmortem to follow, I'll schedule the review for {$day}.",
		"Resolved at {$resolved} UTC, {$minutes} minutes after the first errors. Customer impact: {$merchants} merchants. Postmortem and follow-up items coming in OPS.",
		"All clear since {$resolved} UTC, closing: {$minutes} minutes of errors for {$merchants} merchants. {~Support has the final note for customers.|Status page is back to green.} Postmortem to follow, review on {$day}{? with {$lead}}.",
	}
	// mitigatorReports are the colleague on mitigation saying that it took.
	mitigatorReports = []string{
		"{$fixed}, error rate is dropping.",
		"{$fixed}. Error rate is coming down{~, watching it| on {$dash}}.",
	}
	flagOffComments = [...][]string{
		// blockerDone: the issue it waited on was finished in the meantime.
		blockerDone: {"(flagoff) Flag removed\n\nUnblocked: {$blockerteam} finished the change in {$blocker}, you can continue."},
		blockedOnIssue: {
			"(flagoff) Flag removed\n\nSorted out with {$lead}: this part doesn't need {$blocker} after all, no need to wait any more{? — details in {$channel}}.",
			"(flagoff) Flag removed\n\nTalked to {$lead}: {$blocker} isn't finished yet, but {~their staging build has what you need|the endpoint is already on staging}, so you can carry on.",
		},
		blockedOnAccess:   {"(flagoff) Flag removed\n\nAccess is granted{~, you can carry on.|, over to you again.|: you're in the {$svc}-admins group now.}"},
		blockedOnDecision: {"(flagoff) Flag removed\n\n{~Got the decision from {$outsider}|Sorted out with {$lead}, no need to wait any more}{~, you can carry on.|, over to you again.}"},
	}
)

// qaPair is a colleague's question and the answers Me might give to it.
type qaPair struct {
	questions, answers []string
	// on are the projects whose work it comes up in, all when empty:
	// nobody on the app team asks for prod Vault access to fix quiet
	// hours.
	on []string
	// about are words one of which the issue, or its initiative's work,
	// is about when the question is about one thing: an alert's
	// threshold is asked on alerting work.
	about []string
}

// questionOpening and questionClosing frame a colleague's question the way
// people do.
const (
	questionOpening = "{~|quick one: |sorry to chase, |before I go further: |}"
	answerClosing   = "{~||| Thanks for asking first.| Thanks for checking with me.| Shout if anything else comes up.}"
	questionClosing = "{~|| I'd like to finish this by {$day}.| No rush, I'm on something else until {$later} UTC.| Asking because {$customer} is waiting on it.| {$person} wondered too.}"
)

// questionsAndAnswers: a colleague asks Me what they need to go on, and
// her answer settles it (unblocking).
var questionsAndAnswers = []qaPair{
	{[]string{"{$me} should we keep the old metric name around or just rename it?", "{$me} rename {$svc}_requests_total now, or keep the old name for a while?"},
		[]string{"{$asker} keep the old metric name as an alias for one release, then drop it. Go ahead.", "{$asker} keep both for {~one release|two weeks}; {$dash} still reads the old one. Go ahead with the rename."},
		[]string{"OPS", "PAY"}, nil},
	{[]string{"{$me} do I need prod Vault access for this, or is staging enough?"},
		[]string{"{$asker} yes, use the staging Vault path; you don't need prod credentials for this. You're good to go.", "{$asker} staging is enough, you don't need prod access for this part. Go ahead."},
		[]string{"OPS", "PAY"}, nil},
	{[]string{"{$me} what threshold do we want for the alert, 1% or 2%?", "{$me} stuck on the alert threshold, is it ok to use what checkout uses?"},
		[]string{"{$asker} {~2% for 5 minutes|1% for 10 minutes}, that's what we agreed for the SLO. Go ahead with that.", "{$asker} use the checkout numbers, {~2% over 5 minutes|1% over 10 minutes}. You're unblocked."},
		nil, []string{"alert", "page", "slo", "burn", "saturation"}},
	{[]string{"{$me} is it OK to skip the canary for this one? It's config only."},
		[]string{"{$asker} fine to skip the canary for this one, it's config only. Approved.", "{$asker} yes, skip it, a config-only change doesn't need the canary. Go ahead."},
		[]string{"OPS", "PAY"}, nil},
	{[]string{"{$me} stuck on the schema question: is {$theirteam} OK with the field change?"},
		[]string{"{$asker} I checked with {$lead}: they're fine with the schema change as long as the field stays nullable. You're unblocked.", "{$asker} got the answer from {$lead}: fine by them if the field stays nullable. No need to wait any more."}, nil, nil},
	{[]string{"{$me} which sprint should this go in? I can start now if it's in."},
		[]string{"{$asker} put it in {$sprint}, I've made room. Go ahead whenever you're ready.", "{$asker} it's in {$sprint} now, start whenever you like. You're good to go."}, nil, nil},
	{[]string{"{$me} getting 403 on the {$svc} admin API, can you sort out access?"},
		[]string{"{$asker} access is sorted, you're in the {$svc}-admins group now. Tell me if it still answers 403.", "{$asker} added you to the {$svc}-admins group, you're good to go."},
		[]string{"OPS", "PAY"}, nil},
	{[]string{"{$me} should I wait for the design review or follow what we did in {$samedonekey}?"},
		[]string{"{$asker} don't wait for the design review, reuse the pattern from {$samedonekey}. We can polish later.", "{$asker} no need to wait, {$samedonekey} is the pattern. Go ahead."}, nil, nil},
	{[]string{"{$me} do we need {$theirteam} to migrate their side too, or can I drop that part?"},
		[]string{"{$asker} I got the answer from {$lead}: their team takes the migration, so you can drop that part and go ahead.", "{$asker} drop it, {$team} takes their side in their next sprint. You're unblocked."}, nil, nil},
	{[]string{"{$me} can I ship this before {$customer} confirms the new format?"},
		[]string{"{$asker} yes, {$outsider} confirmed {~this morning|on Slack} that {$customer} is fine with it, so no need to wait for the call on {$day}."},
		[]string{"OPS", "PAY"}, nil},
	{[]string{"{$me} does this go in the next app version, or can it wait for the one after?"},
		[]string{"{$asker} yes, the next one; the cut-off is {$day}. Go ahead.", "{$asker} yes, put it in the next one; {$lead} knows it's coming. You're good to go."},
		[]string{"MOB"}, nil},
	{[]string{"{$me} should the fix cover old app versions too, or only the new one?"},
		[]string{"{$asker} only the new version; old ones get the update prompt. Go ahead.", "{$asker} new version only, {~{$outsider} is fine with that|support can point people to the update}. You're unblocked."},
		[]string{"MOB"}, nil},
	{[]string{"{$me} do I test this on both iOS and Android before it goes out, or is one enough?"},
		[]string{"{$asker} both, but Android on the emulator is enough. Go ahead.", "{$asker} iOS on a device, Android on the emulator. You're good to go."},
		[]string{"MOB"}, nil},
}

// Engineering comments by Me: hands-on work, not PM evidence.
var (
	engineeringComments = []string{
		"Fixed in PR #{$pr}{~.|, {$thing} was the culprit.|; the test now covers {$thing}.}",
		"Deployed to staging{~.|, smoke tests pass.|, watching the logs for a bit.|; {$thing} behaves now.|, {$person} can test from {$later} UTC.}",
		"Pushed a fix for the flaky test in PR #{$pr}{? (it depended on wall-clock time)}.",
		"Can't reproduce locally with {$ver}, {~trying with the prod config next|going to add more logging|asking {$person} for the exact request}.",
		"Bumped the chart to {$ver}, rolling out now.",
		"Added the missing index, the query went from {$ms} ms to {$8-30} ms.",
		"Re-ran the pipeline, it was the flaky integration test again{? (third time this week)}.",
		"Merged. Watching {~the dashboards|{$dash}|the error rate} for {~an hour|the afternoon|a bit|the rest of the day}.",
		"Done on my side, the Terraform plan is clean{~.|: {$1-6} to change, 0 to destroy.}",
		"The pod restarts again, OOMKilled at {~512Mi|768Mi|1Gi}. Raising the limit in PR #{$pr}.",
		"Reverted in PR #{$pr}, {~will redo it after lunch|the migration needs another look|{$thing} broke on staging}.",
		"Rebased on main, CI is green again{? after the {$thing} change}.",
		"Found it: {$thing} {~was reading the wrong env var|had a timeout of 0|swallowed the error}. Fix in PR #{$pr}.",
	}
	// reviewComments are Me reviewing a colleague's pull request.
	reviewComments = []string{
		"{~LGTM|Looks good to me|lgtm}{~.|, one nit inline.|, one nit about {$thing}.|, thanks for adding the test for {$thing}.|, but please add a line to the runbook.| once CI is green.}",
		"Left {$2-5} comments on PR #{$pr}, nothing blocking{~.|; {$thing} could use a test.}",
		"Reviewed PR #{$pr}: {~LGTM|looks good}, {~ship it after the standup|one question about {$thing} inline}.",
	}
	// wrapUpComments are Me finishing her own ticket.
	wrapUpComments = []string{
		"Deployed to staging, smoke tests pass{~.| on {$region}.|, {$thing} included.}",
		"Fixed in PR #{$pr}{~.|, and {$thing} has a test now.|; it was {$thing}.}",
		"Merged. Watching {~the dashboards|{$dash}} for {~an hour|the rest of the day}{? before I close it}.",
	}
)

// Colleagues' words.
var (
	// colleagueTriage is what colleagues say before anyone works on an
	// issue; on a bug, colleagueSightings too: a story or an epic has no
	// symptoms to see again.
	colleagueTriage = []string{
		"Will pick this up after {$samekey}{? — probably {$day}}.",
		"{~Thanks|Thanks for writing this up|Cheers}{~!|, this has bitten me too.|, I'll have a look {$day}.|, {$customer} will be happy.|, I saw the same on {$since}.}",
		"Is this still needed after the {$svc} migration?{? I thought {$samekey} covered it.}",
		"I can take this {~next sprint|after {$samekey}|on {$day}} if nobody else does{~.|, should be a day or two.}",
		"Not sure about the estimate, {~the {$svc} side alone is a couple of days|it feels bigger than {$2-5} points to me}.",
	}
	colleagueSightings = []string{
		"Reproduced on staging with {$ver}{? — {$sameerror}}.",
		"Seen this again {~today|this morning|last night} at {$hhmm}, same symptoms{? in {$region}}.",
		"+1, hit this {~twice|three times|again} {~this week|since {$since}}{? while on call}{? in {$region}}.",
		"{$customer} mentioned this on the call {$day}, {~they see it about once a week|support has the ticket}.",
	}
	// colleagueWork is what they say while working on it and after.
	colleagueWork = []string{
		"PR is up: https://git.larkspur.example/{$repo}/pull/{$pr}{~|| — small one| — {$2-9} files, mostly tests| — could someone look before {$later} UTC?}",
		"{~Working on this|On this|Picking this up} {~today|this afternoon|now|after {$meeting}}{~.| — should have something by {$later} UTC.| — starting with {$thing}.}",
		"Done, merged in #{$pr}.",
		"Turns out it's {~the retry loop|a missing timeout|a race in {$thing}}, not {~the pool size|the network|the config}. Fix coming.",
		"Added tests for {~the edge case|the empty-currency case|{$thing}}.",
		"Moved {~the config|{$thing}} into the shared module{~.| so {$svc} picks it up too.| — one less copy to keep in sync.}",
		"Addressed the review comments{~.|, {$2-5} of them.|, except the naming one — happy to discuss.|; {$thing} is simpler now.}",
		"{~Deployed to production|Rolled out to production|Out in production since {$hhmm}}, {~looks good so far|no errors so far|dashboards look normal}{? ({$ms} ms p99)}.",
		"{~LGTM|Looks good|Looks fine to me}{~.|, nice one.| from my side.|, {$person}.|, thanks for fixing {$thing} on the way.}",
		// Not "Rolled back … error rate is dropping": that is an incident,
		// told on the incident issue, not on work that is none.
		"Backed the change out of staging{~, {$thing} broke there|: it broke {$thing}}. Redoing it {~behind a flag|in smaller steps|after {$meeting}}.",
		"Pairing with {$person} on this {~tomorrow|on {$day}}, the {$svc} part is new to me.",
	}
	// flagComments say why work is blocked, by reason; flagOffComments,
	// by the same reason, how it was cleared.
	flagComments = [...]string{
		blockedOnIssue:    "(flag) Flag added\n\nBlocked: waiting for {$blocker} ({$blockerteam}), can't test without {~the new schema|their new endpoint|the staging credentials}.",
		blockedOnAccess:   "(flag) Flag added\n\nBlocked on access to the {$svc} admin API{? since {$since}}.",
		blockedOnDecision: "(flag) Flag added\n\nNeed a decision on {$undecided} before I can finish this.",
	}
	// commentTails are remarks anyone might add to a comment; fresh adds
	// one when a comment would otherwise repeat another.
	commentTails = []string{
		" {~Ping me|Shout} in {$channel} if {~anything looks off|you need me}.",
		" (Back from {$meeting} at {$later} UTC if you need me.)",
		" {$person} has the details if I'm not around.",
	}
	worklogComments = []string{"", "", "Investigating", "Implementation", "Code review", "Pairing on the failover test", "Terraform changes", "Incident follow-up", "Testing on staging"}
	regions         = []string{"eu-west-1", "us-east-1", "eu-central-1"}
	// platformUnderneath are the services Platform runs that the other
	// teams' services stand on.
	platformUnderneath = []string{"postgres-primary", "kafka", "redis-cache", "ingress-nginx", "vault"}
	// teamParts are what each other team takes on in work shared with
	// Platform: Payments has merchants and no app, Mobile an app and no
	// merchants.
	teamParts = map[string][]string{"PAY": {"the client changes", "the merchant comms"}, "MOB": {"the client changes", "the app release"}}
	customers = []string{"Nordvik Outfitters", "Halden Foods", "Brightline Travel", "Cobalt Fitness", "Marlow & Finch", "Tiller Books",
		"Oakridge Pharmacy", "Sundial Coffee", "Kestrel Bikes", "Fjordhus Home", "Pinecrest Hotels", "Umber Studio"}
	// outsiders are people outside the three teams, named in plain text.
	outsiders  = []string{"Priya from support", "Daniel in finance", "Hana from security", "Oskar from sales", "Ines from legal", "Marta (customer success)"}
	meetings   = []string{"Tuesday's ops review", "the Monday sync", "planning", "the weekly risk review", "the architecture forum", "the leads' sync"}
	dashboards = []string{"the SLO board", "the on-call Grafana", "the cost dashboard", "the checkout funnel", "the delivery dashboard"}
)

// Descriptions.
var (
	bugOneLiners = []string{
		"Seen {~twice|three times} this week, see the alert in {$channel}{? on {$since}}.",
		"Happens after every {~deploy|restart} of {$svc}, goes away on its own after ~{$5-15} minutes.",
		"Reported by support for {$customer}, {~merchant ticket attached|screenshots in the support ticket}.",
		"{$customer} hit this {$since}; {~{$2-9} failed requests in the logs|support has the request ids}.",
		"",
	}
	// colleagueStoryOrigin is where a colleague says the story she files
	// came up.
	colleagueStoryOrigin = "{~Came up in {~the retro|{$meeting}}.|See the thread in {$channel}.|Asked for in {$channel} more than once.}"
	// storyContext is what a story's "Why now" may add after the reason.
	storyContext = "{~Nobody owns it today.|{$person} has a workaround nobody else knows.|It gets worse every quarter we wait.|{$person} asked about it again this week.}"
	// descriptionTails are details anyone might add to a description;
	// fresh adds one when a description would otherwise repeat another.
	descriptionTails = []string{
		"\n\n{~First seen on {$since}.|Related: {$samekey}.|Found while on call on {$since}.|Raised in {$channel}.}",
		"\n\n{~Owner for questions|Contact}: {$person}.",
	}
	// refinedCriteria are what Me adds to a colleague's ticket to make it
	// ready; refinedMetrics sharpen her epic's success metrics.
	refinedCriteria = "h3. Acceptance criteria (refined)\n* {~The {$svc} change is behind a feature flag|The change can be rolled back without a deploy|{$svc} keeps its current SLO during the rollout}\n* {~Dashboards and alerts updated|{$dash} shows the new numbers|An alert fires when it breaks, not a customer ticket}\n* {~Runbook updated and linked|Support has a short note on what changes|On-call knows about it at the hand-over}{?\n* Tested with production-like traffic on staging}"
	refinedMetrics  = "h3. Success metrics (refined)\n* {$metric} measured {~weekly|every sprint} on {$dash}\n* {~Reviewed at the end of every sprint|Baseline taken on {$since}: we compare against that|Target agreed with {$lead} in {$meeting}}"
	// descriptionUpdates are what a ticket's reporter adds to it later.
	descriptionUpdates = []string{
		"the {$svc} part is done, the rest is config.",
		"{~scope is smaller than I thought|turns out only {$svc} needs it}, {$2-5} days rather than two weeks.",
		"{$customer} hit this again on {$since}, so it matters more than it looked.",
		"see {$samekey} for the {~first half|same fix in another service}.",
	}
	storyOutOfScope     = []string{"Anything that needs a new vendor", "Changes to the {$svc} API", "Non-production environments", "A UI for this", "Other regions than {$region}"}
	postmortemTemplate  = "h3. Summary\n{$incident}\n\nh3. Impact\n{$merchants} merchants affected, ~{$failing}% of requests to {$svc} in {$region} failed for {$minutes} minutes.\n\nh3. Timeline (UTC)\n* {$started} first errors on {$svc}\n* {$alerted} alert fired: error rate above {$threshold}% for {$alertfor} minutes\n* {$declared} incident declared, roles assigned\n* {$mitigating} mitigation ({$mitigation}) started\n* {$mitigated} mitigated, error rate falling\n* {$resolved} error rate back to baseline, all clear\n\nh3. Root cause\n{$rootcause}\n\nh3. Action items\n{$actions}"
	followUpDescription = "From the postmortem {$postmortem} of {$incidentkey}: {$summary}.\n\nh3. Why\n{~Without this, the same failure pages us again and we only see it from customer tickets.|It is the cheapest of the action items and removes most of the risk.|{$count} merchants were affected last time; this is how we stop a repeat.}\n\nh3. Done when\n* The change is live in production\n* The runbook mentions it{?\n* {$person} has reviewed it}"
	// followUps are the follow-ups a postmortem may file, as the epics
	// that they serve list them; the incident's cause words each one
	// (incidentCause.followUps).
	followUps = []string{
		"Follow-up: alert on {$svc} connection pool saturation",
		"Follow-up: add the rollback step to the {$svc} runbook",
		"Follow-up: require review for pool size changes",
		"Follow-up: synthetic check for {$svc} in {$region}",
	}
)
