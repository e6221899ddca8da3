package jiratest_test

import (
	"regexp"
	"strings"
	"testing"
)

// "Ravi wondered too", written by Ravi, reads as generated: nobody names
// themselves in their own comment, by first name or by @-mention.
func TestDemoNobodyNamesThemselves(t *testing.T) {
	named := 0
	for opts, site := range demoSites() {
		for _, is := range site.Issues() {
			for _, c := range is.Comments {
				if c.Author.AccountType == "app" {
					continue
				}
				first, _, _ := strings.Cut(c.Author.DisplayName, " ")
				self := regexp.MustCompile(`(^|[^\p{L}])` + regexp.QuoteMeta(first) + `($|[^\p{L}])`)
				switch {
				case self.MatchString(c.Body), strings.Contains(c.Body, "[~accountid:"+c.Author.AccountID+"]"), strings.Contains(c.Body, "[~"+c.Author.Name+"]"):
					t.Errorf("%s, seed %d: %s names themselves on %s: %q", opts.Deployment, opts.Seed, c.Author.DisplayName, is.Key, c.Body)
				case strings.Contains(c.Body, "[~"):
					named++
				}
			}
		}
	}
	if named == 0 {
		t.Error("no comment names anyone: the test reads none of what it guards")
	}
}
