package sqlite

import (
	"errors"
	"fmt"
)

// Why opening refuses a file (Refusal.Reason): each calls for a different
// thing to do, which the command line says.
var (
	ErrNoDatabase = errors.New("no pmfolio database there yet")
	ErrFolder     = errors.New("a folder, not a database file")
	ErrNotPmfolio = errors.New("not a pmfolio database")
	ErrNewer      = errors.New("made by a newer pmfolio")
	ErrOlder      = errors.New("made by an older pmfolio: it needs upgrading first")
	ErrReadOnly   = errors.New("cannot be written: the file or its folder is read-only")
)

// Refusal is opening's refusal to use the file at Path, for Reason. The
// file is left exactly as it was.
type Refusal struct {
	Path   string
	Reason error
	// Detail names what decided it: the unknown migration of a newer
	// pmfolio, the first pending one of an older, another's tables.
	Detail string
	// Err is SQLite's own error, when there is one.
	Err error
}

func (r *Refusal) Error() string {
	msg := fmt.Sprintf("database %s: %v", r.Path, r.Reason)
	if r.Detail != "" {
		msg += " (" + r.Detail + ")"
	}
	return msg
}

func (r *Refusal) Unwrap() []error {
	if r.Err == nil {
		return []error{r.Reason}
	}
	return []error{r.Reason, r.Err}
}
