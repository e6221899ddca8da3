package next

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

var (
	// quarterDate is a quarter given as a date: "late Q3", "by end of
	// Q2 2027", "in Q1'27"; "Q3 planning" is none.
	quarterDate = regexp.MustCompile(`(?i)\b(?:(early|mid|late|end of)|by|in|before|until|till|eta|around)\s+Q([1-4])(?:\s*(?:'|20)(\d{2}))?\b`)
	// monthDate is a month, with or without its day, after a word that
	// makes it a date something is due by: "by 14 Nov", "ETA Oct 5", "end
	// of September". A month alone ("in May we shipped") says when
	// something happened, and "Jun" alone is as often a name.
	monthDate = regexp.MustCompile(`(?i)\b(by|on|before|until|till|eta|around|end of|early|mid|late)\s+(?:the\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?`)
	months    = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
)

// givenDate is the first date a text gives for when something will be
// done, read as of the day it was written (at): its words, and the last
// day it covers ("late Q3" of 12 May 2026: 30 September 2026). A date
// that would fall before the text was written is of the next year.
func givenDate(text string, at time.Time) (words string, by time.Time, ok bool) {
	day := func(year int, month time.Month, d int) time.Time {
		return time.Date(year, month, d, 23, 59, 59, 0, at.Location())
	}
	endOfMonth := func(year int, month time.Month) time.Time { return day(year, month+1, 0) }
	after := func(t time.Time, year func(int) time.Time, explicit bool) time.Time {
		if !explicit && t.Before(at.AddDate(0, 0, -7)) {
			return year(at.Year() + 1)
		}
		return t
	}
	if m := quarterDate.FindStringSubmatchIndex(text); m != nil {
		q, _ := strconv.Atoi(text[m[4]:m[5]])
		explicit := m[6] >= 0
		year := at.Year()
		if explicit {
			yy, _ := strconv.Atoi(text[m[6]:m[7]])
			year = 2000 + yy
		}
		// Early in a quarter is its first month, mid its second.
		last := q * 3
		switch strings.ToLower(subgroup(text, m, 1)) {
		case "early":
			last -= 2
		case "mid":
			last--
		}
		of := func(y int) time.Time { return endOfMonth(y, time.Month(last)) }
		return text[m[0]:m[1]], after(of(year), of, explicit), true
	}
	if m := monthDate.FindStringSubmatchIndex(text); m != nil {
		month := time.Month(1)
		for i, name := range months {
			if strings.EqualFold(text[m[6]:m[6]+3], name) {
				month = time.Month(i + 1)
			}
		}
		d, _ := strconv.Atoi(cmp.Or(subgroup(text, m, 2), subgroup(text, m, 4)))
		of := func(y int) time.Time {
			switch {
			case d >= 1 && d <= 31:
				return day(y, month, d)
			case strings.EqualFold(subgroup(text, m, 1), "early"):
				return day(y, month, 10)
			case strings.EqualFold(subgroup(text, m, 1), "mid"):
				return day(y, month, 20)
			}
			return endOfMonth(y, month)
		}
		words := strings.TrimSuffix(strings.TrimSpace(text[m[0]:m[1]]), ".")
		return words, after(of(at.Year()), of, false), true
	}
	return "", time.Time{}, false
}

// subgroup is the text of a regexp's group n in match m, or "".
func subgroup(text string, m []int, n int) string {
	if m[2*n] < 0 {
		return ""
	}
	return text[m[2*n]:m[2*n+1]]
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
			if w, d, ok := givenDate(evidence.OneLine(markup.PlainText(c.Text)), c.At); ok {
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
	if m := estimateBy.FindStringSubmatch(text[from:to]); m != nil {
		if estimator = t.personNamed(m[1], newest.Author); estimator != "" {
			whose = estimator + "'s estimate in " + comment
		}
	}
	return "; " + whose + dayOf(newest.At, t.Now) + ", “" + words + "”, has passed", estimator
}

// estimateBy is a date given as someone's estimate: "Jun thinks late Q3",
// "Lakshmi said by 14 Nov".
var estimateBy = regexp.MustCompile(`\b(\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?) (?:thinks|says|said|estimates|expects|reckons|believes|hopes)\b`)
