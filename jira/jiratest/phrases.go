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
}

type epicSeed struct {
	summary string
	name    string // Server's Epic Name
	goal    string
	metrics []string
	scope   []string
	out     []string
}

var opsText = projectText{
	services: []string{"alertmanager", "ingress-nginx", "prometheus", "argo-cd", "vault", "postgres-primary", "kafka", "redis-cache", "loki", "buildkite-agents", "grafana", "cert-manager"},
	repos:    []string{"platform/terraform", "platform/helm-charts", "platform/alert-rules", "platform/runbooks", "platform/ci-templates"},
	stories: []storySeed{
		{"Route {$svc} alerts to the owning team", "on-call engineer", "alerts for {$svc} to page the team that owns the service", "I am not woken up for services I cannot fix",
			[]string{"Every alert carries an owner label taken from the service catalogue", "Pages go to the owner's rotation; unowned alerts go to the platform queue", "A dashboard shows pages per team per week"}},
		{"Runbook link in every page", "on-call engineer", "every page to link the runbook for the alert that fired", "I can start mitigating without searching Confluence at 3am",
			[]string{"Alert rules without a runbook_url annotation fail CI", "The PagerDuty incident shows the runbook link in its summary", "Existing rules are back-filled for the top 20 alerts"}},
		{"Self-service preview environments", "developer", "to spin up a preview environment from a pull request", "I can test against real dependencies before merging",
			[]string{"A {{/preview}} comment on a PR creates an environment within 10 minutes", "Environments are deleted 48h after the PR closes", "Cost per environment is visible on the cost dashboard"}},
		{"SLO dashboard for {$svc}", "engineering manager", "one SLO dashboard per customer-facing service", "we decide on reliability work with data instead of gut feeling",
			[]string{"Availability and latency SLOs are defined in code next to the service", "The dashboard shows the error budget left for the 28-day window", "Burn-rate alerts page at 2% budget per hour"}},
		{"Monthly automated Postgres failover drill", "SRE", "an automated failover drill every month", "we know failover works before we need it at 3am",
			[]string{"The drill runs on the first Tuesday of the month against staging", "Results are posted to #platform with the measured downtime", "A failed drill opens a Highest-priority ticket"}},
		{"Cloud cost report per team", "team lead", "a monthly cost report for the services my team runs", "we see the cost of what we run and can act on it",
			[]string{"Costs are attributed by the team label on namespaces and buckets", "The report lands in each team's channel on the 2nd of the month", "Untagged spend is listed separately and stays under 5%"}},
		{"One-click deploy freeze", "release manager", "to freeze all deploys with one command", "we can stop changes during an incident or a peak sale",
			[]string{"{{deployctl freeze --reason}} blocks every pipeline's deploy step", "The freeze is visible in Slack and in Argo CD", "Only the incident commander or a release manager can lift it"}},
		{"Ticket before TLS certificates expire", "on-call engineer", "a ticket 21 days before any certificate expires", "certificates never expire in production again",
			[]string{"cert-manager and external certificates are both covered", "The ticket names the owning team and the renewal runbook", "No page is sent unless expiry is under 72 hours"}},
		{"Alert on {$svc} saturation before it pages", "on-call engineer", "a warning when {$svc} reaches 80% of its capacity", "we scale during office hours instead of at night",
			[]string{"Warning at 80% for 30 minutes goes to the team channel", "The alert links the scaling runbook", "No duplicate page is sent for the same saturation event"}},
		{"Standard Terraform module for service databases", "developer", "a standard Terraform module for a service's database", "I get backups, alerts and access right without asking the platform team",
			[]string{"The module creates the database with point-in-time recovery on", "Backup and replication-lag alerts are created with it", "Access is granted through Vault roles, never static passwords"}},
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
	},
	bugs: []string{
		"{$svc} pods OOMKilled after {$ver} upgrade",
		"Flaky alert: {$svc} disk usage fires at 3am",
		"Grafana panel for {$svc} shows no data after migration",
		"Argo CD sync stuck on {$svc} with hook timeout",
		"Terraform plan wants to recreate the {$svc} load balancer",
		"Duplicate pages for one {$svc} outage",
		"{$svc} readiness probe fails during GC pauses",
	},
	epics: []epicSeed{
		{"On-call health: halve pages per week", "On-call health", "Cut pages per on-call week from ~40 to under 20 without missing real incidents.",
			[]string{"Pages per on-call week, 4-week average, under 20", "No incident detected by customers before an alert fires"}, []string{"Alert ownership", "Runbook links", "Noise reduction"}, []string{"Replacing PagerDuty"}},
		{"SLOs for customer-facing services", "Service SLOs", "Every tier-1 service has an availability and a latency SLO with error-budget alerts.",
			[]string{"8 of 8 tier-1 services with SLOs in code", "Error-budget policy agreed with the three team leads"}, []string{"SLO definitions", "Burn-rate alerts", "Dashboards"}, []string{"Internal tools", "Batch jobs"}},
		{"Kubernetes 1.30 upgrade", "K8s 1.30", "All clusters on Kubernetes 1.30 before the 1.28 end of support.",
			[]string{"Zero customer-facing downtime during the upgrade", "All clusters upgraded by the end of the quarter"}, []string{"Staging and production clusters", "Deprecated API removal"}, []string{"Moving to a new cloud region"}},
		{"Zero-downtime Postgres failover", "Postgres failover", "A primary failure costs us under 30 seconds of write downtime.",
			[]string{"Measured failover under 30 s in three consecutive drills", "Runbook exercised by every on-call engineer"}, []string{"Patroni setup", "Connection pooler", "Drills"}, []string{"Multi-region replication"}},
		{"Developer self-service environments", "Self-service envs", "Developers create and tear down environments without a platform ticket.",
			[]string{"Median time to a preview environment under 10 minutes", "Platform tickets for environments down 80%"}, []string{"Preview environments", "Database module", "Cost visibility"}, []string{"Production access"}},
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
		"SLOs for checkout and ledger, burn-rate alerts live",
		"Failover drill green twice in a row",
		"Preview environments for two pilot teams, no new toil",
		"Runbook links on the top 20 alerts, retire the old cluster",
	},
	traces: []string{
		"{code}\npanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x8c2f1a]\n\ngoroutine 214 [running]:\ngithub.com/larkspur/{$svc}/internal/router.(*Router).match(0xc0004a2000, {0xc000512a80, 0x2a})\n\t/src/internal/router/router.go:142 +0x3a\ngithub.com/larkspur/{$svc}/internal/router.(*Router).ServeHTTP(0xc0004a2000, {0x1b0e9c8, 0xc0005c61c0}, 0xc000170900)\n\t/src/internal/router/router.go:88 +0x1f4\nnet/http.serverHandler.ServeHTTP({0xc0002d4b40}, {0x1b0e9c8, 0xc0005c61c0}, 0xc000170900)\n\t/usr/local/go/src/net/http/server.go:3210 +0x8e\n{code}",
		"{code}\nError: Error acquiring the state lock\n\nError message: ConditionalCheckFailedException: The conditional request failed\nLock Info:\n  ID:        3f6c2a1e-9b1d-4d5e-a7c2-0f7e1b2c3d4e\n  Path:      larkspur-tf-state/{$svc}/terraform.tfstate\n  Operation: OperationTypeApply\n  Who:       buildkite@agent-7\n  Version:   1.8.5\n{code}",
		"{code}\nWarning  BackOff    3m (x41 over 12m)  kubelet  Back-off restarting failed container {$svc} in pod {$svc}-7d9f8c6b5-x2lqp_platform\nLast State:     Terminated\n  Reason:       OOMKilled\n  Exit Code:    137\n{code}",
		"{code}\nTraceback (most recent call last):\n  File \"/app/tools/rotate_certs.py\", line 88, in <module>\n    main()\n  File \"/app/tools/rotate_certs.py\", line 71, in main\n    secret = vault.read(f\"secret/data/{$svc}/tls\")[\"data\"]\nTypeError: 'NoneType' object is not subscriptable\n{code}",
	},
}

var payText = projectText{
	services: []string{"payments-api", "ledger-service", "payout-worker", "webhook-dispatcher", "fraud-scorer", "checkout-gateway"},
	repos:    []string{"payments/payments-api", "payments/ledger", "payments/webhooks"},
	stories: []storySeed{
		{"Expose webhook delivery metrics", "SRE", "webhook delivery success and latency as Prometheus metrics", "we can alert on delivery failures before merchants notice",
			[]string{"{{webhook_deliveries_total}} with status and merchant tier labels", "Latency histogram with buckets up to 30 s", "Metrics documented in the service README"}},
		{"Retry failed webhooks with exponential backoff", "merchant integrator", "failed webhooks to be retried with backoff for 24 hours", "a short outage on my side doesn't lose payment events",
			[]string{"Retries at 1m, 5m, 30m, 2h, 6h, 24h", "The dashboard shows deliveries pending retry", "After the last retry the merchant gets an e-mail"}},
		{"Idempotency keys on the refunds API", "merchant integrator", "to send an idempotency key with refund requests", "a retried request never refunds twice",
			[]string{"Same key and body within 24h returns the first response", "Same key with a different body returns 422", "Keys are documented in the API reference"}},
		{"Health endpoint with dependency checks for {$svc}", "on-call engineer", "{$svc} to report the health of its dependencies", "I can tell a database problem from a code problem in one request",
			[]string{"{{/health/deep}} checks database, Kafka and the fraud scorer", "Each check has a 500 ms timeout", "The endpoint is excluded from the public ingress"}},
		{"Graceful shutdown for {$svc}", "SRE", "{$svc} to finish in-flight requests before it stops", "deploys don't fail payments",
			[]string{"SIGTERM stops accepting new requests and drains for up to 25 s", "No 5xx during a rolling deploy under load test", "preStop hook documented in the chart"}},
	},
	tasks: []string{
		"Move {$svc} to the shared Postgres module",
		"Add 3-D Secure error codes to the API reference",
		"Load test {$svc} at 3x Black Friday peak",
		"Split ledger reconciliation job by currency",
	},
	chores: []string{
		"Upgrade {$svc} to Spring Boot {$ver}",
		"Fix flaky ledger reconciliation test",
		"Bump Kafka client in {$svc}",
		"Remove unused feature flag from checkout",
	},
	bugs: []string{
		"Refund webhook sent twice for partial refunds",
		"{$svc} returns 500 on currency without minor units",
		"Payout batch stuck in PROCESSING after Kafka rebalance",
		"3-D Secure challenge times out for some EU cards",
		"{$svc} leaks DB connections on client timeout",
	},
	epics: []epicSeed{
		{"Webhook reliability", "Webhook reliability", "Merchants receive every payment event at least once within 24 hours.",
			[]string{"Delivery success within 24h at 99.99%", "Webhook support tickets down 50%"}, []string{"Retries", "Delivery metrics", "Merchant alerts"}, []string{"A new webhook format"}},
		{"3-D Secure 2 rollout", "3DS2", "All EU card payments use 3-D Secure 2 with frictionless flow where allowed.",
			[]string{"Challenge rate under 15%", "No drop in checkout conversion"}, []string{"Gateway integration", "Error mapping", "Rollout by merchant"}, []string{"Non-EU cards"}},
		{"Ledger double-entry migration", "Ledger v2", "Every money movement is recorded as a balanced double entry.",
			[]string{"Daily reconciliation with zero unexplained differences for 30 days"}, []string{"New ledger schema", "Backfill", "Reconciliation"}, []string{"Reporting UI"}},
	},
	incidents: []string{
		"INC: checkout failures for EU cards on {$svc}",
		"INC: payouts delayed, {$svc} backlog growing",
		"INC: {$svc} latency above 5 s in {$region}",
	},
	goals: []string{
		"Retries live for all merchants, delivery metrics on the SLO board",
		"3DS2 for 50% of EU merchants, no conversion drop",
		"Ledger backfill done, reconciliation green for a week",
	},
	traces: []string{
		"{code:java}\norg.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection; nested exception is org.hibernate.exception.JDBCConnectionException\n\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:275)\n\tat com.larkspur.payments.refund.RefundService.refund(RefundService.java:142)\n\tat com.larkspur.payments.api.RefundController.create(RefundController.java:57)\nCaused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.\n\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)\n\t... 87 common frames omitted\n{code}",
		"{code:java}\njava.lang.ArithmeticException: Non-terminating decimal expansion; no exact representable decimal result.\n\tat java.base/java.math.BigDecimal.divide(BigDecimal.java:1780)\n\tat com.larkspur.payments.money.Amount.split(Amount.java:91)\n\tat com.larkspur.payments.refund.PartialRefundCalculator.compute(PartialRefundCalculator.java:44)\n{code}",
		"{code}\norg.apache.kafka.clients.consumer.CommitFailedException: Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.\n\tat org.apache.kafka.clients.consumer.internals.ConsumerCoordinator.sendOffsetCommitRequest(ConsumerCoordinator.java:1234)\n\tat com.larkspur.payouts.BatchConsumer.commit(BatchConsumer.java:77)\n{code}",
	},
}

var appText = projectText{
	services: []string{"mobile-bff", "push-gateway", "iOS app", "Android app", "feature-flag service"},
	repos:    []string{"mobile/ios", "mobile/android", "mobile/bff"},
	stories: []storySeed{
		{"Show a status banner when payments are degraded", "mobile user", "to see a banner when card payments are degraded", "I know the problem isn't my card and I try again later",
			[]string{"The banner appears within 2 minutes of the status page changing", "It disappears when the incident is resolved", "Tapping it opens the status page"}},
		{"Crash-free sessions SLO for the app", "mobile lead", "a crash-free sessions SLO with alerts", "we catch bad releases before the store reviews do",
			[]string{"Crash-free sessions above 99.5% per release is the SLO", "An alert fires when a release drops below 99% for an hour", "The SLO is on the shared SLO board"}},
		{"Kill switch for the new checkout flow", "release manager", "to turn off the new checkout flow without a release", "a bad rollout can be undone in minutes",
			[]string{"A remote flag disables the flow for all users within 5 minutes", "The old flow keeps working when the flag is off", "Flag changes are logged with who and why"}},
		{"Offline queue for payment confirmations", "mobile user", "my confirmation to be sent when I'm back online", "a tunnel doesn't cost me a failed payment",
			[]string{"Confirmations made offline are queued and retried", "The user sees 'pending' until the server confirms", "Queued items expire after 24 hours with a clear message"}},
	},
	tasks: []string{
		"Move push-gateway alerts to the shared Alertmanager",
		"Add release health to the weekly mobile report",
		"Define the rollout plan for app {$ver}",
	},
	chores: []string{
		"Bump Kotlin to {$ver}",
		"Fix flaky snapshot test on iPad",
		"Update Firebase SDK",
	},
	bugs: []string{
		"Crash on launch on Android 14 after {$ver}",
		"Push notifications arrive twice on iOS",
		"Checkout spinner never stops when the BFF times out",
		"Dark mode colours wrong on the receipt screen",
	},
	epics: []epicSeed{
		{"Offline mode for payments", "Offline mode", "Users can confirm payments without a connection and never lose one.",
			[]string{"Zero lost confirmations in a month of telemetry", "Support tickets about 'lost payments' down 70%"}, []string{"Offline queue", "Pending state UI", "Server idempotency"}, []string{"Offline card onboarding"}},
		{"Push notification preferences", "Push prefs", "Users choose which notifications they get.",
			[]string{"Opt-out rate under 10%", "Notification-related uninstalls down"}, []string{"Preference screen", "push-gateway filtering"}, []string{"E-mail preferences"}},
	},
	goals: []string{
		"Kill switch live, offline queue behind a flag",
		"Release 5.x with crash-free sessions above 99.5%",
	},
	traces: []string{
		"{code}\nFATAL EXCEPTION: main\nProcess: com.larkspur.app, PID: 18342\njava.lang.IllegalStateException: Fragment CheckoutFragment{a1b2c3d} not attached to a context.\n\tat androidx.fragment.app.Fragment.requireContext(Fragment.java:972)\n\tat com.larkspur.app.checkout.CheckoutFragment.onPaymentResult(CheckoutFragment.kt:214)\n\tat com.larkspur.app.checkout.CheckoutViewModel$confirm$1.invokeSuspend(CheckoutViewModel.kt:88)\n{code}",
		"{code}\nFatal error: Unexpectedly found nil while unwrapping an Optional value\n0   LarkspurApp   0x0000000104a1c2f4 PushHandler.didReceive(_:) + 412 (PushHandler.swift:57)\n1   LarkspurApp   0x0000000104a1b8e0 AppDelegate.userNotificationCenter(_:didReceive:withCompletionHandler:) + 168\n2   UserNotifications 0x00000001a2c4d1f0 -[UNUserNotificationCenter _didReceiveNotificationResponse:] + 344\n{code}",
	},
}

// PM-work comments by Me, one list per kind of work.
var (
	tradeoffComments = []string{
		"Moving this above {$samekey}: it hits every deploy, the other one only the nightly batch. P1 because it blocks the {$version} release.",
		"Deprioritising this for now. {$metric} is fine and the {$team} dependency is more important than polishing this.",
		"I'd rank this higher than the dashboard work: customer-facing, and the fix is small. Trade-off: the Grafana migration slips a sprint.",
		"P2, not P1: there's a workaround (restart the {$svc} pod) and it hits under 1% of requests. Revisit if it shows up in {$metric}.",
		"This is more important than the {$svc} upgrade because we get paged for it every week. Swapped their order in the backlog.",
		"Raising priority: two enterprise merchants reported it this week and support is escalating.",
		"Lowering priority, the new alert routing already removes most of the noise this was meant to fix.",
		"Ranked this to the top of the backlog. If we only do one thing next sprint it should be this.",
		"With our capacity it's either this or {$samekey}. I'd pick this one: it unblocks {$n} other tickets.",
		"Parking this below the security items until the audit is done. Not dropping it.",
		"High impact for the effort: ~{$n} points for a {$pct}% drop in pages. Moving it up.",
		"Cost of delay: another sprint of this is roughly {$n} hours of toil for on-call. Prioritising it now.",
		"Ordering for the next two sprints: this, then {$samekey}, then the cleanup. The cleanup can wait, the other two can't.",
	}
	sprintComments = []string{
		"Sprint goal for {$sprint}: {$goal}. This one is in, and it's the riskiest piece so it goes first.",
		"Capacity check for {$sprint}: we're at {$n}0 points with one person out on Thursday and Friday. Pulling this into {$nextsprint} instead.",
		"Carrying this over to {$nextsprint}, it's 80% done and only the rollout is left. First thing in the sprint.",
		"Pulled into {$sprint}. With this and {$samekey} we're at capacity; nothing else goes in without something coming out.",
		"Moving this out of {$sprint}: we over-committed and this one has the fewest dependencies.",
		"For planning: {$n} points, fits in {$sprint} if we drop the runbook cleanup.",
		"Added to {$sprint} as a stretch item. The sprint goal stays: {$goal}.",
		"This has been carried over twice. Splitting it so the first half actually lands in {$sprint}.",
		"Planning note: {$sprint} capacity is lower because of on-call week, so we commit to two items and this is one of them.",
	}
	releaseComments = []string{
		"Targeting {$version}. Cut-off is {$day}, so this has to be merged by then or it rolls to the next release.",
		"Release notes for {$version}: \"{$svc} now retries failed deliveries with backoff; no action needed from integrators.\"",
		"Go/no-go for {$version}: go. Canary has been clean for 24h and the rollback plan is the usual helm rollback.",
		"No-go for {$version} from my side until the migration dry run passes on staging. Moving this to the next fix version.",
		"Moved to {$version}: not needed for the current release and the cut-off was yesterday.",
		"Code freeze for {$version} is {$day} 17:00 CET. Anything not in review by then moves to the next release.",
		"Added to the {$version} release notes under 'Reliability'.",
		"This ships in {$version} behind the flag; we turn it on for 10% of traffic the week after.",
	}
	updateComments = []string{
		"Update: {$n} of {$n2} stories done, the rest are in review. ETA for the rollout is {$day}. Risk: the {$team} API change, tracked in {$otherkey}.",
		"Status: on track. Staging rollout done, production on {$day}. FYI {$lead}",
		"FYI {$lead} {$mate}: this slipped a week because of the Kafka upgrade. New ETA {$date}. Nothing needed from you yet.",
		"Weekly update: alert volume down {$pct}% since the routing change. Next: runbook links in every page. No blockers.",
		"Status: at risk. We're waiting on {$otherkey} from {$team}; if it isn't in by {$day} we ship without the new dashboard.",
		"Update for everyone following this: {$metric} is now on the SLO board. ETA for the remaining services is {$date}.",
		"Summary for {$lead} and {$mate}: done, migration and dashboards. In progress, alert tuning. Next, decommissioning the old cluster. ETA {$date}.",
		"Heads up {$lead}: the maintenance window moves to {$day} 06:00 UTC. Expect ~5 minutes of higher latency on {$svc}.",
		"Update: rollout paused at 50% after a latency bump in {$region}. Looking into it; next update {$day}.",
		"ETA update: {$date}, a week later than planned. Reason: the {$svc} upgrade needed an extra migration step.",
		"Status: done in staging, waiting for the production window on {$day}. FYI {$mate}",
	}
	decisionComments = []string{
		"Decision: we keep the old endpoint until {$version} and remove it after. Agreed with {$lead} in today's sync.",
		"We agreed to go with option B (a feature flag per merchant): one more day of work, but a clean rollback.",
		"Multi-region failover is out of scope for this one. Logged it separately so it isn't lost.",
		"Decision: no new Grafana dashboard for this, the SLO board covers it. Descoped the dashboard task.",
		"After talking it through with {$mate}: going with logical replication, not dump/restore. Less downtime, more setup.",
		"Decision recorded: alerts without a runbook link don't page, they go to the ticket queue.",
		"Descoped the Android part, usage there is under 3%. We agreed to revisit next quarter.",
		"We agreed on a 99.9% SLO for {$svc}, not 99.95%: the extra nine needs a second region we don't have budget for.",
		"Decision: we build this on the shared module instead of a one-off. Slower now, no second migration later.",
	}
	wontDoComments = []string{
		"Closing as Won't Do: the new alert routing makes this redundant. Reopen if the pages come back.",
		"Won't do. We're decommissioning {$svc} next quarter, so investing here doesn't pay off.",
		"Won't Do: out of scope for the platform team. {$team} owns this path now and has {$otherkey} for it.",
		"Closing: agreed with {$mate} that the cost (two sprints) outweighs the benefit (one page a month).",
	}
	duplicateComments = []string{
		"Duplicate of {$dupkey}, closing this one. Moved the repro steps over there.",
		"Same root cause as {$dupkey}. Closing as duplicate, please follow that one.",
		"This is {$dupkey} again. Marking it as a duplicate and linking them.",
	}
	answerComments = []string{
		"{$asker} yes, use the staging Vault path; you don't need prod credentials for this. You're good to go.",
		"{$asker} keep the old metric name as an alias for one release, then drop it. Go ahead.",
		"{$asker} I checked with {$lead}: they're fine with the schema change as long as the field stays nullable. You're unblocked.",
		"{$asker} access is sorted, you're in the {$svc}-admins group now. Tell me if it still answers 403.",
		"{$asker} 2% for 5 minutes, that's what we agreed for the SLO. Ship it with that.",
		"{$asker} don't wait for the design review, reuse the pattern from {$samekey}. We can polish later.",
		"{$asker} fine to skip the canary for this one, it's config only. Approved.",
		"{$asker} I got the answer from {$lead}: their team takes the migration, so you can drop that part.",
		"{$asker} put it in {$sprint}, I've made room. Start whenever you're ready.",
	}
	crossTeamComments = []string{
		"Hi {$lead}, we need this before we can turn on the new alerting for {$svc}. Could your team pick it up in {$sprint}? Our side is {$opskey}.",
		"Hand-off: our part ({$opskey}) is done, the Terraform module and the dashboards are live. Over to {$team} for the client changes.",
		"{$lead} dependency check: we plan the cut-over for {$day}. Does that work with your release, or should we move it?",
		"Coordinating with {$team}: they own the client side, we own the infrastructure. Linked {$opskey} so both boards see it.",
		"Dependency: {$opskey} has to land first. I'll comment here when it's merged so you can start.",
		"Hi {$lead}, could someone on your side review the runbook before we hand this over? Ideally before {$day}.",
		"Synced with {$team} on this: they expose the metric, we build the alert. Owner on their side is {$mate}.",
		"{$lead} we'd like to take this off your plate: our team can do the infrastructure part in {$opskey}. Any objections?",
	}
	epicComments = []string{
		"Goal of this epic: cut pages per on-call week from ~{$n}0 to under 20. Success metric: pages/week on the SLO board, measured over 4 weeks.",
		"Success metrics: p99 under 300 ms for {$svc} and error-budget burn under 50% a month. Anything that doesn't move these isn't part of this epic.",
		"Re-ordered the children: the Terraform work first (it unblocks everything else), dashboards last.",
		"Epic check-in: {$n} of {$n2} children done. What's left is the rollout and the docs. On track for {$date}.",
		"Moved two items out of this epic into the backlog, nice-to-haves that don't help hit the goal.",
		"Added the success metric to the description and split the remaining work into three stories.",
	}
	epicCloseComments = []string{
		"Closing the epic: success metric met ({$metric} down {$pct}% over four weeks). Leftovers moved to the backlog.",
		"Done. Goal reached ahead of {$date}; the follow-ups live in the backlog with the tech-debt label.",
	}
	acceptanceComments = []string{
		"Verified in staging: alerts route to the owning team and the runbook link is there. Meets AC, closing.",
		"Tested on staging with a real webhook replay, all three acceptance criteria pass. Meets AC, moving to Done.",
		"UAT passed with {$lead}'s team this morning. Thanks {$mate}!",
		"Checked against the acceptance criteria: 1 ✓ 2 ✓ 3 ✓. Verified in staging, closing.",
		"Verified on the canary in {$region}: p99 back under 200 ms, meets AC.",
		"Walked through the AC on staging with {$mate}. All good, verified.",
	}
	reopenComments = []string{
		"Reopening: AC 2 says the alert links its runbook, but the link is missing for {$svc}.",
		"Reopening: verified in staging and the retry count is 3, the AC says 6.",
	}
	incidentComments = []string{
		"Status: investigating elevated errors on {$svc} in {$region} since {$hhmm} UTC. Impact: ~{$pct}% of requests failing. Next update at {$time}.",
		"Update: mitigation in progress, rolled back {$svc} to {$ver}. Error rate dropping. Customer impact: {$count} merchants saw failed payments. Next update at {$time}.",
		"Mitigated at {$hhmm} UTC, error rate back to baseline. Keeping the incident open while we monitor; next update at {$time}.",
		"Incident comms: status page updated, support has the customer-facing text. {$lead} FYI, your dashboards will show the dip.",
		"Roles for this incident: I'm coordinating, {$mate} is on mitigation, {$lead} handles merchant comms. Next update at {$time}.",
		"Update: root cause looks like connection pool exhaustion after the {$ver} deploy. Mitigation is holding. Next update at {$time}.",
		"Impact so far: {$count} merchants, ~{$pct}% of checkout attempts in {$region} between {$hhmm} and now. Next update at {$time}.",
	}
	incidentCloseComments = []string{
		"Resolved. Impact window {$n}0 minutes. Postmortem to follow, I'll schedule the review for {$day}.",
		"Resolved at {$hhmm} UTC. Customer impact: {$count} merchants. Postmortem and follow-up items coming in OPS.",
	}
	flagOffComments = []string{
		"(flagoff) Flag removed\n\nUnblocked: {$blockerteam} merged the change in {$blocker}, you can continue.",
		"(flagoff) Flag removed\n\nSorted out with {$lead}, no need to wait any more.",
	}
)

// Engineering comments by Me: hands-on work, not PM evidence.
var engineeringComments = []string{
	"LGTM",
	"LGTM, one nit inline.",
	"Rebased on main, CI is green again.",
	"Fixed in PR #{$pr}.",
	"Deployed to staging.",
	"Deployed to staging, smoke tests pass.",
	"Pushed a fix for the flaky test in PR #{$pr}.",
	"Can't reproduce locally with {$ver}, trying with the prod config next.",
	"Bumped the chart to {$ver}, rolling out now.",
	"Added the missing index, the query went from {$ms} ms to 12 ms.",
	"Re-ran the pipeline, it was the flaky integration test again.",
	"Merged. Watching the dashboards for an hour.",
	"Done on my side, the Terraform plan is clean.",
	"The pod restarts again, OOMKilled at 512Mi. Raising the limit to 1Gi in PR #{$pr}.",
	"Reverted in PR #{$pr}, will redo it after lunch.",
}

// Colleagues' words.
var (
	questionComments = []string{
		"{$me} should we keep the old metric name around or just rename it?",
		"{$me} do I need prod Vault access for this, or is staging enough?",
		"{$me} what threshold do we want for the alert, 1% or 2%?",
		"{$me} is it OK to skip the canary for this one? It's config only.",
		"{$me} stuck on the schema question: is {$team} OK with the field change?",
		"{$me} which sprint should this go in? I can start now if it's in.",
		"{$me} getting 403 on the {$svc} admin API, can you sort out access?",
		"{$me} should I wait for the design review or follow what we did in {$samekey}?",
	}
	// colleagueTriage is what colleagues say before anyone works on an issue.
	colleagueTriage = []string{
		"Will pick this up after {$samekey}.",
		"Reproduced on staging with {$ver}.",
		"Thanks!",
		"Is this still needed after the {$svc} migration?",
		"Seen this again today, same symptoms.",
		"+1, hit this twice this week.",
		"I can take this next sprint if nobody else does.",
	}
	// colleagueWork is what they say while working on it and after.
	colleagueWork = []string{
		"PR is up: https://git.larkspur.example/{$repo}/pull/{$pr}",
		"Working on this today.",
		"Done, merged in #{$pr}.",
		"Turns out it's the retry loop, not the pool size. Fix coming.",
		"Added tests for the edge case.",
		"Moved the config into the shared module.",
		"Addressed the review comments.",
		"Deployed to production, looks good so far.",
		"LGTM",
		"Rolled back {$svc} to {$ver}, error rate is dropping.",
	}
	flagComments = []string{
		"(flag) Flag added\n\nBlocked: waiting for {$blocker} ({$blockerteam}), can't test without the new schema.",
		"(flag) Flag added\n\nBlocked on access to the {$svc} admin API.",
		"(flag) Flag added\n\nNeed a decision on the alert threshold before I can finish this.",
	}
	worklogComments = []string{"", "", "Investigating", "Implementation", "Code review", "Pairing on the failover test", "Terraform changes", "Incident follow-up", "Testing on staging"}
	metrics         = []string{"p99 latency", "the error budget", "pages per week", "checkout success rate", "crash-free sessions", "webhook delivery rate"}
	regions         = []string{"eu-west-1", "us-east-1", "eu-central-1"}
)

// Descriptions.
var (
	bugOneLiners = []string{
		"Seen twice this week, see the alert in #ops-alerts.",
		"Happens after every deploy, goes away on its own after ~10 minutes.",
		"Reported by support, merchant ticket attached.",
		"",
	}
	taskProblems = []string{
		"h3. Problem\n{$summary} has been on the list for months and costs on-call roughly {$n} hours a week.\n\nh3. Proposal\nDo it in two steps: staging first, then production behind a change window.\n\nh3. Done when\n* The old path is removed\n* The runbook is updated\n* On-call has been told in the hand-over",
		"h3. Why\nWe keep hitting this in incidents and nobody owns it. This ticket gives it an owner and an end.\n\nh3. What\n* Inventory what uses it today\n* Agree the target with the owning teams\n* Migrate and remove the old setup",
	}
	colleagueDescriptions = []string{
		"Context: came up in the retro. {$svc} needs this before the next peak.",
		"See the thread in #platform. Short version: the current setup doesn't scale past {$n}x traffic.",
		"h3. What\nMove {$svc} to the new setup.\n\nh3. Why\nThe old one is end of life in June.",
	}
	postmortemTemplate = "h3. Summary\n{$incident}\n\nh3. Impact\n{$count} merchants affected, ~{$pct}% of requests failed for {$n}0 minutes.\n\nh3. Timeline (UTC)\n* {$hhmm} alert fired\n* +10m incident declared, roles assigned\n* +25m mitigation (rollback) started\n* +{$n}0m error rate back to baseline\n\nh3. Root cause\nConnection pool exhaustion in {$svc} after a config change that halved the pool size.\n\nh3. Action items\n* Alert on pool saturation\n* Config changes to pools go through review by the owning team\n* Add the rollback step to the runbook"
	followUps          = []string{
		"Follow-up: alert on {$svc} connection pool saturation",
		"Follow-up: add the rollback step to the {$svc} runbook",
		"Follow-up: require review for pool size changes",
		"Follow-up: synthetic check for {$svc} in {$region}",
	}
)
