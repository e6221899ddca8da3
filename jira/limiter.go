package jira

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultConcurrency is how many requests a client keeps in flight at most
// unless told otherwise: enough to hide a distant site's latency, few enough
// to stay under Jira Cloud's burst limits for one API token.
const DefaultConcurrency = 4

// growAfter is how many answers in a row, none of them a throttle, earn one
// more request in flight after a cut: concurrency halves at once and comes
// back one step at a time.
const growAfter = 16

// maxPause bounds a wait that Jira's rate-limit headers ask of every
// request (a Retry-After on one request is bounded by the RetryPolicy).
const maxPause = 2 * time.Minute

// limiter is the one gate every request of a client passes: at most limit
// requests in flight, limit halved when Jira answers 429 or 503 or says the
// budget is nearly spent, grown back by one after growAfter good answers,
// and every request held while Jira asked to wait (Retry-After, or
// X-RateLimit-Reset once X-RateLimit-Remaining is 0).
type limiter struct {
	mu          sync.Mutex
	max         int
	limit       int
	inFlight    int
	good        int    // answers since the last cut or growth
	sent        uint64 // slots granted so far
	cutAt       uint64 // sent when limit was last halved
	pausedUntil time.Time
	changed     chan struct{} // closed and replaced whenever a slot frees or a pause is set
	now         func() time.Time
	sleep       func(ctx context.Context, d time.Duration) error

	// Observed figures, for tests and the benchmark.
	peakInFlight int
	cuts         int
	lowest       int
}

func newLimiter(n int, now func() time.Time, sleep func(context.Context, time.Duration) error) *limiter {
	if n < 1 {
		n = 1
	}
	return &limiter{max: n, limit: n, lowest: n, changed: make(chan struct{}), now: now, sleep: sleep}
}

// ticket is one granted slot; its number tells a throttle that answers a
// request sent before the last cut from one that answers a request sent
// after it.
type ticket struct{ seq uint64 }

// acquire waits for a slot: until any pause Jira asked for is over and
// fewer than limit requests are in flight. A pause that ends by honoured
// was already sat out by the caller (a retry that waited Retry-After).
func (l *limiter) acquire(ctx context.Context, honoured time.Time) (ticket, error) {
	for {
		l.mu.Lock()
		if pause := l.pausedUntil; !pause.IsZero() && !pause.After(honoured) {
			l.pausedUntil = time.Time{} // someone sat it out
		} else if !pause.IsZero() && l.now().Before(pause) {
			d := pause.Sub(l.now())
			l.mu.Unlock()
			if err := l.sleep(ctx, d); err != nil {
				return ticket{}, err
			}
			honoured = pause
			continue
		}
		if l.inFlight < l.limit {
			l.inFlight++
			l.peakInFlight = max(l.peakInFlight, l.inFlight)
			l.sent++
			t := ticket{seq: l.sent}
			l.mu.Unlock()
			return t, nil
		}
		wait := l.changed
		l.mu.Unlock()
		select {
		case <-ctx.Done():
			return ticket{}, ctx.Err()
		case <-wait:
		}
	}
}

// release frees t's slot and learns from the answer (nil: the request
// failed without one).
func (l *limiter) release(t ticket, resp *http.Response) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.inFlight--
	defer l.signal()
	if resp == nil {
		return
	}
	h := resp.Header
	throttled := resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable
	if throttled || strings.EqualFold(h.Get("X-RateLimit-NearLimit"), "true") {
		l.halve(t)
	} else if l.limit < l.max {
		l.good++
		if l.good >= growAfter {
			l.limit++
			l.good = 0
		}
	}
	var until time.Time
	if d, ok := retryAfter(h.Get("Retry-After")); ok && throttled {
		until = l.now().Add(d)
	} else if h.Get("X-RateLimit-Remaining") == "0" {
		until = rateLimitReset(h.Get("X-RateLimit-Reset"))
	}
	if until.After(l.now().Add(maxPause)) {
		until = l.now().Add(maxPause)
	}
	if until.After(l.pausedUntil) {
		l.pausedUntil = until
	}
}

// halve cuts the limit, once for all the requests that were in flight
// together: the answers to requests sent before the last cut say nothing
// about the limit since.
func (l *limiter) halve(t ticket) {
	l.good = 0
	if t.seq <= l.cutAt {
		return
	}
	l.limit = max(1, l.limit/2)
	l.lowest = min(l.lowest, l.limit)
	l.cutAt = l.sent
	l.cuts++
}

func (l *limiter) signal() {
	close(l.changed)
	l.changed = make(chan struct{})
}

// LimiterStats says how the concurrency went: the most requests in flight
// at once, how often Jira made the client halve it, and the lowest it fell
// to.
type LimiterStats struct {
	PeakInFlight int
	Cuts         int
	Lowest       int
	Limit        int // now
}

func (l *limiter) stats() LimiterStats {
	l.mu.Lock()
	defer l.mu.Unlock()
	return LimiterStats{PeakInFlight: l.peakInFlight, Cuts: l.cuts, Lowest: l.lowest, Limit: l.limit}
}

// rateLimitReset reads Cloud's X-RateLimit-Reset, an ISO 8601 time
// (documented as yyyy-MM-ddTHH:mmZ); the zero time when absent or unreadable.
func rateLimitReset(v string) time.Time {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil && secs > 1e9 {
		return time.Unix(secs, 0) // some proxies send epoch seconds
	}
	return time.Time{}
}
