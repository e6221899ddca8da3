package main

import (
	"testing"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// Ana Ribeiro, a mobile engineer on Jira Cloud who is her squad's
// unofficial PM, writes in plain words that pmfolio was not written with:
// for now her site syncs and no secret leaks.
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
	checkNoSecret(t, view, jiratest.PitangaAPIToken)
}
