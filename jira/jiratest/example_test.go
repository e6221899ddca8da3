package jiratest_test

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

func ExampleNewServer() {
	site := jiratest.DemoSite(jiratest.DemoOptions{Deployment: jiratest.DeploymentServer, Issues: 50, Seed: 1})
	srv := jiratest.NewServer(site, jiratest.WithContextPath("/jira"))
	defer srv.Close()

	// A test can change the site between two syncs.
	srv.Update(func(s *jiratest.Site) {
		if _, err := s.AddComment("OPS-1181", true, "Update: rollout done.", s.Now); err != nil {
			panic(err)
		}
	})

	req, _ := http.NewRequest("GET", srv.URL()+"/rest/api/2/myself", nil)
	req.Header.Set("Authorization", "Bearer "+jiratest.DemoPAT)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	var me struct{ Name, DisplayName string }
	json.NewDecoder(resp.Body).Decode(&me)
	fmt.Println(me.Name, me.DisplayName, srv.RequestsTo("/rest/api/2/myself"))
	// Output: mlindqvist Maya Lindqvist 1
}
