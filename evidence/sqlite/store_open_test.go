package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
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
