package next

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// doneDuplicates finds open issues that look done as another: a later
// issue of the same project, with the same summary but for a version or
// key in brackets ("Show GST breakup on FD closure advice (4.14)"), closed
// as done lately. Someone filed the work again and did it there; the first
// stays open, asking for work that is done (and a release looks as if it
// shipped without it). Closing it as a duplicate is the grooming nobody
// did.
func doneDuplicates(d Detector, t *Team) []finding {
	var out []finding
	for _, is := range t.Issues {
		if !openToOthers(d, t, is) {
			continue
		}
		other, ok := t.doneAs(d, is)
		if !ok {
			continue
		}
		resolution := ""
		if other.Resolution != "" {
			resolution = " as " + other.Resolution
		}
		// Whoever works on the other is asked whether it did what this
		// asks, unless the user saw to that themself.
		check := "Check with " + cmp.Or(is.Assignee.DisplayName, "the team") + " that " + other.Key + " did what it asks"
		closeIt := check + ", then close it as a duplicate of " + other.Key
		seen, on := t.youSawDone(other)
		if seen != "" {
			closeIt = "You " + seen + " " + other.Key + " on " + on + ": close " + is.Key + " as its duplicate"
		}
		f := finding{issue: is, related: []string{other.Key}, vars: map[string]string{
			"other": other.Key, "other-summary": "“" + other.Summary + "”", "close": closeIt, "tell": t.tellAsker(is),
			"closed": "closed" + resolution + " on " + dayOf(*other.Resolved, t.Now), "last-comment": t.lastCommentNote(other), "promised": ""}}
		// A release it was promised for shipped without it, and whoever
		// was told still thinks it went out: theirs to hear first, and
		// due since that release.
		if p, ok := t.brokenReleasePromise(is); ok && !inRelease(other, p.release.Name) {
			f.vars["close"] = t.tellPromised(p, is, other, check)
			f.vars["tell"] = ""
			f.vars["promised"] = t.promisedNote(p, is, summarySaysOtherwise(other) == "") + "; "
			f.yours = p.said.Author.Is(t.Site.User)
			f.due = p.release.Date
			// Telling whoever was promised the release is the act, not
			// tidying the backlog: the rules credit it as that.
			f.category = evidence.CatStakeholderComms
		}
		out = append(out, f)
	}
	return out
}

// tellPromised is the action on an issue promised for a release that
// shipped without it, done as another: tell whoever was promised, then
// close it as a duplicate. check asks the other's developer whether it did
// what it asks, unless the user verified or closed it themself. When the
// other's summary names another release than its fix version does
// (summarySaysOtherwise), which release it went out in is not known, and
// told as fact a wrong one would break the promise a second time: the
// action asks to find out first.
func (t *Team) tellPromised(p releasePromise, is, other TeamIssue, check string) string {
	closeIt := "close " + is.Key + " as its duplicate"
	seen, on := t.youSawDone(other)
	if unsure := summarySaysOtherwise(other); unsure != "" {
		if seen != "" {
			return "Check which release " + other.Key + ", which you " + seen + " on " + on + ", went out in (" + unsure + "), and tell " + p.to + ", who was promised " + p.release.Name + "; then " + closeIt
		}
		return check + " and which release it went out in (" + unsure + "); then tell " + p.to + ", who was promised " + p.release.Name + "; " + closeIt
	}
	tell := "tell " + p.to + " that " + p.release.Name + " went out on " + dayOf(*p.release.Date, t.Now) + " without it, and that " + shipsWith(other)
	if seen != "" {
		return upperFirst(tell) + ", which you " + seen + " on " + on + "; then " + closeIt
	}
	return check + "; then " + tell + "; " + closeIt
}

// summaryVersion is the version in brackets a summary names, "4.14" of
// "Show GST breakup on FD closure advice (4.14)"; "" for none.
var summaryVersion = regexp.MustCompile(`[(\[]\s*(?:v|version\s*|release\s*)?(\d+(?:\.\d+)+)\s*[)\]]`)

// summarySaysOtherwise is what Jira shows of a done issue whose summary
// names a release its fix versions do not hold: "its summary says 4.14,
// its fix version is 4.15"; "" when they agree, or either is missing.
func summarySaysOtherwise(is TeamIssue) string {
	m := summaryVersion.FindStringSubmatch(is.Summary)
	if m == nil || len(is.Releases) == 0 || inRelease(is, m[1]) {
		return ""
	}
	names := make([]string, len(is.Releases))
	for i, r := range is.Releases {
		names[i] = r.Name
	}
	fixVersion := "its fix version is "
	if len(names) > 1 {
		fixVersion = "its fix versions are "
	}
	return "its summary says " + m[1] + ", " + fixVersion + evidence.JoinAnd(names)
}

// promisedNote says which release an issue was promised for, by whom, and
// that it shipped without it: "you promised it for 4.14 on 5 Aug (“Suggest
// we take it in 4.14 on priority.”), which was released on 24 Oct without
// it", or of someone else's word, "promised for 4.14 (Meenakshi Sundaram on
// 5 Aug: “Ok understood, 4.14 is fine. …”), which …". Unless known (the
// done duplicate's release is not: the action asks which it went out in),
// the work may have shipped as the duplicate: the note says only what
// Jira records, "; CORE-2183 is still open against 4.14, released 24 Oct".
func (t *Team) promisedNote(p releasePromise, is TeamIssue, known bool) string {
	said := t.quote(markup.PlainText(p.said.Text), p.said.Text, 80)
	if utf8.RuneCountInString(markup.PlainText(p.said.Text)) > 80 {
		said = t.quote(p.words, p.said.Text, 80)
	}
	released := ", which was released on " + dayOf(*p.release.Date, t.Now) + " without it"
	if !known {
		released = "; " + is.Key + " is still open against " + p.release.Name + ", released " + dayOf(*p.release.Date, t.Now)
	}
	if p.said.Author.Is(t.Site.User) {
		return "you promised it for " + p.release.Name + " on " + dayOf(p.said.At, t.Now) + " (“" + said + "”)" + released
	}
	who := cmp.Or(p.said.Author.DisplayName, "a teammate")
	return "promised for " + p.release.Name + " (" + who + " on " + dayOf(p.said.At, t.Now) + ": “" + said + "”)" + released
}

// inRelease reports whether an issue's fix versions hold the named one.
func inRelease(is TeamIssue, name string) bool {
	return slices.ContainsFunc(is.Releases, func(r Release) bool { return r.Name == name })
}

// shipsWith says where a done issue's work goes out: "it ships in 4.15
// with CORE-2201", "it went out in 4.16 with CORE-2201", or, with no fix
// version, "CORE-2201 did it, in no release yet".
func shipsWith(done TeamIssue) string {
	var next, last *Release
	for i, r := range done.Releases {
		switch {
		case !r.Released && next == nil:
			next = &done.Releases[i]
		case r.Released:
			last = &done.Releases[i]
		}
	}
	switch {
	case next != nil:
		return "it ships in " + next.Name + " with " + done.Key
	case last != nil:
		return "it went out in " + last.Name + " with " + done.Key
	}
	return done.Key + " did it, in no release yet"
}

// youSawDone says how the user saw an issue done, when they did, and on
// which day: "verified" when theirs is the last word on it by a person,
// "closed" when their change resolved it (as far as the changelogs sync
// read tell); "" otherwise. Asking its developer whether it works would
// ask what the user answered.
func (t *Team) youSawDone(is TeamIssue) (how, on string) {
	if c, ok := lastPersonComment(is); ok && c.Author.Is(t.Site.User) {
		return "verified", dayOf(c.At, t.Now)
	}
	if moves := t.StatusMoves[is.ID]; len(moves) > 0 && is.Resolved != nil {
		last := moves[len(moves)-1]
		if last.By.Is(t.Site.User) && !last.At.Before(is.Resolved.Add(-time.Minute)) {
			return "closed", dayOf(*is.Resolved, t.Now)
		}
	}
	return "", ""
}

// tellAsker is ", and tell Meenakshi Sundaram, who asked for it" when
// someone other than the user filed the issue and has not left: closing
// it as a duplicate answers their request, and they hear it from the
// user rather than from a notification.
func (t *Team) tellAsker(is TeamIssue) string {
	r := is.Reporter
	if r.DisplayName == "" || r.Inactive || r.Is(t.Site.User) || r.LooksLikeAutomation() {
		return ""
	}
	return ", and tell " + r.DisplayName + ", who asked for it"
}

// doneAs is the issue an open one looks done as (doneDuplicates): of the
// same project, filed after it (one filed before and closed is the work
// the open one reports again: a regression, not a duplicate), resolved
// as done, not dropped (Won't Do, Duplicate), within the detector's days,
// whose summary stem shares at least its similarity of the open one's
// words. Issues linked to each other, one under the other, or two
// people's requests are not taken for one another, as duplicate.likely
// does not; nor are epics.
func (t *Team) doneAs(d Detector, is TeamIssue) (TeamIssue, bool) {
	if found, ok := t.doneFound[is.Key]; ok {
		return found.other, found.ok
	}
	other, ok := t.findDoneAs(d, is)
	if t.doneFound == nil {
		t.doneFound = map[string]doneMatch{}
	}
	t.doneFound[is.Key] = doneMatch{other, ok}
	return other, ok
}

// doneMatch is what doneAs found for one issue.
type doneMatch struct {
	other TeamIssue
	ok    bool
}

// findDoneAs is doneAs worked out.
func (t *Team) findDoneAs(d Detector, is TeamIssue) (TeamIssue, bool) {
	if strings.EqualFold(is.Type, "Epic") {
		return TeamIssue{}, false
	}
	words := t.stemWords(is)
	if len(words) < 3 {
		return TeamIssue{}, false
	}
	var best TeamIssue
	bestScore := 0.0
	for _, other := range t.recentlyDone(d) {
		if other.Project != is.Project || other.Key == is.Key || !other.Created.After(is.Created) ||
			linked(is.Issue, other.Key) || linked(other.Issue, is.Key) ||
			strings.EqualFold(other.ParentKey, is.Key) || strings.EqualFold(is.ParentKey, other.Key) || separateRequests(is, other) {
			continue
		}
		theirs := t.stemWords(other)
		score := jaccard(words, theirs)
		if len(theirs) < 3 || score < d.Similarity || score <= bestScore ||
			mentions(is, other.Key) || mentions(other, is.Key) || asksOtherwise(is, other) || goesOnAfterClosing(other) {
			continue
		}
		best, bestScore = other, score
	}
	return best, bestScore > 0
}

// mentions reports whether an issue's own words (its summary, description,
// criteria or comments) name another issue's key: "reuse the pattern from
// OPS-1272" on the later issue says the two are separate work, whatever
// their summaries, and "done in OPS-1273" on the open one says the team
// knows already.
func mentions(is TeamIssue, key string) bool {
	texts := []string{is.Summary, is.Description, is.AcceptanceCriteria}
	for _, c := range is.Comments {
		texts = append(texts, c.Text)
	}
	for _, text := range texts {
		for _, k := range evidence.IssueKey.FindAllString(text, -1) {
			if strings.EqualFold(k, key) {
				return true
			}
		}
	}
	return false
}

// askWords is how many words each of two issues' descriptions needs before
// their difference says anything, and askLikeness the least share of words
// two descriptions of the same work share: work filed again keeps most of
// its ask, or is filed bare ("(4.14)" and nothing else), while two stories
// that only share a title ask different things in different words.
const (
	askWords    = 8
	askLikeness = 0.2
)

// asksOtherwise reports whether two issues with one summary ask for
// different work: both say what they ask (their acceptance criteria, when
// both state them, else their descriptions), and the two share less than
// askLikeness of their words. "A /preview keep 7d comment moves the
// deletion date" and "fraud-scorer keeps its current SLO during the
// rollout" are two stories, however alike their titles.
func asksOtherwise(a, b TeamIssue) bool {
	aw, bw := askOf(a), askOf(b)
	if ac, bc := criteriaOf(a), criteriaOf(b); len(ac) >= askWords && len(bc) >= askWords {
		aw, bw = ac, bc
	}
	return len(aw) >= askWords && len(bw) >= askWords && jaccard(aw, bw) < askLikeness
}

// askOf is the words of what an issue asks for: its description and its
// Acceptance Criteria field.
func askOf(is TeamIssue) []string {
	return summaryWords(markup.PlainText(is.Description) + "\n" + markup.PlainText(is.AcceptanceCriteria))
}

// criteriaOf is the words of an issue's acceptance criteria: its
// Acceptance Criteria field, else what its description states under an
// acceptance criteria heading; none when it states none.
func criteriaOf(is TeamIssue) []string {
	if field := markup.PlainText(is.AcceptanceCriteria); strings.TrimSpace(field) != "" {
		return summaryWords(field)
	}
	return summaryWords(cmp.Or(evidence.UnderHeading(is.Description, acceptanceHeading), evidence.UnderHeading(is.Description, criteriaHeading)))
}

// acceptanceHeading names acceptance criteria in English, as a
// description's heading, as evidence.HasAcceptanceCriteria reads them:
// "Acceptance criteria", "Acceptance criteria (refined)", "AC:", "Done
// when".
var acceptanceHeading = regexp.MustCompile(`(?im)^\W{0,12}(?:h\d\.\s*)?(?:acceptance criteria|acs?|done when|definition of done)\b(?:\s*\([^)\n]*\))?`)

// workGoesOn says, in a comment, that work on an issue goes on: "Working
// on this now — should have something by 12:15 UTC", "still seeing it on
// iOS", "reopening: the export is empty". Posted after the issue was
// closed, it says the issue is not done, however it was closed.
var workGoesOn = regexp.MustCompile(`(?i)\bworking on (?:this|it|the)\b|\bstill (?:working|on it|on this|open|to do|needs?|failing|broken|happening|seeing|see|missing)\b|\bnot (?:yet |quite |fully )?(?:done|finished|fixed|complete|working|live)\b|\bre-?open(?:ed|ing)?\b|\bin progress\b|\bshould have (?:something|it|a fix|the)\b|\b(?:i|we)(?:['’]ll| will| am going to| are going to|['’]m going to|['’]re going to)\b|\b(?:more|left) to do\b|\bremaining (?:work|part|bits?|items?)\b|\b(?:picking|picked) (?:this|it) (?:up|back)\b|\bpart (?:2|two)\b`)

// goesOnAfterClosing reports whether a person's comment posted after an
// issue was resolved says its work goes on: quoted as how it was closed,
// it would contradict "looks done", and the open issue may be asking for
// what is not done yet.
func goesOnAfterClosing(is TeamIssue) bool {
	if is.Resolved == nil {
		return false
	}
	for _, c := range is.Comments {
		if c.At.After(*is.Resolved) && !c.Author.LooksLikeAutomation() && workGoesOn.MatchString(markup.PlainText(c.Text)) {
			return true
		}
	}
	return false
}

// recentlyDone are the issues an open one may look done as (doneAs):
// resolved as done, not dropped, within the detector's days, no epic;
// found once.
func (t *Team) recentlyDone(d Detector) []TeamIssue {
	if t.done == nil {
		t.done = []TeamIssue{}
		for _, other := range t.Issues {
			if other.Done() && !other.Dropped() && other.Resolved != nil && !strings.EqualFold(other.Type, "Epic") &&
				t.Now.Sub(*other.Resolved) <= time.Duration(d.Days*24*float64(time.Hour)) {
				t.done = append(t.done, other)
			}
		}
	}
	return t.done
}

// stemWords are the words of an issue's summary stem, worked out once.
func (t *Team) stemWords(is TeamIssue) []string {
	words, ok := t.stems[is.Key]
	if !ok {
		if t.stems == nil {
			t.stems = map[string][]string{}
		}
		words = summaryWords(summaryStem(is.Summary))
		t.stems[is.Key] = words
	}
	return words
}

// bracketedTag is a version or an issue key in brackets in a summary, as a
// team tags the issue it files again for one release: "(4.14)", "[v2.3.1]",
// "(CORE-2183)".
var bracketedTag = regexp.MustCompile(`\s*[(\[]\s*(?:v|version\s*|release\s*)?(?:\d+(?:\.\d+)+|[A-Z][A-Z0-9_]+-\d+)\s*[)\]]`)

// summaryStem is a summary without its bracketed version or key: what it
// asks for, the same in the issue filed again.
func summaryStem(summary string) string {
	return bracketedTag.ReplaceAllString(summary, "")
}

// looksDone reports whether doneDuplicates, when it is on, finds an issue:
// other detectors leave it alone, as an issue that looks done needs
// closing, not planning.
func (t *Team) looksDone(is TeamIssue) bool {
	if t.doneDuplicate == nil {
		return false
	}
	_, ok := t.doneAs(*t.doneDuplicate, is)
	return ok && openToOthers(*t.doneDuplicate, t, is)
}
