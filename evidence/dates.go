package evidence

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// cueGap is what parts a date's cue from what it cues: a space, or a
// hyphen ("mid-August", "end-of-Q3").
const cueGap = `(?:\s+|\s*-\s*)`

var (
	// quarterDate is a quarter given as a date: "late Q3", "by end of
	// Q2 2027", "in Q1'27", hyphenated too ("mid-Q3", "end-of-Q2");
	// "Q3 planning" is none.
	quarterDate = regexp.MustCompile(`(?i)\b(?:(early|mid|late|end` + cueGap + `of)|by|in|before|until|till|eta|around)` + cueGap + `Q([1-4])(?:\s*(?:'|20)(\d{2}))?\b`)
	// monthDate is a month, with or without its day, after a word that
	// makes it a date something is due by: "by 14 Nov", "ETA Oct 5", "end
	// of September", "they start in December". A month alone ("in May we
	// shipped") says when something happened, and "Jun" alone is as often
	// a name. A cue hyphenated to its month ("mid-August",
	// "end-of-September") reads as one spaced.
	monthDate = regexp.MustCompile(`(?i)\b(by|on|before|until|till|eta|around|end` + cueGap + `of|early|mid|late|(?:starts?|starting|begins?|beginning|resumes?|kicks? off) in)` + cueGap + `(?:the\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?`)
	months    = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	// slashDate is a day and a month in figures, after a word that makes
	// it a date something is due by: "by 14/11", "until 03/07/2027". A
	// dot ("by 5.4") is a version as often as a date, and is not read.
	slashDate = regexp.MustCompile(`(?i)\b(by|on|before|until|till|eta|around)\s+(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?\b`)
	// dayOfMonth is a day of the month alone, something is due by: "by the
	// 20th".
	dayOfMonth = regexp.MustCompile(`(?i)\b(by|before|until|till)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b`)
	// weekdayDate is a day of the week something is due by: "by Friday",
	// "before next Tuesday", "ETA Thu".
	weekdayDate = regexp.MustCompile(`(?i)\b(by|before|until|till|eta)\s+(?:(this|next)\s+)?(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s|rs)?\b`)
)

// figureDate is a date in figures anywhere in a text, for which way
// round a writer puts day and month (DayFirstLean).
var figureDate = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})\b`)

// DayFirstLean is how far a text's dates in figures lean day first: one
// for each that reads only so ("30/07"), less one for each that reads
// only month first ("7/30"). Summed over what a writer wrote, above 0
// says they write day first, GivenDate's dayFirst.
func DayFirstLean(text string) int {
	n := 0
	for _, m := range figureDate.FindAllStringSubmatch(text, -1) {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		switch {
		case a > 12 && b >= 1 && b <= 12:
			n++
		case b > 12 && b <= 31 && a >= 1 && a <= 12:
			n--
		}
	}
	return n
}

// GivenDate is the first date a text gives for when something will be
// done, read as of the day it was written (at): its words, and the last
// day it covers ("late Q3" of 12 May 2026: 30 September 2026). A date
// that would fall before the text was written is of the next year.
//
// A date in figures is read day first where its first figure cannot be
// a month ("by 14/11"), month first where its second cannot ("by
// 11/14"), and else as the writer writes dates (dayFirst: "by 03/07" of
// someone who writes "30/07" is 3 July, of someone who writes "7/30",
// or gives no sign, 7 March).
func GivenDate(text string, at time.Time, dayFirst bool) (words string, by time.Time, ok bool) {
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
		switch strings.ToLower(submatch(text, m, 1)) {
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
		d, _ := strconv.Atoi(cmp.Or(submatch(text, m, 2), submatch(text, m, 4)))
		of := func(y int) time.Time {
			switch {
			case d >= 1 && d <= 31:
				return day(y, month, d)
			case strings.EqualFold(submatch(text, m, 1), "early"):
				return day(y, month, 10)
			case strings.EqualFold(submatch(text, m, 1), "mid"):
				return day(y, month, 20)
			}
			return endOfMonth(y, month)
		}
		words := strings.TrimSuffix(strings.TrimSpace(text[m[0]:m[1]]), ".")
		return words, after(of(at.Year()), of, false), true
	}
	if m := slashDate.FindStringSubmatchIndex(text); m != nil {
		a, _ := strconv.Atoi(submatch(text, m, 2))
		b, _ := strconv.Atoi(submatch(text, m, 3))
		d, month := b, a
		if a > 12 || b <= 12 && dayFirst {
			d, month = a, b
		}
		// A day the month has, in a leap year ("31/02" is none).
		if month >= 1 && month <= 12 && d >= 1 && time.Date(2000, time.Month(month), d, 0, 0, 0, 0, time.UTC).Day() == d {
			explicit := m[8] >= 0
			year := at.Year()
			if explicit {
				year, _ = strconv.Atoi(submatch(text, m, 4))
				if year < 100 {
					year += 2000
				}
			}
			of := func(y int) time.Time { return day(y, time.Month(month), d) }
			return text[m[0]:m[1]], after(of(year), of, explicit), true
		}
	}
	if m := weekdayDate.FindStringSubmatchIndex(text); m != nil {
		// The day next to come, the day it was written on itself: "by
		// Friday" of a Wednesday is two days on, of a Friday that day.
		// "next Friday" is read as the later of the two it may mean, a
		// week past the coming one.
		want := slices.Index([]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}, strings.ToLower(submatch(text, m, 3)))
		ahead := (want - int(at.Weekday()) + 7) % 7
		if strings.EqualFold(submatch(text, m, 2), "next") {
			ahead += 7
		}
		return text[m[0]:m[1]], day(at.Year(), at.Month(), at.Day()+ahead), true
	}
	if m := dayOfMonth.FindStringSubmatchIndex(text); m != nil {
		d, _ := strconv.Atoi(submatch(text, m, 2))
		if d >= 1 && d <= 31 {
			// The day next to come: "by the 20th" of 25 May is 20 June.
			due := day(at.Year(), at.Month(), d)
			if due.Before(day(at.Year(), at.Month(), at.Day())) {
				due = day(at.Year(), at.Month()+1, d)
			}
			return text[m[0]:m[1]], due, true
		}
	}
	return "", time.Time{}, false
}

// submatch is the text of a regexp's group n in match m, or "".
func submatch(text string, m []int, n int) string {
	if m[2*n] < 0 {
		return ""
	}
	return text[m[2*n]:m[2*n+1]]
}

// EstimateBy is a date given as someone's estimate: "Jun thinks late Q3",
// "Lakshmi said by 14 Nov".
var EstimateBy = regexp.MustCompile(`\b(\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?) (?:thinks|says|said|estimates|expects|reckons|believes|hopes)\b`)

var (
	// DeferWords put something off to a later time, the writer's word to
	// someone who wanted it: "happy to look at it in August", "I'll
	// revisit it in Q3", "we'll drop the CSV export for now and revisit
	// in Q3", "we revisit after launch", "We agreed to revisit next
	// quarter". When they put it off to is in the words after them
	// (DeferredTo).
	DeferWords = regexp.MustCompile(`(?i)\b(?:(?:i['’]ll|i will|we['’]ll|we will|will|happy to|glad to)\s+(?:look (?:at|into) (?:this|it)|revisit(?: this| it)?|come back to (?:this|it)|pick (?:this|it) up|take (?:this|it)(?: on)?)|for now,? (?:and|but) (?:(?:i|we)['’]ll |(?:i|we) will )?(?:revisit(?: this| it)?|come back to (?:this|it))|(?:(?:i|we|let['’]s)\s+)?(?:(?:agreed|decided|plan|want|need) to\s+)?revisit(?: this| it)?)\b`)
	// WaitWords put other work off to a later time, to make room for the
	// issue the words are on: "the carousel can wait a sprint", "we leave
	// the carousel till next sprint". The work put off is in the clause
	// the words are in, not the issue; when it waits till is in the words
	// after them (DeferredTo).
	WaitWords = regexp.MustCompile(`(?i)\b(?:can wait|leave(?:\s+[\p{L}\d'’-]+){1,3}?\s+(?:for|till|until))\b`)
	// inMonth is a month a deferral names: "in August".
	inMonth = regexp.MustCompile(`(?i)\bin\s+((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b`)
	// nextPeriod is the period after the one a deferral was written in:
	// "next quarter", "next sprint".
	// "a sprint" is the next one: "the carousel can wait a sprint".
	nextPeriod = regexp.MustCompile(`(?i)^\s*(?:(?:in|during|till|until|for)\s+)?(?:(?:the\s+)?next|a)\s+(quarter|month|sprint)\b`)
)

// sprintDays is how far on "next sprint" reaches: the end of the sprint
// after the current one, of two-week sprints.
const sprintDays = 28

// DeferredTo is the time the words after a deferral (DeferWords) put it
// off to, as GivenDate reads it, or of a month alone the month's last day:
// a month named after "happy to look at it" is when, where "In May we
// shipped" is not ("in August" of 27 May: 31 August), and of the period
// after the one it was written in its last day ("next quarter" of 12
// February: 30 June).
func DeferredTo(when string, at time.Time, dayFirst bool) (words string, by time.Time, ok bool) {
	if words, by, ok = GivenDate(when, at, dayFirst); ok {
		return words, by, true
	}
	if m := inMonth.FindStringSubmatch(when); m != nil {
		_, by, ok = GivenDate("end of "+m[1], at, false)
		return m[0], by, ok
	}
	if m := nextPeriod.FindStringSubmatch(when); m != nil {
		return strings.TrimSpace(m[0]), nextPeriodEnd(strings.ToLower(m[1]), at), true
	}
	return "", time.Time{}, false
}

// nextPeriodEnd is the last day of the quarter, month or sprint after
// the one at is in (sprintDays on, for a sprint).
func nextPeriodEnd(period string, at time.Time) time.Time {
	last := func(y int, m time.Month) time.Time { return time.Date(y, m+1, 0, 23, 59, 59, 0, at.Location()) }
	switch period {
	case "quarter":
		return last(at.Year(), time.Month((int(at.Month())-1)/3*3+6))
	case "month":
		return last(at.Year(), at.Month()+1)
	}
	d := at.AddDate(0, 0, sprintDays)
	return time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 59, 0, at.Location())
}

// DeferredFrom is the first day of the period a deferral's words
// (DeferredTo's words) name, as of the last day DeferredTo gives (by):
// "next quarter" to 30 June is from 1 April, "in August" from 1 August,
// "in Q3" from 1 July. A look taken, or work done, before then is not the
// one put off. ok is false for words that give a day to be done by ("by
// 14 Nov", "late Q3") or a sprint, whose dates they do not give.
func DeferredFrom(words string, by time.Time) (time.Time, bool) {
	first := func(m time.Month) time.Time { return time.Date(by.Year(), m, 1, 0, 0, 0, 0, by.Location()) }
	quarter := (by.Month()-1)/3*3 + 1
	if m := nextPeriod.FindStringSubmatch(words); m != nil {
		switch strings.ToLower(m[1]) {
		case "quarter":
			return first(quarter), true
		case "month":
			return first(by.Month()), true
		}
		return time.Time{}, false
	}
	if inMonth.MatchString(words) {
		return first(by.Month()), true
	}
	if m := quarterDate.FindStringSubmatch(words); m != nil && m[1] == "" && strings.HasPrefix(strings.ToLower(words), "in ") {
		return first(quarter), true
	}
	return time.Time{}, false
}
