package evidence

import (
	"strings"
	"time"
)

// UndoneLinkGap is how soon a link the user removes again, or puts the
// other way round, was a slip rather than work (UndoneLinks).
const UndoneLinkGap = 5 * time.Minute

// UndoneLinks returns the source ids of the user's changelog histories among
// one issue's activities that only add links the user undid within
// UndoneLinkGap: removed again, or replaced by another link to the same
// issue while the first is no longer on the issue. "Linked: blocks
// PLAT-1531", put right a minute later as "is blocked by PLAT-1531", is one
// link made, not two; the history that put it right is the evidence. A link
// removed later than that (a blocker resolved, a duplicate undone weeks on)
// was work when it was made.
func UndoneLinks(acts []Activity, is Issue, me User) map[string]bool {
	var mine []Activity
	for _, a := range acts {
		if a.Source == SourceChange && a.Author.Is(me) && hasLinkItem(a.Items) {
			mine = append(mine, a)
		}
	}
	var undone map[string]bool
	for _, a := range mine {
		if !onlyLinkAdds(a.Items) {
			continue
		}
		all := true
		for _, it := range a.Items {
			if !linkUndone(it, a, mine, is) {
				all = false
				break
			}
		}
		if all {
			if undone == nil {
				undone = map[string]bool{}
			}
			undone[a.SourceID] = true
		}
	}
	return undone
}

// linkUndone reports whether the link it added in a was removed, or
// replaced while no longer on the issue, by a later history of mine within
// UndoneLinkGap.
func linkUndone(it ChangeItem, a Activity, mine []Activity, is Issue) bool {
	key := it.To
	for _, b := range mine {
		if b.SourceID == a.SourceID || b.At.Before(a.At) || b.At.Sub(a.At) > UndoneLinkGap {
			continue
		}
		for _, other := range b.Items {
			if !isLinkItem(other) {
				continue
			}
			if other.From == key || other.To == key && !stillLinked(is, it) {
				return true
			}
		}
	}
	return false
}

// stillLinked reports whether the link an item added is on the issue now:
// "This issue blocks PLAT-1531" is the outward "blocks" link to PLAT-1531.
func stillLinked(is Issue, it ChangeItem) bool {
	words := strings.Join(strings.Fields(it.ToString), " ")
	if len(words) >= len("This issue ") && strings.EqualFold(words[:len("This issue ")], "This issue ") {
		words = words[len("This issue "):]
	}
	if words == "" || words == it.To {
		return true // Jira sent no direction: it cannot be told apart
	}
	for _, l := range is.Links {
		if l.OtherKey == it.To && strings.EqualFold(strings.TrimSpace(l.Description)+" "+l.OtherKey, words) {
			return true
		}
	}
	return false
}

func isLinkItem(it ChangeItem) bool {
	return strings.EqualFold(it.Field, "Link") || it.FieldID == "issuelinks"
}

func hasLinkItem(items []ChangeItem) bool {
	for _, it := range items {
		if isLinkItem(it) {
			return true
		}
	}
	return false
}

// onlyLinkAdds reports a history whose every item adds a link.
func onlyLinkAdds(items []ChangeItem) bool {
	for _, it := range items {
		if !isLinkItem(it) || it.To == "" || it.From != "" {
			return false
		}
	}
	return len(items) > 0
}
