//go:build !unix

package sqlite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/pmfolio/pmfolio/evidence"
)

// lockFile on systems without flock uses an exclusive marker file; unlike
// flock it can outlive a killed process, so the error says where it is.
func lockFile(f *os.File) (release func() error, err error) {
	marker := f.Name() + ".held"
	m, err := os.OpenFile(marker, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if os.IsExist(err) {
		return nil, fmt.Errorf("%w (remove %s if no sync is running)", evidence.ErrLocked, marker)
	}
	if err != nil {
		return nil, fmt.Errorf("take sync lock: %w", err)
	}
	if err := m.Close(); err != nil {
		return nil, err
	}
	return func() error { return os.Remove(marker) }, nil
}

// lockHeld says whether the marker of the lock file at path is there; a
// killed sync leaves it behind, and it reads as held until removed.
func lockHeld(path string) (bool, error) {
	_, err := os.Stat(path + ".held")
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}
