package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence/sqlite"
)

// A file at the database path that is no database of this pmfolio is
// refused by every command with one line that says what to do, and the
// commands that only read never change it: they create no schema, switch
// nothing to WAL and upgrade nothing.
func TestEveryCommandRefusesADatabaseItCannotUseAndLeavesItAlone(t *testing.T) {
	readers := [][]string{{"stats"}, {"export"}, {"evidence", "list"}, {"evidence", "show", "ev_1"},
		{"bullets"}, {"stories"}, {"next"}, {"outcome", "list"}}
	writers := [][]string{{"evidence", "exclude", "ev_1"}, {"reclassify"}}
	pmfolioDB := func(t *testing.T, path, change string) {
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		execSQL(t, path, change)
	}
	for _, tt := range []struct {
		name    string
		make    func(t *testing.T, path string)
		line    string // of every command
		writers bool   // the writers refuse too
		doctor  string // doctor's database line
	}{
		{"empty file", func(t *testing.T, p string) { os.WriteFile(p, nil, 0o600) },
			"no database at %s yet", true, "ok    database           none yet"},
		{"folder", func(t *testing.T, p string) { os.Mkdir(p, 0o700) },
			"the database path %s is a folder, not a file", true, "FAIL  database           the database path"},
		{"another application's", func(t *testing.T, p string) { execSQL(t, p, `CREATE TABLE notes (body TEXT)`) }, "%s is not a pmfolio database (it holds other tables: notes)", true, "FAIL  database           "},
		{"newer", func(t *testing.T, p string) {
			pmfolioDB(t, p, `INSERT INTO migrations (name, applied_at) VALUES ('0099_future.sql', '')`)
		}, "the database at %s was made by a newer pmfolio (it has migration 0099_future.sql)", true, "FAIL  database           "},
		{"older", func(t *testing.T, p string) {
			pmfolioDB(t, p, `DROP TABLE classifier; DELETE FROM migrations WHERE name = '0009_classifier.sql';
				INSERT INTO sites (url, account_id, name, deployment, created_at) VALUES ('https://acme.atlassian.net', 'a1', 'acme', 'cloud', '')`)
		}, "the database at %s was made by an older pmfolio and needs upgrading first", false, "warn  database           "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			env := isolatedEnv(t)
			path := filepath.Join(t.TempDir(), "pmfolio.db")
			env["PMFOLIO_DB"] = path
			tt.make(t, path)
			before := fileDigest(path)
			want := "pmfolio: " + fmt.Sprintf(tt.line, path) + "\n"
			for _, args := range readers {
				r := (cli{env: env}).run(t, args...)
				if r.code != exitFailure || !strings.HasPrefix(r.errOut, want) {
					t.Errorf("%s: exit %d, %q; want exit 1, %q", strings.Join(args, " "), r.code, r.errOut, want)
				}
				if after := fileDigest(path); after != before {
					t.Fatalf("%s changed the file", strings.Join(args, " "))
				}
			}
			r := (cli{env: env}).run(t, "doctor")
			if !strings.Contains(r.out, tt.doctor) || strings.Contains(r.out, "move the file aside") {
				t.Errorf("doctor:\n%s", r.out)
			}
			if after := fileDigest(path); after != before {
				t.Fatal("doctor changed the file")
			}
			for _, args := range writers {
				r := (cli{env: env}).run(t, args...)
				if tt.writers && (r.code != exitFailure || !strings.HasPrefix(r.errOut, want)) {
					t.Errorf("%s: exit %d, %q; want exit 1, %q", strings.Join(args, " "), r.code, r.errOut, want)
				}
			}
		})
	}
}

// fileDigest is the digest of the contents of the file at path; a folder's
// and a missing file's are their own.
func fileDigest(path string) string {
	if info, err := os.Stat(path); err != nil || info.IsDir() {
		return fmt.Sprint(err, info != nil && info.IsDir())
	}
	data, _ := os.ReadFile(path)
	return fmt.Sprintf("%x", sha256.Sum256(data))
}

// execSQL runs statements on the database at path straight through SQLite,
// as another program (or an older pmfolio) would.
func execSQL(t *testing.T, path, statements string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(statements); err != nil {
		t.Fatal(err)
	}
}

// A database that cannot be written is refused with the chmod that makes
// it writable: SQLite's log files that a refused open left beside it have
// the database's read-only mode, and with the database alone made
// writable the next sync would be refused again, with the same hint.
func TestTheHintForAReadOnlyDatabaseNamesItsLogFilesToo(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pmfolio.db")
	for _, leftBehind := range []bool{false, true} {
		files := []string{path}
		if leftBehind {
			files = append(files, path+"-wal", path+"-shm")
		}
		for _, f := range files {
			if err := os.WriteFile(f, nil, 0o444); err != nil {
				t.Fatal(err)
			}
		}
		ue := explain(&sqlite.Refusal{Path: path, Reason: sqlite.ErrReadOnly}, hintContext{})
		want := "run: chmod u+w " + strings.Join(files, " ") + " " + dir + " ("
		if ue.Kind.code() != exitFailure || !strings.HasPrefix(ue.Hint, want) {
			t.Errorf("log files left behind: %v: exit %d, hint %q; want it to start %q", leftBehind, ue.Kind.code(), ue.Hint, want)
		}
	}
}

// A disk that fills up under the database is said in words with what to
// do, rather than as SQLite's "database or disk is full (13)"; a full disk
// under standard output is not the database's (output_test.go).
func TestAFullDiskIsSaidInWords(t *testing.T) {
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "small.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// A database allowed few pages is full as a full disk makes it.
	_, err = db.Exec(`PRAGMA max_page_count = 2; CREATE TABLE t (b BLOB); INSERT INTO t VALUES (zeroblob(100000))`)
	if err == nil {
		t.Fatal("a database of two pages took 100 kB")
	}
	ue := explain(fmt.Errorf("store activities: %w", err), hintContext{})
	if ue.Kind.code() != exitFailure || ue.line() != "the disk that holds the database is full" || !strings.Contains(ue.Hint, "free some space") {
		t.Errorf("exit %d, %q, hint %q", ue.Kind.code(), ue.line(), ue.Hint)
	}
}
