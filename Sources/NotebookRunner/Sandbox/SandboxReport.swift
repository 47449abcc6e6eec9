/// What the result records about the sandbox.
package struct SandboxReport: Codable, Sendable, Equatable {
    package var mode: SandboxMode
    /// Whether the seccomp filter is loaded for nbrunner and everything it starts.
    package var active: Bool
    /// The system calls that fail with EPERM (plus `clone` with namespace flags, and `clone3`
    /// with ENOSYS), when active.
    package var deniedSyscalls: [String]?
    /// Why the filter is not active.
    package var reason: String?

    package init(mode: SandboxMode, active: Bool, deniedSyscalls: [String]? = nil, reason: String? = nil) {
        self.mode = mode
        self.active = active
        self.deniedSyscalls = deniedSyscalls
        self.reason = reason
    }
}
