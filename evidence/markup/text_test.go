package markup

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPlainText(t *testing.T) {
	tests := []struct {
		name string
		wiki string
		want string
	}{
		{"plain text is kept", "Update: mitigation is live.", "Update: mitigation is live."},
		{"whitespace collapses across lines", "  Status:\tgreen \r\n\n\n next  update 17:00  ", "Status: green next update 17:00"},
		{"link keeps its text", "see [the runbook|https://wiki/x] first", "see the runbook first"},
		{"bare link keeps its target", "see [https://wiki/x]", "see https://wiki/x"},
		{"cloud mention becomes @user", "FYI [~accountid:5b10ac8d82e05b22cc7d4ef5] moved", "FYI @user moved"},
		{"server mention becomes @user", "[~jsmith], can you look?", "@user, can you look?"},
		{"attachment link is dropped", "screenshot [^error.png] attached", "screenshot attached"},
		{"image is dropped", "before !diagram.png|thumbnail! after", "before after"},
		{"exclamation marks in prose stay", "Done! Thanks!", "Done! Thanks!"},
		{"bold and italic markers go", "*Decision:* we go with _option B_", "Decision: we go with option B"},
		{"snake_case and arithmetic are not emphasis", "set max_retry_count to 2 * 3", "set max_retry_count to 2 * 3"},
		{"heading marker becomes a colon", "h3. Acceptance criteria\n* works offline", "Acceptance criteria: works offline."},
		{"heading ending in punctuation keeps it", "h1. Why?\nbecause", "Why? because"},
		{"a heading ends the text before it", "h3. Summary\nerrors in eu-central-1\n\nh3. Impact\n227 merchants", "Summary: errors in eu-central-1. Impact: 227 merchants"},
		{"a text that ends itself is left alone", "Nothing lost!\nh3. Next\nship it", "Nothing lost! Next: ship it"},
		{"empty heading gives nothing", "h2.\ntext", "text"},
		{"list markers go", "# first\n## nested\n- dash item", "first; nested; dash item."},
		{"color tags go", "{color:red}at risk{color} this week", "at risk this week"},
		{"panel tags go", "{panel:title=Status}all green{panel}", "all green"},
		{"monospace braces go", "set {{retries}} to 3", "set retries to 3"},
		{"table pipes become spaces, a header row ends with a colon", "||Area||State||\n|EU|green|", "Area State: EU green"},
		{"forced line break is a space", `one\\two`, "one two"},
		{"horizontal rule goes", "above\n----\nbelow", "above below"},
		{"code block is dropped", "Fixed it:\n{code:java}\nif (x) { return; }\n{code}\nDeployed.", "Fixed it: Deployed."},
		{"code block without language is dropped", "a {code}x = 1{code} b", "a b"},
		{"noformat block is dropped", "log:\n{noformat}\nERROR boom\n{noformat}\nthanks", "log: thanks"},
		{"quote block is dropped", "{quote}Decision: drop IE11{quote}\nI disagree", "I disagree"},
		{"unclosed code block runs to the end", "see {code}\nstuff\nmore", "see"},
		{"bq line is dropped", "bq. we agreed to ship\nno we did not", "no we did not"},
		{"e-mail quote line is dropped", "> ETA Friday?\nYes, Friday.", "Yes, Friday."},
		{"stack trace lines are dropped", "Checkout fails:\njava.lang.IllegalStateException: boom\n\tat com.acme.pay.Checkout.run(Checkout.java:42)\n\tat java.base/java.lang.Thread.run(Thread.java:833)\nCaused by: java.io.IOException: reset\n\t... 12 more\nafter the deploy", "Checkout fails: after the deploy"},
		{"exception in thread line is dropped", "Exception in thread \"main\" java.lang.NullPointerException\nhappens on login", "happens on login"},
		{"prose starting with at stays", "at the moment (sadly) nobody can log in", "at the moment (sadly) nobody can log in"},
		{"unknown braces stay", `payload {"a": 1}`, `payload {"a": 1}`},
		{"unclosed bracket stays", "see [draft", "see [draft"},
		{"non-breaking space is whitespace", "a\u00a0\u00a0b", "a b"},
		{"invalid UTF-8 is replaced", "ok \xff done", "ok \uFFFD done"},
		{"flag removed line is Jira's, the note is the user's", "(flagoff) Flag removed\n\nSorted out with [~accountid:557058:aaaa].", "Sorted out with @user."},
		{"flag added line is Jira's", "(flag) Flag added\n\nBlocked: waiting for PAY-12.", "Blocked: waiting for PAY-12."},
		{"flag line in another language is Jira's", "(flagoff) Флажок снят\n\nГотово", "Готово"},
		{"a flag emoticon in a sentence stays", "(flag) Flag this for the design review on Monday, we need a decision", "(flag) Flag this for the design review on Monday, we need a decision"},
		{"a pasted chat line is not the user's", "From the thread:\n[10:42] Lee Park: Decision: we ship Friday\n[10:43 AM] sam: ok\nSo Friday it is.", "From the thread: So Friday it is."},
		{"a dated chat line is not the user's", "[2026-03-04 10:42] Lee: we agreed on B", ""},
		{"a bracketed link is not a chat line", "[10:42|https://x] is when it broke: see logs", "10:42 is when it broke: see logs"},
		{"a pasted e-mail thread is dropped from its header", "Vendor confirmed, we go ahead.\n\nOn Tue, 3 Mar 2026 at 10:02, Lee Park <lee@x.com> wrote:\nDecision: we descope the export.\nThanks", "Vendor confirmed, we go ahead."},
		{"an Outlook header starts a pasted thread", "See below, approved.\nFrom: Jane Doe\nSent: Tuesday\nSubject: RE: go/no-go\nGo for the release.", "See below, approved."},
		{"an original-message separator starts a pasted thread", "Agreed.\n-----Original Message-----\nETA Friday", "Agreed."},
		{"a line starting with From: in prose stays", "From: the design review, two changes.", "From: the design review, two changes."},
		{"a list item mentioning an original message stays", "- keep the original message text", "keep the original message text."},
		{"empty stays empty", "", ""},
		{"only markup gives nothing", "{code}x{code}\n----\nbq. quoted", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PlainText(tt.wiki); got != tt.want {
				t.Errorf("PlainText(%q)\n got %q\nwant %q", tt.wiki, got, tt.want)
			}
		})
	}
}

func TestDropBlocksDoesNotCopyTextWithoutBlocks(t *testing.T) {
	in := "no {macros} here, just {color:red}colour{color}"
	if allocs := testing.AllocsPerRun(100, func() { dropBlocks(in) }); allocs != 0 {
		t.Errorf("dropBlocks allocated %v times, want 0", allocs)
	}
}

func TestIsStackTraceLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"at com.foo.Bar(Bar.java:12)", true},
		{"at org.x.Y.z(Y.java:1) ~[app.jar:1.0]", true},
		{"at java.base/jdk.internal.Foo.bar(Native Method)", true},
		{"Caused by: java.io.IOException: reset", true},
		{"Exception in thread \"main\" java.lang.Error", true},
		{"org.postgresql.util.PSQLException: ERROR: relation missing", true},
		{"java.lang.OutOfMemoryError", true},
		{"... 12 more", true},
		{"at the moment (sadly) it fails", false},
		{"at risk: the vendor (Acme) is late", false},
		{"NullPointerException when saving the cart", false},
		{"... and more", false},
	}
	for _, tt := range tests {
		if got := isStackTraceLine(tt.line); got != tt.want {
			t.Errorf("isStackTraceLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestExcerptAt(t *testing.T) {
	filler := strings.Repeat("Lots of background about the checkout flow. ", 10)
	// review7: kaveri's REL-411 progress note (244 characters) and CORE-2212
	// incident update (249), whose excerpts dropped the sentence that
	// mattered behind a "…".
	progress := "Hi All, sharing where we stand. SIT/UAT criteria are agreed and published, go/no-go template was tried for 4.11 as dry run and it worked well. Dashboard is live. Next is the UAT sign-off workflow with business, targeting before 4.12 UAT starts."
	incident := "Update 1 PM: root cause identified, batch 3 file generation failed due to tablespace full on the NEFT schema after 4.14 pre-prod data copy job. @user is adding space. Plan is to regenerate batch 3 and send in the 2 PM window. Next update at 2 PM."
	fits := strings.Repeat("x", WholeRunes-len("Decision: go.")-1) + " Decision: go."
	// Over WholeRunes, its match in the third sentence, which ends within it.
	rollout := "Wave 1 went out on Monday to the 40 pilot stores and the tills came back within ten minutes each. Two stores needed a manual restart, both fixed by the service desk. We decided to hold wave 2 until the printer driver fix is in, so it moves to 18 November. Wave 3 stays on 2 December, as the freeze starts on the 15th. Store managers get the new checklist on Friday."
	// A closing FYI more than WholeRunes into a note.
	fyi := filler + "Reason: CardSwitch drop 3 came on 8th instead of 6th. Go-live date of 22nd is still holding as of now. @user @user FYI."
	// One sentence of clauses, its match more than WholeRunes in.
	runOn := "Festival incident, 19:40 update • login queue stuck for EU players since 19:05, ~35k in queue • Raj scaled the auth pods, queue moving again at ~2k/min • community team posted on X and Discord with the ETA and the known workaround for players on the old launcher • support has a macro for refunds of the event pass • compensation agreed with live ops: 500 gems and the festival event extended by 24h • next update 20:15 in #live-incident."
	short := "Short one. " + strings.Repeat("word ", 80)
	tests := []struct {
		name, text, at, want string
	}{
		{"a note that fits is quoted whole, though its match is its last sentence", progress, "Next is", progress},
		{"an incident update that fits keeps its root cause", incident, "Next update", incident},
		{"a text of WholeRunes characters is whole", fits, "Decision", fits},
		{"with no match a long text is quoted from its start, to the last sentence that fits", filler, "",
			strings.Repeat("Lots of background about the checkout flow. ", 3) + "Lots of background about the checkout flow.…"},
		{"a match that ends within WholeRunes is quoted from the start of the text", rollout, "We decided",
			"Wave 1 went out on Monday to the 40 pilot stores and the tills came back within ten minutes each. Two stores needed a manual restart, both fixed by the service desk. We decided to hold wave 2 until the printer driver fix is in, so it moves to 18 November.…"},
		{"a match beyond WholeRunes opens at its sentence", filler + "Decision: we go with option B. " + filler, "Decision",
			"…Decision: we go with option B. " + strings.Repeat("Lots of background about the checkout flow. ", 2) + "Lots of background about the checkout flow.…"},
		{"a closing FYI keeps the sentences before it that fit", fyi, "FYI",
			"…Lots of background about the checkout flow. Reason: CardSwitch drop 3 came on 8th instead of 6th. Go-live date of 22nd is still holding as of now. @user @user FYI."},
		{"a short sentence before a long one is cut at a word, not after the short one", short, "",
			"Short one. " + strings.TrimSpace(strings.Repeat("word ", 38)) + "…"},
		{"a sentence that runs on shows its opening and the clauses from its match", runOn, "agreed",
			"Festival incident, 19:40 update … compensation agreed with live ops: 500 gems and the festival event extended by 24h • next update 20:15 in #live-incident."},
		{"a sentence after another is no reason to open mid-sentence", "Status for live ops. " + runOn, "agreed",
			"…Festival incident, 19:40 update … compensation agreed with live ops: 500 gems and the festival event extended by 24h • next update 20:15 in #live-incident."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := 0
			if tt.at != "" {
				at = strings.Index(tt.text, tt.at)
				if at < 0 {
					t.Fatalf("%q is not in the text", tt.at)
				}
			}
			got := ExcerptAt(tt.text, at)
			if got != tt.want {
				t.Errorf("ExcerptAt = %q\nwant          %q", got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > WholeRunes+1 {
				t.Errorf("excerpt has %d characters, want at most %d", n, WholeRunes+1)
			}
			if !strings.Contains(got, tt.at) {
				t.Errorf("excerpt %q does not show %q", got, tt.at)
			}
			// Never mid-sentence: it opens where the text or a sentence does.
			if rest, cut := strings.CutPrefix(got, "…"); cut {
				opening := strings.SplitN(strings.TrimSuffix(rest, "…"), Elision, 2)[0]
				i := strings.Index(tt.text, opening)
				if i <= 0 || !strings.HasSuffix(tt.text[:i], ". ") {
					t.Errorf("excerpt %q opens mid-sentence", got)
				}
			} else if !strings.HasPrefix(tt.text, strings.SplitN(strings.TrimSuffix(got, "…"), Elision, 2)[0]) {
				t.Errorf("excerpt %q neither opens the text nor says it does not", got)
			}
		})
	}
	if got := Excerpt(progress); got != progress {
		t.Errorf("Excerpt of a note that fits = %q, want all of it", got)
	}
}

func TestSentenceBounds(t *testing.T) {
	text := "Shipped v2.4 today. Is the ETA Friday? Yes!"
	tests := []struct {
		word, want string
	}{
		{"v2.4", "Shipped v2.4 today."},
		{"ETA", "Is the ETA Friday?"},
		{"Yes", "Yes!"},
	}
	for _, tt := range tests {
		at := strings.Index(text, tt.word)
		from, to := SentenceBounds(text, at, at+len(tt.word))
		if got := text[from:to]; got != tt.want {
			t.Errorf("sentence of %q = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestWordCount(t *testing.T) {
	for text, want := range map[string]int{"": 0, "LGTM": 1, "fixed in PR #12": 4, "a b  c": 3} {
		if got := WordCount(text); got != want {
			t.Errorf("WordCount(%q) = %d, want %d", text, got, want)
		}
	}
}

func FuzzPlainText(f *testing.F) {
	for _, seed := range []string{
		"",
		"*Decision:* we go with [option B|https://x] {color:red}now{color}",
		"{code:java}\nat com.foo.Bar(Bar.java:1)\n{code}",
		"{quote}unclosed",
		"[~accountid:abc] [^file.png] !img.png|thumbnail! ||a||b||\n|c|d|",
		"h1. Title\n* item\n# item\nbq. quoted\n> quoted\n----",
		"\xff\xfe[\xc3\x28]{{x}}\\\\",
		"_ * [ ] { } ! | \\",
		"[10:42] Lee: x\n[10:4",
		"ok\nOn Mon wrote:\nquoted",
		"From: a\nSent: b",
		"{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, wiki string) {
		got := PlainText(wiki)
		if !utf8.ValidString(got) {
			t.Fatalf("PlainText(%q) = %q, not valid UTF-8", wiki, got)
		}
		if strings.ContainsAny(got, "\n\t\r") || strings.Contains(got, "  ") ||
			strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") {
			t.Fatalf("PlainText(%q) = %q, whitespace not collapsed", wiki, got)
		}
	})
}

// FuzzExcerptAt checks what every excerpt promises a reader: it is short,
// it opens where the text or one of its sentences does, and what it shows
// is the text's, in order.
func FuzzExcerptAt(f *testing.F) {
	long := strings.Repeat("Lots of background about the checkout flow. ", 8)
	for _, seed := range []struct {
		text string
		at   int
	}{
		{"", 0},
		{"Decision: keep it.", 3},
		{long + "Decision: go with B. " + long, len(long) + 2},
		{long + strings.Repeat("clause and more words; ", 20) + "agreed with ops.", len(long) + 300},
		{strings.Repeat("averyveryverylongwordwithoutspaces", 20), 500},
		{strings.Repeat("é. ", 200), 301},
	} {
		f.Add(seed.text, seed.at)
	}
	f.Fuzz(func(t *testing.T, text string, at int) {
		// ExcerptAt takes plain text and a byte offset of it.
		text = PlainText(text)
		if !utf8.ValidString(text) || strings.Contains(text, "…") {
			return
		}
		at = max(0, min(at, len(text)))
		for at > 0 && at < len(text) && !utf8.RuneStart(text[at]) {
			at--
		}
		got := ExcerptAt(text, at)
		if n := utf8.RuneCountInString(got); n > WholeRunes+2 {
			t.Fatalf("ExcerptAt(%q, %d) = %q: %d characters", text, at, got, n)
		}
		rest, midway := strings.CutPrefix(got, "…")
		from := 0
		for i, part := range strings.Split(strings.TrimSuffix(rest, "…"), Elision) {
			j := strings.Index(text[from:], part)
			if j < 0 {
				t.Fatalf("ExcerptAt(%q, %d) = %q: %q is not the text's", text, at, got, part)
			}
			if i == 0 && !midway && j != 0 {
				t.Fatalf("ExcerptAt(%q, %d) = %q: opens mid-text with no \"…\"", text, at, got)
			}
			if i == 0 && midway && !strings.Contains(text, ". "+part) && !strings.Contains(text, "! "+part) && !strings.Contains(text, "? "+part) {
				t.Fatalf("ExcerptAt(%q, %d) = %q: opens mid-sentence", text, at, got)
			}
			from += j + len(part)
		}
	})
}

// A quote of what the user wrote names no account ids and leaves no
// "@user" behind: a reader sees "[colleague]", as they see "[link]".
func TestForReadersMentionsReadAsColleagues(t *testing.T) {
	plain := PlainText("Summary for [~accountid:557058:aa] and [~rkumar]: done, ETA 8 Jul.")
	if got, want := ForReaders(plain), "Summary for [colleague] and [colleague]: done, ETA 8 Jul."; got != want {
		t.Errorf("ForReaders(%q) = %q, want %q", plain, got, want)
	}
}

// A quote names the people its writer mentioned, when the store knows
// them, in wiki markup and in ADF alike; a mention in a dropped quote
// does not shift the names; anyone unknown stays "[colleague]"; mentions
// in a row read as a list.
func TestKeptMentionsReadAsNames(t *testing.T) {
	names := map[string]string{"557058:aisha": "Aisha Bello", "5b10:sam": "Sam O'Connor"}
	nameOf := func(id string) string { return names[id] }
	adf := `{"type":"doc","version":1,"content":[{"type":"paragraph","content":[` +
		`{"type":"text","text":"Summary for "},{"type":"mention","attrs":{"id":"557058:aisha","text":"@Aisha Bello"}},` +
		`{"type":"text","text":" and "},{"type":"mention","attrs":{"id":"nobody-known"}},{"type":"text","text":": done, migration and dashboards."}]}]}`
	for _, tt := range []struct{ name, text, excerpt, want string }{
		{"wiki", "Summary for [~accountid:557058:aisha] and [~accountid:5b10:sam]: done, migration and dashboards.",
			"Summary for @user and @user: done, migration and dashboards.", "Summary for Aisha Bello and Sam O'Connor: done, migration and dashboards."},
		{"an excerpt from the middle", "[~accountid:5b10:sam] thanks. Long story short: [~accountid:557058:aisha] owns the rollout from Monday.",
			"…@user owns the rollout from Monday.", "…Aisha Bello owns the rollout from Monday."},
		{"an excerpt that leaves out the middle of a sentence", "Status for [~accountid:5b10:sam]: wave 1 done • wave 2 held for [~accountid:who] • [~accountid:557058:aisha] owns the rollback from Monday.",
			"Status for @user … @user owns the rollback from Monday.", "Status for Sam O'Connor … Aisha Bello owns the rollback from Monday."},
		{"a name spoken to, and one spoken of", "[~accountid:5b10:sam] don't wait for the review. [~accountid:557058:aisha] agreed on Friday. [~accountid:557058:aisha] can you merge it? [~accountid:5b10:sam] will deploy.",
			"@user don't wait for the review. @user agreed on Friday. @user can you merge it? @user will deploy.",
			"Sam O'Connor, don't wait for the review. Aisha Bello agreed on Friday. Aisha Bello, can you merge it? Sam O'Connor will deploy."},
		{"a name and then I", "[~accountid:557058:aisha] I got the answer from legal: 90 days.",
			"@user I got the answer from legal: 90 days.", "Aisha Bello, I got the answer from legal: 90 days."},
		{"a sentence that says you speaks to the name", "[~accountid:5b10:sam] access is sorted, you're in the admins group now.",
			"@user access is sorted, you're in the admins group now.", "Sam O'Connor, access is sorted, you're in the admins group now."},
		{"a sentence of them with no you takes no comma", "[~accountid:5b10:sam] owns the rollout. You can ask him.",
			"@user owns the rollout. You can ask him.", "Sam O'Connor owns the rollout. You can ask him."},
		{"a name and then a number", "[~accountid:5b10:sam] 1% for 10 minutes, that's what we agreed for the SLO.",
			"@user 1% for 10 minutes, that's what we agreed for the SLO.", "Sam O'Connor, 1% for 10 minutes, that's what we agreed for the SLO."},
		{"in the middle of a sentence a name takes no comma", "Thanks [~accountid:557058:aisha] for the numbers.",
			"Thanks @user for the numbers.", "Thanks Aisha Bello for the numbers."},
		{"a quoted mention is dropped and shifts nothing; a name spoken to takes a comma", "{quote}[~accountid:5b10:sam] said so{quote}\n[~accountid:557058:aisha] go ahead with 1% for 10 minutes.",
			"@user go ahead with 1% for 10 minutes.", "Aisha Bello, go ahead with 1% for 10 minutes."},
		{"adf", adf, "Summary for @user and @user: done, migration and dashboards.", "Summary for Aisha Bello and [colleague]: done, migration and dashboards."},
		{"a typed @user is no mention: nobody is named", "@user means [~accountid:557058:aisha] here.", "@user means @user here.", "[colleague] means [colleague] here."},
		{"no mention", "Decision: we ship Thursday.", "Decision: we ship Thursday.", "Decision: we ship Thursday."},
		{"mentions in a row are a list", "FYI [~accountid:5b10:sam] [~accountid:557058:aisha]: this slipped a week.",
			"FYI @user @user: this slipped a week.", "FYI Sam O'Connor and Aisha Bello: this slipped a week."},
		{"three in a row, one unknown", "FYI [~accountid:5b10:sam] [~accountid:who] [~accountid:557058:aisha]",
			"FYI @user @user @user", "FYI Sam O'Connor, [colleague] and Aisha Bello"},
		{"a question that opens with its verb asks the name", "[~accountid:5b10:sam] is CAB on Tuesday or Wednesday this time?",
			"@user is CAB on Tuesday or Wednesday this time?", "Sam O'Connor, is CAB on Tuesday or Wednesday this time?"},
		{"a statement that opens with the same verb tells of the name", "[~accountid:5b10:sam] is on leave until the 2nd. Ask Aisha?",
			"@user is on leave until the 2nd. Ask Aisha?", "Sam O'Connor is on leave until the 2nd. Ask Aisha?"},
		{"an order in a word that is also a past tense: the pronoun after tells", "[~accountid:5b10:sam] put it in Mobile S30, I've made room. Go ahead.",
			"@user put it in Mobile S30, I've made room. Go ahead.", "Sam O'Connor, put it in Mobile S30, I've made room. Go ahead."},
		{"the same word told of the name", "[~accountid:5b10:sam] put it in Mobile S30 on Monday. Nothing else moved.",
			"@user put it in Mobile S30 on Monday. Nothing else moved.", "Sam O'Connor put it in Mobile S30 on Monday. Nothing else moved."},
		{"yes spoken to takes a comma", "[~accountid:557058:aisha] yes, use the staging path.", "@user yes, use the staging path.", "Aisha Bello, yes, use the staging path."},
		{"a list spoken to takes a comma", "[~accountid:5b10:sam] [~accountid:557058:aisha] please review by Friday.",
			"@user @user please review by Friday.", "Sam O'Connor and Aisha Bello, please review by Friday."},
		{"an account markup cannot hold is no one", "Thanks [~a[b] for it.", "Thanks @user for it.", "Thanks [colleague] for it."},
	} {
		if got := NameMentions(KeepMentions(tt.excerpt, tt.text), nameOf); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
