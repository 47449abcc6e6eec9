import FoundationEssentials

/// The `oom_kill` counter of nbrunner's own memory cgroup: cgroup v2 `memory.events`, or v1
/// `memory.oom_control` (OpenShift nodes before cgroup v2). papermill reaps the kernel, so a
/// kernel's SIGKILL is not observable; a rise of this counter during the run is the evidence for
/// "probably out of memory".
package enum MemoryEvents {
    package static func oomKills() -> Int? {
        let cgroup = (try? Data(contentsOf: URL(filePath: "/proc/self/cgroup"))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        for path in candidatePaths(procSelfCgroup: cgroup) {
            guard let data = try? Data(contentsOf: URL(filePath: path)) else { continue }
            if let count = parseOOMKills(String(decoding: data, as: UTF8.self)) { return count }
        }
        return nil
    }

    /// The `oom_kill N` line of either file format.
    static func parseOOMKills(_ text: String) -> Int? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == "oom_kill", let n = Int(parts[1]) { return n }
        }
        return nil
    }

    /// `/proc/self/cgroup` names the cgroups: `0::/path` (v2) and `N:memory:/path` (v1). In a
    /// container they are usually the root of the mounted hierarchy, the fallbacks.
    static func candidatePaths(procSelfCgroup: String) -> [String] {
        var paths: [String] = []
        for line in procSelfCgroup.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let relative = String(fields[2])
            if fields[0] == "0", fields[1].isEmpty {
                paths.append(FileSystem.normalise("/sys/fs/cgroup/\(relative)/memory.events"))
            } else if fields[1].split(separator: ",").contains("memory") {
                paths.append(FileSystem.normalise("/sys/fs/cgroup/memory/\(relative)/memory.oom_control"))
            }
        }
        paths += ["/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"]
        return paths
    }
}
