package evidence

import (
	"strings"
	"testing"
)

func TestShorten(t *testing.T) {
	long := strings.Repeat("word ", 60) // 300 characters
	tests := []struct {
		name, text string
		max        int
		want       string
	}{
		{"short text is kept", "Update: all green.", 200, "Update: all green."},
		{"long text is cut on a word boundary", long, 12, "word word…"},
		{"trailing punctuation before the cut goes", "alpha beta, gamma delta", 12, "alpha beta…"},
		{"one long word is cut on a character boundary", "ääääääääää", 4, "ääää…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Shorten(tt.text, tt.max); got != tt.want {
				t.Errorf("Shorten(%q, %d) = %q, want %q", tt.text, tt.max, got, tt.want)
			}
		})
	}
}

func TestShortenAtSentence(t *testing.T) {
	outcome := "8 of 8 tier-1 services have SLOs in code and burn-rate alerts, and the error-budget policy was signed by all three leads on the 20th. Checkout used 41% of its budget last month, so the policy already had its first real test."
	for _, tt := range []struct {
		text string
		max  int
		want string
	}{
		{outcome, 180, "8 of 8 tier-1 services have SLOs in code and burn-rate alerts, and the error-budget policy was signed by all three leads on the 20th. …"},
		{outcome, 400, outcome},
		// No sentence ends in the second half: cut on a word.
		{outcome, 60, "8 of 8 tier-1 services have SLOs in code and burn-rate…"},
		// Cut before, by the classifier: back to the sentence that ends.
		{"From the postmortem: require review for pool size changes. Why: 148 merchants were affected last time. Done when: The change is live in production…", 300,
			"From the postmortem: require review for pool size changes. Why: 148 merchants were affected last time. …"},
		// Cut by the classifier right after a sentence: "back. …", not "back.…".
		{"As an engineer I want the drill report to show the write downtime each service saw, not only that the database came back.…", 300,
			"As an engineer I want the drill report to show the write downtime each service saw, not only that the database came back. …"},
		// Its words fit max, the classifier's "…" after them does not.
		{"As a developer I want my connections to go through a pooler.…", 60, "As a developer I want my connections to go through a pooler. …"},
		{"Too short a sentence. Then a long one that was cut by the classifier before it could end…", 300,
			"Too short a sentence. Then a long one that was cut by the classifier before it could end…"},
		// A cut marked after whole words, where they were meant to end
		// (a promise left out), is kept: the call is in its last clause.
		{"this would land in the same sprint as the 3DS work and we can only do one. saved cards is the Q2 goal, so moving this to the backlog …", 300,
			"this would land in the same sprint as the 3DS work and we can only do one. saved cards is the Q2 goal, so moving this to the backlog …"},
		// A few words past the limit are kept; more than an eighth is cut.
		{"All clusters upgraded by the end of the quarter.", 44, "All clusters upgraded by the end of the quarter."},
		{"All clusters upgraded by the end of the quarter, and the old ones gone.", 44, "All clusters upgraded by the end of the…"},
		// A decimal point ends no sentence.
		{"Timeouts fell to 0.3 percent in the first month and stayed there for the quarter after it", 40, "Timeouts fell to 0.3 percent in the…"},
	} {
		if got := ShortenAtSentence(tt.text, tt.max); got != tt.want {
			t.Errorf("ShortenAtSentence(…, %d) = %q, want %q", tt.max, got, tt.want)
		}
	}
}

func TestLowerFirst(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"In March 2026", "in March 2026"},
		{"Error-budget policy agreed", "error-budget policy agreed"},
		{"EU checkout", "EU checkout"}, // an acronym stays
		{"SLOs in code", "SLOs in code"},
		{"8 of 8 services", "8 of 8 services"},
		{"Ätna", "ätna"},
		{"", ""},
	} {
		if got := LowerFirst(tt.text); got != tt.want {
			t.Errorf("LowerFirst(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestCountGroupsThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 1830: "1,830", 36975: "36,975", 1234567: "1,234,567", -1830: "-1,830"} {
		if got := Count(n); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestWithoutGreeting(t *testing.T) {
	for text, want := range map[string]string{
		"Hi All, sharing where we stand. SIT/UAT criteria are agreed.": "Sharing where we stand. SIT/UAT criteria are agreed.",
		"Hi Priya, the fix is live in staging.":                        "The fix is live in staging.",
		"Hello team: decision taken, we ship without the CSV export.":  "Decision taken, we ship without the CSV export.",
		"Hey folks - rollback done at 14:38, errors back to baseline.": "Rollback done at 14:38, errors back to baseline.",
		"Good morning everyone, UAT sign-off is delayed by 2 days.":    "UAT sign-off is delayed by 2 days.",
		"Dear all, Kindly note the release moves to the 14th.":         "Kindly note the release moves to the 14th.",
		"Hi all, thanks!": "Hi all, thanks!",
		"High priority: the export times out for every EU customer.":     "High priority: the export times out for every EU customer.",
		"Hi-res images fail to load on the product page.":                "Hi-res images fail to load on the product page.",
		"Ravi Shankar, use the checkout numbers. You're unblocked.":      "Ravi Shankar, use the checkout numbers. You're unblocked.",
		"Decision: hi-vis alerts stay on the ops channel, not on email.": "Decision: hi-vis alerts stay on the ops channel, not on email.",
	} {
		if got := withoutGreeting(text); got != want {
			t.Errorf("withoutGreeting(%q)\n got  %q\n want %q", text, got, want)
		}
	}
}

func TestWithoutSignOff(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"UAT passed with Mei Chen's team on the 17th. Thanks Sam O'Connor!", "UAT passed with Mei Chen's team on the 17th."},
		{"Success metrics met, closing the epic. Thanks all! Cheers, Maya", "Success metrics met, closing the epic."},
		{"Verified on staging. thx", "Verified on staging."},
		{"Granted read access, you should be unblocked now. Thank you for your patience.", "Granted read access, you should be unblocked now."},
		// Only thanks: nothing else would be left.
		{"Thanks Sam!", "Thanks Sam!"},
		// Thanks that say more stay.
		{"Verified. Thanks, but we keep the old flow.", "Verified. Thanks, but we keep the old flow."},
		{"p95 is down to 80 ms. Thanks to the cache.", "p95 is down to 80 ms. Thanks to the cache."},
		{"Decision: ship on Monday. Thanks for flagging the risk with the payments team early!", "Decision: ship on Monday. Thanks for flagging the risk with the payments team early!"},
		{"Decision: ship on Monday.", "Decision: ship on Monday."},
		// A bare closing note is housekeeping; a closing that says more stays.
		{"Pages per week averaged 13, down from 42 when we started. Closing the epic.", "Pages per week averaged 13, down from 42 when we started."},
		{"Verified on the canary. Closing. Thanks!", "Verified on the canary."},
		{"All 5 clusters upgraded. Closing the epic: success metrics met.", "All 5 clusters upgraded. Closing the epic: success metrics met."},
		{"Closing the epic.", "Closing the epic."},
		{"", ""},
	} {
		if got := withoutSignOff(tc.text); got != tc.want {
			t.Errorf("withoutSignOff(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// A quote loses its line breaks, its greeting and its sign-off together,
// whichever export quotes it.
func TestQuoteBody(t *testing.T) {
	text := "Hi All,\nsharing where we stand:\n\n3 of 4 stories done.   Thanks all!"
	if got, want := QuoteBody(text), "Sharing where we stand: 3 of 4 stories done."; got != want {
		t.Errorf("QuoteBody(%q) = %q, want %q", text, got, want)
	}
}

func TestArticle(t *testing.T) {
	for noun, want := range map[string]string{"incident": "an incident", "bug": "a bug", "Improvement": "an Improvement", "sub-task": "a sub-task", "": "a "} {
		if got := Article(noun); got != want {
			t.Errorf("Article(%q) = %q, want %q", noun, got, want)
		}
	}
}

// A version is named as a word of its own: "4.14" in "4.141", "5.2" in
// "5.2.1" or "v4.14.2" is another version.
func TestNamesVersion(t *testing.T) {
	for _, tt := range []struct {
		text, version string
		want          bool
	}{
		{"Suggest we take it in 4.14 on priority.", "4.14", true},
		{"to make 5.2 (store submission 21/07)", "5.2", true},
		{"it goes out in 5.2.", "5.2", true},
		{"fixed in 4.141", "4.14", false},
		{"staged rollout of 5.2.1 at 20%", "5.2", false},
		{"pinned to v4.14.2", "4.14", false},
		{"5.20 is next", "5.2", false},
	} {
		if got := NamesVersion(tt.text, tt.version); got != tt.want {
			t.Errorf("NamesVersion(%q, %q) = %v, want %v", tt.text, tt.version, got, tt.want)
		}
	}
}
