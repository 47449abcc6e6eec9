#if canImport(Glibc)
import Glibc
#endif

/// Ends every process below nbrunner: SIGTERM, a short wait, SIGKILL, then reaping. As PID 1 or
/// child subreaper, orphans (the kernel's own session, daemonised grandchildren) are re-parented
/// to nbrunner, so /proc shows them all as its descendants.
public enum ProcessTreeCleanup {
    /// Returns the pids that had to be ended.
    @discardableResult
    public static func endDescendants(excluding excluded: Set<pid_t> = [], wait: Duration = .seconds(2),
                                      registry: ChildRegistry = .shared) async -> [pid_t] {
        let me = getpid()
        func alive() -> [pid_t] {
            ProcessTable.snapshot().descendants(of: me)
                .filter { !$0.isZombie && !excluded.contains($0.pid) }.map(\.pid)
        }
        let targets = alive()
        guard !targets.isEmpty else {
            registry.reapOrphans()
            return []
        }
        for pid in targets { kill(pid, SIGTERM) }
        let clock = ContinuousClock()
        let deadline = clock.now + wait
        while clock.now < deadline, !alive().isEmpty {
            registry.reapOrphans()
            try? await Task.sleep(for: .milliseconds(50))
        }
        for pid in alive() { kill(pid, SIGKILL) }
        // SIGKILL cannot be caught; give the kernel a moment to turn them into zombies.
        for _ in 0..<40 where !alive().isEmpty { try? await Task.sleep(for: .milliseconds(25)) }
        registry.reapOrphans()
        return targets
    }
}
