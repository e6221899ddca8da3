package sync_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sqlite"
	evsync "github.com/pmfolio/pmfolio/evidence/sync"
	"github.com/pmfolio/pmfolio/jira"
)

// A real recorded Jira Cloud response (../../jira/testdata/samples, a copy
// of the shared API notes' sample): 25 issues where one administrator
// migrated the workflow of all of them within a second, and moved them
// through statuses in bulk, here on a colleague's issues. Synced as that
// administrator, none of it is PM work: no acceptance testing, nothing from
// the migration.
func TestAnAdministratorsWorkflowMigrationAndBulkMovesAreNotEvidence(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "jira", "testdata", "samples", "cloud-search-with-changelog.json"))
	if err != nil {
		t.Fatal(err)
	}
	var page map[string]any
	if err := json.Unmarshal(raw, &page); err != nil {
		t.Fatal(err)
	}
	page["isLast"] = true // served as Cloud's token-paged search
	// The recorded issues are the administrator's own; as in the site where
	// the false claims were seen, make them a colleague's.
	colleague := map[string]any{"key": "pat", "name": "pat", "displayName": "Pat Lee"}
	for _, is := range page["issues"].([]any) {
		fields := is.(map[string]any)["fields"].(map[string]any)
		fields["reporter"], fields["creator"] = colleague, colleague
	}
	mux := http.NewServeMux()
	reply := func(v any) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(v)
		}
	}
	mux.HandleFunc("GET /rest/api/2/serverInfo", reply(map[string]any{"deploymentType": "Cloud", "version": "1001.0.0"}))
	mux.HandleFunc("GET /rest/api/2/myself", reply(map[string]any{"key": "admin", "name": "admin",
		"displayName": "Daniel Vacanti [Administrator]", "timeZone": "America/New_York"}))
	mux.HandleFunc("GET /rest/api/2/field", reply([]any{}))
	mux.HandleFunc("GET /rest/api/2/search/jql", reply(page))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "pmfolio.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	c, err := jira.New(jira.Config{BaseURL: srv.URL, Email: "daniel@example.com", APIToken: "secret-token"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := runSync(ctx, c, store, evsync.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Issues != 25 {
		t.Fatalf("synced %d issues, want the 25 of the sample", res.Issues)
	}
	stats, err := store.Stats(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if stats.Activities[evidence.SourceChange] < 80 {
		t.Fatalf("the administrator's histories were not stored as theirs: %v", stats.Activities)
	}
	evs, err := store.Evidence(ctx, evidence.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		if ev.Source == evidence.SourceChange {
			t.Errorf("%s %s: %s claimed by %s from an administrator's migration or bulk move: %q",
				ev.IssueKey, ev.SourceID, ev.Category, ev.Rule, ev.Excerpt)
		}
	}
}
