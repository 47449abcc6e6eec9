import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What the result says about cells whose end the output notebook does not tell plainly.
@Suite(.timeLimit(.minutes(2)))
struct LostOutcomeTests {
    /// SIGTERM just after the last cell completed, during papermill's kernel shutdown and final
    /// save: that cell completed without an exception and is not `failed: interrupted`.
    @Test func aStopAfterTheLastCellDoesNotFailIt() async throws {
        // The print comes before the cell's reply: a stop within milliseconds of it may still
        // interrupt the cell, rightly. A second later the reply is in, and papermill is still
        // shutting the kernel down (its atexit hook takes 4 s), so the stop always lands there.
        let run = try await SignalledRun().run(
            Paths.notebook("late-stop.ipynb"), trigger: "\nlast-cell-done\n",
            signals: [(.terminate, .milliseconds(1000))])
        let result = try run.checkContract()
        #expect(run.exitCode == 143, "\(run.stderr.suffix(2000))")
        #expect(result.cells.map(\.status) == [.succeeded, .succeeded], "\(result.cells)")
        #expect(result.failedCell == nil)
        #expect(!result.cells.contains { $0.note?.hasPrefix("interrupted") == true })
        #expect(result.error.contains("after cell 1 (In [2]) had completed"), "\(result.error)")
    }

    /// papermill SIGKILLed before it saved the first cells' outputs (--save-every 1h): they ran
    /// (the live log showed them start), so they are not `skipped: not executed`.
    @Test func cellsWhoseOutputsWereLostAreNotSkipped() async throws {
        let run = try await Nbrunner.run(Paths.notebook("kill-papermill.ipynb"), ["--save-every", "1h"])
        let result = try run.checkContract()
        #expect(run.exitCode == 7, "\(run.stderr.suffix(2000))")
        #expect(result.cells.map(\.status) == [.succeeded, .succeeded, .failed, .skipped], "\(result.cells)")
        #expect(result.cells[0].note == CellOutcomes.outputsLost && result.cells[1].note == CellOutcomes.outputsLost)
        #expect(result.cells[2].note == "papermill was killed by signal 9 while this cell ran")
    }
}
