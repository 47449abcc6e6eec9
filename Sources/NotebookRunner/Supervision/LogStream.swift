#if canImport(Glibc)
    import Glibc
#endif

/// `--log-stream auto|stdout|stderr` (`NBRUNNER_LOG_STREAM`): where nbrunner's log goes. The
/// `Results Summary:` block always goes to stdout, last.
///
/// A container runtime reads a container's stdout and stderr from two pipes at once and stamps
/// each line when it reads it, so a line written to stderr just before the block on stdout can
/// land after it in the pod log. Written to ONE stream, the log and the block reach the runtime
/// in the order nbrunner wrote them, every time. So in a container (`auto`), nbrunner makes its
/// stderr a copy of its stdout (`dup2(1, 2)`) before it writes anything or starts any process;
/// everything it and its children write then goes through the stdout pipe. Elsewhere the log
/// stays on stderr and stdout holds only the block, and ``SummaryOrder`` waits for a stderr pipe
/// to be read empty before the block is written.
package enum LogStream: String, Sendable, CaseIterable {
    /// stdout in a container, stderr elsewhere.
    case auto
    /// The log on stdout, with the block (stderr made a copy of stdout).
    case stdout
    /// The log on stderr, the block alone on stdout.
    case stderr

    package static let `default` = LogStream.auto

    /// `--log-stream`, else `NBRUNNER_LOG_STREAM` (empty counts as unset), else `auto`; a bad value
    /// names where it came from.
    package static func resolve(flag: String?, environment: [String: String]) throws(RunFailure) -> LogStream {
        var options = RunOptions()
        options[.logStream] = flag
        return try OptionSource(options: options, environment: environment).choice(.logStream) ?? .default
    }

    /// The value of `--log-stream` in a command line that has not been parsed yet (the stream
    /// must be chosen before anything is written, parse errors included). The last one wins, as
    /// with the parser; nothing after `--` counts.
    package static func flag(in arguments: [String]) -> String? {
        let flag = RunOption.logStream.spec.flag
        var found: String?
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { break }
            if a == flag, i + 1 < arguments.count {
                found = arguments[i + 1]
                i += 2
                continue
            }
            if a.hasPrefix(flag + "=") { found = String(a.dropFirst(flag.count + 1)) }
            i += 1
        }
        return found
    }

    /// Why `auto` takes this to be a container, or nil: nbrunner is PID 1 (the ENTRYPOINT),
    /// `KUBERNETES_SERVICE_HOST` is set (the kubelet sets it in every pod's containers, also
    /// under tini), or `container` is set (podman, systemd-nspawn).
    package static func containerReason(pid: pid_t = getpid(), environment: [String: String]) -> String? {
        if pid == 1 { return "nbrunner is PID 1" }
        if let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty { return "KUBERNETES_SERVICE_HOST is set" }
        if let c = environment["container"], !c.isEmpty { return "container=\(c)" }
        return nil
    }

    /// What a process with these settings does with its stderr.
    package struct Routing: Sendable, Equatable {
        /// The log goes to stdout: stderr is (or has been made) a copy of it.
        package var merged: Bool
        /// Why, for the log's first line; nil when the log stays on stderr for want of a reason.
        package var reason: String?
    }

    /// Decides, and for a merge makes fd 2 a copy of fd 1. Never fails: a bad value is treated
    /// as `auto` here and reported by the configuration later; a failed `dup2` leaves stderr as
    /// it is.
    @discardableResult
    package static func route(arguments: [String], environment: [String: String]) -> Routing {
        let stream = (try? resolve(flag: flag(in: arguments), environment: environment)) ?? .auto
        let reason: String?
        switch stream {
        case .stderr: return Routing(merged: false, reason: "--log-stream stderr")
        case .stdout: reason = "--log-stream stdout"
        case .auto:
            guard let why = containerReason(environment: environment) else { return Routing(merged: false, reason: nil) }
            reason = "in a container: \(why)"
        }
        if sameFile(1, 2) { return Routing(merged: true, reason: reason) }
        guard isOpen(1), dup2(1, 2) == 2 else { return Routing(merged: false, reason: nil) }
        return Routing(merged: true, reason: reason)
    }

    static func isOpen(_ fd: Int32) -> Bool { fcntl(fd, F_GETFD) >= 0 }

    /// Whether two descriptors are the same open file (same pipe, same terminal, same log file).
    static func sameFile(_ a: Int32, _ b: Int32) -> Bool {
        var sa = stat()
        var sb = stat()
        guard fstat(a, &sa) == 0, fstat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
