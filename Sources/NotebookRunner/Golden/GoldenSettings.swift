import FoundationEssentials

/// The validated golden-comparison options of a run (`--golden` and its companions).
package struct GoldenSettings: Sendable, Equatable {
    /// The golden notebook, absolute.
    package var path: String
    package var strategy: GoldenStrategy
    /// `--golden-ignore`: regular expressions whose matches are ignored on both sides, line by line.
    package var ignorePatterns: [String]
    /// `|a − b| ≤ floatTolerance` makes two numbers equal (normalized strategy only).
    package var floatTolerance: Double
    /// nbformat output types left out of the comparison on both sides.
    package var ignoreOutputTypes: [String]

    package static let defaultTolerance = 0.0001
    package static let outputTypes = ["stream", "execute_result", "display_data", "error"]

    package init(
        path: String, strategy: GoldenStrategy = .normalized, ignorePatterns: [String] = [],
        floatTolerance: Double = GoldenSettings.defaultTolerance, ignoreOutputTypes: [String] = []
    ) {
        self.path = path
        self.strategy = strategy
        self.ignorePatterns = ignorePatterns
        self.floatTolerance = floatTolerance
        self.ignoreOutputTypes = ignoreOutputTypes
    }

    /// Checks every companion option even without `--golden` (a bad value is an error either
    /// way), then returns the settings, or nil when no golden notebook is given.
    /// Each value is named by `flag` when it came from the command line, else by its variable.
    package static func resolve(
        path: (value: String, flag: String)?, strategy: (value: String, flag: String)?,
        ignorePatterns: [(value: String, flag: String)], floatTolerance: (value: String, flag: String)?,
        ignoreOutputTypes: [(value: String, flag: String)]
    ) throws(RunFailure) -> GoldenSettings? {
        var parsedStrategy = GoldenStrategy.normalized
        if let strategy {
            guard let s = GoldenStrategy(rawValue: strategy.value.trimmed.lowercased()) else {
                throw RunFailure(.configurationError, "\(strategy.flag): expected exact or normalized, got '\(strategy.value)'")
            }
            parsedStrategy = s
        }
        var tolerance = defaultTolerance
        if let floatTolerance {
            guard let t = Double(floatTolerance.value.trimmed), t.isFinite, t >= 0 else {
                throw RunFailure(.configurationError, "\(floatTolerance.flag): expected a number ≥ 0 such as 0.0001 or 1e-6, got '\(floatTolerance.value)'")
            }
            tolerance = t
        }
        for pattern in ignorePatterns {
            if let problem = IgnorePatterns.problem(pattern.value) {
                throw RunFailure(
                    .configurationError, "\(pattern.flag) '\(TextClip.clip(pattern.value, maxBytes: 200))': not a valid regular expression: \(problem)")
            }
        }
        for type in ignoreOutputTypes where !outputTypes.contains(type.value.trimmed) {
            throw RunFailure(.configurationError, "\(type.flag): expected one of \(outputTypes.joined(separator: ", ")), got '\(type.value)'")
        }
        guard let path else { return nil }
        return GoldenSettings(
            path: path.value, strategy: parsedStrategy, ignorePatterns: ignorePatterns.map(\.value),
            floatTolerance: tolerance, ignoreOutputTypes: ignoreOutputTypes.map { $0.value.trimmed })
    }
}
