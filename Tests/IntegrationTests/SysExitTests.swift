import NotebookRunner
import Testing

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

    /// IPython writes a UserWarning to the cell's stderr on sys.exit(); it is IPython's, so the
    /// notebook still passes at the strictest level.
    @Test func exitZeroPassesInProduction() async throws {
        let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), ["--validation-level", "production"])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
        #expect(run.stderr.contains("UserWarning: To exit: use 'exit', 'quit', or Ctrl-D."), "IPython still wrote it")
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
