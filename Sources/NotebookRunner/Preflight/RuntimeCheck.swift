/// What the runtime check found, whether or not it failed: a failing check still leaves the
/// Python and papermill versions for the result, and `nbrunner doctor` shows all of it.
package struct RuntimeCheck: Sendable {
    package var python: String?
    package var facts: PythonFacts?
    package var papermill: PapermillInstall?
    /// `--allow-install` installed papermill (a run), or would install it (doctor, which
    /// installs nothing).
    package var installedAtRuntime = false
    package var wouldInstall = false
    /// The child's environment and its report, with what an install changed.
    package var environment: [String: String]
    package var environmentReport: EnvironmentReport
    package var findings: Findings

    /// The checked ``Runtime``, or the first failure.
    package func runtime() throws(RunFailure) -> Runtime {
        try findings.requireNone()
        guard let python, let facts, let papermill else {
            throw RunFailure(.internalError, "the runtime check finished without an interpreter")
        }
        return Runtime(python: python, facts: facts, papermill: papermill, environment: environment, installedAtRuntime: installedAtRuntime)
    }
}
