// Package nbrunner reads what nbrunner reports about a notebook run, for a Kubernetes
// controller such as the Jupyter Notebook Validator Operator's: the termination message
// (ParseTerminationMessage), the full result from the pod log (ParseSummary), and the
// decisions a controller takes from them (Outcome: retry or not, per-cell status, the golden
// comparison for status.comparisonResult, a status message that fits its limit).
//
// The JSON formats are described in nbrunner's docs/result-format.md, docs/result.schema.json
// and docs/termination-message.schema.json. Fields are added over time, never renamed:
// unknown fields are ignored when decoding. Standard library only.
package nbrunner

// Result is nbrunner's full result JSON: the --result file, and the JSON after the
// `Results Summary:` line at the end of the pod log (docs/result.schema.json).
//
// The first eight fields have the Go names, JSON names and types of the operator's
// NotebookExecutionResult (and Cells and Statistics those of its CellExecutionResult and
// ExecutionStatistics), so code written against those structs reads a Result unchanged.
type Result struct {
	Status                   string     `json:"status"` // StatusSucceeded or StatusFailed
	Error                    string     `json:"error"`  // the one-line failure; "None" on success
	ExitCode                 int        `json:"exit_code"`
	NotebookPath             string     `json:"notebook_path"`
	ExecutionDurationSeconds int        `json:"execution_duration_seconds"`
	Timestamp                string     `json:"timestamp"`
	Cells                    []Cell     `json:"cells"`
	Statistics               Statistics `json:"statistics"`

	// Additions (schema_version 1).
	SchemaVersion   int          `json:"schema_version"`
	ErrorCategory   string       `json:"error_category"` // one of the Category constants
	Retryable       bool         `json:"retryable"`
	FailedCell      *FailedCell  `json:"failed_cell,omitempty"`
	Validation      *Validation  `json:"validation,omitempty"`
	Comparison      *Comparison  `json:"comparison,omitempty"`
	KernelName      string       `json:"kernel_name,omitempty"`
	OutputPath      string       `json:"output_path,omitempty"`
	ResultPath      string       `json:"result_path,omitempty"`
	Python          *Python      `json:"python,omitempty"`
	Papermill       *Papermill   `json:"papermill,omitempty"`
	StartedAt       string       `json:"started_at"`
	FinishedAt      string       `json:"finished_at"`
	DurationSeconds float64      `json:"duration_seconds"`
	Runner          Runner       `json:"runner"`
	Environment     *Environment `json:"environment,omitempty"`
	Secrets         *Secrets     `json:"secrets,omitempty"`
	Sandbox         *Sandbox     `json:"sandbox,omitempty"`
}

// Values of Result.Status and TerminationMessage.Status.
const (
	StatusSucceeded = "succeeded"
	StatusFailed    = "failed"
)

// Values of Result.ErrorCategory and TerminationMessage.ErrorCategory (docs/exit-codes.md).
// Categories are added over time, never renamed.
const (
	CategoryNone                        = "none"
	CategoryNotebookExecutionFailed     = "notebook_execution_failed"
	CategoryConfigurationError          = "configuration_error"
	CategoryInvalidNotebook             = "invalid_notebook"
	CategoryDependencyMissing           = "dependency_missing"
	CategoryDependencyInstallFailed     = "dependency_install_failed"
	CategoryEnvironmentSetupFailed      = "environment_setup_failed"
	CategorySecretsUnavailable          = "secrets_unavailable"
	CategoryTimeout                     = "timeout"
	CategoryKernelDied                  = "kernel_died"
	CategoryInternalError               = "internal_error"
	CategoryCancelled                   = "cancelled"
	CategoryValidationStderrFailure     = "validation_stderr_failure"
	CategoryValidationWarningFailure    = "validation_warning_failure"
	CategoryValidationStrictModeFailure = "validation_strict_mode_failure"
	CategoryGoldenMismatch              = "golden_mismatch"
	CategoryHardcodedCredentials        = "hardcoded_credentials"
)

// Cell is one cell of the SOURCE notebook (CellIndex is its index there). Code cells have a
// Status; markdown and raw cells never do.
type Cell struct {
	CellIndex      int      `json:"cell_index"`
	CellType       string   `json:"cell_type"`        // code, markdown or raw
	ExecutionCount *int     `json:"execution_count"`  // nil when the cell never ran
	Status         string   `json:"status,omitempty"` // CellSucceeded, CellFailed, CellSkipped; "" for non-code cells
	Error          string   `json:"error,omitempty"`
	Traceback      []string `json:"traceback,omitempty"`

	// Additions.
	Ename           string   `json:"ename,omitempty"`
	Evalue          string   `json:"evalue,omitempty"`
	DurationSeconds *float64 `json:"duration_seconds,omitempty"`
	Note            string   `json:"note,omitempty"` // why the cell has its status, when not obvious
}

// Values of Cell.Status.
const (
	CellSucceeded = "succeeded"
	CellFailed    = "failed"
	CellSkipped   = "skipped"
)

// Statistics counts the cells. SuccessRate is SucceededCells / CodeCells × 100 (skipped
// cells count against it); without code cells, 100 when the run succeeded and 0 when it
// failed (bad options, an unreadable notebook).
type Statistics struct {
	TotalCells  int     `json:"total_cells"`
	CodeCells   int     `json:"code_cells"`
	FailedCells int     `json:"failed_cells"`
	SuccessRate float64 `json:"success_rate"`

	// Additions.
	SucceededCells int `json:"succeeded_cells"`
	SkippedCells   int `json:"skipped_cells"`
}

// FailedCell is the first failing cell in source order. CellIndex is nil for papermill's
// injected-parameters cell (InjectedParameters) and for a golden mismatch on a cell only the
// golden notebook has (Reason only).
type FailedCell struct {
	CellIndex          *int   `json:"cell_index,omitempty"`
	ExecutionCount     *int   `json:"execution_count,omitempty"`
	Ename              string `json:"ename,omitempty"`
	Evalue             string `json:"evalue,omitempty"`
	InjectedParameters bool   `json:"injected_parameters,omitempty"`
	Reason             string `json:"reason,omitempty"` // a validation finding or a golden difference
}

// Validation is the validation policy in force and what it found (docs/validation.md).
type Validation struct {
	Policy                ValidationPolicy    `json:"policy"`
	Status                string              `json:"status"` // passed, failed, not_checked
	OffendingCells        []OffendingCell     `json:"offending_cells"`
	OffendingCellsOmitted int                 `json:"offending_cells_omitted,omitempty"`
	Warnings              []ValidationWarning `json:"warnings"`
	WarningsOmitted       int                 `json:"warnings_omitted,omitempty"`
}

// ValidationPolicy is the level and the four settings, each with where it came from.
type ValidationPolicy struct {
	Level                string        `json:"level"`
	LevelSource          string        `json:"level_source"`
	FailOnStderr         PolicySetting `json:"fail_on_stderr"`
	FailOnWarnings       PolicySetting `json:"fail_on_warnings"`
	StrictMode           PolicySetting `json:"strict_mode"`
	DetectSilentFailures PolicySetting `json:"detect_silent_failures"`
	// FailOnHardcodedCredentials: a credential written into a code cell fails the run
	// (hardcoded_credentials); off, it is a warning.
	FailOnHardcodedCredentials PolicySetting `json:"fail_on_hardcoded_credentials"`
}

// PolicySetting is one validation setting and its origin (a flag, a variable, "level L").
type PolicySetting struct {
	Enabled bool   `json:"enabled"`
	Source  string `json:"source"`
}

// OffendingCell is a cell that fails a validation policy.
type OffendingCell struct {
	CellIndex      int       `json:"cell_index"`
	ExecutionCount *int      `json:"execution_count,omitempty"`
	Category       string    `json:"category"`
	Reasons        []Finding `json:"reasons"`
}

// Finding is one reason a cell fails validation.
type Finding struct {
	Kind    string `json:"kind"` // stderr, warning, silent_failure, allowed_error
	Message string `json:"message"`
}

// ValidationWarning is a finding that does not fail the run.
type ValidationWarning struct {
	CellIndex int    `json:"cell_index"`
	Kind      string `json:"kind"`
	Message   string `json:"message"`
}

// Comparison is the golden comparison (--golden). Its fields are those of the operator's
// ComparisonResult and CellDiff in snake_case, plus additions; StatusComparison converts it
// to the operator's camelCase shape.
type Comparison struct {
	Strategy           string     `json:"strategy"` // exact or normalized
	Result             string     `json:"result"`   // matched, failed or skipped
	GoldenPath         string     `json:"golden_path"`
	TotalCells         int        `json:"total_cells"`
	MatchedCells       int        `json:"matched_cells"`
	MismatchedCells    int        `json:"mismatched_cells"`
	IgnoredCells       int        `json:"ignored_cells"`
	FloatTolerance     *float64   `json:"float_tolerance,omitempty"`
	IgnoredOutputTypes []string   `json:"ignored_output_types,omitempty"`
	Diffs              []CellDiff `json:"diffs"`
	DiffsOmitted       int        `json:"diffs_omitted,omitempty"`
	Reason             string     `json:"reason,omitempty"` // why the comparison was skipped
}

// CellDiff is one difference from the golden notebook (at most 20 are listed).
type CellDiff struct {
	CellIndex int    `json:"cell_index"`
	CellType  string `json:"cell_type"`
	DiffType  string `json:"diff_type"` // output_mismatch, execution_error, missing_cell, extra_cell
	Expected  string `json:"expected"`
	Actual    string `json:"actual"`
	Diff      string `json:"diff"`
	Severity  string `json:"severity"` // major, or critical for an execution_error
}

// Python is the interpreter that ran papermill.
type Python struct {
	Executable string `json:"executable"`
	Version    string `json:"version"`
}

// Papermill is papermill's version and how it ended (ReturnCode or Signal, not both).
type Papermill struct {
	Version    string `json:"version,omitempty"`
	ReturnCode *int   `json:"return_code,omitempty"`
	Signal     *int   `json:"signal,omitempty"`
}

// Runner is nbrunner itself.
type Runner struct {
	Version string `json:"version"`
}

// Environment is who nbrunner ran as and what it decided about HOME, TMPDIR and the Jupyter
// and Python locations.
type Environment struct {
	UID         uint32     `json:"uid"`
	GID         uint32     `json:"gid"`
	Groups      []uint32   `json:"groups"`
	User        string     `json:"user,omitempty"`
	PasswdEntry bool       `json:"passwd_entry"`
	PasswdHome  string     `json:"passwd_home,omitempty"`
	Scratch     string     `json:"scratch,omitempty"`
	Locations   []Location `json:"locations"`
	Notes       []string   `json:"notes"`
}

// Location is one environment decision (kept, default, set, redirected, unavailable).
type Location struct {
	Name     string `json:"name"`
	Decision string `json:"decision"`
	Path     string `json:"path,omitempty"`
	From     string `json:"from,omitempty"`
	Reason   string `json:"reason,omitempty"`
}

// Secrets lists the secrets files looked at and the variable NAMES loaded, never a value.
type Secrets struct {
	Files             []SecretsFile `json:"files"`
	Keys              []string      `json:"keys"`
	RedactedVariables []string      `json:"redacted_variables"`
	MaskedFiles       []string      `json:"masked_files"`
}

// SecretsFile is one secrets file and what was loaded from it.
type SecretsFile struct {
	Path   string   `json:"path"`
	Status string   `json:"status"` // loaded or skipped
	Keys   []string `json:"keys"`
	Reason string   `json:"reason,omitempty"`
}

// Sandbox is --sandbox and whether the seccomp filter was active.
type Sandbox struct {
	Mode           string   `json:"mode"` // off, on, require
	Active         bool     `json:"active"`
	DeniedSyscalls []string `json:"denied_syscalls,omitempty"`
	Reason         string   `json:"reason,omitempty"`
}
