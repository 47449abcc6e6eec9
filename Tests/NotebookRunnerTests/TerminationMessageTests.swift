import Testing

@testable import NotebookRunner

@Suite struct TerminationMessageTests {
    func result(evalue: String, message: String, cells: Int = 3) -> RunResult {
        var failed = RunResult.FailedCell(cellIndex: 2, executionCount: 2, ename: "ValueError", evalue: evalue)
        failed.injectedParameters = nil
        let cellResults = (0..<cells).map { i -> CellResult in
            var c = CellResult(cellIndex: i, cellType: "code")
            c.status = i == 2 ? .failed : .succeeded
            return c
        }
        return ResultAssembler.assemble(
            category: .notebookExecutionFailed, message: message, cells: cellResults, failedCell: failed,
            configuration: nil, notebookPath: "/workspace/repo/n.ipynb", record: RunRecord(),
            timing: .init(started: .now, finished: .now))
    }

    @Test func smallResultKeepsEveryField() throws {
        let bytes = TerminationMessage.render(result(evalue: "boom", message: "cell 2 raised ValueError: boom"), budget: 4096)
        let json = try JSONValue.parse(bytes)
        #expect(json["status"] == .string("failed"))
        #expect(json["error_category"] == .string("notebook_execution_failed"))
        #expect(json["exit_code"] == .number(1))
        #expect(json["retryable"] == .bool(false))
        #expect(json["failed_cell"]?["cell_index"] == .number(2))
        #expect(json["failed_cell"]?["evalue"] == .string("boom"))
        #expect(json["statistics"]?["failed_cells"] == .number(1))
    }

    /// Property: whatever the text (huge, unicode, quotes, control characters) and whatever the
    /// budget, the message is valid JSON and fits.
    @Test func alwaysValidJSONWithinBudget() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [String] = ["a", "\"", "\\", "\n", "\u{0}", "\u{1F}", "é", "日本", "🙂", "\u{200B}", "</script>", " "]
        for _ in 0..<400 {
            let length = Int.random(in: 0...20_000, using: &rng)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            let budget = Int.random(in: TerminationMessage.minimumBudget...8192, using: &rng)
            let r = result(evalue: text, message: text + text, cells: Int.random(in: 0...5000, using: &rng))
            let bytes = TerminationMessage.render(r, budget: budget)
            #expect(bytes.count <= budget, "budget \(budget), got \(bytes.count)")
            let json = try JSONValue.parse(bytes)
            #expect(json["exit_code"] == .number(1))
        }
    }

    @Test func shortensTextBeforeDroppingFields() throws {
        let bytes = TerminationMessage.render(result(evalue: String(repeating: "x", count: 100_000), message: "m"), budget: 1024)
        let json = try JSONValue.parse(bytes)
        #expect(json["failed_cell"]?["ename"] == .string("ValueError"))
        #expect(json["statistics"] != nil)
        guard case .string(let evalue)? = json["failed_cell"]?["evalue"] else {
            Issue.record("evalue dropped although shortening it was enough")
            return
        }
        #expect(evalue.hasSuffix("…"))
    }

    /// A validation or golden failure: the category and the offending cell outlast everything
    /// but the last resort.
    @Test func offendingCellAndCategorySurviveATinyBudget() throws {
        var failed = RunResult.FailedCell(cellIndex: 7, executionCount: 8, ename: nil, evalue: nil, injectedParameters: nil)
        failed.reason = "wrote to stderr: " + String(repeating: "e", count: 5000)
        let r = ResultAssembler.assemble(
            category: .validationStderrFailure, message: String(repeating: "m", count: 5000), cells: [], failedCell: failed,
            configuration: nil, notebookPath: "/n.ipynb", record: RunRecord(), timing: .init(started: .now, finished: .now))
        let roomy = try JSONValue.parse(TerminationMessage.render(r, budget: 4096))
        #expect(roomy["failed_cell"]?["reason"].map { if case .string(let s) = $0 { s.hasPrefix("wrote to stderr: ") } else { false } } == true)
        for budget in [128, 200, 400] {
            let bytes = TerminationMessage.render(r, budget: budget)
            #expect(bytes.count <= budget)
            let json = try JSONValue.parse(bytes)
            #expect(json["error_category"] == .string("validation_stderr_failure"))
            #expect(json["exit_code"] == .number(1))
            #expect(json["failed_cell"]?["cell_index"] == .number(7), "budget \(budget)")
        }
    }
}
