package export

import "testing"

// A heads-up is words addressed to a person by name, at the start of the
// words or of a sentence, then a comma, colon or dash; words that only
// name them are none.
func TestAHeadsUpOpensWithTheirName(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Nadia - the new payment step goes live on Nov 3.", true},
		{"Nadia, the banner will sit under the order summary.", true},
		{"Design is final. Nadia: the banner sits under the summary.", true},
		{"Done;  Nadia — it goes live on the 3rd.", true},
		{"Marco and I went through both options with Nadia.", false},
		{"Hi Nadia, it goes live on Nov 3.", false},
		{"Nadia Haddad, it goes live on Nov 3.", false},
		{"Nadia's team, it goes live on Nov 3.", false},
	} {
		if got := opensWithName(tt.text, "Nadia"); got != tt.want {
			t.Errorf("opensWithName(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
