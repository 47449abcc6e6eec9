package nbrunner

import (
	"strings"
	"time"
)

// CellStatus is one entry of the operator's status.results (its CellResult), with the same
// JSON names, ready to convert field by field or through JSON.
type CellStatus struct {
	CellIndex int    `json:"cellIndex"` // the index in the SOURCE notebook
	Status    string `json:"status"`    // Success, Failure or Skipped
	// ExecutionTime is the cell's duration as Go writes a time.Duration ("1.5s"), the JSON form
	// of a metav1.Duration; "" when papermill recorded none.
	ExecutionTime string `json:"executionTime,omitempty"`
	// Output is a failed cell's traceback, at most MaxCellOutputBytes.
	Output string `json:"output,omitempty"`
	// ErrorMessage is a failed cell's error, or why a code cell was skipped (nbrunner's note,
	// e.g. "not run: execution stopped before this cell"); at most MaxCellMessageBytes.
	ErrorMessage string `json:"errorMessage,omitempty"`
}

// Values of CellStatus.Status (the operator's CellResult enum).
const (
	CellStatusSuccess = "Success"
	CellStatusFailure = "Failure"
	CellStatusSkipped = "Skipped"
)

// Limits of the texts StatusResults copies into each entry.
const (
	MaxCellOutputBytes  = 2000
	MaxCellMessageBytes = 1024
)

// Succeeded reports whether the cell ran and passed. A skipped code cell (not run because an
// earlier cell failed, the run stopped, a skip-execution tag) and a markdown or raw cell are
// not successes.
func (c Cell) Succeeded() bool {
	return c.Status == CellSucceeded
}

// StatusResults converts every cell, failed runs included, into status.results entries:
// succeeded → Success; failed → Failure with its error and traceback; skipped code cells,
// code cells without a known status, and markdown and raw cells (never run) → Skipped.
func (r *Result) StatusResults() []CellStatus {
	out := make([]CellStatus, 0, len(r.Cells))
	for _, c := range r.Cells {
		s := CellStatus{CellIndex: c.CellIndex}
		if c.DurationSeconds != nil {
			s.ExecutionTime = time.Duration(*c.DurationSeconds * float64(time.Second)).Round(time.Millisecond).String()
		}
		switch {
		case c.Status == CellSucceeded:
			s.Status = CellStatusSuccess
		case c.Status == CellFailed:
			s.Status = CellStatusFailure
			message := c.Error
			if message == "" {
				message = c.Note
			}
			s.ErrorMessage = ClipUTF8(message, MaxCellMessageBytes)
			s.Output = ClipUTF8(strings.Join(c.Traceback, "\n"), MaxCellOutputBytes)
		case c.CellType == "code":
			s.Status = CellStatusSkipped
			note := c.Note
			if note == "" && c.Status != CellSkipped {
				note = "status " + c.Status
			}
			s.ErrorMessage = ClipUTF8(note, MaxCellMessageBytes)
		default:
			s.Status = CellStatusSkipped
		}
		out = append(out, s)
	}
	return out
}
