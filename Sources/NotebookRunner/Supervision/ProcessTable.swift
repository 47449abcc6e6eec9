import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// A snapshot of `/proc`: every process's parent, state and group, read from `/proc/PID/stat`.
package struct ProcessTable: Sendable {
    package struct Entry: Sendable, Equatable {
        package var pid: pid_t
        package var parent: pid_t
        /// `R`, `S`, `D`, `Z` (zombie), `T`, …
        package var state: Character
        package var group: pid_t
        package var session: pid_t
        package var isZombie: Bool { state == "Z" || state == "X" }
    }

    package var entries: [pid_t: Entry]

    package static func snapshot() -> ProcessTable {
        var entries: [pid_t: Entry] = [:]
        for name in FileSystem.entries("/proc") ?? [] {
            guard let pid = pid_t(name), let entry = read(pid) else { continue }
            entries[pid] = entry
        }
        return ProcessTable(entries: entries)
    }

    /// One process, or nil when it is gone.
    package static func read(_ pid: pid_t) -> Entry? {
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        return parse(Array(buffer[..<n]))
    }

    /// `pid (comm) state ppid pgrp session …`; comm may hold spaces and parentheses, so fields
    /// are counted from the LAST `)`.
    static func parse(_ stat: [UInt8]) -> Entry? {
        guard let close = stat.lastIndex(of: UInt8(ascii: ")")),
            let pid = pid_t(String(decoding: stat.prefix(while: { $0 != 0x20 }), as: UTF8.self))
        else { return nil }
        let fields = stat[(close + 1)...].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count >= 4, let state = fields[0].first,
            let parent = pid_t(fields[1]), let group = pid_t(fields[2]), let session = pid_t(fields[3])
        else { return nil }
        return Entry(pid: pid, parent: parent, state: state, group: group, session: session)
    }

    /// Every process below `root` (children, their children, …), nearest first.
    package func descendants(of root: pid_t) -> [Entry] {
        var children: [pid_t: [pid_t]] = [:]
        for entry in entries.values { children[entry.parent, default: []].append(entry.pid) }
        var out: [Entry] = []
        var queue = children[root] ?? []
        var seen: Set<pid_t> = [root]
        while !queue.isEmpty {
            let pid = queue.removeFirst()
            guard seen.insert(pid).inserted, let entry = entries[pid] else { continue }
            out.append(entry)
            queue += children[pid] ?? []
        }
        return out
    }
}
