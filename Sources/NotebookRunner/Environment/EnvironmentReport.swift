/// What nbrunner decided about the child's environment, logged once and recorded in the result
/// JSON (`environment`). No redirection is silent.
package struct EnvironmentReport: Sendable, Equatable, Codable {
    package var uid: UInt32
    package var gid: UInt32
    package var groups: [UInt32]
    /// The passwd name, when the uid has an entry.
    package var user: String?
    package var passwdEntry: Bool
    package var passwdHome: String?
    /// Where redirected locations live; nil when no candidate was writable.
    package var scratch: String?
    package var locations: [Location]
    package var notes: [String]

    package enum Decision: String, Sendable, Codable {
        /// Set by the user (or the operator) and writable: never changed.
        case kept
        /// Not set; its default location is writable: left alone.
        case `default`
        /// Was missing; nbrunner set it (HOME from /etc/passwd, USER, LOGNAME).
        case set
        /// Unwritable (or unset with an unwritable default): pointed into the scratch folder.
        case redirected
        /// Unwritable and no writable scratch folder to redirect it to.
        case unavailable
    }

    package struct Location: Sendable, Equatable, Codable {
        package var name: String
        package var decision: Decision
        /// The location the child uses.
        package var path: String?
        /// For `redirected`: where it pointed before.
        package var from: String?
        package var reason: String?
    }

    package func location(_ name: String) -> Location? { locations.first { $0.name == name } }

    /// Without a writable HOME, papermill stops at "Could not determine home directory" or
    /// fails to write; stop before any kernel starts instead.
    package func requireHome() throws(RunFailure) {
        if let home = location("HOME"), home.decision == .unavailable {
            throw RunFailure(.environmentSetupFailed, "no writable HOME: \(home.reason ?? "")")
        }
    }
}
