//go:build unix

package sqlite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"github.com/pmfolio/pmfolio/evidence"
)

func lockFile(f *os.File) (release func() error, err error) {
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return nil, evidence.ErrLocked
	}
	if err != nil {
		return nil, fmt.Errorf("take sync lock: %w", err)
	}
	return nil, nil
}

// lockHeld says whether a process holds the flock on the file at path; a
// file that is not there is held by none.
func lockHeld(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close() // closing the descriptor drops the shared lock
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return true, nil
	}
	return false, err
}
