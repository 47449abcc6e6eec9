import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// How nbrunner writes its own files (the result, the JUnit report, the redacted output
/// notebook, the termination message) without harming anything else:
///
/// - ``replace(_:with:)``: a new file under a short random name `.nbr.XXXXXXXX` in the target's
///   folder (within NAME_MAX whatever the target's name), created with
///   `O_CREAT|O_EXCL|O_NOFOLLOW` (a planted file or symlink of that name is never opened), then
///   renamed over the target. A target that exists and is not a regular file or a symlink
///   (a device, a FIFO, a socket, a folder) is refused, never replaced.
/// - ``rewriteInPlace(_:with:)``: the same inode, shortened or rewritten (`pwrite` +
///   `ftruncate`), for when no temporary file can be made beside it.
/// - ``writeInto(_:bytes:)``: the termination message; see there.
package enum SafeFileWriter {
    /// The temporary name's prefix; 8 random characters follow.
    package static let temporaryPrefix = ".nbr."

    /// A file-system object's kind, from `lstat` (`followingLinks` false) or `stat`.
    package enum Kind: Equatable, Sendable {
        case missing, regular, directory, symlink
        /// A device, FIFO or socket: its description ("character device", "FIFO"…).
        case special(String)
    }

    package static func kind(_ path: String, followingLinks: Bool = true) -> Kind {
        var st = stat()
        let rc = followingLinks ? stat(path, &st) : lstat(path, &st)
        guard rc == 0 else { return .missing }
        return kind(mode: st.st_mode)
    }

    static func kind(mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        case S_IFCHR: return .special("a character device")
        case S_IFBLK: return .special("a block device")
        case S_IFIFO: return .special("a FIFO")
        case S_IFSOCK: return .special("a socket")
        default: return .special("not a regular file")
        }
    }

    /// Why `path` cannot be a target nbrunner replaces (`--output`, `--result`, `--junit`), or
    /// nil: it is missing, a regular file, or a symlink to a regular file or to nothing (the
    /// rename replaces the link itself, never what it points to).
    package static func refusal(_ path: String) -> String? {
        switch kind(path, followingLinks: false) {
        case .missing, .regular: return nil
        case .directory: return "is a directory"
        case .special(let what): return "exists and is \(what), not a regular file"
        case .symlink:
            switch kind(path) {
            case .missing, .regular, .symlink: return nil
            case .directory: return "is a symlink to a directory"
            case .special(let what): return "is a symlink to \(what), not to a regular file"
            }
        }
    }

    /// Writes `bytes` to a new temporary file beside `path` (mode 0664 before the umask) and
    /// renames it into place. Returns a problem description or nil.
    package static func replace(_ path: String, with bytes: [UInt8]) -> String? {
        if let refusal = refusal(path) { return "\(path) \(refusal); not replaced" }
        let folder = FileSystem.parent(path)
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<64 {
            temporary = "\(folder)/\(temporaryPrefix)\(randomName(8))"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0o664)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { return "cannot create a temporary file in \(folder): \(FileSystem.errnoText())" }
        let problem = writeAll(fd, bytes)
        close(fd)
        if let problem {
            unlink(temporary)
            return problem
        }
        // Checked again right before the rename: a device made meanwhile is still not replaced.
        if let refusal = refusal(path) {
            unlink(temporary)
            return "\(path) \(refusal); not replaced"
        }
        guard rename(temporary, path) == 0 else {
            let problem = FileSystem.errnoText()
            unlink(temporary)
            return problem
        }
        return nil
    }

    /// Rewrites the existing regular file `path` in place (same inode, no new name needed):
    /// for a rewrite that is not longer than the file, this needs no new space. Returns a
    /// problem description or nil.
    package static func rewriteInPlace(_ path: String, with bytes: [UInt8]) -> String? {
        let fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return FileSystem.errnoText() }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return FileSystem.errnoText() }
        guard kind(mode: st.st_mode) == .regular else { return "not a regular file" }
        if let problem = writeAll(fd, bytes) { return problem }
        guard ftruncate(fd, off_t(bytes.count)) == 0 else { return FileSystem.errnoText() }
        return nil
    }

    /// Writes the termination message into `path`, which is never replaced or removed:
    /// - a regular file (the kubelet's `/dev/termination-log`) is truncated and written;
    /// - a missing file is created (`O_CREAT|O_EXCL|O_NOFOLLOW`);
    /// - a device, FIFO or socket (`/dev/stderr` to a terminal or a pipe) is written to as it is,
    ///   without truncation, and without waiting for a FIFO's reader (`O_NONBLOCK`);
    /// - nbrunner's own stdout or stderr redirected to a file (`/dev/stderr`, or the file's own
    ///   path) is written through that stream, after what the log already holds;
    /// - any other symlink to a regular file is refused: nbrunner never truncates a file it
    ///   reaches through a link.
    /// Returns a problem description or nil.
    package static func writeInto(_ path: String, bytes: [UInt8]) -> String? {
        var fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        var throughLink = false
        if fd < 0, errno == ELOOP {
            throughLink = true
            fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        } else if fd < 0, errno == ENOENT {
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0o664)
        }
        guard fd >= 0 else { return FileSystem.errnoText() }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return FileSystem.errnoText() }
        if kind(mode: st.st_mode) == .regular {
            if let stream = standardStream(st) {
                // nbrunner's own stdout/stderr redirected to this file: written through that
                // stream (its offset), never truncating the log or writing over its end.
                return writeAll(stream, bytes)
            }
            guard !throughLink else { return "a symlink to a regular file; give the file itself" }
            guard ftruncate(fd, 0) == 0 else { return FileSystem.errnoText() }
        } else {
            // A FIFO or a terminal: blocking writes from here on, so the message is not cut short.
            let flags = fcntl(fd, F_GETFL)
            if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        }
        return writeAll(fd, bytes)
    }

    /// Why `path` cannot be the termination log (see ``writeInto(_:bytes:)``), or nil.
    package static func terminationLogRefusal(_ path: String) -> String? {
        switch kind(path, followingLinks: false) {
        case .missing, .regular, .special: return nil
        case .directory: return "is a directory"
        case .symlink:
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            switch kind(mode: st.st_mode) {
            case .directory: return "is a symlink to a directory"
            case .regular: return standardStream(st) != nil ? nil : "is a symlink to a regular file; give the file itself"
            default: return nil
            }
        }
    }

    /// nbrunner's own stdout or stderr (1 or 2) when `st` is the file behind it, else nil.
    static func standardStream(_ st: stat) -> Int32? {
        for stream: Int32 in [1, 2] {
            var own = stat()
            if fstat(stream, &own) == 0, own.st_dev == st.st_dev, own.st_ino == st.st_ino { return stream }
        }
        return nil
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        do throws(Errno) {
            try FileOutput.writeAll(fd, bytes)
            return nil
        } catch {
            return FileSystem.errnoText(error.rawValue)
        }
    }

    static func randomName(_ count: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
