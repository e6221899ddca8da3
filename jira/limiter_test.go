package jira

import (
	"context"
	"net/http"
	"testing"
	"time"
)

func answer(status int, headers ...string) *http.Response {
	h := http.Header{}
	for i := 0; i+1 < len(headers); i += 2 {
		h.Set(headers[i], headers[i+1])
	}
	return &http.Response{StatusCode: status, Header: h}
}

// Four requests in flight together all answer 429: one cut, not four; a
// request sent after the cut that is throttled too cuts again; good
// answers give slots back one at a time.
func TestLimiterHalvesOncePerBurstAndGrowsBackSlowly(t *testing.T) {
	var slept []time.Duration
	l := newLimiter(8, time.Now, func(_ context.Context, d time.Duration) error { slept = append(slept, d); return nil })
	ctx := context.Background()
	var burst []ticket
	for range 4 {
		tk, err := l.acquire(ctx, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		burst = append(burst, tk)
	}
	for _, tk := range burst {
		l.release(tk, answer(http.StatusTooManyRequests))
	}
	if s := l.stats(); s.Limit != 4 || s.Cuts != 1 {
		t.Fatalf("after one burst of 429s: %+v, want limit 4 after one cut", s)
	}
	tk, _ := l.acquire(ctx, time.Time{})
	l.release(tk, answer(http.StatusServiceUnavailable))
	if s := l.stats(); s.Limit != 2 || s.Cuts != 2 {
		t.Fatalf("after a 503 to a later request: %+v, want limit 2", s)
	}
	for range growAfter - 1 {
		tk, _ := l.acquire(ctx, time.Time{})
		l.release(tk, answer(http.StatusOK))
	}
	if s := l.stats(); s.Limit != 2 {
		t.Fatalf("grew before %d good answers: %+v", growAfter, s)
	}
	tk, _ = l.acquire(ctx, time.Time{})
	l.release(tk, answer(http.StatusOK))
	if s := l.stats(); s.Limit != 3 || s.PeakInFlight != 4 || s.Lowest != 2 {
		t.Fatalf("after %d good answers: %+v, want limit 3", growAfter, s)
	}
	if len(slept) != 0 {
		t.Errorf("slept %v without a Retry-After", slept)
	}
}

// Retry-After on a 429, and X-RateLimit-Reset once nothing remains, hold
// the next request; the near-limit warning cuts without holding.
func TestLimiterHoldsRequestsAsJiraAsks(t *testing.T) {
	var slept []time.Duration
	now := time.Now() // a clock that stands still: a loaded machine cannot eat into the waits
	l := newLimiter(4, func() time.Time { return now }, func(_ context.Context, d time.Duration) error { slept = append(slept, d); return nil })
	ctx := context.Background()
	tk, _ := l.acquire(ctx, time.Time{})
	l.release(tk, answer(http.StatusTooManyRequests, "Retry-After", "3"))
	tk, _ = l.acquire(ctx, time.Time{})
	if len(slept) != 1 || slept[0] != 3*time.Second {
		t.Fatalf("waits %v, want about Retry-After's 3s", slept)
	}
	reset := now.Add(90 * time.Second).UTC().Format("2006-01-02T15:04Z")
	l.release(tk, answer(http.StatusOK, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", reset))
	tk, _ = l.acquire(ctx, time.Time{})
	if len(slept) != 2 || slept[1] <= 0 || slept[1] > maxPause {
		t.Fatalf("waits %v, want one until X-RateLimit-Reset", slept)
	}
	before := l.stats().Cuts
	l.release(tk, answer(http.StatusOK, "X-RateLimit-NearLimit", "true"))
	if l.stats().Cuts != before+1 {
		t.Errorf("X-RateLimit-NearLimit did not cut: %+v", l.stats())
	}
	if _, err := l.acquire(ctx, time.Time{}); err != nil || len(slept) != 2 {
		t.Errorf("a near-limit warning held the next request: %v, waits %v", err, slept)
	}
}
