//go:build unix

package evidence

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

func lockFile(f *os.File) (release func() error, err error) {
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return nil, ErrLocked
	}
	if err != nil {
		return nil, fmt.Errorf("take sync lock: %w", err)
	}
	return nil, nil
}
