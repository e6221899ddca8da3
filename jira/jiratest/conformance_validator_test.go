package jiratest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The validator must be able to fail: these documents must pass or fail
// against small schemas written the way Atlassian writes them, without the
// shared API notes.

const validatorSpec = `
components:
  schemas:
    Cat:
      type: object
      additionalProperties: false
      properties:
        id: {type: integer, format: int32, readOnly: true}
        name: {type: string}
        born: {type: string, format: date-time}
        day: {type: string, format: date}
        self: {type: string, format: uri}
        weight: {type: number}
        indoor: {type: boolean}
        color: {$ref: '#/components/schemas/Color'}
        owner: {allOf: [{$ref: '#/components/schemas/Person'}], readOnly: true}
        tags: {type: array, items: {type: string}}
        nick: {type: string, nullable: true}
        scores: {type: object, additionalProperties: {type: integer}}
        secret: {type: string, writeOnly: true}
        anything: {}
    Color: {type: string, enum: [black, white]}
    Person:
      type: object
      additionalProperties: false
      required: [accountId]
      properties:
        accountId: {type: string}
    Open:
      type: object
      additionalProperties: true
      properties:
        a: {type: string}
    Undecided:
      type: object
      properties:
        a: {type: string}
    FreeMap: {type: object, additionalProperties: {}}
    Dog:
      type: object
      additionalProperties: false
      properties:
        barks: {type: boolean}
    Pet:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
    Both:
      allOf:
        - $ref: '#/components/schemas/Person'
        - type: object
          properties:
            extra: {type: string}
    Cats: {type: array, items: {$ref: '#/components/schemas/Cat'}}
`

// A JSON Schema in the style the Data Center WADL embeds.
const validatorJSONSchema = `{
  "title": "Issue", "type": "object", "additionalProperties": false,
  "properties": {
    "author": {"$ref": "#/definitions/user"},
    "fields": {"type": "object", "patternProperties": {".+": {}}, "additionalProperties": false},
    "names": {"type": "object", "patternProperties": {"^[a-z]+$": {"type": "string"}}, "additionalProperties": false},
    "resolution": {"type": ["string", "null"]}
  },
  "definitions": {
    "user": {"title": "User", "type": "object", "additionalProperties": false, "required": ["active"],
      "properties": {"name": {"type": "string"}, "active": {"type": "boolean"}}}
  }
}`

func TestValidator(t *testing.T) {
	var root map[string]any
	if err := yaml.Unmarshal([]byte(validatorSpec), &root); err != nil {
		t.Fatal(err)
	}
	openapi := newSchemaDoc(root)
	jsRoot, err := decodeJSON([]byte(validatorJSONSchema))
	if err != nil {
		t.Fatal(err)
	}
	jsonSchema := newSchemaDoc(asMap(jsRoot))

	cases := []struct {
		schema string // component name, or "json" for validatorJSONSchema
		doc    string
		want   []string // "path kind schema.prop", none: the document passes
	}{
		{"Cat", `{"id":1,"name":"Tom","born":"2024-01-02T03:04:05.000+0100","day":"2024-01-02","self":"https://x.example/cat/1",
			"weight":4.5,"indoor":true,"color":"black","owner":{"accountId":"a"},"tags":["a"],"nick":null,"scores":{"a":1},"anything":[{"x":null}]}`, nil},
		{"Cat", `{}`, nil},
		{"Cat", `{"id":1,"colour":"black"}`, []string{"$.colour undeclared Cat.colour"}},
		{"Cat", `{"id":"1"}`, []string{"$.id type Cat.id"}},
		{"Cat", `{"id":1.5}`, []string{"$.id type Cat.id"}},
		{"Cat", `{"id":1.0}`, []string{"$.id type Cat.id"}},
		{"Cat", `{"id":3000000000}`, []string{"$.id format Cat.id"}},
		{"Cat", `{"weight":4}`, nil},
		{"Cat", `{"weight":"4"}`, []string{"$.weight type Cat.weight"}},
		{"Cat", `{"indoor":"true"}`, []string{"$.indoor type Cat.indoor"}},
		{"Cat", `{"born":"2024-01-02T03:04:05Z"}`, []string{"$.born format Cat.born"}},
		{"Cat", `{"born":"2024-01-02T03:04:05.000+01:00"}`, []string{"$.born format Cat.born"}},
		{"Cat", `{"born":1704164645000}`, []string{"$.born type Cat.born"}},
		{"Cat", `{"day":"02/01/2024"}`, []string{"$.day format Cat.day"}},
		{"Cat", `{"self":"/rest/api/2/cat/1"}`, []string{"$.self format Cat.self"}},
		{"Cat", `{"color":"tabby"}`, []string{"$.color enum Cat.color"}},
		{"Cat", `{"owner":{}}`, []string{"$.owner.accountId required Person.accountId"}},
		{"Cat", `{"owner":{"accountId":"a","name":"x"}}`, []string{"$.owner.name undeclared Person.name"}},
		{"Cat", `{"owner":null}`, []string{"$.owner null Cat.owner"}},
		{"Cat", `{"name":null}`, []string{"$.name null Cat.name"}},
		{"Cat", `{"tags":["a",1,"c",true]}`, []string{"$.tags[1] type Cat.tags", "$.tags[3] type Cat.tags"}},
		{"Cat", `{"tags":"a"}`, []string{"$.tags type Cat.tags"}},
		{"Cat", `{"scores":{"a":1,"b":"x"}}`, []string{"$.scores.b type Cat.scores.b"}},
		{"Cat", `{"secret":"x"}`, []string{"$.secret writeOnly Cat.secret"}},
		{"Cat", `[]`, []string{"$ type ."}},
		{"Cats", `[{"id":1},{"id":2,"x":1}]`, []string{"$[1].x undeclared Cat.x"}},
		{"Open", `{"a":"x","zzz":[1]}`, nil},
		{"Open", `{"a":1}`, []string{"$.a type Open.a"}},
		{"Undecided", `{"a":"x","b":1}`, []string{"$.b undeclared Undecided.b"}},
		{"FreeMap", `{"a":"x","b":{"c":[null]}}`, nil},
		{"Pet", `{"barks":true}`, nil},
		{"Pet", `{"id":1,"name":"Tom"}`, nil},
		{"Pet", `{"meows":true}`, []string{"$.meows undeclared Cat.meows"}},
		{"Both", `{"accountId":"a","extra":"x"}`, nil},
		{"Both", `{"extra":"x"}`, []string{"$.accountId required Both.accountId"}},
		{"Both", `{"accountId":"a","other":"x"}`, []string{"$.other undeclared Both.other"}},
		{"json", `{"author":{"name":"fred","active":true},"fields":{"x":{"y":1},"customfield_1":null},"names":{"a":"A"},"resolution":null}`, nil},
		{"json", `{"author":{"name":"fred"}}`, []string{"$.author.active required User.active"}},
		{"json", `{"author":{"active":true,"emailAddress":"f@x"}}`, []string{"$.author.emailAddress undeclared User.emailAddress"}},
		{"json", `{"author":{"active":"yes"}}`, []string{"$.author.active type User.active"}},
		{"json", `{"names":{"a":"A","B":"b"}}`, []string{"$.names.B undeclared Issue.names.B"}},
		{"json", `{"author":null}`, []string{"$.author null Issue.author"}},
		{"json", `{"renderedFields":{}}`, []string{"$.renderedFields undeclared Issue.renderedFields"}},
	}
	for i, c := range cases {
		t.Run(fmt.Sprintf("%02d %s", i, c.schema), func(t *testing.T) {
			doc, err := decodeJSON([]byte(c.doc))
			if err != nil {
				t.Fatal(err)
			}
			vd := newValidator(openapi)
			if c.schema == "json" {
				vd = newValidator(jsonSchema)
				vd.validate(doc, jsonSchema.root, rootPath, "", "")
			} else {
				vd.validate(doc, schemaRef(c.schema), rootPath, "", "")
			}
			var got []string
			for _, v := range vd.out {
				got = append(got, fmt.Sprintf("%s %s %s.%s", v.Path(), v.Kind, v.Schema, v.Prop))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("%s\ngot  %q\nwant %q\n(%v)", c.doc, got, c.want, vd.out)
			}
		})
	}
}

// TestValidatorMessages pins the form of a report line, which names the
// JSON path and the schema.
func TestValidatorMessages(t *testing.T) {
	var root map[string]any
	if err := yaml.Unmarshal([]byte(validatorSpec), &root); err != nil {
		t.Fatal(err)
	}
	vd := newValidator(newSchemaDoc(root))
	doc, _ := decodeJSON([]byte(`[{"owner":{"accountId":"a","colorName":"x"}},{"born":"yesterday"}]`))
	vd.validate(doc, schemaRef("Cats"), rootPath, "", "")
	want := []string{
		"$[0].owner.colorName: not in schema Person",
		`$[1].born: string "yesterday": not a Jira timestamp like 2006-01-02T15:04:05.000-0700 (Cat.born)`,
	}
	var got []string
	for _, v := range vd.out {
		got = append(got, v.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestConformanceCatchesDrift breaks real answers of the fake in ways a
// careless change to it could, and requires the Cloud check to notice each.
func TestConformanceCatchesDrift(t *testing.T) {
	spec := loadCloudSpec(t)
	site := demo(t, DeploymentCloud, 30)
	srv := startServer(t, site)
	fieldTypes := fieldTypesOf(t, fetchJSON(t, srv, cloudAuth(), "/rest/api/2/field"))
	q := url.Values{"jql": {conformanceJQL}, "fields": {"*all"}, "expand": {"changelog"}, "maxResults": {"5"}}
	search := "/rest/api/2/search/jql?" + q.Encode()
	var withLink, withComment string
	for _, is := range site.Issues() {
		if len(is.Links) > 0 && withLink == "" {
			withLink = is.Key
		}
		if len(is.Comments) > 0 && withComment == "" {
			withComment = is.Key
		}
	}

	cases := []struct {
		name     string
		url      string
		schema   string
		endpoint string
		breakIt  func(doc map[string]any)
		want     string // a substring of the one expected finding
	}{
		{"old search envelope", search, "SearchAndReconcileResults", "search/jql",
			func(d map[string]any) { d["total"] = json.Number("30") },
			"$.total: not in schema SearchAndReconcileResults"},
		{"numeric issue id", search, "SearchAndReconcileResults", "search/jql",
			func(d map[string]any) { issue(d, 0)["id"] = json.Number("10001") },
			"$.issues[0].id: integer 10001, but IssueBean.id is string"},
		{"status category id as text", search, "SearchAndReconcileResults", "search/jql",
			func(d map[string]any) {
				asMap(asMap(asMap(issue(d, 0)["fields"])["status"])["statusCategory"])["id"] = "2"
			},
			`$.issues[0].fields.status.statusCategory.id: string "2", but StatusCategory.id is integer`},
		{"extra key on issue type", search, "SearchAndReconcileResults", "search/jql",
			func(d map[string]any) { asMap(asMap(issue(d, 0)["fields"])["issuetype"])["color"] = "red" },
			"$.issues[0].fields.issuetype.color: not in schema IssueTypeDetails"},
		{"date without offset", search, "SearchAndReconcileResults", "search/jql",
			func(d map[string]any) { asMap(issue(d, 0)["fields"])["created"] = "2026-01-02T03:04:05.000Z" },
			"$.issues[0].fields.created: string \"2026-01-02T03:04:05.000Z\": not a Jira timestamp"},
		{"user name on Cloud", search, "SearchAndReconcileResults", "search/jql",
			func(d map[string]any) { asMap(asMap(issue(d, 0)["fields"])["reporter"])["username"] = "mlindqvist" },
			"$.issues[0].fields.reporter.username: not in schema UserDetails"},
		{"null status", search, "SearchAndReconcileResults", "search/jql",
			func(d map[string]any) { asMap(issue(d, 0)["fields"])["status"] = nil },
			"$.issues[0].fields.status: null, but Jira always gives status a value"},
		{"unknown system field", search, "SearchAndReconcileResults", "search/jql",
			func(d map[string]any) { asMap(issue(d, 0)["fields"])["storypoints"] = json.Number("3") },
			"$.issues[0].fields.storypoints: not a field of GET /rest/api/2/field"},
		{"changelog total as text", search, "SearchAndReconcileResults", "search/jql",
			func(d map[string]any) { asMap(issue(d, 0)["changelog"])["total"] = "12" },
			`$.issues[0].changelog.total: string "12", but PageOfChangelogs.total is integer`},
		{"link type as a name", "/rest/api/2/issue/" + withLink, "IssueBean", "issue/{id}",
			func(d map[string]any) { asMap(asList(asMap(d["fields"])["issuelinks"])[0])["type"] = "Blocks" },
			`$.fields.issuelinks[0].type: string "Blocks", but IssueLink.type is object`},
		{"numeric created outside bulkfetch", "/rest/api/2/issue/" + withComment + "/changelog", "PageBeanChangelog", "issue/{id}/changelog",
			func(d map[string]any) { asMap(asList(d["values"])[0])["created"] = json.Number("1767225600000") },
			"$.values[0].created: integer 1767225600000, but Changelog.created is string"},
		{"comment author missing", "/rest/api/2/issue/" + withComment + "/comment", "PageOfComments", "issue/{id}/comment",
			func(d map[string]any) { asMap(asList(d["comments"])[0])["author"] = nil },
			"$.comments[0].author: null, but Comment.author (object) is not nullable"},
		{"worklog seconds as text", "/rest/api/2/issue/" + withLink + "?expand=changelog", "IssueBean", "issue/{id}",
			func(d map[string]any) {
				asMap(d["fields"])["worklog"] = map[string]any{"startAt": json.Number("0"), "total": json.Number("1"),
					"worklogs": []any{map[string]any{"id": "1", "timeSpentSeconds": "3600"}}}
			},
			`$.fields.worklog.worklogs[0].timeSpentSeconds: string "3600", but Worklog.timeSpentSeconds is integer`},
	}
	answers := map[string][]byte{} // fetched once, decoded afresh for each case
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if answers[c.url] == nil {
				resp := do(t, srv, "GET", c.url, "", cloudAuth())
				if resp.status != 200 {
					t.Fatalf("GET %s: %d", c.url, resp.status)
				}
				answers[c.url] = resp.body
			}
			decoded, err := decodeJSON(answers[c.url])
			if err != nil {
				t.Fatal(err)
			}
			doc := asMap(decoded)
			clean := check(spec, fieldTypes, c.endpoint, doc, c.schema)
			c.breakIt(doc)
			broken := check(spec, fieldTypes, c.endpoint, doc, c.schema)
			if len(broken) != len(clean)+1 {
				t.Fatalf("breaking it gave %d unexcused findings, %d before; want exactly one more:\n%s", len(broken), len(clean), strings.Join(broken, "\n"))
			}
			if !slices.ContainsFunc(broken, func(s string) bool { return strings.Contains(s, c.want) }) {
				t.Errorf("no finding contains %q:\n%s", c.want, strings.Join(broken, "\n"))
			}
		})
	}
}

func issue(doc map[string]any, i int) map[string]any { return asMap(asList(doc["issues"])[i]) }

// check runs the Cloud validation on one document and returns the findings
// the allow-list does not excuse.
func check(spec *openAPI, fieldTypes map[string]map[string]any, endpoint string, doc any, schema string) []string {
	vd := newValidator(spec.doc)
	vd.hooks[fieldsSchemaName] = spec.fieldsHook(fieldTypes, true, nil)
	vd.validate(doc, schemaRef(schema), rootPath, "", "")
	var out []string
	for _, v := range vd.out {
		if !slices.ContainsFunc(specGaps, func(g specGap) bool { return g.matches(endpoint, v) }) {
			out = append(out, v.String())
		}
	}
	return out
}

// TestCompareShapes: the comparison with recordings must be able to fail
// both ways.
func TestCompareShapes(t *testing.T) {
	parse := func(doc string) shape {
		v, err := decodeJSON([]byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		s := shape{}
		s.add(v, "$")
		return s
	}
	rec := parse(`{"issues":[{"id":"1","key":"A-1","fields":{"status":{"name":"Open","id":"1"},"customfield_1":null,"labels":[]}}],"total":1}`)
	cases := []struct {
		fake string
		want []string
	}{
		{`{"issues":[{"id":"2","key":"A-2","fields":{"status":{"name":"Done","id":"3"},"labels":["x"],"customfield_9":[{"x":1}]}}],"total":1}`, nil},
		{`{"issues":[{"id":"2","key":"A-2","fields":{"status":{"name":"Done","id":"3","colour":"red"},"labels":[]}}],"total":1}`,
			[]string{"test: the fake sends $.issues[].fields.status.colour, which the recording never has there (recorded keys: id, name)"}},
		{`{"issues":[{"id":"2","fields":{"status":{"name":"Done","id":"3"},"labels":[]}}],"total":1}`,
			[]string{"test: the recording has $.issues[].key, which pmfolio reads, but the fake never sends it"}},
		{`{"issues":[{"id":"2","key":"A-2","fields":{"labels":[]}}],"total":1}`,
			[]string{"test: the recording has $.issues[].fields.status, which pmfolio reads, but the fake never sends it"}},
		{`{"issues":[{"id":2,"key":"A-2","fields":{"status":{"name":"Done","id":"3"},"labels":null}}],"total":1}`,
			[]string{"test: the fake sends $.issues[].id as integer, the recording only as string"}},
		{`{"issues":[],"total":0,"isLast":true}`,
			[]string{"test: the fake sends $.isLast, which the recording never has there (recorded keys: issues, total)"}},
	}
	for i, c := range cases {
		got, _, _ := compareShapes("test", DeploymentServer, parse(c.fake), rec, nil, nil, map[int]int{})
		if !slices.Equal(got, c.want) {
			t.Errorf("case %d: got  %q\nwant %q", i, got, c.want)
		}
	}
}
