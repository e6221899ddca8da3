package main

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/export"
)

// storiesOptions is everything runStories needs.
type storiesOptions struct {
	portfolioInput
	Top    int
	Format string // markdown or json
	Output string // file path; empty: IO.Out
	// Questions pick the one story that best answers each, a story of its
	// own where one answers it.
	Questions []string
}

func newStoriesCmd(g *globals) *cobra.Command {
	var (
		opts storiesOptions
		pf   portfolioFlags
	)
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "Write interview stories from your strongest initiatives and issues",
		Long: `stories writes interview stories in situation / task / action / result form, one for
each of your strongest initiatives (the epics with the most and most varied PM work of
yours). Every action is an evidence item with a link to it, and every story is tagged with
the behavioural questions it answers ("a time you influenced without authority", "a time
you handled conflicting priorities", …).
Action quotes what you wrote (decisions, updates, trade-offs), each linked to its record;
a story leads with a question its actions answer, and no question tags two stories.
Result is the outcome: yours from 'pmfolio outcome', else the one Jira records; a story
without one says what Jira shows (what is done), and the initiatives without one are
listed on standard error with the command that adds one.

With fewer initiatives than --top, or none, stories of work on no epic fill up: an
incident you coordinated, with the postmortem and follow-ups whose text names it, or an
issue where you decided, unblocked or coordinated in comments (two of yours or more).
They quote only your comments and the issues you filed, never a field edit, and their
Result is an "Outcome:" comment of yours, or your last comment on a done issue that
closes it with a number ("Resolved: lag back under 5 seconds at 16:05"); without one
they say what Jira shows, and standard error names them. An epic you barely began (fewer
than two things you wrote on it, none of its issues done and no outcome) is told after
all of them: a status move and a start you promised are a plan, not a story. What Jira
shows includes a date
kept: a go-live date you gave in a comment ("Go-live date of 22nd is still holding") and
your comment that it went live that day ("4.13 deployed successfully") read "it went live
on 22 August, as I had said on 10 August (…)"; so does a staged rollout you planned with
dated steps ("new plan: 5% on Aug 25, 25% two weeks later, 100% end of September") whose
every step your notes on the epic or its issues report on its day ("25% now", "100% on
web"): "it reached 100% on 30 September, as I had re-planned on 10 August (…)", after an
outcome too. A story told for a deadline then quotes those notes as well as the plan.
An outcome that says the date was met ("19 days before the 1.28 end of support") answers
a deadline question too; a goal's date ("by the end of Q3") that passed before its outcome
was reported, which does not say it was met, is not told as one, and a note says why.

--question "a time you handled conflicting priorities" writes the one story that answers
it best: the initiative, incident or issue with the strongest evidence of the kind of
work the question is about; where that is a priority you raised only in words you pasted
on three or more issues, a no of yours to someone by name that holds a release or a goal
against their request ("we cannot take this into 4.13 at this stage. Code freeze was on
1st …") is told instead. With no such story, an issue where one comment of yours of
that kind and your change of that kind beside it show it ("got Jun to add you to the
sandbox group", then the flag cleared) is told, the change with it. A link you made to
another team's issue ("is blocked by PLAT-1531") is told by what you asked that team
there within the hour, with their answer and when the work was done. A question about
influence ("a time you influenced without authority") gets an ask of yours that the
person you asked took up (answered yes, or did the work), or another party's agreement
in your words ("vendor has agreed to follow from the next drop"); a date you committed
to another team and kept is your own promise, not influence: without an ask taken up it
is told as the closest story, tagged as the deadline it kept, with a note. A note of yours
that moves a date or re-plans ("3DS work slipped a week … new plan: …") ends on the
answer it got when that agrees ("Sounds good. …"). A question about
disagreeing ("a time you disagreed with a stakeholder", "pushed back", "said no", "a
conflict", "convinced", "persuaded") gets the story where your own words say no, quoting
them: a no-go, or a no to someone by name with its grounds ("we can only do one. saved
cards is the Q2 goal, so moving this to the backlog - Nadia, …"), even one comment on an
issue told with your change beside it, quoted up to the no; else a Won't Do with its
reason, "P2, not P1"; it leads with "a time you pushed back or said no". A no's story
ends on the answer of the person told no, a later comment of yours with a number, or else
the outcome of your initiative its grounds name as the goal ("saved cards is the Q2
goal"); with none, standard error asks for it. Without such
words it gets the closest trade-off you decided ("X, not Y", "instead of"), or else your
strongest story, not tagged with it, and a note on standard error, as a question no kind
of work answers ("your greatest weakness") does. A question about failing ("a time you
failed") gets an incident on a release you planned whose postmortem you wrote, a no-go
you later turned go, or an incident in your own project where the postmortem you wrote
names what on your side let it through, quoted by that part. A question about data
("used data to make a decision", "metrics", "numbers") gets the story where a call of
yours rests on a number ("Raising priority because it is 8 of last week's 40 pages",
"Moving this above OPS-1191: every on-call shift loses about half a day to it", "25%
now. payment failure rate 0.81% vs 0.79% control"), quoting it in its place in time,
marked "The data behind the call", and leads with "a time you used data to make a
decision", an issue's story if no initiative has one; a date, a version or the share a
rollout is at ("at 5% of web traffic") is no such number. Without one, your strongest
story and a note.

--question given more than once writes a story for each, headed by its question (in
JSON, "answers": the question, its note and its stories, each): a different story for
each question where another also answers it, the question with the fewest such stories
choosing first; where none does, the same story again, with a note that says which of its
actions to lead with this time.`,
		Example: `  pmfolio stories
  pmfolio stories --top 5 --since 2y -o stories.md
  pmfolio stories --question "a time you handled conflicting priorities"
  pmfolio stories --question "a time you disagreed with a stakeholder"
  pmfolio stories --question "a time you used data to make a decision"
  pmfolio stories --question "a time you pushed back" --question "a time you failed"
  pmfolio stories --format json --redact`,
		Args: pf.args,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkTop(opts.Top); err != nil {
				return err
			}
			if len(opts.Questions) > 0 && cmd.Flags().Changed("top") {
				return usageError("--question writes the one story that answers it: leave out --top")
			}
			switch opts.Format {
			case "markdown", "md", "json":
			default:
				return usageError("unknown format %q: use markdown or json", opts.Format)
			}
			if err := outputFormat(cmd, &opts.Output, &opts.Format, []string{"markdown", "json"}); err != nil {
				return err
			}
			var err error
			if opts.portfolioInput, err = pf.input(g); err != nil {
				return err
			}
			return runStories(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.Top, "top", export.DefaultStories, "how many stories to write")
	f.StringVar(&opts.Format, "format", "markdown", "markdown or json")
	f.StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	cmd.RegisterFlagCompletionFunc("format", completeWords("markdown", "json"))
	// An array, not a slice: a question may hold a comma.
	f.StringArrayVar(&opts.Questions, "question", nil, "write the one story that best answers this interview question; repeat it for a story of its own for each")
	pf.register(cmd)
	return cmd
}

// runStories reads the portfolio and writes its stories.
func runStories(ctx context.Context, opts storiesOptions) error {
	return opts.write(ctx, opts.Output, func(w io.Writer, p evidence.Portfolio) error {
		so := export.StoryOptions{Top: opts.Top, JSON: opts.Format == "json", Lint: opts.IO.ErrOut}
		if len(opts.Questions) == 1 {
			so.Question = opts.Questions[0]
		} else {
			so.Questions = opts.Questions
		}
		return export.Stories(w, p, so)
	})
}
