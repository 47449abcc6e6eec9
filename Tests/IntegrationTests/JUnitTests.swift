import FoundationEssentials
import NotebookRunner
import Testing

/// `--junit`: readable by junitparser case by case, and free of secrets.
@Suite(.timeLimit(.minutes(2))) struct JUnitTests {
    @Test func aRaisingNotebookCaseByCase() async throws {
        let junit = "\(temporaryDirectory())/reports/junit.xml"
        try FileManager.default.createDirectory(atPath: FileSystem.parent(junit), withIntermediateDirectories: true)
        let run = try await Nbrunner.run(Paths.notebook("error.ipynb"), ["--junit", junit])
        #expect(run.exitCode == 1)
        try run.checkContract()
        let suite = try await JUnitFile.parse(junit).only()
        #expect(suite.name == "error.ipynb")
        #expect((suite.tests, suite.failures, suite.errors, suite.skipped) == (3, 1, 0, 1))
        #expect(
            suite.cases.map(\.name) == [
                "cell 1: x = 1", "cell 2: raise ValueError('boom: the value was wrong')",
                "cell 3: print('never runs')",
            ])
        #expect(suite.cases.allSatisfy { $0.classname == "error" })
        #expect(suite.cases[0].results.isEmpty)
        #expect(suite.cases[0].time != nil)
        let failure = try #require(suite.cases[1].failure)
        #expect(failure.type == "ValueError")
        #expect(failure.message == "ValueError: boom: the value was wrong")
        #expect(failure.text?.hasSuffix("ValueError: boom: the value was wrong") == true)
        #expect(failure.text?.contains("\u{1B}") == false, "ANSI-stripped")
        #expect(suite.cases[2].skipped?.message == "not run: execution stopped before this cell")
        #expect(suite.cases[2].time == nil)
    }

    /// A cell timeout: papermill's interrupt leaves a KeyboardInterrupt in the running cell, but
    /// its case fails with the run's category and the cell's note.
    @Test func aTimedOutCellFailsWithTheRunsCategory() async throws {
        let junit = "\(temporaryDirectory())/junit.xml"
        let run = try await Nbrunner.run(Paths.notebook("sleep.ipynb"), ["--cell-timeout", "2s", "--junit", junit])
        #expect(run.exitCode == 5, "\(run.stderr.suffix(2000))")
        let result = try run.checkContract()
        #expect(result.errorCategory == .timeout)
        #expect(result.cells[1].ename == "KeyboardInterrupt", "what papermill's interrupt leaves")
        let suite = try await JUnitFile.parse(junit).only()
        #expect((suite.tests, suite.failures, suite.errors, suite.skipped) == (3, 1, 0, 1))
        let failure = try #require(suite.named("cell 1")?.failure)
        #expect(failure.type == "timeout")
        #expect(failure.message == "this cell timed out")
        #expect(failure.text?.hasPrefix("this cell timed out\n") == true)
        #expect(failure.text?.contains("KeyboardInterrupt") == true, "the traceback shows where it was interrupted")
    }

    /// With the output notebook left unredacted, the validation findings, the golden diffs and
    /// the JUnit report still carry no secret.
    @Test func secretsNeverReachTheReport() async throws {
        let junit = "\(temporaryDirectory())/junit.xml"
        let run = try await Nbrunner.run(
            Paths.notebook("secret-leak.ipynb"),
            [
                "--secrets-dir", try SecretsTests().secretsDir(), "--no-redact-notebook", "--junit", junit,
                "--strict", "--golden", Paths.notebook("golden-secret-leak.ipynb"),
            ])
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.errorCategory == .notebookExecutionFailed)
        #expect(run.leaks(SecretsTests.password) == ["notebook"])
        #expect(result.validation?.offendingCells.map(\.cellIndex) == [1])
        #expect(result.validation?.offendingCells.first?.reasons.first?.message == "wrote to stderr: stderr: ***")
        #expect(result.comparison?.diffs.first?.actual == "[stream stdout]\nconnecting with ***")
        let xml = String(decoding: try Data(contentsOf: URL(filePath: junit)), as: UTF8.self)
        let escaped = SecretsTests.password.replacing("&", with: "&amp;").replacing("\"", with: "&quot;").replacing("'", with: "&apos;")
        for form in [SecretsTests.password, escaped, "Pa$$w0rd"] {
            #expect(!xml.contains(form))
        }
        let suite = try await JUnitFile.parse(junit).only()
        #expect(suite.named("cell 2")?.failure?.message?.contains("postgresql://reader:***@db:5432/features refused") == true)
        #expect(suite.named("cell 1")?.failure?.type == "validation_strict_mode_failure")
    }
}
