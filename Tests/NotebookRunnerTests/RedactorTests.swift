import Testing

@testable import NotebookRunner

@Suite struct RedactorTests {
    @Test func replacesEveryOccurrenceLongestFirst() {
        let r = Redactor(values: ["s3cr3t", "s3cr3t-extended", "ab"])
        #expect(r.redact("a s3cr3t-extended b s3cr3t c ab") == "a *** b *** c ab", "short values stay")
    }

    /// A text clipped before it was redacted can end inside a secret.
    @Test func aClippedTextEndingInsideASecretIsMasked() {
        let r = Redactor(values: ["hunter2-secret"])
        let clipped = TextClip.clip("password is hunter2-secret", maxBytes: 20)
        #expect(clipped == "password is hunte…")
        #expect(r.redact(clipped) == "password is ***…")
        #expect(r.redact("the hun…") == "the ***…", "three bytes of a secret are masked")
        #expect(r.redact("the hu…") == "the hu…", "two are not")
        #expect(r.redact("password is hunte") == "password is hunte", "only a clipped text")
    }

    @Test func multiLineValuesLineByLine() {
        let pem = "-----BEGIN KEY-----\nMIIBAAKCAQ\n-----END KEY-----"
        let r = Redactor(values: [pem])
        #expect(r.redact("key:\nMIIBAAKCAQ\n") == "key:\n***\n")
        #expect(!r.redact(pem).contains("MIIBAAKCAQ"))
    }

    @Test func jsonFormNeverBreaksAnEscape() throws {
        let r = Redactor(values: ["p\"w\\x\nz", "nabc1"])
        let json = Array(#"{"a": "p\"w\\x\nz", "b": "\nabc1 and nabc1"}"#.utf8)
        let out = String(decoding: r.redactJSON(json), as: UTF8.self)
        #expect(out == #"{"a": "***", "b": "\nabc1 and ***"}"#)
        #expect(JSONSyntaxError.find(in: Array(out.utf8)) == nil)
    }

    @Test func notebookStructureIsNeverTouched() throws {
        let r = Redactor(values: ["code", "false", "outputs", "stdout", "hunter22"])
        let nb = #"{"cells": [{"cell_type": "code", "outputs": [{"name": "stdout", "text": ["code hunter22 false"]}], "trusted": false}], "code": 1}"#
        let out = String(decoding: r.redactJSON(Array(nb.utf8)), as: UTF8.self)
        #expect(
            out == #"{"cells": [{"cell_type": "code", "outputs": [{"name": "stdout", "text": ["*** *** false"]}], "trusted": false}], "***": 1}"#,
            "nbformat's keys and enumerated values stay; any other key is checked")
        #expect(JSONSyntaxError.find(in: Array(out.utf8)) == nil)
        #expect(Redactor(values: ["false", "True", "null"]).isEmpty, "boolean-like values are not secrets")
    }

    @Test func jsonDumpsOfTheValueInTheLog() {
        let r = Redactor(values: [#"p"w\x"#])
        #expect(r.redact(#"{"password": "p\"w\\x"}"#) == #"{"password": "***"}"#)
    }

    @Test func pythonReprForm() {
        let value = #"it's "both" \ here"#
        let r = Redactor(values: [value])
        #expect(r.redact(#"print: 'it\'s "both" \\ here'"#) == "print: '***'")
    }

    @Test func secretLookingNames() {
        for name in ["DB_PASSWORD", "AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "MY_API_KEY", "SSH_PRIVATE_KEY", "Aws_Credentials"] {
            #expect(Redactor.looksSecret(name), "\(name)")
        }
        for name in ["DB_HOST", "PATH", "KEYBOARD", "TOKENIZERS_PARALLELISM"] {
            #expect(!Redactor.looksSecret(name), "\(name)")
        }
    }

    @Test func redactedResultKeepsTheTerminationMessageValidAndInBudget() throws {
        let secret = String(repeating: "\"\\é", count: 400)
        var result = ResultAssembler.assemble(
            category: .notebookExecutionFailed, message: "failed: \(secret)", cells: [],
            failedCell:
                .init(cellIndex: 1, executionCount: 1, ename: "E", evalue: secret + secret),
            configuration: nil, notebookPath: "/n", record: RunRecord(), timing: .init(started: .now, finished: .now))
        result = result.redacted(by: Redactor(values: [secret]))
        #expect(!result.error.contains(secret))
        let bytes = TerminationMessage.render(result, budget: 256)
        #expect(bytes.count <= 256)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("\\\"\\\\é"))
        _ = try JSONValue.parse(bytes)
    }
}

/// The derived forms of issue 15 and the one-pass matcher.
@Suite struct RedactorFormsTests {
    @Test func overlappingSecretsAreMaskedAsOneAndNothingShows() {
        let r = Redactor(values: ["abcd1234", "1234efgh"])
        #expect(r.redact("x abcd1234efgh y") == "x *** y")
        #expect(r.redact("abcd1234abcd1234") == "******")
    }

    @Test func htmlEscapedForm() {
        let r = Redactor(values: ["hunter2-Zx9&<pw>\"'"])
        #expect(r.redact("<td>hunter2-Zx9&amp;&lt;pw&gt;\"'</td>") == "<td>***</td>", "pandas' to_html")
        #expect(r.redact("<td>hunter2-Zx9&amp;&lt;pw&gt;&quot;&#x27;</td>") == "<td>***</td>", "html.escape")
    }

    @Test func asciiEscapedJSONForm() {
        let r = Redactor(values: ["pässwörd-😀"])
        #expect(r.redact(#"{"pw": "p\u00e4ssw\u00f6rd-\ud83d\ude00"}"#) == #"{"pw": "***"}"#)
        let notebook = Array(#"{"text": ["{\"pw\": \"p\\u00e4ssw\\u00f6rd-\\ud83d\\ude00\"}"]}"#.utf8)
        #expect(String(decoding: r.redactJSON(notebook), as: UTF8.self) == #"{"text": ["{\"pw\": \"***\"}"]}"#)
    }

    @Test func serviceAccountKeyLeaves() {
        let key =
            #"{"type": "service_account", "project_id": "demo-project-7", "private_key_id": "0123456789abcdef0123", "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n", "client_email": "nb@demo-project-7.iam.gserviceaccount.com", "token_uri": "https://oauth2.googleapis.com/token"}"#
        let r = Redactor(values: [key])
        #expect(r.redact("id 0123456789abcdef0123") == "id ***")
        #expect(r.redact("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC") == "***")
        #expect(r.redact("who: nb@demo-project-7.iam.gserviceaccount.com") == "who: ***")
        #expect(r.redact("to https://oauth2.googleapis.com/token") == "to https://oauth2.googleapis.com/token", "public endpoints stay")
        #expect(r.redact("kind service_account") == "kind service_account")
    }

    @Test func urlPasswordAndToken() {
        let r = Redactor(values: ["postgresql://reader:S3cr%40t-pw@db:5432/features", "https://ghp_abcdefghijklmnop1234@github.com/org/repo.git"])
        #expect(r.redact("password S3cr@t-pw and S3cr%40t-pw") == "password *** and ***")
        #expect(r.redact("token ghp_abcdefghijklmnop1234") == "token ***")
    }

    @Test func connectionStringValues() {
        let r = Redactor(values: [
            "DefaultEndpointsProtocol=https;AccountName=nbstore;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net",
            "Server=db;Database=x;User Id=sa;Password=Tr0ub4dor&3;",
        ])
        #expect(r.redact("key Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==") == "key ***")
        #expect(r.redact("pw Tr0ub4dor&3") == "pw ***")
        #expect(r.redact("account nbstore") == "account nbstore")
    }

    @Test func truncatedPrefixBeforeAnEllipsis() {
        let token = "hf_" + String(repeating: "aB3dE5gH7jK9", count: 5)
        let r = Redactor(values: [token])
        #expect(r.redact("token  \(token.prefix(47))...") == "token  ***...", "pandas' max_colwidth")
        #expect(r.redact("t=\(token.prefix(12))… more") == "t=***… more")
        #expect(r.redact("t=\(token.prefix(11))...") == "t=\(token.prefix(11))...", "under 12 bytes: too little to say")
        let notebook = Array(#"{"text": ["0    \#(token.prefix(47))...\n"]}"#.utf8)
        #expect(String(decoding: r.redactJSON(notebook), as: UTF8.self) == #"{"text": ["0    ***...\n"]}"#)
    }

    @Test func everyKeyAndNumberOfTheNotebookIsChecked() throws {
        let r = Redactor(values: ["hunter22", "20260417", "s3cr3t-id"])
        let nb =
            #"{"cells": [{"cell_type": "code", "id": "s3cr3t-id", "metadata": {"papermill": {"parameters": {"name": "hunter22", "pin": 20260417}}}, "outputs": [{"output_type": "display_data", "data": {"application/json": {"hunter22": {"status": "hunter22", "language": "hunter22"}}, "text/plain": ["x"]}}]}]}"#
        let out = String(decoding: r.redactJSON(Array(nb.utf8)), as: UTF8.self)
        #expect(
            out
                == #"{"cells": [{"cell_type": "code", "id": "***", "metadata": {"papermill": {"parameters": {"name": "***", "pin": "***"}}}, "outputs": [{"output_type": "display_data", "data": {"application/json": {"***": {"status": "***", "language": "***"}}, "text/plain": ["x"]}}]}]}"#
        )
        #expect(JSONSyntaxError.find(in: Array(out.utf8)) == nil)
    }

    @Test func neverStartsInsideAUnicodeEscape() {
        let r = Redactor(values: ["00e9abcd"])
        let json = Array(#"{"a": "caf\u00e9abcd 00e9abcd"}"#.utf8)
        #expect(String(decoding: r.redactJSON(json), as: UTF8.self) == #"{"a": "caf\u00e9abcd ***"}"#)
    }

    /// One pass: a 2,000-line bundle costs about what one secret costs per byte of text.
    @Test func costPerByteDoesNotGrowWithTheSecrets() {
        var bundle = ""
        var seed: UInt64 = 42
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        for _ in 0..<1944 {
            var line = ""
            for _ in 0..<64 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                line.append(alphabet[Int(seed >> 58)])
            }
            bundle += line + "\n"
        }
        let many = Redactor(values: ["-----BEGIN CERTIFICATE-----\n" + bundle + "-----END CERTIFICATE-----"])
        let one = Redactor(values: ["wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"])
        let lines = (0..<20_000).map { Array("2026-12-03T18:00:00.000Z line \($0) of ordinary output: Abc+def/GHI 0123\n".utf8) }
        // This thread's CPU time, the best of three: a loaded machine (tests run in parallel)
        // preempts the thread but does not charge it for others' work. The benchmark
        // (scripts/benchmark.py) measures the real figure; this only catches a cost that grows
        // with the patterns (a loop over them would be hundreds of times slower).
        func time(_ r: Redactor) -> Double {
            (0..<3).map { _ in
                let start = GoldenComparisonTests.threadCPUSeconds()
                for line in lines { _ = r.redact(line) }
                return GoldenComparisonTests.threadCPUSeconds() - start
            }.min() ?? 0
        }
        let ratio = time(many) / max(time(one), 1e-6)
        #expect(ratio < 4, "ratio \(ratio)")
    }
}

@Suite struct SecretNamesTests {
    /// Every variable of docs/secrets.md's service table, and the names of issue 15.
    @Test func theStandardVariablesOfEveryServiceLookSecret() {
        for name in [
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AZURE_STORAGE_CONNECTION_STRING",
            "AZURE_STORAGE_KEY", "AZURE_STORAGE_SAS_TOKEN", "AZURE_CLIENT_SECRET", "GOOGLE_API_KEY",
            "GOOGLE_APPLICATION_CREDENTIALS", "DB_PASSWORD", "DB_PASS", "PGPASSWORD", "POSTGRES_PASSWORD", "DATABASE_URL",
            "MYSQL_PWD", "MYSQL_PASSWORD", "MYSQL_ROOT_PASSWORD", "MONGO_PASSWORD", "MONGODB_URI", "MONGO_URL",
            "REDIS_PASSWORD", "REDIS_PASS", "REDISCLI_AUTH", "REDIS_URL", "OPENAI_API_KEY", "HF_TOKEN",
            "HUGGINGFACE_TOKEN", "HUGGING_FACE_HUB_TOKEN", "MLFLOW_TRACKING_PASSWORD", "MLFLOW_TRACKING_TOKEN",
            "SNOWFLAKE_PASSWORD", "SNOWFLAKE_PRIVATE_KEY", "SNOWFLAKE_PRIVATE_KEY_PASSPHRASE", "DATABRICKS_TOKEN",
            "DATABRICKS_CLIENT_SECRET", "SENTRY_DSN", "GITHUB_PAT", "GITHUB_TOKEN", "AUTH", "SQLALCHEMY_DATABASE_URI",
            "CELERY_BROKER_URL",
        ] {
            #expect(Redactor.looksSecret(name), "\(name)")
        }
        for name in [
            "PWD", "OLDPWD", "SSH_AUTH_SOCK", "TOKENIZERS_PARALLELISM", "DB_USER", "DB_HOST", "MLFLOW_TRACKING_URI",
            "KEYBOARD", "AUTHOR", "GIT_AUTHOR_NAME", "PASSENGER_COUNT", "HOME", "PATH", "S3_BUCKET",
        ] {
            #expect(!Redactor.looksSecret(name), "\(name)")
        }
    }
}
