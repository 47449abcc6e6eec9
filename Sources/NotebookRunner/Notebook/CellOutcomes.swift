/// The per-cell view of a run: one ``CellResult`` per SOURCE cell, judged from the executed
/// cell's own outputs and `execution_count`, never from papermill's status metadata.
package struct CellOutcomes: Sendable {
    package var cells: [CellResult]
    /// The first failing cell in source order (the injected-parameters cell counts, index nil).
    package var firstFailure: RunResult.FailedCell?

    /// Bounds for what one cell may put in the result.
    static let maxTracebackBytes = 32 * 1024
    static let maxEvalueBytes = 8 * 1024

    /// - Parameters:
    ///   - interrupted: the source cell that was running when the run was cut short (kernel
    ///     death, timeout, cancellation), and why; it is marked failed with that note.
    ///   - ranToEnd: papermill returned 0, so every cell was reached (unless a cell called
    ///     `sys.exit(0)`).
    ///   - started: the source index of the last cell the live log showed starting. A code cell
    ///     before it ran and finished (papermill went on to the next one) even when the saved
    ///     notebook does not show it: papermill was killed before it saved those outputs.
    package init(
        source: NotebookDocument, executed: NotebookDocument?,
        interrupted: (sourceIndex: Int?, note: String)? = nil, ranToEnd: Bool, started: Int? = nil
    ) {
        var executedFor: [Int: NotebookDocument.Cell] = [:]
        var injected: NotebookDocument.Cell?
        if let executed {
            let alignment = CellAlignment(source: source.cells, executed: executed.cells)
            for (j, cell) in CellAlignment.live(executed.cells).enumerated() {
                if let s = alignment.sourceIndex[j] { executedFor[s] = cell } else { injected = cell }
            }
        }

        // How far execution got, in source order.
        var reached = -1
        var earlyExit: Int?
        for (s, cell) in executedFor where cell.executionCount != nil || !cell.outputs.isEmpty || cell.papermillException {
            reached = max(reached, s)
            // A raises-exception tag lets nbclient run on past it, sys.exit(0) included.
            if cell.outputs.contains(where: \.isCleanSystemExit), !cell.tags.contains(NotebookDocument.raisesExceptionTag) {
                earlyExit = min(earlyExit ?? s, s)
            }
        }
        if let i = interrupted?.sourceIndex { reached = max(reached, i) }
        if let started { reached = max(reached, started) }
        if ranToEnd, earlyExit == nil { reached = source.cells.count }
        if let earlyExit { reached = earlyExit }

        var firstFailure: RunResult.FailedCell?
        if let injected, let failure = Self.failure(of: injected) {
            firstFailure = RunResult.FailedCell(
                cellIndex: nil, executionCount: injected.executionCount,
                ename: failure.ename, evalue: failure.evalue, injectedParameters: true)
        }

        var results: [CellResult] = []
        for (s, cell) in source.cells.enumerated() {
            var r = CellResult(cellIndex: s, cellType: cell.cellType)
            guard cell.cellType == .code else {
                results.append(r)
                continue
            }
            if cell.tags.contains(NotebookDocument.errorMarkerTag) {
                r.status = .skipped
                r.note = "papermill deletes cells tagged \(NotebookDocument.errorMarkerTag) before running"
                results.append(r)
                continue
            }
            let e = executedFor[s]
            r.executionCount = e?.executionCount
            if let e, let allowed = Self.allowedFailure(of: e), interrupted?.sourceIndex != s {
                // nbclient's convention: execution went on past it, and so does the run.
                r.status = .succeeded
                r.ename = allowed.ename
                r.evalue = allowed.evalue
                r.traceback = allowed.traceback
                r.note = "raised \(allowed.ename), which its \(NotebookDocument.raisesExceptionTag) tag allows"
            } else if let e, let failure = Self.failure(of: e) {
                r.status = .failed
                if let interrupted, interrupted.sourceIndex == s { r.note = interrupted.note }
                r.ename = failure.ename
                r.evalue = failure.evalue
                r.error = failure.evalue.isEmpty ? failure.ename : "\(failure.ename): \(failure.evalue)"
                r.traceback = failure.traceback
                r.note = r.note ?? failure.note
            } else if let interrupted, interrupted.sourceIndex == s {
                r.status = .failed
                r.note = interrupted.note
                r.error = interrupted.note
            } else if let e, e.outputs.contains(where: \.isCleanSystemExit) {
                r.status = .succeeded
                r.note =
                    e.tags.contains(NotebookDocument.raisesExceptionTag)
                    ? "sys.exit() with status 0; its \(NotebookDocument.raisesExceptionTag) tag lets execution go on"
                    : "sys.exit() with status 0 ends the notebook early; papermill counts it as success"
            } else if e?.executionCount != nil {
                r.status = .succeeded
            } else if cell.tags.contains("skip-execution") {
                r.status = .skipped
                r.note = "tagged skip-execution"
            } else if let started, s < started, !cell.isBlank, earlyExit.map({ s < $0 }) ?? true {
                r.status = .succeeded
                r.note = Self.outputsLost
            } else if s < reached {
                // nbclient never executes a blank cell, so it has no execution_count.
                r.status = cell.isBlank ? .succeeded : .skipped
                if !cell.isBlank { r.note = "not executed" }
            } else {
                r.status = .skipped
                r.note = earlyExit != nil && s > earlyExit! ? "not run: an earlier cell called sys.exit()" : "not run: execution stopped before this cell"
            }
            if r.status != .skipped { r.durationSeconds = e?.papermillDuration }
            if r.status == .failed, firstFailure == nil {
                firstFailure = RunResult.FailedCell(
                    cellIndex: s, executionCount: r.executionCount,
                    ename: r.ename, evalue: r.evalue, injectedParameters: nil)
            }
            results.append(r)
        }
        cells = results
        self.firstFailure = firstFailure
    }

    /// The note of a cell the live log shows ran, whose outputs the saved notebook lacks.
    package static let outputsLost = "ran, outputs lost: it ran and finished (the live log shows it), but papermill was killed before it saved its outputs"

    struct Failure {
        var ename: String
        var evalue: String
        var traceback: [String]
        var note: String?
    }

    /// The cell's failure, from its first failing error output, or from papermill's exception
    /// flag when the kernel reported the error without one (a failed line magic).
    static func failure(of cell: NotebookDocument.Cell) -> Failure? {
        if let output = cell.outputs.first(where: \.isFailure) {
            return Failure(
                ename: output.ename ?? "Error",
                evalue: TextClip.clip(ANSIText.strip(output.evalue ?? ""), maxBytes: maxEvalueBytes),
                traceback: boundedTraceback(output.traceback ?? []))
        }
        if cell.papermillException, !cell.outputs.contains(where: \.isCleanSystemExit) {
            return Failure(
                ename: "CellExecutionError", evalue: "", traceback: [],
                note: "the cell failed without an error output (for example a failed IPython magic); see its stderr output")
        }
        return nil
    }

    /// The error of a cell tagged `raises-exception` (nbclient lets it fail and runs on), or nil.
    static func allowedFailure(of cell: NotebookDocument.Cell) -> Failure? {
        guard cell.tags.contains(NotebookDocument.raisesExceptionTag),
            cell.outputs.contains(where: \.isFailure)
        else { return nil }
        return failure(of: cell)
    }

    /// ANSI-stripped, at most ``maxTracebackBytes``, keeping the END (where the error is).
    static func boundedTraceback(_ lines: [String]) -> [String] {
        var kept: [String] = []
        var used = 0
        for line in lines.reversed().map(ANSIText.strip) {
            let size = line.utf8.count
            if used + size > maxTracebackBytes {
                if kept.isEmpty { kept.append(TextClip.clip(line, maxBytes: maxTracebackBytes)) }
                let omitted = lines.count - kept.count
                if omitted > 0 { kept.append("… \(omitted) earlier traceback entries omitted") }
                break
            }
            kept.append(line)
            used += size
        }
        return kept.reversed()
    }
}
