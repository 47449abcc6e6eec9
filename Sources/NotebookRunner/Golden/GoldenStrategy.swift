/// How strictly the executed notebook must match the golden one (the operator's
/// `spec.comparisonConfig.strategy`).
package enum GoldenStrategy: String, Sendable, Codable, CaseIterable {
    /// Texts as they are (execution counts and image data included).
    case exact
    /// Execution counts, timestamps, memory addresses and trailing whitespace ignored; numbers
    /// equal within the float tolerance; images compared by type. The default.
    case normalized
}
