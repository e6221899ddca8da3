package export

import (
	"bufio"
	"html"
	"math"
	"strconv"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// Chart geometry in SVG user units. The SVG scales to the width of the
// page up to a maximum (portfolio.css); its width is that of a phone's
// screen, so that its 12-unit text is never drawn smaller than 11 px on a
// 375 px screen, and at most about 17 px on a wide one.
const (
	chartWidth  = 340
	chartHeight = 210
	chartLeft   = 30 // room for the y-axis labels
	chartRight  = 4
	chartTop    = 10
	chartBottom = 36 // room for the month and year labels
	// chartLabels is about how many month labels fit under the bars.
	chartLabels = 9
	chartMaxBar = 24
)

// categoryColors are the built-in categories' colours, in taxonomy order
// (the order a bar stacks them in): twelve hues, no two alike, where
// Tableau's pairs of a hue (dark and light blue, orange, green…) read as
// six. Picked from Okabe-Ito's, Tol's, Kelly's and D3's palettes for the
// least difference between any two (CIEDE2000 at least 19), each at least
// 2:1 against a white page and 3:1 against a dark one, so that none fades
// into either; the largest kinds of work (backlog grooming,
// prioritization, sprint and release planning) have the most distinct.
var categoryColors = []string{
	"#0072b2", // Story writing: blue
	"#f6a600", // Backlog grooming: amber
	"#117733", // Prioritization: green
	"#d62728", // Sprint planning: red
	"#8e63b5", // Release planning: purple
	"#bcbd22", // Stakeholder communication: olive
	"#56b4e9", // Unblocking others: sky blue
	"#9c755f", // Cross-team coordination: brown
	"#e07bb5", // Decision-making: pink
	"#44aa99", // Epic ownership: teal
	"#b3446c", // Acceptance testing: raspberry
	"#f99379", // Incident coordination: salmon
}

// userCategoryColors are for the user's own categories, in turn.
var userCategoryColors = []string{"#79706e", "#bab0ac", "#4b4b4b", "#d7d2cf"}

// colors returns the colour of each group, indexed like view.groups.
func (v *view) colors() []string {
	out := make([]string, len(v.groups))
	user := 0
	for i, g := range v.groups {
		idx := -1
		for j, c := range evidence.Categories {
			if c.ID == g.category.ID {
				idx = j
				break
			}
		}
		if idx >= 0 && idx < len(categoryColors) {
			out[i] = categoryColors[idx]
			continue
		}
		out[i] = userCategoryColors[user%len(userCategoryColors)]
		user++
	}
	return out
}

// writeChart writes a figure with a stacked bar chart of the evidence per
// month by category, and its legend. Every text in it that is not the
// export's own (category titles from a user's rules file) is escaped, so it
// cannot close the SVG's title or open an element. Each bar segment has a
// title, which browsers show on hover and screen readers read; the
// timeline table below holds the same numbers as text.
func writeChart(w *bufio.Writer, r *report) {
	months := r.timeline()
	if len(months) == 0 || len(r.items) == 0 {
		return
	}
	colors := r.colors()
	peak, busiest := 0, 0
	for i, m := range months {
		if m.total > peak {
			peak, busiest = m.total, i
		}
	}
	step, top := chartScale(peak)

	plotW := float64(chartWidth - chartLeft - chartRight)
	plotH := float64(chartHeight - chartTop - chartBottom)
	band := plotW / float64(len(months))
	// Bars fill most of their month, up to a width that still reads as a
	// bar when a short period has only a few.
	barW := min(band*0.72, chartMaxBar)
	y := func(n int) float64 { return chartTop + plotH - plotH*float64(n)/float64(top) }

	first, last := months[0].start.Format("January 2006"), months[len(months)-1].start.Format("January 2006")
	w.WriteString(`<figure class="chart">` + "\n")
	w.WriteString("<figcaption><strong>PM activity per month</strong>: evidence items by kind of work, " +
		monthSpan(months[0].start, months[len(months)-1].start) + "</figcaption>\n")
	w.WriteString(`<svg viewBox="0 0 ` + strconv.Itoa(chartWidth) + " " + strconv.Itoa(chartHeight) +
		`" role="img" aria-labelledby="chart-title chart-desc">` + "\n")
	w.WriteString(`<title id="chart-title">PM activity per month by category</title>` + "\n")
	w.WriteString(`<desc id="chart-desc">Evidence items per month from ` + first + " to " + last +
		", stacked by category. The busiest month is " + months[busiest].start.Format("January 2006") +
		" with " + quantity(peak, "item", "items") + ".</desc>\n")

	// Grid lines and their labels.
	w.WriteString(`<g class="grid">` + "\n")
	for n := 0; n <= top; n += step {
		yy := num(y(n))
		w.WriteString(`<line x1="` + num(chartLeft) + `" x2="` + num(chartWidth-chartRight) + `" y1="` + yy + `" y2="` + yy + `"/>`)
		w.WriteString(`<text x="` + num(chartLeft-6) + `" y="` + yy + `" dy="0.32em" text-anchor="end">` + strconv.Itoa(n) + "</text>\n")
	}
	w.WriteString("</g>\n")

	// One stack per month, categories bottom-up in taxonomy order.
	every := (len(months) + chartLabels - 1) / chartLabels
	w.WriteString(`<g class="bars">` + "\n")
	for i, m := range months {
		x := chartLeft + band*float64(i) + (band-barW)/2
		label := r.monthLabel(m)
		class := "bar"
		if partial, _ := r.partialMonth(m); partial {
			class = "bar partial"
		}
		stacked := 0
		for gi, n := range m.counts {
			if n == 0 {
				continue
			}
			y0, y1 := y(stacked+n), y(stacked)
			stacked += n
			w.WriteString(`<rect class="` + class + `" x="` + num(x) + `" y="` + num(y0) + `" width="` + num(barW) +
				`" height="` + num(y1-y0) + `" fill="` + colors[gi] + `"><title>` + label + " · " +
				html.EscapeString(evidence.OneLine(r.groups[gi].category.Title)) + ": " + quantity(n, "item", "items") + "</title></rect>\n")
		}
	}
	w.WriteString("</g>\n")

	// Month labels under the bars, a rule where a year starts, and the
	// year under the first month labelled in it: labelled every other
	// month, a year could start on a month with no label, and its year
	// went unsaid.
	w.WriteString(`<g class="axis">` + "\n")
	year := 0
	for i, m := range months {
		if i > 0 && m.start.Month() == time.January {
			x := num(chartLeft + band*float64(i))
			w.WriteString(`<line class="year-start" x1="` + x + `" x2="` + x + `" y1="` + num(chartTop) + `" y2="` + num(chartHeight-chartBottom+31) + `"/>` + "\n")
		}
		if i%every != 0 {
			continue
		}
		cx := num(chartLeft + band*(float64(i)+0.5))
		label := m.start.Format("Jan")
		if partial, _ := r.partialMonth(m); partial {
			label += "*"
		}
		w.WriteString(`<text x="` + cx + `" y="` + num(chartHeight-chartBottom+14) + `" text-anchor="middle">` + label + "</text>")
		if m.start.Year() != year {
			year = m.start.Year()
			w.WriteString(`<text class="year" x="` + cx + `" y="` + num(chartHeight-chartBottom+29) + `" text-anchor="middle">` + m.start.Format("2006") + "</text>")
		}
		w.WriteByte('\n')
	}
	w.WriteString("</g>\n</svg>\n")

	if partial, until := r.partialMonth(months[len(months)-1]); partial {
		w.WriteString(`<p class="partial-note">* ` + until.Format("January") + " is partial: the period ends on " + dateOnly(until) + ".</p>\n")
	}
	// A swatch is drawn as the bars are, so that a browser's dark mode,
	// which recolours a chart's shapes but not a box's background, gives
	// both the same colour.
	w.WriteString(`<ul class="legend">` + "\n")
	for gi, g := range r.groups {
		w.WriteString(`<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill="` + colors[gi] + `"/></svg>` +
			html.EscapeString(evidence.OneLine(g.category.Title)) + ` <span class="count">` + strconv.Itoa(len(g.items)) + "</span></li>\n")
	}
	w.WriteString("</ul>\n</figure>\n")
}

// chartScale returns the step between grid lines and the top of the
// y-axis for a peak value: a step of 1, 2 or 5 times a power of ten that
// gives at most five steps, and the first multiple of it at or above the
// peak.
func chartScale(peak int) (step, top int) {
	peak = max(peak, 1)
	raw := float64(peak) / 5
	magnitude := math.Pow(10, math.Floor(math.Log10(raw)))
	step = int(magnitude)
	for _, f := range []float64{1, 2, 5, 10} {
		if s := f * magnitude; s >= raw {
			step = int(math.Max(1, s))
			break
		}
	}
	top = (peak + step - 1) / step * step
	return step, top
}

// num formats a coordinate with one decimal, so that the output is the
// same on every platform.
func num(f float64) string {
	return strconv.FormatFloat(f, 'f', 1, 64)
}
