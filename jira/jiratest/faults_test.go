package jiratest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"
)

func TestTruncateDropsTheConnectionMidBody(t *testing.T) {
	srv := startServer(t, demo(t, DeploymentCloud, 10))
	c := newClient(t, srv)
	_, whole := c.get("/rest/api/2/issue/OPS-1181", nil)
	srv.Inject(func(*http.Request) *Fault { return &Fault{Truncate: 100} })
	req, _ := http.NewRequest("GET", srv.URL()+"/rest/api/2/issue/OPS-1181", nil)
	req.Header.Set("Authorization", c.auth)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || resp.ContentLength != int64(len(whole)) {
		t.Errorf("status %d, Content-Length %d; want the real answer's 200 and %d", resp.StatusCode, resp.ContentLength, len(whole))
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) || string(body) != string(whole[:100]) {
		t.Errorf("read %d bytes, %v; want the first 100 bytes of the real answer, then an unexpected EOF", len(body), err)
	}
}

func TestTruncateWithHangStallsUntilTheClientGivesUp(t *testing.T) {
	srv := startServer(t, demo(t, DeploymentCloud, 10))
	c := newClient(t, srv)
	srv.Inject(func(*http.Request) *Fault { return &Fault{Truncate: 10, Hang: true} })
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL()+"/rest/api/2/myself", nil)
	req.Header.Set("Authorization", c.auth)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if len(body) != 10 || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("read %d bytes, %v; want 10 and then the client's deadline", len(body), err)
	}
}

func TestDeletedIssueIsGoneEverywhere(t *testing.T) {
	site := demo(t, DeploymentCloud, 30)
	srv := startServer(t, site)
	c := newClient(t, srv)
	var victim *Issue
	for _, is := range site.Issues() {
		if len(is.Links) > 0 && len(is.Comments) > 0 {
			victim = is
			break
		}
	}
	if victim == nil {
		t.Fatal("no linked issue with comments on the demo site")
	}
	oldKey := victim.Key
	var newKey string
	srv.Update(func(s *Site) {
		var err error
		if newKey, err = s.MoveIssue(oldKey, "MOB", s.Now); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteIssue(newKey); err != nil {
			t.Fatal(err)
		}
	})
	for _, path := range []string{"/rest/api/2/issue/" + victim.ID, "/rest/api/2/issue/" + oldKey, "/rest/api/2/issue/" + newKey,
		"/rest/api/2/issue/" + victim.ID + "/comment"} {
		if status, _ := c.get(path, nil); status != http.StatusNotFound {
			t.Errorf("GET %s = %d after deletion, want 404", path, status)
		}
	}
	if site.IssueCount() != 29 {
		t.Errorf("site has %d issues, want 29", site.IssueCount())
	}
	for _, is := range site.Issues() {
		for _, l := range is.Links {
			if l.From == victim || l.To == victim {
				t.Errorf("%s still links to the deleted issue", is.Key)
			}
		}
		if is.Parent == victim {
			t.Errorf("%s still has the deleted issue as parent", is.Key)
		}
	}
	var page struct{ Issues []struct{ ID string } }
	c.getJSON("/rest/api/2/search/jql", url.Values{"jql": {"updated >= 2000-01-01"}, "maxResults": {"100"}}, &page)
	for _, is := range page.Issues {
		if is.ID == victim.ID {
			t.Error("search still returns the deleted issue")
		}
	}
	if len(page.Issues) != 29 {
		t.Errorf("search returned %d issues, want 29", len(page.Issues))
	}
	if err := site.DeleteIssue(newKey); err == nil {
		t.Error("deleting a deleted issue did not fail")
	}
}

func TestProjectAccessHidesAProjectWithoutDeletingIt(t *testing.T) {
	site := demo(t, DeploymentServer, 30)
	srv := startServer(t, site)
	c := newClient(t, srv)
	var payIssue *Issue
	for _, is := range site.Issues() {
		if is.Project.Key == "PAY" {
			payIssue = is
			break
		}
	}
	if status, _ := c.get("/rest/api/2/project/PAY", nil); status != http.StatusOK {
		t.Fatalf("GET project = %d", status)
	}
	srv.Update(func(s *Site) {
		if err := s.SetProjectAccess("PAY", false); err != nil {
			t.Fatal(err)
		}
	})
	for _, path := range []string{"/rest/api/2/project/PAY", "/rest/api/2/issue/" + payIssue.ID} {
		if status, _ := c.get(path, nil); status != http.StatusNotFound {
			t.Errorf("GET %s = %d without access, want 404", path, status)
		}
	}
	var page struct {
		Total  int
		Issues []struct{ Key string }
	}
	c.getJSON("/rest/api/2/search", url.Values{"jql": {"updated >= 2000-01-01"}}, &page)
	for _, is := range page.Issues {
		if is.Key[:3] == "PAY" {
			t.Errorf("search returns %s of a project the user may not browse", is.Key)
		}
	}
	if site.Issue(payIssue.ID) == nil || site.IssueCount() != 30 {
		t.Error("revoking access deleted something")
	}
	srv.Update(func(s *Site) {
		if err := s.SetProjectAccess("PAY", true); err != nil {
			t.Fatal(err)
		}
	})
	if status, _ := c.get("/rest/api/2/issue/"+payIssue.ID, nil); status != http.StatusOK {
		t.Errorf("GET issue = %d after access is restored", status)
	}
	if err := site.SetProjectAccess("NOPE", false); err == nil {
		t.Error("an unknown project was accepted")
	}
}
