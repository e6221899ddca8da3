package export

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Each year of the period is named under the chart, under the first
// month labelled in it, and a rule marks where it starts: labelled every
// other month, a period from December had "2025" under December and no
// year under any month of the next.
func TestTheChartNamesEveryYear(t *testing.T) {
	for _, since := range []time.Time{
		time.Date(2025, 11, 22, 0, 0, 0, 0, time.UTC), // January is labelled
		time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC),  // January is not
	} {
		p := typicalPortfolio()
		p.Period.Since = since
		chart := render(t, htmlFull, p)
		var years []string
		for _, m := range regexp.MustCompile(`<text class="year" [^>]*>(\d{4})</text>`).FindAllStringSubmatch(chart, -1) {
			years = append(years, m[1])
		}
		if want := []string{"2025", "2026"}; !slices.Equal(years, want) {
			t.Errorf("from %s: the years under the chart are %q, want %q", dateOnly(since), years, want)
		}
		if n := strings.Count(chart, `<line class="year-start"`); n != 1 {
			t.Errorf("from %s: %d rules where a year starts, want 1", dateOnly(since), n)
		}
	}
}

// The twelve categories' colours are told apart: no two alike (a
// CIEDE2000 difference of at least 19; Tableau's pairs of a hue were 13
// apart), and each stands out against a white page (2:1) and a dark one
// (3:1).
func TestTheChartsColoursAreToldApart(t *testing.T) {
	if len(categoryColors) != 12 {
		t.Fatalf("%d colours for 12 categories", len(categoryColors))
	}
	lab := make([][3]float64, len(categoryColors))
	for i, c := range categoryColors {
		var lum float64
		lab[i], lum = hexToLab(t, c)
		if white := 1.05 / (lum + 0.05); white < 2 {
			t.Errorf("%s: %.1f:1 against white, want at least 2:1", c, white)
		}
		if black := (lum + 0.05) / (relativeLuminance(t, "#121212") + 0.05); black < 3 {
			t.Errorf("%s: %.1f:1 against a dark page, want at least 3:1", c, black)
		}
	}
	for i := range lab {
		for j := i + 1; j < len(lab); j++ {
			if d := ciede2000(lab[i], lab[j]); d < 19 {
				t.Errorf("%s and %s differ by %.1f, want at least 19", categoryColors[i], categoryColors[j], d)
			}
		}
	}
}

// relativeLuminance is a colour's luminance as WCAG's contrast uses it.
func relativeLuminance(t *testing.T, hex string) float64 {
	_, lum := hexToLab(t, hex)
	return lum
}

// hexToLab converts an sRGB colour to CIELAB (D65) and gives its relative
// luminance.
func hexToLab(t *testing.T, hex string) ([3]float64, float64) {
	t.Helper()
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		t.Fatalf("bad colour %q", hex)
	}
	linear := func(c uint64) float64 {
		s := float64(c) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	r, g, b := linear(v>>16), linear(v>>8&0xff), linear(v&0xff)
	x := (0.4124*r + 0.3576*g + 0.1805*b) / 0.95047
	y := 0.2126*r + 0.7152*g + 0.0722*b
	z := (0.0193*r + 0.1192*g + 0.9505*b) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}, y
}

// ciede2000 is the CIEDE2000 colour difference of two CIELAB colours.
func ciede2000(c1, c2 [3]float64) float64 {
	rad, deg := math.Pi/180, 180/math.Pi
	l1, a1, b1 := c1[0], c1[1], c1[2]
	l2, a2, b2 := c2[0], c2[1], c2[2]
	cBar := (math.Hypot(a1, b1) + math.Hypot(a2, b2)) / 2
	g := 0.5 * (1 - math.Sqrt(math.Pow(cBar, 7)/(math.Pow(cBar, 7)+math.Pow(25, 7))))
	a1p, a2p := (1+g)*a1, (1+g)*a2
	c1p, c2p := math.Hypot(a1p, b1), math.Hypot(a2p, b2)
	hue := func(b, a float64) float64 { return math.Mod(math.Atan2(b, a)*deg+360, 360) }
	h1p, h2p := hue(b1, a1p), hue(b2, a2p)
	dh := h2p - h1p
	switch {
	case c1p*c2p == 0:
		dh = 0
	case dh > 180:
		dh -= 360
	case dh < -180:
		dh += 360
	}
	dL, dC := l2-l1, c2p-c1p
	dH := 2 * math.Sqrt(c1p*c2p) * math.Sin(dh/2*rad)
	lBar, cBarP := (l1+l2)/2, (c1p+c2p)/2
	hBar := h1p + h2p
	switch {
	case c1p*c2p == 0:
	case math.Abs(h1p-h2p) <= 180:
		hBar /= 2
	case hBar < 360:
		hBar = (hBar + 360) / 2
	default:
		hBar = (hBar - 360) / 2
	}
	tt := 1 - 0.17*math.Cos((hBar-30)*rad) + 0.24*math.Cos(2*hBar*rad) + 0.32*math.Cos((3*hBar+6)*rad) - 0.2*math.Cos((4*hBar-63)*rad)
	dTheta := 30 * math.Exp(-math.Pow((hBar-275)/25, 2))
	rc := 2 * math.Sqrt(math.Pow(cBarP, 7)/(math.Pow(cBarP, 7)+math.Pow(25, 7)))
	sl := 1 + 0.015*math.Pow(lBar-50, 2)/math.Sqrt(20+math.Pow(lBar-50, 2))
	sc, sh := 1+0.045*cBarP, 1+0.015*cBarP*tt
	rt := -math.Sin(2*dTheta*rad) * rc
	return math.Sqrt(math.Pow(dL/sl, 2) + math.Pow(dC/sc, 2) + math.Pow(dH/sh, 2) + rt*(dC/sc)*(dH/sh))
}
