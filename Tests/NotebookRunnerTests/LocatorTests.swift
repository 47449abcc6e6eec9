import Testing

@testable import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct LocatorTests {
    @Test func papermillIsTheFirstImportableOneWithItsMetadataVersion() {
        let root = temporaryDirectory()
        for dir in ["\(root)/a", "\(root)/b/papermill", "\(root)/b/papermill-2.7.0.dist-info", "\(root)/c/papermill"] {
            _ = try? WritableProbe.makeDirectories(dir)
        }
        writeFile("\(root)/b/papermill/__init__.py", "")
        writeFile("\(root)/b/papermill-2.7.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: papermill\nVersion: 2.7.0\n\nVersion: not this\n")
        writeFile("\(root)/c/papermill/__init__.py", "")
        let found = PapermillLocator.find(in: ["\(root)/a", "\(root)/missing", "\(root)/b", "\(root)/c"])
        #expect(found == PapermillInstall(location: "\(root)/b/papermill", version: "2.7.0"))
        // A dist-info without the package is a broken install, not papermill.
        #expect(PapermillLocator.find(in: ["\(root)/a"]) == nil)
    }

    @Test func kernelsResolveCaseInsensitivelyAndPython3NeedsIpykernel() {
        let root = temporaryDirectory()
        _ = try? WritableProbe.makeDirectories("\(root)/k/MyKernel")
        _ = try? WritableProbe.makeDirectories("\(root)/k/nojson")
        writeFile("\(root)/k/MyKernel/kernel.json", "{}")
        var facts = PythonFacts(executable: "/py", version: "3.11.0", path: [], prefix: "/p", ipykernel: false, kernelDirs: ["\(root)/k"])
        #expect(KernelLocator.resolve("mykernel", facts: facts, environment: [:]) == .spec("\(root)/k/MyKernel"))
        #expect(KernelLocator.resolve("python3", facts: facts, environment: [:]) == .missing(available: ["mykernel"]))
        facts.ipykernel = true
        #expect(KernelLocator.resolve("python3", facts: facts, environment: [:]) == .native)
        #expect(KernelLocator.resolve("ir", facts: facts, environment: [:]) == .missing(available: ["mykernel", "python3"]))
    }

    @Test func writableProbeReallyWrites() throws {
        let root = temporaryDirectory()
        try WritableProbe.check(directory: "\(root)/new/nested")
        #expect(FileSystem.isDirectory("\(root)/new/nested"))
        #expect(FileSystem.entries("\(root)/new/nested") == [])
        #expect(throws: WritableProbe.Failure.self) { try WritableProbe.check(directory: "/proc/self/nbrunner") }
    }
}
