package main

import (
	"sync"
	"testing"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// Ana Ribeiro, a mobile engineer on Jira Cloud who is her squad's
// unofficial PM, writes in plain words that pmfolio was not written with:
// her brief reads her epic's goal and result as she wrote them.
func TestMobileEngineerOnCloudGetsAPortfolioSheCanDefend(t *testing.T) {
	t.Parallel()
	view := viewPitanga(t)
	if len(view.evidence) == 0 {
		t.Error("the sync of Ana's site gave no evidence at all")
	}
	if view.brief == "" || view.next == "" {
		t.Errorf("empty output: brief %d bytes, next %d bytes", len(view.brief), len(view.next))
	}
	checkShows(t, []shown{
		// Her manager's answer to the epic hands her the capacity: the
		// strongest proof she owned it.
		{"the brief does not quote her manager protecting the capacity for it", view.brief,
			"Rafael Souza answered my proposal the same day: “Love it. Vai fundo, I'll protect the capacity for it in the next 3 sprints.” ([Jira comment, 2026-06-02]"},
		// "Goal for this:" in the middle of the epic's prose is its goal.
		{"the epic's goal, written mid-paragraph, is its Goal", view.brief,
			"**Goal.** Get checkout crash-free sessions above 99.5% by the end of Q3 and get the rating back over 4.3."},
		{"the headline names the initiative its one result came of, and does not cut it inside its brackets", view.brief,
			"I led “Checkout that doesn't crash” in Mobile App; it shipped, with the result “checkout crash-free sessions at 99.6% in the last 30 days (was 97.9% when we started in June)”."},
		// Pix Parcelado (MOB-931) is barely begun and her last word on it
		// (14 Oct, "Juliana starts after 5.4") is seven weeks old: the
		// brief leaves it to `next`, and her opener counts her incident,
		// updates and decision, not her stories.
		{"the opener counts her stories before her decision, or points at another initiative it does not name", view.brief,
			"(was 97.9% when we started in June)”. Along the way I led the response to “App closes when opening order history”, posted 5 stakeholder updates and recorded the decision on “Dark mode for the new payment screen”.\n"},
		{"the result bullet quotes the result whole", view.bullets, "(was 97.9% when we started in June)."},
		// Her call to Marketing, agreed the same hour and measured a month
		// later, is a bullet; five bare Sprint-field edits are no sprint
		// scope shaped.
		{"her bullets do not tell the launch date Marketing agreed to and the share on 5.4", view.bullets,
			"- Proposed “we should launch the campaign on the 24th, not the 20th”: Pedro Santos agreed within the hour, and on 26 November “banner is showing on 5.4, 61% of active users already on it”.\n"},
		// Her planning (10 acts) and her 5 updates are no habit to count
		// (how bare Sprint-field edits are counted is export's
		// TestBulletsSayWhatTheDataShows): the update Support acted on is
		// told instead.
		{"her bullets do not tell the update Support acted on", view.bullets,
			"- Flagged “from 5.3 (in the stores around 22/09) if Pix is having problems we can hide it from the app without a release”: Mariana Rocha agreed within the hour, “perfect, adding it to the macro”.\n"},
		// The crash she ran on a Bug (MOB-888) is an incident she
		// coordinated, told beside her initiatives.
		{"the brief does not show the incident she ran on a Bug", view.brief,
			"## Incidents I coordinated\n\n### [MOB-888](http://127.0.0.1:PORT/browse/MOB-888) App closes when opening order history (Android, 5.2.0)"},
		{"the incident's quote leaves out the rollout she paused", view.brief,
			"… I paused the staged rollout of 5.2.0 on Play Console (it was at 20%), iOS is fine”"},
		// Pix Parcelado (MOB-931) has begun: its goal and one note. It
		// leaves room for her work on no epic.
		{"the brief has no room for her request to Platform and her heads-up to support", view.brief,
			"## Other work, in my words\n\n"},
		// Her call to Marketing, which Pedro agreed to, and the share of
		// users who then had the banner, outrank her heads-up to support.
		{"her other work does not lead with the launch date Marketing agreed to, told with Pedro's answer and the share on 5.4", view.brief,
			"## Other work, in my words\n\n- **Release planning.** On “Black Friday push + in-app banner”: “Pedro, the in-app banner needs 5.4, which goes to the stores on 17/11. people on older versions won't see it (around 30% usually update in the first week). " +
				"the push works for everyone. if the banner is important for BF we should launch the campaign on the 24th, not the 20th” ([MKT-96, 2026-10-21]"},
		{"her call to Marketing is not followed by Pedro's answer", view.brief,
			"— Pedro Santos answered within the hour: “ok, 24th then.” ([Jira comment, 2026-10-21]"},
		{"her call to Marketing is not followed by the share on 5.4", view.brief,
			"On 26 November: “banner is showing on 5.4, 61% of active users already on it” ([Jira comment, 2026-11-26]"},
		{"her other work does not show her ranking by support tickets before an acceptance note", view.brief,
			"- **Prioritization.** On “Push notification when the order leaves the store”: “putting this above the onboarding copy. 'where is my order' is 22% of support tickets"},
		// "the carousel can wait a sprint" (12 Aug): MOB-898, which she
		// ranked lower a minute later, is still To Do. The quote keeps the
		// wait; the brief's one clause after it is what the call bought,
		// MOB-896 done 22 October and out in 5.4 on 17 November. The
		// stories tell the carousel, owned.
		{"her ranking by support tickets hides the carousel she said could wait, or not what it bought", view.brief,
			"22% of support tickets, the carousel can wait a sprint” ([MOB-896, 2026-08-12](http://127.0.0.1:PORT/browse/MOB-896?focusedCommentId=120041&page=com.atlassian.jira.plugin.system.issuetabpanels:comment-tabpanel#comment-120041)) — " +
				"it shipped in 5.4 on 17 November\n"},
		{"the full version hides the carousel she said could wait, or not that it is still to do", view.full,
			"22% of support tickets, the carousel can wait a sprint” ([2026-08-12](http://127.0.0.1:PORT/browse/MOB-896?focusedCommentId=120041&page=com.atlassian.jira.plugin.system.issuetabpanels:comment-tabpanel#comment-120041)) — " +
				"[MOB-898](http://127.0.0.1:PORT/browse/MOB-898) (Onboarding carousel new copy), which I said could wait a sprint, is still to do;"},
		{"the story of her ranking does not tell in its Result, after what shipped, that the carousel is still to do and whom she owes an update", view.stories,
			" and shipped in 5.4 on 17 November. MOB-898 (Onboarding carousel new copy), which I said could wait a sprint, is still to do; I owe Pedro Santos an update on it.\n"},
		// "MOB-936 can wait a sprint" (9 Oct) names by key a story of
		// Rafael's she never touched: the team's read of the backlog holds
		// it, and it is still to do.
		{"her call that put off a teammate's story by key does not tell it is still to do", view.full,
			"MOB-936 can wait a sprint” ([2026-10-09](http://127.0.0.1:PORT/browse/MOB-897?focusedCommentId=120111&page=com.atlassian.jira.plugin.system.issuetabpanels:comment-tabpanel#comment-120111)) — " +
				"[MOB-936](http://127.0.0.1:PORT/browse/MOB-936) (Order history: filter by store), which I said could wait a sprint, is still to do\n"},
		// MOB-889, "What happened with the order history crash (30/07)",
		// is the postmortem she wrote, though its title does not say so.
		// The bullet names the incident and whom it hit, in her words.
		{"the incident's bullet counts her write-up as a follow-up, or says neither what crashed nor whom it hit", view.bullets,
			"- Led the response to “App closes when opening order history” (~3,100 users hit it): posted 3 incident updates, wrote 1 postmortem and filed 2 follow-up issues, 1 of them done."},
		{"the incident in the brief does not quote her write-up", view.brief, "  - On “What happened with the order history crash (30/07)”: “Summary: 5.2.0 crashed on Android"},
		// Her goal's date was the end of Q3, and nothing shows it met; the
		// date she asked Platform for, 03/07 (she writes day first), was.
		{"asked about a deadline, she is not told the date she asked Platform for and got", view.deadline,
			"_Answers:_ a time you delivered against a deadline"},
		{"the deadline story does not tell the ask and the day it was done", view.deadline,
			"we'd need this on staging by 03/07. The shape we need is in the description of MOB-882. If that's too tight tell me and we ship restore from local storage only first” — Bruno Almeida answered the next day: “03/07 works, Fernanda takes it next sprint”\n"},
		{"the deadline story's situation cuts the goal's date", view.deadline,
			"Goal for this: get checkout crash-free sessions above 99.5% by the end of Q3 and get the rating back over 4.3. …”"},
		// The ask was to make 5.2; the cart restore went out in it. She
		// moved SDK v4 to 5.3, which went out with it (review 31 F11).
		{"the deadline story's result does not say which dates held, that the releases she planned went out with her work, and when its figures are from", view.deadline,
			". PLAT-1531 was done on 2 July, a day before the 03/07 I asked for. MOB-882 went out in 5.2, released on 28 July. MOB-883 went out in 5.3, released on 22 September. Those figures were measured on 27 October; Jira holds none from the end of Q3, the date the goal set."},
		// 5.2.0, her release, crashed; she wrote what happened.
		{"asked when she failed, she is not told the crash of her own release", view.failed,
			"## 1. [MOB-888](http://127.0.0.1:PORT/browse/MOB-888) App closes when opening order history (Android, 5.2.0)\n\n_Answers:_ a time you failed · "},
		{"the failure story's task does not say the release was hers", view.failed,
			"**Task.** My part: coordinating the response when things broke. It broke a release I had planned work into, and I wrote its postmortem."},
	})
	checkHides(t, []shown{
		{"the headline counts the initiatives it led again as epics owned", view.brief, "owned 2 epics"},
		{"the brief lists Pix Parcelado, untouched for seven weeks", view.brief, "MOB-931"},
		{"the brief's bullets fill up with one pmfolio bullets cut", view.brief, "- Groomed 9 backlog items"},
		// Quoted above among her other work, the call is not quoted again
		// among the brief's bullets: a reader would read it twice on page 1.
		{"the brief's bullets quote again the launch date quoted above them", view.brief,
			"- Proposed “we should launch the campaign on the 24th, not the 20th”"},
		{"her ranking by support tickets is cut before the carousel she said could wait", view.stories, "22% of support tickets …”"},
		{"an epic with only its own issue among her work says it is not done twice", view.brief, "in progress: the issue is not done yet"},
		{"the deadline story still says no story answers", view.printed, "does not say was met"},
		// The result tells the day PLAT-1531 was done, against the date asked.
		{"the deadline story tells the day PLAT-1531 was done in an action and again in its result", view.deadline,
			"Fernanda takes it next sprint”; PLAT-1531 was done on 2 July"},
	})
	checkNoSecret(t, view, jiratest.PitangaAPIToken)
}

// viewPitanga returns what Ana sees of jiratest.PitangaSite, synced with
// her credentials once per test binary (pitangaView): the tests only read
// it.
func viewPitanga(t *testing.T) siteView {
	t.Helper()
	view, err := pitangaView()
	if err != nil {
		t.Fatal(err)
	}
	return view
}

var pitangaView = sync.OnceValues(func() (siteView, error) {
	dir, err := sharedTempDir("pmfolio-pitanga-test-")
	if err != nil {
		return siteView{}, err
	}
	return readSiteView(dir, jiratest.PitangaSite(), siteConf{Email: jiratest.PitangaEmail, APIToken: jiratest.PitangaAPIToken},
		jiratest.WithCredentials(jiratest.PitangaEmail, jiratest.PitangaAPIToken))
})
