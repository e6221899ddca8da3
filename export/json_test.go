package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// schemaV1 mirrors "JSON export, schema version 1" of interface.md, written
// from the spec rather than from the export's own structs.
type schemaV1 struct {
	SchemaVersion int    `json:"schema_version"`
	GeneratedAt   string `json:"generated_at"`
	Sites         []struct {
		Name string `json:"name"`
		URL  string `json:"url"`
		User struct {
			AccountID   string `json:"account_id"`
			DisplayName string `json:"display_name"`
		} `json:"user"`
	} `json:"sites"`
	Period struct {
		Since string `json:"since"`
		Until string `json:"until"`
	} `json:"period"`
	Summary []struct {
		Category string `json:"category"`
		Evidence int    `json:"evidence"`
		Issues   int    `json:"issues"`
	} `json:"summary"`
	Evidence []struct {
		ID           string  `json:"id"`
		Site         string  `json:"site"`
		IssueKey     string  `json:"issue_key"`
		IssueURL     string  `json:"issue_url"`
		IssueSummary string  `json:"issue_summary"`
		Source       string  `json:"source"`
		SourceID     string  `json:"source_id"`
		OccurredAt   string  `json:"occurred_at"`
		Category     string  `json:"category"`
		Rule         string  `json:"rule"`
		Confidence   float64 `json:"confidence"`
		Excerpt      string  `json:"excerpt"`
		Why          string  `json:"why"` // a text-model claim's, added to schema version 1
		Manual       bool    `json:"manual"`
		Note         string  `json:"note"`
	} `json:"evidence"`
	Headline *struct {
		Text        string `json:"text"`
		Initiatives []struct {
			Site     string `json:"site"`
			EpicKey  string `json:"epic_key"`
			EpicURL  string `json:"epic_url"`
			Summary  string `json:"summary"`
			Shipped  bool   `json:"shipped"`
			Outcome  string `json:"outcome"`
			Evidence int    `json:"evidence"`
			// The sponsors' replies, added to schema version 1.
			SponsorQuotes []sponsorQuoteJSON `json:"sponsor_quotes"`
		} `json:"initiatives"`
		Claims []struct {
			Text        string   `json:"text"`
			Category    string   `json:"category"`
			Count       int      `json:"count"`
			Counts      string   `json:"counts"`
			EvidenceIDs []string `json:"evidence_ids"`
		} `json:"claims"`
	} `json:"headline"`
}

// specKeys are the keys of every object in the export, in the order the
// spec lists them, by where the object sits.
var specKeys = map[string][]string{
	"":             {"schema_version", "generated_at", "sites", "period", "summary", "evidence", "headline"},
	"sites[]":      {"name", "url", "user"},
	"sites[].user": {"account_id", "display_name"},
	"period":       {"since", "until"},
	"summary[]":    {"category", "evidence", "issues"},
	"evidence[]": {"id", "site", "issue_key", "issue_url", "issue_summary", "source", "source_id",
		"occurred_at", "category", "rule", "confidence", "excerpt", "manual", "note"},
	// Added to schema version 1 (README): the brief's headline, traceable.
	"headline":               {"text", "initiatives", "claims"},
	"headline.initiatives[]": {"site", "epic_key", "epic_url", "summary", "shipped", "outcome", "evidence", "sponsor_quotes"},
	"headline.initiatives[].sponsor_quotes[]": {"kind", "author", "date", "text", "url"},
	"headline.claims[]":                       {"text", "category", "count", "counts", "evidence_ids"},
}

// sponsorQuoteJSON is a sponsor's reply of the JSON export and the JSON
// stories, read back.
type sponsorQuoteJSON struct {
	Kind   string `json:"kind"`
	Author string `json:"author"`
	Date   string `json:"date"`
	Text   string `json:"text"`
	URL    string `json:"url"`
}

func exportJSON(t *testing.T, p evidence.Portfolio) []byte {
	t.Helper()
	return []byte(render(t, JSON, p))
}

func TestJSONMatchesSchema(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.portfolio()
			out := exportJSON(t, p)

			dec := json.NewDecoder(bytes.NewReader(out))
			dec.DisallowUnknownFields()
			var doc schemaV1
			if err := dec.Decode(&doc); err != nil {
				t.Fatalf("export does not decode into the schema: %v", err)
			}
			if _, err := dec.Token(); !errors.Is(err, io.EOF) {
				t.Errorf("more than one value in the export")
			}
			if !bytes.HasSuffix(out, []byte("}\n")) || !bytes.HasPrefix(out, []byte("{\n  \"schema_version\"")) {
				t.Errorf("export is not one object indented by two spaces with a trailing newline")
			}

			if doc.SchemaVersion != 1 {
				t.Errorf("schema_version = %d", doc.SchemaVersion)
			}
			if doc.GeneratedAt != "2026-11-22T10:00:00Z" {
				t.Errorf("generated_at = %q", doc.GeneratedAt)
			}
			if doc.Period.Since != "2025-11-22" || doc.Period.Until != "2026-11-22" {
				t.Errorf("period = %+v", doc.Period)
			}
			if len(doc.Sites) != 1 || !p.Redacted && (doc.Sites[0].Name != "acme" || doc.Sites[0].URL != acme.URL ||
				doc.Sites[0].User.AccountID != acme.User.ID) {
				t.Errorf("sites = %+v", doc.Sites)
			}
			if len(doc.Evidence) != len(p.Evidence) {
				t.Errorf("%d evidence items, want %d", len(doc.Evidence), len(p.Evidence))
			}
			total := 0
			for _, s := range doc.Summary {
				total += s.Evidence
			}
			if total != len(doc.Evidence) {
				t.Errorf("summary counts %d items, evidence has %d", total, len(doc.Evidence))
			}

			var lastAt time.Time
			var lastID string
			for _, e := range doc.Evidence {
				occurred, err := time.Parse(time.RFC3339, e.OccurredAt)
				if err != nil || !strings.HasSuffix(e.OccurredAt, "Z") {
					t.Errorf("occurred_at %q is not RFC 3339 UTC", e.OccurredAt)
				}
				if occurred.Before(lastAt) || (occurred.Equal(lastAt) && e.ID < lastID) {
					t.Errorf("%s (%s) is out of order after %s (%s)", e.ID, e.OccurredAt, lastID, lastAt.Format(time.RFC3339))
				}
				lastAt, lastID = occurred, e.ID
				if !slices.Contains([]string{"issue", "change", "comment", "worklog", "manual"}, e.Source) {
					t.Errorf("%s: source %q is not in the spec", e.ID, e.Source)
				}
			}
		})
	}
}

func TestJSONKeyOrder(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			objects := make(map[string][][]string)
			dec := json.NewDecoder(bytes.NewReader(exportJSON(t, tc.portfolio())))
			if err := collectKeys(dec, "", objects); err != nil {
				t.Fatal(err)
			}
			for path, seen := range objects {
				want, ok := specKeys[path]
				if !ok {
					t.Errorf("object at %q is not in the spec", path)
					continue
				}
				for _, keys := range seen {
					// The headline is absent from an empty portfolio.
					want := slices.DeleteFunc(slices.Clone(want), func(k string) bool {
						return path == "" && k == "headline" && !slices.Contains(keys, k)
					})
					if !slices.Equal(keys, want) {
						t.Errorf("keys at %q = %q, want %q", path, keys, want)
					}
				}
			}
		})
	}
}

// collectKeys reads one JSON value from dec and records the keys of every
// object in it, in order, under the object's path ("evidence[]" for each
// item of the evidence list).
func collectKeys(dec *json.Decoder, path string, objects map[string][][]string) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		var keys []string
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return err
			}
			key := tok.(string)
			keys = append(keys, key)
			if err := collectKeys(dec, strings.TrimPrefix(path+"."+key, "."), objects); err != nil {
				return err
			}
		}
		objects[path] = append(objects[path], keys)
		_, err = dec.Token() // }
		return err
	case json.Delim('['):
		for dec.More() {
			if err := collectKeys(dec, path+"[]", objects); err != nil {
				return err
			}
		}
		_, err = dec.Token() // ]
		return err
	}
	return nil
}

func TestJSONEmptyListsAreNotNull(t *testing.T) {
	out := string(exportJSON(t, evidence.Portfolio{GeneratedAt: clock, Period: yearToClock}))
	for _, want := range []string{`"sites": []`, `"summary": []`, `"evidence": []`} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s:\n%s", want, out)
		}
	}
}

func TestJSONSummaryOrder(t *testing.T) {
	var doc schemaV1
	if err := json.Unmarshal(exportJSON(t, typicalPortfolio()), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range doc.Summary {
		got = append(got, s.Category)
	}
	want := make([]string, 0, len(evidence.Categories)+1)
	for _, c := range evidence.Categories {
		want = append(want, c.ID)
	}
	want = append(want, "customer-research") // user categories after the built-in ones
	if !slices.Equal(got, want) {
		t.Errorf("summary order = %q, want %q", got, want)
	}
}

// Every count of the headline can be recomputed from the evidence the
// export lists behind it.
func TestJSONHeadlineCountsAreRecomputableFromItsEvidence(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			var doc schemaV1
			if err := json.Unmarshal(exportJSON(t, tc.portfolio()), &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Headline == nil {
				if len(doc.Evidence) > 0 {
					t.Fatal("no headline for a portfolio with evidence")
				}
				return
			}
			if len(doc.Headline.Claims) == 0 || !strings.Contains(doc.Headline.Text, doc.Headline.Claims[0].Text) {
				t.Errorf("headline %q does not make its first claim %+v", doc.Headline.Text, doc.Headline.Claims)
			}
			byID := map[string]int{}
			for i, e := range doc.Evidence {
				byID[e.ID] = i
			}
			for _, c := range doc.Headline.Claims {
				issues := map[string]bool{}
				for _, id := range c.EvidenceIDs {
					i, ok := byID[id]
					if !ok || doc.Evidence[i].Category != c.Category {
						t.Fatalf("claim %q lists %s, which is not %s evidence of the export", c.Text, id, c.Category)
					}
					key := doc.Evidence[i].IssueKey
					if key == "" {
						key = id // an item on no issue counts one
					}
					issues[key] = true
				}
				var n int
				switch c.Counts {
				case "acts":
					acts := map[string]bool{}
					for _, id := range c.EvidenceIDs {
						e := doc.Evidence[byID[id]]
						acts[actOf(e.ID, e.Site, e.Source, e.Excerpt, e.Manual)] = true
					}
					n = len(acts)
				case "issues":
					n = len(issues)
				default:
					t.Fatalf("claim %q counts %q", c.Text, c.Counts)
				}
				// A claim of 1 may name its item instead: “led the response
				// to “Checkout returning 500s””.
				if n != c.Count || !strings.Contains(c.Text, strconv.Itoa(c.Count)) && !(c.Count == 1 && strings.Contains(c.Text, "“")) {
					t.Errorf("claim %q says %d; its %d evidence ids give %d %s", c.Text, c.Count, len(c.EvidenceIDs), n, c.Counts)
				}
			}
		})
	}
}
