package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// dumpLeavesOut are the columns that record when a row was written rather
// than what it holds: two syncs of the same data differ only there.
var dumpLeavesOut = map[string]bool{
	"sites.created_at":           true,
	"issues.synced_at":           true,
	"sync_state.updated_at":      true,
	"classifier.updated_at":      true,
	"curation.updated_at":        true,
	"manual_evidence.created_at": true,
	"team_issues.synced_at":      true,
	"team_state.updated_at":      true,
}

// Dump writes every row of the data tables as text, table by table in name
// order and rows in primary key order, so that two databases
// holding the same data dump the same text whatever order it was written
// in. It leaves out the sync log, the migrations and the columns that say
// when a row was written; raw issue JSON appears as its length and SHA-256.
// Tests compare databases with it: a sync killed and resumed must leave the
// dump an uninterrupted sync leaves.
func (s *Store) Dump(ctx context.Context) (string, error) {
	tx, err := s.db.BeginTx(ctx, nil) // one snapshot for all tables
	if err != nil {
		return "", fmt.Errorf("dump: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `
		SELECT name FROM sqlite_master
		WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('migrations', 'sync_runs')
		ORDER BY name`)
	if err != nil {
		return "", fmt.Errorf("dump: %w", err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return "", fmt.Errorf("dump: %w", err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("dump: %w", err)
	}
	var b strings.Builder
	for _, table := range tables {
		if err := dumpTable(ctx, tx, table, &b); err != nil {
			return "", fmt.Errorf("dump %s: %w", table, err)
		}
	}
	return b.String(), nil
}

func dumpTable(ctx context.Context, tx *sql.Tx, table string, b *strings.Builder) error {
	// Rows are ordered by the primary key, which the table's index gives
	// without sorting, or by every column where there is none.
	rows, err := tx.QueryContext(ctx, `SELECT cid, pk FROM pragma_table_info(?) ORDER BY pk, cid`, table)
	if err != nil {
		return err
	}
	var all, key []string
	for rows.Next() {
		var cid, pk int
		if err := rows.Scan(&cid, &pk); err != nil {
			rows.Close()
			return err
		}
		all = append(all, strconv.Itoa(cid+1))
		if pk > 0 {
			key = append(key, strconv.Itoa(cid+1))
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if len(key) == 0 {
		key = all
	}
	rows, err = tx.QueryContext(ctx, `SELECT * FROM "`+table+`" ORDER BY `+strings.Join(key, ", "))
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	fmt.Fprintf(b, "## %s\n", table)
	values := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range values {
		ptrs[i] = &values[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		sep := ""
		for i, col := range cols {
			if dumpLeavesOut[table+"."+col] {
				continue
			}
			b.WriteString(sep)
			sep = "\t"
			b.WriteString(col + "=")
			b.WriteString(dumpValue(col, values[i]))
		}
		b.WriteString("\n")
	}
	return rows.Err()
}

// dumpValue writes one value unambiguously: strings quoted (so NUL bytes
// and newlines show), raw JSON as its length and hash.
func dumpValue(col string, v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case []byte:
		if col == "raw" {
			return fmt.Sprintf("%d:%x", len(v), sha256.Sum256(v))
		}
		return "x" + strconv.Quote(string(v))
	case string:
		if col == "raw" {
			return fmt.Sprintf("%d:%x", len(v), sha256.Sum256([]byte(v)))
		}
		return strconv.Quote(v)
	default:
		return fmt.Sprintf("%T(%v)", v, v)
	}
}
