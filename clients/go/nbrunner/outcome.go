package nbrunner

import (
	"fmt"
)

// Outcome is what a controller knows about the finished validator container: its exit code
// and reason from the pod status, nbrunner's termination message, and the result from the
// pod log. Build it with NewOutcome.
type Outcome struct {
	ExitCode int32  // terminated.ExitCode
	Reason   string // terminated.Reason: Completed, Error, OOMKilled, …

	// Termination is nbrunner's termination message; nil when the container has none of
	// nbrunner's (TerminationError says why).
	Termination      *TerminationMessage
	TerminationError error

	// Result is the full result from the pod log; nil when the log was not read, holds no
	// block, or holds one for another exit code (SummaryError says why).
	Result       *Result
	SummaryError error
}

// NewOutcome reads a terminated validator container: exitCode, reason and message are
// terminated.ExitCode, terminated.Reason and terminated.Message from
// pod.status.containerStatuses[]; podLog is the container's log, or "" when the controller
// did not read it. Nothing here fails: what could not be read is nil, with its error.
func NewOutcome(exitCode int32, reason, message, podLog string) Outcome {
	o := Outcome{ExitCode: exitCode, Reason: reason}
	o.Termination, o.TerminationError = ParseTerminationMessage(message, exitCode)
	if podLog == "" {
		o.SummaryError = fmt.Errorf("%w: the log was not read", ErrNoSummary)
		return o
	}
	result, err := ParseSummary(podLog)
	switch {
	case err != nil:
		o.SummaryError = err
	case int32(result.ExitCode) != exitCode:
		o.SummaryError = fmt.Errorf("%w: the block's exit_code %d is not the container's %d", ErrNoSummary, result.ExitCode, exitCode)
	default:
		o.Result = result
	}
	return o
}

// Succeeded reports whether the validation passed: nbrunner exits 0 only then (a failing
// cell, a validation policy, a golden mismatch, a timeout all exit non-zero).
func (o Outcome) Succeeded() bool {
	return o.ExitCode == 0
}

// Category is nbrunner's error category, from the termination message or the result; ""
// when neither says (no nbrunner message, or its last-resort form and no log).
func (o Outcome) Category() string {
	if o.Termination != nil && o.Termination.ErrorCategory != "" {
		return o.Termination.ErrorCategory
	}
	if o.Result != nil {
		return o.Result.ErrorCategory
	}
	return ""
}

// RetryDecision says whether running the same pod again could change the outcome, and why.
type RetryDecision struct {
	Retry bool
	Why   string
}

// Retry decides from nbrunner's retryable (termination message first, then the result), and
// when neither is there from the exit code alone (RetryForExitCode). It never looks at the
// text of a message: a notebook failing with "permission denied" in its error is as final
// as any other failing cell.
func (o Outcome) Retry() RetryDecision {
	if o.ExitCode == 0 {
		return RetryDecision{false, "the validation passed"}
	}
	if o.Termination != nil && o.Termination.Retryable != nil {
		return RetryDecision{*o.Termination.Retryable, fmt.Sprintf("nbrunner's termination message says retryable=%t (%s, exit %d)", *o.Termination.Retryable, o.Category(), o.ExitCode)}
	}
	if o.Result != nil {
		return RetryDecision{o.Result.Retryable, fmt.Sprintf("nbrunner's result says retryable=%t (%s, exit %d)", o.Result.Retryable, o.Result.ErrorCategory, o.ExitCode)}
	}
	return RetryForExitCode(o.ExitCode, o.Reason)
}

// RetryForExitCode decides from the container's exit code and reason alone, for an exit
// without nbrunner's termination message or with its last-resort form {"exit_code":N}
// (docs/exit-codes.md). A controller that runs the pod through a Job can express the same as
// a podFailurePolicy on exit codes.
func RetryForExitCode(exitCode int32, reason string) RetryDecision {
	switch exitCode {
	case 0:
		return RetryDecision{false, "the validation passed"}
	case 1:
		return RetryDecision{false, "exit 1: a cell raised, or validation or the golden comparison failed; it fails the same way again"}
	case 2:
		return RetryDecision{false, "exit 2: bad input (options, notebook, parameters); it fails the same way again"}
	case 3:
		return RetryDecision{false, "exit 3: the environment lacks something (papermill, the kernel, a writable HOME); it fails the same way again"}
	case 4:
		return RetryDecision{true, "exit 4: the secrets were not available; they may be on the next try"}
	case 5:
		return RetryDecision{false, "exit 5: the run exceeded its timeout; it would again"}
	case 6:
		return RetryDecision{true, "exit 6: the kernel died; it may not on the next try"}
	case 7:
		return RetryDecision{true, "exit 7: an internal error or an outside kill of papermill"}
	case 129, 130, 143:
		return RetryDecision{true, fmt.Sprintf("exit %d: nbrunner was stopped by signal %d (pod deleted or evicted)", exitCode, exitCode-128)}
	case 137:
		if reason == "OOMKilled" {
			return RetryDecision{false, "exit 137, OOMKilled: the container ran out of memory; it would again with the same limits"}
		}
		return RetryDecision{true, "exit 137: the container was killed (SIGKILL after the grace period, or an eviction)"}
	}
	return RetryDecision{false, fmt.Sprintf("exit %d (%s) is not one of nbrunner's exit codes: the validator could not run nbrunner (a wrong image or command)", exitCode, reason)}
}
