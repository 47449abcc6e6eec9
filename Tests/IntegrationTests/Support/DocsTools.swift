import FoundationEssentials
import NotebookRunner
import Subprocess
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// The validators of the docs tests, from the tools venv (`scripts/setup-tools-venv.sh`, pinned in
/// `scripts/requirements-tools.txt`). scripts/test.sh exports their paths; without the variable
/// the default location in the checkout is used. A test suite runs when either is there (and
/// then fails if the tool cannot run), and is skipped when neither is.
enum DocsTools {
    static let environment = ProcessInfo.processInfo.environment

    static let checkJSONSchema =
        environment["NBRUNNER_TEST_CHECK_JSONSCHEMA"]
        ?? "\(Paths.root)/.venv-tools/bin/check-jsonschema"
    static let kubernetesValidate =
        environment["NBRUNNER_TEST_KUBERNETES_VALIDATE"]
        ?? "\(Paths.root)/.venv-tools/bin/kubernetes-validate"

    static var checkJSONSchemaConfigured: Bool {
        environment["NBRUNNER_TEST_CHECK_JSONSCHEMA"] != nil || FileSystem.exists(checkJSONSchema)
    }
    static var kubernetesValidateConfigured: Bool {
        environment["NBRUNNER_TEST_KUBERNETES_VALIDATE"] != nil || FileSystem.exists(kubernetesValidate)
    }

    static func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }

    static let resultSchema = "\(Paths.root)/docs/result.schema.json"
    static let terminationSchema = "\(Paths.root)/docs/termination-message.schema.json"

    /// Runs a tool; its stdout and stderr together, and its exit code.
    static func run(_ tool: String, _ arguments: [String], directory: String? = nil) async throws -> (code: Int32, output: String) {
        let result = try await Subprocess.run(
            .path(FilePath(tool)), arguments: Arguments(arguments),
            workingDirectory: directory.map { FilePath($0) }, input: .none,
            output: .string(limit: 4 << 20), error: .string(limit: 4 << 20))
        let code: Int32
        switch result.terminationStatus {
        case .exited(let c): code = c
        case .signaled(let s): code = 128 + s
        }
        return (code, (result.standardOutput ?? "") + (result.standardError ?? ""))
    }

    /// check-jsonschema with one schema over some instance files.
    static func validate(_ files: [String], against schema: String) async throws -> (code: Int32, output: String) {
        try await run(checkJSONSchema, ["--schemafile", schema] + files)
    }
}
