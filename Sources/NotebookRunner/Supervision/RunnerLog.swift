import FoundationEssentials
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// nbrunner's log, on stderr (which ``LogStream`` makes a copy of stdout in a container): its own
/// lines carry a UTC timestamp and `[nbrunner]`; notebook and papermill lines pass through as
/// they are. Every line goes through ``SummaryMarker`` so the `Results Summary:` marker appears
/// only in front of the result, then through the run's ``Redactor``, then is cut to
/// ``maxLineBytes`` with a note of how much was cut (the output notebook keeps it whole).
/// Thread-safe: the stdout and stderr readers of papermill share it, and each batch of lines is
/// written whole, with one system call.
package final class RunnerLog: Sendable {
    /// No line of the log is longer (bytes, without its newline): five lines that today's
    /// controller picks from a pod log can never break the 32 KiB limit of a status message.
    package static let maxLineBytes = 4096

    private let fd: Int32
    private let lock = Mutex(())
    private let redaction = Mutex(Redactor.none)

    /// From now on every line is redacted with it (set once the secrets are loaded).
    package func use(_ redactor: Redactor) { redaction.withLock { $0 = redactor } }
    private var redactor: Redactor { redaction.withLock { $0 } }

    package init(fd: Int32 = 2) { self.fd = fd }

    /// A line of nbrunner's own.
    package func info(_ message: String) {
        emit(Self.ownLine(message))
    }

    /// nbrunner's own line, without its newline.
    static func ownLine(_ message: String) -> [UInt8] {
        Array("\(timestamp()) [nbrunner] \(message)".utf8)
    }

    package func warning(_ message: String) { info("warning: \(message)") }

    package func error(_ message: String) { info("error: \(message)") }

    private func emit(_ line: [UInt8]) {
        var batch = Batch()
        batch.append(line)
        write(batch)
    }

    /// Lines collected from one chunk of child output, written with one system call.
    package struct Batch: Sendable {
        var lines: [(bytes: [UInt8], omitted: Int)] = []
        package var isEmpty: Bool { lines.isEmpty }
        /// A line without its newline; `omitted`: how many bytes of it were dropped already (a
        /// line longer than ``LineSplitter`` holds).
        package mutating func append(_ line: [UInt8], omitted: Int = 0) {
            lines.append((line, omitted))
        }
        package mutating func append(own message: String) { append(RunnerLog.ownLine(message)) }
    }

    package func write(_ batch: Batch) {
        guard !batch.isEmpty else { return }
        let redactor = self.redactor
        var bytes: [UInt8] = []
        bytes.reserveCapacity(batch.lines.reduce(0) { $0 + min($1.bytes.count, Self.maxLineBytes) + 1 })
        for (line, omitted) in batch.lines {
            // Redacted before it is cut: a cut never leaves the start of a secret behind.
            let redacted = redactor.redact(SummaryMarker.neutralise(line))
            bytes.append(contentsOf: Self.clip(redacted, omitted: omitted))
            bytes.append(0x0A)
        }
        lock.withLock { _ in try? FileOutput.writeAll(fd, bytes) }  // a closed log: nothing sensible left to do
    }

    /// `line` cut to ``maxLineBytes`` at a UTF-8 character boundary, ending with how many bytes
    /// were cut (`omitted` of them before nbrunner held the line).
    static func clip(_ line: [UInt8], omitted: Int = 0, limit: Int = maxLineBytes) -> [UInt8] {
        guard line.count > limit || omitted > 0 else { return line }
        let total = line.count + omitted
        let room = "…[ bytes cut]".utf8.count + String(total).count
        var keep = min(line.count, max(0, limit - room))
        while keep > 0, keep < line.count, line[keep] & 0xC0 == 0x80 { keep -= 1 }  // a continuation byte
        return Array(line[..<keep]) + Array("…[\(total - keep) bytes cut]".utf8)
    }

    static func timestamp() -> String {
        Date.now.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
