import FoundationEssentials

/// Everything one `nbrunner run` needs, validated, with defaults applied and every path absolute.
package struct RunConfiguration: Sendable, Equatable {
    package var notebook: String
    package var output: String
    package var result: String
    /// nil: no termination message is written.
    package var terminationLog: String?
    package var terminationBudget: Int
    package var parameters: [Parameter]
    package var rawParameters: [Parameter]
    package var parameterFiles: [String]
    package var parameterYAML: [String]
    package var kernel: String?
    /// The kernel's working directory (papermill `--cwd`); default: the notebook's folder.
    package var cwd: String
    package var startTimeout: RunDuration?
    package var python: String?
    /// The whole run's deadline (the operator's `spec.timeout`); nil: none.
    package var timeout: RunDuration?
    /// papermill `--execution-timeout`; nil: none.
    package var cellTimeout: RunDuration?
    /// How long papermill gets to finalise after SIGINT before SIGTERM/SIGKILL.
    package var grace: RunDuration
    /// `--sandbox`: the seccomp filter for papermill, the kernel and the notebook's processes.
    package var sandbox: SandboxMode
    /// `--log-stream`; already applied when the configuration is made.
    package var logStream: LogStream
    /// The effective validation policy (flags, `NBRUNNER_*`, the operator's `VALIDATION_*`).
    package var validation: ValidationPolicy
    /// `--golden` and its companions; nil: no comparison.
    package var golden: GoldenSettings?
    /// `--junit`: where the JUnit XML report goes; nil: none.
    package var junit: String?
    /// `--allow-install`: pip-install papermill into the user site when it is missing.
    package var allowInstall: Bool
    package var envFiles: [String]
    /// nil: /vault/secrets when it exists; "": no folder.
    package var secretsDir: String?
    package var secretsWait: RunDuration?
    /// `--secret-env`: names of inherited variables to treat as secrets.
    package var secretEnv: [String]
    /// `--secret-file`: absolute paths of files whose contents are masked.
    package var secretFiles: [String]
    package var overrideEnvironment: Bool
    package var redactNotebook: Bool
    /// How often papermill may rewrite the output notebook; 0: at every cell start and end.
    package var saveEvery: RunDuration

    package static let defaultSaveEvery = RunDuration(milliseconds: 5000)

    package static let defaultGrace = RunDuration(milliseconds: 20_000)

    package static let defaultTerminationLog = "/dev/termination-log"
    package static let defaultTerminationBudget = 4096
    package static let workspace = "/workspace"

    /// Applies the environment (for options the command line left out), then the defaults.
    /// - Parameters:
    ///   - exists: whether a path exists and is a directory (`/workspace`), injectable for tests.
    ///   - writableFile: whether an existing file can be opened for writing (`/dev/termination-log`).
    package init(
        options: RunOptions,
        environment: [String: String],
        currentDirectory: String,
        isDirectory: (String) -> Bool = FileSystem.isDirectory,
        writableFile: (String) -> Bool = FileSystem.isWritableFile
    ) throws(RunFailure) {
        let source = OptionSource(options: options, environment: environment)
        func absolute(_ path: String) -> String { FileSystem.absolute(path, relativeTo: currentDirectory) }

        guard let notebookArg = source.text(.notebook) else {
            throw RunFailure(.configurationError, "missing NOTEBOOK: give a notebook path (or set \(RunOption.notebook.variable))")
        }
        notebook = absolute(notebookArg)
        let notebookFolder = FileSystem.parent(notebook)
        let stem = FileSystem.stem(notebook)

        let workspaceExists = isDirectory(Self.workspace)
        output = absolute(
            source.text(.output) ?? (workspaceExists ? "\(Self.workspace)/output.ipynb" : "\(notebookFolder)/\(stem).output.ipynb"))
        result = absolute(
            source.text(.result) ?? (workspaceExists ? "\(Self.workspace)/results.json" : "\(notebookFolder)/\(stem).result.json"))

        if let explicit = source.text(.terminationLog) {
            terminationLog = explicit.isEmpty ? nil : absolute(explicit)
        } else {
            terminationLog = writableFile(Self.defaultTerminationLog) ? Self.defaultTerminationLog : nil
        }

        if let (raw, origin) = source.value(.terminationBudget) {
            guard let budget = Int(raw) else {
                throw RunFailure(.configurationError, "\(origin): expected a number of bytes, got '\(raw)'")
            }
            terminationBudget = budget
        } else {
            terminationBudget = Self.defaultTerminationBudget
        }
        guard terminationBudget >= TerminationMessage.minimumBudget else {
            throw RunFailure(.configurationError, "--termination-budget: at least \(TerminationMessage.minimumBudget) bytes, got \(terminationBudget)")
        }

        parameters = try source.pairs(.parameters)
        rawParameters = try source.pairs(.parametersRaw)
        parameterFiles = source.values(.parametersFile).map(absolute)
        parameterYAML = source.documents(.parametersYAML)

        kernel = source.text(.kernel)
        cwd = absolute(source.text(.cwd) ?? notebookFolder)
        python = source.text(.python).map { $0.contains("/") ? absolute($0) : $0 }

        startTimeout = try source.duration(.startTimeout)
        timeout = try source.duration(.timeout)
        cellTimeout = try source.duration(.cellTimeout)
        allowInstall = try source.flag(.allowInstall)
        overrideEnvironment = try !source.flag(.noOverrideEnv)
        redactNotebook = try !source.flag(.noRedactNotebook)
        envFiles = source.values(.envFile).map(absolute)
        secretsDir = source.text(.secretsDir).map { $0.isEmpty ? "" : absolute($0) }
        secretEnv = source.values(.secretEnv)
        secretFiles = source.values(.secretFile).map(absolute)
        secretsWait = try source.duration(.secretsWait)
        saveEvery = try source.duration(.saveEvery) ?? Self.defaultSaveEvery
        grace = try source.duration(.grace) ?? Self.defaultGrace
        sandbox = try source.choice(.sandbox) ?? .default
        logStream = try source.choice(.logStream) ?? .default

        validation = try PolicyResolver.resolve(level: options[.validationLevel], flags: options.validationFlags, environment: environment)
        golden = try GoldenSettings.resolve(
            path: source.value(.golden).map { (absolute($0.value), $0.flag) },
            strategy: source.value(.goldenStrategy),
            ignorePatterns: source.list(.goldenIgnore),
            floatTolerance: source.value(.floatTolerance),
            ignoreOutputTypes: source.list(.goldenIgnoreOutputType))
        junit = source.text(.junit).map(absolute)

        if output == notebook {
            throw RunFailure(.configurationError, "--output is the input notebook (\(notebook)); papermill would overwrite it")
        }
        if result == output || result == notebook {
            throw RunFailure(.configurationError, "--result must differ from the notebook and the output notebook (\(result))")
        }
        if let terminationLog, [notebook, output, result].contains(terminationLog) {
            throw RunFailure(.configurationError, "--termination-log must differ from the notebook, --output and --result (\(terminationLog))")
        }
        if let golden, [output, result, terminationLog].contains(golden.path) {
            throw RunFailure(
                .configurationError, "--golden must differ from --output, --result and --termination-log (\(golden.path)); the run would overwrite it")
        }
        if let junit, [notebook, output, result, terminationLog, golden?.path].contains(junit) {
            throw RunFailure(.configurationError, "--junit must differ from the notebook, --output, --result, --termination-log and --golden (\(junit))")
        }
        // The same checks by file identity (symlinks, `..` through links, hard links), and the
        // kinds of file the run may write to.
        try PathCollision.check(self)
    }
}
