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
