/// One cell as the golden comparison sees it: a list of lines, the same shape for the golden
/// and the executed side, so that "do they match" and "show the difference" work on one thing.
///
/// - markdown and raw cells: their source;
/// - code cells: each output in order, a header line (`[stream stdout]`, `[execute_result]`,
///   `[display_data image/png text/plain]`, `[error]`) then its text: the stream text (runs of
///   the same stream merged: how a print is split into outputs depends on timing; under
///   `normalized`, a run of stream outputs as all its stdout, then all its stderr), the
///   `text/plain` of a result or display, `ename: evalue` of an error. Other data (images,
///   HTML) is compared by its MIME types only, except under `exact`, where a digest of the
///   data and the execution counts are compared too.
struct RenderedCell: Sendable {
    var cellType: CellType
    var lines: [String]
    /// The cell has a failing error output.
    var raised: Bool
    /// The error names of its error outputs.
    var errorNames: [String]

    init(_ cell: NotebookDocument.Cell, strategy: GoldenStrategy, ignoredOutputTypes: [String]) {
        cellType = cell.cellType
        raised = cell.outputs.contains(where: \.isFailure)
        errorNames = cell.outputs.compactMap { $0.outputType == .error ? ($0.ename ?? "") : nil }
        let trim = strategy == .normalized
        guard cell.cellType == .code else {
            lines = Self.split(cell.source, trimmingBlankEnd: trim)
            return
        }
        var lines: [String] = []
        if strategy == .exact { lines.append("[execution_count \(cell.executionCount.map(String.init) ?? "none")]") }
        var outputs = cell.outputs.filter { !ignoredOutputTypes.contains($0.outputType.rawValue) }
        outputs = strategy == .normalized ? Self.groupingStreams(outputs) : Self.mergingStreams(outputs)
        for output in outputs {
            switch output.outputType {
            case .stream:
                lines.append("[stream \(output.name ?? "")]")
                lines += Self.split(output.text ?? "", trimmingBlankEnd: trim)
            case .executeResult, .displayData:
                var header = "[\(output.outputType)"
                let others = output.mimeTypes.filter { $0 != "text/plain" }
                if !others.isEmpty { header += " " + others.joined(separator: " ") }
                if strategy == .exact, let count = output.executionCount { header += " Out[\(count)]" }
                lines.append(header + "]")
                if strategy == .exact, let digest = output.dataDigest { lines.append("[data \(digest)]") }
                lines += Self.split(output.text ?? "", trimmingBlankEnd: trim)
            case .error:
                lines.append("[error]")
                let evalue = output.evalue ?? ""
                lines += Self.split((output.ename ?? "") + (evalue.isEmpty ? "" : ": " + evalue), trimmingBlankEnd: trim)
            default:
                lines.append("[\(output.outputType)]")
            }
        }
        self.lines = lines
    }

    init(cellType: CellType, lines: [String], raised: Bool = false, errorNames: [String] = []) {
        self.cellType = cellType
        self.lines = lines
        self.raised = raised
        self.errorNames = errorNames
    }

    /// Lines without their `\n` (and a `\r` before it); a final newline adds no empty line.
    /// `trimmingBlankEnd` (normalized): blank lines at the end are dropped too.
    /// Split on bytes: `\r\n` is one Character, which a split on Characters never cuts, and
    /// bytes are many times faster on outputs of megabytes.
    static func split(_ text: String, trimmingBlankEnd: Bool = false) -> [String] {
        guard !text.isEmpty else { return [] }
        var text = text
        var lines: [String] = text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                let next = end + 1
                if end < bytes.count, end > start, bytes[end - 1] == 0x0D { end -= 1 }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = next
            }
            return lines
        }
        if trimmingBlankEnd {
            while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        }
        return lines
    }

    /// `normalized`: in each run of consecutive stream outputs, all of stdout, then all of
    /// stderr. ipykernel flushes the two streams separately, so how a cell that both prints and
    /// logs interleaves them changes from run to run; what each stream said does not.
    static func groupingStreams(_ outputs: [NotebookDocument.Output]) -> [NotebookDocument.Output] {
        var grouped: [NotebookDocument.Output] = []
        var run: [NotebookDocument.Output] = []
        func flush() {
            var byName: [(name: String?, output: NotebookDocument.Output)] = []
            for output in run {
                if let i = byName.firstIndex(where: { $0.name == output.name }) {
                    byName[i].output.text = (byName[i].output.text ?? "") + (output.text ?? "")
                } else {
                    byName.append((output.name, output))
                }
            }
            byName.sort { ($0.name == "stdout" ? 0 : 1, $0.name ?? "") < ($1.name == "stdout" ? 0 : 1, $1.name ?? "") }
            grouped += byName.map(\.output)
            run = []
        }
        for output in outputs {
            if output.outputType == .stream {
                run.append(output)
            } else {
                flush()
                grouped.append(output)
            }
        }
        flush()
        return grouped
    }

    static func mergingStreams(_ outputs: [NotebookDocument.Output]) -> [NotebookDocument.Output] {
        var merged: [NotebookDocument.Output] = []
        for output in outputs {
            if output.outputType == .stream, let last = merged.last, last.outputType == .stream, last.name == output.name {
                merged[merged.count - 1].text = (last.text ?? "") + (output.text ?? "")
            } else {
                merged.append(output)
            }
        }
        return merged
    }

    /// The lines as one text, ANSI-stripped, for `expected`/`actual`.
    var text: String { lines.map(ANSIText.strip).joined(separator: "\n") }
}
