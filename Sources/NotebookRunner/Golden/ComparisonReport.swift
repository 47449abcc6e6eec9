/// The result's `comparison` object: the operator's `status.comparisonResult`
/// (`ComparisonResult`/`CellDiff` in its api/v1alpha1) field for field, in the result's
/// snake_case (`total_cells` for `totalCells`), with the same enumerated values, plus a few
/// additions (`golden_path`, `ignored_cells`, `float_tolerance`, `diffs_omitted`, `reason`).
public struct ComparisonReport: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        case matched, failed, skipped
    }

    public struct CellDiff: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            case outputMismatch = "output_mismatch"
            case executionError = "execution_error"
            case missingCell = "missing_cell"
            case extraCell = "extra_cell"
        }

        public enum Severity: String, Codable, Sendable {
            case minor, major, critical
        }

        /// The cell's index in the SOURCE notebook (as in `cells`); for a `missing_cell`, the
        /// index it would have.
        public var cellIndex: Int
        public var cellType: CellType
        public var diffType: Kind
        /// The golden cell, as compared (at most ``ComparisonReport/maxTextBytes``).
        public var expected: String
        /// The executed cell, as compared (at most ``ComparisonReport/maxTextBytes``).
        public var actual: String
        /// A short unified diff (at most ``ComparisonReport/maxDiffBytes``).
        public var diff: String
        public var severity: Severity
    }

    public var strategy: GoldenStrategy
    public var result: Outcome
    public var goldenPath: String
    /// Cells compared: the larger of the two notebooks, papermill's cells left out.
    public var totalCells: Int
    public var matchedCells: Int
    public var mismatchedCells: Int
    /// Cells tagged `nbval-ignore-output` or `nbrunner-ignore-output`.
    public var ignoredCells: Int
    /// normalized only.
    public var floatTolerance: Double?
    public var ignoredOutputTypes: [String]?
    public var diffs: [CellDiff]
    /// Mismatches beyond the first ``maxDiffs``, not listed.
    public var diffsOmitted: Int?
    /// Why the comparison was skipped.
    public var reason: String?
    /// The mismatches past the first ``maxDiffs``: not in the result, but their cells are still
    /// marked failed (``ValidationVerdict``) and fail their JUnit cases.
    public var unlistedDiffs: [CellDiff] = []

    enum CodingKeys: String, CodingKey {
        case strategy, result, goldenPath, totalCells, matchedCells, mismatchedCells, ignoredCells
        case floatTolerance, ignoredOutputTypes, diffs, diffsOmitted, reason
    }

    public static let maxTextBytes = 500
    public static let maxDiffBytes = 1000
    public static let maxDiffs = 20

    /// A comparison that did not happen (the run never produced an executed notebook).
    public static func skipped(_ settings: GoldenSettings, reason: String) -> ComparisonReport {
        ComparisonReport(
            strategy: settings.strategy, result: .skipped, goldenPath: settings.path, totalCells: 0,
            matchedCells: 0, mismatchedCells: 0, ignoredCells: 0,
            floatTolerance: settings.strategy == .normalized ? settings.floatTolerance : nil,
            ignoredOutputTypes: settings.ignoreOutputTypes.isEmpty ? nil : settings.ignoreOutputTypes,
            diffs: [], diffsOmitted: nil, reason: reason)
    }
}
