package main

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence/sqlite"
)

// A sync logs its start under the lock and its end with the same pid; the
// log says which syncs never ended, and which of those still runs.
func TestSyncLogTellsAKilledSyncFromARunningOneAndFromOneThatEnded(t *testing.T) {
	for _, tt := range []struct {
		name   string
		log    []string
		locked bool // a sync holds the lock
		// want is what each site's newest entry says: "ended" (nothing
		// to report), "failed", "killed" or "running".
		want map[string]string
	}{
		{"an older pmfolio's log, without starts",
			[]string{"2026-12-04T02:00:09Z acme ok issues=3 new_activities=1 new_evidence=1 requests=4 duration=9.0s"},
			false, map[string]string{"acme": "ended"}},
		{"a sync that ended",
			[]string{"2026-12-05T02:00:00Z acme started pid=7", "2026-12-05T02:00:09Z acme ok issues=3 duration=9.0s pid=7"},
			false, map[string]string{"acme": "ended"}},
		{"a sync killed after one that ended",
			[]string{"2026-12-04T02:00:00Z acme started pid=6", "2026-12-04T02:00:09Z acme ok duration=9.0s pid=6", "2026-12-05T02:00:00Z acme started pid=7"},
			false, map[string]string{"acme": "killed"}},
		{"a sync running",
			[]string{"2026-12-05T02:00:00Z acme started pid=7"},
			true, map[string]string{"acme": "running"}},
		{"a sync refused at the lock ends no other",
			[]string{"2026-12-05T02:00:00Z acme started pid=7", `2026-12-05T02:00:30Z acme failed exit=5 duration=0.0s pid=8 error="another pmfolio sync is running on this database"`},
			false, map[string]string{"acme": "killed"}},
		{"a later sync that ended",
			[]string{"2026-12-05T02:00:00Z acme started pid=7", "2026-12-06T02:00:00Z acme started pid=8", "2026-12-06T02:00:09Z acme ok duration=9.0s pid=8"},
			false, map[string]string{"acme": "ended"}},
		{"a later sync that failed before it started",
			[]string{"2026-12-05T02:00:00Z acme started pid=7", `2026-12-06T02:00:00Z acme failed exit=2 duration=0.0s pid=8 error="token_cmd failed"`},
			false, map[string]string{"acme": "failed"}},
		{"the end names the site as Jira does",
			[]string{"2026-12-05T02:00:00Z api.atlassian.com started pid=7", "2026-12-05T02:00:09Z acme ok duration=9.0s pid=7"},
			false, map[string]string{"api.atlassian.com": "ended", "acme": "ended"}},
		{"only the newest start can be the running one",
			[]string{"2026-12-05T02:00:00Z acme started pid=7", "2026-12-06T02:00:00Z oldjob started pid=8"},
			true, map[string]string{"acme": "killed", "oldjob": "running"}},
		{"a start of the pid again: the process was given a dead one's pid",
			[]string{"2026-12-05T02:00:00Z acme started pid=7", "2026-12-06T02:00:00Z oldjob started pid=7", "2026-12-06T02:00:09Z oldjob ok duration=9.0s pid=7"},
			false, map[string]string{"acme": "killed", "oldjob": "ended"}},
		{"an end written after the next sync took the lock",
			[]string{"2026-12-05T02:00:00Z acme started pid=7", "2026-12-05T02:00:09Z acme started pid=8", "2026-12-05T02:00:09Z acme ok duration=9.0s pid=7"},
			false, map[string]string{"acme": "killed"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "p.db")
			writeFile(t, syncLogPath(db), strings.Join(tt.log, "\n")+"\n")
			if tt.locked {
				lock, err := sqlite.LockForSync(db)
				if err != nil {
					t.Fatal(err)
				}
				defer lock.Unlock()
			}
			logged, err := syncLogBySite(db)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for name, e := range logged {
				switch {
				case e.running && e.unfinished:
					got[name] = "running"
				case e.unfinished:
					got[name] = "killed"
				case e.failed:
					got[name] = "failed"
				default:
					got[name] = "ended"
				}
			}
			if !maps.Equal(got, tt.want) {
				t.Errorf("sites %v = %v, want %v", slices.Sorted(maps.Keys(got)), got, tt.want)
			}
		})
	}
}

// What doctor and schedule status say of an unfinished sync, in the
// reader's time zone.
func TestAnUnfinishedSyncIsSaidInOneLine(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	started := time.Date(2026, 12, 5, 1, 0, 0, 0, time.UTC)
	now := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC).In(berlin)
	if got, want := (syncLogEntry{at: started, unfinished: true}).unfinishedText(now),
		"started at 2026-12-05 02:00 (9 hours ago) and did not finish (killed, or the machine stopped); the next sync resumes where it stopped"; got != want {
		t.Errorf("killed:\n got %q\nwant %q", got, want)
	}
	if got, want := (syncLogEntry{at: started, unfinished: true, running: true}).unfinishedText(now),
		"started at 2026-12-05 02:00 (9 hours ago) and is running"; got != want {
		t.Errorf("running:\n got %q\nwant %q", got, want)
	}
}
