import FoundationEssentials
import NotebookRunner
import Subprocess
import SystemPackage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs nbrunner and, once its log shows `trigger`, sends it signals (each after a delay) and
/// runs `action` (e.g. writes a file nbrunner is waiting for).
/// Every run carries a unique token in its environment, inherited by papermill, the kernel and
/// anything a cell starts, so /proc can tell afterwards whether any process of it survived.
struct SignalledRun {
    var token = "nbrunner-test-\(UInt64.random(in: 0...UInt64.max))"

    func run(
        _ notebook: String, _ extra: [String] = [], python: String = Paths.python,
        prefix: [String] = [], trigger: String? = nil,
        signals: [(Subprocess.Signal, Duration)] = [],
        action: (@Sendable () throws -> Void)? = nil
    ) async throws -> Finished {
        let dir = temporaryDirectory()
        var env = Nbrunner.inheritedEnvironment
        env["NBRUNNER_TEST_TOKEN"] = token
        var keyed: [Subprocess.Environment.Key: String] = [:]
        for (k, v) in env { keyed[Subprocess.Environment.Key(rawValue: k)!] = v }
        let arguments =
            [
                "run", notebook, "--output", "\(dir)/output.ipynb", "--result", "\(dir)/result.json",
                "--termination-log", "\(dir)/termination-log", "--python", python,
            ] + extra
        let executable = prefix.first ?? Paths.binary
        let args = prefix.isEmpty ? arguments : Array(prefix.dropFirst()) + [Paths.binary] + arguments
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(args), environment: .custom(keyed),
            workingDirectory: FilePath(dir), input: .none, output: .sequence, error: .sequence
        ) { execution in
            async let stdout = Self.collect(execution.standardOutput)
            var stderr: [UInt8] = []
            var fired = trigger == nil
            var sender: Task<Void, Never>?
            if trigger == Self.handlerInstalled {
                // As soon as nbrunner catches SIGTERM (SigCgt bit 15), before anything else.
                fired = true
                let pid = execution.processIdentifier.value
                for _ in 0..<2000 where !Self.catchesSigterm(pid) { try await Task.sleep(for: .milliseconds(1)) }
            }
            if fired { sender = Self.send(signals, to: execution) }
            for try await chunk in execution.standardError {
                chunk.withUnsafeBytes { stderr.append(contentsOf: $0) }
                if !fired, let trigger, String(decoding: stderr, as: UTF8.self).contains(trigger) {
                    fired = true
                    try action?()
                    sender = Self.send(signals, to: execution)
                }
            }
            await sender?.value
            return (try await stdout, String(decoding: stderr, as: UTF8.self))
        }
        let code: Int32
        switch result.terminationStatus {
        case .exited(let c): code = c
        case .signaled(let s): code = 128 + s
        }
        let (stdout, stderr) = result.closureResult
        return Finished(exitCode: code, stdout: stdout, stderr: stderr, directory: dir)
    }

    /// A trigger: the moment nbrunner has its SIGTERM handler.
    static let handlerInstalled = "<SIGTERM handler installed>"

    static func catchesSigterm(_ pid: pid_t) -> Bool {
        guard let status = try? Data(contentsOf: URL(filePath: "/proc/\(pid)/status")) else { return false }
        for line in String(decoding: status, as: UTF8.self).split(separator: "\n") where line.hasPrefix("SigCgt:") {
            let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingPrefix(while: { $0 == "\t" || $0 == " " }), radix: 16) ?? 0
            return mask & (1 << (SIGTERM - 1)) != 0
        }
        return false
    }

    static func send(
        _ signals: [(Subprocess.Signal, Duration)],
        to execution: Execution<NoInput, SequenceOutput, SequenceOutput>
    ) -> Task<Void, Never> {
        Task {
            for (signal, delay) in signals {
                try? await Task.sleep(for: delay)
                try? execution.send(signal: signal)
            }
        }
    }

    static func collect(_ stream: SubprocessOutputSequence) async throws -> String {
        var bytes: [UInt8] = []
        for try await chunk in stream { chunk.withUnsafeBytes { bytes.append(contentsOf: $0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Processes that still carry this run's token (the run is over: there must be none).
    func survivors() -> [String] {
        let needle = Array("NBRUNNER_TEST_TOKEN=\(token)".utf8)
        var found: [String] = []
        for name in FileSystem.entries("/proc") ?? [] where Int32(name) != nil {
            guard let data = try? Data(contentsOf: URL(filePath: "/proc/\(name)/environ")) else { continue }
            let bytes = Array(data)
            for entry in bytes.split(separator: 0) where Array(entry) == needle {
                let comm =
                    (try? Data(contentsOf: URL(filePath: "/proc/\(name)/cmdline")))
                    .map { String(decoding: $0.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self) } ?? "?"
                found.append("\(name): \(comm)")
            }
        }
        return found
    }

    /// A stand-in interpreter: the real one, except that programs given with `-c` (nbrunner's
    /// papermill launcher, the probe) run with SIGINT ignored.
    static func sigintIgnoringPython() throws -> String {
        let path = "\(temporaryDirectory())/python"
        let script = """
            #!/bin/sh
            if [ "$1" = "-c" ]; then
              source="import signal; signal.signal(signal.SIGINT, signal.SIG_IGN)
            $2"
              shift 2
              exec \(Paths.python) -c "$source" "$@"
            fi
            exec \(Paths.python) "$@"

            """
        try Data(script.utf8).write(to: URL(filePath: path))
        chmod(path, 0o755)
        return path
    }

    /// A stand-in interpreter whose probe never answers (it sleeps), while nbrunner's papermill
    /// launcher runs for real.
    static func slowProbePython() throws -> String {
        let path = "\(temporaryDirectory())/python"
        let script = """
            #!/bin/sh
            case "$2" in
              *"nbrunner papermill launcher"*) ;;
              *) [ "$1" = "-c" ] && exec \(Paths.python) -c "import time; time.sleep(30)" ;;
            esac
            exec \(Paths.python) "$@"

            """
        try Data(script.utf8).write(to: URL(filePath: path))
        chmod(path, 0o755)
        return path
    }
}
