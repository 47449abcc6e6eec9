/// What the input check (``Preflight/checkInputs(_:mode:dryRun:)``) established: the notebook
/// and what papermill will be given. Produced by preflight, consumed by the credential check,
/// the launcher (``CellProgress``), the outcome and the golden comparison.
public struct Inputs: Sendable {
    public var source: NotebookDocument
    public var kernelName: String
    /// The `--golden` notebook, read with whole outputs.
    public var golden: NotebookDocument?
    /// papermill gets at least one parameter, so it injects a parameters cell.
    public var injectsParameters: Bool
}
