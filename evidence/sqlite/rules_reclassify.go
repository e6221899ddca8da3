package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// CategoryChange counts what a reclassification changed in one category.
type CategoryChange struct {
	Category      string
	Before, After int
	Added         int // items the rules in force find that were not there
	Removed       int // items that were there and are no longer found
}

// ReclassifyReport says what a reclassification changed.
type ReclassifyReport struct {
	Before, After int
	// Categories holds every category that had or has evidence, in the
	// order of cats given to ReclassifyReported, then any other by id.
	Categories []CategoryChange
	// Reworded counts items found before and after whose rule, confidence
	// or excerpt changed.
	Reworded int
	// Curated counts the curation rows, which reclassifying never touches;
	// Orphaned those of them whose item no rule finds now. They apply
	// again if a later rule finds the item.
	Curated, Orphaned int
}

// Classifier is a classification as the store keeps it: the function, and
// an identity that changes whenever what it claims may change (the rules
// package's RuleSet.Identity).
type Classifier struct {
	Classify   evidence.ClassifyFunc
	Identity   string
	Categories []evidence.Category // the order a report lists them in
}

// ReclassifyReported rebuilds machine evidence like Reclassify, records c's
// identity as the evidence's classification (ClassifiedWith), and reports
// what changed, by category in the order of c.Categories.
func (s *Store) ReclassifyReported(ctx context.Context, c Classifier) (ReclassifyReport, error) {
	classify, cats := c.Classify, c.Categories
	before, err := s.machineEvidence(ctx)
	if err != nil {
		return ReclassifyReport{}, err
	}
	if _, err := s.reclassify(ctx, classify, c.Identity); err != nil {
		return ReclassifyReport{}, err
	}
	after, err := s.machineEvidence(ctx)
	if err != nil {
		return ReclassifyReport{}, err
	}
	rep := ReclassifyReport{Before: len(before), After: len(after)}
	byCat := map[string]*CategoryChange{}
	change := func(cat string) *CategoryChange {
		if byCat[cat] == nil {
			byCat[cat] = &CategoryChange{Category: cat}
		}
		return byCat[cat]
	}
	for id, b := range before {
		c := change(b.category)
		c.Before++
		a, still := after[id]
		switch {
		case !still:
			c.Removed++
		case a != b:
			rep.Reworded++
		}
	}
	for id, a := range after {
		c := change(a.category)
		c.After++
		if _, was := before[id]; !was {
			c.Added++
		}
	}
	for _, cat := range cats {
		if c, ok := byCat[cat.ID]; ok {
			rep.Categories = append(rep.Categories, *c)
			delete(byCat, cat.ID)
		}
	}
	var rest []string
	for id := range byCat {
		rest = append(rest, id)
	}
	slices.Sort(rest)
	for _, id := range rest {
		rep.Categories = append(rep.Categories, *byCat[id])
	}
	err = s.db.QueryRowContext(ctx, `
		SELECT count(*), coalesce(sum(NOT EXISTS (SELECT 1 FROM evidence e WHERE e.id = c.evidence_id)
		                              AND NOT EXISTS (SELECT 1 FROM manual_evidence m WHERE m.id = c.evidence_id)), 0)
		FROM curation c`).Scan(&rep.Curated, &rep.Orphaned)
	if err != nil {
		return rep, fmt.Errorf("count curation: %w", err)
	}
	return rep, nil
}

// machineItem is what a reclassification may change about an item.
type machineItem struct {
	category, rule, excerpt, why string
	confidence                   float64
}

func (s *Store) machineEvidence(ctx context.Context) (map[string]machineItem, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, category, rule, confidence, excerpt, why FROM evidence`)
	if err != nil {
		return nil, fmt.Errorf("read evidence: %w", err)
	}
	defer rows.Close()
	out := map[string]machineItem{}
	for rows.Next() {
		var id string
		var it machineItem
		if err := rows.Scan(&id, &it.category, &it.rule, &it.confidence, &it.excerpt, &it.why); err != nil {
			return nil, fmt.Errorf("read evidence: %w", err)
		}
		out[id] = it
	}
	return out, rows.Err()
}

// ClassifiedWith returns the identity of the classification the stored
// evidence comes from; "" when none is recorded (a database older than the
// record, or one nothing has been stored in).
func (s *Store) ClassifiedWith(ctx context.Context) (string, error) {
	var identity string
	err := s.db.QueryRowContext(ctx, `SELECT identity FROM classifier WHERE id = 1`).Scan(&identity)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read classifier: %w", err)
	}
	return identity, nil
}

// ReclassifyIfChanged brings the stored evidence to classification c before
// anything classified by c is stored beside it: when the evidence comes from
// another classification (a new pmfolio, an edited rules file, or one not
// recorded), it rebuilds it (ReclassifyReported) and says so. An empty
// database only records c. The caller holds the sync lock.
func (s *Store) ReclassifyIfChanged(ctx context.Context, c Classifier) (rep ReclassifyReport, changed bool, err error) {
	was, err := s.ClassifiedWith(ctx)
	if err != nil || was == c.Identity {
		return ReclassifyReport{}, false, err
	}
	if was == "" {
		stored, err := s.hasActivities(ctx)
		if err != nil {
			return ReclassifyReport{}, false, err
		}
		if !stored { // nothing to rebuild yet
			return ReclassifyReport{}, false, recordClassifier(ctx, s.db, c.Identity, s.now())
		}
	}
	rep, err = s.ReclassifyReported(ctx, c)
	return rep, err == nil, err
}

// ClassifiedOtherwise reports whether the stored evidence comes from
// another classification than identity: another one is recorded, or none
// is and activities are stored (by a pmfolio older than the record).
func (s *Store) ClassifiedOtherwise(ctx context.Context, identity string) (bool, error) {
	was, err := s.ClassifiedWith(ctx)
	if err != nil || was != "" {
		return was != identity, err
	}
	return s.hasActivities(ctx)
}

// hasActivities reports whether any activity is stored.
func (s *Store) hasActivities(ctx context.Context) (bool, error) {
	var stored bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM activities)`).Scan(&stored); err != nil {
		return false, fmt.Errorf("read activities: %w", err)
	}
	return stored, nil
}

// recordClassifier records identity as the evidence's classification.
func recordClassifier(ctx context.Context, db execer, identity string, now time.Time) error {
	if _, err := db.ExecContext(ctx, `
		INSERT INTO classifier (id, identity, updated_at) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET identity = excluded.identity, updated_at = excluded.updated_at`,
		identity, formatTime(now)); err != nil {
		return fmt.Errorf("record classifier: %w", err)
	}
	return nil
}
