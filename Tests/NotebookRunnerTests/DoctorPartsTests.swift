import Testing

@testable import NotebookRunner

@Suite struct DoctorPartsTests {
    @Test func secretPreviewListsFilesAndSkipsRenderTemporaries() {
        let dir = temporaryDirectory()
        writeFile("\(dir)/db", "export DB_USER=\"u\"\n")
        writeFile("\(dir)/123456", "partial")
        writeFile("\(dir)/.hidden", "X=1")
        writeFile("\(dir)/empty", "")
        writeFile("\(dir)/pem", "-----BEGIN KEY-----\nhunter22\n")
        let preview = SecretFilesPreview.scan(dir)
        #expect(preview.files.map(\.name) == ["123456", "db", "empty", "pem"])
        #expect(preview.files[3].keys.isEmpty && preview.files[3].problem?.hasSuffix("a run skips it") == true)
        #expect(SecretFilesPreview.scan(dir, strict: true).files[3].problem?.hasSuffix("a run stops here (exit 4)") == true)
        #expect(preview.files[3].problem?.contains("hunter22") == false)
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

    /// A run creates the termination log but not its folder.
    @Test func terminationLogWritability() {
        let dir = temporaryDirectory()
        writeFile("\(dir)/existing", "")
        #expect(Doctor.canWrite("\(dir)/existing"))
        #expect(Doctor.canWrite("\(dir)/not-yet"))
        #expect(!Doctor.canWrite("\(dir)/missing-folder/log"))
    }
}
