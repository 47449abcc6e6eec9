import Testing

@testable import NotebookRunner

@Suite struct OutcomeClassifierTests {
    let source = document([cell("markdown", "# t"), cell(), cell(), cell()])

    func classify(
        _ executed: NotebookDocument?, _ ending: PapermillObservation.Ending,
        last: Int? = nil, tail: [String] = []
    ) -> OutcomeClassifier.Outcome {
        OutcomeClassifier.classify(
            source: source, executed: executed.map { .success($0) },
            observation: PapermillObservation(ending: ending, lastStartedLiveIndex: last, errorTail: tail),
            outputPath: "/out.ipynb")
    }

    @Test func successWhenPapermillReturnsZeroAndNoCellFailed() {
        let out = classify(document([cell("markdown", "# t"), cell(count: 1), cell(count: 2), cell(count: 3)]), .exited(0))
        #expect(out.category == .none)
        #expect(out.cells.compactMap(\.status) == [.succeeded, .succeeded, .succeeded])
    }

    @Test func cellErrorNamesTheSourceIndexDespiteMarkerCells() {
        let m = NotebookDocument.errorMarkerTag
        let executed = document([
            cell("markdown", "An Exception was encountered", tags: [m]), cell("markdown", "# t"),
            cell(count: 1), cell("markdown", "anchor", tags: [m]),
            cell(count: 2, outputs: [errorOutput("ValueError", "boom", traceback: ["\u{1B}[0;31mValueError\u{1B}[0m: boom"])]),
            cell(),
        ])
        let out = classify(executed, .exited(1))
        #expect(out.category == .notebookExecutionFailed)
        #expect(out.failedCell?.cellIndex == 2)
        #expect(out.failedCell?.ename == "ValueError")
        #expect(out.cells[2].traceback == ["ValueError: boom"])
        #expect(out.cells.compactMap(\.status) == [.succeeded, .failed, .skipped])
        #expect(out.message.contains("cell 2 (In [2]) raised ValueError: boom"))
    }

    @Test func sysExitZeroIsSuccessAndLaterCellsAreSkipped() {
        let executed = document([
            cell("markdown", "# t"), cell(count: 1),
            cell(count: 2, outputs: [errorOutput("SystemExit", "0")]), cell(),
        ])
        let out = classify(executed, .exited(0))
        #expect(out.category == .none)
        #expect(out.cells.compactMap(\.status) == [.succeeded, .succeeded, .skipped])
    }

    /// Tagged raises-exception, sys.exit(0) does not end the notebook: nbclient runs on.
    @Test func aTaggedSysExitZeroDoesNotEndTheNotebook() {
        let executed = document([
            cell("markdown", "# t"), cell(count: 1),
            cell(count: 2, tags: [NotebookDocument.raisesExceptionTag], outputs: [errorOutput("SystemExit", "0")]),
            cell(count: 3),
        ])
        let out = classify(executed, .exited(0))
        #expect(out.category == .none)
        #expect(out.cells.compactMap(\.status) == [.succeeded, .succeeded, .succeeded])
        #expect(out.cells[2].note == "sys.exit() with status 0; its raises-exception tag lets execution go on")
    }

    @Test func sysExitOneIsAFailure() {
        let executed = document([
            cell("markdown", "# t"), cell(count: 1),
            cell(count: 2, outputs: [errorOutput("SystemExit", "1")]), cell(),
        ])
        #expect(classify(executed, .exited(1)).category == .notebookExecutionFailed)
    }

    @Test func exit138IsKernelDeathAtTheLastStartedCell() {
        // papermill's metadata says every cell completed; only the observation knows better.
        let executed = document([cell("markdown", "# t"), cell(count: 1), cell(count: 2), cell()])
        let out = classify(executed, .exited(138), last: 2)
        #expect(out.category == .kernelDied)
        #expect(out.failedCell?.cellIndex == 2)
        #expect(out.cells[2].status == .failed)
        #expect(out.cells[3].status == .skipped)
    }

    @Test func oomKillCountRiseSaysProbablyOutOfMemory() {
        let executed = document([cell("markdown", "# t"), cell(count: 1), cell(count: 2), cell()])
        let out = OutcomeClassifier.classify(
            source: source, executed: .success(executed),
            observation: PapermillObservation(ending: .exited(138), lastStartedLiveIndex: 2, oomKilled: true),
            outputPath: "/o")
        #expect(out.category == .kernelDied)
        #expect(out.message.contains("probably out of memory"))
    }

    @Test func stopByNbrunnerOutranksTheKeyboardInterruptItCaused() {
        let executed = document([
            cell("markdown", "# t"), cell(count: 1),
            cell(count: 2, outputs: [errorOutput("KeyboardInterrupt", "")]), cell(),
        ])
        let cancelled = OutcomeClassifier.classify(
            source: source, executed: .success(executed),
            observation: PapermillObservation(ending: .exited(1), lastStartedLiveIndex: 2, stop: .signal(15)),
            outputPath: "/o")
        #expect(cancelled.category == .cancelled)
        #expect(cancelled.signal == 15)
        #expect(cancelled.failedCell?.cellIndex == 2)
        let timedOut = OutcomeClassifier.classify(
            source: source, executed: .success(executed),
            observation: PapermillObservation(
                ending: .exited(1), lastStartedLiveIndex: 2,
                stop: .deadline(RunDuration(milliseconds: 3000))),
            outputPath: "/o")
        #expect(timedOut.category == .timeout)
    }

    /// SIGTERM while papermill shuts the kernel down and saves, after the last cell replied:
    /// papermill exits 1 (its KeyboardInterrupt), but that cell completed and is not marked.
    @Test func aStopAfterTheLastCellRepliedDoesNotMarkIt() {
        var last = cell(count: 3)
        last.replied = true
        let executed = document([cell("markdown", "# t"), cell(count: 1), cell(count: 2), last])
        let out = OutcomeClassifier.classify(
            source: source, executed: .success(executed),
            observation: PapermillObservation(
                ending: .exited(1), lastStartedLiveIndex: 3, lastStartedSourceIndex: 3,
                stop: .signal(15)),
            outputPath: "/o")
        #expect(out.category == .cancelled)
        #expect(out.cells.compactMap(\.status) == [.succeeded, .succeeded, .succeeded])
        #expect(out.failedCell == nil)
        #expect(out.message == "cancelled by SIGTERM after cell 3 (In [3]) had completed")
        // Without the reply it is the cell that was interrupted, as before.
        let running = OutcomeClassifier.classify(
            source: source, executed: .success(document([cell("markdown", "# t"), cell(count: 1), cell(count: 2), cell(count: 3)])),
            observation: PapermillObservation(
                ending: .exited(1), lastStartedLiveIndex: 3, lastStartedSourceIndex: 3,
                stop: .signal(15)),
            outputPath: "/o")
        #expect(running.cells[3].status == .failed && running.cells[3].note == "interrupted: nbrunner received SIGTERM")
    }

    /// papermill SIGKILLed: cells the live log showed starting before the last one ran and
    /// finished, though the saved notebook lacks them (or there is none).
    @Test func cellsTheLiveLogShowsRanAreNotReportedAsNotExecuted() {
        let stale = document([cell("markdown", "# t"), cell(count: 1), cell(), cell()])
        for executed in [stale, nil] {
            let out = OutcomeClassifier.classify(
                source: source, executed: executed.map { .success($0) },
                observation: PapermillObservation(
                    ending: .signaled(9), lastStartedLiveIndex: 3, lastStartedSourceIndex: 3,
                    stop: .signal(15)),
                outputPath: "/o")
            #expect(out.category == .cancelled)
            #expect(out.cells.compactMap(\.status) == [.succeeded, .succeeded, .failed], "\(out.cells)")
            #expect(out.cells[2].note == CellOutcomes.outputsLost)
            if executed == nil { #expect(out.cells[1].note == CellOutcomes.outputsLost) }
            #expect(out.cells[3].note == "interrupted: nbrunner received SIGTERM")
            #expect(out.failedCell?.cellIndex == 3)
        }
    }

    @Test func aStopAfterACleanFinishIsStillASuccess() {
        let executed = document([cell("markdown", "# t"), cell(count: 1), cell(count: 2), cell(count: 3)])
        let out = OutcomeClassifier.classify(
            source: source, executed: .success(executed),
            observation: PapermillObservation(ending: .exited(0), stop: .signal(15)), outputPath: "/o")
        #expect(out.category == .none)
    }

    @Test(arguments: [
        ("jupyter_client.kernelspec.NoSuchKernel: No such kernel named nosuch", ErrorCategory.dependencyMissing),
        ("RuntimeError: Kernel didn't respond in 60 seconds", .kernelDied),
        ("nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, after 1 seconds.", .timeout),
        ("nbclient.exceptions.DeadKernelError: Kernel died", .kernelDied),
        ("RuntimeError: Could not determine home directory.", .environmentSetupFailed),
        ("FileNotFoundError: [Errno 2] No such file or directory: 'x'", .notebookExecutionFailed),
        ("jsonschema.exceptions.ValidationError: The notebook is invalid and is missing an expected key: metadata", .invalidNotebook),
    ])
    func papermillsOwnExceptionWhenNoCellFailed(line: String, category: ErrorCategory) {
        let out = classify(
            nil, .exited(1),
            tail: [
                "Traceback (most recent call last):", "  File \"x\"", line,
                "zmq.error.ZMQError: Socket operation on non-socket",
            ])
        #expect(out.category == category)
    }

    @Test func zeroWithoutOutputNotebookIsNotASuccess() {
        #expect(classify(nil, .exited(0)).category == .internalError)
    }

    @Test func killedBySignalIsNotASuccess() {
        let out = classify(document([cell("markdown", "# t"), cell(count: 1), cell(), cell()]), .signaled(9), last: 1)
        #expect(out.category == .internalError)
        #expect(out.message.contains("SIGKILL"))
    }

    @Test func anOutsideSigtermToPapermillIsNotANotebookFailure() {
        // The launcher turns SIGTERM into exit 143 (to save); the kernel shows a KeyboardInterrupt.
        let executed = document([
            cell("markdown", "# t"), cell(count: 1),
            cell(count: 2, outputs: [errorOutput("KeyboardInterrupt", "")]), cell(),
        ])
        let out = classify(executed, .exited(143), last: 2)
        #expect(out.category == .internalError)
        #expect(out.message.contains("SIGTERM"))
    }

    @Test func errorOutputWithExitZeroIsStillAFailure() {
        let executed = document([
            cell("markdown", "# t"), cell(count: 1, outputs: [errorOutput("KeyError", "'k'")]),
            cell(count: 2), cell(count: 3),
        ])
        #expect(classify(executed, .exited(0)).category == .notebookExecutionFailed)
    }

    @Test func blankCellsCountAsRunOnlyWhenExecutionGotPastThem() {
        let src = document([cell(), cell("code", "  \n"), cell(), cell("code", "")])
        let executed = document([cell(count: 1), cell("code", "  \n"), cell(count: 2, outputs: [errorOutput("E", "x")]), cell("code", "")])
        let out = OutcomeClassifier.classify(
            source: src, executed: .success(executed),
            observation: .init(ending: .exited(1)), outputPath: "/o")
        #expect(out.cells.compactMap(\.status) == [.succeeded, .succeeded, .failed, .skipped])
    }
}
