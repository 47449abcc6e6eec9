import Testing

@testable import NotebookRunner

@Suite struct ExecutionStatisticsTests {
    func code(_ status: CellResult.Status) -> CellResult {
        var cell = CellResult(cellIndex: 0, cellType: "code")
        cell.status = status
        return cell
    }

    /// Without code cells a success is 100 %, a failure (bad options, an unreadable notebook) 0 %.
    @Test func withoutCodeCellsOnlyASuccessIsAHundredPercent() {
        let markdown = [CellResult(cellIndex: 0, cellType: "markdown")]
        #expect(ExecutionStatistics(cells: markdown, runSucceeded: true).successRate == 100)
        #expect(ExecutionStatistics(cells: [], runSucceeded: false).successRate == 0)
        #expect(ExecutionStatistics(cells: markdown, runSucceeded: false).successRate == 0)
    }

    @Test func withCodeCellsTheShareThatSucceeded() {
        let cells = [code(.succeeded), code(.failed), code(.skipped)]
        #expect(ExecutionStatistics(cells: cells, runSucceeded: false).successRate == 33.33)
        #expect(ExecutionStatistics(cells: [code(.succeeded)], runSucceeded: true).successRate == 100)
    }
}
