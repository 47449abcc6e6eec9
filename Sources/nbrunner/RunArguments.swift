import ArgumentParser
import NotebookRunner

/// The options of `nbrunner run`, shared with `nbrunner doctor` so that doctor checks exactly
/// what a run with the same options would. Names, help, defaults and variables come from the
/// option table (``RunOption/spec``); each property here only binds its option to the parser.
struct RunArguments: ParsableArguments {
    @Argument(help: RunOption.notebook.help) var notebook: String?
    @Option(name: RunOption.output.names, help: RunOption.output.help) var output: String?
    @Option(name: RunOption.result.names, help: RunOption.result.help) var result: String?
    @Option(name: RunOption.terminationLog.names, help: RunOption.terminationLog.help) var terminationLog: String?
    @Option(name: RunOption.terminationBudget.names, parsing: .unconditional, help: RunOption.terminationBudget.help)
    var terminationBudget: Int?
    @Option(name: RunOption.parameters.names, parsing: .unconditionalSingleValue, help: RunOption.parameters.help)
    var parameters: [String] = []
    @Option(name: RunOption.parametersRaw.names, parsing: .unconditionalSingleValue, help: RunOption.parametersRaw.help)
    var parametersRaw: [String] = []
    @Option(name: RunOption.parametersFile.names, help: RunOption.parametersFile.help) var parametersFile: [String] = []
    @Option(name: RunOption.parametersYAML.names, parsing: .unconditionalSingleValue, help: RunOption.parametersYAML.help)
    var parametersYaml: [String] = []
    @Option(name: RunOption.kernel.names, help: RunOption.kernel.help) var kernel: String?
    @Option(name: RunOption.cwd.names, help: RunOption.cwd.help) var cwd: String?
    @Option(name: RunOption.startTimeout.names, parsing: .unconditional, help: RunOption.startTimeout.help) var startTimeout: String?
    @Option(name: RunOption.python.names, help: RunOption.python.help) var python: String?
    @Option(name: RunOption.timeout.names, parsing: .unconditional, help: RunOption.timeout.help) var timeout: String?
    @Option(name: RunOption.cellTimeout.names, parsing: .unconditional, help: RunOption.cellTimeout.help) var cellTimeout: String?
    @Option(name: RunOption.grace.names, parsing: .unconditional, help: RunOption.grace.help) var grace: String?
    @Option(name: RunOption.sandbox.names, help: RunOption.sandbox.help) var sandbox: String?
    @Option(name: RunOption.validationLevel.names, help: RunOption.validationLevel.help) var validationLevel: String?
    @Flag(name: RunOption.failOnStderr.names, inversion: .prefixedNo, help: RunOption.failOnStderr.help) var failOnStderr: Bool?
    @Flag(name: RunOption.failOnWarnings.names, inversion: .prefixedNo, help: RunOption.failOnWarnings.help) var failOnWarnings: Bool?
    @Flag(name: RunOption.strict.names, inversion: .prefixedNo, help: RunOption.strict.help) var strict: Bool?
    @Flag(name: RunOption.detectSilentFailures.names, inversion: .prefixedNo, help: RunOption.detectSilentFailures.help)
    var detectSilentFailures: Bool?
    @Flag(name: RunOption.failOnHardcodedCredentials.names, inversion: .prefixedNo, help: RunOption.failOnHardcodedCredentials.help)
    var failOnHardcodedCredentials: Bool?
    @Option(name: RunOption.golden.names, help: RunOption.golden.help) var golden: String?
    @Option(name: RunOption.goldenStrategy.names, help: RunOption.goldenStrategy.help) var goldenStrategy: String?
    @Option(name: RunOption.goldenIgnore.names, parsing: .unconditionalSingleValue, help: RunOption.goldenIgnore.help)
    var goldenIgnore: [String] = []
    @Option(name: RunOption.floatTolerance.names, help: RunOption.floatTolerance.help) var floatTolerance: String?
    @Option(name: RunOption.goldenIgnoreOutputType.names, help: RunOption.goldenIgnoreOutputType.help)
    var goldenIgnoreOutputType: [String] = []
    @Option(name: RunOption.junit.names, help: RunOption.junit.help) var junit: String?
    @Flag(name: RunOption.allowInstall.names, help: RunOption.allowInstall.help) var allowInstall = false
    @Option(name: RunOption.envFile.names, help: RunOption.envFile.help) var envFiles: [String] = []
    @Option(name: RunOption.secretsDir.names, help: RunOption.secretsDir.help) var secretsDir: String?
    @Option(name: RunOption.secretsWait.names, parsing: .unconditional, help: RunOption.secretsWait.help) var secretsWait: String?
    @Option(name: RunOption.secretEnv.names, help: RunOption.secretEnv.help) var secretEnv: [String] = []
    @Option(name: RunOption.secretFile.names, help: RunOption.secretFile.help) var secretFiles: [String] = []
    @Flag(name: RunOption.noOverrideEnv.names, help: RunOption.noOverrideEnv.help) var noOverrideEnv = false
    @Flag(name: RunOption.noRedactNotebook.names, help: RunOption.noRedactNotebook.help) var noRedactNotebook = false
    @Option(name: RunOption.saveEvery.names, parsing: .unconditional, help: RunOption.saveEvery.help) var saveEvery: String?
    @Option(name: RunOption.logStream.names, help: RunOption.logStream.help) var logStream: String?

    /// The raw options, with `-p`/`-r` pairs split again.
    func options() throws(RunFailure) -> RunOptions {
        var o = RunOptions()
        o[.notebook] = notebook
        o[.output] = output
        o[.result] = result
        o[.terminationLog] = terminationLog
        o[.terminationBudget] = terminationBudget.map(String.init)
        o[pairs: .parameters] = try parameters.map { joined throws(RunFailure) in try ParameterPairs.split(joined, flag: "-p") }
        o[pairs: .parametersRaw] = try parametersRaw.map { joined throws(RunFailure) in try ParameterPairs.split(joined, flag: "-r") }
        o[list: .parametersFile] = parametersFile
        o[list: .parametersYAML] = parametersYaml
        o[.kernel] = kernel
        o[.cwd] = cwd
        o[.startTimeout] = startTimeout
        o[.python] = python
        o[.timeout] = timeout
        o[.cellTimeout] = cellTimeout
        o[.grace] = grace
        o[.sandbox] = sandbox
        o[.validationLevel] = validationLevel
        o[flag: .failOnStderr] = failOnStderr
        o[flag: .failOnWarnings] = failOnWarnings
        o[flag: .strict] = strict
        o[flag: .detectSilentFailures] = detectSilentFailures
        o[flag: .failOnHardcodedCredentials] = failOnHardcodedCredentials
        o[.golden] = golden
        o[.goldenStrategy] = goldenStrategy
        o[list: .goldenIgnore] = goldenIgnore
        o[.floatTolerance] = floatTolerance
        o[list: .goldenIgnoreOutputType] = goldenIgnoreOutputType
        o[.junit] = junit
        o[flag: .allowInstall] = allowInstall ? true : nil
        o[list: .envFile] = envFiles
        o[.secretsDir] = secretsDir
        o[.secretsWait] = secretsWait
        o[list: .secretEnv] = secretEnv
        o[list: .secretFile] = secretFiles
        o[flag: .noOverrideEnv] = noOverrideEnv ? true : nil
        o[flag: .noRedactNotebook] = noRedactNotebook ? true : nil
        o[.saveEvery] = saveEvery
        o[.logStream] = logStream
        return o
    }
}
