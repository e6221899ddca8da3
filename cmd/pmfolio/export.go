package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/export"
)

// exportOptions is everything runExport needs.
type exportOptions struct {
	portfolioInput
	Format string
	Output string // file path; empty: IO.Out
}

var exportFormats = map[string]func(io.Writer, evidence.Portfolio) error{
	"markdown": export.Markdown,
	"md":       export.Markdown,
	"html":     export.HTML,
	"json":     export.JSON,
}

// formatOfFile is the format an output file's extension asks for, when
// --format is not given.
var formatOfFile = map[string]string{".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json"}

func newExportCmd(g *globals) *cobra.Command {
	var (
		opts exportOptions
		pf   portfolioFlags
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write your portfolio as Markdown, HTML or JSON",
		Long: `export writes the portfolio from the evidence in the database: a headline of what you
did, the competencies it shows and the gaps with what would fill them, the strongest
items, a section per initiative, each kind of PM work with a link to the Jira item behind
every claim, and a month-by-month timeline. It reads only the local database, never Jira.

--format html writes one self-contained page (no scripts, nothing fetched) with a chart
of your PM work per month, ready to share or print to PDF. Without --format, the
extension of -o decides (.md, .html, .json).

--redact replaces people's names, project keys and names, issue keys, sites, e-mail
addresses and URLs with placeholders (Person 1, PROJ-A-12, …), the same one for the same
original everywhere, so you can show the portfolio without your employer's details;
--redact=FILE also hides each term listed in FILE.`,
		Example: `  pmfolio export -o portfolio.md
  pmfolio export -o portfolio.html --since 1y
  pmfolio export --format json --redact=secret-terms.txt -o portfolio.json`,
		Args: pf.args,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("format") {
				if format, ok := formatOfFile[strings.ToLower(filepath.Ext(opts.Output))]; ok {
					opts.Format = format
				}
			}
			if _, ok := exportFormats[opts.Format]; !ok {
				return usageError("unknown format %q: use markdown, html or json", opts.Format)
			}
			var err error
			if opts.portfolioInput, err = pf.input(g); err != nil {
				return err
			}
			return runExport(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", "markdown", "markdown, html or json")
	f.StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	pf.register(cmd)
	return cmd
}

// runExport reads the portfolio and writes it in the chosen format.
func runExport(ctx context.Context, opts exportOptions) error {
	return opts.write(ctx, opts.Output, exportFormats[opts.Format])
}
