package jiratest

// Conformance of the fake Server to the Data Center WADL.
//
// The WADL has no schema section of its own, but its documentation embeds,
// for most operations, the JSON Schema of the response (an "h6 Schema"
// block) and an example. Where it does, for the endpoints the fake serves
// on a Server site, the fake's answer is validated against it, as the Cloud
// answers are against the OpenAPI document. These schemas are Jira 8.4.3's;
// the fake imitates 9.12, whose shapes did not change for these endpoints.

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

const wadlFile = "datacenter-8.4.3.wadl"

var wadlText = sync.OnceValues(func() (string, error) {
	b, err := readAPIFile(wadlFile)
	return string(b), err
})

var (
	wadlSchemaRE  = regexp.MustCompile(`(?s)<ns3:h6>Schema</ns3:h6><ns3:pre><ns3:code>(.*?)</ns3:code>`)
	wadlExampleRE = regexp.MustCompile(`(?s)<ns3:h6>Example</ns3:h6><ns3:pre><ns3:code>(.*?)</ns3:code>`)
)

// wadlResponse finds the response JSON Schema and example of a WADL method
// by its id, looking after resourcePath ("api/2/myself") when the id is not
// unique.
func wadlResponse(wadl, resourcePath, methodID string) (schema *schemaDoc, example any, err error) {
	from := 0
	if resourcePath != "" {
		if from = strings.Index(wadl, `path="`+resourcePath+`"`); from < 0 {
			return nil, nil, fmt.Errorf("no resource %s", resourcePath)
		}
	}
	i := strings.Index(wadl[from:], `id="`+methodID+`"`)
	if i < 0 {
		return nil, nil, fmt.Errorf("no method %s after %q", methodID, resourcePath)
	}
	seg := wadl[from+i:]
	seg = seg[:strings.Index(seg, "</ns2:method>")]
	seg = seg[max(0, strings.Index(seg, "<ns2:response")):]
	m := wadlSchemaRE.FindStringSubmatch(seg)
	if m == nil {
		return nil, nil, fmt.Errorf("method %s documents no response schema", methodID)
	}
	doc, err := decodeJSON([]byte(html.UnescapeString(m[1])))
	if err != nil {
		return nil, nil, fmt.Errorf("method %s: schema: %w", methodID, err)
	}
	if ex := wadlExampleRE.FindStringSubmatch(seg); ex != nil {
		example, _ = decodeJSON([]byte(html.UnescapeString(ex[1])))
	}
	return newSchemaDoc(asMap(doc)), example, nil
}

// wadlGaps excuses the places where the fake follows real Jira rather than
// the WADL's schemas, which know nothing of null. Example, when set, is a
// recorded sample that shows the same.
var wadlGaps = []specGap{
	{Schema: "Change Item", Prop: "from", Kind: kindNull, Example: "cloud-search-with-changelog.json",
		Why: "a change from an empty value records from: null (the WADL's schemas never allow null; the recorded changelogs have it)"},
	{Schema: "Change Item", Prop: "fromString", Kind: kindNull, Example: "cloud-search-with-changelog.json",
		Why: "as from"},
	{Schema: "Change Item", Prop: "to", Kind: kindNull,
		Why: "clearing a field records to: null, as Cloud's own example shows for Cloud (GET /issue/{id}/changelog); the recordings happen to clear nothing"},
	{Schema: "Change Item", Prop: "toString", Kind: kindNull,
		Why: "as to"},
}

func TestConformanceServerWADL(t *testing.T) {
	wadl, err := wadlText()
	if err != nil {
		t.Fatal(err)
	}
	site := demo(t, DeploymentServer, 120)
	srv := startServer(t, site, WithContextPath("/jira"))
	auth := "Bearer " + DemoPAT

	type exchange struct {
		name, resource, method, url string
	}
	search := url.Values{"jql": {conformanceJQL}, "fields": {"*all"}, "expand": {"changelog"}, "maxResults": {"50"}}
	exs := []exchange{
		{"serverInfo", "api/2/serverInfo", "getServerInfo", "/rest/api/2/serverInfo"},
		{"myself", "api/2/myself", "getUser", "/rest/api/2/myself"},
		{"field", "", "getFields", "/rest/api/2/field"},
	}
	for startAt := 0; startAt < site.IssueCount(); startAt += 50 {
		search.Set("startAt", fmt.Sprint(startAt))
		exs = append(exs, exchange{"search", "", "search", "/rest/api/2/search?" + search.Encode()})
	}
	picked, _ := pickIssues(site)
	for _, is := range picked {
		base := "/rest/api/2/issue/" + is.Key
		exs = append(exs,
			exchange{"issue/{id}", "", "getIssue", base + "?expand=changelog"},
			exchange{"issue/{id}/comment", "", "getComments", base + "/comment"},
			exchange{"issue/{id}/worklog", "", "getIssueWorklog", base + "/worklog"},
		)
	}
	var findings []finding
	schemas := map[string]*schemaDoc{}
	for _, ex := range exs {
		doc := schemas[ex.method]
		if doc == nil {
			if doc, _, err = wadlResponse(wadl, ex.resource, ex.method); err != nil {
				t.Fatalf("%s: %v", ex.name, err)
			}
			schemas[ex.method] = doc
		}
		vd := newValidator(doc)
		vd.validate(fetchJSON(t, srv, auth, ex.url), doc.root, rootPath, "", "")
		for _, v := range vd.out {
			findings = append(findings, finding{ex.name, v})
		}
	}
	report(t, findings, wadlGaps)

	// An entry that cites a recording must be borne out by it.
	for _, g := range wadlGaps {
		if g.Example == "" {
			continue
		}
		if !sampleHasNull(sampleFile(t, g.Example), g.Prop) {
			t.Errorf("WADL allow-list entry %s cites %s, which has no null %s", g, g.Example, g.Prop)
		}
	}
}

// sampleHasNull reports whether some object in doc has key set to null.
func sampleHasNull(doc any, key string) bool {
	switch v := doc.(type) {
	case map[string]any:
		if x, ok := v[key]; ok && x == nil {
			return true
		}
		for _, x := range v {
			if sampleHasNull(x, key) {
				return true
			}
		}
	case []any:
		return slices.ContainsFunc(v, func(x any) bool { return sampleHasNull(x, key) })
	}
	return false
}
