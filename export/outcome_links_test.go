package export

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestWriteEscapedLinks(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"a URL ends before the full stop", "Dashboard: https://grafana.acme.example/d/refunds.", "Dashboard: <https://grafana.acme.example/d/refunds>."},
		{"a bracket that opens none in the URL is the sentence's",
			"(see https://wiki.example/Refunds_(2026)), done", "(see <https://wiki.example/Refunds_(2026)>), done"},
		{"a query is kept whole", "at https://grafana.example/d/x?orgId=1&from=now-30d;", "at <https://grafana.example/d/x?orgId=1&from=now-30d>;"},
		{"a quotation mark ends it", "“https://x.example/a”", "“<https://x.example/a>”"},
		{"an angle bracket ends it", "https://x.example/<script>", `<https://x.example/>\<script\>`},
		{"upper-case scheme", "HTTPS://X.EXAMPLE/A", "<HTTPS://X.EXAMPLE/A>"},
		{"two addresses", "https://a.example and http://b.example/c", "<https://a.example> and <http://b.example/c>"},
		{"a URL cut short stays text", "report: https://wiki.example/pa…", `report: https\://wiki.example/pa…`},
		{"no host stays text", "https:// is the scheme", `https\:// is the scheme`},
		{"javascript is never linked", "javascript:alert(1) and javascript://%0Aalert(1)", `javascript:alert(1) and javascript\://%0Aalert(1)`},
		{"other schemes stay text", "ftp://files.example/a and data:text/html,x", `ftp\://files.example/a and data:text/html,x`},
		{"text around is escaped", "*62%* of refunds, see https://x.example/a_b_c", `\*62%\* of refunds, see <https://x.example/a_b_c>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := written(writeEscapedLinks, tt.in); got != tt.want {
				t.Errorf("writeEscapedLinks(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// dashboardURL is where the refunds epic's closing comment says its
// result shows; its "&" must reach a browser as one.
const dashboardURL = "https://grafana.acme.example/d/refunds?orgId=1&from=now-30d"

// linkedOutcomePortfolio is typicalPortfolio whose refunds epic closes
// with a comment that points to its dashboard, and also names addresses
// no reader should be sent to.
func linkedOutcomePortfolio() evidence.Portfolio {
	p := typicalPortfolio()
	p.Epics[1].Comments[1].Text = "Closing the epic: 62% of refunds were self-served in the first month (dashboard: " + dashboardURL +
		"), support tickets down 30%. Not links: javascript:alert(1), javascript://%0Aalert(2)."
	return p
}

// A URL in a quoted outcome is a link a reader can follow in every
// format; a javascript: URL next to it is only text.
func TestAnOutcomeLinksTheAddressItQuotes(t *testing.T) {
	p := linkedOutcomePortfolio()
	for _, full := range []bool{false, true} {
		md := render(t, func(w io.Writer, p evidence.Portfolio) error { return Markdown(w, p, Options{Full: full}) }, p)
		if !strings.Contains(md, "(dashboard: <"+dashboardURL+">), support tickets down 30%.") {
			t.Errorf("full=%v: the Markdown outcome does not link the dashboard:\n%s", full, md)
		}
		d := parseMarkdownText(md)
		var links []string
		_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if a, ok := n.(*ast.AutoLink); ok && entering {
				links = append(links, string(a.URL(d.src)))
			}
			return ast.WalkContinue, nil
		})
		if len(links) != 1 || links[0] != dashboardURL {
			t.Errorf("full=%v: the Markdown's web addresses that are links = %q, want the dashboard only", full, links)
		}

		page := render(t, func(w io.Writer, p evidence.Portfolio) error { return HTML(w, p, Options{Full: full}) }, p)
		escaped := strings.ReplaceAll(dashboardURL, "&", "&amp;")
		if want := `(dashboard: <a href="` + escaped + `">` + escaped + `</a>), support tickets down 30%.`; !strings.Contains(page, want) {
			t.Errorf("full=%v: the page does not link the dashboard; want %s in\n%s", full, want, page)
		}
		if !strings.Contains(page, "Not links: javascript:alert(1), javascript://%0Aalert(2).") {
			t.Errorf("full=%v: the page does not show the javascript: addresses as text", full)
		}
		for _, problem := range htmlProblems(page) {
			if problem != `attribute href="`+escaped+`" on <a> is not one the export writes` {
				t.Errorf("full=%v: %s", full, problem)
			}
		}

		var pdf bytes.Buffer
		if err := PDF(&pdf, p, Options{Full: full}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(pdf.Bytes(), []byte("/URI ("+dashboardURL+")")) {
			t.Errorf("full=%v: the PDF has no link annotation to the dashboard", full)
		}
		if bytes.Contains(bytes.ToLower(pdf.Bytes()), []byte("/uri (javascript")) {
			t.Errorf("full=%v: the PDF links a javascript: address", full)
		}
		text := strings.ReplaceAll(mustPDFText(t, pdf.Bytes()), "\n", "")
		if !strings.Contains(text, "(dashboard: "+dashboardURL+"), support tickets") {
			t.Errorf("full=%v: the PDF does not print the dashboard's address whole:\n%s", full, text)
		}
	}
}

// A story's Result links the outcome's address as the portfolio does.
func TestAStoryLinksTheAddressItsResultQuotes(t *testing.T) {
	var out bytes.Buffer
	if err := Stories(&out, linkedOutcomePortfolio(), StoryOptions{Top: -1}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "(dashboard: <"+dashboardURL+">), support tickets down 30%.") {
		t.Errorf("the story's Result does not link the dashboard:\n%s", out.String())
	}
}

// The user's own outcome links its addresses as a comment's does.
func TestTheUsersOwnOutcomeLinksItsAddress(t *testing.T) {
	p := typicalPortfolio()
	p.Epics[1].Outcome = dashboardURL + " shows 62% of refunds self-served in the first month."
	md := render(t, func(w io.Writer, p evidence.Portfolio) error { return Markdown(w, p, Options{}) }, p)
	if !strings.Contains(md, "**Outcome.** <"+dashboardURL+"> shows 62% of refunds") {
		t.Errorf("the outcome does not link the address as written (not \"Https\"):\n%s", md)
	}
}

// A web address that ends the line in the PDF keeps the punctuation
// after it, and one too long for what is left of a line breaks after a
// "/", "?" or "&", not inside a word: addresses of every length put the
// link at every place of the line.
func TestPDFBreaksAWebAddressWhereAReaderExpects(t *testing.T) {
	for n := 1; n <= 60; n++ {
		p := typicalPortfolio()
		u := "https://wiki.acme.example/spaces/PAY/pages/" + strings.Repeat("x", n) + "/Refunds-retro?from=now-30d&panel=2"
		p.Epics[1].Comments[1].Text = "Closing the epic: 62% of refunds were self-served in the first month, support tickets down 30%; the retro is at " + u + "."
		var pdf bytes.Buffer
		if err := PDF(&pdf, p, Options{}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(mustPDFText(t, pdf.Bytes()), "\n")
		found := false
		for i, line := range lines {
			line = strings.TrimSpace(line)
			if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "”") {
				t.Fatalf("n=%d: a line begins with the punctuation after the address: %q", n, line)
			}
			if !strings.Contains(line, "https://wiki") {
				continue
			}
			found = true
			whole := line
			for j := i + 1; !strings.Contains(whole, "panel=2") && j < len(lines); j++ {
				last := whole[len(whole)-1]
				if !strings.ContainsRune("/?&", rune(last)) {
					t.Fatalf("n=%d: the address breaks after %q, not after a /, ? or &:\n%s\n%s", n, last, line, lines[j])
				}
				whole += strings.TrimSpace(lines[j])
			}
			if !strings.Contains(whole, u+".”") {
				t.Fatalf("n=%d: the address is not printed whole: %q", n, whole)
			}
		}
		if !found {
			t.Fatalf("n=%d: the brief does not quote the outcome; the test must pick one it shows", n)
		}
	}
}

// The result a headline or a résumé bullet quotes is what changed, never
// the address it shows at, whose digits are no result.
func TestAResultQuoteLeavesWebAddressesOut(t *testing.T) {
	for text, want := range map[string]string{
		"SLOs live for all 8 tier-1 services (we started with 1): https://wiki.example/pages/2147483647/SLO. Policy agreed.": "SLOs live for all 8 tier-1 services (we started with 1)",
		"Pages down from 42 to 13 (dashboard: https://grafana.example/d/1?from=now-90d), no incident missed.":                "Pages down from 42 to 13",
		"See https://wiki.example/2026/retro for details; 40% fewer pages.":                                                  "40% fewer pages",
		"Everything shipped: https://wiki.example/2026/retro":                                                                "",
	} {
		in := initiative{outcome: initiativeOutcome{Text: text}}
		if got := resultQuote([]initiative{in}); got != want {
			t.Errorf("resultQuote(%q) = %q, want %q", text, got, want)
		}
	}
}
