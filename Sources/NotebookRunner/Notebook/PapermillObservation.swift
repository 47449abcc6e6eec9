/// What nbrunner itself saw of a papermill run. papermill's notebook metadata is not trusted
/// for timeouts, dead kernels, missing kernels or interrupts (docs/exit-codes.md, "How papermill's outcomes map"), so the
/// outcome is decided from these observations plus the cells' own error outputs.
package struct PapermillObservation: Sendable, Equatable {
    package enum Ending: Sendable, Equatable {
        case exited(Int32)
        case signaled(Int32)
    }

    package var ending: Ending
    /// The last `Executing Cell N` papermill logged, as a live-list index (0-based).
    package var lastStartedLiveIndex: Int?
    /// That cell's index in the source notebook, as the live log predicted it (nil for the
    /// injected-parameters cell): known even when papermill never saved the notebook.
    package var lastStartedSourceIndex: Int?
    /// The last lines papermill wrote to stderr (bounded), where its own exception ends up.
    package var errorTail: [String]
    /// nbrunner stopped papermill (a stop signal, `--timeout`).
    package var stop: StopReason?
    /// The cgroup's `oom_kill` count rose during the run.
    package var oomKilled: Bool

    package init(
        ending: Ending, lastStartedLiveIndex: Int? = nil, lastStartedSourceIndex: Int? = nil,
        errorTail: [String] = [], stop: StopReason? = nil, oomKilled: Bool = false
    ) {
        self.ending = ending
        self.lastStartedLiveIndex = lastStartedLiveIndex
        self.lastStartedSourceIndex = lastStartedSourceIndex
        self.errorTail = errorTail
        self.stop = stop
        self.oomKilled = oomKilled
    }
}
