import CShim
#if canImport(Glibc)
import Glibc
#endif

/// Process-wide duties taken on once, before anything is spawned: stop-signal handlers, and
/// child-subreaper status when nbrunner is not PID 1 (run by hand, `shareProcessNamespace`), so
/// an orphaned kernel is still nbrunner's to reap and end.
public enum RunnerProcess {
    public static func prepare(log: RunnerLog) {
        if !StopSignals.install() {
            log.warning("could not install signal handlers: \(FileSystem.errnoText())")
        }
        if getpid() != 1, nbr_set_child_subreaper() != 0 {
            log.warning("could not become a child subreaper (\(FileSystem.errnoText())); orphaned kernels may outlive the run")
        }
    }
}
