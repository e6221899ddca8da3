package export

import "testing"

func TestSponsorSays(t *testing.T) {
	tests := []struct {
		reply string
		want  sponsorWords
		says  bool
	}{
		{"Good initiative Priya. Please take this forward, I will support from my side with the business teams.", handsOver, true},
		{"Love it. Vai fundo, I'll protect the capacity for it in the next 3 sprints.", handsOver, true},
		{"Thanks Priya, this lines up with the Q2 conversion goal. Happy for you to drive it, ping me for anything that needs a product call.", handsOver, true},
		{"You have my full support on this.", handsOver, true},
		{"Well done Priya and team. Will present this in the quarterly ops review.", recognises, true},
		{"Great work, all. Will share this with the leadership team.", recognises, true},
		{"Congratulations Priya!", recognises, true},
		// Acknowledgements grant nothing and praise nothing.
		{"Thanks", handsOver, false},
		{"Thanks", recognises, false},
		{"Thanks for writing this up!", handsOver, false},
		{"ok", recognises, false},
		{"Cheers, I'll have a look Thursday.", handsOver, false},
		// A question asks; a volunteer takes work, hands nothing over.
		{"Can you take this forward to the next sprint?", handsOver, false},
		{"I can take this next sprint if nobody else does.", handsOver, false},
		{"Will present this in the ops review?", recognises, false},
		// Disagreeing or taking it back.
		{"I will support it, but not this quarter.", handsOver, false},
		{"Not sure I'll support this without a business case.", handsOver, false},
		{"I don't think you should drive this one.", handsOver, false},
		// Said to someone else.
		{"Well done Marco, great fix.", recognises, false},
		{"Thanks Marco, happy for you to drive it.", handsOver, false},
		// The other kind.
		{"Well done Priya and team.", handsOver, false},
		{"Please take this forward.", recognises, false},
	}
	for _, tt := range tests {
		if got := sponsorSays(tt.reply, "Priya", tt.want); got != tt.says {
			t.Errorf("sponsorSays(%q, %v) = %v, want %v", tt.reply, tt.want, got, tt.says)
		}
	}
}
