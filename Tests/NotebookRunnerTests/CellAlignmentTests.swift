import Testing

@testable import NotebookRunner

@Suite struct CellAlignmentTests {
    let marker = NotebookDocument.errorMarkerTag

    @Test func insertedParametersCellHasNoSourceIndex() {
        let source = [cell("markdown", "# t"), cell(tags: ["parameters"]), cell(), cell()]
        let executed = [cell("markdown", "# t"), cell(tags: ["parameters"]), cell(tags: ["injected-parameters"]), cell(), cell()]
        #expect(CellAlignment(source: source, executed: executed).sourceIndex == [0, 1, nil, 2, 3])
        #expect(CellAlignment.predicted(source: source, injects: true).sourceIndex == [0, 1, nil, 2, 3])
    }

    @Test func injectedAtTopWithoutParametersCell() {
        let source = [cell(), cell()]
        #expect(CellAlignment.predicted(source: source, injects: true).sourceIndex == [nil, 0, 1])
        #expect(CellAlignment.predicted(source: source, injects: false).sourceIndex == [0, 1])
    }

    @Test func existingInjectedCellIsReplacedInPlace() {
        let source = [cell(tags: ["parameters"]), cell(tags: ["injected-parameters"]), cell()]
        let executed = [cell(tags: ["parameters"]), cell(tags: ["injected-parameters"]), cell()]
        #expect(CellAlignment(source: source, executed: executed).sourceIndex == [0, 1, 2])
        #expect(CellAlignment.predicted(source: source, injects: true).sourceIndex == [0, 1, 2])
    }

    @Test func errorMarkersInSourceAndOutputAreSkipped() {
        // A stale marker in the source (deleted by papermill) and two new ones in the output.
        let source = [cell("markdown", "stale", tags: [marker]), cell(), cell(), cell()]
        let executed = [cell("markdown", "new", tags: [marker]), cell(), cell("markdown", "anchor", tags: [marker]), cell(), cell()]
        #expect(CellAlignment(source: source, executed: executed).sourceIndex == [1, 2, 3])
        #expect(CellAlignment.live(executed).count == 3)
        #expect(CellAlignment.predicted(source: source, injects: false).sourceIndex == [1, 2, 3])
    }
}
