package export

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/pmfolio/pmfolio/evidence"
)

// deferredWork is the other work a priority call of the user's put off
// to make room for its issue ("the carousel can wait a sprint", of
// MOB-896): that work's issue, its key, summary and status as last
// synced, the wait as the call gave it ("could wait a sprint") and the
// last day of the wait (deferralIn).
type deferredWork struct {
	on   evidence.NamedIssue
	wait string
	last time.Time
}

// deferredWorkOf finds the work a priority call of the user's put off
// (evidence.WaitWords): the one issue other than its own the call names by
// key, else the issue of the same project the user ranked lower within
// the hour of the call ("Rank: Ranked lower" on MOB-898, a minute after
// "putting this above the onboarding copy … the carousel can wait a
// sprint") whose summary shares a word with the call ("Onboarding
// carousel new copy"). Of that work, not of the call's issue, the wait
// was kept or not. ok is false when the call puts off none, or the store
// holds neither an item of the user's on the work nor, of an issue named
// by key, the issue.
func (v *view) deferredWorkOf(e *evidence.Evidence) (deferredWork, bool) {
	if !inOwnWords(e) || e.IssueKey == "" || !evidence.WaitWords.MatchString(e.Excerpt) {
		return deferredWork{}, false
	}
	sentences := sentencesOf(evidence.OneLine(e.Excerpt))
	d, ok := deferralIn(sentences, e.OccurredAt)
	if !ok {
		return deferredWork{}, false
	}
	wait := waitGiven(sentences[d.sentence][d.at:], e.OccurredAt)
	if wait == "" {
		return deferredWork{}, false // the issue's own deferral (deferralMissedIn)
	}
	on, ok := v.namedOther(e)
	if !ok {
		lower := v.rankedLowerBeside(e)
		if lower == nil {
			return deferredWork{}, false
		}
		on = issueOf(lower)
	}
	return deferredWork{on: on, wait: wait, last: d.last}, true
}

// issueOf is the issue an item is on, as last synced.
func issueOf(e *evidence.Evidence) evidence.NamedIssue {
	return evidence.NamedIssue{SiteName: e.SiteName, Key: e.IssueKey, URL: e.IssueURL, Summary: e.IssueSummary, StatusCategory: e.IssueStatusCategory}
}

// waitGiven is, of the words of a deferral (putOffIn) that make other
// work wait (evidence.WaitWords), the wait as the user would tell it
// later: "the carousel can wait a sprint" is "could wait a sprint", "we
// leave the carousel till next sprint" "could wait till next sprint". ""
// where the words are the issue's own deferral, or name no time.
func waitGiven(words string, written time.Time) string {
	at := evidence.WaitWords.FindStringIndex(words)
	if at == nil {
		return ""
	}
	when, _, ok := evidence.DeferredTo(words[at[1]:], written, false)
	end := strings.Index(words[at[1]:], when)
	if !ok || when == "" || end < 0 {
		return ""
	}
	wait := "could wait"
	if opens := words[at[0]:at[1]]; !strings.HasPrefix(strings.ToLower(opens), "can wait") {
		wait += " " + opens[strings.LastIndexByte(opens, ' ')+1:] // "till", "until", "for"
	}
	return wait + strings.TrimRight(words[at[1]:at[1]+end+len(when)], " ")
}

// namedOther is the one issue, other than its own, a call names by key
// (evidence.IssueKey), as the user's last item on it has it, else as the
// store holds it (namedIssues: "OPS-1234 can wait until after the freeze"
// of someone else's issue the user never touched). ok is false where the
// call names none, or more than one, or an issue the store does not hold.
func (v *view) namedOther(e *evidence.Evidence) (evidence.NamedIssue, bool) {
	var key string
	for _, k := range evidence.IssueKey.FindAllString(e.Excerpt, -1) {
		switch {
		case k == e.IssueKey || k == key:
		case key != "":
			return evidence.NamedIssue{}, false
		default:
			key = k
		}
	}
	if key == "" {
		return evidence.NamedIssue{}, false
	}
	if last := v.lastOn(e.SiteName, key); last != nil {
		return issueOf(last), true
	}
	named, ok := v.namedIssues[issueRef{e.SiteName, key}]
	return named, ok
}

// lastOn is the user's last item on an issue, nil where there is none:
// its status is the issue's as last synced.
func (v *view) lastOn(site, key string) *evidence.Evidence {
	var last *evidence.Evidence
	for _, o := range v.items {
		if o.SiteName == site && o.IssueKey == key && (last == nil || !o.OccurredAt.Before(last.OccurredAt)) {
			last = o
		}
	}
	return last
}

// rankedLowerBeside is the user's own rank edit that moved an issue of
// the call's project down within the hour of the call, on an issue whose
// summary shares a word with the call (namesWork); nil where there is
// none.
func (v *view) rankedLowerBeside(e *evidence.Evidence) *evidence.Evidence {
	words := namingWords(e.Excerpt)
	for _, o := range v.items {
		if o.Source == evidence.SourceChange && rankedLower.MatchString(o.Excerpt) && o.SiteName == e.SiteName &&
			o.IssueKey != e.IssueKey && projectOf(o) == projectOf(e) && o.OccurredAt.Sub(e.OccurredAt).Abs() <= time.Hour &&
			sharesWord(words, namingWords(o.IssueSummary)) {
			return o
		}
	}
	return nil
}

// rankedLower is the user's rank edit that moved an issue down.
var rankedLower = regexp.MustCompile(`(?i)^Rank:.*\branked lower\b`)

// namingWords are the words of text that can name a piece of work,
// lowercased: four letters or more ("onboarding", "copy", "carousel"),
// not the little words that join them.
func namingWords(text string) map[string]bool {
	words := make(map[string]bool)
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 4 && !littleWords[w] {
			words[w] = true
		}
	}
	return words
}

// sharesWord reports whether two sets of words have one in common.
func sharesWord(a, b map[string]bool) bool {
	for w := range a {
		if b[w] {
			return true
		}
	}
	return false
}

// deferredWorkTold is what Jira shows of the work a priority call put
// off (deferredWorkOf), once its wait is over, as the words after its key:
// " (Onboarding carousel new copy), which I said could wait a sprint, is
// still to do" of MOB-898. A quote that keeps "the carousel can wait a
// sprint" must not leave the reader to find that in Jira; work taken up
// within the wait, or about, is a call that held ("…, followed on 2
// September"). ok is false when the call puts off no work found, or the
// wait is not over.
func (v *view) deferredWorkTold(e *evidence.Evidence) (on evidence.NamedIssue, told string, ok bool) {
	w, ok := v.deferredWorkOf(e)
	if !ok {
		return evidence.NamedIssue{}, "", false
	}
	due := w.last.AddDate(0, 0, keptEarlyDays+1)
	done, isDone := v.doneIssues[issueRef{w.on.SiteName, w.on.Key}]
	fate := ""
	switch {
	case isDone && done.Resolved.After(e.OccurredAt) && done.Resolved.Before(due):
		fate = "followed on " + done.Resolved.UTC().Format("2 January")
	case isDone && done.Resolved.After(e.OccurredAt):
		fate = "was done only on " + done.Resolved.UTC().Format("2 January")
	case w.on.StatusCategory == evidence.StatusNew && v.generatedAt.After(due):
		fate = "is still to do"
	case w.on.StatusCategory == evidence.StatusInProgress && v.generatedAt.After(due):
		fate = "is still not done"
	default:
		return evidence.NamedIssue{}, "", false
	}
	return w.on, " (" + evidence.OneLine(w.on.Summary) + "), which I said " + w.wait + ", " + fate, true
}

// deferredWorkSaid is deferredWorkTold as a sentence of a story's Result,
// told after what the call bought, and, of work still open, owned:
// "MOB-898 (Onboarding carousel new copy), which I said could wait a
// sprint, is still to do; I owe Pedro Santos an update on it." Whoever
// filed the work, where another person did, waits to hear. "" where it
// tells nothing.
func (r *report) deferredWorkSaid(e *evidence.Evidence) string {
	on, told, ok := r.deferredWorkTold(e)
	if !ok {
		return ""
	}
	said := evidence.OneLine(on.Key) + told
	if _, done := r.doneIssues[issueRef{on.SiteName, on.Key}]; !done {
		to := ""
		if last := r.lastOn(on.SiteName, on.Key); last != nil && r.filedByAnother(last) {
			to = evidence.OneLine(last.IssueReporter.DisplayName)
		}
		said += "; " + updateOwed(to)
	}
	return said + "."
}

// callBought is what a priority call that put other work off
// (deferredWorkOf) bought, as the one clause after its quote: its own
// issue, done since the call, "it shipped in 5.4 on 17 November" of the
// one release Jira gives it as out in by then, else "it was done on 22
// October". A hiring manager reads a call by what it bought; the work it
// put off is the stories' to tell. "" where the call puts off no work
// found, or its issue is not done since.
func (v *view) callBought(e *evidence.Evidence) string {
	done, ok := v.doneIssues[issueRef{e.SiteName, e.IssueKey}]
	if _, put := v.deferredWorkOf(e); !put || !ok || !done.Resolved.After(e.OccurredAt) {
		return ""
	}
	if len(e.IssueFixVersions) == 1 {
		version := e.IssueFixVersions[0]
		if released, ok := e.IssueReleaseDates[version]; ok && !dayOnly(done.Resolved.UTC()).After(released) {
			return "it shipped in " + evidence.OneLine(version) + " on " + released.UTC().Format("2 January")
		}
	}
	return "it was done on " + done.Resolved.UTC().Format("2 January")
}
