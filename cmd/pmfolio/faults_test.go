package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	"github.com/pmfolio/pmfolio/jira"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// The exit code and the one line a sync that Jira keeps failing ends
// with; jira/faults_test.go checks what each fault leaves in the database.
func TestSyncFaultsEndWithTheDocumentedExitCode(t *testing.T) {
	cases := []struct {
		name  string
		fault jiratest.Fault
		code  int
		line  string
	}{
		{"a 429 storm", jiratest.Fault{Status: http.StatusTooManyRequests, RetryAfter: "1"}, exitUnreachable, "pmfolio: Jira is still rate-limiting: "},
		{"503 after 503", jiratest.Fault{Status: http.StatusServiceUnavailable}, exitUnreachable, "pmfolio: Jira answered with a server error: "},
		{"connection reset mid-body", jiratest.Fault{Truncate: 200}, exitUnreachable, "pmfolio: cannot reach Jira: "},
		{"a page that stalls", jiratest.Fault{Truncate: 200, Hang: true}, exitUnreachable, "pmfolio: cannot reach Jira: "},
		{"a page that never comes", jiratest.Fault{Delay: time.Minute}, exitUnreachable, "pmfolio: cannot reach Jira: "},
		{"truncated JSON", jiratest.Fault{Status: http.StatusOK, Body: `{"issues":[{"id":"1`}, exitFailure, "pmfolio: this does not look like Jira's REST API: "},
		{"an HTML page", jiratest.Fault{Status: http.StatusOK, Body: "<html>maintenance</html>"}, exitFailure, "pmfolio: this does not look like Jira's REST API: "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			srv := fakeSite(t, jiratest.DeploymentCloud, 20, jiratest.WithPageCap(10))
			var mu sync.Mutex
			searches := 0
			srv.Inject(func(r *http.Request) *jiratest.Fault {
				if !strings.HasSuffix(r.URL.Path, "/search/jql") {
					return nil
				}
				mu.Lock()
				defer mu.Unlock()
				// The first search request is the probe, the second the first page.
				if searches++; searches > 2 {
					return &c.fault
				}
				return nil
			})
			var out, errOut bytes.Buffer
			db := filepath.Join(t.TempDir(), "p.db")
			_, err := runSync(context.Background(), syncOptions{
				IO:     IO{Out: &out, ErrOut: &errOut, Now: func() time.Time { return testNow }, Signals: make(chan os.Signal)},
				Sites:  []siteConf{{URL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}},
				DBPath: db, Quiet: true,
				// Long enough that the first page is not timed out under the
				// race detector on a busy machine (its retry would meet the
				// fault), short enough for the stalls to end.
				JiraOptions: []jira.Option{jira.WithRequestTimeout(1500 * time.Millisecond),
					jira.WithSleep(func(ctx context.Context, d time.Duration) error { return ctx.Err() })},
			})
			code := report(&errOut, err, hintContext{deployment: evidence.DeploymentCloud}, true)
			t.Log(strings.TrimSpace(errOut.String()))
			if code != c.code || !strings.HasPrefix(errOut.String(), c.line) || strings.Count(errOut.String(), "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want exit %d and one line starting %q", code, errOut.String(), c.code, c.line)
			}
			// Go's words are no explanation: a timeout says how long Jira had.
			if strings.Contains(errOut.String(), "context deadline exceeded") {
				t.Errorf("the error line is Go's, not the user's: %q", errOut.String())
			}
			if strings.Contains(errOut.String(), "jql=") || strings.Contains(errOut.String(), "updatedBy") || strings.Contains(errOut.String(), jiratest.DemoEmail) {
				t.Errorf("the error line holds the query or the account: %q", errOut.String())
			}
			// The first page was committed before Jira failed.
			store, err := sqlite.Open(context.Background(), db)
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close()
			if counts, err := store.TableCounts(context.Background()); err != nil || counts["issues"] != 10 {
				t.Errorf("stored %v, %v; want the 10 issues of the first page", counts, err)
			}
		})
	}
}

// An answer that is not Jira's JSON, from any endpoint (a login page in
// front of the site, a proxy's error page, a body cut short), is said as
// what it is: never in encoding/json's or go-jira's words, which name Go
// types and bytes the user never sent.
func TestAnAnswerThatIsNotJirasJSONIsSaidInWords(t *testing.T) {
	bodies := map[string]string{
		"an HTML login page":    "<html><body>Log in to continue</body></html>",
		"broken JSON":           "{not json at all",
		"JSON of another shape": `{"issues": "none", "total": "many"}`,
		"nothing":               " ",
	}
	for _, endpoint := range []string{"/rest/api/2/serverInfo", "/rest/api/2/myself", "/rest/api/2/field", "/rest/api/2/issue/"} {
		for name, body := range bodies {
			t.Run(endpoint+" "+name, func(t *testing.T) {
				t.Parallel()
				srv := fakeSite(t, jiratest.DeploymentCloud, 3, jiratest.WithCommentCap(1), jiratest.WithWorklogCap(1))
				srv.Inject(func(r *http.Request) *jiratest.Fault {
					if strings.Contains(r.URL.Path, endpoint) {
						return &jiratest.Fault{Status: http.StatusOK, Body: body}
					}
					return nil
				})
				var out, errOut bytes.Buffer
				_, err := runSync(context.Background(), syncOptions{
					IO:     IO{Out: &out, ErrOut: &errOut, Now: func() time.Time { return testNow }, Signals: make(chan os.Signal)},
					Sites:  []siteConf{{URL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}},
					DBPath: filepath.Join(t.TempDir(), "p.db"), Quiet: true,
				})
				if err == nil {
					if srv.RequestsTo(endpoint) == 0 && strings.HasSuffix(endpoint, "/") {
						t.Skip("the site needed no request there")
					}
					t.Fatalf("sync took %s from %s", name, endpoint)
				}
				code := report(&errOut, err, hintContext{deployment: evidence.DeploymentCloud}, true)
				line := errOut.String()
				if code != exitFailure || !strings.HasPrefix(line, "pmfolio: this does not look like Jira's REST API: ") || strings.Count(line, "\n") != 1 {
					t.Errorf("exit %d, %q; want exit %d and one line saying it is not Jira's REST API", code, line, exitFailure)
				}
				for _, noise := range []string{"invalid character", "Go value", "jira.", "could not parse JSON", "unexpected end of JSON", "EOF"} {
					if strings.Contains(line, noise) {
						t.Errorf("the line speaks Go (%q): %q", noise, line)
					}
				}
			})
		}
	}
}
