package jiratest

// epicTheme is what Me's words on an initiative talk about: the epic
// itself and every issue that serves it. The comment templates in
// phrases.go leave the subject to slots ({$done}, {$urgent}, {$decision}
// …); slot fills them from the theme of the initiative, or from
// genericTheme for work that serves none, so that a status, a decision or
// a reason to move a priority quoted under an initiative is about that
// initiative and not about another team's project.
//
// Clauses ("urgent", "minor", "risk", "gap") read after
// "because" or a colon and start in lower case; {$Urgent} capitalises one.
// Noun phrases ("done", "doing", "next") read in "done: …, in progress: …".
type epicTheme struct {
	whyNow []string // why the initiative starts now; no two epics share one
	// services are the ones its work names ({$svc}); none means any of
	// the project's.
	services []string
	// internal initiatives serve Larkspur's engineers: Me's words on them
	// name no merchant.
	internal bool
	// watchers are the people outside the team who ask how it is going.
	watchers []string
	// sprintGoals are the project's sprint goals that are about the
	// initiative: Me names a sprint's goal on its work only when it is.
	sprintGoals []string
	metric      []string // what it measures, without an article
	dash        []string // where the numbers are
	done        []string // pieces finished, for status updates
	doing       []string // pieces in progress
	next        []string // pieces coming next
	risk        []string // what could delay it, as a clause
	// slips are why a piece of it was late, as a clause after "because":
	// its own reasons, so that two initiatives' new dates do not give
	// the same excuse.
	slips  []string
	urgent []string // why a piece of it goes up the list now
	// minor is why a fault of it can wait, as a clause about the fault:
	// how rarely it shows, whom it hits, what works around it; said only
	// of a bug. minorWork is why a piece of new work (a story, a task)
	// can wait: what it would add, and what does the job meanwhile.
	minor     []string
	minorWork []string
	gain      []string // what a piece of it buys, as a noun phrase
	gap       []string // what was missing when she reopened one
	relnote   []string // its line in the release notes
	rollout   []string // how a piece of it reaches production
	// decisions are whole comments: the trade-offs made under the
	// initiative, in the words of the people who made them.
	decisions []string
	// windows are what a maintenance window under the initiative is for
	// ({$window}); none when its work needs none.
	windows []string
}

// themeOf is the theme of an epic seed; every seed of the roadmap has one
// (TestDemoEveryEpicHasATheme).
func themeOf(seed *epicSeed) *epicTheme {
	if seed == nil {
		return nil
	}
	return epicThemes[seed.summary]
}

// epicThemes are the themes of the roadmap's initiatives, by epic summary.
var epicThemes = map[string]*epicTheme{
	"On-call health: halve pages per week": {
		watchers:    []string{"{$lead}", "the {$team} team's on-call"},
		internal:    true,
		sprintGoals: []string{"Ship alert routing v2 and cut pager noise by a third", "Runbook links on the top 20 alerts, retire the old cluster"},
		whyNow: []string{
			"Pages per on-call week averaged {$38-44} last quarter, and {~two|three} people asked to leave the rotation at the last retro.",
			"Night pages are the top complaint in the on-call survey{~ for the second quarter running|, ahead of everything else}: {$4-7} of the last 10 needed no action at all.",
		},
		metric: []string{"pages per on-call week", "night pages", "pages that needed no action", "toil hours on the on-call report"},
		dash:   []string{"the on-call Grafana", "the pages-per-week panel"},
		done:   []string{"owner labels on every alert", "routing pages to the owning team", "runbook links on the top 20 alerts", "the hand-over checklist"},
		doing:  []string{"the noisy disk alerts", "back-filling runbook links", "routing the last unowned alerts", "the saturation warnings"},
		next:   []string{"retiring the duplicate alerts", "the certificate expiry tickets", "the pages-per-team dashboard", "moving the last teams off the shared queue"},
		slips: []string{
			"two teams asked for another week before their alerts move to their own rotation",
			"{$person} spent most of the week on the {$svc} incident",
			"the alert rules had to be renamed first, and that touched every dashboard",
			"the rotation lost the week to toil from the {$svc} alerts",
		},
		risk: []string{
			"{$2-6} services still have no owner in the service catalogue, so their alerts land in the platform queue",
			"{$person} is on call that week and can't finish the routing rules",
			"renaming the alert rules could break {$dash}",
			"toil on the on-call report is up again while the routing change waits",
		},
		urgent: []string{
			"it paged {$person} {~three|four} times last night for nothing",
			"it is {$4-9} of last week's {$30-45} pages on its own",
			"every on-call shift loses about half a day to it",
			"it is {$3-6} hours of toil a week on the on-call report",
			"the noisiest alerts wake someone up most nights until this lands",
		},
		minor: []string{
			"it pages during office hours only",
			"it fired {$2-3} times in {$4-8} weeks and each page was real",
			"a silence rule covers it until the routing change lands",
			"it adds one page a month at most",
		},
		minorWork: []string{
			"it costs the rotation under an hour of toil a week",
			"the hand-over checklist covers most of it by hand",
			"it saves the on-call a few minutes a shift at most",
		},
		gain:    []string{"a {$10-40}% drop in pages", "{$3-9} fewer night pages a week", "one less alert nobody acts on"},
		gap:     []string{"the alert for {$svc} still has no runbook link", "the page for {$svc} still goes to the platform queue, not the owning team", "the duplicate pages are back for {$svc}"},
		relnote: []string{"Every page now links its runbook.", "Alerts page the team that owns the service; unowned alerts go to the platform queue."},
		rollout: []string{"we move {~two|three} teams' alerts a week, the noisiest first", "the old routes stay in place for a week as a fallback"},
		decisions: []string{
			"Decision: alerts without a runbook link stop paging on {$nth} and go to the ticket queue instead. Agreed with {$lead} in {$meeting}.",
			"We agreed that an alert nobody acts on {~twice in a row|three times in a month} gets deleted, not tuned. {$person} owns the weekly review.",
			"{~OK, to close the loop|Closing the loop on yesterday's thread}: we're going with per-team alert routes, not one shared queue. {~The page counts point that way.|{$person} and {$outsider} are on board.}",
			"Decision: saturation alerts page at 95%, not 80%; at 80% they open a ticket. We settled on that in {$meeting}.",
		},
	},
	"SLOs for customer-facing services": {
		watchers:    []string{"{$lead}", "{$outsider}"},
		internal:    true,
		services:    []string{"payments-api", "checkout-gateway", "ingress-nginx", "mobile-bff", "payout-worker"},
		sprintGoals: []string{"SLOs for checkout and payments-api, burn-rate alerts live"},
		whyNow: []string{
			"We argue about reliability work from gut feeling: {~the last two|three of the last four} planning meetings ended without agreeing what was urgent.",
			"Only checkout has an SLO today, and {$outsider} asked {~last month|after the {$region} outage} what we promise for the other tier-1 services.",
		},
		metric: []string{"the error budget", "tier-1 services with SLOs in code", "burn-rate alerts per week"},
		dash:   []string{"the SLO board"},
		done:   []string{"SLOs in code for checkout and payments-api", "the burn-rate alert rules", "the error-budget policy draft"},
		doing:  []string{"the latency SLOs at the edge", "the SLO board for the remaining services", "the policy review with the leads"},
		next:   []string{"burn-rate alerts for the last {$2-4} services", "the first monthly budget review", "signing the error-budget policy"},
		slips: []string{
			"the leads wanted one more look at the targets before they go in code",
			"the ingress-nginx logs for the edge latency came a week late",
			"the {$svc} team was busy with a launch and couldn't review their SLIs",
		},
		risk: []string{
			"two leads haven't signed the error-budget policy yet",
			"the edge latency numbers need the ingress-nginx logs, and {$team} hasn't exposed them yet",
			"{$person} is out next week",
		},
		urgent: []string{
			"without it {$svc} has no error budget and the policy can't start",
			"the leads want the budget numbers for the next planning",
			"the policy review with the leads waits on it",
		},
		minor: []string{
			"it only affects the burn-rate panel, not the alerts",
			"it fired late once in {$4-8} weeks with no breach missed",
		},
		minorWork: []string{
			"{$svc} already has its SLO in code and this only tidies it up",
			"the board is readable already and this only changes its layout",
			"the slow-burn ticket covers the same case",
		},
		gain:    []string{"one more tier-1 service with an error budget", "the budget numbers the leads asked for"},
		gap:     []string{"the SLO board shows no data for {$region}", "the slow burn pages instead of opening a ticket", "the budget for {$svc} resets every calendar month, not over 28 days"},
		relnote: []string{"{$svc} has an availability and a latency SLO; burn-rate alerts page the owning team.", "The SLO board shows the error budget left for every tier-1 service."},
		rollout: []string{"the new alerts open tickets for a week before they are allowed to page", "we add the remaining services two at a time"},
		decisions: []string{
			"We agreed on a 99.9% SLO for {$svc}, not 99.95%: the extra nine needs a second region we don't have budget for.",
			"Decision: when a service has used its error budget, its team spends the next sprint on reliability work. Agreed with {$lead} in {$meeting}.",
			"We settled on a 28-day window for every SLO{~, not a calendar month|; the same window everywhere keeps the board comparable}.",
			"Decision: latency is measured at the edge, not inside the service. {~Slower to build, but it counts the queueing customers feel.|The numbers get worse, and they get honest.}",
		},
	},
	"Kubernetes 1.30 upgrade": {
		watchers:    []string{"the {$team} team", "Hana from security"},
		internal:    true,
		services:    []string{"ingress-nginx", "argo-cd", "prometheus", "loki", "cert-manager", "buildkite-agents", "grafana"},
		sprintGoals: []string{"Finish the 1.30 upgrade on staging, start production"},
		whyNow: []string{
			"Kubernetes 1.28 leaves support on {$endofsupport}, and after that our node images get no security patches.",
			"{$3-8} of our charts still use APIs that 1.30 removes{~, and we found out from a failed staging deploy|; {$team} found one the hard way on staging}.",
		},
		metric: []string{"clusters on 1.30", "customer-facing downtime during the upgrade", "charts on removed APIs"},
		dash:   []string{"the upgrade tracker", "the cluster dashboard"},
		done:   []string{"the staging upgrade", "the deprecated API check in CI", "PodDisruptionBudgets for the tier-1 services"},
		doing:  []string{"the production rehearsal", "the last charts on removed APIs", "the node pool drain settings"},
		next:   []string{"the first production cluster", "decommissioning the old cluster", "the {$region} cluster"},
		slips: []string{
			"{$2-4} charts still failed the removed-API check",
			"the production window clashed with {$team}'s release and had to move",
			"the staging cluster needed new node images first",
		},
		risk: []string{
			"{$2-5} charts still fail the deprecated API check",
			"{$svc} has no PodDisruptionBudget in {$region} yet",
			"the production window clashes with {$team}'s release",
		},
		urgent: []string{
			"it blocks the production upgrade, and 1.28 support ends this quarter",
			"{$svc} drops requests during a node drain until this is in",
			"the production date waits on it",
		},
		minor: []string{
			"it only shows up on the staging cluster so far",
			"it only affects the batch node pool, which we can drain at night",
		},
		minorWork: []string{
			"the upgrade plan already has every cluster's date",
			"only {$2-3} clusters are left to upgrade",
			"the checks in CI cover most of it until the last cluster is done",
		},
		gain:    []string{"one blocker less for the production date", "an upgrade without dropped requests"},
		gap:     []string{"the drain took two nodes per zone at once", "the CI check still passes a chart that uses a removed API", "{$svc} returned 5xx while its node drained"},
		windows: []string{"the {$region} cluster upgrade", "the node pool upgrade"},
		relnote: []string{"Clusters run Kubernetes 1.30; charts that use removed APIs no longer deploy.", "CI fails a chart that uses an API Kubernetes 1.30 removes, and names the replacement."},
		rollout: []string{"staging first, then one production cluster a week", "the {$region} cluster goes last, after {$team}'s release"},
		decisions: []string{
			"Decision: we upgrade production one cluster a week, not all in one weekend. Slower, but a surprise only ever hits one cluster.",
			"We agreed to decommission the old cluster instead of upgrading it. Agreed with {$lead} in {$meeting}.",
			"Decision: every tier-1 service gets a PodDisruptionBudget before its cluster is upgraded; no exception for the date.",
			"{~OK, to close the loop|Closing the loop on yesterday's thread}: we're going with in-place node pool upgrades, not new clusters. {~Half the work, and the rehearsal showed it is safe.|{$person} and {$outsider} are on board.}",
		},
	},
	"Zero-downtime Postgres failover": {
		watchers:    []string{"the {$team} team", "{$lead}"},
		internal:    true,
		services:    []string{"payments-api", "ledger-service", "payout-worker", "grafana", "argo-cd"},
		sprintGoals: []string{"Failover drill green twice in a row"},
		whyNow: []string{
			"The last primary failure cost us about {$3-6} minutes of write downtime and a manual restart of {$2-5} services.",
			"We have never failed over outside an incident{~, so nobody on the rotation knows how long it really takes|; the runbook was last tested {~a year|two years} ago}.",
		},
		metric: []string{"write downtime per failover", "drills under 30 s in a row", "on-call engineers who have run the drill"},
		dash:   []string{"the failover drill dashboard", "the Patroni dashboard"},
		done:   []string{"the Patroni cluster on staging", "the first drill", "PgBouncer in front of the primary"},
		doing:  []string{"the pooler config for {$svc}", "the failover alert", "automating the monthly drill"},
		next:   []string{"the first production drill", "the runbook walk-through with on-call", "moving {$svc} behind the pooler"},
		slips: []string{
			"the production drill window had to move for a Payments release",
			"{$svc} still connected straight to the primary and had to move behind the pooler first",
			"the pooler needed another round of load tests",
		},
		risk: []string{
			"{$svc} still connects straight to the primary",
			"the last drill measured {$35-60} s, over the 30 s target",
			"the production drill needs a window from {$team}",
		},
		urgent: []string{
			"the last drill measured {$2-5} minutes of write downtime, far over the 30 s target",
			"without it every failover needs a restart of {$svc}",
			"the next drill is on {$nth} and this has to be in by then",
		},
		minor: []string{
			"it only affects staging and the drill still passes",
			"it only affects the read replicas, where the drill still passes",
			"it only affects the read replicas, which no tier-1 service reads from yet",
		},
		minorWork: []string{
			"the drill result is in #platform already; this only adds a chart",
			"it only adds a chart to {$dash}",
			"the runbook covers it by hand for the few failovers we have",
		},
		gain:    []string{"failover under 30 s", "no restart after a failover"},
		gap:     []string{"{$svc} needed a restart after the drill", "the failover alert doesn't give the measured downtime", "the drill report shows the database's downtime, not what {$svc} saw"},
		windows: []string{"the production failover drill", "moving {$svc} behind the pooler"},
		relnote: []string{"Postgres failover takes under 30 s and services reconnect on their own.", "A monthly failover drill runs on staging and posts the measured downtime to #platform."},
		rollout: []string{"the first production drill runs on {$nth}", "services move behind the pooler {~two|three} at a time"},
		decisions: []string{
			"Decision: the drill runs against staging every month and production every quarter. Agreed with {$lead} in {$meeting}.",
			"We're going with PgBouncer in front of Patroni, not client-side failover: one change in the platform instead of one in every service.",
			"Decision: a drill over 30 s opens a Highest ticket and no production drill runs until it is fixed.",
			"After talking it through with {$mate}: we're going with synchronous replication for the payments database, not for every database. {~Slower writes there, no lost ones.|Everything else stays asynchronous.}",
		},
	},
	"Developer self-service environments": {
		watchers:    []string{"the {$team} team", "{$lead}"},
		internal:    true,
		services:    []string{"payments-api", "checkout-gateway", "mobile-bff", "fraud-scorer"},
		sprintGoals: []string{"Preview environments for two pilot teams, no new toil"},
		whyNow: []string{
			"Environment requests are {$30-45} platform tickets a month, and each one waits {$2-5} days.",
			"{~Two|Three} teams wrote their own preview scripts last quarter{~, and one of them left a cluster running for a month|; none of them clean up after themselves}.",
		},
		metric: []string{"median time to a preview environment", "platform tickets for environments", "cost per environment"},
		dash:   []string{"the cost dashboard", "the preview environments board"},
		done:   []string{"the /preview command", "the standard database module", "clean-up 48h after a PR closes"},
		doing:  []string{"the pilot with the {$team} team", "cost per environment on the cost dashboard", "Vault roles for the database module"},
		next:   []string{"the cost report per team", "opening it to every team", "docs for the database module"},
		slips: []string{
			"the pilot team asked for the database module first",
			"a preview environment still took {$15-25} minutes to come up, and that had to be fixed first",
			"the team labels the cost report needs weren't there yet",
		},
		risk: []string{
			"a preview environment for {$svc} takes {$15-25} minutes, over the 10-minute target",
			"the cost report needs team labels {$team} hasn't added yet",
			"{$person} is out next week",
		},
		urgent: []string{
			"the {$team} pilot is waiting on it",
			"environment tickets stay at {$20-35} a month until this lands",
			"forgotten preview clusters cost us about {$400-900} euros a week without it",
		},
		minor: []string{
			"one pilot team uses it and they have a workaround",
			"it only affects previews older than a week, which a re-create fixes",
			"the manual clean-up script works around it",
		},
		minorWork: []string{
			"it saves a minute on a ten-minute create",
			"the manual clean-up script still covers it",
			"only one pilot team has asked for it so far",
		},
		gain:    []string{"{$5-12} fewer environment tickets a month", "preview environments in under 10 minutes"},
		gap:     []string{"the environment was still running three days after its PR closed", "the environment's cost doesn't show on the cost dashboard", "the database module still hands out a static password"},
		relnote: []string{"Comment /preview on a pull request to get a preview environment.", "The standard database module gives a service backups, alerts and Vault access."},
		rollout: []string{"the {$team} team pilots it for two weeks, then everyone gets it", "we open it to one team a week"},
		decisions: []string{
			"Decision: preview environments are deleted 48h after the PR closes, no exceptions. {~Agreed with {$lead} in {$meeting}.|Cheaper than chasing owners.}",
			"We're going with one namespace per environment, not one cluster: {~ready in minutes instead of half an hour|a tenth of the cost}.",
			"Decision: the {$team} team pilots first because they file the most environment tickets. Everyone else gets it two weeks later.",
			"We settled on 10 minutes as the target for a preview environment; slower than that and people go back to filing tickets.",
		},
	},
	"Webhook reliability": {
		watchers:    []string{"Priya from support", "Marta (customer success)", "Oskar from sales"},
		services:    []string{"webhook-dispatcher", "payments-api"},
		sprintGoals: []string{"Retries live for all merchants, delivery metrics on the webhook dashboard"},
		whyNow: []string{
			"Webhook tickets reached {$38-47} a month, and {$customer} told their account manager they lost refund events twice last quarter.",
			"{$customer} and {~two|three} other merchants check their payments by hand every morning, because a webhook that fails once is never sent again.",
		},
		metric: []string{"webhook delivery rate", "delivery success within 24h", "webhook support tickets"},
		dash:   []string{"the webhook delivery dashboard"},
		done:   []string{"webhook delivery metrics", "retries with backoff", "the fix for duplicate refund webhooks"},
		doing:  []string{"the failure e-mail to merchants", "the retry dashboard", "the 24h retry window"},
		next:   []string{"the support runbook for failed deliveries", "alerts on the delivery rate", "a delivery dashboard for support"},
		slips: []string{
			"support wanted to reword the failure e-mail",
			"{$customer}'s endpoint filled the retry queue and that came first",
			"the retry window needed a second review from security",
		},
		risk: []string{
			"{$customer}'s endpoint answers 503 for hours and fills the retry queue",
			"the failure e-mail still needs its wording from support",
			"{$person} is out next week",
		},
		urgent: []string{
			"{~two|three} enterprise merchants reported missing webhooks this week and support is asking us daily",
			"{$customer} checks every payment by hand until this ships",
			"every week we wait, {$20-90} merchants lose webhooks to a short outage on their side",
		},
		minor: []string{
			"only {$customer} has seen it, {$2-3} times in {$4-8} weeks",
			"it only happens on retries and the webhook still arrives",
			"support can resend the webhook from the admin page",
		},
		minorWork: []string{
			"the delivery log already answers most of what merchants ask",
			"only {$2-3} merchants have asked for it so far",
			"the failure e-mail already tells merchants the same",
		},
		gain:    []string{"{$3-9} fewer webhook tickets a week", "{$customer}'s biggest complaint"},
		gap:     []string{"it gave up after {$2-4} retries instead of retrying for 24 hours", "the failure e-mail went out twice in one day", "a partial refund still sends its webhook twice"},
		relnote: []string{"Failed webhooks are retried with backoff for 24 hours; nothing to change for integrators.", "Merchants get an e-mail when webhooks to their endpoint keep failing."},
		rollout: []string{"we turn retries on for {~10|25}% of merchants the week after", "retries go to {$customer} first, then to everyone"},
		decisions: []string{
			"Decision: we retry webhooks for 24 hours, not 72; after a day the merchant gets an e-mail and the event waits on the dashboard. Agreed with {$lead} in {$meeting}.",
			"We agreed to go with option B (a retry queue per merchant tier): {~one more day of work|a bit more setup}, but one slow endpoint can't hold up everyone's webhooks.",
			"Decision: at most one failure e-mail per endpoint per day. {~Support prefers that to a flood.|Agreed with {$outsider}.}",
			"Decision: no new webhook format in this epic; retries send the format merchants already parse.",
		},
	},
	"3-D Secure 2 rollout": {
		watchers:    []string{"Oskar from sales", "Priya from support", "Daniel in finance"},
		services:    []string{"checkout-gateway", "payments-api", "fraud-scorer"},
		sprintGoals: []string{"3DS2 for 50% of EU merchants, no conversion drop"},
		whyNow: []string{
			"3-D Secure 1 stops working for EU cards at the end of {~June|the quarter}, and issuers already fail more 3DS1 challenges every month.",
			"A challenge rate of {$22-30}% costs us checkouts: {$customer} loses about one payment in {~five|six} at the bank's page.",
		},
		metric: []string{"the challenge rate", "checkout conversion", "failed 3DS challenges"},
		dash:   []string{"the checkout funnel"},
		done:   []string{"the 3DS2 gateway integration", "the per-merchant 3DS2 flag", "the 3DS error codes in the API reference"},
		doing:  []string{"3DS2 for the next {$5-15} merchants", "exemptions for payments under €30", "the challenge timeout fix"},
		next:   []string{"3DS2 for the remaining EU merchants", "switching off 3DS1", "the conversion report per merchant"},
		slips: []string{
			"the gateway's sandbox was down for two days",
			"{$customer} asked us to wait until their sale was over",
			"one issuer's timeouts needed a fix on our side first",
		},
		risk: []string{
			"one issuer still times out on {$3-9}% of challenges",
			"{$customer} wants to stay on 3DS1 until their sale is over",
			"the gateway's sandbox is down until {$day}",
		},
		urgent: []string{
			"{~two|three} merchants saw the challenge timeout this week and support is escalating",
			"the 3DS1 deadline doesn't move",
			"{$customer} loses about {$3-8}% of checkouts at the challenge until this ships",
		},
		minor: []string{
			"only one small issuer is affected and the customer can retry",
			"it only changes the error text, not the payment",
			"it hit under 1% of challenges last week",
		},
		minorWork: []string{
			"by our own numbers it would win back under 1% of checkouts",
			"the acquirer's monthly report already gives us most of it",
			"no merchant has asked for it since {$since}",
		},
		gain:    []string{"a {$3-8} point drop in the challenge rate", "{$customer}'s biggest complaint"},
		gap:     []string{"a timeout and a declined challenge return the same error code", "switching a merchant back to 3DS1 needed a deploy", "the exemption isn't requested for a €20 payment"},
		relnote: []string{"EU card payments use 3-D Secure 2; most low-risk payments skip the challenge.", "A failed 3-D Secure challenge returns a distinct error code for each cause."},
		rollout: []string{"we turn 3DS2 on for {~10|25|5}% of merchants the week after", "{$customer} goes first, then the rest of the EU merchants"},
		decisions: []string{
			"Decision: we roll 3DS2 out merchant by merchant behind a flag, not all at once. Slower, but a bad issuer only ever hits one merchant.",
			"We agreed to ask for the low-value exemption on payments under €30 only; above that the issuer decides. Agreed with {$lead} in {$meeting}.",
			"After talking it through with {$mate}: we're going with one generic 3DS code for unknown issuer responses, not a guess at the nearest one. They are logged for review.",
			"Decision: a merchant's conversion is compared for the week before and after 3DS2, and a drop of more than a point switches them back.",
		},
	},
	"Ledger double-entry migration": {
		watchers:    []string{"Daniel in finance", "{$lead}"},
		services:    []string{"ledger-service", "payout-worker", "payments-api"},
		sprintGoals: []string{"Ledger backfill done, reconciliation green for a week"},
		whyNow: []string{
			"Finance makes {$60-90} manual adjustments every month-end, and closing the month takes six days.",
			"The auditors asked {~last quarter|in the last review} how we prove that a refund and its payout balance, and today we can't without a spreadsheet.",
		},
		metric: []string{"unexplained reconciliation differences", "days to close the month", "manual ledger adjustments"},
		dash:   []string{"the reconciliation report"},
		done:   []string{"the new ledger schema", "double entries for refunds", "the daily reconciliation report"},
		doing:  []string{"the backfill of last year", "double entries for payouts", "splitting reconciliation by currency"},
		next:   []string{"the backfill of the last {$3-9} months", "turning off writes to the old ledger", "the month-end dry run with finance"},
		slips: []string{
			"the backfill needed a second pass for {~SEK|NOK|DKK} payouts",
			"finance moved the month-end dry run by a week",
			"{$2-5} backfilled days came out unbalanced and had to be run again",
		},
		risk: []string{
			"the backfill takes {$40-90} minutes a day of history, so the last year needs {$2-4} weeks",
			"{$2-5} backfilled days still don't reconcile to zero",
			"finance needs the month-end dry run before {$date}",
		},
		urgent: []string{
			"finance can't close the month without it",
			"every day it waits adds a day to the backfill",
			"the reconciliation report has shown the same {$3-9} differences all week",
		},
		minor: []string{
			"it only affects one currency with {$2-9} payments a day",
			"finance can work around it with a filter on the report",
		},
		minorWork: []string{
			"it only changes the report's layout, not the entries",
			"the nightly reconciliation already does the same check",
			"finance has not asked for it since the migration started",
		},
		gain:    []string{"a month-end close in {$2-3} days instead of 6", "{$20-60} fewer manual adjustments a month"},
		gap:     []string{"one refund wrote ledger entries that don't sum to zero", "running the day again added its entries twice", "the reconciliation report misses the payouts in {~SEK|NOK|DKK}"},
		windows: []string{"the ledger schema migration"},
		relnote: []string{"Every refund and payout is recorded as a balanced double entry in the ledger.", "The daily reconciliation report lands in #payments-eng by 08:00 CET."},
		rollout: []string{"the old ledger keeps writing in parallel for a month", "we backfill one month of history a week"},
		decisions: []string{
			"After talking it through with {$mate}: we're going with logical replication for the ledger backfill, not dump/restore. Less downtime, more setup.",
			"Decision: the old ledger keeps writing in parallel until reconciliation has been green for 30 days. Agreed with {$lead} in {$meeting}.",
			"We settled on backfilling one day at a time, each reconciled before the next. {~Slower, but a bad day never hides inside a month.|Finance signed off on that.}",
			"Decision: no reporting UI in this epic; finance reads the reconciliation report. Descoped the UI task.",
		},
	},
	"Offline mode for payments": {
		watchers:    []string{"Priya from support", "Marta (customer success)"},
		services:    []string{"mobile-bff"},
		sprintGoals: []string{"Kill switch live, offline queue behind a flag"},
		whyNow: []string{
			"'Lost payment' tickets reached {$50-70} a month, and nearly all of them are confirmations made in a tunnel or a lift.",
			"Telemetry shows {$2-5}% of payment confirmations start without a connection, and today every one of them fails.",
		},
		metric: []string{"lost confirmations", "'lost payment' tickets", "confirmations queued offline"},
		dash:   []string{"the offline telemetry board"},
		done:   []string{"the offline queue", "the pending state", "idempotency keys in mobile-bff"},
		doing:  []string{"the 24-hour expiry message", "the Android side of the offline queue", "the duplicate-confirmation check"},
		next:   []string{"offline mode for all users", "telemetry for queued confirmations", "the support FAQ on pending payments"},
		slips: []string{
			"store review took longer than planned",
			"the idempotency change in mobile-bff had to go out first",
			"iOS kept stopping the queue in the background and that needed a workaround",
		},
		risk: []string{
			"iOS stops the offline queue when the app stays in the background too long",
			"mobile-bff needs the idempotency change before we can turn it on",
			"store review takes longer before the holidays",
		},
		urgent: []string{
			"support gets a 'lost payment' ticket most days",
			"people pay twice when they think the first attempt failed",
			"the release cut-off is {$day} and the rest of the offline work waits on this",
		},
		minor: []string{
			"it only happens on iOS {~16|17} and the payment still arrives",
			"the spinner times out on its own after a minute",
			"it only affects the {$2-4}% of confirmations that start offline",
		},
		minorWork: []string{
			"only {$2-4}% of confirmations start offline at all",
			"the offline queue already covers the common case",
			"nobody is waiting on it before the next app release",
		},
		gain:    []string{"{$10-25} fewer 'lost payment' tickets a month", "no double charges on a flaky connection"},
		gap:     []string{"the payment shows as failed, not pending, after reconnecting", "the expiry message never appears after 24 hours", "a queued confirmation is sent twice after the app restarts"},
		relnote: []string{"Payments confirmed without a connection are sent when you're back online.", "A payment confirmed offline shows as pending until it goes through."},
		rollout: []string{"we turn offline mode on for {~10|25|5}% of users the week after", "Android gets it first, iOS a week later"},
		decisions: []string{
			"Decision: a confirmation queued offline expires after 24 hours with a clear message, never silently. Agreed with {$lead} in {$meeting}.",
			"We agreed to go with option B (idempotency keys made on the device): {~one more day of work|a bit more setup}, but a retry can never charge twice.",
			"Decision: offline mode covers confirming payments only; offline card onboarding is a separate epic.",
			"Descoped the tablet layout for the pending state, usage there is under {$2-4}%. We agreed to revisit next quarter.",
		},
	},
	"Push notification preferences": {
		watchers: []string{"Priya from support", "Marta (customer success)"},
		services: []string{"push-gateway", "mobile-bff"},
		whyNow: []string{
			"{$17-24}% of users have switched push off entirely, receipts and security alerts included, because today it's all or nothing.",
			"Uninstalls that mention notifications reached {$300-420} a month{~, most of them after a marketing campaign| after the last two campaigns}.",
		},
		metric: []string{"the push opt-out rate", "uninstalls that mention notifications", "dropped notifications per category"},
		dash:   []string{"the push dashboard"},
		done:   []string{"the notification settings screen", "filtering in push-gateway", "quiet hours"},
		doing:  []string{"per-category counts on the push dashboard", "syncing preferences across devices", "the fix for duplicate notifications on iOS"},
		next:   []string{"preferences for all users", "a prompt for old app versions", "the e-mail to users who switched push off"},
		slips: []string{
			"marketing moved their campaign and we moved with it",
			"the iOS double-notification fix had to go out first",
			"old app versions needed a prompt before the settings screen could ship",
		},
		risk: []string{
			"old app versions can't show the settings screen",
			"the duplicate notifications on iOS could hide the effect",
			"marketing wants a campaign the same week",
		},
		urgent: []string{
			"users who switched push off miss their payment receipts",
			"marketing's next campaign starts on {$nth} and it needs the preferences live",
			"iOS users get every notification twice until this ships",
		},
		minor: []string{
			"only old app versions show it",
			"it affects {$2-4}% of devices and the notification still arrives",
			"it only affects Android 12 and the notification still arrives",
		},
		minorWork: []string{
			"quiet hours already cover most of the complaints",
			"the settings page already lets people turn the noisy ones off",
			"under {$2-4}% of users open the notification settings at all",
		},
		gain:    []string{"a {$5-15} point drop in push opt-outs", "fewer uninstalls after a campaign"},
		gap:     []string{"marketing notifications still arrive with the switch off", "the preference didn't reach the second device", "a security alert was held back during quiet hours"},
		relnote: []string{"Choose which notifications you get in Settings; receipts and security alerts stay on by default.", "Quiet hours: no notifications at night except security alerts."},
		rollout: []string{"we turn the preferences on for {~10|25|5}% of users the week after", "Android gets it first, iOS a week later"},
		decisions: []string{
			"Decision: receipts and security alerts are on by default, and security alerts can't be switched off. Agreed with {$lead} in {$meeting}.",
			"We settled on 22:00–07:00 as the default quiet hours, in the phone's time zone. {~Users can change them.|{$outsider} is fine with it.}",
			"Decision: old app versions keep getting every category; forcing an update for notification settings isn't worth the store reviews.",
			"Descoped e-mail preferences, they belong with the CRM work. We agreed to revisit next quarter.",
		},
	},
}

// genericTheme is the subject of work that serves no initiative on the
// roadmap: words about no initiative in particular.
var genericTheme = epicTheme{
	slips: []string{
		"the {$svc} incident on {$since} took most of the team's week",
		"half the team was on holiday",
		"we had a week of heavy on-call",
		"the {$svc} upgrade needed a maintenance window first",
	},
	dash:  []string{"the SLO board", "the on-call Grafana", "the delivery dashboard"},
	done:  []string{"migration and dashboards", "the alert rules and the runbook", "the {$svc} part"},
	doing: []string{"alert tuning", "the {$region} rollout", "the {$svc} migration"},
	next:  []string{"the clean-up", "the runbook update", "the docs"},
	risk: []string{
		"we're waiting on the {$theirteam} API change in {$otherkey}",
		"{$person} is out next week",
		"the {$svc} upgrade might need a maintenance window",
	},
	urgent: []string{
		"it hits every release",
		"it bites on-call every week",
		"support gets a ticket about it most days",
		"{$customer} has asked about it {$2-4} times this month",
		"it costs whoever is on call half a day of toil per shift",
		"{~two|three} {~enterprise merchants|customers, {$customer} among them,} reported it {~this week|since {$since}} and support is {~escalating|asking us daily}",
		"without it we can't switch off the old {$svc}",
	},
	minor: []string{
		"there's a workaround (restart the {$svc} pod) and it hits under 1% of requests",
		"it only happens on retries, {$2-3} times in {$4-8} weeks",
		"only {$customer} has seen it and they have a workaround",
		"nobody has hit it since {$since}",
	},
	minorWork: []string{
		"nobody has asked for it since {$since}",
		"it saves a few minutes a week at most",
		"it is clean-up that nothing waits on",
	},
	gain:     []string{"a {$10-40}% drop in pages", "{$customer}'s biggest complaint", "{$3-9} fewer tickets a week"},
	watchers: []string{"{$outsider}"},
	gap:      []string{"the fix doesn't survive a restart of {$svc}", "the dashboard shows no data for {$region}", "the old behaviour doesn't come back when the flag is off"},
	windows:  []string{"the {$svc} upgrade", "the {$svc} migration"},
	relnote:  []string{"{$summary}."},
	rollout:  []string{"it goes out behind the flag, and we turn it on for {~10|25|5}% of {~traffic|merchants} the week after{? and for everyone on {$nth} if the numbers hold}"},
}
