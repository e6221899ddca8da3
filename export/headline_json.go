package export

import "github.com/pmfolio/pmfolio/evidence"

// The brief's headline, traceable: its text, the initiatives it counts
// ("I led 7 initiatives; 6 shipped, 4 with a recorded result") and the
// claims it counts ("recorded 72 product decisions"), each claim's number
// recomputable from the export's evidence of its category (claimCount:
// issues, epics or items, as the category counts).

// jsonHeadline is the headline object of the JSON export (added fields of
// schema version 1; absent for an empty portfolio).
type jsonHeadline struct {
	Text        string           `json:"text"`
	Initiatives []jsonInitiative `json:"initiatives"`
	Claims      []jsonClaim      `json:"claims"`
}

// jsonInitiative is an initiative the headline counts as led: one whose
// epic the user owned.
type jsonInitiative struct {
	Site     string `json:"site"`
	EpicKey  string `json:"epic_key"`
	EpicURL  string `json:"epic_url"`
	Summary  string `json:"summary"`
	Shipped  bool   `json:"shipped"`
	Outcome  string `json:"outcome"`  // "" when none is recorded
	Evidence int    `json:"evidence"` // the initiative's items in "evidence"
	// EarlierEpics are the keys of the initiative's earlier phases, each an
	// epic of its own, first phase first; the epic above is the latest.
	EarlierEpics []string `json:"earlier_epic_keys,omitempty"`
	// SponsorQuotes are the replies of others that handed the initiative
	// over and that praised its result, as the brief quotes them.
	SponsorQuotes []jsonSponsorQuote `json:"sponsor_quotes"`
}

// jsonClaim is one counted claim of the headline.
type jsonClaim struct {
	Text     string `json:"text"`
	Category string `json:"category"`
	Count    int    `json:"count"`
	// Counts says what Count counts of the evidence behind it: "issues"
	// (distinct issues; an item on no issue counts one), "epics" (the
	// issues' epics) or "acts" (items, those opening with the same
	// sentence of five words or more counting once: a decision posted on
	// three issues is one decision).
	Counts      string   `json:"counts"`
	EvidenceIDs []string `json:"evidence_ids"` // the items in "evidence" behind the claim
}

func headlineJSON(r *report) *jsonHeadline {
	if len(r.items) == 0 {
		return nil
	}
	text, claims := briefHeadlineClaims(r)
	h := &jsonHeadline{Text: text, Initiatives: []jsonInitiative{}, Claims: make([]jsonClaim, 0, len(claims))}
	for _, in := range r.ledInitiatives().owned {
		ji := jsonInitiative{Site: in.epic.SiteName, EpicKey: in.epic.Key, EpicURL: in.epic.URL, Summary: in.title,
			Shipped: in.epic.StatusCategory == "done", Evidence: len(in.items), SponsorQuotes: r.sponsorQuotes(in)}
		if in.hasOutcome {
			ji.Outcome = in.outcome.Text
		}
		for _, ep := range in.earlier {
			ji.EarlierEpics = append(ji.EarlierEpics, ep.Key)
		}
		h.Initiatives = append(h.Initiatives, ji)
	}
	for _, c := range claims {
		jc := jsonClaim{Text: c.phrase, Category: c.category, Count: c.n, Counts: countUnit(r.categoryOf(c.category).Count), EvidenceIDs: []string{}}
		for _, e := range c.items {
			jc.EvidenceIDs = append(jc.EvidenceIDs, e.ID)
		}
		h.Claims = append(h.Claims, jc)
	}
	return h
}

// countUnit names what a category's claims count.
func countUnit(c evidence.CountUnit) string {
	switch c {
	case evidence.CountItems:
		return countsItems
	case evidence.CountEpics:
		return "epics"
	}
	return "issues"
}
