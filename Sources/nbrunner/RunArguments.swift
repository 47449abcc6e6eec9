import ArgumentParser
import NotebookRunner

/// The options of `nbrunner run`, shared with `nbrunner doctor` so that doctor checks exactly
/// what a run with the same options would.
struct RunArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("The notebook to run (.ipynb). Env: NBRUNNER_NOTEBOOK.", valueName: "notebook"))
    var notebook: String?

    @Option(
        help: ArgumentHelp(
            "Executed notebook. Default: /workspace/output.ipynb when /workspace exists, else NAME.output.ipynb beside the notebook. Env: NBRUNNER_OUTPUT.",
            valueName: "path"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Result JSON. Default: /workspace/results.json when /workspace exists, else NAME.result.json beside the notebook. Env: NBRUNNER_RESULT.",
            valueName: "path"))
    var result: String?

    @Option(
        help: ArgumentHelp(
            "Termination message file. Default: /dev/termination-log when it exists and is writable; '' disables it. Env: NBRUNNER_TERMINATION_LOG.",
            valueName: "path"))
    var terminationLog: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Maximum size of the termination message in bytes (at least 128). Default: 4096. Env: NBRUNNER_TERMINATION_BUDGET.", valueName: "bytes"))
    var terminationBudget: Int?

    @Option(
        name: [.customShort("p"), .customLong("parameters")], parsing: .unconditionalSingleValue,
        help: ArgumentHelp(
            "A parameter, typed as papermill does (True/False/None, int, float, else string). Repeatable. Env: NBRUNNER_PARAMETERS (NAME=VALUE lines).",
            valueName: "name value"))
    var parameters: [String] = []

    @Option(
        name: [.customShort("r"), .customLong("parameters-raw")], parsing: .unconditionalSingleValue,
        help: ArgumentHelp("A parameter passed as a string. Repeatable. Env: NBRUNNER_PARAMETERS_RAW (NAME=VALUE lines).", valueName: "name value"))
    var parametersRaw: [String] = []

    @Option(
        name: [.customShort("f"), .customLong("parameters-file")],
        help: ArgumentHelp("A YAML file of parameters, checked before the kernel starts. Repeatable. Env: NBRUNNER_PARAMETERS_FILE.", valueName: "file"))
    var parametersFile: [String] = []

    @Option(
        name: [.customShort("y"), .customLong("parameters-yaml")], parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Parameters as a YAML string. Repeatable. Env: NBRUNNER_PARAMETERS_YAML (one document).", valueName: "yaml"))
    var parametersYaml: [String] = []

    @Option(
        name: [.customShort("k"), .long],
        help: ArgumentHelp("Kernel name; overrides the notebook's metadata.kernelspec.name. Env: NBRUNNER_KERNEL.", valueName: "name"))
    var kernel: String?

    @Option(help: ArgumentHelp("Working directory of the kernel. Default: the notebook's folder. Env: NBRUNNER_CWD.", valueName: "dir"))
    var cwd: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "How long the kernel may take to start (papermill --start-timeout; papermill's default 60s). Env: NBRUNNER_START_TIMEOUT.", valueName: "duration"))
    var startTimeout: String?

    @Option(help: ArgumentHelp("Python interpreter that has papermill. Default: python3, else python, on PATH. Env: NBRUNNER_PYTHON.", valueName: "path"))
    var python: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Deadline for the whole run (the operator's spec.timeout), e.g. 30m; 0 means none. On expiry papermill is interrupted like on SIGTERM and the run exits 5. Env: NBRUNNER_TIMEOUT.",
            valueName: "duration"))
    var timeout: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Deadline for each cell (papermill --execution-timeout); 0 means none (the default). A cell timeout exits 5. Env: NBRUNNER_CELL_TIMEOUT.",
            valueName: "duration"))
    var cellTimeout: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "After SIGTERM/SIGINT/SIGHUP or --timeout, how long papermill gets to finalise the notebook before SIGTERM, then SIGKILL, to its process group. Default: 20s (inside Kubernetes' 30s). Env: NBRUNNER_GRACE.",
            valueName: "duration"))
    var grace: String?

    @Option(
        help: ArgumentHelp(
            "Seccomp filter for papermill, the kernel and every process the notebook starts: system calls a notebook never needs (ptrace, mount, unshare, bpf, kexec, module loading, keyrings, clone with namespace flags…) fail with EPERM (list: docs/sandbox.md). 'on': load it, or warn and run without it when the kernel cannot; 'require': fail (exit 3) instead; 'off'. Default: on. Env: NBRUNNER_SANDBOX.",
            valueName: "off|on|require"))
    var sandbox: String?

    @Option(
        help: ArgumentHelp(
            "Validation level, a preset of the policies below: learning (none), development (detect silent failures; the default), staging (+ fail on warnings), production (+ strict, + fail on hard-coded credentials). Env: NBRUNNER_VALIDATION_LEVEL, else VALIDATION_LEVEL.",
            valueName: "level"))
    var validationLevel: String?

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Fail (exit 1, validation_stderr_failure) when a cell writes to stderr, judged from the cell's own outputs. Env: NBRUNNER_FAIL_ON_STDERR, VALIDATION_FAIL_ON_STDERR (env can only turn a policy on; the flags decide both ways)."
        ))
    var failOnStderr: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Fail (exit 1, validation_warning_failure) when a cell's stderr holds a Python warning (FILE:LINE: SomethingWarning: …). Env: NBRUNNER_FAIL_ON_WARNINGS, VALIDATION_FAIL_ON_WARNINGS."
        ))
    var failOnWarnings: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Strict mode (exit 1, validation_strict_mode_failure): stderr, warnings and printed tracebacks fail, and so do errors in cells tagged raises-exception. Env: NBRUNNER_STRICT, VALIDATION_STRICT_MODE."
        ))
    var strict: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Report a cell that printed a traceback without raising (a warning in the result; a failure in strict mode). On by default, off at level learning. Env: NBRUNNER_DETECT_SILENT_FAILURES, VALIDATION_DETECT_SILENT_FAILURES."
        ))
    var detectSilentFailures: Bool?

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Fail (exit 1, hardcoded_credentials) before the kernel starts when a code cell holds a credential (AWS, OpenAI, Hugging Face, GitHub, Slack, Google keys, a private key, an AccountKey, a URL with a password, a literal assigned to a credential-like name); otherwise each is a warning. On at level production and in strict mode. Env: NBRUNNER_FAIL_ON_HARDCODED_CREDENTIALS."
        ))
    var failOnHardcodedCredentials: Bool?

    @Option(
        help: ArgumentHelp(
            "Golden notebook to compare the executed notebook with, cell by cell; a difference exits 1 (golden_mismatch), a missing file exits 2. Env: NBRUNNER_GOLDEN.",
            valueName: "path"))
    var golden: String?

    @Option(
        help: ArgumentHelp(
            "exact, or normalized (the default: execution counts, timestamps, memory addresses and trailing whitespace ignored, floats equal within --float-tolerance, images compared by type). Env: NBRUNNER_GOLDEN_STRATEGY.",
            valueName: "strategy"))
    var goldenStrategy: String?

    @Option(
        name: .customLong("golden-ignore"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp(
            "A regular expression whose matches are ignored in both notebooks, line by line. Repeatable. Env: NBRUNNER_GOLDEN_IGNORE (one per line).",
            valueName: "regex"))
    var goldenIgnore: [String] = []

    @Option(
        help: ArgumentHelp(
            "Floats match when |a - b| <= this (normalized strategy); integers must be identical. Default: 0.0001. Env: NBRUNNER_FLOAT_TOLERANCE.",
            valueName: "number"))
    var floatTolerance: String?

    @Option(
        name: .customLong("golden-ignore-output-type"),
        help: ArgumentHelp(
            "Leave this output type out of the comparison: stream, execute_result, display_data or error. Repeatable. Env: NBRUNNER_GOLDEN_IGNORE_OUTPUT_TYPE.",
            valueName: "type"))
    var goldenIgnoreOutputType: [String] = []

    @Option(help: ArgumentHelp("Write a JUnit XML report here (one test case per code cell), also when the run fails. Env: NBRUNNER_JUNIT.", valueName: "path"))
    var junit: String?

    @Flag(
        help: ArgumentHelp(
            "When papermill is missing, pip-install it (pinned \(RuntimeInstaller.papermillRequirement), and ipykernel when the python3 kernel needs it) into a writable user site. Off by default: pre-install papermill in the image. Env: NBRUNNER_ALLOW_INSTALL."
        ))
    var allowInstall = false

    @Option(
        name: .customLong("env-file"),
        help: ArgumentHelp(
            "An env file to load (Vault-rendered `export KEY=\"…\"` lines, or a JSON object of strings); strict: a bad one fails the run (exit 4). Repeatable. Env: NBRUNNER_ENV_FILE.",
            valueName: "path"))
    var envFiles: [String] = []

    @Option(
        help: ArgumentHelp(
            "Folder of env files to load, strictly. Default: /vault/secrets when it exists (files that are not env files are skipped with a warning); '' turns it off. Env: NBRUNNER_SECRETS_DIR.",
            valueName: "dir"))
    var secretsDir: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Wait up to this long for --env-file files (and --secrets-dir) to appear and be non-empty, for a Vault sidecar that renders late; then exit 4. Env: NBRUNNER_SECRETS_WAIT.",
            valueName: "duration"))
    var secretsWait: String?

    @Option(
        name: .customLong("secret-env"),
        help: ArgumentHelp(
            "Treat this inherited environment variable as a secret whatever its name: its value is replaced by *** in everything nbrunner writes. Repeatable. Env: NBRUNNER_SECRET_ENV (one name per line, or separated by commas or spaces).",
            valueName: "name"))
    var secretEnv: [String] = []

    @Option(
        name: .customLong("secret-file"),
        help: ArgumentHelp(
            "A file whose content is a secret value to mask (a file of a mounted Kubernetes Secret volume, such as the JSON key GOOGLE_APPLICATION_CREDENTIALS points to); not loaded as variables; missing or unreadable: exit 4. Repeatable. Env: NBRUNNER_SECRET_FILE.",
            valueName: "path"))
    var secretFiles: [String] = []

    @Flag(help: ArgumentHelp("Keep inherited environment variables over values from secrets files (by default the files win). Env: NBRUNNER_NO_OVERRIDE_ENV."))
    var noOverrideEnv = false

    @Flag(
        help: ArgumentHelp(
            "Do not replace secret values with *** in the output notebook (they are always redacted from the log, the result and the termination message). Env: NBRUNNER_NO_REDACT_NOTEBOOK."
        ))
    var noRedactNotebook = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Rewrite the output notebook at most this often while cells run (papermill rewrites it whole at every cell start and end, which makes long notebooks slow); it is always written when the run ends, however it ends. 0 restores papermill's per-cell saves. Default: 5s. Env: NBRUNNER_SAVE_EVERY.",
            valueName: "duration"))
    var saveEvery: String?

    @Option(
        help: ArgumentHelp(
            "Where the log goes; the Results Summary: block is always last on stdout. 'auto': stdout in a container (nbrunner is PID 1, or KUBERNETES_SERVICE_HOST or container is set), so that the container runtime gets the log and the block on one stream, in order; stderr elsewhere, stdout holding only the block. 'stdout', 'stderr': always there. Default: auto. Env: NBRUNNER_LOG_STREAM.",
            valueName: "auto|stdout|stderr"))
    var logStream: String?

    /// The raw options, with `-p`/`-r` pairs split again.
    func options() throws(RunFailure) -> RunOptions {
        var o = RunOptions()
        o.notebook = notebook
        o.output = output
        o.result = result
        o.terminationLog = terminationLog
        o.terminationBudget = terminationBudget
        o.parameters = try parameters.map { joined throws(RunFailure) in try ParameterPairs.split(joined, flag: "-p") }
        o.rawParameters = try parametersRaw.map { joined throws(RunFailure) in try ParameterPairs.split(joined, flag: "-r") }
        o.parameterFiles = parametersFile
        o.parameterYAML = parametersYaml
        o.kernel = kernel
        o.cwd = cwd
        o.startTimeout = startTimeout
        o.python = python
        o.timeout = timeout
        o.cellTimeout = cellTimeout
        o.grace = grace
        o.sandbox = sandbox

        o.validationLevel = validationLevel
        o.validationFlags = [
            .failOnStderr: failOnStderr, .failOnWarnings: failOnWarnings, .strictMode: strict,
            .detectSilentFailures: detectSilentFailures,
            .failOnHardcodedCredentials: failOnHardcodedCredentials,
        ].compactMapValues { $0 }
        o.golden = golden
        o.goldenStrategy = goldenStrategy
        o.goldenIgnore = goldenIgnore
        o.floatTolerance = floatTolerance
        o.goldenIgnoreOutputType = goldenIgnoreOutputType
        o.junit = junit
        o.allowInstall = allowInstall ? true : nil
        o.envFiles = envFiles
        o.secretsDir = secretsDir
        o.secretsWait = secretsWait
        o.secretEnv = secretEnv
        o.secretFiles = secretFiles
        o.noOverrideEnv = noOverrideEnv ? true : nil
        o.noRedactNotebook = noRedactNotebook ? true : nil
        o.saveEvery = saveEvery
        o.logStream = logStream
        return o
    }
}
