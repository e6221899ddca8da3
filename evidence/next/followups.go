package next

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/evidence/markup"
)

var (
	// followUpWords say an issue is an action an incident left, in its
	// summary or description: "CAPA from CORE-2213", "From the postmortem
	// OPS-1186 of PAY-3416", "Action item from the incident review",
	// "Follow-up from CHK incident on 12 Aug" (a project's key, upper case,
	// before the incident).
	followUpWords = regexp.MustCompile(`(?i)\b(?:capa|corrective(?: and preventive)? actions?|preventive actions?)\b|\b(?:follow-?ups?|action items?|actions?) (?:from|for|of|after) (?:the |our |this |that |yesterday['’]s |last \w+['’]s )?(?-i:[A-Z][A-Z0-9]{1,9} )?(?:post-?mortem|post-incident review|incident review|pir|rca|root cause analysis|incident|outage|sev ?[0-2])\b|\bfrom (?:the |our )?(?:post-?mortem|post-incident review|incident review|pir|rca|root cause analysis)\b`)
	// followUpMark marks an issue as a follow-up, by its summary
	// ("Follow-up: alert on pool saturation") or a label, whatever it
	// follows up: with words of an incident besides, it is an incident's.
	followUpMark   = regexp.MustCompile(`(?i)^\W{0,3}(?:follow-?up|action item|capa|corrective action)\b`)
	followUpLabels = []string{"follow-up", "followup", "action-item", "capa", "corrective-action", "postmortem-action",
		"postmortem-follow-up", "incident-follow-up", "incident-followup", "pir-action"}
	// incidentWords name an incident in a follow-up's text.
	incidentWords = regexp.MustCompile(`(?i)\b(?:incident|outage|sev ?[0-2])\b`)
	// datedIncident says an issue comes from an incident on a day, whatever
	// its issue was typed: "From the mobile crash on 30/07", "From the
	// 30/07 crash", "from the 12 Aug outage". Without the day, "from the
	// crash reporter" or "data from the outage page" is no incident's.
	datedIncident = regexp.MustCompile(`(?i)\bfrom (?:the |our |that |this )?` + incidentDay + ` (?:[\w-]+ )?` + incidentEvent +
		`|\bfrom (?:the |our |that |this )?(?:[\w-]+ ){0,2}?` + incidentEvent + ` (?:on|of) ` + incidentDay + `\b`)
)

// incidentEvent and incidentDay are the words of datedIncident: an
// incident by its common names, and a day in figures or with its month.
const (
	incidentEvent = `(?:crash|outage|incident|downtime|sev ?[0-2])`
	incidentDay   = `(?:\d{1,2}/\d{1,2}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2})`
)

// followUpOf says which incident an open issue is an action of, as the
// team's issues and its own words show: it sits under, or is linked to, an
// incident or a postmortem (evidence.IsIncident, isPostmortem) it was filed
// at or after, as the incident's issue stories join its follow-ups
// (export's incidentOf); or its words say it is one ("CAPA from
// CORE-2213", a "Follow-up:" from "the postmortem OPS-1186", "From the
// mobile crash on 30/07"). source names
// what it follows up, for a reason: a key, with its summary when the
// team's issues hold it; "" when its words name none.
func (t *Team) followUpOf(is TeamIssue) (source string, ok bool) {
	if isIncident(is) || isPostmortem(is) {
		return "", false
	}
	keys := []string{is.ParentKey}
	for _, l := range is.Links {
		keys = append(keys, l.OtherKey)
	}
	for _, key := range keys {
		other, known := t.known(key)
		if key == "" || !known || !(isIncident(other) || isPostmortem(other)) || is.Created.Before(other.Created.Add(-24*time.Hour)) {
			continue
		}
		return other.Key + " (“" + evidence.Shorten(other.Summary, 80) + "”)", true
	}
	text := is.Summary + "\n" + markup.PlainText(is.Description)
	marked := followUpMark.MatchString(is.Summary) || slices.ContainsFunc(is.Labels, func(l string) bool { return evidence.EqualsAnyFold(l, followUpLabels) })
	if !followUpWords.MatchString(text) && !datedIncident.MatchString(text) && !(marked && (postmortemWords.MatchString(text) || incidentWords.MatchString(text))) {
		return "", false
	}
	for _, key := range evidence.IssueKey.FindAllString(text, -1) {
		if !strings.EqualFold(key, is.Key) {
			if other, known := t.known(key); known {
				return other.Key + " (“" + evidence.Shorten(other.Summary, 80) + "”)", true
			}
			return key, true
		}
	}
	// Words that name no key ("Follow-up from CHK incident on 12 Aug")
	// follow up the issue it sits under or is linked to that was filed in
	// the weeks before it: what the incident's issue was when it was filed.
	for _, key := range keys {
		if other, known := t.known(key); key != "" && known && other.Created.Before(is.Created) && is.Created.Sub(other.Created) <= followUpFiledWithin {
			return other.Key + " (“" + evidence.Shorten(other.Summary, 80) + "”)", true
		}
	}
	return "", true
}

// followUpFiledWithin is how soon after an incident its follow-ups are
// filed, for a follow-up whose words name no key and a linked issue.
const followUpFiledWithin = 30 * 24 * time.Hour

// known is the issue with that key among the team's issues, else among
// the user's own (Team.Yours): what a follow-up follows up may be an
// incident of the user's sync that the team's read does not hold.
func (t *Team) known(key string) (TeamIssue, bool) {
	if is, ok := t.issue(key); ok {
		return is, true
	}
	for _, is := range t.Yours {
		if strings.EqualFold(is.Key, key) {
			return is, true
		}
	}
	return TeamIssue{}, false
}

// holds reports whether the team's issues hold is, by its key or, for one
// moved since, by its id.
func (t *Team) holds(is TeamIssue) bool {
	if _, ok := t.issue(is.Key); ok {
		return true
	}
	return slices.ContainsFunc(t.Issues, func(other TeamIssue) bool { return other.ID != "" && other.ID == is.ID })
}

// staleFollowUps are staleFollowUp's findings on the team's open issues,
// and on the open issues the user filed that the team's read does not
// hold (Team.Yours): a follow-up of their incident filed in another team's
// project is theirs to chase, though that backlog is not the team's. An
// issue both hold is told once, as the team's.
func staleFollowUps(d Detector, t *Team) []finding {
	out := perIssue(staleFollowUp)(d, t)
	for _, is := range t.Yours {
		if t.holds(is) || !is.CreatedBy(t.Site.User) || !openToOthers(d, t, is) {
			continue
		}
		if vars, ok := staleFollowUp(d, t, is); ok {
			out = append(out, finding{issue: is, vars: vars})
		}
	}
	return out
}

// dateAhead reports whether the newest word on an issue that gives a date
// (evidence.GivenDate) gives one that has not passed: a follow-up someone put a
// date on is planned, however long ago they said so.
func (t *Team) dateAhead(is TeamIssue) bool {
	var newest evidence.Comment
	var by time.Time
	for _, c := range is.Comments {
		if c.Author.LooksLikeAutomation() || !newest.At.IsZero() && c.At.Before(newest.At) {
			continue
		}
		if _, d, ok := evidence.GivenDate(evidence.OneLine(markup.PlainText(c.Text)), c.At, t.dayFirst()); ok {
			newest, by = c, d
		}
	}
	return !by.IsZero() && !t.Now.After(by.Add(24*time.Hour))
}

// assigneesPromise is the promise (promiseIn) that is the assignee's last
// word on an issue not started, with its comment: "Will pick this up next
// sprint", and nothing from them since.
func assigneesPromise(is TeamIssue) (evidence.Comment, string, bool) {
	if is.Assignee.ID == "" || is.StatusCategory != evidence.StatusNew {
		return evidence.Comment{}, "", false
	}
	var last evidence.Comment
	for _, c := range is.Comments {
		if c.Author.Is(is.Assignee) && !c.At.Before(last.At) {
			last = c
		}
	}
	said := promiseIn(last.Text)
	return last, said, said != ""
}

// staleFollowUp: an incident's follow-up (followUpOf) still open, planned
// into neither the running nor the next sprint, with no word and no change
// for the threshold. The action was agreed to keep the incident from
// happening again, and nobody has followed it up since.
func staleFollowUp(d Detector, t *Team, is TeamIssue) (map[string]string, bool) {
	if strings.EqualFold(is.Type, "Epic") || sprintLabel(is) != "" {
		return nil, false
	}
	source, ok := t.followUpOf(is)
	if !ok {
		return nil, false
	}
	since := latest(lastWord(is), is.Updated)
	if !olderThan(d, since, t.Now) || t.dateAhead(is) {
		return nil, false
	}
	silent := "no word since it was filed"
	if since.After(is.Created.Add(time.Hour)) {
		silent = "no word for " + age(since, t.Now)
		// In another team's backlog, their last word says where it stands
		// there: "the last, Bruno Almeida's of 20 Aug: “in the backlog,
		// not this quarter probably”".
		if c, ok := otherTeamsWord(t, is); ok {
			silent += " (the last, " + c.Author.DisplayName + "'s of " + dayOf(c.At, t.Now) + ": “" + t.quote(c.Text, c.Text, 100) + "”)"
		}
	}
	of := "an incident"
	if source != "" {
		of = source
	}
	vars := t.followUpAsk(is, t.Now.Sub(since) >= abandonedAfter, "")
	vars["of"], vars["age"], vars["silent"] = of, age(is.Created, t.Now), silent
	return vars, true
}

// followUpAsk is what incident.follow-up-stale asks of a follow-up: its
// assignee for a date (or the team for an owner and a date), and to plan
// it into a sprint, with more to settle in the same talk (a missed
// release's version to move: Detect's foldFollowUps). After months
// without a word, whether it is still needed comes first, as one either/or
// with the same person ("Ask Aisha Bello whether it is still needed to keep
// the incident from happening again: if so, get a date and plan it into a
// sprint; if not, close it and say why"), not a question and then an
// order that pull apart; and a further suggestion on the issue does not
// ask it again.
func (t *Team) followUpAsk(is TeamIssue, silent bool, more string) map[string]string {
	owner := activeOwner(is)
	ask, steps := "Find it an owner and a date", []string{"find it an owner and a date"}
	if owner != "" {
		ask, steps = "Ask "+owner+" for a date", []string{"get a date"}
	}
	// An assignee who promised to take it up is asked for the date their
	// promise did not keep, not whether it is still needed.
	if c, said, ok := assigneesPromise(is); ok && owner != "" {
		ask = owner + " wrote on " + dayOf(c.At, t.Now) + " “" + t.quote(said, c.Text, 100) + "”, and it is still " +
			cmp.Or(is.Status, "not started") + ": ask them for a date"
		silent = false
	}
	if t.usesSprints(is.Project) {
		steps = append(steps, "plan it into a sprint")
	}
	// A follow-up in another team's backlog is planned where the user's
	// team does not look: its date goes on the incident.
	if source, _ := t.followUpOf(is); !t.holds(is) && evidence.IssueKey.MatchString(source) {
		steps = append(steps, "post it on "+evidence.IssueKey.FindString(source))
	}
	if more != "" {
		steps = append(steps, more)
	}
	switch {
	case len(steps) == 2:
		ask += ", and " + steps[1]
	case len(steps) > 2:
		ask += ", " + evidence.JoinAnd(steps[1:])
	}
	ask += ": it is what keeps the incident from happening again"
	vars := map[string]string{"ask": ask, "still-needed": "", "or-close": ". If it is no longer needed, close it and say why", "settled-or-close": ""}
	if silent {
		// Nobody's follow-up in another team's backlog is that team's to
		// answer for: its lead, not the user's team.
		who := cmp.Or(owner, "the team")
		if c, ok := otherTeamsWord(t, is); owner == "" && ok {
			who = c.Author.DisplayName // who answered for it there knows
		} else if owner == "" && !t.holds(is) {
			who = t.projectLead(is.Project)
		}
		vars["still-needed"] = t.ifStillWanted(is, who, "is still needed to keep the incident from happening again")
		vars["ask"], vars["settled-ask"] = evidence.JoinAnd(steps), ask
		vars["or-close"] = orClose
	}
	return vars
}

// otherTeamsWord is the last word on an unassigned issue in another
// team's backlog when it is someone else's than the user's: whoever wrote
// it answered for that team.
func otherTeamsWord(t *Team, is TeamIssue) (evidence.Comment, bool) {
	c, ok := lastPersonComment(is)
	if !ok || activeOwner(is) != "" || t.holds(is) || c.Author.Is(t.Site.User) || c.Author.Inactive || c.Author.DisplayName == "" {
		return evidence.Comment{}, false
	}
	return c, true
}

var (
	// takeUpWords commit someone to taking an issue up: "Will pick this
	// up next sprint", "I'll take this next week", "Picking it up
	// tomorrow". "I can take this" offers; it does not promise. Narrower
	// than promiseWords, which reads any "will" of an assignee at work.
	takeUpWords = regexp.MustCompile(`(?i)\b(?:i['’]ll|i will|i['’]m going to|i am going to|we['’]ll|we will|will)\s+(?:pick (?:this|it) up|take (?:this|it)(?: on| over)?|get (?:to|on) (?:this|it)|start (?:on )?(?:this|it)|look (?:at|into) (?:this|it)|work on (?:this|it)|handle (?:this|it)|do (?:this|it)|fix (?:this|it))\b|\b(?:picking (?:this|it) up|taking (?:this|it)(?: on| over)?)\b`)
	// takeUpWhen is when a promise says it will be kept, near enough to
	// be overdue a month on: next sprint or week, tomorrow, a weekday.
	takeUpWhen = regexp.MustCompile(`(?i)\b(?:next|this|the coming) (?:sprint|week)\b|\btomorrow\b|\b(?:mon|tues|wednes|thurs|fri)day\b|\bend of (?:the |this |next )?(?:week|sprint)\b`)
	// takeUpIf says a promise waits on something, which may not have
	// come: "if nobody else does", "once PAY-12 lands", "after OPS-1187".
	takeUpIf = regexp.MustCompile(`(?i)\b(?:if|unless|once|when|after|as soon as|depending|provided)\b`)
	// promiser is what may come before a promise in its sentence: nothing,
	// or a word of assent, and the one who promises ("Sure, I'll…", "Ok,
	// will…"): "Sam will pick this up" promises for Sam, "nobody will"
	// promises nothing.
	promiser = regexp.MustCompile(`(?i)^\W*(?:(?:ok|okay|sure|yes|yep|thanks|noted|agreed|understood|np|fine|sounds good)\W+)*(?:i|we)?\W*$`)
)

// promiseIn is the sentence of a comment that promises to take the issue
// up at a near time (takeUpWords, takeUpWhen), unconditionally, or "".
func promiseIn(text string) string {
	for _, s := range ownSentences(text) {
		at := takeUpWords.FindStringIndex(s)
		if at == nil || strings.HasSuffix(s, "?") || !takeUpWhen.MatchString(s) ||
			takeUpIf.MatchString(s) || !promiser.MatchString(s[:at[0]]) {
			continue
		}
		return s
	}
	return ""
}

// overduePromises: a teammate's promise to take an issue up soon ("Will
// pick this up next sprint"), their last word on it, older than the
// threshold, and the issue still not started, in neither the running nor
// the next sprint, with them or nobody assigned: the promise slipped, and
// nobody has said so. The user's own promise is theirs to keep, and is
// raised only once the date it gave to someone has passed (yourPromise).
func overduePromises(d Detector, t *Team) []finding {
	var out []finding
	for _, is := range t.Issues {
		if !openToOthers(d, t, is) || is.StatusCategory != evidence.StatusNew || sprintLabel(is) != "" || strings.EqualFold(is.Type, "Epic") {
			continue
		}
		if f, ok := t.yourPromise(is); ok {
			out = append(out, f)
			continue
		}
		if f, ok := t.yourWaitPassed(is); ok {
			out = append(out, f)
			continue
		}
		var promise evidence.Comment
		said := ""
		for _, c := range is.Comments {
			if c.Author.LooksLikeAutomation() || c.Author.Is(t.Site.User) {
				continue
			}
			switch s := promiseIn(c.Text); {
			case s != "":
				promise, said = c, s
			case said != "" && c.Author.Is(promise.Author):
				said = "" // they spoke again: the promise is not their last word
			}
		}
		if said == "" || !olderThan(d, promise.At, t.Now) || is.Assignee.ID != "" && !is.Assignee.Is(promise.Author) {
			continue
		}
		who := cmp.Or(promise.Author.DisplayName, "a teammate")
		ask := "Ask " + who + " whether it still comes and when, and plan it into a sprint, or find it another owner"
		f := finding{issue: is, vars: map[string]string{"who": who, "day": dayOf(promise.At, t.Now),
			"promise": "“" + t.quote(said, promise.Text, 100) + "”", "age": age(promise.At, t.Now), "status": cmp.Or(is.Status, "not started"),
			"still-needed": "", "ask": ask, "silent": silentSince(is, promise)}}
		// After months without a word, whether it is still needed comes
		// first, of the one who promised, as one either/or.
		if last := lastWord(is); t.Now.Sub(last) >= abandonedAfter {
			f.vars["still-needed"] = t.ifStillWanted(is, who, "is still needed after "+age(last, t.Now)+" without a word")
			f.vars["ask"], f.vars["settled-ask"] = "get a date and plan it into a sprint, or find it another owner"+orClose, ask
		}
		if promise.Author.Inactive {
			f.left = who
		}
		out = append(out, f)
	}
	return out
}

// silentSince says ", with no word since" when a promise is the last word
// on its issue by anyone: its age is then the issue's silence, said once
// (the ranking's note does not say it again).
func silentSince(is TeamIssue, promise evidence.Comment) string {
	if lastWord(is).After(promise.At) {
		return ""
	}
	return ", with no word since"
}

var (
	// addressedBy is a name the words after it are addressed to: "Nadia, happy to…".
	addressedBy = regexp.MustCompile(`(\p{Lu}\p{L}+)\s*,\s*$`)
)

// yourPromise is the user's own last word on an issue, when it put the
// issue off to a time that has passed, to someone by name ("Nadia, happy
// to look at it in August"), or else to whoever filed it, and nobody has
// written on it since: that person waits to hear where it stands.
//
// Or it promised to do something by a date that has passed ("sim, I'll
// write it up with the acceptance bits by 14/11", doByWords), and nothing
// says it was done: nobody has written on the issue since, nothing of it
// changed since, and, of a promise to write the story up, its text still
// states no acceptance criteria. The user is asked to do it, or to give
// whoever waits a new date.
func (t *Team) yourPromise(is TeamIssue) (finding, bool) {
	c, ok := lastPersonComment(is)
	if !ok || !c.Author.Is(t.Site.User) {
		return finding{}, false
	}
	for _, sentence := range ownSentences(c.Text) {
		if takeUpIf.MatchString(sentence) || strings.HasSuffix(sentence, "?") {
			continue
		}
		at, do := evidence.DeferWords.FindStringIndex(sentence), ""
		if at == nil {
			if m := doByWords.FindStringSubmatchIndex(sentence); m != nil {
				at, do = []int{m[0], m[3]}, sentence[m[2]:m[3]]
			}
		}
		if at == nil {
			continue
		}
		// A deferral may name a month alone ("in August"); a promise to
		// do something names the day it is done by.
		dateOf := evidence.DeferredTo
		if do != "" {
			dateOf = evidence.GivenDate
		}
		words, by, ok := dateOf(sentence[at[1]:], c.At, t.dayFirst())
		if !ok || !t.Now.After(by.Add(24*time.Hour)) || do != "" && !doneBy.MatchString(words) {
			continue
		}
		to := ""
		if m := addressedBy.FindStringSubmatch(sentence[:at[0]]); m != nil {
			to = t.personNamed(m[1], c.Author)
		}
		if to = cmp.Or(to, t.askableFiler(is)); to == "" {
			return finding{}, false
		}
		ask := tellWhereItStands(to, words)
		if do != "" {
			if t.doneSince(is, c, do) {
				return finding{}, false
			}
			ask = upperFirst(do) + ", or tell " + to + " a new date: “" + words + "” has passed"
			if youWord.MatchString(do) {
				ask = "Do what you promised " + to + ", or give them a new date: “" + words + "” has passed"
			}
		}
		f := t.yourWordFinding(is, c, dayOf(c.At, t.Now), sentence, ask)
		switch {
		case do == "":
			// Telling whom the issue was put off to where it stands is
			// stakeholder communication, as kaveri's "tell Meenakshi
			// Sundaram, who was promised 4.14" is.
			f.category = evidence.CatStakeholderComms
		case writeUpWords.MatchString(do):
			// Keeping a promise to write the story up is writing it.
			f.category = evidence.CatStoryWriting
		}
		return f, true
	}
	return finding{}, false
}

// tellWhereItStands asks the user to tell someone where an issue they
// put off stands, as the time it was put off to (words) has passed.
func tellWhereItStands(to, words string) string {
	return "Tell " + to + " where it stands, as “" + words + "” has passed: plan it into a sprint, or close it and say why"
}

// yourWordFinding is promise.overdue's finding of the user's own word c
// on an issue (day says when, and where when not on is), quoting its
// sentence, with the action ask.
func (t *Team) yourWordFinding(is TeamIssue, c evidence.Comment, day, sentence, ask string) finding {
	return finding{issue: is, vars: map[string]string{"who": "you", "day": day,
		"promise": "“" + t.quote(sentence, c.Text, 100) + "”", "age": age(c.At, t.Now), "status": cmp.Or(is.Status, "not started"),
		"still-needed": "", "ask": ask, "silent": silentSince(is, c)}, yours: true}
}

var (
	// doByWords promise, in the user's own words, to do something, its
	// first group: "I'll write it up with the acceptance bits" (by 14/11),
	// "will send it" (by Friday). Whether a date it is done by follows is
	// evidence.GivenDate's and doneBy's to say.
	doByWords = regexp.MustCompile(`(?i)\b(?:i['’]ll|i will|i['’]m going to|i am going to|we['’]ll|we will)\s+((?:write|send|share|post|finish|draft|update|add|do|get|have|prepare|review|split|spec|document|check|put)\b[^.;!?]*?)\s+(?:by|before|until|till)\b`)
	// doneBy is a date something is done by, not one it happens on.
	doneBy = regexp.MustCompile(`(?i)^(?:by|before|until|till)\b`)
	// youWord addresses the reader: a promise that says "you" reads
	// wrong as the user's own to-do.
	youWord = regexp.MustCompile(`(?i)\byou(?:r)?\b`)
	// writeUpWords promise to write the issue itself up.
	writeUpWords = regexp.MustCompile(`(?i)\b(?:write|spec|draft|document|detail)\b|\bacceptance\b|\bcriteria\b`)
)

// doneSince reports whether anything says a promise to do something (do)
// was kept: the issue changed after the comment that made it (Jira's
// updated time: any edit, by anyone), or, of a promise to write the issue
// up, its text now states acceptance criteria.
func (t *Team) doneSince(is TeamIssue, promise evidence.Comment, do string) bool {
	if is.Updated.After(promise.At.Add(time.Minute)) {
		return true
	}
	return writeUpWords.MatchString(do) &&
		(statesCriteria(is.Description) || statesCriteria(markup.PlainText(is.Description)) || statesCriteria(markup.PlainText(is.AcceptanceCriteria)))
}

// releasePromise is a release an issue was promised for that shipped
// without it, and who waits to hear.
type releasePromise struct {
	release Release
	// said is the newest comment that named the release before it
	// shipped, and words its sentence that did.
	said  evidence.Comment
	words string
	to    string // whom to tell
}

// brokenReleasePromise is a release an issue's fix versions all missed
// (missedVersion) that a person's word on it named before it shipped, as
// where the issue goes ("Suggest we take it in 4.14 on priority", "Ok
// understood, 4.14 is fine"), the user's own word first: the version was
// a plan someone was told, and whoever filed the issue (else whoever
// agreed to it, not the user) still thinks it went out. A question, or a word on a condition ("if
// business still wants it in 4.13"), promised nothing. As a date a
// promise gave that passed (yourPromise), it is theirs to hear first.
func (t *Team) brokenReleasePromise(is TeamIssue) (releasePromise, bool) {
	r := missedVersion(is, t.Now)
	if r == nil || r.Date == nil {
		return releasePromise{}, false
	}
	var p, yours releasePromise
	for _, c := range is.Comments {
		if c.Author.LooksLikeAutomation() || !c.At.Before(*r.Date) || !c.At.After(p.said.At) {
			continue
		}
		for _, s := range ownSentences(c.Text) {
			if evidence.NamesVersion(s, r.Name) && !strings.HasSuffix(s, "?") && !takeUpIf.MatchString(s) {
				p = releasePromise{release: *r, said: c, words: s}
				if c.Author.Is(t.Site.User) {
					yours = p
				}
				break
			}
		}
	}
	// The user's own word naming the release was the commitment ("Suggest
	// we take it in 4.14 on priority"); a later "4.14 is fine" only took
	// it: what the user answers for is what they said.
	if yours.words != "" {
		p = yours
	}
	if p.words == "" {
		return releasePromise{}, false
	}
	p.to = t.askableFiler(is)
	if author := p.said.Author; p.to == "" && !author.Is(t.Site.User) && !author.Inactive {
		p.to = author.DisplayName
	}
	return p, p.to != ""
}
