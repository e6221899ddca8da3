package export

import (
	"io"

	"github.com/pmfolio/pmfolio/evidence"
)

// listedEvidence is an item of `pmfolio evidence list --format json`: the
// export's item, plus whether the user excluded it (the list can show
// excluded items; the export never does).
type listedEvidence struct {
	jsonEvidence
	Excluded bool `json:"excluded"`
}

// EvidenceList writes items as a JSON array in the export's item shape,
// each with an "excluded" flag, in the order given.
func EvidenceList(w io.Writer, items []evidence.Evidence) error {
	out := make([]listedEvidence, 0, len(items))
	for i := range items {
		out = append(out, listedEvidence{jsonEvidence: evidenceJSON(&items[i]), Excluded: items[i].Excluded})
	}
	return writeJSON(w, out)
}
