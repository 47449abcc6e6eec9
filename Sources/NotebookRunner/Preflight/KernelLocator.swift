import FoundationEssentials

/// Decides whether a kernel name resolves, the way jupyter_client's `KernelSpecManager` does
/// (kernelspec.py `_find_spec_directory`): a case-insensitive directory name holding a
/// `kernel.json` in the kernel search path, or `python3` served by ipykernel itself.
package enum KernelLocator {
    package enum Resolution: Sendable, Equatable {
        /// A kernelspec directory.
        case spec(String)
        /// jupyter_client's native kernel: `python3` with ipykernel importable, no kernel.json needed.
        case native
        case missing(available: [String])
    }

    /// jupyter_core's search path when the interpreter could compute it; otherwise the
    /// documented default (JUPYTER_PATH, user data dir, user base, prefix, system dirs).
    package static func searchPath(facts: PythonFacts, environment: [String: String]) -> [String] {
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
    package static func available(facts: PythonFacts, environment: [String: String]) -> [(name: String, path: String)] {
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

    /// Why a kernelspec's program cannot start, read from its `kernel.json` `argv[0]`; nil when
    /// it can, or when nbrunner cannot tell. jupyter_client (`KernelManager.format_kernel_cmd`)
    /// substitutes `{resource_dir}` and runs `python`, `pythonN` and `pythonN.M` as the
    /// interpreter that runs papermill, which exists; any other bare name is looked up on PATH
    /// (subprocess does, with the kernel's environment).
    package static func launchProblem(spec directory: String, environment: [String: String]) -> String? {
        let file = "\(directory)/kernel.json"
        guard let data = try? Data(contentsOf: URL(filePath: file)),
            let spec = try? JSONDecoder().decode(KernelSpecFile.self, from: data),
            var program = spec.argv.first, !program.isEmpty
        else { return nil }
        program = program.replacing("{resource_dir}", with: directory)
        if !program.contains("/") {
            if program == "python" || program.wholeMatch(of: /python\d+(\.\d+)?/) != nil { return nil }
            let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
            let found = path.split(separator: ":").contains { FileSystem.isExecutableFile("\($0)/\(program)") }
            return found ? nil : "\(file) starts '\(program)', which is not on PATH"
        }
        guard FileSystem.exists(program) else { return "\(file) starts \(program), which does not exist" }
        guard FileSystem.isExecutableFile(program) else { return "\(file) starts \(program), which is not executable" }
        return nil
    }

    struct KernelSpecFile: Decodable {
        var argv: [String]
    }

    package static func resolve(_ name: String, facts: PythonFacts, environment: [String: String]) -> Resolution {
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
