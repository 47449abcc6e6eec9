import FoundationEssentials
import NotebookRunner
import Testing

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
        #expect(
            comparison.diffs[3].actual.hasPrefix("[code cell] print(random.random())\n[execution_count 4]\n[stream stdout]\n"),
            "\(comparison.diffs[3].actual)")
    }

    /// Writes a notebook of code cells with nbformat; each cell's outputs are `print` lines
    /// when `printed` is given (a golden notebook made by hand).
    static func writeNotebook(_ path: String, _ sources: [String], printed: [String]? = nil) async throws {
        let cells = try String(decoding: JSONEncoder().encode(sources), as: UTF8.self)
        let outputs = try String(decoding: JSONEncoder().encode(printed ?? []), as: UTF8.self)
        _ = try await Nbrunner.python(
            """
            import json, nbformat
            from nbformat.v4 import new_notebook, new_code_cell, new_output
            sources, printed = json.loads(\(cells.debugDescription)), json.loads(\(outputs.debugDescription))
            nb = new_notebook(cells=[new_code_cell(s) for s in sources])
            for i, text in enumerate(printed):
                nb.cells[i].execution_count = i + 1
                nb.cells[i].outputs = [new_output("stream", name="stdout", text=text)]
            nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
            nbformat.write(nb, \(path.debugDescription))
            """)
    }

    /// The review's pairs, with real papermill: a golden notebook printing a version, a count,
    /// a UUID, integers and a big id against a run printing a patch version, another count, a
    /// UUID differing in one digit, floats and the next id. All used to match.
    @Test func theReviewsPairsAreMismatches() async throws {
        let dir = temporaryDirectory()
        let notebook = "\(dir)/review.ipynb"
        let golden = "\(dir)/review-golden.ipynb"
        try await Self.writeNotebook(
            notebook,
            [
                "print('pandas 1.20.3')\nprint('rows', 1999999999)\nprint('run id 551e8400-e29b-41d4-a716-446655440000')",
                "print([1.0, 2.0, 3.0])", "print('big id', 12345678901234568)", "print('model_v2')",
            ])
        try await Self.writeNotebook(
            golden, ["", "", "", ""],
            printed: [
                "pandas 1.2.3\nrows 1249975000\nrun id 550e8400-e29b-41d4-a716-446655440000\n", "[1, 2, 3]\n",
                "big id 12345678901234567\n", "model_v1\n",
            ])
        let run = try await Nbrunner.run(notebook, ["--golden", golden, "--float-tolerance", "1"])
        #expect(run.exitCode == 1, "\(run.stderr.suffix(3000))")
        let comparison = try #require(try run.checkContract().comparison)
        #expect(comparison.mismatchedCells == 4)
        #expect(comparison.diffs.map(\.cellIndex) == [0, 1, 2, 3])
        #expect(
            comparison.diffs[0].diff.contains(
                "-pandas 1.2.3\n-rows 1249975000\n-run id 550e8400-e29b-41d4-a716-446655440000\n"
                    + "+pandas 1.20.3\n+rows 1999999999\n+run id 551e8400-e29b-41d4-a716-446655440000"),
            "\(comparison.diffs[0].diff)")
        #expect(comparison.diffs[1].diff.contains("-[1, 2, 3]\n+[1.0, 2.0, 3.0]"))
    }

    /// A notebook whose outputs are all timing and clock readings (%time, %timeit, tqdm,
    /// logging, datetime, time.time, object reprs) and a DataFrame.info(): its second run
    /// matches its first.
    @Test func aSecondRunOfTimingOutputsMatchesTheFirst() async throws {
        let dir = temporaryDirectory()
        let notebook = "\(dir)/timing.ipynb"
        try await Self.writeNotebook(
            notebook,
            [
                "%time sum(range(100000))",
                "%timeit -r 3 sum(range(10))",
                "import time\nfrom tqdm import tqdm\nfor _ in tqdm(range(3)):\n    time.sleep(0.05)",
                "import logging, sys\nlogging.basicConfig(stream=sys.stdout, level=logging.INFO, format='%(asctime)s %(levelname)s %(message)s', force=True)\nlogging.info('ready')",
                "import datetime\nprint(datetime.datetime.now())\nprint(repr(datetime.datetime.now()))\nprint(time.time())\nprint('time', int(time.time()))\nprint(time.ctime())",
                "print(object())\nstart = time.time()\nprint(f'took {time.time() - start + 0.001:.3f}s')",
                "import pandas as pd\ndf = pd.DataFrame({'a': [1, 2, 3], 'b': [1.5, 2.5, 3.5]})\ndf.info()",
            ])
        let first = try await Nbrunner.run(notebook)
        #expect(first.exitCode == 0, "\(first.stderr.suffix(3000))")
        let second = try await Nbrunner.run(notebook, ["--golden", first.outputPath])
        #expect(second.exitCode == 0, "\(second.stderr.suffix(3000))")
        let comparison = try #require(try second.checkContract().comparison)
        #expect(comparison.result == .matched, "\(comparison.diffs.map(\.diff))")
        #expect(comparison.matchedCells == 7)
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
