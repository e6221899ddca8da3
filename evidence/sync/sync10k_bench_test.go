package sync_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence/sqlite"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
	"github.com/pmfolio/pmfolio/jira"
	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// recordedRequest is one request a sync sent, to send again without pmfolio.
type recordedRequest struct {
	method, url string
	header      http.Header
	body        []byte
}

// recordingTransport keeps every request it passes on.
type recordingTransport struct {
	mu       sync.Mutex
	requests []recordedRequest
}

func (t *recordingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := recordedRequest{method: r.Method, url: r.URL.String(), header: r.Header.Clone()}
	if r.GetBody != nil {
		body, err := r.GetBody()
		if err != nil {
			return nil, err
		}
		rec.body, _ = io.ReadAll(body)
	}
	t.mu.Lock()
	t.requests = append(t.requests, rec)
	t.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

// fetchAll sends the recorded requests again, one after another, with a
// bare HTTP client that reads each answer to its end and does nothing
// else: the least any client must spend to get the same pages.
func fetchAll(b *testing.B, requests []recordedRequest) time.Duration {
	client := &http.Client{}
	start := time.Now()
	for _, rec := range requests {
		req, err := http.NewRequest(rec.method, rec.url, bytes.NewReader(rec.body))
		if err != nil {
			b.Fatal(err)
		}
		req.Header = rec.header.Clone()
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("%s %s: %d", rec.method, rec.url, resp.StatusCode)
		}
	}
	return time.Since(start)
}

// BenchmarkSync10000 syncs 10,000 generated issues (about 21 changelog
// entries, 6 comments and 2 worklogs each) from the loopback fake server
// into a fresh database, with Jira Cloud's caps (50 issues a page, 40
// histories and 20 comments and worklogs embedded), and then fetches the
// very same requests again with a bare HTTP client, the peer of
// BENCHMARKS.md. It reports both times, their ratio and the requests
// against the target. The fake site lives in the same process, so its
// memory says nothing of pmfolio's: cmd/pmfolio's BenchmarkSyncProcess
// measures the real binary's.
func BenchmarkSync10000(b *testing.B) { benchmarkSync(b, 10_000, true) }

// BenchmarkSync3000 syncs the 3,000 issues of issue 16's benchmark as
// BenchmarkSync10000 does, without fetching them again, so that a CPU
// profile (-cpuprofile) holds the sync and the fake serving it, nothing
// else.
func BenchmarkSync3000(b *testing.B) { benchmarkSync(b, 3_000, false) }

// benchmarkSync syncs a demo site of so many issues into a fresh store,
// and with refetch fetches the same requests again with a bare client.
func benchmarkSync(b *testing.B, issues int, refetch bool) {
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: jiratest.DeploymentCloud, Issues: issues, Seed: 1, Now: syncNow})
	srv := jiratest.NewServer(site)
	b.Cleanup(srv.Close)
	cfg := jira.Config{BaseURL: srv.URL(), Email: jiratest.DemoEmail, APIToken: jiratest.DemoAPIToken}
	var syncTime, fetchTime time.Duration
	var requests int
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		store, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "pmfolio.db"))
		if err != nil {
			b.Fatal(err)
		}
		rec := &recordingTransport{}
		client, err := jira.New(cfg, jira.WithHTTPTransport(rec))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		res, err := runSync(context.Background(), client, store, evsync.Options{})
		syncTime += time.Since(start)
		b.StopTimer()
		if err != nil || res.Issues != issues {
			b.Fatalf("sync: %d issues, %v", res.Issues, err)
		}
		requests = res.Requests
		store.Close()
		if refetch {
			fetchTime += fetchAll(b, rec.requests)
		}
		b.StartTimer()
	}
	// The target: one request per 50 issues, plus one per issue whose
	// changelog or comments overflow what the search page embeds (40 and
	// 20); worklogs beyond 20 cost one request each too.
	overflow, worklogs := 0, 0
	for _, is := range site.Issues() {
		if len(is.Histories) > 40 || len(is.Comments) > 20 {
			overflow++
		}
		if len(is.Worklogs) > 20 {
			worklogs++
		}
	}
	b.ReportMetric(float64(issues/50+overflow), "target-requests")
	b.ReportMetric(float64(worklogs), "worklog-overflows")
	b.ReportMetric(float64(requests), "requests")
	b.ReportMetric(float64(requests)*1000/float64(issues), "requests/1000issues")
	b.ReportMetric(syncTime.Seconds()/float64(b.N), "sync-s")
	if refetch {
		b.ReportMetric(fetchTime.Seconds()/float64(b.N), "fetch-s")
		b.ReportMetric(syncTime.Seconds()/fetchTime.Seconds(), "sync/fetch")
	}
}
