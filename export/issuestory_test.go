package export

import (
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// An outage an alert bot filed as a Bug is an incident when the user's
// postmortem and follow-ups point to it, by their words or their links;
// a ticket that only got status updates is none.
func TestIncidentsAmongTheIssuesOfItems(t *testing.T) {
	const when = "2026-08-12T14:06:00Z"
	outage, writeUp, canary := outageBug, outageWriteUp, outageCanary
	tidy := fixtureIssue{"10191", "PAY-191", "Task", "Tidy up the refund job", "", dana, "new", nil}
	update := func(is fixtureIssue, id, text string, links ...string) evidence.Evidence {
		return linkedTo(jiraItem(is, evidence.SourceComment, id, when, evidence.CatIncidentCoord, "model.text", 0.8, text), links...)
	}
	filed := func(is fixtureIssue, text string, links ...string) evidence.Evidence {
		return linkedTo(jiraItem(is, evidence.SourceIssue, is.id, when, evidence.CatIncidentCoord, "model.text", 0.8, text), links...)
	}
	later := func(e evidence.Evidence) evidence.Evidence { e.OccurredAt = e.OccurredAt.AddDate(0, 0, 1); return e }
	tests := []struct {
		name  string
		items []evidence.Evidence
		want  []string
	}{
		{"a bug the user coordinated is the incident its write-up and follow-up are linked to",
			[]evidence.Evidence{
				update(outage, "1", "looking. started right after PAY 4.13.0 went out", "OPS-91", "PAY-190"),
				update(outage, "2", "rollback done at 14:38, error rate back to baseline", "OPS-91", "PAY-190"),
				later(filed(writeUp, "What happened: PAY 4.13.0 dropped the brand field", "OPS-90")),
				later(filed(canary, "Follow-up from the CHK incident on 12 Aug", "OPS-90"))},
			[]string{"OPS-90"}},
		{"a follow-up's words name the incident as well as a link does",
			[]evidence.Evidence{
				update(outage, "1", "looking."),
				later(filed(canary, "Follow-up from OPS-90: fail the canary when the response changes"))},
			[]string{"OPS-90"}},
		{"a bug with updates that nothing points to is no incident",
			[]evidence.Evidence{update(outage, "1", "looking."), update(outage, "2", "rollback done")},
			nil},
		{"two tickets with updates linked to each other are no incidents",
			[]evidence.Evidence{update(outage, "1", "looking.", "PAY-191"), later(update(tidy, "2", "update: half done", "OPS-90"))},
			nil},
		{"a follow-up the user also updated is not the incident it is linked to",
			[]evidence.Evidence{
				update(outage, "1", "looking.", "PAY-190"),
				later(filed(canary, "Canary for the schema", "OPS-90")),
				later(update(canary, "3", "canary live in staging", "OPS-90"))},
			[]string{"OPS-90"}},
		{"of two issues the user filed and updated that are linked, the incident is the one worked on first",
			[]evidence.Evidence{
				filed(outage, "Card payments failing", "PAY-190"),
				update(outage, "1", "rolling back", "PAY-190"),
				later(filed(canary, "Canary for the schema", "OPS-90")),
				later(update(canary, "3", "canary live", "OPS-90"))},
			[]string{"OPS-90"}},
		{"a follow-up of an incident that says it is one is not another",
			[]evidence.Evidence{
				update(fixtureIssue{"30077", "OPS-77", "Incident", "EU checkout error rate above 10%", "", me, "done", nil}, "1", "mitigated"),
				later(update(outage, "2", "tracking the fix here, see OPS-77")),
				later(filed(canary, "Canary, from OPS-90")),
			},
			[]string{"OPS-77"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var items []*evidence.Evidence
			for i := range tt.items {
				items = append(items, &tt.items[i])
			}
			var got []string
			for ref := range maps.Keys(incidentsAmong(items)) {
				got = append(got, ref.key)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("incidents %q, want %q", got, tt.want)
			}
		})
	}
}

// A release ticket's table of milestones, filled in with "see plan", is
// no writing of the user's for a story to quote; what they wrote is.
func TestAFilledInFormIsNotQuotedAsWhatTheUserWrote(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Release 4.12: Milestone Date: Code freeze see plan SIT see plan UAT see plan Go/No-Go see plan Change ticket: CHG-40311", true},
		{"Return file from RBI with '&' in beneficiary name fails parsing. Seen in SIT with sample file from ops.", false},
		{"The export times out for large merchants, and the retry times out too, so the merchant retries again and the export times out again.", false},
		{"As a merchant I want to refund part of an order so that the customer keeps the rest of the order and the rest of the order ships.", false},
	} {
		if got := templated(tt.text); got != tt.want {
			t.Errorf("templated(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A no's release held is told by the release's own issue, its summary
// naming "release" and the version as a word of its own, and "as planned"
// only where the no names the day it went out as an ordinal.
func TestAReleaseIssueAndTheDayANoNames(t *testing.T) {
	for _, tt := range []struct {
		summary, version string
		want             bool
	}{
		{"Release 4.13 - readiness, Go/No-Go and deployment", "4.13", true},
		{"RELEASE payments 3.8: go-live", "Payments 3.8", true},
		{"release  4.13.1 hotfix", "4.13", true},
		{"Release 4.130 readiness", "4.13", false},
		{"Prerelease 4.13 checks", "4.13", false},
		{"Release notes for 4.13", "4.13", false},
	} {
		if got := namesRelease(tt.summary, tt.version); got != tt.want {
			t.Errorf("namesRelease(%q, %q) = %v, want %v", tt.summary, tt.version, got, tt.want)
		}
	}
	for _, tt := range []struct {
		words string
		day   int
		want  bool
	}{
		{"Not in 4.13: we will miss the 22nd.", 22, true},
		{"Out by the 1st", 1, true},
		{"the 122nd build", 22, false},
		{"the 2nd", 22, false},
		{"22 nd", 22, false},
	} {
		if got := namesDay(tt.words, tt.day); got != tt.want {
			t.Errorf("namesDay(%q, %d) = %v, want %v", tt.words, tt.day, got, tt.want)
		}
	}
}

// A risk update posted on a release's own issue that gives its go-live
// day ends, in the brief, on how the release went out: Kaveri's “SIT is
// at risk. … Go-live on 24th is not yet impacted.” read as a risk left
// open, and 4.14 went out on the 24th.
func TestReleaseWentOutAfterARiskUpdate(t *testing.T) {
	const risk = "Status: SIT is at risk. Revised SIT exit is 17th, UAT start moves to 19th. Go-live on 24th is not yet impacted."
	release := fixtureIssue{"40022", "REL-22", "Task", "Release 4.14 - readiness, Go/No-Go and deployment", "", priya, "done", []string{"4.14"}}
	other := fixtureIssue{"40023", "REL-23", "Task", "Regression suite for NEFT", "", priya, "done", []string{"4.14"}}
	for _, tt := range []struct {
		name     string
		on       fixtureIssue
		text     string
		resolved string // "" when the issue is not done
		want     string
	}{
		{"went out on the day given", release, risk, "2026-10-24T21:35:00Z", "4.14 went out on 24 October as planned"},
		{"went out later", release, risk, "2026-10-27T10:00:00Z", "4.14 went out on 27 October"},
		{"not done yet", release, risk, "", ""},
		{"no go-live day given", release, "Status: SIT is at risk. Revised SIT exit is 17th.", "2026-10-24T21:35:00Z", ""},
		{"not the release's own issue", other, risk, "2026-10-24T21:35:00Z", ""},
		{"done before the update", release, risk, "2026-10-12T10:00:00Z", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := typicalPortfolio()
			p.Evidence = append(p.Evidence, jiraItem(tt.on, evidence.SourceComment, "81028", "2026-10-13T10:00:00Z",
				evidence.CatStakeholderComms, "model.text", 0.7, tt.text))
			if tt.resolved != "" {
				p.DoneIssues = append(p.DoneIssues, evidence.DoneIssue{SiteName: acme.Name, Key: tt.on.key, Resolved: at(tt.resolved)})
			}
			r := newReport(p, Options{})
			i := slices.IndexFunc(r.items, func(e *evidence.Evidence) bool { return e.SourceID == "81028" })
			if got := r.releaseWentOut(r.items[i], tt.text); got != tt.want {
				t.Errorf("releaseWentOut = %q, want %q", got, tt.want)
			}
		})
	}
}

// An answer's timing is said as a person would: in minutes while they are
// few ("Jun Park answered four minutes later: “rolling back now”"; "within
// the hour" read slow for a rollback in an outage), then by the hour or
// the day.
func TestAnswerTimingSaysMinutesWhileTheyAreFew(t *testing.T) {
	said := at("2026-08-12T14:06:00Z")
	for _, tt := range []struct {
		after time.Duration
		want  string
	}{
		{30 * time.Second, "within a minute"},
		{4 * time.Minute, "four minutes later"},
		{4*time.Minute + 50*time.Second, "four minutes later"},
		{14 * time.Minute, "14 minutes later"},
		{15 * time.Minute, "within the hour"},
		{time.Hour, "within the hour"},
		{3 * time.Hour, "the same day"},
		{20 * time.Hour, "the next day"},
		{72 * time.Hour, "on 15 August"},
	} {
		if got := answeredWhen(said, said.Add(tt.after)); got != tt.want {
			t.Errorf("answered %s after = %q, want %q", tt.after, got, tt.want)
		}
	}
}
