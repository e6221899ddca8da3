package jiratest_test

import (
	"testing"
)

// serviceWords are the demo's service names as summaryWords reads them: a
// story on vault and a description that names vault share no more than
// the service.
var serviceWords = summaryWords("alertmanager ingress-nginx prometheus argo-cd vault postgres-primary kafka redis-cache loki " +
	"buildkite-agents grafana cert-manager payments-api ledger-service payout-worker webhook-dispatcher fraud-scorer " +
	"checkout-gateway mobile-bff push-gateway iOS app Android app feature-flag service")

// MOB-812 "Charge a payment confirmed offline only once" read "Move
// mobile-bff to the new setup. The old one is end of life in June": a
// story's description, as it is filed, says what the story wants, and so
// shares a word with its summary other than the service it is on.
func TestDemoStoryDescriptionsFitTheirSummary(t *testing.T) {
	stories, bad := 0, 0
	for opts, site := range threadSites() {
		for _, is := range site.Issues() {
			if is.Type.Name != "Story" {
				continue
			}
			stories++
			filed := descriptionAt(is, is.Created)
			d, fits := summaryWords(filed), false
			for w := range summaryWords(is.Summary) {
				fits = fits || d[w] && !serviceWords[w]
			}
			if !fits {
				bad++
				t.Errorf("%s, seed %d: %s %q, filed by %s: %q", opts.Deployment, opts.Seed, is.Key, is.Summary, is.Reporter.DisplayName, filed)
			}
		}
	}
	if stories == 0 {
		t.Fatal("no story on the demo sites: the test reads none of what it guards")
	}
	if bad > 0 {
		t.Errorf("%d of %d stories have a description that does not fit their summary", bad, stories)
	}
}
