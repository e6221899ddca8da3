package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/export"
)

// exportOptions is everything runExport needs.
type exportOptions struct {
	IO     IO
	DBPath string
	Format string
	Output string // file path; empty: IO.Out
	Filter evidence.Filter
}

var exportFormats = map[string]func(io.Writer, evidence.Portfolio) error{
	"markdown": export.Markdown,
	"md":       export.Markdown,
	"json":     export.JSON,
}

func newExportCmd(g *globals) *cobra.Command {
	var (
		opts         exportOptions
		since, until string
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write your portfolio as Markdown or JSON",
		Long: `export writes the portfolio from the evidence in the database: a headline of what you
did, then each kind of PM work with a link to the Jira item behind every claim. It reads
only the local database, never Jira.`,
		Example: `  pmfolio export -o portfolio.md
  pmfolio export --since 1y --format json -o portfolio.json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, ok := exportFormats[opts.Format]; !ok {
				return usageError("unknown format %q: use markdown or json", opts.Format)
			}
			from, to, err := dateRange(since, until, g.io.Now())
			if err != nil {
				return err
			}
			cfg, err := g.config()
			if err != nil {
				return err
			}
			opts.IO, opts.DBPath = g.io, g.dbPath(cfg)
			opts.Filter.Since, opts.Filter.Until = from, to
			return runExport(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", "markdown", "markdown or json")
	f.StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	f.StringVar(&since, "since", "", "only evidence from this date (YYYY-MM-DD or 30d, 12w, 6m, 1y)")
	f.StringVar(&until, "until", "", "only evidence up to and including this date")
	return cmd
}

// runExport reads the portfolio and writes it in the chosen format.
func runExport(ctx context.Context, opts exportOptions) error {
	store, err := openExistingStore(ctx, opts.DBPath)
	if err != nil {
		return err
	}
	defer store.Close()
	p, err := store.Portfolio(ctx, opts.Filter, opts.IO.Now())
	if err != nil {
		return err
	}
	write := exportFormats[opts.Format]
	if opts.Output == "" {
		return write(opts.IO.Out, p)
	}
	return writeFileAtomic(opts.Output, 0o644, func(w io.Writer) error { return write(w, p) })
}
