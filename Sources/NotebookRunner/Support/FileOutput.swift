import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Blocking whole-buffer writes to a file descriptor, through swift-system's `FileDescriptor`
/// (which retries on `EINTR`). A descriptor someone else made non-blocking (a shared pipe) gets
/// `EAGAIN` when full: then nbrunner waits in `poll` until it can write, rather than spinning.
package enum FileOutput {
    package static func stderr(_ text: String) { try? writeAll(2, Array(text.utf8)) }
    package static func stdout(_ text: String) { try? writeAll(1, Array(text.utf8)) }

    /// Writes every byte, or throws the error that stopped it (a closed pipe, a full disk).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(Errno) {
        let descriptor = FileDescriptor(rawValue: fd)
        var offset = 0
        while offset < bytes.count {
            do {
                offset += try bytes[offset...].withUnsafeBytes { try descriptor.write($0) }
            } catch let error as Errno where error == .wouldBlock {
                var entry = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&entry, 1, -1)
            } catch let error as Errno {
                throw error
            } catch {
                throw .ioError
            }
        }
    }
}
