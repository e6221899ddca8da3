package evidence

import (
	"sort"
	"strings"
	"time"
)

// AccountTypeApp is Jira Cloud's accountType of automation and integration
// accounts ("Automation for Jira", apps); people are "atlassian" and
// service-desk customers "customer". Server and Data Center have no account
// types.
const AccountTypeApp = "app"

// knownBotNames are the display or login names, lowercase, of automation
// accounts on sites that do not mark them as apps.
var knownBotNames = []string{
	"automation for jira", "jira automation", "automation", "jira-automation", "jira bot", "jirabot",
	"jenkins", "github", "gitlab", "bitbucket", "service desk widget", "system",
}

// looksLikeBot reports whether an account's name marks it as automation:
// a known bot, "…[bot]", "…-bot", or a service account "svc-…". It runs for
// every person a rule looks at, so it does not allocate.
func looksLikeBot(name string) bool {
	name = strings.TrimSpace(name)
	if name == "" {
		return false
	}
	if equalsAnyFold(name, knownBotNames) || strings.EqualFold(name, "bot") {
		return true
	}
	for _, suffix := range []string{"[bot]", " bot", "-bot", "_bot", ".bot"} {
		if hasSuffixFold(name, suffix) {
			return true
		}
	}
	for _, prefix := range []string{"svc-", "svc_", "svc."} {
		if hasPrefixFold(name, prefix) {
			return true
		}
	}
	return false
}

// isAutomation reports whether u is an automation account: Jira Cloud says
// so, its name says so, or the rules file lists it under automation-accounts.
func (s *subject) isAutomation(u User) bool {
	if u.ID == "" {
		return false
	}
	if u.AccountType == AccountTypeApp || looksLikeBot(u.DisplayName) || looksLikeBot(u.Name) {
		return true
	}
	if s.rs == nil || len(s.rs.automation) == 0 {
		return false
	}
	for _, n := range []string{u.DisplayName, u.Name, u.ID} {
		if n != "" && equalsAnyFold(n, s.rs.automation) {
			return true
		}
	}
	return false
}

// isPerson reports whether u is a known account of a person.
func (s *subject) isPerson(u User) bool {
	return u.ID != "" && !s.isAutomation(u)
}

// answerBurst is how far apart the comments of one answer in several parts
// may be: a comment days after the user's own answer starts something new.
const answerBurst = time.Hour

// WithReplies returns the activities of one issue with InReplyTo set on each
// comment that answers another: the latest earlier comment by someone the
// comment mentions, else the latest earlier comment by someone else when
// only the comment's own author spoke since, within answerBurst of each
// other (an answer may take several comments). The input is not modified.
func WithReplies(acts []Activity) []Activity {
	var comments []int
	for i := range acts {
		if acts[i].Source == SourceComment {
			comments = append(comments, i)
		}
	}
	if len(comments) < 2 {
		return acts
	}
	sort.SliceStable(comments, func(a, b int) bool { return acts[comments[a]].At.Before(acts[comments[b]].At) })
	out := make([]Activity, len(acts))
	copy(out, acts)
	for k, i := range comments {
		c := &out[i]
		c.InReplyTo = nil
		at := -1
		for j := k - 1; j >= 0; j-- { // someone the comment mentions
			if p := &acts[comments[j]]; !p.Author.Is(c.Author) && mentions(c.Text, p.Author) {
				at = j
				break
			}
		}
		last := c.At
		for j := k - 1; j >= 0 && at < 0; j-- { // else whoever spoke last
			p := &acts[comments[j]]
			if p.Author.ID != "" && !p.Author.Is(c.Author) {
				at = j
			} else if p.Author.ID != "" && last.Sub(p.At) <= answerBurst {
				last = p.At // an answer in several comments
				continue
			}
			break
		}
		if at >= 0 {
			p := acts[comments[at]]
			p.InReplyTo = nil
			c.InReplyTo = &p
		}
	}
	return out
}

// mentions reports whether text (wiki markup or ADF) mentions u.
func mentions(text string, u User) bool {
	if u.ID == "" || !strings.Contains(text, "~") && !strings.Contains(text, `"mention"`) {
		return false
	}
	for _, ref := range []string{"[~accountid:" + u.ID + "]", "[~" + u.ID + "]", `"id":"` + u.ID + `"`} {
		if strings.Contains(text, ref) {
			return true
		}
	}
	return u.Name != "" && strings.Contains(text, "[~"+u.Name+"]")
}

// repliesToQuestion matches a comment that answers a question another person
// asked (see WithReplies): the question must match question (or, without
// one, hold a question mark), and the comment, of at least minWords words,
// must match answer when one is given. The excerpt shows the answer.
func repliesToQuestion(question, answer *textPattern, minWords int) matcher {
	return func(s *subject) (string, bool) {
		q := s.a.InReplyTo
		if q == nil || q.Author.Is(s.me) || !s.isPerson(q.Author) {
			return "", false
		}
		t := s.plain()
		if s.words < minWords || s.words == 0 {
			return "", false
		}
		asked := indexText(PlainText(q.Text))
		if question == nil && !strings.Contains(asked.text, "?") || question != nil && !question.matches(&asked) {
			return "", false
		}
		if answer == nil {
			return shorten(t.text, excerptRunes), true
		}
		at, ok := answer.find(t)
		if !ok {
			return "", false
		}
		return excerptAt(t.text, at), true
	}
}
