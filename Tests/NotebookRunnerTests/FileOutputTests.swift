import FoundationEssentials
import Testing

@testable import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

/// Whole-buffer writes to a descriptor that someone else made non-blocking: the pipe fills,
/// `write` says `EAGAIN`, and every byte must still arrive, in order.
@Suite struct FileOutputTests {
    @Test func aFullNonBlockingPipeLosesNothing() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        let size = 1 << 20  // 16 times a pipe's default buffer
        let payload = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let reader = fds[0]
        // A plain thread reads slowly, so the pipe is full most of the time.
        let box = Unmanaged.passRetained(ReceivedBytes(fd: reader))
        var thread = pthread_t()
        #expect(
            pthread_create(
                &thread, nil,
                { raw in
                    Unmanaged<ReceivedBytes>.fromOpaque(raw!).takeUnretainedValue().drain()
                    return nil
                }, box.toOpaque()) == 0)
        try FileOutput.writeAll(fds[1], payload)
        close(fds[1])
        pthread_join(thread, nil)
        let received = box.takeRetainedValue().bytes
        #expect(received.count == payload.count)
        #expect(received == payload)
    }

    @Test func aClosedPipeIsAnError() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        close(fds[0])
        defer { close(fds[1]) }
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        #expect(throws: (any Error).self) { try FileOutput.writeAll(fds[1], [1, 2, 3]) }
    }
}

/// What the reading thread got; touched by one thread at a time (written before `pthread_join`).
private final class ReceivedBytes: @unchecked Sendable {
    let fd: Int32
    var bytes: [UInt8] = []
    init(fd: Int32) { self.fd = fd }

    func drain() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return }
            bytes += chunk[0..<n]
            usleep(200)
        }
    }
}
