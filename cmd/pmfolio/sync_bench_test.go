//go:build linux

package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// BenchmarkSyncProcess runs the real binary, `pmfolio sync --quiet`, as a
// subprocess against the loopback fake Jira (Cloud caps: 50 issues a
// page, 40 histories, 20 comments and worklogs embedded) for 2,000 and
// 10,000 generated issues, and reports its wall time, its peak resident
// memory (the process's whole footprint, Go heap, SQLite's page cache and
// all) and the requests it sent. The peer is curl
// fetching exactly the requests the sync sent, in one curl process that
// keeps the connection open, writing each answer to /dev/null: the floor
// for any client of the same pages. Its time and the ratio are reported
// when curl is installed. Linux only: memory is read from /proc.
//
// The third run adds 200 ms to every search page, for the sync and for
// curl alike: Jira Cloud takes that long and more to search, where the
// fake answers in milliseconds. The last two are issue 16's pair, run
// side by side: about 3,000 issues answered at once, and with every
// request 150 ms late (a site across the internet). curl fetches one
// request after another: the serial client pmfolio's concurrency is
// measured against.
func BenchmarkSyncProcess(b *testing.B) {
	bin := buildPmfolio(b)
	for _, c := range []struct {
		issues  int
		latency time.Duration
		every   bool // the latency is every request's, not only search pages'
	}{{2_000, 0, false}, {10_000, 0, false}, {2_000, 200 * time.Millisecond, false},
		{3_000, 0, true}, {3_000, 150 * time.Millisecond, true}} {
		issues := c.issues
		name := fmt.Sprintf("issues=%d", issues)
		switch {
		case c.latency > 0 && c.every:
			name += fmt.Sprintf(",latency=%v", c.latency)
		case c.latency > 0:
			name += fmt.Sprintf(",search=%v", c.latency)
		}
		b.Run(name, func(b *testing.B) {
			site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: jiratest.DeploymentCloud, Issues: issues, Seed: 1, Now: testNow})
			srv := jiratest.NewServer(site)
			b.Cleanup(srv.Close)
			var syncTime, curlTime time.Duration
			var maxRSS int64 // kB
			var sent []sentRequest
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				db := filepath.Join(b.TempDir(), "pmfolio.db")
				cmd, stderr := syncCommand(b, bin, srv, db)
				log := recordRequests(srv, c.latency, c.every)
				b.StartTimer()
				start := time.Now()
				if err := cmd.Start(); err != nil {
					b.Fatal(err)
				}
				peak := watchPeakRSS(cmd.Process.Pid)
				err := cmd.Wait()
				syncTime += time.Since(start)
				b.StopTimer()
				srv.Inject(nil)
				if err != nil {
					b.Fatalf("sync: %v\n%s", err, stderr)
				}
				maxRSS = max(maxRSS, peak())
				sent = log.list()
				srv.Inject(delayRequests(c.latency, c.every))
				if d, ok := curlAll(b, srv, sent); ok {
					curlTime += d
				}
				srv.Inject(nil)
				b.StartTimer()
			}
			b.ReportMetric(syncTime.Seconds()/float64(b.N), "sync-s")
			b.ReportMetric(float64(maxRSS)/1024, "peakRSS-MB")
			b.ReportMetric(float64(len(sent)), "requests")
			b.ReportMetric(float64(len(sent))*1000/float64(issues), "requests/1000issues")
			if curlTime > 0 {
				b.ReportMetric(curlTime.Seconds()/float64(b.N), "curl-s")
				b.ReportMetric(syncTime.Seconds()/curlTime.Seconds(), "sync/curl")
			}
		})
	}
}

// watchPeakRSS polls a process's peak resident set size (VmHWM, which only
// grows) every few milliseconds; the returned function stops and reports
// the last value read, in kilobytes. Not getrusage's ru_maxrss: Go starts
// children with vfork, and Linux charges the parent's peak at exec to the
// child, so ru_maxrss would report this test process's fake Jira too.
func watchPeakRSS(pid int) func() int64 {
	stop, done := make(chan struct{}), make(chan struct{})
	var peak int64
	go func() {
		defer close(done)
		for {
			if status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid)); err == nil {
				for _, line := range strings.Split(string(status), "\n") {
					if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
						if kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64); err == nil {
							peak = max(peak, kb)
						}
					}
				}
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	return func() int64 {
		close(stop)
		<-done
		return peak
	}
}

// sentRequest is one request the server received, enough to send it again.
type sentRequest struct {
	method, uri, auth string
	body              []byte
}

// requestLog is every request a server received since recordRequests.
type requestLog struct {
	mu   sync.Mutex
	sent []sentRequest
}

func (l *requestLog) list() []sentRequest {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]sentRequest(nil), l.sent...)
}

// recordRequests makes srv keep every request it gets from now on, and
// answer search pages (every request, with every) latency late.
func recordRequests(srv *jiratest.Server, latency time.Duration, every bool) *requestLog {
	log := &requestLog{}
	delay := delayRequests(latency, every)
	srv.Inject(func(r *http.Request) *jiratest.Fault {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		log.mu.Lock()
		log.sent = append(log.sent, sentRequest{r.Method, r.URL.RequestURI(), r.Header.Get("Authorization"), body})
		log.mu.Unlock()
		return delay(r)
	})
	return log
}

// delayRequests answers search pages, or with every all requests, latency
// late.
func delayRequests(latency time.Duration, every bool) func(*http.Request) *jiratest.Fault {
	return func(r *http.Request) *jiratest.Fault {
		if latency > 0 && (every || strings.HasSuffix(r.URL.Path, "/search/jql")) {
			return &jiratest.Fault{Delay: latency}
		}
		return nil
	}
}

// curlAll fetches the requests again with one curl process and reports how
// long it took; false when there is no curl.
func curlAll(b *testing.B, srv *jiratest.Server, sent []sentRequest) (time.Duration, bool) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		return 0, false
	}
	dir := b.TempDir()
	base := strings.TrimSuffix(srv.URL(), "/")
	var cfg strings.Builder
	for i, r := range sent {
		if i > 0 {
			cfg.WriteString("next\n")
		}
		fmt.Fprintf(&cfg, "url = %q\noutput = \"/dev/null\"\nsilent\nfail\nheader = %q\n", base+r.uri, "Authorization: "+r.auth)
		if r.method != http.MethodGet {
			file := filepath.Join(dir, strconv.Itoa(i)+".json")
			if err := os.WriteFile(file, r.body, 0o600); err != nil {
				b.Fatal(err)
			}
			fmt.Fprintf(&cfg, "request = %q\nheader = \"Content-Type: application/json\"\ndata-binary = \"@%s\"\n", r.method, file)
		}
	}
	config := filepath.Join(dir, "requests.curl")
	if err := os.WriteFile(config, []byte(cfg.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(curl, "--config", config)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("curl: %v\n%s", err, stderr.String())
	}
	return time.Since(start), true
}
