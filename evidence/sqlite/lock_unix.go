//go:build unix

package sqlite

import (
	"errors"
	"fmt"
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
