package next

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// goLiveWords say an issue blocks a release: "Cannot go live with this",
// "blocks go-live", "a release blocker", "must be fixed before release".
var goLiveWords = regexp.MustCompile(`(?i)\b(?:can(?:not|['’]t)|won['’]t|must not|should(?:n['’]t| not)|do not|don['’]t)\s+go[\s-]?live\b|\bblocks?\s+(?:the\s+)?(?:go[\s-]?live|release|launch)\b|\b(?:go[\s-]?live|release|launch)\s+blocker\b|\bmust (?:be )?fix(?:ed)? before (?:the )?(?:go[\s-]?live|release|launch)\b`)

// assignedStalePriority: an issue at a high priority that someone has,
// but that no running or next sprint plans, with no fix version and no
// word or change for the detector's days. priority.top-unowned needs it
// unassigned; an owner nobody hears from plans it no more. Not to flood:
// at the top priority always, and at the one below (High) only when your
// own word on it says it blocks going live or why it matters, which the
// reason quotes. The action asks its assignee whether it is being fixed
// for the project's next release, and if not who accepts the risk
// (riskCall). Due with that release.
func assignedStalePriority(d Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	if !t.highPriority(is.Priority) || is.Assignee.ID == "" || is.Assignee.Inactive || sprintLabel(is) != "" ||
		len(is.FixVersions) > 0 || len(is.Releases) > 0 || strings.EqualFold(is.Type, "Epic") || is.InProgress() {
		return nil, false
	}
	since := latest(lastWord(is), is.Updated)
	if !olderThan(d, since, t.Now) {
		return nil, false
	}
	word := ""
	if c, ok := lastCommentBy(is, t.Site.User); ok && t.Site.User.ID != "" {
		plain := strings.TrimSpace(markup.PlainText(c.Text))
		if goLiveWords.MatchString(plain) || mattersWords.MatchString(plain) {
			word = "; you wrote on " + dayOf(c.At, t.Now) + ": “" + t.quote(plain, c.Text, yourWordLength) + "”"
		}
	}
	if word == "" && !t.topPriority(is.Priority) {
		return nil, false
	}
	who := is.Assignee.DisplayName
	vars := map[string]string{"priority": is.Priority, "owner": who, "age": age(since, t.Now), "your-word": word,
		"ask": "Ask " + who + " when it will be fixed: set the fix version and plan it into a sprint; if it cannot be fixed in time, " + t.riskCall(is, Release{})}
	if word != "" {
		vars[yoursVar] = "yes"
	}
	if r, ok := t.nextRelease(is.Project); ok {
		// Fixed for a release means merged by its code freeze: the
		// nearest date the answer has to beat, and the one it is due by.
		dates, due := "goes live "+r.Date.Format("Mon 2 Jan"), *r.Date
		if freeze, ok := t.codeFreeze(r); ok {
			dates, due = "code freeze "+freeze.Format("Mon 2 Jan")+", "+dates, freeze
		}
		vars["ask"] = "Ask " + who + " whether it is being fixed for " + r.Name + " (" + dates +
			"): if so, set the fix version and plan it into a sprint; if not, " + t.riskCall(is, r)
		vars[dueVar] = due.Format(time.RFC3339)
	}
	return vars, true
}

// goNoGoCall is a release's go/no-go verdict: "Go/No-Go for 4.14: GO",
// "Go/No-Go dry run for 4.15: NO-GO".
var goNoGoCall = regexp.MustCompile(`(?i)\bgo\s*/\s*no[\s-]?go\b[^:\n]{0,40}:\s*(?:no[\s-]?go|go)\b`)

// riskCall says who decides whether release r goes live without an issue
// that blocks it, by name where the team's issues show one: whoever gave
// r's latest go/no-go verdict (the user, or a teammate to ask), else
// whoever filed the issue; else whoever signs r off, in those words.
// Going live with a known blocker is a risk someone accepts, not one the
// user records for nobody.
func (t *Team) riskCall(is TeamIssue, r Release) string {
	release := cmp.Or(r.Name, "the next release")
	if caller, ok := t.goNoGoCaller(is.Project, r); ok {
		if caller.Is(t.Site.User) {
			return "it is your call at " + r.Name + "'s go/no-go: decide whether it goes live without it, and record the decision on it"
		}
		return "ask " + caller.DisplayName + ", who makes " + r.Name + "'s go/no-go call, whether it goes live without it, and record the answer on it"
	}
	if filer := t.askableFiler(is); filer != "" && !is.Reporter.Is(is.Assignee) {
		return "ask " + filer + ", who filed it, whether they accept the risk of " + release + " going live without it, and record the answer on it"
	}
	return "ask whoever signs off " + release + " whether it goes live without it, and record the answer on it"
}

// goNoGoCaller is who gave the latest go/no-go verdict (goNoGoCall) on
// release r of a project, in a comment that names r or on an issue it is
// a fix version of; someone who left calls nothing now.
func (t *Team) goNoGoCaller(project string, r Release) (evidence.User, bool) {
	if r.Name == "" {
		return evidence.User{}, false
	}
	names := regexp.MustCompile(`(?:^|[^\w.])` + regexp.QuoteMeta(r.Name) + `(?:$|[^\w]|\.(?:\W|$))`)
	var latest evidence.Comment
	for _, is := range t.Issues {
		of := slices.Contains(is.FixVersions, r.Name)
		if is.Project != project && !of {
			continue
		}
		for _, c := range is.Comments {
			plain := markup.PlainText(c.Text)
			if c.Author.Inactive || c.Author.LooksLikeAutomation() || c.At.Before(latest.At) || !goNoGoCall.MatchString(plain) || !of && !names.MatchString(plain) {
				continue
			}
			latest = c
		}
	}
	return latest.Author, latest.Author.ID != "" || latest.Author.DisplayName != ""
}

// freezeDate is a code freeze's date as a team writes it on a release's
// tracking issue: "Code freeze for 4.15 is on 1st Dec", "Revised code
// freeze is 3rd Dec", "code freeze: Dec 3". Its day and month are read
// whole (a day alone, "Code freeze was on 1st", is of a month not said);
// the release it names, if any, is group 1, the date group 2.
var freezeDate = regexp.MustCompile(`(?i)\bcode[\s-]?freeze\b(?:\s+(?:for|of)\s+(\S+?))?(?:\s+(?:is|was|will\s+be|moves?\s+to|moved\s+to|now|revised\s+to|date))*\s*[:=-]?\s*(?:on\s+)?(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+` + monthName + `|` + monthName + `\s+\d{1,2}(?:st|nd|rd|th)?\b)`)

// monthName is a month's name, whole or cut to three letters or more.
const monthName = `(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`

// codeFreeze is release r's code freeze, as the team's comments give it
// (freezeDate) on an issue r is a fix version of (its tracking issue), or
// naming r: the newest comment that gives one, its last date (a status
// note quotes the old freeze before "Revised code freeze is 3rd Dec").
// None once that date has passed, or when it falls after r's own date.
func (t *Team) codeFreeze(r Release) (time.Time, bool) {
	var (
		newest evidence.Comment
		freeze time.Time
	)
	for _, is := range t.Issues {
		of := slices.Contains(is.FixVersions, r.Name)
		for _, c := range is.Comments {
			if c.Author.LooksLikeAutomation() || !newest.At.IsZero() && c.At.Before(newest.At) {
				continue
			}
			text := evidence.OneLine(markup.PlainText(c.Text))
			for _, m := range freezeDate.FindAllStringSubmatch(text, -1) {
				if named := strings.TrimRight(m[1], ".,;:"); named != "" && named != r.Name || named == "" && !of {
					continue
				}
				if _, d, ok := evidence.GivenDate("on "+m[2], c.At, t.dayFirst()); ok {
					newest, freeze = c, d
				}
			}
		}
	}
	if newest.At.IsZero() || freeze.Before(t.Now.Truncate(24*time.Hour)) || r.Date != nil && freeze.After(*r.Date) {
		return time.Time{}, false
	}
	return freeze, true
}

// nextRelease is a project's earliest unreleased fix version due from
// today on, as its open issues carry them.
func (t *Team) nextRelease(project string) (Release, bool) {
	var next Release
	found := false
	for _, is := range t.Issues {
		if is.Project != project {
			continue
		}
		for _, r := range is.Releases {
			if r.Released || r.Date == nil || r.Date.Before(t.Now.Truncate(24*time.Hour)) {
				continue
			}
			if !found || r.Date.Before(*next.Date) {
				next, found = r, true
			}
		}
	}
	return next, found
}
