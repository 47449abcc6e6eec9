import FoundationEssentials
import NotebookRunner
import Subprocess
import Synchronization
import SystemPackage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A pod log as a container runtime records it: nbrunner's stdout and stderr are two pipes read
/// at the same time, each line stamped when it is read, and the log is the lines in stamp order.
/// Not `2>&1`: that is one pipe, and the order would be nbrunner's own.
struct RuntimeLog {
    struct Line {
        var stamp: ContinuousClock.Instant
        var stream: Stream
        var text: String
    }
    enum Stream: Int, Comparable {
        case stdout = 0
        case stderr = 1
        static func < (a: Stream, b: Stream) -> Bool { a.rawValue < b.rawValue }
    }

    var exitCode: Int32
    var directory: String
    /// In stamp order; a tie puts the stderr line last (the order that would break the
    /// controller's parse).
    var lines: [Line]

    var text: String { lines.map(\.text).joined(separator: "\n") + "\n" }

    /// Runs `nbrunner run NOTEBOOK` with outputs in a fresh folder and `extra` options. With
    /// `signal`, sends it once a line holding `trigger` has been read from either stream.
    static func run(
        _ notebook: String, _ extra: [String] = [], environment: [String: String] = [:],
        signal: (trigger: String, signal: Subprocess.Signal)? = nil
    ) async throws -> RuntimeLog {
        let dir = temporaryDirectory()
        var env = Nbrunner.inheritedEnvironment
        for (k, v) in environment { env[k] = v }
        var keyed: [Subprocess.Environment.Key: String] = [:]
        for (k, v) in env { keyed[Subprocess.Environment.Key(rawValue: k)!] = v }
        let arguments =
            [
                "run", notebook, "--output", "\(dir)/output.ipynb", "--result", "\(dir)/result.json",
                "--termination-log", "\(dir)/termination-log", "--python", Paths.python,
            ] + extra
        let sent = Mutex(false)
        let result = try await Subprocess.run(
            .path(FilePath(Paths.binary)), arguments: Arguments(arguments), environment: .custom(keyed),
            workingDirectory: FilePath(dir), input: .none, output: .sequence, error: .sequence
        ) { execution in
            let onLine: @Sendable (String) -> Void = { text in
                guard let signal, text.contains(signal.trigger) else { return }
                if sent.withLock({
                    let first = !$0
                    $0 = true
                    return first
                }) {
                    try? execution.send(signal: signal.signal)
                }
            }
            async let out = Self.read(execution.standardOutput, .stdout, onLine)
            let err = try await Self.read(execution.standardError, .stderr, onLine)
            return try await out + err
        }
        let code: Int32
        switch result.terminationStatus {
        case .exited(let c): code = c
        case .signaled(let s): code = 128 + s
        }
        let merged = result.closureResult.sorted { ($0.stamp, $0.stream) < ($1.stamp, $1.stream) }
        return RuntimeLog(exitCode: code, directory: dir, lines: merged)
    }

    /// Reads a pipe as the runtime does: each chunk's complete lines stamped when it arrives.
    static func read(
        _ stream: SubprocessOutputSequence, _ name: Stream,
        _ onLine: @Sendable (String) -> Void
    ) async throws -> [Line] {
        var lines: [Line] = []
        var pending: [UInt8] = []
        let clock = ContinuousClock()
        for try await chunk in stream {
            let stamp = clock.now
            chunk.withUnsafeBytes { pending.append(contentsOf: $0) }
            while let newline = pending.firstIndex(of: 0x0A) {
                let text = String(decoding: pending[..<newline], as: UTF8.self)
                lines.append(Line(stamp: stamp, stream: name, text: text))
                onLine(text)
                pending.removeSubrange(...newline)
            }
        }
        if !pending.isEmpty {
            lines.append(Line(stamp: clock.now, stream: name, text: String(decoding: pending, as: UTF8.self)))
        }
        return lines
    }
}

/// The operator's controller, as it reads a pod log today (internal/controller/pod_log_helper.go),
/// written again from its description: the first `Results Summary:`, the text from the first `{`
/// after it to the last `}` of the whole log, decoded into its `NotebookExecutionResult`; on
/// failure, the first five lines holding an error pattern, trimmed and joined.
enum Controller {
    /// The controller's Go struct: exactly these fields and types.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    // The field names are the JSON keys the controller decodes.
    struct NotebookExecutionResult: Decodable {
        var status: String
        var error: String
        var exit_code: Int
        var notebook_path: String
        var execution_duration_seconds: Int
        var timestamp: String
        var cells: [Cell]
        var statistics: Statistics
        struct Cell: Decodable {
            var cell_index: Int
            var cell_type: String
            var execution_count: Int?
            var status: String?
            var error: String?
            var traceback: [String]?
        }
        struct Statistics: Decodable {
            var total_cells: Int
            var code_cells: Int
            var failed_cells: Int
            var success_rate: Double
        }
    }

    struct ParseError: Error, CustomStringConvertible { var description: String }

    static func parseResults(_ log: String) throws -> NotebookExecutionResult {
        guard let marker = log.firstRange(of: "Results Summary:") else { throw ParseError(description: "results summary not found in logs") }
        let section = log[marker.upperBound...]
        guard let open = section.firstIndex(of: "{") else { throw ParseError(description: "JSON start not found") }
        guard let close = section.lastIndex(of: "}") else { throw ParseError(description: "JSON end not found") }
        guard open <= close else { throw ParseError(description: "JSON end before its start") }
        do {
            return try JSONDecoder().decode(NotebookExecutionResult.self, from: Data(section[open...close].utf8))
        } catch {
            throw ParseError(description: "failed to parse results JSON: \(error)")
        }
    }

    static let errorPatterns = ["ERROR:", "Error:", "FAILED:", "Failed:", "Exception:", "Traceback"]

    static func extractError(_ log: String) -> String {
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in errorPatterns.contains { line.contains($0) } }
            .prefix(5)
            .map { line in String(line.trimmingPrefix(while: \.isWhitespace).reversed().trimmingPrefix(while: \.isWhitespace).reversed()) }
        return lines.isEmpty ? "Validation failed (see pod logs for details)" : lines.joined(separator: "\n")
    }

    /// Whether the golden parse would find a block (nbrunner never prints one).
    static func hasGoldenBlock(_ log: String) -> Bool { log.contains("Golden Notebook Summary:") }
}
