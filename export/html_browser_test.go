package export

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// chromiumPath is where Debian's chromium package puts the browser; .ci/run
// installs it. The test installs nothing itself.
const chromiumPath = "/usr/bin/chromium"

// chromium runs the browser headless on a page with flags that keep it from
// reaching the network on its own (updates, sync, field trials), from
// needing a sandbox, which containers and CI runners as root do not have,
// and from relying on a large /dev/shm, which containers often lack.
func chromium(t *testing.T, page string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	all := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
		"--user-data-dir=" + t.TempDir(),
	}, args...)
	all = append(all, "file://"+page)
	cmd := exec.CommandContext(ctx, chromiumPath, all...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

// TestHTMLInABrowser loads the page in a real browser, checks that the
// chart is in the DOM after load and that a screenshot of the top of the
// page shows it.
func TestHTMLInABrowser(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("no browser at %s (on Debian: apt-get install chromium; .ci/run does this): %v", chromiumPath, err)
	}
	if testing.Short() {
		t.Skip("starts a browser; skipped with -short")
	}
	p := typicalPortfolio()
	var buf bytes.Buffer
	if err := HTML(&buf, p); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "portfolio.html")
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	dom := string(chromium(t, page, "--dump-dom"))
	want := strings.Count(buf.String(), `<rect class="bar"`)
	if !strings.Contains(dom, `<svg viewBox="0 0 900 300" role="img"`) {
		t.Fatalf("the chart's svg is not in the DOM after load:\n%.2000s", dom)
	}
	if got := strings.Count(dom, `<rect class="bar"`); want == 0 || got != want {
		t.Errorf("%d bars in the DOM, %d in the page", got, want)
	}
	if strings.Contains(dom, "<script") {
		t.Error("the DOM holds a script")
	}

	shot := filepath.Join(dir, "shot.png")
	chromium(t, page, "--screenshot="+shot, "--window-size=1200,2000", "--hide-scrollbars")
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 2000 {
		t.Errorf("screenshot is %dx%d, want 1200x2000", b.Dx(), b.Dy())
	}
	// A blank or unstyled page has a handful of colours; the chart's bars
	// are solid areas in the categories' colours.
	colors, palette := screenshotColors(img)
	if colors < 50 {
		t.Errorf("screenshot has %d colours: the page did not render", colors)
	}
	if palette < 8 {
		t.Errorf("screenshot shows %d of the chart's colours, want the bars of most categories", palette)
	}
}

// screenshotColors counts the distinct colours of img and how many of the
// chart's category colours fill at least a small area of it.
func screenshotColors(img image.Image) (distinct, palette int) {
	seen := make(map[color.RGBA]int)
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), 255}]++
		}
	}
	for _, hex := range categoryColors {
		rgb, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
		if err != nil {
			panic(err)
		}
		if seen[color.RGBA{uint8(rgb >> 16), uint8(rgb >> 8), uint8(rgb), 255}] >= 100 {
			palette++
		}
	}
	return len(seen), palette
}
