import FoundationEssentials
import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension Paths {
    /// A Python without papermill whose user site is enabled (venv with system site-packages).
    static let barePython = ProcessInfo.processInfo.environment["NBRUNNER_TEST_BARE_PYTHON"] ?? "\(root)/.venv-bare/bin/python"
    /// A Python whose pip refuses `--user` (venv without system site-packages).
    static let noSitePython = ProcessInfo.processInfo.environment["NBRUNNER_TEST_NOSITE_PYTHON"] ?? "\(root)/.venv-nosite/bin/python"
    static let wheels = ProcessInfo.processInfo.environment["NBRUNNER_TEST_WHEELS"] ?? "\(root)/.wheels"
}

/// Runs nbrunner for real as an OpenShift-style random UID with GID 0 and a clean environment:
/// `env -i PATH=… setpriv --reuid=1000920000 --regid=0 --clear-groups nbrunner …`.
/// The binary and notebook are copied where any UID can read them.
struct RandomUID {
    static let uid = "1000920000"
    static var available: Bool { getuid() == 0 }

    let dir = temporaryDirectory()
    let binary: String
    let notebook: String

    init(notebook source: String) throws {
        binary = "\(dir)/nbrunner"
        notebook = "\(dir)/\(FileSystem.basename(source))"
        try Data(contentsOf: URL(filePath: Paths.binary)).write(to: URL(filePath: binary))
        try Data(contentsOf: URL(filePath: source)).write(to: URL(filePath: notebook))
        chmod(binary, 0o755)
        chmod(notebook, 0o644)
    }

    var prefix: [String] { ["/usr/bin/setpriv", "--reuid=\(Self.uid)", "--regid=0", "--clear-groups"] }

    func run(_ extra: [String] = [], environment: [String: String] = [:], python: String = Paths.python) async throws -> Finished {
        let out = "\(dir)/out"
        mkdir(out, 0o777)
        chmod(out, 0o777)
        var env = ["PATH": "/usr/local/bin:/usr/bin:/bin"]
        for (k, v) in environment { env[k] = v }
        return try await Nbrunner.raw(
            [
                "run", notebook, "--output", "\(out)/output.ipynb", "--result", "\(out)/result.json",
                "--termination-log", "\(out)/termination-log", "--python", python,
            ] + extra,
            environment: env, replaceEnvironment: true, directory: out, binary: binary, prefix: prefix)
    }

    func doctor(_ extra: [String] = [], environment: [String: String] = [:], python: String = Paths.python) async throws -> Finished {
        var env = ["PATH": "/usr/local/bin:/usr/bin:/bin"]
        for (k, v) in environment { env[k] = v }
        return try await Nbrunner.raw(
            ["doctor", "--python", python] + extra, environment: env,
            replaceEnvironment: true, directory: dir, binary: binary, prefix: prefix)
    }

    /// A folder the random UID can write (as an emptyDir would be).
    static func writableFolder() -> String {
        let d = temporaryDirectory()
        chmod(d, 0o777)
        return d
    }
}
