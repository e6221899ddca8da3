package next

import (
	"cmp"
	"regexp"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// setAsideWords are the ways a comment decides against doing the work now,
// each with how a reason retells it. Deprioritising and parking are the
// rules' own phrases for them (rules/builtin.yaml, prioritization); the
// others are how a team says it stops: on hold, not doing it, Won't Do,
// dropping it, it can wait. Each names this issue ("this", "it") or
// stands alone: "we deprioritised the dashboard work" is about other work.
var setAsideWords = []struct {
	did string
	re  *regexp.Regexp
}{
	{"deprioritised it", regexp.MustCompile(`(?i)\bde-?priori[tz]i[sz](?:e|ed|es|ing)\b(?:\s+(?:this|it)\b|\s*(?:[.,:;!—–]|$))|\b(?:this|it)(?: one)? (?:is|was|has been|got|gets) de-?priori[tz]i[sz]ed\b|\bde-?prio(?:'d|ed|ing)? (?:this|it)\b`)},
	{"parked it", regexp.MustCompile(`(?i)\bpark(?:ed|ing)? (?:this|it)(?: one)?(?: for now\b| until\b| till\b| in the backlog\b| (?:behind|below)\b|\s*(?:[,.;:!—–]|$))`)},
	{"put it on hold", regexp.MustCompile(`(?i)\b(?:put(?:ting|s)?|plac(?:e|es|ed|ing)|keep(?:ing|s)?) (?:this|it)(?: one)? on hold\b|\b(?:this|it)(?: one)? (?:is|goes|stays|was) (?:now )?on hold\b|^\W*on hold\b`)},
	{"decided against it", regexp.MustCompile(`(?i)\bnot (?:doing|going to do|pursuing|building) (?:this|it)(?: one)?(?:\s*(?:[,.;:!—–]|$)| (?:for now|now|right now|any ?more|after all|until|till|this|next)\b)|\bnot doing (?:this|next) (?:quarter|sprint|month|year|half|release)(?:\s*(?:[,.;:!—–]|$)| (?:either|anyway|or|but|and)\b)|\bwon['’]?t (?:do|fix)(?:\s*(?:[.!;:]|$)| (?:this|it)(?: one)?\s*(?:[.,!;:]|$))|\b(?:as|to) ['"“]?won['’]?t (?:do|fix)\b|\bdrop(?:ping|ped)? (?:this|it)(?: one)?(?:\s*(?:[,.;:!—–]|$)| for now\b| from (?:the |this )?(?:sprint|quarter|release|scope|plan)\b)`)},
	{"said it can wait", regexp.MustCompile(`(?i)\b(?:this|it)(?: one)? (?:can|could|will have to|should) wait(?:\s*(?:[,.;:!—–]|$)| (?:until|till|for) (?:the )?(?:next|after|a later|later|another)\b)|(?:^\W*|\b(?:this|it)(?: one)?(?: is| was|['’]s) )(?:no longer|not) (?:urgent|critical|a priority|needed|wanted)(?:\s*(?:[,.;:!—–]|$)| (?:any ?more|now|right now|this (?:quarter|sprint|month))\b)`)},
}

var (
	// negatedBefore is what, just before a decision, says it is not one:
	// "Not dropping it", "rather than parking this".
	negatedBefore = regexp.MustCompile(`(?i)\b(?:not|never|don['’]?t|do not|doesn['’]?t|didn['’]?t|won['’]?t|shouldn['’]?t|no need to|no reason to|instead of|rather than)\s+(?:\w+\s+)?$`)
	// conditional says a sentence decides nothing yet: "If the vendor
	// slips, we park this".
	conditional = regexp.MustCompile(`(?i)\b(?:if|unless|in case|once|whether)\b`)
)

// ownSentences are the sentences of a comment's plain text, trimmed,
// split as the rules split them (markup.SentenceBounds: "v2.4" is no
// end), but for the lines it quotes ("> …"), which are someone else's.
func ownSentences(text string) []string {
	var out []string
	for _, line := range strings.Split(markup.PlainText(text), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), ">") {
			continue
		}
		for from := 0; from < len(line); {
			_, to := markup.SentenceBounds(line, from, from)
			if s := strings.TrimSpace(line[from:to]); s != "" {
				out = append(out, s)
			}
			from = to + 1
		}
	}
	return out
}

// setsAside is how a comment's decision against doing the work now reads
// in a reason ("deprioritised it", "parked it"), or "" when it makes none.
// A question ("Should we park this?"), a condition ("if it slips, we park
// it"), a negation ("Not dropping it") and a quoted line decide nothing.
func setsAside(text string) string {
	for _, s := range ownSentences(text) {
		if strings.HasSuffix(s, "?") {
			continue
		}
		for _, w := range setAsideWords {
			at := w.re.FindStringIndex(s)
			if at == nil || negatedBefore.MatchString(s[:at[0]]) || conditional.MatchString(s[:at[0]]) {
				continue
			}
			return w.did
		}
	}
	return ""
}

// setAside is the latest word on an issue when it decides against doing
// the work now, and how a reason retells it. The latest word wins: an
// assignee's "on it this afternoon" before it is overruled, and one after
// it takes the work up again.
func setAside(is TeamIssue) (evidence.Comment, string, bool) {
	last, ok := lastPersonComment(is)
	if !ok {
		return evidence.Comment{}, "", false
	}
	did := setsAside(last.Text)
	return last, did, did != ""
}

// setAsideInProgress: an issue still in progress (and maybe still at a
// high priority) whose latest word decides against doing it now: the
// board, the priority and whoever is on it still say the work goes on. The
// action lowers its priority and moves it back, and tells its assignee.
// When the issue changed after that word (its assignee moved it on, or
// logged work), the work may go on after all: the action asks first.
func setAsideInProgress(_ Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	// Marked blocked (flagged, On Hold), the issue already says it waits:
	// "On hold till the link upgrade is done" is its block, the blocked
	// detectors'.
	if !is.InProgress() || is.MarkedBlocked() || strings.EqualFold(is.Type, "Epic") {
		return nil, false
	}
	c, did, ok := setAside(is)
	if !ok {
		return nil, false
	}
	who := cmp.Or(c.Author.DisplayName, "a teammate")
	if c.Author.Is(t.Site.User) {
		who = "you"
	}
	state := progressOf(is)
	high := t.highPriority(is.Priority)
	if high {
		state = is.Priority + " and " + state
	}
	owner := activeOwner(is)
	if owner != "" {
		state += " with " + owner
	}
	var undo []string
	if high {
		undo = append(undo, "lower its priority")
	}
	back := "move it back to To Do"
	if strings.HasPrefix(sprintLabel(is), "active") {
		back += " and out of the running sprint"
	}
	undo = append(undo, back)
	action := strings.ToUpper(undo[0][:1]) + undo[0][1:]
	if len(undo) > 1 {
		action += ", " + undo[1]
	}
	tell := owner != "" && !c.Author.Is(is.Assignee)
	if tell {
		action += ", and tell " + owner
	}
	if changed := is.Updated.Sub(c.At); changed > time.Hour {
		// Something changed after that word (a status, a field, work
		// logged): whoever is on it may have gone on after all.
		whose := "your"
		if who != "you" {
			whose = who + "'s"
		}
		ask := "Ask " + cmp.Or(owner, "the team") + " whether the work goes on after all (it changed on " + dayOf(is.Updated, t.Now) +
			", after " + whose + " comment)"
		// Who moved it, and where, is what to ask about: "Ravi Shankar
		// moved it back to In Progress on 4 Dec" (the demo's MOB-837).
		if m, ok := t.movedAfter(is, c.At); ok {
			mover := cmp.Or(m.By.DisplayName, "someone")
			if m.By.Is(t.Site.User) {
				mover = "you"
			}
			moved := "moved it" + m.back + " to " + m.To + " on " + dayOf(m.At, t.Now)
			switch {
			case owner != "" && mover == owner:
				ask = "Ask " + owner + ", who " + moved + ", whether the work goes on after all"
			default:
				ask = "Ask " + cmp.Or(owner, "the team") + " whether the work goes on after all (" + mover + " " + moved + ")"
			}
		}
		action = ask + ": if not, " + strings.Join(undo, " and ") + "; if it goes on, say in a comment why it now beats " +
			whose + " " + dayOf(c.At, t.Now) + " call"
	}
	// Lowering the priority is prioritization; with a priority that is
	// not high, what is asked is moving it out of the running sprint,
	// which is sprint planning, as the rules credit it.
	category := ""
	if !high && strings.HasPrefix(sprintLabel(is), "active") {
		category = "sprint-planning"
	}
	return map[string]string{"decided": who + " " + did + " on " + dayOf(c.At, t.Now) + " (“" +
		t.quote(markup.PlainText(c.Text), c.Text, 80) + "”)", "state": state, "undo": action, categoryVar: category}, true
}

// highPriority reports whether a priority says "soon": the team's top one
// (topPriority) or the one below it, High, Critical under Blocker, or a
// numbered one just below the top. Major is not: Jira Server gives it to
// every issue nobody prioritised.
func (t *Team) highPriority(name string) bool {
	if t.topPriority(name) {
		return true
	}
	name = strings.TrimSpace(name)
	if numberedPriority.MatchString(name) {
		rank := priorityRank(name)
		return rank == 1 || rank == 2 && !t.usesP0()
	}
	return strings.EqualFold(name, "high") || strings.EqualFold(name, "critical")
}

// moveAfter is a status move, and " back" when it returns the issue to a
// status it had left before.
type moveAfter struct {
	StatusMove
	back string
}

// movedAfter is the latest status move of an issue after a time, from the
// changelogs sync read (Team.StatusMoves).
func (t *Team) movedAfter(is TeamIssue, after time.Time) (moveAfter, bool) {
	moves := t.StatusMoves[is.ID]
	for i := len(moves) - 1; i >= 0; i-- {
		m := moves[i]
		if !m.At.After(after) || m.To == "" {
			continue
		}
		out := moveAfter{StatusMove: m}
		for _, before := range moves[:i] {
			if strings.EqualFold(before.From, m.To) {
				out.back = " back"
			}
		}
		return out, true
	}
	return moveAfter{}, false
}
