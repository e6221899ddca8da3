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
	portfolioInput
	Top int
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
			if err := checkTop(opts.Top); err != nil {
				return err
			}
			var err error
			if opts.portfolioInput, err = pf.input(g); err != nil {
				return err
			}
			return runBullets(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.Top, "top", export.DefaultBullets, "how many bullets to write")
	pf.register(cmd)
	return cmd
}

// runBullets reads the portfolio and writes its bullets to IO.Out.
func runBullets(ctx context.Context, opts bulletsOptions) error {
	return opts.write(ctx, "", func(w io.Writer, p evidence.Portfolio) error {
		return export.Bullets(w, p, export.BulletOptions{Top: opts.Top})
	})
}
