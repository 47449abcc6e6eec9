package nbrunner

import "testing"

func TestStatusComparisonKeepsToTheOperatorsEnums(t *testing.T) {
	tolerance := 0.0001
	r := Result{Comparison: &Comparison{
		Strategy: "normalized", Result: "failed", GoldenPath: "/g.ipynb", TotalCells: 3, MatchedCells: 1, MismatchedCells: 2,
		FloatTolerance: &tolerance, DiffsOmitted: 0,
		Diffs: []CellDiff{
			{CellIndex: 1, CellType: "raw", DiffType: "output_mismatch", Expected: "a", Actual: "b", Diff: "-a\n+b", Severity: "major"},
			{CellIndex: 2, CellType: "code", DiffType: "execution_error", Actual: "ValueError", Diff: "+ValueError", Severity: "critical"},
		},
	}}
	c := r.StatusComparison()
	if c == nil || c.Strategy != "normalized" || c.Result != "failed" || c.TotalCells != 3 || c.MatchedCells != 1 || c.MismatchedCells != 2 || len(c.Diffs) != 2 {
		t.Fatalf("%+v", c)
	}
	if c.Diffs[0].CellType != "markdown" || c.Diffs[1].CellType != "code" || c.Diffs[1].Severity != "critical" {
		t.Errorf("diffs %+v", c.Diffs)
	}
	if (&Result{}).StatusComparison() != nil {
		t.Error("no --golden: no comparison")
	}
}
