/// Judges one executed code cell against the validation policy, from the cell's own outputs in
/// the executed notebook (never from the merged log, where kernel noise and papermill's own
/// lines mix in): what it wrote to stderr, the Python warnings there, tracebacks it printed
/// without raising, and errors a `raises-exception` tag allowed.
package enum CellJudge {
    package struct Verdict: Sendable, Equatable {
        /// Findings that fail the cell, each with the category it fails with, in ``ValidationReport/Kind`` order.
        package var failures: [(finding: ValidationReport.Finding, category: ErrorCategory)]
        /// Findings reported without failing.
        package var warnings: [ValidationReport.Finding]

        package static func == (a: Verdict, b: Verdict) -> Bool {
            a.warnings == b.warnings && a.failures.map(\.finding) == b.failures.map(\.finding)
                && a.failures.map(\.category) == b.failures.map(\.category)
        }
    }

    /// Quoted output is redacted with `redactor`, then clipped to ``quoteBytes``.
    package static func judge(_ cell: NotebookDocument.Cell, policy: ValidationPolicy, redactor: Redactor = .none) -> Verdict {
        func quote(_ text: String) -> String { TextClip.clip(redactor.redact(text), maxBytes: quoteBytes) }
        var failures: [(ValidationReport.Finding, ErrorCategory)] = []
        var warnings: [ValidationReport.Finding] = []
        let raised = cell.outputs.first(where: \.isFailure)

        if let error = raised, cell.tags.contains(NotebookDocument.raisesExceptionTag) {
            let what = quote(describe(error))
            if policy.strict {
                failures.append(
                    (
                        .init(kind: .allowedError, message: "raised \(what); a raises-exception tag does not allow it in strict mode"),
                        .validationStrictModeFailure
                    ))
            } else {
                warnings.append(.init(kind: .allowedError, message: "raised \(what), which its raises-exception tag allows"))
            }
        }
        // Printed: in a stream (stdout or stderr). A result or display that shows the header
        // is a value (a log viewer, a string), not something the cell printed.
        if raised == nil, policy.detectSilentFailures.enabled, let printed = printedTraceback(cell) {
            let finding = ValidationReport.Finding(kind: .silentFailure, message: "printed a traceback without raising: \(quote(printed))")
            if policy.strict { failures.append((finding, .validationStrictModeFailure)) } else { warnings.append(finding) }
        }
        let stderr = cell.outputs.filter { $0.outputType == .stream && $0.name == "stderr" }
        if policy.warningsFail, let line = stderr.lazy.compactMap({ $0.scan?.warning }).first {
            failures.append(
                (
                    .init(kind: .warning, message: "Python warning: \(quote(line))"),
                    policy.failOnWarnings.enabled ? .validationWarningFailure : .validationStrictModeFailure
                ))
        }
        if policy.stderrFails, let line = stderr.lazy.compactMap({ $0.scan?.firstLine }).first {
            failures.append(
                (
                    .init(kind: .stderr, message: "wrote to stderr: \(quote(line))"),
                    policy.failOnStderr.enabled ? .validationStderrFailure : .validationStrictModeFailure
                ))
        }
        return Verdict(failures: failures, warnings: warnings)
    }

    /// The exception line of the first traceback a stream output holds. When that output ends
    /// after the header (ipykernel flushed part of a `print_exc()`), the exception line is the
    /// first unindented line of a later output of the same stream.
    static func printedTraceback(_ cell: NotebookDocument.Cell) -> String? {
        let streams = cell.outputs.filter { $0.outputType == .stream }
        guard let i = streams.firstIndex(where: { $0.scan?.traceback != nil }), let found = streams[i].scan?.traceback else { return nil }
        guard found == OutputScan.headerText else { return found }
        return streams[(i + 1)...].lazy.filter { $0.name == streams[i].name }.compactMap { $0.scan?.unindentedLine }.first ?? found
    }

    /// The most of a cell's output a finding quotes.
    package static let quoteBytes = 300

    static func describe(_ error: NotebookDocument.Output) -> String {
        let ename = error.ename ?? "an error"
        let evalue = TextClip.firstLine(ANSIText.strip(error.evalue ?? ""), maxBytes: OutputScan.maxLineBytes)
        return evalue.isEmpty ? ename : "\(ename): \(evalue)"
    }
}
