package export

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// resultChange is the relative change a quoted result states with its
// baseline ("timeouts fell from 2.1% to 0.3%"), worked out, as a résumé
// reader looks for it: "an 86% drop". It is arithmetic on the user's own
// two numbers, never a number of ours.
type resultChange struct {
	// Text is the change as the bullet says it: "an 86% drop", "a 45%
	// rise", "a 2.5× rise".
	Text string `json:"text"`
	// From and To are the two numbers as the result writes them.
	From string `json:"from"`
	To   string `json:"to"`
	// Percent is the change relative to From, rounded: -86, 45, 150.
	Percent float64 `json:"percent"`
}

// minChange is the smallest relative change worth stating: "99.2% to
// 99.99%" is a 0.8% rise, which says less than the numbers themselves.
const minChange = 0.10

// changeOf works out the change a result states: "from A to B" ("A → B"),
// or B followed by its baseline A ("13, down from 42", "4.1% (was 6%)",
// "420 ms, was 900 ms"), where A and B are measured in the same unit.
// When the result states no such pair, or the direction it names
// contradicts its numbers, or the change is small, it returns false.
func changeOf(result string) (resultChange, bool) {
	nums := slices.DeleteFunc(amounts(result), func(n amount) bool { return inAside(result, n.start) })
	percent := slices.ContainsFunc(nums, func(n amount) bool { return n.unit == "%" })
	for i, a := range nums {
		if percent && a.unit != "%" {
			// "down 80% (from 62 a month)": the writer said the change;
			// another number of theirs is no second value of it.
			continue
		}
		before := strings.ToLower(result[:a.start])
		// "from A to B", "A → B"
		if i+1 < len(nums) {
			b := nums[i+1]
			between := strings.ToLower(result[a.end:b.start])
			if (b.unit == a.unit || a.unit == "") && (fromBefore.MatchString(before) && toBetween.MatchString(between) || arrowBetween.MatchString(between)) {
				if wholeBefore.MatchString(strings.ToLower(result[:b.start])) {
					return resultChange{}, false
				}
				return describeChange(a, b, "")
			}
		}
		// "B …, down from A"
		m := baselineBefore.FindStringSubmatch(before)
		if m == nil || i+1 < len(nums) && toBetween.MatchString(strings.ToLower(result[a.end:nums[i+1].start])) {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if nums[j].unit == a.unit {
				if wholeBefore.MatchString(strings.ToLower(result[:nums[j].start])) {
					return resultChange{}, false
				}
				return describeChange(a, nums[j], m[1])
			}
		}
	}
	return resultChange{}, false
}

// describeChange says the change from a to b; direction is "down" or
// "up" when the result says which it was.
func describeChange(a, b amount, direction string) (resultChange, bool) {
	if a.value <= 0 || b.value < 0 {
		return resultChange{}, false
	}
	rel := (b.value - a.value) / a.value
	if math.Abs(rel) < minChange || direction == "down" && rel > 0 || direction == "up" && rel < 0 {
		return resultChange{}, false
	}
	c := resultChange{From: a.text, To: b.text, Percent: math.Round(100 * rel)}
	switch pct := strconv.FormatFloat(math.Abs(c.Percent), 'f', 0, 64); {
	case rel < 0:
		c.Text = article(pct) + " " + pct + "% drop"
	case rel < 1:
		c.Text = article(pct) + " " + pct + "% rise"
	default:
		times := strconv.FormatFloat(math.Round(10*b.value/a.value)/10, 'f', -1, 64)
		c.Text = article(times) + " " + times + "× rise"
	}
	return c, true
}

// article is "an" before a number said with a vowel ("an 8", "an 11%",
// "an 18", "an 80", "an 800"), else "a".
func article(number string) string {
	digits := strings.SplitN(number, ".", 2)[0]
	switch {
	case strings.HasPrefix(digits, "8"),
		digits == "11" || digits == "18",
		len(digits)%3 == 2 && (strings.HasPrefix(digits, "11") || strings.HasPrefix(digits, "18")):
		return "an"
	}
	return "a"
}

// amount is a number in a result and the unit it is measured in.
type amount struct {
	start, end int // of the number and its unit in the text
	text       string
	value      float64
	unit       string // "%", "ms", "min", …; "" for a count
}

// numberIn finds numbers, with thousands separators and decimals.
var numberIn = regexp.MustCompile(`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`)

// units names a unit by each way it is written.
var units = map[string]string{
	"%": "%", "percent": "%", "pct": "%",
	"ms": "ms", "msec": "ms", "millisecond": "ms", "milliseconds": "ms",
	"s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
	"min": "min", "mins": "min", "minute": "min", "minutes": "min",
	"h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
	"day": "day", "days": "day", "week": "week", "weeks": "week",
	"month": "month", "months": "month",
	"k": "k", "m": "m", "gb": "gb", "mb": "mb", "tb": "tb",
}

// amounts finds the numbers of a result that amount something: not part
// of a name ("p95", "tier-1", "Q3"), a time or date ("10:40", "3/12", "3
// March", "2026"), an ordinal ("the 5th") or a version ("1.31.2").
func amounts(text string) []amount {
	var out []amount
	for _, loc := range numberIn.FindAllStringIndex(text, -1) {
		start, end := loc[0], loc[1]
		prev, _ := utf8.DecodeLastRuneInString(text[:start])
		if start > 0 && (unicode.IsLetter(prev) || strings.ContainsRune("-:./#_", prev)) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[end:])
		if strings.ContainsRune(":/-_", next) || next == '.' && end+1 < len(text) && unicode.IsDigit(rune(text[end+1])) {
			continue
		}
		value, err := strconv.ParseFloat(strings.ReplaceAll(text[start:end], ",", ""), 64)
		if err != nil {
			continue
		}
		m := amount{start: start, value: value}
		rest := text[end:]
		if timeWords[strings.ToLower(leadingWord(strings.TrimLeft(rest, " ")))] ||
			timeWords[strings.ToLower(lastWord(strings.TrimRight(text[:start], " ")))] ||
			value >= 1900 && value <= 2100 && !strings.ContainsAny(text[start:end], ".,") {
			continue // "3 March", "May 14", "9 am", "2026"
		}
		switch {
		case unicode.IsLetter(next) || next == '%':
			// attached: "420ms", "12%"; not "5th" or "3x"
			attached := leadingWord(rest)
			unit, ok := units[strings.ToLower(attached)]
			if !ok {
				continue
			}
			m.unit, m.end = unit, end+len(attached)
		case next == ' ':
			// "420 ms", "12 %"; not "5 m", which may be minutes or millions
			word := leadingWord(rest[1:])
			m.end = end
			if unit, ok := units[strings.ToLower(word)]; ok && (len(word) > 1 || word == "%") {
				m.unit, m.end = unit, end+1+len(word)
			}
		default:
			m.end = end
		}
		m.text = text[start:m.end]
		out = append(out, m)
	}
	return out
}

// inAside says the text at i is inside a bracket that is an aside, not a
// baseline: in "from 11 (4.10 + 4.11) to 3" the releases counted are no
// values of the result; in "4.1% (was 6%)" the bracket is the baseline.
func inAside(text string, i int) bool {
	open := strings.LastIndexByte(text[:i], '(')
	if open < 0 || strings.IndexByte(text[open:i], ')') >= 0 {
		return false
	}
	return !asideBaseline.MatchString(text[open+1 : i])
}

// asideBaseline opens a bracket that gives a result's baseline.
var asideBaseline = regexp.MustCompile(`(?i)^\s*(?:(?:down|up)\s+)?(?:we\s+|it\s+)?(?:from|was|were|previously|against|vs\.?|versus|compared|started)\b`)

// leadingWord is the word, or "%", text starts with.
func leadingWord(text string) string {
	if strings.HasPrefix(text, "%") {
		return "%"
	}
	end := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return text
	}
	return text[:end]
}

// lastWord is the word text ends with.
func lastWord(text string) string {
	start := strings.LastIndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	return text[start+1:]
}

// timeWords next to a number make it a date or a time of day.
var timeWords = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
	"am": true, "pm": true, "utc": true, "cet": true, "gmt": true,
}

var (
	// wholeBefore ends the text before a count that is the whole of
	// something ("all 8 tier-1 services", "every one of the 12 teams"): the
	// result is coverage, which "from 1 to all 8" says and "an 8× rise"
	// misreads as growth.
	wholeBefore = regexp.MustCompile(`\b(?:all|every|each)(?:\s+(?:one\s+)?of)?(?:\s+(?:the|our))?\s*$`)
	// fromBefore ends the text before the first number of "from A to B".
	fromBefore = regexp.MustCompile(`\bfrom\s*$`)
	// toBetween is what stands between A and B in "from A to B" ("from 18
	// a day to 0"), past an aside ("from 11 (4.10 + 4.11) to 3").
	toBetween = regexp.MustCompile(`^\s*(?:\([^()]*\)\s*)?(?:(?:a|an|per|each)\s+\w+\s+)?(?:(?:down|up)\s+)?to\s*$`)
	// arrowBetween is what stands between A and B in "A → B".
	arrowBetween = regexp.MustCompile(`^\s*(?:→|->|=>)\s*$`)
	// baselineBefore ends the text before a baseline: "down from", "(was",
	// "up from", "against", "we started with"; its group is the direction.
	baselineBefore = regexp.MustCompile(`(?:\b(down|up)\s+from|\bfrom|\bwas|\bpreviously|\bagainst|\bvs\.?|\bversus|\bcompared (?:with|to)|\bstarted (?:with|at))\s*$`)
)
