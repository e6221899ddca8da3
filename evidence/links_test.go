package evidence

import (
	"maps"
	"slices"
	"testing"
	"time"
)

func TestUndoneLinks(t *testing.T) {
	me := User{ID: "u-me"}
	lee := User{ID: "u-lee"}
	at := time.Date(2026, 6, 4, 15, 5, 0, 0, time.UTC)
	link := func(id string, who User, min int, items ...ChangeItem) Activity {
		return Activity{IssueID: "1", Source: SourceChange, SourceID: id, Author: who, At: at.Add(time.Duration(min) * time.Minute), Items: items}
	}
	add := func(words, key string) ChangeItem {
		return ChangeItem{Field: "Link", FieldType: "jira", FieldID: "issuelinks", To: key, ToString: "This issue " + words + " " + key}
	}
	remove := func(words, key string) ChangeItem {
		return ChangeItem{Field: "Link", FieldType: "jira", FieldID: "issuelinks", From: key, FromString: "This issue " + words + " " + key}
	}
	blockedBy := Issue{Key: "MOB-882", Links: []IssueLink{{Type: "Blocks", Direction: "inward", Description: "is blocked by", OtherKey: "PLAT-1531", OtherProject: "PLAT"}}}
	both := blockedBy
	both.Links = append(slices.Clone(blockedBy.Links), IssueLink{Type: "Relates", Direction: "outward", Description: "relates to", OtherKey: "PLAT-1531", OtherProject: "PLAT"})
	tests := []struct {
		name string
		is   Issue
		acts []Activity
		want []string
	}{
		{name: "a link put the other way round a minute later is undone", is: blockedBy,
			acts: []Activity{link("h1", me, 0, add("blocks", "PLAT-1531")), link("h2", me, 1, add("is blocked by", "PLAT-1531"))},
			want: []string{"h1"}},
		{name: "a link removed two minutes later is undone", is: Issue{Key: "MOB-882"},
			acts: []Activity{link("h1", me, 0, add("blocks", "PLAT-1531")), link("h2", me, 2, remove("blocks", "PLAT-1531"))},
			want: []string{"h1"}},
		{name: "a link removed two days later was work", is: Issue{Key: "MOB-882"},
			acts: []Activity{link("h1", me, 0, add("is blocked by", "PLAT-1531")), link("h2", me, 2*24*60, remove("is blocked by", "PLAT-1531"))}},
		{name: "a second link to the same issue, the first still there, is two links", is: both,
			acts: []Activity{link("h1", me, 0, add("relates to", "PLAT-1531")), link("h2", me, 1, add("is blocked by", "PLAT-1531"))}},
		{name: "someone else removing the user's link does not undo it", is: Issue{Key: "MOB-882"},
			acts: []Activity{link("h1", me, 0, add("blocks", "PLAT-1531")), link("h2", lee, 1, remove("blocks", "PLAT-1531"))}},
		{name: "a history that also changes another field is kept", is: Issue{Key: "MOB-882"},
			acts: []Activity{link("h1", me, 0, add("blocks", "PLAT-1531"), ChangeItem{Field: "priority", FieldID: "priority", From: "3", FromString: "Medium", To: "2", ToString: "High"}),
				link("h2", me, 1, remove("blocks", "PLAT-1531"))}},
		{name: "a link to another issue is not undone by one to a third", is: Issue{Key: "MOB-882"},
			acts: []Activity{link("h1", me, 0, add("blocks", "PLAT-1531")), link("h2", me, 1, remove("blocks", "PLAT-1532"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Sorted(maps.Keys(UndoneLinks(tt.acts, tt.is, me)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("UndoneLinks() = %v, want %v", got, tt.want)
			}
		})
	}
}
