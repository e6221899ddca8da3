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

	"github.com/pmfolio/pmfolio/evidence"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
)

// syncLogPath is the sync log: sync.log beside the database, one line per
// site per run, for people reading cron results and for `pmfolio doctor`.
func syncLogPath(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "sync.log")
}

// appendSyncLog adds the line for one site's sync. The error is written as
// the one line a user would see, which never holds a secret.
func appendSyncLog(dbPath string, now time.Time, site siteConf, res evsync.Result, syncErr error) error {
	name := res.Site.Name
	if name == "" {
		name = site.Name
	}
	if name == "" {
		name = evidence.SiteNameFromURL(site.URL)
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
	line := fmt.Sprintf("%s %s %s issues=%d new_activities=%d new_evidence=%d requests=%d duration=%.1fs%s",
		now.UTC().Format(time.RFC3339), name, result, res.Issues, res.NewActivities, res.NewEvidence,
		res.Requests, res.Duration.Seconds(), errField)
	return writeLogLine(syncLogPath(dbPath), line)
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
}

// syncLogBySite reads the sync log into the newest entry per site name.
func syncLogBySite(dbPath string) (map[string]syncLogEntry, error) {
	out := map[string]syncLogEntry{}
	f, err := os.Open(syncLogPath(dbPath))
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 3 {
			continue
		}
		at, err := time.Parse(time.RFC3339, fields[0])
		if err != nil {
			continue
		}
		if len(fields) > 3 && fields[3] == fmt.Sprintf("exit=%d", exitLocked) {
			// Refused at the lock: it never ran, and the sync that held
			// the lock writes its own line.
			continue
		}
		entry := syncLogEntry{at: at, failed: fields[2] == "failed"}
		if _, quoted, ok := strings.Cut(sc.Text(), " error="); ok {
			if text, err := strconv.Unquote(quoted); err == nil {
				entry.error = text
			}
		}
		if prev, seen := out[fields[1]]; !seen || !at.Before(prev.at) {
			out[fields[1]] = entry
		}
	}
	return out, sc.Err()
}
