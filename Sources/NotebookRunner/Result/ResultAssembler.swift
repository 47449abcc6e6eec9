import FoundationEssentials

/// Builds the ``RunResult`` for an outcome: the only place that sets `status`, `exit_code`,
/// `error_category` and `retryable`, all from one category.
package enum ResultAssembler {
    package struct Timing: Sendable {
        package var started: Date
        package var finished: Date
        package init(started: Date, finished: Date) {
            self.started = started
            self.finished = finished
        }
    }

    package static func assemble(
        category: ErrorCategory, message: String, cells: [CellResult],
        failedCell: RunResult.FailedCell?, signal: Int32? = nil,
        configuration: RunConfiguration?, notebookPath: String,
        record: RunRecord, timing: Timing
    ) -> RunResult {
        let duration = max(0, timing.finished.timeIntervalSince(timing.started))
        let succeeded = category == .none
        var papermill: RunResult.PapermillInfo?
        let papermillInstall = record.runtime?.papermill
        if papermillInstall != nil || record.observation != nil {
            var info = RunResult.PapermillInfo(version: papermillInstall?.version)
            switch record.observation?.ending {
            case .exited(let code)?: info.returnCode = code
            case .signaled(let s)?: info.signal = s
            case nil: break
            }
            papermill = info
        }
        var cells = cells
        if let source = record.inputs?.source, source.cells.count == cells.count {
            for i in cells.indices {
                cells[i].sourceLine = TextClip.clip(
                    source.cells[i].source.split(whereSeparator: \.isNewline)
                        .first { !$0.allSatisfy(\.isWhitespace) }.map { String($0).trimmed } ?? "", maxBytes: 4096)
            }
        }
        return RunResult(
            status: succeeded ? .succeeded : .failed,
            error: succeeded ? "None" : message,
            exitCode: ExitCode.forOutcome(category: category, signal: signal),
            notebookPath: notebookPath,
            executionDurationSeconds: Int(duration.rounded()),
            timestamp: iso(timing.finished),
            cells: cells,
            statistics: ExecutionStatistics(cells: cells, runSucceeded: succeeded),
            errorCategory: category,
            retryable: category.retryable,
            failedCell: failedCell,
            validation: record.validation ?? configuration.map { ValidationReport(policy: $0.validation) },
            comparison: record.comparison
                ?? configuration?.golden.map {
                    ComparisonReport.skipped($0, reason: "the run ended before an executed notebook could be compared")
                },
            kernelName: record.inputs?.kernelName,
            outputPath: configuration?.output,
            resultPath: configuration?.result,
            python: record.runtime?.facts.map { RunResult.PythonInfo(executable: $0.executable, version: $0.version) },
            papermill: papermill,
            startedAt: iso(timing.started),
            finishedAt: iso(timing.finished),
            durationSeconds: (duration * 1000).rounded() / 1000,
            runner: RunResult.RunnerInfo(version: RunnerVersion.current),
            environment: record.environment,
            secrets: record.secrets,
            sandbox: record.sandbox)
    }

    /// Cells of a notebook that never ran (a failure before execution): code cells `skipped`.
    package static func notRun(_ source: NotebookDocument?) -> [CellResult] {
        guard let source else { return [] }
        return source.cells.enumerated().map { i, cell in
            var r = CellResult(cellIndex: i, cellType: cell.cellType)
            if cell.cellType == .code {
                r.status = .skipped
                r.note = "not run: the run stopped before execution"
            }
            return r
        }
    }

    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}
