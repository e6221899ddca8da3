package main

import (
	"regexp"
	"testing"
	"time"
)

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// FuzzParseDate: --since and --until take anything a user types; a date
// comes back as a UTC midnight no later than today (for a span) or the
// day typed, anything else is a usage error (exit 2), a --since in the
// future is refused, and nothing panics.
func FuzzParseDate(f *testing.F) {
	for _, seed := range []string{"2025-01-31", "30d", "12w", "6m", "1y", "9999y", "0d", "2024-02-29", "2025-02-29",
		"", "-3d", "3x", "1e3d", "٣d", "３０d", "2025-1-1", "2025-01-31T00:00:00Z", " 30d", "30d\n", "0000-00-00"} {
		f.Add(seed)
	}
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	today := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, value string) {
		got, err := parseDate(value, now)
		if err != nil {
			if ue := explain(err, hintContext{}); ue.Kind.code() != exitUsage {
				t.Fatalf("parseDate(%q) failed with exit %d, want %d: %v", value, ue.Kind.code(), exitUsage, err)
			}
			return
		}
		if got.Location() != time.UTC || !got.Equal(got.Truncate(24*time.Hour)) {
			t.Fatalf("parseDate(%q) = %v, not a UTC midnight", value, got)
		}
		if isoDay.MatchString(value) {
			if got.Format("2006-01-02") != value {
				t.Fatalf("parseDate(%q) = %s", value, got.Format("2006-01-02"))
			}
		} else if got.After(today) {
			t.Fatalf("the span %q ends at %v, after today", value, got)
		}
		// A day is a span of itself, unless it is still to come: nothing
		// has happened since then.
		_, _, err = dateRange(value, value, now)
		switch future := got.After(now); {
		case future && err == nil:
			t.Fatalf("dateRange(%q, %q) accepted a --since in the future", value, value)
		case !future && err != nil:
			t.Fatalf("dateRange(%q, %q): %v", value, value, err)
		}
	})
}
