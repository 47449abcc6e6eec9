import SystemPackage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Path arithmetic (swift-system's `FilePath`) and the few file-system questions nbrunner asks,
/// on plain POSIX calls.
package enum FileSystem {
    /// `path` made absolute against `base`, then normalised.
    package static func absolute(_ path: String, relativeTo base: String) -> String {
        normalise(FilePath(base).pushing(FilePath(path)).string)
    }

    /// An absolute path without `.`, `..` and repeated slashes (lexically, as papermill's callers
    /// expect); a relative path is read from `/`.
    package static func normalise(_ path: String) -> String {
        var rooted = FilePath(path)
        rooted.root = "/"
        return rooted.lexicallyNormalized().string
    }

    /// The folder a path names its last component in: `.` for a bare name, `/` for `/name`.
    package static func parent(_ path: String) -> String {
        let folder = FilePath(path).removingLastComponent()
        return folder.isEmpty ? "." : folder.string
    }

    package static func basename(_ path: String) -> String {
        FilePath(path).lastComponent?.string ?? ""
    }

    /// The file name without its `.ipynb` (or other) extension.
    package static func stem(_ path: String) -> String {
        FilePath(path).stem ?? ""
    }

    package static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    package static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    package static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// The size in bytes, or nil when the path does not exist.
    package static func size(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }

    package static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    package static func isExecutableFile(_ path: String) -> Bool {
        isRegularFile(path) && access(path, X_OK) == 0
    }

    /// Whether an EXISTING file can be opened for writing (never creates it).
    package static func isWritableFile(_ path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)  // a FIFO without a reader: no wait
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    /// Lists a directory's entries (without `.` and `..`); nil if it cannot be read.
    package static func entries(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    package static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
