import Testing

@testable import NotebookRunner

@Suite struct JUnitReportTests {
    func result(
        category: ErrorCategory, cells: [CellResult], failedCell: RunResult.FailedCell? = nil,
        validation: ValidationReport? = nil, comparison: ComparisonReport? = nil
    ) -> RunResult {
        var record = RunRecord()
        record.validation = validation
        record.comparison = comparison
        return ResultAssembler.assemble(
            category: category, message: "the message <&>", cells: cells, failedCell: failedCell,
            configuration: nil, notebookPath: "/w/my \"nb\".ipynb", record: record,
            timing: .init(started: .now, finished: .now))
    }

    func code(_ i: Int, _ status: CellResult.Status, line: String? = nil, configure: (inout CellResult) -> Void = { _ in }) -> CellResult {
        var c = CellResult(cellIndex: i, cellType: "code")
        c.status = status
        c.sourceLine = line
        c.durationSeconds = 0.0125
        configure(&c)
        return c
    }

    @Test func oneCasePerCodeCellWithFailuresSkipsAndTimes() {
        let cells = [
            CellResult(cellIndex: 0, cellType: "markdown"),
            code(1, .succeeded, line: "x = 1 < 2"),
            code(2, .failed, line: "raise ValueError('boom')") {
                $0.ename = "ValueError"
                $0.evalue = "boom & bust"
                $0.error = "ValueError: boom & bust"
                $0.traceback = ["Traceback line", "ValueError: boom & bust"]
            },
            code(3, .skipped) { $0.note = "not run: execution stopped before this cell" },
        ]
        let xml = JUnitReport.render(result(category: .notebookExecutionFailed, cells: cells))
        #expect(
            xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"nbrunner\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\""))
        #expect(xml.contains("<testsuite name=\"my &quot;nb&quot;.ipynb\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\""))
        #expect(xml.contains("<testcase name=\"cell 1: x = 1 &lt; 2\" classname=\"my &quot;nb&quot;\" time=\"0.013\"/>"))
        #expect(xml.contains("<failure type=\"ValueError\" message=\"ValueError: boom &amp; bust\">Traceback line\nValueError: boom &amp; bust</failure>"))
        #expect(
            xml.contains(
                "<testcase name=\"cell 3\" classname=\"my &quot;nb&quot;\" time=\"0.013\">\n      <skipped message=\"not run: execution stopped before this cell\"/>"
            ))
        #expect(!xml.contains("cell 0"), "markdown cells are not test cases")
    }

    @Test func aFailedRunWithoutAFailingCellGetsAnErrorCase() {
        let cells = [code(0, .skipped) { $0.note = "not run: the run stopped before execution" }]
        let xml = JUnitReport.render(result(category: .dependencyMissing, cells: cells))
        #expect(
            xml.contains(
                "<testcase name=\"notebook run\" classname=\"my &quot;nb&quot;\">\n      <error type=\"dependency_missing\" message=\"the message &lt;&amp;&gt;\"/>"
            ))
        #expect(xml.contains("errors=\"1\""))
        let ok = JUnitReport.render(result(category: .none, cells: [code(0, .succeeded)]))
        #expect(!ok.contains("notebook run"))
    }

    @Test func validationAndGoldenFailuresAreFailuresOfTheirCells() {
        let policy = ValidationPolicy(level: .production)
        let validation = ValidationReport(
            policy: policy, status: .failed,
            offendingCells: [
                .init(
                    cellIndex: 0, executionCount: 1, category: .validationStrictModeFailure,
                    reasons: [.init(kind: .stderr, message: "wrote to stderr: oops")])
            ],
            warnings: [.init(cellIndex: 1, kind: .silentFailure, message: "printed a traceback without raising: E")])
        var comparison = ComparisonReport.skipped(GoldenSettings(path: "/g.ipynb"), reason: "")
        comparison.result = .failed
        comparison.reason = nil
        comparison.totalCells = 3
        comparison.mismatchedCells = 2
        comparison.diffs = [
            .init(
                cellIndex: 1, cellType: "code", diffType: .outputMismatch, expected: "1", actual: "2",
                diff: "-1\n+2", severity: .major),
            .init(cellIndex: 2, cellType: "markdown", diffType: .missingCell, expected: "x", actual: "", diff: "-x", severity: .major),
        ]
        let cells = [code(0, .failed) { $0.error = "wrote to stderr: oops" }, code(1, .failed)]
        let xml = JUnitReport.render(result(category: .validationStrictModeFailure, cells: cells, validation: validation, comparison: comparison))
        #expect(xml.contains("<failure type=\"validation_strict_mode_failure\" message=\"wrote to stderr: oops\">wrote to stderr: oops</failure>"))
        #expect(xml.contains("<failure type=\"golden_mismatch\" message=\"differs from the golden notebook (output_mismatch)\">-1\n+2</failure>"))
        #expect(xml.contains("<system-out>warning: printed a traceback without raising: E</system-out>"))
        #expect(xml.contains("<testcase name=\"golden comparison\""))
        #expect(xml.contains("message=\"2 of 3 cells differ from /g.ipynb (normalized)\""))
        #expect(xml.contains("cell 2 (markdown): missing_cell\n-x"))
        #expect(xml.contains("<property name=\"validation_level\" value=\"production\"/>"))
    }

    /// A cell that never ran is skipped, whatever the golden notebook has there; a difference
    /// past the result's list of 20 still fails its cell.
    @Test func goldenDifferencesOfSkippedAndUnlistedCells() {
        var comparison = ComparisonReport.skipped(GoldenSettings(path: "/g.ipynb"), reason: "")
        comparison.result = .failed
        comparison.reason = nil
        comparison.totalCells = 3
        comparison.mismatchedCells = 2
        comparison.diffs = [.init(cellIndex: 1, cellType: "code", diffType: .outputMismatch, expected: "1", actual: "", diff: "-1", severity: .major)]
        comparison.unlistedDiffs = [
            .init(cellIndex: 2, cellType: "code", diffType: .outputMismatch, expected: "2", actual: "3", diff: "-2\n+3", severity: .major)
        ]
        comparison.diffsOmitted = 1
        let cells = [
            code(0, .failed) {
                $0.ename = "ValueError"
                $0.evalue = "x"
            }, code(1, .skipped) { $0.note = "not executed" }, code(2, .failed),
        ]
        let xml = JUnitReport.render(result(category: .notebookExecutionFailed, cells: cells, comparison: comparison))
        #expect(xml.contains("<skipped message=\"not executed\"/>"), "\(xml)")
        #expect(!xml.contains("-1</failure>"), "no golden failure for a cell that never ran")
        #expect(xml.contains("not listed in the result, which lists the first 20 differences"))
    }

    /// papermill's interrupt leaves a KeyboardInterrupt in the cell that was running; the case
    /// fails with the run's category and the cell's note.
    @Test func aCellCutShortFailsWithTheRunsCategory() {
        func interrupted(_ note: String, ename: String? = "KeyboardInterrupt") -> CellResult {
            code(1, .failed, line: "time.sleep(30)") {
                $0.ename = ename
                $0.evalue = ename.map { _ in "" }
                $0.error = ename ?? note
                $0.note = note
                $0.traceback = ename.map { ["Cell In[1], line 2", "\($0): "] }
            }
        }
        for (category, cell) in [
            (ErrorCategory.timeout, interrupted("this cell timed out")),
            (.kernelDied, interrupted("the kernel died while this cell ran")),
            (.cancelled, interrupted("interrupted: nbrunner received SIGTERM")),
            (.cancelled, interrupted("interrupted: nbrunner received SIGTERM", ename: nil)),
            (.internalError, interrupted("papermill was killed by signal 9 while this cell ran")),
        ] {
            let failed = RunResult.FailedCell(cellIndex: 1, executionCount: 1, ename: cell.ename, evalue: cell.evalue)
            let xml = JUnitReport.render(result(category: category, cells: [code(0, .succeeded), cell, code(2, .skipped)], failedCell: failed))
            let note = cell.note!
            #expect(xml.contains("<failure type=\"\(category.rawValue)\" message=\"\(note)\">\(note)"), "\(xml)")
            #expect(!xml.contains("type=\"KeyboardInterrupt\""))
            if cell.ename != nil { #expect(xml.contains("\(note)\nCell In[1], line 2\nKeyboardInterrupt: </failure>")) }
        }
        // A KeyboardInterrupt the notebook raised itself is an error like any other.
        var own = interrupted("", ename: "KeyboardInterrupt")
        own.note = nil
        let xml = JUnitReport.render(
            result(
                category: .notebookExecutionFailed, cells: [own],
                failedCell: .init(cellIndex: 1, ename: "KeyboardInterrupt", evalue: "")))
        #expect(xml.contains("<failure type=\"KeyboardInterrupt\" message=\"KeyboardInterrupt\">"))
    }

    /// A cell whose error its raises-exception tag allowed, failed by the golden comparison: the
    /// case fails with golden_mismatch, not with the allowed error.
    @Test func anAllowedErrorIsNoFailureOfItsCase() {
        var comparison = ComparisonReport.skipped(GoldenSettings(path: "/g.ipynb"), reason: "")
        comparison.result = .failed
        comparison.reason = nil
        comparison.totalCells = 1
        comparison.mismatchedCells = 1
        comparison.diffs = [
            .init(
                cellIndex: 0, cellType: "code", diffType: .outputMismatch, expected: "[error]\nValueError: a",
                actual: "[error]\nValueError: b", diff: "-ValueError: a\n+ValueError: b", severity: .major)
        ]
        let allowed = ValidationReport.Warning(cellIndex: 0, kind: .allowedError, message: "raised ValueError: b, which its raises-exception tag allows")
        let validation = ValidationReport(policy: .standard, status: .passed, warnings: [allowed])
        func cell(note: String) -> CellResult {
            code(0, .failed, line: "raise ValueError('b')") {
                $0.ename = "ValueError"
                $0.evalue = "b"
                $0.traceback = ["ValueError: b"]
                $0.error = "differs from the golden notebook (output_mismatch)"
                $0.note = note
            }
        }
        let failed = RunResult.FailedCell(cellIndex: 0, reason: "differs from the golden notebook (output_mismatch)")
        for (note, validation) in [
            ("golden comparison: output_mismatch; raised ValueError, which its raises-exception tag allows", validation),
            ("golden comparison: output_mismatch", validation),
            ("golden comparison: output_mismatch; raised ValueError, which its raises-exception tag allows", nil),
        ] {
            let xml = JUnitReport.render(
                result(
                    category: .goldenMismatch, cells: [cell(note: note)], failedCell: failed,
                    validation: validation, comparison: comparison))
            #expect(
                xml.contains(
                    "<failure type=\"golden_mismatch\" message=\"differs from the golden notebook (output_mismatch)\">-ValueError: a\n+ValueError: b</failure>"),
                "\(xml)")
            #expect(!xml.contains("type=\"ValueError\""))
        }
    }

    /// An offending cell past the result's list is still a failure with its own category.
    @Test func offendingCellsPastTheListFailWithTheirCategory() {
        let offending = (0..<101).map { i in
            ValidationReport.OffendingCell(
                cellIndex: i, executionCount: i + 1,
                category: i == 100 ? .validationWarningFailure : .validationStderrFailure,
                reasons: [.init(kind: i == 100 ? .warning : .stderr, message: "reason \(i)")])
        }
        let validation = ValidationReport(
            policy: try! PolicyResolver.resolve(level: "staging", flags: [.failOnStderr: true], environment: [:]),
            status: .failed, offendingCells: offending)
        let cells = (0..<101).map { i in
            code(i, .failed) {
                $0.error = "reason \(i)"
                $0.note = "fails validation: …"
            }
        }
        let xml = JUnitReport.render(result(category: .validationStderrFailure, cells: cells, validation: validation))
        #expect(xml.contains("<failure type=\"validation_warning_failure\" message=\"reason 100\">reason 100\nfails validation: …</failure>"))
        #expect(xml.contains("failures=\"101\""))
    }

    @Test func secondsHaveMillisecondPrecision() {
        #expect(JUnitReport.seconds(0) == "0.000")
        #expect(JUnitReport.seconds(1.23456) == "1.235")
        #expect(JUnitReport.seconds(61.0004) == "61.000")
        // Never a trap, whatever a notebook's metadata says.
        #expect(JUnitReport.seconds(-3) == "0.000")
        #expect(JUnitReport.seconds(.nan) == "0.000")
        #expect(JUnitReport.seconds(.infinity) == "0.000")
        #expect(JUnitReport.seconds(-.infinity) == "0.000")
        #expect(JUnitReport.seconds(1e300) == "1000000000000.000")
        #expect(JUnitReport.seconds(Double.greatestFiniteMagnitude) == "1000000000000.000")
    }
}
