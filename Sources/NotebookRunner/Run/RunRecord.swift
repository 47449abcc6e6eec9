/// What a run's stages produced, kept for the result: ``NotebookRun`` assigns each stage's
/// value whole as it is produced, so a failing stage still leaves what the earlier ones found
/// (the notebook's cells, the Python and papermill versions…). No stage reads or writes it;
/// ``ResultAssembler`` reads it.
package struct RunRecord: Sendable {
    /// The input check, failed or not: the notebook and its kernel name.
    package var inputs: InputCheck?
    package var secrets: SecretsReport?
    /// The environment stage's report (with what an `--allow-install` added).
    package var environment: EnvironmentReport?
    package var sandbox: SandboxReport?
    /// The runtime check, failed or not: the interpreter and papermill.
    package var runtime: RuntimeCheck?
    package var observation: PapermillObservation?
    package var validation: ValidationReport?
    package var comparison: ComparisonReport?

    package init() {}
}
