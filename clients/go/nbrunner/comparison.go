package nbrunner

// ComparisonStatus is the operator's status.comparisonResult (its ComparisonResult), with the
// same JSON names, ready to convert field by field or through JSON.
type ComparisonStatus struct {
	Strategy        string           `json:"strategy"` // exact or normalized
	Result          string           `json:"result"`   // matched, failed or skipped
	TotalCells      int              `json:"totalCells"`
	MatchedCells    int              `json:"matchedCells"`
	MismatchedCells int              `json:"mismatchedCells"`
	Diffs           []CellDiffStatus `json:"diffs,omitempty"`
}

// CellDiffStatus is one entry of ComparisonStatus.Diffs (the operator's CellDiff).
type CellDiffStatus struct {
	CellIndex int    `json:"cellIndex"`
	CellType  string `json:"cellType"` // code or markdown
	DiffType  string `json:"diffType"`
	Expected  string `json:"expected,omitempty"`
	Actual    string `json:"actual,omitempty"`
	Diff      string `json:"diff,omitempty"`
	Severity  string `json:"severity"`
}

// StatusComparison converts the golden comparison for status.comparisonResult; nil when the
// run had no --golden. The operator's CRD allows cellType code or markdown only, so a raw
// cell's diff says markdown (a cell that is not code). nbrunner's additions (golden_path,
// ignored_cells, float_tolerance, diffs_omitted, reason) have no place there: they stay in
// Result.Comparison.
func (r *Result) StatusComparison() *ComparisonStatus {
	c := r.Comparison
	if c == nil {
		return nil
	}
	out := &ComparisonStatus{
		Strategy:        c.Strategy,
		Result:          c.Result,
		TotalCells:      c.TotalCells,
		MatchedCells:    c.MatchedCells,
		MismatchedCells: c.MismatchedCells,
	}
	for _, d := range c.Diffs {
		cellType := d.CellType
		if cellType != "code" {
			cellType = "markdown"
		}
		out.Diffs = append(out.Diffs, CellDiffStatus{
			CellIndex: d.CellIndex, CellType: cellType, DiffType: d.DiffType,
			Expected: d.Expected, Actual: d.Actual, Diff: d.Diff, Severity: d.Severity,
		})
	}
	return out
}
