package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/pmfolio/pmfolio/evidence/sqlite"
)

// createdDatabase is a database a command is about to create: what it may
// remove again if it ends up holding nothing.
type createdDatabase struct {
	path string
	// lockFile says the sync lock beside it is new too.
	lockFile bool
}

// newDatabase says whether the database at path is yet to be created:
// nil when it exists.
func newDatabase(path string) (*createdDatabase, error) {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		if err != nil {
			return nil, fmt.Errorf("database %s: %w", path, err)
		}
		return nil, nil
	}
	_, err := os.Stat(path + ".lock")
	return &createdDatabase{path: path, lockFile: errors.Is(err, fs.ErrNotExist)}, nil
}

// removeIfUnused closes store and removes the database it created when
// nothing of the user's made it in (no issue, no curation, no work added
// by hand): a first sync that failed leaves no empty database that would
// pass for a synced one. It holds the sync lock while it looks and
// removes, and leaves the database alone when another process holds it.
// sync.log stays: it says what failed.
func (c *createdDatabase) removeIfUnused(ctx context.Context, store *sqlite.Store) {
	ctx = context.WithoutCancel(ctx) // Ctrl-C ended the sync, not the clean-up
	lock, err := sqlite.LockForSync(c.path)
	if err != nil {
		return
	}
	defer lock.Unlock()
	counts, err := store.TableCounts(ctx)
	if err != nil || counts["issues"]+counts["manual_evidence"]+counts["curation"]+counts["outcomes"] > 0 {
		return
	}
	if store.Close() != nil {
		return
	}
	for _, suffix := range databaseSuffixes {
		if err := os.Remove(c.path + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return
		}
	}
	if c.lockFile {
		os.Remove(c.path + ".lock") // held until Unlock; where it cannot go while open, it stays
	}
}
