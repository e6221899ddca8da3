package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// Two commands started at once on a database that does not exist yet (the
// first sync, and an export or a second sync) both create and migrate it:
// the one that finds the other migrating waits for it rather than failing
// with "database is locked", so a second sync can go on to exit 5.
func TestOpeningANewDatabaseTwiceAtOnceMigratesItOnce(t *testing.T) {
	for round := 0; round < 40; round++ {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("round%d.db", round))
		var wg sync.WaitGroup
		errs := make([]error, 4)
		stores := make([]*Store, 4)
		for i := range stores {
			wg.Add(1)
			go func() {
				defer wg.Done()
				stores[i], errs[i] = Open(context.Background(), path)
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d: open %d: %v", round, i, err)
			}
			defer stores[i].Close()
		}
		names, err := stores[0].Migrations(context.Background())
		if err != nil || len(names) == 0 {
			t.Fatalf("migrations = %v, %v", names, err)
		}
		seen := map[string]bool{}
		for _, n := range names {
			if seen[n] {
				t.Errorf("migration %s recorded twice", n)
			}
			seen[n] = true
		}
	}
}

// A file at the database path that pmfolio cannot or may not use is
// refused, and left exactly as it was: not given pmfolio's tables, not
// switched to WAL, not upgraded by a command that only reads.
func TestOpenRefusesWhatIsNotAUsablePmfolioDatabaseAndLeavesItAlone(t *testing.T) {
	ctx := context.Background()
	foreign := func(t *testing.T, path string) {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('theirs')`); err != nil {
			t.Fatal(err)
		}
	}
	ours := func(t *testing.T, path string, change string) {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.db.Exec(change); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		name  string
		make  func(t *testing.T, path string)
		open  func(context.Context, string, ...StoreOption) (*Store, error)
		want  error
		after string // what the refusal names
	}{
		{"missing, to read", func(*testing.T, string) {}, OpenReadOnly, ErrNoDatabase, ""},
		{"missing, to curate", func(*testing.T, string) {}, OpenExisting, ErrNoDatabase, ""},
		{"empty file, to read", func(t *testing.T, p string) { writeFile(t, p, "") }, OpenReadOnly, ErrNoDatabase, ""},
		{"empty file, to curate", func(t *testing.T, p string) { writeFile(t, p, "") }, OpenExisting, ErrNoDatabase, ""},
		{"folder", func(t *testing.T, p string) { os.Mkdir(p, 0o700) }, Open, ErrFolder, ""},
		{"folder, to read", func(t *testing.T, p string) { os.Mkdir(p, 0o700) }, OpenReadOnly, ErrFolder, ""},
		{"not SQLite", func(t *testing.T, p string) { writeFile(t, p, "name,score\nsam,3\n") }, Open, ErrNotPmfolio, ""},
		{"another application's", foreign, Open, ErrNotPmfolio, "notes"},
		{"another application's, to read", foreign, OpenReadOnly, ErrNotPmfolio, "notes"},
		{"newer", func(t *testing.T, p string) {
			ours(t, p, `INSERT INTO migrations (name, applied_at) VALUES ('0099_future.sql', '2027-01-01T00:00:00.000Z')`)
		}, Open, ErrNewer, "0099_future.sql"},
		{"newer, to read", func(t *testing.T, p string) {
			ours(t, p, `INSERT INTO migrations (name, applied_at) VALUES ('0099_future.sql', '2027-01-01T00:00:00.000Z')`)
		}, OpenReadOnly, ErrNewer, "0099_future.sql"},
		{"still being made, to read", func(t *testing.T, p string) {
			ours(t, p, `DROP TABLE classifier; DELETE FROM migrations WHERE name = '0009_classifier.sql'`)
		}, OpenReadOnly, ErrNoDatabase, ""},
		{"older, to read", func(t *testing.T, p string) {
			ours(t, p, `DROP TABLE classifier; DELETE FROM migrations WHERE name = '0009_classifier.sql';
				INSERT INTO sites (url, account_id, name, deployment, created_at) VALUES ('https://acme.atlassian.net', 'a1', 'acme', 'cloud', '')`)
		}, OpenReadOnly, ErrOlder, "0009_classifier.sql"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pmfolio.db")
			tt.make(t, path)
			before := digest(path)
			s, err := tt.open(ctx, path)
			if err == nil {
				s.Close()
			}
			var refusal *Refusal
			if !errors.Is(err, tt.want) || !errors.As(err, &refusal) || refusal.Path != path || !strings.Contains(err.Error(), tt.after) {
				t.Fatalf("open = %v, want a refusal of %s for %v naming %q", err, path, tt.want, tt.after)
			}
			// The main file holds the journal mode and, once closed, every
			// table; a reader's empty -wal and -shm beside it change nothing.
			if after := digest(path); after != before {
				t.Errorf("refusing changed the file: %s, then %s", before, after)
			}
		})
	}
}

// A database the user may not write is read by read-only opening, and
// refused in words by opening to write, whether or not a reader left the
// files of its write-ahead log beside it.
func TestAReadOnlyDatabaseIsReadButNotWritten(t *testing.T) {
	ctx := context.Background()
	for _, readBefore := range []bool{false, true} {
		path := closedDatabase(t, filepath.Join(t.TempDir(), "data", "pmfolio.db"))
		if readBefore {
			s, err := OpenReadOnly(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			s.Sites(ctx)
			s.Close()
		}
		makeReadOnly(t, path)

		s, err := OpenReadOnly(ctx, path)
		if err != nil {
			t.Fatalf("read before: %v: open a read-only database to read: %v", readBefore, err)
		}
		sites, err := s.Sites(ctx)
		s.Close()
		if err != nil || len(sites) != 1 {
			t.Errorf("read before: %v: sites of a read-only database = %v, %v", readBefore, sites, err)
		}
		for name, open := range map[string]func(context.Context, string, ...StoreOption) (*Store, error){"Open": Open, "OpenExisting": OpenExisting} {
			s, err := open(ctx, path)
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, ErrReadOnly) {
				t.Errorf("read before: %v: %s of a read-only database = %v, want ErrReadOnly", readBefore, name, err)
			}
		}
	}
}

// makeReadOnly takes away the write permission of the file at path and of
// its folder. Root writes regardless of permissions, so there the files
// are made immutable instead, where the file system can.
func makeReadOnly(t *testing.T, path string) {
	t.Helper()
	dir := filepath.Dir(path)
	if os.Geteuid() != 0 {
		os.Chmod(path, 0o444)
		os.Chmod(dir, 0o555)
		t.Cleanup(func() { os.Chmod(dir, 0o700); os.Chmod(path, 0o600) })
		return
	}
	if err := exec.Command("chattr", "+i", path, dir).Run(); err != nil {
		t.Skipf("as root, a read-only file needs chattr +i: %v", err)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", path, dir).Run() })
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// digest is the digest of the file at path's contents; "none" without one,
// "folder" for a folder.
func digest(path string) string {
	if info, err := os.Stat(path); err != nil {
		return "none"
	} else if info.IsDir() {
		return "folder"
	}
	data, _ := os.ReadFile(path)
	return fmt.Sprintf("%x", sha256.Sum256(data))
}

// Opening to write does not wait for another process's write: a second
// sync must get past opening to its sync lock, and exit 5 at once.
func TestOpeningToWriteDoesNotWaitForAnotherWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pmfolio.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `ROLLBACK`)
	start := time.Now()
	other, err := OpenExisting(ctx, path)
	if err != nil {
		t.Fatalf("open while another writes: %v", err)
	}
	other.Close()
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("opening waited %v for the other writer", waited)
	}
}

// Reading leaves the folder as it was: no empty -wal and -shm beside the
// database after every read-only command, and nothing written through a
// reader.
func TestReadingLeavesNoLogFilesAndWritesNothing(t *testing.T) {
	ctx := context.Background()
	path := closedDatabase(t, filepath.Join(t.TempDir(), "pmfolio.db"))
	before := digest(path)

	r, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if sites, err := r.Sites(ctx); err != nil || len(sites) != 1 {
		t.Fatalf("sites = %v, %v", sites, err)
	}
	if _, err := r.EnsureSite(ctx, evidence.Site{URL: "https://other.atlassian.net", User: testMe}); err == nil {
		t.Error("a read-only store wrote a site")
	}
	r.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("reading left %s behind (%v)", path+suffix, err)
		}
	}
	if after := digest(path); after != before {
		t.Errorf("reading changed the database: %s, then %s", before, after)
	}
}

// closedDatabase makes a database at path holding one site, closed, and
// returns path.
func closedDatabase(t *testing.T, path string) string {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.EnsureSite(context.Background(), evidence.Site{URL: "https://acme.atlassian.net", User: testMe}); err != nil {
		t.Fatal(err)
	}
	return path
}

// A new database gets 16 KiB pages, which hold a stored issue's JSON in
// fewer overflow pages; one made with another page size keeps its own,
// since changing it would rewrite the whole file.
func TestANewDatabaseHas16KiBPagesAndAnOldOneKeepsItsOwn(t *testing.T) {
	ctx := context.Background()
	pageSize := func(path string) int {
		t.Helper()
		s, err := OpenExisting(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var n int
		if err := s.db.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if got := pageSize(closedDatabase(t, filepath.Join(t.TempDir(), "new.db"))); got != 16384 {
		t.Errorf("a new database has pages of %d bytes, want 16384", got)
	}
	old := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", old+"?_pragma=page_size(4096)")
	if err != nil {
		t.Fatal(err)
	}
	// Writing the header fixes the page size of a file still empty.
	if _, err := db.ExecContext(ctx, `PRAGMA user_version = 1`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(ctx, old)
	if err != nil {
		t.Fatalf("open a database made with 4 KiB pages: %v", err)
	}
	s.Close()
	if got := pageSize(old); got != 4096 {
		t.Errorf("a database made with 4 KiB pages has %d now", got)
	}
}
