import Subprocess
import SystemPackage

/// Runs papermill and streams its output live: stdin `/dev/null`, stdout and stderr read as raw
/// chunks, split into bounded lines, and written to nbrunner's stderr (stdout is kept for the
/// result block). papermill's `Executing Cell N` frames become nbrunner progress lines.
///
/// Returns only when papermill has exited and both pipes have reached EOF, so nothing papermill
/// or its kernel wrote can land after the result block.
public struct PapermillSupervisor: Sendable {
    public var command: PapermillCommand
    public var environment: [String: String]
    public var workingDirectory: String
    public var log: RunnerLog

    /// Lines of papermill's stderr kept for classification, each clipped.
    static let tailLines = 200
    static let tailLineBytes = 2048

    public init(command: PapermillCommand, environment: [String: String], workingDirectory: String, log: RunnerLog) {
        self.command = command
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.log = log
    }

    public func run(progress: CellProgress) async throws(RunFailure) -> PapermillObservation {
        let log = self.log
        do {
            let result = try await Subprocess.run(
                .path(FilePath(command.executable)),
                arguments: Arguments(command.arguments),
                environment: ProcessEnvironment.subprocess(environment),
                workingDirectory: FilePath(workingDirectory),
                input: .none, output: .sequence, error: .sequence
            ) { execution in
                async let stdoutDone: Void = Self.pump(execution.standardOutput, log: log)
                let (last, tail) = try await Self.pumpErrors(execution.standardError, progress: progress, log: log)
                try await stdoutDone
                return (last, tail)
            }
            let (last, tail) = result.closureResult
            let ending: PapermillObservation.Ending
            switch result.terminationStatus {
            case .exited(let code): ending = .exited(code)
            case .signaled(let signal): ending = .signaled(signal)
            }
            return PapermillObservation(ending: ending, lastStartedLiveIndex: last, errorTail: tail)
        } catch {
            throw RunFailure(.internalError, "could not run papermill (\(command.executable) -m papermill): \(error)")
        }
    }

    /// papermill's stdout (normally empty): passed through to the log.
    static func pump(_ stream: SubprocessOutputSequence, log: RunnerLog) async throws {
        var splitter = LineSplitter()
        var batch = RunnerLog.Batch()
        for try await chunk in stream {
            chunk.withUnsafeBytes { raw in splitter.feed(raw) { add($0, to: &batch) } }
            log.write(batch)
            batch = RunnerLog.Batch()
        }
        splitter.finish { add($0, to: &batch) }
        log.write(batch)
    }

    /// papermill's stderr: logging, cell output (`--log-output`), the kernel's own stderr.
    static func pumpErrors(_ stream: SubprocessOutputSequence, progress initial: CellProgress,
                           log: RunnerLog) async throws -> (Int?, [String]) {
        var progress = initial
        var splitter = LineSplitter()
        var tail = Ring<[UInt8]>(capacity: tailLines)
        var batch = RunnerLog.Batch()
        func handle(_ piece: LineSplitter.Piece) {
            if case .line(let line) = piece, case .frame(let message) = progress.observe(line) {
                if let message { batch.append(own: message) }
                return
            }
            add(piece, to: &batch)
            switch piece {
            case .line(let b), .truncated(let b, _): tail.append(Array(b.prefix(tailLineBytes)))
            }
        }
        for try await chunk in stream {
            chunk.withUnsafeBytes { raw in splitter.feed(raw, handle) }
            log.write(batch)
            batch = RunnerLog.Batch()
        }
        splitter.finish(handle)
        log.write(batch)
        return (progress.lastStartedLiveIndex, tail.elements.map { String(decoding: $0, as: UTF8.self) })
    }

    static func add(_ piece: LineSplitter.Piece, to batch: inout RunnerLog.Batch) {
        switch piece {
        case .line(let line):
            batch.append(line)
        case .truncated(let head, let omitted):
            batch.append(head)
            batch.append(own: "the line above was cut: \(omitted) more bytes not shown (lines are capped at \(head.count) bytes)")
        }
    }
}

/// A fixed-capacity ring keeping the last elements appended.
struct Ring<Element> {
    let capacity: Int
    private var storage: [Element] = []
    private var next = 0

    init(capacity: Int) { self.capacity = capacity }

    mutating func append(_ element: Element) {
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[next] = element
            next = (next + 1) % capacity
        }
    }

    var elements: [Element] { Array(storage[next...] + storage[..<next]) }
}
