import NotebookRunner
import Testing

/// `--timeout` (whole run) and `--cell-timeout` (papermill --execution-timeout): exit 5, the
/// running cell named, nothing left running.
@Suite(.timeLimit(.minutes(2))) struct DeadlineTests {
    @Test func wholeRunTimeout() async throws {
        let run = SignalledRun()
        let finished = try await run.run(Paths.notebook("sleep.ipynb"), ["--timeout", "8s"])
        #expect(finished.exitCode == 5, "\(finished.stderr)")
        let result = try finished.checkContract()
        #expect(result.errorCategory == .timeout)
        #expect(result.failedCell?.cellIndex == 1)
        #expect(result.error.contains("--timeout 8s"))
        #expect(result.durationSeconds < 40, "the sleeping cell (60 s) must have been stopped")
        #expect(run.survivors().isEmpty, "\(run.survivors())")
    }

    @Test func cellTimeoutIsATimeoutNotACellError() async throws {
        let run = SignalledRun()
        let finished = try await run.run(Paths.notebook("sleep.ipynb"), ["--cell-timeout", "2s"])
        #expect(finished.exitCode == 5, "\(finished.stderr)")
        let result = try finished.checkContract()
        #expect(result.errorCategory == .timeout)
        #expect(result.failedCell?.cellIndex == 1)
        #expect(result.cells[1].note == "this cell timed out")
        #expect(run.survivors().isEmpty, "\(run.survivors())")
    }
}
