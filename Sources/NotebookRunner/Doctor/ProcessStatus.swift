import FoundationEssentials

/// Security state of nbrunner's own process, from `/proc/self/status`.
package struct ProcessStatus: Sendable, Equatable, Codable {
    /// `Seccomp:` 0 none, 1 strict, 2 filter.
    package var seccomp: Int?
    package var noNewPrivs: Bool?
    /// `CapEff:` as printed (hex).
    package var effectiveCapabilities: String?

    package static func current() -> ProcessStatus {
        let text = (try? Data(contentsOf: URL(filePath: "/proc/self/status"))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return parse(text)
    }

    static func parse(_ text: String) -> ProcessStatus {
        var s = ProcessStatus()
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let value = parts[1].trimmed
            switch parts[0] {
            case "Seccomp": s.seccomp = Int(value)
            case "NoNewPrivs": s.noNewPrivs = value == "1"
            case "CapEff": s.effectiveCapabilities = value
            default: break
            }
        }
        return s
    }

    package var seccompText: String {
        switch seccomp {
        case 0?: "off"
        case 1?: "strict"
        case 2?: "filter active"
        default: "unknown"
        }
    }
}
