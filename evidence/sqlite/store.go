package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver

	"github.com/pmfolio/pmfolio/evidence"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// timeLayout is how times are stored: UTC with fixed width, so that text
// order is time order in SQL comparisons and indexes.
const timeLayout = "2006-01-02T15:04:05.000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(timeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t, nil
}

// Store is pmfolio's SQLite database.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
	// categories are those evidence may carry, the user's included; nil
	// means the built-in ones.
	categories []evidence.Category
	// snapshot, when set, is the read transaction Portfolio reads through.
	snapshot *sql.Tx
	// pages is the connection SavePage writes through (pageConn), shared
	// by the copies Portfolio makes.
	pages *pageConnection
}

// pageConnection is the connection SavePage writes through, made on the
// first page, and the statements prepared for it; mu holds them for one
// page at a time.
type pageConnection struct {
	mu    sync.Mutex
	conn  *sql.Conn
	stmts map[string]*sql.Stmt
}

// queryer is what reads need: the database, or a snapshot of it.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// execer is what a write needs: the database, or a transaction.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// reader is where reads go: the snapshot being read, else the database.
func (s *Store) reader() queryer {
	if s.snapshot != nil {
		return s.snapshot
	}
	return s.db
}

// StoreOption configures Open.
type StoreOption func(*Store)

// WithClock sets the clock that stamps rows; tests fix it.
func WithClock(now func() time.Time) StoreOption {
	return func(s *Store) { s.now = now }
}

// WithCategories sets the categories portfolios offer, the user's own
// included (RuleSet.Categories); without it they are the built-in ones.
func WithCategories(cats []evidence.Category) StoreOption {
	return func(s *Store) { s.categories = cats }
}

// openMode is what opening may do to the file at a database path.
type openMode int

const (
	// create makes the database when there is none, and upgrades it.
	create openMode = iota
	// existing upgrades a database that is there, and makes none.
	existing
	// readOnly changes nothing: no file, no schema, no upgrade.
	readOnly
)

// Open opens the database at path for writing, creating it if needed, and
// applies any migrations it has not seen yet. It refuses what is not a
// pmfolio database, or is one of a newer pmfolio (see Refusal).
func Open(ctx context.Context, path string, opts ...StoreOption) (*Store, error) {
	return openWith(ctx, path, create, opts)
}

// OpenExisting opens the database at path for writing, as Open does, but
// creates none: a missing or empty file is ErrNoDatabase.
func OpenExisting(ctx context.Context, path string, opts ...StoreOption) (*Store, error) {
	return openWith(ctx, path, existing, opts)
}

// OpenReadOnly opens the database at path for reading only: it creates,
// migrates and changes nothing, and it also reads a database the user may
// not write. One that needs migrations is ErrOlder.
func OpenReadOnly(ctx context.Context, path string, opts ...StoreOption) (*Store, error) {
	return openWith(ctx, path, readOnly, opts)
}

func openWith(ctx context.Context, path string, mode openMode, opts []StoreOption) (*Store, error) {
	switch info, err := os.Stat(path); {
	case errors.Is(err, fs.ErrNotExist) && mode != create:
		return nil, &Refusal{Path: path, Reason: ErrNoDatabase}
	case err == nil && info.IsDir():
		return nil, &Refusal{Path: path, Reason: ErrFolder}
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("create database directory: %w", err)
		}
	case err != nil:
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	// A brand-new file switches to WAL and is migrated by whichever process
	// gets there first. SQLite answers SQLITE_BUSY at once, without waiting
	// out busy_timeout, to a connection that finds the file mid-switch, so
	// opening starts again after a short pause until openPatience runs out.
	deadline := time.Now().Add(openPatience)
	for {
		s, err := openOnce(ctx, path, mode, opts)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return s, err
		}
		pause := time.Duration(10+rand.IntN(40)) * time.Millisecond
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(pause):
		}
	}
}

// openOnce makes one attempt at opening the database in mode.
func openOnce(ctx context.Context, path string, mode openMode, opts []StoreOption) (*Store, error) {
	if mode != readOnly {
		return open(ctx, path, mode, "", opts)
	}
	// Read-write but refusing every change: SQLite removes the files of
	// the write-ahead log when the last connection closes, which a mode=ro
	// connection may not do (a read-only command would leave an empty -wal
	// and a -shm beside the database each time).
	s, err := open(ctx, path, mode, "mode=rw&_pragma=query_only(1)", opts)
	if isReadOnly(err) {
		s, err = open(ctx, path, mode, "mode=ro", opts)
	}
	if isReadOnly(err) {
		// A WAL database in a folder the user may not write has no
		// shared-memory file to read through; unchanging, it can be read
		// as it is on disk.
		s, err = open(ctx, path, mode, "immutable=1", opts)
	}
	return s, err
}

// busyTimeout is how long a statement waits for a lock another connection
// holds before SQLite answers SQLITE_BUSY.
const busyTimeout = 10 * time.Second

// openPatience is how long Open keeps retrying a database another process is
// creating; it matches busy_timeout.
const openPatience = busyTimeout

// open opens the database in mode; uri is SQLite's URI parameters for a
// read-only open.
func open(ctx context.Context, path string, mode openMode, uri string, opts []StoreOption) (*Store, error) {
	// Pragmas go in the DSN so that every pooled connection gets them.
	// WAL, which is the file's and not a connection's, is switched to only
	// once the file is known to be pmfolio's. A new file gets 16 KiB pages
	// (SQLite keeps an existing file's): a stored issue is some 23 kB of
	// JSON, which 4 KiB pages split over six overflow pages, each written
	// twice (to the log, then at the checkpoint); the first sync spends
	// about a seventh less CPU (BENCHMARKS.md).
	pragmas := fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)", busyTimeout.Milliseconds())
	dsn := path + "?" + pragmas + "&_pragma=synchronous(NORMAL)&_pragma=page_size(16384)"
	if mode == readOnly {
		dsn = "file:" + uriPath.Replace(path) + "?" + uri + "&" + pragmas
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{db: db, path: path, now: time.Now, pages: &pageConnection{}}
	for _, o := range opts {
		o(s)
	}
	if err := s.prepare(ctx, mode, migrationFiles); err != nil {
		db.Close()
		var refusal *Refusal
		if errors.As(err, &refusal) {
			refusal.Path = path
			return nil, refusal
		}
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

// uriPath escapes what a file path may hold that SQLite's URI filenames
// give a meaning to.
var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// prepare makes sure the file is a pmfolio database this pmfolio can use,
// and in a write mode brings its schema up to date and checks that it can
// be written.
func (s *Store) prepare(ctx context.Context, mode openMode, fsys fs.FS) error {
	state, err := s.schema(ctx, fsys)
	if err != nil {
		return err
	}
	switch {
	case state.empty && mode != create:
		return &Refusal{Reason: ErrNoDatabase}
	case mode == readOnly && len(state.pending) > 0:
		// A first sync migrates a new file one step at a time: until it
		// stores something, a reader finds no database yet, not an old one.
		var held int
		if err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM sites) + (SELECT count(*) FROM manual_evidence)`).Scan(&held); err != nil || held == 0 {
			return &Refusal{Reason: ErrNoDatabase}
		}
		// The first sync may have migrated the file and stored its site
		// between the two reads: the database is then new, not old.
		if again, err := s.schema(ctx, fsys); err == nil && len(again.pending) == 0 {
			return nil
		}
		return &Refusal{Reason: ErrOlder, Detail: state.pending[0]}
	case mode == readOnly:
		return nil
	}
	if _, err := s.db.ExecContext(ctx, `PRAGMA journal_mode = WAL`); err != nil {
		return writeRefusal(fmt.Errorf("switch to WAL: %w", err))
	}
	if err := s.migrate(ctx, fsys); err != nil {
		return writeRefusal(err)
	}
	return s.checkWritable(ctx)
}

// checkWritable finds out now, in words, rather than at the command's
// first write, that the file (or its folder) cannot be written. A
// statement that writes nothing still asks for the write lock, which SQLite
// refuses such a file before it waits for anyone: a busy database is one
// another process is writing, so it need not be waited for (a second sync
// must reach its sync lock and exit 5 at once).
func (s *Store) checkWritable(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA busy_timeout = 0`); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, `DELETE FROM migrations WHERE 0`)
	if _, resetErr := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA busy_timeout = %d`, busyTimeout.Milliseconds())); resetErr != nil {
		return resetErr
	}
	if err != nil && !isBusy(err) {
		return writeRefusal(err)
	}
	return nil
}

// writeRefusal is err, or the refusal to use a database that cannot be
// written when that is what err says.
func writeRefusal(err error) error {
	if isReadOnly(err) {
		return &Refusal{Reason: ErrReadOnly, Err: err}
	}
	return err
}

// schemaState is what the file holds: nothing yet, or pmfolio's schema
// missing the pending migrations.
type schemaState struct {
	empty   bool
	pending []string
}

// schema reads which of fsys's migrations the file has, refusing a file
// that is not SQLite, holds another application's tables, or records a
// migration this pmfolio does not know (a newer pmfolio's).
func (s *Store) schema(ctx context.Context, fsys fs.FS) (schemaState, error) {
	var state schemaState
	tables, err := s.queryStrings(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		if sqliteCode(err) == sqliteNotADB {
			return state, &Refusal{Reason: ErrNotPmfolio, Err: err}
		}
		return state, writeRefusal(fmt.Errorf("read schema: %w", err))
	}
	known, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return state, err
	}
	for i := range known {
		known[i] = filepath.Base(known[i])
	}
	sort.Strings(known)
	var applied []string
	if slices.Contains(tables, "migrations") {
		if applied, err = s.Migrations(ctx); err != nil {
			return state, &Refusal{Reason: ErrNotPmfolio, Err: err} // someone else's migrations table
		}
	}
	if len(applied) == 0 {
		// Only the migrations table, or nothing: a database a process has
		// just begun to create, or an empty file.
		state.empty = len(tables) == 0 || len(tables) == 1 && tables[0] == "migrations"
		if !state.empty {
			return state, &Refusal{Reason: ErrNotPmfolio, Detail: strings.Join(tables[:min(3, len(tables))], ", ")}
		}
		state.pending = known
		return state, nil
	}
	if !slices.Contains(applied, known[0]) {
		return state, &Refusal{Reason: ErrNotPmfolio, Detail: strings.Join(tables[:min(3, len(tables))], ", ")}
	}
	for _, name := range applied {
		if !slices.Contains(known, name) {
			return state, &Refusal{Reason: ErrNewer, Detail: name}
		}
	}
	for _, name := range known {
		if !slices.Contains(applied, name) {
			state.pending = append(state.pending, name)
		}
	}
	return state, nil
}

// SQLite's primary result codes that opening tells apart.
const (
	sqliteReadOnly = 8
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

// sqliteCode is the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var coded interface{ Code() int }
	if !errors.As(err, &coded) {
		return 0
	}
	return coded.Code() & 0xff
}

// isReadOnly reports an error of a file, or a folder for its journal,
// that cannot be written.
func isReadOnly(err error) bool {
	code := sqliteCode(err)
	return code == sqliteReadOnly || code == sqliteCantOpen
}

// DiskFull reports whether err is SQLite's word that the disk holding the
// database has no room left for it.
func DiskFull(err error) bool {
	return sqliteCode(err) == sqliteFull
}

// isBusy reports SQLite's SQLITE_BUSY or SQLITE_LOCKED, extended codes
// included.
func isBusy(err error) bool {
	code := sqliteCode(err)
	return code == 5 || code == 6
}

// Close closes the database.
func (s *Store) Close() error {
	s.pages.mu.Lock()
	for _, stmt := range s.pages.stmts {
		stmt.Close()
	}
	s.pages.stmts = nil
	if s.pages.conn != nil {
		s.pages.conn.Close()
		s.pages.conn = nil
	}
	s.pages.mu.Unlock()
	return s.db.Close()
}

// pageConnPragmas tune the connection that writes sync pages, and only it.
// A multi-row INSERT into a table with foreign keys keeps a statement
// journal of every database page it changes, which SQLite moves to a
// temporary file beyond 64 KiB, with two write calls a page: a sixth of
// the CPU of storing a first sync. In memory it costs a copy, and the
// journal only lives while one statement of 256 rows runs. What a commit
// guarantees is untouched. Other connections keep temporary files on disk,
// where large sorts of a read belong.
var pageConnPragmas = []string{`PRAGMA temp_store = MEMORY`}

// pageConn returns the connection SavePage writes through, opening it and
// tuning it with pageConnPragmas on first use. The caller holds
// s.pages.mu.
func (s *Store) pageConn(ctx context.Context) (*sql.Conn, error) {
	if s.pages.conn != nil {
		return s.pages.conn, nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	for _, pragma := range pageConnPragmas {
		if _, err := conn.ExecContext(ctx, pragma); err != nil {
			conn.Close()
			return nil, fmt.Errorf("%s: %w", pragma, err)
		}
	}
	s.pages.conn = conn
	return conn, nil
}

// prepareFunc prepares a statement for use within one transaction, which
// closes it.
type prepareFunc func(ctx context.Context, query string) (*sql.Stmt, error)

// pagePrepare returns the prepareFunc of a transaction on the page
// connection: a page's dozen statements, multi-row INSERTs of thousands of
// parameters among them, are compiled once per Store rather than once per
// page. The caller holds s.pages.mu.
func (s *Store) pagePrepare(tx *sql.Tx) prepareFunc {
	return func(ctx context.Context, query string) (*sql.Stmt, error) {
		stmt, ok := s.pages.stmts[query]
		if !ok {
			var err error
			if stmt, err = s.db.PrepareContext(ctx, query); err != nil {
				return nil, err
			}
			if s.pages.stmts == nil {
				s.pages.stmts = map[string]*sql.Stmt{}
			}
			s.pages.stmts[query] = stmt
		}
		// The transaction reuses what the statement compiled on its
		// connection, the page connection, after the first time.
		return tx.StmtContext(ctx, stmt), nil
	}
}

// txPrepare is the prepareFunc of any transaction.
func txPrepare(tx *sql.Tx) prepareFunc { return tx.PrepareContext }

// chunkSizes splits n rows into statements of at most most rows (a power
// of two), the rest in powers of two: a few statement sizes serve every n,
// so that they are prepared once.
func chunkSizes(n, most int) []int {
	var sizes []int
	for ; n >= most; n -= most {
		sizes = append(sizes, most)
	}
	for size := most / 2; size >= 1; size /= 2 {
		if n >= size {
			sizes = append(sizes, size)
			n -= size
		}
	}
	return sizes
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// migrate applies, in name order, each migrations/*.sql of fsys that the
// database has not recorded yet, one transaction each.
func (s *Store) migrate(ctx context.Context, fsys fs.FS) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (
		name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		if err := s.applyMigration(ctx, fsys, name); err != nil {
			return err
		}
	}
	return nil
}

// applyMigration applies one migration unless the database records it.
// Two processes may open a new database at once (the first sync and an
// export, or two syncs): the write lock is taken before the check
// (BEGIN IMMEDIATE, which waits out busy_timeout), so the second waits for
// the first's migration and then finds it done. A deferred transaction
// would fail at once with "database is locked" when its read turned into a
// write after the other's commit.
func (s *Store) applyMigration(ctx context.Context, fsys fs.FS, name string) error {
	base := filepath.Base(name)
	applied := func(q interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}) (bool, error) {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, base).Scan(&n); err != nil {
			return false, fmt.Errorf("read migrations: %w", err)
		}
		return n > 0, nil
	}
	if done, err := applied(s.db); err != nil || done {
		return err // the usual case, with no lock taken
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		return fmt.Errorf("migration %s: %w", base, err)
	}
	committed := false
	defer func() {
		if !committed {
			conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
		}
	}()
	if done, err := applied(conn); err != nil || done {
		return err
	}
	body, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s: %w", base, err)
	}
	if _, err := conn.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES (?, ?)`,
		base, formatTime(s.now())); err != nil {
		return fmt.Errorf("record migration %s: %w", base, err)
	}
	if _, err := conn.ExecContext(ctx, `COMMIT`); err != nil {
		return fmt.Errorf("migration %s: %w", base, err)
	}
	committed = true
	return nil
}

// Migrations lists the names of the applied migrations, oldest first.
func (s *Store) Migrations(ctx context.Context) ([]string, error) {
	return s.queryStrings(ctx, `SELECT name FROM migrations ORDER BY name`)
}

// queryStrings runs a query of one text column and collects its values.
func (s *Store) queryStrings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.reader().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var values []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		values = append(values, v)
	}
	return values, rows.Err()
}

// EnsureSite returns the stored site for (URL, account), creating it or
// refreshing its name, deployment and user names.
func (s *Store) EnsureSite(ctx context.Context, site evidence.Site) (evidence.Site, error) {
	site.URL = strings.TrimRight(site.URL, "/")
	if site.URL == "" || site.User.ID == "" {
		return evidence.Site{}, errors.New("ensure site: a site needs a URL and an account id")
	}
	if site.Name == "" {
		site.Name = evidence.SiteNameFromURL(site.URL)
	}
	// The same site written another way ("HTTP://Acme.atlassian.net/?x")
	// is the stored one, under its stored URL: its evidence ids derive
	// from it, and a second copy would count every item twice.
	stored, err := s.storedSiteURL(ctx, site)
	if err != nil {
		return evidence.Site{}, err
	}
	site.URL = stored
	err = s.db.QueryRowContext(ctx, `
		INSERT INTO sites (url, account_id, name, deployment, user_name, display_name, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (url, account_id) DO UPDATE SET
			name = excluded.name, deployment = excluded.deployment,
			user_name = excluded.user_name, display_name = excluded.display_name
		RETURNING id`,
		site.URL, site.User.ID, site.Name, site.Deployment, site.User.Name, site.User.DisplayName,
		formatTime(s.now())).Scan(&site.ID)
	if err != nil {
		return evidence.Site{}, fmt.Errorf("ensure site %s: %w", site.URL, err)
	}
	return site, nil
}

// storedSiteURL is the URL a stored site of the account has that names the
// same site as site.URL (evidence.SameSiteURL), else site.URL.
func (s *Store) storedSiteURL(ctx context.Context, site evidence.Site) (string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url FROM sites WHERE account_id = ? ORDER BY id`, site.User.ID)
	if err != nil {
		return "", fmt.Errorf("ensure site %s: %w", site.URL, err)
	}
	defer rows.Close()
	for rows.Next() {
		var url string
		if err := rows.Scan(&url); err != nil {
			return "", err
		}
		if evidence.SameSiteURL(url, site.URL) {
			return url, nil
		}
	}
	return site.URL, rows.Err()
}

// Sites lists the stored sites by name.
func (s *Store) Sites(ctx context.Context) ([]evidence.Site, error) {
	rows, err := s.reader().QueryContext(ctx, `
		SELECT id, url, account_id, name, deployment, user_name, display_name
		FROM sites ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("list sites: %w", err)
	}
	defer rows.Close()
	var sites []evidence.Site
	for rows.Next() {
		var st evidence.Site
		if err := rows.Scan(&st.ID, &st.URL, &st.User.ID, &st.Name, &st.Deployment,
			&st.User.Name, &st.User.DisplayName); err != nil {
			return nil, err
		}
		sites = append(sites, st)
	}
	return sites, rows.Err()
}

// StoredSince returns the site's stored issues updated at or after since,
// by id, with their `updated` (sync.Sink).
func (s *Store) StoredSince(ctx context.Context, siteID int64, since time.Time) (map[string]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT issue_id, updated_at FROM issues WHERE site_id = ? AND updated_at >= ?`,
		siteID, formatTime(since))
	if err != nil {
		return nil, fmt.Errorf("read stored issues: %w", err)
	}
	defer rows.Close()
	out := map[string]time.Time{}
	for rows.Next() {
		var id, at string
		if err := rows.Scan(&id, &at); err != nil {
			return nil, fmt.Errorf("read stored issues: %w", err)
		}
		if out[id], err = parseTime(at); err != nil {
			return nil, err
		}
	}
	return out, rows.Err()
}

// SyncCursor is the newest `updated` of the last committed page of a site;
// ok is false before the first sync.
func (s *Store) SyncCursor(ctx context.Context, siteID int64) (cursor time.Time, ok bool, err error) {
	var text string
	err = s.db.QueryRowContext(ctx, `SELECT cursor FROM sync_state WHERE site_id = ?`, siteID).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("read sync cursor: %w", err)
	}
	cursor, err = parseTime(text)
	return cursor, err == nil, err
}

// IntegrityCheck runs SQLite's integrity check and reports what it finds.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("the database is damaged: %s", strings.Join(problems, "; "))
	}
	return nil
}
