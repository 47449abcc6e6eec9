import NotebookRunner
import Testing

/// The launcher starts before the probe and the kernel check (LauncherGate) but runs papermill
/// only when they pass: a failed preflight leaves no launcher, no papermill and no kernel.
@Suite(.timeLimit(.minutes(2)))
struct EarlyLauncherTests {
    @Test func aFailedPreflightStartsNothing() async throws {
        let run = SignalledRun()
        let finished = try await run.run(Paths.notebook("unknown-kernel.ipynb"))
        #expect(finished.exitCode == 3, "\(finished.stderr)")
        #expect(!finished.stderr.contains("Input Notebook:"), "papermill's CLI never ran")
        #expect(!finished.stderr.contains(PapermillLauncher.marker))
        #expect(run.survivors().isEmpty)
        #expect(!FileSystem.exists(finished.outputPath))
    }

    /// A stop signal during preflight (the probe is slow here) kills the waiting launcher.
    @Test func aStopDuringPreflightStartsNothing() async throws {
        let run = SignalledRun()
        let python = try SignalledRun.slowProbePython()
        let finished = try await run.run(
            Paths.notebook("params.ipynb"), python: python,
            trigger: "identity:", signals: [(.terminate, .milliseconds(300))])
        #expect(finished.exitCode == 143, "\(finished.stderr)")
        let result = try finished.checkContract()
        #expect(result.errorCategory == .cancelled)
        #expect(!finished.stderr.contains("Input Notebook:"))
        #expect(run.survivors().isEmpty)
    }
}
