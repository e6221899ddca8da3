// Package corpus reads pmfolio's labelled corpus of Jira activities
// (evidence/rules/testdata/corpus): activities written as real teams write
// in Jira, each with the categories a careful reader would credit the user
// with. The rules' tests measure the classifier on it and the model trainer
// learns from its train split.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// Case is one labelled activity.
type Case struct {
	File string `yaml:"-"` // the corpus file it comes from
	ID   string `yaml:"id"`
	Note string `yaml:"note"`
	// Issue is the context; people are named by People keys.
	Issue struct {
		Type       string   `yaml:"type"`
		Key        string   `yaml:"key"`
		Summary    string   `yaml:"summary"`
		Reporter   string   `yaml:"reporter"`
		Assignee   string   `yaml:"assignee"`
		Status     string   `yaml:"status"`
		Category   string   `yaml:"category"` // status category
		Labels     []string `yaml:"labels"`
		Resolution string   `yaml:"resolution"`
		// ResolvedNow: resolved at the moment of the activity.
		ResolvedNow bool     `yaml:"resolved-now"`
		Links       []string `yaml:"links"` // keys of linked issues
	} `yaml:"issue"`
	// One of these is the activity.
	Comment string `yaml:"comment"`
	Created string `yaml:"created"`
	Worklog string `yaml:"worklog"`
	Change  []Item `yaml:"change"`
	// By is the activity's author when it is not the user.
	By string `yaml:"by"`
	// Asked is a comment before this one, which it may answer.
	Asked *struct {
		By   string `yaml:"by"`
		Text string `yaml:"text"`
	} `yaml:"asked"`
	Want []string `yaml:"want"`

	problem error // of the last Build
}

// Item is one field item of a changelog history.
type Item struct {
	Field  string `yaml:"field"`
	ID     string `yaml:"id"`
	Custom bool   `yaml:"custom"`
	From   string `yaml:"from"`
	To     string `yaml:"to"`
	FromID string `yaml:"from-id"`
	ToID   string `yaml:"to-id"`
}

// People are the accounts of the corpus by the names cases use: the user
// (me), colleagues and automation (a Cloud app account, and a Server bot
// known by its name).
var People = map[string]evidence.User{
	"me":      {ID: "5b10ac8d82e05b22cc7d4ef5", DisplayName: "Sam Rivera", AccountType: "atlassian"},
	"lee":     {ID: "557058:aaaa", DisplayName: "Lee Park", AccountType: "atlassian"},
	"ana":     {ID: "557058:bbbb", DisplayName: "Ana Souza", AccountType: "atlassian"},
	"raj":     {ID: "JIRAUSER10231", Name: "rkumar", DisplayName: "Raj Kumar"},
	"bot":     {ID: "557058:f58131cb", DisplayName: "Automation for Jira", AccountType: evidence.AccountTypeApp},
	"jenkins": {ID: "JIRAUSER10900", Name: "jenkins", DisplayName: "Jenkins"},
	"":        {},
}

// At is when every case's activity happens.
var At = time.Date(2026, 3, 4, 15, 12, 0, 0, time.UTC)

func (c *Case) person(name string) evidence.User {
	u, ok := People[name]
	if !ok {
		c.problem = fmt.Errorf("%s: unknown person %q", c.ID, name)
	}
	return u
}

// Build turns a case into the activity, its issue and the activities
// before it, as a sync would store them.
func (c *Case) Build() (evidence.Activity, evidence.Issue, error) {
	c.problem = nil
	is := evidence.Issue{ID: "10100", Key: "OPS-100", Project: "OPS", Type: "Story", Summary: "Keep the cart between visits",
		Status: "In Progress", StatusCategory: "indeterminate", Created: At.Add(-72 * time.Hour)}
	if c.Issue.Type != "" {
		is.Type = c.Issue.Type
	}
	if c.Issue.Key != "" {
		is.Key, is.Project = c.Issue.Key, evidence.ProjectOfKey(c.Issue.Key)
	}
	if c.Issue.Summary != "" {
		is.Summary = c.Issue.Summary
	}
	if c.Issue.Status != "" {
		is.Status = c.Issue.Status
		is.StatusCategory = evidence.StatusCategoryOf(c.Issue.Status)
	}
	if c.Issue.Category != "" {
		is.StatusCategory = c.Issue.Category
	}
	reporter, assignee := "lee", "lee"
	if c.Created != "" {
		reporter, assignee = "me", ""
	}
	if c.Issue.Reporter != "" {
		reporter = c.Issue.Reporter
	}
	if c.Issue.Assignee != "" {
		assignee = c.Issue.Assignee
	}
	if assignee == "nobody" {
		assignee = ""
	}
	is.Reporter, is.Creator, is.Assignee = c.person(reporter), c.person(reporter), c.person(assignee)
	is.Labels = c.Issue.Labels
	is.Resolution = c.Issue.Resolution
	if c.Issue.ResolvedNow {
		at := At
		is.Resolved = &at
	}
	for _, k := range c.Issue.Links {
		is.Links = append(is.Links, evidence.IssueLink{Type: "Relates", OtherKey: k, OtherProject: evidence.ProjectOfKey(k)})
	}

	a := evidence.Activity{IssueID: is.ID, SourceID: "20001", Author: c.person("me"), At: At}
	if c.By != "" {
		a.Author = c.person(c.By)
	}
	kinds := 0
	switch {
	case c.Comment != "":
		a.Source, a.Text = evidence.SourceComment, c.Comment
		kinds++
	}
	if c.Created != "" {
		a.Source, a.Text, a.SourceID = evidence.SourceIssue, c.Created, is.ID
		kinds++
	}
	if c.Worklog != "" {
		a.Source, a.Text = evidence.SourceWorklog, c.Worklog
		kinds++
	}
	if len(c.Change) > 0 {
		a.Source = evidence.SourceChange
		for _, it := range c.Change {
			item := evidence.ChangeItem{Field: it.Field, FieldID: it.ID, FieldType: "jira", From: it.FromID, FromString: it.From, To: it.ToID, ToString: it.To}
			if it.Custom {
				item.FieldType = "custom"
				if item.FieldID == "" {
					item.FieldID = "customfield_10" + fmt.Sprint(100+len(it.Field))
				}
			}
			a.Items = append(a.Items, item)
		}
		kinds++
	}
	if kinds != 1 {
		return a, is, fmt.Errorf("%s: want exactly one of comment, created, worklog or change", c.ID)
	}
	if c.Asked != nil {
		q := evidence.Activity{IssueID: is.ID, Source: evidence.SourceComment, SourceID: "19999", Author: c.person(c.Asked.By),
			At: At.Add(-40 * time.Minute), Text: c.Asked.Text}
		a = markup.WithReplies([]evidence.Activity{q, a})[1]
	}
	return a, is, c.problem
}

// Load reads one split of the corpus under dir: "train" (what rules and
// the model are tuned on) or "test" (written apart, by other writers, and
// never tuned on).
func Load(dir, split string) ([]Case, error) {
	files, err := filepath.Glob(filepath.Join(dir, split, "*.yaml"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no corpus files in %s: %v", filepath.Join(dir, split), err)
	}
	var all []Case
	seen := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var cases []Case
		dec := yaml.NewDecoder(strings.NewReader(string(data)))
		dec.KnownFields(true)
		if err := dec.Decode(&cases); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, c := range cases {
			if c.ID == "" || seen[c.ID] {
				return nil, fmt.Errorf("%s: missing or duplicate id %q", f, c.ID)
			}
			seen[c.ID] = true
			for _, w := range c.Want {
				if _, ok := evidence.CategoryByID(w); !ok {
					return nil, fmt.Errorf("%s: unknown category %q", c.ID, w)
				}
			}
			c.File = filepath.Base(f)
			all = append(all, c)
		}
	}
	return all, nil
}

// Writer names who wrote a corpus file: the prefix before the first "-"
// of its name (trainA-games.yaml: trainA); the first files, written
// before the corpus had several writers, are "seed".
func Writer(file string) string {
	if w, _, ok := strings.Cut(file, "-"); ok {
		return w
	}
	return "seed"
}
