import FoundationEssentials
import NotebookRunner
import Testing

/// A cell raises: exit 1, the SOURCE index, ename and evalue, a clean traceback, the output
/// notebook kept, later cells skipped.
@Suite struct CellErrorTests {
    @Test func failingCellIsReportedAtItsSourceIndex() async throws {
        let run = try await Nbrunner.run(Paths.notebook("error.ipynb"))
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.errorCategory == .notebookExecutionFailed)
        #expect(result.retryable == false)
        #expect(result.failedCell?.cellIndex == 2)
        #expect(result.failedCell?.ename == "ValueError")
        #expect(result.failedCell?.evalue == "boom: the value was wrong")
        #expect(result.cells.count == 4, "papermill's two marker cells must not appear")
        let failed = result.cells[2]
        #expect(failed.status == .failed)
        #expect(failed.error == "ValueError: boom: the value was wrong")
        let traceback = try #require(failed.traceback)
        #expect(!traceback.isEmpty)
        #expect(!traceback.joined().contains("\u{1B}["), "tracebacks are ANSI-stripped")
        #expect(result.cells[3].status == .skipped)
        #expect(result.statistics.failedCells == 1)
        #expect(result.statistics.codeCells == 3)
        #expect(FileSystem.isRegularFile(run.outputPath), "the output notebook is kept")
        let (_, message) = try run.termination()
        #expect(message.failedCell?.cellIndex == 2)
        #expect(message.failedCell?.ename == "ValueError")
    }

    @Test func failedMagicHasNoErrorOutputButStillFails() async throws {
        let run = try await Nbrunner.run(Paths.notebook("magic-error.ipynb"))
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.failedCell?.cellIndex == 0)
        #expect(result.cells[1].status == .skipped)
    }

    @Test func blankCellsMarkersAndSkipTagsKeepSourceIndices() async throws {
        let run = try await Nbrunner.run(Paths.notebook("blank-and-markers.ipynb"))
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.failedCell?.cellIndex == 5)
        #expect(result.failedCell?.ename == "KeyError")
        #expect(result.cells.compactMap(\.status) == [.skipped, .succeeded, .succeeded, .succeeded, .skipped, .failed, .skipped])
    }

    @Test func tinyTerminationBudgetStillGivesValidJSON() async throws {
        let run = try await Nbrunner.run(Paths.notebook("error.ipynb"), ["--termination-budget", "128"])
        #expect(run.exitCode == 1)
        try run.checkContract(budget: 128)
    }
}
