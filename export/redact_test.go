package export

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/pmfolio/pmfolio/evidence"
)

// redactTerms are what a user of the typical portfolio lists in their
// redaction file: a product and a partner.
var redactTerms = []string{"Apple Pay = a wallet", "PSP sandbox"}

// originals lists everything in p that a redacted export must not show:
// names and their capitalised parts, project keys and names, issue keys
// (in fields and in text), site names, hosts and URLs, account ids,
// e-mail addresses and URLs in text, and the listed terms. It is worked
// out from the portfolio without the redactor.
func originals(p evidence.Portfolio, terms []string) (words, exact []string) {
	for _, t := range terms {
		term, _ := RedactTerm(t)
		words = append(words, term)
	}
	addName := func(name string) {
		if name == "" {
			return
		}
		words = append(words, name)
		parts := strings.Fields(name)
		personLike := len(parts) > 1
		for _, part := range parts {
			if !unicode.IsUpper([]rune(part)[0]) {
				personLike = false
			}
		}
		for _, part := range parts {
			if personLike && len([]rune(part)) >= 3 {
				exact = append(exact, part)
			}
		}
	}
	for _, s := range p.Sites {
		words = append(words, s.Name, s.URL, s.User.ID)
		if u, err := url.Parse(s.URL); err == nil {
			words = append(words, u.Host)
		}
		addName(s.User.DisplayName)
	}
	for _, name := range p.People {
		addName(name)
	}
	for _, pr := range p.Projects {
		// A project name is hidden as written: "Payments" the project,
		// not "payments" in a sentence.
		exact = append(exact, pr.Key, pr.Name)
	}
	issueKeys := regexp.MustCompile(`\b[A-Z][A-Z0-9_]+-\d+\b`)
	contacts := regexp.MustCompile(`[\w.+-]+@[\w-]+(\.[\w-]+)+|https?://[^\s<>"()\[\]]+|www\.[^\s<>"()\[\]]+`)
	for _, e := range p.Evidence {
		addName(e.IssueAssignee.DisplayName)
		words = append(words, e.IssueAssignee.ID, e.IssueURL)
		for _, text := range []string{e.IssueKey, e.IssueParent, e.IssueSummary, e.Excerpt, e.Note} {
			for _, key := range issueKeys.FindAllString(text, -1) {
				exact = append(exact, key, strings.Split(key, "-")[0])
			}
			words = append(words, contacts.FindAllString(text, -1)...)
		}
	}
	for _, ep := range p.Epics {
		exact = append(exact, ep.Key)
		words = append(words, ep.URL)
	}
	words = slices.DeleteFunc(words, func(s string) bool { return strings.TrimSpace(s) == "" })
	return words, exact
}

// survivors returns the originals that out still shows as words of their
// own, ignoring case for words and matching it for exact ones.
func survivors(out string, words, exact []string) []string {
	var found []string
	lower := strings.ToLower(out)
	check := func(text, s string) {
		for from := 0; ; {
			i := strings.Index(text[from:], s)
			if i < 0 {
				return
			}
			start, end := from+i, from+i+len(s)
			if (!isWordRune([]rune(s)[0]) || wordStart(text, start)) && (!isWordRune([]rune(s)[len([]rune(s))-1]) || wordEnd(text, end)) {
				found = append(found, s)
				return
			}
			from = start + 1
		}
	}
	for _, w := range slices.Compact(slices.Sorted(slices.Values(words))) {
		check(lower, strings.ToLower(w))
	}
	for _, e := range slices.Compact(slices.Sorted(slices.Values(exact))) {
		check(out, e)
	}
	slices.Sort(found)
	return slices.Compact(found)
}

// richPortfolio is the typical portfolio with people, e-mail addresses and
// URLs in its text, and a second site.
func richPortfolio() evidence.Portfolio {
	p := typicalPortfolio()
	globex := evidence.Site{ID: 2, Name: "globex", URL: "https://jira.globex.example/jira",
		Deployment: evidence.DeploymentServer, User: evidence.User{ID: "srivera", DisplayName: "Sam Rivera"}}
	p.Sites = append(p.Sites, globex)
	p.People = append(p.People, "Zoë O'Neill", "Automation for Jira")
	mention := jiraItem(checkoutAPI, evidence.SourceComment, "30001", "2026-10-01T09:00:00Z",
		evidence.CatUnblocking, "comment.unblock", 0.8,
		"Thanks Priya and Zoë O'Neill: Dana can go ahead, see https://wiki.acme.example/retries or mail priya.nair@acme.example. "+
			"Automation for Jira flagged it; Apple Pay and the PSP sandbox are out of scope, like OPS-12 and PAY-160.")
	mention.Note = "Asked alex.kim@acme.example on www.acme.example/people"
	other0 := jiraItem(checkoutAPI, evidence.SourceComment, "30002", "2026-10-01T10:00:00Z",
		evidence.CatUnblocking, evidence.RuleTextModel, 0.91, "Sure, go ahead.")
	other0.Why = `text model, p=0.91; weighed most: "go ahead"; and the question it answers: "Zoë O'Neill: can Globex Billing skip OPS-12?"`
	other := jiraItem(fixtureIssue{"50001", "GLX-9", "Story", "Globex billing export for Alex Kim", "", alex, "done", []string{"billing 1.2"}},
		evidence.SourceIssue, "50001", "2026-10-02T09:00:00Z", evidence.CatStoryWriting, "issue.story", 0.9,
		"As a Globex accountant I want the billing export so that Sam Rivera stops doing it by hand.")
	other.SiteName, other.IssueURL = globex.Name, globex.IssueURL("GLX-9")
	p.Evidence = append(p.Evidence, mention, other0, other)
	p.Projects = append(p.Projects, evidence.Project{SiteName: "globex", Key: "GLX", Name: "Globex Billing"})
	return p
}

func TestRedactedExportsShowNoOriginal(t *testing.T) {
	cases := map[string]evidence.Portfolio{
		"rich":      richPortfolio(),
		"hostile":   hostilePortfolio(),
		"generated": generatedPortfolio(600),
	}
	for name, p := range cases {
		words, exact := originals(p, redactTerms)
		// The check is not vacuous: the plain export shows the originals.
		if len(survivors(render(t, markdownFull, p), words, exact)) < 5 {
			t.Errorf("%s: the plain Markdown export shows few of the originals either", name)
		}
		for _, f := range formats {
			t.Run(name+"/"+f.name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := WriteRedacted(&buf, p, redactTerms, f.write); err != nil {
					t.Fatal(err)
				}
				if left := survivors(buf.String(), words, exact); len(left) > 0 {
					t.Errorf("redacted %s export still shows %q", f.name, left)
				}
				// Redaction changes text, never the page around it.
				if f.name == "html" {
					if !strings.Contains(buf.String(), `content="`+contentSecurityPolicy+`"`) {
						t.Error("the redacted page lost its Content-Security-Policy")
					}
					for _, problem := range htmlProblems(buf.String()) {
						t.Error(problem)
					}
				}
			})
		}
	}
}

func TestRedactIsConsistent(t *testing.T) {
	p := Redact(richPortfolio(), redactTerms)
	byID := make(map[string]evidence.Evidence)
	for _, e := range p.Evidence {
		byID[e.ID] = e
	}
	original := richPortfolio()
	find := func(key, sourceID string) evidence.Evidence {
		t.Helper()
		for _, e := range original.Evidence {
			if e.IssueKey == key && e.SourceID == sourceID {
				return byID[e.ID]
			}
		}
		t.Fatalf("no item %s on %s", sourceID, key)
		return evidence.Evidence{}
	}

	// The user is Person 1 on both sites; everyone else is numbered in
	// sorted order: Alex Kim 2, Automation for Jira 3, Dana Wu 4, Priya
	// Nair 5, Zoë O'Neill 6. Keys are numbered within their project, by
	// number.
	if got := []string{p.Sites[0].User.DisplayName, p.Sites[1].User.DisplayName, p.Sites[0].Name, p.Sites[1].Name}; !slices.Equal(got, []string{"Person 1", "Person 1", "Site 1", "Site 2"}) {
		t.Errorf("sites = %q", got)
	}
	if p.Sites[0].URL != "" || p.Sites[0].User.ID != "" {
		t.Errorf("site URL %q and account %q are not empty", p.Sites[0].URL, p.Sites[0].User.ID)
	}
	wantProjects := []evidence.Project{
		{SiteName: "Site 1", Key: "PROJ-A", Name: "Project A"}, // CHK
		{SiteName: "Site 1", Key: "PROJ-C", Name: "Project C"}, // OPS
		{SiteName: "Site 1", Key: "PROJ-D", Name: "Project D"}, // PAY
		{SiteName: "Site 2", Key: "PROJ-B", Name: "Project B"}, // GLX
	}
	if !slices.Equal(p.Projects, wantProjects) {
		t.Errorf("projects = %+v, want %+v", p.Projects, wantProjects)
	}

	prio := find("CHK-300", "20555")
	if prio.IssueKey != "PROJ-A-2" || prio.IssueURL != "" || prio.IssueProject != "PROJ-A" {
		t.Errorf("CHK-300 became %q %q %q, want PROJ-A-2 without URL", prio.IssueKey, prio.IssueURL, prio.IssueProject)
	}
	// CHK-290 only appears in text; it is numbered with the others.
	if want := "Moving PROJ-A-2 above PROJ-A-1: it blocks the EU launch, P1 because of the revenue impact."; prio.Excerpt != want {
		t.Errorf("excerpt = %q, want %q", prio.Excerpt, want)
	}
	if s := prio.IssueSummary; s != "a wallet button missing on Safari 17" {
		t.Errorf("summary = %q", s)
	}
	mention := find("CHK-310", "30001")
	// Names in text become a labelled placeholder that reads as prose; a
	// term takes the label its line gives, else "[redacted]".
	want := "Thanks two teammates: another teammate can go ahead, see [link] or mail [e-mail]. " +
		"Another teammate flagged it; a wallet and the [redacted] are out of scope, like PROJ-C-1 and PROJ-D-7."
	if mention.Excerpt != want {
		t.Errorf("excerpt =\n%q, want\n%q", mention.Excerpt, want)
	}
	if mention.Note != "Asked [e-mail] on [link]" {
		t.Errorf("note = %q", mention.Note)
	}
	if a := mention.IssueAssignee; a != (evidence.User{DisplayName: "Person 4"}) {
		t.Errorf("assignee = %+v", a)
	}
	// A project name is replaced as written: "Checkout" is CHK's name, and
	// "checkout" in a sentence is an ordinary word.
	if e := p.Epics[0]; e.Key != "PROJ-D-1" || e.URL != "" || e.Summary != "EU checkout reliability" {
		t.Errorf("epic = %+v", e)
	}
	if want := []string{"Person 1", "Person 2", "Person 3", "Person 4", "Person 5", "Person 6"}; !slices.Equal(p.People, want) {
		t.Errorf("people = %q, want %q", p.People, want)
	}
}

// redactText redacts text as a field of a portfolio whose users are
// Sam Rivera and Dana Wu.
func redactText(text string) string {
	p := evidence.Portfolio{People: []string{"Sam Rivera", "Dana Wu"}}
	return newRedactor(p, nil).text(text)
}

// checkRedactText checks what redactText makes of each input.
func checkRedactText(t *testing.T, tests []struct{ in, want string }) {
	t.Helper()
	for _, tt := range tests {
		if got := redactText(tt.in); got != tt.want {
			t.Errorf("redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactNamesPeopleByTheirTeam(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ines from legal asked where this is.", "Someone from legal asked where this is."},
		{"a teammate and Priya from support are on board", "a teammate and someone from support are on board"},
		{"Why now: Marta (customer success) confirmed.", "Why now: someone (customer success) confirmed."},
		{"Checked with Ines Alvarez from legal.", "Checked with someone from legal."},
		{"Thanks Oskar in sales!", "Thanks someone in sales!"},
		{"Zoë O'Neill on the Mobile team agreed.", "Someone on the Mobile team agreed."},
		{"Ask Hana from the platform team.", "Ask someone from the platform team."},
		// A Jira user is a teammate wherever the name stands.
		{"Dana from legal agreed.", "A teammate from legal agreed."},
		// Without a team a capitalised word stays: it may be a product.
		{"Ines asked, Grafana in production, Vault (managed).", "Ines asked, Grafana in production, Vault (managed)."},
		// Ordinary words that start a sentence are no one.
		{"Update from support: all good. Feedback in design.", "Update from support: all good. Feedback in design."},
		{"From legal: fine. Errors in payments.", "From legal: fine. Errors in payments."},
		{"Support from legal is Ok. Legal (security) too.", "Support from legal is Ok. Legal (security) too."},
		{"Kafka in production", "Kafka in production"},
		{"Marta from legalese", "Marta from legalese"},
		// A known first name with a surname Jira does not show goes whole.
		{"Dana Rivera signed off. Ask Dana Monday, or Dana Shah and Sam Park.", "A teammate signed off. Ask a teammate Monday, or two teammates."},
		// A team's name that starts an issue key is a project, not a team.
		{"Postmortem in OPS-415. Notes from QA-12 too.", "Postmortem in PROJ-A-1. Notes from PROJ-B-1 too."},
	}
	checkRedactText(t, tests)
}

func TestRedactedNamesReadAsProse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"FYI Sam and Dana: this slipped a week.", "FYI two teammates: this slipped a week."},
		{"Thanks Sam, Dana and Sam Rivera!", "Thanks three teammates!"},
		{"With Sam, and Dana.", "With two teammates."},
		// A comma alone ends a greeting, and a possessive is one person's.
		{"Thanks Sam, Dana can go ahead.", "Thanks a teammate, another teammate can go ahead."},
		// A second person is another teammate, or the text reads as if one did both.
		{"Sam and I went through both options with Dana.", "A teammate and I went through both options with another teammate."},
		{"Sam and Dana's team", "A teammate and another teammate's team"},
		// A placeholder that opens a sentence or a quote is capitalised,
		// and keeps the vocative comma.
		{"Sam, 1% for 10 minutes. Dana agrees.", "A teammate, 1% for 10 minutes. Another teammate agrees."},
		{`Asked: "Dana, can we skip it?"`, `Asked: "A teammate, can we skip it?"`},
		{"“Dana, go ahead”", "“A teammate, go ahead”"},
		{"Done!\nSam and Dana will demo", "Done!\nTwo teammates will demo"},
		{"e.g. Sam", "e.g. a teammate"},
		{"Synced with Sam.", "Synced with a teammate."},
	}
	checkRedactText(t, tests)
}

func TestRedactedFooterClaimsNoLinks(t *testing.T) {
	const claim = "links to its"
	// The documents with a footer; the PDF's text breaks its lines.
	documents := []string{"markdown", "markdown-full", "html", "html-full", "pdf-text"}
	oneLine := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, f := range formats {
		if !slices.Contains(documents, f.name) {
			continue
		}
		t.Run(f.name, func(t *testing.T) {
			if plain := render(t, f.write, typicalPortfolio()); !strings.Contains(oneLine(plain), claim) {
				t.Fatalf("the plain %s export does not say %q", f.name, claim)
			}
			var buf bytes.Buffer
			if err := WriteRedacted(&buf, typicalPortfolio(), nil, f.write); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(oneLine(buf.String()), claim) {
				t.Errorf("the redacted %s export, without links, says %q", f.name, claim)
			}
		})
	}
}

// The footer promises a link for every quote only when every item has one:
// work recorded by hand without a link has no record to link to.
func TestTheFooterPromisesOnlyTheLinksThereAre(t *testing.T) {
	oneLine := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	withUnlinked := typicalPortfolio()
	linked := typicalPortfolio()
	linked.Evidence = slices.DeleteFunc(linked.Evidence, func(e evidence.Evidence) bool { return linkDestination(e.RecordURL()) == "" })
	if len(linked.Evidence) == len(withUnlinked.Evidence) {
		t.Fatal("the typical portfolio has no item without a link")
	}
	for _, tc := range []struct {
		p          evidence.Portfolio
		want, lies string
	}{
		{withUnlinked, "every quote from Jira links to its record.", "every quote links to its Jira record"},
		{linked, "every quote links to its Jira record.", "from Jira links"},
	} {
		got := oneLine(render(t, formats[0].write, tc.p))
		if !strings.Contains(got, tc.want) || strings.Contains(got, tc.lies) {
			t.Errorf("footer of %d items: want %q, not %q:\n%s", len(tc.p.Evidence), tc.want, tc.lies, got[max(0, len(got)-300):])
		}
	}
}

func TestRedactLeavesTheCallersPortfolioAlone(t *testing.T) {
	p := richPortfolio()
	before := render(t, JSON, p)
	versions := p.Evidence[0].IssueFixVersions
	Redact(p, redactTerms)
	if after := render(t, JSON, p); after != before {
		t.Error("Redact changed the caller's portfolio")
	}
	if !slices.Equal(versions, p.Evidence[0].IssueFixVersions) || p.Sites[0].Name != "acme" || p.People[0] != "Alex Kim" {
		t.Error("Redact changed the caller's slices")
	}
}

func TestRedactDoesNotDependOnOrder(t *testing.T) {
	p := richPortfolio()
	first := render(t, JSON, Redact(p, redactTerms))
	slices.Reverse(p.Evidence)
	slices.Reverse(p.People)
	slices.Reverse(p.Projects)
	if again := render(t, JSON, Redact(p, redactTerms)); again != first {
		t.Errorf("redaction depends on the order of the portfolio:\n%s", firstDifference(first, again))
	}
}

func TestRedactedJSONKeepsTheSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteRedacted(&buf, richPortfolio(), nil, JSON); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	var doc schemaV1
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Evidence {
		if e.IssueURL != "" {
			t.Errorf("%s: issue_url = %q, want empty", e.ID, e.IssueURL)
		}
		if _, builtin := evidence.CategoryByID(e.Category); !builtin && e.Category != "customer-research" {
			t.Errorf("%s: category %q", e.ID, e.Category)
		}
	}
	for _, s := range doc.Sites {
		if s.URL != "" || s.User.AccountID != "" || !strings.HasPrefix(s.Name, "Site ") || !strings.HasPrefix(s.User.DisplayName, "Person ") {
			t.Errorf("site = %+v", s)
		}
	}
}

func TestRedactContacts(t *testing.T) {
	tests := []struct{ in, want string }{
		{"mail sam@acme.example now", "mail [e-mail] now"},
		{`escaped sam\@acme\.example`, "escaped [e-mail]"},
		{"see https://acme.example/a?b=c#d, then", "see [link], then"},
		{`escaped https\://acme.example/x`, "escaped [link]"},
		{"www.acme.example/people and WWW.ACME.EXAMPLE", "[link] and [link]"},
		{"ftp://files.acme.example/x", "[link]"},
		{"(https://acme.example/in-parens)", "([link])"},
		{"FYI @alex and 10:30 UTC, ratio 3:1", "FYI @alex and 10:30 UTC, ratio 3:1"},
		{"@media print { a { color: inherit } }", "@media print { a { color: inherit } }"},
	}
	for _, tt := range tests {
		if got := RedactContacts(tt.in); got != tt.want {
			t.Errorf("RedactContacts(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLetters(t *testing.T) {
	for i, want := range map[int]string{0: "A", 1: "B", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := letters(i); got != want {
			t.Errorf("letters(%d) = %q, want %q", i, got, want)
		}
	}
}

// A customer's or a company's name in the user's words is redacted when
// its form or the text says it is one; a capitalised word alone stays, as
// it may be a product.
func TestRedactNamesOrganisations(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Raising priority because three customers, Marlow & Finch among them, reported it.",
			"Raising priority because three customers, [company] among them, reported it."},
		{"the Marlow & Finch pilot started on the 8th", "the [company] pilot started on the 8th"},
		{"Kestrel Bikes (customer) asked for it again.", "[customer] asked for it again."},
		{"Merchants like Cobalt Fitness want the export.", "Merchants like [customer] want the export."},
		{"our client Globex wants it by May", "our client [customer] wants it by May"},
		{"Contract with Initech Ltd. signed.", "Contract with [company] signed."},
		{"Acme Foods GmbH and Hooli Inc are live.", "[company] and [company] are live."},
		// Ordinary phrases, products and sentences stay.
		{"Terms & Conditions page, Sales & Marketing sync.", "Terms & Conditions page, Sales & Marketing sync."},
		{"Grafana in production; customers. The next step is Kafka.", "Grafana in production; customers. The next step is Kafka."},
		{"customers Update: nothing", "customers Update: nothing"},
	}
	checkRedactText(t, tests)
}

// A redacted portfolio finds an incident by its links as the original
// does: the linked keys become the placeholders of the issues they name,
// and a link to an issue the portfolio does not hold is left out rather
// than numbered.
func TestRedactKeepsTheLinksBetweenTheIssuesOfThePortfolio(t *testing.T) {
	const when = "2026-08-12T14:06:00Z"
	p := portfolioOf(
		linkedTo(jiraItem(outageBug, evidence.SourceComment, "1", when, evidence.CatIncidentCoord, "model.text", 0.8, "looking."), "OPS-91", "PAY-190"),
		linkedTo(jiraItem(outageWriteUp, evidence.SourceIssue, outageWriteUp.id, when, evidence.CatIncidentCoord, "model.text", 0.8, "What happened."), "OPS-90", "SEC-4"))
	red := Redact(p, nil)
	keys := map[string]string{}
	for i, e := range p.Evidence {
		keys[e.IssueKey] = red.Evidence[i].IssueKey
	}
	if got, want := red.Evidence[0].IssueLinks, []string{keys["OPS-91"]}; !slices.Equal(got, want) {
		t.Errorf("the outage's links = %q, want %q", got, want)
	}
	if got, want := red.Evidence[1].IssueLinks, []string{keys["OPS-90"]}; !slices.Equal(got, want) {
		t.Errorf("the write-up's links = %q, want %q (SEC-4 is no issue of the portfolio)", got, want)
	}
	if got := bulletLines(t, red, -1); !slices.Contains(got, "Led the response to “Checkout returning 500s for card payments”: posted 1 incident update and wrote 1 postmortem.") {
		t.Errorf("redacted bullets %q do not count the outage as one incident", got)
	}
}

// Redaction replaces the names of an epic's issues and keeps what names
// nobody: whether the assignee acted, which counts them as a teammate, and
// when and how the issue ended. A redacted brief that lost them counted
// no teammates and doubted no update.
func TestRedactKeepsWhatAnEpicsIssuesSayOfNobody(t *testing.T) {
	resolved := time.Date(2026, 2, 11, 9, 0, 0, 0, time.UTC)
	is := evidence.EpicIssue{Key: "OPS-1192", Assignee: evidence.User{ID: "u2", DisplayName: "Lena Novak"}, AssigneeActed: true,
		Summary: "Alert Lena Novak on kafka saturation", Resolved: &resolved, Dropped: true}
	p := evidence.Portfolio{Sites: []evidence.Site{acme}, Epics: []evidence.Epic{{SiteName: "acme", Key: "OPS-1181", Summary: "On-call health", Issues: []evidence.EpicIssue{is}}}}
	got := Redact(p, nil).Epics[0].Issues[0]
	if !got.AssigneeActed || got.Resolved == nil || !got.Resolved.Equal(resolved) || !got.Dropped {
		t.Errorf("redacted issue %+v lost what names nobody of %+v", got, is)
	}
	if got.Key == is.Key || got.Assignee.DisplayName == is.Assignee.DisplayName || strings.Contains(got.Summary, "Lena") {
		t.Errorf("redacted issue %+v keeps a name of %+v", got, is)
	}
}

// A release's day is kept under the name its fix version is redacted to,
// so a note naming the release still finds it.
func TestRedactNamesReleaseDaysAsItsVersions(t *testing.T) {
	day := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	p := evidence.Portfolio{Evidence: []evidence.Evidence{{IssueReleasedVersions: []string{"Kestrel 4.14"},
		IssueReleaseDates: map[string]time.Time{"Kestrel 4.14": day}}}}
	e := Redact(p, []string{"Kestrel = the product"}).Evidence[0]
	name := e.IssueReleasedVersions[0]
	if got, ok := e.IssueReleaseDates[name]; name == "Kestrel 4.14" || !ok || !got.Equal(day) || len(e.IssueReleaseDates) != 1 {
		t.Errorf("release days %v, want %s on %q", e.IssueReleaseDates, day, name)
	}
}
