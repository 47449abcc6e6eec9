package nbrunner

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// TerminationMessage is nbrunner's compact JSON in the termination log, which the kubelet
// copies into pod.status.containerStatuses[].state.terminated.message
// (docs/termination-message.schema.json). It is at most --termination-budget bytes: over the
// budget nbrunner drops fields, down to {"exit_code":N} alone, so only ExitCode is certain.
type TerminationMessage struct {
	Status        string `json:"status,omitempty"`
	ErrorCategory string `json:"error_category,omitempty"`
	ExitCode      int32  `json:"exit_code"`
	// Retryable is nil only in the last-resort form {"exit_code":N}.
	Retryable       *bool                  `json:"retryable,omitempty"`
	Message         string                 `json:"message,omitempty"` // the result's error, maybe shortened (ends with …)
	FailedCell      *TerminationFailedCell `json:"failed_cell,omitempty"`
	Statistics      *TerminationStatistics `json:"statistics,omitempty"`
	DurationSeconds *float64               `json:"duration_seconds,omitempty"`
	ResultPath      string                 `json:"result_path,omitempty"`
}

// TerminationFailedCell is the failing cell as the termination message names it.
type TerminationFailedCell struct {
	CellIndex *int   `json:"cell_index,omitempty"`
	Ename     string `json:"ename,omitempty"`
	Evalue    string `json:"evalue,omitempty"`
	Reason    string `json:"reason,omitempty"`
}

// TerminationStatistics is the cell counts of the termination message.
type TerminationStatistics struct {
	TotalCells  int     `json:"total_cells"`
	CodeCells   int     `json:"code_cells"`
	FailedCells int     `json:"failed_cells"`
	SuccessRate float64 `json:"success_rate"`
}

// ErrNotNbrunner is returned (wrapped) by ParseTerminationMessage when the message is not one
// nbrunner wrote for this exit: empty (nbrunner did not get to write one: an OOM kill of the
// whole container, a SIGKILL after the grace period, a binary that could not start), the tail
// of the log that terminationMessagePolicy: FallbackToLogsOnError put there instead, or a JSON
// whose exit_code is not the container's.
var ErrNotNbrunner = errors.New("not a termination message of nbrunner")

// ParseTerminationMessage decodes the terminated container's message (terminated.Message)
// and checks it against the container's exit code (terminated.ExitCode). It returns an error
// wrapping ErrNotNbrunner when the message is not nbrunner's for this exit; the controller
// then falls back to the exit code and the pod log.
func ParseTerminationMessage(message string, containerExitCode int32) (*TerminationMessage, error) {
	text := strings.TrimSpace(message)
	if text == "" {
		return nil, fmt.Errorf("%w: the message is empty", ErrNotNbrunner)
	}
	if !strings.HasPrefix(text, "{") {
		return nil, fmt.Errorf("%w: the message is not a JSON object", ErrNotNbrunner)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &fields); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotNbrunner, err)
	}
	if _, ok := fields["exit_code"]; !ok {
		return nil, fmt.Errorf("%w: no exit_code", ErrNotNbrunner)
	}
	var m TerminationMessage
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotNbrunner, err)
	}
	if m.ExitCode != containerExitCode {
		return nil, fmt.Errorf("%w: its exit_code %d is not the container's %d", ErrNotNbrunner, m.ExitCode, containerExitCode)
	}
	return &m, nil
}
