/// What the log says about a golden comparison: the verdict, then the first five diffs line by
/// line (the result holds them all).
package enum GoldenLog {
    package static let maxLoggedDiffs = 5

    package static func lines(_ comparison: ComparisonReport, settings golden: GoldenSettings) -> [String] {
        switch comparison.result {
        case .matched:
            return [
                "golden: \(comparison.matchedCells) of \(comparison.totalCells) cells match \(golden.path) (\(golden.strategy.rawValue))"
                    + (comparison.ignoredCells > 0 ? ", \(comparison.ignoredCells) ignored" : "")
            ]
        case .failed:
            var lines = ["golden: \(comparison.mismatchedCells) of \(comparison.totalCells) cells differ from \(golden.path) (\(golden.strategy.rawValue))"]
            for diff in comparison.diffs.prefix(maxLoggedDiffs) {
                lines.append("golden: cell \(diff.cellIndex) \(diff.diffType.rawValue)")
                for line in diff.diff.split(separator: "\n") { lines.append("golden:   \(line)") }
            }
            return lines
        case .skipped:
            return ["golden: comparison skipped: \(comparison.reason ?? "")"]
        }
    }

    package static func write(_ comparison: ComparisonReport, settings: GoldenSettings, to log: RunnerLog) {
        for line in lines(comparison, settings: settings) { log.info(line) }
    }
}
