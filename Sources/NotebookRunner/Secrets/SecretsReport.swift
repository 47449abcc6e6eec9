/// The secrets files nbrunner looked at and the key NAMES it loaded (never values), as recorded
/// in the result JSON (`secrets`).
package struct SecretsReport: Sendable, Equatable, Codable {
    package struct File: Sendable, Equatable, Codable {
        package enum Status: String, Sendable, Codable { case loaded, skipped }
        package var path: String
        package var status: Status
        package var keys: [String]
        package var reason: String?
    }

    package var files: [File] = []
    /// Every key loaded into the notebook's environment, sorted.
    package var keys: [String] = []
    /// Values of these (inherited or loaded) variables are redacted from everything written.
    package var redactedVariables: [String] = []
    /// The `--secret-file` files whose contents are masked (not loaded as variables), in order.
    package var maskedFiles: [String] = []

    package init() {}
}
