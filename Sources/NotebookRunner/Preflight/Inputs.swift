/// What the input check (``Preflight/checkInputs(_:mode:dryRun:)``) established: the notebook
/// and what papermill will be given. Produced by preflight, consumed by the credential check,
/// the launcher (``CellProgress``), the outcome and the golden comparison.
package struct Inputs: Sendable {
    package var source: NotebookDocument
    package var kernelName: String
    /// The `--golden` notebook, read with whole outputs.
    package var golden: NotebookDocument?
    /// papermill gets at least one parameter, so it injects a parameters cell.
    package var injectsParameters: Bool
}
