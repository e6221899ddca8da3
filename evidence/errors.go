package evidence

import "errors"

// ErrLocked means another process holds the sync lock of the database.
var ErrLocked = errors.New("another pmfolio sync is using this database")
