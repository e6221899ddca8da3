package main

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
)

// withDemo returns a cli whose database is that of a demo of 80 issues
// shared by the tests, which only read it, and the demo's directory.
func withDemo(t *testing.T) (cli, string) {
	t.Helper()
	dir := sharedDemoOf(t, "--issues", "80").dir
	env := isolatedEnv(t)
	env["PMFOLIO_DB"] = filepath.Join(dir, "pmfolio.db")
	return cli{env: env}, dir
}

func TestDemoWritesHTMLAndPrintsBullets(t *testing.T) {
	_, dir := withDemo(t)
	page, err := os.ReadFile(filepath.Join(dir, "portfolio.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", "<h2>Initiatives</h2>", "<strong>Outcome.</strong>"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("portfolio.html lacks %q", want)
		}
	}
	r := sharedDemoOf(t, "--issues", "40")
	// The summary, then the bullets, then where everything is; the line
	// that shows the rest of next reads the demo's database.
	got := regexp.MustCompile(`(?s)\d+ evidence items in \d+ categor(y|ies)\n\nTop résumé bullets \(pmfolio bullets\):\n((- [^\n]+\n){1,3})\nPM work your team needs next \(pmfolio next\):\n(Work that builds [^\n]+\n([^\n]+\n)*\n)?( *\d+\. [^\n]+\n( {6,}[^\n]+\n)* {4}do: +[^\n]+\n( {4}[^\n]+\n)* {4}link: +\S+\n){1,3}\n\d+ more issues?: pmfolio --db \S+pmfolio\.db next --all\n\nPortfolio: \S+portfolio\.md \(two-page brief; add --full for every item\)\nPDF:       \S+portfolio\.pdf\nWeb page:  \S+portfolio\.html\nDatabase:  `).FindStringSubmatch(r.out)
	if got == nil {
		t.Fatalf("demo output is not summary, bullets, files:\n%s", r.out)
	}
}

func TestExportFormats(t *testing.T) {
	c, _ := withDemo(t)
	out := t.TempDir()
	tests := []struct {
		args []string
		file string
		want string
	}{
		{[]string{"export", "--format", "html", "-o", filepath.Join(out, "a.out")}, "a.out", "<!DOCTYPE html>"},
		{[]string{"export", "-o", filepath.Join(out, "b.html")}, "b.html", "<!DOCTYPE html>"},
		{[]string{"export", "-o", filepath.Join(out, "c.json")}, "c.json", `"schema_version": 1`},
		{[]string{"export", "-o", filepath.Join(out, "d.md")}, "d.md", "# Maya Lindqvist\n\nProduct-management portfolio · "},
		{[]string{"export", "--format", "markdown", "-o", filepath.Join(out, "e.markdown.txt.md")}, "e.markdown.txt.md", "# Maya Lindqvist\n\nProduct-management portfolio · "},
		{[]string{"stories", "-o", filepath.Join(out, "s.json")}, "s.json", `"stories"`},
		{[]string{"bullets", "-o", filepath.Join(out, "b.txt")}, "b.txt", "- "},
		{[]string{"stories", "-o", filepath.Join(out, "f.md")}, "f.md", "# Interview stories"},
		{[]string{"export", "-o", filepath.Join(out, "g.pdf")}, "g.pdf", "%PDF-"},
		{[]string{"export", "--format", "pdf", "-o", filepath.Join(out, "h.out")}, "h.out", "%PDF-"},
		{[]string{"export", "--full", "-o", filepath.Join(out, "i.md")}, "i.md", "## Appendix: all evidence"},
		{[]string{"bullets", "-o", filepath.Join(out, "j.json")}, "j.json", `"evidence_ids"`},
	}
	for _, tt := range tests {
		if r := c.run(t, tt.args...); r.code != 0 || r.out != "" {
			t.Fatalf("%q: exit %d, out %q, err %s", tt.args, r.code, r.out, r.errOut)
		}
		data, err := os.ReadFile(filepath.Join(out, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), tt.want) && !strings.Contains(string(data), tt.want) {
			t.Errorf("%q wrote %.80q, want %q", tt.args, data, tt.want)
		}
	}
}

// -o means the same in every command (interface.md): a known extension
// picks the format, an extension the command cannot write is refused, a
// --format that contradicts the extension is refused rather than written
// under a lying name, and "-o -" is standard output. A path that cannot be
// written is named, not the temporary file behind it.
func TestOutputFlagMeansTheSameEverywhere(t *testing.T) {
	c, _ := withDemo(t)
	out := t.TempDir()
	for _, tt := range []struct {
		args []string
		want string // in the error
	}{
		{[]string{"bullets", "-o", filepath.Join(out, "b.pdf")}, `cannot tell the format of`},
		{[]string{"stories", "-o", filepath.Join(out, "s.xyz")}, `use .md or .json, or give --format`},
		{[]string{"stories", "-o", filepath.Join(out, "s.pdf")}, `cannot tell the format of`},
		{[]string{"export", "--format", "json", "-o", filepath.Join(out, "x.md")}, `is a .md file but --format is json`},
		{[]string{"bullets", "--format", "text", "-o", filepath.Join(out, "b.pdf")}, `is a .pdf file but --format is text`},
		{[]string{"export", "-o", out}, "cannot write " + out + ": it is a folder"},
		{[]string{"export", "-o", filepath.Join(out, "nope", "p.md")}, "the folder " + filepath.Join(out, "nope") + " does not exist"},
	} {
		r := c.run(t, tt.args...)
		if r.code != exitUsage && !strings.Contains(tt.want, "does not exist") || !strings.Contains(r.errOut, tt.want) || strings.Contains(r.errOut, ".tmp") {
			t.Errorf("%q: exit %d, stderr %q; want %q", tt.args, r.code, r.errOut, tt.want)
		}
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 0 {
		t.Errorf("refused commands left files: %v", entries)
	}
	for _, cmd := range [][]string{{"bullets", "-o", "-"}, {"stories", "-o", "-", "--top", "1"}} {
		if r := c.run(t, cmd...); r.code != 0 || r.out == "" {
			t.Errorf("%q: exit %d, nothing on standard output: %s", cmd, r.code, r.errOut)
		}
		if _, err := os.Stat("-"); err == nil {
			os.Remove("-")
			t.Errorf("%q wrote a file named -", cmd)
		}
	}
}

func TestBulletsAndStoriesCommands(t *testing.T) {
	c, _ := withDemo(t)
	r := c.run(t, "bullets", "--top", "2")
	if r.code != 0 || len(strings.Split(strings.TrimSpace(r.out), "\n")) != 2 || !strings.HasPrefix(r.out, "- ") {
		t.Errorf("bullets --top 2: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
	// The default is the top five; a count with nothing come of it gives
	// its slot to nothing, so there may be fewer.
	r = c.run(t, "bullets")
	if n := strings.Count(r.out, "\n- ") + 1; r.code != 0 || n < 3 || n > 5 || r.out != c.run(t, "bullets", "--top", "5").out {
		t.Errorf("bullets: %d lines, want the 3 to 5 of --top 5\n%s", n, r.out)
	}
	r = c.run(t, "stories", "--top", "2")
	if r.code != 0 || strings.Count(r.out, "\n## ") != 2 || !strings.Contains(r.out, "**Situation.**") {
		t.Errorf("stories --top 2: exit %d\n%s%s", r.code, r.out, r.errOut)
	}
	r = c.run(t, "stories", "--format", "json", "--top", "1")
	var doc struct {
		Stories []struct {
			Actions []struct {
				IssueURL string `json:"issue_url"`
			} `json:"actions"`
		} `json:"stories"`
	}
	if err := json.Unmarshal([]byte(r.out), &doc); err != nil || len(doc.Stories) != 1 || len(doc.Stories[0].Actions) == 0 ||
		!strings.Contains(doc.Stories[0].Actions[0].IssueURL, "/browse/") {
		t.Errorf("stories --format json: %v\n%s", err, r.out)
	}
	// A period with nothing in it: no bullets, a story file that says why.
	r = c.run(t, "bullets", "--since", "2010-01-01", "--until", "2010-12-31")
	if r.code != 0 || r.out != "" {
		t.Errorf("bullets of an empty period: exit %d, %q", r.code, r.out)
	}
	r = c.run(t, "stories", "--since", "2010-01-01", "--until", "2010-12-31")
	if r.code != 0 || !strings.Contains(r.out, "No stories yet") {
		t.Errorf("stories of an empty period: exit %d, %q", r.code, r.out)
	}
}

func TestExportCommandsUsageErrors(t *testing.T) {
	c, _ := withDemo(t)
	terms := filepath.Join(t.TempDir(), "terms.txt")
	if err := os.WriteFile(terms, []byte("x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"export", "--format", "docx"}, "unknown format"},
		{[]string{"export", "-o", filepath.Join(t.TempDir(), "p.docx")}, "cannot tell the format"},
		{[]string{"bullets", "--format", "json", "--explain"}, "--explain is for text"},
		{[]string{"evidence", "add", "--date", "2099-01-01", "--category", "prioritization", "--description", "x"}, "is in the future"},
		{[]string{"outcome", "NOPE-1", "x"}, "no synced issue NOPE-1"},
		{[]string{"outcome", "NOPE-1"}, "accepts 2 arg"},
		{[]string{"bullets", "--top", "0"}, "--top must be at least 1"},
		{[]string{"stories", "--top", "-1"}, "--top must be at least 1"},
		{[]string{"stories", "--format", "yaml"}, "unknown format"},
		{[]string{"bullets", "--since", "yesterday"}, "is not a date"},
		{[]string{"stories", "--until", "2026-13-01"}, "is not a date"},
		{[]string{"export", "--redact=" + filepath.Join(t.TempDir(), "missing.txt")}, "cannot read the redaction terms"},
		{[]string{"bullets", "--redact", terms}, "give --redact its file with '='"},
		{[]string{"stories", "extra"}, "unknown command"},
	}
	for _, tt := range tests {
		r := c.run(t, tt.args...)
		if r.code != exitUsage || !strings.HasPrefix(r.errOut, "pmfolio: ") || !strings.Contains(r.errOut, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d mentioning %q", tt.args, r.code, r.errOut, exitUsage, tt.want)
		}
	}
}

// demoOriginals lists what a redacted export of the demo database must not
// show, read from the database itself: people, project keys and names,
// issue keys, the site's name and address, and the listed terms.
func demoOriginals(t *testing.T, db string, terms []string) (names, projects, keys []string) {
	t.Helper()
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	p, err := store.Portfolio(context.Background(), evidence.Filter{}, testNow)
	if err != nil {
		t.Fatal(err)
	}
	names = append(names, terms...)
	names = append(names, p.People...)
	for _, person := range p.People {
		if f := strings.Fields(person); len(f) == 2 { // "Maya Lindqvist": both names alone too
			names = append(names, f...)
		}
	}
	for _, s := range p.Sites {
		names = append(names, s.Name, strings.TrimPrefix(s.URL, "http://"), s.User.ID)
	}
	for _, pr := range p.Projects {
		keys = append(keys, pr.Key)
		projects = append(projects, pr.Name)
	}
	for _, e := range p.Evidence {
		keys = append(keys, e.IssueKey)
	}
	slices.Sort(keys)
	return names, projects, slices.Compact(keys)
}

func TestRedactedOutputOfEveryCommandShowsNoOriginal(t *testing.T) {
	c, dir := withDemo(t)
	terms := filepath.Join(t.TempDir(), "terms.txt")
	listed := []string{"Larkspur", "webhook-dispatcher", "payments-api", "eu-central-1"}
	if err := os.WriteFile(terms, []byte("# services and the company\n\n"+strings.Join(listed, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	names, projects, keys := demoOriginals(t, filepath.Join(dir, "pmfolio.db"), listed)
	issueKey := regexp.MustCompile(`\b[A-Z][A-Z0-9_]+-\d+\b`)

	for _, args := range [][]string{
		{"export"}, {"export", "--full"}, {"export", "--format", "html"}, {"export", "--format", "json"},
		{"bullets", "--top", "20"}, {"bullets", "--format", "json"}, {"stories", "--top", "20"}, {"stories", "--format", "json", "--top", "20"},
	} {
		plain := c.run(t, args...)
		r := c.run(t, append(args, "--redact="+terms)...)
		if r.code != 0 || plain.code != 0 {
			t.Fatalf("%q: exit %d %d: %s", args, plain.code, r.code, r.errOut)
		}
		for _, name := range names {
			if name != "" && regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])`+regexp.QuoteMeta(name)+`($|[^\p{L}\p{N}])`).MatchString(r.out) {
				t.Errorf("%q --redact shows %q", args, name)
			}
		}
		// A project's name is hidden as written ("Payments"), and the
		// word it is made of stays in a sentence ("payments").
		for _, name := range projects {
			if regexp.MustCompile(`(^|[^\p{L}\p{N}])` + regexp.QuoteMeta(name) + `($|[^\p{L}\p{N}])`).MatchString(r.out) {
				t.Errorf("%q --redact shows the project %q", args, name)
			}
		}
		// No ordinary word was replaced: every lower-case word of the
		// plain JSON export (whose texts are whole, not cut to fit) that
		// names nothing is in the redacted one too.
		hidden := map[string]bool{}
		for _, n := range append(slices.Clone(names), listed...) {
			for _, w := range regexp.MustCompile(`[\p{L}\p{N}]+`).FindAllString(strings.ToLower(n), -1) {
				hidden[w] = true
			}
		}
		noLinks := regexp.MustCompile(`\]\([^)]*\)|https?://\S+|href="[^"]*"|"(issue_url|url|link)": "[^"]*"|"links": \[[^\]]*\]`)
		redactedWords := map[string]bool{}
		for _, w := range regexp.MustCompile(`\b[a-z]{3,}\b`).FindAllString(noLinks.ReplaceAllString(r.out, ""), -1) {
			redactedWords[w] = true
		}
		for _, w := range regexp.MustCompile(`\b[a-z]{3,}\b`).FindAllString(noLinks.ReplaceAllString(plain.out, ""), -1) {
			if !slices.Equal(args, []string{"export", "--format", "json"}) {
				break
			}
			if !hidden[w] && !redactedWords[w] {
				t.Errorf("%q --redact replaced the ordinary word %q", args, w)
				redactedWords[w] = true // once per word
			}
		}
		for _, k := range issueKey.FindAllString(r.out, -1) {
			if _, found := slices.BinarySearch(keys, k); found || !strings.HasPrefix(k, "PROJ-") {
				t.Errorf("%q --redact shows the issue key %q", args, k)
			}
		}
		for _, k := range keys {
			if !strings.Contains(k, "-") && regexp.MustCompile(`\b`+k+`\b`).MatchString(r.out) {
				t.Errorf("%q --redact shows the project key %q", args, k)
			}
		}
		for _, s := range []string{"http://", "https://", "@larkspur", "/browse/"} {
			if strings.Contains(r.out, s) {
				t.Errorf("%q --redact shows %q", args, s)
			}
		}
		// The same data, the same length of output, give or take the
		// placeholders and the links, which redaction removes: it hides
		// names, it does not drop text. Measured against the plain output
		// without its links, since how much of it they are depends on the
		// data, not on redaction.
		if plainText := noLinks.ReplaceAllString(plain.out, ""); len(r.out) < len(plainText)/2 && args[0] != "bullets" { // bullets' JSON is mostly links
			t.Errorf("%q --redact wrote %d bytes, the plain one %d without its links", args, len(r.out), len(plainText))
		}
	}

	// --redact alone works, and the same data always gets the same
	// placeholders.
	first, again := c.run(t, "export", "--redact"), c.run(t, "export", "--redact")
	if first.code != 0 || first.out != again.out || !strings.Contains(first.out, "Names, projects, issue keys and sites redacted") ||
		!regexp.MustCompile(`\bPROJ-[A-Z]+-\d+\b`).MatchString(first.out) || strings.Contains(first.out, "Person 1") {
		t.Errorf("export --redact: exit %d, stable %v\n%.400s", first.code, first.out == again.out, first.out)
	}
	if off := c.run(t, "export", "--redact=false"); !strings.Contains(off.out, "Maya Lindqvist") {
		t.Error("--redact=false still redacts")
	}
	var doc struct {
		Evidence []struct {
			IssueURL string `json:"issue_url"`
		} `json:"evidence"`
	}
	if err := json.Unmarshal([]byte(c.run(t, "export", "--format", "json", "--redact").out), &doc); err != nil || len(doc.Evidence) == 0 {
		t.Fatal(err)
	}
	for _, e := range doc.Evidence {
		if e.IssueURL != "" {
			t.Fatalf("issue_url %q in a redacted export", e.IssueURL)
		}
	}
}

// A period with no evidence says so: bullets on stderr (stdout stays empty
// for scripts), and the export names a period that does not run backwards.
func TestAnEmptyPeriodSaysWhy(t *testing.T) {
	c := cli{env: demoDB(t)}
	r := c.run(t, "bullets", "--until", "2020-01-01")
	if r.code != 0 || r.out != "" || !strings.Contains(r.errOut, "No bullets: no evidence from 2020-01-01 to 2020-01-01") {
		t.Errorf("bullets before any work: exit %d, out %q, err %q", r.code, r.out, r.errOut)
	}
	r = c.run(t, "export", "--until", "2020-01-01")
	if r.code != 0 || !strings.Contains(r.out, "· January 2020\n") || strings.Contains(r.out, " to January 2020") {
		t.Errorf("export before any work names its period wrongly:\n%s", r.out)
	}
}

// --site narrows export, bullets and stories to one synced site, and a
// name that was never synced is refused rather than written up as nothing.
func TestPortfolioCommandsTakeSite(t *testing.T) {
	c := cli{env: demoDB(t)}
	all := c.run(t, "export", "--format", "json")
	one := c.run(t, "export", "--format", "json", "--site", "demo")
	if all.code != 0 || one.code != 0 || one.out != all.out {
		t.Errorf("--site demo on a one-site database: exit %d/%d, same export %v\n%s", all.code, one.code, one.out == all.out, one.errOut)
	}
	for _, cmd := range []string{"export", "bullets", "stories"} {
		r := c.run(t, cmd, "--site", "elsewhere")
		if r.code != exitUsage || r.out != "" || !strings.Contains(r.errOut, `no synced site named "elsewhere"`) || !strings.Contains(r.errOut, "synced sites: demo") {
			t.Errorf("%s --site elsewhere: exit %d, out %q, err %q", cmd, r.code, r.out, r.errOut)
		}
	}
}

// A PDF is bytes, not text: export refuses to pour one onto a terminal.
// next styles its table on a terminal, unless NO_COLOR says not to.
func TestTerminalOutputIsForPeople(t *testing.T) {
	c, _ := withDemo(t)
	runTTY := func(env map[string]string, args ...string) result {
		var out, errOut bytes.Buffer
		code := run(args, IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, OutTTY: true,
			Getenv: func(k string) string { return env[k] }, Now: func() time.Time { return testNow }, Signals: make(chan os.Signal)})
		return result{code, out.String(), errOut.String()}
	}
	if r := runTTY(c.env, "export", "--format", "pdf"); r.code != exitUsage || r.out != "" || !strings.Contains(r.errOut, "-o portfolio.pdf") {
		t.Errorf("export --format pdf on a terminal: exit %d, %d bytes out, %q", r.code, len(r.out), r.errOut)
	}
	if r := runTTY(c.env, "next"); r.code != 0 || !strings.Contains(r.out, "\x1b[1m") {
		t.Errorf("next on a terminal is not styled: exit %d\n%q", r.code, r.out)
	}
	noColor := maps.Clone(c.env)
	noColor["NO_COLOR"] = "1"
	if r := runTTY(noColor, "next"); r.code != 0 || strings.Contains(r.out, "\x1b[") || r.out == "" {
		t.Errorf("next with NO_COLOR: exit %d\n%q", r.code, r.out)
	}
}

// An outcome recorded on a story is kept but only the stories show it,
// when they tell the story: the command says so and names the epic to
// record it on.
func TestOutcomeOnAStorySaysWhereItBelongs(t *testing.T) {
	c, _ := withDemo(t)
	r := c.run(t, "outcome", "OPS-1184", "Vault pages down 80%")
	if r.code != 0 || !strings.Contains(r.errOut, "OPS-1184 is no epic") || !strings.Contains(r.errOut, "only 'pmfolio stories' shows this outcome") ||
		!strings.Contains(r.errOut, "pmfolio outcome OPS-1181") {
		t.Errorf("outcome on a story: exit %d, stderr %q", r.code, r.errOut)
	}
	r = c.run(t, "outcome", "OPS-1181", "Pages per on-call week fell from 42 to 13")
	if r.code != 0 || r.errOut != "" {
		t.Errorf("outcome on an epic: exit %d, stderr %q", r.code, r.errOut)
	}
}
