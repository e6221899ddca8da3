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
	portfolioInput
	Format string
	Output string // file path; empty: IO.Out
	Full   bool
}

// exportWriter writes the portfolio in one format.
type exportWriter func(io.Writer, evidence.Portfolio, export.Options) error

var exportFormats = map[string]exportWriter{
	"markdown": export.Markdown,
	"md":       export.Markdown,
	"html":     export.HTML,
	"pdf":      export.PDF,
	"json": func(w io.Writer, p evidence.Portfolio, _ export.Options) error {
		return export.JSON(w, p)
	},
}

func newExportCmd(g *globals) *cobra.Command {
	var (
		opts exportOptions
		pf   portfolioFlags
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write your portfolio: a two-page brief, or everything with --full",
		Long: `export writes the portfolio from the evidence in the database. It reads only the
local database, never Jira.

By default it writes a brief a hiring manager reads in two minutes (two printed pages):
  - a headline: the initiatives you led, how many shipped and with what results;
  - your strongest initiatives (3 to 5, those with results first), each as Goal (the
    epic's description and success metrics, then the answer of someone else to your
    epic within a week that hands it to you or commits support: "Anand Kulkarni
    answered my proposal the same day: “Please take this forward, I will support …”")
    → What I did (your 2-3 strongest proofs, in your own words, quoted after the
    summary of the issue each is on and linked to the Jira record, a comment to the
    comment itself; a quote that gives a date you
    committed to says when Jira shows the work done, if by then) → Outcome (yours from
    'pmfolio outcome', else the one Jira records: an "Outcome:" or "Result:" line,
    or a closing comment with a number in it), and when the epic was done if that was
    after the last date you gave for it ("— done 20 Aug, 85 days after 27 May"),
    then someone else's answer to your outcome comment within a week that praises it
    or says what comes of it ("Well done … Will present this in the ops review").
    The phases of one initiative ("Offline mode", "Offline mode, phase 2"),
    epics you owned all of, are one initiative;
  - with one or two initiatives, up to two incidents you coordinated on no epic, told
    the same way, and while those are fewer than three (an initiative told in one
    quote does not count), "Other work, in my words": three of your strongest
    quotes on other issues: first a call you made to someone by name with its
    reason or number that they agreed to ("ok, 24th then"), told with their
    answer and what you reported later with a number on that issue; then one of
    each competency the brief has not quoted yet, a decision, or a ranking or
    release plan with its reason or number, before a routine note;
  - the competencies your evidence shows, the gaps, and what would fill them;
  - the top five résumé bullets of 'pmfolio bullets', but for those that repeat the
    result of an initiative shown above; none from further down takes their place.
--full adds every evidence item as an appendix, initiative by initiative: what you wrote
on each issue quoted and linked, and your field edits summarised per kind of work with
the issues linked ("refined 14 issues (Story point estimate, Parent): …"), never one
line per edit; then a month-by-month timeline. The JSON export and 'evidence list'
always hold every item.

How the brief chooses: an item scores by what it shows. Something you wrote (a comment,
an issue you created, manual evidence) counts more than three times a field edit, and a
rule's claim on it more than the text model's (its probability weighs 0.6); then the
rule's confidence, how much the text says (length, a number, your note) and how rare
its kind of work is in your portfolio. An initiative scores by the sum of its items,
times the square root of its kinds of work, times 1.5 when you owned the epic and 1.25
when its outcome is known; work filed under an epic more than 7 days after it was
resolved is not part of it. The brief shows up to 5 initiatives: every one you owned
with a known outcome first, then the strongest others (at least 3 in all), and each
one's strongest proofs, one per kind of work and issue.

An initiative without an outcome has no Outcome line in the document; it is listed on
standard error with the command that adds one, so standard output stays the document.

--format markdown|html|json|pdf (default markdown). Without --format, the extension of
-o decides (.md, .html, .json, .pdf); any other extension is refused. html is one
self-contained page (no scripts, nothing fetched) that fits a phone and prints
cleanly; pdf is A4 with clickable links, its fonts embedded: Latin script (Polish,
Turkish, Vietnamese, …), Greek and Cyrillic print as written, and a character the
fonts lack, such as CJK or an emoji, prints as "?" and is named on standard error.

--redact replaces people's names, project keys and names, issue keys, sites, e-mail
addresses and URLs with labelled placeholders (a teammate, Project A, PROJ-A-12, …), at
word boundaries, so ordinary words stay; a name that is no Jira user's is replaced
when a team follows it ("Ines from legal" becomes "someone from legal"); a company's
name by its form ("Globex Ltd", "Marlow & Finch") becomes [company], and a customer's
where the text says it is one ("customers like Cobalt Fitness") [customer]. Other
proper nouns in your own words stay: --redact=FILE hides each term listed in FILE,
one per line, as "term" or "term = label" (e.g. "Acme Corp = a customer").`,
		Example: `  pmfolio export -o portfolio.md
  pmfolio export -o portfolio.pdf
  pmfolio export --full -o portfolio.html --since 1y
  pmfolio export --format json --redact=secret-terms.txt -o portfolio.json`,
		Args: pf.args,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, ok := exportFormats[opts.Format]; !ok {
				return usageError("unknown format %q: use markdown, html, json or pdf", opts.Format)
			}
			if err := outputFormat(cmd, &opts.Output, &opts.Format, []string{"markdown", "html", "json", "pdf"}); err != nil {
				return err
			}
			if opts.Format == "pdf" && opts.Output == "" && g.io.OutTTY {
				return usageError("a PDF is not for a terminal: write it to a file with -o portfolio.pdf")
			}
			var err error
			if opts.portfolioInput, err = pf.input(g); err != nil {
				return err
			}
			return runExport(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", "markdown", "markdown, html, json or pdf")
	f.StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	f.BoolVar(&opts.Full, "full", false, "add every evidence item as an appendix (field edits summarised) and a timeline")
	cmd.RegisterFlagCompletionFunc("format", completeWords("markdown", "html", "json", "pdf"))
	pf.register(cmd)
	return cmd
}

// runExport reads the portfolio and writes it in the chosen format, with
// the outcome lint on IO.ErrOut.
func runExport(ctx context.Context, opts exportOptions) error {
	write := exportFormats[opts.Format]
	eo := export.Options{Full: opts.Full, Lint: opts.IO.ErrOut}
	return opts.write(ctx, opts.Output, func(w io.Writer, p evidence.Portfolio) error {
		return write(w, p, eo)
	})
}
