#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Reads an input file (the notebook, `--golden`, `-f`, an env file) only if it is a regular
/// file: it is opened with `O_NONBLOCK`, so a FIFO without a writer never holds the run, and
/// checked with `fstat` on the open descriptor, so `/dev/zero` or a FIFO is refused before a
/// byte is read, whatever the path looked like a moment earlier.
package enum RegularFileReader {
    package enum Problem: Error, Equatable {
        /// No such file (a dangling symlink too).
        case missing
        /// A folder, device, FIFO, socket or symlink loop: what it is.
        case notRegular(String)
        /// It exists but cannot be opened or read: the system's reason.
        case unreadable(String)

        /// A short reason for a one-line message (`PATH: reason`).
        package var reason: String {
            switch self {
            case .missing: return "not found"
            case .notRegular(let what): return "is \(what), not a regular file"
            case .unreadable(let why): return "cannot read: \(why)"
            }
        }
    }

    package static func read(_ path: String) throws(Problem) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw .missing
            case ELOOP: throw .notRegular("a symlink loop")
            case ENXIO: throw .notRegular("a socket or a device without its driver")
            default: throw .unreadable(FileSystem.errnoText(code))
            }
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable(FileSystem.errnoText()) }
        switch SafeFileWriter.kind(mode: st.st_mode) {
        case .regular: break
        case .directory: throw .notRegular("a directory")
        case .special(let what): throw .notRegular(what)
        case .symlink, .missing: throw .notRegular("not a regular file")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(st.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(FileSystem.errnoText())
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<n])
        }
    }
}
