package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence/sqlite"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
)

// syncLogPath is the sync log: sync.log beside the database, one line per
// site per run, for people reading cron results and for `pmfolio doctor`.
func syncLogPath(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "sync.log")
}

// appendSyncLog adds the line for the end of one site's sync. The error is
// written as the one line a user would see, which never holds a secret.
func appendSyncLog(dbPath string, now time.Time, site siteConf, res evsync.Result, syncErr error) error {
	name := res.Site.Name
	if name == "" {
		name = siteLabel(site)
	}
	result, errField := "ok", ""
	switch {
	case syncErr != nil:
		ue := explain(syncErr, hintContext{deployment: site.deployment()})
		result = fmt.Sprintf("failed exit=%d", ue.Kind.code())
		errField = " error=" + strconv.Quote(ue.line())
	case res.Stopped:
		result = "interrupted"
	}
	line := fmt.Sprintf("%s %s %s issues=%d new_activities=%d new_evidence=%d requests=%d duration=%.1fs pid=%d%s",
		now.UTC().Format(time.RFC3339), name, result, res.Issues, res.NewActivities, res.NewEvidence,
		res.Requests, res.Duration.Seconds(), os.Getpid(), errField)
	return writeLogLine(syncLogPath(dbPath), line)
}

// refusedSync names no site in the line of a sync that could not start.
const refusedSync = "-"

// appendSyncRefused adds the line of a sync that could not start, for no
// site (refusedSync), when the database exists: a first sync that cannot
// start leaves nothing behind, not even a sync.log in whatever directory
// PMFOLIO_DB names. Writing it is best effort: the error itself is the
// sync's to report.
func appendSyncRefused(dbPath string, now time.Time, syncErr error) {
	if _, err := os.Stat(dbPath); err != nil {
		return
	}
	ue := explain(syncErr, hintContext{})
	_ = writeLogLine(syncLogPath(dbPath), fmt.Sprintf("%s %s failed exit=%d pid=%d error=%s",
		now.UTC().Format(time.RFC3339), refusedSync, ue.Kind.code(), os.Getpid(), strconv.Quote(ue.line())))
}

// appendSyncStart adds the line that says a site's sync has started. The
// sync writes it under the lock, before it asks Jira for anything, so that
// a sync killed at any moment (or whose machine stopped) leaves it as its
// last word: the line of its end, with the same pid, never comes.
func appendSyncStart(dbPath string, now time.Time, site siteConf) error {
	return writeLogLine(syncLogPath(dbPath), fmt.Sprintf("%s %s started pid=%d",
		now.UTC().Format(time.RFC3339), siteLabel(site), os.Getpid()))
}

// writeLogLine appends one line; O_APPEND keeps lines whole when two
// processes (a sync and one locked out) write at once.
func writeLogLine(path, line string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("write sync log: %w", err)
	}
	if _, err := f.WriteString(line + "\n"); err != nil {
		f.Close()
		return fmt.Errorf("write sync log: %w", err)
	}
	return f.Close()
}

// lastSyncLogLine is the newest line of the sync log, or "" when there is
// none yet.
func lastSyncLogLine(dbPath string) (string, error) {
	f, err := os.Open(syncLogPath(dbPath))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	defer f.Close()
	var last string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			last = sc.Text()
		}
	}
	return last, sc.Err()
}

// syncLogEntry is what one line of the sync log says about a site's run.
type syncLogEntry struct {
	at     time.Time
	failed bool
	error  string // the one line the user saw, for a failed run
	// unfinished marks a sync that logged its start and no end: it is
	// running (running), or it was killed or its machine stopped.
	unfinished, running bool
}

// syncLogBySite reads the sync log into the newest entry per site name.
//
// A start is matched with the end of its run by the pid both lines carry,
// not by the site's name: the end names the site as Jira does, which may
// differ. A start whose run logged no end is unfinished; it is running
// when it is the newest start and a sync holds the lock, since syncs run
// one at a time and each logs its start under the lock.
func syncLogBySite(dbPath string) (map[string]syncLogEntry, error) {
	f, err := os.Open(syncLogPath(dbPath))
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]syncLogEntry{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var (
		newest    = map[string]*syncLogEntry{}
		started   = map[string]*syncLogEntry{} // by pid, the start of a run that has logged no end yet
		lastStart *syncLogEntry
	)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		head, quoted, hasError := strings.Cut(sc.Text(), " error=")
		fields := strings.Fields(head)
		if len(fields) < 3 {
			continue
		}
		at, err := time.Parse(time.RFC3339, fields[0])
		if err != nil {
			continue
		}
		if len(fields) > 3 && fields[3] == fmt.Sprintf("exit=%d", exitLocked) {
			// Refused at the lock: it never ran, and the sync that held
			// the lock writes its own lines.
			continue
		}
		entry := &syncLogEntry{at: at, failed: fields[2] == "failed"}
		pid := logField(fields, "pid")
		var ends *syncLogEntry // the start of the run this line ends
		if fields[2] == "started" {
			// A start of a pid whose run is open is a later process that
			// was given the pid again: the open run died.
			entry.unfinished = true
			started[pid], lastStart = entry, entry
		} else if ends = started[pid]; ends != nil {
			ends.unfinished = false
			delete(started, pid)
		}
		if hasError {
			if text, err := strconv.Unquote(quoted); err == nil {
				entry.error = text
			}
		}
		// The end of a run does not hide the start of another run, which
		// took the lock after this run's start, before this end was written.
		prev := newest[fields[1]]
		hidesLaterStart := ends != nil && prev != nil && prev.unfinished && !prev.at.Before(ends.at)
		if prev == nil || (!at.Before(prev.at) && !hidesLaterStart) {
			newest[fields[1]] = entry
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if lastStart != nil && lastStart.unfinished {
		if lastStart.running, err = sqlite.SyncRunning(dbPath); err != nil {
			return nil, err
		}
	}
	out := make(map[string]syncLogEntry, len(newest))
	for name, entry := range newest {
		out[name] = *entry
	}
	return out, nil
}

// logField is the value of a key=value field of a sync log line (after
// its time, site and result), or "".
func logField(fields []string, key string) string {
	for _, f := range fields[3:] {
		if value, ok := strings.CutPrefix(f, key+"="); ok {
			return value
		}
	}
	return ""
}

// unfinishedText says what became of an unfinished sync, for the person
// reading doctor or schedule status: still running, or stopped without a
// word. now's location is the reader's.
func (e syncLogEntry) unfinishedText(now time.Time) string {
	started := fmt.Sprintf("started at %s (%s)", e.at.In(now.Location()).Format("2006-01-02 15:04"), ago(e.at, now))
	if e.running {
		return started + " and is running"
	}
	return started + " and did not finish (killed, or the machine stopped); the next sync resumes where it stopped"
}
