/// What a run's stages produced, kept for the result: ``NotebookRun`` assigns each stage's
/// value whole as it is produced, so a failing stage still leaves what the earlier ones found
/// (the notebook's cells, the Python and papermill versions…). No stage reads or writes it;
/// ``ResultAssembler`` reads it.
public struct RunRecord: Sendable {
    /// The input check, failed or not: the notebook and its kernel name.
    public var inputs: InputCheck?
    public var secrets: SecretsReport?
    /// The environment stage's report (with what an `--allow-install` added).
    public var environment: EnvironmentReport?
    public var sandbox: SandboxReport?
    /// The runtime check, failed or not: the interpreter and papermill.
    public var runtime: RuntimeCheck?
    public var observation: PapermillObservation?
    public var validation: ValidationReport?
    public var comparison: ComparisonReport?

    public init() {}
}
