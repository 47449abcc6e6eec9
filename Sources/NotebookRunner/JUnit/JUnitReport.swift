import FoundationEssentials

/// The JUnit XML report (`--junit`), made from the published (already redacted) result, in the
/// form GitLab and Jenkins read: one `<testsuite>` for the notebook, one `<testcase>` per code
/// cell, named `cell N: first source line`, with papermill's `time` for the cell.
///
/// - A cell that raised: `<failure type="ValueError" message="ValueError: …">` with the
///   ANSI-stripped traceback.
/// - A cell that fails a validation policy: `<failure type="validation_…">` with its reasons.
/// - A cell that differs from the golden notebook: `<failure type="golden_mismatch">` with the diff.
/// - A cell cut short (timeout, dead kernel, cancellation): `<failure>` with the run's category
///   as its type and the cell's note (`this cell timed out`) as its message, not the
///   `KeyboardInterrupt` papermill's interrupt leaves in the cell.
/// - A cell that never ran: `<skipped message="why">`.
/// - Validation warnings (silent failures, allowed errors) go to the case's `<system-out>`.
/// Extra cases: `injected parameters` when papermill's injected cell raised, `golden comparison`
/// when `--golden` is set, and `notebook run` with an `<error>` when the run failed without any
/// failing case (a preflight failure, an unreadable notebook…), so a failed run never looks green.
package enum JUnitReport {
    struct Case {
        var name: String
        var time: Double?
        var failure: (type: String, message: String, body: String)?
        var error: (type: String, message: String)?
        var skipped: String?
        var systemOut: String?
    }

    static let maxNameBytes = 120
    /// About 31,700 years.
    static let maxSeconds = 1e12
    /// The categories of a run cut short while a cell ran; that cell fails with the category.
    static let cutShort: Set<ErrorCategory> = [.timeout, .kernelDied, .cancelled, .internalError]
    /// How the note of a cell whose error its raises-exception tag allowed ends.
    static let allowedErrorNote = "which its \(NotebookDocument.raisesExceptionTag) tag allows"
    static let maxMessageBytes = 1000

    package static func render(_ result: RunResult) -> String {
        let suite = result.notebookPath.isEmpty ? "notebook" : FileSystem.basename(result.notebookPath)
        let classname = result.notebookPath.isEmpty ? "notebook" : FileSystem.stem(result.notebookPath)
        let cases = testCases(result)
        let failures = cases.filter { $0.failure != nil }.count
        let errors = cases.filter { $0.error != nil }.count
        let skipped = cases.filter { $0.skipped != nil }.count
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(seconds(result.durationSeconds))\""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"nbrunner\" \(counts)>\n"
        xml += "  <testsuite name=\"\(XMLText.attribute(suite))\" \(counts) timestamp=\"\(XMLText.attribute(result.startedAt))\">\n"
        xml += "    <properties>\n"
        var properties = [
            ("status", result.status.rawValue), ("error_category", result.errorCategory.rawValue),
            ("exit_code", "\(result.exitCode)"), ("notebook_path", result.notebookPath),
        ]
        if let validation = result.validation {
            properties.append(("validation_level", validation.policy.level.rawValue))
            properties.append(("validation_status", validation.status.rawValue))
        }
        if let comparison = result.comparison { properties.append(("golden_comparison", comparison.result.rawValue)) }
        for (name, value) in properties {
            xml += "      <property name=\"\(XMLText.attribute(name))\" value=\"\(XMLText.attribute(value))\"/>\n"
        }
        xml += "    </properties>\n"
        for c in cases {
            var open = "    <testcase name=\"\(XMLText.attribute(c.name))\" classname=\"\(XMLText.attribute(classname))\""
            if let time = c.time { open += " time=\"\(seconds(time))\"" }
            var children = ""
            if let f = c.failure {
                children +=
                    "      <failure type=\"\(XMLText.attribute(f.type))\" message=\"\(XMLText.attribute(TextClip.clip(f.message, maxBytes: maxMessageBytes)))\">"
                    + XMLText.content(f.body) + "</failure>\n"
            }
            if let e = c.error {
                children +=
                    "      <error type=\"\(XMLText.attribute(e.type))\" message=\"\(XMLText.attribute(TextClip.clip(e.message, maxBytes: maxMessageBytes)))\"/>\n"
            }
            if let s = c.skipped {
                children += "      <skipped message=\"\(XMLText.attribute(s))\"/>\n"
            }
            if let out = c.systemOut {
                children += "      <system-out>" + XMLText.content(out) + "</system-out>\n"
            }
            xml += children.isEmpty ? open + "/>\n" : open + ">\n" + children + "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    static func testCases(_ result: RunResult) -> [Case] {
        var cases: [Case] = []
        let listed = result.validation?.offendingCells ?? []
        let offending = Dictionary(listed.map { ($0.cellIndex, $0) }, uniquingKeysWith: { a, _ in a })
        // Past the result's list, the category only: the text comes from the (redacted) cell.
        let unlisted = Dictionary(
            (result.validation?.unlistedOffendingCells ?? []).map { ($0.cellIndex, $0.category) },
            uniquingKeysWith: { a, _ in a })
        let warnings = Dictionary(grouping: result.validation?.warnings ?? [], by: \.cellIndex)
        let diffs = Dictionary(grouping: result.comparison?.diffs ?? [], by: \.cellIndex)
        // Past the result's list, the kind only (the texts were never redacted for publishing).
        let unlistedDiffs = Dictionary(grouping: result.comparison?.unlistedDiffs ?? [], by: \.cellIndex)
        if result.failedCell?.injectedParameters == true, let failed = result.failedCell {
            let what = [failed.ename, failed.evalue].compactMap { $0 }.joined(separator: ": ")
            cases.append(
                Case(
                    name: "injected parameters",
                    failure: (failed.ename ?? result.errorCategory.rawValue, what.isEmpty ? result.error : what, "")))
        }
        for cell in result.cells where cell.cellType == .code {
            var c = Case(name: name(cell), time: cell.durationSeconds)
            var problems: [(type: String, message: String, body: String)] = []
            let flagged = offending[cell.cellIndex]
            // An error its raises-exception tag allowed did not fail the cell, whatever did (a
            // cell validation judged had succeeded, so an error in it was an allowed one).
            let allowedError =
                flagged != nil || unlisted[cell.cellIndex] != nil
                || warnings[cell.cellIndex]?.contains { $0.kind == .allowedError } == true
                || cell.note?.hasSuffix(allowedErrorNote) == true
            if cell.status == .failed, result.failedCell?.cellIndex == cell.cellIndex,
                cutShort.contains(result.errorCategory), let note = cell.note
            {
                // The cell the run was cut short in: papermill's interrupt leaves a
                // KeyboardInterrupt in it, but the run's category is what happened.
                problems.append((result.errorCategory.rawValue, note, ([note] + (cell.traceback ?? [])).joined(separator: "\n")))
            } else if cell.status == .failed, let ename = cell.ename, !allowedError {
                let what = cell.evalue.map { $0.isEmpty ? ename : "\(ename): \($0)" } ?? ename
                problems.append((ename, what, (cell.traceback ?? []).joined(separator: "\n")))
            }
            if let flagged {
                var body = flagged.reasons.map(\.message).joined(separator: "\n")
                if flagged.reasons.first?.kind == .allowedError, let traceback = cell.traceback {
                    body += "\n\n" + traceback.joined(separator: "\n")
                }
                problems.append((flagged.category.rawValue, flagged.reasons.first?.message ?? "failed validation", body))
            } else if let category = unlisted[cell.cellIndex], cell.status == .failed {
                let message = cell.error ?? "failed validation"
                problems.append((category.rawValue, message, [message, cell.note].compactMap { $0 }.joined(separator: "\n")))
            }
            // A cell that never ran is skipped, whatever the golden notebook has there.
            if cell.status != .skipped {
                for diff in diffs[cell.cellIndex] ?? [] {
                    problems.append((ErrorCategory.goldenMismatch.rawValue, "differs from the golden notebook (\(diff.diffType.rawValue))", diff.diff))
                }
                for diff in unlistedDiffs[cell.cellIndex] ?? [] {
                    problems.append(
                        (
                            ErrorCategory.goldenMismatch.rawValue, "differs from the golden notebook (\(diff.diffType.rawValue))",
                            "not listed in the result, which lists the first \(ComparisonReport.maxDiffs) differences"
                        ))
                }
            }
            if problems.isEmpty, cell.status == .failed {
                let ename = cell.ename
                problems.append(
                    (
                        ename ?? result.errorCategory.rawValue, cell.error ?? cell.note ?? "failed",
                        ([cell.note].compactMap { $0 } + (cell.traceback ?? [])).joined(separator: "\n")
                    ))
            }
            if let first = problems.first {
                let body =
                    problems.count == 1
                    ? first.body
                    : problems.map { "\($0.type): \($0.message)" + ($0.body.isEmpty ? "" : "\n" + $0.body) }.joined(separator: "\n\n")
                c.failure = (first.type, first.message, body)
            } else if cell.status == .skipped {
                c.skipped = cell.note ?? "not run"
            }
            if let notes = warnings[cell.cellIndex] {
                c.systemOut = notes.map { "warning: \($0.message)" }.joined(separator: "\n")
            }
            cases.append(c)
        }
        if let comparison = result.comparison {
            var c = Case(name: "golden comparison")
            let summary =
                "\(comparison.mismatchedCells) of \(comparison.totalCells) cells differ from \(comparison.goldenPath) (\(comparison.strategy.rawValue))"
            switch comparison.result {
            case .matched: break
            case .skipped: c.skipped = comparison.reason ?? "skipped"
            case .failed:
                let body =
                    comparison.diffs.map { "cell \($0.cellIndex) (\($0.cellType)): \($0.diffType.rawValue)" + ($0.diff.isEmpty ? "" : "\n" + $0.diff) }
                    .joined(separator: "\n\n") + (comparison.diffsOmitted.map { "\n\n… \($0) more differences not listed" } ?? "")
                c.failure = (ErrorCategory.goldenMismatch.rawValue, summary, body)
            }
            cases.append(c)
        }
        if result.status != .succeeded, !cases.contains(where: { $0.failure != nil }) {
            cases.append(Case(name: "notebook run", error: (result.errorCategory.rawValue, result.error)))
        }
        return cases
    }

    /// `cell N: first source line`, clipped.
    static func name(_ cell: CellResult) -> String {
        let line = cell.sourceLine.map { TextClip.clip($0, maxBytes: maxNameBytes) } ?? ""
        return line.isEmpty ? "cell \(cell.cellIndex)" : "cell \(cell.cellIndex): \(line)"
    }

    /// Seconds with millisecond precision, as JUnit readers expect (`0.123`). A negative or
    /// non-finite value (a notebook's metadata is anyone's) is 0; a huge one is capped at
    /// ``maxSeconds``, which still converts to `Int` exactly.
    static func seconds(_ value: Double) -> String {
        let clamped = value.isFinite ? min(max(0, value), maxSeconds) : 0
        let ms = Int((clamped * 1000).rounded())
        let fraction = String(ms % 1000)
        return "\(ms / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
