package sync

import (
	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// Classify returns the records with their Evidence filled: what classify
// finds in the site user's activities of each issue, read with the comments
// they answer (markup.WithReplies), each evidence id once per issue; a
// link the user undid within minutes gives none (evidence.UndoneLinks). The
// records given are not modified. A sync classifies a page before handing
// it to the Sink, so that classifying the next page overlaps the commit of
// the one before.
func Classify(site evidence.Site, records []evidence.IssueRecord, classify evidence.ClassifyFunc) []evidence.IssueRecord {
	out := make([]evidence.IssueRecord, len(records))
	siteKey := site.Key()
	for i, rec := range records {
		is := rec.Issue
		var found []evidence.Evidence
		var seen map[string]bool
		undone := evidence.UndoneLinks(rec.Activities, is, site.User)
		for _, a := range markup.WithReplies(rec.Activities) {
			if !a.Mine(is, site.User) || a.Source == evidence.SourceChange && undone[a.SourceID] {
				continue
			}
			for _, ev := range classify(a, is, site.User) {
				ev.ID = evidence.EvidenceID(siteKey, is.ID, ev.Source, ev.SourceID, ev.Category)
				if seen == nil {
					seen = map[string]bool{}
				}
				if seen[ev.ID] {
					continue
				}
				seen[ev.ID] = true
				found = append(found, ev)
			}
		}
		rec.Evidence = found
		out[i] = rec
	}
	return out
}
