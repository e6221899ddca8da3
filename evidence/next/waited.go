package next

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// waitCall is a priority call of the user's on another issue (on) that
// made an issue wait: the comment, its sentence, and where in it the
// words that make other work wait (evidence.WaitWords) start and end.
type waitCall struct {
	on       TeamIssue
	said     evidence.Comment
	sentence string
	at       []int
	ranked   time.Time // when the user ranked the issue lower for it, or zero
}

// yourWaitPassed is, of an issue a priority call of the user's on
// another issue made wait for a time (waitCallOn: "putting this above the
// onboarding copy. … the carousel can wait a sprint", on MOB-896, of
// MOB-898), that time passed with nothing done on it since the call:
// whom the call was addressed to by name, else whoever filed it, waits to
// hear where it stands, as one who was told "happy to look at it in
// August" does (yourPromise).
func (t *Team) yourWaitPassed(is TeamIssue) (finding, bool) {
	w, ok := t.waitCallOn(is)
	if !ok || is.Updated.After(latest(w.said.At, w.ranked).Add(time.Minute)) {
		return finding{}, false
	}
	words, by, ok := evidence.DeferredTo(w.sentence[w.at[1]:], w.said.At, t.dayFirst())
	if !ok || !t.Now.After(by.Add(24*time.Hour)) {
		return finding{}, false
	}
	to := ""
	if m := addressedFirst.FindStringSubmatch(w.sentence[:w.at[0]]); m != nil {
		to = t.personNamed(m[1], w.said.Author)
	}
	if to = cmp.Or(to, t.askableFiler(is)); to == "" {
		return finding{}, false
	}
	f := t.yourWordFinding(is, w.said, w.on.Key+" on "+dayOf(w.said.At, t.Now), w.sentence, t.tellWhereWaitStands(to, is, w, words))
	f.category, f.related = evidence.CatStakeholderComms, []string{w.on.Key}
	return f, true
}

// tellWhereWaitStands asks the user to tell someone (to) where an issue
// a call of theirs made wait stands, now that the wait (words, "a
// sprint") is over, saying how long it has been rather than quoting a
// length of time as if it were a date: "Tell Pedro Santos where the
// carousel stands: you said on 12 Aug it could wait a sprint, and 4
// months have passed; plan it into a sprint, or close it and say why".
func (t *Team) tellWhereWaitStands(to string, is TeamIssue, w waitCall, words string) string {
	return "Tell " + to + " where " + waitedName(is, w) + " stands: you said on " + dayOf(w.said.At, t.Now) +
		" it could wait " + waitLength(words) + ", and " + age(w.said.At, t.Now) +
		" have passed; plan it into a sprint, or close it and say why"
}

// waitedName is what the call named the issue it made wait, when that is
// words of its summary ("the carousel can wait a sprint", of "Onboarding
// carousel new copy"), else its summary, quoted short: a key ("MOB-936
// can wait") and "it" name nothing to whoever is told, and "the rest"
// names nothing at all.
func waitedName(is TeamIssue, w waitCall) string {
	m := waitSubject.FindStringSubmatch(w.sentence[:w.at[0]])
	if m == nil || !sharesNamingWord(m[1], is.Summary) {
		return "“" + evidence.Shorten(is.Summary, 60) + "”"
	}
	return strings.ToLower(m[1][:1]) + m[1][1:]
}

// waitLength says how long a call made work wait, after "it could wait":
// "a sprint", "till next sprint", "till August" (of "in August").
func waitLength(words string) string {
	switch lower := strings.ToLower(words); {
	case strings.HasPrefix(lower, "a "), waitPreposition.MatchString(lower):
		return words
	case strings.HasPrefix(lower, "in "):
		return "till " + words[3:]
	}
	return "till " + words
}

var (
	// waitSubject is the noun phrase a call's wait words follow, at
	// the end of its clause: "the carousel" (can wait a sprint).
	waitSubject = regexp.MustCompile(`(?i)(?:^|[,;:—-]\s*)((?:the|this|that)\s+[\p{L}\d' -]{2,40}?)\s*$`)
	// waitPreposition opens a length of time said with its own
	// preposition: "till next sprint", "for a sprint".
	waitPreposition = regexp.MustCompile(`^(?:till|until|for)\b`)
)

// addressedFirst is a name the call is addressed to, before the comma
// that opens it: "Jonas, the carousel can wait a sprint".
var addressedFirst = regexp.MustCompile(`^@?(\p{Lu}\p{L}+)\s*,`)

// waitCallOn is the user's newest comment on another of the team's
// issues, made after is was filed, with a sentence that makes other work
// wait (evidence.WaitWords), not on a condition, that names is: by its
// key, or, written within the hour of the user's ranking is lower
// (RankedLower), by a word of four letters or more of its summary
// ("the carousel", of "Onboarding carousel new copy").
func (t *Team) waitCallOn(is TeamIssue) (waitCall, bool) {
	var found waitCall
	for _, on := range slices.Concat(t.Issues, t.Synced) {
		if on.Key == is.Key || !strings.EqualFold(on.Project, is.Project) {
			continue
		}
		for _, c := range on.Comments {
			if !c.Author.Is(t.Site.User) || !c.At.After(is.Created) || !c.At.After(found.said.At) {
				continue
			}
			if w, ok := t.waitIn(is, on, c); ok {
				found = w
			}
		}
	}
	return found, found.sentence != ""
}

// waitIn reads the user's comment c on another issue (on) as a call that
// made is wait (waitCallOn).
func (t *Team) waitIn(is, on TeamIssue, c evidence.Comment) (waitCall, bool) {
	ranked := time.Time{}
	for _, at := range t.RankedLower[is.ID] {
		if at.Sub(c.At).Abs() <= time.Hour {
			ranked = at
		}
	}
	names := strings.Contains(c.Text, is.Key) || !ranked.IsZero() && sharesNamingWord(c.Text, is.Summary)
	if !names {
		return waitCall{}, false
	}
	for _, s := range ownSentences(c.Text) {
		at := evidence.WaitWords.FindStringIndex(s)
		if at != nil && !strings.HasSuffix(s, "?") && !takeUpIf.MatchString(s) {
			return waitCall{on: on, said: c, sentence: s, at: at, ranked: ranked}, true
		}
	}
	return waitCall{}, false
}

// sharesNamingWord reports whether a text and a summary share a word of
// four letters or more that can name a piece of work (summaryWords).
func sharesNamingWord(text, summary string) bool {
	words := summaryWords(text)
	for _, w := range summaryWords(summary) {
		if len([]rune(w)) >= 4 && slices.Contains(words, w) {
			return true
		}
	}
	return false
}
