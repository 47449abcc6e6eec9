/// What the command line gave, before defaults and environment are applied. Every field is the
/// raw text; `RunConfiguration` validates it.
public struct RunOptions: Sendable, Equatable {
    public var notebook: String?
    public var output: String?
    public var result: String?
    /// `""` disables the termination message.
    public var terminationLog: String?
    public var terminationBudget: Int?
    public var parameters: [Parameter] = []
    public var rawParameters: [Parameter] = []
    public var parameterFiles: [String] = []
    public var parameterYAML: [String] = []
    public var kernel: String?
    public var cwd: String?
    public var startTimeout: String?
    public var python: String?
    public var timeout: String?
    public var cellTimeout: String?
    public var grace: String?
    public var sandbox: String?
    /// Validation: `--validation-level`, and each policy flag (`--strict`/`--no-strict`, …).
    public var validationLevel: String?
    public var validationFlags: [ValidationPolicy.Name: Bool] = [:]
    public var golden: String?
    public var goldenStrategy: String?
    public var goldenIgnore: [String] = []
    public var floatTolerance: String?
    public var goldenIgnoreOutputType: [String] = []
    public var junit: String?
    public var allowInstall: Bool?
    public var envFiles: [String] = []
    /// `""` turns the default /vault/secrets off.
    public var secretsDir: String?
    public var secretsWait: String?
    /// `--secret-env`: inherited variables whose values are secrets, whatever their names.
    public var secretEnv: [String] = []
    /// `--secret-file`: files whose contents are secret values to mask.
    public var secretFiles: [String] = []
    public var noOverrideEnv: Bool?
    public var noRedactNotebook: Bool?
    public var saveEvery: String?
    /// `--log-stream`: applied before parsing (``LogStream/route(arguments:environment:)``);
    /// validated with the rest.
    public var logStream: String?

    public init() {}
}
