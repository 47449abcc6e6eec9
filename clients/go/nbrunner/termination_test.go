package nbrunner

import (
	"errors"
	"testing"
)

func TestTerminationMessageForms(t *testing.T) {
	full := `{"duration_seconds":3.681,"error_category":"notebook_execution_failed","exit_code":1,"failed_cell":{"cell_index":3,"ename":"ValueError","evalue":"x"},"message":"cell 3 (In [4]) raised ValueError: x","retryable":false,"statistics":{"code_cells":4,"failed_cells":1,"success_rate":50,"total_cells":5},"status":"failed","added_later":true}`
	m, err := ParseTerminationMessage(full, 1)
	if err != nil || m.Retryable == nil || *m.Retryable || m.FailedCell == nil || *m.FailedCell.CellIndex != 3 || m.Statistics.CodeCells != 4 {
		t.Fatalf("full form: %+v, %v", m, err)
	}
	last, err := ParseTerminationMessage(`{"exit_code":143}`, 143)
	if err != nil || last.Retryable != nil || last.ErrorCategory != "" {
		t.Fatalf("last-resort form: %+v, %v", last, err)
	}
	o := Outcome{ExitCode: 143, Termination: last}
	if d := o.Retry(); !d.Retry {
		t.Errorf("last-resort 143 must be retried by its exit code: %+v", d)
	}
}

func TestTerminationMessageNotNbrunners(t *testing.T) {
	for name, c := range map[string]struct {
		message string
		code    int32
	}{
		"empty":               {"", 137},
		"log tail (fallback)": {"Traceback (most recent call last):\n  File \"x\"\nMemoryError\n", 137},
		"JSON printed last":   {`{"exit_code": 0}`, 137},
		"JSON without a code": {`{"status":"failed"}`, 1},
		"array":               {`[1]`, 1},
		"cut JSON":            {`{"exit_code":1,"message":"ab`, 1},
	} {
		if _, err := ParseTerminationMessage(c.message, c.code); !errors.Is(err, ErrNotNbrunner) {
			t.Errorf("%s: want ErrNotNbrunner, got %v", name, err)
		}
	}
}
