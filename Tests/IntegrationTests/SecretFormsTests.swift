import FoundationEssentials
import NotebookRunner
import Testing

/// Issue 15: the standard credential variables of every service in the credentials guide,
/// printed in every everyday form (print, repr, json.dumps, a dict, a DataFrame's text and HTML,
/// urlparse, an application/json display, an exception), leave no copy in the log, the result,
/// the termination message or the output notebook.
@Suite(.timeLimit(.minutes(3))) struct SecretFormsTests {
    static let hfToken = "hf_" + "Qm7TzR2pLx9VbN4cWe8YhJ3kD6fG1sA5uI0oPqZrXyTwLm2Nb7Vc5Xz"
    static let variables: KeyValuePairs<String, String> = [
        "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
        "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "AWS_SESSION_TOKEN": "FwoGZXIvYXdzEBYaDHqa0AP1Example2Session3Token",
        "AZURE_STORAGE_CONNECTION_STRING":
            "DefaultEndpointsProtocol=https;AccountName=nbstore;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net",
        "AZURE_CLIENT_SECRET": "azure-client-secret-Q8~x",
        "GOOGLE_API_KEY": "AIzaSyD-example-google-api-key-0123456",
        "DB_PASS": "pässwörd-Zx9&<pw>",
        "PGPASSWORD": "pg-password-4471",
        "DATABASE_URL": "postgresql://reader:Url-Pw-8841@db:5432/features",
        "MYSQL_PWD": "mysql-pwd-3390",
        "MONGODB_URI": "mongodb://app:Mongo-Pw-5521@mongo:27017/db",
        "REDIS_PASS": "redis-pass-1234",
        "REDIS_URL": "redis://:Redis-Url-Pw-77@redis:6379/0",
        "OPENAI_API_KEY": "sk-proj-ExampleOpenAIKey0123456789abcdef",
        "HF_TOKEN": SecretFormsTests.hfToken,
        "MLFLOW_TRACKING_PASSWORD": "mlflow-pw-9921",
        "SNOWFLAKE_PASSWORD": "snowflake-pw-6612",
        "DATABRICKS_TOKEN": "dapi0123456789abcdef0123456789abcdef",
        "SENTRY_DSN": "https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/42",
        "GITHUB_PAT": "github_pat_11ABCDEFG0123456789_abcdefghij",
        "AUTH": "Basic dXNlcjpwYXNzd29yZA==",
    ]
    /// What may not appear anywhere: each value, and the secret parts a notebook reaches.
    static var secrets: [String] {
        variables.map(\.value) + [
            "Url-Pw-8841", "Mongo-Pw-5521", "Redis-Url-Pw-77",
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
            "0123456789abcdef0123456789abcdef", String(hfToken.prefix(20)),
        ]
    }

    @Test func everyStandardVariableInEveryFormLeavesNoCopy() async throws {
        let names = Self.variables.map(\.key)
        let urls = ["DATABASE_URL", "MONGODB_URI", "REDIS_URL", "SENTRY_DSN"]
        let yaml = "names: [\(names.joined(separator: ", "))]\nurl_names: [\(urls.joined(separator: ", "))]"
        let run = try await Nbrunner.run(
            Paths.notebook("secret-forms.ipynb"), ["-y", yaml, "--secrets-dir", ""],
            environment: Dictionary(uniqueKeysWithValues: Self.variables.map { ($0.key, $0.value) }))
        #expect(run.exitCode == 1, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(result.failedCell?.ename == "ConnectionError")
        #expect(result.error.contains("login failed for ***"), "\(result.error)")
        let notebook = String(decoding: try Data(contentsOf: URL(filePath: run.outputPath)), as: UTF8.self)
        #expect(notebook.contains("text/html") && notebook.contains("application/json"), "the forms were produced")
        #expect(run.stderr.contains("DB_PASS ***"), "printed, masked")
        for secret in Self.secrets {
            for form in SecretForms.of(secret) {
                #expect(run.leaks(form) == [], "\(secret.prefix(6))… as \(form.prefix(8))…: found in \(run.leaks(form))")
            }
        }
        #expect(try result.secrets?.redactedVariables.count ?? 0 >= names.count)
    }
}

/// `--secret-env` and `--secret-file`: secrets the name rule cannot know.
@Suite(.timeLimit(.minutes(3))) struct ExplicitSecretTests {
    static let serviceAccount =
        #"{"type": "service_account", "project_id": "demo-project-7", "private_key_id": "0123456789abcdef0123456789abcdef01234567", "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7example\nZmFrZSBrZXkgZm9yIG5icnVubmVyIHRlc3RzIG9ubHk=\n-----END PRIVATE KEY-----\n", "client_email": "nb@demo-project-7.iam.gserviceaccount.com"}"#

    @Test func secretEnvAndSecretFileAreMasked() async throws {
        let dir = temporaryDirectory()
        try Data(Self.serviceAccount.utf8).write(to: URL(filePath: "\(dir)/key.json"))
        let yaml = "names: [PLAIN_SETTING, OTHER]\nfiles: [\(dir)/key.json]"
        let env = ["PLAIN_SETTING": "plain-but-secret-771", "OTHER": "other-secret-value-5"]
        let secrets = [
            "plain-but-secret-771", "other-secret-value-5", "0123456789abcdef0123456789abcdef01234567",
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7example", "ZmFrZSBrZXkgZm9yIG5icnVubmVyIHRlc3RzIG9ubHk=",
        ]
        // Without the options the names say nothing: the values leak (the control).
        let before = try await Nbrunner.run(Paths.notebook("secret-forms.ipynb"), ["-y", yaml, "--secrets-dir", ""], environment: env)
        #expect(before.exitCode == 1, "\(before.stderr.suffix(2000))")
        #expect(!before.leaks("plain-but-secret-771").isEmpty && !before.leaks(secrets[2]).isEmpty)
        let run = try await Nbrunner.run(
            Paths.notebook("secret-forms.ipynb"),
            ["-y", yaml, "--secrets-dir", "", "--secret-file", "\(dir)/key.json", "--secret-env", "OTHER"],
            // The controller's names stay: --secret-env adds to NBRUNNER_SECRET_ENV.
            environment: env.merging(["NBRUNNER_SECRET_ENV": "PLAIN_SETTING,\nNOT_SET"]) { $1 })
        #expect(run.exitCode == 1, "\(run.stderr.suffix(2000))")
        let result = try run.checkContract()
        #expect(result.secrets?.redactedVariables.contains("PLAIN_SETTING") == true)
        #expect(result.secrets?.redactedVariables.contains("OTHER") == true)
        #expect(result.secrets?.maskedFiles == ["\(dir)/key.json"])
        #expect(run.stderr.contains("secrets: masking the content of \(dir)/key.json (--secret-file)"))
        for secret in secrets { #expect(run.leaks(secret) == [], "\(secret.prefix(8))…: \(run.leaks(secret))") }
        let doctor = try await Nbrunner.raw(
            [
                "doctor", "--python", Paths.python, "--secret-env", "PLAIN_SETTING",
                "--secret-file", "\(dir)/key.json", "--secret-file", "\(dir)/missing.json",
            ], environment: env)
        #expect(doctor.stdout.contains("masked in a run: ") && doctor.stdout.contains("PLAIN_SETTING"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("!! --secret-file \(dir)/missing.json: not found (a run exits 4)"))
        #expect(doctor.exitCode == 4)
        for secret in secrets { #expect(!(doctor.stdout + doctor.stderr).contains(secret)) }
    }
}
