/// What the run has learned so far. A failing stage still leaves what earlier stages found
/// (the Python version, the papermill version…) for the result.
public struct RunFacts: Sendable {
    public var source: NotebookDocument?
    public var python: String?
    public var pythonFacts: PythonFacts?
    public var papermill: PapermillInstall?
    /// `--allow-install` installed papermill during this run.
    public var installedAtRuntime = false
    public var kernelName: String?
    /// papermill gets at least one parameter, so it injects a parameters cell.
    public var injectsParameters = false
    public var observation: PapermillObservation?
    public var environment: EnvironmentReport?
    public var secrets: SecretsReport?
    public var sandbox: SandboxReport?
    /// The `--golden` notebook, read with whole outputs.
    public var golden: NotebookDocument?
    public var validation: ValidationReport?
    /// Credentials written into code cells (``CredentialScan``), found before the kernel starts.
    public var credentialFindings: [CredentialScan.Finding] = []
    public var comparison: ComparisonReport?

    public init() {}
}
