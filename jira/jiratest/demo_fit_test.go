package jiratest_test

import (
	"regexp"
	"testing"
	"time"
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
// is one.
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
					if fault := faultReasons.MatchString(m[1]); fault != (is.Type.Name == "Bug") {
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
