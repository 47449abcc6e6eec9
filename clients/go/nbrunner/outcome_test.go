package nbrunner

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRetryForExitCode(t *testing.T) {
	for code, want := range map[int32]bool{0: false, 1: false, 2: false, 3: false, 4: true, 5: false, 6: true, 7: true, 129: true, 130: true, 143: true, 126: false, 127: false, 255: false} {
		if got := RetryForExitCode(code, "Error"); got.Retry != want || got.Why == "" {
			t.Errorf("exit %d: %+v, want %t", code, got, want)
		}
	}
	if RetryForExitCode(137, "OOMKilled").Retry || !RetryForExitCode(137, "Error").Retry {
		t.Error("137: OOMKilled is final, another SIGKILL is not")
	}
}

// The decision never reads the message: a failing cell whose error says "permission denied"
// is not retried, a retryable secrets failure is, whatever its text.
func TestRetryIgnoresMessageText(t *testing.T) {
	no, yes := false, true
	cell := NewOutcome(1, "Error", `{"error_category":"notebook_execution_failed","exit_code":1,"message":"cell 1 raised PermissionError: permission denied; timeout; connection refused","retryable":false,"status":"failed"}`, "")
	if cell.Termination == nil || *cell.Termination.Retryable != no || cell.Retry().Retry {
		t.Errorf("cell failure: %+v", cell.Retry())
	}
	secrets := NewOutcome(4, "Error", `{"error_category":"secrets_unavailable","exit_code":4,"message":"fatal error: do not retry","retryable":true,"status":"failed"}`, "")
	if secrets.Termination == nil || *secrets.Termination.Retryable != yes || !secrets.Retry().Retry {
		t.Errorf("secrets: %+v", secrets.Retry())
	}
}

// A 46 KB error of multi-byte characters, as a run stopped at cell 400 could have.
func TestStatusMessageFitsItsLimit(t *testing.T) {
	huge := strings.Repeat("é€𝄞 {\"x\"} ", 4000) + "\xff\xfe"
	o := Outcome{ExitCode: 143, Result: &Result{Status: StatusFailed, ExitCode: 143, ErrorCategory: CategoryCancelled, Error: huge}}
	for _, limit := range []int{DefaultMessageLimit, 32768, 1000, 7, 3, 2, 1, 0} {
		msg := o.StatusMessageWithin(limit)
		if len(msg) > limit || !utf8.ValidString(msg) {
			t.Errorf("limit %d: %d bytes, valid %t", limit, len(msg), utf8.ValidString(msg))
		}
		if limit >= 1000 && !strings.HasSuffix(msg, "…") {
			t.Errorf("limit %d: a cut message ends with …", limit)
		}
	}
	if msg := o.StatusMessage(); !strings.HasPrefix(msg, "Validation failed (cancelled, exit 143): é€𝄞") {
		t.Errorf("message %q", msg[:60])
	}
}

func TestClipUTF8(t *testing.T) {
	for _, c := range []struct {
		in    string
		limit int
		want  string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "…"},
		{"abcdef", 5, "ab…"},
		{"aé€", 6, "aé€"},
		{"aé€x", 6, "aé…"}, // € would leave no room for the ellipsis: cut before it
		{"aé€x", 5, "a…"},
		{"é€x", 5, "é…"},
		{"a\xffb", 10, "a\uFFFDb"},
		{"€€", 2, ""}, // no room for a character or the ellipsis
	} {
		if got := ClipUTF8(c.in, c.limit); got != c.want {
			t.Errorf("ClipUTF8(%q, %d) = %q, want %q", c.in, c.limit, got, c.want)
		}
	}
}

func TestNoResultMessage(t *testing.T) {
	o := NewOutcome(137, "OOMKilled", "", "")
	if msg := o.StatusMessage(); msg != "Validation failed: the validator exited 137, OOMKilled without a result from nbrunner" {
		t.Errorf("message %q", msg)
	}
	if o.Retry().Retry {
		t.Error("OOMKilled without a message: no retry")
	}
}

func TestStatusResultsOfSkippedAndFailedCells(t *testing.T) {
	one, d := 1, 1.25
	r := Result{Cells: []Cell{
		{CellIndex: 0, CellType: "markdown"},
		{CellIndex: 1, CellType: "code", ExecutionCount: &one, Status: CellSucceeded, DurationSeconds: &d},
		{CellIndex: 2, CellType: "code", Status: CellFailed, Error: "ValueError: " + strings.Repeat("x", 5000), Traceback: []string{strings.Repeat("€", 1000), "ValueError"}},
		{CellIndex: 3, CellType: "code", Status: CellSkipped, Note: "not run: execution stopped before this cell"},
		{CellIndex: 4, CellType: "code"},
		{CellIndex: 5, CellType: "raw"},
	}}
	got := r.StatusResults()
	want := []string{"Skipped", "Success", "Failure", "Skipped", "Skipped", "Skipped"}
	for i, s := range got {
		if s.Status != want[i] || s.CellIndex != i {
			t.Errorf("cell %d: %+v, want %s", i, s, want[i])
		}
	}
	if got[1].ExecutionTime != "1.25s" {
		t.Errorf("executionTime %q", got[1].ExecutionTime)
	}
	if len(got[2].ErrorMessage) > MaxCellMessageBytes || len(got[2].Output) > MaxCellOutputBytes || !utf8.ValidString(got[2].Output) {
		t.Errorf("failed cell texts: %d, %d bytes", len(got[2].ErrorMessage), len(got[2].Output))
	}
	if got[3].ErrorMessage != "not run: execution stopped before this cell" {
		t.Errorf("skipped cell: %q", got[3].ErrorMessage)
	}
	for _, c := range r.Cells[3:] {
		if c.Succeeded() {
			t.Errorf("cell %d is not a success", c.CellIndex)
		}
	}
}
