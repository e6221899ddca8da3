package export

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
)

func TestReleaseMadeTellsTheReleaseAnAskNamedWentOutWithTheWork(t *testing.T) {
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	resolved := func(m time.Month, d int) *time.Time { at := day(m, d).Add(12 * time.Hour); return &at }
	story := func(resolvedOn *time.Time, releases map[string]time.Time) *evidence.Evidence {
		return &evidence.Evidence{IssueKey: "MOB-882", IssueResolved: resolvedOn, IssueStatusCategory: evidence.StatusCategoryEnd,
			IssueFixVersions: []string{"5.2"}, IssueReleaseDates: releases}
	}
	const asked = "Oi Bruno, Fernanda - to make 5.2 (store submission 21/07) we'd need this on staging by 03/07."
	for _, tc := range []struct {
		name string
		ask  string
		item *evidence.Evidence
		want string
	}{
		{"the release the ask names went out with the work", asked,
			story(resolved(6, 19), map[string]time.Time{"5.2": day(7, 28)}), "MOB-882 went out in 5.2, released on 28 July."},
		{"a release named at a sentence's end", "we need this for 5.2.",
			story(resolved(6, 19), map[string]time.Time{"5.2": day(7, 28)}), "MOB-882 went out in 5.2, released on 28 July."},
		{"the work was done after the release went out", asked,
			story(resolved(8, 2), map[string]time.Time{"5.2": day(7, 28)}), ""},
		{"the work is not done", asked,
			&evidence.Evidence{IssueKey: "MOB-882", IssueReleaseDates: map[string]time.Time{"5.2": day(7, 28)}}, ""},
		{"the ask names another release", "to make 5.20 we'd need this by 03/07",
			story(resolved(6, 19), map[string]time.Time{"5.2": day(7, 28)}), ""},
		{"Jira gives the release no day", asked, story(resolved(6, 19), nil), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(releasesKept(initiative{items: []*evidence.Evidence{tc.item}}, []*evidence.Evidence{{Excerpt: tc.ask}}), " ")
			if got != tc.want {
				t.Errorf("releasesKept = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestReleasesKeptTellsEachReleaseThePlansPutWorkIntoOnce(t *testing.T) {
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	resolved := func(m time.Month, d int) *time.Time { at := day(m, d).Add(12 * time.Hour); return &at }
	in := initiative{items: []*evidence.Evidence{
		{IssueKey: "MOB-882", IssueResolved: resolved(6, 19), IssueStatusCategory: evidence.StatusCategoryEnd, IssueReleaseDates: map[string]time.Time{"5.2": day(7, 28)}},
		{IssueKey: "MOB-883", IssueResolved: resolved(6, 25), IssueStatusCategory: evidence.StatusCategoryEnd, IssueReleaseDates: map[string]time.Time{"5.3": day(9, 22)}},
	}}
	plans := []*evidence.Evidence{
		{Excerpt: "to make 5.2 (store submission 21/07) we'd need this on staging by 03/07"},
		{Excerpt: "ok so this one doesn't make 5.2, the store submission is on 21/07. moving to 5.3. the cart restore still goes in 5.2"},
		{Excerpt: "5.3 has the SDK v4 and the Pix kill switch, it goes to store review 15/09."},
		{Excerpt: "5.4 goes to the stores on 17/11"},
	}
	got := releasesKept(in, plans)
	want := []string{"MOB-882 went out in 5.2, released on 28 July.", "MOB-883 went out in 5.3, released on 22 September."}
	if !slices.Equal(got, want) {
		t.Errorf("releasesKept = %q, want %q", got, want)
	}
}
