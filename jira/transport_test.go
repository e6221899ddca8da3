package jira

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync/atomic"
	"testing"
	"time"
)

// A person watching a sync hears that Jira is failing while pmfolio waits
// on it; the notice changes neither what is retried nor the waits.
func TestRetryNoticeIsToldOfEachRetryBeforeItsWait(t *testing.T) {
	var served atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if served.Add(1) <= 2 {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.Write([]byte(`{"deploymentType":"Cloud","version":"1001.0.0"}`))
	}))
	t.Cleanup(srv.Close)
	var (
		notices []Retry
		waits   []time.Duration
	)
	client, err := New(Config{BaseURL: srv.URL, PAT: "a-pat"},
		WithRetryPolicy(RetryPolicy{MaxAttempts: 6, FirstDelay: time.Second, MaxDelay: 4 * time.Second, MaxWait: time.Minute}),
		WithSleep(func(ctx context.Context, d time.Duration) error { waits = append(waits, d); return nil }),
		WithRetryNotice(func(r Retry) { notices = append(notices, r) }))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.ServerInfo(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := []Retry{{Status: 500, Attempt: 1, Wait: time.Second}, {Status: 500, Attempt: 2, Wait: 2 * time.Second}}
	if !reflect.DeepEqual(notices, want) {
		t.Errorf("notices = %+v, want %+v", notices, want)
	}
	if !reflect.DeepEqual(waits, []time.Duration{time.Second, 2 * time.Second}) || served.Load() != 3 {
		t.Errorf("waited %v over %d requests; want 1s and 2s over 3", waits, served.Load())
	}
}
