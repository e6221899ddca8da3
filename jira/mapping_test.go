package jira

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// loadSampleIssues reads the issues of a recorded search response.
func loadSampleIssues(t *testing.T, name string) []json.RawMessage {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "samples", name))
	if err != nil {
		t.Fatal(err)
	}
	var page struct {
		Issues []json.RawMessage `json:"issues"`
	}
	if err := json.Unmarshal(data, &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Issues) == 0 {
		t.Fatalf("%s holds no issues", name)
	}
	return page.Issues
}

// generic walks decoded JSON by a dotted path; the expectations below are
// read this way, independently of the mapping's own structs.
func generic(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func names(v any, key string) []string {
	var out []string
	list, _ := v.([]any)
	for _, item := range list {
		if s, ok := item.(string); ok && key == "" {
			out = append(out, s)
		} else {
			out = append(out, str(generic(item, key)))
		}
	}
	return out
}

func userID(v any) string {
	for _, k := range []string{"accountId", "key", "name"} {
		if id := str(generic(v, k)); id != "" {
			return id
		}
	}
	return ""
}

func jiraTimeOf(t *testing.T, v any) time.Time {
	t.Helper()
	if v == nil {
		return time.Time{}
	}
	var jt jiraTime
	b, _ := json.Marshal(v)
	if err := jt.UnmarshalJSON(b); err != nil {
		t.Fatal(err)
	}
	return jt.Time
}

func equalStrings(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00")
}

// TestRecordedResponsesMapWithoutLoss maps every issue of every recorded
// real search response and checks each mapped value against the raw JSON.
func TestRecordedResponsesMapWithoutLoss(t *testing.T) {
	for _, sample := range []string{"cloud-search-with-changelog.json", "server-search-page-1.json", "server-search-page-2.json"} {
		t.Run(sample, func(t *testing.T) {
			for _, raw := range loadSampleIssues(t, sample) {
				var g any
				if err := json.Unmarshal(raw, &g); err != nil {
					t.Fatal(err)
				}
				is, acts, err := mapIssue(raw, Fields{Flagged: "customfield_10200"})
				if err != nil {
					t.Fatalf("map %s: %v", str(generic(g, "key")), err)
				}
				f := generic(g, "fields")
				checks := []struct {
					what      string
					got, want any
				}{
					{"id", is.ID, str(generic(g, "id"))},
					{"key", is.Key, str(generic(g, "key"))},
					{"summary", is.Summary, str(generic(f, "summary"))},
					{"description", is.Description, str(generic(f, "description"))},
					{"type", is.Type, str(generic(f, "issuetype.name"))},
					{"project", is.Project, str(generic(f, "project.key"))},
					{"status", is.Status, str(generic(f, "status.name"))},
					{"status category", is.StatusCategory, str(generic(f, "status.statusCategory.key"))},
					{"priority", is.Priority, str(generic(f, "priority.name"))},
					{"resolution", is.Resolution, str(generic(f, "resolution.name"))},
					{"reporter", is.Reporter.ID, userID(generic(f, "reporter"))},
					{"creator", is.Creator.ID, userID(generic(f, "creator"))},
					{"assignee", is.Assignee.ID, userID(generic(f, "assignee"))},
					{"created", is.Created, jiraTimeOf(t, generic(f, "created"))},
					{"updated", is.Updated, jiraTimeOf(t, generic(f, "updated"))},
				}
				for _, c := range checks {
					if c.got != c.want {
						t.Errorf("%s %s = %v, want %v", is.Key, c.what, c.got, c.want)
					}
				}
				if got, want := is.Labels, names(generic(f, "labels"), ""); !equalStrings(got, want) {
					t.Errorf("%s labels = %v, want %v", is.Key, got, want)
				}
				if got, want := is.Components, names(generic(f, "components"), "name"); !equalStrings(got, want) {
					t.Errorf("%s components = %v, want %v", is.Key, got, want)
				}
				if got, want := is.FixVersions, names(generic(f, "fixVersions"), "name"); !equalStrings(got, want) {
					t.Errorf("%s fix versions = %v, want %v", is.Key, got, want)
				}
				links, _ := generic(f, "issuelinks").([]any)
				if len(is.Links) != len(links) {
					t.Errorf("%s links = %d, want %d", is.Key, len(is.Links), len(links))
				}

				// Every history, comment and worklog becomes one activity.
				histories, _ := generic(g, "changelog.histories").([]any)
				comments, _ := generic(f, "comment.comments").([]any)
				worklogs, _ := generic(f, "worklog.worklogs").([]any)
				count := map[evidence.Source]int{}
				for _, a := range acts {
					count[a.Source]++
					if a.IssueID != is.ID || a.SourceID == "" || a.At.IsZero() {
						t.Errorf("%s activity without issue, id or time: %+v", is.Key, a)
					}
				}
				if count[evidence.SourceChange] != len(histories) || count[evidence.SourceComment] != len(comments) ||
					count[evidence.SourceWorklog] != len(worklogs) || count[evidence.SourceIssue] != 1 {
					t.Errorf("%s activities %v; want %d changes, %d comments, %d worklogs, 1 creation",
						is.Key, count, len(histories), len(comments), len(worklogs))
				}
				items := 0
				for _, h := range histories {
					hi, _ := generic(h, "items").([]any)
					items += len(hi)
				}
				gotItems := 0
				for _, a := range acts {
					gotItems += len(a.Items)
				}
				if gotItems != items {
					t.Errorf("%s change items = %d, want %d", is.Key, gotItems, items)
				}
			}
		})
	}
}

func TestRecordedCloudChangeItemsKeepFromAndTo(t *testing.T) {
	raw := loadSampleIssues(t, "cloud-search-with-changelog.json")[0]
	_, acts, err := mapIssue(raw, Fields{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range acts {
		if a.Source != evidence.SourceChange {
			continue
		}
		it := a.Items[0]
		if it.Field != "status" || it.FieldType != "jira" || it.FromString != "Backlog" || it.ToString != "Dev Active" ||
			it.From != "10002" || it.To != "10102" || a.Author.ID != "admin" || a.Author.DisplayName != "Daniel Vacanti [Administrator]" {
			t.Errorf("first history = %+v by %+v", it, a.Author)
		}
		want := time.Date(2015, 11, 21, 12, 14, 1, 643e6, time.UTC)
		if !a.At.Equal(want) {
			t.Errorf("history time = %v, want %v (Jira's -0500 offset read)", a.At, want)
		}
		return
	}
	t.Fatal("no change activity in the first recorded issue")
}

func TestRecordedServerFieldListFindsFlagged(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "samples", "server-fields.json"))
	if err != nil {
		t.Fatal(err)
	}
	var list []struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		Custom bool   `json:"custom"`
		Schema struct {
			Custom string `json:"custom"`
		} `json:"schema"`
	}
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatal(err)
	}
	var infos []FieldInfo
	for _, f := range list {
		infos = append(infos, FieldInfo{ID: f.ID, Name: f.Name, Custom: f.Custom, Schema: f.Schema.Custom})
	}
	got := DiscoverFields(infos)
	// This site has no Jira Software fields, only Flagged.
	want := Fields{Flagged: "customfield_10200"}
	if got.Flagged != want.Flagged || got.Sprint != "" || len(got.StoryPoints) != 0 || got.EpicLink != "" {
		t.Errorf("DiscoverFields = %+v, want %+v", got, want)
	}
}

func TestDiscoverFieldsByTypeNotNumber(t *testing.T) {
	got := DiscoverFields([]FieldInfo{
		{ID: "summary", Name: "Summary"},
		{ID: "customfield_10020", Name: "Sprint", Custom: true, Schema: schemaSprint},
		{ID: "customfield_10016", Name: "Story point estimate", Custom: true, Schema: schemaStoryPoints},
		{ID: "customfield_10106", Name: "Story Points", Custom: true, Schema: schemaFloat},
		{ID: "customfield_10500", Name: "Budget", Custom: true, Schema: schemaFloat},
		{ID: "customfield_10014", Name: "Epic Link", Custom: true, Schema: schemaEpicLink},
		{ID: "customfield_10019", Name: "Rank", Custom: true, Schema: schemaRank},
		{ID: "customfield_10021", Name: "Flagged", Custom: true, Schema: schemaCheckboxes},
		{ID: "customfield_10022", Name: "Platforms", Custom: true, Schema: schemaCheckboxes},
	})
	if got.Sprint != "customfield_10020" || !equalStrings(got.StoryPoints, []string{"customfield_10016", "customfield_10106"}) ||
		got.EpicLink != "customfield_10014" || got.Rank != "customfield_10019" || got.Flagged != "customfield_10021" {
		t.Errorf("DiscoverFields = %+v", got)
	}
}

func TestSprintNamesReadsCloudObjectsAndServerStrings(t *testing.T) {
	cases := []struct {
		name, raw string
		want      []string
	}{
		{"cloud objects", `[{"id":3,"name":"OPS Sprint 14","state":"closed","boardId":1},{"id":4,"name":"OPS Sprint 15","state":"active"}]`,
			[]string{"OPS Sprint 14", "OPS Sprint 15"}},
		{"server strings", `["com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=3,rapidViewId=1,state=CLOSED,name=Sprint 7,startDate=2016-01-01T00:00:00.000Z,goal=ship it]"]`,
			[]string{"Sprint 7"}},
		{"null", `null`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := sprintNames(json.RawMessage(c.raw)); !equalStrings(got, c.want) {
				t.Errorf("sprintNames = %q, want %q", got, c.want)
			}
		})
	}
}

func TestMapIssueRejectsGarbage(t *testing.T) {
	for _, raw := range []string{`{`, `[]`, `{"fields":{}}`, `{"id":"1","key":"A-1","fields":{"created":"yesterday"}}`} {
		if _, _, err := mapIssue([]byte(raw), Fields{}); err == nil {
			t.Errorf("mapIssue(%s) accepted garbage", raw)
		}
	}
}

// TestRecordedServerCommentPagesAreReadOnceEach serves the two recorded
// comment pages; the second repeats the first's comments (as a list that
// changes while it is paged can), so paging must tell comments apart by id
// and end rather than ask again for ever.
func TestRecordedServerCommentPagesAreReadOnceEach(t *testing.T) {
	pages := map[string]string{"0": "server-comments-page-1.json", "2": "server-comments-page-2.json"}
	requests := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		if r.URL.Path != "/rest/api/2/issue/10100/comment" || r.URL.Query().Get("orderBy") != "created" {
			t.Errorf("unexpected request %s", r.URL)
		}
		name, ok := pages[r.URL.Query().Get("startAt")]
		if !ok || requests > 5 {
			http.Error(w, `{"errorMessages":["no such page"]}`, http.StatusBadRequest)
			return
		}
		http.ServeFile(w, r, filepath.Join("testdata", "samples", name))
	}))
	t.Cleanup(srv.Close)
	c, err := New(Config{BaseURL: srv.URL, PAT: "x"})
	if err != nil {
		t.Fatal(err)
	}
	comments, err := c.pageAll(context.Background(), "rest/api/2/issue/10100/comment", url.Values{"orderBy": {"created"}}, "comments")
	if err != nil {
		t.Fatal(err)
	}
	if len(comments) != 2 || requests != 2 {
		t.Fatalf("read %d comments in %d requests, want 2 in 2", len(comments), requests)
	}
	raw, _ := json.Marshal(map[string]any{"id": "10100", "key": "HELP-1",
		"fields": map[string]any{"comment": map[string]any{"total": 2, "comments": comments}}})
	_, acts, err := mapIssue(raw, Fields{})
	if err != nil {
		t.Fatal(err)
	}
	if len(acts) != 2 || acts[0].SourceID != "10022" || acts[0].Author.ID != "557058:887ce97e-9fbd-4873-8b09-669ce3b1e696" ||
		!strings.HasPrefix(acts[0].Text, "G'day [~leo.papadopoulos]!") ||
		!acts[0].At.Equal(time.Date(2018, 5, 24, 21, 35, 30, 742e6, time.UTC)) {
		t.Errorf("mapped comments = %+v", acts)
	}
}

// Jira sends a missing changelog value as null; a field cleared to the empty
// string sends "". The stored activity keeps the difference.
func TestChangeItemNullIsNotEmpty(t *testing.T) {
	raw := []byte(`{"id":"10001","key":"PAY-1","fields":{"summary":"s","project":{"key":"PAY"},"issuetype":{"name":"Story"},
		"status":{"name":"To Do","statusCategory":{"key":"new"}},"created":"2026-03-01T10:00:00.000+0000","updated":"2026-03-02T10:00:00.000+0000"},
		"changelog":{"startAt":0,"maxResults":1,"total":1,"histories":[{"id":"7","author":{"accountId":"a1","displayName":"Sam"},
		"created":"2026-03-02T10:00:00.000+0000","items":[
			{"field":"Sprint","fieldtype":"custom","fieldId":"customfield_10020","from":null,"fromString":null,"to":"12","toString":"PAY Sprint 4"},
			{"field":"environment","fieldtype":"jira","from":null,"fromString":"prod","to":null,"toString":""}]}]}}`)
	_, acts, err := mapIssue(raw, Fields{})
	if err != nil {
		t.Fatal(err)
	}
	var items []evidence.ChangeItem
	for _, a := range acts {
		if a.Source == evidence.SourceChange {
			items = a.Items
		}
	}
	if len(items) != 2 {
		t.Fatalf("items = %+v", items)
	}
	if s := items[0]; !s.FromNull || !s.FromStringNull || s.ToNull || s.ToStringNull {
		t.Errorf("sprint added: nulls = %+v, want from and fromString null only", s)
	}
	if e := items[1]; !e.FromNull || e.FromStringNull || !e.ToNull || e.ToStringNull || e.ToString != "" {
		t.Errorf("environment cleared: %+v, want toString the empty string, not null", e)
	}
	stored, err := json.Marshal(items[1])
	if err != nil {
		t.Fatal(err)
	}
	var back evidence.ChangeItem
	if err := json.Unmarshal(stored, &back); err != nil || back != items[1] {
		t.Errorf("stored as %s, read back %+v (%v)", stored, back, err)
	}
}

// decodeIssue reads an issue and the custom fields asked for in one pass;
// what it reads is what decoding the issue and, separately, its fields by
// name would: every recorded issue, and one with the custom fields of a
// Cloud site (sprints, story points, flags, an epic link, a null one, one
// absent), also asked for under a name that clashes with a named field.
func TestDecodeIssueReadsTheCustomFieldsItIsAskedFor(t *testing.T) {
	raws := []json.RawMessage{json.RawMessage(`{"id":"10001","key":"PAY-1","changelog":{"total":1,"histories":[{"id":"7","created":"2026-01-02T03:04:05.000+0000","items":[{"field":"status","fromString":"To Do","toString":"Done"}]}]},
		"fields":{"summary":"Pay out","customfield_10020":[{"id":3,"name":"PAY Sprint 7","state":"active"}],"customfield_10016":5.5,
		"customfield_10021":[{"value":"Impediment"}],"customfield_10101":"PAY-0","customfield_10106":null,"created":"2026-01-01T00:00:00.000+0000"}}`)}
	for _, sample := range []string{"cloud-search-with-changelog.json", "server-search-page-1.json", "server-search-page-2.json"} {
		raws = append(raws, loadSampleIssues(t, sample)...)
	}
	for _, ids := range [][]string{
		nil,
		{"customfield_10020", "customfield_10016", "customfield_10106", "customfield_10021", "customfield_10101", "customfield_19999", "customfield_10301"},
		{"customfield_10020", "Summary", ""},
	} {
		for _, raw := range raws {
			var wantAPI apiIssue
			var envelope struct {
				Fields map[string]json.RawMessage `json:"fields"`
			}
			if err := json.Unmarshal(raw, &wantAPI); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw, &envelope); err != nil {
				t.Fatal(err)
			}
			api, custom, err := decodeIssue(raw, ids)
			if err != nil {
				t.Fatalf("%s: %v", wantAPI.Key, err)
			}
			if !reflect.DeepEqual(api, wantAPI) {
				t.Errorf("%s with custom fields %q: decoded %+v, want %+v", wantAPI.Key, ids, api, wantAPI)
			}
			for _, id := range ids {
				if want, ok := envelope.Fields[id]; ok != (custom[id] != nil) || string(custom[id]) != string(want) {
					t.Errorf("%s: custom field %q is %s, want %s", wantAPI.Key, id, custom[id], want)
				}
			}
		}
	}
}

// A link carries the other issue's status as Jira sent it, so that `next`
// does not chase a blocker finished long before the team's read.
func TestMapIssueKeepsTheLinkedIssuesStatus(t *testing.T) {
	raw := []byte(`{"id":"10001","key":"OPS-1","fields":{
		"summary":"s","issuetype":{"name":"Story"},"project":{"key":"OPS"},
		"status":{"name":"In Progress","statusCategory":{"key":"indeterminate"}},
		"issuelinks":[
			{"id":"1","type":{"name":"Blocks","inward":"is blocked by","outward":"blocks"},
			 "inwardIssue":{"id":"20","key":"PAY-7","fields":{"summary":"Ledger export","status":{"name":"Done","statusCategory":{"id":3,"key":"done","name":"Done"}}}}},
			{"id":"2","type":{"name":"Blocks","inward":"is blocked by","outward":"blocks"},
			 "outwardIssue":{"id":"21","key":"MOB-3","fields":{"status":{"name":"In Review","statusCategory":{"key":"indeterminate"}}}}},
			{"id":"3","type":{"name":"Relates","inward":"relates to","outward":"relates to"},
			 "outwardIssue":{"id":"22","key":"OPS-9"}}]}}`)
	is, _, err := mapIssue(raw, Fields{})
	if err != nil {
		t.Fatal(err)
	}
	want := []evidence.IssueLink{
		{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PAY-7", OtherProject: "PAY", OtherStatusCategory: "done"},
		{Type: "Blocks", Direction: "outward", Description: "blocks", OtherKey: "MOB-3", OtherProject: "MOB", OtherStatusCategory: "indeterminate"},
		{Type: "Relates", Direction: "outward", Description: "relates to", OtherKey: "OPS-9", OtherProject: "OPS"},
	}
	if !slices.Equal(is.Links, want) {
		t.Errorf("links = %+v\nwant %+v", is.Links, want)
	}
	if is.Blocked() {
		t.Error("an issue whose only blocker was done when read counts as blocked by a link")
	}
}
