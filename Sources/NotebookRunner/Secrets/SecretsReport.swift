/// The secrets files nbrunner looked at and the key NAMES it loaded (never values), as recorded
/// in the result JSON (`secrets`).
public struct SecretsReport: Sendable, Equatable, Codable {
    public struct File: Sendable, Equatable, Codable {
        public enum Status: String, Sendable, Codable { case loaded, skipped }
        public var path: String
        public var status: Status
        public var keys: [String]
        public var reason: String?
    }

    public var files: [File] = []
    /// Every key loaded into the notebook's environment, sorted.
    public var keys: [String] = []
    /// Values of these (inherited or loaded) variables are redacted from everything written.
    public var redactedVariables: [String] = []

    public init() {}
}
