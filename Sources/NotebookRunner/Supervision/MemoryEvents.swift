import FoundationEssentials

/// The cgroup v2 `memory.events` `oom_kill` counter of nbrunner's own cgroup. papermill reaps
/// the kernel, so a kernel's SIGKILL is not observable; a rise of this counter during the run is
/// the evidence for "probably out of memory".
public enum MemoryEvents {
    public static func oomKills() -> Int? {
        for path in candidatePaths() {
            guard let data = try? Data(contentsOf: URL(filePath: path)) else { continue }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count == 2, parts[0] == "oom_kill", let n = Int(parts[1]) { return n }
            }
        }
        return nil
    }

    /// `/proc/self/cgroup` names the cgroup (`0::/path`); in a container it is usually the root.
    static func candidatePaths() -> [String] {
        var paths: [String] = []
        if let data = try? Data(contentsOf: URL(filePath: "/proc/self/cgroup")) {
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("0::") {
                let relative = line.dropFirst(3)
                paths.append(FileSystem.normalise("/sys/fs/cgroup/\(relative)/memory.events"))
            }
        }
        paths.append("/sys/fs/cgroup/memory.events")
        return paths
    }
}
