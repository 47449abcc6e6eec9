import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Loads Vault-rendered env files into the notebook's environment, without a shell.
///
/// - `--env-file` files and an explicitly given `--secrets-dir` are strict: a missing, empty
///   (after `--secrets-wait`), unreadable or malformed one fails the run (exit 4).
/// - The default `/vault/secrets`, when it exists, is lenient: a file that is not an env file
///   (a PEM file, the injector's default `map` template output) is skipped with a warning.
/// - In a folder: regular, non-hidden files in byte order of their names; consul-template's
///   temporary render files (all-digit names) and backups (`*.bak`) are skipped.
/// - Loaded values override inherited ones unless `overrideEnvironment` is off; a key in two
///   files takes the later file's value, with a warning naming the key and the files.
package struct SecretsLoader: Sendable {
    package var envFiles: [String]
    /// nil: the default folder, if it exists; "": none.
    package var secretsDirectory: String?
    package var wait: RunDuration?
    package var overrideEnvironment: Bool
    /// `--secret-env`: inherited variables that are secrets whatever their names.
    package var secretEnv: [String] = []
    /// `--secret-file`: files whose contents are values to mask (not variables).
    package var secretFiles: [String] = []
    /// Where the Vault Agent Injector renders (replaceable in tests).
    var defaultDirectoryPath = SecretsLoader.defaultDirectory

    package static let defaultDirectory = "/vault/secrets"

    package init(envFiles: [String], secretsDirectory: String?, wait: RunDuration?, overrideEnvironment: Bool) {
        self.envFiles = envFiles
        self.secretsDirectory = secretsDirectory
        self.wait = wait
        self.overrideEnvironment = overrideEnvironment
    }

    /// Loads the files into a copy of `inherited`.
    package func load(_ inherited: [String: String], log: RunnerLog) async throws(RunFailure) -> LoadedSecrets {
        var environment = inherited
        let explicitDirectory = secretsDirectory.flatMap { $0.isEmpty ? nil : $0 }
        let defaultDirectory = secretsDirectory == nil && FileSystem.isDirectory(defaultDirectoryPath) ? defaultDirectoryPath : nil
        try await waitForNamedFiles(directory: explicitDirectory, log: log)

        // (path, strict) in load order: the folder first, then --env-file in the order given.
        var files: [(String, Bool)] = []
        var report = SecretsReport()
        for (directory, strict) in [(explicitDirectory, true), (defaultDirectory, false)] {
            guard let directory else { continue }
            guard let names = FileSystem.entries(directory) else {
                if strict { throw RunFailure(.secretsUnavailable, "\(directory): cannot list the secrets folder: \(FileSystem.errnoText())") }
                log.warning("cannot list \(directory): \(FileSystem.errnoText()); no secrets loaded from it")
                continue
            }
            for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) where !name.hasPrefix(".") {
                let path = "\(directory)/\(name)"
                guard FileSystem.isRegularFile(path) else {
                    // Folders are passed over; anything else is an env file that cannot be read.
                    guard let what = Self.irregular(path) else { continue }
                    if strict {
                        throw RunFailure(
                            .secretsUnavailable,
                            "\(path): \(what), not an env file; an explicitly given secrets folder may hold only regular files (and folders, which are passed over)"
                        )
                    }
                    log.warning("skipping \(path): \(what)")
                    report.files.append(.init(path: path, status: .skipped, keys: [], reason: what))
                    continue
                }
                if Self.isRenderArtifact(name) {
                    report.files.append(.init(path: path, status: .skipped, keys: [], reason: "a consul-template temporary or backup file"))
                    continue
                }
                files.append((path, strict))
            }
        }
        files += envFiles.map { ($0, true) }

        var values: [String] = []
        var origin: [String: String] = [:]  // key → file that set it
        for (path, strict) in files {
            let entries: [EnvFileParser.Entry]
            do throws(RunFailure) {
                entries = try Self.read(path)
            } catch {
                if strict { throw error }
                // "PATH:LINE:COLUMN: reason" or "PATH: reason": the reason without the path.
                var detail = Substring(error.message)
                if detail.hasPrefix(path) { detail = detail.dropFirst(path.count) }
                if detail.hasPrefix(":") { detail = detail.dropFirst() }
                let reason = String(detail.drop { $0 == " " })
                log.warning("skipping \(path): not an env file (\(reason))")
                report.files.append(.init(path: path, status: .skipped, keys: [], reason: "not an env file: " + reason))
                continue
            }
            var keys: [String] = []
            for entry in entries {
                values.append(entry.value)
                if let earlier = origin[entry.key], earlier != path {
                    log.warning("\(entry.key) is set in both \(earlier) and \(path); the value from \(path) is used")
                }
                origin[entry.key] = path
                if !overrideEnvironment, inherited[entry.key] != nil {
                    log.info("secrets: \(entry.key) from \(path) not applied: the inherited value is kept (--no-override-env)")
                } else {
                    environment[entry.key] = entry.value
                }
                keys.append(entry.key)
            }
            report.files.append(.init(path: path, status: .loaded, keys: keys))
            report.keys = Array(Set(report.keys + keys)).sorted()
            log.info("secrets: loaded \(keys.count) variable(s) from \(path): \(keys.joined(separator: ", "))")
        }

        // Inherited variables whose names say they are secret are redacted too, and so is an
        // inherited value kept for a loaded key (--no-override-env).
        let secretNames = environment.keys.filter(Redactor.looksSecret) + secretEnv.filter { environment[$0] != nil }
        values += (secretNames + report.keys).compactMap { environment[$0] }
        report.redactedVariables = Array(Set(secretNames + report.keys)).sorted()
        values += try SecretFileValues.read(secretFiles, log: log)
        report.maskedFiles = secretFiles
        try Self.checkSize(environment, loaded: Set(report.keys))
        return LoadedSecrets(environment: environment, report: report, redactor: Redactor(values: values))
    }

    /// Linux refuses to exec with one environment string over 128 KiB (MAX_ARG_STRLEN) or with
    /// arguments and environment together over ARG_MAX (2 MiB here; the arguments and the
    /// launcher need some of it). Checked before any process starts, with the variable's NAME.
    static let maxVariableBytes = 128 * 1024
    static let maxEnvironmentBytes = 1536 * 1024

    package static func checkSize(_ environment: [String: String], loaded: Set<String>) throws(RunFailure) {
        var total = 0
        for (key, value) in environment {
            let bytes = key.utf8.count + value.utf8.count + 2
            if bytes > maxVariableBytes {
                let origin = loaded.contains(key) ? "loaded from a secrets file" : "inherited"
                throw RunFailure(
                    .secretsUnavailable,
                    "\(key) (\(origin)) is \(bytes) bytes; Linux passes at most \(maxVariableBytes) bytes per environment variable, so no program could be started with it"
                )
            }
            total += bytes + 8
        }
        if total > maxEnvironmentBytes {
            throw RunFailure(
                .secretsUnavailable,
                "the environment would be \(total) bytes with the secrets loaded; Linux starts programs with at most about 2 MiB of arguments and environment")
        }
    }

    /// What a folder entry that is not a regular file is, or nil for a folder (or a link to one).
    static func irregular(_ path: String) -> String? {
        switch SafeFileWriter.kind(path, followingLinks: false) {
        case .directory, .regular, .missing: return nil
        case .special(let what): return what
        case .symlink:
            var st = stat()
            guard stat(path, &st) == 0 else { return errno == ELOOP ? "a symlink loop" : "a dangling symlink" }
            switch SafeFileWriter.kind(mode: st.st_mode) {
            case .directory, .regular: return nil
            case .special(let what): return "a symlink to \(what)"
            default: return "not a regular file"
            }
        }
    }

    static func isRenderArtifact(_ name: String) -> Bool {
        name.allSatisfy { $0.isASCII && $0.isNumber } || name.hasSuffix(".bak")
    }

    static func read(_ path: String) throws(RunFailure) -> [EnvFileParser.Entry] {
        let data: [UInt8]
        do throws(RegularFileReader.Problem) {
            data = try RegularFileReader.read(path)
        } catch {
            switch error {
            case .missing: throw RunFailure(.secretsUnavailable, "\(path): secrets file not found")
            case .notRegular(let what): throw RunFailure(.secretsUnavailable, "\(path): \(what), not a regular file")
            case .unreadable(let why): throw RunFailure(.secretsUnavailable, "\(path): cannot read: \(why)")
            }
        }
        guard !data.isEmpty else { throw RunFailure(.secretsUnavailable, "\(path): empty (not rendered yet? use --secrets-wait)") }
        do throws(EnvFileParser.Failure) {
            return try EnvFileParser.parse(data)
        } catch {
            throw RunFailure(.secretsUnavailable, "\(path):\(error)")
        }
    }

    /// `--secrets-wait`: the Vault sidecar may render after nbrunner starts. Waits for the named
    /// files (and an explicit folder) to exist and be non-empty, saying what it waits for.
    func waitForNamedFiles(directory: String?, log: RunnerLog) async throws(RunFailure) {
        func missing() -> [String] {
            var out = (envFiles + secretFiles).filter { !(FileSystem.isRegularFile($0) && Self.size($0) > 0) }
            if let directory {
                if !FileSystem.isDirectory(directory) {
                    out.append(directory)
                } else {
                    // Files in it still being rendered (empty), as the loader would pick them.
                    let names = (FileSystem.entries(directory) ?? []).filter { !$0.hasPrefix(".") && !Self.isRenderArtifact($0) }
                    out += names.map { "\(directory)/\($0)" }.filter { FileSystem.isRegularFile($0) && Self.size($0) == 0 }
                }
            }
            return out
        }
        guard let wait, !missing().isEmpty else { return }
        log.info("secrets: waiting up to \(wait) for \(missing().joined(separator: ", ")) (missing or empty)")
        let clock = ContinuousClock()
        let end = clock.now + wait.swiftDuration
        while clock.now < end, !missing().isEmpty, StopSignals.count == 0 {
            try? await Task.sleep(for: .milliseconds(200))
        }
        if StopSignals.count > 0 {
            throw RunFailure(.cancelled, "cancelled by \(SignalName.of(StopSignals.first)) while waiting for secrets")
        }
        let still = missing()
        if !still.isEmpty {
            throw RunFailure(.secretsUnavailable, "secrets not available after waiting \(wait): \(still.joined(separator: ", ")) missing or empty")
        }
        log.info("secrets: all named files are present")
    }

    static func size(_ path: String) -> Int { FileSystem.size(path) ?? 0 }
}
