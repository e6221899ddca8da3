package jira

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"time"
)

// RetryPolicy bounds how pmfolio retries what Jira asks to be retried
// (429 and 5xx): Retry-After when Jira sends it, else exponential backoff
// with jitter, never more than MaxAttempts tries or MaxWait in all.
type RetryPolicy struct {
	MaxAttempts int
	FirstDelay  time.Duration
	MaxDelay    time.Duration
	MaxWait     time.Duration // total sleeping allowed for one request
	Jitter      float64       // ±fraction applied to computed delays
}

// DefaultRetryPolicy follows Atlassian's advice: start near 5 s, double to
// 30 s, ±30% jitter.
var DefaultRetryPolicy = RetryPolicy{
	MaxAttempts: 6,
	FirstDelay:  5 * time.Second,
	MaxDelay:    30 * time.Second,
	MaxWait:     3 * time.Minute,
	Jitter:      0.3,
}

// delay is the wait before retry number attempt (1-based) of resp.
func (p RetryPolicy) delay(attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if d, ok := retryAfter(resp.Header.Get("Retry-After")); ok {
			return d
		}
	}
	d := p.FirstDelay << (attempt - 1)
	if d > p.MaxDelay || d <= 0 {
		d = p.MaxDelay
	}
	if p.Jitter > 0 {
		d = time.Duration(float64(d) * (1 + p.Jitter*(2*rand.Float64()-1)))
	}
	return d
}

// retryAfter reads a Retry-After header in seconds or as an HTTP date.
func retryAfter(v string) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil && secs >= 0 {
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := time.Until(t); d > 0 {
			return d, true
		}
		return 0, true
	}
	return 0, false
}

// Retry is a request about to be tried again.
type Retry struct {
	Status  int           // what Jira answered (429 or 5xx); 0 when the request got no answer
	Attempt int           // the try that failed, from 1
	Wait    time.Duration // how long the client waits before the next try
}

func isDialError(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status == http.StatusInternalServerError ||
		status == http.StatusBadGateway || status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout
}

// retryTransport retries 429 and 5xx answers and failed connections, and
// passes every attempt through the client's limiter.
type retryTransport struct {
	client *Client
	next   http.RoundTripper
}

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	policy := t.client.retry
	var waited time.Duration
	var honoured time.Time // the end of the last wait between tries
	for attempt := 1; ; attempt++ {
		if attempt > 1 && req.Body != nil {
			if req.GetBody == nil {
				return nil, errors.New("cannot retry a request whose body cannot be replayed")
			}
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			req = req.Clone(req.Context())
			req.Body = body
		}
		// Each attempt holds one of the client's slots while it is in
		// flight, body included, and not while it waits to be retried.
		slot, err := t.client.limiter.acquire(req.Context(), honoured)
		if err != nil {
			return nil, err
		}
		resp, err := t.next.RoundTrip(req)
		if err == nil && !retryable(resp.StatusCode) {
			// The body is read here, inside the retry loop and the request
			// timeout, so that a connection reset or a stall mid-body is
			// retried like one before the headers, not taken for a
			// malformed answer.
			if err = bufferBody(resp); err != nil {
				resp = nil
			}
		}
		t.client.limiter.release(slot, resp)
		if req.Context().Err() != nil {
			if resp != nil {
				resp.Body.Close()
			}
			return nil, req.Context().Err()
		}
		if err == nil && !retryable(resp.StatusCode) {
			return resp, nil
		}
		// A site that cannot be dialled (no such host, nothing listening)
		// fails at once; a connection reset mid-request is retried twice.
		if attempt >= policy.MaxAttempts || (err != nil && (isDialError(err) || attempt >= 3)) {
			return resp, err
		}
		d := policy.delay(attempt, resp)
		if waited+d > policy.MaxWait {
			return resp, err // Jira asks for more patience than a sync may spend
		}
		status := 0
		if resp != nil {
			status = resp.StatusCode
			io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
		}
		if t.client.onRetry != nil {
			t.client.onRetry(Retry{Status: status, Attempt: attempt, Wait: d})
		}
		honoured = time.Now().Add(d)
		if err := t.client.sleep(req.Context(), d); err != nil {
			return nil, err
		}
		waited += d
	}
}

// bufferBody reads resp's body into memory and closes the connection's
// body; a failed read is a failed request.
func bufferBody(resp *http.Response) error {
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return fmt.Errorf("read the answer: %w", err) // net/http names the request
	}
	resp.Body = bufferedBody{bytes.NewReader(body), body}
	return nil
}

// bufferedBody is an answer's body read into memory, whose bytes a reader
// may take as they are rather than read a copy (getSearchPage).
type bufferedBody struct {
	*bytes.Reader
	data []byte
}

func (bufferedBody) Close() error { return nil }

// countingTransport counts requests and bounds each one, body included, by
// the client's request timeout (http.Client.Timeout would also count the
// waits between retries).
type countingTransport struct {
	client *Client
	next   http.RoundTripper
}

func (t *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.client.requests.Add(1)
	ctx, cancel := context.WithTimeout(req.Context(), t.client.timeout)
	resp, err := t.next.RoundTrip(req.WithContext(ctx))
	if err != nil {
		cancel()
		return nil, err
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

func sleepContext(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
