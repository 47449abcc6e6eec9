/// The effective validation policy of a run: the level and each policy's final value, with where
/// that value came from (`--strict`, `VALIDATION_STRICT_MODE`, `level production`, …).
package struct ValidationPolicy: Sendable, Equatable, Codable {
    package enum Name: String, Sendable, CaseIterable, Codable {
        case failOnStderr = "fail_on_stderr"
        case failOnWarnings = "fail_on_warnings"
        case strictMode = "strict_mode"
        case detectSilentFailures = "detect_silent_failures"
        case failOnHardcodedCredentials = "fail_on_hardcoded_credentials"
    }

    /// One policy's value and its origin.
    package struct Setting: Sendable, Equatable, Codable {
        package var enabled: Bool
        package var source: String
        package init(enabled: Bool, source: String) {
            self.enabled = enabled
            self.source = source
        }
    }

    package var level: ValidationLevel
    /// `--validation-level`, `NBRUNNER_VALIDATION_LEVEL`, `VALIDATION_LEVEL` or `default`.
    package var levelSource: String
    package var failOnStderr: Setting
    package var failOnWarnings: Setting
    package var strictMode: Setting
    package var detectSilentFailures: Setting
    /// A credential written into a code cell (``CredentialScan``) fails the run before the
    /// kernel starts, instead of a warning.
    package var failOnHardcodedCredentials: Setting

    package init(
        level: ValidationLevel, levelSource: String, failOnStderr: Setting, failOnWarnings: Setting,
        strictMode: Setting, detectSilentFailures: Setting, failOnHardcodedCredentials: Setting? = nil
    ) {
        self.level = level
        self.levelSource = levelSource
        self.failOnStderr = failOnStderr
        self.failOnWarnings = failOnWarnings
        self.strictMode = strictMode
        self.detectSilentFailures = detectSilentFailures
        self.failOnHardcodedCredentials =
            failOnHardcodedCredentials
            ?? Setting(enabled: level.enables(.failOnHardcodedCredentials), source: "level \(level.rawValue)")
    }

    /// A result written before `fail_on_hardcoded_credentials` existed has the level's preset.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let level = try c.decode(ValidationLevel.self, forKey: .level)
        self.init(
            level: level, levelSource: try c.decode(String.self, forKey: .levelSource),
            failOnStderr: try c.decode(Setting.self, forKey: .failOnStderr),
            failOnWarnings: try c.decode(Setting.self, forKey: .failOnWarnings),
            strictMode: try c.decode(Setting.self, forKey: .strictMode),
            detectSilentFailures: try c.decode(Setting.self, forKey: .detectSilentFailures),
            failOnHardcodedCredentials: try c.decodeIfPresent(Setting.self, forKey: .failOnHardcodedCredentials))
    }

    /// The preset of `level` as it is, every setting attributed to the level.
    package init(level: ValidationLevel, levelSource: String = "default") {
        func preset(_ name: Name) -> Setting { Setting(enabled: level.enables(name), source: "level \(level.rawValue)") }
        self.init(
            level: level, levelSource: levelSource, failOnStderr: preset(.failOnStderr),
            failOnWarnings: preset(.failOnWarnings), strictMode: preset(.strictMode),
            detectSilentFailures: preset(.detectSilentFailures),
            failOnHardcodedCredentials: preset(.failOnHardcodedCredentials))
    }

    /// The default policy: level development.
    package static let standard = ValidationPolicy(level: .default)

    package subscript(name: Name) -> Setting {
        get {
            switch name {
            case .failOnStderr: failOnStderr
            case .failOnWarnings: failOnWarnings
            case .strictMode: strictMode
            case .detectSilentFailures: detectSilentFailures
            case .failOnHardcodedCredentials: failOnHardcodedCredentials
            }
        }
        set {
            switch name {
            case .failOnStderr: failOnStderr = newValue
            case .failOnWarnings: failOnWarnings = newValue
            case .strictMode: strictMode = newValue
            case .detectSilentFailures: detectSilentFailures = newValue
            case .failOnHardcodedCredentials: failOnHardcodedCredentials = newValue
            }
        }
    }

    package var strict: Bool { strictMode.enabled }
    /// stderr output fails the run: `fail_on_stderr`, or strict mode.
    package var stderrFails: Bool { failOnStderr.enabled || strictMode.enabled }
    /// A Python warning fails the run: `fail_on_warnings`, or strict mode.
    package var warningsFail: Bool { failOnWarnings.enabled || strictMode.enabled }
    /// A hard-coded credential fails the run: `fail_on_hardcoded_credentials`, or strict mode.
    package var credentialsFail: Bool { failOnHardcodedCredentials.enabled || strictMode.enabled }
}
