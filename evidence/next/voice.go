package next

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// projectVoice is who answers for another team's project, as the user's
// own synced work shows it, so that an action names them where "the PLAT
// project's lead" left the user to find out. Each sign counts once: an
// issue of the project they filed that the user worked on, a comment of
// theirs on an issue of it the user filed, and a comment of the user's
// that names them and the project ("@Jun Park can you roll back PAY?",
// "Jun thinks late Q3" on a PAY block). Whoever has most speaks for it;
// the later word breaks a tie. Not the user, automation, someone who
// left, one of the user's team (an assignee of the team's issues), nor
// someone whose last word there is a promise still not kept ("Will pick
// this up next sprint" on an issue not started): the user is waiting on
// them, not hearing from them. "" when nobody is left, and for a project
// of the team's own, whose lead a teammate's comment is not. Made once per
// project, so every action of the list names the same person.
func (t *Team) projectVoice(project string) string {
	key := strings.ToUpper(project)
	if voice, ok := t.voices[key]; ok {
		return voice
	}
	if t.voices == nil {
		t.voices = map[string]string{}
	}
	t.voices[key] = t.loudestFor(key)
	return t.voices[key]
}

// voiceSigns are one person's signs of answering for a project: how many,
// when the latest was, and their own last word there, with its issue.
type voiceSigns struct {
	count  int
	latest time.Time
	last   evidence.Comment
	lastOn TeamIssue
}

// add counts one sign, of the time given.
func (s *voiceSigns) add(at time.Time) {
	s.count++
	if at.After(s.latest) {
		s.latest = at
	}
}

// loudestFor is projectVoice, made.
func (t *Team) loudestFor(project string) string {
	team := make(map[string]bool)
	for _, is := range t.Issues {
		if strings.EqualFold(is.Project, project) {
			return ""
		}
		if is.Assignee.ID != "" {
			team[is.Assignee.DisplayName] = true
		}
	}
	signs := map[string]*voiceSigns{}
	signOf := func(who evidence.User) *voiceSigns {
		if who.DisplayName == "" || who.Is(t.Site.User) || who.DisplayName == t.Site.User.DisplayName ||
			who.Inactive || who.LooksLikeAutomation() || team[who.DisplayName] {
			return &voiceSigns{} // counted nowhere
		}
		if signs[who.DisplayName] == nil {
			signs[who.DisplayName] = &voiceSigns{}
		}
		return signs[who.DisplayName]
	}
	for _, is := range t.Yours {
		if !strings.EqualFold(is.Project, project) {
			continue
		}
		signOf(is.Reporter).add(is.Created)
		for _, c := range is.Comments {
			s := signOf(c.Author)
			s.add(c.At)
			if !c.At.Before(s.last.At) {
				s.last, s.lastOn = c, is
			}
		}
	}
	for _, c := range t.userWordsOf(project) {
		for _, name := range t.namesIn(markup.PlainText(c.Text)) {
			signOf(evidence.User{DisplayName: name}).add(c.At)
		}
	}
	best, bestName := &voiceSigns{}, ""
	for name, s := range signs {
		if s.lastOn.StatusCategory == evidence.StatusNew && promiseIn(s.last.Text) != "" {
			continue
		}
		if s.count > best.count || s.count == best.count && s.latest.After(best.latest) {
			best, bestName = s, name
		}
	}
	return bestName
}

// userWordsOf are the user's own comments that speak of a project: on an
// issue of it, or naming it, by its key as a word ("PAY") or an issue of
// it ("PAY-821"); each once, wherever the team's read or the user's sync
// holds it.
func (t *Team) userWordsOf(project string) []evidence.Comment {
	speaksOf := regexp.MustCompile(`\b` + regexp.QuoteMeta(project) + `\b`)
	var out []evidence.Comment
	seen := map[string]bool{}
	for _, is := range slices.Concat(t.Issues, t.Yours, t.Synced) {
		for _, c := range is.Comments {
			if !c.Author.Is(t.Site.User) || c.ID != "" && seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			if strings.EqualFold(is.Project, project) || speaksOf.MatchString(markup.PlainText(c.Text)) {
				out = append(out, c)
			}
		}
	}
	return out
}

// namesIn are the people a text names, by whole name: each capitalised
// word, or two, that is the whole or first name of one person only
// (personNamed): "@Jun Park" and "Jun" both name Jun Park.
func (t *Team) namesIn(text string) []string {
	var out []string
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range words {
		if first, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(first) || strings.ToUpper(w) == w {
			continue // "PAY", "the"
		}
		name := t.personNamed(w, evidence.User{})
		if i+1 < len(words) {
			name = cmp.Or(t.personNamed(w+" "+words[i+1], evidence.User{}), name)
		}
		if name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}
