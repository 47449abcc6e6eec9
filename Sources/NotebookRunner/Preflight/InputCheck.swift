/// What the input check found, whether or not it failed: a failing check still leaves the
/// notebook and its kernel name for the result (its cells are listed as not run) and for
/// `nbrunner doctor`'s report.
package struct InputCheck: Sendable {
    package var source: NotebookDocument?
    package var kernelName: String?
    package var golden: NotebookDocument?
    package var injectsParameters = false
    package var findings: Findings

    /// The checked ``Inputs``, or the first failure.
    package func inputs() throws(RunFailure) -> Inputs {
        try findings.requireNone()
        guard let source, let kernelName else {
            throw RunFailure(.internalError, "the input check finished without a notebook")
        }
        return Inputs(source: source, kernelName: kernelName, golden: golden, injectsParameters: injectsParameters)
    }
}
