package jiratest

import (
	"strings"
	"time"
)

// workNote is what one piece of work, by its summary as the lists write
// it, says beyond its summary: for a task, the problem it solves, how and
// when it is done (its description); for any work, what Me saw when she
// checked it ({$verified}). A description or an acceptance note drawn
// from the initiative's words alone reads wrong on the issue it is quoted
// from: "the rehearsal drained one node per zone" as the check of
// "Agree production upgrade windows with each team", or "One service at a
// time, loki first because it is the noisiest" as the proposal for it.
type workNote struct {
	problem  string   // why the task is needed: a problem, in whole sentences
	proposal string   // how it is to be done
	doneWhen []string // when it is done
	verified string   // what Me saw when she checked it, as a clause
}

// workNotes are the notes of the work of the demo's lists, by summary.
// Every task has a problem, a proposal and a "Done when" list
// (TestDemoEveryTaskHasANote); work without a verified clause is checked
// against its list or its criteria, never with another issue's words.
var workNotes = map[string]workNote{
	// Platform tasks.
	"Decommission the old {$svc} cluster": {
		problem:  "The old {$svc} cluster still runs 1.28 and nothing new has been deployed to it for months, but it still gets node patches, alerts and a share of the on-call's attention.",
		proposal: "Move the last two consumers to the new cluster, keep the old one read-only for two weeks, then delete it with Terraform.",
		doneWhen: []string{"No traffic has reached the old cluster for 14 days", "The cluster and its node pools are deleted in Terraform", "Its alerts and dashboards are removed"},
		verified: "the old {$svc} cluster had no traffic for two weeks and Terraform destroyed it without touching the new one",
	},
	"Move {$svc} secrets to Vault": {
		problem:  "{$svc} still reads its database password and API keys from a Kubernetes secret that was created by hand, and nobody knows when it was last rotated.",
		proposal: "Move the secrets to Vault with a dynamic database role, and have the chart read them through the Vault agent.",
		doneWhen: []string{"{$svc} starts with credentials from Vault only", "The old Kubernetes secret is deleted", "Rotation is documented in the runbook"},
		verified: "{$svc} restarted with credentials from Vault and the old Kubernetes secret is gone",
	},
	"Document the on-call hand-over checklist": {
		problem:  "Every hand-over is done differently: open incidents, silenced alerts and half-finished changes get lost between shifts, and we found out twice from a second page.",
		proposal: "Write a one-page checklist in the runbooks repo and link it from the rotation's calendar event; the outgoing on-call ticks it off in #platform-oncall.",
		doneWhen: []string{"The checklist is in platform/runbooks", "The calendar event links it", "Two hand-overs have used it and the gaps are fixed"},
		verified: "the last two hand-overs in #platform-oncall followed the checklist and listed every open silence",
	},
	"Define error budget policy for tier-1 services": {
		problem:  "We have SLOs but no agreement on what happens when a team uses up its error budget, so every breach turns into the same argument about features versus reliability.",
		proposal: "Draft a one-page policy with the three leads: at 0% budget the team's next sprint goes to reliability work, and a lead can grant one exception per quarter.",
		doneWhen: []string{"The policy is in the engineering handbook", "All three leads have signed it", "The SLO board links it"},
		verified: "the policy is in the handbook with the three leads' sign-off, and the SLO board links it",
	},
	"Audit IAM roles unused for 90 days": {
		problem:  "We have over 300 IAM roles, and the last security review found that about a third have not been used in months; each one is access nobody is watching.",
		proposal: "Export last-used dates from the cloud audit log, ask the owning teams about each unused role, and delete what nobody claims within two weeks.",
		doneWhen: []string{"Every role unused for 90 days is deleted or has an owner", "The export runs monthly", "Hana from security has the list"},
		verified: "the monthly export lists no role unused for 90 days without an owner",
	},
	"Write the Kubernetes 1.30 upgrade plan": {
		problem:  "We have six clusters to move before 1.28 support ends, and last time each engineer upgraded a cluster their own way; two of them dropped requests.",
		proposal: "One written plan for every cluster: staging first, then one production cluster a week, one node per zone at a time, with the rollback step tried on staging.",
		doneWhen: []string{"The plan is reviewed by the team and the leads", "Every cluster has a date", "The rollback step has been tried on staging"},
		verified: "the plan has a date for every cluster and the rollback step worked on staging",
	},
	"Set retention for {$svc} logs to 30 days": {
		problem:  "{$svc} logs are kept forever by default; they are a large share of the logging bill and nobody has read anything older than two weeks.",
		proposal: "Set a 30-day retention on the {$svc} index and move anything older to cold storage for the audit.",
		doneWhen: []string{"Retention is 30 days in Terraform", "Older logs are in cold storage", "The logging bill shows the drop"},
		verified: "the {$svc} index drops entries after 30 days and older ones are in cold storage",
	},
	"Add {$svc} to the service catalogue with owners": {
		problem:  "{$svc} has no owner in the service catalogue, so its alerts page whoever is on call for the platform, and nobody on the rotation can fix it.",
		proposal: "Agree the owning team with the leads, add {$svc} to the catalogue with its team, rotation and runbook, and let alert routing pick up the owner label.",
		doneWhen: []string{"{$svc} is in the catalogue with an owner and a rotation", "Its alerts carry the owner label", "A test alert pages the owner, not the platform queue"},
		verified: "{$svc} is in the catalogue and a test alert paged its owning team, not the platform queue",
	},
	"Write the Postgres failover runbook and walk on-call through it": {
		problem:  "Our failover runbook was last tested two years ago and still describes the manual promotion we replaced with Patroni; half the rotation has never failed over.",
		proposal: "Rewrite the runbook for Patroni and PgBouncer, then walk each on-call engineer through it on staging during their next shift.",
		doneWhen: []string{"The runbook describes the Patroni failover", "Every on-call engineer has run it on staging once", "The drill report links it"},
		verified: "every on-call engineer has run the new runbook on staging, and the last one took 22 minutes from page to all clear",
	},
	"Tag every namespace and bucket with its owning team": {
		problem:  "Almost a third of our cloud spend has no team label, so the cost report can't say who runs what and nobody acts on it.",
		proposal: "Add a required team label in the Terraform modules and the namespace template, and back-fill the existing resources with the owners from the service catalogue.",
		doneWhen: []string{"Untagged spend is under 5%", "New namespaces and buckets can't be created without the label", "The cost report groups by team"},
		verified: "untagged spend on the cost dashboard is under 5%, and a namespace without the team label is rejected",
	},
	"Delete the alerts nobody acted on last quarter": {
		problem:  "A third of last quarter's pages came from alerts that were resolved without any action, and each one trains the rotation to ignore pages.",
		proposal: "List every alert that paged last quarter without a linked action, confirm with its owner, and delete it instead of tuning it.",
		doneWhen: []string{"Every alert on the list is deleted or has a reason to stay", "The owners have confirmed", "The pages-per-week panel shows the drop"},
		verified: "the alerts on the list are gone from the rules repo and none of them paged last week",
	},
	"Move the last unowned alerts off the platform queue": {
		problem:  "About forty alerts still page the platform queue because their services have no owner label, so the platform on-call gets woken up for services they can't fix.",
		proposal: "Find each alert's owning team in the service catalogue, add the label, and delete what nobody owns after a week's notice.",
		doneWhen: []string{"No alert pages the platform queue without a reason", "Every remaining alert has an owner label", "Teams were told a week before the switch"},
		verified: "the platform queue got no page for another team's service all week",
	},
	"Pick the SLIs for each tier-1 service with its owners": {
		problem:  "Each team measures availability its own way, some from inside the service and some from the load balancer, so the numbers can't be compared or trusted.",
		proposal: "Sit down with each tier-1 service's owners and agree one availability and one latency SLI, measured at the edge, written down next to the service's code.",
		doneWhen: []string{"Every tier-1 service has two SLIs agreed with its owners", "The SLIs are defined in code", "The SLO how-to uses them as its examples"},
		verified: "every tier-1 service has its availability and latency SLI in its repo, agreed with its owners",
	},
	"Write the SLO how-to for service owners": {
		problem:  "Service owners ask us the same questions for every new SLO: which window, which SLI, what a burn rate is. The answers live in Slack threads.",
		proposal: "A short how-to in the handbook: pick the SLIs, write the SLO next to the code, read the board, with {$svc} as the worked example.",
		doneWhen: []string{"The how-to is in the handbook", "One team has set up an SLO from it without asking us", "The SLO board links it"},
		verified: "the {$svc} team set up its SLO from the how-to without asking us a single question",
	},
	"List the charts that use APIs removed in 1.30": {
		problem:  "We don't know how many of our charts still use APIs that 1.30 removes; the only way we find out today is a failed deploy after the upgrade.",
		proposal: "Run the removed-API scan over every chart and manifest repo, and open a ticket for each chart with its owner and the replacement API.",
		doneWhen: []string{"Every chart and manifest repo has been scanned", "Each failing chart has a ticket with its owner", "The list is on the upgrade tracker"},
		verified: "the scan covered every chart repo and each failing chart has a ticket with its owner on the upgrade tracker",
	},
	"Agree production upgrade windows with each team": {
		problem:  "The production upgrade drains every node once, and the teams with customer traffic need to know when; a window that clashes with a release or a sale turns a safe upgrade into an incident.",
		proposal: "Propose one window per cluster, outside each team's release days, and get the owning team's OK on it before it goes in the change calendar.",
		doneWhen: []string{"Every production cluster has a window in the change calendar", "Each owning team has agreed to its window", "Support knows the dates"},
		verified: "every production cluster has a window in the change calendar, and each owning team has confirmed theirs",
	},
	"Move {$svc} behind PgBouncer": {
		problem:  "{$svc} connects straight to the Postgres primary, so every failover leaves it with dead connections until someone restarts it by hand.",
		proposal: "Point {$svc} at PgBouncer, which follows the Patroni leader, and check in the next drill that it carries on without a restart.",
		doneWhen: []string{"{$svc} connects through PgBouncer only", "The next drill shows no restart of {$svc}", "The runbook no longer lists the manual restart"},
		verified: "in the staging drill {$svc} carried on through PgBouncer with no restart and under 10 s of failed writes",
	},
	"Agree the first production drill window with Payments": {
		problem:  "The first production failover drill takes writes away for up to 30 seconds, and Payments runs the most write-heavy services on that database.",
		proposal: "Agree a low-traffic window with the Payments lead, with payouts paused and support told, and an agreed abort if the drill goes over a minute.",
		doneWhen: []string{"The window is in the change calendar", "Payments has agreed to it and paused payouts for it", "Support has the customer note"},
		verified: "the window is in the change calendar with Payments' OK, payouts are paused for it, and support has the note",
	},
	"Write the getting-started guide for preview environments": {
		problem:  "The pilot team's questions all turned out to be the same five, and the other teams won't try preview environments if their first one fails.",
		proposal: "A getting-started guide in the handbook: the /preview command, the seed data, the cost, and what to do when an environment doesn't come up.",
		doneWhen: []string{"The guide is in the handbook", "A developer from another team has made an environment from it alone", "The PR template links it"},
		verified: "a developer from another team made their first preview environment from the guide alone, in 8 minutes",
	},
	"Pilot preview environments with the Payments team": {
		problem:  "We built preview environments from what we think developers need; before every team relies on them, one team should use them for real.",
		proposal: "Payments uses them for two weeks on every pull request; we collect what breaks and what they miss, and fix the top three before opening it up.",
		doneWhen: []string{"Payments has used preview environments for two weeks", "Their top three problems are fixed", "Their environment tickets dropped"},
		verified: "Payments used preview environments on every pull request for two weeks and filed no environment ticket",
	},
	// Payments tasks.
	"Move {$svc} to the shared Postgres module": {
		problem:  "{$svc} runs on a database set up by hand three years ago, without point-in-time recovery and with a static password.",
		proposal: "Recreate it with the shared Terraform module, replicate the data across and switch over in a maintenance window.",
		doneWhen: []string{"{$svc} runs on the module's database", "Point-in-time recovery is on", "The static password is revoked"},
		verified: "{$svc} runs on the module's database with point-in-time recovery on and the static password revoked",
	},
	"Add 3-D Secure error codes to the API reference": {
		problem:  "Integrators see the new 3-D Secure error codes in production before they see them in the docs, and support has to explain each one.",
		proposal: "Add every 3DS error code to the API reference with what it means and what to tell the cardholder, and link it from the changelog.",
		doneWhen: []string{"Every 3DS error code is in the API reference", "Each code has the advice for the customer", "The changelog links the page"},
		verified: "each 3DS error code the gateway returns is in the API reference with its advice for the customer",
	},
	"Load test {$svc} at 3x Black Friday peak": {
		problem:  "Last Black Friday {$svc} ran at 80% of its capacity at peak, and this year's forecast is higher; we don't know where it breaks.",
		proposal: "Replay last year's peak traffic at three times the volume on staging, and fix whatever gives out first.",
		doneWhen: []string{"{$svc} holds 3x last year's peak on staging", "p99 latency stays under 500 ms", "The results are in the capacity doc"},
		verified: "{$svc} held three times last year's peak on staging with p99 under 500 ms",
	},
	"Split ledger reconciliation job by currency": {
		problem:  "The reconciliation job runs all currencies in one pass and now takes over four hours, so the morning report is late whenever a large currency has a busy day.",
		proposal: "Run one job per currency in parallel and merge the results into the one report.",
		doneWhen: []string{"Each currency runs as its own job", "The report lands by 08:00 CET", "A failing currency no longer holds up the others"},
		verified: "the per-currency jobs finished in 40 minutes and the report landed before 08:00",
	},
	"Turn off writes to the old ledger": {
		problem:  "Every money movement is still written to both ledgers, which doubles the write load and keeps a second source of truth alive for finance to doubt.",
		proposal: "Once reconciliation has been green for 30 days, stop the writes to the old ledger behind a flag, keep it read-only for a quarter, then archive it.",
		doneWhen: []string{"Reconciliation has been green for 30 days first", "No writes reach the old ledger", "Finance has signed off the switch"},
		verified: "no writes have reached the old ledger for a week, and reconciliation stayed green",
	},
	"Document the ledger's accounts for finance": {
		problem:  "Finance reads the new ledger through account codes that only the engineers who wrote them understand, so every question about a balance comes back to us.",
		proposal: "Document each account in the new ledger: what moves money in and out of it, and where it shows in the month-end report.",
		doneWhen: []string{"Every account in the ledger is documented", "Finance has reviewed the page", "The month-end report links it"},
		verified: "finance went through the page and could explain each account's month-end balance without asking us",
	},
	"Write the support runbook for failed webhook deliveries": {
		problem:  "When a merchant says they didn't get a webhook, support escalates to engineering, because only we can see the delivery attempts.",
		proposal: "A runbook for support: find the event in the delivery log, read what the endpoint answered, resend it or tell the merchant what to fix.",
		doneWhen: []string{"The runbook is in the support handbook", "Support has solved one case with it without us", "Escalations for webhooks are tracked"},
		verified: "support solved a missing-webhook case from the runbook without escalating",
	},
	"Alert on the webhook delivery rate per merchant tier": {
		problem:  "A delivery problem that hits only the enterprise merchants disappears in the overall rate, and we hear about it from their account managers.",
		proposal: "Alert on the delivery rate per merchant tier, with a tighter threshold for enterprise merchants, using the delivery metrics we already export.",
		doneWhen: []string{"Each merchant tier has its own delivery-rate alert", "The alert links the support runbook", "A test failure in one tier fires only that tier's alert"},
		verified: "failing deliveries for one enterprise test merchant fired the enterprise-tier alert and nothing else",
	},
	"Agree the order of merchants for 3-D Secure 2 with sales": {
		problem:  "Turning on 3DS2 changes checkout for a merchant's customers, and sales has promised some merchants a heads-up and others the opposite of a change before their peak.",
		proposal: "Draft the rollout order by volume and issuer mix, then go through it with sales merchant by merchant and move anyone with a sale in their week.",
		doneWhen: []string{"Every EU merchant has a rollout week", "Sales has agreed to the order", "Merchants who asked for notice have had it"},
		verified: "every EU merchant has a rollout week that sales agreed to, and the ones who asked for notice have had it",
	},
	"Switch off 3-D Secure 1 for EU cards": {
		problem:  "Issuers are dropping 3DS1, and every EU payment that still uses it is a payment more likely to fail at the bank's page.",
		proposal: "Once every EU merchant is on 3DS2, switch 3DS1 off for EU cards behind the per-merchant flag, keeping the fallback for cards without 3DS2 support.",
		doneWhen: []string{"No EU card payment uses 3DS1 unless the card lacks 3DS2", "Conversion holds for the week after", "The sandbox matches production"},
		verified: "no EU card payment went through 3DS1 last week except cards without 3DS2 support, and conversion held",
	},
	// Mobile tasks.
	"Move push-gateway alerts to the shared Alertmanager": {
		problem:  "push-gateway's alerts go to a Mobile-only Alertmanager that nobody else watches, so a push outage at night reaches nobody.",
		proposal: "Move the alert rules to the shared Alertmanager with Mobile as the owner, and retire the separate instance.",
		doneWhen: []string{"push-gateway alerts are in the shared Alertmanager", "They page the Mobile rotation", "The old Alertmanager is switched off"},
		verified: "a test alert from push-gateway paged the Mobile rotation through the shared Alertmanager",
	},
	"Add release health to the weekly mobile report": {
		problem:  "We find out that a release is crashing more from the store reviews, days after the crash data could have told us.",
		proposal: "Add crash-free sessions and adoption for the last two releases to the weekly mobile report.",
		doneWhen: []string{"The report shows crash-free sessions per release", "Adoption per release is shown next to it", "The numbers match the crash tool"},
		verified: "this week's report showed crash-free sessions and adoption for the last two releases, matching the crash tool",
	},
	"Define the rollout plan for app {$ver}": {
		problem:  "App {$ver} changes checkout, and the last release that did went to everyone at once and had to be pulled from the store.",
		proposal: "Staged rollout: 5% for two days, then 25%, then everyone, with crash-free sessions above 99.5% as the bar at each step and the kill switch ready.",
		doneWhen: []string{"The stages and their bar are written down", "Support knows the dates", "The kill switch has been tried on the release build"},
		verified: "the stages and the 99.5% bar are in the plan, and the kill switch worked on the release build",
	},
	"Write the support FAQ on pending payments": {
		problem:  "Support will get questions about payments shown as 'pending' as soon as offline mode ships, and today they have no words for it.",
		proposal: "A short FAQ for support: what 'pending' means, when it turns to paid or failed, and why the customer must not pay twice.",
		doneWhen: []string{"The FAQ is in the support handbook", "Priya's team has reviewed it", "The app's help page links it"},
		verified: "Priya's team answered three pending-payment tickets from the FAQ without asking us",
	},
	"Field-test the offline queue on the underground": {
		problem:  "The offline queue passes every test with the network switched off in a simulator, but real phones lose the signal in ways a simulator doesn't.",
		proposal: "Ride two underground lines with iOS and Android test phones, confirm payments between stations and log what the queue does.",
		doneWhen: []string{"Both platforms tested on two lines", "Every confirmation arrived exactly once", "What we found is filed as tickets"},
		verified: "on two underground lines every payment confirmed between stations arrived once, on both iOS and Android",
	},
	"Agree the notification categories with marketing and support": {
		problem:  "The preferences screen needs categories users understand, and marketing and support each want the list cut differently.",
		proposal: "Propose four categories (receipts, security, account, offers), review them with marketing and support in one session, and lock the list before design.",
		doneWhen: []string{"The categories are agreed and written down", "Marketing and support have signed off", "Every notification type maps to one category"},
		verified: "marketing and support signed off the four categories, and every notification type maps to one of them",
	},
	"E-mail users who switched push off about the new settings": {
		problem:  "About a fifth of users switched push off entirely, receipts included, and they won't find the new settings if the app can't notify them.",
		proposal: "One e-mail to users who switched push off, explaining the new categories, with a link that opens the settings screen.",
		doneWhen: []string{"The e-mail is approved by marketing and legal", "It went to users who switched push off", "Opens and re-enables are on the push dashboard"},
		verified: "the e-mail went out to users who had switched push off, and the re-enables show on the push dashboard",
	},

	// Stories: what Me saw when she checked each on staging.
	"Route {$svc} alerts to the owning team":                     {verified: "a test alert for {$svc} paged only the owning team, with the owner label from the catalogue"},
	"Runbook link in every page":                                 {verified: "a test page opened in PagerDuty with the runbook link as the first line"},
	"Self-service preview environments":                          {verified: "a /preview comment made an environment in 7 minutes, and it was gone 48h after the PR closed"},
	"SLO dashboard for {$svc}":                                   {verified: "the {$svc} dashboard shows the 28-day budget, and it matches the raw numbers"},
	"Error-budget burn alerts for {$svc}":                        {verified: "a fast burn on {$svc} paged the owning team and a slow burn opened a ticket"},
	"Latency SLO for {$svc} measured at the edge":                {verified: "the latency SLO for {$svc} counts the requests that queued at the edge"},
	"Monthly automated Postgres failover drill":                  {verified: "the first automated drill ran on its own and posted its measured downtime to #platform"},
	"Connection pooler that follows a failover":                  {verified: "PgBouncer followed the new leader in under 10 s, and no service needed a restart"},
	"Alert with the measured downtime after a failover":          {verified: "the failover alert fired within a minute and named the old and the new primary"},
	"Cloud cost report per team":                                 {verified: "each team's channel got its cost report on the 2nd, with untagged spend listed apart"},
	"One-click deploy freeze":                                    {verified: "with a freeze on, the next pipeline stopped at its deploy step and showed who set the freeze and why"},
	"Ticket before TLS certificates expire":                      {verified: "a test certificate 21 days from expiry opened a ticket for the owning team and paged nobody"},
	"Alert on {$svc} saturation before it pages":                 {verified: "{$svc} at 85% for half an hour sent a warning to the team channel and paged nobody"},
	"Standard Terraform module for service databases":            {verified: "a database made with the module came up with backups, alerts and Vault access and no static password"},
	"Deprecated API check in CI for Kubernetes 1.30":             {verified: "the CI check failed a chart with a removed API and named the replacement"},
	"Node pool upgrades without dropped requests":                {verified: "the rehearsal drained one node per zone and the error rate stayed under 0.1%"},
	"Acknowledge a page from Slack":                              {verified: "acknowledging from Slack stopped the escalation and showed who had it"},
	"Weekly report of alerts nobody acted on":                    {verified: "Monday's report listed each alert that paged without an action, in its owning team's channel"},
	"Error-budget report for the monthly planning":               {verified: "the planning doc got the budget left per service on the first working day, with the low ones highlighted"},
	"Leave planned maintenance out of {$svc} SLOs":               {verified: "a window in the change calendar paused the {$svc} SLO, and the board marks the time left out"},
	"PodDisruptionBudget for {$svc}":                             {verified: "draining a node kept two {$svc} replicas up the whole time"},
	"Upgrade status per cluster on one page":                     {verified: "the page shows each cluster's version and window, and the charts holding it back with their owners"},
	"Roll back a node pool upgrade with one command":             {verified: "one command rolled the node pool back to the old image, one node per zone at a time"},
	"Patroni cluster for the payments database":                  {verified: "killing the primary promoted the synchronous standby in 14 s with no lost write"},
	"Drill report with the downtime each service saw":            {verified: "the drill report lists each service's write downtime, with the ones over 30 s highlighted"},
	"Serve reads for {$svc} from a replica during a failover":    {verified: "during the drill {$svc} kept serving reads, and writes failed fast with a retryable error"},
	"Seed preview environments with masked test data":            {verified: "a fresh environment loaded the masked seed data in under 3 minutes, with no real name in it"},
	"Keep a preview environment longer from the pull request":    {verified: "a '/preview keep 7d' comment moved the deletion date, and the PR shows the new one"},
	"Budget warning for a team's preview environments":           {verified: "at 80% of the test team's budget a warning listed their most expensive environments"},
	"Rehearse the 1.30 upgrade on a copy of production":          {verified: "the rehearsal followed the written plan step by step, and its two surprises are tickets now"},
	"Expose webhook delivery metrics":                            {verified: "the delivery metrics on the webhook dashboard match the dispatcher logs"},
	"Retry failed webhooks with exponential backoff":             {verified: "a replay of failed webhooks retried at 1m, 5m and 30m, then went through"},
	"E-mail merchants when webhook deliveries keep failing":      {verified: "after 10 failed deliveries the test merchant got one e-mail naming the endpoint and the error"},
	"Idempotency keys on the refunds API":                        {verified: "a retried refund with the same key returned the first response and refunded once"},
	"Health endpoint with dependency checks for {$svc}":          {verified: "with the database blocked, /health/deep on {$svc} named it as failing within a second"},
	"Graceful shutdown for {$svc}":                               {verified: "a rolling deploy of {$svc} under load gave no 5xx"},
	"Frictionless 3-D Secure 2 for low-risk EU payments":         {verified: "a €20 payment from a known device went through 3DS2 without a challenge"},
	"Turn on 3-D Secure 2 merchant by merchant":                  {verified: "switching a test merchant back to 3DS1 took 3 minutes and no deploy"},
	"Clear error codes for failed 3-D Secure challenges":         {verified: "a timeout, a declined challenge and an issuer error each returned their own code"},
	"Double entries for every refund and payout":                 {verified: "a partial refund wrote two ledger entries that sum to zero"},
	"Daily ledger reconciliation report":                         {verified: "the report landed by 08:00 and each difference links its ledger entries"},
	"Backfill past payments into the double-entry ledger":        {verified: "the backfilled day reconciled to zero against the bank statement"},
	"Mark a reconciliation difference as explained":              {verified: "an explained difference dropped off the next report and stayed in its history"},
	"Double entries for chargebacks and their reversals":         {verified: "a test chargeback and its reversal left the merchant balance where it started"},
	"Month-end balances straight from the new ledger":            {verified: "last month's balances from the new ledger matched the daily reconciliation totals"},
	"Resend a webhook from the merchant dashboard":               {verified: "a webhook resent from the dashboard arrived with its original event id"},
	"Delivery log for every webhook":                             {verified: "the admin page showed every attempt of a test event with its status code and latency"},
	"Pause webhooks to an endpoint that keeps failing":           {verified: "the failing test endpoint was paused after a day, and resuming it replayed the events in order"},
	"Fall back to 3-D Secure 1 for cards without 3DS2":           {verified: "a test card without 3DS2 support went through the 3DS1 flow and paid"},
	"3-D Secure challenge inside the app":                        {verified: "the challenge opened in the app on iOS and Android, and the basket was still there after approving in the bank's app"},
	"Challenge rate and conversion per merchant":                 {verified: "the funnel shows each merchant's challenge rate and conversion for 7 and 28 days"},
	"Show a status banner when payments are degraded":            {verified: "the banner appeared within 2 minutes of the status page going to degraded"},
	"Crash-free sessions SLO for the app":                        {verified: "a test release below 99% crash-free for an hour fired the alert"},
	"Kill switch for the new checkout flow":                      {verified: "turning the flag off brought the old checkout back within 5 minutes"},
	"Offline queue for payment confirmations":                    {verified: "offline on a real phone in a lift, the confirmation was queued and arrived once the signal came back"},
	"Pending state for payments confirmed offline":               {verified: "a payment confirmed offline showed as pending and turned to paid within a minute of reconnecting"},
	"Charge a payment confirmed offline only once":               {verified: "the app sent the same confirmation twice and the card was charged once"},
	"Choose which push notifications I get":                      {verified: "with offers switched off, the campaign never reached the phone but the receipt did"},
	"Respect notification preferences in push-gateway":           {verified: "push-gateway dropped a category the test user had switched off and counted the drop"},
	"Quiet hours for push notifications":                         {verified: "a receipt sent at 23:00 arrived at 07:00 with the others, and a security alert came straight through"},
	"Expiry message for payments queued offline":                 {verified: "a confirmation left queued for 24 hours showed the expiry message with the merchant and the amount"},
	"Offline queue for payment confirmations on Android":         {verified: "on Android the queue survived the app being killed and sent the confirmation once the network was back"},
	"Telemetry for every confirmation queued offline":            {verified: "queued, sent and confirmed events for one confirmation share an id on the telemetry board"},
	"Sync notification preferences across devices":               {verified: "a preference changed on the phone reached the tablet within a minute"},
	"Tell users of old app versions about notification settings": {verified: "an old app version showed the prompt once and never again after it was dismissed"},
	"Per-category counts on the push dashboard":                  {verified: "the dashboard's per-category counts match push-gateway's logs"},

	// Bugs: how Me saw that one is fixed.
	"Flaky alert: {$svc} disk usage fires at 3am":                        {verified: "the {$svc} disk alert stayed quiet through the 3am log rotation three nights running"},
	"Duplicate pages for one {$svc} outage":                              {verified: "one {$svc} outage gave one page, not one per replica"},
	"{$svc} keeps writing to the old primary after a failover":           {verified: "after the drill {$svc} wrote only to the new primary"},
	"Preview environment for {$svc} is never deleted":                    {verified: "the {$svc} preview environment was gone 48h after its PR closed"},
	"Burn-rate alert for {$svc} fires during every deploy":               {verified: "two deploys of {$svc} went by without a burn-rate page"},
	"Page for {$svc} goes to the platform queue despite its owner label": {verified: "a test page for {$svc} went to its owning team, not the platform queue"},
	"SLO board shows 100% for {$svc} when its metrics are missing":       {verified: "with the {$svc} metrics cut off, the board shows 'no data' instead of 100%"},
	"{$svc} pods stay Pending on the 1.30 staging nodes":                 {verified: "{$svc} pods now schedule on the 1.30 nodes within a minute"},
	"Failover alert reports 0 s of downtime after a real promotion":      {verified: "after the drill's promotion the alert reported 17 s of write downtime, as the drill measured"},
	"Staging drill leaves the old primary accepting writes":              {verified: "after the drill the old primary refused writes and rejoined as a standby"},
	"Preview environment for {$svc} comes up without its database":       {verified: "the {$svc} preview environment came up with its database and seed data"},
	"Cost dashboard shows no cost for preview environments in {$region}": {verified: "preview environments in {$region} show their cost on the dashboard"},
	"Refund webhook sent twice for partial refunds":                      {verified: "a partial refund sent exactly one webhook"},
	"3-D Secure challenge times out for some EU cards":                   {verified: "the issuer's test cards finished the challenge well inside the timeout"},
	"Backfill writes a day's entries twice when it restarts":             {verified: "a backfill killed halfway and restarted wrote the day's entries once"},
	"Reconciliation report misses payouts in NOK":                        {verified: "yesterday's report listed the NOK payouts and reconciled to zero"},
	"Webhook retries ignore the merchant's Retry-After header":           {verified: "a test endpoint answering 503 with Retry-After: 600 got its next attempt ten minutes later"},
	"Webhook delivery metrics count a retry as a new event":              {verified: "a webhook delivered on its third attempt counts as one event with three attempts"},
	"3-D Secure challenge page stays blank on Safari":                    {verified: "the challenge page loaded on Safari on macOS and iOS"},
	"{$svc} sends the wrong currency exponent in 3DS2 requests":          {verified: "a JPY and a KWD payment went through 3DS2 with the right amounts"},
	"Checkout spinner never stops when the BFF times out":                {verified: "with mobile-bff slowed down past its timeout, checkout showed the error and a retry button"},
	"Queued confirmation sent twice after the app restarts":              {verified: "killing the app with a confirmation queued sent it once after the restart"},
	"Pending payment shows as failed after reconnecting":                 {verified: "a pending payment turned to paid, not failed, after reconnecting"},
	"Push notifications arrive twice on iOS":                             {verified: "a test receipt arrived once on iOS 17"},
	"Quiet hours ignore the phone's new time zone after travel":          {verified: "with the phone moved to New York time, quiet hours started at 22:00 local"},
	"Notification settings reset after logging out":                      {verified: "preferences were still there after logging out and in again"},
}

// taskDescription is the description of a task: the problem its work
// solves, the proposal and when it is done, in the words of its own note.
func (ig *issueGen) taskDescription() string {
	n := workNotes[ig.work]
	var b strings.Builder
	b.WriteString("h3. Problem\n" + n.problem)
	if ig.listedFor() != "" && ig.chance(0.6) {
		b.WriteString(" It has been on the list for {$listedfor}.")
	}
	b.WriteString("\n\nh3. Proposal\n" + n.proposal + "\n\nh3. Done when\n")
	for _, d := range n.doneWhen {
		b.WriteString("* " + d + "\n")
	}
	return ig.fresh(func() string { return ig.fill(strings.TrimRight(b.String(), "\n")) }, descriptionTails)
}

// verifiedNote is what Me saw when she checked the issue, from its
// work's note: "" when its work has none, or when another issue already
// says it (a second issue of the same work, in a later phase).
func (ig *issueGen) verifiedNote() string {
	n, ok := workNotes[ig.work]
	if !ok || n.verified == "" {
		return ""
	}
	text := ig.fill(n.verified)
	if ig.notes[text] != nil && ig.notes[text] != ig.is {
		return ""
	}
	return text
}

// gaps are the gaps of the issue's theme that Me may name when she
// reopens it: those about what the issue is about (sharing a word with its
// summary), and that no other issue has named.
func (ig *issueGen) gaps() []string {
	th := ig.theme()
	if th == nil {
		th = &genericTheme
	}
	var out []string
	for _, t := range th.gap {
		if by := ig.notes["gap\x00"+t]; by != nil && by != ig.is {
			continue
		}
		if ig.about(t) {
			out = append(out, t)
		}
	}
	return out
}

// about reports whether a template of the issue's theme is about what
// the issue is about: it shares a word with the issue's summary.
func (ig *issueGen) about(tmpl string) bool {
	summary := ig.contentWords(ig.is.Summary)
	for w := range ig.contentWords(strings.ReplaceAll(tmpl, "{$svc}", ig.svc)) {
		if summary[w] {
			return true
		}
	}
	return false
}

// gap is what Me found missing when she reopened the issue ("" when no
// gap of its theme is about it).
func (ig *issueGen) gap() string {
	gaps := ig.gaps()
	if len(gaps) == 0 {
		return ""
	}
	t := pickOf(ig.generator, gaps)
	ig.notes["gap\x00"+t] = ig.is
	return ig.fill(t)
}

// window is what a maintenance window on the issue is for, from its
// theme: "" under an initiative that holds none (offline payments in the
// app need no maintenance window).
func (ig *issueGen) window() string {
	th := ig.theme()
	if th == nil {
		th = &genericTheme
	}
	if len(th.windows) == 0 {
		return ""
	}
	return ig.fill(pickOf(ig.generator, th.windows))
}

// windowDay is the day a maintenance window for the issue's initiative
// moves to: day, or the last working day before the day its latest epic
// closes when that is sooner, as the window serves the initiative's work ("the
// production failover drill moves to Monday" of the Monday after the epic
// closed on three drills is made up); zero when no working day after
// today is left before it.
func (ig *issueGen) windowDay(day time.Time) time.Time {
	phases := ig.phases()
	if len(phases) == 0 || phases[len(phases)-1].Resolved.IsZero() {
		return day
	}
	epic := phases[len(phases)-1]
	closed, tomorrow := epic.Resolved.UTC().Truncate(24*time.Hour), ig.at.UTC().Truncate(24*time.Hour).AddDate(0, 0, 1)
	for !day.Before(closed) || day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
		if day = day.AddDate(0, 0, -1); day.Before(tomorrow) {
			return time.Time{}
		}
	}
	return day
}

// windowless reports whether the issue's theme holds no maintenance
// window.
func (ig *issueGen) windowless() bool {
	th := ig.theme()
	return th != nil && len(th.windows) == 0
}

// perService reports whether the issue's work is done for one service at
// a time: its note names the service it is done for.
func (ig *issueGen) perService() bool {
	n := workNotes[ig.work]
	return strings.Contains(n.problem+n.proposal+n.verified+strings.Join(n.doneWhen, ""), "{$svc}")
}
