/// The full result JSON written to `--result` and printed after `Results Summary:`.
///
/// The first eight fields are the ones the operator's Go controller decodes
/// (`NotebookExecutionResult`, docs/result-format.md and clients/go), with the same names and types;
/// everything after them is an addition. Fields are added, never renamed. Keys are snake_case.
package struct RunResult: Codable, Sendable, Equatable {
    /// Every non-zero outcome (timeouts, cancellations) is ``RunStatus/failed``.
    package var status: RunStatus
    /// The one-line failure message, or the literal "None" on success (as upstream wrote it).
    package var error: String
    package var exitCode: Int32
    package var notebookPath: String
    package var executionDurationSeconds: Int
    /// When the result was made, `YYYY-MM-DDTHH:MM:SSZ`.
    package var timestamp: String
    package var cells: [CellResult]
    package var statistics: ExecutionStatistics

    // Additions.
    package var schemaVersion: Int = RunResult.currentSchemaVersion
    package var errorCategory: ErrorCategory
    package var retryable: Bool
    package var failedCell: FailedCell?
    /// The validation policy in force and what it found; absent when the options were bad.
    package var validation: ValidationReport?
    /// The golden comparison (`--golden`), shaped like the operator's `comparisonResult`.
    package var comparison: ComparisonReport?
    package var kernelName: String?
    package var outputPath: String?
    package var resultPath: String?
    package var python: PythonInfo?
    package var papermill: PapermillInfo?
    package var startedAt: String
    package var finishedAt: String
    package var durationSeconds: Double
    package var runner: RunnerInfo
    /// Identity and the decisions about HOME, TMPDIR and the Jupyter/Python locations.
    package var environment: EnvironmentReport?
    /// Secrets files loaded and key NAMES (never values).
    package var secrets: SecretsReport?
    /// `--sandbox` and whether the seccomp filter is active.
    package var sandbox: SandboxReport?

    package static let currentSchemaVersion = 1

    package struct PythonInfo: Codable, Sendable, Equatable {
        package var executable: String
        package var version: String
    }

    package struct PapermillInfo: Codable, Sendable, Equatable {
        package var version: String?
        /// papermill's exit code; absent when papermill never ran or died by a signal.
        package var returnCode: Int32?
        /// The signal that ended papermill, when one did.
        package var signal: Int32?
    }

    package struct RunnerInfo: Codable, Sendable, Equatable {
        package var version: String
    }

    /// The cell that made the run fail, with its error. `cellIndex` is the index in the
    /// source notebook; it is absent for papermill's injected-parameters cell.
    package struct FailedCell: Codable, Sendable, Equatable {
        package var cellIndex: Int?
        package var executionCount: Int?
        package var ename: String?
        package var evalue: String?
        package var injectedParameters: Bool?
        /// Why the cell fails when it did not raise: a validation policy or the golden comparison.
        package var reason: String? = nil
    }
}
