/// Applies the validation policy to every code cell that ran and did not already fail, and
/// collects the ``ValidationReport``: `not_checked` when no code cell got that far.
package enum NotebookValidation {
    /// - Parameters:
    ///   - executed: the executed notebook; nil when papermill wrote none (nothing is checked).
    ///   - cells: the per-cell results of the outcome, by source index.
    package static func validate(
        policy: ValidationPolicy, source: NotebookDocument, executed: NotebookDocument?,
        cells: [CellResult], redactor: Redactor = .none
    ) -> ValidationReport {
        guard let executed else { return ValidationReport(policy: policy) }
        let alignment = CellAlignment(source: source.cells, executed: executed.cells)
        var offending: [ValidationReport.OffendingCell] = []
        var warnings: [ValidationReport.Warning] = []
        var judged = 0
        for (j, cell) in CellAlignment.live(executed.cells).enumerated() {
            guard j < alignment.sourceIndex.count, let s = alignment.sourceIndex[j], s < cells.count,
                cell.cellType == .code, cells[s].status == .succeeded
            else { continue }
            judged += 1
            let verdict = CellJudge.judge(cell, policy: policy, redactor: redactor)
            if let first = verdict.failures.first {
                offending.append(
                    .init(
                        cellIndex: s, executionCount: cell.executionCount, category: first.category,
                        reasons: verdict.failures.map(\.finding)))
            }
            warnings += verdict.warnings.map { .init(cellIndex: s, kind: $0.kind, message: $0.message) }
        }
        // Code cells, none of which ran to a success (stopped while the kernel started, or the
        // first one failed): there was nothing to judge.
        if judged == 0, source.cells.contains(where: { $0.cellType == .code }) {
            return ValidationReport(policy: policy)
        }
        offending.sort { $0.cellIndex < $1.cellIndex }
        warnings.sort { $0.cellIndex < $1.cellIndex }
        return ValidationReport(
            policy: policy, status: offending.isEmpty ? .passed : .failed,
            offendingCells: offending, warnings: warnings)
    }
}
