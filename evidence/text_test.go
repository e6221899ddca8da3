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
