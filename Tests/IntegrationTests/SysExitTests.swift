import Testing
import NotebookRunner

/// `sys.exit(0)` ends the notebook early and is a success, as papermill decides it;
/// `sys.exit(1)` is a failure.
@Suite struct SysExitTests {
    @Test func exitZeroIsSuccess() async throws {
        let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"))
        #expect(run.exitCode == 0, "\(run.stderr)")
        let result = try run.checkContract()
        #expect(result.errorCategory == .none)
        #expect(result.cells.compactMap(\.status) == [.succeeded, .succeeded, .skipped])
        #expect(result.papermill?.returnCode == 0, "papermill itself counts it as success")
    }

    @Test func exitOneIsFailure() async throws {
        let run = try await Nbrunner.run(Paths.notebook("sysexit1.ipynb"))
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.failedCell?.cellIndex == 1)
        #expect(result.failedCell?.ename == "SystemExit")
        #expect(result.failedCell?.evalue == "1")
    }
}
