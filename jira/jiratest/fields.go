package jiratest

import (
	"strconv"
	"strings"
)

// fieldDef is one entry of GET /rest/api/2/field and, when value is set, how
// to render that field of an issue.
type fieldDef struct {
	id          string
	name        string
	custom      bool
	orderable   bool
	navigable   bool
	searchable  bool
	clauseNames []string
	schema      map[string]any // nil for the few system fields Jira gives none
	// value renders the field of an issue; ok false leaves the key out, as
	// Cloud does with parent on an issue that has none.
	value func(r *renderer, is *Issue, c caps) (v any, ok bool)
}

// json is the field's entry in the field list. Cloud sends a key equal to
// the id; Server (8.x, as in the recorded sample) does not.
func (f *fieldDef) json(cloud bool) map[string]any {
	m := map[string]any{
		"id": f.id, "name": f.name, "custom": f.custom,
		"orderable": f.orderable, "navigable": f.navigable, "searchable": f.searchable,
		"clauseNames": f.clauseNames,
	}
	if cloud {
		m["key"] = f.id
	}
	if f.schema != nil {
		m["schema"] = f.schema
	}
	return m
}

func always(v any) (any, bool) { return v, true }

func systemSchema(typ, items, system string) map[string]any {
	m := map[string]any{"type": typ, "system": system}
	if items != "" {
		m["items"] = items
	}
	return m
}

func customSchema(typ, items, custom, id string) map[string]any {
	n, _ := strconv.Atoi(strings.TrimPrefix(id, "customfield_"))
	m := map[string]any{"type": typ, "custom": custom, "customId": n}
	if items != "" {
		m["items"] = items
	}
	return m
}

func customClauses(id, name string) []string {
	return []string{"cf[" + strings.TrimPrefix(id, "customfield_") + "]", name}
}

// fieldDefs is the site's field list, built once with the site.
func (s *Site) fieldDefs() []*fieldDef { return s.fields }

// buildFieldDefs lists the system fields pmfolio may ask for and the custom
// fields of a Jira Software site of the given deployment.
func buildFieldDefs(deployment string, ids FieldIDs) []*fieldDef {
	cloud := deployment == DeploymentCloud
	sys := func(id, name string, orderable, navigable, searchable bool, clauses []string, schema map[string]any,
		value func(r *renderer, is *Issue, c caps) (any, bool)) *fieldDef {
		return &fieldDef{id: id, name: name, orderable: orderable, navigable: navigable, searchable: searchable,
			clauseNames: clauses, schema: schema, value: value}
	}
	// Cloud describes the watches, votes and comment fields by their own
	// types; Server calls them arrays of them (as the recorded Server field
	// list does), though the comment value is a page object on both.
	watchesSchema, votesSchema, commentSchema := systemSchema("watches", "", "watches"), systemSchema("votes", "", "votes"), systemSchema("comments-page", "", "comment")
	if !cloud {
		watchesSchema, votesSchema, commentSchema = systemSchema("array", "watches", "watches"), systemSchema("array", "votes", "votes"), systemSchema("array", "comment", "comment")
	}
	defs := []*fieldDef{
		sys("issuetype", "Issue Type", true, true, true, []string{"issuetype", "type"}, systemSchema("issuetype", "", "issuetype"),
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.issueType(is.Type)) }),
		sys("components", "Component/s", true, true, true, []string{"component"}, systemSchema("array", "component", "components"),
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.components(is.Components)) }),
		sys("issuekey", "Key", false, true, false, []string{"id", "issue", "issuekey", "key"}, nil, nil),
		sys("project", "Project", false, true, true, []string{"project"}, systemSchema("project", "", "project"),
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.project(is.Project)) }),
		sys("description", "Description", true, true, true, []string{"description"}, systemSchema("string", "", "description"),
			func(_ *renderer, is *Issue, _ caps) (any, bool) {
				if is.Description == "" {
					return nil, true
				}
				return is.Description, true
			}),
		sys("fixVersions", "Fix Version/s", true, true, true, []string{"fixVersion"}, systemSchema("array", "version", "fixVersions"),
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.versions(is.FixVersions)) }),
		sys("resolution", "Resolution", true, true, true, []string{"resolution"}, systemSchema("resolution", "", "resolution"),
			func(r *renderer, is *Issue, _ caps) (any, bool) {
				if is.Resolution == nil {
					return nil, true
				}
				return map[string]any{"self": r.base + "/rest/api/2/resolution/" + is.Resolution.ID, "id": is.Resolution.ID,
					"description": is.Resolution.Description, "name": is.Resolution.Name}, true
			}),
		sys("resolutiondate", "Resolved", false, true, true, []string{"resolutiondate", "resolved"}, systemSchema("datetime", "", "resolutiondate"),
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.timeOrNil(is.Resolved)) }),
		sys("workratio", "Work Ratio", false, true, true, []string{"workratio"}, systemSchema("number", "", "workratio"),
			func(*renderer, *Issue, caps) (any, bool) { return always(-1) }),
		sys("lastViewed", "Last Viewed", false, true, false, []string{"lastViewed"}, systemSchema("datetime", "", "lastViewed"),
			func(*renderer, *Issue, caps) (any, bool) { return always(nil) }),
		sys("watches", "Watchers", false, true, false, []string{"watchers"}, watchesSchema,
			func(r *renderer, is *Issue, _ caps) (any, bool) {
				return map[string]any{"self": r.base + "/rest/api/2/issue/" + is.Key + "/watchers", "watchCount": watchCount(is), "isWatching": true}, true
			}),
		sys("created", "Created", false, true, true, []string{"created", "createdDate"}, systemSchema("datetime", "", "created"),
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.time(is.Created)) }),
		sys("priority", "Priority", true, true, true, []string{"priority"}, systemSchema("priority", "", "priority"),
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.priority(is.Priority)) }),
		sys("labels", "Labels", true, true, true, []string{"labels"}, systemSchema("array", "string", "labels"),
			func(_ *renderer, is *Issue, _ caps) (any, bool) {
				if is.Labels == nil {
					return []string{}, true
				}
				return is.Labels, true
			}),
		sys("versions", "Affects Version/s", true, true, true, []string{"affectedVersion"}, systemSchema("array", "version", "versions"),
			func(*renderer, *Issue, caps) (any, bool) { return always([]any{}) }),
		sys("issuelinks", "Linked Issues", true, true, true, []string{"issueLink"}, systemSchema("array", "issuelinks", "issuelinks"),
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.links(is)) }),
		sys("assignee", "Assignee", true, true, true, []string{"assignee"}, systemSchema("user", "", "assignee"),
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.user(is.Assignee)) }),
		sys("updated", "Updated", false, true, true, []string{"updated", "updatedDate"}, systemSchema("datetime", "", "updated"),
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.time(is.Updated)) }),
		sys("status", "Status", false, true, true, []string{"status"}, systemSchema("status", "", "status"),
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.status(is.Status)) }),
		sys("summary", "Summary", true, true, true, []string{"summary"}, systemSchema("string", "", "summary"),
			func(_ *renderer, is *Issue, _ caps) (any, bool) { return always(is.Summary) }),
		sys("creator", "Creator", false, true, true, []string{"creator"}, systemSchema("user", "", "creator"),
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.user(is.Creator)) }),
		sys("subtasks", "Sub-tasks", false, true, false, []string{"subtasks"}, systemSchema("array", "issuelinks", "subtasks"),
			func(*renderer, *Issue, caps) (any, bool) { return always([]any{}) }),
		sys("reporter", "Reporter", true, true, true, []string{"reporter"}, systemSchema("user", "", "reporter"),
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.user(is.Reporter)) }),
		sys("environment", "Environment", true, true, true, []string{"environment"}, systemSchema("string", "", "environment"),
			func(*renderer, *Issue, caps) (any, bool) { return always(nil) }),
		sys("duedate", "Due date", true, true, true, []string{"due", "duedate"}, systemSchema("date", "", "duedate"),
			func(*renderer, *Issue, caps) (any, bool) { return always(nil) }),
		sys("timespent", "Time Spent", false, true, false, []string{"timespent"}, systemSchema("number", "", "timespent"),
			func(_ *renderer, is *Issue, _ caps) (any, bool) { return always(timeSpent(is)) }),
		sys("comment", "Comment", true, false, true, []string{"comment"}, commentSchema,
			func(r *renderer, is *Issue, c caps) (any, bool) { return always(r.embeddedComments(is, c.comments)) }),
		sys("worklog", "Log Work", true, false, true, []string{"worklogAuthor", "worklogComment", "worklogDate"}, systemSchema("array", "worklog", "worklog"),
			func(r *renderer, is *Issue, c caps) (any, bool) { return always(r.embeddedWorklogs(is, c.worklogs)) }),
		sys("votes", "Votes", false, true, false, []string{"votes"}, votesSchema,
			func(r *renderer, is *Issue, _ caps) (any, bool) {
				return map[string]any{"self": r.base + "/rest/api/2/issue/" + is.Key + "/votes", "votes": 0, "hasVoted": false}, true
			}),
		sys("attachment", "Attachment", true, false, true, []string{"attachments"}, systemSchema("array", "attachment", "attachment"),
			func(*renderer, *Issue, caps) (any, bool) { return always([]any{}) }),
		sys("thumbnail", "Images", false, true, false, []string{}, nil, nil),
	}
	if cloud {
		defs = append(defs, sys("parent", "Parent", false, true, true, []string{"parent"}, nil,
			func(r *renderer, is *Issue, _ caps) (any, bool) {
				if is.Parent == nil {
					return nil, false
				}
				return r.issueRef(is.Parent), true
			}))
	}

	custom := func(id, name, typ, items, plugin string, value func(r *renderer, is *Issue, c caps) (any, bool)) *fieldDef {
		return &fieldDef{id: id, name: name, custom: true, orderable: true, navigable: true, searchable: true,
			clauseNames: customClauses(id, name), schema: customSchema(typ, items, plugin, id), value: value}
	}
	sprintItems := "string"
	storyPointsType := "com.atlassian.jira.plugin.system.customfieldtypes:float"
	if cloud {
		sprintItems = "json"
		storyPointsType = "com.pyxis.greenhopper.jira:jsw-story-points"
	}
	defs = append(defs,
		custom(ids.Sprint, "Sprint", "array", sprintItems, "com.pyxis.greenhopper.jira:gh-sprint",
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.sprints(is.Sprints)) }),
		custom(ids.StoryPoints, storyPointsName(deployment), "number", "", storyPointsType,
			func(_ *renderer, is *Issue, _ caps) (any, bool) {
				if is.StoryPoints == nil {
					return nil, true
				}
				return *is.StoryPoints, true
			}),
		custom(ids.Rank, "Rank", "any", "", "com.pyxis.greenhopper.jira:gh-lexo-rank",
			func(_ *renderer, is *Issue, _ caps) (any, bool) { return always(is.Rank) }),
		custom(ids.Flagged, "Flagged", "array", "option", "com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes",
			func(r *renderer, is *Issue, _ caps) (any, bool) { return always(r.flagged(is)) }),
	)
	if ids.AcceptanceCriteria != "" {
		defs = append(defs, custom(ids.AcceptanceCriteria, "Acceptance Criteria", "string", "", "com.atlassian.jira.plugin.system.customfieldtypes:textarea",
			func(_ *renderer, is *Issue, _ caps) (any, bool) {
				if is.AcceptanceCriteria == "" {
					return nil, true
				}
				return is.AcceptanceCriteria, true
			}))
	}
	if cloud {
		// Fields every Cloud site has and pmfolio does not need: they make
		// sure a client picks fields by schema, not by position or guess.
		defs = append(defs,
			custom("customfield_10015", "Start date", "date", "", "com.atlassian.jira.plugin.system.customfieldtypes:datepicker",
				func(*renderer, *Issue, caps) (any, bool) { return always(nil) }),
			custom("customfield_10000", "Development", "any", "", "com.atlassian.jira.plugins.jira-development-integration-plugin:devsummarycf",
				func(*renderer, *Issue, caps) (any, bool) { return always("{}") }),
		)
	} else {
		defs = append(defs,
			custom(ids.EpicLink, "Epic Link", "any", "", "com.pyxis.greenhopper.jira:gh-epic-link",
				func(_ *renderer, is *Issue, _ caps) (any, bool) {
					if is.Parent == nil {
						return nil, true
					}
					return is.Parent.Key, true
				}),
			custom(ids.EpicName, "Epic Name", "string", "", "com.pyxis.greenhopper.jira:gh-epic-label",
				func(_ *renderer, is *Issue, _ caps) (any, bool) {
					if is.EpicName == "" {
						return nil, true
					}
					return is.EpicName, true
				}),
		)
	}
	return defs
}

func storyPointsName(deployment string) string {
	if deployment == DeploymentCloud {
		return "Story point estimate"
	}
	return "Story Points"
}

// watchCount counts the distinct people who touched the issue: Jira makes
// reporters and commenters watchers by default.
func watchCount(is *Issue) int {
	seen := map[*User]bool{is.Reporter: true}
	for _, c := range is.Comments {
		seen[c.Author] = true
	}
	if is.Assignee != nil {
		seen[is.Assignee] = true
	}
	return len(seen)
}

// fieldSelection is a parsed `fields` parameter: `*all`, `*navigable`,
// field ids, and ids prefixed with "-" to leave out.
type fieldSelection struct {
	all       bool
	navigable bool
	include   map[string]bool
	exclude   map[string]bool
}

// small reports whether a selection names only ids, keys and `updated`,
// the answers Cloud pages by thousands.
func (f fieldSelection) small() bool {
	if f.all || f.navigable {
		return false
	}
	for name := range f.include {
		if name != "id" && name != "key" && name != "updated" {
			return false
		}
	}
	return true
}

// parseFieldSelection reads every `fields` value (Jira accepts the parameter
// repeated and comma-separated); with none it uses fallback.
func parseFieldSelection(values []string, fallback string) fieldSelection {
	var tokens []string
	for _, v := range values {
		for _, t := range strings.Split(v, ",") {
			if t = strings.TrimSpace(t); t != "" {
				tokens = append(tokens, t)
			}
		}
	}
	if len(tokens) == 0 {
		tokens = []string{fallback}
	}
	sel := fieldSelection{include: map[string]bool{}, exclude: map[string]bool{}}
	positive := false
	for _, t := range tokens {
		switch {
		case t == "*all":
			sel.all, positive = true, true
		case t == "*navigable":
			sel.navigable, positive = true, true
		case strings.HasPrefix(t, "-"):
			sel.exclude[t[1:]] = true
		default:
			sel.include[t], positive = true, true
		}
	}
	// "-description" alone means the default navigable fields without it.
	if !positive {
		sel.navigable = true
	}
	return sel
}

func (s fieldSelection) wants(f *fieldDef) bool {
	if s.exclude[f.id] {
		return false
	}
	return s.all || (s.navigable && f.navigable) || s.include[f.id]
}
