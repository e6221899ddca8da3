package main

import (
	"fmt"
	"io"
	"strings"
)

// progressBar draws one self-erasing line on a terminal. Callers create it
// only when the output is a TTY, so logs and cron mail never see it.
type progressBar struct {
	w     io.Writer
	label string
	drawn bool
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

// done erases the bar so the summary starts on a clean line.
func (b *progressBar) done() {
	if b.drawn {
		fmt.Fprint(b.w, "\r\033[K")
		b.drawn = false
	}
}
