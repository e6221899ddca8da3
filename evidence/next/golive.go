package next

import (
	"regexp"
	"strings"
	"time"

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
// for the project's next release, and if not to record who accepts the
// risk. Due with that release.
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
		"ask": "Ask " + who + " when it will be fixed: set the fix version and plan it into a sprint, or record on it who accepts the risk of going live without it"}
	if r, ok := t.nextRelease(is.Project); ok {
		vars["ask"] = "Ask " + who + " whether it is being fixed for " + r.Name + " (goes live " + r.Date.Format("Mon 2 Jan") +
			"): if so, set the fix version and plan it into a sprint; if not, record on it who accepts the risk of going live without it"
		vars[dueVar] = r.Date.Format(time.RFC3339)
	}
	return vars, true
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
