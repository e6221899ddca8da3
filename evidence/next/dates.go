package next

import (
	"slices"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// dayFirst reports whether the user writes dates in figures day first
// (evidence.DayFirstLean), over the team's issues they created and their
// comments on them and their own. Made on first use.
func (t *Team) dayFirst() bool {
	if t.dayFirstDates == nil {
		n := 0
		for _, is := range append(slices.Clip(t.Issues), t.Yours...) {
			if is.CreatedBy(t.Site.User) {
				n += evidence.DayFirstLean(is.Summary + "\n" + is.Description)
			}
			for _, c := range is.Comments {
				if c.Author.Is(t.Site.User) {
					n += evidence.DayFirstLean(c.Text)
				}
			}
		}
		first := n > 0
		t.dayFirstDates = &first
	}
	return *t.dayFirstDates
}

// passedDate says, of a blocked issue, when the newest word on it or down
// its chain of blockers that gives a date for the block gave one that has
// passed: "; the date in Lakshmi Venkat's comment of 20 Sep, “ETA 5 Oct”,
// has passed". Chasing for "a date" then means a new one. A date the comment
// gives as a teammate's ("Jun thinks late Q3") is theirs: the reason says
// "Jun Park's estimate in your comment of 12 May", and estimator names
// them, whom to ask for the new one.
func (t *Team) passedDate(is TeamIssue) (passed, estimator string) {
	var (
		newest evidence.Comment
		words  string
		by     time.Time
	)
	for _, candidate := range append([]TeamIssue{is}, t.chainOf(is)...) {
		for _, c := range candidate.Comments {
			if c.Author.LooksLikeAutomation() || !newest.At.IsZero() && c.At.Before(newest.At) {
				continue
			}
			if w, d, ok := evidence.GivenDate(evidence.OneLine(markup.PlainText(c.Text)), c.At, t.dayFirst()); ok {
				newest, words, by = c, w, d
			}
		}
	}
	if words == "" || !t.Now.After(by.Add(24*time.Hour)) {
		return "", ""
	}
	comment := newest.Author.DisplayName + "'s comment of "
	switch {
	case newest.Author.Is(t.Site.User):
		comment = "your comment of "
	case newest.Author.DisplayName == "":
		comment = "a comment of "
	}
	whose := "the date in " + comment
	text := evidence.OneLine(markup.PlainText(newest.Text))
	at := strings.Index(text, words)
	from, to := markup.SentenceBounds(text, at, at+len(words))
	if m := evidence.EstimateBy.FindStringSubmatch(text[from:to]); m != nil {
		if estimator = t.personNamed(m[1], newest.Author); estimator != "" {
			whose = estimator + "'s estimate in " + comment
		}
	}
	return "; " + whose + dayOf(newest.At, t.Now) + ", “" + words + "”, has passed", estimator
}
