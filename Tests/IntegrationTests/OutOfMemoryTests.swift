import FoundationEssentials
import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A kernel killed by the OOM killer is `kernel_died` with "probably out of memory": run for
/// real in a memory cgroup with a small limit (cgroup v1 here; needs root and a writable
/// memory hierarchy).
@Suite(.timeLimit(.minutes(2))) struct OutOfMemoryTests {
    static let hierarchy = "/sys/fs/cgroup/memory"
    static var available: Bool { getuid() == 0 && access(hierarchy, W_OK) == 0 }

    @Test(.enabled(if: OutOfMemoryTests.available, "needs root and a writable cgroup v1 memory hierarchy"))
    func oomKilledKernelSaysProbablyOutOfMemory() async throws {
        let cgroup = "\(Self.hierarchy)/nbrunner-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        #expect(mkdir(cgroup, 0o755) == 0)
        defer { rmdir(cgroup) }
        try Data("\(400 * 1024 * 1024)".utf8).write(to: URL(filePath: "\(cgroup)/memory.limit_in_bytes"))
        let run = SignalledRun()
        // The shell moves itself into the cgroup, then becomes nbrunner.
        let finished = try await run.run(
            Paths.notebook("memory-hog.ipynb"),
            prefix: ["/bin/sh", "-c", "echo $$ > \(cgroup)/cgroup.procs && exec \"$0\" \"$@\""])
        #expect(finished.exitCode == 6, "\(finished.stderr.suffix(2000))")
        let result = try finished.checkContract()
        #expect(result.errorCategory == .kernelDied)
        #expect(result.failedCell?.cellIndex == 1)
        #expect(result.error.contains("probably out of memory"), "\(result.error)")
        #expect(run.survivors().isEmpty, "\(run.survivors())")
    }
}
