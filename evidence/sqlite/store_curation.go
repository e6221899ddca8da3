package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// ErrNoEvidence means no evidence item has the given id.
var ErrNoEvidence = errors.New("no such evidence")

// ErrNotManual means an item the classifier found was asked to be deleted:
// only items the user added can be; the others can be excluded.
var ErrNotManual = errors.New("not an item you added")

// ErrAmbiguousID means an id prefix matches more than one evidence item.
var ErrAmbiguousID = errors.New("evidence id prefix is ambiguous")

// ResolveEvidenceID turns what a user typed (a whole id, or a unique prefix
// of one, with or without "ev_") into the full id of machine or manual
// evidence.
func (s *Store) ResolveEvidenceID(ctx context.Context, typed string) (string, error) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return "", fmt.Errorf("%w: an empty id", ErrNoEvidence)
	}
	if !strings.HasPrefix(typed, "ev_") {
		typed = "ev_" + typed
	}
	// Not LIKE: it treats the _ of "ev_" as a wildcard.
	ids, err := s.queryStrings(ctx, `
		SELECT id FROM evidence WHERE substr(id, 1, length(?1)) = ?1
		UNION SELECT id FROM manual_evidence WHERE substr(id, 1, length(?1)) = ?1
		LIMIT 2`, typed)
	if err != nil {
		return "", fmt.Errorf("find evidence %s: %w", typed, err)
	}
	switch len(ids) {
	case 0:
		return "", fmt.Errorf("%w: %s", ErrNoEvidence, typed)
	case 1:
		return ids[0], nil
	}
	return "", fmt.Errorf("%w: %s", ErrAmbiguousID, typed)
}

// EvidenceByID reads one item, excluded or not, with curation applied.
func (s *Store) EvidenceByID(ctx context.Context, id string) (evidence.Evidence, error) {
	items, err := s.Evidence(ctx, evidence.Filter{ID: &id, IncludeExcluded: true})
	if err != nil {
		return evidence.Evidence{}, err
	}
	if len(items) == 0 {
		return evidence.Evidence{}, fmt.Errorf("%w: %s", ErrNoEvidence, id)
	}
	return items[0], nil
}

// curate changes one column of an item's curation row, creating the row if
// needed. Curation rows are keyed by the stable evidence id and never
// touched by sync or reclassify.
func (s *Store) curate(ctx context.Context, id, column string, value any) error {
	if _, err := s.machineCategory(ctx, id); err != nil {
		return err
	}
	now := formatTime(s.now())
	_, err := s.db.ExecContext(ctx, `
		INSERT INTO curation (evidence_id, `+column+`, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (evidence_id) DO UPDATE SET `+column+` = excluded.`+column+`, updated_at = excluded.updated_at`,
		id, value, now)
	if err != nil {
		return fmt.Errorf("curate %s: %w", id, err)
	}
	return nil
}

// SetExcluded excludes an item from exports, or includes it again.
func (s *Store) SetExcluded(ctx context.Context, id string, excluded bool) error {
	return s.curate(ctx, id, "excluded", excluded)
}

// SetNote attaches the user's note to an item; an empty note removes it.
func (s *Store) SetNote(ctx context.Context, id, note string) error {
	return s.curate(ctx, id, "note", note)
}

// Recategorize files an item under another category. Setting the category
// the classifier gave undoes it.
func (s *Store) Recategorize(ctx context.Context, id, category string) error {
	machine, err := s.machineCategory(ctx, id)
	if err != nil {
		return err
	}
	var value any = category
	if machine == category {
		value = nil
	}
	return s.curate(ctx, id, "category", value)
}

// machineCategory is the category an item has without curation.
func (s *Store) machineCategory(ctx context.Context, id string) (string, error) {
	var cat string
	err := s.db.QueryRowContext(ctx, `
		SELECT category FROM evidence WHERE id = ?1 UNION SELECT category FROM manual_evidence WHERE id = ?1`, id).Scan(&cat)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("%w: %s", ErrNoEvidence, id)
	}
	if err != nil {
		return "", fmt.Errorf("read evidence %s: %w", id, err)
	}
	return cat, nil
}

// ManualEntry is PM work that happened outside Jira: a workshop, a roadmap
// review, a customer call.
type ManualEntry struct {
	At          time.Time
	Category    string
	Description string
	Link        string // optional proof: a document, a recording
}

// AddManual records a manual entry and returns its evidence.
func (s *Store) AddManual(ctx context.Context, m ManualEntry) (evidence.Evidence, error) {
	if strings.TrimSpace(m.Description) == "" {
		return evidence.Evidence{}, errors.New("add evidence: a description is needed")
	}
	created := s.now()
	h := sha256.New()
	for _, part := range []string{formatTime(m.At), m.Category, m.Description, m.Link, formatTime(created)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	id := "ev_m" + hex.EncodeToString(h.Sum(nil))[:19]
	if _, err := s.db.ExecContext(ctx, `
		INSERT INTO manual_evidence (id, occurred_at, category, description, link, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		id, formatTime(m.At), m.Category, m.Description, m.Link, formatTime(created)); err != nil {
		return evidence.Evidence{}, fmt.Errorf("add evidence: %w", err)
	}
	return s.EvidenceByID(ctx, id)
}

// DeleteManual deletes an item the user added, with its note and other
// curation, in one transaction. An item the classifier found is not
// deleted (ErrNotManual): a sync would find it again; exclude it instead.
func (s *Store) DeleteManual(ctx context.Context, id string) error {
	if _, err := s.machineCategory(ctx, id); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("delete %s: %w", id, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM manual_evidence WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("delete %s: %w", id, err)
	} else if n == 0 {
		return fmt.Errorf("delete %s: %w", id, ErrNotManual)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM curation WHERE evidence_id = ?`, id); err != nil {
		return fmt.Errorf("delete %s: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("delete %s: %w", id, err)
	}
	return nil
}
