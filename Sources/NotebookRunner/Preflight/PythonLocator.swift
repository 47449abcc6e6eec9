#if canImport(Glibc)
    import Glibc
#endif

/// Finds the interpreter that runs papermill: `--python`, else `python3`, else `python` on PATH.
package enum PythonLocator {
    package static func locate(explicit: String?, environment: [String: String]) throws(RunFailure) -> String {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        if let explicit {
            if explicit.contains("/") {
                guard FileSystem.isExecutableFile(explicit) else {
                    throw RunFailure(.dependencyMissing, "--python \(explicit): \(problem(explicit))")
                }
                return explicit
            }
            guard let found = search(explicit, path: path) else {
                throw RunFailure(.dependencyMissing, "--python \(explicit): not found on PATH (\(path))")
            }
            return found
        }
        for name in ["python3", "python"] {
            if let found = search(name, path: path) { return found }
        }
        throw RunFailure(
            .dependencyMissing, "no Python interpreter: neither python3 nor python is on PATH (\(path)); use an image with Python or pass --python PATH")
    }

    /// Why a path is not an interpreter nbrunner can run: a folder on the way (or a symlink's
    /// target) that this UID may not search is not "not found".
    static func problem(_ path: String) -> String {
        var st = stat()
        if stat(path, &st) != 0 {
            let code = errno
            return code == ENOENT ? "not found" : "\(FileSystem.errnoText(code)) (uid \(getuid()) cannot reach it)"
        }
        return (st.st_mode & S_IFMT) == S_IFREG ? "not executable by uid \(getuid())" : "not an executable file"
    }

    static func search(_ name: String, path: String) -> String? {
        for dir in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = "\(dir)/\(name)"
            if FileSystem.isExecutableFile(candidate) { return candidate }
        }
        return nil
    }
}
