import Testing

@testable import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct SecretsLoaderTests {
    let log = RunnerLog(fd: -1)  // no output in unit tests

    func loader(files: [String] = [], dir: String? = nil, defaultDir: String = "/nonexistent", override: Bool = true) -> SecretsLoader {
        var l = SecretsLoader(envFiles: files, secretsDirectory: dir, wait: nil, overrideEnvironment: override)
        l.defaultDirectoryPath = defaultDir
        return l
    }

    @Test func defaultFolderIsLenientAndSkipsRenderArtifacts() async throws {
        let dir = temporaryDirectory()
        writeFile("\(dir)/db", "export DB_USER=\"u\"\nexport DB_PASSWORD='pw-1234'\n")
        writeFile("\(dir)/ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
        writeFile("\(dir)/map", "data: map[password:x]\n")
        writeFile("\(dir)/0123456789", "export PARTIAL=1")
        writeFile("\(dir)/db.bak", "export OLD=1")
        writeFile("\(dir)/.hidden", "export HIDDEN=1")
        var env: [String: String] = [:]
        let loaded = try await loader(defaultDir: dir).load(into: &env, log: log)
        #expect(env == ["DB_USER": "u", "DB_PASSWORD": "pw-1234"])
        #expect(loaded.report.keys == ["DB_PASSWORD", "DB_USER"])
        let status = Dictionary(uniqueKeysWithValues: loaded.report.files.map { (FileSystem.basename($0.path), $0.status) })
        #expect(status == ["0123456789": .skipped, "ca.pem": .skipped, "db": .loaded, "db.bak": .skipped, "map": .skipped])
        #expect(loaded.redactor.redact("x pw-1234 y") == "x *** y")
    }

    /// A skipped file's reason has no path and no stray space, parse errors and empty files alike.
    @Test func skipReasonsReadCleanly() async throws {
        let dir = temporaryDirectory()
        writeFile("\(dir)/empty", "")
        writeFile("\(dir)/map", "data: map[password:x]\n")
        var env: [String: String] = [:]
        let loaded = try await loader(defaultDir: dir).load(into: &env, log: log)
        let reasons = Dictionary(uniqueKeysWithValues: loaded.report.files.map { (FileSystem.basename($0.path), $0.reason ?? "") })
        #expect(reasons["empty"]?.hasPrefix("not an env file: empty") == true, "\(reasons)")
        #expect(reasons["map"]?.hasPrefix("not an env file: 1:") == true, "\(reasons)")
        #expect(reasons.values.allSatisfy { !$0.contains("  ") && !$0.contains(dir) })
    }

    @Test func explicitFolderIsStrict() async {
        let dir = temporaryDirectory()
        writeFile("\(dir)/map", "data: map[password:hunter22]\n")
        var env: [String: String] = [:]
        do throws(RunFailure) {
            _ = try await loader(dir: dir).load(into: &env, log: log)
            Issue.record("no failure")
        } catch {
            #expect(error.category == .secretsUnavailable)
            #expect(error.message.hasPrefix("\(dir)/map:1:"))
            #expect(!error.message.contains("hunter22"))
        }
    }

    @Test func laterFileWinsAndInheritedValuesYieldOnlyWhenAsked() async throws {
        let dir = temporaryDirectory()
        writeFile("\(dir)/a", "export K=from-a\nexport ONLY_A=1\n")
        writeFile("\(dir)/b", "export K=from-b\n")
        var env = ["ONLY_A": "inherited", "OTHER": "x"]
        _ = try await loader(files: ["\(dir)/a", "\(dir)/b"]).load(into: &env, log: log)
        #expect(env["K"] == "from-b")
        #expect(env["ONLY_A"] == "1", "loaded values override inherited ones by default")
        var kept = ["ONLY_A": "inherited"]
        _ = try await loader(files: ["\(dir)/a"], override: false).load(into: &kept, log: log)
        #expect(kept["ONLY_A"] == "inherited")
        #expect(kept["K"] == "from-a")
    }

    @Test func inheritedSecretLookingVariablesAreRedacted() async throws {
        var env = ["GITHUB_TOKEN": "ghp_abcdef123456", "DB_HOST": "db.local"]
        let loaded = try await loader().load(into: &env, log: log)
        #expect(loaded.redactor.redact("token ghp_abcdef123456 host db.local") == "token *** host db.local")
        #expect(loaded.report.redactedVariables == ["GITHUB_TOKEN"])
    }

    @Test func missingOrEmptyNamedFileFails() async {
        let dir = temporaryDirectory()
        writeFile("\(dir)/empty", "")
        for path in ["\(dir)/missing", "\(dir)/empty"] {
            var env: [String: String] = [:]
            await #expect(throws: RunFailure.self) { try await loader(files: [path]).load(into: &env, log: log) }
        }
    }

    /// An explicit folder is strict: a link to nothing, a link loop or a FIFO is an error (exit
    /// 4), not skipped; the default folder skips them with a report entry.
    @Test(arguments: ["dangling", "loop", "fifo"])
    func anExplicitFolderRefusesWhatIsNotAFile(kind: String) async throws {
        let dir = temporaryDirectory()
        writeFile("\(dir)/a", "export A=1\n")
        switch kind {
        case "dangling": #expect(symlink("/nonexistent/x", "\(dir)/b") == 0)
        case "loop": #expect(symlink("\(dir)/b", "\(dir)/b") == 0)
        default: #expect(mkfifo("\(dir)/b", 0o600) == 0)
        }
        var env: [String: String] = [:]
        do {
            _ = try await loader(dir: dir).load(into: &env, log: log)
            Issue.record("\(kind) must be refused")
        } catch {
            #expect(error.category == .secretsUnavailable)
            #expect(error.message.hasPrefix("\(dir)/b: "), "\(error.message)")
        }
        let lenient = try await loader(defaultDir: dir).load(into: &env, log: log)
        #expect(Set(lenient.report.files.map { "\(FileSystem.basename($0.path)) \($0.status)" }) == ["a loaded", "b skipped"])
        #expect(env["A"] == "1")
    }
}

extension SecretsLoader {
    /// The tests' shorthand: loads into `environment` and returns the rest.
    fileprivate func load(into environment: inout [String: String], log: RunnerLog) async throws(RunFailure) -> LoadedSecrets {
        let loaded = try await load(environment, log: log)
        environment = loaded.environment
        return loaded
    }
}
