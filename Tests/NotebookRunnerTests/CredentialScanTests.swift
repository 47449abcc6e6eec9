import FoundationEssentials
import Testing

@testable import NotebookRunner

/// Issue 15: hard-coded credentials in code cells, each kind planted once; ordinary code finds
/// nothing.
@Suite struct CredentialScanTests {
    static let planted = #"""
        import boto3, os
        s3 = boto3.client('s3', aws_access_key_id='AKIAIOSFODNN7EXAMPLE',
                          aws_secret_access_key='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')
        openai.api_key = "sk-proj-abcdefghijklmnopqrstuvwxyz012345"
        login(token="hf_abcdefghijklmnopqrstuvwxyzABCDEF")
        gh = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'
        slack = "xoxb-123456789012-abcdefghijkl"
        maps = "AIzaSyA-abcdefghijklmnopqrstuvwxyz01234"
        conn = "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50u==;"
        engine = create_engine("postgresql://reader:Tr0ub4dor3@db:5432/features")
        password = "hunter2-hunter2"
        cfg = {"db_pass": "s3cr3t-pass"}
        key = """-----BEGIN RSA PRIVATE KEY-----
        MIIEowIBAAKCAQEA7abc
        -----END RSA PRIVATE KEY-----"""
        """#

    @Test func everyPlantedKindIsFound() {
        let findings = CredentialScan.scan(source: Self.planted, cellIndex: 2)
        let kinds = Set(findings.map(\.kind))
        for kind in [
            "aws_access_key_id", "aws_secret_access_key", "openai_api_key", "huggingface_token", "github_token",
            "slack_token", "google_api_key", "azure_account_key", "url_password", "credential_literal", "private_key",
        ] {
            #expect(kinds.contains(kind), "\(kind): \(findings.map(\.description))")
        }
        #expect(findings.allSatisfy { $0.cellIndex == 2 })
        #expect(findings.first { $0.kind == "aws_access_key_id" }?.line == 2)
        #expect(findings.first { $0.kind == "url_password" }?.value == "Tr0ub4dor3")
        #expect(findings.contains { $0.value == "hunter2-hunter2" } && findings.contains { $0.value == "s3cr3t-pass" })
        #expect(!findings.map(\.description).joined().contains("hunter2"), "descriptions never hold a value")
    }

    @Test func ordinaryCodeFindsNothing() {
        let ordinary = #"""
            import os, getpass
            password = os.environ['DB_PASSWORD']
            token = os.environ.get("HF_TOKEN")
            db_url = f"postgresql://{user}:{password}@{host}:5432/{db}"
            url = "postgresql://user:${DB_PASSWORD}@db/x"
            password_env = "DB_PASSWORD"
            token_type = "bearer"
            max_tokens = 256
            tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")
            secret_name = "aws-credentials"
            api_key = "<your-api-key>"
            model = "sk-learn"
            print("password is required")
            s3 = boto3.client("s3")
            api_key = getpass.getpass("API key: ")
            """#
        #expect(CredentialScan.scan(source: ordinary, cellIndex: 0).map(\.description) == [])
    }

    /// The repository's own fixtures and documented examples are ordinary notebooks.
    @Test func noFindingsInTheRepositoryNotebooks() throws {
        var root = #filePath
        for _ in 0..<3 { root = FileSystem.parent(root) }
        var checked = 0
        for folder in ["\(root)/Tests/Fixtures/notebooks", "\(root)/docs/examples"] {
            for name in FileSystem.entries(folder) ?? [] where name.hasSuffix(".ipynb") && name != "hardcoded-credentials.ipynb" {
                let path = "\(folder)/\(name)"
                guard let document = try? NotebookReader.decode(Data(contentsOf: URL(filePath: path)), path: path) else { continue }
                checked += 1
                #expect(CredentialScan.scan(document).map(\.description) == [], "\(name)")
            }
        }
        #expect(checked > 20)
    }
}
