/// Upstream `ExecutionStatistics` plus the succeeded/skipped counts.
package struct ExecutionStatistics: Codable, Sendable, Equatable {
    package var totalCells: Int
    package var codeCells: Int
    package var failedCells: Int
    /// Percentage of code cells that succeeded, 2 decimals. Without code cells: 100 for a run
    /// that succeeded, 0 for one that failed (bad options, a notebook that could not be read):
    /// a failure never claims 100 %.
    package var successRate: Double
    package var succeededCells: Int
    package var skippedCells: Int

    package init(cells: [CellResult], runSucceeded: Bool) {
        let code = cells.filter { $0.status != nil }
        totalCells = cells.count
        codeCells = code.count
        failedCells = code.filter { $0.status == .failed }.count
        succeededCells = code.filter { $0.status == .succeeded }.count
        skippedCells = code.filter { $0.status == .skipped }.count
        successRate =
            codeCells == 0
            ? (runSucceeded ? 100 : 0)
            : (Double(succeededCells) * 10_000 / Double(codeCells)).rounded() / 100
    }
}
