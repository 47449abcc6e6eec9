extension ValidationPolicy.Name {
    /// What the policy reads from the executed notebook's text outputs when it is on. The
    /// switch has no default: a new policy must say, or the notebook is read without what it
    /// needs and it never fires.
    package var scanNeeds: OutputScan.Needs {
        switch self {
        // Strict mode fails on stderr and warnings (``ValidationPolicy/stderrFails``); its
        // silent-failure check needs `detect_silent_failures` on too.
        case .failOnStderr, .failOnWarnings, .strictMode: .init(stderr: true, tracebacks: false)
        case .detectSilentFailures: .init(stderr: false, tracebacks: true)
        // Reads the source cells before the kernel starts, not outputs.
        case .failOnHardcodedCredentials: .nothing
        }
    }
}
