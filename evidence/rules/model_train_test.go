package rules

import "testing"

// A category whose rules alone are as precise as the target would get no
// claims of the model's if each category kept the target on its own; chosen
// together, the precise categories make room for its surest claims, and no
// category falls below its floor.
func TestThresholdsAreChosenForAllCategoriesTogether(t *testing.T) {
	opts := TrainOptions{Precision: 0.95, CategoryPrecision: 0.90}
	rulesAlone := func(tp, fp, fn int) operatingPoint { return operatingPoint{threshold: 1.01, tp: tp, fp: fp, fn: fn} }
	points := [][]operatingPoint{
		// precise rules, nothing for the model to add
		{rulesAlone(100, 0, 0)},
		// rules at 95%; the model's points find more at 93% and 80%
		{rulesAlone(19, 1, 21), {threshold: 0.9, tp: 28, fp: 2, fn: 12}, {threshold: 0.6, tp: 36, fp: 9, fn: 4}},
	}
	if got := choosePoint(points[1], opts); got.threshold != 1.01 {
		t.Fatalf("on its own the category's threshold is %v; the test expects the rules alone", got.threshold)
	}
	got := choosePoints(points, opts)
	if got[1].threshold != 0.9 {
		t.Errorf("together: threshold %v, want 0.9 (93%% precise, and 97.8%% over both categories)", got[1].threshold)
	}

	// Where no choice keeps the precision over all, each category keeps
	// its own.
	imprecise := [][]operatingPoint{{rulesAlone(8, 2, 0), {threshold: 0.8, tp: 9, fp: 1, fn: 0}}}
	if got := choosePoints(imprecise, opts); got[0].threshold != 0.8 {
		t.Errorf("no point keeps 95%%: threshold %v, want the most precise, 0.8", got[0].threshold)
	}
}

// Thresholds are chosen on what the model may claim: where a rule ruled a
// category out (unless), the model's probability counts for nothing.
func TestOperatingPointsLeaveRuledOutCategoriesUnclaimed(t *testing.T) {
	exs := []trainExample{
		{want: []bool{false}, rules: map[int]bool{}, ruledOut: map[int]bool{0: true}, text: true},
		{want: []bool{true}, rules: map[int]bool{}, ruledOut: map[int]bool{}, text: true},
	}
	oof := [][]float64{{0.99}, {0.99}}
	for _, pt := range operatingPoints(exs, oof, 0, TrainOptions{MinThreshold: 0.5}) {
		if pt.threshold <= 0.99 && (pt.tp != 1 || pt.fp != 0) {
			t.Fatalf("at threshold %v: %d right, %d wrong; want the ruled-out example unclaimed", pt.threshold, pt.tp, pt.fp)
		}
	}
}

// Vetoes are chosen on what the model may withhold: a rule's claim the
// model may not veto (model-veto: false) stays claimed at every veto, as
// it does when classifying.
func TestOperatingPointsKeepUnvetoedClaims(t *testing.T) {
	exs := []trainExample{
		{want: []bool{false}, rules: map[int]bool{0: true}, kept: map[int]bool{0: true}, ruledOut: map[int]bool{}, text: true},
		{want: []bool{false}, rules: map[int]bool{0: true}, kept: map[int]bool{}, ruledOut: map[int]bool{}, text: true},
	}
	oof := [][]float64{{0.001}, {0.001}}
	for _, pt := range operatingPoints(exs, oof, 0, TrainOptions{MinThreshold: 0.5}) {
		want := 2
		if pt.veto > 0.001 {
			want = 1 // the vetoable claim is withheld, the other stays
		}
		if pt.fp != want {
			t.Fatalf("at veto %v: %d claims, want %d", pt.veto, pt.fp, want)
		}
	}
}
