package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progressBar draws one self-erasing line on a terminal. Callers create it
// only when the output is a TTY, so logs and cron mail never see it.
type progressBar struct {
	w     io.Writer
	label string
	drawn bool
	now   func() time.Time // for the time left; nil: time.Now
	start time.Time        // of the first page
}

const barWidth = 30

func (b *progressBar) update(done, total int) {
	if total > 0 {
		filled := barWidth * min(done, total) / total
		fmt.Fprintf(b.w, "\r%s [%s%s] %d/%d issues", b.label,
			strings.Repeat("#", filled), strings.Repeat(".", barWidth-filled), done, total)
	} else {
		fmt.Fprintf(b.w, "\r%s: %d issues", b.label, done)
	}
	b.drawn = true
}

// pages draws pages done of pages expected (-1: unknown) and, once two
// pages are in, the time left at the pace so far.
func (b *progressBar) pages(done, expected int) {
	now := time.Now
	if b.now != nil {
		now = b.now
	}
	if b.start.IsZero() {
		b.start = now()
	}
	if expected <= 0 {
		fmt.Fprintf(b.w, "\r%s: %d pages\033[K", b.label, done)
		b.drawn = true
		return
	}
	expected = max(expected, done)
	filled := barWidth * done / expected
	fmt.Fprintf(b.w, "\r%s [%s%s] %d/%d pages", b.label,
		strings.Repeat("#", filled), strings.Repeat(".", barWidth-filled), done, expected)
	// The first page comes after the probe and carries no pace.
	if elapsed := now().Sub(b.start); done > 1 && elapsed > 0 {
		left := elapsed / time.Duration(done-1) * time.Duration(expected-done)
		fmt.Fprintf(b.w, ", %s left", roughDuration(left))
	}
	fmt.Fprint(b.w, "\033[K")
	b.drawn = true
}

// team says the sync has gone on to the team's backlog (pmfolio next), and
// how many of its issues are read: the bar of pages stood full meanwhile.
func (b *progressBar) team(issues int) {
	fmt.Fprintf(b.w, "\r%s: reading the team's backlog, %d issues\033[K", b.label, issues)
	b.drawn = true
}

// roughDuration says a wait the way a person would: "about 40 s", "about
// 3 min".
func roughDuration(d time.Duration) string {
	switch {
	case d < time.Second:
		return "under a second"
	case d < 90*time.Second:
		return fmt.Sprintf("about %d s", int(d.Round(time.Second)/time.Second))
	default:
		return fmt.Sprintf("about %d min", int(d.Round(time.Minute)/time.Minute))
	}
}

// done erases the bar so the summary starts on a clean line.
func (b *progressBar) done() {
	if b.drawn {
		fmt.Fprint(b.w, "\r\033[K")
		b.drawn = false
	}
}
