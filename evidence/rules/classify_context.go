package rules

import (
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// isAutomation reports whether u is an automation account: Jira Cloud says
// so, its name says so, or the rules file lists it under automation-accounts.
// Rules ask it of the same few people again and again, so the answers are
// kept for the subject.
func (s *subject) isAutomation(u evidence.User) bool {
	if u.ID == "" {
		return false
	}
	for _, k := range s.automationSeen[:s.automationKnown] {
		if k.id == u.ID {
			return k.automation
		}
	}
	auto := s.automationOf(u)
	if s.automationKnown < len(s.automationSeen) {
		s.automationSeen[s.automationKnown] = automationAnswer{u.ID, auto}
		s.automationKnown++
	}
	return auto
}

// automationAnswer is isAutomation's answer for an account id.
type automationAnswer struct {
	id         string
	automation bool
}

func (s *subject) automationOf(u evidence.User) bool {
	if u.LooksLikeAutomation() {
		return true
	}
	if s.rs == nil || len(s.rs.automation) == 0 {
		return false
	}
	for _, n := range []string{u.DisplayName, u.Name, u.ID} {
		if n != "" && evidence.EqualsAnyFold(n, s.rs.automation) {
			return true
		}
	}
	return false
}

// isPerson reports whether u is a known account of a person.
func (s *subject) isPerson(u evidence.User) bool {
	return u.ID != "" && !s.isAutomation(u)
}

// repliesToQuestion matches a comment that answers a question another person
// asked (see markup.WithReplies): the question must match question (or, without
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
		asked := indexText(markup.PlainText(q.Text))
		if question == nil && !strings.Contains(asked.text, "?") || question != nil && !question.matches(&asked) {
			return "", false
		}
		if answer == nil {
			return markup.Excerpt(t.text), true
		}
		at, ok := answer.find(t)
		if !ok {
			return "", false
		}
		return markup.ExcerptAt(t.text, at), true
	}
}
