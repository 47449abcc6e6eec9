import FoundationEssentials
import NotebookRunner
import Testing

/// nbclient's `raises-exception` convention with the real papermill 2.7.0, which still exits 1
/// and inserts its marker cells when such a cell raises.
@Suite(.timeLimit(.minutes(2))) struct RaisesExceptionTests {
    static let notebook = Paths.notebook("raises-exception.ipynb")

    @Test func aTaggedCellMayRaiseAndTheNotebookRunsOn() async throws {
        let run = try await Nbrunner.run(Self.notebook)
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(result.papermill?.returnCode == 1, "papermill itself still fails the run")
        #expect(result.errorCategory == .none)
        let tagged = result.cells[1]
        #expect(tagged.status == .succeeded)
        #expect(tagged.ename == "ValueError")
        #expect(tagged.evalue == "expected failure")
        #expect(tagged.note == "raised ValueError, which its raises-exception tag allows")
        #expect(result.cells[2].status == .succeeded)
        #expect(result.cells[2].executionCount == 3, "execution went on past the tagged cell")
        #expect(run.stderr.contains("after 1"))
        #expect(result.validation?.warnings.map(\.kind) == [.allowedError])
        // papermill's marker cells are in the output notebook, not in the result.
        let output = try NotebookReader.decode(Data(contentsOf: URL(filePath: run.outputPath)), path: run.outputPath)
        #expect(output.cells.filter { $0.tags.contains(NotebookDocument.errorMarkerTag) }.count == 2)
        #expect(result.cells.count == 3)
    }

    /// papermill prints its exception's name before the cell's whole traceback; a traceback
    /// longer than the stderr tail nbrunner keeps must not turn the pass into a failure.
    @Test func aLongTracebackInATaggedCellStillPasses() async throws {
        let run = try await Nbrunner.run(Paths.notebook("raises-exception-deep.ipynb"))
        #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
        let result = try run.checkContract()
        #expect(result.errorCategory == .none)
        #expect(result.cells.compactMap(\.status) == [.succeeded, .succeeded, .succeeded])
        #expect(run.stderr.split(separator: "\n").count > 400, "the traceback is longer than the kept tail")
    }

    /// The notebook as its own golden (no outputs): the tagged cell differs, and its JUnit case
    /// fails with golden_mismatch, not with the error its tag allowed.
    @Test func aTaggedCellThatDiffersFailsAsAMismatch() async throws {
        let junit = "\(temporaryDirectory())/junit.xml"
        let run = try await Nbrunner.run(Self.notebook, ["--golden", Self.notebook, "--junit", junit])
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.errorCategory == .goldenMismatch)
        #expect(result.cells[1].status == .failed)
        #expect(result.cells[1].note == "golden comparison: execution_error; raised ValueError, which its raises-exception tag allows")
        let suite = try await JUnitFile.parse(junit).only()
        #expect(suite.named("cell 1")?.failure?.type == "golden_mismatch")
        #expect(suite.named("cell 1")?.failure?.message == "differs from the golden notebook (execution_error)")
        #expect(suite.named("cell 1")?.systemOut == "warning: raised ValueError: expected failure, which its raises-exception tag allows")
    }

    /// `sys.exit(1)` in a tagged cell: nbclient allows it like any error and runs on; papermill
    /// 2.7.0 exits 1 as for any error in a tagged cell. An allowed error, unless strict.
    @Test func sysExitOneInATaggedCellIsAnAllowedError() async throws {
        let notebook = Paths.notebook("raises-sysexit.ipynb")
        let run = try await Nbrunner.run(notebook)
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(result.papermill?.returnCode == 1)
        #expect(result.cells[1].status == .succeeded)
        #expect((result.cells[1].ename, result.cells[1].evalue) == ("SystemExit", "1"))
        #expect(result.cells[1].note == "raised SystemExit, which its raises-exception tag allows")
        #expect(result.cells[2].executionCount == 3, "execution went on past the tagged cell")
        #expect(result.validation?.warnings.map(\.message) == ["raised SystemExit: 1, which its raises-exception tag allows"])

        let strict = try await Nbrunner.run(notebook, ["--strict"])
        #expect(strict.exitCode == 1)
        let failed = try strict.checkContract()
        #expect(failed.errorCategory == .validationStrictModeFailure)
        #expect(failed.failedCell?.ename == "SystemExit")
    }

    @Test func strictModeFailsTheTaggedCell() async throws {
        let run = try await Nbrunner.run(Self.notebook, ["--strict"])
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.errorCategory == .validationStrictModeFailure)
        #expect(result.failedCell?.cellIndex == 1)
        #expect(result.failedCell?.ename == "ValueError")
        #expect(result.failedCell?.reason == "raised ValueError: expected failure; a raises-exception tag does not allow it in strict mode")
        #expect(result.cells[1].status == .failed)
        #expect(result.cells[2].status == .succeeded)
        #expect(result.validation?.policy.strictMode == .init(enabled: true, source: "--strict"))
        let (_, message) = try run.termination()
        #expect(message.errorCategory == "validation_strict_mode_failure")
        #expect(message.failedCell?.cellIndex == 1)
    }
}
