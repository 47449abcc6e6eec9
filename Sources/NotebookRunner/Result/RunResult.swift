/// The full result JSON written to `--result` and printed after `Results Summary:`.
///
/// The first eight fields are the ones the operator's Go controller decodes
/// (`NotebookExecutionResult`, docs/result-format.md and clients/go), with the same names and types;
/// everything after them is an addition. Fields are added, never renamed. Keys are snake_case.
public struct RunResult: Codable, Sendable, Equatable {
    /// Every non-zero outcome (timeouts, cancellations) is ``RunStatus/failed``.
    public var status: RunStatus
    /// The one-line failure message, or the literal "None" on success (as upstream wrote it).
    public var error: String
    public var exitCode: Int32
    public var notebookPath: String
    public var executionDurationSeconds: Int
    /// When the result was made, `YYYY-MM-DDTHH:MM:SSZ`.
    public var timestamp: String
    public var cells: [CellResult]
    public var statistics: ExecutionStatistics

    // Additions.
    public var schemaVersion: Int = RunResult.currentSchemaVersion
    public var errorCategory: ErrorCategory
    public var retryable: Bool
    public var failedCell: FailedCell?
    /// The validation policy in force and what it found; absent when the options were bad.
    public var validation: ValidationReport?
    /// The golden comparison (`--golden`), shaped like the operator's `comparisonResult`.
    public var comparison: ComparisonReport?
    public var kernelName: String?
    public var outputPath: String?
    public var resultPath: String?
    public var python: PythonInfo?
    public var papermill: PapermillInfo?
    public var startedAt: String
    public var finishedAt: String
    public var durationSeconds: Double
    public var runner: RunnerInfo
    /// Identity and the decisions about HOME, TMPDIR and the Jupyter/Python locations.
    public var environment: EnvironmentReport?
    /// Secrets files loaded and key NAMES (never values).
    public var secrets: SecretsReport?
    /// `--sandbox` and whether the seccomp filter is active.
    public var sandbox: SandboxReport?

    public static let currentSchemaVersion = 1

    public struct PythonInfo: Codable, Sendable, Equatable {
        public var executable: String
        public var version: String
    }

    public struct PapermillInfo: Codable, Sendable, Equatable {
        public var version: String?
        /// papermill's exit code; absent when papermill never ran or died by a signal.
        public var returnCode: Int32?
        /// The signal that ended papermill, when one did.
        public var signal: Int32?
    }

    public struct RunnerInfo: Codable, Sendable, Equatable {
        public var version: String
    }

    /// The cell that made the run fail, with its error. `cellIndex` is the index in the
    /// source notebook; it is absent for papermill's injected-parameters cell.
    public struct FailedCell: Codable, Sendable, Equatable {
        public var cellIndex: Int?
        public var executionCount: Int?
        public var ename: String?
        public var evalue: String?
        public var injectedParameters: Bool?
        /// Why the cell fails when it did not raise: a validation policy or the golden comparison.
        public var reason: String? = nil
    }
}

/// One cell of the source notebook (upstream `CellExecutionResult` plus additions).
public struct CellResult: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case succeeded, failed, skipped
    }

    /// The index in the SOURCE notebook, as the user sees it (papermill's marker and
    /// injected-parameters cells are not counted).
    public var cellIndex: Int
    public var cellType: CellType
    public var executionCount: Int?
    /// Code cells only.
    public var status: Status?
    /// "ename: evalue" for a failed cell.
    public var error: String?
    /// ANSI-stripped.
    public var traceback: [String]?
    public var ename: String?
    public var evalue: String?
    public var durationSeconds: Double?
    /// Why a cell has the status it has when that is not obvious (skipped, sys.exit).
    public var note: String?
    /// The first non-blank line of the cell's source, which the JUnit report names the cell's
    /// test case by. Not part of the result JSON (not in ``CodingKeys``).
    public var sourceLine: String? = nil

    public init(cellIndex: Int, cellType: CellType) {
        self.cellIndex = cellIndex
        self.cellType = cellType
    }

    enum CodingKeys: String, CodingKey {
        case cellIndex, cellType, executionCount, status, error, traceback, ename, evalue
        case durationSeconds, note
    }

    /// `execution_count` is always present (null when the cell never ran), as upstream wrote it.
    public func encode(to encoder: any Encoder) throws {
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
public struct ExecutionStatistics: Codable, Sendable, Equatable {
    public var totalCells: Int
    public var codeCells: Int
    public var failedCells: Int
    /// Percentage of code cells that succeeded, 2 decimals. Without code cells: 100 for a run
    /// that succeeded, 0 for one that failed (bad options, a notebook that could not be read):
    /// a failure never claims 100 %.
    public var successRate: Double
    public var succeededCells: Int
    public var skippedCells: Int

    public init(cells: [CellResult], runSucceeded: Bool) {
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
