package export

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/pmfolio/pmfolio/evidence"
)

// storyChoice is the story told for one of several questions asked at
// once (see chooseStories).
type storyChoice struct {
	told answer
	// shared says another question is told the same story, as no other
	// story answers one of them.
	shared bool
}

// askedStory is, in JSON, what one of several questions asked at once
// gets: the shape one question gets, with the question.
type askedStory struct {
	Question string  `json:"question"`
	Note     string  `json:"note,omitempty"`
	Stories  []story `json:"stories"`
}

// chooseStories picks the story each question is told with. Asked one by
// one, two questions often get the same story, and an interviewer who
// asks both hears it twice. The question with the fewest stories that
// answer it picks first, each taking its best story no earlier pick took:
// asked in order, "conflicting priorities" would take the one story that
// also answers "used data", which had no other, while it had a second of
// its own; asked order decides only between questions with as many. A
// question left with no story of its own tells its best again, shared
// with the question that took it; a weaker story that does not answer it
// is no second story. One nothing answers gets what --question alone
// gives.
func (r *report) chooseStories(questions []string, tiers [][]initiative) []storyChoice {
	ranked := make([][]answer, len(questions))
	for i, q := range questions {
		// More than one story a question for each question asked is
		// never needed: the others take one each at most.
		ranked[i] = r.answersTo(q, len(questions), tiers)
	}
	order := make([]int, len(questions))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(ranked[a]), len(ranked[b])) })
	choices := make([]storyChoice, len(questions))
	var own []int // the questions with a story of their own, in the order they picked
	takenBy := func(a answer) int {
		j := slices.IndexFunc(own, func(j int) bool { return sharesIssue(a.in, choices[j].told.in) })
		if j < 0 {
			return -1
		}
		return own[j]
	}
	for _, i := range order {
		if len(ranked[i]) == 0 {
			choices[i] = storyChoice{told: r.answer(questions[i], tiers...)}
			continue
		}
		if k := slices.IndexFunc(ranked[i], func(a answer) bool { return takenBy(a) < 0 }); k >= 0 {
			choices[i] = storyChoice{told: ranked[i][k]}
			own = append(own, i)
			continue
		}
		choices[i] = storyChoice{told: ranked[i][0], shared: true}
		choices[takenBy(ranked[i][0])].shared = true
	}
	return choices
}

// answersTo are the stories that answer question, best first, up to n:
// each the answer (see answer) once those before it are left out, as
// long as it answers without a note that it does not, and tells none of
// their issues.
func (r *report) answersTo(question string, n int, tiers [][]initiative) []answer {
	var found []answer
	for len(found) < n {
		a := r.answer(question, tiers...)
		if !a.found || a.note != "" || slices.ContainsFunc(found, func(b answer) bool { return sharesIssue(a.in, b.in) }) {
			break
		}
		found = append(found, a)
		left := make([][]initiative, len(tiers))
		for t, tier := range tiers {
			left[t] = slices.DeleteFunc(slices.Clone(tier), func(in initiative) bool { return sharesIssue(in, a.in) })
		}
		tiers = left
	}
	return found
}

// sharesIssue reports whether two stories tell the same issue: an
// incident's story and a thin story of one of its follow-ups are one
// anecdote.
func sharesIssue(a, b initiative) bool {
	issues := map[issueRef]bool{{a.epic.SiteName, a.epic.Key}: true}
	for _, e := range a.items {
		issues[issueRef{e.SiteName, e.IssueKey}] = true
	}
	return issues[issueRef{b.epic.SiteName, b.epic.Key}] || slices.ContainsFunc(b.items, func(e *evidence.Evidence) bool {
		return issues[issueRef{e.SiteName, e.IssueKey}]
	})
}

// sameStoryNote is the note on a story told for a second question, as
// no other story answers it: the action told for what this question asks
// is the one to lead with this time.
func sameStoryNote(first string, s story) string {
	note := "Same story as for “" + evidence.OneLine(first) + "”"
	i := slices.IndexFunc(s.Actions, func(a storyAction) bool { return a.EvidenceID == s.focused })
	if i < 0 && len(s.Actions) == 0 {
		return note
	}
	a := s.Actions[max(i, 0)]
	lead := storyQuote(a.Excerpt, 160)
	if !a.edit {
		lead = "“" + lead + "”"
	}
	return note + ": here lead with " + lead + " (" + a.IssueKey + ", " + dateOnly(a.at) + ")"
}

// writeAnswers writes the story chosen for each of several questions,
// each under its question, with its note.
func (r *report) writeAnswers(w io.Writer, opts StoryOptions, choices []storyChoice) error {
	asked := make([]askedStory, len(choices))
	var told []story // each story once, for what the file is built from
	var toldOf []initiative
	for i, c := range choices {
		asked[i] = askedStory{Question: opts.Questions[i], Note: c.told.note, Stories: []story{}}
		if !c.told.found {
			continue
		}
		stories := []story{r.storyAbout(c.told.in, &quoteSet{}, c.told)}
		r.tagQuestions(stories, []initiative{c.told.in}, c.told.question)
		asked[i].Stories = stories
		if !slices.ContainsFunc(toldOf, func(in initiative) bool { return sharesIssue(in, c.told.in) }) {
			told, toldOf = append(told, stories[0]), append(toldOf, c.told.in)
		}
	}
	for i, c := range choices {
		// The file is read in order: the question asked first of those
		// told one story tells it plain, the others say it is the same.
		first := slices.IndexFunc(choices, func(o storyChoice) bool { return o.shared && sharesIssue(o.told.in, c.told.in) })
		if c.shared && first < i {
			asked[i].Note = sameStoryNote(opts.Questions[first], asked[i].Stories[0])
		}
		if asked[i].Note != "" && opts.Lint != nil {
			if _, err := fmt.Fprintln(opts.Lint, "note: "+asked[i].Note); err != nil {
				return fmt.Errorf("write lint: %w", err)
			}
		}
	}
	if opts.JSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(struct {
			Answers []askedStory `json:"answers"`
		}{asked}); err != nil {
			return fmt.Errorf("write stories: %w", err)
		}
		return r.writeLint(opts.Lint)
	}
	bw := bufio.NewWriter(w)
	if writeStoriesIntro(bw, r, told, "") {
		for i, a := range asked {
			bw.WriteString("\n## " + strconv.Itoa(i+1) + ". ")
			writeEscaped(bw, evidence.OneLine(a.Question))
			bw.WriteString("\n")
			writeStoriesNote(bw, a.Note)
			for _, s := range a.Stories {
				writeStory(bw, "\n### ", s)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write stories: %w", err)
	}
	return r.writeLint(opts.Lint)
}
