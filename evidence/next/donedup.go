package next

import (
	"regexp"
	"strings"
	"time"
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
		out = append(out, finding{issue: is, related: []string{other.Key}, vars: map[string]string{
			"other": other.Key, "other-summary": "“" + other.Summary + "”",
			"closed": "closed" + resolution + " on " + dayOf(*other.Resolved, t.Now), "last-comment": t.lastCommentNote(other)}})
	}
	return out
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
		if score := jaccard(words, theirs); len(theirs) >= 3 && score >= d.Similarity && score > bestScore {
			best, bestScore = other, score
		}
	}
	return best, bestScore > 0
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
