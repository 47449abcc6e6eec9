import FoundationEssentials
import NotebookRunner
import Subprocess
import SystemPackage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The package root, the built binary and the test venv's interpreter.
enum Paths {
    static let root: String = {
        var path = #filePath
        for _ in 0..<4 { path = FileSystem.parent(path) }  // Support/ → IntegrationTests/ → Tests/ → root
        return path
    }()
    static let binary = ProcessInfo.processInfo.environment["NBRUNNER_BIN"] ?? "\(root)/.build/debug/nbrunner"
    static let python = ProcessInfo.processInfo.environment["NBRUNNER_TEST_PYTHON"] ?? "\(root)/.venv/bin/python"
    static func fixture(_ name: String) -> String { "\(root)/Tests/Fixtures/\(name)" }
    static func notebook(_ name: String) -> String { fixture("notebooks/\(name)") }
}

/// One finished `nbrunner` process and everything it produced.
struct Finished {
    var exitCode: Int32
    var stdout: String
    var stderr: String
    var directory: String

    var resultPath: String { "\(directory)/result.json" }
    var outputPath: String { "\(directory)/output.ipynb" }
    var terminationPath: String { "\(directory)/termination-log" }

    /// The JSON after `Results Summary:`, as today's controller extracts it (first marker,
    /// first `{` to last `}` of the whole log).
    func summary() throws -> RunResult {
        let log = stderr + stdout  // the block is printed after every stderr line
        let marker = try #require(log.firstRange(of: "Results Summary:"))
        let rest = log[marker.upperBound...]
        let open = try #require(rest.firstIndex(of: "{"))
        let close = try #require(rest.lastIndex(of: "}"))
        return try ResultJSON.decoder().decode(RunResult.self, from: Data(rest[open...close].utf8))
    }

    func resultFile() throws -> RunResult {
        try ResultJSON.decoder().decode(RunResult.self, from: Data(contentsOf: URL(filePath: resultPath)))
    }

    func termination() throws -> (bytes: Int, message: TerminationMessage) {
        let data = try Data(contentsOf: URL(filePath: terminationPath))
        return (data.count, try ResultJSON.decoder().decode(TerminationMessage.self, from: data))
    }

    /// The contract every run keeps, whatever happened: the summary block is last on stdout and
    /// the marker appears once; it matches the result file and the exit code; the termination
    /// message is valid JSON within the budget and agrees. `logOnStdout`: nbrunner ran as in a
    /// container (PID 1), so its log is on stdout before the block and stderr is empty.
    @discardableResult
    func checkContract(
        budget: Int = 4096, resultFileExpected: Bool = true, logOnStdout: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RunResult {
        // The block: the marker, then the result as indented JSON over short lines, nothing after.
        let lines = stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = logOnStdout ? (lines.firstIndex(of: "Results Summary:") ?? lines.endIndex) : 0
        let block = lines[start...]
        #expect(
            block.count > 3 && block.first == "Results Summary:" && block.dropFirst().first == "{"
                && block.last == "" && block.dropLast().last == "}",
            "stdout must end with the summary block, got: \(stdout.suffix(500))", sourceLocation: sourceLocation)
        if logOnStdout {
            #expect(stderr.isEmpty && start > 0, "the log must be on stdout: \(stderr.prefix(500))", sourceLocation: sourceLocation)
        }
        #expect(lines.allSatisfy { $0.utf8.count <= RunnerLog.maxLineBytes }, sourceLocation: sourceLocation)
        #expect(
            (stdout + stderr).ranges(of: "Results Summary:").count == 1,
            "the marker must appear exactly once", sourceLocation: sourceLocation)
        let summary = try summary()
        #expect(summary.exitCode == exitCode, sourceLocation: sourceLocation)
        #expect(summary.status == (exitCode == 0 ? .succeeded : .failed), sourceLocation: sourceLocation)
        #expect(summary.errorCategory.exitCode == exitCode || summary.errorCategory == .cancelled, sourceLocation: sourceLocation)
        if resultFileExpected {
            #expect(try resultFile() == summary, sourceLocation: sourceLocation)
        }
        let (bytes, message) = try termination()
        #expect(bytes <= budget, sourceLocation: sourceLocation)
        #expect(message.exitCode == exitCode, sourceLocation: sourceLocation)
        #expect(message.errorCategory == summary.errorCategory.rawValue, sourceLocation: sourceLocation)
        return summary
    }
}

extension Finished {
    /// Every place nbrunner writes (log, result, termination message, output notebook) that
    /// holds `secret` verbatim or JSON-escaped.
    func leaks(_ secret: String) -> [String] {
        let escaped = secret.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        var places = ["stdout": stdout, "stderr": stderr]
        for (name, path) in [("result", resultPath), ("termination", terminationPath), ("notebook", outputPath)] {
            places[name] = (try? Data(contentsOf: URL(filePath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        return places.compactMap { name, text in text.contains(secret) || text.contains(escaped) ? name : nil }.sorted()
    }
}

enum Nbrunner {
    /// Runs `nbrunner run NOTEBOOK` with outputs in a fresh temporary folder.
    /// `replaceEnvironment`: `environment` is all nbrunner gets, not added to the tests' own.
    static func run(
        _ notebook: String, _ extra: [String] = [], environment: [String: String] = [:],
        replaceEnvironment: Bool = false, python: String? = Paths.python
    ) async throws -> Finished {
        let dir = temporaryDirectory()
        var arguments = [
            "run", notebook, "--output", "\(dir)/output.ipynb", "--result", "\(dir)/result.json",
            "--termination-log", "\(dir)/termination-log",
        ]
        if let python { arguments += ["--python", python] }
        return try await raw(arguments + extra, environment: environment, replaceEnvironment: replaceEnvironment, directory: dir)
    }

    /// Runs the binary with exactly these arguments.
    static func raw(
        _ arguments: [String], environment: [String: String] = [:], replaceEnvironment: Bool = false,
        directory: String? = nil, binary: String = Paths.binary, prefix: [String] = []
    ) async throws -> Finished {
        let dir = directory ?? temporaryDirectory()
        var env = replaceEnvironment ? [:] : Nbrunner.inheritedEnvironment
        for (k, v) in environment { env[k] = v }
        var keyed: [Subprocess.Environment.Key: String] = [:]
        for (k, v) in env { keyed[Subprocess.Environment.Key(rawValue: k)!] = v }
        let executable = prefix.first ?? binary
        let args = prefix.isEmpty ? arguments : Array(prefix.dropFirst()) + [binary] + arguments
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(args), environment: .custom(keyed),
            workingDirectory: FilePath(dir), input: .none,
            output: .string(limit: 16 << 20), error: .string(limit: 16 << 20))
        let code: Int32
        switch result.terminationStatus {
        case .exited(let c): code = c
        case .signaled(let s): code = 128 + s
        }
        return Finished(exitCode: code, stdout: result.standardOutput, stderr: result.standardError, directory: dir)
    }

    /// The tests' environment, less what would tell nbrunner it runs in a container (a CI job in
    /// a pod): tests that want its log on stdout say so.
    static var inheritedEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["KUBERNETES_SERVICE_HOST"] = nil
        env["container"] = nil
        return env
    }

    static func removeTree(_ path: String) throws {
        _ = try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs the test venv's Python, for asking papermill or jupyter_client directly.
    static func python(_ code: String, environment: [String: String] = [:]) async throws -> String {
        var keyed: [Subprocess.Environment.Key: String?] = [:]
        for (k, v) in environment { keyed[Subprocess.Environment.Key(rawValue: k)!] = v }
        let result = try await Subprocess.run(
            .path(FilePath(Paths.python)), arguments: ["-c", code], environment: .inherit.updating(keyed),
            input: .none, output: .string(limit: 1 << 20), error: .discarded)
        return result.standardOutput.trimmedLine
    }
}

func temporaryDirectory() -> String {
    var template = Array("/tmp/nbrunner-it-XXXXXX".utf8CString)
    let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    chmod(path, 0o777)  // random-UID runs write here too
    return path
}

extension String {
    var trimmedLine: String {
        var s = Substring(self)
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
