import Testing
@testable import NotebookRunner

@Suite struct DoctorPartsTests {
    @Test func secretPreviewShowsKeyNamesNeverValues() {
        let text = "export DB_USER=\"admin\"\nDB_PASSWORD='s3cr3t$x'\n  export API_TOKEN=abc\n# comment\nnot a line\n1BAD=x\n"
        let names = SecretFilesPreview.keyNames(text)
        #expect(names == ["DB_USER", "DB_PASSWORD", "API_TOKEN"])
        #expect(!names.joined().contains("s3cr3t"))
    }

    @Test func secretPreviewListsFilesAndSkipsRenderTemporaries() {
        let dir = temporaryDirectory()
        writeFile("\(dir)/db", "export DB_USER=\"u\"\n")
        writeFile("\(dir)/123456", "partial")
        writeFile("\(dir)/.hidden", "X=1")
        writeFile("\(dir)/empty", "")
        let preview = SecretFilesPreview.scan(dir)
        #expect(preview.files.map(\.name) == ["123456", "db", "empty"])
        #expect(preview.files[1].keys == ["DB_USER"])
        #expect(preview.files[0].problem != nil)
        #expect(preview.files[2].problem?.contains("empty") == true)
        #expect(!SecretFilesPreview.scan("/nonexistent/vault").exists)
    }

    @Test func credentialNamesOnly() {
        let s = CredentialNames.summarise(["AWS_ACCESS_KEY_ID": "AKIA…", "MY_API_KEY": "x", "PATH": "/bin", "NBRUNNER_X": "y"])
        #expect(s.present == ["AWS_ACCESS_KEY_ID", "MY_API_KEY"])
        #expect(s.missingConventional.contains("AWS_SECRET_ACCESS_KEY"))
        #expect(!s.missingConventional.contains("AWS_ACCESS_KEY_ID"))
    }

    @Test func processStatusFields() {
        let s = ProcessStatus.parse("Name:\tx\nCapEff:\t0000000000000000\nNoNewPrivs:\t1\nSeccomp:\t2\n")
        #expect(s.seccomp == 2 && s.noNewPrivs == true && s.effectiveCapabilities == "0000000000000000")
        #expect(s.seccompText == "filter active")
        #expect(ProcessStatus.current().seccomp != nil)
    }
}
