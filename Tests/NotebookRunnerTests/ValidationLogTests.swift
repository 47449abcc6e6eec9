import Testing

@testable import NotebookRunner

@Suite struct ValidationLogTests {
    func report(offending: Int, warnings: Int) -> ValidationReport {
        ValidationReport(
            policy: .standard, status: offending > 0 ? .failed : .passed,
            offendingCells: (0..<offending).map {
                .init(
                    cellIndex: $0, executionCount: $0 + 1, category: .validationStrictModeFailure,
                    reasons: [.init(kind: .stderr, message: "wrote to stderr: e"), .init(kind: .warning, message: "w")])
            },
            warnings: (0..<warnings).map { .init(cellIndex: $0, kind: .silentFailure, message: "printed a traceback without raising: E") })
    }

    @Test func oneLinePerCellAndWarning() {
        let lines = ValidationLog.lines(report(offending: 2, warnings: 1))
        #expect(
            lines == [
                .init(isWarning: false, text: "validation: cell 0 fails (validation_strict_mode_failure): wrote to stderr: e; w"),
                .init(isWarning: false, text: "validation: cell 1 fails (validation_strict_mode_failure): wrote to stderr: e; w"),
                .init(isWarning: true, text: "cell 0 printed a traceback without raising: E"),
            ])
    }

    @Test func theFirstTwentyThenHowManyMore() {
        #expect(
            ValidationLog.lines(report(offending: 21, warnings: 0)).last?.text
                == "validation: 1 more cell fails (21 in all; all in the result's validation.offending_cells)")
        let few = ValidationLog.lines(report(offending: 25, warnings: 21))
        #expect(few.filter { !$0.isWarning }.count == 21)
        #expect(few[20].text == "validation: 5 more cells fail (25 in all; all in the result's validation.offending_cells)")
        #expect(few.last?.text == "1 more validation warning (21 in all; all in the result's validation.warnings)")
        let many = ValidationLog.lines(report(offending: 5000, warnings: 150))
        #expect(many.count == 42)
        #expect(many[20].text == "validation: 4980 more cells fail (5000 in all; the result's validation.offending_cells lists the first 100)")
        #expect(many.last == .init(isWarning: true, text: "130 more validation warnings (150 in all; the result's validation.warnings lists the first 100)"))
    }
}
