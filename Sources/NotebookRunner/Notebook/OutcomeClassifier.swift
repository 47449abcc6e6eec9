#if canImport(Glibc)
    import Glibc
#endif

/// Decides what happened in a papermill run: the one place that turns papermill's exit status,
/// the executed notebook and nbrunner's own observations into a category and a message.
///
/// Rules, in order (docs/exit-codes.md, "How papermill's outcomes map"):
/// 0. nbrunner stopped papermill (stop signal → `cancelled`, `--timeout` → `timeout`), unless
///    papermill had already finished cleanly.
/// 1. papermill killed by a signal: nbrunner did not send it, so `internal_error`.
/// 2. exit 138: papermill's code for `DeadKernelError`, so `kernel_died`.
/// 2b. papermill's own uncaught `nbclient.exceptions.CellTimeoutError` (`timeout`) or
///    `DeadKernelError` (`kernel_died`) in its stderr, before any cell output is trusted.
/// 3. a code cell with a failing error output (or papermill's exception flag without one):
///    `notebook_execution_failed`, naming the first such cell. `sys.exit(0)` is not a failure.
/// 4. exit 0 with no failing cell: success, but only if the output notebook is there and readable.
///    Also exit 1 from papermill's `PapermillExecutionError` when every failing error output is
///    in a cell tagged `raises-exception` (nbclient's convention; papermill 2.7.0 still fails).
/// 5. any other exit: papermill's own exception, read from the end of its stderr
///    (kernel start failure, NoSuchKernel, nbformat validation, a language papermill cannot
///    parameterize, no home directory),
///    else `notebook_execution_failed` with papermill's last error line.
package enum OutcomeClassifier {
    package struct Outcome: Sendable {
        package var category: ErrorCategory
        package var message: String
        package var cells: [CellResult]
        package var failedCell: RunResult.FailedCell?
        /// For `cancelled`: the signal, so the exit code is 128+signal.
        package var signal: Int32?
    }

    package static func classify(
        source: NotebookDocument,
        executed: Result<NotebookDocument, RunFailure>?,
        observation: PapermillObservation,
        outputPath: String
    ) -> Outcome {
        let executedDocument = try? executed?.get()
        let running = runningSourceCell(source: source, executed: executedDocument, observation: observation)

        let started = observation.lastStartedSourceIndex
        func outcome(
            _ category: ErrorCategory, _ message: String, interruptedNote: String? = nil,
            ranToEnd: Bool = false
        ) -> Outcome {
            // A cell whose reply the notebook records had finished: the stop came after it.
            let interrupted = running.completed ? nil : interruptedNote.map { (sourceIndex: running.index, note: $0) }
            let cells = CellOutcomes(
                source: source, executed: executedDocument,
                interrupted: interrupted, ranToEnd: ranToEnd, started: started)
            var failed = cells.firstFailure
            if failed == nil, category != .none, let i = running.index, interrupted != nil {
                failed = RunResult.FailedCell(
                    cellIndex: i, executionCount: running.executionCount,
                    ename: nil, evalue: nil, injectedParameters: nil)
            }
            return Outcome(category: category, message: message, cells: cells.cells, failedCell: failed, signal: nil)
        }

        // nbrunner stopped papermill: that is the outcome, whatever papermill made of it
        // (SIGINT makes it record a KeyboardInterrupt and exit 1) — unless it had already
        // finished cleanly.
        let finishedCleanly =
            observation.ending == .exited(0)
            && CellOutcomes(source: source, executed: executedDocument, ranToEnd: true).firstFailure == nil
        switch observation.stop {
        case .signal(let signal)? where !finishedCleanly:
            var o = outcome(
                .cancelled, "cancelled by \(SignalName.of(signal))\(running.phrase)",
                interruptedNote: "interrupted: nbrunner received \(SignalName.of(signal))")
            o.signal = signal
            return o
        case .deadline(let timeout)? where !finishedCleanly:
            return outcome(
                .timeout, "the run exceeded --timeout \(timeout)\(running.phrase)",
                interruptedNote: "still running when --timeout \(timeout) ran out")
        default:
            break
        }

        let oom = observation.oomKilled ? "; probably out of memory (the cgroup's oom_kill count rose during the run)" : ""
        // nbrunner's launcher turns a SIGTERM to papermill into exit 143 (so the notebook is
        // saved); one nbrunner did not send is still an outside kill.
        var ending = observation.ending
        let viaLauncher = ending == .exited(128 + SIGTERM)
        if viaLauncher { ending = .signaled(SIGTERM) }
        let code: Int32
        switch ending {
        case .signaled(let signal):
            let what =
                viaLauncher
                ? "papermill was stopped by a SIGTERM (exit 143) that nbrunner did not send"
                : "papermill was killed by signal \(signal) (\(SignalName.of(signal))) that nbrunner did not send"
            return outcome(
                .internalError, "\(what)\(running.phrase)\(oom)",
                interruptedNote: "papermill was killed by signal \(signal) while this cell ran")
        case .exited(let exitCode):
            code = exitCode
        }

        if code == 138 {
            return outcome(
                .kernelDied, "the kernel died\(running.phrase) (papermill exit 138)\(oom)",
                interruptedNote: "the kernel died while this cell ran")
        }

        // papermill's own uncaught exceptions (fully qualified, as Python prints the last line of
        // a traceback) come before the cells' error outputs: on a cell timeout or a dead kernel,
        // papermill's shutdown interrupts the kernel, which can leave a KeyboardInterrupt output
        // in the cell that was running.
        let tail = observation.errorTail
        // Only when no cell failed with anything but the KeyboardInterrupt papermill's shutdown
        // causes: cell output also reaches papermill's stderr, and must not pass for its report.
        let onlyInterrupts =
            executedDocument?.cells.allSatisfy { cell in
                CellOutcomes.allowedFailure(of: cell) != nil
                    || cell.outputs.allSatisfy { !$0.isFailure || $0.ename == "KeyboardInterrupt" }
            } ?? true
        func raised(_ qualifiedName: String) -> String? {
            guard code != 0, onlyInterrupts else { return nil }
            return tail.last { $0.hasPrefix(qualifiedName + ":") || $0 == qualifiedName }
        }
        if let line = raised("nbclient.exceptions.CellTimeoutError") {
            // --cell-timeout, or papermill's own IOPub timeout (it sets raise_on_iopub_timeout).
            var detail = line.split(separator: ":", maxSplits: 1).dropFirst().first.map { String($0).trimmed } ?? ""
            while detail.hasSuffix(".") { detail.removeLast() }  // the message is one clause of ours
            return outcome(
                .timeout, "a cell timed out\(running.phrase)" + (detail.isEmpty ? "" : ": " + TextClip.clip(detail, maxBytes: 300)),
                interruptedNote: "this cell timed out")
        }
        if raised("nbclient.exceptions.DeadKernelError") != nil {
            return outcome(.kernelDied, "the kernel died\(running.phrase)\(oom)", interruptedNote: "the kernel died while this cell ran")
        }

        // A cell tagged raises-exception may fail: nbclient runs on past it, but papermill 2.7.0
        // still exits 1 (PapermillExecutionError) and inserts its marker cells. When every
        // failing error output sits in such a cell, the notebook passed (strict mode is the
        // validation stage's business). papermill's report is its marker cells in the output
        // notebook (it deletes stale ones from the source first), or the exception's name on its
        // stderr, which a long traceback printed after it can push out of the kept tail.
        let papermillReported =
            executedDocument?.cells.contains { $0.tags.contains(NotebookDocument.errorMarkerTag) } == true
            || tail.contains { $0.hasPrefix("papermill.exceptions.PapermillExecutionError") }
        let allowedOnly =
            code == 1 && papermillReported
            && executedDocument?.cells.contains { CellOutcomes.allowedFailure(of: $0) != nil } == true
            && CellOutcomes(source: source, executed: executedDocument, ranToEnd: true).firstFailure == nil
        let judged = CellOutcomes(
            source: source, executed: executedDocument, ranToEnd: code == 0 || allowedOnly,
            started: started)
        if let failed = judged.firstFailure {
            let cell =
                failed.cellIndex.map { i in
                    "cell \(i)" + (failed.executionCount.map { " (In [\($0)])" } ?? "")
                } ?? "the injected-parameters cell"
            let what = [failed.ename, failed.evalue.map { TextClip.firstLine($0, maxBytes: 300) }]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            var message = "\(cell) raised \(what.isEmpty ? "an error" : what)"
            if code == 0 { message += " (papermill exited 0)" }
            return Outcome(
                category: .notebookExecutionFailed, message: message,
                cells: judged.cells, failedCell: failed, signal: nil)
        }

        if code == 0 || allowedOnly {
            switch executed {
            case .none:
                return outcome(.internalError, "papermill exited 0 but wrote no output notebook at \(outputPath)")
            case .failure(let failure):
                return outcome(.internalError, "papermill exited 0 but its output notebook is unreadable: \(failure.message)")
            case .success:
                return Outcome(category: .none, message: "None", cells: judged.cells, failedCell: nil, signal: nil)
            }
        }

        func has(_ needle: String) -> Bool { tail.contains { $0.contains(needle) } }
        if has("Kernel didn't respond in") || has("Kernel died before replying to kernel_info") {
            return outcome(.kernelDied, "the kernel did not start: \(lastLine(containing: ["Kernel didn't respond", "Kernel died before replying"], in: tail))")
        }
        if has("NoSuchKernel") {
            return outcome(.dependencyMissing, "papermill could not find the kernel: \(lastLine(containing: ["NoSuchKernel"], in: tail))")
        }
        if has("The notebook is invalid")
            || tail.contains(where: { $0.hasPrefix("nbformat.reader.NotJSONError") || $0.hasPrefix("nbformat.validator.NotebookValidationError") })
        {
            // papermill's own nbformat validation refused the notebook.
            return outcome(
                .invalidNotebook,
                "papermill rejected the notebook as invalid nbformat: \(lastLine(containing: ["The notebook is invalid", "NotebookValidationError", "NotJSONError"], in: tail))"
            )
        }
        if has("No parameter translator functions specified") {
            return outcome(
                .configurationError,
                "papermill cannot inject parameters into this kernel's language: \(lastLine(containing: ["No parameter translator"], in: tail))")
        }
        if has("Could not determine home directory") {
            return outcome(.environmentSetupFailed, "papermill could not determine a home directory: set HOME to a writable directory")
        }
        let last = tail.last(where: isExceptionLine) ?? tail.last(where: { !$0.allSatisfy(\.isWhitespace) })
        return outcome(
            .notebookExecutionFailed,
            "papermill exited \(code)" + (last.map { ": " + TextClip.clip($0, maxBytes: 300) } ?? " without an error message"))
    }

    struct Running {
        var index: Int?
        var executionCount: Int?
        /// The notebook records the kernel's reply and no error: it had finished.
        var completed = false
        var phrase: String {
            guard let index else { return "" }
            let count = executionCount.map { " (In [\($0)])" } ?? ""
            return completed ? " after cell \(index)\(count) had completed" : " while cell \(index)\(count) ran"
        }
    }

    /// The cell that was running at the end: the last one papermill announced, mapped through the
    /// final notebook when there is one (its live list is the one papermill numbered).
    static func runningSourceCell(
        source: NotebookDocument, executed: NotebookDocument?,
        observation: PapermillObservation
    ) -> Running {
        guard let live = observation.lastStartedLiveIndex else { return Running() }
        guard let executed else {
            // No notebook was saved: the live log's own prediction of the source cell.
            return Running(index: observation.lastStartedSourceIndex)
        }
        let alignment = CellAlignment(source: source.cells, executed: executed.cells)
        guard live < alignment.sourceIndex.count, let s = alignment.sourceIndex[live] else {
            return Running()
        }
        let cell = CellAlignment.live(executed.cells)[live]
        let completed = cell.replied && !cell.outputs.contains(where: \.isFailure)
        return Running(index: s, executionCount: cell.executionCount, completed: completed)
    }

    /// `package.module.SomeError: message` or `SomeError` alone, as Python prints the last line
    /// of a traceback.
    static func isExceptionLine(_ line: String) -> Bool {
        let head = line.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        guard !head.isEmpty, !head.contains(" "),
            head.unicodeScalars.allSatisfy({ $0 == "." || $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else { return false }
        let name = head.split(separator: ".").last.map(String.init) ?? head
        return name.hasSuffix("Error") || name.hasSuffix("Exception") || name.hasSuffix("Interrupt")
            || name == "NoSuchKernel" || name.hasSuffix("Exit")
    }

    static func lastLine(containing needles: [String], in tail: [String]) -> String {
        let line = tail.last { line in needles.contains { line.contains($0) } } ?? ""
        return TextClip.clip(line.trimmed, maxBytes: 300)
    }
}
