package jiratest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

var testNow = time.Date(2026, time.November, 22, 10, 0, 0, 0, time.UTC)

func demo(t testing.TB, deployment string, issues int) *Site {
	t.Helper()
	return DemoSite(DemoOptions{Deployment: deployment, Issues: issues, Seed: 7, Now: testNow})
}

func startServer(t testing.TB, site *Site, opts ...Option) *Server {
	t.Helper()
	srv := NewServer(site, opts...)
	t.Cleanup(srv.Close)
	return srv
}

// client speaks to a fake server with the right credentials for its
// deployment.
type client struct {
	t    testing.TB
	srv  *Server
	auth string
}

func newClient(t testing.TB, srv *Server) *client {
	c := &client{t: t, srv: srv}
	srv.siteMu.RLock()
	cloud := srv.site.Deployment == DeploymentCloud
	srv.siteMu.RUnlock()
	if cloud {
		req, _ := http.NewRequest("GET", "/", nil)
		req.SetBasicAuth(DemoEmail, DemoAPIToken)
		c.auth = req.Header.Get("Authorization")
	} else {
		c.auth = "Bearer " + DemoPAT
	}
	return c
}

// get fetches path (relative to the base URL) and returns the status and body.
func (c *client) get(path string, query url.Values) (int, []byte) {
	c.t.Helper()
	u := c.srv.URL() + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	if c.auth != "" {
		req.Header.Set("Authorization", c.auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp.StatusCode, body
}

// getJSON fetches path, requires status 200 and decodes the body into v.
func (c *client) getJSON(path string, query url.Values, v any) {
	c.t.Helper()
	status, body := c.get(path, query)
	if status != http.StatusOK {
		c.t.Fatalf("GET %s?%s: status %d: %s", path, query.Encode(), status, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		c.t.Fatalf("GET %s: decode: %v\n%s", path, err, body)
	}
}

type pageOfIssues struct {
	Issues []struct {
		ID     string         `json:"id"`
		Key    string         `json:"key"`
		Self   string         `json:"self"`
		Fields map[string]any `json:"fields"`
		Log    *struct {
			StartAt    int               `json:"startAt"`
			MaxResults int               `json:"maxResults"`
			Total      int               `json:"total"`
			Histories  []json.RawMessage `json:"histories"`
		} `json:"changelog"`
	} `json:"issues"`
	// Cloud
	NextPageToken *string `json:"nextPageToken"`
	IsLast        *bool   `json:"isLast"`
	// Server
	StartAt    int `json:"startAt"`
	MaxResults int `json:"maxResults"`
	Total      int `json:"total"`
}

// searchAllCloud pages through /search/jql and returns the ids in order.
func searchAllCloud(t *testing.T, c *client, jql string, maxResults int) []string {
	t.Helper()
	var ids []string
	token := ""
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatal("too many pages")
		}
		// summary keeps the page cap in force (ids and updated alone page by thousands).
		q := url.Values{"jql": {jql}, "maxResults": {fmt.Sprint(maxResults)}, "fields": {"updated,summary"}}
		if token != "" {
			q.Set("nextPageToken", token)
		}
		var p pageOfIssues
		c.getJSON("/rest/api/2/search/jql", q, &p)
		for _, is := range p.Issues {
			ids = append(ids, is.ID)
		}
		if p.IsLast == nil {
			t.Fatal("isLast missing")
		}
		if *p.IsLast {
			if p.NextPageToken != nil {
				t.Fatal("last page carries a nextPageToken")
			}
			return ids
		}
		if p.NextPageToken == nil || *p.NextPageToken == token {
			t.Fatalf("page %d: no new token", pages)
		}
		token = *p.NextPageToken
	}
}

func searchAllServer(t *testing.T, c *client, jql string, maxResults int) []string {
	t.Helper()
	var ids []string
	for startAt := 0; ; {
		var p pageOfIssues
		c.getJSON("/rest/api/2/search", url.Values{"jql": {jql}, "startAt": {fmt.Sprint(startAt)}, "maxResults": {fmt.Sprint(maxResults)}}, &p)
		for _, is := range p.Issues {
			ids = append(ids, is.ID)
		}
		startAt += len(p.Issues)
		if len(p.Issues) == 0 || startAt >= p.Total {
			return ids
		}
	}
}

func requireEachOnce(t *testing.T, site *Site, ids []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Fatalf("issue %s served twice", id)
		}
		seen[id] = true
	}
	if len(seen) != site.IssueCount() {
		t.Fatalf("paging reached %d of %d issues", len(seen), site.IssueCount())
	}
}

func TestDemoSiteIsDeterministic(t *testing.T) {
	for _, dep := range []string{DeploymentCloud, DeploymentServer} {
		t.Run(dep, func(t *testing.T) {
			a, b := demo(t, dep, 200), demo(t, dep, 200)
			ra, rb := newRenderer(a, "https://jira.example"), newRenderer(b, "https://jira.example")
			all := parseFieldSelection([]string{"*all"}, "")
			for i := range a.issues {
				ja, _ := json.Marshal(ra.issue(a.issues[i], all, true, caps{-1, 1000, 1000}))
				jb, _ := json.Marshal(rb.issue(b.issues[i], all, true, caps{-1, 1000, 1000}))
				if !bytes.Equal(ja, jb) {
					t.Fatalf("issue %d differs between two generations", i)
				}
			}
			other := DemoSite(DemoOptions{Deployment: dep, Issues: 200, Seed: 8, Now: testNow})
			if other.issues[5].Summary == a.issues[5].Summary && len(other.issues[5].Histories) == len(a.issues[5].Histories) &&
				other.issues[9].Summary == a.issues[9].Summary {
				t.Error("a different seed gave the same site")
			}
		})
	}
}

func TestSameOptionsGiveByteIdenticalResponses(t *testing.T) {
	for _, dep := range []string{DeploymentCloud, DeploymentServer} {
		var bodies [2]string
		for i := range bodies {
			srv := startServer(t, demo(t, dep, 120), WithPageCap(40))
			c := newClient(t, srv)
			path, q := "/rest/api/2/search", url.Values{"jql": {"x"}, "fields": {"*all"}, "expand": {"changelog"}, "startAt": {"40"}}
			if dep == DeploymentCloud {
				var first pageOfIssues
				c.getJSON("/rest/api/2/search/jql", url.Values{"jql": {"x"}}, &first)
				path, q = "/rest/api/2/search/jql", url.Values{"jql": {"x"}, "fields": {"*all"}, "expand": {"changelog"}, "nextPageToken": {*first.NextPageToken}}
			}
			_, body := c.get(path, q)
			bodies[i] = strings.ReplaceAll(string(body), srv.URL(), "BASE")
		}
		if bodies[0] != bodies[1] || len(bodies[0]) < 10_000 {
			t.Errorf("%s: two servers of the same demo answered differently (%d and %d bytes)", dep, len(bodies[0]), len(bodies[1]))
		}
	}
}

func TestSearchByPost(t *testing.T) {
	for dep, path := range map[string]string{DeploymentCloud: "/rest/api/2/search/jql", DeploymentServer: "/rest/api/2/search"} {
		srv := startServer(t, demo(t, dep, 30))
		c := newClient(t, srv)
		body := `{"jql":"updated >= '2000-01-01 00:00' ORDER BY updated ASC","maxResults":7,"fields":["summary","status"],"expand":"changelog"}`
		if dep == DeploymentServer {
			body = `{"jql":"","startAt":7,"maxResults":7,"fields":["summary","status"],"expand":["changelog"]}`
		}
		req, _ := http.NewRequest("POST", srv.URL()+path, strings.NewReader(body))
		req.Header.Set("Authorization", c.auth)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var p pageOfIssues
		err = json.NewDecoder(resp.Body).Decode(&p)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK || len(p.Issues) != 7 || len(p.Issues[0].Fields) != 2 || p.Issues[0].Log == nil {
			t.Errorf("%s POST %s: status %d, %d issues, err %v", dep, path, resp.StatusCode, len(p.Issues), err)
		}
	}
}

func TestDemoSiteSizeAndShape(t *testing.T) {
	small := demo(t, DeploymentCloud, 200)
	if small.IssueCount() != 200 {
		t.Fatalf("IssueCount = %d, want 200", small.IssueCount())
	}
	var long, chatty, silent int
	for _, is := range small.issues {
		if len(is.Histories) > 60 {
			long++
		}
		if len(is.Comments) > 25 {
			chatty++
		}
		if len(is.Comments) == 0 {
			silent++
		}
		if is.Created.Before(testNow.AddDate(-1, 0, 0)) || is.Updated.After(testNow) || is.Updated.Before(is.Created) {
			t.Errorf("%s: created %v updated %v outside the demo year", is.Key, is.Created, is.Updated)
		}
		for i := 1; i < len(is.Histories); i++ {
			if is.Histories[i].Created.Before(is.Histories[i-1].Created) {
				t.Errorf("%s: histories out of order", is.Key)
			}
		}
	}
	if long == 0 || chatty == 0 || silent == 0 {
		t.Errorf("at 200 issues want some with >60 histories (%d), >25 comments (%d) and none (%d)", long, chatty, silent)
	}

	big := demo(t, DeploymentServer, 10_000) // its speed: BenchmarkDemoSite10000
	if big.IssueCount() != 10_000 {
		t.Fatalf("IssueCount = %d, want 10000", big.IssueCount())
	}
	var histories, comments int
	for _, is := range big.issues {
		histories += len(is.Histories)
		comments += len(is.Comments)
	}
	perIssue, commentsPerIssue := float64(histories)/10_000, float64(comments)/10_000
	if perIssue < 16 || perIssue > 24 || commentsPerIssue < 4 || commentsPerIssue > 7 {
		t.Errorf("at 10,000 issues: %.1f histories and %.1f comments per issue, want about 20 and 5", perIssue, commentsPerIssue)
	}
}

func TestSearchJQLPagesReachEveryIssueOnce(t *testing.T) {
	site := demo(t, DeploymentCloud, 200)
	srv := startServer(t, site, WithPageCap(30))
	c := newClient(t, srv)
	for _, jql := range []string{"project IN (OPS, PAY, MOB)", "updatedBy(x) ORDER BY updated ASC", "updated >= \"2020-01-01\" ORDER BY updated DESC"} {
		requireEachOnce(t, site, searchAllCloud(t, c, jql, 100)) // 100 is capped to 30
	}
	if got := srv.RequestsTo("/rest/api/2/search/jql"); got != 3*7 {
		t.Errorf("RequestsTo(search/jql) = %d, want 21 (7 pages of 30 per search)", got)
	}
}

func TestSearchJQLPagesByThousandsWhenOnlyUpdatedIsAsked(t *testing.T) {
	site := demo(t, DeploymentCloud, 200)
	srv := startServer(t, site, WithPageCap(30))
	c := newClient(t, srv)
	var p pageOfIssues
	c.getJSON("/rest/api/2/search/jql", url.Values{"jql": {`updated >= "2000-01-01"`}, "maxResults": {"5000"}, "fields": {"updated"}}, &p)
	if len(p.Issues) != 200 || p.IsLast == nil || !*p.IsLast {
		t.Errorf("a probe for updated only got %d issues in its first page, want all 200 in one", len(p.Issues))
	}
	c.getJSON("/rest/api/2/search/jql", url.Values{"jql": {`updated >= "2000-01-01"`}, "maxResults": {"5000"}, "fields": {"updated,summary"}}, &p)
	if len(p.Issues) != 30 {
		t.Errorf("a search naming summary got %d issues a page, want the cap of 30", len(p.Issues))
	}
}

func TestSearchWindowsBoundedAboveAndBelow(t *testing.T) {
	site := demo(t, DeploymentCloud, 200)
	srv := startServer(t, site, WithPageCap(30))
	c := newClient(t, srv)
	all := searchAllCloud(t, c, `updated >= "2000-01-01" ORDER BY updated ASC`, 30)
	var times []time.Time
	for _, id := range all {
		times = append(times, site.Issue(id).Updated)
	}
	loc, err := time.LoadLocation(site.Me.TimeZone)
	if err != nil {
		t.Fatal(err)
	}
	cut := times[100].Truncate(time.Minute).In(loc) // JQL reads dates in the user's zone
	before := searchAllCloud(t, c, fmt.Sprintf(`(updated >= "2000-01-01") AND updated >= "2000-02-01" AND updated < "%s" ORDER BY updated ASC`, cut.Format("2006-01-02 15:04")), 30)
	after := searchAllCloud(t, c, fmt.Sprintf(`(updated >= "2000-01-01") AND updated >= "%s" ORDER BY updated ASC`, cut.Format("2006-01-02 15:04")), 30)
	if got := append(append([]string(nil), before...), after...); !slices.Equal(got, all) {
		t.Errorf("two windows split at %v read %d + %d issues, not the %d of the whole search in order", cut, len(before), len(after), len(all))
	}
}

func TestSearchOffsetPagesReachEveryIssueOnce(t *testing.T) {
	site := demo(t, DeploymentServer, 200)
	srv := startServer(t, site)
	c := newClient(t, srv)
	ids := searchAllServer(t, c, "assignee was currentUser() ORDER BY updated ASC", 37)
	requireEachOnce(t, site, ids)
	var p pageOfIssues
	c.getJSON("/rest/api/2/search", url.Values{"jql": {""}, "maxResults": {"500"}}, &p)
	if p.MaxResults != 50 || len(p.Issues) != 50 || p.Total != 200 {
		t.Errorf("maxResults=500 gave maxResults %d, %d issues, total %d; want the cap 50 and total 200", p.MaxResults, len(p.Issues), p.Total)
	}
	if _, ok := p.Issues[0].Fields["summary"]; !ok {
		t.Error("Server search without fields should return the navigable fields")
	}
	if _, ok := p.Issues[0].Fields["comment"]; ok {
		t.Error("comment is not navigable and must not be in the default fields")
	}
}

func TestSearchOrderAndUpdatedBound(t *testing.T) {
	site := demo(t, DeploymentCloud, 200)
	srv := startServer(t, site)
	c := newClient(t, srv)
	// Jira reads the bound in the user's time zone, as the fake does.
	loc, err := time.LoadLocation(site.Me.TimeZone)
	if err != nil {
		t.Fatal(err)
	}
	since := testNow.AddDate(0, -2, 0).In(loc).Truncate(time.Minute)
	want := 0
	for _, is := range site.issues {
		if !is.Updated.Before(since) {
			want++
		}
	}
	jql := fmt.Sprintf(`issuekey IN updatedBy("x", "2025-01-01") AND updated >= "%s" ORDER BY updated ASC`, since.Format("2006-01-02 15:04"))
	ids := searchAllCloud(t, c, jql, 50)
	if len(ids) != want || want == 0 || want == 200 {
		t.Fatalf("updated bound gave %d issues, want %d (of 200)", len(ids), want)
	}
	var prev time.Time
	for _, id := range ids {
		is := site.Issue(id)
		if is.Updated.Before(since) {
			t.Errorf("%s updated %v is before the bound", is.Key, is.Updated)
		}
		if is.Updated.Before(prev) {
			t.Error("ORDER BY updated ASC is not ascending")
		}
		prev = is.Updated
	}

	// Default order is updated DESC; a date-only bound works too.
	var p pageOfIssues
	c.getJSON("/rest/api/2/search/jql", url.Values{"jql": {`updated >= "2000-01-01"`}, "fields": {"updated"}}, &p)
	first, _ := time.Parse(jiraTimeLayout, p.Issues[0].Fields["updated"].(string))
	second, _ := time.Parse(jiraTimeLayout, p.Issues[1].Fields["updated"].(string))
	if first.Before(second) {
		t.Error("default order should be updated DESC")
	}

	status, body := c.get("/rest/api/2/search/jql", url.Values{"jql": {`updated >= "last tuesday"`}})
	if status != http.StatusBadRequest || !strings.Contains(string(body), "is invalid") {
		t.Errorf("bad date: status %d %s", status, body)
	}
}

func TestSearchJQLFieldsAndEmbeddedCaps(t *testing.T) {
	site := demo(t, DeploymentCloud, 200)
	srv := startServer(t, site, WithCommentCap(5))
	c := newClient(t, srv)

	var ids pageOfIssues
	c.getJSON("/rest/api/2/search/jql", url.Values{"jql": {"project = OPS"}, "maxResults": {"5"}}, &ids)
	if len(ids.Issues) != 5 || ids.Issues[0].Fields != nil || ids.Issues[0].Key == "" || ids.Issues[0].Self == "" {
		t.Fatalf("default fields should be id, key and self only: %+v", ids.Issues[0])
	}

	var p pageOfIssues
	c.getJSON("/rest/api/2/search/jql", url.Values{"jql": {"project = OPS"}, "maxResults": {"100"},
		"fields": {"summary,comment", "status"}, "expand": {"changelog"}}, &p)
	cappedLog, cappedComments := 0, 0
	for _, is := range p.Issues {
		site := site.Issue(is.ID)
		if len(is.Fields) != 3 {
			t.Fatalf("%s: asked for 3 fields, got %v", is.Key, keys(is.Fields))
		}
		log := is.Log
		if log.Total != len(site.Histories) || len(log.Histories) != min(40, log.Total) || log.MaxResults != len(log.Histories) || log.StartAt != 0 {
			t.Fatalf("%s: changelog total %d maxResults %d histories %d, issue has %d", is.Key, log.Total, log.MaxResults, len(log.Histories), len(site.Histories))
		}
		if log.Total > 40 {
			cappedLog++
			var newest struct{ ID string }
			json.Unmarshal(log.Histories[len(log.Histories)-1], &newest)
			if newest.ID != site.Histories[len(site.Histories)-1].ID {
				t.Errorf("%s: embedded changelog should end with the newest history", is.Key)
			}
		}
		comment := is.Fields["comment"].(map[string]any)
		if int(comment["total"].(float64)) != len(site.Comments) || len(comment["comments"].([]any)) != min(5, len(site.Comments)) {
			t.Fatalf("%s: comment field %v", is.Key, comment["total"])
		}
		if len(site.Comments) > 5 {
			cappedComments++
		}
	}
	if cappedLog == 0 || cappedComments == 0 {
		t.Errorf("expected some capped changelogs (%d) and comment fields (%d)", cappedLog, cappedComments)
	}

	var all pageOfIssues
	c.getJSON("/rest/api/2/search/jql", url.Values{"jql": {"project = OPS"}, "maxResults": {"1"}, "fields": {"*all,-description"}}, &all)
	f := all.Issues[0].Fields
	for _, want := range []string{"summary", "comment", "worklog", site.FieldIDs.Sprint, site.FieldIDs.StoryPoints, site.FieldIDs.Rank, site.FieldIDs.Flagged} {
		if _, ok := f[want]; !ok {
			t.Errorf("*all is missing %s", want)
		}
	}
	if _, ok := f["description"]; ok {
		t.Error("-description was not honoured")
	}
	var nav pageOfIssues
	c.getJSON("/rest/api/2/search/jql", url.Values{"jql": {"project = OPS"}, "maxResults": {"1"}, "fields": {"*navigable"}}, &nav)
	if _, ok := nav.Issues[0].Fields["comment"]; ok {
		t.Error("*navigable must leave out comment")
	}
	if _, ok := nav.Issues[0].Fields["status"]; !ok {
		t.Error("*navigable must include status")
	}
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestSearchJQLErrors(t *testing.T) {
	site := demo(t, DeploymentCloud, 60)
	srv := startServer(t, site, WithPageCap(10))
	c := newClient(t, srv)
	for name, q := range map[string]url.Values{
		"empty jql":     {"jql": {" "}},
		"unknown token": {"jql": {"project = OPS"}, "nextPageToken": {"bm90LWEtdG9rZW4"}},
	} {
		status, body := c.get("/rest/api/2/search/jql", q)
		var e struct {
			ErrorMessages []string       `json:"errorMessages"`
			Errors        map[string]any `json:"errors"`
		}
		if status != http.StatusBadRequest || json.Unmarshal(body, &e) != nil || len(e.ErrorMessages) != 1 || e.Errors == nil {
			t.Errorf("%s: status %d body %s, want 400 with Jira's error shape", name, status, body)
		}
	}

	var p pageOfIssues
	c.getJSON("/rest/api/2/search/jql", url.Values{"jql": {"project = OPS"}}, &p)
	srv.ExpirePageTokens()
	status, _ := c.get("/rest/api/2/search/jql", url.Values{"jql": {"project = OPS"}, "nextPageToken": {*p.NextPageToken}})
	if status != http.StatusBadRequest {
		t.Errorf("expired token: status %d, want 400", status)
	}
	status, _ = c.get("/rest/api/2/search/jql", url.Values{"jql": {"project = PAY"}, "nextPageToken": {*p.NextPageToken}})
	if status != http.StatusBadRequest {
		t.Errorf("token of another query: status %d, want 400", status)
	}
}

func TestCloudOldSearchIsGone(t *testing.T) {
	srv := startServer(t, demo(t, DeploymentCloud, 20))
	c := newClient(t, srv)
	for _, path := range []string{"/rest/api/2/search", "/rest/api/3/search"} {
		for _, method := range []string{"GET", "POST"} {
			req, _ := http.NewRequest(method, srv.URL()+path+"?jql=project%3DOPS", strings.NewReader(`{"jql":"project = OPS"}`))
			req.Header.Set("Authorization", c.auth)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusGone || !strings.Contains(string(body), "/rest/api/3/search/jql") {
				t.Errorf("%s %s: %d %s, want 410 pointing at /search/jql", method, path, resp.StatusCode, body)
			}
		}
	}
	serverSite := startServer(t, demo(t, DeploymentServer, 20))
	if status, _ := newClient(t, serverSite).get("/rest/api/2/search/jql", url.Values{"jql": {"x"}}); status != http.StatusNotFound {
		t.Errorf("Server /search/jql: status %d, want 404", status)
	}
}

func TestAuth(t *testing.T) {
	for _, dep := range []string{DeploymentCloud, DeploymentServer} {
		t.Run(dep, func(t *testing.T) {
			srv := startServer(t, demo(t, dep, 20))
			good := newClient(t, srv)
			var me map[string]any
			good.getJSON("/rest/api/2/myself", nil, &me)
			if me["displayName"] != "Maya Lindqvist" {
				t.Errorf("myself = %v", me)
			}
			if dep == DeploymentCloud && (me["accountId"] == nil || me["name"] != nil) {
				t.Errorf("Cloud user shape: %v", me)
			}
			if dep == DeploymentServer && (me["key"] == nil || me["accountId"] != nil) {
				t.Errorf("Server user shape: %v", me)
			}
			// The other deployment's scheme with its valid demo secret.
			wrongScheme := "Bearer " + DemoPAT
			if dep == DeploymentServer {
				r, _ := http.NewRequest("GET", "/", nil)
				r.SetBasicAuth(DemoEmail, DemoAPIToken)
				wrongScheme = r.Header.Get("Authorization")
			}
			for _, auth := range []string{"", "Bearer nope", "Basic bm9wZTpub3Bl", wrongScheme} {
				bad := &client{t: t, srv: srv, auth: auth}
				for _, path := range []string{"/rest/api/2/myself", "/rest/api/2/field", "/rest/api/2/issue/OPS-1181/comment"} {
					req, _ := http.NewRequest("GET", srv.URL()+path, nil)
					if auth != "" {
						req.Header.Set("Authorization", auth)
					}
					resp, err := http.DefaultClient.Do(req)
					if err != nil {
						t.Fatal(err)
					}
					resp.Body.Close()
					if resp.StatusCode != http.StatusUnauthorized || resp.Header.Get("X-Seraph-LoginReason") != "AUTHENTICATED_FAILED" {
						t.Errorf("%s with %q: %d %q", path, auth, resp.StatusCode, resp.Header.Get("X-Seraph-LoginReason"))
					}
				}
				if status, _ := bad.get("/rest/api/2/serverInfo", nil); status != http.StatusOK {
					t.Errorf("serverInfo needs no auth, got %d", status)
				}
			}
		})
	}
	custom := startServer(t, demo(t, DeploymentServer, 5), WithPAT("other"))
	if status, _ := newClient(t, custom).get("/rest/api/2/myself", nil); status != http.StatusUnauthorized {
		t.Errorf("WithPAT: the demo PAT should be refused, got %d", status)
	}
	withCreds := startServer(t, demo(t, DeploymentCloud, 5), WithCredentials("a@b.example", "tok"))
	req, _ := http.NewRequest("GET", withCreds.URL()+"/rest/api/2/myself", nil)
	req.SetBasicAuth("a@b.example", "tok")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("WithCredentials: %d", resp.StatusCode)
	}
}

func TestContextPathAndServerInfo(t *testing.T) {
	site := demo(t, DeploymentServer, 30)
	srv := startServer(t, site, WithContextPath("/jira/"))
	if !strings.HasSuffix(srv.URL(), "/jira") {
		t.Fatalf("URL() = %s, want it to end in /jira", srv.URL())
	}
	c := newClient(t, srv)
	var info map[string]any
	c.getJSON("/rest/api/2/serverInfo", nil, &info)
	if info["baseUrl"] != srv.URL() || info["deploymentType"] != "Server" {
		t.Errorf("serverInfo = %v", info)
	}
	requireEachOnce(t, site, searchAllServer(t, c, "", 50))
	var p pageOfIssues
	c.getJSON("/rest/api/2/search", url.Values{"maxResults": {"1"}}, &p)
	if !strings.HasPrefix(p.Issues[0].Self, srv.URL()+"/rest/api/2/issue/") {
		t.Errorf("self %s does not include the context path", p.Issues[0].Self)
	}
	if srv.RequestsTo("/rest/api/2/search") != 2 {
		t.Errorf("RequestsTo(/rest/api/2/search) = %d, want 2", srv.RequestsTo("/rest/api/2/search"))
	}
	outside := &client{t: t, srv: srv, auth: c.auth}
	resp, err := http.Get(strings.TrimSuffix(srv.URL(), "/jira") + "/rest/api/2/serverInfo")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("outside the context path: %d, want 404", resp.StatusCode)
	}
	if status, _ := outside.get("/rest/api/2/nonsense", nil); status != http.StatusNotFound {
		t.Errorf("unknown path: %d, want 404", status)
	}
}

// busiest returns the issue with the most of something.
func busiest(site *Site, count func(*Issue) int) *Issue {
	var best *Issue
	for _, is := range site.issues {
		if best == nil || count(is) > count(best) {
			best = is
		}
	}
	return best
}

func TestCommentChangelogAndWorklogEndpointsPage(t *testing.T) {
	site := demo(t, DeploymentCloud, 200)
	srv := startServer(t, site)
	c := newClient(t, srv)

	chatty := busiest(site, func(is *Issue) int { return len(is.Comments) })
	var ids []string
	for startAt := 0; ; {
		var page struct {
			Comments []struct{ ID string }
			StartAt  int
			Total    int
		}
		c.getJSON("/rest/api/2/issue/"+chatty.Key+"/comment", url.Values{"startAt": {fmt.Sprint(startAt)}, "maxResults": {"7"}, "orderBy": {"created"}}, &page)
		if page.Total != len(chatty.Comments) || page.StartAt != startAt {
			t.Fatalf("comment page: total %d startAt %d", page.Total, page.StartAt)
		}
		for _, cm := range page.Comments {
			ids = append(ids, cm.ID)
		}
		startAt += len(page.Comments)
		if len(page.Comments) == 0 || startAt >= page.Total {
			break
		}
	}
	if len(ids) != len(chatty.Comments) || ids[0] != chatty.Comments[0].ID || ids[len(ids)-1] != chatty.Comments[len(chatty.Comments)-1].ID {
		t.Errorf("comment paging returned %d of %d comments, or out of order", len(ids), len(chatty.Comments))
	}

	long := busiest(site, func(is *Issue) int { return len(is.Histories) })
	var got []string
	for startAt := 0; ; {
		var page struct {
			Values []struct{ ID string }
			IsLast bool
			Total  int
		}
		c.getJSON("/rest/api/2/issue/"+long.ID+"/changelog", url.Values{"startAt": {fmt.Sprint(startAt)}, "maxResults": {"25"}}, &page)
		for _, h := range page.Values {
			got = append(got, h.ID)
		}
		startAt += len(page.Values)
		if page.IsLast {
			break
		}
	}
	if len(got) != len(long.Histories) || got[0] != long.Histories[0].ID {
		t.Errorf("changelog paging returned %d of %d histories, or not oldest first", len(got), len(long.Histories))
	}
	var capped struct{ Values []any }
	c.getJSON("/rest/api/2/issue/"+long.Key+"/changelog", url.Values{"maxResults": {"1000"}}, &capped)
	if len(long.Histories) > 100 && len(capped.Values) != 100 {
		t.Errorf("changelog maxResults should be capped at 100, got %d", len(capped.Values))
	}

	worked := busiest(site, func(is *Issue) int { return len(is.Worklogs) })
	if len(worked.Worklogs) <= 20 {
		t.Fatalf("want an issue with more than 20 worklogs, the most is %d", len(worked.Worklogs))
	}
	var embedded struct {
		Fields struct {
			Worklog struct {
				Total, MaxResults int
				Worklogs          []any
			}
		}
	}
	c.getJSON("/rest/api/2/issue/"+worked.Key, url.Values{"fields": {"worklog"}}, &embedded)
	if embedded.Fields.Worklog.Total != len(worked.Worklogs) || len(embedded.Fields.Worklog.Worklogs) != 20 {
		t.Errorf("embedded worklog: total %d, %d shown", embedded.Fields.Worklog.Total, len(embedded.Fields.Worklog.Worklogs))
	}
	seen := 0
	for startAt := 0; startAt < len(worked.Worklogs); {
		var page struct {
			Worklogs []struct{ ID string }
			Total    int
		}
		c.getJSON("/rest/api/2/issue/"+worked.Key+"/worklog", url.Values{"startAt": {fmt.Sprint(startAt)}, "maxResults": {"10"}}, &page)
		if len(page.Worklogs) == 0 {
			break
		}
		seen += len(page.Worklogs)
		startAt += len(page.Worklogs)
	}
	if seen != len(worked.Worklogs) {
		t.Errorf("worklog paging returned %d of %d", seen, len(worked.Worklogs))
	}

	if status, body := c.get("/rest/api/2/issue/NOPE-1/comment", nil); status != http.StatusNotFound || !strings.Contains(string(body), "Issue does not exist") {
		t.Errorf("unknown issue: %d %s", status, body)
	}
}

func TestServerIssueEndpointGivesWholeChangelog(t *testing.T) {
	site := demo(t, DeploymentServer, 200)
	srv := startServer(t, site)
	c := newClient(t, srv)
	long := busiest(site, func(is *Issue) int { return len(is.Histories) })
	var got struct {
		Key       string
		Fields    map[string]any
		Changelog struct {
			Total     int
			Histories []struct {
				Items []map[string]any
			}
		}
	}
	c.getJSON("/rest/api/2/issue/"+long.Key, url.Values{"expand": {"changelog"}, "fields": {"summary"}}, &got)
	if got.Changelog.Total != len(long.Histories) || len(got.Changelog.Histories) != len(long.Histories) || len(got.Fields) != 1 {
		t.Errorf("Server issue: %d of %d histories, fields %v", len(got.Changelog.Histories), len(long.Histories), keys(got.Fields))
	}
	for _, h := range got.Changelog.Histories {
		if _, ok := h.Items[0]["fieldId"]; ok {
			t.Fatal("Server changelog items have no fieldId")
		}
	}
	if status, _ := c.get("/rest/api/2/issue/"+long.Key+"/changelog", nil); status != http.StatusNotFound {
		t.Errorf("Server has no changelog endpoint, got %d", status)
	}
}

func TestUpdateMutatesWhatTheServerServes(t *testing.T) {
	site := demo(t, DeploymentCloud, 50)
	srv := startServer(t, site, WithCommentCap(1000))
	c := newClient(t, srv)
	target := busiest(site, func(is *Issue) int { return len(is.Comments) })
	dest := "PAY"
	if target.Project.Key == dest {
		dest = "MOB"
	}
	oldKey := target.Key
	at := testNow
	var newKey, commentID string
	srv.Update(func(s *Site) {
		var err error
		if commentID, err = s.AddComment(oldKey, true, "Update: added in a test", at); err != nil {
			t.Fatal(err)
		}
		if err := s.EditComment(oldKey, commentID, "Update: edited in a test", at); err != nil {
			t.Fatal(err)
		}
		// Deleting while ranging over the comments must be safe.
		for i, c := range s.Issue(oldKey).Comments {
			if i < 2 {
				if err := s.DeleteComment(oldKey, c.ID, at); err != nil {
					t.Fatal(err)
				}
			}
		}
		if newKey, err = s.MoveIssue(oldKey, dest, at.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
	})
	var moved struct {
		ID, Key string
		Fields  struct {
			Updated string
			Comment struct {
				Comments []struct{ ID, Body string }
			}
		}
	}
	c.getJSON("/rest/api/2/issue/"+oldKey, url.Values{"fields": {"updated,comment"}}, &moved)
	if moved.Key != newKey || moved.ID != target.ID || !strings.HasPrefix(newKey, dest+"-") {
		t.Errorf("old key %s answered %s/%s, want new key %s and id %s", oldKey, moved.Key, moved.ID, newKey, target.ID)
	}
	updated, _ := time.Parse(jiraTimeLayout, moved.Fields.Updated)
	if !updated.Equal(at.Add(time.Minute)) {
		t.Errorf("updated = %v, want the move time", updated)
	}
	last := moved.Fields.Comment.Comments[len(moved.Fields.Comment.Comments)-1]
	if last.ID != commentID || last.Body != "Update: edited in a test" {
		t.Errorf("last comment = %+v", last)
	}
	var first pageOfIssues
	c.getJSON("/rest/api/2/search/jql", url.Values{"jql": {"x"}, "maxResults": {"1"}}, &first)
	if first.Issues[0].ID != target.ID {
		t.Error("the touched issue should come first in updated DESC order")
	}
}

func TestInjectedFaults(t *testing.T) {
	srv := startServer(t, demo(t, DeploymentCloud, 10))
	c := newClient(t, srv)
	srv.Inject(func(r *http.Request) *Fault {
		if strings.HasSuffix(r.URL.Path, "/myself") {
			return &Fault{Status: http.StatusTooManyRequests, RetryAfter: "3"}
		}
		return nil
	})
	req, _ := http.NewRequest("GET", srv.URL()+"/rest/api/2/myself", nil)
	req.Header.Set("Authorization", c.auth)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != "3" {
		t.Errorf("fault: %d Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	srv.Inject(func(*http.Request) *Fault { return &Fault{Delay: 10 * time.Millisecond} })
	if status, _ := c.get("/rest/api/2/myself", nil); status != http.StatusOK {
		t.Errorf("a delay-only fault should serve the real answer, got %d", status)
	}
	srv.Inject(nil)
	if srv.Requests() != 2 || srv.RequestsTo("/rest/api/2/myself") != 2 {
		t.Errorf("Requests() = %d, RequestsTo = %d, want 2", srv.Requests(), srv.RequestsTo("/rest/api/2/myself"))
	}
}

func TestFieldListNamesTheCustomFields(t *testing.T) {
	want := map[string]map[string]string{
		DeploymentCloud: {
			"com.pyxis.greenhopper.jira:gh-sprint":                              "customfield_10020",
			"com.pyxis.greenhopper.jira:jsw-story-points":                       "customfield_10016",
			"com.pyxis.greenhopper.jira:gh-lexo-rank":                           "customfield_10019",
			"com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes": "customfield_10021",
		},
		DeploymentServer: {
			"com.pyxis.greenhopper.jira:gh-sprint":                              "customfield_10104",
			"com.atlassian.jira.plugin.system.customfieldtypes:float":           "customfield_10106",
			"com.pyxis.greenhopper.jira:gh-epic-link":                           "customfield_10101",
			"com.pyxis.greenhopper.jira:gh-lexo-rank":                           "customfield_10105",
			"com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes": "customfield_10200",
		},
	}
	for dep, customs := range want {
		srv := startServer(t, demo(t, dep, 5))
		var fields []struct {
			ID, Name string
			Custom   bool
			Schema   struct{ Custom, System string }
		}
		newClient(t, srv).getJSON("/rest/api/2/field", nil, &fields)
		found := map[string]string{}
		for _, f := range fields {
			if f.Custom {
				found[f.Schema.Custom] = f.ID
			}
		}
		for schema, id := range customs {
			if found[schema] != id {
				t.Errorf("%s: field with schema %s is %q, want %s", dep, schema, found[schema], id)
			}
		}
	}
}

// Categories of the PM-work taxonomy, and notPM for hands-on engineering.
const (
	storyWriting  = "story-writing"
	grooming      = "backlog-grooming"
	prioritizing  = "prioritization"
	sprintPlan    = "sprint-planning"
	releasePlan   = "release-planning"
	stakeholders  = "stakeholder-communication"
	unblocking    = "unblocking"
	crossTeam     = "cross-team-coordination"
	deciding      = "decision-making"
	epicOwnership = "epic-ownership"
	acceptance    = "acceptance-testing"
	incidents     = "incident-coordination"
	notPM         = "not-pm"
)

// commentSignals are the phrases that mark each kind of comment Me writes.
var commentSignals = []struct {
	category string
	phrases  []string
}{
	{notPM, []string{"LGTM", "lgtm", "Looks good to me", "PR #", "Rebased on main", "Deployed to staging", "Can't reproduce", "Bumped the chart",
		"Added the missing index", "Re-ran the pipeline", "Merged. Watching", "Done on my side", "OOMKilled", "Reverted in PR", "Found it:"}},
	{incidents, []string{"Next update at", "Resolved", "Incident comms", "Impact so far", "Mitigated at", "All clear", "incident channel", "Roles for this incident"}},
	{acceptance, []string{"Verified", "verified", "Meets", "meets AC", "UAT passed", "Reopening", "acceptance criteria pass", "Does what we needed"}},
	{epicOwnership, []string{"Goal of this epic", "Success metrics", "Kick-off notes", "Epic check-in", "Progress since", "Re-ordered the children",
		"out of this epic", "into this epic", "Added the success metric", "Outcome:", "Result:", "Closing the epic"}},
	{deciding, []string{"Decision", "agreed", "going with", "out of scope", "Descoped", "decided", "settled on", "Won't", "Not doing this"}},
	{grooming, []string{"uplicate"}},
	{unblocking, []string{"(flagoff)", "good to go", "Go ahead", "go ahead", "unblocked", "no need to wait", "No need to wait", "Tell me if it still",
		"We can polish later", "Approved.", "start whenever"}},
	{crossTeam, []string{"Hi [~", "Hand-off", "dependency check", "Coordinating with", "Dependency:", "Synced with", "off your plate", "Talked to the"}},
	{releasePlan, []string{"Targeting", "Aiming this at", "Release notes", "release notes", "Go/no-go", "No-go", "next release", "Code freeze", "ships in"}},
	{sprintPlan, []string{"Sprint goal", "apacity", "Carrying this over", "Pulled into", "Taking this out of", "For planning", "stretch item", "carried over",
		"Planning note", "Made room"}},
	{prioritizing, []string{"above", "ahead of", "more important than", "Deprioritising", "P2, not P1", "priority because", "top of the backlog",
		"either this or", "Parking this", "High impact", "Cost of delay", "Ordering for", "Nice-to-have", "Must-have"}},
	{stakeholders, []string{"Update", "update", "Status", "FYI", "ETA", "Heads up", "Summary for", "keep you posted", "On track"}},
}

func classifyComment(body string) string {
	for _, s := range commentSignals {
		for _, p := range s.phrases {
			if strings.Contains(body, p) {
				return s.category
			}
		}
	}
	return ""
}

// classifyHistory names the kinds of work one of Me's changelog entries is.
func classifyHistory(site *Site, is *Issue, h *History) []string {
	var out []string
	for _, it := range h.Items {
		switch it.Field {
		case "Story Points", "Story point estimate", "labels", "Component", "description", "summary":
			if it.Field == "description" && is.Type == typeEpic && is.Reporter == site.Me {
				out = append(out, epicOwnership)
			} else {
				out = append(out, grooming)
			}
		case "priority", "Rank":
			out = append(out, prioritizing)
		case "Sprint":
			out = append(out, sprintPlan)
		case "Fix Version":
			out = append(out, releasePlan)
		case "Epic Link", "Parent", "IssueParentAssociation":
			if it.From != "" {
				out = append(out, epicOwnership)
			} else {
				out = append(out, grooming)
			}
		case "Flagged":
			if it.To == "" {
				out = append(out, unblocking)
			}
		case "Link":
			switch {
			case strings.Contains(it.FromString, "is blocked by"):
				out = append(out, unblocking)
			case strings.Contains(it.ToString, "duplicates"):
				out = append(out, grooming)
			case strings.Contains(it.ToString, "relates to") && (strings.Contains(is.Summary, "Postmortem") || slices.Contains(is.Labels, "follow-up")):
				out = append(out, incidents)
			case !strings.HasPrefix(it.To+it.From, is.Project.Key+"-"):
				out = append(out, crossTeam)
			}
		case "resolution":
			switch it.ToString {
			case "Duplicate":
				out = append(out, grooming)
			case "Won't Do":
				out = append(out, deciding)
			}
		case "status":
			switch {
			case is.Type == typeEpic:
				out = append(out, epicOwnership)
			case it.FromString == "Blocked" && is.Assignee != site.Me:
				out = append(out, unblocking)
			case is.Assignee != site.Me && (it.ToString == "Done" || it.FromString == "Done"):
				out = append(out, acceptance)
			case is.Assignee == site.Me:
				out = append(out, notPM)
			}
		case "assignee":
			if it.To == site.Me.AccountID || it.To == site.Me.Name {
				out = append(out, notPM)
			}
		}
	}
	return out
}

func classifyCreation(is *Issue) string {
	d := is.Description
	switch {
	case is.Type == typeEpic:
		return epicOwnership
	case strings.HasPrefix(is.Summary, "Postmortem:") || strings.HasPrefix(is.Summary, "Follow-up:"):
		return incidents
	case strings.Contains(d, "I want") || strings.Contains(d, "Acceptance criteria") || strings.Contains(d, "h3. Problem") || strings.Contains(d, "h3. Why"):
		return storyWriting
	case slices.Contains(is.Labels, "incident"):
		return incidents
	}
	return notPM
}

func TestMeDoesEveryKindOfPMWorkAndSomeEngineering(t *testing.T) {
	for _, dep := range []string{DeploymentCloud, DeploymentServer} {
		t.Run(dep, func(t *testing.T) {
			site := demo(t, dep, 200)
			me := site.Me
			counts := map[string]int{}
			activities, unclassified := 0, 0
			note := func(categories ...string) {
				activities++
				if len(categories) == 0 {
					unclassified++
				}
				for _, c := range categories {
					counts[c]++
				}
			}
			for _, is := range site.issues {
				if is.Reporter == me {
					note(classifyCreation(is))
				}
				for _, h := range is.Histories {
					if h.Author == me {
						note(classifyHistory(site, is, h)...)
					}
				}
				for _, c := range is.Comments {
					if c.Author == me {
						if k := classifyComment(c.Body); k != "" {
							note(k)
						} else {
							t.Errorf("%s: cannot tell what kind of work this comment is: %q", is.Key, c.Body)
							note()
						}
					}
				}
				for _, w := range is.Worklogs {
					if w.Author == me {
						note(notPM)
					}
				}
			}
			for _, c := range []string{storyWriting, grooming, prioritizing, sprintPlan, releasePlan, stakeholders, unblocking, crossTeam, deciding, epicOwnership, acceptance, incidents} {
				if counts[c] < 5 {
					t.Errorf("Me has %d activities of kind %s, want at least 5", counts[c], c)
				}
			}
			share := float64(counts[notPM]) / float64(activities)
			t.Logf("%d activities by Me: %v; not PM %.0f%%; unclassified %d", activities, counts, share*100, unclassified)
			if share < 0.25 || share > 0.42 {
				t.Errorf("%.0f%% of Me's activity is plainly not PM work, want about a third", share*100)
			}
		})
	}
}

// BenchmarkDemoSite10000 generates the 10,000-issue site the sync
// benchmarks serve.
func BenchmarkDemoSite10000(b *testing.B) {
	for b.Loop() {
		DemoSite(DemoOptions{Deployment: DeploymentServer, Issues: 10_000, Seed: 1})
	}
}

// The demo reads as one team's real history: nobody is named twice in one
// sentence, and a postmortem and its follow-ups agree on how many
// merchants the incident affected.
func TestDemoTextAgreesWithItself(t *testing.T) {
	twice := regexp.MustCompile(`(\[~accountid:[^\]]+\]) and (\[~accountid:[^\]]+\])`)
	affected := regexp.MustCompile(`(\d+) merchants (?:were )?affected`)
	for _, dep := range []string{DeploymentCloud, DeploymentServer} {
		site := demo(t, dep, 600)
		byKey := map[string]*Issue{}
		for _, is := range site.issues {
			byKey[is.Key] = is
		}
		for _, is := range site.issues {
			texts := []string{is.Description}
			for _, c := range is.Comments {
				texts = append(texts, c.Body)
			}
			for _, text := range texts {
				for _, m := range twice.FindAllStringSubmatch(text, -1) {
					if m[1] == m[2] {
						t.Errorf("%s %s names one person twice: %q", dep, is.Key, m[0])
					}
				}
			}
			// "From the postmortem OPS-12 of OPS-10: …"
			var postmortem string
			if _, err := fmt.Sscanf(is.Description, "From the postmortem %s", &postmortem); err != nil {
				continue
			}
			pm, ok := byKey[postmortem]
			if !ok {
				t.Errorf("%s %s: no postmortem %s", dep, is.Key, postmortem)
				continue
			}
			if got, want := affected.FindStringSubmatch(is.Description), affected.FindStringSubmatch(pm.Description); got != nil && (want == nil || got[1] != want[1]) {
				t.Errorf("%s %s says %s merchants were affected, its postmortem %s says %v", dep, is.Key, got[1], pm.Key, want)
			}
		}
	}
}
