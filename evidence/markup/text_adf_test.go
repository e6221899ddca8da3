package markup

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func adfDoc(content string) string {
	return `{"type":"doc","version":1,"content":[` + content + `]}`
}

func adfPara(texts ...string) string {
	var parts []string
	for _, t := range texts {
		parts = append(parts, `{"type":"text","text":"`+t+`"}`)
	}
	return `{"type":"paragraph","content":[` + strings.Join(parts, ",") + `]}`
}

func TestADFText(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"paragraphs are separated", adfDoc(adfPara("Update: mitigation is live.") + "," + adfPara("Next update 17:00.")), "Update: mitigation is live. Next update 17:00."},
		{"marks are dropped, words kept", adfDoc(`{"type":"paragraph","content":[{"type":"text","text":"Decision:","marks":[{"type":"strong"}]},{"type":"text","text":" we go with option B"}]}`), "Decision: we go with option B"},
		{"a heading ends the paragraph before it", adfDoc(adfPara("p99 back to normal") + `,{"type":"heading","attrs":{"level":3},"content":[{"type":"text","text":"Next steps"}]},` + adfPara("close it")), "p99 back to normal. Next steps: close it"},
		{"heading ends with a colon", adfDoc(`{"type":"heading","attrs":{"level":3},"content":[{"type":"text","text":"Acceptance criteria"}]},{"type":"bulletList","content":[{"type":"listItem","content":[` + adfPara("works offline") + `]}]}`), "Acceptance criteria: works offline"},
		{"code block is dropped", adfDoc(adfPara("Fixed it:") + `,{"type":"codeBlock","attrs":{"language":"java"},"content":[{"type":"text","text":"// Decision: go"}]},` + adfPara("Deployed.")), "Fixed it: Deployed."},
		{"block quote is dropped", adfDoc(`{"type":"blockquote","content":[` + adfPara("we agreed to ship") + `]},` + adfPara("I disagree")), "I disagree"},
		{"mention becomes @user", adfDoc(`{"type":"paragraph","content":[{"type":"text","text":"FYI "},{"type":"mention","attrs":{"id":"557058:aaaa","text":"@Lee Park"}},{"type":"text","text":" moved"}]}`), "FYI @user moved"},
		{"hard break is a space", adfDoc(`{"type":"paragraph","content":[{"type":"text","text":"one"},{"type":"hardBreak"},{"type":"text","text":"two"}]}`), "one two"},
		{"link text stays", adfDoc(`{"type":"paragraph","content":[{"type":"text","text":"see the runbook","marks":[{"type":"link","attrs":{"href":"https://wiki/x"}}]}]}`), "see the runbook"},
		{"table cells become words", adfDoc(`{"type":"table","content":[{"type":"tableRow","content":[{"type":"tableHeader","content":[` + adfPara("Area") + `]},{"type":"tableCell","content":[` + adfPara("EU") + `]}]}]}`), "Area EU"},
		{"media is dropped", adfDoc(`{"type":"mediaSingle","content":[{"type":"media","attrs":{"id":"x","type":"file"}}]},` + adfPara("after")), "after"},
		{"status lozenge and emoji keep their text", adfDoc(`{"type":"paragraph","content":[{"type":"status","attrs":{"text":"AT RISK"}},{"type":"text","text":" "},{"type":"emoji","attrs":{"shortName":":warning:","text":"⚠️"}}]}`), "AT RISK ⚠️"},
		{"a stack trace pasted as paragraphs is dropped", adfDoc(adfPara("Fails:") + "," + adfPara("java.lang.IllegalStateException: boom") + "," + adfPara("at com.acme.Pay.run(Pay.java:4)")), "Fails:"},
		{"a text node cannot start a markup line", adfDoc(`{"type":"paragraph","content":[{"type":"text","text":"ok\nbq. still mine"}]}`), "ok bq. still mine"},
		{"empty document", adfDoc(""), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ADFText([]byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("ADFText\n got %q\nwant %q", got, tt.want)
			}
			if viaPlain := PlainText(tt.doc); viaPlain != got {
				t.Errorf("PlainText(ADF) = %q, ADFText = %q", viaPlain, got)
			}
		})
	}
}

func TestADFTextRejectsWhatIsNotADocument(t *testing.T) {
	for _, in := range []string{`{"type":"paragraph"}`, `not json`, `[]`} {
		if _, err := ADFText([]byte(in)); err == nil {
			t.Errorf("ADFText(%q) accepted", in)
		}
	}
	// JSON that is not ADF is someone's text, read as wiki markup.
	if got := PlainText(`{"type":"docx","a":"doc"}`); got != `{"type":"docx","a":"doc"}` {
		t.Errorf("PlainText(non-ADF JSON) = %q", got)
	}
}

func TestADFDeepNestingIsBounded(t *testing.T) {
	doc := `{"type":"doc","content":[` + strings.Repeat(`{"type":"panel","content":[`, 500) + adfPara("deep") + strings.Repeat(`]}`, 500) + `]}`
	got, err := ADFText([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got != "" {
		t.Errorf("text below the depth bound was read: %q", got)
	}
}

func FuzzADF(f *testing.F) {
	for _, seed := range []string{
		adfDoc(adfPara("Decision: we go with option B.")),
		adfDoc(`{"type":"codeBlock","content":[{"type":"text","text":"x"}]},` + adfPara("after")),
		adfDoc(`{"type":"mention","attrs":{"id":"1"}},{"type":"hardBreak"},{"type":"emoji","attrs":{"text":"\u2705"}}`),
		`{"type":"doc","content":[{"type":"text","text":"\u0000\ufffd"}]}`,
		`{"type":"doc","content":null}`,
		`{"type":"doc","content":[{"type":"heading","content":[{"type":"text","text":"h1. x"}]}]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		got, err := ADFText(doc)
		if err != nil {
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("ADFText(%q) = %q, not valid UTF-8", doc, got)
		}
		if strings.ContainsAny(got, "\n\t\r") || strings.Contains(got, "  ") ||
			strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") {
			t.Fatalf("ADFText(%q) = %q, whitespace not collapsed", doc, got)
		}
		if PlainText(string(doc)) != got {
			t.Fatalf("PlainText and ADFText disagree on %q", doc)
		}
	})
}
