/// Turns papermill's `Executing Cell N-----` log lines into nbrunner progress lines
/// (`[nbrunner] cell 3/12 (cell_index 5) started`) and remembers the last cell started.
///
/// papermill numbers every cell of its live list from 1, markdown included; the live list is
/// predicted from the source (``CellAlignment/predicted(source:injects:)``) so the line can
/// name the source cell while it runs.
package struct CellProgress: Sendable {
    let alignment: CellAlignment
    let source: NotebookDocument
    /// Source index → ordinal among code cells (1-based).
    let ordinal: [Int: Int]
    let codeCells: Int
    package private(set) var lastStartedLiveIndex: Int?
    /// The source index of that cell (nil: the injected-parameters cell, or out of range).
    package private(set) var lastStartedSourceIndex: Int?

    package init(source: NotebookDocument, injectsParameters: Bool) {
        self.source = source
        alignment = CellAlignment.predicted(source: source.cells, injects: injectsParameters)
        var ordinal: [Int: Int] = [:]
        var n = 0
        for (i, cell) in source.cells.enumerated()
        where cell.cellType == .code && !cell.tags.contains(NotebookDocument.errorMarkerTag) {
            n += 1
            ordinal[i] = n
        }
        self.ordinal = ordinal
        codeCells = n
    }

    package enum Event: Equatable, Sendable {
        /// A papermill frame line: not printed; `message` is the progress line to log, if any.
        case frame(message: String?)
        case other
    }

    /// Looks at one line of papermill's stderr.
    package mutating func observe(_ line: [UInt8]) -> Event {
        if let n = Self.frameNumber(line, prefix: Self.executing) {
            let live = n - 1
            lastStartedLiveIndex = live
            lastStartedSourceIndex = nil
            guard live >= 0, live < alignment.sourceIndex.count else { return .frame(message: nil) }
            lastStartedSourceIndex = alignment.sourceIndex[live]
            guard let s = alignment.sourceIndex[live] else {
                return .frame(message: "injected parameters cell started")
            }
            guard source.cells[s].cellType == .code, let k = ordinal[s] else { return .frame(message: nil) }
            return .frame(message: "cell \(k)/\(codeCells) (cell_index \(s)) started")
        }
        if Self.frameNumber(line, prefix: Self.ending) != nil { return .frame(message: nil) }
        return .other
    }

    static let executing = Array("Executing Cell ".utf8)
    static let ending = Array("Ending Cell ".utf8)

    /// `Executing Cell 12---…` (papermill pads with dashes to 40 characters).
    static func frameNumber(_ line: [UInt8], prefix: [UInt8]) -> Int? {
        guard line.count > prefix.count, line.starts(with: prefix) else { return nil }
        var i = prefix.count
        var n = 0
        var digits = 0
        while i < line.count, line[i] >= 0x30, line[i] <= 0x39 {
            n = n * 10 + Int(line[i] - 0x30)
            i += 1
            digits += 1
            if digits > 9 { return nil }
        }
        guard digits > 0 else { return nil }
        while i < line.count, line[i] == UInt8(ascii: "-") { i += 1 }
        return i == line.count ? n : nil
    }
}
