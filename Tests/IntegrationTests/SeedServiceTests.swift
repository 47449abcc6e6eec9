import FoundationEssentials
import NotebookRunner
import Testing

/// The credentials guide's other services (docs/examples) against the real servers
/// scripts/services.sh starts: MariaDB with the guide's mysql.connector code, Redis, an MLflow
/// tracking server with basic auth, and the guide's S3 + PostgreSQL + MLflow pipeline. Each with
/// plain environment variables (env, envFrom, External Secrets) and with a Vault-rendered file;
/// no credential, in any form the redactor masks, in any artifact; a wrong password is the
/// service's own error, redacted.
@Suite(
    .enabled(if: Services.seedDatabasesAvailable, "MariaDB, Redis and MLflow not started by scripts/services.sh (scripts/test.sh starts them)"),
    .timeLimit(.minutes(3)))
struct SeedServiceTests {
    static let awsKey = "AKIAEXAMPLESEEDSVC01"
    static let awsSecret = #"seedSvc/K7MDENG+bPxR$Y "q" #x"#
    static let mlflowUser = "mlflow-user"
    static let wrong = #"not-the-$pw "x" #9"#

    static func example(_ name: String) -> String { "\(Paths.root)/docs/examples/\(name)" }

    /// A cell a user might add while debugging, after the example's own cells: every credential
    /// the notebook has, printed the ways libraries print them (a dict's repr, json.dumps with and
    /// without ensure_ascii, a DataFrame's text and HTML, an application/json display, one per
    /// line). Without it the notebooks never show a credential, and the leak checks could not fail.
    static let debuggingCell = """
        import json, os
        import pandas as pd
        from IPython.display import JSON, display
        config = {k: v for k, v in sorted(os.environ.items()) if k.split('_')[0] in ('AWS', 'DB', 'REDIS', 'MLFLOW')}
        print(config)
        print(json.dumps(config))
        print(json.dumps(config, ensure_ascii=False))
        display(pd.DataFrame([config]))
        display(JSON(config))
        for name, value in config.items():
            print(name, value)
        """

    /// The example with `debuggingCell` appended, in a fresh folder.
    static func debugging(_ name: String) async throws -> String {
        let path = "\(temporaryDirectory())/\(name)"
        _ = try await Nbrunner.python(
            """
            import nbformat, os
            nb = nbformat.read(os.environ['SOURCE'], as_version=4)
            cell = nbformat.v4.new_code_cell(os.environ['CELL'])
            cell['id'] = 'debugging'
            nb.cells.append(cell)
            nbformat.write(nb, os.environ['TARGET'])
            """, environment: ["SOURCE": example(name), "TARGET": path, "CELL": debuggingCell])
        #expect(FileManager.default.fileExists(atPath: path), "\(path) written")
        return path
    }

    /// Runs an example (with `debuggingCell` unless `debugging` is false) with a JUnit report
    /// too, so that every artifact can be searched.
    func run(
        _ example: String, debugging: Bool = true, secrets files: [String: String]? = nil, environment: [String: String]
    ) async throws -> (Finished, String) {
        let junit = "\(temporaryDirectory())/junit.xml"
        var extra = ["--junit", junit]
        extra += ["--secrets-dir", try files.map { try SecretsFolder.make($0) } ?? ""]
        let notebook = debugging ? try await Self.debugging(example) : Self.example(example)
        // MLflow's client sends usage telemetry to MLflow's servers unless told not to; with no
        // route out, its telemetry thread once failed a run (`log-parameter failed with exception
        // '_MLFLOW_TELEMETRY_SESSION_ID'`). A pod should set this too (docs/examples/README.md).
        let settings = ["MLFLOW_DISABLE_TELEMETRY": "true"].merging(environment) { $1 }
        let run = try await Nbrunner.run(
            notebook, extra, environment: Services.runEnvironment.merging(settings) { $1 }, replaceEnvironment: true)
        return (run, junit)
    }

    /// Zero copies of each secret, in each form the redactor masks, in the log, the result, the
    /// `Results Summary:` block, the termination message, the output notebook and the JUnit report.
    /// `printed`: the variables the debugging cell must have shown, masked.
    func expectNoCopies(
        _ run: Finished, junit: String, of secrets: [String], printed: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for name in printed {
            #expect(run.stderr.contains("\n\(name) ***\n"), "the debugging cell printed \(name), masked", sourceLocation: sourceLocation)
        }
        let report = (try? Data(contentsOf: URL(filePath: junit))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(!report.isEmpty, "the JUnit report was written", sourceLocation: sourceLocation)
        for secret in secrets {
            #expect(!secret.isEmpty, sourceLocation: sourceLocation)
            for form in SecretForms.of(secret) {
                let escaped = form.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
                var places = run.leaks(form)
                if report.contains(form) || report.contains(escaped) { places.append("junit") }
                #expect(places == [], "\(secret.prefix(4))… as \(form.prefix(6))…: found in \(places)", sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: MariaDB (the guide's "MySQL" code)

    var mariadbSettings: [String: String] { ["DB_HOST": "127.0.0.1", "DB_PORT": Services.mysqlPort, "DB_NAME": "features"] }

    @Test func mariadbWithPlainEnvironment() async throws {
        let (run, junit) = try await run(
            "mariadb-features.ipynb",
            environment: mariadbSettings.merging(["DB_USER": "reader", "DB_PASSWORD": Services.mysqlPassword]) { $1 })
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        #expect(try run.checkContract().secrets?.redactedVariables.contains("DB_PASSWORD") == true)
        #expect(run.stderr.contains("3 feature rows") && run.stderr.contains("mean value 0.5"))
        expectNoCopies(run, junit: junit, of: [Services.mysqlPassword], printed: ["DB_PASSWORD"])
    }

    /// The user and password from Vault, the rest from a ConfigMap (docs/examples/README.md).
    @Test func mariadbWithAVaultRenderedFile() async throws {
        let (run, junit) = try await run(
            "mariadb-features.ipynb",
            secrets: ["mysql": SecretsFolder.exportLines(["DB_USER": "reader", "DB_PASSWORD": Services.mysqlPassword])],
            environment: mariadbSettings)
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        #expect(try run.checkContract().secrets?.keys == ["DB_PASSWORD", "DB_USER"])
        #expect(run.stderr.contains("3 feature rows"))
        expectNoCopies(run, junit: junit, of: [Services.mysqlPassword], printed: ["DB_PASSWORD"])
    }

    @Test func aWrongMariaDBPasswordIsTheServersAccessDenied() async throws {
        let (run, junit) = try await run(
            "mariadb-features.ipynb", debugging: false,
            secrets: ["mysql": SecretsFolder.exportLines(["DB_USER": "reader", "DB_PASSWORD": Self.wrong])],
            environment: mariadbSettings)
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.errorCategory == .notebookExecutionFailed)
        #expect(result.failedCell?.ename == "ProgrammingError")
        #expect(result.error.contains("1045 (28000): Access denied for user '***'@'127.0.0.1' (using password: YES)"), "\(result.error)")
        expectNoCopies(run, junit: junit, of: [Self.wrong, Services.mysqlPassword])
    }

    // MARK: Redis

    @Test func redisWithPlainEnvironment() async throws {
        let (run, junit) = try await run(
            "redis-cache.ipynb",
            environment: ["REDIS_HOST": "127.0.0.1", "REDIS_PORT": Services.redisPort, "REDIS_PASSWORD": Services.redisPassword])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        #expect(try run.checkContract().secrets?.redactedVariables.contains("REDIS_PASSWORD") == true)
        #expect(run.stderr.contains("3 feature weights, model version 3") && run.stderr.contains("cached mean weight 0.5"))
        expectNoCopies(run, junit: junit, of: [Services.redisPassword], printed: ["REDIS_PASSWORD"])
    }

    @Test func redisWithAKVv2JSONFile() async throws {
        let (run, junit) = try await run(
            "redis-cache.ipynb", secrets: ["redis": SecretsFolder.kv2JSON(["REDIS_PASSWORD": Services.redisPassword])],
            environment: ["REDIS_HOST": "127.0.0.1", "REDIS_PORT": Services.redisPort])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        #expect(try run.checkContract().secrets?.keys == ["REDIS_PASSWORD"])
        #expect(run.stderr.contains("cached mean weight 0.5"))
        expectNoCopies(run, junit: junit, of: [Services.redisPassword], printed: ["REDIS_PASSWORD"])
    }

    @Test func aWrongRedisPasswordIsTheServersAuthenticationError() async throws {
        let (run, junit) = try await run(
            "redis-cache.ipynb", debugging: false, secrets: ["redis": SecretsFolder.kv2JSON(["REDIS_PASSWORD": Self.wrong])],
            environment: ["REDIS_HOST": "127.0.0.1", "REDIS_PORT": Services.redisPort])
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.errorCategory == .notebookExecutionFailed)
        #expect(result.failedCell?.ename == "AuthenticationError")
        #expect(result.error.contains("invalid username-password pair"), "\(result.error)")
        expectNoCopies(run, junit: junit, of: [Self.wrong, Services.redisPassword])
    }

    // MARK: MLflow with basic auth

    @Test func mlflowWithPlainEnvironment() async throws {
        let (run, junit) = try await run(
            "mlflow-tracking.ipynb",
            environment: [
                "MLFLOW_TRACKING_URI": Services.mlflowURI, "MLFLOW_TRACKING_USERNAME": Self.mlflowUser,
                "MLFLOW_TRACKING_PASSWORD": Services.mlflowPassword,
            ])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        #expect(try run.checkContract().secrets?.redactedVariables.contains("MLFLOW_TRACKING_PASSWORD") == true)
        #expect(run.stderr.contains("in my-experiment: accuracy 0.95, artifacts ['model/config.yaml']"))
        expectNoCopies(run, junit: junit, of: [Services.mlflowPassword], printed: ["MLFLOW_TRACKING_PASSWORD"])
    }

    /// The guide's `mlflow-credentials` Secret (username and password) rendered by Vault, the
    /// tracking URI from a ConfigMap.
    @Test func mlflowWithAVaultRenderedFile() async throws {
        let file = SecretsFolder.exportLines(["MLFLOW_TRACKING_USERNAME": Self.mlflowUser, "MLFLOW_TRACKING_PASSWORD": Services.mlflowPassword])
        let (run, junit) = try await run(
            "mlflow-tracking.ipynb", secrets: ["mlflow": file], environment: ["MLFLOW_TRACKING_URI": Services.mlflowURI])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        #expect(try run.checkContract().secrets?.keys == ["MLFLOW_TRACKING_PASSWORD", "MLFLOW_TRACKING_USERNAME"])
        #expect(run.stderr.contains("accuracy 0.95, artifacts ['model/config.yaml']"))
        expectNoCopies(
            run, junit: junit, of: [Services.mlflowPassword, Self.mlflowUser], printed: ["MLFLOW_TRACKING_PASSWORD", "MLFLOW_TRACKING_USERNAME"])
    }

    @Test func aWrongMLflowPasswordIsTheServers401() async throws {
        let (run, junit) = try await run(
            "mlflow-tracking.ipynb", debugging: false,
            environment: [
                "MLFLOW_TRACKING_URI": Services.mlflowURI, "MLFLOW_TRACKING_USERNAME": Self.mlflowUser,
                "MLFLOW_TRACKING_PASSWORD": Self.wrong,
            ])
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.errorCategory == .notebookExecutionFailed)
        #expect(result.failedCell?.ename == "MlflowException")
        #expect(result.error.contains("failed with error code 401 != 200"), "\(result.error)")
        #expect(result.error.contains("You are not authenticated"), "\(result.error)")
        expectNoCopies(run, junit: junit, of: [Self.wrong, Services.mlflowPassword])
    }

    // MARK: The guide's multi-service pipeline: S3 + PostgreSQL + MLflow

    var pipelineSecrets: [String: String] {
        [
            "AWS_ACCESS_KEY_ID": Self.awsKey, "AWS_SECRET_ACCESS_KEY": Self.awsSecret,
            "DB_USER": "reader", "DB_PASSWORD": Services.pgPassword,
            "MLFLOW_TRACKING_USERNAME": Self.mlflowUser, "MLFLOW_TRACKING_PASSWORD": Services.mlflowPassword,
        ]
    }
    var pipelineSettings: [String: String] {
        [
            "S3_ENDPOINT_URL": Services.s3Endpoint, "DB_HOST": "127.0.0.1", "DB_PORT": Services.pgPort, "DB_NAME": "features",
            "DB_SSL_MODE": "disable", "MLFLOW_TRACKING_URI": Services.mlflowURI,
        ]
    }
    static let pipelineLine = "accuracy 1.0; scored rows in s3://training-data/models/scored.csv"

    @Test func pipelineWithPlainEnvironment() async throws {
        let (run, junit) = try await run("ml-pipeline.ipynb", environment: pipelineSettings.merging(pipelineSecrets) { $1 })
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let redacted = try #require(try run.checkContract().secrets?.redactedVariables)
        #expect(["AWS_SECRET_ACCESS_KEY", "DB_PASSWORD", "MLFLOW_TRACKING_PASSWORD"].allSatisfy(redacted.contains), "\(redacted)")
        #expect(run.stderr.contains("4 training rows, 3 feature weights") && run.stderr.contains(Self.pipelineLine))
        expectNoCopies(
            run, junit: junit, of: [Self.awsSecret, Services.pgPassword, Services.mlflowPassword],
            printed: ["AWS_SECRET_ACCESS_KEY", "DB_PASSWORD", "MLFLOW_TRACKING_PASSWORD"])
    }

    /// One Vault file per service, each in a form the injector's templates render.
    @Test func pipelineWithVaultFiles() async throws {
        let (run, junit) = try await run(
            "ml-pipeline.ipynb",
            secrets: [
                "aws": SecretsFolder.kv2JSON(["AWS_ACCESS_KEY_ID": Self.awsKey, "AWS_SECRET_ACCESS_KEY": Self.awsSecret]),
                "db": SecretsFolder.exportLines(["DB_USER": "reader", "DB_PASSWORD": Services.pgPassword]),
                "mlflow": SecretsFolder.exportLines([
                    "MLFLOW_TRACKING_USERNAME": Self.mlflowUser, "MLFLOW_TRACKING_PASSWORD": Services.mlflowPassword,
                ]),
            ],
            environment: pipelineSettings)
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let secrets = try #require(try run.checkContract().secrets)
        #expect(secrets.files.count == 3)
        #expect(Set(secrets.keys) == Set(pipelineSecrets.keys))
        #expect(run.stderr.contains(Self.pipelineLine))
        expectNoCopies(
            run, junit: junit, of: [Self.awsKey, Self.awsSecret, Services.pgPassword, Services.mlflowPassword, Self.mlflowUser],
            printed: pipelineSecrets.keys.sorted())
    }
}
