package evidence

import "time"

// Period is the span of time a portfolio covers, both ends inclusive days.
type Period struct {
	Since time.Time
	Until time.Time
}

// Portfolio is everything an export needs, read from the store at once.
// Exports read it; they never write.
type Portfolio struct {
	GeneratedAt time.Time
	Sites       []Site
	Period      Period
	// Evidence holds the items that are not excluded, with curation applied,
	// ordered by OccurredAt then ID.
	Evidence []Evidence
}
