import FoundationEssentials
import Testing

@testable import NotebookRunner

@Suite struct ValidationVerdictTests {
    let source = document([cell("markdown", "# t"), cell(), cell(), cell()])

    func stderr(_ text: String) -> NotebookDocument.Output { .init(outputType: "stream", name: "stderr", text: text) }

    func outcome(_ executed: NotebookDocument, ending: PapermillObservation.Ending = .exited(0), tail: [String] = []) -> OutcomeClassifier.Outcome {
        OutcomeClassifier.classify(
            source: source, executed: .success(executed),
            observation: PapermillObservation(ending: ending, errorTail: tail), outputPath: "/o")
    }

    func checked(
        _ executed: NotebookDocument, _ policy: ValidationPolicy, ending: PapermillObservation.Ending = .exited(0),
        tail: [String] = [], comparison: ComparisonReport? = nil
    ) -> (OutcomeClassifier.Outcome, ValidationReport) {
        let o = outcome(executed, ending: ending, tail: tail)
        let report = NotebookValidation.validate(policy: policy, source: source, executed: executed, cells: o.cells)
        return (ValidationVerdict.apply(to: o, validation: report, comparison: comparison), report)
    }

    func policy(_ level: ValidationLevel, _ flags: [ValidationPolicy.Name: Bool] = [:]) -> ValidationPolicy {
        try! PolicyResolver.resolve(level: level.rawValue, flags: flags, environment: [:])
    }

    @Test func theFirstOffendingCellDecides() {
        let executed = document([
            cell("markdown", "# t"), cell(count: 1),
            cell(count: 2, outputs: [stderr("x.py:1: UserWarning: w\n")]),
            cell(count: 3, outputs: [stderr("plain\n")]),
        ])
        let (o, report) = checked(executed, policy(.development, [.failOnStderr: true, .failOnWarnings: true]))
        #expect(o.category == .validationWarningFailure)
        #expect(o.failedCell?.cellIndex == 2)
        #expect(o.failedCell?.reason == "Python warning: x.py:1: UserWarning: w")
        #expect(o.message.hasPrefix("cell 2 (In [2]) Python warning: x.py:1: UserWarning: w (fail-on-warnings from --fail-on-warnings)"))
        #expect(o.message.hasSuffix("; 1 more cell failed validation"))
        #expect(report.offendingCells.map(\.category) == [.validationWarningFailure, .validationStderrFailure])
        #expect(o.cells.compactMap(\.status) == [.succeeded, .failed, .failed])
        #expect(o.cells[3].error == "wrote to stderr: plain")
        #expect(ExecutionStatistics(cells: o.cells, runSucceeded: false).failedCells == 2)
    }

    @Test func anExecutionFailureKeepsItsCategory() {
        let executed = document([
            cell("markdown", "# t"), cell(count: 1, outputs: [stderr("noise\n")]),
            cell(count: 2, outputs: [errorOutput("ValueError", "boom")]), cell(),
        ])
        let (o, _) = checked(executed, policy(.production), ending: .exited(1))
        #expect(o.category == .notebookExecutionFailed)
        #expect(o.failedCell?.cellIndex == 2)
        #expect(o.cells[1].status == .failed, "the offending cell still carries its reason")
        #expect(o.cells[1].note?.contains("validation_strict_mode_failure") == true)
    }

    @Test func raisesExceptionTurnsPapermillsOneIntoSuccessUnlessStrict() {
        let m = NotebookDocument.errorMarkerTag
        let executed = document([
            cell("markdown", "err", tags: [m]), cell("markdown", "# t"), cell(count: 1),
            cell("markdown", "anchor", tags: [m]),
            cell(count: 2, tags: ["raises-exception"], outputs: [errorOutput("ValueError", "expected")]),
            cell(count: 3),
        ])
        let tail = ["papermill.exceptions.PapermillExecutionError: ", "ValueError: expected"]
        let (relaxed, report) = checked(executed, policy(.staging), ending: .exited(1), tail: tail)
        #expect(relaxed.category == .none)
        #expect(relaxed.cells.compactMap(\.status) == [.succeeded, .succeeded, .succeeded])
        #expect(relaxed.cells[2].note == "raised ValueError, which its raises-exception tag allows")
        #expect(report.warnings.map(\.kind) == [.allowedError])
        let (strict, _) = checked(executed, policy(.production), ending: .exited(1), tail: tail)
        #expect(strict.category == .validationStrictModeFailure)
        #expect(strict.failedCell?.cellIndex == 2)
        #expect(strict.failedCell?.ename == "ValueError")
        // Without papermill's report (its PapermillExecutionError, whose marker cells it writes
        // into the notebook first), an exit 1 is not explained by the tag.
        let unmarked = document([
            cell("markdown", "# t"), cell(count: 1),
            cell(count: 2, tags: ["raises-exception"], outputs: [errorOutput("ValueError", "expected")]),
            cell(count: 3),
        ])
        let (unexplained, _) = checked(unmarked, policy(.staging), ending: .exited(1), tail: ["OSError: disk full"])
        #expect(unexplained.category == .notebookExecutionFailed)
    }

    @Test func anUntaggedErrorNextToATaggedOneStillFails() {
        let executed = document([
            cell("markdown", "# t"),
            cell(count: 1, tags: ["raises-exception"], outputs: [errorOutput("ValueError", "ok")]),
            cell(count: 2, outputs: [errorOutput("KeyError", "'k'")]), cell(),
        ])
        let (o, _) = checked(executed, policy(.development), ending: .exited(1), tail: ["papermill.exceptions.PapermillExecutionError: "])
        #expect(o.category == .notebookExecutionFailed)
        #expect(o.failedCell?.cellIndex == 2)
        #expect(o.failedCell?.ename == "KeyError")
    }

    @Test func goldenMismatchComesLastAndMarksItsCells() {
        let executed = document([cell("markdown", "# t"), cell(count: 1), cell(count: 2), cell(count: 3)])
        var comparison = ComparisonReport.skipped(GoldenSettings(path: "/g.ipynb"), reason: "")
        comparison.result = .failed
        comparison.totalCells = 4
        comparison.mismatchedCells = 1
        comparison.diffs = [.init(cellIndex: 3, cellType: "code", diffType: .outputMismatch, expected: "a", actual: "b", diff: "-a\n+b", severity: .major)]
        let (o, _) = checked(executed, policy(.development), comparison: comparison)
        #expect(o.category == .goldenMismatch)
        #expect(o.failedCell?.cellIndex == 3)
        #expect(o.failedCell?.reason == "differs from the golden notebook (output_mismatch)")
        #expect(o.message.contains("1 of 4 cells differ; first: cell 3 (output_mismatch)"))
        #expect(o.cells[3].status == .failed)
        let (validated, _) = checked(
            document([cell("markdown", "# t"), cell(count: 1, outputs: [stderr("e\n")]), cell(count: 2), cell(count: 3)]),
            policy(.production), comparison: comparison)
        #expect(validated.category == .validationStrictModeFailure, "validation comes before the golden comparison")
    }

    /// A cell that raised with its raises-exception tag's leave and then differs from the golden
    /// notebook keeps saying why its error was allowed.
    @Test func aGoldenMismatchKeepsTheAllowedErrorsNote() {
        let m = NotebookDocument.errorMarkerTag
        let executed = document([
            cell("markdown", "err", tags: [m]), cell("markdown", "# t"), cell(count: 1),
            cell("markdown", "anchor", tags: [m]),
            cell(count: 2, tags: ["raises-exception"], outputs: [errorOutput("ValueError", "expected")]),
            cell(count: 3),
        ])
        var comparison = ComparisonReport.skipped(GoldenSettings(path: "/g.ipynb"), reason: "")
        comparison.result = .failed
        comparison.totalCells = 4
        comparison.mismatchedCells = 1
        comparison.diffs = [.init(cellIndex: 2, cellType: "code", diffType: .outputMismatch, expected: "a", actual: "b", diff: "-a\n+b", severity: .major)]
        let (o, _) = checked(
            executed, policy(.development), ending: .exited(1), tail: ["papermill.exceptions.PapermillExecutionError: "],
            comparison: comparison)
        #expect(o.category == .goldenMismatch)
        #expect(o.cells[2].status == .failed)
        #expect(o.cells[2].note == "golden comparison: output_mismatch; raised ValueError, which its raises-exception tag allows")
    }

    /// The result lists the first 100 offending cells and warnings and counts the rest; every
    /// offending cell is still failed in `cells`, and the message counts them all.
    @Test func longListsAreCappedButEveryCellIsMarked() throws {
        let printed = "Traceback (most recent call last):\nE: x\n"
        let many = document(
            (0..<150).map { i in
                cell(count: i + 1, outputs: [stderr("noise \(i)\n"), .init(outputType: "stream", name: "stdout", text: printed)])
            })
        let o = OutcomeClassifier.classify(
            source: document(many.cells.map { cell("code", $0.source) }), executed: .success(many),
            observation: PapermillObservation(ending: .exited(0), errorTail: []), outputPath: "/o")
        let report = NotebookValidation.validate(policy: policy(.development, [.failOnStderr: true]), source: many, executed: many, cells: o.cells)
        #expect(report.offendingCells.count == 100)
        #expect(report.offendingCells.last?.cellIndex == 99)
        #expect(report.offendingCellsOmitted == 50)
        #expect(report.unlistedOffendingCells.map(\.cellIndex) == Array(100..<150))
        #expect(report.offendingCellCount == 150)
        #expect(report.warnings.count == 100)
        #expect(report.warningsOmitted == 50)
        let verdict = ValidationVerdict.apply(to: o, validation: report, comparison: nil)
        #expect(verdict.cells.allSatisfy { $0.status == .failed })
        #expect(verdict.cells[149].error == "wrote to stderr: noise 149")
        #expect(verdict.message.hasSuffix("; 149 more cells failed validation"))
        // The JSON has the counts, not the unlisted cells.
        let json = String(decoding: try ResultJSON.encoder().encode(report), as: UTF8.self)
        #expect(json.contains("\"offending_cells_omitted\":50"))
        #expect(json.contains("\"warnings_omitted\":50"))
        #expect(!json.contains("noise 100"))
        let decoded = try ResultJSON.decoder().decode(ValidationReport.self, from: Data(json.utf8))
        #expect(decoded.offendingCellCount == 150)
        #expect(decoded.unlistedOffendingCells.isEmpty)
        // Short lists count nothing.
        let few = ValidationReport(policy: .standard, status: .passed, warnings: [.init(cellIndex: 0, kind: .silentFailure, message: "m")])
        #expect(few.offendingCellsOmitted == nil && few.warningsOmitted == nil)
        #expect(!String(decoding: try ResultJSON.encoder().encode(few), as: UTF8.self).contains("omitted"))
    }

    /// A cell only the golden notebook has is no cell of the run: no index into `cells`.
    @Test func aMissingCellIsNotACellOfTheRun() {
        let executed = document([cell("markdown", "# t"), cell(count: 1), cell(count: 2), cell(count: 3)])
        var comparison = ComparisonReport.skipped(GoldenSettings(path: "/g.ipynb"), reason: "")
        comparison.result = .failed
        comparison.totalCells = 5
        comparison.mismatchedCells = 1
        comparison.diffs = [
            .init(cellIndex: 4, cellType: "code", diffType: .missingCell, expected: "[code cell] x", actual: "", diff: "-[code cell] x", severity: .major)
        ]
        let (o, _) = checked(executed, policy(.development), comparison: comparison)
        #expect(o.category == .goldenMismatch)
        #expect(o.failedCell?.cellIndex == nil)
        #expect(o.message.contains("first: a code cell after the notebook's last (missing_cell)"), "\(o.message)")
    }

    /// Stopped while the kernel started: no code cell ran, so nothing was validated.
    @Test func nothingRanIsNotChecked() {
        let executed = document([cell("markdown", "# t"), cell(), cell(), cell()])
        var cells = (0..<4).map { CellResult(cellIndex: $0, cellType: $0 == 0 ? "markdown" : "code") }
        for i in 1...3 { cells[i].status = .skipped }
        let report = NotebookValidation.validate(policy: policy(.production), source: source, executed: executed, cells: cells)
        #expect(report.status == .notChecked)
        let markdownOnly = document([cell("markdown", "# only text")])
        #expect(
            NotebookValidation.validate(
                policy: policy(.production), source: markdownOnly, executed: markdownOnly,
                cells: [CellResult(cellIndex: 0, cellType: "markdown")]
            ).status == .passed)
    }
}
