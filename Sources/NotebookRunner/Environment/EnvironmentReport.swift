/// What nbrunner decided about the child's environment, logged once and recorded in the result
/// JSON (`environment`). No redirection is silent.
public struct EnvironmentReport: Sendable, Equatable, Codable {
    public var uid: UInt32
    public var gid: UInt32
    public var groups: [UInt32]
    /// The passwd name, when the uid has an entry.
    public var user: String?
    public var passwdEntry: Bool
    public var passwdHome: String?
    /// Where redirected locations live; nil when no candidate was writable.
    public var scratch: String?
    public var locations: [Location]
    public var notes: [String]

    public enum Decision: String, Sendable, Codable {
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

    public struct Location: Sendable, Equatable, Codable {
        public var name: String
        public var decision: Decision
        /// The location the child uses.
        public var path: String?
        /// For `redirected`: where it pointed before.
        public var from: String?
        public var reason: String?
    }

    public func location(_ name: String) -> Location? { locations.first { $0.name == name } }

    /// Without a writable HOME, papermill stops at "Could not determine home directory" or
    /// fails to write; stop before any kernel starts instead.
    public func requireHome() throws(RunFailure) {
        if let home = location("HOME"), home.decision == .unavailable {
            throw RunFailure(.environmentSetupFailed, "no writable HOME: \(home.reason ?? "")")
        }
    }
}
