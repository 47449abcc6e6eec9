import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The children swift-subprocess is waiting for, so the reaper never steals their status.
///
/// swift-subprocess reaps its own child (`waitid` on that pid). A `waitpid(-1)` loop would take
/// that status away, so nbrunner reaps only OTHER zombie children (orphans re-parented to it as
/// PID 1 or child subreaper), found through /proc, each with `waitpid(pid)`. While a spawn is in
/// flight (its pid not yet known) the reaper does nothing.
package final class ChildRegistry: Sendable {
    package static let shared = ChildRegistry()

    private struct State {
        var spawning = 0
        var managed: Set<pid_t> = []
    }
    private let state = Mutex(State())

    package func beginSpawn() { state.withLock { $0.spawning += 1 } }
    package func spawned(_ pid: pid_t) {
        state.withLock {
            $0.spawning -= 1
            $0.managed.insert(pid)
        }
    }
    /// The spawn failed or its child has been reaped by swift-subprocess.
    package func finished(_ pid: pid_t?) {
        state.withLock {
            if let pid { $0.managed.remove(pid) } else { $0.spawning -= 1 }
        }
    }

    /// Runs `body`, a complete swift-subprocess run whose pid is never exposed (the probe).
    package func whileSpawning<T>(_ body: () async throws -> T) async rethrows -> T {
        beginSpawn()
        defer { finished(nil) }
        return try await body()
    }

    /// Reaps zombie children that nobody else waits for; returns their pids.
    /// - Parameter limitTo: only these pids (tests share one process with other children).
    @discardableResult
    package func reapOrphans(table: ProcessTable = .snapshot(), limitTo: Set<pid_t>? = nil) -> [pid_t] {
        let me = getpid()
        var reaped: [pid_t] = []
        for entry in table.entries.values
        where entry.parent == me && entry.isZombie
            && limitTo.map({ $0.contains(entry.pid) }) ?? true
        {
            let skip = state.withLock { $0.spawning > 0 || $0.managed.contains(entry.pid) }
            if skip { continue }
            var status: Int32 = 0
            if waitpid(entry.pid, &status, WNOHANG) == entry.pid { reaped.append(entry.pid) }
        }
        return reaped
    }
}
