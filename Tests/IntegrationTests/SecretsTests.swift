import FoundationEssentials
import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Vault-rendered env files loaded without a shell, and no secret value in anything nbrunner
/// writes: log, result, termination message, output notebook.
@Suite(.timeLimit(.minutes(2))) struct SecretsTests {
    static let password = #"Pa$$w0rd "q" #not-comment \n'x'"#
    /// As the Vault template renders it: double quotes, `$` and `"` escaped.
    static let dbFile = #"""
        export DB_USER="feature_reader"
        export DB_PASSWORD="Pa\$\$w0rd \"q\" #not-comment \\n'x'"
        export DB_HOST=db.example.svc
        """#

    func secretsDir() throws -> String {
        let dir = temporaryDirectory()
        try Data(Self.dbFile.utf8).write(to: URL(filePath: "\(dir)/db"))
        try Data(#"{"data": {"AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}, "metadata": {"version": 2}}"#.utf8)
            .write(to: URL(filePath: "\(dir)/aws"))
        return dir
    }

    @Test func variablesArriveFromEnvAndKVv2Files() async throws {
        let dir = try secretsDir()
        let digests = try await Nbrunner.python(
            #"""
            import hashlib, json
            print(json.dumps({k: hashlib.sha256(v.encode()).hexdigest() for k, v in {
                "DB_USER": "feature_reader", "DB_PASSWORD": \#(String(reflecting: Self.password).replacing("\\$", with: "$")),
                "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}.items()}))
            """#)
        let run = try await Nbrunner.run(Paths.notebook("secret-env.ipynb"), ["--secrets-dir", dir, "-y", "expected: \(digests)"])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        let secrets = try #require(result.secrets)
        #expect(secrets.keys == ["AWS_SECRET_ACCESS_KEY", "DB_HOST", "DB_PASSWORD", "DB_USER"])
        #expect(secrets.files.map { FileSystem.basename($0.path) } == ["aws", "db"])
        #expect(run.leaks(Self.password).isEmpty)
        #expect(run.leaks("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY").isEmpty)
    }

    @Test func aNotebookThatLeaksEverywhereLeaksNowhere() async throws {
        let run = try await Nbrunner.run(Paths.notebook("secret-leak.ipynb"), ["--secrets-dir", try secretsDir()])
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.failedCell?.ename == "ConnectionError")
        #expect(result.error.contains("postgresql://reader:***@db:5432/features refused"))
        #expect(run.leaks(Self.password) == [], "found in \(run.leaks(Self.password))")
        #expect(run.stderr.contains("connecting with ***"))
    }

    /// Everyday values (a loaded `code`, an inherited TOKENIZERS_PARALLELISM=false) must not
    /// break the notebook or the result.
    @Test func ordinaryValuesNeverBreakTheNotebook() async throws {
        let dir = temporaryDirectory()
        try Data("export KIND=code\nexport STREAM=stdout\n".utf8).write(to: URL(filePath: "\(dir)/misc"))
        let run = try await Nbrunner.run(
            Paths.notebook("error.ipynb"), ["--secrets-dir", dir],
            environment: ["TOKENIZERS_PARALLELISM": "false"])
        #expect(run.exitCode == 1, "\(run.stderr.suffix(2000))")
        let result = try run.checkContract()
        #expect(result.failedCell?.cellIndex == 2)
        let output = try NotebookReader.decode(Data(contentsOf: URL(filePath: run.outputPath)), path: run.outputPath)
        #expect(output.cells.filter { $0.cellType == "code" }.count == 3, "cell types intact")
    }

    @Test func aStopSignalWhileWaitingIsACancellation() async throws {
        let run = SignalledRun()
        let finished = try await run.run(
            Paths.notebook("sysexit0.ipynb"), ["--env-file", "/nonexistent/late", "--secrets-wait", "1m"],
            trigger: "secrets: waiting up to", signals: [(.terminate, .milliseconds(300))])
        #expect(finished.exitCode == 143, "\(finished.stderr.suffix(2000))")
        #expect(try finished.checkContract().errorCategory == .cancelled)
    }

    /// Linux cannot start a program with a 200 KB environment variable: say so, by name.
    @Test func anOversizedSecretIsNamedBeforeAnythingStarts() async throws {
        let dir = temporaryDirectory()
        try Data("export BIG_CERT='\(String(repeating: "A", count: 200_000))'\n".utf8).write(to: URL(filePath: "\(dir)/big"))
        let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), ["--env-file", "\(dir)/big"])
        #expect(run.exitCode == 4)
        let result = try run.checkContract()
        #expect(result.errorCategory == .secretsUnavailable)
        #expect(result.error.hasPrefix("BIG_CERT (loaded from a secrets file) is"))
        let doctor = try await Nbrunner.raw(["doctor", "--python", Paths.python, "--env-file", "\(dir)/big"])
        #expect(doctor.exitCode == 4, "doctor agrees with the run: \(doctor.stdout.suffix(400))")
    }

    @Test func theNotebookKeepsValuesOnlyWhenAsked() async throws {
        let run = try await Nbrunner.run(Paths.notebook("secret-leak.ipynb"), ["--secrets-dir", try secretsDir(), "--no-redact-notebook"])
        #expect(run.exitCode == 1)
        #expect(run.leaks(Self.password) == ["notebook"])
    }

    @Test func aFileRenderedLateIsWaitedFor() async throws {
        let dir = temporaryDirectory()
        let late = "\(dir)/db"
        // The file appears once nbrunner says it waits for it (after the Python probe, which a
        // loaded machine can make slow), then nbrunner must notice it and go on.
        let body = Self.dbFile
        let finished = try await SignalledRun().run(
            Paths.notebook("sysexit0.ipynb"), ["--env-file", late, "--secrets-wait", "30s"],
            trigger: "secrets: waiting up to 30s for \(late)",
            action: {
                usleep(300_000)
                try Data(body.utf8).write(to: URL(filePath: late))
            })
        #expect(finished.exitCode == 0, "\(finished.stderr.suffix(3000))")
        #expect(finished.stderr.contains("secrets: waiting up to 30s for \(late)"))
        #expect(try finished.checkContract().secrets?.keys.contains("DB_PASSWORD") == true)
    }

    @Test func aMissingFileAfterTheWaitIsExitFour() async throws {
        let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), ["--env-file", "/nonexistent/db", "--secrets-wait", "1s"])
        #expect(run.exitCode == 4)
        #expect(try run.checkContract().errorCategory == .secretsUnavailable)
    }

    @Test func aMalformedFileIsExitFourWithPositionAndNoValue() async throws {
        let dir = temporaryDirectory()
        try Data("export DB_USER=\"reader\"\nexport DB_PASSWORD=\"hunter2-$(cat /etc/shadow)\"\n".utf8)
            .write(to: URL(filePath: "\(dir)/db"))
        let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), ["--env-file", "\(dir)/db"])
        #expect(run.exitCode == 4)
        let result = try run.checkContract()
        #expect(result.errorCategory == .secretsUnavailable)
        #expect(result.error.hasPrefix("\(dir)/db:2:29: "), "\(result.error)")
        for text in ["hunter2", "reader", "shadow"] { #expect(run.leaks(text).isEmpty, "\(text)") }
    }

    /// A secrets file may set HOME or TMPDIR: their values are secrets like any loaded value, so
    /// the environment locations the run and doctor report carry `***`, not the paths.
    @Test func locationsSetBySecretsAreMaskedInResultAndDoctor() async throws {
        let dir = temporaryDirectory()
        let home = "\(dir)/s3cr3t-home-value"  // missing: planned, then redirected
        let tmp = "\(dir)/s3cr3t-tmp-value"
        try FileManager.default.createDirectory(atPath: "\(dir)/vault", withIntermediateDirectories: true)
        try Data("export HOME=\"\(home)\"\nexport TMPDIR=\"\(tmp)\"\n".utf8).write(to: URL(filePath: "\(dir)/vault/env"))
        let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), ["--secrets-dir", "\(dir)/vault"])
        _ = try run.checkContract()
        for value in ["s3cr3t-home-value", "s3cr3t-tmp-value"] {
            #expect(run.leaks(value) == [], "\(value): \(run.leaks(value))")
        }
        for format in [[], ["--json"]] {
            let doctor = try await Nbrunner.raw(
                ["doctor", Paths.notebook("sysexit0.ipynb"), "--python", Paths.python, "--secrets-dir", "\(dir)/vault"] + format)
            for value in ["s3cr3t-home-value", "s3cr3t-tmp-value"] {
                #expect(!doctor.stdout.contains(value) && !doctor.stderr.contains(value), "doctor \(format): \(value)")
            }
        }
    }
}
