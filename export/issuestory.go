package export

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
)

// Many engineers do their PM work where no epic is: they coordinate an
// incident, unblock a teammate or settle a trade-off in the comments of a
// story or a bug. Their stories are told from those issues, as
// initiatives with onNoEpic set, when their epics are too few.

// issueStoryActions is how many things a user must have written on an
// issue, besides filing it and its outcome, for it to make a story: one
// comment is a quote, not a story.
const issueStoryActions = 2

// issueInitiatives are the stories to tell from the user's own words on
// issues on no epic, strongest first (see initiative.strength): each such
// issue, an incident together with its postmortems and follow-ups (see
// incidentOf), with at least issueStoryActions items beyond its filing
// and outcome. Field edits are left out: a story told in them would not
// be in the user's words.
func (v *view) issueInitiatives(s strengths) []initiative {
	byIssue := make(map[issueRef][]*evidence.Evidence)
	var order []issueRef
	for _, e := range v.items {
		if e.IssueKey == "" || e.Manual || !inOwnWords(e) {
			continue
		}
		if _, ok := v.epicOf(e); ok {
			continue
		}
		ref := issueRef{e.SiteName, e.IssueKey}
		if byIssue[ref] == nil {
			order = append(order, ref)
		}
		byIssue[ref] = append(byIssue[ref], e)
	}
	incidents := incidentOf(byIssue, order)
	byLead := make(map[issueRef]*initiative)
	var leads []issueRef
	for _, ref := range order {
		lead := ref
		if incident, ok := incidents[ref]; ok {
			lead = incident
		}
		in := byLead[lead]
		if in == nil {
			first := byIssue[lead][0]
			in = &initiative{
				epic:      evidence.Epic{SiteName: first.SiteName, Key: first.IssueKey, Summary: first.IssueSummary, URL: first.IssueURL, Outcome: v.outcomeStated(lead), Comments: v.commentsOn(first)},
				title:     first.IssueSummary,
				epicItems: byIssue[lead],
				onNoEpic:  true,
				incident:  incidents[lead] == lead,
			}
			byLead[lead] = in
			leads = append(leads, lead)
		}
		in.items = append(in.items, byIssue[ref]...)
	}
	var out []initiative
	for _, lead := range leads {
		in := byLead[lead]
		slices.SortFunc(in.items, evidence.ByOccurrence)
		in.score(s, v.taxonomy)
		if in.actionRecords() >= issueStoryActions {
			out = append(out, *in)
		}
	}
	sortStrongestFirst(out)
	return out
}

// kindIssueInitiatives are, for a question about a kind of work, the
// stories of issues on no epic too thin to tell unasked: one comment of
// the user's of that kind, with a change of theirs of that kind on the
// issue within a day of it ("got Jun to add you to the pay-sandbox
// group", and the flag cleared a minute later). The comment says what
// they did and the change that it was done; either alone is no story.
func (v *view) kindIssueInitiatives(s strengths, kind string, told []initiative) []initiative {
	return v.thinIssueInitiatives(s, told, func(e *evidence.Evidence) bool { return e.Category == kind }, true)
}

// thinIssueInitiatives are, for a question, the stories of issues on no
// epic too thin to tell unasked (see issueInitiatives): a comment of the
// user's that says answers, told with the changes of theirs of its kind
// on the issue within a day of it ("this would land in the same sprint
// as the 3DS work and we can only do one …", and the issue ranked lower a
// minute later), issues with none left out where needsChange. Issues the
// stories told (told) tell already are left out, as is a comment that is
// the story's result: it would leave the change the only action.
func (v *view) thinIssueInitiatives(s strengths, told []initiative, answers func(*evidence.Evidence) bool, needsChange bool) []initiative {
	toldOf := make(map[issueRef]bool)
	for _, in := range told {
		for _, e := range in.items {
			toldOf[issueRef{e.SiteName, e.IssueKey}] = true
		}
	}
	byIssue := make(map[issueRef][]*evidence.Evidence)
	var order []issueRef
	for _, e := range v.items {
		ref := issueRef{e.SiteName, e.IssueKey}
		if e.IssueKey == "" || e.Manual || toldOf[ref] {
			continue
		}
		if _, ok := v.epicOf(e); ok {
			continue
		}
		if byIssue[ref] == nil {
			order = append(order, ref)
		}
		byIssue[ref] = append(byIssue[ref], e)
	}
	var out []initiative
	for _, ref := range order {
		var written, changes []*evidence.Evidence
		for _, e := range byIssue[ref] {
			if inOwnWords(e) {
				written = append(written, e)
			} else {
				changes = append(changes, e)
			}
		}
		said := slices.DeleteFunc(slices.Clone(written), func(e *evidence.Evidence) bool {
			return e.Source != evidence.SourceComment || !answers(e)
		})
		done := slices.DeleteFunc(changes, func(c *evidence.Evidence) bool {
			return !slices.ContainsFunc(said, func(e *evidence.Evidence) bool {
				return c.Category == e.Category && c.OccurredAt.Sub(e.OccurredAt).Abs() <= 24*time.Hour
			})
		})
		if len(said) == 0 || needsChange && len(done) == 0 {
			continue
		}
		first := written[0]
		in := initiative{
			epic:      evidence.Epic{SiteName: first.SiteName, Key: first.IssueKey, Summary: first.IssueSummary, URL: first.IssueURL, Outcome: v.outcomeStated(ref), Comments: v.commentsOn(first)},
			title:     first.IssueSummary,
			epicItems: written,
			onNoEpic:  true,
			items:     slices.Concat(written, done),
		}
		slices.SortFunc(in.items, evidence.ByOccurrence)
		in.score(s, v.taxonomy)
		if slices.ContainsFunc(said, func(e *evidence.Evidence) bool { return !in.isOutcomeComment(e) }) {
			out = append(out, in)
		}
	}
	sortStrongestFirst(out)
	return out
}

// outcomeStated is the user's own outcome of an issue (`pmfolio
// outcome`), or "".
func (v *view) outcomeStated(ref issueRef) string {
	for _, o := range v.issueOutcomes {
		if o.SiteName == ref.site && o.Key == ref.key {
			return o.Text
		}
	}
	return ""
}

// commentsOn is the user's own comments on the issue of item e, done and
// no epic, oldest first: where they may have written how it ended. Of an
// issue not done, there is no end to read.
func (v *view) commentsOn(e *evidence.Evidence) []evidence.Comment {
	if e.IssueStatusCategory != evidence.StatusCategoryEnd {
		return nil
	}
	return v.ownComments[issueRef{e.SiteName, e.IssueKey}]
}

// actionRecords counts the Jira records of an issue initiative a story
// can quote as actions: not the filing of its issue, which its situation
// quotes, nor the comment its result quotes. Two items of one comment
// (a decision that is also an update) are one record.
func (in initiative) actionRecords() int {
	type record struct {
		key, source, id string
	}
	records := make(map[record]bool)
	for _, e := range in.items {
		if e.Source == evidence.SourceIssue && e.IssueKey == in.epic.Key || in.isOutcomeComment(e) {
			continue
		}
		records[record{e.IssueKey, string(e.Source), e.SourceID}] = true
	}
	return len(records)
}

// incidentOf maps each incident among the issues to itself, and each
// postmortem or follow-up to the incident it was filed from: the one it
// sits under, is linked to, or the one the user's words on it name
// ("Postmortem for OPS-412"), directly or through another follow-up ("From
// the postmortem OPS-415: …"). An incident is an issue that says it is one
// (evidence.IsIncident), or one the others point to (pointedAt): an alert
// bot files an outage as a Bug, and what makes it an incident is the
// postmortem and the follow-ups filed from it.
//
// The stories group an incident's issues with it, and the headline and
// the bullets count incidents, by this one mapping.
func incidentOf(byIssue map[issueRef][]*evidence.Evidence, order []issueRef) map[issueRef]issueRef {
	of := make(map[issueRef]issueRef)
	for _, ref := range order {
		if e := byIssue[ref][0]; evidence.IsIncident(e.IssueType, e.IssueSummary, e.IssueLabels) {
			of[ref] = ref
		}
	}
	for _, ref := range pointedAt(byIssue, order, of) {
		of[ref] = ref
	}
	for joined := true; joined; {
		joined = false
		for _, ref := range order {
			if _, ok := of[ref]; ok || !followsUpIncident(byIssue[ref]) {
				continue
			}
			if incident, ok := namedIncident(byIssue[ref], of); ok {
				of[ref], joined = incident, true
			}
		}
	}
	return of
}

// incidentsAmong are the incidents among the issues of items (see
// incidentOf).
func incidentsAmong(items []*evidence.Evidence) map[issueRef]bool {
	byIssue := make(map[issueRef][]*evidence.Evidence)
	var order []issueRef
	for _, e := range items {
		if e.IssueKey == "" {
			continue
		}
		ref := issueRef{e.SiteName, e.IssueKey}
		if byIssue[ref] == nil {
			order = append(order, ref)
		}
		byIssue[ref] = append(byIssue[ref], e)
	}
	incidents := make(map[issueRef]bool)
	for ref, incident := range incidentOf(byIssue, order) {
		if ref == incident {
			incidents[ref] = true
		}
	}
	return incidents
}

// pointedAt are the incidents no type, summary or label says are ones:
// the issues the user coordinated in comments (incident coordination)
// that a postmortem, or a follow-up the user filed, names by its words,
// its links or as its parent (see issueKeysNamed), and that name no
// incident known (of) themselves. A link joins two issues both ways, so
// of issues that name each other the incident is the one more of the
// others point to, or, as many, the one the user worked on first: the
// follow-ups come after it. A ticket that only got a status update, and
// two such tickets linked to each other, stay no incident: no postmortem
// or follow-up points to them.
func pointedAt(byIssue map[issueRef][]*evidence.Evidence, order []issueRef, of map[issueRef]issueRef) []issueRef {
	pointers := make(map[issueRef]int)
	for _, ref := range order {
		if !filedAfterIncident(byIssue[ref]) {
			continue
		}
		for _, named := range namedIssues(byIssue[ref], byIssue) {
			if named != ref {
				pointers[named]++
			}
		}
	}
	var candidates []issueRef
	for _, ref := range order {
		items := byIssue[ref]
		if _, known := of[ref]; known || pointers[ref] == 0 || isPostmortem(items[0].IssueType, items[0].IssueSummary) ||
			!slices.ContainsFunc(items, coordinatesIncident) {
			continue
		}
		if _, ok := namedIncident(items, of); !ok {
			candidates = append(candidates, ref)
		}
	}
	// Stable: as many pointers, the one worked on first comes first.
	slices.SortStableFunc(candidates, func(a, b issueRef) int { return pointers[b] - pointers[a] })
	var incidents []issueRef
	for _, ref := range candidates {
		names := namedIssues(byIssue[ref], byIssue)
		if !slices.ContainsFunc(incidents, func(incident issueRef) bool { return slices.Contains(names, incident) }) {
			incidents = append(incidents, ref)
		}
	}
	return incidents
}

// coordinatesIncident reports whether an item is the user coordinating an
// incident while it ran: a comment of incident coordination, not the
// filing of a follow-up.
func coordinatesIncident(e *evidence.Evidence) bool {
	return e.Category == evidence.CatIncidentCoord && e.Source == evidence.SourceComment
}

// filedAfterIncident reports whether the user's items on an issue show it
// is a postmortem, or a follow-up they filed as incident work.
func filedAfterIncident(items []*evidence.Evidence) bool {
	return slices.ContainsFunc(items, func(e *evidence.Evidence) bool {
		return e.Source == evidence.SourceIssue && e.Category == evidence.CatIncidentCoord || isPostmortem(e.IssueType, e.IssueSummary)
	})
}

// followsUpIncident reports whether the user's items on an issue show
// incident work on it: a postmortem, a follow-up, an update.
func followsUpIncident(items []*evidence.Evidence) bool {
	return slices.ContainsFunc(items, func(e *evidence.Evidence) bool {
		return e.Category == evidence.CatIncidentCoord || isPostmortem(e.IssueType, e.IssueSummary)
	})
}

// namedIncident finds the incident of the issue the items are on through
// the first issue they name (see issueKeysNamed) that of maps.
func namedIncident(items []*evidence.Evidence, of map[issueRef]issueRef) (issueRef, bool) {
	for _, e := range items {
		for _, key := range issueKeysNamed(e) {
			if incident, ok := of[issueRef{e.SiteName, key}]; ok {
				return incident, true
			}
		}
	}
	return issueRef{}, false
}

// namedIssues are the issues among byIssue's that the items name (see
// issueKeysNamed), each once.
func namedIssues(items []*evidence.Evidence, byIssue map[issueRef][]*evidence.Evidence) []issueRef {
	var named []issueRef
	for _, e := range items {
		for _, key := range issueKeysNamed(e) {
			if ref := (issueRef{e.SiteName, key}); byIssue[ref] != nil && !slices.Contains(named, ref) {
				named = append(named, ref)
			}
		}
	}
	return named
}

// issueKeysNamed are the keys of the issues an item's issue points to:
// the issue it sits under, those the user's words on it name, then those
// it is linked to.
func issueKeysNamed(e *evidence.Evidence) []string {
	var keys []string
	if e.IssueParent != "" {
		keys = append(keys, e.IssueParent)
	}
	keys = append(keys, issueKeyMention.FindAllString(e.Excerpt, -1)...)
	return append(keys, e.IssueLinks...)
}

// issueKeyMention finds issue keys in text: "OPS-412", and the keys
// redaction writes, "PROJ-A-12".
var issueKeyMention = regexp.MustCompile(`\b[A-Z][A-Z0-9_]*(?:-[A-Z][A-Z0-9_]*)*-\d+\b`)

// issueActions is how many of the actions of an issue's story its own
// issue keeps first, ahead of its postmortems and follow-ups: of an
// incident, what the user did while it ran (roles, a status with its
// impact, a decision), the strongest one or two.
const issueActions = 2

// pickIssueFirst picks the actions of the story of an issue on no epic
// (in) in the order "a time you handled an incident" asks for them, each
// turn with pickSpread: up to issueActions of the user's items on the
// issue itself (how they coordinated while it ran), then one of a
// postmortem of theirs, then one of a follow-up they filed or
// coordinated, then the rest of its postmortems and follow-ups, then more
// of the issue's if those leave room. pickSpread over all of them at once
// gives each kind of work one turn, and the incident's arc is all of one
// kind, incident coordination: a follow-up took the postmortem's turn,
// and sprint and release planning on them the slots the arc needed.
//
// A turn of the arc that finds only words like those another story
// quotes (incident updates, postmortems and follow-ups follow templates)
// repeats its strongest one rather than leave that part of the incident
// out.
func (s strengths) pickIssueFirst(in initiative, items []*evidence.Evidence, n int, shown *quoteSet) []*evidence.Evidence {
	if shown == nil {
		shown = &quoteSet{} // one for all the turns: none repeats another
	}
	onIssue := func(e *evidence.Evidence) bool { return e.SiteName == in.epic.SiteName && e.IssueKey == in.epic.Key }
	postmortem := postmortemsIn(in.items)
	// The user's own part in a postmortem or follow-up: filing it, or
	// coordinating on it; planning it is not.
	ofArc := func(e *evidence.Evidence) bool {
		return !onIssue(e) && (e.Source == evidence.SourceIssue || e.Category == evidence.CatIncidentCoord)
	}
	turns := []struct {
		of     func(*evidence.Evidence) bool
		n      int
		repeat bool // of the incident's arc: told even when it reads like another story's
	}{
		{onIssue, issueActions, true},
		{func(e *evidence.Evidence) bool { return ofArc(e) && postmortem(e) }, 1, true},
		{func(e *evidence.Evidence) bool { return ofArc(e) && !postmortem(e) }, 1, true},
		{func(e *evidence.Evidence) bool { return !onIssue(e) }, n, false},
		{onIssue, n, false},
	}
	var picked []*evidence.Evidence
	for _, turn := range turns {
		left := slices.DeleteFunc(slices.Clone(items), func(e *evidence.Evidence) bool { return !turn.of(e) || slices.Contains(picked, e) })
		m := min(turn.n, n-len(picked))
		got := s.pickSpread(left, m, shown)
		if len(got) == 0 && m > 0 && turn.repeat {
			got = s.pickSpread(left, 1, nil)
			for _, e := range got {
				shown.add(e.Excerpt)
			}
		}
		picked = append(picked, got...)
	}
	return tookCharge(picked, items, onIssue)
}

// tookCharge is picked with the user's first incident note on the incident
// in place of the latest of its others picked: taking charge is told
// before the updates after it, whatever outweighs it. Kaveri's "Hi All, I
// am coordinating this. Bridge call is on, …" lost to her hourly updates.
func tookCharge(picked, items []*evidence.Evidence, onIssue func(*evidence.Evidence) bool) []*evidence.Evidence {
	note := func(e *evidence.Evidence) bool {
		return onIssue(e) && e.Source == evidence.SourceComment && e.Category == evidence.CatIncidentCoord
	}
	var first *evidence.Evidence
	for _, e := range items {
		if note(e) && (first == nil || evidence.ByOccurrence(e, first) < 0) {
			first = e
		}
	}
	if first == nil || slices.Contains(picked, first) {
		return picked
	}
	latest := -1
	for i, e := range picked {
		if note(e) && (latest < 0 || evidence.ByOccurrence(e, picked[latest]) > 0) {
			latest = i
		}
	}
	if latest < 0 {
		return picked
	}
	picked = slices.Clone(picked)
	picked[latest] = first
	return picked
}

// storyIssue is the issue a story of an issue initiative is told from,
// with the others it tells, in the order the user first worked on them.
func (in initiative) storyIssue() *storyIssue {
	is := &storyIssue{Site: in.epic.SiteName, Key: in.epic.Key, Summary: evidence.OneLine(in.title), URL: in.epic.URL}
	for _, e := range in.items {
		if e.IssueKey != in.epic.Key && !slices.ContainsFunc(is.Related, func(ref storyRef) bool { return ref.Key == e.IssueKey }) {
			is.Related = append(is.Related, storyRef{Key: e.IssueKey, URL: e.IssueURL})
		}
	}
	return is
}

// peopleAlongside is whom the user worked alongside on the issue of an
// issue story (whenAndWith): its teammates (tally), and, where someone of
// another team took up an ask of the user's in it (otherTeamIn), the
// people of that team who acted on it apart: who answered the ask and
// the assignees of the story's issues of that team's project. "2 people
// from Platform" where Bruno Almeida said “03/07 works” and Fernanda Lima
// did the work; "1 teammate and 2 people from Payments Platform" where
// Jun Park rolled back and Felix Braun took PAY-823. Neither is the
// user's teammate.
func (r *report) peopleAlongside(in initiative) string {
	items := in.besidesDeclinedTo()
	team, answerers := r.otherTeamIn(in, items)
	if team == "" {
		return teammatesSaid(r.tally(items).teammates)
	}
	people := answerers
	mates := make(map[string]bool)
	for _, e := range items {
		if a := e.IssueAssignee; workedAlongside(a, e.IssueAssigneeActed, r.userOf(e.SiteName)) {
			if projectOf(e) == team {
				people[cmp.Or(a.ID, a.DisplayName)] = true
			} else {
				mates[cmp.Or(a.ID, a.DisplayName)] = true
			}
		}
	}
	for p := range people {
		delete(mates, p)
	}
	project := issueRef{items[0].SiteName, team}
	others := quantity(len(people), "person", "people") + " from " + cmp.Or(r.projectName(project), project.key)
	if len(mates) == 0 {
		return others
	}
	return teammatesSaid(len(mates)) + " and " + others
}

// otherTeamIn is the project of the other team whose people took up an
// ask of the user's among items (influenced), with who answered: the
// project of the issue asked on, where the story is of that issue alone
// and the ask is work across teams ("we'd need this on staging by 03/07"
// on PLAT-1531), or the answerer's own team (teamOf: Jun Park's PAY for
// "@Jun Park can you roll back PAY?" on CHK-1415). "" when no one of
// another team took one up.
func (r *report) otherTeamIn(in initiative, items []*evidence.Evidence) (string, map[string]bool) {
	team, answerers := "", make(map[string]bool)
	alone := !slices.ContainsFunc(items, func(e *evidence.Evidence) bool { return e.IssueKey != in.epic.Key })
	for _, e := range items {
		reply, ok := r.answerOf(e)
		if !ok || r.influenced(e) == 0 {
			continue
		}
		theirs := r.teamOf(reply.Author, e)
		if e.Category == evidence.CatCrossTeam {
			if !alone {
				continue
			}
			theirs = projectOf(e)
		}
		if theirs != "" && (team == "" || theirs == team) {
			team = theirs
			answerers[cmp.Or(reply.Author.ID, reply.Author.DisplayName)] = true
		}
	}
	return team, answerers
}

// isIncident reports whether an initiative is an incident's, told with
// its postmortems and follow-ups (see incidentOf).
func (in initiative) isIncident() bool {
	return in.onNoEpic && in.incident
}

// issueSituation is the situation of a story told from an issue on no
// epic: what the issue was, where, when the user worked on it and with
// its postmortems and follow-ups, and, when the user filed it, what they
// wrote then (goal).
func (r *report) issueSituation(in initiative, goal string) string {
	lead := in.epicItems[0]
	s := evidence.OneLine(in.epic.Key)
	if summary := evidence.OneLine(in.title); summary != "" {
		s = "“" + summary + "” (" + s + ")"
	}
	kind := "an issue"
	switch typ := evidence.OneLine(lead.IssueType); {
	case in.isIncident():
		kind = "an incident"
	case typ != "":
		kind = evidence.Article(evidence.LowerFirst(typ))
	}
	followUps, _ := in.followUps(nil)
	s += " was " + kind + r.projectPhrase(in) + r.askedBy(in) + ". I worked on " + evidence.JoinAnd(append([]string{"it"}, followUps...)) + in.whenAndWith(r.peopleAlongside(in))
	if goal != "" && !templated(goal) {
		s += " When I filed it I wrote: “" + storyQuote(goal, 240) + "”"
	}
	if set, ok := r.othersDateOn(in.epic.SiteName, in.epic.Key); ok {
		s += " " + evidence.OneLine(set.by.DisplayName) + ", who filed it, set the date in its description: “" + set.said + "”"
	}
	return s
}

// askedBy says, of an issue whose reporter the user said no to on it
// (declinedIn), or that another person filed and the user said no on
// (askedPushback), who asked and when: ", filed by Nadia Haddad on 25
// May". The request was theirs, which the no alone does not say.
func (r *report) askedBy(in initiative) string {
	for _, e := range in.epicItems {
		if d, ok := declinedIn(e); ok && !e.IssueCreated.IsZero() && isNamed(e.IssueReporter, d.to) {
			return filedBy(e)
		}
		if asked := r.requestShown(e); asked != "" {
			return asked
		}
	}
	return ""
}

// saidNoAmong is the no to a person by name (declinedIn), among the items
// a story of an issue quotes, said on that issue while it is not done:
// Nadia's Wishlist button stays To Do because it was declined.
func (in initiative) saidNoAmong(picked []*evidence.Evidence) *evidence.Evidence {
	if !in.onNoEpic || in.status() == "done" {
		return nil
	}
	for _, e := range picked {
		if _, ok := declinedIn(e); ok && e.IssueKey == in.epic.Key {
			return e
		}
	}
	return nil
}

// laterMeasured is the user's first comment on the issue of a no, after
// it, that holds a number, evidence (of items) or not, quoted as how the
// call went: "On 26 November: “banner is showing on 5.4, 61% of active
// users already on it”".
func (r *report) laterMeasured(items []*evidence.Evidence, no *evidence.Evidence) (resultPart, bool) {
	onIssue := slices.DeleteFunc(slices.Clone(items), func(e *evidence.Evidence) bool { return e.IssueKey != no.IssueKey })
	for _, c := range ownCommentsOn(evidence.Epic{Comments: r.ownComments[issueRef{no.SiteName, no.IssueKey}]}, onIssue) {
		if c.At.After(no.OccurredAt) && evidence.ReportsNumbers(c.Text) {
			return resultPart{text: "On " + c.At.UTC().Format("2 January") + ": “" + storyQuote(evidence.QuoteBody(c.Text), outcomeLength) + "”",
				source: "Jira comment, " + dateOnly(c.At.UTC()), link: evidence.CommentURL(no.IssueURL, c.ID)}, true
		}
	}
	return resultPart{}, false
}

// releasedWithout says, of the issue of a no that is not done, that a
// release it is planned for went out without it: "CORE-2183 itself is
// still open, though 4.14 has been released." After "Ok understood, 4.14 is
// fine", a reader takes it to have shipped in 4.14. Where the work was
// filed again and done there (doneAs), that is what happened to it, and
// "still open" alone would read as a promise dropped: "The change itself
// was done as CORE-2201 (“Show GST breakup on FD closure advice (4.14)”),
// which I verified on 20 September; CORE-2183 was left open."
func (r *report) releasedWithout(no *evidence.Evidence) string {
	if no.IssueStatusCategory == evidence.StatusCategoryEnd {
		return ""
	}
	if done := r.doneAs(no); done != nil {
		said := "The change itself was done as " + evidence.OneLine(done.IssueKey) + " (“" + evidence.OneLine(done.IssueSummary) + "”)"
		if done.Category == evidence.CatAcceptanceTesting && inOwnWords(done) {
			said += ", which I verified on " + done.OccurredAt.UTC().Format("2 January")
		}
		return said + "; " + evidence.OneLine(no.IssueKey) + " was left open." + filedUnder(done)
	}
	if len(no.IssueReleasedVersions) == 0 {
		return ""
	}
	have := " has"
	if len(no.IssueReleasedVersions) > 1 {
		have = " have"
	}
	return evidence.OneLine(no.IssueKey) + " itself is still open, though " + evidence.JoinAnd(no.IssueReleasedVersions) + have + " been released."
}

// doneAs is, of the user's evidence, the item on a done issue that is the
// work of e's issue filed again: of the same site and project, filed
// after it, with the same summary but for what a bracket at its end adds
// ("Show GST breakup on FD closure advice (4.14)"); the user's own words
// on it first, the latest of them. nil when there is none. Equal
// summaries of three words or more, not similar ones: a wrong match would
// tell work as done that is not.
func (r *report) doneAs(e *evidence.Evidence) *evidence.Evidence {
	summary := summaryStem(e.IssueSummary)
	if len(strings.Fields(summary)) < 3 {
		return nil
	}
	var found *evidence.Evidence
	for _, other := range r.items {
		if other.SiteName != e.SiteName || other.IssueKey == e.IssueKey || projectOf(other) != projectOf(e) ||
			other.IssueStatusCategory != evidence.StatusCategoryEnd || !other.IssueCreated.After(e.IssueCreated) ||
			!strings.EqualFold(summaryStem(other.IssueSummary), summary) {
			continue
		}
		if found == nil || inOwnWords(other) && (!inOwnWords(found) || other.OccurredAt.After(found.OccurredAt)) {
			found = other
		}
	}
	return found
}

// filedUnder says, of an issue whose summary names a version in its
// closing bracket ("Show GST breakup on FD closure advice (4.14)"), the
// fix version Jira files it under where that is another: " Jira files
// CORE-2201 under 4.15, not the 4.14 its summary names." A reader who
// opens it takes the bracket at its word. "" where they agree, or Jira
// gives no fix version.
func filedUnder(e *evidence.Evidence) string {
	summary := strings.TrimSpace(evidence.OneLine(e.IssueSummary))
	named := strings.Trim(strings.TrimSpace(summary[len(summaryStem(summary)):]), "()[] ")
	if !versionName.MatchString(named) || len(e.IssueFixVersions) == 0 || slices.Contains(e.IssueFixVersions, named) {
		return ""
	}
	return " Jira files " + evidence.OneLine(e.IssueKey) + " under " + evidence.JoinAnd(e.IssueFixVersions) + ", not the " + named + " its summary names."
}

// versionName is a release's name alone: "4.14", "v5.2.1".
var versionName = regexp.MustCompile(`^v?\d+(?:\.\d+)+$`)

// summaryStem is an issue summary without a bracket at its end: "(4.14)",
// "[iOS]".
func summaryStem(summary string) string {
	summary = strings.TrimSpace(evidence.OneLine(summary))
	if strings.HasSuffix(summary, ")") || strings.HasSuffix(summary, "]") {
		if i := strings.LastIndexAny(summary, "(["); i > 0 {
			summary = strings.TrimSpace(summary[:i])
		}
	}
	return summary
}

// releaseHeld says, of a no that kept its issue out of a release (the
// user's own edit of its fix version within the hour, "Fix Version: 4.13
// → 4.14"), that the release went out, by the day the release's own issue
// ("Release 4.13 - readiness, Go/No-Go and deployment") was done: "4.13
// went out on 22 August as planned (REL-421)". "As planned" only where
// the no names that day ("we will miss the 22nd"): the date it protected
// held. "" when Jira holds no such release issue done.
func (r *report) releaseHeld(no *evidence.Evidence) string {
	version := ""
	for _, e := range r.items {
		m := fixVersionEdit.FindStringSubmatch(e.Excerpt)
		if e.Source == evidence.SourceChange && m != nil && e.SiteName == no.SiteName && e.IssueKey == no.IssueKey &&
			e.OccurredAt.Sub(no.OccurredAt).Abs() <= time.Hour && m[1] != "" && m[1] != "(none)" {
			version = m[1]
		}
	}
	if version == "" {
		return ""
	}
	for _, e := range r.items {
		done, ok := r.doneIssues[issueRef{e.SiteName, e.IssueKey}]
		if !ok || e.SiteName != no.SiteName || e.IssueKey == no.IssueKey || !slices.Contains(e.IssueFixVersions, version) ||
			!namesRelease(e.IssueSummary, version) || done.Resolved.Before(no.OccurredAt) {
			continue
		}
		return wentOut(version, done.Resolved, namesDay(r.whole(no).Excerpt, done.Resolved.UTC().Day())) + " (" + evidence.OneLine(e.IssueKey) + ")."
	}
	return ""
}

// wentOut says a release went out on the day its issue was done, "as
// planned" when the words it follows named that day: "4.13 went out on 22
// August as planned".
func wentOut(version string, done time.Time, planned bool) string {
	said := evidence.OneLine(version) + " went out on " + done.UTC().Format("2 January")
	if planned {
		said += " as planned"
	}
	return said
}

// releaseWentOut says, of a note the user posted on a release's own issue
// ("Release 4.14 - readiness, Go/No-Go and deployment") that gives its
// go-live day ("Go-live on 24th is not yet impacted"), how that came out,
// by the day the issue was done: "4.14 went out on 24 October as planned".
// A risk update read without it ends on the risk. "" when the quote gives
// no go-live day or Jira holds the issue not done since.
func (r *report) releaseWentOut(e *evidence.Evidence, quoted string) string {
	_, day, ok := liveDay(evidence.OneLine(quoted), e.OccurredAt)
	done, isDone := r.doneIssues[issueRef{e.SiteName, e.IssueKey}]
	if !ok || !isDone || done.Resolved.Before(e.OccurredAt) {
		return ""
	}
	for _, version := range e.IssueFixVersions {
		if namesRelease(e.IssueSummary, version) {
			return wentOut(version, done.Resolved, done.Resolved.UTC().Truncate(24*time.Hour).Equal(day))
		}
	}
	return ""
}

// releaseThen opens a release's name in an issue summary ("Release 4.13 -
// readiness, Go/No-Go and deployment"), in any case.
var releaseThen = regexp.MustCompile(`(?i)\brelease\s+`)

// namesRelease reports whether an issue summary names the release of a
// version: "release", then the version in any case, ending a word
// ("Release 4.13 - …", "release 4.13.1", not "Release 4.130").
func namesRelease(summary, version string) bool {
	for _, at := range releaseThen.FindAllStringIndex(summary, -1) {
		rest, ok := cutPrefixFold(summary[at[1]:], version)
		end := len(summary) - len(rest) // the version's end in summary
		if ok && end > at[1] && asciiWord(summary[end-1]) != (rest != "" && asciiWord(rest[0])) {
			return true
		}
	}
	return false
}

// cutPrefixFold is s without prefix, matched rune by rune in any case, and
// whether s starts with it.
func cutPrefixFold(s, prefix string) (string, bool) {
	for _, p := range prefix {
		r, n := utf8.DecodeRuneInString(s)
		if n == 0 || !strings.EqualFold(string(r), string(p)) {
			return "", false
		}
		s = s[n:]
	}
	return s, true
}

// asciiWord reports whether b is a word character as regexp's \b sees it.
func asciiWord(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// ordinalDay is a day of the month written as an ordinal: "22nd", "1st".
var ordinalDay = regexp.MustCompile(`\b(\d+)(?:st|nd|rd|th)\b`)

// namesDay reports whether words name a day of the month as an ordinal
// ("we will miss the 22nd").
func namesDay(words string, day int) bool {
	for _, m := range ordinalDay.FindAllStringSubmatch(words, -1) {
		if m[1] == strconv.Itoa(day) {
			return true
		}
	}
	return false
}

// putOffTo is, of words that put their work off to a time (evidence.
// DeferWords: "Nadia, happy to look at it in August"), the words from the
// deferral to its time: "happy to look at it in August". "" when they put
// nothing off, or name no time.
func putOffTo(e *evidence.Evidence) string {
	text := evidence.OneLine(e.Excerpt)
	at := evidence.DeferWords.FindStringIndex(text)
	if at == nil {
		return ""
	}
	words, _, ok := evidence.DeferredTo(text[at[1]:], e.OccurredAt, false)
	end := strings.Index(text[at[1]:], words)
	if !ok || words == "" || end < 0 {
		return ""
	}
	return text[at[0] : at[1]+end+len(words)]
}

// besidesDeclinedTo is the items of an initiative but those on issues
// assigned to a person the user said no to on them (declinedIn): Pedro
// Santos, who filed MKT-96 for Marketing and was told "we should launch
// the campaign on the 24th, not the 20th", is no teammate she worked
// alongside.
func (in initiative) besidesDeclinedTo() []*evidence.Evidence {
	var told []string
	for _, e := range in.items {
		if no, ok := declinedIn(e); ok {
			told = append(told, no.to)
		}
	}
	return slices.DeleteFunc(slices.Clone(in.items), func(e *evidence.Evidence) bool {
		return slices.ContainsFunc(told, func(to string) bool { return isNamed(e.IssueAssignee, to) })
	})
}

// whole is item e with its whole comment for an excerpt, where the
// classifier cut it; of an issue the user filed as incident work, its
// whole description.
func (v *view) whole(e *evidence.Evidence) *evidence.Evidence {
	id := e.SourceID
	switch e.Source {
	case evidence.SourceComment:
	case evidence.SourceIssue:
		id = "" // a description's (see evidence.Portfolio.WholeComments)
	default:
		return e
	}
	text, ok := v.wholeComments[commentRef{issueRef{e.SiteName, e.IssueKey}, id}]
	if !ok {
		return e
	}
	whole := *e
	whole.Excerpt = text
	return &whole
}

// isNamed reports whether u is the person a comment names as written:
// "Pedro" or "Pedro Santos" is Pedro Santos.
func isNamed(u evidence.User, name string) bool {
	return u.DisplayName == name || strings.HasPrefix(u.DisplayName, name+" ")
}

// heldFor is, of a no whose grounds name a goal of one of the user's
// initiatives ("saved cards is the Q2 goal, so moving this to the
// backlog"), what that initiative achieved, as the no's story's result:
// what the request gave way to, first, then, of a request still to do,
// that it is: "… I told Nadia “happy to look at it in August”; it is
// still to do, and I owe Nadia an update on it." Nobody answering the no
// leaves it the only ending Jira holds. Nothing when the grounds name
// none, or it has no outcome.
func (r *report) heldFor(in initiative, no *evidence.Evidence) []resultPart {
	goal, ok := r.goalGivenWayTo(no)
	if !ok {
		return nil
	}
	lead := evidence.OneLine(goal.title) + " (" + evidence.OneLine(goal.epic.Key) + "), the goal it gave way to: "
	held := []resultPart{r.storyResult(goal, lead, goal.outcome)}
	r.noteWindowUnelapsed(goal)
	if kept, ok := r.rolloutOf(goal); ok {
		// Its timing is told as the deadline answer tells it: the
		// re-plan and the steps kept. A quarter the no names ("the
		// Q2 goal") is no date anyone set for the goal's work, so
		// nothing is called late against it.
		held = append(held, resultPart{text: nextSentence(held) + upperFirst(kept.told(nil, nil, goal.outcome.Text)) + "."})
	}
	if in.status() == evidence.StatusNew {
		// The open loop comes after what the no bought, and owned: a no
		// that put the work off to a time ("happy to look at it in
		// August") promised something the quote cuts, and the engineer
		// must not meet it first in Jira.
		still := "It is still to do."
		if put := putOffTo(r.whole(no)); put != "" {
			d, _ := declinedIn(no)
			still = toldPutOff(d.to, put) + ", and " + updateOwed(d.to) + "."
		}
		held = append(held, resultPart{text: nextSentence(held) + still})
	}
	return held
}

// goalGivenWayTo is the initiative of the user's a no's grounds name as a
// goal (namesGoal: "saved cards is the Q2 goal, so moving this to the
// backlog"), owned, on its epic and with an outcome: what the request
// gave way to. ok is false when the item is no no, or its grounds name
// none.
func (r *report) goalGivenWayTo(no *evidence.Evidence) (initiative, bool) {
	d, ok := declinedIn(no)
	if !ok {
		return initiative{}, false
	}
	grounds, _, _ := strings.Cut(d.words, d.no)
	for _, goal := range r.initiatives {
		if !goal.onNoEpic && goal.owned && goal.hasOutcome && goal.epic.SiteName == no.SiteName && namesGoal(grounds, goal.title) {
			return goal, true
		}
	}
	return initiative{}, false
}

// namesGoal reports whether words name an initiative as a goal: the
// title's opening words, up to its first little word ("Saved cards" of
// "Saved cards for returning customers"), two or more, then within a few
// words "goal", "priority", "focus", "OKR" or "commitment" ("saved cards
// is the Q2 goal"). Two words alone ("saved cards are slow") would name
// the product, not the goal the no was said for.
func namesGoal(words, title string) bool {
	var opening []string
	for _, w := range strings.Fields(title) {
		if littleWords[strings.ToLower(w)] || strings.ContainsAny(w, ".,:;()–—-/") {
			break
		}
		opening = append(opening, regexp.QuoteMeta(w))
	}
	if len(opening) < 2 || !strings.Contains(strings.ToLower(words), strings.ToLower(opening[0])) {
		return false // most titles: no expression to build
	}
	return regexp.MustCompile(`(?i)\b` + strings.Join(opening, `\s+`) + `\b(?:\s+\S+){0,4}?\s+(?:goal|priority|focus|OKR|commitment)\b`).MatchString(words)
}

// agreedTo is how the person a no was said to (declinedIn) answered it,
// as a story's result: "Meenakshi Sundaram answered within the hour: “Ok
// understood, 4.14 is fine. I will inform business.”" Only their answer
// tells how the no was taken, and a question back is no answer to tell.
func (r *report) agreedTo(no *evidence.Evidence) resultPart {
	d, _ := declinedIn(no)
	reply, ok := r.answerOf(no)
	if !ok || !isNamed(reply.Author, d.to) {
		return resultPart{}
	}
	return answerPart(no, reply)
}

// answerOf is the first answer another person gave to a comment of the
// user's (Portfolio.Replies); ok is false when there is none, or it is
// a question back, which is no answer to tell.
func (r *report) answerOf(e *evidence.Evidence) (evidence.Comment, bool) {
	reply, ok := r.replies[commentRef{issueRef{e.SiteName, e.IssueKey}, e.SourceID}]
	text := evidence.OneLine(reply.Text)
	return reply, ok && text != "" && !strings.HasSuffix(text, "?")
}

// answered tells an answer to what the user said: "Meenakshi Sundaram
// answered within the hour: “Ok understood, 4.14 is fine.”"
func answered(said *evidence.Evidence, reply evidence.Comment) string {
	return evidence.OneLine(reply.Author.DisplayName) + " answered " + answeredWhen(said.OccurredAt, reply.At) + ": “" +
		storyQuote(evidence.QuoteBody(evidence.OneLine(reply.Text)), outcomeLength) + "”"
}

// answeredWhen says how soon after something was said the answer came:
// in minutes while they are few ("four minutes later": "within the hour"
// reads slow for a rollback answered in four), then "within the hour",
// "the same day", "the next day" or the date.
func answeredWhen(said, answered time.Time) string {
	said, answered = said.UTC(), answered.UTC()
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	switch after := answered.Sub(said); {
	case after >= 0 && after < 2*time.Minute:
		return "within a minute"
	case after >= 0 && after < 15*time.Minute:
		return numberWord(int(after/time.Minute)) + " minutes later"
	case after <= time.Hour:
		return "within the hour"
	case day(answered).Equal(day(said)):
		return "the same day"
	case day(answered).Equal(day(said).AddDate(0, 0, 1)):
		return "the next day"
	}
	return "on " + answered.Format("2 January")
}

// templated reports whether a description is a form filled in rather than
// something the user wrote: the same value after three or more labels
// ("Code freeze see plan SIT see plan UAT see plan", a release ticket's
// table of milestones), a pair of words that comes back between three
// different words before it and three after it. A sentence that says a
// thing again says it in the same words around it ("the export times
// out … the retry times out … the export times out"), and pairs with a
// little word in them ("of the") come back in any text.
func templated(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	type around struct{ before, after map[string]bool }
	pairs := make(map[[2]string]around)
	for i := 2; i+1 < len(words); i++ {
		if littleWords[words[i-1]] || littleWords[words[i]] {
			continue
		}
		pair := [2]string{words[i-1], words[i]}
		a, ok := pairs[pair]
		if !ok {
			a = around{map[string]bool{}, map[string]bool{}}
			pairs[pair] = a
		}
		a.before[words[i-2]], a.after[words[i+1]] = true, true
		if len(a.before) >= 3 && len(a.after) >= 3 {
			return true
		}
	}
	return false
}

// littleWords are the words that join others: a pair with one in it comes
// back in any text.
var littleWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "in": true, "on": true, "at": true, "for": true,
	"and": true, "or": true, "is": true, "are": true, "be": true, "it": true, "we": true, "i": true, "this": true,
	"that": true, "with": true, "as": true, "by": true, "from": true, "not": true, "no": true,
}

// followUps names an incident's postmortems and follow-ups told in its
// story, of those whose items keep keeps (nil: all of them), and counts
// them: "its postmortem OPS-415", "its follow-ups OPS-416 and OPS-417".
func (in initiative) followUps(keep func(*evidence.Evidence) bool) ([]string, int) {
	var postmortems, followUps []string
	postmortem := postmortemsIn(in.items)
	for _, e := range in.items {
		key := evidence.OneLine(e.IssueKey)
		switch {
		case e.IssueKey == in.epic.Key || slices.Contains(postmortems, key) || slices.Contains(followUps, key) || keep != nil && !keep(e):
		case postmortem(e):
			postmortems = append(postmortems, key)
		default:
			followUps = append(followUps, key)
		}
	}
	var out []string
	for _, kind := range []struct {
		keys      []string
		one, many string
	}{{postmortems, "its postmortem ", "its postmortems "}, {followUps, "its follow-up ", "its follow-ups "}} {
		switch len(kind.keys) {
		case 0:
		case 1:
			out = append(out, kind.one+kind.keys[0])
		default:
			out = append(out, kind.many+evidence.JoinAnd(kind.keys))
		}
	}
	return out, len(postmortems) + len(followUps)
}

// whatFollowed is what Jira shows of an incident's postmortems and
// follow-ups when its story's result is a comment its actions go on after
// ("All clear, closing. Postmortem to follow." under a postmortem the
// actions show written): without it the result reads as older than the
// work it sums up. It is "" for any other story.
func (in initiative) whatFollowed(actions []storyAction) string {
	o := in.outcome
	if !in.onNoEpic || o.Mine || !slices.ContainsFunc(actions, func(a storyAction) bool { return a.at.After(o.Comment.At) }) {
		return ""
	}
	isDone := func(e *evidence.Evidence) bool { return e.IssueStatusCategory == evidence.StatusCategoryEnd }
	var parts []string
	for _, kind := range []struct {
		keep  func(*evidence.Evidence) bool
		state string
	}{{isDone, "done"}, {func(e *evidence.Evidence) bool { return !isDone(e) }, "not done yet"}} {
		switch names, n := in.followUps(kind.keep); n {
		case 0:
		case 1:
			parts = append(parts, evidence.JoinAnd(names)+" is "+kind.state)
		default:
			parts = append(parts, evidence.JoinAnd(names)+" are "+kind.state)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return ". What followed, as Jira shows it: " + strings.Join(parts, "; ") + "."
}
