import FoundationEssentials
import Subprocess
import Testing
import NotebookRunner

/// Real outputs for the Go client's tests (clients/go): each case runs nbrunner as a
/// controller would meet it and writes what the controller reads (the pod log, the result
/// file, the termination message, the exit code) into `$NBRUNNER_CONTROLLER_OUTPUTS/<case>/`,
/// by default `.build/controller-outputs/<case>/`. `go test` in clients/go decodes them and
/// checks the decisions; this suite only checks that each case is the outcome it is named for.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ControllerOutputsTests {
    static let directory = ProcessInfo.processInfo.environment["NBRUNNER_CONTROLLER_OUTPUTS"]
        ?? "\(Paths.root)/.build/controller-outputs"

    /// The pod log as the controller reads it: for now stderr, then stdout (the summary block
    /// is printed after every stderr line).
    static func podLog(_ run: Finished) -> String {
        run.stderr + run.stdout
    }

    /// Writes the case's files: pod.log, stdout.log, result.json, termination-log, exit-code.
    static func save(_ name: String, _ run: Finished, expectedExit: Int32,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(run.exitCode == expectedExit, "\(name): \(run.stderr.suffix(3000))", sourceLocation: sourceLocation)
        let dir = "\(directory)/\(name)"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(podLog(run).utf8).write(to: URL(filePath: "\(dir)/pod.log"))
        try Data(run.stdout.utf8).write(to: URL(filePath: "\(dir)/stdout.log"))
        try Data("\(run.exitCode)\n".utf8).write(to: URL(filePath: "\(dir)/exit-code"))
        for (source, target) in [(run.resultPath, "result.json"), (run.terminationPath, "termination-log")] {
            let data = try Data(contentsOf: URL(filePath: source))
            try data.write(to: URL(filePath: "\(dir)/\(target)"))
        }
    }

    /// Passes, and its notebook prints a forged `Results Summary:` and a JSON with braces.
    @Test func success() async throws {
        let run = try await Nbrunner.run(Paths.notebook("summary-marker.ipynb"))
        try Self.save("success", run, expectedExit: 0)
    }

    @Test func cellError() async throws {
        let run = try await Nbrunner.run(Paths.notebook("error.ipynb"))
        try Self.save("cell-error", run, expectedExit: 1)
    }

    @Test func timeout() async throws {
        let run = try await Nbrunner.run(Paths.notebook("sleep.ipynb"), ["--timeout", "8s"])
        try Self.save("timeout", run, expectedExit: 5)
    }

    @Test func sigterm() async throws {
        let run = try await SignalledRun().run(Paths.notebook("sleep.ipynb"), trigger: "cell 2/3 (cell_index 1) started",
                                               signals: [(.terminate, .seconds(1))])
        try Self.save("sigterm", run, expectedExit: 143)
    }

    /// The operator's variables: fail on stderr at level learning; cell 2 writes to stderr.
    @Test func validationFailure() async throws {
        let run = try await Nbrunner.run(Paths.notebook("validation.ipynb"), environment: [
            "VALIDATION_LEVEL": "learning", "VALIDATION_STRICT_MODE": "false", "VALIDATION_FAIL_ON_STDERR": "true",
            "VALIDATION_FAIL_ON_WARNINGS": "false", "VALIDATION_DETECT_SILENT_FAILURES": "false",
        ])
        try Self.save("validation-failure", run, expectedExit: 1)
    }

    @Test func goldenMismatch() async throws {
        let run = try await Nbrunner.run(Paths.notebook("golden-source.ipynb"),
                                         ["--golden", Paths.notebook("golden-mismatch.ipynb")])
        try Self.save("golden-mismatch", run, expectedExit: 1)
    }

    /// Preflight: the notebook's kernel does not exist (exit 3, before any kernel starts).
    @Test func missingKernel() async throws {
        let run = try await Nbrunner.run(Paths.notebook("unknown-kernel.ipynb"))
        try Self.save("missing-kernel", run, expectedExit: 3)
    }

    /// Preflight: a bad option value (exit 2).
    @Test func badOption() async throws {
        let run = try await Nbrunner.run(Paths.notebook("error.ipynb"), ["--timeout", "soon"])
        try Self.save("bad-option", run, expectedExit: 2)
    }
}
