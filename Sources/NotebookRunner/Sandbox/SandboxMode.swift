/// `--sandbox off|on|require` (`NBRUNNER_SANDBOX`, default `on`).
package enum SandboxMode: String, Sendable, Codable, CaseIterable {
    /// No filter.
    case off
    /// Load the filter; when the kernel cannot, warn and run without it.
    case on
    /// Load the filter or fail the run (exit 3, `environment_setup_failed`).
    case require

    package static let `default` = SandboxMode.on
}
