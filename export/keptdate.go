package export

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// liveDateGiven finds a go-live date a comment gives, by a word of going
// live and a day that says it is a day, with an ordinal or a month:
// "Go-live date of 22nd", "Deployment on Saturday 21st", "go-live on
// 24th", "release on 21 Sep"; not "release 4.13" nor "deployment in 2
// days".
var liveDateGiven = regexp.MustCompile(`(?i)\b(?:go-?live|deployment|release|launch|cut-?over)(?:\s+date)?\s+(?:is\s+|of\s+|on\s+|for\s+|set\s+for\s+)+(?:the\s+)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\s+)?(\d{1,2})(?:(st|nd|rd|th)\b(?:\s+of)?)?(?:\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)?`)

// liveDay is the day a go-live date given in text (liveDateGiven) is, as
// of when the text was written: "22nd" of 10 August is 22 August, "3rd"
// of 28 August is 3 September. ok is false when the text gives none.
func liveDay(text string, written time.Time) (words string, day time.Time, ok bool) {
	m := liveDateGiven.FindStringSubmatchIndex(text)
	if m == nil || m[4] < 0 && m[6] < 0 {
		return "", time.Time{}, false
	}
	n, _ := strconv.Atoi(text[m[2]:m[3]])
	written = written.UTC()
	year, month := written.Year(), written.Month()
	if m[6] >= 0 {
		month = time.Month(strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(text[m[6]:m[6]+3]))/3 + 1)
		if month < written.Month() {
			year++
		}
	} else if n < written.Day() {
		month++
	}
	day = time.Date(year, month, n, 0, 0, 0, 0, time.UTC)
	if day.Day() != n {
		return "", time.Time{}, false // "31st" of a month of 30 days
	}
	return strings.TrimSpace(text[m[0]:m[1]]), day, true
}

// nightAfter is how long after the end of a go-live day a note that it
// went live still reports that day's release: a night deployment is
// often reported past midnight.
const nightAfter = 12 * time.Hour

// keptDate says, of the user's comments on an issue (oldest first), that
// it went live on the day they had said, and since when they had said it:
// "it went live on 22 August, as I had said on 10 August (“Go-live date of
// 22nd is still holding as of now”)", which holds whether the comment gave
// the date or held to one given before. A release
// delivered against a deadline reads by the date kept; a date given again
// ("Deployment on 22nd") is the date given first, and a date moved is
// not the date kept. It is "" when the comments show no date kept.
func keptDate(comments []evidence.Comment) string {
	var (
		given     evidence.Comment
		words     string
		day       time.Time
		haveGiven bool
	)
	for _, c := range comments {
		text := evidence.OneLine(c.Text)
		if w, d, ok := liveDay(text, c.At); ok {
			if !haveGiven || !d.Equal(day) {
				given, words, day, haveGiven = c, w, d, true
			}
			continue
		}
		at := c.At.UTC()
		if haveGiven && evidence.ReportsWentLive(text) && !at.Before(day) && at.Before(day.AddDate(0, 0, 1).Add(nightAfter)) {
			return "it went live on " + day.Format("2 January") + ", as I had said on " +
				given.At.UTC().Format("2 January") + " (“" + givenSentence(evidence.OneLine(given.Text), words) + "”)"
		}
	}
	return ""
}

// givenSentence is the sentence of text that gives a date (words), without
// its closing stop. A sentence ends at a stop a space follows, as
// firstSentence reads it: "4.13" is one word.
func givenSentence(text, words string) string {
	at := strings.Index(text, words)
	from, to := 0, len(text)
	for _, end := range []string{". ", "! ", "? "} {
		if i := strings.LastIndex(text[:at], end); i >= 0 {
			from = max(from, i+len(end))
		}
		if i := strings.Index(text[at:], end); i >= 0 {
			to = min(to, at+i)
		}
	}
	return strings.TrimRight(strings.TrimSpace(text[from:to]), ".!?")
}
