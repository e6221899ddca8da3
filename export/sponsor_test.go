package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
)

// A sponsor's answer that handed the initiative over, and one that praised
// its result, are quoted linked to their Jira comments in the stories as
// in the brief, and given as data in the JSON of both: author, date, text,
// link and which of the two it is.
func TestSponsorQuotesAreLinkedAndGivenInJSON(t *testing.T) {
	closed := at("2026-11-03T09:00:00Z")
	p := readinessEpic(closed,
		evidence.Comment{ID: "401", At: at("2026-01-19T11:00:00Z"), Author: priya, Text: "Good initiative Sam. Please take this forward, I will support from my side."},
		evidence.Comment{ID: "411", At: closed, Author: me, Text: "Outcome: 4.12, 4.13 and 4.14 went live with zero rollbacks."},
		evidence.Comment{ID: "412", At: at("2026-11-03T12:00:00Z"), Author: priya, Text: "Well done Sam and team. Will present this in the quarterly ops review."})
	url := acme.IssueURL("REL-411")
	want := []sponsorQuoteJSON{
		{Kind: "handover", Author: "Priya Nair", Date: "2026-01-19", Text: "Good initiative Sam. Please take this forward, I will support from my side.",
			URL: evidence.CommentURL(url, "401")},
		{Kind: "recognition", Author: "Priya Nair", Date: "2026-11-03", Text: "Well done Sam and team. Will present this in the quarterly ops review.",
			URL: evidence.CommentURL(url, "412")},
	}

	var md bytes.Buffer
	if err := Stories(&md, p, StoryOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"**Situation.** ", "**Result.** "} {
		at := strings.Index(md.String(), line)
		if at < 0 {
			t.Fatalf("no %q in the story:\n%s", line, md.String())
		}
		told, _, _ := strings.Cut(md.String()[at:], "\n")
		i := slices.IndexFunc(want, func(q sponsorQuoteJSON) bool { return strings.Contains(told, "“"+q.Text[:20]) })
		if i < 0 || !strings.Contains(told, "” ([Jira comment, "+want[i].Date+"]("+want[i].URL+"))") {
			t.Errorf("the sponsor's reply is not linked to its comment:\n%s", told)
		}
	}

	var stories struct {
		Stories []struct {
			SponsorQuotes []sponsorQuoteJSON `json:"sponsor_quotes"`
		} `json:"stories"`
	}
	if err := decodeFrom(func(w *bytes.Buffer) error { return Stories(w, p, StoryOptions{JSON: true}) }, &stories); err != nil {
		t.Fatal(err)
	}
	if len(stories.Stories) != 1 || !slices.Equal(stories.Stories[0].SponsorQuotes, want) {
		t.Errorf("stories JSON sponsor_quotes = %+v\nwant %+v", stories.Stories, want)
	}

	var export struct {
		Headline struct {
			Initiatives []struct {
				SponsorQuotes []sponsorQuoteJSON `json:"sponsor_quotes"`
			} `json:"initiatives"`
		} `json:"headline"`
	}
	if err := decodeFrom(func(w *bytes.Buffer) error { return JSON(w, p) }, &export); err != nil {
		t.Fatal(err)
	}
	if got := export.Headline.Initiatives; len(got) != 1 || !slices.Equal(got[0].SponsorQuotes, want) {
		t.Errorf("export JSON headline sponsor_quotes = %+v\nwant %+v", got, want)
	}
}

// decodeFrom decodes what write writes into v.
func decodeFrom(write func(*bytes.Buffer) error, v any) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	return json.Unmarshal(b.Bytes(), v)
}
