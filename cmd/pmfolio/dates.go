package main

import (
	"regexp"
	"strconv"
	"time"
)

var relativeDate = regexp.MustCompile(`^(\d{1,4})([dwmy])$`)

// parseDate reads a --since/--until value: YYYY-MM-DD, or a span back from
// now such as 30d, 12w, 6m, 1y. Dates are days in UTC.
func parseDate(value string, now time.Time) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", value); err == nil {
		return t, nil
	}
	m := relativeDate.FindStringSubmatch(value)
	if m == nil {
		return time.Time{}, usageError("%q is not a date: use YYYY-MM-DD or a span like 30d, 12w, 6m, 1y", value)
	}
	n, _ := strconv.Atoi(m[1])
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	switch m[2] {
	case "d":
		return today.AddDate(0, 0, -n), nil
	case "w":
		return today.AddDate(0, 0, -7*n), nil
	case "m":
		return today.AddDate(0, -n, 0), nil
	default:
		return today.AddDate(-n, 0, 0), nil
	}
}

// dateRange parses --since and --until; until is returned as the instant
// after the last day it names, so that a filter can use "before".
func dateRange(since, until string, now time.Time) (from, to *time.Time, err error) {
	if since != "" {
		t, err := parseDate(since, now)
		if err != nil {
			return nil, nil, err
		}
		from = &t
	}
	if until != "" {
		t, err := parseDate(until, now)
		if err != nil {
			return nil, nil, err
		}
		t = t.AddDate(0, 0, 1)
		to = &t
	}
	if from != nil && from.After(now) {
		return nil, nil, usageError("--since %s is in the future: nothing has happened since then yet", since)
	}
	if from != nil && to != nil && !from.Before(*to) {
		return nil, nil, usageError("--since %s is after --until %s", since, until)
	}
	return from, to, nil
}
