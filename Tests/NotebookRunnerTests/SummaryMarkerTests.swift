import FoundationEssentials
import Testing

@testable import NotebookRunner

@Suite struct SummaryMarkerTests {
    @Test func neutralisesEveryOccurrenceKeepingLength() {
        let line = "Results Summary: x Results Summary:{"
        let out = SummaryMarker.neutralise(line)
        #expect(out == "Results-Summary: x Results-Summary:{")
        #expect(!out.contains(SummaryMarker.text))
    }

    @Test func neutralisesTheGoldenMarker() {
        let out = SummaryMarker.neutralise("Golden Notebook Summary: {\"cells\": []} Golden Notebook Summary:")
        #expect(out == "Golden-Notebook Summary: {\"cells\": []} Golden-Notebook Summary:")
        #expect(SummaryMarker.neutralise("Results Summary:Golden Notebook Summary:") == "Results-Summary:Golden-Notebook Summary:")
    }

    @Test func leavesOtherTextAlone() {
        #expect(SummaryMarker.neutralise("Results Summary") == "Results Summary")
        #expect(SummaryMarker.neutralise("results summary: x") == "results summary: x")
        #expect(SummaryMarker.neutralise("Golden Notebook Summary") == "Golden Notebook Summary")
    }

    @Test func blockIsMarkerThenIndentedJSON() throws {
        var cell = CellResult(cellIndex: 0, cellType: "code")
        cell.error = "KeyError: '{x}'"
        let block = String(decoding: try SummaryBlock.render(result: TestResults.failed(cells: [cell])), as: UTF8.self)
        let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Results Summary:")
        #expect(lines[1] == "{")
        #expect(lines.dropLast().last == "}" && lines.last == "")
        #expect(lines.count > 20)
        #expect(lines.contains { $0.contains("\"error\" : \"KeyError: '{x}'\"") })
    }

    /// Long strings are cut in the block, at a character boundary outside escapes, and the block
    /// still decodes.
    @Test func longStringsAreCutAndTheJSONStaysValid() throws {
        var cell = CellResult(cellIndex: 0, cellType: "code")
        cell.traceback = [String(repeating: "ä\"\\\n", count: 3000), "short"]
        cell.error = String(repeating: "é", count: 5000)
        let block = try SummaryBlock.render(result: TestResults.failed(cells: [cell]))
        let lines = block.split(separator: 0x0A)
        #expect(lines.allSatisfy { $0.count <= SummaryBlock.maxLineBytes })
        let json = block.dropFirst(SummaryMarker.text.utf8.count + 1)
        let decoded = try ResultJSON.decoder().decode(RunResult.self, from: Data(json))
        let frame = try #require(decoded.cells.first?.traceback?.first)
        #expect(frame.hasPrefix("ä\"\\\n") && frame.hasSuffix("bytes cut]"))
        #expect(decoded.cells.first?.traceback?.last == "short")
        #expect(decoded.cells.first?.error?.hasSuffix("bytes cut]") == true)
    }

    @Test func clipNeverSplitsAnEscapeOrACharacter() {
        let line = Array("    \"\\u00e4\\u00e4\\u00e4ééé\",".utf8)
        for limit in 10...line.count {
            let out = SummaryBlock.clipStrings(line, to: limit)
            let strings = SummaryBlock.stringRanges(in: out)
            #expect(strings.count <= 1)
            #expect(String(validating: out, as: UTF8.self) != nil, "limit \(limit)")
        }
    }
}

enum TestResults {
    static func failed(cells: [CellResult]) -> RunResult {
        ResultAssembler.assemble(
            category: .notebookExecutionFailed, message: "cell 0 raised", cells: cells, failedCell: nil,
            configuration: nil, notebookPath: "/workspace/n.ipynb", record: RunRecord(),
            timing: .init(started: .now, finished: .now))
    }
}
