/// Applies `--sandbox` before nbrunner starts its first process (the interpreter probe), so
/// the probe, pip, papermill, the kernel and everything the notebook starts run under the
/// filter.
package enum Sandbox {
    /// The report for the result; under `require`, a filter that could not be loaded is a
    /// failure (exit 3) the caller raises with ``requireActive(_:)``.
    package static func apply(_ mode: SandboxMode, log: RunnerLog) -> SandboxReport {
        guard mode != .off else {
            return SandboxReport(mode: mode, active: false, reason: "turned off (--sandbox off)")
        }
        do throws(SeccompFilter.LoadError) {
            let denied = try SeccompFilter.load()
            log.info("sandbox: seccomp filter active (\(denied.count) system calls denied; see docs/sandbox.md)")
            return SandboxReport(mode: mode, active: true, deniedSyscalls: denied)
        } catch {
            if mode == .on {
                log.warning("sandbox: could not load the seccomp filter (\(error.reason)); running without it (--sandbox require makes this fatal)")
            }
            return SandboxReport(mode: mode, active: false, reason: error.reason)
        }
    }

    package static func requireActive(_ report: SandboxReport) throws(RunFailure) {
        if report.mode == .require && !report.active {
            throw RunFailure(.environmentSetupFailed, "--sandbox require: could not load the seccomp filter: \(report.reason ?? "unknown reason")")
        }
    }
}
