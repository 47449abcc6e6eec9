import FoundationEssentials
import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// An output folder nbrunner cannot write fails with exit 3 before any kernel starts, naming the
/// path and the remedy. Run for real as an OpenShift-style random UID with GID 0.
@Suite struct UnwritableOutputTests {
    @Test func unwritableOutputFolderExitsThree() async throws {
        let dir = temporaryDirectory()
        let locked = "\(dir)/locked"
        mkdir(locked, 0o755)  // owned by the test's user: not writable for another UID
        let asRandomUID = getuid() == 0
        if !asRandomUID { chmod(locked, 0o555) }
        // The checkout may sit where another UID cannot reach it (a 0700 home): work on copies.
        let binary = "\(dir)/nbrunner"
        let notebook = "\(dir)/error.ipynb"
        try Data(contentsOf: URL(filePath: Paths.binary)).write(to: URL(filePath: binary))
        try Data(contentsOf: URL(filePath: Paths.notebook("error.ipynb"))).write(to: URL(filePath: notebook))
        chmod(binary, 0o755)
        chmod(notebook, 0o644)
        let arguments = [
            "run", notebook, "--output", "\(locked)/out.ipynb",
            "--result", "\(dir)/result.json", "--termination-log", "\(dir)/termination-log",
            "--python", Paths.python,
        ]
        let run = try await Nbrunner.raw(
            arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": "/tmp"], replaceEnvironment: true, directory: dir,
            binary: binary,
            prefix: asRandomUID ? ["/usr/bin/setpriv", "--reuid=1000920000", "--regid=0", "--clear-groups"] : [])
        #expect(run.exitCode == 3, "\(run.stderr)")
        let result = try run.checkContract()
        #expect(result.errorCategory == .environmentSetupFailed)
        #expect(result.error.contains(locked))
        #expect(result.error.contains("chmod -R g=u"))
        #expect(result.papermill == nil, "no kernel may start")
    }
}
