package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
)

// statsOptions is everything runStats needs.
type statsOptions struct {
	IO     IO
	DBPath string
	Format string
	Site   string
	// Categories are those in force, the user's included, in their order.
	Categories []evidence.Category
}

func newStatsCmd(g *globals) *cobra.Command {
	var opts statsOptions
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count your stored activities and evidence by category and month",
		Long: `stats counts what the database holds: your own activities by kind (issues you
created, changes, comments, worklogs), and evidence by category and by month. The JSON
form lets a script check from outside that a sync missed nothing.`,
		Example: `  pmfolio stats
  pmfolio stats --format json | jq .activities`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.config()
			if err != nil {
				return err
			}
			rs, err := g.ruleSet(cfg)
			if err != nil {
				return err
			}
			opts.IO, opts.DBPath, opts.Categories = g.io, g.dbPath(cfg), rs.Categories()
			return runStats(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "table", "table or json")
	cmd.RegisterFlagCompletionFunc("format", completeWords("table", "json"))
	cmd.Flags().StringVar(&opts.Site, "site", "", "count only the site with this name")
	return cmd
}

// statsJSON is the `stats --format json` document of interface.md.
type statsJSON struct {
	Activities map[evidence.Source]int   `json:"activities"`
	Evidence   map[string]int            `json:"evidence"`
	Months     map[string]map[string]int `json:"months"`
	Model      map[string]int            `json:"model"` // of evidence, what the text model claimed, by category
}

func runStats(ctx context.Context, opts statsOptions) error {
	if opts.Format != "table" && opts.Format != "json" {
		return usageError("unknown format %q: use table or json", opts.Format)
	}
	store, err := sqlite.OpenReadOnly(ctx, opts.DBPath)
	if err != nil {
		return err
	}
	defer store.Close()
	if opts.Site != "" {
		if err := checkSynced(ctx, store, opts.Site); err != nil {
			return err
		}
	}
	st, err := store.Stats(ctx, opts.Site)
	if err != nil {
		return err
	}
	fillMonths(st.Months)
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(statsJSON(st))
	}
	return writeStatsTable(opts.IO.Out, st, opts.Categories, opts.IO.OutTTY && utf8Locale(opts.IO.Getenv))
}

// fillMonths adds the months without evidence between the first and the
// last that have some, so a quiet month shows as zeros rather than not at
// all.
func fillMonths(months map[string]map[string]int) {
	var first, last time.Time
	for m := range months {
		t, err := time.Parse("2006-01", m)
		if err != nil {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	for t := first; !first.IsZero() && !t.After(last); t = t.AddDate(0, 1, 0) {
		if _, ok := months[t.Format("2006-01")]; !ok {
			months[t.Format("2006-01")] = map[string]int{}
		}
	}
}

// utf8Locale reports whether the terminal's locale can show block characters.
func utf8Locale(getenv func(string) string) bool {
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if value := getenv(v); value != "" {
			value = strings.ToLower(value)
			return strings.Contains(value, "utf-8") || strings.Contains(value, "utf8")
		}
	}
	return false
}

var sparkBlocks = []rune("▁▂▃▄▅▆▇█")

// sparkline draws counts as one line of block characters, scaled to the
// largest; an empty month is the lowest block.
func sparkline(counts []int) string {
	top := 0
	for _, n := range counts {
		top = max(top, n)
	}
	line := make([]rune, len(counts))
	for i, n := range counts {
		level := 0
		if top > 0 {
			level = n * (len(sparkBlocks) - 1) / top
		}
		line[i] = sparkBlocks[level]
	}
	return string(line)
}

// writeStatsTable prints the activities line, then one row per category with
// evidence: its total, a sparkline when the terminal can show one, and its
// count in each of the last twelve months up to the newest with evidence,
// quiet months included as zeros.
func writeStatsTable(w io.Writer, st sqlite.Stats, cats []evidence.Category, spark bool) error {
	total := 0
	for _, n := range st.Activities {
		total += n
	}
	fmt.Fprintf(w, "Your activities: %d (%d issues created, %d changes, %d comments, %d worklogs)\n\n", total,
		st.Activities[evidence.SourceIssue], st.Activities[evidence.SourceChange],
		st.Activities[evidence.SourceComment], st.Activities[evidence.SourceWorklog])
	if len(st.Evidence) == 0 {
		_, err := fmt.Fprintln(w, "No evidence yet: run 'pmfolio sync' first.")
		return err
	}
	months := make([]string, 0, len(st.Months))
	for m := range st.Months {
		months = append(months, m)
	}
	slices.Sort(months)
	if len(months) > 12 {
		months = months[len(months)-12:]
	}
	// The categories in force in their order (built-in in taxonomy order,
	// then the user's), then any stored under a category no longer defined.
	if cats == nil {
		cats = evidence.Categories
	}
	var ids []string
	known := map[string]bool{}
	for _, c := range cats {
		known[c.ID] = true
		if st.Evidence[c.ID] > 0 {
			ids = append(ids, c.ID)
		}
	}
	var other []string
	for id := range st.Evidence {
		if !known[id] {
			other = append(other, id)
		}
	}
	slices.Sort(other)
	ids = append(ids, other...)
	width := len("category")
	for _, id := range ids {
		width = max(width, len(id))
	}
	fmt.Fprintf(w, "%-*s %6s %6s", width, "category", "total", "model")
	if spark {
		fmt.Fprintf(w, "  %-*s", len(months), "trend")
	}
	for _, m := range months {
		fmt.Fprintf(w, " %5s", m[2:]) // "25-11": twelve columns must fit a terminal
	}
	fmt.Fprintln(w)
	for _, id := range ids {
		fmt.Fprintf(w, "%-*s %6d %6d", width, id, st.Evidence[id], st.Model[id])
		if spark {
			counts := make([]int, len(months))
			for i, m := range months {
				counts[i] = st.Months[m][id]
			}
			fmt.Fprintf(w, "  %-*s", len(months), sparkline(counts))
		}
		for _, m := range months {
			fmt.Fprintf(w, " %5d", st.Months[m][id])
		}
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
	}
	return nil
}
