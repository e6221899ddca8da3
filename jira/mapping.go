package jira

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

// The structs below decode Jira's v2 JSON. They are pmfolio's own because
// go-jira's drop what completeness checks need (the totals of embedded
// changelog, comment and worklog pages) and the raw JSON we keep.

type apiUser struct {
	AccountID   string `json:"accountId"`
	Key         string `json:"key"`
	Name        string `json:"name"`
	DisplayName string `json:"displayName"`
	AccountType string `json:"accountType"` // Cloud: "app" for automation
	Active      *bool  `json:"active"`      // false: deactivated (absent: say nothing)
}

func (u *apiUser) domain() evidence.User {
	if u == nil {
		return evidence.User{}
	}
	user := userFrom(u.AccountID, u.Key, u.Name, u.DisplayName)
	user.AccountType = u.AccountType
	user.Inactive = u.Active != nil && !*u.Active
	return user
}

type named struct {
	Name string `json:"name"`
}

type apiHistory struct {
	ID      string        `json:"id"`
	Author  *apiUser      `json:"author"`
	Created jiraTime      `json:"created"`
	Items   []apiHistItem `json:"items"`
}

type apiHistItem struct {
	Field      string  `json:"field"`
	FieldType  string  `json:"fieldtype"`
	FieldID    string  `json:"fieldId"`
	From       *string `json:"from"`
	FromString *string `json:"fromString"`
	To         *string `json:"to"`
	ToString   *string `json:"toString"`
}

// apiLinkedIssue is the other end of an issue link: Jira sends its key and
// a few of its fields, among them its status as of the read.
type apiLinkedIssue struct {
	Key    string `json:"key"`
	Fields struct {
		Status struct {
			StatusCategory struct {
				Key string `json:"key"`
			} `json:"statusCategory"`
		} `json:"status"`
	} `json:"fields"`
}

type apiComment struct {
	ID      string   `json:"id"`
	Author  *apiUser `json:"author"`
	Body    jiraText `json:"body"`
	Created jiraTime `json:"created"`
}

type apiWorklog struct {
	ID      string   `json:"id"`
	Author  *apiUser `json:"author"`
	Comment jiraText `json:"comment"`
	Started jiraTime `json:"started"`
	Created jiraTime `json:"created"`
}

// apiIssue is an issue with its changelog, comments and worklogs, each
// possibly only a first page of the whole.
type apiIssue struct {
	ID        string `json:"id"`
	Key       string `json:"key"`
	Changelog struct {
		Total     int          `json:"total"`
		Histories []apiHistory `json:"histories"`
	} `json:"changelog"`
	Fields apiFields `json:"fields"`
}

// apiFields are the fields of an issue pmfolio reads by name; the site's
// custom fields, whose ids vary, are decoded beside them (issueDecoder).
type apiFields struct {
	Summary     string   `json:"summary"`
	Description jiraText `json:"description"`
	IssueType   named    `json:"issuetype"`
	Project     struct {
		Key  string `json:"key"`
		Name string `json:"name"`
	} `json:"project"`
	Status struct {
		Name           string `json:"name"`
		StatusCategory struct {
			Key string `json:"key"`
		} `json:"statusCategory"`
	} `json:"status"`
	Priority       *named    `json:"priority"`
	Resolution     *named    `json:"resolution"`
	ResolutionDate *jiraTime `json:"resolutiondate"`
	Labels         []string  `json:"labels"`
	Components     []named   `json:"components"`
	FixVersions    []named   `json:"fixVersions"`
	Reporter       *apiUser  `json:"reporter"`
	Creator        *apiUser  `json:"creator"`
	Assignee       *apiUser  `json:"assignee"`
	Created        jiraTime  `json:"created"`
	Updated        jiraTime  `json:"updated"`
	Parent         *struct {
		Key string `json:"key"`
	} `json:"parent"`
	IssueLinks []struct {
		Type struct {
			Name    string `json:"name"`
			Inward  string `json:"inward"`
			Outward string `json:"outward"`
		} `json:"type"`
		InwardIssue  *apiLinkedIssue `json:"inwardIssue"`
		OutwardIssue *apiLinkedIssue `json:"outwardIssue"`
	} `json:"issuelinks"`
	Comment *struct {
		Total    int          `json:"total"`
		Comments []apiComment `json:"comments"`
	} `json:"comment"`
	Worklog *struct {
		Total    int          `json:"total"`
		Worklogs []apiWorklog `json:"worklogs"`
	} `json:"worklog"`
}

// jiraTime parses Jira's timestamps ("2016-03-03T13:40:01.000+0000").
type jiraTime struct{ time.Time }

var jiraTimeLayouts = []string{
	"2006-01-02T15:04:05.000-0700",
	"2006-01-02T15:04:05-0700",
	time.RFC3339Nano,
	"2006-01-02",
}

func (t *jiraTime) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	// The bulk changelog endpoint gives epoch numbers (milliseconds; the
	// OpenAPI example shows seconds) where every other endpoint gives text.
	if n, err := strconv.ParseInt(string(b), 10, 64); err == nil {
		if n > 1e11 {
			t.Time = time.UnixMilli(n).UTC()
		} else {
			t.Time = time.Unix(n, 0).UTC()
		}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("time: %w", err)
	}
	if s == "" {
		return nil
	}
	for _, layout := range jiraTimeLayouts {
		if parsed, err := time.Parse(layout, s); err == nil {
			t.Time = parsed.UTC()
			return nil
		}
	}
	return fmt.Errorf("time %q is not in a format Jira uses", s)
}

// jiraText is a text field: a wiki-markup string (v2), or a v3 ADF document
// kept as its JSON, which markup.PlainText reads as it reads wiki markup.
// Any other value decodes to no text rather than failing the whole issue.
type jiraText string

func (t *jiraText) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '{' {
		var doc struct{ Type string }
		if json.Unmarshal(b, &doc) == nil && doc.Type == "doc" {
			*t = jiraText(b)
		} else {
			*t = ""
		}
		return nil
	}
	if len(b) == 0 || b[0] != '"' {
		*t = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*t = jiraText(s)
	return nil
}

// mapIssue turns one complete raw issue into its domain value and the
// activities of everyone on it.
func mapIssue(raw []byte, fields Fields) (evidence.Issue, []evidence.Activity, error) {
	api, custom, err := decodeIssue(raw, fields.ids())
	if err != nil {
		return evidence.Issue{}, nil, err
	}
	is, acts := mapDecoded(api, custom, fields)
	return is, acts, nil
}

// decodeIssue reads a raw issue, and the custom fields of the given ids
// among its fields (nil when there are none to read).
func decodeIssue(raw []byte, customIDs []string) (apiIssue, map[string]json.RawMessage, error) {
	api, custom, err := issueDecoderFor(customIDs).decode(raw)
	if err != nil {
		return api, nil, fmt.Errorf("decode issue: %w", err)
	}
	if api.ID == "" || api.Key == "" {
		return api, nil, fmt.Errorf("decode issue: no id or key")
	}
	return api, custom, nil
}

// issueDecoder decodes an issue and some of its custom fields in one pass
// over the JSON, which is most of the CPU a sync spends on reading Jira
// (decoding the fields a second time, into a map, cost a third more). The
// custom fields' ids are known only at run time, so it decodes into a
// struct type made for them: apiIssue's fields with, inside "fields",
// apiFields' fields and one json.RawMessage per custom id.
type issueDecoder struct {
	ids []string
	typ reflect.Type // nil: no custom fields; decode into apiIssue
	// twoPasses: an id is also the name of a field apiFields reads (Jira's
	// are all customfield_…), and encoding/json would read neither of two
	// fields of one name; the custom fields are decoded in a second pass.
	twoPasses bool
}

var (
	apiIssueType  = reflect.TypeFor[apiIssue]()
	apiFieldsType = reflect.TypeFor[apiFields]()
	rawType       = reflect.TypeFor[json.RawMessage]()
	fieldsIndex   = func() int {
		f, _ := apiIssueType.FieldByName("Fields")
		return f.Index[0]
	}()
	issueDecoders sync.Map // strings.Join(ids, ",") -> *issueDecoder
)

// issueDecoderFor returns the decoder for the custom fields of the given
// ids (empty ones left out), made once per set of ids.
func issueDecoderFor(customIDs []string) *issueDecoder {
	var ids []string
	for _, id := range customIDs {
		if id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	key := strings.Join(ids, ",")
	if d, ok := issueDecoders.Load(key); ok {
		return d.(*issueDecoder)
	}
	d := &issueDecoder{ids: ids}
	if len(ids) > 0 {
		d.typ = decodedIssueType(ids)
		d.twoPasses = slices.ContainsFunc(ids, namesAnAPIField)
	}
	issueDecoders.Store(key, d)
	return d
}

// namesAnAPIField reports whether id is the JSON name of one of
// apiFields' fields, which encoding/json matches ignoring case.
func namesAnAPIField(id string) bool {
	for i := range apiFieldsType.NumField() {
		name, _, _ := strings.Cut(apiFieldsType.Field(i).Tag.Get("json"), ",")
		if strings.EqualFold(name, id) {
			return true
		}
	}
	return false
}

// decodedIssueType is apiIssue with the custom fields of ids beside the
// named ones in "fields", each held as its raw JSON.
func decodedIssueType(ids []string) reflect.Type {
	fields := make([]reflect.StructField, 0, apiFieldsType.NumField()+len(ids))
	for i := range apiFieldsType.NumField() {
		fields = append(fields, apiFieldsType.Field(i))
	}
	for i, id := range ids {
		fields = append(fields, reflect.StructField{Name: fmt.Sprintf("Custom%d", i), Type: rawType,
			Tag: reflect.StructTag(`json:"` + id + `"`)})
	}
	top := make([]reflect.StructField, 0, apiIssueType.NumField())
	for i := range apiIssueType.NumField() {
		f := apiIssueType.Field(i)
		if i == fieldsIndex {
			f.Type = reflect.StructOf(fields)
		}
		top = append(top, f)
	}
	return reflect.StructOf(top)
}

// decode reads a raw issue; custom holds the custom fields found, by id.
func (d *issueDecoder) decode(raw []byte) (api apiIssue, custom map[string]json.RawMessage, err error) {
	if d.typ == nil || d.twoPasses {
		if err = json.Unmarshal(raw, &api); err != nil || d.typ == nil {
			return api, nil, err
		}
		var envelope struct {
			Fields map[string]json.RawMessage `json:"fields"`
		}
		if json.Unmarshal(raw, &envelope) != nil {
			return api, nil, nil
		}
		custom = map[string]json.RawMessage{}
		for _, id := range d.ids {
			if value, ok := envelope.Fields[id]; ok {
				custom[id] = value
			}
		}
		return api, custom, nil
	}
	v := reflect.New(d.typ).Elem()
	if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
		return api, nil, err
	}
	dst := reflect.ValueOf(&api).Elem()
	for i := range apiIssueType.NumField() {
		if i != fieldsIndex {
			dst.Field(i).Set(v.Field(i))
		}
	}
	src, dstFields := v.Field(fieldsIndex), dst.Field(fieldsIndex)
	known := apiFieldsType.NumField()
	for i := range known {
		dstFields.Field(i).Set(src.Field(i))
	}
	custom = make(map[string]json.RawMessage, len(d.ids))
	for i, id := range d.ids {
		if value := src.Field(known + i).Interface().(json.RawMessage); value != nil {
			custom[id] = value
		}
	}
	return api, custom, nil
}

// mapDecoded turns a decoded issue into its domain value and the
// activities of everyone on it.
func mapDecoded(api apiIssue, custom map[string]json.RawMessage, fields Fields) (evidence.Issue, []evidence.Activity) {
	f := api.Fields
	is := evidence.Issue{
		ID:             api.ID,
		Key:            api.Key,
		Project:        f.Project.Key,
		ProjectName:    f.Project.Name,
		Type:           f.IssueType.Name,
		Summary:        f.Summary,
		Description:    string(f.Description),
		Status:         f.Status.Name,
		StatusCategory: f.Status.StatusCategory.Key,
		Labels:         f.Labels,
		Reporter:       f.Reporter.domain(),
		Creator:        f.Creator.domain(),
		Assignee:       f.Assignee.domain(),
		Created:        f.Created.Time,
		Updated:        f.Updated.Time,
	}
	if is.Project == "" {
		is.Project = evidence.ProjectOfKey(api.Key)
	}
	if f.Priority != nil {
		is.Priority = f.Priority.Name
	}
	if f.Resolution != nil {
		is.Resolution = f.Resolution.Name
	}
	if f.ResolutionDate != nil && !f.ResolutionDate.IsZero() {
		resolved := f.ResolutionDate.Time
		is.Resolved = &resolved
	}
	for _, c := range f.Components {
		is.Components = append(is.Components, c.Name)
	}
	for _, v := range f.FixVersions {
		is.FixVersions = append(is.FixVersions, v.Name)
	}
	if f.Parent != nil {
		is.ParentKey = f.Parent.Key
	}
	for _, l := range f.IssueLinks {
		link := evidence.IssueLink{Type: l.Type.Name}
		other := l.OutwardIssue
		switch {
		case other != nil:
			link.Direction, link.Description = "outward", l.Type.Outward
		case l.InwardIssue != nil:
			other = l.InwardIssue
			link.Direction, link.Description = "inward", l.Type.Inward
		default:
			continue
		}
		link.OtherKey, link.OtherStatusCategory = other.Key, other.Fields.Status.StatusCategory.Key
		link.OtherProject = evidence.ProjectOfKey(link.OtherKey)
		is.Links = append(is.Links, link)
	}
	mapCustomFields(&is, custom, fields)
	return is, activitiesOf(api, is)
}

func mapCustomFields(is *evidence.Issue, custom map[string]json.RawMessage, fields Fields) {
	for _, id := range fields.StoryPoints {
		var points *float64
		if json.Unmarshal(custom[id], &points) == nil && points != nil {
			is.StoryPoints = points
			break
		}
	}
	if fields.Sprint != "" {
		is.Sprints = sprintNames(custom[fields.Sprint])
	}
	if fields.EpicLink != "" && is.ParentKey == "" {
		var epic string
		if json.Unmarshal(custom[fields.EpicLink], &epic) == nil {
			is.ParentKey = epic
		}
	}
	if fields.Flagged != "" {
		var flags []json.RawMessage
		is.Flagged = json.Unmarshal(custom[fields.Flagged], &flags) == nil && len(flags) > 0
	}
}

// sprintInString finds key=… in the string form older Data Center sites
// give sprints: "com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=3,…,name=Sprint 7,…]";
// "" when it is missing or "<null>".
func sprintInString(s, key string) string {
	for i := 0; ; {
		j := strings.Index(s[i:], key+"=")
		if j < 0 {
			return ""
		}
		j += i
		if j > 0 && (s[j-1] == '[' || s[j-1] == ',') {
			value := s[j+len(key)+1:]
			if k := strings.IndexAny(value, ",]"); k >= 0 {
				value = value[:k]
			}
			if value == "<null>" {
				return ""
			}
			return value
		}
		i = j + 1
	}
}

// sprintNames reads a Sprint field: objects on Cloud, strings on older DC.
func sprintNames(raw json.RawMessage) []string {
	var values []json.RawMessage
	if json.Unmarshal(raw, &values) != nil {
		return nil
	}
	var names []string
	for _, v := range values {
		var obj struct {
			Name string `json:"name"`
		}
		var s string
		switch {
		case json.Unmarshal(v, &obj) == nil && obj.Name != "":
			names = append(names, obj.Name)
		case json.Unmarshal(v, &s) == nil:
			if name := sprintInString(s, "name"); name != "" {
				names = append(names, name)
			}
		}
	}
	return names
}

// activitiesOf lists what everyone did on the issue: its creation, each
// changelog history, comment and worklog.
func activitiesOf(api apiIssue, is evidence.Issue) []evidence.Activity {
	var acts []evidence.Activity
	creator := is.Creator
	if creator.ID == "" {
		creator = is.Reporter
	}
	if creator.ID != "" {
		acts = append(acts, evidence.Activity{IssueID: is.ID, Source: evidence.SourceIssue, SourceID: is.ID,
			Author: creator, At: is.Created, Text: is.Description})
	}
	for _, h := range api.Changelog.Histories {
		a := evidence.Activity{IssueID: is.ID, Source: evidence.SourceChange, SourceID: h.ID,
			Author: h.Author.domain(), At: h.Created.Time}
		for _, it := range h.Items {
			a.Items = append(a.Items, evidence.ChangeItem{Field: it.Field, FieldID: it.FieldID, FieldType: it.FieldType,
				From: deref(it.From), FromString: deref(it.FromString), To: deref(it.To), ToString: deref(it.ToString),
				FromNull: it.From == nil, FromStringNull: it.FromString == nil, ToNull: it.To == nil, ToStringNull: it.ToString == nil})
		}
		acts = append(acts, a)
	}
	if c := api.Fields.Comment; c != nil {
		for _, cm := range c.Comments {
			acts = append(acts, evidence.Activity{IssueID: is.ID, Source: evidence.SourceComment, SourceID: cm.ID,
				Author: cm.Author.domain(), At: cm.Created.Time, Text: string(cm.Body)})
		}
	}
	if w := api.Fields.Worklog; w != nil {
		for _, wl := range w.Worklogs {
			at := wl.Started.Time
			if at.IsZero() {
				at = wl.Created.Time
			}
			acts = append(acts, evidence.Activity{IssueID: is.ID, Source: evidence.SourceWorklog, SourceID: wl.ID,
				Author: wl.Author.domain(), At: at, Text: string(wl.Comment)})
		}
	}
	return acts
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// replaceInRaw returns raw with the named top-level keys (and keys of
// "fields") replaced, so the stored JSON holds complete changelogs and
// comment lists while keeping every other byte Jira sent.
func replaceInRaw(raw []byte, top map[string]any, inFields map[string]any) ([]byte, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, err
	}
	for k, v := range top {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		obj[k] = b
	}
	if len(inFields) > 0 {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(obj["fields"], &fields); err != nil || fields == nil {
			fields = map[string]json.RawMessage{}
		}
		for k, v := range inFields {
			b, err := json.Marshal(v)
			if err != nil {
				return nil, err
			}
			fields[k] = b
		}
		b, err := json.Marshal(fields)
		if err != nil {
			return nil, err
		}
		obj["fields"] = b
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(obj); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}
