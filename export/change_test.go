package export

import "testing"

// A result that states its baseline gets the change worked out, as a
// résumé reader looks for it; anything else that looks like two numbers
// (dates, versions, names, small changes, contradictions) gets none.
func TestChangeOfAResult(t *testing.T) {
	for result, want := range map[string]string{
		"EU checkout timeouts fell from 2.1% to 0.3% in the first month":                            "an 86% drop",
		"pages per on-call week averaged 13 over the last four weeks, down from 42 when we started": "a 69% drop",
		"16 pages a week on average since the 5th, from 42 in the quarter before":                   "a 62% drop",
		"Churn is 4.1% (was 6%)":                                                "a 32% drop",
		"Checkout p95 is 420 ms, was 900 ms":                                    "a 53% drop",
		"p95 went from 900 to 420ms":                                            "a 53% drop",
		"self-serve signups 1,240 a month against 310 a year ago":               "a 4× rise",
		"NPS 45, up from 30":                                                    "a 50% rise",
		"on-call pages 40 → 12":                                                 "a 70% drop",
		"releases went from 2 to 5 a month":                                     "a 2.5× rise",
		"failed payouts down from 18 a day to 0":                                "a 100% drop",
		"SLOs live for all 8 tier-1 services (we started with 1)":               "",
		"tests from 3 to all 12 services":                                       "",
		"SLOs on 8 services now, we started with 1":                             "an 8× rise",
		"tickets from 100 to 89":                                                "an 11% drop",
		"production defects came down from 11 (4.10 + 4.11) to 3 (4.13 + 4.14)": "a 73% drop",
		"defects 3 (two releases) against 11 (the two before)":                  "a 73% drop",
		// no baseline, or nothing to work out
		"8 of 8 services have SLOs": "",
		"Delivery success 99.99% for six weeks, up from 99.2% in the quarter before": "",
		"Checkout p95 is 420 ms":                                 "",
		"rolled out from 3 March to 14 April":                    "",
		"from 2025 to 2026 the queue halved":                     "",
		"upgraded from 1.30 to 1.31.2 on all clusters":           "",
		"moved from p95 to p99 alerts":                           "",
		"tier-1 services from 3 to 3":                            "",
		"errors at 12, down from 9":                              "",
		"since the 5th, 14 pages a week":                         "",
		"latency 300 ms for 3 weeks, down from 900 ms":           "a 67% drop",
		"tickets about 900 down 50% (from 62 a month)":           "",
		"Tickets about lost payments down 80% (from 62 a month)": "",
		"on call from 9 am to 5 pm":                              "",
	} {
		got, ok := changeOf(result)
		if got.Text != want || ok != (want != "") {
			t.Errorf("changeOf(%q) = %q, %v; want %q", result, got.Text, ok, want)
		}
	}
}

// The change keeps the two numbers as the result writes them and the
// percentage it is worked out from.
func TestChangeOfKeepsItsNumbers(t *testing.T) {
	got, ok := changeOf("timeouts fell from 2.1% to 0.3% in the first month")
	want := resultChange{Text: "an 86% drop", From: "2.1%", To: "0.3%", Percent: -86}
	if !ok || got != want {
		t.Errorf("got %+v, %v; want %+v", got, ok, want)
	}
}
