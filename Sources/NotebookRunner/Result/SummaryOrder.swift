#if canImport(Glibc)
    import Glibc
#endif

/// Keeps the log's last lines before the summary block when the two are on different pipes
/// (`--log-stream stderr`, or `auto` outside a container with both streams captured).
///
/// A reader of two pipes stamps each line when it reads it. Before the block goes to stdout,
/// nbrunner waits until its stderr pipe has been read empty (`FIONREAD` on the pipe gives the
/// bytes still in it), then a moment more for the reader to stamp what it read. Only with one
/// stream (``LogStream``) is the order guaranteed whatever the reader does; this makes the
/// two-pipe case right whenever the reader keeps up within the wait.
package enum SummaryOrder {
    /// How long to wait for the reader at most: a reader that is gone or stuck must not hold
    /// the result.
    package static let maximumWait: Duration = .seconds(2)
    static let settle: Duration = .milliseconds(20)

    /// Returns once stderr's pipe is empty (or at once when stderr is not a pipe of its own).
    package static func waitForLogReader() {
        guard !LogStream.sameFile(1, 2), isPipe(2) else { return }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: maximumWait)
        while pending(2) > 0, clock.now < deadline {
            sleep(for: .milliseconds(2))
        }
        sleep(for: settle)
    }

    static func isPipe(_ fd: Int32) -> Bool {
        var s = stat()
        return fstat(fd, &s) == 0 && (s.st_mode & S_IFMT) == S_IFIFO
    }

    /// Bytes written to the pipe and not read yet (0 when unknown).
    static func pending(_ fd: Int32) -> Int32 {
        var count: Int32 = 0
        return ioctl(fd, UInt(FIONREAD), &count) == 0 ? count : 0
    }

    static func sleep(for duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }
}
