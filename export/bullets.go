package export

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pmfolio/pmfolio/evidence"
)

// DefaultBullets is how many bullets `pmfolio bullets` prints unless told:
// about what one role on a résumé holds.
const DefaultBullets = 5

// maxBulletLength is the most characters a bullet may have: a résumé line
// that runs longer than two printed lines stops being read.
const maxBulletLength = 200

// BulletOptions shape the bullets.
type BulletOptions struct {
	// Top is how many bullets to write; 0 means DefaultBullets, and a
	// negative number all there are.
	Top int
}

// Bullets writes résumé bullets, strongest first, one per line starting
// with "- ": an action verb, what, the scale and, where the data shows one,
// the outcome, with every number counted from the evidence. Each kind of
// work appears in one bullet only, so no two say the same thing. Nothing is
// claimed that the data does not show: the outcome is what Jira says is
// done now, never a business result.
func Bullets(w io.Writer, p evidence.Portfolio, opts BulletOptions) error {
	r := newReport(p, Options{})
	bw := bufio.NewWriter(w)
	all := r.bullets()
	if opts.Top == 0 {
		opts.Top = DefaultBullets
	}
	if opts.Top > 0 && len(all) > opts.Top {
		all = all[:opts.Top]
	}
	for _, b := range all {
		bw.WriteString("- " + b.text + "\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write bullets: %w", err)
	}
	return nil
}

// bullet is one résumé line and how strong the evidence behind it is.
type bullet struct {
	text     string
	strength float64
}

// bulletTheme is one bullet's subject: the categories it speaks for and how
// it says what they add up to.
type bulletTheme struct {
	categories []string
	// say returns the bullet's parts: the claim, which every bullet has,
	// then optional clauses in the order they are dropped from the end when
	// the bullet would be too long.
	say func(r *report, groups []group) []string
}

// bulletThemes are the bullets pmfolio can write, each over different
// categories. Every built-in category is in exactly one theme; the user's
// own categories get a bullet each.
var bulletThemes = []bulletTheme{
	{[]string{evidence.CatEpicOwnership}, sayEpics},
	{[]string{evidence.CatStoryWriting, evidence.CatBacklogGrooming}, sayBacklog},
	{[]string{evidence.CatPrioritization, evidence.CatDecisionMaking}, sayJudgment},
	{[]string{evidence.CatReleasePlanning, evidence.CatSprintPlanning}, sayPlanning},
	{[]string{evidence.CatStakeholderComms}, sayUpdates},
	{[]string{evidence.CatUnblocking}, sayUnblocking},
	{[]string{evidence.CatCrossTeam}, sayCrossTeam},
	{[]string{evidence.CatAcceptanceTesting}, sayVerified},
	{[]string{evidence.CatIncidentCoord}, sayIncidents},
}

// bullets returns every bullet the portfolio supports, strongest first,
// ties in theme order. A bullet's strength is the mean strength of the
// items behind it (see strengths) times log2(1 + their number): volume
// counts, but with diminishing returns, so that 8 owned epics or 26
// coordinated incidents can outrank 300 routine backlog edits.
func (r *report) bullets() []bullet {
	byID := make(map[string]group, len(r.groups))
	for _, g := range r.groups {
		byID[g.category.ID] = g
	}
	themes := slices.Clone(bulletThemes)
	for _, g := range r.groups {
		if _, builtin := evidence.CategoryByID(g.category.ID); !builtin {
			themes = append(themes, bulletTheme{[]string{g.category.ID}, sayOther})
		}
	}
	var out []bullet
	for _, th := range themes {
		var groups []group
		strength := 0.0
		for _, id := range th.categories {
			if g, ok := byID[id]; ok {
				groups = append(groups, g)
				for _, e := range g.items {
					strength += r.strengths.of(e)
				}
			}
		}
		if len(groups) == 0 {
			continue
		}
		n := 0
		for _, g := range groups {
			n += len(g.items)
		}
		strength = strength / float64(n) * math.Log2(1+float64(n))
		out = append(out, bullet{fitBullet(th.say(r, groups)), strength})
	}
	slices.SortStableFunc(out, func(a, b bullet) int { return cmp.Compare(b.strength, a.strength) })
	return out
}

// fitBullet joins a bullet's parts, leaving out optional clauses from the
// end while it is too long, and makes it a sentence.
func fitBullet(parts []string) string {
	for n := len(parts); n > 1; n-- {
		if s := sentence(parts[:n]); utf8.RuneCountInString(s) <= maxBulletLength {
			return s
		}
	}
	s := sentence(parts[:1])
	if utf8.RuneCountInString(s) > maxBulletLength {
		s = string([]rune(s)[:maxBulletLength-1]) + "…"
	}
	return s
}

// sentence joins parts and starts the result with a capital letter.
func sentence(parts []string) string {
	s := strings.Join(parts, "") + "."
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// items returns the items of groups together, in time order.
func items(groups []group) []*evidence.Evidence {
	var all []*evidence.Evidence
	for _, g := range groups {
		all = append(all, g.items...)
	}
	slices.SortFunc(all, func(a, b *evidence.Evidence) int {
		return cmp.Or(a.OccurredAt.Compare(b.OccurredAt), strings.Compare(a.ID, b.ID))
	})
	return all
}

// scope says where the work was: " across 3 projects", " in 1 project".
func scope(t tally) string {
	switch t.projects {
	case 0:
		return ""
	case 1:
		return " in 1 project"
	default:
		return " across " + strconv.Itoa(t.projects) + " projects"
	}
}

// forTeammates says whose issues they were: " for 7 teammates".
func forTeammates(t tally) string {
	if t.teammates == 0 {
		return ""
	}
	return " for " + quantity(t.teammates, "teammate", "teammates")
}

// doneOutcome says what of the work is done now, as Jira records it.
func doneOutcome(t tally) string {
	if t.issues == 0 || t.done == 0 {
		return ""
	}
	return "; " + doneShare(t.done, t.issues)
}

// phrases says what the user did in groups, biggest first.
func phrases(groups []group) string { return joinAnd(claimPhrases(groups, false)) }

// sayEpics: "Owned 8 epics across 3 projects, among them “SLOs for
// customer-facing services”, with PM work on 95 of their issues for 7
// teammates; 4 of the 8 epics are done."
func sayEpics(r *report, groups []group) []string {
	var owned []initiative
	for _, in := range r.initiatives {
		if slices.Contains(in.categoryIDs(), evidence.CatEpicOwnership) {
			owned = append(owned, in)
		}
	}
	if len(owned) == 0 {
		// Epic-ownership evidence on epics the portfolio does not list.
		t := r.tally(items(groups))
		return []string{phrases(groups) + scope(t)}
	}
	var all []*evidence.Evidence
	done := 0
	for _, in := range owned {
		all = append(all, in.items...)
		if in.status() == "done" {
			done++
		}
	}
	t := r.tally(all)
	parts := []string{"owned " + quantity(len(owned), "epic", "epics") + scope(t)}
	if name := oneLine(owned[0].epic.Summary); name != "" {
		if len(owned) == 1 {
			parts = append(parts, ", “"+truncate(name, 60)+"”")
		} else {
			parts = append(parts, ", among them “"+truncate(name, 60)+"”")
		}
	}
	parts = append(parts, ", with PM work on "+quantity(t.issues, "issue", "issues")+forTeammates(t))
	if done > 0 {
		parts = append(parts, "; "+doneOf(done, len(owned), "epic", "epics"))
	}
	return parts
}

func sayBacklog(r *report, groups []group) []string {
	t := r.tally(items(groups))
	return []string{phrases(groups) + scope(t), forTeammates(t), doneOutcome(t)}
}

func sayJudgment(r *report, groups []group) []string {
	t := r.tally(items(groups))
	parts := []string{phrases(groups) + scope(t)}
	if t.epics > 0 {
		parts = append(parts, " in "+quantity(t.epics, "epic", "epics"))
	}
	return append(parts, doneOutcome(t))
}

// sayPlanning counts releases: "Planned 116 issues into 14 releases and
// shaped sprint scope for 95 issues across 3 projects; 98 of the 160
// issues are done."
func sayPlanning(r *report, groups []group) []string {
	t := r.tally(items(groups))
	var claims []string
	for _, g := range groups {
		n := claimCount(g.category, g.items)
		if g.category.ID == evidence.CatReleasePlanning {
			if releases := r.tally(g.items).releases; releases > 0 {
				claims = append(claims, "planned "+quantity(n, "issue", "issues")+" into "+quantity(releases, "release", "releases"))
				continue
			}
		}
		claims = append(claims, g.category.Claim(n))
	}
	return []string{joinAnd(claims) + scope(t), forTeammates(t), doneOutcome(t)}
}

// sayUpdates: "Posted 84 stakeholder updates on 53 issues across 3
// projects, 6 of them epics."
func sayUpdates(r *report, groups []group) []string {
	all := items(groups)
	t := r.tally(all)
	parts := []string{phrases(groups) + " on " + quantity(t.issues, "issue", "issues") + scope(t)}
	epics := make(map[issueRef]bool)
	for _, e := range all {
		if e.IssueType == "Epic" {
			epics[issueRef{e.SiteName, e.IssueKey}] = true
		}
	}
	switch {
	case len(epics) == 1 && t.issues == 1:
		parts = append(parts, ", an epic")
	case len(epics) == 1:
		parts = append(parts, ", 1 of them an epic")
	case len(epics) > 1:
		parts = append(parts, ", "+strconv.Itoa(len(epics))+" of them epics")
	}
	return parts
}

// sayUnblocking: "Unblocked 8 teammates on 59 issues across 3 projects,
// clearing blocks that had stood for a median of 2.5 days; 50 of the 59
// issues are done." Without assignees it falls back to issues.
func sayUnblocking(r *report, groups []group) []string {
	t := r.tally(items(groups))
	if t.teammates == 0 {
		return []string{phrases(groups) + scope(t), blockedMedian(t), doneOutcome(t)}
	}
	return []string{"unblocked " + quantity(t.teammates, "teammate", "teammates") + " on " +
		quantity(t.issues, "issue", "issues") + scope(t), blockedMedian(t), doneOutcome(t)}
}

// blockedMedian says how long the blocks the user cleared had stood, as a
// median, once there are enough measured blocks (3) for it to mean something.
func blockedMedian(t tally) string {
	if len(t.blocked) < 3 {
		return ""
	}
	sorted := slices.Clone(t.blocked)
	slices.Sort(sorted)
	median := sorted[len(sorted)/2]
	if len(sorted)%2 == 0 {
		median = (sorted[len(sorted)/2-1] + median) / 2
	}
	return ", clearing blocks that had stood for a median of " + roughDuration(median)
}

// roughDuration says a duration the way a résumé would: "5 hours", "2.5 days".
func roughDuration(d time.Duration) string {
	switch {
	case d < time.Hour:
		return "under an hour"
	case d < 48*time.Hour:
		return quantity(int(d.Hours()+0.5), "hour", "hours")
	}
	days := strconv.FormatFloat(d.Hours()/24, 'f', 1, 64)
	return strings.TrimSuffix(days, ".0") + " days"
}

// sayCrossTeam: "Coordinated 82 issues with other teams across 3
// projects for 8 teammates; 76 of the 82 issues are done."
func sayCrossTeam(r *report, groups []group) []string {
	t := r.tally(items(groups))
	return []string{"coordinated " + quantity(t.issues, "issue", "issues") + " with other teams" + scope(t),
		forTeammates(t), doneOutcome(t)}
}

func sayVerified(r *report, groups []group) []string {
	t := r.tally(items(groups))
	return []string{phrases(groups) + forTeammates(t) + scope(t)}
}

// sayIncidents says what the user did in incidents by kind of record:
// "Coordinated incidents on 26 issues: posted 31 incident updates and
// created 17 postmortems and follow-up issues."
func sayIncidents(r *report, groups []group) []string {
	t := r.tally(items(groups))
	var did []string
	if n := t.sources[evidence.SourceComment]; n > 0 {
		did = append(did, "posted "+quantity(n, "incident update", "incident updates"))
	}
	if n := t.sources[evidence.SourceIssue]; n > 0 {
		did = append(did, "created "+quantity(n, "postmortem or follow-up issue", "postmortems and follow-up issues"))
	}
	if n := t.sources[evidence.SourceChange] + t.sources[evidence.SourceWorklog] + t.sources[evidence.SourceManual]; n > 0 {
		did = append(did, "recorded "+quantity(n, "other incident action", "other incident actions"))
	}
	if t.issues == 0 {
		return []string{"coordinated incidents: " + joinAnd(did)}
	}
	return []string{"coordinated incidents on " + quantity(t.issues, "issue", "issues") + scope(t) + ": " + joinAnd(did)}
}

// sayOther is the bullet of a user's own category.
func sayOther(r *report, groups []group) []string {
	t := r.tally(items(groups))
	parts := []string{phrases(groups)}
	if t.issues > 0 {
		parts[0] += " on " + quantity(t.issues, "issue", "issues") + scope(t)
	}
	return parts
}

// truncate shortens s to at most n characters, ending with "…" if cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimRightFunc(string([]rune(s)[:n-1]), unicode.IsSpace) + "…"
}
