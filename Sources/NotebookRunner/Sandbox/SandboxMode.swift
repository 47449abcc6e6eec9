/// `--sandbox off|on|require` (`NBRUNNER_SANDBOX`, default `on`).
package enum SandboxMode: String, Sendable, Codable, CaseIterable {
    /// No filter.
    case off
    /// Load the filter; when the kernel cannot, warn and run without it.
    case on
    /// Load the filter or fail the run (exit 3, `environment_setup_failed`).
    case require

    package static let `default` = SandboxMode.on

    /// `--sandbox`, else `NBRUNNER_SANDBOX` (empty counts as unset), else the default; a bad
    /// value names where it came from.
    package static func resolve(flag: String?, environment: [String: String]) throws(RunFailure) -> SandboxMode {
        var options = RunOptions()
        options[.sandbox] = flag
        return try OptionSource(options: options, environment: environment).choice(.sandbox) ?? .default
    }
}
