package sqlite

import (
	"errors"
	"fmt"
	"os"
)

// SyncLock is an exclusive, process-wide lock beside the database file. The
// operating system releases it when the process dies, so a killed sync never
// leaves a stale lock behind.
type SyncLock struct {
	file    *os.File
	release func() error // extra clean-up where the platform needs it
}

// LockForSync takes the sync lock of the database at dbPath without waiting;
// it returns evidence.ErrLocked when another process holds it.
func LockForSync(dbPath string) (*SyncLock, error) {
	f, err := os.OpenFile(dbPath+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open sync lock: %w", err)
	}
	release, err := lockFile(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &SyncLock{file: f, release: release}, nil
}

// Unlock releases the lock.
func (l *SyncLock) Unlock() error {
	err := l.file.Close() // closing the descriptor drops a flock
	if l.release != nil {
		err = errors.Join(err, l.release())
	}
	return err
}

// SyncRunning says whether a process holds the sync lock of the database at
// dbPath: whether a sync is running now. It creates no lock file, so it
// looks where the database may only be read. To look it takes a shared lock
// for as long as a system call lasts, during which a sync that starts would
// be refused as if another were running.
func SyncRunning(dbPath string) (bool, error) {
	held, err := lockHeld(dbPath + ".lock")
	if err != nil {
		return false, fmt.Errorf("look at sync lock: %w", err)
	}
	return held, nil
}

// LockSync takes the sync lock of the store's database (see LockForSync)
// and returns what releases it.
func (s *Store) LockSync() (unlock func() error, err error) {
	l, err := LockForSync(s.path)
	if err != nil {
		return nil, err
	}
	return l.Unlock, nil
}
