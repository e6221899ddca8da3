package jiratest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// themeSites are the demo sites the theme tests read: both deployments,
// the size `pmfolio demo` uses and a larger one, and a few clocks, since
// the demo runs with today's date.
func themeSites(t *testing.T) map[string]*Site {
	t.Helper()
	sites := map[string]*Site{}
	for _, opts := range []DemoOptions{
		{Deployment: DeploymentCloud, Seed: 1, Now: testNow},
		{Deployment: DeploymentCloud, Seed: 1, Now: testNow.AddDate(0, 1, 13)},
		{Deployment: DeploymentCloud, Seed: 1, Now: testNow.AddDate(0, -5, 2)},
		{Deployment: DeploymentServer, Seed: 7, Now: testNow},
		{Deployment: DeploymentCloud, Seed: 3, Issues: 600, Now: testNow},
	} {
		site := DemoSite(opts)
		sites[fmt.Sprintf("%s seed %d, %d issues, %s", opts.Deployment, opts.Seed, site.IssueCount(), site.Now.Format("2006-01-02"))] = site
	}
	return sites
}

var digits = regexp.MustCompile(`\d+`)

// whyNow is the line under "Why now" in an epic's description, its
// numbers blanked: "Two of the last 4 incidents" and "Two of the last 6
// incidents" are the same reason to a reader.
func whyNow(epic *Issue) string {
	_, after, ok := strings.Cut(epic.Description, "h3. Why now\n")
	if !ok {
		return ""
	}
	line, _, _ := strings.Cut(after, "\n")
	return digits.ReplaceAllString(line, "#")
}

// A reader who sees the same reason to act on two different initiatives
// stops believing either: each initiative's why-now is its own.
func TestDemoEpicsDoNotShareAWhyNow(t *testing.T) {
	for name, site := range themeSites(t) {
		first := map[string]*Issue{}
		for _, is := range site.issues {
			if is.Type != typeEpic {
				continue
			}
			why := whyNow(is)
			if why == "" {
				t.Errorf("%s: epic %s %q has no why-now", name, is.Key, is.Summary)
				continue
			}
			if other, ok := first[why]; ok && initiativeName(other) != initiativeName(is) {
				t.Errorf("%s: %s %q and %s %q give the same why-now: %q", name, other.Key, other.Summary, is.Key, is.Summary, why)
			}
			first[why] = is
		}
	}
}

// initiativeWords are words a reader ties to one initiative of the demo's
// roadmap: seeing them in a comment under another initiative reads as a
// quote about something else.
var initiativeWords = map[string][]string{
	"On-call health: halve pages per week": {"runbook link", "alert routing", "routing change", "pager noise", "hand-over checklist"},
	"SLOs for customer-facing services":    {"error budget", "error-budget", "burn-rate", "burn rate", "SLO board", "% SLO"},
	"Kubernetes 1.30 upgrade":              {"Kubernetes", "1.30 upgrade", "node pool", "deprecated API"},
	"Zero-downtime Postgres failover":      {"failover", "Patroni", "PgBouncer", "drill"},
	"Developer self-service environments":  {"preview environment", "cost report", "environment ticket"},
	"Webhook reliability":                  {"webhook"},
	"3-D Secure 2 rollout":                 {"3-D Secure", "3DS", "challenge rate", "issuer"},
	"Ledger double-entry migration":        {"the ledger ", "new ledger", "old ledger", "reconcil", "double entr", "double-entr", "backfill", "month-end"},
	"Offline mode for payments":            {"offline", "lost payment", "in a lift"},
	"Push notification preferences":        {"push notification", "push-gateway", "quiet hours", "opt-out", "notifications"},
}

// internalInitiatives serve Larkspur's own engineers, not merchants: no
// comment under them names a merchant.
var internalInitiatives = []string{
	"On-call health: halve pages per week", "SLOs for customer-facing services", "Kubernetes 1.30 upgrade",
	"Zero-downtime Postgres failover", "Developer self-service environments",
}

// What Me writes on an epic and on the issues filed under it is what the
// portfolio, the stories and the bullets quote as her work on that
// initiative, so it talks about that initiative: it names no other
// initiative's work, and under an internal initiative no merchant.
func TestDemoCommentsUnderAnEpicStayOnItsTheme(t *testing.T) {
	for _, e := range append(append(opsText.epics, payText.epics...), appText.epics...) {
		if _, ok := initiativeWords[e.summary]; !ok {
			t.Fatalf("initiativeWords has no words for %q", e.summary)
		}
	}
	for name, site := range themeSites(t) {
		offTheme := 0
		for _, is := range site.issues {
			mine := initiativeName(is)
			if mine == "" {
				continue
			}
			var texts []string
			if is.Type == typeEpic {
				texts = append(texts, whyNow(is))
			}
			for _, c := range is.Comments {
				if c.Author == site.Me {
					texts = append(texts, c.Body)
				}
			}
			for _, text := range texts {
				lower := strings.ToLower(text)
				for other, words := range initiativeWords {
					if other == mine {
						continue
					}
					for _, w := range words {
						// A word of the issue's own summary is about the
						// issue, which the reader sees beside the quote.
						if strings.Contains(lower, strings.ToLower(w)) && !strings.Contains(strings.ToLower(is.Summary), strings.ToLower(w)) {
							if offTheme++; offTheme <= 5 {
								t.Errorf("%s: %s %q is under %q, but Me's words there are about %q (%q): %q",
									name, is.Key, is.Summary, mine, other, w, text)
							}
						}
					}
				}
				for _, internal := range internalInitiatives {
					if mine != internal {
						continue
					}
					for _, c := range customers {
						if strings.Contains(text, c) {
							if offTheme++; offTheme <= 5 {
								t.Errorf("%s: %s %q is under the internal initiative %q, but Me names the merchant %s: %q",
									name, is.Key, is.Summary, mine, c, text)
							}
						}
					}
				}
			}
		}
		if offTheme > 5 {
			t.Errorf("%s: %d off-theme texts in all", name, offTheme)
		}
	}
}

// Every initiative of the roadmap has a theme with words for each slot,
// and a status never lists one piece of work twice ("what's left is the
// failure e-mail and the failure e-mail").
func TestDemoEveryEpicHasATheme(t *testing.T) {
	for key, text := range demoTexts {
		for i := range text.epics {
			seed := &text.epics[i]
			th := themeOf(seed)
			if th == nil {
				t.Errorf("%s epic %q has no theme", key, seed.summary)
				continue
			}
			lists := map[string][]string{
				"whyNow": th.whyNow, "metric": th.metric, "dash": th.dash, "done": th.done, "doing": th.doing, "next": th.next,
				"risk": th.risk, "slips": th.slips, "urgent": th.urgent, "minor": th.minor, "minorWork": th.minorWork, "gain": th.gain, "gap": th.gap,
				"relnote": th.relnote, "rollout": th.rollout, "decisions": th.decisions, "watchers": th.watchers,
			}
			for name, list := range lists {
				if want := map[string]int{"whyNow": 2, "decisions": 3}[name]; len(list) < max(want, 1) {
					t.Errorf("%s epic %q: %d %s, want at least %d", key, seed.summary, len(list), name, max(want, 1))
				}
			}
			seen := map[string]string{}
			for _, name := range []string{"done", "doing", "next"} {
				for _, w := range lists[name] {
					if other, ok := seen[w]; ok {
						t.Errorf("%s epic %q lists %q as both %s and %s", key, seed.summary, w, other, name)
					}
					seen[w] = name
				}
			}
		}
	}
}
