import FoundationEssentials
import NotebookRunner
import Testing

/// End to end, a few variables of the option table set on a real run take effect in its result
/// and log (OptionTableTests checks every variable on the resolved configuration).
@Suite(.timeLimit(.minutes(3))) struct OptionVariableTests {
    @Test(arguments: [
        "VALIDATION_FAIL_ON_HARDCODED_CREDENTIALS", "NBRUNNER_KERNEL", "NBRUNNER_JUNIT", "NBRUNNER_CELL_TIMEOUT",
        "NBRUNNER_SANDBOX",
    ])
    func aVariableTakesEffectInARealRun(_ variable: String) async throws {
        let dir = temporaryDirectory()
        switch variable {
        case "VALIDATION_FAIL_ON_HARDCODED_CREDENTIALS":
            let run = try await Nbrunner.run(Paths.notebook("hardcoded-credentials.ipynb"), environment: [variable: "true"])
            #expect(run.exitCode == 1, "\(run.stderr.suffix(2000))")
            let result = try run.checkContract()
            #expect(result.errorCategory == .hardcodedCredentials)
            #expect(result.validation?.policy.failOnHardcodedCredentials == .init(enabled: true, source: variable))
        case "NBRUNNER_KERNEL":
            let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), environment: [variable: "no-such-kernel"])
            #expect(run.exitCode == 3, "\(run.stderr.suffix(2000))")
            #expect(try run.checkContract().error.contains("kernel 'no-such-kernel' not found"))
        case "NBRUNNER_JUNIT":
            let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), environment: [variable: "\(dir)/junit.xml"])
            #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
            try run.checkContract()
            #expect(try String(contentsOfFile: "\(dir)/junit.xml", encoding: .utf8).contains("<testsuite"))
        case "NBRUNNER_CELL_TIMEOUT":
            let run = try await Nbrunner.run(Paths.notebook("sleep.ipynb"), environment: [variable: "2s"])
            #expect(run.exitCode == 5, "\(run.stderr.suffix(2000))")
            let result = try run.checkContract()
            #expect(result.errorCategory == .timeout)
            #expect(result.cells[1].note == "this cell timed out")
        case "NBRUNNER_SANDBOX":
            let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), environment: [variable: "off"])
            #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
            #expect(try run.checkContract().sandbox?.mode == .off)
        default:
            Issue.record("no end-to-end check for \(variable)")
        }
    }

    /// doctor reads options through the same table: the operator-style credential variable and
    /// the additive secret names.
    @Test func doctorReadsTheSameVariables() async throws {
        let credentials = try await Nbrunner.raw(
            ["doctor", Paths.notebook("hardcoded-credentials.ipynb"), "--python", Paths.python],
            environment: ["VALIDATION_FAIL_ON_HARDCODED_CREDENTIALS": "true"])
        #expect(credentials.exitCode == 1, "\(credentials.stdout)")
        let names = try await Nbrunner.raw(
            ["doctor", "--python", Paths.python, "--secret-env", "USER_NAMED_SECRET_7"],
            environment: ["NBRUNNER_SECRET_ENV": "CONTROLLER_NAMED_SECRET_7"])
        #expect(
            names.stdout.contains("--secret-env names not set: CONTROLLER_NAMED_SECRET_7, USER_NAMED_SECRET_7"), "\(names.stdout)")
    }
}
