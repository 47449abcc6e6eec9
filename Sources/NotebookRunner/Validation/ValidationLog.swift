/// What the log says about a ``ValidationReport`` past its policy line: one line per offending
/// cell and one `warning:` per warning, the first ``maxLogged`` of each, then one line with how
/// many more there are (a notebook of thousands of cells writing to stderr must not flood it).
package enum ValidationLog {
    package static let maxLogged = 20

    package struct Line: Sendable, Equatable {
        /// Logged with ``RunnerLog/warning(_:)``, else ``RunnerLog/info(_:)``.
        package var isWarning: Bool
        package var text: String
    }

    /// The policy line: the level, each policy and where it came from, and the status.
    package static func summary(_ report: ValidationReport) -> Line {
        let p = report.policy
        return Line(
            isWarning: false,
            text: "validation: level \(p.level.rawValue) (\(p.levelSource)); fail-on-stderr \(p.failOnStderr.enabled ? "on" : "off"), "
                + "fail-on-warnings \(p.failOnWarnings.enabled ? "on" : "off"), strict \(p.strictMode.enabled ? "on" : "off"), "
                + "detect-silent-failures \(p.detectSilentFailures.enabled ? "on" : "off"): \(report.status.rawValue)")
    }

    /// The policy line, then ``lines(_:)``.
    package static func write(_ report: ValidationReport, to log: RunnerLog) {
        for line in [summary(report)] + lines(report) {
            if line.isWarning { log.warning(line.text) } else { log.info(line.text) }
        }
    }

    package static func lines(_ report: ValidationReport) -> [Line] {
        var lines: [Line] = []
        for cell in report.offendingCells.prefix(maxLogged) {
            lines.append(
                Line(
                    isWarning: false,
                    text: "validation: cell \(cell.cellIndex) fails (\(cell.category.rawValue)): "
                        + cell.reasons.map(\.message).joined(separator: "; ")))
        }
        let cells = report.offendingCellCount
        if cells > maxLogged {
            lines.append(
                Line(
                    isWarning: false,
                    text:
                        "validation: \(cells - maxLogged) more cell\(cells - maxLogged == 1 ? "" : "s") fail\(cells - maxLogged == 1 ? "s" : "") (\(cells) in all"
                        + listed(report.offendingCells.count, of: cells, "offending_cells") + ")"))
        }
        for warning in report.warnings.prefix(maxLogged) {
            lines.append(Line(isWarning: true, text: "cell \(warning.cellIndex) \(warning.message)"))
        }
        let warnings = report.warnings.count + (report.warningsOmitted ?? 0)
        if warnings > maxLogged {
            lines.append(
                Line(
                    isWarning: true,
                    text: "\(warnings - maxLogged) more validation warning\(warnings - maxLogged == 1 ? "" : "s") (\(warnings) in all"
                        + listed(report.warnings.count, of: warnings, "warnings") + ")"))
        }
        return lines
    }

    static func listed(_ listed: Int, of all: Int, _ field: String) -> String {
        listed < all ? "; the result's validation.\(field) lists the first \(listed)" : "; all in the result's validation.\(field)"
    }
}
