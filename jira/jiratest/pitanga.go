package jiratest

import (
	"strconv"
	"time"
)

// Credentials PitangaSite's server takes (NewServer with
// WithCredentials(PitangaEmail, PitangaAPIToken)).
const (
	PitangaEmail    = "ana.ribeiro@pitanga.example"
	PitangaAPIToken = "ATATT-pitanga-not-a-real-token-0000"
)

// PitangaSite is the Jira Cloud site of Pitanga, a ~60-person grocery
// delivery startup in São Paulo, as Ana Ribeiro, an Android and iOS engineer
// on the Mobile squad (MOB), sees it early in December 2026. The squad has
// no product manager, so Ana is its unofficial one: she writes the stories
// the others build, grooms and ranks the backlog, plans sprints with the
// engineering manager, leads one epic ("Checkout that doesn't crash") whose
// result she posts months later in a plain comment, tells support and
// marketing what is coming in plain words, makes scope calls without ever
// writing "decision", unblocks teammates, and runs a production crash on a
// Bug. The Platform team (PLAT) builds the APIs the app calls; Customer
// Support (CS) and Marketing (MKT) are where she talks to the rest of the
// company. She writes in an English with some Portuguese in it, dates as
// dd/mm. Most of her year is her own tickets and code review. Its server
// takes PitangaEmail and PitangaAPIToken.
func PitangaSite() *Site {
	now := time.Date(2026, 12, 3, 18, 0, 0, 0, time.UTC)
	s := &Site{Deployment: DeploymentCloud, Title: "Pitanga Jira", Now: now,
		lastIssueID: 52000, lastCommentID: 120000, lastHistoryID: 300000, lastWorklogID: 9000, lastLinkID: 4100,
		FieldIDs: FieldIDs{Sprint: "customfield_10020", StoryPoints: "customfield_10028", Rank: "customfield_10019", Flagged: "customfield_10021"}}
	b := newSiteBuilder(s, "pitanga.example", "America/Sao_Paulo", statusToDo, 700)

	ana := b.user("712020aa0b1c2d3e4f500001", "aribeiro", "aribeiro", "Ana Ribeiro")
	ana.Email = PitangaEmail
	s.Me = ana
	rafael := b.user("712020aa0b1c2d3e4f500002", "rsouza", "rsouza", "Rafael Souza")          // engineering manager, mobile
	lucas := b.user("712020aa0b1c2d3e4f500003", "loliveira", "loliveira", "Lucas Oliveira")   // iOS
	juliana := b.user("712020aa0b1c2d3e4f500004", "jcosta", "jcosta", "Juliana Costa")        // Android
	thiago := b.user("712020aa0b1c2d3e4f500005", "tmendes", "tmendes", "Thiago Mendes")       // mobile, joined in July
	camila := b.user("712020aa0b1c2d3e4f500006", "cferreira", "cferreira", "Camila Ferreira") // QA
	bruno := b.user("712020aa0b1c2d3e4f500007", "balmeida", "balmeida", "Bruno Almeida")      // Platform lead
	fernanda := b.user("712020aa0b1c2d3e4f500008", "flima", "flima", "Fernanda Lima")         // Platform engineer
	mariana := b.user("712020aa0b1c2d3e4f500009", "mrocha", "mrocha", "Mariana Rocha")        // support lead
	pedro := b.user("712020aa0b1c2d3e4f500010", "psantos", "psantos", "Pedro Santos")         // marketing
	s.Bot = &User{AccountID: "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077", AccountType: "app", Name: "automation", Key: "automation", DisplayName: "Automation for Jira", TimeZone: "UTC", Active: true}
	s.Users = append(s.Users, s.Bot)

	mob := &Project{ID: "10200", Key: "MOB", Name: "Mobile App", Lead: rafael, BoardID: 12, lastNumber: 880}
	plat := &Project{ID: "10201", Key: "PLAT", Name: "Platform", Lead: bruno, BoardID: 13, lastNumber: 1530}
	cs := &Project{ID: "10202", Key: "CS", Name: "Customer Support", Lead: mariana, BoardID: 14, lastNumber: 410}
	mkt := &Project{ID: "10203", Key: "MKT", Name: "Marketing", Lead: pedro, BoardID: 15, lastNumber: 95}
	s.Projects = []*Project{mob, plat, cs, mkt}
	for _, p := range s.Projects {
		b.addSprints(p, utc2025(12, 1, 12, 0), 30)
	}
	for i, v := range []struct {
		name string
		at   time.Time
	}{{"5.0", utc2026(3, 10, 0, 0)}, {"5.1", utc2026(5, 19, 0, 0)}, {"5.2", utc2026(7, 28, 0, 0)}, {"5.3", utc2026(9, 22, 0, 0)}, {"5.4", utc2026(11, 17, 0, 0)}, {"5.5", utc2026(12, 15, 0, 0)}} {
		mob.Versions = append(mob.Versions, &Version{ID: strconv.Itoa(13000 + i), Name: v.name, ReleaseDate: v.at, Released: v.at.Before(now)})
	}
	ver := func(name string) *Version {
		for _, v := range mob.Versions {
			if v.Name == name {
				return v
			}
		}
		panic(name)
	}
	estimate := func(is *Issue, who *User, at time.Time, v float64) {
		ftoa := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
		from := ""
		if is.StoryPoints != nil {
			from = ftoa(*is.StoryPoints)
		}
		b.history(is, who, at, HistoryItem{Field: "Story Points", FieldType: "custom", FieldID: s.FieldIDs.StoryPoints, From: from, FromString: from, To: ftoa(v), ToString: ftoa(v)})
		is.StoryPoints = &v
	}

	// The epic Ana leads: checkout crashes.
	epic := b.issue(mob, typeEpic, "Checkout that doesn't crash",
		"Our crash-free sessions on checkout are at 97.9% (Crashlytics, last 30 days) and the Play Store rating dropped to 3.9, most 1-star reviews in May are about the app closing when paying. "+
			"Goal for this: get checkout crash-free sessions above 99.5% by the end of Q3 and get the rating back over 4.3.\n\n"+
			"What's in: the cart state restore after the app is killed, moving payment to the new SDK, fixing the top 5 crashes in the Crashlytics list, and a kill switch for Pix in case the provider misbehaves. "+
			"What's not: redesign of the checkout screens (that's with design for next year).", ana, ana, utc2026(6, 2, 13, 10))
	b.comment(epic, rafael, utc2026(6, 2, 15, 0), "Love it. Vai fundo, I'll protect the capacity for it in the next 3 sprints.")
	b.status(epic, ana, utc2026(6, 8, 12, 0), statusInProgress, nil)
	kids := []epicChild{
		{typeStory, "Restore cart after the app is killed in background",
			"Today if Android kills the app while the user is in the payment screen (very common on cheap phones), they come back to an empty cart and many just leave.\n\nWhat we want: when they open again, the cart is there with the same items and delivery slot. If the slot expired, show the slot picker with a message instead of crashing.\n\nDone when:\n- kill the app from dev options on payment screen, reopen, cart is intact\n- expired slot shows the picker, no crash\n- works on iOS too (less common there but happens)",
			juliana, utc2026(6, 10, 12, 0), 9, "PR: pitanga/app-android#2210"},
		{typeStory, "Move card payments to PagTech SDK v4",
			"SDK v3 is responsible for 3 of our top 5 crashes (NPE inside their 3DS webview). v4 fixes it and v3 is deprecated in October anyway.\n\nDone when both apps use v4, the old SDK is removed, and the 3DS flow was tested with the test cards from PagTech on a real device.",
			lucas, utc2026(6, 15, 12, 0), 10, "PR: pitanga/app-ios#1877"},
		{typeTask, "Fix top crashes from Crashlytics (June list)", "", ana, utc2026(6, 22, 12, 0), 8, "fixed 4 of 5, the 5th one is the SDK one, goes with the v4 work"},
		{typeStory, "Remote kill switch for Pix payment option",
			"If the Pix provider goes down we have no way to hide Pix without a release. Add a remote config flag that hides the Pix option and shows a small message on the payment screen.",
			thiago, utc2026(7, 20, 12, 0), 5, "PR: pitanga/app-shared#340"},
		{typeTask, "Crash-free dashboard per screen in Crashlytics", "", ana, utc2026(7, 6, 12, 0), 2, "dashboard shared in #mobile"},
	}
	var kidIssues []*Issue
	for i, k := range kids {
		is := b.issue(mob, k.typ, k.summary, k.desc, ana, nil, utc2026(6, 3, 14, i*7))
		b.parent(is, epic, ana, utc2026(6, 3, 14, i*7+1))
		b.sprint(is, ana, k.start.Add(-3*24*time.Hour), b.sprintAt(mob, k.start))
		if k.who != ana {
			estimate(is, ana, k.start.Add(-3*24*time.Hour+time.Minute), []float64{8, 8, 5, 3, 2}[i])
			b.workThroughReview(is, k.who, k.start, k.days, k.note, ana, "looks good, tested the happy path on my Moto G")
		} else {
			b.workThroughReview(is, ana, k.start, k.days, k.note, lucas, "LGTM")
		}
		kidIssues = append(kidIssues, is)
	}
	b.fixVersion(kidIssues[0], ana, utc2026(6, 9, 13, 0), ver("5.2"))
	b.fixVersion(kidIssues[1], ana, utc2026(6, 9, 13, 1), ver("5.2"))
	// The SDK move slipped: she moves it to the next release and tells Rafael why.
	b.comment(kidIssues[1], lucas, utc2026(6, 24, 18, 0), "PagTech test cards for 3DS are not working in sandbox, opened a ticket with them")
	b.comment(kidIssues[1], ana, utc2026(6, 25, 11, 30), "ok so this one doesn't make 5.2, the store submission is on 21/07 and we won't have tested 3DS by then. moving to 5.3. the cart restore still goes in 5.2 so we get some of the crashes down anyway. @Rafael Souza fyi")
	b.fixVersion(kidIssues[1], ana, utc2026(6, 25, 11, 31), ver("5.3"))
	// Dark mode out of the v4 payment screen.
	dm := b.issue(mob, typeStory, "Dark mode for the new payment screen", "Design has the dark variants ready in Figma.", lucas, nil, utc2026(6, 16, 10, 0))
	b.parent(dm, epic, lucas, utc2026(6, 16, 10, 1))
	b.comment(dm, lucas, utc2026(8, 4, 14, 0), "if we do dark mode now it's +1 week for the SDK screen, the webview for 3DS doesn't follow the system theme")
	b.comment(dm, ana, utc2026(8, 4, 16, 20), "ok let's ship without dark mode, we revisit after launch. the crashes are what's hurting us, nobody wrote a review about dark mode")
	b.status(dm, ana, utc2026(8, 4, 16, 21), statusDone, resolutionWontDo)
	// Progress notes on the epic, in plain words.
	b.comment(epic, ana, utc2026(7, 14, 20, 10), "where we are: cart restore is done and going out in 5.2 next week. SDK v4 is waiting for PagTech to fix their sandbox, I moved it to 5.3. crash-free on checkout went from 97.9 to 98.4 just with the June crash fixes")
	b.comment(epic, ana, utc2026(9, 1, 19, 0), "5.3 has the SDK v4 and the Pix kill switch, it goes to store review 15/09. after that the only thing left is watching the numbers for a few weeks")
	b.comment(epic, ana, utc2026(10, 27, 18, 40), "checkout crash-free sessions at 99.6% in the last 30 days (was 97.9% when we started in June). Play Store rating is back to 4.4, App Store 4.6. 1-star reviews mentioning crash went from ~40/week to 6. obrigada todo mundo 🙏")
	b.status(epic, ana, utc2026(10, 27, 18, 42), statusDone, resolutionDone)

	// Cross-team: the cart restore needs the cart to live on the server.
	cartAPI := b.issue(plat, typeStory, "Cart snapshot endpoint for mobile", "Mobile needs GET/PUT /v2/cart/snapshot so the app can restore the cart after being killed.", ana, fernanda, utc2026(6, 4, 15, 0))
	b.link(kidIssues[0], linkBlocks, cartAPI, ana, utc2026(6, 4, 15, 5))
	// She meant "is blocked by": fixed a minute later, as people do.
	kidIssues[0].Links, cartAPI.Links = nil, nil
	b.addLink(cartAPI, linkBlocks, kidIssues[0])
	b.history(kidIssues[0], ana, utc2026(6, 4, 15, 6), HistoryItem{Field: "Link", FieldType: "jira", FieldID: "issuelinks", To: cartAPI.Key, ToString: "This issue is blocked by " + cartAPI.Key})
	b.comment(cartAPI, ana, utc2026(6, 4, 15, 10), "Oi Bruno, Fernanda - to make 5.2 (store submission 21/07) we'd need this on staging by 03/07. The shape we need is in the description of "+kidIssues[0].Key+". If that's too tight tell me and we ship restore from local storage only first")
	b.comment(cartAPI, bruno, utc2026(6, 5, 10, 0), "03/07 works, Fernanda takes it next sprint")
	b.status(cartAPI, fernanda, utc2026(6, 22, 12, 0), statusInProgress, nil)
	b.comment(cartAPI, fernanda, utc2026(7, 1, 17, 0), "on staging")
	b.status(cartAPI, fernanda, utc2026(7, 2, 12, 0), statusDone, resolutionDone)

	// Production crash on 5.2.0, filed by support as a Bug.
	inc := b.issue(mob, typeBug, "App closes when opening order history (Android, 5.2.0)", "Lots of tickets since this morning, customers say the app closes when they tap Meus pedidos. Samsung and Motorola mostly.", mariana, nil, utc2026(7, 30, 12, 40))
	inc.Priority = priorityHighest
	b.assign(inc, ana, ana, utc2026(7, 30, 12, 55))
	b.status(inc, ana, utc2026(7, 30, 12, 56), statusInProgress, nil)
	b.comment(inc, ana, utc2026(7, 30, 13, 20), "I'm on it. it's the new order history paging, crashes when a past order has an item that was removed from the catalog. ~18% of Android sessions that open order history. I paused the staged rollout of 5.2.0 on Play Console (it was at 20%), iOS is fine")
	b.comment(inc, ana, utc2026(7, 30, 13, 35), "@Mariana Rocha for support: the crash only happens in Meus pedidos, ordering still works. you can tell people to avoid that screen until the fix, we're aiming to have 5.2.1 out today before 20h. I'll write here again at 17h")
	b.comment(inc, mariana, utc2026(7, 30, 13, 50), "obrigada, passing to the team")
	b.comment(inc, ana, utc2026(7, 30, 20, 5), "5.2.1 approved in Play Console and rolling out at 100%, crash rate on order history back to normal in the first hour. ~3,100 users hit it. tomorrow I'll write what happened and open the follow-ups")
	b.status(inc, ana, utc2026(7, 30, 20, 10), statusDone, resolutionDone)
	wu := b.issue(mob, typeTask, "What happened with the order history crash (30/07)",
		"Summary: 5.2.0 crashed on Android for users whose past orders had an item removed from the catalog. Staged rollout paused at 20%, 5.2.1 out the same day, ~7h of impact, ~3,100 users.\n\n"+
			"Why: the API returns null for the product of a removed item and the new paging code assumed it's always there. QA's test account had no removed items.\n\n"+
			"What we'll do: handle null product in order history (done in 5.2.1), ask Platform to send a tombstone instead of null, add a test account with old orders, stop at 5% for the first 24h of a rollout instead of 20%.", ana, ana, utc2026(7, 31, 14, 0))
	b.link(wu, linkRelates, inc, ana, utc2026(7, 31, 14, 1))
	b.status(wu, ana, utc2026(8, 3, 12, 0), statusDone, resolutionDone)
	tomb := b.issue(plat, typeTask, "Return a tombstone product for removed catalog items in order history", "From the mobile crash on 30/07: GET /orders returns product: null for items removed from the catalog. Send {id, name, removed: true} instead so old apps don't break.", ana, nil, utc2026(7, 31, 14, 20))
	b.link(tomb, linkRelates, inc, ana, utc2026(7, 31, 14, 21))
	b.comment(tomb, bruno, utc2026(8, 20, 11, 0), "in the backlog, not this quarter probably")
	qaAcc := b.issue(mob, typeTask, "QA test account with old orders and removed items", "From the 30/07 crash.", ana, camila, utc2026(7, 31, 14, 30))
	b.link(qaAcc, linkRelates, inc, ana, utc2026(7, 31, 14, 31))
	b.status(qaAcc, camila, utc2026(8, 10, 12, 0), statusDone, resolutionDone)

	// Heads-ups to support and marketing.
	csPix := b.issue(cs, typeTask, "Macro for Pix payment problems", "", mariana, mariana, utc2026(9, 10, 13, 0))
	b.comment(csPix, ana, utc2026(9, 18, 14, 0), "quick heads-up for support: from 5.3 (in the stores around 22/09) if Pix is having problems we can hide it from the app without a release. people will see 'Pix indisponível no momento, use cartão'. so if you get tickets saying Pix disappeared, that's on purpose and card still works")
	b.comment(csPix, mariana, utc2026(9, 18, 15, 0), "perfect, adding it to the macro")
	mktCampaign := b.issue(mkt, typeTask, "Black Friday push + in-app banner", "Push notification and home banner for BF.", pedro, pedro, utc2026(10, 15, 13, 0))
	b.comment(mktCampaign, ana, utc2026(10, 21, 17, 0), "Pedro, the in-app banner needs 5.4, which goes to the stores on 17/11. people on older versions won't see it (around 30% usually update in the first week). the push works for everyone. if the banner is important for BF we should launch the campaign on the 24th, not the 20th")
	b.comment(mktCampaign, pedro, utc2026(10, 21, 18, 0), "ok, 24th then. thanks for the warning")
	b.comment(mktCampaign, ana, utc2026(11, 26, 13, 0), "banner is showing on 5.4, 61% of active users already on it")

	// Unblocking teammates.
	tf := b.issue(mob, typeStory, "Apple Pay on checkout", "Add Apple Pay as payment option on iOS.", ana, thiago, utc2026(8, 18, 12, 0))
	tf.Sprints = []*Sprint{b.sprintAt(mob, utc2026(8, 25, 12, 0))}
	b.status(tf, thiago, utc2026(8, 25, 12, 0), statusInProgress, nil)
	b.flag(tf, thiago, utc2026(8, 26, 13, 0), true)
	b.comment(tf, thiago, utc2026(8, 26, 13, 1), "can't install the build, I'm not in the TestFlight internal group and I don't have the merchant id certificate")
	b.comment(tf, ana, utc2026(8, 26, 15, 40), "gave you access to TestFlight, should work now. the merchant cert is in 1Password in the Mobile vault, Rafael added you there")
	b.flag(tf, ana, utc2026(8, 26, 15, 41), false)
	b.comment(tf, thiago, utc2026(8, 26, 16, 0), "funcionou, valeu!")
	b.status(tf, thiago, utc2026(9, 4, 12, 0), statusDone, resolutionDone)
	ans := b.issue(mob, typeStory, "Show substitution suggestions when item is out of stock", "", ana, juliana, utc2026(9, 8, 12, 0))
	ans.Sprints = []*Sprint{b.sprintAt(mob, utc2026(9, 22, 12, 0))}
	b.status(ans, juliana, utc2026(9, 22, 12, 0), statusInProgress, nil)
	b.comment(ans, juliana, utc2026(9, 23, 14, 0), "@Ana Ribeiro if the user already chose 'don't substitute' in a past order, do we still show suggestions?")
	b.comment(ans, ana, utc2026(9, 23, 16, 0), "no, respect what they chose last time and don't show. they can still change it in settings")
	b.status(ans, juliana, utc2026(10, 2, 12, 0), statusDone, resolutionDone)

	// Acceptance: she checks others' work before it goes to the store.
	for i, a := range []struct {
		sm   string
		who  *User
		note string
	}{
		{"Reorder from a past order", juliana, "tested on the Moto G and iPhone SE, reorder with 12 items and with an item out of stock, all good. closing"},
		{"Delivery slot picker shows next 7 days", lucas, "checked on staging, only shows 3 days when the store has few slots, that's what we wanted. closing"},
		{"Coupon field on cart", thiago, "moving back, the coupon disappears if you change delivery slot after applying it. steps in the video"},
	} {
		is := b.issue(mob, typeStory, a.sm, "", ana, a.who, utc2026(9, 1+i*20, 12, 0))
		is.Sprints = []*Sprint{b.sprintAt(mob, utc2026(9, 7+i*20, 12, 0))}
		b.status(is, a.who, utc2026(9, 7+i*20, 12, 0), statusInProgress, nil)
		b.status(is, a.who, utc2026(9, 12+i*20, 12, 0), statusInReview, nil)
		b.comment(is, ana, utc2026(9, 14+i*20, 15, 0), a.note)
		if i < 2 {
			b.status(is, ana, utc2026(9, 14+i*20, 15, 1), statusDone, resolutionDone)
		} else {
			b.status(is, ana, utc2026(9, 14+i*20, 15, 1), statusInProgress, nil)
			b.status(is, a.who, utc2026(10, 9, 12, 0), statusDone, resolutionDone)
		}
	}

	// Grooming and ranking the squad's backlog.
	grooms := []struct {
		sm, desc string
		pts      float64
	}{
		{"Push notification when the order leaves the store", "Customers ask support 'where is my order' a lot.", 5},
		{"Saved addresses: set a default", "", 3},
		{"Onboarding carousel new copy", "Marketing sent the new texts.", 2},
		{"Rate the delivery after the order arrives", "", 5},
		{"Split bill for office orders", "Some companies order for the office and people want to pay their part.", 13},
	}
	var groomed []*Issue
	for i, g := range grooms {
		rep := []*User{rafael, pedro, pedro, rafael, mariana}[i]
		is := b.issue(mob, typeStory, g.sm, g.desc, rep, nil, utc2026(8, 3+i, 12, 0))
		estimate(is, ana, utc2026(8, 12, 14, i), g.pts)
		groomed = append(groomed, is)
	}
	split := b.issue(mob, typeStory, "Split bill: pay your part with Pix",
		"Part of the split bill idea, the smallest piece that tells us if people want it.\n\nThe person who orders can share a link; each colleague opens it and pays their part with Pix. No card, no uneven splits, max 10 people.\n\nWe'll know it works if at least 5% of office orders (orders to addresses marked as work) use it in the first month.",
		ana, nil, utc2026(8, 12, 14, 10))
	b.comment(groomed[4], ana, utc2026(8, 12, 14, 12), "this is too big for one story, I split it: first only 'pay your part with Pix' in "+split.Key+", the rest later if people use it")
	b.link(split, linkRelates, groomed[4], ana, utc2026(8, 12, 14, 13))
	estimate(split, ana, utc2026(8, 12, 14, 14), 5)
	b.priority(groomed[0], ana, utc2026(8, 12, 14, 20), priorityHigh)
	b.rank(groomed[0], ana, utc2026(8, 12, 14, 21), true)
	b.comment(groomed[0], ana, utc2026(8, 12, 14, 22), "putting this above the onboarding copy. 'where is my order' is 22% of support tickets, the carousel can wait a sprint")
	b.rank(groomed[2], ana, utc2026(8, 12, 14, 23), false)
	b.priority(groomed[3], ana, utc2026(8, 12, 14, 24), priorityLow)
	b.history(groomed[1], ana, utc2026(8, 12, 14, 30), HistoryItem{Field: "labels", FieldType: "jira", FieldID: "labels", ToString: "quick-win"})
	groomed[1].Labels = []string{"quick-win"}
	// A duplicate closed.
	dup := b.issue(mob, typeStory, "Notify customer when driver is on the way", "", camila, nil, utc2026(8, 20, 12, 0))
	b.link(dup, linkDuplicate, groomed[0], ana, utc2026(8, 21, 13, 0))
	b.status(dup, ana, utc2026(8, 21, 13, 1), statusDone, resolutionDuplicate)

	// Sprint planning with Rafael.
	plan := b.sprintAt(mob, utc2026(10, 13, 12, 0))
	b.comment(groomed[0], ana, utc2026(10, 9, 19, 0), "Rafael and I went through capacity for the next sprint: Lucas is on vacation the second week, so we take the push notification and the default address and leave rating for later. 5.4 cut is 10/11")
	b.sprint(groomed[0], ana, utc2026(10, 9, 19, 1), plan)
	b.assign(groomed[0], ana, juliana, utc2026(10, 9, 19, 2))
	b.sprint(groomed[1], ana, utc2026(10, 9, 19, 3), plan)
	b.assign(groomed[1], ana, thiago, utc2026(10, 9, 19, 4))
	b.fixVersion(groomed[0], ana, utc2026(10, 9, 19, 5), ver("5.4"))
	b.fixVersion(groomed[1], ana, utc2026(10, 9, 19, 6), ver("5.4"))
	for _, is := range groomed[:2] {
		b.workThroughReview(is, is.Assignee, utc2026(10, 13, 12, 0), 9, "PR up", ana, "Approved")
	}

	// A story she wrote for the next release, being built now.
	wid := b.issue(mob, typeStory, "Order tracking widget on the home screen",
		"People open the app 4-5 times while waiting for the order only to see where it is. A home screen widget (Android) and a Live Activity (iOS) with the order status and ETA would save them that.\n\n"+
			"Scope for 5.5: status + ETA only, no map. Tapping opens the order screen.\n"+
			"Not now: the driver on a map, multiple orders at once.\n\nThe status comes from the same endpoint as the order screen, nothing new needed from Platform.",
		ana, lucas, utc2026(11, 3, 13, 0))
	estimate(wid, ana, utc2026(11, 3, 13, 5), 8)
	b.fixVersion(wid, ana, utc2026(11, 3, 13, 6), ver("5.5"))
	b.sprint(wid, ana, utc2026(11, 20, 12, 0), b.sprintAt(mob, now))
	b.status(wid, lucas, utc2026(11, 24, 12, 0), statusInProgress, nil)

	// Her own tickets (not PM work).
	own := []struct{ sm, pr, note string }{
		{"Migrate order screen to Jetpack Compose", "PR: pitanga/app-android#2101", "still on this, the Compose migration is bigger than I thought"},
		{"Update Kotlin to 2.0", "PR up: pitanga/app-android#2130", ""},
		{"Flaky UI test on login screen", "fixed in #2144, the test didn't wait for the keyboard", ""},
		{"Crash on Android 9 when opening camera for receipt", "fixed in #2160", "deployed in 5.1.1"},
		{"Remove unused Firebase Dynamic Links", "PR up", ""},
		{"Swift concurrency warnings in cart module", "PR: pitanga/app-ios#1790", ""},
		{"Image cache eating storage on low-end phones", "PR: pitanga/app-android#2188, cache capped at 80MB", "released in 5.2, storage complaints gone from reviews"},
		{"Gradle build takes 9 min on CI", "down to 5 min with the config cache, PR #2230", ""},
		{"Accessibility labels on product cards", "PR up: pitanga/app-ios#1850", ""},
		{"Bump minSdk to 26", "PR: pitanga/app-android#2255", "merged, in 5.3"},
		{"Deep link to a category opens home instead", "fixed in #2270", ""},
		{"Fastlane lanes for internal builds", "PR up: pitanga/app-ios#1901", "internal builds now go out on every merge to main"},
		{"Wrong currency format in Spanish locale", "fixed in #2301", ""},
		{"Refactor network layer retries", "PR: pitanga/app-shared#360", ""},
		{"ANR on startup when remote config is slow", "fixed, remote config fetch moved off main thread, #2322", "deployed in 5.4"},
		{"Update Play Billing library", "PR up", ""},
	}
	start := utc2025(12, 15, 12, 0)
	for i, o := range own {
		typ := typeTask
		if i == 2 || i == 3 || i == 6 || i == 10 || i == 12 || i == 14 {
			typ = typeBug
		}
		rep := ana
		if i%3 == 1 {
			rep = rafael
		}
		at := start.Add(time.Duration(i) * 21 * 24 * time.Hour)
		is := b.issue(mob, typ, o.sm, "", rep, ana, at.Add(-24*time.Hour))
		is.Sprints = []*Sprint{b.sprintAt(mob, at)}
		reviewer := []*User{lucas, juliana, thiago}[i%3]
		b.workThroughReview(is, ana, at, 4, o.pr, reviewer, []string{"LGTM", "lgtm, só um nit", "Approved", "can you add a screenshot for the dark theme?"}[i%4])
		if o.note != "" {
			b.comment(is, ana, at.Add(4*24*time.Hour-2*time.Hour), o.note)
		}
		if i%4 == 0 {
			b.worklog(is, ana, at.Add(24*time.Hour), 5*3600, "")
		}
	}
	// Code review and chatter on teammates' tickets.
	revs := []struct {
		sm   string
		who  *User
		body string
	}{
		{"Product search with typo tolerance", lucas, "nit: can we move this string to the resources? otherwise ok"},
		{"Android: edge-to-edge on product page", juliana, "why a new ViewModel here? the existing one already has the state"},
		{"iOS: migrate settings to SwiftUI", lucas, "Approved 👍"},
		{"Favourite products list", thiago, "does anyone know why the CI simulator is so slow today?"},
		{"Loyalty points on profile", juliana, "lgtm, did you check with the big font size?"},
		{"Promo tags on product cards", thiago, "can you rebase? conflict in the strings file"},
		{"Store hours on store page", lucas, "is this still happening on main?"},
		{"Android: predictive back gesture", juliana, "LGTM"},
	}
	for i, r := range revs {
		at := utc2026(1, 12, 12, 0).Add(time.Duration(i) * 33 * 24 * time.Hour)
		is := b.issue(mob, typeStory, r.sm, "", rafael, r.who, at.Add(-48*time.Hour))
		is.Sprints = []*Sprint{b.sprintAt(mob, at)}
		b.workThroughReview(is, r.who, at, 5, "PR up", ana, r.body)
	}
	b.comment(cartAPI, ana, utc2026(6, 18, 20, 0), "Fernanda, do you know if staging has the new catalog data?")

	// The squad's open work, for `next`.
	active, ago := b.sprintAt(mob, now), b.ago
	// Highest bug in the running sprint that nobody has picked up.
	hb := b.issue(mob, typeBug, "Pix QR code expires before customer can pay on iOS 18", "Customers on iOS 18 report that the QR code says expired after ~2 min, the limit should be 30 min. 14 support tickets this week.", camila, nil, ago(5))
	hb.Priority, hb.Sprints = priorityHighest, []*Sprint{active}
	b.comment(hb, mariana, ago(2), "22 tickets now")
	// A story of Ana's waiting on Platform.
	pv := b.issue(mob, typeStory, "Show the delivery fee before the customer adds the address", "Today the fee appears only at checkout, people feel tricked. Show an estimate based on the CEP on the home screen.", ana, juliana, ago(30))
	pv.Sprints, pv.Status = []*Sprint{active}, statusInProgress
	pv.StoryPoints = points(5)
	feeAPI := b.issue(plat, typeTask, "Delivery fee estimate by CEP", "Endpoint returning the delivery fee range for a CEP without a full address.", bruno, fernanda, ago(28))
	b.addLink(feeAPI, linkBlocks, pv)
	b.flag(pv, juliana, ago(18), true)
	b.comment(pv, juliana, ago(18), "blocked until PLAT has the fee estimate endpoint, I did the UI with a mock")
	// A stale question to Ana.
	cq := b.issue(mob, typeStory, "Free delivery progress bar in cart", "Show how much is missing to get free delivery.", ana, thiago, ago(20))
	cq.Sprints, cq.Status = []*Sprint{active}, statusInProgress
	b.comment(cq, thiago, ago(11), "@Ana Ribeiro the free delivery minimum is different per store, do we show the bar for the store of the cart or hide it when the cart has items from 2 stores?")
	// Her second epic, quiet for weeks.
	ep2 := b.issue(mob, typeEpic, "Pay with Pix in installments (Pix Parcelado)",
		"Goal: let customers split orders above R$150 in up to 3 Pix payments through our provider. Target: 8% of orders above R$150 use it within two months of launch.", ana, ana, utc2026(9, 28, 13, 0))
	b.status(ep2, ana, utc2026(10, 5, 12, 0), statusInProgress, nil)
	b.comment(ep2, ana, utc2026(10, 14, 18, 0), "provider contract signed, their sandbox is ready. first story is the eligibility check, Juliana starts after 5.4")
	pp := b.issue(mob, typeStory, "Pix Parcelado: eligibility check at checkout", "", ana, juliana, utc2026(10, 14, 18, 5))
	b.parent(pp, ep2, ana, utc2026(10, 14, 18, 6))
	// Her promise, date passed.
	ob := b.issue(mob, typeStory, "Onboarding: ask for location permission later", "Asking for location on the first screen makes 30% of people deny it.", rafael, nil, utc2026(10, 20, 12, 0))
	b.comment(ob, rafael, utc2026(11, 4, 14, 0), "@Ana Ribeiro can you write this one properly? design has the screens")
	b.comment(ob, ana, utc2026(11, 4, 16, 0), "sim, I'll write it up with the acceptance bits by 14/11")
	// Things next should not raise.
	done := b.issue(mob, typeBug, "Typo in the cart empty state", "", camila, thiago, ago(9))
	done.Sprints = []*Sprint{active}
	b.status(done, thiago, ago(3), statusDone, resolutionDone)
	busy := b.issue(mob, typeTask, "Upgrade React Native bridge in the help center screen", "", rafael, lucas, ago(12))
	busy.Sprints, busy.Status = []*Sprint{active}, statusInProgress
	b.comment(busy, lucas, ago(1), "PR up, tests green, waiting for review")
	mk := b.issue(mkt, typeTask, "Christmas campaign assets", "", pedro, nil, ago(10))
	b.comment(mk, pedro, ago(8), "@Ana Ribeiro do you know the size for the home banner?")
	b.comment(mk, lucas, ago(7), "1080x420, same as BF")
	// A teammate's story she put off by key and never touched: the team's
	// read of the backlog holds it, still to do.
	dark := b.issue(mob, typeStory, "Order history: filter by store", "", rafael, nil, utc2026(9, 15, 12, 0))
	b.comment(groomed[1], ana, utc2026(10, 9, 19, 10), "taking the default address into the sprint instead of "+dark.Key+", "+dark.Key+" can wait a sprint")
	return b.done()
}
