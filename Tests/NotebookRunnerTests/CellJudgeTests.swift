import Testing

@testable import NotebookRunner

@Suite struct CellJudgeTests {
    func stderr(_ text: String) -> NotebookDocument.Output { .init(outputType: "stream", name: "stderr", text: text) }
    func stdout(_ text: String) -> NotebookDocument.Output { .init(outputType: "stream", name: "stdout", text: text) }
    let warning = "/tmp/ipykernel_1/2.py:2: UserWarning: careful\n  warnings.warn('careful')\n"
    let printed = "Traceback (most recent call last):\n  File \"<x>\", line 1, in <module>\n    1/0\nZeroDivisionError: division by zero\n"

    func policy(_ level: ValidationLevel, _ flags: [ValidationPolicy.Name: Bool] = [:]) -> ValidationPolicy {
        try! PolicyResolver.resolve(level: level.rawValue, flags: flags, environment: [:])
    }

    func judge(_ outputs: [NotebookDocument.Output], tags: [String] = [], _ p: ValidationPolicy) -> CellJudge.Verdict {
        CellJudge.judge(cell(count: 1, tags: tags, outputs: outputs), policy: p)
    }

    @Test func stderrUnderEachPolicy() {
        let out = [stderr("to stderr\n")]
        for level in [ValidationLevel.learning, .development, .staging] {
            #expect(judge(out, policy(level)).failures.isEmpty, "\(level)")
        }
        let flagged = judge(out, policy(.development, [.failOnStderr: true]))
        #expect(flagged.failures.map(\.category) == [.validationStderrFailure])
        #expect(flagged.failures.first?.finding.message == "wrote to stderr: to stderr")
        #expect(judge(out, policy(.production)).failures.map(\.category) == [.validationStrictModeFailure])
        #expect(judge([stderr("  \n")], policy(.production)).failures.isEmpty, "blank stderr is nothing")
        #expect(judge([stdout("to stdout\n")], policy(.production)).failures.isEmpty)
    }

    @Test func pythonWarningsOnly() {
        #expect(judge([stderr(warning)], policy(.development)).failures.isEmpty)
        let staging = judge([stderr(warning)], policy(.staging))
        #expect(staging.failures.map(\.finding.kind) == [.warning])
        #expect(staging.failures.first?.category == .validationWarningFailure)
        #expect(staging.failures.first?.finding.message == "Python warning: /tmp/ipykernel_1/2.py:2: UserWarning: careful")
        // A warning is stderr too; the more specific finding comes first.
        let both = judge([stderr(warning)], policy(.staging, [.failOnStderr: true]))
        #expect(both.failures.map(\.finding.kind) == [.warning, .stderr])
        // Not warnings: logging's WARNING, a plain word.
        #expect(judge([stderr("WARNING:root:low disk\nWarning: low disk\n")], policy(.staging)).failures.isEmpty)
        // Nor a time of day before a plain word: logging with datefmt='%H:%M:%S'.
        #expect(judge([stderr("03:55:30: Warning: disk almost full\n")], policy(.staging)).failures.isEmpty)
        #expect(judge([stderr("12:30: Warning: text\n")], policy(.staging)).failures.isEmpty)
        // The plain category is a warning.
        #expect(judge([stderr("/tmp/ipykernel_1/2.py:1: Warning: plain\n")], policy(.staging)).failures.map(\.finding.kind) == [.warning])
    }

    @Test func ansiOnlyStderrIsBlank() {
        #expect(judge([stderr("\u{1B}[A\u{1B}[2K\r")], policy(.production)).failures.isEmpty)
    }

    @Test func silentFailures() {
        let dev = judge([stderr(printed)], policy(.development))
        #expect(dev.failures.isEmpty)
        #expect(dev.warnings == [.init(kind: .silentFailure, message: "printed a traceback without raising: ZeroDivisionError: division by zero")])
        #expect(judge([stdout(printed)], policy(.learning)).warnings.isEmpty)
        #expect(judge([stdout(printed)], policy(.production)).failures.map(\.finding.kind) == [.silentFailure])
        // A cell that raised is not silent.
        #expect(judge([stdout(printed), errorOutput("ValueError", "x")], policy(.production)).failures.isEmpty)
        // A value that shows a traceback is data, not something the cell printed.
        let shown = NotebookDocument.Output(outputType: "execute_result", text: printed, mimeTypes: ["text/plain"])
        #expect(judge([shown], policy(.production)).failures.isEmpty)
        #expect(judge([.init(outputType: "display_data", text: printed, mimeTypes: ["text/plain"])], policy(.development)).warnings.isEmpty)
        // ipykernel split the print_exc() after the header: the exception line is in a later output.
        let split = [
            stdout("Traceback (most recent call last):\n"), stderr("noise\n"),
            stdout("  File \"<x>\", line 1, in <module>\n    1/0\n"), stdout("ZeroDivisionError: division by zero\n"),
        ]
        #expect(judge(split, policy(.development)).warnings.map(\.message) == ["printed a traceback without raising: ZeroDivisionError: division by zero"])
        #expect(
            judge([stdout("Traceback (most recent call last):\n")], policy(.development)).warnings.map(\.message)
                == ["printed a traceback without raising: Traceback (most recent call last)"])
        // Quoted in a log line, it was not printed either.
        #expect(judge([stderr("job 3 failed: Traceback (most recent call last): see its log\n")], policy(.development)).warnings.isEmpty)
    }

    @Test func raisesExceptionTagAllowsUnlessStrict() {
        let out = [errorOutput("ValueError", "expected")]
        let allowed = judge(out, tags: ["raises-exception"], policy(.staging))
        #expect(allowed.failures.isEmpty)
        #expect(allowed.warnings.map(\.kind) == [.allowedError])
        let strict = judge(out, tags: ["raises-exception"], policy(.development, [.strictMode: true]))
        #expect(strict.failures.map(\.category) == [.validationStrictModeFailure])
        #expect(strict.failures.first?.finding.message.contains("ValueError: expected") == true)
    }

    @Test func quotesAreRedactedThenClipped() {
        let secret = "s3cr3t-value-\(String(repeating: "z", count: 20))"
        let line = String(repeating: "x", count: 290) + secret
        let verdict = CellJudge.judge(
            cell(count: 1, outputs: [stderr(line + "\n")]), policy: policy(.production),
            redactor: Redactor(values: [secret]))
        let message = try! #require(verdict.failures.first?.finding.message)
        #expect(!message.contains("s3cr3t"))
        #expect(message.utf8.count <= "wrote to stderr: ".utf8.count + CellJudge.quoteBytes)
    }
}
