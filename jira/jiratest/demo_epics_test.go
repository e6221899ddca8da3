package jiratest

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// demoTexts are the projects' vocabularies by project key.
var demoTexts = map[string]*projectText{"OPS": &opsText, "PAY": &payText, "MOB": &appText}

// Every summary an epic's work lists is one the demo writes in that
// project, listed under one epic only, and every epic has stories of its
// own, so Me has something to write under each initiative.
func TestDemoEpicWorkIsTheProjectsWork(t *testing.T) {
	for key, text := range demoTexts {
		var summaries []string
		for _, st := range text.stories {
			summaries = append(summaries, st.summary)
		}
		summaries = append(append(append(summaries, text.tasks...), text.chores...), text.bugs...)
		if key == "OPS" {
			summaries = append(summaries, followUps...) // follow-ups are OPS issues
		}
		under := map[string]string{}
		for _, e := range text.epics {
			stories := 0
			for _, w := range e.work {
				if !slices.Contains(summaries, w) {
					t.Errorf("%s epic %q lists %q, which the project never writes", key, e.name, w)
				}
				if other, ok := under[w]; ok {
					t.Errorf("%s: %q serves both %q and %q", key, w, other, e.name)
				}
				under[w] = e.name
				if slices.ContainsFunc(text.stories, func(st storySeed) bool { return st.summary == w }) {
					stories++
				}
			}
			if stories < 3 {
				t.Errorf("%s epic %q has %d stories, want at least 3", key, e.name, stories)
			}
		}
	}
}

// A reader of the portfolio sees the work under an initiative as proof of
// it, so the demo files an issue only under an epic whose work lists it (in
// any phase), and each initiative Me has finished still gathers several.
func TestDemoFilesWorkOnlyUnderTheEpicItServes(t *testing.T) {
	for _, dep := range []string{DeploymentCloud, DeploymentServer} {
		site := demo(t, dep, 600)
		children := map[*Issue]int{}
		for _, is := range site.issues {
			if is.Parent == nil {
				continue
			}
			children[is.Parent]++
			initiative, _, _ := strings.Cut(is.Parent.Summary, ", phase ")
			i := slices.IndexFunc(demoTexts[is.Project.Key].epics, func(e epicSeed) bool { return e.summary == initiative })
			if i < 0 {
				t.Fatalf("%s: %s's epic %s %q is no epic of the roadmap", dep, is.Key, is.Parent.Key, is.Parent.Summary)
			}
			if e := demoTexts[is.Project.Key].epics[i]; !slices.ContainsFunc(e.work, func(w string) bool { return wordingOf(w).MatchString(is.Summary) }) {
				t.Errorf("%s: %s %q is filed under %s %q, which it does not serve", dep, is.Key, is.Summary, is.Parent.Key, is.Parent.Summary)
			}
		}
		for _, is := range site.issues {
			if is.Type == typeEpic && is.Reporter == site.Me && is.Resolution != nil && children[is] < 3 {
				t.Errorf("%s: Me's epic %s %q is done with %d issues under it, want several", dep, is.Key, is.Summary, children[is])
			}
		}
	}
}

// incidentCauses are every cause an incident may have.
var incidentCauses = []*incidentCause{causePool, causeCertificate, causeSchema, causeDisk}

// wordingOf matches the summaries written from a template of the work an
// epic lists, a follow-up in the words of any incident's cause.
func wordingOf(template string) *regexp.Regexp {
	i := slices.Index(followUps, template)
	if i < 0 {
		return summaryOf(template)
	}
	var alts []string
	for _, c := range incidentCauses {
		alts = append(alts, summaryOf(c.followUps[i]).String())
	}
	return regexp.MustCompile(strings.Join(alts, "|"))
}

// summaryOf matches the summaries written from a template: its slots
// filled, and maybe a service Me added later (meSummary).
func summaryOf(template string) *regexp.Regexp {
	re := regexp.QuoteMeta(template)
	for _, slot := range []string{"{$svc}", "{$region}"} {
		re = strings.ReplaceAll(re, regexp.QuoteMeta(slot), ".+")
	}
	return regexp.MustCompile("^" + re + `( \(.+\))?$`)
}

// Every demo of a week is one site, the one the tests check, dated that
// week: the generator's weekdays and hours stay where they were.
func TestDemoWeekOf(t *testing.T) {
	for _, tt := range []struct{ now, want time.Time }{
		{defaultDemoNow, defaultDemoNow},
		{defaultDemoNow.Add(time.Hour), defaultDemoNow},
		{defaultDemoNow.AddDate(0, 0, 13), defaultDemoNow.AddDate(0, 0, 7)},
		{defaultDemoNow.AddDate(0, 0, 14), defaultDemoNow.AddDate(0, 0, 14)},
		{defaultDemoNow.Add(-time.Hour), defaultDemoNow.AddDate(0, 0, -7)},
		{defaultDemoNow.AddDate(0, 0, -7), defaultDemoNow.AddDate(0, 0, -7)},
	} {
		if got := DemoWeekOf(tt.now); !got.Equal(tt.want) {
			t.Errorf("DemoWeekOf(%v) = %v, want %v", tt.now, got, tt.want)
		}
	}
}

// An epic's outcome that says how many days before (or after) a date it
// was done names the date, and the days are the ones from the outcome to
// it; a goal that
// names the date names the same one: "leaves support at the end of next
// quarter" of an epic closed "19 days before the 1.28 end of support"
// gave the reader three deadlines.
func TestDemoOutcomeDaysAheadAreTheGoalsDate(t *testing.T) {
	ahead := regexp.MustCompile(`(\d+ days? (?:before|after)) the 1\.28 end of support on (\d+ \w+)\.`)
	named := regexp.MustCompile(`leaves support (on \d+ \w+|at the end of [\w ]+)`)
	found := 0
	for _, is := range demo(t, DeploymentCloud, 2000).issues {
		for _, c := range is.Comments {
			m := ahead.FindStringSubmatch(c.Body)
			if m == nil {
				continue
			}
			found++
			due, err := time.Parse("2 January 2006", m[2]+" "+c.Created.UTC().Format("2006"))
			if err != nil {
				t.Fatalf("%s: %v", is.Key, err)
			}
			if margin := supportMargin(int(due.Sub(c.Created.UTC().Truncate(24*time.Hour)).Hours() / 24)); margin != m[1] {
				t.Errorf("%s says %s %s on %s, want %s", is.Key, m[1], m[2], c.Created.Format("2 Jan"), margin)
			}
			if goal := named.FindStringSubmatch(is.Description); goal != nil && goal[1] != "on "+m[2] {
				t.Errorf("%s: the goal says it leaves support %s, the outcome on %s", is.Key, goal[1], m[2])
			}
		}
	}
	if found == 0 {
		t.Fatal("no epic's outcome names the days before its date")
	}
}
