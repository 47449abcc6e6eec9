extension OutputScan.Needs {
    /// What `policy` looks at: stderr lines only when stderr or warnings can fail the run,
    /// printed tracebacks only when silent failures are detected.
    public init(policy: ValidationPolicy) {
        self.init(stderr: policy.stderrFails || policy.warningsFail, tracebacks: policy.detectSilentFailures.enabled)
    }
}
