package export

import (
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestSlipOfAnAgreementIsTheUsersLaterLineThatNamesItFailing(t *testing.T) {
	agreed := time.Date(2026, 4, 21, 3, 0, 0, 0, time.UTC)
	about := "Vendor drop acceptance checklist for CardSwitch. Shared with Lakshmi, vendor has agreed to follow from the next drop."
	later := func(at time.Time, text string) []keyedComment {
		return []keyedComment{{key: "REL-418", Comment: evidence.Comment{At: at, Text: text}}}
	}
	retro := "Retro summary: What went well: go/no-go took 30 min; What did not go well: vendor drop for 4.13 came without rollback script, we had to push back; Action items: Lakshmi to share rollback script with every drop."
	for _, tc := range []struct {
		name     string
		comments []keyedComment
		want     string
	}{
		{"a later retro says the drop came without what was agreed", later(agreed.AddDate(0, 4, 0), retro),
			"vendor drop for 4.13 came without rollback script, we had to push back"},
		{"a later note names the drop with no failure", later(agreed.AddDate(0, 4, 0), "Vendor drop 4 came with the rollback script and test evidence."), ""},
		{"a later failure of something else on the epic", later(agreed.AddDate(0, 4, 0), "What did not go well: the SIT environment was down, we missed the UAT start."), ""},
		{"the failure was written before the agreement", later(agreed.AddDate(0, -1, 0), retro), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, got, _ := slipOf(about, agreed, tc.comments)
			if got != tc.want {
				t.Errorf("slipOf = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestAgreedByOtherIsAnotherPartysAgreement(t *testing.T) {
	for text, want := range map[string]bool{
		"Shared with Lakshmi, vendor has agreed to follow from the next drop.": true,
		"Payments agreed to own the retry logic.":                              true,
		"We agreed to drop the CSV export for now.":                            false,
		"I've agreed to take the release notes.":                               false,
		"Shared the checklist with the vendor.":                                false,
	} {
		if got := agreedByOther(text); got != want {
			t.Errorf("agreedByOther(%q) = %v, want %v", text, got, want)
		}
	}
}
