#if canImport(Glibc)
    import Glibc
#endif

/// Ends every process below nbrunner: SIGTERM, a short wait, then SIGKILL round after round
/// until none is left, then reaping. As PID 1 or child subreaper, orphans (the kernel's own
/// session, daemonised grandchildren) are re-parented to nbrunner, so /proc shows them all as its
/// descendants.
///
/// One snapshot is not enough: a daemon that ignores SIGTERM and forks all the time (the parent
/// exits, the child goes on, a new pid every few milliseconds) is often missed by a /proc walk,
/// or forks between the walk and the kill. So the SIGKILL step repeats (walk, kill what it found,
/// reap) until it is done or ``killLimit`` has passed. "Done" is decided without /proc when
/// nothing is spared: `waitid(P_ALL, WNOHANG | WNOWAIT)` failing with ECHILD means nbrunner has
/// no child at all, and every live descendant has an ancestor that is nbrunner's child (the
/// processes of a `kubectl exec` into the container are not, and are left alone).
package enum ProcessTreeCleanup {
    package struct Report: Sendable, Equatable {
        /// Every pid that was signalled, in the order first seen.
        package var ended: [pid_t] = []
        /// Still alive when the cleanup gave up (``killLimit`` passed).
        package var remaining: [pid_t] = []
        /// How many SIGKILL rounds it took (0: everything left after SIGTERM).
        package var killRounds = 0
        package var isEmpty: Bool { ended.isEmpty && remaining.isEmpty }

        /// `12, 13, 14` or `12, 13, … and 40 more` (at most `limit` pids).
        package static func list(_ pids: [pid_t], limit: Int = 20) -> String {
            let shown = pids.prefix(limit).map(String.init).joined(separator: ", ")
            return pids.count > limit ? "\(shown) and \(pids.count - limit) more" : shown
        }

        /// The pids and, when it needed more than one SIGKILL round, how many.
        package var endedText: String {
            Self.list(ended) + (killRounds > 1 ? " (\(killRounds) SIGKILL rounds: they kept forking)" : "")
        }
    }

    /// How long the SIGKILL rounds may go on after the SIGTERM wait.
    package static let killLimit: Duration = .seconds(3)

    @discardableResult
    package static func endDescendants(
        excluding excluded: Set<pid_t> = [], wait: Duration = .seconds(2),
        killLimit: Duration = killLimit,
        registry: ChildRegistry = .shared
    ) async -> Report {
        let me = getpid()
        var report = Report()
        var seen: Set<pid_t> = []
        func alive() -> [pid_t] {
            ProcessTable.snapshot().descendants(of: me)
                .filter { !$0.isZombie && !excluded.contains($0.pid) }.map(\.pid)
        }
        func record(_ pids: [pid_t]) {
            for pid in pids where seen.insert(pid).inserted { report.ended.append(pid) }
        }
        /// nbrunner has no child left at all (only when nothing is spared).
        func childless() -> Bool {
            guard excluded.isEmpty else { return false }
            // A zombie child (si_signo set): reap what nobody waits for, then ask again; a
            // process that keeps forking keeps making new ones, so only a few times.
            for _ in 0..<3 {
                var info = siginfo_t()
                if waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) != 0 { return errno == ECHILD }
                guard info.si_signo != 0, !registry.reapOrphans().isEmpty else { return false }
            }
            return false
        }

        var targets = alive()
        // Nothing found, yet a child exists: a walk can miss a process that forks and exits.
        for _ in 0..<20 where targets.isEmpty && !childless() {
            try? await Task.sleep(for: .milliseconds(1))
            targets = alive()
        }
        guard !targets.isEmpty else {
            registry.reapOrphans()
            return report
        }
        record(targets)
        for pid in targets { kill(pid, SIGTERM) }
        let clock = ContinuousClock()
        let deadline = clock.now + wait
        while clock.now < deadline {
            let rest = alive()
            if rest.isEmpty { break }
            // Forked since: they get their SIGTERM too.
            let new = rest.filter { !seen.contains($0) }
            record(new)
            for pid in new { kill(pid, SIGTERM) }
            registry.reapOrphans()
            try? await Task.sleep(for: .milliseconds(50))
        }

        let giveUp = clock.now + killLimit
        var quiet = 0  // consecutive walks that found nothing
        while clock.now < giveUp {
            let rest = alive()
            if rest.isEmpty {
                registry.reapOrphans()
                if childless() { break }
                // Something may have forked past the walk; walks alone must agree several times.
                quiet += 1
                if quiet >= 5 { break }
                try? await Task.sleep(for: .milliseconds(2))
                continue
            }
            quiet = 0
            report.killRounds += 1
            record(rest)
            for pid in rest { kill(pid, SIGKILL) }
            // SIGKILL cannot be caught; give the kernel a moment to turn them into zombies.
            try? await Task.sleep(for: .milliseconds(5))
            registry.reapOrphans()
        }
        for _ in 0..<40 where !alive().isEmpty { try? await Task.sleep(for: .milliseconds(25)) }
        registry.reapOrphans()
        report.remaining = alive()
        return report
    }
}
