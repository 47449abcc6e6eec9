/// What the input check found, whether or not it failed: a failing check still leaves the
/// notebook and its kernel name for the result (its cells are listed as not run) and for
/// `nbrunner doctor`'s report.
public struct InputCheck: Sendable {
    public var source: NotebookDocument?
    public var kernelName: String?
    public var golden: NotebookDocument?
    public var injectsParameters = false
    public var findings: Findings

    /// The checked ``Inputs``, or the first failure.
    public func inputs() throws(RunFailure) -> Inputs {
        try findings.requireNone()
        guard let source, let kernelName else {
            throw RunFailure(.internalError, "the input check finished without a notebook")
        }
        return Inputs(source: source, kernelName: kernelName, golden: golden, injectsParameters: injectsParameters)
    }
}
