package export

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
)

// Placeholders of redacted text that has no name of its own.
const (
	redactedEmail = "[e-mail]"
	redactedURL   = "[link]"
)

// contactPattern finds e-mail addresses and URLs, also as the Markdown
// export escapes them ("https\://", "admin\@host"), so that the pass over
// final text finds them in every format. URLs are any scheme followed by
// "://", "www.", or one of the schemes that need no slashes.
var contactPattern = regexp.MustCompile(
	`[A-Za-z0-9._%+\-]+\\?@[A-Za-z0-9\-]+(?:\\?\.[A-Za-z0-9\-]+)+` +
		`|(?i:\b[a-z][a-z0-9+.\-]*\\?:\\?/\\?/|\bwww\\?\.|\b(?:` + strings.Join(slashlessSchemes, "|") + `)\\?:)[^\s<>"'()\[\]{}]+`)

// RedactContacts replaces every e-mail address with "[e-mail]" and every
// URL with "[link]". Redact already does this to each text of the
// portfolio; this is the pass over an export's final text that catches
// anything a renderer put together from several pieces.
func RedactContacts(text string) string {
	if !strings.Contains(text, "\n") {
		return redactContactsInLine(text)
	}
	// Line by line, so that the pattern only runs where it can match.
	lines := strings.SplitAfter(text, "\n")
	for i, line := range lines {
		lines[i] = redactContactsInLine(line)
	}
	return strings.Join(lines, "")
}

// mayHoldContact is a cheap test that s has none of what contactPattern
// finds; the pattern itself is slow to run over text without any.
func mayHoldContact(s string) bool {
	switch {
	case strings.Contains(s, "@"), strings.Contains(s, "//"):
		return true
	case !strings.Contains(s, ":") && !strings.Contains(s, "."):
		return false
	}
	lower := strings.ToLower(s)
	return strings.Contains(lower, "www") || slices.ContainsFunc(slashlessSchemes, func(scheme string) bool {
		return strings.Contains(lower, scheme+":") || strings.Contains(lower, scheme+`\:`)
	})
}

// slashlessSchemes are the URL schemes contactPattern finds without "//".
var slashlessSchemes = []string{"mailto", "javascript", "vbscript", "data", "tel", "file"}

func redactContactsInLine(text string) string {
	if !mayHoldContact(text) {
		return text
	}
	return contactPattern.ReplaceAllStringFunc(text, func(m string) string {
		if strings.Contains(m, "@") && !strings.Contains(m, "/") && !strings.Contains(m, ":") {
			return redactedEmail
		}
		// Punctuation that ends a sentence is not part of the URL.
		trimmed := strings.TrimRight(m, ".,;:!?")
		return redactedURL + m[len(trimmed):]
	})
}

// Redact returns a copy of p with everything that names an employer, a
// colleague or a piece of work replaced by a labelled placeholder that
// keeps prose readable: a person's name in text becomes "a teammate" (in
// fields, "Person 1" for the portfolio's user and "Person 2"… for others,
// so that counts of people stay right; documents do not show them; names
// in a list become "two teammates", and one that opens a sentence or a
// quote is capitalised); a capitalised name that is no Jira user's but is
// followed by a team ("Ines from legal", "Marta (customer success)")
// becomes "someone", the team kept;
// project keys "PROJ-A", project names "Project A"; issue keys
// "PROJ-A-1"…, numbered in each project in the order of the original
// numbers; site names "Site 1";
// each of terms its label ("Acme Corp = a customer") or "[redacted]";
// e-mail addresses "[e-mail]" and URLs "[link]". Issue, epic and site URLs
// and account ids become empty, and the portfolio is marked Redacted.
//
// The same original always becomes the same placeholder, wherever it
// appears (a field, an excerpt, a summary), and the numbering depends only
// on the portfolio, not on the order of its items, so two exports of the
// same data agree. Matching stops at word boundaries, so "Sam" is replaced
// in "Thanks, Sam!" but not in "same"; a first or last name alone is
// replaced too when it is capitalised. Names, sites, hosts and terms match
// in any case; project names only as written, so that a project called
// "Payments" leaves "payments" in a sentence alone. A company's name by
// its form ("Globex Ltd", "Marlow & Finch") becomes "[company]", and a
// customer's where the text says it is one ("customers like Cobalt
// Fitness") "[customer]"; other proper nouns in the user's words cannot be
// told from ordinary capitalised words and stay unless listed in terms. Built-in category
// ids, rule ids and evidence ids are not personal and are kept.
func Redact(p evidence.Portfolio, terms []string) evidence.Portfolio {
	r := newRedactor(p, terms)
	out := evidence.Portfolio{
		Redacted:    true,
		GeneratedAt: p.GeneratedAt,
		Period:      p.Period,
		Sites:       make([]evidence.Site, len(p.Sites)),
		Evidence:    make([]evidence.Evidence, len(p.Evidence)),
		Categories:  make([]evidence.Category, len(p.Categories)),
		Projects:    make([]evidence.Project, len(p.Projects)),
		Epics:       make([]evidence.Epic, len(p.Epics)),

		IssueOutcomes: make([]evidence.IssueOutcome, len(p.IssueOutcomes)),
	}
	for i, s := range p.Sites {
		s.Name = r.site(s.Name)
		s.URL = ""
		s.User = r.user(s.User)
		out.Sites[i] = s
	}
	for i, e := range p.Evidence {
		e.SiteName = r.site(e.SiteName)
		e.IssueKey = r.issueKey(e.IssueKey)
		e.IssueURL = ""
		e.IssueSummary = r.text(e.IssueSummary)
		e.IssueProject = r.projectKey(e.IssueProject)
		e.IssueParent = r.issueKey(e.IssueParent)
		e.IssueLinks = r.linkedKeys(e.IssueLinks)
		e.Excerpt = r.text(e.Excerpt)
		e.Note = r.text(e.Note)
		e.Why = r.text(e.Why) // the text model quotes the words that weighed
		e.Category = r.category(e.Category)
		e.MachineCategory = r.category(e.MachineCategory)
		e.IssueAssignee = r.user(e.IssueAssignee)
		e.IssueReporter = r.user(e.IssueReporter)
		e.IssueFixVersions = r.names(e.IssueFixVersions)
		e.IssueReleasedVersions = r.names(e.IssueReleasedVersions)
		e.IssueReleaseDates = r.namedDays(e.IssueReleaseDates)
		out.Evidence[i] = e
	}
	for i, c := range p.Categories {
		if _, builtin := evidence.CategoryByID(c.ID); !builtin {
			c.ID, c.Title = r.category(c.ID), r.text(c.Title)
			c.Competency, c.Suggestion = r.text(c.Competency), r.text(c.Suggestion)
		}
		out.Categories[i] = c
	}
	for i, pr := range p.Projects {
		out.Projects[i] = evidence.Project{SiteName: r.site(pr.SiteName), Key: r.projectKey(pr.Key), Name: r.projectName(pr)}
	}
	for i, ep := range p.Epics {
		red := ep
		red.SiteName, red.Key, red.URL = r.site(ep.SiteName), r.issueKey(ep.Key), ""
		red.Summary, red.Goal, red.Outcome, red.Status = r.text(ep.Summary), r.text(ep.Goal), r.text(ep.Outcome), r.text(ep.Status)
		red.Comments, red.Issues = nil, nil
		for _, is := range ep.Issues {
			// A copy with its names replaced: what says nobody's name
			// (whether the assignee acted, when it was resolved) stays.
			is.Key, is.Assignee, is.Summary = r.issueKey(is.Key), r.user(is.Assignee), r.text(is.Summary)
			red.Issues = append(red.Issues, is)
		}
		for _, c := range ep.Comments {
			red.Comments = append(red.Comments, evidence.Comment{ID: c.ID, At: c.At, Author: r.user(c.Author), Text: r.text(c.Text)})
		}
		out.Epics[i] = red
	}
	for i, o := range p.IssueOutcomes {
		out.IssueOutcomes[i] = evidence.IssueOutcome{SiteName: r.site(o.SiteName), Key: r.issueKey(o.Key), Text: r.text(o.Text)}
	}
	for _, own := range p.OwnComments {
		red := evidence.IssueComments{SiteName: r.site(own.SiteName), Key: r.issueKey(own.Key)}
		for _, c := range own.Comments {
			red.Comments = append(red.Comments, evidence.Comment{ID: c.ID, At: c.At, Author: r.user(c.Author), Text: r.text(c.Text)})
		}
		out.OwnComments = append(out.OwnComments, red)
	}
	for _, whole := range p.WholeComments {
		red := evidence.IssueComments{SiteName: r.site(whole.SiteName), Key: r.issueKey(whole.Key)}
		for _, c := range whole.Comments {
			red.Comments = append(red.Comments, evidence.Comment{ID: c.ID, At: c.At, Text: r.text(c.Text)})
		}
		out.WholeComments = append(out.WholeComments, red)
	}
	for _, d := range p.OthersDescriptions {
		red := evidence.IssueComments{SiteName: r.site(d.SiteName), Key: r.issueKey(d.Key)}
		for _, c := range d.Comments {
			red.Comments = append(red.Comments, evidence.Comment{At: c.At, Author: r.user(c.Author), Text: r.text(c.Text)})
		}
		out.OthersDescriptions = append(out.OthersDescriptions, red)
	}
	for _, re := range p.Replies {
		c := re.Comment
		out.Replies = append(out.Replies, evidence.Reply{SiteName: r.site(re.SiteName), Key: r.issueKey(re.Key), To: re.To,
			Comment: evidence.Comment{ID: c.ID, At: c.At, Author: r.user(c.Author), Text: r.text(c.Text)}})
	}
	for _, done := range p.DoneIssues {
		out.DoneIssues = append(out.DoneIssues, evidence.DoneIssue{SiteName: r.site(done.SiteName), Key: r.issueKey(done.Key), Resolved: done.Resolved})
	}
	for _, is := range p.NamedIssues {
		out.NamedIssues = append(out.NamedIssues, evidence.NamedIssue{SiteName: r.site(is.SiteName), Key: r.issueKey(is.Key),
			Summary: r.text(is.Summary), StatusCategory: is.StatusCategory})
	}
	for _, is := range p.Sprints {
		red := evidence.IssueSprints{SiteName: r.site(is.SiteName), Key: r.issueKey(is.Key), Sprints: r.names(is.Sprints)}
		for _, c := range is.Changes {
			red.Changes = append(red.Changes, evidence.SprintChange{At: c.At, From: r.names(c.From), To: r.names(c.To)})
		}
		out.Sprints = append(out.Sprints, red)
	}
	for _, name := range p.People {
		if ph := r.person(name); !slices.Contains(out.People, ph) {
			out.People = append(out.People, ph)
		}
	}
	slices.SortFunc(out.People, comparePlaceholders)
	for _, w := range p.TeamWork {
		w.SiteName, w.IssueKey, w.IssueURL = r.site(w.SiteName), r.issueKey(w.IssueKey), ""
		w.Category = r.category(w.Category)
		out.TeamWork = append(out.TeamWork, w)
	}
	return out
}

// redactor holds the placeholders of one portfolio.
type redactor struct {
	sites    map[string]string
	people   map[string]string // by folded full name
	projects map[string]string // project key -> letter
	// issueNumbers numbers the issues of each project: key -> placeholder.
	issueNumbers map[string]string
	// terms are the texts to look for, by their first rune folded to lower
	// case, longest first.
	terms map[rune][]term
}

// term is one text to replace wherever it appears.
type term struct {
	text, placeholder string
	exact             bool // match case too: capitalised name parts, project keys
}

func newRedactor(p evidence.Portfolio, terms []string) *redactor {
	r := &redactor{
		sites:        map[string]string{},
		people:       map[string]string{},
		projects:     map[string]string{},
		issueNumbers: map[string]string{},
		terms:        map[rune][]term{},
	}
	// Sites, in the portfolio's order, with their host names: "acme" and
	// "acme.atlassian.net" both name the employer.
	for _, s := range p.Sites {
		ph := r.site(s.Name)
		if u, err := url.Parse(s.URL); err == nil && u.Hostname() != "" {
			r.addTerm(u.Hostname(), ph, false)
		}
	}
	// People: the sites' users first, so that the owner of the portfolio
	// is Person 1, then everyone else in sorted order.
	var names []string
	for _, s := range p.Sites {
		names = append(names, s.User.DisplayName)
	}
	var others []string
	others = append(others, p.People...)
	for _, e := range p.Evidence {
		others = append(others, e.IssueAssignee.DisplayName, e.IssueReporter.DisplayName)
	}
	for _, ep := range p.Epics {
		for _, is := range ep.Issues {
			others = append(others, is.Assignee.DisplayName)
		}
	}
	slices.Sort(others)
	for _, name := range append(names, others...) {
		r.person(name)
	}
	// Projects and issues: every key in a field or in the text, numbered
	// in sorted order so that the item order does not matter.
	keys := map[string]bool{}
	for _, pr := range p.Projects {
		r.projects[pr.Key] = ""
	}
	addKeys := func(s string) {
		for i := 0; i < len(s); {
			if n := issueKeyAt(s, i); n > 0 {
				keys[s[i:i+n]] = true
				i += n
				continue
			}
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	for _, e := range p.Evidence {
		for _, s := range []string{e.IssueKey, e.IssueParent, e.IssueSummary, e.Excerpt, e.Note, e.Why} {
			addKeys(s)
		}
		if e.IssueProject != "" {
			r.projects[e.IssueProject] = ""
		}
	}
	for _, ep := range p.Epics {
		addKeys(ep.Key)
		addKeys(ep.Summary)
		addKeys(ep.Goal)
		addKeys(ep.Outcome)
		for _, c := range ep.Comments {
			addKeys(c.Text)
		}
	}
	for _, o := range p.IssueOutcomes {
		addKeys(o.Key)
		addKeys(o.Text)
	}
	for _, own := range p.OwnComments {
		addKeys(own.Key)
		for _, c := range own.Comments {
			addKeys(c.Text)
		}
	}
	for _, issues := range [][]evidence.IssueComments{p.WholeComments, p.OthersDescriptions} {
		for _, whole := range issues {
			addKeys(whole.Key)
			for _, c := range whole.Comments {
				addKeys(c.Text)
			}
		}
	}
	for _, re := range p.Replies {
		addKeys(re.Key)
		addKeys(re.Comment.Text)
	}
	for _, is := range p.NamedIssues {
		addKeys(is.Summary)
	}
	for key := range keys {
		project, _, _ := strings.Cut(key, "-")
		r.projects[project] = ""
	}
	projectKeys := slices.Sorted(maps.Keys(r.projects))
	for i, k := range projectKeys {
		r.projects[k] = "PROJ-" + letters(i)
		r.addTerm(k, r.projects[k], true)
	}
	for _, pr := range p.Projects {
		r.addTerm(pr.Name, r.projectName(pr), true)
	}
	sortedKeys := slices.SortedFunc(maps.Keys(keys), compareIssueKeys)
	next := map[string]int{}
	for _, key := range sortedKeys {
		project, _, _ := strings.Cut(key, "-")
		next[project]++
		r.issueNumbers[key] = r.projects[project] + "-" + strconv.Itoa(next[project])
	}
	for _, t := range terms {
		text, label := RedactTerm(t)
		r.addTerm(text, label, false)
	}
	for first := range r.terms {
		slices.SortStableFunc(r.terms[first], func(a, b term) int { return cmp.Compare(len(b.text), len(a.text)) })
	}
	return r
}

// site returns the placeholder of a site name, numbering new ones.
func (r *redactor) site(name string) string {
	if name == "" {
		return ""
	}
	if ph, ok := r.sites[name]; ok {
		return ph
	}
	ph := "Site " + strconv.Itoa(len(r.sites)+1)
	r.sites[name] = ph
	r.addTerm(name, ph, false)
	return ph
}

// personInText is what a person's name becomes in text; personsInText is
// the plural, for a list of names ("Priya and Dana" becomes "two
// teammates", not "a teammate and a teammate").
const (
	personInText        = "a teammate"
	anotherPersonInText = "another teammate"
	personsInText       = "teammates"
)

// samePerson says two names a text gives, in lower case, may be one
// person's: the same, or one a first name the other starts with ("dana",
// "dana rivera").
func samePerson(a, b string) bool {
	return a == b || strings.HasPrefix(a, b+" ") || strings.HasPrefix(b, a+" ")
}

// someoneInText is what a name becomes that is not a Jira user's but is
// followed by the person's team ("Ines from legal"): the team stays.
const someoneInText = "someone"

// teamCuePattern finds, at the start of a text, a capitalised first name,
// perhaps with a surname, followed by the team the person is in: " from
// legal", " in customer success", " (support)", " from the platform team",
// " on the Mobile team". Without the team a capitalised word is as likely a
// product or the start of a sentence, and with it a department that is
// also a product area ("errors in payments") could still be, so the team
// is one of teamWords unless the word "team" says so.
var teamCuePattern = regexp.MustCompile(`^(` + nameWord + `)(?: (` + nameWord + `))?` +
	// Not a team when an issue key goes on: "Postmortem in OPS-415".
	`(?: (?:from|in) (?:the )?(?i:` + strings.Join(teamWords, "|") + `)(?: team)?(?:$|[^\p{L}\p{N}_-])` +
	`| (?:from|in|on) the [\p{L}-]+ team\b` +
	`| \((?i:` + strings.Join(teamWords, "|") + `)(?: team)?\))`)

// nameWord is one capitalised word of a name: "Ines", "Zoë", "O'Neill",
// "Jean-Luc".
const nameWord = `\p{Lu}(?:\p{Ll}*['’-]\p{Lu})?\p{Ll}+`

// teamWords are departments that name people's teams and not parts of a
// product.
var teamWords = []string{
	"legal", "support", "customer support", "customer success", "customer care", "sales", "security",
	"infosec", "finance", "accounting", "marketing", "compliance", "procurement", "privacy", "risk",
	"hr", "people ops", "partnerships", "account management", "professional services",
	"leadership", "design", "ux", "research", "engineering", "product", "ops", "operations",
	"devops", "sre", "qa", "analytics",
}

// notNames are capitalised words that start sentences ("Update from
// support", "Feedback in design") or greet ("Thanks Ines from legal"),
// and so are not a name before a team.
var notNames = []string{
	"A", "All", "Also", "An", "And", "Answer", "Anyone", "Anything", "Approval", "Ask", "Asked", "Both",
	"Budget", "But", "Bugs", "Call", "Calls", "Cc", "Colleague", "Colleagues", "Comment", "Comments",
	"Complaints", "Confirmation", "Customer", "Customers", "Data", "Dear", "Email", "Errors", "Escalation",
	"Escalations", "Even", "Everyone", "Everything", "Feedback", "Folks", "Got", "Heard", "Hello", "Help",
	"Hey", "Hi", "Input", "Issues", "Just", "Many", "Message", "More", "Most", "News", "Nobody", "Note",
	"Notes", "Nothing", "Now", "Only", "Or", "Others", "People", "Per", "Ping", "Pushback", "Question",
	"Questions", "Reply", "Request", "Requests", "Response", "Review", "So", "Some", "Somebody", "Someone",
	"Something", "Still", "Team", "Teams", "Thank", "Thanks", "That", "The", "Then", "These", "This",
	"Those", "Ticket", "Tickets", "Today", "Tomorrow", "Two", "Update", "Updates", "Users", "Via",
	"Waiting", "With", "Word", "Yesterday",
}

// RedactTerm reads one line of a --redact file: "term" or "term = label",
// and returns the term and the placeholder it becomes ("[redacted]" when no
// label is given).
func RedactTerm(line string) (term, label string) {
	term, label, ok := strings.Cut(line, " = ")
	term, label = strings.TrimSpace(term), strings.TrimSpace(label)
	if !ok || label == "" {
		return strings.TrimSpace(line), "[redacted]"
	}
	return term, label
}

// nameParticles may start in lower case inside a person's name.
var nameParticles = []string{"al", "bin", "da", "de", "del", "der", "di", "du", "la", "le", "van", "von"}

// person returns the placeholder of a display name, numbering new ones.
// A name whose words are all capitalised (particles aside) is a person's
// name, and each of its words of three or more letters is replaced on its
// own too, when written capitalised: a comment says "thanks Tomás", not
// "thanks Tomás Herrera". "Automation for Jira" is not a person's name,
// so "Jira" stays.
func (r *redactor) person(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	folded := strings.ToLower(name)
	if ph, ok := r.people[folded]; ok {
		return ph
	}
	ph := "Person " + strconv.Itoa(len(r.people)+1)
	r.people[folded] = ph
	r.addTerm(name, personInText, false)
	words := strings.Fields(name)
	personLike := len(words) > 1
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(first) && !slices.Contains(nameParticles, w) {
			personLike = false
		}
	}
	if personLike {
		for _, w := range words {
			if first, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(first) && utf8.RuneCountInString(w) >= 3 {
				r.addTerm(w, personInText, true)
			}
		}
	}
	return ph
}

// user redacts an account: no id, the name's placeholder. Exports tell
// people apart by the placeholder then, which is as unique as the name.
func (r *redactor) user(u evidence.User) evidence.User {
	if u == (evidence.User{}) {
		return u
	}
	return evidence.User{DisplayName: r.person(u.DisplayName)}
}

// projectKey returns the placeholder of a project key.
func (r *redactor) projectKey(key string) string {
	if key == "" {
		return ""
	}
	if ph, ok := r.projects[key]; ok && ph != "" {
		return ph
	}
	ph := "PROJ-" + letters(len(r.projects))
	r.projects[key] = ph
	return ph
}

// projectName returns the placeholder of a project's name: "Project A"
// for the project whose key became "PROJ-A".
func (r *redactor) projectName(pr evidence.Project) string {
	return "Project " + strings.TrimPrefix(r.projectKey(pr.Key), "PROJ-")
}

// issueKey returns the placeholder of an issue key; text that is not an
// issue key is redacted as text.
func (r *redactor) issueKey(key string) string {
	if key == "" {
		return ""
	}
	if ph, ok := r.issueNumbers[key]; ok {
		return ph
	}
	if issueKeyAt(key, 0) == len(key) {
		project, _, _ := strings.Cut(key, "-")
		ph := r.projectKey(project)
		n := 0
		for k := range r.issueNumbers {
			if strings.HasPrefix(k, project+"-") {
				n++
			}
		}
		ph += "-" + strconv.Itoa(n+1)
		r.issueNumbers[key] = ph
		return ph
	}
	return r.text(key)
}

// linkedKeys are the placeholders of the linked issues that are in the
// portfolio: an incident is found by them, and the others, which no
// document names, would only number issues the reader never sees.
func (r *redactor) linkedKeys(keys []string) []string {
	var out []string
	for _, key := range keys {
		if ph, ok := r.issueNumbers[key]; ok {
			out = append(out, ph)
		}
	}
	return out
}

// names redacts release or sprint names as text does, nil staying nil: a
// name is redacted alike in every list it is in, and as the words that
// name it.
func (r *redactor) names(names []string) []string {
	if names == nil {
		return nil
	}
	out := make([]string, len(names))
	for i, v := range names {
		out[i] = r.text(v)
	}
	return out
}

// namedDays redacts the release names of days by name as names does.
func (r *redactor) namedDays(days map[string]time.Time) map[string]time.Time {
	if days == nil {
		return nil
	}
	out := make(map[string]time.Time, len(days))
	for name, day := range days {
		out[r.text(name)] = day
	}
	return out
}

// category redacts a user category id; built-in ids are public.
func (r *redactor) category(id string) string {
	if _, builtin := evidence.CategoryByID(id); builtin || id == "" {
		return id
	}
	return r.text(id)
}

// addTerm registers a text to replace.
func (r *redactor) addTerm(text, placeholder string, exact bool) {
	if text == "" {
		return
	}
	first, _ := utf8.DecodeRuneInString(text)
	first = unicode.ToLower(first)
	if slices.ContainsFunc(r.terms[first], func(t term) bool { return strings.EqualFold(t.text, text) && t.exact == exact }) {
		return
	}
	r.terms[first] = append(r.terms[first], term{text, placeholder, exact})
}

// text redacts free text: e-mail addresses and URLs first, then, in one
// pass so that no placeholder is redacted again, issue keys and terms.
func (r *redactor) text(s string) string {
	if s == "" {
		return s
	}
	var b strings.Builder
	var contacts [][]int
	if mayHoldContact(s) {
		contacts = contactPattern.FindAllStringIndex(s, -1)
	}
	last := 0
	var named []string // the people the text names, as written
	for _, m := range contacts {
		r.replaceTerms(&b, s[last:m[0]], &named)
		b.WriteString(RedactContacts(s[m[0]:m[1]]))
		last = m[1]
	}
	r.replaceTerms(&b, s[last:], &named)
	return b.String()
}

// replaceTerms writes s with its issue keys and terms replaced, and the
// names of people followed by their team. Names in a list become one
// placeholder ("two teammates"), a person other than those the text named
// before (named, which it extends) "another teammate" ("A teammate and I
// went through both options with another teammate", not "… with a
// teammate", which reads as the same person), and a person's placeholder
// that starts a sentence or a quote is capitalised.
func (r *redactor) replaceTerms(b *strings.Builder, s string, named *[]string) {
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		atWord := wordStart(s, i)
		// Inside a word nothing starts: keys and most terms begin with a
		// letter, and a match must be a word of its own.
		if isWordRune(c) && !atWord {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		if n := issueKeyAt(s, i); n > 0 {
			b.WriteString(r.issueKey(s[i : i+n]))
			i += n
			continue
		}
		if ph, n := r.termAt(s, i, c); n > 0 {
			// A label from --redact=FILE is written as the user wrote it:
			// capitalising "iOS app" would misspell it.
			if ph == personInText {
				n += surnameAfter(s[i:i+n], s[i+n:])
				var names []string
				ph, n, names = r.nameList(s, i, n)
				if ph == personInText && len(*named) > 0 &&
					!slices.ContainsFunc(*named, func(other string) bool { return samePerson(names[0], other) }) {
					ph = anotherPersonInText
				}
				*named = append(*named, names...)
				ph = capitalisedAt(b.String(), ph)
			}
			b.WriteString(ph)
			i += n
			continue
		}
		if n := teamMemberAt(s, i, c); n > 0 {
			b.WriteString(capitalisedAt(b.String(), someoneInText))
			i += n
			continue
		}
		if ph, n := organisationAt(s, i, c, b.String()); n > 0 {
			b.WriteString(ph)
			i += n
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
}

// nameList returns the placeholder and length of the list of names that
// starts with the one of length n at s[i], and the names, in lower case:
// "Priya, Dana and Sam" is "three teammates". Names joined by commas alone
// are not a list: in "Thanks Priya, Dana can go ahead" the comma ends a
// greeting.
func (r *redactor) nameList(s string, i, n int) (string, int, []string) {
	names := []string{strings.ToLower(s[i : i+n])}
	count, end := 1, i+n
	for j := end; ; {
		joiner := ", "
		for _, and := range []string{" and ", ", and "} {
			if strings.HasPrefix(s[j:], and) {
				joiner = and
			}
		}
		if !strings.HasPrefix(s[j:], joiner) {
			break
		}
		k := j + len(joiner)
		c, _ := utf8.DecodeRuneInString(s[k:])
		ph, m := r.termAt(s, k, c)
		if m == 0 || ph != personInText {
			break
		}
		m += surnameAfter(s[k:k+m], s[k+m:])
		if strings.HasPrefix(s[k+m:], "'s") || strings.HasPrefix(s[k+m:], "’s") {
			break
		}
		count, j = count+1, k+m
		names = append(names, strings.ToLower(s[k:k+m]))
		if joiner != ", " {
			end = j
			break
		}
	}
	if end == i+n {
		return personInText, n, names[:1]
	}
	return numberWord(count) + " " + personsInText, end - i, names
}

// surnameAfter returns the length of the surname that follows a first
// name the redactor knows, or 0: "Sam Rivera signed off" names someone
// Jira does not show, and "a teammate Rivera" would keep half the name.
// A capitalised word that is no name (a weekday, a month, a word that
// opens sentences) is not taken, nor a word after a full name.
func surnameAfter(name, rest string) int {
	if strings.ContainsRune(name, ' ') || !strings.HasPrefix(rest, " ") {
		return 0
	}
	m := nameWordPattern.FindString(rest[1:])
	if m == "" || !isName(m) || slices.Contains(calendarWords, m) {
		return 0
	}
	if next, _ := utf8.DecodeRuneInString(rest[1+len(m):]); isWordRune(next) {
		return 0
	}
	return 1 + len(m)
}

var nameWordPattern = regexp.MustCompile(`^` + nameWord)

// calendarWords are capitalised words that follow a name as often as a
// surname does: "ask Sam Monday".
var calendarWords = []string{
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December",
}

// numberWord spells small counts out, as prose does.
func numberWord(n int) string {
	if words := []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}; n >= 2 && n-2 < len(words) {
		return words[n-2]
	}
	return strconv.Itoa(n)
}

// teamMemberAt returns the length of the name at s[i] (whose rune is c)
// that teamCuePattern finds followed by a team, or 0.
func teamMemberAt(s string, i int, c rune) int {
	if !unicode.IsUpper(c) {
		return 0
	}
	m := teamCuePattern.FindStringSubmatchIndex(s[i:])
	if m == nil || !isName(s[i+m[2]:i+m[3]]) {
		return 0
	}
	if m[4] >= 0 {
		if !isName(s[i+m[4] : i+m[5]]) {
			return 0
		}
		return m[5]
	}
	return m[3]
}

// Placeholders of organisations the user's words name: a customer's name
// is the employer's confidential information, as a colleague's is theirs.
const (
	customerInText = "[customer]"
	companyInText  = "[company]"
)

// orgWord is one capitalised word of an organisation's name: "Kestrel",
// "O'Brien", "Globex", "3M" does not start with a capital and stays.
const orgWord = `\p{Lu}[\p{L}\d'’.-]*\p{L}`

var (
	// companyPattern finds a company by its form: a legal suffix
	// ("Globex Ltd", "Acme Foods GmbH") or two names joined by "&"
	// ("Marlow & Finch").
	companyPattern = regexp.MustCompile(`^(?:` + orgWord + `(?: ` + orgWord + `){0,2},? (?:Inc|Ltd|LLC|GmbH|AG|plc|PLC|Corp|Corporation|Pty|BV|NV|SA|SAS|Oy|AB|ASA|KG|SE)\b\.?` +
		`|(` + orgWord + `) & (` + orgWord + `))`)
	// customerNamePattern finds a name, of up to three capitalised words,
	// that follows a customer cue or is followed by one: "Kestrel Bikes
	// (customer)".
	customerNamePattern = regexp.MustCompile(`^` + orgWord + `(?: ` + orgWord + `){0,2}`)
	customerAfter       = regexp.MustCompile(`^ \((?:a |an |our )?(?i:customer|client|merchant|partner)\)`)
	customerBefore      = regexp.MustCompile(`(?i)\b(?:customers?|clients?|merchants?|partners?)(?:,| like| such as| including| e\.g\.,?)? $`)
)

// commonTitleWords are capitalised words that "&" joins in ordinary
// phrases ("Terms & Conditions", "Sales & Marketing"), not in a name.
var commonTitleWords = []string{
	"Terms", "Conditions", "Research", "Development", "Health", "Safety", "Sales", "Marketing", "Support",
	"Operations", "Finance", "Legal", "Questions", "Answers", "Tips", "Tricks", "Bugs", "Fixes", "Features",
	"Improvements", "Design", "Engineering", "Product", "Security", "Compliance", "Risk", "People", "Culture",
}

// organisationAt returns the placeholder and length of an organisation's
// name at s[i] (whose rune is c; written is the text before it): a
// company by its form, or a customer by what the text says of it.
// Elsewhere a capitalised word is as likely a product or the start of a
// sentence, and stays.
func organisationAt(s string, i int, c rune, written string) (string, int) {
	if !unicode.IsUpper(c) {
		return "", 0
	}
	if m := companyPattern.FindStringSubmatchIndex(s[i:]); m != nil && wordEndsAt(s, i+m[1]) {
		common := func(a, b int) bool { return a >= 0 && slices.Contains(commonTitleWords, s[i+a:i+b]) }
		if !common(m[2], m[3]) && !common(m[4], m[5]) {
			return companyInText, m[1]
		}
	}
	m := customerNamePattern.FindStringIndex(s[i:])
	if m == nil || !wordEndsAt(s, i+m[1]) || !isName(s[i:i+m[1]]) {
		return "", 0
	}
	if after := customerAfter.FindStringIndex(s[i+m[1]:]); after != nil {
		return customerInText, m[1] + after[1] // "[customer]", not "[customer] (customer)"
	}
	if customerBefore.MatchString(written[max(0, len(written)-24):]) {
		return customerInText, m[1]
	}
	return "", 0
}

// wordEndsAt reports whether a match ending at s[end] ends a word.
func wordEndsAt(s string, end int) bool {
	r, _ := utf8.DecodeRuneInString(s[end:])
	return end == len(s) || !isWordRune(r)
}

// isName reports whether a word nameWord finds may be a name: neither an
// ordinary word nor a team ("Support from legal").
func isName(word string) bool {
	return !slices.Contains(notNames, word) && !slices.ContainsFunc(teamWords, func(t string) bool { return strings.EqualFold(t, word) })
}

// capitalisedAt returns placeholder capitalised when it opens a sentence
// or a quote after written, the text before it.
func capitalisedAt(written, placeholder string) string {
	before := strings.TrimRight(written, " \t")
	spaced := len(before) < len(written)
	last, _ := utf8.DecodeLastRuneInString(before)
	opens := false
	switch {
	case before == "", last == '\n':
		opens = true
	case strings.ContainsRune("\"“‘«", last):
		// An opening quote: the start of the text or a space before it.
		prev, _ := utf8.DecodeLastRuneInString(before[:len(before)-utf8.RuneLen(last)])
		opens = !spaced && (len(before) == utf8.RuneLen(last) || unicode.IsSpace(prev) || prev == ':' || prev == '(')
	case spaced && strings.ContainsRune(".!?", last):
		// "e.g. a teammate" does not start a sentence.
		word := before[strings.LastIndexFunc(before[:len(before)-1], unicode.IsSpace)+1 : len(before)-1]
		opens = !strings.Contains(word, ".")
	}
	if !opens {
		return placeholder
	}
	first, size := utf8.DecodeRuneInString(placeholder)
	return string(unicode.ToUpper(first)) + placeholder[size:]
}

// termAt returns the placeholder and length of the longest term that
// starts at s[i] (whose rune is c) and stands as a word of its own.
func (r *redactor) termAt(s string, i int, c rune) (string, int) {
	candidates := r.terms[unicode.ToLower(c)]
	for _, t := range candidates {
		n := prefixLength(s[i:], t.text, t.exact)
		if n == 0 {
			continue
		}
		first, _ := utf8.DecodeRuneInString(t.text)
		lastRune, _ := utf8.DecodeLastRuneInString(t.text)
		if isWordRune(first) && !wordStart(s, i) || isWordRune(lastRune) && !wordEnd(s, i+n) {
			continue
		}
		return t.placeholder, n
	}
	return "", 0
}

// prefixLength returns how many bytes of s match prefix, ignoring case
// unless exact, or 0 if s does not start with it.
func prefixLength(s, prefix string, exact bool) int {
	n := 0
	for _, p := range prefix {
		if n >= len(s) {
			return 0
		}
		c, size := utf8.DecodeRuneInString(s[n:])
		if c != p && (exact || unicode.ToLower(c) != unicode.ToLower(p) && unicode.ToUpper(c) != unicode.ToUpper(p)) {
			return 0
		}
		n += size
	}
	return n
}

// issueKeyAt returns the length of the Jira issue key at s[i] ("PAY-142":
// an upper-case letter, upper-case letters, digits or underscores, a
// hyphen and a number, standing as a word), or 0.
func issueKeyAt(s string, i int) int {
	if !wordStart(s, i) || i >= len(s) || s[i] < 'A' || s[i] > 'Z' {
		return 0
	}
	j := i + 1
	for j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9' || s[j] == '_') {
		j++
	}
	if j-i < 2 || j >= len(s) || s[j] != '-' {
		return 0
	}
	k := j + 1
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == j+1 || !wordEnd(s, k) {
		return 0
	}
	return k - i
}

func isWordRune(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) || c == '_' }

// wordStart reports whether s[i] starts a word: nothing of a word before it.
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	c, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(c)
}

// wordEnd reports whether a word that ends before s[i] ends there.
func wordEnd(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	c, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(c)
}

// letters numbers projects A, B, … Z, AA, AB, …
func letters(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// compareIssueKeys orders keys by project, then by number.
func compareIssueKeys(a, b string) int {
	pa, na, _ := strings.Cut(a, "-")
	pb, nb, _ := strings.Cut(b, "-")
	ia, _ := strconv.Atoi(na)
	ib, _ := strconv.Atoi(nb)
	return cmp.Or(strings.Compare(pa, pb), cmp.Compare(ia, ib))
}

// comparePlaceholders orders "Person 2" before "Person 10".
func comparePlaceholders(a, b string) int {
	ia, _ := strconv.Atoi(a[strings.LastIndexByte(a, ' ')+1:])
	ib, _ := strconv.Atoi(b[strings.LastIndexByte(b, ' ')+1:])
	return cmp.Or(cmp.Compare(ia, ib), strings.Compare(a, b))
}

// WriteRedacted writes Redact(p, terms) with write, then passes the whole
// output through RedactContacts: the one way every command writes a
// redacted export, whatever its format.
func WriteRedacted(w io.Writer, p evidence.Portfolio, terms []string, write func(io.Writer, evidence.Portfolio) error) error {
	var buf bytes.Buffer
	if err := write(&buf, Redact(p, terms)); err != nil {
		return err
	}
	if _, err := io.WriteString(w, RedactContacts(buf.String())); err != nil {
		return fmt.Errorf("write redacted export: %w", err)
	}
	return nil
}
