import FoundationEssentials
import NotebookRunner
import Testing

/// Issue 15: credentials written into code cells are found before the kernel starts, reported
/// by cell, line and kind (never the value), masked everywhere, and fail the run under the
/// policy.
@Suite(.timeLimit(.minutes(3))) struct HardcodedCredentialTests {
    static let notebook = Paths.notebook("hardcoded-credentials.ipynb")
    static let values = ["AKIAIOSFODNN7EXAMPLE", "hunter2-Zx9-pw"]

    @Test func aWarningByDefaultAndTheValuesAreMasked() async throws {
        let run = try await Nbrunner.run(Self.notebook)
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(run.stderr.contains("hard-coded credential in cell 1, line 1: aws_access_key_id"))
        #expect(run.stderr.contains("hard-coded credential in cell 2, line 2: credential_literal"))
        let warnings = try #require(result.validation?.warnings)
        #expect(warnings.map(\.kind) == [.hardcodedCredential, .hardcodedCredential])
        #expect(
            warnings.map(\.message) == [
                "hard-coded credential on line 1: aws_access_key_id",
                "hard-coded credential on line 2: credential_literal",
            ])
        #expect(run.stderr.contains("using ***"))
        for value in Self.values { #expect(run.leaks(value) == [], "\(value): \(run.leaks(value))") }
    }

    @Test(arguments: [["--validation-level", "production"], ["--fail-on-hardcoded-credentials"], ["--strict"]])
    func aFailureBeforeTheKernelStarts(_ flags: [String]) async throws {
        let run = try await Nbrunner.run(Self.notebook, flags)
        #expect(run.exitCode == 1, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(result.errorCategory == .hardcodedCredentials)
        #expect(result.error.contains("cell 1, line 1: aws_access_key_id; cell 2, line 2: credential_literal"), "\(result.error)")
        #expect(!run.stderr.contains("started"), "no cell ran")
        for value in Self.values { #expect(run.leaks(value) == [], "\(value): \(run.leaks(value))") }
    }

    @Test func turnedOffAtProductionByItsFlag() async throws {
        let run = try await Nbrunner.run(Self.notebook, ["--validation-level", "staging", "--no-fail-on-hardcoded-credentials"])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
    }

    @Test func doctorReportsThemByCellLineAndKind() async throws {
        let doctor = try await Nbrunner.raw(["doctor", Self.notebook, "--python", Paths.python, "--fail-on-hardcoded-credentials"])
        #expect(doctor.stdout.contains("!! cell 1, line 1: aws_access_key_id"), "\(doctor.stdout)")
        #expect(doctor.exitCode == 1, "doctor agrees with the run")
        for value in Self.values { #expect(!(doctor.stdout + doctor.stderr).contains(value)) }
    }
}
