package rules

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

// subject is what a rule looks at: one activity, its issue and the user,
// with the activity's plain text worked out once on first use and shared by
// every rule.
type subject struct {
	a  evidence.Activity
	is evidence.Issue
	me evidence.User
	rs *RuleSet

	textDone bool
	text     indexedText // of PlainText(a.Text)
	words    int

	automationSeen  [4]automationAnswer // see isAutomation
	automationKnown int
}

func (s *subject) plain() *indexedText {
	if !s.textDone {
		s.textDone = true
		s.text = indexText(markup.PlainText(s.a.Text))
		s.words = markup.WordCount(s.text.text)
	}
	return &s.text
}

// quote turns an excerpt of the activity's words into what the store keeps
// of it: the mentions stay mentions, for the store to name from everyone
// it knows on the site when the evidence is read (markup.KeepMentions).
func (s *subject) quote(excerpt string) string {
	return markup.KeepMentions(excerpt, s.a.Text)
}

// A guard is a condition a rule needs besides its match.
type guard func(*subject) bool

// A matcher finds what a rule claims in the activity and returns the excerpt
// that shows it.
type matcher func(*subject) (excerpt string, ok bool)

// ---- Fields of a change ----

// field is one Jira field as changelogs name it.
type field struct {
	label string   // shown in excerpts for system fields, whose names Jira lowercases
	ids   []string // system field ids (fieldId)
	names []string // display names, compared case-insensitively
	// seconds marks a time-tracking field, whose values are seconds.
	seconds bool
	// onlyTo marks a field whose changelog has no from-value (Rank: "Ranked higher").
	onlyTo bool
	// customIDs are custom field ids a user's rule names ("customfield_10050").
	customIDs []string
}

// changedBy reports whether the change item is a change of f. A system field
// is known by its fieldId wherever Jira sends one. A custom field has a
// site-specific "customfield_NNNNN" id, and old Server sends no fieldId at
// all, so those are known by name.
func (f field) changedBy(it evidence.ChangeItem) bool {
	if it.FieldID != "" && slices.Contains(f.customIDs, it.FieldID) {
		return true
	}
	if it.FieldID != "" && len(f.ids) > 0 && !isCustomItem(it) {
		return slices.Contains(f.ids, it.FieldID)
	}
	for _, n := range f.names {
		if strings.EqualFold(it.Field, n) {
			return true
		}
	}
	return false
}

func isCustomItem(it evidence.ChangeItem) bool {
	return it.FieldType == "custom" || strings.HasPrefix(it.FieldID, "customfield_")
}

// describe renders a change item for an excerpt: "Priority: Medium → High".
// Jira records a change of a multi-value field (Fix Version/s, Component/s,
// Sprint, Labels on Server) as an item a value removed or added, so moving
// a release is two items, "4.13 → (none)" and "(none) → 4.14": the values
// of all the history's items of the field are shown together, "4.13 → 4.14".
func (f field) describe(it evidence.ChangeItem, items []evidence.ChangeItem) string {
	name := f.label
	if isCustomItem(it) {
		name = it.Field // the site's own name: "Story point estimate", "Epic Link"
	}
	if f.onlyTo {
		return name + ": " + f.value(it.ToString, it.To)
	}
	if f.label == fieldLink.label {
		return describeLinks(items)
	}
	var from, to []string
	for _, other := range items {
		if !strings.EqualFold(other.Field, it.Field) || other.FieldID != it.FieldID || !f.changedBy(other) {
			continue
		}
		if v := f.value(other.FromString, other.From); v != "(none)" && !slices.Contains(from, v) {
			from = append(from, v)
		}
		if v := f.value(other.ToString, other.To); v != "(none)" && !slices.Contains(to, v) {
			to = append(to, v)
		}
	}
	return name + ": " + valueList(from) + " → " + valueList(to)
}

// describeLinks renders the links a history added and removed as Jira's
// issue page words them, without its "This issue": "Linked: is blocked by
// PAY-821", "Unlinked: is blocked by PAY-821". "Link: (none) → This issue
// is blocked by PAY-821" reads like a field emptied.
func describeLinks(items []evidence.ChangeItem) string {
	var added, removed []string
	for _, it := range items {
		if !fieldLink.changedBy(it) {
			continue
		}
		if v := linkText(it.ToString, it.To); v != "" && !slices.Contains(added, v) {
			added = append(added, v)
		}
		if v := linkText(it.FromString, it.From); v != "" && !slices.Contains(removed, v) {
			removed = append(removed, v)
		}
	}
	var parts []string
	if len(added) > 0 {
		parts = append(parts, "Linked: "+valueList(added))
	}
	if len(removed) > 0 {
		parts = append(parts, "Unlinked: "+valueList(removed))
	}
	if len(parts) == 0 {
		return fieldLink.label + ": (none)"
	}
	return strings.Join(parts, "; ")
}

// linkText is one side of a link change: "is blocked by PAY-821" for
// "This issue is blocked by PAY-821", the raw key when Jira sent no words.
func linkText(display, raw string) string {
	v := strings.Join(strings.Fields(cmp.Or(display, raw)), " ")
	if markup.HasPrefixFold(v, "This issue ") {
		return v[len("This issue "):]
	}
	return v
}

// valueList joins the values of one side of a change, "(none)" if none.
func valueList(values []string) string {
	if len(values) == 0 {
		return "(none)"
	}
	return evidence.Shorten(strings.Join(values, ", "), 60)
}

func (f field) value(display, raw string) string {
	v := display
	if v == "" {
		v = raw
	}
	switch {
	case v == "":
		return "(none)"
	case f.seconds:
		if secs, err := strconv.Atoi(v); err == nil {
			return formatSeconds(secs)
		}
	}
	return evidence.Shorten(strings.Join(strings.Fields(v), " "), 60)
}

// formatSeconds renders a time-tracking value as Jira shows it: "1h 30m".
func formatSeconds(secs int) string {
	d := (time.Duration(secs) * time.Second).Round(time.Minute)
	h, m := int(d.Hours()), int(d.Minutes())%60
	switch {
	case h > 0 && m > 0:
		return strconv.Itoa(h) + "h " + strconv.Itoa(m) + "m"
	case h > 0:
		return strconv.Itoa(h) + "h"
	}
	return strconv.Itoa(m) + "m"
}

// The fields the built-in rules look at.
var (
	fieldPriority         = field{label: "Priority", ids: []string{"priority"}, names: []string{"priority"}}
	fieldStatus           = field{label: "Status", ids: []string{"status"}, names: []string{"status"}}
	fieldResolution       = field{label: "Resolution", ids: []string{"resolution"}, names: []string{"resolution"}}
	fieldFixVersion       = field{label: "Fix Version", ids: []string{"fixVersions"}, names: []string{"Fix Version", "Fix Version/s", "fixVersions"}}
	fieldLabels           = field{label: "Labels", ids: []string{"labels"}, names: []string{"labels"}}
	fieldComponents       = field{label: "Component", ids: []string{"components"}, names: []string{"Component", "Component/s", "components"}}
	fieldDescription      = field{label: "Description", ids: []string{"description"}, names: []string{"description"}}
	fieldSummary          = field{label: "Summary", ids: []string{"summary"}, names: []string{"summary"}}
	fieldTimeSpent        = field{label: "Time Spent", ids: []string{"timespent"}, names: []string{"timespent", "WorklogId"}}
	fieldOriginalEstimate = field{label: "Original Estimate", ids: []string{"timeoriginalestimate"}, names: []string{"timeoriginalestimate", "Original Estimate"}, seconds: true}
	fieldLink             = field{label: "Link", names: []string{"Link"}}
	fieldParent           = field{label: "Parent", ids: []string{"parent"}, names: []string{"Parent", "Epic Link", "Parent Link", "IssueParentAssociation"}}
	fieldEpicChild        = field{label: "Epic Child", names: []string{"Epic Child"}}
	fieldEpicStatus       = field{label: "Epic Status", names: []string{"Epic Status"}}
	fieldStoryPoints      = field{label: "Story Points", names: []string{"Story Points", "Story point estimate"}}
	fieldSprint           = field{label: "Sprint", names: []string{"Sprint"}}
	fieldFlagged          = field{label: "Flagged", names: []string{"Flagged"}}
	fieldRank             = field{label: "Rank", names: []string{"Rank"}, onlyTo: true}
	fieldAcceptance       = field{label: "Acceptance Criteria", names: []string{"Acceptance Criteria"}}
)

// knownFields are the fields rules name by a short name, whatever the site
// calls them or whichever customfield number they have there.
var knownFields = map[string]field{
	"priority": fieldPriority, "status": fieldStatus, "resolution": fieldResolution,
	"fix-version": fieldFixVersion, "fixversions": fieldFixVersion,
	"labels": fieldLabels, "label": fieldLabels, "components": fieldComponents, "component": fieldComponents,
	"description": fieldDescription, "summary": fieldSummary,
	"time-spent": fieldTimeSpent, "timespent": fieldTimeSpent,
	"original-estimate": fieldOriginalEstimate, "timeoriginalestimate": fieldOriginalEstimate,
	"link": fieldLink, "issue-link": fieldLink,
	"parent": fieldParent, "epic-link": fieldParent, "parent-link": fieldParent,
	"epic-child": fieldEpicChild, "epic-status": fieldEpicStatus,
	"story-points": fieldStoryPoints, "story-point-estimate": fieldStoryPoints,
	"sprint": fieldSprint, "flagged": fieldFlagged, "rank": fieldRank,
	"acceptance-criteria": fieldAcceptance,
}

// lookupField finds the field a rule names: a known field by its short name
// or display name ("story-points", "Story Points", "Fix Version/s"), a custom
// field by its id ("customfield_10050"), else any field by its display name
// as changelogs give it, compared ignoring case.
func lookupField(name string) field {
	key := strings.ToLower(strings.TrimSpace(name))
	key = strings.TrimSuffix(key, "/s")
	key = strings.NewReplacer(" ", "-", "_", "-").Replace(key)
	if f, ok := knownFields[key]; ok {
		return f
	}
	if rest, ok := strings.CutPrefix(name, "customfield_"); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
		return field{label: name, customIDs: []string{name}}
	}
	return field{label: name, names: []string{name}}
}

// ---- Change matchers ----

// An itemCheck is a condition on one change item (its from/to values).
type itemCheck func(*subject, evidence.ChangeItem) bool

// changed matches the first item of the history that changes one of fields
// and passes every check; the excerpt describes that item.
func changed(fields []field, checks ...itemCheck) matcher {
	return func(s *subject) (string, bool) {
		for _, it := range s.a.Items {
			for _, f := range fields {
				if f.changedBy(it) && passes(s, it, checks) {
					return f.describe(it, s.a.Items), true
				}
			}
		}
		return "", false
	}
}

func passes(s *subject, it evidence.ChangeItem, checks []itemCheck) bool {
	for _, c := range checks {
		if !c(s, it) {
			return false
		}
	}
	return true
}

// hasItem reports whether the history changes f in a way that passes checks.
func hasItem(s *subject, f field, checks ...itemCheck) bool {
	for _, it := range s.a.Items {
		if f.changedBy(it) && passes(s, it, checks) {
			return true
		}
	}
	return false
}

// toValue checks that the new value is one of values (Jira's display names,
// compared case-insensitively).
func toValue(values ...string) itemCheck {
	return func(_ *subject, it evidence.ChangeItem) bool { return evidence.EqualsAnyFold(it.ToString, values) }
}

// fromValue checks that the old value is one of values.
func fromValue(values ...string) itemCheck {
	return func(_ *subject, it evidence.ChangeItem) bool { return evidence.EqualsAnyFold(it.FromString, values) }
}

// notFromValue checks that the old value is none of values.
func notFromValue(values ...string) itemCheck {
	return func(_ *subject, it evidence.ChangeItem) bool { return !evidence.EqualsAnyFold(it.FromString, values) }
}

// notToValue checks that the new value is none of values.
func notToValue(values ...string) itemCheck {
	return func(_ *subject, it evidence.ChangeItem) bool { return !evidence.EqualsAnyFold(it.ToString, values) }
}

// toCategory checks that the new status is in category cat. A changelog
// names statuses, not their categories: the issue's current status has its
// category, and other statuses are known by their usual names.
func toCategory(cat string) itemCheck {
	return func(s *subject, it evidence.ChangeItem) bool {
		if it.ToString != "" && strings.EqualFold(it.ToString, s.is.Status) && s.is.StatusCategory != "" {
			return s.is.StatusCategory == cat
		}
		return evidence.StatusCategoryOf(it.ToString) == cat
	}
}

// fieldValues splits a change's from- or to-value into the values of a
// multi-value field: labels are space-separated (a label has no spaces);
// every other field's item holds one value.
func fieldValues(it evidence.ChangeItem, v string) []string {
	if strings.EqualFold(it.FieldID, "labels") || strings.EqualFold(it.Field, "labels") {
		return strings.Fields(v)
	}
	if v = strings.TrimSpace(v); v != "" {
		return []string{v}
	}
	return nil
}

// addedRemoved returns the values a change item adds and removes.
func addedRemoved(it evidence.ChangeItem) (added, removed []string) {
	from, to := fieldValues(it, it.FromString), fieldValues(it, it.ToString)
	for _, v := range to {
		if !evidence.EqualsAnyFold(v, from) {
			added = append(added, v)
		}
	}
	for _, v := range from {
		if !evidence.EqualsAnyFold(v, to) {
			removed = append(removed, v)
		}
	}
	return added, removed
}

// adds checks that the change adds one of values (labels: "blocked").
func adds(values ...string) itemCheck {
	return func(_ *subject, it evidence.ChangeItem) bool {
		added, _ := addedRemoved(it)
		return slices.ContainsFunc(added, func(v string) bool { return evidence.EqualsAnyFold(v, values) })
	}
}

// removes checks that the change removes one of values.
func removes(values ...string) itemCheck {
	return func(_ *subject, it evidence.ChangeItem) bool {
		_, removed := addedRemoved(it)
		return slices.ContainsFunc(removed, func(v string) bool { return evidence.EqualsAnyFold(v, values) })
	}
}

// changesOtherThan checks that the change adds or removes a value that is
// none of values: a team that keeps status in labels changes "in-review"
// without grooming anything.
func changesOtherThan(values ...string) itemCheck {
	return func(_ *subject, it evidence.ChangeItem) bool {
		added, removed := addedRemoved(it)
		return slices.ContainsFunc(append(added, removed...), func(v string) bool { return !evidence.EqualsAnyFold(v, values) })
	}
}

// cleared checks that the field had a value and now has none.
func cleared(_ *subject, it evidence.ChangeItem) bool {
	return (it.From != "" || it.FromString != "") && it.To == "" && it.ToString == ""
}

// linkAdded checks that a link was added whose description (as Jira words it
// in the history: "This issue split to PAY-12") contains one of phrases.
func linkAdded(phrases ...string) itemCheck {
	return func(_ *subject, it evidence.ChangeItem) bool {
		return it.To != "" && containsAnyFold(it.ToString, phrases)
	}
}

// linkRemoved checks that a link was removed whose description contains one
// of phrases.
func linkRemoved(phrases ...string) itemCheck {
	return func(_ *subject, it evidence.ChangeItem) bool {
		return it.From != "" && it.To == "" && containsAnyFold(it.FromString, phrases)
	}
}

// linkToOtherProject checks that a link was added to an issue of another
// project than the activity's issue. Both issues of a new link get a history
// item; its To is the other issue's key.
func linkToOtherProject(s *subject, it evidence.ChangeItem) bool {
	if it.To == "" {
		return false
	}
	other := evidence.ProjectOfKey(it.To)
	return other != "" && !strings.EqualFold(other, issueProject(&s.is))
}

func issueProject(is *evidence.Issue) string {
	if is.Project != "" {
		return is.Project
	}
	return evidence.ProjectOfKey(is.Key)
}

// editedText matches a change of one of fields that adds at least minWords
// words (so not a typo fix) matching p (any words when p is nil); the
// excerpt is the added text.
func editedText(fields []field, p *textPattern, minWords int) matcher {
	return func(s *subject) (string, bool) {
		for _, it := range s.a.Items {
			if !slices.ContainsFunc(fields, func(f field) bool { return f.changedBy(it) }) {
				continue
			}
			region := changedRegion(it.FromString, it.ToString)
			added := markup.PlainText(region)
			if markup.WordCount(added) >= minWords && (p == nil || p.matchesString(added)) {
				// The edit's words are not the activity's: their mentions are
				// kept here, where their markup is known.
				return fieldLabel(fields, it) + " edited: " + markup.KeepMentions(markup.Excerpt(added), region), true
			}
		}
		return "", false
	}
}

func fieldLabel(fields []field, it evidence.ChangeItem) string {
	for _, f := range fields {
		if f.changedBy(it) {
			return f.label
		}
	}
	return it.Field
}

// changedRegion returns the part of after that differs from before, widened
// to whole words: what an edit added or rewrote. A word the edit only ends
// next to is not part of it: appending " (iOS app)" adds two words, not
// three.
func changedRegion(before, after string) string {
	p := 0
	for p < len(before) && p < len(after) && before[p] == after[p] {
		p++
	}
	q := 0
	for q < len(before)-p && q < len(after)-p && before[len(before)-1-q] == after[len(after)-1-q] {
		q++
	}
	start, end := p, len(after)-q
	if start >= end {
		return "" // only deleted text
	}
	if !isSpaceByte(after[start]) {
		for start > 0 && !isSpaceByte(after[start-1]) {
			start--
		}
	}
	if !isSpaceByte(after[end-1]) {
		for end < len(after) && !isSpaceByte(after[end]) {
			end++
		}
	}
	return strings.TrimSpace(after[start:end])
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r'
}

// reasonFieldWords name the custom fields some sites put on their resolve
// screens ("Resolution reason", "Reason for closing", "Justification").
var reasonFieldWords = []string{"reason", "justification", "rationale"}

// withReason matches like m when the same history also fills a reason field
// with at least two words; the excerpt adds the reason.
func withReason(m matcher) matcher {
	return func(s *subject) (string, bool) {
		excerpt, ok := m(s)
		if !ok {
			return "", false
		}
		for _, it := range s.a.Items {
			reason := markup.PlainText(it.ToString)
			if containsAnyFold(it.Field, reasonFieldWords) && markup.WordCount(reason) >= 2 {
				return evidence.Shorten(excerpt+" — "+reason, markup.ExcerptRunes), true
			}
		}
		return "", false
	}
}

// ---- Text matchers ----

// says matches the activity's plain text against p, in texts of at least
// minWords words; the excerpt is the text around the match.
func says(p *textPattern, minWords int) matcher {
	return func(s *subject) (string, bool) {
		t := s.plain()
		if s.words < minWords {
			return "", false
		}
		at, ok := p.find(t)
		if !ok {
			return "", false
		}
		return markup.ExcerptAt(t.text, at), true
	}
}

// wholeText matches any text of at least minWords words, for rules whose
// guards say all that matters; the excerpt is the text.
func wholeText(minWords int) matcher {
	return func(s *subject) (string, bool) {
		t := s.plain()
		if s.words < minWords {
			return "", false
		}
		return markup.Excerpt(t.text), true
	}
}

func issueExcerpt(s *subject) string {
	if t := s.plain(); t.text != "" {
		return markup.Excerpt(t.text)
	}
	return markup.Excerpt(s.is.Summary)
}

// mentionsOtherProject matches a text of at least minWords words that
// arranges work with another project's issue ("raised PAY-77 with
// payments"): the first submatch of p's alternatives is the issue key, and
// its project must differ from the issue's.
func mentionsOtherProject(p *textPattern, minWords int) matcher {
	return func(s *subject) (string, bool) {
		t := s.plain()
		if s.words < minWords {
			return "", false
		}
		text, own := t.text, issueProject(&s.is)
		for _, alt := range p.alts {
			if !t.containsAny(alt.keys) {
				continue
			}
			for _, m := range alt.re.FindAllStringSubmatchIndex(text, -1) {
				other := evidence.ProjectOfKey(text[m[2]:m[3]])
				from, to := markup.SentenceBounds(text, m[0], m[1])
				if other != "" && other != own && p.countsIn(text[from:to]) {
					return markup.ExcerptAt(text, m[0]), true
				}
			}
		}
		return "", false
	}
}

// namesOtherProject holds when the activity's text names an issue of
// another project than the issue's: work it arranges is split across
// projects, so across teams.
func namesOtherProject(s *subject) bool {
	own := issueProject(&s.is)
	for _, key := range evidence.IssueKey.FindAllString(s.plain().text, -1) {
		if other := evidence.ProjectOfKey(key); other != "" && other != own {
			return true
		}
	}
	return false
}

// flagRemovedNote matches the comment Jira saves when the user removes the
// Flagged impediment with a note ("(flagoff) Flag removed", then the
// user's words), when the note has at least minWords words: the reason the
// impediment is gone. The excerpt is the note.
func flagRemovedNote(minWords int) matcher {
	return func(s *subject) (string, bool) {
		if !strings.HasPrefix(strings.TrimSpace(s.a.Text), markup.FlagOffMarker) {
			return "", false
		}
		t := s.plain()
		if s.words < minWords {
			return "", false
		}
		const label = "Flag removed: "
		// The label is no words of the activity's; what follows it is.
		return label + s.quote(markup.Excerpt(t.text)), true
	}
}

// ---- Guards ----

// typeIs holds when the issue's type is one of types.
func typeIs(types ...string) guard {
	return func(s *subject) bool { return evidence.EqualsAnyFold(s.is.Type, types) }
}

// someoneElses holds when the issue is someone else's (see
// evidence.Issue.SomeoneElses), automation as the rules file knows it.
func someoneElses(s *subject) bool {
	return s.is.SomeoneElses(s.me, s.isAutomation)
}

// createdByOther holds when the issue's reporter or creator is known and
// neither is the user.
func createdByOther(s *subject) bool {
	return (s.is.Reporter.ID != "" || s.is.Creator.ID != "") && !s.is.CreatedBy(s.me)
}

// notAssignedToMe holds when the user is not the issue's assignee: whatever
// they do on their own ticket is their engineering work.
func notAssignedToMe(s *subject) bool {
	return !s.is.Assignee.Is(s.me)
}

// ownsIssue holds when the user is the issue's assignee, reporter or creator.
func ownsIssue(s *subject) bool {
	return s.is.Assignee.Is(s.me) || s.is.CreatedBy(s.me)
}

// noChangeOf holds when the history leaves f alone, or changes it only in
// ways that pass checks.
func noChangeOf(f field, checks ...itemCheck) guard {
	return func(s *subject) bool {
		for _, it := range s.a.Items {
			if f.changedBy(it) && !passes(s, it, checks) {
				return false
			}
		}
		return true
	}
}

// without holds when the history changes none of fields: a Rank change that
// comes with a Status change is a card dragged across the board, not a
// backlog reordered.
func without(fields ...field) guard {
	return func(s *subject) bool {
		for _, f := range fields {
			if hasItem(s, f) {
				return false
			}
		}
		return true
	}
}

// issueMentions holds when p matches the activity's text or the issue's
// summary or one of its labels.
func issueMentions(p *textPattern) guard {
	return func(s *subject) bool {
		if p.matches(s.plain()) || p.matchesString(s.is.Summary) {
			return true
		}
		for _, l := range s.is.Labels {
			if p.matchesString(l) {
				return true
			}
		}
		return false
	}
}

// flagAdded holds when the activity is the comment Jira saves when the user
// adds the Flagged impediment with a note ("(flag) Flag added").
func flagAdded(s *subject) bool {
	return strings.HasPrefix(strings.TrimSpace(s.a.Text), markup.FlagOnMarker)
}

// not holds when g does not.
func not(g guard) guard {
	return func(s *subject) bool { return !g(s) }
}

// resolvedWithin holds when the issue was resolved with one of resolutions
// within d of the activity: a comment written with the resolving transition.
func resolvedWithin(d time.Duration, resolutions ...string) guard {
	return func(s *subject) bool {
		if s.is.Resolved == nil || !evidence.EqualsAnyFold(s.is.Resolution, resolutions) {
			return false
		}
		gap := s.a.At.Sub(*s.is.Resolved)
		return gap >= -d && gap <= d
	}
}

// filedWithin holds when the user created the issue at most d before the
// activity: a field they set then (a parent, a priority, a sprint) is part
// of filing the issue, as it would be had the create screen set it, which
// leaves no history at all.
func filedWithin(d time.Duration) guard {
	return func(s *subject) bool {
		if s.is.Created.IsZero() || !s.is.CreatedBy(s.me) {
			return false
		}
		gap := s.a.At.Sub(s.is.Created)
		return gap >= 0 && gap <= d
	}
}

// ---- Sentence filters ----

// codeWords mark a sentence as talk about code: hands-on engineering, not PM
// work, even when it says "update:" or "out of scope".
var codeWords = map[string]bool{
	"pr": true, "prs": true, "mr": true,
	"rebase": true, "rebased": true, "rebasing": true, "merged": true, "diff": true, "npe": true,
	"deployed": true, "deploying": true, "hotfix": true, "ci": true, "stacktrace": true,
	"flaky": true, "locally": true,
}

// commitWords are code words unless a team commits to scope: "we commit to
// two items", "the team committed", "over-committed".
var commitWords = map[string]bool{"commit": true, "commits": true, "committed": true, "committing": true}

// committers are the words before a commit word that make it scope.
var committers = map[string]bool{"we": true, "team": true, "they": true, "over": true}

// dataPipelines are the words before "pipeline" that make it a product's
// or another team's pipeline rather than the build's: "their pipeline",
// "the data pipeline".
var dataPipelines = map[string]bool{"data": true, "their": true, "sales": true, "ingestion": true, "etl": true, "analytics": true, "hiring": true}

// codePhrases are the two-word forms: first word → second words.
var codePhrases = map[string][]string{
	"pull":        {"request", "requests"},
	"merge":       {"request", "requests"},
	"code":        {"review"},
	"unit":        {"test", "tests"},
	"integration": {"test", "tests"},
	"stack":       {"trace"},
	"force":       {"push", "pushed", "pushing"},
}

// notCodeTalk reports whether a sentence is free of talk about code: the
// words above, "refactor…", a commit that is not a team's commitment, or a
// "#123" pull-request reference. It runs on every sentence a text rule
// matches, so it scans words instead of running a regexp, and does not
// allocate.
func notCodeTalk(sentence string) bool {
	var bufs [2][16]byte // this word and the one before, lowercased
	var prev []byte
	cur := 0
	for i := 0; i < len(sentence); {
		c := sentence[i]
		if c == '#' && i+1 < len(sentence) && sentence[i+1] >= '0' && sentence[i+1] <= '9' {
			return false
		}
		if !markup.IsWordByte(c) {
			i++
			continue
		}
		j := i
		for j < len(sentence) && markup.IsWordByte(sentence[j]) {
			j++
		}
		word := sentence[i:j]
		i = j
		if len(word) > len(bufs[cur]) {
			prev = nil // no code word is this long
			continue
		}
		lower := bufs[cur][:len(word)]
		for k := range len(word) {
			lower[k] = asciiLower(word[k])
		}
		if codeWords[string(lower)] || len(lower) >= 8 && string(lower[:8]) == "refactor" {
			return false
		}
		if commitWords[string(lower)] && !committers[string(prev)] {
			return false
		}
		if string(lower) == "pipeline" && !dataPipelines[string(prev)] {
			return false
		}
		for _, second := range codePhrases[string(prev)] {
			if second == string(lower) {
				return false
			}
		}
		prev, cur = lower, 1-cur
	}
	return true
}

func asciiLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// ownTeamWords are words before "team" that do not name another team.
var ownTeamWords = []string{"the", "our", "my", "this", "that", "same", "whole", "entire", "a", "no", "any", "each", "every", "dev", "scrum", "core"}

// namesOtherTeam reports whether a sentence names a team other than the
// writer's: "the payments team", "another team", "@user's team" — but not
// "our team" or "the team".
func namesOtherTeam(sentence string) bool {
	lower := strings.ToLower(sentence)
	for off := 0; ; {
		i := strings.Index(lower[off:], " team")
		if i < 0 {
			return false
		}
		i += off
		off = i + len(" team")
		if off < len(lower) && markup.IsWordByte(lower[off]) && lower[off] != 's' {
			continue // "teammate", "teamwork"
		}
		word := lower[strings.LastIndexByte(lower[:i], ' ')+1 : i]
		word = strings.TrimSuffix(strings.TrimSuffix(word, "'s"), "’s")
		word = strings.Trim(word, ",:;()\"")
		if word != "" && !slices.Contains(ownTeamWords, word) {
			return true
		}
	}
}

// decisionVerb finds who decided, agreed or chose: the word before the verb
// (past a parenthesis: "Ahmed (billing PO) decided").
var decisionVerb = mustSentenceRegexp(`(?i)\b([\w'’]+)(?:\s*\([^)]{0,40}\))?\s+(?:has |have |had |all |jointly )?(?:decided|agreed|chose)\b`)

// ownDeciders are the words before "decided" or "agreed" that make the
// writer one of those who did: "we agreed", "marketing and I decided",
// "we've now agreed".
var ownDeciders = map[string]bool{"we": true, "i": true, "us": true, "me": true, "ours": true, "together": true,
	"jointly": true, "all": true, "both": true, "finally": true, "now": true, "already": true, "also": true,
	"then": true, "just": true, "so": true, "and": true, "everyone": true,
	"we've": true, "we’ve": true, "i've": true, "i’ve": true, "we'd": true, "we’d": true}

// relayedDecision finds a decision passed on rather than taken part in:
// "per Deirdre, the Welsh journey is descoped", "Decision: per Lena, …",
// "as per the steering group" (not "as per our meeting"), "leadership
// descoped it"; a no-go someone else called ("No-go for Friday from CAB",
// "NO-GO for 4.12 per @user"); or "decision tree", which decides nothing.
var relayedDecision = mustSentenceRegexp(`(?i)^(?:(?:fyi|heads[ -]up|note|nb|decision)\b[\s,:;-]*)?(?:as )?per\s+(?:[^om\s]|o[^u]|m[^y])|\b(?:they|he|she|product|management|leadership|the business|stakeholders|the client|the customer|legal|@\w+)(?: team)? (?:has |have |had )?(?:descoped|de-scoped)\b|\bdecision trees?\b|\bno[- ]?go\b[^!?]{0,60}\b(?:from|per) (?:the )?(?:cab|change (?:advisory )?board|@\w+|management|leadership|business|client|customer|security|compliance|legal|ops|operations|qa|sre|vendor|their side|(?:the |their )[\w-]+ team)\b`)

// reportsOthersDecision reports whether a sentence tells of a decision
// someone else made ("Hamid decided: no fee for pros", "product decided to
// descope it", "they agreed") or passes one on: reporting it is not taking
// part in it.
func reportsOthersDecision(sentence string) bool {
	if relayedDecision.MatchString(strings.TrimSpace(sentence)) {
		return true
	}
	for _, m := range decisionVerb.FindAllStringSubmatch(sentence, -1) {
		if !ownDeciders[strings.ToLower(m[1])] {
			return true
		}
	}
	return false
}

// dependencyRelease finds a release of what the code depends on, or of the
// code itself, rather than planning what ships to people: "bumped pgx,
// release notes say nothing breaking", "tagged v4.13.0", "the go/no-go
// check in the deploy script".
var dependencyRelease = mustSentenceRegexp(`(?i)\b(?:upgrad(?:ed|ing)|tagged v?\d|helm|nothing breaking|minsdk)\b|\bbump(?:ed|ing|s)? (?:the )?[\w.-]+ (?:from |to )?v?\d[\w.]* ?(?:->|→|to) ?v?\d|\brelease notes? (?:of|from) (?:the )?(?:vendor|upstream|library|sdk|dependency|[\w.-]+ v?\d)|\brelease notes? (?:say|says|mention|mentions|list|lists)\b|\bno-?go (?:check|signal|step|gate|threshold|logic)\b`)

// notDependencyRelease reports whether a sentence about a release is not
// about a dependency's or a build's.
func notDependencyRelease(sentence string) bool {
	return !dependencyRelease.MatchString(sentence)
}

// devNotice finds status words used for the code rather than for people:
// an ETA the product computes ("the ETA model", "carrier ETA"), a notice to
// developers ("heads up devs: the table gets a TTL tonight"), an HTTP
// status ("Status: 502 from the gateway").
var devNotice = mustSentenceRegexp(`(?i)\beta[ _-]?(?:model|widget|error|prediction|feature|field|column|service|api|calculation|accuracy)s?\b|\b(?:predicted|carrier|model|estimated)[ _]etas?\b|\bheads[ -]up,? (?:to )?(?:devs|dev team|developers|engineers|backend|frontend)\b|\bstatus:? [1-5]\d\d\b`)

// notDevNotice reports whether a sentence with status words is not about
// the code or addressed to developers only.
func notDevNotice(sentence string) bool {
	return !devNotice.MatchString(sentence)
}

// runPriority finds priority in the running system rather than in the
// backlog: "a priority queue", "lower priority than the live encoder",
// "deprioritised the debug lines to TRACE".
var runPriority = mustSentenceRegexp(`(?i)\bpriority (?:queues?|fields?|ordering|levels?|class(?:es)?|inversion|lanes?|flags?|scheduling)\b|\b(?:lower|higher) priority than the (?:[\w-]+ )?(?:encoder|process|thread|jobs?|tasks?|workers?|quer(?:y|ies)|cancellation|messages?)\b|\bnice (?:-?\d+|level)\b|\b(?:debug|trace|info|warn(?:ing)?) (?:lines?|logs?|messages?|level)\b`)

// notRunPriority reports whether a sentence about priority is not about
// the running system's.
func notRunPriority(sentence string) bool {
	return !runPriority.MatchString(sentence)
}

// ownDecision reports whether a sentence records a decision the writer took
// part in, about the product rather than the code.
func ownDecision(sentence string) bool {
	return notCodeTalk(sentence) && !hasWord(sentence, hedgeWords) && !reportsOthersDecision(sentence)
}

// hedgeWords mark a sentence that has not decided yet: "going with the
// defaults for now, tbd".
var hedgeWords = []string{"tbd", "tentatively", "tentative", "undecided", "maybe"}

// ownFix finds the user checking their own fix: "verified on staging, my
// fix works" is engineering, whoever's issue it is.
var ownFix = mustSentenceRegexp(`(?i)\b(?:my (?:fix|change|patch|pr|branch|code|commit)|i (?:fixed|patched|deployed))\b`)

// notOwnFix reports whether a sentence verifying work is not about the
// user's own fix.
func notOwnFix(sentence string) bool {
	return !ownFix.MatchString(sentence)
}

// verificationWords mark a sentence that checks criteria rather than
// writing them: "checked against the acceptance criteria: 1 ✓ 2 ✓".
var verificationWords = []string{"verified", "verify", "checked", "tested", "pass", "passes", "passed", "meet", "meets", "met",
	"satisfied", "uat", "signed", "fail", "fails", "failed", "failing", "through", "against"}

// notVerification reports whether a sentence is free of the words of
// checking delivered work.
func notVerification(sentence string) bool {
	return !hasWord(sentence, verificationWords)
}

// unblockSentence reports whether a sentence clearing the way for someone
// counts: one about code counts only when it speaks to the person it
// unblocks ("Payments merged the change, you can continue"), not when it
// only reports code work ("merged the change").
func unblockSentence(sentence string) bool {
	if hasWord(sentence, selfWords) || negatedClearance.MatchString(sentence) {
		return false // "unblocked myself by mocking the API", "not ok to skip"
	}
	return notCodeTalk(sentence) || strings.Contains(sentence, "@user") || hasWord(sentence, addressWords)
}

// selfWords mark the user clearing their own way.
var selfWords = []string{"myself", "ourselves"}

// negatedClearance finds a way cleared only in the negative: "that won't
// unblock you", "not ok to skip the canary".
var negatedClearance = mustSentenceRegexp(`(?i)(?:\b(?:not|never)|n't|n’t)\b[^.!?]{0,20}\b(?:unblock|fine to|ok to|okay to|good to go|clear to|granted|approved|sorted)`)

// addressWords speak to the person unblocked.
var addressWords = []string{"you", "you're", "you’re", "your"}

// sprintSentence reports whether a sentence about sprint scope is the
// user's planning: not about code, and not the board moving issues on its
// own ("carried over automatically") or by mistake, and not about the
// board's columns, the retro or the sprint report.
func sprintSentence(sentence string) bool {
	return notCodeTalk(sentence) && !hasWord(sentence, automaticWords)
}

// automaticWords mark sprint talk that is not the user's planning.
var automaticWords = []string{"automatically", "automation", "accidentally", "mistake", "column", "retro", "retrospective", "report"}

// hasWord reports whether sentence holds one of words (lowercase, compared
// case-insensitively as whole words; a word may hold "-" or "'").
func hasWord(sentence string, words []string) bool {
	for i := 0; i < len(sentence); {
		if !markup.IsWordByte(sentence[i]) {
			i++
			continue
		}
		j := i
		for j < len(sentence) && (markup.IsWordByte(sentence[j]) || (sentence[j] == '-' || sentence[j] == '\'') && j+1 < len(sentence) && markup.IsWordByte(sentence[j+1])) {
			j++
		}
		for _, w := range words {
			if len(w) == j-i && strings.EqualFold(sentence[i:j], w) {
				return true
			}
		}
		i = j
	}
	return false
}

// handoffSentence reports whether a sentence arranging work names another
// team ("the payments team", "someone on your side") and is not about code.
func handoffSentence(sentence string) bool {
	return (namesOtherTeam(sentence) || namesOtherSide(sentence)) && notCodeTalk(sentence) && !statesTarget.MatchString(sentence)
}

// statesTarget finds a sentence that writes down what an initiative aims
// for: "Success metrics for this one: … error-budget policy agreed with the
// three team leads" is a target set, not a hand-off arranged.
var statesTarget = regexp.MustCompile(`(?i)\bsuccess (?:metrics?|criteria|measures?)\b|\b(?:goals?|objectives?|key results?|exit criteria)\s*:`)

// namesOtherSide reports whether a sentence speaks of the other side of a
// boundary between teams: "someone on your side", "their side".
func namesOtherSide(sentence string) bool {
	for _, side := range []string{"your side", "their side"} {
		if i := markup.IndexFold(sentence, side); i >= 0 && (i == 0 || !markup.IsWordByte(sentence[i-1])) {
			return true
		}
	}
	return false
}

// ---- Small string helpers ----

// containsAnyFold reports whether s contains one of phrases, which are lowercase.
func containsAnyFold(s string, phrases []string) bool {
	lower := strings.ToLower(s)
	for _, p := range phrases {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}
