package evidence

import (
	"regexp"
	"slices"
	"strings"
)

// The predicates every package shares: what "blocked", "done", "automation"
// and "someone else's" mean. Rules, the store, exports and the team-backlog
// detectors call these rather than keeping their own lists.

// Status categories, as Jira names them.
const (
	StatusNew         = "new"
	StatusInProgress  = "indeterminate"
	StatusCategoryEnd = "done"
)

// statusCategories are the status names sites use by default, lowercase, by
// category. A changelog names statuses, not their categories, so this is how
// a past status is known.
var statusCategories = map[string]string{
	"to do": StatusNew, "open": StatusNew, "backlog": StatusNew, "new": StatusNew,
	"selected for development": StatusNew, "reopened": StatusNew,
	"in progress": StatusInProgress, "in review": StatusInProgress, "in development": StatusInProgress,
	"in qa": StatusInProgress, "in test": StatusInProgress, "blocked": StatusInProgress,
	"on hold": StatusInProgress, "review": StatusInProgress,
	"done": StatusCategoryEnd, "closed": StatusCategoryEnd, "resolved": StatusCategoryEnd,
	"verified": StatusCategoryEnd, "complete": StatusCategoryEnd, "completed": StatusCategoryEnd,
	"released": StatusCategoryEnd, "shipped": StatusCategoryEnd, "accepted": StatusCategoryEnd,
}

// StatusCategoryOf is the category of a status known by its usual name, or
// "" for a name sites do not use by default.
func StatusCategoryOf(status string) string {
	return statusCategories[strings.ToLower(strings.TrimSpace(status))]
}

// blockedStatuses are the statuses, lowercase, teams use to say an issue
// cannot move; blockedLabels the labels some teams use instead.
var (
	blockedStatuses = []string{"blocked", "on hold", "impeded", "waiting"}
	blockedLabels   = []string{"blocked", "impediment", "on-hold", "waiting", "waiting-for-info"}
)

// IsBlockedStatus reports whether a status says the issue cannot move.
func IsBlockedStatus(status string) bool { return EqualsAnyFold(status, blockedStatuses) }

// IsBlockedLabel reports whether a label says the issue cannot move.
func IsBlockedLabel(label string) bool { return EqualsAnyFold(label, blockedLabels) }

// Blocked reports whether the issue is blocked now: flagged as an
// impediment, in a blocked status, labelled blocked, or blocked by another
// issue through an "is blocked by" link whose other issue was not done
// when the link was read. Done issues are not blocked.
func (is Issue) Blocked() bool {
	return !is.Done() && (is.MarkedBlocked() || slices.ContainsFunc(is.BlockerLinks(), func(l IssueLink) bool {
		return !strings.EqualFold(l.OtherStatusCategory, "done")
	}))
}

// MarkedBlocked reports whether someone marked the issue as blocked:
// flagged as an impediment, in a blocked status or labelled blocked.
func (is Issue) MarkedBlocked() bool {
	if is.Flagged || IsBlockedStatus(is.Status) {
		return true
	}
	return slices.ContainsFunc(is.Labels, IsBlockedLabel)
}

// BlockerLinks are the issue's "is blocked by" links, whatever the state
// of their other issue.
func (is Issue) BlockerLinks() []IssueLink {
	var links []IssueLink
	for _, l := range is.Links {
		if strings.EqualFold(l.Description, "is blocked by") {
			links = append(links, l)
		}
	}
	return links
}

// ChangesBlock reports whether a change item starts a block (a flag set, a
// move into a blocked status) or clears one (the flag removed, a move out of
// a blocked status).
func (it ChangeItem) ChangesBlock() (starts, clears bool) {
	switch {
	case strings.EqualFold(it.Field, "flagged"):
		return it.ToString != "", it.ToString == "" && it.FromString != ""
	case strings.EqualFold(it.Field, "status") || it.FieldID == "status":
		return IsBlockedStatus(it.ToString), IsBlockedStatus(it.FromString) && !IsBlockedStatus(it.ToString)
	}
	return false, false
}

// Done reports whether the issue is finished: resolved, or in a status of
// the done category.
func (is Issue) Done() bool {
	return is.Resolved != nil || is.StatusCategory == StatusCategoryEnd
}

// knownBotNames are the display or login names, lowercase, of automation
// accounts on sites that do not mark them as apps.
var knownBotNames = []string{
	"automation for jira", "jira automation", "automation", "jira-automation", "jira bot", "jirabot",
	"jenkins", "github", "gitlab", "bitbucket", "service desk widget", "system", "bot",
}

// LooksLikeAutomation reports whether the account is automation: Jira Cloud
// says so (an app account), or its name does: a known bot, "…[bot]",
// "…-bot", or a service account "svc-…". It runs for every person a rule
// looks at, so it does not allocate.
func (u User) LooksLikeAutomation() bool {
	if u.ID == "" {
		return false
	}
	return u.AccountType == AccountTypeApp || looksLikeBot(u.DisplayName) || looksLikeBot(u.Name)
}

func looksLikeBot(name string) bool {
	name = strings.TrimSpace(name)
	if name == "" {
		return false
	}
	if EqualsAnyFold(name, knownBotNames) {
		return true
	}
	for _, suffix := range []string{"[bot]", " bot", "-bot", "_bot", ".bot"} {
		if len(name) >= len(suffix) && strings.EqualFold(name[len(name)-len(suffix):], suffix) {
			return true
		}
	}
	for _, prefix := range []string{"svc-", "svc_", "svc."} {
		if len(name) >= len(prefix) && strings.EqualFold(name[:len(prefix)], prefix) {
			return true
		}
	}
	return false
}

// SomeoneElses reports whether the issue is someone else's: assigned to
// another person, or reported or created by another person. An automation
// account (isAutomation) is nobody: closing the ticket an alert opened
// accepts no one's work.
func (is Issue) SomeoneElses(me User, isAutomation func(User) bool) bool {
	person := func(u User) bool { return u.ID != "" && !isAutomation(u) }
	if person(is.Assignee) && !is.Assignee.Is(me) {
		return true
	}
	return (person(is.Reporter) || person(is.Creator)) && !is.CreatedBy(me)
}

// Mine reports whether the activity is the user's: they are its author, or,
// for the creation of an issue, they reported or created it (an import or an
// automation creates issues for their reporter, and people create some on
// behalf of others).
func (a Activity) Mine(is Issue, me User) bool {
	return a.Author.Is(me) || a.Source == SourceIssue && is.CreatedBy(me)
}

// ChangesWorkflow reports a history that moves the issue to another
// workflow: an administrator's migration, whatever else it changes.
func (a Activity) ChangesWorkflow() bool {
	for _, it := range a.Items {
		if strings.EqualFold(it.Field, "Workflow") {
			return true
		}
	}
	return false
}

// EqualsAnyFold reports whether s is one of values, ignoring case: field
// names and statuses as Jira sites spell them.
func EqualsAnyFold(s string, values []string) bool {
	for _, v := range values {
		if strings.EqualFold(s, v) {
			return true
		}
	}
	return false
}

// acceptanceCriteria finds what says a work item has acceptance criteria: a
// heading or label naming them ("Acceptance criteria", "AC:", "Done when",
// "Definition of done") or a Given/When/Then scenario over several lines.
var (
	acceptanceLabel = regexp.MustCompile(`(?im)^\W{0,12}(?:h\d\.\s*)?(?:acceptance criteria|acs?|done when|definition of done|success criteria)\b\s*[:*]?`)
	givenLine       = regexp.MustCompile(`(?im)^\W{0,4}given\b`)
	thenLine        = regexp.MustCompile(`(?im)^\W{0,4}then\b`)
)

// HasAcceptanceCriteria reports whether a work item's text (its description
// or an "Acceptance Criteria" field, as plain text or wiki markup) states
// acceptance criteria.
func HasAcceptanceCriteria(text string) bool {
	if strings.TrimSpace(text) == "" {
		return false
	}
	return acceptanceLabel.MatchString(text) || givenLine.MatchString(text) && thenLine.MatchString(text)
}

// successMetric finds what says how an initiative's success is measured: a
// heading or label naming it ("Success metrics", "KPIs", "Key results",
// "How we'll know", "Done when"), or a measurable target ("under 20", "by
// 50%", "99.9%", "within 24 hours", "zero lost payments").
var (
	metricLabel  = regexp.MustCompile(`(?im)^\W{0,12}(?:h\d\.\s*)?(?:success (?:metrics?|criteria|measures?)|exit criteria|metrics?|kpis?|key results?|okrs?|targets?|measures? of success|how (?:we|we'll|we will) (?:know|measure)|definition of done|done when)\b`)
	metricTarget = regexp.MustCompile(`(?i)\d\s*%|\b(?:under|below|above|over|at least|at most|less than|more than|fewer than|within|down to|up to|from)\s+[~<>≤≥]?\s*[$€£]?\d|\b\d+(?:[.,]\d+)?\s*(?:ms|milliseconds|s|seconds|secs?|minutes|mins?|hours|hrs?|h|days|x|times)\b|\bby (?:\d|half\b)|\b(?:halve|double|triple|zero)\b|[<>≤≥]\s*\d`)
)

// HasSuccessMetric reports whether an initiative's text (an epic's
// description or a comment, as plain text or wiki markup) says how its
// success is measured. It errs towards yes: a suggestion to write success
// metrics where some are written would be noise.
func HasSuccessMetric(text string) bool {
	return metricLabel.MatchString(text) || metricTarget.MatchString(text)
}

// SuccessMetric is what an initiative's description (wiki markup) states
// under its success-metric heading ("Success metrics", "KPIs", "Done
// when"), or "" when no heading names one: a target in passing ("checkout
// takes 3 seconds") is not quoted as the metric.
func SuccessMetric(text string) string { return UnderHeading(text, metricLabel) }

// wikiHeading opens a heading line of wiki markup: "h3. Scope".
var wikiHeading = regexp.MustCompile(`(?i)^h[1-6]\.\s`)

// UnderHeading is what text (wiki markup) says under the first line that
// heading opens: the rest of that line after a colon ("*Success metric:*
// p95 under 300 ms"), or else the lines after it up to a blank line or the
// next heading; "" when no line is such a heading. A line that goes on
// with other words ("Metrics dashboards are slow") is no heading.
func UnderHeading(text string, heading *regexp.Regexp) string {
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		at := heading.FindStringIndex(line)
		if at == nil {
			continue
		}
		rest := strings.TrimLeft(line[at[1]:], " \t*_")
		if after, ok := cutColon(rest); ok {
			rest = strings.Trim(after, " \t*_")
		} else if rest != "" {
			continue
		}
		if rest != "" {
			return rest
		}
		var under []string
		for _, l := range lines[i+1:] {
			l = strings.TrimSpace(l)
			if l == "" && len(under) > 0 || wikiHeading.MatchString(l) {
				break
			}
			if l != "" {
				under = append(under, l)
			}
		}
		return strings.Join(under, "\n")
	}
	return ""
}

// cutColon cuts the colon a label ends with, the full-width one of Chinese
// and Japanese too.
func cutColon(s string) (string, bool) {
	if after, ok := strings.CutPrefix(s, ":"); ok {
		return after, true
	}
	return strings.CutPrefix(s, "：")
}

// dropped names a resolution, or a status, that closes an issue without
// doing its work.
var dropped = regexp.MustCompile(`(?i)^\s*(?:won['’]?t (?:do|fix)|cancell?ed|duplicated?|obsolete|declined|rejected|abandoned|de-?scoped|out of scope|(?:no longer|not) needed|invalid|incomplete|cannot reproduce|can['’]?t reproduce)\s*$`)

// Dropped reports whether the issue was closed without its work being done:
// resolved as Won't Do, Cancelled, Duplicate, Obsolete, Declined… or moved
// to a status of that name. It changed nothing to report.
func (is Issue) Dropped() bool {
	return is.Done() && (dropped.MatchString(is.Resolution) || dropped.MatchString(is.Status))
}

// InProgress reports whether work on the issue has started and is not done.
func (is Issue) InProgress() bool {
	return !is.Done() && is.StatusCategory == StatusInProgress
}

// bugTypes are the names sites give the issue type of a defect report,
// lowercase: Jira Cloud's Bug, what Server and Data Center shops often
// rename it to, and Jira's own translations of it. An incident is not one:
// it is coordinated, and has its own type and predicate (IsIncident).
var bugTypes = []string{"bug", "defect", "problem", "fehler", "error", "erro", "bogue", "anomalie",
	"difetto", "błąd", "バグ", "不具合", "缺陷", "错误", "故障"}

// IsBugType reports whether an issue type is a bug by another name
// ("Defect", "Problem", "Fehler"), so that every package that treats bugs
// apart treats the same issues as bugs.
func IsBugType(issueType string) bool { return EqualsAnyFold(strings.TrimSpace(issueType), bugTypes) }

var (
	// incidentSummary says an issue is an incident where its type does not:
	// "INC: checkout down", "SEV1 …", "Outage: …".
	incidentSummary = regexp.MustCompile(`(?i)^\W{0,3}(?:inc(?:ident)?\b|sev ?[0-2]\b|major incident\b|outage\b)`)
	incidentTypes   = []string{"Incident", "Major incident"}
	incidentLabels  = []string{"incident", "outage", "major-incident", "sev1", "sev-1", "sev2", "sev-2", "p1-incident"}
)

// IsIncident reports whether an issue is an incident: its type (Incident),
// its summary ("INC: …", "SEV1 …", "Outage …") or a label says so. A
// postmortem or a follow-up filed after an incident is not one, and
// neither is an ordinary ticket someone posted a status update on.
func IsIncident(issueType, summary string, labels []string) bool {
	if EqualsAnyFold(issueType, incidentTypes) || incidentSummary.MatchString(summary) {
		return true
	}
	return slices.ContainsFunc(labels, func(l string) bool { return EqualsAnyFold(l, incidentLabels) })
}
