/// The environment decisions, logged once: one line per change, one line for what was kept.
package enum EnvironmentLog {
    package static func write(_ report: EnvironmentReport, to log: RunnerLog) {
        let who = report.user.map { "\($0) (uid \(report.uid))" } ?? "uid \(report.uid) (no passwd entry)"
        let groups = report.groups.isEmpty ? "none" : report.groups.map(String.init).joined(separator: ",")
        log.info("identity: \(who), gid \(report.gid), supplementary groups \(groups)")
        var untouched: [String] = []
        for l in report.locations {
            switch l.decision {
            case .kept, .default:
                untouched.append("\(l.name)=\(l.path ?? "")\(l.decision == .default ? " (default)" : "")")
            case .set:
                log.info("environment: set \(l.name)=\(l.path ?? "") (\(l.reason ?? ""))")
            case .redirected:
                log.info("environment: \(l.name) redirected from \(l.from ?? "unset") to \(l.path ?? "") (\(l.reason ?? ""))")
            case .unavailable:
                log.warning("environment: \(l.name) has no writable location (\(l.reason ?? ""))")
            }
        }
        if !untouched.isEmpty { log.info("environment: writable as is: \(untouched.joined(separator: ", "))") }
        for note in report.notes { log.info("environment: \(note)") }
    }
}
