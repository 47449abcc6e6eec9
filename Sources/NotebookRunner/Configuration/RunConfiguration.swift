import FoundationEssentials

/// Everything one `nbrunner run` needs, validated, with defaults applied and every path absolute.
public struct RunConfiguration: Sendable, Equatable {
    public var notebook: String
    public var output: String
    public var result: String
    /// nil: no termination message is written.
    public var terminationLog: String?
    public var terminationBudget: Int
    public var parameters: [Parameter]
    public var rawParameters: [Parameter]
    public var parameterFiles: [String]
    public var parameterYAML: [String]
    public var kernel: String?
    /// The kernel's working directory (papermill `--cwd`); default: the notebook's folder.
    public var cwd: String
    public var startTimeout: RunDuration?
    public var python: String?
    /// The whole run's deadline (the operator's `spec.timeout`); nil: none.
    public var timeout: RunDuration?
    /// papermill `--execution-timeout`; nil: none.
    public var cellTimeout: RunDuration?
    /// How long papermill gets to finalise after SIGINT before SIGTERM/SIGKILL.
    public var grace: RunDuration
    /// `--sandbox`: the seccomp filter for papermill, the kernel and the notebook's processes.
    public var sandbox: SandboxMode
    /// `--log-stream`; already applied when the configuration is made.
    public var logStream: LogStream
    /// The effective validation policy (flags, `NBRUNNER_*`, the operator's `VALIDATION_*`).
    public var validation: ValidationPolicy
    /// `--golden` and its companions; nil: no comparison.
    public var golden: GoldenSettings?
    /// `--junit`: where the JUnit XML report goes; nil: none.
    public var junit: String?
    /// `--allow-install`: pip-install papermill into the user site when it is missing.
    public var allowInstall: Bool
    public var envFiles: [String]
    /// nil: /vault/secrets when it exists; "": no folder.
    public var secretsDir: String?
    public var secretsWait: RunDuration?
    /// `--secret-env`: names of inherited variables to treat as secrets.
    public var secretEnv: [String]
    /// `--secret-file`: absolute paths of files whose contents are masked.
    public var secretFiles: [String]
    public var overrideEnvironment: Bool
    public var redactNotebook: Bool
    /// How often papermill may rewrite the output notebook; 0: at every cell start and end.
    public var saveEvery: RunDuration

    public static let defaultSaveEvery = RunDuration(milliseconds: 5000)

    public static let defaultGrace = RunDuration(milliseconds: 20_000)

    public static let defaultTerminationLog = "/dev/termination-log"
    public static let defaultTerminationBudget = 4096
    public static let workspace = "/workspace"

    /// Applies the environment (for options the command line left out), then the defaults.
    /// - Parameters:
    ///   - exists: whether a path exists and is a directory (`/workspace`), injectable for tests.
    ///   - writableFile: whether an existing file can be opened for writing (`/dev/termination-log`).
    public init(
        options: RunOptions,
        environment: [String: String],
        currentDirectory: String,
        isDirectory: (String) -> Bool = FileSystem.isDirectory,
        writableFile: (String) -> Bool = FileSystem.isWritableFile
    ) throws(RunFailure) {
        func env(_ name: String) -> String? {
            guard let v = environment[name], !v.isEmpty else { return nil }
            return v
        }
        func absolute(_ path: String) -> String { FileSystem.absolute(path, relativeTo: currentDirectory) }

        guard let notebookArg = options.notebook ?? env(EnvironmentName.notebook) else {
            throw RunFailure(.configurationError, "missing NOTEBOOK: give a notebook path (or set \(EnvironmentName.notebook))")
        }
        notebook = absolute(notebookArg)
        let notebookFolder = FileSystem.parent(notebook)
        let stem = FileSystem.stem(notebook)

        let workspaceExists = isDirectory(Self.workspace)
        output = absolute(
            options.output ?? env(EnvironmentName.output)
                ?? (workspaceExists ? "\(Self.workspace)/output.ipynb" : "\(notebookFolder)/\(stem).output.ipynb"))
        result = absolute(
            options.result ?? env(EnvironmentName.result)
                ?? (workspaceExists ? "\(Self.workspace)/results.json" : "\(notebookFolder)/\(stem).result.json"))

        if let explicit = options.terminationLog ?? environment[EnvironmentName.terminationLog] {
            terminationLog = explicit.isEmpty ? nil : absolute(explicit)
        } else {
            terminationLog = writableFile(Self.defaultTerminationLog) ? Self.defaultTerminationLog : nil
        }

        if let budget = options.terminationBudget {
            terminationBudget = budget
        } else if let raw = env(EnvironmentName.terminationBudget) {
            guard let budget = Int(raw) else {
                throw RunFailure(.configurationError, "\(EnvironmentName.terminationBudget): expected a number of bytes, got '\(raw)'")
            }
            terminationBudget = budget
        } else {
            terminationBudget = Self.defaultTerminationBudget
        }
        guard terminationBudget >= TerminationMessage.minimumBudget else {
            throw RunFailure(.configurationError, "--termination-budget: at least \(TerminationMessage.minimumBudget) bytes, got \(terminationBudget)")
        }

        parameters =
            try options.parameters.isEmpty
            ? env(EnvironmentName.parameters).map { raw throws(RunFailure) in try EnvironmentValue.pairs(raw, name: EnvironmentName.parameters) } ?? []
            : options.parameters
        rawParameters =
            try options.rawParameters.isEmpty
            ? env(EnvironmentName.parametersRaw).map { raw throws(RunFailure) in try EnvironmentValue.pairs(raw, name: EnvironmentName.parametersRaw) } ?? []
            : options.rawParameters
        parameterFiles =
            (options.parameterFiles.isEmpty
            ? env(EnvironmentName.parametersFile).map(EnvironmentValue.list) ?? []
            : options.parameterFiles).map(absolute)
        // The whole variable is ONE YAML document (YAML spans lines, so it cannot be a list).
        parameterYAML =
            options.parameterYAML.isEmpty
            ? env(EnvironmentName.parametersYAML).map { [$0] } ?? []
            : options.parameterYAML

        kernel = options.kernel ?? env(EnvironmentName.kernel)
        cwd = absolute(options.cwd ?? env(EnvironmentName.cwd) ?? notebookFolder)
        python = (options.python ?? env(EnvironmentName.python)).map { $0.contains("/") ? absolute($0) : $0 }

        func duration(_ flag: String, _ cli: String?, _ name: String, zeroMeansOff: Bool) throws(RunFailure) -> RunDuration? {
            guard let raw = cli ?? env(name) else { return nil }
            do throws(RunDuration.ParseError) {
                return try RunDuration.parse(raw, allowZero: zeroMeansOff)
            } catch {
                throw RunFailure(.configurationError, "\(cli != nil ? flag : name): \(error.reason)")
            }
        }
        startTimeout = try duration("--start-timeout", options.startTimeout, EnvironmentName.startTimeout, zeroMeansOff: false)
        timeout = try duration("--timeout", options.timeout, EnvironmentName.timeout, zeroMeansOff: true)
            .flatMap { $0.isZero ? nil : $0 }
        cellTimeout = try duration("--cell-timeout", options.cellTimeout, EnvironmentName.cellTimeout, zeroMeansOff: true)
            .flatMap { $0.isZero ? nil : $0 }
        func flag(_ cli: Bool?, _ name: String) throws(RunFailure) -> Bool {
            if let cli { return cli }
            if let raw = env(name) { return try EnvironmentValue.bool(raw, name: name) }
            return false
        }
        allowInstall = try flag(options.allowInstall, EnvironmentName.allowInstall)
        overrideEnvironment = try !flag(options.noOverrideEnv, EnvironmentName.noOverrideEnv)
        redactNotebook = try !flag(options.noRedactNotebook, EnvironmentName.noRedactNotebook)
        envFiles = (options.envFiles.isEmpty ? env(EnvironmentName.envFile).map(EnvironmentValue.list) ?? [] : options.envFiles).map(absolute)
        if let dir = options.secretsDir ?? environment[EnvironmentName.secretsDir] {
            secretsDir = dir.isEmpty ? "" : absolute(dir)
        } else {
            secretsDir = nil
        }
        secretEnv = options.secretEnv.isEmpty ? env(EnvironmentName.secretEnv).map(EnvironmentValue.names) ?? [] : options.secretEnv
        secretFiles = (options.secretFiles.isEmpty ? env(EnvironmentName.secretFile).map(EnvironmentValue.list) ?? [] : options.secretFiles).map(absolute)
        secretsWait = try duration("--secrets-wait", options.secretsWait, EnvironmentName.secretsWait, zeroMeansOff: true)
            .flatMap { $0.isZero ? nil : $0 }
        saveEvery = try duration("--save-every", options.saveEvery, EnvironmentName.saveEvery, zeroMeansOff: true) ?? Self.defaultSaveEvery
        grace = try duration("--grace", options.grace, EnvironmentName.grace, zeroMeansOff: true) ?? Self.defaultGrace
        sandbox = try SandboxMode.resolve(flag: options.sandbox, environment: environment)
        logStream = try LogStream.resolve(flag: options.logStream, environment: environment)

        validation = try PolicyResolver.resolve(level: options.validationLevel, flags: options.validationFlags, environment: environment)
        func named(_ cli: String?, _ flag: String, _ name: String) -> (value: String, flag: String)? {
            if let cli { return (cli, flag) }
            return env(name).map { ($0, name) }
        }
        func namedList(_ cli: [String], _ flag: String, _ name: String) -> [(value: String, flag: String)] {
            cli.isEmpty ? (env(name).map(EnvironmentValue.list) ?? []).map { ($0, name) } : cli.map { ($0, flag) }
        }
        golden = try GoldenSettings.resolve(
            path: named(options.golden, "--golden", EnvironmentName.golden).map { (absolute($0.value), $0.flag) },
            strategy: named(options.goldenStrategy, "--golden-strategy", EnvironmentName.goldenStrategy),
            ignorePatterns: namedList(options.goldenIgnore, "--golden-ignore", EnvironmentName.goldenIgnore),
            floatTolerance: named(options.floatTolerance, "--float-tolerance", EnvironmentName.floatTolerance),
            ignoreOutputTypes: namedList(options.goldenIgnoreOutputType, "--golden-ignore-output-type", EnvironmentName.goldenIgnoreOutputType))
        junit = (options.junit ?? env(EnvironmentName.junit)).map(absolute)

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
