package main

import (
	"context"
	"fmt"
	"os"

	"github.com/pmfolio/pmfolio/evidence/sqlite"
)

// openExistingStore opens the database for commands that only read it: a
// missing one is a mistake to explain, not a file to create.
func openExistingStore(ctx context.Context, path string, opts ...sqlite.StoreOption) (*sqlite.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, &userError{Kind: kindData, Message: fmt.Sprintf("no database at %s", path), Err: err,
			Hint: "run 'pmfolio sync' first, or 'pmfolio demo' to try the sample site"}
	}
	return sqlite.Open(ctx, path, opts...)
}
