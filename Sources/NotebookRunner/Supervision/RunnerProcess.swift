import CShim

#if canImport(Glibc)
    import Glibc
#endif

/// Process-wide duties taken on once, before anything is spawned: stop-signal handlers,
/// child-subreaper status when nbrunner is not PID 1 (run by hand, `shareProcessNamespace`), so
/// an orphaned kernel is still nbrunner's to reap and end, and no longer being dumpable.
package enum RunnerProcess {
    package static func prepare(log: RunnerLog) {
        // The kernel runs under nbrunner's UID: while nbrunner is dumpable, a cell can open
        // /proc/<nbrunner>/mem read-write (no ptrace call needed, so the sandbox cannot see it)
        // and rewrite the verdict, the exit code or the redaction patterns. Not dumpable, only
        // CAP_SYS_PTRACE opens it. execve makes every child dumpable again (docs/sandbox.md).
        if nbr_set_undumpable() != 0 {
            log.warning("could not make nbrunner undumpable (\(FileSystem.errnoText())); a process of the same user could change its memory")
        }
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
