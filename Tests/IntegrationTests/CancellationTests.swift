import FoundationEssentials
import NotebookRunner
import Subprocess
import Testing

/// SIGTERM/SIGINT to nbrunner: papermill is interrupted so it finalises the notebook, the result
/// says `cancelled` with 128+signal, and no process of the run survives.
@Suite(.timeLimit(.minutes(2))) struct CancellationTests {
    let trigger = "cell 2/3 (cell_index 1) started"

    @Test func sigtermDuringALongCell() async throws {
        let run = SignalledRun()
        let finished = try await run.run(Paths.notebook("sleep.ipynb"), trigger: trigger, signals: [(.terminate, .seconds(1))])
        #expect(finished.exitCode == 143, "\(finished.stderr)")
        let result = try finished.checkContract()
        #expect(result.errorCategory == .cancelled)
        #expect(result.retryable)
        #expect(result.failedCell?.cellIndex == 1)
        #expect(result.cells.compactMap(\.status) == [.succeeded, .failed, .skipped])
        // papermill finalised the notebook: the interrupted cell is in it, with its output.
        let output = try NotebookReader.decode(Data(contentsOf: URL(filePath: finished.outputPath)), path: "output")
        let interrupted = CellAlignment.live(output.cells)[1]
        #expect(interrupted.executionCount != nil)
        #expect(interrupted.outputs.contains { $0.ename == "KeyboardInterrupt" })
        #expect(run.survivors().isEmpty, "\(run.survivors())")
    }

    /// A SIGTERM in nbrunner's first milliseconds still ends in a cancelled result.
    @Test func sigtermRightAtStartIsStillACancellation() async throws {
        let run = SignalledRun()
        let finished = try await run.run(
            Paths.notebook("sleep.ipynb"), trigger: SignalledRun.handlerInstalled,
            signals: [(.terminate, .zero)])
        #expect(finished.exitCode == 143, "\(finished.stderr.suffix(1000))")
        #expect(try finished.checkContract(resultFileExpected: false).errorCategory == .cancelled)
        #expect(run.survivors().isEmpty)
    }

    @Test func sigintIsCancelledWithExit130() async throws {
        let run = SignalledRun()
        let finished = try await run.run(Paths.notebook("sleep.ipynb"), trigger: trigger, signals: [(.interrupt, .seconds(1))])
        #expect(finished.exitCode == 130, "\(finished.stderr)")
        let result = try finished.checkContract()
        #expect(result.errorCategory == .cancelled)
        #expect(run.survivors().isEmpty, "\(run.survivors())")
    }

    /// A papermill that ignores SIGINT is forced once --grace has passed.
    @Test func papermillIgnoringSigintIsEscalatedAfterGrace() async throws {
        let run = SignalledRun()
        let finished = try await run.run(
            Paths.notebook("sleep.ipynb"), ["--grace", "2s"],
            python: try SignalledRun.sigintIgnoringPython(),
            trigger: trigger, signals: [(.terminate, .seconds(1))])
        #expect(finished.exitCode == 143, "\(finished.stderr)")
        #expect(finished.stderr.contains("SIGTERM to its process group"))
        let result = try finished.checkContract()
        #expect(result.errorCategory == .cancelled)
        #expect(run.survivors().isEmpty, "\(run.survivors())")
    }

    /// A second SIGTERM during the grace period skips straight to escalation (the grace here
    /// is far longer than the test's time limit).
    @Test func secondSigtermSkipsTheGrace() async throws {
        let run = SignalledRun()
        let finished = try await run.run(
            Paths.notebook("sleep.ipynb"), ["--grace", "10m"],
            python: try SignalledRun.sigintIgnoringPython(), trigger: trigger,
            signals: [(.terminate, .seconds(1)), (.terminate, .seconds(1))])
        #expect(finished.exitCode == 143, "\(finished.stderr)")
        #expect(finished.stderr.contains("SIGTERM to its process group"))
        try finished.checkContract()
        #expect(run.survivors().isEmpty, "\(run.survivors())")
    }
}
