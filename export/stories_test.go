package export

import (
	"encoding/json"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"

	"github.com/pmfolio/pmfolio/evidence"
)

// storiesJSON is the JSON stories format, read back.
type storiesJSON struct {
	Stories []struct {
		Epic struct {
			Site, Key, Summary, URL string
		} `json:"epic"`
		Issue *struct {
			Site, Key, Summary, URL string
			Related                 []struct{ Key, URL string }
		} `json:"issue"`
		Questions  []string     `json:"questions"`
		Situation  string       `json:"situation"`
		Task       string       `json:"task"`
		Action     string       `json:"action"`
		Actions    []actionJSON `json:"actions"`
		Result     string       `json:"result"`
		ResultLink string       `json:"result_link"`
		// SponsorQuotes are as the export's headline gives them.
		SponsorQuotes []sponsorQuoteJSON `json:"sponsor_quotes"`
	} `json:"stories"`
}

// actionJSON is an action of the JSON stories format, read back.
type actionJSON struct {
	Text       string `json:"text"`
	Category   string `json:"category"`
	EvidenceID string `json:"evidence_id"`
	IssueKey   string `json:"issue_key"`
	IssueURL   string `json:"issue_url"`
	Link       string `json:"link"`
	OccurredAt string `json:"occurred_at"`
	Excerpt    string `json:"excerpt"`
	Note       string `json:"note"`
	Answers    bool   `json:"answers"`
	Answer     string `json:"answer"`
	Kept       string `json:"kept"`
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
	for _, tc := range []struct {
		name string
		p    evidence.Portfolio
		// onNoEpic are the issues on no epic with a story.
		onNoEpic []string
	}{
		{"typical", typicalPortfolio(), nil},
		{"rich", richPortfolio(), []string{"CHK-310"}},
		{"generated", generatedPortfolio(3000), nil},
		{"no epic", noEpicPortfolio(), []string{"OPS-412", "CHK-530"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.p
			byID := make(map[string]evidence.Evidence)
			for _, e := range p.Evidence {
				byID[e.ID] = e
			}
			doc := readStories(t, p, -1)
			var told []string
			for _, s := range doc.Stories {
				if s.Issue != nil {
					told = append(told, s.Issue.Key)
				}
			}
			if want := len(epicsWithEvidence(p)) + len(tc.onNoEpic); len(doc.Stories) != want || !slices.Equal(told, tc.onNoEpic) {
				t.Fatalf("%d stories, issues on no epic %q; want one per initiative, then %q", len(doc.Stories), told, tc.onNoEpic)
			}
			for _, s := range doc.Stories {
				// An issue story's epic is its issue, and its issues are
				// that one and its postmortems and follow-ups.
				issues := []string{s.Epic.Key}
				if s.Issue != nil {
					s.Epic.Key, issues = s.Issue.Key, []string{s.Issue.Key}
					for _, ref := range s.Issue.Related {
						issues = append(issues, ref.Key)
					}
				}
				// The result is the outcome, or what Jira shows; the
				// command that records one is for the terminal, not for
				// the story a reader gets.
				if s.Situation == "" || s.Task == "" || s.Action == "" || s.Result == "" ||
					!strings.Contains(s.Result, "“") && !strings.HasPrefix(s.Result, fromJira) || strings.Contains(s.Result, "pmfolio") {
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
						switch {
						case e.Source == evidence.SourceIssue && isPostmortem(e.IssueType, e.IssueSummary):
							want = "Wrote the postmortem "
						case e.Source == evidence.SourceIssue:
							want = "Filed the incident follow-up "
						}
						if !strings.HasPrefix(a.Text, want) {
							t.Errorf("%s: action %q on %s item %s, want it to start %q", s.Epic.Key, a.Text, e.Source, e.ID, want)
						}
					}
					if !slices.Contains(issues, e.IssueKey) && e.IssueParent != s.Epic.Key {
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
			st := structureOf(t, d, portfolioLinks(p))
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
	epic, _ := evidence.CategoryByID(evidence.CatEpicOwnership)
	release, _ := evidence.CategoryByID(evidence.CatReleasePlanning)
	for _, tt := range []struct {
		c                           evidence.Category
		source                      evidence.Source
		issueType, summary, excerpt string
		want                        string
		rule                        string
	}{
		{incident, evidence.SourceIssue, "Task", "Follow-up: alert on pool saturation", "", "Filed the incident follow-up", ""},
		{incident, evidence.SourceIssue, "Task", "Postmortem: checkout failures for EU cards", "", "Wrote the postmortem", ""},
		{incident, evidence.SourceIssue, "Post-incident review", "Checkout failures, 4 March", "", "Wrote the postmortem", ""},
		{incident, evidence.SourceIssue, "Task", "Write-up: card payment failures on 12 Aug", "", "Wrote the postmortem", ""},
		{incident, evidence.SourceIssue, "Task", "RCA: duplicate refunds", "", "Wrote the postmortem", ""},
		{incident, evidence.SourceIssue, "Task", "Write up the runbook for failover", "", "Filed the incident follow-up", ""},
		{incident, evidence.SourceIssue, "Task", "Add the check the postmortem asked for", "", "Filed the incident follow-up", ""},
		{incident, evidence.SourceComment, "Postmortem", "Postmortem: checkout failures", "", "Coordinated the incident on", ""},
		{story, evidence.SourceIssue, "Story", "Guest checkout", "", "Wrote the story", ""},
		{evidence.Category{ID: "customer-research", Title: "Customer research"}, evidence.SourceComment, "Story", "", "", "Recorded Customer research on", ""},
		{accept, evidence.SourceComment, "Story", "Runbook links", "Checked in staging: meets AC 1-3.", "Verified", ""},
		{accept, evidence.SourceComment, "Story", "Runbook links", "Reopening: AC 2 says the alert links its runbook, but the link is missing.", "Tested and reopened", ""},
		{accept, evidence.SourceChange, "Story", "Runbook links", "Status: Done → In Progress", "Tested and reopened", "change.reopen"},
		{accept, evidence.SourceChange, "Story", "Runbook links", "Status: In Review → Done", "Verified", "change.accept"},
		{epic, evidence.SourceChange, "Epic", "Kubernetes 1.30 upgrade", "Status: To Do → In Progress", "Moved the epic", "change.epic-status"},
		{epic, evidence.SourceComment, "Epic", "Kubernetes 1.30 upgrade", "Scope: the drain settings are out of this epic.", "Shaped the epic", ""},
		{release, evidence.SourceComment, "Task", "Ramp saved cards", "at 5% of web traffic since this morning. watching payment failures on the dashboard", "Reported the rollout of", ""},
		{release, evidence.SourceComment, "Task", "Ramp saved cards", "25% now. payment failure rate 0.81% vs 0.79% control, within noise", "Reported the rollout of", ""},
		{release, evidence.SourceComment, "Epic", "Saved cards", "new plan: 5% on Aug 25, 25% two weeks later, 100% end of September", "Planned the release of", ""},
		{release, evidence.SourceComment, "Story", "Refunds v2", "Moving this to 4.14: it misses the 4.13 code freeze.", "Planned the release of", ""},
	} {
		e := &evidence.Evidence{Category: tt.c.ID, Rule: tt.rule, Source: tt.source, IssueType: tt.issueType, IssueSummary: tt.summary, Excerpt: tt.excerpt}
		if got := actionVerb(tt.c, e); got != tt.want {
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
	// Whole, but for its bare closing note (evidence.QuoteBody).
	if !strings.Contains(out.String(), "its follow-up is in the next sprint.”") {
		t.Errorf("the outcome is cut, or ends in Jira's housekeeping:\n%s", out.String())
	}
}

// A story runs in time, situation to result: what the user did in the
// days after the comment that states the result (the wrap-up week, which
// still counts to the initiative's size) is not told as an action before
// it, in the story or in the brief.
func TestNoActionIsToldAfterTheResult(t *testing.T) {
	p := typicalPortfolio()
	late := "Decision: we keep the refund limit at 500 EUR per order, not 1,000, because finance wants a month of data first."
	p.Evidence = append(p.Evidence, jiraItem(storyRefund, evidence.SourceComment, "10960", "2026-11-02T10:00:00Z",
		evidence.CatDecisionMaking, "comment.decision", 0.9, late))
	var story, brief strings.Builder
	if err := Stories(&story, p, StoryOptions{Top: -1}); err != nil {
		t.Fatal(err)
	}
	if err := Markdown(&brief, p, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(story.String(), "62% of refunds were self-served") {
		t.Fatalf("no story of PAY-120 tells its result:\n%s", story.String())
	}
	// The résumé bullets may quote it among the user's decisions: they
	// tell it as no initiative's.
	told, _, _ := strings.Cut(brief.String(), "## Résumé bullets")
	for name, out := range map[string]string{"story": story.String(), "brief": told} {
		if strings.Contains(out, "refund limit at 500 EUR") {
			t.Errorf("the %s quotes a decision of 2 November as what led to the result of 30 October:\n%s", name, out)
		}
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

// Evidence on no epic, none of it two comments or more on one issue,
// makes no story, and the file says why and what to do in Jira: "run
// pmfolio sync" would send a user who has synced in a circle.
func TestStoriesWithoutEpicsSayWhatWouldMakeOne(t *testing.T) {
	p := typicalPortfolio()
	p.Epics = nil
	md := render(t, func(w io.Writer, p evidence.Portfolio) error { return Stories(w, p, StoryOptions{}) }, p)
	if strings.Contains(md, "## ") || strings.Contains(md, "Run `pmfolio sync`, or widen") ||
		!strings.Contains(md, "none of your "+strconv.Itoa(len(p.Evidence))+" evidence items is on an epic or an issue under one, nor are 2 of them your comments on one issue.") ||
		!strings.Contains(md, "create an epic for it") || !strings.Contains(md, "write its decisions and updates as comments on its issue") {
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
	if !strings.Contains(lint.String(), `so no story answers "Tell me about a time you failed"; here is your strongest story instead`) {
		t.Errorf("stderr does not say the question is unanswered: %q", lint.String())
	}
}

// A user whose PM work is on no epic gets stories from it: the incident
// they coordinated with its postmortem and follow-up, and the story they
// unblocked and decided on. A bug with one comment of theirs is no story.
func TestStoriesFromIssuesOnNoEpic(t *testing.T) {
	p := noEpicPortfolio()
	var md, js, lint strings.Builder
	if err := Stories(&md, p, StoryOptions{Lint: &lint}); err != nil {
		t.Fatal(err)
	}
	if err := Stories(&js, p, StoryOptions{JSON: true}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "noepic.golden.stories.md", []byte(md.String()))
	checkGolden(t, "noepic.golden.stories.json", []byte(js.String()))

	doc := readStories(t, p, 0)
	if len(doc.Stories) != 2 || doc.Stories[0].Issue == nil || doc.Stories[1].Issue == nil {
		t.Fatalf("stories = %+v, want OPS-412 and CHK-530", doc.Stories)
	}
	incident, story := doc.Stories[0], doc.Stories[1]
	if incident.Issue.Key != "OPS-412" || story.Issue.Key != "CHK-530" || incident.Epic.Key != "" {
		t.Errorf("told %s and %s (epic %q), want the incident OPS-412 first, then CHK-530, on no epic", incident.Issue.Key, story.Issue.Key, incident.Epic.Key)
	}
	// The postmortem names the incident and the follow-up the postmortem:
	// both are the incident's story.
	var related []string
	for _, ref := range incident.Issue.Related {
		related = append(related, ref.Key)
	}
	if !slices.Equal(related, []string{"OPS-415", "OPS-416"}) ||
		!strings.HasPrefix(incident.Situation, "“Payment webhooks delayed by up to 40 minutes” (OPS-412) was an incident in Operations (OPS). I worked on it, its postmortem OPS-415 and its follow-up OPS-416 in May 2026") {
		t.Errorf("the incident's story does not tell its postmortem and follow-up: %q, %q", related, incident.Situation)
	}
	// Redaction renames keys in the user's words too: the postmortem still
	// names its incident.
	if r := readStories(t, Redact(p, nil), 1).Stories; len(r) != 1 || r[0].Issue == nil || len(r[0].Issue.Related) != 2 {
		t.Errorf("redacted, the incident's story lost its postmortem or follow-up: %+v", r)
	}
	var verbs []string
	for _, a := range incident.Actions {
		verb, _, _ := strings.Cut(a.Text, " OPS-")
		verbs = append(verbs, verb)
	}
	if want := []string{"Coordinated the incident on", "Updated stakeholders on", "Recorded a decision on", "Wrote the postmortem", "Filed the incident follow-up"}; !slices.Equal(verbs, want) {
		t.Errorf("the incident's actions are %q, want %q", verbs, want)
	}
	// Every action quotes the user's words on its record, linked; no field
	// edit is told, and the comment the result quotes is not an action too.
	byID := make(map[string]evidence.Evidence)
	for _, e := range p.Evidence {
		byID[e.ID] = e
	}
	for _, s := range doc.Stories {
		for _, a := range s.Actions {
			e := byID[a.EvidenceID]
			if e.Source == evidence.SourceChange || a.Excerpt != e.Excerpt || a.Link != e.RecordURL() || !strings.HasPrefix(a.Link, "https://") {
				t.Errorf("%s: action %+v is not the user's words on its record %s", s.Issue.Key, a, e.ID)
			}
			if strings.HasPrefix(a.Excerpt, "Resolved:") {
				t.Errorf("%s: the outcome is told as an action too", s.Issue.Key)
			}
		}
	}
	// The actions go on after the comment the result quotes: the result
	// says what became of the postmortem and follow-up they tell.
	if incident.Result != "“Resolved: the queue was empty at 16:05 and deliveries are back under 5 seconds. Postmortem in OPS-415.” (Jira comment, 2026-05-12). "+
		"What followed, as Jira shows it: its postmortem OPS-415 is done; its follow-up OPS-416 is not done yet." {
		t.Errorf("the incident's result = %q, want the user's closing comment and what followed", incident.Result)
	}
	// CHK-530 is not done and nobody wrote its outcome: the story says what
	// Jira shows, and the terminal says it has none.
	if story.Result != fromJira+"the issue is not done yet." {
		t.Errorf("CHK-530's result = %q", story.Result)
	}
	if want := "outcome missing: CHK-530 (Show saved cards at checkout) is told without an outcome: it is not done yet, and no comment of yours on it that is evidence says “Outcome: …”; add one: pmfolio outcome CHK-530 \"what changed, with a number\"\n"; lint.String() != want {
		t.Errorf("lint = %q, want %q", lint.String(), want)
	}
	if strings.Contains(md.String(), "PAY-777") || strings.Contains(md.String(), "Priority: High") || strings.Contains(md.String(), "is blocked by") {
		t.Errorf("a one-comment bug or a field edit made it into the stories:\n%s", md.String())
	}
	if !strings.Contains(md.String(), ": an incident and one other issue. ") {
		t.Errorf("the stories do not say what they are built from:\n%s", md.String())
	}
}

// The outcome the user recorded on an issue (`pmfolio outcome CHK-530 …`)
// is its story's result, in their words, redacted with the rest.
func TestAnIssueStoryTellsTheOutcomeTheUserRecorded(t *testing.T) {
	p := noEpicPortfolio()
	p.IssueOutcomes = []evidence.IssueOutcome{{SiteName: "acme", Key: "CHK-530", Text: "Saved cards went live on 2 May; Dana's team saw checkout time drop 18%."}}
	var lint strings.Builder
	if err := Stories(io.Discard, p, StoryOptions{Lint: &lint}); err != nil {
		t.Fatal(err)
	}
	if lint.Len() != 0 {
		t.Errorf("lint = %q, want none: every story has an outcome", lint.String())
	}
	doc := readStories(t, p, 0)
	if len(doc.Stories) != 2 || doc.Stories[1].Issue == nil || doc.Stories[1].Issue.Key != "CHK-530" {
		t.Fatalf("stories = %+v, want CHK-530 second", doc.Stories)
	}
	if got, want := doc.Stories[1].Result, "Saved cards went live on 2 May; Dana's team saw checkout time drop 18%."; got != want {
		t.Errorf("CHK-530's result = %q, want %q", got, want)
	}
	red := readStories(t, Redact(p, nil), 0)
	if len(red.Stories) != 2 || !strings.Contains(red.Stories[1].Result, "checkout time drop 18%") ||
		strings.Contains(red.Stories[1].Result, "Dana") || red.Stories[1].Issue.Key == "CHK-530" {
		t.Errorf("redacted, CHK-530's story is %+v", red.Stories[1])
	}
}

// A result is what the user recorded as one: an "Outcome:" line, or their
// last comment closing a done issue with a number. Anything less, and the
// story says what Jira shows.
func TestIssueStoryResultIsOnlyARecordedOutcome(t *testing.T) {
	const whatJiraShows = fromJira
	for _, tt := range []struct {
		name, last string
		status     string // of the incident
		// later is a comment on the postmortem after the incident's last.
		later string
		want  string // the result, or its start
	}{
		{"a closing comment with a number on a done incident", "Resolved: deliveries back under 5 seconds at 16:05.", "done", "",
			"“Resolved: deliveries back under 5 seconds at 16:05.” (Jira comment, 2026-05-12)"},
		{"the postmortem's later comments leave the incident's closing its outcome", "All clear since 16:05, closing.", "done",
			"Closing: all follow-ups are filed, 2 of them done.", "“All clear since 16:05, closing.” (Jira comment, 2026-05-12)"},
		{"an update that came last is no outcome", "Update: errors at 12%, next update 17:00.", "done", "", whatJiraShows},
		{"an incident's impact is no outcome", "Update: mitigation is live. Impact: 3,100 merchants, 40 minutes.", "done", "", whatJiraShows},
		{"a closing comment on an incident still open is no outcome", "Resolved: deliveries back under 5 seconds at 16:05.", "indeterminate", "", whatJiraShows},
		{"a closing comment without a number says it ended, not what changed", "Resolved, closing this.", "done", "", whatJiraShows},
		{"an outcome line counts whatever the status", "Update: the fix is out. Outcome: webhook lag under 5 seconds for 30 days.", "indeterminate", "",
			"“Webhook lag under 5 seconds for 30 days.” (Jira comment, 2026-05-12)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := noEpicPortfolio()
			for i := range p.Evidence {
				e := &p.Evidence[i]
				if e.IssueKey == incidentWebhooks.key {
					e.IssueStatusCategory = tt.status
				}
				if e.SourceID == "70004" {
					e.Excerpt = tt.last
				}
			}
			if tt.later != "" {
				p.Evidence = append(p.Evidence, jiraItem(postmortemHooks, evidence.SourceComment, "70500", "2026-05-20T09:00:00Z",
					evidence.CatIncidentCoord, "comment.incident-status", 0.8, tt.later))
			}
			var lint strings.Builder
			doc := readStories(t, p, 1)
			if err := Stories(io.Discard, p, StoryOptions{Top: 1, Lint: &lint}); err != nil {
				t.Fatal(err)
			}
			s := doc.Stories[0]
			if s.Issue == nil || s.Issue.Key != "OPS-412" || !strings.HasPrefix(s.Result, tt.want) {
				t.Fatalf("result = %q, want %q", s.Result, tt.want)
			}
			if missing := strings.Contains(lint.String(), "OPS-412"); missing != (tt.want == whatJiraShows) {
				t.Errorf("lint = %q", lint.String())
			}
		})
	}
}

// Epic stories come first; stories of issues on no epic only fill up to
// --top.
func TestIssueStoriesOnlyFillUp(t *testing.T) {
	p := typicalPortfolio()
	p.Evidence = append(p.Evidence, noEpicPortfolio().Evidence...)
	kinds := func(top int) []string {
		var out []string
		for _, s := range readStories(t, p, top).Stories {
			if s.Issue != nil {
				out = append(out, "issue "+s.Issue.Key)
			} else {
				out = append(out, "epic "+s.Epic.Key)
			}
		}
		return out
	}
	for top, want := range map[int][]string{
		1: {"epic PAY-101"},
		2: {"epic PAY-101", "epic PAY-120"},
		3: {"epic PAY-101", "epic PAY-120", "issue OPS-412"},
		5: {"epic PAY-101", "epic PAY-120", "issue OPS-412", "issue CHK-530"},
	} {
		if got := kinds(top); !slices.Equal(got, want) {
			t.Errorf("--top %d: %q, want %q", top, got, want)
		}
	}
}

// --question picks among the issue stories when no epic story answers it.
func TestStoriesQuestionPicksAnIssueStory(t *testing.T) {
	for question, want := range map[string]string{
		"Tell me about a time you helped your team get unstuck": "CHK-530",
		"Tell me about a time you stayed calm under pressure":   "OPS-412",
	} {
		var buf strings.Builder
		if err := Stories(&buf, noEpicPortfolio(), StoryOptions{Question: question, JSON: true}); err != nil {
			t.Fatal(err)
		}
		var doc storiesJSON
		if err := json.Unmarshal([]byte(buf.String()), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != want ||
			!strings.Contains(question, doc.Stories[0].Questions[0]) {
			t.Errorf("%q: %+v, want the story of %s, tagged with the question", question, doc.Stories, want)
		}
	}
}

// "A time you handled an incident" is told by the incident the user
// coordinated, not by an epic where one incident note sits, nor by the
// kind of work whose question also "handled" something (conflicting
// priorities).
func TestStoriesQuestionAboutAnIncidentPicksTheIncident(t *testing.T) {
	p := typicalPortfolio()
	p.Evidence = append(p.Evidence, noEpicPortfolio().Evidence...)
	p.Evidence = append(p.Evidence, jiraItem(storyTO, evidence.SourceComment, "61001", "2026-03-02T09:00:00Z",
		evidence.CatIncidentCoord, "comment.incident-status", 0.8,
		"Status: EU timeouts back to baseline since 09:40; next update at 12:00."))
	var buf strings.Builder
	if err := Stories(&buf, p, StoryOptions{Question: "Tell me about a time you handled an incident", JSON: true}); err != nil {
		t.Fatal(err)
	}
	var doc storiesJSON
	if err := json.Unmarshal([]byte(buf.String()), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != "OPS-412" ||
		!slices.Contains(doc.Stories[0].Questions, "a time you stayed calm under pressure") {
		t.Errorf("stories %+v, want the incident OPS-412, tagged as staying calm under pressure", doc.Stories)
	}
}

// The situation of an issue the user filed quotes what they wrote then,
// and the actions do not quote it again.
func TestIssueStorySituationQuotesWhatTheUserFiled(t *testing.T) {
	p := noEpicPortfolio()
	filed := "Refund emails go out twice since the mail queue retries on timeout; 40 merchants complained this week, because shoppers think they were refunded twice."
	p.Evidence = append(p.Evidence,
		jiraItem(bugRefundMail, evidence.SourceIssue, bugRefundMail.id, "2026-05-28T09:00:00Z",
			evidence.CatStoryWriting, "issue.problem-statement", 0.8, filed),
		jiraItem(bugRefundMail, evidence.SourceComment, "90002", "2026-05-29T09:00:00Z",
			evidence.CatDecisionMaking, "comment.decision", 0.85,
			"Decision: we make the send idempotent rather than stop the retries, so that no refund email is lost."))
	var bug *struct {
		Site, Key, Summary, URL string
		Related                 []struct{ Key, URL string }
	}
	for _, s := range readStories(t, p, -1).Stories {
		if s.Issue == nil || s.Issue.Key != "PAY-777" {
			continue
		}
		bug = s.Issue
		if want := "“Refund emails sent twice” (PAY-777) was a bug in Payments (PAY). I worked on it between May and June 2026, alongside 1 teammate. " +
			"When I filed it I wrote: “" + filed + "”"; s.Situation != want {
			t.Errorf("situation = %q", s.Situation)
		}
		for _, a := range s.Actions {
			if a.Excerpt == filed {
				t.Errorf("the filing the situation quotes is an action too: %+v", a)
			}
		}
		if len(s.Actions) != 2 {
			t.Errorf("actions = %+v, want the decision and the verification", s.Actions)
		}
	}
	if bug == nil {
		t.Fatal("no story of PAY-777, which the user filed and commented on twice")
	}
}

// A result quoted from a comment the story's actions go on after says what
// followed, as Jira shows it now; one the user recorded, or a comment
// after every action, says nothing more.
func TestIncidentStoryResultSaysWhatFollowed(t *testing.T) {
	for _, tt := range []struct {
		name   string
		change func(p *evidence.Portfolio)
		want   string
	}{
		{"every follow-up done", func(p *evidence.Portfolio) {
			for i := range p.Evidence {
				if p.Evidence[i].IssueKey == followUpLag.key {
					p.Evidence[i].IssueStatusCategory = evidence.StatusCategoryEnd
				}
			}
		}, "(Jira comment, 2026-05-12). What followed, as Jira shows it: its postmortem OPS-415 and its follow-up OPS-416 are done."},
		{"the user's own outcome", func(p *evidence.Portfolio) {
			p.IssueOutcomes = []evidence.IssueOutcome{{SiteName: "acme", Key: "OPS-412", Text: "Webhook lag has stayed under 5 seconds since."}}
		}, "Webhook lag has stayed under 5 seconds since."},
		{"an outcome after every action", func(p *evidence.Portfolio) {
			p.Evidence = append(p.Evidence, jiraItem(postmortemHooks, evidence.SourceComment, "70600", "2026-06-20T09:00:00Z",
				evidence.CatIncidentCoord, "comment.incident-status", 0.8, "Outcome: no webhook delay over 5 minutes in the 30 days since."))
		}, "(Jira comment, 2026-06-20)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := noEpicPortfolio()
			tt.change(&p)
			s := readStories(t, p, 1).Stories[0]
			if s.Issue == nil || s.Issue.Key != "OPS-412" || !strings.HasSuffix(s.Result, tt.want) {
				t.Errorf("result = %q, want it to end %q", s.Result, tt.want)
			}
		})
	}
}

// An incident's story tells what the user did while it ran, not only the
// postmortem and follow-ups after it: filing a follow-up is incident
// coordination too, and must not take the place of the coordination on
// the incident itself.
func TestIncidentStoryTellsTheIncidentItself(t *testing.T) {
	p := noEpicPortfolio()
	// On the incident, coordination only; on its postmortem and
	// follow-up, stronger work of four other kinds.
	for i := range p.Evidence {
		if e := &p.Evidence[i]; e.IssueKey == incidentWebhooks.key && e.Source == evidence.SourceComment {
			e.Category = evidence.CatIncidentCoord
		}
	}
	p.Evidence = append(p.Evidence,
		jiraItem(postmortemHooks, evidence.SourceComment, "70701", "2026-05-15T09:00:00Z", evidence.CatPrioritization, "comment.prioritization", 0.9,
			"Ranked the alerting follow-up OPS-416 above the checkout work because 3,100 merchants were hit last time; the config review goes second."),
		jiraItem(postmortemHooks, evidence.SourceComment, "70702", "2026-05-18T09:00:00Z", evidence.CatSprintPlanning, "comment.sprint", 0.9,
			"For planning: 5 points in OPS Sprint 20, fits if we drop the dashboard polish, so that the alert ships before the next peak on 1 June."),
		jiraItem(followUpLag, evidence.SourceComment, "70703", "2026-05-20T09:00:00Z", evidence.CatReleasePlanning, "comment.release", 0.9,
			"This ships in platform-2026.06 behind a flag; we turn it on for 25% of traffic the week after, because a noisy alert would page all 12 engineers."),
		jiraItem(followUpLag, evidence.SourceComment, "70704", "2026-05-21T09:00:00Z", evidence.CatUnblocking, "comment.unblock", 0.9,
			"Alex, staging is enough for the alert test, you do not need prod access, so you can start today; 2 reviewers are lined up for Thursday."))
	s := readStories(t, p, 1).Stories[0]
	if s.Issue == nil || s.Issue.Key != incidentWebhooks.key {
		t.Fatalf("story = %+v, want the incident's", s)
	}
	var onIncident, after int
	for i, a := range s.Actions {
		switch {
		case a.IssueKey == incidentWebhooks.key && strings.Contains(a.Link, "focusedCommentId="):
			onIncident++
		case a.IssueKey != incidentWebhooks.key:
			after++
		}
		if i > 0 && a.OccurredAt < s.Actions[i-1].OccurredAt {
			t.Errorf("actions out of date order: %s before %s", s.Actions[i-1].OccurredAt, a.OccurredAt)
		}
	}
	if onIncident != 2 || after != len(s.Actions)-2 || len(s.Actions) != storyActions {
		t.Errorf("want 2 of my comments on the incident and %d actions after it, got:\n%+v", storyActions-2, s.Actions)
	}
	// After it, the postmortem and the follow-up the user filed (see
	// TestIncidentStoryTellsItsPostmortemAndFollowUp), then one action of
	// each other kind of work.
	var filed []string
	kinds := map[string]bool{}
	for _, a := range s.Actions[len(s.Actions)-after:] {
		if !strings.Contains(a.Link, "focusedCommentId=") {
			filed = append(filed, a.IssueKey)
			continue
		}
		if kinds[a.Category] {
			t.Errorf("two actions after the incident are %s, with other kinds left out: %+v", a.Category, s.Actions)
		}
		kinds[a.Category] = true
	}
	if !slices.Equal(filed, []string{postmortemHooks.key, followUpLag.key}) {
		t.Errorf("after the incident, filed %q, want the postmortem and the follow-up: %+v", filed, s.Actions)
	}
}

// An incident's story tells its arc before anything else on it: what the
// user did while it ran, the postmortem they wrote, a follow-up they
// filed. Sprint or release planning on the postmortem and follow-ups,
// however strong, only fills what room is left; a follow-up filed in
// stronger words than the postmortem does not take its place as
// incident coordination, nor does a postmortem written to the same
// template as another story's go untold.
func TestIncidentStoryTellsItsPostmortemAndFollowUp(t *testing.T) {
	cardsDown := fixtureIssue{"40500", "OPS-500", "Incident", "Card payments failing in eu-west-1", "", me, "done", nil}
	cardsPostmortem := fixtureIssue{"40501", "OPS-501", "Task", "Postmortem: card payments failing on 3 June", "", me, "done", nil}
	for _, tt := range []struct {
		name     string
		change   func(p *evidence.Portfolio)
		incident string
		want     []string // the actions of the arc, by their text
	}{
		{"planning on a follow-up filed in stronger words than the postmortem", func(p *evidence.Portfolio) {
			for i := range p.Evidence {
				if e := &p.Evidence[i]; e.IssueKey == followUpLag.key && e.Source == evidence.SourceIssue {
					e.Excerpt = "From the postmortem OPS-415: page on-call when webhook lag exceeds 5 minutes, so that we hear about it before merchants do; " +
						"last time 3,100 merchants told support first and we answered 240 tickets."
				}
			}
			p.Evidence = append(p.Evidence,
				jiraItem(followUpLag, evidence.SourceComment, "70711", "2026-05-18T09:00:00Z", evidence.CatSprintPlanning, "comment.sprint", 0.9,
					"For planning: 5 points in OPS Sprint 20, fits if we drop the dashboard polish, so that the alert ships before the next peak on 1 June."),
				jiraItem(followUpLag, evidence.SourceComment, "70712", "2026-05-20T09:00:00Z", evidence.CatReleasePlanning, "comment.release", 0.9,
					"This ships in platform-2026.06 behind a flag; we turn it on for 25% of traffic the week after, because a noisy alert would page all 12 engineers."))
		}, incidentWebhooks.key, []string{"Wrote the postmortem OPS-415", "Filed the incident follow-up OPS-416"}},
		{"planning on a postmortem written to another story's template", func(p *evidence.Portfolio) {
			p.Evidence = append(p.Evidence,
				jiraItem(cardsDown, evidence.SourceComment, "71001", "2026-06-03T09:00:00Z", evidence.CatIncidentCoord, "comment.incident-status", 0.85,
					"Incident: card payments are 25 minutes behind for all merchants; payments are queued, none lost. I am coordinating; next update 09:45."),
				jiraItem(cardsPostmortem, evidence.SourceIssue, cardsPostmortem.id, "2026-06-05T10:00:00Z", evidence.CatIncidentCoord, "issue.postmortem", 0.9,
					"Postmortem for OPS-500: a config change halved the card gateway workers at peak; 800 merchants got failed payments for up to 25 minutes. Follow-ups: OPS-502 (alerting), OPS-503 (config review)."),
				jiraItem(cardsPostmortem, evidence.SourceComment, "71002", "2026-06-08T10:00:00Z", evidence.CatPrioritization, "comment.prioritization", 0.9,
					"Ranked the certificate alert above the checkout work because 800 merchants were hit; the renewal runbook goes second."),
				jiraItem(cardsPostmortem, evidence.SourceComment, "71003", "2026-06-09T10:00:00Z", evidence.CatSprintPlanning, "comment.sprint", 0.9,
					"For planning: 3 points in OPS Sprint 21, fits if we drop the dashboard polish, so that the alert ships before the next peak on 1 July."),
				jiraItem(cardsPostmortem, evidence.SourceComment, "71004", "2026-06-10T10:00:00Z", evidence.CatReleasePlanning, "comment.release", 0.9,
					"This ships in platform-2026.07 behind a flag; we turn it on for 10% of traffic the week after, because a false alarm would page all 12 engineers."))
		}, cardsDown.key, []string{"Wrote the postmortem OPS-501"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := noEpicPortfolio()
			tt.change(&p)
			stories := readStories(t, p, -1).Stories
			i := -1
			for j, s := range stories {
				if s.Issue != nil && s.Issue.Key == tt.incident {
					i = j
				}
			}
			if i < 0 {
				t.Fatalf("no story of the incident %s", tt.incident)
			}
			s := stories[i]
			var texts []string
			for _, a := range s.Actions {
				texts = append(texts, a.Text)
			}
			for _, want := range tt.want {
				if !slices.ContainsFunc(texts, func(text string) bool { return strings.HasPrefix(text, want) }) {
					t.Errorf("the story of %s does not tell %q; its actions are:\n%s", tt.incident, want, strings.Join(texts, "\n"))
				}
			}
			if !slices.ContainsFunc(s.Actions, func(a actionJSON) bool { return a.IssueKey == tt.incident }) {
				t.Errorf("the story of %s tells none of the incident itself: %q", tt.incident, texts)
			}
			// The arc takes its slots from the planning, not from the limit.
			if len(s.Actions) != storyActions || !slices.ContainsFunc(s.Actions, func(a actionJSON) bool {
				return a.Category == evidence.CatSprintPlanning || a.Category == evidence.CatReleasePlanning
			}) {
				t.Errorf("want %d actions, planning among them, got:\n%s", storyActions, strings.Join(texts, "\n"))
			}
		})
	}
}

// Incident updates follow a template: a second incident's story quotes
// its own update, filled in as the first story's is, rather than none of
// its incident.
func TestIncidentStoriesEachTellTheirIncident(t *testing.T) {
	p := noEpicPortfolio()
	incident := fixtureIssue{"40500", "OPS-500", "Incident", "Card payments failing in eu-west-1", "", me, "done", nil}
	postmortem := fixtureIssue{"40501", "OPS-501", "Task", "Postmortem: card payments failing on 3 June", "", me, "done", nil}
	p.Evidence = append(p.Evidence,
		jiraItem(incident, evidence.SourceComment, "71001", "2026-06-03T09:00:00Z", evidence.CatIncidentCoord, "comment.incident-status", 0.85,
			"Incident: card payments are 25 minutes behind for all merchants; payments are queued, none lost. I am coordinating; next update 09:45."),
		jiraItem(postmortem, evidence.SourceIssue, postmortem.id, "2026-06-05T10:00:00Z", evidence.CatIncidentCoord, "issue.postmortem", 0.9,
			"Postmortem for OPS-500: an expired certificate on the card gateway; 800 merchants saw failed payments for 25 minutes."),
		jiraItem(postmortem, evidence.SourceComment, "71002", "2026-06-08T10:00:00Z", evidence.CatPrioritization, "comment.prioritization", 0.9,
			"Ranked the certificate alert above the checkout work because 800 merchants were hit; the renewal runbook goes second."))
	var told []string
	for _, s := range readStories(t, p, -1).Stories {
		if s.Issue == nil || !strings.HasPrefix(s.Issue.Summary, "Payment webhooks") && !strings.HasPrefix(s.Issue.Summary, "Card payments") {
			continue
		}
		told = append(told, s.Issue.Key)
		if !slices.ContainsFunc(s.Actions, func(a actionJSON) bool {
			return a.IssueKey == s.Issue.Key
		}) {
			t.Errorf("the story of %s tells none of the incident itself: %+v", s.Issue.Key, s.Actions)
		}
	}
	if len(told) != 2 {
		t.Errorf("incident stories: %q, want OPS-412 and OPS-500", told)
	}
}

// A story's result links to the comment it quotes, as the brief's Outcome
// line does, and says who wrote it when the user did not; redacted, it
// names neither them nor the URL.
func TestStoryResultLinksToItsSource(t *testing.T) {
	refunds := "https://acme.atlassian.net/browse/PAY-120?focusedCommentId=10901&page=com.atlassian.jira.plugin.system.issuetabpanels:comment-tabpanel#comment-10901"
	closing := "https://acme.atlassian.net/browse/OPS-412?focusedCommentId=70004&page=com.atlassian.jira.plugin.system.issuetabpanels:comment-tabpanel#comment-70004"
	for _, tt := range []struct {
		name       string
		portfolio  evidence.Portfolio
		key        string
		source     string // the result's source in Markdown
		resultLink string
		redacted   string // the source in the redacted result
	}{
		{"another's comment on the epic", typicalPortfolio(), "PAY-120", "([Priya Nair in Jira, 2026-10-30](" + refunds + "))", refunds, "(Person 4 in Jira, 2026-10-30)"},
		{"the user's closing comment on an incident", noEpicPortfolio(), "OPS-412", "([Jira comment, 2026-05-12](" + closing + "))", closing, "(Jira comment, 2026-05-12)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			md := render(t, func(w io.Writer, p evidence.Portfolio) error { return Stories(w, p, StoryOptions{Top: -1}) }, tt.portfolio)
			var result string
			for _, story := range strings.Split(md, "\n## ")[1:] {
				if heading, _, _ := strings.Cut(story, "\n"); strings.Contains(heading, "["+tt.key+"]") {
					_, result, _ = strings.Cut(story, "**Result.** ")
					result, _, _ = strings.Cut(result, "\n")
				}
			}
			if !strings.Contains(result, tt.source) {
				t.Errorf("result %q does not cite %s", result, tt.source)
			}
			for _, s := range readStories(t, tt.portfolio, -1).Stories {
				if s.Epic.Key == tt.key || s.Issue != nil && s.Issue.Key == tt.key {
					if s.ResultLink != tt.resultLink {
						t.Errorf("result_link = %q, want %q", s.ResultLink, tt.resultLink)
					}
				}
			}
			var red strings.Builder
			if err := WriteRedacted(&red, tt.portfolio, nil, func(w io.Writer, p evidence.Portfolio) error {
				return Stories(w, p, StoryOptions{Top: -1, JSON: true})
			}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(red.String(), tt.redacted) || strings.Contains(red.String(), "Priya") ||
				strings.Contains(red.String(), "atlassian") || strings.Contains(red.String(), "[link]") {
				t.Errorf("redacted, the result does not cite %s, or names who wrote it or its URL:\n%s", tt.redacted, red.String())
			}
		})
	}
}

// Every story has "epic", as every story had before stories of work on
// no epic: theirs is null, so a script that reads .epic.key on each story
// still runs.
func TestEveryStoryHasAnEpic(t *testing.T) {
	p := typicalPortfolio()
	p.Evidence = append(p.Evidence, noEpicPortfolio().Evidence...)
	var doc struct {
		Stories []map[string]json.RawMessage `json:"stories"`
	}
	if err := json.Unmarshal([]byte(render(t, func(w io.Writer, p evidence.Portfolio) error {
		return Stories(w, p, StoryOptions{Top: -1, JSON: true})
	}, p)), &doc); err != nil {
		t.Fatal(err)
	}
	issues := 0
	for i, s := range doc.Stories {
		epic, ok := s["epic"]
		_, onNoEpic := s["issue"]
		if onNoEpic {
			issues++
		}
		switch {
		case !ok:
			t.Errorf("story %d has no epic", i+1)
		case onNoEpic && string(epic) != "null":
			t.Errorf("story %d, of an issue on no epic, has the epic %s", i+1, epic)
		}
	}
	if issues == 0 {
		t.Error("no story of an issue on no epic to check")
	}
}

// The header says what the stories are built from: an incident's story
// tells the incident with its postmortems and follow-ups, and is counted
// as an incident, not as one issue.
func TestStoriesHeaderCountsIncidentsAndIssues(t *testing.T) {
	mixed := typicalPortfolio()
	mixed.Evidence = append(mixed.Evidence, noEpicPortfolio().Evidence...)
	for _, tt := range []struct {
		name string
		p    evidence.Portfolio
		top  int
		want string
	}{
		{"an incident and an issue", noEpicPortfolio(), -1, ": an incident and one other issue. "},
		{"the incident alone", noEpicPortfolio(), 1, ": an incident. "},
		{"initiatives and an incident", mixed, 3, ": 2 initiatives and an incident. "},
		{"initiatives, an incident and an issue", mixed, -1, ": 2 initiatives, an incident and one other issue. "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			md := render(t, func(w io.Writer, p evidence.Portfolio) error { return Stories(w, p, StoryOptions{Top: tt.top}) }, tt.p)
			if header := md[strings.Index(md, "\nStories from my Jira work, "):]; !strings.Contains(header[:strings.Index(header[1:], "\n")+1], tt.want) {
				t.Errorf("want the header to say %q:\n%s", tt.want, md)
			}
		})
	}
}

// One database, one date: the brief's footer and the stories' header end
// on the same day, the day the data is as of, and say when that is the
// last sync; not the day each command happened to run.
func TestBriefAndStoriesSayOneAsOfDate(t *testing.T) {
	p := typicalPortfolio()
	p.SyncedAt = p.GeneratedAt.Add(-3 * 24 * time.Hour)
	p.Period.Until = p.SyncedAt // as the store bounds it
	asOf := p.SyncedAt.Format("2006-01-02") + " (last sync)"
	brief := render(t, func(w io.Writer, p evidence.Portfolio) error { return Markdown(w, p, Options{}) }, p)
	stories := render(t, func(w io.Writer, p evidence.Portfolio) error { return Stories(w, p, StoryOptions{}) }, p)
	if !strings.Contains(brief, " up to "+asOf+": ") {
		t.Errorf("the brief's footer does not say the data is as of %s:\n%s", asOf, brief[strings.LastIndex(brief, "\n_"):])
	}
	if !strings.Contains(stories, " to "+asOf+": ") {
		t.Errorf("the stories' header does not end on %s:\n%s", asOf, stories[:min(len(stories), 400)])
	}
	if today := p.GeneratedAt.Format("2006-01-02"); strings.Contains(brief, today) || strings.Contains(stories, today) {
		t.Errorf("the day the export ran, %s, is printed beside the day its data is as of", today)
	}
}

// One comment can be evidence of several kinds of work; every story names
// it by the same verb, the kind that says most of it, whatever kind a
// question picked it for.
func TestOneCommentOneVerb(t *testing.T) {
	claim := func(category string, confidence float64) *evidence.Evidence {
		return &evidence.Evidence{ID: category, SiteName: "acme", IssueKey: "CHK-1", Source: evidence.SourceComment, SourceID: "70029",
			Category: category, Rule: evidence.RuleTextModel, Confidence: confidence, Excerpt: "3DS work slipped a week. new plan: 5% on Aug 25"}
	}
	for _, tt := range []struct {
		name   string
		claims []*evidence.Evidence
		want   string
	}{
		{"another team asked, and a release planned", []*evidence.Evidence{claim(evidence.CatCrossTeam, 0.98), claim(evidence.CatReleasePlanning, 0.99)}, evidence.CatCrossTeam},
		{"a re-plan told to stakeholders", []*evidence.Evidence{claim(evidence.CatStakeholderComms, 0.89), claim(evidence.CatReleasePlanning, 0.76)}, evidence.CatReleasePlanning},
		{"a teammate unblocked by a decision", []*evidence.Evidence{claim(evidence.CatDecisionMaking, 0.9), claim(evidence.CatUnblocking, 0.7)}, evidence.CatUnblocking},
		{"one kind", []*evidence.Evidence{claim(evidence.CatStakeholderComms, 0.5)}, evidence.CatStakeholderComms},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v := &view{items: tt.claims, groups: groupByCategory(tt.claims, evidence.Categories)}
			for _, e := range tt.claims {
				if got := v.toldAs(e); got != tt.want {
					t.Errorf("the %s claim is told as %s, want %s", e.Category, got, tt.want)
				}
			}
		})
	}
}

// storiesFor writes the stories answering a question, as JSON read back,
// and what went to standard error.
func storiesFor(t *testing.T, p evidence.Portfolio, question string) (storiesJSON, string) {
	t.Helper()
	var buf, lint strings.Builder
	if err := Stories(&buf, p, StoryOptions{Question: question, JSON: true, Lint: &lint}); err != nil {
		t.Fatal(err)
	}
	var doc storiesJSON
	if err := json.Unmarshal([]byte(buf.String()), &doc); err != nil {
		t.Fatal(err)
	}
	return doc, lint.String()
}

// A question about disagreeing is answered by the story where the user's
// words say no, quoting them, whatever else it shares words with ("a
// stakeholder" is not "a time you kept stakeholders aligned"). A no-go
// says no more plainly than a trade-off decided on the same epic.
func TestStoriesQuestionAboutDisagreementQuotesTheUserSayingNo(t *testing.T) {
	noGo := "No-go for 2026.09 from my side until Priya has signed off the runbook. Moving this to the next fix version."
	p := typicalPortfolio()
	no := jiraItem(storyRefund, evidence.SourceComment, "10930", "2026-09-02T10:00:00Z",
		evidence.CatReleasePlanning, "comment.release", 0.8, noGo)
	no.IssueReporter, no.IssueCreated = dana, at("2026-08-20T10:00:00Z") // her request
	p.Evidence = append(p.Evidence, no,
		jiraItem(storyFraud, evidence.SourceComment, "10931", "2026-09-03T10:00:00Z",
			evidence.CatDecisionMaking, "comment.decision", 0.9,
			"Decision: repeat requests go to a review queue instead of being blocked outright, because support asked for it; we revisit after a month of data."))
	for _, question := range []string{
		"Tell me about a time you disagreed with a stakeholder",
		"a time you had a disagreement with your manager",
		"Tell me about a time you pushed back on a request",
		"a time you said no to a stakeholder",
		"Describe a conflict with a colleague and how you resolved it",
		"a time you convinced an engineer to change course",
		"a time you persuaded a stakeholder",
	} {
		t.Run(question, func(t *testing.T) {
			doc, lint := storiesFor(t, p, question)
			if len(doc.Stories) != 1 {
				t.Fatalf("%d stories, want the one that answers it", len(doc.Stories))
			}
			s := doc.Stories[0]
			if s.Epic.Key != "PAY-120" || len(s.Questions) == 0 || s.Questions[0] != "a time you pushed back or said no" {
				t.Errorf("story %s tagged %q, want PAY-120, where the no-go is, leading with pushing back", s.Epic.Key, s.Questions)
			}
			quotes := slices.ContainsFunc(s.Actions, func(a actionJSON) bool { return a.Excerpt == noGo })
			if !quotes || !strings.Contains(s.Action, "“No-go for 2026.09") {
				t.Errorf("the story does not quote the no-go: %q", s.Action)
			}
			if strings.Contains(lint, "note:") {
				t.Errorf("stderr = %q, want no note: the story answers the question", lint)
			}
		})
	}
}

// A question about deciding from data is answered by the story where the
// user's call rests on a number, quoting it: matched on "decision", it got
// the story with the strongest decisions, none of which weighed one.
func TestStoriesQuestionAboutDataQuotesACallMadeOnANumber(t *testing.T) {
	onData := "Raising priority because it is 8 of last week's 40 pages on its own."
	p := typicalPortfolio()
	p.Evidence = append(p.Evidence, jiraItem(storyFraud, evidence.SourceComment, "10940", "2026-09-04T10:00:00Z",
		evidence.CatPrioritization, "comment.priority", 0.8, onData))
	for _, question := range []string{
		"Tell me about a time you used data to make a decision",
		"a time you made a data-driven decision",
		"How have you used metrics to prioritize?",
	} {
		t.Run(question, func(t *testing.T) {
			doc, lint := storiesFor(t, p, question)
			if len(doc.Stories) != 1 {
				t.Fatalf("%d stories, want the one that answers it", len(doc.Stories))
			}
			s := doc.Stories[0]
			if s.Epic.Key != "PAY-120" || len(s.Questions) == 0 || s.Questions[0] != "a time you used data to make a decision" {
				t.Errorf("story %s tagged %q, want PAY-120, where the call on a number is, leading with using data", s.Epic.Key, s.Questions)
			}
			if !slices.ContainsFunc(s.Actions, func(a actionJSON) bool { return a.Excerpt == onData }) {
				t.Errorf("the story does not quote the call made on a number: %q", s.Action)
			}
			if strings.Contains(lint, "note:") {
				t.Errorf("stderr = %q, want no note: the story answers the question", lint)
			}
		})
	}
	// Without a call made on a number, the strongest story is told, not
	// tagged with the question, and standard error says why. A rollout's
	// steps and dates are the plan, not the data it was made on.
	ramp := jiraItem(storyFraud, evidence.SourceComment, "10941", "2026-09-04T10:00:00Z", evidence.CatReleasePlanning, "model.text", 0.8,
		"3DS work slipped a week because of the PSD2 test cards from the acquirer. new plan: 5% on Aug 25, 25% two weeks later, 100% end of September if failures stay flat")
	for name, p := range map[string]evidence.Portfolio{"no numbers": typicalPortfolio(), "a rollout plan": typicalPortfolio()} {
		if name == "a rollout plan" {
			p.Evidence = append(p.Evidence, ramp)
		}
		doc, lint := storiesFor(t, p, "Tell me about a time you used data to make a decision")
		if len(doc.Stories) != 1 || slices.Contains(doc.Stories[0].Questions, "a time you used data to make a decision") {
			t.Fatalf("%s: %d stories tagged %q, want the strongest one, not tagged with the question", name, len(doc.Stories), doc.Stories[0].Questions)
		}
		if !strings.Contains(lint, "note: no decision or priority call you wrote weighs a number") {
			t.Errorf("%s: stderr = %q, want a note that no call weighs a number", name, lint)
		}
	}
}

// Asked about data, a story is not told for a call that weighs two
// options ("a 99.9% SLO, not 99.95%": the reason was budget), nor is that
// call marked as the data behind it: the story whose opening measures why
// the work was needed ("7 of the last 10 needed no action") and whose
// call follows is told, its number in the Situation, no action marked.
func TestStoriesQuestionAboutDataIsNotTwoOptionsOfACall(t *testing.T) {
	const options = "We agreed on a 99.9% SLO for refunds, not 99.95%: the extra nine needs a second region we don't have budget for."
	const opening = "Goal: halve EU checkout timeouts. Why now: 7 of the last 10 support escalations were timeouts."
	p := typicalPortfolio()
	p.Evidence = append(p.Evidence,
		jiraItem(storyFraud, evidence.SourceComment, "10970", "2026-09-04T10:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.9, options),
		jiraItem(epicEU, evidence.SourceIssue, epicEU.id, "2025-11-01T10:00:00Z", evidence.CatEpicOwnership, "issue.epic", 0.9, opening),
		jiraItem(taskRetry, evidence.SourceComment, "10971", "2026-02-02T10:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8,
			"Decision: retries time out at 2 seconds, not 5; at 5 seconds the customer has left."))
	doc, lint := storiesFor(t, p, "a time you used data to make a decision")
	if len(doc.Stories) != 1 || doc.Stories[0].Epic.Key != "PAY-101" {
		t.Fatalf("the data story is %+v, want PAY-101's, whose opening measures why", doc.Stories)
	}
	s := doc.Stories[0]
	if len(s.Questions) == 0 || s.Questions[0] != dataQuestion || !strings.Contains(s.Situation, "7 of the last 10") {
		t.Errorf("tagged %q, situation %q: want it tagged with the data question and the opening's number", s.Questions, s.Situation)
	}
	for _, a := range s.Actions {
		if a.Answers {
			t.Errorf("action %q is marked as the data behind the call: the number is the opening's", a.Excerpt)
		}
	}
	if strings.Contains(lint, "note:") {
		t.Errorf("stderr = %q, want no note: the story answers the question", lint)
	}
}

// Where the work a question asks about is only a field edit, the story
// tells in its place what the user wrote on the issue within the hour,
// which says why: "Linked: is blocked by CHK-310" alone tells an
// interviewer that a ticket was linked, and beside the words it counts
// one act twice.
func TestStoriesQuestionTellsTheWordsBesideAnEdit(t *testing.T) {
	p := typicalPortfolio()
	why := jiraItem(storyFraud, evidence.SourceComment, "10950", "2026-09-05T10:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8,
		"Checkout cannot expose fraud flags until CHK-310 ships, so repeat-refund review stays manual in v1.")
	later := jiraItem(storyFraud, evidence.SourceComment, "10952", "2026-09-05T14:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8,
		"Decision: the review queue is worked by support, not by finance, because support sees the customer first.")
	link := jiraItem(storyFraud, evidence.SourceChange, "10951", "2026-09-05T10:02:00Z", evidence.CatCrossTeam, "change.link-other-team", 0.8,
		"Linked: is blocked by CHK-310")
	r := newReport(p, Options{})
	crossTeam := func(e *evidence.Evidence) int {
		if e.Category == evidence.CatCrossTeam {
			return 1
		}
		return 0
	}
	got := r.pickFocus(crossTeam, []*evidence.Evidence{&later, &why}, []*evidence.Evidence{&link}, &quoteSet{})
	if len(got) != 1 || got[0] != &why {
		var excerpts []string
		for _, e := range got {
			excerpts = append(excerpts, e.Excerpt)
		}
		t.Errorf("picked %q, want the words written two minutes before the link alone (not the link, nor those of four hours later)", excerpts)
	}
}

// fromData tells a number that is a call's grounds from numbers that name
// a day, a sprint or an issue, and from the numbers decided.
func TestFromData(t *testing.T) {
	for text, want := range map[string]int{
		"Raising priority because it is 8 of last week's 40 pages on its own.":              3,
		"Moving this up: based on 3 weeks of telemetry, 4% of confirmations start offline.": 3,
		// A priority moved, then its grounds after a colon, in a time each
		// shift loses.
		"Moving this above OPS-1191: every on-call shift loses about half a day to it; the other one only touches the nightly batch.": 3,
		// Two options of a call are what it decided, not data it was made on;
		// a number compared counts when it was seen.
		"We agreed on a 99.9% SLO for mobile-bff, not 99.95%: the extra nine needs a second region.":          0,
		"Decision: we retry webhooks for 24 hours, not 72; after a day the merchant gets an e-mail.":          0,
		"We weighed 99.9% against 99.95% availability: the extra nine needs a second region.":                 1,
		"P2, not P1: there's a workaround and it hits under 1% of requests.":                                  2,
		"Keeping it: checkout errors at 0.4% vs 0.9% last week.":                                              3,
		"Won't Do: the cost (about 12 days) outweighs what it fixes.":                                         1,
		"Raising priority because the next drill is on the 22nd and this has to be in by then.":               0,
		"This goes in OPS Sprint 57 instead of OPS-1216, because someone is waiting on it.":                   0,
		"Decision: we keep one price per market, no per-store pricing in v1. Agreed with Mei Chen on 16 Feb.": 0,
		// A rollout's steps, a version and a count of work done are no
		// measure; a rate compared and a pass rate are.
		"3DS work slipped a week because of the PSD2 test cards from the acquirer. new plan: 5% on Aug 25, 25% two weeks later, 100% end of September if failures stay flat": 0,
		"This ships in platform-2026.09; we turn it on for 25% of merchants the week after and for everyone on the 9th if the numbers hold.":                                 0,
		"Decision: the 5% ramp starts mid-August, because the vault work is done.":                                                                                           0,
		"Moving this to the 4.14 release, because 3 of 5 stories are merged and code freeze is on the 1st.":                                                                  0,
		"Holding the ramp at 25%: payment failure rate 0.81% vs 0.79% control, within noise.":                                                                                3,
		// Where a rollout stands, a version said with when it ships and a
		// version before a comma are no measure either.
		"at 5% of web traffic since this morning. watching payment failures on the dashboard":                                      0,
		"25% now. payment failure rate 0.81% vs 0.79% control, within noise":                                                       3,
		"where we are: cart restore is done and going out in 5.2 next week. SDK v4 is waiting for PagTech, I moved it to 5.3.":     0,
		"ok so this one doesn't make 5.2, the store submission is on 21/07 and we won't have tested 3DS by then. moving to 5.3.":   0,
		"putting this above the onboarding copy. 'where is my order' is 22% of support tickets, the carousel can wait a sprint":    1,
		"Go/No-Go for 4.12 (re-assessment): GO. Both sev-2 are closed and verified, regression re-run 99.1% pass, no new defects.": 1,
	} {
		e := jiraItem(storyFraud, evidence.SourceComment, "1", "2026-09-04T10:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8, text)
		if got := fromData(&e); got != want {
			t.Errorf("fromData(%q) = %d, want %d", text, got, want)
		}
	}
	edit := jiraItem(storyFraud, evidence.SourceChange, "2", "2026-09-04T10:00:00Z", evidence.CatPrioritization, "change.priority", 0.85, "Priority: 3 → 1")
	if got := fromData(&edit); got != 0 {
		t.Errorf("a field edit ranks %d, want 0: it gives no grounds", got)
	}
}

// Where no words of the user's say no, a question about disagreeing is
// not claimed: a trade-off the user decided is the closest answer, a
// story without one the strongest, and standard error says which. A Won't
// Do closing a duplicate, a go at a go/no-go and ", not" in an update
// are no disagreement, nor is work pushed back a sprint.
func TestStoriesQuestionAboutDisagreementClaimsNoneTheTextDoesNotShow(t *testing.T) {
	notSayingNo := func(p evidence.Portfolio) evidence.Portfolio {
		p.Evidence = append(p.Evidence,
			jiraItem(storyFraud, evidence.SourceComment, "10940", "2026-09-04T10:00:00Z",
				evidence.CatDecisionMaking, "comment.wont-do-reason", 0.85, "Closing as Won't Do: PAY-150 covers the same need. Reopen if someone asks for it."),
			jiraItem(storyRefund, evidence.SourceComment, "10941", "2026-09-05T10:00:00Z",
				evidence.CatReleasePlanning, "comment.release", 0.8, "Go/no-go for 2026.09: go. Staging soak was clean over the weekend."),
			jiraItem(storyRefund, evidence.SourceComment, "10942", "2026-09-06T10:00:00Z",
				evidence.CatStakeholderComms, "comment.status-update", 0.8, "Update for support: refunds show as pending, not failed, until the bank confirms them."),
			jiraItem(storyFraud, evidence.SourceComment, "10943", "2026-09-07T10:00:00Z",
				evidence.CatSprintPlanning, "comment.sprint", 0.8, "We pushed back the review queue by a sprint to fit the QA pass."))
		return p
	}
	for _, tt := range []struct {
		name string
		p    evidence.Portfolio
		// epic and quote are the story told and the words it must quote;
		// note is what standard error must say.
		epic, quote, note string
	}{
		{"a trade-off is the closest", notSayingNo(typicalPortfolio()), "PAY-101",
			"client-side retries are out of scope", `nothing you wrote says no or disagrees, which "Tell me about a time you disagreed with a stakeholder" asks about; here is the closest, a trade-off you decided`},
		{"nothing comes close", noEpicPortfolio(), "",
			"", `no kind of work in your evidence answers "Tell me about a time you disagreed with a stakeholder": nothing you wrote says no or disagrees`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, lint := storiesFor(t, tt.p, "Tell me about a time you disagreed with a stakeholder")
			if len(doc.Stories) != 1 {
				t.Fatalf("%d stories, want the closest one", len(doc.Stories))
			}
			s := doc.Stories[0]
			if slices.ContainsFunc(s.Questions, func(q string) bool { return strings.Contains(q, "pushed back") || strings.Contains(q, "disagree") }) {
				t.Errorf("the story is tagged %q, which nothing in it shows", s.Questions)
			}
			if tt.epic != "" && s.Epic.Key != tt.epic {
				t.Errorf("story %s, want %s", s.Epic.Key, tt.epic)
			}
			if !strings.Contains(s.Action, tt.quote) {
				t.Errorf("the story does not quote %q: %q", tt.quote, s.Action)
			}
			if !strings.HasPrefix(lint, "note: "+tt.note) {
				t.Errorf("stderr = %q, want a note %q", lint, tt.note)
			}
		})
	}
}

// A story's quotes end where a sentence ends, not mid-sentence with "…":
// the situation quotes the epic's goal from its description when the
// excerpt the classifier kept was cut short, one or two sentences of it;
// where the user's words are only the excerpt, the quote goes back to
// their last sentence, as the summary of the actions in JSON does.
// midSentence is a quote cut mid-sentence: "…” after a word, where a
// quote cut after a sentence ends ". …”".
var midSentence = regexp.MustCompile(`[^ ]…”`)

func TestStoryQuotesEndWithASentence(t *testing.T) {
	goal := "Goal: cut EU checkout timeouts below 0.5% by the end of Q1. " +
		"Why now: timeouts cost us 1,900 abandoned carts last month, and the two largest merchants in Germany asked for a fix before their spring sales start in March. " +
		"Success metrics: timeout rate under 0.5% for 4 weeks; no rise in card declines."
	excerpt := evidence.Shorten(goal, 200) // as the classifier keeps it
	withGoal := func(description string) evidence.Portfolio {
		p := typicalPortfolio()
		for i := range p.Evidence {
			if e := &p.Evidence[i]; e.IssueKey == epicEU.key && e.Source == evidence.SourceIssue {
				e.Excerpt = excerpt
			}
		}
		p.Epics[0].Goal = description
		return p
	}
	// The text model keeps the part of a description it weighed most,
	// here its end; the epic's creation is evidence twice, once with it.
	fromTheMiddle := func(alone bool) evidence.Portfolio {
		p := withGoal(goal)
		for _, e := range p.Evidence {
			if e.IssueKey == epicEU.key && e.Source == evidence.SourceIssue {
				model := e
				model.ID, model.Category, model.Rule = "ev_00000000000000000000", evidence.CatStoryWriting, evidence.RuleTextModel
				model.Excerpt = "…the two largest merchants in Germany asked for a fix before their spring sales start in March. Success metrics: timeout rate under 0.5% for 4 weeks; no rise in…"
				if alone {
					p.Evidence = slices.DeleteFunc(p.Evidence, func(x evidence.Evidence) bool { return x.ID == e.ID })
				}
				p.Evidence = append(p.Evidence, model)
				break
			}
		}
		return p
	}
	filed := "Refund emails go out twice since the mail queue retries on timeout. 40 merchants complained this week, because shoppers think they were refunded twice and call their bank to ask which refund is real."
	issue := noEpicPortfolio()
	issue.Evidence = append(issue.Evidence,
		jiraItem(bugRefundMail, evidence.SourceIssue, bugRefundMail.id, "2026-05-28T09:00:00Z",
			evidence.CatStoryWriting, "issue.problem-statement", 0.8, evidence.Shorten(filed, 160)),
		jiraItem(bugRefundMail, evidence.SourceComment, "90002", "2026-05-29T09:00:00Z",
			evidence.CatDecisionMaking, "comment.decision", 0.85,
			"Decision: we make the send idempotent. Stopping the retries would lose the email whenever the mail server is slow, which support hears about from merchants."))
	for _, tt := range []struct {
		name, key string
		p         evidence.Portfolio
		// situation is how the situation ends; action a part of the JSON
		// action summary.
		situation, action string
	}{
		{"the goal from the description", "PAY-101", withGoal(goal),
			"When I created the epic I wrote: “Goal: cut EU checkout timeouts below 0.5% by the end of Q1. Why now: timeouts cost us 1,900 abandoned carts last month, and the two largest merchants in Germany asked for a fix before their spring sales start in March. …”", ""},
		{"an excerpt from the middle beside one from the start", "PAY-101", fromTheMiddle(false),
			"When I created the epic I wrote: “Goal: cut EU checkout timeouts below 0.5% by the end of Q1. Why now: timeouts cost us 1,900 abandoned carts last month, and the two largest merchants in Germany asked for a fix before their spring sales start in March. …”", ""},
		{"only an excerpt from the middle", "PAY-101", fromTheMiddle(true),
			"When I created the epic I wrote: “Goal: cut EU checkout timeouts below 0.5% by the end of Q1. Why now: timeouts cost us 1,900 abandoned carts last month, and the two largest merchants in Germany asked for a fix before their spring sales start in March. …”", ""},
		{"a description edited since", "PAY-101", withGoal("Goal: timeouts below 0.3% by the end of Q2."),
			"When I created the epic I wrote: “Goal: cut EU checkout timeouts below 0.5% by the end of Q1. …”", ""},
		{"an issue the user filed", "PAY-777", issue,
			"When I filed it I wrote: “Refund emails go out twice since the mail queue retries on timeout. …”",
			"Decision-making: “Decision: we make the send idempotent. …”"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var told bool
			for _, s := range readStories(t, tt.p, -1).Stories {
				key := s.Epic.Key
				if s.Issue != nil {
					key = s.Issue.Key
				}
				if key != tt.key {
					continue
				}
				told = true
				if !strings.HasSuffix(s.Situation, tt.situation) {
					t.Errorf("situation = %q, want it to end %q", s.Situation, tt.situation)
				}
				if !strings.Contains(s.Action, tt.action) || midSentence.MatchString(s.Action) && tt.action != "" {
					t.Errorf("action = %q, want %q and no quote cut mid-sentence", s.Action, tt.action)
				}
			}
			if !told {
				t.Fatalf("no story of %s", tt.key)
			}
		})
	}
}

// A question is matched to the kind of work it asks about however it
// spells or inflects it: "how do you prioritise" is the commonest PM
// question, and found no prioritization in a user with 234 items of it.
func TestAQuestionFindsItsKindOfWorkHoweverItIsWritten(t *testing.T) {
	r := newReport(typicalPortfolio(), Options{})
	for question, want := range map[string]string{
		"How do you prioritise?":                                  evidence.CatPrioritization,
		"how do you prioritize":                                   evidence.CatPrioritization,
		"Tell me about a time you had to prioritise":              evidence.CatPrioritization,
		"a time you prioritized one customer over another":        evidence.CatPrioritization,
		"Tell me about a tough decision you made":                 evidence.CatDecisionMaking,
		"How do you keep stakeholders informed?":                  evidence.CatStakeholderComms,
		"Tell me about a time you handled an incident":            evidence.CatIncidentCoord,
		"How do you write user stories?":                          evidence.CatStoryWriting,
		"a time you coordinated with other teams":                 evidence.CatCrossTeam,
		"Tell me about a time you handled conflicting priorities": evidence.CatPrioritization,
		"What is your favourite colour?":                          "",
	} {
		if _, _, got, _ := r.bestFor(question, r.initiatives); got != want {
			t.Errorf("%q: %q, want %q", question, got, want)
		}
	}
}

// An outage an alert bot filed as a Bug, written up and followed up in
// another project (tied to it by links), is one incident in the
// headline, the bullets and the story, and the story's result is the
// comment that reported its end, 16 minutes before it was resolved.
func TestAnOutageFiledAsABugIsOneIncidentWithItsResult(t *testing.T) {
	p := outagePortfolio()
	var lint strings.Builder
	var brief, stories, bullets strings.Builder
	if err := Markdown(&brief, p, Options{Lint: &lint}); err != nil {
		t.Fatal(err)
	}
	if err := Stories(&stories, p, StoryOptions{Top: -1, Lint: &lint}); err != nil {
		t.Fatal(err)
	}
	if err := Bullets(&bullets, p, BulletOptions{Top: -1}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "outage.golden.md", []byte(brief.String()))
	checkGolden(t, "outage.golden.stories.md", []byte(stories.String()))
	checkGolden(t, "outage.golden.bullets.txt", []byte(bullets.String()))
	// Beside one initiative the brief has room for the incident, and its
	// headline says so.
	for _, want := range []string{"Along the way I led the response to “Checkout returning 500s for card payments”,", "## Incidents I coordinated", "### [OPS-90]"} {
		if !strings.Contains(brief.String(), want) {
			t.Errorf("the brief of one initiative and one incident lacks %q", want)
		}
	}
	if strings.Contains(lint.String(), "OPS-90") {
		t.Errorf("the lint asks for the outage's outcome:\n%s", lint.String())
	}
}

// A question whose kind of work no story holds still gets the strongest
// story, as a question no kind answers does, and the note says what the
// stories lack: saying there are no stories at all, while plain `stories`
// tells one, was false.
func TestStoriesQuestionNoStoryHoldsGetsTheStrongest(t *testing.T) {
	for _, tt := range []struct {
		name, question, category, note string
	}{
		{"a difficult decision, with no decision anywhere", "tell me about a time you made a difficult decision", evidence.CatDecisionMaking,
			`none of your stories shows decision-making, the kind of work "tell me about a time you made a difficult decision" asks about`},
		{"an incident, with none", "Tell me about a time you handled an incident", evidence.CatIncidentCoord,
			`none of your stories shows incident coordination, the kind of work`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := typicalPortfolio()
			p.Evidence = slices.DeleteFunc(p.Evidence, func(e evidence.Evidence) bool { return e.Category == tt.category })
			doc, lint := storiesFor(t, p, tt.question)
			if len(doc.Stories) != 1 {
				t.Fatalf("%d stories, want the strongest one; stderr %q", len(doc.Stories), lint)
			}
			if !strings.Contains(lint, tt.note) {
				t.Errorf("stderr %q, want %q", lint, tt.note)
			}
		})
	}
}

// A follow-up filed from a postmortem weeks later is incident work, but
// no answer to "a time you stayed calm under pressure": that takes an
// update written while the incident was on.
func TestAFiledFollowUpIsNoCalmUnderPressure(t *testing.T) {
	followUp := fixtureIssue{"10149", "PAY-149", "Task", "Follow-up: alert on gateway timeouts per region", "PAY-101", priya, "new", nil}
	for _, tt := range []struct {
		name string
		item evidence.Evidence
		want bool
	}{
		{"a follow-up filed", jiraItem(followUp, evidence.SourceIssue, followUp.id, "2026-03-20T09:00:00Z",
			evidence.CatIncidentCoord, "issue.incident-follow-up", 0.8,
			"From the postmortem of the EU timeouts: alert on gateway timeouts per region before customers see them."), false},
		{"an update during the incident", jiraItem(storyTO, evidence.SourceComment, "61001", "2026-03-02T09:00:00Z",
			evidence.CatIncidentCoord, "comment.incident-status", 0.8,
			"Status: EU timeouts back to baseline since 09:40; next update at 12:00."), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := portfolioOf(jiraItem(storyRetry, evidence.SourceComment, "61002", "2026-02-10T09:00:00Z",
				evidence.CatDecisionMaking, "comment.decision", 0.8,
				"Decision: we retry once on a gateway timeout, never twice, because a second retry doubles the charge risk."), tt.item)
			typicalContext(&p)
			doc, _ := storiesFor(t, p, "")
			for _, s := range doc.Stories {
				if s.Epic.Key != "PAY-101" {
					continue
				}
				quotes := strings.Contains(s.Action, tt.item.Excerpt[:30])
				calm := slices.Contains(s.Questions, "a time you stayed calm under pressure")
				if !quotes {
					t.Fatalf("the story does not tell the incident work: %s", s.Action)
				}
				if calm != tt.want {
					t.Errorf("tagged %q; want calm under pressure: %v", s.Questions, tt.want)
				}
				return
			}
			t.Fatalf("no story of PAY-101: %+v", doc.Stories)
		})
	}
}

// "A time you delivered against a deadline" is a release that went out:
// a stronger one still at risk answers it with "not done yet".
func TestADeadlineStoryIsOfWorkThatShipped(t *testing.T) {
	plan := func(is fixtureIssue, id, text string) evidence.Evidence {
		return jiraItem(is, evidence.SourceComment, id, "2026-03-04T15:12:00Z", evidence.CatReleasePlanning, "comment.release", 0.7, text)
	}
	p := portfolioOf(
		plan(checkoutBug, "1", "Go/No-Go for 2026.07: GO. All sev-1 closed, regression pass 98%, UAT signed off."),
		plan(checkoutBug, "5", "Taking the Safari fix into 2026.07: the cut-off is Friday and it is the last blocker."),
		plan(checkoutAPI, "2", "Status: AT RISK for 2026.08, 3 stories are not merged yet. Revised code freeze is the 3rd."),
		plan(checkoutAPI, "3", "Go/No-Go dry run for 2026.08: NO-GO. We will re-assess on Thursday with the team."),
		plan(checkoutAPI, "4", "Moving the retry status into 2026.08: the API change needs the new client first."),
	)
	var buf strings.Builder
	if err := Stories(&buf, p, StoryOptions{Question: "a time you delivered against a deadline", JSON: true}); err != nil {
		t.Fatal(err)
	}
	var doc storiesJSON
	if err := json.Unmarshal([]byte(buf.String()), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != "CHK-300" {
		t.Fatalf("the deadline story is %+v, want CHK-300's, which shipped", doc.Stories)
	}
	for _, s := range readStories(t, p, -1).Stories {
		if s.Issue != nil && s.Issue.Key == "CHK-310" && slices.Contains(s.Questions, "a time you delivered against a deadline") {
			t.Errorf("CHK-310, not done, is told as delivered against a deadline: %q", s.Questions)
		}
	}
	// Done, but its date called off: a trade-off, not a deadline kept.
	late := portfolioOf(
		plan(checkoutBug, "1", "Go/No-Go for 2026.07: NO-GO, two sev-2 open. Deployment on the 16th is cancelled."),
		plan(checkoutBug, "5", "Go/No-Go for 2026.07 (re-assessment): GO. Both sev-2 closed, regression re-run passed."),
		plan(checkoutAPI, "2", "Status: AT RISK for 2026.08, 3 stories are not merged yet. Revised code freeze is the 3rd."),
		plan(checkoutAPI, "3", "Moving the retry status into 2026.08: the API change needs the new client first."),
	)
	told := readStories(t, late, -1).Stories
	if len(told) == 0 {
		t.Fatal("no story of the release called off")
	}
	for _, s := range told {
		if slices.Contains(s.Questions, "a time you delivered against a deadline") {
			t.Errorf("a release called off and shipped late is told as delivered against a deadline: %q", s.Questions)
		}
	}
}

// Asked about a deadline, pmfolio tells the release whose go-live date
// the user gave and kept, as Jira shows it, before a release with more
// planning in it whose result can only say it is done.
func TestADeadlineStoryPrefersADateKept(t *testing.T) {
	plan := func(is fixtureIssue, id, at, text string) evidence.Evidence {
		return jiraItem(is, evidence.SourceComment, id, at, evidence.CatReleasePlanning, "comment.release", 0.7, text)
	}
	p := portfolioOf(
		plan(checkoutBug, "1", "2026-06-02T10:00:00Z", "Taking the Safari fix into 2026.07: the cut-off is Friday and it is the last blocker."),
		plan(checkoutBug, "2", "2026-06-09T10:00:00Z", "Go/No-Go for 2026.07: GO. All sev-1 closed, regression pass 98%, UAT signed off."),
		plan(checkoutBug, "3", "2026-06-10T10:00:00Z", "Moving the wallet copy change to 2026.08 so the Safari fix goes out alone."),
		plan(bugRefundMail, "4", "2026-08-10T09:00:00Z", "Go-live date of 22nd is still holding as of now."),
		plan(bugRefundMail, "5", "2026-08-12T09:00:00Z", "Taking the template fix into 2026.09 with it."),
	)
	p.OwnComments = append(p.OwnComments, evidence.IssueComments{SiteName: "acme", Key: bugRefundMail.key, Comments: []evidence.Comment{
		{ID: "4", At: time.Date(2026, 8, 10, 9, 0, 0, 0, time.UTC), Text: "Go-live date of 22nd is still holding as of now."},
		{ID: "5", At: time.Date(2026, 8, 12, 9, 0, 0, 0, time.UTC), Text: "Taking the template fix into 2026.09 with it."},
		{ID: "6", At: time.Date(2026, 8, 22, 21, 30, 0, 0, time.UTC), Text: "Deployed to production, refund mails go out once now."},
	}})
	ask := func(p evidence.Portfolio) storiesJSON {
		t.Helper()
		doc, _ := storiesFor(t, p, "a time you delivered against a deadline")
		return doc
	}
	doc := ask(p)
	if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != bugRefundMail.key {
		t.Fatalf("the deadline story is %+v, want %s's, whose date was kept", doc.Stories, bugRefundMail.key)
	}
	if want := "it went live on 22 August, as I had said on 10 August"; !strings.Contains(doc.Stories[0].Result, want) {
		t.Errorf("the deadline story's result is %q, want it to say %q", doc.Stories[0].Result, want)
	}
	// Without the note that it went live, no date was kept: the release
	// with more planning in it is told.
	p.OwnComments[len(p.OwnComments)-1].Comments = p.OwnComments[len(p.OwnComments)-1].Comments[:2]
	if doc := ask(p); len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != checkoutBug.key {
		t.Errorf("with no date kept, the deadline story is %+v, want %s's, the stronger", doc.Stories, checkoutBug.key)
	}
}

// A question about a kind of work is answered from that kind's strongest
// evidence even where it is one comment of the user's and their change on
// one issue (a teammate's access got, and the flag cleared a minute
// later): it needs two comments to be a story of its own, and without it
// the answer was the strongest story, with a note that none shows it.
func TestStoriesQuestionTellsOneCommentAndTheChangeBesideIt(t *testing.T) {
	const question = "Tell me about a time you unblocked your team"
	got := "got Jun to add you to the pay-sandbox group, should work after you log out and in again"
	sandbox := fixtureIssue{"20320", "CHK-320", "Story", "Tokenize saved cards in the PAY sandbox", "", priya, "done", nil}
	p := typicalPortfolio()
	p.Evidence = append(p.Evidence,
		jiraItem(sandbox, evidence.SourceComment, "57300", "2026-07-07T15:30:00Z", evidence.CatUnblocking, "model.text", 0.9, got),
		jiraItem(sandbox, evidence.SourceChange, "57301", "2026-07-07T15:31:00Z", evidence.CatUnblocking, "change.unflag", 0.8, "Flagged: Impediment → (none)"))
	doc, lint := storiesFor(t, p, question)
	if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != "CHK-320" {
		t.Fatalf("stories = %+v, want the one of CHK-320, where the user cleared the block", doc.Stories)
	}
	s := doc.Stories[0]
	if len(s.Questions) == 0 || s.Questions[0] != "a time you helped your team get unstuck" {
		t.Errorf("tagged %q, want it to lead with getting the team unstuck", s.Questions)
	}
	var excerpts []string
	for _, a := range s.Actions {
		excerpts = append(excerpts, a.Excerpt)
	}
	if !slices.Equal(excerpts, []string{got, "Flagged: Impediment → (none)"}) {
		t.Errorf("actions quote %q, want the comment and the flag cleared", excerpts)
	}
	if strings.Contains(lint, "note:") {
		t.Errorf("stderr = %q, want no note: the story answers the question", lint)
	}
	// Unasked, one comment is still no story; and a change alone (CHK-310's
	// flag cleared, beside a comment of another kind) tells no story.
	for _, s := range readStories(t, p, -1).Stories {
		if s.Issue != nil && s.Issue.Key == "CHK-320" {
			t.Errorf("CHK-320 is a story without a question, on one comment")
		}
	}
	if _, lint := storiesFor(t, typicalPortfolio(), question); !strings.Contains(lint, "note: none of your stories shows unblocking others") {
		t.Errorf("stderr = %q, want the note: a cleared flag alone says nothing of what the user did", lint)
	}
}

// A progress note is told as an update, whatever the story was picked to
// answer: where the text model also read it as epic ownership, a story
// that quotes another update for its question told it as "Shaped the epic
// PAY-101", scope work the note does not show.
func TestStoriesQuestionTellsAProgressNoteAsAnUpdate(t *testing.T) {
	note := "Sharing where we stand. SIT/UAT criteria are agreed and published, the dashboard is live. Next is the sign-off workflow."
	p := typicalPortfolio()
	p.Evidence = append(p.Evidence,
		jiraItem(epicEU, evidence.SourceComment, "10480", "2026-03-25T09:00:00Z", evidence.CatStakeholderComms, "model.text", 0.92, note),
		jiraItem(epicEU, evidence.SourceComment, "10480", "2026-03-25T09:00:00Z", evidence.CatEpicOwnership, "model.text", 0.89, note))
	for _, question := range []string{"", "Tell me about a time you kept stakeholders informed", "Tell me about a time you owned something end to end"} {
		var stories storiesJSON
		if question == "" {
			stories = readStories(t, p, -1)
		} else {
			stories, _ = storiesFor(t, p, question)
		}
		for _, s := range stories.Stories {
			for _, a := range s.Actions {
				if a.Excerpt == note && a.Category != evidence.CatStakeholderComms {
					t.Errorf("%q: the progress note is told as %q", question, a.Text)
				}
			}
		}
	}
}

// rampedRefunds is PAY-120, the done epic of typicalPortfolio, with a
// rollout the user re-planned on the epic and ramped on a story under it,
// each step reported on its day, the last in a comment that is no
// evidence; reached moves the 25% step's note.
func rampedRefunds(reached25 string) evidence.Portfolio {
	ramp := fixtureIssue{"10154", "PAY-154", "Story", "Ramp self-service refunds 5% -> 25% -> 100%", "PAY-120", me, "done", nil}
	p := typicalPortfolio()
	notes := []evidence.Evidence{
		jiraItem(ramp, evidence.SourceComment, "10961", "2026-08-25T10:00:00Z", evidence.CatReleasePlanning, "comment.rollout", 0.7,
			"at 5% of web traffic since this morning. watching refund errors on the dashboard"),
		jiraItem(ramp, evidence.SourceComment, "10962", reached25, evidence.CatReleasePlanning, "comment.rollout", 0.7,
			"25% now. refund error rate 0.41% vs 0.40% control, within noise"),
	}
	const plan = "Bank API work slipped a week. new plan: 5% on Aug 25, 25% two weeks later, 100% end of September if errors stay flat"
	p.Evidence = append(p.Evidence, append(notes,
		jiraItem(storyRefund, evidence.SourceComment, "10960", "2026-08-10T09:15:00Z", evidence.CatReleasePlanning, "comment.rollout", 0.7, plan))...)
	for i := range p.Epics {
		if p.Epics[i].Key == "PAY-120" {
			p.Epics[i].Comments = append(p.Epics[i].Comments, evidence.Comment{ID: "10960", At: at("2026-08-10T09:15:00Z"), Author: me, Text: plan})
		}
	}
	var own []evidence.Comment
	for _, e := range notes {
		own = append(own, evidence.Comment{ID: e.SourceID, At: e.OccurredAt, Author: me, Text: e.Excerpt})
	}
	p.OwnComments = append(p.OwnComments, evidence.IssueComments{SiteName: "acme", Key: ramp.key,
		Comments: append(own, evidence.Comment{ID: "10963", At: at("2026-09-30T11:00:00Z"), Author: me, Text: "100% on web. flag stays for two weeks"})})
	return p
}

// Asked about a deadline, pmfolio tells the rollout the user re-planned
// after a slip and then kept step by step: the result says so and the
// action quotes the notes of the steps reached, not only the plan. Before,
// the slip made the story "called off", and the note said none of the
// stories showed release planning, under a story that quoted the plan.
func TestADeadlineStoryTellsARolloutKeptStepByStep(t *testing.T) {
	doc, lint := storiesFor(t, rampedRefunds("2026-09-08T15:00:00Z"), "a time you delivered against a deadline")
	if len(doc.Stories) != 1 || doc.Stories[0].Epic.Key != "PAY-120" {
		t.Fatalf("the deadline story is %+v, want PAY-120's, whose rollout was kept", doc.Stories)
	}
	s := doc.Stories[0]
	if len(s.Questions) == 0 || s.Questions[0] != "a time you delivered against a deadline" {
		t.Errorf("the story leads with %q, want the deadline question", s.Questions)
	}
	// The action quotes the plan: the result gives its date.
	if want := "It reached 100% on 30 September, as I had re-planned on 10 August, " +
		"with 5% on 25 August and 25% on 8 September on the days planned."; !strings.Contains(s.Result, want) {
		t.Errorf("result = %q, want it to say %q", s.Result, want)
	}
	for _, id := range []string{"10960", "10961", "10962"} {
		if !slices.ContainsFunc(s.Actions, func(a actionJSON) bool {
			return strings.HasSuffix(a.Link, "focusedCommentId="+id+"&page=com.atlassian.jira.plugin.system.issuetabpanels:comment-tabpanel#comment-"+id)
		}) {
			t.Errorf("the actions do not quote comment %s, the plan or a step reached: %q", id, s.Action)
		}
	}
	// The plan is told with the bullet's verb: the rollout was
	// re-planned, not "Planned the release of PAY-150".
	if !slices.ContainsFunc(s.Actions, func(a actionJSON) bool {
		return strings.HasPrefix(a.Text, "Re-planned the rollout of PAY-150")
	}) {
		var texts []string
		for _, a := range s.Actions {
			texts = append(texts, a.Text)
		}
		t.Errorf("no action tells the re-plan as the rollout re-planned: %q", texts)
	}
	if strings.Contains(lint, "note:") {
		t.Errorf("stderr = %q, want no note: the story answers the question", lint)
	}

	// A step reported a day late keeps no plan: the slip is a date called
	// off, and the note says the release planning is there, not that there
	// is none.
	doc, lint = storiesFor(t, rampedRefunds("2026-09-09T15:00:00Z"), "a time you delivered against a deadline")
	if len(doc.Stories) == 1 && strings.Contains(doc.Stories[0].Result, "as I had re-planned") {
		t.Errorf("a step reached late is told as kept: %q", doc.Stories[0].Result)
	}
	if want := "note: your stories show release planning, but of no release that went out as planned"; !strings.Contains(lint, want) {
		t.Errorf("stderr = %q, want %q: PAY-120 quotes a plan", lint, want)
	}
}

// A question about data is answered by a call that rests on a number: the
// share a rollout is at is none, so where an initiative has only that,
// the story of an issue whose call does is told.
func TestStoriesQuestionAboutDataFallsBackToAnIssueWithACallOnANumber(t *testing.T) {
	p := typicalPortfolio()
	p.Evidence = append(p.Evidence,
		jiraItem(storyFraud, evidence.SourceComment, "10970", "2026-09-04T10:00:00Z", evidence.CatReleasePlanning, "comment.rollout", 0.7,
			"at 5% of web traffic since this morning. watching refund errors on the dashboard"))
	onData := "putting this above the onboarding copy. 'where is my order' is 22% of support tickets, the carousel can wait a sprint"
	withCall := p
	withCall.Evidence = append(slices.Clone(p.Evidence),
		jiraItem(checkoutBug, evidence.SourceComment, "10971", "2026-09-05T10:00:00Z", evidence.CatPrioritization, "comment.priority", 0.8, onData),
		jiraItem(checkoutBug, evidence.SourceComment, "10972", "2026-09-06T10:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.8,
			"Decision: the Safari fix ships alone, the wallet copy waits for 2026.08."))
	doc, lint := storiesFor(t, withCall, "a time you used data to make a decision")
	if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != checkoutBug.key {
		t.Fatalf("the data story is %+v, want %s's, where the call on a number is", doc.Stories, checkoutBug.key)
	}
	s := doc.Stories[0]
	// The carousel's sprint passed with nothing of the user's on the
	// issue: the put-off is cut, the call on the number stays.
	quoted := "putting this above the onboarding copy. 'where is my order' is 22% of support tickets …"
	if len(s.Questions) == 0 || s.Questions[0] != "a time you used data to make a decision" ||
		!slices.ContainsFunc(s.Actions, func(a actionJSON) bool { return a.Excerpt == quoted }) {
		t.Errorf("story tagged %q quoting %q, want it to lead with the data question and quote the call on a number", s.Questions, s.Action)
	}
	if strings.Contains(lint, "note:") {
		t.Errorf("stderr = %q, want no note", lint)
	}
	// Without it, no story is tagged with the question: "at 5% of web
	// traffic" is where a rollout stands, not a number a call rests on.
	doc, lint = storiesFor(t, p, "a time you used data to make a decision")
	if len(doc.Stories) != 1 || slices.Contains(doc.Stories[0].Questions, "a time you used data to make a decision") {
		t.Errorf("stories %+v, want one not tagged with the data question", doc.Stories)
	}
	if !strings.Contains(lint, "note: no decision or priority call you wrote weighs a number") {
		t.Errorf("stderr = %q, want a note that no call weighs a number", lint)
	}
}

// The outcome of a rollout often says where it ended and when ("Shipped
// to 100% on Sep 30"): the result then says only what it doesn't, that
// the steps came when planned. Before, it said "It reached 100% on 30
// September" straight after the quote, and re-quoted the plan an action
// quotes two lines above.
func TestARolloutResultDoesNotRepeatItsOutcome(t *testing.T) {
	p := rampedRefunds("2026-09-08T15:00:00Z")
	p.Epics[1].Comments[1].Text = "Shipped to 100% on Sep 30. 62% of refunds were self-served in the first month, support tickets down 30%."
	doc, _ := storiesFor(t, p, "a time you delivered against a deadline")
	if len(doc.Stories) != 1 {
		t.Fatalf("%d stories, want 1", len(doc.Stories))
	}
	result := doc.Stories[0].Result
	if want := "That was as I had re-planned on 10 August, with 5% on 25 August and 25% on 8 September on the days planned."; !strings.Contains(result, want) {
		t.Errorf("result = %q, want it to say %q", result, want)
	}
	for _, twice := range []string{"on 30 September", "“new plan"} {
		if strings.Contains(result, twice) {
			t.Errorf("result = %q says %q, which the outcome or an action says already", result, twice)
		}
	}
}

// Asked about data, the story of a rollout marks the check that holds
// the number and its comparison, told in its place in time, and its
// result says the step the user took after it. Before 802a263 it was the
// deadline story again, the number fifth in its actions and tied to no
// call; then the check came first, before the plan and the 5% note it
// followed, and a story read aloud ran backwards.
func TestADataStoryMarksTheCheckInTimeAndSaysTheCallAfterIt(t *testing.T) {
	const check = "25% now. refund error rate 0.41% vs 0.40% control, within noise"
	p := rampedRefunds("2026-09-08T15:00:00Z")
	doc, _ := storiesFor(t, p, "a time you used data to make a decision")
	if len(doc.Stories) != 1 || doc.Stories[0].Epic.Key != "PAY-120" {
		t.Fatalf("the data story is %+v, want PAY-120's", doc.Stories)
	}
	s := doc.Stories[0]
	var marked []string
	for i, a := range s.Actions {
		if i > 0 && a.OccurredAt < s.Actions[i-1].OccurredAt {
			t.Errorf("action %d (%s) comes after one of %s: actions = %+v", i+1, a.OccurredAt, s.Actions[i-1].OccurredAt, s.Actions)
		}
		if a.Answers {
			marked = append(marked, a.Excerpt)
		}
	}
	if !slices.Equal(marked, []string{check}) {
		t.Errorf("marked as the answer: %q, want only the check at 25%%", marked)
	}
	if want := "After the check at 25% on 8 September, I took it to 100% on 30 September, as I had re-planned on 10 August."; !strings.Contains(s.Result, want) {
		t.Errorf("result = %q, want it to say %q", s.Result, want)
	}
	var md strings.Builder
	if err := Stories(&md, p, StoryOptions{Question: "a time you used data to make a decision"}); err != nil {
		t.Fatal(err)
	}
	if want := "2026-09-08 · **The data behind the call.** Reported the rollout of"; !strings.Contains(md.String(), want) {
		t.Errorf("markdown:\n%s\nwant the check marked: %q", md.String(), want)
	}
	if n := strings.Count(md.String(), "The data behind the call"); n != 1 {
		t.Errorf("markdown marks %d actions, want 1", n)
	}
}

// An issue's story without an outcome says what Jira records of where the
// done work went: its fix version. Before, it said only "the issue is
// done".
func TestADoneIssueStoryWithoutAnOutcomeNamesItsFixVersion(t *testing.T) {
	for _, tt := range []struct {
		name     string
		versions []string
		want     string
	}{
		{"one version", []string{"5.4"}, fromJira + "the issue is done, in fix version 5.4."},
		{"two versions", []string{"5.4", "5.4.1"}, fromJira + "the issue is done, in fix versions 5.4 and 5.4.1."},
		{"none", nil, fromJira + "the issue is done."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := typicalPortfolio()
			p.Evidence = append(p.Evidence, jiraItem(checkoutBug, evidence.SourceComment, "10971", "2026-09-05T10:00:00Z", evidence.CatPrioritization,
				"comment.priority", 0.8, "putting this above the onboarding copy. 'where is my order' is 22% of support tickets, the carousel can wait a sprint"))
			for i := range p.Evidence {
				e := &p.Evidence[i]
				if e.IssueKey == checkoutBug.key {
					e.IssueStatusCategory, e.IssueFixVersions = "done", tt.versions
				}
			}
			doc, _ := storiesFor(t, p, "a time you used data to make a decision")
			if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != checkoutBug.key {
				t.Fatalf("stories = %+v, want %s's", doc.Stories, checkoutBug.key)
			}
			if got := doc.Stories[0].Result; got != tt.want {
				t.Errorf("result = %q, want %q", got, tt.want)
			}
		})
	}
}

// A re-plan whose new date the work then missed by weeks is no action a
// story tells while another update of the initiative can be: "New ETA 14
// May" of a story done on 20 August invites the question "and did you?".
func TestAStoryTellsNoReplanTheWorkThenMissed(t *testing.T) {
	p := longBriefPortfolio(0)
	epic := fixtureIssue{"10931", "OPS-931", "Epic", p.Epics[1].Summary, "", me, "done", nil}
	// The initiative's update is "FYI Sam: this slipped … New ETA 14 May"
	// on OPS-9311, of 5 March; a plainer progress note is on the epic.
	p.Evidence = append(p.Evidence, jiraItem(epic, evidence.SourceComment, "71", "2026-03-10T09:00:00Z", evidence.CatStakeholderComms,
		"comment.status-update", 0.75, "Progress for Lena: 3 of 4 stories done."),
		jiraItem(epic, evidence.SourceComment, "72", "2026-03-11T09:00:00Z", evidence.CatSprintPlanning,
			"comment.sprint", 0.7, "Planning note: Sprint 49 is short because Aisha is on call, so we commit to three items."),
		jiraItem(epic, evidence.SourceComment, "73", "2026-03-12T09:00:00Z", evidence.CatPrioritization,
			"comment.prioritization", 0.7, "Must-have for the next release: without it every failover needs a restart. The dashboard can wait."))
	tells := func(p evidence.Portfolio) bool {
		t.Helper()
		for _, s := range readStories(t, p, 5).Stories {
			if s.Epic.Key == epic.key {
				return slices.ContainsFunc(s.Actions, func(a actionJSON) bool { return strings.Contains(a.Excerpt, "New ETA") })
			}
		}
		t.Fatalf("no story of %s", epic.key)
		return false
	}
	// Done by the new date, the re-plan is the stronger update, and told.
	p.DoneIssues = []evidence.DoneIssue{{SiteName: "acme", Key: "OPS-9311", Resolved: at("2026-05-12T15:00:00Z")}}
	if !tells(p) {
		t.Fatal("the re-plan kept is not told: the test proves nothing")
	}
	p.DoneIssues[0].Resolved = at("2026-08-20T15:00:00Z")
	if tells(p) {
		t.Error("the story tells a re-plan of 14 May for work done on 20 August")
	}
}

// Asked about pushing back, one comment that says no to a person by name
// with its grounds, on an issue too thin to tell unasked, is told with
// the change that made it so, before a story whose no is said to nobody.
// Kestrel's "we can only do one. saved cards is the Q2 goal, so moving
// this to the backlog - Nadia, happy to look at it in August" lost to "we'll
// drop the CSV export for now": the saved-cards story answered "a time
// you pushed back" with no action that said no to anyone. Its quote stops
// at the no: the promise after it, to Nadia, was never kept, and a story
// that quotes it invites "and did you?".
func TestStoriesQuestionAboutPushbackTellsANoToSomeoneOnOneComment(t *testing.T) {
	const question = "a time you pushed back on a stakeholder"
	no := "this would land in the same sprint as the 3DS work and we can only do one. saved cards is the Q2 goal, so moving this to the backlog - Nadia, happy to look at it in August"
	wishlist := fixtureIssue{"20427", "CHK-427", "Story", "Wishlist button on order confirmation", "", evidence.User{}, "new", nil}
	p := typicalPortfolio()
	p.Evidence = append(p.Evidence,
		jiraItem(storyFraud, evidence.SourceComment, "10950", "2026-06-03T16:40:00Z", evidence.CatDecisionMaking, "comment.decision", 0.9,
			"talked to Dana, we'll drop the CSV export for now and revisit in Q3"),
		jiraItem(wishlist, evidence.SourceComment, "57400", "2026-05-27T10:00:00Z", evidence.CatPrioritization, "comment.prioritization", 0.8, no),
		jiraItem(wishlist, evidence.SourceChange, "57401", "2026-05-27T10:01:00Z", evidence.CatPrioritization, "change.rank", 0.7, "Rank: Ranked lower"))
	doc, lint := storiesFor(t, p, question)
	if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != "CHK-427" {
		t.Fatalf("stories = %+v, want the one of CHK-427, where the user said no to Nadia", doc.Stories)
	}
	s := doc.Stories[0]
	if len(s.Questions) == 0 || s.Questions[0] != pushbackQuestion {
		t.Errorf("tagged %q, want it to lead with pushing back", s.Questions)
	}
	var got []string
	for _, a := range s.Actions {
		got = append(got, a.Text+": "+a.Excerpt)
	}
	want := []string{
		// The rank lowered a minute later is the no's own move.
		"Said no to Nadia on CHK-427: this would land in the same sprint as the 3DS work and we can only do one. saved cards is the Q2 goal, so moving this to the backlog…",
	}
	if !slices.Equal(got, want) {
		t.Errorf("actions = %q, want %q", got, want)
	}
	if strings.Contains(lint, "note:") {
		t.Errorf("stderr = %q, want no note: the story answers the question", lint)
	}
	// Unasked, one comment is still no story.
	for _, s := range readStories(t, p, -1).Stories {
		if s.Issue != nil && s.Issue.Key == "CHK-427" {
			t.Errorf("CHK-427 is a story without a question, on one comment")
		}
	}
}

// declinedIn finds a no said to a person by name with its grounds: what
// a story asked about pushing back tells first, and how it quotes it.
func TestDeclinedInFindsANoToSomeoneWithItsGrounds(t *testing.T) {
	pedro := "Pedro, the in-app banner needs 5.4, which goes to the stores on 17/11. people on older versions won't see it (around 30% usually update in the first week). " +
		"the push works for everyone. if the banner is important for BF we should launch the campaign on the 24th, not the 20th"
	for _, tt := range []struct {
		name, category, text string
		to, verb, quote      string // to "" for no no to anyone
	}{
		{"put off, with its grounds, the promise after it left out", evidence.CatPrioritization,
			"this would land in the same sprint as the 3DS work and we can only do one. saved cards is the Q2 goal, so moving this to the backlog - Nadia, happy to look at it in August",
			"Nadia", "Said no to Nadia on", "this would land in the same sprint as the 3DS work and we can only do one. saved cards is the Q2 goal, so moving this to the backlog…"},
		{"another date set against the one asked, told as pushing back, whole with its number", evidence.CatReleasePlanning, pedro,
			"Pedro", "Pushed back on Pedro's plan on", pedro},
		{"too long, the sentence with a number kept before the filler", evidence.CatReleasePlanning,
			"Pedro, the in-app banner needs 5.4, which goes to the stores on 17/11. the push works for everyone, whatever version of the app they have installed. " +
				"people on older versions won't see it (around 30% usually update in the first week). the banner is the part marketing cares about most. " +
				"if the banner is important for BF we should launch the campaign on the 24th, not the 20th",
			"Pedro", "Pushed back on Pedro's plan on",
			"Pedro, the in-app banner needs 5.4, which goes to the stores on 17/11. … people on older versions won't see it (around 30% usually update in the first week). … " +
				"if the banner is important for BF we should launch the campaign on the 24th, not the 20th"},
		{"a release refused after Sorry and the name, its grounds after it, the promise after them left out, the option offered kept", evidence.CatReleasePlanning,
			"Sorry Meenakshi Sundaram, we cannot take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done; adding a change to the closure advice means re-running the full FD suite (3 days) and we will miss the 22nd. " +
				"Suggest we take it in 4.14 on priority. If business still wants it in 4.13, we need a risk sign-off from Anand Kulkarni.",
			"Meenakshi Sundaram", "Said no to Meenakshi Sundaram on",
			"Sorry Meenakshi Sundaram, we cannot take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done; adding a change to the closure advice means re-running the full FD suite (3 days) and we will miss the 22nd. … " +
				"If business still wants it in 4.13, we need a risk sign-off from Anand Kulkarni."},
		{"a release refused, the promise after its grounds left out with what follows", evidence.CatReleasePlanning,
			"Sorry Meenakshi Sundaram, we cannot take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done; adding a change to the closure advice means re-running the full FD suite (3 days) and we will miss the 22nd. " +
				"Suggest we take it in 4.14 on priority. I'll tell the team.",
			"Meenakshi Sundaram", "Said no to Meenakshi Sundaram on",
			"Sorry Meenakshi Sundaram, we cannot take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done; adding a change to the closure advice means re-running the full FD suite (3 days) and we will miss the 22nd. …"},
		{"its grounds cut short by the classifier, quoted to the cut", evidence.CatReleasePlanning,
			"Sorry Meenakshi Sundaram, we can't take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done; adding a change to the closure advice means re-running the full FD suite (3 days)…",
			"Meenakshi Sundaram", "Said no to Meenakshi Sundaram on",
			"Sorry Meenakshi Sundaram, we can't take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done; adding a change to the closure advice means re-running the full FD suite (3 days)…"},
		{"a release refused with no grounds after it", evidence.CatReleasePlanning,
			"Sorry Meenakshi Sundaram, we cannot take this into 4.13 at this stage. Let's talk tomorrow.", "", "", ""},
		{"redacted, to whom it was said is a teammate", evidence.CatPrioritization,
			"we can only do one. saved cards is the Q2 goal, so moving this to the backlog - A teammate, happy to look at it in August",
			"a teammate", "Said no to a teammate on", "we can only do one. saved cards is the Q2 goal, so moving this to the backlog…"},
		{"a cut agreed with someone, said to nobody", evidence.CatDecisionMaking,
			"talked to Lena, we'll drop the CSV export for now and revisit in Q3. SARs can keep going through the data team's script in the meantime, Rosa I'll send you the runbook link", "", "", ""},
		{"a no without its grounds", evidence.CatPrioritization, "Nadia, moving this to the backlog.", "", "", ""},
		{"a sentence opened with a word that names nobody", evidence.CatPrioritization,
			"we can only do one this sprint. Ok, moving this to the backlog", "", "", ""},
		{"a Won't Do said to nobody", evidence.CatDecisionMaking, "Closing as Won't Do: nobody has asked for it since the 28th. Reopen if someone asks for it.", "", "", ""},
		{"a trade-off addressed to someone that is no call", evidence.CatStakeholderComms,
			"Heads up. Pedro, we launch on the 24th, not the 20th", "", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := jiraItem(storyFraud, evidence.SourceComment, "10960", "2026-05-27T10:00:00Z", tt.category, "model.text", 0.8, tt.text)
			no, ok := declinedIn(&e)
			if ok != (tt.to != "") || no.to != tt.to {
				t.Fatalf("declinedIn(%q) = %+v, %v; want a no to %q", tt.text, no, ok, tt.to)
			}
			if !ok {
				return
			}
			if pushback(&e) != 4 {
				t.Errorf("pushback = %d, want 4: a no to someone with its grounds", pushback(&e))
			}
			var md strings.Builder
			p := typicalPortfolio()
			p.Evidence = append(p.Evidence, e)
			if err := Stories(&md, p, StoryOptions{Question: "a time you said no"}); err != nil {
				t.Fatal(err)
			}
			if want := tt.verb + " [PAY-151]"; !strings.Contains(md.String(), want) {
				t.Errorf("stories:\n%s\nwant the action %q", md.String(), want)
			}
			if got := no.quote(declinedLength); got != tt.quote {
				t.Errorf("quote = %q, want %q", got, tt.quote)
			}
		})
	}
}

// A story led by a no to someone ends on what the user wrote after it
// with a number, never on "the issue is not done yet": Pitanga's MKT-96
// stays To Do because a Marketing task is never closed, and the no was
// the call. With nothing after it, stderr asks for what came of it. The person told no, who is
// the issue's assignee, is no teammate the user worked alongside; and
// the no to someone by name is told before a NO-GO said to nobody.
func TestStoriesPushbackLedByANoEndsOnWhatFollowed(t *testing.T) {
	pedro := evidence.User{ID: "712020aa0b1c2d3e4f500010", DisplayName: "Pedro Santos"}
	banner := fixtureIssue{"52014", "MKT-96", "Task", "Black Friday push + in-app banner", "", pedro, "new", nil}
	no := jiraItem(banner, evidence.SourceComment, "120029", "2026-10-21T17:00:00Z", evidence.CatReleasePlanning, "model.text", 0.8,
		"Pedro, the in-app banner needs 5.4, which goes to the stores on 17/11. people on older versions won't see it (around 30% usually update in the first week). "+
			"the push works for everyone. if the banner is important for BF we should launch the campaign on the 24th, not the 20th")
	later := jiraItem(banner, evidence.SourceComment, "120031", "2026-11-26T13:00:00Z", evidence.CatStakeholderComms, "model.text", 0.7,
		"banner is showing on 5.4, 61% of active users already on it")
	noGo := jiraItem(storyFraud, evidence.SourceComment, "10961", "2026-06-04T10:00:00Z", evidence.CatReleasePlanning, "comment.release", 0.9,
		"No-go for 2026.06 from my side until the dry run passes on staging. Moving this to the next fix version.")
	answer := func(id string, by evidence.User, when, text string) []evidence.Reply {
		return []evidence.Reply{{SiteName: no.SiteName, Key: "MKT-96", To: "120029", Comment: evidence.Comment{ID: id, At: at(when), Author: by, Text: text}}}
	}
	mariana := evidence.User{ID: "712020aa0b1c2d3e4f500011", DisplayName: "Mariana Rocha"}
	for _, tt := range []struct {
		name    string
		items   []evidence.Evidence
		replies []evidence.Reply
		result  string
	}{
		{"with a later comment with a number", []evidence.Evidence{noGo, no, later}, nil, "On 26 November: “banner is showing on 5.4, 61% of active users already on it” (Jira comment, 2026-11-26)"},
		{"with nothing after it", []evidence.Evidence{noGo, no}, nil, ""},
		{"with the answer of the person told no, and a later number", []evidence.Evidence{noGo, no, later},
			answer("120030", pedro, "2026-10-21T18:00:00Z", "ok, 24th then. thanks for the warning"),
			"Pedro Santos answered within the hour: “ok, 24th then.” (Jira comment, 2026-10-21). " +
				"On 26 November: “banner is showing on 5.4, 61% of active users already on it” (Jira comment, 2026-11-26)"},
		{"with their answer the next day", []evidence.Evidence{noGo, no},
			answer("120030", pedro, "2026-10-22T09:00:00Z", "ok, 24th then"), "Pedro Santos answered the next day: “ok, 24th then” (Jira comment, 2026-10-22)"},
		{"with an answer by someone else than the person told no", []evidence.Evidence{noGo, no},
			answer("120030", mariana, "2026-10-21T18:00:00Z", "support is ready for either date"), ""},
		{"with a question back", []evidence.Evidence{noGo, no},
			answer("120030", pedro, "2026-10-21T18:00:00Z", "can't we do the banner without 5.4?"), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := typicalPortfolio()
			p.Evidence = append(p.Evidence, tt.items...)
			p.Replies = tt.replies
			doc, lint := storiesFor(t, p, "a time you pushed back on a stakeholder")
			if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != "MKT-96" {
				t.Fatalf("stories = %+v, want the one of MKT-96, where the user pushed back on Pedro", doc.Stories)
			}
			s := doc.Stories[0]
			if s.Result != tt.result {
				t.Errorf("result = %q, want %q", s.Result, tt.result)
			}
			// Without a result, stderr says what would make one.
			if strings.Contains(lint, "outcome missing: MKT-96") != (tt.result == "") {
				t.Errorf("stderr = %q, want a request for what came of the no only when the story has no result", lint)
			}
			if strings.Contains(s.Situation, "teammate") {
				t.Errorf("situation = %q, want Pedro, who was told no, not counted as a teammate", s.Situation)
			}
			if len(s.Actions) == 0 || !strings.HasPrefix(s.Actions[0].Text, "Pushed back on Pedro's plan on MKT-96") {
				t.Errorf("actions = %+v, want it led by pushing back on Pedro's plan", s.Actions)
			}
			// Its verb says it is the no: "Where I said no. Pushed back on
			// Pedro's plan" says it twice.
			var md strings.Builder
			if err := Stories(&md, p, StoryOptions{Question: "a time you pushed back on a stakeholder"}); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(md.String(), noMark) {
				t.Errorf("markdown:\n%s\nwant no %q before a no its verb tells", md.String(), noMark)
			}
		})
	}
}

// What the user wrote with a number after the answer to their no ends
// the story whether or not a rule took it for evidence: Pitanga's
// "banner is showing on 5.4, 61% of active users already on it" is the
// only number after Pedro's "ok, 24th then", on an issue never done.
func TestStoriesPushbackEndsOnALaterCommentThatIsNoEvidence(t *testing.T) {
	pedro := evidence.User{ID: "712020aa0b1c2d3e4f500010", DisplayName: "Pedro Santos"}
	banner := fixtureIssue{"52014", "MKT-96", "Task", "Black Friday push + in-app banner", "", pedro, "new", nil}
	no := jiraItem(banner, evidence.SourceComment, "120029", "2026-10-21T17:00:00Z", evidence.CatReleasePlanning, "model.text", 0.8,
		"Pedro, the in-app banner needs 5.4, which goes to the stores on 17/11. if the banner is important for BF we should launch the campaign on the 24th, not the 20th")
	p := typicalPortfolio()
	p.Evidence = append(p.Evidence, no)
	p.Replies = []evidence.Reply{{SiteName: no.SiteName, Key: "MKT-96", To: "120029",
		Comment: evidence.Comment{ID: "120030", At: at("2026-10-21T18:00:00Z"), Author: pedro, Text: "ok, 24th then"}}}
	p.OwnComments = []evidence.IssueComments{{SiteName: no.SiteName, Key: "MKT-96", Comments: []evidence.Comment{
		{ID: "120031", At: at("2026-11-26T13:00:00Z"), Text: "banner is showing on 5.4, 61% of active users already on it"}}}}
	doc, _ := storiesFor(t, p, "a time you pushed back on a stakeholder")
	if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != "MKT-96" {
		t.Fatalf("stories = %+v, want the one of MKT-96", doc.Stories)
	}
	want := "Pedro Santos answered within the hour: “ok, 24th then” (Jira comment, 2026-10-21). " +
		"On 26 November: “banner is showing on 5.4, 61% of active users already on it” (Jira comment, 2026-11-26)"
	if got := doc.Stories[0].Result; got != want {
		t.Errorf("result = %q, want %q", got, want)
	}
}

// A no whose issue a release it was moved to went out without says so
// after the answer: after Meenakshi's "Ok understood, 4.14 is fine", a
// reader takes CORE-2183 to have shipped in 4.14, and it is still open.
func TestStoriesPushbackSaysTheReleaseWentOutWithoutIt(t *testing.T) {
	meenakshi := evidence.User{ID: "5c0ffee0000000000000a011", DisplayName: "Meenakshi Sundaram"}
	gst := fixtureIssue{"40183", "CORE-183", "Story", "Show GST breakup on FD closure advice", "", meenakshi, "new", []string{"4.14"}}
	no := jiraItem(gst, evidence.SourceComment, "71026", "2026-08-05T09:00:00Z", evidence.CatReleasePlanning, "model.text", 0.7,
		"Sorry Meenakshi Sundaram, we cannot take this into 4.13 at this stage. Code freeze was on 1st and we will miss the 22nd.")
	moved := jiraItem(gst, evidence.SourceChange, "71027", "2026-08-05T09:01:00Z", evidence.CatReleasePlanning, "change.fix-version", 0.8, "Fix Version: 4.13 → 4.14")
	reply := evidence.Reply{SiteName: no.SiteName, Key: "CORE-183", To: "71026",
		Comment: evidence.Comment{ID: "71028", At: at("2026-08-05T09:45:00Z"), Author: meenakshi, Text: "Ok understood, 4.14 is fine."}}
	for _, tt := range []struct {
		name     string
		released []string
		want     string
	}{
		{"4.14 released", []string{"4.14"}, "Meenakshi Sundaram answered within the hour: “Ok understood, 4.14 is fine.” (Jira comment, 2026-08-05). " +
			"CORE-183 itself is still open, though 4.14 has been released."},
		{"4.14 not released yet", nil, "Meenakshi Sundaram answered within the hour: “Ok understood, 4.14 is fine.” (Jira comment, 2026-08-05)"},
		// The 22nd the no protected held: 4.13's release issue was done
		// on it.
		{"4.13 went out on the 22nd", []string{"4.14"}, "Meenakshi Sundaram answered within the hour: “Ok understood, 4.14 is fine.” (Jira comment, 2026-08-05). " +
			"4.13 went out on 22 August as planned (REL-21). CORE-183 itself is still open, though 4.14 has been released."},
		// Filed again and done there: "still open" alone reads as a
		// promise dropped.
		{"done as CORE-201", []string{"4.14"}, "Meenakshi Sundaram answered within the hour: “Ok understood, 4.14 is fine.” (Jira comment, 2026-08-05). " +
			"The change itself was done as CORE-201 (“Show GST breakup on FD closure advice (4.14)”), which I verified on 20 September; CORE-183 was left open. Jira files CORE-201 under 4.15, not the 4.14 its summary names."},
		{"done as an issue of other work", []string{"4.14"}, "Meenakshi Sundaram answered within the hour: “Ok understood, 4.14 is fine.” (Jira comment, 2026-08-05). " +
			"CORE-183 itself is still open, though 4.14 has been released."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := typicalPortfolio()
			no, moved := no, moved
			no.IssueReleasedVersions, moved.IssueReleasedVersions = tt.released, tt.released
			no.IssueCreated = at("2026-07-28T10:00:00Z")
			p.Evidence = append(p.Evidence, no, moved)
			if summary, ok := map[string]string{"done as CORE-201": "Show GST breakup on FD closure advice (4.14)",
				"done as an issue of other work": "Show GST breakup on FD closure advice email"}[tt.name]; ok {
				again := fixtureIssue{"40201", "CORE-201", "Story", summary, "", meenakshi, "done", []string{"4.15"}}
				verified := jiraItem(again, evidence.SourceComment, "71201", "2026-09-20T02:00:00Z", evidence.CatAcceptanceTesting, "model.text", 0.7,
					"Verified, GST breakup shown on closure advice as per business mock. Closing.")
				verified.IssueCreated = at("2026-09-10T10:00:00Z")
				p.Evidence = append(p.Evidence, verified)
			}
			if strings.HasPrefix(tt.name, "4.13") {
				rel := fixtureIssue{"40021", "REL-21", "Task", "Release 4.13 - readiness, Go/No-Go and deployment", "", meenakshi, "done", []string{"4.13"}}
				p.Evidence = append(p.Evidence, jiraItem(rel, evidence.SourceComment, "71090", "2026-08-20T11:00:00Z", evidence.CatReleasePlanning, "model.text", 0.7,
					"Go/No-Go for 4.13: GO. Deployment on 22nd."))
				p.DoneIssues = append(p.DoneIssues, evidence.DoneIssue{SiteName: no.SiteName, Key: "REL-21", Resolved: at("2026-08-22T22:05:00Z")})
			}
			p.Replies = []evidence.Reply{reply}
			doc, _ := storiesFor(t, p, "a time you pushed back on a stakeholder")
			if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != "CORE-183" {
				t.Fatalf("stories = %+v, want the one of CORE-183", doc.Stories)
			}
			if got := doc.Stories[0].Result; got != tt.want {
				t.Errorf("result = %q, want %q", got, tt.want)
			}
			// The move a minute after the no is the no's own act.
			for _, a := range doc.Stories[0].Actions {
				if a.EvidenceID == moved.ID {
					t.Errorf("actions tell %q beside the no it follows", a.Text+" — "+a.Excerpt)
				}
			}
		})
	}
}

// A no is quoted from the whole comment where the classifier cut its
// excerpt before the point: Kaveri's "… the full FD suite (3 days)…" lost
// "and we will miss the 22nd", which is why the answer was no. The put-off
// after it goes, the option offered after that stays.
func TestStoriesQuoteANoFromItsWholeComment(t *testing.T) {
	meenakshi := evidence.User{ID: "JIRAUSER11023", DisplayName: "Meenakshi Sundaram"}
	gst := fixtureIssue{"52183", "CORE-2183", "Story", "Show GST breakup on FD closure advice", "", meenakshi, "indeterminate", nil}
	whole := "Sorry Meenakshi Sundaram, we cannot take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done; " +
		"adding a change to the closure advice means re-running the full FD suite (3 days) and we will miss the 22nd. " +
		"Suggest we take it in 4.14 on priority. If business still wants it in 4.13, we need a risk sign-off from Anand Kulkarni."
	no := jiraItem(gst, evidence.SourceComment, "210026", "2026-08-05T09:30:00Z", evidence.CatReleasePlanning, "comment.release", 0.9,
		"Sorry Meenakshi Sundaram, we cannot take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done; "+
			"adding a change to the closure advice means re-running the full FD suite (3 days)…")
	wholeComment := []evidence.IssueComments{{SiteName: no.SiteName, Key: "CORE-2183", Comments: []evidence.Comment{{ID: "210026", Text: whole}}}}
	for _, tt := range []struct {
		name   string
		whole  []evidence.IssueComments
		answer string
		quote  string
	}{
		{"with the whole comment", wholeComment, "",
			"Sorry Meenakshi Sundaram, we cannot take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done; " +
				"adding a change to the closure advice means re-running the full FD suite (3 days) and we will miss the 22nd. … " +
				"If business still wants it in 4.13, we need a risk sign-off from Anand Kulkarni."},
		// "4.14 is fine" answers the counter-offer: cut, it answers nothing.
		{"agreed to, with the offer the answer takes up", wholeComment, "Ok understood, 4.14 is fine. I will inform business.", whole},
		{"answered with another subject", wholeComment, "Ok understood. I will inform business.",
			"Sorry Meenakshi Sundaram, we cannot take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done; " +
				"adding a change to the closure advice means re-running the full FD suite (3 days) and we will miss the 22nd. Suggest we take it in 4.14 on priority. " +
				"If business still wants it in 4.13, we need a risk sign-off from Anand Kulkarni."},
		{"without it, to the cut", nil, "", no.Excerpt},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := typicalPortfolio()
			p.Evidence = append(p.Evidence, no)
			p.WholeComments = tt.whole
			if tt.answer != "" {
				p.Replies = []evidence.Reply{{SiteName: no.SiteName, Key: "CORE-2183", To: no.SourceID,
					Comment: evidence.Comment{ID: "210027", At: no.OccurredAt.Add(45 * time.Minute), Author: meenakshi, Text: tt.answer}}}
			}
			doc, _ := storiesFor(t, p, "a time you pushed back on a stakeholder")
			if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != "CORE-2183" || len(doc.Stories[0].Actions) == 0 {
				t.Fatalf("stories = %+v, want the one of CORE-2183, where the user said no to Meenakshi", doc.Stories)
			}
			if a := doc.Stories[0].Actions[0]; a.Excerpt != tt.quote {
				t.Errorf("action quotes %q, want %q", a.Excerpt, tt.quote)
			}
		})
	}
}

// A deadline story is of a date its outcome says was met; a goal's date
// that passed before the outcome was reported, which does not say it was
// met, is no deadline delivered against.
func TestADeadlineIsMetOnlyWhereTheOutcomeSaysSo(t *testing.T) {
	created := time.Date(2026, 6, 2, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name, goal, outcome string
		reported            time.Time
		met, unmet          bool
	}{
		{"a date met, as the outcome says", "All clusters on Kubernetes 1.30 before the 1.28 end of support.",
			"All 5 clusters are on 1.30, 19 days before the 1.28 end of support.", time.Date(2026, 9, 24, 0, 0, 0, 0, time.UTC), true, false},
		{"a goal's date passed before its result", "Get crash-free sessions above 99.5% by the end of Q3 and the rating back over 4.3.",
			"Crash-free sessions at 99.6% in the last 30 days.", time.Date(2026, 10, 27, 0, 0, 0, 0, time.UTC), false, true},
		{"a result reported by the goal's date", "Get crash-free sessions above 99.5% by the end of Q3.",
			"Crash-free sessions at 99.6% in the last 30 days.", time.Date(2026, 9, 28, 0, 0, 0, 0, time.UTC), false, false},
		{"a goal with no date", "Cut pages per on-call week from ~40 to under 20.",
			"Pages per on-call week averaged 12, down from 44.", time.Date(2026, 10, 27, 0, 0, 0, 0, time.UTC), false, false},
	} {
		ep := evidence.Epic{Key: "MOB-881", Goal: c.goal, Issues: []evidence.EpicIssue{{Key: "MOB-881", Created: created}}}
		in := initiative{epic: ep, hasOutcome: true,
			outcome: initiativeOutcome{Text: c.outcome, Epic: ep, Comment: evidence.Comment{ID: "1", At: c.reported, Text: c.outcome}}}
		if got := in.deadlineMet(); got != c.met {
			t.Errorf("%s: deadlineMet = %v, want %v", c.name, got, c.met)
		}
		if got := in.deadlinePassedUnmet(); got != c.unmet {
			t.Errorf("%s: deadlinePassedUnmet = %v, want %v", c.name, got, c.unmet)
		}
	}
}

// A no nobody answered ends on the goal its grounds name, when that goal
// is an initiative of the user's with an outcome: Kestrel's "saved cards
// is the Q2 goal, so moving this to the backlog - Nadia, …" ended with no
// Result, though saved cards' 2.1% → 2.6% was in the same portfolio. The
// Situation says who asked and when. A no that names no such goal is
// told without a Result, and stderr says what to add.
func TestStoriesNoEndsOnTheGoalItGaveWayTo(t *testing.T) {
	nadia := evidence.User{ID: "5c0ffee0000000000000a010", DisplayName: "Nadia Haddad"}
	wishlist := fixtureIssue{"20427", "CHK-427", "Story", "Wishlist button on order confirmation", "", evidence.User{}, "new", nil}
	const goalOutcome = "EU checkout timeouts down from 2.1% to 0.4% by 30 March."
	for _, tt := range []struct {
		name, grounds, outcome, result string
	}{
		{"its goal with an outcome", "EU checkout reliability is the Q2 goal", goalOutcome,
			// What the no bought comes first; then the promise the quote
			// cuts ("- Nadia, happy to look at it in August"), owned.
			"EU checkout reliability (PAY-101), the goal it gave way to: " + goalOutcome + " I told Nadia “happy to look at it in August”; it is still to do, and I owe Nadia an update on it."},
		{"its goal without an outcome", "EU checkout reliability is the Q2 goal", "", ""},
		{"the initiative's words, not as a goal", "EU checkout reliability alerts are noisy this week", goalOutcome, ""},
		{"another goal", "the partner API is the Q2 goal", goalOutcome, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := typicalPortfolio()
			p.Epics[0].Outcome = tt.outcome
			no := jiraItem(wishlist, evidence.SourceComment, "57400", "2026-05-27T10:00:00Z", evidence.CatPrioritization, "comment.prioritization", 0.8,
				"this would land in the same sprint as the retry work and we can only do one. "+tt.grounds+", so moving this to the backlog - Nadia, happy to look at it in August")
			rank := jiraItem(wishlist, evidence.SourceChange, "57401", "2026-05-27T10:01:00Z", evidence.CatPrioritization, "change.rank", 0.7, "Rank: Ranked lower")
			for _, e := range []*evidence.Evidence{&no, &rank} {
				e.IssueReporter, e.IssueCreated = nadia, at("2026-05-25T10:00:00Z")
			}
			p.Evidence = append(p.Evidence, no, rank)
			doc, lint := storiesFor(t, p, "a time you pushed back on a stakeholder")
			if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != "CHK-427" {
				t.Fatalf("stories = %+v, want the one of CHK-427, where the user said no to Nadia", doc.Stories)
			}
			s := doc.Stories[0]
			if s.Result != tt.result {
				t.Errorf("result = %q, want %q", s.Result, tt.result)
			}
			if want := "was a story in Checkout (CHK), filed by Nadia Haddad on 25 May."; !strings.Contains(s.Situation, want) {
				t.Errorf("situation = %q, want it to say who asked and when: %q", s.Situation, want)
			}
			missing := strings.Contains(lint, "outcome missing: CHK-427 (Wishlist button on order confirmation) is told without an outcome: no answer of Nadia's on the issue")
			if missing != (tt.result == "") {
				t.Errorf("stderr = %q, want it to ask for what came of the no only when the story has no result", lint)
			}
		})
	}
}

// A no held for a goal the user's rollout re-planned says so after the
// goal's result, as the deadline answer tells it: Kestrel's "saved cards
// is the Q2 goal" shipped on 30 September, as re-planned on 10 August.
// "The Q2 goal" of the no is the user's own shorthand, no date anyone set
// for the goal's work: nothing is called late against it.
func TestStoriesNoHeldForAGoalSaysItsReplan(t *testing.T) {
	nadia := evidence.User{ID: "5c0ffee0000000000000a010", DisplayName: "Nadia Haddad"}
	wishlist := fixtureIssue{"20427", "CHK-427", "Story", "Wishlist button on order confirmation", "", evidence.User{}, "new", nil}
	p := rampedRefunds("2026-09-08T15:00:00Z")
	p.Epics[1].Comments[1].Text = "Shipped to 100% on Sep 30. 62% of refunds were self-served in the first month, support tickets down 30%."
	p.Epics[1].Summary = "Refunds without support" // named as a goal by its opening words
	p.Epics[1].Outcome = p.Epics[1].Comments[1].Text
	no := jiraItem(wishlist, evidence.SourceComment, "57400", "2026-05-27T10:00:00Z", evidence.CatPrioritization, "comment.prioritization", 0.8,
		"this would land in the same sprint as the bank API work and we can only do one. refunds without support is the Q2 goal, so moving this to the backlog - Nadia, happy to look at it in August")
	no.IssueReporter, no.IssueCreated = nadia, at("2026-05-25T10:00:00Z")
	epic := fixtureIssue{"10120", "PAY-120", "Epic", "Refunds without support", "", me, "done", nil}
	p.Evidence = append(p.Evidence, no, jiraItem(epic, evidence.SourceIssue, epic.id, "2026-04-01T09:00:00Z", evidence.CatEpicOwnership, "issue.epic-created", 0.9,
		"Goal: merchants refund from the order page."))
	doc, _ := storiesFor(t, p, "a time you pushed back on a stakeholder")
	if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != "CHK-427" {
		t.Fatalf("stories = %+v, want the one of CHK-427, where the user said no to Nadia", doc.Stories)
	}
	want := "Refunds without support (PAY-120), the goal it gave way to: Shipped to 100% on Sep 30."
	// Was: "… on the days planned. 100% on 30 September came a quarter
	// after the Q2 goal.", a deadline missed that no record set.
	replan := "That was as I had re-planned on 10 August (“new plan: 5% on Aug 25, 25% two weeks later, 100% end of September if errors stay flat”), with 5% on 25 August and 25% on 8 September on the days planned. I told Nadia “happy to look at it in August”; it is still to do, and I owe Nadia an update on it."
	if got := doc.Stories[0].Result; !strings.HasPrefix(got, want) || !strings.HasSuffix(got, replan) {
		t.Errorf("result = %q, want %q … %q", got, want, replan)
	}
}

// Asked about conflicting priorities, a priority the user raised in
// words pasted on three or more issues gives way to a no to a person by
// name that holds a release against their request: Kaveri's answer was
// CORE-2202's "Raising to High as this is a regulatory point (RBI audit
// observation). Cannot go live with this.", the same on three defects,
// while CORE-2183's "we cannot take this into 4.13 at this stage. Code
// freeze was on 1st …" set the business's request against the release.
// Words on two issues are no template, and the priority, set above
// another, stays the answer (see
// TestStoriesConflictingPrioritiesTellANoOverAPriorityWithNoTradeOff).
func TestStoriesConflictingPrioritiesTellANoOverPastedWords(t *testing.T) {
	const raised = "Raising to High, ahead of the statement redesign, as this is a regulatory point (RBI audit observation). Cannot go live with this."
	meenakshi := evidence.User{ID: "5c0ffee0000000000000a011", DisplayName: "Meenakshi Sundaram"}
	gst := fixtureIssue{"40183", "CORE-183", "Story", "Show GST breakup on FD closure advice", "", meenakshi, "new", []string{"4.14"}}
	no := jiraItem(gst, evidence.SourceComment, "71026", "2026-08-05T09:00:00Z", evidence.CatReleasePlanning, "model.text", 0.7,
		"Sorry Meenakshi Sundaram, we cannot take this into 4.13 at this stage. Code freeze was on 1st and regression is already 60% done; "+
			"adding a change to the closure advice means re-running the full FD suite (3 days) and we will miss the 22nd.")
	moved := jiraItem(gst, evidence.SourceChange, "71027", "2026-08-05T09:01:00Z", evidence.CatReleasePlanning, "change.fix-version", 0.8, "Fix Version: 4.13 → 4.14")
	defects := func(n int) []evidence.Evidence {
		var out []evidence.Evidence
		for i := range n {
			bug := fixtureIssue{strconv.Itoa(40200 + i), "CORE-20" + strconv.Itoa(i), "Bug", "Statement PDF alignment breaks " + strconv.Itoa(i), "", priya, "done", nil}
			out = append(out,
				jiraItem(bug, evidence.SourceComment, strconv.Itoa(71100+2*i), "2026-0"+strconv.Itoa(i+1)+"-10T09:00:00Z", evidence.CatPrioritization, "comment.prioritization", 0.7, raised),
				jiraItem(bug, evidence.SourceComment, strconv.Itoa(71101+2*i), "2026-0"+strconv.Itoa(i+1)+"-16T09:00:00Z", evidence.CatAcceptanceTesting, "comment.verified", 0.59, "Retested in SIT, working fine now. Closing."))
		}
		return out
	}
	for _, tt := range []struct {
		name    string
		pasted  int
		want    string
		leading string
	}{
		{"pasted on three issues", 3, "CORE-183", "Said no to Meenakshi Sundaram on CORE-183"},
		{"on two issues", 2, "CORE-200", "Prioritized CORE-200"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := typicalPortfolio()
			p.Evidence = append(defects(tt.pasted), no, moved)
			doc, _ := storiesFor(t, p, "a time you handled conflicting priorities")
			if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != tt.want {
				t.Fatalf("stories = %+v, want the one of %s", doc.Stories, tt.want)
			}
			s := doc.Stories[0]
			if len(s.Questions) == 0 || s.Questions[0] != "a time you handled conflicting priorities" {
				t.Errorf("tagged %q, want it to lead with the question asked", s.Questions)
			}
			if len(s.Actions) == 0 || !strings.HasPrefix(s.Actions[0].Text, tt.leading) {
				t.Errorf("actions = %+v, want them led by %q", s.Actions, tt.leading)
			}
		})
	}
}

// Asked about conflicting priorities, a priority set in words that name
// nothing it was set against gives way to a no that holds a release
// against a request: Kestrel's CHK-1401 ("Rank: Ranked lower") lost to
// nothing, while CHK-1427's "we can only do one. saved cards is the Q2
// goal" is the answer. A priority set above another in words stays it.
func TestStoriesConflictingPrioritiesTellANoOverAPriorityWithNoTradeOff(t *testing.T) {
	meenakshi := evidence.User{ID: "5c0ffee0000000000000a011", DisplayName: "Meenakshi Sundaram"}
	gst := fixtureIssue{"40183", "CORE-183", "Story", "Show GST breakup on FD closure advice", "", meenakshi, "new", []string{"4.14"}}
	no := jiraItem(gst, evidence.SourceComment, "71026", "2026-08-05T09:00:00Z", evidence.CatReleasePlanning, "model.text", 0.7,
		"Sorry Meenakshi Sundaram, we cannot take this into 4.13 at this stage. Code freeze was on 1st and we will miss the 22nd.")
	moved := jiraItem(gst, evidence.SourceChange, "71027", "2026-08-05T09:01:00Z", evidence.CatReleasePlanning, "change.fix-version", 0.8, "Fix Version: 4.13 → 4.14")
	bug := fixtureIssue{"40200", "CORE-200", "Bug", "Statement PDF alignment breaks", "", priya, "done", nil}
	for _, tt := range []struct {
		priority, want string
	}{
		{"raising this, it's every customer on the statement page. I'll take it this sprint", "CORE-183"},
		{"putting this above the onboarding copy, the carousel can wait a sprint", "CORE-200"},
		{"we take this one instead of the export fix", "CORE-200"},
	} {
		t.Run(tt.priority, func(t *testing.T) {
			p := typicalPortfolio()
			p.Evidence = []evidence.Evidence{
				jiraItem(bug, evidence.SourceComment, "71100", "2026-03-10T09:00:00Z", evidence.CatPrioritization, "comment.prioritization", 0.7, tt.priority),
				jiraItem(bug, evidence.SourceComment, "71101", "2026-03-16T09:00:00Z", evidence.CatAcceptanceTesting, "comment.verified", 0.59, "Retested in SIT, working fine now. Closing."),
				no, moved}
			doc, _ := storiesFor(t, p, "a time you handled conflicting priorities")
			if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != tt.want {
				t.Fatalf("stories = %+v, want the one of %s", doc.Stories, tt.want)
			}
		})
	}
}

func TestNamesGoal(t *testing.T) {
	const savedCards = "Saved cards for returning customers"
	for _, tt := range []struct {
		words, title string
		want         bool
	}{
		{"saved cards is the Q2 goal, so ", savedCards, true},
		{"Saved Cards remains our top priority, so ", savedCards, true},
		{"saved cards are slow on Safari, so ", savedCards, false},
		{"cards is the Q2 goal, so ", savedCards, false},
		{"unsaved cards is the Q2 goal, so ", savedCards, false},
		{"checkout is the Q2 goal, so ", "Checkout", false}, // one word names too much
		{"the 3DS rollout is the Q2 goal", "3DS rollout (phase 2)", true},
	} {
		if got := namesGoal(tt.words, tt.title); got != tt.want {
			t.Errorf("namesGoal(%q, %q) = %v, want %v", tt.words, tt.title, got, tt.want)
		}
	}
}

// A story told for its no tells its actions in date order, the no marked
// where it falls, and sprint notes that say nothing about it are left
// out: the demo's OPS-1236 opened on "Added to OPS Sprint 52 as a stretch
// item" and a planning note, its no-go third; the demo's PAY-3413 put its
// Won't Do of 2 December first, above a note of 5 January, and read as
// a bug. Done in the release after the one its no-go moved it out of, it
// kept no date, and is not tagged as a deadline delivered.
func TestStoriesPushbackMarksTheNoInDateOrder(t *testing.T) {
	freeze := fixtureIssue{"30236", "OPS-1236", "Story", "One-click deploy freeze", "", me, "done", []string{"platform-2026.07"}}
	noGo := "No-go for platform-2026.06 from my side until the dry run passes on staging. Moving this to the next fix version."
	unblocked := "Priya Nair, I checked with Dana Wu: they're fine with the schema change as long as the field stays nullable. You're unblocked."
	no := jiraItem(freeze, evidence.SourceComment, "20690", "2026-06-04T08:03:00Z", evidence.CatReleasePlanning, "comment.release", 0.9, noGo)
	no.IssueReporter, no.IssueCreated = dana, at("2026-06-01T14:58:00Z") // a no-go needs someone's request
	p := typicalPortfolio()
	p.Evidence = append(p.Evidence,
		jiraItem(freeze, evidence.SourceComment, "20687", "2026-06-01T15:13:00Z", evidence.CatSprintPlanning, "comment.sprint", 0.8,
			"Added to OPS Sprint 52 as a stretch item. The sprint goal stays: SLOs for checkout and payments-api, burn-rate alerts live."),
		jiraItem(freeze, evidence.SourceComment, "20689", "2026-06-02T16:28:00Z", evidence.CatSprintPlanning, "comment.sprint", 0.8,
			"Planning note: OPS Sprint 52 loses two days to the team offsite, so we commit to two items and this is one of them."),
		jiraItem(freeze, evidence.SourceComment, "20688", "2026-06-02T11:12:00Z", evidence.CatUnblocking, "comment.unblock", 0.9, unblocked),
		no)
	const question = "Tell me about a time you pushed back"
	doc, _ := storiesFor(t, p, question)
	if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != "OPS-1236" {
		t.Fatalf("stories = %+v, want the one of OPS-1236, with the no-go", doc.Stories)
	}
	s := doc.Stories[0]
	var told, marked []string
	for _, a := range s.Actions {
		told = append(told, a.Excerpt)
		if a.Answers {
			marked = append(marked, a.Excerpt)
		}
		if a.Category == evidence.CatSprintPlanning {
			t.Errorf("actions = %+v, want no sprint note crowding the no", s.Actions)
		}
	}
	if !slices.Equal(told, []string{unblocked, noGo}) {
		t.Errorf("actions = %q, want the unblocking, then the no-go, in date order", told)
	}
	if !slices.Equal(marked, []string{noGo}) {
		t.Errorf("marked as the answer: %q, want the no-go", marked)
	}
	var md strings.Builder
	if err := Stories(&md, p, StoryOptions{Question: question}); err != nil {
		t.Fatal(err)
	}
	if want := "- 2026-06-04 · **Where I said no.** Planned the release of"; !strings.Contains(md.String(), want) {
		t.Errorf("markdown:\n%s\nwant the no-go marked: %q", md.String(), want)
	}
	if slices.Contains(s.Questions, "a time you delivered against a deadline") {
		t.Errorf("questions = %q, want no deadline: it shipped a release later than planned", s.Questions)
	}
	if want := fromJira + "the issue is done, in fix version platform-2026.07."; s.Result != want {
		t.Errorf("result = %q, want %q", s.Result, want)
	}
}

// Told for a deadline, a story quotes first what the user wrote about the
// date: the demo's Kubernetes upgrade told a flag removed and another
// decision, and left out "no exception for the date", its epic's call
// that held the date.
func TestADeadlineStoryQuotesTheCallMadeForTheDate(t *testing.T) {
	p := rampedRefunds("2026-09-08T15:00:00Z")
	limit := fixtureIssue{"10153", "PAY-153", "Task", "Refund limit per merchant", "PAY-120", me, "done", nil}
	const forDate = "Decision: every merchant gets the refund limit before the ramp starts; no exception for the date."
	p.Evidence = append(p.Evidence,
		jiraItem(limit, evidence.SourceComment, "10964", "2026-08-12T09:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.6, forDate),
		jiraItem(limit, evidence.SourceComment, "10965", "2026-08-13T09:00:00Z", evidence.CatUnblocking, "comment.unblock", 0.9,
			"Flag removed: Got the decision from Priya, you can carry on."),
		jiraItem(limit, evidence.SourceComment, "10966", "2026-08-14T09:00:00Z", evidence.CatDecisionMaking, "comment.decision", 0.9,
			"Decision: the review queue shows the merchant's last five refunds."))
	doc, _ := storiesFor(t, p, "a time you delivered against a deadline")
	if len(doc.Stories) != 1 || doc.Stories[0].Epic.Key != "PAY-120" {
		t.Fatalf("the deadline story is %+v, want PAY-120's", doc.Stories)
	}
	s := doc.Stories[0]
	if !slices.ContainsFunc(s.Actions, func(a actionJSON) bool { return a.Excerpt == forDate }) {
		t.Errorf("the deadline story does not quote the call made for the date: %q", s.Action)
	}
	if len(s.Actions) != storyActions {
		t.Errorf("the story tells %d actions, want %d", len(s.Actions), storyActions)
	}
}

// A date the user gave a stakeholder for going live is told with what
// Jira shows of it: "it goes live on the 20th" of work done on 13 March
// is followed by "done 13 Mar, a week before the 20th", not "early":
// going live is on the day, not before it. The demo's 3-D Secure story
// ended on the promise. (Of work done after the day, the story gives
// the update's place away: TestAMissedGoLiveDateGivenToAnAskIsToldAsMissed.)
func TestAStoryActionSaysWhenItsGoLiveDateHeld(t *testing.T) {
	const said = "Priya asked where this is: it goes live on the 20th. I'll keep you posted here so nobody has to ask in #payments."
	for _, tt := range []struct {
		name, resolved, kept string
	}{
		{"done before the day", "2026-03-13T10:00:00Z", "done 13 Mar, a week before the 20th"},
		{"done on the day", "2026-03-20T10:00:00Z", "done 20 Mar, on the day"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := typicalPortfolio()
			update := jiraItem(storyRetry, evidence.SourceComment, "10990", "2026-03-02T10:00:00Z",
				evidence.CatStakeholderComms, "comment.status-update", 0.99, said)
			p.Evidence = append(p.Evidence, update)
			p.DoneIssues = append(p.DoneIssues, evidence.DoneIssue{SiteName: "acme", Key: storyRetry.key, Resolved: at(tt.resolved)})
			doc, _ := storiesFor(t, p, "a time you kept stakeholders informed")
			for _, s := range doc.Stories {
				for _, a := range s.Actions {
					if a.EvidenceID == update.ID {
						if a.Kept != tt.kept || a.Excerpt != said {
							t.Errorf("action = %q, kept %q; want it whole, kept %q", a.Excerpt, a.Kept, tt.kept)
						}
						return
					}
				}
			}
			t.Fatalf("no story quotes the update: %+v", doc.Stories)
		})
	}
}

// Asked about influence, with no ask of the user's anybody took up, a date
// they committed to another team that set its own, answered by that team
// and kept, is the closest story: "should be off v1 by Nov 14", Jun's
// "Great, thanks.", CHK-1419 done 12 Nov. It is told as the deadline it
// kept, not as influence (nobody they do not manage did anything for
// it), and the note says what is missing. A commitment nobody there
// answered is not told.
func TestStoriesInfluenceTellsADateCommittedToAnotherTeamAndKeptAsTheClosest(t *testing.T) {
	jun := evidence.User{ID: "5c0ffee0000000000000a022", DisplayName: "Jun Park"}
	deprecate := fixtureIssue{"20822", "PAY-822", "Task", "Deprecate v1 /charges endpoint", "", jun, "new", nil}
	promise := jiraItem(deprecate, evidence.SourceComment, "70047", "2026-09-04T11:00:00Z", evidence.CatCrossTeam, "comment.cross-team", 0.8,
		"Checkout still calls v1 for refunds in two places. We've planned the move for early November, should be off v1 by Nov 14. CHK-1419 tracks it")
	reply := evidence.Reply{SiteName: promise.SiteName, Key: "PAY-822", To: "70047",
		Comment: evidence.Comment{ID: "70048", At: at("2026-09-04T12:00:00Z"), Author: jun, Text: "Great, thanks."}}
	for _, answered := range []bool{true, false} {
		p := typicalPortfolio()
		p.Evidence = append(p.Evidence, promise)
		p.DoneIssues = append(p.DoneIssues, evidence.DoneIssue{SiteName: acme.Name, Key: "CHK-1419", URL: acme.IssueURL("CHK-1419"), Resolved: at("2026-11-12T16:00:00Z")})
		if answered {
			p.Replies = []evidence.Reply{reply}
		}
		doc, lint := storiesFor(t, p, "Tell me about a time you influenced without authority")
		told := len(doc.Stories) == 1 && doc.Stories[0].Issue != nil && doc.Stories[0].Issue.Key == "PAY-822"
		if told != answered {
			t.Fatalf("answered by Jun: %v; stories = %+v, want PAY-822 told: %v", answered, doc.Stories, answered)
		}
		if !strings.Contains(lint, "note: nothing you wrote shows someone outside your team agreeing to or acting on what you asked") {
			t.Errorf("answered by Jun: %v; lint = %q, want the note that no story shows influence", answered, lint)
		}
		if told && !slices.Equal(doc.Stories[0].Questions, []string{"a time you delivered against a deadline"}) {
			t.Errorf("PAY-822 answers %q, want only the deadline it kept", doc.Stories[0].Questions)
		}
		const want = "Jun Park answered within the hour: “Great, thanks.” (Jira comment, 2026-09-04). CHK-1419 was done on 12 November, two days early."
		if told && doc.Stories[0].Result != want {
			t.Errorf("result = %q, want %q", doc.Stories[0].Result, want)
		}
		// The Result tells the date kept: the action does not again.
		if told && doc.Stories[0].Actions[0].Kept != "" {
			t.Errorf("the action says %q, and the result says it again", doc.Stories[0].Actions[0].Kept)
		}
	}
}

// A story of a date committed to another team tells the date that team
// set in its issue's description: the Situation quotes it, and the Result
// says how long before it the work was done. A description that sets no
// date, or one the work missed, adds nothing to the Result.
func TestAKeptCommitmentTellsTheDateTheOtherTeamSet(t *testing.T) {
	jun := evidence.User{ID: "5c0ffee0000000000000a022", DisplayName: "Jun Park"}
	deprecate := fixtureIssue{"20822", "PAY-822", "Task", "Deprecate v1 /charges endpoint", "", jun, "new", nil}
	promise := jiraItem(deprecate, evidence.SourceComment, "70047", "2026-09-04T11:00:00Z", evidence.CatCrossTeam, "comment.cross-team", 0.8,
		"Checkout still calls v1 for refunds in two places. We've planned the move for early November, should be off v1 by Nov 14. CHK-1419 tracks it")
	const kept = "Jun Park answered within the hour: “Great, thanks.” (Jira comment, 2026-09-04). CHK-1419 was done on 12 November, two days early"
	for _, tt := range []struct {
		name, description, situation, result string
	}{
		{"a date set", "The old API costs us two on-call pages a week. v1 charges goes away on Nov 30.",
			"Jun Park, who filed it, set the date in its description: “v1 charges goes away on Nov 30.”", kept + ", and 18 days before Nov 30, the date Jun Park set."},
		{"a date the work missed", "v1 charges goes away on Nov 10.",
			"Jun Park, who filed it, set the date in its description: “v1 charges goes away on Nov 10.”", kept + "."},
		{"no date", "v1 charges goes away once nobody calls it.", "", kept + "."},
	} {
		p := typicalPortfolio()
		p.Evidence = append(p.Evidence, promise)
		p.DoneIssues = append(p.DoneIssues, evidence.DoneIssue{SiteName: acme.Name, Key: "CHK-1419", URL: acme.IssueURL("CHK-1419"), Resolved: at("2026-11-12T16:00:00Z")})
		p.Replies = []evidence.Reply{{SiteName: promise.SiteName, Key: "PAY-822", To: "70047",
			Comment: evidence.Comment{ID: "70048", At: at("2026-09-04T12:00:00Z"), Author: jun, Text: "Great, thanks."}}}
		p.OthersDescriptions = []evidence.IssueComments{{SiteName: acme.Name, Key: "PAY-822",
			Comments: []evidence.Comment{{At: at("2026-09-01T10:00:00Z"), Author: jun, Text: tt.description}}}}
		doc, _ := storiesFor(t, p, "Tell me about a time you influenced without authority")
		if len(doc.Stories) != 1 {
			t.Fatalf("%s: stories = %+v, want PAY-822's", tt.name, doc.Stories)
		}
		st := doc.Stories[0]
		if got := strings.Contains(st.Situation, "set the date"); tt.situation == "" && got || tt.situation != "" && !strings.HasSuffix(st.Situation, tt.situation) {
			t.Errorf("%s: situation = %q, want it to end %q", tt.name, st.Situation, tt.situation)
		}
		if st.Result != tt.result {
			t.Errorf("%s: result = %q, want %q", tt.name, st.Result, tt.result)
		}
	}
}

// Only a story told for a deadline keeps its goal up to the date the goal
// sets: a failure story ranks its postmortem's follow-ups first (prefer
// set) and is told for no date, so its Situation quotes the goal as any
// story does.
func TestOnlyADeadlineStoryQuotesTheGoalUpToItsDate(t *testing.T) {
	intro := strings.Repeat("Clusters drift from upstream and every upgrade is a fire drill for the on-call team. ", 3)
	goal := intro + "Goal: every cluster on Kubernetes 1.30 by 30 September. What's in: one cluster a week."
	ep := evidence.Epic{Key: "OPS-1230", Summary: "Kubernetes 1.30 everywhere", Goal: goal,
		Issues: []evidence.EpicIssue{{Key: "OPS-1230", Created: at("2026-06-02T10:00:00Z")}}}
	filed := jiraItem(fixtureIssue{"21230", "OPS-1230", "Epic", ep.Summary, "", me, "done", nil}, evidence.SourceIssue,
		"21230", "2026-06-02T10:00:00Z", evidence.CatEpicOwnership, "issue.epic-created", 0.9, storyQuote(goal, 200))
	in := initiative{epic: ep, title: ep.Summary, epicItems: []*evidence.Evidence{&filed}, items: []*evidence.Evidence{&filed}}
	r := newReport(typicalPortfolio(), Options{})
	followUpsFirst := func(*evidence.Evidence) int { return 0 }
	for _, tt := range []struct {
		name     string
		told     answer
		wantDate bool
	}{
		{"told for a deadline", answer{prefer: followUpsFirst, forDate: true}, true},
		{"told for a failure", answer{prefer: followUpsFirst}, false},
		{"told unasked", answer{}, false},
	} {
		situation := r.storyAbout(in, &quoteSet{}, tt.told).Situation
		if got := strings.Contains(situation, "by 30 September"); got != tt.wantDate {
			t.Errorf("%s: the Situation quotes the goal's date: %v, want %v\n%s", tt.name, got, tt.wantDate, situation)
		}
	}
}

// A deadline story says when the work was done against the last date the
// user gave for it, when that date was missed: the full version notes
// "— done 24 Sep, 41 days after 14 Aug" after the same quote, and a story
// silent on it tells an interviewer holding both another story. A date
// given later and kept, or a re-plan after it, replaces it.
func TestADeadlineStorySaysTheLastDateGivenWasMissed(t *testing.T) {
	type note struct{ id, at, text string }
	missed := note{"10970", "2026-09-12T09:00:00Z", "New ETA for this: 16 Oct, the bank's certification needs a second round."}
	for _, tt := range []struct {
		name  string
		notes []note
		want  string
	}{
		{"the last date missed", []note{missed}, "The epic was done on 30 October, two weeks after 16 Oct, the date I gave on 12 September."},
		{"a later date kept", []note{missed, {"10971", "2026-10-20T09:00:00Z", "New ETA for this: 31 Oct, the certification is booked."}}, ""},
		{"a date re-planned after", []note{{"10972", "2026-07-27T09:00:00Z", "New ETA for this: 14 Aug, a week later than planned."}}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := rampedRefunds("2026-09-08T15:00:00Z") // re-planned on 10 August
			epic := fixtureIssue{"10120", "PAY-120", "Epic", "Self-service refunds", "", me, "done", nil}
			for _, n := range tt.notes {
				p.Evidence = append(p.Evidence, jiraItem(epic, evidence.SourceComment, n.id, n.at, evidence.CatStakeholderComms, "comment.update", 0.7, n.text))
			}
			p.DoneIssues = append(p.DoneIssues, evidence.DoneIssue{SiteName: "acme", Key: "PAY-120", Resolved: at("2026-10-30T16:00:00Z")})
			doc, _ := storiesFor(t, p, "a time you delivered against a deadline")
			if len(doc.Stories) != 1 || doc.Stories[0].Epic.Key != "PAY-120" {
				t.Fatalf("the deadline story is %+v, want PAY-120's", doc.Stories)
			}
			result := doc.Stories[0].Result
			if tt.want != "" && !strings.Contains(result, tt.want) {
				t.Errorf("result = %q, want it to say %q", result, tt.want)
			}
			if tt.want == "" && strings.Contains(result, "the date I gave") {
				t.Errorf("result = %q, want no missed date: the last date given held or was re-planned", result)
			}
		})
	}
}

// A story's Task claims "coordinating the response when things broke"
// only on an incident update of the user's own among its actions: a
// follow-up filed after the postmortem shows none of it.
func TestBacksTask(t *testing.T) {
	for _, tt := range []struct {
		name   string
		action storyAction
		want   bool
	}{
		{"incident update", storyAction{Category: evidence.CatIncidentCoord}, true},
		{"follow-up filed", storyAction{Category: evidence.CatIncidentCoord, filed: true}, false},
		{"incident labelled", storyAction{Category: evidence.CatIncidentCoord, edit: true}, false},
		{"story written", storyAction{Category: evidence.CatStoryWriting, filed: true}, true},
	} {
		if got := backsTask(tt.action); got != tt.want {
			t.Errorf("%s: backsTask = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A re-plan the story quotes shows the agreeing answer of the person
// waiting on it, as a heads-up does: Kestrel's "3DS work slipped a week
// … new plan: …" was answered by Lena Fischer within the hour, “Sounds
// good. I'll let the CX team know about the account page change.”, and a
// slip told without it reads as news nobody took. An answer that takes
// the plan back, a question, or an answer to a note that moves no date
// is not shown.
func TestARePlanShowsItsAgreeingAnswer(t *testing.T) {
	lena := evidence.User{ID: "5c0ffee0000000000000a012", DisplayName: "Lena Fischer"}
	const agreed = "Sounds good. I'll let support know about the refund page change."
	for _, tt := range []struct {
		name, key, to, answer string
		want                  string
	}{
		{"agreed", storyRefund.key, "10960", agreed, "Lena Fischer answered within the hour: “" + agreed + "”"},
		{"agreed, then taken back", storyRefund.key, "10960", "ok but finance needs the full rollout by mid-September", ""},
		{"a question back", storyRefund.key, "10960", "Can we go to 50% first?", ""},
		{"agreed to a note that moves no date", "PAY-154", "10961", "Sounds good.", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := rampedRefunds("2026-09-08T15:00:00Z")
			p.Replies = []evidence.Reply{{SiteName: "acme", Key: tt.key, To: tt.to,
				Comment: evidence.Comment{ID: "10970", At: at("2026-08-10T10:00:00Z"), Author: lena, Text: tt.answer}}}
			doc, _ := storiesFor(t, p, "a time you delivered against a deadline")
			if len(doc.Stories) != 1 {
				t.Fatalf("%d stories, want PAY-120's", len(doc.Stories))
			}
			var answers []string
			for _, a := range doc.Stories[0].Actions {
				if a.Answer != "" {
					answers = append(answers, a.Answer)
				}
			}
			if want := slices.DeleteFunc([]string{tt.want}, func(s string) bool { return s == "" }); !slices.Equal(answers, want) {
				t.Errorf("answers shown = %q, want %q", answers, want)
			}
		})
	}
}

// Asked about influence, a story of another team's issue whose people took
// up the user's ask tells their answer after it, and for its Result the
// date asked for and got, which stderr then does not ask to record as an
// outcome; the people of that team who acted are theirs, not teammates.
func TestStoriesInfluenceTellsTheDateAnotherTeamGaveAsTheResult(t *testing.T) {
	bruno, fernanda := evidence.User{ID: "5c0ffee0000000000000a041", DisplayName: "Bruno Almeida"}, evidence.User{ID: "5c0ffee0000000000000a042", DisplayName: "Fernanda Lima"}
	cart := fixtureIssue{"21531", "PLAT-1531", "Story", "Cart snapshot endpoint for mobile", "", fernanda, "done", nil}
	ask := jiraItem(cart, evidence.SourceComment, "120019", "2026-06-04T15:10:00Z", evidence.CatCrossTeam, "comment.cross-team", 0.8,
		"Oi Bruno, Fernanda - to make 5.2 (store submission 21/07) we'd need this on staging by 03/07. If that's too tight tell me and we ship restore from local storage only first")
	p := typicalPortfolio()
	p.Evidence = append(p.Evidence, ask)
	p.Replies = append(p.Replies, evidence.Reply{SiteName: ask.SiteName, Key: cart.key, To: ask.SourceID,
		Comment: evidence.Comment{ID: "120020", At: at("2026-06-05T10:00:00Z"), Author: bruno, Text: "03/07 works, Fernanda takes it next sprint"}})
	p.DoneIssues = append(p.DoneIssues, evidence.DoneIssue{SiteName: acme.Name, Key: cart.key, Resolved: at("2026-07-02T12:00:00Z")})
	doc, lint := storiesFor(t, p, "Tell me about a time you influenced without authority")
	if len(doc.Stories) != 1 || doc.Stories[0].Issue == nil || doc.Stories[0].Issue.Key != cart.key {
		t.Fatalf("stories = %+v, want PLAT-1531's", doc.Stories)
	}
	st := doc.Stories[0]
	if want := "PLAT-1531 was done on 2 July, a day before the 03/07 I asked for."; st.Result != want {
		t.Errorf("result = %q, want %q", st.Result, want)
	}
	if want := "Bruno Almeida answered the next day: “03/07 works, Fernanda takes it next sprint”"; st.Actions[0].Answer != want {
		t.Errorf("the ask's answer = %q, want %q", st.Actions[0].Answer, want)
	}
	if !strings.Contains(st.Situation, "alongside 2 people from PLAT.") {
		t.Errorf("situation = %q, want Fernanda and Bruno counted as 2 people from PLAT", st.Situation)
	}
	if strings.Contains(lint, "outcome missing: PLAT-1531") {
		t.Errorf("stderr asks for an outcome the date kept gives:\n%s", lint)
	}
}
