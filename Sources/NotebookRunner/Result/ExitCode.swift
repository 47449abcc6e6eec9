/// Exit codes, as documented in docs/exit-codes.md and `nbrunner run --help`.
///
/// | code | meaning |
/// |---|---|
/// | 0 | notebook ran, everything passed |
/// | 1 | a cell raised, a validation policy failed, or the output differs from `--golden` |
/// | 2 | usage or input error |
/// | 3 | python, papermill or kernel missing; a required path is unwritable |
/// | 4 | secrets unavailable |
/// | 5 | deadline or cell timeout |
/// | 6 | kernel died |
/// | 7 | nbrunner's own failure |
/// | 128+N | cancelled by signal N |
///
/// 126 and 127 are never used: the operator reads them as "permission denied / command not
/// found, do not retry".
package enum ExitCode {
    package static func cancelled(signal: Int32) -> Int32 { 128 + signal }

    package static func forOutcome(category: ErrorCategory, signal: Int32?) -> Int32 {
        if category == .cancelled, let signal { return cancelled(signal: signal) }
        return category.exitCode
    }

    /// The table above as text, for `--help` and docs.
    package static let table = """
        Exit codes:
          0        the notebook ran and everything passed
          1        the notebook failed: a cell raised (notebook_execution_failed),
                   a validation policy failed (validation_stderr_failure,
                   validation_warning_failure, validation_strict_mode_failure),
                   or the output differs from --golden (golden_mismatch)
          2        usage or input error, a missing --golden notebook included
                   (configuration_error, invalid_notebook)
          3        python, papermill or kernel missing, a path unwritable,
                   --sandbox require without a loadable filter, or
                   --allow-install failed (dependency_missing,
                   environment_setup_failed, dependency_install_failed)
          4        secrets unavailable (secrets_unavailable)
          5        deadline or cell timeout (timeout)
          6        the kernel died: crash, os._exit, OOM kill (kernel_died)
          7        nbrunner's own failure (internal_error)
          128+N    cancelled by signal N, e.g. 143 for SIGTERM (cancelled)
        nbrunner never exits 126 or 127.
        """
}
