package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/export"
)

// bulletsOptions is everything runBullets needs.
type bulletsOptions struct {
	portfolioInput
	Top     int
	Format  string // text, markdown or json
	Output  string // file path; empty: IO.Out
	Explain bool
}

func newBulletsCmd(g *globals) *cobra.Command {
	var (
		opts bulletsOptions
		pf   portfolioFlags
	)
	cmd := &cobra.Command{
		Use:   "bullets",
		Short: "Write résumé bullet points from your evidence, strongest first",
		Long: `bullets writes résumé bullet points about your PM work, strongest first: what you did,
at what scale and, where Jira shows it, with what result. Every number is counted from
your evidence (issues, teammates, projects, epics, releases; an epic you owned counts
all its issues and the teammates assigned to them), each kind of work appears in
one bullet only, and nothing is claimed that the data does not show (an issue you planned
into a release that went out without it is not counted): add the business outcomes you
can vouch for with 'pmfolio outcome'. The bullet on your product decisions
quotes one you wrote with its reason or the option it beat, with its verb ("going with
PgBouncer, not client-side failover: one change in the platform"), preferring one on an
initiative no result bullet names, then a call on what ships ("…, so Amex stays out of
v1") over how it is built, and never one with a word written as code (token.created).
A quote is never cut mid-phrase: too long, the bullet drops the other work it counts
(", and prioritized 118 backlog items"), then quotes the next decision that fits whole,
and only then cuts one where a clause ends; without such a decision it gives the counts.

Every number can be traced. --explain prints, under each bullet, each of its numbers and
what it counts: the things counted (issues, projects, teammates) on one line, or each
evidence item on a line of its own with its issue and link (a comment links to the
comment).
--format json gives each bullet with its numbers, each with what it counts, the distinct
things counted (issue keys, names, releases) and the ids and links of its evidence, so
that anyone can recompute it, and a quoted result or decision with where it was written
(a comment's link). --format markdown writes the list escaped for Markdown.`,
		Example: `  pmfolio bullets
  pmfolio bullets --top 3 --since 1y --explain
  pmfolio bullets --format json -o bullets.json
  pmfolio bullets --redact`,
		Args: pf.args,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkTop(opts.Top); err != nil {
				return err
			}
			switch opts.Format {
			case "text", "markdown", "json":
			default:
				return usageError("unknown format %q: use text, markdown or json", opts.Format)
			}
			if err := outputFormat(cmd, &opts.Output, &opts.Format, []string{"text", "markdown", "json"}); err != nil {
				return err
			}
			if opts.Explain && opts.Format == "json" {
				return usageError("--explain is for text and markdown: the JSON holds the evidence already")
			}
			var err error
			if opts.portfolioInput, err = pf.input(g); err != nil {
				return err
			}
			return runBullets(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.Top, "top", export.DefaultBullets, "how many bullets to write")
	f.StringVar(&opts.Format, "format", "text", "text, markdown or json (each number with the evidence behind it)")
	f.StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	cmd.RegisterFlagCompletionFunc("format", completeWords("text", "markdown", "json"))
	f.BoolVar(&opts.Explain, "explain", false, "print the evidence behind each number under its bullet")
	pf.register(cmd)
	return cmd
}

// runBullets reads the portfolio and writes its bullets.
func runBullets(ctx context.Context, opts bulletsOptions) error {
	format := opts.Format
	if format == "" {
		format = "text"
	}
	return opts.write(ctx, opts.Output, func(w io.Writer, p evidence.Portfolio) error {
		if len(p.Evidence) == 0 {
			// An empty list must not look like success with nothing to say.
			fmt.Fprintf(opts.IO.ErrOut, "No bullets: no evidence from %s to %s. Run 'pmfolio sync', or widen --since and --until.\n",
				p.Period.Since.Format("2006-01-02"), p.Period.Until.Format("2006-01-02"))
		}
		return export.Bullets(w, p, export.BulletOptions{Top: opts.Top, Format: format, Explain: opts.Explain})
	})
}
