package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/export"
)

// bulletsOptions is everything runBullets needs.
type bulletsOptions struct {
	IO     IO
	DBPath string
	Top    int
	Filter evidence.Filter
	Redact redaction
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
your evidence (issues, teammates, projects, epics, releases), each kind of work appears in
one bullet only, and nothing is claimed that the data does not show: add the business
outcomes you can vouch for yourself.`,
		Example: `  pmfolio bullets
  pmfolio bullets --top 3 --since 1y
  pmfolio bullets --redact`,
		Args: pf.args,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Top < 1 {
				return usageError("--top must be at least 1")
			}
			var err error
			if opts.Filter, opts.Redact, err = pf.resolve(g); err != nil {
				return err
			}
			cfg, err := g.config()
			if err != nil {
				return err
			}
			opts.IO, opts.DBPath = g.io, g.dbPath(cfg)
			return runBullets(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.Top, "top", export.DefaultBullets, "how many bullets to write")
	pf.register(cmd)
	return cmd
}

// runBullets reads the portfolio and writes its bullets to IO.Out.
func runBullets(ctx context.Context, opts bulletsOptions) error {
	p, err := readPortfolio(ctx, opts.DBPath, opts.Filter, opts.IO)
	if err != nil {
		return err
	}
	return writeRendering(opts.IO, "", p, opts.Redact, func(w io.Writer, p evidence.Portfolio) error {
		return export.Bullets(w, p, export.BulletOptions{Top: opts.Top})
	})
}
