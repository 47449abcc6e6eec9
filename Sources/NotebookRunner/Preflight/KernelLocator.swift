/// Decides whether a kernel name resolves, the way jupyter_client's `KernelSpecManager` does
/// (kernelspec.py `_find_spec_directory`): a case-insensitive directory name holding a
/// `kernel.json` in the kernel search path, or `python3` served by ipykernel itself.
public enum KernelLocator {
    public enum Resolution: Sendable, Equatable {
        /// A kernelspec directory.
        case spec(String)
        /// jupyter_client's native kernel: `python3` with ipykernel importable, no kernel.json needed.
        case native
        case missing(available: [String])
    }

    /// jupyter_core's search path when the interpreter could compute it; otherwise the
    /// documented default (JUPYTER_PATH, user data dir, user base, prefix, system dirs).
    public static func searchPath(facts: PythonFacts, environment: [String: String]) -> [String] {
        var dirs: [String]
        if let fromJupyter = facts.kernelDirs {
            dirs = fromJupyter
        } else {
            dirs = (environment["JUPYTER_PATH"] ?? "").split(separator: ":").map { "\($0)/kernels" }
            if let data = environment["JUPYTER_DATA_DIR"], !data.isEmpty {
                dirs.append("\(data)/kernels")
            } else if let home = environment["HOME"], !home.isEmpty {
                dirs.append("\(home)/.local/share/jupyter/kernels")
            }
            if let userBase = facts.userBase { dirs.append("\(userBase)/share/jupyter/kernels") }
            dirs.append("\(facts.prefix)/share/jupyter/kernels")
            dirs += ["/usr/local/share/jupyter/kernels", "/usr/share/jupyter/kernels"]
        }
        if let ipython = facts.ipythonKernels { dirs.append(ipython) }
        return dirs
    }

    /// Every kernel the search path offers (first one wins per name), and python3 when ipykernel
    /// serves it natively.
    public static func available(facts: PythonFacts, environment: [String: String]) -> [(name: String, path: String)] {
        var seen: Set<String> = []
        var out: [(name: String, path: String)] = []
        for dir in searchPath(facts: facts, environment: environment) {
            for entry in (FileSystem.entries(dir) ?? []).sorted() where FileSystem.isRegularFile("\(dir)/\(entry)/kernel.json") {
                if seen.insert(entry.lowercased()).inserted { out.append((entry.lowercased(), "\(dir)/\(entry)")) }
            }
        }
        if facts.ipykernel, seen.insert("python3").inserted { out.append(("python3", "(ipykernel's built-in kernelspec)")) }
        return out
    }

    public static func resolve(_ name: String, facts: PythonFacts, environment: [String: String]) -> Resolution {
        // jupyter_client's KernelManager renames exactly "python" to the native "python3"
        // (manager.py `_kernel_name_changed`) before looking it up.
        let wanted = name == "python" ? "python3" : name.lowercased()
        var available: Set<String> = []
        for dir in searchPath(facts: facts, environment: environment) {
            for entry in FileSystem.entries(dir) ?? [] where FileSystem.isRegularFile("\(dir)/\(entry)/kernel.json") {
                if entry.lowercased() == wanted { return .spec("\(dir)/\(entry)") }
                available.insert(entry.lowercased())
            }
        }
        if wanted == "python3", facts.ipykernel { return .native }
        if facts.ipykernel { available.insert("python3") }
        return .missing(available: available.sorted())
    }
}
