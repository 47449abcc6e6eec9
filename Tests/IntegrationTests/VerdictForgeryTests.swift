import FoundationEssentials
import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A notebook must not change nbrunner's verdict. The kernel runs under nbrunner's UID; a cell
/// (`runner-memory.ipynb`) finds nbrunner among its ancestors, opens `/proc/<nbrunner>/mem`
/// read-write and overwrites every `Results Summary:` in its memory. No ptrace call is made, so
/// the seccomp filter cannot stop it: nbrunner not being dumpable does.
@Suite(.timeLimit(.minutes(2)))
struct VerdictForgeryTests {
    func check(_ run: Finished, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let log = run.stderr + run.stdout
        #expect(log.contains("\nrunner "), "the cell did not find nbrunner: \(log.suffix(2000))", sourceLocation: sourceLocation)
        #expect(log.contains("\nmem-open EACCES\n"), "\(log.suffix(2000))", sourceLocation: sourceLocation)
        #expect(log.contains("\npatched 0\n"), sourceLocation: sourceLocation)
        #expect(!log.contains("HACKED"), sourceLocation: sourceLocation)
        // Its children are dumpable again after execve: the kernel itself is not affected.
        #expect(log.contains("\nkernel-dumpable 1\n"), sourceLocation: sourceLocation)
        let result = try run.summary()
        #expect(run.exitCode == 0 && result.exitCode == 0, sourceLocation: sourceLocation)
        #expect(result.statistics.succeededCells == 2, sourceLocation: sourceLocation)
    }

    /// OpenShift's random UID, nbrunner run by hand (child subreaper).
    @Test(.enabled(if: RandomUID.available, "needs root for setpriv"))
    func theKernelCannotWriteNbrunnersMemory() async throws {
        let random = try RandomUID(notebook: Paths.notebook("runner-memory.ipynb"))
        let run = try await random.run()
        #expect(run.stderr.contains("\nrunner ") && !run.stderr.contains("\nrunner 1 "), "\(run.stderr.suffix(2000))")
        try check(run)
        try run.checkContract()
    }

    /// The same as a container's ENTRYPOINT: PID 1 of its PID namespace, random UID.
    @Test(.enabled(if: RandomUID.available, "needs root for unshare --pid and setpriv"))
    func notAsPid1Either() async throws {
        let random = try RandomUID(notebook: Paths.notebook("runner-memory.ipynb"))
        let out = "\(random.dir)/out"
        mkdir(out, 0o777)
        chmod(out, 0o777)
        let run = try await Nbrunner.raw(
            [
                "run", random.notebook, "--output", "\(out)/output.ipynb", "--result", "\(out)/result.json",
                "--termination-log", "\(out)/termination-log", "--python", Paths.python,
            ],
            environment: ["PATH": "/usr/local/bin:/usr/bin:/bin"], replaceEnvironment: true, directory: out,
            binary: random.binary, prefix: ["/usr/bin/unshare", "--pid", "--fork", "--mount-proc"] + random.prefix)
        #expect(run.stderr.contains("\nrunner 1 nbrunner\n") || run.stdout.contains("\nrunner 1 nbrunner\n"), "\(run.stderr.suffix(2000))")
        try check(run)
    }
}

extension VerdictForgeryTests {
    /// Run by hand as root with every capability: not dumpable alone would not stop a kernel
    /// with CAP_SYS_PTRACE; the launcher drops it for papermill and everything below.
    @Test(.enabled(if: getuid() == 0, "the root case"))
    func notAsRootWithFullCapabilitiesEither() async throws {
        let dir = temporaryDirectory()
        let binary = "\(dir)/nbrunner"  // the cell looks for a process named nbrunner
        try Data(contentsOf: URL(filePath: Paths.binary)).write(to: URL(filePath: binary))
        chmod(binary, 0o755)
        let run = try await Nbrunner.raw(
            [
                "run", Paths.notebook("runner-memory.ipynb"), "--output", "\(dir)/output.ipynb", "--result", "\(dir)/result.json",
                "--termination-log", "\(dir)/termination-log", "--python", Paths.python,
            ],
            directory: dir, binary: binary)
        try check(run)
    }
}
