package jira

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/sync"
)

// Source reads one site as its user for a sync (it implements sync.Source):
// Identify learns the deployment and the user that the pages need, so it
// comes first; the field ids are read by the first search that finds
// anything.
type Source struct {
	client *Client
	info   ServerInfo
	me     Me
	// fields are read when a search first finds something (see Pages).
	fields     Fields
	fieldsRead bool
}

var _ sync.Source = (*Source)(nil)

// NewSource reads c's site for a sync.
func NewSource(c *Client) *Source { return &Source{client: c} }

// Identify asks the site what it is and who the user is. The field ids
// the pages need are read later, by the first search that finds anything,
// so that an incremental sync with nothing new costs three requests.
func (s *Source) Identify(ctx context.Context) (evidence.Site, error) {
	info, err := s.client.ServerInfo(ctx)
	if err != nil {
		return evidence.Site{}, err
	}
	me, err := s.client.Myself(ctx)
	if err != nil {
		if je := (*Error)(nil); errors.As(err, &je) && je.Kind == KindAuth {
			je.Deployment = info.Deployment
		}
		return evidence.Site{}, err
	}
	s.info, s.me, s.fields, s.fieldsRead = info, me, Fields{}, false
	return evidence.Site{URL: s.client.SiteURL(info), Deployment: info.Deployment, User: me.User}, nil
}

// Selection is the JQL of the user's issues updated since a time (see
// selectionJQL).
func (s *Source) Selection(userJQL string, since time.Time) string {
	return selectionJQL(s.info.Deployment, s.me, userJQL, since)
}

// Pages runs a selection through Search.
func (s *Source) Pages(ctx context.Context, selection string, opts sync.PagesOptions, fn func(sync.Page) error) error {
	q := SearchQuery{Deployment: s.info.Deployment, JQL: selection, TimeZone: s.me.TimeZone, WantTotal: opts.WantTotal,
		LoadFields: s.loadFields, Stored: opts.Stored}
	return s.client.Search(ctx, q, fn)
}

// loadFields reads the site's field ids once per sync.
func (s *Source) loadFields(ctx context.Context) (Fields, error) {
	if !s.fieldsRead {
		fields, err := s.client.Fields(ctx)
		if err != nil {
			return Fields{}, err
		}
		s.fields, s.fieldsRead = fields, true
	}
	return s.fields, nil
}

// Deleted returns the issues that answer 404 while their project still
// answers. Jira gives the same 404 for an issue the user may no longer see,
// so one whose project answers 404 too (access to it was taken away) is not
// deleted, nor is one that exists but is no longer selected (say, no longer
// watched): the work it records still happened. It costs one request per
// issue, and one per project of those found missing.
func (s *Source) Deleted(ctx context.Context, issues []evidence.Issue) ([]string, error) {
	projectVisible := map[string]bool{}
	var gone []string
	for _, is := range issues {
		exists, err := s.client.exists(ctx, "rest/api/2/issue/"+url.PathEscape(is.ID)+"?fields=id")
		if err != nil {
			return nil, fmt.Errorf("check whether %s was deleted: %w", is.Key, err)
		}
		if exists {
			continue
		}
		visible, checked := projectVisible[is.Project]
		if !checked {
			if visible, err = s.client.exists(ctx, "rest/api/2/project/"+url.PathEscape(is.Project)); err != nil {
				return nil, fmt.Errorf("check project %s: %w", is.Project, err)
			}
			projectVisible[is.Project] = visible
		}
		if visible {
			gone = append(gone, is.ID)
		}
	}
	return gone, nil
}

// Requests is the number of HTTP requests the client sent.
func (s *Source) Requests() int { return s.client.Requests() }

// DefaultSelection is the JQL a first sync runs: the user's issues of the
// deployment, bounded as Cloud requires.
func DefaultSelection(deployment string, me Me) string {
	return selectionJQL(deployment, me, "", sync.FirstSyncFloor)
}

var orderBy = regexp.MustCompile(`(?is)\s+order\s+by\s+.*$`)

// selectionJQL builds the search: the user's JQL or the default selection
// of the deployment, bounded by `updated >= since` in the user's Jira time
// zone (JQL reads dates in it), oldest first so the cursor only moves
// forward.
func selectionJQL(deployment string, me Me, userJQL string, since time.Time) string {
	loc := me.TimeZone
	if loc == nil {
		loc = time.UTC
	}
	local := since.In(loc)
	selection := strings.TrimSpace(orderBy.ReplaceAllString(userJQL, ""))
	if selection == "" {
		if deployment == evidence.DeploymentCloud {
			// updatedBy finds issues the user created, changed or commented on.
			selection = fmt.Sprintf(`issuekey IN updatedBy("%s", "%s")`, jqlEscape(me.User.ID), local.Format("2006-01-02"))
		} else {
			selection = `reporter = currentUser() OR creator = currentUser() OR assignee WAS currentUser() OR ` +
				`status CHANGED BY currentUser() OR watcher = currentUser() OR worklogAuthor = currentUser()`
		}
	}
	return fmt.Sprintf(`(%s) AND updated >= "%s" ORDER BY updated ASC`, selection, local.Format("2006-01-02 15:04"))
}

func jqlEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
}
