/// The operator's validation levels (ADR-041, `spec.validationConfig.level`), each a preset of
/// policies. Every level includes the ones before it.
package enum ValidationLevel: String, Sendable, Codable, CaseIterable {
    /// No policy at all.
    case learning
    /// Silent failures are detected (reported as warnings). The default, as upstream.
    case development
    /// … and a Python warning in a cell fails the run.
    case staging
    /// … and strict mode: stderr, warnings, silent failures and errors a `raises-exception`
    /// tag allows all fail the run.
    case production

    package static let `default` = ValidationLevel.development

    /// Whether the preset turns `policy` on.
    package func enables(_ policy: ValidationPolicy.Name) -> Bool {
        switch policy {
        case .failOnStderr: false  // production covers stderr through strict mode
        case .failOnWarnings: self == .staging || self == .production
        case .strictMode: self == .production
        case .detectSilentFailures: self != .learning
        case .failOnHardcodedCredentials: self == .production
        }
    }

    /// `learning|development|staging|production`, case-insensitive; nil for anything else.
    package init?(text: String) {
        self.init(rawValue: text.lowercased())
    }
}
