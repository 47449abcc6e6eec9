/// Compares the executed notebook with the golden one, cell by cell by position, after leaving
/// out papermill's error-marker and injected-parameters cells on both sides.
///
/// Markdown and raw cells compare their source; code cells their outputs (``RenderedCell``).
/// Cells tagged `nbval-ignore-output` (nbval's convention) or `nbrunner-ignore-output` on either
/// side are not compared (counted in `ignored_cells`), unless their types differ.
/// Under `normalized`, each line goes through `--golden-ignore`, ``OutputNormalizer`` and
/// ``FloatTolerantMatch``; under `exact`, only through `--golden-ignore`. A line byte-equal to
/// its counterpart is equal without any of that: the common case, and the cheap one (a
/// `--golden-ignore` regex costs far more per byte than a byte comparison).
package struct GoldenComparison {
    package static let ignoreTags = ["nbval-ignore-output", "nbrunner-ignore-output"]

    let settings: GoldenSettings
    let patterns: IgnorePatterns
    /// Applied to every text the report quotes, before it is clipped.
    let redactor: Redactor

    package init(settings: GoldenSettings, redactor: Redactor = .none) {
        self.settings = settings
        self.redactor = redactor
        patterns = IgnorePatterns(settings.ignorePatterns)
    }

    /// - Parameters:
    ///   - source: the source notebook, to report source indices.
    ///   - executed: the executed notebook, read with whole outputs.
    ///   - golden: the golden notebook, read with whole outputs.
    package func compare(source: NotebookDocument, executed: NotebookDocument, golden: NotebookDocument) -> ComparisonReport {
        let alignment = CellAlignment(source: source.cells, executed: executed.cells)
        var actual: [(sourceIndex: Int?, cell: NotebookDocument.Cell)] = []
        for (j, cell) in CellAlignment.live(executed.cells).enumerated() where !Self.isPapermills(cell) {
            actual.append((j < alignment.sourceIndex.count ? alignment.sourceIndex[j] : nil, cell))
        }
        let expected = golden.cells.filter { !Self.isPapermills($0) }

        var report = ComparisonReport.skipped(settings, reason: "")
        report.reason = nil
        report.totalCells = max(actual.count, expected.count)
        var diffs: [ComparisonReport.CellDiff] = []
        var lastIndex = -1
        for k in 0..<report.totalCells {
            // A cell only the golden notebook has comes after the source's last cell, whatever
            // the comparison left out there (a stale injected-parameters cell, a marker): its
            // index must not name a cell of the run.
            let index = k < actual.count ? (actual[k].sourceIndex ?? lastIndex + 1) : max(lastIndex + 1, source.cells.count)
            lastIndex = index
            guard k < actual.count else {
                let missing = Self.labelled(render(expected[k]), expected[k])
                report.mismatchedCells += 1
                diffs.append(
                    .init(
                        cellIndex: index, cellType: expected[k].cellType, diffType: .missingCell,
                        expected: clip(missing.text), actual: "",
                        diff: diff(missing, RenderedCell(cellType: expected[k].cellType, lines: [])),
                        severity: .major))
                continue
            }
            let cell = actual[k].cell
            guard k < expected.count else {
                let extra = Self.labelled(render(cell), cell)
                report.mismatchedCells += 1
                diffs.append(
                    .init(
                        cellIndex: index, cellType: cell.cellType, diffType: .extraCell,
                        expected: "", actual: clip(extra.text),
                        diff: diff(RenderedCell(cellType: cell.cellType, lines: []), extra), severity: .major))
                continue
            }
            let goldenCell = expected[k]
            if goldenCell.cellType == cell.cellType,
                Self.ignoresOutput(goldenCell) || Self.ignoresOutput(cell)
            {
                report.ignoredCells += 1
                continue
            }
            var want = render(goldenCell)
            var got = render(cell)
            if goldenCell.cellType != cell.cellType {
                want.lines.insert("[\(goldenCell.cellType) cell]", at: 0)
                got.lines.insert("[\(cell.cellType) cell]", at: 0)
            }
            let equal = equality(want.lines, got.lines)
            if want.lines.count == got.lines.count, want.lines.indices.allSatisfy({ equal($0, $0) }) {
                report.matchedCells += 1
                continue
            }
            report.mismatchedCells += 1
            let raisedAnew = got.raised && !got.errorNames.allSatisfy(want.errorNames.contains)
            diffs.append(
                .init(
                    cellIndex: index, cellType: cell.cellType,
                    diffType: raisedAnew ? .executionError : .outputMismatch,
                    expected: clip(want.text), actual: clip(got.text),
                    diff: UnifiedDiff.render(
                        expected: want.lines, actual: got.lines, maxBytes: ComparisonReport.maxDiffBytes,
                        redactor: redactor, equal: equal),
                    severity: raisedAnew ? .critical : .major))
        }
        report.result = report.mismatchedCells == 0 ? .matched : .failed
        if diffs.count > ComparisonReport.maxDiffs {
            report.diffsOmitted = diffs.count - ComparisonReport.maxDiffs
            report.unlistedDiffs = Array(diffs.dropFirst(ComparisonReport.maxDiffs))
            diffs = Array(diffs.prefix(ComparisonReport.maxDiffs))
        }
        report.diffs = diffs
        return report
    }

    /// A cell only one side has: a code cell is shown by its first source line before its
    /// outputs (so that one without outputs still reads as something in the diff); another cell
    /// by its source, or `(empty)`.
    static func labelled(_ rendered: RenderedCell, _ cell: NotebookDocument.Cell) -> RenderedCell {
        var labelled = rendered
        if cell.cellType == .code {
            let first = cell.source.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
            labelled.lines.insert("[code cell] " + first, at: 0)
        } else if labelled.lines.isEmpty {
            labelled.lines = ["[\(cell.cellType) cell] (empty)"]
        }
        return labelled
    }

    /// How a line is compared: after `--golden-ignore`, and for `normalized` the normalizer and
    /// the numbers.
    enum Key {
        case exact(String)
        case tolerant(FloatTolerantMatch)
    }

    func key(_ line: String) -> Key {
        let ignored = patterns.isEmpty ? line : patterns.apply(line)
        switch settings.strategy {
        case .exact: return .exact(ignored)
        case .normalized: return .tolerant(FloatTolerantMatch(bytes: OutputNormalizer.normalizedBytes(ignored)))
        }
    }

    /// Whether line `i` of `want` equals line `j` of `got`: byte-equal lines are, without a key
    /// (`--golden-ignore` and the normalizer treat both the same way, and two equal keys
    /// match); the others are compared by their keys, made once per line and only when needed.
    func equality(_ want: [String], _ got: [String]) -> (Int, Int) -> Bool {
        let wantKeys = LazyKeys(want, key)
        let gotKeys = LazyKeys(got, key)
        return { i, j in Self.identical(want[i], got[j]) || same(wantKeys[i], gotKeys[j]) }
    }

    static func identical(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in x.elementsEqual(y) }
        }.flatMap { $0 } ?? a.utf8.elementsEqual(b.utf8)
    }

    /// Keys made on first use.
    final class LazyKeys {
        let lines: [String]
        let make: (String) -> Key
        var keys: [Key?]

        init(_ lines: [String], _ make: @escaping (String) -> Key) {
            self.lines = lines
            self.make = make
            keys = Array(repeating: nil, count: lines.count)
        }

        subscript(i: Int) -> Key {
            if let key = keys[i] { return key }
            let key = make(lines[i])
            keys[i] = key
            return key
        }
    }

    func same(_ a: Key, _ b: Key) -> Bool {
        switch (a, b) {
        case (.exact(let x), .exact(let y)): x == y
        case (.tolerant(let x), .tolerant(let y)): x.matches(y, tolerance: settings.floatTolerance)
        default: false
        }
    }

    func render(_ cell: NotebookDocument.Cell) -> RenderedCell {
        RenderedCell(cell, strategy: settings.strategy, ignoredOutputTypes: settings.ignoreOutputTypes)
    }

    func diff(_ want: RenderedCell, _ got: RenderedCell) -> String {
        UnifiedDiff.render(
            expected: want.lines, actual: got.lines, maxBytes: ComparisonReport.maxDiffBytes,
            redactor: redactor, equal: equality(want.lines, got.lines))
    }

    func clip(_ text: String) -> String { TextClip.clip(redactor.redact(text), maxBytes: ComparisonReport.maxTextBytes) }

    static func isPapermills(_ cell: NotebookDocument.Cell) -> Bool {
        cell.tags.contains(NotebookDocument.errorMarkerTag) || cell.tags.contains(NotebookDocument.injectedParametersTag)
    }

    static func ignoresOutput(_ cell: NotebookDocument.Cell) -> Bool {
        cell.tags.contains { ignoreTags.contains($0) }
    }
}
