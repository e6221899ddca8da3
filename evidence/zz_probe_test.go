//go:build probe

package evidence

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Temporary probe over the demo dump; deleted before hand-off.
func TestProbeDemo(t *testing.T) {
	raw, err := os.ReadFile(os.Getenv("DUMP"))
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Me   User
		Rows []struct {
			Mine  int
			Issue Issue
			Act   Activity
		}
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	mode := os.Getenv("PROBE")
	tot, hit := map[Source]int{}, map[Source]int{}
	cats, rules := map[string]int{}, map[string]int{}
	var lines []string
	for _, r := range d.Rows {
		me := d.Me
		if r.Mine == 0 {
			if mode != "others" {
				continue
			}
			me = r.Act.Author // pretend the teammate is the user
		} else if mode == "others" {
			continue
		}
		evs := Classify(r.Act, r.Issue, me)
		tot[r.Act.Source]++
		if len(evs) > 0 {
			hit[r.Act.Source]++
		}
		for _, e := range evs {
			cats[e.Category]++
			rules[e.Rule]++
			if os.Getenv("SHOW") == e.Rule || os.Getenv("SHOW") == "all" {
				lines = append(lines, fmt.Sprintf("%s %s %s %s | %s", e.Rule, r.Issue.Key, r.Act.SourceID, r.Issue.Type, e.Excerpt))
			}
		}
	}
	for _, s := range []Source{SourceComment, SourceChange, SourceIssue} {
		fmt.Printf("%s: %d/%d = %.1f%%\n", s, hit[s], tot[s], 100*float64(hit[s])/float64(max(tot[s], 1)))
	}
	print := func(m map[string]int) {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			fmt.Printf("   %s %d\n", k, m[k])
		}
	}
	print(cats)
	print(rules)
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}

func TestProbeMissed(t *testing.T) {
	raw, _ := os.ReadFile(os.Getenv("DUMP"))
	var d struct {
		Me   User
		Rows []struct {
			Mine  int
			Issue Issue
			Act   Activity
		}
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	for _, r := range d.Rows {
		if r.Mine == 1 && string(r.Act.Source) == os.Getenv("SRC") && len(Classify(r.Act, r.Issue, d.Me)) == 0 {
			who := func(u User) string {
				switch {
				case u.ID == "":
					return "-"
				case u.Is(d.Me):
					return "me"
				}
				return "other"
			}
			fmt.Printf("[%s %s cr=%s as=%s] %q %v\n", r.Issue.Key, r.Issue.Type, who(r.Issue.Creator), who(r.Issue.Assignee), r.Act.Text, r.Act.Items)
		}
	}
}

func TestProbeLines(t *testing.T) {
	raw, _ := os.ReadFile("/tmp/recall/lines.txt")
	lee := clfIssue("Story", clfLee, clfLee)
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var got []string
		for _, e := range Classify(clfComment(strings.ReplaceAll(line, `\n`, "\n")), lee, clfMe) {
			got = append(got, e.Rule)
		}
		fmt.Printf("%-45v %s\n", got, line)
	}
}

func TestProbeRegexRuns(t *testing.T) {
	counts := map[string]int{}
	for _, m := range clfBenchMix() {
		if m.act.Text == "" {
			continue
		}
		it := indexText(PlainText(m.act.Text))
		for name, p := range builtinPatterns {
			for _, a := range p.alts {
				if !it.containsAny(a.keys) {
					continue
				}
				var ks []string
				for _, k := range a.keys {
					ks = append(ks, k.s)
				}
				counts[fmt.Sprintf("%s %v", name, ks)]++
			}
		}
	}
	for k, v := range counts {
		fmt.Println(v, k)
	}
}

func TestProbeKeys(t *testing.T) {
	for name, p := range builtinPatterns {
		for _, a := range p.alts {
			var ks []string
			for _, k := range a.keys {
				ks = append(ks, strconv.Quote(k.s))
			}
			fmt.Printf("%-26s %-60.60s %v\n", name, a.re.String()[4:], ks)
		}
	}
}

func TestProbeAltCost(t *testing.T) {
	type cost struct {
		name string
		d    time.Duration
	}
	var costs []cost
	mix := clfBenchMix()
	for name, p := range builtinPatterns {
		for _, a := range p.alts {
			start := time.Now()
			for i := 0; i < 200; i++ {
				for _, m := range mix {
					if m.act.Text == "" {
						continue
					}
					it := indexText(PlainText(m.act.Text))
					a.find(p, &it, -1)
				}
			}
			costs = append(costs, cost{name + " " + a.re.String(), time.Since(start)})
		}
	}
	sort.Slice(costs, func(i, j int) bool { return costs[i].d > costs[j].d })
	for _, c := range costs[:15] {
		fmt.Printf("%v %.120s\n", c.d, c.name)
	}
}
