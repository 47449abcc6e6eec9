/// The failure taxonomy reported in `error_category`, and the one place that maps each category
/// to its exit code and retry advice.
///
/// The raw values keep the names the operator's script used where the meaning is the same
/// (`none`, `notebook_execution_failed`, `configuration_error`, `environment_setup_failed`, the
/// three `validation_*` ones); categories are added, never renamed.
package enum ErrorCategory: String, Sendable, Codable, CaseIterable {
    case none
    case notebookExecutionFailed = "notebook_execution_failed"
    /// A cell wrote to stderr under `--fail-on-stderr` (upstream ADR-041's name).
    case validationStderrFailure = "validation_stderr_failure"
    /// A cell's stderr holds a Python warning under `--fail-on-warnings` (upstream's name).
    case validationWarningFailure = "validation_warning_failure"
    /// Strict mode failed a cell: stderr, a warning, a printed traceback, or an error that a
    /// `raises-exception` tag allows otherwise (upstream's name).
    case validationStrictModeFailure = "validation_strict_mode_failure"
    /// A credential is written into a code cell, under `--fail-on-hardcoded-credentials`,
    /// strict mode or level production (found before the kernel starts).
    case hardcodedCredentials = "hardcoded_credentials"
    /// The executed notebook differs from `--golden`.
    case goldenMismatch = "golden_mismatch"
    case configurationError = "configuration_error"
    case invalidNotebook = "invalid_notebook"
    case dependencyMissing = "dependency_missing"
    /// `--allow-install` could not make papermill importable.
    case dependencyInstallFailed = "dependency_install_failed"
    case environmentSetupFailed = "environment_setup_failed"
    case secretsUnavailable = "secrets_unavailable"
    case timeout
    case kernelDied = "kernel_died"
    case internalError = "internal_error"
    case cancelled

    /// The documented exit code (docs/exit-codes.md, `nbrunner run --help`).
    /// `cancelled` exits 128+signal; see ``ExitCode/cancelled(signal:)``.
    package var exitCode: Int32 {
        switch self {
        case .none: 0
        case .notebookExecutionFailed, .validationStderrFailure, .validationWarningFailure,
            .validationStrictModeFailure, .goldenMismatch, .hardcodedCredentials:
            1
        case .configurationError, .invalidNotebook: 2
        case .dependencyMissing, .dependencyInstallFailed, .environmentSetupFailed: 3
        case .secretsUnavailable: 4
        case .timeout: 5
        case .kernelDied: 6
        case .internalError: 7
        case .cancelled: 128 + 15
        }
    }

    /// Whether running the same pod again could change the outcome. Deterministic failures
    /// (the notebook's own error, bad input, a missing dependency) are not worth a retry.
    package var retryable: Bool {
        switch self {
        case .none, .notebookExecutionFailed, .validationStderrFailure, .validationWarningFailure,
            .validationStrictModeFailure, .goldenMismatch, .hardcodedCredentials, .configurationError, .invalidNotebook,
            .dependencyMissing, .dependencyInstallFailed, .environmentSetupFailed, .timeout:
            false
        case .secretsUnavailable, .kernelDied, .internalError, .cancelled:
            true
        }
    }
}
