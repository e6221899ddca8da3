package jira

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadSearchPage holds readSearchPage to encoding/json: what
// encoding/json reads into a searchPage, readSearchPage reads the same,
// every issue byte for byte; what encoding/json refuses, readSearchPage
// refuses too, unless an issue itself is not valid JSON, which decodeIssue
// then refuses. The seeds, run by every go test, are recorded pages and
// the shapes a broken proxy sends.
func FuzzReadSearchPage(f *testing.F) {
	for _, sample := range []string{"cloud-search-with-changelog.json", "server-search-page-1.json", "server-search-page-2.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "samples", sample))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, seed := range []string{
		`null`, `null0`, ` {} `, `{"issues":[]}`, `{"issues":null,"isLast":true}`, `{"issues":"none"}`, `[]`, `42`, ``,
		`{"Issues":[{"key":"A-1","s":"\"]}\\"}, {"id":"2"} ],"NEXTPAGETOKEN":"t","isLast":false,"total":3,"startAt":1}`,
		`{"issues":[{"id":"1"}],"names":{"a":[1,2,{"b":null}]},"warningMessages":["x"]} trailing`,
		`{"issues":[{"id":"1"}}`, `{"issues":[{"id":"1"]}`, `{"issues":[1 2]}`, `{"issues":[42],"isLast":"yes"}`,
		`{"issues":[{"key":"OPS-1","fields":{"summ`, `<html><body>Service temporarily unavailable</body></html>`,
		`{"a":tru,"issues":[]}`, `{"issues":[{"id":"1"}],"issues":[{"id":"2"}]}`, `{"issues":[{""}],"issues":[]}`, `{"total":1.5}`, `{"issues":[nul]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		got, err := readSearchPage(body)
		var want searchPage
		wantErr := json.NewDecoder(bytes.NewReader(body)).Decode(&want)
		if wantErr == nil {
			if err != nil {
				t.Fatalf("encoding/json reads %q; readSearchPage fails: %v", body, err)
			}
			if got.NextPageToken != want.NextPageToken || got.IsLast != want.IsLast || got.StartAt != want.StartAt ||
				got.Total != want.Total || len(got.Issues) != len(want.Issues) {
				t.Fatalf("readSearchPage read %q as %+v; encoding/json as %+v", body, got, want)
			}
			for i := range want.Issues {
				if !bytes.Equal(got.Issues[i], want.Issues[i]) {
					t.Fatalf("issue %d of %q is %q; encoding/json reads %q", i, body, got.Issues[i], want.Issues[i])
				}
			}
			return
		}
		if err == nil {
			for _, raw := range got.Issues {
				if !json.Valid(raw) {
					return // decodeIssue refuses it
				}
			}
			t.Fatalf("readSearchPage reads %q, which encoding/json refuses: %v", body, wantErr)
		}
	})
}
