import FoundationEssentials
import Testing
import NotebookRunner

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

    /// Every place a value could leak, in every form it could take there.
    func leaks(_ run: Finished, _ secret: String) -> [String] {
        let escaped = secret.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        var places = ["stdout": run.stdout, "stderr": run.stderr]
        for (name, path) in [("result", run.resultPath), ("termination", run.terminationPath), ("notebook", run.outputPath)] {
            places[name] = (try? Data(contentsOf: URL(filePath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        return places.compactMap { name, text in text.contains(secret) || text.contains(escaped) ? name : nil }
    }

    @Test func variablesArriveFromEnvAndKVv2Files() async throws {
        let dir = try secretsDir()
        let digests = try await Nbrunner.python(#"""
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
        #expect(leaks(run, Self.password).isEmpty)
        #expect(leaks(run, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY").isEmpty)
    }

    @Test func aNotebookThatLeaksEverywhereLeaksNowhere() async throws {
        let run = try await Nbrunner.run(Paths.notebook("secret-leak.ipynb"), ["--secrets-dir", try secretsDir()])
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.failedCell?.ename == "ConnectionError")
        #expect(result.error.contains("postgresql://reader:***@db:5432/features refused"))
        #expect(leaks(run, Self.password) == [], "found in \(leaks(run, Self.password))")
        #expect(run.stderr.contains("connecting with ***"))
    }

    @Test func theNotebookKeepsValuesOnlyWhenAsked() async throws {
        let run = try await Nbrunner.run(Paths.notebook("secret-leak.ipynb"), ["--secrets-dir", try secretsDir(), "--no-redact-notebook"])
        #expect(run.exitCode == 1)
        #expect(leaks(run, Self.password) == ["notebook"])
    }

    @Test func aFileRenderedLateIsWaitedFor() async throws {
        let dir = temporaryDirectory()
        let late = "\(dir)/db"
        async let run = Nbrunner.run(Paths.notebook("sysexit0.ipynb"), ["--env-file", late, "--secrets-wait", "5s"])
        try await Task.sleep(for: .seconds(1))
        try Data(Self.dbFile.utf8).write(to: URL(filePath: late))
        let finished = try await run
        #expect(finished.exitCode == 0, "\(finished.stderr.suffix(3000))")
        #expect(finished.stderr.contains("secrets: waiting up to 5s for \(late)"))
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
        for text in ["hunter2", "reader", "shadow"] { #expect(leaks(run, text).isEmpty, "\(text)") }
    }
}
