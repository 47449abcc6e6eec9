import FoundationEssentials
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// nbrunner's log on stderr: its own lines carry a UTC timestamp and `[nbrunner]`; notebook and
/// papermill lines pass through as they are. Every line goes through ``SummaryMarker`` so the
/// `Results Summary:` marker appears only in front of the result. Thread-safe: the stdout and
/// stderr readers of papermill share it, and each line is written whole.
public final class RunnerLog: Sendable {
    private let fd: Int32
    private let lock = Mutex(())
    private let redaction = Mutex(Redactor.none)

    /// From now on every line is redacted with it (set once the secrets are loaded).
    public func use(_ redactor: Redactor) { redaction.withLock { $0 = redactor } }
    public var redactor: Redactor { redaction.withLock { $0 } }

    public init(fd: Int32 = 2) { self.fd = fd }

    /// A line of nbrunner's own.
    public func info(_ message: String) {
        emit(Self.ownLine(message))
    }

    /// nbrunner's own line, without its newline.
    static func ownLine(_ message: String) -> [UInt8] {
        Array("\(timestamp()) [nbrunner] \(message)".utf8)
    }

    public func warning(_ message: String) { info("warning: \(message)") }

    public func error(_ message: String) { info("error: \(message)") }

    private func emit(_ line: [UInt8]) {
        var batch = Batch()
        batch.append(line)
        write(batch)
    }

    /// Lines collected from one chunk of child output, written with one system call.
    public struct Batch: Sendable {
        var bytes: [UInt8] = []
        public var isEmpty: Bool { bytes.isEmpty }
        public mutating func append(_ line: [UInt8]) {
            bytes.append(contentsOf: SummaryMarker.neutralise(line))
            bytes.append(0x0A)
        }
        public mutating func append(own message: String) { append(RunnerLog.ownLine(message)) }
    }

    public func write(_ batch: Batch) {
        guard !batch.isEmpty else { return }
        let bytes = redactor.redact(batch.bytes)
        lock.withLock { _ in FileOutput.writeAll(fd, bytes) }
    }

    static func timestamp() -> String {
        Date.now.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

/// Blocking whole-buffer writes to a file descriptor.
public enum FileOutput {
    public static func stderr(_ text: String) { writeAll(2, Array(text.utf8)) }
    public static func stdout(_ text: String) { writeAll(1, Array(text.utf8)) }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return  // stderr closed: nothing sensible left to do
                }
                offset += n
            }
        }
    }
}
