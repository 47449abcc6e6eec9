/// What the runtime check found, whether or not it failed: a failing check still leaves the
/// Python and papermill versions for the result, and `nbrunner doctor` shows all of it.
public struct RuntimeCheck: Sendable {
    public var python: String?
    public var facts: PythonFacts?
    public var papermill: PapermillInstall?
    /// `--allow-install` installed papermill (a run), or would install it (doctor, which
    /// installs nothing).
    public var installedAtRuntime = false
    public var wouldInstall = false
    /// The child's environment and its report, with what an install changed.
    public var environment: [String: String]
    public var environmentReport: EnvironmentReport
    public var findings: Findings

    /// The checked ``Runtime``, or the first failure.
    public func runtime() throws(RunFailure) -> Runtime {
        try findings.requireNone()
        guard let python, let facts, let papermill else {
            throw RunFailure(.internalError, "the runtime check finished without an interpreter")
        }
        return Runtime(python: python, facts: facts, papermill: papermill, environment: environment, installedAtRuntime: installedAtRuntime)
    }
}
