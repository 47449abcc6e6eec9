/// What the result records about the sandbox.
public struct SandboxReport: Codable, Sendable, Equatable {
    public var mode: SandboxMode
    /// Whether the seccomp filter is loaded for nbrunner and everything it starts.
    public var active: Bool
    /// The system calls that fail with EPERM (plus `clone` with namespace flags, and `clone3`
    /// with ENOSYS), when active.
    public var deniedSyscalls: [String]?
    /// Why the filter is not active.
    public var reason: String?

    public init(mode: SandboxMode, active: Bool, deniedSyscalls: [String]? = nil, reason: String? = nil) {
        self.mode = mode
        self.active = active
        self.deniedSyscalls = deniedSyscalls
        self.reason = reason
    }
}
