import FoundationEssentials
import NotebookRunner
import Testing

/// The credentials guide's notebooks (docs/examples) against real services started by
/// scripts/services.sh (PostgreSQL with a read-only role, an S3-compatible moto server), with
/// credentials injected each supported way, and nothing leaked.
@Suite(.enabled(if: Services.available, "scripts/services.sh not started (scripts/test.sh starts it)"), .timeLimit(.minutes(3)))
struct ScenarioTests {
    static let awsKey = "AKIAEXAMPLESCENARIO1"
    static let awsSecret = #"wJalrXUt/K7MDENG+bPxRfi$Y "q" #x"#

    static func example(_ name: String) -> String { "\(Paths.root)/docs/examples/\(name)" }

    /// The Vault template's rendering of the database credentials (`$` and `"` escaped).
    func dbFile(password: String = Services.pgPassword) -> String {
        SecretsFolder.exportLines([
            "DB_HOST": "127.0.0.1", "DB_PORT": Services.pgPort, "DB_NAME": "features", "DB_USER": "reader",
            "DB_PASSWORD": password, "DB_SSL_MODE": "disable",
        ])
    }

    /// The injector's json template for KV v2.
    var awsFile: String { SecretsFolder.kv2JSON(["AWS_ACCESS_KEY_ID": Self.awsKey, "AWS_SECRET_ACCESS_KEY": Self.awsSecret]) }

    func secretsDir(_ files: [String: String]) throws -> String { try SecretsFolder.make(files) }

    /// Zero copies of either secret. `printed`: the variables the debugging cell showed, masked.
    func noLeaks(_ run: Finished, printed: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        for name in printed {
            #expect(run.stderr.contains("\n\(name) ***\n"), "the debugging cell printed \(name), masked", sourceLocation: sourceLocation)
        }
        for secret in [Services.pgPassword, Self.awsSecret] {
            #expect(run.leaks(secret) == [], "\(secret.prefix(4))… found", sourceLocation: sourceLocation)
        }
    }

    /// Runs an example with SeedServiceTests' debugging cell appended (every credential printed
    /// the ways libraries print them), without the tests' `NBRUNNER_TEST_*_PASSWORD` variables
    /// (masked by their names, they would hide a credential the run failed to mask).
    func run(_ example: String, _ extra: [String] = [], environment: [String: String] = [:]) async throws -> Finished {
        let notebook = try await SeedServiceTests.debugging(example)
        return try await Nbrunner.run(notebook, extra, environment: Services.runEnvironment.merging(environment) { $1 }, replaceEnvironment: true)
    }

    @Test func postgresWithPlainEnvironment() async throws {  // env / envFrom / External Secrets
        let run = try await run(
            "postgres-features.ipynb",
            environment: [
                "DB_HOST": "127.0.0.1", "DB_PORT": Services.pgPort, "DB_NAME": "features", "DB_USER": "reader",
                "DB_PASSWORD": Services.pgPassword, "DB_SSL_MODE": "disable",
            ])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        #expect(try run.checkContract().secrets?.redactedVariables.contains("DB_PASSWORD") == true)
        #expect(run.stderr.contains("3 feature rows"))
        noLeaks(run, printed: ["DB_PASSWORD"])
    }

    @Test func postgresWithAVaultRenderedFile() async throws {
        let dir = try secretsDir(["db": dbFile()])
        let run = try await run("postgres-features.ipynb", ["--secrets-dir", dir])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let secrets = try #require(try run.checkContract().secrets)
        #expect(secrets.files.map(\.path) == ["\(dir)/db"])
        #expect(secrets.keys == ["DB_HOST", "DB_NAME", "DB_PASSWORD", "DB_PORT", "DB_SSL_MODE", "DB_USER"])
        noLeaks(run, printed: ["DB_PASSWORD"])
    }

    @Test func s3WithAKVv2JSONFile() async throws {
        let dir = try secretsDir(["aws": awsFile])
        let run = try await run(
            "s3-pipeline.ipynb", ["--secrets-dir", dir],
            environment: ["S3_ENDPOINT_URL": Services.s3Endpoint])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        #expect(try run.checkContract().secrets?.keys == ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"])
        #expect(run.stderr.contains("4 rows from s3://training-data/input/train.csv"))
        noLeaks(run, printed: ["AWS_SECRET_ACCESS_KEY"])
    }

    /// OpenShift: random UID, GID 0, no passwd entry, an unwritable HOME, Vault files.
    @Test(.enabled(if: RandomUID.available, "needs root to switch UID"))
    func bothServicesAsARandomUID() async throws {
        let dir = try secretsDir(["db": dbFile(), "aws": awsFile])
        let uid = try RandomUID(notebook: Self.example("multi-service.ipynb"))
        let run = try await uid.run(
            ["--secrets-dir", dir],
            environment: [
                "HOME": "/root", "S3_ENDPOINT_URL": Services.s3Endpoint, "NBRUNNER_SCRATCH": RandomUID.writableFolder(),
            ])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(result.environment?.location("HOME")?.decision == .redirected)
        #expect(result.secrets?.files.count == 2)
        #expect(run.stderr.contains("scored 4 rows with 3 feature weights"))
        noLeaks(run)
    }

    @Test func aMissingCredentialIsTheNotebooksKeyError() async throws {
        let dir = temporaryDirectory()
        // A clean environment: the machine running the tests may have AWS variables of its own.
        let run = try await Nbrunner.raw(
            [
                "run", Self.example("s3-pipeline.ipynb"), "--secrets-dir", "", "--python", Paths.python,
                "--output", "\(dir)/output.ipynb", "--result", "\(dir)/result.json", "--termination-log", "\(dir)/termination-log",
            ],
            environment: ["PATH": "/usr/bin:/bin", "HOME": dir, "S3_ENDPOINT_URL": Services.s3Endpoint],
            replaceEnvironment: true, directory: dir)
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.errorCategory == .notebookExecutionFailed)
        #expect(result.failedCell?.ename == "KeyError")
        #expect(result.failedCell?.evalue?.contains("AWS_ACCESS_KEY_ID") == true)
    }

    @Test func aWrongPasswordIsTheDriversErrorRedacted() async throws {
        let wrong = #"not-the-$pw "x" #2"#
        let dir = try secretsDir(["db": dbFile(password: wrong)])
        let run = try await Nbrunner.run(Self.example("postgres-features.ipynb"), ["--secrets-dir", dir])
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.failedCell?.ename == "OperationalError")
        #expect(result.error.contains("password authentication failed"))
        #expect(run.leaks(wrong) == [])
        noLeaks(run)
    }
}
