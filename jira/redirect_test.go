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

func TestPlainHTTPIsRefusedButForThisComputer(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"https://acme.atlassian.net", true},
		{"http://127.0.0.1:8080/jira", true},
		{"http://127.8.9.10", true},
		{"http://[::1]:8080", true},
		{"http://localhost:8080", true},
		{"http://LOCALHOST", true},
		{"http://192.0.2.2:18080", false},
		{"http://jira.example.com/jira", false},
		{"http://localhost.example.com", false},
		{"http://[::2]", false},
	} {
		err := Config{BaseURL: tc.url, PAT: "secret-pat"}.Validate()
		if tc.ok != (err == nil) {
			t.Errorf("Validate(%s) = %v, want ok %v", tc.url, err, tc.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "use https://") {
			t.Errorf("Validate(%s) = %v, want it to say to use https", tc.url, err)
		}
	}
}

func TestALoopbackSiteRedirectingToAnotherComputerOverHTTPIsRefused(t *testing.T) {
	var reached atomic.Int64
	loopback := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		http.Redirect(w, r, "http://192.0.2.2:18080"+r.URL.Path, http.StatusFound)
	}))
	t.Cleanup(loopback.Close)
	var elsewhere atomic.Int64
	client, err := New(Config{BaseURL: loopback.URL, PAT: "secret-pat"}, WithRetryPolicy(RetryPolicy{MaxAttempts: 1}),
		WithHTTPTransport(roundTripFunc(func(r *http.Request) (*http.Response, error) {
			if r.URL.Host != strings.TrimPrefix(loopback.URL, "http://") {
				elsewhere.Add(1)
			}
			return http.DefaultTransport.RoundTrip(r)
		})))
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.Myself(context.Background())
	var jerr *Error
	if !errors.As(err, &jerr) || jerr.Kind != KindConfig || !strings.Contains(err.Error(), "never sends credentials over plain http") {
		t.Errorf("Myself through a redirect off this computer = %v, want a config error saying why", err)
	}
	if reached.Load() != 1 || elsewhere.Load() != 0 {
		t.Errorf("requests: %d to the loopback site, %d elsewhere; want 1 and 0", reached.Load(), elsewhere.Load())
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
