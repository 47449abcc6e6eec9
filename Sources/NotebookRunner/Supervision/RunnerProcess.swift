import CShim
#if canImport(Glibc)
import Glibc
#endif

/// Process-wide duties taken on once, before anything is spawned: stop-signal handlers, and
/// child-subreaper status when nbrunner is not PID 1 (run by hand, `shareProcessNamespace`), so
/// an orphaned kernel is still nbrunner's to reap and end.
public enum RunnerProcess {
    public static func prepare(log: RunnerLog) {
        // A closed stdout or stderr (`nbrunner run … | head`) must not kill nbrunner before it
        // writes its result: writes then fail with EPIPE, which nbrunner ignores. Children get
        // default dispositions back (swift-subprocess resets them at spawn).
        signal(SIGPIPE, SIG_IGN)
        if !StopSignals.install() {
            log.warning("could not install signal handlers: \(FileSystem.errnoText())")
        }
        if getpid() != 1, nbr_set_child_subreaper() != 0 {
            log.warning("could not become a child subreaper (\(FileSystem.errnoText())); orphaned kernels may outlive the run")
        }
    }
}
