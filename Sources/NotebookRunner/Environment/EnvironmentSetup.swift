#if canImport(Glibc)
    import Glibc
#endif

/// Makes the child's environment work under any UID: HOME, TMPDIR and the places Jupyter and
/// Python write are verified by a real write, and what cannot be written is redirected into a
/// scratch folder (the first writable of `NBRUNNER_SCRATCH`, `/workspace`, `$TMPDIR`, `/tmp`).
///
/// Rules:
/// - set and writable: kept, never changed (the operator's `HOME=/workspace` included);
/// - set but unwritable: redirected to the same place under the scratch home;
/// - unset: its default (derived from HOME) is checked; an unwritable default is redirected;
/// - HOME unset: the passwd home if writable, else `<scratch>/.home` (created 0770 so a
///   group-0 sibling can share it); USER and LOGNAME are set when missing;
/// - redirecting HOME keeps the old `~/.local` packages and kernels visible (PYTHONUSERBASE,
///   JUPYTER_PATH) and says so.
package struct EnvironmentSetup: Sendable {
    package struct Plan: Sendable {
        package var environment: [String: String]
        package var report: EnvironmentReport
    }

    /// The locations checked besides HOME and TMPDIR, with their defaults under HOME.
    static let homeLocations: [(name: String, suffix: String)] = [
        ("JUPYTER_DATA_DIR", ".local/share/jupyter"),
        ("JUPYTER_RUNTIME_DIR", ".local/share/jupyter/runtime"),
        ("IPYTHONDIR", ".ipython"),
        ("MPLCONFIGDIR", ".config/matplotlib"),
        ("XDG_CACHE_HOME", ".cache"),
    ]

    package var environment: [String: String]
    package var identity: Identity
    /// Doctor's dry run: decide, but create nothing.
    package var dryRun: Bool
    /// The writability check (a real create-and-remove); replaceable in tests, where root can
    /// write everywhere.
    var isWritable: @Sendable (String) -> Bool = EnvironmentSetup.writable

    package init(environment: [String: String], identity: Identity, dryRun: Bool = false) {
        self.environment = environment
        self.identity = identity
        self.dryRun = dryRun
    }

    package func plan() -> Plan {
        var env = environment
        var locations: [EnvironmentReport.Location] = []
        var notes: [String] = []
        func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }

        let scratch = Self.scratch(environment: environment, dryRun: dryRun)
        if let asked = value(RunOption.scratch.variable), asked != scratch {
            notes.append("\(RunOption.scratch.variable)=\(asked) is not a writable folder; scratch is \(scratch ?? "none")")
        }
        let scratchHome = scratch.map { Self.scratchHome(in: $0, uid: identity.uid) }
        func prepare(_ dir: String) -> Bool {
            dryRun || ((try? WritableProbe.makeDirectories(dir, mode: 0o770)) != nil && isWritable(dir))
        }

        // HOME.
        let passwdHome = identity.user?.home
        var oldHome: String?
        if let home = value("HOME") {
            if isWritable(home) {
                locations.append(.init(name: "HOME", decision: .kept, path: home))
            } else {
                oldHome = home
                locations.append(redirect("HOME", from: home, reason: Self.reason(home)))
            }
        } else if let passwdHome, !passwdHome.isEmpty, isWritable(passwdHome) {
            env["HOME"] = passwdHome
            locations.append(.init(name: "HOME", decision: .set, path: passwdHome, reason: "HOME was unset; home from /etc/passwd"))
        } else {
            oldHome = passwdHome
            let why =
                passwdHome.map { "HOME was unset and the passwd home \($0) is not writable" }
                ?? "HOME was unset and uid \(identity.uid) has no passwd entry"
            locations.append(redirect("HOME", from: nil, reason: why))
        }

        func redirect(_ name: String, from: String?, reason: String) -> EnvironmentReport.Location {
            let target =
                name == "HOME"
                ? scratchHome
                : scratchHome.map { home in "\(home)/\(Self.homeLocations.first { $0.name == name }?.suffix ?? name.lowercased())" }
            guard let target, prepare(target) else {
                return .init(
                    name: name, decision: .unavailable, path: from, from: from,
                    reason: reason + "; no writable scratch folder (set NBRUNNER_SCRATCH or mount an emptyDir at /workspace)")
            }
            env[name] = target
            return .init(name: name, decision: .redirected, path: target, from: from, reason: reason)
        }

        let home = value("HOME") ?? "/"
        // TMPDIR (Python silently skips an unwritable one; say it instead).
        if let tmp = value("TMPDIR") {
            locations.append(
                isWritable(tmp)
                    ? .init(name: "TMPDIR", decision: .kept, path: tmp)
                    : redirectTemp(from: tmp, reason: Self.reason(tmp)))
        } else if isWritable("/tmp") {
            locations.append(.init(name: "TMPDIR", decision: .default, path: "/tmp"))
        } else {
            locations.append(redirectTemp(from: "/tmp", reason: "TMPDIR unset and /tmp not writable"))
        }
        func redirectTemp(from: String, reason: String) -> EnvironmentReport.Location {
            guard let scratch, prepare("\(scratch)/.tmp") else {
                return .init(
                    name: "TMPDIR", decision: .unavailable, path: from, from: from,
                    reason: reason + "; no writable scratch folder (set NBRUNNER_SCRATCH or mount an emptyDir at /workspace)")
            }
            env["TMPDIR"] = "\(scratch)/.tmp"
            return .init(name: "TMPDIR", decision: .redirected, path: "\(scratch)/.tmp", from: from, reason: reason)
        }

        // The places Jupyter, IPython, matplotlib and caches write.
        for (name, suffix) in Self.homeLocations {
            if let set = value(name) {
                locations.append(
                    isWritable(set)
                        ? .init(name: name, decision: .kept, path: set)
                        : redirect(name, from: set, reason: Self.reason(set)))
            } else {
                // The defaults the libraries compute (jupyter_core on Linux, IPython, matplotlib).
                let dataHome = value("XDG_DATA_HOME") ?? "\(home)/.local/share"
                var fallback = FileSystem.normalise("\(home)/\(suffix)")
                switch name {
                case "JUPYTER_DATA_DIR": fallback = FileSystem.normalise("\(dataHome)/jupyter")
                case "JUPYTER_RUNTIME_DIR": fallback = FileSystem.normalise("\(value("JUPYTER_DATA_DIR") ?? "\(dataHome)/jupyter")/runtime")
                case "MPLCONFIGDIR": fallback = FileSystem.normalise("\(value("XDG_CONFIG_HOME") ?? "\(home)/.config")/matplotlib")
                case "XDG_CACHE_HOME": fallback = FileSystem.normalise("\(home)/.cache")
                default: break
                }
                locations.append(
                    isWritable(fallback)
                        ? .init(name: name, decision: .default, path: fallback)
                        : redirect(name, from: fallback, reason: "unset and its default \(fallback) is not writable"))
            }
        }

        // What lived under the old home stays visible.
        if let oldHome, env["HOME"] != oldHome {
            let local = "\(oldHome)/.local"
            if value("PYTHONUSERBASE") == nil, Self.hasUserSite(local) {
                env["PYTHONUSERBASE"] = local
                notes.append("PYTHONUSERBASE=\(local): the packages installed under the old home stay importable")
            }
            let kernels = "\(local)/share/jupyter"
            if FileSystem.isDirectory("\(kernels)/kernels") {
                env["JUPYTER_PATH"] = ([kernels] + (value("JUPYTER_PATH").map { [$0] } ?? [])).joined(separator: ":")
                notes.append("JUPYTER_PATH includes \(kernels): the kernels installed under the old home stay available")
            }
        }

        // Identity variables Python's getpass and shells read.
        for name in ["USER", "LOGNAME"] where value(name) == nil {
            env[name] = identity.userName
            locations.append(.init(name: name, decision: .set, path: identity.userName, reason: "\(name) was unset"))
        }

        let report = EnvironmentReport(
            uid: identity.uid, gid: identity.gid, groups: identity.groups, user: identity.user?.name,
            passwdEntry: identity.user != nil, passwdHome: passwdHome, scratch: scratch,
            locations: locations, notes: notes)
        return Plan(environment: env, report: report)
    }

    /// The first writable of `NBRUNNER_SCRATCH` (created if missing), `/workspace`, `$TMPDIR`, `/tmp`.
    static func scratch(environment: [String: String], dryRun: Bool) -> String? {
        if let explicit = environment[RunOption.scratch.variable], !explicit.isEmpty {
            if !dryRun, !FileSystem.exists(explicit) { try? WritableProbe.makeDirectories(explicit, mode: 0o770) }
            if Self.writable(explicit) { return explicit }
        }
        var candidates = ["/workspace"]
        if let tmp = environment["TMPDIR"], !tmp.isEmpty { candidates.append(tmp) }
        candidates.append("/tmp")
        return candidates.first { FileSystem.isDirectory($0) && Self.writable($0) }
    }

    /// `<scratch>/.home`, unless a folder of that name exists that this uid does not own and
    /// that is world-writable or not group 0 (on a shared host someone else could have planted
    /// IPython startup files in it): then `<scratch>/.home-<uid>`.
    static func scratchHome(in scratch: String, uid: UInt32) -> String {
        let shared = "\(scratch)/.home"
        var st = stat()
        guard lstat(shared, &st) == 0 else { return shared }
        let safe =
            (st.st_mode & S_IFMT) == S_IFDIR
            && (st.st_uid == uid || (st.st_gid == 0 && st.st_mode & 0o002 == 0))
        return safe ? shared : "\(scratch)/.home-\(uid)"
    }

    /// Writable by a real create-and-remove: the directory itself when it exists, else its
    /// nearest existing ancestor (the program that needs it will create it). Creates nothing.
    static func writable(_ path: String) -> Bool {
        var dir = path
        while !FileSystem.exists(dir) {
            let parent = FileSystem.parent(dir)
            if parent == dir { return false }
            dir = parent
        }
        guard FileSystem.isDirectory(dir) else { return false }
        return (try? WritableProbe.probe(directory: dir)) != nil
    }

    static func reason(_ path: String) -> String {
        var dir = path
        while !FileSystem.exists(dir) { dir = FileSystem.parent(dir) }
        if !FileSystem.isDirectory(dir) { return "\(dir) is not a directory" }
        do throws(WritableProbe.Failure) {
            try WritableProbe.probe(directory: dir)
            return "not writable"
        } catch {
            if case .notWritable(_, let why) = error { return "\(dir) is not writable: \(why)" }
            return "not writable"
        }
    }

    static func hasUserSite(_ base: String) -> Bool {
        (FileSystem.entries("\(base)/lib") ?? []).contains { FileSystem.isDirectory("\(base)/lib/\($0)/site-packages") }
    }
}
