import NotebookRunner
import Testing

/// A kernel that dies (killed by a signal, `os._exit`) is `kernel_died`, exit 6, with the cell
/// that was running; papermill's metadata says every cell completed, so this comes from
/// nbrunner's own observation.
@Suite(.timeLimit(.minutes(2))) struct KernelDeathTests {
    @Test(arguments: ["kill-self.ipynb", "os-exit.ipynb"])
    func kernelDeathExitsSix(notebook: String) async throws {
        let run = SignalledRun()
        let finished = try await run.run(Paths.notebook(notebook))
        #expect(finished.exitCode == 6, "\(finished.stderr)")
        let result = try finished.checkContract()
        #expect(result.errorCategory == .kernelDied)
        #expect(result.retryable)
        #expect(result.failedCell?.cellIndex == 1)
        #expect(result.cells.compactMap(\.status) == [.succeeded, .failed, .skipped])
        #expect(result.papermill?.returnCode == 138)
        #expect(run.survivors().isEmpty, "\(run.survivors())")
    }
}
