#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Whether the files a run writes could hit each other or one of its inputs, and whether a file
/// it writes may be written at all. Paths are compared as files, not as strings: two paths name
/// the same file when they have the same device and inode (symlinks followed), or, for a file
/// that does not exist yet, when their folders resolve to the same folder (`realpath`) and the
/// names match. So `DIR_LINK/nb.ipynb` and `DIR/nb.ipynb`, or a symlinked notebook and its
/// target, are one file.
package enum PathCollision {
    /// Whether `a` and `b` name the same file.
    package static func sameFile(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        var sa = stat()
        var sb = stat()
        let aExists = stat(a, &sa) == 0
        let bExists = stat(b, &sb) == 0
        if aExists, bExists { return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino }
        return resolved(a) == resolved(b)
    }

    /// The folder resolved by `realpath` (lexically when it does not exist) plus the name.
    static func resolved(_ path: String) -> String {
        let folder = FileSystem.parent(path)
        guard let real = realpath(folder, nil) else { return path }
        defer { free(real) }
        let base = String(cString: real)
        return (base == "/" ? "" : base) + "/" + FileSystem.basename(path)
    }

    /// What a run writes, what it reads, and the rules between them; throws `configuration_error`
    /// (exit 2) naming the flag.
    package static func check(_ c: RunConfiguration) throws(RunFailure) {
        var written: [(flag: String, path: String)] = [("--output", c.output), ("--result", c.result)]
        if let junit = c.junit { written.append(("--junit", junit)) }
        for (flag, path) in written {
            if let refusal = SafeFileWriter.refusal(path) {
                throw RunFailure(
                    .configurationError,
                    "\(flag) \(path) \(refusal); nbrunner replaces the file it writes there, so give a path to a regular file (or a new one)")
            }
        }
        if let log = c.terminationLog, let refusal = SafeFileWriter.terminationLogRefusal(log) {
            throw RunFailure(.configurationError, "--termination-log \(log) \(refusal)")
        }
        if let log = c.terminationLog { written.append(("--termination-log", log)) }
        var read: [(what: String, path: String)] = [("the input notebook", c.notebook)]
        if let golden = c.golden { read.append(("the --golden notebook", golden.path)) }
        read += c.parameterFiles.map { ("the parameters file (-f)", $0) }
        read += c.envFiles.map { ("the --env-file", $0) }
        for (flag, path) in written {
            for (what, input) in read where sameFile(path, input) {
                throw RunFailure(.configurationError, "\(flag) \(path) is \(what) \(input) (the same file); the run would overwrite it")
            }
        }
        for (i, first) in written.enumerated() {
            for second in written[(i + 1)...] where sameFile(first.path, second.path) {
                throw RunFailure(.configurationError, "\(first.flag) \(first.path) and \(second.flag) \(second.path) are the same file; give each its own path")
            }
        }
    }
}
