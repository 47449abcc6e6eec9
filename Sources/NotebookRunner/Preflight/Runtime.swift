/// What the runtime check (``Preflight/checkRuntime(_:kernel:environment:report:workingDirectory:log:mode:install:)``)
/// established: the interpreter, papermill, and the environment papermill gets (changed by an
/// `--allow-install`, which may redirect PYTHONUSERBASE). Consumed by the launcher.
package struct Runtime: Sendable {
    package var python: String
    package var facts: PythonFacts
    package var papermill: PapermillInstall
    /// The child's environment after the check (an install may have set PYTHONUSERBASE).
    package var environment: [String: String]
    /// `--allow-install` installed papermill during this run.
    package var installedAtRuntime: Bool
}
