/// Every option of `nbrunner run` and every variable that configures a run: THE table
/// (``spec``). A new option is a case here plus its property in `RunArguments`; its variable,
/// help, default and environment fallback follow from the spec. docs/usage.md lists the same
/// variables (a test checks it), and a test sets each one and checks that it takes effect.
package enum RunOption: String, Sendable, CaseIterable, Hashable {
    case notebook, output, result, terminationLog, terminationBudget
    case parameters, parametersRaw, parametersFile, parametersYAML
    case kernel, cwd, startTimeout, python, timeout, cellTimeout, grace, sandbox
    case validationLevel, failOnStderr, failOnWarnings, strict, detectSilentFailures, failOnHardcodedCredentials
    case golden, goldenStrategy, goldenIgnore, floatTolerance, goldenIgnoreOutputType, junit
    case allowInstall, envFile, secretsDir, secretsWait, secretEnv, secretFile
    case noOverrideEnv, noRedactNotebook, saveEvery, logStream
    /// A variable without an option: the folder unwritable locations are redirected into.
    case scratch

    // swift-format-ignore
    package var spec: OptionSpec {
        switch self {
        case .notebook:
            OptionSpec(.value, long: nil, variables: ["NBRUNNER_NOTEBOOK"], valueName: "notebook", help: "The notebook to run (.ipynb).")
        case .output:
            OptionSpec(
                .value, long: "output", variables: ["NBRUNNER_OUTPUT"], valueName: "path",
                help: "Executed notebook. Default: /workspace/output.ipynb when /workspace exists, else NAME.output.ipynb beside the notebook.")
        case .result:
            OptionSpec(
                .value, long: "result", variables: ["NBRUNNER_RESULT"], valueName: "path",
                help: "Result JSON. Default: /workspace/results.json when /workspace exists, else NAME.result.json beside the notebook.")
        case .terminationLog:
            OptionSpec(
                .value, long: "termination-log", variables: ["NBRUNNER_TERMINATION_LOG"], valueName: "path",
                help: "Termination message file. Default: /dev/termination-log when it exists and is writable; '' disables it.",
                emptyIsValue: true)
        case .terminationBudget:
            OptionSpec(
                .value, long: "termination-budget", variables: ["NBRUNNER_TERMINATION_BUDGET"], valueName: "bytes",
                help: "Maximum size of the termination message in bytes (at least \(TerminationMessage.minimumBudget)).",
                defaultValue: "\(RunConfiguration.defaultTerminationBudget)")
        case .parameters:
            OptionSpec(
                .pairs, long: "parameters", short: "p", variables: ["NBRUNNER_PARAMETERS"], valueName: "name value",
                help: "A parameter, typed as papermill does (True/False/None, int, float, else string). Repeatable.",
                variableNote: "NAME=VALUE lines")
        case .parametersRaw:
            OptionSpec(
                .pairs, long: "parameters-raw", short: "r", variables: ["NBRUNNER_PARAMETERS_RAW"], valueName: "name value",
                help: "A parameter passed as a string. Repeatable.", variableNote: "NAME=VALUE lines")
        case .parametersFile:
            OptionSpec(
                .list, long: "parameters-file", short: "f", variables: ["NBRUNNER_PARAMETERS_FILE"], valueName: "file",
                help: "A YAML file of parameters, checked before the kernel starts. Repeatable.")
        case .parametersYAML:
            OptionSpec(
                .document, long: "parameters-yaml", short: "y", variables: ["NBRUNNER_PARAMETERS_YAML"], valueName: "yaml",
                help: "Parameters as a YAML string. Repeatable.", variableNote: "one document")
        case .kernel:
            OptionSpec(
                .value, long: "kernel", short: "k", variables: ["NBRUNNER_KERNEL"], valueName: "name",
                help: "Kernel name; overrides the notebook's metadata.kernelspec.name.")
        case .cwd:
            OptionSpec(
                .value, long: "cwd", variables: ["NBRUNNER_CWD"], valueName: "dir",
                help: "Working directory of the kernel. Default: the notebook's folder.")
        case .startTimeout:
            OptionSpec(
                .value, long: "start-timeout", variables: ["NBRUNNER_START_TIMEOUT"], valueName: "duration",
                help: "How long the kernel may take to start (papermill --start-timeout; papermill's default 60s).", duration: .refused)
        case .python:
            OptionSpec(
                .value, long: "python", variables: ["NBRUNNER_PYTHON"], valueName: "path",
                help: "Python interpreter that has papermill. Default: python3, else python, on PATH.")
        case .timeout:
            OptionSpec(
                .value, long: "timeout", variables: ["NBRUNNER_TIMEOUT"], valueName: "duration",
                help: "Deadline for the whole run (the operator's spec.timeout), e.g. 30m; 0 means none. On expiry papermill is interrupted like on SIGTERM and the run exits 5.",
                duration: .noDeadline)
        case .cellTimeout:
            OptionSpec(
                .value, long: "cell-timeout", variables: ["NBRUNNER_CELL_TIMEOUT"], valueName: "duration",
                help: "Deadline for each cell (papermill --execution-timeout); 0 means none (the default). A cell timeout exits 5.",
                duration: .noDeadline)
        case .grace:
            OptionSpec(
                .value, long: "grace", variables: ["NBRUNNER_GRACE"], valueName: "duration",
                help: "After SIGTERM/SIGINT/SIGHUP or --timeout, how long papermill gets to finalise the notebook before SIGTERM, then SIGKILL, to its process group (the default fits inside Kubernetes' 30s).",
                defaultValue: RunConfiguration.defaultGrace.description, duration: .allowed)
        case .sandbox:
            OptionSpec(
                .value, long: "sandbox", variables: ["NBRUNNER_SANDBOX"], valueName: "off|on|require",
                help: "Seccomp filter for papermill, the kernel and every process the notebook starts: system calls a notebook never needs (ptrace, mount, unshare, bpf, kexec, module loading, keyrings, clone with namespace flags…) fail with EPERM (list: docs/sandbox.md). 'on': load it, or warn and run without it when the kernel cannot; 'require': fail (exit 3) instead; 'off'.",
                defaultValue: SandboxMode.default.rawValue, choices: SandboxMode.allCases.map(\.rawValue))
        case .validationLevel:
            OptionSpec(
                .level, long: "validation-level", variables: ["NBRUNNER_VALIDATION_LEVEL", "VALIDATION_LEVEL"], valueName: "level",
                help: "Validation level, a preset of the policies below: learning (none), development (detect silent failures; the default), staging (+ fail on warnings), production (+ strict, + fail on hard-coded credentials).",
                variableNote: "the first one set wins", choices: ValidationLevel.allCases.map(\.rawValue))
        case .failOnStderr:
            OptionSpec(
                .policy(.failOnStderr), long: "fail-on-stderr", variables: ["NBRUNNER_FAIL_ON_STDERR", "VALIDATION_FAIL_ON_STDERR"],
                help: "Fail (exit 1, validation_stderr_failure) when a cell writes to stderr, judged from the cell's own outputs.",
                variableNote: "env can only turn a policy on; the flags decide both ways")
        case .failOnWarnings:
            OptionSpec(
                .policy(.failOnWarnings), long: "fail-on-warnings", variables: ["NBRUNNER_FAIL_ON_WARNINGS", "VALIDATION_FAIL_ON_WARNINGS"],
                help: "Fail (exit 1, validation_warning_failure) when a cell's stderr holds a Python warning (FILE:LINE: SomethingWarning: …).")
        case .strict:
            OptionSpec(
                .policy(.strictMode), long: "strict", variables: ["NBRUNNER_STRICT", "VALIDATION_STRICT_MODE"],
                help: "Strict mode (exit 1, validation_strict_mode_failure): stderr, warnings and printed tracebacks fail, and so do errors in cells tagged raises-exception.")
        case .detectSilentFailures:
            OptionSpec(
                .policy(.detectSilentFailures), long: "detect-silent-failures",
                variables: ["NBRUNNER_DETECT_SILENT_FAILURES", "VALIDATION_DETECT_SILENT_FAILURES"],
                help: "Report a cell that printed a traceback without raising (a warning in the result; a failure in strict mode). On by default, off at level learning.")
        case .failOnHardcodedCredentials:
            OptionSpec(
                .policy(.failOnHardcodedCredentials), long: "fail-on-hardcoded-credentials",
                variables: ["NBRUNNER_FAIL_ON_HARDCODED_CREDENTIALS", "VALIDATION_FAIL_ON_HARDCODED_CREDENTIALS"],
                help: "Fail (exit 1, hardcoded_credentials) before the kernel starts when a code cell holds a credential (AWS, OpenAI, Hugging Face, GitHub, Slack, Google keys, a private key, an AccountKey, a URL with a password, a literal assigned to a credential-like name); otherwise each is a warning. On at level production and in strict mode.")
        case .golden:
            OptionSpec(
                .value, long: "golden", variables: ["NBRUNNER_GOLDEN"], valueName: "path",
                help: "Golden notebook to compare the executed notebook with, cell by cell; a difference exits 1 (golden_mismatch), a missing file exits 2.")
        case .goldenStrategy:
            OptionSpec(
                .value, long: "golden-strategy", variables: ["NBRUNNER_GOLDEN_STRATEGY"], valueName: "strategy",
                help: "exact, or normalized (the default: execution counts, timestamps, memory addresses and trailing whitespace ignored, floats equal within --float-tolerance, images compared by type).",
                choices: GoldenStrategy.allCases.map(\.rawValue))
        case .goldenIgnore:
            OptionSpec(
                .list, long: "golden-ignore", variables: ["NBRUNNER_GOLDEN_IGNORE"], valueName: "regex",
                help: "A regular expression whose matches are ignored in both notebooks, line by line. Repeatable.", variableNote: "one per line")
        case .floatTolerance:
            OptionSpec(
                .value, long: "float-tolerance", variables: ["NBRUNNER_FLOAT_TOLERANCE"], valueName: "number",
                help: "Floats match when |a - b| <= this (normalized strategy); integers must be identical.",
                defaultValue: "\(GoldenSettings.defaultTolerance)")
        case .goldenIgnoreOutputType:
            OptionSpec(
                .list, long: "golden-ignore-output-type", variables: ["NBRUNNER_GOLDEN_IGNORE_OUTPUT_TYPE"], valueName: "type",
                help: "Leave this output type out of the comparison: stream, execute_result, display_data or error. Repeatable.",
                choices: GoldenSettings.outputTypes)
        case .junit:
            OptionSpec(
                .value, long: "junit", variables: ["NBRUNNER_JUNIT"], valueName: "path",
                help: "Write a JUnit XML report here (one test case per code cell), also when the run fails.")
        case .allowInstall:
            OptionSpec(
                .flag, long: "allow-install", variables: ["NBRUNNER_ALLOW_INSTALL"],
                help: "When papermill is missing, pip-install it (pinned \(RuntimeInstaller.papermillRequirement), and ipykernel when the python3 kernel needs it) into a writable user site. Off by default: pre-install papermill in the image.")
        case .envFile:
            OptionSpec(
                .list, long: "env-file", variables: ["NBRUNNER_ENV_FILE"], valueName: "path",
                help: "An env file to load (Vault-rendered `export KEY=\"…\"` lines, or a JSON object of strings); strict: a bad one fails the run (exit 4). Repeatable.")
        case .secretsDir:
            OptionSpec(
                .value, long: "secrets-dir", variables: ["NBRUNNER_SECRETS_DIR"], valueName: "dir",
                help: "Folder of env files to load, strictly. Default: /vault/secrets when it exists (files that are not env files are skipped with a warning); '' turns it off.",
                emptyIsValue: true)
        case .secretsWait:
            OptionSpec(
                .value, long: "secrets-wait", variables: ["NBRUNNER_SECRETS_WAIT"], valueName: "duration",
                help: "Wait up to this long for --env-file and --secret-file files (and --secrets-dir) to appear and be non-empty, for a Vault sidecar that renders late; then exit 4.",
                duration: .noDeadline)
        case .secretEnv:
            OptionSpec(
                .names, long: "secret-env", variables: ["NBRUNNER_SECRET_ENV"], valueName: "name",
                help: "Treat this inherited environment variable as a secret whatever its name: its value is replaced by *** in everything nbrunner writes. Repeatable; added to the variable's names, never replacing them.",
                variableNote: "one name per line, or separated by commas or spaces", additive: true)
        case .secretFile:
            OptionSpec(
                .list, long: "secret-file", variables: ["NBRUNNER_SECRET_FILE"], valueName: "path",
                help: "A file whose content is a secret value to mask (a file of a mounted Kubernetes Secret volume, such as the JSON key GOOGLE_APPLICATION_CREDENTIALS points to); not loaded as variables; missing, unreadable or over 1 MiB: exit 4. Repeatable; added to the variable's paths, never replacing them.",
                variableNote: "one path per line", additive: true)
        case .noOverrideEnv:
            OptionSpec(
                .flag, long: "no-override-env", variables: ["NBRUNNER_NO_OVERRIDE_ENV"],
                help: "Keep inherited environment variables over values from secrets files (by default the files win).")
        case .noRedactNotebook:
            OptionSpec(
                .flag, long: "no-redact-notebook", variables: ["NBRUNNER_NO_REDACT_NOTEBOOK"],
                help: "Do not replace secret values with *** in the output notebook (they are always redacted from the log, the result and the termination message).")
        case .saveEvery:
            OptionSpec(
                .value, long: "save-every", variables: ["NBRUNNER_SAVE_EVERY"], valueName: "duration",
                help: "Rewrite the output notebook at most this often while cells run (papermill rewrites it whole at every cell start and end, which makes long notebooks slow); it is always written when the run ends, however it ends. 0 restores papermill's per-cell saves.",
                defaultValue: RunConfiguration.defaultSaveEvery.description, duration: .allowed)
        case .logStream:
            OptionSpec(
                .value, long: "log-stream", variables: ["NBRUNNER_LOG_STREAM"], valueName: "auto|stdout|stderr",
                help: "Where the log goes; the Results Summary: block is always last on stdout. 'auto': stdout in a container (nbrunner is PID 1, or KUBERNETES_SERVICE_HOST or container is set), so that the container runtime gets the log and the block on one stream, in order; stderr elsewhere, stdout holding only the block. 'stdout', 'stderr': always there.",
                defaultValue: LogStream.default.rawValue, choices: LogStream.allCases.map(\.rawValue))
        case .scratch:
            OptionSpec(
                .value, long: nil, variables: ["NBRUNNER_SCRATCH"],
                help: "The folder unwritable locations (HOME, TMPDIR, Jupyter's folders, …) are redirected into.")
        }
    }

    /// The option's first variable (`NBRUNNER_OUTPUT`).
    package var variable: String { spec.variables[0] }

    /// The option of a validation policy.
    package init(policy: ValidationPolicy.Name) {
        switch policy {
        case .failOnStderr: self = .failOnStderr
        case .failOnWarnings: self = .failOnWarnings
        case .strictMode: self = .strict
        case .detectSilentFailures: self = .detectSilentFailures
        case .failOnHardcodedCredentials: self = .failOnHardcodedCredentials
        }
    }

    /// Every variable of the table, in table order.
    package static var variables: [String] { allCases.flatMap(\.spec.variables) }
}
