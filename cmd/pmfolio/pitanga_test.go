package main

import (
	"testing"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// Ana Ribeiro, a mobile engineer on Jira Cloud who is her squad's
// unofficial PM, writes in plain words that pmfolio was not written with:
// her brief reads her epic's goal and result as she wrote them.
func TestMobileEngineerOnCloudGetsAPortfolioSheCanDefend(t *testing.T) {
	t.Parallel()
	site := jiratest.PitangaSite()
	view := viewSite(t, site, siteConf{Email: jiratest.PitangaEmail, APIToken: jiratest.PitangaAPIToken},
		jiratest.WithCredentials(jiratest.PitangaEmail, jiratest.PitangaAPIToken))
	if len(view.evidence) == 0 {
		t.Error("the sync of Ana's site gave no evidence at all")
	}
	if view.brief == "" || view.next == "" {
		t.Errorf("empty output: brief %d bytes, next %d bytes", len(view.brief), len(view.next))
	}
	checkShows(t, []shown{
		// "Goal for this:" in the middle of the epic's prose is its goal.
		{"the epic's goal, written mid-paragraph, is its Goal", view.brief,
			"**Goal.** Get checkout crash-free sessions above 99.5% by the end of Q3 and get the rating back over 4.3."},
		{"the headline names the initiative its one result came of, and does not cut it inside its brackets", view.brief,
			"1 shipped, and “Checkout that doesn't crash” had the result “checkout crash-free sessions at 99.6% in the last 30 days (was 97.9% when we started in June)”."},
		{"the result bullet quotes the result whole", view.bullets, "(was 97.9% when we started in June)."},
		// Two initiatives leave the brief room for her work on no epic,
		// the competencies they quote nothing of first: her request to
		// Platform, and her heads-up to support.
		{"the brief quotes her work across teams, which its initiatives do not", view.brief,
			"\n- **Cross-team coordination.** “Oi Bruno, Fernanda - to make 5.2 (store submission 21/07) we'd need this on staging by 03/07."},
		{"the brief quotes her heads-up to support", view.brief, "\n- **Stakeholder communication.** “quick heads-up for support: from 5.3"},
	})
	checkHides(t, []shown{
		{"the headline counts the initiatives it led again as epics owned", view.brief, "owned 2 epics"},
		{"an epic with only its own issue among her work says it is not done twice", view.brief, "in progress: the issue is not done yet"},
	})
	checkNoSecret(t, view, jiratest.PitangaAPIToken)
}
