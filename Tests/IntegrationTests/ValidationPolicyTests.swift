import FoundationEssentials
import NotebookRunner
import Testing

/// The validation policies against a real papermill run: each cell of validation.ipynb trips one
/// policy (cell 2 writes to stderr, cell 3 warns, cell 4 prints a traceback without raising),
/// judged from the cells' own outputs.
@Suite(.timeLimit(.minutes(3))) struct ValidationPolicyTests {
    static let notebook = Paths.notebook("validation.ipynb")

    /// What the operator sets on every validation pod: all five variables, `false` ones included.
    static func operatorEnvironment(level: String, stderr: Bool = false) -> [String: String] {
        [
            "VALIDATION_LEVEL": level, "VALIDATION_STRICT_MODE": "false", "VALIDATION_FAIL_ON_STDERR": "\(stderr)",
            "VALIDATION_FAIL_ON_WARNINGS": "false", "VALIDATION_DETECT_SILENT_FAILURES": "false",
        ]
    }

    @Test func theDefaultLevelReportsTheSilentFailureAndPasses() async throws {
        let run = try await Nbrunner.run(Self.notebook)
        #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
        let result = try run.checkContract()
        let validation = try #require(result.validation)
        #expect(validation.status == .passed)
        #expect(validation.policy.level == .development)
        #expect(validation.policy.levelSource == "default")
        #expect(validation.offendingCells.isEmpty)
        #expect(validation.warnings.map(\.cellIndex) == [4])
        #expect(validation.warnings.first?.kind == .silentFailure)
        #expect(validation.warnings.first?.message == "printed a traceback without raising: ZeroDivisionError: division by zero")
        #expect(run.stderr.contains("warning: cell 4 printed a traceback without raising"))
        #expect(result.cells.compactMap(\.status).allSatisfy { $0 == .succeeded })
    }

    @Test func failOnStderrFromTheOperatorsEnvironment() async throws {
        let run = try await Nbrunner.run(Self.notebook, environment: Self.operatorEnvironment(level: "learning", stderr: true))
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.errorCategory == .validationStderrFailure)
        #expect(result.retryable == false)
        let validation = try #require(result.validation)
        #expect(validation.policy.failOnStderr == .init(enabled: true, source: "VALIDATION_FAIL_ON_STDERR"))
        #expect(validation.policy.detectSilentFailures == .init(enabled: false, source: "level learning"))
        // The warning is on stderr too; nothing else counts at level learning.
        #expect(validation.offendingCells.map(\.cellIndex) == [2, 3])
        #expect(validation.offendingCells.map(\.category) == [.validationStderrFailure, .validationStderrFailure])
        #expect(validation.warnings.isEmpty)
        #expect(result.failedCell?.cellIndex == 2)
        #expect(result.failedCell?.reason == "wrote to stderr: progress: half way")
        #expect(result.cells[2].status == .failed)
        #expect(result.cells[2].error == "wrote to stderr: progress: half way")
        #expect(result.error.hasPrefix("cell 2 (In [2]) wrote to stderr: progress: half way (fail-on-stderr from VALIDATION_FAIL_ON_STDERR)"))
        let (_, message) = try run.termination()
        #expect(message.failedCell?.cellIndex == 2)
        #expect(message.failedCell?.reason == "wrote to stderr: progress: half way")
    }

    /// Staging fails on the warning only; `--no-strict` beats an operator's `true`.
    @Test func stagingFailsOnTheWarningOnly() async throws {
        let run = try await Nbrunner.run(
            Self.notebook, ["--validation-level", "staging", "--no-strict"],
            environment: ["VALIDATION_STRICT_MODE": "true"])
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.errorCategory == .validationWarningFailure)
        let validation = try #require(result.validation)
        #expect(validation.policy.strictMode == .init(enabled: false, source: "--no-strict"))
        #expect(validation.offendingCells.map(\.cellIndex) == [3])
        #expect(validation.offendingCells.first?.reasons.map(\.kind) == [.warning])
        #expect(result.failedCell?.cellIndex == 3)
        #expect(result.failedCell?.reason?.hasSuffix("DeprecationWarning: this API is going away") == true)
        #expect(result.cells[2].status == .succeeded, "stderr alone is fine at staging")
        #expect(validation.warnings.map(\.cellIndex) == [4])
    }

    /// Production from the operator, whose `false` variables never weaken the preset; the JUnit
    /// report shows each offending cell as a failure with its category.
    @Test func productionFromTheOperatorIsStrictDespiteItsFalses() async throws {
        let junit = "\(temporaryDirectory())/junit.xml"
        let run = try await Nbrunner.run(
            Self.notebook, ["--junit", junit],
            environment: Self.operatorEnvironment(level: "production"))
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.errorCategory == .validationStrictModeFailure)
        let validation = try #require(result.validation)
        #expect(validation.policy.level == .production)
        #expect(validation.policy.levelSource == "VALIDATION_LEVEL")
        #expect(validation.policy.strictMode == .init(enabled: true, source: "level production"))
        #expect(validation.policy.detectSilentFailures == .init(enabled: true, source: "level production"))
        #expect(validation.offendingCells.map(\.cellIndex) == [2, 3, 4])
        #expect(validation.offendingCells.map(\.category) == [.validationStrictModeFailure, .validationWarningFailure, .validationStrictModeFailure])
        #expect(validation.offendingCells.map { $0.reasons.map(\.kind) } == [[.stderr], [.warning, .stderr], [.silentFailure]])
        #expect(result.error.contains("(strict mode from level production); 2 more cells failed validation"))
        #expect(result.statistics.failedCells == 3)

        let suite = try await JUnitFile.parse(junit).only()
        #expect(suite.name == "validation.ipynb")
        #expect(suite.tests == 5)
        #expect(suite.failures == 3)
        #expect(
            suite.cases.map(\.name) == [
                "cell 1: x = 1", "cell 2: import sys", "cell 3: import warnings",
                "cell 4: import traceback", "cell 5: print('done')",
            ])
        #expect(
            suite.cases.map { $0.failure?.type } == [
                nil, "validation_strict_mode_failure", "validation_warning_failure",
                "validation_strict_mode_failure", nil,
            ])
        #expect(suite.named("cell 4")?.failure?.message == "printed a traceback without raising: ZeroDivisionError: division by zero")
        #expect(suite.cases.allSatisfy { $0.time != nil })
    }

    @Test func anUnknownLevelIsExit2BeforeAnyKernel() async throws {
        let run = try await Nbrunner.run(Self.notebook, environment: ["VALIDATION_LEVEL": "paranoid"])
        #expect(run.exitCode == 2)
        let result = try run.checkContract()
        #expect(result.errorCategory == .configurationError)
        #expect(result.error.hasPrefix("VALIDATION_LEVEL: expected learning, development, staging, production, got 'paranoid'"))
        #expect(!FileSystem.exists(run.outputPath))
    }

    /// Output that only looks like what a policy looks for: a time of day before `Warning:`,
    /// ANSI-only stderr, a traceback header quoted in a line or shown as a value. The real
    /// warnings (pandas-style `sys:1:` and the plain `Warning` category) still count.
    @Test func lookalikesAreNotFindings() async throws {
        let run = try await Nbrunner.run(Paths.notebook("validation-lookalikes.ipynb"), ["--validation-level", "staging", "--fail-on-stderr"])
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        let validation = try #require(result.validation)
        #expect(validation.offendingCells.map(\.cellIndex) == [0, 1, 5, 6])
        #expect(validation.offendingCells.map { $0.reasons.map(\.kind) } == [[.stderr], [.stderr], [.warning, .stderr], [.warning, .stderr]])
        #expect(validation.offendingCells.first?.reasons.first?.message.hasSuffix(": Warning: disk almost full") == true)
        #expect(validation.offendingCells[2].reasons.first?.message == "Python warning: sys:1: UserWarning: Columns (2) have mixed types")
        #expect(validation.offendingCells[3].reasons.first?.message.hasSuffix(".py:1: Warning: the plain category") == true)
        #expect(validation.warnings.isEmpty, "no silent failure: \(validation.warnings)")
        #expect(result.errorCategory == .validationStderrFailure)
        #expect(result.cells.compactMap(\.status) == [.failed, .failed, .succeeded, .succeeded, .succeeded, .failed, .failed])
    }

    /// A level that a stronger source overrides is still checked.
    @Test func anOverriddenLevelIsCheckedToo() async throws {
        for (extra, environment, named) in [
            (["--validation-level", "learning"], ["VALIDATION_LEVEL": "paranoid"], "VALIDATION_LEVEL"),
            ([], ["NBRUNNER_VALIDATION_LEVEL": "learning", "VALIDATION_LEVEL": "paranoid"], "VALIDATION_LEVEL"),
        ] {
            let run = try await Nbrunner.run(Self.notebook, extra, environment: environment)
            #expect(run.exitCode == 2, "\(environment)")
            let result = try run.checkContract()
            #expect(result.errorCategory == .configurationError)
            #expect(result.error.hasPrefix("\(named): expected learning, development, staging, production, got 'paranoid'"))
        }
    }
}
