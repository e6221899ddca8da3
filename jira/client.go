// Package jira talks to Jira Cloud and Jira Server/Data Center over REST v2:
// it finds the user's issues, pages through their changelogs, comments and
// worklogs, retries what Jira asks to be retried, and maps every response to
// pmfolio's domain types. Nothing of go-jira leaks past this package.
package jira

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	gojira "github.com/andygrunwald/go-jira"

	"github.com/pmfolio/pmfolio/evidence"
)

// Config says which site to talk to and how to authenticate. Cloud uses an
// account e-mail and API token (basic auth); Server/Data Center uses a
// personal access token sent as a Bearer token.
type Config struct {
	BaseURL  string
	Email    string
	APIToken string
	PAT      string
}

// Validate reports what is missing from the configuration, in words a user
// can act on. It never includes a secret.
func (c Config) Validate() error {
	if c.BaseURL == "" {
		return errors.New("no Jira site: set JIRA_URL (e.g. https://acme.atlassian.net)")
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("JIRA_URL %q is not an http(s) URL like https://acme.atlassian.net", c.BaseURL)
	}
	if u.User != nil {
		return errors.New("JIRA_URL must not contain credentials; use JIRA_EMAIL/JIRA_API_TOKEN or JIRA_PAT")
	}
	if !carriesCredentialsSafely(u) {
		return fmt.Errorf("%s is plain http, and pmfolio never sends credentials over plain http (but to this computer: "+
			"127.0.0.1, ::1, localhost): use https://%s", c.BaseURL, u.Host+u.Path)
	}
	switch {
	case c.PAT != "":
	case c.Email != "" && c.APIToken != "":
	case c.Email != "":
		return errors.New("JIRA_EMAIL is set but JIRA_API_TOKEN is not")
	case c.APIToken != "":
		return errors.New("JIRA_API_TOKEN is set but JIRA_EMAIL is not (Cloud needs both)")
	default:
		return errors.New("no Jira credentials: set JIRA_EMAIL and JIRA_API_TOKEN (Cloud) or JIRA_PAT (Server/Data Center)")
	}
	return nil
}

// Client is a Jira client for one site and one account.
type Client struct {
	api       *gojira.Client
	transport http.RoundTripper
	baseURL   string
	requests  atomic.Int64
	now       func() time.Time
	retry     RetryPolicy
	timeout   time.Duration
	sleep     func(ctx context.Context, d time.Duration) error
	pageSize  int
	// concurrency is the most requests in flight at once; limiter holds
	// every request of the client to it and adapts it to Jira's answers.
	concurrency int
	limiter     *limiter
	// onRetry, when set, is told of each retry before its wait.
	onRetry func(Retry)
}

// Option configures New.
type Option func(*Client)

// WithHTTPTransport sets the transport under pmfolio's auth, retry and
// counting layers (tests and the demo use it to reach a loopback server).
func WithHTTPTransport(rt http.RoundTripper) Option {
	return func(c *Client) { c.transport = rt }
}

// WithClock sets the clock used for durations and defaults.
func WithClock(now func() time.Time) Option { return func(c *Client) { c.now = now } }

// WithRetryPolicy replaces the default retry policy.
func WithRetryPolicy(p RetryPolicy) Option { return func(c *Client) { c.retry = p } }

// WithSleep replaces the wait between retries; tests make it instant.
func WithSleep(sleep func(ctx context.Context, d time.Duration) error) Option {
	return func(c *Client) { c.sleep = sleep }
}

// WithRetryNotice has notice told of each request about to be retried,
// before the wait, so that a person watching hears that Jira is failing
// and pmfolio is waiting on it. It may be called from several goroutines
// at once; it changes neither what is retried nor how long is waited.
func WithRetryNotice(notice func(Retry)) Option { return func(c *Client) { c.onRetry = notice } }

// WithRequestTimeout sets the limit for one HTTP request, body included.
func WithRequestTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// WithConcurrency sets the most requests the client keeps in flight at
// once (default DefaultConcurrency; 1 fetches one request after another).
// Jira's throttling lowers it for a while; it never rises above n.
func WithConcurrency(n int) Option { return func(c *Client) { c.concurrency = max(1, n) } }

// WithPageSize sets how many issues a search page asks for.
func WithPageSize(n int) Option { return func(c *Client) { c.pageSize = n } }

// Probe asks baseURL what Jira it is, before any credentials are known:
// serverInfo answers anonymous requests on Cloud and on Data Center.
func Probe(ctx context.Context, baseURL string, opts ...Option) (ServerInfo, error) {
	if err := (Config{BaseURL: baseURL, PAT: "none"}).Validate(); err != nil {
		return ServerInfo{}, &Error{Kind: KindConfig, Err: err}
	}
	c, err := newClient(baseURL, nil, opts)
	if err != nil {
		return ServerInfo{}, err
	}
	return c.ServerInfo(ctx)
}

// New builds a client. The HTTP stack, from the top: go-jira's auth
// transport, pmfolio's retry layer (so retried requests carry auth), the
// per-request timeout and request counter, then the network.
func New(cfg Config, opts ...Option) (*Client, error) {
	if err := cfg.Validate(); err != nil {
		return nil, &Error{Kind: KindConfig, Err: err}
	}
	auth := func(next http.RoundTripper) http.RoundTripper {
		if cfg.PAT != "" {
			return &gojira.BearerAuthTransport{Token: cfg.PAT, Transport: next}
		}
		return &gojira.BasicAuthTransport{Username: cfg.Email, Password: cfg.APIToken, Transport: next}
	}
	return newClient(cfg.BaseURL, auth, opts)
}

// newClient builds a client whose requests pass through auth (nil: none).
func newClient(baseURL string, auth func(http.RoundTripper) http.RoundTripper, opts []Option) (*Client, error) {
	c := &Client{
		baseURL:  strings.TrimRight(baseURL, "/"),
		now:      time.Now,
		retry:    DefaultRetryPolicy,
		timeout:  60 * time.Second,
		sleep:    sleepContext,
		pageSize: 100,

		concurrency: DefaultConcurrency,
	}
	for _, o := range opts {
		o(c)
	}
	c.limiter = newLimiter(c.concurrency, time.Now, c.sleep)
	rt := c.stack()
	if auth != nil {
		rt = auth(rt)
	}
	api, err := gojira.NewClient(&http.Client{Transport: rt, CheckRedirect: refuseDowngrade}, c.baseURL+"/")
	if err != nil {
		return nil, &Error{Kind: KindConfig, Err: fmt.Errorf("JIRA_URL %q: %w", c.baseURL, err)}
	}
	c.api = api
	return c, nil
}

// refuseDowngrade stops a redirect from https to plain http, or from a
// loopback http site to another computer's: the next request would carry
// the credentials unencrypted. Go's client would otherwise follow it
// without a word.
func refuseDowngrade(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return &Error{Kind: KindProtocol, Err: errors.New("stopped after 10 redirects")}
	}
	if from := via[0].URL; req.URL.Scheme != "https" && (from.Scheme == "https" || !carriesCredentialsSafely(req.URL)) {
		return &Error{Kind: KindConfig, Err: fmt.Errorf("%s redirects to %s://%s: pmfolio never sends credentials over plain http",
			from.Scheme+"://"+from.Host, req.URL.Scheme, req.URL.Host)}
	}
	return nil
}

// carriesCredentialsSafely reports whether credentials may go to u: over
// https, or over plain http to this computer only (the demo site and the
// tests' fake sites listen on loopback), where no network sees them.
func carriesCredentialsSafely(u *url.URL) bool {
	if u.Scheme == "https" {
		return true
	}
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// stack is the HTTP stack under authentication: retries, then the
// per-request timeout and counter, then the network.
func (c *Client) stack() http.RoundTripper {
	base := c.transport
	if base == nil {
		base = http.DefaultTransport
	}
	return &retryTransport{client: c, next: &countingTransport{client: c, next: base}}
}

// BaseURL is the URL the client sends requests to, without a trailing slash.
func (c *Client) BaseURL() string { return c.baseURL }

// SiteURL is where people browse the site: the API URL itself, except
// through Atlassian's API gateway (https://api.atlassian.com/ex/jira/{cloudId},
// required for scoped tokens), where it is the base URL serverInfo reports.
// Using it for the site's identity keeps one site one site whichever kind of
// token reads it.
func (c *Client) SiteURL(info ServerInfo) string {
	u, err := url.Parse(c.baseURL)
	if err == nil && strings.HasPrefix(u.Path, "/ex/jira/") && info.BaseURL != "" {
		return info.BaseURL
	}
	return c.baseURL
}

// Requests is the number of HTTP requests sent so far, retries included.
func (c *Client) Requests() int { return int(c.requests.Load()) }

// Concurrency reports how the requests in flight went so far: the peak,
// the cuts Jira's throttling caused, the lowest limit and the limit now.
func (c *Client) Concurrency() LimiterStats { return c.limiter.stats() }

// ServerInfo is what /rest/api/2/serverInfo says about a site.
type ServerInfo struct {
	Deployment string // evidence.DeploymentCloud or evidence.DeploymentServer
	Version    string
	Title      string
	BaseURL    string // the site's own base URL, as its administrators set it
}

// ServerInfo asks the site what it is: Cloud, Server or Data Center.
func (c *Client) ServerInfo(ctx context.Context) (ServerInfo, error) {
	var body struct {
		Version        string `json:"version"`
		DeploymentType string `json:"deploymentType"`
		ServerTitle    string `json:"serverTitle"`
		BaseURL        string `json:"baseUrl"`
	}
	if err := c.get(ctx, "rest/api/2/serverInfo", &body); err != nil {
		return ServerInfo{}, fmt.Errorf("read server info: %w", err)
	}
	info := ServerInfo{Deployment: evidence.DeploymentServer, Version: body.Version, Title: body.ServerTitle,
		BaseURL: strings.TrimRight(body.BaseURL, "/")}
	if strings.EqualFold(body.DeploymentType, "Cloud") {
		info.Deployment = evidence.DeploymentCloud
	}
	return info, nil
}

// Me is the authenticated account.
type Me struct {
	User     evidence.User
	TimeZone *time.Location // the user's Jira time zone, in which JQL dates are read
}

// Myself returns the account the credentials belong to; it is also the
// cheapest check that they are valid.
func (c *Client) Myself(ctx context.Context) (Me, error) {
	u, resp, err := c.api.User.GetSelfWithContext(ctx)
	if err != nil {
		return Me{}, fmt.Errorf("check credentials: %w", c.classify(resp, err))
	}
	me := Me{User: userFrom(u.AccountID, u.Key, u.Name, u.DisplayName), TimeZone: time.UTC}
	if me.User.ID == "" {
		return Me{}, &Error{Kind: KindProtocol, Err: errors.New("check credentials: Jira returned no account id for /myself")}
	}
	if loc, err := time.LoadLocation(u.TimeZone); err == nil && u.TimeZone != "" {
		me.TimeZone = loc
	}
	return me, nil
}

// userFrom builds a domain user: Cloud identifies people by accountId, Server
// by the user key, which unlike the name survives renames.
func userFrom(accountID, key, name, displayName string) evidence.User {
	id := accountID
	if id == "" {
		id = key
	}
	if id == "" {
		id = name
	}
	return evidence.User{ID: id, Name: name, DisplayName: displayName}
}

// get fetches a path relative to the base URL and decodes its JSON into v.
func (c *Client) get(ctx context.Context, path string, v any) error {
	req, err := c.api.NewRequestWithContext(ctx, http.MethodGet, path, nil)
	if err != nil {
		return &Error{Kind: KindConfig, Err: err}
	}
	resp, err := c.api.Do(req, v)
	if err != nil {
		return c.classify(resp, err)
	}
	return nil
}

// exists reports whether a path answers, and false for a 404: Jira says
// that of what was deleted and of what the user may not see.
func (c *Client) exists(ctx context.Context, path string) (bool, error) {
	err := c.get(ctx, path, nil)
	var jerr *Error
	if errors.As(err, &jerr) && jerr.Kind == KindNotFound {
		return false, nil
	}
	return err == nil, err
}

// classify turns a go-jira error and its response into an *Error, reading a
// short message from Jira's error body when there is one.
func (c *Client) classify(resp *gojira.Response, err error) error {
	var (
		jerr *Error
		uerr *url.Error
	)
	if errors.As(err, &jerr) {
		if errors.As(err, &uerr) && errors.Is(uerr.Err, jerr) {
			return jerr // the request's URL would only repeat it
		}
		return err
	}
	if resp == nil || resp.Response == nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return &Error{Kind: KindUnreachable, Err: c.timedOut(err)}
		}
		err = withoutQuery(err)
		if ctxErr := contextError(err); ctxErr != nil {
			return ctxErr
		}
		return &Error{Kind: KindUnreachable, Err: err}
	}
	status := resp.StatusCode
	if status >= 200 && status < 300 {
		// The request worked but its body did not decode.
		return &Error{Kind: KindProtocol, Status: status, Err: fmt.Errorf("unexpected response from %s: %w", redactURL(resp.Request), undecodable(resp.Body, err))}
	}
	msg := readErrorMessage(resp.Body)
	e := &Error{Status: status, Message: msg, Err: fmt.Errorf("%s answered %d", redactURL(resp.Request), status)}
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		e.Kind = KindAuth
	case status == http.StatusTooManyRequests || status >= 500:
		e.Kind = KindUnreachable
	case status == http.StatusGone:
		e.Kind = KindGone
	case status == http.StatusNotFound:
		e.Kind = KindNotFound
	default:
		e.Kind = KindRequest
	}
	return e
}

// undecodable words a JSON decoding error of an answer's body as what the
// body is (empty, not JSON at all, JSON of another shape) rather than in
// encoding/json's words ("invalid character '<' looking for beginning of
// value", "cannot unmarshal object into Go value of type []jira.Field"),
// which go-jira may also have wrapped in its own ("could not parse JSON").
// Errors already in words, such as a search page's, are kept.
func undecodable(body io.Reader, err error) error {
	var (
		syntaxErr *json.SyntaxError
		typeErr   *json.UnmarshalTypeError
	)
	if !errors.As(err, &syntaxErr) && !errors.As(err, &typeErr) && !errors.Is(err, io.ErrUnexpectedEOF) &&
		!errors.Is(err, io.EOF) && !strings.Contains(err.Error(), "could not parse JSON") {
		return err
	}
	buffered, ok := body.(bufferedBody)
	if !ok {
		return &decodeError{what: "the answer is not the JSON Jira's REST API gives", err: err}
	}
	data := bytes.TrimSpace(buffered.data)
	switch {
	case len(data) == 0:
		return &decodeError{what: "the answer is empty", err: err}
	case !json.Valid(data):
		return &decodeError{what: fmt.Sprintf("the answer is not JSON (it starts %q)", data[:min(len(data), 20)]), err: err}
	}
	return &decodeError{what: "the answer is JSON, but not what Jira's REST API gives here", err: err}
}

// decodeError is an answer that did not decode, in words; it unwraps to
// the decoder's error.
type decodeError struct {
	what string
	err  error
}

func (e *decodeError) Error() string { return e.what }
func (e *decodeError) Unwrap() error { return e.err }

// readErrorMessage reads Jira's {"errorMessages":[…],"errors":{…}} body and
// closes it; go-jira leaves error bodies open.
func readErrorMessage(body io.ReadCloser) string {
	if body == nil {
		return ""
	}
	defer body.Close()
	data, _ := io.ReadAll(io.LimitReader(body, 64<<10))
	return jiraErrorMessage(data)
}

// redactURL names a request without its query, which may hold JQL with
// account ids that have no place in an error line.
func redactURL(req *http.Request) string {
	if req == nil || req.URL == nil {
		return "Jira"
	}
	u := *req.URL
	u.RawQuery, u.User = "", nil
	return req.Method + " " + u.String()
}

// withoutQuery drops the query from the URL that net/http names in a
// failed request's error, as redactURL does for answers.
func withoutQuery(err error) error {
	var uerr *url.Error
	if !errors.As(err, &uerr) {
		return err
	}
	return fmt.Errorf("%s: %w", failedRequest(uerr), uerr.Err)
}

// failedRequest names the request of a net/http error ("GET
// https://acme.atlassian.net/rest/api/2/myself") without its query or
// credentials.
func failedRequest(uerr *url.Error) string {
	where := "Jira"
	if u, perr := url.Parse(uerr.URL); perr == nil {
		u.RawQuery, u.User = "", nil
		where = u.String()
	}
	return strings.ToUpper(uerr.Op) + " " + where
}

// timedOut words a request that ran out of time (the client's timeout of
// each try: the caller's own context has no deadline) as the request and
// the time it had, rather than as Go's "context deadline exceeded".
func (c *Client) timedOut(err error) error {
	where := "Jira"
	if uerr := (*url.Error)(nil); errors.As(err, &uerr) {
		where = failedRequest(uerr)
	}
	return &timeoutError{where: where, timeout: c.timeout, err: err}
}

// timeoutError is a request Jira did not answer in full within the
// timeout; it unwraps to context.DeadlineExceeded.
type timeoutError struct {
	where   string
	timeout time.Duration
	err     error
}

func (e *timeoutError) Error() string {
	return fmt.Sprintf("%s: no complete answer within %g s", e.where, e.timeout.Seconds())
}

func (e *timeoutError) Unwrap() error { return e.err }

func contextError(err error) error {
	switch {
	case errors.Is(err, context.Canceled):
		return context.Canceled
	case errors.Is(err, context.DeadlineExceeded):
		return &Error{Kind: KindUnreachable, Err: err}
	}
	return nil
}
