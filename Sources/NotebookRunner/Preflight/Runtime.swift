/// What the runtime check (``Preflight/checkRuntime(_:kernel:environment:report:workingDirectory:log:mode:install:)``)
/// established: the interpreter, papermill, and the environment papermill gets (changed by an
/// `--allow-install`, which may redirect PYTHONUSERBASE). Consumed by the launcher.
public struct Runtime: Sendable {
    public var python: String
    public var facts: PythonFacts
    public var papermill: PapermillInstall
    /// The child's environment after the check (an install may have set PYTHONUSERBASE).
    public var environment: [String: String]
    /// `--allow-install` installed papermill during this run.
    public var installedAtRuntime: Bool
}
