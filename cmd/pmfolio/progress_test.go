package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
)

func TestProgressBarDrawsOnOneLineAndErasesItself(t *testing.T) {
	var buf bytes.Buffer
	bar := &progressBar{w: &buf, label: "syncing acme"}
	bar.update(50, 200)
	bar.update(200, 200)
	bar.done()
	out := buf.String()
	if strings.Contains(out, "\n") {
		t.Errorf("progress bar wrote a newline: %q", out)
	}
	for _, want := range []string{"\rsyncing acme [#######.......................] 50/200 issues", "200/200 issues", "\r\033[K"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress output %q lacks %q", out, want)
		}
	}
	buf.Reset()
	bar.update(120, -1) // Cloud does not give a total
	if got := buf.String(); got != "\rsyncing acme: 120 issues" {
		t.Errorf("unknown total: %q", got)
	}
}

func TestProgressBarCountsPagesAndSaysTheTimeLeft(t *testing.T) {
	var buf bytes.Buffer
	clock := testNow
	bar := &progressBar{w: &buf, label: "syncing acme", now: func() time.Time { return clock }}
	bar.pages(1, 60)
	if got := buf.String(); got != "\rsyncing acme [..............................] 1/60 pages\033[K" {
		t.Errorf("first page: %q", got)
	}
	buf.Reset()
	clock = clock.Add(10 * time.Second) // 10 pages more in 10 s: 49 to go
	bar.pages(11, 60)
	if got := buf.String(); got != "\rsyncing acme [#####.........................] 11/60 pages, about 49 s left\033[K" {
		t.Errorf("eleventh page: %q", got)
	}
	buf.Reset()
	bar.pages(12, -1)
	if got := buf.String(); got != "\rsyncing acme: 12 pages\033[K" {
		t.Errorf("unknown total: %q", got)
	}
	if got := roughDuration(5 * time.Minute); got != "about 5 min" {
		t.Errorf("roughDuration = %q", got)
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[int]string{0: "0 new activities", 1: "1 new activity", 2: "2 new activities"} {
		if got := plural(in, "new activity"); got != want {
			t.Errorf("plural(%d) = %q, want %q", in, got, want)
		}
	}
	if got := plural(3, "evidence item"); got != "3 evidence items" {
		t.Errorf("plural = %q", got)
	}
	// doctor says how long ago the last sync ran
	if got := ago(testNow.Add(-14*24*time.Hour), testNow); got != "14 days ago" {
		t.Errorf("ago(14 days) = %q", got)
	}
}

func TestSparklineScalesToTheBusiestMonth(t *testing.T) {
	if got := sparkline([]int{0, 1, 4, 8, 2}); got != "▁▁▄█▂" {
		t.Errorf("sparkline = %q", got)
	}
	if got := sparkline([]int{0, 0}); got != "▁▁" {
		t.Errorf("empty sparkline = %q", got)
	}
	env := map[string]string{"LANG": "en_US.UTF-8"}
	if !utf8Locale(func(k string) string { return env[k] }) {
		t.Error("en_US.UTF-8 is a UTF-8 locale")
	}
	env["LC_ALL"] = "C"
	if utf8Locale(func(k string) string { return env[k] }) {
		t.Error("LC_ALL=C overrides LANG")
	}
}

func TestSyncSummaryTellsOfRemovedIssues(t *testing.T) {
	got := syncSummary(evsync.Result{Site: evidence.Site{Name: "acme"}, Issues: 40, Removed: 2, Requests: 9}, false)
	want := "synced 40 issues from acme, 0 new activities, 0 new evidence items in 9 requests, 0.0 s\n" +
		"removed 2 issues that Jira says no longer exist (your notes and exclusions are kept)"
	if got != want {
		t.Errorf("summary =\n%s\nwant\n%s", got, want)
	}
}
