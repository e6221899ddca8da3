package jira

import (
	"context"
	"fmt"
	"strings"
)

// Fields are the ids of the custom fields pmfolio reads on one site. Their
// customfield numbers differ from site to site, so they are found by schema
// type in /rest/api/2/field, never assumed.
type Fields struct {
	Sprint      string
	StoryPoints []string // Cloud has "Story point estimate" and often classic "Story Points" too
	EpicLink    string   // Server/DC; Cloud uses the system field "parent"
	Flagged     string
	Rank        string
	// AcceptanceCriteria is a text field some teams keep criteria in,
	// read only for the team backlog (see team.go).
	AcceptanceCriteria string
}

// Custom field schema types, as Jira Software declares them.
const (
	schemaSprint      = "com.pyxis.greenhopper.jira:gh-sprint"
	schemaStoryPoints = "com.pyxis.greenhopper.jira:jsw-story-points"
	schemaEpicLink    = "com.pyxis.greenhopper.jira:gh-epic-link"
	schemaRank        = "com.pyxis.greenhopper.jira:gh-lexo-rank"
	schemaFloat       = "com.atlassian.jira.plugin.system.customfieldtypes:float"
	schemaCheckboxes  = "com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes"
	schemaTextarea    = "com.atlassian.jira.plugin.system.customfieldtypes:textarea"
)

// FieldInfo is one entry of the site's field list.
type FieldInfo struct {
	ID     string
	Name   string
	Custom bool
	Schema string // schema.custom of a custom field
}

// DiscoverFields picks the custom fields pmfolio needs out of a field list.
func DiscoverFields(list []FieldInfo) Fields {
	var f Fields
	for _, fi := range list {
		if !fi.Custom {
			continue
		}
		name := strings.ToLower(strings.TrimSpace(fi.Name))
		switch {
		case fi.Schema == schemaSprint && f.Sprint == "":
			f.Sprint = fi.ID
		case fi.Schema == schemaStoryPoints,
			fi.Schema == schemaFloat && (name == "story points" || name == "story point estimate"):
			f.StoryPoints = append(f.StoryPoints, fi.ID)
		case fi.Schema == schemaEpicLink && f.EpicLink == "":
			f.EpicLink = fi.ID
		case fi.Schema == schemaRank && f.Rank == "":
			f.Rank = fi.ID
		case fi.Schema == schemaCheckboxes && name == "flagged" && f.Flagged == "":
			f.Flagged = fi.ID
		case fi.Schema == schemaTextarea && name == "acceptance criteria" && f.AcceptanceCriteria == "":
			f.AcceptanceCriteria = fi.ID
		}
	}
	return f
}

// ids lists the discovered field ids, to name them in a search.
func (f Fields) ids() []string {
	var ids []string
	for _, id := range append([]string{f.Sprint, f.EpicLink, f.Flagged}, f.StoryPoints...) {
		if id != "" {
			ids = append(ids, id)
		}
	}
	return ids
}

// Fields reads the site's field list and finds the custom fields.
func (c *Client) Fields(ctx context.Context) (Fields, error) {
	list, resp, err := c.api.Field.GetListWithContext(ctx)
	if err != nil {
		return Fields{}, fmt.Errorf("read field list: %w", c.classify(resp, err))
	}
	infos := make([]FieldInfo, 0, len(list))
	for _, f := range list {
		infos = append(infos, FieldInfo{ID: f.ID, Name: f.Name, Custom: f.Custom, Schema: f.Schema.Custom})
	}
	return DiscoverFields(infos), nil
}
