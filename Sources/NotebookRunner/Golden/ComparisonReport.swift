/// The result's `comparison` object: the operator's `status.comparisonResult`
/// (`ComparisonResult`/`CellDiff` in its api/v1alpha1) field for field, in the result's
/// snake_case (`total_cells` for `totalCells`), with the same enumerated values, plus a few
/// additions (`golden_path`, `ignored_cells`, `float_tolerance`, `diffs_omitted`, `reason`).
package struct ComparisonReport: Codable, Sendable, Equatable {
    package enum Outcome: String, Codable, Sendable {
        case matched, failed, skipped
    }

    package struct CellDiff: Codable, Sendable, Equatable {
        package enum Kind: String, Codable, Sendable {
            case outputMismatch = "output_mismatch"
            case executionError = "execution_error"
            case missingCell = "missing_cell"
            case extraCell = "extra_cell"
        }

        package enum Severity: String, Codable, Sendable {
            case minor, major, critical
        }

        /// The cell's index in the SOURCE notebook (as in `cells`); for a `missing_cell`, the
        /// index it would have.
        package var cellIndex: Int
        package var cellType: CellType
        package var diffType: Kind
        /// The golden cell, as compared (at most ``ComparisonReport/maxTextBytes``).
        package var expected: String
        /// The executed cell, as compared (at most ``ComparisonReport/maxTextBytes``).
        package var actual: String
        /// A short unified diff (at most ``ComparisonReport/maxDiffBytes``).
        package var diff: String
        package var severity: Severity
    }

    package var strategy: GoldenStrategy
    package var result: Outcome
    package var goldenPath: String
    /// Cells compared: the larger of the two notebooks, papermill's cells left out.
    package var totalCells: Int
    package var matchedCells: Int
    package var mismatchedCells: Int
    /// Cells tagged `nbval-ignore-output` or `nbrunner-ignore-output`.
    package var ignoredCells: Int
    /// normalized only.
    package var floatTolerance: Double?
    package var ignoredOutputTypes: [String]?
    package var diffs: [CellDiff]
    /// Mismatches beyond the first ``maxDiffs``, not listed.
    package var diffsOmitted: Int?
    /// Why the comparison was skipped.
    package var reason: String?
    /// The mismatches past the first ``maxDiffs``: not in the result, but their cells are still
    /// marked failed (``ValidationVerdict``) and fail their JUnit cases.
    package var unlistedDiffs: [CellDiff] = []

    enum CodingKeys: String, CodingKey {
        case strategy, result, goldenPath, totalCells, matchedCells, mismatchedCells, ignoredCells
        case floatTolerance, ignoredOutputTypes, diffs, diffsOmitted, reason
    }

    package static let maxTextBytes = 500
    package static let maxDiffBytes = 1000
    package static let maxDiffs = 20

    /// A comparison that did not happen (the run never produced an executed notebook).
    package static func skipped(_ settings: GoldenSettings, reason: String) -> ComparisonReport {
        ComparisonReport(
            strategy: settings.strategy, result: .skipped, goldenPath: settings.path, totalCells: 0,
            matchedCells: 0, mismatchedCells: 0, ignoredCells: 0,
            floatTolerance: settings.strategy == .normalized ? settings.floatTolerance : nil,
            ignoredOutputTypes: settings.ignoreOutputTypes.isEmpty ? nil : settings.ignoreOutputTypes,
            diffs: [], diffsOmitted: nil, reason: reason)
    }
}
