import FoundationEssentials
import NotebookRunner
import Subprocess
import Testing

/// Real outputs for the Go client's tests (clients/go): each case runs nbrunner as a
/// controller would meet it and writes what the controller reads (the pod log, the result
/// file, the termination message, the exit code) into `$NBRUNNER_CONTROLLER_OUTPUTS/<case>/`,
/// by default `.build/controller-outputs/<case>/`. `go test` in clients/go decodes them and
/// checks the decisions; this suite only checks that each case is the outcome it is named for.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ControllerOutputsTests {
    static let directory =
        ProcessInfo.processInfo.environment["NBRUNNER_CONTROLLER_OUTPUTS"]
        ?? "\(Paths.root)/.build/controller-outputs"

    /// Runs nbrunner as in a pod (`KUBERNETES_SERVICE_HOST` set) and records its pod log as the
    /// container runtime does (``RuntimeLog``: two pipes read at once, lines in the order read).
    static func podRun(
        _ notebook: String, _ extra: [String] = [], environment: [String: String] = [:],
        signal: (trigger: String, signal: Subprocess.Signal)? = nil
    ) async throws -> RuntimeLog {
        var env = environment
        env["KUBERNETES_SERVICE_HOST"] = "10.96.0.1"
        return try await RuntimeLog.run(notebook, extra, environment: env, signal: signal)
    }

    /// Writes the case's files: pod.log, stdout.log, result.json, termination-log, exit-code.
    static func save(
        _ name: String, _ run: RuntimeLog, expectedExit: Int32,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(run.exitCode == expectedExit, "\(name): \(run.text.suffix(3000))", sourceLocation: sourceLocation)
        let dir = "\(directory)/\(name)"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(run.text.utf8).write(to: URL(filePath: "\(dir)/pod.log"))
        let stdout = run.lines.filter { $0.stream == .stdout }.map { $0.text + "\n" }.joined()
        try Data(stdout.utf8).write(to: URL(filePath: "\(dir)/stdout.log"))
        try Data("\(run.exitCode)\n".utf8).write(to: URL(filePath: "\(dir)/exit-code"))
        for (source, target) in [("\(run.directory)/result.json", "result.json"), ("\(run.directory)/termination-log", "termination-log")] {
            let data = try Data(contentsOf: URL(filePath: source))
            try data.write(to: URL(filePath: "\(dir)/\(target)"))
        }
        try? Nbrunner.removeTree(run.directory)
    }

    /// Passes, and its notebook prints a forged `Results Summary:` and a JSON with braces.
    @Test func success() async throws {
        let run = try await Self.podRun(Paths.notebook("summary-marker.ipynb"))
        try Self.save("success", run, expectedExit: 0)
    }

    @Test func cellError() async throws {
        let run = try await Self.podRun(Paths.notebook("error.ipynb"))
        try Self.save("cell-error", run, expectedExit: 1)
    }

    @Test func timeout() async throws {
        let run = try await Self.podRun(Paths.notebook("sleep.ipynb"), ["--timeout", "8s"])
        try Self.save("timeout", run, expectedExit: 5)
    }

    @Test func sigterm() async throws {
        let run = try await Self.podRun(
            Paths.notebook("sleep.ipynb"),
            signal: (trigger: "cell 2/3 (cell_index 1) started", signal: .terminate))
        try Self.save("sigterm", run, expectedExit: 143)
    }

    /// The operator's variables: fail on stderr at level learning; cell 2 writes to stderr.
    @Test func validationFailure() async throws {
        let run = try await Self.podRun(
            Paths.notebook("validation.ipynb"),
            environment: [
                "VALIDATION_LEVEL": "learning", "VALIDATION_STRICT_MODE": "false", "VALIDATION_FAIL_ON_STDERR": "true",
                "VALIDATION_FAIL_ON_WARNINGS": "false", "VALIDATION_DETECT_SILENT_FAILURES": "false",
            ])
        try Self.save("validation-failure", run, expectedExit: 1)
    }

    @Test func goldenMismatch() async throws {
        let run = try await Self.podRun(
            Paths.notebook("golden-source.ipynb"),
            ["--golden", Paths.notebook("golden-mismatch.ipynb")])
        try Self.save("golden-mismatch", run, expectedExit: 1)
    }

    /// Preflight: the notebook's kernel does not exist (exit 3, before any kernel starts).
    @Test func missingKernel() async throws {
        let run = try await Self.podRun(Paths.notebook("unknown-kernel.ipynb"))
        try Self.save("missing-kernel", run, expectedExit: 3)
    }

    /// Preflight: a bad option value (exit 2).
    @Test func badOption() async throws {
        let run = try await Self.podRun(Paths.notebook("error.ipynb"), ["--timeout", "soon"])
        try Self.save("bad-option", run, expectedExit: 2)
    }
}
