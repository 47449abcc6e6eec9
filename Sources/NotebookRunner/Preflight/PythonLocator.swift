/// Finds the interpreter that runs papermill: `--python`, else `python3`, else `python` on PATH.
public enum PythonLocator {
    public static func locate(explicit: String?, environment: [String: String]) throws(RunFailure) -> String {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        if let explicit {
            if explicit.contains("/") {
                guard FileSystem.isExecutableFile(explicit) else {
                    throw RunFailure(.dependencyMissing, "--python \(explicit): \(FileSystem.exists(explicit) ? "not an executable file" : "not found")")
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
        throw RunFailure(.dependencyMissing, "no Python interpreter: neither python3 nor python is on PATH (\(path)); use an image with Python or pass --python PATH")
    }

    static func search(_ name: String, path: String) -> String? {
        for dir in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = "\(dir)/\(name)"
            if FileSystem.isExecutableFile(candidate) { return candidate }
        }
        return nil
    }
}
