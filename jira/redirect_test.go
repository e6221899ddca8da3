package jira

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func TestAnHTTPSSiteRedirectingToPlainHTTPIsRefusedNotFollowed(t *testing.T) {
	var plainRequests atomic.Int64
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		plainRequests.Add(1)
		w.Write([]byte(`{"deploymentType":"Server","version":"9.12.0"}`))
	}))
	t.Cleanup(plain.Close)
	secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+r.URL.Path, http.StatusFound)
	}))
	t.Cleanup(secure.Close)

	client, err := New(Config{BaseURL: secure.URL, PAT: "secret-pat"}, WithHTTPTransport(secure.Client().Transport),
		WithRetryPolicy(RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.Myself(context.Background())
	var jerr *Error
	if !errors.As(err, &jerr) || jerr.Kind != KindConfig || !strings.Contains(err.Error(), "never sends credentials over plain http") {
		t.Errorf("Myself through a downgrading redirect = %v, want a config error saying why", err)
	}
	if n := plainRequests.Load(); n != 0 {
		t.Errorf("%d requests reached the plain http server", n)
	}
	if strings.Contains(err.Error(), "secret-pat") {
		t.Error("the error holds the PAT")
	}
}
