/// Folds the validation policies and the golden comparison into the run's outcome. They can
/// only make things worse: an execution failure (a cell raised, a timeout, a dead kernel…)
/// keeps its category; otherwise the first cell that fails validation decides
/// (`validation_*`), then a golden mismatch (`golden_mismatch`). Either way, every cell that
/// fails a policy or differs from the golden notebook is marked `failed` with its reason, as
/// long as it ran and had not failed already.
package enum ValidationVerdict {
    package static func apply(
        to outcome: OutcomeClassifier.Outcome, validation: ValidationReport?,
        comparison: ComparisonReport?
    ) -> OutcomeClassifier.Outcome {
        var o = outcome
        if let validation {
            for offending in validation.offendingCells + validation.unlistedOffendingCells where offending.cellIndex < o.cells.count {
                var cell = o.cells[offending.cellIndex]
                guard cell.status == .succeeded else { continue }
                cell.status = .failed
                cell.error = offending.reasons.first?.message
                cell.note =
                    "fails validation: \(offending.category.rawValue) (\(policyPhrase(offending.category, validation.policy)))"
                    + (offending.reasons.count > 1 ? "; also: " + offending.reasons.dropFirst().map(\.message).joined(separator: "; ") : "")
                o.cells[offending.cellIndex] = cell
            }
        }
        if let comparison, comparison.result == .failed {
            for diff in comparison.diffs + comparison.unlistedDiffs where diff.cellIndex < o.cells.count && diff.cellIndex >= 0 {
                var cell = o.cells[diff.cellIndex]
                guard cell.status == .succeeded else { continue }
                cell.status = .failed
                cell.error = "differs from the golden notebook (\(diff.diffType.rawValue))"
                // An earlier note stays: why a cell that raised had succeeded (its
                // raises-exception tag), or that it ended the notebook.
                cell.note = "golden comparison: \(diff.diffType.rawValue)" + (cell.note.map { "; " + $0 } ?? "")
                o.cells[diff.cellIndex] = cell
            }
        }
        guard o.category == .none else { return o }
        if let validation, let first = validation.offendingCells.first {
            let reason = first.reasons.first?.message ?? "failed validation"
            let more = validation.offendingCellCount - 1
            o.category = first.category
            o.message =
                "\(cellName(first.cellIndex, first.executionCount)) \(reason) (\(policyPhrase(first.category, validation.policy)))"
                + (more > 0 ? "; \(more) more cell\(more == 1 ? "" : "s") failed validation" : "")
            o.failedCell = RunResult.FailedCell(
                cellIndex: first.cellIndex, executionCount: first.executionCount,
                ename: nil, evalue: nil, injectedParameters: nil, reason: reason)
            if first.reasons.first?.kind == .allowedError, let cell = o.cells[safe: first.cellIndex] {
                o.failedCell?.ename = cell.ename
                o.failedCell?.evalue = cell.evalue
            }
            return o
        }
        if let comparison, comparison.result == .failed, let first = comparison.diffs.first {
            let reason = "differs from the golden notebook (\(first.diffType.rawValue))"
            o.category = .goldenMismatch
            // A cell only the golden notebook has (after the run's last one) is no cell of the run.
            let ofTheRun = first.cellIndex >= 0 && first.cellIndex < o.cells.count
            o.message =
                "the executed notebook differs from the golden notebook \(comparison.goldenPath): "
                + "\(comparison.mismatchedCells) of \(comparison.totalCells) cells differ; first: "
                + (ofTheRun ? "cell \(first.cellIndex)" : "a \(first.cellType) cell after the notebook's last") + " (\(first.diffType.rawValue))"
            o.failedCell = RunResult.FailedCell(
                cellIndex: ofTheRun ? first.cellIndex : nil,
                executionCount: o.cells[safe: first.cellIndex]?.executionCount,
                ename: nil, evalue: nil, injectedParameters: nil, reason: reason)
        }
        return o
    }

    static func cellName(_ index: Int, _ executionCount: Int?) -> String {
        "cell \(index)" + (executionCount.map { " (In [\($0)])" } ?? "")
    }

    /// Which setting made the finding fail, and where it came from.
    static func policyPhrase(_ category: ErrorCategory, _ policy: ValidationPolicy) -> String {
        switch category {
        case .validationStderrFailure: "fail-on-stderr from \(policy.failOnStderr.source)"
        case .validationWarningFailure: "fail-on-warnings from \(policy.failOnWarnings.source)"
        default: "strict mode from \(policy.strictMode.source)"
        }
    }
}
