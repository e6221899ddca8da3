package next

import (
	"cmp"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

var (
	// deliveryWords say when the work reaches someone, the date after
	// them: "it goes live on the 10th", "ships by Friday", "ETA 14 Aug".
	deliveryWords = regexp.MustCompile(`(?i)\b(?:go(?:es)?|going to go|will go)\s+live\b|\b(?:ships?|lands?|will be (?:ready|done|live|out))\b|\beta\b`)
	// onTheDay is a day of the month a delivery falls on ("on the 10th"),
	// which evidence.GivenDate reads only as a date something is done by.
	onTheDay = regexp.MustCompile(`(?i)^\s*on\s+(the\s+\d{1,2}(?:st|nd|rd|th))\b`)
	// askedBy names whom the words answer, as the user writes it: "Hana
	// from security asked where this is: …", "Chloé Dubois wants to know
	// …".
	askedBy = regexp.MustCompile(`^@?(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?)(?: (?:from|in|at) [\p{L} ]+?)? (?:asked|asks|wants to know|wanted to know|is asking|was asking|pinged)\b`)
	// toldTo names them otherwise: "Nadia, it goes live …", "told Hana
	// it goes live …".
	toldTo = regexp.MustCompile(`^@?(\p{Lu}[\p{L}'’-]+),|\btold (\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?)\b`)
	// dateCue is the word before a date GivenDate reads ("by", "on",
	// "ETA"): "the 10th" is what a person was told.
	dateCue = regexp.MustCompile(`(?i)^(?:by|on|before|until|till|eta|around)\s+`)
	// aheadOf is a priority call that puts the issue before another:
	// "this one goes ahead of OPS-1183".
	aheadOf = regexp.MustCompile(`(?i)\b(?:ahead of|before|above)\s+([A-Z][A-Z0-9]+-\d+)\b`)
)

// datedPromise is the user's word to a named person of when an issue's
// work reaches them: whom (to), the comment, the words quoted, the date
// words ("the 10th") and the last day they cover.
type datedPromise struct {
	to    string
	said  evidence.Comment
	words string
	when  string
	by    time.Time
}

// yourDatedPromise is the newest comment of the user's on an issue that
// tells a person, named in it, when the work reaches them ("Hana from
// security asked where this is: it goes live on the 10th"). Whom it names
// is read from the comment alone, matched to a person the team's issues
// name where one is, else as written: a mention nobody names, or a
// promise to nobody, is none.
func (t *Team) yourDatedPromise(is TeamIssue) (datedPromise, bool) {
	for i := len(is.Comments) - 1; i >= 0; i-- {
		c := is.Comments[i]
		if t.Site.User.ID == "" || !c.Author.Is(t.Site.User) {
			continue
		}
		for _, s := range ownSentences(c.Text) {
			if p, ok := t.promiseIn(c, s); ok {
				return p, true
			}
		}
	}
	return datedPromise{}, false
}

// promiseIn reads one sentence of the user's comment c as a dated promise.
func (t *Team) promiseIn(c evidence.Comment, sentence string) (datedPromise, bool) {
	at := deliveryWords.FindStringIndex(sentence)
	if at == nil || strings.HasSuffix(sentence, "?") || takeUpIf.MatchString(sentence[at[0]:]) {
		return datedPromise{}, false
	}
	rest := sentence[at[0]:]
	if m := onTheDay.FindStringSubmatch(sentence[at[1]:]); m != nil {
		rest = "by " + m[1]
	}
	words, by, ok := evidence.GivenDate(rest, c.At, t.dayFirst())
	if !ok {
		return datedPromise{}, false
	}
	to := t.promisedTo(t.quote(sentence, c.Text, 1000), c.Author)
	if to == "" {
		return datedPromise{}, false
	}
	// The promise itself is the clause with the date: what comes after
	// the asking ("…asked where this is: it goes live on the 10th").
	from := strings.LastIndex(sentence[:at[0]], ": ") + 1
	quoted := strings.TrimSuffix(strings.TrimSpace(sentence[from:]), ".")
	when := dateCue.ReplaceAllString(words, "")
	return datedPromise{to: to, said: c, words: t.quote(quoted, c.Text, 100), when: when, by: by}, true
}

// promisedTo is the person a sentence of the user's (mentions named) says
// the words answer, by their whole name where a person the team's issues
// or the user's store name has it, else as written; "" when it names
// nobody.
func (t *Team) promisedTo(named string, writer evidence.User) string {
	name := ""
	if m := askedBy.FindStringSubmatch(named); m != nil {
		name = m[1]
	} else if m := toldTo.FindStringSubmatch(named); m != nil {
		name = cmp.Or(m[1], m[2])
	}
	if name == "" || strings.EqualFold(name, "I") || strings.EqualFold(name, "We") {
		return ""
	}
	return cmp.Or(t.personNamed(name, writer), name)
}

// brokenPromise is a dated promise the plan has made impossible, and how
// a reason and an action tell it.
type brokenPromise struct {
	reason, tell string
}

// promiseBroken is the user's dated promise to a named person on an open
// issue (yourDatedPromise) that the plan has made impossible: its date
// passed with the work open, the issue is planned into a sprint that
// starts after it, or its fix versions were all released without it
// since. The person waits on the user's word: the reason quotes it, and
// the action tells them first.
func (t *Team) promiseBroken(is TeamIssue) (brokenPromise, bool) {
	if is.Done() {
		return brokenPromise{}, false
	}
	p, ok := t.yourDatedPromise(is)
	if !ok {
		return brokenPromise{}, false
	}
	told := "you told " + p.to + " on " + dayOf(p.said.At, t.Now) + " “" + p.words + "”"
	tell := "Tell " + p.to + " before " + p.by.Format("Mon 2 Jan") + " that it will not make " + p.when + ", and give a new date; then "
	if t.Now.After(p.by) {
		return brokenPromise{told + ", and " + p.when + " has passed with it " + cmp.Or(is.Status, "open"),
			"Tell " + p.to + " it missed " + p.when + ", and give a new date; then "}, true
	}
	if sp, ok := lastSprint(is); ok && sp.State != "closed" && sp.Start != nil && sp.Start.After(p.by) {
		planned := "it is planned into " + sp.Name + ", which starts " + sp.Start.Format("Mon 2 Jan")
		if moved := t.movedAfterYourCall(is, sp, p.said.At); moved != "" {
			planned = moved
		}
		return brokenPromise{told + ", but " + planned, tell}, true
	}
	if r := missedVersion(is, t.Now); r != nil && r.Date.After(p.said.At) {
		return brokenPromise{told + ", but " + r.Name + " was released on " + dayOf(*r.Date, t.Now) + " without it", tell}, true
	}
	return brokenPromise{}, false
}

// movedAfterYourCall says who moved an issue into sprint, when someone
// other than the user did within a day after the user's own priority
// call on it since the promise (a comment that puts it ahead of other
// work, or says why it matters): "Sam O'Connor moved it to OPS Sprint 66
// (starts Mon 14 Dec) 10 minutes after you put it ahead of OPS-1183"; ""
// otherwise.
func (t *Team) movedAfterYourCall(is TeamIssue, sp Sprint, since time.Time) string {
	for _, m := range t.SprintMoves[is.ID] {
		if m.By.Is(t.Site.User) || m.By.LooksLikeAutomation() || !strings.HasSuffix(m.To, sp.Name) || strings.HasSuffix(m.From, sp.Name) {
			continue
		}
		for _, c := range is.Comments {
			gap := m.At.Sub(c.At)
			if !c.Author.Is(t.Site.User) || c.At.Before(since) || gap <= 0 || gap > 24*time.Hour {
				continue
			}
			plain := markup.PlainText(c.Text)
			call := "your priority call"
			if k := aheadOf.FindStringSubmatch(plain); k != nil && !strings.EqualFold(k[1], is.Key) {
				call = "you put it ahead of " + k[1]
			} else if !mattersWords.MatchString(plain) {
				continue
			}
			return cmp.Or(m.By.DisplayName, "someone") + " moved it to " + sp.Name + " (starts " + sp.Start.Format("Mon 2 Jan") + ") " + soonAfter(gap) + " after " + call
		}
	}
	return ""
}

// soonAfter says a gap of under a day in minutes or hours.
func soonAfter(gap time.Duration) string {
	if gap < time.Hour {
		n := max(1, int(gap.Minutes()))
		return fmt.Sprintf("%d %s", n, plural(n, "minute"))
	}
	n := int(gap.Hours())
	return fmt.Sprintf("%d %s", n, plural(n, "hour"))
}

// brokenPromises: the user's dated promise to a named person on an open
// issue that the plan has made impossible (promiseBroken), on its own.
// Where other suggestions are on the issue, the first of them tells it
// instead (toldFirst).
func brokenPromises(_ Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	p, ok := t.promiseBroken(is)
	if !ok {
		return nil, false
	}
	return map[string]string{"promise": p.reason, "tell": strings.TrimSuffix(p.tell, "; then ")}, true
}

// brokenPromisesOf are the broken promises promise.broken found among
// opps, by issue id (is, the issues by id).
func (t *Team) brokenPromisesOf(opps []Opportunity, is map[string]TeamIssue) map[string]brokenPromise {
	out := map[string]brokenPromise{}
	for _, op := range opps {
		if op.Detector == "promise.broken" {
			out[op.IssueID], _ = t.promiseBroken(is[op.IssueID])
		}
	}
	return out
}

// toldFirst puts a broken promise (by issue id) on the first suggestion of
// another detector on its issue in opps, which Rank has ordered: its
// reason quotes the promise, its action tells the person first, then
// asks what it asked; promise.broken's own suggestion, saying the same,
// goes. With no other suggestion on the issue, that one stays.
func toldFirst(opps []Opportunity, broken map[string]brokenPromise) []Opportunity {
	others := map[string]bool{}
	for _, op := range opps {
		others[op.IssueID] = others[op.IssueID] || op.Detector != "promise.broken"
	}
	told := map[string]bool{}
	out := opps[:0]
	for _, op := range opps {
		p, ok := broken[op.IssueID]
		switch {
		case !ok || !others[op.IssueID]:
		case op.Detector == "promise.broken":
			continue
		case !told[op.IssueID]:
			told[op.IssueID] = true
			op.Reason = p.reason + "; " + op.Reason
			op.Action = p.tell + lowerFirst(op.Action)
		}
		out = append(out, op)
	}
	return out
}
