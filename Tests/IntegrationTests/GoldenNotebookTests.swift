import FoundationEssentials
import Testing
import NotebookRunner

/// `--golden` against real runs of golden-source.ipynb, whose output changes every run (a
/// timestamp, a memory address, float noise, a random number in an nbval-ignore-output cell),
/// and golden notebooks made by make_fixtures.py.
@Suite(.timeLimit(.minutes(3))) struct GoldenNotebookTests {
    static let notebook = Paths.notebook("golden-source.ipynb")

    @Test func matchesDespiteTimestampsAddressesCountsAndFloatNoise() async throws {
        let golden = Paths.notebook("golden-match.ipynb")
        let run = try await Nbrunner.run(Self.notebook, ["--golden", golden])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let comparison = try #require(try run.checkContract().comparison)
        #expect(comparison.result == .matched, "\(comparison.diffs)")
        #expect(comparison.strategy == .normalized)
        #expect(comparison.goldenPath == golden)
        #expect(comparison.totalCells == 5)
        #expect(comparison.matchedCells == 4)
        #expect(comparison.ignoredCells == 1)
        #expect(comparison.mismatchedCells == 0)
        #expect(comparison.floatTolerance == 0.0001)
        #expect(comparison.diffs.isEmpty)
        #expect(run.stderr.contains("golden: 4 of 5 cells match"))
    }

    @Test func aMismatchNamesTheCellWithAReadableDiff() async throws {
        let junit = "\(temporaryDirectory())/junit.xml"
        let run = try await Nbrunner.run(Self.notebook, ["--golden", Paths.notebook("golden-mismatch.ipynb"), "--junit", junit])
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.errorCategory == .goldenMismatch)
        #expect(result.retryable == false)
        let comparison = try #require(result.comparison)
        #expect(comparison.result == .failed)
        #expect(comparison.totalCells == 6)
        #expect(comparison.mismatchedCells == 2)
        #expect(comparison.diffs.map(\.cellIndex) == [3, 5])
        #expect(comparison.diffs.map(\.diffType) == [.outputMismatch, .missingCell])
        let rows = comparison.diffs[0]
        #expect(rows.expected == "[stream stdout]\nrows 99")
        #expect(rows.actual == "[stream stdout]\nrows 100")
        #expect(rows.diff == "--- golden\n+++ executed\n@@ -1,2 +1,2 @@\n [stream stdout]\n-rows 99\n+rows 100")
        #expect(comparison.diffs[1].expected == "[code cell] print('summary')\n[stream stdout]\nsummary")
        #expect(result.failedCell?.cellIndex == 3)
        #expect(result.failedCell?.reason == "differs from the golden notebook (output_mismatch)")
        #expect(result.cells[3].status == .failed)
        #expect(result.error.contains("2 of 6 cells differ; first: cell 3 (output_mismatch)"))
        let (_, message) = try run.termination()
        #expect(message.errorCategory == "golden_mismatch")
        #expect(message.failedCell?.cellIndex == 3)

        let suite = try await JUnitFile.parse(junit).only()
        #expect(suite.failures == 2)
        let cell = try #require(suite.named("cell 3: print('rows', 100)"))
        #expect(cell.failure?.type == "golden_mismatch")
        #expect(cell.failure?.text?.contains("-rows 99\n+rows 100") == true)
        let whole = try #require(suite.named("golden comparison"))
        #expect(whole.failure?.message?.hasPrefix("2 of 6 cells differ") == true)
        #expect(whole.failure?.text?.contains("cell 5 (code): missing_cell") == true)
    }

    /// `exact` sees the timestamp and the execution counts; the executed notebook has a cell the
    /// golden one lacks.
    @Test func exactAndAnExtraCell() async throws {
        let run = try await Nbrunner.run(Self.notebook, ["--golden", Paths.notebook("golden-short.ipynb"), "--golden-strategy", "exact"])
        #expect(run.exitCode == 1)
        let comparison = try #require(try run.checkContract().comparison)
        #expect(comparison.strategy == .exact)
        #expect(comparison.floatTolerance == nil)
        #expect(comparison.diffs.map(\.diffType) == [.outputMismatch, .outputMismatch, .outputMismatch, .extraCell])
        #expect(comparison.diffs.map(\.cellIndex) == [1, 2, 3, 4])
        #expect(comparison.diffs[0].diff.contains("-run at 2020-02-02 20:20:20.202020"))
        #expect(comparison.diffs[3].expected == "")
        #expect(comparison.diffs[3].actual.hasPrefix("[code cell] print(random.random())\n[execution_count 4]\n[stream stdout]\n"),
                "\(comparison.diffs[3].actual)")
    }

    @Test func aMissingGoldenIsAnInputErrorBeforeAnyKernel() async throws {
        let junit = "\(temporaryDirectory())/junit.xml"
        let run = try await Nbrunner.run(Self.notebook, ["--golden", "/nonexistent/golden.ipynb", "--junit", junit])
        #expect(run.exitCode == 2)
        let result = try run.checkContract()
        #expect(result.errorCategory == .invalidNotebook)
        #expect(result.error == "--golden: golden notebook not found: /nonexistent/golden.ipynb")
        #expect(result.comparison?.result == .skipped)
        #expect(!FileSystem.exists(run.outputPath), "no kernel started")
        // The report is written for a failed run too, and does not look green.
        let suite = try await JUnitFile.parse(junit).only()
        #expect(suite.errors == 1)
        #expect(suite.named("notebook run")?.error?.type == "invalid_notebook")
        #expect(suite.cases.filter { $0.skipped != nil }.count == 5, "4 code cells and the comparison")
        #expect(suite.named("golden comparison")?.skipped != nil)
    }
}
