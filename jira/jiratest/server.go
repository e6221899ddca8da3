package jiratest

import (
	"bytes"
	"cmp"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// endpointPageCap is the most items the comment, changelog and worklog
// endpoints return per page (Cloud's changelog limit), so large issues need
// several pages.
const endpointPageCap = 100

// Server is a fake Jira serving a Site over HTTP on 127.0.0.1.
type Server struct {
	srv         *httptest.Server
	contextPath string
	email       string
	apiToken    string
	pat         string
	caps        caps
	pageCap     int
	siteURL     string // what serverInfo calls the site's base URL; empty: URL()

	siteMu sync.RWMutex // guards site
	site   *Site

	latency   time.Duration
	rateLimit RateLimit

	mu         sync.Mutex // guards the fields below
	requests   int
	inFlight   int
	peak       int
	throttled  int
	byPath     map[string]int
	fault      func(r *http.Request) *Fault
	pageTokens map[string]searchCursor
}

// Fault is an answer the server gives instead of the real one, to test
// retries and timeouts. The server waits Delay first (or until the client
// gives up); a zero Status then serves the real answer late. An empty Body
// becomes a Jira error document naming the status.
//
// Truncate, when positive and Status is zero, serves the real answer's
// status, headers and Content-Length but only its first Truncate bytes, and
// then drops the connection: a connection reset mid-body. With Hang, the
// connection is held open after those bytes instead, until the client gives
// up: a page that stalls halfway.
type Fault struct {
	Status     int
	RetryAfter string // the Retry-After header, e.g. "2"
	Body       string
	Delay      time.Duration
	Truncate   int
	Hang       bool
}

// Option configures NewServer.
type Option func(*Server)

// WithContextPath serves Jira under a path, e.g. "/jira", as Server sites
// behind a shared host do.
func WithContextPath(path string) Option {
	return func(s *Server) { s.contextPath = "/" + strings.Trim(path, "/") }
}

// WithPageCap sets the most issues a search page returns, whatever the
// client asks for (default 50).
func WithPageCap(n int) Option { return func(s *Server) { s.pageCap = n } }

// WithChangelogCap sets how many of the newest histories a search result
// embeds (default 40 on Cloud, 100 on Server).
func WithChangelogCap(n int) Option { return func(s *Server) { s.caps.changelog = n } }

// WithCommentCap sets how many comments an issue's comment field embeds
// (default 20).
func WithCommentCap(n int) Option { return func(s *Server) { s.caps.comments = n } }

// WithWorklogCap sets how many worklogs an issue's worklog field embeds
// (default 20, as Jira).
func WithWorklogCap(n int) Option { return func(s *Server) { s.caps.worklogs = n } }

// WithLatency answers every request d late, as a site across the internet
// does (Jira Cloud takes 100-300 ms a request from another continent).
// Requests wait side by side: the fake serves them concurrently.
func WithLatency(d time.Duration) Option { return func(s *Server) { s.latency = d } }

// RateLimit is a burst limit like Jira Cloud's: more than MaxInFlight
// requests at once are answered 429 with Retry-After, X-RateLimit-* and
// RateLimit-Reason headers; answers also carry X-RateLimit-NearLimit once
// in-flight requests reach four fifths of the limit.
type RateLimit struct {
	MaxInFlight int
	RetryAfter  int // seconds
}

// WithRateLimit enforces a burst limit (see RateLimit).
func WithRateLimit(rl RateLimit) Option { return func(s *Server) { s.rateLimit = rl } }

// WithCredentials sets the e-mail and API token a Cloud server accepts
// (default DemoEmail and DemoAPIToken).
func WithCredentials(email, apiToken string) Option {
	return func(s *Server) { s.email, s.apiToken = email, apiToken }
}

// WithSiteURL makes serverInfo report url as the site's base URL, as Jira
// Cloud does when reached through Atlassian's API gateway
// (https://api.atlassian.com/ex/jira/{cloudId}) with a scoped token: the
// API lives at one address, the site people browse at another.
func WithSiteURL(url string) Option { return func(s *Server) { s.siteURL = url } }

// WithPAT sets the personal access token a Server site accepts (default
// DemoPAT).
func WithPAT(pat string) Option { return func(s *Server) { s.pat = pat } }

// NewServer starts serving site. Close it when done (t.Cleanup(srv.Close)).
func NewServer(site *Site, opts ...Option) *Server {
	s := &Server{
		site: site, email: DemoEmail, apiToken: DemoAPIToken, pat: DemoPAT,
		pageCap: 50, caps: caps{changelog: 40, comments: 20, worklogs: 20},
		byPath: map[string]int{}, pageTokens: map[string]searchCursor{},
	}
	if site.Deployment == DeploymentServer {
		s.caps.changelog = 100
	}
	for _, o := range opts {
		o(s)
	}
	if s.contextPath == "/" {
		s.contextPath = ""
	}
	// Assigned before it starts, so that handlers see it (a client in
	// another process gives the race detector no ordering to go by).
	s.srv = httptest.NewUnstartedServer(http.HandlerFunc(s.serveHTTP))
	s.srv.Start()
	return s
}

// URL is the site's base URL, including the context path.
func (s *Server) URL() string { return s.srv.URL + s.contextPath }

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// Requests counts the requests served so far, faults and refusals included.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

// RequestsTo counts the requests whose path, after the context path, starts
// with path, e.g. "/rest/api/2/issue/OPS-1201/comment".
func (s *Server) RequestsTo(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for p, c := range s.byPath {
		if strings.HasPrefix(p, path) {
			n += c
		}
	}
	return n
}

// RequestsByPath counts the requests served so far by path, after the
// context path and without the query.
func (s *Server) RequestsByPath() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.byPath)
}

// Update runs f on the site while no request is being answered, so tests can
// add, edit and delete comments, move issues and bump updated times between
// (or during) syncs.
func (s *Server) Update(f func(*Site)) {
	s.siteMu.Lock()
	defer s.siteMu.Unlock()
	f(s.site)
}

// Inject makes f decide, for every request, whether to serve a Fault instead
// of the real answer; nil removes it.
func (s *Server) Inject(f func(r *http.Request) *Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault = f
}

// ExpirePageTokens forgets every search page token handed out so far, as
// Jira Cloud does after seven days: using one afterwards is a 400.
func (s *Server) ExpirePageTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.pageTokens)
}

// PeakInFlight is the most requests the server was answering at once.
func (s *Server) PeakInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.peak
}

// Throttled counts the requests answered 429 by the rate limit.
func (s *Server) Throttled() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.throttled
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	path, inContext := strings.CutPrefix(r.URL.Path, s.contextPath)
	s.mu.Lock()
	s.requests++
	s.byPath[path]++
	inject := s.fault
	s.inFlight++
	inFlight := s.inFlight
	s.peak = max(s.peak, inFlight)
	over := s.rateLimit.MaxInFlight > 0 && inFlight > s.rateLimit.MaxInFlight
	if over {
		s.throttled++
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
	}()

	if s.latency > 0 {
		select {
		case <-time.After(s.latency):
		case <-r.Context().Done():
			return
		}
	}
	if rl := s.rateLimit; rl.MaxInFlight > 0 {
		remaining := max(0, rl.MaxInFlight-inFlight)
		w.Header().Set("X-RateLimit-Limit", strconv.Itoa(rl.MaxInFlight))
		w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
		if 5*inFlight >= 4*rl.MaxInFlight {
			w.Header().Set("X-RateLimit-NearLimit", "true")
		}
		if over {
			w.Header().Set("RateLimit-Reason", "jira-burst-based")
			w.Header().Set("Retry-After", strconv.Itoa(rl.RetryAfter))
			w.Header().Set("X-RateLimit-Reset", time.Now().UTC().Add(time.Duration(rl.RetryAfter)*time.Second).Format("2006-01-02T15:04Z"))
			writeError(w, http.StatusTooManyRequests, "Rate limit exceeded.")
			return
		}
	}

	if inject != nil {
		if f := inject(r); f != nil && !serveFault(w, r, f) {
			return
		} else if f != nil && f.Truncate > 0 {
			s.serveTruncated(w, r, f, path, inContext)
			return
		}
	}
	s.serveReal(w, r, path, inContext)
}

// serveTruncated sends the first f.Truncate bytes of the real answer under
// headers that promise all of it, then drops the connection (or, with
// f.Hang, holds it until the client gives up).
func (s *Server) serveTruncated(w http.ResponseWriter, r *http.Request, f *Fault, path string, inContext bool) {
	rec := httptest.NewRecorder()
	s.serveReal(rec, r, path, inContext)
	body := rec.Body.Bytes()
	maps.Copy(w.Header(), rec.Header())
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rec.Code)
	w.Write(body[:min(f.Truncate, len(body))])
	http.NewResponseController(w).Flush()
	if f.Hang {
		<-r.Context().Done()
	}
	// The sentinel makes net/http close the connection without logging.
	panic(http.ErrAbortHandler)
}

// serveReal answers a request as Jira would.
func (s *Server) serveReal(w http.ResponseWriter, r *http.Request, path string, inContext bool) {
	if !inContext || (s.contextPath != "" && path != "" && path[0] != '/') {
		notFound(w)
		return
	}
	if path == "/rest/api/2/serverInfo" {
		s.serverInfo(w)
		return
	}
	if !s.authorized(r) {
		s.refuse(w)
		return
	}

	s.siteMu.RLock()
	defer s.siteMu.RUnlock()
	cloud := s.site.Deployment == DeploymentCloud
	rd := newRenderer(s.site, s.URL())
	switch {
	case path == "/rest/api/2/myself":
		writeJSON(w, http.StatusOK, rd.user(s.site.Me))
	case path == "/rest/api/2/field":
		var list []any
		for _, f := range s.site.fieldDefs() {
			list = append(list, f.json(cloud))
		}
		writeJSON(w, http.StatusOK, list)
	case cloud && (path == "/rest/api/2/search" || path == "/rest/api/3/search"):
		writeError(w, http.StatusGone, "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046")
	case cloud && path == "/rest/api/2/search/jql":
		s.searchJQL(w, r, rd)
	case cloud && (path == "/rest/api/2/search/approximate-count" || path == "/rest/api/3/search/approximate-count"):
		s.approximateCount(w, r)
	case cloud && path == "/rest/api/2/changelog/bulkfetch":
		s.bulkChangelog(w, r, rd)
	case !cloud && path == "/rest/api/2/search":
		s.searchOffset(w, r, rd)
	case strings.HasPrefix(path, "/rest/api/2/issue/"):
		s.issueEndpoint(w, r, rd, strings.TrimPrefix(path, "/rest/api/2/issue/"))
	case strings.HasPrefix(path, "/rest/api/2/project/") && r.Method == http.MethodGet:
		s.projectEndpoint(w, rd, strings.TrimPrefix(path, "/rest/api/2/project/"))
	case s.boardEndpoints(w, r, path):
	default:
		notFound(w)
	}
}

// serveFault answers with f and reports whether the real answer should
// follow instead (a pure delay).
func serveFault(w http.ResponseWriter, r *http.Request, f *Fault) (serveReal bool) {
	if f.Delay > 0 {
		select {
		case <-time.After(f.Delay):
		case <-r.Context().Done():
			return false
		}
	}
	if f.Status == 0 {
		return true // the real answer, late or truncated
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	body := f.Body
	if body == "" {
		b, _ := json.Marshal(jiraError(http.StatusText(f.Status)))
		body = string(b)
	}
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(f.Status)
	io.WriteString(w, body)
	return false
}

func (s *Server) authorized(r *http.Request) bool {
	got := r.Header.Get("Authorization")
	var want string
	if s.site.Deployment == DeploymentCloud {
		want = "Basic " + base64.StdEncoding.EncodeToString([]byte(s.email+":"+s.apiToken))
	} else {
		want = "Bearer " + s.pat
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// refuse answers a request with missing or wrong credentials as Jira does:
// Cloud with a one-line text body, Server with its JSON error document.
func (s *Server) refuse(w http.ResponseWriter) {
	w.Header().Set("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")
	if s.site.Deployment == DeploymentCloud {
		w.Header().Set("WWW-Authenticate", `Basic realm="protected-area"`)
		w.Header().Set("Content-Type", "text/plain;charset=UTF-8")
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, "Client must be authenticated to access this resource.")
		return
	}
	w.Header().Set("WWW-Authenticate", `OAuth realm="`+s.URL()+`"`)
	writeError(w, http.StatusUnauthorized, "You are not authenticated. Authentication required to perform this operation.")
}

func (s *Server) serverInfo(w http.ResponseWriter) {
	s.siteMu.RLock()
	defer s.siteMu.RUnlock()
	rd := newRenderer(s.site, s.URL())
	base := s.siteURL
	if base == "" {
		base = s.URL()
	}
	info := map[string]any{
		"baseUrl":    base,
		"serverTime": rd.time(s.site.Now),
		"scmInfo":    "8a1f2c3d4e5b6a7980c1d2e3f4a5b6c7d8e9f0a1",
	}
	if s.site.Deployment == DeploymentCloud {
		info["version"], info["versionNumbers"], info["deploymentType"] = "1001.0.0-SNAPSHOT", []int{1001, 0, 0}, "Cloud"
		info["buildNumber"], info["buildDate"], info["serverTitle"] = 100295, "2026-11-19T00:00:00.000+0100", "Jira"
		info["defaultLocale"] = map[string]string{"locale": "en_US"}
	} else {
		info["version"], info["versionNumbers"], info["deploymentType"] = "9.12.15", []int{9, 12, 15}, "Server"
		info["buildNumber"], info["buildDate"], info["serverTitle"] = 9120015, "2024-10-22T00:00:00.000-0500", s.site.Title
		info["databaseBuildNumber"] = 9120015
	}
	writeJSON(w, http.StatusOK, info)
}

// searchQuery is what pmfolio can ask of a search: the bound and order of the
// JQL, the page, the fields and the expansions.
type searchQuery struct {
	jql        string
	since      time.Time // zero: no updated bound
	until      time.Time // updated < until; zero: no upper bound
	ascending  bool
	maxResults int
	fields     fieldSelection
	changelog  bool
	startAt    int    // Server paging
	pageToken  string // Cloud paging
	scope      jqlScope
}

// searchCursor is where a Cloud page ended, remembered behind its token.
type searchCursor struct {
	jql     string
	updated time.Time
	id      int
}

var (
	updatedBound = regexp.MustCompile(`(?i)\bupdated(?:Date)?\s*>=\s*["']?(\d{4}[-/]\d{2}[-/]\d{2}(?:\s+\d{2}:\d{2})?)["']?`)
	updatedUpper = regexp.MustCompile(`(?i)\bupdated(?:Date)?\s*<\s*["']?(\d{4}[-/]\d{2}[-/]\d{2}(?:\s+\d{2}:\d{2})?)["']?`)
	badDate      = regexp.MustCompile(`(?i)\bupdated(?:Date)?\s*>=\s*["']([^"']*)["']`)
	orderBy      = regexp.MustCompile(`(?i)\border\s+by\s+updated(?:Date)?(?:\s+(asc|desc))?`)
)

// parseSearch reads a search request: query parameters for GET, the JSON body
// for POST. The fields default differs: ids only on Cloud's search/jql,
// navigable fields on Server's search. JQL dates are read in the searching
// user's profile time zone (loc), as Jira reads them.
func parseSearch(r *http.Request, defaultFields string, loc *time.Location) (searchQuery, error) {
	var (
		jql, token, expand  string
		fields              []string
		startAt, maxResults string
	)
	if r.Method == http.MethodPost {
		var body struct {
			JQL           string          `json:"jql"`
			NextPageToken string          `json:"nextPageToken"`
			StartAt       *int            `json:"startAt"`
			MaxResults    *int            `json:"maxResults"`
			Fields        []string        `json:"fields"`
			Expand        json.RawMessage `json:"expand"` // a string on search/jql, a list on Server
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			return searchQuery{}, jiraMessage("Invalid request payload. Refer to the REST API documentation and try again.")
		}
		jql, token, fields = body.JQL, body.NextPageToken, body.Fields
		if body.StartAt != nil {
			startAt = strconv.Itoa(*body.StartAt)
		}
		if body.MaxResults != nil {
			maxResults = strconv.Itoa(*body.MaxResults)
		}
		var list []string
		if json.Unmarshal(body.Expand, &list) == nil {
			expand = strings.Join(list, ",")
		} else {
			json.Unmarshal(body.Expand, &expand)
		}
	} else {
		q := r.URL.Query()
		jql, token, fields, expand = q.Get("jql"), q.Get("nextPageToken"), q["fields"], strings.Join(q["expand"], ",")
		startAt, maxResults = q.Get("startAt"), q.Get("maxResults")
	}
	sq := searchQuery{jql: jql, pageToken: token, fields: parseFieldSelection(fields, defaultFields)}
	for _, e := range strings.Split(expand, ",") {
		if strings.TrimSpace(e) == "changelog" {
			sq.changelog = true
		}
	}
	var err error
	if sq.startAt, err = intParam(startAt, 0); err != nil {
		return sq, err
	}
	if sq.maxResults, err = intParam(maxResults, -1); err != nil {
		return sq, err
	}
	bound, err := parseJQL(jql, loc)
	if err != nil {
		return sq, err
	}
	sq.since, sq.until, sq.ascending, sq.scope = bound.since, bound.until, bound.ascending, bound.scope
	return sq, nil
}

// parseJQL reads what the fake understands of a query: its `updated >=`
// bounds (the latest wins, as AND does) and `updated <` bounds (the
// earliest wins), in the user's time zone, and the order.
func parseJQL(jql string, loc *time.Location) (searchQuery, error) {
	q := searchQuery{jql: jql, scope: parseScope(jql)}
	for _, bound := range []struct {
		re  *regexp.Regexp
		dst *time.Time
		win func(t, old time.Time) bool
	}{
		{updatedBound, &q.since, time.Time.After},
		{updatedUpper, &q.until, time.Time.Before},
	} {
		for _, m := range bound.re.FindAllStringSubmatch(jql, -1) {
			v := strings.ReplaceAll(strings.Join(strings.Fields(m[1]), " "), "/", "-")
			layout := "2006-01-02"
			if len(v) > len(layout) {
				layout = "2006-01-02 15:04"
			}
			t, err := time.ParseInLocation(layout, v, loc)
			if err != nil {
				return q, invalidDate(v)
			}
			if bound.dst.IsZero() || bound.win(t, *bound.dst) {
				*bound.dst = t
			}
		}
	}
	if q.since.IsZero() {
		if m := badDate.FindStringSubmatch(jql); m != nil {
			return q, invalidDate(m[1])
		}
	}
	if m := orderBy.FindStringSubmatch(jql); m != nil {
		q.ascending = strings.EqualFold(m[1], "asc")
	}
	return q, nil
}

func invalidDate(v string) error {
	return jiraMessage("Date value '" + v + "' for field 'updated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.")
}

func intParam(v string, fallback int) (int, error) {
	if v == "" {
		return fallback, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, jiraMessage("The value '" + v + "' is not a valid number.")
	}
	return n, nil
}

// compare orders issues for a search: by updated (descending unless asked
// otherwise), ties broken by id in the same direction, so paging is stable.
func (q searchQuery) compare(aUpdated time.Time, aID int, bUpdated time.Time, bID int) int {
	c := aUpdated.Compare(bUpdated)
	if c == 0 {
		c = cmp.Compare(aID, bID)
	}
	if !q.ascending {
		c = -c
	}
	return c
}

// selectIssues applies the updated bound and the order.
func (s *Server) selectIssues(q searchQuery) []*Issue {
	type keyed struct {
		is *Issue
		id int
	}
	var sel []keyed
	for _, is := range s.site.issues {
		if s.site.visible(is) && (q.since.IsZero() || !is.Updated.Before(q.since)) &&
			(q.until.IsZero() || is.Updated.Before(q.until)) && q.scope.matches(s.site, is) {
			sel = append(sel, keyed{is, numericID(is)})
		}
	}
	slices.SortFunc(sel, func(a, b keyed) int { return q.compare(a.is.Updated, a.id, b.is.Updated, b.id) })
	out := make([]*Issue, len(sel))
	for i, k := range sel {
		out[i] = k.is
	}
	return out
}

func numericID(is *Issue) int {
	n, _ := strconv.Atoi(is.ID)
	return n
}

func (s *Server) pageSize(asked int) int {
	if asked <= 0 || asked > s.pageCap {
		return s.pageCap
	}
	return asked
}

// userLocation is the time zone of the account the credentials log in as.
func (s *Server) userLocation() *time.Location {
	if loc, err := time.LoadLocation(s.site.Me.TimeZone); err == nil {
		return loc
	}
	return time.UTC
}

// searchJQL is Cloud's GET/POST /rest/api/2/search/jql: token paging, no
// total, ids only unless fields are named.
func (s *Server) searchJQL(w http.ResponseWriter, r *http.Request, rd *renderer) {
	q, err := parseSearch(r, "id", s.userLocation())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if strings.TrimSpace(q.jql) == "" {
		writeError(w, http.StatusBadRequest, "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.")
		return
	}
	issues := s.selectIssues(q)
	if q.pageToken != "" {
		s.mu.Lock()
		cur, ok := s.pageTokens[q.pageToken]
		s.mu.Unlock()
		if !ok || cur.jql != q.jql {
			writeError(w, http.StatusBadRequest, "The provided next page token is invalid or expired.")
			return
		}
		i := slices.IndexFunc(issues, func(is *Issue) bool {
			return q.compare(cur.updated, cur.id, is.Updated, numericID(is)) < 0
		})
		if i < 0 {
			i = len(issues)
		}
		issues = issues[i:]
	}
	size := s.pageSize(q.maxResults)
	if q.fields.small() && !q.changelog && q.maxResults > size {
		// Cloud returns up to 5,000 issues a page when only ids, keys or a
		// few small fields are asked for.
		size = min(q.maxResults, 5000)
	}
	n := min(size, len(issues))
	out := map[string]any{"issues": s.renderIssues(rd, issues[:n], q), "isLast": n == len(issues)}
	if n < len(issues) {
		last := issues[n-1]
		token := pageToken(q.jql, last)
		s.mu.Lock()
		s.pageTokens[token] = searchCursor{jql: q.jql, updated: last.Updated, id: numericID(last)}
		s.mu.Unlock()
		out["nextPageToken"] = token
	}
	writeJSON(w, http.StatusOK, out)
}

// pageToken is opaque to clients but deterministic, so identical requests get
// identical responses.
func pageToken(jql string, last *Issue) string {
	h := fnv.New64a()
	io.WriteString(h, jql)
	raw := fmt.Sprintf("%x|%d|%s", h.Sum64(), last.Updated.UnixMilli(), last.ID)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// searchOffset is Server's GET/POST /rest/api/2/search: startAt paging with
// a total.
func (s *Server) searchOffset(w http.ResponseWriter, r *http.Request, rd *renderer) {
	q, err := parseSearch(r, "*navigable", s.userLocation())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	issues := s.selectIssues(q)
	size := s.pageSize(q.maxResults)
	if q.maxResults == 0 {
		size = 0 // Server answers maxResults=0 with the total only
	}
	from := min(max(q.startAt, 0), len(issues))
	to := min(from+size, len(issues))
	writeJSON(w, http.StatusOK, map[string]any{
		"expand": "names,schema", "startAt": from, "maxResults": size, "total": len(issues),
		"issues": s.renderIssues(rd, issues[from:to], q),
	})
}

func (s *Server) renderIssues(rd *renderer, issues []*Issue, q searchQuery) []any {
	out := make([]any, len(issues))
	for i, is := range issues {
		out[i] = rd.issue(is, q.fields, q.changelog, s.caps)
	}
	return out
}

// issueEndpoint serves /rest/api/2/issue/{idOrKey}[/comment|/changelog|/worklog].
func (s *Server) issueEndpoint(w http.ResponseWriter, r *http.Request, rd *renderer, rest string) {
	idOrKey, sub, _ := strings.Cut(rest, "/")
	if r.Method != http.MethodGet {
		writeError(w, http.StatusMethodNotAllowed, "Method Not Allowed")
		return
	}
	is := s.site.Issue(idOrKey)
	if !s.site.visible(is) {
		writeError(w, http.StatusNotFound, "Issue does not exist or you do not have permission to see it.")
		return
	}
	q := r.URL.Query()
	startAt, err := intParam(q.Get("startAt"), 0)
	if err == nil && startAt < 0 {
		startAt = 0
	}
	maxResults, err2 := intParam(q.Get("maxResults"), endpointPageCap)
	if err == nil {
		err = err2
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if maxResults <= 0 || maxResults > endpointPageCap {
		maxResults = endpointPageCap
	}
	cloud := s.site.Deployment == DeploymentCloud
	switch sub {
	case "":
		withChangelog := slices.Contains(strings.Split(q.Get("expand"), ","), "changelog")
		c := s.caps
		c.changelog = -1 // Server gives the whole changelog here
		if cloud {
			c.changelog = endpointPageCap
		}
		writeJSON(w, http.StatusOK, rd.issue(is, parseFieldSelection(q["fields"], "*all"), withChangelog, c))
	case "comment":
		comments := is.Comments
		if q.Get("orderBy") == "-created" {
			comments = slices.Clone(comments)
			slices.Reverse(comments)
		}
		shown := window(comments, startAt, maxResults)
		writeJSON(w, http.StatusOK, map[string]any{
			"comments": rd.comments(is, shown), "startAt": startAt, "maxResults": maxResults, "total": len(comments),
		})
	case "changelog":
		if !cloud {
			notFound(w) // Data Center has no changelog endpoint
			return
		}
		shown := window(is.Histories, startAt, maxResults)
		writeJSON(w, http.StatusOK, map[string]any{
			"self":       fmt.Sprintf("%s/rest/api/2/issue/%s/changelog?maxResults=%d&startAt=%d", rd.base, is.Key, maxResults, startAt),
			"maxResults": maxResults, "startAt": startAt, "total": len(is.Histories),
			"isLast": startAt+len(shown) >= len(is.Histories),
			"values": rd.histories(shown),
		})
	case "worklog":
		shown := window(is.Worklogs, startAt, maxResults)
		writeJSON(w, http.StatusOK, map[string]any{
			"startAt": startAt, "maxResults": maxResults, "total": len(is.Worklogs), "worklogs": rd.worklogs(is, shown),
		})
	default:
		notFound(w)
	}
}

// projectEndpoint serves GET /rest/api/2/project/{idOrKey}: a project the
// user can browse, with its lead, components and versions.
func (s *Server) projectEndpoint(w http.ResponseWriter, rd *renderer, idOrKey string) {
	for _, p := range s.site.Projects {
		if (p.Key == idOrKey || p.ID == idOrKey) && !s.site.noBrowse[p] {
			m := rd.project(p)
			m["description"], m["lead"], m["assigneeType"] = "", rd.user(p.Lead), "UNASSIGNED"
			m["components"], m["versions"] = rd.components(p.Components), rd.versions(p.Versions)
			writeJSON(w, http.StatusOK, m)
			return
		}
	}
	writeError(w, http.StatusNotFound, "No project could be found with key '"+idOrKey+"'.")
}

func window[T any](xs []T, startAt, n int) []T {
	from := min(startAt, len(xs))
	return xs[from:min(from+n, len(xs))]
}

// jiraMessage is an error whose text is Jira's own wording, sent to the
// client as is (hence capitalised and punctuated).
type jiraMessage string

func (m jiraMessage) Error() string { return string(m) }

// jiraError is Jira's error document.
func jiraError(messages ...string) map[string]any {
	return map[string]any{"errorMessages": messages, "errors": map[string]string{}}
}

func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, jiraError(message))
}

func notFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, jiraError("null for uri: the requested resource does not exist"))
}

// writeJSON writes v without HTML escaping, as Jira does.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
