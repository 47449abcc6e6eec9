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

/// One cell of the source notebook (upstream `CellExecutionResult` plus additions).
package struct CellResult: Codable, Sendable, Equatable {
    package enum Status: String, Codable, Sendable {
        case succeeded, failed, skipped
    }

    /// The index in the SOURCE notebook, as the user sees it (papermill's marker and
    /// injected-parameters cells are not counted).
    package var cellIndex: Int
    package var cellType: CellType
    package var executionCount: Int?
    /// Code cells only.
    package var status: Status?
    /// "ename: evalue" for a failed cell.
    package var error: String?
    /// ANSI-stripped.
    package var traceback: [String]?
    package var ename: String?
    package var evalue: String?
    package var durationSeconds: Double?
    /// Why a cell has the status it has when that is not obvious (skipped, sys.exit).
    package var note: String?
    /// The first non-blank line of the cell's source, which the JUnit report names the cell's
    /// test case by. Not part of the result JSON (not in ``CodingKeys``).
    package var sourceLine: String? = nil

    package init(cellIndex: Int, cellType: CellType) {
        self.cellIndex = cellIndex
        self.cellType = cellType
    }

    enum CodingKeys: String, CodingKey {
        case cellIndex, cellType, executionCount, status, error, traceback, ename, evalue
        case durationSeconds, note
    }

    /// `execution_count` is always present (null when the cell never ran), as upstream wrote it.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cellIndex, forKey: .cellIndex)
        try c.encode(cellType, forKey: .cellType)
        try c.encode(executionCount, forKey: .executionCount)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(error, forKey: .error)
        try c.encodeIfPresent(traceback, forKey: .traceback)
        try c.encodeIfPresent(ename, forKey: .ename)
        try c.encodeIfPresent(evalue, forKey: .evalue)
        try c.encodeIfPresent(durationSeconds, forKey: .durationSeconds)
        try c.encodeIfPresent(note, forKey: .note)
    }
}

/// Upstream `ExecutionStatistics` plus the succeeded/skipped counts.
package struct ExecutionStatistics: Codable, Sendable, Equatable {
    package var totalCells: Int
    package var codeCells: Int
    package var failedCells: Int
    /// Percentage of code cells that succeeded, 2 decimals. Without code cells: 100 for a run
    /// that succeeded, 0 for one that failed (bad options, a notebook that could not be read):
    /// a failure never claims 100 %.
    package var successRate: Double
    package var succeededCells: Int
    package var skippedCells: Int

    package init(cells: [CellResult], runSucceeded: Bool) {
        let code = cells.filter { $0.status != nil }
        totalCells = cells.count
        codeCells = code.count
        failedCells = code.filter { $0.status == .failed }.count
        succeededCells = code.filter { $0.status == .succeeded }.count
        skippedCells = code.filter { $0.status == .skipped }.count
        successRate =
            codeCells == 0
            ? (runSucceeded ? 100 : 0)
            : (Double(succeededCells) * 10_000 / Double(codeCells)).rounded() / 100
    }
}
