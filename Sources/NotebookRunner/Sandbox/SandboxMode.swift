/// `--sandbox off|on|require` (`NBRUNNER_SANDBOX`, default `on`).
public enum SandboxMode: String, Sendable, Codable, CaseIterable {
    /// No filter.
    case off
    /// Load the filter; when the kernel cannot, warn and run without it.
    case on
    /// Load the filter or fail the run (exit 3, `environment_setup_failed`).
    case require

    public static let `default` = SandboxMode.on

    /// `--sandbox`, else `NBRUNNER_SANDBOX` (empty counts as unset), else the default; a bad
    /// value names where it came from.
    public static func resolve(flag: String?, environment: [String: String]) throws(RunFailure) -> SandboxMode {
        let fromEnvironment = environment[EnvironmentName.sandbox].flatMap { $0.isEmpty ? nil : $0 }
        guard let raw = flag ?? fromEnvironment else { return .default }
        guard let mode = SandboxMode(rawValue: raw) else {
            let choices = allCases.map(\.rawValue).joined(separator: ", ")
            throw RunFailure(.configurationError, "\(flag != nil ? "--sandbox" : EnvironmentName.sandbox): expected one of \(choices), got '\(raw)'")
        }
        return mode
    }
}
