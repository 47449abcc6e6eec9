/// Why nbrunner stopped papermill before it finished on its own.
package enum StopReason: Sendable, Equatable {
    /// SIGTERM/SIGINT/SIGHUP to nbrunner: `cancelled`, exit 128+signal.
    case signal(Int32)
    /// `--timeout` ran out: `timeout`, exit 5.
    case deadline(RunDuration)
}
