package export

import (
	"encoding/json"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/pmfolio/pmfolio/evidence"
)

// storiesJSON is the JSON stories format, read back.
type storiesJSON struct {
	Stories []struct {
		Epic struct {
			Site, Key, Summary, URL string
		} `json:"epic"`
		Questions []string `json:"questions"`
		Situation string   `json:"situation"`
		Task      string   `json:"task"`
		Action    string   `json:"action"`
		Actions   []struct {
			Text       string `json:"text"`
			Category   string `json:"category"`
			EvidenceID string `json:"evidence_id"`
			IssueKey   string `json:"issue_key"`
			IssueURL   string `json:"issue_url"`
			Link       string `json:"link"`
			OccurredAt string `json:"occurred_at"`
			Excerpt    string `json:"excerpt"`
			Note       string `json:"note"`
		} `json:"actions"`
		Result string `json:"result"`
	} `json:"stories"`
}

func readStories(t *testing.T, p evidence.Portfolio, top int) storiesJSON {
	t.Helper()
	var doc storiesJSON
	dec := json.NewDecoder(strings.NewReader(render(t, func(w io.Writer, p evidence.Portfolio) error {
		return Stories(w, p, StoryOptions{Top: top, JSON: true})
	}, p)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestStoriesPointAtTheirEvidence(t *testing.T) {
	for name, p := range map[string]evidence.Portfolio{"typical": typicalPortfolio(), "rich": richPortfolio(), "generated": generatedPortfolio(3000)} {
		t.Run(name, func(t *testing.T) {
			byID := make(map[string]evidence.Evidence)
			for _, e := range p.Evidence {
				byID[e.ID] = e
			}
			doc := readStories(t, p, -1)
			if want := len(epicsWithEvidence(p)); len(doc.Stories) != want {
				t.Fatalf("%d stories, want one per initiative: %d", len(doc.Stories), want)
			}
			for _, s := range doc.Stories {
				// The result is the outcome, or what Jira shows; the
				// command that records one is for the terminal, not for
				// the story a reader gets.
				if s.Situation == "" || s.Task == "" || s.Action == "" || s.Result == "" ||
					!strings.Contains(s.Result, "“") && !strings.HasPrefix(s.Result, "What Jira shows: ") || strings.Contains(s.Result, "pmfolio") {
					t.Errorf("%s: incomplete story %+v", s.Epic.Key, s)
				}
				if len(s.Actions) == 0 || len(s.Actions) > storyActions {
					t.Errorf("%s: %d actions", s.Epic.Key, len(s.Actions))
				}
				categories := map[string]bool{}
				for _, a := range s.Actions {
					e, ok := byID[a.EvidenceID]
					if !ok {
						t.Errorf("%s: action %q points at no evidence item", s.Epic.Key, a.Text)
						continue
					}
					if a.IssueKey != e.IssueKey || a.IssueURL != e.IssueURL || a.Category != e.Category || !strings.Contains(a.Text, e.IssueKey) {
						t.Errorf("%s: action %+v does not match its item %s on %s", s.Epic.Key, a, e.ID, e.IssueKey)
					}
					// A follow-up filed from an incident is not the
					// incident itself.
					if e.Category == evidence.CatIncidentCoord {
						want := "Coordinated the incident on "
						if e.Source == evidence.SourceIssue {
							want = "Filed the incident follow-up "
						}
						if !strings.HasPrefix(a.Text, want) {
							t.Errorf("%s: action %q on %s item %s, want it to start %q", s.Epic.Key, a.Text, e.Source, e.ID, want)
						}
					}
					if e.IssueKey != s.Epic.Key && e.IssueParent != s.Epic.Key {
						t.Errorf("%s: action on %s, which is not in the initiative", s.Epic.Key, e.IssueKey)
					}
					categories[e.Category] = true
				}
				// Questions come from the kinds of work its actions quote.
				var allowed []string
				for c := range categories {
					cat, _ := evidence.CategoryByID(c)
					allowed = append(allowed, cat.StoryQuestion)
				}
				for _, q := range s.Questions {
					if !slices.Contains(allowed, q) {
						t.Errorf("%s: tagged %q, which none of its quoted actions answers", s.Epic.Key, q)
					}
				}
				if len(s.Questions) == 0 || len(s.Questions) > storyQuestions {
					t.Errorf("%s: %d questions", s.Epic.Key, len(s.Questions))
				}
			}
		})
	}
}

// No question tags two stories, so each story is the answer to questions
// of its own (stories --help promises it).
func TestNoQuestionTagsTwoStories(t *testing.T) {
	for name, p := range map[string]evidence.Portfolio{"typical": typicalPortfolio(), "rich": richPortfolio()} {
		seen := map[string]string{}
		for _, s := range readStories(t, p, -1).Stories {
			// It leads with a question one of its quoted actions answers.
			leads := false
			for _, a := range s.Actions {
				c, _ := evidence.CategoryByID(a.Category)
				leads = leads || len(s.Questions) > 0 && c.StoryQuestion == s.Questions[0]
			}
			if !leads {
				t.Errorf("%s: %s leads with %q, which none of its actions answers", name, s.Epic.Key, s.Questions)
			}
			for _, q := range s.Questions {
				if other, ok := seen[q]; ok {
					t.Errorf("%s: %q tags %s and %s", name, q, other, s.Epic.Key)
				}
				seen[q] = s.Epic.Key
			}
		}
	}
}

func TestStoriesAreStrongestFirstAndTop(t *testing.T) {
	p := generatedPortfolio(3000)
	all := readStories(t, p, -1).Stories
	if got := readStories(t, p, 0).Stories; len(got) != DefaultStories {
		t.Errorf("default: %d stories, want %d", len(got), DefaultStories)
	}
	two := readStories(t, p, 2).Stories
	if len(two) != 2 || two[0].Epic.Key != all[0].Epic.Key || two[1].Epic.Key != all[1].Epic.Key {
		t.Errorf("top 2 are not the first two of all")
	}
	// The typical portfolio's EU checkout epic, with ten items of eight
	// kinds, is a stronger story than refunds, with three of two.
	typical := readStories(t, typicalPortfolio(), -1).Stories
	if len(typical) != 2 || typical[0].Epic.Key != "PAY-101" {
		t.Errorf("stories = %+v", typical)
	}
	if got := readStories(t, emptyPortfolio(), 0).Stories; got == nil || len(got) != 0 {
		t.Errorf("empty portfolio: %v, want an empty list", got)
	}
}

func TestStoriesMarkdownStructure(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.portfolio()
			src := render(t, func(w io.Writer, p evidence.Portfolio) error { return Stories(w, p, StoryOptions{Top: -1}) }, p)
			d := parseMarkdownText(src)
			linkable := make(map[string]bool)
			for _, e := range p.Evidence {
				if httpURL(e.IssueURL) {
					linkable[e.IssueURL] = true
					linkable[e.RecordURL()] = true
				}
			}
			for _, ep := range p.Epics {
				if httpURL(ep.URL) {
					linkable[ep.URL] = true
				}
			}
			st := structureOf(t, d, linkable)
			if !slices.Equal(st.h1, []string{"Interview stories"}) {
				t.Errorf("h1 = %q", st.h1)
			}
			if got, want := len(st.h2), len(epicsWithEvidence(p)); got != want {
				t.Errorf("%d stories, want %d", got, want)
			}
			var parts []string
			err := ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if s, ok := n.(*ast.Emphasis); ok && entering && s.Level == 2 {
					parts = append(parts, d.inlineHTML(t, s))
				}
				return ast.WalkContinue, nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want := slices.Repeat([]string{"Situation.", "Task.", "Action.", "Result."}, len(st.h2))
			if !slices.Equal(parts, want) {
				t.Errorf("story parts = %q, want %q", parts, want)
			}
			for _, h := range st.h2 {
				if st.lists[h] == 0 {
					t.Errorf("story %q has no actions", h)
				}
			}
		})
	}
}

// Stories answer different questions. (Not the generated portfolio's: its
// initiatives quote one kind of work each, the same, and a story is tagged
// only with what its actions show.)
func TestStoriesHaveDistinctQuestionSets(t *testing.T) {
	for name, p := range map[string]evidence.Portfolio{"typical": typicalPortfolio(), "rich": richPortfolio()} {
		stories := readStories(t, p, 0).Stories
		seen := map[string]string{}
		for _, s := range stories {
			set := slices.Sorted(slices.Values(s.Questions))
			key := strings.Join(set, "|")
			if other, ok := seen[key]; ok {
				t.Errorf("%s: %s and %s answer the same questions %q", name, other, s.Epic.Key, set)
			}
			seen[key] = s.Epic.Key
		}
	}
}

func TestStoriesQuestionPicksTheBestStory(t *testing.T) {
	p := typicalPortfolio()
	var buf strings.Builder
	if err := Stories(&buf, p, StoryOptions{Question: "Tell me about a time you had to handle conflicting priorities", JSON: true}); err != nil {
		t.Fatal(err)
	}
	var doc storiesJSON
	if err := json.Unmarshal([]byte(buf.String()), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Stories) != 1 {
		t.Fatalf("%d stories, want the best one", len(doc.Stories))
	}
	s := doc.Stories[0]
	// PAY-120's prioritization outweighs PAY-101's (none).
	if s.Epic.Key != "PAY-120" || len(s.Questions) == 0 || s.Questions[0] != "a time you handled conflicting priorities" {
		t.Errorf("story %s tagged %q", s.Epic.Key, s.Questions)
	}
	// The story answers the question: it shows the user prioritizing.
	prioritizes := false
	for _, a := range s.Actions {
		prioritizes = prioritizes || a.Category == evidence.CatPrioritization
	}
	if !prioritizes {
		t.Errorf("the story that answers the question shows no prioritization: %+v", s.Actions)
	}
}

func TestStoriesResultIsTheOutcomeOrTheLint(t *testing.T) {
	p := typicalPortfolio()
	var out, lint strings.Builder
	if err := Stories(&out, p, StoryOptions{Top: -1, Lint: &lint}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "**Result.** “Closing the epic: 62% of refunds were self-served") {
		t.Errorf("PAY-120's result is not the closing comment:\n%s", out.String())
	}
	if want := `outcome missing: PAY-101 (EU checkout reliability) is shown without an outcome (its success metrics: timeout rate under 0.5% for 4 weeks; no rise in card declines); add one: pmfolio outcome PAY-101 "what changed, with a number"` + "\n"; lint.String() != want {
		t.Errorf("lint = %q, want %q", lint.String(), want)
	}
}

// A result too long to quote whole is cut after a word, never inside one.
func TestStoriesCutALongResultOnAWord(t *testing.T) {
	p := typicalPortfolio()
	long := "Outcome: the " + strings.Repeat("checkout timeouts fell again ", 20)
	p.Epics[0].Comments = append(p.Epics[0].Comments, evidence.Comment{ID: "10951", At: at("2026-07-02T10:00:00Z"), Author: priya, Text: long})
	var out strings.Builder
	if err := Stories(&out, p, StoryOptions{Top: -1}); err != nil {
		t.Fatal(err)
	}
	result := regexp.MustCompile(`\*\*Result\.\*\* “The checkout[^”]*”`).FindString(out.String())
	if !regexp.MustCompile(` (?:checkout|timeouts|fell|again)…”$`).MatchString(result) {
		t.Errorf("the long result is not cut after a whole word: %q", result)
	}
}

// A follow-up filed from a postmortem is not coordinating the incident:
// "Coordinated the incident on OPS-1284 (Decommission the old cluster)"
// misreads it.
func TestStoryVerbsSayWhatTheActivityWas(t *testing.T) {
	incident, _ := evidence.CategoryByID(evidence.CatIncidentCoord)
	story, _ := evidence.CategoryByID(evidence.CatStoryWriting)
	accept, _ := evidence.CategoryByID(evidence.CatAcceptanceTesting)
	for _, tt := range []struct {
		c                           evidence.Category
		source                      evidence.Source
		issueType, summary, excerpt string
		want                        string
	}{
		{incident, evidence.SourceIssue, "Task", "Follow-up: alert on pool saturation", "", "Filed the incident follow-up"},
		{incident, evidence.SourceIssue, "Task", "Postmortem: checkout failures for EU cards", "", "Wrote the postmortem"},
		{incident, evidence.SourceIssue, "Post-incident review", "Checkout failures, 4 March", "", "Wrote the postmortem"},
		{incident, evidence.SourceIssue, "Task", "Add the check the postmortem asked for", "", "Filed the incident follow-up"},
		{incident, evidence.SourceComment, "Postmortem", "Postmortem: checkout failures", "", "Coordinated the incident on"},
		{story, evidence.SourceIssue, "Story", "Guest checkout", "", "Wrote the story"},
		{evidence.Category{ID: "customer-research", Title: "Customer research"}, evidence.SourceComment, "Story", "", "", "Recorded Customer research on"},
		{accept, evidence.SourceComment, "Story", "Runbook links", "Checked in staging: meets AC 1-3.", "Verified"},
		{accept, evidence.SourceComment, "Story", "Runbook links", "Reopening: AC 2 says the alert links its runbook, but the link is missing.", "Tested and reopened"},
	} {
		if got := actionVerb(tt.c, tt.source, tt.issueType, tt.summary, tt.excerpt); got != tt.want {
			t.Errorf("%s from %s on %s %q: %q, want %q", tt.c.ID, tt.source, tt.issueType, tt.summary, got, tt.want)
		}
	}
}

// An outcome is what a hiring manager reads for: one of three sentences
// and some 300 characters is quoted whole, not cut in its last sentence.
func TestStoriesQuoteAWholeOutcome(t *testing.T) {
	p := typicalPortfolio()
	outcome := "Outcome: pages per on-call week averaged 12 over the last four weeks, down from 39 when we started. " +
		"One incident was reported by a customer first (the 4th), so the second success metric is missed once; its follow-up is in the next sprint. " +
		"Closing the epic."
	p.Epics[0].Comments = append(p.Epics[0].Comments, evidence.Comment{ID: "10952", At: at("2026-07-02T10:00:00Z"), Author: priya, Text: outcome})
	var out strings.Builder
	if err := Stories(&out, p, StoryOptions{Top: -1}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "its follow-up is in the next sprint. Closing the epic.”") {
		t.Errorf("the outcome is cut:\n%s", out.String())
	}
}

// A story quotes only what the user wrote: a field edit it tells for want
// of words ("Story Points: 3 → 5") is what they set, so it is not in
// quotation marks under "In my own words", in Markdown or JSON.
func TestStoriesDoNotQuoteAFieldEditAsWords(t *testing.T) {
	var md, js strings.Builder
	if err := Stories(&md, typicalPortfolio(), StoryOptions{Top: -1}); err != nil {
		t.Fatal(err)
	}
	if err := Stories(&js, typicalPortfolio(), StoryOptions{Top: -1, JSON: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "— Story Points: 3 → 5\n") {
		t.Fatalf("the fixture's story no longer tells the field edit:\n%s", md.String())
	}
	for _, s := range []string{md.String(), js.String()} {
		if strings.Contains(s, "“Story Points") {
			t.Errorf("a field edit quoted as the user's words:\n%s", s)
		}
	}
	if _, story, _ := strings.Cut(md.String(), "## 2."); strings.Contains(story, "In my own words") {
		t.Errorf("a story of field edits says they are in my own words:\n%s", story)
	}
}

// Evidence on no epic makes no story, and the file says why and what to do
// in Jira: "run pmfolio sync" would send a user who has synced in a circle.
func TestStoriesWithoutEpicsSayWhatWouldMakeOne(t *testing.T) {
	p := typicalPortfolio()
	p.Epics = nil
	md := render(t, func(w io.Writer, p evidence.Portfolio) error { return Stories(w, p, StoryOptions{}) }, p)
	if strings.Contains(md, "## ") || strings.Contains(md, "Run `pmfolio sync`, or widen") ||
		!strings.Contains(md, "none of your "+strconv.Itoa(len(p.Evidence))+" evidence items is on an epic") ||
		!strings.Contains(md, "create an epic for it") {
		t.Errorf("stories without epics:\n%s", md)
	}
	empty := render(t, func(w io.Writer, p evidence.Portfolio) error { return Stories(w, p, StoryOptions{}) }, emptyPortfolio())
	if !strings.Contains(empty, "Run `pmfolio sync`, or widen `--since` and `--until`.") {
		t.Errorf("stories without evidence:\n%s", empty)
	}
}

// A question no kind of work answers ("a time you failed") still gets the
// strongest story, but the story is not tagged as answering it, and the
// user is told so.
func TestStoriesQuestionNothingAnswersIsNotClaimed(t *testing.T) {
	var buf, lint strings.Builder
	if err := Stories(&buf, typicalPortfolio(), StoryOptions{Question: "Tell me about a time you failed", JSON: true, Lint: &lint}); err != nil {
		t.Fatal(err)
	}
	var doc storiesJSON
	if err := json.Unmarshal([]byte(buf.String()), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Stories) != 1 {
		t.Fatalf("%d stories, want the strongest one", len(doc.Stories))
	}
	for _, q := range doc.Stories[0].Questions {
		if strings.Contains(q, "failed") {
			t.Errorf("the story is tagged %q, which nothing in it answers", doc.Stories[0].Questions)
		}
	}
	if !strings.Contains(lint.String(), `no kind of work in your evidence answers "Tell me about a time you failed"`) {
		t.Errorf("stderr does not say the question is unanswered: %q", lint.String())
	}
}
