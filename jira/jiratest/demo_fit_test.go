package jiratest_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

var (
	// waitReasons are Me's comments that say an issue can wait or is not
	// worth doing, each with its reason as the first group.
	waitReasons = []*regexp.Regexp{
		regexp.MustCompile(`^Won't Do: (.+), and the cost \(`),
		regexp.MustCompile(`outweighs the benefit: (.+)\.$`),
		regexp.MustCompile(`^Not doing this one: (.+)\. Won't Do\.$`),
		regexp.MustCompile(`^Nice-to-have for now: (.+)\. It goes below`),
		regexp.MustCompile(`^P2, not P1: (.+?)\. (?:Revisit|I'll look)`),
		regexp.MustCompile(`^(?:Lowering|Dropping) the priority because (.+)\.$`),
		regexp.MustCompile(`^Deprioritising this [^:]*: (.+?), and `),
	}
	// faultReasons are the words of a reason that speaks of a fault: how
	// rarely it shows, whom it hits, what works around it.
	faultReasons = regexp.MustCompile(`(?i)\bonly (?:shows up|happens|affects)\b|\bhas seen it\b|\bworkaround\b|\bworks? around\b|\btimes out\b|\bfired\b|\bpages during\b|\berror text\b|\bhit under\b|\bshow it\b|\bhit it\b|\bstill arrives\b|\bresend\b|\baffected\b|\bsilence rule\b|\bpage a month\b|\bcan retry\b`)
)

// "Won't Do: the spinner times out on its own after a minute" on MOB-812,
// the story "Charge a payment confirmed offline only once", and "Not doing
// this one: it only shows up on the staging cluster" on a dashboard story:
// a story or a task is new work, and a reason to let it wait that speaks
// of how rarely a fault shows tells the reader the PM did not read the
// ticket. Me gives a fault's reasons only on a bug, and a bug's reason
// is one, a single clause.
func TestDemoReasonsToWaitFitTheKindOfIssue(t *testing.T) {
	reasons, bad := 0, 0
	for opts, site := range threadSites() {
		me := site.MyAccount().DisplayName
		for _, is := range site.Issues() {
			for _, c := range is.Comments {
				if c.Author.DisplayName != me {
					continue
				}
				for _, re := range waitReasons {
					m := re.FindStringSubmatch(c.Body)
					if m == nil {
						continue
					}
					reasons++
					if strings.Contains(m[1], ", and ") {
						// The templates join the reason to the next clause
						// with ", and": a reason of two reads as a run-on.
						bad++
						t.Errorf("%s, seed %d: %s gives a reason of two clauses: %q", opts.Deployment, opts.Seed, is.Key, c.Body)
					} else if fault := faultReasons.MatchString(m[1]); fault != (is.Type.Name == "Bug") {
						bad++
						t.Errorf("%s, seed %d: %s (%s, %q) on %s: %q",
							opts.Deployment, opts.Seed, is.Key, is.Type.Name, is.Summary, c.Created.Format(time.DateOnly), c.Body)
					}
					break
				}
			}
		}
	}
	if reasons == 0 {
		t.Error("Me gives no reason to let an issue wait: the test reads none of what it guards")
	}
	if bad > 0 {
		t.Errorf("%d of %d reasons to wait do not fit the kind of issue", bad, reasons)
	}
	t.Logf("%d reasons to wait", reasons)
}

// claimsRelease is Me saying an issue goes into a release: its name.
var claimsRelease = regexp.MustCompile(`^(?:Must-have for|Targeting|Aiming this at|This ships in|Go/no-go for) ([\w.-]*\w)(?:[:;]|\.(?:\s|$))`)

// shipped reports whether p's release of that name is out by t.
func shipped(p *jiratest.Project, name string, t time.Time) bool {
	i := slices.IndexFunc(p.Versions, func(v *jiratest.Version) bool { return v.Name == name })
	return i >= 0 && !p.Versions[i].ReleaseDate.After(t)
}

// "Not blocking for this release, and the cut-off was on the 26th. Moving
// it to the next release." on OPS-1254 on 3 August, and on 12 August
// "Must-have for platform-2026.08: without it every failover needs a
// restart of argo-cd": once Me has moved an issue out of a release, she
// does not call it a must-have for that release, nor target it, and a
// release she says an issue goes into is its fix version, if it has one
// still to ship.
func TestDemoIssuesMovedOutOfAReleaseStayOut(t *testing.T) {
	claims, bad := 0, 0
	for opts, site := range threadSites() {
		me := site.MyAccount().DisplayName
		for _, is := range site.Issues() {
			var out []string
			var outSaid []*jiratest.Comment
			for _, c := range is.Comments {
				if c.Author.DisplayName != me {
					continue
				}
				if notInRelease.MatchString(c.Body) {
					out = append(out, releaseAt(is.Project, c.Created))
					outSaid = append(outSaid, c)
					continue
				}
				m := claimsRelease.FindStringSubmatch(c.Body)
				if m == nil {
					continue
				}
				claims++
				if i := slices.Index(out, m[1]); i >= 0 {
					bad++
					t.Errorf("%s, seed %d: %s, Me moves it out of %s on %s, then on %s says %q",
						opts.Deployment, opts.Seed, is.Key, m[1], outSaid[i].Created.Format(time.DateOnly), c.Created.Format(time.DateOnly), c.Body)
				} else if fv := fixVersionsAt(is, c.Created); len(fv) > 0 && !slices.Contains(fv, m[1]) && !shipped(is.Project, fv[len(fv)-1], c.Created) {
					bad++
					t.Errorf("%s, seed %d: %s, fix version %v on %s, yet Me says %q",
						opts.Deployment, opts.Seed, is.Key, fv, c.Created.Format(time.DateOnly), c.Body)
				}
			}
		}
	}
	if claims == 0 {
		t.Error("Me puts no issue into a release: the test reads none of what it guards")
	}
	if bad > 0 {
		t.Errorf("%d of %d", bad, claims)
	}
	t.Logf("%d claims of a release", claims)
}

// backlogTalk are the words of Me's comments that rank an issue against
// the rest of the backlog or put it into a release.
var backlogTalk = regexp.MustCompile(`^(?:Release notes for|Added to the .+ release notes|Code freeze for|No-go for|Ordering for the next|Ranked this to the top|With our capacity|Realistically it's either|High impact for the effort|Parking this)`)

// "This ships in platform-2026.12; it goes out behind the flag, and we
// turn it on for 5% of merchants" on OPS-1297, a postmortem, and "Nice-to-
// have for now: it only happens on retries, 3 times in 8 weeks" on
// OPS-1186, another: a postmortem is the write-up of an incident, not a
// feature on the backlog, and ranking it or shipping it in a release reads
// as a template gone astray. Me says none of that on a postmortem.
func TestDemoPostmortemsGetNoBacklogTalk(t *testing.T) {
	postmortems, bad := 0, 0
	for opts, site := range threadSites() {
		me := site.MyAccount().DisplayName
		for _, is := range site.Issues() {
			if !slices.Contains(is.Labels, "postmortem") {
				continue
			}
			postmortems++
			for _, c := range is.Comments {
				if c.Author.DisplayName != me {
					continue
				}
				talk := pushesUp.MatchString(c.Body) || pushesDown.MatchString(c.Body) || notInRelease.MatchString(c.Body) ||
					claimsRelease.MatchString(c.Body) || backlogTalk.MatchString(c.Body) ||
					slices.ContainsFunc(waitReasons, func(re *regexp.Regexp) bool { return re.MatchString(c.Body) })
				if talk {
					bad++
					t.Errorf("%s, seed %d: postmortem %s on %s: %q", opts.Deployment, opts.Seed, is.Key, c.Created.Format(time.DateOnly), c.Body)
				}
			}
		}
	}
	if postmortems == 0 {
		t.Error("no postmortem: the test reads none of what it guards")
	}
	if bad > 0 {
		t.Errorf("%d comments on %d postmortems", bad, postmortems)
	}
}
