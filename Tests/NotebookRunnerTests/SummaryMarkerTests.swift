import Testing
@testable import NotebookRunner

@Suite struct SummaryMarkerTests {
    @Test func neutralisesEveryOccurrenceKeepingLength() {
        let line = "Results Summary: x Results Summary:{"
        let out = SummaryMarker.neutralise(line)
        #expect(out == "Results-Summary: x Results-Summary:{")
        #expect(!out.contains(SummaryMarker.text))
    }

    @Test func leavesOtherTextAlone() {
        #expect(SummaryMarker.neutralise("Results Summary") == "Results Summary")
        #expect(SummaryMarker.neutralise("results summary: x") == "results summary: x")
    }

    @Test func blockIsMarkerThenOneLine() {
        let block = String(decoding: SummaryBlock.render(resultJSON: Array("{\"a\":1}".utf8)), as: UTF8.self)
        #expect(block == "Results Summary:\n{\"a\":1}\n")
    }
}
