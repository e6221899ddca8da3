package jiratest

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// approximateCount is Cloud's POST /search/approximate-count: the number of
// issues a JQL query matches, which /search/jql no longer reports.
func (s *Server) approximateCount(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "Method not allowed.")
		return
	}
	var body struct {
		JQL string `json:"jql"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeError(w, http.StatusBadRequest, "Invalid request payload. Refer to the REST API documentation and try again.")
		return
	}
	q, err := parseJQL(body.JQL, s.userLocation())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"count": len(s.selectIssues(q))})
}

// bulkChangelog is Cloud's POST /changelog/bulkfetch: the changelogs of up
// to 1,000 issues at once, token paged over histories. Following the
// OpenAPI document's example, `created` is a number here (epoch
// milliseconds), unlike the date strings of every other endpoint.
func (s *Server) bulkChangelog(w http.ResponseWriter, r *http.Request, rd *renderer) {
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "Method not allowed.")
		return
	}
	var body struct {
		IssueIDsOrKeys []string `json:"issueIdsOrKeys"`
		MaxResults     int      `json:"maxResults"`
		NextPageToken  string   `json:"nextPageToken"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeError(w, http.StatusBadRequest, "Invalid request payload. Refer to the REST API documentation and try again.")
		return
	}
	if len(body.IssueIDsOrKeys) == 0 || len(body.IssueIDsOrKeys) > 1000 {
		writeError(w, http.StatusBadRequest, "issueIdsOrKeys must hold between 1 and 1000 issue ids or keys.")
		return
	}
	limit := body.MaxResults
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	skip := 0
	if body.NextPageToken != "" {
		raw, err := base64.RawURLEncoding.DecodeString(body.NextPageToken)
		n, convErr := strconv.Atoi(strings.TrimPrefix(string(raw), "bulk:"))
		if err != nil || convErr != nil || n < 0 {
			writeError(w, http.StatusBadRequest, "The provided next page token is invalid or expired.")
			return
		}
		skip = n
	}
	type bulkHistory struct {
		historyJSON
		Created int64 `json:"created"`
	}
	type issueLog struct {
		IssueID         string        `json:"issueId"`
		ChangeHistories []bulkHistory `json:"changeHistories"`
	}
	var logs []issueLog
	seen, served := 0, 0
	for _, idOrKey := range body.IssueIDsOrKeys {
		is := s.site.Issue(idOrKey)
		if !s.site.visible(is) {
			continue // Jira leaves out issues the caller cannot see
		}
		var page []bulkHistory
		for _, h := range is.Histories {
			seen++
			if seen <= skip || served == limit {
				continue
			}
			page = append(page, bulkHistory{historyJSON: rd.history(h), Created: h.Created.UnixMilli()})
			served++
		}
		if len(page) > 0 {
			logs = append(logs, issueLog{IssueID: is.ID, ChangeHistories: page})
		}
	}
	out := map[string]any{"issueChangeLogs": logs}
	if skip+served < seen {
		out["nextPageToken"] = base64.RawURLEncoding.EncodeToString([]byte("bulk:" + strconv.Itoa(skip+served)))
	}
	if logs == nil {
		out["issueChangeLogs"] = []issueLog{}
	}
	writeJSON(w, http.StatusOK, out)
}
