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
        #expect(out == #"{"cells": [{"cell_type": "code", "outputs": [{"name": "stdout", "text": ["*** *** false"]}], "trusted": false}], "code": 1}"#)
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
        for name in ["AWS_ACCESS_KEY_ID", "DB_HOST", "PATH", "KEYBOARD", "TOKENIZERS_PARALLELISM"] {
            #expect(!Redactor.looksSecret(name), "\(name)")
        }
    }

    @Test func redactedResultKeepsTheTerminationMessageValidAndInBudget() throws {
        let secret = String(repeating: "\"\\é", count: 400)
        var result = ResultAssembler.assemble(
            category: .notebookExecutionFailed, message: "failed: \(secret)", cells: [], failedCell:
                .init(cellIndex: 1, executionCount: 1, ename: "E", evalue: secret + secret),
            configuration: nil, notebookPath: "/n", facts: RunFacts(), timing: .init(started: .now, finished: .now))
        result = result.redacted(by: Redactor(values: [secret]))
        #expect(!result.error.contains(secret))
        let bytes = TerminationMessage.render(result, budget: 256)
        #expect(bytes.count <= 256)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("\\\"\\\\é"))
        _ = try JSONValue.parse(bytes)
    }
}
