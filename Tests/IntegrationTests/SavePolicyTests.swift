import FoundationEssentials
import NotebookRunner
import Subprocess
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// With papermill's per-cell rewrites throttled (`--save-every`, default 5 s), the output
/// notebook still holds the output of every cell that ran, however the run ends.
@Suite(.timeLimit(.minutes(3))) struct SavePolicyTests {
    /// The outputs of cells 0..<count are all in the saved notebook.
    func missingOutputs(_ run: Finished, upTo count: Int) throws -> [Int] {
        let text = String(decoding: try Data(contentsOf: URL(filePath: run.outputPath)), as: UTF8.self)
        // ipykernel may flush print's text and its newline as two stream outputs.
        return (0..<count).filter { !text.contains("cell-output-\($0)\\n") && !text.contains("cell-output-\($0)\"") }
    }

    @Test func sigtermDuringTheLastCellKeepsEveryEarlierOutput() async throws {
        let run = SignalledRun()
        let finished = try await run.run(
            Paths.notebook("long-sleep.ipynb"), ["--save-every", "1h"],
            trigger: "last cell sleeping", signals: [(.terminate, .milliseconds(500))])
        #expect(finished.exitCode == 143, "\(finished.stderr.suffix(2000))")
        let result = try finished.checkContract()
        #expect(result.failedCell?.cellIndex == 199)
        let missing = try missingOutputs(finished, upTo: 199)
        #expect(missing == [], "missing \(missing.prefix(10)) of 199")
        #expect(run.survivors().isEmpty)
    }

    @Test func deadlineDuringTheLastCellKeepsEveryEarlierOutput() async throws {
        let run = SignalledRun()
        let finished = try await run.run(Paths.notebook("long-sleep.ipynb"), ["--save-every", "1h", "--timeout", "12s"])
        #expect(finished.exitCode == 5, "\(finished.stderr.suffix(2000))")
        let result = try finished.checkContract()
        let stopped = try #require(result.failedCell?.cellIndex)
        let missing = try missingOutputs(finished, upTo: stopped)
        #expect(missing == [], "missing \(missing.prefix(10)) before the stopped cell \(stopped)")
    }

    @Test func kernelDeathInTheLastCellKeepsEveryEarlierOutput() async throws {
        let run = SignalledRun()
        let finished = try await run.run(Paths.notebook("long-kill.ipynb"), ["--save-every", "1h"])
        #expect(finished.exitCode == 6, "\(finished.stderr.suffix(2000))")
        let result = try finished.checkContract()
        #expect(result.failedCell?.cellIndex == 199)
        let missing = try missingOutputs(finished, upTo: 199)
        #expect(missing == [], "missing \(missing.prefix(10)) of 199 in \(finished.outputPath)")
    }

    /// papermill whose patch points moved: the launcher warns and papermill runs as it is.
    @Test func fallbackWhenThePatchPointsAreMissing() async throws {
        let site = temporaryDirectory()
        try Data(
            """
            import papermill.engines as engines
            class MovedManager(engines.NotebookExecutionManager):
                pass
            engines.NotebookExecutionManager = MovedManager  # save/notebook_complete now inherited

            """.utf8
        ).write(to: URL(filePath: "\(site)/sitecustomize.py"))
        let run = try await Nbrunner.run(Paths.notebook("error.ipynb"), environment: ["PYTHONPATH": site])
        #expect(run.exitCode == 1, "\(run.stderr.suffix(2000))")
        #expect(run.stderr.contains("\(PapermillLauncher.marker) warning: papermill's NotebookExecutionManager.save/notebook_complete were not found"))
        let result = try run.checkContract()
        #expect(result.failedCell?.cellIndex == 2)

        let normal = try await Nbrunner.run(Paths.notebook("error.ipynb"))
        #expect(!normal.stderr.contains(PapermillLauncher.marker), "no warning when the hooks are there")
    }
}
