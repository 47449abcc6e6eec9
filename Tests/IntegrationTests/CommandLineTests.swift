import NotebookRunner
import Testing

/// `--version`, `--help`, and the NBRUNNER_* environment equivalents the operator uses.
@Suite struct CommandLineTests {
    @Test func versionIsPrinted() async throws {
        let run = try await Nbrunner.raw(["--version"])
        #expect(run.exitCode == 0)
        #expect(run.stdout.trimmedLine == RunnerVersion.current)
    }

    /// doctor's --help and --version are ordinary output, like run's.
    @Test func doctorHelpAndVersionGoToStdout() async throws {
        let help = try await Nbrunner.raw(["doctor", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("USAGE: nbrunner doctor"), "\(help.stdout)")
        #expect(help.stderr.isEmpty, "\(help.stderr)")
        let version = try await Nbrunner.raw(["doctor", "--version"])
        #expect(version.exitCode == 0)
        #expect(version.stdout.trimmedLine == RunnerVersion.current)
    }

    /// doctor shows the validation policy a run would use, with where each setting came from.
    @Test func doctorShowsTheValidationPolicy() async throws {
        let run = try await Nbrunner.raw(
            ["doctor", Paths.notebook("params.ipynb"), "--python", Paths.python],
            environment: [
                "VALIDATION_LEVEL": "staging", "VALIDATION_STRICT_MODE": "false",
                "VALIDATION_FAIL_ON_STDERR": "true",
            ])
        #expect(run.stdout.contains("level staging (VALIDATION_LEVEL)"), "\(run.stdout)")
        #expect(run.stdout.contains("fail-on-stderr on (VALIDATION_FAIL_ON_STDERR)"))
        #expect(run.stdout.contains("strict off (level staging)"), "a false from env does not weaken or strengthen")
    }

    @Test func helpDocumentsExitCodesAndEnvironment() async throws {
        let run = try await Nbrunner.raw(["run", "--help"])
        #expect(run.exitCode == 0)
        for text in [
            "Exit codes:", "128+N", "never exits 126 or 127", "NBRUNNER_OUTPUT", "NBRUNNER_PARAMETERS",
            "NBRUNNER_TERMINATION_LOG", "NBRUNNER_PYTHON", "--start-timeout",
        ] {
            #expect(run.stdout.contains(text), "missing from --help: \(text)")
        }
    }

    /// An ENTRYPOINT without arguments must not print help and exit 0 (a pass to the operator).
    @Test func bareInvocationRunsFromTheEnvironment() async throws {
        let dir = temporaryDirectory()
        let missing = try await Nbrunner.raw(["--termination-log", "\(dir)/termination-log"], directory: dir)
        #expect(missing.exitCode == 2)
        #expect(try missing.summary().error.contains("NBRUNNER_NOTEBOOK"))
        let run = try await Nbrunner.raw(
            [],
            environment: [
                "NBRUNNER_NOTEBOOK": Paths.notebook("sysexit0.ipynb"), "NBRUNNER_PYTHON": Paths.python,
                "NBRUNNER_OUTPUT": "\(dir)/output.ipynb", "NBRUNNER_RESULT": "\(dir)/result.json",
                "NBRUNNER_TERMINATION_LOG": "\(dir)/termination-log",
            ], directory: dir)
        #expect(run.exitCode == 0, "\(run.stderr)")
        try run.checkContract()
    }

    @Test func environmentEquivalents() async throws {
        let dir = temporaryDirectory()
        let run = try await Nbrunner.raw(
            ["run"],
            environment: [
                "NBRUNNER_NOTEBOOK": Paths.notebook("params.ipynb"),
                "NBRUNNER_OUTPUT": "\(dir)/output.ipynb", "NBRUNNER_RESULT": "\(dir)/result.json",
                "NBRUNNER_TERMINATION_LOG": "\(dir)/termination-log", "NBRUNNER_PYTHON": Paths.python,
                "NBRUNNER_PARAMETERS": "a=42\nd=7", "NBRUNNER_PARAMETERS_RAW": "b=from env",
            ], directory: dir)
        #expect(run.exitCode == 0, "\(run.stderr)")
        try run.checkContract()
        #expect(run.stderr.contains("a=42 b='from env' c=None d=7"))
    }
}
